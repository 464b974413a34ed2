"""One key per speaker across outlets: what makes two outlets' speakers of a fact the same, for the "speakers
differ" conflict and for the attribution scoreboard alike."""
from __future__ import annotations

import pytest

from service.eval.attribution import canonical_speaker
from service.framing.profile import fact_differences
from service.framing.speaker_identity import speaker_key


@pytest.mark.parametrize("one, other", [
    ("中方", "中国政府"),  # a source's variants
    ("习主席", "习近平"),  # a person's alias
    ("Mr. Hadley", "Stephen Hadley"),  # an English name by its surname
    ("谢尔达尔·别尔德穆哈梅多夫", "别尔德穆哈梅多夫"),  # a transliteration by its surname
    ("both sides", "双方"),  # the joint speaker in either language
    ("《通知》", "通知"),  # a document with or without its title marks
    ("美国波音公司", "波音公司"),  # a company with or without its country
    ("日本日产汽车公司", "日产汽车公司"),
    ("穆迪公司", "穆迪"),  # with or without 公司
    ("中共中央和国务院", "中共中央、国务院"),  # speakers named together, whatever joins them
    ("科斯塔和冯德莱恩", "冯德莱恩与科斯塔"),  # in either order
    ("习主席和拜登", "习近平与拜登"),  # each by its own key
    ("美国多家媒体", "美国媒体"), ("多位日本人士", "日本人士"),  # a count before a group
    ("党的二十届三中全会", "党二十届三中全会"),  # 的 inside a name
    ("日本防卫省方面", "日本防卫省"),  # a body's 方面
    ("美国", "美方"), ("美国", "美国政府"), ("英国", "英国政府"),  # a polity and its government
    ("阿拉伯国家联盟、埃及、约旦等", "阿拉伯国家联盟、埃及、约旦等国"),  # a list, whatever group word ends it
    ("俄罗斯莫斯科交易所", "莫斯科交易所"), ("也门胡塞武装", "胡塞武装"),  # a name of its own, with or without the country
    ("巴勒斯坦加沙地带卫生部门", "加沙地带卫生部门"),
    ("俄库尔斯克州州长", "库尔斯克州州长"),  # a country's one-character name before a name of its own
])
def test_names_of_one_speaker_share_a_key(one, other):
    assert speaker_key(one) == speaker_key(other)


@pytest.mark.parametrize("one, other", [
    ("中方", "美方"), ("习近平", "拜登"), ("Mr. Hadley", "Mr. Daly"),
    ("美国航空公司", "中国航空公司"), ("中国银行", "美国银行"),  # a country and an industry: the country is the name
    ("米歇尔和冯德莱恩", "冯德莱恩"),  # two speakers are not one of them
    ("美国方面", "中国方面"), ("日本防卫省方面", "韩国国防部"),
    ("美国商务部", "中国商务部"), ("美国国防部", "俄罗斯国防部"),  # a generic body: the country is part of its name
])
def test_names_of_two_speakers_do_not(one, other):
    assert speaker_key(one) != speaker_key(other)


def test_the_scoreboard_compares_by_the_same_key_and_names_the_joint_speaker_as_the_gold_does():
    assert canonical_speaker("双方") == "both sides" and canonical_speaker(None) is None
    assert canonical_speaker("中方") == speaker_key("中国政府")


def _fact(*speakers: tuple[str, str]) -> dict:
    return {"mentions": [{"outlet": outlet, "framing": {
        "terms": [], "numbers": [], "attribution": {"speaker": speaker, "verb": "表示", "verb_class": "neutral"}}}
        for outlet, speaker in speakers]}


def test_outlets_conflict_over_a_speaker_only_when_they_name_different_speakers():
    same = fact_differences(_fact(("dw", "中方"), ("cctv", "中国政府")))
    assert not [d for d in same if d["kind"] == "speaker"]
    different = fact_differences(_fact(("nyt", "布林肯"), ("dw", "习近平")))
    conflict = [d for d in different if d["kind"] == "speaker"]
    assert conflict and conflict[0]["values"] == {"nyt": "布林肯", "dw": "习近平"}  # the names as each outlet gave
