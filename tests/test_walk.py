"""`notelint check DIR`: which files a folder walk lints, skips and reports."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from notelint.config import default_ruleset, load_config
from notelint.linter import Linter
from notelint.sources import Note

NOTE = "Dear Dana,\n\nThank you for the interview.\n"


def write(root: Path, *names: str, data: bytes = NOTE.encode()) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def walked(root: Path, linter: Linter | None = None, verbose: bool = True):  # type: ignore[no-untyped-def]
    linter = linter or Linter(default_ruleset())
    report = linter.lint_paths([root], verbose=verbose)
    paths = {Path(v.path).relative_to(root).as_posix() for v in report.violations}
    return paths, report


def test_finds_notes_by_extension(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "b.md", "c.markdown", "d.eml", "e.html", "f.htm", "sub/g.md")
    write(tmp_path, "script.py", "data.csv", "README")
    paths, report = walked(tmp_path)
    assert paths == {"a.txt", "b.md", "c.markdown", "d.eml", "e.html", "f.htm", "sub/g.md"}
    assert report.files == 7 and not report.errors
    assert any("script.py: skipped, not a note" in n for n in report.notices)


def test_hidden_folders_and_files_are_skipped(tmp_path: Path) -> None:
    write(tmp_path, "a.md", ".hidden/b.md", ".c.md", "sub/.git/d.md")
    paths, report = walked(tmp_path)
    assert paths == {"a.md"}
    assert any(".hidden: skipped, hidden folder" in n for n in report.notices)


def test_exclude_globs_from_config(tmp_path: Path) -> None:
    (tmp_path / ".notelint.yaml").write_text('exclude: ["archive/**", "*.draft.md"]\n')
    write(tmp_path, "a.md", "archive/old.md", "archive/deep/older.md", "x.draft.md")
    paths, report = walked(tmp_path, Linter(load_config(tmp_path / ".notelint.yaml")))
    assert paths == {"a.md"}
    assert any("excluded by config" in n for n in report.notices)


def test_files_that_are_not_text_are_skipped_with_a_notice(tmp_path: Path) -> None:
    """A binary file with a note's name is named even without --verbose: the writer may
    think it was checked. It is a skipped file, not an error."""
    write(tmp_path, "a.md")
    write(tmp_path, "image.txt", data=b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    paths, report = walked(tmp_path)
    assert paths == {"a.md"} and not report.errors
    assert any("image.txt: skipped, not a text file" in n for n in report.notices)
    _, quiet = walked(tmp_path, verbose=False)
    assert quiet.notices == [f"{tmp_path / 'image.txt'}: skipped, not a text file"]
    assert not quiet.errors


def test_a_binary_file_given_by_name_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "image.txt", data=b"\x00\x01\x02")
    report = Linter(default_ruleset()).lint_paths([tmp_path / "image.txt"])
    assert [e.message for e in report.errors] == ["binary file, not a text note"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_symlink_loops_are_not_followed(tmp_path: Path) -> None:
    write(tmp_path, "notes/a.md", "other/b.md")
    (tmp_path / "notes" / "loop").symlink_to(tmp_path / "notes", target_is_directory=True)
    (tmp_path / "notes" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "notes" / "link-to-other").symlink_to(tmp_path / "other")
    paths, report = walked(tmp_path / "notes")
    assert paths == {"a.md", "link-to-other/b.md"}
    assert report.files == 2 and not report.errors


def test_an_unreadable_file_is_an_error_and_the_run_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "a.md", "b.md", "c.md")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "b.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    paths, report = walked(tmp_path)
    assert paths == {"a.md", "c.md"}
    assert [(Path(e.path).name, e.message) for e in report.errors] == [
        ("b.md", "permission denied")
    ]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_an_unreadable_folder_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "locked/b.md")
    (tmp_path / "locked").chmod(0)
    try:
        paths, report = walked(tmp_path)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert paths == {"a.md"}
    assert any("cannot read folder" in e.message for e in report.errors)


def test_a_broken_symlink_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "a.md")
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    paths, report = walked(tmp_path)
    assert paths == {"a.md"}
    assert [(Path(e.path).name, e.message) for e in report.errors] == [("gone.md", "no such file")]


def test_each_file_is_linted_once(tmp_path: Path) -> None:
    write(tmp_path, "a.md")
    report = Linter(default_ruleset()).lint_paths([tmp_path, tmp_path / "a.md"])
    assert report.files == 1


def test_a_folder_that_cannot_be_listed_is_an_error_and_the_walk_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "a.md", "locked/b.md", "z/c.md")
    real = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    paths, report = walked(tmp_path)
    assert paths == {"a.md", "z/c.md"}
    assert [(Path(e.path).name, e.message) for e in report.errors] == [
        ("locked", "cannot read folder: permission denied")
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_in_a_folder_is_skipped_not_read(tmp_path: Path) -> None:
    """Reading a pipe nobody writes to would hang the run forever."""
    write(tmp_path, "a.md")
    os.mkfifo(tmp_path / "pipe.md")
    paths, report = walked(tmp_path)
    assert paths == {"a.md"} and not report.errors
    assert any("pipe.md: skipped, not a regular file" in n for n in report.notices)


def test_a_device_given_by_name_is_an_error(tmp_path: Path) -> None:
    device = Path(os.devnull)
    if not device.exists() or device.is_file():
        pytest.skip("no character device to name")
    report = Linter(default_ruleset()).lint_paths([device, tmp_path / "missing.md"])
    assert [(e.path, e.message) for e in report.errors][0] == (
        str(device),
        "not a regular file",
    )


def test_workers_report_what_one_process_reports_in_the_same_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With more than one job the workers read the notes as well as lint them; the
    report must not show it: the same violations, errors, notices and count, in the
    order of the inputs, as reading and linting them one by one in this process."""
    from notelint import linter as linter_module
    from notelint.linter import Report

    notes = tmp_path / "notes"
    texts = [NOTE, NOTE + "\nI am SO excited!!!\n", "Hi,\n\nthx for the chat\n\nTom\n"]
    for i in range(120):
        folder = ("", "strict/", "broken/")[i % 3] if i % 4 else ""
        write(notes, f"{folder}n{i:03d}.md", data=texts[i % 3].encode())
    (notes / "strict" / ".notelint.yaml").write_text("rules:\n  informal: off\n")
    (notes / "broken" / ".notelint.yaml").write_text("rules: [\n")
    write(notes, "n050.txt", "broken/z.md", data=b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    write(notes, "n070.md", data=b"---\ninterviewer: [\n---\nHi\n")
    write(tmp_path, "named.txt", data=b"\x00\x01\x02")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name in ("n034.md", "n035.md"):  # n035 is under the broken config
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    inputs = [notes / "strict", tmp_path / "gone.md", notes, tmp_path / "named.txt"]

    def summary(report: Report) -> tuple[object, ...]:
        return (
            [v.to_dict() for v in report.violations],
            [str(e) for e in report.errors],
            report.notices,
            report.files,
        )

    def reference(paths: list[Path]) -> tuple[tuple[object, ...], list[Note]]:
        one_by_one = Report()
        linter = Linter(jobs=1)
        read = [note for note, _ in linter.read_paths(paths, one_by_one, verbose=True)]
        one_by_one.violations = linter.lint_notes(read)
        one_by_one.files = len(read)
        return summary(one_by_one), read

    # The first note of the "strict" config cannot be read: the default config's note
    # still comes first, as it is the first that can.
    first_unread = [notes / "strict" / "n034.md", notes / "n000.md", notes / "strict" / "n001.md"]
    assert summary(Linter(jobs=1).lint_paths(first_unread))[:2] == reference(first_unread)[0][:2]

    expected, read = reference(inputs)
    errors = expected[1]
    assert isinstance(errors, list)
    for name in ("gone.md", "named.txt", "n034.md", "n035.md", "n070.md", ".notelint.yaml"):
        assert any(name in e for e in errors), name
    assert len(expected[2]) >= 2  # the two files that are not text, and verbose notices

    forked: list[int] = []
    real_in_workers = linter_module._in_workers

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        forked.append(args[3])
        return real_in_workers(*args, **kwargs)

    monkeypatch.setattr(linter_module, "_in_workers", spy)
    for jobs in (1, 2, 3, 0):
        assert summary(Linter(jobs=jobs).lint_paths(inputs, verbose=True)) == expected, jobs
    if linter_module._can_fork():
        assert forked[:2] == [2, 3]
    # Notes given as notes (the Python API) are shared out the same way.
    assert [v.to_dict() for v in Linter(jobs=2).lint_notes(read)] == expected[0]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_walked_file_resolves_as_path_resolve_does(tmp_path: Path) -> None:
    from notelint.linter import _resolved

    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text("Dear Dana,")
    (tmp_path / "elsewhere.txt").write_text("Dear Dana,")
    (real / "b.txt").symlink_to(tmp_path / "elsewhere.txt")  # a link to a file
    (real / "gone.txt").symlink_to(tmp_path / "nowhere.txt")  # a broken link
    (tmp_path / "alias").symlink_to(real, target_is_directory=True)  # a link to a folder
    folders: dict[Path, Path] = {}
    for folder in (real, tmp_path / "alias"):
        for name in ("a.txt", "b.txt", "gone.txt", "missing.txt"):
            path = folder / name
            assert _resolved(path, folders) == path.resolve(), path
    target = (tmp_path / "elsewhere.txt").resolve()
    assert _resolved(tmp_path / "alias" / "b.txt", folders) == target
