"""The indicator noun-phrase rules of :mod:`extractor.indicators` and their effect on the
candidates of :mod:`extractor.rules`."""

from __future__ import annotations

import re

import pytest

from extractor.indicators import (
    ends_with_apposition,
    ends_with_linking_verb,
    noun_after,
    strip_actor,
    strip_time,
    table_row,
)
from extractor.rules import candidates


def _after(text: str, figure: str) -> str:
    """The noun phrase after ``figure``, bounded (as in the rules) by the next figure."""
    start = text.index(figure) + len(figure)
    nxt = re.search(r"\d", text[start:])
    limit = start + nxt.start() if nxt else len(text)
    return noun_after(text, start, limit, next_figure=nxt is not None)


def test_a_pair_written_with_a_comma_does_not_end_the_clause() -> None:
    # "phòng, chống" is one name (lexicon comma_compounds): the clause before the figure is
    # not cut inside it
    text = (
        "Năm 2024, sở đã chỉ đạo tổ chức lễ phát động toàn dân tập luyện môn bơi phòng, chống "
        "đuối nước, thu hút gần 78.000 người tham gia."
    )
    c = _by_value(text, 78000)
    assert not c.indicator.startswith("chống")
    assert "lễ phát động toàn dân tập luyện môn bơi" in c.indicator
    # ... nor inside "các sở, ngành" ("sở, ban, ngành")
    text = (
        "Năm 2024, Hội tổ chức tập huấn về nghiệp vụ công tác Hội và phối hợp với các sở, "
        "ngành cho 273 cán bộ."
    )
    assert _by_value(text, 273).indicator.startswith("tổ chức tập huấn")
    # ... nor inside the loans' purpose "tạo việc làm, duy trì và mở rộng việc làm"
    text = (
        "Năm 2020, đã giải ngân cho vay tạo việc làm, duy trì và mở rộng việc làm cho 18.113 lao "
        "động."
    )
    assert _by_value(text, 18113).indicator == (
        "giải ngân cho vay tạo việc làm, duy trì và mở rộng việc làm"
    )


