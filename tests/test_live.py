"""Against a real OpenAI-compatible endpoint: skipped without credentials (never in CI)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from extractor.extract import extract_report
from extractor.numbers import values_in
from extractor.settings import Settings

pytestmark = [
    pytest.mark.live,
    pytest.mark.skipif(
        not (os.environ.get("OPENAI_API_KEY") or os.environ.get("OPENAI_BASE_URL")),
        reason="needs OPENAI_API_KEY or OPENAI_BASE_URL",
    ),
]

SEED = Path(__file__).resolve().parent.parent / "evals" / "seeds" / "000_7d864374cdc58275.txt"


def test_live_direct_extraction_is_grounded(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    settings = Settings.from_env().with_overrides(cache_dir=tmp_path)
    result = extract_report(text, strategy="direct", settings=settings)
    assert result.backend.startswith("openai")
    assert result.report.achievements and result.report.targets
    stated = values_in(text)
    for metric in result.report.achievements + result.report.targets:
        assert metric.evidence in text
        assert any(abs(metric.value - v) <= 1e-6 * max(1.0, abs(v)) for v in stated)
