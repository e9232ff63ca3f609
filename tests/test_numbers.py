"""Tests for the Vietnamese quantity parser (extractor.numbers)."""

from __future__ import annotations

import time
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.numbers import (
    Quantity,
    find_plan_pcts,
    find_quantities,
    mentions_value,
    number_strings,
    parse_number,
    parse_quantity,
    same_counted,
    values_in,
)

SEEDS = Path(__file__).resolve().parent.parent / "evals" / "seeds"
NB = "\u00a0"

# ----------------------------------------------------------------------------- seeds
# Every figure of each seed article, read by hand, in order:
# (surface text, value, value_max, unit, qualifier, kind).

EXPECTED: dict[str, list[tuple[str, float, float | None, str | None, str, str]]] = {
    "000_7d864374cdc58275.txt": [
        ("16/16 chỉ tiêu", 16, None, "chỉ tiêu", "exact", "fraction"),
        ("15.325 người", 15325, None, "người", "exact", "count"),
        ("vượt 33,3 % kế hoạch năm", 133.3, None, "%", "exact", "plan"),
        ("67,7%", 67.7, None, "%", "exact", "percent"),
        ("15.059 người", 15059, None, "người", "exact", "count"),
        ("vượt 14,1 % kế hoạch năm", 114.1, None, "%", "exact", "plan"),
        ("235 người", 235, None, "người", "exact", "count"),
        ("vượt 17,5% so với kế hoạch năm", 117.5, None, "%", "exact", "plan"),
        ("17%", 17, None, "%", "exact", "percent"),
        ("4,43%", 4.43, None, "%", "exact", "percent"),
        ("26.791 hộ", 26791, None, "hộ", "exact", "count"),
        ("14,94 %", 14.94, None, "%", "exact", "percent"),
        ("16.062 hộ", 16062, None, "hộ", "exact", "count"),
        ("8,96 %", 8.96, None, "%", "exact", "percent"),
        ("1,38%", 1.38, None, "%", "exact", "percent"),
        ("2,32%", 2.32, None, "%", "exact", "percent"),
        ("100%", 100, None, "%", "exact", "percent"),
        ("hơn 5,3 tỷ đồng", 5_300_000_000, None, "đồng", "over", "money"),
        ("82 căn", 82, None, "căn", "exact", "count"),
        ("2,8 tỷ đồng", 2_800_000_000, None, "đồng", "exact", "money"),
        ("hơn 22 nghìn suất", 22000, None, "suất", "over", "count"),
        ("hơn 8 tỷ đồng", 8_000_000_000, None, "đồng", "over", "money"),
        ("4%", 4, None, "%", "exact", "percent"),
        ("14.495 lao động", 14495, None, "lao động", "exact", "count"),
        ("68,8%", 68.8, None, "%", "exact", "percent"),
        ("1,36%", 1.36, None, "%", "exact", "percent"),
        ("2 tập thể", 2, None, "tập thể", "exact", "count"),
    ],
    "001_da222356e701d8c2.txt": [
        ("74 %", 74, None, "%", "exact", "percent"),
        ("hơn 33%", 33, None, "%", "over", "percent"),
        ("1.110 hộ", 1110, None, "hộ", "exact", "count"),
        ("23 %", 23, None, "%", "exact", "percent"),
        ("100%", 100, None, "%", "exact", "percent"),
        ("100%", 100, None, "%", "exact", "percent"),
        ("100%", 100, None, "%", "exact", "percent"),
        ("100%", 100, None, "%", "exact", "percent"),
        ("5 năm", 5, None, "năm", "exact", "count"),
        ("5 năm", 5, None, "năm", "exact", "count"),
        ("5 năm", 5, None, "năm", "exact", "count"),
        ("1.000 người", 1000, None, "người", "exact", "count"),
        ("75%", 75, None, "%", "exact", "percent"),
        ("35%", 35, None, "%", "exact", "percent"),
        ("15%", 15, None, "%", "exact", "percent"),
        ("100%", 100, None, "%", "exact", "percent"),
    ],
    "002_5b329be121ff4886.txt": [
        ("16.341 người", 16341, None, "người", "exact", "count"),
        (f"đạt 105,4% {NB}kế hoạch năm", 105.4, None, "%", "exact", "plan"),
        ("3.316 người", 3316, None, "người", "exact", "count"),
        ("đạt 132,6% kế hoạch năm", 132.6, None, "%", "exact", "plan"),
        ("66,5%", 66.5, None, "%", "exact", "percent"),
        ("27,5%", 27.5, None, "%", "exact", "percent"),
        ("1,52%", 1.52, None, "%", "exact", "percent"),
        ("1,32%", 1.32, None, "%", "exact", "percent"),
        ("30.381 người", 30381, None, "người", "exact", "count"),
        ("đạt 109,7% kế hoạch năm", 109.7, None, "%", "exact", "plan"),
        ("435 lượt", 435, None, "lượt", "exact", "count"),
        ("đạt 101% kế hoạch", 101, None, "%", "exact", "plan"),
        ("91,92%", 91.92, None, "%", "exact", "percent"),
        ("95,2%", 95.2, None, "%", "exact", "percent"),
        ("2,53%", 2.53, None, "%", "exact", "percent"),
        ("16.000 lao động trở lên", 16000, None, "lao động", "over", "count"),
        ("2.500 người trở lên", 2500, None, "người", "over", "count"),
        ("27.700 người", 27700, None, "người", "exact", "count"),
        ("70%", 70, None, "%", "exact", "percent"),
        ("1,17%", 1.17, None, "%", "exact", "percent"),
        ("95%", 95, None, "%", "exact", "percent"),
        ("95%", 95, None, "%", "exact", "percent"),
        ("30%", 30, None, "%", "exact", "percent"),
        ("530 lượt", 530, None, "lượt", "exact", "count"),
        ("01 tập thể", 1, None, "tập thể", "exact", "count"),
        ("04 cá nhân", 4, None, "cá nhân", "exact", "count"),
        ("05 tập thể", 5, None, "tập thể", "exact", "count"),
        ("17 cá nhân", 17, None, "cá nhân", "exact", "count"),
    ],
    "003_d8d123862925d4c6.txt": [
        ("trên 3 lĩnh vực", 3, None, "lĩnh vực", "over", "count"),
        ("khoảng trên 25 tỷ đồng", 25_000_000_000, None, "đồng", "over", "money"),
        ("2,05%", 2.05, None, "%", "exact", "percent"),
        ("5,09%", 5.09, None, "%", "exact", "percent"),
        ("44,94 triệu đồng/người", 44_940_000, None, "đồng/người", "exact", "money"),
        ("20%", 20, None, "%", "exact", "percent"),
        ("25.600 lượt", 25600, None, "lượt", "exact", "count"),
        ("đạt 102,4% so với kế hoạch năm", 102.4, None, "%", "exact", "plan"),
        ("10.500 lao động", 10500, None, "lao động", "exact", "count"),
        ("đạt 105% so với kế hoạch năm", 105, None, "%", "exact", "plan"),
        ("350 lao động", 350, None, "lao động", "exact", "count"),
        ("đạt 100% so với kế hoạch năm", 100, None, "%", "exact", "plan"),
        ("0,53%", 0.53, None, "%", "exact", "percent"),
        ("1,04%", 1.04, None, "%", "exact", "percent"),
        ("0,23%", 0.23, None, "%", "exact", "percent"),
        ("37.000 người", 37000, None, "người", "exact", "count"),
        ("102,77%", 102.77, None, "%", "exact", "percent"),  # "tăng ... so với kế hoạch"
        ("78,37%", 78.37, None, "%", "exact", "percent"),
        ("đạt 101% so với kế hoạch năm", 101, None, "%", "exact", "plan"),
        ("22,73%", 22.73, None, "%", "exact", "percent"),
        ("đạt 100,4% so với kế hoạch năm", 100.4, None, "%", "exact", "plan"),
        ("12/16 sở", 12, None, "sở", "exact", "fraction"),
        ("5 bậc", 5, None, "bậc", "exact", "count"),
        ("8/24 sở", 8, None, "sở", "exact", "fraction"),
        ("0,5-1%", 0.5, 1, "%", "exact", "percent"),
        ("1-2%", 1, 2, "%", "exact", "percent"),
        ("từ 26 đến 27 nghìn lượt", 26000, 27000, "lượt", "exact", "count"),
        ("từ 8 đến 10 nghìn người", 8000, 10000, "người", "exact", "count"),
        ("trên 3,5 nghìn người", 3500, None, "người", "over", "count"),
        ("55 phiên", 55, None, "phiên", "exact", "count"),
        ("5.500 người", 5500, None, "người", "exact", "count"),
        ("dưới 1,2%", 1.2, None, "%", "under", "percent"),
        ("dưới 2%", 2, None, "%", "under", "percent"),
        ("82%", 82, None, "%", "exact", "percent"),
        ("23,7%", 23.7, None, "%", "exact", "percent"),
        ("1%", 1, None, "%", "exact", "percent"),
    ],
    "004_507032e604b87d50.txt": [
        ("hơn 9.800 đối tượng", 9800, None, "đối tượng", "over", "count"),
        ("hơn 500 tỷ đồng", 500_000_000_000, None, "đồng", "over", "money"),
        ("hơn 6.900 lao động", 6900, None, "lao động", "over", "count"),
        ("58.230 người", 58230, None, "người", "exact", "count"),
        ("8.104 đơn vị", 8104, None, "đơn vị", "exact", "count"),
        ("368 hộ", 368, None, "hộ", "exact", "count"),
        ("hơn 604 nghìn người", 604_000, None, "người", "over", "count"),
        ("hơn 778 tỷ đồng", 778_000_000_000, None, "đồng", "over", "money"),
        ("hoàn thành 100% kế hoạch", 100, None, "%", "exact", "plan"),
        ("hơn 163.600 lượt", 163_600, None, "lượt", "over", "count"),
        ("hơn 199,5 tỷ đồng", 199_500_000_000, None, "đồng", "over", "money"),
        ("1,05%", 1.05, None, "%", "exact", "percent"),
        ("55 nghìn người", 55000, None, "người", "exact", "count"),
        ("78%", 78, None, "%", "exact", "percent"),
        ("1.300 lao động", 1300, None, "lao động", "exact", "count"),
        ("100%", 100, None, "%", "exact", "percent"),
    ],
}


