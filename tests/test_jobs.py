"""Large comparisons and corpus event groupings as RQ jobs: submitted through the API (202 + Location), run by a
real RQ worker (in-process, burst mode), read back at /v1/jobs/{id} with progress, and their results served
where the synchronous ones are. Contract-checked like every other API test."""
from __future__ import annotations

import signal

import pytest
from rq.exceptions import StopRequested
from rq.job import Job
from rq.serializers import JSONSerializer

from service import create_app
from service.comparison import compare
from service.ingest import parse_document
from service.tasks import JobProgress
from service.worker import InlineWorker, build_worker

from .conftest import ContractClient, seed_bytes


def make_app(url, **settings):
    app = create_app({"redis_url": url, "rate_limit": "", "comparison_rate_limit": "", **settings})
    app.test_client_class = ContractClient
    return app


@pytest.fixture
def job_app(redis_server):
    """An app whose every comparison of more than two articles is a job."""
    app = make_app(redis_server.url, job_min_articles=2)
    app.extensions["redis"].flushdb()
    return app


def run_jobs(app) -> None:
    """A real RQ worker with the service's settings, until the queue is empty."""
    build_worker(app.extensions["redis"], app.config["SETTINGS"], worker_class=InlineWorker).work(burst=True)


def store(client, *prefixes):
    return [client.post("/v1/articles", data=seed_bytes(p), content_type="text/plain").get_json()["id"]
            for p in prefixes]


def test_large_comparison_runs_as_a_job_and_is_served_from_the_cache(job_app):
    client = job_app.test_client()
    ids = store(client, "000", "001", "004")
    submitted = client.post("/v1/comparisons", json={"articles": ids})
    assert submitted.status_code == 202
    job = submitted.get_json()
    assert submitted.headers["Location"] == f"/v1/jobs/{job['id']}"
    assert job["status"] == "queued" and job["result"] is None and job["attempts"] == 0
    again = client.post("/v1/comparisons", json={"articles": ids[::-1]})  # same comparison while queued
    assert again.status_code == 202 and again.get_json()["id"] == job["id"]
    assert client.get("/v1/comparisons/" + job["id"].split("-", 1)[1]).status_code == 404

    run_jobs(job_app)
    done = client.get(submitted.headers["Location"]).get_json()
    assert done["status"] == "finished" and done["attempts"] == 1 and done["error"] is None
    assert done["progress"]["done"] == done["progress"]["total"] > 2 and done["progress"]["stage"] == "framing"
    assert done["started_at"] <= done["ended_at"]
    result = client.get(done["result"])
    assert result.status_code == 200 and result.get_json()["cached"] is True
    expected = compare([parse_document(seed_bytes(p)) for p in ("000", "001", "004")])
    assert result.get_json()["id"] == expected["id"] and result.get_json()["facts"] == expected["facts"]
    repeated = client.post("/v1/comparisons", json={"articles": ids})
    assert repeated.status_code == 200 and repeated.get_json()["cached"] is True


def test_small_requests_stay_synchronous_and_the_sentence_threshold_also_counts(redis_server, job_app):
    client = job_app.test_client()
    ids = store(client, "000", "001", "004")
    assert client.post("/v1/comparisons", json={"articles": ids[:2]}).status_code == 200
    by_sentences = make_app(redis_server.url, job_min_sentences=100).test_client()
    assert by_sentences.post("/v1/comparisons", json={"articles": ids[1:], "options": {"min_outlets": 2}}
                             ).status_code == 202


def test_inline_documents_go_to_the_worker_with_the_job(job_app):
    client = job_app.test_client()
    documents = [{"content": seed_bytes(p).decode()} for p in ("000", "001", "002")]
    submitted = client.post("/v1/comparisons", json={"documents": documents, "options": {"min_outlets": 2}})
    assert submitted.status_code == 202
    job_app.extensions["redis"].delete(*job_app.extensions["redis"].keys("article:*"))  # the job carries them
    run_jobs(job_app)
    done = client.get(submitted.headers["Location"]).get_json()
    facts = client.get(done["result"]).get_json()["facts"]
    assert done["status"] == "finished" and facts and all(len(f["outlets"]) >= 2 for f in facts)


