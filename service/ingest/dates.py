"""Dates as documents print them, to ISO 8601 strings that keep exactly the precision and offset given."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

_ISO = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
_CJK = re.compile(
    r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    r"(?:\s*(?:[（(]?[周週星期][一二三四五六日天][）)]?)?\s*(?P<time>\d{1,2}:\d{2}(?::\d{2})?))?"
)
_SLASHED = re.compile(r"\b(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})\b(?:\s+(?P<time>\d{1,2}:\d{2}(?::\d{2})?))?")
_RFC2822 = re.compile(r"^[A-Z][a-z]{2},\s+\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{2}:\d{2}(:\d{2})?\s+(GMT|UTC|[+-]\d{4})$")


def parse_date(text: str | None) -> str | None:
    """The first date in `text` as ISO 8601, or None. Never adds a time or offset the text did not give."""
    if not text:
        return None
    text = text.strip()
    if _RFC2822.match(text):
        return _iso(parsedate_to_datetime(text))
    match = _ISO.search(text)
    if match:
        return _from_iso_match(match)
    match = _CJK.search(text) or _SLASHED.search(text)
    if match:
        date = f"{int(match['y']):04d}-{int(match['m']):02d}-{int(match['d']):02d}"
        if not _valid(date):
            return None
        return f"{date}T{_pad_time(match['time'])}" if match["time"] else date
    return None


def is_date_only(text: str) -> bool:
    """True when a block says nothing but a date (a dateline element, not body text)."""
    if _RFC2822.match(text.strip()):
        return True
    stripped = re.sub(r"(发布时间|發布時間|更新时间|更新時間|最后更新|最後更新|Published|Updated)\s*[:：]?", "", text)
    stripped = re.sub(r"[\s,|·]+", " ", stripped).strip()
    if not stripped or parse_date(stripped) is None:
        return False
    leftover = _ISO.sub("", _CJK.sub("", stripped))
    leftover = re.sub(r"\b(GMT|UTC|[A-Z][a-z]{2})\b|[\d:,+()（）周週星期一二三四五六日天]", "", leftover)
    return len(leftover.strip()) <= 3


def epoch_ms_to_iso(value: str | int) -> str:
    """Milliseconds since the epoch (feed exports' <!--epoch-->) as an ISO 8601 UTC time."""
    return _iso(datetime.fromtimestamp(int(value) / 1000, tz=timezone.utc))


def _from_iso_match(match: re.Match) -> str | None:
    date, time, tz = match["date"], match["time"], match["tz"]
    if not _valid(date):
        return None
    if not time:
        return date
    if tz:
        stamp = datetime.fromisoformat(f"{date}T{time}{'+00:00' if tz == 'Z' else _colon(tz)}")
        return _iso(stamp)
    return f"{date}T{_pad_time(time)}"


def _iso(stamp: datetime) -> str:
    spec = "milliseconds" if stamp.microsecond else "seconds"
    return stamp.isoformat(timespec=spec)


def _pad_time(time: str) -> str:
    parts = time.split(":")
    parts[0] = parts[0].zfill(2)
    return ":".join(parts)


def _colon(tz: str) -> str:
    return tz if ":" in tz else f"{tz[:3]}:{tz[3:]}"


def _valid(date: str) -> bool:
    try:
        datetime.strptime(date, "%Y-%m-%d")
    except ValueError:
        return False
    return True


_COMPACT = re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")


def compact_date(text: str | None) -> str | None:
    """A YYYYMMDD date written in a title ("《新闻联播》 (20240829)") as ISO 8601, or None."""
    match = _COMPACT.search(text or "")
    if not match:
        return None
    day = "-".join(match.groups())
    return day if _valid(day) else None


def published_epoch(stamp: str | None) -> float | None:
    """Epoch seconds of an ISO 8601 publication time (a date alone is its midnight; no offset means UTC)."""
    if not stamp:
        return None
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def query_bound(stamp: str, *, end_of_day: bool = False) -> float:
    """A query bound: a date alone as `until` covers that whole day."""
    value = published_epoch(stamp)
    if value is None:
        raise ValueError(f"not a date: {stamp!r}")
    return value + 86_399.999 if end_of_day and len(stamp) == 10 else value
