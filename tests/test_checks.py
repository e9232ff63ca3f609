"""Rule-based checks: each flags a planted error and passes the clean report."""

from __future__ import annotations

from typing import Any

import pytest

from extractor import checks
from extractor.checks import CHECKS, run_checks
from extractor.grounding import ground_report
from extractor.models import Award, CheckWarning, Metric, Official, SectorReport

SOURCE = (
    "Hội nghị tổng kết công tác năm 2021, triển khai nhiệm vụ năm 2022 của ngành nông nghiệp.\n"
    "Dự hội nghị có đồng chí Trần Văn Bình, Phó Chủ tịch UBND tỉnh.\n"
    "Năm 2021, toàn ngành đã hỗ trợ sinh kế cho 12.480 hộ (vượt 24,5 % kế hoạch năm), tỷ lệ "
    "hộ dân nông thôn dùng nước sạch đạt 91,3%; trồng mới 1.250 ha rừng tập trung (đạt 104,2% "
    "kế hoạch); Quỹ “Vì người nghèo” vận động được hơn 3,2 tỷ đồng; 100% xã có trạm y tế.\n"
    "Năm 2022, ngành phấn đấu trồng mới từ 1.300 đến 1.400 ha rừng; nâng tỷ lệ hộ dân nông "
    "thôn dùng nước sạch lên 93%; duy trì 100% xã có trạm y tế.\n"
    "Nhân dịp này, Sở được nhận Cờ thi đua xuất sắc của Bộ trưởng Bộ Nông nghiệp và Phát "
    "triển nông thôn."
)

EV_HOUSEHOLDS = "toàn ngành đã hỗ trợ sinh kế cho 12.480 hộ (vượt 24,5 % kế hoạch năm)"
EV_WATER = "tỷ lệ hộ dân nông thôn dùng nước sạch đạt 91,3%"
EV_FOREST = "trồng mới 1.250 ha rừng tập trung (đạt 104,2% kế hoạch)"
EV_FUND = "Quỹ “Vì người nghèo” vận động được hơn 3,2 tỷ đồng"
EV_CLINIC = "100% xã có trạm y tế"
EV_T_FOREST = "phấn đấu trồng mới từ 1.300 đến 1.400 ha rừng"
EV_T_WATER = "nâng tỷ lệ hộ dân nông thôn dùng nước sạch lên 93%"
EV_T_CLINIC = "duy trì 100% xã có trạm y tế"


def ach(indicator: str, value: float, evidence: str, **kw: Any) -> Metric:
    return Metric(indicator=indicator, value=value, evidence=evidence, year=2021, **kw)


def tgt(indicator: str, value: float, evidence: str, **kw: Any) -> Metric:
    return Metric(indicator=indicator, value=value, evidence=evidence, year=2022, **kw)


def clean() -> SectorReport:
    return SectorReport(
        sector="nông nghiệp",
        report_year=2021,
        plan_year=2022,
        officials=[Official(name="Trần Văn Bình", title="Phó Chủ tịch UBND tỉnh")],
        achievements=[
            ach("hộ được hỗ trợ sinh kế", 12480, EV_HOUSEHOLDS, unit="hộ", plan_pct=124.5),
            ach("tỷ lệ hộ dân nông thôn dùng nước sạch", 91.3, EV_WATER, unit="%"),
            ach("diện tích rừng trồng mới", 1250, EV_FOREST, unit="ha", plan_pct=104.2),
            ach("vận động Quỹ Vì người nghèo", 3.2e9, EV_FUND, unit="đồng", qualifier="over"),
            ach("xã có trạm y tế", 100, EV_CLINIC, unit="%"),
        ],
        targets=[
            tgt("diện tích rừng trồng mới", 1300, EV_T_FOREST, value_max=1400, unit="ha"),
            tgt("tỷ lệ hộ dân nông thôn dùng nước sạch", 93, EV_T_WATER, unit="%"),
            tgt("xã có trạm y tế", 100, EV_T_CLINIC, unit="%"),
        ],
        awards=[
            Award(
                award="Cờ thi đua xuất sắc",
                conferred_by="Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn",
                recipient="Sở",
                evidence="Sở được nhận Cờ thi đua xuất sắc của Bộ trưởng Bộ Nông nghiệp và "
                "Phát triển nông thôn",
            )
        ],
    )


