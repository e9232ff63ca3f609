"""Shared helpers for the benchmarks: the fake server in its own process, articles, results."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from fake_openai import load_gold_pairs  # noqa: E402

FAKE_KEY = "placeholder-not-a-key"


def timed_batch(
    src: Path, out: Path, settings: Any, concurrency: int, workers: int = 1
) -> tuple[float, int]:
    """(wall seconds, articles done) of one quiet ``run_batch`` over ``src``; raises if any
    article failed."""
    from extractor.batch import run_batch

    started = time.perf_counter()
    summary = run_batch(
        [src], out, concurrency=concurrency, progress=False, settings=settings, workers=workers
    )
    wall = time.perf_counter() - started
    if summary.failed:
        raise RuntimeError(f"{summary.failed} articles failed: {summary.failures[:3]}")
    return wall, summary.done


@contextmanager
def server_process(
    latency: float = 0.0, responder: str | None = None, fault_rate: float = 0.0
) -> Iterator[str]:
    """Run tests/fake_openai.py in another process (no GIL shared with us); yields its URL."""
    args = [sys.executable, str(ROOT / "tests" / "fake_openai.py"), "--port", "0"]
    args += ["--latency", str(latency), "--fault-rate", str(fault_rate)]
    if responder:
        args += ["--responder", responder]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip()
        if not url.startswith("http://127.0.0.1:"):
            raise RuntimeError(f"fake server did not start: {url!r}")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def articles(n: int, tag: str = "a") -> list[tuple[str, str]]:
    """``n`` (id, text) pairs cycling over the gold texts, each made unique by an id line."""
    texts = [t for t, _ in load_gold_pairs()]
    return [(f"{tag}{i:04d}", f"{texts[i % len(texts)]}\n\nMã bài: {tag}{i:04d}") for i in range(n)]


def write_jsonl(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text(
        "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in rows),
        encoding="utf-8",
    )
    return path


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def machine() -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "when": time.strftime("%Y-%m-%d %H:%M:%S"),
    }


def save(name: str, payload: dict[str, Any]) -> Path:
    """Write ``benchmarks/results/<name>.json`` and return its path."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    payload = {"benchmark": name, "machine": machine(), **payload}
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
