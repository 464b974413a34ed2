"""Patterns several stages read, defined once: clause breaks, numbers, single-person pronouns and encounters.

Where two stages need a different cut, each has its own named pattern here with the reason beside it, built
from the same character sets."""
from __future__ import annotations

import re
from functools import cache

from ..datafiles import load_yaml
from .script import to_traditional
from .sentences import is_cjk

# Clause breaks. The marks that end a clause in either script; the patterns below add what each reader also
# counts as a break.
CLAUSE_MARKS = "，,；;：:。！？!?"
QUOTATION_MARKS = "“”「」『』‘’\""
# align: normalised text (quotes folded to ", brackets and punctuation half-width) cut into clauses for fuzzy
# matching, where enumerations, quotes, brackets and dashes also separate what is said from its frame
CLAUSE_BREAK = re.compile(f"[{CLAUSE_MARKS}、\"()（）—]+")
# framing: a clause of the sentence as written ends at one of the marks
CLAUSE_END = re.compile(f"[{CLAUSE_MARKS}]")
# framing: a subject phrase also starts right after a quotation mark ("……，”他说)
SUBJECT_BREAK = re.compile(f"[{CLAUSE_MARKS}{QUOTATION_MARKS}]")
# framing: clause punctuation inside a quotation makes it an utterance, not a quoted word or phrase; here the
# full stop of quoted English sentences counts and the colon does not
QUOTED_CLAUSE_MARK = re.compile(r"[，,。.！!？?；;]")

# Numbers.
# align: every number of a normalised sentence (Chinese numerals are digits by then)
NUMBER = re.compile(r"\d+(?:\.\d+)?")
# framing: a figure with what it counts (约3000人, 18个月, 40 percent), the claims an outlet's wording rests on;
# linear time (each alternative starts at a digit that no digit precedes)
QUANTITY = re.compile(
    r"(?:超过|超過|约|約|近|逾)?(?<!\d)\d+(?:\.\d+)?\s*(?:个半|個半|个多|個多|多个|多個|多|余|餘|个|個)?\s*"
    r"(?:小时|小時|分钟|分鐘|天|周|週|年|个月|個月|次|万|萬|亿|億|%|％|人|名|国|國|架|艘|枚|项|項|美元|元)"
    r"|(?<!\d)\d+(?:\.\d+)?\s*(?:hours?|minutes?|days?|years?|percent|%|people|billion|million)",
    re.I,
)

# Chinese single-person pronouns followed by one of these are no single person: 他们 (plural), 他国, 他人, 他方
# (other countries, others, the other party)
NOT_SINGLE_AFTER = "们們国國人方"


def _alternatives(words) -> str:
    """Chinese words as they are, English ones as whole words, one alternation."""
    chinese = [re.escape(w) for w in words if is_cjk(w[0])]
    english = [re.escape(w) for w in words if not is_cjk(w[0])]
    parts = ([f"(?:{'|'.join(chinese)})"] if chinese else []) + ([rf"\b(?:{'|'.join(english)})\b"] if english else [])
    return "|".join(parts)


@cache
def single_pronoun() -> re.Pattern:
    """A pronoun for one person (他, she) in a normalised sentence: speakers.yaml's single pronouns."""
    words = load_yaml("speakers.yaml")["pronouns"]["single"]
    chinese = "|".join(re.escape(w) for w in words if is_cjk(w[0]))
    english = "|".join(re.escape(w) for w in words if not is_cjk(w[0]))
    return re.compile(f"(?:{chinese})(?![{NOT_SINGLE_AFTER}])" + rf"|\b(?:{english})\b")


@cache
def encounter_kinds() -> dict[str, re.Pattern]:
    """Per kind of encounter (meet, call), the pattern of its words in a normalised sentence (encounters.yaml)."""
    return {kind: re.compile(_alternatives(words)) for kind, words in load_yaml("encounters.yaml")["kinds"].items()}


@cache
def any_encounter() -> re.Pattern:
    """A Chinese word of meeting, calling or holding (举行) one, in either script (拜登与习近平再度通话)."""
    data = load_yaml("encounters.yaml")
    words = [w for kind in data["kinds"].values() for w in kind if is_cjk(w[0])] + list(data["held"])
    forms = dict.fromkeys(form for word in words for form in (word, to_traditional(word)))
    return re.compile("|".join(map(re.escape, forms)))
