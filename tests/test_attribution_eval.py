"""The attribution scoreboard: the gold set is placeable and big enough, fields are compared after mapping the
service's vocabulary onto the gold's, and the dev figures hold against tests/gold/eval-baseline.json (the
held-out ones are gated by `make eval`, which has ../shared)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from service.eval import ATTRIBUTION, BASELINE, MAX_DROP, baseline_of, check_baseline
from service.eval.attribution import (FIELDS, LabelledAttribution, attribution_figures, attribution_gold,
                                      canonical_speaker, judged, predicted)
from service.eval.datasets import ROOT


@pytest.fixture(scope="module")
def gold():
    return attribution_gold()


@pytest.fixture(scope="module")
def dev_pairs(gold):
    return predicted([item for item in gold if item.split == "dev"], shared=Path("/nonexistent"))


def test_gold_set_is_big_enough_and_covers_the_hard_forms(gold):
    dev = [item for item in gold if item.split == "dev"]
    assert len(gold) >= 150 and len(dev) >= 150 and any(item.split == "heldout" for item in gold)
    tags = {tag for item in dev for tag in item.tags}
    assert {"after_quote", "ju_chain", "listener", "pronoun", "quote_span", "continuation", "transcript",
            "readout", "joint", "trap_none"} <= tags
    assert {item.type for item in dev} == {"direct", "indirect", "none"}
    assert all((item.speaker is None) == (item.type == "none") for item in gold)


def test_every_dev_sentence_is_found_in_its_document(gold, dev_pairs):
    dev = [item for item in gold if item.split == "dev"]
    assert all((ROOT / item.doc).exists() for item in dev)
    assert len(dev_pairs) == len(dev)


def test_speakers_compare_by_canonical_name():
    assert canonical_speaker("中方") == canonical_speaker("中国政府")  # one source key
    assert canonical_speaker("Blinken") == canonical_speaker("安东尼·布林肯") == "布林肯"  # one alias key
    assert canonical_speaker("both sides") == canonical_speaker("Both Sides")
    assert canonical_speaker("布林肯") != canonical_speaker("习近平")
    assert canonical_speaker(None) is None
    assert canonical_speaker("《通知》") == canonical_speaker("通知")  # a document with or without its title marks
    assert canonical_speaker("《通知》和《意见》") != canonical_speaker("通知》和《意见")
    assert canonical_speaker("谢尔达尔·别尔德穆哈梅多夫") == canonical_speaker("别尔德穆哈梅多夫")  # keyed by surname
    assert canonical_speaker("英国政府") == canonical_speaker("英国") != canonical_speaker("德国")  # a polity's government


def _item(**labels) -> LabelledAttribution:
    fields = {"doc": "d", "index": 0, "text": "t", "split": "dev", "speaker": None, "side": None, "type": "none",
              "verb_class": None, "source": None, "listener": None, "tags": ()}
    return LabelledAttribution(**{**fields, **labels})


def test_service_vocabulary_maps_onto_the_gold():
    none = _item()
    assert all(judged(none, {"type": "unattributed", "speaker": None, "side": None, "verb_class": None}).values())
    critical = _item(speaker="中国", side="prc_gov", type="indirect", verb_class="critical")
    said = {"type": "indirect", "speaker": "中国", "side": "prc_gov", "verb_class": "accusatory"}
    assert all(judged(critical, said).values())
    wrong = judged(critical, {**said, "speaker": "美国", "side": "us_gov", "type": "direct", "verb_class": "neutral"})
    assert not any(wrong.values())


def test_figures_by_hand():
    right = {"type": "indirect", "speaker": "王毅", "side": "prc_gov", "verb_class": "neutral"}
    item = _item(speaker="王毅", side="prc_gov", type="indirect", verb_class="neutral", tags=("pronoun",))
    report = attribution_figures([(item, right), (item, {**right, "speaker": "布林肯", "side": "us_gov"}),
                                  (item, {**right, "speaker": None, "side": None})])
    dev = report["dev"]
    assert (dev["sentences"], dev["speaker"], dev["side"], dev["type"]) == (3, 0.3333, 0.3333, 1.0)
    assert dev["wrong_name"] == 0.3333  # the null speaker is an abstention, not a wrong name
    assert dev["speaker_by_form"]["pronoun"] == {"sentences": 3, "speaker": 0.3333}


def test_held_out_drop_fails_and_recording_keeps_other_figures():
    recorded = {"dev": {"precision": 0.9}, ATTRIBUTION: {"heldout": {f: 0.9 for f in FIELDS}}}
    report = {"sets": {}, ATTRIBUTION: {"heldout": {"sentences": 10, **{f: 0.9 for f in FIELDS}, "speaker": 0.8}}}
    assert [f.split()[2] for f in check_baseline(report, recorded)] == ["speaker"]
    assert baseline_of(report, recorded)["dev"] == {"precision": 0.9}


def test_dev_figures_hold_against_the_baseline(dev_pairs):
    recorded = json.loads(BASELINE.read_text())[ATTRIBUTION]["dev"]
    figures = attribution_figures(dev_pairs)["dev"]
    for field in FIELDS:
        assert figures[field] >= recorded[field] - MAX_DROP, (field, figures[field], recorded[field])
