"""A bare JSON-RPC client over a language server's standard input and output, for the
cases a well-behaved client library will not produce (malformed frames, requests before
`initialize`, a client that vanishes)."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

Message = dict[str, Any]


def read_message(stream: IO[bytes]) -> Message | None:
    """The next JSON-RPC message framed with a Content-Length header, or None when the
    stream ends."""
    length = None
    while True:
        line = stream.readline()
        if not line:
            return None
        if line in (b"\r\n", b"\n"):
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value)
    if length is None:
        raise ValueError("a message without a Content-Length header")
    message: Message = json.loads(stream.read(length))
    return message


class RawServer:
    def __init__(self, cwd: Path, env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "notelint", "lsp"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=env,
        )
        self.inbox: queue.Queue[Message | None] = queue.Queue()
        self.seen: list[Message] = []
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            message = read_message(out)
            self.inbox.put(message)
            if message is None:
                return

    # -- sending -----------------------------------------------------------------------
    def send_raw(self, body: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def send(self, message: Message) -> None:
        self.send_raw(json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8"))

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> int:
        rid = self.next_id
        self.next_id += 1
        self.send({"id": rid, "method": method, "params": params})
        return rid

    # -- receiving ---------------------------------------------------------------------
    def wait_for(self, want: Callable[[Message], bool], timeout: float = 60.0) -> Message:
        for message in self.seen:
            if want(message):
                self.seen.remove(message)
                return message
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no such message; seen {self.seen[-5:]}")
            try:
                message = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            if message is None:
                raise EOFError("the server closed its output")
            if want(message):
                return message
            self.seen.append(message)

    def reply(self, rid: int, timeout: float = 60.0) -> Message:
        return self.wait_for(lambda m: m.get("id") == rid and "method" not in m, timeout)

    def call(self, method: str, params: Any, timeout: float = 60.0) -> Message:
        return self.reply(self.request(method, params), timeout)

    def diagnostics(
        self, uri: str, want: Callable[[list[Message]], bool] = lambda d: True, timeout=60.0
    ) -> list[Message]:
        def match(m: Message) -> bool:
            return (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and want(m["params"]["diagnostics"])
            )

        return self.wait_for(match, timeout)["params"]["diagnostics"]

    # -- session -----------------------------------------------------------------------
    def initialize(self, root: Path) -> Message:
        result = self.call(
            "initialize", {"processId": None, "rootUri": root.as_uri(), "capabilities": {}}
        )
        self.notify("initialized", {})
        return result

    def open(self, path: Path, text: str, version: int = 1, language: str = "markdown") -> str:
        uri = path.as_uri()
        self.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": uri,
                    "languageId": language,
                    "version": version,
                    "text": text,
                }
            },
        )
        return uri

    def close(self, timeout: float = 30.0) -> int:
        """Shut down politely and return the exit status."""
        if self.proc.poll() is None:
            try:
                self.call("shutdown", None, timeout)
                self.notify("exit", None)
            except (EOFError, TimeoutError, BrokenPipeError, OSError):
                pass
        try:
            return self.proc.wait(timeout)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
