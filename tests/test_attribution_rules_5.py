"""Attribution rules of the round after the thirty-fifth and thirty-sixth batches (CCTV 2023-2026): each case is a
real dev sentence, shortened where the rest does not matter; the rules name the speaker the text settles or none."""
from __future__ import annotations

import pytest

from service.framing.attribution import frame_article
from service.framing.speaker_identity import speaker_key
from service.ingest import parse_document

from .test_attribution_rules import _said_in
from .test_attribution_rules_2 import _frame


def test_a_long_surname_named_again_without_the_given_name_is_whole():
    said = _said_in("习近平会见土库曼斯坦人民委员会主席谢尔达尔·别尔德穆哈梅多夫。\n\n"
                    "别尔德穆哈梅多夫表示，很高兴到访伟大的中国。中国好，世界会更好。")
    assert [s["speaker"] for s in said[1:]] == ["别尔德穆哈梅多夫"] * 2  # not 多夫, a tagger's cut


@pytest.mark.parametrize("text, speaker, side", [
    ("世界粮食计划署代理执行干事斯考4日表示，中东危机正通过推高能源与食品价格冲击全球粮食安全。", "斯考", None),
    ("世界粮食计划署表示，加沙地带的粮食安全形势十分严峻。", "世界粮食计划署", "other"),  # not China's, for its 署
    ("国际能源署表示，全球石油需求增长放缓。", "国际能源署", "other"),
    ("国家统计局表示，物价总体平稳。", "国家统计局", "prc_gov"),
])
def test_titles_and_sides_of_international_organisations(text, speaker, side):
    frame = _frame(text)
    assert (frame.speaker.name, frame.speaker.side) == (speaker, side)


@pytest.mark.parametrize("text, speaker, side", [
    ("今天（2月28日），记者从中国海油获悉，总重量超过1.4万吨的平台全面安装就位。", "中国海油", "other"),
    ("记者从长江海事和航道部门了解到，今天长江干线首次试运行“复式航路”。", "长江海事和航道部门", "prc_gov"),
    ("今天（1月15日），记者从广东省获悉，2024年预计广东全省地区生产总值迈上14万亿元新台阶。", "广东省", "prc_gov"),
    ("记者今天从国务院新闻办公室举行的发布会上了解到，2024年我国共授权发明专利104.5万件。", "中国国务院", "prc_gov"),
])
def test_whom_a_reporter_learns_from_speaks_even_when_no_table_knows_it(text, speaker, side):
    frame = _frame(text)
    assert (frame.speaker.name, frame.speaker.side, frame.source) == (speaker, side, speaker)


def test_a_reporter_learning_from_a_person_names_no_body():
    frame = _frame("记者从他那里了解到，地质专家对地下水进行了一次“立体扫描”。")
    assert frame.speaker is None or frame.speaker.kind != "body"


def test_a_white_paper_speaks_for_who_issued_it_even_in_the_sentence_that_issues_it():
    said = _said_in("国务院新闻办公室今天在拉萨举行新闻发布会，发布《新时代西藏人权事业的发展与进步》白皮书。\n\n"
                    "白皮书指出，实践充分证明，只有坚持中国共产党领导，才能推动西藏人权事业发展。")
    assert said[1]["speaker"] == "中国国务院"  # 白皮书 is no person's name, whatever its first character
    said = _said_in("今年8月，国务院台办、国务院新闻办发表《台湾问题与新时代中国统一事业》白皮书，"
                    "再次宣示任何势力都无法改变祖国统一的历史大势。")
    assert said[0]["speaker"] == "国务院台办、国务院新闻办"


def test_a_report_speaks_for_the_body_that_published_it_or_its_data_just_before():
    said = _said_in("10月31日，联合国贸发会议发布《全球投资趋势监测报告》。报告指出，全球外国直接投资下降了3%。"
                    "报告称，此次下降主要受发达经济体的影响。")
    assert [s["speaker"] for s in said[1:]] == ["联合国贸发会议"] * 2  # a meeting's name issues too
    said = _said_in("美国智库彼得森国际经济研究所15日发布的数据显示，预计美国国内生产总值同比增速为0.1%。"
                    "报告指出，2025年美国经济增长或陷入停滞。")
    assert said[1]["speaker"] == said[0]["speaker"] is not None


def test_a_report_with_no_publisher_before_it_names_no_one():
    said = _said_in("今天是植树节。\n\n报告指出，全球森林面积继续减少。")
    assert said[1]["speaker"] is None


