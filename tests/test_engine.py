"""The rule engine: only the rules selected for a run are compiled and run, findings come
back as a value, and what the linter does with a kind's findings is read from the kind."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from notelint import engine
from notelint.config import default_ruleset
from notelint.engine import Engine, engine_for
from notelint.kinds import KINDS
from notelint.kinds.word_count import WordCountKind
from notelint.linter import Linter
from notelint.model import Finding
from notelint.pipeline import build_nlp
from notelint.sources import note_from_text

SHORT = "Dear Dana,\n\nIt was my dream job.\n\nBest,\nSam\n"  # too short, and hyperbole


class Calls:
    def __init__(self) -> None:
        self.built = 0
        self.checked: list[str] = []


@pytest.fixture
def length_calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[Calls]:
    """Count how often the kind of `length` (the only word-count rule of the default
    set) is constructed and run; compiled engines are dropped so that it is rebuilt."""
    calls = Calls()

    class CountingWordCount(WordCountKind):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            calls.built += 1

        def check(self, doc: Any, note: Any) -> Iterable[Finding]:
            calls.checked.append(note.path)
            return super().check(doc, note)

    monkeypatch.setitem(KINDS, "word-count", CountingWordCount)
    monkeypatch.setattr(engine, "_cache", {})
    yield calls


def rules(linter: Linter, text: str = SHORT, filename: str = "note.md") -> set[str]:
    return {v.rule for v in linter.lint_text(text, filename)}


def test_every_rule_is_built_once_and_run_by_default(length_calls: Calls) -> None:
    linter = Linter(default_ruleset())
    assert "length" in rules(linter)
    assert "length" in rules(linter, filename="other.md")
    assert length_calls.built == 1  # compiled once, reused for the second note
    assert length_calls.checked == ["note.md", "other.md"]


@pytest.mark.parametrize(
    "options",
    [{"ignore": ["length"]}, {"select": ["hyperbole"]}, {"select": ["hyperbole", "thank-you"]}],
)
def test_a_rule_left_out_of_the_run_is_never_built_nor_run(
    length_calls: Calls, options: dict[str, list[str]]
) -> None:
    found = rules(Linter(default_ruleset(), **options))  # type: ignore[arg-type]
    assert "length" not in found
    assert "hyperbole" in found  # the rest of the run goes on
    assert length_calls.built == 0
    assert length_calls.checked == []


def test_a_rule_switched_off_by_config_is_built_only_when_select_names_it(
    length_calls: Calls, tmp_path: Path
) -> None:
    config = tmp_path / "notelint.yaml"
    config.write_text("rules:\n  length: off\n")
    assert "length" not in rules(Linter(config))
    assert length_calls.built == 0
    assert rules(Linter(config, select=["length"])) == {"length"}
    assert {"length", "hyperbole"} <= rules(Linter(config, extend_select=["length"]))
    assert length_calls.built == 2  # one engine for each selection
    assert len(length_calls.checked) == 2


def test_a_note_that_disables_a_rule_skips_it(length_calls: Calls) -> None:
    linter = Linter(default_ruleset())
    disabled = "---\nnotelint: {disable: [length]}\n---\n" + SHORT
    found = rules(linter, disabled, "off.md")
    assert "length" not in found and "hyperbole" in found
    assert length_calls.built == 1
    assert length_calls.checked == []  # built for the run, but not run on this note
    assert "length" in rules(linter, SHORT, "on.md")
    assert length_calls.checked == ["on.md"]


def test_a_per_file_disable_skips_the_rule_for_matching_paths(
    length_calls: Calls, tmp_path: Path
) -> None:
    (tmp_path / ".notelint.yaml").write_text('per_file:\n  "old/**": {disable: [length]}\n')
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "a.md").write_text(SHORT)
    (tmp_path / "b.md").write_text(SHORT)
    report = Linter().lint_paths([tmp_path])
    assert {(Path(v.path).name, v.rule) for v in report if v.rule == "length"} == {
        ("b.md", "length")
    }
    assert [Path(p).name for p in length_calls.checked] == ["b.md"]


def test_directive_findings_are_not_suppressed_but_other_kinds_are() -> None:
    text = "<!-- notelint-disable -->\nIt was my dream job.\n<!-- notelint-enable hyperbol -->\n"
    linter = Linter(default_ruleset(), select=["hyperbole", "directive"])
    assert rules(linter, text) == {"directive"}
    assert KINDS["directive"].suppressible is False


def test_the_linter_reads_suppressibility_from_the_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "<!-- notelint-disable -->\nIt was my dream job.\n"
    linter = Linter(default_ruleset(), select=["hyperbole"])
    assert rules(linter, text) == set()
    monkeypatch.setattr(KINDS["existence"], "suppressible", False)  # hyperbole's kind
    assert rules(linter, text) == {"hyperbole"}


def test_run_returns_the_findings_and_leaves_the_doc_alone() -> None:
    nlp = build_nlp()
    ruleset = default_ruleset()
    hyperbole = engine_for(nlp, ruleset, frozenset({"hyperbole"}))
    assert engine_for(nlp, ruleset, frozenset({"hyperbole"})) is hyperbole
    assert [c.rule.id for c in hyperbole.checkers] == ["hyperbole"]
    note = note_from_text("It was my dream job.")
    doc = nlp(note.masked)
    findings = hyperbole.run(doc, note)
    assert [(f.rule, note.text[f.start : f.end]) for f in findings] == [("hyperbole", "dream job")]
    assert not doc.spans
    assert hyperbole.run(doc, note, skip=frozenset({"hyperbole"})) == []


def test_an_engine_runs_its_rules_in_the_rule_sets_order() -> None:
    nlp = build_nlp()
    ruleset = default_ruleset()
    wanted = ["hyperbole", "length", "thank-you"]
    built = Engine(nlp, (r for r in ruleset.rules if r.id in wanted))
    order = [r.id for r in ruleset.rules if r.id in wanted]
    assert [c.rule.id for c in built.checkers] == order


def test_threads_linting_at_once_share_one_compiled_engine(length_calls: Calls) -> None:
    ruleset = default_ruleset()
    start = threading.Barrier(6)

    def lint(_: int) -> set[str]:
        start.wait()
        return rules(Linter(ruleset, select=["length", "hyperbole"]))

    with ThreadPoolExecutor(6) as pool:
        results = list(pool.map(lint, range(6)))
    assert results == [{"length", "hyperbole"}] * 6
    assert length_calls.built == 1
    assert len(length_calls.checked) == 6
