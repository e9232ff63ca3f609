import httpx
import openai
import pytest
from pydantic import BaseModel

from extractor.client import CallRecorder, adapt_response_format, openai_client, raw_output
from extractor.settings import Settings
from tests.llm_fakes import Script, completion, fake_client


class Answer(BaseModel):
    value: int


def test_adapter_rewrites_json_schema_for_llama_cpp() -> None:
    schema = {"type": "object", "properties": {"value": {"type": "integer"}}}
    kwargs = {
        "response_format": {"type": "json_schema", "json_schema": {"name": "A", "schema": schema}},
        "messages": [],
    }
    out = adapt_response_format(kwargs)
    assert out["response_format"] == {"type": "json_object", "schema": schema}
    assert kwargs["response_format"]["type"] == "json_schema"  # input untouched
    assert adapt_response_format({"messages": []}) == {"messages": []}


def test_clients_are_built_lazily_and_shared() -> None:
    s = Settings(base_url="http://127.0.0.1:9/v1", api_key="sk-test-x")
    a, b = openai_client(s), openai_client(s)
    assert a is b and isinstance(a, openai.OpenAI) and a.max_retries == 0
    assert isinstance(openai_client(s, is_async=True), openai.AsyncOpenAI)


def test_recorder_counts_tokens_calls_and_keeps_last_output() -> None:
    script = Script([completion({"value": "x"}), completion({"value": 7}, completion_tokens=5)])
    client = fake_client(script)
    recorder = CallRecorder(client.chat.completions.create, Settings())
    create = recorder.patched("tools")
    answer = create(
        model="m", response_model=Answer, max_retries=2, messages=[{"role": "user", "content": "?"}]
    )
    assert answer.value == 7
    assert recorder.calls == 2 and len(script.requests) == 2
    assert recorder.prompt_tokens == 240 and recorder.completion_tokens == 45
    assert recorder.last_output == '{"value": 7}'
    # the re-ask carried the validation error back to the model
    assert "value" in str(script.requests[1]["messages"][-1])


def test_recorder_retries_transport_errors_without_reasking() -> None:
    script = Script(
        [
            httpx.Response(503, json={"error": "busy"}),
            httpx.Response(429, headers={"retry-after": "0"}, json={}),
            completion({"value": 3}),
        ]
    )
    client = fake_client(script)
    recorder = CallRecorder(client.chat.completions.create, Settings(retry_max_wait=0.05))
    answer = recorder.patched("tools")(
        model="m", response_model=Answer, max_retries=0, messages=[{"role": "user", "content": "?"}]
    )
    assert answer.value == 3
    assert recorder.retry_stats.retries == 2 and recorder.calls == 1
    # transport failures never reach the conversation
    assert all(len(r["messages"]) == 1 for r in script.requests)


def test_recorder_applies_adapter_in_json_object_mode() -> None:
    script = Script([completion({"value": 1}, mode="json")])
    client = fake_client(script)
    recorder = CallRecorder(client.chat.completions.create, Settings(), adapt=True)
    recorder.patched("json_object")(
        model="m", response_model=Answer, max_retries=0, messages=[{"role": "user", "content": "?"}]
    )
    assert script.requests[0]["response_format"]["type"] == "json_object"
    assert "schema" in script.requests[0]["response_format"]


def test_raw_output_handles_odd_responses() -> None:
    assert raw_output(None) is None
    assert raw_output(object()) is None


def test_async_recorder() -> None:
    import asyncio

    script = Script([completion({"value": 9})])
    client = fake_client(script, is_async=True)
    recorder = CallRecorder(client.chat.completions.create, Settings())
    create = recorder.patched("tools", is_async=True)

    async def go() -> Answer:
        return await create(
            model="m",
            response_model=Answer,
            max_retries=0,
            messages=[{"role": "user", "content": "?"}],
        )

    assert asyncio.run(go()).value == 9 and recorder.completion_tokens == 40


def test_secrets_are_redacted_from_any_logger_and_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    import logging

    from extractor.client import protect_secret

    secret = "sk-test-REDACT-ME-424242"
    protect_secret(secret)
    caplog.set_level(logging.DEBUG)
    child = logging.getLogger("instructor.v2.retry.brand_new_child")  # made after protecting
    child.error("API call failed: %s", f"Incorrect API key provided: {secret}")
    try:
        raise RuntimeError(f"echo {secret}")
    except RuntimeError:
        logging.getLogger("somebody.else").exception("boom")
    text = caplog.text + "".join(r.exc_text or "" for r in caplog.records)
    assert "Incorrect API key provided: ***" in text and "echo ***" in text
    assert secret not in text


def test_base_url_credentials_are_kept_out_of_labels() -> None:
    from extractor.settings import public_url, url_secrets

    url = "http://user:p%40ss-word@127.0.0.1:8080/v1?api-key=qwerty123"
    assert public_url(url) == "http://127.0.0.1:8080/v1"
    assert {"p@ss-word", "p%40ss-word", "qwerty123"} <= set(url_secrets(url))
    assert "user" not in url_secrets(url)  # a short login is not scrubbed from every log