def _row(q: Quantity) -> tuple[str, float, float | None, str | None, str, str]:
    return (q.text, q.value, q.value_max, q.unit, q.qualifier, q.kind)


def test_every_seed_has_expectations() -> None:
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_quantities_exactly(name: str) -> None:
    text = (SEEDS / name).read_text(encoding="utf-8")
    found = find_quantities(text)
    assert [_row(q) for q in found] == EXPECTED[name]
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.start <= q.num_start < q.num_end <= q.end
        assert text[q.num_start].isdigit() and text[q.num_end - 1].isdigit()
    assert [q.start for q in found] == sorted(q.start for q in found)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_nfd_input_gives_same_figures(name: str) -> None:
    text = unicodedata.normalize("NFD", (SEEDS / name).read_text(encoding="utf-8"))
    found = find_quantities(text)
    assert [(q.value, q.unit, q.kind) for q in found] == [
        (v, u, k) for _, v, _, u, _, k in EXPECTED[name]
    ]
    for q, row in zip(found, EXPECTED[name], strict=True):
        assert text[q.start : q.end] == q.text
        assert unicodedata.normalize("NFC", q.text) == row[0]


def test_seed_fraction_denominators_and_plan_stated() -> None:
    text = (SEEDS / "003_d8d123862925d4c6.txt").read_text(encoding="utf-8")
    fractions = [(q.value, q.denominator) for q in find_quantities(text) if q.kind == "fraction"]
    assert fractions == [(12, 16), (8, 24)]
    text0 = (SEEDS / "000_7d864374cdc58275.txt").read_text(encoding="utf-8")
    plans = find_plan_pcts(text0)
    assert [(q.value, q.stated) for q in plans] == [(133.3, 33.3), (114.1, 14.1), (117.5, 17.5)]
    assert [text0[q.num_start : q.num_end] for q in plans] == ["33,3", "14,1", "17,5"]


# ----------------------------------------------------------------------------- parse_number


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("15.325", 15325),
        ("67,7", 67.7),
        ("01", 1),
        ("1.000", 1000),
        ("199,5", 199.5),
        ("1.110", 1110),
        ("1.000.000", 1_000_000),
        ("1.234,56", 1234.56),
        ("1,04", 1.04),
        ("3.5", 3.5),
        ("3.25", 3.25),
        ("1,000.5", 1000.5),
        ("1,000,000", 1_000_000),
        (" 42 ", 42),
    ],
)
def test_parse_number(raw: str, value: float) -> None:
    assert parse_number(raw) == value


@pytest.mark.parametrize(
    "raw", ["", ".", ",", "abc", "1..2", "1,2,3", "24.2.2023", "1.2.3", "-5", "1e5", "9" * 400]
)
def test_parse_number_rejects(raw: str) -> None:
    with pytest.raises(ValueError):
        parse_number(raw)


