"""The application factory: settings, logging, Redis and the blueprints, each wired by its own init_app."""
from __future__ import annotations

from flask import Flask

from . import logs, metrics, redis_client, security
from .api.body import ApiRequest
from .config import Settings


def create_app(config: Settings | dict | None = None) -> Flask:
    """Build the Flask app. `config` is a Settings, or a dict of Settings fields overriding the environment."""
    settings = config if isinstance(config, Settings) else Settings.from_env().replace(**(config or {}))
    app = Flask(__name__)
    app.request_class = ApiRequest  # the body limit holds for chunked bodies too; form limits say their name
    app.config["SETTINGS"] = settings
    app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.json.ensure_ascii = False
    app.json.sort_keys = False

    logs.init_app(app)
    redis_client.init_app(app)

    from .warmup import warm_up
    from . import web
    from .api import articles, comparisons, corrections, errors, events, health, jobs

    warm_up()  # jieba's dictionary and the data files load once per process, not in a request
    app.register_blueprint(errors.bp)
    app.register_blueprint(health.bp)
    app.register_blueprint(articles.bp)
    app.register_blueprint(comparisons.bp)
    app.register_blueprint(corrections.bp)
    app.register_blueprint(events.bp)
    app.register_blueprint(jobs.bp)
    app.register_blueprint(web.bp)  # the comparison page (/), its assets and the API docs (/docs)
    metrics.init_app(app)
    security.init_app(app)
    return app
