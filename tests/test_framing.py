"""Framing on the seeds, from general rules and the lexicons (no seed strings in library code)."""
from __future__ import annotations

import pytest

from service.comparison import compare
from service.framing.attribution import frame_article, quote_mask
from service.ingest import parse_document
from service.report import render_markdown

from .conftest import seed_bytes


@pytest.fixture(scope="module")
def nyt_dw():
    return compare([parse_document(seed_bytes("000")), parse_document(seed_bytes("001"))])


def fact_with(result, text_part):
    return next(f for f in result["facts"] if any(text_part in m["text"] for m in f["mentions"]))


def test_xi_title_differs_between_nyt_and_dw(nyt_dw):
    outlets = nyt_dw["framing"]["outlets"]
    assert "generic_role" in outlets["nyt"]["terms"]["xi_title"]
    assert "official_title" not in outlets["nyt"]["terms"]["xi_title"]
    assert "official_title" in outlets["dw"]["terms"]["xi_title"]
    assert set(nyt_dw["framing"]["term_differences"]["xi_title"]) == {"nyt", "dw"}


def test_blinken_quote_attributed_in_both_with_a_term_difference_inside_the_quote(nyt_dw):
    fact = fact_with(nyt_dw, "俄罗斯将难以维持对乌克兰的攻击")
    for mention in fact["mentions"]:
        attribution = mention["framing"]["attribution"]
        assert attribution["type"] == "direct" and attribution["speaker"] == "布林肯"
        assert attribution["side"] == "us_gov"
    term = next(d for d in fact["differences"] if d["kind"] == "term" and d["family"] == "russia_war")
    assert term["in_quote"] is True
    surfaces = {o: {v["surface"] for v in values} for o, values in term["values"].items()}
    # DW words it 侵犯 in the body and 侵乌 in its subhead "布林肯：“没有中国支持，俄罗斯难以维持侵乌”"
    assert surfaces == {"nyt": {"攻击"}, "dw": {"侵犯", "侵乌"}}
    assert {m["role"] for m in fact["mentions"] if m["outlet"] == "dw"} == {"body", "heading"}
    assert not any(d["kind"] == "speaker" for d in fact["differences"])


def test_sources_cited(nyt_dw):
    dw = {s["name"] for s in nyt_dw["framing"]["outlets"]["dw"]["sources"]}
    assert {"新华社", "路透社", "法新社"} <= dw
    nyt = nyt_dw["framing"]["outlets"]["nyt"]["sources"]
    assert any(s["name"] == "中国外交部" and s["side"] == "prc_gov" for s in nyt)
    analyst = next(s for s in nyt if s["name"] == "谢韬")
    assert analyst["kind"] == "analyst" and analyst["affiliation"]


def test_voa_cites_think_tank_analysts():
    result = compare([parse_document(seed_bytes("002")), parse_document(seed_bytes("001"))])
    voa = result["framing"]["outlets"]["voa"]["sources"]
    names = {s["name"] for s in voa if s["kind"] in ("think_tank", "analyst")}
    assert any("史汀生" in n for n in names) and any("布鲁金斯" in n for n in names)


def test_quote_shares_and_lead(nyt_dw):
    nyt = nyt_dw["framing"]["outlets"]["nyt"]
    assert nyt["quote_share"] and abs(sum(nyt["quote_share"].values()) - 1) < 0.01
    assert nyt["quote_share"].get("us_gov", 0) > 0 and nyt["quote_share"].get("prc_gov", 0) > 0
    assert len(nyt["headline_lead"]["lead_facts"]) >= 2


def test_pronoun_speaker_is_the_nearest_person_named_before():
    article = parse_document("标题\n\n王毅周五会见了来访的客人。他说：“双方应当加强沟通，避免误判和冲突。”")
    framing = frame_article(article)
    second = framing[1].attribution
    assert second["speaker"] == "王毅" and second["type"] == "direct" and second["verb_class"] == "neutral"


def test_latin_names_are_whole_words_not_parts_of_other_words():
    article = parse_document("Title\n\nXinhua said the talks between the two sides were candid and constructive.\n\n"
                             "A Xiamen official says trade grew. Xi said the meeting was useful.", outlet="wire")
    framing = frame_article(article)
    assert framing[0].attribution["speaker"] == "新华社"
    assert all(source["name"] != "习近平" for source in framing[0].sources + framing[1].sources)
    assert framing[1].attribution["speaker"] != "习近平"
    assert framing[2].attribution["speaker"] == "习近平"


def test_verb_classes_and_markers():
    article = parse_document("标题\n\n美国国务院警告，中国可能向俄罗斯提供更多支持。"
                             "中方谴责所谓“胁迫外交”。如果局势恶化，据报道双方将再次会谈。")
    framing = frame_article(article)
    assert framing[0].attribution["verb_class"] == "warning" and "可能" in framing[0].hedges
    assert framing[1].attribution["verb_class"] == "accusatory" and framing[1].scare_quotes == ["胁迫外交"]
    assert "如果" in framing[2].conditionals and framing[2].evidentials


def test_quote_mask_spans_sentences_and_reversed_marks():
    text = "他说：“第一句。第二句。”然后离开。"
    mask = quote_mask(text)
    inside = "".join(ch for ch, m in zip(text, mask) if m)
    assert inside == "第一句。第二句。"
    assert "".join(ch for ch, m in zip("”反向引号。“后面", quote_mask("”反向引号。“后面")) if m) == "反向引号。"


def test_markdown_report_shows_framing_below_the_fact_table(nyt_dw):
    text = render_markdown(nyt_dw)
    assert text.index("## Framing per outlet") > text.index("| # | fact |")
    assert "xi_title" in text and "新华社" in text


def test_repost_changes_are_reported():
    copy = parse_document(seed_bytes("000"))
    original = parse_document("\n\n".join(p.text for p in copy.paragraphs[:-3]), title="布林肯与习近平会晤",
                              url="https://cn.nytimes.com/world/x/")
    result = compare([copy, original])
    repost = result["framing"]["reposts"][0]
    assert repost["copy"] == copy.id and repost["original"] == original.id and repost["retitled"]
    assert repost["added"] and not repost["cut"]
    assert result["outlets"] == ["nyt"]


def test_reporting_frames_name_listener_and_source():
    """Speaker first, listener after the verb or the preposition; a 根据…纪要 chain credits its issuer."""
    from service.framing.frames import parse_frame
    from service.framing.reading import quote_bits

    def frame(text):
        return parse_frame(text, quote_bits(text))

    told = frame("萨利文告诉王毅，美方愿意保持沟通。")
    assert (told.speaker.name, told.listener) == ("萨利文", "王毅")
    english = frame("Sullivan told Wang Yi that the United States would keep talking.")
    assert english.listener == "王毅" and english.speaker.name != "王毅"
    met = frame("王毅在与萨利文会晤时说，中方坚决反对。")
    assert (met.speaker.name, met.listener) == ("王毅", "萨利文")
    chain = frame("根据中国外交部发布的会谈纪要，王毅对萨利文说，双方应该加强沟通。")
    assert (chain.speaker.name, chain.listener, chain.source) == ("王毅", "萨利文", "中国外交部")
    statement = frame("哈亚发表声明称，双方将继续合作。")
    assert (statement.speaker.name, statement.source) == ("哈亚", "声明")
