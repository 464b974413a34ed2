"""One comparison as the API, the job worker and the CLI run it: the options read once, the reviewers'
corrections that apply, the id that names them."""
from __future__ import annotations

from .comparison import Progress, align_params, compare, comparison_id, compared_sentences, effective_options
from .corrections_store import CorrectionStore
from .models import Article


def corrections_version(store: CorrectionStore | None) -> str | None:
    """The corrections' state a comparison names in its id: None before any correction was ever made (ids of
    earlier comparisons stay as they were)."""
    version = store.version() if store is not None else "0"
    return None if version == "0" else version


def comparison_key(article_ids: list[str], options: dict, version: str | None) -> str:
    """The id (and cache key) of comparing these articles with these request options."""
    return comparison_id(article_ids, effective_options(align_params(options), options["min_outlets"], version))


UNREAD = object()  # the corrections' version was not read by the caller


def run_comparison(articles: list[Article], options: dict, *, store: CorrectionStore | None = None,
                   version: str | None | object = UNREAD, progress: Progress | None = None) -> dict:
    """compare() with the corrections the store holds on the articles' sentences; `version` as named in the
    key the caller computed (None: no corrections apply; read from the store when not given)."""
    version = corrections_version(store) if version is UNREAD else version
    constraints = []
    if store is not None and version is not None:
        constraints = store.constraints_for([s.text for a in articles for s in compared_sentences(a)])
    return compare(articles, params=align_params(options), min_outlets=options.get("min_outlets", 1),
                   progress=progress, corrections=constraints, corrections_version=version)
