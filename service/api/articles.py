"""/v1/articles: ingest documents (JSON, a raw body, or multipart files), read, list and delete them."""
from __future__ import annotations

from functools import lru_cache

from flask import Blueprint, current_app, request, url_for
from marshmallow import Schema

from .. import comparing, redis_client
from ..ingest import parse_document
from ..models import Article
from .body import json_body, load_query
from .errors import ApiProblem
from .schemas import (ArticleSchema, ArticleSummarySchema, document_input, document_overrides, ingest_query,
                      list_query)

bp = Blueprint("articles", __name__, url_prefix="/v1/articles")
RAW_TYPES = ("text/html", "text/markdown", "text/plain", "application/xhtml+xml", "text/x-markdown")
article_schema, summary_schema = ArticleSchema(), ArticleSummarySchema()


@bp.post("")
def create_articles():
    """Ingest documents (JSON, a raw body or multipart files): 201 when any is new, else 200."""
    schema, applied = answer_schema()
    documents = documents_from_request()
    results = [redis_client.articles().save(parse_document(**doc)) for doc in documents]
    status = 201 if any(created for _, created in results) else 200
    headers = {"Preference-Applied": applied} if applied else {}
    if len(results) == 1:
        article, created = results[0]
        headers["Location"] = url_for("articles.get_article", article_id=article.id)
        return schema.dump(article), 201 if created else 200, headers
    return [schema.dump(article) for article, _ in results], status, headers


def answer_schema() -> tuple[Schema, str | None]:
    """How much of each stored article the answer holds: the fields `?fields=` names, the summary for
    `Prefer: return=minimal` (RFC 7240; no paragraphs or sentences), else all of it. Also the preference
    applied, for the Preference-Applied header."""
    names = [name.strip() for name in (load_query(ingest_query)["fields"] or "").split(",") if name.strip()]
    if names:
        return _only(tuple(dict.fromkeys(names))), None
    prefer = request.headers.get("Prefer", "")
    if "return=minimal" in {p.split(";")[0].strip().lower().replace(" ", "") for p in prefer.split(",")}:
        return summary_schema, "return=minimal"
    return article_schema, None


@lru_cache(maxsize=64)
def _only(names: tuple[str, ...]) -> Schema:
    return ArticleSchema(only=names)


def documents_from_request() -> list[dict]:
    """The documents a POST carries, as keyword arguments for parse_document."""
    mimetype = request.mimetype
    settings = current_app.config["SETTINGS"]
    if mimetype == "application/json":
        payload = document_input.load(json_body())
        return [dict(payload, content_type=None)]
    if mimetype in RAW_TYPES:
        return [{"content": request.get_data(cache=False), "content_type": request.content_type}]
    if mimetype == "multipart/form-data":
        files = request.files.getlist("file")
        if not files:
            raise ApiProblem(422, "multipart upload without a `file` part: send files as -F file=@PATH",
                             slug="validation", errors={"file": ["at least one file is required"]})
        if len(files) > settings.max_documents:
            raise ApiProblem(422, f"{len(files)} files exceed the limit of {settings.max_documents} per request",
                             slug="too-many-documents")
        overrides = document_overrides.load(
            {k: v for k, v in request.form.items() if k in ("url", "outlet", "published_at", "title")})
        overrides = overrides if len(files) == 1 else {}
        return [dict(overrides, content=f.read(), content_type=f.mimetype) for f in files]
    raise ApiProblem(415, f"unsupported Content-Type {mimetype or '(none)'}: send application/json, "
                          "text/html, text/markdown, text/plain or multipart/form-data", slug="unsupported-media-type")


@bp.get("/<article_id>")
def get_article(article_id: str):
    """One stored article, in full."""
    return article_schema.dump(_existing(article_id))


@bp.delete("/<article_id>")
def delete_article(article_id: str):
    """Delete a stored article (204); comparisons that included it then answer 410."""
    if not redis_client.articles().delete(article_id):
        raise _not_found(article_id)
    return "", 204


@bp.get("")
def list_articles():
    """Stored articles' summaries, a page at a time, optionally of one outlet, linking the next page."""
    settings = current_app.config["SETTINGS"]
    query = load_query(list_query)
    per_page = min(query["per_page"] or settings.page_size, settings.max_page_size)
    page = redis_client.articles().list(offset=(query["page"] - 1) * per_page, limit=per_page,
                                        outlet=query["outlet"])
    body = {"items": summary_schema.dump(page.items, many=True), "page": query["page"], "per_page": per_page,
            "total": page.total}
    if query["page"] * per_page < page.total:
        body["next"] = url_for("articles.list_articles", page=query["page"] + 1, per_page=per_page,
                               **({"outlet": query["outlet"]} if query["outlet"] else {}))
    return body


def _existing(article_id: str) -> Article:
    article = redis_client.articles().get(article_id)
    if article is None:
        raise _not_found(article_id)
    return article


def _not_found(article_id: str) -> ApiProblem:
    return ApiProblem(404, f"no article with id {article_id!r}", slug="article-not-found")


def stored_articles(ids: list[str]) -> list[Article]:
    """The stored articles of these ids, in order; 422 naming the ids that are not stored."""
    return comparing.stored_articles(redis_client.articles(), ids)
