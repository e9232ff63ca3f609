"""The HTTP service's cost, side by side: the same articles through ``POST /v1/extract``
(``extractor serve`` in its own process, httpx keeping ``--clients`` requests in flight) and
through ``aextract_many`` in this process, at the same concurrency.

Two settings: offline (rules, CPU-bound) and an endpoint (the fake server in its own
process, fixed latency, no cache). Writes ``benchmarks/results/serve.json``.

    python benchmarks/bench_serve.py [--articles 200] [--latency 0.2] [--concurrency 32]
        [--clients N]   # default: as many requests in flight as the concurrency
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from common import ROOT, articles, median, save, server_process

from extractor.batch import aextract_many
from extractor.settings import Settings


def start_service(env: dict[str, str], log: Path) -> tuple[subprocess.Popen[bytes], str]:
    fh = log.open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "extractor.cli", "serve", "--port", "0"],
        stdout=fh,
        stderr=subprocess.STDOUT,
        env=env,
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = re.search(r"listening on (http://127\.0\.0\.1:\d+)", log.read_text("utf-8"))
        if found:
            return proc, found.group(1)
        time.sleep(0.05)
    proc.kill()
    raise RuntimeError(log.read_text("utf-8"))


def peak_rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024  # type: ignore[union-attr]


async def through_service(url: str, rows: list[tuple[str, str]], clients: int) -> dict[str, Any]:
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    sem = asyncio.Semaphore(clients)
    async with httpx.AsyncClient(base_url=url, timeout=300, limits=limits) as client:

        async def one(ident: str, text: str) -> float:
            async with sem:
                t0 = time.perf_counter()
                r = await client.post("/v1/extract", json={"text": text, "id": ident})
                r.raise_for_status()
                return time.perf_counter() - t0

        t0 = time.perf_counter()
        lat = sorted(await asyncio.gather(*(one(i, t) for i, t in rows)))
        wall = time.perf_counter() - t0
    return {
        "wall_s": round(wall, 3),
        "per_s": round(len(rows) / wall, 1),
        "p50_ms": round(median(lat) * 1000),
        "p95_ms": round(lat[int(len(lat) * 0.95)] * 1000),
    }


async def in_process(rows: list[tuple[str, str]], concurrency: int, settings: Settings) -> dict:
    t0 = time.perf_counter()
    out = await aextract_many(rows, concurrency=concurrency, settings=settings)
    wall = time.perf_counter() - t0
    assert all(r.ok for r in out), [r.error for r in out if not r.ok][:3]
    return {"wall_s": round(wall, 3), "per_s": round(len(rows) / wall, 1)}


def run_case(
    name: str, env: dict[str, str], rows: list, concurrency: int, clients: int, tmp: Path
) -> dict:
    settings = Settings.from_env(env)
    library = asyncio.run(in_process(rows, concurrency, settings))
    proc, url = start_service(env, tmp / f"{name}.log")
    try:
        service = asyncio.run(through_service(url, rows, clients))
        service["peak_rss_mb"] = round(peak_rss_mb(proc.pid))
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    ratio = round(service["per_s"] / library["per_s"], 2)
    print(f"{name}: service {service}, library {library}, throughput ratio {ratio}")
    return {"service": service, "library": library, "service_over_library": ratio}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--latency", type=float, default=0.2)
    ap.add_argument("--concurrency", type=int, default=32)
    ap.add_argument(
        "--clients", type=int, help="requests in flight to the service (default: as concurrency)"
    )
    args = ap.parse_args()
    rows = articles(args.articles, "s")
    base = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "EXTRACTOR_"))}
    base["PYTHONPATH"] = str(ROOT)
    cpus = os.cpu_count() or 2
    results: dict[str, Any] = {"articles": args.articles}
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        offline = {
            **base,
            "EXTRACTOR_CACHE_DIR": str(tmp / "c1"),
            "EXTRACTOR_CONCURRENCY": str(cpus),
        }
        results["offline_rules"] = run_case(
            f"offline rules, c={cpus}", offline, rows, cpus, args.clients or cpus, tmp
        )
        with server_process(latency=args.latency) as fake:
            endpoint = {
                **base,
                "EXTRACTOR_CACHE_DIR": str(tmp / "c2"),
                "OPENAI_BASE_URL": fake,
                "OPENAI_API_KEY": "placeholder-not-a-key",
                "EXTRACTOR_NO_CACHE": "1",
                "EXTRACTOR_CONCURRENCY": str(args.concurrency),
            }
            results["endpoint"] = run_case(
                f"endpoint {args.latency}s c={args.concurrency}",
                endpoint,
                rows,
                args.concurrency,
                args.clients or args.concurrency,
                tmp,
            )
    results["latency_s"] = args.latency
    results["concurrency"] = args.concurrency
    results["clients"] = args.clients
    print(f"wrote {save('serve', results)}")


if __name__ == "__main__":
    main()
