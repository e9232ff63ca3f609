"""Batch throughput against the fake server with a fixed latency, at several concurrencies.

For each level, ``run_batch`` (our whole path: requests, validation, grounding, checks,
cache, JSONL) and, side by side, the bare client (AsyncOpenAI + instructor into the plain
SectorReport, nothing else) process the same articles. Reported: articles/s and the ratio
to the ideal ``concurrency / latency``. Goal: ratio >= 0.9 at concurrency 32.

    python benchmarks/bench_throughput.py [--latency 0.2] [--levels 1,8,32,64]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from common import FAKE_KEY, articles, save, server_process, timed_batch, write_jsonl


def _messages(text: str) -> list[dict[str, str]]:
    from extractor.prompting import load_prompt, render_user

    return [
        {"role": "system", "content": load_prompt("extract_system")},
        {"role": "user", "content": render_user(text)},
    ]


async def _bare(url: str, rows: list[tuple[str, str]], concurrency: int) -> float:
    """Seconds for the bare client (openai + instructor, plain SectorReport) on every row."""
    import instructor
    import openai

    from extractor.models import SectorReport

    raw = openai.AsyncOpenAI(base_url=url, api_key=FAKE_KEY, max_retries=0, timeout=60)
    client = instructor.from_openai(raw, mode=instructor.Mode.TOOLS)
    sem = asyncio.Semaphore(concurrency)

    async def one(text: str) -> None:
        async with sem:
            await client.chat.completions.create(
                model="fake-model",
                response_model=SectorReport,
                max_retries=0,
                messages=_messages(text),
            )

    started = time.perf_counter()
    await asyncio.gather(*(one(t) for _, t in rows))
    wall = time.perf_counter() - started
    await raw.close()
    return wall


async def _http(url: str, rows: list[tuple[str, str]], concurrency: int) -> float:
    """Seconds for plain HTTP posts of the same requests: the harness's own ceiling."""
    import httpx2

    sem = asyncio.Semaphore(concurrency)
    limits = httpx2.Limits(max_connections=concurrency + 4)
    async with httpx2.AsyncClient(base_url=url, timeout=60, limits=limits) as http:

        async def one(text: str) -> None:
            async with sem:
                body = {"model": "fake-model", "messages": _messages(text)}
                response = await http.post("/chat/completions", json=body)
                response.json()

        started = time.perf_counter()
        await asyncio.gather(*(one(t) for _, t in rows))
        return time.perf_counter() - started


def _ours(url: str, rows: list[tuple[str, str]], concurrency: int, tmp: Path) -> dict[str, Any]:
    from extractor import Settings

    settings = Settings(
        api_key=FAKE_KEY,
        base_url=url,
        strategy="direct",
        cache_dir=tmp / f"cache{concurrency}",
        timeout=60,
    )
    src = write_jsonl(tmp / f"in{concurrency}.jsonl", rows)
    wall, done = timed_batch(src, tmp / f"out{concurrency}.jsonl", settings, concurrency)
    return {"seconds": wall, "done": done}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--levels", default="1,8,32,64")
    parser.add_argument("--per-level", type=int, default=5, help="articles per unit of concurrency")
    args = parser.parse_args(argv)
    levels = [int(x) for x in args.levels.split(",")]
    rows_out = []
    with server_process(latency=args.latency) as url, tempfile.TemporaryDirectory() as tmp:
        for level in levels:
            n = min(320, max(64, args.per_level * level))
            rows = articles(n, tag=f"c{level}_")
            ideal = level / args.latency
            http = asyncio.run(_http(url, rows, level))
            bare = asyncio.run(_bare(url, rows, level))
            ours = _ours(url, rows, level, Path(tmp))
            row = {
                "concurrency": level,
                "articles": n,
                "ideal_per_s": round(ideal, 2),
                "ours_per_s": round(n / ours["seconds"], 2),
                "ours_ratio": round(n / ours["seconds"] / ideal, 3),
                "plain_http_ratio": round(n / http / ideal, 3),
                "bare_client_per_s": round(n / bare, 2),
                "bare_client_ratio": round(n / bare / ideal, 3),
                "ours_wall_ms_per_article": round(1000 * ours["seconds"] / n, 1),
            }
            rows_out.append(row)
            print(row, flush=True)
    path = save(
        "throughput",
        {
            "latency_s": args.latency,
            "server": "tests/fake_openai.py in its own process, gold answers",
            "levels": rows_out,
            "goal": "ours_ratio >= 0.9 at concurrency 32",
        },
    )
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
