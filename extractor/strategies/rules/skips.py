"""Skip reasons: why a number is not a figure, or a figure not a metric."""

from __future__ import annotations

import re
from functools import lru_cache

from extractor import indicators as _ind
from extractor.numbers import Quantity
from extractor.strategies.rules.awards import _AWARD_KIND, _RECIPIENT_UNITS
from extractor.strategies.rules.common import _CAP, _I, _W0, _W1, Span, _stated, _wordset
from extractor.strategies.rules.indicators import _MEASURE_UNITS

# Units that never make a metric in these articles.
_SKIP_UNITS: dict[str, str] = {
    "năm": "duration",
    "tháng": "duration",
    "ngày": "duration",
    "tuần": "duration",
    "giờ": "duration",
    "phút": "duration",
    "quý": "duration",
    "tuổi": "age",
    "đại biểu": "participants",
    "khách": "participants",
    "bậc": "ranking",
    "hạng": "ranking",
    "sao": "rating",
}
_STRUCT_UNITS = _wordset("nhóm khâu lần cấp mặt điểm bước") | {
    "lĩnh vực", "nội dung", "nhiệm vụ", "giải pháp", "đột phá", "chương trình", "vấn đề",
    "trụ cột", "phong trào",
}  # fmt: skip


_RANKING = re.compile(
    rf"{_W0}(?:xếp\s+thứ|xếp\s+hạng|đứng\s+thứ|thứ\s+hạng|hạng){_W1}"
    r"(?!\s+(?:di\s+tích|di\s+sản|bảo\s+tàng))",  # "xếp hạng di tích": a heritage class
    _I,
)
_REFERENCE_BEFORE = re.compile(
    rf"{_W0}(?:số|thứ|lần\s+thứ|lần|mũi|đợt|khóa|khoá|mức\s+độ|cấp\s+độ|giai\s+đoạn|điều|khoản|tổ|ấp"
    rf"|khu\s+phố|phiên\s+bản|loại|ảnh|hình|video|clip|kỳ|khoá|quý|tập|trang"
    rf"|quốc\s+lộ|tỉnh\s+lộ|đường|top|nhóm|đường\s+dây\s+nóng|hotline|điện\s+thoại|đt|fax|tel"
    rf"|gmt\s*[+-]|utc\s*[+-]"
    rf")\W*$",
    _I,
)
_PARTICIPANTS = re.compile(rf"{_W0}(?:dự|tham\s+dự|tham\s+gia|về\s+dự)\s+hội\s+nghị{_W1}", _I)
_FURNITURE = re.compile(rf"{_W0}(?:lượt\s+(?:xem|đọc|thích|truy\s+cập)|bình\s+luận)\W*$", _I)
_AWARD_VERB = re.compile(
    rf"{_W0}(?:được\s+(?:tặng|trao|nhận|khen)|nhận\s+được|đón\s+nhận|tặng|trao\s+tặng|khen\s+thưởng)"
    rf"{_W1}",
    _I,
)


_BASELINE_AFTER = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:xuống(?:\s+còn)?|lên|còn|đến|tới)\s+(?:mức\s+)?(?:còn\s+)?\d", _I
)
_DESCRIPTOR_BEFORE = re.compile(rf"{_W0}(?:tại|ở|đủ|cả)\s*$", _I)


_DAY_BEFORE = re.compile(
    r"(?<!\w)(?:sáng|chiều|tối|trưa|ngày|hôm)\s+(?:nay\s+)?(?:\(\s*)?\d{1,2}\s*[-/.]\s*$", _I
)
_DAY_AFTER = re.compile(r"\s*[-/.]\s*\d{1,2}(?!\d)")
_ROUND_BASES = (1, 10, 100, 1000, 10000, 100000)
_SCALE_AFTER = re.compile(
    r"\s*(?:nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)", _I
)  # "trên 01 triệu lượt"  # per-unit bases: "trên 10.000 dân"
# "34/45 xã đạt 19/19 tiêu chí": a full fraction describing the things just counted
_DESCRIPTOR_FRACTION = re.compile(r"\d[\d.,/]*\s+[^\W\d]+(?:\s+[^\W\d]+)?\s+đạt\s*$", _I)
# "Tổng số tiêu chí đã đạt của 45 xã là 785": the scope of the figure that follows
_SCOPE_OF_NEXT = re.compile(r"\s*(?:là|đạt)\s+(?:khoảng\s+|hơn\s+|trên\s+)?\d", _I)


