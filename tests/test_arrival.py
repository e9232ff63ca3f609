"""evals/arrival.py: summing arrival reports and finding results filed as targets."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "arrival", Path(__file__).resolve().parent.parent / "evals" / "arrival.py"
)
assert _SPEC and _SPEC.loader
arrival = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(arrival)


def _article() -> dict:
    return {
        "id": "set/1_x",
        "fields": {
            "achievements": dict(tp=3, fp=1, fn=2, value_tp=4, value_fp=0, value_fn=1),
            "targets": dict(tp=0, fp=2, fn=0, value_tp=0, value_fp=2, value_fn=0),
        },
        "hallucinations": [
            {"field": "targets", "item": {"value": 15.0}},
            {"field": "targets", "item": {"value": 7.0}},
            {"field": "achievements", "item": {"value": 15.0}},
        ],
    }


def test_counts_are_summed_per_field_over_articles() -> None:
    total: dict = {}
    arrival.add_counts(total, _article())
    arrival.add_counts(total, _article())
    assert total["achievements"].tp == 6
    assert total["achievements"].value_fn == 2
    assert total["targets"].fp == 4
    assert "awards" not in total


def test_a_target_counts_as_misfiled_only_when_gold_has_its_value_as_an_achievement() -> None:
    gold = {"achievements": [{"value": 15.0}, {"value": 3.0}], "targets": [{"value": 7.0}]}
    assert arrival.results_as_targets(_article(), gold) == 1
    assert arrival.results_as_targets(_article(), {"achievements": []}) == 0


def test_summed_counts_give_the_scorer_s_ratios() -> None:
    total: dict = {}
    arrival.add_counts(total, {"fields": {"awards": {"tp": 3, "fp": 1, "fn": 2}}})
    awards = total["awards"]
    assert (awards.precision, awards.recall) == (0.75, 0.6)
    assert awards.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert awards.value_f1 == 1.0  # an older report without value-only counts


def test_kept_predictions_are_lines_the_eval_can_score(tmp_path: Path) -> None:
    import subprocess
    import sys

    from extractor.evaluate import load_prediction_records

    seed = Path(__file__).resolve().parent.parent / "evals" / "seeds" / "000_7d864374cdc58275.txt"
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "arrival.jsonl"
    for _ in range(2):  # lines are appended commit after commit
        subprocess.run(
            [sys.executable, "-c", arrival._DUMP, str(folder), str(out), "abc1234567"],
            check=True,
        )
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    out.write_text(lines[0] + "\n", encoding="utf-8")
    records = load_prediction_records(out)
    report = records[seed.stem].report
    assert report.report_year == 2023 and len(report.achievements) > 10
