"""gunicorn settings for the container: bind to PORT, workers from WEB_CONCURRENCY, logs to stderr."""
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 20
accesslog = None  # the app logs each request as JSON
errorlog = "-"
preload_app = True  # load jieba, OpenCC and the data files once, before forking
