"""Deterministic comparison workloads for the benchmarks: the five seeds, and corpora of 20, 50 and 200 articles.

The corpora are built only from real text (corpus_pools.py). An *event* is one topical pool reported by several
outlets:

- **originals**: an outlet's own report of the event, a variant of the pool (corpus_variants.py: sentences
  dropped, shuffled, regrouped and reworded, background from other pools added, self-references removed).
- **traditional copies**: the same kind of variant, converted to traditional script with OpenCC s2t
  (`service.text.script.to_traditional`), sometimes encoded as Big5.
- **aggregator reposts**: a copy of one original of the event, in the plain-text format of seeds/000: a title
  line, a `YYYY-MM-DD HH:MM:SS · site.com · 来源: 原媒体` line, the body, and a "24小时新闻排行榜" numbered list.
  Half of them cite an original that is in the corpus (so the repost counts as that outlet, reached via its
  aggregator), half cite an outlet whose own report is not in the corpus.
- **distractors**: articles about none of the events: pools reserved for them plus headline digests, built from
  the headline lists and related-link boxes of the real pages.

Documents are rendered in the formats the service reads (corpus_formats.py), each carrying its own identity, so a
comparison has as many outlets as it has original reports (reposts of an original in the corpus count as that
original's outlet, as the service defines it).

Everything is drawn from `random.Random(seed)` in a fixed order and never iterates over a set of strings, so
the same seed gives byte-identical documents in any process.

    python bench/corpus.py --check       # parse every workload and print its shape
    python bench/corpus.py --write DIR   # write the documents out, one file each
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

BENCH = Path(__file__).resolve().parent
if str(BENCH) not in sys.path:  # the corpus_* modules beside this one, also when it is imported as bench.corpus
    sys.path.append(str(BENCH))

from corpus_formats import (  # noqa: E402
    _encode, _Names, render_feed, render_html, render_markdown, render_repost, render_text,
)
from corpus_pools import POOLS, SEEDS, SPECS, Pool, headlines, pools  # noqa: E402
from corpus_variants import MIN_SENTENCES, count_sentences, digest, reword, variant  # noqa: E402

DEFAULT_SEED = 20240426
CORPUS_SIZES = (20, 50, 200)


@dataclass(frozen=True)
class Document:
    """One raw document, exactly as a client would send it, and what it stands for."""

    name: str
    content: bytes | str
    kind: str  # seed | original | traditional | repost | distractor
    event: str | None = None
    outlet: str | None = None  # the outlet identity the document carries (expected outlet id)
    kwargs: dict = field(default_factory=dict)  # parse_document keyword arguments (content_type, outlet)

    def parse(self):
        from service.ingest import parse_document

        return parse_document(self.content, **self.kwargs)

    @property
    def size(self) -> int:
        return len(self.content if isinstance(self.content, bytes) else self.content.encode("utf-8"))


@dataclass
class Workload:
    name: str
    description: str
    documents: list[Document]

    def parse(self):
        return [d.parse() for d in self.documents]

    def shape(self) -> dict:
        kinds: dict[str, int] = {}
        for d in self.documents:
            kinds[d.kind] = kinds.get(d.kind, 0) + 1
        return {"documents": len(self.documents), "kinds": kinds,
                "events": sorted({d.event for d in self.documents if d.event and d.kind != "distractor"}),
                "bytes": sum(d.size for d in self.documents)}


def seeds_workload() -> Workload:
    documents = [Document(name=p.name, content=p.read_bytes(), kind="seed", event="blinken")
                 for p in sorted(SEEDS.glob("*.txt"))]
    return Workload("seeds", "the five seeds, as uploaded (bytes, formats sniffed)", documents)


def corpus_workload(size: int, *, seed: int = DEFAULT_SEED) -> Workload:
    spec = SPECS[size]
    rng = random.Random(seed * 1000 + size)
    names = _Names(rng)
    all_pools = pools()
    events = [all_pools[e] for e in spec["events"]]
    background = [all_pools[name] for name in POOLS]
    n_distractors = spec["distractors"]
    per_event = [(size - n_distractors) // len(events)] * len(events)
    for k in range((size - n_distractors) % len(events)):
        per_event[k] += 1
    base = datetime(2024, 4, 20, 8, 0, tzinfo=timezone.utc)
    documents: list[Document] = []
    for number, (pool, copies) in enumerate(zip(events, per_event)):
        day = base + timedelta(days=number % 9, hours=rng.randint(0, 10))
        originals: list[tuple[Document, str, list[list[str]], bool]] = []
        for copy in range(copies):
            roll = rng.random()
            kind = "original"
            if copy > 0 and roll < 0.22 and originals:
                kind = "repost"
            elif copy > 0 and roll < 0.42 and pool.language == "zh":
                kind = "traditional"
            if copies >= 4 and copy == 2:
                kind = "traditional" if pool.language == "zh" else "original"
            if copies >= 4 and copy == 3:
                kind = "repost"
            published = day + timedelta(minutes=rng.randint(0, 36 * 60))
            label = f"c{size}-{pool.name}-{copy:02d}-{kind}"
            if kind == "repost":
                original, title, paragraphs, traditional = rng.choice(originals)
                trimmed = [p for p in paragraphs if rng.random() < 0.95]
                if count_sentences(trimmed, pool.language) >= MIN_SENTENCES:
                    paragraphs = trimmed  # an aggregator drops a paragraph now and then (captions, subheads)
                in_corpus = rng.random() < 0.5
                source = original.outlet if in_corpus else (
                    names.english() if pool.language == "en" else names.chinese())
                document = _repost(label, pool, title, paragraphs, published, rng, names, source, traditional)
                documents.append(document)
                continue
            title, paragraphs = variant(pool, rng, background=background)
            traditional = kind == "traditional"
            if traditional:
                from service.text.script import to_traditional

                title = to_traditional(title)
                paragraphs = [[to_traditional(s) for s in p] for p in paragraphs]
            document = _original(label, kind, pool, title, paragraphs, published, rng, names, traditional)
            documents.append(document)
            originals.append((document, title, paragraphs, traditional))
    reserved = [all_pools[name] for name in spec["distractor_pools"]]
    for k in range(n_distractors):
        pool = reserved[k % len(reserved)] if reserved and k < 2 * len(reserved) else None
        title, paragraphs = digest(rng, pool)
        if pool is not None:
            paragraphs = [[reword(s, rng, "zh", 0.3) for s in p] for p in paragraphs]
        traditional = rng.random() < 0.2
        if traditional:
            from service.text.script import to_traditional

            title, paragraphs = to_traditional(title), [[to_traditional(s) for s in p] for p in paragraphs]
        published = base + timedelta(days=rng.randint(0, 20), minutes=rng.randint(0, 1440))
        label = f"c{size}-distractor-{k:02d}"
        holder = Pool(pool.name if pool else "headlines", "zh", title, tuple(tuple(p) for p in paragraphs))
        documents.append(_original(label, "distractor", holder, title, paragraphs, published, rng, names,
                                   traditional))
    order = list(range(len(documents)))
    rng.shuffle(order)
    documents = [documents[i] for i in order]
    description = (f"{size} articles: {len(events)} events x ~{per_event[0]} outlets (originals, traditional "
                   f"copies, aggregator reposts) + {n_distractors} distractors")
    return Workload(f"corpus-{size}", description, documents)


def _original(label, kind, pool: Pool, title, paragraphs, published, rng, names: _Names, traditional) -> Document:
    language = pool.language
    caption = _caption(pool, rng)
    related = rng.sample(list(headlines()), rng.randint(3, 8))
    fmt = rng.choices(["feed", "html", "text", "markdown"], weights=[3, 3, 2, 2])[0]
    real = names.real_outlet() if fmt in ("feed", "html") and language == "zh" and rng.random() < 0.3 else None
    if fmt in ("feed", "html"):
        if real:
            prefix, outlet = real
            url = f"{prefix}{label}-{rng.randrange(10**7)}.html"
        else:
            outlet = names.domain()
            url = f"https://www.{outlet}/{published:%Y/%m/%d}/{rng.randrange(10**7)}.html"
        if fmt == "feed":
            text = render_feed(title, paragraphs, url=url, published=published, language=language, caption=caption)
            return Document(f"{label}.txt", _encode(lambda _: text, rng, traditional=traditional, language=language),
                            kind, pool.name, outlet)
        byline = ("By " + rng.choice(["Jane Holloway", "Michael Tan", "Li Wen"])) if language == "en" else \
            rng.choice(["记者 王明", "記者 陳岩", "特约记者 林思远", "撰稿 方云"])
        def page(charset: str) -> str:
            return render_html(title, paragraphs, url=url, published=published, language=language, site=outlet,
                               byline=byline, related=related, caption=caption,
                               charset={"gb18030": "gbk"}.get(charset, charset))

        return Document(f"{label}.html", _encode(page, rng, traditional=traditional, language=language), kind,
                        pool.name, outlet, {"content_type": "text/html"})
    outlet_name = names.english() if language == "en" else names.chinese()
    if fmt == "text":
        text = render_text(title, paragraphs, published=published, language=language, outlet=outlet_name)
        content_type = "text/plain"
    else:
        text = render_markdown(title, paragraphs, published=published, language=language, related=related,
                               outlet=outlet_name)
        content_type = "text/markdown"
    content: bytes | str = text if rng.random() < 0.3 else _encode(lambda _: text, rng, traditional=traditional,
                                                                    language=language)
    return Document(f"{label}.{'md' if fmt == 'markdown' else 'txt'}", content, kind, pool.name,
                    outlet_name.lower(), {"content_type": content_type, "outlet": outlet_name})


def _repost(label, pool: Pool, title, paragraphs, published, rng, names: _Names, source: str, traditional) -> Document:
    site = names.domain()
    ranking = rng.sample(list(headlines()), rng.randint(10, 30))
    if traditional:
        from service.text.script import to_traditional

        ranking = [to_traditional(h) for h in ranking]
    text = render_repost(title + rng.choice(["", "(组图)", "(图)"]), paragraphs, published=published,
                         language=pool.language, site=site, source=source, ranking=ranking, traditional=traditional)
    return Document(f"{label}.txt", text.encode("utf-8"), "repost", pool.name, source.lower(),
                    {"content_type": "text/plain"})


def _caption(pool: Pool, rng: random.Random) -> str:
    paragraph = rng.choice(pool.paragraphs)
    words = paragraph[0]
    return words[: min(len(words), 40)].rstrip("。.，,") if pool.language == "zh" else words[:90]


def workload(name: str, *, seed: int = DEFAULT_SEED) -> Workload:
    if name == "seeds":
        return seeds_workload()
    size = int(name.removeprefix("corpus-"))
    return corpus_workload(size, seed=seed)


WORKLOAD_NAMES = ("seeds", *(f"corpus-{n}" for n in CORPUS_SIZES))


def check(names=WORKLOAD_NAMES, *, seed: int = DEFAULT_SEED) -> list[dict]:
    """Parse every document of each workload and describe the result (and where identities went wrong)."""
    from service.comparison import body_sentences

    reports = []
    for name in names:
        wl = workload(name, seed=seed)
        articles = wl.parse()
        counts = [len(body_sentences(a)) for a in articles]
        outlets = [a.outlet_id for a in articles]
        identities = {(a.outlet_id, a.via.id if a.via else None) for a in articles}
        wrong = [(d.name, d.outlet, a.outlet_id) for d, a in zip(wl.documents, articles)
                 if d.outlet and d.outlet != a.outlet_id]
        reports.append({
            "workload": name, **wl.shape(), "description": wl.description,
            "sentences": {"total": sum(counts), "min": min(counts), "median": statistics.median(counts),
                          "max": max(counts)},
            "distinct_articles": len({a.id for a in articles}), "distinct_outlets": len(set(outlets)),
            "distinct_outlet_via": len(identities), "unexpected_outlets": wrong[:10],
            "scripts": _count(str(a.script) for a in articles),
            "formats": _count(a.format for a in articles),
        })
    return reports


def _count(values) -> dict:
    out: dict[str, int] = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return dict(sorted(out.items()))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="parse the workloads and print their shape as JSON")
    parser.add_argument("--write", metavar="DIR", help="write every document of every workload under DIR")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("workloads", nargs="*", default=list(WORKLOAD_NAMES))
    args = parser.parse_args(argv)
    if args.write:
        for name in args.workloads:
            folder = Path(args.write) / name
            folder.mkdir(parents=True, exist_ok=True)
            for document in workload(name, seed=args.seed).documents:
                data = document.content if isinstance(document.content, bytes) else document.content.encode()
                (folder / document.name).write_bytes(data)
    if args.check or not args.write:
        print(json.dumps(check(args.workloads, seed=args.seed), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
