"""Attribution rules written in the rounds on fresh dev documents (seventh to ninth batches of
tests/gold/attribution.yaml): each case is a real dev sentence whose speaker, side or type a rule settles."""
from __future__ import annotations

import pytest

from service.framing.attribution import frame_article, quote_mask
from service.ingest import parse_document


# Seventh round (CCTV 2023-04-06 and 2023-12-13, the Finer-Ma Zhaoxu readout of 2024-05-30)
def _said_in(body: str) -> list[dict]:
    article = parse_document("标题\n\n" + body)
    framing = frame_article(article)
    return [framing[s.index].attribution for s in article.sentences if s.text != "标题"]


def test_polity_before_guojia_decides_the_side():
    from service.framing.speaker_words import side_of_words
    assert side_of_words("习近平在河内主席府同越南国家主席", anywhere=True) == "other_gov"


def test_two_general_secretaries_are_joint():
    from service.framing.frames import parse_frame
    text = "两位总书记都认为，中越作为友好近邻，理想相同，理念相通。"
    assert parse_frame(text, bytes(quote_mask(text))).speaker.kind == "joint"


def test_english_pair_with_a_long_title_is_joint():
    from service.framing.frames import parse_frame
    text = ("Mr. Finer and Executive Vice Minister of Foreign Affairs Ma reaffirmed their support for continued "
            "high-level diplomacy and interactions between the United States and the People’s Republic of China.")
    assert parse_frame(text, bytes(quote_mask(text))).speaker.kind == "joint"


def test_on_behalf_of_ends_the_subject():
    from service.framing.frames import parse_frame
    text = "范明政代表越南政府热烈欢迎习近平主席到访，表示，越中两国理想相同、道路相似。"
    assert parse_frame(text, bytes(quote_mask(text))).speaker.name == "范明政"


def test_points_proposed_open_a_list_of_speech():
    said = _said_in("习近平就构建中越命运共同体提出几点建议。\n\n政治上，要把准方向。")
    assert [s["speaker"] for s in said] == ["习近平", "习近平"]


def test_first_person_after_a_time_word_goes_on():
    said = _said_in("习近平指出，当前，中越关系持续向好发展。昨天，我同阮富仲总书记一道见证双方签署数十份合作文件，"
                    "涵盖了两党两国合作的方方面面，充分说明中越关系的广度和深度。")
    assert said[1]["speaker"] == "习近平"


def test_welcome_luncheon_is_no_frame():
    from service.framing.frames import parse_frame
    text = "会谈后，习近平和夫人彭丽媛出席武文赏夫妇举行的欢迎午宴。"
    assert parse_frame(text, bytes(quote_mask(text))).speaker is None


def test_bare_spokesperson_is_the_one_named_before():
    said = _said_in("外交部发言人就蔡英文“过境”窜美发表谈话。\n\n发言人表示，美方不顾中方严正交涉和反复警示，执意允许台湾地区领导人"
                    "蔡英文“过境”窜美。")
    assert said[0]["type"] == "indirect" and said[1]["speaker"] == said[0]["speaker"] == "中国外交部"


def test_transliterated_name_with_a_surname_character_is_kept_whole():
    said = _said_in("冯德莱恩表示，欧中利益交融紧密。")
    assert said[0]["speaker"] == "冯德莱恩"


NAMED_SPEAKERS = [  # (text, speaker of its last sentence, side): who speaks, by a rule of names or bodies
    ("近日，中共中央发出关于印发《习近平新时代中国特色社会主义思想学习纲要（2023年版）》的通知。\n\n"
     "《通知》指出，为推动全党全社会深刻领悟“两个确立”的决定性意义，中央宣传部对《学习纲要》进行修订。", "中共中央", "prc_gov"),
    ("中共中央台办发言人就蔡英文“过境”窜美发表声明。\n\n声明指出，一段时间以来，民进党当局误判形势，出卖民族利益。",
     "中共中央台办发言人", "prc_gov"),
    ("巴勒斯坦红新月会称，有6名巴勒斯坦人在冲突中受伤。", "巴勒斯坦红新月会", "other"),
    ("与会同志们表示，要积极谋划，扎实推进，确保明年经济工作重点任务落地落实。", "与会同志们", "prc_gov"),
    ("全国人大常委会委员长赵乐际16日下午在人民大会堂同摩洛哥众议长阿拉米举行会谈。\n\n"
     "阿拉米表示，摩洛哥珍视同中国牢固的战略伙伴关系。", "阿拉米", "other_gov"),
    ("记者从北京边检总站获悉，截至今天（5月16日）13时，北京口岸今年以来出入境人员量突破600万人次。", "北京边检总站", "prc_gov"),
]