def run(name: str, report: SectorReport, source: str = SOURCE) -> list[CheckWarning]:
    found = CHECKS[name](report, source, ground_report(report, source))
    assert all(w.check == name for w in found)
    return found


def where(found: list[CheckWarning]) -> list[tuple[str | None, int | None]]:
    return [(w.field, w.index) for w in found]


def test_clean_report_passes_every_check() -> None:
    assert run_checks(clean(), SOURCE) == []


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_each_check_passes_clean_input(name: str) -> None:
    assert run(name, clean()) == []


def test_registry_names_and_grounding_default() -> None:
    # whether a figure is stated in its evidence is the verification pass's (test_verify)
    assert set(CHECKS) == {
        "evidence_verbatim",
        "percent_range",
        "range_order",
        "year_consistency",
        "duplicates",
        "target_equals_achievement",
    }
    report = clean()
    report.achievements[0].value = 150.0
    report.achievements[0].unit = "%"
    given = run_checks(report, SOURCE, ground_report(report, SOURCE))
    assert given == run_checks(report, SOURCE)
    assert "percent_range" in {w.check for w in given}


def test_a_crashing_check_becomes_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: Any) -> list[CheckWarning]:
        raise RuntimeError("boom")

    monkeypatch.setitem(checks.CHECKS, "broken", broken)
    found = run_checks(clean(), SOURCE)
    assert [w.check for w in found] == ["broken"] and "boom" in found[0].message


# --------------------------------------------------------------------------- planted errors


def test_evidence_verbatim_methods() -> None:
    report = clean()
    report.achievements[1].evidence = "Tỷ lệ hộ dân nông thôn dùng nước sạch đạt 91,3 %"
    report.achievements[3].evidence = 'Quỹ "Vì người nghèo" vận động được hơn 3,2 tỷ đồng'
    report.targets[0].evidence = "phấn đấu trồng từ 1.300 đến 1.400 ha rừng"
    report.awards[0].evidence = "Sở nhận Huân chương Lao động hạng Nhì"
    report.officials.append(Official(name="Lê Thị Hoa"))
    found = run("evidence_verbatim", report)
    assert where(found) == [
        ("officials", 1),
        ("achievements", 1),
        ("achievements", 3),
        ("targets", 0),
        ("awards", 0),
    ]
    text = [w.message for w in found]
    assert "not in the text" in text[0] and text[0].startswith("name")
    assert "not verbatim" in text[1]
    assert "normalising" in text[2]
    assert "not verbatim" in text[3]
    assert "not in the text" in text[4]


def test_percent_range() -> None:
    report = clean()
    report.achievements[1].value = 124.5
    report.achievements[0].plan_pct = 1500
    report.achievements[2].plan_pct = 0
    report.targets[1].value = -2
    found = run("percent_range", report)
    assert where(found) == [
        ("achievements", 0),
        ("achievements", 1),
        ("achievements", 2),
        ("targets", 1),
    ]
    assert "124.5" in found[1].message and "1500" in found[0].message


def test_plan_pct_over_100_is_not_out_of_range() -> None:
    report = clean()
    assert report.achievements[0].plan_pct and report.achievements[0].plan_pct > 100
    assert run("percent_range", report) == []


def test_range_order() -> None:
    report = clean()
    report.targets[0].value, report.targets[0].value_max = 1400, 1300
    found = run("range_order", report)
    assert where(found) == [("targets", 0)] and "1400" in found[0].message


def test_year_consistency_item_years() -> None:
    report = clean()
    report.targets[1].year = 2021
    report.achievements[4].year = 2022
    found = run("year_consistency", report)
    assert where(found) == [("achievements", 4), ("targets", 1)]
    assert "2021" in found[1].message and "plan_year" in found[1].message