@pytest.mark.parametrize(
    ("text", "figure", "phrase"),
    [
        # a list of nouns joined by commas stays whole
        ("toàn tỉnh có 636 ấp, khóm đạt chuẩn văn hóa, với hơn 230 ngàn hộ", "636",
         "ấp, khóm đạt chuẩn văn hóa"),
        ("hỗ trợ 5 đơn vị, doanh nghiệp tham gia gian hàng.", "5",
         "đơn vị, doanh nghiệp tham gia gian hàng"),
        # "tổ chức" after a peer noun is an organisation, not the verb "organise"
        ("100% các đơn vị, tổ chức thực hiện giao dịch điện tử.", "100",
         "% các đơn vị, tổ chức thực hiện giao dịch điện tử"),
        ("hỗ trợ 120 hội viên, tổ chức hội nghị tập huấn", "120", "hội viên"),
        # "đạt" before a figure ends the phrase, "đạt chuẩn" does not
        ("có 13 trường đạt chuẩn quốc gia, đạt 85%", "13", "trường đạt chuẩn quốc gia"),
        # the next clause with a figure of its own is not taken
        ("trồng mới 500 ha rừng, tỷ lệ che phủ rừng duy trì ở mức 65%", "500",
         "ha rừng"),
        # a verb of the next clause stops it
        ("giải quyết việc làm cho 26.742 người, tăng 5% so với năm trước", "26.742", "người"),
        # a quotation that closes ends it; a quoted name inside it does not
        ("nâng tổng số lên 71 cơ sở”, ông Vũ cho biết", "71", "cơ sở"),
        ("có 5 gia đình đạt danh hiệu “Gia đình văn hóa”, khu dân cư", "5",
         "gia đình đạt danh hiệu “Gia đình văn hóa”, khu dân cư"),
        # "với các ..." is the partner of what is counted, "với số tiền" another item
        ("có 1.784 ha liên kết với các doanh nghiệp để bao tiêu", "1.784",
         "ha liên kết với các doanh nghiệp"),
        ("hỗ trợ 200 hộ với số tiền 2 tỷ đồng", "200", "hộ"),
        # a place or scope with a figure of its own is not part of the phrase
        ("giải quyết được 56 ngàn hồ sơ ở 3 lĩnh vực đất đai, môi trường", "56", "ngàn hồ sơ"),
        # after a comma, the words that run into the next figure are that figure's
        ("cắt giảm 220 biên chế, tinh giản đối với 101 cán bộ", "220", "biên chế"),
        ("giảm 126 phòng, ban thuộc các đơn vị; tinh giản biên chế 412 người", "126",
         "phòng, ban thuộc các đơn vị"),
        # a stop word inside a name is part of it (lexicon indicator_cues.names_over_stops) ...
        ("có 35 xã đạt chuẩn nông thôn mới nâng cao", "35", "xã đạt chuẩn nông thôn mới nâng cao"),
        ("có 7 xã NTM nâng cao, 2 xã NTM kiểu mẫu", "7", "xã NTM nâng cao"),
        # a verb after a comma opens the next clause, also with no figure of its own
        ("tặng hơn 1.000 xuất quà Tết, trao tặng hàng trăm xuất học bổng", "1.000", "xuất quà Tết"),
        # ... and nowhere else: "nâng" still opens the next clause
        ("có 35 xã đạt chuẩn, nâng tổng số xã lên 120", "35", "xã đạt chuẩn"),
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


def test_a_byline_before_a_bar_is_no_table_row() -> None:
    # a paragraph that runs on after "T.NGUYÊN - V.LỘC |" is text, not a cell of a table
    text = (
        "T.NGUYÊN - V.LỘC | Theo báo cáo của Sở VH-TT&DL, trong năm 2017, tổng lượt khách "
        "tham quan, lưu trú trên địa bàn tỉnh ước đạt 5,3 triệu lượt."
    )
    assert table_row(text, text.index("5,3")) is None


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
        # over the word cap: cut back to the last "và", not inside "đề ra"
        ("Năm 2023, 16/16 chỉ tiêu, nhiệm vụ tỉnh giao đều hoàn thành và hoàn thành trước thời "
         "hạn đề ra.", 16, "chỉ tiêu nhiệm vụ tỉnh giao đều hoàn thành",
         "indicator.capped_at_boundary"),
        # ... but a comparison that ends the label is kept whole, its year with it
        ("Năm 2020, đưa lao động đi làm việc ở nước ngoài theo hợp đồng là 235 người (vượt 17,5% "
         "so với kế hoạch năm, tăng 17% so với năm 2019).", 17,
         "đưa lao động đi làm việc ở nước ngoài theo hợp đồng tăng so với năm 2019",
         "indicator.change_of_previous"),
        # the comparison base written before the change verb
        ("Năm 2020, tổng số người tham gia BHXH, BHYT là 1.114.100 người, đạt 100,09% kế hoạch "
         "năm được giao, so với năm 2019 tăng 3,6%.", 3.6,
         "tổng số người tham gia BHXH, BHYT tăng so với năm 2019",
         "indicator.comparison_before_change"),
        # a bare share of a whole after a count: the count's share
        ("Năm 2020, toàn tỉnh có hơn 1,3 triệu người tham gia BHYT, đạt 92,4% dân số toàn tỉnh.",
         92.4, "tỷ lệ người tham gia BHYT", "indicator.share_of_previous"),
        # a level in brackets, after a clause opened by its verb: the clause names it
        ("Năm 2022, các địa phương đã kiểm soát các ổ dịch, tăng tỷ lệ chăn nuôi lợn hình thức "
         "trang trại (trên 60% tổng đàn).", 60, "tỷ lệ chăn nuôi lợn hình thức trang trại",
         "indicator.change_in_aside"),
        # a programme, fund or campaign before "đã" names what is measured, not who acts
        ("Năm 2020, Chương trình Tết Vì người nghèo đã vận động được 74,4 tỷ đồng.", 74.4e9,
         "chương trình Tết Vì người nghèo vận động", "indicator.clause_before"),
        # a change counted in "người" of a level counting a kind of person: that level's
        ("Năm 2020, toàn tỉnh có 318.654 lao động tham gia BHXH, tăng 27.743 người so với năm "
         "2019.", 27743, "lao động tham gia BHXH tăng", "indicator.change_of_previous"),
        # a change counted in the noun its level already ends with names it once
        ("Năm 2020, tổng số hội viên là 7.110 hội viên, tăng 310 hội viên.", 310,
         "tổng số hội viên tăng", "indicator.change_of_previous"),
        # a change in the unit of the level before it: that level's change
        ("Năm 2022, tổng diện tích dồn điền đổi thửa toàn tỉnh đạt trên 6.336 ha (tăng thêm trên "
         "1.960 ha so với năm 2021).", 1960,
         "tổng diện tích dồn điền đổi thửa tăng thêm so với năm 2021",
         "indicator.change_of_previous"),
        # a count in brackets after "là lĩnh vực ...": the things counted, of that field
        ("Năm 2020, triển khai 24 nhiệm vụ khoa học mới. Trong đó chủ yếu là lĩnh vực khoa học "
         "nông nghiệp (21 đề tài, 8 dự án).", 21, "đề tài lĩnh vực khoa học nông nghiệp",
         "indicator.count_of_aside_complement"),
        # a measure head before short coordinated nouns governs them all
        ("Năm 2023, tỷ lệ người tham gia thể dục, thể thao thường xuyên đạt 29%.", 29,
         "tỷ lệ người tham gia thể dục, thể thao thường xuyên", "indicator.head_over_commas"),
        ("Năm 2020, tỷ lệ các đô thị, khu công nghiệp, cụm công nghiệp xử lý chất thải rắn, "
         "nước thải đạt tiêu chuẩn đạt 90%.", 90,
         "tỷ lệ các đô thị, khu công nghiệp, cụm công nghiệp xử lý chất thải rắn",
         "indicator.head_over_commas"),
        # (a short last item before its linking verb is rejoined first)
        ("Năm 2017, phấn đấu giá trị sản xuất trồng trọt, chăn nuôi tăng 4% so với năm 2016.", 4,
         "giá trị sản xuất trồng trọt, chăn nuôi tăng", "indicator.comma_list_rejoined"),
        # ("nông, lâm, ngư nghiệp" is one name: lexicon comma_compounds)
        ("Năm 2017, phấn đấu giá trị sản xuất nông, lâm, ngư nghiệp tăng 4% so với năm 2016.", 4,
         "giá trị sản xuất nông, lâm, ngư nghiệp tăng", "indicator.clause_before"),
        # a verb phrase with no linking verb before a count: the thing counted joins it
        ("Năm 2019, toàn tỉnh đã thực hiện tinh giản 461 biên chế.", 461,
         "tinh giản biên chế", "indicator.clause_and_counted_noun"),
        # ... but not a generic person unit
        ("Năm 2019, toàn tỉnh đã giải quyết việc làm mới 461 người.", 461,
         "giải quyết việc làm mới", "indicator.clause_before"),
        # "với các ..." names the partner of what is counted, and hectares are an area
        ("Năm 2023, có hơn 1.784 ha liên kết với các doanh nghiệp để bao tiêu sản phẩm.", 1784,
         "diện tích liên kết với các doanh nghiệp", "indicator.measure_of_unit"),
        ("Năm 2022, lúa vụ hè thu đạt 50,27 tạ/ha.", 50.27, "năng suất lúa vụ hè thu",
         "indicator.measure_of_unit"),
        # an estimate marker is not part of the name; a comparison base keeps it
        ("Năm 2021, chỉ số sản xuất công nghiệp ước tăng 9,5%.", 9.5,
         "chỉ số sản xuất công nghiệp tăng", "indicator.estimate_dropped"),
        ("Năm 2019, tổng số người tham gia BHXH ước thực hiện là 1.114.100 người.", 1_114_100,
         "tổng số người tham gia BHXH", "indicator.estimate_dropped"),
        # a generic head before a counted noun phrase: head and phrase
        ("Năm 2020, đã rà soát 8 chuyên đề với tổng số 395 văn bản được rà soát.", 395,
         "tổng số văn bản được rà soát", "indicator.generic_and_counted"),
        # a change in the aside right after a figure is that figure's change
        ("Năm 2020, Sở đã thẩm định 249 dự thảo văn bản (tăng hơn 15% so với cùng kỳ năm 2019).",
         15, "thẩm định dự thảo văn bản tăng so với cùng kỳ năm 2019",
         "indicator.change_of_previous"),
        # a change after an aside compares the figure before the aside
        ("Năm 2020, toàn tỉnh có 185 trường đạt chuẩn quốc gia (trong đó: mầm non có 73 trường, "
         "tiểu học 27 trường), vượt 15 trường so với kế hoạch giao năm 2020.", 15,
         "trường đạt chuẩn quốc gia vượt so với kế hoạch giao năm 2020",
         "indicator.change_after_aside"),
        # "X có N Y": what there is
        ("Năm 2020, mạng bưu chính viễn thông có 45 bưu cục.", 45, "bưu cục",
         "indicator.existential"),
        # a headline's dateline is no part of a name
        ("Năm 2024, lễ hội pháo hoa sẽ có 10 đội tham gia 27/12/2024 12:46", 10, "đội tham gia",
         "indicator.existential"),
        # ... but a bare noun is named with its kind
        ("Năm học 2017, bậc Tiểu học có 114.745 HS; cấp Mẫu giáo, Nhà trẻ có 52.827 cháu.",
         114_745, "HS bậc Tiểu học", "indicator.existential"),
        # a word ending like a filler ("cơ sở" / "ở") keeps its last syllable
        ("Năm 2020, toàn tỉnh đã xây dựng 12 trường trung học cơ sở.", 12,
         "xây dựng trường trung học cơ sở", "indicator.verb_object"),
        # "cũng" ends an actor as "đã" does; after what is measured it is only dropped
        ("Năm 2021, ngành chức năng cũng tiến hành 827 cuộc thanh tra.", 827,
         "cuộc thanh tra", "indicator.light_verb_dropped"),
        ("Năm 2021, Hội Đông y tỉnh còn tổ chức khám bệnh từ thiện cho 9.495 lượt bệnh nhân.",
         9495, "tổ chức khám bệnh từ thiện lượt bệnh nhân", "indicator.verb_object"),
        # ... but not "còn" right before the figure ("giảm còn 3,41%")
        ("Năm 2021, tỷ lệ hộ nghèo giảm còn 3,41%.", 3.41, "tỷ lệ hộ nghèo",
         "indicator.clause_before"),
        ("Năm 2021, trò chơi dân gian hô hát bài chòi cũng diễn ra 81 buổi.", 81,
         "trò chơi dân gian hô hát bài chòi diễn ra buổi", "indicator.clause_and_counted_noun"),
        # a light verb before the real one is not part of the name
        ("Năm 2020, toàn tỉnh đã thực hiện cắt giảm được 3.090 biên chế viên chức.", 3090,
         "cắt giảm biên chế viên chức", "indicator.light_verb_dropped"),
        # a measure named after "với" is what is measured; a generic one says what for
        ("Năm 2020, hoạt động xuất khẩu duy trì nhịp độ tăng trưởng với kim ngạch xuất khẩu ước "
         "đạt 2.560 triệu USD.", 2_560_000_000, "kim ngạch xuất khẩu",
         "indicator.measure_after_with"),
        ("Năm 2020, ngành đầu tư mua sắm trang thiết bị y tế với tổng vốn hơn 195 tỷ đồng.",
         195_000_000_000, "tổng vốn đầu tư mua sắm trang thiết bị y tế",
         "indicator.measure_after_with"),
        # ... and a size says what it is of (lexicon indicator_cues.size_measures)
        ("Năm 2021, toàn tỉnh nạo vét kênh mương với tổng chiều dài hơn 242 km.", 242,
         "tổng chiều dài nạo vét kênh mương", "indicator.measure_after_with"),
        ("Năm 2021, toàn tỉnh trồng rừng mới với diện tích 500 ha.", 500,
         "diện tích trồng rừng mới", "indicator.measure_after_with"),
        # a conjunction starts the figure's own clause
        ("Năm 2020, các đơn vị triển khai linh hoạt, phù hợp nên đạt 100% kế hoạch đề ra.", 100,
         "kế hoạch đề ra", "indicator.after_conjunction"),
        ("Năm 2021, đơn vị triển khai thông quan điện tử, tạo thuận lợi cho doanh nghiệp, qua đó "
         "tiếp nhận, xử lý 2,18 triệu tờ khai hải quan.", 2_180_000,
         "tiếp nhận, xử lý tờ khai hải quan", "indicator.after_conjunction"),
        # a share is the rate of what its clause names
        ("Năm 2019, tội phạm về ma túy chiếm 13,9%.", 13.9, "tỷ lệ tội phạm về ma túy",
         "indicator.share_named"),
        ("Năm 2019, tỷ trọng chăn nuôi chiếm 36%.", 36, "tỷ trọng chăn nuôi",
         "indicator.clause_before"),
        ("Năm 2020, khởi tố mới 1.199 vụ, trong đó tội phạm xâm phạm sở hữu chiếm 48,4%.", 48.4,
         "tỷ lệ tội phạm xâm phạm sở hữu", "indicator.share_named"),
        # a verb-only clause after a comma: the sentence's subject
        ("Năm 2020, khu vực kinh tế có vốn đầu tư nước ngoài chiếm tỷ trọng chủ yếu, ước đạt "
         "54.261,5 tỷ đồng.", 54_261_500_000_000, "khu vực kinh tế có vốn đầu tư nước ngoài",
         "indicator.sentence_subject"),
        # a bare preposition names nothing; the act of the count before reaches the places too
        ("Năm 2020, hoàn thành cấp điện cho 17.540 hộ, thuộc 66 xã của 11 huyện.", 66,
         "cấp điện xã", "indicator.object_of_preposition"),
        ("Năm 2020, tỉnh có 17.540 hộ nghèo, thuộc 66 xã của 11 huyện.", 66, "xã",
         "indicator.object_of_preposition"),
        # an aside that lists items names each; a share after it is of the figure before it
        ("Năm 2020, Hà Nội có 307 cơ sở giáo dục nghề nghiệp (gồm 69 trường cao đẳng, 59 trường "
         "trung cấp), chiếm 16,2% tổng số cơ sở của cả nước.", 69, "trường cao đẳng",
         "indicator.noun_after"),
        ("Năm 2020, Hà Nội có 307 cơ sở giáo dục nghề nghiệp (gồm 69 trường cao đẳng, 59 trường "
         "trung cấp), chiếm 16,2% tổng số cơ sở của cả nước.", 16.2,
         "tỷ lệ cơ sở giáo dục nghề nghiệp", "indicator.ratio_of_previous"),
        # a department named as the actor, and "thực hiện tốt công tác", name nothing
        ("Năm 2020, Sở Giao thông Vận tải tỉnh Kiên Giang thực hiện tốt công tác tham mưu ban "
         "hành văn bản quy phạm pháp luật đạt 100% kế hoạch đã đăng ký.", 100,
         "tham mưu ban hành văn bản quy phạm pháp luật", "indicator.light_verb_dropped"),
        # a count in brackets right after a count of the same thing is a part of it
        ("Năm 2020, toàn tỉnh có 185 trường đạt chuẩn quốc gia (mầm non 73 trường, tiểu học 27 "
         "trường).", 27, "trường đạt chuẩn quốc gia tiểu học", "indicator.part_in_aside"),
        # ... that names its own kind of the parent's noun before what they did
        ("Năm 2020, huyện có 37 trường học đạt chuẩn quốc gia (13 trường mầm non, 12 trường "
         "THCS).", 13, "trường mầm non đạt chuẩn quốc gia", "indicator.part_in_aside"),
        # the country's figure beside a figure is a benchmark of the same measure
        ("Năm 2020, tổng kim ngạch xuất khẩu ước đạt 3,63 tỷ USD, tăng 47,8% so với cùng kỳ "
         "(cả nước tăng 8,6%).", 8.6, "tổng kim ngạch xuất khẩu cả nước tăng",
         "indicator.national_benchmark"),
        # the year inside a name goes, the comparison base year stays
        ("Năm 2020, chỉ số sản xuất công nghiệp năm 2020 tăng 21,2% so với năm 2019.", 21.2,
         "chỉ số sản xuất công nghiệp tăng", "indicator.year_dropped"),
        # "gồm N <unit>": the things listed, even with nothing after the unit
        ("Năm 2020, các nhiệm vụ chia theo các lĩnh vực gồm 12 đề tài.", 12, "đề tài",
         "indicator.apposition"),
        # "cắt giảm" is a verb that cuts, not a change the figure is the level of
        ("Năm 2020, ngành đề ra nhiệm vụ cắt giảm 100% TTHC gây phiền hà cho người dân.", 100,
         "đề ra nhiệm vụ cắt giảm TTHC gây phiền hà cho người dân", "indicator.verb_object"),
        # "giữ vững" is a maintain verb, and a label does not end with a word cut off from its
        # phrase ("trong [toàn tỉnh]")
        ("Năm 2020, tỉnh giữ vững và công nhận mới 80% ấp, khu phố văn hóa trong toàn tỉnh.",
         80, "công nhận mới ấp, khu phố văn hóa", "indicator.dangling_word_dropped"),
        # a signed percentage in brackets is the relative change of the figure before it
        ("Năm 2020, tai nạn giao thông giảm 11 vụ (- 6,6%), giảm 01 người chết (-0,8%).", 6.6,
         "tỷ lệ tai nạn giao thông giảm", "indicator.signed_change_in_aside"),
        ("Năm 2020, tai nạn giao thông giảm 11 vụ (- 6,6%), giảm 01 người chết (-0,8%).", 0.8,
         "tỷ lệ giảm người chết", "indicator.signed_change_in_aside"),
        # "là dân tộc X (N hộ)": the things counted, of that group
        ("Năm 2020, nhiều nhất là dân tộc Dao với 5.793 hộ, tiếp đó là dân tộc Tày (5.320 hộ).",
         5320, "hộ dân tộc Tày", "indicator.count_of_aside_complement"),
        # every count of an aside after "là lĩnh vực X (" is of that field
        ("Năm 2020, trong đó chủ yếu là lĩnh vực khoa học nông nghiệp (21 đề tài, 8 dự án).", 8,
         "dự án lĩnh vực khoa học nông nghiệp", "indicator.shared_head"),
        # a bare measure of the topic its sentence opens with
        ("Về chỉ tiêu tổng mức bán lẻ hàng hóa, năm 2020 ước đạt giá trị 71.029 tỷ đồng.",
         71_029e9, "giá trị tổng mức bán lẻ hàng hóa", "indicator.measure_of_topic"),
        # "hoàn thành" with its manner is the name, not a subject's verb to drop
        ("Năm 2020, sở đã hoàn thành tốt 5/7 nhiệm vụ.", 5, "hoàn thành tốt",
         "indicator.clause_before"),
        ("Về phát triển giao thông nông thôn, năm 2020 toàn tỉnh đã cứng hoá được 404 km.", 404,
         "cứng hoá phát triển giao thông nông thôn", "indicator.measure_of_topic"),
        # "Riêng ..." sets apart the part of the whole the figure is of
        ("Riêng tháng 12, toàn tỉnh thu được 300 tỷ đồng.", 300e9, "thu tháng 12",
         "indicator.measure_of_topic"),
        # a change compares the sentence's count with the same noun; a percentage alone in
        # brackets after it is its rate; a fraction after a share counts the share's things
        ("Năm 2020, toàn tỉnh xảy ra 31 vụ cháy và 1 vụ nổ, thiệt hại 8,2 tỷ đồng; so với năm "
         "2019, giảm 7 vụ cháy (18,42%).", 7, "vụ cháy giảm", "indicator.change_of_unit_peer"),
        ("Năm 2020, toàn tỉnh xảy ra 31 vụ cháy và 1 vụ nổ, thiệt hại 8,2 tỷ đồng; so với năm "
         "2019, giảm 7 vụ cháy (18,42%).", 18.42, "tỷ lệ vụ cháy giảm",
         "indicator.signed_change_in_aside"),
        ("Năm 2020, cháy ở khu vực dân cư chiếm 42% tổng số vụ (13/31 vụ).", 13,
         "vụ cháy ở khu vực dân cư", "indicator.count_of_share"),
        # a count "với" after a rate names its own thing; the words after the last "và" before
        # the next figure are that figure's
        ("Năm 2020, doanh số cho vay đạt 1.154 tỉ đồng, bằng 102% so với năm 2019, với 33.730 "
         "lượt khách hàng vay vốn.", 33_730, "lượt khách hàng vay vốn", "indicator.noun_after"),
        ("Năm 2020, tổ chức 13 đợt kiểm tra chuyên đề và kiểm tra theo định kỳ 4.258 lượt.", 13,
         "tổ chức đợt kiểm tra chuyên đề", "indicator.verb_object"),
        # a fraction's rate in brackets after it; a comparison between the change verb and
        # its amount; a tense word after a comma opens another clause
        ("Năm 2020, ngành hoàn thành 132/132 chỉ tiêu công tác (đạt 100%).", 100,
         "tỷ lệ chỉ tiêu công tác", "indicator.ratio_of_previous"),
        ("Năm 2020, thu tiền sử dụng đất đạt 30.000 tỷ đồng, tăng so với năm 2019 là 3.878,5 tỷ "
         "đồng.", 3_878.5e9, "thu tiền sử dụng đất tăng so với năm 2019",
         "indicator.comparison_before_change"),
        ("Năm 2020, án còn lại 703 vụ, đang tiếp tục giải quyết.", 703, "án còn lại vụ",
         "indicator.clause_and_counted_noun"),
        # a tense word after a comma opens a clause, not an item of the noun list before it;
        # "về tiền" after "về việc" is the same rate's other item
        ("Năm 2020, Viện Kiểm sát đã thụ lý 1.235 tin báo, tố giác tội phạm, đã giải quyết "
         "1.180 tin.", 1180, "giải quyết tin", "indicator.short_clause_and_unit"),
        # a list's last item before its linking verb is an item too ...
        ("Năm 2020, số doanh nghiệp thành lập mới lĩnh vực nghệ thuật, vui chơi, giải trí tăng "
         "25%.", 25, "số doanh nghiệp thành lập mới lĩnh vực nghệ thuật, vui chơi, giải trí tăng",
         "indicator.comma_list_rejoined"),
        # ... but not after a comparison
        ("Năm 2020, so với cùng kỳ năm 2019, thụ lý tăng 335 vụ.", 335, "thụ lý tăng",
         "indicator.clause_before"),
        # ... and so does a year
        ("Thành tựu nổi bật trong lĩnh vực du lịch, năm 2020 ngành đón 10 triệu khách quốc tế.",
         10e6, "đón khách quốc tế", "indicator.verb_object"),
        ("Năm 2020, tỷ lệ thi hành xong về việc đạt 82%, về tiền đạt 45%.", 45,
         "tỷ lệ thi hành xong về tiền", "indicator.parallel_item"),
        # the share of a plan done names the plan; who asked for a plan or assigned it names
        # nothing measured
        ("Năm 2020, ngành hoàn thành 100% kế hoạch.", 100, "hoàn thành kế hoạch",
         "indicator.plan_phrase"),
        ("Năm 2020, toàn ngành hoàn thành 100% chỉ tiêu được giao.", 100,
         "hoàn thành chỉ tiêu được giao", "indicator.plan_phrase"),
        ("Năm 2020, đồng chí Giám đốc đề nghị toàn ngành phấn đấu giảm 5% số vụ tai nạn giao "
         "thông.", 5, "giảm số vụ tai nạn giao thông", "indicator.verb_object"),
        ("Năm 2020, BHXH tỉnh được giao chỉ tiêu phát triển 160.000 người tham gia BHXH bắt "
         "buộc.", 160_000, "phát triển người tham gia BHXH bắt buộc", "indicator.verb_object"),
        # counts joined by a slash after a noun each name their own things; a bank's credit
        # programmes are counted, not the plan's parts
        ("Năm 2020, dư nợ đạt 5.209 tỷ đồng với 17 chương trình tín dụng/80.722 hộ vay.",
         80_722, "hộ vay", "indicator.slash_pair"),
        ("Năm 2020, dư nợ đạt 5.209 tỷ đồng với 17 chương trình tín dụng/80.722 hộ vay.", 17,
         "chương trình tín dụng", "indicator.noun_after"),
        # a chain of pairs, a qualifier opening each count, goes on with the same act
        ("Năm 2020, các đơn vị đã làm thủ tục cho hơn 6 ngàn phương tiện/hơn 137 ngàn thuyền "
         "viên/hơn 51 triệu tấn hàng hóa.", 137_000, "làm thủ tục thuyền viên",
         "indicator.slash_pair"),
        ("Năm 2020, các đơn vị đã làm thủ tục cho hơn 6 ngàn phương tiện/hơn 137 ngàn thuyền "
         "viên/hơn 51 triệu tấn hàng hóa.", 51e6, "làm thủ tục hàng hóa",
         "indicator.slash_pair"),
        # a per-unit base is part of the name, thousands dot included; "trên" after "và"
        # qualifies another item, it is no per-unit base
        ("Năm 2020, đạt 30 giường bệnh trên 10.000 dân.", 30, "giường bệnh trên 10.000 dân",
         "indicator.noun_after"),
        ("Năm 2020, toàn ngành phát hiện sai phạm hơn 85,3 tỷ đồng và trên 100.000 m2 đất.",
         100_000, "phát hiện sai phạm đất", "indicator.and_after_amount"),
        # the money "với số tiền" after a count is that act's; an association acts alone
        ("Năm 2020, Hội hỗ trợ xây mới 7 nhà bị sạt lở, cuốn trôi do bão số 9 với số tiền 1,4 tỷ "
         "đồng.", 1.4e9, "số tiền hỗ trợ xây mới nhà bị sạt lở", "indicator.generic_of_previous"),
        # ... and so is what the things counted hold ("với tổng dư nợ")
        ("Năm 2020, toàn tỉnh có 734 tổ tiết kiệm và vay vốn với tổng dư nợ là hơn 657 tỷ đồng.",
         657e9, "tổng dư nợ tổ tiết kiệm và vay vốn", "indicator.measure_of_previous_count"),
        # ... but a count of other things after "với tổng số" names its own unit
        ("Năm 2020, toàn tỉnh có trên 100 cơ sở lưu trú du lịch, với tổng số trên 1.000 phòng.",
         1000, "tổng số phòng", "indicator.measure_after_with"),
        # who the act was done with is not what was done
        ("Năm 2020, Công ty Điện lực phối hợp tốt với các Ban quản lý dự án của Tổng công ty "
         "triển khai 21 dự án lưới điện 110kV.", 21, "triển khai dự án lưới điện 110kV",
         "indicator.partner_dropped"),
        # an agency's workload after "trong tổng số" is a figure; the rate after it is the part's
        ("Năm 2020, tòa án đã giải quyết được 12.926 vụ việc trong tổng số 13.637 vụ việc thụ "
         "lý, đạt tỷ lệ 94,7%.", 13_637, "vụ việc thụ lý", "indicator.workload_base"),
        ("Năm 2020, tòa án đã giải quyết được 12.926 vụ việc trong tổng số 13.637 vụ việc thụ "
         "lý, đạt tỷ lệ 94,7%.", 94.7, "tỷ lệ giải quyết vụ việc",
         "indicator.ratio_of_previous"),
        # a plan phrase after a parallel item ("A vượt 9%, B vượt 22,25% so với chỉ tiêu") is
        # B's own figure under A's head, not A's plan share
        ("Năm 2020, tỷ lệ giải quyết án dân sự vượt 9%, án hành chính vượt 22,25% so với chỉ "
         "tiêu Quốc hội giao.", 22.25, "tỷ lệ giải quyết án hành chính",
         "indicator.parallel_item"),
        # a plan share done in a manner ("đúng tiến độ") is the plan done (lexicon done_manners)
        ("Năm 2020, các cơ quan thanh tra đã hoàn thành đúng tiến độ 100% kế hoạch thanh tra.",
         100, "hoàn thành kế hoạch thanh tra", "indicator.plan_phrase"),
        # the bodies a count of acts reached after "với", and the next ones of its list
        ("Năm 2021, ngành chức năng tiến hành 827 cuộc thanh tra, kiểm tra chuyên ngành với 699 "
         "tổ chức, 1.268 cá nhân.", 699, "tổ chức được thanh tra, kiểm tra chuyên ngành",
         "indicator.entity_of_act"),
        ("Năm 2021, ngành chức năng tiến hành 827 cuộc thanh tra, kiểm tra chuyên ngành với 699 "
         "tổ chức, 1.268 cá nhân.", 1268, "cá nhân được thanh tra, kiểm tra chuyên ngành",
         "indicator.shared_head"),
        # a kind of the whole's own things is named with the whole (lexicon kind_modifiers)
        ("Năm 2020, toàn ngành triển khai 243 cuộc thanh tra, trong đó có 166 cuộc theo kế "
         "hoạch và 80 cuộc đột xuất.", 80, "triển khai cuộc thanh tra đột xuất",
         "indicator.kind_of_whole"),
        ("Năm 2020, ngành Thanh tra đã triển khai 61 cuộc thanh tra (theo kế hoạch 56, đột xuất "
         "05).", 56, "triển khai cuộc thanh tra theo kế hoạch", "indicator.part_in_aside"),
        # an item's numbers are no words of it: an age range is a short item
        ("Năm 2020, tỷ lệ huy động trẻ đến trường ở độ tuổi từ 0 – 2 tuổi đạt 32,78%, trẻ 3 – 5 "
         "tuổi đạt 98%.", 98, "tỷ lệ huy động trẻ 3 – 5 tuổi", "indicator.parallel_item"),
        # a classifier before the counted noun is dropped (lexicon classifier_units); "khẩu
        # trang" is a noun of its own
        ("Năm 2020, lực lượng chức năng đã thu giữ 1.200 viên ma túy tổng hợp.", 1200,
         "thu giữ ma túy tổng hợp", "indicator.classifier"),
        ("Năm 2020, Hội đã phát 10.000 khẩu trang cho người dân.", 10_000,
         "phát khẩu trang cho người dân", "indicator.verb_object"),
        # a multiple ("tăng 1,5 lần") is a change of the figure before it, like a percentage
        ("Năm 2020, kim ngạch nhập khẩu đạt 120 triệu USD, tăng 1,5 lần so với cùng kỳ năm "
         "2019.", 1.5, "kim ngạch nhập khẩu tăng so với cùng kỳ năm 2019",
         "indicator.change_of_previous"),
        # the size "với tổng vốn đầu tư" of the things the count right before it counted,
        # however long their name
        ("Năm 2020, trong đó, 23 dự án trong khu kinh tế, khu công nghiệp với tổng vốn đầu tư "
         "hơn 2.850 tỷ đồng.", 2850e9, "tổng vốn đầu tư dự án trong khu kinh tế, khu công nghiệp",
         "indicator.measure_of_previous_count"),
        ("Năm 2020, có 30 dự án trong cụm công nghiệp với tổng vốn đầu tư hơn 2.900 tỷ đồng.",
         2900e9, "tổng vốn đầu tư dự án trong cụm công nghiệp",
         "indicator.measure_of_previous_count"),
        # a count after its aside and a slash is the pair's second, not a per-unit base
        ("Năm 2020, toàn tỉnh có: Trung học phổ thông 38 trường (37 công lập, 01 ngoài công "
         "lập)/761 lớp.", 761, "Trung học phổ thông lớp", "indicator.slash_pair"),
        # groups named before a colon after "trong đó" count the whole's things, an acronym
        # after a semicolon included
        ("Năm 2020, Long An có 278/669 trường đạt chuẩn quốc gia; trong đó, mầm non: 61/224 "
         "trường, tiểu học: 120/262 trường; THCS: 86/135 trường.", 120,
         "trường đạt chuẩn quốc gia tiểu học", "indicator.part_of_previous"),
        ("Năm 2020, Long An có 278/669 trường đạt chuẩn quốc gia; trong đó, mầm non: 61/224 "
         "trường, tiểu học: 120/262 trường; THCS: 86/135 trường.", 86,
         "trường đạt chuẩn quốc gia THCS", "indicator.part_of_previous"),
        # who acts, in the plural too, is not what is measured
        ("Năm 2020, các cơ quan đã tiếp 2.340 lượt công dân đến khiếu nại.", 2340,
         "tiếp lượt công dân đến khiếu nại", "indicator.verb_object"),
        ("Năm 2020, các cấp Hội cựu chiến binh đã kết nạp 1.490 hội viên mới.", 1490,
         "kết nạp hội viên mới", "indicator.verb_object"),
        # ... and a rate's item after a comma, under the rate before it
        ("Năm 2020, tỷ lệ điều tra khám phá án đạt 80%, án rất nghiêm trọng đạt 95%.", 95,
         "tỷ lệ điều tra khám phá án rất nghiêm trọng", "indicator.parallel_item"),
        ("Năm 2020, tỷ lệ hộ nghèo giảm còn 2,1%, hộ cận nghèo còn 3,4%.", 3.4,
         "tỷ lệ hộ cận nghèo", "indicator.parallel_item"),
        ("Năm 2020, tỷ lệ bao phủ BHYT đạt 95,5% dân số, BHXH đạt 42% lực lượng lao động.", 42,
         "tỷ lệ bao phủ BHXH", "indicator.parallel_item"),
        # ... and the topic alone when it opens with that verb; who set a plan names nothing
        ("Về thu ngân sách nhà nước, năm 2020, Cục Hải quan thu đạt 66.362 tỷ đồng, đạt 118,5% "
         "chỉ tiêu Bộ Tài chính giao.", 66_362e9, "thu ngân sách nhà nước",
         "indicator.measure_of_topic"),
        ("Năm 2020, Cục Thuế đã thu được 8.500 tỷ đồng, đạt 105% dự toán được giao.", 8_500e9,
         "thu", "indicator.clause_before"),
        # ... or with the work a sentence opens with ("Công tác X được quan tâm, ...")
        ("Năm 2025, công tác thu hồi tài sản trong các vụ án tham nhũng, kinh tế tiếp tục được "
         "quan tâm chỉ đạo quyết liệt, với 108 vụ việc được thi hành xong, thu hồi trên 23 tỉ "
         "đồng.", 23e9, "thu hồi tài sản trong các vụ án tham nhũng, kinh tế",
         "indicator.measure_of_topic"),
        # "tham dự" is a verb of its own, not "dự" left dangling
        ("Năm 2020, có 12.000 lượt người tham dự.", 12_000, "lượt người tham dự",
         "indicator.noun_after"),
        # ... nor "ở" of "nhà ở" (housing; lexicon dangling_kept)
        ("Năm 2024, ngành sẽ hỗ trợ 1.000 hộ nghèo xây dựng nhà ở.", 1_000,
         "hỗ trợ hộ nghèo xây dựng nhà ở", "indicator.verb_object"),
        # "và" inside a measure's name that "với" opens does not start the figure's clause
        ("Năm 2020, thu hút 23 dự án với tổng vốn đầu tư cấp mới và tăng thêm 298,08 triệu "
         "USD.", 298.08e6, "tổng vốn đầu tư cấp mới và tăng thêm", "indicator.clause_before"),
        # a pair of counts shares the predicate after the second, not its noun
        ("Năm 2020, dự kiến có 13 xã và 28 làng đạt chuẩn nông thôn mới.", 13,
         "xã đạt chuẩn nông thôn mới", "indicator.predicate_of_pair"),
        ("Năm 2020, có 55 điểm giao dịch và 140 Bưu điện văn hóa xã.", 55, "điểm giao dịch",
         "indicator.noun_after"),
        # prizes are named with the contest that gave them, before or after them
        ("Tại Đại hội Thể thao toàn quốc lần thứ IX năm 2022, Đoàn Thể thao Bình Dương đạt "
         "được 107 huy chương các loại (29 HCV, 22 HCB).", 107,
         "huy chương các loại tại Đại hội Thể thao toàn quốc lần thứ IX",
         "indicator.prize_at_event"),
        ("Tại Đại hội Thể thao toàn quốc lần thứ IX năm 2022, Đoàn Thể thao Bình Dương đạt "
         "được 107 huy chương các loại (29 HCV, 22 HCB).", 22,
         "HCB tại Đại hội Thể thao toàn quốc lần thứ IX", "indicator.prize_at_event"),
        # ... with the grades listed after the prize, and so are those who won them
        ("Năm 2020, trong kỳ thi chọn học sinh giỏi các cấp, toàn tỉnh có 1.244 học sinh đạt "
         "giải, với 762 giải Nhất, Nhì, Ba.", 762,
         "giải Nhất, Nhì, Ba tại kỳ thi chọn học sinh giỏi các cấp", "indicator.prize_at_event"),
        ("Năm 2020, trong kỳ thi chọn học sinh giỏi các cấp, toàn tỉnh có 1.244 học sinh đạt "
         "giải, với 762 giải Nhất, Nhì, Ba.", 1244,
         "học sinh đạt giải tại kỳ thi chọn học sinh giỏi các cấp", "indicator.prize_at_event"),
        ("Năm 2020, tại Hội khỏe Phù Đổng toàn quốc, đoàn giành 45 huy chương Vàng, Bạc và Đồng.",
         45, "huy chương Vàng, Bạc và Đồng tại Hội khỏe Phù Đổng toàn quốc",
         "indicator.prize_at_event"),
        ("Năm 2022, học sinh của tỉnh giành 23 giải tại kỳ thi chọn học sinh giỏi quốc gia, "
         "trong đó có 2 giải Nhì.", 2, "giải Nhì tại kỳ thi chọn học sinh giỏi quốc gia",
         "indicator.prize_at_event"),
        ("Năm 2022, vận động viên của tỉnh giành 14 huy chương các loại tại SEA Games 31.", 14,
         "huy chương các loại tại SEA Games", "indicator.prize_at_event"),
        # an address after a name describes the name, which is the subject
        ("Năm 2020, trong đó, Khu di tích QGĐB Pác Bó, xã Trường Hà (Hà Quảng) đón tiếp 922 "
         "đoàn với 104.275 lượt khách.", 922, "khu di tích QGĐB Pác Bó đón tiếp đoàn",
         "indicator.address_apposition"),
        # ... whichever word opens the contest ("ở", "trong"), without who sat it ("các môn
        # văn hóa lớp 12"), and for the first prize of a list the clause opened with
        ("Năm 2018, tại kỳ thi chọn học sinh giỏi quốc gia các môn văn hóa lớp 12, tỉnh giành "
         "7 giải nhất, 17 giải nhì, 26 giải khuyến khích, xếp tốp đầu toàn quốc.", 7,
         "giải nhất tại kỳ thi chọn học sinh giỏi quốc gia", "indicator.prize_at_event"),
        ("Năm 2018, tại kỳ thi chọn học sinh giỏi quốc gia các môn văn hóa lớp 12, tỉnh giành "
         "7 giải nhất, 17 giải nhì, 26 giải khuyến khích, xếp tốp đầu toàn quốc.", 26,
         "giải khuyến khích tại kỳ thi chọn học sinh giỏi quốc gia", "indicator.prize_at_event"),
        ("Năm 2018, ở cuộc thi khoa học kỹ thuật dành cho học sinh trung học, tỉnh có 1 dự án "
         "đoạt giải nhì và 2 giải ba.", 2, "giải ba tại cuộc thi khoa học kỹ thuật",
         "indicator.prize_at_event"),
        # a count in an aside, with no change word before it, is named by its own noun
        ("Năm 2020, ngành đã triển khai 5 đề án khuyến công (trong đó 2 đề án khuyến công quốc "
         "gia và 3 đề án khuyến công địa phương).", 2, "đề án khuyến công quốc gia",
         "indicator.noun_after"),
        # ... nor with an adverb ("đều", "cũng")
        ("Năm 2020, 4/4 chỉ tiêu đều đạt và vượt kế hoạch đề ra.", 4, "chỉ tiêu",
         "indicator.dangling_word_dropped"),
        # incidents are what is counted, and the harm they caused is named with them
        ("Năm 2020, trên địa bàn tỉnh xảy ra 390 vụ tai nạn giao thông, làm 195 người chết, "
         "252 người bị thương.", 390, "vụ tai nạn giao thông", "indicator.incident"),
        ("Năm 2020, trên địa bàn tỉnh xảy ra 390 vụ tai nạn giao thông, làm 195 người chết, "
         "252 người bị thương.", 195, "người chết do tai nạn giao thông",
         "indicator.harm_of_incident"),
        # ... once, when the harm names its cause itself
        ("Năm 2020, xảy ra 86 vụ cháy nổ, làm 4 người chết, 2 người bị thương do cháy nổ.", 2,
         "người bị thương do cháy nổ", "indicator.harm_of_incident"),
        ("Năm 2020, trên địa bàn tỉnh xảy ra 390 vụ tai nạn giao thông, làm 195 người chết, "
         "252 người bị thương.", 252, "người bị thương do tai nạn giao thông",
         "indicator.harm_of_incident"),
        ("Năm 2020, xảy ra 12 vụ cháy, làm chết 3 người.", 3, "người chết do cháy",
         "indicator.harm_of_incident"),
        # ... also without a comma before the harm
        ("Năm 2020, xảy ra 754 vụ tai nạn giao thông làm chết 702 người, bị thương 198 người.",
         754, "vụ tai nạn giao thông", "indicator.incident"),
        ("Năm 2020, xảy ra 754 vụ tai nạn giao thông làm chết 702 người, bị thương 198 người.",
         702, "người chết do tai nạn giao thông", "indicator.harm_of_incident"),
        # ... and a count of incidents that opens its sentence with the harm told after it
        ("Năm 2020, xảy ra 754 vụ tai nạn giao thông. 495 vụ cháy làm chết 27 người, bị thương "
         "83 người.", 495, "vụ cháy", "indicator.incident"),
        ("Năm 2020, xảy ra 754 vụ tai nạn giao thông. 495 vụ cháy làm chết 27 người, bị thương "
         "83 người.", 83, "người bị thương do cháy", "indicator.harm_of_incident"),
        # a harm is named with its cause (lexicon indicator_cues.harm_cause_leads) ...
        ("Năm 2017, có 102 người chết vì tai nạn lao động.", 102,
         "người chết vì tai nạn lao động", "indicator.noun_after"),
        # ... but a reason after another noun ends it
        ("Năm 2017, có 102 người được hỗ trợ vì hoàn cảnh khó khăn.", 102, "người được hỗ trợ",
         "indicator.noun_after"),
        # a headline's topic before a colon (a name in capitals) names no figure ...
        ("TP HCM: 102 người chết vì tai nạn lao động - Ảnh 1.", 102,
         "người chết vì tai nạn lao động", "indicator.noun_after"),
        ("Hưng Yên: Tỷ lệ hộ nghèo giảm còn 2,5%\nNăm 2017, Sở đạt 9 chỉ tiêu.", 2.5,
         "tỷ lệ hộ nghèo", "indicator.clause_before"),
        # ... while a lower-case head before a colon heads its list
        ("Tỷ lệ trường đạt chuẩn: mầm non 80%, tiểu học 90%.", 90,
         "tỷ lệ trường đạt chuẩn tiểu học", "indicator.shared_head"),
        # an object with its own predicate names itself, not the act of the list before it
        ("Năm 2023, đã tổ chức 3 phiên giao dịch việc làm với 2.500 lượt lao động tham gia.",
         2500, "lượt lao động tham gia", "indicator.noun_after"),
        ("Năm 2022, giới thiệu 1.200 đoàn viên ưu tú, 929 đoàn viên được kết nạp Đảng.", 929,
         "đoàn viên được kết nạp Đảng", "indicator.noun_after"),
        # an ellipsis ends the noun phrase; a quoted name keeps its closing quote
        ("Năm 2020, toàn tỉnh đón 2.100 lượt khách…", 2100, "đón lượt khách",
         "indicator.verb_object"),
        ("Năm 2020, có 232.180 hộ đạt danh hiệu “Gia đình văn hóa”.", 232_180,
         "hộ đạt danh hiệu “Gia đình văn hóa”", "indicator.noun_after"),
        # "mà còn" and "để" open the figure's own clause (lexicon clause_conjunctions)
        ("Năm 2020, phiên chợ không chỉ là nơi kết nối cung cầu lao động mà còn giúp 7.603 lao "
         "động có cơ hội việc làm.", 7603, "giúp lao động có cơ hội việc làm",
         "indicator.after_conjunction"),
        # a rate's short head governs the next item however long the first item's own words
        ("Năm 2020, tỷ lệ tham gia bảo hiểm y tế đạt 95,2% dân số, bảo hiểm thất nghiệp đạt "
         "95%.", 95, "tỷ lệ tham gia bảo hiểm thất nghiệp", "indicator.parallel_item"),
        ("Năm 2020, tỷ lệ huy động trẻ đến trường ở độ tuổi từ 0 – 2 tuổi đạt 32,78%, trẻ em "
         "vùng sâu đạt 98%.", 98, "tỷ lệ huy động trẻ em vùng sâu", "indicator.parallel_item"),
        # a part with its own act and its own predicate names itself
        ("Năm 2020, tạo việc làm cho 44.339 lượt hộ, trong đó đã giúp 463 lượt học sinh, sinh "
         "viên được vay vốn học tập.", 463,
         "giúp lượt học sinh, sinh viên được vay vốn học tập", "indicator.part_names_itself"),
        # a size right after a count and its comma measures the things counted ...
        ("Năm 2020, có 73 doanh nghiệp tham gia liên kết tiêu thụ lúa, diện tích 61.922ha.",
         61_922, "diện tích doanh nghiệp tham gia liên kết tiêu thụ lúa",
         "indicator.measure_of_previous_count"),
        # ... not when the figure before is a measure itself
        ("Năm 2020, trồng 500 ha lúa, diện tích 300 ha.", 300, "diện tích",
         "indicator.clause_before"),
        # "vì" before a cause a programme is named after goes on in the noun phrase
        ("Năm 2020, đã trao 1.200 suất quà Tết vì người nghèo.", 1200,
         "trao quà Tết vì người nghèo (suất)", "indicator.counted_noun"),
        # ... but not what the clause says of something else
        ("Năm 2020, xảy ra 12 vụ cháy, đã cứu 30 người.", 30, "cứu người",
         "indicator.short_clause_and_unit"),
        # "với" before a count of other things: what the same act involved, not a restatement
        ("Năm 2020, toàn tỉnh đã tiếp 1.880 lượt với 2.387 công dân.", 2387, "tiếp công dân",
         "indicator.count_with_count"),
        ("Năm 2020, số hộ nghèo giảm 3,21% với 2.538 hộ.", 2538, "số hộ nghèo giảm",
         "indicator.restates_previous"),
        # ... but members after "với" belong to the groups just counted (lexicon
        # indicator_cues.member_nouns), unless a list of groups precedes them all
        ("Năm 2020, Hội thành lập 4 chi hội nghề nghiệp với 103 thành viên.", 103,
         "thành viên chi hội nghề nghiệp", "indicator.members_of_groups"),
        ("Năm 2020, toàn tỉnh có 2.400 Chi hội và 576 Ban Khuyến học với trên 262.000 hội viên.",
         262000, "hội viên", "indicator.noun_after"),
        # a size after "với" measures the things the previous figure counted
        ("Năm 2020, toàn tỉnh triển khai được 24 cánh đồng lớn với tổng diện tích hơn 2.913 ha.",
         2913, "tổng diện tích triển khai cánh đồng lớn", "indicator.measure_of_previous_count"),
        ("Năm 2020, có 12 hợp tác xã với tổng số 500 thành viên.", 500, "tổng số thành viên",
         "indicator.generic_and_counted"),
        # one content word names nothing: a bare count after "với" takes the act ...
        ("Năm 2022, tỉnh đã tiếp nhận 3 dự án; tổ chức đón tiếp và làm việc với 69 đoàn.", 69,
         "đoàn đón tiếp và làm việc", "indicator.thin_label_act"),
        ("Năm 2021, Sở đã phối hợp tổ chức kiểm tra liên ngành với 42 cuộc.", 42,
         "cuộc tổ chức kiểm tra liên ngành", "indicator.thin_label_act"),
        # ... as does the counted noun alone after "với" ("cấp giấy phép" is a clause verb:
        # lexicon indicator_cues.clause_verbs)
        ("Năm 2023, huyện cấp giấy phép môi trường với 13 trường hợp.", 13,
         "trường hợp cấp giấy phép môi trường", "indicator.thin_label_act"),
        ("Năm 2021, Ban tổ chức tiếp xúc cử tri trước kỳ họp với 2.917 cử tri.", 2917,
         "cử tri tổ chức tiếp xúc cử tri trước kỳ họp", "indicator.thin_label_act"),
        # a light verb is dropped only where the act opens with it
        ("Năm 2021, Sở tổ chức đoàn công tác tiến hành khảo sát với 12 cuộc.", 12,
         "cuộc tổ chức đoàn công tác tiến hành khảo sát", "indicator.thin_label_act"),
        # ... and a bare verb the noun phrase its sentence opens with
        ("Năm 2023, Quỹ Cứu trợ tỉnh đã tiếp nhận 12 tỷ đồng; chi trong năm 3,8 tỷ đồng.",
         3_800_000_000, "Quỹ Cứu trợ tỉnh chi", "indicator.thin_label_subject"),
        ("Năm 2017, nợ quá hạn chiếm 0,29% tổng dư nợ; tăng 112 triệu đồng so với đầu năm.",
         112_000_000, "nợ quá hạn tăng", "indicator.thin_label_subject"),
        ("Năm 2021, Thanh tra các huyện triển khai 54 cuộc thanh tra, phát hiện vi phạm 3.705 "
         "triệu đồng, đã thu 500,8 triệu đồng.", 500_800_000, "thanh tra các huyện thu",
         "indicator.thin_label_subject"),
        # a label that does not name what is counted gets it in brackets
        ("Năm 2023, các cấp hội đã phối hợp vận động và trao 1.200 suất quà.", 1200,
         "phối hợp vận động và trao quà (suất)", "indicator.counted_noun"),
        ("Năm 2023, nguồn vốn này được sử dụng đầu tư cho 10 tiểu dự án.", 10,
         "nguồn vốn này được sử dụng đầu tư (tiểu dự án)", "indicator.counted_noun"),
        # an act's objects share it down a list, however long an object's name
        ("Năm 2020, Công an thu giữ 12,5 kg heroin, 25.000 viên ma túy tổng hợp, 3 khẩu súng, 15 "
         "xe mô tô.", 25000, "thu giữ viên ma túy tổng hợp", "indicator.shared_head"),
        ("Năm 2020, Công an thu giữ 3 khẩu súng, 15 xe mô tô.", 15, "thu giữ xe mô tô",
         "indicator.shared_head"),
        # a pair of fractions (or counts) shares the predicate after the second, also one
        # that opens with "đã" and runs long
        ("Năm 2021, có 54/56 cơ sở và 12/14 bệnh viện đã xây dựng hệ thống xử lý nước thải.",
         54, "cơ sở đã xây dựng hệ thống xử lý nước thải", "indicator.predicate_of_pair"),
        ("Năm 2021, có 41.250 người và 1.472 người đã xuất cảnh đi làm việc ở nước ngoài.",
         41250, "người đã xuất cảnh đi làm việc ở nước ngoài", "indicator.predicate_of_pair"),
        # ... and so does a list of counts over commas, past each count's aside in brackets
        ("Năm 2023, toàn tỉnh có 35 xã, 2 huyện được công nhận đạt chuẩn nông thôn mới.", 35,
         "xã được công nhận đạt chuẩn nông thôn mới", "indicator.predicate_of_pair"),
        ("Năm 2017, tỉnh có 99/118 trường mầm non (đạt 83,19%), 121/121 trường tiểu học (đạt "
         "100%) và 15/23 trường THPT (đạt 65,21%) được công nhận đạt chuẩn quốc gia.", 99,
         "trường mầm non được công nhận đạt chuẩn quốc gia", "indicator.predicate_of_pair"),
        ("Năm 2017, tỉnh có 99/118 trường mầm non (đạt 83,19%), 121/121 trường tiểu học (đạt "
         "100%) và 15/23 trường THPT (đạt 65,21%) được công nhận đạt chuẩn quốc gia.", 15,
         "trường THPT được công nhận đạt chuẩn quốc gia", "indicator.predicate_of_pair"),
        # ... and so does a pair of shares of things
        ("Năm 2021, phấn đấu có 75% thôn, tổ dân phố và 85% cơ quan đạt chuẩn văn hóa.", 75,
         "thôn, tổ dân phố đạt chuẩn văn hóa", "indicator.predicate_of_pair"),
        # "và" right before the next share closes this share's own phrase
        ("Năm 2021, có 100% xã, thị trấn có nhà văn hóa và 95% thôn, tổ dân phố có nhà văn hóa.",
         100, "xã, thị trấn có nhà văn hóa", "indicator.noun_after"),
        # ... and a part of a whole, what the whole did
        ("Năm 2020, huyện có 63 trường trong tổng số 74 trường đạt chuẩn quốc gia.", 63,
         "trường đạt chuẩn quốc gia", "indicator.predicate_of_pair"),
        # ... but not when the items say what they did themselves, nor the next act's verb
        ("Năm 2016, có 38 sáng kiến được công nhận cấp cơ sở, 1 sáng kiến cấp tỉnh, 29 cán bộ "
         "hoàn thành xuất sắc nhiệm vụ.", 1, "sáng kiến cấp tỉnh", "indicator.noun_after"),
        ("Năm 2023, xây dựng mới 30 bãi đậu xe, 4 nhà vệ sinh công cộng, trang bị 20 thùng rác.",
         30, "xây dựng mới bãi đậu xe", "indicator.verb_object"),
        # a bare count after "với" whose clause is passive takes what was done
        ("Năm 2019, hoạt động biểu diễn nghệ thuật đường phố tiếp tục được duy trì với 81 buổi.",
         81, "buổi hoạt động biểu diễn nghệ thuật đường phố", "indicator.thin_label_act"),
        # a part ("trong đó") with its own act names its own figure, not the whole before it
        ("Năm 2017, Sở đã tổ chức các lớp đào tạo nguồn nhân lực du lịch, trong đó tổ chức 08 "
         "lớp đào tạo về kỹ năng giao tiếp.", 8, "tổ chức lớp đào tạo về kỹ năng giao tiếp",
         "indicator.verb_object"),
        # the act after a partner is a whole verb ("bắt giữ"), not its last syllable ("giữ")
        ("Năm 2018, BĐBP tỉnh chủ trì và phối hợp với các lực lượng chức năng phát hiện, bắt "
         "giữ 607 vụ vi phạm pháp luật.", 607, "bắt giữ vụ vi phạm pháp luật",
         "indicator.partner_dropped"),
        # a topic and how it went is a clause of its own, not a list the figure's act joins
        ("Năm 2020, công tác an sinh xã hội được thực hiện tốt, trao 45.000 suất quà.", 45000,
         "trao quà (suất)", "indicator.classifier"),
        ("Năm 2020, công tác thu hút đầu tư đạt kết quả tích cực, cấp mới 45 dự án.", 45,
         "cấp mới dự án", "indicator.short_clause_and_unit"),
        # "kéo giảm", "làm giảm" are change verbs of what follows
        ("Năm 2020, kéo giảm 7% tai nạn giao thông.", 7, "kéo giảm tai nạn giao thông",
         "indicator.verb_object"),
        # a change of a harm compares the count whose label names that harm
        ("Năm 2020, xảy ra 120 vụ tai nạn giao thông, làm chết 50 người, bị thương 80 người; so "
         "với năm 2019 giảm 12 vụ, giảm 5 người chết.", 5,
         "người chết do tai nạn giao thông giảm", "indicator.change_of_unit_peer"),
        # a change after a change changes the same level, with its own comparison ("so" alone
        # opens one too)
        ("Năm 2020, doanh thu du lịch ước đạt 2.500 tỷ đồng, tăng 24% so cùng kỳ, tăng 8,6% so "
         "kế hoạch.", 8.6, "doanh thu du lịch tăng so kế hoạch", "indicator.change_of_previous"),
        ("Năm 2020, số người tham gia BHXH là 1.982.761 người, tăng 120.872 người, tăng 6,5% so "
         "với năm 2019.", 6.5, "số người tham gia BHXH tăng so với năm 2019",
         "indicator.change_of_previous"),
        ("Năm 2020, có 1.073 ca mắc sốt xuất huyết, tăng 82,5% so năm 2019.", 82.5,
         "ca mắc sốt xuất huyết tăng so năm 2019", "indicator.change_of_previous"),
        # a change compares a count of the same thing, worded longer or per base
        ("Năm 2020, toàn tỉnh xảy ra 832 vụ án về trật tự xã hội (giảm 124 vụ so với năm 2019).",
         124, "vụ án về trật tự xã hội giảm", "indicator.change_of_previous"),
        ("Năm 2020, số tiêu chí đạt chuẩn bình quân 13 tiêu chí/xã, tăng 1,66 tiêu chí so với "
         "năm 2019.", 1.66, "số tiêu chí đạt chuẩn bình quân tăng",
         "indicator.change_of_previous"),
        # a share in brackets of the whole it names is the count before it as a share, not
        # the clause outside with its verb ("VBQPPL đạt")
        ("Năm 2020, Sở Tư pháp đã thẩm định 58 dự thảo VBQPPL (đạt 100% số dự thảo do các cơ "
         "quan yêu cầu).", 100, "tỷ lệ thẩm định dự thảo VBQPPL", "indicator.share_of_previous"),
        # a bare change takes the sentence's subject, its year left out ("năm 2020")
        ("Lượng khách du lịch năm 2020 tăng mạnh, tăng 20% so với năm 2019.", 20,
         "lượng khách du lịch tăng", "indicator.thin_label_subject"),
        # figures that would share a label are told apart by the actors their clauses open
        # with (a clause without one keeps its sentence's)
        ("Năm 2020, Trong đó: Toà án nhân dân tỉnh thụ lý 450 vụ; giải quyết 408 vụ; Toà án "
         "nhân dân cấp huyện thụ lý 3.578 vụ; giải quyết 3.182 vụ.", 3182,
         "Toà án nhân dân cấp huyện giải quyết vụ", "indicator.subject_distinguishes"),
        ("Năm 2020, Trong đó: Toà án nhân dân tỉnh thụ lý 450 vụ; giải quyết 408 vụ; Toà án "
         "nhân dân cấp huyện thụ lý 3.578 vụ; giải quyết 3.182 vụ.", 450,
         "Toà án nhân dân tỉnh thụ lý vụ", "indicator.subject_distinguishes"),
    ],
)  # fmt: skip
def test_indicator_rules(text: str, value: float, indicator: str, rule: str) -> None:
    c = _by_value(text, value)
    assert c.indicator == indicator
    assert rule in c.rules


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("Sở Y tế tỉnh Lạng Sơn cấp mới", "cấp mới"),
        # a ministry acts as a department does (lexicon department_heads)
        ("Bộ Tài chính giao dự toán thu", "giao dự toán thu"),
        # a name whose first word alone is capitalised runs on to the place it belongs to
        ("Hội Chữ thập đỏ tỉnh vận động được", "vận động được"),
        # a fund is the money measured, not who acts: its name stays in the label
        ("Quỹ Đầu tư phát triển tỉnh đang quản lý", "Quỹ Đầu tư phát triển tỉnh đang quản lý"),
        ("Quỹ Hỗ trợ nông dân toàn tỉnh tăng", "Quỹ Hỗ trợ nông dân toàn tỉnh tăng"),
        # ... or to "các cấp" (every level of it), also told first
        ("Hội Cựu chiến binh các cấp vận động được", "vận động được"),
        ("các cấp Hội Nông dân thành phố Pleiku tổ chức", "tổ chức"),
        # a place's whole name with nothing after it is no actor (not "huyện Nghi" + "Lộc")
        ("huyện Nghi Lộc", "huyện Nghi Lộc"),
        ("các cấp Hội củng cố và duy trì", "củng cố và duy trì"),
        ("toàn Công ty sản lượng điện nhận", "sản lượng điện nhận"),
        # an organisation whose name has words in lower case (lexicon agencies) acts whole
        ("Chi cục Kiểm lâm phát hiện", "phát hiện"),
        ("Trung tâm Dịch vụ việc làm tư vấn cho", "tư vấn cho"),
        ("Hội Luật gia tỉnh Lâm Đồng kết nạp thêm", "kết nạp thêm"),
        # the social-policy bank's branch, its name in lower case as often as not
        ("Ngân hàng chính sách xã hội tỉnh Tiền Giang huy động nguồn vốn", "huy động nguồn vốn"),
        # ... with the district it serves, named or not
        ("Công an huyện Núi Thành bắt giữ", "bắt giữ"),
        ("Công an huyện phát hiện", "phát hiện"),
        # "our province" acts whole, not "ta" left over
        ("tỉnh ta có", "có"),
        ("tỉnh nhà đón", "đón"),
        ("huyện có", "có"),
        ("Đoàn thể thao Trà Vinh đạt", "đạt"),
        ("Tòa án hai cấp thụ lý", "thụ lý"),
        # an agency's name that names a kind of insurance (lexicon agency_lookalike_tails)
        ("Bảo hiểm xã hội tỉnh chi trả", "chi trả"),
        ("Bảo hiểm xã hội tự nguyện tăng", "Bảo hiểm xã hội tự nguyện tăng"),
        ("Lực lượng công an phát hiện, bắt", "phát hiện, bắt"),
        ("BĐBP tỉnh phát hiện, bắt giữ", "phát hiện, bắt giữ"),
        ("Hạt Kiểm lâm huyện Tân Châu khởi tố hình sự", "khởi tố hình sự"),
        ("Chi cục Quản lý thị trường tỉnh kiểm tra", "kiểm tra"),
        # a power company is an agency; its short name in brackets goes with it
        ("Công ty Điện lực Vĩnh Long (PC Vĩnh Long) thực hiện đạt", "thực hiện đạt"),
        # a name whose first word alone is capitalised goes on in lower case up to the
        # clause's verb (lexicon indicator_cues.clause_verbs), not "lý các di tích ..."
        (
            "Ban Quản lý các di tích Quốc gia đặc biệt tỉnh tổ chức đón tiếp",
            "tổ chức đón tiếp",
        ),
        # ... and when that verb tells a measure (lexicon sector_measure_verbs), the sector
        # is what is measured and stays whole, not "nghiệp của An Giang đạt ..."
        (
            "ngành Nông nghiệp của An Giang đạt mức tăng trưởng",
            "ngành Nông nghiệp của An Giang đạt mức tăng trưởng",
        ),
    ],
)
def test_strip_actor(text: str, rest: str) -> None:
    assert strip_actor(text) == rest


