"""Who a reporting verb's clause names as the one spoken to: after the verb (布林肯告诉习近平; Blinken told
Wang Yi), in the clause before it (在与布林肯会晤时说, 向记者表示), or as a short plain noun (记者, 国际社会)."""
from __future__ import annotations

from ..text.normalize import alias_table
from ..text.patterns import CLAUSE_END
from .reading import Reading
from .speakers import clean, name_phrase, speaker_words
from .subject_patterns import (SUBJECT_END, ENGLISH_SUBJECT_END, LATIN, LISTENER_CONTEXTS, CJK_RUN, MIN_LISTENER_CHARS, MAX_LISTENER_CHARS, LISTENER_STOP_CHARACTERS)


def addressee(reading: Reading, verb) -> str | None:
    """The listener named right after a verb whose object is the person spoken to (布林肯告诉习近平，…;
    美国警告北京不要…; Blinken told Wang Yi that …)."""
    rest = reading.outside[verb.end:]
    end = CLAUSE_END.search(rest)
    rest = rest[:end.start() if end else len(rest)].strip()
    if LATIN.match(verb.word):
        words = []
        for word in rest.split():
            if word.strip(",.") in ENGLISH_SUBJECT_END:
                break
            words.append(word)
        original = reading.text[verb.end:verb.end + len(reading.outside[verb.end:]) - len(rest)]
        heard = name_phrase(" ".join(words), original.strip()) if words else None
        return heard.name if heard is not None and heard.resolved else None
    words = speaker_words()
    person = next(iter(words.people.finditer(rest)), None)
    if person is not None and person.start == 0:
        return alias_table()[person.word].key
    polity = words.polity.starts(rest)
    if polity is not None and (len(polity.word) > 1 or rest.startswith("方", polity.end)):
        return polity.word + ("方" if rest.startswith("方", polity.end) else "")
    after = SUBJECT_END.search(rest)
    return listener_name(rest[:after.start() if after else len(rest)])


def listener_in_clause(phrase: str) -> str | None:
    """A listener the clause before the verb names after its subject: …上向记者表示, 在与布林肯会晤时说,
    在接受总台记者专访时表示."""
    for pattern in LISTENER_CONTEXTS:
        match = pattern.search(phrase)
        if match is not None:
            return listener_name(match.group("who").strip())
    return None


def listener_name(phrase: str) -> str | None:
    """Whom a phrase names as the listener: a speaker it names, or a short plain noun (记者, 埃方, 国际社会)."""
    heard = name_phrase(phrase) if phrase else None
    if heard is not None and heard.resolved:
        return heard.name
    cleaned = clean(phrase) if phrase else ""
    if MIN_LISTENER_CHARS <= len(cleaned) <= MAX_LISTENER_CHARS and CJK_RUN.fullmatch(cleaned) and \
            not any(ch in LISTENER_STOP_CHARACTERS for ch in cleaned):
        return cleaned
    return None
