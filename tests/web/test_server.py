"""The page's server over real HTTP: what it serves, the Host-header check against DNS
rebinding, the checks on the lint request, and the size limit."""

from __future__ import annotations

import http.client
import json
import re
import socket
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from notelint.config import load_config
from notelint.web.server import MAX_BODY_BYTES, HostCheck, NoteServer
from tests.web.harness import page_server

NOTE = "Dear Dana,\n\nThank you for the interview!!! It was the best interview ever.\n"


@pytest.fixture(scope="module")
def server() -> Iterator[NoteServer]:
    with page_server() as running:
        yield running


def _request(
    server: NoteServer,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], bytes]:
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=30)
    try:
        headers = {"Host": f"127.0.0.1:{port}", **(headers or {})}
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name, value)
        if body is not None and "Content-Length" not in headers:
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def _lint(server: NoteServer, payload: object, **headers: str) -> tuple[int, dict]:
    status, _, body = _request(
        server,
        "POST",
        "/api/lint",
        json.dumps(payload).encode(),
        {"Content-Type": "application/json", **headers},
    )
    return status, json.loads(body)


# -- what is served ------------------------------------------------------------------------
def test_page_and_assets_are_served_with_a_strict_policy(server: NoteServer) -> None:
    status, headers, body = _request(server, "GET", "/")
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert b'<script src="/app.js"' in body
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy
    assert "http" not in policy  # no other origin is allowed anything
    for path, kind in (("/app.js", "text/javascript"), ("/style.css", "text/css")):
        status, headers, body = _request(server, "GET", path)
        assert status == 200 and headers["Content-Type"].startswith(kind) and body


def test_assets_load_nothing_from_elsewhere() -> None:
    folder = resources.files("notelint.web") / "assets"
    names = [item.name for item in folder.iterdir()]
    assert {"index.html", "app.js", "style.css"} <= set(names)
    for name in names:
        text = (folder / name).read_text(encoding="utf-8")
        assert not re.search(r"https?:|//[a-z0-9.-]+\.[a-z]{2,}/|@import|@font-face", text), name
    html = (folder / "index.html").read_text(encoding="utf-8")
    for link in re.findall(r'(?:src|href)="([^"]*)"', html):
        assert link.startswith(("/", "#", "data:")) and not link.startswith("//"), link


@pytest.mark.parametrize("path", ["/index.html", "/../server.py", "/assets/app.js", "/x"])
def test_nothing_else_is_served(server: NoteServer, path: str) -> None:
    status, _, body = _request(server, "GET", path)
    assert status == 404
    assert json.loads(body)["error"] == "no such page"


def test_settings_tell_the_page_the_size_limit(server: NoteServer) -> None:
    status, _, body = _request(server, "GET", "/api/settings")
    assert status == 200
    assert json.loads(body)["max_bytes"] == MAX_BODY_BYTES


def test_lint_answers_with_findings_and_checklist(server: NoteServer) -> None:
    status, data = _lint(server, {"text": NOTE, "context": {"interviewer": "Sam Lee"}})
    assert status == 200
    rules = {finding["rule"] for finding in data["findings"]}
    assert {"hyperbole", "enthusiasm", "salutation"} <= rules
    greeting = next(item for item in data["checklist"] if item["key"] == "greeting")
    assert greeting["state"] == "missing"


# -- the Host header (DNS rebinding) --------------------------------------------------------
@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("127.0.0.1:{port}", True),
        ("localhost:{port}", True),
        ("LOCALHOST:{port}", True),
        ("evil.example:{port}", False),  # a rebound name resolving to 127.0.0.1
        ("127.0.0.1.nip.io:{port}", False),
        ("127.0.0.1:{other}", False),
        ("127.0.0.1", False),
        ("user@127.0.0.1:{port}", False),
        ("", False),
    ],
)
def test_host_header_must_name_the_address_served(
    server: NoteServer, host: str, allowed: bool
) -> None:
    port = server.server_address[1]
    header = host.format(port=port, other=port + 1 if port < 65535 else port - 1)
    status, _, body = _request(server, "GET", "/", headers={"Host": header})
    assert status == (200 if allowed else 403)
    if not allowed:
        assert "Host header" in json.loads(body)["error"]
    status, data = _lint(server, {"text": NOTE}, Host=header)
    assert status == (200 if allowed else 403)
    assert ("findings" in data) == allowed


def test_a_request_without_host_is_refused(server: NoteServer) -> None:
    with socket.create_connection(server.server_address[:2], timeout=30) as raw:
        raw.sendall(b"GET / HTTP/1.0\r\n\r\n")
        answer = b""
        while chunk := raw.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 403")


def test_host_check_for_other_addresses() -> None:
    lan = HostCheck("192.168.1.20", 8000)
    assert lan.allows("192.168.1.20:8000")
    assert not lan.allows("localhost:8000") and not lan.allows("127.0.0.1:8000")
    everywhere = HostCheck("0.0.0.0", 8000)
    assert everywhere.allows("192.168.1.20:8000") and everywhere.allows("localhost:8000")
    assert everywhere.allows("[::1]:8000")
    assert not everywhere.allows("evil.example:8000") and not everywhere.allows("10.0.0.1:80")
    ipv6 = HostCheck("::1", 8000)
    assert ipv6.allows("[::1]:8000") and not ipv6.allows("evil.example:8000")
    web_port = HostCheck("127.0.0.1", 80)
    assert web_port.allows("127.0.0.1") and web_port.allows("127.0.0.1:80")
    assert not HostCheck("127.0.0.1", 8000).allows("127.0.0.1:notaport")


