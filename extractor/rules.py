"""Deterministic extraction (no model): figures, their labels and indicators, officials,
awards, years, title, province and sector, from cues in the Vietnamese text.

Figures come only from :func:`extractor.numbers.find_quantities`; every evidence is a
verbatim slice of the text. :func:`candidates` lists them numbered, with the rules' guess,
for a model-guided strategy to relabel; :func:`extract_rules` builds the whole report.

- Years: the "tổng kết ... năm X, triển khai ... năm X+1" frame, else votes of the cues
  around each "năm Y" (comparisons "so với năm Y" and dates do not vote).
- Label: the nearest cue before the figure in its sentence (a report/plan year, "phấn đấu",
  "sẽ", "đặt mục tiêu"; weaker: "đã", "năm qua"), else the scope carried from earlier
  sentences of the paragraph (or over a heading / "...:" / bullets), else a plan verb
  ("nâng ... lên"), else achievement. Skipped: award recipient counts, rankings, page
  furniture, participants, the reviewed year's assigned plan "(kế hoạch 95%)", baselines
  "từ X% xuống Y%", other years and multi-year totals, repeats, numbers inside a phrase.
- Indicator: the clause before the figure (after ; , : ( or the previous figure, commas
  inside a noun phrase rejoined) without actors, dates, fillers and verbs, joined with the
  noun phrase after the figure when the figure is a verb's object; a head shared over a
  list; a table row's first cell; else borrowed from the previous figure ("chiếm X%" ->
  "tỷ lệ ...", "tăng X% so với ...") or the noun after. The cue words and tests live in
  :mod:`extractor.indicators`; each candidate lists the named rules that decided it
  (``Candidate.rules``).
- Plan phrases ("vượt 33,3% kế hoạch") become the plan_pct of the figure they follow.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from extractor import indicators as _ind
from extractor import vi
from extractor.models import Award, Metric, Official, SectorReport
from extractor.numbers import Quantity, find_quantities, parse_number
from extractor.text import fold, paragraphs, sentences
from extractor.vi.labels import LABEL_THRESHOLD, label_similarity

Label = Literal["achievement", "target", "skip"]
Span = tuple[int, int]

_I = re.IGNORECASE
_UP = "A-ZÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
_CAP = rf"(?-i:[{_UP}])"  # an upper-case letter, even under re.IGNORECASE
_W0 = r"(?<!\w)"  # word start
_W1 = r"(?!\w)"  # word end


def _alt(words: list[str] | tuple[str, ...]) -> str:
    """Regex alternation, longest first, flexible inner whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _rx(words: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"{_W0}(?:{_alt(words)}){_W1}", _I)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


# =========================================================================== vocabulary

# Vietnamese department / ministry names (general knowledge), canonical form first.
DEPARTMENTS: dict[str, list[str]] = vi.phrase_map("departments")
_DEPT_RX = [
    (canon, re.compile(r"(?:" + "|".join(pats) + r")" + _W1)) for canon, pats in DEPARTMENTS.items()
]
_DEPT_ANY_RX = re.compile(r"(?:" + "|".join("|".join(p) for p in DEPARTMENTS.values()) + r")")
# lower-case sector words after "ngành" ("ngành giáo dục", "ngành y tế").
_SECTOR_LOWER = {
    "lao động - thương binh và xã hội": "Lao động - Thương binh và Xã hội",
    "giáo dục": "Giáo dục và Đào tạo",
    "giáo dục và đào tạo": "Giáo dục và Đào tạo",
    "nông nghiệp": "Nông nghiệp và Phát triển nông thôn",
    "y tế": "Y tế",
    "công thương": "Công Thương",
    "tài chính": "Tài chính",
    "xây dựng": "Xây dựng",
    "tư pháp": "Tư pháp",
    "nội vụ": "Nội vụ",
}

# The 63 provinces and centrally-run cities (and older/alternate spellings).
PROVINCES: tuple[str, ...] = tuple(vi.entry("provinces"))

# Common Vietnamese family names (general knowledge), used to find where a name starts.
SURNAMES: frozenset[str] = _wordset(
    """nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đào đoàn vương
    trịnh trương lâm phùng mai tô hà tạ lương đinh cao quách thái lưu hứa chu kiều tăng văn
    triệu thân kim đàm lại nghiêm mạc từ châu giang lạc khúc ông cù diệp hàn la lò lục nông
    mã quan quản sầm tôn trang viên vi bế hầu đồng giàng sùng thào vàng lầu mùa hờ ksor rơ
    điểu thạch danh chau sơn kha lữ lăng âu ninh hoa phí ma lã quàng điêu bàn triệu lường
    nhữ khổng tống doãn đới đàng trượng thiều ưng yên ngọ chế y"""
)

# Position heads; longest first so "Phó Giám đốc" wins over "Giám đốc".
_HEAD_WORDS: list[str] = list(vi.entry("position_heads"))
_HEAD = rf"(?:(?:Phó|Quyền|Q\.)\s+)?(?:{_alt(_HEAD_WORDS)})"
_HEAD_RX = re.compile(rf"{_W0}{_HEAD}{_W1}")
_HEAD_RX_I = re.compile(rf"{_W0}{_HEAD}{_W1}", _I)
# lower-case words that may continue a title's organisation ("UBND tỉnh", "Tỉnh ủy").
_ORG_LOWER = _wordset(
    """tỉnh huyện xã phường thị trấn thành phố thường trực nhân dân ủy uỷ ban viên phụ trách
    và quốc hội đảng đoàn sở bộ phòng trung ương chính phủ nước khu vực quan đại diện"""
)
_TITLE_STOP = _wordset(
    """phát nhấn cho dự chủ tặng trao thăm yêu đề ghi biểu khẳng chỉ đánh báo trình tham làm
    đến tới đã sẽ cũng được tại về trong với khai kết lãnh điều kiểm chúc gửi nêu thông
    giới khen đón nhận mong cảm tiếp ký"""
)

# Award kinds.
_AWARD_KIND = re.compile(
    r"(?<!\w)(?:"
    r"Huân\s+chương(?:\s+\w+){1,4}?\s+hạng\s+(?:Nhất|Nhì|Ba|nhất|nhì|ba)"
    r"|Huân\s+chương\s+(?:Lao\s+động|Độc\s+lập|Bảo\s+vệ\s+Tổ\s+quốc|Chiến\s+công|Hồ\s+Chí\s+Minh)"
    rf"|Huy\s+chương(?:\s+{_CAP}\w*){{1,4}}"
    rf"|Kỷ\s+niệm\s+chương(?:\s+[“\"][^”\"\n]{{2,90}}[”\"]|\s+[“\"]?{_CAP}\w*(?:\s+\w+){{0,6}}[”\"]?)?"
    r"|(?<=trao\s)Giấy\s+chứng\s+nhận|(?<=tặng\s)Giấy\s+chứng\s+nhận"
    r"|Cờ\s+thi\s+đua(?:\s+xuất\s+sắc)?"
    r"|Bằng\s+khen|Giấy\s+khen"
    r"|danh\s+hiệu\s+[“\"]?\w[^,.;“”\"]{2,60}?[”\"]?(?=\s*(?:của|cho|do|vì|,|;|\.|$))"
    r"|Chiến\s+sĩ\s+thi\s+đua\s+(?:cơ\s+sở|cấp\s+tỉnh|cấp\s+bộ|toàn\s+quốc)"
    r"|khen\s+thưởng(?=\s+(?:cho\s+)?(?:\d+\s+)?(?:các|những|nhiều|tập\s+thể|cá\s+nhân|\d))"
    r")(?!\w)",
    _I,
)
_RECIPIENT_UNITS = frozenset(
    {"tập thể", "cá nhân", "đơn vị", "đồng chí", "gia đình", "người", "cán bộ", "học sinh"}
)

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


# =========================================================================== helpers


def _is_title_word(w: str) -> bool:
    """ "Nguyễn", "Y", "H'Bia" (not "UBND", not "tỉnh")."""
    parts = re.split(r"['’]", w)
    return all(
        p and p.isalpha() and p[0].isupper() and (len(p) == 1 or p[1:].islower()) for p in parts
    )


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_TOKEN = re.compile(rf"{_CAP}(?:\.{_CAP})+\.?|[^\W_][\w&'’]*(?:-[^\W_][\w&]*)*|[^\w\s]")


class _Spans:
    """Sentence and paragraph spans with fast lookup."""

    def __init__(self, text: str) -> None:
        self.sents = sentences(text)
        self.paras = paragraphs(text)
        self._s_starts = [s for s, _ in self.sents]
        self._p_starts = [s for s, _ in self.paras]

    def sent_idx(self, pos: int) -> int:
        return max(0, bisect_right(self._s_starts, pos) - 1)

    def para_idx(self, pos: int) -> int:
        return max(0, bisect_right(self._p_starts, pos) - 1)


# =========================================================================== years

_YEAR = re.compile(r"(?<![\d/.,-])((?:19|20)\d{2})(?![\d/])")
_YEAR_PREFIX = re.compile(r"(?:năm|Năm|NĂM)(?:\s+học)?\s+$")
_PERIOD_LEAD = re.compile(
    r"(?:^|[,;:.]\s*|\n)(?:(?:trong|tính\s+chung|lũy\s+kế|luỹ\s+kế|sau|qua)\s+)?(?:cả\s+)?"
    r"(?:giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ)\s+(?:từ\s+)?(?:năm\s+)?$",
    _I,
)
_PERIOD_PREFIX = re.compile(r"(?:giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ)\s+(?:từ\s+)?(?:năm\s+)?$", _I)
_DATE_BEFORE = re.compile(
    r"(?:tháng\s+\d{1,2}\s+năm\s+|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+)$", _I
)
_COMPARE_BEFORE = re.compile(
    r"(?:(?:so\s+với|cùng\s+kỳ|đầu|giai\s+đoạn|từ|so)(?:\s+\w+){0,3}"
    r"|(?:tăng|giảm|bằng|gấp|hơn)\s+[\d.,]+\s*%?(?:\s+\w+)?|\d\s*%)\s+năm(?:\s+học)?\s+$",
    _I,
)
_RANGE_AFTER = re.compile(r"\s*[-–]\s*((?:19|20)\d{2})(?!\d)")
# "theo giá cố định năm 2010", "giá so sánh 2010": a price base, not a year of the figures
_PRICE_BASE = re.compile(r"giá\s+(?:cố\s+định|so\s+sánh|hiện\s+hành)(?:\s+năm)?\s+$", _I)


@dataclass(frozen=True)
class YearMention:
    """A year mentioned as "năm Y"; ``kind`` is "plain", "comparison" or "range"."""

    start: int
    end: int
    year: int
    kind: str


def year_mentions(text: str) -> list[YearMention]:
    """Years written as "năm Y" (school years "năm học Y1-Y2" count as Y2), without dates."""
    out: list[YearMention] = []
    for m in _YEAR.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        period = _PERIOD_PREFIX.search(before)
        if not (_YEAR_PREFIX.search(before) or period) or _DATE_BEFORE.search(before):
            continue
        if _PRICE_BASE.search(before):
            continue
        year = int(m.group(1))
        end = m.end()
        kind = "plain"
        rng = _RANGE_AFTER.match(text, m.end())
        if rng:
            end = rng.end()
            if re.search(r"học\s+$", before):
                year = int(rng.group(1))
            else:
                kind = "range"
        elif period:
            continue  # "giai đoạn 2021" without its end year: not a year of its own
        if kind == "plain" and _COMPARE_BEFORE.search(before):
            kind = "comparison"
        out.append(YearMention(m.start(), end, year, kind))
    return out


