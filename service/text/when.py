"""Days a sentence names, resolved against the article's date of publication where the text is relative.

"8月29日", "29日", "August 27-28", "today", "昨天", "周五" / "on Friday": each becomes a (month, day) pair, month
None when only the day is written and the article's date does not give it. Two reports of one fact cannot name
different days; the same officials meeting again on another day is the commonest look-alike in news.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from ..tuning import TEXT_CACHE_ENTRIES

MONTHS = {name: k for k, names in enumerate((
    "january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul", "august aug",
    "september sept sep", "october oct", "november nov", "december dec"), start=1) for name in names.split()}
CHINESE_DAY = re.compile(r"(?:(?P<m>\d{1,2})月)?(?P<d>\d{1,2})(?:-(?P<to>\d{1,2}))?[日号]")
ENGLISH_DAY = re.compile(r"\b(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) +
                         r")\.?\s+(?P<d>\d{1,2})(?:\s*(?:-|–|to|and)\s*(?P<to>\d{1,2}))?(?:st|nd|rd|th)?\b")
RELATIVE = re.compile(r"今天|今日|昨天|昨日|前天|明天|\btoday\b|\byesterday\b|\btomorrow\b")
RELATIVE_OFFSET = {"今天": 0, "今日": 0, "today": 0, "昨天": -1, "昨日": -1, "yesterday": -1, "前天": -2,
                   "明天": 1, "tomorrow": 1}
WEEKDAY = re.compile(r"(?:周|星期|礼拜)([一二三四五六日天])|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b")
WEEKDAY_NUMBER = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "mon": 0, "tues": 1,
                  "wednes": 2, "thurs": 3, "fri": 4, "satur": 5, "sun": 6}
MAX_RANGE_DAYS = 7  # "27-28日", "August 27-28": a short span is every day of it
WHEN_CACHE_SIZE = TEXT_CACHE_ENTRIES
Day = tuple[int | None, int]  # (month or None, day of month)


@lru_cache(maxsize=WHEN_CACHE_SIZE)
def day_mentions(norm: str) -> tuple[tuple[str, int | None, int, int], ...]:
    """("day", month, first, last) for written days, ("offset", None, days, 0) for today/昨天,
    ("weekday", None, 0-6, 0) for 周五 / Friday; from the normalised (folded, lower-cased) text."""
    found = []
    for match in CHINESE_DAY.finditer(norm):
        month, first = match["m"] and int(match["m"]), int(match["d"])
        found.append(("day", month, first, int(match["to"] or first)))
    for match in ENGLISH_DAY.finditer(norm):
        first = int(match["d"])
        found.append(("day", MONTHS[match["month"]], first, int(match["to"] or first)))
    found += [("offset", None, RELATIVE_OFFSET[m.group()], 0) for m in RELATIVE.finditer(norm)]
    found += [("weekday", None, WEEKDAY_NUMBER[m.group(1) or m.group(2)], 0) for m in WEEKDAY.finditer(norm)]
    return tuple(found)


def resolve_days(mentions, published: date | None) -> frozenset[Day]:
    """The (month, day) pairs the mentions name; relative ones only when the publication date is known (a
    weekday is the latest such day on or before it: news reports what happened)."""
    days: set[Day] = set()
    for kind, month, first, last in mentions:
        if kind == "day":
            if not 1 <= first <= 31 or not first <= last <= first + MAX_RANGE_DAYS:
                continue
            month = month or (published.month if published and first <= published.day else None)
            days.update((month, d) for d in range(first, min(last, 31) + 1))
        elif published is not None:
            when = (published + timedelta(days=first) if kind == "offset"
                    else published - timedelta(days=(published.weekday() - first) % 7))
            days.add((when.month, when.day))
    return frozenset(days)


def publication_day(published_at: str | None) -> date | None:
    """The calendar day of an ISO 8601 publication time, or None when it is missing or unreadable."""
    if not published_at:
        return None
    try:
        return date.fromisoformat(published_at[:10])
    except ValueError:
        return None


def days_agree(a: frozenset[Day], b: frozenset[Day]) -> bool:
    """Whether two sentences name a day in common (a day of no stated month matches that day of any month)."""
    return any(_same_day(x, y) for x in a for y in b)


def days_conflict(a: frozenset[Day], b: frozenset[Day]) -> bool:
    """Both name days and none of them can be the same day."""
    return bool(a) and bool(b) and not days_agree(a, b)


def _same_day(x: Day, y: Day) -> bool:
    return x[1] == y[1] and (x[0] is None or y[0] is None or x[0] == y[0])
