"""Deterministic fake extractors for the batch and HTML-report tests (no model, no network).

Markers in the text steer them: ``FAIL`` raises ExtractionError, ``BOOM`` raises a plain
RuntimeError, ``CONFIG`` raises ConfigError, ``SLOW`` sleeps, ``CACHED`` reports a cache hit.
``FAKE_DELAY`` (seconds, env) adds a delay to every call (used by the kill test).
"""

from __future__ import annotations

import asyncio
import os
import re

from extractor.errors import ConfigError, ExtractionError
from extractor.models import (
    Award,
    CheckWarning,
    ExtractionResult,
    Grounding,
    Metric,
    Official,
    SectorReport,
    Usage,
)

_NUM = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"đồng chí ([A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?: [A-ZĐÀ-Ỹ][\wÀ-ỹ]*)+)")
_AWARD = re.compile(r"(Bằng khen|Cờ thi đua|Giấy khen)[^.]*")


def _ground(field: str, index: int, start: int, end: int) -> Grounding:
    return Grounding(field=field, index=index, start=start, end=end, method="exact", score=1.0)


def fake_result(text: str) -> ExtractionResult:
    """One metric per figure (targets after 'phấn đấu'), officials after 'đồng chí'."""
    report = SectorReport(report_year=2023, plan_year=2024)
    grounding: list[Grounding] = []
    warnings: list[CheckWarning] = []
    plan_from = text.find("phấn đấu")
    for m in _NUM.finditer(text):
        field = "targets" if 0 <= plan_from < m.start() else "achievements"
        bucket = report.targets if field == "targets" else report.achievements
        value = float(m.group().replace(".", "").replace(",", "."))
        bucket.append(Metric(indicator=f"figure {m.group()}", value=value, evidence=m.group()))
        grounding.append(_ground(field, len(bucket) - 1, m.start(), m.end()))
        if value > 1000:
            warnings.append(
                CheckWarning(check="large_value", message="big", field=field, index=len(bucket) - 1)
            )
    for m in _NAME.finditer(text):
        report.officials.append(Official(name=m.group(1), title=None))
        grounding.append(_ground("officials", len(report.officials) - 1, m.start(1), m.end(1)))
    for m in _AWARD.finditer(text):
        report.awards.append(Award(award=m.group(1), recipient="Sở", evidence=m.group()))
        grounding.append(_ground("awards", len(report.awards) - 1, m.start(), m.end()))
    usage = Usage(
        prompt_tokens=len(text),
        completion_tokens=10,
        attempts=2 if "RETRY" in text else 1,
        reasks=1 if "RETRY" in text else 0,
        cache_hit="CACHED" in text,
    )
    return ExtractionResult(report=report, grounding=grounding, warnings=warnings, usage=usage)


async def fake_extract(text: str, **kwargs: object) -> ExtractionResult:
    """Async fake with the marker behaviours described in the module docstring."""
    delay = float(os.environ.get("FAKE_DELAY", "0"))
    if "SLOW" in text:
        delay += 0.05
    if delay:
        await asyncio.sleep(delay)
    if "CONFIG" in text:
        raise ConfigError("no model configured")
    if "FAIL" in text:
        raise ExtractionError("model output never validated", attempts=3)
    if "BOOM" in text:
        raise RuntimeError("boom")
    return fake_result(text)


def fake_extract_sync(text: str, **kwargs: object) -> ExtractionResult:
    """Blocking variant (run in a worker thread by the batch)."""
    if "FAIL" in text:
        raise ExtractionError("model output never validated", attempts=3)
    return fake_result(text)


async def worker_extract(text: str, **kwargs: object) -> ExtractionResult:
    """:func:`fake_extract` that also says which process ran it (a ``pid`` warning);
    ``EXIT`` ends the process at once (a worker that dies)."""
    if "EXIT" in text:
        os._exit(3)
    result = await fake_extract(text, **kwargs)
    result.warnings.append(CheckWarning(check="pid", message=str(os.getpid())))
    return result
