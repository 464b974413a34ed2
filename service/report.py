"""A comparison as a Markdown report for people at a terminal: the fact matrix, then each fact's wording
per outlet, then what each outlet alone says and what it leaves out.

Everything that comes from the articles (text, titles, outlet names, sources) is inert in the report (the
service's own names, such as term families and their values, are written as they are): HTML
characters become entities, Markdown punctuation is escaped (no link, image or emphasis can form) and bare URLs
become code, so a renderer shows the text as the outlet wrote it and never fetches or links anything."""
from __future__ import annotations

import re

MARK, GAP = "●", " "
SNIPPET_CHARS = 48


ROLE_LABELS = {"heading": "subhead", "caption": "caption"}
# What GFM renderers would link: a scheme (at most 32 characters: bounded, so a long run of letters costs linear
# time) or www. and the printable ASCII after it, up to a space, a character that ends a URL in prose
# (< > ` | ( ) "), or non-ASCII text (Chinese runs straight on); trailing punctuation stays outside.
URL_CHARACTERS = "".join(re.escape(chr(code)) for code in range(0x21, 0x7F) if chr(code) not in '<>`|()"')
URL_LAST_CHARACTERS = "".join(re.escape(chr(code)) for code in range(0x21, 0x7F) if chr(code) not in '<>`|()".,;:!?\'')
BARE_URL = re.compile(f"(?:[a-z][a-z0-9+.-]{{0,31}}://|www\\.)[{URL_CHARACTERS}]*[{URL_LAST_CHARACTERS}]", re.I)
MARKDOWN_PUNCTUATION = re.compile(r"[\\`*_\[\]|~]")
HTML_CHARACTERS = re.compile(r"<|>|&(?=#?\w+;)")
ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
MAX_SIDE_POINTS = 30  # points listed per side in the report (the JSON has them all)


def _scope_lines(result: dict) -> list[str]:
    """What the comparison covers: the events it spans, the stories of multi-story documents it compared."""
    lines = []
    events = result.get("events", [])
    if len(events) > 1:
        lines += ["", f"These articles report {len(events)} events; an outlet leaves out only facts of its own event:"]
        lines += [f"- event {e['index'] + 1}: {_md(', '.join(e['outlets']))}" for e in events]
    for article in result["articles"]:
        stories = article.get("stories", [])
        if len(stories) > 1:
            compared = [s.get("title") or f"story {s['index'] + 1}" for s in stories if s.get("compared")]
            name = (article["outlet"] or {}).get("id", "?")
            lines += ["", f"{_md(name)} holds {len(stories)} stories; compared: "
                      + (_md("; ".join(compared)) if compared else "none (none shares facts with the others)")]
    return lines


def _side_by_side(result: dict, facts: list[dict]) -> list[str]:
    """For a comparison across languages: what each language's reports alone say, and the shared concepts
    in each side's words."""
    sides = result.get("framing", {}).get("sides")
    if not sides:
        return []
    by_id = {f["id"]: f for f in facts}
    languages = sorted(sides["languages"])
    lines = ["## Side by side", "", f"{len(sides['shared'])} facts are reported in both languages."]
    for lang in languages:
        side = sides["languages"][lang]
        lines += ["", f"### Only in {lang} ({_md(', '.join(side['outlets']))}): {len(side['only_here'])} facts", ""]
        lines += [f"- {_md(_snippet(by_id[i]))}" for i in side["only_here"] if i in by_id][:MAX_SIDE_POINTS]
    if sides["matched_terms"]:
        lines += ["", "### The same concepts in each side's words", "",
                  "| concept | " + " | ".join(languages) + " |", "|---|" + "---|" * len(languages)]
        for term in sides["matched_terms"]:
            cells = [", ".join(f"{w} ×{n}" for w, n in term[lang].items()) for lang in languages]
            lines.append(f"| {term['concept']} | " + " | ".join(_md(c) for c in cells) + " |")
    return lines + [""]


