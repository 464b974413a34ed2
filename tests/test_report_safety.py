"""The Markdown report shows hostile article text as text: rendered the way GitHub-like renderers do (markdown-it
with raw HTML and bare-URL links on), it has no element, link or image from the articles, on every way to get it
(POST and GET with Accept or ?format=md, and the CLI). The page's own escaping is tested in test_browser_e2e."""
from __future__ import annotations

import subprocess
import sys

from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from service.report import render_markdown

from .conftest import ROOT

HOSTILE = ['<script>window.pwned=1</script>', '<img src=x onerror="window.pwned=2">', "[click](javascript:alert(3))",
           "![tracker](https://evil.example/pixel.png)", "<https://evil.example/auto>", "www.example.com/bare",
           "**bold** _it_ `code` ~~gone~~ a|b", "&lt;b&gt;entity&lt;/b&gt;"]
FIRST = ("美国国务卿布林肯周五在北京会见习近平。他说{0}俄罗斯对乌克兰的攻击离不开中国的支持。{1}双方同意继续保持沟通。"
         "布林肯还与王毅举行了会谈，{2}讨论了台湾问题。{3}")
SECOND = ("布林肯周五在北京与习近平会晤。他表示{4}俄罗斯对乌克兰的侵犯离不开中国的支持。{5}双方同意继续保持沟通。"
          "布林肯还与王毅举行了会谈，{6}讨论了台湾问题。{7}")
TITLE = "<script>window.pwned=9</script>[title](javascript:alert(9))"
OUTLET = "<img src=y onerror=alert(8)>"
OUTLET_ID = "<img-src=y-onerror=alert(8)>"  # what the report shows: the outlet's id


def documents():
    return [{"content": FIRST.format(*HOSTILE), "title": TITLE, "outlet": OUTLET},
            {"content": SECOND.format(*HOSTILE), "outlet": "[dw](javascript:alert(7))"}]


def rendered(markdown: str) -> BeautifulSoup:
    """HTML as a GitHub-like renderer would make it: raw HTML allowed, bare URLs linked, tables on."""
    renderer = MarkdownIt("gfm-like", {"html": True, "linkify": True})
    return BeautifulSoup(renderer.render(markdown), "lxml")


def assert_inert(markdown: str) -> None:
    html = rendered(markdown)
    assert not html.find_all(["script", "img", "a", "iframe", "style"]), html.find_all(["script", "img", "a"])
    assert not [tag for tag in html.find_all(True) if any(a.startswith("on") for a in tag.attrs)]
    text = html.get_text()
    for hostile in HOSTILE[:4] + [TITLE, OUTLET_ID]:  # shown as the outlet wrote it
        assert hostile in text, hostile
    assert "**bold** _it_ `code` ~~gone~~ a|b" in text and "&lt;b&gt;entity" in text


def test_the_renderer_used_here_would_run_what_an_unescaped_report_holds():
    raw = rendered("\n\n".join(HOSTILE))  # the checks above can fail: unescaped, this text is live
    assert raw.find("script") and raw.find("img", src="x", onerror=True)
    assert raw.find("img", src="https://evil.example/pixel.png")
    assert raw.find("a", href="https://evil.example/auto") and raw.find("a", href="http://www.example.com/bare")


def test_every_way_to_the_report_is_inert(client):
    compared = client.post("/v1/comparisons", json={"documents": documents()}, headers={"Accept": "text/markdown"})
    assert compared.status_code == 200 and compared.mimetype == "text/markdown"
    markdown = compared.get_data(as_text=True)
    assert markdown.count("### ") >= 3  # shared facts with each outlet's wording: the hostile sentences are in it
    assert_inert(markdown)
    comparison = compared.headers["Location"]
    assert_inert(client.get(comparison + "?format=md").get_data(as_text=True))
    assert_inert(client.get(comparison, headers={"Accept": "text/markdown"}).get_data(as_text=True))


def test_the_cli_report_is_inert(tmp_path):
    paths = []
    for number, template in enumerate((FIRST, SECOND)):
        path = tmp_path / f"{number}.txt"
        path.write_text(f"{TITLE}\n\n{template.format(*HOSTILE)}\n", encoding="utf-8")
        paths.append(str(path))
    result = subprocess.run([sys.executable, "-m", "service", "compare", *paths], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    html = rendered(result.stdout)
    assert not html.find_all(["script", "img", "a"]) and HOSTILE[0] in html.get_text()


def test_report_fields_from_every_part_of_a_comparison_are_escaped():
    """Everything the articles can put into a result; the service's own names (term families and values, sides,
    kinds, verb classes) are plain identifiers."""
    hostile = "<b onclick=x>[a](javascript:b)</b>"
    mention = {"article_id": "a", "outlet": hostile, "sentence_index": 0, "paragraph": 0, "role": "body",
               "text": hostile, "confidence": 0.9}
    fact = {"id": "f", "outlets": [hostile, "dw"], "missing": [], "weight": 1.0, "mentions": [mention, mention],
            "differences": [{"kind": "wording", "outlets": [hostile, "dw"],
                             "spans": [{"op": "replace", "a": hostile, "b": hostile, "where": "core"}]},
                            {"kind": "term", "family": "russia_war", "in_quote": False,
                             "values": {hostile: [{"surface": hostile}]}},
                            {"kind": "verb_class", "values": {hostile: {"verb": hostile, "class": "neutral"}}},
                            {"kind": "speaker", "values": {hostile: hostile}},
                            {"kind": "number", "values": {hostile: [hostile]}}]}
    profile = {"sources": [{"name": hostile, "kind": "person", "affiliation": hostile, "count": 1}],
               "quote_share": {"us_gov": 0.5}, "terms": {"russia_war": {"invasion": 1}},
               "headline_lead": {"headline_facts": ["f"], "lead_facts": ["f"],
                                 "headline": [{"fact": "f", "article_id": "a", "sentence_index": 0, "text": hostile}],
                                 "lead": [{"fact": "f", "article_id": "a", "sentence_index": 0, "text": hostile}]},
               "scare_quotes": [hostile],
               "hedges": [hostile]}
    result = {"id": "c", "outlets": [hostile, "dw"],
              "articles": [{"outlet": {"id": hostile}, "via": {"id": hostile}, "title": hostile,
                            "published_at": hostile, "sentence_count": 1}],
              "facts": [fact], "coverage": {hostile: {"present": 1, "unique": 0, "omitted": 1, "omitted_facts": ["f"]}},
              "framing": {"outlets": {hostile: profile}, "term_differences": {"russia_war": {hostile: [
                              {"value": "invasion", "count": 1, "surfaces": {hostile: 1}}]}},
                          "reposts": [{"copy": hostile, "via": hostile, "original": hostile, "retitled": True,
                                       "cut": [], "added": []}]}}
    markdown = render_markdown(result)
    html = rendered(markdown)
    assert not html.find_all(["b", "a"]) and markdown.count("&lt;b onclick=x&gt;") >= 30
    assert "russia_war" in markdown and "us_gov" in markdown  # identifiers read as they are
