"""English subjects: before the verb, up to a preposition, a relative word or a verb ("President Biden noted");
or after it ("…," said Blinken)."""
from __future__ import annotations

import re

from ..text.patterns import CLAUSE_END
from .lexicon import lexicon
from .reading import Reading
from .speakers import Speaker, name_phrase
from .subject_patterns import ENGLISH_SUBJECT_END


def english_subject_end(phrase: str) -> int:
    """Where an English subject ends: at a preposition, a relative word or a verb of the lexicon."""
    lex = lexicon()
    position = 0
    for word in re.finditer(r"\S+", phrase):
        token = word.group().strip(",.").lower()
        if position and (token in ENGLISH_SUBJECT_END or token in lex.verbs or token.endswith("ed")
                         and token not in ("united",)):
            return word.start()
        position += 1
    return len(phrase)


def inverted_subject(reading: Reading, verb) -> Speaker | None:
    """"…," said Blinken: the subject after the verb, up to the clause end."""
    rest = reading.outside[verb.end:]
    end = CLAUSE_END.search(rest)
    phrase = rest[:end.start() if end else len(rest)].strip()
    if not phrase or len(phrase.split()) > 6:
        return None
    return name_phrase(phrase, reading.text[verb.end:verb.end + len(rest[:end.start() if end else len(rest)])].strip(),
                       reading.text)