def test_year_consistency_plan_year() -> None:
    report = clean()
    report.plan_year = 2023
    report.targets = []
    found = run("year_consistency", report)
    assert where(found) == [(None, None)] and "2023" in found[0].message
    stated = SOURCE.replace("nhiệm vụ năm 2022", "nhiệm vụ năm 2023")
    assert run("year_consistency", report, stated) == []
    report.plan_year = 2021
    assert len(run("year_consistency", report, stated)) == 1  # never on or before report_year


def test_duplicates() -> None:
    report = clean()
    report.achievements.append(report.achievements[2].model_copy())
    same_span = report.achievements[0].model_copy(update={"indicator": "sinh kế"})
    report.achievements.append(same_span)
    report.officials.append(Official(name="Văn Bình", title="Phó Chủ tịch"))
    report.awards.append(report.awards[0].model_copy())
    found = run("duplicates", report)
    assert where(found) == [
        ("achievements", 5),
        ("achievements", 6),
        ("officials", 1),
        ("awards", 1),
    ]
    assert "achievements[2]" in found[0].message and "achievements[0]" in found[1].message


def test_same_evidence_different_figures_are_not_duplicates() -> None:
    report = clean()
    sentence = "trồng mới 1.250 ha rừng tập trung (đạt 104,2% kế hoạch); Quỹ"
    report.achievements[2].evidence = sentence
    report.achievements.append(ach("kế hoạch trồng rừng", 104.2, sentence, unit="%"))
    assert run("duplicates", report) == []


def test_target_equals_achievement() -> None:
    report = clean()
    report.targets[1] = tgt("tỷ lệ hộ nông thôn dùng nước sạch", 91.3, EV_WATER, unit="%")
    found = run("target_equals_achievement", report)
    assert where(found) == [("targets", 1)]
    assert "achievements[1]" in found[0].message and "same evidence span" in found[0].message


def test_target_equal_with_other_evidence_and_maintained_level() -> None:
    report = clean()
    report.targets[1] = tgt(
        "tỷ lệ hộ dùng nước sạch", 91.3, "phấn đấu nước sạch đạt 91,3%", unit="%"
    )
    found = run("target_equals_achievement", report)
    assert where(found) == [("targets", 1)] and "similar indicator" in found[0].message
    # 'duy trì 100%' (targets[2]) equals achievements[4] on purpose: not flagged
    assert all(w.index != 2 for w in found)


def test_year_stated_in_evidence_is_accepted() -> None:
    report = clean()
    report.achievements.append(ach("tỷ lệ năm trước", 88.0, "(năm 2020 là 88%)", unit="%"))
    report.achievements[-1].year = 2020
    report.targets.append(tgt("xã đạt chuẩn", 100, "Đến năm 2025, 100% xã đạt chuẩn", unit="%"))
    report.targets[-1].year = 2025
    report.targets.append(tgt("tăng so với năm 2021", 5, "tăng 5% so với năm 2021", unit="%"))
    report.targets[-1].year = 2021  # a comparison base is not the figure's year
    assert where(run("year_consistency", report)) == [("targets", 4)]


def test_percent_change_may_exceed_100() -> None:
    report = SectorReport(
        achievements=[
            Metric(indicator="a", value=150, unit="%", evidence="doanh thu tăng 150% so với 2020"),
            Metric(
                indicator="b", value=102.77, unit="%", evidence="đạt 37.000 người, tăng 102,77%"
            ),
            Metric(indicator="c", value=104, unit="%", evidence="tỷ lệ che phủ rừng đạt 104%"),
        ]
    )
    assert where(run("percent_range", report, "")) == [("achievements", 2)]


def test_similar_but_different_indicators_are_not_duplicates() -> None:
    report = clean()
    report.targets.append(
        tgt("tỷ lệ hộ dân thành thị dùng nước sạch", 93, "thành thị lên 93%", unit="%")
    )
    assert run("duplicates", report) == []
    report.targets.append(tgt("hộ dân nông thôn dùng nước sạch", 93, "nước sạch 93%", unit="%"))
    assert where(run("duplicates", report)) == [("targets", 4)]
