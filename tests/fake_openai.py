"""A small, real OpenAI-compatible HTTP server for tests and benchmarks (loopback only).

It speaks ``POST /v1/chat/completions`` well enough for the ``openai`` client and
instructor: tool-call mode (``tools`` + ``tool_choice`` -> ``message.tool_calls``) and
JSON modes (``response_format`` json_schema / json_object -> ``message.content``), with
usage tokens. Answers come from a *responder* (request -> report dict); faults are
injected by a *fault plan* (request -> :class:`Fault` or ``None``), deterministically:
per article and attempt, never by wall-clock order. Every request is recorded.

    with FakeOpenAI(GoldResponder.from_dirs(), faults=SeededFaults(rate=0.1)) as server:
        client = openai.OpenAI(base_url=server.base_url, api_key="placeholder-not-a-key")

Run standalone (for benchmarks in another process): ``python tests/fake_openai.py --port 0``.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import hashlib
import json
import random
import re
import socket
import struct
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIRS = (ROOT / "evals" / "seeds", ROOT / "evals" / "synthetic-stress")

#: Faults the transport layer must absorb; the model never sees them.
TRANSPORT_FAULTS = frozenset({"429", "500", "503", "timeout", "reset", "malformed", "drip"})
#: Faults in the model's answer; validation re-asks handle the first two.
CONTENT_FAULTS = frozenset({"schema_invalid", "wrong_figure", "truncated"})
#: Faults that no retry can fix.
HARD_FAULTS = frozenset({"400", "401"})
FAULT_KINDS = TRANSPORT_FAULTS | CONTENT_FAULTS | HARD_FAULTS

_ARTICLE = re.compile(r"<article>\s*(.*?)\s*</article>", re.S)


# --------------------------------------------------------------------------- requests


def article_key(text: str) -> str:
    """Stable key of an article (or chunk) as the server sees it."""
    return hashlib.sha1(text.strip().encode("utf-8")).hexdigest()[:16]


def _content_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # content parts
        return "".join(p.get("text", "") for p in content if isinstance(p, dict))
    return ""


def find_article(body: dict[str, Any]) -> str:
    """The article inside the first user message (``<article>`` tags), else its whole text."""
    for message in body.get("messages") or []:
        if message.get("role") == "user":
            text = _content_text(message.get("content"))
            found = _ARTICLE.search(text)
            return (found.group(1) if found else text).strip()
    return ""


@dataclass
class FakeRequest:
    """What the responder and the fault plan see about one request."""

    index: int
    path: str
    body: dict[str, Any]
    article: str
    key: str
    attempt: int  # 1-based count of requests for this article, this one included


@dataclass
class Fault:
    """One injected fault. ``kind`` is one of :data:`FAULT_KINDS`."""

    kind: str
    retry_after: float | str | None = None  # 429: Retry-After (seconds, or text as sent)
    delay: float = 3.0  # timeout: sleep before answering; drip: pause between bytes

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {self.kind!r}")


@dataclass
class Recorded:
    """One request as the server received and answered it."""

    index: int
    path: str
    key: str
    attempt: int
    received: float  # time.monotonic()
    body: dict[str, Any] | None
    fault: str | None = None
    status: int = 0
    authorized: bool = True

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list((self.body or {}).get("messages") or [])

    def text(self) -> str:
        """All message contents (and tool-call arguments) as one string."""
        parts: list[str] = []
        for m in self.messages:
            parts.append(_content_text(m.get("content")))
            for call in m.get("tool_calls") or []:
                parts.append(str((call.get("function") or {}).get("arguments", "")))
        return "\n".join(parts)


Responder = Callable[[FakeRequest], "dict[str, Any] | str"]
FaultPlan = Callable[[FakeRequest], "Fault | None"]


# --------------------------------------------------------------------------- fault plans


class AttemptSchedule:
    """Deterministic: the n-th request for an article gets ``kinds[n-1]`` (None: answer).

    ``only`` restricts the schedule to articles whose text satisfies it.
    """

    def __init__(
        self,
        kinds: Sequence[str | Fault | None],
        *,
        only: Callable[[str], bool] | None = None,
        retry_after: float | None = 1.0,
    ) -> None:
        self.faults = [
            Fault(k, retry_after=retry_after) if isinstance(k, str) else k for k in kinds
        ]
        self.only = only

    def __call__(self, req: FakeRequest) -> Fault | None:
        if self.only is not None and not self.only(req.article):
            return None
        if req.attempt <= len(self.faults):
            return self.faults[req.attempt - 1]
        return None


class SeededFaults:
    """Seeded, order-independent random faults.

    Each of an article's first ``max_faulty`` requests fails with probability ``rate``
    (kind drawn from ``kinds``), decided by a hash of (seed, article, attempt), so the
    outcome does not depend on concurrency. ``permanent(article) -> kind | None`` marks
    articles that fail on every request.
    """

    def __init__(
        self,
        rate: float = 0.1,
        kinds: Sequence[str] = ("429", "500", "503", "reset", "malformed", "wrong_figure"),
        *,
        seed: int = 0,
        max_faulty: int = 1,
        retry_after: float | None = 1.0,
        timeout_delay: float = 3.0,
        permanent: Callable[[str], str | None] | None = None,
    ) -> None:
        self.rate = rate
        self.kinds = list(kinds)
        self.seed = seed
        self.max_faulty = max_faulty
        self.retry_after = retry_after
        self.timeout_delay = timeout_delay
        self.permanent = permanent

    def draw(self, key: str, attempt: int) -> str | None:
        """The transient fault kind for this article and attempt, or None."""
        if attempt > self.max_faulty:
            return None
        rng = random.Random(f"{self.seed}:{key}:{attempt}")
        if rng.random() >= self.rate:
            return None
        return rng.choice(self.kinds)

    def __call__(self, req: FakeRequest) -> Fault | None:
        kind = self.permanent(req.article) if self.permanent else None
        kind = kind or self.draw(req.key, req.attempt)
        if kind is None:
            return None
        return Fault(kind, retry_after=self.retry_after, delay=self.timeout_delay)


# --------------------------------------------------------------------------- responders


def strip_optional(obj: Any) -> Any:
    """Drop gold-only annotations (``"optional"`` keys) recursively."""
    if isinstance(obj, dict):
        return {k: strip_optional(v) for k, v in obj.items() if k != "optional"}
    if isinstance(obj, list):
        return [strip_optional(v) for v in obj]
    return obj


FIXTURE_ARTICLE = (
    "Sáng 12/1, Sở Công Thương tổ chức hội nghị tổng kết công tác năm 2022, triển khai "
    "nhiệm vụ năm 2023. Dự hội nghị có ông Trần Văn Minh, Phó Chủ tịch UBND tỉnh.\n"
    "Năm 2022, tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt 12.450 tỷ "
    "đồng, tăng 8,5% so với năm 2021; kim ngạch xuất khẩu đạt hơn 310 triệu USD.\n"
    "Năm 2023, ngành phấn đấu đưa tổng mức bán lẻ hàng hóa tăng 9%.\n"
    "Dịp này, Sở Công Thương nhận Bằng khen của Bộ trưởng Bộ Công Thương."
)

FIXTURE_REPORT: dict[str, Any] = {
    "title": None,
    "province": None,
    "sector": "Công Thương",
    "report_year": 2022,
    "plan_year": 2023,
    "officials": [{"name": "Trần Văn Minh", "title": "Phó Chủ tịch UBND tỉnh"}],
    "achievements": [
        {
            "indicator": "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
            "value": 12450000000000.0,
            "unit": "đồng",
            "qualifier": "exact",
            "year": 2022,
            "evidence": "tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng đạt "
            "12.450 tỷ đồng",
        },
        {
            "indicator": "tổng mức bán lẻ tăng so với năm 2021",
            "value": 8.5,
            "unit": "%",
            "qualifier": "exact",
            "year": 2022,
            "evidence": "tăng 8,5% so với năm 2021",
        },
    ],
    "targets": [
        {
            "indicator": "tổng mức bán lẻ hàng hóa tăng",
            "value": 9.0,
            "unit": "%",
            "qualifier": "exact",
            "year": 2023,
            "evidence": "phấn đấu đưa tổng mức bán lẻ hàng hóa tăng 9%",
        }
    ],
    "awards": [
        {
            "award": "Bằng khen",
            "conferred_by": "Bộ trưởng Bộ Công Thương",
            "recipient": "Sở Công Thương",
            "evidence": "Sở Công Thương nhận Bằng khen của Bộ trưởng Bộ Công Thương",
        }
    ],
}


def load_gold_pairs(dirs: Iterable[Path] = GOLD_DIRS) -> list[tuple[str, dict[str, Any]]]:
    """(article text, gold report without optional keys) for every ``*.gold.json`` with
    its ``.txt``; the built-in fixture when there is none."""
    pairs: list[tuple[str, dict[str, Any]]] = []
    for folder in dirs:
        for gold in sorted(Path(folder).glob("*.gold.json")):
            txt = gold.with_name(gold.name[: -len(".gold.json")] + ".txt")
            if txt.exists():
                report = json.loads(gold.read_text(encoding="utf-8"))
                pairs.append((txt.read_text(encoding="utf-8"), strip_optional(report)))
    return pairs or [(FIXTURE_ARTICLE, copy.deepcopy(FIXTURE_REPORT))]


_ITEM_NEEDLE = {"officials": "name", "achievements": "evidence", "targets": "evidence"}


class GoldResponder:
    """Answers with the gold report of the article found in the request.

    An article that contains a known text (e.g. with an id line appended) gets that
    text's gold; any other text (a chunk, an unknown article) gets the gold items whose
    evidence (officials: name) occurs in it verbatim, so chunked calls merge back.
    """

    def __init__(self, pairs: Sequence[tuple[str, dict[str, Any]]]) -> None:
        self.pairs = [(text.strip(), report) for text, report in pairs]
        self._exact = {article_key(t): r for t, r in self.pairs}
        self._memo: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_dirs(cls, dirs: Iterable[Path] = GOLD_DIRS) -> GoldResponder:
        return cls(load_gold_pairs(dirs))

    @property
    def texts(self) -> list[str]:
        return [t for t, _ in self.pairs]

    def report_for(self, article: str) -> dict[str, Any]:
        key = article_key(article)
        with self._lock:
            hit = self._memo.get(key)
        if hit is None:
            hit = self._lookup(article, key)
            with self._lock:
                self._memo[key] = hit
        return copy.deepcopy(hit)

    def _lookup(self, article: str, key: str) -> dict[str, Any]:
        if key in self._exact:
            return self._exact[key]
        for text, report in sorted(self.pairs, key=lambda p: -len(p[0])):
            if text in article:
                return report
        merged: dict[str, Any] = {f: [] for f in ("officials", "achievements", "targets")}
        merged["awards"] = []
        best, best_hits = None, 0
        for _, report in self.pairs:
            hits = 0
            for name, needle in _ITEM_NEEDLE.items():
                for item in report.get(name) or []:
                    if item.get(needle) and item[needle] in article:
                        merged[name].append(item)
                        hits += 1
            for item in report.get("awards") or []:
                if item.get("evidence") and item["evidence"] in article:
                    merged["awards"].append(item)
                    hits += 1
            if hits > best_hits:
                best, best_hits = report, hits
        for scalar in ("title", "province", "sector", "report_year", "plan_year"):
            merged[scalar] = best.get(scalar) if best else None
        return merged

    def __call__(self, req: FakeRequest) -> dict[str, Any]:
        return self.report_for(req.article)


def corrupt_figure(report: dict[str, Any]) -> dict[str, Any]:
    """The report with one figure changed to a value its evidence does not contain."""
    out = copy.deepcopy(report)
    for name in ("achievements", "targets"):
        if out.get(name):
            metric = out[name][0]
            metric["value"] = float(metric["value"]) * 10 + 7
            return out
    out.setdefault("achievements", []).append(
        {
            "indicator": "chỉ số bịa đặt",
            "value": 424242.0,
            "unit": "người",
            "qualifier": "exact",
            "evidence": "đạt 424.242 người",
        }
    )
    return out


def schema_invalid(report: dict[str, Any]) -> dict[str, Any]:
    """A report that breaks the schema (wrong types, unknown key)."""
    out = copy.deepcopy(report)
    out["confidence"] = "high"
    metrics = out.get("achievements") or []
    if metrics:
        metrics[0]["value"] = "nhiều"
    else:
        out["achievements"] = "không có"
    return out


# --------------------------------------------------------------------------- server


def _tool_name(body: dict[str, Any]) -> str | None:
    choice = body.get("tool_choice")
    if isinstance(choice, dict):
        name = (choice.get("function") or {}).get("name")
        if name:
            return str(name)
    tools = body.get("tools") or []
    if tools:
        return str((tools[0].get("function") or {}).get("name") or "SectorReport")
    return None


def _approx_tokens(text: str) -> int:
    return max(1, len(text) // 4)


class FakeOpenAI:
    """The server. Use as a context manager; ``base_url`` ends with ``/v1``.

    ``latency``: seconds per request (or a function of the request). ``api_key``: when
    set, other keys get 401 (``echo_key`` puts the presented key in the error message,
    as some real servers do). ``record_bodies=False`` keeps memory flat in benchmarks.
    """

    def __init__(
        self,
        responder: Responder | None = None,
        *,
        faults: FaultPlan | None = None,
        latency: float | Callable[[FakeRequest], float] = 0.0,
        api_key: str | None = None,
        echo_key: bool = False,
        record_bodies: bool = True,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise ValueError("the fake server listens on loopback only")
        self.responder: Responder = responder or GoldResponder.from_dirs()
        self.faults = faults
        self.latency = latency
        self.api_key = api_key
        self.echo_key = echo_key
        self.record_bodies = record_bodies
        self.requests: list[Recorded] = []
        self._attempts: Counter[str] = Counter()
        self.in_flight = 0
        self.peak_in_flight = 0  # most requests handled at the same time
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._httpd = _Server((host, port), _Handler)
        self._httpd.fake = self
        self._thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> FakeOpenAI:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ records

    @property
    def count(self) -> int:
        return len(self.requests)

    def per_path(self) -> Counter[str]:
        return Counter(r.path for r in self.requests)

    def for_article(self, text: str) -> list[Recorded]:
        """Requests for this article (or chunk) text, in arrival order."""
        key = article_key(text)
        return [r for r in self.requests if r.key == key]

    def faults_served(self) -> Counter[str]:
        return Counter(r.fault for r in self.requests if r.fault)

    def reset_records(self) -> None:
        with self._lock:
            self.requests.clear()
            self._attempts.clear()

    # ------------------------------------------------------------------ handling

    def _register(self, path: str, body: dict[str, Any] | None) -> tuple[FakeRequest, Recorded]:
        article = find_article(body or {})
        key = article_key(article)
        with self._lock:
            self._attempts[key] += 1
            req = FakeRequest(len(self.requests), path, body or {}, article, key, 0)
            req.attempt = self._attempts[key]
            rec = Recorded(
                req.index,
                path,
                key,
                req.attempt,
                time.monotonic(),
                body if self.record_bodies else None,
            )
            self.requests.append(rec)
        return req, rec

    def sleep(self, seconds: float) -> None:
        """Sleep, but wake up when the server stops."""
        if seconds > 0:
            self._stop.wait(seconds)

    def completion(self, req: FakeRequest, fault: Fault | None) -> dict[str, Any]:
        """The chat.completion body for this request (content faults applied)."""
        return build_completion(req, self.responder(req), fault)


def build_completion(
    req: FakeRequest, answer: dict[str, Any] | str, fault: Fault | None = None
) -> dict[str, Any]:
    """A chat.completion body carrying ``answer`` (tool call or content, as requested)."""
    kind = fault.kind if fault else None
    if isinstance(answer, dict):
        if kind == "wrong_figure":
            answer = corrupt_figure(answer)
        elif kind == "schema_invalid":
            answer = schema_invalid(answer)
        output = json.dumps(answer, ensure_ascii=False)
    else:
        output = str(answer)
    finish = "stop"
    if kind == "truncated":
        output, finish = output[: max(1, len(output) // 2)], "length"
    name = _tool_name(req.body)
    if name is not None:
        message: dict[str, Any] = {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": f"call_{req.index}",
                    "type": "function",
                    "function": {"name": name, "arguments": output},
                }
            ],
        }
        finish = "length" if kind == "truncated" else "tool_calls"
    else:
        message = {"role": "assistant", "content": output}
    prompt = "".join(_content_text(m.get("content")) for m in req.body.get("messages") or [])
    usage = {"prompt_tokens": _approx_tokens(prompt), "completion_tokens": _approx_tokens(output)}
    usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
    return {
        "id": f"chatcmpl-fake-{req.index}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": req.body.get("model") or "fake-model",
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": usage,
    }


def answer_body(body: dict[str, Any], responder: Responder, index: int = 0) -> dict[str, Any]:
    """Answer one request body without a server (for in-process mock transports)."""
    article = find_article(body)
    req = FakeRequest(index, "/v1/chat/completions", body, article, article_key(article), 1)
    return build_completion(req, responder(req))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256
    allow_reuse_address = True
    fake: FakeOpenAI

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # a client went away (killed, timed out): not the server's problem
        super().handle_error(request, client_address)


def _error(status: int, message: str, kind: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": kind, "code": status}}


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as separate writes
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return

    def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode("utf-8")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            self.close_connection = True  # the client gave up (e.g. its timeout)

    def _reset(self) -> None:
        """Drop the connection with a TCP RST, no response."""
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        self.close_connection = True

    def _drip(self, fake: FakeOpenAI, payload: dict[str, Any], pause: float) -> None:
        """A whole, valid answer, one byte every ``pause`` seconds (a slow-loris server):
        every read gets data in time, so only a deadline on the whole request ends it."""
        data = json.dumps(payload).encode("utf-8")
        try:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.flush()
            for i in range(len(data)):
                if fake._stop.is_set():
                    break
                self.wfile.write(data[i : i + 1])
                self.wfile.flush()
                fake.sleep(pause)
        except OSError:
            pass  # the client gave up: what a deadline is for
        self.close_connection = True

    def do_GET(self) -> None:
        if self.path.rstrip("/").endswith("/models"):
            self._send(200, {"object": "list", "data": [{"id": "fake-model", "object": "model"}]})
        else:
            self._send(404, _error(404, f"no route {self.path}", "not_found"))

    def do_POST(self) -> None:
        fake = self.server.fake
        with fake._lock:
            fake.in_flight += 1
            fake.peak_in_flight = max(fake.peak_in_flight, fake.in_flight)
        try:
            self._post(fake)
        finally:
            with fake._lock:
                fake.in_flight -= 1

    def _post(self, fake: FakeOpenAI) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            body = None
        path = self.path.split("?", 1)[0]
        req, rec = fake._register(path, body if isinstance(body, dict) else None)
        if not path.rstrip("/").endswith("/chat/completions"):
            rec.status = 404
            self._send(404, _error(404, f"no route {path}", "not_found"))
            return
        if body is None or not isinstance(body, dict):
            rec.status = 400
            self._send(400, _error(400, "request body is not JSON", "invalid_request_error"))
            return
        if fake.api_key is not None:
            presented = (self.headers.get("Authorization") or "").removeprefix("Bearer ")
            rec.authorized = presented == fake.api_key
            if not rec.authorized:
                rec.status = 401
                shown = presented if fake.echo_key else presented[:3] + "***"
                msg = f"Incorrect API key provided: {shown}"
                self._send(401, _error(401, msg, "invalid_request_error"))
                return
        fault = fake.faults(req) if fake.faults else None
        rec.fault = fault.kind if fault else None
        latency = fake.latency(req) if callable(fake.latency) else fake.latency
        fake.sleep(latency)
        kind = fault.kind if fault else None
        if kind == "timeout":
            fake.sleep(fault.delay if fault else 3.0)
        if kind == "reset":
            rec.status = 0
            self._reset()
            return
        if kind == "drip":
            rec.status = 200
            self._drip(fake, fake.completion(req, None), fault.delay if fault else 0.5)
            return
        if kind == "429":
            rec.status = 429
            headers = {}
            if fault and fault.retry_after is not None:
                ra = fault.retry_after
                if isinstance(ra, str):
                    headers["Retry-After"] = ra  # as given, e.g. "soon"
                else:
                    headers["Retry-After"] = str(int(ra)) if float(ra).is_integer() else str(ra)
            self._send(429, _error(429, "Rate limit reached", "rate_limit_error"), headers)
            return
        if kind in ("500", "503", "400", "401"):
            status = int(kind)
            rec.status = status
            self._send(status, _error(status, f"injected {status}", "server_error"))
            return
        if kind == "malformed":
            rec.status = 200
            self._send(200, b'{"id": "chatcmpl-broken", "choices": [{"index": 0, "mess')
            return
        rec.status = 200
        self._send(200, fake.completion(req, fault))


# --------------------------------------------------------------------------- standalone


def main(argv: Sequence[str] | None = None) -> None:
    """Serve gold answers from another process; prints the base URL, then serves."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument("--fault-rate", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--responder", help="module:callable answering instead of the gold")
    args = parser.parse_args(argv)
    faults = SeededFaults(rate=args.fault_rate, seed=args.seed) if args.fault_rate else None
    responder = None
    if args.responder:
        import importlib

        sys.path.insert(0, str(ROOT))
        module, _, attr = args.responder.partition(":")
        responder = getattr(importlib.import_module(module), attr)
    server = FakeOpenAI(
        responder, faults=faults, latency=args.latency, record_bodies=False, port=args.port
    )
    print(server.base_url, flush=True)
    try:
        server._httpd.serve_forever(poll_interval=0.05)
    except KeyboardInterrupt:
        pass
    finally:
        server._httpd.server_close()


if __name__ == "__main__":
    main()
