"""The baselines the benchmark sets against compare(): brute force with the pipeline's own scorer, rapidfuzz
cdist, difflib and CollateX, each run in a child process of its own (see run.py's docstring for the figures)."""
from __future__ import annotations

import math
import random
import time

from ours import load_documents, rss_mb


def feature_stage(articles, params):
    """compare()'s own first steps (comparison.compared_features, align.aligner.pair_scorer): the articles in
    its order, the features of every sentence it aligns (body, subheads, captions), the word weights and the
    pair scorer (with the cross-lingual one when languages mix)."""
    from service.align.aligner import pair_scorer
    from service.align.candidates import word_weights
    from service.comparison import compared_features

    articles, features = compared_features(articles)
    return articles, features, word_weights(features), pair_scorer(features, params)[0]


def unit_candidates(features, params, articles: int):
    """align()'s candidate step by its own functions: units (copies of one text) and the unit pairs proposed."""
    from service.align.aligner import indexed_candidates, pair_scorer
    from service.align.units import group_units

    units = group_units(features)
    _, crosslingual = pair_scorer(units.features, params)
    return units, set(indexed_candidates(units.features, crosslingual, params=params, articles=articles))


def _parsed(docs_path: str):
    """The workload's documents, parsed (untimed: the baselines start from articles)."""
    return [d.parse() for d in load_documents(docs_path)]


def _cross_pair_count(article_of: list[int]) -> int:
    """The number of unordered sentence pairs across articles: what brute force scores."""
    sizes: dict[int, int] = {}
    for a in article_of:
        sizes[a] = sizes.get(a, 0) + 1
    n = len(article_of)
    return (n * n - sum(s * s for s in sizes.values())) // 2


def _random_cross_pair(rng: random.Random, article_of: list[int]) -> tuple[int, int]:
    """A uniformly random unordered pair of sentences of different articles."""
    n = len(article_of)
    while True:
        i, j = rng.randrange(n), rng.randrange(n)
        if article_of[i] != article_of[j]:
            return (i, j) if i < j else (j, i)


