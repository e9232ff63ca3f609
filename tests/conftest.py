"""Shared fixtures: the fake OpenAI-compatible server (tests/fake_openai.py)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from fake_openai import FakeOpenAI, GoldResponder, load_gold_pairs  # noqa: E402


@pytest.fixture(scope="session")
def gold_pairs() -> list[tuple[str, dict[str, Any]]]:
    """(article text, gold report) for every gold file (the built-in fixture if none)."""
    return load_gold_pairs()


@pytest.fixture
def fake_server() -> Iterator[Callable[..., FakeOpenAI]]:
    """Factory: ``fake_server(responder=None, faults=..., latency=...)`` -> a started
    :class:`FakeOpenAI` (gold answers by default); every server is stopped afterwards."""
    started: list[FakeOpenAI] = []

    def make(responder: Any = None, **kwargs: Any) -> FakeOpenAI:
        server = FakeOpenAI(responder or GoldResponder(load_gold_pairs()), **kwargs).start()
        started.append(server)
        return server

    yield make
    for server in started:
        server.stop()
