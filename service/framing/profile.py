"""Framing across a comparison: per fact, what differs between its mentions (terms, reporting verbs,
speakers, numbers); per outlet, its sources, quote shares by side, term profile (with the words it used),
headline and lead facts in its own wording, omissions, scare quotes and hedges; and what an aggregator copy
changed from its original."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
import math
from functools import lru_cache
from itertools import repeat

from ..align.features import sentence_features
from ..align.scoring import keyword_cosine
from ..ingest.rules import outlet_by_name
from ..models import Article
from ..text.normalize import fold
from .attribution import ARTICLE_CACHE_SIZE, ArticleText, frame_article
from .sentence_framing import SentenceFraming
from .speaker_identity import speaker_key

HEADLINE_MIN_COSINE = 30.0  # a title shares this much weighted vocabulary with a fact it headlines
HEADLINE_FACTS = 2
LEAD_SENTENCES = 2
BOUND_MARGIN = 0.999  # a bound below the threshold by less than this may be rounding: worked out exactly


def framing_report(articles: list[Article], facts: list[dict], coverage: dict, weights: dict[str, float],
                   features: dict) -> dict:
    """Adds `framing` to each mention and framing differences to each fact; returns the comparison's
    `framing` section. `features` maps (article id, sentence index) to the aligner's sentence features."""
    texts = {a.id: ArticleText.of(a) for a in articles}
    framed = {a.id: frame_article(texts[a.id]) for a in articles}
    for fact in facts:
        for mention in fact["mentions"]:
            mention["framing"] = framed[mention["article_id"]][mention["sentence_index"]].as_dict()
        fact["differences"].extend(fact_differences(fact))
    outlets = defaultdict(list)
    for article in articles:
        outlets[article.outlet_id].append(article)
    mentions = defaultdict(list)  # article id -> (fact id, mention), in fact order
    for fact in facts:
        for mention in fact["mentions"]:
            mentions[mention["article_id"]].append((fact["id"], mention))
    cosines: dict = {}  # (title words, sentence words) -> keyword cosine: reposts repeat both
    lowest = min(min(weights.values(), default=1.0), 1.0)  # the smallest weight of a word (1.0 without one)
    profiles = {outlet: _profile(group, texts, mentions, coverage.get(outlet, {}), (weights, lowest), features, cosines)
                for outlet, group in sorted(outlets.items())}
    return {"outlets": profiles, "term_differences": term_differences(profiles),
            "reposts": repost_changes(articles, facts)}


def fact_differences(fact: dict) -> list[dict]:
    by_outlet: dict[str, list[SentenceFraming | dict]] = defaultdict(list)
    for mention in fact["mentions"]:
        by_outlet[mention["outlet"]].append(mention["framing"])
    if len(by_outlet) < 2:
        return []
    differences = []
    families = defaultdict(dict)
    for outlet, framings in by_outlet.items():
        for framing in framings:
            for term in framing["terms"]:
                families[term["family"]].setdefault(outlet, []).append(
                    {"value": term["value"], "surface": term["surface"], "in_quote": term["in_quote"]})
    for family, values in sorted(families.items()):
        if len({v["value"] for vs in values.values() for v in vs}) > 1:
            differences.append({"kind": "term", "family": family, "values": values,
                                "in_quote": any(v["in_quote"] for vs in values.values() for v in vs)})
    attributed = {o: f["attribution"] for o, fs in by_outlet.items() for f in fs if f["attribution"]["speaker"]}
    classes = {o: {"verb": a["verb"], "class": a["verb_class"]} for o, a in attributed.items() if a["verb_class"]}
    if len({c["class"] for c in classes.values()}) > 1:
        differences.append({"kind": "verb_class", "values": classes})
    speakers = {o: a["speaker"] for o, a in attributed.items()}
    if len({speaker_key(name) for name in speakers.values()}) > 1:  # 中方 and 中国政府 are one speaker
        differences.append({"kind": "speaker", "values": speakers, "conflict": True})
    numbers = {o: sorted({n for f in fs for n in f["numbers"]}) for o, fs in by_outlet.items()}
    numbers = {o: n for o, n in numbers.items() if n}
    if len(numbers) > 1 and len({tuple(n) for n in numbers.values()}) > 1:
        differences.append({"kind": "number", "values": numbers})
    return differences


