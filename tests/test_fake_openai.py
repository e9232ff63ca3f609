"""The fake OpenAI-compatible server, driven by the real openai client and instructor."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import instructor
import openai
import pytest
from fake_openai import (
    FAULT_KINDS,
    FIXTURE_ARTICLE,
    FIXTURE_REPORT,
    AttemptSchedule,
    FakeOpenAI,
    FakeRequest,
    Fault,
    GoldResponder,
    SeededFaults,
    answer_body,
    article_key,
    corrupt_figure,
    find_article,
    schema_invalid,
)
from instructor.core.exceptions import IncompleteOutputException
from pydantic import ValidationError

from extractor.models import SectorReport

Factory = Callable[..., FakeOpenAI]
KEY = "placeholder-not-a-key"


def _client(server: FakeOpenAI, timeout: float = 5.0, key: str = KEY) -> openai.OpenAI:
    return openai.OpenAI(base_url=server.base_url, api_key=key, max_retries=0, timeout=timeout)


def _messages(text: str) -> list[dict[str, str]]:
    return [
        {"role": "system", "content": "Extract a SectorReport."},
        {"role": "user", "content": f"Extract.\n\n<article>\n{text}\n</article>"},
    ]


def _ask(server: FakeOpenAI, text: str, mode: instructor.Mode, **kw: Any) -> SectorReport:
    client = instructor.from_openai(_client(server, **kw), mode=mode)
    return client.chat.completions.create(
        model="fake-model", response_model=SectorReport, messages=_messages(text), max_retries=0
    )


def _raw(server: FakeOpenAI, text: str, **kw: Any) -> Any:
    return _client(
        server, **{k: v for k, v in kw.items() if k == "timeout"}
    ).chat.completions.create(model="fake-model", messages=_messages(text))


# --------------------------------------------------------------------------- answers


@pytest.mark.parametrize("mode", [instructor.Mode.TOOLS, instructor.Mode.JSON_SCHEMA])
def test_gold_answer_round_trips_through_instructor(
    fake_server: Factory, gold_pairs: list[tuple[str, dict[str, Any]]], mode: instructor.Mode
) -> None:
    server = fake_server()
    text, gold = gold_pairs[0]
    report = _ask(server, text, mode)
    assert report.model_dump() == SectorReport.model_validate(gold).model_dump()
    assert server.count == 1
    body = server.requests[0].body or {}
    assert ("tools" in body) == (mode == instructor.Mode.TOOLS)
    assert ("response_format" in body) == (mode == instructor.Mode.JSON_SCHEMA)


def test_tool_call_shape_usage_and_json_object_mode(fake_server: Factory) -> None:
    server = fake_server(GoldResponder([(FIXTURE_ARTICLE, FIXTURE_REPORT)]))
    client = _client(server)
    tools = [{"type": "function", "function": {"name": "Rep", "parameters": {}}}]
    resp = client.chat.completions.create(
        model="m",
        messages=_messages(FIXTURE_ARTICLE),
        tools=tools,  # type: ignore[arg-type]
        tool_choice={"type": "function", "function": {"name": "Rep"}},
    )
    call = resp.choices[0].message.tool_calls[0]  # type: ignore[index]
    assert call.function.name == "Rep"  # type: ignore[union-attr]
    assert json.loads(call.function.arguments)["plan_year"] == 2023  # type: ignore[union-attr]
    assert resp.usage is not None and resp.usage.prompt_tokens > 50
    assert resp.usage.total_tokens == resp.usage.prompt_tokens + resp.usage.completion_tokens
    resp2 = client.chat.completions.create(
        model="m", messages=_messages(FIXTURE_ARTICLE), response_format={"type": "json_object"}
    )
    assert json.loads(resp2.choices[0].message.content or "")["sector"] == "Công Thương"
    assert resp2.model == "m"


def test_gold_responder_finds_text_with_id_line_and_chunks(
    gold_pairs: list[tuple[str, dict[str, Any]]],
) -> None:
    responder = GoldResponder(gold_pairs)
    text, gold = gold_pairs[-1]
    assert responder.report_for(text + "\n\nMã bài: a0001") == gold
    metrics = [m for m in gold["achievements"] + gold["targets"]]
    assert metrics, "gold without figures cannot test chunk lookup"
    chunk = metrics[0]["evidence"] + " ... " + metrics[-1]["evidence"]
    part = responder.report_for(chunk)
    got = {m["evidence"] for m in part["achievements"] + part["targets"]}
    assert {metrics[0]["evidence"], metrics[-1]["evidence"]} <= got
    assert all(m["evidence"] in chunk for m in part["achievements"] + part["targets"])
    empty = responder.report_for("An English text with no figures from any article.")
    assert not any(empty[f] for f in ("officials", "achievements", "targets", "awards"))


def test_gold_has_no_optional_keys(gold_pairs: list[tuple[str, dict[str, Any]]]) -> None:
    for _, gold in gold_pairs:
        assert "optional" not in json.dumps(gold)
        SectorReport.model_validate(gold)


def test_find_article_and_key() -> None:
    body = {"messages": _messages("  Bài viết  ")}
    assert find_article(body) == "Bài viết"
    assert find_article({"messages": [{"role": "user", "content": "plain"}]}) == "plain"
    parts = [{"type": "text", "text": "<article>x</article>"}]
    assert find_article({"messages": [{"role": "user", "content": parts}]}) == "x"
    assert article_key(" a ") == article_key("a") != article_key("b")


# --------------------------------------------------------------------------- faults


@pytest.mark.parametrize(
    ("kind", "error"),
    [
        ("429", openai.RateLimitError),
        ("500", openai.InternalServerError),
        ("503", openai.InternalServerError),
        ("400", openai.BadRequestError),
        ("reset", openai.APIConnectionError),
        ("timeout", openai.APITimeoutError),
        ("malformed", json.JSONDecodeError),
    ],
)
def test_transport_faults_reach_the_client_as_errors(
    fake_server: Factory, kind: str, error: type[Exception]
) -> None:
    server = fake_server(
        GoldResponder([(FIXTURE_ARTICLE, FIXTURE_REPORT)]),
        faults=AttemptSchedule([Fault(kind, retry_after=7, delay=1.0)]),
    )
    with pytest.raises(error) as info:
        _raw(server, FIXTURE_ARTICLE, timeout=0.3)
    if kind == "429":
        assert info.value.response.headers["retry-after"] == "7"  # type: ignore[attr-defined]
    # the schedule only covers attempt 1: the next request is answered
    ok = _raw(server, FIXTURE_ARTICLE)
    assert ok.choices[0].finish_reason == "stop"
    assert [r.attempt for r in server.requests] == [1, 2]
    assert [r.fault for r in server.requests] == [kind, None]


def test_content_faults_change_the_answer(fake_server: Factory) -> None:
    server = fake_server(
        GoldResponder([(FIXTURE_ARTICLE, FIXTURE_REPORT)]),
        faults=AttemptSchedule(["wrong_figure", "schema_invalid", "truncated"]),
    )
    wrong = SectorReport.model_validate_json(
        _raw(server, FIXTURE_ARTICLE).choices[0].message.content
    )
    assert wrong.achievements[0].value != FIXTURE_REPORT["achievements"][0]["value"]
    assert wrong.achievements[1:] == SectorReport.model_validate(FIXTURE_REPORT).achievements[1:]
    invalid = _raw(server, FIXTURE_ARTICLE).choices[0].message.content or ""
    with pytest.raises(ValidationError):
        SectorReport.model_validate_json(invalid)
    cut = _raw(server, FIXTURE_ARTICLE).choices[0]
    assert cut.finish_reason == "length"
    with pytest.raises(ValueError):
        json.loads(cut.message.content or "")


def test_truncated_tool_call_makes_instructor_raise(fake_server: Factory) -> None:
    server = fake_server(
        GoldResponder([(FIXTURE_ARTICLE, FIXTURE_REPORT)]), faults=AttemptSchedule(["truncated"])
    )
    with pytest.raises(IncompleteOutputException):
        _ask(server, FIXTURE_ARTICLE, instructor.Mode.TOOLS)


def test_reask_after_wrong_answer_carries_the_error(fake_server: Factory) -> None:
    server = fake_server(
        GoldResponder([(FIXTURE_ARTICLE, FIXTURE_REPORT)]),
        faults=AttemptSchedule(["schema_invalid"]),
    )
    client = instructor.from_openai(_client(server), mode=instructor.Mode.TOOLS)
    report = client.chat.completions.create(
        model="m", response_model=SectorReport, messages=_messages(FIXTURE_ARTICLE), max_retries=1
    )
    assert report.model_dump() == SectorReport.model_validate(FIXTURE_REPORT).model_dump()
    first, second = server.requests
    assert second.messages[: len(first.messages)] == first.messages
    assert len(second.messages) > len(first.messages)
    assert "confidence" in second.text() and "confidence" not in first.text()


def test_corrupt_and_invalid_helpers() -> None:
    wrong = corrupt_figure(FIXTURE_REPORT)
    assert wrong["achievements"][0]["value"] != FIXTURE_REPORT["achievements"][0]["value"]
    assert FIXTURE_REPORT["achievements"][0]["value"] == 12450000000000.0  # input untouched
    no_figures = corrupt_figure({"officials": []})
    assert no_figures["achievements"][0]["value"] == 424242.0
    with pytest.raises(ValidationError):
        SectorReport.model_validate(schema_invalid({"officials": []}))
    with pytest.raises(ValueError):
        Fault("teapot")
    assert {"429", "reset", "wrong_figure", "truncated"} <= FAULT_KINDS


def test_seeded_faults_are_deterministic_and_near_the_rate() -> None:
    a = SeededFaults(rate=0.2, seed=3, max_faulty=2)
    b = SeededFaults(rate=0.2, seed=3, max_faulty=2)
    c = SeededFaults(rate=0.2, seed=4, max_faulty=2)
    keys = [article_key(f"bài {i}") for i in range(2000)]
    draws = [a.draw(k, 1) for k in keys]
    assert draws == [b.draw(k, 1) for k in keys]
    assert draws != [c.draw(k, 1) for k in keys]
    rate = sum(d is not None for d in draws) / len(draws)
    assert 0.17 < rate < 0.23
    assert set(d for d in draws if d) == set(a.kinds)
    assert all(a.draw(k, 3) is None for k in keys)  # beyond max_faulty: always clean
    perm = SeededFaults(rate=0.0, permanent=lambda t: "500" if "HỎNG" in t else None)
    req = FakeRequest(0, "/v1/chat/completions", {}, "bài HỎNG", "k", 9)
    fault = perm(req)
    assert fault is not None and fault.kind == "500"
    assert perm(FakeRequest(0, "/", {}, "bài tốt", "k", 1)) is None


def test_latency_and_concurrent_requests(fake_server: Factory) -> None:
    server = fake_server(GoldResponder([(FIXTURE_ARTICLE, FIXTURE_REPORT)]), latency=0.3)
    import concurrent.futures

    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda _: _raw(server, FIXTURE_ARTICLE), range(8)))
    assert time.perf_counter() - started >= 0.3  # the latency is applied
    assert len(results) == 8 and server.count == 8
    assert server.peak_in_flight >= 4  # served side by side, not one after another
    # a handler counts itself out just after the client has its answer: wait for the last
    deadline = time.perf_counter() + 5
    while server.in_flight and time.perf_counter() < deadline:
        time.sleep(0.01)
    assert server.in_flight == 0
    assert sorted(r.attempt for r in server.requests) == list(range(1, 9))


# --------------------------------------------------------------------------- routing, auth


def test_unknown_route_and_bad_body(fake_server: Factory) -> None:
    server = fake_server()
    with httpx.Client(base_url=server.base_url) as http:
        assert http.post("/embeddings", json={}).status_code == 404
        assert http.post("/chat/completions", content=b"not json").status_code == 400
        assert http.get("/models").json()["data"][0]["id"] == "fake-model"
    assert server.per_path() == {"/v1/embeddings": 1, "/v1/chat/completions": 1}


def test_api_key_checked_and_optionally_echoed(fake_server: Factory) -> None:
    secret = "sk-test-SECRET-000"
    quiet = fake_server(GoldResponder([(FIXTURE_ARTICLE, FIXTURE_REPORT)]), api_key=secret)
    assert (
        _client(quiet, key=secret)
        .chat.completions.create(model="m", messages=_messages(FIXTURE_ARTICLE))
        .choices
    )
    with pytest.raises(openai.AuthenticationError) as info:
        _client(quiet, key="sk-test-wrong-key").chat.completions.create(
            model="m", messages=_messages(FIXTURE_ARTICLE)
        )
    assert "sk-test-wrong-key" not in str(info.value)
    assert [r.authorized for r in quiet.requests] == [True, False]
    loud = fake_server(
        GoldResponder([(FIXTURE_ARTICLE, FIXTURE_REPORT)]), api_key=secret, echo_key=True
    )
    with pytest.raises(openai.AuthenticationError) as info:
        _client(loud, key="sk-test-wrong-key").chat.completions.create(
            model="m", messages=_messages(FIXTURE_ARTICLE)
        )
    assert "sk-test-wrong-key" in str(info.value)


def test_loopback_only_and_stop_frees_the_port() -> None:
    with pytest.raises(ValueError):
        FakeOpenAI(host="0.0.0.0")
    server = FakeOpenAI(
        GoldResponder([(FIXTURE_ARTICLE, FIXTURE_REPORT)]),
        faults=AttemptSchedule([Fault("timeout", delay=30)]),
    ).start()
    port = server.port
    with pytest.raises(openai.APITimeoutError):
        _raw(server, FIXTURE_ARTICLE, timeout=0.2)
    started = time.perf_counter()
    server.stop()  # does not wait for the sleeping handler
    assert time.perf_counter() - started < 3
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


def test_answer_body_without_a_server() -> None:
    body = {"model": "m", "messages": _messages(FIXTURE_ARTICLE)}
    out = answer_body(body, GoldResponder([(FIXTURE_ARTICLE, FIXTURE_REPORT)]))
    assert json.loads(out["choices"][0]["message"]["content"]) == FIXTURE_REPORT
    tools = [{"type": "function", "function": {"name": "R", "parameters": {}}}]
    out = answer_body({**body, "tools": tools}, GoldResponder([(FIXTURE_ARTICLE, FIXTURE_REPORT)]))
    assert out["choices"][0]["message"]["tool_calls"][0]["function"]["name"] == "R"


def test_standalone_server_process() -> None:
    script = Path(__file__).with_name("fake_openai.py")
    proc = subprocess.Popen(
        [sys.executable, str(script), "--port", "0", "--latency", "0.01"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        base_url = proc.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/v1")
        client = openai.OpenAI(base_url=base_url, api_key=KEY, max_retries=0, timeout=10)
        reply = client.chat.completions.create(model="m", messages=_messages("không có số liệu"))
        assert json.loads(reply.choices[0].message.content or "")["achievements"] == []
    finally:
        proc.terminate()
        proc.wait(timeout=10)
