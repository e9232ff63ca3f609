"""LLM client construction: OpenAI-compatible endpoints and the embedded local model.

Clients are built lazily on first use, never at import time. Every raw chat call goes
through a :class:`CallRecorder`, which applies the response-format adapter, retries
transport errors (``extractor.retry``) and counts tokens, calls and the last raw output.
Instructor sits on top of the recorder and owns validation re-asks.
"""

from __future__ import annotations

import asyncio
import hashlib
import importlib
import logging
import threading
import time
import traceback
import weakref
from collections.abc import Callable
from typing import Any

import instructor

from extractor.retry import RetryStats, acall_with_retries, call_with_retries
from extractor.settings import Settings, url_secrets

#: Our mode names -> instructor modes. "json_object" is instructor's JSON_SCHEMA mode with
#: ``response_format`` rewritten to ``{"type": "json_object", "schema": ...}``, the form
#: llama.cpp (server and in-process) understands.
_MODES: dict[str, instructor.Mode] = {
    "tools": instructor.Mode.TOOLS,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "json_object": instructor.Mode.JSON_SCHEMA,
    "json": instructor.Mode.JSON,
}

_clients: dict[tuple[str, ...], Any] = {}
_loop_clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[tuple[str, ...], Any]]
_loop_clients = weakref.WeakKeyDictionary()
_clients_lock = threading.Lock()


