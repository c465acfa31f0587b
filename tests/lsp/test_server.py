"""End-to-end tests of `notelint lsp` with a real LSP client (pytest-lsp).

The server runs as a subprocess (`python -m notelint lsp`); notes and configs are real
files in a temporary folder, because the server finds .notelint.yaml next to them.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

from notelint.config import default_ruleset

pytestmark = [pytest.mark.slow, pytest.mark.asyncio]

TIMEOUT = 30.0

# Line 3 has an accent and an emoji before the hyperbole; line 4 an emoji before the
# config-defined substitution ("in order to" -> "to").
NOTE = """Dear Dana,

Thank you for meeting with me on Tuesday. Café talk 😀 aside, \
it was the best interview I have ever had.
It was a pleasure to meet you. I came in order to hear about 🚀 \
the plan to move billing to Stripe by June.

I remain very interested in the Backend Engineer position.

Best regards,
Tom
"""
HYPERBOLE = "the best interview I have ever had"
WORDY = "in order to"

CONFIG = """rules:
  wordy:
    kind: substitution
    severity: info
    summary: Wordy phrases
    message: "\\"{text}\\" is wordy; say it plainly"
    why: Short words read better than long ones.
    link: https://example.org/rules/wordy
    swap:
      in order to: to
    examples:
      pass: ["I came to learn."]
      fail: ["I came in order to learn."]
"""


class RecordingClient(LanguageClient):
    """pytest-lsp's client, also recording every publication and registration."""

    def __init__(self) -> None:
        super().__init__(converter_factory=default_converter)
        self.published: list[tuple[str, int | None]] = []
        self.registrations: list[types.Registration] = []


def make_client() -> RecordingClient:
    client = RecordingClient()
    features = dict(DEFAULT_CLIENT_FEATURES)

    def publish(client: RecordingClient, params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append((params.uri, params.version))

    def register(client: RecordingClient, params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)

    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = publish
    features[types.CLIENT_REGISTER_CAPABILITY] = register
    register_lsp_features(client, features)
    return client


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[sys.executable, "-m", "notelint", "lsp"], client_factory=make_client
    ),
)
async def client(lsp_client: RecordingClient):
    yield
    await lsp_client.shutdown_session()


async def start(
    client: RecordingClient, root: Path, encodings: Sequence[str] | None = None
) -> types.InitializeResult:
    general = (
        types.GeneralClientCapabilities(
            position_encodings=[types.PositionEncodingKind(e) for e in encodings]
        )
        if encodings
        else None
    )
    capabilities = types.ClientCapabilities(
        general=general,
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=True
            )
        ),
        text_document=types.TextDocumentClientCapabilities(
            publish_diagnostics=types.PublishDiagnosticsClientCapabilities(
                version_support=True, code_description_support=True
            ),
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
            code_action=types.CodeActionClientCapabilities(
                code_action_literal_support=types.ClientCodeActionLiteralOptions(
                    code_action_kind=types.ClientCodeActionKindOptions(
                        value_set=[types.CodeActionKind.QuickFix]
                    )
                )
            ),
        ),
    )
    return await client.initialize_session(
        types.InitializeParams(capabilities=capabilities, root_uri=root.as_uri())
    )


def open_note(
    client: RecordingClient, path: Path, text: str, language: str = "markdown", version: int = 1
) -> str:
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id=language, version=version, text=text
            )
        )
    )
    return uri


async def diagnostics_for(
    client: RecordingClient,
    uri: str,
    until: Callable[[Sequence[types.Diagnostic]], bool] = lambda d: True,
) -> Sequence[types.Diagnostic]:
    """Wait until the diagnostics published for uri satisfy `until`."""

    async def wait() -> Sequence[types.Diagnostic]:
        while True:
            if uri in client.diagnostics and until(client.diagnostics[uri]):
                return client.diagnostics[uri]
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    return await asyncio.wait_for(wait(), TIMEOUT)


def units(text: str, encoding: str) -> int:
    if encoding == "utf-16":
        return len(text.encode("utf-16-le")) // 2
    if encoding == "utf-8":
        return len(text.encode("utf-8"))
    return len(text)


def expected_range(text: str, phrase: str, encoding: str) -> types.Range:
    line_no, line = next((i, ln) for i, ln in enumerate(text.split("\n")) if phrase in ln)
    col = line.index(phrase)
    return types.Range(
        start=types.Position(line=line_no, character=units(line[:col], encoding)),
        end=types.Position(line=line_no, character=units(line[: col + len(phrase)], encoding)),
    )


