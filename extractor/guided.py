"""The guided strategy: the rules propose numbered candidate figures, a (small) model only
labels them achievement / target / skip, in short grammar-constrained outputs.

The model never writes a number: values, units, spans and evidence come from the parser.
Officials, awards and years come from the rules as well.
"""

from __future__ import annotations

import functools
from typing import Any, Literal

import instructor
from pydantic import BaseModel, Field, create_model

from extractor.client import CallRecorder
from extractor.models import SectorReport
from extractor.prompting import load_prompt
from extractor.rules import Candidate, candidates, extract_rules
from extractor.settings import Settings

BATCH = 24
CONTEXT_CHARS = 110
_LABELS = {"A": "achievement", "T": "target", "S": "skip"}


@functools.cache
def label_model(n: int) -> type[BaseModel]:
    """Response model for ``n`` labels keyed "1".."n" (the grammar fixes keys and order;
    the numbers keep a small model aligned with the lines it labels)."""
    fields: dict[str, Any] = {
        f"n{i}": (Literal["A", "T", "S"], Field(alias=str(i))) for i in range(1, n + 1)
    }
    return create_model("Labels", __base__=instructor.OpenAISchema, **fields)


def _labels(answer: BaseModel, n: int) -> list[str]:
    return [_LABELS[getattr(answer, f"n{i}")] for i in range(1, n + 1)]


def describe(text: str, cand: Candidate, number: int) -> str:
    """One numbered line: the figure marked ⟦…⟧ inside a window of its sentence."""
    q = cand.quantity
    s_start, s_end = cand.sentence
    lo = max(s_start, q.start - CONTEXT_CHARS)
    hi = min(s_end, q.end + CONTEXT_CHARS // 2)
    before = text[lo : q.start].replace("\n", " ")
    after = text[q.end : hi].replace("\n", " ")
    return f"{number}. …{before}⟦{text[q.start : q.end]}⟧{after}…"


def _messages(text: str, batch: list[Candidate], report: SectorReport) -> list[dict[str, str]]:
    system = load_prompt("guided_system").format(
        report_year=report.report_year or "the reviewed year",
        plan_year=report.plan_year or "the next year",
    )
    lines = "\n".join(describe(text, c, i + 1) for i, c in enumerate(batch))
    user = f"Label these {len(batch)} figures, in order:\n{lines}"
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def run_guided(
    settings: Settings,
    text: str,
    recorder: CallRecorder,
    *,
    mode: str = "json_object",
    model: str | None = None,
    extra: dict[str, Any] | None = None,
) -> tuple[SectorReport, CallRecorder]:
    """Rules report with achievements/targets re-labelled by the model."""
    report = extract_rules(text)
    every = candidates(text, report_year=report.report_year, plan_year=report.plan_year)
    # repeats (captions, a headline restating the body) stay skipped: never shown to the model
    cands = [c for c in every if not c.cue.startswith("duplicate")]
    create = recorder.patched(mode)
    labels: list[str] = []
    for start in range(0, len(cands), BATCH):
        batch = cands[start : start + BATCH]
        kwargs: dict[str, Any] = {
            "response_model": label_model(len(batch)),
            "messages": _messages(text, batch, report),
            "max_retries": settings.max_reasks,
            "temperature": settings.temperature,
            "max_tokens": 10 * len(batch) + 32,
            **(extra or {}),
        }
        if model:
            kwargs["model"] = model
        try:
            answer = create(**kwargs)
            labels.extend(_labels(answer, len(batch)))
        except Exception:  # keep the rules' labels for this batch; the model is advisory
            labels.extend(c.label for c in batch)
    by_label: dict[str, list[Any]] = {"achievement": [], "target": []}
    for cand, label in zip(cands, labels, strict=True):
        if label in by_label:
            metric = cand.to_metric()
            year = report.report_year if label == "achievement" else report.plan_year
            by_label[label].append(metric.model_copy(update={"year": metric.year or year}))
    report.achievements = by_label["achievement"]
    report.targets = by_label["target"]
    return report, recorder
