"""`notelint lsp`: a thin pygls language server over notelint.linter.Linter.

Diagnostics on open, change and save; quick fixes (each suggestion an action
of its own), "Fix all safe problems in this note" (source.fixAll) and "disable RULE for
this note"; hover with the rule's why; config files reloaded when they change. Linting runs on
one worker thread (the spaCy pipeline is built once and shared, so lints are serialised);
the event loop only moves messages. Everything the client sees is computed by the pure
functions in notelint.lsp.convert from the document text and a cached lint result.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol
from pygls.uris import from_fs_path, to_fs_path

from notelint import __version__
from notelint.config import CONFIG_NAMES, ConfigError, ConfigProblem, load_config
from notelint.fixes import fix_note, is_decoded
from notelint.linter import Linter
from notelint.lsp import convert
from notelint.lsp.convert import LintResult
from notelint.sources import SourceError, note_from_text
from notelint.sources.registry import FORMAT_BY_SUFFIX, LANGUAGE_FORMATS, is_binary

log = logging.getLogger(__name__)

#: wait after a change before linting. None needed: a lint takes a few milliseconds, and a
#: newer change cancels a lint not yet started, so linting at once keeps up with typing
DEBOUNCE_SECONDS = 0.0
TEXT_SUFFIXES = frozenset(s for s, fmt in FORMAT_BY_SUFFIX.items() if not is_binary(fmt))
CONFIG_GLOB = "**/.notelint.{yaml,yml}"


def uri_path(uri: str) -> str | None:
    """The file system path of a file: URI, else None."""
    return to_fs_path(uri) if urlparse(uri).scheme in ("file", "") else None


def uri_name(uri: str) -> str:
    return PurePosixPath(unquote(urlparse(uri).path)).name


def is_config(uri: str) -> bool:
    return uri_name(uri) in CONFIG_NAMES


def note_format(uri: str, language_id: str | None) -> str | None:
    """The note format of a document, or None when it is not a note."""
    suffix = PurePosixPath(uri_name(uri)).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        return FORMAT_BY_SUFFIX[suffix]
    return LANGUAGE_FORMATS.get((language_id or "").lower())


#: the only messages a server may act on before `initialize`
_BEFORE_INITIALIZE = frozenset({types.INITIALIZE, types.SHUTDOWN, types.EXIT})
SERVER_NOT_INITIALIZED = -32002


class GuardedProtocol(LanguageServerProtocol):
    """Every request gets a reply, whatever the client sends: a request whose params
    cannot be read gets an error reply (pygls would only show a message, and the client
    would wait for ever), and a request before `initialize` gets ServerNotInitialized,
    as the protocol asks; notifications before it are dropped."""

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if isinstance(data, dict) and "id" in data and isinstance(data.get("method"), str):
                error = types.ResponseError(
                    code=exc.code, message=f"{exc.message or 'invalid request'}: {data['method']}"
                )
                self._send_response(data["id"], error=error)
            raise

    def handle_message(self, message: Any) -> None:
        method = getattr(message, "method", None)
        if self._workspace is None and method is not None and method not in _BEFORE_INITIALIZE:
            msg_id = getattr(message, "id", None)
            if msg_id is not None:
                error = types.ResponseError(
                    code=SERVER_NOT_INITIALIZED,
                    message=f"the server is not initialized; send initialize before {method}",
                )
                self._send_response(msg_id, error=error)
            return
        super().handle_message(message)


class NotelintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("notelint", __version__, protocol_cls=GuardedProtocol)
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="notelint-lint")
        self.linter = Linter()
        self.results: dict[str, LintResult] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.languages: dict[str, str | None] = {}
        #: config files that currently carry our diagnostics
        self.config_uris: set[str] = set()
        self.shown_problems: tuple[ConfigProblem, ...] = ()

    # -- helpers -----------------------------------------------------------------------
    @property
    def encoding(self) -> str:
        enc = self.workspace.position_encoding or types.PositionEncodingKind.Utf16
        return str(getattr(enc, "value", enc))

    def is_open(self, uri: str) -> bool:
        return unquote(uri) in self.workspace.text_documents

    def format_of(self, uri: str) -> str | None:
        return note_format(uri, self.languages.get(uri))

    def publish(self, uri: str, diagnostics: list[types.Diagnostic], version: int | None) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        )

    def message(self, kind: types.MessageType, text: str) -> None:
        self.window_show_message(types.ShowMessageParams(type=kind, message=text))

    # -- linting -------------------------------------------------------------------------
    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Lint a document after `delay` seconds; a newer request replaces an older one."""
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        task = asyncio.ensure_future(self._lint_later(uri, delay))
        self.pending[uri] = task
        task.add_done_callback(lambda done: self._forget(uri, done))

    def _forget(self, uri: str, task: asyncio.Task[None]) -> None:
        if self.pending.get(uri) is task:
            del self.pending[uri]

    async def _lint_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        result = await self.current_result(uri)
        if result is None or not self.is_open(uri):
            return
        if result.version == self.workspace.get_text_document(uri).version:  # not stale
            self.publish(uri, convert.diagnostics(result, self.encoding), result.version)

    async def current_result(self, uri: str) -> LintResult | None:
        """The lint result for the document's current version (cached per version)."""
        if not self.is_open(uri):
            return None
        doc = self.workspace.get_text_document(uri)
        fmt = self.format_of(uri)
        if fmt is None:
            return None
        cached = self.results.get(uri)
        if cached is not None and cached.version == doc.version and cached.text == doc.source:
            return cached
        text, doc_version = doc.source, doc.version
        linter = self.linter
        loop = asyncio.get_running_loop()
        try:
            result = await loop.run_in_executor(
                self.executor, lint_document, linter, uri, doc_version, text, fmt
            )
        except ConfigError as exc:
            self.config_broken(exc)
            return LintResult(uri, doc_version, text, fmt, not_linted=not_linted_message(exc))
        except Exception as exc:  # never crash the editor's session over one note
            log.exception("linting %s failed", uri)
            self.message(types.MessageType.Error, f"notelint failed on {uri_name(uri)}: {exc}")
            return None
        if linter is self.linter and self.is_open(uri):
            self.results[uri] = result
        config_uri = from_fs_path(result.config) if result.config else None
        if config_uri in self.config_uris:  # it loads now: its problems are gone
            self.publish(config_uri, [], None)
            self.config_uris.discard(config_uri)
            self.shown_problems = ()
        return result

    # -- configuration ---------------------------------------------------------------
    def config_broken(self, exc: ConfigError) -> None:
        """Show config problems as diagnostics on the config file, and say so once."""
        grouped = convert.config_problems(exc.problems)
        for path, problems in grouped.items():
            uri = from_fs_path(path) or path
            try:
                text = (
                    self.workspace.get_text_document(uri).source
                    if self.is_open(uri)
                    else Path(path).read_text(encoding="utf-8-sig")
                )
            except OSError:
                text = ""
            self.publish(uri, convert.config_diagnostics(text, problems, self.encoding), None)
            self.config_uris.add(uri)
        problems_key = tuple(exc.problems)
        if problems_key != self.shown_problems:
            self.shown_problems = problems_key
            first = exc.problems[0] if exc.problems else "invalid configuration"
            more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
            self.message(
                types.MessageType.Error,
                f"notelint: the configuration has problems, notes are not linted until it "
                f"is fixed: {first}{more}",
            )

    def config_fixed(self) -> None:
        for uri in self.config_uris:
            self.publish(uri, [], None)
        self.config_uris.clear()
        self.shown_problems = ()

    async def reload_config(self, changed: list[str]) -> None:
        """A config file changed: drop cached rule sets and lint every open note again."""
        self.linter = Linter()
        self.results.clear()
        loop = asyncio.get_running_loop()
        broken = False
        for path in changed:
            if not Path(path).is_file():
                continue
            try:
                await loop.run_in_executor(self.executor, load_config, path)
            except ConfigError as exc:
                self.config_broken(exc)
                broken = True
        if not broken:
            self.config_fixed()
        for uri in list(self.languages):
            if self.is_open(uri) and self.format_of(uri) is not None:
                self.schedule(uri)