def test_one_actor_twice_distinguishes_nothing() -> None:
    # the same actor in both clauses, or an actor in one only: labels stay as they are
    text = "Năm 2019, Sở Y tế khám 450 lượt; Sở Y tế khám 300 lượt tại xã."
    assert all("indicator.subject_distinguishes" not in c.rules for c in candidates(text))
    text = "Năm 2019, Sở Y tế khám 450 lượt. Ngoài ra, khám 300 lượt."
    assert all("indicator.subject_distinguishes" not in c.rules for c in candidates(text))


def test_a_thin_label_takes_no_department_or_bare_actor() -> None:
    text = "Năm 2021, Sở Tài chính tỉnh Nam Định đã thẩm định 120 dự án, thu 15 tỷ đồng."
    assert _by_value(text, 15_000_000_000).indicator == "thu"
    text = "Năm 2021, toàn tỉnh triển khai 54 cuộc thanh tra, đã thu 500,8 triệu đồng."
    assert _by_value(text, 500_800_000).indicator == "thu"
    # an agency or a department named whole acts too ("Sở Y tế", "Cục Thi hành án dân sự")
    text = "Năm 2021, Sở Y tế đã khám cho 8.500 người, thu được 1.200 tỷ đồng."
    assert _by_value(text, 1_200_000_000_000).indicator == "thu"
    text = "Năm 2021, Cục Thi hành án dân sự đã thi hành xong 8.500 việc, thu được 1.200 tỷ đồng."
    assert _by_value(text, 1_200_000_000_000).indicator == "thu"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Năm 2020, tỷ lệ kiên cố hóa: mầm non 80%, tiểu học 85%, THCS 90%.",
         {80: "tỷ lệ kiên cố hóa mầm non", 85: "tỷ lệ kiên cố hóa tiểu học",
          90: "tỷ lệ kiên cố hóa THCS"}),
        ("Năm 2020, tỷ lệ lao động qua đào tạo đạt 74%, trong đó có bằng cấp, chứng chỉ đạt 33%.",
         {74: "tỷ lệ lao động qua đào tạo",
          33: "tỷ lệ lao động qua đào tạo bằng cấp, chứng chỉ"}),
        # another item of the same kind (lexicon indicator_cues.parallel_levels, _areas,
        # _sectors, _tiers) after a comma takes the head before the previous one's item ...
        ("Năm 2020, tỷ lệ kiên cố hóa trường lớp học mầm non đạt 80%, tiểu học 85%.",
         {80: "tỷ lệ kiên cố hóa trường lớp học mầm non",
          85: "tỷ lệ kiên cố hóa trường lớp học tiểu học"}),
        ("Năm 2020, tỷ lệ hộ nghèo thành thị còn 1,2%, nông thôn 3,4%.",
         {1.2: "tỷ lệ hộ nghèo thành thị", 3.4: "tỷ lệ hộ nghèo nông thôn"}),
        # ... without what opens the items (lexicon indicator_cues.parallel_set_leads)
        ("Năm 2020, tỷ lệ huy động trẻ đến trường ở các cấp học nhà trẻ 43,5%, mẫu giáo "
         "99,2%, tiểu học 99,6%.",
         {43.5: "tỷ lệ huy động trẻ đến trường ở các cấp học nhà trẻ",
          99.2: "tỷ lệ huy động trẻ đến trường mẫu giáo",
          99.6: "tỷ lệ huy động trẻ đến trường tiểu học"}),
        # registered capital of the projects a count before "với" counted (lexicon
        # measure_heads), the next count "và" joins naming its own projects ...
        ("Năm 2020, có 41 dự án đầu tư trực tiếp nước ngoài với tổng vốn đăng ký 595,5 triệu "
         "USD và 558 dự án trong nước với tổng vốn đầu tư đăng ký 87.513 tỷ đồng.",
         {595_500_000: "tổng vốn đăng ký dự án đầu tư trực tiếp nước ngoài",
          558: "dự án trong nước",
          87_513_000_000_000: "tổng vốn đầu tư đăng ký dự án trong nước"}),
        # ... and of the projects only when an act's label ends with them
        ("Năm 2020, tỉnh đã cấp giấy chứng nhận đăng ký đầu tư cho 12 dự án với tổng vốn đăng "
         "ký đầu tư hơn 3.736 tỷ đồng.",
         {3_736_000_000_000: "tổng vốn đăng ký đầu tư dự án"}),
        # an average in brackets after an amount is that amount's (lexicon
        # indicator_cues.average_leads) ...
        ("Năm 2020, tổng mức bán lẻ hàng hóa, dịch vụ đạt trong khoảng 252,9 ngàn tỷ đồng, tăng "
         "9% so cùng kỳ (bình quân 1 tháng khoảng 21 ngàn tỷ đồng).",
         {252.9e12: "tổng mức bán lẻ hàng hóa, dịch vụ",
          21e12: "tổng mức bán lẻ hàng hóa, dịch vụ bình quân 1 tháng"}),
        # an act of several words governs the count "và" joins to its object, and the size
        # "với" gives after them is the act's
        ("Năm 2020, ngành thực hiện giao khoán bảo vệ rừng cho 16.738 hộ dân và 41 tổ chức với "
         "diện tích 455.086 ha.",
         {41: "giao khoán bảo vệ rừng tổ chức",
          455086: "diện tích giao khoán bảo vệ rừng"}),
        # money measured after "với" is of the act before it, without who it was done with
        # and a light verb
        ("Năm 2020, Hội đã uỷ thác với Ngân hàng Chính sách xã hội huyện với tổng dư nợ là 73 "
         "tỷ đồng.", {73e9: "tổng dư nợ uỷ thác với Ngân hàng Chính sách xã hội huyện"}),
        ("Năm 2020, Hội phối hợp với Ngân hàng Nông nghiệp chi nhánh Gia Lai thực hiện công tác "
         "cho vay qua các tổ với tổng dư nợ 108,3 tỷ đồng.",
         {108.3e9: "tổng dư nợ công tác cho vay qua các tổ"}),
        # a heading that names no measure is not distributed
        ("Năm 2020, kết quả cụ thể như sau: tỷ lệ hộ nghèo 3%, tỷ lệ hộ cận nghèo 4%.",
         {3: "tỷ lệ hộ nghèo", 4: "tỷ lệ hộ cận nghèo"}),
        # a change restated in another unit keeps the change's indicator
        ("Năm 2020, số người tham gia BHXH là 85.072 người, giảm 3,44% - tương đương 3.030 "
         "người so với năm 2019.",
         {85072: "số người tham gia BHXH", 3.44: "số người tham gia BHXH giảm",
          3030: "số người tham gia BHXH giảm"}),
        # a verb phrase governs the count coordinated after its own ("và"), not a list
        ("Năm 2020, đã kiến nghị xử lý kỷ luật 27 tập thể và 49 cá nhân.",
         {27: "kiến nghị xử lý kỷ luật tập thể", 49: "kiến nghị xử lý kỷ luật cá nhân"}),
        ("Năm 2020, đã lắp đặt trạm tại 336 vị trí, 956 tuyến truyền dẫn.",
         {336: "lắp đặt trạm tại vị trí", 956: "tuyến truyền dẫn"}),
    ],
)  # fmt: skip
def test_shared_heads(text: str, expected: dict[float, str]) -> None:
    for value, indicator in expected.items():
        assert _by_value(text, value).indicator == indicator


