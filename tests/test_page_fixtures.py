"""Full pages of each outlet's real structure (tests/fixtures/pages) parse to what their .expected.json says."""
from __future__ import annotations

import json
from datetime import datetime

import pytest

from service.ingest import parse_document

from .conftest import FIXTURES

PAGES = FIXTURES / "pages"
CASES = sorted(p for p in PAGES.iterdir() if p.suffix in (".html", ".txt"))


def expected(page):
    return json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))


def same_time(actual: str | None, wanted: str | None) -> bool:
    if actual is None or wanted is None:
        return actual == wanted
    if len(wanted) == 10:
        return actual == wanted
    return datetime.fromisoformat(actual.replace("Z", "+00:00")) == datetime.fromisoformat(wanted.replace("Z", "+00:00"))


@pytest.fixture(scope="module", params=CASES, ids=[p.name for p in CASES])
def case(request):
    return parse_document(request.param.read_bytes(), content_type=None), expected(request.param)


def test_metadata(case):
    article, want = case
    if want["outlet"] is None:  # nothing names the source: an outlet of unknown kind, never none
        assert article.outlet.kind == "unknown" and article.outlet.id.startswith("unknown-")
    else:
        assert article.outlet.id == want["outlet"]
    assert (article.via.id if article.via else None) == want["via"]
    assert article.title == want["title"]
    assert same_time(article.published_at, want["published_at"]), article.published_at
    assert article.byline == want["byline"]
    assert article.language == want["language"]
    assert article.script == want["script"]
    if want.get("url"):
        assert article.url == want["url"]


def test_named_sentences_are_whole(case):
    article, want = case
    sentences = [s.text for s in article.sentences]
    for text in want["present"]:
        assert any(text in s for s in sentences), text


def test_chrome_is_absent_from_body(case):
    article, want = case
    body = "\n".join(p.text for p in article.paragraphs)
    for text in want["absent"]:
        assert text not in body, text


def test_captions_and_headings(case):
    article, want = case
    for caption in want.get("captions", []):
        assert any(caption in c for c in article.captions), caption
    headings = [p.text for p in article.paragraphs if p.heading]
    assert headings == want.get("headings", [])