@lru_cache(maxsize=16)
def _line_reason(text: str, line_start: int, ascii_text: bool) -> str | None:
    """The verdict on a whole line, once per line (a one-line megabyte article has
    thousands of numbers on its single line: checking it per number was quadratic)."""
    line_end = text.find("\n", line_start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    if re.fullmatch(r"\W*\d+\W*", line):
        return "lone number"  # an image counter on its own line
    if not ascii_text and line.isascii() and len(line.split()) >= 5:
        return "slug line"  # "nam 2017 thai nguyen phan dau ...": a URL slug, not prose
    return None


def _inner_reason(text: str, q: Quantity, sent_start: int, ascii_text: bool = False) -> str | None:
    """Why a number is part of a phrase ("trên 1 ha", "từ 18 tuổi", "mũi 3", "2 buổi/ngày")
    rather than a figure; such numbers never bound another figure's clause."""
    unit = (q.unit or "").lower()
    if unit in _SKIP_UNITS:
        return _SKIP_UNITS[unit]
    why = _line_reason(text, text.rfind("\n", 0, q.start) + 1, ascii_text)
    if why:
        return why
    before = text[max(sent_start, q.num_start - 30) : q.num_start]
    stated = _stated(text, q)
    if 1900 <= stated <= 2100 and q.kind == "count" and re.search(r"(?:năm|nam)\s*$", before, _I):
        return "year"
    if stated <= 31 and (
        _DAY_BEFORE.search(before)
        or (_DAY_BEFORE.search(before + "1 - ") and _DAY_AFTER.match(text, q.num_end))
    ):
        return "date"  # "Sáng 13 - 1, Sở ... tổ chức", "ngày 5/1"
    if (
        re.search(r"/\s*$", before)
        and (stated in _ROUND_BASES or not re.search(r"\d\s*[^\W\d]+(?:\s+[^\W\d]+)?/\s*$", before))
    ) or (
        stated == 1
        and not _SCALE_AFTER.match(text, q.num_end)
        and re.search(r"(?:trên|mỗi)\s*$", before, _I)
    ):
        # "giường bệnh/10.000 dân", "trên 1 ha"; but "86.079 học sinh/3.118 lớp" is two figures
        return "per-unit denominator"
    if stated in _ROUND_BASES and re.search(r"(?:trên|mỗi)\s*$", before, _I):
        after = text[q.num_end : q.num_end + 20]
        if re.search(r"\d[^,;:()]{1,40}\s(?:trên|mỗi)\s*$", before) or re.match(
            r"\s*(?:dân(?!\s+tộc)|trẻ\s+đẻ|ca\s+sinh|dân\s+số)", after, _I
        ):
            return "per-unit denominator"  # "giường bệnh trên 10.000 dân"
    if (
        q.kind == "fraction"
        and q.denominator == stated
        and _DESCRIPTOR_FRACTION.search(text[max(sent_start, q.start - 40) : q.start])
    ):
        return "descriptor of the counted noun"
    if (
        q.kind == "count"
        and re.search(r"(?<!\w)của\s*$", before, _I)
        and _SCOPE_OF_NEXT.match(text, q.end)
    ):
        return "scope of the next figure"
    if re.search(rf"{_W0}\d+\s+trong\s+(?:số\s+)?$", before, _I) or re.match(
        r"\s+trong\s+(?:số\s+)?\d", text[q.end : q.end + 14], _I
    ):
        return "ranking"  # "1 trong 6 nước"
    if (q.unit or "").lower() in ("mũi", "liều") and q.value <= 5:
        return "descriptor"  # "tiêm 2 mũi"
    if (
        q.kind == "count"
        and q.value <= 10
        and re.match(r"/(?:ngày|tuần|tháng|năm|buổi)", text[q.end : q.end + 8])
    ):
        return "part of a name"
    if q.kind not in ("fraction", "plan") and _REFERENCE_BEFORE.search(before):
        return "reference number"
    if re.search(r"(?:gmt|utc)\s*[+-]\s*$", text[max(0, q.num_start - 6) : q.num_start], _I):
        return "time zone"  # "10:11GMT+7"
    if (
        q.kind == "count"
        and q.value <= 30
        and (
            re.match(r"\)", text[q.num_end : q.num_end + 1])
            and re.search(r"(?:^|[\s(])\($", before)
            or re.search(r"(?:^|\n)\s*$", before)
            and re.match(r"[.)]\s", text[q.num_end : q.num_end + 2])
        )
    ):
        return "list marker"  # "(1) Đổi mới ...", "2. Tỷ lệ ..."
    if re.match(r"\s*(?:tháng|năm|ngày|tuần|quý)(?!\w)", text[q.num_end : q.num_end + 8], _I):
        return "duration"
    if re.search(r"(?:19|20)\d{2}[-/.]$", before):
        return "date"  # "2021-06"
    if q.kind == "count" and q.value <= 20 and _DESCRIPTOR_BEFORE.search(before):
        return "descriptor"  # "khám chữa bệnh tại 3 tuyến", "tiêm đủ 8 loại vắc xin"
    if q.kind == "count" and (
        re.fullmatch(r"0\d{6,}|\d{8,}", text[q.num_start : q.num_end])
        or re.search(r"(?:^|\s)(?:0\d{2,3}|1800|1900)[ .]$", before)  # "0236 3821150"
    ):
        return "phone or code number"
    return None


def _skip_reason(text: str, q: Quantity, sent: Span, clause_start: int,
                 award_spans: list[Span]) -> str | None:  # fmt: skip
    """Why a figure is not a metric at all, or None."""
    unit = (q.unit or "").lower()
    s, e = sent
    before = text[max(s, q.start - 30) : q.start]
    clause_before = text[clause_start : q.start]
    if _FURNITURE.search(text[max(0, q.start - 25) : q.start]):
        return "page furniture"
    if _RANKING.search(clause_before) or (q.kind == "fraction" and _RANKING.search(before)):
        return "ranking"
    if (
        unit in _STRUCT_UNITS
        and q.value <= 20
        and q.kind != "fraction"
        and not (unit == "điểm" and _SITE_AFTER.match(text, q.end))
    ):
        return "structural count"
    if re.search(r"từ\s*$", text[max(s, q.start - 8) : q.start], _I) and _BASELINE_AFTER.match(
        text, q.end
    ):
        return "baseline"  # "giảm từ 13,3% xuống còn 10,7%": the starting point
    in_award = any(a <= q.start < b for a, b in award_spans)
    if in_award and (unit in _RECIPIENT_UNITS or not unit):
        return "award recipients"
    if unit in _RECIPIENT_UNITS and _AWARD_VERB.search(text[q.end : min(e, q.end + 60)]):
        after = text[q.end : min(e, q.end + 80)]
        if _AWARD_KIND.search(after) or re.search(r"được\s+khen", after, _I):
            return "award recipients"
    if unit in ("người", "đại biểu") and _PARTICIPANTS.search(text[q.end : min(e, q.end + 40)]):
        return "participants"
    if re.match(r"\s*(?:đại\s+biểu|khách\s+mời|điểm\s+cầu)", text[q.num_end : q.num_end + 20], _I):
        return "participants"
    if _ATTENDED_BY.search(text[max(s, q.start - 40) : q.start]):
        return "participants"  # "với sự tham dự của 150 cán bộ, công chức"
    if q.value in (63, 34) and re.match(r"\s*tỉnh,\s*thành", text[q.num_end : q.num_end + 20], _I):
        return "all provinces"
    if q.kind == "money" and _ind.allocates(clause_before):
        return "allocated budget"  # "ngân sách tỉnh bố trí 45 tỷ đồng cho ..." (§5: optional)
    if _GRANT_TO.search(clause_before) and unit not in _MEASURE_UNITS:
        return "award recipients"  # "trao Giấy chứng nhận ... cho 2 cơ sở"
    if re.search(r"\(\s*$", before) and _OTHER_PLACE.search(before):
        return "figure of another place"  # "cao hơn bình quân chung cả nước (2,2%)"
    return None


# "6 điểm di tích", "12 điểm trường": sites counted, not "3 điểm nhấn"
_SITE_AFTER = re.compile(r"\s+(?!nhấn|mới|yếu|sáng|nổi|chính|trọng|then|cầu)\w", _I)
_ATTENDED_BY = re.compile(
    rf"{_W0}(?:sự\s+)?(?:tham\s+dự|có\s+mặt)(?:\s+của)?(?:\s+(?:hơn|trên|gần|khoảng))?\s*$", _I
)
_GRANT_TO = re.compile(
    rf"{_W0}(?:trao|tặng|trao\s+tặng|trao\s+thưởng)\s+(?:{_CAP}\w*|danh\s+hiệu)[^;]*\scho\s*$", _I
)
_OTHER_PLACE = re.compile(
    rf"{_W0}(?:cả\s+nước|toàn\s+quốc|bình\s+quân\s+chung|trung\s+bình\s+chung)\s*\(\s*$", _I
)
