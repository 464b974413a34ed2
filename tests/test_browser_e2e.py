"""End to end in a real browser: Debian's headless Chromium (/usr/bin/chromium) driven by the `playwright` Python
package (its own browser downloads are never used). The app runs on a free loopback port in a thread; the page
picks the bundled seeds, runs the comparison through the public API and shows the matrix, the highlighted
wording and the framing. Screenshots go to tests/artifacts/.

Nothing here is skipped: without Chromium or playwright these tests fail and say what to install."""
from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from service import create_app, web

from .conftest import seed_path

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"  # tools/ensure-browser
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 90_000  # a comparison on a slow CI machine


@pytest.fixture(scope="module")
def base_url(redis_server):
    app = create_app({"redis_url": redis_server.url})
    if "web" not in app.blueprints:  # until service/app.py registers it
        app.register_blueprint(web.bp)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="web-e2e", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the browser test needs the `playwright` Python package: pip install playwright "
                    "(do not run `playwright install`; the browser is Debian's chromium)", pytrace=False)
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        found = shutil.which("chromium")
        pytest.fail(f"the browser test needs Chromium at {CHROMIUM}: `make test` installs it (tools/ensure-browser) "
                    "or says how" + (f"; or set CHROMIUM_PATH={found}" if found else ""), pytrace=False)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield chromium
        chromium.close()


class Watch:
    """Collects what must not happen on a page: requests to other hosts, script errors, console errors."""

    def __init__(self, page, base_url: str):
        self.outside, self.errors = [], []
        page.on("request", self._request)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("console", lambda message: self.errors.append(f"console: {message.text}")
                if message.type == "error" else None)
        self.base_url = base_url

    def _request(self, request) -> None:
        if not request.url.startswith((self.base_url + "/", "data:", "blob:")):
            self.outside.append(request.url)

    def check(self) -> None:
        assert not self.outside, f"requests to other hosts: {self.outside}"
        assert not self.errors, self.errors


def open_page(browser, base_url: str, path: str = "/", **context):
    page = browser.new_page(**context)
    page.set_default_timeout(TIMEOUT_MS)
    watch = Watch(page, base_url)
    page.goto(base_url + path)
    return page, watch


def compare(page) -> None:
    """Click Compare and wait for the results, failing at once with the page's error message if one shows."""
    page.click("#compare")
    page.wait_for_selector("#results:not([hidden]) #matrix tbody tr, #error:not([hidden])")
    error = page.locator("#error")
    assert error.is_hidden(), f"the page shows an error: {error.inner_text()}"
    page.wait_for_selector("#results:not([hidden]) #matrix tbody tr")


def test_compare_bundled_seeds(browser, base_url):
    page, watch = open_page(browser, base_url, viewport={"width": 1280, "height": 900})
    page.check('#seed-list input[data-seed="000"]')
    page.check('#seed-list input[data-seed="001"]')
    compare(page)

    # (1) the coverage matrix: one row per fact, one column per outlet, the counts per outlet
    columns = page.locator("#matrix thead tr").first.locator("th.o").all_inner_texts()
    assert sorted(columns) == ["dw", "nyt"]
    rows = page.locator("#matrix tbody tr")
    total = rows.count()
    assert total > 20
    assert page.locator("#matrix tbody tr.shared").count() >= 5
    assert page.locator("#matrix tbody td.cell.on").count() >= total
    weights_sorted = page.evaluate("""() => Array.from(document.querySelectorAll('#matrix tbody tr'))
        .map(row => row.querySelectorAll('td.cell.on').length)""")
    assert weights_sorted == sorted(weights_sorted, reverse=True)
    count_rows = page.locator("#matrix thead tr.count-row").all_inner_texts()
    assert [text.split("\t")[0].strip() for text in count_rows] == [
        "Facts reported", "Shared with others", "Only this outlet", "Left out"]
    page.check("#shared-only")
    assert page.locator("#matrix tbody tr:visible").count() == page.locator("#matrix tbody tr.shared").count()
    assert "Showing" in page.inner_text("#matrix-count")
    page.uncheck("#shared-only")
    assert page.locator("#matrix tbody tr:visible").count() == total

    # (2) wording side by side: 攻击 (NYT, the reference) against 侵犯 (DW), highlighted
    attack = page.locator("#wording mark.a", has_text="攻击").first
    invasion = page.locator("#wording mark.b", has_text="侵犯").first
    attack.wait_for()
    assert attack.inner_text() == "攻击" and invasion.inner_text() == "侵犯"
    fact = page.locator("#wording article.fact", has=page.locator("mark.a", has_text="攻击")).first
    assert fact.locator(".mention.reference .outlet").inner_text() == "nyt"
    assert "攻击 → 侵犯" in fact.locator(".diff.wording").inner_text()
    assert "russia war" in fact.locator(".diff.term").inner_text()

    # (3) framing per outlet
    for outlet in ("dw", "nyt"):
        card = page.locator(f'#framing .card[data-outlet="{outlet}"]')
        assert "布林肯" in card.locator(".sources").inner_text()
        assert card.locator(".bar span").count() >= 2
    assert "xi title" in page.inner_text("#term-differences")
    assert "似乎" in page.inner_text('#framing .card[data-outlet="nyt"]')  # a hedge

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web.png"), full_page=True)
    watch.check()

    # the comparison has a link: reloading it fetches GET /v1/comparisons/{id}
    comparison_url = page.url
    assert "#comparison=" in comparison_url
    again, watch_again = open_page(browser, base_url, comparison_url[len(base_url):])
    again.wait_for_selector("#results:not([hidden]) #wording mark.b")
    assert again.locator("#matrix tbody tr").count() == total
    watch_again.check()


