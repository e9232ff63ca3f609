"""Tests for the deterministic rules extractor (extractor/strategies/rules/, through the
extractor.rules compatibility module).

Snippets are invented (other departments, provinces, years and styles than the seeds);
the seed articles are used only for the verbatim-evidence invariant.
"""

from __future__ import annotations

import re
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.models import SectorReport
from extractor.numbers import find_quantities
from extractor.rules import (
    Candidate,
    candidates,
    detect_years,
    extract_rules,
    find_awards,
    find_officials,
    find_province,
    find_sector,
    find_title,
)
from extractor.strategies.rules.awards import awards_traced_of
from extractor.strategies.rules.doc import Document
from extractor.strategies.rules.years import _dateline_year

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "evals" / "seeds").glob("*.txt"))
EXTRA = sorted((ROOT / "evals" / "synthetic-stress").glob("*.txt"))
DATA = ROOT / "tests" / "data" / "rules"


def labelled(text: str, **years: int) -> list[tuple[str, float]]:
    """(label, value) of every candidate that is not skipped."""
    return [(c.label, c.value) for c in candidates(text, **years) if c.label != "skip"]


def by_value(cands: list[Candidate], value: float) -> Candidate:
    hits = [c for c in cands if c.value == value]
    assert len(hits) == 1, f"{value}: {[(c.value, c.label) for c in cands]}"
    return hits[0]


# --------------------------------------------------------------------------- invariants


@pytest.mark.parametrize("path", SEEDS + EXTRA, ids=lambda p: p.stem)
def test_evidence_is_verbatim_and_holds_the_figure(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    report = extract_rules(text)
    metrics = report.achievements + report.targets
    assert metrics or not find_quantities(text)
    for m in metrics:
        assert m.evidence in text
        values = {q.value for q in find_quantities(m.evidence)}
        values |= {q.stated for q in find_quantities(m.evidence) if q.stated is not None}
        assert m.value in values, (m.value, m.evidence)
        if m.value_max is not None:
            assert any(q.value_max == m.value_max for q in find_quantities(m.evidence))
    for a in report.awards:
        assert a.evidence in text
        assert a.recipient


def test_nfd_input_keeps_spans_and_quotes_verbatim() -> None:
    text = unicodedata.normalize("NFD", SEEDS[0].read_text(encoding="utf-8"))
    nfc_report = extract_rules(unicodedata.normalize("NFC", text))
    report = extract_rules(text)
    assert [m.value for m in report.achievements] == [m.value for m in nfc_report.achievements]
    assert len(report.targets) == len(nfc_report.targets) > 0
    for item in report.achievements + report.targets + report.awards:
        assert item.evidence in text
    for c in candidates(text):
        assert text[c.quantity.start : c.quantity.end] == c.quantity.text
        assert text[c.clause[0] : c.clause[1]] == c.evidence


def test_candidates_are_numbered_in_text_order() -> None:
    text = (DATA / "trade_2024_mixed.txt").read_text(encoding="utf-8")
    cands = candidates(text)
    assert [c.index for c in cands] == list(range(len(cands)))
    starts = [c.quantity.start for c in cands]
    assert starts == sorted(starts)
    for c in cands:
        assert c.label in ("achievement", "target", "skip")
        assert c.cue
        assert text[c.clause[0] : c.clause[1]] == c.evidence
        assert c.sentence[0] <= c.quantity.start < c.sentence[1]


@settings(max_examples=150, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("năm 2024 đạt 15.3,0%tỷ đồng;.:()\n-ABCĐông")), max_size=200
    )
)
def test_arbitrary_text_never_crashes(text: str) -> None:
    report = extract_rules(text)
    assert isinstance(report, SectorReport)
    for m in report.achievements + report.targets:
        assert m.evidence in text


def _dev_clauses() -> list[str]:
    """Clauses of the dev and seed articles (never test), split at commas and semicolons."""
    root = Path(__file__).resolve().parent.parent / "evals"
    out: list[str] = []
    for path in sorted([*root.glob("real/dev/*.txt"), *root.glob("seeds/*.txt")]):
        text = path.read_text(encoding="utf-8")
        out += [c.strip() for c in re.split(r"[,;.\n]", text) if len(c.strip()) > 3]
    return out


_CLAUSES = _dev_clauses()
_JOINTS = (", ", ", với ", " với ", "/", " và ", " (", ", tăng ", ", giảm ", ", đạt ", " - ")
_UNITS = ("", "vụ", "người", "tỷ đồng", "%", "hộ", "lượt", "bị can", "ha", "m2 đất", "kế hoạch")
_VERBS = ("", "tiếp", "điều tra làm rõ", "khởi tố", "hỗ trợ", "thu", "đạt", "giảm", "Viện kiểm sát")
_NUMBERS = ("1.199", "12", "85,69", "3,5", "02", "100")
_figure = st.tuples(st.sampled_from(_NUMBERS), st.sampled_from(_UNITS))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_CLAUSES), max_size=2),
    st.sampled_from(_VERBS),
    st.lists(st.tuples(_figure, st.sampled_from(_JOINTS)), min_size=1, max_size=5),
)
def test_figures_joined_in_any_way_never_crash(
    context: list[str], verb: str, figures: list[tuple[tuple[str, str], str]]
) -> None:
    # counts with and without units, joined by the connectors the rules read ("với", "/",
    # "và", a change, a bracket), after real dev clauses: a pass that assumes what the
    # figure before has (a unit, a name) crashes here first (one such crash reached an eval)
    body = "".join(f"{n} {u}{joint}" for (n, u), joint in figures)
    text = f"{'. '.join(context)}. Năm 2020, {verb} {body}."
    report = extract_rules(text)
    for m in report.achievements + report.targets:
        assert m.evidence in text


def test_a_sub_heading_restating_a_body_figure_is_a_duplicate() -> None:
    text = (
        "Sở KH&CN tổng kết năm 2022\n"
        "■ 48 nhiệm vụ khoa học và công nghệ được triển khai\n"
        "Năm 2022, ngành đã triển khai thực hiện 48 nhiệm vụ khoa học và công nghệ. Ngành "
        "cũng đã theo dõi 7 nhiệm vụ cấp Nhà nước.\n"
        "■ Hoàn thành và vượt chỉ tiêu 7 nhiệm vụ theo Chương trình hành động số 56\n"
        "Sở đã bàn giao kết quả cho các đơn vị."
    )
    report = extract_rules(text)
    assert sorted(m.evidence.startswith("■") for m in report.achievements if m.value == 48) == [
        False
    ]
    # a sub-heading naming another thing of the same value is kept
    assert len([m for m in report.achievements if m.value == 7]) == 2


def test_repeats_are_marked_duplicates() -> None:
    text = (
        "Ngành y tế phấn đấu 96% dân số có thẻ bảo hiểm y tế\n"
        "Năm 2022, toàn tỉnh khám cho 2,1 triệu lượt người.\n"
        "Toàn tỉnh khám cho 2,1 triệu lượt người trong năm 2022.\n"
        "Năm 2023, ngành phấn đấu 96% dân số có thẻ bảo hiểm y tế."
    )
    cands = candidates(text)
    assert [(c.label, c.cue) for c in cands if c.value == 96][0] == ("skip", "duplicate of #3")
    assert [c.label for c in cands if c.value == 2.1e6] == ["achievement", "skip"]
    report = extract_rules(text)
    assert [m.value for m in report.achievements] == [2.1e6]
    assert [m.value for m in report.targets] == [96]


def test_a_change_told_again_in_detail_is_a_duplicate_but_a_small_or_other_one_is_not() -> None:
    text = (
        "Năm 2018, TAND hai cấp đã giải quyết 4.293 vụ, việc. So với cùng kỳ năm 2017, thụ lý "
        "tăng 335 vụ, việc.\n"
        "Năm 2018, số vụ việc Tòa án hai cấp phải thụ lý tăng so với cùng kỳ (tăng 335 vụ việc). "
        "Số vụ việc hòa giải thành tăng 335 vụ. Số vụ án hành chính thụ lý tăng 12 vụ, số vụ án "
        "kinh tế phải thụ lý tăng 12 vụ."
    )
    kept = [(m.value, m.indicator) for m in extract_rules(text).achievements]
    assert [v for v, _ in kept].count(335) == 2  # the mediation count shares no word
    assert [v for v, _ in kept].count(12) == 2  # under 100: two counts of twelve
    assert not any("phải thụ lý" in i for v, i in kept if v == 335)


def test_a_purpose_inside_a_measures_name_stays_in_its_label() -> None:
    labels = {
        c.value: c.indicator
        for c in candidates(
            "Năm 2022, nguồn vốn nhận ủy thác địa phương để cho vay là 373 tỷ đồng. Sở đã rà "
            "soát, tháo gỡ vướng mắc để giao đất dịch vụ cho 50.378 hộ."
        )
        if c.label != "skip"
    }
    assert labels[373e9] == "nguồn vốn nhận ủy thác địa phương để cho vay"
    assert not labels[50378].startswith("Sở")  # "để" after an act opens a clause of its own


def test_empty_and_figureless_text() -> None:
    assert extract_rules("") == SectorReport()
    report = extract_rules("Hội nghị diễn ra trong không khí phấn khởi.")
    assert not report.achievements and not report.targets and not report.officials


def test_long_article_is_fast() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in SEEDS) * 8  # ~100 KB
    start = time.perf_counter()
    extract_rules(text)
    assert time.perf_counter() - start < 10


# --------------------------------------------------------------------------- years


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở Y tế tổ chức hội nghị tổng kết công tác năm 2017, triển khai kế hoạch năm 2018.",
         (2017, 2018)),
        ("Năm 2015, ngành đã đạt nhiều kết quả. Năm 2016, ngành phấn đấu đạt 90%.", (2015, 2016)),
        # a school year is its starting year (GUIDELINES §5)
        ("Sở GD&ĐT tổng kết năm học 2021 - 2022, triển khai nhiệm vụ năm học 2022 - 2023.",
         (2021, 2022)),
        ("Sở GD-ĐT tổng kết năm học 2021 – 2022 và triển khai nhiệm vụ năm học mới 2022 – 2023. "
         "Ngành đã hoàn thành tốt nhiệm vụ năm học 2021 – 2022. Năm 2022, tỉnh đạt 34 giải tại "
         "kỳ thi học sinh giỏi quốc gia (tăng 2 giải so với năm 2021).", (2021, 2022)),
        ("Năm 2026, toàn ngành phấn đấu giải quyết việc làm cho 20.000 lao động.", (2025, 2026)),
        # "so với kế hoạch giao năm 2018": the reviewed year's own plan, even as a comparison
        ("Toàn tỉnh hiện có 185 trường đạt chuẩn quốc gia, vượt 15 trường so với kế hoạch giao "
         "năm 2018.\n\nTheo kế hoạch, năm 2019 số trường đạt chuẩn sẽ tăng thêm 20 trường; năm "
         "2020 tăng thêm 8 trường.", (2018, 2019)),
        # the reviewed year's own target in brackets after a result is not a plan
        ("Năm 2021, sản xuất gặp nhiều khó khăn do thiên tai năm 2020. Tốc độ tăng trưởng của "
         "ngành đạt 3,02% vượt chỉ tiêu đề ra (Chỉ tiêu năm 2021: 2,5-3%).", (2021, 2022)),
        ("Trong năm 2019, ngành đã khám cho 1,2 triệu lượt người.", (2019, 2020)),
        ("Năm 2021, tỷ lệ che phủ rừng đạt 54%, vượt kế hoạch năm 2021.", (2021, 2022)),
        ("Hội nghị sơ kết 9 tháng năm 2024: đã giải quyết việc làm cho 42.493 người.",
         (2024, 2025)),
        ("Bộ Y tế tổ chức hội nghị triển khai công tác y tế năm 2022.", (2021, 2022)),
        # the year's emulation pledge is signed when its plan is set (lexicon plan_meetings)
        ("Hội Nông dân các huyện, thành phố ký giao ước thi đua năm 2019.", (2018, 2019)),
        # "kỷ luật" is discipline, not a law dated by its year (lexicon year_law_not_after)
        ("Ngày 8/1, Bộ CHQS tỉnh tổ chức tổng kết nhiệm vụ huấn luyện, xây dựng chính quy, quản "
         "lý kỷ luật năm 2024.", (2024, 2025)),
        # "Hội Luật gia", "Đoàn Luật sư" are bodies, not laws dated by the year after them
        ("Hội Luật gia tỉnh trong năm 2015 đã tổ chức 30 buổi tuyên truyền.", (2015, 2016)),
        ("Theo báo cáo của Đoàn Luật sư, trong năm 2020, các luật sư đã tham gia 900 vụ án.",
         (2020, 2021)),
        # a law's name ends with its line: the next paragraph's "Năm 2015" is the review's
        ("Triển khai thi hành kịp thời các luật có hiệu lực năm 2016\n\nNăm 2015, công tác Tư "
         "pháp trên địa bàn tỉnh đạt nhiều kết quả đáng ghi nhận.", (2015, 2016)),
        ("Triển khai thực hiện nhiệm vụ năm học 2015-2016 những kết quả đạt được.", (2015, 2016)),
        ("THỨ HAI, NGÀY 13 THÁNG 01 NĂM 2025\nTrong năm qua, ngành đã đạt 95%.", (None, None)),
        ("Không có năm nào được nhắc tới.", (None, None)),
        # a long-range goal's year ("đến năm 2025") dates neither the results nor the plan
        ("Năm 2023, chỉ số sản xuất công nghiệp tăng 8,5%. Mục tiêu đến năm 2025, tỷ lệ lấp đầy "
         "các khu công nghiệp đạt 70%. Đến năm 2030, tỉnh có 10 khu công nghiệp.", (2023, 2024)),
        ("Kết thúc năm 2023, ngành có 12 chỉ tiêu vượt kế hoạch. Đến năm 2025, tỷ lệ hộ dùng "
         "điện đạt 99,9%.", (2023, 2024)),
        # "đề ra 12 chỉ tiêu" sets the year's goals; "là năm bản lề" is only a weak cue
        ("Năm 2023 là năm bản lề thực hiện Kế hoạch 5 năm 2021-2025. Ngành đạt tốc độ tăng "
         "trưởng 3,5%. Năm 2024, ngành đề ra 12 chỉ tiêu chủ yếu.", (2023, 2024)),
        # "đến hết / đến cuối năm Y" is a level at the end of a year, not a plan
        ("Năm 2023, ước tổng thu ngân sách đạt 5.000 tỷ đồng. Dự kiến đến hết năm 2023, số "
         "doanh nghiệp thành lập mới đạt 800 doanh nghiệp.", (2023, 2024)),
        ("Sau 1 năm triển khai, đến cuối năm 2020, Sở đã cấp 3.000 giấy phép. Năm 2021 là năm "
         "đầu thực hiện Nghị quyết Đại hội.", (2020, 2021)),
        # an estimate measured against the year's budget is a result, not a plan
        ("Ngày 20/12/2023, Cục Thuế tổ chức hội nghị tổng kết. Năm 2023, dự kiến tổng thu ngân "
         "sách trên địa bàn đạt 5.000 tỷ đồng, bằng 105% dự toán.", (2023, 2024)),
        # a governor is read in the year's own sentence, not on the headline line above it
        ("■ 48 nhiệm vụ khoa học và công nghệ được triển khai\nNăm 2022, ngành đã triển khai "
         "thực hiện 48 nhiệm vụ.", (2022, 2023)),
        # a law's year dates the law ("Luật Đất đai năm 2013"), not the results
        ("Thực hiện Luật Thi hành án dân sự năm 2008, sửa đổi năm 2014, trong năm qua Cục đã "
         "thụ lý 5.000 việc. Luật Đất đai năm 2013 được triển khai.", (None, None)),
        # "bám sát định hướng" is a noun as often as a plan verb (a weak cue)
        ("Năm 2017, ngành Nội vụ bám sát định hướng, quan điểm của Đảng. Năm 2018, ngành Nội "
         "vụ tỉnh tiếp tục thực hiện một số nhiệm vụ.", (2017, 2018)),
        # "triển khai trong năm X" happens during X; "tổng kết nhiệm vụ năm X" reviews X; the
        # reviewed year's tasks done ("hoàn thành tốt nhiệm vụ năm học X")
        ("Năm 2023, tỉnh triển khai 64 đề tài. Các đề tài triển khai trong năm 2023, có 52 đề "
         "tài cấp tỉnh.", (2023, 2024)),
        ("Hội CCB tỉnh tổng kết nhiệm vụ năm 2023. Năm 2023, Hội huy động nguồn lực xóa 50 nhà "
         "tạm.", (2023, 2024)),
        ("Toàn ngành đã hoàn thành tốt nhiệm vụ năm học 2021. Năm học 2021, toàn ngành có 797 "
         "trường.", (2021, 2022)),
        # a result that went on ("tiếp tục có ..."); the year's goals met ("các chỉ tiêu chủ
        # yếu của ngành năm 2019 đạt và vượt kế hoạch")
        ("Năm 2015, công tác Mặt trận tiếp tục có nhiều chuyển biến tích cực.", (2015, 2016)),
        ("Nhờ đó, các chỉ tiêu chủ yếu của ngành năm 2019 đạt và vượt kế hoạch đề ra.",
         (2019, 2020)),
        # "chương trình mục tiêu y tế quốc gia năm 2016" names a programme, not a goal
        ("Ngành đã thực hiện tốt chương trình mục tiêu y tế quốc gia năm 2016. Trong năm 2017, "
         "ngành y tế tỉnh tiếp tục củng cố hệ thống tổ chức.", (2016, 2017)),
        # the frame's plan year written without "năm"
        ("Tổng kết hoạt động năm 2019, triển khai kế hoạch 2020. Trong năm 2019, Hội đã vận "
         "động được 3 tỷ đồng.", (2019, 2020)),
        # work done to a year's plan is told in that year's review
        ("Thanh tra tỉnh triển khai 5 cuộc thanh tra theo kế hoạch năm 2019. Đã phát hiện 25 "
         "đơn vị có sai phạm.", (2019, 2020)),
        # no year but the ones results are compared with: the year after them
        ("Số người tham gia BHXH là 134.951 người, tăng 10.786 người so với năm 2018; BHTN "
         "tăng 11.270 người so với cùng kỳ năm 2018.", (2019, 2020)),
        ("Số người tham gia BHXH là 134.951 người.", (None, None)),
        # a cue read whole where the window ends inside it; another year's cue is its own
        ("Năm 2019, các chỉ tiêu dịch vụ bưu chính, viễn thông, CNTT, phát thanh và truyền hình "
         "tiếp tục được duy trì và hoạt động ổn định.", (2019, 2020)),
        ("Năm 2023, việc vận động Quỹ được thực hiện. Quỹ năm 2022 chuyển sang và năm 2023 đã "
         "tiếp nhận là 20 tỷ đồng; Quỹ Cứu trợ năm 2022 chuyển sang và năm 2023 đã tiếp nhận là "
         "12 tỷ đồng.", (2023, 2024)),
        # an earlier year's level in brackets is a comparison, no vote ("(năm học 2016-2017 là
        # 1,42%)")
        ("Năm học 2017 – 2018, Sóc Trăng có 263.547 học sinh. Tỷ lệ học sinh bỏ học còn 1,20% "
         "(năm học 2016-2017 là 1,42%).", (2017, 2018)),
        # a forecast for a year plans it; where a year stands in a term ("là năm thứ ba thực
        # hiện ...") votes for neither
        ("Trong năm 2023, tỉnh đón 3 triệu lượt khách, gấp 1,5 lần năm 2022. Dự báo năm 2024 "
         "lượng khách tiếp tục tăng.", (2023, 2024)),
        ("Năm 2023 là năm thứ ba thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX, nhiệm kỳ "
         "2020-2025. Ngành đã đạt 15/16 chỉ tiêu.", (2023, 2024)),
        # no year but the meeting's date: a review held in January reviews the year before,
        # one held in December that year
        ("Ngày 15/1/2024, Sở Nội vụ tổ chức hội nghị tổng kết. Năm qua, Sở đã tham mưu tinh "
         "giản 320 biên chế.", (2023, 2024)),
        ("Ngày 28/12/2023, Sở Nội vụ tổ chức hội nghị tổng kết. Trong năm, Sở đã tham mưu tinh "
         "giản 320 biên chế.", (2023, 2024)),
        ("Ngày 15/7/2023, Sở Nội vụ tổ chức hội nghị. Sở đã tham mưu tinh giản 320 biên chế.",
         (None, None)),
        # a law's long name dates the law ("Luật Thực hiện dân chủ ở cơ sở năm 2022")
        ("Ngành đã hoàn thành tốt công tác chuyên môn năm 2024. Cuộc thi trực tuyến trên địa bàn "
         "tỉnh năm 2024 tìm hiểu Luật Thực hiện dân chủ ở cơ sở năm 2022, Luật Phòng, chống bạo "
         "lực gia đình năm 2022.", (2024, 2025)),
        # "đặt ra các nhiệm vụ" sets the year's goals
        ("Năm 2024, Sở Văn hóa, Thể thao và Du lịch đặt ra các nhiệm vụ trọng tâm: đón 1,3 "
         "triệu lượt khách, tăng 33% so với năm 2023.", (2023, 2024)),
        # since the reviewed year began; not "triển khai ngay từ đầu năm" (a plan's start)
        ("Ngay từ đầu năm 2017, Sở Tư pháp đã triển khai đồng bộ các nhiệm vụ; Sở thẩm định 120 "
         "văn bản.", (2017, 2018)),
        ("Năm 2017, ngành đã thẩm định 120 văn bản. Sở sẽ triển khai ngay từ đầu năm 2018 các "
         "nhiệm vụ.", (2017, 2018)),
        # results compared with the year before theirs ("tăng 8% so với năm 2021") vote for
        # the year after it; "kết quả thực hiện … năm 2022", "hoàn thành xuất sắc các chỉ tiêu
        # kế hoạch kinh doanh năm 2020" look back, "Thực hiện kế hoạch năm 2022" either way
        ("Ngày 4/1, thông tin về kết quả thực hiện các chỉ tiêu, nhiệm vụ chủ yếu năm 2022, Giám "
         "đốc cho biết: Năm 2022 ghi nhận số người tham gia BHYT là 1,2 triệu người, tăng 3,5% "
         "so với năm 2021.", (2022, 2023)),
        ("Công ty đã hoàn thành xuất sắc các chỉ tiêu kế hoạch kinh doanh năm 2020; nộp ngân sách "
         "1.371 tỷ đồng, tăng 22,13% so với năm 2019.", (2020, 2021)),
        ("Thực hiện kế hoạch năm 2022, ngành đã giải quyết việc làm cho 20.000 lao động, tăng 5% "
         "so với năm 2021.", (2022, 2023)),
        ("Kết quả thực hiện các nhiệm vụ trọng tâm, chỉ tiêu chủ yếu năm 2022: thu ngân sách 1.200 "
         "tỷ đồng, tăng 12% so với năm 2021.", (2022, 2023)),
        # a year's own budget estimate is the reviewed year's; "tình hình hoạt động … năm X"
        # looks back like "kết quả thực hiện"
        ("Thu ngân sách đạt 16.000 tỷ đồng, tăng 25,5% so với dự toán năm 2025.", (2025, 2026)),
        ("Tình hình hoạt động công tác dân tộc năm 2022 có nhiều khó khăn cần giải quyết.",
         (2022, 2023)),
        # "là năm" plans unless the year is told as gathered in ("gặt hái", "đã")
        ("Năm 2023 là năm ngành gặt hái nhiều thành công, với 15/15 chỉ tiêu hoàn thành.",
         (2023, 2024)),
        # "là năm học thứ hai thực hiện …" places the school year in a programme, like "là năm thứ"
        ("Năm học 2022-2023 là năm học thứ hai thực hiện Chương trình GDPT 2018; toàn ngành đã "
         "hoàn thành các chỉ tiêu.", (2022, 2023)),
        # "năm học mới 2023-2024" is the new school year, the plan's
        ("Năm học vừa qua, ngành đạt nhiều kết quả. Năm học mới 2023-2024, ngành tập trung đổi "
         "mới.", (2022, 2023)),
        # a purpose clause plans; a plan's comparison compares the plan year
        ("Để hoàn thành các nhiệm vụ được giao trong năm 2021, Công ty kêu gọi toàn thể cán bộ "
         "quyết tâm. Năm 2020, Công ty đã hoàn thành tốt các chỉ tiêu.", (2020, 2021)),
        ("Năm 2023, ngành đã giải quyết việc làm cho 20.000 lao động. Năm 2024, ngành phấn đấu "
         "tăng 10% so với năm 2023.", (2023, 2024)),
        # "tương đương (với) năm X" is a comparison base like "so với năm X", also after "vượt
        # kế hoạch và" (lexicon year_equal_leads)
        ("Giá trị sản xuất năm 2022 ước đạt hơn 15 nghìn tỷ đồng. Trong đó, lâm nghiệp đạt hơn "
         "1.700 tỷ đồng, tăng 5,8% (tốc độ tăng tương đương năm 2021); giá trị trên 1ha ước đạt "
         "92 triệu đồng (tương đương năm 2021).", (2022, 2023)),
        ("Năm 2019 là một năm nhiều khó khăn. Năng suất lúa đạt 61,02 tạ/ha, cao hơn 0,62 tạ/ha "
         "so với năm 2018. Giá trị sản xuất lương thực vẫn vượt kế hoạch và tương đương với năm "
         "2018. Giá trị sản xuất lương thực vẫn vượt kế hoạch và tương đương với năm 2018.",
         (2019, 2020)),
        # a year after a comma opens its clause: the noun before the comma governs nothing
        ("Năm 2021, MTTQ các cấp đã chú trọng công tác giám sát. Tham gia xây dựng Đảng là một "
         "trong những nhiệm vụ trọng tâm, năm 2021, MTTQ các cấp phối hợp tổ chức bầu cử.",
         (2021, 2022)),
        # a review meeting held early in a year reviews the year before it ...
        ("Đầu năm 2024, Sở Công Thương tổ chức hội nghị tổng kết. Năm qua, giá trị sản xuất "
         "công nghiệp ước đạt 50.000 tỷ đồng, tăng 8% so với năm 2022.", (2023, 2024)),
        # ... but early in the reviewed year, work began: a comparison base as before
        ("Từ đầu năm 2023, Sở đã triển khai nhiều giải pháp; doanh thu tăng 8% so với năm 2022.",
         (2023, 2024)),
        # no "năm Y" but a month at the reviewed year's end
        ("Tính đến hết tháng 12/2023, BHXH tỉnh đã thu 3.500 tỷ đồng, đạt 101% kế hoạch.",
         (2023, 2024)),
        # the page's own date votes: published in January 2020, it reviews 2019 (a "Mục tiêu
        # năm 2019" slip in the text outvoted the results otherwise)
        ("Sinh con thứ 3 đã giảm trong năm 2019\n\n14:59, Thứ Năm, 09/01/2020 (GMT+7)\nTheo "
         "thống kê, năm 2019, tỷ lệ sinh con thứ 3 có xu hướng giảm so với năm 2018. Tổng số trẻ "
         "sinh ra năm 2019 là 13.052 cháu, giảm 0,51%o so với năm 2018. Mục tiêu năm 2019, Chi "
         "cục sẽ chỉ đạo các địa phương giảm tỷ suất sinh 0,1%o.", (2019, 2020)),
        # a change against a year's plan compares with that year, as "so với năm 2018" does
        ("Trong năm 2019, tỉnh đã đón hơn 2,1 triệu lượt khách, tăng 6,05% so với kế hoạch "
         "năm 2018. Doanh thu đạt 1.160 tỷ đồng, tăng 16,94% so với kế hoạch năm 2018.",
         (2019, 2020)),
        # a year the text never names is not the one it reviews when the next has only a weak
        # plan cue ("tiếp tục") ...
        ("Năm 2022, ngành tiếp tục đẩy mạnh cải cách hành chính, số thu đạt 5.000 tỷ đồng.",
         (2022, 2023)),
        # ... while a firm one still names the plan year of a review that never names its own
        ("Năm qua, ngành đạt nhiều kết quả. Năm 2024, ngành phấn đấu thu 5.000 tỷ đồng.",
         (2023, 2024)),
        # striving to complete a year's tasks plans it; "bước sang năm 2019, ... đã" reviews
        ("Phát huy kết quả đạt được, ngành phấn đấu hoàn thành tốt nhiệm vụ năm 2020. Bước sang "
         "năm 2019, ngành đã chủ động bám sát các nghị quyết.", (2019, 2020)),
        # a year's resolution is its plan, met or measured against ("so với Nghị quyết năm X")
        ("2024 là năm ngành đã bứt phá, thực hiện Kế hoạch 5 năm (2021 - 2025). Các chỉ tiêu "
         "đều hoàn thành so với Nghị quyết năm 2024 đã đề ra.", (2024, 2025)),
        # the meeting that opens a year names its plan, however long its list
        ("Ngày 24/12, THADS tỉnh tổ chức hội nghị triển khai thực hiện chỉ tiêu, nhiệm vụ công "
         "tác thi hành án dân sự, thi hành án hành chính năm 2026.", (2025, 2026)),
        # a goal's value ("chỉ tiêu ... năm 2021 đạt diện tích 206.000 ha") is no goal met
        ("Năm 2021, ngành đề ra mục tiêu phát triển. Chỉ tiêu sản xuất lúa trong cả năm 2021 "
         "đạt diện tích 206.000 ha.", (2020, 2021)),
        # results counted up to a date of a year are that year's
        ("Tính đến hết tháng 10/2016, tổng các nguồn vốn do Hội quản lý đạt 500 tỷ đồng. Năm "
         "2017, các cấp Hội tiếp tục thực hiện nhiệm vụ trọng tâm.", (2016, 2017)),
        # "cả năm Y" totals the reviewed year, estimates included
        ("Kim ngạch xuất khẩu cả năm 2024 ước đạt 23,63 tỷ USD, tăng 9,3% so năm 2023. Để đạt "
         "mục tiêu kim ngạch xuất khẩu tăng 8% thì trong thời gian còn lại của năm 2024 cần nỗ "
         "lực. Tổng mức bán lẻ cả năm 2024 dự kiến đạt 287,93 ngàn tỷ đồng (năm 2023 đạt 262 "
         "ngàn tỷ đồng).", (2024, 2025)),
        # a plan's comparisons compare the plan year, after "đặt ra các chỉ tiêu" too
        ("Năm 2024, Sở đặt ra các chỉ tiêu chủ yếu như đón 1,3 triệu lượt khách, tăng 33% so "
         "với năm 2023; doanh thu ước đạt 700 tỷ đồng, tăng 25% so với năm 2023.", (2023, 2024)),
    ],
)  # fmt: skip
def test_detect_years(text: str, expected: tuple[int | None, int | None]) -> None:
    assert detect_years(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a publication stamp: on its own short line, by a time, or after "Cập nhật"
        ("Tiêu đề\n\n14:59, Thứ Năm, 09/01/2020 (GMT+7)\nNăm 2019, ngành đã ...", 2019),
        ("Tiêu đề\n\n28/12/2023 | 09:59\n\nNăm 2023, ...", 2023),
        ("Tiêu đề dài của bài báo về kết quả công tác của ngành trong năm qua, Cập nhật: "
         "11-01-2021 | 08:23:19 (BDO) Sáng 11/1, Sở ...", 2020),
        # the meeting's date opening its sentence
        ("Tiêu đề\nChiều 13/01/2022, Sở Nông nghiệp tổ chức hội nghị tổng kết công tác với "
         "sự tham dự của lãnh đạo tỉnh và các sở, ngành.", 2021),
        # a date from May to September names no reviewed year (a school year ends then)
        ("Tiêu đề\n\n15:14, 23/08/2017\n\nSáng 23.8, Sở GD&ĐT tổng kết năm học.", None),
        # a document's date, a founding date, a deadline: not the page's
        ("Bộ đội Biên phòng tỉnh thực hiện hiệu quả Chỉ thị 01/CT-TTg ngày 9-1-2015 của Thủ "
         "tướng Chính phủ về phong trào bảo vệ chủ quyền lãnh thổ.", None),
        ("Quỹ Đầu tư phát triển là tổ chức tài chính nhà nước do UBND tỉnh thành lập vào ngày "
         "20/4/2011 và chính thức hoạt động từ năm 2012.", None),
        ("Tỉnh đã giải ngân vốn đầu tư công, tính đến ngày 31-3-2024 đạt 559 tỷ đồng, bằng 40% "
         "kế hoạch vốn được giao trong năm.", None),
        # a date in the body, past the page's top
        ("Tiêu đề\n" + "Năm 2023, ngành đã hoàn thành các chỉ tiêu. " * 20 + "\n12/01/2024", None),
    ],
)  # fmt: skip
def test_the_pages_own_date_names_the_reviewed_year(text: str, expected: int | None) -> None:
    assert _dateline_year(text) == expected