# ----------------------------------------------------------------------------- rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (surface, value, value_max, unit, qualifier, kind)
        ("67,7%", ("67,7%", 67.7, None, "%", "exact", "percent")),
        ("chiếm 33,3 %", ("33,3 %", 33.3, None, "%", "exact", "percent")),
        ("có 01 tập thể", ("01 tập thể", 1, None, "tập thể", "exact", "count")),
        ("5,3 tỷ đồng", ("5,3 tỷ đồng", 5.3e9, None, "đồng", "exact", "money")),
        ("22 nghìn suất quà", ("22 nghìn suất", 22000, None, "suất", "exact", "count")),
        ("được hơn 8 tỷ vào dịp", ("hơn 8 tỷ", 8e9, None, None, "over", "count")),
        ("trên 3,5 nghìn người", ("trên 3,5 nghìn người", 3500, None, "người", "over", "count")),
        ("dưới 1,2%", ("dưới 1,2%", 1.2, None, "%", "under", "percent")),
        ("từ 26 đến 27 nghìn", ("từ 26 đến 27 nghìn", 26000, 27000, None, "exact", "count")),
        ("giảm 0,5-1%", ("0,5-1%", 0.5, 1.0, "%", "exact", "percent")),
        ("giảm 1-2%", ("1-2%", 1, 2, "%", "exact", "percent")),
        ("từ 0,5% đến 1%", ("từ 0,5% đến 1%", 0.5, 1, "%", "exact", "percent")),
        ("5 - 7 người", ("5 - 7 người", 5, 7, "người", "exact", "count")),
        (
            "từ 500 nghìn đến 1 triệu đồng",
            ("từ 500 nghìn đến 1 triệu đồng", 5e5, 1e6, "đồng", "exact", "money"),
        ),
        (
            "16.000 lao động trở lên",
            ("16.000 lao động trở lên", 16000, None, "lao động", "over", "count"),
        ),
        ("70% trở xuống", ("70% trở xuống", 70, None, "%", "under", "percent")),
        # grams glued to the number, in lower case only (lexicon glued_units_as_written)
        ("thu giữ 167,967g thuốc phiện", ("167,967g", 167.967, None, "g", "exact", "count")),
        # "trong khoảng" (within about) is one qualifier (lexicon qualifiers)
        (
            "đạt trong khoảng 826,9 – 834,6 ngàn tỷ đồng",
            (
                "trong khoảng 826,9 – 834,6 ngàn tỷ đồng",
                8.269e14,
                8.346e14,
                "đồng",
                "about",
                "money",
            ),
        ),
        ("khoảng trên 25 tỷ đồng", ("khoảng trên 25 tỷ đồng", 25e9, None, "đồng", "over", "money")),
        (
            "hơn 604 nghìn người lao động",
            ("hơn 604 nghìn người", 604000, None, "người", "over", "count"),
        ),
        ("Hơn 9.800 đối tượng", ("Hơn 9.800 đối tượng", 9800, None, "đối tượng", "over", "count")),
        ("2.068", ("2.068", 2068, None, None, "exact", "count")),
        ("1.000 người", ("1.000 người", 1000, None, "người", "exact", "count")),
        ("1.110 hộ", ("1.110 hộ", 1110, None, "hộ", "exact", "count")),
        ("1,04%", ("1,04%", 1.04, None, "%", "exact", "percent")),
        ("04 cá nhân", ("04 cá nhân", 4, None, "cá nhân", "exact", "count")),
        (
            "44,94 triệu đồng/người",
            ("44,94 triệu đồng/người", 44_940_000, None, "đồng/người", "exact", "money"),
        ),
        ("26.791 hộ nghèo", ("26.791 hộ", 26791, None, "hộ", "exact", "count")),
        ("25.600 lượt lao động", ("25.600 lượt", 25600, None, "lượt", "exact", "count")),
        ("1,5 nghìn tỷ đồng", ("1,5 nghìn tỷ đồng", 1.5e12, None, "đồng", "exact", "money")),
        # a scale and the money in one short word (lexicon money_abbreviations)
        ("120 tr.đồng", ("120 tr.đồng", 1.2e8, None, "đồng", "exact", "money")),
        ("hơn 120 trđ", ("hơn 120 trđ", 1.2e8, None, "đồng", "over", "money")),
        ("từ 100 đến 120 trđ", ("từ 100 đến 120 trđ", 1e8, 1.2e8, "đồng", "exact", "money")),
        ("5 tr.đồng/người", ("5 tr.đồng/người", 5e6, None, "đồng/người", "exact", "money")),
        # a smaller scale's count after a larger one adds to it
        ("4 tỷ 960 triệu đồng", ("4 tỷ 960 triệu đồng", 4.96e9, None, "đồng", "exact", "money")),
        (
            "1 triệu 200 nghìn người",
            ("1 triệu 200 nghìn người", 1.2e6, None, "người", "exact", "count"),
        ),
        # a share in words, per mille in a sign or in words
        ("98,5 phần trăm", ("98,5 phần trăm", 98.5, None, "%", "exact", "percent")),
        ("5‰", ("5‰", 5, None, "‰", "exact", "percent")),
        ("5,2 phần nghìn", ("5,2 phần nghìn", 5.2, None, "‰", "exact", "percent")),
        ("khoảng 20 ha", ("khoảng 20 ha", 20, None, "ha", "about", "count")),
        ("gần 3 triệu người", ("gần 3 triệu người", 3e6, None, "người", "about", "count")),
        ("xấp xỉ 40%", ("xấp xỉ 40%", 40, None, "%", "about", "percent")),
        ("ước đạt 500 tỷ đồng", ("ước đạt 500 tỷ đồng", 5e11, None, "đồng", "about", "money")),
        ("trên dưới 100 người", ("trên dưới 100 người", 100, None, "người", "about", "count")),
        ("không dưới 50 hộ", ("không dưới 50 hộ", 50, None, "hộ", "over", "count")),
        ("vượt 20% so với cùng kỳ", ("vượt 20%", 20, None, "%", "over", "percent")),
        ("cao hơn 5% so với", ("5%", 5, None, "%", "exact", "percent")),
        ("(hơn 5 người)", ("hơn 5 người", 5, None, "người", "over", "count")),
        ("16/16 chỉ tiêu", ("16/16 chỉ tiêu", 16, None, "chỉ tiêu", "exact", "fraction")),
        ("xếp thứ 12/16 sở", ("12/16 sở", 12, None, "sở", "exact", "fraction")),
        ("5/5 huyện", ("5/5 huyện", 5, None, "huyện", "exact", "fraction")),
        ("2000 người", ("2000 người", 2000, None, "người", "exact", "count")),
        ("Kế hoạch 5 năm", ("5 năm", 5, None, "năm", "exact", "count")),
        ("5ha lúa", ("5ha", 5, None, "ha", "exact", "count")),
        # a range whose two ends are each written with their unit ...
        (
            "từ 5 tỷ đồng đến 7 tỷ đồng",
            ("từ 5 tỷ đồng đến 7 tỷ đồng", 5e9, 7e9, "đồng", "exact", "money"),
        ),  # noqa: E501
        (
            "từ 3,5 triệu đồng đến 23,5 triệu đồng/người/tháng",
            (
                "từ 3,5 triệu đồng đến 23,5 triệu đồng/người/tháng",
                3.5e6,
                23.5e6,
                "đồng/người/tháng",
                "exact",
                "money",
            ),
        ),
        ("từ 10 ha đến 15 ha", ("từ 10 ha đến 15 ha", 10, 15, "ha", "exact", "count")),
        # a counted unit or a rate glued to the number (lexicon glued_units)
        ("xét nghiệm 33.782lần", ("33.782lần", 33782, None, "lần", "exact", "count")),
        ("gần 51tạ/ha", ("gần 51tạ/ha", 51, None, "tạ/ha", "about", "count")),
        # thousands of the larger scale that follows
        (
            "trên 44 nghìn 318 tỷ đồng",
            ("trên 44 nghìn 318 tỷ đồng", 44318e9, None, "đồng", "over", "money"),
        ),
        # a scale word that lost its space reads as written apart
        ("gần 2,37triệu lượt", ("gần 2,37triệu lượt", 2.37e6, None, "lượt", "about", "count")),
        ("đạt 5,3tỷ đồng", ("5,3tỷ đồng", 5.3e9, None, "đồng", "exact", "money")),
        ("3.5", ("3.5", 3.5, None, None, "exact", "count")),
        ("1,000.5", ("1,000.5", 1000.5, None, None, "exact", "count")),
        ("12 nghìn tỷ lệ", ("12 nghìn", 12000, None, None, "exact", "count")),
        ("5 triệu USD", ("5 triệu USD", 5e6, None, "USD", "exact", "money")),
        ("hơn 1,8 tỷ đô la Mỹ.", ("hơn 1,8 tỷ đô la Mỹ", 1.8e9, None, "USD", "over", "money")),
        ("5,3 tỷ đ", ("5,3 tỷ đ", 5.3e9, None, "đồng", "exact", "money")),
        ("1.120 triệu kWh.", ("1.120 triệu kWh", 1.12e9, None, "kWh", "exact", "count")),
        ("3.689MVA;", ("3.689MVA", 3689, None, "mva", "exact", "count")),
        (
            "cho trên 978.000 khách hàng.",
            ("trên 978.000 khách hàng", 978000, None, "khách hàng", "over", "count"),
        ),
        ("khoảng 2 vạn người", ("khoảng 2 vạn người", 20000, None, "người", "about", "count")),
        ("bình quân trên 1 ha đất", ("1 ha", 1, None, "ha", "exact", "count")),
        ("trên 1 tỷ đồng", ("trên 1 tỷ đồng", 1e9, None, "đồng", "over", "money")),
        ("trên 10 ha", ("trên 10 ha", 10, None, "ha", "over", "count")),
        ("có 5 Sở tham gia", ("5", 5, None, None, "exact", "count")),
        (
            "ít nhất 10 hợp tác xã",
            ("ít nhất 10 hợp tác xã", 10, None, "hợp tác xã", "over", "count"),
        ),
        ("tăng từ 10% trở lên", ("10% trở lên", 10, None, "%", "over", "percent")),
        # a qualifier between "vượt" and the figure: still the excess over the plan
        (
            "vượt trên 6% so với chỉ tiêu",
            ("vượt trên 6% so với chỉ tiêu", 106.0, None, "%", "over", "plan"),
        ),
    ],
)
def test_single_quantity(text: str, expected: tuple) -> None:
    found = find_quantities(text)
    assert [_row(q) for q in found] == [expected]


