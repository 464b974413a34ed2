"""The web pages (service/web): the comparison page, its assets and the interactive API docs, at Flask level.

The page must work offline (every asset shipped in the package, nothing from another host), must reach the
service only through the public API, and must put article text in the page as text, never as HTML."""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from swagger_ui_bundle import swagger_ui_path

from service import create_app, web

from .conftest import ROOT, SEEDS, check_contract

STATIC = Path(web.__file__).resolve().parent / "static"
OWN_TEXT_FILES = ["index.html", "docs.html", "app.js", "docs.js", "style.css", "docs.css", "seeds/index.json"]
URL = re.compile(r"\b(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}", re.I)
# Ways a string becomes markup in a browser; app.js and docs.js use none of them.
HTML_SINKS = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment"
                        r"|\beval\s*\(|new\s+Function\b|srcdoc", re.I)


def build_app(redis_url: str):
    app = create_app({"redis_url": redis_url})
    if "web" not in app.blueprints:  # until service/app.py registers it
        app.register_blueprint(web.bp)
    return app


@pytest.fixture
def web_client(redis_server):
    return build_app(redis_server.url).test_client()


def test_page_is_html_with_its_assets(web_client):
    response = web_client.get("/")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert response.mimetype_params.get("charset") == "utf-8"
    html = response.get_data(as_text=True)
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert 'name="viewport"' in html
    assert 'src="static/web/app.js"' in html and 'href="static/web/style.css"' in html
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_docs_page_uses_the_packaged_swagger_ui(web_client):
    response = web_client.get("/docs")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    for asset in ("static/swagger-ui/swagger-ui-bundle.js", "static/swagger-ui/swagger-ui.css", "static/web/docs.js"):
        assert f'"{asset}"' in html, asset
    bundle = web_client.get("/static/swagger-ui/swagger-ui-bundle.js")
    assert bundle.status_code == 200
    assert bundle.mimetype == "text/javascript"
    assert bundle.get_data() == (Path(str(swagger_ui_path)) / "swagger-ui-bundle.js").read_bytes()
    assert "openapi.yaml" in web_client.get("/static/web/docs.js").get_data(as_text=True)
    spec = web_client.get("/openapi.yaml")
    assert spec.status_code == 200 and spec.get_data(as_text=True).startswith("openapi:")


@pytest.mark.parametrize(("path", "mimetype"), [
    ("/static/web/app.js", "text/javascript"),
    ("/static/web/docs.js", "text/javascript"),
    ("/static/web/style.css", "text/css"),
    ("/static/web/docs.css", "text/css"),
    ("/static/web/favicon.png", "image/png"),
    ("/static/web/seeds/index.json", "application/json"),
    ("/static/web/seeds/000_d612996feb769b4d.txt", "text/plain"),
    ("/static/swagger-ui/swagger-ui.css", "text/css"),
    ("/static/swagger-ui/favicon-32x32.png", "image/png"),
])
def test_assets_are_served_with_their_content_types(web_client, path, mimetype):
    response = web_client.get(path)
    assert response.status_code == 200, path
    assert response.mimetype == mimetype
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    if mimetype.startswith("text/"):
        assert response.mimetype_params.get("charset") == "utf-8"
    assert response.get_data()


@pytest.mark.parametrize("path", [
    "/static/web/nothing.js",
    "/static/web/__init__.py",
    "/static/web/..%2f__init__.py",
    "/static/web/seeds/..%2f..%2f__init__.py",
    "/static/swagger-ui/index.html",  # the bundle's own page loads a demo spec from the internet: not served
    "/static/swagger-ui/swagger-initializer.js",
])
def test_nothing_else_is_served(web_client, path):
    assert web_client.get(path).status_code == 404


