"""Attribution rules of the eleventh and twelfth rounds (tests/gold/attribution.yaml, eleventh to sixteenth batches:
CCTV programmes of 2022-2024, White House readouts and background calls): each case is a real dev sentence,
shortened where the rest does not matter; the rules name the speaker the text settles or none."""
from __future__ import annotations

import pytest

from service.framing.speaker_words import side_of_words
from service.framing.speakers import name_phrase

from .test_attribution_rules import _said_in
from .test_attribution_rules_2 import _frame


@pytest.mark.parametrize("text, side", [
    ("国家主席习近平在利雅得会见毛里塔尼亚总统", "other_gov"),  # a country the list lacked
    ("会见卡塔尔埃米尔", "other_gov"),  # a head of state's title
    ("巴林国王", "other_gov"),
    ("老挝建国阵线中央主席", "other_gov"),  # 中央 of Laos, not the PRC's
    ("中共中央政治局委员", "prc_gov"),
    ("越南国家主席", "other_gov"),
])
def test_the_side_of_a_title_chain(text, side):
    assert side_of_words(text, anywhere=True) == side


@pytest.mark.parametrize("phrase, name", [
    ("沙特王储兼首相穆罕默德代表沙特国王萨勒曼", "穆罕默德"),  # on behalf of: the first speaks
    ("国务委员王毅代表习近平主席", "王毅"),
    ("全国人大代表王大明", "王大明"),  # 代表 a noun: a deputy
    ("米歇尔和冯德莱恩", "米歇尔和冯德莱恩"),  # two people, one speaker
    ("哈马斯下属武装派别卡桑旅", "卡桑旅"),  # a unit under another, by its own name
    ("俄罗斯外交部武器不扩散和监管司司长叶尔马科夫", "叶尔马科夫"),  # 夫 of the transliteration table
    ("与会阿方领导人积极呼应习近平", "与会阿方领导人"),  # those at the meeting, not the 习近平 of the object
    ("国际奥委会", "国际奥委会"),
])
def test_who_a_subject_phrase_names(phrase, name):
    speaker = name_phrase(phrase, phrase, phrase + "表示，")
    assert speaker is not None and speaker.name == name


@pytest.mark.parametrize("phrase", ["蔡英文和民进党当局", "友谊之旅", "加快构建新发展格局"])
def test_phrases_that_name_no_one(phrase):
    speaker = name_phrase(phrase, phrase, phrase + "表示，")
    assert speaker is None or speaker.kind != "person" and speaker.side != "other_gov"


def test_a_us_and_a_prc_official_joined_are_both_sides():
    assert name_phrase("王毅和布林肯", "王毅和布林肯", "").kind == "joint"
    assert _frame("Sullivan and Director Wang welcomed advances in cooperation on counternarcotics issues.").speaker.kind \
        == "joint"


@pytest.mark.parametrize("text, verb", [
    ("塔米姆表示，感谢习近平主席对卡塔尔世界杯的祝福。", "表示"),  # the comma after 表示: 感谢 is its content
    ("习近平强调，中方坚定支持突方走符合自身国情的发展道路，相信突方有智慧、有能力维护国家稳定和发展。", "强调"),
    ("通伦高度评价中共二十大取得的重要成果，相信老挝建国阵线中央和中国全国政协将加强交流沟通。", "高度评价"),
    ("赛塔热烈祝贺中方成功举办第三届“一带一路”国际合作高峰论坛，表示泰中关系非常紧密。", "表示"),
    ("各方积极评价圆桌对话会的作用，表示看好中国经济发展前景，欢迎中方优化调整防疫政策。", "表示"),
    ("Mr. Sullivan and Director Wang Yi recognized recent progress in resuming military-to-military communication "
     "and noted the importance of maintaining these channels.", "recognized"),
    ("世界气象组织5日发布报告指出，2011年至2020年是有记录以来最热的十年。", "指出"),
])
def test_which_of_several_verbs_frames_the_words(text, verb):
    assert _frame(text).verb == verb


@pytest.mark.parametrize("text", [
    "中方不想称王称霸，从不搞、今后也不会搞制度输出。",  # 称 of an idiom
    "今天（12月1日），香港、澳门各界人士沉痛悼念江泽民同志，表达深切的怀念和哀思。",  # condolences
    "今天（12月7日），北京发布一系列养老服务政策，推动构建居家社区养老、机构养老、旅居养老相互衔接补充的养老服务体系。",
    "彭丽媛听取关于越南妇女婚姻习俗介绍。",  # an account heard
])
def test_sentences_that_frame_no_words(text):
    frame = _frame(text)
    assert frame.speaker is None or frame.speaker.kind == "body" and frame.verb is None


