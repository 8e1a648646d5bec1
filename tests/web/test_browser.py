"""The web pages in Debian's Chromium: axe-core's WCAG 2.1 A/AA rules, layout at phone and
desktop widths, brand fonts and colors, nothing loaded from elsewhere. One browser session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from .browser import axe_violations, chromium, open_page, requested_urls
from .conftest import EVERY_BLOCK, PAGES, SAMPLE_EN

# Screenshots go here when set (to look at them), else into the test's temporary folder.
SHOTS = os.environ.get("BRIEFBUILDER_SCREENSHOTS")

STATE = """return {
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  fonts: [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family).sort(),
  failedFonts: [...document.fonts].filter(f => f.status === 'error').length,
  brokenImages: [...document.images].filter(i => !i.complete || !i.naturalWidth).length,
  h1Color: getComputedStyle(document.querySelector('h1')).color,
  h1Font: getComputedStyle(document.querySelector('h1')).fontFamily,
  bodyFont: getComputedStyle(document.body).fontFamily,
  bandColor: getComputedStyle(document.querySelector('.band')).backgroundColor,
};"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


def test_axe_finds_no_wcag_2_1_a_or_aa_violation(site: Path, browser: Any) -> None:
    found = {}
    for page in PAGES:
        open_page(browser, site / page, 1280)
        violations = axe_violations(browser)
        if violations:
            found[page] = [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
    assert found == {}


def test_axe_does_report_a_page_that_breaks_the_rules(tmp_path: Path, browser: Any) -> None:
    page = tmp_path / "bad.html"
    page.write_text('<!DOCTYPE html><html><head><title>x</title></head><body>'
                    '<img src="missing.png"><a href="#"></a></body></html>', encoding="utf-8")
    open_page(browser, page, 1280)
    rules = {violation["id"] for violation in axe_violations(browser)}
    assert {"html-has-lang", "image-alt", "link-name"} <= rules


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_pages_fit_the_width_in_brand_fonts_and_colors_with_local_files_only(
        site: Path, browser: Any, width: int, tmp_path: Path) -> None:
    shots = Path(SHOTS) if SHOTS else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    for page in PAGES:
        requested_urls(browser)  # forget earlier pages' requests
        open_page(browser, site / page, width)
        state = browser.execute_script(STATE)
        urls = requested_urls(browser)
        assert state["innerWidth"] == width
        assert state["scrollWidth"] <= width, page  # no sideways scrolling
        assert state["failedFonts"] == 0 and state["brokenImages"] == 0
        assert {"Merriweather", "Public Sans"} <= set(state["fonts"])
        assert (site / page).as_uri() in urls and any(url.endswith(".woff2") for url in urls)
        assert all(url.startswith((site / page).parent.as_uri() + "/") for url in urls), urls
        assert state["h1Color"] == state["bandColor"] == "rgb(20, 48, 92)"  # ILAB navy
        assert state["h1Font"].startswith('Merriweather')
        assert state["bodyFont"].startswith('"Public Sans"')
        height = browser.execute_script("return document.documentElement.scrollHeight")
        browser.set_window_size(browser.get_window_size()["width"], min(height, 4000))
        name = page.replace("/", "_").replace("_index.html", "")
        assert browser.save_screenshot(str(shots / f"{name}-{width}.png"))


def test_contents_sit_beside_the_text_on_a_wide_screen_and_above_it_on_a_phone(
        site: Path, browser: Any) -> None:
    where = ("const nav = document.querySelector('nav.contents').getBoundingClientRect();"
             "const main = document.querySelector('main').getBoundingClientRect();"
             "return [nav.right <= main.left, nav.bottom <= main.top];")
    open_page(browser, site / EVERY_BLOCK, 1280)
    assert browser.execute_script(where) == [True, False]
    open_page(browser, site / EVERY_BLOCK, 375)
    assert browser.execute_script(where) == [False, True]


def test_the_skip_link_is_the_first_stop_and_shows_when_focused(site: Path,
                                                                browser: Any) -> None:
    open_page(browser, site / SAMPLE_EN, 375)
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.text == "Skip to main content"
    assert focused.rect["y"] >= 0
    focused.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.tag_name == "main"
