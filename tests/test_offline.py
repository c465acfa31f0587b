"""notelint never needs the network: every rule runs in a process that has none."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _no_network_prefix() -> list[str] | None:
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    probe = subprocess.run([unshare, "-n", "true"], capture_output=True)
    return [unshare, "-n"] if probe.returncode == 0 else None


@pytest.mark.skipif(_no_network_prefix() is None, reason="needs unshare -n (root)")
def test_all_rules_run_without_a_network() -> None:
    prefix = _no_network_prefix()
    assert prefix is not None
    result = subprocess.run(
        [
            *prefix,
            sys.executable,
            "-m",
            "notelint",
            "check",
            "--format",
            "json",
            str(ROOT / "examples"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    rules = {v["rule"] for v in json.loads(result.stdout)}
    assert {"hyperbole", "placeholder", "learned-detail"} <= rules
    assert result.stderr == ""