class _Redactor:
    """Replaces known secrets in every log record, whatever logger or handler it goes to.

    A logger filter only sees records logged on that very logger (not those propagated
    from child loggers, such as instructor's retry logger), so the redaction happens
    where records are made: a wrapper around the log record factory.
    """

    def __init__(self) -> None:
        self.secrets: set[str] = set()
        self._installed = False
        self._lock = threading.Lock()

    def install(self) -> None:
        with self._lock:
            if self._installed:
                return
            previous = logging.getLogRecordFactory()

            def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
                record = previous(*args, **kwargs)
                if self.secrets:
                    self.scrub(record)
                return record

            logging.setLogRecordFactory(factory)
            self._installed = True

    def scrub(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string is the logger's problem, not ours
            return
        if any(secret in message for secret in self.secrets):
            record.msg, record.args = self.redact(message), None
        if record.exc_info and record.exc_info[1] is not None:
            # formatted now, redacted, and cached where formatters look for it
            text = "".join(traceback.format_exception(*record.exc_info)).rstrip("\n")
            record.exc_text = self.redact(text)

    def redact(self, text: str) -> str:
        for secret in sorted(self.secrets, key=len, reverse=True):
            text = text.replace(secret, "***")
        return text


_REDACT = _Redactor()


def protect_secret(secret: str | None) -> None:
    """Keep ``secret`` out of every log record from now on (held in memory only)."""
    if not secret or len(secret) < 4:
        return
    _REDACT.secrets.add(secret)
    _REDACT.install()


def redact(text: str) -> str:
    """``text`` with every protected secret replaced by ``***``."""
    return _REDACT.redact(text)


def instructor_mode(name: str) -> instructor.Mode:
    return _MODES[name]


def openai_client(settings: Settings, *, is_async: bool = False) -> Any:
    """A shared ``openai.OpenAI``/``AsyncOpenAI`` for these settings (built on first use).

    The SDK's own retries are off: transport retries are ours (``extractor.retry``).
    An async client is shared within one event loop only: its pooled connections belong
    to the loop that opened them, and reusing them from the next ``asyncio.run`` (each
    ``run_batch`` call) failed the first requests after the server had answered them,
    so they were sent, and paid for, twice.
    """
    import openai

    # The key is only part of the in-memory lookup, as a hash; it is never stored elsewhere.
    key_id = hashlib.sha256((settings.api_key or "").encode()).hexdigest()[:12]
    lookup = (
        "async" if is_async else "sync",
        settings.base_url or "",
        key_id,
        str(settings.timeout),
    )
    with _clients_lock:
        clients = _clients
        if is_async:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                loop = None
            if loop is not None:
                clients = _loop_clients.setdefault(loop, {})
        client = clients.get(lookup)
        if client is None:
            options: dict[str, Any] = {
                "api_key": settings.api_key or "not-needed",
                "base_url": settings.base_url,
                "max_retries": 0,
                "timeout": settings.timeout,
            }
            if is_async:  # the async path bounds each attempt with asyncio.wait_for
                client = openai.AsyncOpenAI(**options)
            else:
                http_client = deadline_http_client(settings.timeout)
                client = openai.OpenAI(**options, http_client=http_client)
            clients[lookup] = client
    protect_secret(settings.api_key)
    for secret in url_secrets(settings.base_url):
        protect_secret(secret)
    return client


def _http_module() -> Any:
    """The HTTP library the installed openai SDK is built on (httpx, or its fork httpx2)."""
    import openai

    for klass in openai.DefaultHttpxClient.__mro__:
        root = klass.__module__.partition(".")[0]
        if root in ("httpx", "httpx2"):
            return importlib.import_module(root)
    import httpx

    return httpx


def deadline_http_client(total: float) -> Any:
    """An SDK-default sync HTTP client whose responses must arrive within ``total`` seconds.

    httpx's timeouts bound each network read, so a server dripping one byte at a time
    never trips them. This transport checks a deadline between body chunks and raises
    the library's ``ReadTimeout`` (a transport timeout, retried like any other) past it.
    The async client needs none of this: each attempt runs under ``asyncio.wait_for``.
    """
    import openai

    http = _http_module()

    class DeadlineStream(http.SyncByteStream):  # type: ignore[misc, name-defined]
        def __init__(self, inner: Any, deadline: float) -> None:
            self._inner = inner
            self._deadline = deadline

        def __iter__(self) -> Any:
            for chunk in self._inner:
                if time.monotonic() > self._deadline:
                    raise http.ReadTimeout(f"the response took longer than {total:g} s in all")
                yield chunk

        def close(self) -> None:
            self._inner.close()

    class DeadlineTransport(http.BaseTransport):  # type: ignore[misc, name-defined]
        def __init__(self) -> None:
            self._inner = http.HTTPTransport()

        def handle_request(self, request: Any) -> Any:
            deadline = time.monotonic() + total
            response = self._inner.handle_request(request)
            response.stream = DeadlineStream(response.stream, deadline)
            return response

        def close(self) -> None:
            self._inner.close()

    return openai.DefaultHttpxClient(transport=DeadlineTransport())


def adapt_response_format(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Rewrite OpenAI's ``json_schema`` response format into llama.cpp's ``json_object``
    + ``schema`` form (llama.cpp ignores or rejects the former)."""
    fmt = kwargs.get("response_format")
    if isinstance(fmt, dict) and fmt.get("type") == "json_schema":
        schema = (fmt.get("json_schema") or {}).get("schema")
        kwargs = dict(kwargs)
        kwargs["response_format"] = {"type": "json_object", "schema": schema}
    return kwargs


def raw_output(response: Any) -> str | None:
    """The text a completion carried (tool-call arguments or message content)."""
    try:
        message = response.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return None
    calls = getattr(message, "tool_calls", None) or []
    if calls:
        return "".join(getattr(c.function, "arguments", "") or "" for c in calls)
    return getattr(message, "content", None)


class CallRecorder:
    """Wraps a raw ``create`` function for one extraction: adapter, retries, accounting."""

    def __init__(
        self,
        create: Callable[..., Any],
        settings: Settings,
        *,
        adapt: bool = False,
    ) -> None:
        self._create = create
        self._settings = settings
        self._adapt = adapt
        self.calls = 0
        self.reasks = 0
        self.prompt_tokens = 0
        self.completion_tokens = 0
        self.last_output: str | None = None
        self.finish_reason: str | None = None
        self.retry_stats = RetryStats()

    def _prepare(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        self.calls += 1
        # our prompts are system + user only: a call carrying a model turn is a re-ask
        # (instructor appends the failed answer and the errors); a chunk's call is not
        messages = kwargs.get("messages") or []
        if any(isinstance(m, dict) and m.get("role") in ("assistant", "tool") for m in messages):
            self.reasks += 1
        return adapt_response_format(kwargs) if self._adapt else kwargs

    def _record(self, response: Any) -> Any:
        usage = getattr(response, "usage", None)
        if usage is not None:
            self.prompt_tokens += int(getattr(usage, "prompt_tokens", 0) or 0)
            self.completion_tokens += int(getattr(usage, "completion_tokens", 0) or 0)
        self.last_output = raw_output(response)
        try:
            self.finish_reason = response.choices[0].finish_reason
        except (AttributeError, IndexError, TypeError):
            self.finish_reason = None
        return response

    def sync(self, *args: Any, **kwargs: Any) -> Any:
        kwargs = self._prepare(kwargs)
        response = call_with_retries(
            self._create,
            *args,
            max_retries=self._settings.max_retries,
            max_wait=self._settings.retry_max_wait,
            stats=self.retry_stats,
            **kwargs,
        )
        return self._record(response)

    async def asynchronous(self, *args: Any, **kwargs: Any) -> Any:
        kwargs = self._prepare(kwargs)
        response = await acall_with_retries(
            self._create,
            *args,
            max_retries=self._settings.max_retries,
            max_wait=self._settings.retry_max_wait,
            stats=self.retry_stats,
            deadline=self._settings.timeout,
            **kwargs,
        )
        return self._record(response)

    def patched(self, mode: str, *, is_async: bool = False) -> Callable[..., Any]:
        """An instructor-patched create (``response_model=``, ``max_retries=``, ``context=``)."""
        fn = self.asynchronous if is_async else self.sync
        return instructor.patch(create=fn, mode=instructor_mode(mode))
