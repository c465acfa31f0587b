"""readability (textstat, loaded lazily) and sentence-length."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from notelint.config import default_ruleset
from notelint.kinds.readability import prose_text, score, sentence_total, syllables, word_total
from notelint.linter import Linter
from notelint.pipeline import build_nlp
from tests.conftest import ROOT, SHARED, lint

PLAIN = textwrap.dedent(
    """\
    Dear Ms. Chen,

    Thank you for meeting with me on Tuesday. It was a pleasure to talk with you about the
    new billing system. I liked hearing how your team plans to move it to Stripe by June.
    I remain very interested in the role, and I hope to hear from you soon.

    Best regards,
    Tom
    """
)
DENSE = textwrap.dedent(
    """\
    Dear Ms. Chen,

    I wish to communicate my considerable appreciation for the extraordinarily informative
    organizational conversation regarding infrastructural modernization initiatives,
    particularly the comprehensive reconceptualization of institutional billing
    architecture. Consequently, I remain exceptionally enthusiastic regarding prospective
    organizational collaboration, interdepartmental standardization and
    institutional transformation. Additionally, organizational accountability
    considerations necessitate comprehensive documentation.

    Best regards,
    Tom
    """
)


def of(rule: str, text: str, **kwargs: object) -> list:
    return [v for v in lint(text, **kwargs) if v.rule == rule]


def test_dense_prose_is_reported_at_the_body() -> None:
    (v,) = of("readability", DENSE)
    assert v.severity == "info"
    assert v.line == 1  # the first line of the body, like the other note-level rules
    grade = int(v.message.split("grade ")[1].split()[0])
    assert grade > 14


def test_plain_prose_is_fine() -> None:
    assert not of("readability", PLAIN)


def test_short_notes_are_not_scored() -> None:
    assert not of(
        "readability", "Dear Ms. Chen,\n\nI appreciate the comprehensive reconceptualization."
    )


@pytest.mark.parametrize(
    "text",
    [
        PLAIN,
        DENSE,
        "The quick brown fox jumps over the lazy dog. Xylophonic zqwx blorptastic words!",
        "Hearing that the food bank now distributes 22 million pounds of food a year "
        "made the scale clear. I'd be glad to help.",
    ],
)
def test_fast_flesch_scores_equal_textstat(text: str) -> None:
    textstat = pytest.importorskip("textstat")
    assert score(text, "flesch-kincaid-grade") == pytest.approx(textstat.flesch_kincaid_grade(text))
    assert score(text, "flesch-reading-ease") == pytest.approx(textstat.flesch_reading_ease(text))


def test_syllables() -> None:
    assert syllables("interview") == 3
    assert syllables("thank") == 1
    assert syllables("blorptastic") >= 2  # not in the CMU dictionary: pyphen's guess


def test_greeting_closing_and_letterhead_are_not_prose() -> None:
    nlp = build_nlp(None)
    doc = nlp("14 March 2025\n\nDear Ms. Chen,\n\nThank you for the talk.\n\nBest regards,\nTom")
    text, words = prose_text(doc)
    assert text == "Thank you for the talk."
    assert words == 5


def test_thresholds_come_from_config(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cfg = tmp_path / ".notelint.yaml"
    cfg.write_text("rules:\n  readability: {max: 3}\n  sentence-length: {max: 10}\n")
    found = Linter(str(cfg)).lint_text(PLAIN, "note.txt")
    rules = [v.rule for v in found]
    assert "readability" in rules
    assert "sentence-length" in rules


def test_unknown_metric_is_a_config_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from notelint.config import ConfigError, load_config

    cfg = tmp_path / ".notelint.yaml"
    cfg.write_text("rules:\n  readability: {metric: vibes}\n")
    with pytest.raises(ConfigError) as info:
        load_config(cfg)
    assert "unknown metric 'vibes'" in str(info.value)


def test_reading_ease_metric(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cfg = tmp_path / ".notelint.yaml"
    cfg.write_text("rules:\n  readability: {metric: flesch-reading-ease, max: 1000, min: 30}\n")
    assert [v.rule for v in Linter(str(cfg)).lint_text(DENSE) if v.rule == "readability"]
    assert not [v.rule for v in Linter(str(cfg)).lint_text(PLAIN) if v.rule == "readability"]


def test_textstat_is_imported_only_for_a_metric_it_computes(tmp_path) -> None:  # type: ignore[no-untyped-def]
    cfg = tmp_path / ".notelint.yaml"
    cfg.write_text("rules:\n  readability: {metric: gunning-fog, max: 1}\n")
    code = textwrap.dedent(
        f"""
        import sys
        from notelint.linter import Linter
        from notelint.config import default_ruleset
        Linter(default_ruleset()).lint_text({PLAIN!r})
        before = "textstat" in sys.modules
        found = Linter({str(cfg)!r}).lint_text({PLAIN!r})
        print(before, "textstat" in sys.modules, [v.rule for v in found].count("readability"))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    assert out == ["False", "True", "1"]


