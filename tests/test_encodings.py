"""Seeds re-encoded in the encodings Chinese pages use are decoded to the same article text."""
from __future__ import annotations

import opencc
import pytest

from service.ingest import IngestError, parse_document

from .conftest import seed_bytes


def sentences(article) -> list[str]:
    return [s.text for s in article.sentences]


@pytest.mark.parametrize("prefix", ["000", "002", "003", "004"])
def test_gb18030_without_declaration(prefix):
    text = seed_bytes(prefix).decode("utf-8")
    original = parse_document(text)
    decoded = parse_document(text.encode("gb18030"))
    assert sentences(decoded) == sentences(original)
    assert decoded.title == original.title and decoded.outlet == original.outlet


def test_wrong_charset_declaration_is_not_trusted():
    text = seed_bytes("000").decode("utf-8")
    decoded = parse_document(text.encode("gb18030"), content_type="text/plain; charset=big5")
    assert sentences(decoded) == sentences(parse_document(text))


def test_wrong_meta_charset_in_html_is_not_trusted():
    text = seed_bytes("001").decode("utf-8")
    mislabelled = text.replace("<div><i>", '<meta charset="big5"><div><i>', 1).encode("utf-8")
    assert sentences(parse_document(mislabelled)) == sentences(parse_document(text))


def test_big5_traditional_text():
    # Taiwan character forms, all of which Big5 has
    traditional = opencc.OpenCC("s2tw").convert(seed_bytes("002").decode("utf-8")).replace("\u00a0", " ")
    decoded = parse_document(traditional.encode("big5"))
    assert decoded.script == "hant"
    assert decoded.outlet.id == "voa"
    assert sentences(decoded) == sentences(parse_document(traditional))
    assert "中國對美國最高外交官前往訪問表示歡迎。" in sentences(decoded)


def test_gbk_declared_html_fragment():
    html = '<meta charset="gbk"><h1>标题在这里</h1><p>第一句正文在这里。第二句正文也在。</p><p>又一段正文。</p>'
    article = parse_document(html.encode("gbk"))
    assert article.title == "标题在这里"
    assert sentences(article) == ["第一句正文在这里。", "第二句正文也在。", "又一段正文。"]


def test_utf16_with_bom():
    text = seed_bytes("004").decode("utf-8")
    assert sentences(parse_document(text.encode("utf-16"))) == sentences(parse_document(text))


@pytest.mark.parametrize("data", [bytes(range(256)) * 8, b"\x89PNG\r\n\x1a\n" + bytes(range(200)) * 5,
                                  b"\xff\xfe\xfd" * 500])
def test_undecodable_bytes_raise_ingest_error(data):
    with pytest.raises(IngestError):
        parse_document(data)
