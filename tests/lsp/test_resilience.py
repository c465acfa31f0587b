"""The language server keeps serving whatever the client sends (raw JSON-RPC over stdio):
each bad input gets an error reply, a message or a diagnostic, and then a normal request
still works; a vanished client makes it exit cleanly; it writes no file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.lsp.rawclient import RawServer

pytestmark = pytest.mark.slow

NOTE = "Dear Dana,\n\nIt was the best interview I have ever had.\n\nBest regards,\nTom\n"


@pytest.fixture
def server(tmp_path: Path):
    s = RawServer(tmp_path)
    yield s
    s.close()


def still_serving(server: RawServer, root: Path, name: str = "check.md") -> None:
    """A normal note still gets its diagnostics, and a hover request its reply."""
    uri = server.open(root / name, NOTE)
    codes = [d["code"] for d in server.diagnostics(uri)]
    assert "hyperbole" in codes
    reply = server.call(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 12}},
    )
    assert "error" not in reply and "hyperbole" in str(reply["result"])


def test_request_before_initialize_is_refused(server: RawServer, tmp_path: Path) -> None:
    reply = server.call(
        "textDocument/hover",
        {
            "textDocument": {"uri": (tmp_path / "a.md").as_uri()},
            "position": {"line": 0, "character": 0},
        },
    )
    assert reply["error"]["code"] == -32002
    assert "not initialized" in reply["error"]["message"]
    server.notify("textDocument/didOpen", {"textDocument": {}})  # dropped, not a crash
    server.initialize(tmp_path)
    still_serving(server, tmp_path)


def test_malformed_json_rpc(server: RawServer, tmp_path: Path) -> None:
    server.initialize(tmp_path)
    server.send_raw(b"{not json")
    shown = server.wait_for(lambda m: m.get("method") == "window/showMessage")
    assert shown["params"]["type"] == 1 and "Expecting property name" in shown["params"]["message"]
    reply = server.call("textDocument/hover", {"bogus": 1})
    assert reply["error"]["code"] == -32602
    assert reply["error"]["message"] == "Invalid Params: textDocument/hover"
    reply = server.call("no/suchMethod", {})
    assert reply["error"]["code"] == -32601
    still_serving(server, tmp_path)


def test_unknown_documents_and_versions_out_of_order(server: RawServer, tmp_path: Path) -> None:
    server.initialize(tmp_path)
    ghost = (tmp_path / "ghost.md").as_uri()
    server.notify(
        "textDocument/didChange",
        {"textDocument": {"uri": ghost, "version": 3}, "contentChanges": [{"text": "hi"}]},
    )
    server.notify("textDocument/didClose", {"textDocument": {"uri": ghost}})
    uri = server.open(tmp_path / "n.md", NOTE, version=5)
    server.diagnostics(uri)
    for version, text in ((9, NOTE + "thx\n"), (7, NOTE)):  # 7 arrives after 9
        server.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]},
        )
    server.diagnostics(uri, lambda d: "informal" not in [x["code"] for x in d])
    still_serving(server, tmp_path)


def test_a_five_megabyte_document_gets_a_diagnostic(server: RawServer, tmp_path: Path) -> None:
    server.initialize(tmp_path)
    big = ("It was the best interview I have ever had. " * 120_000)[:5_000_000]
    uri = server.open(tmp_path / "big.md", big)
    (diagnostic,) = server.diagnostics(uri)
    assert "too long for a note (5,000,000 characters" in diagnostic["message"]
    still_serving(server, tmp_path)


def test_a_thousand_rapid_edits(server: RawServer, tmp_path: Path) -> None:
    server.initialize(tmp_path)
    uri = server.open(tmp_path / "n.md", NOTE)
    server.diagnostics(uri)
    text = NOTE
    for version in range(2, 1002):
        text = text.replace("\nTom\n", f"\nTom {version}\n") if version == 1001 else text
        insert = "x" if version % 2 else " "
        server.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [
                    {
                        "range": {
                            "start": {"line": 5, "character": 3},
                            "end": {"line": 5, "character": 3},
                        },
                        "text": insert,
                    }
                ],
            },
        )
    server.notify(
        "textDocument/didChange",
        {
            "textDocument": {"uri": uri, "version": 1002},
            "contentChanges": [{"text": NOTE + "thx\n"}],
        },
    )
    diags = server.diagnostics(uri, lambda d: "informal" in [x["code"] for x in d])
    assert [d["range"]["start"]["line"] for d in diags if d["code"] == "informal"] == [6]
    still_serving(server, tmp_path)


def test_config_broken_and_fixed_while_running(server: RawServer, tmp_path: Path) -> None:
    config = tmp_path / ".notelint.yaml"
    config.write_text("rules:\n  hyperbole: {severity: error}\n", encoding="utf-8")
    server.initialize(tmp_path)
    uri = server.open(tmp_path / "n.md", NOTE)
    server.diagnostics(uri, lambda d: any(x.get("code") == "hyperbole" for x in d))
    config.write_text("rules:\n  hyperbole: {severity: loud}\n", encoding="utf-8")
    server.notify("textDocument/didSave", {"textDocument": {"uri": config.as_uri()}})
    problems = server.diagnostics(config.as_uri(), lambda d: bool(d))
    assert "severity of 'hyperbole' should be error, warning or info" in problems[0]["message"]
    config.write_text("rules:\n  hyperbole: {severity: info}\n", encoding="utf-8")
    server.notify("textDocument/didSave", {"textDocument": {"uri": config.as_uri()}})
    server.diagnostics(config.as_uri(), lambda d: not d)
    # the note is linted again with the fixed config: hyperbole is now information (3)
    server.diagnostics(
        uri, lambda d: [x["severity"] for x in d if x.get("code") == "hyperbole"] == [3]
    )


def test_client_that_disappears_mid_request(tmp_path: Path) -> None:
    server = RawServer(tmp_path)
    server.initialize(tmp_path)
    uri = server.open(tmp_path / "n.md", NOTE * 200)
    server.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}},
            "context": {"diagnostics": []},
        },
    )
    assert server.proc.stdin is not None
    server.proc.stdin.close()  # gone, without shutdown or exit
    assert server.proc.wait(timeout=60) == 0
    assert server.proc.stderr is not None
    assert "Traceback" not in server.proc.stderr.read().decode()


def _files(*folders: Path) -> dict[str, float]:
    return {
        str(p): p.stat().st_mtime for folder in folders for p in folder.rglob("*") if p.is_file()
    }


def test_never_writes_a_file(tmp_path: Path) -> None:
    """Fixes are sent as edits; the server itself writes nothing, in the workspace, its
    working folder or the home folder."""
    workspace, cwd, home = tmp_path / "ws", tmp_path / "cwd", tmp_path / "home"
    for folder in (workspace, cwd, home):
        folder.mkdir()
    note = workspace / "n.md"
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    server = RawServer(cwd, env=env)
    server.initialize(workspace)
    text = NOTE.replace("It was", "thx, it was")
    note.write_text(text, encoding="utf-8")
    uri = server.open(note, text)
    server.diagnostics(uri)
    before = _files(workspace, cwd, home)
    reply = server.call(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 3}},
            "context": {"diagnostics": [], "only": ["quickfix", "source.fixAll"]},
        },
    )
    assert any("edit" in action for action in reply["result"])
    server.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    still_serving(server, workspace)
    assert server.close() == 0
    after = _files(workspace, cwd, home)
    created = set(after) - set(before) - {str(workspace / "check.md")}
    assert created == set() and note.read_text(encoding="utf-8") == text