@pytest.mark.parametrize("text, speaker", [
    ("28日早些时候，伊拉克民兵武装“伊斯兰抵抗组织”发表声明说，当天使用无人机攻击了三个基地。", "伊斯兰抵抗组织"),
    ("伊拉克什叶派民兵组织“人民动员组织”称，已做好全面准备应对任何突发事件。", "人民动员组织"),
    ("国际评级机构穆迪公司21日称，将瑞银集团的评级展望下调至“负面”。", "穆迪公司"),
    ("英国市场调查企业凯度公司近日发布的报告称，英国食品价格较去年同期上涨17.1%。", "凯度公司"),
    ("此外，美国联合航空公司、美国航空公司19日表示，暂停部分客运航班运营。", "美国联合航空公司、美国航空公司"),
])
def test_a_body_named_after_what_it_is_goes_by_its_name(text, speaker):
    assert _frame(text).speaker.name == speaker


def test_a_long_name_the_story_named_may_hold_a_one_character_politys_sound():
    said = _said_in("蔡奇会见由蒙古人民党总书记阿玛尔巴伊斯格楞率领的代表团。\n\n蔡奇表示，中国共产党愿同蒙古人民党一道推动合作。"
                    "\n\n阿玛尔巴伊斯格楞表示，近期蒙中高层往来频繁。")
    assert said[2]["speaker"] == "阿玛尔巴伊斯格楞"  # 巴 of the name is no Pakistan, and 蔡奇 does not go on


@pytest.mark.parametrize("text, speaker", [
    ("商务部相关负责人介绍，2025年，将加力扩围实施消费品以旧换新；", "商务部相关负责人"),
    ("乌克兰谈判代表团团长、乌国家安全与国防委员会秘书乌梅罗夫表示，此次谈判未就停火达成一致。", "乌梅罗夫"),  # 代表团
    ("伊朗常驻维也纳国际组织代表团14日表示，有关说法是“弥天大谎”。", "伊朗常驻维也纳国际组织代表团"),  # 也 of 维也纳
    ("伊朗议会国家安全和外交政策委员会主席阿齐兹在接受总台记者采访时说，伊朗军队准备好回击。", "阿齐兹"),  # one body
    ("记者从中国铁路青藏集团有限公司获悉，青藏铁路全线通车运营20年来货运量稳步增长。", "中国铁路青藏集团有限公司"),
    ("桑切斯转达费利佩六世国王对习近平主席的诚挚问候，表示很高兴时隔一年再次访华。", "桑切斯"),  # who relays speaks
    ("朴泰成首先转达金正恩总书记对习近平总书记的亲切问候，表示两国友谊历久弥坚。", "朴泰成"),
])
def test_subjects_a_word_inside_their_names_no_longer_cuts(text, speaker):
    assert _frame(text).speaker.name == speaker


@pytest.mark.parametrize("text, speaker", [
    ("欧盟轮值主席国丹麦外交大臣拉斯穆森会后表示，欧盟成员国认为美国的关税威胁“绝对不可接受”。", "拉斯穆森"),  # 大臣
    ("今明两天是本轮高温天气的最强时段，气象部门提醒，公众需持续做好防暑降温措施。", "气象部门"),
    ("另据巴基斯坦媒体报道，巴方外交人士称，美伊双方同意继续谈判。", "巴方外交人士"),  # not 巴方 alone
])
def test_more_titles_departments_and_a_politys_people(text, speaker):
    assert _frame(text).speaker.name == speaker


@pytest.mark.parametrize("text", [
    "中国企业在西投资合作有力促进了西经济发展。",  # 有力促进 holds no 力促 (to urge)
    "央视网消息（新闻联播）：国务院总理李强日前签署国务院令，公布《公平竞争审查条例》，自2024年8月1日起施行。",
    "央视网消息（新闻联播）：中央军委主席习近平日前签署命令，发布新修订的《军队装备科研条例》，自2025年3月1日起施行。",
    "根据中卡两国协议，它们将在卡塔尔居住15年。",  # what an act rests on, no one's report
])
def test_acts_and_their_grounds_report_nothing(text):
    assert _frame(text).speaker is None


def test_a_meeting_convened_then_what_it_discussed_reports_topics_only():
    frame = _frame("国务院总理李强2月5日主持召开国务院第七次全体会议，讨论拟提请十四届全国人大三次会议审议的政府工作报告。")
    assert frame.speaker is None and frame.topic_only