def test_descriptor_numbers_are_not_figures() -> None:
    text = (
        "Năm 2019, toàn tỉnh có 34/45 xã đạt 19/19 tiêu chí. Tổng số tiêu chí đã đạt của "
        "45 xã là 785. Toàn ngành huy động 86.079 học sinh, trung bình 25 học sinh/1 lớp."
    )
    cands = candidates(text, report_year=2019, plan_year=2020)
    kept = {c.value: c for c in cands if c.label != "skip"}
    assert set(kept) == {34, 785, 86079, 25}
    assert kept[34].indicator == "xã đạt 19/19 tiêu chí"
    assert kept[785].indicator == "tổng số tiêu chí đạt của 45 xã"


def test_a_duration_that_is_the_measure_is_kept() -> None:
    kept = _by_value("Năm 2020, thời lượng phát sóng truyền hình đạt 21.900 giờ.", 21900)
    assert (kept.label, kept.indicator) == ("achievement", "thời lượng phát sóng truyền hình")
    assert _by_value("Năm 2020, tổ chức 12 lớp tập huấn trong 5 ngày.", 5).label == "skip"


def test_levels_of_online_public_services_are_not_figures() -> None:
    text = "Năm 2020, có 1.200 hồ sơ trực tuyến mức độ 3, 4 và 560 TTHC ở mức 3; 4."
    for level in (3, 4):
        assert all(
            c.label == "skip"
            for c in candidates(text, report_year=2020, plan_year=2021)
            if c.value == level
        )
    assert _by_value(text, 1200).label == "achievement"
    assert _by_value("Năm 2020, tỷ lệ hộ nghèo ở mức 4%.", 4).label == "achievement"


