"""openapi.yaml is a valid OpenAPI 3.1 document and describes exactly the routes the app serves."""
from __future__ import annotations

import re

import yaml
from openapi_spec_validator import validate

from .conftest import ROOT


def spec() -> dict:
    return yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))


def test_openapi_is_valid():
    validate(spec())


def test_every_route_is_documented_and_every_documented_path_is_routed(app):
    routed = {}
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        path = re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule)
        routed.setdefault(path, set()).update(m.lower() for m in rule.methods - {"HEAD", "OPTIONS"})
    documented = {path: {m for m in item if m in ("get", "post", "put", "delete", "patch")}
                  for path, item in spec()["paths"].items()}
    assert routed == documented


def test_data_files_are_well_formed():
    """The registries and lexicons load, and every body selector is one the one-pass matcher supports."""
    from service.framing.lexicon import lexicon
    from service.ingest.rules import chrome_rules, outlet_registry
    from service.ingest.selectors import compile_selector
    from service.text.normalize import alias_table

    assert {"dw", "voa", "bbc", "nyt", "rfi", "rfa", "xinhua", "zaobao"} <= {e.outlet.id for e in outlet_registry()}
    for entry in outlet_registry():
        for selector in entry.body_selectors:
            compile_selector(selector)
    assert chrome_rules().drop and alias_table() and lexicon().term_families and lexicon().verbs
