"""The HTML report in a real browser: Debian's Chromium, headless, driven through Selenium.

It opens the report from file://, checks that the changes are highlighted and that a malicious
article runs no script, ticks decisions, exports them with the page's own button, applies the
downloaded file with ``cleanup apply``, and keeps a screenshot. Skipped, with the reason, only
where no Chromium or no driver for it is installed (``.ci/run`` installs both).
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleanup import clean
from cleanup.io import sha256_hex
from cleanup.render.html import HtmlReport
from cleanup.review.commands import apply_command
from tests.conftest import DEFAULT_SETTINGS, SEED
from tests.test_html_report import MALICIOUS
from tests.test_review_hunks import SEED_FIXES, by_hand

QUOTATION = "He said «in the market , said» today.\n"

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
if CHROMIUM is None or CHROMEDRIVER is None:
    pytest.skip(
        "no Chromium or no chromedriver on PATH (apt-get install chromium chromium-driver)",
        allow_module_level=True,
    )
webdriver = pytest.importorskip(
    "selenium.webdriver", reason="selenium is not installed (pip install '.[test]')"
)
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1000",
]


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    folder = tmp_path / "downloads"
    folder.mkdir()
    return folder


@pytest.fixture
def browser(tmp_path: Path, downloads: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    # Selenium must use the driver given, never look for or fetch one.
    monkeypatch.setenv("SE_OFFLINE", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in [*FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]:
        options.add_argument(flag)
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    )
    driver = webdriver.Chrome(service=webdriver.ChromeService(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def report(tmp_path: Path) -> tuple[Path, Path]:
    """A report on a copy of the seed and on a malicious article; the report folder and the copy."""
    seed = tmp_path / "seed.txt"
    seed.write_bytes(SEED.read_bytes())
    folder = tmp_path / "report"
    quotation = tmp_path / "quotation.txt"
    quotation.write_text(QUOTATION, encoding="utf-8")
    with HtmlReport(folder, DEFAULT_SETTINGS) as html:
        html.add(str(seed), sha256_hex(seed.read_bytes()), clean(seed.read_text(encoding="utf-8")))
        html.add("</script><script>window.pwned=3</script>", "0" * 64, clean(MALICIOUS, select=["ALL"]))
        html.add(str(quotation), sha256_hex(quotation.read_bytes()), clean(QUOTATION))
    return folder, seed


def downloaded(folder: Path, name: str) -> dict:
    """The JSON file the browser saved, once it is complete."""
    deadline = time.monotonic() + 20
    target = folder / name
    while time.monotonic() < deadline:
        if target.is_file() and not list(folder.glob("*.crdownload")):
            return json.loads(target.read_text(encoding="utf-8"))
        time.sleep(0.1)
    raise AssertionError(f"{name} was not downloaded; the folder holds {sorted(folder.iterdir())}")


def no_alert(driver) -> bool:
    try:
        driver.switch_to.alert.dismiss()
    except NoAlertPresentException:
        return True
    return False


def test_review_in_the_browser_then_apply(browser, report, downloads: Path, tmp_path: Path) -> None:
    folder, seed = report
    browser.get((folder / "index.html").as_uri())
    assert browser.title == "Articles, page 1 of 1 · cleanup review"
    rows = browser.find_elements(By.CSS_SELECTOR, "table.articles td.path a")
    assert [row.text for row in rows][:2] == [str(seed), "</script><script>window.pwned=3</script>"]

    rows[1].click()
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    assert no_alert(browser)
    shown = browser.find_element(By.ID, "text").text
    assert "<script>window.pwned = 1; alert(1)</script>" in shown and "</textarea><img src=x" in shown
    assert "'single' \"double\" Tom &amp; Jerry &lt;b&gt;" in shown
    assert browser.find_element(By.TAG_NAME, "h1").text == "</script><script>window.pwned=3</script>"
    assert browser.execute_script("return typeof window.cleanupDecisions") == "function", "our script runs"

    browser.get((folder / "articles" / "000001.html").as_uri())
    changes = browser.find_elements(By.CSS_SELECTOR, "#text label.hunk")
    assert [change.get_attribute("id") for change in changes] == ["t1", "t2", "t3"]
    deleted = changes[0].find_element(By.TAG_NAME, "del")
    assert deleted.text == "l’" and deleted.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"
    assert changes[2].find_element(By.TAG_NAME, "ins").text == "at"
    assert "stray-elided-article" in changes[0].get_attribute("title")

    changes[0].click()  # a change in the text ticks its box
    browser.find_element(By.ID, "h3").click()
    assert [box.is_selected() for box in browser.find_elements(By.CSS_SELECTOR, "input.decide")] == [
        True,
        False,
        True,
    ]
    assert "accepted" in changes[0].get_attribute("class").split()
    assert "accepted" not in changes[1].get_attribute("class").split()
    browser.save_screenshot(str(tmp_path / "article.png"))
    assert (tmp_path / "article.png").stat().st_size > 10_000

    browser.find_element(By.ID, "export").click()
    exported = downloaded(downloads, "decisions-000001.json")
    assert exported == json.loads(browser.execute_script("return window.cleanupDecisions()"))
    assert [h["accepted"] for h in exported["files"][0]["hunks"]] == [True, False, True]

    # The browser writes local storage in the background: under load a page opened at once may not
    # see yet what the last one stored, and a page navigated away from may not have handed it over.
    # The index is opened in a tab of its own, the article's left open (as a reader keeps it), and
    # opened again until it sees the decisions (as a reader reloading it would).
    browser.switch_to.new_window("tab")
    deadline = time.monotonic() + 20
    while True:
        browser.get((folder / "index.html").as_uri())
        seen = browser.execute_script("return JSON.parse(window.cleanupDecisions()).files.length")
        if seen or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    browser.find_element(By.ID, "export").click()
    collected = downloaded(downloads, "decisions.json")
    assert collected["files"] == exported["files"], "the index collects the decisions made on the pages"

    decisions = downloads / "decisions.json"
    done = CliRunner().invoke(apply_command, ["--root", str(tmp_path), str(decisions)])
    assert done.exit_code == 0, done.stderr
    original = SEED.read_text(encoding="utf-8")
    assert seed.read_text(encoding="utf-8") == by_hand(original, [SEED_FIXES[0], SEED_FIXES[2]])


def test_a_quotation_is_ticked_whole(browser, report) -> None:
    folder, _ = report
    browser.get((folder / "articles" / "000003.html").as_uri())
    marks = browser.find_elements(By.CSS_SELECTOR, '#text label.hunk[data-hunk="1"]')
    assert [mark.get_attribute("id") for mark in marks] == ["t1", "t1-2"]
    assert [mark.find_element(By.TAG_NAME, "ins").text for mark in marks] == ["“", "”"]
    marks[1].click()  # the closing mark ticks the quotation's one box
    assert browser.find_element(By.ID, "h1").is_selected()
    assert all("accepted" in mark.get_attribute("class").split() for mark in marks)
    assert "accepted" not in browser.find_element(By.ID, "t2").get_attribute("class").split()
    record = json.loads(browser.execute_script("return window.cleanupDecisions()"))["files"][0]
    assert [[p["new"] for p in h["parts"]] for h in record["hunks"]] == [["“", "”"], [""]]
    assert [h["accepted"] for h in record["hunks"]] == [True, False]