@pytest.mark.parametrize(
    ("text", "value", "reason"),
    [
        ("(BDO) Sáng 13 - 1, Sở Nông nghiệp tổ chức tổng kết năm 2016.", 1, "date"),
        ("Năm 2019, ngành tăng trưởng 4,6%, cao hơn bình quân chung cả nước (2,2%).", 2.2,
         "figure of another place"),
        ("Năm 2021, Phó Chủ tịch UBND tỉnh trao Giấy chứng nhận sản phẩm tiêu biểu cho 2 cơ sở.",
         2, "award recipients"),
        ("Hội nghị tổng kết năm 2023 với sự tham dự của 150 cán bộ, công chức toàn ngành.", 150,
         "participants"),
        ("Năm 2020, văn phòng tổ chức hội nghị tổng kết. Hơn 400 viên chức, người lao động "
         "tham dự.", 400, "participants"),
        ("Năm 2023, ngân sách tỉnh bố trí 45 tỷ đồng cho chương trình giảm nghèo.", 45e9,
         "allocated budget"),
        ("Năm 2023, đường dây nóng 1900 9068 hoạt động thông suốt.", 9068,
         "phone or code number"),
        ("Năm 2020, ngành tổ chức Liên hoan Ẩm thực 8 tỉnh Tây Bắc mở rộng.", 8, "event name"),
        ("Năm 2022, vận động viên của tỉnh giành 14 huy chương các loại tại SEA Games 31.", 31,
         "event name"),
        # the plan's own parts, assigned or planned
        ("Năm 2020, Sở được giao 7 nhiệm vụ trọng tâm.", 7, "structural count"),
        ("Năm 2021, ngành tập trung 5 nhóm giải pháp, 3 nhiệm vụ trọng tâm.", 5,
         "structural count"),
        ("Năm 2021, ngành đề ra 12 chỉ tiêu chủ yếu.", 12, "structural count"),
        # "một trong 39 điểm đến": one of a ranked set
        ("Năm 2020, Phong Nha - Kẻ Bàng được vinh danh là một trong 39 điểm đến của thế giới.", 39,
         "ranking"),
        # the whole a count is part of
        ("Năm 2020, toàn tỉnh có 17.435 hộ nghèo trong tổng số 79.677 hộ toàn tỉnh.", 79677,
         "base of a share"),
        # a small count per day names how a thing is done, its unit a rate
        ("Năm 2023, tỷ lệ học sinh tiểu học được học 2 buổi/ngày đạt 98%.", 2,
         "part of a name"),
    ],
)  # fmt: skip
def test_precision_skips(text: str, value: float, reason: str) -> None:
    c = _by_value(text, value)
    assert (c.label, c.cue) == ("skip", reason)


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        # "xếp hạng di tích" is a heritage classification, not a ranking
        ("Năm 2020, tỉnh đã xếp hạng di tích cấp quốc gia đối với 3 di tích.", 3, "achievement"),
        # "trên 01 triệu" is a qualifier and a scale, not a per-unit base
        ("Năm 2020, du khách ước đạt trên 01 triệu lượt người.", 1_000_000, "achievement"),
        # a plan share reached is a result even when the noun phrase says "phấn đấu"
        ("Năm 2020, tỷ lệ xã phấn đấu đạt chuẩn nông thôn mới đạt 34,2%, vượt 1,3% kế hoạch.",
         34.2, "achievement"),
        # provinces that took part, not named in an event's name
        ("Năm 2020, liên hoan ẩm thực thu hút 8 tỉnh tham gia.", 8, "achievement"),
        # tasks done are a result, not the plan's own parts
        ("Năm 2020, ngành y tế đã hoàn thành xuất sắc 3 nhiệm vụ trọng tâm.", 3, "achievement"),
        ("Năm 2020, Sở hoàn thành tốt 5/7 nhiệm vụ, 2 nhiệm vụ hoàn thành.", 2, "achievement"),
        # "các loại" (of all kinds) before a bracket is not "loại 1" (a class)
        ("Năm 2020, đoàn đạt 107 huy chương các loại (29 HCV, 22 HCB).", 29, "achievement"),
        # places reached after "tại" are counted (levels after "tại" describe)
        ("Năm 2020, Tòa án đã kiểm tra trực tiếp tại 10 huyện, thị xã.", 10, "achievement"),
        ("Năm 2020, Hội tổ chức diễn đàn tại 5 huyện biên giới.", 5, "achievement"),
    ],
)  # fmt: skip
def test_not_skipped(text: str, value: float, label: str) -> None:
    assert _by_value(text, value).label == label


