"""Fakes for OpenAI-compatible traffic at the transport level (httpx.MockTransport).

The real openai client, instructor, our retries and the cache all run; only the HTTP
exchange is scripted. Every request body is recorded for assertions.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import openai

Reply = dict[str, Any] | httpx.Response | Exception


def completion(
    payload: dict[str, Any] | str,
    *,
    mode: str = "tools",
    finish_reason: str = "stop",
    prompt_tokens: int = 120,
    completion_tokens: int = 40,
) -> dict[str, Any]:
    """A chat.completion body carrying ``payload`` as tool-call arguments or content."""
    content = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
    message: dict[str, Any] = {"role": "assistant", "content": None}
    if mode == "tools":
        message["tool_calls"] = [
            {
                "id": "call_1",
                "type": "function",
                "function": {"name": "SectorReport", "arguments": content},
            }
        ]
    else:
        message["content"] = content
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 0,
        "model": "fake-model",
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


class Script:
    """Answers requests in order from a list of replies (the last one repeats)."""

    def __init__(self, replies: list[Reply] | Callable[[dict[str, Any]], Reply]) -> None:
        self.replies = replies
        self.requests: list[dict[str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        self.requests.append(body)
        if callable(self.replies):
            reply = self.replies(body)
        else:
            index = min(len(self.requests) - 1, len(self.replies) - 1)
            reply = self.replies[index]
        if isinstance(reply, Exception):
            raise reply
        if isinstance(reply, httpx.Response):
            return reply
        return httpx.Response(200, json=reply)


def fake_client(
    script: Script, *, is_async: bool = False, api_key: str = "placeholder-not-a-key"
) -> Any:
    transport = httpx.MockTransport(script)
    if is_async:
        async_transport = httpx.MockTransport(script)
        return openai.AsyncOpenAI(
            api_key=api_key,
            base_url="http://fake.test/v1",
            max_retries=0,
            http_client=httpx.AsyncClient(transport=async_transport),
        )
    return openai.OpenAI(
        api_key=api_key,
        base_url="http://fake.test/v1",
        max_retries=0,
        http_client=httpx.Client(transport=transport),
    )
