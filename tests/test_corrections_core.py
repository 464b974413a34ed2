"""Corrections as constraints on sentence-text pairs, applied to clusters (service.corrections, no Redis)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from service.align.cluster import Cluster
from service.align.features import sentence_features
from service.corrections import DIFFERENT, SAME, Constraint, apply, constraints_for, pair_key, text_key

TEXTS = ["布林肯周五会见了习近平。", "国务卿布林肯周五在北京会见习近平。", "王毅周五会见了布林肯。", "双方讨论了台湾问题。"]


def features():
    return [sentence_features(k, 0, text) for k, text in enumerate(TEXTS)]


def constraints(operation, groups, correction="c1"):
    return [Constraint(pair_key(a, b), label, correction) for a, b, label in constraints_for(operation, groups)]


def members(applied):
    return sorted(sorted(c.members) for c in applied.clusters)


def test_unlink_takes_a_mention_out_of_its_fact_and_marks_both_parts():
    applied = apply([Cluster([0, 1, 2])], features(), constraints("unlink", [[TEXTS[2]], TEXTS[:2]]))
    assert members(applied) == [[0, 1], [2]]
    assert set(applied.corrected) == {0, 1} and all(v == {"c1"} for v in applied.corrected.values())


def test_link_joins_facts_and_a_split_it_contradicts_wins_when_later():
    separate = [Cluster([0]), Cluster([1]), Cluster([3])]
    linked = apply(separate, features(), constraints("link", [[TEXTS[0], TEXTS[1]]]))
    assert members(linked) == [[0, 1], [3]] and linked.corrected == {0: {"c1"}}
    later = constraints("link", [[TEXTS[0], TEXTS[1]]]) + constraints("split", [[TEXTS[0]], [TEXTS[1]]], "c2")
    assert members(apply(separate, features(), later)) == [[0], [1], [3]]


def test_merge_does_not_join_across_a_different_pair():
    rules = constraints("split", [[TEXTS[0]], [TEXTS[2]]], "c1") + constraints("merge", [[TEXTS[0]], [TEXTS[2]]], "c2")
    rules = rules[:1] + [r for r in rules[1:] if r.label == SAME]  # the split first, then a merge of the same pair
    assert {r.label for r in rules} == {DIFFERENT, SAME}
    # the later SAME replaces the DIFFERENT of the same pair: the merge stands
    assert members(apply([Cluster([0]), Cluster([2])], features(), rules)) == [[0, 2]]


def test_corrections_follow_the_text_in_any_script():
    traditional = sentence_features(0, 0, "布林肯週五會見了習近平。")
    assert text_key(traditional.text) == text_key(TEXTS[0])
    applied = apply([Cluster([0, 1])], [traditional, features()[2]],
                    constraints("unlink", [[TEXTS[0]], [TEXTS[2]]]))
    assert members(applied) == [[0], [1]]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.integers(0, 3), min_size=4, max_size=4),
       st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), st.booleans()), max_size=6))
def test_every_sentence_stays_in_exactly_one_fact_and_no_different_pair_shares_one(owner, rules):
    clusters = {}
    for member, label in enumerate(owner):
        clusters.setdefault(label, []).append(member)
    built = [Cluster(m) for m in clusters.values()]
    made = [Constraint(pair_key(TEXTS[a], TEXTS[b]), SAME if same else DIFFERENT, f"c{k}")
            for k, (a, b, same) in enumerate(rules) if a != b]
    applied = apply(built, features(), made)
    assert sorted(m for c in applied.clusters for m in c.members) == [0, 1, 2, 3]
    final = {}
    for rule in made:
        final[rule.pair] = rule.label
    for cluster in applied.clusters:
        for i, x in enumerate(cluster.members):
            for y in cluster.members[i + 1:]:
                assert final.get(pair_key(TEXTS[x], TEXTS[y])) != DIFFERENT


def test_a_comparison_applies_corrections_and_marks_the_facts_they_changed():
    from service.comparison import compare
    from service.ingest import parse_document

    from .conftest import seed_bytes

    articles = [parse_document(seed_bytes(p)) for p in ("000", "001")]
    plain = compare(articles)
    shared = next(f for f in plain["facts"] if len(f["outlets"]) == 2)
    a, b = shared["mentions"][0]["text"], shared["mentions"][-1]["text"]
    rules = constraints("unlink", [[b], [m["text"] for m in shared["mentions"] if m["text"] != b]])
    fixed = compare(articles, corrections=rules, corrections_version="v1")
    assert fixed["id"] != plain["id"] and fixed["options"]["corrections"] == "v1"
    holding = [f for f in fixed["facts"] if any(m["text"] in (a, b) for m in f["mentions"])]
    assert len(holding) == 2 and all(f["corrected"] and f["corrections"] == ["c1"] for f in holding)
    assert not any(f["corrected"] for f in fixed["facts"] if f not in holding)
    assert not any(f["corrected"] for f in plain["facts"])
