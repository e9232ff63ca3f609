"""LLM client construction: OpenAI-compatible endpoints and the embedded local model.

Clients are built lazily on first use, never at import time. Every raw chat call goes
through a :class:`CallRecorder`, which applies the response-format adapter, retries
transport errors (``extractor.retry``) and counts tokens, calls and the last raw output.
Instructor sits on top of the recorder and owns validation re-asks.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable
from typing import Any

import instructor

from extractor.retry import RetryStats, acall_with_retries, call_with_retries
from extractor.settings import Settings

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
_clients_lock = threading.Lock()


class _RedactSecrets(logging.Filter):
    """Replaces known API keys in log records (instructor logs raw API errors, and a
    server may echo the key back in one)."""

    def __init__(self) -> None:
        super().__init__()
        self.secrets: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            message = record.getMessage()
            if any(secret in message for secret in self.secrets):
                for secret in self.secrets:
                    message = message.replace(secret, "***")
                record.msg, record.args = message, None
        return True


_REDACT = _RedactSecrets()
_LOG_FAMILIES = ("instructor", "openai", "httpx", "httpcore", "extractor")


def protect_secret(secret: str | None) -> None:
    """Keep ``secret`` out of every log record of the libraries we drive (in memory only)."""
    if not secret or len(secret) < 8:
        return
    _REDACT.secrets.add(secret)
    names = [n for n in logging.root.manager.loggerDict if n.split(".")[0] in _LOG_FAMILIES]
    for name in [*_LOG_FAMILIES, *names]:
        logger = logging.getLogger(name)
        if _REDACT not in logger.filters:
            logger.addFilter(_REDACT)


def redact(text: str) -> str:
    """``text`` with every protected secret replaced by ``***``."""
    for secret in _REDACT.secrets:
        text = text.replace(secret, "***")
    return text


def instructor_mode(name: str) -> instructor.Mode:
    return _MODES[name]


def openai_client(settings: Settings, *, is_async: bool = False) -> Any:
    """A shared ``openai.OpenAI``/``AsyncOpenAI`` for these settings (built on first use).

    The SDK's own retries are off: transport retries are ours (``extractor.retry``).
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
        client = _clients.get(lookup)
        if client is None:
            cls = openai.AsyncOpenAI if is_async else openai.OpenAI
            client = cls(
                api_key=settings.api_key or "not-needed",
                base_url=settings.base_url,
                max_retries=0,
                timeout=settings.timeout,
            )
            _clients[lookup] = client
    protect_secret(settings.api_key)
    return client


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
        self.prompt_tokens = 0
        self.completion_tokens = 0
        self.last_output: str | None = None
        self.finish_reason: str | None = None
        self.retry_stats = RetryStats()

    def _prepare(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        self.calls += 1
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
            **kwargs,
        )
        return self._record(response)

    def patched(self, mode: str, *, is_async: bool = False) -> Callable[..., Any]:
        """An instructor-patched create (``response_model=``, ``max_retries=``, ``context=``)."""
        fn = self.asynchronous if is_async else self.sync
        return instructor.patch(create=fn, mode=instructor_mode(mode))