@dataclass(frozen=True)
class _Counts:
    """What one article's framings add up to (counted once per article text: reposts repeat articles)."""
    sources: dict  # (name, kind) -> source with its count
    quoted_by_side: Counter
    terms: dict  # family -> value -> surface as written -> count
    scare_quotes: Counter
    hedges: Counter
    evidentials: Counter


@lru_cache(maxsize=ARTICLE_CACHE_SIZE)
def _counts(text: ArticleText) -> _Counts:
    sources: dict[tuple, dict] = {}
    quoted_by_side, scare, hedges, evidentials = Counter(), Counter(), Counter(), Counter()
    terms: dict = defaultdict(lambda: defaultdict(Counter))
    for framing in frame_article(text).values():
        for source in framing.sources:
            entry = sources.setdefault((source["name"], source["kind"]), {**source, "count": 0})
            entry["count"] += 1
        if framing.attribution["type"] == "direct":
            quoted_by_side[framing.attribution["side"] or "other"] += framing.quoted_chars
        for term in framing.terms:
            terms[term["family"]][term["value"]][term["surface"]] += 1
        if framing.scare_quotes:
            scare.update(framing.scare_quotes)
        if framing.hedges:
            hedges.update(framing.hedges)
        if framing.evidentials:
            evidentials.update(framing.evidentials)
    return _Counts(sources, quoted_by_side, {f: {v: dict(s) for v, s in values.items()} for f, values in terms.items()},
                   scare, hedges, evidentials)


def _profile(articles: list[Article], texts: dict, mentions: dict, cover: dict, weighting, features, cosines) -> dict:
    own_names = _own_names(articles)
    sources: dict[tuple, dict] = {}
    quoted_by_side, scare, hedges, evidentials = Counter(), Counter(), Counter(), Counter()
    surfaces: dict = defaultdict(lambda: defaultdict(Counter))  # family -> value -> surface -> count
    for article in articles:
        counts = _counts(texts[article.id])
        for key, source in counts.sources.items():
            if fold(source["name"]) in own_names:
                continue  # an outlet's dateline names itself; that is not a source
            entry = sources.setdefault(key, {**source, "count": 0})
            entry["count"] += source["count"]
        quoted_by_side.update(counts.quoted_by_side)
        for family, values in counts.terms.items():
            for value, written in values.items():
                surfaces[family][value].update(written)
        scare.update(counts.scare_quotes)
        hedges.update(counts.hedges)
        evidentials.update(counts.evidentials)
    total_quoted = sum(quoted_by_side.values())
    return {
        "articles": [a.id for a in articles],
        "sources": sorted(sources.values(), key=lambda s: (-s["count"], s["name"])),
        "quote_share": {side: round(chars / total_quoted, 3) for side, chars in quoted_by_side.most_common()}
        if total_quoted else {},
        "terms": {family: {value: sum(written.values()) for value, written in values.items()}
                  for family, values in sorted(surfaces.items())},
        "term_surfaces": {family: {value: dict(written.most_common()) for value, written in values.items()}
                          for family, values in sorted(surfaces.items())},
        "headline_lead": _headline_lead(articles, mentions, weighting, features, cosines),
        "omitted_facts": cover.get("omitted_facts", []),
        "scare_quotes": dict(scare.most_common()),
        "hedges": dict(hedges.most_common()),
        "evidentials": dict(evidentials.most_common()),
    }


def _own_names(articles: list[Article]) -> set[str]:
    names = set()
    for outlet_id in dict.fromkeys(a.outlet_id for a in articles):  # an outlet's articles share its id
        entry = outlet_by_name(outlet_id)
        names |= {fold(n) for n in (entry.names if entry else ())} | {fold(outlet_id)}
    return names


