"""The eval suite as a CI gate: the offline default on every gold set, with thresholds.

A regression in the parser, the rules, grounding or the checks lowers these scores and
fails the build. Thresholds sit a little under the measured scores in README.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.evaluate import load_eval_dir, run_eval
from extractor.extract import extract_report
from extractor.settings import Settings

EVALS = Path(__file__).resolve().parent.parent / "evals"
THRESHOLDS = {"seeds": 0.95, "extra": 0.95, "holdout": 0.90}


@pytest.mark.parametrize("name", sorted(THRESHOLDS))
def test_offline_default_meets_the_threshold(name: str, tmp_path: Path) -> None:
    folder = EVALS / name
    if not folder.is_dir():
        pytest.skip(f"no eval set {folder}")
    settings = Settings(cache_dir=tmp_path)
    report = run_eval(load_eval_dir(folder), extract=lambda t: extract_report(t, settings=settings))
    data = report.to_json()
    print(
        f"\n{name}: overall F1 {report.overall_f1:.3f}; "
        + ", ".join(f"{f} {v['f1']:.3f}" for f, v in data["fields"].items())
    )
    assert report.overall_f1 >= THRESHOLDS[name]
    for article in data["articles"]:
        assert article["ungrounded"] == [], article["id"]
