"""Attribution rules of the tenth round (tests/gold/attribution.yaml, tenth batch: CCTV 2024-03-27 and the background
call on the Biden-Xi virtual meeting of 2021-11-16): each case is a real dev sentence; the rules abstain or name the
speaker the text settles, never a guessed one."""
from __future__ import annotations

from service.framing.attribution import quote_mask
from service.framing.frames import parse_frame

from .test_attribution_rules import _said_in


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


def test_people_listed_with_titles_are_named_by_their_names():
    text = ("美中关系全国委员会董事会主席格林伯格、黑石集团董事长兼首席执行官苏世民、高通公司总裁兼首席执行官安蒙、"
            "哈佛大学肯尼迪政府学院创始院长艾利森、美中贸易全国委员会会长艾伦等美方代表在发言中感谢习近平主席拨冗会见。")
    assert _frame(text).speaker.name == "格林伯格、苏世民、安蒙、艾利森、艾伦等美方代表"


def test_praise_ends_the_subject_so_the_praised_is_not_the_speaker():
    frame = _frame("论坛理事长潘基文等与会代表高度评价习近平主席提出的构建人类命运共同体理念和系列全球倡议，"
                   "表示愿为论坛发展和各方团结合作贡献力量。")
    assert frame.speaker is None or frame.speaker.name != "习近平"


def test_those_with_him_are_told_of_by_the_outlet():
    said = _said_in("马英九表示，大陆各方面发展都非常快，有些甚至是梦想不到的。与他同行的30多位台湾青年学生，"
                    "不少人是第一次来大陆。")
    assert said[0]["speaker"] == "马英九" and said[1]["speaker"] is None


def test_figures_after_a_data_release_are_no_ones_speech():
    said = _said_in("市场监管总局今天（5月22日）发布最新数据显示，今年一季度，全国新设个体工商户503.0万户，同比增长14.3%，"
                    "远超疫情前2019年同期水平。截至一季度末，全国登记在册个体工商户1.16亿户，占经营主体总量的三分之二，"
                    "成为改善民生、促进就业、增强经济韧性的重要支撑。")
    assert said[0]["speaker"] == "市场监管总局" and said[1]["speaker"] is None
