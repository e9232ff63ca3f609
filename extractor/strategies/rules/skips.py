"""Skip reasons: why a number is not a figure, or a figure not a metric.

The words the rules read are data: the lexicon's ``skip_cues`` (``extractor/vi/data/
lexicon.json``), one key per list; the regexes here hold only the grammar around them."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cached_property, lru_cache

from extractor import indicators as _ind
from extractor import vi
from extractor.numbers import Quantity, counted
from extractor.strategies.rules.awards import _AWARD_KIND, _RECIPIENT_UNITS
from extractor.strategies.rules.common import _CAP, _I, _W0, _W1, Span, _alt, _stated
from extractor.strategies.rules.doc import _crop_season
from extractor.strategies.rules.indicators import _MEASURE_UNITS
from extractor.strategies.rules.registry import NamedRule, register


def _cues(key: str) -> tuple[str, ...]:
    """The lexicon list ``skip_cues.<key>``, in its order."""
    return tuple(vi.entry(f"skip_cues.{key}"))


def _listed(key: str) -> str:
    """The lexicon list ``skip_cues.<key>`` as a regex alternation, exactly as listed."""
    return vi.alternation_as_listed(vi.entry(f"skip_cues.{key}"))


# Units that never make a metric in these articles.
_SKIP_UNITS: dict[str, str] = vi.phrase_map("skip_units")
# The plan's own parts ("3 nhóm giải pháp", "5 nhiệm vụ trọng tâm").
_STRUCT_UNITS = frozenset(_cues("structural_units"))
# Work items ("nhiệm vụ", "chương trình") are the plan's parts only when named so ("7 nhiệm
# vụ trọng tâm") or set out ("đề ra 8 nhiệm vụ"); "thực hiện 13 nhiệm vụ tư vấn" counts work done.
_WORK_ITEM_UNITS = frozenset(_cues("work_item_units"))
_STRUCT_MODIFIER_AFTER = re.compile(rf"\s+(?:{_listed('structural_modifiers')}){_W1}", _I)
_STRUCT_LEAD_BEFORE = re.compile(rf"{_W0}(?:{_listed('structural_leads')})\s*$", _I)


def _plan_part(c: NumberContext) -> bool:
    """A structural unit counts the plan's own parts (a work item only when named or set
    out as such)."""
    if c.unit not in _WORK_ITEM_UNITS:
        return True
    return bool(
        _STRUCT_MODIFIER_AFTER.match(c.text, c.q.end) or _STRUCT_LEAD_BEFORE.search(c.before_num)
    )


_AND = re.compile(r"(?<!\w)và\s+", _I)


def _own_act(before: str) -> str:
    """What is said of a figure by its own act: the words after the last "và" when an act
    of their own opens there ("Tỉnh đứng thứ 4 toàn quốc và chính thức hoàn thành ...
    100%"), else all of ``before``."""
    last = max(_AND.finditer(before), key=lambda m: m.start(), default=None)
    if last is None or _ind.clause_verb_in(before[last.end() :], 0) is None:
        return before
    return before[last.end() :]


_RANKED_HERITAGE = frozenset(_cues("ranked_heritage"))
_RANKING = re.compile(
    rf"{_W0}(?:{_listed('ranking_words')}){_W1}"
    rf"(?!\s+(?:{_listed('ranked_heritage')}))",  # "xếp hạng di tích": a heritage class
    _I,
)
# "... xếp hạng từ 1 - 5 sao và 223 nhà nghỉ đạt chuẩn": a next item of a list after the rank
_NEXT_ITEM = re.compile(r"\s(?:và|,)\s", _I)


def _ranked_in(act: str, c: NumberContext) -> bool:
    m = _RANKING.search(act)
    return m is not None and not (c.unit and _NEXT_ITEM.search(act, m.end()))


# "truyền hình 2.190 bản tin": a compound that ends with a head word ("hình") is no head
_NOT_A_HEAD = "".join(
    rf"(?<!{re.escape(c.rsplit(' ', 1)[0])}\s)" for c in _cues("reference_head_compounds")
)
# a lower-case noun, then two or more capitalised syllables right before the number ("nhà máy
# thủy điện Huổi Chan 1"), which ends its clause
_NAME_BEFORE = re.compile(rf"(?<!\w)(?-i:[a-zà-ỹđ])\w*\s+{_CAP}\w*(?:\s+{_CAP}\w*)+\s+$")
# the name's number ends its clause, or a preposition goes on about the named thing ("thủy điện
# Nậm Mu 2 với công suất 20 MW")
_NAME_NUMBER_AFTER = re.compile(
    rf"\s*(?:[,;.)]|$)|\s+(?:{_listed('name_number_followers')}){_W1}", _I
)
_NAME_NUMBER_MAX = 20
"""The largest number a plant, a zone or a bridge is numbered with ("Huổi Chan 1", "Vĩnh Tân
4"); a bigger one after a name is a count."""
_REFERENCE_BEFORE = re.compile(
    rf"{_W0}{_NOT_A_HEAD}(?:{_listed('reference_heads')}"
    rf"|(?:{_listed('school_level_leads')})\s+cấp"  # "học sinh cấp 3": a school level
    rf"|(?<!tổng\s)số|(?<!các\s)loại|(?<!định\s)kỳ|(?<!quy\s)tập"
    rf"|chuyên\s+án(?:\s+(?-i:[A-ZĐ]{{1,5}}))?"  # "chuyên án VT 721": a case's code name
    rf"|tàu(?:\s+cá)?\s+(?-i:[A-ZĐ][A-Za-zĐ]{{0,3}})"  # "tàu BV 97979 TS": a vessel's number
    rf"|km(?:\s*\d+\s*\+)?"  # "km 15+200": a road's marker
    rf"|(?-i:[A-Z]{{2,}})\s*\+"  # "ASEAN+3": a name
    rf"|gmt\s*[+-]|utc\s*[+-]"
    rf")[^\w,;]*$",  # "nhóm 5", but not the next count of a list ("70 nhóm, 177 đối tượng")
    _I,
)


def _is_year(c: NumberContext) -> bool:
    if 1900 <= c.stated <= 2100 and re.search(r"(?:năm|nam)\s*$", c.before_num, _I):
        return True
    if not (
        1000 <= c.stated <= 2100 and re.fullmatch(r"\d{4}", c.text[c.q.num_start : c.q.num_end])
    ):
        return False
    # "Vụ xuân 2018 tiếp tục được mùa": a crop season's year, whatever word follows it
    if c.stated >= 1990 and _crop_season().search(c.before_num):
        return True
    return not c.q.unit and bool(_NAMED_YEAR_BEFORE.search(c.before_num))


# "mục tiêu 95-95-95": bare numbers joined by dashes, three or more, are a name
_NUMBER_CHAIN = re.compile(r"(?<![\d.,])\d+(?:[-–]\d+){2,}(?![\d.,%])")


def _in_number_chain(c: NumberContext) -> bool:
    lo = max(c.sent[0], c.q.num_start - 24)
    return any(
        m.start() <= c.q.num_start < m.end()
        for m in _NUMBER_CHAIN.finditer(c.text, lo, min(len(c.text), c.q.num_end + 24))
    )


# "năm Tân Hợi 1791", "năm học 2016": a year's name before its number
_NAMED_YEAR_BEFORE = re.compile(rf"{_W0}năm(?:(?:\s+{_CAP}\w*){{1,2}}|\s+học)\s*$", _I)
# "tỷ lệ người biết chữ trong độ tuổi 15 – 35 đạt 96,58%": an age range after its unit
_AGE_BEFORE = re.compile(rf"{_W0}(?:độ\s+)?tuổi(?:\s+từ)?\s*$", _I)
# "Nghị quyết lần thứ 6, 7 và 8", "Nghị quyết số 18, 19": the numbers after a reference
# number in its list name too
_REFERENCE_LIST_BEFORE = re.compile(
    rf"{_W0}{_NOT_A_HEAD}(?:{_listed('reference_heads')}|(?<!tổng\s)số)\s*\d+(?:\s*,\s*\d+)*\s*(?:,|và)\s*$",
    _I,
)
# "Nghị quyết Trung ương 4, 5, 6": a plenum of the Party's Central Committee, numbered
_NUMBERED_BODY_BEFORE = re.compile(
    rf"{_W0}(?:{_listed('numbered_bodies')})(?:\s*\d+\s*(?:,|và))*\s*$", _I
)
_DONE_BEFORE = re.compile(
    rf"{_W0}(?:{_listed('done_verbs_before')})(?:\s+(?:{_alt(vi.entry('done_manners'))}))?\s*$",
    _I,
)
_DONE_AFTER = re.compile(
    rf"(?:\s+[^\W\d_]+){{0,4}}?\s+(?:đều\s+)?(?:{_listed('done_verbs_after')})(?!\w)", _I
)
# "mức độ 3, 4", "mức 3; 4": the levels of online public services, named, not counted
_LEVEL_BEFORE = re.compile(rf"{_W0}mức(?:\s+độ)?(?:\s*[1-4]\s*(?:,|;|và|-|–|/))?\s*$", _I)
_PARTICIPANTS = re.compile(rf"{_W0}(?:{_listed('attend_verbs')})\s+hội\s+nghị{_W1}", _I)
_FURNITURE = re.compile(rf"{_W0}(?:{_listed('page_furniture')})\W*$", _I)
_AWARD_VERB = re.compile(rf"{_W0}(?:{_listed('award_verbs')}){_W1}", _I)


_BASELINE_AFTER = re.compile(
    rf"\s*(?:\([^()]{{0,40}}\)\s*)?(?:{_listed('change_end_leads')})\s+(?:mức\s+)?(?:còn\s+)?\d",
    _I,
)
_DESCRIPTOR_BEFORE = re.compile(rf"{_W0}(?:{_listed('descriptor_leads')})\s*$", _I)
# "khám chữa bệnh tại 3 tuyến": levels after "tại" describe; "kiểm tra trực tiếp tại 10
# huyện", "tại 19 trường học đã phát 6.200 quyển": places reached are counted
_AT_LEVELS = re.compile(rf"{_W0}(?:{_listed('level_leads')})\s*$", _I)
_LEVEL_UNITS = frozenset(_cues("level_units"))


# "Liên hoan Ẩm thực 8 tỉnh Tây Bắc": places counted inside an event's name (its head
# capitalised, then a capitalised word), not a result
EVENT_HEADS: tuple[str, ...] = _cues("event_heads")
PLACE_UNITS: tuple[str, ...] = _cues("place_units")
_EVENT_NAME_BEFORE = re.compile(
    rf"{_W0}(?:{_ind._alt(EVENT_HEADS)})\s+{_CAP}\w*(?:\s+\w+){{0,3}}\s+$"
)  # case-sensitive: a name
# "tại SEA Games 31": the edition number of a named games
EVENT_EDITIONS: tuple[str, ...] = _cues("event_editions")
_EDITION_BEFORE = re.compile(rf"{_W0}(?:{_ind._alt(EVENT_EDITIONS)})\s+$")
_PLACE_UNIT_AFTER = re.compile(rf"\s*(?:{_ind._alt(PLACE_UNITS)}){_W1}", _I)


_DAY_BEFORE = re.compile(
    rf"(?<!\w)(?:{_listed('day_parts')})\s+(?:nay\s+)?(?:\(\s*)?\d{{1,2}}\s*[-/.]\s*$", _I
)
_DAY_AFTER = re.compile(r"\s*[-/.]\s*\d{1,2}(?!\d)")
_ROUND_BASES = (1, 10, 100, 1000, 10000, 100000)
_SCALE_AFTER = re.compile(
    r"\s*(?:nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)", _I
)  # "trên 01 triệu lượt"  # per-unit bases: "trên 10.000 dân"
# "34/45 xã đạt 19/19 tiêu chí": a full fraction describing the things just counted
_DESCRIPTOR_FRACTION = re.compile(r"\d[\d.,/]*\s+[^\W\d]+(?:\s+[^\W\d]+)?\s+đạt\s*$", _I)
# "Tổng số tiêu chí đã đạt của 45 xã là 785": the scope of the figure that follows
_SCOPE_OF_NEXT = re.compile(
    rf"\s*(?:{_listed('scope_verbs')})\s+(?:(?:{_listed('scope_qualifiers')})\s+)?\d", _I
)


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


# "6 điểm di tích", "12 điểm trường": sites counted, not "3 điểm nhấn"
_POSITION_AFTER = re.compile(
    rf"\s+(?-i:(?:Phó\s+)?(?:{vi.alternation(vi.entry('position_heads'))}))(?!\w)"
)
_DOTTED_DAY_MONTH = re.compile(r"(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])")
_DEPUTIES_AFTER = re.compile(r"\s+(?-i:Phó)\s")  # "2 Phó Giám đốc": a deputy's title, capitalised
_VERSION = re.compile(r"\d\.0")
_PRODUCT_AFTER = re.compile(rf"\s+(?:{_listed('bank_products')})(?!\w)", _I)
_SITE_AFTER = re.compile(rf"\s+(?!{_listed('not_site_words')})\w", _I)
_ATTENDED_BY = re.compile(
    rf"{_W0}(?:sự\s+)?(?:{_listed('attendance_words')})(?:\s+của)?"
    rf"(?:\s+(?:{_listed('attendance_qualifiers')}))?\s*$",
    _I,
)
_WORKLOAD_AFTER = re.compile(
    rf"(?:\s+[^\W\d_]+){{0,3}}?\s+(?:đã\s+)?(?:{_alt(vi.entry('workload_verbs'))}){_W1}", _I
)
_OPEN_QUOTES = '“"‘'
_CLOSE_QUOTE = re.compile(r"”|\"|’’|’|''")
_QUOTED_NAME_MAX = 70
_FIGURE_VERB_IN_QUOTE = re.compile(rf"(?<!\w)(?:{_listed('quote_figure_verbs')})(?!\w)", _I)


def _in_quoted_name(text: str, start: int, end: int, sent_start: int) -> bool:
    """True when [start, end) lies inside a short quoted name opened after ``sent_start``
    (“5 không, 3 sạch, 3 an toàn”), not inside a quoted statement ("“Năm 2022, ngành
    đạt 95%”" names a figure: it is longer or says what was reached)."""
    lo = max(sent_start, start - _QUOTED_NAME_MAX)
    opened = max(text.rfind(q, lo, start) for q in _OPEN_QUOTES)
    if opened < 0:
        return False
    if _CLOSE_QUOTE.search(text, opened + 1, start):
        return False  # the quote closed before the number
    close = _CLOSE_QUOTE.search(text, end, opened + _QUOTED_NAME_MAX + 1)
    if close is None:
        return False
    inside = text[opened + 1 : close.start()]
    return "\n" not in inside and not _FIGURE_VERB_IN_QUOTE.search(inside)


# "Cùng dự có ...", "Tham dự hội nghị có ...", "Dự hội nghị còn có ...": who attended
# "Hơn 400 viên chức, người lao động tham dự.": who attended, the sentence ends there
_ATTENDED_END = re.compile(
    rf"[^\d.;:()]{{0,60}}?(?:{_listed('attendance_words')}|dự)\s*[.!]?\s*$", _I
)
_ATTENDANCE_OPENER = re.compile(
    r"\W*(?:(?:cùng|đến|về)\s+)?(?:tham\s+)?dự\s+(?:hội\s+nghị\s+)?(?:còn\s+)?(?:có|với)\s", _I
)
_FULL_STOP = re.compile(r"[.!?](?=\s)|\n")
_SPACES = re.compile(r"\s*")
_RUN_LOOKBACK = 600  # characters searched back for the full stop before a run of semicolons


def _after_full_stop(text: str, sent_start: int) -> int:
    """Where the sentence run that ``sent_start`` belongs to begins: after the last full stop
    or line break before it (sentences split at a semicolon go on the same run)."""
    if not text[:sent_start].rstrip().endswith(";"):
        return sent_start
    lo = max(0, sent_start - _RUN_LOOKBACK)
    ends = [m.end() for m in _FULL_STOP.finditer(text, lo, sent_start)]
    return min(_SPACES.match(text, ends[-1] if ends else lo).end(), sent_start)


_HONOUR_AFTER = re.compile(rf"\s*(?:{_listed('honours')})(?!\w)", _I)
# "1 Nhà giáo Nhân dân", "5 nghệ sĩ được phong tặng danh hiệu Nghệ sĩ Ưu tú": holders of a
# state honorary title (lexicon skip_cues.honorary_titles), the title right after the count or
# after its noun and the verb that confers it
_TITLE_HOLDERS = re.compile(
    r"\s*(?:[^\W\d]+,?\s+){0,4}?(?:được\s+(?:\w+\s+)?tặng\s+(?:danh\s+hiệu\s+)?)?"
    rf"(?:{_listed('honorary_titles')})(?!\w)",
    _I,
)
_GRANT_TO = re.compile(
    rf"{_W0}(?:(?:{_listed('grant_verbs')})\s+(?:{_CAP}\w*|danh\s+hiệu)[^;]*\scho"
    r"|khen\s+thưởng\s+cho)\s*$",  # "công bố quyết định khen thưởng cho trên 100 tập thể"
    _I,
)
_OTHER_PLACE = re.compile(rf"{_W0}(?:{_listed('other_places')})\s*\(\s*$", _I)


class NumberContext:
    """What the tests of a number read (each piece computed on first use): the number, its
    sentence and, for a figure, its clause start and the award spans of its sentence."""

    def __init__(self, text: str, q: Quantity, sent: Span, clause_start: int = 0,
                 award_spans: list[Span] | tuple[Span, ...] = (),
                 ascii_text: bool = False) -> None:  # fmt: skip
        self.text = text
        self.q = q
        self.sent = sent
        self.clause_start = clause_start
        self.award_spans = award_spans
        self.ascii_text = ascii_text
        self.unit = counted(q)  # a count per base by what it counts ("buổi/ngày": "buổi")

    @cached_property
    def stated(self) -> float:
        return _stated(self.text, self.q)

    @cached_property
    def before_num(self) -> str:
        """Up to 30 characters of the sentence before the digits."""
        return self.text[max(self.sent[0], self.q.num_start - 30) : self.q.num_start]

    @cached_property
    def before(self) -> str:
        """Up to 30 characters of the sentence before the figure (its qualifier included)."""
        return self.text[max(self.sent[0], self.q.start - 30) : self.q.start]

    @cached_property
    def clause_before(self) -> str:
        return self.text[self.clause_start : self.q.start]

    @cached_property
    def line_reason(self) -> str | None:
        text, q = self.text, self.q
        return _line_reason(text, text.rfind("\n", 0, q.start) + 1, self.ascii_text)


# who lives in the province, told as background ("Kiên Giang ... có đông đồng bào dân tộc thiểu
# số sinh sống, khoảng 69.219 hộ, hơn 275.000 người"): no act of the year
_RESIDE = re.compile(rf"(?<!\w)(?:{_alt(_cues('resident_verbs'))})(?!\w)", _I)
_POPULATION_UNITS = frozenset(_cues("population_units"))
_PEOPLES_UNITS = frozenset(_cues("peoples_units"))  # "33 dân tộc": peoples, counted
_SUBSET_OPENER = re.compile(rf"\W*(?:{_alt(list(_ind.SUBSET_LEADS))})(?!\w)", _I)


def _residents(c: NumberContext) -> bool:
    """A count of residents (or their share) after a verb of living in a sentence with no act
    before the figure ("... có đông đồng bào dân tộc thiểu số sinh sống, khoảng 69.219 hộ"),
    the number of peoples living together ("có 33 dân tộc anh em cùng sinh sống"), or such a
    count in the "Trong đó ..." sentence right after a sentence of residents."""
    if c.unit not in _POPULATION_UNITS and c.q.kind != "percent":
        return False
    s0 = c.sent[0]
    lead = c.text[s0 : c.q.start]
    if _ind.clause_verb_in(lead, 0) is not None:
        return False  # "cấp thẻ BHYT cho 30.000 người ... sinh sống ở vùng khó khăn": an act
    if _RESIDE.search(lead) or (
        c.unit in _PEOPLES_UNITS and _RESIDE.search(c.text, c.q.end, min(c.sent[1], c.q.end + 40))
    ):
        return True
    if not _SUBSET_OPENER.match(c.text, s0):
        return False
    # the sentence before ("... hơn 275.000 người. Trong đó ..."): a full stop before a space
    cut = max(c.text.rfind(". ", 0, max(0, s0 - 2)), c.text.rfind("\n", 0, max(0, s0 - 2)))
    prev = c.text[cut + 1 : s0]
    m = _RESIDE.search(prev)
    return m is not None and _ind.clause_verb_in(prev[: m.start()], 0) is None


_VOLTAGE = re.compile(rf"\s*(?:{_alt(list(_cues('voltage_units')))})(?![\w/])", _I)


def _skip(name: str, cue: str, example: str, description: str,
          test: Callable[[NumberContext], object], *lexicon: str) -> NamedRule:  # fmt: skip
    return NamedRule(
        name=f"skip.{name}", description=description, example=example, lexicon=lexicon,
        cue=cue, test=lambda c: bool(test(c)),
    )  # fmt: skip


def _unit_rule(reason: str, example: str) -> NamedRule:
    return _skip(
        f"unit_{reason}", reason, example, f"a unit that never makes a metric ({reason})",
        lambda c: (
            _SKIP_UNITS.get(c.unit) == reason
            and not _measures_duration(c)
            and not _a_crowd(c)
        ),
        "lexicon:skip_units", "lexicon:duration_measures", "lexicon:skip_cues.guest_units",
    )  # fmt: skip


_GUESTS_MAX = 1000
"""More guests than a meeting hall holds: "đã có hơn 55.000 khách" counts visitors, not the
conference's guests ("200 khách")."""


_GUEST_UNITS = frozenset(_cues("guest_units"))


def _a_crowd(c: NumberContext) -> bool:
    return c.unit in _GUEST_UNITS and c.q.value >= _GUESTS_MAX


_DURATION_MEASURE = re.compile(
    # a closed aside may name the measure: "Thời gian mất điện bình quân (SAIDI) là 173,7 phút"
    # and a label line its value after a colon: "Tổng số giờ chương trình phát mới: 6570 giờ"
    # "trong thời gian 3 tháng": within a time, not a time measured
    rf"{_W0}(?<!trong\s)(?:{_alt(vi.entry('duration_measures'))}){_W1}(?:[^,;:.()]|\([^()]*\))*(?::\s*)?$",
    _I,
)


# the verb that gives a time measure its level: "giảm còn 5,8 ngày", "rút ngắn còn 3 ngày"
_TIME_LEVEL_BEFORE = re.compile(
    rf"{_W0}(?:giảm|rút\s+ngắn|còn|đạt|là|tăng|bình\s+quân|trung\s+bình)"
    r"(?:\s+(?:còn|xuống|lên))?\s*$",
    _I,
)


def _names_time_measure(c: NumberContext) -> bool:
    """Whether the figure's clause names a time measure (lexicon ``duration_measures``)."""
    return bool(
        _DURATION_MEASURE.search(c.text[max(c.sent[0], c.q.num_start - 80) : c.q.num_start])
    )


def _measures_duration(c: NumberContext) -> bool:
    """A duration that is itself the measure ("thời lượng phát sóng truyền hình đạt 21.900
    giờ"): its clause names a time measure (lexicon ``duration_measures``)."""
    return _SKIP_UNITS.get(c.unit) == "duration" and _names_time_measure(c)


_PER_UNIT_LEAD = re.compile(rf"(?:{_listed('per_unit_leads')})\s*$", _I)


# "38 trường (37 công lập, 01 ngoài công lập)/761 lớp": a count, its aside, then another
_COUNT_ASIDE_SLASH = re.compile(r"\d\s*[^\W\d]+(?:\s+[^\W\d]+){0,3}\s*\([^()]*\)\s*/\s*$")


def _per_unit_slash(c: NumberContext) -> bool:
    text, q, before, stated = c.text, c.q, c.before_num, c.stated
    return bool(
        (
            re.search(r"/\s*$", before)
            and (
                stated in _ROUND_BASES
                or not (
                    re.search(r"\d\s*[^\W\d]+(?:\s+[^\W\d]+){0,3}/\s*$", before)
                    or _COUNT_ASIDE_SLASH.search(
                        text, max(c.sent[0], q.num_start - 90), q.num_start
                    )
                )
            )
        )
        or (
            stated == 1
            and not _SCALE_AFTER.match(text, q.num_end)
            and _PER_UNIT_LEAD.search(before)
        )
    )


def _per_unit_base(c: NumberContext) -> bool:
    text, q, before = c.text, c.q, c.before_num
    if not (c.stated in _ROUND_BASES and _PER_UNIT_LEAD.search(before)):
        return False
    after = text[q.num_end : q.num_end + 20]
    return bool(
        # "12 giường bệnh trên 10.000 dân" (but "85,3 tỷ đồng và trên 100.000 m2 đất": "và"
        # opens another item, and "trên" is its qualifier)
        re.search(rf"\d(?:(?!\svà\s)[^,;:()]){{1,40}}\s(?:{_listed('per_unit_leads')})\s*$", before)
        or re.match(r"\s*(?:dân(?!\s+tộc)|trẻ\s+đẻ|ca\s+sinh|dân\s+số)", after, _I)
    )


def _list_marker(c: NumberContext) -> bool:
    text, q, before = c.text, c.q, c.before_num
    return bool(
        q.kind == "count"
        and q.value <= 30
        and (
            re.match(r"\)", text[q.num_end : q.num_end + 1])
            and re.search(r"(?:^|[\s(])\($", before)
            or re.search(r"(?:^|\n)\s*$", before)
            and re.match(r"[.)]\s", text[q.num_end : q.num_end + 2])
        )
    )


def _recipients_by_verb(c: NumberContext) -> bool:
    text, q, e = c.text, c.q, c.sent[1]
    # "156 lượt tập thể": times a group was commended
    times = c.unit == "lượt" and _RECIPIENT_AFTER.match(text, q.end)
    if not (
        (c.unit in _RECIPIENT_UNITS or times)
        and _AWARD_VERB.search(text[q.end : min(e, q.end + 60)])
    ):
        return False
    after = text[q.end : min(e, q.end + 80)]
    # "908 cá nhân được các cấp khen thưởng"
    return bool(_AWARD_KIND.search(after) or re.search(r"được(?:\s+\w+){0,3}\s+khen", after, _I))


_RECIPIENT_AFTER = re.compile(rf"\s+(?:{'|'.join(sorted(_RECIPIENT_UNITS))})(?!\w)", _I)
_DOSE_UNITS = frozenset(_cues("dose_units"))  # "tiêm 2 mũi"
_PER_PERIOD = re.compile(rf"/(?:{_listed('per_periods')})")  # "2 buổi/ngày"
_ATTENDEE_UNITS = frozenset(_cues("attendee_units"))  # "150 người dự hội nghị"
_PARTICIPANT_AFTER = re.compile(rf"\s*(?:{_listed('participant_units')})", _I)  # "63 điểm cầu"
_GRADE_BEFORE = re.compile(rf"(?<!\w)(?:{_listed('grade_words')})\s*$", _I)  # "lớp 9"
# "dạy học lớp 3, 4, 5": the next grades of a list that "lớp" opens (a number with no unit)
_GRADE_LIST_BEFORE = re.compile(
    rf"(?<!\w)(?:{_listed('grade_words')})\s*\d{{1,2}}(?:\s*,\s*\d{{1,2}})*\s*(?:,|và)\s*$", _I
)
_MARK_BEFORE = re.compile(rf"(?<!\w)(?:{_listed('mark_words')})\s*$", _I)  # "điểm 10"
_EXAM = re.compile(rf"(?<!\w)(?:{_listed('exam_words')})(?!\w)", _I)
# "..., 02 Bằng khen của Bộ": a list separator after an honour earlier in the sentence
_HONOUR_LISTED = re.compile(rf"(?<!\w)(?:{_listed('honours')})(?!\w)[^.;]*?(?:,|\s+và)\s*$", _I)
_HAND_OUT_BEFORE = re.compile(rf"(?<!\w)(?:{_listed('hand_out_verbs')})\s*$", _I)


# "từ 100 triệu đồng trở lên" right after "12 vụ cháy gây thiệt hại có giá trị": an open range
# (lexicon indicator_cues.open_range_tails) that follows a count and its words with no comma
# or other figure between them qualifies the counted things
_OPEN_RANGE_END = re.compile(
    rf"(?<!\w)(?:{vi.alternation_as_listed(vi.entry('indicator_cues.open_range_tails'))})$"
)
_THRESHOLD_OF_COUNT = re.compile(
    r"(?<![\w.,])(?<!năm\s)\d+(?:[.,]\d+)*\s+[^\W\d_][^\d,;:()]*\stừ\s*$", _I
)


# "Số hộ có thu nhập trên 1 tỷ đồng/năm", "hộ có thu nhập từ 150 triệu đồng đến 1 tỷ đồng":
# an income bound that defines a group of households or workers, not an amount of the year
_INCOME_BOUND_BEFORE = re.compile(
    rf"{_W0}(?:{_listed('income_leads')})\s+"
    rf"(?:(?:{_listed('threshold_bounds')})\s+(?:[\d.,]+\s+[^\W\d_]+(?:\s+đồng)?\s+"
    rf"(?:{_listed('threshold_bounds')})\s+)?)?$",
    _I,
)


# "trồng lúa 1 vụ", "đất lúa 2 vụ": a crop's cycles a year
_CROP_BEFORE = re.compile(rf"{_W0}(?:{_listed('crop_nouns')})\s*$", _I)
_BOUND_END = re.compile(rf"{_W0}(?:{_listed('threshold_bounds')})\s*$", _I)


def _income_bound(c: NumberContext) -> bool:
    if c.q.kind != "money":
        return False
    before = c.text[max(c.sent[0], c.q.start - 60) : c.q.start]
    if _INCOME_BOUND_BEFORE.search(before) is None:
        return False
    # the bound is the figure's qualifier ("trên 1 tỷ đồng") or a word before it ("từ ... đến")
    # ("từ 150 triệu đồng đến 1 tỷ đồng": a range, its "từ" inside the figure)
    return (
        c.q.qualifier != "exact"
        or c.q.value_max is not None
        or _BOUND_END.search(before) is not None
    )


# Numbers that are part of a phrase rather than a figure, tried in this order.
INNER_RULES: tuple[NamedRule, ...] = register(
    *(
        _unit_rule(reason, example)
        for reason, example in (
            ("duration", "trong 5 năm"),
            ("age", "từ 18 tuổi"),
            ("participants", "200 đại biểu"),
            ("ranking", "hạng 3"),
            ("rating", "khách sạn 4 sao"),
            ("languages", "tuyên truyền bằng 2 thứ tiếng Kinh và Êđê"),
        )
    ),
    _skip(
        "age_after",
        "age",
        "tỷ lệ người biết chữ trong độ tuổi 15 – 35 đạt 96,58%",
        "an age or an age range written after its unit ('độ tuổi', 'tuổi'), not a figure",
        lambda c: c.q.kind == "count" and not c.q.unit and _AGE_BEFORE.search(c.before_num),
        "skips._AGE_BEFORE",
    ),
    _skip(
        "quoted_name",
        "part of a name",
        "cuộc vận động “Xây dựng gia đình 5 không, 3 sạch”",
        "a number inside a short quoted name (a campaign, a movement), not a figure",
        lambda c: _in_quoted_name(c.text, c.q.start, c.q.end, c.sent[0]),
    ),
    _skip(
        "number_chain",
        "part of a name",
        "các mục tiêu 95-95-95 trong phòng chống HIV/AIDS",
        "a bare number in a chain of three or more joined by dashes: a name, not a count",
        lambda c: c.q.kind == "count" and not c.q.unit and _in_number_chain(c),
    ),
    _skip(
        "version_name",
        "part of a name",
        "công nghệ 4.0; cách mạng công nghiệp 4.0",
        'a version written "N.0" (a name, never a count in Vietnamese, where "." groups thousands)',
        lambda c: bool(_VERSION.fullmatch(c.text, c.q.num_start, c.q.num_end)),
    ),
    _skip(
        "voltage_class",
        "part of a name",
        "đóng điện 5 công trình đường dây 110 kV",
        "a voltage class (lexicon skip_cues.voltage_units) names a kind of line or station, not "
        "a result",
        lambda c: bool(_VOLTAGE.match(c.text, c.q.end)),
        "lexicon:skip_cues.voltage_units",
    ),
    _skip(
        "lone_number",
        "lone number",
        "an image counter on its own line",
        "a line that holds nothing but the number",
        lambda c: c.line_reason == "lone number",
    ),
    _skip(
        "slug_line",
        "slug line",
        "nam 2017 thai nguyen phan dau ...",
        "a URL slug (an ASCII line of five words or more in a text with diacritics)",
        lambda c: c.line_reason == "slug line",
    ),
    _skip(
        "year",
        "year",
        "năm 2023; ngày Rằm tháng Giêng năm Tân Hợi 1791; Vụ xuân 2018 tiếp tục được mùa",
        'a year written as a count after "năm", or as four bare digits with no unit after "năm" '
        'and a year\'s name (a lunar year, "năm học") or after a crop season',
        lambda c: c.q.kind == "count" and _is_year(c),
        "lexicon:crop_seasons.words",
    ),
    _skip(
        "school_grade",
        "school grade",
        "học sinh giỏi lớp 9; vào lớp 1; dạy học lớp 3, 4, 5",
        "a school grade named by its number (lexicon grade_words before it, or before the "
        "list it goes on), not a count",
        lambda c: (
            c.q.kind == "count"
            and 1 <= c.stated <= 12
            and (
                bool(_GRADE_BEFORE.search(c.before_num))
                or (not c.q.unit and bool(_GRADE_LIST_BEFORE.search(c.before_num)))
            )
        ),
        "lexicon:skip_cues.grade_words",
    ),
    _skip(
        "exam_mark",
        "school grade",
        "có 120 bài thi đạt điểm 10",
        'an exam\'s mark named by its number after "điểm" (lexicon mark_words, an exam word '
        "in the clause): what the counted papers scored, not a count",
        lambda c: (
            c.q.kind == "count"
            and c.stated in range(1, 11)
            and bool(_MARK_BEFORE.search(c.before_num))
            and bool(_EXAM.search(c.text, max(c.sent[0], c.clause_start), c.q.start))
        ),
        "lexicon:skip_cues.mark_words",
        "lexicon:skip_cues.exam_words",
    ),
    _skip(
        "open_range_threshold",
        "threshold",
        "12 vụ cháy gây thiệt hại có giá trị từ 100 triệu đồng trở lên",
        'an open range after the count it qualifies, in one run of words ("từ X trở lên"): '
        "a threshold of the counted things, not a figure",
        lambda c: (
            _OPEN_RANGE_END.search(c.text, c.q.start, c.q.end) is not None
            and _THRESHOLD_OF_COUNT.search(c.clause_before) is not None
        ),
        "lexicon:indicator_cues.open_range_tails",
    ),
    _skip(
        "crop_cycles",
        "descriptor",
        "giảm diện tích trồng lúa 1 vụ",
        'the crop cycles a field bears ("lúa 1 vụ", "đất lúa 2 vụ"): what kind of land, not '
        "a count of the year",
        lambda c: (
            c.q.kind == "count"
            and c.q.value <= 3
            and c.unit == "vụ"
            and _CROP_BEFORE.search(c.before_num)
        ),
        "lexicon:skip_cues.crop_nouns",
    ),
    _skip(
        "income_bound",
        "threshold",
        "Số hộ có thu nhập trên 1 tỷ đồng/năm tăng 12 hộ",
        'an income bound after "có thu nhập" ("trên", "từ ... đến"): it defines the counted '
        "households or workers, it is not an amount of the year",
        _income_bound,
        "lexicon:skip_cues.income_leads",
        "lexicon:skip_cues.threshold_bounds",
    ),
    _skip(
        "dotted_day_month",
        "date",
        "chào mừng 49 năm giải phóng miền Nam 30.4; nhân dịp 2.9",
        'a day and month written with a dot and no unit ("30.4", "2.9"): Vietnamese writes '
        "a decimal with a comma, so this is a date",
        lambda c: c.q.unit is None and _DOTTED_DAY_MONTH.fullmatch(c.q.text.strip()) is not None,
    ),
    _skip(
        "day_of_date",
        "date",
        "Sáng 13 - 1, Sở ... tổ chức; ngày 5/1",
        "the day or month of a date",
        lambda c: (
            c.stated <= 31
            and (
                _DAY_BEFORE.search(c.before_num)
                or (
                    _DAY_BEFORE.search(c.before_num + "1 - ")
                    and _DAY_AFTER.match(c.text, c.q.num_end)
                )
            )
        ),
        "skips._DAY_BEFORE",
        "skips._DAY_AFTER",
    ),
    _skip(
        "per_unit_slash",
        "per-unit denominator",
        "giường bệnh/10.000 dân; trên 1 ha",
        "the base of a rate after '/' or 'trên 1' (but \"86.079 học sinh/3.118 lớp\" is two "
        "figures)",
        _per_unit_slash,
        "skips._ROUND_BASES",
        "skips._SCALE_AFTER",
    ),
    _skip(
        "per_unit_base",
        "per-unit denominator",
        "giường bệnh trên 10.000 dân",
        "a round base after 'trên'/'mỗi' following a figure, or before 'dân', 'trẻ đẻ' ...",
        _per_unit_base,
        "skips._ROUND_BASES",
    ),
    _skip(
        "counted_noun_descriptor",
        "descriptor of the counted noun",
        "34/45 xã đạt 19/19 tiêu chí",
        "a full fraction describing the things just counted",
        lambda c: (
            c.q.kind == "fraction"
            and c.q.denominator == c.stated
            and _DESCRIPTOR_FRACTION.search(c.text[max(c.sent[0], c.q.start - 40) : c.q.start])
        ),
        "skips._DESCRIPTOR_FRACTION",
    ),
    _skip(
        "scope_of_next",
        "scope of the next figure",
        "Tổng số tiêu chí đã đạt của 45 xã là 785",
        "the scope of the figure that follows",
        lambda c: (
            c.q.kind == "count"
            and re.search(r"(?<!\w)của\s*$", c.before_num, _I)
            and _SCOPE_OF_NEXT.match(c.text, c.q.end)
        ),
        "skips._SCOPE_OF_NEXT",
    ),
    _skip(
        "one_of_n",
        "ranking",
        "1 trong 6 nước",
        '"X trong (số) Y": a rank among others',
        lambda c: (
            re.search(rf"{_W0}(?:\d+|một)\s+trong\s+(?:số\s+)?$", c.before_num, _I)
            or re.match(r"\s+trong\s+(?:số\s+)?\d", c.text[c.q.end : c.q.end + 14], _I)
            # "là 1 trong các địa phương có số vụ giảm mạnh": one of a group
            or (
                c.stated == 1
                and re.match(
                    r"\s+trong\s+(?:số\s+)?(?:các|những)\s", c.text[c.q.end : c.q.end + 20], _I
                )
            )
        ),
    ),
    _skip(
        "share_base",
        "base of a share",
        "17.435 hộ nghèo trong tổng số 79.677 hộ toàn tỉnh",
        '"trong/trên tổng số N" after a count: the whole it is a part of, not a result '
        '(but an agency\'s workload is: "trong tổng số 13.637 vụ việc thụ lý")',
        lambda c: (
            re.search(rf"{_W0}\d[\d.,]*\s+\D*?(?:trong|trên)\s+tổng\s+số\s*$", c.before_num, _I)
            and not _WORKLOAD_AFTER.match(c.text, c.q.end, min(c.sent[1], c.q.end + 40))
        ),
        "lexicon:workload_verbs",
    ),
    _skip(
        "dose",
        "descriptor",
        "tiêm 2 mũi",
        "a number of doses (at most 5)",
        lambda c: (c.q.unit or "").lower() in _DOSE_UNITS and c.q.value <= 5,
    ),
    _skip(
        "per_period_name",
        "part of a name",
        "2 buổi/ngày",
        "a small count per day/week/...",
        lambda c: (
            c.q.kind == "count"
            and c.q.value <= 10
            and (
                _PER_PERIOD.match(c.text[c.q.end : c.q.end + 8])
                or _PER_PERIOD.search(c.q.unit or "")
            )
        ),
    ),
    _skip(
        "reference_number",
        "reference number",
        "mũi 3; quốc lộ 1; khóa 5",
        "a number that names (a road, an issue, a round) rather than counts",
        lambda c: c.q.kind not in ("fraction", "plan") and _REFERENCE_BEFORE.search(c.before_num),
        "skips._REFERENCE_BEFORE",
    ),
    _skip(
        "reference_list",
        "reference number",
        "Nghị quyết lần thứ 6, 7 và 8; Nghị quyết Trung ương 4, 5, 6",
        "a number with no unit in a list after a reference number, or after a body numbered "
        "by its sessions (lexicon skip_cues.numbered_bodies): it names, like the first",
        lambda c: (
            c.q.kind == "count"
            and not c.q.unit
            and (
                _REFERENCE_LIST_BEFORE.search(c.before_num)
                or _NUMBERED_BODY_BEFORE.search(c.before_num)
            )
        ),
        "skips._REFERENCE_LIST_BEFORE",
        "lexicon:skip_cues.numbered_bodies",
    ),
    _skip(
        "name_number",
        "part of a name",
        "nhà máy thủy điện Huổi Chan 1",
        "a small number with no unit right after a proper name that a common noun opens: the "
        "name's own number (a plant, a zone, a bridge), not a count; it ends its clause or a "
        "preposition follows ('Nậm Mu 2 với công suất 20 MW')",
        lambda c: (
            c.q.kind == "count"
            and not c.q.unit
            and c.q.value <= _NAME_NUMBER_MAX
            and _NAME_BEFORE.search(c.before_num) is not None
            and _NAME_NUMBER_AFTER.match(c.text, c.q.num_end) is not None
        ),
        "skips._NAME_BEFORE",
        "lexicon:skip_cues.name_number_followers",
    ),
    _skip(
        "service_level",
        "reference number",
        "dịch vụ công mức độ 3, 4; mức 3; 4",
        "a level of online public service (mức / mức độ 1–4), not a count",
        lambda c: (
            not c.q.unit
            and c.q.value in (1, 2, 3, 4)
            and _LEVEL_BEFORE.search(c.text, max(0, c.q.num_start - 24), c.q.num_start)
        ),
        "skips._LEVEL_BEFORE",
    ),
    _skip(
        "time_zone",
        "time zone",
        "10:11GMT+7",
        "the offset of a time zone",
        lambda c: re.search(
            r"(?:gmt|utc)\s*[+-]\s*$", c.text[max(0, c.q.num_start - 6) : c.q.num_start], _I
        ),
    ),
    _skip(
        "list_marker",
        "list marker",
        "(1) Đổi mới ...; 2. Tỷ lệ ...",
        "the number of a list item",
        _list_marker,
    ),
    _skip(
        "duration_after",
        "duration",
        "3 tháng",
        "a count of months, years, days, weeks, quarters",
        lambda c: (
            re.match(
                # "6.000 ngày công" counts man-days, not a duration
                r"\s*(?:tháng|năm|ngày(?!\s+công)|tuần|quý)(?!\w)",
                c.text[c.q.num_end : c.q.num_end + 12],
                _I,
            )
            # "thời gian điều trị trung bình giảm còn 5,8 ngày": the time is the measure, its
            # level given by a verb ("có thời gian công tác Hội 10 năm" is how long, no result)
            and not (_names_time_measure(c) and _TIME_LEVEL_BEFORE.search(c.before_num))
        ),
    ),
    _skip(
        "iso_date",
        "date",
        "2021-06",
        "the month or day of a year-first date",
        lambda c: re.search(r"(?:19|20)\d{2}[-/.]$", c.before_num),
    ),
    _skip(
        "place_descriptor",
        "descriptor",
        "khám chữa bệnh tại 3 tuyến; tiêm đủ 8 loại vắc xin",
        "a small count after 'ở', 'đủ', 'cả', or of levels after 'tại'",
        lambda c: (
            c.q.kind == "count"
            and c.q.value <= 20
            and (
                _DESCRIPTOR_BEFORE.search(c.before_num)
                or (c.unit in _LEVEL_UNITS and _AT_LEVELS.search(c.before_num))
            )
        ),
        "skips._DESCRIPTOR_BEFORE",
        "lexicon:skip_cues.level_leads",
        "lexicon:skip_cues.level_units",
    ),
    _skip(
        "phone_or_code",
        "phone or code number",
        "0236 3821150",
        "a telephone number or a long code",
        lambda c: (
            c.q.kind == "count"
            and (
                re.fullmatch(r"0\d{6,}|\d{8,}", c.text[c.q.num_start : c.q.num_end])
                or re.search(r"(?:^|\s)(?:0\d{2,3}|1800|1900)[ .]$", c.before_num)
            )
        ),
    ),
)

# Figures that are not metrics at all, tried in this order.
FIGURE_RULES: tuple[NamedRule, ...] = register(
    _skip(
        "page_furniture",
        "page furniture",
        "1.234 lượt xem",
        "a page counter (views, comments)",
        lambda c: _FURNITURE.search(c.text[max(0, c.q.start - 25) : c.q.start]),
        "skips._FURNITURE",
    ),
    _skip(
        "ranking",
        "ranking",
        "xếp thứ 5/63",
        'a rank (not a heritage class: "xếp hạng di tích")',
        lambda c: (
            # "xếp hạng từ 15 đến 20 di tích": the count of what is classed, no rank
            (c.unit or "").lower() not in _RANKED_HERITAGE
            and (
                _ranked_in(_own_act(c.clause_before), c)
                or (c.q.kind == "fraction" and _RANKING.search(_own_act(c.before)))
            )
        ),
        "skips._RANKING",
    ),
    _skip(
        "structural_count",
        "structural count",
        "3 nhóm giải pháp; 5 nhiệm vụ trọng tâm",
        'a small count of the plan\'s own parts (not sites counted: "6 điểm di tích")',
        lambda c: (
            c.unit in _STRUCT_UNITS
            and c.q.value <= 20
            and c.q.value == int(c.q.value)  # "tăng 2,4 lần": a ratio
            and c.q.kind != "fraction"
            and _plan_part(c)
            and not (c.unit == "điểm" and _SITE_AFTER.match(c.text, c.q.end))
            # "17 chương trình tín dụng": a bank's products, counted
            and not _PRODUCT_AFTER.match(c.text, c.q.end)
            # "hoàn thành xuất sắc 3 nhiệm vụ trọng tâm", "2 nhiệm vụ hoàn thành": done, a result
            and not _DONE_BEFORE.search(c.before_num)
            and not _DONE_AFTER.match(c.text, c.q.end)
        ),
        "skips._STRUCT_UNITS",
        "lexicon:skip_cues.work_item_units",
        "lexicon:skip_cues.structural_modifiers",
        "lexicon:skip_cues.structural_leads",
        "skips._SITE_AFTER",
        "skips._DONE_BEFORE",
    ),
    _skip(
        "baseline",
        "baseline",
        "giảm từ 13,3% xuống còn 10,7%",
        "the starting point of a change",
        lambda c: (
            re.search(r"từ\s*$", c.text[max(c.sent[0], c.q.start - 8) : c.q.start], _I)
            and _BASELINE_AFTER.match(c.text, c.q.end)
        ),
        "skips._BASELINE_AFTER",
    ),
    _skip(
        "award_recipients_in_award",
        "award recipients",
        "tặng Bằng khen cho 5 tập thể",
        "a count of recipients inside an award's span",
        lambda c: (
            any(a <= c.q.start < b for a, b in c.award_spans)
            and (c.unit in _RECIPIENT_UNITS or not c.unit)
        ),
        "awards._RECIPIENT_UNITS",
    ),
    _skip(
        "award_recipients_by_verb",
        "award recipients",
        "12 tập thể được tặng Bằng khen",
        "recipients counted before an award verb and an award",
        _recipients_by_verb,
        "awards._RECIPIENT_UNITS",
        "awards._AWARD_KIND",
        "skips._AWARD_VERB",
    ),
    _skip(
        "residents",
        "residents",
        "Kiên Giang có đông đồng bào dân tộc thiểu số sinh sống, khoảng 69.219 hộ",
        "who lives in the province (a count of residents or their share), told as background",
        _residents,
        "lexicon:skip_cues.resident_verbs",
        "lexicon:skip_cues.population_units",
        "lexicon:skip_cues.peoples_units",
    ),
    _skip(
        "participants_at_conference",
        "participants",
        "150 người dự hội nghị; cô giáo của 10 huyện, thành phố tham dự Hội nghị",
        "people attending the conference, or the places or units they came from",
        lambda c: (
            c.unit in _ATTENDEE_UNITS
            and _PARTICIPANTS.search(c.text[c.q.end : min(c.sent[1], c.q.end + 40)])
        ),
        "skips._PARTICIPANTS",
    ),
    _skip(
        "positions_counted",
        "structural count",
        "Đại hội đã bầu Ban Chấp hành, Chủ tịch, 2 Phó Chủ tịch",
        'a count of office holders elected, or of deputies ("cùng 2 Phó Giám đốc Sở", '
        '"18 Phó Chủ tịch"): the body\'s own make-up, not a result',
        lambda c: (
            c.q.value <= 50
            and bool(_POSITION_AFTER.match(c.text, c.q.num_end))
            and (
                re.search(r"(?<!\w)bầu(?!\w)", c.text[c.sent[0] : c.q.start], _I) is not None
                or (c.q.value <= 20 and _DEPUTIES_AFTER.match(c.text, c.q.num_end) is not None)
            )
        ),
        "lexicon:position_heads",
    ),
    _skip(
        "participants_named",
        "participants",
        "200 đại biểu; 63 điểm cầu",
        "delegates, guests or conference sites",
        lambda c: _PARTICIPANT_AFTER.match(c.text[c.q.num_end : c.q.num_end + 20]),
    ),
    _skip(
        "participants_attending",
        "participants",
        "với sự tham dự của 150 cán bộ, công chức",
        "the attendance of an event",
        lambda c: _ATTENDED_BY.search(c.text[max(c.sent[0], c.q.start - 40) : c.q.start]),
        "skips._ATTENDED_BY",
    ),
    _skip(
        "attended_the_conference",
        "participants",
        "Hội nghị tổng kết ... Hơn 400 viên chức, người lao động tham dự.",
        "a headcount whose sentence ends with attending, after the conference is told",
        lambda c: (
            c.unit != "lượt"
            and _ATTENDED_END.match(c.text, c.q.end, c.sent[1])
            and re.search(r"hội\s+nghị", c.text[max(0, c.sent[0] - 300) : c.sent[0]], _I)
        ),
        "skips._ATTENDED_END",
    ),
    _skip(
        "attendance_sentence",
        "participants",
        "Cùng dự có lãnh đạo UBND 11 huyện, thành phố",
        "a sentence that lists who attended the conference",
        # "Tham dự Hội nghị có hơn 70 đại biểu ...; đại diện Lãnh đạo UBND 18 huyện, ...":
        # the list goes on over semicolons
        lambda c: _ATTENDANCE_OPENER.match(c.text, _after_full_stop(c.text, c.sent[0]), c.q.start),
        "skips._ATTENDANCE_OPENER",
    ),
    _skip(
        "event_edition",
        "event name",
        "giành 14 huy chương các loại tại SEA Games 31",
        "the edition number of a named games",
        lambda c: c.q.kind == "count" and not c.q.unit and _EDITION_BEFORE.search(c.before_num),
        "skips.EVENT_EDITIONS",
    ),
    _skip(
        "places_in_event_name",
        "event name",
        "Liên hoan Ẩm thực 8 tỉnh Tây Bắc mở rộng",
        "places counted inside the capitalised name of an event",
        lambda c: (
            c.q.kind == "count"
            and _EVENT_NAME_BEFORE.search(c.before_num)
            and _PLACE_UNIT_AFTER.match(c.text, c.q.num_end)
        ),
        "skips.EVENT_HEADS",
        "skips.PLACE_UNITS",
    ),
    _skip(
        "all_provinces",
        "all provinces",
        "63 tỉnh, thành phố",
        "the country's provinces",
        lambda c: (
            c.q.value in (63, 34)
            and re.match(r"\s*tỉnh,\s*thành", c.text[c.q.num_end : c.q.num_end + 20], _I)
        ),
    ),
    _skip(
        "allocated_budget",
        "allocated budget",
        "ngân sách tỉnh bố trí 45 tỷ đồng cho ...",
        "money only allocated or planned (guideline §5: optional)",
        lambda c: c.q.kind == "money" and _ind.allocates(c.clause_before),
        "indicators._ALLOCATION",
    ),
    _skip(
        "honorary_title_holders",
        "award recipients",
        "Long An có 1 Nhà giáo Nhân dân và 63 Nhà giáo Ưu tú",
        "a count of holders of a state honorary title: recipients of an award (the awards "
        "pass reads it), not a result",
        lambda c: c.q.kind == "count" and _TITLE_HOLDERS.match(c.text, c.q.num_end),
        "skips._TITLE_HOLDERS",
    ),
    _skip(
        "awards_handed_out",
        "award recipients",
        "trao 12 kỷ niệm chương cho những cá nhân",
        "a count of honours handed out (the awards pass reads them), not a result",
        lambda c: (
            _HONOUR_AFTER.match(c.text, c.q.num_end) and _HAND_OUT_BEFORE.search(c.before_num)
        ),
        "skips._HONOUR_AFTER",
    ),
    _skip(
        "honours_listed",
        "award recipients",
        "được tặng 01 Cờ thi đua của Chính phủ, 02 Bằng khen của Bộ Tài chính",
        "a count of the next honour in a list of honours (the awards pass reads it)",
        lambda c: (
            _HONOUR_AFTER.match(c.text, c.q.num_end)
            and _HONOUR_LISTED.search(c.text, c.sent[0], c.q.num_start)
        ),
        "skips._HONOUR_AFTER",
        "skips._HONOUR_LISTED",
    ),
    _skip(
        "award_recipients_granted",
        "award recipients",
        "trao Giấy chứng nhận ... cho 2 cơ sở",
        "recipients of a grant named before them",
        lambda c: _GRANT_TO.search(c.clause_before) and c.unit not in _MEASURE_UNITS,
        "skips._GRANT_TO",
        "indicators._MEASURE_UNITS",
    ),
    _skip(
        "other_place",
        "figure of another place",
        "cao hơn bình quân chung cả nước (2,2%)",
        "the figure of the country or an average, in brackets",
        lambda c: re.search(r"\(\s*$", c.before) and _OTHER_PLACE.search(c.before),
        "skips._OTHER_PLACE",
    ),
)


def first_rule(rules: tuple[NamedRule, ...], ctx: NumberContext) -> NamedRule | None:
    """The first of ``rules`` whose test holds for ``ctx``, or None."""
    for rule in rules:
        assert rule.test is not None
        if rule.test(ctx):
            return rule
    return None


def _first(rules: tuple[NamedRule, ...], ctx: NumberContext) -> str | None:
    rule = first_rule(rules, ctx)
    return rule.cue if rule is not None else None


def _inner_reason(text: str, q: Quantity, sent_start: int, ascii_text: bool = False) -> str | None:
    """Why a number is part of a phrase ("trên 1 ha", "từ 18 tuổi", "mũi 3", "2 buổi/ngày")
    rather than a figure (the first of :data:`INNER_RULES` that holds); such numbers never
    bound another figure's clause."""
    return _first(
        INNER_RULES, NumberContext(text, q, (sent_start, len(text)), ascii_text=ascii_text)
    )


def _skip_reason(text: str, q: Quantity, sent: Span, clause_start: int,
                 award_spans: list[Span]) -> str | None:  # fmt: skip
    """Why a figure is not a metric at all (the first of :data:`FIGURE_RULES` that holds),
    or None."""
    return _first(FIGURE_RULES, NumberContext(text, q, sent, clause_start, award_spans))