def render_markdown(result: dict) -> str:
    """A comparison as a Markdown report: articles, shared facts per outlet, their wording, coverage."""
    outlets = result["outlets"]
    facts = result["facts"]
    shared = [f for f in facts if len(f["outlets"]) > 1]
    lines = [f"# Comparison {result['id']}", ""]
    lines += ["| outlet | via | title | published | sentences |", "|---|---|---|---|---|"]
    for article in result["articles"]:
        outlet = (article["outlet"] or {}).get("id", "?")
        via = (article["via"] or {}).get("id", "")
        lines.append(f"| {_md(outlet)} | {_md(via)} | {_md(article['title'] or '')} "
                     f"| {_md(article['published_at'] or '')} | {article['sentence_count']} |")
    lines += _scope_lines(result)
    lines += ["", f"## Facts reported by more than one outlet ({len(shared)} of {len(facts)})", ""]
    lines.append("| # | fact | " + " | ".join(map(_md, outlets)) + " | weight |")
    lines.append("|---|---|" + "---|" * len(outlets) + "---|")
    for number, fact in enumerate(shared, 1):
        marks = " | ".join(MARK if o in fact["outlets"] else GAP for o in outlets)
        lines.append(f"| {number} | {_md(_snippet(fact))} | {marks} | {fact['weight']:.2f} |")
    lines += ["", "## Wording per outlet", ""]
    for number, fact in enumerate(shared, 1):
        lines.append(f"### {number}. {_md(_snippet(fact))}" + (" _(corrected by a reviewer)_" if fact.get("corrected") else ""))
        for mention in fact["mentions"]:
            how = f" _(confidence {mention['confidence']:.2f})_" if mention.get("confidence") not in (None, 1.0) else ""
            where = f" ({ROLE_LABELS[mention['role']]})" if mention.get("role") in ROLE_LABELS else ""
            lines.append(f"- **{_md(mention['outlet'])}**{where}: {_md(mention['text'])}{how}")
        lines += [f"  - {line}" for line in _difference_lines(fact["differences"])]
        lines.append("")
    lines += _side_by_side(result, facts)
    lines += ["## Coverage", "", "| outlet | facts | only this outlet | omitted (reported by ≥ half the others) |",
              "|---|---|---|---|"]
    for outlet, cover in result["coverage"].items():
        lines.append(f"| {_md(outlet)} | {cover['present']} | {cover['unique']} | {cover['omitted']} |")
    by_id = {f["id"]: f for f in facts}
    for outlet, cover in result["coverage"].items():
        omitted = [by_id[i] for i in cover["omitted_facts"] if i in by_id]
        if omitted:
            lines += ["", f"### Left out by {_md(outlet)}", ""]
            lines += [f"- {_md(_snippet(f))} ({_md(', '.join(f['outlets']))})" for f in omitted]
    lines += _framing_lines(result.get("framing"), by_id)
    lines.append("")
    return "\n".join(lines)


