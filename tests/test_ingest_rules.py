"""Chrome rules on the edge between page furniture and prose."""
from __future__ import annotations

from service.ingest import parse_document


def test_a_short_lead_that_mentions_reporters_is_prose_not_a_byline():
    lead = "王毅周五对记者说，中美关系正在企稳。"
    article = parse_document(f"甲报\n\n{lead}\n\n其他内容在这里。", outlet="a")
    assert [s.text for s in article.sentences][0] == lead


def test_a_reporter_credit_line_is_still_a_byline():
    article = parse_document("甲报\n\n本报记者 张三\n\n王毅周五说，中美关系正在企稳。", outlet="a")
    assert [s.text for s in article.sentences] == ["王毅周五说，中美关系正在企稳。"]
