"""One outlet's version of a pool of real text (corpus.py): rewording through synonym tables, dropped, shuffled and
regrouped sentences, background from other pools, held to 40-100 sentences; and distractor digests.

An original report is the pool with 5-30 % of its sentences dropped, the paragraph order shuffled within a window
of about three paragraphs (the lead usually stays first), sentences regrouped into that outlet's paragraphs, part
of the sentences reworded through a synonym table (表示 -> 称, 会晤 -> 会见, said -> stated, ...), and background
paragraphs from other pools added (news copies carry background from earlier stories). Self-references of real
outlets ("（德國之聲中文網）") are removed, so the copy belongs to the outlet that publishes it.
"""
from __future__ import annotations

import random
import re
from functools import cache

from corpus_formats import _join
from corpus_pools import Pool, headlines

MIN_SENTENCES, MAX_SENTENCES = 40, 100

# Rewording: each word may become one of its alternatives (news near-synonyms; meaning kept).
SYNONYMS_ZH = {
    "表示": ["称", "指出", "说"], "会晤": ["会见", "会面"], "会谈": ["会晤", "谈判"], "周五": ["星期五"],
    "周四": ["星期四"], "周三": ["星期三"], "周二": ["星期二"], "周一": ["星期一"], "强调": ["重申"],
    "希望": ["期望", "盼望"], "继续": ["持续"], "问题": ["议题"], "领导人": ["领袖"], "进展": ["进步"],
    "增加": ["增多"], "支持": ["支援"], "目前": ["当前"], "已经": ["已"], "但是": ["不过"], "因为": ["由于"],
    "如果": ["倘若", "假如"], "可能": ["或许"], "重要": ["关键"], "举行": ["召开"], "宣布": ["公布"],
    "警告": ["警示"], "批评": ["抨击"], "攻击": ["侵犯"], "进行": ["展开"], "计划": ["打算"], "发表": ["发布"],
    "报道": ["报导"], "近日": ["日前"], "此前": ["之前"], "同时": ["与此同时"], "并且": ["而且"],
    "官员": ["官方人士"], "记者会": ["新闻发布会"], "担忧": ["担心"], "威胁": ["恫吓"], "认为": ["相信"],
    "访问": ["出访"], "双方": ["两方"], "合作": ["协作"], "关系": ["关系"], "紧张": ["紧绷"], "努力": ["尽力"],
    "讨论": ["商讨"], "表明": ["显示"], "呼吁": ["敦促"], "指责": ["谴责"], "称": ["表示"], "说": ["表示"],
}
SYNONYMS_EN = {
    "said": ["stated", "added"], "met": ["held talks with"], "warned": ["cautioned"], "talks": ["discussions"],
    "meeting": ["encounter"], "agreed": ["consented"], "concerns": ["worries"], "support": ["backing"],
    "officials": ["authorities"], "visit": ["trip"], "trip": ["visit"], "told": ["informed"], "raised": ["brought up"],
    "relationship": ["relations"], "pressed": ["urged"], "Friday": ["Friday afternoon"], "began": ["started"],
    "hold": ["convene"], "sides": ["parties"], "expected": ["anticipated"], "country": ["nation"],
}
MARKER_AT_START = re.compile(r"^\s*[（(][^）)]{2,14}[）)]")
SELF_REFERENCE = re.compile(r"(BBC中文记者|BBC中文記者|美国之音记者|美國之音記者|新华社记者|新華社記者)")


def reword(text: str, rng: random.Random, language: str, share: float = 0.5) -> str:
    """Replace some words by a near-synonym (one left-to-right pass, so replacements never chain)."""
    table = SYNONYMS_ZH if language == "zh" else SYNONYMS_EN
    pattern = _synonym_pattern(language)

    def swap(match: re.Match) -> str:
        word = match.group(0)
        return rng.choice(table[word]) if rng.random() < share else word

    return pattern.sub(swap, text)


@cache
def _synonym_pattern(language: str) -> re.Pattern:
    table = SYNONYMS_ZH if language == "zh" else SYNONYMS_EN
    words = sorted(table, key=lambda w: (-len(w), w))
    body = "|".join(map(re.escape, words))
    return re.compile(body if language == "zh" else rf"\b(?:{body})\b")


def strip_self_reference(text: str) -> str:
    """Remove another outlet's dateline marker or byline role from a copied sentence."""
    text = MARKER_AT_START.sub("", text, count=1)
    return SELF_REFERENCE.sub("", text)