def _framing_lines(framing: dict | None, by_id: dict) -> list[str]:
    if not framing:
        return []
    lines = ["", "## Framing per outlet", ""]
    for outlet, profile in framing["outlets"].items():
        lines += [f"### {_md(outlet)}", ""]
        sources = ", ".join(f"{_md(s['name'])} ({s['kind']}"
                            f"{', ' + _md(s['affiliation']) if s.get('affiliation') else ''}) ×{s['count']}"
                            for s in profile["sources"][:12])
        lines.append(f"- sources: {sources or '—'}")
        shares = ", ".join(f"{side} {share:.0%}" for side, share in profile["quote_share"].items())
        lines.append(f"- quoted text by side: {shares or '—'}")
        for family, values in profile["terms"].items():
            lines.append(f"- {family}: " + ", ".join(f"{v} ×{n}" for v, n in values.items()))
        headline = [_md(_shorten(m["text"])) for m in profile["headline_lead"]["headline"]]  # in this outlet's words
        if headline:
            lines.append("- headline facts: " + " / ".join(headline))
        lead = [_md(_shorten(m["text"])) for m in profile["headline_lead"]["lead"]]
        if lead:
            lines.append("- lead facts: " + " / ".join(lead))
        if profile["scare_quotes"]:
            lines.append("- scare quotes: " + ", ".join(f"“{_md(q)}”" for q in profile["scare_quotes"]))
        if profile["hedges"]:
            lines.append("- hedges: " + _md(", ".join(profile["hedges"])))
        lines.append("")
    if framing["term_differences"]:
        outlets = sorted({o for v in framing["term_differences"].values() for o in v})
        lines += ["### Term choices that differ", "", "| family | " + " | ".join(map(_md, outlets)) + " |"]
        lines.append("|---|" + "---|" * len(outlets))
        for family, values in framing["term_differences"].items():
            lines.append(f"| {family} | " + " | ".join(_cell(_used(values.get(o, []))) for o in outlets) + " |")
    for repost in framing.get("reposts", []):
        lines += ["", f"### Repost {_md(repost['copy'])} via {_md(repost['via'])} of {_md(repost['original'])}", "",
                  f"- retitled: {'yes' if repost['retitled'] else 'no'}; cut {len(repost['cut'])} sentences; "
                  f"added {len(repost['added'])}"]
    return lines


def _difference_lines(differences: list[dict]) -> list[str]:
    lines = []
    for difference in differences:
        kind = difference["kind"]
        if kind == "wording":
            swaps = [f"{_md(s['a']) or '∅'} → {_md(s['b']) or '∅'}"
                     for s in difference["spans"] if s["where"] == "core"]
            if swaps:
                first, second = difference["outlets"][:2]
                lines.append(f"{_md(first)} → {_md(second)}: " + "; ".join(swaps))
        elif kind == "term":
            where = " (inside a quote)" if difference["in_quote"] else ""
            values = "; ".join(_md(f"{o}: " + ", ".join(sorted({v["surface"] for v in vs})))
                               for o, vs in difference["values"].items())
            lines.append(f"term {difference['family']}{where}: {values}")
        elif kind == "verb_class":
            lines.append("reporting verb: " + "; ".join(f"{_md(o)}: {_md(v['verb'])} ({v['class']})"
                                                        for o, v in difference["values"].items()))
        elif kind == "speaker":
            lines.append("⚠ speakers differ: " + "; ".join(_md(f"{o}: {v}") for o, v in difference["values"].items()))
        elif kind == "number":
            lines.append("numbers: " + "; ".join(_md(f"{o}: {', '.join(v)}") for o, v in difference["values"].items()))
    return lines


def _used(values: list[dict]) -> str:
    """An outlet's values of a term family with the words it used: "official_title ×3 (国家主席 ×2, 习主席 ×1)"."""
    return "; ".join(f"{v['value']} ×{v['count']} (" + ", ".join(f"{w} ×{n}" for w, n in v["surfaces"].items()) + ")"
                     for v in values)


def _snippet(fact: dict) -> str:
    return _shorten(fact["mentions"][0]["text"])


def _shorten(text: str) -> str:
    return text if len(text) <= SNIPPET_CHARS else text[:SNIPPET_CHARS - 1] + "…"


def _md(text: str) -> str:
    """Text from an article as inert Markdown on one line (see the module docstring); also a table cell."""
    text, parts, start = " ".join(text.splitlines()), [], 0
    for url in BARE_URL.finditer(text):
        parts += [_escaped(text[start:url.start()]), f"`{url.group()}`"]
        start = url.end()
    parts.append(_escaped(text[start:]))
    return "".join(parts)


_cell = _md  # a table cell is escaped like any other text from the articles


def _escaped(text: str) -> str:
    text = HTML_CHARACTERS.sub(lambda m: ENTITIES[m.group()[0]], text)
    return MARKDOWN_PUNCTUATION.sub(lambda m: "\\" + m.group(), text)
