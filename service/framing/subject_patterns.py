"""The patterns a subject phrase is read by: where a subject ends and a listener starts (对/向/与), bylines,
adverbial and conditional openings, English subject ends. Shared by subjects.py, listeners.py and frames.py."""
from __future__ import annotations

import re

BYLINE = re.compile(r"^\s*(?:[（(][^（）()]{2,16}[）)]|[^，,。：:]{0,16}?(?:消息|电|電|讯|訊)\s*(?:[（(][^（）()]*[）)])?\s*[：:]"
                    r"|[^，,。]{0,40}###\s*\S+)")
# words that end a subject phrase: prepositions (对/向 start the listener), the verbs of meeting and issuing, and
# adverbs between a subject and its verb (美国官员开始更迫切地提出); 与/和/同/跟 are looked at on their own
SUBJECT_END = re.compile(
    r"(?<=..)(?:还|還|也(?![门門纳納])|则|則|均|亦|又|曾|已|再|更|正|将|將|并|並|(?<![但就还還可于於凡只正总總要若倒硬都也])是(?![否非])|(?<![重主需只纲綱])要(?!求)|应该|應該|应当|應當|"
    r"(?<![反响響适適呼回答供相感效])应(?![对對用邀急])|必须|必須|(?<![邀申提聘宴])请(?![求示]))|(?<=.)(?:已经|已經|开始|開始|一再|多次|再次|首先|随后|隨後|"
    r"同时|同時|一直|始终|始終|进一步|進一步|长期|長期|长年|長年|纷纷|紛紛|高度评价|高度評價|积极评价|積極評價|评价|評價|"
    r"(?<![反针相面绝敌应以])对(?![话於于手方象抗比外])|對(?![話於手方象抗比外])|向(?!来|來)|"
    r"(?<![现現存实實正所自内內])在|(?<![位关關对對由属屬至等基处處终終善])于|給|给|(?<![成])就(?![是])|"
    r"(?<![自])从|從|把|被|当|當|(?<![作认認因成称稱视視以行更])为(?![了何什])|通过|通過|围绕|圍繞|结合|結合|针对|針對|接受|出席|会见|會見|会晤|會晤|举行|舉行|"
    r"访问|訪問|抵达|抵達|主持|应邀|應邀|(?<=[室部委局院厅廳署办辦])(?:部署)|(?:发言|發言)(?=\s*[，,]?\s*(?:表示|指出|呼吁|呼籲|强调|強調|称|稱|说|說|认为|認為|$))|(?:组织|組織)(?=[^，,。]{2,24}?等(?:部门|部門|单位|單位|机构|機構|专家|專家))|签署|簽署|发表|發表|发布|發布|公布|作出|做出|受到|得到|获得|獲得|赢得|贏得|致信|致电|致電|致函|转达|轉達|复信|"
    r"復信|回信|代表(?![团團们們处處])(?=[^，,。]{0,12}?(?:党|黨|政府|国家|國家|人民|中央)))")  # 阮富仲代表越南党…欢迎: on behalf
# of (not 代表团团长, a delegation's head); 也 is no adverb in 维也纳, 也门; 组织…等部门 organises them (世界卫生组织等机构 has no words in between); 中国代表发言表示: the one who takes the floor; a body 部署各地…, 要求…: what it arranged
COMITATIVE = re.compile(r"(?<=.)(?:(?<![参给赋授])与|與|(?<![共])和(?![平谐諧解])|(?<![共陪认認赞讚相如])同(?![意時时样樣步期])|跟)")
COMITATIVE_HINT = re.compile("[与與和同跟]")  # every character COMITATIVE can match: the cheap test before it
AFTER_LISTENER = re.compile(r"^[^，,]{1,16}?(?:会晤|會晤|会见|會見|会谈|會談|通话|通話|通电话|見面|见面|会面|會面|举行|舉行|"
                            r"这样|這樣|这么|這麼|就|在|对|對|时|時)")
PREDICATE_MATERIAL = re.compile(r"了|过|過|进行|進行|作|做|给予|加以|予以|方面|围绕|圍繞|^\s*(?:对|對|就|从|從|向|在|于)")
PASSIVE_AGENT = re.compile(r"被(?P<who>[^，,。]{1,12}?)$")
PP_OPEN = re.compile(r"(?:对|對|就|针对|針對|关于|關於|围绕|圍繞|在(?=\s*$))")  # 在“四下基层”中: a place named by a quoted term
LISTENER_WORDS = ("对", "對", "向", "跟", "同", "与", "與", "和", "给", "給")
LEARNED_AT = re.compile(r"(?:从|從)(?P<who>[^，,。]{2,16}?)$")  # 记者从公安部|获悉: the body is the speaker
ADVERBIAL_START = re.compile(r"^\s*(?:在|当|當|看到|聽到|听到|得知|随着|隨著|针对|針對|对于|對於|关于|關於|据|據|根据|根據|按照|为了|為了|"
                             r"自从|自從|截至|面对|面對|作为|作為|除了|通过|通過|in |on |at |during |after |before |"
                             r"building on |speaking |asked )")
ENGLISH_SUBJECT_END = frozenset(
    "to in on at about with for from during after before by that who which while over of as when where "
    "whether because since if than".split())
INVERTED = frozenset({"said", "says", "added", "told", "asked", "wrote"})  # "…," said Blinken
LATIN = re.compile(r"[a-z]")
MEETING_WITH = re.compile(r"\s*(?:与|與|和|同|跟|and)\s*[^，,]{0,10}$")
JOINER = re.compile(r"和|与|與|同|及|、|\band\b")
PRESCRIPTIVE_START = re.compile(r"\s*(?:要|应该|應該|应当|應當|应|應|必须|必須|需要|不能|不要|坚持|堅持|推动|推動|加强|加強)")
TITLE_AFTER_NAME = 4  # 习近平总书记, 拜登总统: a subject's name is its head, followed at most by a title
CONDITIONAL_START = re.compile(r"^\s*(?:若|如果|假如|倘若|一旦|除此之外|除了|此外|另外|同时|同時|不过|不過|但是?|而且?|if |but |and )")
QUOTE_MARKS = frozenset('“”「」『』')
LISTENER_CONTEXTS = (re.compile(r"(?:向|对|對|跟|给|給)(?P<who>[^，,]{1,8})$"),
                     re.compile(r"(?:与|與|同|跟|和)(?P<who>[^，,]{1,8}?)(?:会晤|會晤|会见|會見|会谈|會談|见面|見面|会面|會面|通话|通話)"),
                     re.compile(r"接受(?P<who>[^，,]{1,8}?)(?:专访|專訪|采访|採訪|访问|訪問)"))
CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
MIN_LISTENER_CHARS, MAX_LISTENER_CHARS = 2, 4  # a plain noun as the listener: 记者, 总台记者, 国际社会
LISTENER_STOP_CHARACTERS = "的了是在和与这那其该此我你您他她们也都又被把对向将要应能可不没无所之而且或但若着过"