def variant(pool: Pool, rng: random.Random, *, background: list[Pool]) -> tuple[str, list[list[str]]]:
    """One outlet's report of the event: a title and paragraphs of sentences."""
    drop = rng.uniform(0.05, 0.3 if pool.language == "zh" else 0.25)
    reword_share = rng.uniform(0.2, 0.6)
    kept: list[list[str]] = []
    for paragraph in pool.paragraphs:
        sentences = [s for s in paragraph if rng.random() >= drop]
        if sentences:
            kept.append(sentences)
    # paragraph order shuffled within a window; the lead stays first most of the time
    keyed = [(i + rng.uniform(0, 3.5) - (10 if i == 0 and rng.random() < 0.75 else 0), i) for i in range(len(kept))]
    order = [i for _, i in sorted(keyed)]
    sentences_in_order = [[reword(strip_self_reference(s), rng, pool.language, 0.6)
                           if rng.random() < reword_share else strip_self_reference(s)
                           for s in kept[i]] for i in order]
    # adjacent sentences occasionally swapped inside a paragraph
    for paragraph in sentences_in_order:
        for k in range(len(paragraph) - 1):
            if rng.random() < 0.1:
                paragraph[k], paragraph[k + 1] = paragraph[k + 1], paragraph[k]
    flat_count = sum(len(p) for p in sentences_in_order)
    target = rng.randint(MIN_SENTENCES, MAX_SENTENCES)
    target = max(MIN_SENTENCES, min(target, int(flat_count * 1.6) + 5))
    paragraphs = _regroup(sentences_in_order, rng)
    while count_sentences(paragraphs, pool.language) > target and len(paragraphs) > 2:
        paragraphs.pop()  # copies cut the tail
    same_language = [p for p in background if p.language == pool.language and p.name != pool.name]

    def background_run() -> list[str]:
        source = rng.choice(same_language)
        paragraph = list(rng.choice(source.paragraphs))
        start = rng.randrange(len(paragraph))
        return [strip_self_reference(s) for s in paragraph[start:start + rng.randint(1, 3)]]

    added = rng.randint(1, 4)  # a few background sentences always, more when the copy is short
    while same_language and (added > 0 or count_sentences(paragraphs, pool.language) < target):
        run = background_run()
        paragraphs.insert(rng.randint(1, len(paragraphs)), run)
        added -= len(run)
    title = reword(strip_self_reference(pool.title), rng, pool.language, 0.7)
    return title, fit(paragraphs, pool.language, rng, background_run if same_language else None)


def count_sentences(paragraphs: list[list[str]], language: str) -> int:
    """Sentences as the service will split them (a reworded or joined sentence may split differently)."""
    from service.text.sentences import split_sentences

    return sum(len(split_sentences(_join(p, language))) for p in paragraphs)


def fit(paragraphs: list[list[str]], language: str, rng: random.Random, more=None) -> list[list[str]]:
    """Hold the article to MIN_SENTENCES..MAX_SENTENCES: cut the tail, or add paragraphs from `more`."""
    paragraphs = [list(p) for p in paragraphs if p]
    while count_sentences(paragraphs, language) > MAX_SENTENCES and len(paragraphs) > 1:
        paragraphs.pop()
    while more is not None and count_sentences(paragraphs, language) < MIN_SENTENCES:
        paragraphs.insert(rng.randint(1, len(paragraphs)), more())
    return paragraphs


def _regroup(paragraphs: list[list[str]], rng: random.Random) -> list[list[str]]:
    """Each outlet cuts paragraphs its own way: split long ones, join short neighbours."""
    out: list[list[str]] = []
    for paragraph in paragraphs:
        if len(paragraph) > 2 and rng.random() < 0.3:
            cut = rng.randint(1, len(paragraph) - 1)
            out.extend([paragraph[:cut], paragraph[cut:]])
        elif out and len(out[-1]) + len(paragraph) <= 3 and rng.random() < 0.25:
            out[-1] = out[-1] + paragraph
        else:
            out.append(list(paragraph))
    return out


def digest(rng: random.Random, pool: Pool | None) -> tuple[str, list[list[str]]]:
    """A distractor: a reserved pool's report (if any) followed by briefs from the headline lists."""
    paragraphs: list[list[str]] = []
    title = None
    if pool is not None:
        title, paragraphs = pool.title, [list(p) for p in pool.paragraphs if rng.random() < 0.85]
    paragraphs = [[strip_self_reference(s) for s in p] for p in paragraphs]
    lines = list(headlines())
    target = rng.randint(MIN_SENTENCES, min(MAX_SENTENCES, MIN_SENTENCES + len(lines) // 2))
    need = max(0, target - sum(len(p) for p in paragraphs))
    picked = rng.sample(lines, min(need, len(lines)))
    briefs = [line.rstrip("。.!！?？ ") + "。" for line in picked]
    for k in range(0, len(briefs), 2):
        paragraphs.append(briefs[k:k + 2])
    spare = [line.rstrip("。.!！?？ ") + "。" for line in lines if line not in picked]
    more = (lambda: [spare.pop(rng.randrange(len(spare)))]) if spare else None
    return title or "今日要闻：" + picked[0], fit(paragraphs, "zh", rng, more)
