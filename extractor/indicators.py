"""Indicator noun phrases: what a figure measures, named in the article's words.

The rules (:mod:`extractor.strategies.rules`) find a figure's clause; this module holds the cue
words and the small tests they use to name what the figure measures (the indicator pass,
``strategies.rules.indicators._indicator``, applies them in order and records each rule's
name in ``Candidate.rules``):

- ``table_row``: a flattened table line "Kim ngạch xuất khẩu | 27 tỷ USD | 27,6 tỷ USD" is
  named by its first cell; a column headed "Kế hoạch" holds the assigned plan.
- ``noun_after``: the noun phrase after the figure ("636 ấp, khóm đạt chuẩn văn hóa",
  "99% trung tâm thôn, tổ dân phố được phủ sóng"), a list of nouns joined by commas kept.
- ``ends_with_linking_verb`` / ``ends_with_object_lead`` / ``ends_with_apposition``: whether
  the clause before names what is measured ("tỷ lệ đô thị hóa đạt 39%"), is a verb whose
  object follows ("tích hợp 1.323 dịch vụ công lên Cổng ...") or names another thing
  ("internet phát triển rộng khắp với gần 2.000 trạm BTS").
- ``opens_subset`` / ``restates_previous`` / ``is_generic_head`` / ``is_share_base``: shared
  heads ("trong đó ..."), a change restated in another unit ("- tương đương 50.454 người"),
  a colon heading that names no measure, the base of a percentage ("% số phải thu").
- ``strip_time`` / ``strip_actor`` / ``allocates``: dates and actors are never indicators;
  an allocated budget is not a result.

Cue words are data: the tables below are read from the lexicon's ``indicator_cues``
(``extractor/vi/data/lexicon.json``), one key per table, never literals inside the functions.
To teach a phrasing, add it to its lexicon list and a row to ``tests/test_indicators.py``.
"""

from __future__ import annotations

import re
from functools import cache

from extractor import vi

_I = re.IGNORECASE


def _cues(key: str) -> tuple[str, ...]:
    """The lexicon list ``indicator_cues.<key>``, in its order."""
    return tuple(vi.entry(f"indicator_cues.{key}"))


def _listed(key: str) -> str:
    """The lexicon list ``indicator_cues.<key>`` as a regex alternation, exactly as listed."""
    return vi.alternation_as_listed(vi.entry(f"indicator_cues.{key}"))


# Words that end the clause before a figure and make the figure the *object* of what comes
# before, not its level: the noun after the figure is what is counted.
OBJECT_LEADS: tuple[str, ...] = _cues("object_leads")

# A clause before the figure that ends with one of these names another thing: the figure
# is an apposition ("internet phát triển rộng khắp với gần 2.000 trạm BTS").
APPOSITION_LEADS: tuple[str, ...] = _cues("apposition_leads")

# Time and date phrases that are never an indicator on their own ("tính đến ngày
# 30/11/2018", "đến cuối năm", "tính đến hết tháng 11"): regular expressions, as the
# lexicon's ``departments`` holds them.
TIME_PHRASES: tuple[str, ...] = _cues("time_phrase_patterns")

# Verbs that make the figure the level of the subject before it ("tỷ lệ đô thị hóa đạt 39%"):
# the clause before names what is measured; nothing after the figure is added.
LINKING_VERBS: tuple[str, ...] = _cues("linking_verbs")

# Words that stop the noun phrase after a figure: a verb or connector that starts what is
# said about the thing counted, or another clause.
NOUN_STOPS: tuple[str, ...] = _cues("noun_stops")
# ... except "với" before these, which opens the partner of what is counted ("1.784 ha liên
# kết với các doanh nghiệp"), not another item.
PARTNER_LEADS: tuple[str, ...] = _cues("partner_leads")
# ... nor "vì" before these, which names a cause a programme or fund is called after ("Tết vì
# người nghèo", "Quỹ Vì người nghèo"), not a reason.
CAUSE_NAMES: tuple[str, ...] = _cues("cause_names")
# The heads of a programme's, fund's or campaign's name ("Chương trình Tết Vì người nghèo đã vận
# động được ..."): what is measured, not who acts.
PROGRAMME_HEADS: tuple[str, ...] = _cues("programme_heads")
# ... nor a stop word inside these names ("xã đạt chuẩn nông thôn mới nâng cao": "nâng" there
# is part of the title, not "nâng ... lên" opening the next clause).
NAMES_OVER_STOPS: tuple[str, ...] = _cues("names_over_stops")
# The sizes a count's things have ("73 doanh nghiệp ..., diện tích 61.922 ha").
COUNTED_SIZES: tuple[str, ...] = _cues("size_measures")
# The verbs that report what someone said ("Giám đốc Sở ... cho biết, khu vực nông, lâm, thủy
# sản tăng 3%"): the speaker and the verb name nothing.
SPEECH_VERBS: tuple[str, ...] = _cues("speech_verbs")
# ... and these only when a figure follows ("đạt 97%", but "đạt chuẩn" stays in the phrase).
FIGURE_VERBS: tuple[str, ...] = _cues("figure_verbs")

