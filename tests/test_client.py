import httpx
import openai
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
