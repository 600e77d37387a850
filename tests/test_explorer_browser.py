"""`zhenggai serve` and `zhenggai report` in a real headless Chromium (Selenium).

A dataset is built from the sample corpus (corpus/samples + corpus/gold); the server runs on a
free loopback port and is stopped by the fixture's finalizer.  Every test ends by checking, in
Chrome's performance log, that no request went anywhere but this server (or the report's file).
"""

from __future__ import annotations

import subprocess
import sys
import urllib.parse

import pytest

from tests.explorer_browser import (
    Server,
    build_sample_dataset,
    new_profile,
    require_browser,
    requested_urls,
    save_screenshot,
    start_chromium,
)

pytestmark = pytest.mark.browser

SAMPLE_TITLE = "中共青澜市财政局党组关于市委第二轮巡察整改进展情况的通报"


@pytest.fixture(scope="module")
def dataset(tmp_path_factory):
    require_browser()
    return build_sample_dataset(tmp_path_factory.mktemp("explorer") / "dataset")


@pytest.fixture(scope="module")
def server(dataset, tmp_path_factory, request):
    srv = Server(dataset, tmp_path_factory.mktemp("serve"))
    request.addfinalizer(srv.stop)
    return srv


@pytest.fixture(scope="module")
def browser(request):
    require_browser()
    import shutil

    profile = new_profile()
    driver = start_chromium(profile)

    def close():
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)

    request.addfinalizer(close)
    return driver


@pytest.fixture
def page(browser, server):
    """The browser with the request log drained; after the test, every request must be local."""
    requested_urls(browser)
    yield browser
    urls = requested_urls(browser)
    assert urls, "the performance log recorded no request"
    # The browser's own chrome:// pages, data: and blob: URLs stay inside it; anything else must be this server.
    outside = [u for u in urls if not u.startswith((server.base + "/", "data:", "blob:", "chrome:", "about:"))]
    assert not outside, f"requests left 127.0.0.1: {outside[:5]}"


def _query(dataset, sql):
    from zhenggai.corpus.query import run_query

    return run_query(dataset, sql)


def _wait(driver, condition, timeout=30):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout).until(condition)


def _table_titles(driver) -> list[str]:
    from selenium.webdriver.common.by import By

    return [td.text.replace("全文 ›", "").strip() for td in driver.find_elements(By.CSS_SELECTOR, "td.col-title")]


