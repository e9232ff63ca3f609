"""Grounding: quote alignment (offsets into the original source) and metric support."""

from __future__ import annotations

import time
import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.grounding import (
    FUZZY_THRESHOLD,
    _normalize_with_map_fast,
    align,
    fold_keep_length,
    ground_report,
)
from extractor.models import Award, Metric, Official, SectorReport
from extractor.text import normalize, normalize_with_map

SOURCE = (
    "Hội nghị tổng kết công tác năm 2021, triển khai nhiệm vụ năm 2022 của ngành nông nghiệp.\n"
    "Dự hội nghị có đồng chí Trần Văn Bình, Phó Chủ tịch UBND tỉnh.\n"
    "Năm 2021, toàn ngành đã hỗ trợ sinh kế cho 12.480 hộ (vượt 24,5 % kế hoạch năm), tỷ lệ "
    "hộ dân nông thôn dùng nước sạch đạt 91,3%; trồng mới 1.250 ha rừng tập trung (đạt 104,2% "
    "kế hoạch); Quỹ “Vì người nghèo” vận động được hơn 3,2 tỷ đồng.\n"
    "Năm 2022, ngành phấn đấu trồng mới từ 1.300 đến 1.400 ha rừng; nâng tỷ lệ hộ dân nông "
    "thôn dùng nước sạch lên 93%.\n"
    "Nhân dịp này, Sở được nhận Cờ thi đua xuất sắc của Bộ trưởng Bộ Nông nghiệp và Phát "
    "triển nông thôn."
)


def metric(value: float, evidence: str, **kw: Any) -> Metric:
    return Metric(indicator=kw.pop("indicator", "x"), value=value, evidence=evidence, **kw)


# --------------------------------------------------------------------------- align


def test_exact_match_returns_original_span() -> None:
    quote = "trồng mới 1.250 ha rừng tập trung"
    a = align(quote, SOURCE)
    assert a.method == "exact" and a.score == 1.0
    assert SOURCE[a.start : a.end] == quote


def test_surrounding_whitespace_in_quote_is_ignored() -> None:
    a = align("  Trần Văn Bình \n", SOURCE)
    assert a.method == "exact"
    assert SOURCE[a.start : a.end] == "Trần Văn Bình"


def test_nfd_source_nfc_quote_is_normalized_match() -> None:
    nfd = unicodedata.normalize("NFD", SOURCE)
    quote = "tỷ lệ hộ dân nông thôn dùng nước sạch đạt 91,3%"
    assert nfd.find(quote) == -1
    a = align(quote, nfd)
    assert a.method == "normalized"
    assert unicodedata.normalize("NFC", nfd[a.start : a.end]) == quote


def test_nfc_source_nfd_quote_is_normalized_match() -> None:
    quote = "Cờ thi đua xuất sắc"
    a = align(unicodedata.normalize("NFD", quote), SOURCE)
    assert a.method == "normalized"
    assert SOURCE[a.start : a.end] == quote


def test_extra_whitespace_and_straight_quotes() -> None:
    quote = 'Quỹ  "Vì người nghèo"\tvận động được hơn 3,2 tỷ đồng'
    a = align(quote, SOURCE)
    assert a.method == "normalized"
    assert SOURCE[a.start : a.end] == "Quỹ “Vì người nghèo” vận động được hơn 3,2 tỷ đồng"


def test_whitespace_runs_and_nbsp_in_source() -> None:
    source = "Mở đầu.\n  Tổng số lao động tăng thêm:\u00a0 16.341  người\n(đạt 105,4% kế hoạch)."
    a = align("Tổng số lao động tăng thêm: 16.341 người (đạt 105,4% kế hoạch)", source)
    assert a.method == "normalized"
    assert source[a.start : a.end] == (
        "Tổng số lao động tăng thêm:\u00a0 16.341  người\n(đạt 105,4% kế hoạch)"
    )


def test_fuzzy_match_with_a_dropped_word() -> None:
    quote = "toàn ngành đã hỗ trợ cho 12.480 hộ (vượt 24,5 % kế hoạch năm)"  # 'sinh kế' dropped
    a = align(quote, SOURCE)
    assert a.method == "fuzzy"
    assert FUZZY_THRESHOLD <= a.score < 1.0
    assert SOURCE[a.start : a.end] == (
        "toàn ngành đã hỗ trợ sinh kế cho 12.480 hộ (vượt 24,5 % kế hoạch năm)"
    )


def test_fuzzy_match_in_nfd_source_maps_back_to_original() -> None:
    nfd = unicodedata.normalize("NFD", SOURCE)
    b = align("ngành phấn đấu trồng từ 1.300 đến 1.400 ha rừng", nfd)
    assert b.method == "fuzzy"
    got = unicodedata.normalize("NFC", nfd[b.start : b.end])
    assert got == "ngành phấn đấu trồng mới từ 1.300 đến 1.400 ha rừng"


def test_quote_without_diacritics_is_not_accepted() -> None:
    a = align("toan nganh da ho tro sinh ke cho 12.480 ho", SOURCE)
    assert a.method == "not_found"
    assert a.start is None and a.end is None
    assert 0.0 < a.score < FUZZY_THRESHOLD