# Verbs that open a new clause after a comma ("1.377 hộ cận nghèo, giúp họ vươn lên"): the
# noun phrase after a figure does not run into them.
CLAUSE_VERBS: tuple[str, ...] = _cues("clause_verbs")

# Plan columns of a flattened table ("Chỉ tiêu | Kế hoạch | Thực hiện").
PLAN_COLUMNS: tuple[str, ...] = _cues("plan_columns")
# who belongs to a counted group ("4 chi hội nghề nghiệp với 103 thành viên": the members of the
# groups, not another thing the act made)
MEMBER_NOUNS: tuple[str, ...] = _cues("member_nouns")


def _alt(words: tuple[str, ...]) -> str:
    return vi.alternation(words)


_OBJECT_END = re.compile(rf"(?<!\w)(?:{_alt(OBJECT_LEADS)})\s*$", _I)
APPOSITION_END = re.compile(rf"(?<!\w)(?<!đối\s)(?:{_alt(APPOSITION_LEADS)})\s*$", _I)
_TIMES = "|".join(sorted(TIME_PHRASES, key=len, reverse=True))
_TIME_LEAD = re.compile(rf"^(?:{_TIMES})(?!\w)[\s,:]*", _I)
_TIME_TRAIL = re.compile(rf"[\s,:]*(?<!\w)(?:{_TIMES})$", _I)
# no stop at the stop word inside one of these names: "(?!(?<=nông thôn mới )nâng cao(?!\w))"
_NAME_PREFIXES = "".join(
    rf"(?!(?<={re.escape(name[: m.start()])}){re.escape(name[m.start() :])}(?!\w))"
    for name in NAMES_OVER_STOPS
    if (m := re.search(rf"(?<=\s)(?:{_alt(NOUN_STOPS)})(?!\w)", name, _I))
)
_NOUN_STOP = re.compile(
    rf"[;:()\[\]|…]|\.(?!\d)|(?<!\w){_NAME_PREFIXES}(?:{_alt(NOUN_STOPS)})(?!\w)(?<!với(?=\s(?:{_alt(PARTNER_LEADS)})\s))"
    rf"(?<!vì(?=\s(?:{_alt(CAUSE_NAMES)})(?!\w)))"
    rf"|(?<!\w)(?:{_alt(FIGURE_VERBS)})\s+(?:(?:{_listed('figure_qualifiers')})\s+)?\d(?![\d.,]*/)"
    r"|(?<!\w)năm\s+\d{4}"
    # a date or a time stamp ("tham gia 27/12/2024 12:46": a headline's dateline)
    r"|(?<![\w/])\d{1,2}/\d{1,2}/\d{4}(?![\d/])|(?<![\w:])\d{1,2}:\d{2}(?!\d)"
    # a photo's number after a caption ("102 người chết vì tai nạn lao động - Ảnh 1.")
    r"|\s[-–]\s+ảnh(?:\s+\d+)?(?!\w)",
    _I,
)
_LINKING_END = re.compile(
    rf"(?<!\w)(?<!cắt\s)(?:{_alt(LINKING_VERBS)})"  # "cắt giảm" is a verb of its own
    rf"(?:\s+(?:{_listed('level_leads')}))?\s*:?\s*$",
    _I,
)
# ... nor into a tense word that opens one ("Án còn lại 703 vụ, đang tiếp tục giải quyết")
_VERB_START = re.compile(rf"(?:{_alt((*CLAUSE_VERBS, *_cues('tense_words')))})(?!\w)", _I)
_NEXT_FIGURE_OWN = re.compile(
    rf"\s+(?:{_listed('phrase_breaks')})\s+[^\W\d_]+(?:\s+[^\W\d_]+)+\s*$", _I
)
_VERB_ANYWHERE = re.compile(rf"(?<!\w)(?:{_alt(CLAUSE_VERBS)})(?!\w)", _I)
_AND_THEN_FIGURE = re.compile(r"\s+và\s*$", _I)
_AND_BEFORE_FIGURE = re.compile(r"^\s*[^\W\d_]+(?:\s+[^\W\d_]+)?\s+và\s*$", _I)
_TRAILING_CONNECTOR = re.compile(rf"(?:\s+(?:{_listed('trailing_connectors')}))+\s*$", _I)
_DIGIT_FIGURE = re.compile(r"(?<![\w/])\d")
_NOUN_PEER_END = re.compile(rf"(?<!\w)(?:{_listed('noun_peers_of_verbs')})\s*$", _I)
_VERB_AS_NOUN = re.compile(rf"(?:{_listed('verbs_that_are_nouns')})(?!\w)", _I)


