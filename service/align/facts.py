"""Facts from clusters: mentions, outlets present and missing, weight, stable ids, wording differences, and
each outlet's coverage (present, unique, omitted)."""
from __future__ import annotations

import hashlib

from ..models import Article
from .cluster import Cluster, SentenceScores
from .crosslingual import sentence_language
from .diff import word_diff
from .features import SentenceFeatures
from ..tuning import CENTRALITY_SAMPLE




def fact_id(members: list[tuple[str, int]], salt: str) -> str:
    """Stable for the same member sentences and the same options: a hash, not a position."""
    key = salt + "|" + ",".join(f"{a}:{s}" for a, s in sorted(members))
    return hashlib.sha256(key.encode()).hexdigest()[:12]


def build_facts(articles: list[Article], features: list[SentenceFeatures], clusters: list[Cluster],
                scores: SentenceScores, *, salt: str, events: list[list[int]] | None = None,
                corrections: dict[int, set[str]] | None = None) -> list[dict]:
    """Facts from clusters. `events`: article positions grouped into events; a fact's missing outlets and
    weight count only the outlets of its event (that of its first mention's article). `corrections`: per
    cluster position, the reviewers' corrections that changed it."""
    corrections = corrections or {}
    outlets = outlet_ids(articles)
    events = events or [list(range(len(articles)))]
    event_of = {article: k for k, members in enumerate(events) for article in members}
    event_outlets = [sorted({outlets[a] for a in members}) for members in events]
    facts = []
    ordered = [sorted(c.members, key=lambda m: (features[m].article, features[m].index)) for c in clusters]
    judging = [_judging(members, features, articles) if len(members) > 1 else None for members in ordered]
    scores.prime((m, o) for plan in judging if plan for m in plan[0] for o, _ in plan[1])  # one batch for all
    for position, (cluster, members, plan) in enumerate(zip(clusters, ordered, judging)):
        reporting = {outlets[features[m].article] for m in members}
        present = sorted(reporting)
        event = event_of[features[members[0]].article]
        compared = event_outlets[event]
        mentions = [_mention(articles, features, m, cluster, _confidence(members, m, scores)) for m in members]
        facts.append({
            "id": fact_id([(articles[features[m].article].id, features[m].index) for m in members], salt),
            "outlets": present,
            "event": event,
            "missing": [o for o in compared if o not in reporting],
            "weight": round(len(present) / max(len(set(compared) | reporting), 1), 4),
            "mentions": mentions,
            "differences": _differences(members, plan, features, articles, outlets, scores),
            "corrected": bool(corrections.get(position)),
            "corrections": sorted(corrections.get(position, ())),
            "_order": (features[members[0]].article, features[members[0]].index),
        })
    facts.sort(key=lambda f: (-f["weight"], f["_order"]))
    for fact in facts:
        del fact["_order"]
    return facts


def sentence_role(article: Article, index: int) -> tuple[str, int | None]:
    """("body" | "heading" | "caption", paragraph number) of a compared sentence: indices past the body are
    caption sentences (text.sentences.caption_sentences), in no paragraph."""
    if index >= len(article.sentences):
        return "caption", None
    paragraph = article.sentences[index].paragraph
    heading = paragraph < len(article.paragraphs) and article.paragraphs[paragraph].heading
    return ("heading" if heading else "body"), paragraph


def outlet_ids(articles: list[Article]) -> list[str]:
    """Each article's outlet id: a repost counts as its original outlet, so it is not another outlet."""
    return [article.outlet_id for article in articles]


def _confidence(members: list[int], member: int, scores: SentenceScores) -> float | None:
    """The model's probability that the mention reports the same fact as the fact's first mention."""
    if len(members) == 1:
        return None
    return 1.0 if member == members[0] else scores(members[0], member).confidence


def _mention(articles, features, member: int, cluster: Cluster, confidence: float | None) -> dict:
    feature = features[member]
    article = articles[feature.article]
    role, paragraph = sentence_role(article, feature.index)
    link = cluster.links.get(member)
    return {
        "article_id": article.id,
        "outlet": article.outlet_id,
        "sentence_index": feature.index,
        "paragraph": paragraph,
        "role": role,
        "language": sentence_language(feature),
        "text": feature.text,
        "score": link.score if link else None,
        "scorer": link.scorer if link else None,
        "confidence": confidence,
    }


