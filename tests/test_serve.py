"""The HTTP service (``extractor serve``) against real servers on ephemeral loopback ports,
driven by a real HTTP client (httpx); the model endpoint, where one is needed, is the
fake OpenAI-compatible server of tests/fake_openai.py."""

from __future__ import annotations

import asyncio
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

pytest.importorskip("fastapi", reason='needs the [serve] extra: pip install ".[serve]"')
pytest.importorskip("uvicorn", reason='needs the [serve] extra: pip install ".[serve]"')

from fake_openai import FakeOpenAI, GoldResponder  # noqa: E402

from extractor.batch import read_results  # noqa: E402
from extractor.errors import ConfigError  # noqa: E402
from extractor.extract import extract_report  # noqa: E402
from extractor.serve import create_app, is_loopback  # noqa: E402
from extractor.settings import ServeSettings, Settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "evals" / "seeds").glob("*.txt"))
CHROMIUM = Path("/usr/bin/chromium")
TOKEN = "serve-test-" + secrets.token_hex(8)
ARTICLE_LIMIT = 20_000  # bytes; the seeds are 4.5-7.9 KB
#: After SIGTERM uvicorn shuts down, then re-raises the signal (exit by signal, as is usual).
GRACEFUL = (0, -signal.SIGTERM)


# --------------------------------------------------------------------------- a real server


class Server:
    """``python -m extractor.cli serve --port 0`` in a subprocess, its log in a file."""

    def __init__(self, tmp: Path, env: dict[str, str], name: str = "server") -> None:
        self.log_path = tmp / f"{name}.log"
        self.log_file = self.log_path.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "extractor.cli", "serve", "--host", "127.0.0.1", "--port", "0"],
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=ROOT,
        )
        deadline = time.monotonic() + 60
        while True:
            found = re.search(r"listening on http://127\.0\.0\.1:(\d+)", self.log())
            if found:
                self.url = f"http://127.0.0.1:{found.group(1)}"
                return
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.proc.kill()
                raise RuntimeError(f"server did not start:\n{self.log()}")
            time.sleep(0.05)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def rss_mb(self, field: str = "VmRSS") -> float:
        """Resident memory (``VmHWM``: its peak) from /proc, in MB."""
        status = Path(f"/proc/{self.pid}/status").read_text()
        kb = int(re.search(rf"{field}:\s+(\d+) kB", status).group(1))  # type: ignore[union-attr]
        return kb / 1024

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout=timeout)
        finally:
            self.log_file.close()