def test_a_directive_followed_is_not_its_givers_words_and_he_is_who_was_just_named():
    said = _said_in("根据习近平总书记重要指示和李强总理要求，国务院副总理张国清9日至10日赴广西指导灾后恢复工作。"
                    "他强调，要集中精力抓好受灾群众生活保障。")
    assert [s["speaker"] for s in said] == [None, "张国清"]
    said = _said_in("王沪宁表示，人民政协要深入学习。\n\n中央政法委书记陈文清出席会议并讲话。他表示，要加强党对社会治理的全面领导。")
    assert said[2]["speaker"] == "陈文清"  # the person just introduced, not the speaker of two sentences before


def test_what_a_leader_tells_his_guest_to_his_face_stays_his_words():
    said = _said_in("李强表示，很高兴同总理先生再次见面。习近平主席同首相先生会晤，就双边关系重大战略性问题深入交换意见。")
    assert [s["speaker"] for s in said] == ["李强", "李强"]
    said = _said_in("李强表示，很高兴同总理先生再次见面。习近平主席同普京总统会晤，就双边关系深入交换意见。")
    assert said[1]["speaker"] != "李强"  # no one addressed: the frame of its own stands


def test_speech_after_a_setting_runs_on_and_two_countries_by_initials_are_no_person():
    said = _said_in("拉夫罗夫转达普京总统对习近平主席的诚挚问候，表示在两国元首战略引领下，俄中关系展现高度韧性。"
                    "面对严峻复杂的国际形势，俄方愿同中方一道，切实落实两国元首达成的重要共识。")
    assert [s["speaker"] for s in said] == ["拉夫罗夫"] * 2  # 表示在…下，…: speech, not a summary
    assert _frame("韩中是邻居，更是密不可分的伙伴。").speaker is None  # 韩中 is Korea and China, not a 韩 surname


@pytest.mark.parametrize("text, source", [
    ("据美国《华盛顿邮报》22日报道，2018年8月美国夏威夷州毛伊岛拉海纳附近也曾发生大火。", "华盛顿邮报"),  # a title
    ("另据中国地震台网公布的消息，阿富汗此次地震为6.9级。", "中国地震台网"),  # a report credited to a body no table knows
    ("同时，根据纽约联邦储备银行的一项研究，美国企业和消费者承担了近90%的关税成本。", "纽约联邦储备银行"),
])
def test_chains_credit_outlets_by_title_and_bodies_no_table_knows(text, source):
    frame = _frame(text)
    assert (frame.speaker.name, frame.source) == (source, source)


@pytest.mark.parametrize("text", ["据了解，今年的产量增加。", "据统计，今年的产量增加。", "据介绍，今年的产量增加。"])
def test_chains_without_a_report_credit_no_one(text):
    assert _frame(text).speaker is None


@pytest.mark.parametrize("text, speaker", [
    ("伊拉克民兵武装“伊斯兰抵抗组织”17日晚称，当天使用无人机和火箭弹发动了袭击。", "伊斯兰抵抗组织"),  # a date between
    ("巴勒斯坦伊斯兰抵抗运动（哈马斯）下属武装派别“卡桑旅”29日称，该组织正处于高度战备状态。", "卡桑旅"),
])
def test_a_quoted_name_then_a_date_then_the_verb(text, speaker):
    assert _frame(text).speaker.name == speaker


def test_they_of_a_readout_are_the_parties_of_the_meeting():
    said = _said_in("National Security Advisor Jake Sullivan met today with Director Yang Jiechi in Rome.\n\n"
                    "Mr. Sullivan raised a range of issues in U.S.-China relations.\n\n"
                    "They also underscored the importance of maintaining open lines of communication.")
    assert said[2]["speaker"] == "双方"


@pytest.mark.parametrize("text", [
    "我们坚决反对任何形式的美台官方往来，严正敦促美国政府停止歪曲一个中国原则。",  # 严正 is an adverb, no name
    "历史经验告诉我们，要保持两国关系平稳健康发展。",  # history teaches: no one speaks
])
def test_adverbs_and_lessons_are_no_speakers(text):
    speaker = _frame(text).speaker
    assert speaker is None or speaker.name not in ("严正", "历史经验")


def test_a_name_right_after_a_reporting_verb_is_its_object():
    speaker = _frame("乌拉圭积极支持共建“一带一路”，赞同习近平主席提出的全球发展倡议，希望加强经贸合作。").speaker
    assert speaker is None or speaker.name != "习近平"  # 赞同习近平主席…: he is what Uruguay endorses
    assert _frame("布林肯转达拜登总统的问候，表示愿意合作。").speaker.name == "布林肯"