def test_verbs_of_agreement():
    assert _frame("双方充分肯定今年中欧高层对话成功举行，将继续办好各领域各层级机制性对话。").verb_class == "conciliatory"
    assert _frame("The two sides committed to maintain this strategic channel of communication.").verb_class \
        == "conciliatory"
    assert _frame("Crimes were committed to the region.").speaker is None


WHO_SPEAKS = [  # (document body, the speaker of each sentence in order)
    ("习近平总书记在“四下基层”中要求领导干部调查研究下基层。35年来，福建省各级干部坚持问题导向，深入实际、深入群众，"
     "推动全省经济社会取得新发展。", ["习近平", None]),  # a place named by a quoted term; an instruction does not run on
    ("习近平在宁德工作期间多次下乡调研。随后，他在《弱鸟如何先飞》这篇文章里写道：大家边走边调查、思考、研究。",
     [None, "习近平"]),  # the work the words stand in splits no clause
    ("与会阿方领导人积极呼应习近平发表的重要讲话。他们表示，阿拉伯国家同中国的友好关系建立在相互尊重的基础上。"
     "阿方高度重视中国取得的伟大发展成就，高度赞赏中方提出全球发展倡议。",
     [None, "与会阿方领导人", "与会阿方领导人"]),  # they: the group; its own side in its words
    ("李克强表示，此次对话会传递了维护多边主义的信心。各方积极评价圆桌对话会的作用，表示看好中国经济发展前景。"
     "当天下午，李克强同六大主要国际经济机构负责人合影。他表示，开放的中国欢迎各方来客。",
     ["李克强", "各方", None, "李克强"]),  # 他 after a group's words: the person before them
    ("双方充分肯定今年中欧高层对话成功举行。双方将坚持双向开放、互利共赢。", ["双方", "双方"]),  # agreed goes on
    ("习近平强调，中方高度赞赏海合会国家团结自强。\n\n——做共筑安全的伙伴。", ["习近平", "习近平"]),  # a dash point
    ("其他与会海方领导人高度评价海中关系。海方坚定恪守一个中国原则。\n\n峰会发表《中华人民共和国和海湾阿拉伯国家"
     "合作委员会峰会联合声明》。", ["其他与会海方领导人", "其他与会海方领导人", None]),  # a document issued by name
    ("俄罗斯国防部称，俄军击退了乌军多次进攻。乌方对此没有回应。", ["俄罗斯国防部", None]),  # another country's doings
]


@pytest.mark.parametrize("body, speakers", WHO_SPEAKS)
def test_who_speaks_sentence_by_sentence(body, speakers):
    assert [s["speaker"] for s in _said_in(body)] == speakers


def test_a_leaders_own_side_and_attitudes_stay_in_his_words():
    said = _said_in("国家主席习近平在利雅得会见毛里塔尼亚总统加兹瓦尼。\n\n加兹瓦尼表示，毛中关系发展良好，各领域合作取得"
                    "积极成果。毛方也将继续坚定支持中方在人权问题上的立场，坚决反对任何势力借人权名义干涉中国内政。"
                    "感谢中方长期向毛方提供各种无私援助。")[1:]
    assert [s["speaker"] for s in said] == ["加兹瓦尼"] * 3 and said[0]["side"] == "other_gov"
    assert said[2]["verb"] is None  # 感谢 opens no frame inside his words


@pytest.mark.parametrize("text, source", [
    ("费尔南德斯在贺信中表示，阿中两国已携手走过半个世纪。", "贺信"),
    ("随后，他在《弱鸟如何先飞》这篇文章里写道：大家边走边调查。", "《弱鸟如何先飞》"),
    ("习近平在讲话中指出，几十年来，亚太经合组织带动亚太地区实现大发展。", None),  # a speech is his own act
])
def test_the_written_piece_the_words_stand_in_is_the_source(text, source):
    assert _frame(text).source == source


