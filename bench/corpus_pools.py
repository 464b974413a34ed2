"""Pools of real text for the benchmark corpora (corpus.py): the seeds' and page fixtures' body sentences by topic,
and unrelated real headlines; everything a workload says comes from here.

The corpora are built only from real text: the seeds and the page fixtures (tests/fixtures/pages, english).
Their body sentences are grouped into topical *pools*; an *event* is one pool reported by several outlets, and
`SPECS` says which pools each corpus size reports and which it keeps for distractors.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEEDS = ROOT / "seeds"
PAGES = ROOT / "tests" / "fixtures" / "pages"
ENGLISH = ROOT / "tests" / "fixtures" / "english"

# Topical pools: (name, language, sources). A source is a path relative to the repository root.
POOLS = {
    "blinken-xi-zh": ("zh", ["seeds/000_d612996feb769b4d.txt", "seeds/001_bef200b8a0c60b0a.txt"]),
    "blinken-preview": ("zh", ["seeds/002_6925411ec2544f9b.txt", "tests/fixtures/pages/voa_full.html"]),
    "xi-biden-call": ("zh", ["seeds/004_a3cf32f92385dae4.txt"]),
    "g20-bali": ("zh", ["seeds/003_aa14013dff27df05.txt", "tests/fixtures/pages/gbk_simplified.txt"]),
    "trade": ("zh", ["tests/fixtures/pages/aggregator_full.html", "tests/fixtures/pages/nyt_cn_full.html"]),
    "tiktok": ("zh", ["tests/fixtures/pages/bbc_full.html", "tests/fixtures/pages/big5_trad.html"]),
    "lai-inauguration": ("zh", ["tests/fixtures/pages/dw_full.html"]),
    "defense-call": ("zh", ["tests/fixtures/pages/rfi_full.html"]),
    "blinken-xi-en": ("en", ["tests/fixtures/english/en1_wire.txt", "tests/fixtures/english/en2_broadsheet.txt",
                             "tests/fixtures/english/en3_state_media.txt",
                             "tests/fixtures/pages/english_reuters_like.html"]),
}

# What each corpus holds: the events (pools reported by several outlets), how many distractor articles, and the
# pools the distractors are made of (besides headline digests).
SPECS = {
    20: {"events": ["blinken-xi-zh", "xi-biden-call", "trade"], "distractors": 4,
         "distractor_pools": ["tiktok", "lai-inauguration", "defense-call"]},
    50: {"events": ["blinken-xi-zh", "blinken-preview", "xi-biden-call", "g20-bali", "trade", "blinken-xi-en"],
         "distractors": 8, "distractor_pools": ["tiktok", "lai-inauguration", "defense-call"]},
    200: {"events": ["blinken-xi-zh", "blinken-preview", "xi-biden-call", "g20-bali", "trade", "tiktok",
                     "lai-inauguration", "blinken-xi-en"], "distractors": 24, "distractor_pools": ["defense-call"]},
}


@dataclass(frozen=True)
class Pool:
    name: str
    language: str
    title: str
    paragraphs: tuple[tuple[str, ...], ...]  # body paragraphs as sentences (headings left out)

    @property
    def sentences(self) -> int:
        return sum(len(p) for p in self.paragraphs)


@cache
def pools() -> dict[str, Pool]:
    from service.comparison import body_sentences

    result = {}
    for name, (language, sources) in POOLS.items():
        title, paragraphs = None, []
        for source in sources:
            article = _parse_source(ROOT / source)
            title = title or article.title
            current, last = [], None
            for sentence in body_sentences(article):
                if sentence.paragraph != last and current:
                    paragraphs.append(tuple(current))
                    current = []
                current.append(sentence.text)
                last = sentence.paragraph
            if current:
                paragraphs.append(tuple(current))
        result[name] = Pool(name, language, title or name, tuple(paragraphs))
    return result


def _parse_source(path: Path):
    from service.ingest import parse_document

    return parse_document(path.read_bytes(), content_type="text/html" if path.suffix == ".html" else None)


@cache
def headlines() -> tuple[str, ...]:
    """Unrelated real headlines: ranking lists and related-news boxes of the seeds and page fixtures."""
    from bs4 import BeautifulSoup

    found: list[str] = []
    text = (SEEDS / "000_d612996feb769b4d.txt").read_text(encoding="utf-8")
    found += re.findall(r"^\s*\d{1,3}\.\s+(.+?)\s*$", text.split("24小时新闻排行榜", 1)[-1], re.M)
    lines = [line.strip() for line in (SEEDS / "003_aa14013dff27df05.txt").read_text(encoding="utf-8").split("\n")
             if line.strip()]
    found += [line for line, after in zip(lines, lines[1:]) if re.search(r"浏览\s*\d+$", after)
              and not re.search(r"浏览\s*\d+$", line)]
    for page in sorted(PAGES.glob("*.html")):
        raw = page.read_bytes()
        soup = BeautifulSoup(raw.decode("big5" if page.name.startswith("big5") else "utf-8", "replace"), "lxml")
        for item in soup.find_all("li"):
            link = item.find("a")
            words = link.get_text(" ", strip=True) if link else ""
            if 8 <= len(words) <= 40 and re.search(r"[\u4e00-\u9fff]{4}", words):
                found.append(words)
    body = {s for p in pools().values() for para in p.paragraphs for s in para}
    seen, result = set(), []
    for line in found:
        line = re.sub(r"\s+", " ", line).strip()
        if line and line not in seen and line not in body and len(line) >= 8:
            seen.add(line)
            result.append(line)
    return tuple(result)