def test_a_provincial_agency_named_in_lower_case_is_an_actor() -> None:
    # lexicon agencies: "Hải quan", "Viện kiểm sát nhân dân" keep words in lower case
    assert _by_value("Năm 2020, Viện kiểm sát nhân dân hai cấp thụ lý 880 vụ.", 880).indicator == (
        "thụ lý vụ"
    )
    text = "Năm 2020, Cục Hải quan Hải Phòng tiếp nhận 2,18 triệu tờ khai hải quan."
    assert "Hải Phòng" not in _by_value(text, 2.18e6).indicator
    # lexicon actor_sectors: "ngành Kiểm sát" is a sector acting, not "ngành Kiểm" + "sát ..."
    text = "Năm 2020, ngành Kiểm sát thụ lý 1.058 vụ/1.861 bị can."
    assert _by_value(text, 1058).indicator == "thụ lý vụ"  # not "vụ/": the slash joins counts
    assert _by_value(text, 1861).indicator == "thụ lý bị can"
    text = "Năm 2020, Viện kiểm sát thụ lý 1.058 vụ."
    assert _by_value(text, 1058).indicator == "thụ lý vụ"


def test_a_subject_that_is_not_an_actor_stays() -> None:
    text = "Năm 2018, tuyến huyện và tỉnh đã khám cho 1.422.678 lượt người."
    assert _by_value(text, 1_422_678).indicator == "tuyến huyện và tỉnh khám lượt người"
    text = "Năm 2018, Sở Y tế đã khám cho 1.422.678 lượt người."
    assert _by_value(text, 1_422_678).indicator == "khám lượt người"


def test_change_verb_with_its_object_and_own_subject_of_a_share() -> None:
    text = "Năm 2024, giảm 15% số hộ nghèo theo tiêu chí mới so với đầu năm."
    assert _by_value(text, 15).indicator == "giảm số hộ nghèo theo tiêu chí mới"
    # "X chiếm Y%" names X, not the previous figure
    text = "Năm 2024, thu đạt 6.485 tỷ đồng; số tiền chậm đóng chiếm 1,92%."
    assert _by_value(text, 1.92).indicator == "số tiền chậm đóng"


def test_a_plan_verb_after_a_result_in_its_sentence_is_a_result() -> None:
    text = (
        "Kết quả năm học vừa qua rất tốt. Trong năm có thêm 47 trường được công nhận đạt chuẩn "
        "quốc gia, nâng tổng số lên 1.396 trường."
    )
    assert _by_value(text, 1396).label == "achievement"


def test_a_plan_verb_in_a_sentence_that_opens_with_a_completion_is_a_result() -> None:
    # the plant's own number ("Huổi Chan 1") is no figure, so no result precedes "nâng"; the
    # sentence's opening "Hoàn thành" tells a result (lexicon label_cues.done_openers)
    text = (
        "Năm 2023, ngành Công Thương đạt nhiều kết quả.\n\nHoàn thành và đưa vào vận hành nhà "
        "máy thủy điện Huổi Chan 1, nâng tổng số nhà máy thủy điện trên địa bàn tỉnh lên 18 nhà "
        "máy.\n\nNăm 2024, ngành phấn đấu nâng tổng số nhà máy lên 20 nhà máy."
    )
    cands = candidates(text, report_year=2023, plan_year=2024)
    assert [(c.quantity.value, c.label) for c in cands] == [
        (1, "skip"),
        (18, "achievement"),
        (20, "target"),
    ]


def test_a_headline_plan_share_repeats_the_body() -> None:
    text = (
        "Thu ngân sách năm 2022 đạt 112,4% kế hoạch\n\n"
        "Năm 2022, tổng thu ngân sách đạt 15.000 tỷ đồng, đạt 112,4% kế hoạch."
    )
    kept = [c for c in candidates(text, report_year=2022, plan_year=2023) if c.label != "skip"]
    assert [(c.value, c.plan_pct) for c in kept] == [(15_000_000_000_000, 112.4)]


def test_goal_wording_and_bare_actors_are_not_the_indicator() -> None:
    text = "Mục tiêu năm 2024 là đón 3 triệu lượt khách du lịch."
    assert _by_value(text, 3e6).indicator == "đón lượt khách du lịch"
    assert _by_value("Năm 2023, Sở tổ chức 12 lớp tập huấn.", 12).indicator == (
        "tổ chức lớp tập huấn"
    )
    # a revenue estimate assigned for the plan year is a target, not an allocation
    text = "Năm 2024, Cục Thuế tỉnh được giao dự toán thu ngân sách 25.500 tỷ đồng."
    assert _by_value(text, 25_500e9).label == "target"


def test_an_estimate_for_the_end_of_the_reviewed_year_is_a_result() -> None:
    text = "Trong năm, dự kiến đến cuối năm, số người tham gia BHXH đạt 120.000 người."
    assert _by_value(text, 120_000).label == "achievement"  # (report year 2020 in _by_value)
    text = "Năm 2021, dự kiến đến cuối năm có 130.000 người tham gia BHXH."
    assert _by_value(text, 130_000).label == "target"


