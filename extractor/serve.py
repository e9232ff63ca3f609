"""``extractor serve``: the extraction service over HTTP (FastAPI + uvicorn, ``[serve]`` extra).

A thin layer over the public API: ``POST /v1/extract`` calls :func:`aextract_report`;
``POST /v1/batches`` stores the articles as a JSONL job on disk and runs it in the
background through :func:`extractor.batch.arun_batch` (resumable: a job the server did not
finish is resumed when it starts again, every article ending in the results exactly once);
``/report`` is :mod:`extractor.html_report`'s page.

Security: a bearer token (``EXTRACTOR_API_TOKEN``, compared in constant time) guards every
``/v1`` route when set, and :func:`serve` refuses a non-loopback address without one; request
bodies are capped (413); the extract queue and the job queue are bounded (429 / 503 with
``Retry-After``); CORS is off unless origins are configured. The endpoint's API key is never
put in a response, a log line or a job file: responses carry results and our own messages,
library messages pass through :func:`extractor.client.redact`, and job files hold only
articles, results and option names. One log line per request: id, method, route, status,
milliseconds, article or job id.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import ipaddress
import json
import logging
import math
import os
import re
import socket
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from extractor.errors import ConfigError, ExtractionError, ExtractorError, InputError
from extractor.settings import ServeSettings, Settings

try:
    from fastapi import Depends, FastAPI, HTTPException, Query, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.middleware.cors import CORSMiddleware
    from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
    from fastapi.responses import HTMLResponse, JSONResponse, Response
    from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
    from fastapi.staticfiles import StaticFiles
    from pydantic import BaseModel, Field, ValidationError
except ImportError as exc:  # pragma: no cover - exercised without the extra
    from extractor.errors import missing_extra

    raise missing_extra("serve", "fastapi and uvicorn", "the HTTP service") from exc

from extractor.models import ExtractionResult

log = logging.getLogger("extractor.serve")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: What a JSON envelope around one article may add to its size.
ENVELOPE_BYTES = 64 * 1024
#: Body limit of routes that take no article.
SMALL_BODY_BYTES = 64 * 1024
JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines")
_JOB_ID = re.compile(r"^[0-9a-f]{32}$")
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


# --------------------------------------------------------------------------- models


class ExtractRequest(BaseModel):
    """One article to extract."""

    text: str = Field(description="The article, UTF-8 text.")
    strategy: Literal["rules", "guided", "direct"] | None = Field(
        default=None, description="Default: the server's (rules offline, direct with an endpoint)."
    )
    model: str | None = Field(default=None, description="Model name on the server's endpoint.")
    id: str | None = Field(default=None, max_length=200, description="Your id, for the logs.")


class Article(BaseModel):
    id: str | int
    text: str


class BatchRequest(BaseModel):
    """Many articles: ``{"articles": [...]}`` (or the bare list)."""

    articles: list[Article | str]
    strategy: Literal["rules", "guided", "direct"] | None = None
    model: str | None = None


class BatchUsage(BaseModel):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    requests: int = Field(default=0, description="Model calls, validation re-asks included.")
    retries: int = Field(default=0, description="Transport retries (429, 5xx, timeouts).")
    cache_hits: int = 0


class BatchStatus(BaseModel):
    id: str
    status: Literal["queued", "running", "done", "failed"]
    created: str
    started: str | None = None
    finished: str | None = None
    strategy: str | None = None
    model: str | None = None
    total: int
    processed: int = Field(description="Articles with a result line (succeeded + failed).")
    succeeded: int
    failed: int
    pending: int
    usage: BatchUsage
    error: str | None = Field(default=None, description="Why the whole job failed, if it did.")


class ErrorBody(BaseModel):
    detail: str
    type: str | None = None


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in {
        401: "missing or wrong bearer token",
        413: "body or article over the limit",
        422: "unusable input (empty, binary, invalid JSON, ...)",
        429: "extract queue full; retry after Retry-After seconds",
    }.items()
}


# --------------------------------------------------------------------------- helpers


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _error(status: int, detail: str, *, kind: str | None = None, **headers: str) -> JSONResponse:
    body: dict[str, Any] = {"detail": detail}
    if kind:
        body["type"] = kind
    return JSONResponse(body, status_code=status, headers=headers or None)


def _safe(text: str) -> str:
    from extractor.client import redact

    return redact(text)[:2000]


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _atomic_write(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# --------------------------------------------------------------------------- middleware


def _printable(value: str, limit: int = 200) -> str:
    """``value`` safe for one log line: no control characters or spaces, capped."""
    cleaned = "".join(c if c.isprintable() and not c.isspace() else "?" for c in value)
    return cleaned[:limit]


class ServiceMiddleware:
    """Request id, the per-route body limit and the one log line per request (pure ASGI)."""

    def __init__(self, app: ASGIApp, limit_for: Callable[[str, str], tuple[int, str]]) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        given = headers.get("x-request-id", "")
        request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex[:16]
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        status = {"code": 500, "started": False}
        limit, what = self.limit_for(scope["method"], scope["path"])

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                status["started"] = True
                message.setdefault("headers", [])
                message["headers"] = [
                    *message["headers"],
                    (b"x-request-id", request_id.encode()),
                ]
            await send(message)

        received = 0

        async def receive_limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise HTTPException(
                        413, f"request body over the limit of {limit} bytes ({what})"
                    )
            return message

        try:
            length = headers.get("content-length")
            if length is not None and length.isdigit() and int(length) > limit:
                response = _error(
                    413, f"request body is {int(length)} bytes; the limit is {limit} bytes ({what})"
                )
                await response(scope, receive, send_wrapper)
                return
            await self.app(scope, receive_limited, send_wrapper)
        except Exception as exc:  # unexpected: a 500 that says only the request id
            # logged without the traceback (whose chained messages nobody has redacted)
            log.error(
                "request id=%s failed: %s: %s", request_id, type(exc).__name__, _safe(str(exc))
            )
            if status["started"]:
                raise
            response = _error(
                500, f"internal error (request id {request_id})", kind="InternalError"
            )
            await response(scope, receive, send_wrapper)
        finally:
            route = scope.get("route")
            path = _printable(getattr(route, "path", None) or scope["path"])
            ident = _printable(str(state.get("article_id") or "-"))
            log.info(
                "request id=%s %s %s status=%d ms=%.1f article=%s",
                request_id,
                scope["method"],
                path,
                status["code"],
                (time.perf_counter() - started) * 1000,
                ident,
            )


async def read_body(request: Request) -> bytes:
    """The body (the middleware has capped its size)."""
    return await request.body()


# --------------------------------------------------------------------------- extract queue


class WorkQueue:
    """At most ``size`` extract requests running or waiting, ``workers`` of them running."""

    def __init__(self, size: int, workers: int) -> None:
        self.size = size
        self.workers = workers
        self.pending = 0
        self.sem = asyncio.Semaphore(workers)
        self.mean_seconds = 0.1

    def retry_after(self) -> int:
        return max(1, math.ceil(self.mean_seconds * (self.pending + 1) / self.workers))

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[None]:
        if self.pending >= self.size:
            raise HTTPException(
                429,
                f"the extract queue is full ({self.size} requests); retry later",
                headers={"Retry-After": str(self.retry_after())},
            )
        self.pending += 1
        try:
            async with self.sem:
                started = time.perf_counter()
                yield
                self.mean_seconds = 0.8 * self.mean_seconds + 0.2 * (time.perf_counter() - started)
        finally:
            self.pending -= 1


# --------------------------------------------------------------------------- jobs


@dataclass
class _Stats:
    key: tuple[int, int]
    status: dict[str, Any]


class JobStore:
    """Batch jobs on disk: ``<root>/<id>/{job.json, input.jsonl, results.jsonl}``.

    ``job.json`` holds the state (written atomically); ``input.jsonl`` the articles
    (``{"id", "text"}``, written once); ``results.jsonl`` is :func:`arun_batch`'s output.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._stats: dict[str, _Stats] = {}

    def folder(self, job_id: str) -> Path:
        if not _JOB_ID.match(job_id):
            raise HTTPException(404, f"no batch job {job_id!r}")
        folder = self.root / job_id
        if not (folder / "job.json").is_file():
            raise HTTPException(404, f"no batch job {job_id!r}")
        return folder

    def create(
        self, articles: list[dict[str, str]], strategy: str | None, model: str | None
    ) -> str:
        job_id = uuid.uuid4().hex
        folder = self.root / job_id
        folder.mkdir(mode=0o700)
        data = b"".join(
            (json.dumps(a, ensure_ascii=False) + "\n").encode("utf-8") for a in articles
        )
        _atomic_write(folder / "input.jsonl", data)
        self.write(
            job_id,
            {
                "id": job_id,
                "status": "queued",
                "created": _now(),
                "started": None,
                "finished": None,
                "strategy": strategy,
                "model": model,
                "total": len(articles),
                "error": None,
            },
        )
        return job_id

    def read(self, job_id: str) -> dict[str, Any]:
        return json.loads((self.folder(job_id) / "job.json").read_text(encoding="utf-8"))

    def write(self, job_id: str, state: dict[str, Any]) -> None:
        _atomic_write(self.root / job_id / "job.json", json.dumps(state, indent=1).encode())

    def update(self, job_id: str, **changes: Any) -> dict[str, Any]:
        state = self.read(job_id)
        state.update(changes)
        self.write(job_id, state)
        return state

    def unfinished(self) -> list[str]:
        """Queued or running jobs, oldest first."""
        found: list[tuple[str, str]] = []
        for state_file in self.root.glob("*/job.json"):
            try:
                state = json.loads(state_file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if state.get("status") in ("queued", "running") and _JOB_ID.match(str(state.get("id"))):
                found.append((state.get("created") or "", state["id"]))
        return [job_id for _, job_id in sorted(found)]

    def results_path(self, job_id: str) -> Path:
        return self.folder(job_id) / "results.jsonl"

    def lines(self, job_id: str) -> list[dict[str, Any]]:
        """The result lines (last per id), sources shown relative to the job."""
        from extractor.batch import read_results

        out = []
        for line in read_results(self.results_path(job_id)).values():
            source = str(line.get("source") or "")
            _, _, lineno = source.rpartition("#")
            line["source"] = f"{job_id}/input.jsonl#{lineno}"
            out.append(line)
        return out

    def status(self, job_id: str) -> BatchStatus:
        state = self.read(job_id)
        path = self.results_path(job_id)
        try:
            st = path.stat()
            key = (st.st_size, st.st_mtime_ns)
        except FileNotFoundError:
            key = (0, 0)
        cached = self._stats.get(job_id)
        if cached is None or cached.key != key:
            from extractor.batch import read_results

            ok = failed = 0
            usage = BatchUsage()
            for line in read_results(path).values():
                if line.get("error") is None:
                    ok += 1
                else:
                    failed += 1
                u = line.get("usage") or {}
                usage.prompt_tokens += int(u.get("prompt_tokens") or 0)
                usage.completion_tokens += int(u.get("completion_tokens") or 0)
                usage.requests += int(u.get("attempts") or 0)
                usage.retries += int(u.get("retries") or 0)
                usage.cache_hits += 1 if u.get("cache_hit") else 0
            cached = _Stats(key, {"succeeded": ok, "failed": failed, "usage": usage})
            self._stats[job_id] = cached
        counts = cached.status
        total = int(state["total"])
        processed = counts["succeeded"] + counts["failed"]
        return BatchStatus(
            id=job_id,
            status=state["status"],
            created=state["created"],
            started=state.get("started"),
            finished=state.get("finished"),
            strategy=state.get("strategy"),
            model=state.get("model"),
            total=total,
            processed=processed,
            succeeded=counts["succeeded"],
            failed=counts["failed"],
            pending=max(total - processed, 0),
            usage=counts["usage"],
            error=state.get("error"),
        )


class JobRunner:
    """Runs the queued jobs one after the other in the server's event loop."""

    def __init__(self, store: JobStore, settings: Settings, max_jobs: int) -> None:
        self.store = store
        self.settings = settings
        self.max_jobs = max_jobs
        self.queue: asyncio.Queue[str] = asyncio.Queue()
        self.unfinished: set[str] = set()
        self.task: asyncio.Task[None] | None = None

    def start(self) -> None:
        for job_id in self.store.unfinished():
            self.unfinished.add(job_id)
            self.queue.put_nowait(job_id)
        if self.unfinished:
            log.info("resuming %d unfinished batch job(s)", len(self.unfinished))
        self.task = asyncio.create_task(self._loop(), name="extractor-jobs")

    async def stop(self) -> None:
        """Stop after the articles in flight: finished lines are on disk (fsync'd), the job
        stays unfinished and resumes at the next start."""
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task

    def submit(self, job_id: str) -> None:
        self.unfinished.add(job_id)
        self.queue.put_nowait(job_id)

    def full(self) -> bool:
        return len(self.unfinished) >= self.max_jobs

    async def _loop(self) -> None:
        while True:
            job_id = await self.queue.get()
            try:
                await self._run(job_id)
            finally:
                self.unfinished.discard(job_id)

    async def _run(self, job_id: str) -> None:
        from extractor.batch import arun_batch

        folder = self.store.root / job_id
        state = self.store.update(job_id, status="running", started=_now())
        settings = self.settings
        offline = settings.resolved_strategy == "rules" or not settings.endpoint_configured
        log.info("batch job=%s started (%d articles)", job_id, state["total"])
        try:
            summary = await arun_batch(
                [folder / "input.jsonl"],
                folder / "results.jsonl",
                concurrency=settings.concurrency,
                default_concurrency=1 if offline else 8,
                strategy=state.get("strategy"),
                model=state.get("model"),
                progress=False,
                settings=settings,
            )
        except asyncio.CancelledError:
            log.info("batch job=%s interrupted; it resumes at the next start", job_id)
            raise
        except Exception as exc:  # the job's own failure: recorded, the server goes on
            message = _safe(str(exc)) if isinstance(exc, ExtractorError) else type(exc).__name__
            self.store.update(job_id, status="failed", finished=_now(), error=message)
            log.warning("batch job=%s failed: %s", job_id, message)
            return
        self.store.update(job_id, status="done", finished=_now())
        log.info(
            "batch job=%s done: %d ok, %d failed, %d skipped, %.1f s",
            job_id,
            summary.done,
            summary.failed,
            summary.skipped,
            summary.wall_seconds,
        )


# --------------------------------------------------------------------------- input parsing


def _too_large(what: str, size: int, limit: int) -> HTTPException:
    return HTTPException(413, f"{what} is {size} bytes; the limit is {limit} bytes")


def _decode(body: bytes, what: str) -> str:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{what} is not valid UTF-8 text (byte {exc.start})") from None


def _media_type(request: Request) -> str:
    return (request.headers.get("content-type") or "").split(";")[0].strip().lower()


def _validation_detail(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ())) or "body"
        parts.append(f"{where}: {err.get('msg')}")
    return "invalid request: " + "; ".join(parts)