def test_a_report_said_again_is_the_outlet_the_story_cited_not_its_sources():
    said = _said_in("据路透社27日援引多名消息人士的话报道，美国已暂停向世界贸易组织出资。"
                    "报道说，截至2024年12月底，美国拖欠世贸组织的出资额为2570万美元。")
    assert said[1]["speaker"] == "路透社"
    frame = _frame("报道称，巴基斯坦和卡塔尔正在努力促成双方重返谈判桌。")  # 努力促成 holds no 力促 (to urge)
    assert frame.speaker.kind == "document" and frame.verb == "称"


@pytest.mark.parametrize("before, speaker", [
    ("毕业典礼上，4位学员代表发言。", "学员代表"),  # counted
    ("与他同行的30多位台湾青年学生，不少人是第一次来大陆。", "台湾青年学生"),
    ("美国联邦快递集团总裁芮思博、日本日立制作所会长东原敏昭、韩国SK海力士社长郭鲁正等先后发言。",
     "芮思博、东原敏昭、郭鲁正等"),  # listed as they speak in turn (社长 is a title)
])
def test_they_and_everyone_are_the_people_the_sentence_before_counts_or_lists(before, speaker):
    said = _said_in("习近平出席会议。\n\n" + before + "大家表示，要把学习成果转化为具体行动。")
    assert said[-1]["speaker"] == speaker


def test_a_questioner_who_names_himself_asks_the_rest_of_his_turn():
    said = _said_in("PRIME MINISTER ALBANESE: Geoff.\n\nQ Yeah, Geoff Chambers from The Australian. Can Australia trust "
                    "Beijing?\n\nPRESIDENT BIDEN: Trust but verify.")
    assert [s["speaker"] for s in said[1:3]] == ["Geoff Chambers"] * 2
    said = _said_in("MR. SULLIVAN: Go ahead.\n\nQ Prime Minister, thank you. On China.")
    assert said[1]["speaker"] == "reporter"  # whom the question is put to is no questioner


def test_a_readouts_closing_marks_end_no_story_and_three_leaders_speak_together():
    said = _said_in("Vice President Kamala Harris today met with President Yoon.\n\nThe Vice President emphasized "
                    "the importance of the alliance.\n\nShe also underscored the benefits of improving ties. ###")
    assert said[2]["speaker"] == said[1]["speaker"] is not None  # ### closes the readout, it opens no new story
    assert _frame("三位领导人认为，此次三方会晤增进了彼此了解。").speaker.kind == "joint"


def test_a_transcript_label_by_title_and_surname_is_the_person_the_heading_names_in_full():
    article = parse_document(b"---\ntitle: Remarks by President Biden and Prime Minister Lee Hsien Loong of Singapore in "
                             b"Joint Press Conference\n---\n\nPRESIDENT BIDEN: Welcome.\n\nPRIME MINISTER LEE: Thank you, "
                             b"Mr. President.\n\nWe are friends.", content_type="text/markdown")
    framing = frame_article(article)
    speakers = [framing[s.index].attribution["speaker"] for s in article.sentences]
    assert speakers[-2:] == ["李显龙", "李显龙"]


def test_a_report_quoting_scholars_gives_the_scholars_words():
    assert _frame("该报导引述学者说法称，美国有责任理解中国的崛起。").speaker.name == "学者"  # not 说法 after a title


@pytest.mark.parametrize("text, speaker", [
    ("近东救济工程处主任专员拉扎里尼表示，这一决定史无前例。", "拉扎里尼"),  # not the tagger's 里尼
    ("伊朗最高领袖穆杰塔巴20日重申伊方三项基本立场。", "穆杰塔巴"),
    ("俄罗斯总统普京表示，很高兴。", "普京"),  # never back into a title
    ("美国住宅贷款抵押公司房地美称，30年期平均利率为6.83%。", "房地美"),  # a company by its bare name
    ("据目击者称，枪手曾出现在校园的两栋建筑物附近。", "目击者"),
    ("6日，当地应急部门称对5节车厢的有毒化学品进行了可控排放。", "当地应急部门"),  # 应急 is no modal 应
    ("当地警方称，枪手在大学内自杀身亡。", "当地警方"),
    ("分析指出，以色列的袭击没有涉及石油设施。", "分析人士"),  # analysts the outlet consulted
])
def test_more_names_companies_witnesses_and_local_authorities(text, speaker):
    assert _frame(text).speaker.name == speaker


