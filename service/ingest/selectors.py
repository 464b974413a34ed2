"""Simple CSS selectors (`tag`, `.class`, `#id`, `[attr]`, `[attr=value]`, `[attr*=value]`, compounds of
these) matched against every element in one pass. soupsieve walks the whole page once per selector; pages
are tried against a dozen selectors, so one pass is several times faster."""
from __future__ import annotations

import re
from functools import cache

from bs4 import Tag

_PART = re.compile(r"""(?P<tag>^[a-zA-Z][\w-]*)|\.(?P<cls>[\w-]+)|\#(?P<id>[\w-]+)|"""
                   r"""\[(?P<attr>[\w-]+)(?:(?P<op>\*?=)['"]?(?P<value>[^'"\]]*)['"]?)?\]""")


@cache
def compile_selector(selector: str):
    """A predicate for one simple compound selector; ValueError for anything else (combinators...)."""
    tests, position = [], 0
    for match in _PART.finditer(selector):
        if match.start() != position:
            raise ValueError(f"unsupported selector {selector!r}")
        position = match.end()
        tests.append(match.groupdict())
    if position != len(selector) or not tests:
        raise ValueError(f"unsupported selector {selector!r}")

    def matches(tag: Tag) -> bool:
        for test in tests:
            if test["tag"] and tag.name != test["tag"].lower():
                return False
            if test["cls"] and test["cls"] not in (tag.get("class") or ()):
                return False
            if test["id"] and tag.get("id") != test["id"]:
                return False
            if test["attr"]:
                value = tag.get(test["attr"])
                if value is None:
                    return False
                value = " ".join(value) if isinstance(value, list) else value
                if test["op"] == "=" and value != test["value"]:
                    return False
                if test["op"] == "*=" and test["value"] not in value:
                    return False
        return True

    return matches


def first_matches(root: Tag, selectors) -> dict[str, Tag]:
    """The first element (document order) matching each selector."""
    predicates = [(s, compile_selector(s)) for s in dict.fromkeys(selectors)]
    found: dict[str, Tag] = {}
    for tag in root.find_all(True):
        for selector, predicate in predicates:
            if selector not in found and predicate(tag):
                found[selector] = tag
        if len(found) == len(predicates):
            break
    return found
