"""The package's data files (service/data/: registries, alias tables, lexicons, the link model), read once per
process. Every stage loads its data through here, so there is one reader and one digest of them all."""
from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import resources

import yaml


def data_bytes(name: str) -> bytes:
    """A data file shipped in service/data, read through importlib.resources (works from a wheel too)."""
    return resources.files("service.data").joinpath(name).read_bytes()


@cache
def load_yaml(name: str) -> dict:
    """A YAML file of service/data, read with libyaml's C loader when it is there (several times faster)."""
    return yaml.load(data_bytes(name).decode("utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def load_json(name: str) -> dict:
    """A JSON data file from service/data, parsed once per process."""
    return json.loads(data_bytes(name))


@cache
def data_digest() -> str:
    """sha256 over every data file's name and bytes, in name order."""
    digest = hashlib.sha256()
    for entry in sorted(resources.files("service.data").iterdir(), key=lambda e: e.name):
        if entry.is_file() and not entry.name.startswith((".", "__")):
            digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    return digest.hexdigest()