def by_code(diags: Sequence[types.Diagnostic], code: str) -> list[types.Diagnostic]:
    return [d for d in diags if d.code == code]


def apply_edits(text: str, edits: Sequence[types.TextEdit], encoding: str = "utf-16") -> str:
    """Apply LSP text edits (in the given encoding) the way an editor does."""
    lines = text.split("\n")

    def offset(pos: types.Position) -> int:
        before = sum(len(ln) + 1 for ln in lines[: pos.line])
        line = lines[pos.line] if pos.line < len(lines) else ""
        seen = 0
        for i, ch in enumerate(line):
            if seen >= pos.character:
                return before + i
            seen += units(ch, encoding)
        return before + len(line)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character))[::-1]:
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


def change(client: RecordingClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8", "utf-32"])
async def test_diagnostics_on_open_in_the_negotiated_encoding(
    client: RecordingClient, tmp_path: Path, encoding: str
) -> None:
    (tmp_path / ".notelint.yaml").write_text(CONFIG, encoding="utf-8")
    offered = None if encoding == "utf-16" else [encoding, "utf-16"]
    result = await start(client, tmp_path, offered)
    assert result.capabilities.position_encoding == encoding
    uri = open_note(client, tmp_path / "acme.md", NOTE)
    diags = await diagnostics_for(client, uri)

    hyperbole = by_code(diags, "hyperbole")
    assert len(hyperbole) == 1
    assert hyperbole[0].range == expected_range(NOTE, HYPERBOLE, encoding)
    assert hyperbole[0].source == "notelint"
    assert hyperbole[0].severity == types.DiagnosticSeverity.Warning
    assert hyperbole[0].code_description is None  # the shipped rule has no link

    (wordy,) = by_code(diags, "wordy")
    assert wordy.range == expected_range(NOTE, WORDY, encoding)
    assert wordy.severity == types.DiagnosticSeverity.Information
    assert wordy.code_description is not None
    assert wordy.code_description.href == "https://example.org/rules/wordy"
    assert wordy.message == '"in order to" is wordy; say it plainly'


async def test_change_is_relinted_newest_last_and_close_clears(
    client: RecordingClient, tmp_path: Path
) -> None:
    await start(client, tmp_path)
    uri = open_note(client, tmp_path / "acme.txt", NOTE, language="plaintext")
    await diagnostics_for(client, uri, lambda d: bool(by_code(d, "hyperbole")))

    # Typing: several quick edits; only the last text counts.
    calmer = NOTE.replace("it was the best interview I have ever had", "I enjoyed it")
    change(client, uri, 2, NOTE.replace("Tuesday", "Tues"))
    change(client, uri, 3, calmer)
    diags = await diagnostics_for(client, uri, lambda d: not by_code(d, "hyperbole"))
    assert all(d.source == "notelint" for d in diags)
    versions = [v for u, v in client.published if u == uri]
    # Version 2 may or may not be linted before 3 replaces it, but nothing older is
    # ever published after something newer.
    assert versions[0] == 1 and versions[-1] == 3 and versions == sorted(versions)

    # Back to the flawed text, then save: linted again.
    change(client, uri, 4, NOTE)
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    await diagnostics_for(client, uri, lambda d: bool(by_code(d, "hyperbole")))

    client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert list(await diagnostics_for(client, uri, lambda d: len(d) == 0)) == []


async def test_incremental_edit_with_emoji(client: RecordingClient, tmp_path: Path) -> None:
    await start(client, tmp_path)
    uri = open_note(client, tmp_path / "acme.md", NOTE)
    await diagnostics_for(client, uri, lambda d: bool(by_code(d, "hyperbole")))
    # Replace "the best interview I have ever had" by "useful", addressed in UTF-16.
    span = expected_range(NOTE, HYPERBOLE, "utf-16")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangePartial(range=span, text="useful")],
        )
    )
    await diagnostics_for(client, uri, lambda d: not by_code(d, "hyperbole"))


