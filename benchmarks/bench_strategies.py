"""Offline strategies side by side on the gold sets: quality, time, tokens, peak memory.

Each (strategy, set) runs in a fresh child process so its peak RSS is its own
(including loading the local model once).

    python benchmarks/bench_strategies.py --strategies rules guided direct \
        --sets real seeds synthetic-stress

Writes benchmarks/results/strategies.json and prints a markdown table.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"


def child(strategy: str, folder: str) -> None:
    from extractor.evaluate import load_eval_dir, run_eval
    from extractor.extract import extract_report
    from extractor.settings import Settings

    settings = Settings(
        cache_dir=Path(tempfile.mkdtemp()),
        use_cache=False,
        strategy=strategy,
        max_reasks=0 if strategy == "direct" else 2,
    )
    cases = load_eval_dir(ROOT / "evals" / folder)
    seconds: list[float] = []
    tokens: list[int] = []
    errors: list[str] = []

    def extract(text: str):  # noqa: ANN202
        started = time.perf_counter()
        try:
            result = extract_report(text, settings=settings)
        except Exception as exc:  # a failed article scores as empty; record why
            errors.append(f"{type(exc).__name__}: {str(exc)[:200]}")
            raise
        finally:
            seconds.append(time.perf_counter() - started)
        tokens.append(result.usage.prompt_tokens + result.usage.completion_tokens)
        return result

    report = run_eval(cases, extract=extract)
    data = report.to_json()
    print(
        json.dumps(
            {
                "overall": data["overall"],
                "fields": {
                    k: {m: v[m] for m in ("precision", "recall", "f1")}
                    for k, v in data["fields"].items()
                },
                "articles": len(cases),
                "seconds_per_article": sum(seconds) / max(1, len(seconds)),
                "max_seconds": max(seconds, default=0.0),
                "tokens_per_article": sum(tokens) / max(1, len(tokens)),
                "ungrounded": sum(len(a["ungrounded"]) for a in data["articles"]),
                "errors": errors,
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strategies", nargs="+", default=["rules", "guided", "direct"])
    parser.add_argument("--sets", nargs="+", default=["real", "seeds", "synthetic-stress"])
    parser.add_argument("--child", nargs=2, metavar=("STRATEGY", "SET"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    rows = []
    for strategy in args.strategies:
        for folder in args.sets:
            proc = subprocess.run(
                [sys.executable, __file__, "--child", strategy, folder],
                capture_output=True,
                text=True,
            )
            if proc.returncode != 0:
                print(f"{strategy}/{folder} failed:\n{proc.stderr[-2000:]}", file=sys.stderr)
                continue
            row = json.loads(proc.stdout.strip().splitlines()[-1])
            row.update(strategy=strategy, set=folder)
            rows.append(row)
            print(f"{strategy}/{folder}: F1 {row['overall']['f1']:.3f}", file=sys.stderr)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / "strategies.json"
    # merge with earlier runs: one row per (strategy, set), the newest wins
    merged = {
        (r["strategy"], r["set"]): r for r in (json.loads(out.read_text()) if out.is_file() else [])
    }
    merged.update({(r["strategy"], r["set"]): r for r in rows})
    rows = sorted(merged.values(), key=lambda r: (r["strategy"], r["set"]))
    out.write_text(json.dumps(rows, indent=2, ensure_ascii=False))
    print(
        "| strategy | set | P | R | F1 | officials | achievements | targets | awards "
        "| s/article | tokens/article | peak RSS MB | ungrounded |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        f = r["fields"]
        print(
            f"| {r['strategy']} | {r['set']} | {r['overall']['precision']:.3f} | "
            f"{r['overall']['recall']:.3f} | **{r['overall']['f1']:.3f}** | "
            f"{f['officials']['f1']:.3f} | {f['achievements']['f1']:.3f} | "
            f"{f['targets']['f1']:.3f} | {f['awards']['f1']:.3f} | "
            f"{r['seconds_per_article']:.2f} | {r['tokens_per_article']:.0f} | "
            f"{r['peak_rss_mb']} | {r['ungrounded']} |"
        )


if __name__ == "__main__":
    main()
