"""What every formatter may need besides the violations."""

from __future__ import annotations

from dataclasses import dataclass

from notelint.model import Rule


@dataclass(frozen=True)
class OutputOptions:
    #: the rules in force, for catalogues (SARIF) and the checklist
    rules: tuple[Rule, ...] = ()
    color: bool = False
    quiet: bool = False
    #: show the advice as a checklist (one note, on a terminal)
    checklist: bool = False
    #: count suggestions as fixable (--unsafe-fixes), and list each fix (--show-fixes)
    unsafe_fixes: bool = False
    show_fixes: bool = False
