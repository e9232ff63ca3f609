"""Our per-article overhead outside the model, and a warm-cache rerun of 1,000 articles.

The "model" is an in-process, zero-latency responder behind ``httpx2.MockTransport`` (the
transport library this openai release uses), so no socket and no server thread count.
For every gold text, interleaved: ``extract_report`` (direct strategy, no cache) and the
bare call (openai + instructor into the plain SectorReport, same messages). Overhead =
median(ours) - median(bare) per text; reported: the median over texts (goal < 5 ms),
and where our time goes (cProfile, cumulative, our functions).

Then 1,000 articles through ``run_batch`` into a fresh cache, and again into a new
output from the warm cache (goal < 5 s).

    python benchmarks/bench_overhead.py [--reps 9] [--articles 1000]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import tempfile
import time
from pathlib import Path
from typing import Any

from common import FAKE_KEY, articles, median, save, write_jsonl
from fake_openai import GoldResponder, answer_body, load_gold_pairs


def mock_client(responder: GoldResponder, *, is_async: bool = False) -> Any:
    import httpx2
    import openai

    def handler(request: httpx2.Request) -> httpx2.Response:
        return httpx2.Response(200, json=answer_body(json.loads(request.content), responder))

    transport = httpx2.MockTransport(handler)
    if is_async:
        return openai.AsyncOpenAI(
            api_key=FAKE_KEY,
            base_url="http://mock.invalid/v1",
            max_retries=0,
            http_client=httpx2.AsyncClient(transport=transport),
        )
    return openai.OpenAI(
        api_key=FAKE_KEY,
        base_url="http://mock.invalid/v1",
        max_retries=0,
        http_client=httpx2.Client(transport=transport),
    )


def _messages(text: str) -> list[dict[str, str]]:
    from extractor.prompting import load_prompt, render_user

    return [
        {"role": "system", "content": load_prompt("extract_system")},
        {"role": "user", "content": render_user(text)},
    ]


def per_article(reps: int, tmp: Path) -> dict[str, Any]:
    import instructor

    from extractor import Settings, extract_report
    from extractor.models import SectorReport

    pairs = load_gold_pairs()
    responder = GoldResponder(pairs)
    client = mock_client(responder)
    bare = instructor.from_openai(client, mode=instructor.Mode.TOOLS)
    settings = Settings(
        api_key=FAKE_KEY, strategy="direct", use_cache=False, cache_dir=tmp / "unused"
    )

    def ours(text: str) -> float:
        started = time.perf_counter()
        extract_report(text, client=client, settings=settings)
        return time.perf_counter() - started

    def raw(text: str) -> float:
        started = time.perf_counter()
        bare.chat.completions.create(
            model="fake-model",
            response_model=SectorReport,
            messages=_messages(text),
            max_retries=0,
            temperature=0.0,
            max_tokens=4096,
        )
        return time.perf_counter() - started

    rows = []
    for text, gold in pairs:
        ours(text), raw(text)  # warm up (prompt/schema caches, imports)
        t_ours: list[float] = []
        t_raw: list[float] = []
        for _ in range(reps):
            t_ours.append(ours(text))
            t_raw.append(raw(text))
        figures = len(gold.get("achievements", [])) + len(gold.get("targets", []))
        rows.append(
            {
                "chars": len(text),
                "figures": figures,
                "ours_ms": round(1000 * median(t_ours), 2),
                "bare_ms": round(1000 * median(t_raw), 2),
                "overhead_ms": round(1000 * (median(t_ours) - median(t_raw)), 2),
            }
        )
        print(rows[-1], flush=True)

    profile = cProfile.Profile()
    profile.enable()
    for text, _ in pairs:
        extract_report(text, client=client, settings=settings)
    profile.disable()
    stats = pstats.Stats(profile)
    total = sum(v[3] for k, v in stats.stats.items() if k[2] == "extract_report")  # type: ignore[attr-defined]
    hot = []
    for (file, _, func), (_, _, _, cum, _) in stats.stats.items():  # type: ignore[attr-defined]
        if "/extractor/" in file or func in ("generate_openai_schema", "prepare_request"):
            hot.append((cum, f"{Path(file).name}:{func}"))
    hot.sort(reverse=True)
    return {
        "texts": rows,
        "median_overhead_ms": round(median([r["overhead_ms"] for r in rows]), 2),
        "median_ours_ms": round(median([r["ours_ms"] for r in rows]), 2),
        "median_bare_ms": round(median([r["bare_ms"] for r in rows]), 2),
        "profile_total_ms_for_all_texts": round(1000 * total, 1),
        "profile_top_cumulative_ms": [
            {"function": name, "ms": round(1000 * cum, 1)} for cum, name in hot[:15]
        ],
    }


def warm_cache(n: int, tmp: Path) -> dict[str, Any]:
    from extractor import Settings
    from extractor.batch import run_batch

    responder = GoldResponder(load_gold_pairs())
    client = mock_client(responder, is_async=True)
    settings = Settings(api_key=FAKE_KEY, strategy="direct", cache_dir=tmp / "cache")
    src = write_jsonl(tmp / "in.jsonl", articles(n))
    started = time.perf_counter()
    cold = run_batch([src], tmp / "cold.jsonl", progress=False, settings=settings, client=client)
    cold_s = time.perf_counter() - started
    started = time.perf_counter()
    warm = run_batch([src], tmp / "warm.jsonl", progress=False, settings=settings, client=client)
    warm_s = time.perf_counter() - started
    if cold.failed or warm.failed or warm.cached != n:
        raise RuntimeError(f"unexpected: cold {cold.failed} failed, warm {warm.cached}/{n} hits")
    return {
        "articles": n,
        "cold_seconds": round(cold_s, 2),
        "warm_seconds": round(warm_s, 2),
        "warm_ms_per_article": round(1000 * warm_s / n, 3),
        "warm_cache_hits": warm.cached,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=9)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        overhead = per_article(args.reps, Path(tmp))
        print({k: v for k, v in overhead.items() if k != "texts"}, flush=True)
        cache = warm_cache(args.articles, Path(tmp))
        print(cache, flush=True)
    path = save(
        "overhead",
        {
            "per_article": overhead,
            "warm_cache_rerun": cache,
            "goals": {"median_overhead_ms": "< 5", "warm_seconds_1000": "< 5"},
        },
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
