"""The indicator pass: a figure's clause and the noun phrase that names what it measures."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from extractor import indicators as _ind
from extractor import vi
from extractor.numbers import COMPOUND_UNITS, Quantity, find_quantities, same_counted
from extractor.strategies.rules.common import (
    _CAP,
    _COMPARE_AFTER,
    _I,
    _UP,
    _W0,
    _W1,
    MODAL_CAN,
    PLACE_HEAD,
    _alt,
    _clean,
    _is_title_word,
    _province_prefix,
    _wordset,
)
from extractor.strategies.rules.registry import NamedRule, named, register
from extractor.text import fold
from extractor.vi.labels import content_words

if TYPE_CHECKING:
    from extractor.strategies.rules.figures import Candidate


_LEAD_FILLERS = re.compile(
    r"^(?:và|hoặc|trong\s+đó(?:\s+có)?|cụ\s+thể(?:\s+(?:là|như))?|điển\s+hình(?:\s+(?:như|là))?"
    r"|như|trong\s+số|lần\s+đầu\s+tiên|kết\s+quả(?:\s+là)?|bên\s+cạnh\s+đó|ngoài\s+ra|đồng\s+thời|đặc\s+biệt(?:\s+là)?"
    r"|(?:mục|chỉ)\s+tiêu(?:\s+năm\s+\d{4})?\s+là|(?:được\s+)?giao\s+(?:chỉ\s+tiêu|kế\s+hoạch)|theo\s+đó|qua\s+đó|nhờ\s+đó|riêng|tương\s+(?:ứng|đương)(?:\s+với)?|với|gồm|bao\s+gồm|cùng\s+với\s+đó|mặt\s+khác|hiện\s+nay"
    r"|hiện(?!\s+(?:vật|trạng|tượng|đại|hành|diện|thực|hữu)(?!\w))|nhìn\s+chung|về|tổng\s+cộng|chung|toàn\s+(?:tỉnh|ngành|huyện|thành\s+phố)"
    r"|(?:trong|hết|đến\s+hết|đến\s+cuối|cuối|tính\s+đến(?:\s+hết)?|đến)?\s*năm(?:\s+học)?\s+\d{4}"
    r"(?:\s*[-–]\s*\d{4})?|trong\s+năm(?:\s+(?:qua|vừa\s+qua))?|năm\s+qua|năm\s+nay"
    r"|có\s+thêm|có\s+thể|có|đã|sẽ|tiếp\s+tục|tập\s+trung|phấn\s+đấu|toàn\s+tỉnh|toàn\s+ngành"
    r"|đạt|góp\s+phần|nâng(?:\s+cao)?(?=\s+(?:tỷ|tỉ|số|tổng|mức|chất))|duy\s+trì|giữ(?:\s+vững)?"
    r"|(?:giảm|tăng|đưa)(?=\s+(?:tỷ|tỉ|số|tổng|mức))|là|trong\s+năm\s+học(?:\s+(?:qua|vừa\s+qua))?"
    r"|năm\s+học\s+(?:qua|vừa\s+qua))(?!\w)[\s,:]*",
    _I,
)
_TRAIL_FILLERS = re.compile(
    r"[\s,:]*(?<!\w)(?:đối\s+với|đạt\s+được|đạt\s+mức|đạt\s+tỷ\s+lệ|đạt|là|được|cho|còn|giảm\s+còn|giảm\s+xuống"
    r"(?:\s+còn|\s+dưới)?|xuống\s+còn|xuống\s+dưới|xuống|lên\s+mức|lên|ở\s+mức|ở|với|có|bằng|tới"
    r"|đến|gồm|chiếm|tương\s+đương|đạt\s+khoảng|vào|từ|trở\s+lên|tăng\s+lên|nâng\s+lên"
    r"|của\s+tỉnh|của\s+ngành|toàn\s+tỉnh|trên\s+địa\s+bàn(?:\s+tỉnh)?)$"
    + _ind.DANGLING_KEPT,  # "xây dựng nhà ở": housing, not "the house at"
    _I,
)
_GENERIC_IND = re.compile(
    r"^(?:(?:với\s+)?(?:tổng\s+)?(?:số\s+tiền|kinh\s+phí|số\s+vốn(?:\s+vay)?|vốn|giá\s+trị|trị\s+giá"
    r"|nguồn\s+vốn|ngân\s+sách|tổng\s+số))$",
    _I,
)


def _from_word(phrase: str, word: str) -> str | None:
    """``phrase`` from its first word ``word`` on ("trao suất học bổng", "suất" -> "suất học
    bổng"), or None (also when ``word`` ends it)."""
    words = phrase.split()
    for i, w in enumerate(words):
        if fold(w) == fold(word):
            return " ".join(words[i:]) if i + 1 < len(words) else None  # the word alone: nothing
    return None


_INCIDENT_LEAD = re.compile(rf"^(?:{_alt(vi.entry('incident_verbs'))})\s+", _I)
_SUFFERED = re.compile(rf"(?:{_alt(vi.entry('suffer_leads'))})\s", _I)
_LABEL_BEFORE_ASIDE = re.compile(r"([^\W\d_][^():;\n\d]*?)\s*\([^()]*\)\s*$")
# "mỗi suất", "bình quân mỗi hộ": an amount per unit of a thing counted before (lexicon)
_PER_UNIT = re.compile(rf"^(?:{_alt(vi.entry('per_unit_amount_leads'))})\s+([^\W\d_]+)$", _I)
# a bare change verb ("kéo giảm 5% tội phạm", "làm giảm 10% số vụ": the change of what follows)
_CHANGE_ONLY = re.compile(
    r"^(?:(?:kéo|làm)\s+)?(?:tăng|giảm|tăng\s+thêm|giảm\s+thêm|vượt|gấp|cao\s+hơn|thấp\s+hơn)$"
    # "112/112 xã đạt tiêu chuẩn, vượt chỉ tiêu 2%": by how much the level beat its target
    r"|^vượt\s+(?:chỉ\s+tiêu|kế\s+hoạch)$"
    r"|^gia\s+tăng$",
    _I,
)
_CHANGE_WORDS = r"tăng|giảm|tăng\s+thêm|giảm\s+thêm|cao\s+hơn|thấp\s+hơn"
_COMPARED_TO = r"so\s+(?:với|cùng)\s+[^,;:()]{1,40}?"  # "so với năm 2018"
# "so với năm 2018 tăng": a change whose comparison base comes first
_COMPARE_FIRST = re.compile(rf"^({_COMPARED_TO})\s+({_CHANGE_WORDS})$", _I)
# "tăng so với năm 2019 là 3.878,5 tỷ đồng": the base between the change verb and its amount
_CHANGE_THEN_COMPARE = re.compile(
    rf"^({_CHANGE_WORDS})\s+({_COMPARED_TO})(?:\s+(?:là|đạt|khoảng|ở\s+mức))?$", _I
)
_PLAN_NOUNS = [*vi.entry("plan.strict_nouns"), vi.entry("plan.strict_quota")]
_PLAN_NOUN = re.compile(rf"{_W0}(?:{_alt(_PLAN_NOUNS)})(?:\s+năm)?{_W1}", _I)
# "đồng chí Giám đốc đề nghị toàn ngành phấn đấu ...": who asked is not what is measured
_REQUEST_LEAD = re.compile(
    r"^(?:[^,;:]*?\s)?(?:đề\s+nghị|yêu\s+cầu|chỉ\s+đạo)\s+(?=(?:toàn\s+ngành|ngành|toàn\s+tỉnh"
    r"|các\s+(?:đơn\s+vị|cấp|sở|địa\s+phương|ngành)|Sở|đơn\s+vị)(?!\w))",
    _I,
)
# "Giám đốc Sở NN-MT Cần Thơ cho biết, khu vực nông, lâm, thủy sản tăng ...": up to the verb
# that reports what someone said (lexicon indicator_cues.speech_verbs)
_SPEECH_LEAD = re.compile(rf"^.*?{_W0}(?:{_alt(list(_ind.SPEECH_VERBS))}){_W1}[\s,:]*", _I)
# "Kế hoạch năm 2024 là tuyển sinh 20.000 người học nghề": the plan's frame before "là"
# names nothing; what the plan is to do does
_PLAN_FRAME_LEAD = re.compile(
    r"^(?:kế\s+hoạch|mục\s+tiêu|chỉ\s+tiêu|nhiệm\s+vụ|định\s+hướng|phương\s+hướng)"
    # "Định hướng cần thực hiện cho ngành điện tỉnh Hậu Giang trong năm 2019 là xây dựng ...":
    # what the frame is for, to its "là"
    r"(?:\s+[^\s,;:()]+){0,14}?\s+là\s+(?=\S)",
    _I,
)
# "..., năm 2016 du lịch VN đón 10 triệu khách": a tense word or a year opens a clause
_TENSE_LEAD = re.compile(r"\s*(?:đã|đang|sẽ|năm\s+(?:19|20)\d\d(?!\d))\s", _I)
_MAX_IND_WORDS = 16
# "sửa chữa 82 căn nhà", "thu giữ 22 khẩu súng": a classifier before the counted noun
_CLASSIFIERS = frozenset(w.lower() for w in vi.words("classifier_units"))
_MEASURE_UNITS = _wordset(
    "ha héc-ta tấn kg tạ km km2 m m2 m3 lít kwh mw mwh usd đồng vnđ tỷ triệu con cây"
) | vi.words("abbreviated_units")


_MANNER_ONLY = re.compile(rf"(?:{_alt(vi.entry('done_manners'))})", _I)
_DONE_VERB = re.compile(r"hoàn\s+thành", _I)
_DONE = r"(?<!\w)(hoàn\s+thành|đạt)(?:\s+và\s+vượt)?"
_DONE_AT_END = re.compile(rf"{_DONE}\s*$", _I)
# before a plan share, also with its manner ("hoàn thành đúng tiến độ 100% kế hoạch")
_DONE_BEFORE_SHARE = re.compile(rf"{_DONE}(?:\s+(?:{_alt(vi.entry('done_manners'))}))?\s*$", _I)
_SUBJECT_ADVERBS = _alt(_ind.SUBJECT_ADVERBS)
_SUBJECT_END = re.compile(
    # "ngành chức năng cũng tiến hành ...": an adverb ends a subject as "đã" does (lexicon
    # indicator_cues.subject_adverbs; not "cũng như", "còn lại", "không còn", nor right before
    # the figure: "tỷ lệ hộ nghèo giảm còn 3,41%")
    rf"{_W0}(?:đã|sẽ|(?<!không\s)(?P<adverb>{_SUBJECT_ADVERBS})(?!\s+(?:như|lại){_W1})"
    rf"(?=\s+[^\W\d])|phấn\s+đấu|tập\s+trung"
    rf"|{MODAL_CAN}"
    rf"|(?:đặt|đặt\s+ra|đề\s+ra)\s+mục\s+tiêu"
    rf"|hoàn\s+thành(?:\s+và\s+vượt)?){_W1}",
    _I,
)


_PLAN_ASSIGNED = re.compile(
    rf"(?:^|\s+)(?:(?-i:{_CAP})\S*(?:\s+\S+){{0,4}}?\s+|(?:tỉnh|cấp\s+trên|trên)\s+)?"
    rf"(?:{_alt(vi.entry('plan.assigned_tails'))})$",
    _I,
)
_EDGE_PUNCT = " ,;:-–—+•*(\"'“”"
_OF_LEAD = re.compile(r"của(?!\w)", _I)


def _closing_quote(s: str) -> str:
    """The closing quote that edge stripping removed from a quoted name (“Đền ơn đáp nghĩa”)."""
    return "”" if s.count("“") > s.count("”") else ""


_MAX_SUBJECT_WORDS = 6
_PROGRAMME = re.compile(rf"^(?:{_alt(list(_ind.PROGRAMME_HEADS))})\s+\S", re.IGNORECASE)
_YEAR_ASIDE_LEAD = re.compile(r"^\s*\(\s*(?:năm\s+)?\d{4}\s*\)")


def _strip_place(s: str) -> str:
    """``s`` without a province that opens it as the subject ("Phú Yên đón ..." -> "đón ...",
    "tỉnh Lạng Sơn có ..." -> "có ...", "ở An Giang tỷ lệ ..." -> "tỷ lệ ...")."""
    words = s.split()
    at = 1 if words[:1] and words[0].lower() in ("ở", "tại") else 0  # "ở An Giang tỷ lệ ..."
    low = [w.lower() for w in words[at : at + 2]]
    lead = at + (
        2 if low == ["thành", "phố"] else 1 if low[:1] in (["tỉnh"], ["tp"], ["tp."]) else 0
    )
    n = _province_prefix(words[lead:])
    if n and len(words) > lead + n and words[lead + n][:1].islower():
        return " ".join(words[lead + n :])
    return s


def _strip_indicator(pre: str) -> str:
    # "(năm 2015) lên 97,5%": a year aside of the figure before is not part of the name
    pre = _YEAR_ASIDE_LEAD.sub("", pre).lstrip(" )")
    s = _clean(pre.strip(_EDGE_PUNCT)) + _closing_quote(pre)
    s = _REQUEST_LEAD.sub("", s)
    s = _PLAN_FRAME_LEAD.sub("", s)
    if (said := _SPEECH_LEAD.match(s)) and s[said.end() :].strip():
        s = s[said.end() :]  # "Giám đốc Sở ... cho biết, khu vực ...": what was said
    for _ in range(8):
        # drop a subject up to the last plan/report verb ("ngành ... đã", "... phấn đấu")
        verbs = list(_SUBJECT_END.finditer(s))
        if verbs:
            rest = s[verbs[-1].end() :]
            if _MANNER_ONLY.fullmatch(rest.strip(_EDGE_PUNCT)) and _DONE_VERB.search(
                verbs[-1].group()
            ):
                # "đã hoàn thành tốt 5/7 nhiệm vụ": the verb and its manner are the name
                rest = s[verbs[-1].start() :].strip()
            bare = _TRAIL_FILLERS.sub("", _LEAD_FILLERS.sub("", rest.strip(_EDGE_PUNCT))).strip()
            subject = _LEAD_FILLERS.sub("", _ind.strip_time(subject_raw := s[: verbs[-1].start()]))
            weak = not bare or _CHANGE_ONLY.match(bare) or _OF_LEAD.match(bare)
            # "Chương trình Tết Vì người nghèo đã vận động được 74,4 tỷ đồng": a programme,
            # fund or campaign names what is measured, not who acts (lexicon programme_heads)
            programme = _PROGRAMME.match(subject) is not None
            # an adverb ends an actor only ("ngành chức năng cũng tiến hành ..."); what else
            # it follows is what is measured ("trò chơi hô hát bài chòi cũng diễn ra 81 buổi")
            also = verbs[-1].group("adverb") is not None
            if _ind.names_actor(subject) or (
                not weak
                and not also
                and not programme
                and (len(subject.split()) > _MAX_SUBJECT_WORDS or not subject_raw[:1].islower())
            ):
                s = rest
            elif verbs[-1].start() > 0:
                # "sản xuất công nghiệp phấn đấu tăng 16%", "Tổng số tiêu chí đã đạt của 45
                # xã là 785": what follows the verb names nothing; the subject does
                s = s[: verbs[-1].start()] + " " + rest
        new = _LEAD_FILLERS.sub("", _ind.strip_time(s.strip(_EDGE_PUNCT)), count=1)
        new = _PLAN_FRAME_LEAD.sub("", _strip_place(_ind.strip_actor(new)))
        new = _TRAIL_FILLERS.sub("", new).strip(_EDGE_PUNCT)
        new += _closing_quote(new)
        if new == s:
            break
        s = new
    return s


_NAME = rf"{_CAP}\w*(?:\s+{_CAP}\w*)*"
# the names (two or more) a count lists right after its noun, in brackets or after a colon
_NAMES_AFTER_COUNT = re.compile(
    rf"\s*(?:\(\s*{_NAME}(?:\s*,\s*{_NAME})+\s*\)|:\s*{_NAME}(?:\s*,\s*{_NAME})+)\s+(?=\w)"
)


# a short aside in brackets right after a count ("(đạt 100%)", "(tăng 5 trường)")
_ASIDE_AFTER = re.compile(r"\s*\((?=[^()\n]{1,40}\))[^()\n\d]*\d[^()\n]*\)\s*(?=[^\W\d_])")
_DIGIT = re.compile(r"\d")


# the nouns after a count, then "và" and the next count ("xã, phường, thị trấn và ")
_LIST_THEN_AND = re.compile(r"[\s,]*([^\W\d_][^\d.;:()\n]{0,60}?)\s+(và\s+)", _I)


def _post_phrase(text: str, q: Quantity, limit: int, next_figure: bool = False) -> str:
    """The unit noun phrase after the figure ("hộ cận nghèo", "lao động được tạo việc làm")."""
    unit = q.unit if q.kind not in ("percent", "money", "plan") else None
    if not unit and text[q.end : q.end + 2].lstrip().startswith(","):
        # "... gần 10.000 tỷ đồng, phần còn lại sẽ thu ...": a comma right after an amount
        # or a share ends the figure; only a counted noun goes on over it ("190 xã, phường")
        return ""
    words = _ind.noun_after(text, q.end, limit, next_figure).split()
    if not words and unit and (names := _NAMES_AFTER_COUNT.match(text, q.end, limit)):
        # "Có 3 huyện (Thanh Trì, Gia Lâm, Hoài Đức) được công nhận ...", "Còn 2 huyện: Đông
        # Anh, Thanh Oai phấn đấu ...": the places named, then what they did
        words = _ind.noun_after(text, names.end(), limit, next_figure).split()
    if not words and unit and (aside := _ASIDE_AFTER.match(text, q.end)):
        # "139/139 xã (đạt 100%) về đích nông thôn mới": the noun goes on past an aside
        digit = _DIGIT.search(text, aside.end())
        after = _ind.noun_after(text, aside.end(), digit.start() if digit else len(text))
        words = _ind.drop_dangling(after).split()
    if unit and unit.lower() in _MEASURE_UNITS:
        unit = None
    phrase = " ".join(([unit] if unit else []) + words)
    if unit and text[q.end : q.end + 1] in ("/", "-"):
        # "9,5 bác sĩ/vạn dân": the unit is glued to what follows (not to the next figure:
        # "1.058 vụ/1.861 bị can")
        phrase = (unit + " ".join(words)).rstrip("/-")
    # "17 chương trình tín dụng/80.722 hộ vay", "phương tiện/hơn 137 ngàn": a slash before
    # the next figure (and its qualifier) joins no noun
    phrase = _SLASH_TAIL.sub("", _TRAIL_FILLERS.sub("", phrase).strip(_EDGE_PUNCT)).rstrip("/ ")
    return phrase + _closing_quote(phrase)


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
    return _ind.cap_phrase(s, _MAX_IND_WORDS)


_CLAUSE_DELIMS = ";,:()"
# the comma inside a pair written as one name ("phòng, chống", lexicon comma_compounds)
_COMMA_COMPOUNDS = tuple(
    (
        re.compile(rf"(?<!\w){re.escape(a)}\s*$", _I),
        re.compile(rf"\s*{re.escape(b.strip())}{_W1}", _I),
    )
    for a, _, b in (w.partition(",") for w in vi.entry("comma_compounds.words"))
)


def _compound_comma(text: str, i: int) -> bool:
    """Whether the comma at ``text[i]`` joins a pair written as one name."""
    return any(
        before.search(text, max(0, i - 12), i) and after.match(text, i + 1)
        for before, after in _COMMA_COMPOUNDS
    )


_ADDRESS = re.compile(
    rf"(?:{_alt(vi.entry('address_levels.words'))})\s+{_CAP}\w*(?:\s+{_CAP}\w*)*"
    r"(?:\s*\([^()]{1,40}\))?",
)
_NAME_END = re.compile(rf"(?<!\w){_CAP}\w*\s*$")
_LIST_TAIL = re.compile(r"(?:\S+\s+){0,2}\S+\s+(?:và|hoặc)\s+\S+(?:\s+\S+)?$", _I)
_ACRONYM_END = re.compile(rf"(?<!\w){_CAP}{{2,}}\)?\s*$")
_PARENT_VERB = re.compile(rf"{_W0}(?:tăng|giảm|đạt|là|được|vượt|có){_W1}", _I)
_CONNECTOR = re.compile(rf"{_W0}(?:và|hoặc|(?<!so )với|trong\s+đó|gồm|cùng){_W1}", _I)
_RATIO_OF_PREV = re.compile(
    r"(?:(?:đạt|chiếm|bằng)\s+)?(?:tỷ|tỉ)\s+lệ|chiếm(?:\s+(?:tỷ|tỉ)\s+lệ)?"
    r"|tương\s+đương(?:\s+(?:với|giảm|tăng))?(?:\s+được)?",
    _I,
)


_MAX_PREFIX_WORDS = 6


def _is_name_prefix(words: str) -> bool:
    """A sentence that opens with a name and a colon ("TP HCM: 102 người chết ...", "Sở Công
    Thương Gia Lai: ..."): a headline's or a dateline's topic, every word capitalised, two to
    six of them; it names no figure and heads no list."""
    parts = words.split()
    return 2 <= len(parts) <= _MAX_PREFIX_WORDS and all(w[0].isupper() for w in parts)


# what a fragment before a list's last item may not be: a comparison, a factor or a figure
_NOT_AN_ITEM = re.compile(rf"(?<!\w)(?:{_alt(vi.entry('list_item_stops.words'))})(?!\w)|\d", _I)


def _without_link(seg: str, before: str) -> str:
    """The last item of a list over commas without the verb that links it to its figure
    ("lĩnh vực nghệ thuật, vui chơi, giải trí tăng 25%": "giải trí"), when the fragment
    ``before`` its comma is an item too (not "so với cùng kỳ năm 2017, thụ lý tăng")."""
    words = seg.split()
    if len(words) > 1 and words[-1].lower() in _ONE_WORD_LINKS and not _NOT_AN_ITEM.search(before):
        return " ".join(words[:-1])
    return seg


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
        if ch in _CLAUSE_DELIMS and not (ch == "," and _compound_comma(text, i)):
            if (
                ch == ":"
                and colon_joins
                and not text[i + 1 : pos].strip()
                and not (bound == lo and _is_name_prefix(text[lo:i]))
            ):
                i -= 1  # "tuyển mới: 30.381 người" -- the colon joins name and figure
                continue
            return i + 1, ch
        i -= 1
    return bound, ""


def _verb_head(verb: str, post: str) -> str:
    """A bare verb of one or two words before its counted object ("hỗ trợ 1.400 doanh
    nghiệp, 14.300 hộ kinh doanh"): the head its list's next objects share."""
    return verb if post and len(verb.split()) <= 2 and not _ind.ends_with_linking_verb(verb) else ""


def _counts_alike(q: Quantity, other: Quantity) -> bool:
    """Two counts of the same thing ("người" and "lượt người", "trường" and "trường")."""
    if q.kind != "count" or other.kind != "count" or not q.unit or not other.unit:
        return False
    a, b = q.unit.lower(), other.unit.lower()
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


_FACTOR_UNITS = vi.words("factor_units")


def _is_factor(q: Quantity) -> bool:
    """A multiple ("1,5 lần"): a change like a percentage, no thing counted."""
    return q.kind == "count" and (q.unit or "").lower() in _FACTOR_UNITS


def _group_item(pre: str, ind: str, q: Quantity, prev: Candidate) -> bool:
    """ "mầm non: 61/224 trường" after "278/669 trường đạt chuẩn quốc gia; trong đó,": a
    short group named before a colon, counting the previous figure's things."""
    return (
        pre.rstrip().endswith(":")
        and 0 < len(ind.split()) <= 3
        and q.kind in ("count", "fraction")
        and prev.quantity.kind in ("count", "fraction")
        and _same_unit(q, prev.quantity)
    )


_same_unit = same_counted  # "vụ" and "vụ án", "tiêu chí" and "tiêu chí/xã" count alike
# a kind of the same things right after a part's unit ("166 cuộc theo kế hoạch và 80 ...";
# lexicon indicator_cues.kind_modifiers), with what follows it up to the next item
_KIND_AFTER = re.compile(
    rf"\s+((?:{_alt(_ind.KIND_MODIFIERS)})(?:\s+(?!(?:và|với)\s)[^\W\d_]+){{0,4}}?)"
    r"(?=\s*(?:[,;.:()]|\s(?:và|với)\s|$))",
    _I,
)


_KIND_ONLY = re.compile(rf"(?:{_alt(_ind.KIND_MODIFIERS)})", _I)


def _part_of_same_kind(text: str, q: Quantity, prev: Candidate, ind: str) -> str:
    """The kind a count of the whole's own unit names right after its unit, when nothing
    but a subset lead comes before it ("trong đó có 4.966 cuộc thường xuyên" after "5.243
    cuộc thanh tra"), else ""."""
    if ind or q.kind != "count" or prev.quantity.kind != "count" or not q.unit:
        return ""
    if fold(q.unit) != fold(prev.quantity.unit or ""):
        return ""
    m = _KIND_AFTER.match(text, q.end)
    return _clean(m.group(1)) if m else ""


_PERSON_UNITS = frozenset(vi.entry("person_units"))


def _names_already(level: str, noun: str) -> bool:
    """Whether a change's level already names the noun its amount counts ("... khởi tố vụ"
    and "vụ"): the change's label does not repeat it."""
    return (
        fold(level).endswith(fold(noun)) or bool(noun) and f" {fold(noun)} " in f" {fold(level)} "
    )


def _people_alike(q: Quantity, other: Quantity) -> bool:
    """A count in "người" beside a count of a kind of person ("318.654 lao động ..., tăng
    27.743 người"): the same people (lexicon person_units)."""
    units = {(q.unit or "").lower(), (other.unit or "").lower()}
    return q.kind == other.kind == "count" and "người" in units and bool(units & _PERSON_UNITS)


_COMPLEMENT = re.compile(
    rf"(?<!\w)(?:là|thuộc)\s+((?:{_alt(vi.entry('complement_heads'))})\s+[^,;:()]+)$", _I
)


def _aside_complement(text: str, lo: int, paren: int, prev_end: int) -> str:
    """The field named after "là" in the clause an aside "(...)" at ``paren`` belongs to
    ("chủ yếu là lĩnh vực khoa học nông nghiệp (21 đề tài")."""
    p0, _d = _clause_start(text, lo, paren, prev_end)
    m = _COMPLEMENT.search(text[p0:paren].rstrip())
    return _clean(m.group(1)) if m else ""


_SUBJECT_VERB = re.compile(rf"{_W0}(?:chiếm|đạt|tăng|giảm|là|vượt|có\s+mức|duy\s+trì){_W1}", _I)


def _subject_before(text: str, lo: int, cstart: int, prev_end: int, starts: list[int]) -> str:
    """The subject of the sentence a verb-only clause ("…, ước đạt 54.261,5 tỷ đồng")
    continues: the nearest earlier comma fragment with words, cut before its first verb."""
    end = cstart - 1
    for _ in range(_MAX_COMMAS_BACK):
        if end <= lo:
            return ""
        c2, d2 = _clause_start(text, lo, end, prev_end)
        if _any_in(starts, c2, end):
            return ""
        fragment = text[c2:end]
        vm = _SUBJECT_VERB.search(fragment)
        if vm and len(fragment[: vm.start()].split()) >= 2:
            fragment = fragment[: vm.start()]
        subject = _strip_indicator(fragment)
        if subject and not _ind.names_actor(subject):
            return subject
        if d2 != ",":
            return ""
        end = c2 - 1
    return ""


def _aside_of_previous(
    text: str, lo: int, paren: int, prev_end: int, prev: Candidate | None
) -> bool:
    """Whether the aside "(...)" at ``paren`` follows the previous figure in its own clause
    ("thẩm định 249 dự thảo văn bản các loại (tăng hơn 15% so với cùng kỳ)"): a change in
    it is that figure's change, not the clause's."""
    if prev is None:
        return False
    p0, delim = _clause_start(text, lo, paren, prev_end)
    return not delim and p0 == prev_end and prev.quantity.end <= paren


def _parent_clause(text: str, lo: int, paren: int, prev_end: int) -> str:
    """The noun phrase of the clause an aside "(...)" at ``paren`` belongs to."""
    p0, _d = _clause_start(text, lo, paren, prev_end)
    parent = text[p0:paren].lstrip()
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


@dataclass
class _Clause:
    start: int  # where the figure's clause begins
    delim: str  # the delimiter before it ("" when the previous figure bounds it)
    pre: str  # text[start:figure]
    indicator: str
    evid_start: int  # evidence may reach back to the figure the indicator borrows from
    rules: list[str]  # the named rules that made the indicator
    head: str = ""  # the shared head distributed to this figure, if any
    verb_head: bool = False  # the head is a bare verb its list's objects share
    level: str = ""  # a change's: the name of the level it changes


# "công tác đào tạo nghề được quan tâm": a topic and how it went, a clause of its own
_TOPIC_CLAUSE = re.compile(
    rf"^(?:{_alt(vi.entry('topic_clause')['topics'])})\s+.*?"
    rf"{_W0}(?:{_alt(vi.entry('topic_clause')['predicates'])}){_W1}",
    _I,
)
# nouns a label implies or that name nothing ("giải quyết việc làm" counts "lao động")
_IMPLIED_UNITS = vi.words("implied_units")


def with_counted_noun(clause: _Clause, q: Quantity) -> _Clause:
    """The label names what is counted: "trao quà" for "trao 1.200 suất quà" becomes "trao
    quà (suất)", "đầu tư" for "đầu tư cho 10 tiểu dự án" becomes "đầu tư (tiểu dự án)"; only
    for a classifier or a noun kept whole (a measure such as "ha" or "lượt" stays out)."""
    unit = q.unit or ""
    if (
        q.kind != "count"
        or not unit
        or "/" in unit
        or not clause.indicator
        or not (clause.rules[:1] == ["indicator.classifier"] or unit.lower() in COMPOUND_UNITS)
        or unit.lower() in clause.indicator.lower()
        or unit.lower() in _IMPLIED_UNITS
    ):
        return clause
    return replace(
        clause,
        indicator=f"{clause.indicator} ({unit})",
        rules=[*clause.rules, "indicator.counted_noun"],
    )


# "1.199 vụ/1.671 bị can", "hơn 6 ngàn phương tiện/hơn 137 ngàn thuyền viên": a qualifier
# may open the second count
_PAIR_JOIN = re.compile(rf"\s*/\s*(?:(?:{_alt(vi.entry('pair_qualifiers'))})\s+)?", _I)
_COUNT_LEAD = re.compile(
    rf"^.*?\d[\d.,]*\s*(?:(?:{_alt(list(vi.phrase_map('scale_words')))})(?!\w)\s*)?", _I
)
_ASIDE_PAIR_JOIN = re.compile(r"(?:\s+[^\W\d_]+){0,4}\s*\)\s*/\s*")
_SLASH_TAIL = re.compile(rf"\s*/\s*(?:{_alt(vi.entry('pair_qualifiers'))})?\s*$", _I)
_NOUN_PAIR_JOIN = re.compile(
    rf"(?:\s+[^\W\d_]+){{1,4}}\s*/\s*(?:(?:{_alt(vi.entry('pair_qualifiers'))})\s+)?", _I
)


_HEAD_REPEAT_WINDOW = 4  # words at the end of the part before where its head may stand
# one-word linking verbs ("tăng", "giảm", "đạt"): a part holding one is a clause, not a noun
_ONE_WORD_LINKS = frozenset(w for w in vi.entry("indicator_cues.linking_verbs") if " " not in w)


def _repeats_head(seg: str, before: str) -> bool:
    """Whether ``seg`` opens with the noun that opens the last two to four words of
    ``before`` ("bến thủy nội địa, bến khách ngang sông"): parallel parts of one list, not a
    clause of its own. A part that opens with a clause verb ("hỗ trợ mổ tim, hỗ trợ phẫu
    thuật") or holds a linking verb ("tỷ suất sinh giảm, tỷ số ...") is a clause; names
    ("Bệnh viện Ung Bướu, Bệnh viện Phụ nữ") list places, not what is counted."""
    first = seg.split()[:1]
    words = before.split()[-_HEAD_REPEAT_WINDOW:]
    if not first or not first[0].islower() or first[0] not in words[:-1]:
        return False
    tail = words[len(words) - 1 - words[::-1].index(first[0]) :]
    return (
        len(tail) >= 2
        and _ind.clause_verb_in(seg, 0) != 0
        and _ind.clause_verb_in(" ".join(tail), 0) != 0
        and not _ONE_WORD_LINKS.intersection(tail)
    )


def _bare_count(q: Quantity, post: str) -> bool:
    """A count named by its unit alone ("02 vụ", "19 bị can"), not by a noun phrase of its
    own ("2.234 hộ cận nghèo")."""
    if q.kind == "money":
        return not post or fold(post).startswith(fold(q.unit or "-"))
    return len(post.split()) <= 2 and fold(post).startswith(fold(q.unit or "-"))


def _purpose(before: str) -> str:
    """What a measure after "với" is of, from the clause before it: without who the act was
    done with and a light verb ("phối hợp với Ngân hàng ... thực hiện công tác cho vay qua
    các tổ" -> "công tác cho vay qua các tổ")."""
    if (partner := _PARTNER.search(before)) and (
        verb := _ind.clause_verb_in(before, partner.end())
    ) is not None:
        before = before[verb:]
    return _without_light_verb(_BARE_PARTNER_VERB.sub("", before))


_BARE_PARTNER_VERB = re.compile(r"^phối\s+hợp\s+(?!với\s)", _I)  # "phối hợp thực hiện ..."


def _without_light_verb(act: str) -> str:
    """``act`` without a light verb before the real one ("thực hiện cắt giảm biên chế" ->
    "cắt giảm biên chế"), when two words or more are left."""
    light = _LIGHT_VERB.match(act)
    rest = act[light.end() :] if light else ""
    return rest if len(rest.split()) >= 2 else act


def _from_counted_noun(c: Candidate) -> str:
    """``c``'s counted noun when its label is an act ending with it ("cấp giấy chứng nhận
    đăng ký đầu tư cho dự án" -> "dự án"), else the whole label ("triển khai cánh đồng lớn");
    the act alone when ``c`` is the last of counts it shares ("giao khoán bảo vệ rừng cho
    16.738 hộ dân và 41 tổ chức với diện tích ...": of the act)."""
    if "indicator.shared_head" in c.rules and c.verb_head and c.head:
        return _without_light_verb(c.head)  # "thực hiện giao khoán ...": the real act
    unit = c.unit or ""
    m = re.search(rf"(?<!\w){re.escape(unit)}\W*$", c.indicator, _I) if unit else None
    return c.indicator[m.start() :].strip(" )") if m else c.indicator


def _slash_pair(text: str, q: Quantity, prev: Candidate | None, post: str) -> str | None:
    """The name of the second count of a pair "1.199 vụ/1.671 bị can": what the first
    counts, with this one's own noun ("khởi tố mới vụ" -> "khởi tố mới bị can"), or None."""
    if prev is None or q.kind != "count" or not post or not prev.unit:
        return None
    pq = prev.quantity
    if pq.kind != "count":
        return None
    if _NOUN_PAIR_JOIN.fullmatch(text[pq.end : q.start]):
        # the previous count's own noun ("thuyền viên" of "137 ngàn thuyền viên/")
        noun = _clean(_COUNT_LEAD.sub("", text[pq.start : q.start]).split("/")[0])
        if (
            noun
            and "indicator.slash_pair" in prev.rules
            and fold(prev.indicator).endswith(" " + fold(noun))
        ):
            # "... cho 6 ngàn phương tiện/137 ngàn thuyền viên/51 triệu tấn hàng hóa": a
            # chain of pairs goes on with the same act
            return f"{prev.indicator[: -len(noun)].rstrip()} {post}"
        return post  # "17 chương trình tín dụng/80.722 hộ vay": each count names its own
    if not _PAIR_JOIN.fullmatch(text[pq.end : q.start]):
        return None
    return _act_with_noun(prev, post)


def _act_with_noun(prev: Candidate, post: str) -> str:
    """What ``prev`` counts without its own noun, followed by ``post`` (the second count's
    noun): "điều tra làm rõ vụ" + "đối tượng" -> "điều tra làm rõ đối tượng"."""
    base = prev.indicator.rstrip("/ ").split()
    unit = (prev.unit or "").lower().split()
    if not unit:
        return " ".join([*base, post]) if base else post
    if [w.lower() for w in base[-len(unit) :]] == unit:
        base = base[: -len(unit)]
    if [w.lower() for w in base[: len(unit)]] == unit:
        base = base[len(unit) :]
    return " ".join([*base, post]) if base and base[0] not in "/-" else post


def _indicator(text: str, ss: int, se: int, q: Quantity, plan_q: Quantity | None,
               prev_end: int, starts: list[int], prev: Candidate | None,
               outer: Candidate | None = None,
               aside_parent: Candidate | None = None,
               peer: Candidate | None = None) -> _Clause:  # fmt: skip
    """The figure's clause and its indicator (rules in the module docstring). ``outer``: the
    figure before an aside that closed since ``prev`` (what a change after it compares);
    ``peer``: an earlier count of the sentence in this figure's unit when ``prev`` counts
    something else ("1.079 vụ, 1.369 bị can, giảm 02 vụ": what the change of "vụ" compares)."""
    k = bisect_right(starts, q.start)  # starts are sorted: no scan per figure
    next_start = starts[k] if k < len(starts) else None
    post = _post_phrase(text, q, next_start or se, next_start is not None)
    if not post and plan_q is not None:  # "đạt 100 tỷ đồng, vượt 5% kế hoạch thu ngân sách"
        post = _post_phrase(text, plan_q, next_start or se, next_start is not None)
        # "đạt 105% dự toán Bộ Tài chính giao": who set the plan names nothing measured
        post = _PLAN_ASSIGNED.sub("", post).strip()
    unit_words = len((q.unit or "").split()) if q.kind not in ("percent", "money") else 0
    noun = " ".join(post.split()[unit_words:])  # what follows the unit
    # "... phát triển sâu rộng: 92,5% hộ gia đình đạt danh hiệu": the item names itself
    cstart, delim = _clause_start(text, ss, q.start, prev_end, colon_joins=len(noun.split()) < 2)
    if (
        prev is not None
        and (joined := _LIST_THEN_AND.fullmatch(text, prev.quantity.end, q.start))
        and fold(_clean(joined.group(1))).replace(",", "") in fold(prev.indicator).replace(",", "")
    ):
        # "191/192 xã, phường, thị trấn và 15/15 huyện, thị xã ...": the words before "và"
        # are the previous count's own nouns, not this one's clause
        cstart, delim = joined.start(2), ""
    pre = text[cstart : q.start]
    row = _ind.table_row(text, q.start)
    if row is not None:  # "Kim ngạch xuất khẩu | 27 tỷ USD | 27,6 tỷ USD"
        rules = ["indicator.table_row"] + (["table.plan_column"] if row[1] else [])
        ind = _lower_first(_cap_words(_clean(row[0])))
        return _Clause(cstart, delim, pre, ind, cstart, rules)
    pair = _slash_pair(text, q, prev, post)
    if (
        pair is None
        and outer is not None
        and _ASIDE_PAIR_JOIN.fullmatch(text[prev_end : q.start])
        and post
    ):
        # "38 trường (37 công lập, 01 ngoài công lập)/761 lớp": the pair's first count is the
        # one before the aside
        pair, prev = _act_with_noun(outer, post), outer
    if pair is not None:  # "khởi tố mới 1.199 vụ/1.671 bị can": the second count of a pair
        return _Clause(q.start, "", "", pair, prev.clause[0] if prev else cstart,
                       ["indicator.slash_pair"])  # fmt: skip
    ind = _strip_indicator(pre)
    rules: list[str] = []
    head = ""
    level = ""
    verb_head = False
    # "nông, lâm, thủy sản đạt 3,6%": commas inside the noun phrase
    seg = ind
    # ", chiếm 16,2%", ") - chiếm 10,3%" (but "- tương đương 3.030 người" restates a change)
    ratio = bool(
        _RATIO_OF_PREV.fullmatch(re.sub(r"^[-–]\s*(?=chiếm)", "", _clean(pre).strip(" ,;:()")))
    ) or (
        # "hoàn thành 132/132 chỉ tiêu ... (đạt 100%)": a fraction's rate in brackets after it
        q.kind == "percent"
        and delim == "("
        and prev is not None
        and prev.quantity.kind == "fraction"
        and _clean(pre).strip(" ,;:(").lower() in ("đạt", "")
    )
    address: re.Match[str] | None = None
    while (
        not ratio
        and delim == ","
        and seg
        and not _CHANGE_ONLY.match(seg)
        and cstart - 1 > prev_end
        # "tin báo, tố giác tội phạm, đã giải quyết 1.180 tin": a tense word opens a clause
        and not _TENSE_LEAD.match(text, cstart)
        # "..., trong đó tổ chức 08 lớp đào tạo về kỹ năng giao tiếp": a part with its own act
        and not (
            _ind.opens_subset(text[cstart : q.start])
            and _ind.clause_verb_in(text[cstart : q.start], 0) is not None
        )
    ):
        c2, d2 = _clause_start(text, ss, cstart - 1, prev_end)
        if (
            (opens := _ADDRESS.match(text[cstart : q.start].lstrip()))
            and _NAME_END.search(text[c2 : cstart - 1])
            and not _any_in(starts, c2, cstart)
        ):
            # "Khu di tích QGĐB Pác Bó, xã Trường Hà (Hà Quảng) đón tiếp 922 đoàn": an address
            # after a name; the name is the subject
            address = opens
            cstart, delim = c2, d2
            rules.append("indicator.address_apposition")
            break
        # "tổng số người tham gia BHXH, bảo hiểm y tế (BHYT) là": acronyms listed
        listed = (
            len(_without_link(seg, text[c2 : cstart - 1]).split()) <= 2
            and not _ind.starts_with_actor(_clean(text[cstart : q.start]))
            or (_LIST_TAIL.match(seg) and _ind.ends_with_linking_verb(text[cstart : q.num_start]))
            # "nông, lâm nghiệp và thủy sản đạt 3,8%"
            or _ACRONYM_END.search(text[c2 : cstart - 1])
            # "cấp mới, cấp lại giấy phép bến thủy nội địa, bến khách ngang sông 318 trường
            # hợp": a part that repeats the head of the part before it (unless a measure head
            # governs both: "tỷ lệ người tham gia thể dục, thể thao", below)
            or (
                _repeats_head(seg, text[c2 : cstart - 1])
                and not _head_over_commas(text, ss, cstart, prev_end, starts, seg)
            )
        )
        if not listed or _any_in(starts, c2, cstart) or (not d2 and c2 > ss):
            break  # never reach back into the previous figure's own phrase
        fragment = _strip_indicator(text[c2 : cstart - 1])
        if _TOPIC_CLAUSE.match(fragment):
            break  # "công tác đào tạo nghề được quan tâm, tuyển sinh": a clause of its own
        seg = fragment
        cstart, delim = c2, d2
        rules.append("indicator.comma_list_rejoined")
    if delim == "," and (
        governed := _head_over_commas(text, ss, cstart, prev_end, starts, seg or ind)
    ):
        # "tỷ lệ người tham gia thể dục, thể thao thường xuyên đạt 29%": a measure head
        # before short coordinated nouns governs them all
        cstart, delim = governed
        rules.append("indicator.head_over_commas")
    if text[cstart : q.start] != pre:
        pre = text[cstart : q.start]
        ind = _strip_indicator(pre)
        if address is not None:
            ind = ind.replace(", " + address.group(0).strip(), "", 1)
    if (
        not ind
        and delim == ")"
        and pre.strip() == ":"
        and (lab := _LABEL_BEFORE_ASIDE.search(text[ss:cstart])) is not None
    ):
        # "Tổng số giờ phát sóng phim truyện Việt Nam (521 tập ...): 390 giờ": a label line's
        # name stands before its aside
        cstart = ss + lab.start(1)
        pre = lab.group(1)
        ind = _strip_indicator(pre)
        rules.append("indicator.label_before_aside")
    raw_pre = pre
    # "8,5 bác sĩ/vạn dân và 28,3 giường": after the previous figure, a connector starts
    # this one's clause ("... trường học với trên 160 nghìn học sinh")
    with_prev = False  # "24 cánh đồng lớn với tổng diện tích 2.913 ha"
    if not delim and cstart > ss and (conn := list(_CONNECTOR.finditer(pre))):
        if (
            len(conn) > 1
            and fold(conn[-1].group(0)).strip() in ("va", "hoac")
            and _starts_with_head(_strip_indicator(pre[conn[-2].end() : conn[-1].start()]))
        ):
            # "với tổng vốn đầu tư cấp mới và tăng thêm 298,08 triệu USD": "và" inside the
            # measure's name the connector before it opens
            conn.pop()
        before_with = pre[: conn[-1].start()].strip(" ,")
        with_prev = fold(conn[-1].group(0)).strip() == "voi" and (
            not before_with.count(" ")
            # "30 dự án trong cụm công nghiệp với tổng vốn đầu tư ...": the count's own noun
            or (prev is not None and fold(prev.indicator).endswith(fold(before_with)))
        )
        pre = pre[conn[-1].end() :]
        ind = _strip_indicator(pre)
    if (conj := list(_CONJUNCTION.finditer(pre))) and not (
        # "nguồn vốn nhận ủy thác để cho vay là 373 tỉ đồng": a purpose inside a measure's
        # name (lexicon measure_heads) that a copula equates with the figure
        fold(conj[-1].group(0)).strip() == "de"
        and _COPULA_END.search(pre)
        and _starts_with_head(_strip_indicator(pre[: conj[-1].start()]))
    ):
        # "triển khai linh hoạt, phù hợp nên trong năm 2022 đạt 100% kế hoạch": a new clause
        pre = pre[conj[-1].end() :]
        ind = _strip_indicator(pre)
        rules.append("indicator.after_conjunction")
    if (headed := _with_head(pre)) is not None:
        # "xuất khẩu duy trì nhịp độ tăng trưởng với kim ngạch xuất khẩu ước đạt 2.560 triệu
        # USD": the measure named after "với" is what the figure measures
        before = _strip_indicator(pre[:headed].rstrip()[:-3])  # without its "với"
        pre = pre[headed:]
        ind = _strip_indicator(pre)
        if (
            _GENERIC_IND.match(ind)
            and prev is not None
            and prev.quantity.kind == "count"
            and prev.quantity.end > ss
            and not re.search(r"[;:]", text[prev.quantity.end : q.start])
            and len(prev.indicator.split()) >= 2
            # "100 cơ sở lưu trú, với tổng số trên 1.000 phòng": a count of other things
            and not (q.kind == "count" and q.unit and not _same_unit(q, prev.quantity))
        ):
            # "Hỗ trợ xây mới 7 nhà bị sạt lở, cuốn trôi do bão ... với số tiền 1,4 tỷ đồng":
            # the money of the act that counted the things before it
            ind = f"{ind} {prev.indicator}"
            rules.append("indicator.generic_of_previous")
        elif (
            fold(ind) in _SIZE_MEASURES
            and prev is not None
            and prev.quantity.kind == "count"
            and prev.quantity.end > ss
            and before
            and fold(prev.indicator).endswith(fold(before))
            and fold(prev.indicator) not in fold(ind)
        ):
            # "23 dự án trong khu kinh tế, khu công nghiệp với tổng vốn đầu tư hơn 2.850 tỷ
            # đồng": the size of the things the count right before it counted (from their
            # noun: "cấp giấy chứng nhận cho 12 dự án với tổng vốn đăng ký": of "dự án")
            ind = f"{ind} {_from_counted_noun(prev)}"
            rules.append("indicator.measure_of_previous_count")
        elif (
            _GENERIC_IND.match(ind)
            or fold(ind) in _COUNTED_SIZES
            # "Hội đã uỷ thác với Ngân hàng CSXH huyện với tổng dư nợ là 73 tỷ đồng": what
            # the money measured is of
            or (q.kind == "money" and fold(ind) in _SIZE_MEASURES)
        ) and before:
            # "mua sắm trang thiết bị y tế với tổng vốn hơn 195 tỷ đồng": what the money is for
            # ("nạo vét kênh mương với tổng chiều dài 242 km": what the size is of)
            words = _purpose(before).split()
            ind = f"{ind} {' '.join(words if len(words) <= 12 else words[-_MAX_PURPOSE_WORDS:])}"
        rules.append("indicator.measure_after_with")
    evid_start = cstart
    # "du khách ước đạt trên 1,5 triệu lượt": the figure's own qualifier may hold the verb
    linked = _ind.ends_with_linking_verb(pre + text[q.start : q.num_start])
    pre_clean = _clean(pre).strip(" ,;:(").lower()
    compared_first = ""
    if prev is not None and (cf := _COMPARE_FIRST.match(ind)):
        # "đạt 100,09% kế hoạch, so với năm 2018 tăng 3,6%": the comparison before the verb
        compared_first, ind, pre_clean = _clean(cf.group(1)), cf.group(2), cf.group(2).lower()
    elif prev is not None and (cc := _CHANGE_THEN_COMPARE.match(_clean(pre).strip(" ,;:("))):
        # "đạt 30.789,5 tỷ đồng, tăng so với năm 2019 là 3.878,5 tỷ đồng": the comparison
        # between the change verb and its amount
        compared_first, ind, pre_clean = _clean(cc.group(2)), cc.group(1), cc.group(1).lower()
    change_only = not ind or bool(_CHANGE_ONLY.match(ind))
    group_item = prev is not None and _group_item(pre, ind, q, prev)
    kind = _part_of_same_kind(text, q, prev, ind) if prev is not None else ""
    if q.kind == "plan":
        kh = "kế hoạch" if re.search(r"kế\s+hoạch", q.text, _I) else ""
        # the verb before the phrase, or the phrase's own ("hoàn thành 100% kế hoạch")
        before_done = _DONE_BEFORE_SHARE.search(_clean(raw_pre))
        own_done = _DONE_VERB.match(q.text)
        done = before_done.group(1) if before_done else own_done.group(0) if own_done else ""
        manner_only = bool(_MANNER_ONLY.fullmatch(_DONE_VERB.sub("", ind).strip()))
        if (not ind or _ind.names_actor(ind) or manner_only) and done:
            # "phấn đấu hoàn thành 100% chỉ tiêu được giao": the share of the plan done
            plan_noun = _PLAN_NOUN.search(q.text)
            kh = plan_noun.group(0) if plan_noun else kh or "kế hoạch"
            ind = _clean(f"{done.lower()} {kh} {post}")
        ind = ind or _clean(f"{kh} {post}") or "kế hoạch"
        rules.append("indicator.plan_phrase")
    elif ratio and prev is not None:
        rules.append("indicator.ratio_of_previous")
        if outer is not None and "indicator.workload_base" not in prev.rules:
            # "307 cơ sở (gồm 69 trường, …), chiếm 16,2%": of the 307
            rules.append("indicator.change_after_aside")
        base = re.sub(r"^(?:số|tổng\s+số)\s+", "", (outer or prev).indicator, flags=_I)
        ind = base if base.lower().startswith(("tỷ lệ", "tỉ lệ")) else f"tỷ lệ {base}"
        evid_start = min(evid_start, prev.clause[0])
    elif (
        (
            with_prev
            # "có 73 doanh nghiệp tham gia liên kết, diện tích 61.922ha": the size of those
            or (fold(ind) in _COUNTED_SIZES and _comma_after_count(text, delim, cstart, ss, prev))
        )
        and prev is not None
        and prev.quantity.kind == "count"
        and fold(ind) in _SIZE_MEASURES
        and not _GENERIC_IND.match(ind)  # "với kinh phí 8 tỷ đồng": generic_of_previous
        and fold(prev.indicator) not in fold(ind)
    ):
        # "triển khai 24 cánh đồng lớn với tổng diện tích hơn 2.913 ha": the size of the
        # things the previous figure counted
        ind = f"{ind} {_from_counted_noun(prev)}"
        evid_start = min(evid_start, prev.clause[0])
        rules.append("indicator.measure_of_previous_count")
    elif (
        ind
        and _GENERIC_IND.match(ind)
        and q.kind == "count"
        # "12 hợp tác xã với tổng số 500 thành viên": a count of other things
        and (noun or (post and prev is not None and not _same_unit(q, prev.quantity)))
    ):
        # "với tổng số 395 văn bản được rà soát": the generic head and what it counts
        ind = f"{ind} {post}"
        rules.append("indicator.generic_and_counted")
    elif (
        prev is not None
        and (per := _PER_UNIT.match(ind)) is not None
        and prev.quantity.kind == "count"
        and (counted := _from_word(prev.indicator, per.group(1))) is not None
    ):
        # "trao 936 suất học bổng cho học sinh nghèo (mỗi suất từ 1 đến 10 triệu đồng)": the
        # amount of each of the things the previous figure counted
        ind = f"{ind[: per.start(1)]}{counted}"
        evid_start = min(evid_start, prev.clause[0])
        rules.append("indicator.per_unit_of_previous")
    elif ind and _GENERIC_IND.match(ind) and prev is not None:
        rules.append("indicator.generic_of_previous")
        borrowed = prev.indicator
        if prev.quantity.kind == "percent":
            # "thi hành xong 8.500 việc, đạt tỷ lệ 85,2%, với số tiền 1.200 tỷ đồng": the
            # money of the act the rate is of, not of the rate
            borrowed = _RATE_LEAD.sub("", borrowed) or borrowed
        ind = f"{ind} {borrowed}"
        evid_start = min(evid_start, prev.clause[0])
    elif _NATIONAL.match(ind) and (base_c := aside_parent or prev) is not None:
        # "tăng 47,8% so với cùng kỳ (cả nước tăng 8,6%)": the country's figure of the same
        # measure, a benchmark
        ind = _clean(f"{_CHANGE_REST.sub('', base_c.indicator)} {ind}")
        rules.append("indicator.national_benchmark")
    elif (
        q.kind == "fraction"
        and delim == "("
        and prev is not None
        and prev.quantity.kind == "percent"
        and not pre.strip()
        and q.unit
    ):
        # "cháy ở khu vực dân cư chiếm 42% tổng số vụ (13/31 vụ)": the count behind the share
        ind = f"{q.unit} {_RATE_LEAD.sub('', prev.indicator)}"
        evid_start = min(evid_start, prev.clause[0])
        rules.append("indicator.count_of_share")
    elif (
        q.kind == "percent"
        and delim == "("
        and prev is not None
        and (
            _SIGN_ONLY.match(pre)
            or (
                not pre.strip()
                and prev.quantity.kind in ("count", "money")
                and _HAS_CHANGE.search(prev.indicator)
                and text[q.end : q.end + 2].lstrip().startswith(")")
            )
        )
    ):
        # "giảm 11 vụ (- 6,6%)", "giảm 7 vụ cháy (18,42%)": a percentage alone in brackets
        # after a change is the relative change of the figure before it
        base = prev.indicator
        if not _HAS_CHANGE.search(base):
            base = f"{base} {'tăng' if '+' in pre else 'giảm'}"
        ind = f"tỷ lệ {base}"
        evid_start = min(evid_start, prev.clause[0])
        rules.append("indicator.signed_change_in_aside")
    elif (
        not ind
        and delim == "("
        and q.kind == "count"
        and post
        and (field := _aside_complement(text, ss, cstart - 1, prev_end))
    ):
        # "chủ yếu là lĩnh vực khoa học nông nghiệp (21 đề tài": the things counted, of the
        # field the clause outside names
        ind = _clean(f"{post} {field}")
        head = field  # "(21 đề tài, 8 dự án)": the next count in the aside is of it too
        rules.append("indicator.count_of_aside_complement")
    elif (
        change_only
        and delim == "("
        # "(gồm 69 trường cao đẳng, …", "(1 vụ TNGT đường thủy …": a count with no change word
        # before it names its own things
        and not (not ind and noun and q.kind == "count")
        # "thẩm định 58 dự thảo (đạt 100% số dự thảo do các cơ quan yêu cầu)": the count
        # before it as a share of the whole it names (below), not the clause outside
        and not (
            q.kind == "percent"
            and prev is not None
            and prev.quantity.kind != "percent"
            and _ind.is_share_base(post)
            and _ind.ends_with_linking_verb(pre)
        )
        and not (ind and _aside_of_previous(text, ss, cstart - 1, prev_end, prev))
        and (parent := _parent_clause(text, ss, cstart - 1, prev_end))
    ):
        # "Giá trị sản xuất tăng mạnh (tăng trên 23% so năm 2009)": the clause outside
        ind = _clean(f"{parent} {pre_clean}")
        rules.append("indicator.change_in_aside")
    elif (
        change_only
        and prev is not None
        # "đạt 6.336 ha (tăng thêm 1.960 ha so với năm 2021)": a change in the same unit
        and (
            q.kind == "percent"
            or not q.unit
            or _is_factor(q)  # "đạt 120 triệu USD, tăng 1,5 lần so với cùng kỳ"
            or _same_unit(q, prev.quantity)
            or _people_alike(q, prev.quantity)
            or (peer is not None and _bare_count(q, post) and not _ind.restates_previous(raw_pre))
        )
        and (_COMPARE_AFTER.search(text[q.end : se]) or _CHANGE_ONLY.match(pre_clean or "x"))
    ):
        verb = ind or _clean(pre).strip(" ,;:(")
        if not verb and (own := _OWN_CHANGE_VERB.match(q.text)):
            verb = own.group(0).lower()  # "vượt 15 trường": the verb is in the figure's text
        own_noun = "" if _is_factor(q) else post  # "lần" names no thing
        base = compared_first or own_noun or _ind.comparison_after(text, q.end, se)
        compared = outer or prev
        if (
            peer is not None
            and _bare_count(q, post)
            and not _same_unit(q, prev.quantity)
            and not _ind.restates_previous(raw_pre)
        ):
            compared = outer or peer
            if _names_already(compared.indicator, base):
                # "thụ lý ... vụ giảm", not "thụ lý ... vụ giảm vụ"; "người chết do tai nạn
                # giao thông giảm", not "... giảm người chết"
                base = ""
            rules.append("indicator.change_of_unit_peer")
        if outer is not None and q.kind != "percent" and _same_unit(q, outer.quantity):
            base = compared_first or _ind.comparison_after(text, q.end, se) or post
            rules.append("indicator.change_after_aside")
        # "đạt 2.500 tỷ đồng, tăng 24% so cùng kỳ, tăng 8,6% so kế hoạch": a change after a
        # change changes the same level
        level = compared.level or compared.indicator
        if (
            base == own_noun
            and base
            and (_names_already(level, base) or _people_alike(q, compared.quantity))
        ):
            # "phát hiện khởi tố 436 vụ, tăng 2 vụ": "... khởi tố vụ tăng", not "... vụ tăng vụ"
            base = ""
        ind = _clean(f"{level} {verb} {base}")
        evid_start = min(evid_start, prev.clause[0])
        rules.append("indicator.change_of_previous")
        if compared_first:
            rules.append("indicator.comparison_before_change")
    elif (
        prev is not None
        and q.kind == "count"
        and prev.quantity.kind == "count"
        and post
        and _WITH_ONLY.match(raw_pre)
        and not _same_unit(q, prev.quantity)
        and "indicator.change_of_previous" not in prev.rules
    ):
        # "đã tiếp 1.880 lượt với 2.387 công dân": a count of other things the same act
        # involved, named by its verb (not the previous count restated)
        ind = f"{prev.head} {post}" if prev.verb_head else _act_with_noun(prev, post)
        rules.append("indicator.count_with_count")
    elif (
        prev is not None
        and prev.quantity.kind == "money"
        and q.kind == "count"
        and post
        and _AND_ONLY.match(raw_pre)
        and prev.indicator
        # ("41 dự án với tổng vốn đăng ký 595,5 triệu USD và 558 dự án trong nước": the size
        # of other things, not an act)
        and "indicator.measure_of_previous_count" not in prev.rules
    ):
        # "kiến nghị thu hồi 3.471,1 triệu đồng và 1.200m2 đất": what the same act reached
        # besides the money
        ind = f"{_MONEY_HEAD.sub('', prev.indicator)} {post}"
        rules.append("indicator.and_after_amount")
    elif (
        prev is not None
        and q.kind != "percent"
        and _ind.restates_previous(raw_pre)
        # "đạt 436 tỷ đồng, với 22.470 lượt khách vay vốn", "bằng 102% so với năm 2020, với
        # 33.730 lượt khách hàng vay vốn": a count "with" an amount or a rate names its own
        # thing (but "giảm 3,21% với 2.538 người": a bare count restates a rate's change)
        and not (
            _WITH_ONLY.match(raw_pre)
            and q.kind == "count"
            and post
            and (
                prev.quantity.kind == "money"
                or (prev.quantity.kind == "percent" and not _bare_count(q, post))
            )
        )
    ):
        # "tăng 4,48% so với năm 2019 - tương đương 50.454 người": the same change
        ind = prev.indicator
        evid_start = min(evid_start, prev.clause[0])
        rules.append("indicator.restates_previous")
    elif (
        prev is not None
        and (
            q.kind == "percent"
            or not q.unit
            or len((ind or post).split()) <= 1
            or group_item
            or kind
        )
        and (
            _ind.opens_subset(raw_pre)
            or _ind.opens_subset(text[prev_end : q.start])
            # "...; trong đó, mầm non: 61/224 trường, tiểu học: 120/262 trường": the next group
            or (group_item and "indicator.part_of_previous" in prev.rules and prev.head)
        )
    ):
        # "Tỷ lệ lao động qua đào tạo đạt 74%, trong đó có bằng cấp, chứng chỉ đạt 33%"
        linked = ind and _ind.ends_with_linking_verb(pre)
        part = ind if ind and (linked or not noun or group_item) else _clean(f"{ind} {post}")
        if kind:
            # "243 cuộc thanh tra, trong đó có 166 cuộc theo kế hoạch": the whole's things
            # of one kind, named by the whole and the kind
            part = kind
        if group_item and "indicator.part_of_previous" in prev.rules and prev.head:
            prev = replace(prev, indicator=prev.head)  # the whole, not the group before
        if (
            q.kind == "percent"
            and _SHARE_VERB_END.search(_clean(raw_pre))
            and len(content_words(ind)) > 1
        ):
            # "khởi tố 1.199 vụ, trong đó tội phạm xâm phạm sở hữu chiếm 48,4%": the share
            # of the part, which names itself
            ind = _share_name(ind)
            rules.append("indicator.share_named")
        elif ind and not linked and noun and _OWN_PREDICATE.search(post):
            # "tạo việc làm cho 44.339 lượt hộ, trong đó đã giúp 463 lượt học sinh, sinh viên
            # được vay vốn học tập": a part with its own act and its own predicate names itself
            ind = part
            rules.append("indicator.part_names_itself")
        else:
            ind = _clean(_join_overlapping(prev.indicator, part))
            head = prev.indicator
            rules.append("indicator.part_of_previous")
            if kind:
                rules.append("indicator.kind_of_whole")
    elif not ind and not post and prev is not None and prev.cue == "baseline":
        # "Tỷ lệ hộ nghèo giảm từ 2,99% xuống còn 2,41%": the level the change reached
        ind = _CHANGE_TAIL.sub("", prev.indicator)
        evid_start = min(evid_start, prev.clause[0])
        rules.append("indicator.level_after_baseline")
    elif (
        not ind
        and q.kind == "percent"
        and prev is not None
        and prev.quantity.kind != "percent"
        and _ind.is_share_base(post)
        and _ind.ends_with_linking_verb(pre)
    ):
        # "có hơn 1,3 triệu người tham gia BHYT, đạt 92,4% dân số": the previous count's
        # share of a whole, not the whole
        base = re.sub(r"^(?:số|tổng\s+số)\s+", "", prev.indicator, flags=_I)
        ind = base if base.lower().startswith(("tỷ lệ", "tỉ lệ")) else f"tỷ lệ {base}"
        rules.append("indicator.share_of_previous")
    elif (
        not ind
        and not post
        and prev is None
        and delim == ","
        and (subject := _subject_before(text, ss, cstart, prev_end, starts))
    ):
        # "khu vực kinh tế có vốn đầu tư nước ngoài chiếm tỷ trọng chủ yếu, ước đạt 54.261,5
        # tỷ đồng": the sentence's subject, before its first verb
        ind = subject
        rules.append("indicator.sentence_subject")
    elif not ind and q.kind == "count" and fold(post).startswith("vu ") and _HARM_TOLD.search(post):
        # "495 vụ cháy làm chết 27 người": a count that opens its clause with the harm told
        # after it counts incidents, as after "xảy ra"
        ind = _HARM_TOLD.sub("", post)
        rules.append("indicator.incident")
    elif not ind:
        ind = post or (prev.indicator if prev else "") or (q.unit or "")
        rules.append(
            "indicator.noun_after" if post else "indicator.previous" if prev else "indicator.unit"
        )
        if (
            not post
            and prev is not None
            and q.kind == "percent"
            and prev.quantity.kind == "count"
            and not _RATE_HEAD.match(ind)
        ):
            # "giải quyết 12.525 vụ, đạt 85,69%": the rate of the count before
            ind = f"tỷ lệ {ind}"
            rules[-1] = "indicator.rate_of_previous"
    elif (
        post
        and q.kind == "count"
        and _EXISTENTIAL_END.search(pre)
        and not _starts_with_head(ind)
        and not _MEANS_LEAD.match(ind)
        and len(ind.split()) >= 3  # "mầm non có 73 trường": a short subject is the kind
        and fold(post) not in vi.folded_words("generic_counted")
    ):
        # "Toàn tỉnh hiện có 185 trường đạt chuẩn quốc gia", "mạng bưu chính có 45 bưu
        # cục": what there is, not where
        # ... but a bare noun is named with its kind ("bậc Tiểu học có 114.745 HS")
        ind = post if len(content_words(post)) > 1 else f"{post} {ind}"
        rules.append("indicator.existential")
    elif q.kind == "count" and noun and _INCIDENT_END.search(ind) and fold(post).startswith("vu "):
        # "trên địa bàn tỉnh xảy ra 390 vụ tai nạn giao thông": the incidents counted (not
        # their harm told after them: "754 vụ tai nạn giao thông làm chết 702 người")
        ind = _HARM_TOLD.sub("", post)
        rules.append("indicator.incident")
    elif post and ind.lower() in _PREPOSITIONS:
        # "hoàn thành cấp điện cho 17.540 hộ, thuộc 66 xã": a bare preposition names nothing;
        # the act of the count before it reaches these places too ("cấp điện xã")
        ind = f"{prev.head} {post}" if prev is not None and prev.verb_head else post
        head, verb_head = (prev.head, True) if prev is not None and prev.verb_head else ("", False)
        rules.append("indicator.object_of_preposition")
    elif (
        q.kind == "count"
        and post
        and _ind.names_acted_on(post)
        and (act := _ind.act_counted_before(text[max(ss, q.start - 160) : q.start]))
    ):
        # "tiến hành 827 cuộc thanh tra, kiểm tra chuyên ngành với 699 tổ chức": the
        # bodies the act reached
        head = _clean(act)
        ind = f"{post} được {head}"
        rules.append("indicator.entity_of_act")
    elif (noun or (q.kind == "count" and q.unit and post)) and _ind.ends_with_apposition(pre):
        # "internet phát triển rộng khắp với gần 2.000 trạm BTS": the clause names another
        ind = post
        rules.append("indicator.apposition")
        cause = _INCIDENT_LEAD.sub("", _strip_indicator(_ind.APPOSITION_END.sub("", pre)))
        if _SUFFERED.match(post) and cause and not _ind.names_actor(cause):
            # "bệnh dịch tả lợn châu Phi với 3.544 con bị chết và tiêu hủy": what the things
            # suffered, and from what
            ind = _clean(f"{post} do {cause}")
            rules.append("indicator.harm_of_cause")
    elif (q.unit or "").lower() in _CLASSIFIERS and len(post.split()) > 1:
        # "thu giữ 3 khẩu súng, 15 xe mô tô": the act is the head its list's next objects share
        head = _verb_head(ind, post)
        verb_head = bool(head)
        ind = f"{ind} {post.split(' ', 1)[1]}"  # "sửa chữa 82 căn nhà" -> "sửa chữa nhà"
        rules.append("indicator.classifier")
    elif noun and (not linked or _CHANGE_ONLY.match(ind)):
        # "tích hợp 1.323 dịch vụ công lên Cổng ...": a verb and its object
        head = _verb_head(ind, post)
        if (
            not head
            and (at := text.find(post, q.start)) >= 0
            and (
                _WITH_NEXT_COUNT.match(text, at + len(post))
                # "giao khoán bảo vệ rừng cho 16.738 hộ dân và 41 tổ chức": and the count
                # "và" joins
                or _AND_NEXT_COUNT.match(text, at + len(post))
            )
        ):
            # "làm thủ tục xuất, nhập cảnh cho 6 ngàn lượt chuyến tàu với 124 ngàn thuyền
            # viên, 485 hành khách": the act also governs the counts "với" it
            head = ind
        verb_head = bool(head)
        ind = f"{ind} {post}"
        rules.append("indicator.verb_object")
    elif q.kind == "percent" and _ind.is_share_base(noun) and not _ind.names_actor(ind):
        # "số tiền chậm đóng chiếm 1,92% số phải thu": a share of the base after it
        ind = f"{ind} so với {noun}"
        rules.append("indicator.share_of_base")
    elif len(ind.split()) <= 2 and post and q.unit and q.kind == "count":
        head = _verb_head(ind, post)
        verb_head = bool(head)
        ind = f"{ind} {post}"
        rules.append("indicator.short_clause_and_unit")
    elif (
        post
        and q.unit
        and q.kind == "count"
        and not linked
        and not pre.rstrip().endswith(":")  # "Tổng số học sinh đỗ tốt nghiệp: 12.480 em"
        and not _starts_with_head(ind)
        and not fold(ind).startswith("so ")
        and fold(post) not in fold(ind)
        and fold(post) not in vi.folded_words("generic_counted")
        and re.fullmatch(r"[^\W\d_]+(?: [^\W\d_]+)*", post)
    ):
        # "đã thực hiện tinh giản 461 biên chế": a verb phrase and the thing it counted;
        # the verb phrase governs the objects coordinated after it ("kiến nghị xử lý kỷ
        # luật 27 tập thể và 49 cá nhân", "điều tra làm rõ 86 vụ, 113 đối tượng")
        if (at := text.find(post, q.start)) >= 0 and (
            _AND_NEXT_COUNT.match(text, at + len(post))
            or _COMMA_NEXT_BARE_COUNT.match(text, at + len(post))
        ):
            head, verb_head = ind, True
        ind = f"{ind} {post}"
        rules.append("indicator.clause_and_counted_noun")
    else:
        rules.append("indicator.clause_before")
        if (
            post
            and q.unit
            and q.kind in ("count", "fraction")
            and (done := _DONE_AT_END.search(_clean(raw_pre)))
            # "đạt 9/9 chỉ số": reached, of a fraction only ("đạt 500 tỷ đồng" names the amount)
            and (q.kind == "fraction" or fold(done.group(1)) != "dat")
        ):
            # "... chủ động thực hiện nhiều biện pháp hoàn thành 117/152 chỉ tiêu": the tasks
            # done, not what was done to reach them
            ind = f"{post} {done.group(1).lower()}"
            rules[-1] = "indicator.done_object"
        elif post and q.kind == "percent" and fold(ind) in _BARE_ACTS:
            # "Hội đã thực hiện đạt 100% các chỉ tiêu T.Ư Hội giao": a bare act before the
            # share names it with what was done
            ind = f"{ind} {post}"
            rules[-1] = "indicator.act_with_object"
    if (
        q.kind == "count"
        and prev is not None
        and (harm := _harm_of_incident(pre_clean, post, prev))
    ):
        # "xảy ra 390 vụ tai nạn giao thông, làm 195 người chết, 252 người bị thương": the
        # harm the incidents caused, named with them
        ind = harm
        rules.append("indicator.harm_of_incident")
    elif (
        prev is not None
        and prev.head
        and {"indicator.part_of_previous", "indicator.kind_of_whole"} & set(prev.rules)
        and rules[-1] == "indicator.noun_after"
        and _SIBLING_LEAD.match(raw_pre)
        and (kind := _part_of_same_kind(text, q, prev, ""))
    ):
        # "..., trong đó có 4.966 cuộc thường xuyên, 197 cuộc theo kế hoạch và 80 cuộc đột
        # xuất": the next kinds of the same whole
        ind, head = f"{prev.head} {kind}", prev.head
        rules.append("indicator.kind_of_whole")
    elif rules[-1] in _HEADLESS_RULES and (
        len(ind.split()) <= _MAX_PART_WORDS
        # "thu giữ 12,5 kg heroin, 25.000 viên ma túy tổng hợp": a bare object after an act's
        # object may run longer
        or (
            prev is not None
            and prev.verb_head
            and rules[-1] == "indicator.noun_after"
            and ind == post
            and len(ind.split()) <= _MAX_OBJECT_WORDS
        )
    ):
        # "tỷ lệ kiên cố hóa: mầm non 80%, tiểu học 85%": a head shared over a list
        shared = _colon_head(text, ss, q.start)
        if not shared and prev is not None and prev.head and _SIBLING_LEAD.match(raw_pre):
            shared = prev.head  # "trong đó thành thị 3,4% và nông thôn 1,2%"
            if prev.verb_head and (
                rules[-1] != "indicator.noun_after"
                or ind != post
                or fold(f"{shared} {ind}") == fold(prev.indicator)
                # "tổ chức 3 phiên giao dịch với 2.500 lượt lao động tham gia": an object with
                # its own predicate names itself
                or _OWN_PREDICATE.search(ind) is not None
            ):
                # "hỗ trợ 1.400 doanh nghiệp, 14.300 hộ": only another bare object ("vượt
                # mức 5 chỉ tiêu, 5 chỉ tiêu đạt 100%" contrasts the same one)
                shared = ""
            verb_head = prev.verb_head
        if shared and fold(shared) not in fold(ind):
            of_field = prev is not None and "indicator.count_of_aside_complement" in prev.rules
            if prev is not None and "indicator.entity_of_act" in prev.rules:
                # "... với 699 tổ chức, 1.268 cá nhân": the next bodies the same act reached
                ind = f"{ind} được {shared}"
            else:
                ind = f"{ind} {shared}" if of_field else f"{shared} {ind}"
            head = shared
            rules.append("indicator.shared_head")
    # "tỷ lệ giải quyết án dân sự vượt 9%, án hành chính vượt 22,25%", "tỷ lệ điều tra khám phá
    # án đạt trên 80%, án rất nghiêm trọng đạt trên 95%": an item after a comma under the rate
    comma_rate = rules[-1] == "indicator.clause_before" and q.kind == "percent" and delim == ","
    if (
        prev is not None
        and prev.quantity.kind in ("percent", "plan")
        and (rules[-1] in _PARALLEL_RULES or comma_rate)
        and (
            item := _parallel_item(
                prev.indicator, ind, raw_pre, comma_rate and prev.quantity.kind == "percent"
            )
        )[0]
    ):
        ind, head = item[0], item[1] if item[1] is not None else head
        rules.append("indicator.parallel_item")
    elif (
        prev is not None
        and delim in (",", ";")
        and rules[-1] == "indicator.clause_before"
        and ss <= prev.quantity.start
        and (set_head := _ind.head_of_parallel(prev.indicator, ind))
        and fold(set_head) not in fold(ind)
    ):
        # "tỷ lệ kiên cố hóa trường lớp học mầm non đạt 80%, tiểu học 85%": another of the
        # same kind of item (a school level, an area, a sector) under the previous one's head
        ind, head = f"{set_head} {ind}", set_head
        rules.append("indicator.parallel_set_item")
    if (partner := _PARTNER.search(ind)) and (
        verb := _ind.clause_verb_in(ind, partner.end())
    ) is not None:
        # "Công ty ... phối hợp tốt với các Ban quản lý dự án ... triển khai 21 dự án": who
        # the act was done with is not what was done
        ind = ind[verb:]
        rules.append("indicator.partner_dropped")
    if (whole := _WHOLE_LEAD.match(ind)) and len(ind[whole.end() :].split()) >= 2:
        # "giải quyết 12.926 vụ việc trong tổng số 13.637 vụ việc thụ lý": the workload
        # itself (a rate after it is of the part before it: figures passes that as outer)
        ind = ind[whole.end() :]
        rules.append("indicator.workload_base")
    if "indicator.act_with_object" not in rules and (real := _without_light_verb(ind)) != ind:
        # "thực hiện cắt giảm 3.090 biên chế": a light verb before the real one
        ind = real
        rules.append("indicator.light_verb_dropped")
    if (dated := _drop_inner_year(ind)) != ind:
        # "chỉ số sản xuất công nghiệp năm 2016 tăng": the year is the item's, not its name
        ind = dated
        rules.append("indicator.year_dropped")
    if (cleaned := _drop_estimates(ind)) != ind:
        # "chỉ số sản xuất công nghiệp ước tăng": an estimate is not part of the name
        ind = cleaned
        rules.append("indicator.estimate_dropped")
    if (
        q.kind in ("count", "fraction", "percent")
        and post
        and fold(ind) == fold(post)
        and (shared := _predicate_of_pair(text, q, post, se))
    ):
        # "có 13 xã và 28 làng đạt chuẩn nông thôn mới": the pair shares what follows it
        ind = f"{post} {shared}"
        rules.append("indicator.predicate_of_pair")
    bare_verb = rules[-1] == "indicator.clause_before" and len(ind.split()) <= 2 and not noun
    if (
        ind
        and (_GENERIC_IND.match(ind) or fold(ind) in _SIZE_MEASURES or bare_verb)
        and (topic := _topic_of(text, ss, q.start))
        and fold(topic) not in fold(ind)
    ):
        # "Về chỉ tiêu tổng mức bán lẻ hàng hóa ..., năm 2022 ước đạt giá trị 71.029 tỷ
        # đồng": a bare measure (or a bare verb: "Về phát triển giao thông nông thôn, toàn
        # tỉnh đã cứng hoá được hơn 404 km") of the topic the sentence opens with
        # "Về thu ngân sách nhà nước, ... thu đạt 66.362 tỷ đồng": the topic opens with the verb
        ind = topic if fold(topic).startswith(fold(ind) + " ") else f"{ind} {topic}"
        rules.append("indicator.measure_of_topic")
    bare_noun = (
        rules[-1] == "indicator.apposition"
        and fold(ind) == fold(q.unit or "")
        and fold(pre).rstrip().endswith(" voi")
        # ... of an act ("tổ chức tiếp xúc cử tri với 2.917 cử tri"), not of a list's last
        # item ("60 câu lạc bộ của 40 tỉnh, thành phố với 500 hội viên")
        and bool(_ind.clause_verbs_in(_strip_indicator(_ind.APPOSITION_END.sub("", pre))))
    )
    if (len(content_words(ind)) <= 1 or bare_noun) and q.kind != "plan":
        # one content word names nothing an analyst can tell apart ("thu", "lượt"), nor does
        # the counted noun alone ("với 2.917 cử tri"): the clause it belongs to does
        if rules[-1] == "indicator.apposition" and (act := _act_before_with(pre)):
            # "tổ chức đón tiếp và làm việc với 69 đoàn": the act the things were counted in
            ind = f"{ind} {act}"
            rules.append("indicator.thin_label_act")
        elif (
            rules[-1] == "indicator.clause_before"
            and (subject := _sentence_subject(text, ss, cstart, starts))
            and fold(ind) not in fold(subject)
        ):
            # "Quỹ Cứu trợ tỉnh đã tiếp nhận 12 tỷ đồng; chi trong năm 3,8 tỷ đồng": who or
            # what the bare verb is of
            ind = f"{subject} {ind}"
            rules.append("indicator.thin_label_subject")
    if (
        aside_parent is not None
        and peer is not None
        and _ind.is_average(ind)
        and fold(peer.indicator) not in fold(ind)
    ):
        # "tổng mức bán lẻ ... đạt 252,9 ngàn tỷ đồng, tăng 9% (bình quân 1 tháng khoảng 21
        # ngàn tỷ đồng)": the average of the amount in the same unit before the bracket
        ind = f"{peer.indicator} {ind}"
        rules.append("indicator.average_in_aside")
    per = re.match(r"/[^\W\d_]+", text[q.end : q.end + 12])  # "50,27 tạ/ha"
    unit = (q.unit or "") + (per.group(0) if per and q.unit else "")
    if (
        aside_parent is not None
        and rules[-1] in _HEADLESS_RULES
        and len(ind.split()) <= _MAX_PART_WORDS + 1
        and (
            _counts_alike(q, aside_parent.quantity)
            # "61 cuộc thanh tra (theo kế hoạch 56, đột xuất 05)": a bare count of a kind of
            # the parent's things (lexicon indicator_cues.kind_modifiers)
            or (
                q.kind == "count"
                and not q.unit
                and aside_parent.quantity.kind == "count"
                and _KIND_ONLY.fullmatch(ind) is not None
            )
        )
        and fold(aside_parent.indicator) not in fold(ind)
    ):
        # "tuyển sinh 252.286 lượt người (…, trung cấp 27.350 người": a part of the figure
        # the bracket details, named by it
        own = ind
        if q.unit and own.lower().endswith(" " + q.unit.lower()):
            own = own[: -len(q.unit) - 1]
        parent = aside_parent.indicator
        pred = _PAIR_PREDICATE_ANYWHERE.search(parent)
        if (
            q.unit
            and pred is not None
            and fold(own).startswith(fold(q.unit) + " ")
            and fold(parent).startswith(fold(q.unit) + " ")
            and _NOUN_LIST_ONLY.fullmatch(parent[: pred.start()])
        ):
            # "37 trường học đạt chuẩn quốc gia (13 trường mầm non, ...)": the part's own noun
            # in place of the parent's, with what the parent's things did
            ind = f"{own} {parent[pred.start() :].strip()}"
        else:
            ind = f"{parent} {own}"
        rules.append("indicator.part_in_aside")
    measure = vi.phrase_map("unit_measures").get(unit.lower())
    if measure and q.kind != "plan" and fold(measure) not in fold(ind):
        # "trồng mới 500 ha rừng": a figure in hectares is an area, per hectare a yield
        ind = f"{measure} {ind}"
        rules.append("indicator.measure_of_unit")
    if (
        q.kind == "count"
        and _PRIZE.match(post)
        and (event := _event_of(text, ss, se, q.start))
        and (prize := _prize_grades(post))
        and (
            fold(event) not in fold(ind)
            or not (fold(ind).startswith(fold(prize)) or _EVENT.search(prize))
            or rules[-1] == "indicator.part_in_aside"
        )
    ):
        # "Tại Đại hội Thể thao toàn quốc lần thứ IX, Đoàn ... đạt 107 huy chương các loại
        # (29 HCV, 22 HCB ...)": prizes are named with the contest that gave them
        ind = prize if _AT.search(prize) else f"{prize} tại {event}"
        rules.append("indicator.prize_at_event")
    elif (
        q.kind == "count"
        and _WON_PRIZE_END.search(ind)
        and (event := _event_of(text, ss, se, q.start))
        and fold(event) not in fold(ind)
    ):
        # "Trong kỳ thi chọn học sinh giỏi các cấp, ... 1.244 học sinh đạt giải": who won
        # prizes, at the contest that gave them
        ind = f"{ind} tại {event}"
        rules.append("indicator.prize_at_event")
    if (
        q.kind == "percent"
        and "indicator.clause_before" in rules
        and _SHARE_VERB_END.search(_clean(raw_pre))
        and ind
        and not _starts_with_head(ind)
    ):
        # "tội phạm về ma túy chiếm 13,9%": the share of what the clause names
        ind = _share_name(ind)
        rules.append("indicator.share_named")
    if (
        q.kind == "count"
        and prev is not None
        and prev.quantity.kind == "count"
        and _MEMBERS.match(post)
        and (group := _counted_group(text, prev, q))
        and not _MEMBERS.match(group)
        and not _listed_group(text, prev)
    ):
        # "thành lập 4 chi hội nghề nghiệp với 103 thành viên": the members of the groups just
        # counted, not another thing the act made
        ind = f"{post} {group}"
        rules.append("indicator.members_of_groups")
    if (dangling := _ind.drop_dangling(ind)) != ind and dangling:
        # "... ấp, khu phố văn hóa trong [toàn tỉnh]": a word that opens a phrase cut off
        ind = dangling
        rules.append("indicator.dangling_word_dropped")
    capped = _cap_words(_clean(ind))
    if capped != _clean(ind):
        capped = _ind.drop_dangling(capped) or capped  # "... cơ hội hợp tác đầu tư tại"
        rules.append("indicator.capped_at_boundary")
    ind = _lower_first(capped)
    return _Clause(
        cstart, delim, pre, ind, evid_start, rules, head, bool(head) and verb_head, level
    )


_SUBJECT_STOP = re.compile(
    rf"{_W0}(?:{_alt(vi.entry('indicator_cues.tense_words'))}|được"
    rf"|{_alt(vi.entry('indicator_cues.linking_verbs'))}"
    rf"|{_alt(vi.entry('indicator_cues.clause_verbs'))}){_W1}",
    _I,
)
_MAX_THIN_SUBJECT_WORDS = 8
_MAX_THIN_ACT_WORDS = 16
_SUBJECT_SPAN = 300  # a sentence's subject opens it: never scan a long sentence for one


_PASSIVE_END = re.compile(r"(?:^|\s)(?:tiếp\s+tục\s+)?(?:được|bị)\s*$", _I)


def _act_before_with(pre: str) -> str:
    """The act of a clause that ends with "với" before a bare count ("tổ chức đón tiếp và
    làm việc với" -> "đón tiếp và làm việc"), from its last clause verb; "" when none."""
    act = _strip_indicator(_ind.APPOSITION_END.sub("", pre))
    verbs = _ind.clause_verbs_in(act)
    if verbs and verbs[-1] > 0 and (passive := _PASSIVE_END.search(act, 0, verbs[-1])):
        # "hoạt động biểu diễn nghệ thuật đường phố tiếp tục được duy trì với": what was
        # done is named before the passive
        topic = act[: passive.start()].strip()
        if 2 <= len(topic.split()) <= _MAX_THIN_ACT_WORDS:
            return topic
    if verbs and verbs[-1] > 0:
        act = act[verbs[-1] :]
    if (light := _LIGHT_VERB.match(act)) and len(act[light.end() :].split()) >= 2:
        act = act[light.end() :]  # "tiếp tục thực hiện ...": as indicator.light_verb_dropped
    words = act.split()
    return act if 1 <= len(words) <= _MAX_THIN_ACT_WORDS else ""


def _sentence_subject(text: str, ss: int, cstart: int, starts: list[int]) -> str:
    """The noun phrase a sentence opens with, before its first verb ("Nợ quá hạn chiếm ..."
    -> "Nợ quá hạn"), when it is a name of two to eight words and not a department or a
    bare actor; "" otherwise."""
    pos, hi = ss, min(cstart, ss + _SUBJECT_SPAN)
    while pos < hi:
        c_end = min((i for i in (text.find(d, pos, hi) for d in ",;:") if i >= 0),
                    default=hi)  # fmt: skip
        fragment = text[pos:c_end]
        k = bisect_left(starts, pos)
        if k < len(starts) and starts[k] < c_end:  # a figure ends the subject
            fragment = text[pos : starts[k]]
        stripped = _ind.strip_time(_clean(fragment).strip(_EDGE_PUNCT))
        if stripped:
            stop = _SUBJECT_STOP.search(stripped)
            # "Tổng mức bán lẻ ... năm 2023 tăng trưởng mạnh": the year before the verb dates it
            subject = _ind.strip_time(stripped[: stop.start()].strip() if stop else stripped)
            words = subject.split()
            if (
                2 <= len(words) <= _MAX_THIN_SUBJECT_WORDS
                and not re.search(r"\d", subject)
                and not _ind.is_department(subject)
                # "Sở Y tế", "Cục Thi hành án dân sự": an actor named whole, who acts
                and _ind.strip_actor(f"{subject} x") != "x"
                and fold(subject) not in vi.folded_words("indicator_cues.bare_actors")
            ):
                return subject
            return ""
        pos = c_end + 1
    return ""


_NATIONAL = re.compile(r"(?:của\s+)?cả\s+nước(?:\s+(?:tăng|giảm|đạt|là|ở\s+mức))?$", _I)
_CHANGE_REST = re.compile(r"\s+(?:tăng|giảm|vượt|so\s+với|so\s+cùng)(?:\s.*)?$", _I)
_CHANGE_TAIL = re.compile(r"\s+(?:tăng|giảm)(?:\s+(?:thêm|mạnh|nhẹ))?$", _I)
_HEADLESS_RULES = frozenset(
    {"indicator.clause_before", "indicator.noun_after", "indicator.verb_object",
     "indicator.short_clause_and_unit"}
)  # fmt: skip
_MAX_PART_WORDS = 4
_MAX_OBJECT_WORDS = 7
_PARTNER = re.compile(r"(?<!\w)phối\s+hợp(?:\s+(?:tốt|chặt\s+chẽ))?\s+với\s+\S+", _I)
_WHOLE_LEAD = re.compile(r"^(?:trong|trên)\s+tổng\s+số\s+", _I)
_PARALLEL_RULES = frozenset({"indicator.plan_phrase"})
_ABOUT_ITEM = re.compile(r"^\W*(về\s+[^\W\d_]+(?:\s+[^\W\d_]+)?)\s+(?:đạt|là|chiếm)\s*$", _I)


def _parallel_item(
    prev_ind: str, ind: str, raw_pre: str, rate_clause: bool
) -> tuple[str, str | None]:
    """The name of a rate's item that follows the previous rate (``prev_ind``) after a comma,
    or "": the item replaces the previous one's under the same head ("án hành chính" after
    "tỷ lệ giải quyết án dân sự"); in a rate's own clause (``rate_clause``) also "về ..." for
    "về ..." ("về tiền" after "tỷ lệ thi hành xong về việc") and an acronym for the rate's
    own acronym ("BHXH" after "tỷ lệ bao phủ BHYT ... dân số"). With the name, the head the
    next items share (None: the figure's head stays as it was)."""
    # the numbers of an item are no words of it ("trẻ 3 – 5 tuổi": two words)
    words = [w for w in ind.split() if not _NUMBER_TOKEN.fullmatch(w)]
    if (
        len(words) <= _MAX_PART_WORDS
        and not _RATE_HEAD.match(ind)
        and (head := _parallel_head(prev_ind, ind))
    ):
        return f"{head} {ind}", head
    if not rate_clause:
        return "", None
    if (about := _ABOUT_ITEM.match(_clean(raw_pre))) and (
        head := _parallel_head(prev_ind, about.group(1))
    ):
        return f"{head} {about.group(1)}", head
    rate = _SHARE_BASE_TAIL.sub("", prev_ind)
    if (
        _ACRONYM.fullmatch(ind)
        and _RATE_LEAD.match(rate)
        and len(rate.split()) >= 4
        and _ACRONYM.fullmatch(rate.split()[-1])
    ):
        return f"{rate.rsplit(' ', 1)[0]} {ind}", None
    return "", None


def _parallel_head(prev_ind: str, ind: str) -> str:
    """The head of ``prev_ind`` before its item when ``ind`` opens with that item's first
    word ("tỷ lệ giải quyết án dân sự" + "án hành chính" -> "tỷ lệ giải quyết"), else ""."""
    words, own = prev_ind.split(), ind.split()
    if not own:
        return ""
    first = fold(own[0])
    for i in range(len(words) - 1, 0, -1):
        # "tỷ lệ huy động trẻ đến trường ở độ tuổi từ 0 – 2 tuổi" + "trẻ 3 – 5 tuổi": a rate's
        # short head governs an item of any length
        short_rate = i <= _MAX_RATE_HEAD_WORDS and _RATE_LEAD.match(" ".join(words[:i]))
        if fold(words[i]) == first and (len(words) - i <= _MAX_PART_WORDS or short_rate):
            return "" if fold(" ".join(words[i:])) == fold(ind) else " ".join(words[:i])
    return ""


_MAX_RATE_HEAD_WORDS = 5  # "tỷ lệ huy động", "tỷ lệ học sinh tốt nghiệp"
_NUMBER_TOKEN = re.compile(r"[\d.,]+|[-–]")


_SHARE_BASE_TAIL = re.compile(r"\s+so\s+với\s+.*$", _I)  # "... so với dân số"
_ACRONYM = re.compile(r"[A-ZĐ]{2,}[A-ZĐ0-9&-]*")  # "BHYT", "THCS", "LĐ-TB&XH"
_RATE_LEAD = re.compile(r"^(?:tỷ|tỉ)\s+lệ\s+", _I)
_SIGN_ONLY = re.compile(r"\s*[-–+]\s*$")  # "(- 6,6%)", "(+5%)"
_HAS_CHANGE = re.compile(r"(?<!\w)(?:tăng|giảm)(?!\w)", _I)
_SHARE_VERB_END = re.compile(r"(?<!\w)chiếm\s*$", _I)
_SIZE_MEASURES = vi.folded_words("measure_heads") - {fold("tổng số"), fold("số lượng")}
# the sizes a count's things have, told after a comma (not what they earn or yield: "đón 1,2
# triệu lượt khách, doanh thu 560 tỷ đồng" is the whole sector's)
_COUNTED_SIZES = frozenset(fold(w) for w in _ind.COUNTED_SIZES)


def _comma_after_count(text: str, delim: str, cstart: int, ss: int, prev: Candidate | None) -> bool:
    """Whether the clause opens with the comma right after the previous figure's counted noun
    ("có 73 doanh nghiệp tham gia liên kết tiêu thụ lúa, diện tích 61.922ha")."""
    if delim != "," or prev is None or not ss < prev.quantity.end < cstart:
        return False
    between = _clean(text[prev.quantity.end : cstart - 1])
    counted = fold(prev.indicator)
    # "trồng 500 ha lúa, sản lượng 3.000 tấn": the figure before is a measure itself
    measured = any(counted.startswith(f"{m} ") for m in _SIZE_MEASURES)
    return bool(between) and counted.endswith(fold(between)) and not measured


_WITH_ONLY = re.compile(r"^[\s,]*với\s*$", _I)
_MEMBERS = re.compile(rf"(?:{_alt(list(_ind.MEMBER_NOUNS))})(?!\w)", _I)
# the noun phrase a count names, up to "với" ("4 chi hội nghề nghiệp với"): no digit, no comma
_GROUP_NOUNS = re.compile(r"\s*([^\W\d_]+(?:\s+[^\W\d_]+){0,5}?)\s*,?\s*với\s*$", _I)


_LIST_BEFORE = re.compile(r"(?P<word>[^\W\d_]+)?\W*\s*(?:,|\bvà)\s*$", _I)


def _listed_group(text: str, prev: Candidate) -> bool:
    """Whether ``prev``'s count closes a list of groups ("238 tổ chức Hội, 2.400 Chi hội và 576
    Ban Khuyến học với 262.000 hội viên": the members of them all), not one after a members
    count ("... với 103 thành viên và 35 tổ hội với 845 thành viên")."""
    m = _LIST_BEFORE.search(text, max(0, prev.quantity.start - 40), prev.quantity.start)
    if m is None:
        return False
    word = text[max(0, m.start() - 12) : m.end()]
    return _MEMBERS.search(word) is None


def _counted_group(text: str, prev: Candidate, q: Quantity) -> str:
    """The noun phrase ``prev`` counts when only "với" stands between it and ``q``, else ""."""
    m = _GROUP_NOUNS.fullmatch(text, prev.quantity.num_end, q.start)
    return _clean(m.group(1)) if m else ""


_AND_ONLY = re.compile(r"^\s*và\s*$", _I)
_RATE_HEAD = re.compile(r"(?:tỷ|tỉ)\s+(?:lệ|trọng)(?!\w)", _I)
# what measures the money only ("tổng số tiền phát hiện vi phạm" -> "phát hiện vi phạm")
_MONEY_HEAD = re.compile(r"^(?:tổng\s+)?(?:số\s+tiền|giá\s+trị|kinh\s+phí|trị\s+giá)\s+", _I)
_QUALIFIED = r"(?:(?:khoảng|hơn|trên|gần|dưới)\s+)?"  # a count's optional qualifier


def _next_count(joint: str) -> re.Pattern[str]:
    """Another count right after ``joint`` ("và", "với"), its qualifier allowed."""
    return re.compile(rf"\s+{joint}\s+{_QUALIFIED}(?=\d)", _I)


# "... 27 tập thể và 49 cá nhân", "13 xã và khoảng 28 làng": another count joined by "và"
_AND_NEXT_COUNT = _next_count("và")
_WITH_NEXT_COUNT = _next_count("với")
# "điều tra làm rõ 86 vụ, 113 đối tượng (...)": a bare count of one or two words after a comma
# ("xử phạt 37 vụ, 63 trường hợp với tổng số tiền phạt ...": "với" adds what came with it;
# "cho 381 tổ chức, 710 cá nhân và cấp ...": "và" the next act)
_COMMA_NEXT_BARE_COUNT = re.compile(
    rf"\s*,\s+{_QUALIFIED}\d[\d.,]*\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s*(?=[,;.(]|với\s|và\s|$)", _I
)
_SIBLING_LEAD = re.compile(r"^[\s,;]*(?:và|hoặc|còn|với)?(?!\w)", _I)
_OWN_PREDICATE = re.compile(r"(?<!\w)(?:được|tham\s+gia|tham\s+dự)(?!\w)", _I)


_INCIDENT_END = re.compile(rf"(?:^|\s)(?:{_alt(vi.entry('incident_verbs'))})$", _I)
_CONSEQUENCES = f"(?:{_alt(vi.entry('consequence_verbs'))})"
_HARMS = f"(?:{_alt(vi.entry('harms'))})"
_CONSEQUENCE = re.compile(rf"{_CONSEQUENCES}(?:\s+|$)", _I)
_HARM = re.compile(_HARMS, _I)
_HARM_TOLD = re.compile(rf"\s+{_CONSEQUENCES}\s+{_HARMS}(?!\w).*$", _I)  # "... làm chết 702 người"


def _harm_of_incident(pre: str, post: str, prev: Candidate) -> str:
    """ "người chết do tai nạn giao thông" for "làm 195 người chết" (or "làm chết 3 người",
    "252 người bị thương") right after a count of incidents or of their harm; "" otherwise."""
    if "indicator.incident" in prev.rules:
        event = prev.indicator.split(" ", 1)[-1]  # "vụ tai nạn giao thông" -> the incident
    elif "indicator.harm_of_incident" in prev.rules:
        event = prev.indicator.split(" do ", 1)[-1]
    else:
        return ""
    post = post.split(",", 1)[0].strip()
    if not post:
        return ""
    # "754 vụ tai nạn giao thông làm chết 702 người": the incident's own words come first
    told = prev.indicator.split(" ", 1)[-1]
    if fold(pre).startswith(fold(told) + " "):
        pre = pre.strip()[len(told) :].strip()
    rest = pre[m.end() :] if (m := _CONSEQUENCE.match(pre)) else pre
    harm_before = _HARM.fullmatch(rest)
    if rest and not harm_before:
        return ""  # the clause says something else ("phát hiện 12 người")
    if harm_before:
        return f"{post} {harm_before.group(0)} do {event}"
    if not _HARM.search(post):
        return ""
    if _CAUSE_TOLD.search(post):
        return post  # "2 người bị thương do cháy nổ": the harm names its cause itself
    return f"{post} do {event}"


_CAUSE_TOLD = re.compile(r"(?<!\w)do\s+\w", _I)


_PRIZE = re.compile(rf"(?:{_alt(vi.entry('prizes'))})(?!\w)", _I)
# "giải Nhất, Nhì, Ba", "huy chương Vàng, Bạc và Đồng": the grades listed after a prize
_PRIZE_GRADES = re.compile(rf"[^,]*(?:\s*(?:,|\s+và)\s*{_CAP}\w*(?=\s*(?:,|và\s|$)))*", _I)


_WON_PRIZE_END = re.compile(
    rf"(?<!\w)(?:{_alt(vi.entry('prize_win_verbs.words'))})(?:\s+được)?\s+{_PRIZE.pattern}$", _I
)


def _prize_grades(post: str) -> str:
    """The prize a count names, with the grades listed after it over commas."""
    return _PRIZE_GRADES.match(post).group().strip()  # type: ignore[union-attr]


_EVENT = re.compile(
    rf"(?<!\w)(?:{_alt(vi.entry('event_leads.words'))})\s+(?:\d+\s+)?"
    rf"((?:{_alt(vi.entry('competitions'))})(?!\w)[^,;:()…]*)",
    _I,
)
_EVENT_END = re.compile(
    rf"\s+(?:với|đạt|giành|và\s+(?:đạt|giành)|năm\s+\d{{4}}"
    rf"|{_alt(vi.entry('event_qualifiers.words'))})(?!\w).*$",
    _I,
)
_MAX_EVENT_WORDS = 12
_AT = re.compile(r"(?<!\w)tại\s", _I)


def _event_of(text: str, ss: int, se: int, pos: int) -> str:
    """The contest named in the sentence of a prize at ``pos`` ("Tại Đại hội Thể thao toàn
    quốc lần thứ IX năm 2022, ..." -> "Đại hội Thể thao toàn quốc lần thứ IX"): the last
    one before it, else the first after it; "" when there is none."""
    found = [(m.start(), m.group(1)) for m in _EVENT.finditer(text, ss, se)]
    before = [e for at, e in found if at < pos]
    after = [e for at, e in found if at > pos]
    event = before[-1] if before else after[0] if after else ""
    words = _EVENT_END.sub("", event).rstrip(" .").split()
    return " ".join(words) if len(words) <= _MAX_EVENT_WORDS else ""


_TOPIC = re.compile(
    rf"\W*(?:(?:trong\s+)?năm\s+\d{{4}}\s*,\s*)?"  # "Năm 2020, về ..."
    rf"(?:{_alt(vi.entry('topic_leads'))})\s+(?:(?:{_alt(vi.entry('topic_heads'))})\s+)?"
    r"([^,;:()]{3,120}?)\s*[,:]",
    _I,
)


_TOPIC_WORK = re.compile(
    rf"\W*(?:(?:trong\s+)?năm\s+\d{{4}}\s*,\s*)?(?:{_alt(vi.entry('topic_clause')['topics'])})\s+"
    rf"([^;:()]{{3,120}}?)\s+(?:(?:{_alt(vi.entry('topic_clause')['adverbs'])})\s+)*"
    rf"(?:{_alt(vi.entry('topic_clause')['predicates'])})(?!\w)[^;:()]*?,",
    _I,
)


def _topic_of(text: str, ss: int, pos: int) -> str:
    """The topic a sentence opens with ("Về chỉ tiêu tổng mức bán lẻ ..., năm 2022 ...", or
    "Công tác thu hồi tài sản ... được quan tâm, ...") when it closes before the figure at
    ``pos``; "" otherwise."""
    m = _TOPIC.match(text, ss, pos) or _TOPIC_WORK.match(text, ss, pos)
    return _clean(m.group(1)) if m else ""


# a predicate a pair shares opens with a verb lead, so it may be as long as a whole label
_MAX_PAIR_PREDICATE_WORDS = 12
_PAIR_PREDICATE = re.compile(rf"(?:{_alt(vi.entry('pair_predicate_leads'))})(?!\w)", _I)
_PAIR_PREDICATE_ANYWHERE = re.compile(rf"{_W0}{_PAIR_PREDICATE.pattern}", _I)
# a short list of nouns ("huyện, thị xã, thành phố") before a pair's predicate
_NOUN_LIST_ONLY = re.compile(
    r"\s*[^\W\d_]+(?:\s+[^\W\d_]+)?(?:\s*,\s*[^\W\d_]+(?:\s+[^\W\d_]+)?){0,4}\s*"
)
# the next count of a list over commas ("49 hợp tác xã, 812 trang trại, ...")
_COMMA_NEXT_COUNT = re.compile(rf"\s*,\s+{_QUALIFIED}(?=\d)|{_AND_NEXT_COUNT.pattern}", _I)
_MAX_LISTED_COUNTS = 6
_OF_TOTAL = re.compile(r"\s+(?:trong|trên)\s+(?:tổng\s+)?số\s+(?=\d)", _I)
# the item of a list right before a figure: ", " after a count and its words
_ITEM_BEFORE = re.compile(r"\d[\d.,/]*(\s[^\d;:.()]{1,50}),\s+" + _QUALIFIED + "$", _I)
_ASIDE = re.compile(r"\s*\([^()]{1,40}\)")


def _predicate_at(text: str, pos: int, se: int) -> str:
    """The predicate a list's counts share when it starts at ``pos`` ("được công nhận đạt
    chuẩn quốc gia"), or ""."""
    tail = _ind.noun_after(text, pos, se)
    if _PAIR_PREDICATE.match(tail) and 2 <= len(tail.split()) <= _MAX_PAIR_PREDICATE_WORDS:
        return tail
    return ""


def _past_aside(text: str, pos: int) -> int:
    """``pos``, or the end of a short aside in brackets right after it ("(đạt 83,19%)")."""
    aside = _ASIDE.match(text, pos)
    return aside.end() if aside else pos


_NOUNS_THEN_AND = re.compile(r"(?:\s*,\s*[^\W\d_]+(?:\s+[^\W\d_]+)?){1,4}(?=\s+và\s)", _I)


# the share head a rate's label starts with ("tỷ lệ thi hành xong việc")
_RATE_LEAD = re.compile(r"^(?:tỷ|tỉ)\s+lệ\s+", _I)


def _predicate_of_pair(text: str, q: Quantity, post: str, se: int) -> str:
    """What follows the second count of "13 xã và 28 làng đạt chuẩn nông thôn mới" or of
    "54/56 cơ sở và 12/14 bệnh viện đã xây dựng hệ thống xử lý nước thải" (its noun phrase
    without its unit: "đạt chuẩn nông thôn mới"); "" when the figure is not the first of such
    a pair."""
    if _PAIR_PREDICATE_ANYWHERE.search(post):
        # "191 xã đạt chuẩn nông thôn mới nâng cao và 84 xã đạt chuẩn ... kiểu mẫu": the first
        # count says what it did itself
        return ""
    at = text.find(post, q.end - len(q.unit or "") if q.unit else q.end)
    end = _past_aside(text, at + len(post)) if at >= 0 else -1
    if at >= 0 and end > at + len(post) and (tail := _predicate_at(text, end, se)):
        # "15/23 trường THPT (đạt 65,21%) được công nhận đạt chuẩn quốc gia": the predicate
        # goes on past the count's aside
        return tail
    if at >= 0 and (total := _OF_TOTAL.match(text, end)):
        # "63 trường trong tổng số 74 trường đạt chuẩn quốc gia": what the whole did, the part
        # did
        whole = next(iter(find_quantities(text[total.end() : min(se, total.end() + 40)])), None)
        if whole is None or whole.start != 0 or fold(whole.unit or "") != fold(q.unit or ""):
            return ""
        return _predicate_at(text, total.end() + whole.end, se)
    m = _AND_NEXT_COUNT.match(text, end) if at >= 0 else None
    if (
        m is None
        and (item := _ITEM_BEFORE.search(text, max(0, q.start - 60), q.start))
        and _PAIR_PREDICATE_ANYWHERE.search(item.group(1))
    ):
        # "38 sáng kiến được công nhận cấp cơ sở, 1 sáng kiến cấp tỉnh, 29 cán bộ ... hoàn
        # thành ...": the list's items say what they did themselves
        return ""
    if m is None and (listed := _NOUNS_THEN_AND.match(text, q.end)):
        # "191/192 xã, phường, thị trấn và 15/15 huyện ...": the first count's nouns listed
        m = _AND_NEXT_COUNT.match(text, listed.end())
    chained = False
    for _ in range(_MAX_LISTED_COUNTS):
        if m is None and end >= 0:
            chained = True
            # "49 hợp tác xã, 812 trang trại, 2.097 gia trại đạt ...": a list of counts over
            # commas shares what follows its last one
            m = _COMMA_NEXT_COUNT.match(text, end)
        if m is None:
            return ""
        second = next(iter(find_quantities(text[m.end() : min(se, m.end() + 40)])), None)
        if (
            second is None
            or second.start != 0
            or not second.unit
            or second.kind not in ("count", "fraction", "percent")
            # "75% thôn, tổ dân phố và 85% cơ quan đạt chuẩn văn hóa": shares with shares
            or (second.kind == "percent") != (q.kind == "percent")
        ):
            return ""
        rest = _ind.noun_after(text, m.end() + second.end, se)
        end = m.end() + second.end
        end = _past_aside(text, text.find(rest, end) + len(rest) if rest else end)
        if (
            not _PAIR_PREDICATE_ANYWHERE.search(rest)
            and end > m.end() + second.end + len(rest)
            and _PAIR_PREDICATE.match(tail := _ind.noun_after(text, end, se))
        ):
            rest = tail  # "15/23 trường THPT (đạt 65,21%) được công nhận ...": past the aside
        pred = _PAIR_PREDICATE_ANYWHERE.search(rest)
        if pred and chained and "," in rest[: pred.start()]:
            return ""  # "4 nhà vệ sinh công cộng, trang bị 20 thùng rác": the next act's verb
        if pred or not _COMMA_NEXT_COUNT.match(text, end):
            break
        if rest and not _NOUN_LIST_ONLY.fullmatch(rest):
            return ""
        m = None  # another item of the list: go on to the next count
    else:
        return ""
    if (
        not _PAIR_PREDICATE.match(rest)
        and (pred := _PAIR_PREDICATE_ANYWHERE.search(rest))
        and _NOUN_LIST_ONLY.fullmatch(rest[: pred.start()])
    ):
        # "... và 15/15 huyện, thị xã, thành phố được công nhận ...": past the second count's
        # own nouns
        rest = rest[pred.start() :].strip()
    words = rest.split()
    if not _PAIR_PREDICATE.match(rest) or not 2 <= len(words) <= _MAX_PAIR_PREDICATE_WORDS:
        return ""  # "55 điểm giao dịch và 140 Bưu điện văn hóa xã": another noun, not a predicate
    return rest


def _colon_head(text: str, ss: int, pos: int) -> str:
    """The head before a colon that governs the list the figure at ``pos`` is in."""
    colon = text.rfind(":", ss, pos)
    if colon < 0 or re.search(r"[;.]", text[colon:pos]) or not text[colon + 1 : pos].strip():
        return ""
    h0, _d = _clause_start(text, ss, colon, ss)
    if _ind.is_generic_head(text[h0:colon]) or (h0 == ss and _is_name_prefix(text[h0:colon])):
        return ""
    head = _strip_indicator(text[h0:colon])
    if not head or len(head.split()) > 10 or re.search(r"\d", head):
        return ""
    return head


_QUALIFIER_END = re.compile(r"\s+(?:trên|hơn|khoảng|gần|dưới|đạt)$", _I)


# Lexicon phrase lists as patterns (longest first, any inner whitespace)
_ESTIMATES = re.compile(rf"{_W0}(?:{_alt(vi.entry('estimate_markers'))}){_W1}", _I)
_LIGHT_VERB = re.compile(rf"(?:{_alt(vi.entry('light_verbs'))})\s+", _I)
# a light verb or "hoàn thành" alone before a share: an act that names nothing yet
_BARE_ACTS = frozenset(fold(w) for w in (*vi.entry("light_verbs"), "hoàn thành"))
_WITH_HEAD = re.compile(rf"{_W0}với\s+(?=(?:{_alt(vi.entry('measure_heads'))}){_W1})", _I)
_COPULA_END = re.compile(r"(?<!\w)là\s*$", _I)
_CONJUNCTION = re.compile(rf"{_W0}(?:{_alt(vi.entry('clause_conjunctions'))})\s+", _I)


def _with_head(pre: str) -> int | None:
    """Where a measure named after "với" starts in the clause before a figure (the last
    such "với"), or None."""
    found = list(_WITH_HEAD.finditer(pre))
    return found[-1].end() if found and found[-1].start() > 0 else None


_INNER_YEAR = re.compile(r"\s+(?:trong\s+)?năm\s+(?:19|20)\d\d(?!\w)(?!\s*[-–]\s*\d)", _I)


_COMPARISON_START = re.compile(rf"{_W0}so(?!\s+sánh){_W1}", _I)  # "so với", "so năm 2014"
# a comparison, a range or a price base: its year belongs to it
_BASE_START = re.compile(
    rf"{_W0}(?:so(?!\s+sánh)|từ|đến|kế\s+hoạch|giai\s+đoạn|giá\s+so\s+sánh){_W1}", _I
)


def _edit_name(ind: str, edit: Callable[[str], str], until: re.Pattern[str]) -> str:
    """``ind`` with ``edit`` applied to its name, the part before ``until`` (a comparison
    keeps its own words); ``ind`` unchanged when the edit changes nothing or leaves nothing."""
    m = until.search(ind)
    head, tail = (ind[: m.start()], ind[m.start() :]) if m else (ind, "")
    new = " ".join(edit(head).split())
    if new == " ".join(head.split()) or not new:
        return ind
    return f"{new} {tail}".strip()


def _drop_inner_year(ind: str) -> str:
    """``ind`` without "năm 2016" inside its name (a comparison's base year stays: "tăng so
    với năm 2015")."""
    return _edit_name(ind, lambda head: _INNER_YEAR.sub("", head), _BASE_START)


def _drop_estimates(ind: str) -> str:
    """``ind`` without estimate markers (lexicon ``estimate_markers``: "ước", "dự kiến")
    before any comparison ("tăng so với ước thực hiện năm 2021" keeps its base) and
    without a qualifier left dangling at its end ("du khách ước đạt trên" -> "du khách")."""

    def edit(head: str) -> str:
        if not _ESTIMATES.search(head):
            return head
        return _QUALIFIER_END.sub("", " ".join(_ESTIMATES.sub(" ", head).split()))

    return _edit_name(ind, edit, _COMPARISON_START)


_EXISTENTIAL_END = re.compile(r"(?<!\w)(?:hiện\s+|đã\s+|vẫn\s+)?có\s*$", _I)
_OWN_CHANGE_VERB = re.compile(r"(?:tăng\s+thêm|giảm\s+thêm|tăng|giảm|vượt)(?!\w)", _I)
_MAX_PURPOSE_WORDS = 8
_PREPOSITIONS = frozenset(("thuộc", "của", "tại", "ở", "cho", "tới", "đối với", "trên", "trong"))
_MEANS_LEAD = re.compile(r"(?:thông\s+qua|qua|từ|nhờ|với|bằng)(?!\w)", _I)
_SHORT_COORDINATED = 3
_MAX_COORDINATED = 8  # words of a noun coordinated between two commas ("nông, lâm, ...")
_MAX_COMMAS_BACK = 4


def _starts_with_head(phrase: str) -> bool:
    folded = fold(phrase)
    return any(folded == h or folded.startswith(h + " ") for h in vi.folded_words("measure_heads"))


def _share_name(phrase: str) -> str:
    """A share of what ``phrase`` names: its rate, unless a measure heads it already."""
    return phrase if _starts_with_head(phrase) else f"tỷ lệ {_lower_first(phrase)}"


def _head_over_commas(
    text: str, ss: int, cstart: int, prev_end: int, starts: list[int], seg: str
) -> tuple[int, str] | None:
    """(start, delimiter) of an earlier comma fragment that opens with a measure head
    (lexicon ``measure_heads``: "tỷ lệ", "giá trị", ...) and governs the fragments up to
    the figure's own, which are short coordinated nouns ("giá trị sản xuất nông, lâm, ngư
    nghiệp tăng 4%"); None when the figure's fragment names its own measure, a fragment
    holds a figure, or a clause lies between."""
    if not seg or _starts_with_head(seg):
        return None
    end = cstart - 1  # the comma before the figure's fragment
    for _ in range(_MAX_COMMAS_BACK):
        c2, d2 = _clause_start(text, ss, end, prev_end)
        if _any_in(starts, c2, end) or c2 <= prev_end and c2 > ss:
            return None
        fragment = _strip_indicator(text[c2:end])
        if _starts_with_head(fragment):
            return (c2, d2) if len(fragment.split()) <= _MAX_IND_WORDS else None
        if d2 != "," or len(fragment.split()) > _MAX_COORDINATED or not fragment:
            return None
        if len(fragment.split()) > _SHORT_COORDINATED and _SUBJECT_VERB.search(fragment):
            return None  # a longer fragment with a verb of its own is a clause, not a noun
        end = c2 - 1
    return None


def _any_in(starts: list[int], lo: int, hi: int) -> bool:
    """Whether a sorted ``starts`` has a value in ``[lo, hi)`` (bisection, not a scan: a
    one-line megabyte has thousands of figures in its one sentence)."""
    k = bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi


def _join_overlapping(whole: str, part: str) -> str:
    """``whole`` then ``part``, the words ``part`` repeats from the end of ``whole`` told once
    ("tỷ lệ lao động qua đào tạo" + "lao động qua đào tạo có bằng cấp" -> "tỷ lệ lao động qua
    đào tạo có bằng cấp")."""
    ws, ps = whole.split(), part.split()
    folded_ws, folded_ps = [fold(w) for w in ws], [fold(w) for w in ps]
    for n in range(min(len(ws), len(ps)), 1, -1):
        if folded_ws[-n:] == folded_ps[:n]:
            return " ".join([*ws, *ps[n:]])
    return f"{whole} {part}"


# The indicator rules, as _indicator tries them (the first that applies names the figure;
# "indicator.comma_list_rejoined" and "indicator.shared_head" add to another).
INDICATOR_RULES: tuple[NamedRule, ...] = register(
    named(
        "indicator.table_row",
        "a flattened table row is named by its first cell",
        "Kim ngạch xuất khẩu | 27 tỷ USD | 27,6 tỷ USD",
        "extractor.indicators.table_row",
    ),
    named(
        "indicator.change_of_unit_peer",
        "a change counted in another unit than the figure before it compares the sentence's "
        "last count in its own unit",
        "thụ lý 1.079 vụ, 1.369 bị can, giảm 02 vụ, tăng 19 bị can so với cùng kỳ",
    ),
    named(
        "indicator.done_object",
        "a count after 'hoàn thành' names the things done, not the clause before the verb",
        "chủ động thực hiện nhiều biện pháp hoàn thành 117/152 chỉ tiêu",
    ),
    named(
        "indicator.act_with_object",
        "a share after a bare act ('thực hiện', 'hoàn thành') is named with the act and its "
        "object after the share",
        "Hội ND tỉnh đã thực hiện đạt 100% các chỉ tiêu T.Ư Hội giao",
        "lexicon:light_verbs",
    ),
    named(
        "indicator.same_measure_before",
        "a figure whose own words name nothing, first in its sentence, takes the name of the "
        "last figure of the sentence before, of the same kind and unit",
        "Năm 2023, tỷ lệ tiêm chủng đạt 98,5%. Năm 2024, phấn đấu đạt 99%.",
    ),
    named(
        "indicator.and_after_amount",
        "a count joined by 'và' to an amount is what the same act reached besides the money",
        "kiến nghị thu hồi 3.471,1 triệu đồng và 1.200m2 đất",
    ),
    named(
        "indicator.subject_distinguishes",
        "figures of one paragraph that would share a label, each clause opening with its own "
        "actor, are named with their actors",
        "Toà án nhân dân tỉnh thụ lý 450 vụ; ... Toà án nhân dân cấp huyện thụ lý 3.578 vụ",
    ),
    named(
        "indicator.pair_tail",
        "the first count of a pair ('/' or 'với') takes the words that follow the second "
        'when it has no name of its own ("13 vụ với 23 đối tượng buôn lậu")',
        "162 vụ/225 bị can về tội phạm về ma túy",
    ),
    named(
        "indicator.slash_pair",
        "the second count of a pair joined by '/' is what the first counts, with its own noun",
        "khởi tố mới 1.199 vụ/1.671 bị can",
    ),
    named(
        "table.plan_column",
        'the figure sits in a column headed "Kế hoạch" (assigned plan)',
        "Chỉ tiêu | Kế hoạch | Thực hiện",
        "extractor.indicators.table_row",
    ),
    named(
        "indicator.comma_list_rejoined",
        "commas inside the noun phrase joined back",
        "nông, lâm, thủy sản đạt 3,6%",
        "indicators._LIST_TAIL",
        "indicators._ACRONYM_END",
    ),
    named(
        "indicator.address_apposition",
        "an address after a name describes the name, which is the subject; the address is left out",
        "Khu di tích QGĐB Pác Bó, xã Trường Hà (Hà Quảng) đón tiếp 922 đoàn",
        "lexicon:address_levels",
    ),
    named(
        "indicator.head_over_commas",
        "a measure head before short coordinated nouns governs them all",
        "giá trị sản xuất nông, lâm, ngư nghiệp tăng 4%",
        "lexicon:measure_heads",
    ),
    named(
        "indicator.generic_and_counted",
        'a generic head ("tổng số") before a count: the head and the thing counted',
        "với tổng số 395 văn bản được rà soát",
        "indicators._GENERIC_IND",
    ),
    named(
        "indicator.measure_of_previous_count",
        'a size ("tổng diện tích", "tổng vốn") right after a count and "với" measures the '
        "things counted",
        "triển khai 24 cánh đồng lớn với tổng diện tích hơn 2.913 ha",
        "lexicon:measure_heads",
    ),
    named("indicator.plan_phrase", "a plan phrase standing alone", "vượt 5% kế hoạch"),
    named(
        "indicator.share_named",
        'a share ("X chiếm N%") is the rate of what its clause names, unless a measure '
        "heads it already",
        "tội phạm về ma túy chiếm 13,9%",
        "lexicon:measure_heads",
    ),
    named(
        "indicator.ratio_of_previous",
        '"chiếm X%": the share of the previous figure\'s thing',
        "1.200 hộ thoát nghèo, chiếm 2,5%",
        "indicators._RATIO_OF_PREV",
    ),
    named(
        "indicator.thin_label_act",
        'a bare count after "với" named by one word takes the act the clause names',
        "tổ chức đón tiếp và làm việc với 69 đoàn",
        "lexicon:indicator_cues.apposition_leads",
        "lexicon:indicator_cues.clause_verbs",
    ),
    named(
        "indicator.thin_label_subject",
        "a bare verb of one content word takes the noun phrase its sentence opens with "
        "(not a department or a bare actor)",
        "Quỹ Cứu trợ tỉnh đã tiếp nhận 12 tỷ đồng; chi trong năm 3,8 tỷ đồng",
        "lexicon:indicator_cues.tense_words",
        "lexicon:indicator_cues.linking_verbs",
        "lexicon:indicator_cues.clause_verbs",
        "lexicon:indicator_cues.bare_actors",
    ),
    named(
        "indicator.measure_of_topic",
        'a bare measure ("giá trị", "tổng số") or a bare verb ("cứng hoá") of the topic its '
        'sentence opens with ("Về ...,")',
        "Về chỉ tiêu tổng mức bán lẻ hàng hóa ..., năm 2022 ước đạt giá trị 71.029 tỷ đồng",
        "lexicon:topic_leads",
        "lexicon:topic_heads",
    ),
    named(
        "indicator.generic_of_previous",
        'a generic name ("số tiền") completed by the previous figure\'s',
        "hỗ trợ 500 hộ với số tiền 2 tỷ đồng",
        "indicators._GENERIC_IND",
    ),
    named(
        "indicator.harm_of_cause",
        'after "với", things that suffered ("bị chết") are named with the cause before "với"',
        "bệnh dịch tả lợn châu Phi với 3.544 con bị chết và tiêu hủy",
        "lexicon:suffer_leads",
    ),
    named(
        "indicator.label_before_aside",
        'a label line "<name> (<aside>): N" is named by the words before its aside',
        "Tổng số giờ phát sóng phim truyện Việt Nam (521 tập tính trong 4 quý): 390 giờ",
    ),
    named(
        "indicator.per_unit_of_previous",
        'an amount "mỗi <classifier>" after a count of that classifier is each one\'s amount',
        "936 suất học bổng cho học sinh nghèo (mỗi suất từ 1 đến 10 triệu đồng)",
        "lexicon:per_unit_amount_leads",
    ),
    named(
        "indicator.count_of_share",
        "a fraction alone in brackets after a share counts the share's things",
        "cháy ở khu vực dân cư chiếm 42% tổng số vụ (13/31 vụ)",
    ),
    named(
        "indicator.partner_dropped",
        '"phối hợp với <partner> <verb> N": the act after the partner names the figure',
        "phối hợp với các Ban quản lý dự án triển khai 21 dự án lưới điện 110kV",
        "indicators.CLAUSE_VERBS",
    ),
    named(
        "indicator.workload_base",
        'the whole after "trong tổng số" when it is an agency\'s workload; a rate after it is '
        "of the part before it",
        "giải quyết 12.926 vụ việc trong tổng số 13.637 vụ việc thụ lý, đạt tỷ lệ 94,7%",
        "lexicon:workload_verbs",
    ),
    named(
        "indicator.national_benchmark",
        '"cả nước tăng X%" beside a figure: the country\'s figure of the same measure',
        "tăng 47,8% so với cùng kỳ (cả nước tăng 8,6%)",
    ),
    named(
        "indicator.signed_change_in_aside",
        "a signed percentage in brackets is the relative change of the figure before it",
        "giảm 11 vụ (- 6,6%), giảm 01 người chết (-0,8%)",
    ),
    named(
        "indicator.count_of_aside_complement",
        'a count in brackets after "là lĩnh vực ...": the things counted, of that field',
        "Trong đó chủ yếu là lĩnh vực khoa học nông nghiệp (21 đề tài, 8 dự án)",
        "indicators._COMPLEMENT",
    ),
    named(
        "indicator.parallel_item",
        "an item after a comma under the previous rate's head (the item replaces the previous "
        "rate's own, the head stays)",
        "tỷ lệ giải quyết án dân sự vượt 9%, án hành chính vượt 22,25%",
    ),
    named(
        "indicator.part_names_itself",
        "a part opened by 'trong đó' with its own act and an object with its own predicate "
        "names itself, not as a part of the whole before it",
        "tạo việc làm cho 44.339 lượt hộ, trong đó đã giúp 463 lượt học sinh, sinh viên được "
        "vay vốn học tập",
    ),
    named(
        "indicator.change_in_aside",
        "a change or a level in brackets, with no name of its own, named by the clause "
        "outside (its verb may open it)",
        "Giá trị sản xuất tăng mạnh (tăng trên 23% so năm 2009)",
    ),
    named(
        "indicator.change_of_previous",
        'a bare change ("tăng X% so với ...", or in the previous figure\'s unit) of the '
        "previous figure",
        "đạt 1.200 tỷ đồng, tăng 10% so với năm 2022",
        "indicators._CHANGE_ONLY",
    ),
    named(
        "indicator.change_after_aside",
        "a change after an aside compares the figure before the aside, not the aside's last",
        "185 trường (trong đó: … phổ thông 7 trường), vượt 15 trường so với kế hoạch",
    ),
    named(
        "indicator.comparison_before_change",
        'the comparison written before the change verb ("so với năm 2018 tăng X%")',
        "đạt 100,09% kế hoạch năm, so với năm 2018 tăng 3,6%",
        "indicators._COMPARE_FIRST",
    ),
    named(
        "indicator.count_with_count",
        '"N X với M Y": a count of other things the same act involved, named by its verb',
        "Toàn tỉnh đã tiếp 1.880 lượt với 2.387 công dân",
    ),
    named(
        "indicator.members_of_groups",
        '"N X với M thành viên": the members of the groups just counted',
        "Hội thành lập 4 chi hội nghề nghiệp với 103 thành viên",
        "lexicon:indicator_cues.member_nouns",
    ),
    named(
        "indicator.restates_previous",
        'the same change restated ("tương đương")',
        "tăng 4,48% so với năm 2019 - tương đương 50.454 người",
        "extractor.indicators.restates_previous",
    ),
    named(
        "indicator.part_of_previous",
        'a subset of the previous figure ("trong đó")',
        "Tỷ lệ lao động qua đào tạo đạt 74%, trong đó có bằng cấp, chứng chỉ đạt 33%",
        "extractor.indicators.opens_subset",
    ),
    named(
        "indicator.kind_of_whole",
        "a kind of the whole's own things after its unit (the first one of a subset, the "
        'next ones of its list): the whole named with the kind ("thường xuyên", "theo kế '
        'hoạch")',
        "243 cuộc thanh tra, trong đó có 166 cuộc theo kế hoạch và 80 cuộc đột xuất",
        "lexicon:indicator_cues.kind_modifiers",
    ),
    named(
        "indicator.parallel_set_item",
        "another item of the same kind (a school level, an area, a sector, a tier) after a "
        "comma: the previous figure's head before its item, with this item",
        "tỷ lệ kiên cố hóa trường lớp học mầm non đạt 80%, tiểu học 85%",
        "lexicon:indicator_cues.parallel_levels",
        "lexicon:indicator_cues.parallel_areas",
        "lexicon:indicator_cues.parallel_sectors",
        "lexicon:indicator_cues.parallel_tiers",
        "lexicon:indicator_cues.parallel_set_leads",
    ),
    named(
        "indicator.average_in_aside",
        "an average in brackets after an amount is that amount's average, named by the "
        "sentence's last figure in the same unit",
        "đạt 252,9 ngàn tỷ đồng, tăng 9-10% (bình quân 1 tháng khoảng 21 ngàn tỷ đồng)",
        "lexicon:indicator_cues.average_leads",
    ),
    named(
        "indicator.entity_of_act",
        'the bodies a count of acts reached, after "với" (and the next ones of its list): '
        '"<bodies> được <acts>"',
        "tiến hành 827 cuộc thanh tra, kiểm tra chuyên ngành với 699 tổ chức, 1.268 cá nhân",
        "lexicon:indicator_cues.act_counts",
        "lexicon:indicator_cues.acted_on_entities",
    ),
    named(
        "indicator.level_after_baseline",
        "the level a change from a baseline reached",
        "Tỷ lệ hộ nghèo giảm từ 2,99% xuống còn 2,41%",
        "indicators._CHANGE_TAIL",
    ),
    named(
        "indicator.share_of_previous",
        'a bare "đạt X% <whole>" after a count: the count\'s share of that whole',
        "có hơn 1,3 triệu người tham gia BHYT, đạt 92,4% dân số toàn tỉnh",
        "extractor.indicators.SHARE_BASES",
    ),
    named(
        "indicator.sentence_subject",
        "a verb-only clause after a comma is named by the sentence's subject",
        "khu vực kinh tế có vốn đầu tư nước ngoài chiếm tỷ trọng chủ yếu, ước đạt 54.261,5 tỷ đồng",
    ),
    named("indicator.noun_after", "nothing before: the noun phrase after", "có 1.200 hộ nghèo"),
    named("indicator.previous", "nothing before or after: the previous figure's name", ""),
    named(
        "indicator.rate_of_previous",
        "a bare percentage after a count is that count's rate",
        "giải quyết 12.525 vụ, đạt 85,69%",
    ),
    named("indicator.unit", "nothing at all: the unit", ""),
    named(
        "indicator.after_conjunction",
        'a conjunction ("nên", "vì vậy", "do đó") starts the figure\'s own clause',
        "triển khai linh hoạt, phù hợp nên trong năm 2022 đạt 100% kế hoạch",
        "lexicon:clause_conjunctions",
    ),
    named(
        "indicator.measure_after_with",
        'a measure named after "với" in the clause is what the figure measures',
        "duy trì nhịp độ tăng trưởng với kim ngạch xuất khẩu ước đạt 2.560 triệu USD",
        "lexicon:measure_heads",
    ),
    named(
        "indicator.existential",
        '"X có N Y": what there is (Y), not where (X)',
        "Toàn tỉnh hiện có 185 trường đạt chuẩn quốc gia",
    ),
    named(
        "indicator.incident",
        '"xảy ra N vụ X": the incidents are what is counted, not where they happened',
        "trên địa bàn tỉnh xảy ra 390 vụ tai nạn giao thông",
        "lexicon:incident_verbs",
    ),
    named(
        "indicator.harm_of_incident",
        "a count of harm right after a count of incidents is named with the incident",
        "xảy ra 390 vụ tai nạn giao thông, làm 195 người chết, 252 người bị thương",
        "lexicon:consequence_verbs",
        "lexicon:harms",
    ),
    named(
        "indicator.object_of_preposition",
        "a bare preposition before a count names nothing: the noun after",
        "hoàn thành cấp điện cho 17.540 hộ, thuộc 66 xã của 11 huyện",
    ),
    named(
        "indicator.apposition",
        "the clause names another thing: the noun after",
        "internet phát triển rộng khắp với gần 2.000 trạm BTS",
        "extractor.indicators.ends_with_apposition",
    ),
    named(
        "indicator.classifier",
        "a classifier unit dropped",
        "sửa chữa 82 căn nhà",
        "indicators._CLASSIFIERS",
    ),
    named(
        "indicator.counted_noun",
        "a label that does not name what is counted (a classifier or a noun kept whole) gets "
        "it in brackets",
        "vận động và trao 1.200 suất quà -> trao quà (suất)",
        "lexicon:compound_units",
        "lexicon:classifier_units",
        "lexicon:implied_units",
    ),
    named(
        "indicator.verb_object",
        "a verb and its object",
        "tích hợp 1.323 dịch vụ công lên Cổng",
        "extractor.indicators.ends_with_linking_verb",
    ),
    named(
        "indicator.share_of_base",
        "a share of the base after it",
        "số tiền chậm đóng chiếm 1,92% số phải thu",
        "extractor.indicators.SHARE_BASES",
    ),
    named(
        "indicator.short_clause_and_unit",
        "a short clause joined with the counted noun",
        "xây mới 12 trường học",
    ),
    named(
        "indicator.clause_and_counted_noun",
        "a clause with no linking verb before a count: the clause and the thing counted (the "
        'clause also names a count joined by "và": "27 tập thể và 49 cá nhân")',
        "đã thực hiện tinh giản 461 biên chế",
    ),
    named(
        "indicator.clause_before",
        "the clause before the figure, without actors, dates, fillers and verbs",
        "Tỷ lệ trường đạt chuẩn quốc gia đạt 85%",
        "indicators._LEAD_FILLERS",
        "indicators._TRAIL_FILLERS",
        "lexicon:fillers",
    ),
    named(
        "indicator.light_verb_dropped",
        'a light verb before the real one ("thực hiện", "tiến hành") is not part of the name',
        "đã thực hiện cắt giảm 3.090 biên chế viên chức",
        "lexicon:light_verbs",
    ),
    named(
        "indicator.year_dropped",
        "the year inside a name is the item's, not part of it (a comparison base keeps it)",
        "chỉ số sản xuất công nghiệp năm 2016 tăng 21,2% so với năm 2015",
    ),
    named(
        "indicator.estimate_dropped",
        'an estimate marker is not part of the name ("ước", "dự kiến"), a comparison base kept',
        "chỉ số sản xuất công nghiệp ước tăng 10%",
        "lexicon:estimate_markers",
    ),
    named(
        "indicator.part_in_aside",
        "a count in brackets right after a count of the same thing is a part of it",
        "tuyển sinh 252.286 lượt người (trình độ cao đẳng 32.329 người, trung cấp 27.350 người)",
    ),
    named(
        "indicator.measure_of_unit",
        'a unit that implies the measure names it ("ha" an area, "tạ/ha" a yield)',
        "trồng mới 500 ha rừng",
        "lexicon:unit_measures",
    ),
    named(
        "indicator.prize_at_event",
        "a count of prizes or medals is named with the contest that gave them (the last one "
        'named before it in the sentence, else the first after: "tại Đại hội ...")',
        "Tại Đại hội Thể thao toàn quốc lần thứ IX, Đoàn ... đạt 107 huy chương các loại",
        "lexicon:prizes",
        "lexicon:competitions",
    ),
    named(
        "indicator.predicate_of_pair",
        "the first of two counts joined by 'và' shares the predicate after the second",
        "dự kiến có 13 xã và 28 làng đạt chuẩn nông thôn mới",
        "lexicon:pair_predicate_leads",
    ),
    named(
        "indicator.dangling_word_dropped",
        'a last word that opens a phrase cut off ("trong", "của", "và") is not part of the name',
        "giữ vững và công nhận mới 80% ấp, khu phố văn hóa trong toàn tỉnh",
    ),
    named(
        "indicator.capped_at_boundary",
        'a label over the word cap cut back to its last comma or "và", a final comparison kept',
        "16/16 chỉ tiêu, nhiệm vụ tỉnh giao đều hoàn thành và hoàn thành trước thời hạn đề ra",
        "extractor.indicators.PHRASE_BREAKS",
    ),
    named(
        "indicator.shared_head",
        'a head shared over a list (or a bare verb over its objects: "hỗ trợ 1.400 doanh '
        'nghiệp, 14.300 hộ kinh doanh")',
        "tỷ lệ kiên cố hóa: mầm non 80%, tiểu học 85%",
        "extractor.indicators.is_generic_head",
    ),
    named(
        "indicator.act_over_semicolons",
        "an act's objects listed past semicolons, each a bare count and its noun, are named "
        "with the act",
        "thu giữ 356 kg heroin; 1,36 tấn ma túy tổng hợp; 22 khẩu súng",
    ),
    named(
        "indicator.place_of_list",
        "a figure of a list by place, named by its place alone, takes the measure before it",
        "số trường đạt chuẩn quốc gia: huyện Lạng Giang 67/68 trường, Yên Dũng 59/60 trường",
    ),
    named(
        "indicator.measure_aspect",
        "a rate told in one aspect and then another is named by its measure and the aspect",
        "tỷ lệ thi hành xong đạt 83,99% về việc, 44,26% về tiền",
        "lexicon:indicator_cues.measure_aspects",
    ),
)


_PLACE_HEADS = rf"(?:{PLACE_HEAD}|tỉnh)"
# a word of a place's name: a capital, then small letters ("Dũng", not the acronym "THCS")
_TITLE_WORD = rf"(?-i:[{_UP}][^\W\d_{_UP}]*)(?!\w)"
# a place named alone ("Yên Dũng", "TP Bắc Giang"), perhaps with the noun counted after it
_PLACE_ONLY = re.compile(
    rf"(?P<place>(?:{_PLACE_HEADS}\s+)?{_TITLE_WORD}(?:\s+{_TITLE_WORD})*)(?:\s+\S+)?", _I
)
# ... and at the end of the label of the figure before it ("... cao như huyện Lạng Giang")
_PLACE_END = re.compile(
    rf"(?:\s+(?:ở|tại))?\s+(?:{_PLACE_HEADS}\s+)?{_TITLE_WORD}(?:\s+{_TITLE_WORD})*$", _I
)
_LIST_GAP = re.compile(r"[^,;.:()\d]{0,40}[,;][^,;.:()\d]{0,40}")


def places_of_list(text: str, out: list[Candidate]) -> list[Candidate]:
    """A figure of a list by place named by its place alone ("huyện Lạng Giang 67/68 trường,
    Yên Dũng 59/60 trường") takes the measure of the figure before it: "số trường đạt chuẩn
    ... Yên Dũng" (a label is never a place alone)."""
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        only = _PLACE_ONLY.fullmatch(b.indicator)
        if (
            only is None
            or a.label not in ("achievement", "target")
            or b.label != a.label
            or a.sentence != b.sentence
            or _PLACE_ONLY.fullmatch(a.indicator)
            or not _LIST_GAP.fullmatch(text, a.quantity.end, b.quantity.start)
        ):
            continue
        if only.end("place") < len(b.indicator) and fold(
            b.indicator[only.end("place") :].strip()
        ) != fold(b.unit or ""):
            continue  # "Quan Hóa hộ": a place and the noun counted only
        if a.head and "indicator.place_of_list" in a.rules:
            measure = a.head
        else:
            end = _PLACE_END.search(a.indicator)
            measure = a.indicator[: end.start()] if end else a.indicator
            measure = _ind.drop_dangling(measure.strip())
        if not measure or not content_words(measure):
            continue
        out[i] = replace(
            b,
            indicator=f"{measure} {only.group('place')}",
            head=measure,
            rules=(*b.rules[:-1], "indicator.place_of_list", b.rules[-1]),
        )
    return out


# "thu giữ hơn 356 kg heroin; 1,36 tấn ma túy tổng hợp; 22 khẩu súng": the gap between two
# objects of one act is the first one's noun and a semicolon
_SEMICOLON_GAP = re.compile(r"\s*([^;.:\n()]{1,40}?)\s*;\s*$")
_COMMA_GAP = re.compile(r"\s*([^;.:,\n()]{1,40}?)\s*,\s*$")
_MAX_ACT_WORDS = 5


def acts_over_semicolons(text: str, out: list[Candidate]) -> list[Candidate]:
    """Figures after a semicolon that are only a count and its noun ("...; 22 khẩu súng") take
    the act of the figure before them ("thu giữ ... heroin" -> "thu giữ khẩu súng"), when that
    one is an act and its object; the act goes on down the list."""
    act = ""
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        gap = _SEMICOLON_GAP.fullmatch(text, a.quantity.end, b.quantity.start)
        if gap is None and act and "indicator.act_over_semicolons" in a.rules:
            # "...; 22 khẩu súng, 3 quả lựu đạn": the list goes on past a comma
            gap = _COMMA_GAP.fullmatch(text, a.quantity.end, b.quantity.start)
        if (
            gap is None
            or a.label not in ("achievement", "target")
            or b.label != a.label
            or b.rules[:1] != ("indicator.noun_after",)
            or len(b.rules) != 2
            or _OWN_PREDICATE.search(b.indicator)
            # "...; 100% xã, thị trấn có nhà văn hóa": a share names its own things
            or b.quantity.kind == "percent"
        ):
            act = ""
            continue
        if not act or "indicator.act_over_semicolons" not in a.rules:
            noun = _clean(gap.group(1))
            if a.verb_head and a.head:
                act = a.head
            elif a.rules[:1] in (
                ("indicator.clause_and_counted_noun",),
                ("indicator.verb_object",),
            ) and fold(a.indicator).endswith(" " + fold(noun)):
                act = a.indicator[: len(a.indicator) - len(noun)].strip()
            else:
                act = ""
            words = act.split()
            if not (
                1 <= len(words) <= _MAX_ACT_WORDS
                and words[0].islower()
                and not _starts_with_head(act)
            ):
                act = ""
                continue
        out[i] = replace(
            b,
            indicator=f"{act} {b.indicator}",
            head=act,
            verb_head=True,
            rules=("indicator.noun_after", "indicator.act_over_semicolons", *b.rules[1:]),
        )
    return out