async def test_quick_fix_and_disable_actions(client: RecordingClient, tmp_path: Path) -> None:
    (tmp_path / ".notelint.yaml").write_text(CONFIG, encoding="utf-8")
    await start(client, tmp_path)
    uri = open_note(client, tmp_path / "acme.md", NOTE)
    diags = await diagnostics_for(client, uri, lambda d: bool(by_code(d, "wordy")))
    (wordy,) = by_code(diags, "wordy")

    # Neovim 0.7 sends byte columns: ask with a byte-counted range on the same line,
    # and send no diagnostics back; actions come from the server's own lint.
    line = NOTE.split("\n")[wordy.range.start.line]
    byte_col = len(line[: line.index(WORDY)].encode("utf-8"))
    asked = types.Range(
        start=types.Position(line=wordy.range.start.line, character=byte_col),
        end=types.Position(line=wordy.range.start.line, character=byte_col),
    )
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=asked,
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    assert actions is not None
    # The fixes of the violations on that line (the wordy phrase, the emoji), one
    # "disable" per rule flagged there, and "fix all" for the whole note.
    line_no = wordy.range.start.line
    on_line = [d.code for d in diags if d.range.start.line <= line_no <= d.range.end.line]
    assert "wordy" in on_line
    fixes = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
    disables = [a for a in fixes if a.title.startswith("Disable ")]
    fixes = [a for a in fixes if a not in disables]
    assert [a.title for a in fixes] == [
        "Replace with \u201cto\u201d",
        "Delete \u201c\U0001f680\u201d",
    ]
    assert [a.title for a in disables] == [
        f"Disable {code} for this note" for code in dict.fromkeys(on_line)
    ]
    fix = fixes[0]
    assert fix.is_preferred
    assert fix.edit is not None and fix.edit.changes is not None
    fixed = apply_edits(NOTE, fix.edit.changes[uri])
    assert fixed == NOTE.replace("I came in order to hear", "I came to hear")

    (fix_all,) = [a for a in actions if a.kind == types.CodeActionKind.SourceFixAll]
    assert fix_all.title == "Fix all safe problems in this note"
    assert fix_all.edit is not None and fix_all.edit.changes is not None
    assert apply_edits(NOTE, fix_all.edit.changes[uri]) == NOTE.replace(
        "Café talk 😀 aside", "Café talk aside"
    ).replace("I came in order to hear about 🚀 the", "I came to hear about the")

    disable = disables[0]
    assert disable.edit is not None and disable.edit.changes is not None
    disabled = apply_edits(NOTE, disable.edit.changes[uri])
    assert disabled == "---\nnotelint:\n  disable: [wordy]\n---\n" + NOTE

    # The editor applies the disable action: the rule goes quiet, others stay.
    change(client, uri, 2, disabled)
    diags = await diagnostics_for(client, uri, lambda d: not by_code(d, "wordy"))
    assert by_code(diags, "hyperbole")

    # Lines without a violation get no quick fixes, only the note-wide "fix all";
    # only= filters by kind.
    empty = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(
                start=types.Position(line=11, character=0), end=types.Position(line=11, character=3)
            ),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    assert empty is not None
    assert [a.kind for a in empty] == [types.CodeActionKind.SourceFixAll]
    refactor_only = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(
                start=types.Position(line=0, character=0), end=types.Position(line=20, character=0)
            ),
            context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.Refactor]),
        )
    )
    assert not refactor_only


async def test_disable_extends_existing_front_matter(
    client: RecordingClient, tmp_path: Path
) -> None:
    await start(client, tmp_path)
    text = "---\ncompany: Acme Robotics  # keep me\n---\n" + NOTE
    uri = open_note(client, tmp_path / "acme.md", text)
    diags = await diagnostics_for(client, uri, lambda d: bool(by_code(d, "hyperbole")))
    (hyperbole,) = by_code(diags, "hyperbole")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=hyperbole.range,
            context=types.CodeActionContext(diagnostics=[hyperbole]),
        )
    )
    assert actions is not None
    (disable,) = [a for a in actions if a.title == "Disable hyperbole for this note"]
    assert disable.edit is not None and disable.edit.changes is not None
    new = apply_edits(text, disable.edit.changes[uri])
    assert new.startswith(
        "---\ncompany: Acme Robotics  # keep me\nnotelint:\n  disable: [hyperbole]\n---\n"
    )
    assert new.endswith(NOTE)