def test_a_frame_plan_year_without_nam_is_named() -> None:
    text = (
        "Hội Nông dân tổng kết hoạt động năm 2019, triển khai kế hoạch 2020. Trong năm 2019, "
        "Hội đã vận động được 3 tỷ đồng."
    )
    assert (extract_rules(text).report_year, extract_rules(text).plan_year) == (2019, 2020)


def test_in_a_school_year_review_the_calendar_plan_year_is_the_reviewed_year() -> None:
    text = (
        "Sở GD&ĐT tổng kết năm học 2019-2020 và triển khai nhiệm vụ năm học 2020-2021. "
        "Kỳ thi tốt nghiệp THPT năm 2020, tỉnh có 99,84% học sinh đỗ tốt nghiệp."
    )
    report = extract_rules(text)
    assert (report.report_year, report.plan_year) == (2019, 2020)
    assert [m.value for m in report.achievements] == [99.84] and report.targets == []


def test_comparison_years_do_not_vote() -> None:
    text = "Năm 2024, kim ngạch đạt 5 tỷ USD, tăng 8% so với năm 2023 và gấp đôi năm 2020."
    assert detect_years(text) == (2024, 2025)
    # "vượt trội với năm 2022": last year's level, a comparison
    text = (
        "Năm 2023: Các cấp hội cấp học bổng hơn 54,5 tỷ đồng\n\nNăm 2023, công tác khuyến học, "
        "khuyến tài, xây dựng xã hội học tập trên địa bàn tỉnh được các cấp hội triển khai thực "
        "hiện đạt kết quả tích cực, bình quân 59 ngàn đồng/người (vượt trội với năm 2022 là 34 "
        "ngàn đồng/người)."
    )
    assert detect_years(text)[0] == 2023


# --------------------------------------------------------------------------- classification


def test_report_then_plan_paragraphs() -> None:
    text = (
        "Năm 2021, ngành nông nghiệp đã trồng mới 4.200 ha rừng; tỷ lệ che phủ rừng đạt 51,3%.\n"
        "Năm 2022, ngành phấn đấu trồng mới 4.500 ha rừng. Tỷ lệ che phủ rừng đạt 52%."
    )
    assert labelled(text) == [
        ("achievement", 4200),
        ("achievement", 51.3),
        ("target", 4500),
        ("target", 52),
    ]


def test_plan_heading_scope_carries_over_bullets() -> None:
    text = (
        "Kết quả năm 2016: giá trị xuất khẩu đạt 320 triệu USD.\n"
        "Chỉ tiêu chủ yếu năm 2017:\n"
        "- Giá trị xuất khẩu đạt 350 triệu USD;\n"
        "- Tỷ lệ hộ sử dụng điện đạt 99,5%.\n"
        "Phát biểu tại hội nghị, lãnh đạo tỉnh ghi nhận ngành đã có 12 sáng kiến được công nhận."
    )
    assert labelled(text) == [
        ("achievement", 320e6),
        ("target", 350e6),
        ("target", 99.5),
        ("achievement", 12),
    ]


def test_plan_heading_scope_carries_over_numbered_items() -> None:
    text = (
        "Kết quả năm 2016: giá trị xuất khẩu đạt 320 triệu USD.\n"
        "Một số chỉ tiêu chủ yếu năm 2017:\n"
        "1. Tốc độ tăng trưởng giá trị sản xuất: 3,5%.\n"
        "2. Tỷ lệ che phủ rừng: 45%.\n"
        "3. Số xã đạt chuẩn nông thôn mới: 10 xã.\n"
        "Phát biểu tại hội nghị, lãnh đạo tỉnh ghi nhận ngành đã có 12 sáng kiến được công nhận."
    )
    assert labelled(text) == [
        ("achievement", 320e6),
        ("target", 3.5),
        ("target", 45),
        ("target", 10),
        ("achievement", 12),
    ]


def test_frame_sentence_opens_no_scope() -> None:
    text = (
        "Sở Y tế tổng kết công tác năm 2019, triển khai nhiệm vụ năm 2020. "
        "Tỷ lệ tiêm chủng mở rộng đạt 97,5%."
    )
    assert labelled(text) == [("achievement", 97.5)]


def test_a_result_told_after_a_plan_sentence_is_an_achievement() -> None:
    # an estimate of the year or a comparison with last year's same period tells a result,
    # even in a paragraph a plan opened (lexicon result_marks)
    text = (
        "Năm 2024, ngành phấn đấu đón 3 triệu lượt khách. Doanh thu du lịch ước đạt 2.300 tỷ "
        "đồng, tăng 15% so với cùng kỳ, tạo việc làm cho 4.000 lao động."
    )
    got = {c.value: (c.label, c.cue) for c in candidates(text, report_year=2023)}
    assert got[3e6][0] == "target"
    assert got[2300e9] == ("achievement", "ước đạt")
    assert got[15][0] == "achievement"
    assert got[4000] == ("achievement", "so với cùng kỳ")


def test_a_comparison_marks_its_own_item_not_the_next_one_of_a_plan_list() -> None:
    # "so với cùng kỳ" after one goal of a plan's list does not turn the goal after the
    # semicolon into a result
    text = (
        "Ngành du lịch sẽ đặt mục tiêu trong năm 2023 như sau:\n\n"
        "Tổng lượt khách đạt 8.300.000 lượt. Trong đó, khách quốc tế với 400.000 lượt, tăng "
        "79,3% so với cùng kỳ; tổng thu từ du lịch đạt 13.000 tỷ đồng."
    )
    got = {c.value: c.label for c in candidates(text, report_year=2022)}
    assert got[400_000] == "target"
    assert got[13_000e9] == "target"


def test_the_reviewed_years_own_goal_is_no_target_and_its_outcome_a_result() -> None:
    # a goal set for the reviewed year is told in passing (GUIDELINES §8.2); "kết quả, ..."
    # after it tells the result, as strongly as the goal's cue
    text = (
        "Năm 2023, ngành đặt mục tiêu giải quyết việc làm cho 20.000 lao động; kết quả đã giải "
        "quyết việc làm cho 21.500 lao động. Năm 2024, ngành phấn đấu thu 120 tỷ đồng."
    )
    got = {c.value: (c.label, c.cue) for c in candidates(text, report_year=2023)}
    assert got[20_000] == ("skip", "goal of the reviewed year")
    assert got[21_500] == ("achievement", "outcome")
    assert got[120e9][0] == "target"
    # "kết quả thi tốt nghiệp" names a measure, it tells no outcome
    text = "Năm 2024 phấn đấu nâng cao chất lượng, kết quả thi tốt nghiệp đạt 99%."
    assert by_value(candidates(text, report_year=2023), 99).label == "target"


def test_a_plan_word_measured_against_opens_no_plan_passage() -> None:
    # "chỉ tiêu phấn đấu" after "đạt 109,7%" is the yardstick of a result, not a plan
    text = (
        "Năm 2021, Cục thu đạt 66.362 tỷ đồng, đạt 118,5% chỉ tiêu Bộ Tài chính giao, đạt "
        "109,7% chỉ tiêu phấn đấu do Tổng cục giao, tăng 11.694 tỷ đồng so với năm 2020."
    )
    got = {c.value: c.label for c in candidates(text, report_year=2021)}
    assert got[11_694e9] == "achievement"


def test_a_plan_word_that_was_followed_opens_no_plan_passage() -> None:
    # "bám sát định hướng ... của Đảng": the orientation the year's work followed
    text = (
        "Năm 2017, ngành Nội vụ bám sát định hướng, quan điểm của Đảng. Công tác cải cách hành "
        "chính được tiến hành đồng bộ. Trong năm, toàn tỉnh cắt giảm 220 biên chế."
    )
    got = {c.value: c.label for c in candidates(text, report_year=2017, plan_year=2018)}
    assert got[220] == "achievement"


def test_an_expected_item_of_a_run_of_results_is_the_years_own() -> None:
    # "...; dự kiến có 13 xã ...": expected by the year's end, among its results; a plan
    # run keeps its expected items as targets
    text = "Năm 2021, toàn tỉnh trồng được 8.013 ha rừng; dự kiến có 13 xã đạt chuẩn nông thôn mới."
    got = {c.value: c.label for c in candidates(text, report_year=2021, plan_year=2022)}
    assert got[13] == "achievement"
    plan = "Năm 2022, phấn đấu trồng 8.000 ha rừng; dự kiến có 15 xã đạt chuẩn nông thôn mới."
    got = {c.value: c.label for c in candidates(plan, report_year=2021, plan_year=2022)}
    assert got[15] == "target"


def test_the_review_frame_opens_no_plan_passage_in_its_paragraph() -> None:
    # a page with no paragraph breaks: the figures after the frame are the year's results
    text = (
        "BT- Sáng 31/12/2019, Liên hiệp Hội tổng kết hoạt động năm 2019 và đề ra phương "
        "hướng, nhiệm vụ năm 2020. Liên hiệp Hội hiện có 38 tổ chức hội thành viên với 16.356 "
        "hội viên."
    )
    got = {c.value: c.label for c in candidates(text, report_year=2019)}
    assert got[38] == got[16_356] == "achievement"
    # ... while results that turn to the plan's goals ("như sau:") do open one
    text = (
        "Tiếp tục phát huy những kết quả đã đạt được năm 2022, ngành du lịch sẽ đặt mục tiêu "
        "trong năm 2023 như sau: tổng lượt khách đến tham quan du lịch là 8,3 triệu lượt."
    )
    assert by_value(candidates(text, report_year=2022), 8.3e6).label == "target"


def test_the_conference_s_name_opens_no_plan_passage() -> None:
    # the year in the meeting's name dates the meeting, not the figures told after it
    text = (
        "Đây là thông tin được ông Nguyễn Thanh Hải báo cáo tại Hội nghị triển khai phương "
        "hướng nhiệm vụ năm 2021 do UBND tỉnh tổ chức chiều 20/1. Hiện ở An Giang tỷ lệ phủ "
        "sóng thông tin di động 3G, 4G đạt 100% xã, thị trấn."
    )
    assert by_value(candidates(text, report_year=2020), 100).label == "achievement"
    # a plan word after the name still opens one
    text = (
        "Tại Hội nghị triển khai nhiệm vụ năm 2021, Sở đặt mục tiêu năm 2021 như sau: tỷ lệ "
        "phủ sóng 4G đạt 100% xã."
    )
    assert by_value(candidates(text, report_year=2020), 100).label == "target"


def test_the_main_goals_set_out_are_targets() -> None:
    text = (
        "Tổng kết năm 2022, triển khai nhiệm vụ năm 2023\n\n"  # the plan year is named
        "Năm 2022, công ty đạt nhiều kết quả. Tại hội nghị, công ty đưa ra một số mục tiêu chủ "
        "yếu, trong đó, điện thương phẩm đạt trên 1,298 tỷ kWh; tỷ lệ tổn thất dưới 5,37%."
    )
    got = {c.value: c.label for c in candidates(text, report_year=2022)}
    assert got[1.298e9] == got[5.37] == "target"


def test_an_estimate_compared_with_the_year_before_is_the_years_result() -> None:
    text = (
        "Năm 2025, du lịch Đà Nẵng đón 17,3 triệu lượt khách. Lượng khách du lịch đường biển "
        "dự kiến đạt hơn 43.000 lượt, tăng 21,1% so với năm ngoái. Trong khi đó, du lịch đường "
        "thủy nội địa ghi nhận 1.499.400 lượt khách."
    )
    got = {c.value: c.label for c in candidates(text, report_year=2025, plan_year=2026)}
    assert got[43_000] == got[1_499_400] == "achievement"
    # ... while a plan's estimate stays a target
    text = "Năm 2026, ngành dự kiến đón 19 triệu lượt khách."
    assert by_value(candidates(text, report_year=2025, plan_year=2026), 19e6).label == "target"


def test_plan_verbs_decide_when_no_scope_is_known() -> None:
    text = "nâng tỷ lệ trường đạt chuẩn lên 60%; xây dựng 12 phòng học mới."
    cands = candidates(text)
    assert by_value(cands, 60).label == "target"
    assert by_value(cands, 60).cue == "plan verb"
    assert by_value(cands, 12).label == "achievement"
    # "góp phần nâng ... đạt": raised and reached, a result
    text = "Qua đó góp phần nâng tỷ lệ lao động qua đào tạo đạt 59,71%."
    assert by_value(candidates(text), 59.71).label == "achievement"


def test_the_year_of_a_figures_own_noun_phrase_labels_it() -> None:
    # "trong năm 2024" closes the figure's noun phrase before the next figure's clause
    text = (
        "Cụ thể, trong số hơn 17.000 lao động được giải quyết việc làm trong năm 2024 sẽ có "
        "12.500 lao động ở nông thôn."
    )
    first = by_value(candidates(text, report_year=2023, plan_year=2024), 17000)
    assert (first.label, first.cue, first.indicator) == (
        "target",
        "năm 2024",
        "lao động được giải quyết việc làm",
    )
    # ... but not past a comma
    text = "Có 17.000 lao động, trong năm 2024 sẽ có 12.500 lao động ở nông thôn."
    assert by_value(candidates(text, report_year=2023, plan_year=2024), 17000).cue == "default"


def test_a_point_in_the_reviewed_year_dates_what_follows_it() -> None:
    # "Cuối năm 2022 ... 1.482 hộ" is another year's level; "đến tháng 11/2023" dates the rest
    text = (
        "Cuối năm 2022, tổng số hộ nghèo là 1.482 hộ, đến tháng 11/2023, tổng số hộ nghèo giảm "
        "xuống còn 1.203 hộ, chiếm tỷ lệ 7,3%."
    )
    cands = candidates(text, report_year=2023, plan_year=2024)
    assert [(c.value, c.label) for c in cands] == [
        (1482, "skip"),
        (1203, "achievement"),
        (7.3, "achievement"),
    ]
    assert by_value(cands, 1203).cue == "đến 2023"
    # a point in another year is no cue of its own
    text = "Năm 2023, tỉnh có 1.203 hộ nghèo, đến tháng 11/2022 là 1.482 hộ."
    assert by_value(candidates(text, report_year=2023, plan_year=2024), 1482).cue == "năm 2023"


def test_a_goal_of_a_year_after_the_named_plan_year_is_no_target() -> None:
    # a long-range goal is a figure of another year (GUIDELINES §8.5: optional at most) ...
    text = (
        "Năm 2023, ngành đã hỗ trợ 500 hộ. Năm 2024, phấn đấu hỗ trợ 600 hộ. Đến năm 2025, phấn "
        "đấu 100% xã có trạm y tế đạt chuẩn."
    )
    cands = candidates(text, report_year=2023, plan_year=2024)
    hundred = by_value(cands, 100)
    assert (hundred.label, hundred.cue) == ("skip", "other year: năm 2025")
    assert (by_value(cands, 600).label, by_value(cands, 500).year) == ("target", 2023)
    text = "Năm 2024, phấn đấu tỷ lệ bao phủ BHYT đạt 93%, đến năm 2030 đạt 95%."
    cands = candidates(text, report_year=2023, plan_year=2024)
    assert [(c.value, c.label) for c in cands] == [(93, "target"), (95, "skip")]
    # ... where the text names its plan year; one only inferred may be wrong: the goal stays
    # a target with its own year
    text = (
        "Năm 2023, ngành đã hỗ trợ 500 hộ. Đến năm 2025, phấn đấu 100% xã có trạm y tế đạt chuẩn."
    )
    hundred = by_value(candidates(text, report_year=2023, plan_year=2024), 100)
    assert (hundred.label, hundred.year) == ("target", 2025)


def test_a_year_the_figure_is_compared_with_does_not_date_it() -> None:
    # "(vượt 1,42% so với mục tiêu giai đoạn đến năm 2025)": the goal's year, not the figure's
    text = (
        "Số người tham gia bảo hiểm xã hội tự nguyện đạt 1,83 triệu người (vượt 1,42% so với "
        "mục tiêu giai đoạn đến năm 2025)."
    )
    figure = by_value(candidates(text, report_year=2023, plan_year=2024), 1_830_000)
    assert (figure.label, figure.year) == ("achievement", 2023)
    # a year after "đến" with no comparison still dates a goal
    text = "Số người tham gia bảo hiểm xã hội tự nguyện đạt 2 triệu người vào năm 2025."
    figure = by_value(candidates(text, report_year=2023, plan_year=2024), 2_000_000)
    assert figure.label == "target"


def test_a_rank_before_an_act_of_its_own_leaves_its_figure() -> None:
    # "đứng thứ 4 ... và chính thức hoàn thành ... 100%": the rank is the first act's
    text = (
        "Năm 2025, tỉnh đứng thứ 4 toàn quốc trong giai đoạn 1 và chính thức hoàn thành phủ "
        "xanh 100% nhiệm vụ cấp tỉnh, cấp xã."
    )
    assert by_value(candidates(text), 100).label == "achievement"
    # ... and the next item of a list after a rank is a count of its own ("xếp hạng từ 1 - 5
    # sao và 223 nhà nghỉ")
    text = (
        "Năm 2017, toàn tỉnh có 390 cơ sở đã được xếp hạng từ 1 - 5 sao và 223 nhà nghỉ đạt chuẩn."
    )
    assert by_value(candidates(text), 223).label == "achievement"
    # ... while "và xếp thứ 5/63" is the rank's own
    text = "Năm 2025, chỉ số PCI của tỉnh tiếp tục tăng và xếp thứ 5/63 tỉnh, thành phố."
    assert by_value(candidates(text), 5).cue == "ranking"


def test_counts_of_hotels_and_of_classed_relics_are_figures() -> None:
    # "khách sạn" (hotels) is one noun, not "khách" (guests) of a meeting
    hotels = candidates(
        "Năm 2019, phấn đấu công nhận từ 1 - 3 khách sạn đạt 2 sao trở lên.",
        report_year=2018,
        plan_year=2019,
    )
    assert (hotels[0].value, hotels[0].value_max, hotels[0].unit) == (1, 3, "khách sạn")
    assert hotels[0].label == "target"
    # "xếp hạng ... 20 di tích" classes relics; it is no rank
    relics = "Năm 2018, phấn đấu lập hồ sơ xếp hạng từ 15 đến 20 di tích cấp tỉnh."
    assert candidates(relics, report_year=2017, plan_year=2018)[0].label == "target"
    # "..., còn lại là ..." (the rest) ends the counted noun's phrase
    rest = "Năm 2023, tỉnh có 8 khách sạn từ 3 sao trở lên, còn lại là các nhà nghỉ du lịch."
    assert candidates(rest)[0].indicator == "khách sạn từ 3 sao"
    # an open range on its own is the figure: "mỗi tuần xây dựng từ 3 videoclip trở lên" after
    # a comma, "tăng từ 10% trở lên" after a year
    own = "Năm 2018, mỗi ngày đưa lên mạng 55 tin, mỗi tuần xây dựng từ 3 videoclip trở lên."
    assert by_value(candidates(own, report_year=2018), 3).label == "achievement"
    plan = "Năm 2020, các cấp Hội phấn đấu Quỹ tăng từ 10% trở lên."
    assert by_value(candidates(plan, report_year=2019, plan_year=2020), 10).label == "target"


@pytest.mark.parametrize(
    ("text", "value", "cue"),
    [
        # an income bound defines the counted households or workers: not an amount
        ("Năm 2021, số hộ có thu nhập trên 1 tỷ đồng/năm tăng 12 hộ.", 1e9, "threshold"),
        # (one range, each end with its unit)
        ("Năm 2021, có 26.017 hộ có thu nhập từ 150 triệu đồng đến 1 tỷ đồng/năm.", 150e6,
         "threshold"),
        ("Năm 2021, lao động có thu nhập hơn 5 triệu đồng/tháng chiếm 60%.", 5e6, "threshold"),
        # ... the counted households stay, and so does an income stated as the figure
        ("Năm 2021, số hộ có thu nhập trên 1 tỷ đồng/năm tăng 12 hộ.", 12, "năm 2021"),
        ("Năm 2021, người lao động có thu nhập bình quân 8 triệu đồng/tháng.", 8e6, "năm 2021"),
        ("Năm 2021, thu nhập bình quân đầu người đạt 60 triệu đồng/năm.", 60e6, "năm 2021"),
    ],
)  # fmt: skip
def test_an_income_bound_is_no_figure(text: str, value: float, cue: str) -> None:
    assert by_value(candidates(text, report_year=2021), value).cue == cue


def test_an_income_range_is_one_threshold() -> None:
    text = "Năm 2021, có 26.017 hộ có thu nhập từ 150 triệu đồng đến 1 tỷ đồng/năm."
    bound = by_value(candidates(text, report_year=2021), 150e6)
    assert (bound.value_max, bound.label) == (1e9, "skip")
    assert by_value(candidates(text, report_year=2021), 26017).indicator == (
        "hộ có thu nhập từ 150 triệu đồng đến 1 tỷ đồng/năm"
    )


def test_a_count_of_languages_is_no_figure() -> None:
    # "bằng 2 thứ tiếng": the languages a campaign speaks describe it; the sessions count
    text = "Năm 2021, tuyên truyền lưu động bằng 2 thứ tiếng Kinh và Êđê với hơn 1.000 buổi."
    got = candidates(text, report_year=2021)
    assert by_value(got, 2).cue == "languages"
    assert by_value(got, 1000).label == "achievement"


def test_a_total_raised_after_a_result_is_a_result_past_a_skipped_share() -> None:
    # the share "137%" between them names nothing and is skipped: "nâng ... là 252" still
    # follows the result "79 sản phẩm"
    text = (
        "Trong năm, Bến Tre có thêm 79 sản phẩm đạt 3 sao (so với kế hoạch đạt trên 137%), "
        "nâng số sản phẩm OCOP của toàn tỉnh là 252 sản phẩm."
    )
    assert by_value(candidates(text, report_year=2023, plan_year=2024), 252).label == (
        "achievement"
    )


def test_other_year_figure_is_skipped() -> None:
    text = "Năm 2024, tỷ lệ bao phủ bảo hiểm y tế đạt 93%; năm 2021 con số này là 88%."
    cands = candidates(text, report_year=2024, plan_year=2025)
    assert by_value(cands, 93).label == "achievement"
    assert by_value(cands, 88).label == "skip"