def _lookbehinds(phrases: list[str]) -> str:
    """One negative lookbehind per phrase (its spaces as ``\\s``)."""
    return "".join("(?<!{})".format(r"\s".join(map(re.escape, p.split()))) for p in phrases)


# the nouns a label may end with though their last word dangles ("nhà ở"; lexicon)
DANGLING_KEPT = _lookbehinds(vi.entry("dangling_kept.nouns"))
# "66 xã của 11 huyện", "... văn hóa trong [toàn tỉnh]", "4/4 chỉ tiêu đều [đạt]": a name never
# ends with the word that links it to what was cut off (lexicon ``dangling_words``), unless the
# word ends a verb of its own ("so với", "tham dự") or one of those nouns
_DANGLING_END = re.compile(
    rf"(?:(?:^|[\s,;:(]+)(?:{_alt(vi.entry('dangling_words'))}))+\s*$"
    + _lookbehinds(vi.entry("dangling_kept.verbs"))
    + DANGLING_KEPT,
    _I,
)


def clause_verbs_in(phrase: str) -> list[int]:
    """Where each clause verb of ``phrase`` begins ("tổ chức", "triển khai", ...)."""
    return [m.start() for m in _VERB_ANYWHERE.finditer(phrase)]


def clause_verb_in(phrase: str, start: int) -> int | None:
    """Where the first clause verb (``CLAUSE_VERBS``: "tổ chức", "triển khai", ...) at or
    after ``start`` begins a word of ``phrase``, or None."""
    m = _VERB_ANYWHERE.search(phrase, start)
    return m.start() if m else None


def drop_dangling(phrase: str) -> str:
    """``phrase`` without the linking words it ends with ("" when nothing else is left)."""
    return _DANGLING_END.sub("", phrase)


_MAX_NOUN_WORDS = 16

# A phrase longer than a cap is cut back to the last of these (or a comma) inside the cap, not
# in the middle of a word group ("... hoàn thành và hoàn thành trước thời hạn đề ra" is not
# "... thời hạn đề"); a comparison that ends it ("tăng so với năm 2022") is kept whole.
PHRASE_BREAKS: tuple[str, ...] = _cues("phrase_breaks")
_COMPARISON_TAIL = re.compile(
    rf"(?:^|\s)(?:(?:{_listed('comparison_leads')})\s+)(?:\S+\s+){{0,4}}\S+$", re.I
)


