"""Attribution rules of the fifteenth round (tests/gold/attribution.yaml, nineteenth to twenty-fourth batches: CCTV
programmes of 2022-2026, White House readouts and a press conference): each case is a real dev sentence, shortened
where the rest does not matter; the rules name the speaker the text settles or none."""
from __future__ import annotations

import pytest

from service.framing.attribution import frame_article
from service.ingest import parse_document

from .test_attribution_rules import _said_in
from .test_attribution_rules_2 import _frame


@pytest.mark.parametrize("text, speaker, verb_class", [
    ("韩正建议，双方要坚持互利共赢，实现能源合作新突破；", "韩正", "appeal"),  # verbs the lexicon lacked
    ("李强勉励大家传承治沙的干劲和精神，努力改善生态环境。", "李强", "appeal"),
    ("美国媒体评论说，瘫痪的众议院令美国面临更加混乱的局面。", "美国媒体", "neutral"),
    ("President Biden applauded Japan and Australia’s signing of the Reciprocal Access Agreement.", "拜登",
     "conciliatory"),
    ("美国海岸警卫队21日表示，一条水下输油管道近日发生泄漏。", "美国海岸警卫队", "neutral"),  # a guard is a body
])
def test_reporting_verbs_and_speakers_found(text, speaker, verb_class):
    frame = _frame(text)
    assert (frame.speaker.name, frame.verb_class) == (speaker, verb_class)


@pytest.mark.parametrize("text", [
    "总书记的殷切勉励，充分体现了党中央对人才工作的高度重视。",  # a noun after 的
    "在台湾问题上，日方在日中联合声明中做出的承诺没有丝毫变化。",  # 承诺 is a promise made, a noun
])
def test_nouns_that_frame_nothing(text):
    assert _frame(text).speaker is None


def test_an_adverb_between_subject_and_verb():
    assert _frame("The President resolutely affirmed that Article V applies to the Senkaku Islands.").speaker \
        .affiliation == "president"  # a title the story resolves, not "The President resolutely"


def test_english_titles_before_a_name_and_pairs_of_titled_leaders():
    assert _frame("To that end, Prime Minister Sogavare expressed strong support for the framework.").speaker.name \
        == "Sogavare"  # not "Prime Sogavare"
    assert _frame("The President and Prime Minister Kishida agreed on the importance of economic policies.") \
        .speaker.kind == "joint"


def test_a_longer_name_speaks_when_the_story_named_it_before():
    said = _said_in("蔡奇会见日本公明党党首山口那津男。\n\n山口那津男表示，公明党愿积极推动两国各领域交流合作。")
    assert said[1]["speaker"] == "山口那津男"
    alone = _said_in("山口那津男表示，公明党愿积极推动两国各领域交流合作。")
    assert alone[0]["speaker"] is None  # never named before: a phrase of that shape is not yet a name


def test_a_foreign_leaders_own_side_by_its_initial_stays_in_his_words():
    said = _said_in("习近平会见阿根廷总统费尔南德斯。\n\n费尔南德斯表示，患难见真情。中国是阿根廷的真正朋友。"
                    "习近平主席提出的共建“一带一路”、构建人类命运共同体等重要倡议为世界指明了前进方向，为发展中国家创造了重要机遇，"
                    "阿方完全赞同、积极支持。")
    assert [s["speaker"] for s in said[1:]] == ["费尔南德斯"] * 3


def test_a_programme_announced_is_no_more_of_the_speech():
    said = _said_in("奥云额尔登表示，钦佩中国的发展成就。节目还将在央视新闻、央视频、央视网等新媒体平台同步上线。")
    assert said[1]["speaker"] is None


def test_the_president_of_a_transcript_is_the_one_its_heading_names():
    document = ("---\ntitle: \"Remarks by President Biden in a Press Conference\"\n---\n\n"
                "THE PRESIDENT: Good evening, everyone.\n\n"
                "And it’s — for example, when I was spending a lot of time talking with President Xi, he asked me.\n\n"
                "Q Thank you, Mr. President. President Xi said so.\n\n"
                "THE PRESIDENT: Look, I think China has a difficult economic problem right now.\n")
    article = parse_document(document.encode(), content_type="text/markdown")
    framing = frame_article(article)
    speakers = [framing[s.index].attribution["speaker"] for s in article.sentences]
    assert speakers[0] == speakers[1] == speakers[-1] == "拜登"


def test_the_countrys_position_stays_in_the_leaders_words():
    said = _said_in("习近平指出，中欧关系不针对第三方。中国是热爱和平的国家，主张和谐、包容、合作、共赢。"
                    "如果用西方走过的路来衡量中国，对中国的认知就会失之偏颇。")
    assert [s["speaker"] for s in said] == ["习近平"] * 3


def test_two_leaders_by_their_titles_alone_and_a_title_chain_with_a_secretary():
    assert _frame("The President and the Prime Minister also welcomed a landmark deal between Boeing and Vietnam "
                  "Airlines.").speaker.kind == "joint"
    assert _frame("乌国家安全与国防委员会秘书乌梅罗夫表示，此次谈判未就停火达成一致。").speaker.name == "乌梅罗夫"


