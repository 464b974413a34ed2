"""A comparison as a Markdown report for people at a terminal: the fact matrix, then each fact's wording
per outlet, then what each outlet alone says and what it leaves out."""
from __future__ import annotations

MARK, GAP = "●", " "
SNIPPET_CHARS = 48


ROLE_LABELS = {"heading": "subhead", "caption": "caption"}


def render_markdown(result: dict) -> str:
    outlets = result["outlets"]
    facts = result["facts"]
    shared = [f for f in facts if len(f["outlets"]) > 1]
    lines = [f"# Comparison {result['id']}", ""]
    lines += ["| outlet | via | title | published | sentences |", "|---|---|---|---|---|"]
    for article in result["articles"]:
        outlet = (article["outlet"] or {}).get("id", "?")
        via = (article["via"] or {}).get("id", "")
        lines.append(f"| {outlet} | {via} | {_cell(article['title'] or '')} | {article['published_at'] or ''} "
                     f"| {article['sentence_count']} |")
    lines += ["", f"## Facts reported by more than one outlet ({len(shared)} of {len(facts)})", ""]
    lines.append("| # | fact | " + " | ".join(outlets) + " | weight |")
    lines.append("|---|---|" + "---|" * len(outlets) + "---|")
    for number, fact in enumerate(shared, 1):
        marks = " | ".join(MARK if o in fact["outlets"] else GAP for o in outlets)
        lines.append(f"| {number} | {_cell(_snippet(fact))} | {marks} | {fact['weight']:.2f} |")
    lines += ["", "## Wording per outlet", ""]
    for number, fact in enumerate(shared, 1):
        lines.append(f"### {number}. {_snippet(fact)}")
        for mention in fact["mentions"]:
            how = f" _(confidence {mention['confidence']:.2f})_" if mention.get("confidence") not in (None, 1.0) else ""
            where = f" ({ROLE_LABELS[mention['role']]})" if mention.get("role") in ROLE_LABELS else ""
            lines.append(f"- **{mention['outlet']}**{where}: {mention['text']}{how}")
        lines += [f"  - {line}" for line in _difference_lines(fact["differences"])]
        lines.append("")
    lines += ["## Coverage", "", "| outlet | facts | only this outlet | omitted (reported by ≥ half the others) |",
              "|---|---|---|---|"]
    for outlet, cover in result["coverage"].items():
        lines.append(f"| {outlet} | {cover['present']} | {cover['unique']} | {cover['omitted']} |")
    by_id = {f["id"]: f for f in facts}
    for outlet, cover in result["coverage"].items():
        omitted = [by_id[i] for i in cover["omitted_facts"] if i in by_id]
        if omitted:
            lines += ["", f"### Left out by {outlet}", ""]
            lines += [f"- {_snippet(f)} ({', '.join(f['outlets'])})" for f in omitted]
    lines += _framing_lines(result.get("framing"), by_id)
    lines.append("")
    return "\n".join(lines)


def _framing_lines(framing: dict | None, by_id: dict) -> list[str]:
    if not framing:
        return []
    lines = ["", "## Framing per outlet", ""]
    for outlet, profile in framing["outlets"].items():
        lines += [f"### {outlet}", ""]
        sources = ", ".join(f"{s['name']} ({s['kind']}{', ' + s['affiliation'] if s.get('affiliation') else ''}) ×{s['count']}"
                            for s in profile["sources"][:12])
        lines.append(f"- sources: {sources or '—'}")
        shares = ", ".join(f"{side} {share:.0%}" for side, share in profile["quote_share"].items())
        lines.append(f"- quoted text by side: {shares or '—'}")
        for family, values in profile["terms"].items():
            lines.append(f"- {family}: " + ", ".join(f"{v} ×{n}" for v, n in values.items()))
        headline = [_shorten(m["text"]) for m in profile["headline_lead"]["headline"]]  # in this outlet's words
        if headline:
            lines.append("- headline facts: " + " / ".join(headline))
        lead = [_shorten(m["text"]) for m in profile["headline_lead"]["lead"]]
        if lead:
            lines.append("- lead facts: " + " / ".join(lead))
        if profile["scare_quotes"]:
            lines.append("- scare quotes: " + ", ".join(f"“{q}”" for q in profile["scare_quotes"]))
        if profile["hedges"]:
            lines.append("- hedges: " + ", ".join(profile["hedges"]))
        lines.append("")
    if framing["term_differences"]:
        lines += ["### Term choices that differ", "", "| family | " + " | ".join(
            sorted({o for v in framing["term_differences"].values() for o in v})) + " |"]
        outlets = sorted({o for v in framing["term_differences"].values() for o in v})
        lines.append("|---|" + "---|" * len(outlets))
        for family, values in framing["term_differences"].items():
            lines.append(f"| {family} | " + " | ".join(_cell(_used(values.get(o, []))) for o in outlets) + " |")
    for repost in framing.get("reposts", []):
        lines += ["", f"### Repost {repost['copy']} via {repost['via']} of {repost['original']}", "",
                  f"- retitled: {'yes' if repost['retitled'] else 'no'}; cut {len(repost['cut'])} sentences; "
                  f"added {len(repost['added'])}"]
    return lines


def _difference_lines(differences: list[dict]) -> list[str]:
    lines = []
    for difference in differences:
        kind = difference["kind"]
        if kind == "wording":
            swaps = [f"{s['a'] or '∅'} → {s['b'] or '∅'}" for s in difference["spans"] if s["where"] == "core"]
            if swaps:
                lines.append(f"{difference['outlets'][0]} → {difference['outlets'][1]}: " + "; ".join(swaps))
        elif kind == "term":
            where = " (inside a quote)" if difference["in_quote"] else ""
            values = "; ".join(f"{o}: " + ", ".join(sorted({v["surface"] for v in vs}))
                               for o, vs in difference["values"].items())
            lines.append(f"term {difference['family']}{where}: {values}")
        elif kind == "verb_class":
            lines.append("reporting verb: " + "; ".join(f"{o}: {v['verb']} ({v['class']})"
                                                        for o, v in difference["values"].items()))
        elif kind == "speaker":
            lines.append("⚠ speakers differ: " + "; ".join(f"{o}: {v}" for o, v in difference["values"].items()))
        elif kind == "number":
            lines.append("numbers: " + "; ".join(f"{o}: {', '.join(v)}" for o, v in difference["values"].items()))
    return lines


def _used(values: list[dict]) -> str:
    """An outlet's values of a term family with the words it used: "official_title ×3 (国家主席 ×2, 习主席 ×1)"."""
    return "; ".join(f"{v['value']} ×{v['count']} (" + ", ".join(f"{w} ×{n}" for w, n in v["surfaces"].items()) + ")"
                     for v in values)


def _snippet(fact: dict) -> str:
    return _shorten(fact["mentions"][0]["text"])


def _shorten(text: str) -> str:
    return text if len(text) <= SNIPPET_CHARS else text[:SNIPPET_CHARS - 1] + "…"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