def test_a_failing_job_is_retried_then_reports_a_clear_error(job_app):
    client = job_app.test_client()
    ids = store(client, "000", "001", "004")
    submitted = client.post("/v1/comparisons", json={"articles": ids})
    client.delete(f"/v1/articles/{ids[2]}")
    run_jobs(job_app)
    failed = client.get(submitted.headers["Location"]).get_json()
    assert failed["status"] == "failed" and failed["result"] is None
    assert failed["attempts"] == 2  # JOB_RETRIES=1: run again once
    assert failed["error"] == f"LookupError: articles deleted since the comparison was submitted: {ids[2]}"


def test_corpus_events_run_as_a_job(job_app):
    client = job_app.test_client()
    ids = dict(zip(("000", "001", "002", "003", "004"), store(client, "000", "001", "002", "003", "004")))
    everything = client.post("/v1/events", json={"outlets": ["nyt", "dw", "voa", "bbc", "qukanredian.com"]})
    april = client.post("/v1/events", json={"since": "2024-04-20", "until": "2024-04-26"})
    assert everything.status_code == april.status_code == 202
    run_jobs(job_app)
    done = client.get(everything.headers["Location"]).get_json()
    assert done["status"] == "finished" and done["result"] == f"/v1/events/{done['id']}"
    grouping = client.get(done["result"]).get_json()
    groups = sorted(sorted(a["id"] for a in e["articles"]) for e in grouping["events"])
    assert sorted([ids["000"], ids["001"]]) in groups and [ids["003"]] in groups  # 2022 G20 alone
    assert grouping["stats"]["articles"] == 5
    in_range = client.get(client.get(april.headers["Location"]).get_json()["result"]).get_json()
    assert sorted(a["id"] for e in in_range["events"] for a in e["articles"]) == sorted([ids["001"], ids["002"]])


def test_bad_corpus_queries_and_unknown_jobs(redis_server, job_app):
    client = job_app.test_client()
    store(client, "000", "001")
    for body in ({"since": "yesterday"}, {"since": "2024-05-01", "until": "2024-04-01"}, {"outlets": []},
                 {"articles": ["x"], "since": "2024-01-01"}, {"until": "2024-02-30"}):
        response = client.post("/v1/events", json=body)
        assert response.status_code == 422, body
    small = make_app(redis_server.url, max_corpus_articles=1).test_client()
    too_many = small.post("/v1/events", json={"since": "2020-01-01"})
    assert too_many.status_code == 422 and "limit per grouping is 1" in too_many.get_json()["detail"]
    assert client.get("/v1/jobs/nope").status_code == 404
    assert client.get("/v1/events/nope").status_code == 404


def test_job_submission_answers_503_when_redis_is_down(tmp_path):
    client = make_app(f"unix://{tmp_path}/absent.sock", redis_timeout=0.2, job_min_articles=1).test_client()
    documents = [{"content": seed_bytes(p).decode()} for p in ("000", "001")]
    for response in (client.post("/v1/comparisons", json={"documents": documents}),
                     client.post("/v1/events", json={"since": "2024-01-01"}), client.get("/v1/jobs/x")):
        assert response.status_code == 503 and response.headers["Retry-After"]
        assert "job queue (Redis) is unavailable" in response.get_json()["detail"]


def test_progress_is_written_at_most_a_few_times_a_second(job_app):
    queue = job_app.extensions["jobs"].queue
    job = queue.enqueue("service.tasks.run_events", kwargs={"query": {}, "cache_ttl": 60}, meta={})
    progress = JobProgress(job, interval=60)
    stored = lambda: Job.fetch(job.id, connection=queue.connection, serializer=JSONSerializer).meta  # noqa: E731
    progress.start()
    assert stored()["attempts"] == 1 and stored()["progress"]["stage"] == "started"
    for done in range(1, 9):
        progress(done, 10, "scores")
    assert stored()["progress"]["done"] == 0  # within the interval after the start: nothing written
    progress(10, 10, "framing")  # the last step is always written
    assert stored()["progress"] == {"done": 10, "total": 10, "stage": "framing"}