def test_exceeding_the_quota_by_a_share_is_a_plan_share_only_after_a_figure() -> None:
    rows = [_row(q) for q in find_quantities("tỷ lệ bao phủ đạt 92,5%, vượt 0,5% chỉ tiêu")]
    assert rows[-1] == ("vượt 0,5% chỉ tiêu", 100.5, None, "%", "exact", "plan")
    # no figure of its own clause before it (a year is none): a result of its own
    for text in ("Công tác điều tra đạt tỷ lệ cao, vượt 15,26% chỉ tiêu Bộ giao",
                 "Năm 2023, tỷ lệ khám phá vượt 5% chỉ tiêu",
                 "đạt 92,5%; tỷ lệ khám phá vượt 5% chỉ tiêu"):  # fmt: skip
        assert find_quantities(text)[-1].kind == "percent", text


def test_three_numbers_joined_by_dashes_are_no_range() -> None:
    found = find_quantities("đạt những con số tích cực (90,2% - 86,8% - 99,1%)")
    assert [(q.value, q.value_max) for q in found] == [(90.2, None), (86.8, None), (99.1, None)]
    assert [q.value_max for q in find_quantities("mục tiêu 95-95-95")] == [None, None, None]
    assert [(q.value, q.value_max) for q in find_quantities("tỷ lệ 15-20%")] == [(15, 20)]


def test_a_count_after_a_date_word_is_a_count_when_no_date_can_be_read() -> None:
    found = [_row(q) for q in find_quantities("sơ cấp và dưới 3 tháng 192.607 người")]
    assert ("192.607 người", 192607, None, "người", "exact", "count") in found
    assert find_quantities("ngày 26.11 và tháng 7 có 20 người")[0].value == 20
    # a date word glued to the word before by a dash is still one ("Tháng Công nhân-tháng 5")
    assert [q.value for q in find_quantities("Tháng Công nhân-tháng 5 tại 3 điểm")] == [3]
    assert [q.value for q in find_quantities("phòng, chống Covid-19 cho 12 người")] == [12]
    # a word that ends with a day part is no date word (lexicon cues.not_date)
    # a breakdown's count after a document word in lower case is a count; "Kế hoạch 56" a
    # document's number
    breakdown = find_quantities("61 cuộc thanh tra (theo kế hoạch 56, đột xuất 05)")
    assert [q.value for q in breakdown] == [61, 56, 5]
    assert [q.value for q in find_quantities("triển khai Kế hoạch 56, Kế hoạch 57 của tỉnh")] == []
    assert [q.value for q in find_quantities("theo kế hoạch 1338, Sở đã tổ chức 5 lớp")] == [5]
    # ... and so is a number with its counted noun after one
    assert [q.value for q in find_quantities("đã ban hành kết luận 78 cuộc")] == [78]
    assert [q.value for q in find_quantities("vẫn đạt kế hoạch 150.123 tấn")] == [150123]
    assert [q.value for q in find_quantities("theo Kết luận 137 của Tỉnh ủy")] == []
    found = find_quantities("thắp sáng 21 km đường, chiếu sáng 5 tuyến")
    assert [q.value for q in found] == [21, 5]
    assert find_quantities("sáng 21 tại hội trường") == []


def test_a_day_and_month_after_a_time_of_day_is_a_date() -> None:
    assert find_quantities("Sáng nay 16.8, Sở GD-ĐT tổng kết năm học.") == []
    assert find_quantities("Chiều qua 14-1, Sở tổ chức hội nghị.") == []
    assert [q.value for q in find_quantities("Hôm nay có 16.800 người dự.")] == [16800]