@pytest.mark.parametrize("text", [
    "一道呼吁停火止战，通过平等对话解决分歧。",  # 一道 (together) is no name
    "据美国媒体报道，美国副总统万斯预计于21日上午启程前往巴基斯坦。",  # 预计于: is expected to, no belief
    "中国将实行高水平对外开放，加快构建新发展格局，欢迎欧方继续参与。",  # 格局 is no bureau
])
def test_words_that_name_no_speaker_of_their_own(text):
    speaker = _frame(text).speaker
    assert speaker is None or speaker.name not in ("一道", "万斯", "加快构建新发展格局")


@pytest.mark.parametrize("text, speaker", [
    ("国家防总办公室今天（4月21日）组织气象、水利等部门研判指出，南方还将迎来一轮降雨。", "国家防总办公室"),  # organised them
    ("世界卫生组织专家组表示，疫情风险总体可控。", "世界卫生组织专家组"),  # 组织 inside a name: no verb
])
def test_a_body_that_organises_other_departments_is_the_subject(text, speaker):
    assert _frame(text).speaker.name == speaker


@pytest.mark.parametrize("text, speaker, side", [
    ("联合国安理会20日审议乌克兰问题，中国代表发言呼吁当事方保持克制。", "中国代表", "prc_gov"),  # takes the floor
    ("巴西、欧盟、澳大利亚、俄罗斯等成员发言表示，维护多边贸易体制更加重要。", "巴西、欧盟、澳大利亚、俄罗斯等成员", "other_gov"),
    ("埃及、沙特、土耳其等国13日发表声明谴责以方决定。", "埃及、沙特、土耳其等国", "other_gov"),  # countries listed: one group
])
def test_listed_countries_and_who_takes_the_floor_speak(text, speaker, side):
    frame = _frame(text)
    assert (frame.speaker.name, frame.speaker.side) == (speaker, side)


def test_a_list_of_words_that_are_no_countries_is_no_group_of_countries():
    assert _frame("钢铁、汽车、电子等行业表示，订单有所回升。").speaker is None


def test_countries_listed_with_china_are_on_no_one_side():
    assert _frame("中国、俄罗斯等国表示，支持对话。").speaker.side is None


def test_a_document_whose_title_names_its_issuers_speaks_for_them():
    said = _said_in("央视网消息：日前，《中共中央 国务院关于推进乡村全面振兴的意见》（以下简称《意见》）发布。"
                    "《意见》指出，农业农村现代化关系全局。\n\n《意见》要求，要稳定发展粮油生产。")
    assert [s["speaker"] for s in said[1:]] == ["中共中央、国务院"] * 2


def test_two_countries_named_in_a_joint_statements_title_are_no_issuing_body():
    said = _said_in("《中华人民共和国和乌拉圭东岸共和国关于深化全面战略伙伴关系的联合声明》发表。声明指出，双方将深化合作。")
    assert said[1]["speaker"] != "中华人民共和国和乌拉圭东岸共和国"


@pytest.mark.parametrize("text, speaker", [
    ("中央气象台今天升级发布暴雨黄色预警，预计，明天南方降雨将减弱。", "中央气象台"),  # the day ends the subject
    ("国务院安委办、应急管理部今天（9月22日）召开视频调度会，要求各地抓紧安全防范工作。", "国务院安委办、应急管理部"),
    ("得州警方称，该市已进入紧急状态。", "得州警方"),  # a place's police
    ("在联合国大会一般性辩论上，多国领导人谴责单边制裁。", "多国领导人"),
])
def test_subjects_before_the_day_and_local_and_foreign_officials(text, speaker):
    assert _frame(text).speaker.name == speaker


def test_what_a_decree_grants_is_an_act_but_what_it_announces_is_reported():
    assert _frame("埃及总统塞西30日颁布总统令，同意埃及加入金砖国家新开发银行。").speaker is None
    assert _frame("美国总统特朗普4日签署行政令，宣布美国退出联合国人权理事会。").speaker.name == "特朗普"


@pytest.mark.parametrize("text, speaker", [
    ("国务院安委会办公室部署各地做好春节前后安全生产工作，要求各地各部门强化隐患排查。", "国务院安委会办公室"),
    ("格陵兰岛自治政府重申格陵兰岛是丹麦王国的一部分。", "格陵兰岛自治政府"),
])
def test_a_body_that_arranges_work_and_a_territorys_own_government_speak(text, speaker):
    assert _frame(text).speaker.name == speaker


