"""The table of input formats: every entry is complete, and everything derived agrees."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
import yaml

from notelint.lsp.server import note_format
from notelint.sources import note_from_bytes, note_from_text, registry
from notelint.sources.registry import FORMATS


@pytest.mark.parametrize("spec", FORMATS, ids=lambda f: f.name)
def test_each_format_has_a_reader_module(spec: registry.InputFormat) -> None:
    module = importlib.import_module(spec.reader)
    assert callable(module.prose)
    assert callable(getattr(module, "to_text", None)) == spec.binary
    for suffix in spec.suffixes + spec.other_suffixes:
        assert suffix == suffix.lower() and suffix.startswith(".")
        assert registry.format_for(f"note{suffix.upper()}") == spec.name


def test_names_suffixes_and_language_ids_are_unique() -> None:
    names = [f.name for f in FORMATS]
    suffixes = [s for f in FORMATS for s in f.suffixes + f.other_suffixes]
    ids = [i for f in FORMATS for i in f.language_ids]
    assert len(set(names)) == len(names)
    assert len(set(suffixes)) == len(suffixes)
    assert len(set(ids)) == len(ids)


def test_derived_tables() -> None:
    walked = sorted(registry.NOTE_SUFFIXES)
    assert walked == [".docx", ".eml", ".htm", ".html", ".markdown", ".md", ".txt"]
    assert registry.format_for("notes.text") == "txt"  # read when named, not walked
    assert ".text" not in registry.NOTE_SUFFIXES
    assert registry.format_for("notes.rst") == registry.format_for(None) == "txt"
    assert sorted(registry.BINARY_FORMATS) == ["docx"]
    assert sorted(registry.FRONT_MATTER_FORMATS) == ["md", "txt"]
    assert not registry.get("docx").fixable and registry.get("md").fixable


def test_the_language_server_reads_formats_from_the_table() -> None:
    assert note_format("file:///n/a.markdown", None) == "md"
    assert note_format("untitled:Untitled-1", "mail") == "eml"
    assert note_format("untitled:Untitled-1", "python") is None
    # A Word file is binary: an editor's buffer of it is not a note.
    assert note_format("file:///n/a.docx", None) is None


def test_front_matter_is_read_only_where_the_table_says() -> None:
    text = "---\ncompany: Acme\n---\nDear Dana,\n"
    assert note_from_text(text, "a.md").context.company == "Acme"
    assert note_from_text(text, "a.html").context.company is None


def test_latin1_fallback_only_for_formats_that_ask_for_it() -> None:
    data = "Subject: Merci\n\nCaf\u00e9 talk, thank you.\n".encode("latin-1")
    assert "Caf\u00e9" in note_from_bytes(data, "a.eml").text
    with pytest.raises(Exception, match="UTF-8"):
        note_from_bytes(data, "a.txt")


def test_the_pre_commit_hook_lints_every_text_format() -> None:
    hooks = yaml.safe_load((Path(__file__).parents[2] / ".pre-commit-hooks.yaml").read_text())
    files = re.compile(hooks[0]["files"])
    for spec in FORMATS:
        for suffix in spec.suffixes:
            assert bool(files.search(f"drafts/note{suffix}")) != spec.binary, suffix
