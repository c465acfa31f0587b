"""Serving the page in a test (a thread, a free loopback port), and headless Chromium:
Debian's chromium and its chromedriver, driven by Selenium with the driver's path given,
so Selenium Manager never runs (it would try to download a driver)."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from notelint.config import RuleSet, default_ruleset
from notelint.web.server import NoteServer

if TYPE_CHECKING:
    import datetime as dt

    from selenium.webdriver.remote.webdriver import WebDriver

CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_NAMES = ("chromium", "chromium-browser")


def chromium_path() -> str | None:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def browser_available() -> bool:
    return chromium_path() is not None and CHROMEDRIVER.is_file()


@contextmanager
def page_server(
    ruleset: RuleSet | None = None, today: dt.date | None = None
) -> Iterator[NoteServer]:
    """The page's server on a free loopback port, in a thread."""
    server = NoteServer("127.0.0.1", 0, ruleset or default_ruleset(), today=today)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@contextmanager
def chromium(width: int = 1280, height: int = 900) -> Iterator[WebDriver]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # belt and braces: no Selenium Manager
    options = webdriver.ChromeOptions()
    browser = chromium_path()
    if browser:
        options.binary_location = browser
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-dev-shm-usage",
        "--disable-gpu",
        f"--window-size={width},{height}",
        "--force-device-scale-factor=1",
        "--lang=en-US",
        # Nothing of its own over the network either: no updates, sync or first-run pages.
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
