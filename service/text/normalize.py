"""Normalisation for matching only (users always see the original text).

Traditional to simplified script (OpenCC), NFKC (full-width to half-width), one set of quote marks, names
reduced to one key through the alias table plus general rules for transliterations, news paraphrases folded
to one form (星期五 and 周五, 美中 and 中美, 管控分歧 and 处理分歧: data/paraphrases.yaml), Chinese numerals before
measure words to digits. These functions serve short texts (names, sources) and are the reference: a sentence
on its way into features, word differences and framing goes through normal_form.py's one pass instead.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from ..datafiles import load_yaml
from ..tuning import TEXT_CACHE_ENTRIES
from .matcher import LiteralMatcher
from .script import to_simplified

FOLD_CACHE_SIZE = 2 * TEXT_CACHE_ENTRIES  # sentences, and the names and sources in them
QUOTES = str.maketrans({c: '"' for c in "“”「」『』‘’＂〝〞"} | {"﹁": '"', "﹂": '"', "《": '"', "》": '"'})
BRACKETED_LATIN = re.compile(r"[（(]\s*[A-Za-z][A-Za-z .,'’\-]*[）)]")  # 布林肯（Antony Blinken）
# a transliterated given name and its dot, after a boundary or a title: "国务卿安东尼·布林肯" -> "国务卿布林肯"
NAME_DOTS = "·・•‧"  # between the parts of a transliterated name
GIVEN_NAME = re.compile(
    r"(^|[^\u4e00-\u9fff]|国务卿|总统|部长|外长|主席|总理|发言人|研究员|主任|顾问|大使|议员|特使|局长|财长|秘书长|首相|"
    r"总书记|副总统|教授|学者|分析师|记者|作家|女士|先生)([\u4e00-\u9fff]{1,4})" f"[{NAME_DOTS}]")
PARAPHRASE_ROUNDS = 4  # paraphrase folding repeats at most this often (a fold can make a new variant)
PUNCTUATION = re.compile(r"[\s\W_]+", re.UNICODE)
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
# a numeral before a measure word, or ending the text unless it names a weekday (周五, 星期五)
CN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十百千]+(?=[个名位次年月日天周小时分钟万亿多半余倍项艘架枚家人国])|"
                       r"(?<![周期拜])[零〇一二两三四五六七八九十百千]+$")


@dataclass(frozen=True)
class Alias:
    key: str
    kind: str  # "person" or "place"
    side: str | None = None
    affiliation: str | None = None
    role: str | None = None
    venue: bool = False


def _aliases_file() -> dict:
    return load_yaml("aliases.yaml")


@cache
def alias_table() -> dict[str, Alias]:
    """Every variant (simplified, NFKC, lower-cased) mapped to its entry."""
    data = _aliases_file()
    table: dict[str, Alias] = {}
    for kind, entries in (("person", data.get("people", [])), ("place", data.get("places", []))):
        for entry in entries:
            alias = Alias(key=entry["key"], kind=kind, side=entry.get("side"), affiliation=entry.get("affiliation"),
                          role=entry.get("role"), venue=bool(entry.get("venue")))
            for variant in [entry["key"], *entry.get("variants", [])]:
                table[_fold(variant)] = alias
    return table


@cache
def _alias_by_key() -> dict[str, Alias]:
    return {a.key: a for a in alias_table().values()}


@cache
def alias_matcher() -> LiteralMatcher:
    """Every name variant of the alias table, found in one pass."""
    return LiteralMatcher(alias_table())


def _fold(text: str) -> str:
    return to_simplified(unicodedata.normalize("NFKC", text)).lower()


@lru_cache(maxsize=FOLD_CACHE_SIZE)
def fold(text: str) -> str:
    """Script, width, case and quote marks folded: the same characters wherever a text came from."""
    return _fold(text).translate(QUOTES)


def fold_in_place(text: str) -> str:
    """fold(text) with exactly one character for each of text's, so offsets carry over to the original:
    where folding changes the length ("……" -> "......", a phrase conversion), characters fold one by one."""
    folded = fold(text)
    if len(folded) == len(text):
        return folded
    return "".join(one if len(one := fold(ch)) == 1 else ch for ch in text)


@cache
def compounds() -> dict[str, str]:
    """Compound names (习拜会), folded, mapped to the names they hold (习近平拜登会)."""
    return {_fold(c["variant"]): c["expansion"] for c in _aliases_file().get("compounds", [])}


def canonical_names(text: str) -> str:
    """Replace name variants with their alias key, and transliterated full names with their last part."""
    text = BRACKETED_LATIN.sub("", text)
    for variant, expansion in compounds().items():
        text = text.replace(variant, expansion)
    table = alias_table()
    text = alias_matcher().sub(lambda word: table[word].key, text)
    return GIVEN_NAME.sub(r"\1", text)


def _paraphrases_file() -> dict:
    return load_yaml("paraphrases.yaml")


@cache
def paraphrase_table() -> dict[str, str]:
    """Every variant (folded like the text it is matched in) mapped to its canonical form. Canonical forms,
    kept words and alias keys map to themselves, so the longest match consumes them whole."""
    data = _paraphrases_file()
    table: dict[str, str] = {}
    for group in data.get("groups", []):
        canonical = "" if group.get("drop") else _fold(group["canonical"])
        for variant in group.get("variants", []):
            table[_fold(variant)] = canonical
    canonicals = [g["canonical"] for g in data.get("groups", []) if not g.get("drop")]
    for word in map(_fold, [*canonicals, *data.get("keep", [])]):
        table.setdefault(word, word)
    for key in {a.key for a in alias_table().values()}:  # a name is not a paraphrase: 布林肯 stays whole
        table.setdefault(key, key)
    return table


@cache
def paraphrase_matcher() -> LiteralMatcher:
    """Every paraphrase variant, canonical form and kept word, found in one pass."""
    _register_words(_fold(w) for w in _paraphrases_file().get("words", []))
    return LiteralMatcher(paraphrase_table())


def _register_words(words) -> None:
    """Canonical forms jieba would split (两 + 军) are words: segmentation runs on the folded text."""
    import rjieba

    for word in words:
        rjieba.add_word(word, 100_000, None)


def fold_paraphrases(text: str) -> str:
    """News paraphrases in one canonical form (星期五 -> 周五, 电话会晤 -> 通话, 美中 -> 中美), longest match
    first. Repeated until nothing changes: a fold can make a new variant with the text around it."""
    matcher, table = paraphrase_matcher(), paraphrase_table()
    for _ in range(PARAPHRASE_ROUNDS):
        folded = matcher.sub(table.__getitem__, text)
        if folded == text:
            break
        text = folded
    return text


def chinese_numerals_to_digits(text: str) -> str:
    """Chinese numerals written as digits (三十五 -> 35), so both spellings of a number meet."""
    return CN_NUMBER.sub(lambda m: str(chinese_numeral_value(m.group())), text)


def chinese_numeral_value(numeral: str) -> int:
    """The value of a Chinese numeral (三十五 -> 35)."""
    total, current = 0, 0
    for ch in numeral:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch in CN_UNITS:
            total += (current or 1) * CN_UNITS[ch]
            current = 0
    return total + current


def normalize(text: str) -> str:
    """The text as the matcher compares it: folded, names canonical, paraphrases folded, numerals as digits."""
    return chinese_numerals_to_digits(fold_paraphrases(canonical_names(fold(text))))


def strip_punctuation(text: str) -> str:
    """The text without punctuation."""
    return PUNCTUATION.sub("", text)


def names_at(text: str) -> tuple[tuple[tuple[int, str], ...], frozenset[str]]:
    """(offset, alias key) of each person a normalised text names, in order, and the keys of the places it names."""
    table, keys = alias_table(), _alias_by_key()
    found = [(match.start, table.get(match.word) or keys.get(match.word)) for match in alias_matcher().finditer(text)]
    return (tuple((offset, alias.key) for offset, alias in found if alias.kind == "person"),
            frozenset(alias.key for _, alias in found if alias.kind != "person"))
