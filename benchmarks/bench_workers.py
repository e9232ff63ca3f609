"""Batch workers and our CPU per article, side by side in one run (issue 15).

1. Offline (rules) batch, ``workers=1`` vs ``workers=2``, the same articles: wall time, the
   speed-up (goal >= 1.7x on 2 cores) and whether the JSONL lines are identical apart from
   timing (``usage.seconds``). The load average before and after is recorded: the machine
   is shared, and another job on one of two cores halves what a second worker can add.
2. Endpoint batch against the fake server (its own process) at a fixed latency (200 ms)
   and concurrency 32, 1,000 articles: ``run_batch`` with one process vs with workers,
   as a share of the ideal ``concurrency / latency`` (goal >= 0.9); in the same run, plain
   HTTP posts (the ceiling of this harness: the fake server shares the two cores) and the
   bare openai + instructor client, in one process and split over as many processes as
   workers (what the SDK alone reaches with every core). Variants alternate, repeated
   ``--endpoint-reps`` times; medians. Each row has its CPU per article (client side, all
   processes; the fake server) and the cores that CPU would take at the ideal rate.
3. Our CPU per article outside the SDK, on the 13 gold texts with a zero-latency
   in-process responder (``httpx2.MockTransport``): each stage timed (the SDK call --
   openai + instructor, our retry wrapper inside it --, verification, checks, prompt and
   request building, parsing the answer into our model), ``ours = total - SDK``; and,
   as a cross-check, ``extract_report`` minus the bare openai + instructor call on the
   same messages. Goal: median ours <= 3 ms. Then a cProfile of the same calls, our
   functions only (tottime: where the CPU itself goes).

    python benchmarks/bench_workers.py [--offline 600] [--articles 1000] [--latency 0.2]
        [--concurrency 32] [--workers 2] [--reps 9] [--offline-reps 3] [--offline-concurrency 1]
        [--endpoint-reps 2] [--skip offline,endpoint,cpu]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import (
    FAKE_KEY,
    articles,
    median,
    save,
    server_process,
    timed_batch,
    write_jsonl,
)


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def _child_cpu(marker: bytes, *, reaped: bool = False) -> float:
    """CPU seconds used so far by our child processes whose command line has ``marker``;
    ``reaped``: by the children *they* have waited for (the forkserver's: our workers)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            cmd = (stat.parent / "cmdline").read_bytes()
            fields = stat.read_text().rsplit(") ", 1)[1].split()
        except OSError:
            continue
        if marker in cmd and int(fields[1]) == os.getpid():
            used = fields[13:15] if reaped else fields[11:13]
            total += (int(used[0]) + int(used[1])) / os.sysconf("SC_CLK_TCK")
    return total


def _server_cpu() -> float:
    """CPU seconds used so far by the fake server (our child process running fake_openai)."""
    return _child_cpu(b"fake_openai.py")


def _workers_cpu() -> float:
    """CPU seconds of the batch workers that have ended (the forkserver reaps them)."""
    return _child_cpu(b"multiprocessing.forkserver", reaped=True)


def _untimed(raw: str) -> list[dict[str, Any]]:
    out = []
    for line in raw.splitlines():
        obj = json.loads(line)
        if isinstance(obj.get("usage"), dict):
            obj["usage"].pop("seconds", None)
        out.append(obj)
    return out


_OFFLINE_CHILD = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, {bench!r})
from bench_workers import _workers_cpu
from extractor import Settings
from extractor.batch import run_batch
settings = Settings(strategy="rules", use_cache=False, cache_dir=Path({tmp!r}) / "unused")
# start-up, not timed: imports (with workers: the forkserver) and a first small batch
run_batch([{warm!r}], {warm_out!r}, progress=False, settings=settings, workers={w},
          concurrency={c})
w0, started, c0 = _workers_cpu(), time.perf_counter(), time.process_time()
summary = run_batch([{src!r}], {out!r}, progress=False, settings=settings, workers={w},
                    concurrency={c})
