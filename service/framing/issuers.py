"""Documents and who issued them: a sentence where someone signs, publishes or issues a document (习近平签署…主席令,
中共中央发出…通知, 发言人…发表声明) says who speaks when that document later 说/指出 in the story."""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from ..text.normalize import alias_table, fold
from ..text.patterns import CLAUSE_END
from .speakers import Speaker, name_phrase, speaker_words
from .subjects import leading_subject

if TYPE_CHECKING:
    from .context import Attribution, Story

ISSUERS = frozenset({"person", "body"})  # who may issue a document (中共中央发出…通知, 发言人…发表声明)
ISSUING_BODIES = frozenset({"body", "meeting", "analyst"})  # 联合国贸发会议发布…报告, 智库…发布的数据
TITLED_BY_ISSUERS = re.compile(r"《(?P<title>(?P<issuers>[^《》关關]{2,40}?)(?:关于|關於)[^《》]+)》")
ISSUER_BREAK = re.compile(r"[\s、，,]+")  # 中共中央 国务院: the bodies a title names together
PUBLISHERS = ISSUING_BODIES | {"other", "media"}  # who a document just after their own words may be (…数据显示。报告指出)


def issuer(document: Speaker, story: Story, at: int) -> tuple[Speaker | None, str | None]:
    """Who issued a document: named with it (白宫声明), recorded when it was issued, the outlet last cited, or the
    body whose published words the sentence just before gave."""
    if document.name:
        return Speaker(document.name, document.side, "document", document.affiliation), None
    words = speaker_words()
    noun = words.documents.search(document.affiliation or "")
    if noun is not None and noun.word in ("报道", "报导") and story.last_media is not None:
        return story.last_media, None  # a report is the outlet's, whoever it relayed
    if noun is not None and noun.word in story.documents:
        return story.documents[noun.word], None
    if story.last is not None and story.last_at == at - 1 and story.last.kind in PUBLISHERS:
        return story.last, None  # 彼得森国际经济研究所发布的数据显示…。报告指出…
    return None, None


def record_issuing(text: str, quoted: bytes, folded: str, story: Story, speaker: Speaker | None) -> None:
    """A sentence where someone signs, publishes or issues a document (习近平签署…主席令, 徐留平…致贺词) says who
    speaks when that document later 说/指出."""
    issuing = _issuing_pattern().search(folded)
    if issuing is None:
        return
    for noun, issuers in _titled_issuers(text):
        story.documents[noun] = issuers  # 《中共中央 国务院关于…的意见》（以下简称《意见》）发布
    after = folded[issuing.end():]
    documents = list(speaker_words().documents.finditer(after))
    if not documents:
        return
    before = _last_person(folded[:issuing.start()]) or issuing_body(folded[:issuing.start()])
    if before is None and speaker is None:
        subject = leading_subject(text, quoted)
        before = subject if subject is not None and subject.resolved and subject.kind in ISSUERS else None
    for document in documents:
        # 《求是》杂志发表…习近平的重要文章: the person named with the document; else who signs or speaks
        issuer = _last_person(after[:document.start]) or speaker or before
        if issuer is not None:
            story.documents[document.word] = issuer


def _titled_issuers(text: str):
    """(document noun, issuers) of each title that names its issuing bodies before 关于 (《中共中央 国务院关于…的
    意见》: 意见 is theirs); not a person's works (《习近平关于…论述摘编》) nor two countries' joint statement."""
    words = speaker_words()
    for title in TITLED_BY_ISSUERS.finditer(text):
        noun = next((m for m in words.documents.finditer(fold(title.group("title"))) if m.end == len(title.group("title"))),
                    None)
        parts = [part for part in ISSUER_BREAK.split(title.group("issuers")) if part]
        named = [name_phrase(fold(part), part) for part in parts]
        if noun is None or not parts or any(n is None or n.kind != "body" for n in named):
            continue
        sides = {n.side for n in named}
        yield noun.word, Speaker("、".join(parts), sides.pop() if len(sides) == 1 else None, "body")


def issues(reading) -> bool:
    """The sentence holds an issuing verb, also where a longer word of the lexicon shadows it (发布的报告)."""
    return "issuing" in reading.hits \
        or "not_verb" in reading.hits and _issuing_pattern().search(reading.folded) is not None


def issues_document(attribution: Attribution) -> bool:
    """A frame whose verb issues a document (发言人…发表声明): that speaker is who the document's 指出 is."""
    return attribution.speaker is not None and attribution.verb is not None \
        and _issuing_pattern().search(fold(attribution.verb)) is not None


def issuing_body(text: str) -> Speaker | None:
    """The body right before the issuing verb, in the same clause (中共中央发出…通知)."""
    breaks = [m.end() for m in CLAUSE_END.finditer(text)]
    named = name_phrase(text[breaks[-1] if breaks else 0:])
    return named if named is not None and named.kind in ISSUING_BODIES and (named.side is not None
                                                                          or named.kind == "meeting") else None


def _last_person(text: str) -> Speaker | None:
    persons = [m for m in speaker_words().people.finditer(text)
               if text.count('"', 0, m.start) % 2 == 0]  # not a name inside a title or quote (folded 《》 are ")
    if not persons:
        return None
    alias = alias_table()[persons[-1].word]
    return Speaker(alias.key, alias.side or "other", "person")


@cache
def _issuing_pattern() -> re.Pattern:
    return re.compile("|".join(sorted(map(re.escape, speaker_words().issuing.words), key=len, reverse=True)))
