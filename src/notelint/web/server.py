"""`notelint serve`: one page and one JSON endpoint on a local HTTP server.

The standard library's http.server is enough for one writer on one machine, and adds no
dependency. Safety, in order of the checks a request meets:
- the Host header must name the address served (a DNS-rebinding page cannot reach us);
- a POST must come from the page itself (Origin, when sent, and a JSON content type);
- a request body over MAX_BODY_BYTES is refused before it is read in;
- nothing is logged and nothing is written: the draft lives in memory for one request.
The page's assets are read from the package once, at start.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import socket
import sys
import threading
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from notelint.config import RuleSet
from notelint.web.draft import DraftError, lint_draft

#: largest request body accepted: a long note is a few thousand bytes
MAX_BODY_BYTES = 100_000

#: how much of a refused body is read (and dropped) before answering
_DISCARD_BYTES = 2_000_000
_DISCARD_SECONDS = 2

_WARM_UP = "Dear Dana,\n\nThank you for the interview!!! [Company] 😀\n\nBest,\nTom\n"

LINT_PATH = "/api/lint"
SETTINGS_PATH = "/api/settings"

_ASSETS = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/style.css": ("style.css", "text/css; charset=utf-8"),
}

# The page loads nothing from anywhere else, and the browser is told to enforce that.
_SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def load_assets() -> dict[str, tuple[bytes, str]]:
    """The page's files, by URL path, read once at start."""
    folder = resources.files("notelint.web") / "assets"
    return {url: ((folder / name).read_bytes(), kind) for url, (name, kind) in _ASSETS.items()}


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_wildcard(host: str) -> bool:
    return host in ("", "0.0.0.0", "::")


@dataclass(frozen=True)
class HostCheck:
    """Which Host headers name the address served. Names other than `localhost` are
    refused unless they are the host given: an attacker's domain that resolves to this
    machine (DNS rebinding) carries its own name in the Host header. Served on every
    interface, any IP address literal with our port is accepted."""

    host: str
    port: int

    def allows(self, header: str | None) -> bool:
        if not header:
            return False
        try:
            parts = urlsplit("//" + header)
            name, port = parts.hostname, parts.port or 80
        except ValueError:
            return False
        if name is None or port != self.port or parts.username or parts.password:
            return False
        if name == self.host.lower().strip("[]"):
            return True
        if name == "localhost" or _is_ip(name):
            # A name no one else can point at us: fine when we serve loopback (and it is
            # loopback) or every interface.
            return _is_wildcard(self.host) or (is_loopback(self.host) and is_loopback(name))
        return False


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class NoteServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self, host: str, port: int, ruleset: RuleSet, *, today: dt.date | None = None
    ) -> None:
        # Build the pipeline and import what linting imports now: the first lint is quick.
        lint_draft(ruleset, {"text": _WARM_UP}, today)
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), PageHandler)
        self.ruleset = ruleset
        self.today = today
        self.assets = load_assets()
        self.host_check = HostCheck(host, self.server_address[1])
        # The spaCy pipeline is shared and reconfigured per rule set: one lint at a time.
        self.lint_lock = threading.Lock()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Instead of socketserver's full traceback, which may quote the draft."""
        exc = sys.exc_info()[1]
        if exc is not None and not isinstance(exc, ConnectionError):
            _report_bug(exc)

    @property
    def url(self) -> str:
        host, port = str(self.server_address[0]), self.server_address[1]
        shown = "127.0.0.1" if host == "0.0.0.0" else "[::1]" if host == "::" else host
        if ":" in shown and not shown.startswith("["):
            shown = f"[{shown}]"
        return f"http://{shown}:{port}/"

    def lint(self, payload: dict[str, Any]) -> dict[str, Any]:
        with self.lint_lock:
            return lint_draft(self.ruleset, payload, self.today)

    def settings(self) -> dict[str, Any]:
        context = self.ruleset.context
        return {
            "max_bytes": MAX_BODY_BYTES,
            "context": {
                "interviewer": ", ".join(context.interviewer),
                "company": context.company or "",
                "position": context.position or "",
                "interview_date": context.interview_date.isoformat()
                if context.interview_date
                else "",
            },
        }


