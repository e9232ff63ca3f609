"""Transport retries: 429 (honouring Retry-After), 5xx, timeouts and connection errors.

Only transport failures are retried here, with exponential backoff and jitter. They
are never shown to the model. Validation re-asks are instructor's business.
"""

from __future__ import annotations

import asyncio
import datetime
import email.utils
import random
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import httpx
import openai
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
)

T = TypeVar("T")


class RequestDeadlineError(TimeoutError):
    """One request ran past its total deadline (e.g. a server dripping its answer)."""


def is_transient(exc: BaseException) -> bool:
    """True for errors worth retrying: 408/409/429/5xx, timeouts, dropped connections."""
    if isinstance(exc, (openai.APITimeoutError, openai.APIConnectionError, TimeoutError)):
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in (408, 409, 429) or exc.status_code >= 500
    return isinstance(exc, (httpx.TimeoutException, httpx.TransportError))


def retry_after_seconds(exc: BaseException) -> float | None:
    """Seconds the server asked us to wait (Retry-After / retry-after-ms), if any."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if not headers:
        return None
    ms = headers.get("retry-after-ms")
    if ms:
        try:
            return max(0.0, float(ms) / 1000.0)
        except ValueError:
            pass
    raw = headers.get("retry-after")
    if not raw:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:  # an HTTP date; anything else ("soon") means: no usable hint, default backoff
        parsed = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=datetime.timezone.utc)
    return max(0.0, parsed.timestamp() - time.time())


class _Wait:
    """Retry-After when the server gives one (capped), else exponential backoff + jitter."""

    def __init__(self, max_wait: float, initial: float = 0.5) -> None:
        self.max_wait = max_wait
        self.initial = initial

    def backoff(self, state: RetryCallState) -> float:
        exponential = self.initial * 2 ** (state.attempt_number - 1)
        return min(self.max_wait, exponential + random.uniform(0, self.initial))

    def __call__(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        hinted = retry_after_seconds(exc) if exc else None
        if hinted is not None:
            return min(hinted, self.max_wait)
        return self.backoff(state)


class RetryStats:
    """Counts transport retries for one extraction (reported in usage)."""

    def __init__(self) -> None:
        self.retries = 0
        self.waited = 0.0

    def before_sleep(self, state: RetryCallState) -> None:
        self.retries += 1
        self.waited += state.upcoming_sleep


def call_with_retries(
    fn: Callable[..., T],
    *args: Any,
    max_retries: int = 4,
    max_wait: float = 30.0,
    stats: RetryStats | None = None,
    initial_wait: float = 0.5,
    **kwargs: Any,
) -> T:
    """Call ``fn`` retrying transient transport errors; re-raise the last one."""
    retrying = Retrying(
        stop=stop_after_attempt(max_retries + 1),
        wait=_Wait(max_wait, initial_wait),
        retry=retry_if_exception(is_transient),
        before_sleep=stats.before_sleep if stats else None,
        reraise=True,
    )
    return retrying(fn, *args, **kwargs)


async def acall_with_retries(
    fn: Callable[..., Awaitable[T]],
    *args: Any,
    max_retries: int = 4,
    max_wait: float = 30.0,
    stats: RetryStats | None = None,
    initial_wait: float = 0.5,
    deadline: float | None = None,
    **kwargs: Any,
) -> T:
    """Async twin of :func:`call_with_retries`. ``deadline``: seconds one attempt may take
    in all (headers and body); past it the attempt is cancelled and counts as a timeout."""
    retrying = AsyncRetrying(
        stop=stop_after_attempt(max_retries + 1),
        wait=_Wait(max_wait, initial_wait),
        retry=retry_if_exception(is_transient),
        before_sleep=stats.before_sleep if stats else None,
        reraise=True,
    )

    async def attempt() -> T:
        # always a real coroutine function: some SDK methods are plain functions that
        # return a coroutine, which tenacity >= 9 would call without awaiting
        if deadline is None:
            return await fn(*args, **kwargs)
        try:
            return await asyncio.wait_for(fn(*args, **kwargs), timeout=deadline)
        except asyncio.TimeoutError:
            raise RequestDeadlineError(
                f"the request took longer than {deadline:g} s in all"
            ) from None

    return await retrying(attempt)
