"""extractor.text: sentence and paragraph spans."""

from __future__ import annotations

import pytest

from extractor.text import paragraphs, sentences


def _split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Năm 2020 tốt. Năm 2021 tốt hơn.", ["Năm 2020 tốt.", "Năm 2021 tốt hơn."]),
        # decimal commas and thousands dots never split
        ("Đạt 15.325 người, 67,7%. Tiếp theo.", ["Đạt 15.325 người, 67,7%.", "Tiếp theo."]),
        # an abbreviation's dot ends no sentence
        ("Phó Chủ tịch UBND TP. Hải Phòng phát biểu. Xong.",
         ["Phó Chủ tịch UBND TP. Hải Phòng phát biểu.", "Xong."]),
        ("Ông TS. Nguyễn Văn A phát biểu.", ["Ông TS. Nguyễn Văn A phát biểu."]),
        ("Dòng một\nDòng hai", ["Dòng một", "Dòng hai"]),
        # a full stop that lost its space, between a lower-case word and a capitalised one
        ("Tư vấn pháp luật.Các Hội luật gia nhận Bằng khen.",
         ["Tư vấn pháp luật.", "Các Hội luật gia nhận Bằng khen."]),
        # ... but not in a city's short name or a domain
        ("UBND TP.HCM và Tp.Hồ Chí Minh; báo baochinhphu.vn đưa tin.",
         ["UBND TP.HCM và Tp.Hồ Chí Minh; báo baochinhphu.vn đưa tin."]),
    ],
)  # fmt: skip
def test_sentences(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_paragraphs_skip_blank_lines() -> None:
    text = "Một.\n\n  \nHai."
    assert [text[a:b] for a, b in paragraphs(text)] == ["Một.", "Hai."]


def test_invisible_characters_read_as_nothing() -> None:
    from extractor.text import has_invisible, normalize, normalize_with_map

    text = "Đạt 15\u200b.325 người,\u00ad 67,7\ufeff%"
    assert has_invisible(text) and not has_invisible("Đạt 15.325 người")
    assert normalize(text) == "Đạt 15.325 người, 67,7%"
    work, offsets = normalize_with_map(text)
    assert work == "Đạt 15.325 người, 67,7%"
    assert [text[o] for o in offsets] == list(work)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sáng 3/1/2019, Công an tỉnh tổ chức hội nghị tổng kết.", {2018}),  # January: year before
        ("Ngày 26-11-2022, Sở tổng kết công tác năm.", {2022}),  # from October: that year
        ("Ngày 15/6/2023 Sở sơ kết 6 tháng.", set()),  # mid-year dates review no year
        ("Quyết định 1130/QĐ-UBND năm 2018", set()),  # a document number is no date
    ],
)  # fmt: skip
def test_years_reviewed_by_dates(text: str, expected: set[int]) -> None:
    from extractor.text import years_reviewed_by_dates

    assert years_reviewed_by_dates(text) == expected
