"""A comparison as a Markdown report for people at a terminal: the fact matrix, then each fact's wording
per outlet, then what each outlet alone says and what it leaves out."""
from __future__ import annotations

MARK, GAP = "●", " "
SNIPPET_CHARS = 48


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
            how = f" _(score {mention['score']}, {mention['scorer']})_" if mention["score"] is not None else ""
            lines.append(f"- **{mention['outlet']}**: {mention['text']}{how}")
        for difference in fact["differences"]:
            swaps = [f"{s['a'] or '∅'} → {s['b'] or '∅'}" for s in difference["spans"] if s.get("where") == "core"]
            if swaps:
                lines.append(f"  - {difference['outlets'][0]} → {difference['outlets'][1]}: " + "; ".join(swaps))
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
    lines.append("")
    return "\n".join(lines)


def _snippet(fact: dict) -> str:
    text = fact["mentions"][0]["text"]
    return text if len(text) <= SNIPPET_CHARS else text[:SNIPPET_CHARS - 1] + "…"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