_FRAME = re.compile(
    r"(?:tổng\s+kết|kết\s+quả|đánh\s+giá)[^.\n]{0,120}?năm\s+(?:học\s+)?(\d{4})(?:\s*[-–]\s*(\d{4}))?"
    r"[^.\n]{0,80}?(?:triển\s+khai|phương\s+hướng|nhiệm\s+vụ|kế\s+hoạch|mục\s+tiêu)"
    r"[^.\n]{0,40}?năm\s+(?:học\s+)?(\d{4})(?:\s*[-–]\s*(\d{4}))?",
    _I,
)
_PLAN_GOV = re.compile(
    r"(?:nhiệm\s+vụ|phương\s+hướng|kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu|triển\s+khai|phấn\s+đấu"
    r"|bước\s+vào|đến\s+cuối|đến\s+hết)(?:\s+[\w,]+){0,5}\s+năm(?:\s+học)?\s+$",
    _I,
)
_NEUTRAL_GOV = re.compile(
    r"thực\s+hiện\s+(?:các\s+)?nhiệm\s+vụ(?:\s+\w+){0,2}\s+năm(?:\s+học)?\s+$", _I
)
_MET_PLAN_GOV = re.compile(
    r"(?:vượt|đạt|so\s+với|hoàn\s+thành|bằng)(?:\s+[\w,%]+){0,4}\s+(?:kế\s+hoạch|chỉ\s+tiêu)"
    r"(?:\s+\w+){0,2}\s+năm\s+$",
    _I,
)
_REPORT_GOV = re.compile(
    r"(?:tổng\s+kết|sơ\s+kết|kết\s+quả|hết|qua|thực\s+hiện)(?:\s+[\w,]+){0,4}\s+năm(?:\s+học)?\s+$",
    _I,
)
_PLAN_SENT = re.compile(
    rf"{_W0}(?:phấn\s+đấu|sẽ|dự\s+kiến|đặt\s+mục\s+tiêu|định\s+hướng|(?P<weak>(?-i:cần)|tiếp\s+tục"
    rf"|là\s+năm)){_W1}",
    _I,
)
_REPORT_SENT = re.compile(
    rf"{_W0}(?:đã|đạt\s+được|năm\s+qua|vừa\s+qua|hoàn\s+thành|kết\s+quả|tổng\s+kết|đạt){_W1}", _I
)
_VOTE_WINDOW = 90


def detect_years(text: str) -> tuple[int | None, int | None]:
    """(report_year, plan_year) from the "tổng kết năm X, triển khai nhiệm vụ năm X+1" frame,
    else from votes of the cues around each "năm Y"; plan_year = report_year + 1."""
    for m in _FRAME.finditer(text[:3000]):
        y1 = int(m.group(2) or m.group(1))
        y2 = int(m.group(4) or m.group(3))
        if y2 == y1 + 1:
            return y1, y2
    spans = _Spans(text)
    rep: Counter[int] = Counter()
    plan: Counter[int] = Counter()
    seen: Counter[int] = Counter()
    for ym in year_mentions(text):
        if ym.kind != "plain":
            continue
        seen[ym.year] += 1
        before = text[max(0, ym.start - 60) : ym.start]
        s, e = spans.sents[spans.sent_idx(ym.start)] if spans.sents else (0, len(text))
        after = text[ym.end : min(e, ym.end + _VOTE_WINDOW)]
        if _MET_PLAN_GOV.search(before):
            rep[ym.year] += 2  # "vượt kế hoạch năm 2023": the reviewed year's plan
        elif _NEUTRAL_GOV.search(before):
            pass  # "(kết quả) thực hiện nhiệm vụ năm X": either year
        elif _PLAN_GOV.search(before):
            plan[ym.year] += 3
        elif _REPORT_GOV.search(before):
            rep[ym.year] += 2
        pm = _PLAN_SENT.search(after)
        rm = _REPORT_SENT.search(after)
        if pm and (not rm or pm.start() < rm.start()):
            plan[ym.year] += 1 if pm.group("weak") else 2
        elif rm:
            rep[ym.year] += 1
    if not seen:
        return None, None
    best: tuple[float, int] | None = None
    for y in set(seen) | {y - 1 for y in seen}:
        score = rep[y] + plan[y + 1] + 0.1 * (seen[y] + seen[y + 1])
        if best is None or score > best[0] or (score == best[0] and y > best[1]):
            best = (score, y)
    assert best is not None
    report = best[1]
    if best[0] <= 0.25:  # nothing but bare mentions: the most frequent past-tense year
        report = max(seen, key=lambda y: (seen[y], -y))
    return report, report + 1


# =========================================================================== classification

_TARGET_CUE = _rx(
    [
        "phấn đấu", "đặt mục tiêu", "mục tiêu năm", "mục tiêu đến", "mục tiêu là", "mục tiêu:",
        "mục tiêu đề ra", "dự kiến", "định hướng", "phương hướng", "sẽ", "đặt ra",
        "thời gian tới", "năm tới", "giai đoạn tới", "tiếp tục phấn đấu",
    ]
)  # fmt: skip
_ESTIMATE_OF_YEAR = re.compile(r"\s*(?:đến|tới)?\s*(?:hết|cuối)\s+năm(?!\s+(?:học\s+)?\d)", _I)
_MEASURED_AGAINST = re.compile(r"(?:so\s+với|vượt|đạt)\s*$", _I)
_REPORT_CUE = _rx(
    ["đã", "đạt được", "năm qua", "vừa qua", "hết năm", "tính đến", "lũy kế", "luỹ kế"]
)
_TARGET_VERB = re.compile(
    r"^\W*(?:(?:và|đồng\s+thời|góp\s+phần|tiếp\s+tục|cần)\s+)?(?:nâng|giữ|duy\s+trì|phấn\s+đấu"
    rf"|(?:giảm|tăng|đưa)\s+(?:tỷ|tỉ|số|tổng|mức)){_W1}",
    _I,
)
_ASSIGNED = re.compile(
    r"(?:(?:chỉ\s+tiêu|kế\s+hoạch)(?:\s+\w+){0,2}\s+(?:được\s+)?(?:giao|đề\s+ra)(?:\s+là)?"
    r"|^\W*(?:chỉ\s+tiêu|kế\s+hoạch|KH)(?:\s+(?:đầu|cả|của|năm|tỉnh|ngành|được|là))*"
    r"|(?:Chính\s+phủ|Trung\s+ương|tỉnh|Bộ|UBND\s+tỉnh|HĐND\s+tỉnh|Nghị\s+quyết)\s+giao(?:\s+là)?)"
    r"\s*:?\s*$",
    _I,
)
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
_COMPARE_AFTER = re.compile(
    r"^\s*(?:\)|,)?\s*(?:so\s+(?:với|cùng|năm|kỳ)|bằng\s+cùng\s+kỳ|cùng\s+kỳ)", _I
)
_PLAN_ASIDE = re.compile(r"(?:kế\s+hoạch|chỉ\s+tiêu|KH)(?:\s+(?:năm\s+)?\d{4})?\s*\(\s*$", _I)
_BASELINE_AFTER = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?(?:xuống(?:\s+còn)?|lên|còn|đến|tới)\s+(?:mức\s+)?(?:còn\s+)?\d", _I
)
_DESCRIPTOR_BEFORE = re.compile(rf"{_W0}(?:tại|ở|đủ|cả)\s*$", _I)


@dataclass(frozen=True)
class Candidate:
    """One figure in the text with its context and the rules' guess.

    ``sentence``/``clause`` are spans into the text (``clause`` is the evidence span);
    ``label`` is "achievement", "target" or "skip"; ``cue`` says what decided it.
    """

    index: int
    quantity: Quantity
    sentence: Span
    clause: Span
    evidence: str
    indicator: str
    label: Label
    cue: str
    plan_pct: float | None = None
    year: int | None = None
    value: float = 0.0
    value_max: float | None = None
    unit: str | None = None
    rules: tuple[str, ...] = ()  # the named rules that made the indicator and the label
    head: str = ""  # a shared head the indicator was given ("tỷ lệ thất nghiệp")

    def to_metric(self) -> Metric:
        """The candidate as a :class:`Metric` (label ignored)."""
        return Metric(
            indicator=self.indicator or (self.unit or "chỉ tiêu"),
            value=self.value,
            value_max=self.value_max,
            unit=self.unit,
            qualifier=self.quantity.qualifier,
            year=self.year,
            plan_pct=self.plan_pct,
            evidence=self.evidence,
        )


@dataclass
class _Signal:
    pos: int
    label: Label | None  # None: another year (neither report nor plan)
    level: int
    name: str
    year: int | None = None


class _Doc:
    """Sentence, paragraph and cue lookups for one text, computed once."""

    def __init__(self, text: str, report: int | None, plan: int | None) -> None:
        self.text = text
        self.report = report
        self.plan = plan
        self.spans = _Spans(text)
        self.years: dict[int, list[YearMention]] = {}
        for ym in year_mentions(text):
            self.years.setdefault(self.spans.sent_idx(ym.start), []).append(ym)
        self._signals: dict[int, list[_Signal]] = {}

    def signals(self, si: int) -> list[_Signal]:
        """Classification cues of sentence ``si``, in order."""
        if si not in self._signals:
            self._signals[si] = self._compute_signals(si)
        return self._signals[si]

    def _compute_signals(self, si: int) -> list[_Signal]:
        start, end = self.spans.sents[si]
        report, plan = self.report, self.plan
        out: list[_Signal] = []
        for ym in self.years.get(si, []):
            lead = self.text[max(start, ym.start - 40) : ym.start]
            if ym.kind == "range" and _PERIOD_LEAD.search(lead):
                # "Giai đoạn 2021 - 2023, toàn tỉnh ...": a multi-year total, not the year's
                out.append(_Signal(ym.start, None, 2, f"giai đoạn {self.text[ym.start : ym.end]}"))
            if ym.kind != "plain":
                continue
            name = f"năm {ym.year}"
            if report is not None and ym.year == report:
                out.append(_Signal(ym.start, "achievement", 2, name, ym.year))
            elif plan is not None and ym.year >= plan:
                out.append(_Signal(ym.start, "target", 2, name, ym.year))
            elif report is not None and ym.year < report:
                out.append(_Signal(ym.start, None, 2, name, ym.year))
        for m in _TARGET_CUE.finditer(self.text, start, end):
            if _MEASURED_AGAINST.search(self.text, max(start, m.start() - 12), m.start()):
                continue  # "đạt 113% so với mục tiêu đề ra": a result measured against a goal
            if _ESTIMATE_OF_YEAR.match(self.text, m.end()) and m.group().lower() == "dự kiến":
                # "Dự kiến đến cuối năm, số người tham gia BHXH đạt ...": this year's estimate
                out.append(_Signal(m.start(), "achievement", 1, "estimate of the year"))
                continue
            out.append(_Signal(m.start(), "target", 3, _clean(m.group()).lower()))
        for m in _REPORT_CUE.finditer(self.text, start, end):
            out.append(_Signal(m.start(), "achievement", 1, _clean(m.group()).lower()))
        out.sort(key=lambda g: g.pos)
        return out


