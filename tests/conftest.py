"""Shared fixtures: a hermetic environment for every test, and the fake
OpenAI-compatible server (tests/fake_openai.py)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from fake_openai import FakeOpenAI, GoldResponder, load_gold_pairs  # noqa: E402


@pytest.fixture(autouse=True)
def _hermetic_env(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
    request: pytest.FixtureRequest,
) -> None:
    """No real endpoint, key or user cache leaks into a test (live tests excepted)."""
    if request.node.get_closest_marker("live"):
        return
    for name in list(os.environ):
        if name.startswith(("OPENAI_", "EXTRACTOR_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("EXTRACTOR_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


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