@pytest.mark.parametrize(
    ("text", "value", "cue"),
    [
        ("Tại hội nghị, 3 tập thể và 7 cá nhân được tặng Bằng khen của UBND tỉnh.", 7,
         "award recipients"),
        ("Chỉ số cải cách hành chính của Sở xếp thứ 5/20 sở, ngành.", 5, "ranking"),
        ("Hội nghị có hơn 250 đại biểu tham dự.", 250, "participants"),
        # the list of who attended goes on over semicolons
        ("Tham dự Hội nghị có hơn 70 đại biểu; đại diện Lãnh đạo UBND 18 huyện, thị xã, thành "
         "phố; Chủ tịch Hội công chứng tỉnh.", 18, "participants"),
        ("Hội nghị có 200 khách dự.", 200, "participants"),
        ("Hàng trăm thầy, cô giáo của 10 huyện, thành phố tham dự Hội nghị.", 10, "participants"),
        ("Năm 2019, toàn tỉnh có 6.150 nạn nhân, trong đó thế hệ 2 là 1.868 cháu.", 2,
         "reference number"),
        ("Năm 2019, Hội trao kỷ niệm chương cho 31 Đ/c là cán bộ lãnh đạo Hội.", 31,
         "award recipients"),
        # holders of a state honorary title are recipients of an award
        ("Năm 2017, Long An có 1 Nhà giáo Nhân dân và 63 Nhà giáo Ưu tú.", 63,
         "award recipients"),
        ("Năm 2019, 5 nghệ sĩ được phong tặng danh hiệu Nghệ sĩ Ưu tú.", 5, "award recipients"),
        ("Năm 2023, đưa vào vận hành nhà máy thủy điện Huổi Chan 1, nâng tổng số lên 18 nhà máy.",
         1, "part of a name"),
        ("Năng suất lúa bình quân trên 1 ha đạt 6 tấn.", 1, "per-unit denominator"),
        ("Năm 2022 đạt 11 bác sĩ/ 10.000 dân.", 10000, "per-unit denominator"),
        ("Năm 2022 đạt 32 giường bệnh trên 10.000 dân.", 10000, "per-unit denominator"),
        ("Số bác sĩ trên 10.000 dân đạt 10,4.", 10000, "per-unit denominator"),
        ("Việt Nam là 1 trong 6 nước có tỷ lệ tiêm cao nhất.", 6, "ranking"),
        ("Tỷ lệ người dân được tiêm 2 mũi là 95%.", 2, "descriptor"),
        ("Hội nghị được tổ chức với trên 700 điểm cầu.", 700, "participants"),
        ("Hội nghị kết nối 63 tỉnh, thành phố.", 63, "all provinces"),
        ("Toàn tỉnh có 2 sản phẩm đạt OCOP 5 sao.", 5, "rating"),
        ("Ảnh minh họa\n2\nNăm 2020, ngành đã đạt 95%.", 2, "lone number"),
        ("nam 2017 tinh phan dau tao viec lam cho 15000 lao dong\nNăm 2016, toàn tỉnh đạt 90%.",
         15000, "slug line"),
        ("Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng giảm còn 9%.", 5, "age"),
        # an open range right after a count and its words qualifies the counted things
        ("Năm 2016, có 12 vụ cháy gây thiệt hại có giá trị từ 100 triệu đồng trở lên.", 100e6,
         "threshold"),
        ("Năm 2022, có 45 doanh nghiệp đạt doanh thu từ 100 tỷ đồng trở lên.", 100e9, "threshold"),
        ("Năm 2022, tỷ lệ hộ nghèo giảm 1,9% (chỉ tiêu được giao là 1,5%).", 1.5,
         "assigned plan of the reviewed year"),
        ("Ngành tập trung thực hiện 3 nhóm giải pháp trọng tâm.", 3, "structural count"),
        ("Năm 2022, Hội đề ra 8 nhiệm vụ, 9 chỉ tiêu chủ yếu.", 8, "structural count"),
        ("Năm 2022, Hội đề ra 8 nhiệm vụ, 9 chỉ tiêu chủ yếu.", 9, "structural count"),
        ("Năm 2022, tổng mức bán lẻ tăng 12,9% (kế hoạch năm 11,3%).", 11.3,
         "assigned plan of the reviewed year"),
        ("Năm 2022, GDP ngành tăng 3,4% (Chính phủ giao 2,5 - 2,8%).", 2.5,
         "assigned plan of the reviewed year"),
        ("Năm 2022, tỷ lệ bao phủ đạt 93,5%, vượt kế hoạch năm 2022 (92%).", 92,
         "assigned plan of the reviewed year"),
        ("Năm 2022, mỗi Thẩm phán giải quyết 73,6 vụ, vượt 1,6 vụ so với chỉ tiêu 72 vụ.", 72,
         "assigned plan of the reviewed year"),
        ("Đường dây nóng: 0236 3821150", 3821150, "phone or code number"),
        ("Hội nghị tổng kết năm 2022 - Ảnh 2.", 2, "reference number"),
        ("Khám chữa bệnh tại 3 tuyến được 1,2 triệu lượt người.", 3, "descriptor"),
        ("Ngành thực hiện 4 nhóm nhiệm vụ: (1) Đổi mới quản lý, (2) Nâng cao chất lượng.", 2,
         "list marker"),
        ("Thứ Hai, 12/02/2018 10:05 (GMT+7)", 7, "reference number"),
        ("Sở tổ chức hội nghị sơ kết 6 tháng đầu năm.", 6, "duration"),
        # a numbered military region or emulation cluster is a name (skip_cues.reference_heads)
        ("Năm 2024, Bộ CHQS tỉnh thực hiện Mệnh lệnh huấn luyện của Tư lệnh Quân khu 4.", 4,
         "reference number"),
        ("Năm 2024, Sở dẫn đầu Khối thi đua 5 của tỉnh.", 5, "reference number"),
        # a numbered zone, ward, hamlet is a name: "Khu 5", "phường 7" (skip_cues.reference_heads)
        ("Năm 2023, hội viên trồng 12.000 cây xanh tại Khu 5, phường Hòa Bình.", 5,
         "reference number"),
        ("Năm 2023, hỗ trợ xây 3 nhà tình nghĩa ở thôn 4, xã Tân Lập và phường 7.", 4,
         "reference number"),
        ("Năm 2023, hỗ trợ xây 3 nhà tình nghĩa ở thôn 4, xã Tân Lập và phường 7.", 7,
         "reference number"),
        # a name's number followed by a preposition (skip_cues.name_number_followers)
        ("Năm 2023, đưa vào vận hành nhà máy thủy điện Nậm Mu 2 với công suất 20 MW.", 2,
         "part of a name"),
        # who lives in the province, told as background, is no result of the year
        ("Năm 2022, Kiên Giang là tỉnh có đông đồng bào dân tộc thiểu số sinh sống, khoảng 69.219 "
         "hộ, hơn 275.000 người.", 69219, "residents"),
        ("Năm 2022, tỉnh có đông đồng bào dân tộc thiểu số sinh sống, khoảng 69.219 hộ. Trong "
         "đó nhiều nhất là đồng bào dân tộc Khmer, với hơn 59.220 hộ, chiếm 13,4% dân số.", 13.4,
         "residents"),
        ("Sau sáp nhập, tỉnh có 33 dân tộc anh em cùng sinh sống.", 33, "residents"),
        # a time within which, or how long something went on, is no time measured
        ("Năm 2022, trong thời gian 3 tháng, Sở đã kiểm tra 50 cơ sở.", 3, "duration"),
        ("Năm 2022, thị trấn có thời gian công tác Hội 10 năm.", 10, "duration"),
        ("Năm 2022, tỉnh là 1 trong các địa phương có số vụ giảm mạnh nhất.", 1, "ranking"),
        ("Năm 2022, giá trị sản xuất ước đạt 78.000 tỷ đồng/KH giao 80.000 tỷ đồng, đạt 97,5%KH.",
         80_000e9, "assigned plan of the reviewed year"),
        ("Năm 2022, Cục thu đạt 66.362 tỷ đồng, đạt 118,5% chỉ tiêu Bộ Tài chính giao, đạt "
         "109,7% chỉ tiêu phấn đấu do Tổng cục giao.", 109.7,
         "second plan share of the figure before"),
        ("Năm 2022, điện thương phẩm đạt 2.005,67 triệu kWh, giảm 1,82% so với cùng kỳ, chỉ đạt "
         "90,26% kế hoạch đầu năm, đạt 100,03% kế hoạch điều chỉnh.", 100.03,
         "second plan share of the figure before"),
        ("Năm 2022, số người tham gia BHYT là 780.000 người, đạt 100,2% kế hoạch UBND tỉnh giao "
         "và đạt 101% kế hoạch Thủ tướng Chính phủ giao.", 101,
         "second plan share of the figure before"),
        # counts of commended groups and people are award recipients, not results
        ("Năm 2022, Công an tỉnh có 156 lượt tập thể, 908 cá nhân được các cấp khen thưởng.", 156,
         "award recipients"),
        ("Năm 2022, Công an tỉnh có 156 lượt tập thể, 908 cá nhân được các cấp khen thưởng.", 908,
         "award recipients"),
        ("Năm 2022, Hội công bố quyết định khen thưởng cho trên 100 tập thể, cá nhân.", 100,
         "award recipients"),
        ("Năm 2022, BĐBP tỉnh chủ trì triệt phá thành công chuyên án VT 721.", 721,
         "reference number"),
        # a school level and an anniversary name, not count
        ("Năm 2022, tổ chức cho trên 3.000 học sinh cấp 3 Nhật Bản tham quan.", 3,
         "reference number"),
        ("Năm 2022, Hội gặp mặt nhân kỷ niệm 46 khởi công công trình.", 46, "reference number"),
        # bare numbers joined by dashes name a goal
        ("Năm 2022, Sở hướng tới mục tiêu 70-80-90 trong phòng chống dịch.", 80, "part of a name"),
        # a lunar date's day ("mùng 5 Tết")
        ("Tết Khuyến học năm 2022 sẽ được tổ chức vào tối mùng 5 Tết.", 5, "reference number"),
        # a year after its name ("năm Tân Hợi 1791")
        ("Năm 2022, Hội dâng hương nhân ngày mất của Đại danh y (ngày Rằm tháng Giêng năm Tân Hợi "
         "1791).", 1791, "year"),
        # an age range after its unit
        ("Năm 2022, tỷ lệ người biết chữ trong độ tuổi 15 – 35 đạt 96,58%.", 15, "age"),
        # numbers listed after a reference number, or after a body numbered by its sessions
        ("Năm 2022, Hội quán triệt các Nghị quyết lần thứ 6, 7 và 8 của T.Ư Đảng.", 8,
         "reference number"),
        ("Năm 2022, tổ chức học tập Nghị quyết Trung ương 4, 5, 6 cho 1.200 đảng viên.", 5,
         "reference number"),
        ("Năm 2022, đã học tập Nghị quyết số 18, 19 cho cán bộ.", 19, "reference number"),
        ("Dịp này, Thanh tra tỉnh trao 12 kỷ niệm chương cho những cá nhân.", 12,
         "award recipients"),
        # a day and month written with a dot and no unit
        ("Năm 2022, bắn pháo hoa chào mừng 47 năm giải phóng miền Nam 30.4.", 30.4, "date"),
        # an exam's mark after "điểm"; deputies counted beside their chief
        ("Năm 2022, có 120 bài thi đạt điểm 10.", 10, "school grade"),
        ("Năm 2022, Giám đốc Sở cùng 2 Phó Giám đốc Sở chủ trì hội nghị.", 2, "structural count"),
        # the crop cycles a field bears describe the land
        ("Năm 2022, giảm diện tích trồng lúa 1 vụ, hiệu quả thấp.", 1, "descriptor"),
        ("Năm 2022, chuyển đổi 500 ha đất lúa 2 vụ sang trồng cây ăn quả.", 2, "descriptor"),
        # the count of the next honour of a list
        ("Năm 2022, Cục Thuế được tặng 01 Cờ thi đua của Chính phủ, 02 Bằng khen của Bộ Tài "
         "chính.", 2, "award recipients"),
        # a label that would be only a unit, a time word or a word of measure
        ("Năm 2022 đạt 15 tỷ đồng.", 15e9, "label names nothing"),
        ("Năm 2022, chỉ số tăng 8,5%, bằng 100,12% năm trước.", 100.12, "label names nothing"),
        ("Năm 2022, mức độ 4: 345.", 345, "label names nothing"),
        # numbers inside a short quoted name (a campaign) name it
        ("Năm 2022, thực hiện cuộc vận động “Xây dựng gia đình 5 không, 3 sạch” với 1.244 hộ "
         "tham gia.", 3, "part of a name"),
        # "công nghệ 4.0" is a name ("." groups thousands in Vietnamese, never "4.0")
        ("Năm 2022, nhiều HTX ứng dụng công nghệ 4.0 vào sản xuất.", 4, "part of a name"),
        # a voltage class names a kind of line (lexicon skip_cues.voltage_units)
        ("Năm 2022, đóng điện 5 công trình đường dây 110 kV.", 110, "part of a name"),
        # a road's kilometre marker, a name glued to "+" and a motto name no count
        ("Năm 2022, tại km 15+200 quốc lộ 1A đã xảy ra tai nạn.", 200, "reference number"),
        ("Năm 2022, ngành phối hợp tổ chức Hội nghị G20 và ASEAN+3.", 3, "reference number"),
        ("Năm 2022, thực hiện phương châm 4 tại chỗ.", 4, "reference number"),
        # a vessel's registration number and a steering committee named by its decree
        ("Năm 2022, Biên phòng kiểm tra hàng hóa trên tàu BV 97979 TS vận chuyển dầu trái phép.",
         97979, "reference number"),
        ("Năm 2022, Công an tham mưu kiện toàn Ban Chỉ đạo 138 các cấp.", 138,
         "reference number"),
        # members and teachers honoured are an award's recipients, not a figure
        ("Năm 2022, hội có 2 hội viên được phong tặng danh hiệu Nghệ sĩ Nhân dân.", 2,
         "award recipients"),
        # a school grade named by its number
        ("Năm 2022, có 590 em đoạt giải học sinh giỏi lớp 9, 636 em giành giải.", 9,
         "school grade"),
        ("Năm 2022, tỷ lệ trẻ 6 tuổi vào lớp 1 đạt 100%.", 1, "school grade"),
        ("Năm 2022, dạy học lớp 3, 4, 5 theo chương trình mới.", 4, "school grade"),
        ("Năm 2022, dạy học lớp 3, 4 và 5 theo chương trình mới.", 5, "school grade"),
        # office holders elected at a congress are the body's make-up
        ("Năm 2022, Đại hội đã bầu Ban Chấp hành, Chủ tịch, 2 Phó Chủ tịch.", 2,
         "structural count"),
        # who attended the conference
        ("Năm 2022 đạt 5 giải. Cùng dự có lãnh đạo UBND 11 huyện, thành phố.", 11,
         "participants"),
        ("Năm 2022 đạt 5 giải. Dự hội nghị còn có đại diện 20 sở, ngành.", 20, "participants"),
        ("Năm 2022 đạt 5 giải. Đến dự có đồng chí Cù Văn Phiên cùng gần 300 hội viên.", 300,
         "participants"),
    ],
)  # fmt: skip
def test_figures_that_are_not_metrics(text: str, value: float, cue: str) -> None:
    c = by_value(candidates(text, report_year=2022, plan_year=2023), value)
    assert (c.label, c.cue) == ("skip", cue)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # people who live somewhere, counted as those an act reached or as a result, are figures
        ("Năm 2022, ngành đã cấp thẻ BHYT cho 30.000 người dân tộc thiểu số sinh sống ở vùng đặc "
         "biệt khó khăn.", 30000),
        ("Năm 2022, toàn tỉnh có 1.200 hộ nghèo; trong đó có 300 hộ đồng bào dân tộc thiểu số "
         "sinh sống ở vùng sâu.", 1200),
        # work items counted as work done, not the plan's parts
        ("Năm 2022, Liên hiệp hội thực hiện 13 nhiệm vụ tư vấn, phản biện.", 13),
        ("Năm 2022, ngành triển khai 48 nhiệm vụ, trong đó 13 nhiệm vụ thực hiện mới.", 13),
        ("Năm 2022, Đài phát trên sóng 6 chương trình mỗi ngày.", 6),
        # "truyền hình" ends with "hình" but is no picture number
        ("Năm 2022, Đài phát trên sóng truyền hình 2.190 bản tin thời sự.", 2190),
        # ... nor "nông thôn" with "thôn" a hamlet's (lexicon skip_cues.reference_head_compounds)
        ("Năm 2022, tỷ lệ hộ nghèo thành thị còn 1,2%, nông thôn 3,4%.", 3.4),
        # a ratio is not a count of parts
        ("Năm 2022, số người bị thương tăng 2,4 lần so với năm trước.", 2.4),
    ],
)  # fmt: skip
def test_counts_of_work_items_and_ratios_are_figures(text: str, value: float) -> None:
    c = by_value(candidates(text, report_year=2022, plan_year=2023), value)
    assert c.label == "achievement"


@pytest.mark.parametrize(
    ("text", "value", "indicator"),
    [
        # "định kỳ" (periodic) is no round number "kỳ 4"
        ("Năm 2022, kiểm tra theo định kỳ 4.258 lượt.", 4258, "kiểm tra theo định kỳ"),
        # hours broadcast are measured ("phát sóng", lexicon duration_measures)
        ("Năm 2022, Đài đã phát sóng 3.285 giờ các chương trình phát thanh.", 3285,
         "phát sóng giờ các chương trình phát thanh"),
        # a time measure named with an aside is measured in minutes
        ("Năm 2022, thời gian mất điện khách hàng bình quân (SAIDI) là 173,7 phút.", 173.7,
         "thời gian mất điện khách hàng bình quân (SAIDI)"),
        # ... and in days, a level given by a verb
        ("Năm 2022, thời gian điều trị trung bình giảm còn 5,8 ngày.", 5.8,
         "thời gian điều trị trung bình"),
    ],
)  # fmt: skip
def test_figures_that_look_like_names_or_durations_but_measure(
    text: str, value: float, indicator: str
) -> None:
    c = by_value(candidates(text, report_year=2022, plan_year=2023), value)
    assert (c.label, c.indicator) == ("achievement", indicator)


def test_a_goal_in_a_text_that_names_no_plan_year_is_no_target() -> None:
    # GUIDELINES §2: no plan year in the text -> plan_year null and no targets
    text = (
        "Cục Hải quan: Phấn đấu thu đạt và vượt chỉ tiêu 19.000 tỷ đồng\n\nNăm 2021, Cục Hải quan "
        "thu ngân sách đạt 17.500 tỷ đồng."
    )
    report = extract_rules(text)
    assert (report.plan_year, report.targets) == (None, [])
    assert [m.value for m in report.achievements] == [17_500e9]
    # ... the same goal with the plan year named is one
    report = extract_rules(text.replace("Phấn đấu thu", "Năm 2022, phấn đấu thu"))
    assert (report.plan_year, [m.value for m in report.targets]) == (2022, [19_000e9])


def test_page_furniture_is_never_a_metric() -> None:
    text = "Năm 2021, ngành đã cấp 1.500 giấy phép.\nSố lượt xem: 3.412\nLượt đọc: 918"
    report = extract_rules(text)
    assert [m.value for m in report.achievements + report.targets] == [1500]


def test_multi_year_totals_and_baselines_are_skipped() -> None:
    text = (
        "Năm 2023, toàn tỉnh giải quyết việc làm cho 20.000 lao động; lũy kế giai đoạn "
        "2021 - 2023 đạt 61.000 lao động. Thực hiện Chương trình giảm nghèo bền vững giai đoạn "
        "2021 - 2025, toàn tỉnh đã giảm 1.500 hộ nghèo, tỷ lệ hộ nghèo giảm từ 4,1% xuống còn 3,2%."
    )
    cands = candidates(text)
    assert labelled(text) == [("achievement", 20000), ("achievement", 1500), ("achievement", 3.2)]
    assert by_value(cands, 61000).cue.startswith("other period")
    assert by_value(cands, 4.1).cue == "baseline"


def test_comparison_figure_is_kept_and_marked() -> None:
    text = "Năm 2020, kim ngạch xuất khẩu đạt 410 triệu USD, tăng 9% so với năm 2019."
    c = by_value(candidates(text), 9)
    assert c.label == "achievement"
    assert "comparison" in c.cue
    assert c.indicator.startswith("kim ngạch xuất khẩu")


# --------------------------------------------------------------------------- plan_pct


def test_plan_pct_attaches_to_the_figure_it_follows() -> None:
    text = (
        "Năm 2018, sản lượng thủy sản đạt 86.500 tấn, vượt 3,5% kế hoạch năm; giá trị sản xuất "
        "công nghiệp đạt 9.120 tỷ đồng, tăng 11% so với năm 2017, đạt 102,3% kế hoạch."
    )
    cands = candidates(text)
    assert by_value(cands, 86500).plan_pct == pytest.approx(103.5)
    assert by_value(cands, 9.12e12).plan_pct == pytest.approx(102.3)
    assert by_value(cands, 11).plan_pct is None
    assert not [c for c in cands if c.value in (3.5, 103.5, 102.3)]


def test_a_sentence_opening_with_a_plan_share_gives_the_share_of_the_figure_before() -> None:
    text = (
        "Năm 2018, các đơn vị đã đưa 605 lao động đi làm việc tại các thị trường khác nhau. "
        "Đạt 100,8% chỉ tiêu đưa người lao động đi làm việc ở nước ngoài."
    )
    cands = [c for c in candidates(text, report_year=2018) if c.label != "skip"]
    assert [(c.value, c.plan_pct) for c in cands] == [(605, pytest.approx(100.8))]
    # a sentence that only goes on to another result keeps its figure to itself
    text = "Năm 2018, đã đưa 605 lao động đi làm việc. Tỷ lệ lao động có việc làm đạt 95%."
    assert {c.value for c in candidates(text, report_year=2018)} >= {605, 95}


def test_plan_percent_the_parser_leaves_plain() -> None:
    text = (
        "Năm 2022, tỷ lệ hộ dùng nước sạch là 88%, đạt 100% so kế hoạch "
        "(tăng 2% so với năm 2021); "
        "số lượt khám tuyến tỉnh là 210.400, đạt 102,5% kế hoạch, "
        "tuyến huyện là 198.020, đạt 99,1%."
    )
    cands = candidates(text)
    assert by_value(cands, 88).plan_pct == 100
    assert by_value(cands, 210400).plan_pct == pytest.approx(102.5)
    assert by_value(cands, 198020).plan_pct == pytest.approx(99.1)
    assert by_value(cands, 2).indicator == "tỷ lệ hộ dùng nước sạch tăng so với năm 2021"
    assert {c.value for c in cands} == {88, 2, 210400, 198020}


def test_plan_percent_in_an_aside() -> None:
    text = "Năm 2015, toàn tỉnh giải quyết việc làm cho hơn 26.742 người (đạt 107%)."
    cands = candidates(text)
    assert [(c.value, c.plan_pct) for c in cands] == [(26742, 107)]


def test_a_resolution_rate_in_an_aside_is_no_plan_share() -> None:
    # "giải quyết 105 nguồn tin (đạt 93%)": below 100% after cases resolved, the rate of
    # resolution (lexicon plan.rate_units); "tin báo" is one unit
    text = (
        "Năm 2023, đơn vị đã xử lý giải quyết 105 nguồn tin (đạt 93%), giải quyết 58 tin báo "
        "(đạt 92,06%)."
    )
    cands = candidates(text)
    assert by_value(cands, 105).plan_pct is None and by_value(cands, 58).unit == "tin báo"
    assert by_value(cands, 93).indicator == "tỷ lệ xử lý giải quyết nguồn tin"
    assert by_value(cands, 92.06).indicator == "tỷ lệ giải quyết tin báo"


def test_a_rate_below_the_plan_that_exceeds_it_is_a_rate() -> None:
    # "đạt trên 76%, vượt trên 6% so với chỉ tiêu": the rate beat a 70% quota by 6 points;
    # 76% is no share of the plan (a share that exceeds the plan is over 100%)
    text = (
        "Năm 2017, đã giải quyết xong 11.800 việc, đạt trên 76%, vượt trên 6% so với chỉ tiêu "
        "Quốc hội giao."
    )
    cands = candidates(text)
    assert by_value(cands, 11800).plan_pct is None
    assert by_value(cands, 76).label == "achievement"


def test_text_without_diacritics_still_yields_figures() -> None:
    report = extract_rules("Nam 2023 nganh da giai quyet viec lam cho 15.000 lao dong.")
    assert [m.value for m in report.achievements] == [15000]


def test_plan_phrase_without_a_figure_stands_alone() -> None:
    text = "Năm 2021, Sở đã hoàn thành 100% kế hoạch kiểm tra an toàn thực phẩm."
    c = by_value(candidates(text), 100)
    assert (c.label, c.unit, c.plan_pct) == ("achievement", "%", None)
    assert "kế hoạch kiểm tra an toàn thực phẩm" in c.indicator


# --------------------------------------------------------------------------- indicators


@pytest.mark.parametrize(
    ("text", "value", "indicator"),
    [
        ("Năm 2019, tỷ lệ trẻ em được tiêm chủng đầy đủ đạt 98,2%.", 98.2,
         "tỷ lệ trẻ em được tiêm chủng đầy đủ"),
        ("Tổng số học sinh đỗ tốt nghiệp: 12.480 em.", 12480, "tổng số học sinh đỗ tốt nghiệp"),
        ("Toàn tỉnh còn 4.310 hộ nghèo, chiếm 2,1%.", 4310, "hộ nghèo"),
        ("Toàn tỉnh còn 4.310 hộ nghèo, chiếm 2,1%.", 2.1, "tỷ lệ hộ nghèo"),
        ("Năm 2023, ngành phấn đấu nâng tỷ lệ xã đạt chuẩn nông thôn mới lên 75%.", 75,
         "tỷ lệ xã đạt chuẩn nông thôn mới"),
        ("Giảm tỷ lệ hộ nghèo xuống còn 3%.", 3, "tỷ lệ hộ nghèo"),
        ("Trong năm, đã tổ chức 48 phiên giao dịch việc làm.", 48,
         "tổ chức phiên giao dịch việc làm"),
        ("Toàn tỉnh có 310 trường đạt chuẩn quốc gia, đạt tỷ lệ 58,4%.", 58.4,
         "tỷ lệ trường đạt chuẩn quốc gia"),
        ("Tốc độ tăng trưởng giá trị sản xuất nông, lâm, thủy sản đạt 3,2%.", 3.2,
         "tốc độ tăng trưởng giá trị sản xuất nông, lâm, thủy sản"),
        ("Chỉ số sản xuất công nghiệp (IIP) tăng 7,4%.", 7.4,
         "chỉ số sản xuất công nghiệp (IIP) tăng"),
        ("Toàn tỉnh đạt 9,5 bác sĩ/vạn dân và 31 giường bệnh/vạn dân.", 31, "giường bệnh/vạn dân"),
        ("Hỗ trợ 1.200 hộ với tổng kinh phí 3,6 tỷ đồng.", 3.6e9, "tổng kinh phí hỗ trợ hộ"),
        # a count in brackets with no change word names its own things, not the outer clause
        ("Năm 2023 xảy ra 176 vụ tai nạn, làm 181 người bị thương (1 vụ TNGT đường thủy va "
         "chạm tàu cá).", 1, "vụ TNGT đường thủy va chạm tàu cá"),
        # "tính trong ..." scopes a count, it names nothing (lexicon noun_stops)
        ("Năm 2020: + Tổng số giờ phát sóng phim truyện Việt Nam (521 tập tính trong 4 quý năm "
         "2020): 390 giờ.", 521, "tổng số giờ phát sóng phim truyện Việt Nam"),
        # a label line "<name> (<aside>): N" is named by the words before its aside; hours of a
        # named time measure after a colon are a figure
        ("Năm 2020: + Tổng số giờ phát sóng phim truyện Việt Nam (521 tập tính trong 4 quý năm "
         "2020): 390 giờ.", 390, "tổng số giờ phát sóng phim truyện Việt Nam"),
        ("Năm 2020, Đài đã thực hiện:\n+ Tổng số giờ chương trình phát mới: 6570 giờ.", 6570,
         "tổng số giờ chương trình phát mới"),
        # the agency acting is not what is measured (lexicon indicator_cues.actors)
        ("Năm 2025, tòa án hai cấp đã giải quyết được 12.926 vụ việc.", 12926,
         "giải quyết vụ việc"),
        # things that suffered, after "với", are named with the cause before it
        ("Năm 2021 xảy ra bệnh dịch tả lợn châu Phi với 3.544 con bị chết và tiêu hủy.", 3544,
         "bị chết và tiêu hủy do bệnh dịch tả lợn châu Phi"),
        # an amount per classifier after a count of it (per_unit_of_previous)
        ("Năm 2019, Quỹ trao 939 suất học bổng, trong đó 3 suất học bổng đặc biệt (mỗi suất 25 "
         "triệu đồng).", 25e6,
         "mỗi suất học bổng đặc biệt"),
        # a count that says what it did itself shares no predicate with the next count
        ("Năm 2024, toàn Thành phố có 191 xã đạt chuẩn nông thôn mới nâng cao và 84 xã đạt chuẩn "
         "nông thôn mới kiểu mẫu.", 191, "xã đạt chuẩn nông thôn mới nâng cao"),
        ("Năm 2024, có 13 xã và 28 làng đạt chuẩn nông thôn mới.", 13,
         "xã đạt chuẩn nông thôn mới"),
        # "nông, lâm, thủy sản" is one name (lexicon comma_compounds); "lần đầu tiên" (for the
        # first time) names nothing
        ("Năm 2024, lần đầu tiên xuất khẩu nông, lâm, thủy sản của Hà Nội vượt ngưỡng 2 tỷ USD.",
         2e9, "xuất khẩu nông, lâm, thủy sản của Hà Nội vượt ngưỡng"),
        # the speaker and the verb that reports what was said name nothing (lexicon
        # indicator_cues.speech_verbs)
        ("Năm 2024, Giám đốc Sở NN-MT Cần Thơ cho biết khu vực nông, lâm, thủy sản tăng 3,2%.",
         3.2, "khu vực nông, lâm, thủy sản tăng"),
        # "hậu cần" (logistics) is no "cần" (need) that ends a subject
        ("Năm 2024, huấn luyện hậu cần, kỹ thuật 100% đạt yêu cầu.", 100,
         "huấn luyện hậu cần, kỹ thuật đạt yêu cầu"),
        # the places a count names in brackets or after a colon, then what they did
        ("Năm 2024, có 3 huyện (Thanh Trì, Gia Lâm, Hoài Đức) được công nhận đạt chuẩn nông "
         "thôn mới nâng cao.", 3, "huyện được công nhận đạt chuẩn nông thôn mới nâng cao"),
        ("Năm 2024, còn 2 huyện: Đông Anh, Thanh Oai chưa đạt chuẩn nông thôn mới nâng cao.", 2,
         "huyện chưa đạt chuẩn nông thôn mới nâng cao"),
        # a plan's frame before "là" names nothing; what the plan is to do does
        ("Năm 2023, ngành giải quyết việc làm cho 25.000 lao động. Kế hoạch năm 2024 là tuyển "
         "sinh 20.000 người học nghề.", 20_000, "tuyển sinh người học nghề"),
        # money "với số tiền" after a rate is the money of the act the rate is of
        ("Năm 2023, cơ quan thi hành án đã thi hành xong 8.500 việc, đạt tỷ lệ 85,2%, với số "
         "tiền trên 1.200 tỷ đồng.", 1.2e12, "số tiền thi hành xong việc"),
        # a label capped at its length keeps a name whole
        ("Hiện nay, Thành phố tiếp tục thẩm định thêm 44 xã đề nghị đạt chuẩn nông thôn mới nâng "
         "cao.", 44,
         "thành phố tiếp tục thẩm định thêm xã đề nghị đạt chuẩn nông thôn mới nâng cao"),
    ],
)  # fmt: skip
def test_indicator(text: str, value: float, indicator: str) -> None:
    assert by_value(candidates(text), value).indicator == indicator