def parse_articles(body: bytes, media_type: str, max_article: int) -> tuple[list[dict], dict]:
    """Articles (``{"id", "text"}``) and options from a batch upload; InputError or 413."""
    text = _decode(body, "the upload")
    options: dict[str, Any] = {}
    raw: list[Any]
    if media_type in JSONL_TYPES:
        raw = []
        for lineno, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                raw.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(f"line {lineno}: invalid JSON ({exc.msg})") from None
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON ({exc.msg} at line {exc.lineno})") from None
        try:
            parsed = BatchRequest.model_validate(
                {"articles": data} if isinstance(data, list) else data
            )
        except ValidationError as exc:
            raise InputError(_validation_detail(exc)) from None
        options = {"strategy": parsed.strategy, "model": parsed.model}
        raw = [a if isinstance(a, str) else a.model_dump() for a in parsed.articles]
    articles: list[dict[str, str]] = []
    seen: set[str] = set()
    for n, entry in enumerate(raw):
        if isinstance(entry, str):
            entry = {"id": str(n), "text": entry}
        if not isinstance(entry, dict):
            raise InputError(f"article {n}: expected an object with 'id' and 'text'")
        ident, body_text = entry.get("id"), entry.get("text")
        if isinstance(ident, bool) or not isinstance(ident, str | int) or str(ident) == "":
            raise InputError(f"article {n}: missing or invalid 'id'")
        if not isinstance(body_text, str):
            raise InputError(f"article {ident!r}: 'text' must be a string")
        ident = str(ident)
        if ident in seen:
            raise InputError(f"duplicate id {ident!r}")
        seen.add(ident)
        size = len(body_text.encode("utf-8"))
        if size > max_article:
            raise _too_large(f"article {ident!r}", size, max_article)
        articles.append({"id": ident, "text": body_text})
    if not articles:
        raise InputError("no articles in the upload")
    return articles, options