TRICKY = [
    "",
    "   ",
    "... !!! ? -- \u2014",
    "Don't 'quote' me, they'll say; it's the rock'n'roll years' end. 'Tis true.",
    "A well-known, state-of-the-art plan \u2014 and an en\u2013dash. Fine.",
    "Caf\u00e9 na\u00efve \u6771\u4eac \u00bd 3.5 million, 22% of Q3's goals! Wow. Ok.",
    "Mr. Smith met Dr. Jones. Yes. It went well, I think, on the academy's whole.",
    "one two\nthree four five.\n\nSix seven eight nine ten? Eleven!",
    "' ' ' 's 'll 've 're 't 'd 'x DON'T WORRY: THE ACADEMY'S PLAN.",
    "_under_score_ and \u2018curly\u2019 apostrophes \u2019re here.",
]


def _dev_texts() -> list[str]:
    path = SHARED / "eval" / "dev.jsonl"
    if not path.exists():
        return []
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("text", TRICKY)
def test_word_and_sentence_counts_equal_textstat(text: str) -> None:
    textstat = pytest.importorskip("textstat")
    assert word_total(text) == textstat.lexicon_count(text)
    assert sentence_total(text) == textstat.sentence_count(text)


def test_flesch_scores_equal_textstat_on_whole_notes() -> None:
    textstat = pytest.importorskip("textstat")
    texts = [*_dev_texts(), *TRICKY, PLAIN, DENSE]
    for text in texts:
        assert word_total(text) == textstat.lexicon_count(text)
        assert sentence_total(text) == textstat.sentence_count(text)
        assert score(text, "flesch-kincaid-grade") == pytest.approx(
            textstat.flesch_kincaid_grade(text)
        ), text
        assert score(text, "flesch-reading-ease") == pytest.approx(
            textstat.flesch_reading_ease(text)
        ), text


# --------------------------------------------------------------------------- sentence-length
LONG = (
    "Thank you for meeting with me on Tuesday and for taking so much time to walk me "
    "through the plan to move billing to Stripe by June, the way the team splits on-call "
    "work between the two offices, the new hiring process and the budget for next year, "
    "which all made me even more interested in the role."
)


def test_long_sentence_points_at_the_sentence() -> None:
    text = "Dear Ms. Chen,\n\nIt was a pleasure. " + LONG + " I hope to hear from you."
    (v,) = of("sentence-length", text)
    assert v.severity == "info"
    assert (v.line, v.column) == (3, len("It was a pleasure. ") + 1)
    assert v.end_offset - v.offset == len(LONG)
    assert "over the 45-word limit" in v.message


def test_sentences_at_the_limit_are_fine() -> None:
    sentence = " ".join(["word"] * 45) + "."
    assert not of("sentence-length", sentence)
    assert of("sentence-length", "a " + sentence)


@pytest.mark.skipif(not (SHARED / "eval" / "dev.jsonl").exists(), reason="no dev corpus")
@pytest.mark.parametrize("rule", ["readability", "sentence-length"])
def test_clean_dev_notes_are_not_flagged(rule: str) -> None:
    """The defaults sit above what careful writers produce: no dev note is flagged."""
    linter = Linter(default_ruleset(), select=[rule])
    lines = (SHARED / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    notes = [json.loads(line) for line in lines if line.strip()]
    flagged = [n["id"] for n in notes if linter.lint_text(n["text"], "n.txt")]
    assert flagged == []
