"""Transcripts: the speaker each line's label names (MR. SULLIVAN:, PRESIDENT XI:, Q), the holder of a bare title
label (THE PRESIDENT:) from the document's heading, the host of a call, and the lines that close a transcript."""
from __future__ import annotations

import re

from ..text.normalize import fold
from .speakers import Speaker, name_phrase, speaker_words
from .unknown_names import english_title_words

TRANSCRIPT_LABEL = re.compile(
    r"^\s*((?:(?:MR|MS|MRS|DR)\.\s+|(?:VICE\s+)?PRESIDENT\s+|(?:PRIME\s+|FOREIGN\s+)?MINISTER\s+|SECRETARY\s+|"
    r"AMBASSADOR\s+|SENATOR\s+|GENERAL\s+|ADMIRAL\s+)?[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,2})\s*:\s")
TITLE_OF_LABEL = re.compile(r"^\s*((?:VICE\s+)?PRESIDENT|(?:PRIME\s+|FOREIGN\s+)?MINISTER|SECRETARY|SENATOR|GENERAL|"
                            r"ADMIRAL|CHANCELLOR)\s+")
HONORIFIC = re.compile(r"^\s*(?:MR|MS|MRS|DR|Mr|Ms|Mrs|Dr)\.\s+")
QUESTION = re.compile(r"^\s*Q(?:\s+|:\s*)(?=\S)")
TIME_STAMP = re.compile(r"^\s*\d{1,2}:\d{2}\s*[AP]\.?\s?M\.?", re.I)
TRANSCRIPT_END = re.compile(r"^\s*END(?:\s+\d{1,2}:\d{2}\b.*)?\s*$")  # END 9:56 P.M. EST
POSSESSIVE = re.compile(r"[’']s\b")
REPORTER = Speaker("reporter", "media", "media")
# a questioner who names himself at the start of his turn: "Q Yeah, Geoff Chambers from The Australian."
SELF_INTRODUCED = re.compile(r"^(?:Q\s+)?(?:(?:Yeah|Yes|Hi|Hello|Thanks|Thank you)[^A-Z]{0,12}?)?"
                             r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+){1,2})(?:,\s*|\s+(?:from|with)\s+)(?:the\s+)?[A-Z]")


def transcript_speaker(text: str) -> Speaker | None:
    """The speaker a transcript line names at its start (MR. SULLIVAN:, PRESIDENT XI:, Q)."""
    if not text[:1].isascii() or not text[:1].isupper():
        return None
    if QUESTION.match(text):
        return REPORTER
    label = TRANSCRIPT_LABEL.match(text)
    if label is None:
        return None
    named = name_phrase(fold(label.group(1)), label.group(1))
    if named is not None and named.kind == "title":
        return named  # THE PRESIDENT: whom the transcript calls so (attribution resolves it in the story)
    if named is not None and named.resolved:
        return named if named.side is not None else named._replace(side=_side_of_title(label.group(1)))
    return Speaker(HONORIFIC.sub("", label.group(1).title()), _side_of_title(label.group(1)),
                   "person")  # MS. JEAN-PIERRE is Jean-Pierre


def _side_of_title(label: str) -> str | None:
    """The side the title of a transcript label puts its holder on (PRIME MINISTER SUGA: a visiting leader)."""
    title = TITLE_OF_LABEL.match(label)
    return speaker_words().transcript_titles.get(fold(" ".join(title.group(1).split()))) if title else None


def is_host(label: Speaker, text: str = "") -> bool:
    """A transcript label for whoever runs the call or event (MODERATOR), or a person it names only by an
    honorific (MS. JEAN-PIERRE: at her own briefing): on the side of the officials the transcript names."""
    return label.name is not None and (fold(label.name) in speaker_words().transcript_hosts
                                       or HONORIFIC.match(text) is not None)


def ends_transcript(text: str) -> bool:
    """A time stamp or the END line that closes a transcript: the line after it is no label's."""
    return bool(TIME_STAMP.match(text) or TRANSCRIPT_END.match(text))


def holder_in_heading(title: str | None, heading: str | None) -> Speaker | None:
    """THE PRESIDENT: the person the document's heading names with that title ("Remarks by President Biden in a
    Press Conference"), the transcript's own principal, before anyone the remarks go on to mention; None when the
    heading names no one so."""
    if not title or not heading:
        return None
    for match in re.finditer(rf"\b(?i:{re.escape(title)})\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?", heading):
        holder = POSSESSIVE.split(match.group())[0]  # Vice President Harris’s Meeting: Harris
        named = name_phrase(fold(holder), holder)
        if named is not None and named.kind == "person" and named.resolved:
            return named
    return None


def introduced_reporter(text: str) -> Speaker | None:
    """The reporter a question's first words name ("Marc Stewart from CNN."), who asks the rest of the turn."""
    found = SELF_INTRODUCED.match(text)
    if found is None:
        return None
    words = [fold(word) for word in found.group("name").split()]
    if any(word in english_title_words() or word in speaker_words().polities for word in words):
        return None  # "Q Prime Minister, …", "President Biden, …": whom the question is put to
    return Speaker(found.group("name"), "media", "person")
