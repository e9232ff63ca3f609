from pathlib import Path

import pytest
from pydantic import ValidationError

from extractor.models import (
    SCHEMA_MODELS,
    ExtractionResult,
    Metric,
    SectorReport,
    schema_filename,
    schema_json,
)
from extractor.prompting import package_data


@pytest.mark.parametrize("name", sorted(SCHEMA_MODELS))
def test_exported_schema_matches_the_models(name: str) -> None:
    shipped = (
        package_data("extractor.schemas", "schemas")
        .joinpath(schema_filename(name))
        .read_text("utf-8")
    )
    assert shipped == schema_json(SCHEMA_MODELS[name]), (
        "schemas/ drifted from extractor/models.py: run `extractor schema --write schemas`"
    )


def test_field_names_are_the_contract() -> None:
    assert list(SectorReport.model_fields) == [
        "title",
        "province",
        "sector",
        "report_year",
        "plan_year",
        "officials",
        "achievements",
        "targets",
        "awards",
    ]
    assert list(Metric.model_fields) == [
        "indicator",
        "value",
        "value_max",
        "unit",
        "qualifier",
        "year",
        "plan_pct",
        "evidence",
    ]


def test_rejects_unknown_fields_and_bad_qualifiers() -> None:
    with pytest.raises(ValidationError):
        Metric(indicator="x", value=1, evidence="1", qualifier="roughly")
    with pytest.raises(ValidationError):
        SectorReport.model_validate({"officials": [], "surprise": 1})


# --------------------------------------------------------------------------- one result type


def test_many_and_batch_give_the_same_pydantic_result_type(tmp_path: Path) -> None:
    from extractor import ArticleResult, ExtractionResult, extract_many, extract_report
    from extractor.batch import load_results, run_batch

    seeds = Path(__file__).resolve().parent.parent / "evals" / "seeds"
    paths = sorted(seeds.glob("*.txt"))[:2]
    texts = [(p.stem, p.read_text(encoding="utf-8")) for p in paths]
    many = extract_many([*texts, ("empty", "  ")], use_cache=False)
    assert all(isinstance(r, ExtractionResult) and isinstance(r, ArticleResult) for r in many)
    assert [r.id for r in many] == [p.stem for p in paths] + ["empty"]
    assert [r.ok for r in many] == [True, True, False]
    assert many[2].error is not None and many[2].error.type == "InputError"
    single = extract_report(texts[0][1], use_cache=False)
    assert many[0].report == single.report and many[0].text == single.text
    # JSON round trip of the in-memory result
    again = ArticleResult.model_validate_json(many[0].model_dump_json())
    assert again.report == single.report and again.id == paths[0].stem

    out = tmp_path / "out.jsonl"
    run_batch(paths, out, progress=False, use_cache=False)
    back = load_results(out)
    assert [type(r) for r in back] == [ArticleResult, ArticleResult]
    assert [r.report for r in back] == [r.report for r in many[:2]]
    assert back[0].grounding == many[0].grounding and back[0].text == texts[0][1]
    assert back[0].source == str(paths[0])


def test_article_result_wraps_a_result_or_an_exception() -> None:
    from extractor import ArticleResult
    from extractor.errors import ExtractionError

    failed = ArticleResult("x", "x.txt", error=ExtractionError("gave up", attempts=2))
    assert not failed.ok and failed.result is None
    assert isinstance(failed.exception, ExtractionError)
    line = failed.to_line()
    assert line["report"] is None and line["error"]["type"] == "ExtractionError"
    back = ArticleResult.from_line(line)
    assert back.error == failed.error and back.report == SectorReport() and back.exception is None
    ok = ArticleResult("y", "y.txt", result=ExtractionResult(report=SectorReport(title="t")))
    assert ok.ok and ok.result is ok and ok.to_line()["report"]["title"] == "t"
