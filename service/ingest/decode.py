"""Bytes to text: BOM, then a declared charset that really decodes, then UTF-8, then detection.

Chinese pages come in UTF-8, GB18030/GBK/GB2312 and Big5, and their declarations are sometimes wrong.
Valid UTF-8 is taken as UTF-8 (other encodings almost never produce it by chance); a declaration is trusted
only when the bytes decode under it without errors; detection (charset-normalizer) decides the rest.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

# GB2312 and GBK are subsets of GB18030; pages labelled with them often use characters only GB18030 has.
CHARSET_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "ascii": "utf-8"}
MAX_CONTROL_SHARE = 0.01  # decoded text with more C0 control characters than this is binary, not text
# Characters that change how text looks without being text: C0/C1 controls (tab, line feed, vertical tab, form feed
# and carriage return are whitespace, and kept) and the bidi embeddings, overrides and isolates, which can reorder
# what a reader sees ("Trojan Source"). Removed from document text; refused in names and ids (api.schemas).
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
HIDDEN_CONTROLS = re.compile(f"[\x01-\x08\x0e-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)|<\?xml[^>]+encoding=["']([\w-]+)""", re.I)


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


# printable ASCII, CJK ideographs, CJK punctuation and full-width forms: all assigned, none a control character
ORDINARY = re.compile("[\x20-\x7e\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e]+")


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """A document's text: a BOM, then UTF-8, the declared and in-document charsets, then detection; binary refused."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                          (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _checked(data[len(bom):].decode(encoding, errors="strict"))
    if b"\x00" in data[:4096]:
        raise DecodeError("the document contains NUL bytes: it looks like a binary file, not text")
    for candidate in ("utf-8", declared, _declared_in_document(data)):
        text = _try_decode(data, candidate)
        if text is not None:
            return _checked(text)
    best = charset_normalizer.from_bytes(data, cp_isolation=None).best()
    if best is None:
        raise DecodeError("the document's bytes could not be decoded as text in any known encoding")
    return _checked(str(best))


def _declared_in_document(data: bytes) -> str | None:
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", errors="ignore")


def _try_decode(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    name = encoding.strip().lower()
    try:
        codec = codecs.lookup(CHARSET_SUPERSETS.get(name, name)).name
    except LookupError:
        return None
    try:
        return data.decode(codec, errors="strict")
    except UnicodeDecodeError:
        return None


def checked_text(text: str) -> str:
    """Text that can be stored: refused (DecodeError, saying where) when it holds a NUL or a lone surrogate, or
    looks binary (over 1% control characters); otherwise returned with its hidden controls removed.
    decode_bytes applies the same rule to raw bodies."""
    return without_hidden_controls(_checked(text))


def without_hidden_controls(text: str) -> str:
    """The text without control and bidi characters, which could hide or reorder what a reader sees."""
    return HIDDEN_CONTROLS.sub("", text)


def _checked(text: str) -> str:
    nul = text.find("\x00")
    if nul >= 0:
        raise DecodeError(f"the document contains a NUL character (U+0000) at character {nul}: that is binary "
                          "data, not text; remove it")
    surrogate = LONE_SURROGATE.search(text)
    if surrogate:
        raise DecodeError(f"the document contains a lone surrogate (U+{ord(surrogate.group()):04X}) at character "
                          f"{surrogate.start()}, which no Unicode text may hold; send UTF-8 text")
    if text:
        unusual = ORDINARY.sub("", text)  # only these can be control, unassigned, private or surrogate characters
        controls = sum(1 for ch in unusual if ch not in "\t\n\r\f" and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs"))
        if controls / len(text) > MAX_CONTROL_SHARE:
            raise DecodeError("the document decodes to control characters: it looks like a binary file")
        if text.count("\ufffd") / len(text) > MAX_CONTROL_SHARE:
            raise DecodeError("the document contains too many undecodable characters")
    return text