def _decide(sigs: list[_Signal], before: int) -> _Signal | None:
    """The nearest cue before ``before``: strong (year, plan verbs) ones first."""
    strong = [s for s in sigs if s.pos < before and s.level >= 2]
    if strong:
        return strong[-1]
    weak = [s for s in sigs if s.pos < before]
    return weak[-1] if weak else None


_SECTION_HEAD_MAX = 160


def _passage_states(doc: _Doc) -> list[tuple[Label | None, str]]:
    """Scope carried into each sentence from the sentences before it (same paragraph, or a
    paragraph run introduced by a heading / a line ending with ':' / bullets)."""
    text, spans = doc.text, doc.spans
    states: list[tuple[Label | None, str]] = []
    state: tuple[Label | None, str] = (None, "")
    cur_para = -1
    for si, (s, _e) in enumerate(spans.sents):
        p = spans.para_idx(s)
        if p != cur_para:
            carry = False
            if cur_para >= 0:
                para_text = text[spans.paras[cur_para][0] : spans.paras[cur_para][1]].rstrip()
                carry = para_text.endswith(":") or (
                    len(para_text) <= _SECTION_HEAD_MAX
                    and not para_text.endswith((".", "…"))
                    and state[0] == "target"
                )
                next_text = text[spans.paras[p][0] : spans.paras[p][1]].lstrip()
                carry = carry or (next_text[:1] in "-+•*–" and state[0] is not None)
            if not carry:
                state = (None, "")
            cur_para = p
        states.append(state)
        sigs = doc.signals(si)
        strong = [g for g in sigs if g.level >= 2]
        last = strong[-1] if strong else (sigs[-1] if sigs else None)
        labels = {g.label for g in strong if g.level == 2}
        if {"achievement", "target"} <= labels and not any(g.level == 3 for g in strong):
            state = (None, "")  # "tổng kết năm X, triển khai nhiệm vụ năm X+1": no scope
        elif last is not None and last.label is not None:
            state = (last.label, f"passage: {last.name}")
    return states


# =========================================================================== indicators

_LEAD_FILLERS = re.compile(
    r"^(?:và|hoặc|trong\s+đó(?:\s+có)?|cụ\s+thể(?:\s+(?:là|như))?|điển\s+hình(?:\s+(?:như|là))?"
    r"|như|kết\s+quả(?:\s+là)?|bên\s+cạnh\s+đó|ngoài\s+ra|đồng\s+thời|đặc\s+biệt(?:\s+là)?"
    r"|(?:mục|chỉ)\s+tiêu(?:\s+năm\s+\d{4})?\s+là|theo\s+đó|qua\s+đó|nhờ\s+đó|riêng|tương\s+(?:ứng|đương)(?:\s+với)?|với|gồm|bao\s+gồm|cùng\s+với\s+đó|mặt\s+khác|hiện\s+nay"
    r"|hiện|nhìn\s+chung|về|tổng\s+cộng|chung|toàn\s+(?:tỉnh|ngành|huyện|thành\s+phố)"
    r"|(?:trong|hết|đến\s+hết|đến\s+cuối|cuối|tính\s+đến(?:\s+hết)?|đến)?\s*năm(?:\s+học)?\s+\d{4}"
    r"(?:\s*[-–]\s*\d{4})?|trong\s+năm(?:\s+(?:qua|vừa\s+qua))?|năm\s+qua|năm\s+nay"
    r"|có\s+thêm|có|đã|sẽ|tiếp\s+tục|tập\s+trung|phấn\s+đấu|toàn\s+tỉnh|toàn\s+ngành"
    r"|đạt|góp\s+phần|nâng(?:\s+cao)?(?=\s+(?:tỷ|tỉ|số|tổng|mức|chất))|duy\s+trì|giữ"
    r"|(?:giảm|tăng|đưa)(?=\s+(?:tỷ|tỉ|số|tổng|mức))|là|trong\s+năm\s+học(?:\s+(?:qua|vừa\s+qua))?"
    r"|năm\s+học\s+(?:qua|vừa\s+qua))(?!\w)[\s,:]*",
    _I,
)
_TRAIL_FILLERS = re.compile(
    r"[\s,:]*(?:đối\s+với|đạt\s+được|đạt\s+mức|đạt\s+tỷ\s+lệ|đạt|là|được|cho|còn|giảm\s+còn|giảm\s+xuống"
    r"(?:\s+còn|\s+dưới)?|xuống\s+còn|xuống\s+dưới|xuống|lên\s+mức|lên|ở\s+mức|ở|với|có|bằng|tới"
    r"|đến|gồm|chiếm|tương\s+đương|đạt\s+khoảng|vào|từ|trở\s+lên|tăng\s+lên|nâng\s+lên"
    r"|của\s+tỉnh|của\s+ngành|toàn\s+tỉnh|trên\s+địa\s+bàn(?:\s+tỉnh)?)$",
    _I,
)
_GENERIC_IND = re.compile(
    r"^(?:(?:với\s+)?(?:tổng\s+)?(?:số\s+tiền|kinh\s+phí|số\s+vốn(?:\s+vay)?|vốn|giá\s+trị|trị\s+giá"
    r"|nguồn\s+vốn|ngân\s+sách|tổng\s+số))$",
    _I,
)
_CHANGE_ONLY = re.compile(
    r"^(?:tăng|giảm|tăng\s+thêm|giảm\s+thêm|vượt|gấp|cao\s+hơn|thấp\s+hơn)$", _I
)
_MAX_IND_WORDS = 16
_CLASSIFIERS = _wordset("căn suất chiếc cái con quyển cuốn tấm ngôi phần")
_MEASURE_UNITS = _wordset(
    "ha héc-ta tấn kg tạ km km2 m m2 m3 lít kwh mw mwh usd đồng vnđ tỷ triệu con cây"
)


_SUBJECT_END = re.compile(
    rf"{_W0}(?:đã|sẽ|phấn\s+đấu|tập\s+trung|(?-i:cần)|(?:đặt|đặt\s+ra|đề\s+ra)\s+mục\s+tiêu"
    rf"|hoàn\s+thành(?:\s+và\s+vượt)?){_W1}",
    _I,
)


_EDGE_PUNCT = " ,;:-–—+•*(\"'“”"
_OF_LEAD = re.compile(r"của(?!\w)", _I)


def _closing_quote(s: str) -> str:
    """The closing quote that edge stripping removed from a quoted name (“Đền ơn đáp nghĩa”)."""
    return "”" if s.count("“") > s.count("”") else ""


_MAX_SUBJECT_WORDS = 6


def _strip_place(s: str) -> str:
    """``s`` without a province that opens it as the subject ("Phú Yên đón ..." -> "đón ...",
    "tỉnh Lạng Sơn có ..." -> "có ...")."""
    words = s.split()
    low = [w.lower() for w in words[:2]]
    lead = 2 if low == ["thành", "phố"] else 1 if low[:1] in (["tỉnh"], ["tp"], ["tp."]) else 0
    n = _province_prefix(words[lead:])
    if n and len(words) > lead + n and words[lead + n][:1].islower():
        return " ".join(words[lead + n :])
    return s


def _strip_indicator(pre: str) -> str:
    s = _clean(pre.strip(_EDGE_PUNCT)) + _closing_quote(pre)
    for _ in range(8):
        # drop a subject up to the last plan/report verb ("ngành ... đã", "... phấn đấu")
        verbs = list(_SUBJECT_END.finditer(s))
        if verbs:
            rest = s[verbs[-1].end() :]
            bare = _TRAIL_FILLERS.sub("", _LEAD_FILLERS.sub("", rest.strip(_EDGE_PUNCT))).strip()
            subject = _LEAD_FILLERS.sub("", _ind.strip_time(subject_raw := s[: verbs[-1].start()]))
            weak = not bare or _CHANGE_ONLY.match(bare) or _OF_LEAD.match(bare)
            if _ind.names_actor(subject) or (
                not weak
                and (len(subject.split()) > _MAX_SUBJECT_WORDS or not subject_raw[:1].islower())
            ):
                s = rest
            elif verbs[-1].start() > 0:
                # "sản xuất công nghiệp phấn đấu tăng 16%", "Tổng số tiêu chí đã đạt của 45
                # xã là 785": what follows the verb names nothing; the subject does
                s = s[: verbs[-1].start()] + " " + rest
        new = _LEAD_FILLERS.sub("", _ind.strip_time(s.strip(_EDGE_PUNCT)), count=1)
        new = _strip_place(_ind.strip_actor(new))
        new = _TRAIL_FILLERS.sub("", new).strip(_EDGE_PUNCT)
        new += _closing_quote(new)
        if new == s:
            break
        s = new
    return s


def _post_phrase(text: str, q: Quantity, limit: int, next_figure: bool = False) -> str:
    """The unit noun phrase after the figure ("hộ cận nghèo", "lao động được tạo việc làm")."""
    words = _ind.noun_after(text, q.end, limit, next_figure).split()
    unit = q.unit if q.kind not in ("percent", "money", "plan") else None
    if unit and unit.lower() in _MEASURE_UNITS:
        unit = None
    phrase = " ".join(([unit] if unit else []) + words)
    if unit and text[q.end : q.end + 1] in ("/", "-"):
        # "9,5 bác sĩ/vạn dân": the unit is glued to what follows
        phrase = unit + " ".join(words)
    return _TRAIL_FILLERS.sub("", phrase).strip(_EDGE_PUNCT)


_PROPER_FIRST = _wordset("Sở Bộ Quỹ Ban Phòng Trung Chi Cục Tỉnh Nhà Đảng Chính Quốc Ủy Uỷ Hội")


def _lower_first(s: str) -> str:
    """Sentence-initial capital off ("Tỷ lệ ..." -> "tỷ lệ ..."), names and acronyms kept
    ("Phú Yên đón ...", "Sở Y tế ...")."""
    words = s.split(" ", 2)
    first = words[0]
    if len(words) > 1 and _is_title_word(words[1]):
        return s  # a proper name
    if _is_title_word(first) and len(first) > 1 and first not in _PROPER_FIRST:
        return s[0].lower() + s[1:]
    return s


def _cap_words(s: str) -> str:
    words = s.split()
    return " ".join(words[:_MAX_IND_WORDS]) if len(words) > _MAX_IND_WORDS else s


# =========================================================================== candidates

_CLAUSE_DELIMS = ";,:()"
_LIST_TAIL = re.compile(r"(?:\S+\s+){0,2}\S+\s+(?:và|hoặc)\s+\S+(?:\s+\S+)?$", _I)
_ACRONYM_END = re.compile(rf"(?<!\w){_CAP}{{2,}}\)?\s*$")
_PARENT_VERB = re.compile(rf"{_W0}(?:tăng|giảm|đạt|là|được|vượt|có){_W1}", _I)
_CONNECTOR = re.compile(rf"{_W0}(?:và|hoặc|(?<!so )với|trong\s+đó|gồm|cùng){_W1}", _I)
_RATIO_OF_PREV = re.compile(
    r"(?:(?:đạt|chiếm|bằng)\s+)?(?:tỷ|tỉ)\s+lệ|chiếm(?:\s+(?:tỷ|tỉ)\s+lệ)?"
    r"|tương\s+đương(?:\s+(?:với|giảm|tăng))?(?:\s+được)?",
    _I,
)