def server_env(tmp: Path, **extra: str) -> dict[str, str]:
    """This process's environment without endpoint/extractor variables, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "EXTRACTOR_"))}
    env["EXTRACTOR_CACHE_DIR"] = str(tmp / "cache")
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """Offline (rules), token set, a 20 KB article limit."""
    tmp = tmp_path_factory.mktemp("serve")
    srv = Server(
        tmp,
        server_env(tmp, EXTRACTOR_API_TOKEN=TOKEN, EXTRACTOR_MAX_ARTICLE_BYTES=str(ARTICLE_LIMIT)),
    )
    yield srv
    assert srv.stop() in GRACEFUL, srv.log()[-3000:]
    assert "Application shutdown complete" in srv.log()


@pytest.fixture(scope="module")
def client(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=60) as c:
        yield c


def wait_job(client: httpx.Client, job_id: str, *, until: Any, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        status = client.get(f"/v1/batches/{job_id}", headers=auth()).json()
        if until(status):
            return status
        assert time.monotonic() < deadline, status
        time.sleep(0.05)


# --------------------------------------------------------------------------- extract


def test_extract_a_seed_offline_with_all_its_figures(client: httpx.Client) -> None:
    seed = SEEDS[0]
    text = seed.read_text(encoding="utf-8")
    gold = json.loads(seed.with_suffix("").with_suffix(".gold.json").read_text(encoding="utf-8"))
    r = client.post("/v1/extract", json={"text": text, "id": "seed-0"}, headers=auth())
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["backend"] == "rules" and body["strategy"] == "rules"
    report = body["report"]
    for field in ("achievements", "targets"):
        want = sorted((m["value"], m["value_max"]) for m in gold[field])
        got = sorted((m["value"], m["value_max"]) for m in report[field])
        assert got == want, field
    assert sorted(o["name"] for o in report["officials"]) == sorted(
        o["name"] for o in gold["officials"]
    )
    assert len(report["awards"]) == len(gold["awards"])
    # the very result the library gives, every item grounded in the text
    assert report == extract_report(text).report.model_dump(mode="json")
    for g in body["grounding"]:
        assert 0 <= g["start"] < g["end"] <= len(text)
    assert r.headers["x-request-id"]

    # the article itself as text/plain
    other = SEEDS[1].read_text(encoding="utf-8")
    r = client.post(
        "/v1/extract",
        content=other.encode("utf-8"),
        headers={**auth(), "Content-Type": "text/plain; charset=utf-8"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["report"] == extract_report(other).report.model_dump(mode="json")


def test_extract_a_saved_news_page(client: httpx.Client) -> None:
    pytest.importorskip("trafilatura", reason="needs the [html] extra")
    page = (ROOT / "tests" / "data" / "article_page.html").read_bytes()
    r = client.post("/v1/extract", content=page, headers={**auth(), "Content-Type": "text/html"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert "15.325 người" in body["text"] and "<p>" not in body["text"]
    assert body == extract_report(page.decode("utf-8")).model_dump(mode="json") | {
        "usage": body["usage"]
    }


@pytest.mark.parametrize(
    ("kwargs", "says"),
    [
        ({"json": {"text": ""}}, "empty"),
        ({"json": {"text": "  \n\t "}}, "empty"),
        ({"json": {"text": "PK\x03\x04\x00\x00\x01\x02" * 40}}, "binary"),
        ({"json": {"txt": "Sở Lao động"}}, "text"),
        ({"json": {"text": "Sở", "strategy": "magic"}}, "strategy"),
        ({"json": ["not", "an", "object"]}, "invalid request"),
        ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, "JSON"),
        ({"content": b"", "headers": {"Content-Type": "application/json"}}, "empty body"),
        ({"content": b"\xff\xfe\x00binary", "headers": {"Content-Type": "text/plain"}}, "UTF-8"),
    ],
)
def test_bad_input_is_a_4xx_json_error_that_says_why(
    client: httpx.Client, kwargs: dict[str, Any], says: str
) -> None:
    headers = {**auth(), **kwargs.pop("headers", {})}
    r = client.post("/v1/extract", headers=headers, **kwargs)
    assert r.status_code == 422, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert says in r.json()["detail"]


def test_bad_batches_are_refused_before_a_job_exists(client: httpx.Client) -> None:
    cases = [
        ({"json": []}, 422, "no articles"),
        ({"json": [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]}, 422, "duplicate id 'a'"),
        ({"json": [{"text": "x"}]}, 422, "id"),
        ({"json": {"articles": "nope"}}, 422, "articles"),
        (
            {"content": b'{"id": "a", "text": "x"}\n{broken\n'},
            422,
            "line 2: invalid JSON",
        ),
    ]
    for kwargs, status, says in cases:
        headers = auth()
        if "content" in kwargs:
            headers["Content-Type"] = "application/x-ndjson"
        r = client.post("/v1/batches", headers=headers, **kwargs)
        assert r.status_code == status, (kwargs, r.text)
        assert says in r.json()["detail"], r.text
    r = client.get("/v1/batches/" + "0" * 32, headers=auth())
    assert r.status_code == 404 and "no batch job" in r.json()["detail"]
    r = client.get("/v1/batches/..%2F..%2Fetc", headers=auth())
    assert r.status_code == 404


# --------------------------------------------------------------------------- auth


def test_token_missing_wrong_or_right(client: httpx.Client) -> None:
    body = {"text": SEEDS[0].read_text(encoding="utf-8")}
    r = client.post("/v1/extract", json=body)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert r.json()["detail"] == "missing bearer token"
    for bad in (TOKEN[:-1], TOKEN + "x", "-", TOKEN.upper()):
        r = client.post("/v1/extract", json=body, headers=auth(bad))
        assert r.status_code == 401, bad
    for header in (f"Basic {TOKEN}", "Bearer", TOKEN):
        r = client.post("/v1/extract", json=body, headers={"Authorization": header})
        assert r.status_code == 401, header
    for path in ("/v1/batches/" + "0" * 32, "/v1/batches/" + "0" * 32 + "/results"):
        assert client.get(path).status_code == 401
    assert client.post("/v1/batches", json=[{"id": 1, "text": "x"}]).status_code == 401
    assert client.post("/v1/extract", json=body, headers=auth()).status_code == 200
    # the description and health of the service are public
    assert client.get("/healthz").json()["status"] == "ok"
    assert client.get("/openapi.json").status_code == 200
    assert client.get("/docs").status_code == 200


def test_refuses_a_public_address_without_a_token(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "extractor.cli", "serve", "--host", "0.0.0.0", "--port", "0"],
        env=server_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2, run.stderr
    assert "EXTRACTOR_API_TOKEN" in run.stderr and "Traceback" not in run.stderr
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2")
    assert not is_loopback("example.org")


def test_without_the_extra_the_cli_names_it(tmp_path: Path) -> None:
    code = (
        "import sys; sys.modules['fastapi'] = None\n"  # as if [serve] were not installed
        "from extractor.cli import main; sys.exit(main(['serve', '--port', '0']))"
    )
    run = subprocess.run(
        [sys.executable, "-c", code],
        env=server_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2, run.stderr
    assert "the [serve] extra" in run.stderr and "pip install" in run.stderr
    assert "Traceback" not in run.stderr


# --------------------------------------------------------------------------- limits


def test_article_and_body_size_limits(client: httpx.Client) -> None:
    unit = "Tỷ lệ lao động qua đào tạo đạt 67,7%. "  # multi-byte UTF-8
    over = unit * (ARTICLE_LIMIT // len(unit.encode()) + 1)
    assert len(over.encode("utf-8")) > ARTICLE_LIMIT
    r = client.post("/v1/extract", json={"text": over}, headers=auth())
    assert r.status_code == 413, r.text
    assert f"the limit is {ARTICLE_LIMIT} bytes" in r.json()["detail"]
    at_limit = "a" * (ARTICLE_LIMIT - 2) + ". "
    r = client.post("/v1/extract", json={"text": at_limit}, headers=auth())
    assert r.status_code == 200, r.text

    huge = b"x" * (ARTICLE_LIMIT + 70_000)  # past the article plus its JSON envelope
    r = client.post("/v1/extract", content=huge, headers={**auth(), "Content-Type": "text/plain"})
    assert r.status_code == 413 and "the limit is" in r.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it streams
        for _ in range(100):
            yield b"y" * 1000

    r = client.post(
        "/v1/extract", content=chunks(), headers={**auth(), "Content-Type": "text/plain"}
    )
    assert r.status_code == 413, r.text

    r = client.post(
        "/v1/batches", json=[{"id": "ok", "text": "a"}, {"id": "big", "text": over}], headers=auth()
    )
    assert r.status_code == 413 and "article 'big'" in r.json()["detail"]


def test_service_settings_from_env(tmp_path: Path) -> None:
    s = ServeSettings.from_env({"EXTRACTOR_CACHE_DIR": str(tmp_path)})
    assert s.api_token is None and s.max_article_bytes == 2_000_000 and s.cors_origins == ()
    assert s.jobs_dir == tmp_path / "jobs"
    s = ServeSettings.from_env(
        {
            "EXTRACTOR_API_TOKEN": "t0ken-value",
            "EXTRACTOR_MAX_ARTICLE_BYTES": "1000",
            "EXTRACTOR_QUEUE_SIZE": "3",
            "EXTRACTOR_CORS_ORIGINS": "https://a.example, https://b.example",
            "EXTRACTOR_JOBS_DIR": str(tmp_path / "j"),
        }
    )
    assert (s.api_token, s.max_article_bytes, s.queue_size) == ("t0ken-value", 1000, 3)
    assert s.cors_origins == ("https://a.example", "https://b.example")
    assert s.jobs_dir == tmp_path / "j" and "t0ken-value" not in repr(s)
    for env in (
        {"EXTRACTOR_QUEUE_SIZE": "0"},
        {"EXTRACTOR_MAX_ARTICLE_BYTES": "lots"},
        {"EXTRACTOR_MAX_ARTICLE_BYTES": "100", "EXTRACTOR_MAX_BATCH_BYTES": "10"},
    ):
        with pytest.raises(ConfigError):
            ServeSettings.from_env(env)


def test_cors_is_off_unless_configured(client: httpx.Client, tmp_path: Path) -> None:
    preflight = {
        "Origin": "https://dash.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
    }
    r = client.options("/v1/extract", headers=preflight)
    assert "access-control-allow-origin" not in r.headers
    r = client.get("/healthz", headers={"Origin": "https://dash.example"})
    assert "access-control-allow-origin" not in r.headers

    conf = ServeSettings(cors_origins=("https://dash.example",), jobs_dir=tmp_path / "jobs")
    app = create_app(Settings(cache_dir=tmp_path), conf)

    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            return await c.options("/v1/extract", headers=preflight)

    r = asyncio.run(call())
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] == "https://dash.example"


def test_unexpected_errors_are_a_bare_500_logged_on_one_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(Settings(cache_dir=tmp_path), ServeSettings(jobs_dir=tmp_path / "jobs"))

    @app.get("/boom/{name}")
    async def boom(name: str) -> None:
        raise RuntimeError(f"secret detail {name}")

    async def call() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            return [
                await c.get("/boom/x", headers={"X-Request-ID": "req-42"}),
                await c.get("/nope%0Arequest id=forged", headers={"X-Request-ID": "bad id\n"}),
            ]

    with caplog.at_level("INFO", logger="extractor.serve"):
        r, missing = asyncio.run(call())
    assert r.status_code == 500
    assert r.json() == {"detail": "internal error (request id req-42)", "type": "InternalError"}
    assert r.headers["x-request-id"] == "req-42"
    lines = [rec.getMessage() for rec in caplog.records]
    assert any("failed: RuntimeError: secret detail x" in ln for ln in lines)
    (access,) = [ln for ln in lines if ln.startswith("request id=req-42 GET")]
    assert re.fullmatch(
        r"request id=req-42 GET /boom/\{name\} status=500 ms=[\d.]+ article=-", access
    )
    # a path or id cannot forge a log line
    assert missing.status_code == 404 and missing.headers["x-request-id"] != "bad id\n"
    (access,) = [ln for ln in lines if "/nope" in ln]
    assert "\n" not in access and "/nope?request?id=forged" in access


# --------------------------------------------------------------------------- openapi, docs


def test_openapi_describes_extract(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    op = spec["paths"]["/v1/extract"]["post"]
    content = op["requestBody"]["content"]
    assert "text" in content["application/json"]["schema"]["properties"]
    assert "text/plain" in content
    ok = op["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok["$ref"].endswith("/ExtractionResult")
    assert {"401", "413", "422", "429"} <= set(op["responses"])
    assert op["security"] == [{"HTTPBearer": []}]
    for path in ("/v1/batches", "/v1/batches/{job_id}", "/healthz"):
        assert path in spec["paths"]


def test_docs_page_is_self_hosted(client: httpx.Client) -> None:
    page = client.get("/docs").text
    assert "/openapi.json" in page
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert assets and all(a.startswith("/docs-assets/") for a in assets), assets
    for asset in assets:
        r = client.get(asset)
        assert r.status_code == 200 and len(r.content) > 1000, asset


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium absent (apt-get install chromium)"
)
def test_docs_render_in_headless_chromium(server: Server, tmp_path: Path) -> None:
    run = subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=15000",
            "--dump-dom",
            f"{server.url}/docs",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    rendered = set(re.findall(r'data-path="([^"]+)"', run.stdout))
    assert {"/v1/extract", "/v1/batches", "/v1/batches/{job_id}", "/healthz"} <= rendered
    assert "extractor" in run.stdout


# --------------------------------------------------------------------------- batches


def _articles(n: int) -> list[dict[str, str]]:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    return [{"id": f"art-{i:03d}", "text": texts[i % len(texts)]} for i in range(n)]


def test_batch_job_json_and_jsonl_report_and_results(client: httpx.Client) -> None:
    articles = _articles(5) + [{"id": "empty", "text": "   "}]
    r = client.post("/v1/batches", json=articles, headers=auth())
    assert r.status_code == 202, r.text
    job = r.json()
    assert job["total"] == 6 and job["status"] in ("queued", "running")
    done = wait_job(client, job["id"], until=lambda s: s["status"] in ("done", "failed"))
    assert done["status"] == "done", done
    assert (done["processed"], done["succeeded"], done["failed"], done["pending"]) == (6, 5, 1, 0)
    assert done["usage"]["requests"] == 0  # the rules call no model
    lines = [
        json.loads(x)
        for x in client.get(f"/v1/batches/{job['id']}/results", headers=auth()).text.splitlines()
    ]
    assert [ln["id"] for ln in lines] == [a["id"] for a in articles]
    assert lines[-1]["error"]["type"] == "InputError"
    assert lines[0]["report"] == extract_report(articles[0]["text"]).report.model_dump(mode="json")
    assert all(ln["source"].startswith(job["id"] + "/input.jsonl#") for ln in lines)
    page = client.get(f"/v1/batches/{job['id']}/report", headers=auth())
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for a in articles:
        assert a["id"] in page.text
    assert "Content-Security-Policy" in page.text

    jsonl = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in _articles(2))
    r = client.post(
        "/v1/batches?strategy=rules",
        content=jsonl.encode("utf-8"),
        headers={**auth(), "Content-Type": "application/x-ndjson"},
    )
    assert r.status_code == 202, r.text
    assert r.json()["strategy"] == "rules"
    done = wait_job(client, r.json()["id"], until=lambda s: s["status"] == "done")
    assert done["succeeded"] == 2


def test_batch_export_tables(client: httpx.Client) -> None:
    import csv
    import io

    from extractor.export import rows

    articles = _articles(3)
    job = client.post("/v1/batches", json=articles, headers=auth()).json()
    wait_job(client, job["id"], until=lambda s: s["status"] == "done")
    base = f"/v1/batches/{job['id']}/export"
    r = client.get(base, params={"format": "csv"}, headers=auth())
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    got = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    lines = [
        json.loads(x)
        for x in client.get(f"/v1/batches/{job['id']}/results", headers=auth()).text.splitlines()
    ]
    want = rows(lines, "figures")
    assert len(got) == len(want) > 0
    assert [row["article_id"] for row in got] == [str(w["article_id"]) for w in want]
    r = client.get(base, params={"format": "csv", "table": "officials"}, headers=auth())
    assert r.status_code == 200 and len(r.content.decode("utf-8-sig").splitlines()) == 1 + len(
        rows(lines, "officials")
    )
    for fmt in ("xlsx", "parquet"):  # 200 with the [export] extra, else 501 naming it
        r = client.get(base, params={"format": fmt}, headers=auth())
        assert r.status_code in (200, 501), r.text
        if r.status_code == 501:
            assert "export" in r.json()["detail"]
        else:
            assert len(r.content) > 100
    r = client.get(base, params={"format": "pdf"}, headers=auth())
    assert r.status_code == 422
    assert client.get(base, params={"format": "csv"}).status_code == 401


def test_batch_killed_midway_resumes_after_restart_with_each_article_once(
    tmp_path: Path,
) -> None:
    env = server_env(tmp_path, EXTRACTOR_API_TOKEN=TOKEN)
    jobs = tmp_path / "cache" / "jobs"
    articles = _articles(100)
    first = Server(tmp_path, env, "first")
    with httpx.Client(base_url=first.url, timeout=60) as c:
        job = c.post("/v1/batches", json=articles, headers=auth()).json()
        wait_job(c, job["id"], until=lambda s: s["processed"] >= 5, timeout=120)
    first.proc.kill()  # SIGKILL: no shutdown code runs
    assert first.stop() == -signal.SIGKILL
    results = jobs / job["id"] / "results.jsonl"
    before = read_results(results)
    assert 5 <= len(before) < len(articles), "the job was not interrupted mid-way"
    state = json.loads((jobs / job["id"] / "job.json").read_text())
    assert state["status"] == "running"

    # restarted, then stopped gracefully (SIGTERM) mid-way: finished articles are kept
    second = Server(tmp_path, env, "second")
    with httpx.Client(base_url=second.url, timeout=60) as c:
        n = len(before) + 5
        wait_job(c, job["id"], until=lambda s: s["processed"] >= n, timeout=120)
    assert second.stop() in GRACEFUL
    assert "resuming 1 unfinished batch job" in second.log()
    assert "interrupted; it resumes at the next start" in second.log()
    middle = read_results(results)
    assert len(before) + 5 <= len(middle) < len(articles), "not stopped mid-way"

    third = Server(tmp_path, env, "third")
    try:
        with httpx.Client(base_url=third.url, timeout=60) as c:
            done = wait_job(c, job["id"], until=lambda s: s["status"] == "done", timeout=300)
            served = c.get(f"/v1/batches/{job['id']}/results", headers=auth()).text
    finally:
        assert third.stop() in GRACEFUL
    assert (done["processed"], done["succeeded"], done["failed"]) == (100, 100, 0)
    ids = [json.loads(x)["id"] for x in served.splitlines()]
    assert ids == [a["id"] for a in articles]  # every article exactly once, in input order
    on_disk = [json.loads(x)["id"] for x in results.read_text(encoding="utf-8").splitlines()]
    assert on_disk == ids  # compacted: one line per article
    after = read_results(results)
    for ident, line in middle.items():  # finished work was kept, not redone
        assert after[ident]["usage"] == line["usage"], ident


# --------------------------------------------------------------------------- endpoint, queue


def test_queue_bound_key_never_leaks_and_graceful_shutdown(tmp_path: Path) -> None:
    key = "sk-serve-test-" + secrets.token_hex(12)
    fake = FakeOpenAI(GoldResponder.from_dirs(), latency=0.6, api_key=key).start()
    try:
        env = server_env(
            tmp_path,
            OPENAI_API_KEY=key,
            OPENAI_BASE_URL=fake.base_url,
            EXTRACTOR_QUEUE_SIZE="2",
            EXTRACTOR_CONCURRENCY="1",
            EXTRACTOR_NO_CACHE="1",
            EXTRACTOR_MAX_RETRIES="0",
            EXTRACTOR_MAX_JOBS="1",
        )
        srv = Server(tmp_path, env)
        texts = [p.read_text(encoding="utf-8") for p in SEEDS]
        seen: list[str] = []

        async def burst() -> list[httpx.Response]:
            async with httpx.AsyncClient(base_url=srv.url, timeout=60) as c:
                return await asyncio.gather(
                    *(c.post("/v1/extract", json={"text": texts[i % 5]}) for i in range(6))
                )

        responses = asyncio.run(burst())
        codes = sorted(r.status_code for r in responses)
        assert codes.count(200) >= 2 and 429 in codes, codes
        for r in responses:
            seen.append(r.text + json.dumps(dict(r.headers)))
            if r.status_code == 429:
                assert int(r.headers["retry-after"]) >= 1
                assert "queue is full" in r.json()["detail"]
            else:
                assert r.json()["backend"].startswith("openai:")
                assert r.json()["usage"]["prompt_tokens"] > 0
        assert all(rec.authorized for rec in fake.requests)  # the key was really used

        with httpx.Client(base_url=srv.url, timeout=60) as c:
            job = c.post("/v1/batches", json=[{"id": "s0", "text": texts[0]}]).json()
            r = c.post("/v1/batches", json=[{"id": "s1", "text": texts[1]}])  # one job at most
            assert r.status_code == 503 and int(r.headers["retry-after"]) >= 1, r.text
            seen.append(r.text)
            done = wait_job(c, job["id"], until=lambda s: s["status"] == "done")
            assert done["usage"]["requests"] >= 1 and done["usage"]["prompt_tokens"] > 0
            seen.append(json.dumps(done))
            seen.append(c.get(f"/v1/batches/{job['id']}/results").text)
            seen.append(c.get(f"/v1/batches/{job['id']}/report").text)
            # the endpoint now rejects the key and echoes it back, as some servers do
            fake.api_key, fake.echo_key = "sk-other", True
            r = c.post("/v1/extract", json={"text": texts[1]})
            assert r.status_code == 502 and r.json()["type"] == "ExtractionError", r.text
            seen.append(r.text + json.dumps(dict(r.headers)))
            fake.api_key = key

        # graceful shutdown: a request in flight when SIGTERM arrives still gets its answer
        async def in_flight() -> tuple[httpx.Response, int]:
            async with httpx.AsyncClient(base_url=srv.url, timeout=60) as c:
                task = asyncio.create_task(c.post("/v1/extract", json={"text": texts[2]}))
                await asyncio.sleep(0.3)
                srv.proc.send_signal(signal.SIGTERM)
                response = await task
            return response, await asyncio.to_thread(srv.stop)

        response, rc = asyncio.run(in_flight())
        assert response.status_code == 200 and rc in GRACEFUL, srv.log()[-2000:]
        assert "Application shutdown complete" in srv.log()
        seen.append(response.text)
    finally:
        fake.stop()
    log = srv.log()
    assert "request id=" in log and "status=429" in log and "status=502" in log
    assert "status=503" in log
    job_files = [p.read_bytes() for p in (tmp_path / "cache" / "jobs").rglob("*") if p.is_file()]
    assert job_files
    for blob in [*seen, log, *(b.decode("utf-8", "replace") for b in job_files)]:
        assert key not in blob


# --------------------------------------------------------------------------- load


def test_200_concurrent_requests_no_error_bounded_memory(server: Server) -> None:
    text = SEEDS[0].read_text(encoding="utf-8")[:1500]
    expected = extract_report(text).report.model_dump(mode="json")

    async def round_of(n: int) -> tuple[list[float], float]:
        limits = httpx.Limits(max_connections=n, max_keepalive_connections=n)
        async with httpx.AsyncClient(base_url=server.url, timeout=120, limits=limits) as c:

            async def one(i: int) -> float:
                t0 = time.perf_counter()
                r = await c.post(
                    "/v1/extract", json={"text": text, "id": f"load-{i}"}, headers=auth()
                )
                assert r.status_code == 200, r.text
                assert r.json()["report"] == expected
                return time.perf_counter() - t0

            t0 = time.perf_counter()
            latencies = await asyncio.gather(*(one(i) for i in range(n)))
            return sorted(latencies), time.perf_counter() - t0

    rss0 = server.rss_mb()
    peaks = []
    for _ in range(2):  # a bounded loop: two rounds of 200 at once
        lat, wall = asyncio.run(round_of(200))
        peaks.append(server.rss_mb("VmHWM"))
        p50, p95 = lat[len(lat) // 2], lat[int(len(lat) * 0.95)]
        print(
            f"200 concurrent requests: {wall:.2f} s, {200 / wall:.0f} req/s, "
            f"p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {lat[-1] * 1000:.0f} ms"
        )
    print(f"server RSS {rss0:.0f} MB before; peak {peaks[0]:.0f} MB, {peaks[1]:.0f} MB after 400")
    assert peaks[0] - rss0 < 150  # 200 requests in flight at once: bounded memory
    assert peaks[1] - peaks[0] < 25  # a second round does not raise the peak further
    assert server.log().count("article=load-") == 400
