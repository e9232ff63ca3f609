"""Evaluation harness: loading inputs, running, JSON shape, rendering."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from extractor.errors import ExtractionError
from extractor.evaluate import (
    EvalInputError,
    PredictionRecord,
    load_eval_dir,
    load_prediction_records,
    load_predictions,
    render,
    run_eval,
    to_markdown,
)
from extractor.models import CheckWarning, ExtractionResult, Metric, SectorReport, Usage

ARTICLE_A = (
    "Năm 2023, ngành tạo việc làm mới cho 15.059 người (vượt 14,1 % kế hoạch năm). "
    "Năm 2024 phấn đấu giải quyết việc làm mới cho 14.495 lao động. "
    "Phát biểu tại hội nghị, đồng chí Trần Văn Nam, Phó Chủ tịch UBND tỉnh đánh giá cao."
)
GOLD_A: dict[str, Any] = {
    "report_year": 2023,
    "plan_year": 2024,
    "officials": [{"name": "Trần Văn Nam", "title": "Phó Chủ tịch UBND tỉnh"}],
    "achievements": [
        {
            "indicator": "việc làm mới",
            "value": 15059,
            "unit": "người",
            "year": 2023,
            "plan_pct": 114.1,
            "evidence": "tạo việc làm mới cho 15.059 người",
        }
    ],
    "targets": [
        {
            "indicator": "giải quyết việc làm mới",
            "value": 14495,
            "unit": "lao động",
            "year": 2024,
            "evidence": "giải quyết việc làm mới cho 14.495 lao động",
        },
        {
            "indicator": "việc làm mới (lặp)",
            "value": 14495,
            "unit": "lao động",
            "evidence": "14.495 lao động",
            "optional": True,
        },
    ],
}
ARTICLE_B = (
    "Sở Giáo dục nhận Cờ thi đua của Bộ trưởng Bộ Giáo dục và Đào tạo. "
    "Tỷ lệ học sinh tốt nghiệp đạt 98,5%."
)
GOLD_B: dict[str, Any] = {
    "report_year": 2019,
    "achievements": [
        {"indicator": "tỷ lệ tốt nghiệp", "value": 98.5, "unit": "%", "evidence": "đạt 98,5%"}
    ],
    "awards": [
        {
            "award": "Cờ thi đua",
            "conferred_by": "Bộ trưởng Bộ Giáo dục và Đào tạo",
            "recipient": "Sở Giáo dục",
            "evidence": "Sở Giáo dục nhận Cờ thi đua",
        }
    ],
}


def make_dir(tmp_path: Path) -> Path:
    d = tmp_path / "evals"
    d.mkdir()
    for name, text, gold in (("a", ARTICLE_A, GOLD_A), ("b", ARTICLE_B, GOLD_B)):
        (d / f"{name}.txt").write_text(text, encoding="utf-8")
        (d / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    return d


def strip_optional(gold: dict[str, Any]) -> dict[str, Any]:
    out = json.loads(json.dumps(gold))
    for key in ("officials", "achievements", "targets", "awards"):
        for item in out.get(key, []):
            item.pop("optional", None)
    return out


def test_load_eval_dir_pairs_text_and_gold(tmp_path: Path) -> None:
    cases = load_eval_dir(make_dir(tmp_path))
    assert [c.id for c in cases] == ["a", "b"]
    assert cases[0].text == ARTICLE_A
    assert cases[0].gold.optional == {"targets": [1]}
    assert cases[1].gold.report.awards[0].award == "Cờ thi đua"


def test_gold_as_predictions_scores_one(tmp_path: Path) -> None:
    cases = load_eval_dir(make_dir(tmp_path))
    report = run_eval(cases, predictions={c.id: c.gold.report for c in cases})
    summary = report.summary
    # a: 1 official + 1 achievement + 1 target (optional duplicate matched, not counted)
    # b: 1 achievement + 1 award -> 5 TP in all
    assert (summary.overall.tp, summary.overall.fp, summary.overall.fn) == (5, 0, 0)
    assert report.overall_f1 == 1.0
    assert all(fs.f1 == 1.0 for fs in summary.fields.values())
    assert all(a.score.ungrounded == [] for a in report.articles)
    assert report.missing == [] and report.passes(1.0)


def test_predictions_file_round_trip_and_batch_format(tmp_path: Path) -> None:
    cases = load_eval_dir(make_dir(tmp_path))
    path = tmp_path / "pred.jsonl"
    batch_line = {
        "id": "a",
        "source": "evals/a.txt",
        "report": strip_optional(GOLD_A),
        "grounding": [],
        "warnings": [{"check": "plan_pct", "message": "m"}, {"check": "year", "message": "m"}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "seconds": 2.5},
        "error": None,
    }
    error_line = {
        "id": "b",
        "source": "evals/b.txt",
        "report": None,
        "warnings": [],
        "usage": None,
        "error": {"type": "ExtractionError", "message": "model gave up"},
    }
    lines = [json.dumps(batch_line, ensure_ascii=False), "", json.dumps(error_line)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    preds = load_predictions(path)
    assert set(preds) == {"a", "b"}
    assert preds["b"] == SectorReport()
    records = load_prediction_records(path)
    assert records["b"].error == "ExtractionError: model gave up"
    report = run_eval(cases, predictions=records)
    a, b = report.articles
    assert a.score.overall.f1 == 1.0 and (a.seconds, a.tokens) == (2.5, 120)
    # b predicted nothing: its 2 gold items are FN -> overall TP 3, FN 2, recall 3/5
    assert b.score.overall.f1 == 0.0 and b.error
    assert report.summary.overall.recall == pytest.approx(3 / 5)
    assert report.checks == {"plan_pct": 1, "year": 1}


def test_missing_prediction_scores_as_empty_and_is_listed(tmp_path: Path) -> None:
    cases = load_eval_dir(make_dir(tmp_path))
    report = run_eval(cases, predictions={"a": cases[0].gold.report})
    assert report.missing == ["b"]
    assert report.articles[1].missing
    # TP 3 (a), FN 2 (b) -> P 1, R 3/5, F1 6/8
    assert report.overall_f1 == pytest.approx(6 / 8)
    assert not report.passes(0.8)


def test_run_eval_with_extract_callable(tmp_path: Path) -> None:
    cases = load_eval_dir(make_dir(tmp_path))
    golds = {c.text: c.gold.report for c in cases}
    calls: list[str] = []

    def extract(text: str) -> ExtractionResult:
        calls.append(text)
        if text == ARTICLE_B:
            raise ExtractionError("no valid output", attempts=3)
        report = golds[text].model_copy(deep=True)
        report.achievements.append(
            Metric(indicator="bịa", value=777, evidence="x")  # hallucinated, ungrounded
        )
        return ExtractionResult(
            report=report,
            warnings=[CheckWarning(check="grounding", message="m")],
            usage=Usage(prompt_tokens=10, completion_tokens=5, seconds=1.25),
        )

    report = run_eval(cases, extract=extract)
    assert calls == [ARTICLE_A, ARTICLE_B]
    a, b = report.articles
    assert (a.seconds, a.tokens) == (1.25, 15)
    assert len(a.score.ungrounded) == 1 and len(a.score.hallucinations) == 1
    assert b.error is not None and "no valid output" in b.error and b.seconds is not None
    assert report.checks == {"grounding": 1}
    # a: TP 3 FP 1; b: FN 2 -> P 3/4, R 3/5
    assert report.summary.overall.precision == pytest.approx(3 / 4)
    assert report.summary.overall.recall == pytest.approx(3 / 5)


def test_run_eval_needs_a_source_of_predictions(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        run_eval(load_eval_dir(make_dir(tmp_path)))


def test_json_output_shape(tmp_path: Path) -> None:
    cases = load_eval_dir(make_dir(tmp_path))
    records = {
        "a": PredictionRecord(report=cases[0].gold.report, usage=Usage(seconds=3.0)),
        "b": PredictionRecord(report=SectorReport()),
    }
    data = run_eval(cases, predictions=records).to_json()
    data = json.loads(json.dumps(data, ensure_ascii=False))
    assert set(data) == {"overall", "n_articles", "fields", "articles", "checks"}
    assert set(data["overall"]) == {
        "precision", "recall", "f1", "value_precision", "value_recall", "value_f1",
        "label_similarity", "label_pairs", "mislabels",
    }
    assert set(data["fields"]) == {"officials", "achievements", "targets", "awards"}
    assert set(data["fields"]["awards"]) >= {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert data["fields"]["awards"]["fn"] == 1
    assert [a["id"] for a in data["articles"]] == ["a", "b"]
    first, second = data["articles"]
    assert first["seconds"] == 3.0 and "seconds" not in second and "tokens" not in first
    assert set(first["fields"]) == set(data["fields"])
    assert first["overall"]["f1"] == 1.0
    assert second["omissions"][0]["field"] in {"achievements", "awards"}
    assert data["checks"] == {}


@pytest.mark.parametrize(
    "breaks, fragment",
    [
        (lambda d: (d / "b.gold.json").unlink(), "b.gold.json"),
        (lambda d: (d / "b.gold.json").write_text("{oops", "utf-8"), "b.gold.json"),
        (lambda d: (d / "b.gold.json").write_text('{"targets": [{}]}', "utf-8"), "b.gold.json"),
        (lambda d: (d / "b.txt").write_bytes(b"Nam 2023 \xff\xfe t\xe0i"), "b.txt"),
        (lambda d: (d / "b.txt").write_text("  \n", "utf-8"), "b.txt"),
    ],
)
def test_bad_eval_dir_names_the_file(tmp_path: Path, breaks: Any, fragment: str) -> None:
    d = make_dir(tmp_path)
    breaks(d)
    with pytest.raises(EvalInputError, match=fragment):
        load_eval_dir(d)


def test_empty_or_missing_dir(tmp_path: Path) -> None:
    with pytest.raises(EvalInputError, match="no .txt"):
        load_eval_dir(tmp_path)
    with pytest.raises(EvalInputError, match="nowhere"):
        load_eval_dir(tmp_path / "nowhere")


@pytest.mark.parametrize(
    "second_line, fragment",
    [
        ("{not json", "pred.jsonl:2: invalid JSON"),
        ("[1, 2]", "pred.jsonl:2: expected a JSON object"),
        ('{"report": {}}', "pred.jsonl:2: no 'id'"),
        ('{"id": "a", "report": {}}', "pred.jsonl:2: duplicate id"),
        ('{"id": "b"}', "pred.jsonl:2: no 'report'"),
        ('{"id": "b", "report": {"achievements": [{"value": 1}]}}', "pred.jsonl:2: invalid report"),
    ],
)
def test_bad_predictions_name_file_and_line(
    tmp_path: Path, second_line: str, fragment: str
) -> None:
    path = tmp_path / "pred.jsonl"
    path.write_text('{"id": "a", "report": {}}\n' + second_line + "\n", encoding="utf-8")
    with pytest.raises(EvalInputError, match=fragment):
        load_predictions(path)


def test_prediction_id_falls_back_to_source(tmp_path: Path) -> None:
    path = tmp_path / "pred.jsonl"
    path.write_text('{"source": "dir/x_1.txt", "report": {"report_year": 2020}}\n', "utf-8")
    assert load_predictions(path)["x_1"].report_year == 2020


def render_text(report: Any) -> str:
    console = Console(file=io.StringIO(), width=130, record=True, color_system=None)
    render(report, console)
    return console.export_text()


def test_render_shows_tables_and_overall_last(tmp_path: Path) -> None:
    cases = load_eval_dir(make_dir(tmp_path))
    report = run_eval(cases, predictions={"a": cases[0].gold.report})
    out = render_text(report)
    for needle in ("Per article", "Per field", "Attribute accuracy", "report_year", "b (missing)"):
        assert needle in out
    last = [line for line in out.splitlines() if line.strip()][-1]
    assert last.startswith("Overall (micro, 2 articles)")
    assert "F1 0.750" in last


def test_to_markdown(tmp_path: Path) -> None:
    cases = load_eval_dir(make_dir(tmp_path))
    md = to_markdown(run_eval(cases, predictions={c.id: c.gold.report for c in cases}))
    lines = md.strip().splitlines()
    assert lines[0].startswith("| Field | P | R | **F1** | value P | value R | value F1 |")
    assert any(
        line.startswith(
            "| **overall (micro)** | 1.000 | 1.000 | **1.000** "
            "| 1.000 | 1.000 | 1.000 | 5 | 0 | 0 |"
        )
        for line in lines
    )
    assert "2 articles" in md


def test_nested_folders_are_loaded_with_relative_ids(tmp_path: Path) -> None:
    """``extractor eval evals/real`` reads real/dev and real/test; ids keep the subfolder."""
    root = tmp_path / "real"
    root.mkdir()
    for part in ("dev", "test"):
        (tmp_path / part).mkdir()
        make_dir(tmp_path / part).rename(root / part)
    cases = load_eval_dir(root)
    assert [c.id for c in cases] == ["dev/a", "dev/b", "test/a", "test/b"]
    assert [c.id for c in load_eval_dir(root / "test")] == ["a", "b"]


def test_predictions_keyed_by_file_stem_match_nested_ids(tmp_path: Path) -> None:
    root = tmp_path / "real"
    root.mkdir()
    make_dir(tmp_path).rename(root / "dev")
    cases = load_eval_dir(root)
    report = run_eval(cases, predictions={"a": cases[0].gold.report})
    assert report.missing == ["dev/b"]
    assert report.articles[0].score.overall.f1 == 1.0


def test_mislabelled_metrics_are_listed_per_article(tmp_path: Path) -> None:
    cases = load_eval_dir(make_dir(tmp_path))
    pred = cases[0].gold.report.model_copy(deep=True)
    assert pred.achievements, "fixture needs an achievement"
    pred.achievements[0].indicator = "tỉnh"
    data = run_eval(cases[:1], predictions={cases[0].id: pred}).to_json()
    article = data["articles"][0]
    assert [m["pred_indicator"] for m in article["mislabels"]] == ["tỉnh"]
    assert data["overall"]["mislabels"] == 1
    assert data["overall"]["f1"] < data["overall"]["value_f1"] == 1.0
