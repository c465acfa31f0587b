"""Take the README's screenshot of `notelint serve` with a flawed note: headless Chromium
(Debian's chromium and chromium-driver) drives the real page.

    .venv/bin/python tools/screenshot.py [OUT.png]   (default: docs/notelint-serve.png)
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from tests.web.harness import chromium, page_server  # noqa: E402

NOTE = """Dear Dana,

Thank you so much for the interview!!! It was the best interview I have ever had, and \
I literally can't wait to start. I'm sorry if I rambled about my thesis.

I really enjoyed learning about [Company] and the team.

Let me know ASAP when I can start.

Best,
Tom
"""

CONTEXT = {
    "interviewer": "Dana Chen",
    "company": "Acme Robotics",
    "position": "Data Engineer",
    "interview_date": "2026-11-24",
}
TODAY = dt.date(2026, 11, 25)


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "notelint-serve.png"
    with page_server(today=TODAY) as server, chromium(1280, 1240) as driver:
        driver.get(server.url)
        for name, value in CONTEXT.items():
            driver.execute_script(
                "const f = document.getElementById(arguments[0]); f.value = arguments[1];"
                "f.dispatchEvent(new Event('input', {bubbles: true}));",
                name,
                value,
            )
        driver.find_element(By.ID, "draft").send_keys(NOTE)
        wait = WebDriverWait(driver, 20)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "mark[data-rule='hyperbole']"))
        wait.until(lambda d: "Checked" in d.find_element(By.ID, "status").text)
        driver.execute_script("window.scrollTo(0, 0)")
        mark = driver.find_element(By.CSS_SELECTOR, "mark[data-rule='placeholder']")
        ActionChains(driver).move_to_element(mark).perform()
        wait.until(lambda d: d.find_element(By.ID, "popover").is_displayed())
        out.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(out))
    print(f"wrote {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")


if __name__ == "__main__":
    main()