def test_indicator_from_context() -> None:
    text = (
        "Toàn tỉnh giảm được 5.210 hộ nghèo, tương đương giảm được 1,9%. Doanh thu du lịch "
        "tăng mạnh so với những năm trước (tăng trên 18% so năm 2016)."
    )
    cands = candidates(text)
    assert by_value(cands, 5210).indicator == "giảm hộ nghèo"
    assert by_value(cands, 1.9).indicator == "tỷ lệ giảm hộ nghèo"
    assert by_value(cands, 18).indicator == "doanh thu du lịch tăng"


def test_sub_item_after_previous_figure() -> None:
    text = (
        "Tỷ lệ thất nghiệp là 2,1%, trong đó khu vực thành thị là 3,4% "
        "và khu vực nông thôn là 1,2%."
    )
    cands = candidates(text)
    # the parts name their whole: the shared head is distributed over the list
    assert by_value(cands, 3.4).indicator == "tỷ lệ thất nghiệp khu vực thành thị"
    assert by_value(cands, 1.2).indicator == "tỷ lệ thất nghiệp khu vực nông thôn"


# --------------------------------------------------------------------------- officials


def test_official_patterns() -> None:
    text = (
        "Dự hội nghị có đồng chí Lò Văn Thắm, Phó Chủ tịch UBND tỉnh; ông Vũ Đức Hạnh - Giám đốc "
        "Sở Giáo dục và Đào tạo.\n"
        "Phó Chủ tịch UBND tỉnh - Lò Văn Thắm phát biểu tại hội nghị.\n"
        "Thứ trưởng Bộ Công Thương Đinh Quốc Trọng trao Bằng khen cho Sở.\n"
        "Theo bà Mai Thị Ngọc Lan (Chánh Văn phòng Sở), năm nay Sở đã số hóa 95% hồ sơ.\n"
        "Bà Ngọc Lan cho biết thêm, ngành sẽ tiếp tục cải cách hành chính.\n"
        "Đồng chí Hầu A Lềnh, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực UBND "
        "tỉnh dự.\n"
        # a Hmong family name after ";" starts a name of its own
        "Các đồng chí: Hoàng Kiều Anh – Phó Chủ tịch Ủy ban MTTQ tỉnh; Vừ Thị Mai Dinh – Bí "
        "thư Tỉnh đoàn đồng chủ trì.\n"
    )
    got = {o.name: o.title for o in find_officials(text)}
    assert got == {
        "Lò Văn Thắm": "Phó Chủ tịch UBND tỉnh",
        "Vũ Đức Hạnh": "Giám đốc Sở Giáo dục và Đào tạo",
        "Đinh Quốc Trọng": "Thứ trưởng Bộ Công Thương",
        "Mai Thị Ngọc Lan": "Chánh Văn phòng Sở",
        "Hầu A Lềnh": "Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch Thường trực UBND tỉnh",
        "Hoàng Kiều Anh": "Phó Chủ tịch Ủy ban MTTQ tỉnh",
        "Vừ Thị Mai Dinh": "Bí thư Tỉnh đoàn",
    }


def test_degree_prefixes_and_abbreviated_titles() -> None:
    text = (
        "TS.BS Hoàng Văn Quý - Giám đốc Sở Y tế phát biểu. "
        "NGƯT. Trần Đức Hiển - TUV, GĐ Sở GD&ĐT cho biết. "
        "Đồng chí Vi Thị Hoa, Ủy viên BCH T.Ư Đảng, Bộ trưởng Bộ NN&PTNT dự. "
        "Đại tá Lương Văn Đông, Giám đốc Công an tỉnh cũng tham dự."
    )
    got = {o.name: o.title for o in find_officials(text)}
    assert got == {
        "Hoàng Văn Quý": "Giám đốc Sở Y tế",
        "Trần Đức Hiển": "TUV, GĐ Sở GD&ĐT",
        "Vi Thị Hoa": "Ủy viên BCH T.Ư Đảng, Bộ trưởng Bộ NN&PTNT",
        "Lương Văn Đông": "Giám đốc Công an tỉnh",
    }


def test_titles_with_places_and_highland_names() -> None:
    text = (
        "Dự hội nghị có Trưởng Cơ quan đại diện Văn phòng Bộ VH-TT&DL tại TP.HCM Nguyễn Hữu "
        "Đạt; Phó Chủ tịch UBND tỉnh Y Giang Gry Niê Knơng đã đến dự."
    )
    got = {o.name: o.title for o in find_officials(text)}
    assert got == {
        "Nguyễn Hữu Đạt": "Trưởng Cơ quan đại diện Văn phòng Bộ VH-TT&DL tại TP.HCM",
        "Y Giang Gry Niê Knơng": "Phó Chủ tịch UBND tỉnh",
    }


def test_a_one_word_ethnic_name_with_its_title_is_an_official() -> None:
    text = (
        "Tham dự có ông K’Mák - Ủy viên BTV Tỉnh ủy, Phó Chủ tịch Thường trực HĐND tỉnh. "
        "Ông Ba cho biết gia đình đã thoát nghèo."
    )
    assert [(o.name, o.title) for o in find_officials(text)] == [
        ("K’Mák", "Ủy viên BTV Tỉnh ủy, Phó Chủ tịch Thường trực HĐND tỉnh")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title whose first word is capitalised and the rest is not; a lower-case role is not
        ("Phát biểu chỉ đạo tại hội nghị, Ủy viên Ban Thường vụ Tỉnh ủy, Phó chủ tịch UBND tỉnh "
         "Dương Minh Dũng nhấn mạnh 7 nhiệm vụ. Đại diện giám đốc các sở Lê Văn An dự.",
         ("Dương Minh Dũng", "Ủy viên Ban Thường vụ Tỉnh ủy, Phó chủ tịch UBND tỉnh")),
        # a Central Highlands family name starts a name
        ("Sáng 25-1, Sở tổ chức hội nghị. Phó Chủ tịch UBND tỉnh Kpă Thuyên dự hội nghị.",
         ("Kpă Thuyên", "Phó Chủ tịch UBND tỉnh")),
        # the older placement of a tone mark ("uỷ" for "ủy")
        ("Dự hội nghị có đồng chí Nguyễn Văn An, Thành uỷ viên, Giám đốc Sở Y tế.",
         ("Nguyễn Văn An", "Thành uỷ viên, Giám đốc Sở Y tế")),
        # a colon after the honorific
        ("Dự hội nghị có đồng chí: Đầu Thanh Tùng, Phó Chủ tịch UBND tỉnh; đại diện các sở.",
         ("Đầu Thanh Tùng", "Phó Chủ tịch UBND tỉnh")),
        ("Trao Huân chương Lao động tặng Viện trưởng VKSND tỉnh Lê Tất Hiếu Ảnh: Trường Khanh",
         ("Lê Tất Hiếu", "Viện trưởng VKSND tỉnh")),
        ("Chị Hồ Thị Ánh Tuyết, Bí thư Tỉnh Đoàn trao Kỷ niệm chương cho các cá nhân.",
         ("Hồ Thị Ánh Tuyết", "Bí thư Tỉnh Đoàn")),
        ("Anh Lê Trung Hồ - Chủ tịch Ủy ban Hội LHTN Việt Nam tỉnh trao cờ cho các đơn vị.",
         ("Lê Trung Hồ", "Chủ tịch Ủy ban Hội LHTN Việt Nam tỉnh")),
        # "Phó ban" heads a title as "Trưởng ban" does
        ("Dự hội nghị có ông Đinh Y Khoa, Phó ban Dân vận Tỉnh ủy.",
         ("Đinh Y Khoa", "Phó ban Dân vận Tỉnh ủy")),
        ("Thượng tá Nguyễn Hùng Sơn, Chỉ huy trưởng BĐBP tỉnh trao danh hiệu cho các tập thể.",
         ("Nguyễn Hùng Sơn", "Chỉ huy trưởng BĐBP tỉnh")),
        # where a caption's person stands; a list item with no comma before the title
        ("Ông Nguyễn Đăng Hải (giữa), Giám đốc Sở Kế hoạch và Đầu tư, trao giấy khen.",
         ("Nguyễn Đăng Hải", "Giám đốc Sở Kế hoạch và Đầu tư")),
        ("Dự có các đồng chí: Lê Văn Dũng Phó Bí thư Thường trực Tỉnh ủy; đại diện các sở.",
         ("Lê Văn Dũng", "Phó Bí thư Thường trực Tỉnh ủy")),
        # a professional title before the name (lexicon honorifics, with a grade)
        ("Luật gia Trần Văn Bình, Chủ tịch Hội Luật gia tỉnh phát biểu tổng kết.",
         ("Trần Văn Bình", "Chủ tịch Hội Luật gia tỉnh")),
        ("Kiểm sát viên cao cấp Lê Văn Tân, Viện trưởng VKSND tỉnh trình bày báo cáo.",
         ("Lê Văn Tân", "Viện trưởng VKSND tỉnh")),
        ("Bác sĩ CKII Ngô Thị Mai, Giám đốc Sở Y tế cho biết ngành đã khám 1,2 triệu lượt.",
         ("Ngô Thị Mai", "Giám đốc Sở Y tế")),
        ("Nhà giáo ưu tú Phạm Thị Thu Hà, Phó Giám đốc Sở GD&ĐT điều hành thảo luận.",
         ("Phạm Thị Thu Hà", "Phó Giám đốc Sở GD&ĐT")),
        # a name may end with a syllable that spells a position ("Trưởng")
        ("Đồng chí Nguyễn Công Trưởng, Phó Chủ tịch UBND tỉnh dự, chỉ đạo hội nghị.",
         ("Nguyễn Công Trưởng", "Phó Chủ tịch UBND tỉnh")),
        # lower-case words of an organisation's name (lexicon title_org_phrases), an acronym
        # in brackets, and no connector at a title's end
        ("Chủ tịch Hội Văn học nghệ thuật tỉnh Trương Thị Thương Huyền trao thưởng hội viên.",
         ("Trương Thị Thương Huyền", "Chủ tịch Hội Văn học nghệ thuật tỉnh")),
        ("Sáng 27/12, Viện trưởng Viện Kiểm sát Nhân dân (VKSND) tỉnh Long An - Trương Văn Nghị "
         "chủ trì Hội nghị.",
         ("Trương Văn Nghị", "Viện trưởng Viện Kiểm sát Nhân dân (VKSND) tỉnh Long An")),
        ("Đồng chí Hồ Đức Anh, Phó Viện trưởng VKSND tối cao và các đại biểu dự Hội nghị.",
         ("Hồ Đức Anh", "Phó Viện trưởng VKSND tối cao")),
        # "TP." is an abbreviation, not the end of a sentence or of a title
        ("Tại hội nghị, Phó Chủ tịch Thường trực UBND TP. Hải Phòng Lê Anh Quân phát biểu.",
         ("Lê Anh Quân", "Phó Chủ tịch Thường trực UBND TP. Hải Phòng")),
        # a lower-case word of a position ("chuyên trách") stays in the title
        ("Dự hội nghị có Phó Trưởng đoàn chuyên trách Đoàn ĐBQH Hà Tĩnh - Trần Đình Gia.",
         ("Trần Đình Gia", "Phó Trưởng đoàn chuyên trách Đoàn ĐBQH Hà Tĩnh")),
        # a province whose last syllable is a surname ends before the name
        ("Giám đốc Sở Du lịch tỉnh An Giang Bùi Quốc Thái phát biểu.",
         ("Bùi Quốc Thái", "Giám đốc Sở Du lịch tỉnh An Giang")),
        # an abbreviated membership ("UVTV Tỉnh ủy") opens a title; a judge's rank is a title
        ("Đồng chí Lê Văn Bình, UVTV Tỉnh ủy, Phó Chủ tịch UBND tỉnh dự hội nghị.",
         ("Lê Văn Bình", "UVTV Tỉnh ủy, Phó Chủ tịch UBND tỉnh")),
        ("Dự hội nghị có Thượng tướng Lê Quốc Hùng, UVTW Đảng, Thứ trưởng Bộ Công an.",
         ("Lê Quốc Hùng", "UVTW Đảng, Thứ trưởng Bộ Công an")),
        ("Đồng chí Đỗ Việt Anh, TVTU, Trưởng Ban Dân vận Tỉnh ủy đã tới dự.",
         ("Đỗ Việt Anh", "TVTU, Trưởng Ban Dân vận Tỉnh ủy")),
        # a fund's name in quotes inside the title
        ("Phó Trưởng ban Thường trực Ban Vận động Quỹ “Vì người nghèo” tỉnh - Phan Mộng Thành "
         "chủ trì hội nghị.",
         ("Phan Mộng Thành", "Phó Trưởng ban Thường trực Ban Vận động Quỹ “Vì người nghèo” tỉnh")),
        ("Tham dự hội nghị có bà Đào Thị Minh Thủy – Thẩm phán TANDTC.",
         ("Đào Thị Minh Thủy", "Thẩm phán TANDTC")),
        ("Dự và chủ trì hội nghị có đồng chí Đỗ Văn Bình - UVBCH Trung ương Đoàn, TUV, Bí thư "
         "Tỉnh đoàn cùng các đồng chí trong Thường trực Tỉnh đoàn.",
         ("Đỗ Văn Bình", "UVBCH Trung ương Đoàn")),
        # heads of a newspaper, a border post, a forest ranger station
        ("Tổng Thư ký Hội Nhà báo tỉnh Nguyễn Văn Xuân phát biểu.",
         ("Nguyễn Văn Xuân", "Tổng Thư ký Hội Nhà báo tỉnh")),
        ("Nhà báo Nguyễn Văn Mạnh, Tổng Biên tập Báo Lạng Sơn phát biểu.",
         ("Nguyễn Văn Mạnh", "Tổng Biên tập Báo Lạng Sơn")),
        ("Thiếu tá Lê Văn Phúc, Đồn trưởng Đồn Biên phòng Cửa khẩu Lao Bảo cho biết.",
         ("Lê Văn Phúc", "Đồn trưởng Đồn Biên phòng Cửa khẩu Lao Bảo")),
        # a monk's rank before his Dharma name; a name set off by commas after its title
        ("Hòa thượng Thích Trí Khải, Trưởng ban Trị sự Giáo hội Phật giáo Việt Nam tỉnh phát "
         "biểu.", ("Thích Trí Khải", "Trưởng ban Trị sự Giáo hội Phật giáo Việt Nam tỉnh")),
        ("Giám đốc Sở Giáo dục và Đào tạo, ông Nguyễn Văn Quang, cho biết năm học qua ngành đạt "
         "nhiều kết quả.", ("Nguyễn Văn Quang", "Giám đốc Sở Giáo dục và Đào tạo")),
        ("Giám đốc Công an tỉnh, Đại tá Nguyễn Văn Giàu cho biết năm qua đã triệt phá 20 ổ nhóm.",
         ("Nguyễn Văn Giàu", "Giám đốc Công an tỉnh")),
        # an artist's state title before the name, like a teacher's
        ("NSND Nguyễn Thị Kim, Giám đốc Trung tâm Văn hóa tỉnh phát biểu.",
         ("Nguyễn Thị Kim", "Giám đốc Trung tâm Văn hóa tỉnh")),
        # "vinh dự" after the title is the verb, not a word of the office
        ("Ông Nguyễn Văn Hùng, Chánh Văn phòng Sở vinh dự được nhận Bằng khen.",
         ("Nguyễn Văn Hùng", "Chánh Văn phòng Sở")),
        # "Tỉnh Đoàn" in capitals is the union, not the surname "Đoàn" of a name
        ("Theo Bí thư Tỉnh Đoàn Gia Lai Phạm Hồng Hiệp, kết quả năm 2025 rất lớn.",
         ("Phạm Hồng Hiệp", "Bí thư Tỉnh Đoàn Gia Lai")),
        ("Phó Bí thư Thành Đoàn Hà Nội Đoàn Thị Hương cho biết năm 2025 đạt nhiều kết quả.",
         ("Đoàn Thị Hương", "Phó Bí thư Thành Đoàn Hà Nội")),
        # the name after "Ảnh:" took the photo
        ("Giám đốc Sở Rcom Sa Duyên cùng 2 Phó Giám đốc Sở chủ trì hội nghị. Ảnh: Đinh Yến\n\n"
         "Giám đốc Sở Rcom Sa Duyên phát biểu.", ("Rcom Sa Duyên", "Giám đốc Sở")),
    ],
)  # fmt: skip
def test_official_phrasings(text: str, expected: tuple[str, str]) -> None:
    assert [(o.name, o.title) for o in find_officials(text)] == [expected]


def test_more_guests_than_a_hall_holds_are_visitors() -> None:
    text = "Riêng 5 ngày từ 27 đến 31-12-2018 đã có hơn 55.000 khách tham quan khu di sản."
    assert by_value(candidates(text, report_year=2018, plan_year=2019), 55000).label == (
        "achievement"
    )


def test_a_plural_title_names_each_person_it_lists() -> None:
    text = "Các Phó Chủ tịch HĐND tỉnh Trần Xuân Vinh và Nguyễn Công Thanh chủ trì buổi làm việc."
    assert [(o.name, o.title) for o in find_officials(text)] == [
        ("Trần Xuân Vinh", "Phó Chủ tịch HĐND tỉnh"),
        ("Nguyễn Công Thanh", "Phó Chủ tịch HĐND tỉnh"),
    ]
    # a singular title names the first person only
    single = "Phó Chủ tịch HĐND tỉnh Trần Xuân Vinh và Nguyễn Công Thanh chủ trì buổi làm việc."
    assert [o.name for o in find_officials(single)] == ["Trần Xuân Vinh"]


def test_a_department_name_with_a_comma_stays_in_the_title() -> None:
    text = (
        "Theo báo cáo của Phó Giám đốc Sở Giáo dục, Khoa học và Công nghệ tỉnh Bạc Liêu "
        "Võ Thanh Giang, kỳ thi năm 2020 đạt kết quả tốt. Thừa ủy quyền của Chủ tịch nước, "
        "Thứ trưởng Nguyễn Văn An trao huân chương."
    )
    assert [(o.name, o.title) for o in find_officials(text)] == [
        ("Võ Thanh Giang", "Phó Giám đốc Sở Giáo dục, Khoa học và Công nghệ tỉnh Bạc Liêu"),
        ("Nguyễn Văn An", "Thứ trưởng"),
    ]


def test_bylines_places_and_untitled_people_are_not_officials() -> None:
    text = (
        "Sở Y tế Hà Giang tổng kết năm 2020\n"
        "VĂN LONG\n"
        "Ông Trần Quốc Bảo, người dân xã Tân Lập cho biết gia đình đã thoát nghèo.\n"
        "Giám đốc Bệnh viện Đa khoa tỉnh Thái Bình cũng tham dự.\n"
        "Nguyễn Thị Hoa – Văn phòng Sở"
    )
    assert find_officials(text) == []


# --------------------------------------------------------------------------- awards