async def test_hover_shows_why(client: RecordingClient, tmp_path: Path) -> None:
    await start(client, tmp_path)
    uri = open_note(client, tmp_path / "acme.md", NOTE)
    diags = await diagnostics_for(client, uri, lambda d: bool(by_code(d, "hyperbole")))
    (hyperbole,) = by_code(diags, "hyperbole")
    inside = types.Position(
        line=hyperbole.range.start.line, character=hyperbole.range.start.character + 4
    )
    result = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=inside)
    )
    assert result is not None
    assert isinstance(result.contents, types.MarkupContent)
    why = " ".join(default_ruleset().get("hyperbole").why.split())  # type: ignore[union-attr]
    assert why in result.contents.value
    assert "**hyperbole**" in result.contents.value
    assert result.range == hyperbole.range

    # "Café" on the same line is not flagged.
    outside = types.Position(line=hyperbole.range.start.line, character=44)
    assert NOTE.split("\n")[hyperbole.range.start.line][42:46] == "Café"
    nothing = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=outside)
    )
    assert nothing is None


async def test_config_reload_and_broken_config(client: RecordingClient, tmp_path: Path) -> None:
    await start(client, tmp_path)

    async def registered() -> None:
        while not client.registrations:
            await asyncio.sleep(0.05)

    await asyncio.wait_for(registered(), TIMEOUT)
    (registration,) = client.registrations
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    uri = open_note(client, tmp_path / "acme.md", NOTE)
    await diagnostics_for(client, uri, lambda d: bool(by_code(d, "hyperbole")))

    config = tmp_path / ".notelint.yaml"
    config_uri = config.as_uri()

    def watched(kind: types.FileChangeType) -> None:
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(changes=[types.FileEvent(uri=config_uri, type=kind)])
        )

    # Switch hyperbole off: picked up without a restart.
    config.write_text("rules:\n  hyperbole: off\n", encoding="utf-8")
    watched(types.FileChangeType.Created)
    await diagnostics_for(client, uri, lambda d: not by_code(d, "hyperbole"))

    # A broken config: a diagnostic on the config file and one message, no crash.
    config.write_text("rules:\n  hyperbole: off\n  no-such-rule: {severity: error}\n", "utf-8")
    watched(types.FileChangeType.Changed)
    problems = await diagnostics_for(client, config_uri, lambda d: len(d) > 0)
    assert problems[0].range.start.line == 2
    assert "no-such-rule" in problems[0].message
    assert problems[0].severity == types.DiagnosticSeverity.Error
    # The note says so on its first line, naming the config and its first problem: an
    # empty list of diagnostics would read as "clean".
    (blocked,) = await diagnostics_for(
        client, uri, lambda d: len(d) == 1 and not by_code(d, "length")
    )
    assert blocked.range.start.line == 0 and blocked.severity == types.DiagnosticSeverity.Error
    assert f"{config}:3: unknown rule 'no-such-rule'" in blocked.message
    assert "not checked until its config is fixed" in blocked.message

    async def one_message() -> None:
        while not client.messages:
            await asyncio.sleep(0.05)

    await asyncio.wait_for(one_message(), TIMEOUT)
    assert "configuration" in client.messages[0].message
    watched(types.FileChangeType.Changed)  # same problems again: no second message
    await asyncio.sleep(0.5)
    assert len(client.messages) == 1

    # The server still answers.
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=0, character=0),
        )
    )
    assert hover is None  # nothing linted while the config is broken

    # Fixed, and saved from the editor: problems cleared, hyperbole back on.
    config.write_text("rules:\n  length: {max: 300}\n", encoding="utf-8")
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=config_uri))
    )
    await diagnostics_for(client, config_uri, lambda d: len(d) == 0)
    await diagnostics_for(client, uri, lambda d: bool(by_code(d, "hyperbole")))


async def test_only_note_documents_are_linted(client: RecordingClient, tmp_path: Path) -> None:
    await start(client, tmp_path)
    script = open_note(client, tmp_path / "tool.py", "print('best interview ever!!!')\n", "python")
    untitled = "untitled:Untitled-1"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=untitled, language_id="markdown", version=1, text=NOTE
            )
        )
    )
    diags = await diagnostics_for(client, untitled, lambda d: bool(by_code(d, "hyperbole")))
    assert diags
    html = open_note(
        client, tmp_path / "acme.html", "<p>" + NOTE.replace("\n\n", "</p>\n\n<p>") + "</p>", "html"
    )
    await diagnostics_for(client, html, lambda d: bool(by_code(d, "hyperbole")))
    assert script not in client.diagnostics