@pytest.mark.parametrize("body,speaker,side", NAMED_SPEAKERS)
def test_named_speaker_and_side(body, speaker, side):
    said = _said_in(body)[-1]
    assert (said["speaker"], said["side"], said["type"]) == (speaker, side, "indirect")


def test_spokesman_of_a_ministry_speaks_for_it():
    said = _said_in("今天（4月6日），国防部新闻发言人就蔡英文“过境”窜美发表谈话。\n\n发言人指出，我们坚决反对任何形式的"
                    "美台官方往来。我们敦促美方信守在台湾问题上向中方作出的严肃政治承诺。")
    assert [s["speaker"] for s in said] == ["国防部新闻发言人"] * 3 and said[0]["side"] == "prc_gov"


def test_long_english_title_gives_the_side():
    said = _said_in("Principal Deputy National Security Advisor Jon Finer met today with People’s Republic of China "
                    "Executive Vice Minister of Foreign Affairs Ma Zhaoxu. Mr. Finer affirmed the importance of "
                    "maintaining peace and stability across the Taiwan Strait.")
    assert said[-1]["speaker"] == "Finer" and said[-1]["side"] == "us_gov"


def test_speech_goes_on_after_a_congratulation_with_a_belief():
    said = _said_in("武文赏再次祝贺中方成功举办第三届“一带一路”国际合作高峰论坛，相信在以习近平总书记为核心的中共中央领导"
                    "和习近平新时代中国特色社会主义思想指导下，中国一定能够实现中共二十大确立的各项目标。"
                    "中国的发展和成功将给予越南巨大鼓舞和支持。")
    assert said[1]["speaker"] == "武文赏" and said[1]["type"] == "indirect"


def test_what_the_leaders_agreed_yesterday_is_recalled_by_the_speaker():
    said = _said_in("武文赏表示，习近平总书记对越南进行国事访问是越中关系中的重大历史事件。昨天两党总书记一致同意，共同"
                    "构建具有战略意义的命运共同体，这为越中关系未来指明了方向。")
    assert said[1]["speaker"] == "武文赏"


def test_un_agencies_speak_for_no_government():
    said = _said_in("国际货币基金组织13日发布报告称，近年来，全球经济增长放缓。\n\n"
                    "国际货币基金组织总裁格奥尔基耶娃表示，今年将看到中国经济强劲复苏。")
    assert [(s["speaker"], s["side"]) for s in said] == [("国际货币基金组织", "other"), ("格奥尔基耶娃", "other")]


def test_time_words_before_the_verb_are_not_the_subject():
    said = _said_in("此外，以色列国防军15日晚称，以军战机当天轰炸了黎巴嫩南部的黎巴嫩真主党武装火箭弹发射场等目标。"
                    "黎巴嫩真主党武装同一天称，该武装发射的多架无人机击中了以军基地。以军当晚回应称，这是最远的打击。")
    assert [s["speaker"] for s in said] == ["以色列国防军", "黎巴嫩真主党武装", "以色列国防军"]


def test_one_character_country_before_a_body_gives_its_side():
    said = _said_in("俄联邦安全局13日称，自2022年年初以来，已记录超过5000次对俄罗斯关键基础设施的网络攻击。\n\n"
                    "斯洛伐克副总理塔拉巴表示，菲佐接受了手术，目前没有生命危险。")
    assert [s["side"] for s in said] == ["other_gov", "other_gov"]


def test_entrusting_is_an_appeal_to_a_listener():
    said = _said_in("在这里考察时，习近平总书记嘱托大家，这片红树林是“国宝”，要像爱护眼睛一样守护好。")
    assert said[0]["speaker"] == "习近平" and said[0]["verb_class"] == "appeal" and said[0]["listener"] == "大家"


