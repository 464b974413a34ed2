"""Reviewers' corrections of alignments, as constraints on pairs of sentence texts, applied after alignment.

A correction says of some sentence pairs that they report one fact (link, merge) or not (unlink, split). It is
stored per pair of sentence texts (content-addressed), so it applies to any later comparison holding the same
two sentences, whatever articles they come from. Applying: facts are first cut where a "different" pair sits
inside one, then joined where a "same" pair spans two, unless that would put a "different" pair together.
Pure: no Flask, no Redis (the store keeps the corrections, service.store).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from .align.cluster import Cluster
from .align.features import SentenceFeatures
from .text.normalize import fold

SAME, DIFFERENT = "same", "different"
OPERATIONS = ("unlink", "link", "split", "merge")


def text_key(text: str) -> str:
    """A sentence text's address: its folded form's digest (the same sentence in either script or width)."""
    return hashlib.sha256(" ".join(fold(text).split()).encode()).hexdigest()[:24]


def pair_key(a: str, b: str) -> str:
    """The key of an unordered pair of sentence texts: the same whichever side each text is on."""
    x, y = sorted((text_key(a), text_key(b)))
    return f"{x}:{y}"


@dataclass(frozen=True)
class Constraint:
    pair: str  # pair_key of the two texts
    label: str  # SAME or DIFFERENT
    correction: str  # id of the correction that made it


@dataclass
class Applied:
    clusters: list[Cluster]
    corrected: dict[int, set[str]] = field(default_factory=dict)  # cluster position -> correction ids


def constraints_for(operation: str, groups: list[list[str]]) -> list[tuple[str, str, str]]:
    """(text a, text b, label) pairs an operation implies. `groups`: the texts it names, in groups: unlink
    [[the mentions taken out], [the rest of their fact]], link [[mentions]], split [[group], [group], ...],
    merge [[fact], [fact], ...]."""
    if operation in ("link", "merge"):
        texts = [t for group in groups for t in group]
        return [(a, b, SAME) for k, a in enumerate(texts) for b in texts[k + 1:] if a != b]
    pairs = []
    for k, group in enumerate(groups):
        for other in groups[k + 1:]:
            pairs += [(a, b, DIFFERENT) for a in group for b in other if a != b]
    if operation == "split":  # each new group stays one fact
        for group in groups:
            pairs += [(a, b, SAME) for k, a in enumerate(group) for b in group[k + 1:] if a != b]
    return pairs


def apply(clusters: list[Cluster], features: list[SentenceFeatures], constraints: list[Constraint]) -> Applied:
    """The clusters after the constraints: cut at DIFFERENT pairs, then joined at SAME pairs."""
    by_pair: dict[str, Constraint] = {}
    for constraint in constraints:
        by_pair[constraint.pair] = constraint  # later corrections of a pair win
    if not by_pair:
        return Applied(clusters)
    keys = [text_key(f.text) for f in features]
    corrected: dict[int, set[str]] = {}
    result: list[Cluster] = []
    for cluster in clusters:
        for part, used in _cut(cluster, keys, by_pair):
            if used:
                corrected[len(result)] = used
            result.append(part)
    return _join(result, keys, by_pair, corrected)


def _rule(keys: list[str], by_pair: dict[str, Constraint], x: int, y: int) -> Constraint | None:
    a, b = sorted((keys[x], keys[y]))
    return by_pair.get(f"{a}:{b}")


def _cut(cluster: Cluster, keys, by_pair) -> list[tuple[Cluster, set[str]]]:
    """The cluster split so that no DIFFERENT pair stays inside a part: members join the first part they have
    no DIFFERENT constraint with, in order."""
    parts: list[list[int]] = []
    used: list[set[str]] = []
    for member in cluster.members:
        for k, part in enumerate(parts):
            rules = [_rule(keys, by_pair, member, other) for other in part]
            if not any(r is not None and r.label == DIFFERENT for r in rules):
                part.append(member)
                break
        else:
            parts.append([member])
            used.append(set())
            k = len(parts) - 1
        for other in parts[k]:
            rule = _rule(keys, by_pair, member, other) if other != member else None
            if rule is not None:
                used[k].add(rule.correction)
    if len(parts) > 1:
        clashes = {r.correction for x in cluster.members for y in cluster.members
                   if (r := _rule(keys, by_pair, x, y)) is not None and r.label == DIFFERENT}
        used = [u | clashes for u in used]
    return [(Cluster(members=part, links={m: cluster.links[m] for m in part if m in cluster.links}), u)
            for part, u in zip(parts, used)]


def _join(clusters: list[Cluster], keys, by_pair, corrected: dict[int, set[str]]) -> Applied:
    owner = {m: k for k, c in enumerate(clusters) for m in c.members}
    by_key: dict[str, list[int]] = {}
    for member in owner:
        by_key.setdefault(keys[member], []).append(member)
    for constraint in sorted(by_pair.values(), key=lambda c: c.pair):
        if constraint.label != SAME:
            continue
        a, b = constraint.pair.split(":")
        for x in by_key.get(a, []):
            for y in by_key.get(b, []):
                cx, cy = owner[x], owner[y]
                if cx == cy or clusters[cx] is None or clusters[cy] is None:
                    continue
                merged = clusters[cx].members + clusters[cy].members
                if any((r := _rule(keys, by_pair, p, q)) is not None and r.label == DIFFERENT
                       for i, p in enumerate(merged) for q in merged[i + 1:]):
                    continue  # a link across a split: the split stands
                clusters[cx] = Cluster(members=merged, links={**clusters[cx].links, **clusters[cy].links})
                corrected[cx] = corrected.get(cx, set()) | corrected.pop(cy, set()) | {constraint.correction}
                for member in clusters[cy].members:
                    owner[member] = cx
                clusters[cy] = None
    kept = [k for k, c in enumerate(clusters) if c is not None]
    position = {old: new for new, old in enumerate(kept)}
    return Applied([clusters[k] for k in kept], {position[k]: v for k, v in corrected.items() if k in position})
