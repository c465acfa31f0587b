"""The on-disk cache: used when it holds the entry, missed when anything it was made
from changes, and never in the way (unwritable, corrupt or switched off)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from notelint import cache, config
from notelint.config import ConfigError, default_rules_path, load_config
from notelint.kinds import KINDS
from notelint.kinds.matching import pattern_problem
from notelint.lexicons import default_lexicons, expand

RULE_SET = """rules:
  no-salary:
    kind: existence
    message: "\\"{text}\\" raises pay too early"
    phrases: [salary]
"""


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(folder))
    config._rule_file.cache_clear()
    yield folder
    config._rule_file.cache_clear()


def _user_config(tmp_path: Path) -> Path:
    (tmp_path / "rules.yaml").write_text(RULE_SET, encoding="utf-8")
    path = tmp_path / ".notelint.yaml"
    path.write_text("extends: rules.yaml\n", encoding="utf-8")
    return path


def _parse_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(path: Path) -> None:
        raise AssertionError(f"{path} was parsed again")

    monkeypatch.setattr(config, "_parse_rule_file", fail)


def test_rule_file_is_read_from_the_cache_until_it_changes(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _user_config(tmp_path)
    assert [r.id for r in load_config(path).rules] == ["no-salary"]
    assert list(cache_dir.glob("ruleset-*.pickle"))

    parse = config._parse_rule_file
    _parse_fails(monkeypatch)
    config._rule_file.cache_clear()
    assert [r.id for r in load_config(path).rules] == ["no-salary"]  # from the cache

    # The rule file changes: the cached entry is stale and the file is parsed again.
    (tmp_path / "rules.yaml").write_text(RULE_SET.replace("no-salary", "no-pay"), "utf-8")
    config._rule_file.cache_clear()
    with pytest.raises(AssertionError, match="parsed again"):
        load_config(path)
    monkeypatch.setattr(config, "_parse_rule_file", parse)
    assert [r.id for r in load_config(path).rules] == ["no-pay"]


def test_a_new_notelint_misses_the_old_entries(
    cache_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _user_config(tmp_path)
    load_config(path)
    _parse_fails(monkeypatch)
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "another version")
    config._rule_file.cache_clear()
    with pytest.raises(AssertionError, match="parsed again"):
        load_config(path)


def test_entry_keys_name_the_code_and_the_input() -> None:
    assert cache.entry_key("a", b"1") == cache.entry_key("a", b"1")
    assert cache.entry_key("a", b"1") != cache.entry_key("a", b"2")
    assert cache.entry_key("a", b"1") != cache.entry_key("b", b"1")


def test_store_and_load(cache_dir: Path) -> None:
    cache.store("thing", "key-1", {"x": 1})
    assert cache.load("thing", "key-1") == {"x": 1}
    assert cache.load("thing", "key-2") is None  # another key: a miss, not the old value
    cache.store("thing", "key-2", {"x": 2})
    assert cache.load("thing", "key-2") == {"x": 2}
    assert cache.load("thing", "key-1") is None
    assert [p.name for p in cache_dir.iterdir()] == ["thing.pickle"]  # no leftovers


def test_corrupt_entry_is_a_miss(cache_dir: Path, tmp_path: Path) -> None:
    cache_dir.mkdir()
    (cache_dir / "thing.pickle").write_bytes(b"not a pickle")
    assert cache.load("thing", "key") is None
    path = _user_config(tmp_path)
    for entry in cache_dir.iterdir():
        entry.write_bytes(b"\x80garbage")
    assert [r.id for r in load_config(path).rules] == ["no-salary"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions")
def test_unwritable_cache_is_not_an_error(cache_dir: Path, tmp_path: Path) -> None:
    cache_dir.mkdir()
    cache_dir.chmod(0o500)
    try:
        cache.store("thing", "key", 1)
        assert cache.load("thing", "key") is None
        assert [r.id for r in load_config(_user_config(tmp_path)).rules] == ["no-salary"]
    finally:
        cache_dir.chmod(0o700)


def test_cache_in_a_file_not_a_folder_is_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv(cache.ENV, str(blocker / "cache"))
    config._rule_file.cache_clear()
    cache.store("thing", "key", 1)
    assert cache.load("thing", "key") is None
    assert [r.id for r in load_config(_user_config(tmp_path)).rules] == ["no-salary"]
    config._rule_file.cache_clear()


@pytest.mark.parametrize("value", ["", "off"])
def test_cache_can_be_switched_off(
    value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.ENV, value)
    assert cache.cache_dir() is None
    cache.store("thing", "key", 1)
    assert cache.load("thing", "key") is None


def test_default_cache_folder_is_the_users(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
    folder = cache.cache_dir()
    assert folder is not None and folder.name == "notelint"


def test_broken_user_rule_file_is_reported_not_cached(cache_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "rules.yaml").write_text(
        RULE_SET.replace("phrases: [salary]", "patterns: [[{NOPE: salary}]]"), "utf-8"
    )
    (tmp_path / ".notelint.yaml").write_text("extends: rules.yaml\n", encoding="utf-8")
    for _ in range(2):  # the second time from disk again, not from a cached success
        config._rule_file.cache_clear()
        with pytest.raises(ConfigError, match="not a valid spaCy token pattern"):
            load_config(tmp_path / ".notelint.yaml")


def test_shipped_patterns_are_valid() -> None:
    """The shipped rule set's token patterns are not validated on every run (that needs
    spaCy); they are validated here."""
    rules, _ = config._parse_rule_file(default_rules_path())
    lexicons = default_lexicons()
    checked = 0
    for rule_id, definition in rules.items():
        kind = KINDS[definition["kind"]]
        for key, spec in kind.Options.specs().items():
            if spec.type != "patterns":
                continue
            for pattern in definition["options"].get(key) or ():
                assert pattern_problem(expand(pattern, lexicons)) is None, (rule_id, pattern)
                checked += 1
    assert checked > 100
