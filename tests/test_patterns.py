"""The shared patterns of service/text/patterns.py, read as the pipeline reads them."""
from __future__ import annotations

from service.align.features import sentence_features
from service.text.patterns import CLAUSE_BREAK, QUANTITY, any_encounter, single_pronoun


def test_encounter_kinds_come_from_the_data_file():
    assert sentence_features(0, 0, "拜登与习近平通电话。").encounters == {"call"}
    assert sentence_features(0, 0, "拜登與習近平在峇里島會晤。").encounters == {"meet"}  # folded to simplified
    assert sentence_features(0, 0, "Biden met Xi in Bali.").encounters == {"meet"}
    assert sentence_features(0, 0, "The metric was revised.").encounters == frozenset()  # "met" is a whole word


def test_any_encounter_reads_either_script_and_held():
    assert any_encounter().search("與習近平舉行")
    assert any_encounter().search("与习近平会晤")
    assert not any_encounter().search("与习近平一起")


def test_a_single_pronoun_is_not_a_plural_or_a_compound():
    assert single_pronoun().search("他表示").start() == 0
    for text in ("他们表示", "他國", "尊重他人", "the shepherd"):
        assert single_pronoun().search(text) is None, text


def test_clauses_and_quantities():
    assert [c for c in CLAUSE_BREAK.split('他说,"我们会合作"(据报道)') if c] == ["他说", "我们会合作", "据报道"]
    assert [m.group() for m in QUANTITY.finditer("约3000人出席，会谈持续4小时，共2 hours")] == ["约3000人", "4小时",
                                                                                               "2 hours"]


def test_the_comitative_hint_covers_every_character_the_comitative_matches():
    """subjects._split_subject runs COMITATIVE only when COMITATIVE_HINT finds a character: a character the pattern
    can match and the hint misses would silently lose a split."""
    from service.framing.subject_patterns import COMITATIVE, COMITATIVE_HINT

    matched = {chr(code) for code in range(0x4E00, 0xA000) if COMITATIVE.search(f"甲{chr(code)}乙")}
    assert matched and all(COMITATIVE_HINT.search(ch) for ch in matched)