wall = time.perf_counter() - started
parent = time.process_time() - c0
print(json.dumps({{"wall": wall, "parent": parent, "total": parent + _workers_cpu() - w0,
                  "done": summary.done}}))
"""


def offline(n: int, workers: int, reps: int, concurrency: int, tmp: Path) -> dict[str, Any]:
    """Each run in a fresh process, as a CLI batch runs, on articles it has never seen:
    a long-lived process that has already extracted the same texts answers from warm
    caches (what a real batch never has), which would flatter the one-process side."""
    import subprocess

    load_before = _load()
    walls: dict[int, list[float]] = {1: [], workers: []}
    parent_cpu: dict[int, list[float]] = {1: [], workers: []}
    total_cpu: dict[int, list[float]] = {1: [], workers: []}
    warm = write_jsonl(tmp / "offline_warm.jsonl", articles(2 * workers, tag="warm"))
    outs: dict[int, Path] = {}
    for rep in range(reps):
        for w in (1, workers):  # alternating: drift in the machine's load hits both
            # the same articles for both sides of a rep (their lines are compared), new
            # ones each rep; each side in its own fresh process
            src = write_jsonl(tmp / f"offline_{rep}.jsonl", articles(n, tag=f"o{rep}_"))
            outs[w] = tmp / f"offline_{rep}_w{w}.jsonl"
            code = _OFFLINE_CHILD.format(
                bench=str(Path(__file__).parent),
                tmp=str(tmp),
                warm=str(warm),
                warm_out=str(tmp / f"warm_{rep}_{w}.jsonl"),
                src=str(src),
                out=str(outs[w]),
                w=w,
                c=concurrency,
            )
            done = subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            )
            got = json.loads(done.stdout.strip().splitlines()[-1])
            if got["done"] != n:
                raise RuntimeError(f"workers={w}: {got['done']}/{n} done")
            walls[w].append(got["wall"])
            parent_cpu[w].append(got["parent"])
            total_cpu[w].append(got["total"])
            print(f"  workers={w}: {got['wall']:.2f} s, load {_load()}", flush=True)
    a = _untimed(outs[1].read_text(encoding="utf-8"))
    b = _untimed(outs[workers].read_text(encoding="utf-8"))
    one, many = median(walls[1]), median(walls[workers])
    cpu_one, cpu_many = median(total_cpu[1]), median(total_cpu[workers])
    return {
        "articles": n,
        "workers": workers,
        "concurrency": concurrency,
        "reps": reps,
        "seconds_1_worker_median": round(one, 2),
        f"seconds_{workers}_workers_median": round(many, 2),
        "speedup_median": round(one / many, 2),
        "speedup_best": round(min(walls[1]) / min(walls[workers]), 2),
        "seconds_each": {str(w): [round(x, 2) for x in v] for w, v in walls.items()},
        "cpu_ms_per_article_1_worker": round(1000 * cpu_one / n, 2),
        f"cpu_ms_per_article_{workers}_workers_all_processes": round(1000 * cpu_many / n, 2),
        "batch_process_cpu_ms_per_article_with_workers": round(
            1000 * median(parent_cpu[workers]) / n, 2
        ),
        # What the same CPU would give on idle cores: work / (work spread over the workers)
        "speedup_if_cores_were_idle": round(workers * cpu_one / cpu_many, 2),
        "same_lines_apart_from_timing": a == b,
        "load_average_before": load_before,
        "load_average_after": _load(),
        "goal": "speedup >= 1.7 with 2 workers on 2 cores, same lines",
    }


def _bare_child(
    url: str, rows: list[tuple[str, str]], concurrency: int, barrier: Any, out: Any
) -> None:
    """One process of the bare client: waits for the others, then runs its share."""
    import asyncio

    from bench_throughput import _bare

    asyncio.run(_bare(url, rows[:8], min(8, concurrency)))  # connections and imports warm
    barrier.wait()
    started, cpu0 = time.perf_counter(), time.process_time()
    asyncio.run(_bare(url, rows, concurrency))
    out.put((started, time.perf_counter(), time.process_time() - cpu0))


def _bare_processes(
    url: str, rows: list[tuple[str, str]], concurrency: int, k: int
) -> tuple[float, float]:
    """(wall seconds, CPU seconds) for the bare client split over ``k`` processes, each
    with ``concurrency / k`` in flight: what the SDK alone reaches with every core."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    barrier, out = ctx.Barrier(k), ctx.Queue()
    procs = [
        ctx.Process(target=_bare_child, args=(url, rows[i::k], concurrency // k, barrier, out))
        for i in range(k)
    ]
    for proc in procs:
        proc.start()
    got = [out.get(timeout=600) for _ in procs]
    for proc in procs:
        proc.join(30)
    return max(g[1] for g in got) - min(g[0] for g in got), sum(g[2] for g in got)


def endpoint(
    n: int, latency: float, concurrency: int, workers: int, reps: int, tmp: Path
) -> dict[str, Any]:
    """Every variant on the same fake server, alternating, ``reps`` times; medians."""
    import asyncio

    from bench_throughput import _bare, _http

    from extractor import Settings

    ideal = concurrency / latency
    samples: dict[str, list[dict[str, float]]] = defaultdict(list)
    load_before = _load()
    with server_process(latency=latency) as url:
        same = articles(n, tag="ceiling_")

        def one_process(run: Any) -> Callable[[], tuple[float, float]]:
            def go() -> tuple[float, float]:
                cpu0 = time.process_time()
                wall = asyncio.run(run(url, same, concurrency))
                return wall, time.process_time() - cpu0

            return go

        def ours(w: int, rep: int) -> Callable[[], tuple[float, float]]:
            def go() -> tuple[float, float]:
                settings = Settings(
                    api_key=FAKE_KEY,
                    base_url=url,
                    strategy="direct",
                    cache_dir=tmp / f"cache_{w}_{rep}",
                    timeout=60,
                )
                src = write_jsonl(tmp / f"ep{w}_{rep}.jsonl", articles(n, tag=f"e{w}r{rep}_"))
                w0, cpu0 = _workers_cpu(), time.process_time()
                wall, _ = timed_batch(src, tmp / f"ep_out{w}_{rep}.jsonl", settings, concurrency, w)
                return wall, time.process_time() - cpu0 + _workers_cpu() - w0

            return go

        # Process start-up (imports; with workers, the forkserver) is not timed, for any
        # variant: one small batch each way first.
        for w in (1, workers):
            warm = Settings(api_key=FAKE_KEY, base_url=url, strategy="direct", use_cache=False)
            src = write_jsonl(tmp / f"warm{w}.jsonl", articles(2 * concurrency, tag=f"w{w}_"))
            timed_batch(src, tmp / f"warm_out{w}.jsonl", warm, concurrency, w)
        for rep in range(reps):
            variants: list[tuple[str, Callable[[], tuple[float, float]]]] = [
                ("plain HTTP, 1 process (the harness's ceiling)", one_process(_http)),
                ("bare openai + instructor client, 1 process", one_process(_bare)),
                (
                    f"bare openai + instructor client, {workers} processes",
                    lambda: _bare_processes(url, same, concurrency, workers),
                ),
                ("run_batch, 1 process", ours(1, rep)),
                (f"run_batch, {workers} workers", ours(workers, rep)),
            ]
            for label, go in variants:
                server0 = _server_cpu()
                wall, cpu = go()
                row = {
                    "seconds": wall,
                    "ratio_of_ideal": n / wall / ideal,
                    "client_cpu_ms_per_article": 1000 * cpu / n,
                    "server_cpu_ms_per_article": 1000 * (_server_cpu() - server0) / n,
                }
                samples[label].append(row)
                print(
                    f"  {label}: {wall:.2f} s, {row['ratio_of_ideal']:.3f} of ideal, "
                    f"load {_load()}",
                    flush=True,
                )
    rows: dict[str, Any] = {}
    for label, got in samples.items():
        med = {k: median([g[k] for g in got]) for k in got[0]}
        cpu = med["client_cpu_ms_per_article"] + med["server_cpu_ms_per_article"]
        rows[label] = {
            "seconds_median": round(med["seconds"], 2),
            "ratio_of_ideal_median": round(med["ratio_of_ideal"], 3),
            "ratio_each": [round(g["ratio_of_ideal"], 3) for g in got],
            "client_cpu_ms_per_article": round(med["client_cpu_ms_per_article"], 2),
            "server_cpu_ms_per_article": round(med["server_cpu_ms_per_article"], 2),
            # CPU the ideal rate would need, client and fake server together (cores)
            "cores_needed_at_ideal": round(ideal * cpu / 1000, 2),
        }
    return {
        "articles": n,
        "latency_s": latency,
        "concurrency": concurrency,
        "ideal_per_s": ideal,
        "reps": reps,
        "cores": os.cpu_count(),
        "runs": rows,
        "load_average_before": load_before,
        "load_average_after": _load(),
        "goal": "ratio_of_ideal >= 0.9 at concurrency 32",
    }


class _Stages:
    """Wall time per stage of one extract_report call (wrapping module attributes)."""

    def __init__(self) -> None:
        self.t: dict[str, float] = defaultdict(float)
        self.undo: list[Callable[[], None]] = []

    def wrap(self, owner: Any, name: str, stage: str) -> None:
        original = getattr(owner, name)
        times = self.t

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                times[stage] += time.perf_counter() - started

        setattr(owner, name, timed)
        self.undo.append(lambda: setattr(owner, name, original))

    def restore(self) -> None:
        for undo in reversed(self.undo):
            undo()


def cpu_per_article(reps: int, tmp: Path) -> dict[str, Any]:
    import instructor
    from bench_overhead import _messages, mock_client
    from fake_openai import GoldResponder, load_gold_pairs

    from extractor import Settings, checks, client, extract, extract_report, verify
    from extractor.models import SectorReport

    pairs = load_gold_pairs()
    mock = mock_client(GoldResponder(pairs))
    bare = instructor.from_openai(mock, mode=instructor.Mode.TOOLS)
    settings = Settings(api_key=FAKE_KEY, strategy="direct", use_cache=False, cache_dir=tmp / "u")

    stages = _Stages()
    original_patched = client.CallRecorder.patched

    def patched(self: Any, mode: str, *, is_async: bool = False) -> Any:
        create = original_patched(self, mode, is_async=is_async)

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return create(*args, **kwargs)
            finally:
                stages.t["sdk (openai + instructor + our retry wrapper)"] += (
                    time.perf_counter() - started
                )

        return timed

    def run_ours(text: str) -> dict[str, float]:
        stages.t.clear()
        started = time.perf_counter()
        extract_report(text, client=mock, settings=settings)
        total = time.perf_counter() - started
        out = dict(stages.t)
        out["total"] = total
        return out

    def run_bare(text: str) -> float:
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

    client.CallRecorder.patched = patched  # type: ignore[method-assign]
    stages.wrap(verify, "verify_report", "verification (verify_report, both calls)")
    stages.wrap(checks, "run_checks", "checks (run_checks)")
    stages.wrap(extract, "_call_kwargs", "prompt + request building")
    stages.wrap(extract, "_as_report", "answer -> SectorReport (JSON, validation)")
    stages.wrap(extract, "_result", "finalize + result (verification, checks, grounding)")
    try:
        per_text = []
        for text, _ in pairs:
            run_ours(text), run_bare(text)  # warm up
            ours_runs = [run_ours(text) for _ in range(reps)]
            bare_runs = [run_bare(text) for _ in range(reps)]
            sdk_key = "sdk (openai + instructor + our retry wrapper)"
            ours_outside = [r["total"] - r.get(sdk_key, 0.0) for r in ours_runs]
            keys = sorted({k for r in ours_runs for k in r})
            per_text.append(
                {
                    "chars": len(text),
                    "ours_outside_sdk_ms": round(1000 * median(ours_outside), 2),
                    "total_ms": round(1000 * median([r["total"] for r in ours_runs]), 2),
                    "bare_client_ms": round(1000 * median(bare_runs), 2),
                    "difference_ms": round(
                        1000 * (median([r["total"] for r in ours_runs]) - median(bare_runs)), 2
                    ),
                    "stages_ms": {
                        k: round(1000 * median([r.get(k, 0.0) for r in ours_runs]), 2)
                        for k in keys
                        if k != "total"
                    },
                }
            )
            print(per_text[-1], flush=True)
    finally:
        stages.restore()
        client.CallRecorder.patched = original_patched  # type: ignore[method-assign]

    profile = cProfile.Profile()
    profile.enable()
    for text, _ in pairs:
        extract_report(text, client=mock, settings=settings)
    profile.disable()
    stats = pstats.Stats(profile)
    ours_tot = []
    for (file, line, func), (_, ncalls, tottime, cum, _) in stats.stats.items():  # type: ignore[attr-defined]
        if "/extractor/" in file:
            ours_tot.append((tottime, cum, ncalls, f"{Path(file).name}:{line}:{func}"))
    ours_tot.sort(reverse=True)
    stage_names = sorted({k for r in per_text for k in r["stages_ms"]})
    return {
        "texts": per_text,
        "median_ours_outside_sdk_ms": round(
            median([r["ours_outside_sdk_ms"] for r in per_text]), 2
        ),
        "median_total_ms": round(median([r["total_ms"] for r in per_text]), 2),
        "median_bare_client_ms": round(median([r["bare_client_ms"] for r in per_text]), 2),
        "median_difference_ms": round(median([r["difference_ms"] for r in per_text]), 2),
        "median_stage_ms": {
            k: round(median([r["stages_ms"].get(k, 0.0) for r in per_text]), 2) for k in stage_names
        },
        "profile_ours_top_tottime": [
            {
                "function": name,
                "calls": n,
                "tottime_ms": round(1000 * t, 2),
                "cum_ms": round(1000 * c, 2),
            }
            for t, c, n, name in ours_tot[:15]
        ],
        "goal": "median_ours_outside_sdk_ms <= 3",
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offline", type=int, default=600, help="articles, offline batch")
    parser.add_argument("--articles", type=int, default=1000, help="articles, endpoint batch")
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--reps", type=int, default=9, help="repetitions, CPU per article")
    parser.add_argument("--offline-reps", type=int, default=3, help="runs of each, offline")
    parser.add_argument(
        "--offline-concurrency", type=int, default=1, help="offline: 1, as the CLI's default"
    )
    parser.add_argument("--endpoint-reps", type=int, default=2, help="runs of each, endpoint")
    parser.add_argument("--skip", default="", help="comma list of offline,endpoint,cpu")
    args = parser.parse_args(argv)
    skip = set(filter(None, args.skip.split(",")))
    result: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        # The endpoint runs first: the first batch with workers starts the forkserver, with
        # what that batch's workers need preloaded (an endpoint batch: the SDK too), as a
        # CLI run of that batch would; the offline runs do not mind the extra modules.
        if "endpoint" not in skip:
            result["endpoint"] = endpoint(
                args.articles,
                args.latency,
                args.concurrency,
                args.workers,
                args.endpoint_reps,
                Path(tmp),
            )
            print(json.dumps(result["endpoint"], ensure_ascii=False, indent=1), flush=True)
        if "offline" not in skip:
            result["offline"] = offline(
                args.offline, args.workers, args.offline_reps, args.offline_concurrency, Path(tmp)
            )
            print(result["offline"], flush=True)
        if "cpu" not in skip:
            result["cpu_per_article"] = cpu_per_article(args.reps, Path(tmp))
            summary = {k: v for k, v in result["cpu_per_article"].items() if k != "texts"}
            print(json.dumps(summary, ensure_ascii=False, indent=1), flush=True)
    # A partial run (--skip) gets a file of its own and leaves the whole run's alone.
    path = save("_".join(["workers", *sorted(result)]) if skip else "workers", result)
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