def not_linted_message(exc: ConfigError) -> str:
    """What a note governed by a broken config shows on its first line."""
    first = exc.problems[0] if exc.problems else "invalid configuration"
    more = f" (and {len(exc.problems) - 1} more)" if len(exc.problems) > 1 else ""
    return f"notelint: this note is not checked until its config is fixed: {first}{more}"


def lint_document(
    linter: Linter, uri: str, doc_version: int | None, text: str, fmt: str
) -> LintResult:
    """Lint one document's text (runs on the worker thread)."""
    path = uri_path(uri) or uri_name(uri) or "untitled"
    ruleset = linter.ruleset_for(path if Path(path).is_absolute() else None)
    rules = {r.id: r for r in (ruleset.all_rules or ruleset.rules)}
    config = str(ruleset.path) if ruleset.path else None
    try:
        note = note_from_text(text, path, fmt=fmt)
    except SourceError as exc:
        return LintResult(uri, doc_version, text, fmt, rules=rules, error=str(exc), config=config)
    violations = linter.lint_notes([note])
    return LintResult(
        uri,
        doc_version,
        text,
        fmt,
        tuple(violations),
        rules,
        config=config,
        decoded=is_decoded(note) or note.text != text[len(text) - len(note.text) :],
    )


server = NotelintServer()