@pytest.mark.parametrize("phrase, name, side", [
    ("拉马福萨、卢拉、普京、莫迪", "拉马福萨、卢拉、普京、莫迪", "other_gov"),  # listed, as written
    ("捷克和波兰", "捷克和波兰", "other_gov"),  # two polities
    ("以军发言人", "以军发言人", "other_gov"),  # a polity's spokesman, not a bare title
    ("俄媒", "俄罗斯媒体", "media"),  # one spelling per speaker
    ("俄罗斯副外长里亚布科夫", "里亚布科夫", "other_gov"),  # 里 of the transliteration table
    ("外交部副部长马朝旭", "马朝旭", "prc_gov"),  # a bare ministry is China's
    ("研讨班学员们", "研讨班学员们", "other"),  # a role in the plural
    ("谢尔达尔·别尔德穆哈梅多夫", "别尔德穆哈梅多夫", None),  # a long surname after the dot, as people are keyed
])
def test_who_a_subject_phrase_names_and_on_which_side(phrase, name, side):
    speaker = name_phrase(phrase, phrase, phrase + "表示，")
    assert (speaker.name, speaker.side) == (name, side)


def test_a_business_head_is_not_on_the_side_of_the_minister_who_met_him():
    assert side_of_words("国务院总理李强在北京会见美国商会会长", anywhere=True) == "other"


@pytest.mark.parametrize("text, speaker", [
    ("另据乌克兰国家通讯社27日报道称，乌军已从阿夫杰耶夫卡方向的两个村庄撤出。", "乌克兰国家通讯社"),
    ("在前海嘉里中心，李强听取前海深港现代服务业合作区建设情况汇报，要求加大先行先试力度。", "李强"),
    ("得州州长阿博特27日针对60个县发布灾难声明。", None),  # a statement issued, nothing reported
    ("财政部有关负责人介绍，近期我国明确了多项税费优惠政策。", "财政部有关负责人"),  # not 我国 of the content
    ("在采访中特罗约表示，世界经济的重心在向大型新兴经济体转移。", "特罗约"),  # where it was said opens no subject
    ("俄国防部3日称，俄军在赫尔松等地打击乌军指挥所。", "俄罗斯国防部"),  # one spelling per body
    ("自然资源部近日下发通知，鼓励各地制定土地多种用途混合使用等规则。", "自然资源部"),  # the issuer of the notice
    ("国家粮食和物资储备局今天（6月13日）最新发布，目前夏粮收购开局良好。", "国家粮食和物资储备局"),
    ("在清华大学交叉信息研究院，姚期智正在与同学们围绕人工智能推理相关问题展开交流讨论。", None),  # topics only
    ("与会领导人围绕主题，就金砖合作及共同关心的重大国际问题深入交换意见。", None),  # a group's talk: topics only
    ("黎真主党领导人纳斯鲁拉在以军空袭中死亡后，萨菲丁被认为是纳斯鲁拉的继任者。", None),  # thought of, by no one
    ("当听说博物馆是根据诗丽吉王太后意愿建立时，彭丽媛表示赞赏，并说这和中国的理念很相近。", "彭丽媛"),  # 听说: heard
    ("今天（11月2日），三峡集团发布消息，白鹤滩水电站11号机组顺利通过72小时试运行。", "三峡集团"),
    ("娜拉蓬深表赞同，说莲花是泰国人礼佛的花。", "娜拉蓬"),  # the tagger's 娜拉, its transliteration whole
    ("彭丽媛高兴地表示，这生动反映了中泰人民价值理念相近相通。", "彭丽媛"),  # an adverb glued to the name
    ("在看到博物馆出售的作品时，彭丽媛欣然表示要购买一些。", "彭丽媛"),
])
def test_the_speaker_of_a_sentence(text, speaker):
    frame = _frame(text)
    assert (frame.speaker.name if frame.speaker is not None else None) == speaker


def test_a_stance_after_outlined():
    frame = _frame("The U.S. delegation outlined clear areas of concern with respect to the purpose of the agreement.")
    assert frame.speaker.side == "us_gov" and frame.verb_class == "accusatory"


def test_a_transcript_label_takes_the_side_its_introduction_gives():
    said = _said_in("MODERATOR: Our speaker on the call is Kurt Campbell, who is Deputy Assistant to the President.\n\n"
                    "MR. CAMPBELL: Thanks so much.\n\nWe have kept the lines of communication open.")
    assert said[1]["speaker"] == said[2]["speaker"] == "Campbell" and said[2]["side"] == "us_gov"
