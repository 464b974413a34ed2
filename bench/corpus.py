"""Deterministic comparison workloads for the benchmarks: the five seeds, and corpora of 20, 50 and 200 articles.

The corpora are built only from real text: the seeds and the page fixtures (tests/fixtures/pages, english).
Their body sentences are grouped into topical *pools*; an *event* is one pool reported by several outlets:

- **originals**: an outlet's own report of the event, i.e. the pool with 5-30 % of its sentences dropped, the
  paragraph order shuffled within a window of about three paragraphs (the lead usually stays first), sentences
  regrouped into that outlet's paragraphs, part of the sentences reworded through a synonym table (表示 -> 称,
  会晤 -> 会见, said -> stated, ...), and background paragraphs from other pools added (news copies carry
  background from earlier stories). Self-references of real outlets ("（德國之聲中文網）") are removed, so the copy
  belongs to the outlet that publishes it.
- **traditional copies**: the same kind of variant, converted to traditional script with OpenCC s2t
  (`service.text.script.to_traditional`), sometimes encoded as Big5.
- **aggregator reposts**: a copy of one original of the event, in the plain-text format of seeds/000: a title
  line, a `YYYY-MM-DD HH:MM:SS · site.com · 来源: 原媒体` line, the body, and a "24小时新闻排行榜" numbered list.
  Half of them cite an original that is in the corpus (so the repost counts as that outlet, reached via its
  aggregator), half cite an outlet whose own report is not in the corpus.
- **distractors**: articles about none of the events: pools reserved for them plus headline digests, built from
  the headline lists and related-link boxes of the real pages.

Documents are rendered in the formats the service reads, each as raw bytes (UTF-8, sometimes GB18030 or Big5
without a declaration) or text: feed exports (`<!--epoch-->` + `[title](url)`), full HTML pages with navigation,
related-news boxes and footers, plain text, markdown, and the aggregator repost format. Every document carries
its own identity: a unique domain in its URL or meta line, or an `outlet=` override for plain text and markdown,
so a comparison has as many outlets as it has original reports (reposts of an original in the corpus count as
that original's outlet, as the service defines it).

Everything is drawn from `random.Random(seed)` in a fixed order and never iterates over a set of strings, so
the same seed gives byte-identical documents in any process.

    python bench/corpus.py --check       # parse every workload and print its shape
    python bench/corpus.py --write DIR   # write the documents out, one file each
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import statistics
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SEEDS = ROOT / "seeds"
PAGES = ROOT / "tests" / "fixtures" / "pages"
ENGLISH = ROOT / "tests" / "fixtures" / "english"
DEFAULT_SEED = 20240426
CORPUS_SIZES = (20, 50, 200)
MIN_SENTENCES, MAX_SENTENCES = 40, 100

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
# Outlet names for the synthetic originals and aggregators (unique per document, with a number when needed).
SITE_WORDS = ["huaxia", "dongfang", "nanfang", "haiwai", "xinshiji", "minsheng", "tianxia", "yazhou", "huanqiu",
              "taipingyang", "jinri", "wanwei", "xingdao", "dagong", "wenhui", "zhongshi", "guangming", "chenbao"]
SITE_KINDS = ["news", "daily", "times", "post", "herald", "tribune", "wire", "net"]
NAME_WORDS = ["华夏", "东方", "南方", "海外", "新世纪", "民生", "天下", "亚洲", "环球", "太平洋", "今日", "万维",
              "星岛", "大公", "文汇", "中时", "光明", "晨报"]
NAME_KINDS = ["日报", "时报", "新闻网", "快讯", "周刊", "通讯社", "电视台", "观察"]
# English names are one word: an `outlet=` override keeps spaces in the id ("atlas wire") while a repost's
# "Source: Atlas Wire" line becomes "atlas-wire", so a two-word outlet and its reposts would not match.
EN_NAMES = ["AtlasWire", "NorthLedger", "HarborPost", "MeridianTimes", "CoastalHerald", "SummitTribune",
            "PrairieDaily", "LakesideJournal", "CapitalCourier", "EasternStandard"]
# Real outlets of the registry, each used by at most one original per corpus (domain -> self-name).
REAL_OUTLETS = [("https://www.dw.com/zh/", "dw"), ("https://www.voachinese.com/a/", "voa"),
                ("https://www.bbc.com/zhongwen/simp/", "bbc"), ("https://cn.nytimes.com/world/", "nyt"),
                ("https://www.rfi.fr/cn/", "rfi"), ("https://www.rfa.org/mandarin/", "rfa"),
                ("https://www.zaobao.com.sg/news/", "zaobao"), ("http://www.news.cn/world/", "xinhua")]
MARKER_AT_START = re.compile(r"^\s*[（(][^）)]{2,14}[）)]")
SELF_REFERENCE = re.compile(r"(BBC中文记者|BBC中文記者|美国之音记者|美國之音記者|新华社记者|新華社記者)")


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


# ---------------------------------------------------------------------------------------------------------------
# real text: pools of paragraphs, titles, headlines

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


# ---------------------------------------------------------------------------------------------------------------
# variants of a report

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


# ---------------------------------------------------------------------------------------------------------------
# rendering: the formats the service reads

def _join(sentences: list[str], language: str) -> str:
    return (" " if language == "en" else "").join(sentences)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_feed(title, paragraphs, *, url, published: datetime, language, caption) -> str:
    body = "".join(f"<p>{_escape(_join(p, language))}</p>" for p in paragraphs)
    return (f"<!--{int(published.timestamp() * 1000)}-->\n[{title}]({url})\n------\n\n"
            f"<div><i><br>{published.strftime('%Y-%m-%dT%H:%M:%S.000Z')}</i></div>"
            f'<img src="https://images.example.net/{hashlib.sha1(url.encode()).hexdigest()[:12]}.jpg" width="100%">'
            f'<div><small style="color: #999;">{_escape(caption)}</small></div>{body}')


def render_html(title, paragraphs, *, url, published: datetime, language, site, byline, related, caption,
                charset="utf-8") -> str:
    lang = "en" if language == "en" else "zh-Hant" if _is_traditional(title) else "zh-CN"
    body = "\n".join(f"      <p>{_escape(_join(p, language))}</p>" for p in paragraphs)
    links = "\n".join(f'        <li><a href="{url}#r{k}">{_escape(h)}</a></li>' for k, h in enumerate(related))
    heading = "Related" if language == "en" else "相关新闻"
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
  <meta charset="{charset}">
  <title>{_escape(title)} - {site}</title>
  <link rel="canonical" href="{url}">
  <meta property="og:title" content="{_escape(title)}">
  <meta property="og:site_name" content="{site}">
  <meta property="article:published_time" content="{published.isoformat()}">
  <script>window.dataLayer = [];</script>
</head>
<body>
  <header class="site-header"><nav class="nav"><a href="/">{site}</a> <a href="/world">World</a>
    <a href="/china">China</a> <a href="/opinion">Opinion</a></nav></header>
  <main>
    <article>
      <h1>{_escape(title)}</h1>
      <div class="byline">{_escape(byline)}</div>
      <time datetime="{published.isoformat()}">{published.strftime('%Y-%m-%d %H:%M')}</time>
      <figure><img src="/img/lead.jpg" alt=""><figcaption>{_escape(caption)}</figcaption></figure>
{body}
    </article>
    <aside class="related">
      <h2>{heading}</h2>
      <ul>
{links}
      </ul>
    </aside>
  </main>
  <footer class="footer"><p>Copyright © {published.year} {site}. All rights reserved.</p></footer>
</body>
</html>
"""