def test_a_count_after_a_slash_is_its_own_figure_but_a_per_unit_base_is_not() -> None:
    found = [(q.value, q.unit) for q in find_quantities("tiểu học có 86.079 học sinh/3.118 lớp")]
    assert found == [(86079, "học sinh"), (3118, "lớp")]
    assert [q.value for q in find_quantities("đạt 28 giường bệnh/10.000 dân")] == [28]


def test_a_share_over_100_that_says_it_exceeded_the_plan_is_a_plan_share() -> None:
    found = find_quantities("đã triển khai 272 cuộc thanh tra, đạt 141,44% vượt chỉ tiêu kế hoạch")
    assert [(q.value, q.kind) for q in found] == [(272, "count"), (141.44, "plan")]
    # ... but a rate that exceeded its quota is a rate
    assert find_quantities("trong đó có bằng cấp đạt hơn 33%, vượt kế hoạch")[0].kind == "percent"
    assert [q.kind for q in find_quantities("tỷ lệ đạt 105% vượt chỉ tiêu 90%")] == [
        "percent",
        "percent",
    ]


def test_a_bracketed_share_of_plan_is_a_plan_share() -> None:
    # the plan named after the bracket closes
    text = "phát triển thêm 9.942 hội viên mới (đạt 164,88%) so với chỉ tiêu đề ra"
    assert [(q.value, q.kind) for q in find_quantities(text)] == [(9942, "count"), (164.88, "plan")]
    # over 100 % in a bracket of its own after a figure: no coverage rate is over 100 %
    text = "điều trị nội trú hơn 3.720 lượt người (đạt 135%), công suất giường đạt 107%"
    found = [(q.value, q.kind) for q in find_quantities(text)]
    assert found == [(3720, "count"), (135, "plan"), (107, "percent")]
    # ... while a rate in brackets stays a rate
    assert find_quantities("tỷ lệ bao phủ (đạt 95%) cao nhất")[0].kind == "percent"


def test_a_bare_share_over_100_right_after_a_count_is_a_plan_share() -> None:
    text = "Tổng số lượt khám bệnh là 19.704 đạt 115,9%; Số bệnh nhân điều trị nội trú là 7.000."
    found = [(q.value, q.kind) for q in find_quantities(text)]
    assert found == [(19704, "count"), (115.9, "plan"), (7000, "count")]
    text = "khám chữa bệnh gần 571.000 lượt bệnh nhân, đạt 257%. Trong đó, ngoại trú đạt 577%."
    found = [(q.value, q.kind) for q in find_quantities(text)]
    assert found == [(571000, "count"), (257, "plan"), (577, "percent")]
    # ... not a comparison after it, nor a share under 100 %
    assert find_quantities("thu 1.200 tỷ đồng, đạt 105% so với cùng kỳ")[1].kind == "percent"
    assert find_quantities("giải quyết 20.000 lao động, đạt 95%.")[1].kind == "percent"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("trao kỷ niệm chương cho 31 đồng chí là cán bộ", "đồng chí"),
        ("trao kỷ niệm chương cho 31 Đ/c là cán bộ", "đồng chí"),
        ("thăm hỏi 500 đồng bào vùng lũ", "đồng bào"),
    ],
)
def test_people_whose_name_starts_like_a_currency_are_counted(text: str, unit: str) -> None:
    (q,) = find_quantities(text)
    assert (q.kind, q.unit) == ("count", unit)
    # ... while the currency stays money
    assert find_quantities("thu 5.000 đồng chính thức")[0].kind == "money"


def test_discipline_is_not_a_law_number() -> None:
    found = [(q.value, q.unit) for q in find_quantities("kiến nghị xử lý kỷ luật 27 tập thể")]
    assert found == [(27, "tập thể")]
    assert find_quantities("thực hiện Luật 27 của Quốc hội") == []  # a law is still a law
    # "pháp luật" is the law in general, never a law's number
    found = [(q.value, q.unit) for q in find_quantities("tuyên truyền pháp luật 1.158 buổi")]
    assert found == [(1158, "buổi")]


def test_sentence_with_plan_and_figure() -> None:
    text = "tổng sản lượng lúa đạt hơn 2,1 triệu tấn, vượt 4,5% kế hoạch; tôm đạt 135.400 tấn."
    assert [_row(q) for q in find_quantities(text)] == [
        ("hơn 2,1 triệu tấn", 2_100_000, None, "tấn", "over", "count"),
        ("vượt 4,5% kế hoạch", 104.5, None, "%", "exact", "plan"),
        ("135.400 tấn", 135_400, None, "tấn", "exact", "count"),
    ]


def test_fraction_denominator() -> None:
    q = parse_quantity("16/16 chỉ tiêu")
    assert q is not None and q.kind == "fraction"
    assert (q.value, q.denominator, q.value_max) == (16, 16, None)


def test_a_count_after_a_scale_is_its_own_unless_a_smaller_scale_follows_it() -> None:
    # "5 triệu 12 hộ": 12 households, not 5.000.012; "5 tỷ 1.500 triệu" is no compound
    assert [q.value for q in find_quantities("hỗ trợ 5 triệu đồng cho 12 hộ")] == [5e6, 12]
    assert [q.value for q in find_quantities("hỗ trợ 5 triệu 12 hộ")] == [5e6, 12]
    assert [q.value for q in find_quantities("đạt 5 tỷ 1.500 triệu")] == [5e9, 1.5e9]


def test_a_result_and_plan_pair_takes_the_scale_after_the_plan() -> None:
    # "1,2/1 tỷ đồng": the result 1,2 tỷ of a plan of 1 tỷ, both in đồng
    q = parse_quantity("Thu ngân sách đạt 1,2/1 tỷ đồng.")
    assert q is not None and q.kind == "money" and q.unit == "đồng"
    assert (q.value, q.denominator, q.text) == (1.2e9, 1e9, "1,2/1 tỷ đồng")
    q = parse_quantity("giải quyết việc làm 32.550/30.000 lao động")
    assert q is not None and (q.kind, q.value, q.denominator) == ("fraction", 32550, 30000)


def test_num_span_covers_only_digits() -> None:
    text = "đã tặng hơn 22 nghìn suất quà và từ 26 đến 27 nghìn người"
    first, second = find_quantities(text)
    assert text[first.num_start : first.num_end] == "22"
    assert text[second.num_start : second.num_end] == "26 đến 27"