def test_an_award_title_without_its_word_and_year_and_a_group_with_its_parent() -> None:
    text = (
        "Dịp này, có 3 đơn vị trực thuộc Sở Tư pháp được Chủ tịch UBND tỉnh tặng danh hiệu "
        "Tập thể lao động xuất sắc năm 2015."
    )
    got = [(a.award, a.conferred_by, a.recipient) for a in find_awards(text)]
    assert got == [
        ("Tập thể lao động xuất sắc", "Chủ tịch UBND tỉnh", "3 đơn vị trực thuộc Sở Tư pháp")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two honours joined by "và": each its grantor, the same recipient
        ("Sở Tư pháp vinh dự được nhận Cờ thi đua của Bộ Tư pháp và Bằng khen của Thủ tướng "
         "Chính phủ.", [("Cờ thi đua", "Bộ Tư pháp", "Sở Tư pháp"),
                        ("Bằng khen", "Thủ tướng Chính phủ", "Sở Tư pháp")]),
        # the grantor ends before "được"
        ("Cờ thi đua của Chính phủ được trao cho Sở Nông nghiệp và PTNT.",
         [("Cờ thi đua", "Chính phủ", "Sở Nông nghiệp và PTNT")]),
        # a year opening the sentence is not the recipient
        ("Năm 2023, Sở được tặng Cờ thi đua của UBND tỉnh.", [("Cờ thi đua", "UBND tỉnh", "Sở")]),
        # a department's name with a comma is one grantor
        ("Dịp này, Bộ Văn hóa, Thể thao và Du lịch đã tặng Bằng khen cho 4 tập thể.",
         [("Bằng khen", "Bộ Văn hóa, Thể thao và Du lịch", "4 tập thể")]),
        # the occasion between the grantor and the recipients
        ("Ông A trao Bằng khen của Bộ Công an nhân dịp kỷ niệm 70 năm cho 3 tập thể.",
         [("Bằng khen", "Bộ Công an", "3 tập thể")]),
        # "nhân dân" inside a grantor's name ends nothing ("nhân dịp" does)
        ("Dịp này, ông A trao Bằng khen của Tòa án nhân dân tối cao cho Tòa án nhân dân tỉnh.",
         [("Bằng khen", "Tòa án nhân dân tối cao", "Tòa án nhân dân tỉnh")]),
        ("Dịp này, Giám đốc Sở Kế hoạch và Đầu tư đã tặng giấy khen cho các cá nhân, tập thể.",
         [("Giấy khen", "Giám đốc Sở Kế hoạch và Đầu tư", "các cá nhân, tập thể")]),
        # a person with a title, named before it
        ("Ông Nguyễn Văn A, Giám đốc Sở, được tặng Huân chương Lao động hạng Ba.",
         [("Huân chương Lao động hạng Ba", None, "Nguyễn Văn A, Giám đốc Sở")]),
        # the verb after a grantor closes it when a reason follows; "trao tặng cho" names
        ("Các tập thể, cá nhân nhận Bằng khen do Bộ trưởng Bộ Công thương trao tặng vì đã có "
         "thành tích xuất sắc. Giấy khen do Giám đốc Sở trao tặng cho 5 tập thể.",
         [("Bằng khen", "Bộ trưởng Bộ Công thương", "Các tập thể, cá nhân"),
          ("Giấy khen", "Giám đốc Sở", "5 tập thể")]),
        # a title ends before the next recipients and their award
        ("Dịp này, 3 tập thể được nhận danh hiệu tập thể lao động xuất sắc và 3 cá nhân được "
         "nhận bằng khen của UBND tỉnh.",
         [("Tập thể lao động xuất sắc", None, "3 tập thể"),
          ("Bằng khen", "UBND tỉnh", "3 cá nhân")]),
        # "Bằng công nhận" is an honour; a medal's long name stops before "cho"; the
        # honorific before a granting position is dropped
        ("Dịp này, Sở Y tế được Bộ Y tế tặng Bằng công nhận đơn vị đạt chuẩn.",
         [("Bằng công nhận", "Bộ Y tế", "Sở Y tế")]),
        ("Dịp này, Bộ Thông tin và Truyền thông tặng Kỷ niệm chương Vì sự nghiệp Thông tin và "
         "Truyền thông cho 3 cá nhân.",
         [("Kỷ niệm chương Vì sự nghiệp Thông tin và Truyền thông", "Bộ Thông tin và Truyền thông",
           "3 cá nhân")]),
        ("Dịp này, đồng chí Giám đốc Sở trao Giấy khen cho 10 tập thể và 15 cá nhân.",
         [("Giấy khen", "Giám đốc Sở", "10 tập thể và 15 cá nhân")]),
        # a medal's name goes on past a comma while it is capitalised, not into the next honour
        ("Tại hội nghị, Bộ Văn hóa, Thể thao và Du lịch đã trao Kỷ niệm chương Vì sự nghiệp Văn "
         "hóa, Thể thao và Du lịch cho 15 cá nhân.",
         [("Kỷ niệm chương Vì sự nghiệp Văn hóa, Thể thao và Du lịch",
           "Bộ Văn hóa, Thể thao và Du lịch", "15 cá nhân")]),
        # ... and past a dash
        ("Dịp này, Bộ Y tế đã tặng Kỷ niệm chương Vì sự nghiệp dân số - Kế hoạch hóa gia đình cho "
         "51 cá nhân.",
         [("Kỷ niệm chương Vì sự nghiệp dân số - Kế hoạch hóa gia đình", "Bộ Y tế", "51 cá nhân")]),
        ("Dịp này, Bộ Y tế trao Kỷ niệm chương Vì sức khỏe nhân dân cho 3 cá nhân, Bằng khen cho "
         "2 tập thể.",
         [("Kỷ niệm chương Vì sức khỏe nhân dân", "Bộ Y tế", "3 cá nhân"),
          ("Bằng khen", "Bộ Y tế", "2 tập thể")]),
        # "công nhận" is the grantor's verb ("UBND tỉnh công nhận danh hiệu ..."), whole
        ("Năm 2023, Sở được UBND tỉnh công nhận danh hiệu Tập thể lao động xuất sắc.",
         [("Tập thể lao động xuất sắc", "UBND tỉnh", "Sở")]),
        # a caption broken over two lines is one award
        ("Đồng chí Chủ tịch UBND tỉnh Nguyễn Văn Sơn trao tặng Cờ thi đua\n"
         "của Bộ Xây dựng cho Sở Xây dựng.\n\nNăm 2020, ngành đạt nhiều kết quả.",
         [("Cờ thi đua", "Bộ Xây dựng", "Sở Xây dựng")]),
        # a year between the medal and its grantor; an order handed over without its name
        ("Dịp này, Tỉnh Đoàn trao Kỷ niệm chương “Vì thế hệ trẻ” năm 2022 của Trung ương Đoàn "
         "cho các cá nhân xuất sắc.",
         [("Kỷ niệm chương “Vì thế hệ trẻ”", "Trung ương Đoàn", "các cá nhân xuất sắc")]),
        ("Thừa ủy quyền của Chủ tịch nước, Phó Chủ tịch UBND tỉnh Lê Anh Quân trao Huân chương "
         "cho các cá nhân có thành tích xuất sắc.",
         [("Huân chương", "Chủ tịch nước", "các cá nhân có thành tích xuất sắc")]),
        # a flag with a quoted name; "danh hiệu cao quý này" refers back, it names no award
        ("Công an Thanh Hóa đã được Chính phủ tặng cờ “Đơn vị dẫn đầu phong trào thi đua vì an "
         "ninh tổ quốc” và là năm thứ 5 liên tiếp nhận được danh hiệu cao quý này.",
         [("Cờ “Đơn vị dẫn đầu phong trào thi đua vì an ninh tổ quốc”", "Chính phủ",
           "Công an Thanh Hóa")]),
        # a flag "cờ ... thi đua" in lower case; "Riêng" opens the sentence, not the recipient
        ("Riêng Hội Nông dân huyện Dầu Tiếng đã được Ban Chấp hành Hội Nông dân tỉnh tặng cờ dẫn "
         "đầu phòng trào thi đua năm 2018.",
         [("Cờ dẫn đầu phòng trào thi đua", "Ban Chấp hành Hội Nông dân tỉnh",
           "Hội Nông dân huyện Dầu Tiếng")]),
        # named recipients listed after a colon or "gồm" each get their award; "Sở có" holds
        # the recipients; a caption's "(Ảnh: ...)" is neither grantor nor recipient
        ("Nhân dịp này, UBND tỉnh tặng Bằng khen cho các tập thể: Phòng Nghiệp vụ Y, Thanh tra "
         "Sở.", [("Bằng khen", "UBND tỉnh", "Phòng Nghiệp vụ Y"),
                 ("Bằng khen", "UBND tỉnh", "Thanh tra Sở")]),
        ("Các đơn vị được tặng Cờ thi đua của UBND tỉnh gồm: Trung tâm Kiểm soát bệnh tật tỉnh, "
         "Bệnh viện Đa khoa tỉnh.",
         [("Cờ thi đua", "UBND tỉnh", "Trung tâm Kiểm soát bệnh tật tỉnh"),
          ("Cờ thi đua", "UBND tỉnh", "Bệnh viện Đa khoa tỉnh")]),
        ("Năm 2020, Sở có 2 tập thể được Bộ Công Thương tặng Bằng khen.",
         [("Bằng khen", "Bộ Công Thương", "2 tập thể")]),
        # (the leaders hand it over for the body they lead: the body is named)
        ("(Ảnh: Lãnh đạo UBND tỉnh trao Cờ thi đua cho Sở Y tế)",
         [("Cờ thi đua", "UBND tỉnh", "Sở Y tế")]),
        # "phong tặng" confers; a second "và được ... tặng" keeps the recipient
        ("Sở Y tế được Chủ tịch nước phong tặng danh hiệu Anh hùng Lao động.",
         [("Anh hùng Lao động", "Chủ tịch nước", "Sở Y tế")]),
        ("Đơn vị vinh dự được Bộ Quốc phòng tặng Bằng khen và được Quân khu 7 tặng Cờ thi đua.",
         [("Bằng khen", "Bộ Quốc phòng", "Đơn vị"), ("Cờ thi đua", "Quân khu 7", "Đơn vị")]),
        # a ranking after the recipients is not part of them
        ("Dịp này, Giám đốc Đài tặng Giấy khen cho 3 Trung tâm VH-TT&TT xếp thứ nhất, nhì, ba.",
         [("Giấy khen", "Giám đốc Đài", "3 Trung tâm VH-TT&TT")]),
        ("Với những thành tích đạt được, năm 2022 Cục Hải quan tỉnh vinh dự được Thủ tướng Chính "
         "phủ tặng Bằng khen.", [("Bằng khen", "Thủ tướng Chính phủ", "Cục Hải quan tỉnh")]),
        # the subject of two acts joined by "và" receives the award
        ("Sáng 27/12/2024, VKSND tỉnh Vĩnh Phúc tổ chức Hội nghị triển khai công tác năm 2025 và "
         "đón nhận Huân chương Độc lập hạng Ba.",
         [("Huân chương Độc lập hạng Ba", None, "VKSND tỉnh Vĩnh Phúc")]),
        ("Sở Giao thông Vận tải Khánh Hòa đã tổ chức hội nghị tổng kết và vinh dự được nhận cờ "
         "thi đua của Chính phủ.",
         [("Cờ thi đua", "Chính phủ", "Sở Giao thông Vận tải Khánh Hòa")]),
        ("Ngày 11/1, Hội Cựu thanh niên xung phong (TNXP) tỉnh tổ chức tổng kết công tác hội năm "
         "2018, triển khai nhiệm vụ năm 2019 và đón nhận Cờ thi đua xuất sắc của Trung ương Hội.",
         [("Cờ thi đua xuất sắc", "Trung ương Hội", "Hội Cựu thanh niên xung phong (TNXP) tỉnh")]),
        # a list of places, each its own recipient; a lead clause is not the recipient, and
        # the grantor is the name after the first "được"
        ("Tại hội nghị, HND tỉnh tặng cờ thi đua cho Hội Nông dân TP Chí Linh, thị xã Kinh Môn, "
         "các huyện Thanh Hà, Gia Lộc vì có thành tích xuất sắc.",
         [("Cờ thi đua", "HND tỉnh", "Hội Nông dân TP Chí Linh"),
          ("Cờ thi đua", "HND tỉnh", "thị xã Kinh Môn"), ("Cờ thi đua", "HND tỉnh", "Thanh Hà"),
          ("Cờ thi đua", "HND tỉnh", "Gia Lộc")]),
        ("Với những kết quả đạt được trong năm học qua, Sở GD-ĐT được Bộ GD-ĐT công nhận 11/18 "
         "lĩnh vực công tác hoàn thành xuất sắc và được tặng Cờ thi đua.",
         [("Cờ thi đua", "Bộ GD-ĐT", "Sở GD-ĐT")]),
        # an adverb before "được trao cho"; counted groups as written up to the next clause
        ("Bằng khen của Bộ trưởng Bộ Công an đã được trao cho 3 tập thể và 5 cá nhân.",
         [("Bằng khen", "Bộ trưởng Bộ Công an", "3 tập thể và 5 cá nhân")]),
        ("Tỉnh đoàn trao Bằng khen cho 20 tập thể và 35 cá nhân, trao Huy hiệu cho 5 đoàn viên.",
         [("Bằng khen", "Tỉnh đoàn", "20 tập thể và 35 cá nhân")]),
        ("Dịp này, Liên hiệp hội tặng Giấy khen cho 24 tập thể và cá nhân có thành tích.",
         [("Giấy khen", "Liên hiệp hội", "24 tập thể và cá nhân")]),
        # a second grantor for the same recipient; the grantor's decision is not its name
        ("Năm 2022, tập thể Sở được Thủ tướng Chính phủ tặng Bằng khen và UBND tỉnh tặng Cờ thi "
         "đua.", [("Bằng khen", "Thủ tướng Chính phủ", "tập thể Sở"),
                  ("Cờ thi đua", "UBND tỉnh", "tập thể Sở")]),
        ("Nhân dịp này, UBND tỉnh quyết định khen thưởng 12 tập thể và 18 cá nhân.",
         [("Khen thưởng", "UBND tỉnh", "12 tập thể và 18 cá nhân")]),
        # the group right after the honour, without "cho"
        ("Tại hội nghị, Hội trao tặng Bằng khen các cá nhân, tập thể xuất sắc trong phong trào.",
         [("Bằng khen", "Hội", "các cá nhân, tập thể xuất sắc trong phong trào")]),
        # two grantors of one honour: one award each (GUIDELINES §7), but not a name with "và";
        # a compound of recipient units as written
        ("Dịp này, 15 đơn vị tập thể và cá nhân được Trung ương hội Đông y Việt Nam và UBND tỉnh "
         "tặng Bằng khen.",
         [("Bằng khen", "Trung ương hội Đông y Việt Nam", "15 đơn vị tập thể và cá nhân"),
          ("Bằng khen", "UBND tỉnh", "15 đơn vị tập thể và cá nhân")]),
        ("Sở được Bộ Tài nguyên và Môi trường tặng Bằng khen.",
         [("Bằng khen", "Bộ Tài nguyên và Môi trường", "Sở")]),
        # a proposal is not an award
        ("Dịp này, Giám đốc Công an tỉnh tặng Giấy khen cho 25 tập thể; 3 đơn vị được đề nghị Bộ "
         "Công an tặng Cờ thi đua.", [("Giấy khen", "Giám đốc Công an tỉnh", "25 tập thể")]),
        # a named recipient and a counted group: one award each (GUIDELINES §7)
        ("Chủ tịch UBND tỉnh đã tặng Bằng khen cho Sở Nội vụ và 3 cá nhân có thành tích xuất "
         "sắc.", [("Bằng khen", "Chủ tịch UBND tỉnh", "Sở Nội vụ"),
                  ("Bằng khen", "Chủ tịch UBND tỉnh", "3 cá nhân")]),
        # who hands an honour over on another's behalf is not its grantor
        ("Tại hội nghị, ông Nguyễn Văn An thừa ủy quyền Chủ tịch nước trao Huân chương Lao động "
         "hạng Ba cho Sở Tư pháp.",
         [("Huân chương Lao động hạng Ba", "Chủ tịch nước", "Sở Tư pháp")]),
        # two honours joined by "và" share the verb's subject as grantor, and a proposal
        ("UBND tỉnh tặng Cờ thi đua và Bằng khen cho 3 tập thể.",
         [("Cờ thi đua", "UBND tỉnh", "3 tập thể"), ("Bằng khen", "UBND tỉnh", "3 tập thể")]),
        ("Sở đề nghị UBND tỉnh tặng Cờ thi đua và Bằng khen cho 3 tập thể.", []),
        # ... each its own grantor when it names one
        ("Lãnh đạo Sở Nội vụ trao Bằng khen của Bộ trưởng Bộ Nội vụ và Bằng khen của Chủ tịch UBND "
         "tỉnh cho các tập thể, cá nhân.",
         [("Bằng khen", "Bộ trưởng Bộ Nội vụ", "các tập thể, cá nhân"),
          ("Bằng khen", "Chủ tịch UBND tỉnh", "các tập thể, cá nhân")]),
        ("Năm 2016, LĐLĐ tỉnh được Tổng LĐLĐVN tặng cờ thi đua xuất sắc; Nhiều tập thể, cá nhân "
         "được đề nghị tặng cờ thi đua và Bằng khen của Tổng LĐLĐVN, của UBND tỉnh.",
         [("Cờ thi đua xuất sắc", "Tổng LĐLĐVN", "LĐLĐ tỉnh")]),
        # a photo credit in brackets ends the recipient; the Party's badge is an honour
        ("Lãnh đạo UBND tỉnh trao bằng khen cho các tập thể có thành tích xuất sắc (Ảnh: Minh "
         "Anh).", [("Bằng khen", "UBND tỉnh", "các tập thể có thành tích xuất sắc")]),
        ("Ông Lê Văn An nhận Huy hiệu 40 năm tuổi Đảng.",
         [("Huy hiệu 40 năm tuổi Đảng", None, "Ông Lê Văn An")]),
        # a title joined by "và" to the next honour ends before it and shares its grantor and
        # recipients; a grantor of two names joined by a comma
        ("Tại hội nghị, Phó Chủ tịch UBND tỉnh trao danh hiệu Chiến sĩ thi đua cấp tỉnh và Bằng "
         "khen của UBND tỉnh cho 5 cá nhân.",
         [("Chiến sĩ thi đua cấp tỉnh", "UBND tỉnh", "5 cá nhân"),
          ("Bằng khen", "UBND tỉnh", "5 cá nhân")]),
        ("Công an tỉnh vinh dự được Đảng, Nhà nước trao tặng danh hiệu Anh hùng Lực lượng vũ "
         "trang nhân dân.",
         [("Anh hùng Lực lượng vũ trang nhân dân", "Đảng, Nhà nước", "Công an tỉnh")]),
        # ... or of up to four, each a grantor of its own (not a person and a post) ...
        ("Nhiều tập thể, cá nhân đã được Bộ Tư pháp, Chủ tịch UBND tỉnh, Giám đốc Sở Tư pháp "
         "tặng Bằng khen.",
         [("Bằng khen", "Bộ Tư pháp", "Nhiều tập thể, cá nhân"),
          ("Bằng khen", "Chủ tịch UBND tỉnh", "Nhiều tập thể, cá nhân"),
          ("Bằng khen", "Giám đốc Sở Tư pháp", "Nhiều tập thể, cá nhân")]),
        # ... and as many grantors as honours pair up in order
        ("Nhiều tập thể, cá nhân được Bộ Công an, UBND tỉnh, Giám đốc Công an tỉnh tặng Bằng "
         "khen, Cờ thi đua và Giấy khen.",
         [("Bằng khen", "Bộ Công an", "Nhiều tập thể, cá nhân"),
          ("Cờ thi đua", "UBND tỉnh", "Nhiều tập thể, cá nhân"),
          ("Giấy khen", "Giám đốc Công an tỉnh", "Nhiều tập thể, cá nhân")]),
        # "được khen thưởng" before counted honours is the verb, not an unnamed honour
        ("Trong 5 năm qua, Sở Tư pháp được khen thưởng 03 Cờ thi đua của Bộ Tư pháp.",
         [("Cờ thi đua", "Bộ Tư pháp", "Sở Tư pháp")]),
        # named recipients a counted group opens with "là", each with where it is, then a
        # counted group of its own
        ("Bên cạnh đó, 3 tập thể là Trường Mầm non Tân Phước Tây (Tân Trụ), Trường Tiểu học Mỹ "
         "Lạc (Thủ Thừa), Trường Tiểu học Gò Đen (Bến Lức) và 43 cá nhân nhận Bằng khen của Thủ "
         "tướng Chính phủ.",
         [("Bằng khen", "Thủ tướng Chính phủ", "Trường Mầm non Tân Phước Tây (Tân Trụ)"),
          ("Bằng khen", "Thủ tướng Chính phủ", "Trường Tiểu học Mỹ Lạc (Thủ Thừa)"),
          ("Bằng khen", "Thủ tướng Chính phủ", "Trường Tiểu học Gò Đen (Bến Lức)"),
          ("Bằng khen", "Thủ tướng Chính phủ", "43 cá nhân")]),
        # a unit called a collective, then a counted group: one award each
        ("Ban Giám đốc Công an tỉnh đã trao tặng giấy khen cho tập thể Công an thị xã Thuận An "
         "và 14 cán bộ.",
         [("Giấy khen", "Ban Giám đốc Công an tỉnh", "tập thể Công an thị xã Thuận An"),
          ("Giấy khen", "Ban Giám đốc Công an tỉnh", "14 cán bộ")]),
        # a counted group keeps what kind of group it is, to a comma or what it did (lexicon
        # award_cues.group_qualifier_stops)
        ("Bộ trưởng Bộ Công an tặng Kỷ niệm chương Vì sự nghiệp bảo vệ ANTQ cho 9 đồng chí lãnh "
         "đạo các sở, ban, ngành.",
         [("Kỷ niệm chương Vì sự nghiệp bảo vệ ANTQ", "Bộ trưởng Bộ Công an",
           "9 đồng chí lãnh đạo các sở")]),
        ("Chủ tịch UBND tỉnh trao Cờ thi đua cho 4 đơn vị dẫn đầu phong trào thi đua năm 2023.",
         [("Cờ thi đua", "Chủ tịch UBND tỉnh", "4 đơn vị dẫn đầu phong trào thi đua")]),
        ("Giám đốc Sở trao Giấy khen cho 5 tập thể có thành tích xuất sắc.",
         [("Giấy khen", "Giám đốc Sở", "5 tập thể")]),
        # one order in two grades: an award each
        ("Chủ tịch nước tặng Huân chương Lao động hạng Nhì, hạng Ba cho 3 tập thể.",
         [("Huân chương Lao động hạng Nhì", "Chủ tịch nước", "3 tập thể"),
          ("Huân chương Lao động hạng Ba", "Chủ tịch nước", "3 tập thể")]),
        # an order pinned to a unit's flag (lexicon award_cues.recipient_leads); "thừa ủy
        # nhiệm" delegates as "thừa ủy quyền" does
        ("Thừa ủy nhiệm của Chủ tịch nước, Đại tướng Phùng Quang Thanh đã gắn Huân chương Sao "
         "Vàng lên quân kỳ Quyết thắng của Quân khu 5.",
         [("Huân chương Sao Vàng", "Chủ tịch nước", "Quân khu 5")]),
        # how many years running opens the recipient's clause, not part of the recipient
        ("Nghệ An là điểm sáng của toàn quốc và 5 năm liên tục Công an tỉnh vinh dự được Thủ "
         "tướng Chính phủ tặng Cờ thi đua xuất sắc.",
         [("Cờ thi đua xuất sắc", "Thủ tướng Chính phủ", "Công an tỉnh")]),
        # a person with several posts, or the person a "và" adds, with the post
        ("Đó là ông Lê Hồng Phúc, chủ tịch HĐQT, kiêm tổng giám đốc công ty, vừa được phong "
         "tặng danh hiệu “Thầy thuốc nhân dân”.",
         [("Thầy thuốc nhân dân", None,
           "Lê Hồng Phúc, chủ tịch HĐQT, kiêm tổng giám đốc công ty")]),
        ("Sở vinh dự được Chủ tịch nước tặng thưởng Huân chương Lao động hạng Nhất và đồng chí "
         "Nguyễn Đức Thu, Giám đốc Sở vinh dự được tặng thưởng Huân chương Lao động hạng Ba.",
         [("Huân chương Lao động hạng Nhất", "Chủ tịch nước", "Sở"),
          ("Huân chương Lao động hạng Ba", None, "Nguyễn Đức Thu, Giám đốc Sở")]),
        # a count of bodies, then the provinces they are of after "gồm:"
        ("8 Sở GD&ĐT được nhận cờ thi đua gồm: Bình Dương, Hải Phòng và An Giang.",
         [("Cờ thi đua", None, "Bình Dương"), ("Cờ thi đua", None, "Hải Phòng"),
          ("Cờ thi đua", None, "An Giang")]),
        # an honour in quotes, after the verb or before "cho"; courts named by their short name
        ("Chủ tịch nước đã quyết định tặng thưởng “Huân chương Lao động hạng Nhất” cho TAND TP "
         "Hà Nội và TAND TP.HCM.",
         [("Huân chương Lao động hạng Nhất", "Chủ tịch nước", "TAND TP Hà Nội"),
          ("Huân chương Lao động hạng Nhất", "Chủ tịch nước", "TAND TP.HCM")]),
        # "Chiến sỹ" as "Chiến sĩ"; a title ends before "cùng nhiều ...", who are not "cùng"
        ("Có 01 cá nhân được tặng danh hiệu Chiến sỹ thi đua Ngành Tư pháp cùng nhiều tập thể "
         "khác được khen tặng giấy khen.",
         [("Chiến sỹ thi đua Ngành Tư pháp", None, "01 cá nhân"),
          ("Giấy khen", None, "nhiều tập thể khác")]),
        # a decision to commend names no honour; the honour after it is the award
        ("Dịp này, LĐLĐ tỉnh đã công bố quyết định khen thưởng cho 3 tập thể, cá nhân được Thủ "
         "tướng tặng Bằng khen.",
         [("Bằng khen", "Thủ tướng", "3 tập thể, cá nhân")]),
        # honours counted in a chain, each pending one with the next grantor named
        ("LĐLĐ tỉnh đã trao 02 Cờ thi đua, 23 Bằng khen của Tổng Liên đoàn Lao động Việt Nam, "
         "21 Bằng khen của Ban Chấp hành LĐLĐ tỉnh cho các tập thể và cá nhân.",
         [("Cờ thi đua", "Tổng Liên đoàn Lao động Việt Nam", "các tập thể và cá nhân"),
          ("Bằng khen", "Tổng Liên đoàn Lao động Việt Nam", "các tập thể và cá nhân"),
          ("Bằng khen", "Ban Chấp hành LĐLĐ tỉnh", "các tập thể và cá nhân")]),
        # a unit, then the persons a count names, their list running over semicolons
        ("Chủ tịch UBND tỉnh đã trao tặng Huân chương Chiến công hạng Nhất cho tập thể Công an "
         "tỉnh và hai cá nhân là Đại tá Nguyễn Ngọc Quang, Phó Giám đốc; Thượng tá Võ Thanh Hải, "
         "Phó trưởng phòng.",
         [("Huân chương Chiến công hạng Nhất", "Chủ tịch UBND tỉnh", "tập thể Công an tỉnh"),
          ("Huân chương Chiến công hạng Nhất", "Chủ tịch UBND tỉnh",
           "Đại tá Nguyễn Ngọc Quang, Phó Giám đốc"),
          ("Huân chương Chiến công hạng Nhất", "Chủ tịch UBND tỉnh",
           "Thượng tá Võ Thanh Hải, Phó trưởng phòng")]),
        # an honour given out of turn; "phần thưởng cao quý" before the honour it names
        ("Công an tỉnh Bình Dương đã trao tặng Giấy khen đột xuất cho 2 tập thể và 8 cá nhân.",
         [("Giấy khen", "Công an tỉnh Bình Dương", "2 tập thể và 8 cá nhân")]),
        ("Ban Quản lý dự án đã được Đảng và Nhà nước trao tặng phần thưởng cao quý Huân chương "
         "Độc lập hạng Ba.",
         [("Huân chương Độc lập hạng Ba", "Đảng và Nhà nước", "Ban Quản lý dự án")]),
        # since when is no part of the recipient; a clause with only a year goes on with it
        ("Liên tục từ năm 2009 đến nay Sư đoàn được Bộ Quốc phòng tặng cờ thi đua, năm 2009 được "
         "Chủ tịch nước tặng Huân chương Bảo vệ Tổ quốc.",
         [("Cờ thi đua", "Bộ Quốc phòng", "Sư đoàn"),
          ("Huân chương Bảo vệ Tổ quốc", "Chủ tịch nước", "Sư đoàn")]),
        # a count's names after a colon: as many names as the count, persons by their address
        ("- 02 đơn vị được tặng Danh hiệu “Đơn vị Anh hùng LLVT nhân dân”: Tiểu đoàn 901, Kho "
         "K61",
         [("Đơn vị Anh hùng LLVT nhân dân", None, "Tiểu đoàn 901"),
          ("Đơn vị Anh hùng LLVT nhân dân", None, "Kho K61")]),
        ("UBND tỉnh tặng Bằng khen cho 2 cá nhân: ông Nguyễn Văn A và bà Trần Thị B.",
         [("Bằng khen", "UBND tỉnh", "ông Nguyễn Văn A"),
          ("Bằng khen", "UBND tỉnh", "bà Trần Thị B")]),
        # a named unit and a person of a rank (lexicon award_cues.address_forms)
        ("Chủ tịch UBND tỉnh đã trao tặng Bằng khen cho tập thể Công an tỉnh Đồng Nai và đại tá "
         "Lê Quang Nhân, Phó Giám đốc Công an tỉnh.",
         [("Bằng khen", "Chủ tịch UBND tỉnh", "tập thể Công an tỉnh Đồng Nai"),
          ("Bằng khen", "Chủ tịch UBND tỉnh",
           "đại tá Lê Quang Nhân, Phó Giám đốc Công an tỉnh")]),
        # a prize named by a name is an honour
        ("Năm 2018, Liên đoàn Lao động quận 5 trao tặng Giải thưởng Trần Văn Kiểu cho 12 công "
         "nhân.",
         [("Giải thưởng Trần Văn Kiểu", "Liên đoàn Lao động quận 5", "12 công nhân")]),
        # the Party's badge before "và" and the next count's; the grantor without its decision
        ("Đảng bộ tỉnh có 524 đảng viên được Tỉnh ủy quyết định trao tặng Huy hiệu Đảng và 20 "
         "đảng viên được truy tặng Huy hiệu Đảng.",
         [("Huy hiệu Đảng", "Tỉnh ủy", "524 đảng viên"), ("Huy hiệu Đảng", None, "20 đảng viên")]),
        # a grassroots union heads a named recipient (lexicon award_cues.org_heads)
        ("LĐLĐ tỉnh trao Cờ thi đua Tổng Liên đoàn cho Công đoàn Viên chức và CĐCS Công ty Xổ "
         "số kiến thiết Tây Ninh.",
         [("Cờ thi đua", "Tổng Liên đoàn", "Công đoàn Viên chức"),
          ("Cờ thi đua", "Tổng Liên đoàn", "CĐCS Công ty Xổ số kiến thiết Tây Ninh")]),
        # "được" alone before an honour receives it (lexicon award_cues.receive_verbs)
        ("Ông Nguyễn Háo Văn và bà Nguyễn Thị Kim Mai được bằng khen của Hội Nông dân Việt Nam.",
         [("Bằng khen", "Hội Nông dân Việt Nam", "Nguyễn Háo Văn"),
          ("Bằng khen", "Hội Nông dân Việt Nam", "bà Nguyễn Thị Kim Mai")]),
        # "... và đón nhận" after a first honour's reasons: the same recipient goes on
        ("Thầy và trò Trường THCS Bạch Liêu vinh dự được nhận Huân chương Lao động hạng Ba của "
         "Chủ tịch nước vì đã có nhiều thành tích, góp phần xây dựng CNXH và bảo vệ Tổ quốc và "
         "đón nhận Cờ thi đua của UBND tỉnh Nghệ An.",
         [("Huân chương Lao động hạng Ba", "Chủ tịch nước", "Thầy và trò Trường THCS Bạch Liêu"),
          ("Cờ thi đua", "UBND tỉnh Nghệ An", "Thầy và trò Trường THCS Bạch Liêu")]),
        # the Party's badges by years, "tuổi Đảng" left out after the first
        ("Có 2 đảng viên nhận Huy hiệu 55 năm; 17 đảng viên nhận Huy hiệu 30 năm tuổi Đảng.",
         [("Huy hiệu 55 năm", None, "2 đảng viên"),
          ("Huy hiệu 30 năm tuổi Đảng", None, "17 đảng viên")]),
        # "đến" leads the recipient like "cho"; representatives stand for their groups
        ("Ông Trần Thanh Liêm (thứ ba từ trái qua), Giám đốc Sở Lao động - Thương binh và Xã hội, "
         "trao giấy khen đến đại diện các tập thể.",
         [("Giấy khen", "Giám đốc Sở Lao động - Thương binh và Xã hội", "các tập thể")]),
        # a counted group's names after a comma and a list word, split by semicolons too
        ("Chủ tịch UBND tỉnh tặng Bằng khen cho 3 tập thể, gồm Phòng Tổ chức, Phòng Tài chính "
         "và Văn phòng Sở.",
         [("Bằng khen", "Chủ tịch UBND tỉnh", "Phòng Tổ chức"),
          ("Bằng khen", "Chủ tịch UBND tỉnh", "Phòng Tài chính"),
          ("Bằng khen", "Chủ tịch UBND tỉnh", "Văn phòng Sở")]),
        ("Bộ trưởng tặng Bằng khen cho 02 tập thể, đó là: Trung tâm Y tế huyện A; Bệnh viện Đa "
         "khoa tỉnh.",
         [("Bằng khen", "Bộ trưởng", "Trung tâm Y tế huyện A"),
          ("Bằng khen", "Bộ trưởng", "Bệnh viện Đa khoa tỉnh")]),
        # a counted group with what it did, named after the honour
        ("Dịp này, 02 tập thể có thành tích xuất sắc được tặng Bằng khen của Chủ tịch UBND tỉnh "
         "là Phòng Tổ chức và Văn phòng Sở.",
         [("Bằng khen", "Chủ tịch UBND tỉnh", "Phòng Tổ chức"),
          ("Bằng khen", "Chủ tịch UBND tỉnh", "Văn phòng Sở")]),
        # a chain of three honours and more shares its recipients (lexicon named_orders)
        ("Lãnh đạo tỉnh trao Huân chương Lao động hạng Ba, Huân chương Kháng chiến và Bằng khen "
         "của Thủ tướng Chính phủ cho các tập thể, cá nhân.",
         [("Huân chương Lao động hạng Ba", "Thủ tướng Chính phủ", "các tập thể, cá nhân"),
          ("Huân chương Kháng chiến", "Thủ tướng Chính phủ", "các tập thể, cá nhân"),
          ("Bằng khen", "Thủ tướng Chính phủ", "các tập thể, cá nhân")]),
        # what earned the honour opens no recipient (lexicon result_openers), who is "one of"
        # a set receives; where it was given ends the recipient (lexicon award_occasions)
        ("Với những kết quả đã đạt được, Hội Nông dân tỉnh là một trong 20 đơn vị có thành "
         "tích xuất sắc năm 2023 và được Trung ương Hội tặng Bằng khen.",
         [("Bằng khen", "Trung ương Hội", "Hội Nông dân tỉnh")]),
        ("Viện trưởng trao Cờ thi đua của Chính phủ tặng các tập thể tại Hội nghị triển khai "
         "công tác năm 2022.", [("Cờ thi đua", "Chính phủ", "các tập thể")]),
        # how many times is no part of the recipient; "3 lần được tặng ..." after ";" is the
        # same recipient's
        ("Trong 5 năm qua, Công an tỉnh đã vinh dự 2 lần được tặng Cờ thi đua của Thủ tướng "
         "Chính phủ; 3 lần được tặng Cờ thi đua của Bộ Công an.",
         [("Cờ thi đua", "Thủ tướng Chính phủ", "Công an tỉnh"),
          ("Cờ thi đua", "Bộ Công an", "Công an tỉnh")]),
        # more counted groups of the same honour after semicolons; a clause with its own verb
        # is not one of them
        ("Giám đốc Sở tặng Giấy khen cho 14 cá nhân thuộc Phòng A; 79 tập thể và 86 cá nhân "
         "thuộc các huyện.",
         [("Giấy khen", "Giám đốc Sở", "14 cá nhân thuộc Phòng A"),
          ("Giấy khen", "Giám đốc Sở", "79 tập thể và 86 cá nhân thuộc các huyện")]),
        ("Giám đốc Sở tặng Giấy khen cho 15 tập thể; 30 cá nhân được tặng danh hiệu Chiến sĩ "
         "thi đua cơ sở.",
         [("Giấy khen", "Giám đốc Sở", "15 tập thể"),
          ("Chiến sĩ thi đua cơ sở", None, "30 cá nhân")]),
        # "... của Chủ tịch nước trao tặng và đón nhận ...": the verb closes the grantor; the
        # recipient is the subject of the acts, an act received is no recipient
        ("Huyện Thọ Xuân vừa tổ chức lễ công bố, đón nhận huyện đạt chuẩn nông thôn mới, đón "
         "nhận Huân chương Lao động hạng Ba của Chủ tịch nước trao tặng và đón nhận Cờ thi đua "
         "của Chính phủ.",
         [("Huân chương Lao động hạng Ba", "Chủ tịch nước", "Huyện Thọ Xuân"),
          ("Cờ thi đua", "Chính phủ", "Huyện Thọ Xuân")]),
        # a person's posts set off by a dash are no part of the recipient (a name with a dash
        # inside it is kept whole)
        ("Trao Huân chương Lao động hạng Nhì cho các đồng chí: Bùi Văn An - Phó Chủ tịch UBND "
         "tỉnh; Đặng Văn Tùng - Chánh Văn phòng UBND tỉnh.",
         [("Huân chương Lao động hạng Nhì", None, "Bùi Văn An"),
          ("Huân chương Lao động hạng Nhì", None, "Đặng Văn Tùng")]),
        ("Chủ tịch UBND tỉnh tặng Bằng khen cho Trung tâm Y tế - Dân số huyện A.",
         [("Bằng khen", "Chủ tịch UBND tỉnh", "Trung tâm Y tế - Dân số huyện A")]),
        # "Đó là ..." opens the recipients; persons with where they are from, each named
        ("Đó là ông Võ Văn An (huyện Long Thành) và Hồ Văn Tư (huyện Xuân Lộc) nhận bằng khen "
         "của Thủ tướng Chính phủ.",
         [("Bằng khen", "Thủ tướng Chính phủ", "Võ Văn An (huyện Long Thành)"),
          ("Bằng khen", "Thủ tướng Chính phủ", "Hồ Văn Tư (huyện Xuân Lộc)")]),
        # "Chiến sĩ thi đua" right after the verb that confers it, without "danh hiệu"
        ("Trao tặng chiến sĩ thi đua cho 4 giáo viên.",
         [("Chiến sĩ thi đua", None, "4 giáo viên")]),
        # an order's class in Roman numerals or digits (lexicon order_classes)
        ("Sở Y tế được tặng Huân chương Lao động hạng III.",
         [("Huân chương Lao động hạng III", None, "Sở Y tế")]),
        # a numbered list after the honour's colon runs over its semicolons, without numbers
        ("3 tập thể được Thủ tướng Chính phủ tặng Bằng khen: 1.Ủy ban MTTQ tỉnh; 2.Đài Phát "
         "thanh và Truyền hình tỉnh; 3. Phòng Nội vụ, Sở Nội vụ.",
         [("Bằng khen", "Thủ tướng Chính phủ", "Ủy ban MTTQ tỉnh"),
          ("Bằng khen", "Thủ tướng Chính phủ", "Đài Phát thanh và Truyền hình tỉnh"),
          ("Bằng khen", "Thủ tướng Chính phủ", "Phòng Nội vụ, Sở Nội vụ")]),
        # which time an order is given; "đối với" after the grantor; a purpose lead ("Ghi nhận
        # ...,") is no part of the recipient, and the next honour keeps it past a year
        ("Thủ tướng đã trao tặng Huân chương Lao động hạng Nhất (lần thứ 2) cho Bộ Tư pháp.",
         [("Huân chương Lao động hạng Nhất", "Thủ tướng", "Bộ Tư pháp")]),
        ("Cụ thể, trao Bằng khen của Bộ trưởng Bộ Tư pháp đối với 20 phóng viên.",
         [("Bằng khen", "Bộ trưởng Bộ Tư pháp", "20 phóng viên")]),
        ("Ghi nhận những thành tích đã đạt được, nhà trường đã được trao tặng Huân chương Lao "
         "động hạng Nhì năm 1998, Cờ thi đua của Thủ tướng Chính phủ năm 2010.",
         [("Huân chương Lao động hạng Nhì", None, "nhà trường"),
          ("Cờ thi đua", "Thủ tướng Chính phủ", "nhà trường")]),
        # "đối với" leads the recipient too; a commendation's level is part of its name
        ("Thủ tướng Chính phủ tặng bằng khen đối với 3 cá nhân.",
         [("Bằng khen", "Thủ tướng Chính phủ", "3 cá nhân")]),
        ("Trao tặng bằng khen cấp tỉnh cho 3 giáo viên.",
         [("Bằng khen cấp tỉnh", None, "3 giáo viên")]),
        ("Được sự ủy quyền của Chủ tịch nước, đồng chí Bí thư Tỉnh ủy đã trao Huân chương Lao "
         "động hạng Nhì cho Sở Giao thông vận tải.",
         [("Huân chương Lao động hạng Nhì", "Chủ tịch nước", "Sở Giao thông vận tải")]),
        # a clause after a semicolon goes on with the same recipient (a grantor of its own) or
        # the same grantor (another recipient); a person named before a title after ";"
        ("Năm 2022, Sở Xây dựng được Bộ Xây dựng tặng Bằng khen; Chủ tịch UBND tỉnh tặng Cờ thi "
         "đua.", [("Bằng khen", "Bộ Xây dựng", "Sở Xây dựng"),
                  ("Cờ thi đua", "Chủ tịch UBND tỉnh", "Sở Xây dựng")]),
        ("Dịp này, Bảo hiểm xã hội Việt Nam tặng Cờ thi đua cho BHXH tỉnh; tặng Bằng khen cho 4 "
         "tập thể.", [("Cờ thi đua", "Bảo hiểm xã hội Việt Nam", "BHXH tỉnh"),
                      ("Bằng khen", "Bảo hiểm xã hội Việt Nam", "4 tập thể")]),
        ("Ông Nguyễn Văn An, Giám đốc Sở được Bộ Y tế tặng Bằng khen; bà Trần Thị Bình, Phó Giám "
         "đốc Sở được tặng danh hiệu Chiến sĩ thi đua cấp tỉnh.",
         [("Bằng khen", "Bộ Y tế", "Nguyễn Văn An, Giám đốc Sở"),
          ("Chiến sĩ thi đua cấp tỉnh", None, "Trần Thị Bình, Phó Giám đốc Sở")]),
        # named recipients each, a department's "và" inside one name; persons listed too
        ("Dịp này, Chủ tịch UBND tỉnh tặng Bằng khen cho các tập thể: Phòng Giáo dục và Đào tạo "
         "huyện Đức Phổ, Trường THPT Trần Quốc Tuấn.",
         [("Bằng khen", "Chủ tịch UBND tỉnh", "Phòng Giáo dục và Đào tạo huyện Đức Phổ"),
          ("Bằng khen", "Chủ tịch UBND tỉnh", "Trường THPT Trần Quốc Tuấn")]),
        ("Bộ trưởng Bộ Y tế tặng Bằng khen cho các cá nhân: Nguyễn Văn An và Trần Thị Bình.",
         [("Bằng khen", "Bộ trưởng Bộ Y tế", "Nguyễn Văn An"),
          ("Bằng khen", "Bộ trưởng Bộ Y tế", "Trần Thị Bình")]),
        ("Nhân dịp này, Bệnh viện Đa khoa tỉnh, Trung tâm Y tế huyện Mộ Đức và Trung tâm Kiểm "
         "soát bệnh tật được Bộ Y tế tặng Cờ thi đua.",
         [("Cờ thi đua", "Bộ Y tế", "Bệnh viện Đa khoa tỉnh"),
          ("Cờ thi đua", "Bộ Y tế", "Trung tâm Y tế huyện Mộ Đức"),
          ("Cờ thi đua", "Bộ Y tế", "Trung tâm Kiểm soát bệnh tật")]),
        ("Dịp này, các tập thể sau được tặng Bằng khen của UBND tỉnh: Phòng Tổng hợp và Văn "
         "phòng Sở.", [("Bằng khen", "UBND tỉnh", "Phòng Tổng hợp"),
                       ("Bằng khen", "UBND tỉnh", "Văn phòng Sở")]),
        ("Tặng Cờ thi đua của Bộ Công an cho Phòng Cảnh sát kinh tế, Công an huyện Tuy Phước.",
         [("Cờ thi đua", "Bộ Công an", "Phòng Cảnh sát kinh tế"),
          ("Cờ thi đua", "Bộ Công an", "Công an huyện Tuy Phước")]),
        # an emulation flag named with its movement, then its grantor
        ("Phó Bí thư Tỉnh ủy Lê Văn Dũng trao Cờ đơn vị dẫn đầu phong trào thi đua Quyết thắng "
         "của Bộ Tư lệnh BĐBP cho BĐBP tỉnh.",
         [("Cờ đơn vị dẫn đầu phong trào thi đua Quyết thắng", "Bộ Tư lệnh BĐBP", "BĐBP tỉnh")]),
        # the honour received right after a comma: the subject of the act before it
        ("Sáng 10/1, Sở Y tế tổ chức hội nghị tổng kết năm 2023, đón nhận Huân chương Lao động "
         "hạng Nhì của Chủ tịch nước.",
         [("Huân chương Lao động hạng Nhì", "Chủ tịch nước", "Sở Y tế")]),
        # an emulation flag of six words before "thi đua"
        ("Năm 2014, Thành đoàn được Chính phủ tặng Cờ đơn vị dẫn đầu phong trào thi đua.",
         [("Cờ đơn vị dẫn đầu phong trào thi đua", "Chính phủ", "Thành đoàn")]),
        # two honours joined by "và" before their recipients: the same grantor and recipients
        ("Phó Chủ tịch UBND tỉnh trao Cờ thi đua và Bằng khen của UBND tỉnh cho các tập thể.",
         [("Cờ thi đua", "UBND tỉnh", "các tập thể"), ("Bằng khen", "UBND tỉnh", "các tập thể")]),
        # ... and grants whole
        ("Năm 2018, 2 tập thể nhận Cờ thi đua của Bộ Văn hóa, Thể thao và Du lịch.",
         [("Cờ thi đua", "Bộ Văn hóa, Thể thao và Du lịch", "2 tập thể")]),
        # the office, not the word that links it to the one before
        ("Đồng chí Lê Văn A, Bí thư Tỉnh ủy, đồng thời Chủ tịch UBND tỉnh tặng Bằng khen cho 3 "
         "tập thể.", [("Bằng khen", "Chủ tịch UBND tỉnh", "3 tập thể")]),
        # recipients listed after a colon, one award each, over the semicolons between them
        ("Chủ tịch UBND tỉnh tặng Bằng khen cho: Phòng Kế hoạch - Tài chính; Văn phòng Sở.",
         [("Bằng khen", "Chủ tịch UBND tỉnh", "Phòng Kế hoạch - Tài chính"),
          ("Bằng khen", "Chủ tịch UBND tỉnh", "Văn phòng Sở")]),
        # a department whose name holds a comma receives whole
        ("Năm 2023, Sở Văn hóa, Thể thao và Du lịch tỉnh được tặng Cờ thi đua của Chính phủ.",
         [("Cờ thi đua", "Chính phủ", "Sở Văn hóa, Thể thao và Du lịch tỉnh")]),
        # the department alone after an opening phrase; a second grantor after "và"
        ("Nhiều năm liền, Sở được tặng Cờ thi đua của UBND tỉnh.",
         [("Cờ thi đua", "UBND tỉnh", "Sở")]),
        ("Sở được Chính phủ tặng Cờ thi đua năm 2023 và Bộ Tư pháp tặng Bằng khen cho 5 tập "
         "thể.", [("Cờ thi đua", "Chính phủ", "Sở"), ("Bằng khen", "Bộ Tư pháp", "5 tập thể")]),
        ("Với thành tích này, Sở được UBND tỉnh đề nghị Thủ tướng Chính phủ tặng Bằng khen.", []),
        # "xét tặng" is the grantor's word for conferring a title; "đề nghị xét tặng" proposes
        ("Năm 2017, Long An có 1 giáo viên được xét tặng danh hiệu Nhà giáo Nhân dân.",
         [("Nhà giáo Nhân dân", None, "1 giáo viên")]),
        ("UBND tỉnh xét tặng Bằng khen cho 5 tập thể.", [("Bằng khen", "UBND tỉnh", "5 tập thể")]),
        ("Sở đã đề nghị xét tặng Bằng khen cho 5 tập thể.", []),
        # a proposal to a grantor is not an award (GUIDELINES §7)
        ("Sở Tài chính đã đề nghị UBND tỉnh tặng Bằng khen cho 3 tập thể.", []),
        ("Theo đề nghị của Giám đốc Sở, UBND tỉnh tặng Bằng khen cho 3 tập thể.",
         [("Bằng khen", "UBND tỉnh", "3 tập thể")]),
        # a badge is an honour too
        ("Tại hội nghị, Tỉnh đoàn trao Huy hiệu Tuổi trẻ sáng tạo cho 5 đoàn viên xuất sắc.",
         [("Huy hiệu Tuổi trẻ sáng tạo", "Tỉnh đoàn", "5 đoàn viên xuất sắc")]),
        # a count with the nouns it lists, before "được" or before what they did and "được"
        ("Năm 2018, 27 xã, phường, thị trấn được UBND tỉnh tặng Bằng khen.",
         [("Bằng khen", "UBND tỉnh", "27 xã, phường, thị trấn")]),
        ("Theo đó có 27 xã, phường, thị trấn đạt tiêu chuẩn và được UBND tỉnh tặng bằng khen.",
         [("Bằng khen", "UBND tỉnh", "27 xã, phường, thị trấn")]),
        # a pair of group nouns with what they did is one recipient, count included
        ("Các tập thể, cá nhân có thành tích xuất sắc đã được UBND tỉnh tặng Bằng khen.",
         [("Bằng khen", "UBND tỉnh", "Các tập thể, cá nhân có thành tích xuất sắc")]),
        ("Dịp này, 22 tập thể, cá nhân thuộc Hội được Trung ương Hội tặng Bằng khen.",
         [("Bằng khen", "Trung ương Hội", "22 tập thể, cá nhân thuộc Hội")]),
        # a bullet opens no recipient; "Với thành tích đó," opens the sentence, not the name
        ("Khen thưởng năm 2023:\n- 02 tập thể nhận Cờ thi đua của UBND tỉnh;",
         [("Cờ thi đua", "UBND tỉnh", "02 tập thể")]),
        ("Với thành tích đó, Tỉnh đoàn vinh dự được Trung ương Đoàn trao tặng Cờ thi đua xuất sắc.",
         [("Cờ thi đua xuất sắc", "Trung ương Đoàn", "Tỉnh đoàn")]),
        # the conference that announces a decision grants nothing; a quoted title is the kind
        ("Hội nghị đã công bố quyết định và trao danh hiệu “Tập thể lao động xuất sắc” cho 8 tập "
         "thể.", [("Tập thể lao động xuất sắc", None, "8 tập thể")]),
        # named people listed before "được": a named recipient each (GUIDELINES §7)
        ("Các đồng chí Nguyễn Văn An, Trần Thị Bình và Lê Văn Cường được Chủ tịch UBND tỉnh "
         "tặng Bằng khen.",
         [("Bằng khen", "Chủ tịch UBND tỉnh", "Nguyễn Văn An"),
          ("Bằng khen", "Chủ tịch UBND tỉnh", "Trần Thị Bình"),
          ("Bằng khen", "Chủ tịch UBND tỉnh", "Lê Văn Cường")]),
        # a counted group, what sets it apart, then the units it names after "là"
        ("Hội nghị trao Cờ thi đua của UBND tỉnh cho 2 đơn vị dẫn đầu phong trào thi đua là "
         "Sở Tài chính và Sở Xây dựng.",
         [("Cờ thi đua", "UBND tỉnh", "Sở Tài chính"), ("Cờ thi đua", "UBND tỉnh", "Sở Xây dựng")]),
        # ... but a group whose "là" opens no names stays one recipient as written
        ("UBND tỉnh tặng Bằng khen cho 5 cá nhân là cán bộ, công chức của Sở.",
         [("Bằng khen", "UBND tỉnh", "5 cá nhân")]),
        # counts listed with a comma after "Có": the groups as written, both of them
        ("Có 15 tập thể, 30 cá nhân được nhận Bằng khen của UBND tỉnh.",
         [("Bằng khen", "UBND tỉnh", "15 tập thể, 30 cá nhân")]),
        # "thừa lệnh" hands over like "thừa ủy quyền": the named grantor grants it
        ("Thừa lệnh Chủ tịch nước, đồng chí Hoàng Trung Dũng trao Huân chương Lao động hạng Ba "
         "cho Sở Tài chính.",
         [("Huân chương Lao động hạng Ba", "Chủ tịch nước", "Sở Tài chính")]),
        # a heading before a colon is not the grantor; a headline's subject before one is
        ("Khen thưởng: UBND tỉnh tặng Bằng khen cho 3 tập thể.",
         [("Bằng khen", "UBND tỉnh", "3 tập thể")]),
        ("Liên hiệp các Hội Khoa học & Kỹ thuật: Tặng giấy khen cho 24 tập thể và cá nhân",
         [("Giấy khen", "Liên hiệp các Hội Khoa học & Kỹ thuật", "24 tập thể và cá nhân")]),
        # a title in quotes a body confers: "vinh danh là", a prize's name, a list of them
        # past a semicolon with their grantor after "do"; the sentence's openers and an
        # apposition are not the recipient
        ('Đặc biệt, vào ngày 19/10, xã Tân Hoá, huyện Minh Hoá là đại diện Việt Nam duy nhất '
         'đã được tổ chức Du lịch thế giới (UNWTO) vinh danh là "Làng du lịch tốt nhất" năm 2023.',
         [("Làng du lịch tốt nhất", "tổ chức Du lịch thế giới (UNWTO)",
           "xã Tân Hoá, huyện Minh Hoá")]),
        ("TP. Hà Nội được vinh dự đón nhận nhiều giải thưởng lớn, như giải thưởng “Điểm đến du "
         "lịch thành phố hàng đầu châu Á”; “Điểm đến golf tốt nhất thế giới” do Tổ chức World "
         "Travel Awards trao tặng.",
         [("Giải thưởng “Điểm đến du lịch thành phố hàng đầu châu Á”",
           "Tổ chức World Travel Awards", "TP. Hà Nội"),
          ("Điểm đến golf tốt nhất thế giới", "Tổ chức World Travel Awards", "TP. Hà Nội")]),
        ("Năm 2023, Hội An được vinh danh là “Thành phố văn hóa hàng đầu châu Á”.",
         [("Thành phố văn hóa hàng đầu châu Á", None, "Hội An")]),
        # honours counted ("01 Cờ thi đua", "02 Bằng khen"), a list of them with one verb or
        # one verb each after a comma, and two grantors joined by a comma
        ("Năm 2023, Cục Thuế được tặng 01 Cờ thi đua của Chính phủ, 02 Bằng khen của Bộ Tài "
         "chính.",
         [("Cờ thi đua", "Chính phủ", "Cục Thuế"), ("Bằng khen", "Bộ Tài chính", "Cục Thuế")]),
        ("Trong năm, Hội được Trung ương Hội tặng 02 Bằng khen, UBND tỉnh tặng 01 Cờ thi đua.",
         [("Bằng khen", "Trung ương Hội", "Hội"), ("Cờ thi đua", "UBND tỉnh", "Hội")]),
        ("Nhiều tập thể, cá nhân được UBND tỉnh, Bộ Tư pháp tặng Bằng khen.",
         [("Bằng khen", "UBND tỉnh", "Nhiều tập thể, cá nhân"),
          ("Bằng khen", "Bộ Tư pháp", "Nhiều tập thể, cá nhân")]),
        # a state honorary or emulation title right after the verb that confers it
        ("Năm 2023, 63 cán bộ, giáo viên được phong tặng Nhà giáo Ưu tú.",
         [("Nhà giáo Ưu tú", None, "63 cán bộ, giáo viên")]),
        ("Năm 2023, Sở được công nhận Tập thể lao động xuất sắc.",
         [("Tập thể lao động xuất sắc", None, "Sở")]),
        # a dash setting the title off after "danh hiệu"
        ("Hội Luật gia tỉnh được Trung ương Hội Luật gia Việt Nam tặng danh hiệu - Cờ Thi đua "
         "Hội Luật gia Việt Nam",
         [("Cờ Thi đua Hội Luật gia Việt Nam", "Trung ương Hội Luật gia Việt Nam",
           "Hội Luật gia tỉnh")]),
        # a list of named recipients opened by a colon, before the verb or after "cho"
        ("Tại hội nghị, các đơn vị: Phòng Cảnh sát hình sự, Công an huyện Đức Hòa được Bộ Công "
         "an tặng Cờ thi đua.",
         [("Cờ thi đua", "Bộ Công an", "Phòng Cảnh sát hình sự"),
          ("Cờ thi đua", "Bộ Công an", "Công an huyện Đức Hòa")]),
        ("Bí thư Tỉnh ủy trao Cờ thi đua của UBND tỉnh cho các đơn vị xuất sắc: Sở Tư pháp, Sở "
         "Nội vụ và Sở Tài chính.",
         [("Cờ thi đua", "UBND tỉnh", "Sở Tư pháp"), ("Cờ thi đua", "UBND tỉnh", "Sở Nội vụ"),
          ("Cờ thi đua", "UBND tỉnh", "Sở Tài chính")]),
        # a grantor's name right after the honour, without "của"
        ("Đồng chí Lê Văn Hiệu trao Cờ thi đua Chính phủ cho VKSND tỉnh Hải Dương.",
         [("Cờ thi đua", "Chính phủ", "VKSND tỉnh Hải Dương")]),
        ("Sở nhận Bằng khen Bộ Y tế và Cờ thi đua UBND tỉnh.",
         [("Bằng khen", "Bộ Y tế", "Sở"), ("Cờ thi đua", "UBND tỉnh", "Sở")]),
        # a bullet's honour and its recipients after a colon; the recipients after "là"
        ("Khen thưởng năm 2023:\n- Bằng khen của Thủ tướng Chính phủ: 2 tập thể, 3 cá nhân;",
         [("Bằng khen", "Thủ tướng Chính phủ", "2 tập thể, 3 cá nhân")]),
        ("Được tặng Cờ thi đua của UBND tỉnh là Phòng Giáo dục huyện Tân Hiệp và Phòng Giáo dục "
         "huyện Châu Thành.",
         [("Cờ thi đua", "UBND tỉnh", "Phòng Giáo dục huyện Tân Hiệp"),
          ("Cờ thi đua", "UBND tỉnh", "Phòng Giáo dục huyện Châu Thành")]),
        # a prize a body organises, a designation and a goal in quotes confer nothing
        ("Tỉnh tổ chức Giải thưởng “Sáng tạo trẻ” lần thứ 5 với 120 tác phẩm.", []),
        ("Sản phẩm chè được công nhận là “Sản phẩm OCOP 4 sao”.", []),
        ("Mục tiêu là “Xây dựng nông thôn mới kiểu mẫu”.", []),
        # an emulation title a counted group achieved (lexicon award_cues.achieved_titles) ...
        ("Năm 2023, 27 cá nhân đạt danh hiệu “Chiến sỹ thi đua cơ sở”, 02 tập thể đạt danh "
         "hiệu “Tập thể lao động tiên tiến”.",
         [("Chiến sỹ thi đua cơ sở", None, "27 cá nhân"),
          ("Tập thể lao động tiên tiến", None, "02 tập thể")]),
        ("Có 1.329 lượt cá nhân đạt danh hiệu chiến sĩ thi đua cơ sở.",
         [("Chiến sĩ thi đua cơ sở", None, "1.329 lượt cá nhân")]),
        # ... not a movement's title (a figure), nor one only proposed
        ("Có 4.224 hộ đạt danh hiệu Sản xuất kinh doanh giỏi các cấp.", []),
        ("Trung tâm đề xuất 02 cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở.", []),
        # the Party's badge by years of membership, "năm" left out; the person a clause
        # after the comma describes
        ("Đợt này có đồng chí Vũ Thị Liên (SN 1927), sinh hoạt tại chi bộ khối Hợp Trung "
         "vinh dự được trao tặng Huy hiệu 75 tuổi Đảng.",
         [("Huy hiệu 75 tuổi Đảng", None, "đồng chí Vũ Thị Liên")]),
        # the next title of a list of titles, with its own recipients
        ("UBND huyện tặng danh hiệu lao động tiên tiến cho 1.780 cá nhân và tập thể lao động "
         "tiên tiến cho 88 tập thể.",
         [("Lao động tiên tiến", "UBND huyện", "1.780 cá nhân"),
          ("Tập thể lao động tiên tiến", "UBND huyện", "88 tập thể")]),
        # two persons with their posts, each their own award
        ("Giám đốc Sở trao Bằng khen cho ông Nguyễn Văn An, Trưởng phòng Tổ chức và bà Trần "
         "Thị Bình, Phó Chánh Văn phòng Sở.",
         [("Bằng khen", "Giám đốc Sở", "ông Nguyễn Văn An, Trưởng phòng Tổ chức"),
          ("Bằng khen", "Giám đốc Sở", "bà Trần Thị Bình, Phó Chánh Văn phòng Sở")]),
        # the honours named after "nhiều phần thưởng cao quý, trong đó có" are the same
        # recipient's, and so is the next one received "hai lần" (a recipient of function words
        # only names no one)
        ("Ngành Tòa án được tặng thưởng nhiều phần thưởng cao quý, trong đó có Huân chương Sao "
         "vàng và hai lần được tặng thưởng Huân chương Hồ Chí Minh.",
         [("Huân chương Sao vàng", None, "Ngành Tòa án"),
          ("Huân chương Hồ Chí Minh", None, "Ngành Tòa án")]),
        # counted groups with thousands marked, after "có", joined by a comma
        ("Trong năm, thành phố có 4.222 tập thể, 19.729 cá nhân được tặng bằng khen.",
         [("Bằng khen", None, "4.222 tập thể, 19.729 cá nhân")]),
        # the clauses after a proposal's semicolons that only list honours are proposed too
        ("Đề nghị tặng danh hiệu chiến sỹ thi đua cấp tỉnh cho 07 cá nhân; tập thể lao động "
         "xuất sắc cho 16 tập thể; cờ thi đua của tỉnh cho 01 tập thể; bằng khen của Chủ tịch "
         "UBND tỉnh cho 89 cá nhân.", []),
        # a counted group told by what its members are, more than the items listed
        ("Trung ương Đoàn tặng Kỷ niệm chương “Vì thế hệ trẻ” cho 63 đồng chí là cán bộ lãnh "
         "đạo cấp ủy, chính quyền, đoàn thể và cán bộ Đoàn, Hội, Đội các cấp.",
         [("Kỷ niệm chương “Vì thế hệ trẻ”", "Trung ương Đoàn", "63 đồng chí")]),
        # counted groups with as many members named in brackets: one award each, before the
        # verb (its commas inside the brackets) or after it
        ("Tỉnh có 02 tập thể (HTX Long Thành Phát, Công ty Bamboo) và 01 cá nhân (Nông dân "
         "Nguyễn Thị Mai) điển hình tiên tiến được trao tặng Bằng khen của Bộ trưởng Bộ Nông "
         "nghiệp và Phát triển nông thôn.",
         [("Bằng khen", "Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn", r)
          for r in ("HTX Long Thành Phát", "Công ty Bamboo", "Nông dân Nguyễn Thị Mai")]),
        ("UBND tỉnh tặng Bằng khen cho 2 tập thể (Phòng Tư pháp huyện A và Phòng Tư pháp "
         "huyện B).",
         [("Bằng khen", "UBND tỉnh", "Phòng Tư pháp huyện A"),
          ("Bằng khen", "UBND tỉnh", "Phòng Tư pháp huyện B")]),
        # the grantor ends where the recipient's next act begins; what a counted group did
        # goes on past a comma
        ("Sở được tặng Bằng khen của Chủ tịch UBND tỉnh và nhận 10 triệu đồng.",
         [("Bằng khen", "Chủ tịch UBND tỉnh", "Sở")]),
        ("Năm nay, 64 giáo viên tham gia bồi dưỡng, hướng dẫn học sinh đã được trao Bằng khen "
         "của Chủ tịch UBND tỉnh.", [("Bằng khen", "Chủ tịch UBND tỉnh", "64 giáo viên")]),
        # a list after a colon runs past an abbreviation's dot, not into the next clause
        ("Hội đồng Đội tỉnh trao cờ thi đua cho 2 đơn vị: Hội đồng Đội TP. Nha Trang và Hội "
         "đồng Đội thị xã Ninh Hoà; công nhận 117 liên đội mạnh.",
         [("Cờ thi đua", "Hội đồng Đội tỉnh", "Hội đồng Đội TP. Nha Trang"),
          ("Cờ thi đua", "Hội đồng Đội tỉnh", "Hội đồng Đội thị xã Ninh Hoà")]),
        # who organised the ceremony is not who received; a verb inside a name is no act
        ("Sở Y tế tổ chức kỷ niệm 60 năm ngày Dân số Việt Nam và Chi cục Dân số - KHHGĐ tỉnh "
         "đón nhận Huân chương Lao động hạng Nhất.",
         [("Huân chương Lao động hạng Nhất", None, "Chi cục Dân số - KHHGĐ tỉnh")]),
        ("Sở Giáo dục và Đào tạo và Sở Y tế đón nhận Cờ thi đua của Chính phủ.",
         [("Cờ thi đua", "Chính phủ", "Sở Giáo dục và Đào tạo"),
          ("Cờ thi đua", "Chính phủ", "Sở Y tế")]),
        # the names after "gồm:" of a counted group of athletes (lexicon recipient_units)
        ("Hậu Giang có 2 vận động viên được nhận Bằng khen của Thủ tướng Chính phủ gồm: Phạm "
         "Thị Diểm (môn điền kinh) và Nguyễn Tường Vy (môn judo).",
         [("Bằng khen", "Thủ tướng Chính phủ", "Phạm Thị Diểm (môn điền kinh)"),
          ("Bằng khen", "Thủ tướng Chính phủ", "Nguyễn Tường Vy (môn judo)")]),
        # an order in grades with the grade word left out after the first; how many years
        # running is no part of the recipient
        ("Đài đã vinh dự được Chủ tịch nước tặng Huân chương Lao động hạng nhất, nhì, ba.",
         [(f"Huân chương Lao động hạng {g}", "Chủ tịch nước", "Đài")
          for g in ("nhất", "nhì", "ba")]),
        ("Công an tỉnh 5 năm liền được Bộ Công an tặng Cờ thi đua xuất sắc.",
         [("Cờ thi đua xuất sắc", "Bộ Công an", "Công an tỉnh")]),
        # a tally of honours received, after a colon or "nhiều phần thưởng cao quý như", goes
        # on past its semicolons
        ("Năm 2023, Sở vinh dự được tặng: 01 Cờ thi đua của Chính phủ; 02 Bằng khen của Thủ "
         "tướng Chính phủ.",
         [("Cờ thi đua", "Chính phủ", "Sở"), ("Bằng khen", "Thủ tướng Chính phủ", "Sở")]),
        ("Năm 2023, ngành Thanh tra đã nhận được nhiều phần thưởng cao quý như: 2 Huân chương "
         "Lao động hạng Ba; 4 Bằng khen của Thủ tướng Chính phủ và 8 Cờ thi đua của UBND tỉnh.",
         [("Huân chương Lao động hạng Ba", None, "ngành Thanh tra"),
          ("Bằng khen", "Thủ tướng Chính phủ", "ngành Thanh tra"),
          ("Cờ thi đua", "UBND tỉnh", "ngành Thanh tra")]),
        # an opener without its comma is no part of the grantor; the organising committee
        # hands over and grants nothing (lexicon award_cues.not_grantors)
        ("Tại buổi lễ Ban tổ chức đã trao Giấy khen cho 5 tập thể.",
         [("Giấy khen", None, "5 tập thể")]),
        # the next honour after a semicolon, its verb and grantor left out, is the same
        # grantor's
        ("Dịp này, UBND tỉnh tặng Cờ thi đua cho 2 tập thể; Bằng khen cho 5 tập thể và 10 cá "
         "nhân.",
         [("Cờ thi đua", "UBND tỉnh", "2 tập thể"),
          ("Bằng khen", "UBND tỉnh", "5 tập thể và 10 cá nhân")]),
        ("Ngành Tòa án được Đảng, Nhà nước tặng thưởng nhiều phần thưởng cao quý, trong đó có "
         "Huân chương Sao vàng.", [("Huân chương Sao vàng", "Đảng, Nhà nước", "Ngành Tòa án")]),
        # a counted group's members named after "là", over semicolons, each with a post
        ("Có 2 cá nhân được tặng Bằng khen của UBND tỉnh là ông Nguyễn Văn A - Trưởng phòng Tổ "
         "chức; bà Trần Thị B - Phó Chánh Văn phòng.",
         [("Bằng khen", "UBND tỉnh", "ông Nguyễn Văn A"),
          ("Bằng khen", "UBND tỉnh", "bà Trần Thị B")]),
        # a title ends before "là" that names who holds it; who has the recipients is none
        ("Khánh Hòa có hai nhà giáo được tặng danh hiệu Nhà giáo Ưu tú là thầy giáo Nguyễn Quang "
         "Đường - Hiệu trưởng Trường THPT Phan Bội Châu.",
         [("Nhà giáo Ưu tú", None, "hai nhà giáo")]),
        # a thematic commendation keeps its kind (lexicon award_cues.commendation_levels)
        ("Sở Tư pháp được khen thưởng 06 Bằng khen chuyên đề của Bộ trưởng Bộ Tư pháp.",
         [("Bằng khen chuyên đề", "Bộ trưởng Bộ Tư pháp", "Sở Tư pháp")]),
        # what a flag is for, written after "cờ thi đua" up to its grantor or recipients
        ("Hội đồng Đội tỉnh trao cờ thi đua vững mạnh xuất sắc toàn diện cho Hội đồng Đội thị xã "
         "Ninh Hoà.",
         [("Cờ thi đua vững mạnh xuất sắc toàn diện", "Hội đồng Đội tỉnh",
           "Hội đồng Đội thị xã Ninh Hoà")]),
        # which time it is given, "lần 2" as well as "lần thứ hai", before its recipient
        ("Phó Chủ tịch nước trao tặng Huân chương Lao động hạng Nhì lần 2 tặng tập thể nhà trường.",
         [("Huân chương Lao động hạng Nhì", "Phó Chủ tịch nước", "tập thể nhà trường")]),
        # what a counted group did runs over a few commas; a clause with its own subject or
        # the group's own verb does not
        ("Năm nay, 77 cán bộ, giáo viên, học sinh đạt giải nhất, nhì, ba trong các kỳ thi, hội "
         "thi cấp quốc gia được nhận bằng khen của UBND tỉnh.",
         [("Bằng khen", "UBND tỉnh", "77 cán bộ, giáo viên, học sinh")]),
        ("Sư đoàn có 1.572 lượt tập thể, 3.125 cá nhân được khen thưởng, liên tục từ năm 2009 đến "
         "nay Sư đoàn được Bộ Quốc phòng tặng cờ thi đua.",
         [("Cờ thi đua", "Bộ Quốc phòng", "Sư đoàn")]),
        # as many names as the count after "là", each with "và" inside it, over commas
        ("Dịp này, 02 tập thể cũng được tặng Bằng khen của Chủ tịch UBND tỉnh là Nhân dân và cán "
         "bộ xã Châu Hóa, Nhân dân và cán bộ xã Văn Hóa.",
         [("Bằng khen", "Chủ tịch UBND tỉnh", "Nhân dân và cán bộ xã Châu Hóa"),
          ("Bằng khen", "Chủ tịch UBND tỉnh", "Nhân dân và cán bộ xã Văn Hóa")]),
        # a person, a dash and the first post, then more posts before the passive verb
        ("Ông Lữ Văn Hùng – Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy Hậu Giang vừa được Bộ trưởng "
         "Bộ VHTTDL xét tặng Kỷ niệm chương.",
         [("Kỷ niệm chương", "Bộ trưởng Bộ VHTTDL", "Lữ Văn Hùng, Bí thư Tỉnh ủy Hậu Giang")]),
        # where a person stands in the photo names no one (lexicon award_cues.photo_positions)
        ("Giám đốc Sở trao Bằng khen cho bà Nguyễn Thị A (thứ 3 từ trái sang).",
         [("Bằng khen", "Giám đốc Sở", "bà Nguyễn Thị A")]),
        # the period written after a quoted title, before its recipients
        ("Chủ tịch nước đã ký Quyết định số 2015/QĐ-CTN về việc phong tặng danh hiệu “Anh hùng "
         "Lao động” thời kỳ đổi mới cho 28 tập thể và 13 cá nhân.",
         [("Anh hùng Lao động", "Chủ tịch nước", "28 tập thể và 13 cá nhân")]),
        # the subject before a comma, without when, of the acts before "và đón nhận"
        ("Cục thuế TP HCM sáng nay, tổ chức kỷ niệm 65 năm ngày truyền thống và vinh dự đón nhận "
         "Huân chương Độc lập hạng Ba.",
         [("Huân chương Độc lập hạng Ba", None, "Cục thuế TP HCM")]),
        # "đã có ..." after a named recipient says what it did (lexicon award_cues.reason_leads)
        ("Chủ tịch nước tặng Huân chương Sao Vàng cho Bộ Công an đã có bề dày truyền thống.",
         [("Huân chương Sao Vàng", "Chủ tịch nước", "Bộ Công an")]),
        # a group unit alone, or "các cá nhân", opens the list after "là", over semicolons
        ("Tập thể được tặng Bằng khen là Công an thành phố Chí Linh và Phòng Cảnh sát giao "
         "thông.",
         [("Bằng khen", None, "Công an thành phố Chí Linh"),
          ("Bằng khen", None, "Phòng Cảnh sát giao thông")]),
        ("Các cá nhân được tặng Bằng khen là Trung tá Nguyễn Văn Hải, Đội trưởng, Công an tỉnh; "
         "Đại úy Phạm Thị Hòa, Cán bộ Bệnh viện Y học cổ truyền.",
         [("Bằng khen", None, "Trung tá Nguyễn Văn Hải, Đội trưởng, Công an tỉnh"),
          ("Bằng khen", None, "Đại úy Phạm Thị Hòa, Cán bộ Bệnh viện Y học cổ truyền")]),
        # a posthumous honour's verb is no part of its grantor (lexicon active_award_verbs)
        ("Chủ tịch nước truy tặng Huân chương Chiến công hạng Nhất cho 3 cảnh sát.",
         [("Huân chương Chiến công hạng Nhất", "Chủ tịch nước", "3 cảnh sát")]),
        # a grantor named right after the flag, capitalised as written ("Chính Phủ")
        ("Viện trưởng VKSND tối cao trao cờ Thi đua Chính Phủ cho VKSND tỉnh Thừa Thiên Huế.",
         [("Cờ Thi đua", "Chính Phủ", "VKSND tỉnh Thừa Thiên Huế")]),
        # an order's grades listed before its grantor or its recipients, and the grantor's
        # verb closing its clause
        ("Có 3 cá nhân nhận Huân chương Lao động hạng II, III của Chủ tịch nước tặng thưởng.",
         [("Huân chương Lao động hạng II", "Chủ tịch nước", "3 cá nhân"),
          ("Huân chương Lao động hạng III", "Chủ tịch nước", "3 cá nhân")]),
        ("Chủ tịch nước tặng Huân chương Lao động hạng Nhì, Ba cho 3 cá nhân.",
         [("Huân chương Lao động hạng Nhì", "Chủ tịch nước", "3 cá nhân"),
          ("Huân chương Lao động hạng Ba", "Chủ tịch nước", "3 cá nhân")]),
        # "và nhiều Bằng khen" is the next honour, not part of the grantor
        ("Sở đã được tặng Cờ thi đua của Chính phủ và nhiều Bằng khen.",
         [("Cờ thi đua", "Chính phủ", "Sở")]),
        # named units after "như" each get the award; a kind of people after it does not name
        ("UBND tỉnh tặng Bằng khen cho các đơn vị như Phòng Tư pháp A, Phòng Tư pháp B.",
         [("Bằng khen", "UBND tỉnh", "Phòng Tư pháp A"),
          ("Bằng khen", "UBND tỉnh", "Phòng Tư pháp B")]),
        ("Nhiều đơn vị như Phòng Tư pháp A, Phòng Tư pháp B được UBND tỉnh tặng Bằng khen.",
         [("Bằng khen", "UBND tỉnh", "Phòng Tư pháp A"),
          ("Bằng khen", "UBND tỉnh", "Phòng Tư pháp B")]),
        ("UBND tỉnh tặng Bằng khen cho các cá nhân như vận động viên, huấn luyện viên.",
         [("Bằng khen", "UBND tỉnh", "các cá nhân như vận động viên, huấn luyện viên")]),
        # the class of a title ("vinh dự Nhà nước") is not its name (lexicon title_classes)
        ("Chủ tịch nước truy tặng danh hiệu vinh dự Nhà nước “Bà mẹ Việt Nam anh hùng” cho 14 Mẹ.",
         [("Bà mẹ Việt Nam anh hùng", "Chủ tịch nước", "14 Mẹ")]),
        # the next honour of the same recipient after when the one before was given
        ("Sở đã được tặng Huân chương Lao động hạng Ba (2010), Cờ thi đua của Chính phủ (2015).",
         [("Huân chương Lao động hạng Ba", None, "Sở"), ("Cờ thi đua", "Chính phủ", "Sở")]),
        ("Trường đã nhận Huân chương Lao động hạng Nhì vào năm 2011, Bằng khen năm 2005.",
         [("Huân chương Lao động hạng Nhì", None, "Trường"), ("Bằng khen", None, "Trường")]),
        # the verb said again before "cho"; where a person lives is not part of the recipient
        ("Chủ tịch UBND tỉnh ký quyết định tặng Bằng khen, tặng thưởng cho ông Lê Văn An, "
         "trú tại xã Thạch Quý.",
         [("Bằng khen", "Chủ tịch UBND tỉnh", "ông Lê Văn An")]),
        # a group counted in words opens the names after "là"
        ("Hai cá nhân được tặng Bằng khen là ông Nguyễn Văn An và bà Trần Thị Bình.",
         [("Bằng khen", None, "Nguyễn Văn An"), ("Bằng khen", None, "bà Trần Thị Bình")]),
        # "tuyên dương" confers a title named with it
        ("Năm 2023, 8 tập thể được Nhà nước tuyên dương danh hiệu Anh hùng Lao động.",
         [("Anh hùng Lao động", "Nhà nước", "8 tập thể")]),
        # a title's names after "là:" over semicolons
        ("2 tập thể được tặng danh hiệu “Tập thể lao động xuất sắc” là: Phòng A; Phòng B.",
         [("Tập thể lao động xuất sắc", None, "Phòng A"),
          ("Tập thể lao động xuất sắc", None, "Phòng B")]),
        # a list of grantors that "và" closes: one award per grantor
        ("Sở Y tế được tặng Bằng khen của Thủ tướng Chính phủ, Bộ trưởng Bộ Y tế và UBND tỉnh.",
         [("Bằng khen", "Thủ tướng Chính phủ", "Sở Y tế"),
          ("Bằng khen", "Bộ trưởng Bộ Y tế", "Sở Y tế"), ("Bằng khen", "UBND tỉnh", "Sở Y tế")]),
        # ... not a grantor and the next clause's subject
        ("Sở nhận Bằng khen của UBND tỉnh, Bộ Y tế tặng Cờ thi đua cho Bệnh viện và UBND huyện.",
         [("Bằng khen", "UBND tỉnh", "Sở"), ("Cờ thi đua", "Bộ Y tế", "Bệnh viện và UBND huyện")]),
        # ... but what they are in brackets keeps the group
        ("UBND tỉnh tặng Bằng khen cho 5 tập thể (các phòng, ban của Sở).",
         [("Bằng khen", "UBND tỉnh", "5 tập thể (các phòng, ban của Sở)")]),
        # the plain reading: an honour, a verb that gives it and "cho" further on, where no
        # other reading found an award (something else given between: flowers, money)
        ("Thừa ủy quyền của Chủ tịch nước, Phó Chủ tịch UBND tỉnh trao Huân chương Lao động "
         "hạng Ba và hoa chúc mừng cho Sở Tư pháp.",
         [("Huân chương Lao động hạng Ba", "Chủ tịch nước", "Sở Tư pháp")]),
        ("Giám đốc Sở trao bằng khen và tiền thưởng 10 triệu đồng cho em Lê Văn C giành Huy "
         "chương vàng Olympic Toán.", [("Bằng khen", "Giám đốc Sở", "em Lê Văn C")]),
        ("Phó Chủ tịch UBND tỉnh trao tặng danh hiệu Cờ thi đua của Chính phủ, Giám đốc Sở tặng "
         "hoa cho 3 tập thể thuộc Sở.", [("Cờ thi đua", "Chính phủ", "3 tập thể thuộc Sở")]),
        # a tally of honours after "phần thưởng cao quý, như" (a comma before "như")
        ("Ngành Thanh tra nhận được các phần thưởng cao quý, như Huân chương Độc lập hạng Nhì; "
         "7 cờ thi đua của Chính phủ; 2 bằng khen của Thủ tướng Chính phủ.",
         [("Huân chương Độc lập hạng Nhì", None, "Ngành Thanh tra"),
          ("Cờ thi đua", "Chính phủ", "Ngành Thanh tra"),
          ("Bằng khen", "Thủ tướng Chính phủ", "Ngành Thanh tra")]),
        # two verbs for one title; the occasion after it is not its name
        ("Ngoài ra, 10 tập thể và 6 cá nhân được phong tặng, truy tặng danh hiệu Anh hùng Lực "
         "lượng vũ trang nhân dân trong dịp này.",
         [("Anh hùng Lực lượng vũ trang nhân dân", None, "10 tập thể và 6 cá nhân")]),
        # given out of turn ("đột xuất", lexicon award_cues.award_manners) before its grantors
        ("Bộ Công an trao Bằng khen đột xuất của Thủ tướng Chính phủ và Bộ trưởng Công an tặng "
         "ba cán bộ, chiến sĩ Công an tỉnh.",
         [("Bằng khen", "Thủ tướng Chính phủ", "ba cán bộ, chiến sĩ Công an tỉnh"),
          ("Bằng khen", "Bộ trưởng Công an", "ba cán bộ, chiến sĩ Công an tỉnh")]),
        # what the honour means ends its recipient (lexicon award_cues.meaning_leads)
        ("Huân chương Chiến công hạng Nhì do Chủ tịch nước trao tặng đơn vị là phần thưởng cao "
         "quý, ghi nhận những đóng góp của cán bộ, chiến sĩ.",
         [("Huân chương Chiến công hạng Nhì", "Chủ tịch nước", "đơn vị")]),
        # the period of an unquoted title before "cho"
        ("Tỉnh ủy, UBND tỉnh tổ chức Lễ đón nhận danh hiệu Anh hùng Lao động thời kỳ đổi mới "
         "cho tập thể và cá nhân.", [("Anh hùng Lao động", None, "tập thể và cá nhân")]),
        # ... and the recipients end where the next clause opens (", đồng thời ...")
        ("Thủ tướng đã trao Huân chương Sao vàng - phần thưởng cao quý của Đảng, Nhà nước, cho "
         "tập thể cán bộ ngành thanh tra, đồng thời biểu dương những nỗ lực của ngành.",
         [("Huân chương Sao vàng", "Thủ tướng", "tập thể cán bộ ngành thanh tra")]),
        # only planned or proposed: a grantor who will give it or is asked to, a recipient
        # proposed (but "theo đề nghị của ..." says who proposed what was given, and "xét
        # nghiệm" proposes nothing)
        ("Bộ Y tế sẽ tặng bằng khen cho những nữ điều dưỡng.", []),
        ("Bộ Y tế đề nghị UBND tỉnh Nghệ An khen thưởng những nhân viên y tế này.", []),
        ("Hội đồng còn thông qua đề nghị 1 cá nhân được Chủ tịch UBND tỉnh tặng thưởng danh "
         "hiệu Chiến sĩ thi đua cấp tỉnh.", []),
        ("UBND tỉnh tặng bằng khen của Chủ tịch UBND tỉnh cho 23 tập thể theo đề nghị của Ban "
         "Tuyên giáo Tỉnh ủy.", [("Bằng khen", "Chủ tịch UBND tỉnh", "23 tập thể")]),
        ("Chủ tịch UBND thành phố tặng Bằng khen cho các đoàn cán bộ y tế tham gia hỗ trợ xét "
         "nghiệm.", [("Bằng khen", "Chủ tịch UBND thành phố",
                      "các đoàn cán bộ y tế tham gia hỗ trợ xét nghiệm")]),
        # a title not named ("danh hiệu ... cao quý này", "danh hiệu cho ...") is no award; "đón"
        # receives one; "Nhà nước" is the class of a title, not its name
        ("Tỉnh có 24 nghệ nhân được Chủ tịch nước phong tặng danh hiệu vinh dự Nhà nước cao quý "
         "này.", []),
        ("Phó Chủ tịch UBND tỉnh đã trao huy hiệu và Bằng chứng nhận danh hiệu cho các nghệ "
         "nhân.", []),
        ("Trung tâm Bảo trợ xã hội Hà Tĩnh đón Huân chương Lao động hạng Ba",
         [("Huân chương Lao động hạng Ba", None, "Trung tâm Bảo trợ xã hội Hà Tĩnh")]),
        ("Các nghệ nhân của tỉnh vinh dự đón nhận danh hiệu Nhà nước “Nghệ nhân ưu tú”.",
         [("Nghệ nhân ưu tú", None, "Các nghệ nhân của tỉnh")]),
        # a comma inside quotes does not open the receiving clause
        ('Các học sinh đạt giải cuộc thi "Học sinh, sinh viên với ý tưởng khởi nghiệp", nhận '
         "Bằng khen của Chủ tịch UBND tỉnh.",
         [("Bằng khen", "Chủ tịch UBND tỉnh",
           'Các học sinh đạt giải cuộc thi "Học sinh, sinh viên với ý tưởng khởi nghiệp"')]),
        # ... but another honour after "tặng" receives nothing, and a proposal confers nothing
        ("Giám đốc Sở tặng Bằng khen và tặng Cờ thi đua.", []),
        ("Sở sẽ đề nghị UBND tỉnh tặng Bằng khen và trao hoa cho 5 tập thể.", []),
        # an honour about to be given (lexicon award_cues.not_yet_words)
        ("25 người sắp nhận bằng khen của Chủ tịch UBND tỉnh", []),
        # "công tác thi đua, khen thưởng": the work's name; "danh hiệu thi đua như": no title
        ("Sở tổ chức hội nghị sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm.", []),
        ("Nhiều cá nhân được Nhà nước phong tặng danh hiệu thi đua như: 12 Nhà giáo Ưu tú.", []),
        ("Hội đồng đề nghị cấp có thẩm quyền xét, công nhận các danh hiệu thi đua và hình thức "
         "khen thưởng đối với các tập thể, cá nhân.", []),
        # the grantor before its adverb and decision; a counted group from a place, then its
        # named persons, the last two joined by "và"
        ("Chủ tịch UBND tỉnh vừa ban hành Quyết định 215/QĐ-UBND tặng Bằng khen cho 3 cá nhân "
         "huyện Cái Bè gồm: ông Trần Văn An, Phó Chánh Văn phòng; bà Lê Thị Bình, Phó trưởng "
         "phòng và ông Phạm Văn Cường, Trưởng ban.",
         [("Bằng khen", "Chủ tịch UBND tỉnh", "ông Trần Văn An, Phó Chánh Văn phòng"),
          ("Bằng khen", "Chủ tịch UBND tỉnh", "bà Lê Thị Bình, Phó trưởng phòng"),
          ("Bằng khen", "Chủ tịch UBND tỉnh", "ông Phạm Văn Cường, Trưởng ban")]),
        # a group the plural opens goes on past a comma ("giỏi, lao động sáng tạo")
        ("Các hội viên tiêu biểu trong phong trào học tập tốt, lao động tốt nhận Bằng khen của "
         "Tỉnh đoàn.",
         [("Bằng khen", "Tỉnh đoàn",
           "Các hội viên tiêu biểu trong phong trào học tập tốt, lao động tốt")]),
        # a title only proposed, without an active verb before it
        ("Hội đồng thống nhất đề nghị khen thưởng danh hiệu “Chiến sĩ thi đua cấp tỉnh” cho 8 "
         "cá nhân.", []),
        # the clause after a semicolon only ("1.250" is no numbered item); a title ends at "…"
        ("Tỉnh có hơn 9.000 liệt sĩ; 1.250 bà mẹ Việt Nam anh hùng; 86 đơn vị, cá nhân được "
         "tặng danh hiệu Anh hùng lực lượng vũ trang nhân dân…",
         [("Anh hùng lực lượng vũ trang nhân dân", None, "86 đơn vị, cá nhân")]),
        # whose decision it is grants the title, not who announces it; "đối với" leads the
        # recipients; each person without where they live ("ngụ")
        ("Giám đốc Sở Nội vụ công bố quyết định của Chủ tịch nước truy tặng danh hiệu vinh dự "
         "Nhà nước “Bà mẹ Việt Nam anh hùng” đối với bà Nguyễn Thị Hoa, ngụ xã Mỹ An và bà Trần "
         "Thị Lan, ngụ phường 3.",
         [("Bà mẹ Việt Nam anh hùng", "Chủ tịch nước", "bà Nguyễn Thị Hoa"),
          ("Bà mẹ Việt Nam anh hùng", "Chủ tịch nước", "bà Trần Thị Lan")]),
        # persons listed after "các ông:"; "động viên khen thưởng" is a purpose, not an award
        ("Chủ tịch nước tặng Huân chương Lao động hạng Ba cho các ông: Lê Văn Hai, Phó Bí thư "
         "Tỉnh ủy; ông Võ Văn Ba, Phó Chủ tịch UBND tỉnh.",
         [("Huân chương Lao động hạng Ba", "Chủ tịch nước", "Lê Văn Hai, Phó Bí thư Tỉnh ủy"),
          ("Huân chương Lao động hạng Ba", "Chủ tịch nước",
           "ông Võ Văn Ba, Phó Chủ tịch UBND tỉnh")]),
        ("Nhằm động viên khen thưởng cho những tấm gương điển hình, Công đoàn tổ chức chương "
         "trình gặp mặt.", []),
        # honours listed for a proposal, in its sentence or as the items after its colon
        ("Sở tổng hợp danh sách đề nghị các hình thức khen thưởng năm 2024 gồm có: Huân chương "
         "Lao động cho 3 cá nhân; Bằng khen của Thủ tướng Chính phủ cho 12 cá nhân.", []),
        ("Tỉnh đang hoàn thiện hồ sơ đề nghị Thủ tướng Chính phủ tặng thưởng:\n\n1. Huân chương "
         "Lao động hạng Ba cho Trường Tiểu học An Bình.\n\n2. Bằng khen cho Trường Mầm non Hoa "
         "Sen.", []),
        # ... or in the sentences that detail a proposal, over their semicolons
        ("Hội đồng thống nhất đề nghị lên Trung ương 12 tập thể, cá nhân được khen thưởng. Trong "
         "đó, có 1 tập thể nhận Huân chương Lao động hạng Nhì; 3 tập thể nhận Cờ thi đua của "
         "Chính phủ. Giám đốc Sở tặng Giấy khen cho 5 cá nhân.",
         [("Giấy khen", "Giám đốc Sở", "5 cá nhân")]),
        # a quoted title with a comma inside; the grantor's slot holds no verb ("các đảng viên
        # được tặng Huy hiệu lần này có 40 đồng chí được trao ..."); "được truy tặng"
        ("Năm 2024, 25 cá nhân được tặng danh hiệu “Người tốt, việc tốt”.",
         [("Người tốt, việc tốt", None, "25 cá nhân")]),
        ("Trong số các đảng viên được tặng Huy hiệu lần này có 40 đồng chí được trao Huy hiệu 50 "
         "năm tuổi Đảng.", [("Huy hiệu 50 năm tuổi Đảng", None, "40 đồng chí")]),
        ("Đảng bộ có 12 đảng viên được truy tặng Huy hiệu Đảng.",
         [("Huy hiệu Đảng", None, "12 đảng viên")]),
        # a medal named in quotes; a title's year before "cho"
        ("Giám đốc Công an tỉnh trao Huy chương “Chiến sĩ vẻ vang” cho 30 cán bộ, chiến sĩ.",
         [("Huy chương “Chiến sĩ vẻ vang”", "Giám đốc Công an tỉnh", "30 cán bộ, chiến sĩ")]),
        # who organises the handing is named without the act ("tổ chức trao", "tổ chức Lễ
        # tuyên dương và khen thưởng"); "Liên hiệp các tổ chức ..." is a name
        ("Công an tỉnh tổ chức trao Huy chương “Vì an ninh Tổ quốc” cho 25 cán bộ.",
         [("Huy chương “Vì an ninh Tổ quốc”", "Công an tỉnh", "25 cán bộ")]),
        ("Liên hiệp các tổ chức Hữu nghị Việt Nam tặng Cờ thi đua cho Liên hiệp các tổ chức hữu "
         "nghị tỉnh.",
         [("Cờ thi đua", "Liên hiệp các tổ chức Hữu nghị Việt Nam",
           "Liên hiệp các tổ chức hữu nghị tỉnh")]),
        # the grantor without where they stand in the photo, the act they go on to, or who
        # speaks for them
        ("Giám đốc Sở Du lịch (thứ 3 từ phải sang) trao Giấy khen cho các doanh nghiệp.",
         [("Giấy khen", "Giám đốc Sở Du lịch", "các doanh nghiệp")]),
        ("Lãnh đạo Hội Nông dân tỉnh khen thưởng cho các cá nhân có thành tích xuất sắc.",
         [("Khen thưởng", "Hội Nông dân tỉnh", "các cá nhân có thành tích xuất sắc")]),
        # ... with its grades ("hạng Nhất, Nhì, Ba": one award each)
        ("Giám đốc Công an tỉnh trao Huy chương “Chiến sĩ vẻ vang” hạng Nhất, Nhì cho 30 cán bộ.",
         [("Huy chương “Chiến sĩ vẻ vang” hạng Nhất", "Giám đốc Công an tỉnh", "30 cán bộ"),
          ("Huy chương “Chiến sĩ vẻ vang” hạng Nhì", "Giám đốc Công an tỉnh", "30 cán bộ")]),
        ('Thành phố trao tặng danh hiệu "Công dân ưu tú" năm 2023 cho 10 cá nhân tiêu biểu.',
         [("Công dân ưu tú", "Thành phố", "10 cá nhân tiêu biểu")]),
        # an order of every class ("các hạng")
        ("Chủ tịch nước tặng thưởng Huân chương các hạng cho 45 tập thể, cá nhân.",
         [("Huân chương", "Chủ tịch nước", "45 tập thể, cá nhân")]),
    ],
)  # fmt: skip
def test_award_phrasings(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert [(a.award, a.conferred_by, a.recipient) for a in find_awards(text)] == expected


def test_the_plain_reading_skips_a_caption_telling_the_body_award_again() -> None:
    # the caption's honour is a kind the article's other awards already give: read once
    text = (
        "Sở Tư pháp được UBND tỉnh tặng Cờ thi đua.\n"
        "Lãnh đạo UBND tỉnh trao Cờ thi đua và hoa chúc mừng cho Sở Tư pháp.\n"
        "Giám đốc Sở trao Giấy khen và tiền thưởng cho 6 cá nhân."
    )
    traced = awards_traced_of(Document(text))
    assert [(a.award, a.recipient, rules) for a, rules in traced] == [
        ("Cờ thi đua", "Sở Tư pháp", ("award.conferral",)),
        ("Giấy khen", "6 cá nhân", ("award.plain_sentence",)),
    ]


def test_a_counted_group_told_twice_with_more_words_is_one_award() -> None:
    text = (
        "Giám đốc Công an tỉnh trao Cờ thi đua xuất sắc của Bộ Công an tặng 3 đơn vị cơ sở.\n"
        "Năm 2018, 3 đơn vị cơ sở thuộc Công an tỉnh cũng được Bộ Công an tặng Cờ thi đua xuất sắc."
    )
    assert [(a.award, a.recipient) for a in find_awards(text)] == [
        ("Cờ thi đua xuất sắc", "3 đơn vị cơ sở")
    ]


def test_a_medals_name_stops_at_the_next_honour_after_a_comma() -> None:
    text = "Các cá nhân được tặng Kỷ niệm chương Vì sức khỏe nhân dân, Bằng khen của Bộ Y tế."
    assert [a.award for a in find_awards(text)] == [
        "Kỷ niệm chương Vì sức khỏe nhân dân",
        "Bằng khen",
    ]


def test_a_state_order_handed_over_and_received_is_one_award() -> None:
    text = (
        "Sở Y tế đón nhận Huân chương Lao động hạng Nhì\n"
        "Sáng 10/1, Sở Y tế tổ chức hội nghị tổng kết năm 2023 và đón nhận Huân chương Lao động "
        "hạng Nhì của Chủ tịch nước.\n"
        "Phó Chủ tịch UBND tỉnh trao Huân chương Lao động hạng Nhì cho Sở Y tế."
    )
    got = [(a.award, a.conferred_by, a.recipient) for a in find_awards(text)]
    assert got == [("Huân chương Lao động hạng Nhì", "Chủ tịch nước", "Sở Y tế")]
    # the hander named first, the grantor after: the grantor's award is kept
    text = (
        "Phó Chủ tịch UBND tỉnh trao Huân chương Lao động hạng Nhì cho Sở Y tế. Sở Y tế vinh dự "
        "đón nhận Huân chương Lao động hạng Nhì của Chủ tịch nước."
    )
    got = [(a.award, a.conferred_by, a.recipient) for a in find_awards(text)]
    assert got == [("Huân chương Lao động hạng Nhì", "Chủ tịch nước", "Sở Y tế")]
    # other honours to the same recipient from two grantors stay two awards
    text = "Sở Y tế được UBND tỉnh tặng Bằng khen. Bộ Y tế cũng tặng Bằng khen cho Sở Y tế."
    assert len(find_awards(text)) == 2


def test_awards_in_one_sentence_with_several_conferrers() -> None:
    text = (
        "Dịp này, 02 tập thể và 06 cá nhân được tặng Bằng khen của Chủ tịch UBND tỉnh, "
        "04 tập thể được tặng Bằng khen của Bộ trưởng Bộ Y tế, nhiều tập thể, cá nhân được "
        "tặng Giấy khen của Giám đốc Sở Y tế."
    )
    got = [(a.award, a.conferred_by, a.recipient) for a in find_awards(text)]
    assert got == [
        ("Bằng khen", "Chủ tịch UBND tỉnh", "02 tập thể và 06 cá nhân"),
        ("Bằng khen", "Bộ trưởng Bộ Y tế", "04 tập thể"),
        ("Giấy khen", "Giám đốc Sở Y tế", "nhiều tập thể, cá nhân"),
    ]
    assert not [c for c in candidates(text) if c.label != "skip"]


def test_award_active_voice_delegation_and_split_recipients() -> None:
    text = (
        "Thừa ủy quyền của Chủ tịch nước, đồng chí Phan Văn Mãi, Chủ tịch UBND tỉnh đã trao "
        "Huân chương Lao động hạng Nhì cho Sở Công Thương và Huân chương Lao động hạng Ba cho "
        "Trung tâm Khuyến công.\n"
        "Giám đốc Sở Nông nghiệp và Phát triển nông thôn - Lê Hữu Tài trao Giấy khen cho các "
        "phòng, đơn vị có thành tích xuất sắc.\n"
        "Ngoài ra, 2 đơn vị khác là Chi cục Thủy sản và Chi cục Kiểm lâm cũng nhận được "
        "Cờ thi đua của UBND tỉnh."
    )
    got = [(a.award, a.conferred_by, a.recipient) for a in find_awards(text)]
    assert got == [
        ("Huân chương Lao động hạng Nhì", "Chủ tịch nước", "Sở Công Thương"),
        ("Huân chương Lao động hạng Ba", "Chủ tịch nước", "Trung tâm Khuyến công"),
        (
            "Giấy khen",
            "Giám đốc Sở Nông nghiệp và Phát triển nông thôn",
            "các phòng, đơn vị có thành tích xuất sắc",
        ),
        ("Cờ thi đua", "UBND tỉnh", "Chi cục Thủy sản"),
        ("Cờ thi đua", "UBND tỉnh", "Chi cục Kiểm lâm"),
    ]


def test_active_grantor_is_the_clause_before_the_verb() -> None:
    text = (
        "Với thành tích xuất sắc trong năm qua, Bộ Tài chính đã tặng Cờ thi đua năm 2021 cho "
        "Sở Tài chính và Bằng khen cho 2 tập thể."
    )
    got = [(a.award, a.conferred_by, a.recipient) for a in find_awards(text)]
    assert got == [
        ("Cờ thi đua", "Bộ Tài chính", "Sở Tài chính"),
        ("Bằng khen", "Bộ Tài chính", "2 tập thể"),
    ]


def test_recipient_before_verb_with_conferrer_inside() -> None:
    text = "Nhân dịp này, Sở Xây dựng được Bộ Xây dựng tặng Cờ thi đua vì thành tích năm 2019."
    (a,) = find_awards(text)
    assert (a.award, a.conferred_by, a.recipient) == ("Cờ thi đua", "Bộ Xây dựng", "Sở Xây dựng")
    assert a.evidence in text


def test_named_recipients_each_and_counted_groups_as_written() -> None:
    text = (
        "Phòng Lao động - Thương binh và Xã hội huyện Thọ Xuân và Trường Cao đẳng nghề Lam "
        "Kinh được nhận Bằng khen của Chủ tịch UBND tỉnh. UBND tỉnh tặng Cờ thi đua cho 5 tập "
        "thể có thành tích xuất sắc trong năm học 2022 - 2023."
    )
    got = [(a.award, a.conferred_by, a.recipient) for a in find_awards(text)]
    assert got == [
        ("Bằng khen", "Chủ tịch UBND tỉnh",
         "Phòng Lao động - Thương binh và Xã hội huyện Thọ Xuân"),
        ("Bằng khen", "Chủ tịch UBND tỉnh", "Trường Cao đẳng nghề Lam Kinh"),
        ("Cờ thi đua", "UBND tỉnh", "5 tập thể"),
    ]  # fmt: skip


def test_quoted_medal_names_and_certificates_handed_over() -> None:
    text = (
        "Trao Kỷ niệm chương “Vì sự nghiệp phát triển ngành Công thương Việt Nam” cho các cá "
        "nhân. Trao tặng Giấy chứng nhận cho tác giả có tác phẩm đạt giải. Sở đã cấp giấy "
        "chứng nhận quyền sử dụng đất cho 300 hộ."
    )
    got = [(a.award, a.recipient) for a in find_awards(text)]
    assert got == [
        ("Kỷ niệm chương “Vì sự nghiệp phát triển ngành Công thương Việt Nam”", "các cá nhân"),
        ("Giấy chứng nhận", "tác giả có tác phẩm đạt giải"),
    ]


def test_emulation_movement_is_not_an_award() -> None:
    text = (
        "Ngành phát động phong trào thi đua “Chung tay vì người nghèo” "
        "và công tác thi đua, khen thưởng."
    )
    assert find_awards(text) == []


# --------------------------------------------------------------------------- title, place, sector


def test_title_skips_dateline_and_rejects_prose() -> None:
    assert find_title(
        "THỨ BA, 14/01/2020 08:30\n\nSở Tư pháp tổng kết công tác năm 2019\n\nNội dung."
    ) == ("Sở Tư pháp tổng kết công tác năm 2019")
    assert (
        find_title("Năm 2019, ngành tư pháp đã hoàn thành tốt các nhiệm vụ được giao.\nTiếp.")
        is None
    )


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a headline in capitals is a headline; a byline or section name in capitals is not
        (
            "SỞ Y TẾ TỔNG KẾT CÔNG TÁC NĂM 2023\n\nSở Y tế tổ chức hội nghị.",
            "SỞ Y TẾ TỔNG KẾT CÔNG TÁC NĂM 2023",
        ),
        (
            "NGUYÊN ĐOAN\nSở Nội vụ tổng kết công tác năm 2018\n\nNội dung.",
            "Sở Nội vụ tổng kết công tác năm 2018",
        ),
        ("BÀI VÀ ẢNH: NGỌC TRÂM\nNăm 2019, ngành đã hoàn thành nhiệm vụ.\nTiếp.", None),
    ],
)
def test_a_headline_in_capitals_is_the_title(text: str, title: str | None) -> None:
    assert find_title(text) == title