class PageHandler(BaseHTTPRequestHandler):
    server: NoteServer
    server_version = "notelint"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def version_string(self) -> str:
        return self.server_version

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Log nothing: a request line holds no draft, but a quiet server is one less
        place for a writer's words to end up."""

    # -- routing ------------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802
        if not self._host_ok():
            return
        path = urlsplit(self.path).path
        if path == SETTINGS_PATH:
            self._send_json(HTTPStatus.OK, self.server.settings())
        elif path in self.server.assets:
            body, kind = self.server.assets[path]
            self._send(HTTPStatus.OK, body, kind)
        else:
            self._send_error(HTTPStatus.NOT_FOUND, "no such page")

    def do_POST(self) -> None:  # noqa: N802
        if not self._host_ok():
            return
        if urlsplit(self.path).path != LINT_PATH:
            self._send_error(HTTPStatus.NOT_FOUND, "no such endpoint", close=True)
            return
        origin = self.headers.get("Origin")
        if origin is not None and origin != f"http://{self.headers.get('Host')}":
            self._send_error(HTTPStatus.FORBIDDEN, "requests must come from the page", True)
            return
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind != "application/json":
            self._send_error(
                HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send the draft as application/json", True
            )
            return
        body = self._read_body()
        if body is None:
            return
        try:
            payload = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            self._send_error(HTTPStatus.BAD_REQUEST, "the request is not JSON")
            return
        if not isinstance(payload, dict):
            self._send_error(HTTPStatus.BAD_REQUEST, "the request must be a JSON object")
            return
        try:
            result = self.server.lint(payload)
        except DraftError as exc:
            self._send_error(HTTPStatus.BAD_REQUEST, str(exc))
            return
        except Exception as exc:  # a bug: answer, and log where it is but not the draft
            _report_bug(exc)
            self._send_error(
                HTTPStatus.INTERNAL_SERVER_ERROR,
                "notelint failed on this draft; the terminal running notelint serve says where",
            )
            return
        self._send_json(HTTPStatus.OK, result)

    # -- checks -------------------------------------------------------------------------
    def _host_ok(self) -> bool:
        if self.server.host_check.allows(self.headers.get("Host")):
            return True
        self._send_error(
            HTTPStatus.FORBIDDEN,
            f"this server answers only at {self.server.url}; the Host header "
            f"{self.headers.get('Host')!r} is not that address",
            close=True,
        )
        return False

    def _read_body(self) -> bytes | None:
        """The body, or None after answering when it is missing, chunked or too big
        (refused unread: the connection is closed instead)."""
        if self.headers.get("Transfer-Encoding"):
            self._send_error(HTTPStatus.LENGTH_REQUIRED, "send a Content-Length", close=True)
            return None
        length_header = self.headers.get("Content-Length")
        try:
            length = int(length_header) if length_header is not None else -1
        except ValueError:
            length = -1
        if length < 0:
            self._send_error(HTTPStatus.LENGTH_REQUIRED, "send a Content-Length", close=True)
            return None
        if length > MAX_BODY_BYTES:
            self._send_error(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"the draft is too long to check: {length:,} bytes, and the limit is "
                f"{MAX_BODY_BYTES:,} bytes (a thank-you note is rarely over 2,000)",
                close=True,
            )
            self._discard(length)
            return None
        return self.rfile.read(length)

    def _discard(self, length: int) -> None:
        """After refusing a body, read and drop some of it, so that closing the
        connection does not reset it before the client has read the answer."""
        left = min(length, _DISCARD_BYTES)
        self.connection.settimeout(_DISCARD_SECONDS)
        try:
            while left > 0:
                chunk = self.rfile.read(min(left, 65536))
                if not chunk:
                    break
                left -= len(chunk)
        except OSError:
            pass

    # -- answers ------------------------------------------------------------------------
    def _send_error(self, status: HTTPStatus, message: str, close: bool = False) -> None:
        self._send_json(status, {"error": message}, close=close)

    def _send_json(self, status: HTTPStatus, data: Any, close: bool = False) -> None:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8", close=close)

    def _send(self, status: HTTPStatus, body: bytes, kind: str, close: bool = False) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in _SECURITY_HEADERS.items():
            self.send_header(name, value)
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _report_bug(exc: BaseException) -> None:
    """The exception's type and where it was raised, on standard error. Not its message
    or a full traceback: either may quote the draft."""
    frames = traceback.extract_tb(exc.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    print(f"notelint: internal error: {type(exc).__name__}{where}", file=sys.stderr)


def has_desktop(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """Whether a graphical browser can open. Without a display, Python's webbrowser falls
    back to a text-mode browser, which would take over the terminal the server uses."""
    if platform in ("darwin", "win32"):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def serve(
    ruleset: RuleSet,
    *,
    host: str = "127.0.0.1",
    port: int = 0,
    open_browser: bool = True,
    today: dt.date | None = None,
    say: Callable[[str], None] = print,
    warn: Callable[[str], None] = print,
) -> None:
    """Serve the page until interrupted. Raises OSError when the address is taken."""
    server = NoteServer(host, port, ruleset, today=today)
    if not is_loopback(host):
        warn(
            f"notelint: warning: serving on {host}, not only on this computer: anyone who "
            "can reach this address can use the page. Use --host 127.0.0.1 to keep it local."
        )
    say(f"notelint: the page is at {server.url} (press Ctrl+C to stop)")
    if open_browser and has_desktop():
        import webbrowser

        threading.Thread(target=webbrowser.open, args=(server.url,), daemon=True).start()
    elif open_browser:
        say("notelint: no desktop to open a browser on; open the address above in one")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