@pytest.mark.parametrize(
    "quote",
    [
        "Hội đồng nhân dân tỉnh thông qua nghị quyết về dự toán ngân sách năm 2022",
        "Nguyễn Thị Lan",
        "",
        "   ",
    ],
)
def test_not_found(quote: str) -> None:
    a = align(quote, SOURCE)
    assert a.method == "not_found"
    assert (a.start, a.end) == (None, None)
    assert a.score < FUZZY_THRESHOLD


def test_empty_source() -> None:
    assert align("abc", "").method == "not_found"


def test_paraphrase_is_not_accepted() -> None:
    quote = "ngành trồng thêm được 1.250 ha rừng, vượt chỉ tiêu đề ra"
    assert align(quote, SOURCE).method == "not_found"


@settings(max_examples=60, deadline=None)
@given(
    pre=st.text(alphabet=" \n\t\u00a0abcđêơ.,", max_size=12),
    gap=st.sampled_from([" ", "  ", "\n", "\u00a0", " \t "]),
    i=st.integers(min_value=0, max_value=4),
)
def test_offsets_always_index_the_original(pre: str, gap: str, i: int) -> None:
    words = SOURCE.split("\n")[i].split(" ")
    source = pre + gap.join(words) + pre
    quote = " ".join(words[1:-1])
    a = align(quote, source)
    assert a.method in ("exact", "normalized")
    assert normalize(source[a.start : a.end]) == normalize(quote)


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=" \n\t\u00a0\u201c\u201d\u2013aàáảãạăđêếềơớưự0123456789.,%", max_size=60))
def test_fast_normalize_map_equals_reference(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    assert _normalize_with_map_fast(nfc) == normalize_with_map(nfc)
    assert _normalize_with_map_fast(text) == normalize_with_map(text)


def test_fold_keep_length() -> None:
    text = "Đạt 105,4%  KẾ HOẠCH"
    folded = fold_keep_length(text)
    assert folded == "dat 105,4%  ke hoach"
    assert len(folded) == len(unicodedata.normalize("NFC", text))


def test_large_source_is_fast() -> None:
    lines = [
        f"Đơn vị số {i} đã hỗ trợ {i * 7 + 3}.{i % 1000:03d} hộ dân, đạt {50 + i % 50},{i % 10}% "
        f"kế hoạch của xã {i}; tỷ lệ hộ dùng nước sạch đạt {i % 100},{i % 7}%."
        for i in range(12000)
    ]
    source = "\n".join(lines)
    assert len(source) > 1_000_000
    quotes = []
    for k in range(100):
        words = lines[(k * 119) % len(lines)].split(" ")
        if k % 2:
            del words[4]  # force the fuzzy path
        quotes.append(" ".join(words))
    start = time.perf_counter()
    found = [align(q, source) for q in quotes]
    elapsed = time.perf_counter() - start
    assert all(a.method != "not_found" for a in found)
    for k, a in enumerate(found):
        assert source[a.start : a.end] == lines[(k * 119) % len(lines)]
    assert elapsed < 6.0, elapsed  # ~1 s on one idle core; generous for shared CI


def test_ground_report_order_and_spans() -> None:
    report = SectorReport(
        officials=[Official(name="Trần Văn Bình", title="Phó Chủ tịch UBND tỉnh")],
        achievements=[
            metric(12480, "hỗ trợ sinh kế cho 12.480 hộ"),
            metric(91.3, "tỷ lệ hộ nông thôn dùng nước sạch đạt 91,3%"),
        ],
        targets=[metric(93, "lên 93%")],
        awards=[Award(award="Cờ thi đua xuất sắc", recipient="Sở", evidence="Không có ở đây")],
    )
    g = ground_report(report, SOURCE)
    assert [(x.field, x.index) for x in g] == [
        ("officials", 0),
        ("achievements", 0),
        ("achievements", 1),
        ("targets", 0),
        ("awards", 0),
    ]
    assert SOURCE[g[0].start : g[0].end] == "Trần Văn Bình"
    assert g[1].method == "exact"
    assert g[2].method == "fuzzy"
    assert "dùng nước sạch đạt 91,3%" in SOURCE[g[2].start : g[2].end]
    assert g[3].method == "exact"
    assert g[4].method == "not_found" and g[4].start is None


def test_fuzzy_never_accepts_a_different_figure() -> None:
    # close wording, different figure: the quote is not in the text
    a = align("toàn ngành đã hỗ trợ sinh kế cho 12.840 hộ (vượt 24,5 % kế hoạch năm)", SOURCE)
    assert a.method == "not_found"
    b = align("tỷ lệ hộ dân nông thôn dùng nước sạch đạt", SOURCE + " ")  # exact
    assert b.method == "exact"
    c = align("tỷ lệ hộ dân nông thôn dùng sạch đạt 91,4%", SOURCE)
    assert c.method == "not_found"


def test_fuzzy_span_keeps_the_quote_edges() -> None:
    # the dropped word splits 'nước sạch'; the span still ends at the quote's last word
    a = align("nâng tỷ lệ hộ dân nông thôn dùng nước lên 93%", SOURCE)
    assert a.method == "fuzzy"
    assert SOURCE[a.start : a.end] == "nâng tỷ lệ hộ dân nông thôn dùng nước sạch lên 93%"
    b = align("Quỹ “Vì người nghèo” vận động hơn 3,2 tỷ đồng", SOURCE)
    assert b.method == "fuzzy"
    assert SOURCE[b.start : b.end] == "Quỹ “Vì người nghèo” vận động được hơn 3,2 tỷ đồng"
