"""The closed set of kinds. Rules (data, in rules.yaml) name one of these (code)."""

from __future__ import annotations

from notelint.kinds.base import Kind
from notelint.kinds.directive import DirectiveKind
from notelint.kinds.enthusiasm import EnthusiasmKind
from notelint.kinds.existence import ExistenceKind
from notelint.kinds.interview import PersonalizationKind, TimingKind
from notelint.kinds.letter import SalutationKind, SignOffKind
from notelint.kinds.placeholder import PlaceholderKind
from notelint.kinds.readability import ReadabilityKind, SentenceLengthKind
from notelint.kinds.regex import RegexKind
from notelint.kinds.required import RequiredKind
from notelint.kinds.specific_detail import SpecificDetailKind
from notelint.kinds.substitution import SubstitutionKind
from notelint.kinds.word_count import WordCountKind

KINDS: dict[str, type[Kind]] = {
    kind.name: kind
    for kind in (
        ExistenceKind,
        RequiredKind,
        RegexKind,
        SubstitutionKind,
        WordCountKind,
        EnthusiasmKind,
        SalutationKind,
        SignOffKind,
        ReadabilityKind,
        SentenceLengthKind,
        TimingKind,
        PersonalizationKind,
        PlaceholderKind,
        SpecificDetailKind,
        DirectiveKind,
    )
}

__all__ = ["KINDS", "Kind"]
