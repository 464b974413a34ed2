"""The shapes of what the service answers with, written once as marshmallow schemas: the API's views and the
command line dump articles through them (openapi.yaml describes the same shapes; tests check both agree)."""
from __future__ import annotations

from marshmallow import Schema, fields


class OutletSchema(Schema):
    id = fields.String()
    name = fields.String()
    kind = fields.String()


class ParagraphSchema(Schema):
    index = fields.Integer()
    text = fields.String()
    heading = fields.Boolean()


class SentenceSchema(Schema):
    index = fields.Integer()
    paragraph = fields.Integer()
    text = fields.String()


class StorySchema(Schema):
    index = fields.Integer()
    title = fields.String(allow_none=True)
    first_paragraph = fields.Integer()
    last_paragraph = fields.Integer()


class ArticleSummarySchema(Schema):
    id = fields.String()
    outlet = fields.Nested(OutletSchema, allow_none=True)
    via = fields.Nested(OutletSchema, allow_none=True)
    url = fields.String(allow_none=True)
    title = fields.String(allow_none=True)
    published_at = fields.String(allow_none=True)
    language = fields.String()
    script = fields.String(allow_none=True)
    sentence_count = fields.Function(lambda a: len(a.sentences))
    ingested_at = fields.String(allow_none=True)


class ArticleSchema(ArticleSummarySchema):
    retrieved_at = fields.String(allow_none=True)
    byline = fields.String(allow_none=True)
    format = fields.String()
    paragraphs = fields.List(fields.Nested(ParagraphSchema))
    captions = fields.List(fields.String())
    sentences = fields.List(fields.Nested(SentenceSchema))
    stories = fields.List(fields.Nested(StorySchema))


ARTICLE_FIELDS = tuple(ArticleSchema().fields)
