"""The one linter API: notes -> nlp.pipe -> findings -> violations.

The pipeline analyses each note; the engine, holding only the rules selected for the run,
returns its findings; this module turns them into violations (messages, positions,
fixes, suppressions). The CLI, the language server and the Python API are thin adapters
over `Linter`.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from notelint.config import (
    ConfigError,
    ConfigProblem,
    RuleSet,
    default_ruleset,
    find_config,
    load_config,
)
from notelint.fixtable import fix_for
from notelint.kinds import KINDS
from notelint.model import Context, Finding, Fix, MessageFields, Rule, Severity, Violation
from notelint.sources import (
    NOTE_SUFFIXES,
    Note,
    NotTextError,
    SourceError,
    note_from_text,
    read_note,
)
from notelint.suggest import did_you_mean

if TYPE_CHECKING:
    from spacy.language import Language

    from notelint.engine import Engine

WALK_SUFFIXES = NOTE_SUFFIXES
#: notes per nlp.pipe batch; a batch's Docs are dropped once its violations are out, so
#: memory does not grow with the number of notes
BATCH_SIZE = 64
#: with jobs=0 (automatic), a process is added for each this many notes, up to the
#: machine's cores: a worker builds its own pipeline (under a second of CPU, side by side
#: with the others) and sends its results back
NOTES_PER_JOB = 40


@dataclass(frozen=True)
class InputError:
    """A note that could not be linted; reported as 'PATH: message', exit status 2."""

    path: str
    message: str
    #: the line the problem is on, when it is about one line (a config file's)
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

    @classmethod
    def from_config(cls, problem: ConfigProblem) -> InputError:
        """A config problem, printed the same way."""
        return cls(problem.path, problem.message, problem.line)


@dataclass
class Report:
    """What a run found: violations in order, and the inputs that could not be read."""

    violations: list[Violation] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    #: how many notes were linted (inputs in `errors` are not counted)
    files: int = 0
    #: with --fix: the problems fixed (as found before fixing)
    fixed: list[Violation] = field(default_factory=list)

    def __iter__(self) -> Iterator[Violation]:
        return iter(self.violations)

    def __len__(self) -> int:
        return len(self.violations)

    def add_config_error(self, exc: ConfigError) -> None:
        """Each problem of a broken config once, however many notes it governs."""
        for problem in exc.problems:
            error = InputError.from_config(problem)
            if error not in self.errors:
                self.errors.append(error)


class Linter:
    def __init__(
        self,
        config: RuleSet | str | Path | None = None,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None,
        context: Context | None = None,
        today: dt.date | None = None,
        extend_select: Iterable[str] | None = None,
        force_exclude: bool = False,
        jobs: int = 1,
    ) -> None:
        """`jobs`: processes for large runs (0: the machine's cores, when there are
        enough notes to pay for starting them); the output is the same for any value."""
        self.fixed: RuleSet | None = (
            config if isinstance(config, RuleSet) else load_config(config) if config else None
        )
        extend = frozenset(extend_select or ())
        self.select = frozenset(select) | extend if select else None
        #: rules asked for by name, switched on even where the config switches them off
        self.enable = frozenset(select or ()) | extend
        self.ignore = frozenset(ignore or ())
        self.context = context or Context()
        self.today = today
        self.force_exclude = force_exclude
        self.jobs = jobs
        self._discovered: dict[Path | None, RuleSet] = {}
        #: folder -> its nearest config, while lint_paths runs (a long-lived Linter, as
        #: the language server's, looks again each time: configs come and go)
        self._configs_by_folder: dict[Path, Path | None] | None = None
        self._enabled: dict[int, tuple[RuleSet, RuleSet]] = {}

    # -- rule sets -----------------------------------------------------------------
    def ruleset_for(self, path: str | Path | None) -> RuleSet:
        """The rule set for a note: --config if given, else the nearest .notelint.yaml."""
        if self.fixed is not None:
            return self._with_enabled(self.fixed)
        start = Path(path) if path and path != "-" else Path.cwd()
        if not start.is_absolute():
            start = Path.cwd() / start
        config_path = self._find_config(start, is_file=bool(path and path != "-"))
        if config_path not in self._discovered:
            # A broken config raises ConfigError and is read again next time (the
            # language server lints again once the writer has fixed it).
            self._discovered[config_path] = (
                load_config(config_path, discovered=True) if config_path else default_ruleset()
            )
        return self._with_enabled(self._discovered[config_path])

    def _find_config(self, start: Path, *, is_file: bool) -> Path | None:
        # A folder of 1,000 notes would otherwise look for the same config 2,000 times,
        # each a path resolved and a file tested in every folder up to the root.
        memo = self._configs_by_folder
        if memo is None or not is_file:
            return find_config(start)
        folder = start.parent
        if folder not in memo:
            memo[folder] = find_config(folder)
        return memo[folder]

    def _with_enabled(self, ruleset: RuleSet) -> RuleSet:
        """The rule set with the rules named by --select/--extend-select switched on
        (the same object each time, so its compiled matchers are reused)."""
        on = {r.id for r in ruleset.rules}
        if not self.enable - on:
            return ruleset
        hit = self._enabled.get(id(ruleset))
        if hit is None or hit[0] is not ruleset:
            wanted = on | self.enable
            rules = tuple(r for r in ruleset.all_rules if r.id in wanted)
            hit = (ruleset, replace(ruleset, rules=rules))
            self._enabled[id(ruleset)] = hit
        return hit[1]

    def unknown_rules(self, ids: Iterable[str], ruleset: RuleSet | None = None) -> list[str]:
        ruleset = ruleset or self.ruleset_for(None)
        return sorted(set(ids) - ruleset.known_ids)

    # -- linting ---------------------------------------------------------------------
    def lint_text(self, text: str, filename: str | None = None) -> list[Violation]:
        note = note_from_text(text, filename or "<text>")
        return self.lint_notes([note])

    def lint_notes(self, notes: Sequence[Note]) -> list[Violation]:
        if not notes:
            return []
        out: list[Violation] = []
        # Notes sharing a rule set (usually all of them) go through one nlp.pipe call.
        groups: dict[int, tuple[RuleSet, list[Note]]] = {}
        for note in notes:
            ruleset = self.ruleset_for(note.path)
            groups.setdefault(id(ruleset), (ruleset, []))[1].append(note)
        for ruleset, group in groups.values():
            out.extend(self._lint_group(ruleset, group))
        return out

    def _lint_group(self, ruleset: RuleSet, notes: list[Note]) -> list[Violation]:
        jobs = self._jobs_for(len(notes))
        if jobs < 2:
            return self._lint_serial(ruleset, notes)
        return _lint_in_workers(self, ruleset, notes, jobs)

    def _jobs_for(self, count: int) -> int:
        if self.jobs == 1 or not _can_fork():
            return 1
        if self.jobs > 1:
            return min(self.jobs, max(1, count // 2))
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
        return max(1, min(cores, count // NOTES_PER_JOB))

    def _lint_serial(self, ruleset: RuleSet, notes: Sequence[Note]) -> list[Violation]:
        with _start_up():
            from notelint.pipeline import build_nlp  # spaCy: only once there is a note

            nlp = build_nlp(ruleset.model)
            engine = self._engine(nlp, ruleset)
        _freeze_start_up()
        prepared = [_check_directives(ruleset, self._with_context(ruleset, n)) for n in notes]
        texts = (note.masked for note in prepared)  # tokenized as nlp.pipe asks for them
        out: list[Violation] = []
        for note, doc in zip(prepared, nlp.pipe(texts, batch_size=BATCH_SIZE), strict=True):
            off = ruleset.disabled_for(note.path) if ruleset.per_file else frozenset()
            out.extend(self._violations(ruleset, note, engine.run(doc, note, skip=off)))
        return out

    def _engine(self, nlp: Language, ruleset: RuleSet) -> Engine:
        """The compiled rules this run lints with: the rule set's rules (with those named
        by --select switched on) that --select and --ignore leave in."""
        from notelint.engine import engine_for

        selected = frozenset(r.id for r in ruleset.rules if self._selected(r.id))
        return engine_for(nlp, ruleset, selected)

    def _with_context(self, ruleset: RuleSet, note: Note) -> Note:
        context = ruleset.context.merged(note.context).merged(self.context)
        context = replace(context, today=self.today or context.today or dt.date.today())
        return replace(note, context=context)

    def _violations(
        self, ruleset: RuleSet, note: Note, findings: Iterable[Finding]
    ) -> list[Violation]:
        out = []
        for f in findings:
            rule = ruleset.get(f.rule)
            if rule is None:
                continue
            if KINDS[rule.kind].suppressible and _suppressed(note, f):
                continue
            out.append(self._violation(note, rule, f))
        out.sort(key=lambda v: (v.line, v.column, v.rule))
        return out

    def _selected(self, rule_id: str) -> bool:
        if rule_id in self.ignore:
            return False
        return self.select is None or rule_id in self.select

    def _violation(self, note: Note, rule: Rule, f: Finding) -> Violation:
        snippet = " ".join(note.text[f.start : f.end].split())
        message = f.message or rule.message.format_map(MessageFields(text=snippet))
        fix = fix_for(note, rule, f)
        return _make(note, rule.id, rule.severity, message, f.start, f.end, fix)

    def lint_paths(self, paths: Iterable[str | Path], *, verbose: bool = False) -> Report:
        """Lint files and folders. With more than one job, the workers read the notes
        too, so the reading is shared out as well as the linting. The report is the same
        for any number of jobs, errors and notices in the order of the inputs."""
        report = Report()
        self._configs_by_folder = {}
        try:
            inputs: list[_Input] = []
            #: how many errors and notices the walk had reported before each input
            marks: list[tuple[int, int]] = []
            for display, path, walked in self._expand(paths, report, verbose=verbose):
                marks.append((len(report.errors), len(report.notices)))
                inputs.append(_Input(display, path, walked))
            plans: list[RuleSet | ConfigError] = []
            for item in inputs:
                try:
                    plans.append(self.ruleset_for(item.display))
                except ConfigError as exc:  # reported if the note can be read
                    plans.append(exc)
            problems, report.violations = self._read_and_lint(inputs, plans)
        finally:
            self._configs_by_folder = None
        _merge_problems(report, marks, problems)
        for i, plan in enumerate(plans):  # as read_paths: a note under a broken config
            if i not in problems:
                if isinstance(plan, ConfigError):
                    report.add_config_error(plan)
                else:
                    report.files += 1
        return report

    def _read_and_lint(
        self, inputs: list[_Input], plans: list[RuleSet | ConfigError]
    ) -> tuple[dict[int, InputError | str], list[Violation]]:
        """Why each input that could not be read was not (by index), and the violations
        of the others, a rule set's notes together (rule sets in the order of their first
        note that could be read)."""
        groups: dict[int, tuple[RuleSet | None, list[int]]] = {}
        for i, plan in enumerate(plans):
            ruleset = None if isinstance(plan, ConfigError) else plan  # None: read only
            groups.setdefault(id(ruleset), (ruleset, []))[1].append(i)
        rulesets = [ruleset for ruleset, _ in groups.values()]
        jobs = self._jobs_for(len(inputs))
        size = len(inputs) if jobs < 2 else max(1, min(BATCH_SIZE, len(inputs) // (jobs * 16)))
        tasks = [
            (g, tuple(indexes[at : at + size]))
            for g, (_, indexes) in enumerate(groups.values())
            for at in range(0, len(indexes), size)
        ]
        if jobs >= 2:
            tasks = _smaller_at_the_end(tasks, jobs)
        work = (self, inputs, rulesets)
        if jobs < 2:
            parts = [_read_and_lint_task(work, task) for task in tasks]
        else:
            parts = _in_workers(work, _read_and_lint_in_worker, tasks, jobs)
        problems: dict[int, InputError | str] = {}
        by_group: dict[int, list[Violation]] = {}
        for (group, _), (part_problems, part_violations) in zip(tasks, parts, strict=True):
            problems.update(part_problems)
            by_group.setdefault(group, []).extend(part_violations)
        # Rule sets in the order of their first note that could be read, as lint_notes
        # takes them.
        first_read = {
            g: min((i for i in indexes if i not in problems), default=len(inputs))
            for g, (_, indexes) in enumerate(groups.values())
        }
        order = sorted(by_group, key=first_read.__getitem__)
        return problems, [v for g in order for v in by_group[g]]

    def read_paths(
        self, paths: Iterable[str | Path], report: Report, *, verbose: bool = False
    ) -> list[tuple[Note, Path]]:
        """The notes to lint, each with its file; what cannot be read goes to report."""
        notes: list[tuple[Note, Path]] = []
        for display, path, walked in self._expand(paths, report, verbose=verbose):
            got = _read_input(_Input(display, path, walked))
            if isinstance(got, Note):
                notes.append((got, path))
            elif isinstance(got, InputError):
                report.errors.append(got)
            else:
                report.notices.append(got)
        lintable = []
        for note, path in notes:  # a note under a broken .notelint.yaml is an error
            try:
                self.ruleset_for(note.path)
            except ConfigError as exc:
                report.add_config_error(exc)
            else:
                lintable.append((note, path))
        return lintable

    def _expand(
        self, paths: Iterable[str | Path], report: Report, *, verbose: bool = False
    ) -> Iterator[tuple[str, Path, bool]]:
        """(display, path, found by walking a folder); each file once."""
        if isinstance(paths, str | Path):  # one path, not the letters of one ("/" ...)
            paths = [paths]
        seen: set[Path] = set()
        folders: dict[Path, Path] = {}
        for raw in paths:
            given = str(raw)
            path = Path(given)
            if path.is_dir():
                for found in self._walk(path, report, verbose):
                    key = _resolved(found, folders)
                    if key not in seen:
                        seen.add(key)
                        yield str(found), found, True
            elif path.exists() or path.is_symlink():
                key = path.resolve()
                if self.force_exclude and self.excluded(path):
                    if verbose:
                        report.notices.append(f"{given}: skipped, excluded by config")
                    continue
                if key not in seen:
                    seen.add(key)
                    yield given, path, False
            else:
                report.errors.append(InputError(given, "no such file or folder"))

    def excluded(self, path: str | Path) -> bool:
        """Whether the config governing a named file excludes it (--force-exclude)."""
        try:
            return self.ruleset_for(path).is_excluded(path)
        except ConfigError:
            return False  # reported when the note is linted

    def _walk(self, root: Path, report: Report, verbose: bool) -> Iterator[Path]:
        """Notes in a folder, by extension: hidden folders and files, excluded paths and
        other files are skipped (with a notice when verbose); symbolic links to folders
        are followed, but a folder already visited (a link loop) is not entered again;
        a folder that cannot be read is an error, and the walk goes on."""
        try:
            ruleset = self.ruleset_for(root / "_")
        except ConfigError as exc:
            # Reported here and for each note under it; the walk goes on, for notes
            # in sub-folders with configs of their own.
            report.add_config_error(exc)
            ruleset = default_ruleset()
        visited: set[tuple[int, int]] = set()

        def notice(path: Path, why: str) -> None:
            if verbose:
                report.notices.append(f"{path}: skipped, {why}")

        def unreadable(error: OSError) -> None:
            where = error.filename or str(root)
            report.errors.append(InputError(str(where), _folder_error(error)))

        for folder, dirs, files in os.walk(root, followlinks=True, onerror=unreadable):
            here = Path(folder)
            try:
                stat = here.stat()
            except OSError as exc:
                unreadable(exc)
                dirs[:] = []
                continue
            if (stat.st_dev, stat.st_ino) in visited:
                notice(here, "a symbolic link to a folder already searched")
                dirs[:] = []
                continue
            visited.add((stat.st_dev, stat.st_ino))
            keep = []
            for name in sorted(dirs):
                if name.startswith("."):
                    notice(here / name, "hidden folder")
                elif ruleset.is_excluded(here / name):
                    notice(here / name, "excluded by config")
                else:
                    keep.append(name)
            dirs[:] = keep
            for name in sorted(files):
                candidate = here / name
                if name.startswith("."):
                    notice(candidate, "hidden file")
                elif candidate.suffix.lower() not in WALK_SUFFIXES:
                    notice(candidate, "not a note")
                elif candidate.exists() and not candidate.is_file():
                    notice(candidate, "not a regular file")  # a pipe would hang the run
                elif ruleset.is_excluded(candidate):
                    notice(candidate, "excluded by config")
                else:
                    yield candidate


def _resolved(path: Path, folders: dict[Path, Path]) -> Path:
    """path.resolve(), each folder resolved once: a file that is not a symbolic link is
    its folder, resolved, and its name (resolving every file took a fifth of a second
    for 10,000, before any could be linted)."""
    if path.is_symlink():
        return path.resolve()
    folder = folders.get(path.parent)
    if folder is None:
        folder = folders[path.parent] = path.parent.resolve()
    return folder / path.name


_frozen = False


@contextmanager
def _start_up() -> Iterator[None]:
    """The first start-up in a process (importing spaCy, building the pipeline and the
    rules) with the garbage collector paused: what it makes is kept for good, so the
    collections it set off found next to nothing, and took a tenth of the time of
    `import spacy`. Later calls, which build nothing, and a collector already off: as
    they are."""
    if _frozen or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _freeze_start_up() -> None:
    """Once per process, when the first pipeline and rules are built: hide what start-up
    made (spaCy's modules, the pipeline, the compiled rules) from the garbage collector.
    It lives as long as the process, and each full collection walked all of it again:
    about 5% of the time of linting a large folder. Forked workers then share those
    pages instead of copying them when the collector touches them."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


def _can_fork() -> bool:
    # Workers are forked once the pipeline is built, so they start at once and share
    # its memory; where fork is missing or unsafe (Windows, macOS) notes are linted here.
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


@dataclass(frozen=True)
class _Input:
    """A file to lint: as the user named it (or the walk found it), and whether a folder
    walk found it."""

    display: str
    path: Path
    walked: bool


def _read_input(item: _Input) -> Note | InputError | str:
    """The note, or why it cannot be linted: an error, or a notice (a text file a walk
    found that is not text after all)."""
    try:
        return read_note(item.path, item.display)
    except NotTextError as exc:
        if not item.walked:
            return InputError(item.display, str(exc))
        # said even without verbose: its name promised a note
        return f"{item.display}: skipped, not a text file"
    except SourceError as exc:
        return InputError(item.display, str(exc))


def _merge_problems(
    report: Report, marks: list[tuple[int, int]], problems: dict[int, InputError | str]
) -> None:
    """Put each input's read problem after what the walk reported before that input:
    the order reading them one by one gives."""
    walk_errors, walk_notices = report.errors, report.notices
    report.errors, report.notices = [], []
    taken_errors = taken_notices = 0
    for i, (errors, notices) in enumerate(marks):
        report.errors += walk_errors[taken_errors:errors]
        report.notices += walk_notices[taken_notices:notices]
        taken_errors, taken_notices = errors, notices
        problem = problems.get(i)
        if isinstance(problem, InputError):
            report.errors.append(problem)
        elif problem is not None:
            report.notices.append(problem)
    report.errors += walk_errors[taken_errors:]
    report.notices += walk_notices[taken_notices:]


_ReadWork = tuple[Linter, list[_Input], list[RuleSet | None]]
_ReadTask = tuple[int, tuple[int, ...]]


def _smaller_at_the_end(tasks: list[_ReadTask], jobs: int) -> list[_ReadTask]:
    """The tasks, with the last few cut in four: the workers run dry within a quarter
    of a task of each other, not a whole one (the run waits for the last)."""
    tail = tasks[-2 * jobs :]
    cut: list[_ReadTask] = []
    for group, indexes in tail:
        step = max(1, -(-len(indexes) // 4))
        cut.extend((group, indexes[at : at + step]) for at in range(0, len(indexes), step))
    return tasks[: len(tasks) - len(tail)] + cut


def _read_and_lint_task(
    work: _ReadWork, task: _ReadTask
) -> tuple[list[tuple[int, InputError | str]], list[Violation]]:
    """Read the task's inputs and lint those read, with its group's rule set (None: the
    config is broken, so they are read, to report what cannot be, and not linted)."""
    linter, inputs, rulesets = work
    group, indexes = task
    ruleset = rulesets[group]
    problems: list[tuple[int, InputError | str]] = []
    notes: list[Note] = []
    for i in indexes:
        got = _read_input(inputs[i])
        if isinstance(got, Note):
            notes.append(got)
        else:
            problems.append((i, got))
    if ruleset is None or not notes:
        return problems, []
    return problems, linter._lint_serial(ruleset, notes)


def _read_and_lint_in_worker(
    task: _ReadTask,
) -> tuple[list[tuple[int, InputError | str]], list[Violation]]:
    assert _WORK is not None
    return _read_and_lint_task(_WORK, task)


def _lint_slice(bounds: tuple[int, int]) -> list[Violation]:
    assert _WORK is not None
    work: tuple[Linter, RuleSet, Sequence[Note]] = _WORK
    linter, ruleset, notes = work
    return linter._lint_serial(ruleset, notes[bounds[0] : bounds[1]])


def _lint_in_workers(
    linter: Linter, ruleset: RuleSet, notes: Sequence[Note], jobs: int
) -> list[Violation]:
    """Violations of notes, in order, linted by `jobs` forked processes. The notes reach
    the workers through fork (only slice bounds are sent); violations come back."""
    if not notes:
        return []
    size = max(1, min(BATCH_SIZE, len(notes) // (jobs * 16)))
    slices = [(i, min(i + size, len(notes))) for i in range(0, len(notes), size)]
    parts = _in_workers((linter, ruleset, notes), _lint_slice, slices, jobs)
    return [v for part in parts for v in part]


#: what forked workers work on: set just before the pool forks, read by the task
#: functions (only the tasks are sent to the workers; results come back)
_WORK: Any = None


def _in_workers(work: Any, function: Callable[[Any], Any], tasks: list[Any], jobs: int) -> list:
    """function(task) for each task, in order, in `jobs` forked processes. They fork at
    once, before spaCy is loaded if it is not yet: each builds its own pipeline, side by
    side, rather than waiting while one process builds it for all."""
    global _WORK
    _WORK = work
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            return list(pool.imap(function, tasks))
    finally:
        _WORK = None


def _folder_error(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "cannot read folder: permission denied"
    return f"cannot read folder: {error.strerror or error}"


def _suppressed(note: Note, f: Finding) -> bool:
    return any(s.covers(f.rule, f.start) for s in note.suppressions)


def _check_directives(ruleset: RuleSet, note: Note) -> Note:
    """Add a problem for each rule id a directive names that the rule set does not know
    (the `directive` rule reports them with the malformed ones)."""
    unknown = [
        (
            start,
            end,
            f'unknown rule "{rule_id}"{did_you_mean(rule_id, ruleset.known_ids)} in a notelint '
            "directive; use an id from `notelint rules`",
        )
        for directive in note.directives
        for rule_id, start, end in directive.rules
        if rule_id not in ruleset.known_ids
    ]
    if not unknown:
        return note
    return replace(note, directive_problems=tuple(sorted([*note.directive_problems, *unknown])))


def _make(
    note: Note,
    rule_id: str,
    severity: Severity,
    message: str,
    start: int,
    end: int,
    fix: Fix | None,
) -> Violation:
    line, column = note.lines.line_col(start)
    end_line, end_column = note.lines.line_col(max(end, start))
    return Violation(
        path=note.path,
        line=line,
        column=column,
        rule=rule_id,
        severity=severity,
        message=message,
        end_line=end_line,
        end_column=end_column,
        fix=fix,
        offset=start,
        end_offset=end,
    )


def lint_text(
    text: str, *, filename: str | None = None, config: RuleSet | str | Path | None = None
) -> list[Violation]:
    """Lint one note given as text. `config` is a RuleSet, a config path, or None for the
    nearest .notelint.yaml (from `filename`'s folder, else the current folder)."""
    linter = Linter(config)
    return linter.lint_text(text, filename)


def lint_paths(
    paths: Iterable[str | Path], *, config: RuleSet | str | Path | None = None
) -> Report:
    """Lint files and folders. Returns a Report: iterate it for the violations; its
    `errors` lists the inputs that could not be read."""
    return Linter(config).lint_paths(paths)