def render_text(title, paragraphs, *, published: datetime, language, outlet) -> str:
    meta = (f"Published: {published.isoformat()} · {outlet}" if language == "en"
            else f"{published.strftime('%Y-%m-%d %H:%M')} · {outlet}")
    return "\n\n".join([title, meta, *(_join(p, language) for p in paragraphs)]) + "\n"


def render_markdown(title, paragraphs, *, published: datetime, language, related, outlet) -> str:
    lines = [f"# {title}", f"{published.strftime('%Y-%m-%d')} · {outlet}"]
    lines += [_join(p, language) for p in paragraphs]
    if related:
        lines.append("## " + ("Related" if language == "en" else "相关阅读"))
        lines.append("\n".join(f"- [{h}](https://example.org/{k})" for k, h in enumerate(related)))
    return "\n\n".join(lines) + "\n"


def render_repost(title, paragraphs, *, published: datetime, language, site, source, ranking, traditional) -> str:
    source_label = "來源" if traditional else "来源"
    meta = f"{published.strftime('%Y-%m-%d %H:%M:%S')} · {site} · {'Source' if language == 'en' else source_label}: {source}"
    ranking_title = "24小時新聞排行榜" if traditional else "24小时新闻排行榜"
    items = "\n".join(f"  {k}. {h}" for k, h in enumerate(ranking, 1))
    body = "\n\n".join(_join(p, language) for p in paragraphs)
    return f"{title}\n\n{meta}\n\n\n\n{body}\n\n{ranking_title}\n\n{items}"


def _is_traditional(text: str) -> bool:
    from service.text.script import detect_script

    return detect_script(text) == "hant"


def _encode(render, rng: random.Random, *, traditional: bool, language: str) -> bytes:
    """UTF-8 mostly; now and then a legacy encoding (GB18030 or Big5) as older sites serve it. `render(charset)`
    gives the text with that charset declared where the format declares one (HTML pages); plain text and feed
    exports carry no declaration."""
    if language == "zh" and rng.random() < 0.15:
        legacy = "big5" if traditional else "gb18030"
        try:
            return render(legacy).encode(legacy)
        except UnicodeEncodeError:  # a character Big5 lacks: the page stays UTF-8
            pass
    return render("utf-8").encode("utf-8")


# ---------------------------------------------------------------------------------------------------------------
# workloads

def seeds_workload() -> Workload:
    documents = [Document(name=p.name, content=p.read_bytes(), kind="seed", event="blinken")
                 for p in sorted(SEEDS.glob("*.txt"))]
    return Workload("seeds", "the five seeds, as uploaded (bytes, formats sniffed)", documents)


class _Names:
    """Unique outlet identities for one corpus."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()
        self.real = list(REAL_OUTLETS)
        rng.shuffle(self.real)

    def _unique(self, make) -> str:
        for attempt in range(10_000):
            value = make(attempt // 50)
            if value not in self.used:
                self.used.add(value)
                return value
        raise RuntimeError("ran out of names")

    def domain(self) -> str:
        return self._unique(lambda n: f"{self.rng.choice(SITE_WORDS)}{self.rng.choice(SITE_KINDS)}"
                                      f"{n or ''}.com")

    def chinese(self) -> str:
        return self._unique(lambda n: f"{self.rng.choice(NAME_WORDS)}{self.rng.choice(NAME_KINDS)}{n or ''}")

    def english(self) -> str:
        return self._unique(lambda n: f"{self.rng.choice(EN_NAMES)}{n or ''}")

    def real_outlet(self) -> tuple[str, str] | None:
        return self.real.pop() if self.real else None


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
