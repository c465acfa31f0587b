"""Where notelint's CPU time goes, per note: measured in-process with the process's CPU
clock (time.process_time), so that other jobs on the machine do not skew it.

    python benchmarks/profile_rules.py [--notes 1000] [--repeat 3] [--cprofile 30]

It generates the benchmark corpus (benchmarks/corpus.py), builds a Linter once, then:

1. lints the folder `--repeat` times (as `notelint check --jobs 1` does, reading the files
   included) and prints the median CPU ms per note;
2. runs the same notes step by step, timing each: the tokenizer, each pipeline component,
   the matching and the token table shared by the rules (made once per note), each
   rule's check, and
   turning findings into violations (fixes, lines and columns);
3. with `--cprofile N`, profiles one more lint of the folder and prints the N functions
   with the most time of their own.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_corpus  # noqa: E402


def lint_cpu(linter: object, folder: Path) -> float:
    start = time.process_time()
    report = linter.lint_paths([folder])  # type: ignore[attr-defined]
    elapsed = time.process_time() - start
    assert not report.errors, report.errors
    return elapsed


def breakdown(folder: Path) -> tuple[dict[str, float], int]:
    """CPU seconds per step over every note of the folder, and the number of notes."""
    from notelint import linter as linting
    from notelint.config import default_ruleset
    from notelint.kinds import KINDS
    from notelint.kinds.matching import MatchHub
    from notelint.pipeline import build_nlp
    from notelint.sources import read_note

    try:  # absent from versions before it, which this can time too (PYTHONPATH)
        from notelint.tokentable import token_table
    except ImportError:
        token_table = None

    ruleset = default_ruleset()
    linter = linting.Linter(ruleset, jobs=1)
    nlp = build_nlp(ruleset.model)
    with MatchHub(nlp).collecting() as hub:
        kinds = [KINDS[rule.kind](rule, nlp) for rule in ruleset.rules]
    components = nlp.pipeline
    paths = sorted(folder.iterdir())
    clock = time.process_time
    spent: dict[str, float] = defaultdict(float)
    for path in paths:
        t0 = clock()
        note = read_note(path, str(path))
        note = linting._check_directives(ruleset, linter._with_context(ruleset, note))
        t1 = clock()
        spent["read and prepare the note"] += t1 - t0
        doc = nlp.make_doc(note.masked)
        t2 = clock()
        spent["component: tokenizer"] += t2 - t1
        for name, component in components:
            t0 = clock()
            doc = component(doc)
            spent[f"component: {name}"] += clock() - t0
        t0 = clock()
        if token_table is not None:  # first: the matching reads it too
            token_table(doc)
            spent["token table (shared by the rules)"] += clock() - t0
        t0 = clock()
        hub.matched(doc, unconditional=False)  # what every note pays; the rest on demand
        spent["matching (shared by the rules)"] += clock() - t0
        findings = []
        for kind in kinds:
            t0 = clock()
            findings.extend(kind.check(doc, note))
            spent[f"rule: {kind.rule.id} ({kind.rule.kind})"] += clock() - t0
        t0 = clock()
        linter._violations(ruleset, note, findings)
        spent["findings to violations"] += clock() - t0
    return spent, len(paths)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--notes", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cprofile", type=int, default=0, metavar="N")
    args = ap.parse_args()

    from notelint.linter import Linter

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "notes"
        write_corpus(folder, args.notes)
        linter = Linter(jobs=1)
        linter.lint_paths([folder])  # builds the pipeline and fills the caches
        runs = [lint_cpu(linter, folder) for _ in range(args.repeat)]
        total = statistics.median(runs) * 1000 / args.notes
        print(f"{args.notes} notes, lint_paths --jobs 1: CPU ms/note, median of {args.repeat}:")
        print(f"  {total:.2f}  (runs: {', '.join(f'{r:.2f} s' for r in runs)})")

        spent, count = breakdown(folder)
        steps = sum(spent.values())
        print(f"\nstep by step (one pass; sum {steps * 1000 / count:.2f} ms/note):")
        print(f"  {'ms/note':>8}  {'share':>6}  step")
        for step, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
            print(f"  {seconds * 1000 / count:8.3f}  {seconds / steps:6.1%}  {step}")

        if args.cprofile:
            profiler = cProfile.Profile(time.process_time)
            profiler.enable()
            linter.lint_paths([folder])
            profiler.disable()
            print()
            pstats.Stats(profiler).sort_stats("tottime").print_stats(args.cprofile)


if __name__ == "__main__":
    main()
