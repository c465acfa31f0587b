"""Benchmarks: notelint against its targets, and against proselint when it is installed.

    python3 benchmarks/bench.py [--notes 1000] [--repeat 3] [--quick]

Runs everything in one go, on a corpus generated deterministically (benchmarks/corpus.py):

- a folder of notes in one `notelint check` (default jobs, and --jobs 1) and in one
  `proselint check`, the programs alternating run by run (ABC, then CBA, ...);
- one note from a fresh process, and the same from standard input as ALE and flycheck
  run it, against `python -c "import spacy"` (also alternating), and spaCy's blank English
  pipeline with a sentencizer on one sentence: the floor for one note, with no rules;
- `notelint --version` and `--help`;
- the language server through a real stdio client: spawn to `initialize` result, open
  to first diagnostics, typing (a change every 30 ms) to the diagnostics of the last
  change; and the lint of an edited 300-word note in process (the p90);
- the peak RSS of each process (of its largest process, with its workers).

Prints medians, ratios and a table of targets. The cache is a fresh folder, filled by
one run before timing (as it is after a user's first run); the first run's time is
printed too. Nothing here asserts anything: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import make_corpus, write_corpus  # noqa: E402
from lspclient import StdioClient  # noqa: E402

PYTHON = sys.executable


def tool(name: str) -> list[str] | None:
    beside = Path(PYTHON).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    return [found] if found else None


@dataclass
class Runs:
    times: list[float] = field(default_factory=list)
    rss_kb: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def rss_mb(self) -> float:
        return max(self.rss_kb) / 1024


def run(cmd: list[str], env: dict[str, str], stdin: Path | None = None) -> tuple[float, int]:
    """Wall time and peak RSS (KB, of the largest process of its tree) of one command."""
    with open(stdin or os.devnull, "rb") as given:
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdin=given, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
        )
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed with status {proc.returncode}")
    return elapsed, usage.ru_maxrss


def alternate(cases: dict[str, Callable[[], tuple[float, int]]], repeat: int) -> dict[str, Runs]:
    """Run the cases in turn, reversing the order each round, so that a slow spell of
    the machine falls on all of them alike."""
    results = {name: Runs() for name in cases}
    order = list(cases)
    for _ in range(repeat):
        for name in order:
            elapsed, rss = cases[name]()
            results[name].times.append(elapsed)
            results[name].rss_kb.append(rss)
        order.reverse()
    return results


def lsp_session(notelint: list[str], env: dict[str, str], text: str) -> dict[str, float]:
    uri = "file://" + str(Path(tempfile.gettempdir()) / "notelint-bench-note.txt")
    start = time.perf_counter()
    client = StdioClient([*notelint, "lsp"], env=env)
    request = client.request(
        "initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}}
    )
    initialized_at, _ = client.response(request)
    client.notify("initialized", {})
    opened = time.perf_counter()
    client.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}},
    )
    first = client.diagnostics(uri, 1) - opened
    # Typing: 20 one-letter changes 30 ms apart; then how long until the diagnostics
    # of the last one.
    version = 1
    words = text.split(" ")
    for i in range(20):
        version += 1
        words[5] = words[5] + "abcdefghijklmnopqrstuvwxyz"[i]
        client.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"text": " ".join(words)}],
            },
        )
        if i < 19:
            time.sleep(0.03)
    stopped = time.perf_counter()
    after_typing = client.diagnostics(uri, version) - stopped
    _, _, usage = client.close_and_wait()
    return {
        "initialize": initialized_at - start,
        "first_diagnostics": first,
        "after_typing": after_typing,
        "rss_mb": usage.ru_maxrss / 1024,
    }


def relint_p90(text: str, rounds: int = 200) -> float:
    """The lint of an edited note, in process, once warm: its 90th percentile."""
    from notelint.linter import Linter

    linter = Linter()
    linter.lint_text(text, "note.txt")
    times = []
    for i in range(rounds):
        edited = text.replace(" the ", f" the{'x' * (i % 7)} ", 1)
        start = time.perf_counter()
        linter.lint_text(edited, "note.txt")
        times.append(time.perf_counter() - start)
    return statistics.quantiles(times, n=10)[-1]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cores} cores, {cpu}, {platform.system()}, Python {platform.python_version()}"


def versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in ("notelint", "spacy", "proselint"):
        with contextlib.suppress(PackageNotFoundError):
            out.append(f"{name} {version(name)}")
    return ", ".join(out)


BLANK_ENGLISH = (
    "import spacy; nlp = spacy.blank('en'); nlp.add_pipe('sentencizer'); nlp('Thank you.')"
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--notes", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3, help="runs of the folder benchmark")
    ap.add_argument("--repeat-short", type=int, default=7, help="runs of the short ones")
    ap.add_argument("--quick", action="store_true", help="200 notes, fewer runs")
    args = ap.parse_args()
    if args.quick:
        args.notes, args.repeat, args.repeat_short = 200, 1, 3

    notelint = tool("notelint") or [PYTHON, "-m", "notelint"]
    proselint = tool("proselint")
    work = Path(tempfile.mkdtemp(prefix="notelint-bench-"))
    env = {**os.environ, "NOTELINT_CACHE_DIR": str(work / "cache")}
    # Installed packages run from compiled bytecode; a setting that forbids writing it
    # would time Python compiling notelint's sources on every run instead.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    folder = work / "notes"
    paths = write_corpus(folder, args.notes)
    one = paths[1]
    long_text = " ".join(text for _, text in make_corpus(3, seed=11))
    long_text = " ".join(long_text.split(" ")[:300])
    print(f"machine: {machine()}")
    print(f"versions: {versions()}")
    print(f"corpus: {args.notes} notes, {sum(len(p.read_text().split()) for p in paths)} words")

    first_run, _ = run([*notelint, "check", str(one)], env)  # fills the cache
    print(f"first run with an empty cache (one note): {first_run:.2f} s\n")

    folder_cases = {
        "notelint": lambda: run([*notelint, "check", "--format", "json", str(folder)], env),
        "notelint --jobs 1": lambda: run(
            [*notelint, "check", "--format", "json", "--jobs", "1", str(folder)], env
        ),
    }
    if proselint:
        folder_cases["proselint"] = lambda: run([*proselint, "check", str(folder)], env)
    short_cases = {
        "import spacy": lambda: run([PYTHON, "-c", "import spacy"], env),
        # The floor for one note: spaCy's blank English pipeline on one sentence, no rules.
        "spacy.blank('en')": lambda: run([PYTHON, "-c", BLANK_ENGLISH], env),
        "one note": lambda: run([*notelint, "check", str(one)], env),
        "one note, stdin": lambda: run(
            [*notelint, "check", "--quiet", "-", "--stdin-filename", "draft.md"], env, one
        ),
        "--version": lambda: run([*notelint, "--version"], env),
        "--help": lambda: run([*notelint, "check", "--help"], env),
    }
    if proselint:
        short_cases["proselint, one note"] = lambda: run([*proselint, "check", str(one)], env)
    short = alternate(short_cases, args.repeat_short)
    big = alternate(folder_cases, args.repeat)
    lsp = [lsp_session(notelint, env, long_text) for _ in range(min(3, args.repeat_short))]
    relint = relint_p90(long_text)

    print(f"{'case':<28}{'median s':>10}{'min s':>8}{'max s':>8}{'peak RSS MB':>13}")
    for name, runs in [*short.items(), *big.items()]:
        print(
            f"{name:<28}{runs.median:>10.2f}{min(runs.times):>8.2f}{max(runs.times):>8.2f}"
            f"{runs.rss_mb:>13.0f}"
        )
    med = {k: statistics.median(s[k] for s in lsp) for k in lsp[0]}
    print(
        f"language server: initialize {med['initialize']:.2f} s, first diagnostics "
        f"{med['first_diagnostics']:.2f} s after opening, diagnostics "
        f"{med['after_typing'] * 1000:.0f} ms after typing stops, peak RSS "
        f"{med['rss_mb']:.0f} MB; re-lint of an edited 300-word note p90 "
        f"{relint * 1000:.1f} ms"
    )

    spacy = short["import spacy"].median
    rows: list[tuple[str, str, str, bool | None]] = []
    if proselint:
        pro = big["proselint"].median
        for name, limit in (("notelint", 0.5), ("notelint --jobs 1", 1.0)):
            ratio = big[name].median / pro
            rows.append(
                (
                    f"{args.notes} notes, {name}",
                    f"{ratio:.2f}x proselint",
                    f"<= {limit}x",
                    ratio <= limit,
                )
            )
    else:
        rows.append(("folder vs proselint", "proselint not installed", "", None))
    for name in ("one note", "one note, stdin"):
        ratio = short[name].median / spacy
        rows.append((name, f"{ratio:.2f}x import spacy", "<= 1.35x", ratio <= 1.35))
    floor = short["spacy.blank('en')"].median / spacy
    rows.append(("(floor) spacy.blank('en')", f"{floor:.2f}x import spacy", "", None))
    for name in ("--version", "--help"):
        rows.append((name, f"{short[name].median:.3f} s", "<= 0.15 s", short[name].median <= 0.15))
    for name, runs in (("one note", short["one note"]), (f"{args.notes} notes", big["notelint"])):
        rows.append((f"peak RSS, {name}", f"{runs.rss_mb:.0f} MB", "<= 130 MB", runs.rss_mb <= 130))
    rows += [
        ("peak RSS, language server", f"{med['rss_mb']:.0f} MB", "<= 130 MB", med["rss_mb"] <= 130),
        ("lsp initialize", f"{med['initialize']:.2f} s", "<= 0.7 s", med["initialize"] <= 0.7),
        (
            "lsp first diagnostics",
            f"{med['first_diagnostics']:.2f} s",
            "<= 1.5 s",
            med["first_diagnostics"] <= 1.5,
        ),
        ("lsp re-lint p90", f"{relint * 1000:.1f} ms", "<= 10 ms", relint <= 0.010),
        (
            "lsp after typing stops",
            f"{med['after_typing'] * 1000:.0f} ms",
            "<= 100 ms",
            med["after_typing"] <= 0.1,
        ),
    ]
    print(f"\n{'target':<32}{'measured':<24}{'goal':<12}met")
    for name, measured, goal, met in rows:
        mark = "-" if met is None else "yes" if met else "NO"
        print(f"{name:<32}{measured:<24}{goal:<12}{mark}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
