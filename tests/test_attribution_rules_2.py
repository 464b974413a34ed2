"""Attribution rules of the tenth round (tests/gold/attribution.yaml, tenth batch: CCTV 2024-03-27 and the background
call on the Biden-Xi virtual meeting of 2021-11-16): each case is a real dev sentence; the rules abstain or name the
speaker the text settles, never a guessed one."""
from __future__ import annotations

from service.framing.attribution import frame_article, quote_mask
from service.framing.frames import parse_frame
from service.ingest import parse_document


def _said_in(body: str) -> list[dict]:
    article = parse_document("标题\n\n" + body)
    framing = frame_article(article)
    return [framing[s.index].attribution for s in article.sentences if s.text != "标题"]


def _frame(text: str):
    return parse_frame(text, bytes(quote_mask(text)))


def test_end_line_closes_the_transcript():
    said = _said_in("MODERATOR: Okay.\n\nThanks so much.\n\nEND")
    assert said[1]["speaker"] == "Moderator"
    assert said[2]["speaker"] is None and said[2]["type"] == "unattributed"


def test_a_discussion_held_reports_topics_not_a_position():
    assert _frame("参会嘉宾围绕中国经济、新质生产力、绿色发展等热点议题展开讨论。").topic_only
    assert _frame("阿拉伯国家联盟当天召开紧急会议讨论应对举措。").topic_only


def test_fenfen_between_subject_and_verb():
    frame = _frame("对于中国经济的前景，参会嘉宾纷纷表示，今年以来，中国经济的持续回升向好和高质量发展稳步推进，"
                   "将为世界经济增长提供更强动力。")
    assert frame.speaker is not None and frame.speaker.name == "参会嘉宾" and frame.verb == "表示"


def test_an_expectation_after_de_is_a_noun_not_a_report():
    frame = _frame("习近平主席同拜登总统去年11月在旧金山成功会晤，提振了美国各界和世界对美中关系未来的预期和信心。")
    assert frame.speaker is None and frame.verb is None
