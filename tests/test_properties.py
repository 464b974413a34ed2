"""Properties of the text stage and the aligner, checked by hypothesis on generated input."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.comparison import compare
from service.ingest import parse_document
from service.text.normalize import fold, normalize
from service.text.sentences import split_sentences

CHINESE = st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF)
PUNCT = st.sampled_from(list("，。！？；：、“”「」（）《》…—·,.!?;: ") + ["\n"])
LATIN = st.characters(min_codepoint=0x41, max_codepoint=0x7A)
TEXT = st.text(st.one_of(CHINESE, PUNCT, LATIN, st.sampled_from(list("0123456789國會習近平布林肯·"))), max_size=200)


@given(TEXT)
def test_normalising_twice_changes_nothing(text):
    assert normalize(normalize(text)) == normalize(text)
    assert fold(fold(text)) == fold(text)


@given(TEXT)
def test_sentences_cover_the_paragraph(text):
    sentences = split_sentences(text)
    assert "".join("".join(sentences).split()) == "".join(text.split())
    assert all(s == s.strip() and s for s in sentences)


SENTENCE = st.lists(CHINESE, min_size=4, max_size=20).map("".join).map(lambda s: s + "。")
ARTICLE = st.lists(SENTENCE, min_size=1, max_size=6).map(lambda ss: "标题\n\n" + "\n\n".join(ss))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ARTICLE, min_size=2, max_size=4, unique=True), st.randoms())
def test_facts_do_not_depend_on_the_order_of_the_articles(texts, rng):
    articles = [parse_document(t, outlet=f"outlet{i}") for i, t in enumerate(texts)]
    shuffled = list(articles)
    rng.shuffle(shuffled)
    assert compare(shuffled)["facts"] == compare(articles)["facts"]