RUNNING_SPEECH = [  # a leader's speech, in its paragraph, runs on past another leader or the other country
    ("赵乐际", "赵乐际表示，长期以来，中法关系走在中国同西方大国关系前列。习近平主席和总统先生保持密切交往，共同引领"
               "新时期中法关系保持积极发展势头。中方愿同法方一道，落实好两国元首战略共识。"),
    ("范明政", "范明政代表越南政府热烈欢迎习近平主席到访，表示，越中两国理想相同、道路相似。昨天阮富仲总书记和习近平"
               "总书记从战略高度确定了构建具有战略意义的越中命运共同体的新定位。越方敬佩中国改革开放的巨大进展。"),
    ("韩正", "4月14日，国家副主席韩正在北京会见德国外长贝尔伯克。\n\n韩正表示，去年11月，习近平主席同来华访问的朔尔茨总理深入交流，共同擘画中德关系未来发展蓝图。"
             "德国已连续近50年是中国在欧洲最大贸易伙伴，双方经济互补性强，合作空间广阔。"
             "中国将持续扩大市场准入，欢迎包括德国在内的各国企业共享中国新发展带来的新机遇。"),
    ("普京", "普京表示，我很高兴在就任新一届俄罗斯总统后再次访华。去年3月习近平主席也在连任后不久即对俄进行国事访问。"
             "这是我们两国的友好传统。"),
]


@pytest.mark.parametrize("speaker,body", RUNNING_SPEECH)
def test_speech_goes_on_past_other_leaders_and_the_other_country(speaker, body):
    assert [s["speaker"] for s in _said_in(body)][-3:] == [speaker] * 3


def test_first_person_with_another_leader_is_still_the_speaker():
    said = _said_in("习近平强调，今年是中俄建交75周年。中俄关系已经成为相邻大国关系的典范。\n\n"
                    "一是坚持以相互尊重为根本。我同普京总统一致认为，关键在于相互尊重、平等相待。\n\n"
                    "五是坚持以公平正义为宗旨，致力于推动热点问题政治解决。")
    assert [s["speaker"] for s in said] == ["习近平"] * 5


def test_own_country_as_its_government_in_a_leaders_speech():
    said = _said_in("普京表示，俄中两国政府间合作机制运作良好。今天双方签署系列合作文件，表明双方继续深化拓展互利合作的决心。"
                    "俄方赞赏中方在重大国际地区事务中秉持客观公正立场，愿同中方继续密切战略协作。")
    assert [s["speaker"] for s in said] == ["普京"] * 3


def test_welcome_ceremony_and_a_published_report_report_nothing():
    said = _said_in("国家主席习近平14日下午在人民大会堂东门外广场举行仪式，欢迎巴西联邦共和国总统卢拉对我国进行国事访问。"
                    "世界贸易组织5日发布新一期《全球贸易数据与展望》报告。")
    assert [s["type"] for s in said] == ["unattributed", "unattributed"]


NAMED_LAST = [  # (ninth batch) who speaks in the last sentence, and on which side
    pytest.param("总书记的重要指示在广大干部群众中引起强烈反响。大家表示，要凝心聚力、奋斗实干，在新征程上不断创造新的辉煌。",
                 "广大干部群众", "other", id="plural-pronoun-is-the-group-named-before"),
    pytest.param("《习近平著作选读》第一卷、第二卷出版座谈会22日在京召开，中共中央政治局常委、中央书记处书记蔡奇出席会议并讲话。"
                 "他表示，编辑出版《习近平著作选读》是党中央作出的重大决定。", "蔡奇", "prc_gov",
                 id="pronoun-is-the-one-person-named-before-not-a-name-in-a-book-title"),
    pytest.param("据美国媒体21日报道，她的母亲说，她曾多次请求拘留设施人员将生病的女儿转到医院治疗，但遭到无视。",
                 "她的母亲", "other", id="a-kin-of-a-pronoun-speaks-unnamed"),
    pytest.param("美国《大西洋月刊》日前刊文称，美国每天仍有数万人确诊，数百人因新冠死亡。", "大西洋月刊", "media",
                 id="a-periodical-named-by-its-title-is-media"),
    pytest.param("记者从应急管理部获悉，截至10月7日18时，全国安全形势总体平稳，未发生重大生产安全事故和自然灾害。",
                 "应急管理部", "prc_gov", id="a-ministry-whose-name-starts-like-a-modal-is-a-body"),
    pytest.param("负责调查“北溪”天然气管道泄漏事件的瑞典检察官6日表示，可以确认瑞典专属经济区内的“北溪”管道附近发生了爆炸。",
                 "瑞典检察官", "other_gov", id="the-head-after-a-relative-clause-speaks"),
    pytest.param("近日，中共中央办公厅、国务院办公厅印发了《关于加强新时代高技能人才队伍建设的意见》，并发出通知，"
                 "要求各地区各部门结合实际认真贯彻落实。《意见》指出，要深入实施新时代人才强国战略。",
                 "中共中央办公厅、国务院办公厅", "prc_gov", id="a-policy-document-speaks-for-who-issued-it"),
    pytest.param("近日，中共中央办公厅、国务院办公厅印发了《关于加强新时代高技能人才队伍建设的意见》，并发出通知，"
                 "要求各地区各部门结合实际认真贯彻落实。", "中共中央办公厅、国务院办公厅", "prc_gov",
                 id="who-issues-a-notice-asks-what-it-asks"),
    pytest.param("另据报道，德国前总理默克尔6日表示，只有在俄罗斯的参与下，欧洲才能实现持久和平。", "默克尔", "analyst",
                 id="a-former-leader-speaks-for-no-government"),
]


