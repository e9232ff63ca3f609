import io

import pytest
from rich.console import Console

from extractor.display import format_value, print_result
from extractor.models import ExtractionResult, Metric, Official, SectorReport


@pytest.mark.parametrize(
    "value,value_max,unit,qualifier,expected",
    [
        (15325, None, "người", "exact", "15.325 người"),
        (67.7, None, "%", "exact", "67,7 %"),
        (5.3e9, None, "đồng", "over", ">5,3 tỷ đồng"),
        (251_630e9, None, "đồng", "exact", "251.630 tỷ đồng"),
        (1234, None, "hộ", "exact", "1.234 hộ"),
        (26000, 27000, "lượt", "exact", "26.000–27.000 lượt"),
        (0.53, None, "%", "under", "<0,53 %"),
        (1, None, None, "about", "~1"),
    ],
)
def test_values_are_shown_the_vietnamese_way(value, value_max, unit, qualifier, expected) -> None:
    metric = Metric(
        indicator="x",
        value=value,
        value_max=value_max,
        unit=unit,
        qualifier=qualifier,
        evidence="e",
    )
    assert format_value(metric) == expected


def test_print_result_shows_every_section() -> None:
    report = SectorReport(
        title="Tổng kết năm 2023",
        report_year=2023,
        plan_year=2024,
        officials=[Official(name="Trần Văn Bình", title="Giám đốc Sở Y tế")],
        achievements=[Metric(indicator="khám bệnh", value=120000, unit="lượt", evidence="e")],
    )
    buffer = io.StringIO()
    print_result(ExtractionResult(report=report), Console(file=buffer, width=120))
    out = buffer.getvalue()
    assert "Trần Văn Bình" in out and "120.000 lượt" in out and "2023 → 2024" in out
    assert "Targets" not in out  # empty sections are left out


def test_plan_share_is_a_vietnamese_percent() -> None:
    metric = Metric(indicator="x", value=15325, unit="người", plan_pct=133.3, evidence="e")
    buffer = io.StringIO()
    result = ExtractionResult(report=SectorReport(achievements=[metric]))
    print_result(result, Console(file=buffer, width=160))
    out = buffer.getvalue()
    assert "133,3 %" in out and "133.3" not in out


def test_status_column_and_summary() -> None:
    from rich.console import Console

    from extractor import extract_report
    from extractor.display import print_result

    text = "Năm 2023, toàn tỉnh giải quyết việc làm cho 15.325 người, tăng 5% so với năm 2022."
    console = Console(record=True, width=200)
    print_result(extract_report(text, strategy="rules"), console)
    out = console.export_text()
    assert "✓" in out and "verification: 2 verified" in out