def _clause_start(
    text: str, lo: int, pos: int, prev_end: int, colon_joins: bool = True
) -> tuple[int, str]:
    """Start of the clause ending at ``pos`` (after a delimiter or the previous figure) and
    the delimiter found ('' when the previous figure or the sentence start bounds it).
    ``colon_joins``: a colon right before the figure joins a name to it ("tuyển mới: 30.381
    người"); otherwise it opens a list whose items name themselves."""
    i = pos - 1
    bound = max(lo, prev_end)
    while i >= bound:
        ch = text[i]
        if ch == ")":  # "chỉ số sản xuất công nghiệp (IIP) tăng": skip a closed aside
            depth = 0
            j = i
            while j >= bound:
                depth += text[j] == ")"
                depth -= text[j] == "("
                if depth == 0:
                    break
                j -= 1
            if j >= bound:
                i = j - 1
                continue
        if ch in _CLAUSE_DELIMS:
            if ch == ":" and colon_joins and not text[i + 1 : pos].strip():
                i -= 1  # "tuyển mới: 30.381 người" -- the colon joins name and figure
                continue
            return i + 1, ch
        i -= 1
    return bound, ""


def _parent_clause(text: str, lo: int, paren: int, prev_end: int) -> str:
    """The noun phrase of the clause an aside "(...)" at ``paren`` belongs to."""
    p0, _d = _clause_start(text, lo, paren, prev_end)
    parent = text[p0:paren]
    vm = _PARENT_VERB.search(parent)
    return _strip_indicator(parent[: vm.start()] if vm and vm.start() > 0 else parent)


def _tail_end(text: str, pos: int, hi: int, next_start: int) -> int:
    """End of a figure's clause: through a parenthesis right after it, then to the next
    delimiter, never past the next figure."""
    limit = min(hi, next_start)
    j = pos
    while j < limit and text[j] == " ":
        j += 1
    if j < limit and text[j] == "(":
        depth = 0
        k = j
        while k < hi:
            if text[k] == "(":
                depth += 1
            elif text[k] == ")":
                depth -= 1
                if depth == 0:
                    return k + 1
            k += 1
        return pos
    m = re.compile(r"[;,:.()]").search(text, pos, limit)
    end = m.start() if m else limit
    if end == limit and limit == next_start:
        # "4 trung tâm y tế huyện và 4 bệnh viện": stop before the connector
        conn = list(_CONNECTOR.finditer(text, pos, limit))
        end = conn[-1].start() if conn else pos
    return end


def _quantities(text: str) -> tuple[list[Quantity], list[Quantity]]:
    """(plain figures, plan phrases) in text order."""
    plain: list[Quantity] = []
    plans: list[Quantity] = []
    for q in find_quantities(text):
        (plans if q.kind == "plan" else plain).append(q)
    return plain, plans


_PLAN_VERB_BEFORE = re.compile(r"(?:đạt|bằng|hoàn\s+thành|(?P<vuot>vượt))\s*$", _I)
_PLAN_NOUN_AFTER = re.compile(r"\s*(?:so\s+(?:với\s+)?)?(?:kế\s+hoạch|KH|chỉ\s+tiêu)(?!\w)", _I)


def _implicit_plans(
    text: str, plain: list[Quantity], plans: list[Quantity], spans: _Spans
) -> tuple[list[Quantity], list[Quantity]]:
    """Plan percentages the parser leaves plain: "đạt 100% so kế hoạch", and the elliptical
    "..., đạt 101,6%" right after a figure in a sentence that states "đạt X% kế hoạch"."""
    keep: list[Quantity] = []
    found: list[Quantity] = []
    plan_sents = {spans.sent_idx(p.start) for p in plans}
    prev_end = -10
    for q in plain:
        before = text[max(0, q.start - 16) : q.start]
        vm = _PLAN_VERB_BEFORE.search(before)
        is_plan = False
        end = q.end
        if q.kind == "percent" and q.value_max is None and vm:
            if nm := _PLAN_NOUN_AFTER.match(text, q.end):
                is_plan = True
                end = nm.end()
            elif (
                not vm.group("vuot")
                and 50 <= q.value <= 300
                and not _COMPARE_AFTER.match(text, q.end)
                and (
                    spans.sent_idx(q.start) in plan_sents
                    and re.fullmatch(r"\s*,\s*", text[prev_end : q.start - len(vm.group())])
                    # "giải quyết việc làm cho 26.742 người (đạt 107%)"
                    or re.fullmatch(r"\s*\(\s*", text[prev_end : q.start - len(vm.group())])
                    and re.match(r"\s*\)", text[q.end : q.end + 3])
                )
            ):
                is_plan = True
        if is_plan:
            value = q.value + 100 if vm and vm.group("vuot") else q.value
            found.append(
                replace(
                    q, kind="plan", value=value, stated=q.value, end=end, text=text[q.start : end]
                )
            )
        else:
            keep.append(q)
        prev_end = q.end
    return keep, found


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


def _complete_years(
    text: str, report: int | None, plan: int | None
) -> tuple[int | None, int | None]:
    if report is None and plan is None:
        return detect_years(text)
    if plan is None and report is not None:
        return report, report + 1
    if report is None and plan is not None:
        return plan - 1, plan
    return report, plan


def _attach_plans(
    text: str, plain: list[Quantity], plans: list[Quantity], spans: _Spans
) -> list[tuple[Quantity, Quantity | None]]:
    """(figure, its plan phrase) in text order. A plan phrase attaches to the nearest figure
    before it in the same sentence, passing over a comparison ("đạt X, tăng 10% so với năm
    trước, đạt 100,3% kế hoạch"); one with no figure before it stands alone."""
    attached: dict[int, Quantity] = {}
    standalone: list[Quantity] = []
    starts = [q.start for q in plain]
    for p in plans:
        k = bisect_right(starts, p.start) - 1
        while (
            k > 0
            and _COMPARE_AFTER.search(text[plain[k].end : p.start])
            and ";" not in text[plain[k - 1].end : p.start]
        ):
            k -= 1
        if k >= 0 and k not in attached:
            gap = text[plain[k].end : p.start]
            if (
                spans.sent_idx(plain[k].start) == spans.sent_idx(p.start)
                and ";" not in gap
                and len(gap) <= 120
            ):
                attached[k] = p
                continue
        standalone.append(p)
    figures = [(q, attached.get(i)) for i, q in enumerate(plain)] + [(p, None) for p in standalone]
    figures.sort(key=lambda f: f[0].start)
    return figures


@dataclass
class _Clause:
    start: int  # where the figure's clause begins
    delim: str  # the delimiter before it ("" when the previous figure bounds it)
    pre: str  # text[start:figure]
    indicator: str
    evid_start: int  # evidence may reach back to the figure the indicator borrows from
    rules: list[str]  # the named rules that made the indicator
    head: str = ""  # the shared head distributed to this figure, if any


def _indicator(text: str, ss: int, se: int, q: Quantity, plan_q: Quantity | None,
               prev_end: int, starts: list[int], prev: Candidate | None) -> _Clause:  # fmt: skip
    """The figure's clause and its indicator (rules in the module docstring)."""
    k = bisect_right(starts, q.start)  # starts are sorted: no scan per figure
    next_start = starts[k] if k < len(starts) else None
    post = _post_phrase(text, q, next_start or se, next_start is not None)
    if not post and plan_q is not None:  # "đạt 100 tỷ đồng, vượt 5% kế hoạch thu ngân sách"
        post = _post_phrase(text, plan_q, next_start or se, next_start is not None)
    unit_words = len((q.unit or "").split()) if q.kind not in ("percent", "money") else 0
    noun = " ".join(post.split()[unit_words:])  # what follows the unit
    # "... phát triển sâu rộng: 92,5% hộ gia đình đạt danh hiệu": the item names itself
    cstart, delim = _clause_start(text, ss, q.start, prev_end, colon_joins=len(noun.split()) < 2)
    pre = text[cstart : q.start]
    row = _ind.table_row(text, q.start)
    if row is not None:  # "Kim ngạch xuất khẩu | 27 tỷ USD | 27,6 tỷ USD"
        rules = ["indicator.table_row"] + (["table.plan_column"] if row[1] else [])
        ind = _lower_first(_cap_words(_clean(row[0])))
        return _Clause(cstart, delim, pre, ind, cstart, rules)
    ind = _strip_indicator(pre)
    rules: list[str] = []
    head = ""
    # "nông, lâm, thủy sản đạt 3,6%": commas inside the noun phrase
    seg = ind
    ratio = bool(_RATIO_OF_PREV.fullmatch(_clean(pre).strip(" ,;:(")))
    while (
        not ratio and delim == "," and seg and not _CHANGE_ONLY.match(seg) and cstart - 1 > prev_end
    ):
        c2, d2 = _clause_start(text, ss, cstart - 1, prev_end)
        # "tổng số người tham gia BHXH, bảo hiểm y tế (BHYT) là": acronyms listed
        listed = (
            len(seg.split()) <= 2
            and not _ind.starts_with_actor(_clean(text[cstart : q.start]))
            or (_LIST_TAIL.match(seg) and _ind.ends_with_linking_verb(text[cstart : q.num_start]))
            # "nông, lâm nghiệp và thủy sản đạt 3,8%"
            or _ACRONYM_END.search(text[c2 : cstart - 1])
        )
        if not listed or _any_in(starts, c2, cstart) or (not d2 and c2 > ss):
            break  # never reach back into the previous figure's own phrase
        seg = _strip_indicator(text[c2 : cstart - 1])
        cstart, delim = c2, d2
        rules.append("indicator.comma_list_rejoined")
    if text[cstart : q.start] != pre:
        pre = text[cstart : q.start]
        ind = _strip_indicator(pre)
    raw_pre = pre
    # "8,5 bác sĩ/vạn dân và 28,3 giường": after the previous figure, a connector starts
    # this one's clause ("... trường học với trên 160 nghìn học sinh")
    if not delim and cstart > ss and (conn := list(_CONNECTOR.finditer(pre))):
        pre = pre[conn[-1].end() :]
        ind = _strip_indicator(pre)
    evid_start = cstart
    pre_clean = _clean(pre).strip(" ,;:(").lower()
    change_only = not ind or bool(_CHANGE_ONLY.match(ind))
    if q.kind == "plan":
        kh = "kế hoạch" if re.search(r"kế\s+hoạch", q.text, _I) else ""
        ind = ind or _clean(f"{kh} {post}") or "kế hoạch"
        rules.append("indicator.plan_phrase")
    elif ratio and prev is not None:
        rules.append("indicator.ratio_of_previous")
        base = re.sub(r"^(?:số|tổng\s+số)\s+", "", prev.indicator, flags=_I)
        ind = base if base.lower().startswith(("tỷ lệ", "tỉ lệ")) else f"tỷ lệ {base}"
        evid_start = min(evid_start, prev.clause[0])
    elif ind and _GENERIC_IND.match(ind) and prev is not None:
        rules.append("indicator.generic_of_previous")
        ind = f"{ind} {prev.indicator}"
        evid_start = min(evid_start, prev.clause[0])
    elif (
        change_only and delim == "(" and (parent := _parent_clause(text, ss, cstart - 1, prev_end))
    ):
        # "Giá trị sản xuất tăng mạnh (tăng trên 23% so năm 2009)": the clause outside
        ind = _clean(f"{parent} {pre_clean}")
        rules.append("indicator.change_in_aside")
    elif (
        change_only
        and prev is not None
        and (q.kind == "percent" or not q.unit)
        and (_COMPARE_AFTER.search(text[q.end : se]) or _CHANGE_ONLY.match(pre_clean or "x"))
    ):
        verb = ind or _clean(pre).strip(" ,;:(")
        base = post or _ind.comparison_after(text, q.end, se)
        ind = _clean(f"{prev.indicator} {verb} {base}")
        evid_start = min(evid_start, prev.clause[0])
        rules.append("indicator.change_of_previous")
    elif prev is not None and q.kind != "percent" and _ind.restates_previous(raw_pre):
        # "tăng 4,48% so với năm 2019 - tương đương 50.454 người": the same change
        ind = prev.indicator
        evid_start = min(evid_start, prev.clause[0])
        rules.append("indicator.restates_previous")
    elif (
        prev is not None
        and (q.kind == "percent" or not q.unit or len((ind or post).split()) <= 1)
        and (_ind.opens_subset(raw_pre) or _ind.opens_subset(text[prev_end : q.start]))
    ):
        # "Tỷ lệ lao động qua đào tạo đạt 74%, trong đó có bằng cấp, chứng chỉ đạt 33%"
        linked = ind and _ind.ends_with_linking_verb(pre)
        part = ind if ind and (linked or not noun) else _clean(f"{ind} {post}")
        ind = _clean(f"{prev.indicator} {part}")
        head = prev.indicator
        rules.append("indicator.part_of_previous")
    elif not ind and not post and prev is not None and prev.cue == "baseline":
        # "Tỷ lệ hộ nghèo giảm từ 2,99% xuống còn 2,41%": the level the change reached
        ind = _CHANGE_TAIL.sub("", prev.indicator)
        evid_start = min(evid_start, prev.clause[0])
        rules.append("indicator.level_after_baseline")
    elif not ind:
        ind = post or (prev.indicator if prev else "") or (q.unit or "")
        rules.append(
            "indicator.noun_after" if post else "indicator.previous" if prev else "indicator.unit"
        )
    elif noun and _ind.ends_with_apposition(pre):
        # "internet phát triển rộng khắp với gần 2.000 trạm BTS": the clause names another
        ind = post
        rules.append("indicator.apposition")
    elif (q.unit or "").lower() in _CLASSIFIERS and len(post.split()) > 1:
        ind = f"{ind} {post.split(' ', 1)[1]}"  # "sửa chữa 82 căn nhà" -> "sửa chữa nhà"
        rules.append("indicator.classifier")
    elif noun and (not _ind.ends_with_linking_verb(pre) or _CHANGE_ONLY.match(ind)):
        # "tích hợp 1.323 dịch vụ công lên Cổng ...": a verb and its object
        ind = f"{ind} {post}"
        rules.append("indicator.verb_object")
    elif q.kind == "percent" and _ind.is_share_base(noun) and not _ind.names_actor(ind):
        # "số tiền chậm đóng chiếm 1,92% số phải thu": a share of the base after it
        ind = f"{ind} so với {noun}"
        rules.append("indicator.share_of_base")
    elif len(ind.split()) <= 2 and post and q.unit and q.kind == "count":
        ind = f"{ind} {post}"
        rules.append("indicator.short_clause_and_unit")
    else:
        rules.append("indicator.clause_before")
    if rules[-1] in _HEADLESS_RULES and len(ind.split()) <= _MAX_PART_WORDS:
        # "tỷ lệ kiên cố hóa: mầm non 80%, tiểu học 85%": a head shared over a list
        shared = _colon_head(text, ss, q.start)
        if not shared and prev is not None and prev.head and _SIBLING_LEAD.match(raw_pre):
            shared = prev.head  # "trong đó thành thị 3,4% và nông thôn 1,2%"
        if shared and fold(shared) not in fold(ind):
            ind, head = f"{shared} {ind}", shared
            rules.append("indicator.shared_head")
    ind = _lower_first(_cap_words(_clean(ind)))
    return _Clause(cstart, delim, pre, ind, evid_start, rules, head)


