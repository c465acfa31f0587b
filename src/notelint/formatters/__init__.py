"""Output formats: one module each, behind one registry and one signature.

A formatter takes the run's Report and OutputOptions and returns the text to print.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from notelint.formatters import github, json_format, sarif, text
from notelint.formatters.base import OutputOptions

if TYPE_CHECKING:
    from notelint.linter import Report

Formatter = Callable[["Report", OutputOptions], str]

FORMATTERS: dict[str, Formatter] = {
    "text": text.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "github": github.render,
}

__all__ = ["FORMATTERS", "Formatter", "OutputOptions"]
