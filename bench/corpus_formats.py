"""Documents in the formats the service reads (corpus.py): feed exports, HTML pages, plain text, markdown and
aggregator reposts, encoded as sites serve them, under invented outlet identities unique within a corpus.

Each is raw bytes (UTF-8, sometimes GB18030 or Big5 without a declaration) or text: feed exports
(`<!--epoch-->` + `[title](url)`), full HTML pages with navigation, related-news boxes and footers, plain text,
markdown, and the aggregator repost format. Every document carries its own identity: a unique domain in its URL
or meta line, or an `outlet=` override for plain text and markdown (`_Names` hands them out, with real outlets'
domains now and then).
"""
from __future__ import annotations

import hashlib
import random
from datetime import datetime

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
