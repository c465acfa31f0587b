"""The language server answers `initialize` before it imports spaCy, and lints once the
pipeline is built. spaCy's import is held at a gate (a file that does not exist yet): a
server that imported spaCy before answering would never answer."""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

import pytest
import pytest_lsp
from pytest_lsp import ClientServerConfig

from tests.lsp.test_server import (
    NOTE,
    TIMEOUT,
    RecordingClient,
    by_code,
    diagnostics_for,
    make_client,
    open_note,
    start,
)

GATE = Path(tempfile.mkdtemp(prefix="notelint-gate-")) / "open"
SERVER = """
import os, sys, time

gate = sys.argv[1]


class HoldSpacy:
    def find_spec(self, name, path=None, target=None):
        if name == "spacy":
            while not os.path.exists(gate):
                time.sleep(0.01)
        return None


sys.meta_path.insert(0, HoldSpacy())
from notelint.lsp.server import serve

serve()
"""

pytestmark = [pytest.mark.slow, pytest.mark.asyncio]


@pytest_lsp.fixture(
    config=ClientServerConfig(
        server_command=[sys.executable, "-c", SERVER, str(GATE)], client_factory=make_client
    ),
)
async def client(lsp_client: RecordingClient):
    yield
    GATE.touch()  # let a server stuck at the gate shut down
    await lsp_client.shutdown_session()


async def test_initialize_is_answered_before_spacy_is_imported(
    client: RecordingClient, tmp_path: Path
) -> None:
    GATE.unlink(missing_ok=True)
    # A server that imported spaCy first would never answer.
    result = await asyncio.wait_for(start(client, tmp_path), TIMEOUT)
    assert result.capabilities.text_document_sync is not None
    GATE.touch()
    uri = open_note(client, tmp_path / "acme.md", NOTE)
    diags = await diagnostics_for(client, uri, lambda d: bool(by_code(d, "hyperbole")))
    assert by_code(diags, "hyperbole")
