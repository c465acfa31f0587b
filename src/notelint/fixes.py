"""Applying fixes: the one place edits are chosen, ordered and applied, used by the CLI
(--fix, --diff), the language server (fix all) and the Python API (fix_text).

Edits of one pass never overlap: they are taken in a stable order (safe fixes first,
then by position, then rule) and an edit that overlaps one already taken waits for the
next pass, after the note has been linted again. Passes stop when nothing changes, or
after MAX_PASSES. Fixing a fixed note changes nothing.
"""

from __future__ import annotations

import codecs
import difflib
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from notelint.config import RuleSet
from notelint.fixtable import editable
from notelint.linter import InputError, Linter, Report
from notelint.model import Edit, Violation
from notelint.safewrite import ChangedOnDisk, replace_file
from notelint.sources import Note, SourceError, note_from_bytes, note_from_text

MAX_PASSES = 10


def chosen(violations: Iterable[Violation], *, unsafe: bool = False) -> list[Violation]:
    """The violations --fix would fix: those with a safe fix, and with `unsafe` those
    with a suggestion too (its first option)."""
    return [v for v in violations if v.fix_edits and v.fix is not None and (v.fix.safe or unsafe)]


def _conflict(a: Edit, b: Edit) -> bool:
    """Two edits that cannot both be applied in one pass: they overlap, or they touch
    the same point (two insertions there, or an insertion at a replacement's edge)."""
    if a.start == a.end or b.start == b.end:
        return a.start <= b.end and b.start <= a.end
    return a.start < b.end and b.start < a.end


def apply_edits(
    note: Note, violations: Sequence[Violation]
) -> tuple[str, list[Violation], list[Violation]]:
    """Apply the first option of each violation's fix, in a stable order; returns the
    new text, the violations fixed, and those deferred because of an overlap."""
    ordered = sorted(
        (v for v in violations if v.fix_edits),
        # Safe fixes first: a suggestion over the same words waits for the next pass.
        key=lambda v: (
            not (v.fix and v.fix.safe),
            v.fix_edits[0].start,
            v.fix_edits[0].end,
            v.rule,
            v.message,
        ),
    )
    taken: list[Edit] = []
    applied: list[Violation] = []
    deferred: list[Violation] = []
    for v in ordered:
        edits = v.fix_edits
        if not all(editable(note, e) for e in edits):
            continue  # never touch what is not prose, whatever a fix says
        if any(_conflict(e, t) for e in edits for t in taken) or _self_conflict(edits):
            deferred.append(v)
            continue
        taken.extend(edits)
        applied.append(v)
    text = note.text
    for e in sorted(taken, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: e.start] + e.content + text[e.end :]
    return text, applied, deferred


def _self_conflict(edits: Sequence[Edit]) -> bool:
    return any(_conflict(a, b) for i, a in enumerate(edits) for b in edits[i + 1 :])


@dataclass
class Fixed:
    """A note after fixing: its text, the fixes applied (as the violations they fixed,
    each at its place in the text of its pass) and what is left."""

    text: str
    applied: list[Violation] = field(default_factory=list)
    remaining: list[Violation] = field(default_factory=list)
    passes: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def fix_note(
    linter: Linter, note: Note, *, unsafe: bool = False, max_passes: int = MAX_PASSES
) -> Fixed:
    """Fix a note in memory, pass after pass, until nothing is left to fix."""
    current = note
    applied: list[Violation] = []
    violations = linter.lint_notes([current])
    passes = 0
    while passes < max_passes:
        picked = chosen(violations, unsafe=unsafe)
        if not picked:
            break
        text, done, _ = apply_edits(current, picked)
        if not done or text == current.text:
            break
        if is_decoded(note):
            # No mask can be made for new decoded text: one pass, shown, never written.
            return Fixed(text, applied + list(done), violations, passes + 1)
        try:
            # note_from_text drops a leading BOM, as a file's; the fixed text has none to
            # drop: a U+FEFF at its start is the note's own character (it was the second).
            bom = "\ufeff" if text.startswith("\ufeff") else ""
            after = note_from_text(bom + text, note.path, fmt=note.format)
        except SourceError:
            break  # this pass would leave a note notelint cannot read (its front matter)
        passes += 1
        applied.extend(done)
        current = after
        violations = linter.lint_notes([current])
    return Fixed(current.text, applied, violations, passes)


