"""A minimal Language Server Protocol client over stdio, for timing a server as an
editor sees it: JSON-RPC messages framed with Content-Length, read on a thread."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.lsp.rawclient import read_message  # noqa: E402  (the framing, shared)


class StdioClient:
    def __init__(self, cmd: list[str], env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
        )
        self.inbox: queue.Queue[tuple[float, dict[str, Any]]] = queue.Queue()
        self._next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while (message := read_message(out)) is not None:
            self.inbox.put((time.perf_counter(), message))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method: str, params: Any) -> int:
        self._next_id += 1
        self.send({"id": self._next_id, "method": method, "params": params})
        return self._next_id

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def wait_for(self, match: Any, timeout: float = 60.0) -> tuple[float, dict[str, Any]]:
        """The first message (with its arrival time) for which match(message) is true;
        server requests on the way (registrations) are answered with null."""
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError("no matching message from the server")
            at, message = self.inbox.get(timeout=left)
            if "method" in message and "id" in message:
                self.send({"id": message["id"], "result": None})
            if match(message):
                return at, message

    def response(self, request_id: int, timeout: float = 60.0) -> tuple[float, dict[str, Any]]:
        return self.wait_for(lambda m: m.get("id") == request_id and "method" not in m, timeout)

    def diagnostics(self, uri: str, version: int, timeout: float = 60.0) -> float:
        """When diagnostics for this version of the document arrived."""
        at, _ = self.wait_for(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and m["params"].get("version") == version
            ),
            timeout,
        )
        return at

    def close_and_wait(self) -> tuple[int, int, Any]:
        """Shut the server down; os.wait4's (pid, status, resource usage) of it."""
        try:
            request = self.request("shutdown", None)
            self.response(request, timeout=10)
            self.notify("exit", None)
            assert self.proc.stdin is not None
            self.proc.stdin.close()
        except Exception:
            self.proc.kill()
        return os.wait4(self.proc.pid, 0)
