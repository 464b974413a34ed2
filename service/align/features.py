"""What the aligner knows about one sentence: its normalised forms, words, clauses and slots."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from ..text.entities import entities
from ..text.normal_form import normal_form
from ..text.normalize import alias_table, names_at, strip_punctuation
from ..text.patterns import CLAUSE_BREAK, NUMBER, encounter_kinds, single_pronoun
from ..text.when import day_mentions, publication_day, resolve_days
from ..text.sentences import HAN, is_cjk
from ..tuning import TEXT_CACHE_ENTRIES

YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")
WORD_RUN = re.compile(f"[{HAN}]+|[a-z0-9]+(?:['’-][a-z0-9]+)*")
WEEKDAY = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天])|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b")
ENGLISH_WEEKDAYS = {"mon": "一", "tues": "二", "wednes": "三", "thurs": "四", "fri": "五", "satur": "六", "sun": "日"}
QUOTED = re.compile(r'"([^"]{4,})"')
NEGATION_WORDS = frozenset("不 没 没有 未 无 非 别 勿 不是 不会 不能 不要 不再 绝不 并未 从未 从不 无法 并非 "
                           "not no never nor cannot without".split())
NEGATION_SUFFIX = "n't"
# clauses that say who said it, not what was said: they match across unrelated sentences
ATTRIBUTION = re.compile(r"^\s*(根据|据|按照|援引|引述|according to)|(表示|说|称|指出|强调|认为|写道|透露|报道|said|says)\s*$")
ATTRIBUTIVE = re.compile(f"[{HAN}]{{2,4}}" r"(?=政府|当局|团队|阵营|政权|时期|时代|总统任期|\s*administration)")
OBJECT_MARKER = re.compile(r"(与|和|同|跟|向|对|告诉|会见|会晤|with |to )$")
VENUE_PREFIX = r"(?:在|于|抵达|到访|前往|赴|\bin |\bat )(?:the )?"
FEATURE_CACHE_SIZE = TEXT_CACHE_ENTRIES
ENGLISH_STOPWORDS = frozenset(
    "a an the of to in on at for and or but is are was were be been has have had that this with as by from "
    "it its he she they we you i his her their our said says say told".split()
)


@dataclass(frozen=True)
class SentenceFeatures:
    article: int  # position of the article in the comparison
    index: int  # sentence index within its article
    text: str
    norm: str
    bare: str  # normalised, without punctuation or spaces
    words: str  # space-joined content words
    word_set: frozenset[str]
    word_list: tuple[str, ...]
    clauses: tuple[str, ...]  # bare clauses, longest first
    named: frozenset[str]  # people the sentence itself names
    people: frozenset[str]  # named in the sentence, plus the antecedent of a pronoun or of an unnamed speaker
    places: frozenset[str]  # venues: places where something happens ("在北京"), not metonyms ("北京否认")
    numbers: frozenset[str]
    years: frozenset[str]
    weekdays: frozenset[str]  # 周五, 星期五 and 礼拜五 are one day
    encounters: frozenset[str]  # "meet" (会晤, 会见, met) or "call" (通电话): the kind of event a sentence reports
    organisations: frozenset[str]  # named in the sentence (jieba nt)
    names: frozenset[str]  # English proper names of unknown kind (by last word)
    mentioned_places: frozenset[str]  # every place named, venue or not
    quotes: tuple[str, ...]  # bare text inside quote marks
    negations: int  # negation words (不, 没有, not, never, n't)
    day_mentions: tuple  # days as written (text.when.day_mentions)
    days: frozenset  # (month, day) pairs named, relative ones resolved against the article's date
    published: date | None  # the article's day of publication, when known


@cache
def _segmenter():
    """rjieba (jieba-rs: jieba's dictionary and algorithm, in Rust, ~20x faster), with our names added."""
    import rjieba

    for alias in {a.key for a in alias_table().values()}:  # names are words: 布林肯, not 布 + 林肯
        rjieba.add_word(alias, 100_000, None)
    return rjieba


def segment(text: str) -> list[str]:
    """Chinese words of a run of Chinese characters."""
    return _segmenter().cut(text, hmm=False)


@cache
def _venue_keys_pattern() -> re.Pattern:
    keys = sorted({a.key for a in alias_table().values() if a.kind == "place" and a.venue}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys)))


@cache
def _venue_pattern() -> re.Pattern:
    """Venue keys right after a locative ("在北京人民大会堂", "in 北京"), consecutive keys together."""
    return re.compile(f"{VENUE_PREFIX}((?:{_venue_keys_pattern().pattern})+)")


def article_features(article: int, sentences, *, published_at: str | None = None) -> list[SentenceFeatures]:
    """Features of an article's sentences in order. A pronoun (他, 她) stands for the nearest person named
    before it; a sentence that names nobody within a paragraph, or a quote that goes on without a speaker,
    is about the people of the sentence before. Relative days (今天, 周五) are resolved against `published_at`."""
    features, context, last_person, paragraph = [], frozenset(), None, None
    published = publication_day(published_at)
    for sentence in sentences:
        feature = _text_features(sentence.text)
        named = _outside_administrations(sentence.text)[1]
        pronoun = single_pronoun().search(feature.norm)
        people = set(feature.people)
        if pronoun:
            before = [key for offset, key in named if offset < pronoun.start() and not _is_object(feature.norm, offset)]
            antecedent = before[-1] if before else last_person
            people |= {antecedent} if antecedent else set()
        elif not people and (sentence.paragraph == paragraph or feature.norm.lstrip().startswith('"')):
            people = set(context)
        days = resolve_days(feature.day_mentions, published) if published else feature.days
        feature = _with(feature, article=article, index=sentence.index, days=days, published=published,
                        people=feature.people if people == feature.people else frozenset(people))
        context = feature.people or context
        last_person = named[-1][1] if named else (antecedent if pronoun and antecedent else last_person)
        paragraph = sentence.paragraph
        features.append(feature)
    return features


