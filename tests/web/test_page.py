"""The real page in headless Chromium: a writer pastes a flawed note, reads the
highlights and the checklist, applies a fix, fills in the interviewer, copies the note
and downloads the findings, with the keyboard too and at 200% zoom."""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from notelint.config import default_ruleset
from notelint.web.draft import lint_draft
from notelint.web.server import NoteServer
from tests.conftest import ROOT
from tests.web.harness import browser_available, chromium, page_server

IN_CI = os.environ.get("CI", "").lower() in ("true", "1")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not browser_available() and not IN_CI,
        reason="needs Debian's chromium and chromium-driver (apt-get install chromium "
        "chromium-driver); CI installs them",
    ),
]

TODAY = dt.date(2026, 11, 25)

FLAWED = """Dear Dana,

Thank you so much for the interview!!! It was the best interview I have ever had, and \
I literally can't wait to start. I'm sorry if I rambled about my thesis.

Let me know ASAP when I can start.

Best,
Tom
"""

WITH_PLACEHOLDER = """Dear Dana,

Thank you for meeting with me on Tuesday. It was a pleasure to meet you and to hear \
about [Company] and its plan to move billing to Stripe by June.

Best regards,
Tom
"""


@pytest.fixture(scope="module")
def server() -> Iterator[NoteServer]:
    with page_server(today=TODAY) as running:
        yield running


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium(1280, 1000) as driver:
        yield driver


@pytest.fixture
def page(browser: Any, server: NoteServer) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.get(server.url)
    # The first check (of the empty draft) has answered: the page is wired up.
    WebDriverWait(browser, 30).until(lambda d: d.find_elements("css selector", "#checklist li"))
    return browser