def test_pasted_text_stays_text_and_errors_show_their_detail(browser, base_url):
    page, watch = open_page(browser, base_url, viewport={"width": 1000, "height": 800})
    first = ('美国国务卿布林肯周五在北京会见习近平。他说<img src=x onerror="window.pwned=1">俄罗斯对乌克兰的攻击'
             '离不开中国的支持。双方同意继续保持沟通。')
    second = ('布林肯周五在北京与习近平会晤。他表示<script>window.pwned=2</script>俄罗斯对乌克兰的侵犯离不开中国的支持。'
              '双方同意继续保持沟通。')
    areas = page.locator("#paste-list textarea")
    areas.nth(0).fill(first)
    areas.nth(1).fill(first)  # the same document twice is one article: the API answers 422 problem+json
    page.click("#compare")
    page.wait_for_selector("#error:not([hidden])")
    assert "distinct articles" in page.inner_text("#error")  # the problem's `detail`
    # Chromium logs every 4xx answer to the console; that one was wanted
    assert len(watch.errors) == 1 and "status of 422" in watch.errors[0], watch.errors
    watch.errors.clear()

    areas.nth(1).fill(second)
    compare(page)
    wording = page.inner_text("#wording")
    assert '<img src=x onerror="window.pwned=1">' in wording and "<script>window.pwned=2</script>" in wording
    assert page.locator("#results img, #results script").count() == 0
    assert page.evaluate("() => window.pwned") is None
    watch.check()


def test_upload_and_pasted_article_with_its_outlet(browser, base_url):
    """A file upload, a bundled sample and a pasted article that names its outlet: the page stores them through
    POST /v1/articles, then compares them by id."""
    page, watch = open_page(browser, base_url, viewport={"width": 1280, "height": 900})
    posted = []
    page.on("request", lambda request: posted.append(request.url[len(base_url):])
            if request.method == "POST" else None)
    page.set_input_files("#files", str(seed_path("002")))
    assert page.inner_text("#file-list").startswith("002_")
    page.check('#seed-list input[data-seed="000"]')
    paste = page.locator("#paste-list .paste").first
    paste.locator("textarea").fill(seed_path("001").read_text(encoding="utf-8"))
    paste.locator("input.outlet").fill("dw")
    compare(page)
    assert sorted(page.locator("#matrix thead tr").first.locator("th.o").all_inner_texts()) == ["dw", "nyt", "voa"]
    assert sorted(posted) == ["/v1/articles", "/v1/articles", "/v1/comparisons"]
    watch.check()


def test_phone_layout(browser, base_url):
    page, watch = open_page(browser, base_url, viewport={"width": 390, "height": 844}, device_scale_factor=2,
                            is_mobile=True, has_touch=True)
    for seed in ("000", "001", "002", "003", "004"):
        page.check(f'#seed-list input[data-seed="{seed}"]')
    compare(page)
    assert page.locator("#matrix thead tr").first.locator("th.o").count() == 5
    sizes = page.evaluate("""() => ({page: document.documentElement.scrollWidth, viewport: window.innerWidth,
        matrix: document.querySelector('.matrix-scroll').scrollWidth,
        box: document.querySelector('.matrix-scroll').clientWidth})""")
    assert sizes["page"] <= sizes["viewport"], sizes  # the page itself never scrolls sideways
    assert sizes["matrix"] > sizes["box"], sizes  # the matrix does
    scrolled = page.evaluate("() => { const box = document.querySelector('.matrix-scroll'); box.scrollLeft = 400;"
                             " return box.scrollLeft; }")
    assert scrolled > 0
    page.evaluate("() => document.getElementById('matrix-title').scrollIntoView()")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-phone.png"))
    watch.check()


def test_api_docs_render_offline(browser, base_url):
    page, watch = open_page(browser, base_url, "/docs", viewport={"width": 1280, "height": 900})
    page.wait_for_selector(".swagger-ui .opblock")
    text = page.inner_text("#swagger-ui")
    assert "/v1/comparisons" in text and "/v1/articles" in text
    assert "Unable to render" not in text
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "docs.png"))
    watch.check()


def test_a_reviewer_unlinks_a_mention_and_the_fact_stays_changed_after_reload(browser, base_url):
    page, watch = open_page(browser, base_url, viewport={"width": 1280, "height": 900})
    page.check('#seed-list input[data-seed="000"]')
    page.check('#seed-list input[data-seed="001"]')
    compare(page)
    fact = page.locator("#wording article.fact", has=page.locator("mark.a", has_text="攻击")).first
    body = fact.locator(".mention", has_text="难以维持对乌克兰的侵犯")  # DW's body sentence, beside NYT's 攻击
    assert body.count() == 1
    body.locator("button.unlink").click()
    page.wait_for_function("() => document.getElementById('status').textContent.includes('Correction saved')")

    def together() -> bool:
        texts = page.evaluate("""() => Array.from(document.querySelectorAll('#wording article.fact'))
            .map(fact => fact.innerText)""")
        return any("难以维持对乌克兰的攻击" in text and "难以维持对乌克兰的侵犯" in text for text in texts)

    assert not together()
    assert page.locator("#wording .chip.corrected").count() >= 1
    assert "#comparison=" in page.url
    page.reload()
    page.wait_for_selector("#results:not([hidden]) #matrix tbody tr")
    assert not together() and page.locator("#wording .chip.corrected").count() >= 1
    page.screenshot(path=str(ARTIFACTS / "corrected.png"), full_page=False)
    watch.check()
