"""Side by side with LangExtract: same fake server, same articles, same concurrency.

Both talk to ``tests/fake_openai.py`` (own process, fixed latency) whose responder
(``benchmarks/lx_responder.py``) answers each from the same gold: our requests with the
gold report, LangExtract's few-shot prompts with the gold items quoted in the chunk it
asks about. Reported per concurrency level: wall time of ``run_batch`` vs
``lx.extract`` (ratio ours / theirs), model calls, and what each kept: our grounded
figures (quote located in the source, value re-read from it) vs LangExtract's figure
extractions with a character span. LangExtract runs twice: its default chunking
(``max_char_buffer=1000``) and one chunk per article like ours (12,000 chars).

    pip install langextract   # if missing, the benchmark writes why
    python benchmarks/bench_langextract.py [--latency 0.2] [--levels 8,32] [--articles 96]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

from common import FAKE_KEY, articles, save, server_process, write_jsonl
from fake_openai import FIXTURE_ARTICLE, FIXTURE_REPORT

PROMPT = (
    "Extract from this Vietnamese annual-review article: officials (name, title), "
    "achievements (figures of the reviewed year), targets (figures for the plan year) and "
    "awards. Quote each item verbatim from the text; give the figure's value and unit."
)


def _examples() -> list[Any]:
    import langextract as lx

    rep = FIXTURE_REPORT
    extractions = [
        lx.data.Extraction(
            extraction_class=cls,
            extraction_text=m["evidence"],
            attributes={"indicator": m["indicator"], "value": str(m["value"]), "unit": m["unit"]},
        )
        for cls, name in (("achievement", "achievements"), ("target", "targets"))
        for m in rep[name]
    ]
    extractions += [
        lx.data.Extraction(
            extraction_class="official", extraction_text=o["name"], attributes={"title": o["title"]}
        )
        for o in rep["officials"]
    ]
    extractions += [
        lx.data.Extraction(
            extraction_class="award", extraction_text=a["evidence"], attributes={"kind": a["award"]}
        )
        for a in rep["awards"]
    ]
    return [lx.data.ExampleData(text=FIXTURE_ARTICLE, extractions=extractions)]


def run_langextract(
    url: str, rows: list[tuple[str, str]], concurrency: int, max_char_buffer: int
) -> dict[str, Any]:
    import langextract as lx
    from langextract.providers.openai import OpenAILanguageModel

    calls = {"n": 0}
    original = OpenAILanguageModel._process_single_prompt

    def counting(self: Any, prompt: str, config: dict) -> Any:
        calls["n"] += 1
        return original(self, prompt, config)

    OpenAILanguageModel._process_single_prompt = counting  # type: ignore[method-assign]
    try:
        docs = [lx.data.Document(text=t, document_id=i) for i, t in rows]
        started = time.perf_counter()
        annotated = list(
            lx.extract(
                text_or_documents=docs,
                prompt_description=PROMPT,
                examples=_examples(),
                model_id="gpt-4o-mini",
                api_key=FAKE_KEY,
                language_model_params={"base_url": url},
                fence_output=False,
                use_schema_constraints=False,
                max_workers=concurrency,
                batch_length=max(concurrency, 10),
                max_char_buffer=max_char_buffer,
                show_progress=False,
            )
        )
        wall = time.perf_counter() - started
    finally:
        OpenAILanguageModel._process_single_prompt = original  # type: ignore[method-assign]
    texts = dict(rows)
    figures = spans = verbatim = 0
    for doc in annotated:
        for ext in doc.extractions or []:
            if ext.extraction_class not in ("achievement", "target"):
                continue
            figures += 1
            if ext.char_interval is not None and ext.char_interval.start_pos is not None:
                spans += 1
                quoted = texts[doc.document_id][
                    ext.char_interval.start_pos : ext.char_interval.end_pos
                ]
                verbatim += quoted == ext.extraction_text
    return {
        "seconds": round(wall, 3),
        "calls": calls["n"],
        "figures": figures,
        "figures_with_span": spans,
        "figures_span_verbatim": verbatim,
        "value_checked": False,
    }


def run_ours(url: str, rows: list[tuple[str, str]], concurrency: int, tmp: Path) -> dict[str, Any]:
    from extractor import Settings
    from extractor.batch import run_batch

    settings = Settings(
        api_key=FAKE_KEY, base_url=url, strategy="direct", cache_dir=tmp / f"c{concurrency}"
    )
    src = write_jsonl(tmp / f"in{concurrency}.jsonl", rows)
    out = tmp / f"out{concurrency}.jsonl"
    started = time.perf_counter()
    summary = run_batch([src], out, concurrency=concurrency, progress=False, settings=settings)
    wall = time.perf_counter() - started
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    figures = grounded = 0
    for line in lines:
        if line["report"] is None:
            continue
        figures += len(line["report"]["achievements"]) + len(line["report"]["targets"])
        grounded += sum(
            1
            for g in line["grounding"]
            if g["field"] in ("achievements", "targets") and g["start"] is not None
        )
    return {
        "seconds": round(wall, 3),
        "calls": sum(ln["usage"]["attempts"] for ln in lines if ln["usage"]),
        "figures": figures,
        "figures_with_span": grounded,
        "failed": summary.failed,
        "value_checked": True,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--levels", default="8,32")
    parser.add_argument("--articles", type=int, default=96)
    args = parser.parse_args(argv)
    try:
        import langextract  # noqa: F401
    except ImportError as exc:
        reason = f"langextract is not importable: {exc}; pip install langextract"
        print(reason)
        save("langextract", {"skipped": reason})
        return
    rows = articles(args.articles, tag="lx")
    levels: list[dict[str, Any]] = []
    with (
        server_process(latency=args.latency, responder="benchmarks.lx_responder:respond") as url,
        tempfile.TemporaryDirectory() as tmp,
    ):
        for level in (int(x) for x in args.levels.split(",")):
            row: dict[str, Any] = {"concurrency": level, "articles": len(rows)}
            row["ours"] = run_ours(url, rows, level, Path(tmp))
            for label, buffer in (("langextract_default", 1000), ("langextract_one_chunk", 12000)):
                try:
                    row[label] = run_langextract(url, rows, level, buffer)
                    row[f"wall_ratio_ours_over_{label}"] = round(
                        row["ours"]["seconds"] / row[label]["seconds"], 3
                    )
                except Exception as exc:  # say exactly why it could not run
                    row[label] = {"error": f"{type(exc).__name__}: {exc}"[:500]}
                    traceback.print_exc()
            levels.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
    import importlib.metadata as md

    path = save(
        "langextract",
        {
            "langextract_version": md.version("langextract"),
            "latency_s": args.latency,
            "levels": levels,
            "note": (
                "wall_ratio < 1: ours faster. figures_with_span: located in the source; "
                "ours also re-reads each value from its quote (value_checked)."
            ),
        },
    )
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