def is_decoded(note: Note) -> bool:
    """A note whose text is not the file's own (an e-mail body decoded from
    quoted-printable or base64, a Word document): never rewritten."""
    return bool(note.extra.get("decoded")) or note.format == "docx"


def unified_diff(path: str, old: str, new: str) -> str:
    """`diff -u` of two texts, labelled with the note's path."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    no_newline = "\n\\ No newline at end of file\n"
    return "".join(line if line.endswith(("\n", "\r")) else line + no_newline for line in lines)


def encode_like(original: bytes, text: str) -> bytes | None:
    """The text in the original's encoding (UTF-8, with a BOM if it had one, or UTF-16
    with its BOM); None when the original is in no encoding we write back."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if original.startswith(bom):
            return bom + text.encode(codec)
    try:
        original.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text.encode("utf-8")


def fix_text(
    text: str,
    *,
    filename: str | None = None,
    config: RuleSet | str | Path | None = None,
    unsafe: bool = False,
) -> str:
    """The Python API: a note given as text, with its safe fixes applied (and, with
    `unsafe`, the first suggestion of the others)."""
    note = note_from_text(text, filename or "<text>")
    bom = "\ufeff" if text.startswith("\ufeff") else ""  # dropped by the reader: put back
    return bom + fix_note(Linter(config), note, unsafe=unsafe).text


# --------------------------------------------------------------------------- files
@dataclass
class FileFix:
    """One note's fixing: its text before and after, the fixes applied, and why it was
    not written, if it was not."""

    path: str
    before: str
    after: str
    applied: list[Violation]
    not_written: str | None = None


def fix_paths(
    linter: Linter,
    paths: Iterable[str | Path],
    *,
    unsafe: bool = False,
    write: bool = True,
    verbose: bool = False,
) -> tuple[Report, list[FileFix]]:
    """Fix notes on disk (or, with write=False, only work out the fixes, for --diff).
    The report holds what is left to report after fixing; a note that is not written
    reports its problems as found."""
    report = Report()
    done: list[FileFix] = []
    for note, path in linter.read_paths(paths, report, verbose=verbose):
        data = _bytes_of(path)
        if data is not None:
            try:
                note = note_from_bytes(data, note.path)
            except SourceError as exc:
                report.errors.append(InputError(note.path, str(exc)))
                continue
        fixed = fix_note(linter, note, unsafe=unsafe)
        report.files += 1
        if not fixed.changed:
            report.violations.extend(fixed.remaining)
            continue
        outcome = FileFix(note.path, note.text, fixed.text, fixed.applied)
        done.append(outcome)
        outcome.not_written = _why_not_written(note, data, fixed.text)
        if write and outcome.not_written is None:
            assert data is not None
            outcome.not_written = _write(path, data, fixed.text, note.path, report)
        if write and outcome.not_written is not None:
            report.notices.append(f"{note.path}: {outcome.not_written}")
        if not write or outcome.not_written is None:
            report.violations.extend(fixed.remaining)
            report.fixed.extend(fixed.applied)
        else:
            report.violations.extend(linter.lint_notes([note]))
    return report, done


def _bytes_of(path: Path) -> bytes | None:
    """The file's bytes, for a regular file (a pipe can be read only once)."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return None
        return path.read_bytes()
    except OSError:
        return None


def _why_not_written(note: Note, data: bytes | None, text: str) -> str | None:
    if is_decoded(note):
        what = "a Word document" if note.format == "docx" else "an encoded e-mail body"
        return (
            f"not rewritten: its text is decoded from {what}; see the fixes with --diff "
            "and make them in the program that wrote it"
        )
    if data is None:
        return "not rewritten: not a regular file; see the fixes with --diff"
    if encode_like(data, note.text) != data or encode_like(data, text) is None:
        return "not rewritten: its encoding cannot be written back as it was read"
    return None


def _write(path: Path, data: bytes, text: str, display: str, report: Report) -> str | None:
    new = encode_like(data, text)
    assert new is not None
    try:
        replace_file(path, new, data)
    except ChangedOnDisk:
        return "changed on disk since it was read; not rewritten (run --fix again)"
    except OSError as exc:
        report.errors.append(
            InputError(display, f"could not write the fixes: {exc.strerror or exc}")
        )
        return "not rewritten: the file is unchanged"
    return None