def warm_up(linter: Linter) -> None:
    """Import spaCy, build the pipeline and compile the rules (runs on the worker thread,
    after `initialize` is answered, so the editor is not kept waiting for it)."""
    try:
        linter.lint_text("Dear Dana,\n\nThank you.\n\nBest,\nSam", "warm-up.txt")
    except Exception:  # a broken config is reported when a note is linted
        log.debug("warm-up failed", exc_info=True)


@server.feature(types.INITIALIZED)
async def initialized(ls: NotelintServer, params: types.InitializedParams) -> None:
    ls.executor.submit(warm_up, ls.linter)
    caps = ls.client_capabilities
    watched = caps.workspace.did_change_watched_files if caps.workspace else None
    if watched is not None and watched.dynamic_registration:
        registration = types.Registration(
            id="notelint-config-watch",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=CONFIG_GLOB)]
            ),
        )
        try:
            await ls.client_register_capability_async(
                types.RegistrationParams(registrations=[registration])
            )
        except Exception:  # a client that says it can but cannot: saves still reload
            log.warning("could not register the config file watcher", exc_info=True)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: NotelintServer, params: types.DidOpenTextDocumentParams) -> None:
    doc = params.text_document
    ls.languages[doc.uri] = doc.language_id
    if is_config(doc.uri):
        path = uri_path(doc.uri)
        if path:
            await ls.reload_config([path])
    elif ls.format_of(doc.uri) is not None:
        ls.schedule(doc.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: NotelintServer, params: types.DidChangeTextDocumentParams) -> None:
    uri = params.text_document.uri
    if not is_config(uri) and ls.format_of(uri) is not None:
        ls.schedule(uri, DEBOUNCE_SECONDS)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
async def did_save(ls: NotelintServer, params: types.DidSaveTextDocumentParams) -> None:
    uri = params.text_document.uri
    if is_config(uri):
        path = uri_path(uri)
        await ls.reload_config([path] if path else [])
    elif ls.format_of(uri) is not None:
        ls.schedule(uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: NotelintServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.results.pop(uri, None)
    ls.languages.pop(uri, None)
    if uri not in ls.config_uris:
        ls.publish(uri, [], None)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
async def did_change_watched_files(
    ls: NotelintServer, params: types.DidChangeWatchedFilesParams
) -> None:
    changed = [uri_path(c.uri) for c in params.changes if is_config(c.uri)]
    if changed:
        await ls.reload_config([p for p in changed if p])


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]
    ),
)
async def code_action(
    ls: NotelintServer, params: types.CodeActionParams
) -> list[types.CodeAction] | None:
    result = await ls.current_result(params.text_document.uri)
    if result is None:
        return None
    only = params.context.only
    actions = convert.code_actions(result, ls.encoding, params.range, only)
    safe = any(v.fix is not None and v.fix.safe for v in result.violations)
    if safe and not result.decoded and convert.wants_fix_all(only):
        loop = asyncio.get_running_loop()
        try:
            fixed = await loop.run_in_executor(ls.executor, fix_document, ls.linter, result)
        except Exception:  # a config broken meanwhile: the quick fixes are still offered
            log.exception("fixing %s failed", params.text_document.uri)
        else:
            action = convert.fix_all_action(result, ls.encoding, fixed)
            if action is not None:
                actions.append(action)
    return actions


def fix_document(linter: Linter, result: LintResult) -> str:
    """The document's note with every safe fix applied (runs on the worker thread)."""
    path = uri_path(result.uri) or uri_name(result.uri) or "untitled"
    note = note_from_text(result.text, path, fmt=result.format)
    return fix_note(linter, note).text


@server.feature(types.TEXT_DOCUMENT_HOVER)
async def hover(ls: NotelintServer, params: types.HoverParams) -> types.Hover | None:
    result = await ls.current_result(params.text_document.uri)
    if result is None:
        return None
    return convert.hover(result, ls.encoding, params.position)


@server.feature(types.SHUTDOWN)
def shutdown(ls: NotelintServer, params: None) -> None:
    for task in list(ls.pending.values()):
        task.cancel()
    ls.executor.shutdown(wait=False, cancel_futures=True)


def serve() -> None:
    """Run the server on standard input and output."""
    logging.basicConfig(level=logging.WARNING)
    _one_malloc_arena()
    server.start_io()


def _one_malloc_arena() -> None:
    """Ask glibc for a single malloc arena. spaCy is imported and the notes are linted
    on the executor's thread, and a second arena for that thread holds about 1.2 MB
    more at the peak; the thread never runs beside another that allocates much, so
    sharing one arena costs no time. Elsewhere (musl, macOS, Windows): nothing."""
    import ctypes  # spaCy imports it in any case

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (AttributeError, OSError, TypeError):
        return
    mallopt(-8, 1)  # M_ARENA_MAX
