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
