"""The document the rules passes share (extractor/strategies/rules/doc.py): NFC text, the
offset map back to the original, spans and year mentions computed once."""

from __future__ import annotations

import unicodedata

from extractor.rules import candidates, extract_rules, extract_rules_traced
from extractor.strategies.rules import (
    Document,
    candidates_of,
    detect_years,
    find_awards,
    find_officials,
    find_title,
)
from extractor.strategies.rules.awards import awards_of
from extractor.strategies.rules.header import title_of
from extractor.strategies.rules.officials import officials_of
from extractor.strategies.rules.years import years_of

TEXT = (
    "Ngành Y tế tỉnh Hòa Bình tổng kết năm 2023\n"
    "Năm 2023, tỷ lệ tiêm chủng đầy đủ đạt 98,5%. Năm 2024, phấn đấu đạt 99%.\n"
    "Giám đốc Sở Y tế Nguyễn Văn An trao Bằng khen của UBND tỉnh cho 5 tập thể."
)


def test_nfc_text_and_offsets_back_to_the_original() -> None:
    nfd = unicodedata.normalize("NFD", TEXT)
    doc = Document(nfd)
    assert not doc.is_verbatim and doc.text == TEXT and doc.original == nfd
    assert len(doc.offsets) == len(doc.text) + 1 and doc.offsets[-1] == len(nfd)
    start = doc.text.index("tỷ lệ")
    quote = doc.text[start : start + len("tỷ lệ tiêm chủng")]
    back = doc.original_quote(quote)
    assert back != quote and unicodedata.normalize("NFC", back) == quote
    assert back == nfd[doc.offsets[start] : doc.offsets[start + len(quote)]]
    same = Document(TEXT)
    assert same.is_verbatim and same.original_quote(quote) == quote


def test_spans_and_year_mentions_are_computed_once() -> None:
    doc = Document(TEXT)
    assert doc.spans is doc.spans and doc.year_mentions is doc.year_mentions
    assert [ym.year for ym in doc.year_mentions] == [2023, 2023, 2024]
    assert len(doc.spans.sents) >= 3


def test_the_passes_over_a_document_match_the_text_functions() -> None:
    for text in (TEXT, unicodedata.normalize("NFD", TEXT)):
        doc = Document(text)
        nfc = unicodedata.normalize("NFC", text)
        assert years_of(doc) == detect_years(nfc) == (2023, 2024)
        assert candidates_of(doc) == candidates(text)
        assert awards_of(doc) == find_awards(nfc)
        assert officials_of(doc) == find_officials(nfc)
        assert title_of(doc) == find_title(nfc) == "Ngành Y tế tỉnh Hòa Bình tổng kết năm 2023"
    assert "award_mentions" in doc.memo and "title_span" in doc.memo


def test_evidence_quotes_the_text_as_given() -> None:
    nfd = unicodedata.normalize("NFD", TEXT)
    report, traces = extract_rules_traced(nfd)
    assert report == extract_rules(nfd)
    assert [m.value for m in report.achievements] == [98.5]
    assert [m.value for m in report.targets] == [99]
    assert [(a.award, a.recipient) for a in report.awards] == [("Bằng khen", "5 tập thể")]
    assert [o.name for o in report.officials] == ["Nguyễn Văn An"]
    for item in [*report.achievements, *report.targets, *report.awards]:
        assert item.evidence in nfd and item.evidence not in TEXT
    assert traces["achievements"][0][-1] == "label: năm 2023"


def test_a_year_long_past_names_an_event_not_a_figure_year() -> None:
    text = (
        "Năm 2020, Khu di tích QGĐB Địa điểm Chiến thắng Biên giới năm 1950 (Thạch An) đón "
        "tiếp 471 đoàn."
    )
    kinds = {ym.year: ym.kind for ym in Document(text).year_mentions}
    assert kinds == {2020: "plain", 1950: "history"}
    # ... so the figure after it is the reviewed year's, not another year's
    assert [c.value for c in candidates(text, report_year=2020)] == [471]


def test_a_crop_season_is_dated_by_its_harvest_year() -> None:
    text = "Vụ Đông - Xuân 2023-2024, ngành nông nghiệp đặt chỉ tiêu trồng trọt 11.397,2ha."
    assert [(ym.year, ym.kind) for ym in Document(text).year_mentions] == [(2024, "plain")]
    # ... so in a review of 2023 the season's figures are the plan's
    text = "Năm 2023, tổng diện tích gieo trồng 110.996 ha. " + text
    got = candidates(text, report_year=2023, plan_year=2024)
    assert [(c.value, c.label) for c in got] == [(110_996, "achievement"), (11_397.2, "target")]