_CHANGE_TAIL = re.compile(r"\s+(?:tăng|giảm)(?:\s+(?:thêm|mạnh|nhẹ))?$", _I)
_HEADLESS_RULES = frozenset(
    {"indicator.clause_before", "indicator.noun_after", "indicator.verb_object",
     "indicator.short_clause_and_unit"}
)  # fmt: skip
_MAX_PART_WORDS = 4
_SIBLING_LEAD = re.compile(r"^[\s,;]*(?:và|hoặc|còn)?(?!\w)", _I)


def _colon_head(text: str, ss: int, pos: int) -> str:
    """The head before a colon that governs the list the figure at ``pos`` is in."""
    colon = text.rfind(":", ss, pos)
    if colon < 0 or re.search(r"[;.]", text[colon:pos]) or not text[colon + 1 : pos].strip():
        return ""
    h0, _d = _clause_start(text, ss, colon, ss)
    if _ind.is_generic_head(text[h0:colon]):
        return ""
    head = _strip_indicator(text[h0:colon])
    if not head or len(head.split()) > 10 or re.search(r"\d", head):
        return ""
    return head


def _any_in(starts: list[int], lo: int, hi: int) -> bool:
    """Whether a sorted ``starts`` has a value in ``[lo, hi)`` (bisection, not a scan: a
    one-line megabyte has thousands of figures in its one sentence)."""
    k = bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi


def _evidence(text: str, ss: int, se: int, evid_start: int, own_end: int, next_start: int,
              starts: list[int]) -> Span:  # fmt: skip
    """The verbatim evidence: the whole sentence when it holds one figure, else the figure's
    clause through its plan phrase or aside (from the sentence start when nothing precedes)."""
    cend = max(own_end, _tail_end(text, own_end, se, next_start if next_start > own_end else se))
    if len(starts) == 1 and se - ss <= 400:
        evid_start, cend = ss, se
    elif not _any_in(starts, ss, evid_start) and evid_start - ss <= 200:
        evid_start = ss
    return _trim_span(text, evid_start, cend)


def _classify(doc: _Doc, si: int, q: Quantity, clause: _Clause, evid: Span, own_end: int,
              state: tuple[Label | None, str], award_spans: list[Span], has_plan: bool = False,
              prev_label: Label | None = None) -> tuple[Label, str, int | None]:  # fmt: skip
    """(label, deciding cue, year) for one figure."""
    text, report, plan = doc.text, doc.report, doc.plan
    ss, se = doc.spans.sents[si]
    reason = _skip_reason(text, q, (ss, se), clause.start, award_spans)
    if reason:
        return "skip", reason, None
    sigs = doc.signals(si)
    sig = _decide(sigs, q.start)
    year: int | None = None
    after_year = re.search(
        r"(?:vào|đến|trong)\s+(?:cuối\s+)?năm\s+(\d{4})", text[own_end : evid[1]]
    )
    label: Label
    if sig is not None and sig.label is None:
        kind = "period" if sig.name.startswith("giai đoạn") else "year"
        return "skip", f"other {kind}: {sig.name}", None
    if sig is not None and sig.label is not None:
        label, cue = sig.label, sig.name
        yrs = [g for g in sigs if g.year and g.pos < q.start]
        if label == "target" and yrs and plan and yrs[-1].year and yrs[-1].year > plan:
            year = yrs[-1].year  # "Đến năm 2025, phấn đấu 100% xã ..."
    elif after_year and plan and int(after_year.group(1)) >= plan:
        label, cue = "target", f"năm {after_year.group(1)}"
    elif after_year and report and int(after_year.group(1)) == report:
        label, cue = "achievement", f"năm {after_year.group(1)}"
    elif state[0] is not None:
        label, cue = state[0], state[1]
    elif _TARGET_VERB.search(clause.pre) and prev_label != "achievement":
        # "nâng tổng số lên ..." is a plan, unless it follows a result in its sentence
        label, cue = "target", "plan verb"
    else:
        label, cue = "achievement", "default"
    if label == "target" and has_plan and sig is not None and sig.year is None:
        # "tỷ lệ xã phấn đấu đạt chuẩn ... đạt 34,2%, vượt 1,3% kế hoạch": a plan share reached
        label, cue = "achievement", "plan share reached"
    if label == "achievement" and (
        "table.plan_column" in clause.rules
        or _ASSIGNED.search(text[clause.start : q.start])
        or _PLAN_ASIDE.search(text[max(0, q.start - 40) : q.start])
    ):
        return "skip", "assigned plan of the reviewed year", None
    if label == "achievement" and _COMPARE_AFTER.search(text[q.end : se]):
        cue += "; comparison"
    if year is None:
        year = report if label == "achievement" else plan
    return label, cue, year


def candidates(
    text: str, *, report_year: int | None = None, plan_year: int | None = None
) -> list[Candidate]:
    """Every figure of ``text`` with its clause, indicator, label guess and deciding cue.

    Years default to :func:`detect_years`. Plan phrases ("vượt 33,3% kế hoạch") become the
    ``plan_pct`` of the figure they follow; a plan phrase with no figure before it in its
    clause becomes a figure of its own (value as stated). Spans index ``text`` even when it
    is not NFC (the rules read its NFC form)."""
    nfc = unicodedata.normalize("NFC", text)
    if nfc == text:
        return _candidates(text, report_year, plan_year)
    offsets = _nfc_offsets(text)
    return [_remap(c, text, offsets) for c in _candidates(nfc, report_year, plan_year)]


def _nfc_offsets(text: str) -> list[int]:
    """For each char of NFC(text), its offset in ``text`` (plus len(text) at the end)."""
    offsets: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        offsets.extend([i] * len(unicodedata.normalize("NFC", text[i:j])))
        i = j
    offsets.append(n)
    return offsets


def _remap(c: Candidate, text: str, offsets: list[int]) -> Candidate:
    def at(pos: int) -> int:
        return offsets[min(pos, len(offsets) - 1)]

    q = c.quantity
    q2 = replace(
        q, start=at(q.start), end=at(q.end), num_start=at(q.num_start), num_end=at(q.num_end),
        text=text[at(q.start) : at(q.end)],
    )  # fmt: skip
    clause = (at(c.clause[0]), at(c.clause[1]))
    return replace(
        c, quantity=q2, sentence=(at(c.sentence[0]), at(c.sentence[1])), clause=clause,
        evidence=text[clause[0] : clause[1]],
    )  # fmt: skip


