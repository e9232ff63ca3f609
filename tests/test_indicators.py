"""The indicator noun-phrase rules of :mod:`extractor.indicators` and their effect on the
candidates of :mod:`extractor.rules`."""

from __future__ import annotations

import pytest

from extractor.indicators import (
    ends_with_apposition,
    ends_with_linking_verb,
    noun_after,
    strip_time,
    table_row,
)
from extractor.rules import candidates


def _after(text: str, figure: str) -> str:
    return noun_after(text, text.index(figure) + len(figure), len(text))


@pytest.mark.parametrize(
    ("text", "figure", "phrase"),
    [
        # a list of nouns joined by commas stays whole
        ("toàn tỉnh có 636 ấp, khóm đạt chuẩn văn hóa, với hơn 230 ngàn hộ", "636",
         "ấp, khóm đạt chuẩn văn hóa"),
        ("hỗ trợ 5 đơn vị, doanh nghiệp tham gia gian hàng.", "5",
         "đơn vị, doanh nghiệp tham gia gian hàng"),
        # "đạt" before a figure ends the phrase, "đạt chuẩn" does not
        ("có 13 trường đạt chuẩn quốc gia, đạt 85%", "13", "trường đạt chuẩn quốc gia"),
        # the next clause with a figure of its own is not taken
        ("trồng mới 500 ha rừng, tỷ lệ che phủ rừng duy trì ở mức 65%", "500",
         "ha rừng"),
        # a verb of the next clause stops it
        ("giải quyết việc làm cho 26.742 người, tăng 5% so với năm trước", "26.742", "người"),
    ],
)  # fmt: skip
def test_noun_after(text: str, figure: str, phrase: str) -> None:
    assert _after(text, figure) == phrase


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("tính đến ngày 30/11/2018 có", "có"),
        ("đến cuối năm có từ", "có từ"),
        ("tỷ lệ hộ nghèo cuối năm", "tỷ lệ hộ nghèo"),
        ("giảm số hộ nghèo so với đầu năm", "giảm số hộ nghèo so với"),
        ("tổng giá trị sản xuất", "tổng giá trị sản xuất"),
    ],
)
def test_strip_time_only_at_the_edges(text: str, stripped: str) -> None:
    assert strip_time(text) == stripped


def test_clause_endings() -> None:
    assert ends_with_linking_verb("tỷ lệ đô thị hóa đạt")
    assert ends_with_linking_verb("tổng số người tham gia là")
    assert not ends_with_linking_verb("Tỉnh đã triển khai tích hợp")
    assert ends_with_apposition("internet phát triển rộng khắp với")
    assert not ends_with_apposition("tỷ lệ hộ nghèo")


TABLE = """Kết quả như sau:

Chỉ tiêu | Kế hoạch | Thực hiện
Kim ngạch xuất khẩu | 27 tỷ USD | 27,6 tỷ USD
Số cụm công nghiệp đi vào hoạt động | 3 cụm | 2 cụm
"""


def test_table_row_names_the_figure_by_its_first_cell() -> None:
    assert table_row(TABLE, TABLE.index("27,6")) == ("Kim ngạch xuất khẩu", False)
    assert table_row(TABLE, TABLE.index("27 tỷ")) == ("Kim ngạch xuất khẩu", True)
    assert table_row(TABLE, TABLE.index("Kim")) is None  # the label cell itself
    assert table_row("Không có bảng 5 người", 15) is None


def _by_value(text: str, value: float):  # noqa: ANN202
    return next(c for c in candidates(text, report_year=2020, plan_year=2021) if c.value == value)


def test_table_rows_in_candidates() -> None:
    text = "Năm 2020, ngành Công Thương đạt kết quả tốt.\n\n" + TABLE
    done = _by_value(text, 27_600_000_000)
    assert (done.indicator, done.label) == ("kim ngạch xuất khẩu", "achievement")
    assert "indicator.table_row" in done.rules
    planned = _by_value(text, 27_000_000_000)
    assert planned.label == "skip"  # the plan column: the reviewed year's assigned plan
    assert _by_value(text, 2).indicator == "số cụm công nghiệp đi vào hoạt động"


@pytest.mark.parametrize(
    ("text", "value", "indicator", "rule"),
    [
        # a verb and its object: the noun after the figure joins the clause before
        ("Năm 2023, tỉnh đã triển khai tích hợp 1.323 dịch vụ công lên Cổng Dịch vụ công quốc gia.",
         1323, "triển khai tích hợp dịch vụ công lên Cổng Dịch vụ công quốc gia",
         "indicator.verb_object"),
        # an apposition: the clause before names another thing
        ("Năm 2023, internet phát triển rộng khắp với gần 2.000 trạm BTS lắp đặt mới.", 2000,
         "trạm BTS lắp đặt mới", "indicator.apposition"),
        # a linking verb: the subject names what is measured
        ("Năm 2023, tỷ lệ đô thị hóa đạt 39%.", 39, "tỷ lệ đô thị hóa", "indicator.clause_before"),
        # a date is never the indicator
        ("Năm 2018, tính đến ngày 30/11/2018 có 13.261 trẻ được tiêm đầy đủ các loại vacxin.",
         13261, "trẻ được tiêm đầy đủ các loại vacxin", "indicator.noun_after"),
    ],
)  # fmt: skip
def test_indicator_rules(text: str, value: float, indicator: str, rule: str) -> None:
    c = _by_value(text, value)
    assert c.indicator == indicator
    assert rule in c.rules