def test_pages_name_no_other_host(web_client):
    for path in ("/", "/docs"):
        html = web_client.get(path).get_data(as_text=True)
        assert not URL.findall(html), (path, URL.findall(html))
        for link in re.findall(r'(?:src|href)="([^"]+)"', html):
            # relative links only, so that the pages also work behind a path prefix
            assert not link.startswith(("/", "http:", "https:")), (path, link)
            target = urlsplit(urljoin("http://testhost" + path, link))
            assert target.netloc == "testhost", (path, link)
            assert web_client.get(target.path).status_code == 200, (path, link)
    for name in OWN_TEXT_FILES:
        text = (STATIC / name).read_text(encoding="utf-8")
        assert not URL.findall(text), (name, URL.findall(text))
        assert "http://" not in text and "https://" not in text, name


def test_article_text_never_goes_through_html_parsing():
    for name in ("app.js", "docs.js"):
        source = (STATIC / name).read_text(encoding="utf-8")
        assert not HTML_SINKS.findall(source), (name, HTML_SINKS.findall(source))
    app_js = (STATIC / "app.js").read_text(encoding="utf-8")
    assert "textContent" in app_js and "createTextNode" in app_js
    # attributes are set one by one, never as a style or event-handler string
    assert not re.search(r"setAttribute\(\s*[\"'](?:on\w+|style)[\"']", app_js)


def test_page_calls_only_documented_api_operations():
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    documented = {re.sub(r"\{\w+\}", "{}", path) for path in spec["paths"]}
    app_js = (STATIC / "app.js").read_text(encoding="utf-8")
    called = set(re.findall(r"[\"'](v1/[a-z/]+)[\"']", app_js))
    assert called >= {"v1/comparisons", "v1/articles", "v1/comparisons/"}
    for path in called:
        assert ("/" + path if not path.endswith("/") else "/" + path + "{}") in documented, path
    assert "/v1/seeds" not in documented and "v1/seeds" not in app_js


def test_every_element_the_script_looks_up_is_on_the_page():
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    app_js = (STATIC / "app.js").read_text(encoding="utf-8")
    ids = set(re.findall(r'\$\("([\w-]+)"\)', app_js))
    assert {"compare-form", "matrix", "wording", "framing", "error", "shared-only"} <= ids
    for element_id in ids:
        assert f'id="{element_id}"' in html, element_id


def test_bundled_seeds_are_the_repository_seeds():
    shipped = sorted(p.name for p in (STATIC / "seeds").glob("*.txt"))
    assert shipped == sorted(p.name for p in SEEDS.glob("*.txt"))
    for name in shipped:
        assert (STATIC / "seeds" / name).read_bytes() == (SEEDS / name).read_bytes(), name
    listed = json.loads((STATIC / "seeds" / "index.json").read_text(encoding="utf-8"))
    assert [entry["file"] for entry in listed] == shipped
    assert all(entry["outlet"] and entry["title"] for entry in listed)


def test_bundled_seeds_compare_through_the_public_api(web_client):
    """What the page does when 000 and 001 are picked: fetch them from the page's assets, post them as files."""
    from io import BytesIO

    files = []
    for name in ("000_d612996feb769b4d.txt", "001_bef200b8a0c60b0a.txt"):
        asset = web_client.get(f"/static/web/seeds/{name}")
        files.append((BytesIO(asset.get_data()), name, asset.mimetype))
    response = web_client.post("/v1/comparisons", data={"file": files}, content_type="multipart/form-data",
                               headers={"Accept": "application/json"})
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    result = response.get_json()
    assert set(result["outlets"]) == {"dw", "nyt"}
    spans = [span for fact in result["facts"] for d in fact["differences"] if d["kind"] == "wording"
             for span in d["spans"] if span["where"] == "core"]
    assert {"a": "攻击", "b": "侵犯"} in [{"a": s["a"], "b": s["b"]} for s in spans]


def test_web_routes_are_in_the_contract(web_client):
    """Every route of the blueprint is documented in openapi.yaml and answers as documented there."""
    for path in ("/", "/docs", "/static/web/app.js", "/static/web/style.css", "/static/web/favicon.png",
                 "/static/web/docs.css", "/static/web/seeds/index.json",
                 "/static/web/seeds/001_bef200b8a0c60b0a.txt", "/static/swagger-ui/swagger-ui-bundle.js",
                 "/static/swagger-ui/favicon-16x16.png", "/static/web/missing.js"):
        check_contract(web_client.get(path))