@pytest.mark.parametrize(
    "text",
    [
        "24/2/2023",
        "Ngày 10/01/2020, Sở tổ chức",
        "Ngày 26-11, Sở tổng kết",
        "31/12/2023",
        "(26/11)",
        "tháng 12/2023",
        "Ngày 14 tháng 01 năm 2020",
        "THỨ TƯ, NGÀY 24 THÁNG 07 NĂM 2024 01:45",
        "07:08",
        "19h30",
        "năm 2023",
        "Hết năm 2023, toàn tỉnh",
        "2021 - 2025",
        "giai đoạn 2021-2025",
        "năm học 2023–2024",
        "so với đầu năm 2024",
        "cuối năm 2022",
        "so với 2022.",
        "Nghị quyết 68/NQ-CP",
        "Quyết định số 23/QĐ-TTg",
        "Nghị quyết số 08/2022/QĐ-TTg",
        "Thông tư 01/2020/TT-BLĐTBXH",
        "Kế hoạch 1338 của UBND",
        "kế hoạch số 1338 ngày",
        "Chương trình 135",
        "Điều 5",
        "Đại hội XIII",
        "lần thứ XX",
        "lần thứ 20",
        "Số lượt xem: 2068",
        "Lượt xem:2068",
        "dịch COVID-19",
        "phòng chống dịch Covid- 19",
        "theo chương trình 50 – 50 của Hội",
        "dịch COVID - 19",
        "H5N1",
        "Quý I/2024",
        "30a",
        "ISO 9001:2015",
        "",
        ".",
        ",",
        "...",
        "1,2,3",
    ],
)
def test_exclusions(text: str) -> None:
    assert find_quantities(text) == []


# ----------------------------------------------------------------------------- plan phrases


@pytest.mark.parametrize(
    ("text", "surface", "value", "stated"),
    [
        ("đạt 105,4% kế hoạch", "đạt 105,4% kế hoạch", 105.4, 105.4),
        ("(đạt 105,4%  kế hoạch năm)", "đạt 105,4%  kế hoạch năm", 105.4, 105.4),
        ("vượt 14,1 % kế hoạch năm", "vượt 14,1 % kế hoạch năm", 114.1, 14.1),
        ("vượt 17,5% so với kế hoạch năm", "vượt 17,5% so với kế hoạch năm", 117.5, 17.5),
        ("đạt 102,4% so với kế hoạch năm", "đạt 102,4% so với kế hoạch năm", 102.4, 102.4),
        ("đạt 101% kế hoạch", "đạt 101% kế hoạch", 101, 101),
        ("đạt 100% so với kế hoạch năm", "đạt 100% so với kế hoạch năm", 100, 100),
        ("hoàn thành 100% kế hoạch chi trả", "hoàn thành 100% kế hoạch", 100, 100),
        ("vượt 33,3 % kế hoạch năm 2024", "vượt 33,3 % kế hoạch", 133.3, 33.3),
        ("vượt kế hoạch 15%", "vượt kế hoạch 15%", 115, 15),
        ("bằng 95% KH", "bằng 95% KH", 95, 95),
        ("(98% kế hoạch)", "98% kế hoạch", 98, 98),
        # a budget estimate and a goal are plans too (real/dev gold: plan_pct 137 and 113)
        ("bằng 137% dự toán HĐND tỉnh giao", "bằng 137% dự toán", 137, 137),
        ("đạt 113% so với mục tiêu đề ra", "đạt 113% so với mục tiêu", 113, 113),
    ],
)
def test_plan_phrases(text: str, surface: str, value: float, stated: float) -> None:
    plans = find_plan_pcts(text)
    assert [(q.text, q.value, q.stated, q.unit, q.kind) for q in plans] == [
        (surface, value, stated, "%", "plan")
    ]
    assert [q.kind for q in find_quantities(text)] == ["plan"]  # never also a plain percent


def test_plan_qualifier_kept() -> None:
    (q,) = find_plan_pcts("đạt hơn 100% kế hoạch")
    assert (q.value, q.qualifier, q.text) == (100, "over", "đạt hơn 100% kế hoạch")


@pytest.mark.parametrize(
    "text",
    ["tăng 102,77% so với kế hoạch năm", "giảm 5% so với kế hoạch", "vượt kế hoạch", "đạt 74 %"],
)
def test_not_plan_phrases(text: str) -> None:
    assert find_plan_pcts(text) == []


def test_vuot_outside_plan_is_over() -> None:
    (q,) = find_quantities("vượt 20% so với cùng kỳ")
    assert (q.qualifier, q.kind) == ("over", "percent")


# ----------------------------------------------------------------------------- reported problems


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        # kept whole: the first syllable alone is not the thing counted
        ("có 5 bác sĩ", "5 bác sĩ", "bác sĩ"),
        ("3 trung tâm", "3 trung tâm", "trung tâm"),
        ("12 bệnh viện tuyến huyện", "12 bệnh viện", "bệnh viện"),
        ("25 đề tài khoa học", "25 đề tài", "đề tài"),
        ("350 đại biểu tham dự", "350 đại biểu", "đại biểu"),
        ("5 nhiệm vụ trọng tâm", "5 nhiệm vụ", "nhiệm vụ"),
        ("45 sản phẩm OCOP", "45 sản phẩm", "sản phẩm"),
        ("120 nhân viên", "120 nhân viên", "nhân viên"),
        ("8 hội nghị", "8 hội nghị", "hội nghị"),
        ("1.500 ngày công", "1.500 ngày công", "ngày công"),
        ("2 triệu khách du lịch", "2 triệu khách du lịch", "khách du lịch"),
        ("tạo 1.000 việc làm mới", "1.000 việc làm", "việc làm"),
        ("9,5 bác sĩ/vạn dân", "9,5 bác sĩ/vạn dân", "bác sĩ/vạn dân"),
        ("khởi tố 1.369 bị can", "1.369 bị can", "bị can"),
        ("thụ lý 832 vụ án", "832 vụ án", "vụ án"),
        ("cấp 26.400 giấy phép lái xe", "26.400 giấy phép", "giấy phép"),
        ("tổ chức 15 sự kiện văn hóa", "15 sự kiện", "sự kiện"),
        # one word (evals/GUIDELINES.md 4.5): the first syllable is the thing counted
        ("34,5 giường bệnh", "34,5 giường", "giường"),
        ("15 trường học", "15 trường", "trường"),
        ("12 trạm y tế", "12 trạm", "trạm"),
        ("20 lớp học", "20 lớp", "lớp"),
        ("3 cụm công nghiệp", "3 cụm", "cụm"),
        ("5 triệu lượt khách du lịch", "5 triệu lượt", "lượt"),
    ],
)
def test_compound_count_nouns(text: str, surface: str, unit: str) -> None:
    (q,) = find_quantities(text)
    assert (q.text, q.unit, q.kind) == (surface, unit, "count")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a count per base keeps the whole rate (evals/GUIDELINES.md 4.5)
        ("năng suất bình quân 6,4 tấn/ha", "tấn/ha"),
        ("bình quân 17,4 tiêu chí/xã", "tiêu chí/xã"),
        ("đạt 33 giường bệnh/vạn dân", "giường bệnh/vạn dân"),
        ("đạt 150 thuê bao/100 dân", "thuê bao/100 dân"),
        ("năng suất 62 tạ/ha/năm", "tạ/ha/năm"),
        ("bình quân 1,8 giáo viên/lớp", "giáo viên/lớp"),
        # a slash between two places or two kinds of school names alternatives, no rate
        ("có 12 xã/phường đạt chuẩn", "xã"),
        ("có 5 trường/lớp học mới", "trường"),
        ("mỗi tổ 10 người/tổ", "người"),
    ],
)
def test_a_count_per_base_keeps_its_rate(text: str, unit: str) -> None:
    (q,) = find_quantities(text)
    assert (q.unit, q.kind) == (unit, "count")


