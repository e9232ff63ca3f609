import pytest

from extractor.vi.formatting import (
    format_number,
    format_percent,
    format_quantity,
    money_scale,
    xlsx_number_format,
)


@pytest.mark.parametrize(
    "value,expected",
    [
        (15325, "15.325"),
        (1234, "1.234"),
        (999, "999"),
        (67.7, "67,7"),
        (0.125, "0,125"),
        (1_000_000.5, "1.000.000,5"),
        (-2500, "-2.500"),
        (-0.0001, "0"),
        (2.0, "2"),
    ],
)
def test_format_number_groups_with_dots_and_uses_a_decimal_comma(value, expected) -> None:
    assert format_number(value) == expected


def test_format_percent_has_one_decimal_and_a_space() -> None:
    assert format_percent(67.7) == "67,7 %"
    assert format_percent(133.3) == "133,3 %"
    assert format_percent(133.333) == "133,33 %"
    assert format_percent(100) == "100 %"


@pytest.mark.parametrize(
    "args,kwargs,expected",
    [
        ((251_630_000_000_000, "đồng"), {}, "251.630 tỷ đồng"),
        ((5_300_000_000, "đồng"), {"qualifier": "over"}, ">5,3 tỷ đồng"),
        ((450_000_000, "đồng"), {}, "450 triệu đồng"),
        ((500_000, "đồng"), {}, "500.000 đồng"),
        ((5e8, "đồng"), {"value_max": 1.2e9}, "0,5–1,2 tỷ đồng"),
        ((26000, "hộ"), {"value_max": 27000}, "26.000–27.000 hộ"),
        ((67.7, "%"), {"qualifier": "about"}, "~67,7 %"),
        ((3, None), {}, "3"),
        ((27_600_000_000, "USD"), {}, "27,6 tỷ USD"),
        ((50_000_000, "đồng/người"), {}, "50 triệu đồng/người"),
    ],
)
def test_format_quantity(args, kwargs, expected) -> None:
    assert format_quantity(*args, **kwargs) == expected


def test_money_scale_picks_the_largest_word_that_fits() -> None:
    assert money_scale(2e9) == (1e9, "tỷ")
    assert money_scale(2e6, None) == (1e6, "triệu")
    assert money_scale(999) == (1.0, "")


def test_xlsx_formats_match_the_text_formatter() -> None:
    assert xlsx_number_format(15325, "người") == "#,##0"
    assert xlsx_number_format(67.7, "%") == "#,##0.0"
    assert xlsx_number_format(5.3e9, "đồng") == '#,##0.0,,, "tỷ"'
    assert xlsx_number_format(4.5e8, "đồng") == '#,##0,, "triệu"'
    assert xlsx_number_format(None) == "General"