def test_a_headline_in_capitals_restating_a_body_figure_is_no_figure() -> None:
    # "14.000 LAO ĐỘNG": no unit reads capitals; the body's 14.012 is what it rounds
    text = (
        "QUẢNG TRỊ: TẠO VIỆC LÀM MỚI CHO HƠN 14.000 LAO ĐỘNG\n\nTrong năm 2019, tỉnh Quảng "
        "Trị đã giải quyết việc làm mới cho 14.012 lao động (đạt 133,4% kế hoạch năm)."
    )
    assert [m.value for m in extract_rules(text).achievements] == [14012]


def test_a_paragraph_detailing_the_one_before_goes_on_in_its_passage() -> None:
    # "Trong đó, ..." opens a paragraph that lists the parts of the plan figure before it
    text = (
        "Trong năm 2025, tỉnh đã tổ chức đấu giá thành công 6 khu đất.\n\n"
        "Theo dự thảo kế hoạch, năm 2026, tỉnh tổ chức đấu giá 72 khu đất.\n\n"
        "Trong đó, có 8 khu đất chuyển tiếp; 43 khu đất cần hoàn tất thủ tục đấu giá."
    )
    assert [(c.value, c.label) for c in candidates(text)] == [
        (6, "achievement"),
        (72, "target"),
        (8, "target"),
        (43, "target"),
    ]


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        # a comma right after an amount ends its label: what follows is another clause
        ("Năm 2025, tỉnh đã nộp ngân sách gần 10.000 tỷ đồng, phần còn lại sẽ thu trong "
         "tháng 1/2026.", "nộp ngân sách"),
        # ... while a counted noun goes on over it ("190 xã, phường, thị trấn")
        ("Năm 2017, toàn tỉnh có 190 xã, phường, thị trấn đạt chuẩn phổ cập giáo dục.",
         "xã phường, thị trấn đạt chuẩn phổ cập giáo dục"),
    ],
)  # fmt: skip
def test_a_comma_after_an_amount_ends_its_label(text: str, indicator: str) -> None:
    assert [c.indicator for c in candidates(text)] == [indicator]


