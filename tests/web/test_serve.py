"""`notelint serve` as a writer runs it: the address it prints, the warning off loopback,
start-up errors, the draft never written or logged, and a CLI start-up that does not grow."""

from __future__ import annotations

import http.client
import json
import logging
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import notelint
from notelint.config import load_config
from notelint.web.server import has_desktop
from tests.web.harness import page_server

MARKER = "Zyxwvut Quillfeather"  # a name no file on this machine holds
NOTE = f"Dear {MARKER},\n\nThank you for the interview!!! It was the best interview ever.\n"


def _post(host: str, port: int, payload: object) -> tuple[int, dict]:
    connection = http.client.HTTPConnection(host, port, timeout=60)
    try:
        connection.request(
            "POST", "/api/lint", json.dumps(payload), {"Content-Type": "application/json"}
        )
        response = connection.getresponse()
        return response.status, json.loads(response.read())
    finally:
        connection.close()


@contextmanager
def _serve(args: list[str], cwd: Path, env: dict[str, str]) -> Iterator[tuple[str, int, list]]:
    """Run `notelint serve ARGS`; yield (host, port, lines read so far)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "notelint", "serve", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    output: list[str] = []
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        output.append(line)
        assert "the page is at http://" in line, line + (process.stderr.read() if not line else "")
        address = line.split("http://", 1)[1].split("/", 1)[0]
        host, _, port = address.rpartition(":")
        yield host.strip("[]"), int(port), output
    finally:
        process.terminate()
        out, err = process.communicate(timeout=30)
        output.extend([out, err])


def _private_env(tmp_path: Path) -> dict[str, str]:
    """Home, temporary and cache folders inside tmp_path, to see whatever is written."""
    env = dict(os.environ)
    for name, folder in (
        ("HOME", "home"),
        ("TMPDIR", "tmp"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
    ):
        (tmp_path / folder).mkdir()
        env[name] = str(tmp_path / folder)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_serve_prints_its_address_and_writes_nothing(tmp_path: Path) -> None:
    env = _private_env(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    (work / ".notelint.yaml").write_text("rules:\n  hyperbole: {severity: error}\n")
    before = _tree(tmp_path)
    with _serve(["--no-browser"], work, env) as (host, port, output):
        assert host == "127.0.0.1"
        status, data = _post(host, port, {"text": NOTE, "context": {"company": MARKER}})
        assert status == 200
        hyperbole = next(f for f in data["findings"] if f["rule"] == "hyperbole")
        assert hyperbole["severity"] == "error"  # the config found at start applies
    assert _tree(tmp_path) == before  # no file created or changed anywhere we can see
    log = "".join(output)
    assert MARKER not in log and "best interview" not in log


def test_serve_warns_when_not_on_loopback(tmp_path: Path) -> None:
    args = ["--no-browser", "--host", "0.0.0.0"]
    with _serve(args, tmp_path, dict(os.environ)) as (host, port, output):
        assert (host, port) != ("0.0.0.0", 0)
        status, _ = _post("127.0.0.1", port, {"text": NOTE})
        assert status == 200
    errors = output[-1]
    assert "warning: serving on 0.0.0.0" in errors and "--host 127.0.0.1" in errors


def test_serve_on_a_given_port(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    with _serve(["--no-browser", "--port", str(free)], tmp_path, dict(os.environ)) as (
        _,
        port,
        _output,
    ):
        assert port == free


def test_serve_on_ipv6_loopback(tmp_path: Path) -> None:
    if not socket.has_ipv6:
        pytest.skip("no IPv6")
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        pytest.skip("no IPv6 loopback address")
    with _serve(["--no-browser", "--host", "::1"], tmp_path, dict(os.environ)) as (
        host,
        port,
        output,
    ):
        assert host == "::1"
        connection = http.client.HTTPConnection("::1", port, timeout=60)
        connection.request("GET", "/")
        assert connection.getresponse().status == 200
    assert "warning" not in output[-1]


def test_without_a_desktop_the_address_is_printed_for_the_writer(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    process = subprocess.Popen(
        [sys.executable, "-m", "notelint", "serve"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        assert "the page is at http://127.0.0.1:" in process.stdout.readline()
        assert "no desktop to open a browser on" in process.stdout.readline()
    finally:
        process.terminate()
        process.communicate(timeout=30)


def test_has_desktop() -> None:
    assert has_desktop({"DISPLAY": ":0"}, "linux")
    assert has_desktop({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not has_desktop({}, "linux")
    assert has_desktop({}, "darwin") and has_desktop({}, "win32")


def test_serve_reports_a_taken_port(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "notelint", "serve", "--no-browser", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
    assert result.returncode == 2
    assert f"notelint: cannot serve on 127.0.0.1:{port}" in result.stderr


def test_serve_reports_a_broken_config(tmp_path: Path) -> None:
    config = tmp_path / "broken.yaml"
    config.write_text("rules:\n  no-such-rule: {severity: error}\n")
    result = subprocess.run(
        [sys.executable, "-m", "notelint", "serve", "--no-browser", "--config", str(config)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert str(config) in result.stderr and "Traceback" not in result.stderr


def test_check_does_not_import_the_server() -> None:
    probe = (
        "import sys, notelint.cli; "
        "print(sorted(m for m in ('notelint.web', 'http.server', 'webbrowser') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_serving_writes_nothing_and_reads_only_its_own_files(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """Every file operation while the server answers, seen through Python's audit hooks:
    nothing opened for writing, moved or deleted; nothing read but installed code and
    data (never the config again, never the draft's name as a path)."""
    config = tmp_path / "notelint.yaml"
    config.write_text("rules:\n  hyperbole: {severity: error}\n")
    events: list[tuple[str, tuple]] = []
    recording = threading.Event()

    def hook(event: str, args: tuple) -> None:
        if recording.is_set() and (event == "open" or event.startswith(("os.", "shutil."))):
            events.append((event, args))

    sys.addaudithook(hook)  # hooks cannot be removed; this one only records while set
    caplog.set_level(logging.DEBUG)
    with page_server(load_config(config)) as server:
        host, port = server.server_address[:2]
        recording.set()
        try:
            for context in ({}, {"interviewer": MARKER, "interview_date": "2026-11-20"}):
                status, data = _post(host, port, {"text": NOTE, "context": context})
                assert status == 200 and data["findings"]
            connection = http.client.HTTPConnection(host, port, timeout=60)
            connection.request("GET", "/")
            assert connection.getresponse().read()
            connection.close()
        finally:
            recording.clear()

    installed = [
        Path(p).resolve() for p in {sys.prefix, sys.base_prefix, Path(notelint.__file__).parent}
    ]
    for event, args in events:
        assert event in ("open", "os.listdir", "os.scandir"), (event, args)
        path, mode = args[0], args[1]
        if isinstance(path, int):  # an already open descriptor (a socket)
            continue
        assert not any(c in str(mode) for c in "wax+"), (path, mode)
        flags = args[2] if len(args) > 2 and isinstance(args[2], int) else 0
        assert not flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT), (path, flags)
        resolved = Path(os.fsdecode(path)).resolve()
        assert any(resolved.is_relative_to(root) for root in installed), resolved
        assert MARKER not in str(path)
    out, err = capfd.readouterr()
    logged = out + err + "".join(record.getMessage() for record in caplog.records)
    assert MARKER not in logged and "best interview" not in logged