def cap_phrase(s: str, limit: int) -> str:
    """``s`` with at most ``limit`` words (plus a whole trailing comparison, "so với năm
    2022"), cut back to the last comma or :data:`PHRASE_BREAKS` word inside the cap when that
    keeps at least half of it."""
    words = s.split()
    if len(words) <= limit:
        return s
    tail = _COMPARISON_TAIL.search(s)
    if tail and len(s[: tail.start()].split()) <= limit:
        return s
    kept = words[:limit]
    for name in NAMES_OVER_STOPS:
        n = len(name.split())
        for i in range(max(0, limit - n + 1), limit):
            if " ".join(words[i : i + n]).lower() == name.lower():
                # "... đạt chuẩn nông thôn mới nâng [cao]": a name is not cut in two
                kept = words[: i + n]
    for i in range(len(kept) - 1, limit // 2 - 1, -1):
        if kept[i].lower() in PHRASE_BREAKS:
            return " ".join(kept[:i]).strip(" ,")
        if kept[i].endswith(",") and i + 1 >= limit // 2:
            return " ".join(kept[: i + 1]).strip(" ,")
    return " ".join(kept)


# "83,99% về việc, 44,26% về tiền": the aspect of a measure a rate is told in
MEASURE_ASPECTS: tuple[str, ...] = _cues("measure_aspects")
# adverbs before a linking verb ("tỷ lệ ... còn đạt thấp", "chỉ đạt")
LINK_ADVERBS: tuple[str, ...] = _cues("link_adverbs")
_ASPECT_AFTER = re.compile(rf"\s*((?:{_alt(MEASURE_ASPECTS)}))(?!\w)", _I)


def aspect_after(text: str, pos: int) -> str | None:
    """The aspect right after ``pos`` ("về việc", "về tiền"), or None."""
    m = _ASPECT_AFTER.match(text, pos)
    return m.group(1) if m else None


def strip_time(s: str) -> str:
    """``s`` without the time and date phrases it starts or ends with ("tính đến ngày
    30/11/2018 có" -> "có")."""
    while True:
        new = _TIME_TRAIL.sub("", _TIME_LEAD.sub("", s.strip(" ,;:"))).strip(" ,;:")
        if new == s:
            return s
        s = new


# A clause that opens with one of these names a part of the previous figure's whole
# ("Tỷ lệ lao động qua đào tạo đạt 74%, trong đó có bằng cấp, chứng chỉ đạt 33%").
SUBSET_LEADS: tuple[str, ...] = _cues("subset_leads")
# ... and with one of these, restates the previous figure in another unit ("tăng 4,48% -
# tương đương 50.454 người", "giảm 3,21% với 2.538 người").
EQUIVALENT_LEADS: tuple[str, ...] = _cues("equivalent_leads")
_SUBSET_LEAD = re.compile(rf"^[\s,;:(–-]*(?:{_alt(SUBSET_LEADS)})(?!\w)", _I)
_EQUIVALENT = re.compile(
    rf"^[\s,;:(–-]*(?:(?:{_listed('comparison_leads')})[^,;:()]*?[\s,–-]+)?"
    rf"(?:{_alt(EQUIVALENT_LEADS)})[\s,:]*$",
    _I,
)


def opens_subset(pre: str) -> bool:
    """True when the clause before a figure opens with "trong đó", "riêng", ..."""
    return bool(_SUBSET_LEAD.match(pre))


def restates_previous(pre: str) -> bool:
    """True when the whole clause before a figure is "tương đương", "với", ..."""
    return bool(_EQUIVALENT.match(pre))


# Words of a heading before a colon that introduce a list without naming a measure
# ("Kết quả cụ thể như sau:", "Chỉ tiêu năm 2022:").
GENERIC_HEADS: tuple[str, ...] = _cues("generic_heads")
_GENERIC_HEAD = re.compile(rf"(?<!\w)(?:{_alt(GENERIC_HEADS)})(?!\w)", _I)


def is_generic_head(head: str) -> bool:
    """True when a heading before a colon names no measure ("Kết quả như sau")."""
    return bool(_GENERIC_HEAD.search(head))


# Words after a count's unit that name a kind of the same things ("4.966 cuộc thường xuyên"),
# not things of their own ("16.000 lượt khách quốc tế").
KIND_MODIFIERS: tuple[str, ...] = _cues("kind_modifiers")

# Adverbs that end an actor as a tense word does ("ngành chức năng cũng tiến hành ...").
SUBJECT_ADVERBS: tuple[str, ...] = _cues("subject_adverbs")

# Subjects that name who acts, not what is measured ("Sở đã hoàn thành 100% kế hoạch").
ACTORS: tuple[str, ...] = _cues("actors")
# ... in the plural too ("các cơ quan đã tiếp 2.340 lượt công dân", "các cấp Hội vận động")
_ACTOR = re.compile(rf"^(?:(?:các|những)\s+(?:cấp\s+)?)?(?:{_alt(ACTORS)})(?!\w)", _I)


_UPPER = "A-ZÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
# "Sở LĐ-TB&XH TP Cần Thơ hỗ trợ ...", "thành phố Cần Thơ giải quyết ...": an actor named
# "Công ty Điện lực Vĩnh Long (PC Vĩnh Long) thực hiện": the short name in brackets after it
_SHORT_NAME = r"(?:\s*\((?-i:[A-ZĐ])[^()]{0,30}\))?"
_ACTOR_NAMED = re.compile(
    # a provincial agency whose name has words in lower case ("Cục Hải quan Hải Phòng",
    # "Viện kiểm sát nhân dân hai cấp", lexicon agencies), tried first
    rf"^(?:{vi.alternation(vi.entry('agencies'))})(?!\s+(?:{_alt(_cues('agency_lookalike_tails'))})(?!\w))"
    rf"(?:\s+(?:hai|2|các)\s+cấp)?"
    rf"(?:\s+(?:tỉnh|thành\s+phố|TP\.?|huyện|quận|thị\s+xã))?"  # "Công an huyện Núi Thành"
    rf"(?:\s+(?-i:[{_UPPER}])[^\s,;:()]*)*{_SHORT_NAME}\s+(?=\w)"
    rf"|^(?:{_alt(ACTORS)}|thành\s+phố|TP\.?|thị\s+xã)"
    rf"(?:\s+(?:tỉnh|thành\s+phố|TP\.?|huyện))?(?P<name>(?:\s+(?-i:[{_UPPER}])[^\s,;:()]*)+)"
    rf"{_SHORT_NAME}\s+(?=\w)",
    _I,
)


# Actors that act alone, without a name after them ("Sở tổ chức 12 lớp tập huấn", "Hội hỗ
# trợ xây mới 7 nhà": the association acting).
BARE_ACTORS: tuple[str, ...] = _cues("bare_actors")
_BARE_ACTOR = re.compile(
    # ("Hội cơ sở", "Chi nhánh cấp huyện": what is counted, not who acts)
    rf"^(?:{_alt(BARE_ACTORS)})\s+(?!cơ\s+sở|cấp\s)(?=(?-i:[a-zàáâãèéêìíòóôõùúýăđĩũơư]))"
)


@cache
def _department_actor() -> re.Pattern[str]:
    """A department named as the actor ("Sở Giao thông Vận tải tỉnh Kiên Giang ")."""
    depts = "|".join(p for pats in vi.phrase_map("departments").values() for p in pats)
    sectors = _alt(vi.entry("actor_sectors"))
    return re.compile(
        rf"^(?:{_listed('department_heads')})\s+(?:{depts})"
        rf"(?:\s+(?:tỉnh|thành\s+phố|TP\.?)(?:\s+(?-i:[{_UPPER}])[^\s,;:]*)+)?\s+(?=\w)"
        # "ngành y tế khám chữa bệnh cho ...": a sector acting, in lower case, before an
        # action (not before what measures it: "ngành nông nghiệp chiếm 36%")
        rf"|^(?:toàn\s+)?[Nn]gành\s+(?i:{sectors}|{depts})(?:\s+tỉnh)?\s+"
        rf"(?!(?i:{_alt(vi.entry('sector_measure_verbs'))})(?!\w))(?=\w)"
    )


# "Hội Chữ thập đỏ tỉnh", "Hội Nông dân tỉnh Hà Giang": a name whose first word alone is
# capitalised runs on in lower case to the place it belongs to
_NAME_RUNS_ON = re.compile(
    rf"(?:(?-i:[^\W\d_{_UPPER}])\S*\s+){{1,3}}?(?:tỉnh|thành\s+phố|TP\.?|huyện|(?:hai|các)\s+cấp)"
    rf"(?:\s+(?-i:[{_UPPER}])[^\s,;:]*)*\s+(?=\w)",
    _I,
)


# a capitalised word right after the words taken as the actor's name: the name goes on
_NAME_CUT_SHORT = re.compile(rf"(?<!\S)[{_UPPER}]\S*\s+[{_UPPER}]$")
_ALL_LEVELS = re.compile(r"(?:(?:các|những)\s+cấp|toàn)\s+(?=\w)", _I)


def strip_actor(s: str) -> str:
    """``s`` without a leading actor with a proper name ("Sở Y tế tỉnh Lạng Sơn cấp ..." ->
    "cấp ...", "Sở Giao thông Vận tải tỉnh Kiên Giang thực hiện ..." -> "thực hiện ...",
    "Hội Chữ thập đỏ tỉnh vận động ..." -> "vận động ...") or acting alone ("Sở tổ chức
    ..."), when something is left."""
    if (levels := _ALL_LEVELS.match(s)) and (rest := strip_actor(s[levels.end() :])) != s[
        levels.end() :
    ]:
        # "các cấp Hội Nông dân thành phố tổ chức ...", "toàn Công ty ...": every level or
        # all of it acts
        return rest
    m = _department_actor().match(s) or _ACTOR_NAMED.match(s) or _BARE_ACTOR.match(s)
    if not m or not s[m.end() :].strip():
        return s
    if m.re is _ACTOR_NAMED and _NAME_CUT_SHORT.search(s[: m.end() + 1]):
        return s  # "huyện Nghi Lộc": the whole name, nothing after it (not "huyện Nghi" + "Lộc")
    end = m.end()
    if m.re is _ACTOR_NAMED and (tail := _NAME_RUNS_ON.match(s, end)) and s[tail.end() :].strip():
        end = tail.end()
    elif m.re is _ACTOR_NAMED and _name_goes_on(m):
        # "Ban Quản lý các di tích ... tỉnh tổ chức ...", "ngành Nông nghiệp của An Giang
        # đạt ...": a name whose first word alone is capitalised goes on in lower case; it
        # ends at the clause's verb, and when that verb tells a measure, the name is what
        # is measured and stays
        verb = _VERB_ANYWHERE.search(s, end)
        if verb is not None and len(s[end : verb.start()].split()) <= _MAX_NAME_RUN_ON:
            if _SECTOR_MEASURE_VERB.match(s, verb.start()):
                return s
            end = verb.start()
    return s[end:]


def _name_goes_on(m: re.Match[str]) -> bool:
    """True when the actor's name is one capitalised word (not an acronym) and the next word
    is in lower case: "Ban Quản lý", "ngành Nông nghiệp", not "BHXH Gia Lai chi trả"."""
    name = m.group("name")
    if not name or len(name.split()) != 1 or m.end() >= len(m.string):
        return False
    word = name.strip()
    return (
        not word.isupper()
        and m.string[m.end()].islower()
        and m.end() == m.end("name") + 1
        and not _LEVELS_AFTER_NAME.match(m.string, m.end())  # "Ủy ban Hội các cấp mở ..."
    )


_LEVELS_AFTER_NAME = re.compile(r"(?:hai|các|2)\s+cấp(?!\w)", _I)

_SECTOR_MEASURE_VERB = re.compile(rf"(?:{_alt(vi.entry('sector_measure_verbs'))})(?!\w)", _I)
_MAX_NAME_RUN_ON = 10


def is_department(s: str) -> bool:
    """True when ``s`` opens with a department named as the actor ("Sở Y tế tỉnh ...")."""
    return bool(_department_actor().match(s.strip() + " "))


def starts_with_actor(s: str) -> bool:
    """True when ``s`` opens with an actor and its proper name ("Sở LĐ-TB&XH TP Cần Thơ")."""
    return strip_actor(s) != s


def names_actor(subject: str) -> bool:
    """True when a clause's subject names who acts ("Sở Y tế", "ngành", "toàn tỉnh")."""
    return not subject.strip() or bool(_ACTOR.match(subject.strip()))


_COMPARISON = re.compile(
    rf"\s*((?:{_listed('comparison_leads')})\s+[^,;.()]{{1,40}}?)\s*"
    rf"(?=[,;.()]|$|\s(?:{_listed('comparison_ends')}))",
    _I,
)


def comparison_after(text: str, end: int, limit: int) -> str:
    """The comparison base right after a change figure ("so với cuối năm 2019")."""
    m = _COMPARISON.match(text[:limit], end)
    return re.sub(r"\s+", " ", m.group(1)).strip() if m else ""


# Money only allocated or planned, not spent (guideline §5: optional): "ngân sách tỉnh bố trí
# 45 tỷ đồng", "được phân bổ 12 tỷ đồng", "kế hoạch vốn giao 30 tỷ đồng". (A revenue
# estimate "được giao dự toán thu 25.500 tỷ đồng" is a target, not an allocation.)
ALLOCATION_CUES: tuple[str, ...] = _cues("allocation_cues")
_ALLOCATION = re.compile(rf"(?<!\w)(?:{_alt(ALLOCATION_CUES)})(?!\w)", _I)


def allocates(clause: str) -> bool:
    """True when the clause before a sum of money only allocates or plans it."""
    return bool(_ALLOCATION.search(clause))


# What a percentage is a share of, written right after it ("chiếm 1,92% số phải thu",
# "đạt 93,8% dân số", "dưới 5% tổng thu ngân sách").
SHARE_BASES: tuple[str, ...] = _cues("share_bases")
_SHARE_BASE = re.compile(rf"(?:{_alt(SHARE_BASES)})(?!\w)", _I)


def is_share_base(noun: str) -> bool:
    """True when the words after a percentage name the whole it is a share of."""
    return bool(_SHARE_BASE.match(noun)) and len(noun.split()) >= 2


def ends_with_linking_verb(pre: str) -> bool:
    """True when the clause before a figure ends with "đạt", "là", "chiếm", ... (the figure
    is the level of what the clause names)."""
    return bool(_LINKING_END.search(pre))


def ends_with_object_lead(pre: str) -> bool:
    """True when the clause before a figure ends with "cho", "tại", ... (the figure is an
    object: "khám cho 1.422.678 lượt người")."""
    return bool(_OBJECT_END.search(pre))


# "827 cuộc thanh tra, kiểm tra chuyên ngành với ": a count of acts, what they were, then
# "với" before the bodies they reached (lexicon indicator_cues.act_counts)
_ACT_WITH = re.compile(
    rf"(?<![\d.,])\d[\d.,]*\s+(?:{_listed('act_counts')})\s+"
    r"(?P<act>[^\W\d][^\d;:()]{2,70}?)[\s,]*\svới\s+$",
    _I,
)
_ACTED_ON = re.compile(rf"(?:{_listed('acted_on_entities')})(?!\w)", _I)


def act_counted_before(before: str) -> str | None:
    """The acts a count before "với" counted, when ``before`` (the text up to a figure) ends
    so: "tiến hành 827 cuộc thanh tra, kiểm tra chuyên ngành với " -> "thanh tra, kiểm tra
    chuyên ngành"."""
    m = _ACT_WITH.search(before)
    return m.group("act") if m else None


def names_acted_on(noun: str) -> bool:
    """True when the noun after a figure names bodies an act reaches ("tổ chức", "cá nhân",
    "đơn vị", ...: lexicon indicator_cues.acted_on_entities)."""
    return bool(_ACTED_ON.match(noun))


# Items of one kind that stand side by side under one head (lexicon indicator_cues
# parallel_levels, parallel_areas, parallel_sectors, parallel_tiers): "tỷ lệ kiên cố hóa
# trường lớp học mầm non 80%, tiểu học 85%"
_PARALLEL_SETS = tuple(
    re.compile(rf"(?<!\w)(?:{_listed(key)})(?!\w)", _I)
    for key in ("parallel_levels", "parallel_areas", "parallel_sectors", "parallel_tiers")
)
# what opens the items after their head ("ở các cấp học nhà trẻ"), not part of the head
_SET_LEADS = re.compile(rf"(?:\s+(?:{_listed('parallel_set_leads')}))+$", _I)
_MAX_SET_ITEM_EXTRA = 2  # "tiểu học công lập": an item and a word or two of its own


def head_of_parallel(prev: str, item: str) -> str | None:
    """The head the previous figure's label ``prev`` shares with ``item`` when ``item`` names
    another of the same kind of thing (a school level, an area, a sector, a tier) that
    ``prev`` ends its head with: "tỷ lệ kiên cố hóa trường lớp học mầm non" and "tiểu học"
    -> "tỷ lệ kiên cố hóa trường lớp học"; "tỷ lệ huy động trẻ đến trường ở các cấp học nhà
    trẻ" and "mẫu giáo" -> "tỷ lệ huy động trẻ đến trường". None when they do not."""
    for rx in _PARALLEL_SETS:
        own = rx.match(item)
        if own is None:
            continue
        if len(item[own.end() :].split()) > _MAX_SET_ITEM_EXTRA:
            return None
        items = list(rx.finditer(prev))  # the last item of the kind in ``prev``
        if not items or items[-1].start() == 0:
            return None
        last = items[-1]
        head = _SET_LEADS.sub("", prev[: last.start()].rstrip(" ,:"))
        return head if len(head.split()) >= 2 else None
    return None


# What the words after a pair's second count say both counts are about: from a word that
# links the noun to its matter (lexicon indicator_cues.pair_tail_links): "162 vụ/225 bị can
# về tội phạm về ma túy", "355 vụ, 622 đối tượng vi phạm pháp luật về ma túy"
_PAIR_LINK = re.compile(rf"(?<!\w)(?:{_listed('pair_tail_links')})(?!\w).*", _I)
_CASE_UNITS = frozenset(w.lower() for w in _cues("case_units"))
_OFFENDER_UNITS = frozenset(w.lower() for w in _cues("offender_units"))


def pair_link(noun: str) -> str:
    """The part of the second count's noun phrase that tells what the pair is about
    ("đối tượng vi phạm pháp luật về ma túy" -> "vi phạm pháp luật về ma túy"), or ""."""
    m = _PAIR_LINK.search(noun)
    return m.group(0) if m else ""


def cases_and_offenders(first_unit: str | None, second_unit: str | None) -> bool:
    """True for a count of cases then one of the people in them ("355 vụ, 622 đối tượng":
    lexicon indicator_cues.case_units, offender_units)."""
    return (first_unit or "").lower() in _CASE_UNITS and (
        second_unit or ""
    ).lower() in _OFFENDER_UNITS


_AVERAGE = re.compile(rf"^(?:{_listed('average_leads')})(?!\w)", _I)


def is_average(label: str) -> bool:
    """True when a label names an average ("bình quân 1 tháng", "trung bình mỗi năm":
    lexicon indicator_cues.average_leads)."""
    return bool(_AVERAGE.match(label))


def ends_with_apposition(pre: str) -> bool:
    """True when the clause before a figure ends with "với", "gồm", ... (the clause names
    another thing: "internet phát triển rộng khắp với gần 2.000 trạm BTS")."""
    return bool(APPOSITION_END.search(pre))


# "với trị giá", "với tổng số": a "với" clause with two words of its own names the next figure
_WITH_CLAUSE = re.compile(r"với\s+[^\W\d_]+\s+[^\W\d_]+", _I)
# "50 tuổi trở lên": an open range is no part of the noun phrase (written in lower case)
_OPEN_RANGE_TAIL = re.compile(rf"(?<!\w)(?:{_listed('open_range_tails')})(?!\w)")
# "102 người chết vì tai nạn lao động": a harm (lexicon harms) is named with its cause
# (lexicon indicator_cues.harm_cause_leads), as "người chết do tai nạn giao thông"
_HARM_CAUSE = re.compile(
    rf"\s*(?:[^\W\d_]+\s+){{0,2}}?(?:{_alt(vi.entry('harms'))})\s+"
    rf"(?:{_listed('harm_cause_leads')})\s+(?=[^\W\d_])",
    _I,
)


def noun_after(text: str, start: int, limit: int, next_figure: bool = False) -> str:
    """The noun phrase from ``start`` (right after a figure and its unit) up to ``limit``:
    it runs over commas that join nouns ("ấp, khóm đạt chuẩn văn hóa", "đơn vị, doanh
    nghiệp tham gia ...") and stops at a verb or connector of the next clause, another
    figure, or a delimiter other than a comma. ``next_figure``: ``limit`` is where another
    figure starts, so the words right before it are that figure's own ("mầm non 80%, tiểu
    học 85%": "tiểu học" names the 85%)."""
    tail = text[start:limit]
    out: list[str] = []
    pos = 0
    cause = _HARM_CAUSE.match(tail)
    while pos < len(tail):
        comma = tail.find(",", pos)
        seg_end = comma if comma >= 0 else len(tail)
        seg = tail[pos:seg_end]
        m = _NOUN_STOP.search(
            seg, cause.end() if cause and pos == 0 < cause.end() <= len(seg) else 0
        )
        if m:
            seg = seg[: m.start()]
        if seg.count("”") > seg.count("“") + sum(o.count("“") - o.count("”") for o in out):
            # "nâng tổng số lên 71 cơ sở”, ông ... cho biết": a quotation closes here
            out.append(seg[: seg.index("”")].strip())
            break
        if pos > 0 and not seg.strip():
            break
        if pos > 0 and ":" in tail[pos:seg_end]:
            break  # "95%, bảo hiểm thất nghiệp: 95%": the name of the next item
        if next_figure and comma < 0 and pos > 0 and _AND_THEN_FIGURE.search(tail, pos, seg_end):
            # "100% xã, thị trấn có nhà văn hóa và 95% thôn ...": "và" right before the next
            # figure closes this one's list; the words before it are this figure's
            out.append(_AND_THEN_FIGURE.sub("", tail[pos:seg_end]).strip())
            break
        if (
            next_figure
            and comma < 0
            and pos > 0
            and (
                m is None
                or (m.group(0)[:1].isalpha() and not _WITH_CLAUSE.match(tail, pos + m.start()))
            )
            # "191/192 xã, phường, thị trấn và 15/15 huyện": "và" closes this list first
            and not _AND_BEFORE_FIGURE.search(tail[pos:seg_end])
        ):
            # the words before the next figure are its own ("…, tinh giản đối với 101"), but
            # not when the stop opens a clause of its own before it ("480 công trình, phần
            # việc thanh niên với trị giá hơn 5 tỷ đồng")
            break
        if next_figure and comma < 0 and m is None:
            # "13 đợt kiểm tra chuyên đề và kiểm tra theo định kỳ 4.258 lượt": the words after
            # the last "và" name the next figure
            seg = _TRAILING_CONNECTOR.sub("", _NEXT_FIGURE_OWN.sub("", seg))
        if seg.strip():
            out.append(seg.strip())
        if m or comma < 0:
            break
        nxt = tail[comma + 1 :].lstrip()
        if not nxt or _NOUN_STOP.match(nxt) or _DIGIT_FIGURE.match(nxt):
            break
        if _VERB_START.match(nxt) and not (
            # "100% đơn vị, tổ chức thực hiện giao dịch điện tử": a noun that spells a verb,
            # listed after its peer
            _NOUN_PEER_END.search(seg) and _VERB_AS_NOUN.match(nxt)
        ):
            break
        pos = comma + 1
    words = _OPEN_RANGE_TAIL.sub(" ", ", ".join(out)).split()
    phrase = cap_phrase(" ".join(words), _MAX_NOUN_WORDS).strip(" ,")
    # "66 xã của 11 huyện": a phrase never ends with the word that links it to the next
    return drop_dangling(phrase)


_ROW_SPLIT = re.compile(r"\s*\|\s*")
_MAX_CELL_WORDS = 12
"""A table cell holds a figure and a few words; a longer run after "|" is running text."""
_PLAN_HEAD = re.compile(rf"(?:{_alt(PLAN_COLUMNS)})(?:\s+\S+)?", _I)


def table_row(text: str, pos: int) -> tuple[str, bool] | None:
    """(row label, in a plan column) when ``pos`` lies in a cell after the first of a
    flattened table line ("Kim ngạch xuất khẩu | 27 tỷ USD | 27,6 tỷ USD"), else None."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    if "|" not in line:
        return None
    col = text[line_start:pos].count("|")
    if col == 0:
        return None
    cells = _ROW_SPLIT.split(line.strip().strip("|"))
    label = cells[0].strip()
    if not label or _DIGIT_FIGURE.match(label):
        return None
    cell_end = line.find("|", pos - line_start)
    cell = line[line.rfind("|", 0, pos - line_start) + 1 : None if cell_end < 0 else cell_end]
    if len(cell.split()) > _MAX_CELL_WORDS:
        return None  # "T.NGUYÊN - V.LỘC | Theo báo cáo …, ước đạt 5,3 triệu lượt": a byline
    plan_col = False
    # the header: the nearest line above with cells and no figures
    k = line_start - 1
    while k > 0:
        hs = text.rfind("\n", 0, k) + 1
        header = text[hs:k]
        if "|" not in header:
            break
        if not re.search(r"\d", header):
            heads = _ROW_SPLIT.split(header.strip().strip("|"))
            if col < len(heads):
                plan_col = bool(_PLAN_HEAD.fullmatch(heads[col]))
            break
        k = hs - 1
    return label, plan_col
