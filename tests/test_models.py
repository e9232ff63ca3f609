import pytest
from pydantic import ValidationError

from extractor.models import SCHEMA_MODELS, Metric, SectorReport, schema_filename, schema_json
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
