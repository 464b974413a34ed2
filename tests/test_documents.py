"""Documents beyond single news pages: front matter, multi-story programmes and digests, outlets named only by
their metadata or a source mark, and comparisons whose articles report several events.

The fixtures in tests/fixtures/documents are written for these tests in the structure of real sources (a
White House readout export, a Hugo post, a CCTV 新闻联播 transcript with a round-up, a numbered digest, a page
that names its site only in og:site_name); their text is made up."""
from __future__ import annotations

import pytest

from service.comparison import compare
from service.ingest import parse_document

from .conftest import FIXTURES

DOCUMENTS = FIXTURES / "documents"


def load(name: str, **overrides):
    path = DOCUMENTS / name
    return parse_document(path.read_bytes(), content_type="text/markdown" if path.suffix == ".md" else None,
                          **overrides)


def test_yaml_front_matter_is_metadata_not_body():
    article = load("readout_front_matter.md")
    assert article.title == "Readout of the Secretary’s Call with the Foreign Minister of Country A"
    assert article.published_at == "2025-03-12T18:05:11-04:00"  # published_time beats the bare date
    assert article.url == "https://www.example.gov/briefing-room/2025/03/12/readout-of-a-call/"
    assert article.byline == "Office of the Spokesperson"
    assert article.outlet.id == "example.gov" and article.outlet.kind == "unknown"
    texts = [s.text for s in article.sentences]
    assert not any(word in text for text in texts for word in ("published_time", "source_url", "tags:", "---"))
    # hard-wrapped lines are joined: the first sentence is whole
    assert texts[0] == ("The Secretary spoke today with the Foreign Minister of Country A about trade, energy "
                        "cooperation and the situation in the region.")


def test_toml_front_matter():
    article = load("toml_front_matter.md")
    assert article.title == "Ministers meet in Geneva"
    assert article.published_at.startswith("2025-05-11T09:00:00")
    assert article.url.endswith("/ministers-meet-in-geneva")
    assert article.sentences[0].text.startswith("Trade ministers of both countries met in Geneva")


def test_a_programme_splits_into_its_items_and_round_up_entries():
    programme = load("programme.md")
    titles = [story.title for story in programme.stories]
    assert titles[:3] == ["国家主席会见来访的甲国总统", "全国春耕生产有序推进", "新一代气象卫星发射成功"]
    assert "多地开展植树活动" in titles and "铁路客流创同期新高" in titles  # a round-up's bold entries
    assert titles[-1] == "乙国议会通过新预算案"
    # the contents list, the air-time line and the "read the original" links are not body text
    body = " ".join(p.text for p in programme.paragraphs)
    assert "本期节目主要内容" not in body and "查看原文" not in body and "19:00" not in body
    assert programme.outlet.id == "cctv"  # from the source mark 央视网消息
    assert programme.published_at == "2025-03-12"  # from the programme's title


def test_a_single_report_is_one_story_whatever_its_subheads(seeds_with_subheads=("001", "002", "004")):
    from .conftest import seed_bytes

    for prefix in seeds_with_subheads:
        article = parse_document(seed_bytes(prefix))
        assert any(p.heading for p in article.paragraphs)
        assert len(article.stories) == 1, prefix
        assert article.stories[0].first_paragraph == 0
        assert article.stories[0].last_paragraph == len(article.paragraphs) - 1


def test_a_digest_splits_on_its_numbered_items():
    digest = load("digest.txt")
    assert len(digest.stories) == 6
    assert digest.sentences[0].text.startswith("1. 央行宣布下调存款准备金率")  # numbered paragraphs are body text


def test_only_the_story_about_the_compared_event_is_compared():
    programme, report = load("programme.md"), load("single_report.txt", outlet="甲报")
    result = compare([programme, report])
    summary = next(a for a in result["articles"] if a["id"] == programme.id)
    compared = [s["title"] for s in summary["stories"] if s["compared"]]
    assert compared == ["国家主席会见来访的甲国总统"]
    mentioned = {m["text"] for f in result["facts"] for m in f["mentions"] if m["article_id"] == programme.id}
    assert any("阿尔贝托表示" in text for text in mentioned)
    assert not any("春耕" in text or "卫星" in text or "预算案" in text for text in mentioned)
    # the report's unique facts are not "left out" by the programme's other stories, and vice versa
    assert result["coverage"]["cctv"]["present"] == sum(1 for f in result["facts"] if "cctv" in f["outlets"])
    assert result["coverage"]["cctv"]["unique"] < 4


def test_an_outlet_named_only_by_og_site_name():
    article = load("site_name_only.html")
    assert (article.outlet.id, article.outlet.name, article.outlet.kind) == ("harbour-ledger", "Harbour Ledger",
                                                                             "unknown")
    assert article.published_at == "2025-06-02T08:30:00+00:00"  # article:published_time


def test_an_outlet_is_never_null():
    article = parse_document("没有任何来源标记的一段文字，说明某地今天下雨。".encode())
    assert article.outlet is not None and article.outlet.kind == "unknown"
    assert article.outlet.id == f"unknown-{article.id[:8]}"


@pytest.mark.parametrize("domain, outlet, kind", [
    ("https://bidenwhitehouse.archives.gov/briefing-room/x/", "white-house", "government"),
    ("https://www.fmprc.gov.cn/web/x.shtml", "prc-mfa", "government"),
    ("https://www.reuters.com/world/x", "reuters", "wire"),
    ("https://news.cctv.com/2024/08/29/x.shtml", "cctv", "state_media"),
    ("https://www.hk01.com/x", "hk01", "outlet"),
])
def test_the_registry_knows_governments_state_media_wires_and_outlets(domain, outlet, kind):
    article = parse_document("一段正文，说明双方今天举行会谈。".encode(), url=domain)
    assert (article.outlet.id, article.outlet.kind) == (outlet, kind)


def test_omissions_count_only_within_an_event():
    from .conftest import seed_bytes

    articles = [parse_document(seed_bytes(p)) for p in ("000", "001", "003")]  # Blinken 2024 twice; Bali 2022
    result = compare(articles)
    assert len(result["events"]) == 2
    bali = next(e for e in result["events"] if e["outlets"] == ["qukanredian.com"])
    assert len(bali["articles"]) == 1
    assert result["coverage"]["qukanredian.com"]["omitted"] == 0  # it does not leave out the 2024 visit
    shared_2024 = [f for f in result["facts"] if set(f["outlets"]) == {"dw", "nyt"}]
    assert shared_2024 and all("qukanredian.com" not in f["missing"] for f in shared_2024)


def test_event_grouping_takes_a_programme_story_by_story():
    from service.events import group_events

    programme, report = load("programme.md"), load("single_report.txt", outlet="甲报")
    events = group_events([programme, report])
    with_report = next(e for e in events if any(a["id"] == report.id for a in e["articles"]))
    stories = [a["story"] for a in with_report["articles"] if a["id"] == programme.id]
    assert stories == [0]  # the meeting story, not the rocket launch or the budget
    elsewhere = [a["story"] for e in events if e is not with_report for a in e["articles"] if a["id"] == programme.id]
    assert len(elsewhere) == len(programme.stories) - 1
    assert next(a for a in with_report["articles"] if a["id"] == report.id)["story"] is None