def _candidates(text: str, report_year: int | None, plan_year: int | None) -> list[Candidate]:
    report_year, plan_year = _complete_years(text, report_year, plan_year)
    doc = _Doc(text, report_year, plan_year)
    spans = doc.spans
    if not spans.sents:
        return []
    states = _passage_states(doc)
    plain_all, plans = _quantities(text)
    plain: list[Quantity] = []
    out: list[Candidate] = []
    ascii_text = text.isascii()  # typed without diacritics: no line is a slug
    for q in plain_all:
        ss, se = spans.sents[spans.sent_idx(q.start)]
        why = _inner_reason(text, q, ss, ascii_text)
        if why:  # part of a phrase ("trên 1 ha"): never a figure, never a clause boundary
            out.append(
                Candidate(0, q, (ss, se), (q.start, q.end), q.text, q.unit or "", "skip", why,
                          value=q.value, value_max=q.value_max, unit=q.unit)
            )  # fmt: skip
        else:
            plain.append(q)
    plain, extra_plans = _implicit_plans(text, plain, plans, spans)
    figures = _attach_plans(text, plain, sorted(plans + extra_plans, key=lambda p: p.start), spans)
    awards_by_sent: dict[int, list[Span]] = {}
    for sp, _a in _award_mentions(text, spans):
        awards_by_sent.setdefault(spans.sent_idx(sp[0]), []).append(sp)
    by_sent: dict[int, list[tuple[Quantity, Quantity | None]]] = {}
    for f in figures:
        by_sent.setdefault(spans.sent_idx(f[0].start), []).append(f)

    for si, figs in by_sent.items():
        ss, se = spans.sents[si]
        ss, se = min(ss, figs[0][0].start), max(se, figs[-1][0].end)
        starts = [q.start for q, _ in figs]
        prev_end = ss
        prev: Candidate | None = None
        for j, (q, plan_q) in enumerate(figs):
            own_end = (plan_q or q).end
            next_start = starts[j + 1] if j + 1 < len(figs) else se
            clause = _indicator(text, ss, se, q, plan_q, prev_end, starts, prev)
            evid = _evidence(text, ss, se, clause.evid_start, own_end, next_start, starts)
            label, cue, year = _classify(
                doc,
                si,
                q,
                clause,
                evid,
                own_end,
                states[si],
                awards_by_sent.get(si, []),
                has_plan=plan_q is not None and q.kind != "plan",
                prev_label=prev.label if prev is not None else None,
            )
            value, unit = q.value, q.unit
            plan_pct = plan_q.value if plan_q is not None else None
            if q.kind == "plan":  # a plan phrase standing alone: the stated percentage
                value, unit, plan_pct = (
                    (q.stated if q.stated is not None else _stated(text, q)),
                    "%",
                    None,
                )
            cand = Candidate(
                index=0,
                quantity=q,
                sentence=(ss, se),
                clause=evid,
                evidence=text[evid[0] : evid[1]],
                indicator=clause.indicator,
                label=label,
                cue=cue,
                plan_pct=plan_pct,
                year=year,
                value=value,
                value_max=q.value_max,
                unit=unit,
                rules=(*clause.rules, f"label: {cue}"),
                head=clause.head,
            )
            out.append(cand)
            prev_end = max(prev_end, own_end)
            if label != "skip" or cue in ("award recipients", "baseline"):
                prev = cand
    out.sort(key=lambda c: c.quantity.start)
    return _mark_duplicates(
        [replace(c, index=i) for i, c in enumerate(out)], _title_span(text), _captions(text, spans)
    )


# A photo caption: "... Ảnh: KIM LOAN", "(Ảnh: ...)", "Ảnh minh họa".
_PHOTO_CREDIT = re.compile(r"(?<!\w)(?:Ảnh|ảnh|Photo)\s*(?::|minh\s+họa)", _I)


def _captions(text: str, spans: _Spans) -> list[Span]:
    """Paragraphs that are photo captions (they carry a photo credit)."""
    return [(a, b) for a, b in spans.paras if _PHOTO_CREDIT.search(text, a, b)]


