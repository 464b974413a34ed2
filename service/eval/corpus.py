"""What ingest makes of every real document in ../shared/corpus: outlet, title, date, stories, sentences."""
from __future__ import annotations

from pathlib import Path

from ..ingest import parse_document


def corpus_listing(corpus: Path) -> list[dict]:
    """Each corpus document as ingest reads it: outlet, kind, title, date, stories and sentences."""
    rows = []
    for path in sorted(corpus.glob("*/*")):
        if path.suffix not in (".md", ".txt", ".html") or path.name.lower() == "readme.md":
            continue
        article = parse_document(path.read_bytes(), content_type="text/markdown" if path.suffix == ".md" else None)
        rows.append({"file": str(path.relative_to(corpus)), "outlet": article.outlet.id, "kind": article.outlet.kind,
                     "title": article.title, "published_at": article.published_at,
                     "stories": len(article.stories), "sentences": len(article.sentences)})
    return rows


def render_listing(rows: list[dict]) -> str:
    """The corpus listing as a fixed-width table, a line per document."""
    lines = [f"{'file':<62}{'outlet':<14}{'kind':<12}{'published':<27}{'stories':>8}{'sent.':>6}  title"]
    for row in rows:
        lines.append(f"{row['file'][:61]:<62}{row['outlet'][:13]:<14}{row['kind']:<12}{(row['published_at'] or '-'):<27}"
                     f"{row['stories']:>8}{row['sentences']:>6}  {(row['title'] or '')[:40]}")
    return "\n".join(lines)