def test_the_modal_co_the_is_no_part_of_a_label() -> None:
    # "có thể" ("can") is no "có" ("there are") followed by a noun
    text = "Theo dự thảo kế hoạch, năm 2026, có thể tổ chức đấu giá 72 khu đất."
    assert [c.indicator for c in candidates(text)] == ["tổ chức đấu giá khu đất"]


@pytest.mark.parametrize(
    ("text", "indicator"),
    [
        # a part that opens with the noun the part before opens with is the same list's
        ("Năm 2018, Sở đã cấp mới, cấp lại giấy phép hoạt động bến thủy nội địa, bến khách "
         "ngang sông 318 trường hợp.",
         "cấp mới, cấp lại giấy phép hoạt động bến thủy nội địa, bến khách ngang sông"),
        ("Năm 2015, kinh phí thực hiện bảo trì đường bộ, đường thủy nội địa là 161 tỷ đồng.",
         "kinh phí thực hiện bảo trì đường bộ, đường thủy nội địa"),
        # ... but not a second act, a clause with its own verb, nor a list of names
        ("Năm 2022, Hội đã triển khai chương trình hỗ trợ mổ tim, hỗ trợ phẫu thuật cho 11 "
         "bệnh nhân.", "hỗ trợ phẫu thuật bệnh nhân"),
        ("Năm 2020, tỷ suất sinh giảm, tỷ số giới tính khi sinh là 105,3.",
         "tỷ số giới tính khi sinh"),
        ("Năm 2018, Hội hỗ trợ viện phí cho phụ nữ nghèo tại Bệnh viện Ung Bướu, Bệnh viện Phụ "
         "nữ và khám sàng lọc cho hơn 5.000 phụ nữ.", "bệnh viện Phụ nữ và khám sàng lọc"),
    ],
)  # fmt: skip
def test_a_part_repeating_the_head_before_it_is_one_list(text: str, indicator: str) -> None:
    assert [c.indicator for c in candidates(text)] == [indicator]


