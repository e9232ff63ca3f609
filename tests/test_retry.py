import time

import httpx
import openai
import pytest

from extractor.retry import RetryStats, call_with_retries, is_transient, retry_after_seconds


def _status_error(status: int, headers: dict[str, str] | None = None) -> openai.APIStatusError:
    request = httpx.Request("POST", "http://fake/v1/chat/completions")
    response = httpx.Response(status, headers=headers or {}, request=request)
    cls = {429: openai.RateLimitError, 500: openai.InternalServerError, 400: openai.BadRequestError}
    return cls.get(status, openai.APIStatusError)(f"status {status}", response=response, body=None)


@pytest.mark.parametrize("status,expected", [(429, True), (500, True), (503, True), (400, False)])
def test_transient_statuses(status: int, expected: bool) -> None:
    assert is_transient(_status_error(status)) is expected


def test_timeouts_and_connection_errors_are_transient() -> None:
    request = httpx.Request("POST", "http://fake")
    assert is_transient(openai.APITimeoutError(request=request))
    assert is_transient(openai.APIConnectionError(request=request))
    assert not is_transient(ValueError("schema"))


def test_retry_after_header_is_read() -> None:
    assert retry_after_seconds(_status_error(429, {"retry-after": "2"})) == 2.0
    assert retry_after_seconds(_status_error(429, {"retry-after-ms": "1500"})) == 1.5
    assert retry_after_seconds(_status_error(429)) is None


def test_recovers_after_transient_errors_and_counts_retries() -> None:
    errors = [_status_error(503), _status_error(429, {"retry-after": "0"})]
    calls = []

    def flaky() -> str:
        calls.append(1)
        if errors:
            raise errors.pop(0)
        return "ok"

    stats = RetryStats()
    assert call_with_retries(flaky, max_retries=3, initial_wait=0.01, stats=stats) == "ok"
    assert len(calls) == 3 and stats.retries == 2


def test_gives_up_after_max_retries_with_last_error() -> None:
    calls = []

    def down() -> None:
        calls.append(1)
        raise _status_error(500)

    with pytest.raises(openai.InternalServerError):
        call_with_retries(down, max_retries=2, initial_wait=0.01)
    assert len(calls) == 3


def test_client_errors_are_not_retried() -> None:
    calls = []

    def bad() -> None:
        calls.append(1)
        raise _status_error(400)

    with pytest.raises(openai.BadRequestError):
        call_with_retries(bad, max_retries=5, initial_wait=0.01)
    assert len(calls) == 1


def test_retry_after_is_honoured_but_capped() -> None:
    import time

    errors = [_status_error(429, {"retry-after": "0.3"})]

    def once() -> str:
        if errors:
            raise errors.pop(0)
        return "ok"

    started = time.perf_counter()
    call_with_retries(once, max_retries=1, max_wait=5, initial_wait=0.01)
    assert time.perf_counter() - started >= 0.29
    errors.append(_status_error(429, {"retry-after": "100"}))
    started = time.perf_counter()
    call_with_retries(once, max_retries=1, max_wait=0.05, initial_wait=0.01)
    assert time.perf_counter() - started < 1.0


def test_backoff_grows_with_jitter_and_is_capped() -> None:
    from types import SimpleNamespace

    from extractor.retry import _Wait

    wait = _Wait(max_wait=2.0, initial=0.1)
    waits = [wait.backoff(SimpleNamespace(attempt_number=n)) for n in range(1, 9)]
    assert 0.1 <= waits[0] <= 0.2 and 0.4 <= waits[2] <= 0.5
    assert all(w <= 2.0 for w in waits) and waits[-1] == 2.0


@pytest.mark.parametrize("value", ["soon", "", "  ", "Wed, 99 Foo 2024", "1e999999"])
def test_a_retry_after_that_is_not_a_number_or_date_is_no_hint(value: str) -> None:
    hinted = retry_after_seconds(_status_error(429, {"retry-after": value}))
    assert hinted is None or hinted >= 0


def test_a_retry_after_date_is_read() -> None:
    import email.utils

    date = email.utils.formatdate(time.time() + 30, usegmt=True)
    hinted = retry_after_seconds(_status_error(429, {"retry-after": date}))
    assert hinted is not None and 25 <= hinted <= 31


def test_async_deadline_bounds_one_attempt() -> None:
    import asyncio

    from extractor.retry import RequestDeadlineError, acall_with_retries

    calls = []

    async def drip() -> str:
        calls.append(1)
        await asyncio.sleep(30)
        return "never"

    async def go() -> None:
        await acall_with_retries(drip, max_retries=1, initial_wait=0.01, deadline=0.2)

    started = time.perf_counter()
    with pytest.raises(RequestDeadlineError):
        asyncio.run(go())
    assert len(calls) == 2 and time.perf_counter() - started < 3