def wilson(hits: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of a proportion (95 % by default): recall from a sample of links."""
    if n == 0:
        return (0.0, 1.0)
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def task_brute(args) -> dict:
    """Brute force: the pipeline's scorer on every cross-article pair (or a sample), and the indexed recall."""
    from service.warmup import warm_up
    from service.tuning import AlignParams

    warm_up()
    params = AlignParams()
    articles = _parsed(args.docs)
    t0 = time.perf_counter()
    _, features, _, scores = feature_stage(articles, params)
    t_features = time.perf_counter() - t0
    t1 = time.perf_counter()
    units, proposed = unit_candidates(features, params, len(articles))
    t_index = time.perf_counter() - t1
    unit_of = units.unit_of
    # The indexed aligner (compare()) works on units, copies of one text: two copies are linked as identical,
    # other sentence pairs are scored when their units are a candidate pair. A brute-force link is found by the
    # indexed aligner exactly when it is one of those, so recall needs the candidate set only.

    class Found:
        def __contains__(self, pair) -> bool:
            u, v = unit_of[pair[0]], unit_of[pair[1]]
            return u == v or ((u, v) if u < v else (v, u)) in proposed

    candidates = Found()

    by_scorer: dict[str, list[int]] = {}  # scorer that carried a brute-force link -> [found by the index, links]

    def is_link(i: int, j: int, tally: bool = False) -> bool:
        s = scores(i, j)
        if len(scores.cache) > 50_000:
            scores.cache.clear()
        linked = scores.links(i, j)
        if linked and tally:
            counts = by_scorer.setdefault(s.scorer, [0, 0])
            counts[0] += (i, j) in candidates
            counts[1] += 1
        return linked

    article_of = [f.article for f in features]
    total_pairs = _cross_pair_count(article_of)
    rng = random.Random(7)
    calibration = [_random_cross_pair(rng, article_of) for _ in range(min(3000, total_pairs))]
    t3 = time.perf_counter()
    for pair in calibration:
        is_link(*pair)
    per_pair = (time.perf_counter() - t3) / max(len(calibration), 1)
    estimate = per_pair * total_pairs
    result = {"sentences": len(features), "cross_article_pairs": total_pairs, "features_s": round(t_features, 3),
              "indexed": {"distinct_sentences": len(units), "candidate_pairs": len(proposed),
                          "candidate_share": round(len(proposed) / total_pairs, 5),
                          "index_s": round(t_index, 3),
                          "align_s_estimated": round(t_features + t_index + per_pair * len(proposed), 3)},
              "calibrated_us_per_pair": round(per_pair * 1e6, 1), "bound_s": args.bound}
    if estimate <= args.bound:
        t4 = time.perf_counter()
        brute_links = set()
        for i in range(len(features)):
            for j in range(i + 1, len(features)):
                if article_of[i] != article_of[j] and is_link(i, j, tally=True):
                    brute_links.add((i, j))
        elapsed = time.perf_counter() - t4
        found = sum(1 for pair in brute_links if pair in candidates)
        result.update({
            "mode": "exact", "pairs_scored": total_pairs, "scoring_s": round(elapsed, 3),
            "time_s": round(t_features + elapsed, 3), "links": len(brute_links), "indexed_links": found,
            "recall": round(found / len(brute_links), 5) if brute_links else None,
            "missed_links": len(brute_links) - found,
            "recall_by_scorer": _by_scorer(by_scorer),
        })
        return result
    seen, links, hits = set(), 0, 0
    deadline = time.perf_counter() + args.bound
    t4 = time.perf_counter()
    while time.perf_counter() < deadline:
        for _ in range(500):
            pair = _random_cross_pair(rng, article_of)
            if pair in seen:
                continue
            seen.add(pair)
            if is_link(*pair, tally=True):
                links += 1
                hits += pair in candidates
    elapsed = time.perf_counter() - t4
    per_pair = elapsed / len(seen)
    low, high = wilson(hits, links)
    result.update({
        "mode": "sampled", "pairs_scored": len(seen), "sample_share": round(len(seen) / total_pairs, 6),
        "sampled_s": round(elapsed, 3), "us_per_pair": round(per_pair * 1e6, 1),
        "time_s": round(t_features + per_pair * total_pairs, 1), "time_is_extrapolated": True,
        "links_in_sample": links, "links_estimated": round(links / len(seen) * total_pairs),
        "recall": round(hits / links, 5) if links else None,
        "recall_95ci": [round(low, 4), round(high, 4)],
        "recall_by_scorer": _by_scorer(by_scorer),
    })
    return result


def _by_scorer(counts: dict[str, list[int]]) -> dict:
    """Recall split by the scorer that carried each brute-force link: the clause scorer links sentences that
    share one clause, which the candidate index (whole-sentence overlap) is not built to find."""
    return {scorer: {"found": found, "links": links, "recall": round(found / links, 4) if links else None}
            for scorer, (found, links) in sorted(counts.items())}


def task_cdist(args) -> dict:
    """rapidfuzz cdist with token_set_ratio over every sentence pair, in row blocks."""
    import numpy as np
    from rapidfuzz import fuzz, process

    from service.warmup import warm_up
    from service.tuning import AlignParams

    warm_up()
    params = AlignParams()
    _, features, *_ = feature_stage(_parsed(args.docs), params)
    words = [f.words for f in features]
    cutoff = 60  # the old single-threshold baseline: token_set_ratio >= 60 links
    article_of = np.array([f.article for f in features])
    n = len(words)
    block = 256
    blocks = list(range(0, n, block))
    cells_total = sum((min(b + block, n) - b) * (n - b) for b in blocks)
    rng = random.Random(11)
    order = blocks[:]
    rng.shuffle(order)
    t0 = time.perf_counter()
    cells = links = 0
    deadline = t0 + args.bound
    for b in order:
        end = min(b + block, n)
        matrix = process.cdist(words[b:end], words[b:], scorer=fuzz.token_set_ratio,
                               score_cutoff=cutoff, dtype=np.uint8, workers=-1)
        rows, cols = np.nonzero(matrix)
        i, j = rows + b, cols + b
        keep = (j > i) & (article_of[i] != article_of[j])
        links += int(keep.sum())
        cells += (end - b) * (n - b)
        if time.perf_counter() > deadline:
            break
    elapsed = time.perf_counter() - t0
    complete = cells == cells_total
    return {"mode": "exact" if complete else "sampled", "sentences": n, "workers": "all cores (-1)",
            "scorer": "fuzz.token_set_ratio over features' words", "bound_s": args.bound,
            "share_computed": round(cells / cells_total, 4), "measured_s": round(elapsed, 3),
            "time_s": round(elapsed * cells_total / cells, 2), "time_is_extrapolated": not complete,
            "links_at_threshold": links if complete else round(links * cells_total / cells)}


def task_difflib(args) -> dict:
    """A plain difflib aligner: SequenceMatcher over every cross-article pair."""
    from difflib import SequenceMatcher

    from service.warmup import warm_up
    from service.tuning import AlignParams

    warm_up()
    _, features, *_ = feature_stage(_parsed(args.docs), AlignParams())
    texts = [f.text for f in features]
    article_of = [f.article for f in features]
    n = len(texts)
    total_pairs = _cross_pair_count(article_of)
    matcher = SequenceMatcher(autojunk=True)

    def column(j: int, upto: int) -> tuple[int, int]:
        """Compare sentence j with sentences 0..upto-1 of other articles: (pairs, links)."""
        matcher.set_seq2(texts[j])
        pairs = links = 0
        for i in range(upto):
            if article_of[i] == article_of[j]:
                continue
            pairs += 1
            matcher.set_seq1(texts[i])
            if matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6 and matcher.ratio() >= 0.6:
                links += 1
        return pairs, links

    rng = random.Random(13)
    t0 = time.perf_counter()
    calibration_pairs = 0
    for j in rng.sample(range(n), min(n, 10)):
        calibration_pairs += column(j, n)[0]
    per_pair = (time.perf_counter() - t0) / max(calibration_pairs, 1)
    if per_pair * total_pairs <= args.bound:
        t1 = time.perf_counter()
        links = sum(column(j, j)[1] for j in range(n))
        elapsed = time.perf_counter() - t1
        return {"mode": "exact", "sentences": n, "pairs": total_pairs, "time_s": round(elapsed, 3),
                "links": links, "bound_s": args.bound}
    columns = list(range(n))
    rng.shuffle(columns)
    pairs = links = 0
    t1 = time.perf_counter()
    deadline = t1 + args.bound
    for j in columns:
        p, l = column(j, n)
        pairs, links = pairs + p, links + l
        if time.perf_counter() > deadline:
            break
    elapsed = time.perf_counter() - t1
    # each unordered pair is seen twice over all columns
    return {"mode": "sampled", "sentences": n, "pairs": total_pairs, "ordered_pairs_scored": pairs,
            "sampled_s": round(elapsed, 3), "us_per_pair": round(elapsed / pairs * 1e6, 2),
            "time_s": round(elapsed / pairs * total_pairs, 1), "time_is_extrapolated": True,
            "links_estimated": round(links / pairs * total_pairs), "bound_s": args.bound}


def task_collatex(args) -> dict:
    """CollateX over one witness of word tokens per article."""
    from collatex import Collation, collate

    from service.warmup import warm_up
    from service.tuning import AlignParams

    warm_up()
    sorted_articles, features, *_ = feature_stage(_parsed(args.docs), AlignParams())
    collation = Collation()
    tokens = 0
    for k in range(len(sorted_articles)):
        words = [w for f in features if f.article == k for w in f.words.split()]
        tokens += len(words)
        collation.add_witness({"id": f"w{k}", "tokens": [{"t": w} for w in words]})
    t0 = time.perf_counter()
    table = collate(collation, output="table", segmentation=False)
    elapsed = time.perf_counter() - t0
    return {"finished": True, "time_s": round(elapsed, 3), "witnesses": len(sorted_articles), "tokens": tokens,
            "columns": len(getattr(table, "columns", []) or []), "peak_rss_mb": rss_mb()}
