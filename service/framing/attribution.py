"""Per sentence: who says it (direct quote, indirect speech or unattributed), with which reporting verb,
from which side; which sources it names; its term choices, scare quotes, hedges and numbers.

Quotes are tracked over the whole paragraph, so a quote that runs over several sentences stays a quote, and
a sentence inside it keeps the speaker named where the quote began. A pronoun (他, 她) stands for the
nearest person named before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..models import Article
from ..text.matcher import word_bounded
from ..text.sentences import caption_sentences
from ..text.normalize import alias_table, chinese_numerals_to_digits, fold, fold_in_place
from ..tuning import TEXT_CACHE_ENTRIES
from .lexicon import lexicon

READING_CACHE_SIZE = TEXT_CACHE_ENTRIES
COLON_SPEAKER_CHARS = 12  # "布林肯：", "美国国务卿布林肯：": the colon right after the name
OPENERS = {"“": "”", "「": "」", "『": "』", "‘": "’", "﹁": "﹂"}
QUOTE_MARK = re.compile("[" + "".join(OPENERS) + "".join(OPENERS.values()) + '"' + "]")
CLAUSE_BREAK = re.compile(r"[，,。；;：:！？!?]")
PRONOUN = re.compile(r"[他她](?![们們国國人方])|\b(he|she)\b", re.I)
EVIDENTIAL_SOURCE = re.compile(r"(?:据|據|根据|根據|援引|引述)(?P<who>[^，,。；“”\"]{1,24}?)(?:报道|報導|報道|消息|说法|說法|称|稱|发布|發布|公布|释出|釋出|的)")
GENERIC_SPEAKERS = (("分析人士", "analyst"), ("专家", "analyst"), ("學者", "analyst"), ("学者", "analyst"),
                    ("analysts", "analyst"), ("experts", "analyst"))
NUMBER = re.compile(
    r"(?:超过|超過|约|約|近|逾)?(?<!\d)\d+(?:\.\d+)?\s*(?:个半|個半|个多|個多|多个|多個|多|余|餘|个|個)?\s*"
    r"(?:小时|小時|分钟|分鐘|天|周|週|年|个月|個月|次|万|萬|亿|億|%|％|人|名|国|國|架|艘|枚|项|項|美元|元)"
    r"|(?<!\d)\d+(?:\.\d+)?\s*(?:hours?|minutes?|days?|years?|percent|%|people|billion|million)",
    re.I,
)


@dataclass
class SentenceFraming:
    attribution: dict
    terms: list[dict] = field(default_factory=list)
    sources: list[dict] = field(default_factory=list)
    scare_quotes: list[str] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)
    evidentials: list[str] = field(default_factory=list)
    conditionals: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    quoted_chars: int = 0

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def frame_article(article: Article) -> dict[int, SentenceFraming]:
    """Framing of every sentence of the article, by sentence index (caption sentences numbered after the body's)."""
    result: dict[int, SentenceFraming] = {}
    last_person: str | None = None
    by_paragraph: dict[int, list] = {}
    for sentence in article.sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    for paragraph in article.paragraphs:
        mask = quote_mask(paragraph.text)
        cursor, previous = 0, None
        for sentence in by_paragraph.get(paragraph.index, []):
            start = paragraph.text.find(sentence.text, cursor)
            start = cursor if start < 0 else start
            cursor = start + len(sentence.text)
            quoted = bytes(mask[start:cursor])
            carried = (tuple(previous.attribution[k] for k in ("speaker", "side", "verb", "verb_class"))
                       if previous is not None and quoted[:1] == b"\x01" and previous.attribution.get("speaker")
                       else None)
            framing, last_person = _frame_sentence(sentence.text, quoted, carried, last_person)
            result[sentence.index] = framing
            previous = framing
    for caption in caption_sentences(article.captions, len(article.sentences)):
        result[caption.index] = _frame_sentence(caption.text, bytes(quote_mask(caption.text)), None, None)[0]
    return result


@lru_cache(maxsize=READING_CACHE_SIZE)
def quote_mask(text: str) -> list[bool]:
    """True for each character inside quotation marks (the marks themselves excluded)."""
    mask, waiting = [False] * len(text), []
    if not QUOTE_MARK.search(text):
        return mask
    straight_open = False
    for i, ch in enumerate(text):
        if waiting and ch == waiting[-1]:
            waiting.pop()
        elif ch in OPENERS:
            waiting.append(OPENERS[ch])
        elif ch in "”」" and not waiting:  # typed the wrong way round: ”…“
            waiting.append("“" if ch == "”" else "「")
        elif ch == '"':
            straight_open = not straight_open
        else:
            mask[i] = bool(waiting) or straight_open
    return mask


@dataclass(frozen=True)
class _Reading:
    """What a sentence says on its own, before the paragraph's context (speaker of a pronoun, a quote that
    goes on) is applied: computed once per distinct sentence and quote mask."""
    folded: str
    outside: str
    hits: dict
    quoted: tuple[str, ...]
    people: tuple[tuple[int, str], ...]
    verb: tuple[str, str] | None
    evidential: str | None
    terms: tuple[dict, ...]
    hedges: tuple[str, ...]
    evidentials: tuple[str, ...]
    conditionals: tuple[str, ...]
    numbers: tuple[str, ...]


@lru_cache(maxsize=READING_CACHE_SIZE)
def _read(text: str, quoted_bits: bytes) -> _Reading:
    """`quoted_bits`: one byte per character of `text`, 1 inside quotation marks."""
    lex = lexicon()
    folded = fold_in_place(text)  # offsets into it are offsets into the quote mask and the text
    outside = _blank_quoted(folded, quoted_bits)
    hits = _scan(folded, quoted_bits)
    evidential = EVIDENTIAL_SOURCE.search(outside)
    return _Reading(
        folded=folded, outside=outside, hits=hits, quoted=tuple(_spans(text, quoted_bits)),
        people=tuple(_people(outside)),
        verb=next(((m.word, lex.verbs[m.word]) for m, outside_quote in hits["verb"] if outside_quote), None),
        evidential=evidential.group("who") if evidential else None,
        terms=tuple(_terms(text, folded, quoted_bits, hits["term"])),
        hedges=tuple(sorted({m.word for m, _ in hits["hedge"]})),
        evidentials=tuple(sorted({m.word for m, _ in hits["evidential"]})),
        conditionals=tuple(sorted({m.word for m, _ in hits["conditional"]})),
        numbers=tuple(m.group().replace(" ", "") for m in NUMBER.finditer(chinese_numerals_to_digits(folded))))


@lru_cache(maxsize=READING_CACHE_SIZE)
def _frame_sentence(text: str, quoted: bytes, carried: tuple | None, last_person: str | None):
    """The sentence's framing and the person a later pronoun stands for. `carried` is the attribution of the
    sentence before when this one starts inside its quote. Cached: the result is shared, never modify it."""
    lex = lexicon()
    reading = _read(text, quoted)
    hits, people, verb = reading.hits, list(reading.people), reading.verb
    framing = SentenceFraming(attribution={}, quoted_chars=quoted.count(1))
    speaker, side = _speaker(reading.outside, verb, people, last_person, hits)
    if speaker is None and reading.evidential is not None:
        speaker, side = _entity(reading.evidential)
    substantive = any(len(q) > lex.scare_max_chars for q in reading.quoted)
    if substantive and speaker is None and verb is None:
        speaker, side = _colon_speaker(reading.outside, people)
    if substantive and (speaker or verb):
        kind = "direct"
    elif substantive and carried:
        kind, speaker, side = "direct", carried[0], carried[1]
        verb = verb or (carried[2], carried[3])
    elif verb and speaker:
        kind = "indirect"
    else:
        kind = "unattributed"
    attributed = kind != "unattributed"
    framing.attribution = {"type": kind, "speaker": speaker if attributed else None,
                           "side": side if attributed else None,
                           "verb": verb[0] if verb and attributed else None,
                           "verb_class": verb[1] if verb and attributed else None}
    framing.terms = [dict(term) for term in reading.terms]
    framing.sources = _sources(hits, people, framing.attribution)
    framing.scare_quotes = [q for q in reading.quoted if len(q) <= lex.scare_max_chars
                            and (not speaker or _after_so_called(text, q))]
    framing.hedges = list(reading.hedges)
    framing.evidentials = list(reading.evidentials)
    framing.conditionals = list(reading.conditionals)
    framing.numbers = list(reading.numbers)
    named = [key for _, key in people]
    return framing, (named[-1] if named else (speaker if speaker in _person_keys() else last_person))


def _colon_speaker(outside: str, people) -> tuple[str | None, str | None]:
    """The headline form "布林肯：“……”": a person named first, then a colon, then the quote."""
    if people:
        start, key = people[0]
        rest = outside[start:]
        at = rest.find("：") if "：" in rest else rest.find(":")
        if 0 < at <= COLON_SPEAKER_CHARS and not outside[:start].strip(" \u3000"):
            return key, _side_of(key)
    return None, None


def _blank_quoted(text: str, quoted_bits: bytes) -> str:
    """The text with every quoted character replaced by a space (offsets kept)."""
    if 1 not in quoted_bits:
        return text
    return "".join(" " if q else ch for ch, q in zip(text, quoted_bits))


def _scan(folded: str, mask: bytes) -> dict[str, list]:
    """One pass over the sentence: every lexicon word found, by list, with whether it is outside quotes."""
    lex = lexicon()
    hits = {c: [] for c in ("verb", "source", "term", "hedge", "evidential", "conditional", "anonymous")}
    for match in lex.everything.finditer(folded, overlapping=True):
        outside_quote = not any(mask[match.start:match.end])
        for category in lex.categories[match.word]:
            hits[category].append((match, outside_quote))
    return hits


def _spans(text: str, mask: bytes) -> list[str]:
    spans, current = [], []
    for ch, inside in zip(text, mask):
        if inside:
            current.append(ch)
        elif current:
            spans.append("".join(current))
            current = []
    if current:
        spans.append("".join(current))
    return [s.strip() for s in spans if s.strip()]


def _after_so_called(text: str, quote: str) -> bool:
    at = text.find(quote)
    return at > 0 and bool(lexicon().so_called.search(fold(text[max(0, at - 4):at])))


def _people(outside: str) -> list[tuple[int, str]]:
    """(offset, person key) of every person named, one per offset (the smallest key where variants of two
    people start at the same place). Latin names are whole words: "Xi" is not in "Xinhua"."""
    by_prefix, starts = _person_index()
    found: dict[int, str] = {}
    at = starts.search(outside)
    while at is not None:
        i = at.start()
        for variant, key in (*by_prefix.get(outside[i:i + 2], ()), *by_prefix.get(outside[i], ())):
            if (outside.startswith(variant, i) and (i not in found or key < found[i])
                    and word_bounded(outside, i, i + len(variant))):
                found[i] = key
        at = starts.search(outside, i + 1)
    return sorted(found.items())


@cache
def _person_index() -> tuple[dict[str, list[tuple[str, str]]], re.Pattern]:
    """Person name variants by their first two characters, and where one may start."""
    by_prefix: dict[str, list[tuple[str, str]]] = {}
    for variant, key in _person_variants():
        by_prefix.setdefault(variant[:2], []).append((variant, key))
    firsts = sorted({prefix[0] for prefix in by_prefix})
    return by_prefix, re.compile("[" + "".join(map(re.escape, firsts)) + "]")


def _speaker(outside: str, verb, people, last_person, hits) -> tuple[str | None, str | None]:
    """The nearest speaker before the reporting verb: a person, a source, an anonymous official, a pronoun."""
    if not verb:
        return None, None
    at = outside.find(verb[0])
    before = outside[:at]
    clause_start = max((m.end() for m in CLAUSE_BREAK.finditer(before)), default=0)
    for window in (before[clause_start:], before):
        candidates = []
        offset = at - len(window)
        candidates += [(start, key, "person") for start, key in people if offset <= start < at]
        for kind in ("source", "anonymous"):
            candidates += [(m.start, m.word, kind) for m, outside_quote in hits[kind]
                           if outside_quote and offset <= m.start and m.end <= at]
        candidates += [(offset + m.start(), "pronoun", "pronoun") for m in PRONOUN.finditer(window)]
        candidates += [(offset + window.find(word), word, "generic") for word, _ in GENERIC_SPEAKERS if word in window]
        if candidates:
            _, name, kind = max(candidates)
            if kind == "pronoun":
                return (last_person, _side_of(last_person)) if last_person else (None, None)
            return _entity(name)
    return None, None


def _entity(name: str) -> tuple[str, str]:
    """A speaker's canonical name and side."""
    lex = lexicon()
    name = name.strip()
    aliases = alias_table()
    if name in aliases and aliases[name].kind == "person":
        return aliases[name].key, aliases[name].side or "other"
    for key in _person_keys():
        if key in name:
            return key, _side_of(key)
    match = lex.source_pattern.search(name)
    if match:
        source = lex.sources[match.word]
        return source.key, source.side
    if lex.anonymous.search(name):
        return lex.anonymous.search(name).word, "anonymous"
    for word, side in GENERIC_SPEAKERS:
        if word in name:
            return word, side
    return name, "other"


@cache
def _person_keys() -> dict[str, str]:
    return {a.key: a.side or "other" for a in alias_table().values() if a.kind == "person"}


@cache
def _people_by_key() -> dict:
    return {a.key: a for a in alias_table().values() if a.kind == "person"}


@cache
def _person_variants() -> tuple[tuple[str, str], ...]:
    return tuple((variant, alias.key) for variant, alias in alias_table().items() if alias.kind == "person")


def _side_of(person: str | None) -> str | None:
    return _person_keys().get(person) if person else None


def _terms(text: str, folded: str, mask: bytes, hits) -> list[dict]:
    found = []
    lex = lexicon()
    for match, _ in hits:
        for family in lex.term_families[match.word]:
            if family.anchors is not None and not _anchored(folded, match, family):
                continue
            found.append({"family": family.name, "value": family.values[match.word],
                          "surface": text[match.start:match.end], "in_quote": any(mask[match.start:match.end])})
    return found


def _anchored(folded: str, match, family) -> bool:
    if family.anchors.search(match.word):
        return True
    left = folded[max(0, match.start - family.window):match.start]
    right = folded[match.end:match.end + family.window]
    return bool(family.anchors.search(left) or family.anchors.search(right))


def _sources(hits, people, attribution: dict) -> list[dict]:
    lex = lexicon()
    aliases = _people_by_key()
    found = []
    for match, outside_quote in hits["source"]:
        if not outside_quote:
            continue
        source = lex.sources[match.word]
        found.append({"name": source.key, "kind": source.kind, "side": source.side})
    for _, key in people:
        alias = aliases[key]
        if alias.side == "analyst":
            found.append({"name": key, "kind": "analyst", "side": "analyst", "affiliation": alias.affiliation})
    for match, outside_quote in hits["anonymous"]:
        if outside_quote:
            found.append({"name": match.word, "kind": "anonymous", "side": "anonymous"})
    speaker = attribution.get("speaker")
    if speaker and speaker in aliases and aliases[speaker].side != "analyst":
        found.append({"name": speaker, "kind": "person", "side": aliases[speaker].side or "other"})
    unique = {}
    for source in found:
        unique.setdefault((source["name"], source["kind"]), source)
    return list(unique.values())