def test_colon_lists_name_or_join_their_items() -> None:
    # a colon that ends a clause opens a list whose items name themselves
    text = (
        "Năm 2020, phong trào văn hóa tiếp tục phát triển sâu rộng: 92,5% hộ gia đình đạt danh "
        "hiệu gia đình văn hóa; 85,3% thôn, buôn đạt danh hiệu văn hóa."
    )
    assert _by_value(text, 92.5).indicator == "hộ gia đình đạt danh hiệu gia đình văn hóa"
    assert _by_value(text, 85.3).indicator == "thôn, buôn đạt danh hiệu văn hóa"
    # "name: figure" items joined by commas keep their own names
    text = (
        "Năm 2020, tỷ lệ tham gia BHXH đạt: 95%, bảo hiểm thất nghiệp: 96%, tuyển mới: 300 người."
    )
    assert _by_value(text, 96).indicator == "bảo hiểm thất nghiệp"
    assert _by_value(text, 300).indicator == "tuyển mới người"
    # sites are counted, "điểm nhấn" are not
    assert _by_value("Năm 2020, ngành đã tu bổ 6 điểm di tích.", 6).label == "achievement"
    assert _by_value("Năm 2020, ngành có 3 điểm nhấn nổi bật.", 3).label == "skip"


def test_levels_after_a_baseline_and_shares_of_a_base() -> None:
    text = "Năm 2020, tỷ lệ hộ nghèo giảm từ 2,99% xuống còn 2,41%."
    level = _by_value(text, 2.41)
    assert (level.indicator, level.label) == ("tỷ lệ hộ nghèo", "achievement")
    assert "indicator.level_after_baseline" in level.rules
    text = "Năm 2020, số tiền chậm đóng chiếm 1,92% số phải thu."
    assert _by_value(text, 1.92).indicator == "số tiền chậm đóng so với số phải thu"
    # a comparison after the percentage is no base
    text = "Năm 2020, tốc độ tăng trưởng kinh tế đạt 10,52%, cao hơn mục tiêu."
    assert _by_value(text, 10.52).indicator == "tốc độ tăng trưởng kinh tế"


def test_places_as_subjects_and_repeated_captions() -> None:
    assert _by_value("Năm 2020, Phú Yên đón khoảng 2,36 triệu lượt khách.", 2.36e6).indicator == (
        "đón lượt khách"
    )
    text = (
        "Năm 2019, toàn tỉnh đón khoảng 2,36 triệu lượt khách du lịch.\n\n"
        "Du khách tham quan Gành Đá Đĩa. Năm 2019, Phú Yên đón khoảng 2,36 triệu lượt khách. "
        "Ảnh: KIM LOAN"
    )
    kept = [c for c in candidates(text, report_year=2019, plan_year=2020) if c.label != "skip"]
    assert [c.indicator for c in kept] == ["đón lượt khách du lịch"]


def test_a_part_named_by_one_word_takes_its_whole() -> None:
    text = (
        "Năm 2020, các cơ sở giáo dục nghề nghiệp đã tuyển mới và đào tạo 53.793 người, trong "
        "đó, có 23.120 nữ."
    )
    part = _by_value(text, 23_120)
    assert (part.indicator, part.rules[0]) == (
        "tuyển mới và đào tạo nữ",
        "indicator.part_of_previous",
    )


def test_a_goal_quoted_in_brackets_opens_no_plan_passage() -> None:
    text = (
        "Năm 2020, toàn tỉnh đạt 25 giường bệnh/vạn dân (năm 2020 Bộ Y tế đặt mục tiêu 26 giường "
        "bệnh/vạn dân). Toàn tỉnh có hơn 1,3 triệu người tham gia BHYT, đạt 92,4% dân số."
    )
    assert _by_value(text, 92.4).label == "achievement"
    assert _by_value(text, 1_300_000).label == "achievement"
    # a goal said in the sentence itself still opens one
    plain = text.replace("(năm 2020 Bộ Y tế", "; năm 2021 Bộ Y tế").replace("vạn dân).", "vạn dân.")
    assert _by_value(plain, 92.4).label == "target"


def test_a_bare_verb_is_shared_by_its_list_of_objects() -> None:
    text = (
        "Năm 2022, tỉnh đã hỗ trợ gần 1.400 doanh nghiệp, gần 14.300 hộ kinh doanh và trên "
        "281.000 người lao động gặp khó khăn do dịch COVID-19."
    )
    assert _by_value(text, 1400).indicator == "hỗ trợ doanh nghiệp"
    assert _by_value(text, 14300).indicator == "hỗ trợ hộ kinh doanh"
    assert "indicator.shared_head" in _by_value(text, 14300).rules
    # the same object contrasted is not a list: the second figure keeps its own clause
    text = "Năm 2022, ngành hoàn thành vượt mức 5 chỉ tiêu, 5 chỉ tiêu đạt 100% kế hoạch."
    second = [c for c in candidates(text, report_year=2022) if c.value == 5][1]
    assert not second.indicator.startswith("vượt mức")
    # an item with its own verb does not take the previous one's
    text = "Năm 2020, tỉnh đã lấy 12.400 mẫu xét nghiệm, cách ly tập trung 3.100 người."
    assert not _by_value(text, 3100).indicator.startswith("lấy")


@pytest.mark.parametrize(
    ("headline", "body", "rounded"),
    [
        ("GRDP ngành nông nghiệp tăng gần 2,75%", "GRDP ngành nông nghiệp tăng 2,74%", 2.75),
        ("Giải quyết việc làm cho hơn 35.000 lao động",
         "toàn tỉnh giải quyết việc làm cho 35.117 lao động", 35_000),
        # the last digit shown counts in its scale word ("72 tỷ": in tỷ)
        ('Vận động Quỹ "Vì người nghèo" đạt trên 72 tỷ đồng',
         "Ban Vận động Quỹ đã huy động được 72,77 tỷ đồng", 72e9),
        # a figure written as exact rounds only to the decimals it shows
        ("Số vụ cháy giảm 18,4% so với năm trước", "số vụ cháy giảm 7 vụ (18,42%)", 18.4),
    ],
)  # fmt: skip
def test_a_headline_that_rounds_a_body_figure_is_a_repeat(
    headline: str, body: str, rounded: float
) -> None:
    text = f"{headline}\n\nNăm 2020, {body}."
    assert _by_value(text, rounded).cue.startswith("duplicate of")
    # ... but not a headline figure far from every body figure
    far = f"{headline}\n\nNăm 2020, {body.replace('2,74', '1,9').replace('35.117', '30.117')}."
    far = far.replace("72,77", "75,77").replace("18,42", "18,46")
    assert _by_value(far, rounded).label != "skip"


@pytest.mark.parametrize(
    ("text", "value", "indicator"),
    [
        ("Năm 2023, ngành y tế khám chữa bệnh cho 1,2 triệu lượt người.", 1.2e6,
         "khám chữa bệnh lượt người"),
        ("Năm 2023, ngành văn hóa tổ chức 12 lễ hội.", 12, "tổ chức lễ hội"),
        # ... but a sector that is what the figure measures stays
        ("Năm 2023, ngành giáo dục chiếm 25% tổng chi ngân sách.", 25, "giáo dục"),
    ],
)  # fmt: skip
def test_a_sector_acting_in_lower_case_is_not_the_indicator(
    text: str, value: float, indicator: str
) -> None:
    assert _by_value(text, value).indicator.startswith(indicator)


def test_a_headline_with_the_unit_worded_differently_is_a_repeat() -> None:
    headline = "Năm 2021, phấn đấu giải quyết việc làm cho 32.000 lượt lao động"
    body = "Năm 2021, ngành đề ra chỉ tiêu: phấn đấu giải quyết việc làm cho 32.000 lao động."
    assert _by_value(f"{headline}\n\n{body}", 32_000).cue.startswith("duplicate of")
    # ... but the same value of another thing in the body is not one
    other = "Năm 2021, ngành đề ra chỉ tiêu: phấn đấu tuyển sinh, đào tạo nghề cho 32.000 người."
    assert _by_value(f"{headline}\n\n{other}", 32_000).label != "skip"


def test_a_headline_giving_the_low_end_of_a_body_range_is_a_repeat() -> None:
    text = (
        "Quảng Bình: Đặt mục tiêu năm 2021 đón hơn 3 triệu lượt khách du lịch\n\n"
        "Năm 2021, Sở Du lịch đặt chỉ tiêu đón 3 triệu đến 3,5 triệu lượt khách."
    )
    kept = [c for c in candidates(text, report_year=2020) if c.label != "skip"]
    assert [(c.value, c.value_max) for c in kept] == [(3e6, 3.5e6)]


def test_the_second_count_of_a_pair_is_what_the_first_counts_with_its_own_noun() -> None:
    text = (
        "Năm 2020, ngành thực hành quyền công tố và kiểm sát khởi tố mới 1.199 vụ/1.671 bị "
        "can. Công an đã điều tra làm rõ 726 vụ, với 140 đối tượng."
    )
    second = _by_value(text, 1671)
    assert second.indicator == "thực hành quyền công tố và kiểm sát khởi tố mới bị can"
    assert "indicator.slash_pair" in second.rules
    assert _by_value(text, 140).indicator == "điều tra làm rõ đối tượng"
    # a first count without a unit (a crash once)
    assert _by_value("Năm 2020, đã tiếp 300, với 120 công dân.", 120).indicator == "tiếp công dân"
    # a bare count after a comma is another object of the same act ...
    text = "Năm 2020, điều tra làm rõ 86 vụ, 113 đối tượng (đạt tỷ lệ 95,6%)."
    assert _by_value(text, 113).indicator == "điều tra làm rõ đối tượng"
    # ... but a count with its own longer name is not
    text = "Năm 2020, có 336 vị trí, 956 tuyến truyền dẫn."
    assert _by_value(text, 956).indicator == "tuyến truyền dẫn"
    assert _by_value("Năm 2020, tiểu học có 86.079 học sinh/3.118 lớp.", 3118).indicator == (
        "tiểu học lớp"
    )
    # what follows the pair names both counts when the first has no name of its own
    text = "Năm 2020, đã khởi tố 435 vụ/751 bị can các tội phạm về trật tự an toàn xã hội."
    first = _by_value(text, 435)
    assert first.indicator.endswith("vụ các tội phạm về trật tự an toàn xã hội")
    assert "indicator.pair_tail" in first.rules
    # ... after a comma too, from the words that link the offenders to their offence
    # (lexicon indicator_cues.case_units, offender_units, pair_tail_links)
    text = "Năm 2020, phát hiện, bắt 355 vụ, 622 đối tượng vi phạm pháp luật về ma túy."
    assert _by_value(text, 355).indicator == "phát hiện, bắt vụ vi phạm pháp luật về ma túy"
    text = "Năm 2020, phát hiện, bắt giữ 607 vụ/697 đối tượng vi phạm pháp luật về môi trường."
    assert _by_value(text, 607).indicator == (
        "phát hiện, bắt giữ vụ vi phạm pháp luật về môi trường"
    )
    # ... but a count of other things after a comma lends it nothing
    text = "Năm 2020, phát hiện, bắt 355 vụ, 622 kg ma túy các loại."
    assert _by_value(text, 355).indicator == "phát hiện, bắt vụ"
    # ... and so do the words after a count "với" it (the first alone is its noun)
    text = (
        "Năm 2020, phát hiện, bắt giữ 70 vụ với 83 đối tượng mua bán trái phép chất ma túy; 13 "
        "vụ với 23 đối tượng buôn lậu, gian lận thương mại."
    )
    assert _by_value(text, 13).indicator == "vụ buôn lậu, gian lận thương mại"
    assert "phát hiện" in _by_value(text, 70).indicator  # a name of its own stays
    assert _by_value("Năm 2020, đã tiếp 1.880 lượt với 2.387 công dân.", 1880).indicator == (
        "tiếp lượt"
    )
    # a bare count after a comma with "với" after it is still another object of the act
    text = "Năm 2020, xử phạt vi phạm hành chính 37 vụ, 63 trường hợp với số tiền 550 triệu đồng."
    assert _by_value(text, 63).indicator == "xử phạt vi phạm hành chính trường hợp"


def test_a_year_inside_a_closed_aside_decides_nothing_after_it() -> None:
    text = (
        "Năm 2020, toàn tỉnh xảy ra 832 vụ án (giảm 124 vụ sơ với năm 2019), đã điều tra làm "
        "rõ 726 vụ (đạt tỷ lệ 87,6%)."
    )
    assert _by_value(text, 726).label == "achievement"  # not "other year: năm 2019"
    assert _by_value(text, 87.6).label == "achievement"  # in an aside of its own


def test_a_counted_noun_runs_over_a_comma_up_to_a_with_clause() -> None:
    text = (
        "Năm 2020, các tổ chức đoàn đã triển khai trên 480 công trình, phần việc thanh niên với "
        "trị giá hơn 5 tỷ đồng."
    )
    assert _by_value(text, 480).indicator.endswith("công trình phần việc thanh niên")
    # the words right before the next figure are still its own
    assert _by_value(
        "Năm 2020, giảm 300 biên chế, tinh giản đối với 101 người.", 300
    ).indicator == ("giảm biên chế")


def test_by_how_much_a_level_beat_its_target_is_a_change_of_it() -> None:
    text = "Năm 2021, giải quyết 367 tin, đạt tỷ lệ 93,4%, vượt chỉ tiêu 3,4%."
    beat = _by_value(text, 3.4)
    assert beat.indicator == "tỷ lệ giải quyết tin vượt chỉ tiêu"
    assert "indicator.change_of_previous" in beat.rules


def test_a_change_compares_the_last_count_in_its_own_unit() -> None:
    text = (
        "Năm 2020, Viện kiểm sát đã thụ lý kiểm sát điều tra 1.079 vụ, 1.369 bị can, giảm 02 "
        "vụ, tăng 19 bị can so với cùng kỳ năm 2019."
    )
    two = _by_value(text, 2)
    assert two.indicator == "thụ lý kiểm sát điều tra vụ giảm"
    assert "indicator.change_of_unit_peer" in two.rules
    assert _by_value(text, 19).indicator == "thụ lý kiểm sát điều tra bị can tăng"
    # a count restating a change, or named by a noun phrase of its own, is not such a change
    text = "Năm 2020, có 35.072 người, giảm 3,44% - tương đương 3.030 người so với năm 2019."
    assert "indicator.change_of_unit_peer" not in _by_value(text, 3030).rules
    # an amount compares the sentence's last amount in its unit
    text = (
        "Năm 2020, doanh số cho vay đạt 436 tỷ đồng, với gần 22.470 lượt khách vay vốn, tăng 36 "
        "tỷ đồng so với cùng kỳ năm 2019."
    )
    assert _by_value(text, 36e9).indicator.startswith("doanh số cho vay tăng")
    # ... and a count "with" an amount names its own thing
    assert _by_value(text, 22_470).indicator == "lượt khách vay vốn"