def _in_spans(pos: int, spans: list[Span]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _mark_duplicates(
    cands: list[Candidate], title: Span | None, captions: list[Span] | None = None
) -> list[Candidate]:
    """Label repeats "skip": a caption repeating the body (same evidence or indicator, or in a
    photo caption the same figure with a label naming the same thing) and a headline
    restating a body figure (same label, value and unit)."""

    def in_title(c: Candidate) -> bool:
        return title is not None and title[0] <= c.quantity.start < title[1]

    body = {
        (c.label, c.value, c.value_max, c.unit): c.index
        for c in reversed(cands)
        if c.label != "skip" and not in_title(c)
    }
    # "Thu ngân sách năm 2022 đạt 112,4% kế hoạch" as a headline: the body's plan share
    body_plans = {c.plan_pct: c.index for c in cands if c.plan_pct is not None and not in_title(c)}
    seen: dict[tuple[object, ...], int] = {}
    out: list[Candidate] = []
    folded: dict[str, str] = {}  # many candidates share one (possibly huge) sentence

    def fold_once(value: str) -> str:
        hit = folded.get(value)
        if hit is None:
            hit = folded[value] = fold(value)
        return hit

    for c in cands:
        if c.label == "skip":
            out.append(c)
            continue
        if in_title(c) and c.quantity.kind == "plan" and c.quantity.value in body_plans:
            cue = f"duplicate of the plan share of #{body_plans[c.quantity.value]}"
            out.append(replace(c, label="skip", cue=cue, rules=(*c.rules[:-1], f"label: {cue}")))
            continue
        key = (c.label, c.value, c.value_max, c.unit)
        keys = (key + (fold_once(c.evidence),), key + (fold_once(c.indicator),))
        first = body.get(key) if in_title(c) else next((seen[k] for k in keys if k in seen), None)
        if first is None and captions and _in_spans(c.quantity.start, captions):
            # a photo caption restating a figure of the body in other words
            first = next(
                (
                    o.index
                    for o in out
                    if o.label == c.label
                    and (o.value, o.value_max, o.unit) == (c.value, c.value_max, c.unit)
                    and label_similarity(o.indicator, c.indicator) >= LABEL_THRESHOLD
                ),
                None,
            )
        if first is not None:
            cue = f"duplicate of #{first}"
            out.append(replace(c, label="skip", cue=cue, rules=(*c.rules[:-1], f"label: {cue}")))
            continue
        seen.update({k: c.index for k in keys})
        out.append(c)
    return out


def _stated(text: str, q: Quantity) -> float:
    try:
        return parse_number(text[q.num_start : q.num_end])
    except ValueError:
        return q.value


def _trim_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in " ,;:":
        start += 1
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return start, end


# =========================================================================== officials

_DEGREES = r"BS\.?\s*CKII|BS\.?\s*CKI|BSCKII|BSCKI|ThS|PGS|NGƯT|NGND|TTƯT|TTND|BS|TS|GS|DS|KS|LS"
_HONORIFIC = re.compile(
    rf"(?<!\w)(?:đồng\s+chí|đ/c|ông|bà|(?:(?:{_DEGREES})\.?\s*)+(?!\w)"
    rf"|(?:đại|thượng|trung|thiếu)\s+(?:tá|tướng|úy|uý))\s*",
    _I,
)


def _name_run(text: str, pos: int) -> tuple[int, list[str]]:
    """Consecutive title-case syllables starting at ``pos`` (single spaces between)."""
    words: list[str] = []
    end = pos
    i = pos
    while len(words) < 6:
        m = _WORD.match(text, i)
        if not m or not _is_title_word(m.group()):
            break
        words.append(m.group())
        end = m.end()
        if text[end : end + 1] != " ":
            break
        i = end + 1
    return end, words


@lru_cache(maxsize=4096)
def _fold_word(w: str) -> str:
    return fold(w)


_PROVINCE_BY_FIRST: dict[str, list[list[str]]] = {}
for _p in PROVINCES:
    _pw = fold(_p).replace("-", " ").split()
    _PROVINCE_BY_FIRST.setdefault(_pw[0], []).append(_pw)


def _province_prefix(words: list[str]) -> int:
    """How many leading words of ``words`` form a province name (0 if none)."""
    best = 0
    for pw in _PROVINCE_BY_FIRST.get(_fold_word(words[0]), []) if words else []:
        if [_fold_word(w) for w in words[: len(pw)]] == pw:
            best = max(best, len(pw))
    return best


def _read_title(text: str, pos: int, limit: int) -> int:
    """End of a title that starts with a position head at ``pos``."""
    end = pos
    i = pos
    while i < limit:
        m = _HEAD_RX_I.match(text, i)
        if not m:
            break
        end = i = m.end()
        lower_run = 0
        for tm in _TOKEN.finditer(text, i, limit):
            tok = tm.group()
            gap = text[end : tm.start()]
            if gap.strip():
                break
            if dm := _DEPT_ANY_RX.match(text, tm.start()):
                end = dm.end()
                lower_run = 0
                continue
            if tm.start() < end:
                continue
            low = tok.lower()
            if tok in ("-", "–", "&") and (
                sp := re.compile(rf"\s*(?={_CAP})").match(text, tm.end())
            ):
                _run_end, run = _name_run(text, sp.end())
                if len(run) >= 2 and run[0].lower() in SURNAMES:
                    break  # "<title> - Nguyễn Văn A": the name starts here
                end = tm.end()
                continue
            if _is_title_word(tok) or (tok.isupper() and len(tok) >= 2) or "&" in tok:
                if tok.lower() in SURNAMES and _is_title_word(tok):
                    run_end, run = _name_run(text, tm.start())
                    if len(run) >= 2 and _province_prefix(run) == 0:  # a name, not a place
                        break
                end = tm.end()
                lower_run = 0
                continue
            if low in _ORG_LOWER and low not in _TITLE_STOP:
                end = tm.end()
                lower_run = 0
                continue
            if (
                tok == "."
                and text[tm.start() - 1 : tm.start()].isupper()
                and re.compile(rf"{_CAP}{{2}}").match(text, tm.end())
            ):
                end = tm.end()  # "TP.HCM"
                continue
            if low == "tại" and re.compile(rf"\s+{_CAP}").match(text, tm.end()):
                end = tm.end()  # "Trưởng Cơ quan đại diện Văn phòng Bộ ... tại TP.HCM"
                lower_run = 0
                continue
            if tok.isalpha() and tok.islower() and low not in _TITLE_STOP and lower_run < 1:
                prev_tok = text[max(pos, end - 12) : end].split()[-1:] or [""]
                if prev_tok and _is_title_word(prev_tok[0]):
                    end = tm.end()
                    lower_run += 1
                    continue
            break
        # a further title after a comma ("Tỉnh ủy viên, Giám đốc Sở ...")
        nm = re.compile(r",\s*").match(text, end)
        if nm and _HEAD_RX.match(text, nm.end()):
            i = nm.end()
            continue
        break
    return end


def _title_before(text: str, name_start: int, floor: int) -> tuple[int, int] | None:
    """Span of a title ending right before a name (captions "<title> - X", "<title> X")."""
    lo = max(floor, name_start - 160)
    seg = text[lo:name_start]
    best: tuple[int, int] | None = None
    for m in _HEAD_RX.finditer(seg):
        st = lo + m.start()
        end = _read_title(text, st, name_start)
        tail = text[end:name_start]
        if re.fullmatch(r"\s*(?:[-–—:,]\s*)?", tail):
            # "thừa ủy quyền của Chủ tịch nước, Thứ trưởng X": the first head is not his
            comma = text.find(",", st, end)
            if comma > 0 and re.search(r"(?:của|quyền)\s+$", text[max(0, st - 12) : st], _I):
                st = comma + 1 + len(text[comma + 1 : end]) - len(text[comma + 1 : end].lstrip())
            # prefer the earliest head whose title reaches the name
            best = (st, end)
            break
    return best


_NAME_TITLE_SEP = re.compile(r"\s*(?:,|-|–|—|\()\s*")


def find_officials(text: str) -> list[Official]:
    """People named with a position: "đồng chí X, <chức vụ>", "<chức vụ> - X" (captions),
    "<chức vụ> X", "ông/bà X – <chức vụ>"; duplicates and short forms merged."""
    found: list[tuple[int, str, str | None]] = []
    spans = _Spans(text)
    # 1) honorific + name (+ title after a delimiter)
    for m in _HONORIFIC.finditer(text):
        run_end, run = _name_run(text, m.end())
        if len(run) < 2 or len(run) > 5:
            continue
        name = " ".join(run)
        title = None
        dm = _NAME_TITLE_SEP.match(text, run_end)
        if dm and _HEAD_RX_I.match(text, dm.end()):
            s, e = spans.sents[spans.sent_idx(dm.end())]
            t_end = _read_title(text, dm.end(), max(e, dm.end()))
            title = _clean(text[dm.end() : t_end]) or None
        found.append((m.start(), name, title))
    # 2) title directly before a name
    for m in re.finditer(r"[^\W\d_]+", text):
        w = m.group()
        if w.lower() not in SURNAMES or not _is_title_word(w):
            continue
        if m.start() > 0 and (text[m.start() - 1].isalpha()):
            continue
        before = text[max(0, m.start() - 30) : m.start()]
        run_end, run = _name_run(text, m.start())
        if _province_prefix(run):
            continue  # "Bệnh viện Đa khoa Trung ương Thái Nguyên": a place
        if len(run) >= 3 and run[0].lower() in ("ông", "bà"):
            continue  # "Ông Trần Văn A" at a sentence start: the honorific pass has it
        if not 2 <= len(run) <= 5:
            continue
        if _HONORIFIC.search(before[-12:]):
            continue
        para = spans.paras[spans.para_idx(m.start())] if spans.paras else (0, len(text))
        tb = _title_before(text, m.start(), para[0])
        if tb is None:
            continue
        title = _clean(text[tb[0] : tb[1]])
        if not title:
            continue
        found.append((m.start(), " ".join(run), title))
    # 3) name then " - <title>" or ", <title>" without honorific (captions, lists)
    for m in re.finditer(r"[^\W\d_]+", text):
        w = m.group()
        if w.lower() not in SURNAMES or not _is_title_word(w):
            continue
        if m.start() > 0 and text[m.start() - 1].isalpha():
            continue
        prev = text[max(0, m.start() - 2) : m.start()]
        if prev.strip() and prev.strip()[-1:].isalpha():
            continue
        run_end, run = _name_run(text, m.start())
        if len(run) >= 3 and run[0].lower() in ("ông", "bà"):
            continue
        if not 2 <= len(run) <= 5 or _province_prefix(run):
            continue
        dm = re.compile(r"\s*(?:,|-|–|—)\s*").match(text, run_end)
        if not dm or not _HEAD_RX.match(text, dm.end()):
            continue
        s, e = spans.sents[spans.sent_idx(dm.end())]
        t_end = _read_title(text, dm.end(), max(e, dm.end()))
        title = _clean(text[dm.end() : t_end])
        if title:
            found.append((m.start(), " ".join(run), title))
    found.sort(key=lambda f: f[0])
    return _merge_officials(found)


def _merge_officials(found: list[tuple[int, str, str | None]]) -> list[Official]:
    names: list[str] = []
    titles: dict[str, str | None] = {}
    keys = {}
    full = [(_fold_word(n), n) for n in sorted({n for _, n, _ in found}, key=lambda n: -len(n))]
    for _, name, title in found:
        key = _fold_word(name)
        # a short form ("bà Hồng Mai") merges into a full name ending with it
        for ok, other in full:
            if ok != key and ok.endswith(" " + key) and len(key.split()) >= 2:
                key, name = ok, other
                break
        glued = next((k for k in names if _glued_same(k, key)), None)
        if glued is not None:  # "Phạm Minh Chínhyêu cầu" (a missing space) is "Phạm Minh Chính"
            if len(name) < len(keys[glued]):
                keys[glued] = name
            key = glued
        if key not in keys:
            keys[key] = name
            names.append(key)
            titles[key] = title
        elif title and (not titles[key] or _title_rank(title) > _title_rank(titles[key] or "")):
            titles[key] = title
    # a person never given a position ("ông X cho biết") is not counted as an official
    return [Official(name=keys[k], title=titles[k]) for k in names if titles[k]]


def _glued_same(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    if a == b or len(wa) != len(wb) or wa[:-1] != wb[:-1]:
        return False
    x, y = sorted((wa[-1], wb[-1]), key=len)
    # a Vietnamese syllable has at most 7 letters: "Chínhyêu" is two glued together
    return y.startswith(x) and 2 <= len(y) - len(x) <= 4 and len(y) > 7


def _title_rank(t: str) -> tuple[int, int]:
    return (len(t.split()), len(t))


# =========================================================================== awards

_PASSIVE_BEFORE = re.compile(
    r"(?:(?:đã|cũng|vừa|đều)\s+)*(?:vinh\s+dự\s+)?(?:được\s+(?:(?P<by>[^,;]{2,80}?)\s+)??"
    r"(?:trao\s+tặng|tặng\s+thưởng|tặng|trao|khen\s+thưởng|nhận\s+được|nhận)"
    r"|nhận\s+được|đón\s+nhận|nhận)\s*$",
    _I,
)
_CHO = re.compile(r"\s*(?:năm\s+\d{4}\s+)?(?:,\s*)?(?:được\s+)?(?:trao\s+)?(?:cho|tặng)\s+", _I)
_COUNT_PART = re.compile(r"\W*\d+\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s*", _I)
_ACTIVE_BEFORE = re.compile(
    r"(?:(?:đã|cũng|vừa)\s+)*(?:trao\s+tặng|tặng|trao|trao\s+thưởng|tặng\s+thưởng)\s*$", _I
)
_AWARD_LEAD = re.compile(
    r"^(?:(?:nhân\s+dịp\s+này|dịp\s+này|tại\s+hội\s+nghị|ngoài\s+ra|bên\s+cạnh\s+đó|đồng\s+thời"
    r"|cũng\s+tại\s+hội\s+nghị|trong\s+dịp\s+này|thừa\s+ủy\s+quyền[^,]*|thừa\s+uỷ\s+quyền[^,]*"
    r"|để\s+ghi\s+nhận[^,]*(?:,[^,]*năm\s+\d{4})?)\s*,\s*)+|^(?:đã\s+có|có|và)\s+",
    _I,
)
_REC_END = re.compile(
    r"\s+(?:vì|do|nhân\s+dịp|về\s+thành\s+tích|đã\s+có\s+thành\s+tích)\s|[;]|\./\.|\.\s|\.$", _I
)
_SPLIT_RECIPIENTS = re.compile(
    r"^(?:\d+|hai|ba|bốn|năm)\s+(?:tập\s+thể|đơn\s+vị)(?:\s+khác)?\s+(?:là|gồm)\s+", _I
)


def _award_mentions(text: str, spans: _Spans | None = None) -> list[tuple[Span, Award]]:
    """(recipient-side span, award) for every award conferred in the text."""
    spans = spans or _Spans(text)
    out: list[tuple[Span, Award]] = []
    for ss, se in spans.sents:
        kinds = list(_AWARD_KIND.finditer(text, ss, se))
        if not kinds:
            continue
        prev_end = ss
        prev_rec: str | None = None
        prev_conf: str | None = None
        dm_ = _DELEGATED.search(text, ss, se)
        delegated = _clean(dm_.group(1)) if dm_ else None
        for ki, km in enumerate(kinds):
            kind = _clean(km.group())
            next_start = kinds[ki + 1].start() if ki + 1 < len(kinds) else se
            after = km.end()
            conferrer: str | None = None
            cm = re.compile(r"\s+(?:của|do)\s+").match(text, after)
            if cm:
                cend = _conferrer_end(text, cm.end(), min(se, next_start))
                conferrer = _clean(text[cm.end() : cend]).rstrip("./") or None
                after = cend
            before = text[prev_end : km.start()]
            recipient: str | None = None
            rec_span: Span = (km.start(), km.end())
            pm = _PASSIVE_BEFORE.search(before)
            am = _ACTIVE_BEFORE.search(before)
            cho = _CHO.match(text, after)
            if kind.lower().startswith("khen thưởng"):
                cho = re.compile(r"\s*(?:cho\s+)?").match(text, km.end())
                conferrer = conferrer or _subject(before)
            if cho:
                rs = cho.end()
                re_m = _REC_END.search(text, rs, min(se, next_start) + 1)
                rend = re_m.start() if re_m else min(se, next_start)
                rend = _cut_before_next(
                    text, rs, rend, kinds[ki + 1].start() if ki + 1 < len(kinds) else None
                )
                recipient = _clean(text[rs:rend]).rstrip(" ,./")
                rec_span = (km.start(), rend)
                if conferrer is None and am:
                    conferrer = _subject(before[: am.start()])
            elif pm:
                rstart = prev_end
                seg = text[rstart : km.start() - len(pm.group())]
                # the recipient: after the last comma unless that leaves a fragment
                parts = seg.split(",")
                rec = parts[-1]
                k = len(parts) - 1
                while k > 0 and (
                    len(_clean(rec).split()) <= 2
                    or (_COUNT_PART.fullmatch(parts[k]) and _COUNT_PART.fullmatch(parts[k - 1]))
                ):
                    k -= 1
                    rec = parts[k] + "," + rec
                rec = _clean(_AWARD_LEAD.sub("", _clean(rec).lstrip(";, ")))
                # "X được Bộ Công Thương tặng Cờ thi đua": conferrer between "được" and the verb
                by = pm.group("by")
                if by and conferrer is None and re.match(_CAP, by):
                    conferrer = _clean(by)
                rec = re.sub(r"\s+(?:cũng|đã|vừa)$", "", rec, flags=_I)
                recipient = rec.strip(" ,") or None
                rec_span = (rstart, km.end())
            elif prev_rec and re.fullmatch(r"\s*(?:,|và|,\s*và)\s*", text[prev_end : km.start()]):
                recipient = prev_rec
            if not cm and delegated:
                conferrer = delegated  # "thừa ủy quyền của Chủ tịch nước, X trao ..."
            elif conferrer is None and prev_conf and _GAP_AND.fullmatch(before):
                conferrer = prev_conf
            if recipient:
                evidence_span = _trim_span(
                    text, min(rec_span[0], km.start()), max(after, rec_span[1])
                )
                evidence = text[evidence_span[0] : evidence_span[1]]
                conferrer = _strip_person(conferrer)
                for rec in _split_recipients(recipient):
                    out.append(
                        (
                            rec_span,
                            Award(award=kind[:1].upper() + kind[1:], conferred_by=conferrer,
                                  recipient=rec, evidence=evidence),
                        )
                    )  # fmt: skip
                prev_rec = recipient
                prev_conf = conferrer
            prev_end = max(after, rec_span[1], km.end())
    return out


_DELEGATED = re.compile(r"thừa\s+(?:ủy|uỷ)\s+quyền\s+(?:của\s+)?([^,;.]+?)\s*,", _I)
_GAP_AND = re.compile(r"\s*(?:,|và|,\s*và)\s*", _I)
_PERSON_THEN_TITLE = re.compile(
    r"^(?:(?:đồng\s+chí|ông|bà)\s+)?(?:[^\W\d_]+\s+){1,4}[^\W\d_]+\s*[,–-]\s*(.+)$", _I
)


def _strip_person(who: str | None) -> str | None:
    """ "Giám đốc Sở Y tế Nguyễn Văn A" -> "Giám đốc Sở Y tế"; "đồng chí X, Chủ tịch UBND
    tỉnh" -> "Chủ tịch UBND tỉnh" (the position grants the award)."""
    if not who:
        return who
    pm = _PERSON_THEN_TITLE.match(who)
    if pm and _HEAD_RX_I.match(pm.group(1)):
        return pm.group(1).strip()
    words = who.split()
    for i in range(1, len(words) - 1):
        rest = words[i:]
        if rest[0].lower() in SURNAMES and 2 <= len(rest) <= 5 and all(map(_is_title_word, rest)):
            head = " ".join(words[:i]).rstrip(" -–,")
            if _HEAD_RX_I.match(head) or head.lower().startswith(("đồng chí", "ông", "bà")):
                head = re.sub(r"\s*(?:đồng\s+chí|ông|bà)$", "", head, flags=_I).rstrip(" -–,")
                return head or who
    return who


def _subject(before: str) -> str | None:
    """The grantor in "<subject> (đã) tặng <award>": the last clause before the verb."""
    parts = _AWARD_LEAD.sub("", _clean(before)).strip(" ,;").split(",")
    subj = parts[-1]
    k = len(parts) - 1
    while k > 0 and len(subj.split()) <= 1:
        k -= 1
        subj = parts[k] + "," + subj
    subj = re.sub(r"\s+(?:cũng|đã|vừa|đều)$", "", _clean(subj), flags=_I)
    return subj or None


def _cut_before_next(text: str, rs: int, rend: int, next_kind: int | None) -> int:
    """A recipient stops at the comma that opens the next award clause."""
    if next_kind is None or next_kind > rend + 1:
        return rend
    seg = text[rs:next_kind]
    cut = max(seg.rfind(","), seg.rfind(" và "))
    return rs + cut if cut > 0 else rend


def _conferrer_end(text: str, start: int, limit: int) -> int:
    m = re.compile(
        r"\s+(?:cho|vì|về|đã|nhân|tặng|trao|do|khi|sau|trong)\s|[,;()]|\./\.|\.(?:\s|$)", _I
    ).search(text, start, limit)
    return m.start() if m else limit


def _split_recipients(rec: str) -> list[str]:
    """ "2 tập thể khác là A và B" -> [A, B]; "Phòng X và Trường Y" -> [Phòng X, Trường Y]
    (named recipients each get their own award); "5 tập thể có thành tích ..." -> ["5 tập
    thể"] (a counted group as written); anything else unchanged."""
    m = _SPLIT_RECIPIENTS.match(rec)
    counted = _COUNTED_GROUP.match(rec)
    if counted and not m:
        return [counted.group().strip(" ,")]
    if not m:
        parts = [p.strip() for p in _ORG_SPLIT.split(rec) if p.strip()]
        if len(parts) >= 2 and all(_NAMED_ORG.match(p) for p in parts):
            return parts
        return [rec]
    parts = [p.strip() for p in re.split(r",\s*|\s+và\s+", rec[m.end() :]) if p.strip()]
    return parts if len(parts) >= 2 else [rec]


_GROUP = r"\d+\s+(?:tập\s+thể|cá\s+nhân|đơn\s+vị|đồng\s+chí|gia\s+đình|cán\s+bộ|học\s+sinh|người)"
_COUNTED_GROUP = re.compile(rf"{_GROUP}(?:\s*(?:,|và|,\s*và)\s*{_GROUP})*(?=\s+\w|$)", _I)
# Organisations named as recipients ("Phòng Lao động ... huyện Thọ Xuân", "Trường Cao đẳng").
ORG_HEADS: tuple[str, ...] = (
    "Sở", "Phòng", "Trường", "Bệnh viện", "Trung tâm", "Chi cục", "Cục", "Ban", "Hội",
    "Công ty", "Ủy ban", "UBND", "Văn phòng", "Thanh tra", "Quỹ", "Cơ sở", "Viện", "Đội",
    "Trạm", "Hợp tác xã", "Tổng công ty", "Ngân hàng", "Đài", "Báo", "Bảo hiểm xã hội",
)  # fmt: skip
_ORG_SPLIT = re.compile(rf"(?:,\s*|\s+và\s+)(?=(?-i:{_alt(ORG_HEADS)})\s)")
_NAMED_ORG = re.compile(rf"(?-i:{_alt(ORG_HEADS)})\s+(?:\w+\s+)*?(?-i:[{_UP}])")


def find_awards(text: str) -> list[Award]:
    """Awards with conferrer and recipient: "<recipient> được tặng <award> của <conferrer>",
    "<conferrer> tặng <award> cho <recipient>", several per sentence; duplicates (and a
    headline repeating a body award) dropped."""
    return _dedupe_awards(_award_mentions(text), _title_span(text))


# =========================================================================== title, place, sector

_DATELINE = re.compile(
    r"^(?:thứ\s+\w+|chủ\s+nhật|ngày|sáng|chiều|tối|\(?\d{1,2}[/:-]\d{1,2}|\d{1,2}\s+tháng)", _I
)
_FURNITURE_LINE = re.compile(
    r"^(?:đường\s+dây\s+nóng|hotline|điện\s+thoại|email|fax|trang\s+chủ|chia\s+sẻ|in\s+bài"
    r"|cỡ\s+chữ|lượt\s+xem|bình\s+luận|tin\s+liên\s+quan|cùng\s+chuyên\s+mục)\b",
    _I,
)


def _title_span(text: str) -> Span | None:
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    for a, b in lines[:3]:
        line = text[a:b].strip()
        if (_DATELINE.match(line) and len(line) < 80) or (line.isupper() and len(line) < 80):
            continue
        if _FURNITURE_LINE.match(line) or (len(line) < 60 and re.search(r"(?:\d[ .]?){8,}", line)):
            continue
        words = line.split()
        if (
            4 <= len(words) <= 40
            and len(line) <= 250
            and not line.endswith((".", "…", ";", ":", ","))
            and line[0].isupper()
        ):
            return _trim_span(text, a, b) if text[a:b].strip() == line else (a, b)
        return None
    return None


def find_title(text: str) -> str | None:
    """The headline: the first line when it is short and has no final period (datelines and
    bylines before it are skipped)."""
    span = _title_span(text)
    return text[span[0] : span[1]].strip() if span else None


_PROVINCE_OF = {re.sub(r"[\s\-–—]+", " ", fold(p)): p for p in PROVINCES}
_PROVINCE_RX = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        re.escape(k).replace(r"\ ", r"[\s\-–—]+")
        for k in sorted(_PROVINCE_OF, key=len, reverse=True)
    )
    + r")(?!\w)"
)