# --------------------------------------------------------------------------- app


def _docs_assets() -> Path | None:
    try:
        import fastapi_offline
    except ImportError:
        return None
    path = Path(fastapi_offline.__file__).parent / "static"
    return path if (path / "swagger-ui-bundle.js").is_file() else None


def create_app(
    settings: Settings | None = None,
    serve_settings: ServeSettings | None = None,
) -> FastAPI:
    """The service as an ASGI app (settings read from the environment when not given)."""
    settings = settings or Settings.from_env()
    conf = serve_settings or ServeSettings.from_env()
    offline = settings.resolved_strategy == "rules" or not settings.endpoint_configured
    workers = settings.concurrency or ((os.cpu_count() or 2) if offline else 8)
    token = conf.api_token.encode("utf-8") if conf.api_token else None
    bearer = HTTPBearer(auto_error=False, description="EXTRACTOR_API_TOKEN")

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # the extraction stack (openai, instructor...) is imported now, not by a first
        # request while the event loop waits
        import extractor.extract  # noqa: F401

        store = JobStore(conf.jobs_dir)
        runner = JobRunner(store, settings, conf.max_jobs)
        app.state.store = store
        app.state.runner = runner
        app.state.queue = WorkQueue(conf.queue_size, workers)
        runner.start()
        log.info(
            "strategy %s; jobs in %s; bearer token %s",
            settings.resolved_strategy,
            conf.jobs_dir,
            "required" if token else "not set (loopback only)",
        )
        try:
            yield
        finally:
            await runner.stop()
            log.info("stopped")

    app = FastAPI(
        title="extractor",
        summary="Grounded, checked records from Vietnamese annual-review articles.",
        version=_version(),
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )

    async def auth(
        creds: HTTPAuthorizationCredentials | None = Depends(bearer),  # noqa: B008
    ) -> None:
        if token is None:
            return
        given = creds.credentials.encode("utf-8") if creds is not None else b""
        if not given or not hmac.compare_digest(given, token):
            raise HTTPException(
                401,
                "missing bearer token" if not given else "wrong bearer token",
                headers={"WWW-Authenticate": "Bearer"},
            )

    guarded = [Depends(auth)]

    # ---- errors: always {"detail", "type"?}, never a library message unredacted
    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail), **(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors()[:5]:
            where = ".".join(str(p) for p in err.get("loc", ()))
            parts.append(f"{where}: {err.get('msg')}")
        return _error(422, "invalid request: " + "; ".join(parts), kind="ValidationError")

    @app.exception_handler(InputError)
    async def _input_error(request: Request, exc: InputError) -> JSONResponse:
        return _error(422, _safe(str(exc)), kind="InputError")

    @app.exception_handler(ConfigError)
    async def _config_error(request: Request, exc: ConfigError) -> JSONResponse:
        return _error(400, _safe(str(exc)), kind="ConfigError")

    @app.exception_handler(ExtractionError)
    async def _extraction_error(request: Request, exc: ExtractionError) -> JSONResponse:
        return _error(502, _safe(str(exc)), kind="ExtractionError")

    # ---- routes
    @app.get("/healthz", tags=["service"])
    async def healthz(request: Request) -> dict[str, Any]:
        """Liveness: the server answers; queue and job counts."""
        queue: WorkQueue = request.app.state.queue
        runner: JobRunner = request.app.state.runner
        return {
            "status": "ok",
            "version": _version(),
            "strategy": settings.resolved_strategy,
            "queue": {"pending": queue.pending, "size": queue.size, "workers": queue.workers},
            "jobs": {"unfinished": len(runner.unfinished), "max": runner.max_jobs},
        }

    extract_body = {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": ExtractRequest.model_json_schema()},
                "text/plain": {"schema": {"type": "string", "description": "the article"}},
                "text/html": {"schema": {"type": "string", "description": "a saved news page"}},
            },
        },
    }

    @app.post(
        "/v1/extract",
        tags=["extract"],
        response_model=ExtractionResult,
        dependencies=guarded,
        responses=ERRORS,
        openapi_extra=extract_body,
    )
    async def extract(
        request: Request,
        strategy: Literal["rules", "guided", "direct"] | None = Query(
            None, description="For a text/plain body (in JSON, the body's own field wins)."
        ),
        model: str | None = Query(None, description="For a text/plain body."),
    ) -> Any:
        """Extract one article: JSON ``{"text", "strategy"?, "model"?, "id"?}``, the text
        itself (``Content-Type: text/plain``) or a saved news page (``text/html``: its main
        text is extracted, as by the library; the result's ``text`` is what was read).
        Returns the :class:`ExtractionResult`."""
        body = await read_body(request)
        if _media_type(request) in ("text/plain", "text/html"):
            req = ExtractRequest(text=_decode(body, "the body"), strategy=strategy, model=model)
        else:
            try:
                data = json.loads(body) if body.strip() else None
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise InputError(
                    f"the body is not valid JSON ({getattr(exc, 'msg', exc)}); send "
                    '{"text": "..."} or Content-Type: text/plain'
                ) from None
            if data is None:
                raise InputError('empty body; send {"text": "..."}')
            try:
                req = ExtractRequest.model_validate(data)
            except ValidationError as exc:
                raise InputError(_validation_detail(exc)) from None
        if req.id:
            request.state.article_id = req.id
        size = len(req.text.encode("utf-8"))
        if size > conf.max_article_bytes:
            raise _too_large("the article", size, conf.max_article_bytes)
        from extractor.extract import aextract_report, validate_text

        text = validate_text(req.text)  # InputError -> 422 before taking a queue slot
        queue: WorkQueue = request.app.state.queue
        async with queue.slot():
            return await aextract_report(
                text, strategy=req.strategy, model=req.model, settings=settings
            )

    batch_body = {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": BatchRequest.model_json_schema()},
                "application/x-ndjson": {
                    "schema": {"type": "string", "description": 'JSONL: {"id", "text"} a line'}
                },
            },
        },
    }

    @app.post(
        "/v1/batches",
        tags=["batches"],
        status_code=202,
        response_model=BatchStatus,
        dependencies=guarded,
        responses={**ERRORS, 503: {"model": ErrorBody, "description": "job queue full"}},
        openapi_extra=batch_body,
    )
    async def create_batch(
        request: Request,
        strategy: Literal["rules", "guided", "direct"] | None = Query(
            None, description="For a JSONL upload."
        ),
        model: str | None = Query(None, description="For a JSONL upload."),
    ) -> Any:
        """Start a background job: a JSON list of ``{"id", "text"}`` (or ``{"articles":
        [...], "strategy", "model"}``), or a JSONL upload (``application/x-ndjson``).
        Returns the job's status (its ``id`` for the other routes)."""
        runner: JobRunner = request.app.state.runner
        if runner.full():
            raise HTTPException(
                503,
                f"{runner.max_jobs} batch jobs are unfinished; retry later",
                headers={"Retry-After": "30"},
            )
        body = await read_body(request)
        articles, options = parse_articles(body, _media_type(request), conf.max_article_bytes)
        strategy = options.get("strategy") or strategy
        model = options.get("model") or model
        store: JobStore = request.app.state.store
        job_id = await asyncio.to_thread(store.create, articles, strategy, model)
        request.state.article_id = f"job:{job_id}"
        runner.submit(job_id)
        return store.status(job_id)

    @app.get(
        "/v1/batches/{job_id}",
        tags=["batches"],
        response_model=BatchStatus,
        dependencies=guarded,
        responses=ERRORS,
    )
    async def batch_status(request: Request, job_id: str) -> Any:
        """Progress counts and usage (tokens, model requests) of a job."""
        request.state.article_id = f"job:{job_id}"
        store: JobStore = request.app.state.store
        return await asyncio.to_thread(store.status, job_id)

    @app.get(
        "/v1/batches/{job_id}/results",
        tags=["batches"],
        dependencies=guarded,
        responses={200: {"content": {"application/x-ndjson": {}}}, **ERRORS},
        response_class=Response,
    )
    async def batch_results(request: Request, job_id: str) -> Response:
        """The results so far, JSONL: one line per article (``id, source, report,
        grounding, warnings, usage, error``), in input order once the job is done."""
        request.state.article_id = f"job:{job_id}"
        store: JobStore = request.app.state.store
        lines = await asyncio.to_thread(store.lines, job_id)
        data = "".join(json.dumps(ln, ensure_ascii=False) + "\n" for ln in lines)
        return Response(data, media_type="application/x-ndjson")

    @app.get(
        "/v1/batches/{job_id}/report",
        tags=["batches"],
        dependencies=guarded,
        responses={200: {"content": {"text/html": {}}}, **ERRORS},
        response_class=HTMLResponse,
    )
    async def batch_report(request: Request, job_id: str) -> HTMLResponse:
        """The self-contained HTML review page of the results so far."""
        from extractor.html_report import render_html

        request.state.article_id = f"job:{job_id}"
        store: JobStore = request.app.state.store

        def render() -> str:
            lines = store.lines(job_id)
            texts = _input_texts(store.folder(job_id) / "input.jsonl")
            return render_html(lines, texts, title=f"Extraction report: batch {job_id}")

        return HTMLResponse(await asyncio.to_thread(render))

    export_types = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "parquet": "application/vnd.apache.parquet",
    }

    @app.get(
        "/v1/batches/{job_id}/export",
        tags=["batches"],
        dependencies=guarded,
        responses={
            200: {"content": {t: {} for t in export_types.values()}},
            501: {"model": ErrorBody, "description": "the [export] extra is not installed"},
            **ERRORS,
        },
        response_class=Response,
    )
    async def batch_export(
        request: Request,
        job_id: str,
        format: Literal["csv", "xlsx", "parquet"] = Query(  # noqa: A002, B008
            ..., description="csv (one table), xlsx (every table a sheet) or parquet"
        ),
        table: Literal["figures", "officials", "awards"] | None = Query(  # noqa: B008
            None, description="csv and parquet: the table (default figures)"
        ),
    ) -> Response:
        """The results so far as analyst tables (:mod:`extractor.export`)."""
        from extractor.export import export

        request.state.article_id = f"job:{job_id}"
        store: JobStore = request.app.state.store

        def build() -> bytes:
            lines = store.lines(job_id)
            with tempfile.TemporaryDirectory() as tmp:
                out = Path(tmp) / f"export.{format}"
                export(lines, out, format, table=table)
                return out.read_bytes()

        try:
            data = await asyncio.to_thread(build)
        except ConfigError as exc:  # an extra the server lacks: the operator's to install
            raise HTTPException(501, _safe(str(exc))) from None
        name = f"{job_id}-{table or ('tables' if format == 'xlsx' else 'figures')}.{format}"
        return Response(
            data,
            media_type=export_types[format],
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )

    # ---- docs, self-hosted (no CDN): Swagger UI from the fastapi-offline package
    assets = _docs_assets()
    if assets is not None:
        app.mount("/docs-assets", StaticFiles(directory=assets), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        if assets is None:
            return HTMLResponse(
                "<h1>extractor API</h1><p>Swagger UI assets are not installed "
                '(pip install "extractor[serve]"); the API is described at '
                '<a href="/openapi.json">/openapi.json</a>.</p>'
            )
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title="extractor API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon.png",
            oauth2_redirect_url="/docs/oauth2-redirect",
        )

    @app.get("/docs/oauth2-redirect", include_in_schema=False)
    async def docs_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    if conf.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(conf.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type", "X-Request-ID"],
        )

    batch_limit = conf.max_batch_bytes
    extract_limit = conf.max_article_bytes + ENVELOPE_BYTES

    def limit_for(method: str, path: str) -> tuple[int, str]:
        if method == "POST" and path == "/v1/extract":
            return extract_limit, (
                f"one article of at most {conf.max_article_bytes} bytes "
                f"(EXTRACTOR_MAX_ARTICLE_BYTES) plus {ENVELOPE_BYTES} for its JSON"
            )
        if method == "POST" and path == "/v1/batches":
            return batch_limit, "a batch upload (EXTRACTOR_MAX_BATCH_BYTES)"
        return SMALL_BODY_BYTES, "this route takes no article"

    app.add_middleware(ServiceMiddleware, limit_for=limit_for)
    return app