def test_money_against_the_plan_after_a_slash_is_no_rate() -> None:
    found = find_quantities("ước đạt 68.461 tỷ đồng/KH giao 70.000 tỷ đồng")
    assert [(q.value, q.unit) for q in found] == [(68461e9, "đồng"), (70000e9, "đồng")]
    assert [q.unit for q in find_quantities("44,94 triệu đồng/người")] == ["đồng/người"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("832 vụ án", "giảm 124 vụ", True),
        ("13 tiêu chí/xã", "tăng 1,66 tiêu chí", True),
        ("1.369 bị can", "1.079 bị cáo", False),
        ("44 triệu đồng/người", "44 tỷ đồng", False),
    ],
)
def test_same_counted(a: str, b: str, same: bool) -> None:
    (qa,), (qb,) = find_quantities(a), find_quantities(b)
    assert same_counted(qa, qb) is same


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit", "kind"),
    [
        ("1.120 triệu kWh", "1.120 triệu kWh", 1.12e9, "kWh", "count"),
        ("2,5 tỷ USD", "2,5 tỷ USD", 2.5e9, "USD", "money"),
        ("3 nghìn m2 sàn", "3 nghìn m2", 3000, "m2", "count"),
        ("120 km đường", "120 km", 120, "km", "count"),
        ("300 MW điện", "300 MW", 300, "MW", "count"),
        ("2 nghìn ha rừng", "2 nghìn ha", 2000, "ha", "count"),
        ("1,5 triệu tấn", "1,5 triệu tấn", 1.5e6, "tấn", "count"),
        ("3 triệu m3 nước", "3 triệu m3", 3e6, "m3", "count"),
        ("5.000 km2.", "5.000 km2", 5000, "km2", "count"),
        ("100m2 đất", "100m2", 100, "m2", "count"),
        ("1,2 tỷ kWh", "1,2 tỷ kWh", 1.2e9, "kWh", "count"),
    ],
)
def test_units_after_scale_words(
    text: str, surface: str, value: float, unit: str, kind: str
) -> None:
    (q,) = find_quantities(text)
    assert (q.text, q.value, q.unit, q.kind) == (surface, value, unit, kind)


@pytest.mark.parametrize(
    ("text", "surface", "value", "stated"),
    [
        ("đạt 100% so kế hoạch", "đạt 100% so kế hoạch", 100, 100),
        ("bằng 105% kế hoạch", "bằng 105% kế hoạch", 105, 105),
        ("đạt 98,5% KH", "đạt 98,5% KH", 98.5, 98.5),
        ("vượt 5% chỉ tiêu kế hoạch", "vượt 5% chỉ tiêu kế hoạch", 105, 5),
        ("đạt 101% so chỉ tiêu", "đạt 101% so chỉ tiêu", 101, 101),
        ("đạt 102% so KH năm", "đạt 102% so KH năm", 102, 102),
        ("vượt so kế hoạch 5%", "vượt so kế hoạch 5%", 105, 5),
        ("vượt so với kế hoạch năm 12%", "vượt so với kế hoạch năm 12%", 112, 12),
    ],
)
def test_more_plan_phrases(text: str, surface: str, value: float, stated: float) -> None:
    assert [(q.text, q.value, q.stated, q.kind) for q in find_quantities(text)] == [
        (surface, value, stated, "plan")
    ]


def test_change_against_plan_without_voi_is_not_a_plan() -> None:
    (q,) = find_quantities("tăng 5% so kế hoạch")
    assert (q.value, q.kind) == (5, "percent")


@pytest.mark.parametrize(
    ("text", "surface", "value", "value_max", "unit"),
    [
        ("trồng 800 -1.000ha rừng", "800 -1.000ha", 800, 1000, "ha"),
        ("trồng 800 - 1.000 ha rừng", "800 - 1.000 ha", 800, 1000, "ha"),
        ("giảm 5 - 7%", "5 - 7%", 5, 7, "%"),
        ("15-20 nghìn", "15-20 nghìn", 15000, 20000, None),
        ("15-20 nghìn người", "15-20 nghìn người", 15000, 20000, "người"),
        ("800 - 1.000m2", "800 - 1.000m2", 800, 1000, "m2"),
        ("3 - 5 km", "3 - 5 km", 3, 5, "km"),
    ],
)
def test_ranges_share_the_unit(
    text: str, surface: str, value: float, value_max: float, unit: str | None
) -> None:
    (q,) = find_quantities(text)
    assert (q.text, q.value, q.value_max, q.unit) == (surface, value, value_max, unit)


def test_two_figures_that_are_no_range() -> None:
    # a change from one level to another, a descending pair
    for text in ("tăng từ 5% lên 7%", "giảm từ 10 vụ đến 5 vụ", "đạt 5 tỷ đồng đến 7 tỷ đồng"):
        assert len(find_quantities(text)) == 2, text


def test_descending_pair_is_not_a_range() -> None:
    found = find_quantities("1.000 -800ha")
    assert [(q.value, q.value_max, q.unit) for q in found] == [
        (1000, None, None),
        (800, None, "ha"),
    ]


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("doanh thu đạt hơn sản54 tỷ đồng", "54 tỷ đồng", 54e9, "đồng"),
        ("sản54 tỷ", "54 tỷ", 54e9, None),
        ("tăng5%", "5%", 5, "%"),
    ],
)
def test_number_glued_to_a_word(text: str, surface: str, value: float, unit: str | None) -> None:
    (q,) = find_quantities(text)
    assert (q.text, q.value, q.unit) == (surface, value, unit)


