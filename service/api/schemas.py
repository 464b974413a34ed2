"""marshmallow schemas: what the API accepts and what it returns."""
from __future__ import annotations

import re

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate, validates, validates_schema

from ..shapes import ARTICLE_FIELDS, ArticleSchema, ArticleSummarySchema  # noqa: F401 (the views' output shapes)
from ..ingest.dates import parse_date, published_epoch, query_bound
from ..ingest.decode import BIDI_CONTROLS, LONE_SURROGATE

NOT_IN_LABELS = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}\ud800-\udfff]")


class Label(fields.String):
    """An id, outlet, title, URL or date: no control, bidi-override or lone surrogate characters, which would
    hide or reorder what a reader of the name sees (refused, not cleaned: the client chose the name)."""

    default_error_messages = {"hidden": "contains {name} (U+{code:04X}) at character {position}; remove it"}

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        found = NOT_IN_LABELS.search(text)
        if found:
            raise self.make_error("hidden", name=_kind_of(found.group()), code=ord(found.group()),
                                  position=found.start())
        return text


class Text(fields.String):
    """Document text: any Unicode text (ingest removes hidden controls as it does from raw bodies), but not a lone
    surrogate, which cannot be stored as UTF-8."""

    default_error_messages = {"surrogate": "contains a lone surrogate (U+{code:04X}) at character {position}, "
                                           "which no Unicode text may hold; send UTF-8 text"}

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        found = LONE_SURROGATE.search(text)
        if found:
            raise self.make_error("surrogate", code=ord(found.group()), position=found.start())
        return text


class LabelUrl(Label, fields.Url):
    """A URL that is also a clean label."""


def _kind_of(character: str) -> str:
    code = ord(character)
    if 0xD800 <= code <= 0xDFFF:
        return "a lone surrogate"
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return "a control character"
    return "a bidi control character"


class DocumentInput(Schema):
    """One document to ingest; only `content` is required, the rest override what is detected."""

    class Meta:
        unknown = EXCLUDE

    content = Text(required=True, validate=validate.Length(min=1))
    url = LabelUrl(load_default=None, schemes={"http", "https"})
    outlet = Label(load_default=None, validate=validate.Length(min=1, max=100))
    published_at = Label(load_default=None)
    title = Label(load_default=None, validate=validate.Length(min=1, max=500))

    @validates("published_at")
    def _date(self, value, **_):
        if value is not None and parse_date(value) is None:
            raise ValidationError("not a date: use ISO 8601, e.g. 2024-04-26T08:25:56+00:00")


class ListQuery(Schema):
    page = fields.Integer(load_default=1, validate=validate.Range(min=1, max=1_000_000))
    per_page = fields.Integer(load_default=None, validate=validate.Range(min=1))
    outlet = Label(load_default=None)


class IngestQuery(Schema):
    """What the answer to an ingest holds: `fields=id,title,sentence_count` keeps only those."""

    fields = Label(load_default=None)

    @validates("fields")
    def _known(self, value, **_):
        names = [name.strip() for name in (value or "").split(",") if name.strip()]
        unknown = [name for name in names if name not in ARTICLE_FIELDS]
        if unknown:
            raise ValidationError(f"unknown field {unknown[0]!r}; choose from {', '.join(ARTICLE_FIELDS)} "
                                  "(comma-separated)")


class ComparisonOptions(Schema):
    min_confidence = fields.Float(load_default=None, allow_none=True, validate=validate.Range(min=0, max=1))
    threshold = fields.Float(load_default=None, allow_none=True, validate=validate.Range(min=0, max=100))  # deprecated
    min_outlets = fields.Integer(load_default=1, validate=validate.Range(min=1))


class ComparisonRequest(Schema):
    """Either stored article ids or inline documents, plus options."""

    articles = fields.List(Label(validate=validate.Length(min=1, max=64)))
    documents = fields.List(fields.Nested(DocumentInput))
    options = fields.Nested(ComparisonOptions, load_default=lambda: comparison_options.load({}))

    @validates_schema
    def _one_source(self, data, **_):
        if bool(data.get("articles")) == bool(data.get("documents")):
            raise ValidationError("give either `articles` (stored ids) or `documents` (inline), not both or neither")


class EventsRequest(Schema):
    """Either stored article ids (grouped at once) or a corpus query (grouped by a worker)."""

    articles = fields.List(Label(validate=validate.Length(min=1, max=64)), validate=validate.Length(min=1))
    since = Label(validate=validate.Length(min=1, max=64))
    until = Label(validate=validate.Length(min=1, max=64))
    outlets = fields.List(Label(validate=validate.Length(min=1, max=100)),
                          validate=validate.Length(min=1, max=100))

    @validates("since")
    def _since(self, value, **_):
        _check_date(value)

    @validates("until")
    def _until(self, value, **_):
        _check_date(value)

    @validates_schema
    def _one_form(self, data, **_):
        query = any(k in data for k in ("since", "until", "outlets"))
        if bool(data.get("articles")) == query:
            raise ValidationError("give either `articles` (stored ids) or a corpus query (`since`, `until`, "
                                  "`outlets`), not both or neither")
        since, until = parse_date(data.get("since")), parse_date(data.get("until"))
        if since and until and query_bound(since) > query_bound(until, end_of_day=True):
            raise ValidationError("`since` is after `until`", field_name="until")


class Mention(Schema):
    article_id = Label(required=True, validate=validate.Length(min=1, max=64))
    sentence_index = fields.Integer(required=True, validate=validate.Range(min=0))


class CorrectionOperation(Schema):
    op = fields.String(required=True, validate=validate.OneOf(("unlink", "link", "split", "merge")))
    mentions = fields.List(fields.Nested(Mention), validate=validate.Length(max=200))
    groups = fields.List(fields.List(fields.Nested(Mention), validate=validate.Length(max=200)),
                         validate=validate.Length(max=20))
    facts = fields.List(Label(validate=validate.Length(min=1, max=64)), validate=validate.Length(max=50))


class CorrectionRequest(Schema):
    operations = fields.List(fields.Nested(CorrectionOperation), required=True, validate=validate.Length(min=1, max=50))
    note = Text(load_default="", validate=validate.Length(max=2000))


class CorrectionQuery(ListQuery):
    outlet = None
    article = Label(load_default=None)
    who = Label(load_default=None)


def _check_date(value: str) -> None:
    if not value.strip()[:1].isdigit() or published_epoch(parse_date(value)) is None:
        raise ValidationError("not a date: use ISO 8601, e.g. 2024-04-20 or 2024-04-20T00:00:00+00:00")


# Schemas are stateless once built and building one is costly (marshmallow copies its fields): one each.
comparison_request, comparison_options, events_request = ComparisonRequest(), ComparisonOptions(), EventsRequest()
list_query, document_input, ingest_query = ListQuery(), DocumentInput(), IngestQuery()
document_overrides = DocumentInput(partial=("content",))
correction_request, correction_query = CorrectionRequest(), CorrectionQuery()  # the form fields beside uploaded files