def test_what_both_sides_should_do_inside_a_persons_speech_is_the_persons():
    said = _said_in("习近平强调，过去75年里，中匈关系保持平稳发展。双方要总结宝贵经验，指明未来之路。"
                    "一是坚持平等相待。")
    assert [s["speaker"] for s in said] == ["习近平"] * 3
    reported = _said_in("习近平会见匈牙利总统。双方同意加强合作。")
    assert reported[1]["speaker"] == "双方"  # both sides agreeing is their own report


@pytest.mark.parametrize("text, speaker", [
    ("集会者表示，核污染水排海带来的风险难以估量。", "集会者"),  # those at the rally
    ("反对者则称，特朗普应该被问责。", "反对者"),
    ("日本“中道改革联合”干事长阶猛表示，政府肆意推进武器出口。", "阶猛"),  # a party's secretary-general
])
def test_participants_and_a_partys_secretary_general_speak(text, speaker):
    assert _frame(text).speaker.name == speaker


def test_countries_listed_without_a_group_word_speak_as_one():
    frame = _frame("12日，波兰、匈牙利、斯洛伐克均表示，将继续延长相关限制措施。")
    assert (frame.speaker.name, frame.speaker.side) == ("波兰、匈牙利、斯洛伐克", "other_gov")


def test_a_long_transliterated_name_the_story_introduced_may_hold_the_character_for_day():
    said = _said_in("习近平会见蒙古国总统呼日勒苏赫。\n\n呼日勒苏赫表示，蒙中关系是本地区双边关系的典范。")
    assert said[1]["speaker"] == "呼日勒苏赫"


def test_a_leader_named_with_his_title_inside_anothers_speech_is_recounted():
    said = _said_in("习近平同匈牙利总统舒尤克会谈。\n\n舒尤克表示，今年是匈中建交75周年。"
                    "习近平主席提出全球发展倡议、全球安全倡议，主张加强国际对话合作。匈方期待同中方密切交往。")
    assert [s["speaker"] for s in said[1:]] == ["舒尤克"] * 3
    own = _said_in("会议由张国清主持。王小洪发言表示，要加强安全。习近平总书记强调，要进一步加大人才培养力度。")
    assert own[2]["speaker"] == "习近平"  # the verb right after the title: his own words


@pytest.mark.parametrize("text, speaker", [
    ("美国共和党掌控的国会众议院议长12日称，已要求相关委员会启动调查。", "国会众议院议长"),  # not the party in the clause
    ("主要控制利比亚东部地区的利比亚国民代表大会方面称，洪水导致两座大坝决堤。", "利比亚国民代表大会"),
    ("中国的外交部表示，坚决反对。", "中国外交部"),  # a possessive keeps its polity
])
def test_the_head_after_a_relative_clause_speaks(text, speaker):
    assert speaker_key(_frame(text).speaker.name) == speaker_key(speaker)  # 方面 as written or not: one speaker


def test_a_paragraph_taking_up_the_next_topic_of_a_speech_goes_on_with_it():
    said = _said_in("习近平指出，我们呼吁推动加沙立即实现停火。\n\n关于乌克兰危机，中方已经多次阐明立场。")
    assert [s["speaker"] for s in said] == ["习近平", "习近平"]


def test_the_grounds_an_act_rests_on_are_no_source_even_when_more_follows():
    assert _frame("希望土方根据双方共识达成的合同保障对华供气稳定，特别是冬季对华供气。").speaker is None


def test_a_group_after_a_relative_clause_speaks():
    assert _frame("出席活动的巴西各界嘉宾表示，节目展现了中国发展的成就。").speaker.name == "巴西各界嘉宾"


def test_a_phrase_holding_a_reporting_verb_is_no_speakers_name():
    said = _said_in("卢拉表示，巴中是相互尊重的好伙伴。刚才欢迎仪式上，我特地安排巴西艺术家演唱中文歌曲，"
                    "以此感谢中方的盛情接待并表达巴西人民的深厚情谊。巴方期待推动两国关系取得更多新成果。")
    assert [s["speaker"] for s in said] == ["卢拉"] * 3
    assert _frame("美国媒体报道称，这是波音公司历史上第二严重的季度亏损。").speaker.name == "美国媒体"  # 报道 names it