def find_province(text: str) -> str | None:
    """A province named in the text ("tỉnh Long An", "ngành ... Lâm Đồng"), else None."""
    folded = _fold_aligned(text)
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in _PROVINCE_RX.finditer(folded):
        p = _PROVINCE_OF[re.sub(r"[\s\-–—]+", " ", m.group())]
        orig = text[m.start() : m.end()]
        if not orig[:1].isupper():
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        governed = re.search(r"(?:tỉnh|thành\s+phố|TP\.?|Tp\.?)\s*$", before, _I)
        prev_run: list[str] = []
        if before.endswith(" "):
            for w in reversed(before.split()):
                if not _is_title_word(w):
                    break
                prev_run.insert(0, w)
        # inside a person's name ("Nguyễn Thái Bình"), not a place
        if not governed and prev_run and prev_run[-3:][0].lower() in SURNAMES:
            continue
        weight = 3 if governed else 1
        counts[p] += weight
        first.setdefault(p, m.start())
    if not counts:
        return None
    # "Huế" alone also matches "Thừa Thiên Huế"
    if "Thừa Thiên Huế" in counts:
        counts.pop("Huế", None)
    return max(counts, key=lambda p: (counts[p], -first[p]))


class _FoldTable(dict[int, str]):
    """str.translate table: a char -> its lower-case base letter (same length)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = unicodedata.normalize("NFD", ch)[:1] or ch
        low = base.lower()[:1] or base
        self[code] = "d" if low == "đ" else low
        return self[code]


_FOLD_TABLE = _FoldTable()


def _fold_aligned(text: str) -> str:
    """Lower-case, diacritic-free copy of ``text`` with the same length (NFC input)."""
    return text.translate(_FOLD_TABLE)


def find_sector(text: str) -> str | None:
    """The department reviewed, from "Sở <X>" / "ngành <X>" (the most frequent)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in re.finditer(r"(?<!\w)(?:Sở|ngành|Ngành|NGÀNH|SỞ)\s+", text):
        for canon, rx in _DEPT_RX:
            if rx.match(text, m.end()):
                counts[canon] += 1
                first.setdefault(canon, m.start())
                break
        else:
            low = text[m.end() : m.end() + 40].lower()
            for k in sorted(_SECTOR_LOWER, key=len, reverse=True):
                if low.startswith(k) and not low[len(k) : len(k) + 1].isalpha():
                    counts[_SECTOR_LOWER[k]] += 1
                    first.setdefault(_SECTOR_LOWER[k], m.start())
                    break
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], -first[c]))


# =========================================================================== top level


def _dedupe_awards(mentions: list[tuple[Span, Award]], title: Span | None) -> list[Award]:
    body_kinds = {
        fold(a.award) for sp, a in mentions if not (title and title[0] <= sp[0] < title[1])
    }
    seen: set[tuple[str, str, str]] = set()
    out: list[Award] = []
    for sp, a in mentions:
        if title and title[0] <= sp[0] < title[1] and fold(a.award) in body_kinds:
            continue
        key = (fold(a.award), fold(a.recipient), fold(a.conferred_by or ""))
        if key in seen:
            continue
        seen.add(key)
        out.append(a)
    return out


def extract_rules(text: str) -> SectorReport:
    """A full :class:`SectorReport` from rules alone (no model). Evidence quotes ``text``
    verbatim even when it is not NFC (the rules read its NFC form)."""
    return extract_rules_traced(text)[0]


def extract_rules_traced(text: str) -> tuple[SectorReport, dict[str, list[tuple[str, ...]]]]:
    """:func:`extract_rules` and, for each achievement and target (by list and index), the
    named rules that decided it (``Candidate.rules``)."""
    nfc = unicodedata.normalize("NFC", text)
    report_year, plan_year = detect_years(nfc)
    cands = candidates(text, report_year=report_year, plan_year=plan_year)
    awards = find_awards(nfc)
    if nfc != text:
        offsets = _nfc_offsets(text)
        awards = [
            a.model_copy(update={"evidence": _original_quote(a.evidence, nfc, text, offsets)})
            for a in awards
        ]
    report = SectorReport(
        title=find_title(nfc),
        province=find_province(nfc),
        sector=find_sector(nfc),
        report_year=report_year,
        plan_year=plan_year if _names_plan_year(nfc, plan_year, cands) else None,
        officials=find_officials(nfc),
        achievements=[c.to_metric() for c in cands if c.label == "achievement"],
        targets=[c.to_metric() for c in cands if c.label == "target"],
        awards=awards,
    )
    traces = {
        "achievements": [c.rules for c in cands if c.label == "achievement"],
        "targets": [c.rules for c in cands if c.label == "target"],
    }
    return report, traces


def _names_plan_year(text: str, plan_year: int | None, cands: list[Candidate]) -> bool:
    """Whether the text gives a plan year at all (guideline §2: otherwise ``plan_year`` is
    null): a target, or a year mentioned at or after the plan year."""
    if plan_year is None:
        return False
    if any(c.label == "target" for c in cands):
        return True
    return any(ym.year >= plan_year for ym in year_mentions(text) if ym.kind != "comparison")


def _original_quote(quote: str, nfc: str, text: str, offsets: list[int]) -> str:
    start = nfc.find(quote)
    if start < 0:
        return quote
    return text[offsets[start] : offsets[start + len(quote)]]