def test_a_party_that_has_not_answered_is_the_outlets_news():
    said = _said_in("叙利亚媒体报道称，以色列对叙中部地区发动空袭。对此，以色列方面暂未回应。")
    assert [s["speaker"] for s in said] == ["叙利亚媒体", None]


def test_a_report_published_speaks_for_its_publisher_later():
    said = _said_in("美国能源经济和金融分析研究所13日发布的报告显示，欧盟进口的液化天然气总量为69亿立方米。"
                    "报告称，通过船运的液化天然气贸易并未中断。")  # 发布的 shadows 发布 in the lexicon's one pass
    assert said[1]["speaker"] == "美国能源经济和金融分析研究所"


def test_this_institution_is_the_body_quoted_before_named_after_its_dash():
    said = _said_in("日本商业信用调查机构——东京商工调查公司13日发布的数据显示，4月日本全国破产企业数同比增加。"
                    "该机构称，日元贬值导致进口原材料及能源价格高涨。")
    assert [s["speaker"] for s in said] == ["东京商工调查公司"] * 2


@pytest.mark.parametrize("text, speaker", [
    ("美国国务卿鲁比奥28日在参议院外交关系委员会听证会上称，美国希望看到古巴政权更迭。", "鲁比奥"),  # 比 of the table
    ("德国经济和能源部长赖歇28日在柏林举行的年初经济报告发布会上宣布，预计德国经济增长率为1.0%。", "赖歇"),  # 和 in a ministry
    ("甘肃发布首批130项“人工智能+”应用场景清单，通过场景化应用推动技术落地。", None),  # measures issued
])
def test_names_after_titles_ministries_with_and_and_measures_issued(text, speaker):
    frame = _frame(text)
    assert (frame.speaker.name if frame.speaker is not None else None) == speaker


def test_the_president_of_a_readout_is_the_one_its_heading_names_when_the_text_names_none():
    document = ("---\ntitle: \"Readout of President Biden’s Meeting with Prime Minister Kishida of Japan\"\n---\n\n"
                "The President underscored that the U.S.-Japan Alliance is the cornerstone of regional peace.\n\n"
                "He thanked the Prime Minister for his resolute support.\n")
    article = parse_document(document.encode(), content_type="text/markdown")
    framing = frame_article(article)
    assert [framing[s.index].attribution["speaker"] for s in article.sentences] == ["拜登", "拜登"]


@pytest.mark.parametrize("text, speaker", [
    ("德国已连续两年陷入经济衰退，德政府预计今年经济增幅仅为约0.2%。", "德国"),  # a one-character polity's government
    ("当地电力运营商表示，最快本周末才能恢复电力供应。", "当地电力运营商"),  # an operator is an organisation
])
def test_bodies_named_by_abbreviation_or_by_what_they_do(text, speaker):
    assert _frame(text).speaker.name == speaker


def test_a_gift_presented_is_narration_not_more_of_the_speech():
    said = _said_in("弗罗利克在致辞中表示，这部著作有助于读懂中国。活动中，中方向外方嘉宾赠送《习近平谈治国理政》第五卷英文版图书。")
    assert [s["speaker"] for s in said] == ["弗罗利克", None]


@pytest.mark.parametrize("text, speaker", [
    ("各国驻华使节和机构代表热烈祝贺中华人民共和国成立73周年。", "各国驻华使节和机构代表"),  # a group by its role
    ("英国中央银行3日宣布，将基准利率从2.25%上调至3%。", "英国中央银行"),  # a central bank is a body
    ("The three NSAs underscored the importance of enhancing trilateral cooperation.", "双方"),  # all parties
    ("The United States and Japan agreed to launch a high-level strategic dialogue.", "双方"),  # the US and the other
])
def test_groups_banks_and_all_parties_of_a_meeting(text, speaker):
    assert _frame(text).speaker.name == speaker


def test_a_country_named_in_english_speaks_under_its_chinese_name():
    assert _frame("Vietnam welcomed the upgrade of relations.").speaker.name == "越南"
    assert _frame("At this critical juncture, the United States and Solomon Islands agreed to launch a high-level "
                  "strategic dialogue.").speaker.kind == "joint"


@pytest.mark.parametrize("text, speaker", [
    ("马来西亚第一副总理扎希德发来贺信，祝贺节目在马来西亚播出。", "扎希德"),  # the sender of the letter
    ("扎希德第一副总理在贺信中热烈欢迎习近平主席访问马来西亚，表示这将促进交流。", "扎希德"),  # a name before its title
    ("阿穆尔州州长称，机上有43名乘客和6名机组人员。", "阿穆尔州州长"),  # a region's head, unnamed
    ("许多国家呼吁应坚持多边主义，反对单边主义。", "许多国家"),
    ("据也门胡塞武装称，美军接连对也门荷台达省发动空袭。", "也门胡塞武装"),  # 据…称
    ("据拱北海关统计，四年间，经横琴口岸通关的旅客超6954万人次。", "拱北海关"),  # a customs office is China's
    ("The Vice President thanked the Prime Minister for Singapore’s support for Ukraine.", None),  # a title alone
])
def test_senders_titled_names_region_heads_and_chains(text, speaker):
    frame = _frame(text)
    assert frame.speaker is not None and frame.speaker.name == speaker