def _input_texts(path: Path) -> dict[str, str]:
    texts: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            texts[str(obj["id"])] = obj["text"]
    return texts


def _version() -> str:
    from extractor import __version__

    return __version__


# --------------------------------------------------------------------------- server


LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {
        "extractor": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "uvicorn.error": {"level": "INFO"},
        "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
    },
}


def check_bind(host: str, conf: ServeSettings) -> None:
    """Refuse a non-loopback address without a token (ConfigError names the fix)."""
    if not conf.api_token and not is_loopback(host):
        raise ConfigError(
            f"refusing to listen on {host} without a token: set EXTRACTOR_API_TOKEN "
            "(clients then send 'Authorization: Bearer <token>'), or use --host 127.0.0.1"
        )


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    settings: Settings | None = None,
    serve_settings: ServeSettings | None = None,
) -> None:
    """Run the service until SIGINT/SIGTERM: then in-flight requests finish (up to
    ``shutdown_timeout`` s) and the batch job in progress stops with its finished articles
    on disk, to resume at the next start."""
    import uvicorn

    conf = serve_settings or ServeSettings.from_env()
    check_bind(host, conf)
    app = create_app(settings, conf)

    class _Server(uvicorn.Server):
        async def startup(self, sockets: list[socket.socket] | None = None) -> None:
            await super().startup(sockets)
            for server in getattr(self, "servers", []):
                for sock in server.sockets:
                    addr = sock.getsockname()
                    shown = f"[{addr[0]}]" if ":" in addr[0] else addr[0]
                    log.info("listening on http://%s:%d", shown, addr[1])

    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_config=LOG_CONFIG,
        access_log=False,
        timeout_graceful_shutdown=int(math.ceil(conf.shutdown_timeout)),
        server_header=False,
    )
    _Server(config).run()
