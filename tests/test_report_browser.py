"""A comparison's report.html in a real headless browser (Debian's ``chromium``): at a
phone's or a projector's narrow width the page itself never scrolls sideways (a wide table
scrolls in its own box), and at a desktop's width nothing does.

Needs ``chromium``, ``chromium-driver`` and the ``selenium`` package: elsewhere the test is
skipped with a message; with ``CI=true`` it fails instead (CI must run it).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
SMALL = Path(__file__).parent / "scenarios" / "small.toml"
LONG = "merged_inspection.transition_days-5.transition_loss-0.3.at.18d_with_review_capacity_4"


def _missing() -> str | None:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(path):
            return f"{path} is missing (apt install chromium chromium-driver)"
    try:
        __import__("selenium")
    except ImportError:
        return "the Python package selenium is missing (pip install -e '.[dev]')"
    return None


@pytest.fixture(scope="module")
def browser():
    missing = _missing()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI must run the report's browser test, but {missing}")
        pytest.skip(f"no headless browser for the report's test: {missing}")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="bordersim-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", f"--user-data-dir={profile}"):  # fmt: skip
        opts.add_argument(flag)
    driver = webdriver.Chrome(options=opts, service=Service(CHROMEDRIVER))
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    from sim.cli import main

    out = tmp_path_factory.mktemp("cmp") / "c"
    argv = ["compare", str(SMALL), "--option",  # (a long name, as a dated reform's options get)
            f"{LONG}:ports.sea.review.capacity=4", "--reps", "2", "--days", "1",
            "--out", str(out)]  # fmt: skip
    assert main(argv) == 0
    return out / "report.html"


@pytest.mark.parametrize("width", [400, 1280])
def test_the_page_never_scrolls_sideways(browser, report, width):
    browser.set_window_size(width, 900)
    browser.get(report.as_uri())
    inner = browser.execute_script("return document.documentElement.clientWidth")
    page = browser.execute_script("return document.documentElement.scrollWidth")
    assert page <= inner + 1, (width, page, inner)
    tables = browser.execute_script("return document.querySelectorAll('table').length")
    assert tables >= 3  # (the page really holds its tables)


def test_every_chart_is_described_for_a_reader_who_cannot_see_it(report):
    """Each image's alt text says what it shows (a sentence, not a bare label such as "who
    gains"), and the page needs nothing from the network."""
    import re

    page = report.read_text()
    alts = re.findall(r'<img [^>]*alt="([^"]*)"', page)
    assert len(alts) >= 5
    for alt in alts:
        assert len(alt.split()) >= 8, alt
    assert "http://" not in page and "https://" not in page


def test_each_results_row_names_its_metric_to_a_screen_reader(report):
    """The main table's rows each start with a row header holding the metric's name (shown
    once a metric, the option rows' hidden from sight, not from a screen reader); every
    column has a header."""
    import re

    page = report.read_text()
    table = page[page.index("<table class='results'>"):]
    table = table[: table.index("</table>")]
    rows = re.findall(r'<tr data-metric="([^"]+)" data-option="[^"]+"><th scope=\'row\'>(.*?)</th>',
                      table)
    assert len(rows) >= 10
    for metric, header in rows:
        assert metric in header, (metric, header)
    assert "<th></th>" not in table and "sig.</abbr></th>" in table


def test_the_significance_mark_follows_the_option_before_the_numbers(report):
    """The results table's columns: metric, option, sig., then the mean, its interval, n, the
    difference and its interval (the mark is not pushed off a 1280-px page by long names)."""
    import re

    page = report.read_text()
    table = page[page.index("<table class='results'>"):]
    head = re.findall(r"<th>(.*?)</th>", table[: table.index("</tr>")])
    assert [re.sub("<[^>]+>", "", h) for h in head] == [
        "metric (unit)", "option", "sig.", "mean", "95 % CI", "n", "difference vs baseline",
        "95 % CI (paired)"]  # fmt: skip
    row = re.search(rf'data-option="{LONG}">(.*?)</tr>', table)
    assert row is not None
    cells = re.findall(r"<td( class='[^']*')?", row.group(1))
    assert cells[:3] == [" class='opt'", " class='sig'", " class='mean'"], cells


def test_the_significance_mark_is_seen_at_a_desktops_width_without_scrolling(browser, report):
    browser.set_window_size(1280, 900)
    browser.get(report.as_uri())
    hidden = browser.execute_script(
        "const t = document.querySelector('table.results');"
        "const right = t.getBoundingClientRect().left + t.clientWidth;"
        "return [...t.querySelectorAll('td.sig')].filter("
        "c => c.getBoundingClientRect().right > right + 1).length;")
    assert hidden == 0
