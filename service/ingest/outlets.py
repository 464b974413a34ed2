"""Who published a document: the registry entry of its site, the original an aggregator credits, a publisher
named in the page's metadata or a source mark in its text; an aggregator copy keeps its site as `via`."""
from __future__ import annotations

import re

from ..models import Outlet
from . import rules as registry

MARKER_WINDOW = 40  # a dateline or source mark sits within this many characters of the body's start


def resolve_outlet(draft, body, override: str | None) -> tuple[Outlet | None, Outlet | None]:
    """The outlet a document belongs to and the aggregator it came through (or None): override, site, cited source."""
    if override:
        entry = registry.outlet_by_name(override)
        return (entry.outlet if entry else Outlet(id=_slug(override), name=override.strip())), None
    site = _site(draft, body)
    source = _named_outlet(draft.source_name)
    first = next((p for p in body.paragraphs if not p.heading), None)  # a programme opens with its story's title
    opening = first.text[:MARKER_WINDOW] if first else ""
    marked = registry.outlet_by_marker(" ".join([opening, body.byline or ""]))
    original = source or (marked.outlet if marked else None)
    if site and original and original.id != site.id:
        return original, Outlet(id=site.id, name=site.name, kind="aggregator")
    if site:
        return site, None
    return original or _named_outlet(draft.publisher), None


def _site(draft, body) -> Outlet | None:
    """The site the document comes from: the first of its domains the registry knows, else the first domain
    (an outlet of unknown kind, or an aggregator when the page says it reposts)."""
    domains = list(filter(None, [registry.domain_of(draft.url), *draft.domains]))
    for domain in domains:
        entry = registry.outlet_by_domain(domain)
        if entry:
            return entry.outlet
    if domains:
        return registry.unknown_outlet(domains[0], kind="aggregator" if body.reposted else "unknown")
    return None


def _named_outlet(name: str | None) -> Outlet | None:
    if not name:
        return None
    entry = registry.outlet_by_name(name)
    return entry.outlet if entry else Outlet(id=_slug(name), name=name.strip(), kind="unknown")


def _slug(name: str) -> str:
    """The id of an outlet the registry does not know: its name, lower-cased, spaces as hyphens."""
    return re.sub(r"\s+", "-", name.strip().lower())
