"""Benchmarks: a whole `notelint check` run (start-up included) and in-process throughput.

    python3 benchmarks/bench.py [--notes N] [--repeat R]

Notes come from the shared development corpus when it is beside the checkout, else from
examples/ (repeated to N). Prints the median wall time of R CLI runs over N notes, and the
in-process rate of Linter.lint_notes once the pipeline is built.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "eval" / "dev.jsonl"


def load_notes(count: int) -> list[tuple[str, str]]:
    if CORPUS.is_file():
        rows = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line]
        base = [(r.get("filename") or f"{r['id']}.txt", r["text"]) for r in rows]
    else:
        base = [(p.name, p.read_text("utf-8")) for p in sorted((ROOT / "examples").iterdir())]
    notes = []
    for i in range(count):
        name, text = base[i % len(base)]
        notes.append((f"{i:05d}-{name}", text))
    return notes


def cli_runs(folder: Path, repeat: int) -> list[float]:
    exe = Path(sys.executable).parent / "notelint"
    found = str(exe) if exe.exists() else shutil.which("notelint")
    cmd = [found] if found else [sys.executable, "-m", "notelint"]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(
            [*cmd, "check", "--format", "json", str(folder)], capture_output=True, text=True
        )
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            sys.exit(f"notelint failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return times


def in_process(notes: list[tuple[str, str]]) -> tuple[float, float]:
    start = time.perf_counter()
    from notelint.config import default_ruleset
    from notelint.linter import Linter
    from notelint.sources import note_from_text

    linter = Linter(default_ruleset())
    linter.lint_text("Warm-up note.")
    built = time.perf_counter() - start
    parsed = [note_from_text(text, name) for name, text in notes]
    start = time.perf_counter()
    linter.lint_notes(parsed)
    return built, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--notes", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    notes = load_notes(args.notes)
    with tempfile.TemporaryDirectory(prefix="notelint-bench-") as tmp:
        for name, text in notes:
            (Path(tmp) / name).write_text(text, encoding="utf-8")
        times = cli_runs(Path(tmp), args.repeat)
    built, linted = in_process(notes)
    print(
        f"notelint check over {len(notes)} notes, {args.repeat} runs: "
        f"median {statistics.median(times):.2f} s, min {min(times):.2f} s, "
        f"max {max(times):.2f} s (start-up included)"
    )
    print(
        f"in process: pipeline built in {built:.2f} s; {len(notes)} notes linted in "
        f"{linted:.2f} s ({len(notes) / linted:.0f} notes/s)"
    )


if __name__ == "__main__":
    main()
