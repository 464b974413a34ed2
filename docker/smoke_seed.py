"""Store two seeds and a comparison in the Redis at REDIS_URL; print the paths the container must serve.

Used by .ci/container-smoke: the image is then run against this Redis and must answer these GETs with 200,
so the smoke covers real stored data and a cached comparison, not only health checks."""
import os
from pathlib import Path

from service import create_app

seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))[:2]
client = create_app({"redis_url": os.environ["REDIS_URL"], "rate_limit": ""}).test_client()
ids = [client.post("/v1/articles", data=p.read_bytes(), content_type="text/plain").get_json()["id"] for p in seeds]
comparison = client.post("/v1/comparisons", json={"articles": ids}).get_json()["id"]
print(f"/v1/articles/{ids[0]} /v1/comparisons/{comparison} /v1/comparisons/{comparison}?format=md /v1/articles")
