"""Attribution accuracy: who the service says is speaking, on which side, how (direct, indirect, none) and with
which class of reporting verb, against the hand-labelled sentences of tests/gold/attribution.yaml.

The gold set has two parts: `dev` (the seeds, tuned on) and `heldout` (CCTV and White House documents of
../shared/corpus, never tuned on). Each labelled sentence is found in its document by its exact text (the
service's own sentence split), the document is framed the way a comparison frames it, and each field is
compared after mapping the service's vocabulary onto the gold's (below). Accuracy is over every labelled
sentence, sentences without attribution included (null = null is right). Source and listener are optional in
the gold: they are scored only on the sentences whose label names one (how often the service finds it).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..framing.attribution import frame_article
from ..framing.speaker_identity import speaker_key
from ..framing.speakers import joint
from ..ingest import parse_document
from ..text.sentences import caption_sentences
from .datasets import GOLD, ROOT, SHARED

ATTRIBUTION_GOLD = GOLD / "attribution.yaml"
FIELDS = ("speaker", "side", "type", "verb_class")
LABELLED_FIELDS = ("source", "listener")  # scored only where the gold names one
SPLITS = ("dev", "heldout")
JOINT_SPEAKER = "both sides"  # the gold's name for joint speakers; the service's is speakers.joint() (双方)
TYPE_NAMES = {"direct": "direct", "indirect": "indirect", "unattributed": "none"}
# the service's verb classes -> the gold's four (neutral, emphatic, critical, conciliatory)
VERB_CLASS_NAMES = {"neutral": "neutral", "belief": "neutral", "emphatic": "emphatic", "appeal": "emphatic",
                    "accusatory": "critical", "warning": "critical", "distancing": "neutral",
                    "conciliatory": "conciliatory"}


@dataclass(frozen=True)
class LabelledAttribution:
    doc: str
    index: int  # the sentence's index when labelled (corpus documents since gained a front-matter line)
    text: str
    split: str
    speaker: str | None
    side: str | None
    type: str
    verb_class: str | None
    source: str | None  # optional in the gold: the outlet or document the report is credited to
    listener: str | None  # optional: the addressee the sentence names
    tags: tuple[str, ...]  # the note's [tags]: the hard form the sentence is an example of


def attribution_gold(path: Path = ATTRIBUTION_GOLD) -> list[LabelledAttribution]:
    """The labelled attribution sentences, with the tags written in brackets at the start of a note."""
    items = []
    for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["sentences"]:
        note = entry.get("note") or ""
        tags = tuple(t.strip() for t in note[1:note.index("]")].split(",")) if note.startswith("[") else ()
        items.append(LabelledAttribution(entry["doc"], entry["index"], entry["text"], entry["split"], entry["speaker"],
                                         entry["side"], entry["type"], entry["verb_class"], entry.get("source"),
                                         entry.get("listener"), tags))
    return items


def predicted(items: list[LabelledAttribution], shared: Path = SHARED) -> list[tuple[LabelledAttribution, dict]]:
    """Each labelled sentence with the attribution the service gives it in its document. Documents that are
    not there (no ../shared) are left out with their sentences."""
    framed: dict[str, tuple[dict[str, list[int]], dict]] = {}
    found = []
    for item in items:
        if item.doc not in framed:
            path = next((base / item.doc for base in (ROOT, shared) if (base / item.doc).exists()), None)
            if path is None:
                continue
            article = parse_document(path.read_bytes(),
                                     content_type="text/markdown" if item.doc.endswith(".md") else None)
            sentences = [*article.sentences, *caption_sentences(article.captions, len(article.sentences))]
            places: dict[str, list[int]] = {}
            for sentence in sentences:
                places.setdefault(sentence.text, []).append(sentence.index)
            framed[item.doc] = (places, frame_article(article))
        places, framing = framed[item.doc]
        if item.text in places:  # a text said twice ("Thank you.") is the one nearest the labelled index
            index = min(places[item.text], key=lambda k: abs(k - item.index))
            found.append((item, framing[index].attribution))
    return found


def judged(item: LabelledAttribution, attribution: dict) -> dict[str, bool]:
    """Whether each field of the service's attribution agrees with the gold label."""
    verb_class = attribution.get("verb_class")
    return {"speaker": canonical_speaker(attribution.get("speaker")) == canonical_speaker(item.speaker),
            "side": attribution.get("side") == item.side,
            "type": TYPE_NAMES[attribution["type"]] == item.type,
            "verb_class": (VERB_CLASS_NAMES.get(verb_class) if verb_class else None) == item.verb_class}


def canonical_speaker(name: str | None) -> str | None:
    """One name per speaker on both sides of the comparison: the service's speaker key (framing/speaker_identity.py),
    the joint speaker under the gold's name."""
    key = speaker_key(name)
    return JOINT_SPEAKER if key is not None and key == joint().name else key


def attribution_figures(pairs: list[tuple[LabelledAttribution, dict]]) -> dict:
    """Per split: accuracy of each field, sentences, the share given a wrong name (not null, not the gold's),
    and speaker accuracy per hard form (the notes' tags)."""
    report = {}
    for split in SPLITS:
        members = [(item, attribution) for item, attribution in pairs if item.split == split]
        if not members:
            continue
        verdicts = [judged(item, attribution) for item, attribution in members]
        wrong_name = sum(1 for (item, attribution), v in zip(members, verdicts)
                         if not v["speaker"] and attribution.get("speaker") is not None)
        tagged, right = Counter(), Counter()
        for (item, _), verdict in zip(members, verdicts):
            for tag in item.tags:
                tagged[tag] += 1
                right[tag] += verdict["speaker"]
        labelled = {field: [(item, attribution) for item, attribution in members if getattr(item, field)]
                    for field in LABELLED_FIELDS}
        report[split] = {"sentences": len(members),
                         **{field: round(sum(v[field] for v in verdicts) / len(members), 4) for field in FIELDS},
                         "wrong_name": round(wrong_name / len(members), 4),
                         "labelled": {field: {"sentences": len(rows), "found": round(sum(
                             canonical_speaker(attribution.get(field)) == canonical_speaker(getattr(item, field))
                             for item, attribution in rows) / len(rows), 4) if rows else None}
                             for field, rows in labelled.items()},
                         "speaker_by_form": {tag: {"sentences": n, "speaker": round(right[tag] / n, 4)}
                                             for tag, n in sorted(tagged.items())}}
    return report


def errors(pairs: list[tuple[LabelledAttribution, dict]], split: str = "dev") -> dict[str, list]:
    """The dev sentences each field gets wrong, with what the service said: what to look at when fixing."""
    wrong = defaultdict(list)
    for item, attribution in pairs:
        if item.split != split:
            continue
        for field, right in judged(item, attribution).items():
            if not right:
                wrong[field].append((item, attribution))
    return dict(wrong)


def render_attribution(report: dict) -> str:
    """The attribution figures as a plain-text table, per split."""
    header = f"{'attribution':<22}{'sentences':>10}" + "".join(f"{f:>12}" for f in FIELDS) + f"{'wrong name':>12}"
    lines = [header, "-" * len(header)]
    for split, row in report.items():
        lines.append(f"{split:<22}{row['sentences']:>10}" + "".join(f"{row[f]:>12.3f}" for f in FIELDS)
                     + f"{row['wrong_name']:>12.3f}")
    for split, row in report.items():
        found = ", ".join(f"{field} {figures['found']:.3f} of {figures['sentences']}"
                          for field, figures in row.get("labelled", {}).items() if figures["sentences"])
        if found:
            lines.append(f"{split} where the gold names one: {found}")
    return "\n".join(lines)
