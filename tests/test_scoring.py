"""Scoring: hand-made gold/prediction pairs with P/R/F1 worked out by hand."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.models import Award, Metric, Official, SectorReport
from extractor.scoring import (
    AWARD_RECIPIENT_THRESHOLD,
    EvalInputError,
    FieldScore,
    GoldReport,
    aggregate,
    award_kinds_match,
    gold_from_data,
    load_gold,
    names_match,
    recipient_similarity,
    score_article,
    text_similarity,
    ungrounded_figures,
    within_one_edit,
)

TEXT = (
    "Năm 2023, tuyển sinh đào tạo cho 15.325 người (vượt 33,3 % kế hoạch năm), tỷ lệ lao "
    "động qua đào tạo đạt 67,7%; vận động Quỹ được hơn 5,3 tỷ đồng; còn 26.791 hộ nghèo. "
    "Năm 2024 phấn đấu giải quyết việc làm từ 26 đến 27 nghìn lượt lao động; tỷ lệ nghèo "
    "giảm 0,5-1%; giới thiệu việc làm cho 25.600 lượt lao động, đạt 102,4% so với kế hoạch."
)


def m(indicator: str, value: float, **kw: Any) -> Metric:
    return Metric(indicator=indicator, value=value, evidence=kw.pop("evidence", "x"), **kw)


def gold_of(report: SectorReport, optional: dict[str, list[int]] | None = None) -> GoldReport:
    return GoldReport(report=report, optional=optional or {})


def base_report() -> SectorReport:
    return SectorReport(
        province="Long An",
        report_year=2023,
        plan_year=2024,
        officials=[
            Official(name="Nguyễn Hồng Mai", title="Giám đốc Sở Lao động - Thương binh và Xã hội"),
            Official(name="Phạm Tấn Hòa", title="Phó Chủ tịch UBND tỉnh"),
        ],
        achievements=[
            m("tuyển sinh đào tạo", 15325, unit="người", plan_pct=133.3, year=2023),
            m("tỷ lệ lao động qua đào tạo", 67.7, unit="%", year=2023),
            m("vận động Quỹ Đền ơn đáp nghĩa", 5.3e9, unit="đồng", qualifier="over"),
        ],
        targets=[m("giải quyết việc làm", 26000, value_max=27000, unit="lượt", year=2024)],
        awards=[
            Award(
                award="Cờ thi đua xuất sắc",
                conferred_by="Bộ trưởng Bộ Lao động - Thương binh và Xã hội",
                recipient="Sở Lao động - Thương binh và Xã hội",
                evidence="x",
            )
        ],
    )


def test_perfect_match_scores_one_everywhere() -> None:
    report = base_report()
    score = score_article(gold_of(report), report.model_copy(deep=True), TEXT, "a")
    for fs in score.fields.values():
        assert (fs.precision, fs.recall, fs.f1) == (1.0, 1.0, 1.0)
    # 2 officials + 3 achievements + 1 target + 1 award = 7 TP
    assert (score.overall.tp, score.overall.fp, score.overall.fn) == (7, 0, 0)
    assert all(acc.correct == acc.total for acc in score.attributes.values())
    assert score.attributes["metrics.unit"].total == 4
    assert all(score.scalars.values())
    assert score.omissions == [] and score.hallucinations == []
    assert score.ungrounded == []


def test_one_wrong_value_is_a_miss_and_a_hallucination() -> None:
    gold = base_report()
    pred = gold.model_copy(deep=True)
    pred.achievements[1] = m("tỷ lệ lao động qua đào tạo", 67.1, unit="%", year=2023)
    s = score_article(gold_of(gold), pred, TEXT, "a")
    ach = s.fields["achievements"]
    # TP 2, FP 1, FN 1 -> P = 2/3, R = 2/3, F1 = 2*2 / (2*2 + 1 + 1) = 2/3
    assert (ach.tp, ach.fp, ach.fn) == (2, 1, 1)
    assert ach.precision == pytest.approx(2 / 3)
    assert ach.recall == pytest.approx(2 / 3)
    assert ach.f1 == pytest.approx(2 / 3)
    # overall TP 6, FP 1, FN 1 -> F1 = 12 / 14
    assert s.overall.f1 == pytest.approx(12 / 14)
    assert [o.item["value"] for o in s.omissions] == [67.7]
    assert [h.item["value"] for h in s.hallucinations] == [67.1]


def test_figure_in_wrong_list_counts_twice() -> None:
    gold = SectorReport(
        achievements=[m("việc làm mới", 15059), m("hộ nghèo", 26791)],
        targets=[m("việc làm mới", 14495)],
    )
    pred = SectorReport(
        achievements=[m("việc làm mới", 15059)],
        targets=[m("việc làm mới", 14495), m("hộ nghèo", 26791)],
    )
    s = score_article(gold_of(gold), pred, TEXT, "a")
    # achievements: TP 1, FP 0, FN 1 -> P 1, R 1/2, F1 2/3
    a = s.fields["achievements"]
    assert (a.tp, a.fp, a.fn) == (1, 0, 1)
    assert a.f1 == pytest.approx(2 / 3)
    # targets: TP 1, FP 1, FN 0 -> P 1/2, R 1, F1 2/3
    t = s.fields["targets"]
    assert (t.tp, t.fp, t.fn) == (1, 1, 0)
    assert t.precision == pytest.approx(0.5)
    # overall: TP 2, FP 1, FN 1 -> P = R = F1 = 2/3
    assert s.overall.precision == pytest.approx(2 / 3)
    assert s.overall.recall == pytest.approx(2 / 3)
    assert [(o.field, o.item["value"]) for o in s.omissions] == [("achievements", 26791)]
    assert [(h.field, h.item["value"]) for h in s.hallucinations] == [("targets", 26791)]


def test_optional_gold_items_change_nothing() -> None:
    gold = SectorReport(achievements=[m("việc làm mới", 15059), m("suất quà", 22000)])
    g = gold_of(gold, {"achievements": [1]})
    both = SectorReport(achievements=[m("việc làm mới", 15059), m("suất quà", 22000)])
    only_required = SectorReport(achievements=[m("việc làm mới", 15059)])
    for pred in (both, only_required):
        a = score_article(g, pred, TEXT, "a").fields["achievements"]
        # the optional item is neither TP nor FP when matched, nor FN when missed
        assert (a.tp, a.fp, a.fn) == (1, 0, 0)
        assert a.f1 == 1.0
    only_optional = SectorReport(achievements=[m("suất quà", 22000)])
    s = score_article(g, only_optional, TEXT, "a")
    # TP 0, FP 0, FN 1 -> P = 0 (0/0 with something expected), R = 0, F1 = 0
    a = s.fields["achievements"]
    assert (a.tp, a.fp, a.fn) == (0, 0, 1)
    assert (a.precision, a.recall, a.f1) == (0.0, 0.0, 0.0)
    assert s.hallucinations == []
    assert [mp.optional for mp in s.matches] == [True]


def test_optional_and_required_are_matched_together_by_indicator() -> None:
    gold = SectorReport(
        achievements=[
            m("xã, phường làm tốt công tác thương binh, liệt sĩ", 100, unit="%"),
            m("trẻ em có hoàn cảnh đặc biệt được chăm sóc", 100, unit="%"),
        ]
    )
    g = gold_of(gold, {"achievements": [1]})
    to_optional = SectorReport(achievements=[m("trẻ em hoàn cảnh đặc biệt được chăm sóc", 100)])
    a = score_article(g, to_optional, TEXT, "a").fields["achievements"]
    # matched to the optional item: no TP, no FP; the required one is missed: FN 1
    assert (a.tp, a.fp, a.fn) == (0, 0, 1)
    to_required = SectorReport(achievements=[m("xã phường làm tốt công tác thương binh", 100)])
    a = score_article(g, to_required, TEXT, "a").fields["achievements"]
    assert (a.tp, a.fp, a.fn) == (1, 0, 0)


def test_indicator_breaks_ties_between_equal_values() -> None:
    gold = SectorReport(
        achievements=[
            m("xã làm tốt công tác thương binh liệt sĩ", 100, unit="%", year=2023),
            m("trẻ em có hoàn cảnh đặc biệt được chăm sóc", 100, unit="%", year=2024),
        ]
    )
    pred = SectorReport(
        achievements=[
            m("tre em co hoan canh dac biet duoc cham soc", 100, unit="%", year=2024),
            m("Xã làm tốt công tác thương binh", 100, unit="%", year=2023),
        ]
    )
    s = score_article(gold_of(gold), pred, TEXT, "a")
    assert {(p.gold_index, p.pred_index) for p in s.matches} == {(0, 1), (1, 0)}
    assert s.attributes["metrics.year"].correct == 2


def test_official_name_tolerates_one_typo_and_normalisation() -> None:
    gold = SectorReport(officials=[Official(name="Nguyễn Hồng Mai", title="Giám đốc Sở")])
    for name in (
        "Nguyễn Hồng Maii",
        "Nguyễn Hồng Ma",
        "nguyễn  HỒNG mai",
        unicodedata.normalize("NFD", "Nguyễn Hồng Mai"),
    ):
        pred = SectorReport(officials=[Official(name=name, title="giam doc so")])
        s = score_article(gold_of(gold), pred, TEXT, "a")
        assert s.fields["officials"].tp == 1, name
        assert s.attributes["officials.title"].correct == 1
    for name in ("Nguyen Hong Mai", "Hồng Mai", "Nguyễn Hồng Nam"):
        pred = SectorReport(officials=[Official(name=name)])
        o = score_article(gold_of(gold), pred, TEXT, "a").fields["officials"]
        # TP 0, FP 1, FN 1 -> F1 0
        assert (o.tp, o.fp, o.fn, o.f1) == (0, 1, 1, 0.0), name


def test_duplicate_official_is_a_hallucination() -> None:
    gold = SectorReport(officials=[Official(name="Phạm Tấn Hòa")])
    pred = SectorReport(officials=[Official(name="Phạm Tấn Hòa"), Official(name="Phạm Tấn Hòa")])
    o = score_article(gold_of(gold), pred, TEXT, "a").fields["officials"]
    # TP 1, FP 1 -> P 1/2, R 1, F1 2/3
    assert (o.tp, o.fp, o.fn) == (1, 1, 0)
    assert o.f1 == pytest.approx(2 / 3)


def test_assignment_maximises_matches_not_greedy_similarity() -> None:
    # P0 equals G0 exactly but is also one edit from G1; P1 is one edit from G0 only.
    # Greedy best-first would pair P0-G0 and leave P1 unmatched; optimal gives 2 TP.
    gold = SectorReport(officials=[Official(name="Lê Văn Bình"), Official(name="Lê Văn Bìn")])
    pred = SectorReport(officials=[Official(name="Lê Văn Bình"), Official(name="Lê Văn Bìnhh")])
    o = score_article(gold_of(gold), pred, TEXT, "a").fields["officials"]
    assert (o.tp, o.fp, o.fn) == (2, 0, 0)


def test_value_max_must_match() -> None:
    gold = SectorReport(targets=[m("việc làm", 26000, value_max=27000)])
    for vmax in (28000.0, None):
        pred = SectorReport(targets=[m("việc làm", 26000, value_max=vmax)])
        t = score_article(gold_of(gold), pred, TEXT, "a").fields["targets"]
        # no candidate pair: TP 0, FP 1, FN 1
        assert (t.tp, t.fp, t.fn) == (0, 1, 1)
    pred = SectorReport(targets=[m("việc làm", 26000.00000001, value_max=27000)])
    assert score_article(gold_of(gold), pred, TEXT, "a").fields["targets"].tp == 1


def test_empty_gold_and_prediction() -> None:
    empty = SectorReport()
    s = score_article(gold_of(empty), SectorReport(), TEXT, "a")
    # nothing expected, nothing predicted -> 1.0 by definition
    assert (s.overall.precision, s.overall.recall, s.overall.f1) == (1.0, 1.0, 1.0)
    assert all(fs.empty for fs in s.fields.values())
    # only the prediction is non-empty: TP 0, FP 1, FN 0 -> all 0
    s = score_article(gold_of(empty), SectorReport(targets=[m("x", 5)]), TEXT, "a")
    t = s.fields["targets"]
    assert (t.precision, t.recall, t.f1) == (0.0, 0.0, 0.0)
    # only the gold is non-empty: TP 0, FP 0, FN 1 -> all 0
    s = score_article(gold_of(SectorReport(targets=[m("x", 5)])), empty, TEXT, "a")
    assert (s.overall.precision, s.overall.recall, s.overall.f1) == (0.0, 0.0, 0.0)


def test_micro_overall_differs_from_per_field_mean() -> None:
    gold = SectorReport(
        officials=[Official(name="Phạm Tấn Hòa")],
        achievements=[m("a", 1), m("b", 2), m("c", 3)],
    )
    pred = SectorReport(
        officials=[Official(name="Phạm Tấn Hòa")],
        achievements=[m("a", 1), m("d", 4)],
    )
    s = score_article(gold_of(gold), pred, TEXT, "a")
    # officials: TP 1 -> F1 1.0
    # achievements: TP 1, FP 1, FN 2 -> P 1/2, R 1/3, F1 2/(2+1+2) = 0.4
    assert s.fields["officials"].f1 == 1.0
    assert s.fields["achievements"].f1 == pytest.approx(0.4)
    # micro: TP 2, FP 1, FN 2 -> P 2/3, R 1/2, F1 4/7 (mean of field F1s would be 0.7)
    assert s.overall.precision == pytest.approx(2 / 3)
    assert s.overall.recall == pytest.approx(0.5)
    assert s.overall.f1 == pytest.approx(4 / 7)


def test_aggregate_sums_counts_over_articles() -> None:
    gold = SectorReport(report_year=2023, achievements=[m("a", 1), m("b", 2)])
    s1 = score_article(gold_of(gold), gold.model_copy(deep=True), TEXT, "one")
    s2 = score_article(
        gold_of(gold), SectorReport(report_year=2022, achievements=[m("a", 1)]), TEXT, "two"
    )
    summary = aggregate([s1, s2])
    # achievements: (2 + 1) TP, 0 FP, (0 + 1) FN -> P 1, R 3/4, F1 6/7
    a = summary.fields["achievements"]
    assert (a.tp, a.fp, a.fn) == (3, 0, 1)
    assert summary.overall.f1 == pytest.approx(6 / 7)
    # article F1s 1.0 and 2/3 -> macro 5/6
    assert summary.macro_f1 == pytest.approx(5 / 6)
    assert (summary.scalars["report_year"].correct, summary.scalars["report_year"].total) == (1, 2)
    assert summary.omissions == 1 and summary.hallucinations == 0
    assert aggregate([]).overall.f1 == 1.0
    json.dumps(summary.model_dump())  # JSON-serialisable


def test_attribute_accuracy_over_matched_pairs() -> None:
    gold = SectorReport(
        achievements=[
            m("a", 15325, unit="người", plan_pct=133.3, year=2023),
            m("b", 5.3e9, unit="đồng", qualifier="over"),
        ],
        awards=[
            Award(
                award="Bằng khen", conferred_by="Chủ tịch UBND tỉnh", recipient="Sở", evidence="x"
            )
        ],
    )
    pred = SectorReport(
        achievements=[
            m("a", 15325, unit="lượt", plan_pct=133.3, year=2023),
            m("b", 5.3e9, unit="Đồng", qualifier="exact"),
            m("unmatched", 7, unit="xx"),
        ],
        awards=[Award(award="Bằng khen", conferred_by="Bộ trưởng", recipient="Sở", evidence="x")],
    )
    s = score_article(gold_of(gold), pred, TEXT, "a")
    attrs = s.attributes
    assert (attrs["metrics.unit"].correct, attrs["metrics.unit"].total) == (1, 2)
    assert attrs["metrics.unit"].accuracy == 0.5
    assert (attrs["metrics.qualifier"].correct, attrs["metrics.qualifier"].total) == (1, 2)
    assert (attrs["metrics.plan_pct"].correct, attrs["metrics.year"].correct) == (2, 2)
    assert (attrs["awards.conferred_by"].correct, attrs["awards.conferred_by"].total) == (0, 1)
    assert attrs["officials.title"].accuracy is None


def test_award_matching_rules() -> None:
    assert award_kinds_match("Cờ thi đua", "Cờ thi đua xuất sắc")
    assert award_kinds_match("Bằng khen của Bộ trưởng", "bang khen")
    assert not award_kinds_match("Bằng khen", "Giấy khen")
    # "danh hiệu" is the word for "title", not part of the honour's name
    assert award_kinds_match("Danh hiệu Tập thể lao động xuất sắc", "Tập thể lao động xuất sắc")
    assert not award_kinds_match("Danh hiệu Chiến sĩ thi đua cơ sở", "Tập thể lao động xuất sắc")
    assert not award_kinds_match("Huân chương Lao động hạng Ba", "Huân chương Lao động hạng Nhì")
    assert text_similarity("Trung tâm Công tác xã hội", "Sở Tài chính") < AWARD_RECIPIENT_THRESHOLD
    # a group's merit clause is kept by some annotators and left by others: recipients
    # compare with and without it (lexicon merit_clauses), a different group still differs
    long = "các cá nhân có thành tích xuất sắc năm 2017"
    assert text_similarity("các cá nhân", long) < AWARD_RECIPIENT_THRESHOLD
    assert recipient_similarity("các cá nhân", long) == 1.0
    assert recipient_similarity("Nhiều cá nhân", "Nhiều cá nhân có thành tích trong phong trào")
    assert recipient_similarity("Sở Y tế", long) < AWARD_RECIPIENT_THRESHOLD
    assert recipient_similarity("có thành tích", "có thành tích") == 1.0  # nothing before it

    def aw(kind: str, who: str, by: str | None = None) -> Award:
        return Award(award=kind, recipient=who, conferred_by=by, evidence="x")

    gold = SectorReport(
        awards=[
            aw("Bằng khen", "01 tập thể và 04 cá nhân", "Chủ tịch UBND tỉnh"),
            aw("Bằng khen", "05 tập thể và 17 cá nhân", "Bộ trưởng Bộ LĐ-TB&XH"),
            aw("Giấy khen", "nhiều tập thể, cá nhân", "Giám đốc Sở"),
        ]
    )
    pred = SectorReport(
        awards=[
            aw("Bằng khen", "5 tập thể và 17 cá nhân", "Bộ trưởng Bộ LĐ-TB&XH"),
            aw("Bằng khen", "1 tập thể và 4 cá nhân", "Chủ tịch UBND tỉnh"),
            aw("Bằng khen", "nhiều tập thể, cá nhân", "Giám đốc Sở"),
        ]
    )
    s = score_article(gold_of(gold), pred, TEXT, "a")
    # two Bằng khen pair up by recipient; Giấy khen vs Bằng khen is no candidate
    # TP 2, FP 1, FN 1 -> F1 4/6
    a = s.fields["awards"]
    assert (a.tp, a.fp, a.fn) == (2, 1, 1)
    assert {(p.gold_index, p.pred_index) for p in s.matches} == {(0, 1), (1, 0)}
    assert s.attributes["awards.conferred_by"].correct == 2


def test_scalars_province_and_years() -> None:
    gold = SectorReport(province="Long An", report_year=2023, plan_year=2024)
    pred = SectorReport(province="tỉnh Long An", report_year=2023, plan_year=2023)
    s = score_article(gold_of(gold), pred, TEXT, "a")
    assert s.scalars == {"report_year": True, "plan_year": False, "province": True}
    s = score_article(gold_of(SectorReport()), SectorReport(province="Lâm Đồng"), TEXT, "a")
    assert s.scalars["province"] is False
    assert score_article(gold_of(SectorReport()), SectorReport(), TEXT, "a").scalars["province"]
    # a city's short name and its full name are one province
    for short in ("TP.HCM", "TPHCM", "TP HCM", "Tp. HCM"):
        s = score_article(
            gold_of(SectorReport(province=short)), SectorReport(province="Hồ Chí Minh"), TEXT, "a"
        )
        assert s.scalars["province"], short
    s = score_article(
        gold_of(SectorReport(province="TP.HCM")), SectorReport(province="Hà Nội"), TEXT, "a"
    )
    assert not s.scalars["province"]


def test_ungrounded_figures() -> None:
    pred = SectorReport(
        achievements=[
            m("tuyển sinh", 15325, plan_pct=133.3),  # grounded, plan 100 + 33,3
            m("tuyển sinh", 15.325),  # wrong normalisation
            m("quỹ", 5.3e9),  # grounded with its scale word
            m("quỹ", 5.3),  # scale word dropped
            m("giới thiệu việc làm", 25600, plan_pct=102.4),
            m("invented", 4242, plan_pct=150),
        ],
        targets=[m("việc làm", 26000, value_max=27000), m("nghèo", 0.5, value_max=1.5)],
    )
    found = {(u.field, u.index, u.attribute) for u in ungrounded_figures(pred, TEXT)}
    assert found == {
        ("achievements", 1, "value"),
        ("achievements", 3, "value"),
        ("achievements", 5, "value"),
        ("achievements", 5, "plan_pct"),
        ("targets", 1, "value_max"),
    }
    s = score_article(gold_of(SectorReport()), pred, TEXT, "a")
    assert len(s.ungrounded) == 5


def test_similarity_helpers() -> None:
    assert within_one_edit("abc", "abd") and within_one_edit("abc", "ab")
    assert not within_one_edit("abc", "acb") and not within_one_edit("abc", "a")
    assert names_match("Trần  Đình Văn", "trần đình văn")
    assert text_similarity("Tỷ lệ hộ nghèo", "ty le ho ngheo") == 1.0
    assert text_similarity("tỷ lệ hộ nghèo", "số lao động") < 0.5


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_load_gold_reads_optional_flags(tmp_path: Path) -> None:
    data = {
        "report_year": 2023,
        "achievements": [
            {"indicator": "a", "value": 1, "evidence": "x"},
            {"indicator": "b", "value": 2, "evidence": "x", "optional": True},
            {"indicator": "c", "value": 3, "evidence": "x", "optional": False},
        ],
        "officials": [{"name": "Lê Thị Thêu", "optional": True}],
    }
    g = load_gold(write(tmp_path / "a.gold.json", data))
    assert g.optional == {"achievements": [1], "officials": [0]}
    assert g.is_optional("achievements", 1) and not g.is_optional("achievements", 2)
    assert len(g.report.achievements) == 3 and g.report.report_year == 2023
    assert GoldReport.model_validate_json(g.model_dump_json()) == g


@pytest.mark.parametrize(
    "content, fragment",
    [
        ("{not json", "invalid JSON"),
        (json.dumps([1, 2]), "JSON object"),
        (json.dumps({"achievements": [{"indicator": "a", "evidence": "x"}]}), "schema"),
        (json.dumps({"unknown_key": 1}), "schema"),
        (
            json.dumps(
                {"targets": [{"indicator": "a", "value": 1, "evidence": "x", "optional": "yes"}]}
            ),
            "optional",
        ),
    ],
)
def test_load_gold_errors_name_the_file(tmp_path: Path, content: str, fragment: str) -> None:
    path = tmp_path / "broken.gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvalInputError, match=fragment) as info:
        load_gold(path)
    assert "broken.gold.json" in str(info.value)
    with pytest.raises(EvalInputError, match="missing.gold.json"):
        load_gold(tmp_path / "missing.gold.json")


def test_gold_from_data_does_not_mutate_input() -> None:
    data = {"targets": [{"indicator": "a", "value": 1, "evidence": "x", "optional": True}]}
    gold_from_data(data)
    assert data["targets"][0]["optional"] is True


def test_field_score_addition() -> None:
    total = FieldScore(tp=1, fp=2, fn=3) + FieldScore(tp=4, fp=0, fn=1)
    assert (total.tp, total.fp, total.fn) == (5, 2, 4)
    assert total.model_dump()["f1"] == pytest.approx(10 / 16)


metric_st = st.builds(
    Metric,
    indicator=st.sampled_from(["việc làm", "hộ nghèo", "tỷ lệ đào tạo", "suất quà"]),
    value=st.sampled_from([1.0, 2.5, 100.0, 15325.0]),
    value_max=st.sampled_from([None, 27000.0]),
    evidence=st.just("x"),
)


@settings(max_examples=60, deadline=None)
@given(
    gold=st.lists(metric_st, max_size=6),
    pred=st.lists(metric_st, max_size=6),
    optional=st.sets(st.integers(0, 5)),
    seed=st.randoms(use_true_random=False),
)
def test_counts_are_consistent_and_order_free(
    gold: list[Metric], pred: list[Metric], optional: set[int], seed: Any
) -> None:
    opt = sorted(i for i in optional if i < len(gold))
    g = gold_of(SectorReport(achievements=gold), {"achievements": opt})
    a = score_article(g, SectorReport(achievements=pred), "", "a").fields["achievements"]
    matched_optional = len(pred) - a.tp - a.fp
    assert 0 <= matched_optional <= len(opt)
    assert a.tp + a.fn == len(gold) - len(opt)
    shuffled = list(pred)
    seed.shuffle(shuffled)
    b = score_article(g, SectorReport(achievements=shuffled), "", "a").fields["achievements"]
    assert (a.tp, a.fp, a.fn) == (b.tp, b.fp, b.fn)
    same = score_article(g, SectorReport(achievements=gold), "", "a").fields["achievements"]
    assert (same.fp, same.fn) == (0, 0)


# --------------------------------------------------------------------------- strict (label) scoring

SEEDS = Path(__file__).resolve().parents[1] / "evals" / "seeds"


def _seed_golds() -> list[tuple[str, GoldReport]]:
    return [
        (p.read_text(encoding="utf-8"), load_gold(p.with_suffix("").with_suffix(".gold.json")))
        for p in sorted(SEEDS.glob("*.txt"))
    ]


def test_gold_fed_back_scores_one_strict_and_value_only() -> None:
    scores = [score_article(g, g.report, t, "x") for t, g in _seed_golds()]
    overall = aggregate(scores).overall
    assert overall.f1 == 1.0 and overall.value_f1 == 1.0
    assert aggregate(scores).label_similarity == 1.0


def test_meaningless_labels_sink_the_headline_but_not_value_f1() -> None:
    """Issue 9's acceptance: every indicator replaced by a useless label."""
    scores = []
    for text, gold in _seed_golds():
        pred = gold.report.model_copy(deep=True)
        for metric in [*pred.achievements, *pred.targets]:
            metric.indicator = "thực hiện"
        scores.append(score_article(gold, pred, text, "x"))
    summary = aggregate(scores)
    assert summary.overall.f1 < 0.5
    assert summary.overall.value_f1 == 1.0
    assert summary.mislabels == summary.label_pairs > 0