def _differences(members, plan, features, articles, outlets, scores: SentenceScores) -> list[dict]:
    """Word-level differences of each mention from the fact's most central mention, one per other outlet: its
    body mention closest in wording to the reference (a subhead and a body sentence of one outlet may both
    report the fact; the word choice shows between the two body sentences)."""
    if plan is None:
        return []
    reference = _most_central(*plan, features, scores)
    ref_feature = features[reference]
    def closeness(member: int) -> tuple[bool, float]:
        body = sentence_role(articles[features[member].article], features[member].index)[0] == "body"
        return body, scores(reference, member).score

    closest: dict[str, int] = {}
    for member in members:
        outlet = outlets[features[member].article]
        if outlet != outlets[ref_feature.article] and (
                outlet not in closest or closeness(member) > closeness(closest[outlet])):
            closest[outlet] = member
    differences = []
    for outlet, member in closest.items():
        spans = word_diff(ref_feature.text, features[member].text)
        if spans:
            differences.append({
                "kind": "wording",
                "between": [articles[ref_feature.article].id, articles[features[member].article].id],
                "outlets": [outlets[ref_feature.article], outlet],
                "spans": spans,
            })
    return differences


def _judging(members: list[int], features, articles) -> tuple[list[int], list[tuple[int, set[int]]]]:
    """Which mentions may be a fact's reference, and what they are compared with: copies of one text are
    judged once and count by their number of articles; a large fact is judged on an even sample of its texts.
    A body sentence is the reference when the fact has one (a subhead or a caption words a fact in brief)."""
    copies: dict[str, list[int]] = {}
    for m in members:
        copies.setdefault(features[m].norm, []).append(m)
    texts = list(copies.values())
    sample = texts[::max(1, len(texts) // CENTRALITY_SAMPLE)]
    judged = [group[0] for group in sample]
    body = [m for m in judged if sentence_role(articles[features[m].article], features[m].index)[0] == "body"]
    return body or judged, [(group[0], {features[o].article for o in group}) for group in sample]


def _most_central(judged: list[int], others: list[tuple[int, set[int]]], features, scores: SentenceScores) -> int:
    """The judged mention with the best mean score against the mentions in other articles."""
    def centrality(m: int) -> float:
        article, total, count = features[m].article, 0.0, 0
        for o, articles in others:
            weight = len(articles - {article})
            if weight:
                total += weight * scores(m, o).score
                count += weight
        return total / max(count, 1)

    return max(judged, key=lambda m: (centrality(m), -m))


def event_coverage(facts: list[dict], event_outlets: list[list[str]]) -> dict:
    """coverage() where an outlet omits only facts of its own events: facts it reports and reports alone count
    over all facts, facts it leaves out only among the facts of an event it has an article in."""
    result = coverage(facts, sorted({o for outlets in event_outlets for o in outlets}), omitted_in=[])
    for event, compared in enumerate(event_outlets):
        within = coverage([f for f in facts if f["event"] == event], compared)
        for outlet in compared:
            result[outlet]["omitted_facts"] += within[outlet]["omitted_facts"]
            result[outlet]["omitted"] += within[outlet]["omitted"]
    return result


def coverage(facts: list[dict], compared: list[str], *, omitted_in: list[dict] | None = None) -> dict:
    """Per outlet: facts it reports, facts only it reports, and facts it omits although at least half of
    the other outlets report them (among `omitted_in`, all facts by default)."""
    others = len(compared) - 1
    present = {outlet: [] for outlet in compared}
    unique = {outlet: [] for outlet in compared}
    for fact in facts:
        for outlet in fact["outlets"]:
            if outlet in present:  # a fact of another event may carry an outlet compared elsewhere
                present[outlet].append(fact["id"])
        if len(fact["outlets"]) == 1 and fact["outlets"][0] in unique:
            unique[fact["outlets"][0]].append(fact["id"])
    widely = [f for f in (facts if omitted_in is None else omitted_in) if others and len(f["outlets"]) >= others / 2]
    result = {}
    for outlet in compared:
        omitted = [f["id"] for f in widely if outlet not in f["outlets"]]
        result[outlet] = {"present": len(present[outlet]), "unique": len(unique[outlet]), "omitted": len(omitted),
                          "unique_facts": unique[outlet], "omitted_facts": omitted}
    return result
