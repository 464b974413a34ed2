"""From a reviewer's operations on a comparison to the sentence pairs they constrain (service.corrections).

Operations name mentions ({article_id, sentence_index}) or facts of the comparison they were made on:
unlink (take the mentions out of their facts), link (put them in one fact), split (divide a fact into the
given groups of its mentions), merge (join the given facts). A request is checked whole before anything is
kept: an unknown mention or fact, a mention of an article not in the comparison, or a link across a split the
same request makes is refused, naming the operation.
"""
from __future__ import annotations

from .corrections import DIFFERENT, SAME, constraints_for


class CorrectionError(ValueError):
    def __init__(self, operation: int, detail: str):
        super().__init__(f"operation {operation}: {detail}")
        self.operation, self.detail = operation, f"operation {operation}: {detail}"


def plan(comparison: dict, operations: list[dict]) -> list[dict]:
    """The pairs [{a, b, label}] the operations constrain, in order (later pairs override earlier ones)."""
    articles = {a["id"] for a in comparison["articles"]}
    mention_text, fact_of = {}, {}
    facts = {f["id"]: f for f in comparison["facts"]}
    for fact in comparison["facts"]:
        for m in fact["mentions"]:
            mention_text[(m["article_id"], m["sentence_index"])] = m["text"]
            fact_of[(m["article_id"], m["sentence_index"])] = fact["id"]
    pairs: list[dict] = []
    apart: set[frozenset] = set()
    for k, operation in enumerate(operations):
        kind = operation["op"]
        groups = _groups(k, operation, facts, mention_text, fact_of, articles)
        made = constraints_for(kind, groups)
        for a, b, label in made:
            key = frozenset((a, b))
            if label == SAME and key in apart:
                raise CorrectionError(k, "links two mentions that an earlier operation of this request sets apart")
            if label == DIFFERENT:
                apart.add(key)
        pairs += [{"a": a, "b": b, "label": label} for a, b, label in made]
    if not pairs:
        raise CorrectionError(0, "the operations change nothing: name at least two different sentences")
    return pairs


def _groups(k, operation, facts, mention_text, fact_of, articles) -> list[list[str]]:
    kind = operation["op"]
    if kind in ("unlink", "link"):
        keys = [_mention(k, m, mention_text, articles) for m in operation.get("mentions", [])]
        if kind == "link":
            if len(keys) < 2:
                raise CorrectionError(k, "link needs at least two mentions")
            return [[mention_text[key] for key in keys]]
        if not keys:
            raise CorrectionError(k, "unlink needs the mentions to take out of their facts")
        taken = set(keys)
        rest = [m for key in keys for m in _fact_mentions(facts[fact_of[key]]) if m not in taken]
        if not rest:
            raise CorrectionError(k, "the mentions are alone in their facts already: nothing to unlink")
        return [[mention_text[key] for key in keys], [mention_text[m] for m in dict.fromkeys(rest)]]
    if kind == "split":
        groups = [[_mention(k, m, mention_text, articles) for m in group] for group in operation.get("groups", [])]
        if len(groups) < 2 or not all(groups):
            raise CorrectionError(k, "split needs `groups`: two or more non-empty lists of mentions of one fact")
        if len({fact_of[key] for group in groups for key in group}) != 1:
            raise CorrectionError(k, "split divides one fact: every mention of `groups` must be in the same fact")
        return [[mention_text[key] for key in group] for group in groups]
    if kind == "merge":
        ids = operation.get("facts", [])
        unknown = [i for i in ids if i not in facts]
        if unknown or len(set(ids)) < 2:
            raise CorrectionError(k, f"merge needs two or more facts of this comparison; unknown: {unknown}"
                                  if unknown else "merge needs two or more different facts")
        return [[mention_text[m] for m in _fact_mentions(facts[i])] for i in ids]
    raise CorrectionError(k, f"unknown op {kind!r}: use unlink, link, split or merge")


def _mention(k, mention: dict, mention_text, articles) -> tuple[str, int]:
    key = (mention.get("article_id"), mention.get("sentence_index"))
    if key[0] not in articles:
        raise CorrectionError(k, f"article {key[0]!r} is not in this comparison")
    if key not in mention_text:
        raise CorrectionError(k, f"article {key[0]} has no sentence {key[1]!r} among this comparison's facts")
    return key


def _fact_mentions(fact: dict) -> list[tuple[str, int]]:
    return [(m["article_id"], m["sentence_index"]) for m in fact["mentions"]]


__all__ = ["CorrectionError", "plan", "SAME", "DIFFERENT"]