def _headline_lead(articles: list[Article], mentions: dict, weighting: tuple, features, cosines: dict) -> dict:
    """The facts an outlet's titles headline and its first sentences lead with, each also as that outlet's own
    sentence (`headline`, `lead`: the fact, the article and sentence, the words)."""
    headline, lead, masses = [], [], {}
    weights, lowest = weighting  # the word weights, and the smallest of them

    def cosine(title, sentence) -> float:
        key = (title.word_set, sentence.word_set)
        if key not in cosines:
            cosines[key] = keyword_cosine(title, sentence, weights, masses=masses) \
                if _may_headline(title.word_set, sentence.word_set, weights, lowest, masses) else 0.0
        return cosines[key]

    for article in articles:
        own = mentions.get(article.id, [])
        if article.title:
            title = sentence_features(-1, -1, article.title)
            best: list[tuple[float, int]] = []  # (score, -position) of the best HEADLINE_FACTS mentions
            for k, (_, m) in enumerate(own):
                score = cosine(title, features[(article.id, m["sentence_index"])])
                if score >= HEADLINE_MIN_COSINE and (len(best) < HEADLINE_FACTS or (score, -k) > best[-1]):
                    best = sorted([*best, (score, -k)], reverse=True)[:HEADLINE_FACTS]
            headline += [own[-k] for _, k in best]
        first = sorted({m["sentence_index"] for _, m in own})[:LEAD_SENTENCES]
        lead += [(fact_id, m) for fact_id, m in own if m["sentence_index"] in first]
    headline, lead = _first_per_fact(headline), _first_per_fact(lead)
    return {"title": [a.title for a in articles], "headline_facts": [fact_id for fact_id, _ in headline],
            "lead_facts": [fact_id for fact_id, _ in lead], "headline": _own_words(headline), "lead": _own_words(lead)}


def _may_headline(title: frozenset, sentence: frozenset, weights: dict, lowest: float, masses: dict) -> bool:
    """Whether the keyword cosine of a title and a sentence can reach HEADLINE_MIN_COSINE, from a bound that
    needs no sum over the sentence's words: its mass is at least the shared words' weight plus the smallest
    weight (`lowest`) for each other word. Most mentions share too little with the title to headline it."""
    shared_words = title & sentence
    if not shared_words:
        return False
    if title not in masses:
        masses[title] = sum(map(weights.get, title, repeat(1.0)))
    shared = sum(map(weights.get, shared_words, repeat(1.0)))
    product = masses[title] * (shared + (len(sentence) - len(shared_words)) * lowest)
    return product <= 0 or 100.0 * shared / math.sqrt(product) >= HEADLINE_MIN_COSINE * BOUND_MARGIN


def _first_per_fact(found: list[tuple[str, dict]]) -> list[tuple[str, dict]]:
    return list({fact_id: (fact_id, mention) for fact_id, mention in reversed(found)}.values())[::-1]


def _own_words(found: list[tuple[str, dict]]) -> list[dict]:
    return [{"fact": fact_id, "article_id": m["article_id"], "sentence_index": m["sentence_index"], "text": m["text"]}
            for fact_id, m in found]


def term_differences(profiles: dict) -> dict:
    """For each term family where outlets differ, per outlet: each value it used with its count and the words
    it used for it, as written (xi_title: dw official_title ×3 国家主席 ×2, 習近平主席 ×1; nyt generic_role ×2
    领导人 ×2)."""
    families = defaultdict(dict)
    for outlet, profile in profiles.items():
        for family, values in profile["term_surfaces"].items():
            families[family][outlet] = [{"value": value, "count": sum(written.values()), "surfaces": written}
                                        for value, written in sorted(values.items(),
                                                                     key=lambda v: (-sum(v[1].values()), v[0]))]
    return {family: outlets for family, outlets in sorted(families.items())
            if len({tuple(sorted(v["value"] for v in used)) for used in outlets.values()}) > 1}


def repost_changes(articles: list[Article], facts: list[dict]) -> list[dict]:
    """For each aggregator copy compared with its original: sentences cut, sentences added, and the title."""
    changes = []
    facts_of = defaultdict(set)  # article id -> positions of the facts it reports
    for position, fact in enumerate(facts):
        for mention in fact["mentions"]:
            facts_of[mention["article_id"]].add(position)
    for copy in articles:
        if copy.via is None:
            continue
        for original in articles:
            if original.via is not None or original.outlet_id != copy.outlet_id:
                continue
            together = {(m["article_id"], m["sentence_index"]) for position in facts_of[copy.id] & facts_of[original.id]
                        for m in facts[position]["mentions"]}
            cut = [s.text for s in original.sentences if (original.id, s.index) not in together]
            added = [s.text for s in copy.sentences if (copy.id, s.index) not in together]
            changes.append({"copy": copy.id, "original": original.id, "via": copy.via.id,
                            "retitled": (copy.title or "") != (original.title or ""),
                            "titles": {"copy": copy.title, "original": original.title},
                            "cut": cut, "added": added})
    return changes