@pytest.mark.parametrize(
    "text",
    [
        "COVID-19 tỷ",
        "Covid-19 triệu",
        "SARS-CoV-2 tỷ",
        "H5N1 triệu",
        "covid19 triệu",
        "sản54 người",  # a counted noun is too weak a cue
        "abc12x tỷ",
        "mã 12tyx",
        "2021-06",
        "2021-06-15",
        "2021/06",
        "2021.06",
        "tháng 2021-12",
        "năm học 2011-12",
        # a map's scale (lexicon cues.map_scale)
        "quy hoạch chi tiết xây dựng tỷ lệ 1/500",
        "tỉ lệ bản đồ 1/2.000",
        # a month of a year, a month's last days
        "vào 12-2018",
        "từ 27 đến 31-12-2018",
        "từ 27 đến 31-12",
        # a network generation, not grams
        "phủ sóng 4G",
    ],
)
def test_codes_and_year_months_are_not_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_a_day_range_of_a_month_hides_no_later_figure() -> None:
    found = find_quantities("Riêng 5 ngày từ 27 đến 31-12-2018 đã có hơn 55.000 khách")
    assert [(q.value, q.value_max) for q in found] == [(5, None), (55000, None)]
    # a share written as a fraction after "tỷ lệ" is still a figure
    assert [(q.value, q.denominator) for q in find_quantities("tỷ lệ 1/3 số xã")] == [(1, 3)]
    # a range of counts is still a range
    assert [(q.value, q.value_max) for q in find_quantities("xử lý 3-12 vụ")] == [(3, 12)]


def test_year_month_does_not_hide_later_figures() -> None:
    found = find_quantities("Ngày 2021-06-15, tỉnh giải ngân 5 tỷ đồng; giai đoạn 2021-2025")
    assert [(q.text, q.value) for q in found] == [("5 tỷ đồng", 5e9)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("21,700 người", 21700, "người"),
        ("hơn 1,250 hộ", 1250, "hộ"),
        ("21,700 lao động", 21700, "lao động"),
        ("21,700 người dân", 21700, "người dân"),
        ("1,250 người/km2", 1.25, "người"),  # a rate may be fractional
        ("1,250 người trên 1 km2", 1.25, "người"),
        ("21,700 tấn", 21.7, "tấn"),  # measures may be fractional
        ("21,700%", 21.7, "%"),
        ("21,70 người", 21.7, "người"),  # not exactly three digits
        ("21,700 nghìn người", 21700, "người"),  # a scale word: a decimal
        ("1.021,700 người", 1021.7, "người"),  # Vietnamese thousands: a decimal
    ],
)
def test_english_thousands_before_whole_count_nouns(text: str, value: float, unit: str) -> None:
    q = find_quantities(text)[0]
    assert (q.value, q.unit) == (value, unit)


# ----------------------------------------------------------------------------- helpers


def test_values_in_includes_ranges_denominators_and_stated_plan() -> None:
    text = "vượt 33,3 % kế hoạch năm; 16/16 chỉ tiêu; từ 26 đến 27 nghìn người; năm 2023"
    assert values_in(text) == {133.3, 33.3, 16.0, 26000.0, 27000.0}


def test_values_in_seed() -> None:
    text = (SEEDS / "004_507032e604b87d50.txt").read_text(encoding="utf-8")
    values = values_in(text)
    assert {9800.0, 604_000.0, 199_500_000_000.0, 1.05} <= values
    assert not values & {2068.0, 2022.0, 2023.0, 68.0, 23.0, 19.0, 26.0, 11.0}


def test_mentions_value() -> None:
    text = "thu nhập đạt 44,94 triệu đồng/người"
    assert mentions_value(text, 44_940_000)
    assert mentions_value(text, 44_940_000.000001, rel_tol=1e-9)
    assert not mentions_value(text, 44.94)


def test_number_strings() -> None:
    assert {"15.325", "15325", "15,325 nghìn"} <= number_strings(15325)
    assert "15.325 nghìn" not in number_strings(15325)
    assert {"67,7", "67.7"} <= number_strings(67.7)
    assert {"4", "04"} <= number_strings(4)
    assert {"5,3 tỷ", "5,3 tỉ", "5.300 triệu", "5.300.000.000"} <= number_strings(5.3e9)
    assert {"22 nghìn", "22 ngàn", "22.000"} <= number_strings(22000)
    assert "1,5 nghìn tỷ" in number_strings(1.5e12)
    assert number_strings(float("nan")) == set() == number_strings(-1)


@pytest.mark.parametrize("value", [15325, 67.7, 4, 5.3e9, 22000, 44_940_000, 0.53, 1_000_000])
def test_number_strings_parse_back(value: float) -> None:
    for spelling in number_strings(value):
        assert mentions_value(f"có {spelling} người", value), spelling


# ----------------------------------------------------------------------------- properties


def _dotted(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@given(st.integers(min_value=0, max_value=10**15))
def test_dotted_integers_round_trip(n: int) -> None:
    assert parse_number(_dotted(n)) == n
    found = find_quantities(f"đạt {_dotted(n)} người")
    assert [(q.value, q.unit) for q in found] == [(float(n), "người")]


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=10**6))
def test_comma_decimals_round_trip(whole: int, frac: int) -> None:
    frac_digits = str(frac)
    expected = float(Decimal(f"{whole}.{frac_digits}"))
    assert parse_number(f"{whole},{frac_digits}") == expected
    assert parse_number(f"{_dotted(whole)},{frac_digits}") == expected
    (q,) = find_quantities(f"tỷ lệ {_dotted(whole)},{frac_digits}%")
    assert (q.value, q.unit, q.kind) == (expected, "%", "percent")


def _check_spans(text: str) -> None:
    for q in find_quantities(text):
        assert 0 <= q.start <= q.num_start < q.num_end <= q.end <= len(text)
        assert text[q.start : q.end] == q.text


@settings(max_examples=300)
@given(st.text())
def test_random_text_never_raises(text: str) -> None:
    _check_spans(text)
    values_in(text)


_PIECES = st.sampled_from(
    [" ", "  ", "\u00a0", "\n", ".", ",", "%", "/", "-", ":", "–", "0", "1", "05", "2023", "15.325",
     "3,5", "hơn", "trên", "dưới", "khoảng", "từ", "đến", "nghìn", "tỷ", "đồng", "người",
     "lao động", "kế hoạch", "đạt", "vượt", "năm", "ngày", "số", "Kế hoạch", "trở lên", "a",
     "COVID", "e\u0301", "(", ")"]
)  # fmt: skip


@settings(max_examples=500)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_numeric_soup_never_raises(text: str) -> None:
    _check_spans(text)
    _check_spans(unicodedata.normalize("NFD", text))


def test_huge_and_odd_inputs() -> None:
    for text in ["9" * 5000, "1" + "0" * 400 + " tỷ đồng", "٣٤ người", "1.5.6.7", "0/0", "1e5"]:
        _check_spans(text)
    assert find_quantities("9" * 5000) == []


# ----------------------------------------------------------------------------- performance


def test_one_megabyte_is_fast() -> None:
    article = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    text = (article * (1_000_000 // len(article) + 1))[:1_000_000]
    t0 = time.perf_counter()
    found = find_quantities(text)
    elapsed = time.perf_counter() - t0
    assert len(found) > 5000
    assert elapsed < 3.0, elapsed