# -- the lint request -----------------------------------------------------------------------
def test_a_request_from_another_origin_is_refused(server: NoteServer) -> None:
    status, data = _lint(server, {"text": NOTE}, Origin="http://evil.example")
    assert status == 403 and "findings" not in data
    port = server.server_address[1]
    status, data = _lint(server, {"text": NOTE}, Origin=f"http://127.0.0.1:{port}")
    assert status == 200


def test_the_draft_must_be_sent_as_json(server: NoteServer) -> None:
    body = json.dumps({"text": NOTE}).encode()
    # A cross-site form can send text/plain without asking first; it is refused.
    status, _, answer = _request(server, "POST", "/api/lint", body, {"Content-Type": "text/plain"})
    assert status == 415 and "application/json" in json.loads(answer)["error"]
    status, _, answer = _request(
        server, "POST", "/api/lint", b"{not json", {"Content-Type": "application/json"}
    )
    assert status == 400 and json.loads(answer)["error"] == "the request is not JSON"
    status, data = _lint(server, ["a list"])
    assert status == 400 and "object" in data["error"]
    status, data = _lint(server, {"text": 42})
    assert status == 400 and "'text'" in data["error"]


def test_unknown_endpoint(server: NoteServer) -> None:
    status, _, _ = _request(
        server, "POST", "/api/other", b"{}", {"Content-Type": "application/json"}
    )
    assert status == 404


# -- the size limit -------------------------------------------------------------------------
def test_a_body_over_the_limit_is_refused_with_a_clear_error(server: NoteServer) -> None:
    body = json.dumps({"text": "word " * (MAX_BODY_BYTES // 5)}).encode()
    assert len(body) > MAX_BODY_BYTES
    status, headers, answer = _request(
        server, "POST", "/api/lint", body, {"Content-Type": "application/json"}
    )
    assert status == 413
    assert headers["Connection"] == "close"
    message = json.loads(answer)["error"]
    assert f"{len(body):,} bytes" in message and f"limit is {MAX_BODY_BYTES:,}" in message


def test_a_body_at_the_limit_is_linted(server: NoteServer) -> None:
    payload = json.dumps({"text": NOTE}).encode()
    body = payload + b" " * (MAX_BODY_BYTES - len(payload))
    assert len(body) == MAX_BODY_BYTES
    status, _, answer = _request(
        server, "POST", "/api/lint", body, {"Content-Type": "application/json"}
    )
    assert status == 200 and json.loads(answer)["findings"]


def test_a_huge_declared_length_is_answered_without_waiting_for_the_body(
    server: NoteServer,
) -> None:
    status, _, answer = _request(
        server,
        "POST",
        "/api/lint",
        b"{}",
        {"Content-Type": "application/json", "Content-Length": str(10**12)},
    )
    assert status == 413 and "too long" in json.loads(answer)["error"]


@pytest.mark.parametrize(
    "headers",
    [{"Transfer-Encoding": "chunked"}, {}, {"Content-Length": "lots"}],
)
def test_a_body_of_unknown_length_is_refused(server: NoteServer, headers: dict) -> None:
    host, port = server.server_address[:2]
    with socket.create_connection((host, port), timeout=30) as raw:
        lines = [
            "POST /api/lint HTTP/1.1",
            f"Host: 127.0.0.1:{port}",
            "Content-Type: application/json",
            *(f"{k}: {v}" for k, v in headers.items()),
        ]
        raw.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        answer = b""
        while chunk := raw.recv(65536):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 411")
    assert b"send a Content-Length" in answer


def test_a_bug_is_answered_and_logged_without_the_draft(
    monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    secret = "Quillfeather-the-draft"

    def broken(*args: object) -> dict:
        raise ValueError(f"cannot handle {secret}")

    with page_server() as running:
        monkeypatch.setattr("notelint.web.server.lint_draft", broken)
        status, data = _lint(running, {"text": secret})
    assert status == 500 and "failed on this draft" in data["error"]
    assert secret not in json.dumps(data)
    err = capfd.readouterr().err
    assert "notelint: internal error: ValueError at test_server.py:" in err
    assert secret not in err


def test_settings_fill_the_fields_from_the_config(tmp_path: Path) -> None:
    config = tmp_path / ".notelint.yaml"
    config.write_text(
        "context:\n  interviewer: [Dana Chen, Sam Lee]\n  company: Acme Robotics\n"
        "  interview_date: 2026-11-24\n",
        encoding="utf-8",
    )
    with page_server(load_config(config)) as running:
        status, _, body = _request(running, "GET", "/api/settings")
    assert status == 200
    assert json.loads(body)["context"] == {
        "interviewer": "Dana Chen, Sam Lee",
        "company": "Acme Robotics",
        "position": "",
        "interview_date": "2026-11-24",
    }
