"""The eval suite as a CI gate: the offline default on every gold set, with thresholds.

A regression in the parser, the rules, grounding or the checks lowers these scores and
fails the build. Each set has two gates: the headline strict F1 (value and label must agree),
a ratchet set a little under the measured score and raised as the extractor improves, and
the value-only F1 gate the set had before labels counted. Measured scores are in README.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.evaluate import load_eval_dir, run_eval
from extractor.extract import extract_report
from extractor.settings import Settings

EVALS = Path(__file__).resolve().parent.parent / "evals"
# set: (strict F1 ratchet, value-only F1 gate)
THRESHOLDS = {
    # Lowered on 2026-12-01 when 88 articles of provincial agencies and organisations (police,
    # courts, procuracy, unions, ...; 0.70-0.88 on arrival) joined evals/real; before them:
    # real 0.91 / 0.97, real/dev 0.95 / 0.98, real/test 0.84 / 0.95. The 85 earlier test
    # articles moved 0.860 -> 0.863 over the same session.
    # raised on 2026-12-01 (third session) from real 0.87 / 0.96 and real/test 0.82 / 0.93:
    # measured real 0.886 / 0.968, real/test 0.843 / 0.951 (207 articles)
    # lowered again to 0.87 on 2026-12-02 (second session) when 31 new articles (1060-1116,
    # 0.815 / 0.926 on arrival) joined: measured real 0.878 / 0.961 over 542 articles; value
    # gate 0.96 -> 0.95 when 28 more (1120-1165, 0.708 / 0.870 on arrival) joined: 0.873 / 0.958;
    # back to 0.96 at the session's end: 0.878 / 0.964 over 581 articles
    "real": (0.87, 0.96),
    # real/dev lowered on 2026-12-02 from 0.92 when 23 new dev articles joined (four batches
    # of that session, 0.838, 0.869, 0.689 and 0.814 strict on arrival): measured 0.919 / 0.982
    # over 260 articles; the 237 dev articles before them went 0.923 -> 0.924 over the session.
    # Value gate 0.98 -> 0.97 when the 15 dev articles of 1060-1116 joined: 0.913 / 0.977;
    # strict 0.91 -> 0.90 when the 14 of 1120-1165 joined: 0.908 / 0.974 over 289 articles;
    # back to 0.91 at the session's end: 0.912 / 0.980 over 294
    # strict 0.91 -> 0.90 on 2026-12-03 when the 3 dev articles of 2040-2081 joined (0.615 on
    # arrival): 0.909 / 0.979 over 396; the 393 before them 0.9114 -> 0.9116 over the session
    "real/dev": (0.90, 0.97),
    "real/test": (0.83, 0.94),
    "seeds": (0.97, 0.95),
    "synthetic-stress": (0.97, 0.95),
    "synthetic-holdout": (0.95, 0.90),
}


@pytest.mark.parametrize("name", sorted(THRESHOLDS))
def test_offline_default_meets_the_threshold(name: str, tmp_path: Path) -> None:
    folder = EVALS / name
    if not folder.is_dir():
        pytest.skip(f"no eval set {folder}")
    settings = Settings(cache_dir=tmp_path)
    report = run_eval(load_eval_dir(folder), extract=lambda t: extract_report(t, settings=settings))
    data = report.to_json()
    print(
        f"\n{name}: strict F1 {report.overall_f1:.3f}, value F1 {report.overall_value_f1:.3f}; "
        + ", ".join(f"{f} {v['f1']:.3f}/{v['value_f1']:.3f}" for f, v in data["fields"].items())
    )
    strict_gate, value_gate = THRESHOLDS[name]
    assert report.overall_f1 >= strict_gate
    assert report.overall_value_f1 >= value_gate
    for article in data["articles"]:
        assert article["ungrounded"] == [], article["id"]