def test_right_value_wrong_label_is_a_false_positive_and_a_miss() -> None:
    gold = SectorReport(achievements=[m("tỷ lệ hộ nghèo", 2.1, unit="%", year=2023)])
    pred = SectorReport(achievements=[m("tỉnh", 2.1, unit="%", year=2023)])
    s = score_article(gold_of(gold), pred, TEXT, "a")
    f = s.fields["achievements"]
    assert (f.tp, f.fp, f.fn) == (0, 1, 1)
    assert (f.value_tp, f.value_fp, f.value_fn) == (1, 0, 0)
    assert [(x.gold_indicator, x.pred_indicator) for x in s.mislabels] == [
        ("tỷ lệ hộ nghèo", "tỉnh")
    ]


def test_a_shorter_label_naming_the_same_thing_matches() -> None:
    gold = SectorReport(
        achievements=[m("tỷ lệ trường tiểu học đạt chuẩn quốc gia", 85, unit="%", year=2023)]
    )
    pred = SectorReport(achievements=[m("trường tiểu học đạt chuẩn quốc gia", 85, unit="%")])
    f = score_article(gold_of(gold), pred, TEXT, "a").fields["achievements"]
    assert (f.tp, f.fp, f.fn) == (1, 0, 0)


def test_a_target_filed_under_achievements_never_matches() -> None:
    gold = SectorReport(targets=[m("lao động được giải quyết việc làm", 26000, year=2024)])
    pred = SectorReport(achievements=[m("lao động được giải quyết việc làm", 26000, year=2024)])
    s = score_article(gold_of(gold), pred, TEXT, "a")
    assert s.fields["targets"].fn == 1 and s.fields["achievements"].fp == 1
    assert s.fields["targets"].value_fn == 1 and s.fields["achievements"].value_fp == 1


def test_value_counts_add_up() -> None:
    total = FieldScore(tp=1, value_tp=2, value_fp=1) + FieldScore(value_tp=1, value_fn=2)
    assert (total.value_tp, total.value_fp, total.value_fn) == (3, 1, 2)
    assert total.value_f1 == pytest.approx(6 / 9)
