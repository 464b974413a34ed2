"""Each seed parses to the right outlet, title and date, with a clean body: acceptance of the ingest stage."""
from __future__ import annotations

import pytest

from service.ingest import parse_document

from .conftest import seed_bytes


def parse(prefix: str):
    return parse_document(seed_bytes(prefix))


def body(article) -> str:
    return "\n".join(p.text for p in article.paragraphs)


def has_sentence(article, text: str) -> bool:
    """`text` is one whole sentence of the article (not cut in two, not glued to chrome)."""
    return any(s.text == text for s in article.sentences)


def test_nyt_repost_via_aggregator():
    article = parse("000")
    assert article.outlet.id == "nyt" and article.outlet.kind == "outlet"
    assert article.via.id == "chineseheadlinenews.com" and article.via.kind == "aggregator"
    assert article.title == "布林肯见习近平:中美保持接触,小进展难掩大分歧"
    assert article.published_at == "2024-04-27T00:30:51"  # the repost line gives no offset: none is invented
    assert article.language == "zh" and article.script == "hans"
    text = body(article)
    for chrome in ("24小时新闻排行榜", "国民老爸被爆出轨", "美国债务增加对美国人意味着什么", "Pool photo by",
                   "Tyler Hicks/The New York Times", "chineseheadlinenews.com", "来源"):
        assert chrome not in text
    assert any("Pool photo by Mark Schiefelbein" in c for c in article.captions)
    assert any("Tyler Hicks/The New York Times" in c for c in article.captions)
    assert has_sentence(article, "中国指责美国致力于扼杀中国的技术进步,围堵中国在太平洋地区的利益。")
    assert has_sentence(article, "谢韬表示:“中国政府确实投入了大量精力来塑造未来一代美国人对中国的看法。”")
    assert has_sentence(article, "“没有中国的支持,俄罗斯将难以维持对乌克兰的攻击,”布林肯在周五的出发前新闻发布会上说。")


def test_dw_feed_export():
    article = parse("001")
    assert article.outlet.id == "dw" and article.via is None
    assert article.url.startswith("https://www.dw.com/zh/")
    assert article.title == "布林肯会晤习近平 称中国对俄军工支持引忧"
    assert article.published_at == "2024-04-26T08:25:56.585+00:00"
    assert article.retrieved_at == "2024-04-26T14:17:04+00:00"  # the <!--epoch ms--> comment is the fetch time
    assert article.script == "mixed"
    text = body(article)
    for chrome in ("版權聲明", "德國之聲特別授權", "綜合報導", "2024-04-26T08:25:56", "习近平周五在人民大会堂会晤到访的美国国务卿布林肯"):
        assert chrome not in text
    assert "习近平周五在人民大会堂会晤到访的美国国务卿布林肯" in article.captions
    # a link inside the sentence does not split it
    assert has_sentence(article, "他還要求美國停止「炒作產能過剩」的論調，且應解除對中國企業的制裁、不應再藉美國《貿易法》301條對中國施加新關稅。")
    headings = [p.text for p in article.paragraphs if p.heading]
    assert headings == ["布林肯：“没有中国支持，俄罗斯难以维持侵乌”", "习近平：做伙伴不是对手",
                        "王毅：中美关系中的负面因素仍在上升积聚", "中美之間能克服分歧嗎？"]


def test_voa_feed_export():
    article = parse("002")
    assert article.outlet.id == "voa" and article.via is None
    assert article.title == "布林肯下周再访中国，美中紧张关系预计仍难实现突破改善"
    assert article.published_at == "2024-04-20T18:41:18+00:00"
    text = body(article)
    assert "Sat, 20 Apr 2024" not in text
    assert "慕尼黑安全会议期间举行会晤" not in text and any("慕尼黑" in c for c in article.captions)
    assert article.paragraphs[0].text.startswith("华盛顿 — 美国国务卿安东尼·布林肯")
    assert [p.text for p in article.paragraphs if p.heading] == ["中国向俄罗斯对乌克兰的战争提供协助", "台湾", "禁毒"]
    assert has_sentence(article, "中国对美国最高外交官前往访问表示欢迎。")
    assert has_sentence(article, "格里科认为，美国正在与其他七国集团国家合作，争取欧洲国家更多支持，采取同样的行动。")


def test_aggregator_page_about_another_event():
    article = parse("003")
    assert article.outlet.id == "qukanredian.com" and article.outlet.kind == "aggregator"
    assert article.via is None
    assert article.title == "中美关系缓和:高层将恢复经贸对话 布林肯明年初访华"
    assert article.published_at is None  # "11月14日" has no year: no date is invented
    text = body(article)
    for chrome in ("关闭广告", "人阅读", "资料图", "版权与免责声明", "猜你喜欢", "精彩推荐", "浏览", "砺石商业评论",
                   "Copyright", "ICP备", "本站所有信息"):
        assert chrome not in text
    assert [p.text for p in article.paragraphs if p.heading] == ["一、中美恢复高层经贸对话",
                                                                  "二、美国国务院证实,布林肯将在明年初访问中国"]
    assert has_sentence(article, "两人过去4次会晤,台海安全都是焦点议题之一。")


def test_bbc_feed_export():
    article = parse("004")
    assert article.outlet.id == "bbc"
    assert article.title == "习近平拜登：再次“会谈”，中美之间的分歧减少了吗"
    assert article.published_at == "2024-04-03"
    assert article.byline == "陈岩"
    text = body(article)
    for chrome in ("图像来源", "Getty Image", "你的器材不支持播放多媒体材料", "美中峰会取得多方面进展", "BBC中文记者",
                   "耶伦长期在美国政府内部扮演", "台湾大选：赖清德成功当选"):
        assert chrome not in text
    assert "台湾大选：赖清德成功当选 打破政党轮替魔咒" in article.captions
    assert [p.text for p in article.paragraphs if p.heading] == ["分歧焦点：台湾、制裁与TikTok", "气氛：“坦诚”与期待",
                                                                  "意义：“向全世界表演”"]
    assert has_sentence(article, "北京时间本周二晚，美国总统拜登和中国国家主席习近平通电话，努力缓和两国之间的紧张局势。")
    assert has_sentence(article, "中方新华社的新闻稿中未提及TikTok。")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_sentences_cover_paragraphs(prefix):
    article = parse(prefix)
    for paragraph in article.paragraphs:
        joined = "".join(s.text for s in article.sentences if s.paragraph == paragraph.index)
        assert "".join(joined.split()) == "".join(paragraph.text.split())


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_ids_are_content_addresses(prefix):
    assert parse(prefix).id == parse(prefix).id
    assert parse_document(seed_bytes(prefix) + b"\n\n").id == parse(prefix).id