@pytest.mark.parametrize("body,speaker,side", NAMED_LAST)
def test_who_speaks_last_and_on_which_side(body, speaker, side):
    said = _said_in(body)[-1]
    assert (said["speaker"], said["side"]) == (speaker, side)


SPEAKERS_IN_ORDER = [  # (ninth batch) the speaker of each sentence: where speech runs on and where narration starts
    pytest.param("习近平总书记强调，因地制宜大力发展特色产业，推进农村一二三产业融合发展，拓宽农民增收致富渠道。"
                 "总书记的讲话饱含对农业、农村、农民的殷殷关切。", ["习近平", None],
                 id="a-bare-title-and-de-is-the-outlets-narration"),
    pytest.param("习近平总书记指出，陕西要更加主动融入和服务构建新发展格局。"
                 "日前，中哈（西安）商贸物流有限责任公司场站项目正式开工，未来将成为哈萨克斯坦在中国重要的货物集散基地。",
                 ["习近平", None], id="news-of-the-days-before-is-not-more-of-the-speech"),
    pytest.param("中国外交部发言人指出，台民进党当局执意唆使其所谓“邦交国”搞涉台提案。"
                 "这些逆历史潮流而动、故意破坏国际规则的恶劣行径，受到世界上主持正义国家的一致反对。",
                 ["中国外交部发言人"] * 2, id="upholding-justice-is-no-chairing"),
    pytest.param("习近平强调，当今世界，冷战思维阴魂不散。我同普京总统一致认为，解决巴以冲突问题迫在眉睫。"
                 "要切实执行联合国决议，以“两国方案”为基础解决巴勒斯坦问题。双方一致认为政治解决乌克兰危机是正确方向。"
                 "中方在这一问题上的立场是一贯的、明确的。中方期待欧洲大陆早日恢复和平稳定，愿继续为此发挥建设性作用。",
                 ["习近平"] * 6, id="what-both-sides-agreed-inside-a-leaders-unframed-speech-is-his"),
    pytest.param("习近平总书记在讲话中指出，陕西要实现追赶超越。总书记的指示要求，让投身科技创新领域的干部群众精神振奋、倍受鼓舞。",
                 ["习近平", None], id="a-noun-whose-effect-follows-frames-nothing"),
    pytest.param("本月17日，一名8岁移民女童在美国得克萨斯州被拘留期间死亡。据美国媒体21日报道，美国海关官员说，她曾多次求助。"
                 "17日，女童病情加重，在得克萨斯州哈灵根被送医后死亡。", [None, "美国海关官员", None],
                 id="words-credited-to-a-report-do-not-run-on"),
    pytest.param("日前，多家上市航空公司公布3月份运营数据。", [None], id="data-published-without-its-figures-report-nothing"),
    pytest.param("习近平总书记来到乐金显示广州制造基地、广汽埃安新能源汽车股份有限公司、广汽研究院考察调研。", [None],
                 id="a-reporting-verb-inside-the-place-visited-frames-nothing"),
]


@pytest.mark.parametrize("body,speakers", SPEAKERS_IN_ORDER)
def test_speakers_sentence_by_sentence(body, speakers):
    assert [s["speaker"] for s in _said_in(body)] == speakers


def test_what_a_first_person_speaker_learned_is_no_frame():
    said = _said_in("习近平在回信中说，看到来信，我想起五年前同大家交流垃圾分类工作的情景。"
                    "得知经过这几年的宣传推动，垃圾分类在你们那里取得新的成效，居民文明程度提高了，社区环境更美了，我很欣慰。")
    assert (said[1]["speaker"], said[1]["verb"]) == ("习近平", None)


def test_a_chain_that_writes_no_reporting_verb_gives_none():
    said = _said_in("根据德国工业联合会的调查，受到能源短缺的影响，已有10%的德国中型企业减产或停产。")[0]
    assert (said["speaker"], said["verb"], said["verb_class"]) == ("德国工业联合会", None, None)