def test_the_body_restating_a_figure_of_the_lead_gives_it_once() -> None:
    lead = "Năm 2026, Đồng Nai dự kiến đưa ra đấu giá 72 khu đất.\n\n"
    body = "Ngày 5/1, UBND tỉnh làm việc với Trung tâm Phát triển quỹ đất.\n\n"
    again = "Theo dự thảo kế hoạch, năm 2026, có thể tổ chức đấu giá 72 khu đất."
    assert [m.value for m in extract_rules(lead + body + again).targets] == [72]
    # ... a small count of something else stays a figure of its own
    other = "Theo dự thảo kế hoạch, năm 2026, tỉnh xây dựng 72 khu tái định cư."
    assert [m.value for m in extract_rules(lead + body + other).targets] == [72, 72]


def test_a_lead_rounding_a_body_figure_gives_the_bodys_once() -> None:
    # the lead's "ước đạt 3 tỷ USD" rounds the body's "3.010 triệu USD": one figure, the
    # precise one; a lead figure of more digits is not a rounding of a later round one
    lead = "Năm 2018, giá trị xuất - nhập khẩu ước đạt 3 tỷ USD.\n\n"
    body = "Ngành Công thương tổ chức hội nghị tổng kết.\n\n"
    again = "Năm 2018, giá trị hàng hóa xuất - nhập khẩu qua các cửa khẩu đạt 3.010 triệu USD."
    assert [m.value for m in extract_rules(lead + body + again).achievements] == [3.01e9]
    lead = "Năm 2018, giá trị xuất - nhập khẩu ước đạt 3.010 triệu USD.\n\n"
    again = "Năm 2018, giá trị hàng hóa xuất - nhập khẩu qua các cửa khẩu đạt hơn 3 tỷ USD."
    assert [m.value for m in extract_rules(lead + body + again).achievements] == [3.01e9, 3e9]


def test_province_and_sector() -> None:
    text = (
        "Ngành Công Thương Quảng Bình tổng kết năm 2021\n"
        "Sở Công Thương tỉnh Quảng Bình tổ chức hội nghị. Đồng chí Nguyễn Thái Bình dự."
    )
    assert find_province(text) == "Quảng Bình"
    assert find_sector(text) == "Công Thương"
    assert find_province("Ông Nguyễn Thái Bình, Giám đốc Sở, phát biểu.") is None
    # a one-word province must be spelled as such ("Bích Huệ" is a person, not "Huế") ...
    assert find_province("Năm 2018, toàn tỉnh có 17.435 hộ nghèo.\n\nBích Huệ") is None  # a byline
    assert find_province("UBND thành phố Huế tổ chức hội nghị.") == "Huế"
    # ... a longer one keeps its variants
    assert find_province("Sở Y tế tỉnh Đăk Lăk tổ chức hội nghị.") == "Đắk Lắk"
    # a city named in short is the city; its full name alone is a person's or an
    # organisation's unless "thành phố"/"TP" governs it
    assert find_province("Công an TP.HCM tổng kết công tác năm 2018.") == "Hồ Chí Minh"
    assert find_province("Sở VH-TT TPHCM tổ chức hội nghị.") == "Hồ Chí Minh"
    text = "Đoàn TNCS Hồ Chí Minh tỉnh Lạng Sơn tổng kết; học tập tư tưởng Hồ Chí Minh."
    assert find_province(text) == "Lạng Sơn"
    assert find_province("Làm theo lời Bác Hồ Chí Minh, Liên minh HTX tổng kết năm.") is None
    # a bare name twice outweighs another province's short name once
    text = "Năm 2021, Hà Tĩnh đã đón 2.791 công dân từ TP.HCM về quê. Hà Tĩnh hỗ trợ 53.680 người."
    assert find_province(text) == "Hà Tĩnh"
    assert find_sector("Sở GD&ĐT tổ chức hội nghị; ngành giáo dục đạt nhiều kết quả.") == (
        "Giáo dục và Đào tạo"
    )
    # "hóa" and "hoá" are both spellings of the same word
    for spelling in ("hóa", "hoá"):
        text = f"Sở Văn {spelling}, Thể thao và Du lịch tổ chức hội nghị tổng kết năm 2023."
        assert find_sector(text) == "Văn hóa, Thể thao và Du lịch"


# --------------------------------------------------------------------------- own articles

# (label, value) expected for each article under tests/data/rules, labelled by hand.
EXPECTED: dict[str, set[tuple[str, float]]] = {
    "agri_2021_bullets": {
        ("achievement", 3.6), ("achievement", 1.62e6), ("achievement", 9600),
        ("achievement", 53.6), ("achievement", 37), ("achievement", 340),
        ("achievement", 230e6), ("target", 3.5), ("target", 1.6e6), ("target", 10000),
        ("target", 25),
    },
    "edu_2023_school_year": {
        ("achievement", 612), ("achievement", 160000), ("achievement", 96.4),
        ("achievement", 97.12), ("achievement", 1.8), ("achievement", 228),
        ("achievement", 41.5), ("achievement", 9), ("target", 20), ("target", 97),
        ("target", 0.5),
    },
    "health_2018_list": {
        ("achievement", 10), ("achievement", 8.5), ("achievement", 28.3), ("achievement", 92),
        ("achievement", 5.2e6), ("achievement", 420000), ("achievement", 86.7),
        ("target", 88), ("target", 9), ("target", 100),
    },
    "labor_2024_fragment": {
        ("achievement", 17500), ("achievement", 3150), ("achievement", 2.15),
        ("achievement", 0.95), ("target", 17000), ("target", 72), ("target", 31),
        ("target", 0.8),
    },
    "officials_styles": {
        ("achievement", 22150), ("achievement", 10.69),
        ("target", 20000), ("target", 2.5),
    },
    "plan_first_headline": {
        ("achievement", 3.1e6), ("achievement", 4.2), ("achievement", 90.5),
        ("achievement", 164), ("target", 95), ("target", 8),
    },
    "trade_2024_mixed": {
        ("achievement", 6.2), ("achievement", 1.23e15), ("achievement", 57.3e9),
        ("achievement", 13), ("achievement", 69500e9), ("target", 8), ("target", 60e9),
        ("target", 12),
    },
    "trade_2015_plus_bullets": {
        ("achievement", 14520.5e9), ("achievement", 10.2), ("achievement", 410e6),
        ("achievement", 32150e9), ("target", 16100e9), ("target", 450e6), ("target", 36000e9),
    },
    "agri_2022_quotes": {
        ("achievement", 499100), ("achievement", 3.3e6), ("achievement", 523000),
        ("achievement", 8.6), ("achievement", 165e6), ("achievement", 9), ("achievement", 520),
        ("target", 2.5), ("target", 5),
    },
    "health_2022_awards": {
        ("achievement", 2.5e6), ("achievement", 85), ("achievement", 3.4e6),
        ("achievement", 260000), ("achievement", 98), ("target", 13), ("target", 100),
        ("target", 95),
    },
    "labor_2025_interior": {
        ("achievement", 42300), ("achievement", 36500), ("achievement", 3.12),
        ("achievement", 98000), ("achievement", 620e9), ("target", 40000), ("target", 70),
        ("target", 1.5),
    },
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_own_articles(name: str) -> None:
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    report = extract_rules(text)
    got = {("achievement", _key(m.value)) for m in report.achievements}
    got |= {("target", _key(m.value)) for m in report.targets}
    assert got == {(label, _key(v)) for label, v in EXPECTED[name]}
    assert len(report.achievements) + len(report.targets) == len(EXPECTED[name])


def _key(v: float) -> str:
    return f"{v:.9g}"


def test_own_article_metadata() -> None:
    text = (DATA / "health_2022_awards.txt").read_text(encoding="utf-8")
    report = extract_rules(text)
    assert (report.report_year, report.plan_year) == (2022, 2023)
    assert (report.province, report.sector) == ("Thái Nguyên", "Y tế")
    assert report.title == "Ngành y tế Thái Nguyên đón nhận Huân chương Lao động hạng Nhì"
    assert [o.name for o in report.officials] == ["Trịnh Việt Hưng", "Lê Văn Lợi"]
    assert [a.award for a in report.awards] == [
        "Huân chương Lao động hạng Nhì",
        "Huân chương Lao động hạng Ba",
        "Bằng khen",
    ]
    assert all(m.year == 2022 for m in report.achievements)
    assert all(m.year == 2023 for m in report.targets)


def test_unit_glued_to_a_rate_keeps_its_indicator_whole() -> None:
    report = extract_rules("Năm 2023, toàn tỉnh đạt 9,5 bác sĩ/vạn dân; có 120 giường bệnh.")
    assert [(m.indicator, m.value, m.unit) for m in report.achievements] == [
        ("bác sĩ/vạn dân", 9.5, "bác sĩ/vạn dân"),  # a rate keeps its base (GUIDELINES §4.5)
        ("giường bệnh", 120.0, "giường"),
    ]


def test_plan_year_is_null_when_the_text_names_none() -> None:
    # guideline §2: plan_year is null only if the text gives no plan year at all
    only_results = "Năm 2020, ngành đã giải quyết việc làm cho 60.893 người lao động."
    assert extract_rules(only_results).plan_year is None
    with_plan = only_results + " Năm 2021, ngành phấn đấu tạo việc làm cho 62.000 người."
    assert (extract_rules(with_plan).report_year, extract_rules(with_plan).plan_year) == (
        2020,
        2021,
    )