def test_a_crop_season_year_is_no_figure_and_dates_its_sentence_only() -> None:
    # a January-2018 review of 2017 that names "Vụ xuân 2018": the year is not a count
    # ("2018 tiếp"), its figures are the season's, and the next sentence is the review's again
    text = (
        "Ngày 25-1-2018, Sở tổng kết năm 2017, triển khai nhiệm vụ năm 2018. "
        "Vụ xuân 2018 tiếp tục được mùa với năng suất 69,4 tạ/ha. "
        "Sản lượng thủy sản cả năm đạt 138.303 tấn."
    )
    got = [(c.value, c.label, c.cue) for c in candidates(text, report_year=2017, plan_year=2018)]
    assert got == [
        (2018, "skip", "year"),
        (69.4, "target", "năm 2018"),
        (138_303, "achievement", "default"),
    ]
    assert [ym.season for ym in Document(text).year_mentions] == [False, False, True]
    # ... unless the next sentence details the season ("Cụ thể, ...")
    text = (
        "Năm 2023, tổng diện tích gieo trồng 110.996 ha. Vụ Đông - Xuân 2023-2024, ngành nông "
        "nghiệp đặt chỉ tiêu trồng trọt 11.397,2ha. Cụ thể, diện tích lúa 6.838,3ha."
    )
    got = candidates(text, report_year=2023, plan_year=2024)
    assert [(c.value, c.label) for c in got][-1] == (6838.3, "target")


def test_runs_of_spaces_and_invisible_characters_read_as_one_plain_space() -> None:
    # Pages carry double spaces, tabs, no-break spaces and zero-width characters: the rules
    # read the same figures as in the plain text, and evidence still quotes the original.
    messy = TEXT.replace(" ", "  ").replace("98,5%", "98\u200b,5\u00a0%").replace("tỷ lệ", "tỷ\tlệ")
    doc = Document(messy)
    assert doc.text == TEXT.replace("98,5%", "98,5 %") and not doc.is_verbatim
    assert len(doc.offsets) == len(doc.text) + 1 and doc.offsets[-1] == len(messy)
    plain = extract_rules(TEXT.replace("98,5%", "98,5 %"))
    report = extract_rules(messy)
    assert [(m.value, m.indicator) for m in report.achievements + report.targets] == [
        (m.value, m.indicator) for m in plain.achievements + plain.targets
    ]
    assert report.achievements and all(m.evidence in messy for m in report.achievements)
    assert Document(TEXT).is_verbatim and Document(TEXT).offsets == []


def test_a_line_break_inside_a_sentence_reads_as_a_space() -> None:
    # A caption or a text wrapped at a fixed width breaks lines inside a sentence: the next
    # line starts in lower case and the line before ends without a closing mark.
    wrapped = (
        "Sở Y tế tổng kết công tác năm 2023\n"
        "Năm 2023, tỷ lệ trẻ em dưới 1 tuổi được\ntiêm chủng đầy đủ đạt 98,5%.\n"
        "Giám đốc Sở trao Giấy khen\ncho 12 tập thể có thành tích xuất sắc."
    )
    doc = Document(wrapped)
    assert doc.text == (
        "Sở Y tế tổng kết công tác năm 2023\n"
        "Năm 2023, tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt 98,5%.\n"
        "Giám đốc Sở trao Giấy khen cho 12 tập thể có thành tích xuất sắc."
    )
    report = extract_rules(wrapped)
    assert [m.indicator for m in report.achievements if m.value == 98.5] == [
        "tỷ lệ trẻ em dưới 1 tuổi được tiêm chủng đầy đủ"
    ]
    assert report.achievements[0].evidence in wrapped
    assert [a.recipient for a in report.awards] == ["12 tập thể"]
    # a headline, a dated line, an item or a sentence after a full stop keeps its line
    for kept in (
        "Tổng kết năm 2023\nSáng 12/1, Sở",
        "Đạt 95%.\ntiếp theo",
        "gồm:\n- tiêm",
        "A\n12/1",
    ):
        assert Document(kept).text == kept


def test_a_text_wrapped_at_a_fixed_width_reads_as_its_paragraphs() -> None:
    # copied from a PDF or an e-mail: breaks after lines of 60-120 characters with no
    # closing mark are inside sentences, whatever the next line starts with
    import textwrap

    para = (
        "Năm 2023, ngành Tư pháp đã tham mưu ban hành 35 văn bản quy phạm pháp luật; thẩm "
        "định 120 dự thảo văn bản. Toàn tỉnh có 2.050 tổ hòa giải với 12.300 hòa giải viên. "
        "Trung tâm Trợ giúp pháp lý Nhà nước tỉnh Hà Giang đã thực hiện 420 vụ việc trợ giúp "
        "pháp lý, tăng 15% so với năm 2022. Công tác hộ tịch được thực hiện theo đúng quy định, "
        "đăng ký khai sinh cho 18.500 trường hợp và đăng ký kết hôn cho 6.200 cặp vợ chồng."
    )
    wrapped = "\n".join(textwrap.wrap(para, 70))
    assert Document(wrapped).text == para
    plain = extract_rules(para)
    got = extract_rules(wrapped)
    assert [(m.value, m.indicator) for m in got.achievements] == [
        (m.value, m.indicator) for m in plain.achievements
    ]
    # the items of a list keep their lines
    items = "\n".join(
        [
            "Các chỉ tiêu chủ yếu của ngành Tư pháp năm 2024 được hội nghị thống nhất",
            *(f"{i}. Chỉ tiêu thứ {i} của ngành Tư pháp tỉnh trong năm 2024 là đạt {i}0 vụ việc"
              for i in range(1, 7)),
        ]
    )  # fmt: skip
    assert Document(items).text == items