def test_stored_articles_beyond_the_inline_limit_are_compared_as_a_job(redis_server):
    app = make_app(redis_server.url, max_documents=2, max_job_documents=3, job_min_articles=2)
    app.extensions["redis"].flushdb()
    client = app.test_client()
    ids = store(client, "000", "001", "004", "002")
    submitted = client.post("/v1/comparisons", json={"articles": ids[:3]})  # over max_documents, by id: a job
    assert submitted.status_code == 202
    too_many = client.post("/v1/comparisons", json={"articles": ids})
    assert too_many.status_code == 422 and "up to 3" in too_many.get_json()["detail"]
    inline = client.post("/v1/comparisons", json={"documents": [{"content": seed_bytes(p).decode()}
                                                                for p in ("000", "001", "004")]})
    assert inline.status_code == 422 and "from 2 to 2" in inline.get_json()["detail"]


def test_a_worker_started_while_redis_is_away_waits_for_it(app, monkeypatch):
    """The job worker of `serve` may start while the embedded Redis restarts: it waits, it does not die."""
    import redis as redis_module

    from service import worker as worker_module

    attempts = []
    real_build = worker_module.build_worker

    def build_while_away(client, settings, **kwargs):
        attempts.append(1)
        if len(attempts) < 3:
            raise redis_module.ConnectionError("Error 111 connecting to redis.sock. Connection refused.")
        return real_build(client, settings, **kwargs)

    monkeypatch.setattr(worker_module, "build_worker", build_while_away)
    monkeypatch.setattr(worker_module.time, "sleep", lambda seconds: None)
    worker = worker_module.connected_worker(app.extensions["redis"], app.config["SETTINGS"], worker_class=InlineWorker)
    assert len(attempts) == 3 and worker.max_connection_wait_time == 5.0


def test_a_worker_that_quits_without_being_asked_to_is_replaced_under_a_new_name(app, monkeypatch):
    """RQ quits when Redis goes away outside its wait for a job (its suspension check): `serve`'s job worker must
    start another once Redis is back, or the service's jobs stop for good; one asked to stop is not replaced."""
    from service import worker as worker_module

    real_build, built = worker_module.build_worker, []

    def build(client, settings, **kwargs):
        worker = real_build(client, settings, worker_class=InlineWorker, generation=kwargs.get("generation", 0))
        built.append(worker)
        if len(built) == 1:
            worker.work = lambda **_: False  # quits on its own, as after "found an unhandled exception"
        else:
            def stopped(**_):
                try:
                    worker.request_stop(signal.SIGTERM, None)  # SIGTERM while idle, as RQ's handler gets it
                except StopRequested:
                    pass  # what RQ's work loop catches to stop
                return False
            worker.work = stopped
        return worker

    monkeypatch.setattr(worker_module, "build_worker", build)
    monkeypatch.setattr(worker_module.time, "sleep", lambda seconds: None)
    assert worker_module.keep_working(app.extensions["redis"], app.config["SETTINGS"]) == 0
    assert len(built) == 2 and built[1].name == built[0].name + ".1"


def test_a_burst_worker_is_not_replaced(app, monkeypatch):
    from service import worker as worker_module

    built = []
    real_build = worker_module.build_worker
    monkeypatch.setattr(worker_module, "build_worker", lambda client, settings, **kwargs: built.append(1) or real_build(
        client, settings, worker_class=InlineWorker, generation=kwargs.get("generation", 0)))
    assert worker_module.keep_working(app.extensions["redis"], app.config["SETTINGS"], burst=True) == 0
    assert len(built) == 1
