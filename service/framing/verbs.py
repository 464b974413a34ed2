"""Which reporting verbs of a sentence frame what it reports: the hits of the lexicon outside quotes, less those
that are part of a longer word, negated, inside a 据 chain or a relative clause, or an act that reports nothing."""
from __future__ import annotations

import re

from .lexicon import lexicon
from .reading import Reading
from .subject_patterns import LATIN

PASSIVE = frozenset("被")
NEGATION = re.compile(r"(?:未|没有|沒有|没|沒|不|并未|並未|从未|從未|无|無|did not|didn't|does not|never)\s*$")
ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s*$")
CLOSING_QUOTES = frozenset("”」』")
WELCOMING = frozenset({"欢迎", "歡迎"})
CEREMONY_BEFORE = re.compile(r"仪式[，,]\s*$|儀式[，,]\s*$")
PUBLISHING = frozenset({"公布", "发布", "發布"})
CLAUSE_AFTER = re.compile(r"[，,：:；;]")
HEARD = re.compile(r"(?:听取|聽取|听了|聽了)[^，,。；;：:后後时時]*$")  # 听取关于…习俗介绍: what was heard, a noun
VISITED_PLACE = re.compile(r"(?:来到|來到|走进|走進)[^，,。；;：:并並]*$")  # 来到乐金显示广州制造基地
LEARNING = frozenset({"得知", "获悉", "獲悉"})
FIRST_PERSON_LATER = re.compile(r"[，,]\s*(?:我|我们|我們)(?![国國方])")
NOUN_BEFORE = re.compile(r"的[^，,。；;：:的]{1,6}$")  # 总书记的指示要求: the verb ends a noun phrase
CAUSATIVE_AFTER = re.compile(r"\s*[，,]\s*(?:让|讓|使|令)(?!我们|我們|咱们|咱們)")
CONDOLENCE = re.compile(r"[^，,。；;：:]{0,6}?(?:慰问|慰問|哀悼|哀思|悼念|怀念|懷念|吊唁|弔唁|缅怀|緬懷)(?:之情)?\s*(?:[。；;]|$)")
MEASURES_ISSUED = re.compile(r"[^，,。；;：:]{0,28}?(?:政策|措施|举措|舉措|方案|办法|辦法|规定|規定|规划|規劃|计划|計劃|"
                             r"指南|标准|標準|清单|清單|名单|名單|细则|細則)\s*(?:[，,。；;]|$)")
DOCUMENT_THEN_VERB = re.compile(r"了?(?:一份|一项|一項|最新)?(?:报告|報告|声明|聲明|公报|公報|文章|白皮书|白皮書)"
                                r"(?:称|稱|说|說|指出|表示|强调|強調|显示|顯示)")
PUBLICATION_END = re.compile(r"(?:》|报告|報告|白皮书|白皮書|公报|公報|数据|數據|声明|聲明)\s*[。.]?\s*$")


def framing_verbs(reading: Reading, start: int, chains: list[tuple[int, int]]) -> list:
    """Reporting verbs outside quotes, after the byline, not negated, not inside a longer word or a 据 chain (`chains`:
    their spans), not in a relative clause, not an act that reports nothing (举行仪式，欢迎…; 发布…报告。), not a noun
    whose effect follows (…要求，让…), not in the place a visit goes to (来到乐金显示…) or the account heard
    (听取…介绍), not what a first-person
    speaker learned (得知…，我很欣慰)."""
    taken = [(m.start, m.end) for category in ("verb", "not_verb") for m, _ in reading.hits.get(category, ())]
    verbs = []
    for match, outside_quote in reading.hits.get("verb", ()):
        if not outside_quote or match.start < start:
            continue
        if any(s <= match.start and match.end <= e and (e - s) > (match.end - match.start) for s, e in taken):
            continue  # 称 inside 声称 or 名称
        if any(s <= match.start < e for s, e in chains) or NEGATION.search(reading.outside[max(0, match.start - 4):match.start]):
            continue
        if reading.outside[match.start - 1:match.start] in PASSIVE and not LATIN.match(match.word):
            continue  # 萨菲丁被认为是…的继任者: what is thought of him, by no one named
        if LATIN.match(match.word) and not _english_verb_position(reading.outside, match):
            continue
        if reading.outside[match.end:match.end + 1] == "的" and not LATIN.match(match.word):
            continue  # 习近平主席在论坛宣布的八项行动: a verb in a relative clause frames nothing
        if reading.outside[match.start - 1:match.start] == "的" and lexicon().verbs.get(match.word) == "belief" \
                and not CLAUSE_AFTER.match(reading.outside, match.end):
            continue  # 提振了…对美中关系未来的预期和信心: an expectation named after 的: a noun, not a report
        if match.start > 0 and reading.text[match.start - 1] in CLOSING_QUOTES and match.word in lexicon().nouns_after_terms:
            continue  # 落实“重实践”要求: a noun after the term it names
        if match.word in LEARNING and FIRST_PERSON_LATER.search(reading.outside, match.end):
            continue  # 得知…取得新的成效，我很欣慰: what the speaker learned, in his own words
        if VISITED_PLACE.search(reading.outside, 0, match.start):
            continue  # 习近平来到乐金显示广州制造基地…考察: part of the name of the place visited
        if HEARD.search(reading.outside, 0, match.start):
            continue  # 听取关于越南妇女婚姻习俗介绍: the account heard, not the subject's report
        if CAUSATIVE_AFTER.match(reading.outside, match.end) and not LATIN.match(match.word) \
                and NOUN_BEFORE.search(reading.outside, 0, match.start):  # not 他强调，让中国大飞机翱翔蓝天…
            continue  # 总书记的指示要求，让干部群众精神振奋: a noun whose effect is told, not a report
        if match.word in WELCOMING and CEREMONY_BEFORE.search(reading.outside, 0, match.start):
            continue  # 举行仪式，欢迎…进行国事访问: what the ceremony is for, not a report
        if CONDOLENCE.match(reading.outside, match.end):
            continue  # 向江泽民同志亲属表示深切慰问。, 表达深切的怀念和哀思: condolences offered, nothing reported
        if match.word in PUBLISHING and MEASURES_ISSUED.match(reading.outside, match.end):
            continue  # 北京发布一系列养老服务政策，推动…: measures issued, their content not reported
        if match.word in PUBLISHING and DOCUMENT_THEN_VERB.match(reading.outside, match.end):
            continue  # 世界气象组织发布报告指出: the verb after the document frames the words
        if match.word in PUBLISHING and CLAUSE_AFTER.search(reading.outside, match.end) is None \
                and PUBLICATION_END.search(reading.text):
            continue  # 发布新一期《…》报告。, 公布3月份运营数据。: a publication, its content not given
        verbs.append(match)
    return verbs


def _english_verb_position(outside: str, match) -> bool:
    """An English verb used as one ("said", not "the said", "reported cases")."""
    before = outside[max(0, match.start - 5):match.start]
    return not ARTICLE_BEFORE.search(before)
