"""A long fuzz run over the whole linter (not run in CI; see docs/reliability.md).

    python3 benchmarks/fuzz_long.py [--examples N] [--chunk C] [--seed S] [--minutes M]

Feeds N generated notes (arbitrary Unicode, control characters, NUL, lone surrogates,
very long lines, no final newline, CR/LF/CRLF mixes, emoji and combining marks, in every
text format) through one in-process Linter and checks, for each, the properties in
`tests/reliability_props.py`: no exception, every position inside the text, the same
output twice, JSON and SARIF that parse, fixes that apply cleanly and are idempotent.

The run is split in chunks of C examples, each with its own seed, so memory stays bounded
and progress is printed as it goes. Exit status 1 on the first failure (after hypothesis
has shrunk it), with the failing input.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from tests import reliability_props as props  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100_000)
    parser.add_argument("--chunk", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=20261204)
    parser.add_argument("--slow", type=float, default=5.0, help="report inputs slower than this")
    parser.add_argument(
        "--minutes", type=float, default=None, help="stop after the chunk that ends past this"
    )
    args = parser.parse_args()

    linter = props.fuzz_linter()
    tried = 0
    start = time.monotonic()

    def check(case: props.Case) -> None:
        nonlocal tried
        tried += 1
        began = time.monotonic()
        props.check_case(linter, case)
        took = time.monotonic() - began
        if took > args.slow:  # worth a look: how long inputs of this shape take
            shown = repr(case.text[:60])
            print(f"slow: {took:.1f} s, {len(case.text):,} chars, {case.name}: {shown}", flush=True)

    chunk_index = 0
    while tried < args.examples:
        if args.minutes is not None and time.monotonic() - start > args.minutes * 60:
            break
        count = min(args.chunk, args.examples - tried)
        run = seed(args.seed + chunk_index)(
            settings(
                max_examples=count,
                deadline=None,
                database=None,
                phases=(Phase.generate, Phase.shrink),
                suppress_health_check=list(HealthCheck),
            )(given(props.CASES)(check))
        )
        try:
            run()
        except Exception as exc:  # the shrunk failure: report it and stop
            traceback.print_exc()
            print(f"FAILED after {tried:,} inputs: {exc!r}", flush=True)
            return 1
        chunk_index += 1
        elapsed = time.monotonic() - start
        print(f"{tried:,} inputs, {elapsed:,.0f} s, {tried / elapsed:,.1f}/s", flush=True)
    elapsed = time.monotonic() - start
    print(f"inputs tried: {tried:,}; failures: 0; {elapsed:,.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