def test_the_vice_president_of_a_readout_is_the_one_its_heading_names():
    document = ("---\ntitle: \"Readout of Vice President Harris’s Meeting with Prime Minister Lee of Singapore\"\n---\n\n"
                "The Vice President welcomed Singapore becoming the first Southeast Asian nation to join the framework.\n")
    article = parse_document(document.encode(), content_type="text/markdown")
    assert frame_article(article)[article.sentences[0].index].attribution["speaker"] == "哈里斯"  # Harris, by alias


def test_a_leaders_points_go_on_past_a_sentence_about_the_other_country():
    said = _said_in("习近平对下一步中德关系发展提出三点意见。二是要做开放互利的创新伙伴。"
                    "德国政府在技术、创新、数字等领域提出新发展战略，同中国发展方向高度契合。"
                    "双方应加强发展战略对接，支持两国人才双向流动。三是要做相知相亲的人文伙伴。")
    assert [s["speaker"] for s in said] == ["习近平"] * 5


def test_an_invitation_accepted_is_not_speech():
    said = _said_in("习近平表示，中方愿同各方一道努力。李强应邀出席论坛开幕式。")
    assert said[1]["speaker"] is None


def test_a_call_or_talks_then_what_was_discussed_reports_topics_only():
    assert _frame("同一天，俄外长拉夫罗夫与土耳其外长费丹通话，讨论15日在伊斯坦布尔开启直接谈判相关事宜。").speaker is None


@pytest.mark.parametrize("text, speaker", [
    ("4月底召开的中共中央政治局会议提出，要不断完善稳就业的政策工具箱。", "中共中央政治局会议"),  # a meeting by its name
    ("联合国贸易和发展会议19日发布《2025年世界投资报告》说，全球外国直接投资下降。", "联合国贸易和发展会议"),
    ("伊朗伊斯兰革命卫队强调，未来将继续加强导弹打击力度。", "伊朗伊斯兰革命卫队"),  # a guard corps is a body
    ("加沙地带汗尤尼斯纳赛尔医疗中心10月31日称，当天接收到30具遗体。", "加沙地带汗尤尼斯纳赛尔医疗中心"),
    ("金正恩总书记要求将朝中关系发展为最强有力的战略关系。", "金正恩"),  # a name before its title
    ("President Biden and Prime Minister Modi renewed their commitment to the partnership.", "双方"),
])
def test_meetings_corps_hospitals_and_names_before_titles(text, speaker):
    assert _frame(text).speaker.name == speaker


def test_an_agreement_concluded_is_no_report():
    assert _frame("The two countries concluded an Investment Incentive Agreement.").speaker is None


def test_a_given_name_holding_a_preposition_is_not_cut():
    said = _said_in("习近平同韩国总统李在明举行会谈。李在明表示，热烈欢迎习近平主席再次对韩国进行国事访问。")
    assert said[1]["speaker"] == "李在明"


def test_a_body_named_in_english_is_no_persons_name():
    speaker = _frame("The National Assembly said it would vote on the bill.").speaker  # not "Assembly", not "National"
    assert speaker is None or speaker.kind != "person"


@pytest.mark.parametrize("text, speaker", [
    ("拉夫罗夫转达普京总统对习近平主席的诚挚问候和良好祝愿，表示俄中关系保持高水平发展。", "拉夫罗夫"),  # who relays speaks
    ("与会人员表示，总书记的重要讲话立意高远。", "与会人员"),  # those at the meeting
])
def test_who_relays_greetings_and_those_present_speak(text, speaker):
    assert _frame(text).speaker.name == speaker


@pytest.mark.parametrize("text", [
    "The leaders reflected on the strength of the economic relationship.",  # a topic, no position
    "要深入阐释中国式现代化道路，向世界讲清楚真实、立体、全面的中国；",  # 讲清楚: to explain, no one's report
])
def test_topics_and_tasks_report_no_speaker(text):
    assert _frame(text).speaker is None


def test_a_leader_named_in_english_and_chinese_is_one_speaker():
    said = _said_in("PRESIDENT BIDEN: Welcome, Mr. President.\n\nPRESIDENT MARCOS: Thank you very much, Mr. President.")
    assert [s["speaker"] for s in said] == ["拜登", "马科斯"]
    listed = _frame("拉马福萨、卢拉、普京、莫迪高度评价金砖合作机制取得的积极进展。").speaker
    assert listed.name == "拉马福萨、卢拉、普京、莫迪"  # four leaders listed, not the two sides of a meeting