def test_search_box_finds_a_chinese_word(page, server, dataset, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    page.get(server.base + "/zhenggai/notices")
    box = page.find_element(By.CSS_SELECTOR, "input[name=_search]")
    box.send_keys("违规发放", Keys.ENTER)
    _wait(page, lambda d: "_search=" in d.current_url)
    page.get(page.current_url + "&_size=max")  # every match on one page (the table shows 30 rows at first)
    titles = _table_titles(page)
    # Every notice whose text holds the phrase is found (the index cuts 违规发放津补贴 into words too).
    expected = _query(dataset, "SELECT title FROM notices WHERE text LIKE '%违规发放%' AND title IS NOT NULL"
                      )["title"].tolist()
    assert expected and set(expected) <= set(titles)
    assert SAMPLE_TITLE in titles  # 责令退缴违规发放的津补贴
    # And only notices holding both words.
    both = set(_query(dataset, "SELECT title FROM notices WHERE text LIKE '%违规%' AND text LIKE '%发放%'")["title"])
    assert set(titles) - {""} <= both  # a notice without a title shows an empty cell
    assert 'search matches "违规发放"' in page.page_source
    save_screenshot(page, tmp_path, "search.png")


def test_facet_narrows_the_table(page, server, dataset):
    from selenium.webdriver.common.by import By

    page.get(server.base + "/zhenggai/notices")
    facet = page.find_element(By.CSS_SELECTOR, '.facet-info[data-column="sector"]')
    link = next(a for a in facet.find_elements(By.TAG_NAME, "a") if a.text.strip() == "财政")
    link.click()
    _wait(page, lambda d: "sector=" in d.current_url)
    assert urllib.parse.unquote(page.current_url).endswith("sector=财政")
    expected = sorted(_query(dataset, "SELECT title FROM notices WHERE sector = '财政'")["title"])
    assert sorted(_table_titles(page)) == expected
    assert f"{len(expected)} row" in page.find_element(By.CSS_SELECTOR, "h3").text


def test_notice_page_shows_a_highlighted_amount_with_its_value(page, server, dataset, tmp_path):
    from selenium.webdriver.common.by import By

    notice_id = _query(dataset, "SELECT notice_id FROM notices WHERE input LIKE '%qinglan-finance-2024%'").iat[0, 0]
    page.get(server.base + "/zhenggai/notices?_search=" + urllib.parse.quote("巡察整改进展"))
    link = next(a for a in page.find_elements(By.CSS_SELECTOR, "a.zg-notice")
                if a.get_attribute("href").endswith("/-/notice/" + notice_id))
    link.click()
    _wait(page, lambda d: "/-/notice/" in d.current_url)
    marks = page.find_elements(By.CSS_SELECTOR, ".text mark.k-money[data-value]")
    amounts = {m.text: m.get_attribute("data-value") for m in marks}
    assert amounts["8,650万元"] == "86,500,000元"
    # The values column lists it too, linked to the mark.
    values = {r.find_element(By.TAG_NAME, "mark").text: r.find_element(By.CSS_SELECTOR, "td.value").text
              for r in page.find_elements(By.CSS_SELECTOR, "table.values tr")}
    assert values["8,650万元"] == "86,500,000元"
    facts = {r.find_element(By.TAG_NAME, "th").text: r.find_element(By.TAG_NAME, "td").text
             for r in page.find_elements(By.CSS_SELECTOR, "table.facts tr")}
    assert facts["检查组"] and facts["反馈时间"] == "2023-07-05"
    assert "落款日期" in facts
    page.execute_script("arguments[0].scrollIntoView({block: 'center'})", marks[0])
    save_screenshot(page, tmp_path, "notice.png")


# Bars drawn in a chart: SVG rects (datasette-dashboards renders Vega as SVG), else canvas pixels.
_MARKS = """
const el = document.querySelector('#chart-' + arguments[0]);
const rects = el.querySelectorAll('svg .mark-rect path');
if (rects.length) return Array.from(rects).filter(r => r.getBBox().width > 0 && r.getBBox().height > 0).length;
const canvas = el.querySelector('canvas');
return canvas ? -1 : 0;
"""


@pytest.fixture(scope="module")
def chart_rows(dataset, tmp_path_factory):
    """Each chart's rows, from the same SQL over a SQLite file built like the server's."""
    import sqlite3

    from zhenggai.corpus.charts import CHARTS, chart_rows
    from zhenggai.corpus.explorer_db import build_sqlite

    path, _ = build_sqlite(dataset, tmp_path_factory.mktemp("charts") / "explorer.db")
    con = sqlite3.connect(path)
    try:
        return {c.slug: chart_rows(con, c) for c in CHARTS}
    finally:
        con.close()


def test_dashboard_draws_every_chart(page, server, chart_rows, tmp_path):
    from selenium.webdriver.common.by import By

    page.get(server.base + "/-/dashboards/overview")
    for slug, rows in chart_rows.items():
        assert rows, slug
        # One bar per row of the chart's query.
        _wait(page, lambda d: d.execute_script(_MARKS, slug) == len(rows))
    for key in ("province", "sector", "level", "year"):
        assert page.find_elements(By.CSS_SELECTOR, f"select#{key} option")
    page.set_window_size(1400, 2050)  # the whole dashboard in one picture
    try:
        for slug, rows in chart_rows.items():
            _wait(page, lambda d: d.execute_script(_MARKS, slug) == len(rows))
        save_screenshot(page, tmp_path, "serve.png")
    finally:
        page.set_window_size(1400, 1000)


def test_dashboard_filter_redraws(page, server, dataset):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    page.get(server.base + "/-/dashboards/overview")
    Select(page.find_element(By.CSS_SELECTOR, "select#sector")).select_by_value("财政")
    page.find_element(By.CSS_SELECTOR, ".dashboard-filters input[type=submit]").click()
    _wait(page, lambda d: "sector=" in d.current_url)
    years = _query(dataset, "SELECT count(DISTINCT year) FROM canonical_notices WHERE sector = '财政'").iat[0, 0]
    _wait(page, lambda d: d.execute_script(_MARKS, "notices-per-year") == years)
    assert page.execute_script("return document.querySelector('select#sector').value") == "财政"


def test_report_renders_offline(browser, dataset, tmp_path):
    out = tmp_path / "report.html"
    result = subprocess.run([sys.executable, "-m", "zhenggai", "report", str(dataset), "-o", str(out), "--by", "sector"],
                            capture_output=True, text=True, env={**__import__("os").environ,
                                                                 "ZHENGGAI_CACHE": str(tmp_path / "cache")})
    assert result.returncode == 0, result.stderr
    requested_urls(browser)
    browser.get(out.as_uri())
    figures = browser.find_elements("css selector", "figure.chart svg")
    assert len(figures) == 6
    for svg in figures:
        assert svg.find_elements("css selector", ".mark-rect path")
    urls = requested_urls(browser)
    assert urls and all(u.startswith("file://") for u in urls), urls
    assert "Data date" in browser.page_source and "Nulls are not zeros" in browser.page_source
    browser.set_window_size(1400, 2400)  # the header, the tables and the first charts in one picture
    try:
        save_screenshot(browser, tmp_path, "report.png")
    finally:
        browser.set_window_size(1400, 1000)
