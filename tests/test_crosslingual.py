"""Comparing the English and the Chinese account of one event: facts across languages, events kept apart,
the side-by-side report, the glossary, and the embedding loaded only when languages mix.

Fixtures (tests/fixtures/documents): a White House-style readout of a call, a Xinhua-style Chinese report of
the same call, and a Chinese report of another meeting of the same governments a month and a half later;
written for these tests, in the structure of the real sources."""
from __future__ import annotations

import subprocess
import sys

import pytest

from service.comparison import compare
from service.report import render_markdown
from service.text.glossary import concept_surfaces

from .conftest import ROOT
from .test_documents import load


@pytest.fixture(scope="module")
def mixed():
    return compare([load("readout_en.md"), load("report_zh.txt", outlet="新华社"),
                    load("report_zh_other.txt", outlet="人民日报")])


def fact_with(result, text_part):
    return next(f for f in result["facts"] if any(text_part in m["text"] for m in f["mentions"]))


def test_a_fact_holds_the_english_and_the_chinese_sentence(mixed):
    fact = fact_with(mixed, "两国元首欢迎恢复两军沟通")
    assert {m["language"] for m in fact["mentions"]} == {"zh", "en"}
    assert any("military-to-military communication" in m["text"] for m in fact["mentions"])
    english = next(m for m in fact["mentions"] if m["language"] == "en")
    assert 0 < english["confidence"] <= 1 and english["scorer"] == "embedding"


def test_another_meeting_of_the_same_governments_stays_apart(mixed):
    other = next(a["id"] for a in mixed["articles"] if a["outlet"]["id"] == "peoples-daily")
    assert [other] in [e["articles"] for e in mixed["events"]]
    readout = next(a["id"] for a in mixed["articles"] if a["outlet"]["id"] == "white-house")
    for fact in mixed["facts"]:
        ids = {m["article_id"] for m in fact["mentions"]}
        assert not {other, readout} <= ids


def test_sides_say_what_each_language_alone_reports_and_match_concepts(mixed):
    sides = mixed["framing"]["sides"]
    assert set(sides["languages"]) == {"en", "zh"}
    assert sides["shared"]
    assert sides["languages"]["en"]["outlets"] == ["white-house"]
    only_zh = [f for f in mixed["facts"] if f["id"] in sides["languages"]["zh"]["only_here"]]
    assert any("红线" in m["text"] for f in only_zh for m in f["mentions"])  # the Taiwan "red line" is Xinhua's
    matched = {t["concept"]: t for t in sides["matched_terms"]}
    assert "military_communication" in matched
    assert "military-to-military communication" in matched["military_communication"]["en"]
    assert "两军沟通" in matched["military_communication"]["zh"]
    report = render_markdown(mixed)
    assert "## Side by side" in report and "Only in zh" in report


def test_glossary_finds_concepts_in_either_language_and_script():
    assert concept_surfaces("Both sides discussed counternarcotics and the Taiwan Strait.") == (
        ("counternarcotics", "counternarcotics"), ("taiwan", "Taiwan Strait"))
    assert [c for c, _ in concept_surfaces("雙方討論禁毒合作和台灣問題")] == ["counternarcotics", "taiwan"]


def test_the_embedding_loads_only_when_a_comparison_mixes_languages():
    script = (
        "from service.comparison import compare\n"
        "from service.ingest import parse_document\n"
        "from service.align import crosslingual\n"
        "compare([parse_document('甲报\\n\\n两国元首举行会谈。会谈持续两个小时。\\n\\n“We talked about Taiwan,” he said.'.encode(), outlet='a'),"
        " parse_document('乙报\\n\\n两国元首周五举行会谈，讨论台湾问题。'.encode(), outlet='b')])\n"
        "from service.text import dictionary\n"
        "print(crosslingual._model.cache_info().currsize, dictionary._definitions.cache_info().currsize)\n"
        "compare([parse_document('甲报\\n\\n两国元首举行会谈，讨论台湾问题。'.encode(), outlet='a'),"
        " parse_document('B\\n\\nThe two leaders held talks on Taiwan.'.encode(), outlet='b')])\n"
        "print(crosslingual._model.cache_info().currsize, dictionary._definitions.cache_info().currsize)\n")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    # the model and the dictionary load only when the articles' languages differ (not for an English quote in a Chinese report)
    assert out.stdout.split() == ["0", "0", "1", "1"]


def test_dictionary_counts_the_words_an_english_sentence_translates():
    from service.text.dictionary import glosses, translated_shares

    assert {"candid", "frank"} <= glosses("坦诚") and {"meet"} <= glosses("会晤")
    assert glosses("不是一个词") == frozenset()
    words = ("双方", "进行", "了", "坦诚", "的", "会晤")  # 了/的: single characters do not count
    chinese, english = translated_shares(words, "The two sides held a candid meeting.")
    # 双方 (both sides) glosses "side", 坦诚 "candid", 会晤 "meet"; 进行 (to carry out) nothing here
    assert chinese == 3 / 4
    assert english == 3 / 5  # two, held, side, candid, meet: side, candid and meet are glossed
    assert translated_shares(words, "Markets fell sharply on Tuesday.") == (0.0, 0.0)
    assert translated_shares((), "The two sides met.") == (0.0, 0.0)


def test_past_the_embedding_budget_anchors_choose_the_candidates_without_the_model():
    """A comparison with more sentences to embed than EMBEDDING_BUDGET (a large corpus) embeds none: the rarest
    shared anchors rank the candidates, the cosine reads as the training mean, and the model is never loaded."""
    script = (
        "from service.align import crosslingual\n"
        "crosslingual.EMBEDDING_BUDGET = 1\n"
        "from service.comparison import compare\n"
        "from service.ingest import parse_document\n"
        "r = compare([parse_document('甲报\\n\\n两国元首周五通话，讨论台湾问题和禁毒合作。'.encode(), outlet='a',"
        " published_at='2024-04-02'),"
        " parse_document('B\\n\\nOn Friday the two leaders spoke by phone about Taiwan and counternarcotics cooperation.'"
        ".encode(), outlet='b', published_at='2024-04-02')])\n"
        "print(crosslingual._model.cache_info().currsize)\n"
        "print(sorted({m['language'] for f in r['facts'] for m in f['mentions'] if len(f['mentions']) > 1}))\n")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded, languages = out.stdout.splitlines()
    assert loaded == "0"
    assert languages == "['en', 'zh']"  # the two sentences still make one fact