def _blank(match: re.Match) -> str:
    return " " * len(match.group())  # keep offsets


def _is_object(norm: str, offset: int) -> bool:
    """A name right after 与/和/向/对 ("在与习近平会晤后，他…") is not what a later pronoun stands for."""
    return bool(OBJECT_MARKER.search(norm[max(0, offset - 2):offset]))


@lru_cache(maxsize=FEATURE_CACHE_SIZE)
def _outside_administrations(text: str) -> tuple[str, tuple[tuple[int, str], ...], frozenset[str]]:
    """The sentence's normal form with administrations ("拜登政府") blanked, as they are not people speaking, and
    the people ((offset, alias key), in order) and places (alias keys) it still names."""
    form = normal_form(text)
    blanked = ATTRIBUTIVE.sub(_blank, form.normal)
    if blanked == form.normal:
        return blanked, form.people, form.places
    return (blanked, *names_at(blanked))


def tagged_people(text: str) -> frozenset[str]:
    """The people a sentence names by its own words (alias keys, names after titles, name-tagged words), computed
    with its other features once per distinct text (a comparison has them already when framing asks)."""
    return _text_features(text).named


def tagged_places(text: str) -> frozenset[str]:
    """Every place a sentence names (jieba ns and the alias table's places), venue or not."""
    return _text_features(text).mentioned_places


def sentence_features(article: int, index: int, text: str, *, published_at: str | None = None) -> SentenceFeatures:
    """Features of one sentence on its own (no neighbours); what depends on the text alone is computed once per
    distinct text (reposts and wire copy repeat sentences verbatim across articles)."""
    feature = _text_features(text)
    published = publication_day(published_at)
    if published is None:
        return _with(feature, article=article, index=index)
    return _with(feature, article=article, index=index, published=published,
                 days=resolve_days(feature.day_mentions, published))


def _with(feature: SentenceFeatures, **changes) -> SentenceFeatures:
    """dataclasses.replace without re-running __init__ (ten times cheaper; called for every sentence)."""
    copy = object.__new__(SentenceFeatures)
    copy.__dict__.update(feature.__dict__, **changes)
    return copy


@lru_cache(maxsize=FEATURE_CACHE_SIZE)
def _text_features(text: str) -> SentenceFeatures:
    article, index = -1, -1
    norm = normal_form(text).normal
    bare = strip_punctuation(norm)
    blanked, named_people, named_places = _outside_administrations(text)
    venues = _venue_pattern()
    places = {key for m in venues.finditer(norm) for key in _venue_keys_pattern().findall(m.group(1))}
    clauses = sorted({strip_punctuation(c) for c in CLAUSE_BREAK.split(norm) if not ATTRIBUTION.search(c)} - {""},
                     key=len, reverse=True)
    tagged = _tagged(norm)
    words = _words(norm, tagged)
    mentions = day_mentions(norm)
    found = entities(text, blanked, tagged, named_people, named_places)
    return SentenceFeatures(
        article=article, index=index, text=text, norm=norm, bare=bare, words=" ".join(words),
        word_set=frozenset(words), word_list=tuple(words),
        clauses=tuple(clauses), named=found.people, people=found.people, places=frozenset(places),
        numbers=frozenset(NUMBER.findall(norm)) - set(YEAR.findall(norm)), years=frozenset(YEAR.findall(norm)),
        weekdays=frozenset(m.group(1) or ENGLISH_WEEKDAYS[m.group(2)] for m in WEEKDAY.finditer(norm)),
        encounters=frozenset(kind for kind, pattern in encounter_kinds().items() if pattern.search(norm)),
        organisations=found.organisations, names=found.names, mentioned_places=found.places,
        quotes=tuple(q for q in (strip_punctuation(m) for m in QUOTED.findall(norm)) if len(q) >= 4),
        negations=sum(w in NEGATION_WORDS or w.endswith(NEGATION_SUFFIX) for w in words),
        day_mentions=mentions, days=resolve_days(mentions, None), published=None,
    )


def tokens(norm: str) -> list[str]:
    """Words: jieba segmentation for runs of Chinese characters, letters and digits for the rest; punctuation dropped."""
    return _words(norm, _tagged(norm))


def _tagged(norm: str) -> tuple[tuple[str, str], ...]:
    """jieba's words and part-of-speech tags of the Chinese runs, in order."""
    tagger = _segmenter()
    return tuple(pair for run in WORD_RUN.findall(norm) if is_cjk(run[0]) for pair in tagger.tag(run, hmm=False))


def _words(norm: str, tagged: tuple[tuple[str, str], ...]) -> list[str]:
    words, chinese = [], iter(tagged)
    for run in WORD_RUN.findall(norm):
        if is_cjk(run[0]):
            length = 0
            while length < len(run):
                word = next(chinese)[0]
                words.append(word)
                length += len(word)
        elif run not in ENGLISH_STOPWORDS:
            words.append(run)
    return words