def test_a_list_count_after_a_naming_word_is_not_a_reference_number() -> None:
    # "nhóm 5" names a group; "70 nhóm, 177 đối tượng" counts groups, then people
    c = _by_value("Năm 2020, triệt xóa, làm tan rã 70 nhóm, 177 đối tượng.", 177)
    assert c.label == "achievement"
    # a label is compared with its diacritics: "quà" (gifts) is not "qua" (past)
    assert _by_value("Năm 2020, Mặt trận trao quà trị giá hơn 41,8 tỷ đồng.", 41.8e9).label == (
        "achievement"
    )


def test_a_count_after_hoan_thanh_names_the_things_done() -> None:
    text = (
        "Năm 2020, VKSND hai cấp đã tích cực, chủ động thực hiện nhiều biện pháp hoàn thành "
        "117/152 chỉ tiêu."
    )
    c = _by_value(text, 117)
    assert (c.indicator, c.rules[-2]) == ("chỉ tiêu hoàn thành", "indicator.done_object")
    # "đạt" too, before a fraction (a ratio reached), not before an amount
    text = "Năm 2020, công ty thực hiện đạt 9/9 chỉ số độ tin cậy cung cấp điện."
    assert _by_value(text, 9).indicator == "chỉ số độ tin cậy cung cấp điện đạt"


def test_a_share_after_a_bare_act_is_named_with_its_object() -> None:
    text = "Năm 2021, Hội Nông dân tỉnh đã thực hiện đạt 100% các chỉ tiêu Trung ương Hội giao."
    c = _by_value(text, 100)
    assert (c.indicator, "indicator.act_with_object" in c.rules) == (
        "thực hiện các chỉ tiêu Trung ương Hội giao",
        True,
    )


def test_man_days_and_remains_are_counts() -> None:
    # "ngày công" counts man-days (not a duration); "quy tập" is no "tập" (volume number)
    assert _by_value("Năm 2020, đóng góp gần 6.000 ngày công.", 6000).label == "achievement"
    text = "Năm 2020, các cấp hội tìm kiếm, quy tập 17 hài cốt liệt sĩ."
    assert _by_value(text, 17).label == "achievement"


def test_an_act_governs_the_counts_joined_to_its_object_by_voi() -> None:
    text = (
        "Năm 2020, BĐBP tỉnh đã làm thủ tục xuất, nhập cảnh cho hơn 6 ngàn lượt chuyến tàu với "
        "hơn 124 ngàn thuyền viên, 485 hành khách và hơn 56 triệu tấn hàng hóa."
    )
    assert _by_value(text, 124_000).indicator == "làm thủ tục xuất, nhập cảnh thuyền viên"
    assert _by_value(text, 485).indicator == "làm thủ tục xuất, nhập cảnh hành khách"


def test_a_count_after_an_amount_and_va_shares_its_act() -> None:
    text = "Năm 2020, kiến nghị thu hồi 3.471,1 triệu đồng và 1.200m2 đất."
    c = _by_value(text, 1200)
    assert (c.indicator, "indicator.and_after_amount" in c.rules) == ("kiến nghị thu hồi đất", True)
    # what measures the money alone is not carried over
    text = "Năm 2020, tổng số tiền phát hiện vi phạm 9.765 triệu đồng và 8.501m2 đất."
    assert _by_value(text, 8501).indicator == "phát hiện vi phạm đất"


def test_a_bare_percentage_after_a_count_is_its_rate() -> None:
    c = _by_value("Năm 2020, giải quyết 12.525 vụ, đạt 85,69%.", 85.69)
    assert (c.indicator, c.rules[-2]) == ("tỷ lệ giải quyết vụ", "indicator.rate_of_previous")


def test_a_plan_told_with_the_results_opens_no_plan_passage() -> None:
    text = (
        "Trong năm 2020, ngành du lịch đã đặt ra kế hoạch phục hồi rõ ràng, hoàn thành mục tiêu "
        "với 2.010.720 lượt khách. Tổng thu từ khách du lịch dự ước đạt khoảng 2.312,3 tỷ đồng. "
        "Ngành du lịch tạo việc làm cho khoảng 4.000 lao động trực tiếp."
    )
    got = {c.value: (c.label, c.indicator) for c in candidates(text, report_year=2020)}
    assert got[2_312_300_000_000] == ("achievement", "tổng thu từ khách du lịch")
    assert got[4000][0] == "achievement"


def test_a_past_effort_is_no_plan() -> None:
    # "đã nỗ lực, phấn đấu và hoàn thành": striven for and done, in the reviewed year
    text = (
        "Năm 2025, VKSND hai cấp đã nỗ lực, phấn đấu và hoàn thành xuất sắc nhiệm vụ; hoàn "
        "thành 132/132 chỉ tiêu công tác, trong đó có 63 chỉ tiêu vượt yêu cầu."
    )
    got = {c.value: c.label for c in candidates(text, report_year=2025, plan_year=2026)}
    assert got[132] == got[63] == "achievement"
    # ... but a plan year names a plan even after "đã xác định mục tiêu"
    text = "Năm 2026, ngành đã xác định mục tiêu, phấn đấu tăng 10% doanh thu."
    assert _by_value(text, 10).label == "target"


def test_a_figure_restated_later_in_the_body_is_labelled_once() -> None:
    text = (
        "Năm 2020, giá trị sản xuất công nghiệp có nhiều chuyển biến, ước đạt 15.537 tỷ đồng, "
        "tăng 12,1% so với năm 2019. Năm 2020, giá trị sản xuất công nghiệp (theo giá so sánh "
        "2010) ước đạt 15.537 tỷ đồng, tăng 12,1% so với năm 2019."
    )
    kept = [c for c in candidates(text, report_year=2020) if c.label != "skip"]
    assert [c.value for c in kept] == [15_537e9, 12.1]
    # an amount of five significant digits twice is one figure, whatever each names it
    text = (
        "Cục Hải quan đã nỗ lực vượt bậc, thu ngân sách đạt 66.362 tỷ đồng.\n\nVề thu ngân "
        "sách nhà nước, kết thúc năm 2020, Cục Hải quan Hải Phòng thu đạt 66.362 tỷ đồng."
    )
    assert len([c for c in candidates(text, report_year=2020) if c.label != "skip"]) == 1
    # ... but two small counts of the same kind may be two sets
    text = "Năm 2020, hoàn thành vượt mức 5 chỉ tiêu, 5 chỉ tiêu đạt 100% kế hoạch."
    assert len([c for c in candidates(text, report_year=2020) if c.value == 5]) == 2
    assert all(c.label != "skip" for c in candidates(text, report_year=2020) if c.value == 5)


def test_a_year_in_brackets_after_a_figure_is_its_year() -> None:
    text = (
        "Năm 2020, toàn tỉnh nâng tỷ lệ hộ được sử dụng điện từ 86,7% (năm 2015) lên 97,5% "
        "(năm 2020)."
    )
    level = _by_value(text, 97.5)
    assert (level.label, level.indicator) == ("achievement", "tỷ lệ hộ được sử dụng điện")
    assert _by_value(text, 86.7).label == "skip"


def test_time_phrases_go_whole() -> None:
    assert strip_time("trong năm 2022") == ""
    assert strip_time("chi ngân sách cả năm") == "chi ngân sách"


def test_now_as_a_lead_word_is_dropped_but_not_the_nouns_it_begins() -> None:
    # "hiện có" (now there are) opens the clause; "hiện vật" (goods in kind) is a noun
    assert _by_value(
        "Năm 2020, toàn tỉnh hiện có 185 trường đạt chuẩn quốc gia.", 185
    ).indicator == ("trường đạt chuẩn quốc gia")
    text = "Năm 2020, Công đoàn trao quà, hiện vật và tiền trị giá gần 3 tỷ đồng."
    assert _by_value(text, 3e9).indicator.startswith("hiện vật")


def test_a_part_that_repeats_its_whole_names_it_once() -> None:
    text = (
        "Năm 2020, tỷ lệ lao động qua đào tạo đạt 59,71%, trong đó lao động qua đào tạo có "
        "bằng cấp chứng chỉ đạt 20,11%."
    )
    part = _by_value(text, 20.11)
    assert part.indicator == "tỷ lệ lao động qua đào tạo có bằng cấp chứng chỉ"
    assert "indicator.part_of_previous" in part.rules


def test_a_plan_frame_names_nothing_up_to_its_la() -> None:
    # "Mục tiêu ... là", "Định hướng ... là": what the plan is to do names the figure
    text = "Năm 2020, mục tiêu của ngành trong năm 2021 là tuyển sinh 20.000 người học nghề."
    assert _by_value(text, 20000).indicator == "tuyển sinh người học nghề"
    text = (
        "Định hướng cần thực hiện cho ngành điện tỉnh Hậu Giang trong năm 2021 là xây dựng "
        "mạng lưới điện đạt 100% đến các hộ gia đình."
    )
    assert _by_value(text, 100).indicator == "xây dựng mạng lưới điện"


def test_an_acts_objects_past_semicolons_are_named_with_the_act() -> None:
    text = (
        "Năm 2020, công an thu giữ hơn 356 kg heroin; 1,36 tấn ma túy tổng hợp; 22 khẩu súng, "
        "3 quả lựu đạn."
    )
    assert _by_value(text, 1.36).indicator == "thu giữ ma túy tổng hợp"
    assert _by_value(text, 22).indicator == "thu giữ khẩu súng"
    assert _by_value(text, 3).indicator == "thu giữ quả lựu đạn"
    assert "indicator.act_over_semicolons" in _by_value(text, 22).rules
    # a list with a measure before it, not an act, is left alone
    text = "Năm 2020, tổng số học sinh 1.200 em; 300 giáo viên."
    assert "indicator.act_over_semicolons" not in _by_value(text, 300).rules


def test_a_rate_told_in_two_aspects_names_each_with_its_measure() -> None:
    # lexicon indicator_cues.measure_aspects: "về việc", "về tiền"
    text = "Năm 2020, tỷ lệ thi hành xong đạt 83,99% về việc, 44,26% về tiền."
    assert _by_value(text, 83.99).indicator == "tỷ lệ thi hành xong về việc"
    assert _by_value(text, 44.26).indicator == "tỷ lệ thi hành xong về tiền"
    assert "indicator.measure_aspect" in _by_value(text, 44.26).rules
    # an office's own rates (was skipped: "về việc" alone names nothing)
    text = "Năm 2020, Cục THADS đạt 60% về việc, 44% về tiền."
    assert _by_value(text, 60).indicator == "Cục THADS về việc"
    assert _by_value(text, 60).label == "achievement"
    # in brackets after the measure they detail
    text = "Năm 2020, tỷ lệ thi hành án tín dụng còn đạt thấp (tỷ lệ 2,28% về việc)."
    assert _by_value(text, 2.28).indicator == "tỷ lệ thi hành án tín dụng về việc"


def test_a_list_by_place_names_each_place_with_the_measure() -> None:
    text = (
        "Năm 2020, số trường đạt chuẩn quốc gia cao như huyện Lạng Giang 67/68 trường, Yên "
        "Dũng 59/60 trường, TP Bắc Giang 50/52 trường."
    )
    assert _by_value(text, 59).indicator == "số trường đạt chuẩn quốc gia cao như Yên Dũng"
    assert _by_value(text, 50).indicator == "số trường đạt chuẩn quốc gia cao như TP Bắc Giang"
    assert "indicator.place_of_list" in _by_value(text, 50).rules
    # a shared head names the places already; an acronym is no place
    text = "Năm 2020, tỷ lệ bao phủ bảo hiểm y tế: thành phố Vinh 98%, huyện Nghi Lộc 95%."
    assert _by_value(text, 95).indicator == "tỷ lệ bao phủ bảo hiểm y tế huyện Nghi Lộc"
    text = "Năm 2020, toàn tỉnh có 540 trường tiểu học, 216 trường THCS."
    assert "indicator.place_of_list" not in _by_value(text, 216).rules


def test_an_acts_bare_objects_before_the_next_act_share_it() -> None:
    text = "Năm 2020, cấp chứng thư số cho 381 tổ chức, 710 cá nhân và cấp phôi SIM cho 138 người."
    assert _by_value(text, 710).indicator == "cấp chứng thư số cá nhân"
    assert _by_value(text, 138).indicator.startswith("cấp phôi SIM")


def test_a_counted_noun_goes_on_past_a_figures_aside() -> None:
    text = "Năm 2020, toàn tỉnh có 139/139 xã (đạt 100%) về đích nông thôn mới."
    assert _by_value(text, 139).indicator == "xã về đích nông thôn mới"
    # an abbreviation in brackets is no aside of a figure: the noun stops there
    text = "Năm 2020, Hội phát triển mới 50 hội viên (HV) ở các đơn vị như: Đức Hòa, Bến Lức."
    assert _by_value(text, 50).indicator == "phát triển mới hội viên"


def test_two_counted_lists_joined_by_and_share_the_predicate() -> None:
    text = (
        "Năm 2020, toàn tỉnh có 191/192 xã, phường, thị trấn và 15/15 huyện, thị xã, thành phố "
        "được công nhận đạt chuẩn phổ cập giáo dục mầm non."
    )
    first, second = _by_value(text, 191), _by_value(text, 15)
    assert first.indicator.startswith("xã phường, thị trấn được công nhận đạt chuẩn phổ cập")
    assert second.indicator.startswith("huyện thị xã, thành phố được công nhận")
    # the last word of a compound ("tồn tại") is no dangling preposition
    text = "Năm 2020, ban hành 07 kiến nghị khắc phục vi phạm, tồn tại và 01 kiến nghị khác."
    assert _by_value(text, 7).indicator.endswith("vi phạm, tồn tại")


def test_a_province_after_at_that_opens_the_clause_is_no_part_of_the_label() -> None:
    text = "Năm 2020, hiện ở An Giang tỷ lệ phủ sóng thông tin di động đạt 100% xã."
    assert _by_value(text, 100).indicator == "tỷ lệ phủ sóng thông tin di động"