def _wait(driver: Any, condition: Callable[[Any], Any], timeout: float = 30) -> Any:
    """Wait for the condition; the page redraws its lists after each lint, so an element
    found a moment ago may be gone: such a condition is tried again."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,))
    return wait.until(condition)


def _paste(driver: Any, text: str) -> None:
    """What a paste does: the text lands in the text area and an input event follows."""
    driver.execute_script(
        "const draft = document.getElementById('draft'); draft.focus();"
        "draft.value = arguments[0];"
        "draft.dispatchEvent(new InputEvent('input', {bubbles: true,"
        " inputType: 'insertFromPaste'}));",
        text,
    )


def _marks(driver: Any) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for mark in driver.find_elements("css selector", "#backdrop mark"):
        found.setdefault(mark.get_attribute("data-rule"), []).append(
            mark.get_attribute("textContent")
        )
    return found


def _state(driver: Any, key: str) -> str:
    return driver.find_element("id", f"check-{key}").get_attribute("data-state")


def _caret_to(driver: Any, text: str, words: str) -> None:
    """Put the cursor just before `words`, then press the right arrow key into them."""
    from selenium.webdriver.common.keys import Keys

    driver.execute_script(
        "const d = document.getElementById('draft'); d.focus();"
        "d.setSelectionRange(arguments[0], arguments[0]);",
        text.index(words),
    )
    driver.find_element("id", "draft").send_keys(Keys.ARROW_RIGHT)


def test_a_flawed_note_is_highlighted_and_checked(page: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    _paste(page, FLAWED)
    _wait(page, lambda d: "undermining" in _marks(d))
    marks = _marks(page)
    # Each finding on words is marked on exactly the words the linter flagged.
    expected = lint_draft(default_ruleset(), {"text": FLAWED}, TODAY)
    on_words: dict[str, list[str]] = {}
    for finding in expected["findings"]:
        if not finding["whole_note"]:
            on_words.setdefault(finding["rule"], []).append(finding["flagged"])
    assert marks == on_words
    assert marks["hyperbole"][0].startswith("the best interview I have ever")
    assert marks["overeager"] == ["Let me know ASAP"]
    assert "!!!" in marks["enthusiasm"]
    assert marks["undermining"] == ["sorry if I rambled"]
    # Findings about the whole note are in the checklist and the list, not on a line.
    assert not {"pleasure-to-meet", "learned-detail", "continued-interest"} & set(marks)

    # Colour is never the only signal: a warning is dashed, and says so in words.
    mark = page.find_element("css selector", "mark[data-rule='hyperbole']")
    assert mark.value_of_css_property("text-decoration-style") == "dashed"
    assert mark.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"
    item = page.find_element("css selector", "#findings li[data-rule='hyperbole']")
    assert item.find_element("css selector", ".severity").text == "Warning"

    # The checklist.
    assert _state(page, "thanks") == "met"
    assert _state(page, "greeting") == "met"
    for key in ("pleasure", "detail", "interest", "tone"):
        assert _state(page, key) == "missing"
    pleasure = page.find_element("id", "check-pleasure")
    assert "Missing: Say it was a pleasure to meet them" in pleasure.text
    link = pleasure.find_element("css selector", "a.check-link")
    target = link.get_attribute("href").split("#", 1)[1]
    assert page.find_element("id", target).get_attribute("data-rule") == "pleasure-to-meet"
    link.click()
    assert page.switch_to.active_element.get_attribute("id") == target

    assert page.find_element("id", "word-count").text == f"{expected['words']} words"
    assert len(page.find_elements("css selector", "#findings li")) == len(expected["findings"])

    # Hovering a highlight shows its message and the rule's why.
    ActionChains(page).move_to_element(mark).perform()
    popover = page.find_element("id", "popover")
    _wait(page, lambda d: popover.is_displayed() and "overstates" in popover.text)
    assert "Why: Write from a cool remove" in popover.text

    # So does moving the cursor into one with the keyboard.
    _caret_to(page, FLAWED, "sorry if I rambled")
    _wait(page, lambda d: "undercuts you" in popover.text)
    assert popover.is_displayed()


def test_a_fix_applied_from_the_keyboard_removes_its_highlight(page: Any) -> None:
    from selenium.webdriver.common.keys import Keys

    _paste(page, WITH_PLACEHOLDER)
    _wait(page, lambda d: "placeholder" in _marks(d))
    assert not page.find_elements("css selector", "#findings li[data-rule='placeholder'] .fix")
    page.find_element("id", "company").send_keys("Acme Robotics")
    placeholder_fix = "#findings li[data-rule='placeholder'] .fix"
    _wait(page, lambda d: d.find_elements("css selector", placeholder_fix))

    _caret_to(page, WITH_PLACEHOLDER, "[Company]")
    popover = page.find_element("id", "popover")
    _wait(page, lambda d: popover.is_displayed() and "template text" in popover.text)
    page.switch_to.active_element.send_keys(Keys.TAB)
    fix = page.switch_to.active_element
    assert fix.text == "Replace with \u201cAcme Robotics\u201d"
    fix.send_keys(Keys.ENTER)

    draft = page.find_element("id", "draft")
    assert "about Acme Robotics and its plan" in draft.get_attribute("value")
    _wait(page, lambda d: "placeholder" not in _marks(d))
    _wait(page, lambda d: d.find_element("id", "status").text.startswith("Checked"))
    assert not page.find_elements("css selector", "#findings li[data-rule='placeholder']")

    # The fix is an ordinary edit: undo takes it back, and the finding returns.
    draft.send_keys(Keys.CONTROL, "z")
    assert "[Company]" in draft.get_attribute("value")
    _wait(page, lambda d: "placeholder" in _marks(d))


def test_a_fix_button_in_the_list(page: Any) -> None:
    _paste(page, WITH_PLACEHOLDER)
    page.find_element("id", "company").send_keys("Acme Robotics")
    fixes = "#findings li[data-rule='placeholder'] .fix"
    button = _wait(page, lambda d: d.find_elements("css selector", fixes))[0]
    button.click()
    _wait(page, lambda d: "placeholder" not in _marks(d))
    assert "[Company]" not in page.find_element("id", "draft").get_attribute("value")


def test_a_fix_that_inserts_a_missing_part(page: Any) -> None:
    _paste(page, WITH_PLACEHOLDER)
    _wait(page, lambda d: _state(d, "interest") == "missing")

    def click_insert(driver: Any) -> bool:
        item = driver.find_element("css selector", "#findings li[data-rule='continued-interest']")
        fix = item.find_element("css selector", ".fix")
        assert fix.text.startswith("Insert")
        fix.click()
        return True

    _wait(page, click_insert)
    _wait(page, lambda d: _state(d, "interest") == "met")
    expected = lint_draft(default_ruleset(), {"text": WITH_PLACEHOLDER}, TODAY)
    finding = next(f for f in expected["findings"] if f["rule"] == "continued-interest")
    (edit,) = finding["fixes"][0]["edits"]
    assert edit["start"] == edit["end"]  # an insertion, away from the reported line
    inserted = WITH_PLACEHOLDER[: edit["start"]] + edit["content"] + WITH_PLACEHOLDER[edit["end"] :]
    assert page.find_element("id", "draft").get_attribute("value") == inserted


def test_the_interviewer_field_changes_the_salutation_check(page: Any) -> None:
    from selenium.webdriver.common.keys import Keys

    _paste(page, FLAWED)
    _wait(page, lambda d: "hyperbole" in _marks(d))
    assert _state(page, "greeting") == "met"
    assert "salutation" not in _marks(page)

    field = page.find_element("id", "interviewer")
    field.send_keys("Sam Lee")
    _wait(page, lambda d: _state(d, "greeting") == "missing")
    assert _marks(page)["salutation"] == ["Dana"]
    item = page.find_element("css selector", "#findings li[data-rule='salutation']")
    assert "not the interviewer (Sam Lee)" in item.text

    field.send_keys(Keys.CONTROL, "a")
    field.send_keys("Dana Chen")
    _wait(page, lambda d: _state(d, "greeting") == "met")
    assert "salutation" not in _marks(page)


def test_the_interview_date_is_checked_against_today(page: Any) -> None:
    _paste(page, FLAWED)
    _wait(page, lambda d: "hyperbole" in _marks(d))
    page.execute_script(
        "const f = document.getElementById('interview_date'); f.value = '2026-11-10';"
        "f.dispatchEvent(new Event('input', {bubbles: true}));"
    )
    timing = "#findings li[data-rule='timing']"
    item = _wait(page, lambda d: d.find_elements("css selector", timing))
    assert "15 days" in item[0].text


def test_copy_and_download(page: Any, tmp_path: Path) -> None:
    page.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(tmp_path)}
    )
    page.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
    )
    _paste(page, FLAWED)
    _wait(page, lambda d: "hyperbole" in _marks(d))

    page.find_element("id", "copy").click()
    _wait(page, lambda d: d.find_element("id", "status").text == "Copied the note.")
    copied = page.execute_async_script(
        "navigator.clipboard.readText().then(arguments[0], () => arguments[0](null));"
    )
    assert copied == FLAWED

    page.find_element("id", "download").click()
    saved = tmp_path / "notelint-findings.json"
    deadline = time.monotonic() + 30
    while not saved.is_file() and time.monotonic() < deadline:
        time.sleep(0.2)
    expected = lint_draft(default_ruleset(), {"text": FLAWED}, TODAY)["report"]
    assert json.loads(saved.read_text(encoding="utf-8")) == expected
    assert {"path", "rule", "severity", "message", "line", "column", "fix"} <= set(expected[0])


def test_labelled_keyboard_usable_and_readable_at_200_percent(page: Any) -> None:
    from selenium.webdriver.common.keys import Keys

    # Every field has a label with words in it.
    unlabelled = page.execute_script(
        "return [...document.querySelectorAll('input, textarea, select')]"
        ".filter(f => !f.labels.length || !f.labels[0].textContent.trim()).map(f => f.id);"
    )
    assert unlabelled == []

    # Tab reaches every control, in reading order.
    page.find_element("tag name", "body").click()
    reached: list[str] = []
    for _ in range(40):
        page.switch_to.active_element.send_keys(Keys.TAB)
        reached.append(page.switch_to.active_element.get_attribute("id") or "")
    wanted = ["interviewer", "company", "position", "interview_date", "draft", "copy", "download"]
    positions = [reached.index(name) for name in wanted]
    assert positions == sorted(positions)

    # 200% zoom: the page is laid out for half the width, in one column, with no
    # sideways scrolling and the advice below the draft.
    page.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 640, "height": 500, "deviceScaleFactor": 2, "mobile": False},
    )
    _paste(page, FLAWED)
    _wait(page, lambda d: "hyperbole" in _marks(d))
    overflow = page.execute_script(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;"
    )
    assert overflow <= 0
    draft = page.find_element("id", "draft").rect
    checklist = page.find_element("id", "checklist").rect
    assert checklist["y"] >= draft["y"] + draft["height"]
    # The highlight still sits on its words: the text area and the backdrop agree.
    mark = page.find_element("css selector", "mark[data-rule='overeager']").rect
    assert draft["x"] <= mark["x"] and mark["x"] + mark["width"] <= draft["x"] + draft["width"]


def test_the_page_fetches_nothing_from_elsewhere(page: Any, server: NoteServer) -> None:
    _paste(page, FLAWED)
    _wait(page, lambda d: "hyperbole" in _marks(d))
    resources = page.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name);"
    )
    assert resources and all(name.startswith(server.url) for name in resources), resources


def test_an_empty_draft_is_a_list_of_things_to_do_and_a_clean_one_is_all_met(
    page: Any,
) -> None:
    states = page.execute_script(
        "return [...document.querySelectorAll('#checklist li')].map(li => li.dataset.state);"
    )
    assert set(states) == {"todo"}
    assert not page.find_elements("css selector", "#findings li")
    assert page.find_element("id", "no-findings").text == "Nothing to report yet."

    clean = (ROOT / "examples" / "clean.md").read_text(encoding="utf-8")
    _paste(page, clean)
    _wait(page, lambda d: d.find_element("id", "status").text == "Checked: no findings.")
    states = page.execute_script(
        "return [...document.querySelectorAll('#checklist li')].map(li => li.dataset.state);"
    )
    assert states and set(states) == {"met"}
    assert not _marks(page)
    assert "follows the advice" in page.find_element("id", "no-findings").text
