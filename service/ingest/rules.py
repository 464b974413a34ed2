"""The ingest stage's data: the outlet registry and the page-chrome rules, loaded once from service/data."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from ..datafiles import load_yaml
from ..models import Outlet


@dataclass(frozen=True)
class OutletEntry:
    outlet: Outlet
    domains: tuple[str, ...]
    names: tuple[str, ...]
    markers: tuple[str, ...]
    body_selectors: tuple[str, ...]


SENTENCE_END = re.compile(r"[。！？!?][”」』\"')）)]*\s*$")


@dataclass(frozen=True)
class ChromeRules:
    end_markers: tuple[re.Pattern, ...]
    drop: tuple[re.Pattern, ...]
    credits: tuple[re.Pattern, ...]
    title_suffixes: tuple[re.Pattern, ...]
    byline_roles: tuple[re.Pattern, ...]

    def ends_body(self, text: str) -> bool:
        """Whether this block ends the body: everything after it is site furniture."""
        return any(p.search(text) for p in self.end_markers)

    def is_dropped(self, text: str) -> bool:
        """Whether this block is site furniture, dropped wherever it appears."""
        return any(p.search(text) for p in self.drop)

    def is_credit(self, text: str) -> bool:
        """Whether this block is (or ends with) a photo caption or credit, kept out of the body."""
        return any(p.search(text) for p in self.credits)

    def is_byline(self, text: str) -> bool:
        """A short block naming a role ("本报记者 张三"); a sentence that ends like one ("他对记者说：……。")
        is prose, however short."""
        return len(text) <= 60 and not SENTENCE_END.search(text) and any(p.search(text) for p in self.byline_roles)

    def clean_title(self, title: str) -> str:
        """The title without a site's suffix or picture tag (" - BBC中文", "（组图）")."""
        for pattern in self.title_suffixes:
            title = pattern.sub("", title)
        return title.strip()


@cache
def outlet_registry() -> tuple[OutletEntry, ...]:
    """The known outlets (outlets.yaml) with their domains, names and markers, read once."""
    entries = []
    for item in load_yaml("outlets.yaml")["outlets"]:
        entries.append(OutletEntry(
            outlet=Outlet(id=item["id"], name=item["name"], kind=item.get("kind", "outlet")),
            domains=tuple(item.get("domains", ())),
            names=tuple(item.get("names", ())),
            markers=tuple(item.get("markers", ())),
            body_selectors=tuple(item.get("body_selectors", ())),
        ))
    return tuple(entries)


@cache
def chrome_rules() -> ChromeRules:
    """The page-furniture patterns (chrome.yaml), compiled once."""
    data = load_yaml("chrome.yaml")
    return ChromeRules(**{key: tuple(re.compile(p) for p in data[key]) for key in ChromeRules.__annotations__})


def domain_of(url: str | None) -> str | None:
    """The host of a URL (or of a bare domain), lower case, without www."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    return host.lower().removeprefix("www.") if host else None


def outlet_by_domain(domain: str | None) -> OutletEntry | None:
    """The known outlet whose domain is this one or a parent of it, else None."""
    if not domain:
        return None
    for entry in outlet_registry():
        if any(domain == d or domain.endswith("." + d) for d in entry.domains):
            return entry
    return None


def outlet_by_name(name: str | None) -> OutletEntry | None:
    """Resolve a publisher's name ("纽约时报中文网", "Reuters", an outlet id) to a registry entry."""
    if not name:
        return None
    wanted = name.strip().casefold()
    entry = _outlets_by_name().get(wanted)
    if entry is not None:
        return entry
    return outlet_by_domain(wanted) if "." in wanted else None


@cache
def _outlets_by_name() -> dict[str, OutletEntry]:
    """Each outlet id and casefolded name, to the first registry entry that has it (what a walk in order finds)."""
    index: dict[str, OutletEntry] = {}
    for entry in outlet_registry():
        index.setdefault(entry.outlet.id, entry)
        for name in entry.names:
            index.setdefault(name.casefold(), entry)
    return index


def outlet_by_marker(text: str) -> OutletEntry | None:
    """An outlet named by a self-reference marker in `text` (a dateline or byline)."""
    for entry in outlet_registry():
        if any(marker in text for marker in entry.markers):
            return entry
    return None


def unknown_outlet(domain: str, *, kind: str = "outlet") -> Outlet:
    """An outlet known only by its domain, named after it."""
    return Outlet(id=domain, name=domain, kind=kind)
