"""The report and plan years of a text."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import cache

from extractor import vi
from extractor.strategies.rules.common import _I, _W0, _W1, MODAL_CAN, _alt
from extractor.strategies.rules.doc import YEAR_EQUAL_LEADS, Document
from extractor.text import DATE, MONTH, reviewed_by_date


def _listed(key: str) -> str:
    """The lexicon list ``year_cues.<key>`` as a regex alternation, exactly as listed."""
    return vi.alternation_as_listed(vi.entry(f"year_cues.{key}"))


_FRAME = re.compile(
    rf"(?:{_listed('frame_review_heads')})[^.\n]{{0,120}}?năm\s+(?:học\s+)?(\d{{4}})"
    r"(?:\s*[-–]\s*(\d{4}))?"
    rf"[^.\n]{{0,80}}?(?:{_listed('frame_plan_heads')})"
    # the plan year with or without "năm" ("tổng kết hoạt động năm 2019, triển khai kế hoạch 2020")
    r"[^.\n]{0,40}?(?:năm\s+(?:học\s+)?(?:mới\s+)?)?(\d{4})(?![\d/]|[.,]\d)(?:\s*[-–]\s*(\d{4}))?",
    _I,
)
_PLAN_GOV = re.compile(
    # "chương trình mục tiêu (quốc gia)" is a programme's name, not a goal
    rf"(?<!trình\s)(?:{_listed('plan_governors')})"
    # ("... là nhiệm vụ trọng tâm, năm 2021, MTTQ đã ...": a year after a comma opens a clause)
    r"(?:\s+[\w,]+){0,5}(?<!,)\s+năm(?:\s+học)?(?:\s+mới)?\s+$",
    _I,
)
_NEUTRAL_GOV = re.compile(
    # "Thực hiện kế hoạch năm 2022, ngành đã ...": carried out in that year or to be
    rf"(?:thực\s+hiện\s+(?:các\s+)?(?:{_listed('neutral_plan_nouns')})(?:\s+\w+){{0,4}}"
    # "triển khai 5 cuộc thanh tra theo kế hoạch năm 2019": work done to a year's plan is
    # told in that year's review as often as planned in the review before it
    r"|theo\s+kế\s+hoạch(?:\s+\w+){0,2})\s+năm(?:\s+học)?\s+$",
    _I,
)
_NOT_AFTER_PLAN_WORD = "".join(rf"(?<!{re.escape(w)}\s)" for w in vi.entry("year_cues.plan_words"))
_MET_PLAN_GOV = re.compile(
    # "đã hoàn thành tốt nhiệm vụ năm học 2021": the reviewed year's own tasks
    # "hoàn thành xuất sắc các chỉ tiêu kế hoạch kinh doanh năm 2020" too; "Để hoàn thành các
    # nhiệm vụ được giao trong năm 2021" is a purpose, the plan's
    # "phấn đấu hoàn thành tốt nhiệm vụ năm 2020" strives for the plan's (lexicon plan_words)
    rf"(?<!để\s){_NOT_AFTER_PLAN_WORD}(?:{_listed('met_verbs')})(?:\s+[\w,%]+){{0,4}}\s+"
    # "vượt kế hoạch và tương đương với năm 2018": a second predicate, compared with that year
    rf"(?:{_listed('met_plan_nouns')})"
    rf"(?:\s+(?!so\s+với|cùng\s+kỳ|và{_W1}|(?:{YEAR_EQUAL_LEADS}){_W1})\w+){{0,4}}"
    r"\s+năm(?:\s+học)?\s+$",
    _I,
)
# "Trong năm 2019, ... tăng 6,05% so với kế hoạch năm 2018": a change against a year's plan
# may be against the reviewed year's own (as "vượt ... kế hoạch năm 2019" is) or against the
# year before's; it votes for neither (a budget estimate, "tăng 25,5% so với dự toán năm 2025",
# is the reviewed year's own: still a vote)
_CHANGE_VS_PLAN = re.compile(
    r"(?<!\w)(?:tăng|giảm)(?:\s+(?:thêm|hơn|gần|trên|khoảng))?\s+[\d.,]+\s*(?:%|[^\W\d_]+)?"
    rf"\s+so\s+với\s+(?:{_listed('changed_against_plans')})(?:\s+[\w,]+){{0,3}}?\s+năm\s+$",
    _I,
)
# "vượt chỉ tiêu đề ra (Chỉ tiêu năm 2021: 2,5-3%)": the reviewed year's assigned target, in
# brackets after a result
_ASIDE_PLAN_GOV = re.compile(rf"\(\s*(?:{_listed('aside_plan_nouns')})(?:\s+giao)?\s+năm\s+$", _I)
_REVIEW_HEADS = _listed("review_heads")
_REPORT_GOV = re.compile(
    rf"(?:{_REVIEW_HEADS}|{_listed('report_governors')})(?:\s+[\w,]+){{0,4}}\s+năm(?:\s+học)?\s+$",
    _I,
)
_GOALS_SET = (
    rf"(?:{_listed('goal_setting_verbs')})\s+ra(?=\s+(?:\d|(?:{_listed('goal_objects')})(?!\w)))"
)
_PLAN_SENT = re.compile(
    rf"{_W0}(?:{_listed('plan_words')}|(?P<estimate>{_listed('estimate_words')})"
    rf"|{_listed('goal_setting')}"
    # "năm 2024, ngành đề ra 12 chỉ tiêu" sets the year's goals ("chỉ tiêu đề ra" looks back)
    rf"|{_GOALS_SET}"
    # "bám sát định hướng của Đảng": a noun as often as a plan verb
    rf"|(?P<weak>{MODAL_CAN}|tiếp\s+tục(?!\s+(?:{_alt(vi.entry('year_continued_results'))}){_W1})"
    rf"|{_listed('weak_plan_words')}"
    # "Năm 2024 là năm tăng tốc" plans; "Năm 2023 là năm thứ ba thực hiện Nghị quyết ..."
    # names where the year stands in a term, told in reviews and plans alike
    # "Năm 2023 là năm ngành gặt hái nhiều thành công" looks back
    rf"|là\s+năm(?!(?:\s+học)?\s+thứ)"
    rf"(?!(?:\s+[\w,]+){{0,8}}?\s+(?:{_listed('looked_back_words')}){_W1})"
    rf")){_W1}",
    _I,
)
_REPORT_SENT = re.compile(
    # "Năm 2015, công tác Mặt trận tiếp tục có nhiều chuyển biến": a result that went on
    rf"{_W0}(?:tiếp\s+tục\s+(?:{_alt(vi.entry('year_continued_results'))})"
    rf"|{_listed('report_words')})"
    rf"{_W1}",
    _I,
)
# a share of the same year's plan is a result ("bằng 105% dự toán", "vượt 3% kế hoạch"): the
# lexicon's plan phrases (share and excess verbs, plan nouns)
_SHARE_VERBS = _alt([*vi.entry("plan.share_verbs"), *vi.entry("plan.excess_verbs")])
_PLAN_NOUNS = _alt([*vi.entry("plan.strict_nouns"), vi.entry("plan.strict_quota")])
_PLAN_SHARE = re.compile(
    rf"(?:{_SHARE_VERBS})\s+[\d.,]+\s*%\s*(?:so\s+với\s+)?(?:{_PLAN_NOUNS}){_W1}", _I
)
# opening its clause only: "triển khai ngay từ đầu năm 2024" is a plan's start
_SINCE_START = re.compile(r"(?:^|[^\w\s]\s*|\n\s*)(?:ngay\s+)?từ\s+đầu\s+năm\s+$", _I)
# "Đầu năm 2024, Sở ... tổ chức hội nghị tổng kết": the meeting held early in the year after the
# one it reviews (the sentence opens with the time and names the review)
_EARLY_IN = re.compile(r"(?:^|[^\w\s]\s*|\n\s*)(?:vào\s+)?đầu\s+năm\s+$", _I)
_MEETING = re.compile(rf"{_W0}(?:{_listed('meeting_words')}){_W1}", _I)
_DURING = re.compile(r"triển\s+khai(?:\s+[\w,]+){0,3}?\s+trong\s+năm(?:\s+học)?\s+$", _I)
# "tổng kết nhiệm vụ năm 2023": the review names its year, before any plan noun
_REVIEW_GOV = re.compile(rf"(?:{_REVIEW_HEADS})(?:\s+[\w,]+){{0,3}}?\s+năm(?:\s+học)?\s+$", _I)
# "kết quả thực hiện các nhiệm vụ trọng tâm, chỉ tiêu chủ yếu năm 2022", "tình hình hoạt động
# công tác dân tộc năm 2022": what was done in the year named, however long its list (no
# other year and no plan word in between); read in a wider window than the other governors
_DONE_IN_GOV = re.compile(
    rf"(?:{_listed('done_in_heads')})\s+(?:{_listed('done_in_acts')})"
    rf"(?:\s+(?!{_listed('done_in_stops')}|năm\s)[^\W\d]+,?){{0,12}}\s+năm(?:\s+học)?\s+$",
    _I,
)
_GOAL_MET_AFTER = re.compile(
    rf"\s*(?:cơ\s+bản\s+)?(?:{_alt(vi.entry('year_result_after_goal'))}){_W1}", _I
)
# "chỉ tiêu ... năm 2021 đạt 6%", "Chỉ tiêu sản xuất lúa năm 2021 đạt diện tích 206.000 ha":
# the goal's value, not a goal met
_GOAL_VALUE_AFTER = re.compile(r"\s*(?:cơ\s+bản\s+)?đạt(?:\s+[^\W\d]+){0,3}\s+\d", _I)
_THROUGH_DATE = re.compile(
    r"(?<!\w)(?:tính\s+)?(?:đến|tới)\s+(?:hết\s+|cuối\s+)?(?:ngày\s+)?(?:tháng\s+)?"
    r"(?:\d{1,2}\s*[/.-]\s*)?\d{1,2}\s*[/.-]\s*((?:19|20)\d\d)(?!\d)",
    _I,
)
_WHOLE_YEAR = re.compile(r"(?<!\w)cả\s+năm\s+$", _I)
_VOTE_WINDOW = 90
_DATELINE_VOTE = 3
_NEW_SCHOOL_YEAR = re.compile(r"năm\s+học\s+mới\s+$", _I)
# "hội nghị triển khai thực hiện chỉ tiêu, nhiệm vụ công tác thi hành án dân sự, thi hành án
# hành chính năm 2026": the meeting that opens the plan year names it, however long its list
_PLAN_MEETING = re.compile(
    # (one list: "Hội nghị triển khai công tác tư pháp và ban hành Chương trình công tác năm
    # 2018" names the programme's year, told in its review)
    rf"(?:{_listed('plan_meetings')})(?:\s+(?!và\s)[^\W\d]+,?){{0,24}}?\s+năm(?:\s+học)?\s+$",
    _I,
)
# a plan's words before a comparison in its sentence ("phấn đấu tăng 10% so với năm 2023"):
# the plan year compared with the reviewed one, not results with the year before
_PLAN_CLAUSE = re.compile(
    # "Năm 2024, Sở đặt ra các chỉ tiêu: đón 1,3 triệu lượt khách, tăng 33% so với năm 2023"
    rf"{_W0}(?:{_listed('plan_clause_words')}|{_GOALS_SET})"
    rf"{_W1}",
    _I,
)


def detect_years(text: str) -> tuple[int | None, int | None]:
    """(report_year, plan_year) from the "tổng kết năm X, triển khai nhiệm vụ năm X+1" frame,
    else from votes of the cues around each "năm Y" (a result compared "so với năm Y" outside
    a plan's clause votes for Y + 1; the page's own date, "09/01/2020" atop it, votes for the
    year it reviews), else that date, else the year after the one results are
    compared with ("tăng 8% so với năm 2018"), else the meeting's date ("Ngày 15/1/2024, ...
    hội nghị tổng kết": 2023); plan_year = report_year + 1."""
    return years_of(Document(text))


def _frame_years(text: str) -> tuple[int, int] | None:
    """The "tổng kết ... năm X, triển khai ... năm X+1" frame near the start, if any."""
    for m in _FRAME.finditer(text[:3000]):
        # a school year "năm học 2021 - 2022" is its starting year (GUIDELINES §2)
        y1, y2 = int(m.group(1)), int(m.group(3))
        if y2 == y1 + 1:
            return y1, y2
    return None


def years_of(doc: Document) -> tuple[int | None, int | None]:
    """:func:`detect_years` of a :class:`Document` (its NFC text)."""
    text = doc.text
    framed = _frame_years(text)
    if framed:
        return framed
    spans = doc.spans
    rep: Counter[int] = Counter()
    plan: Counter[int] = Counter()
    seen: Counter[int] = Counter()
    held: set[int] = set()  # the years a meeting held early in the next one reviews
    firm: set[int] = set()  # the years a firm plan cue names (not a weak one: "tiếp tục")
    starts = sorted((ym.start, ym.year) for ym in doc.year_mentions)
    for ym in doc.year_mentions:
        s, e = spans.sents[spans.sent_idx(ym.start)] if spans.sents else (0, len(text))
        # the governor is read in the year's own sentence: a headline line "... được triển
        # khai" above "Năm 2022, ngành đã ..." does not govern it
        before = text[max(0, s, ym.start - 60) : ym.start]
        if (
            ym.kind == "comparison"
            and _EARLY_IN.search(before)
            and _MEETING.search(text, ym.end, e)
        ):
            rep[ym.year - 1] += 2  # "Đầu năm 2024, Sở tổ chức hội nghị tổng kết": 2023's
            held.add(ym.year - 1)
            continue
        if ym.kind == "comparison" and _SINCE_START.search(before):
            # "Ngay từ đầu năm 2017, Sở đã ...": since the reviewed year began
            seen[ym.year] += 1
            rep[ym.year] += 2
            continue
        if ym.kind == "comparison" and _CHANGE_VS_PLAN.search(before):
            continue  # which year's plan a change is measured against says nothing sure
        if ym.kind == "comparison" and _MET_PLAN_GOV.search(before):
            # "vượt 15 trường so với kế hoạch giao năm 2018": the reviewed year's own plan
            seen[ym.year] += 1
            rep[ym.year] += 2
            continue
        if ym.kind == "comparison" and not _PLAN_CLAUSE.search(text, s, ym.start):
            # "tăng 8% so với năm 2021": results compared with the year before theirs
            rep[ym.year + 1] += 1
            continue
        if ym.kind != "plain":
            continue
        seen[ym.year] += 1
        # the cues after a year are its own up to another year ("Quỹ năm 2022 chuyển sang và
        # năm 2023 đã tiếp nhận"); a cue read whole even where the window cuts it ("... tiếp
        # tục [được duy trì]")
        other = (p for p, y in starts[bisect_right(starts, (ym.start, ym.year)) :] if y != ym.year)
        after = text[ym.end : min(e, next(other, e))]
        if _NEW_SCHOOL_YEAR.search(before):
            plan[ym.year] += 2  # "Năm học mới 2023-2024, ngành tập trung ...": the plan's
            firm.add(ym.year)
        elif _PLAN_MEETING.search(text, max(0, s, ym.start - 160), ym.start):
            plan[ym.year] += 3
            firm.add(ym.year)
        elif _MET_PLAN_GOV.search(before) or _ASIDE_PLAN_GOV.search(before):
            rep[ym.year] += 2  # "vượt kế hoạch năm 2023": the reviewed year's plan
        elif _NEUTRAL_GOV.search(before):
            pass  # "(kết quả) thực hiện nhiệm vụ năm X": either year
        elif _REVIEW_GOV.search(before) or _DONE_IN_GOV.search(
            text, max(0, s, ym.start - 120), ym.start
        ):
            rep[ym.year] += 2
        elif (
            _PLAN_GOV.search(before)
            and _GOAL_MET_AFTER.match(text, ym.end)
            and not _GOAL_VALUE_AFTER.match(text, ym.end)
        ):
            rep[ym.year] += 2  # "các chỉ tiêu chủ yếu của ngành năm 2019 đạt và vượt kế hoạch"
        elif _PLAN_GOV.search(before) and not _DURING.search(before):
            plan[ym.year] += 3  # "triển khai trong năm 2023" is during that year, not a plan
            firm.add(ym.year)
        elif _WHOLE_YEAR.search(before):
            # "cả năm 2024 dự kiến đạt 287,93 ngàn tỷ đồng": the reviewed year's total, its
            # estimate included (no plan cue after it votes)
            rep[ym.year] += 2
            continue
        elif _REPORT_GOV.search(before):
            rep[ym.year] += 2
        pm = _PLAN_SENT.search(after)
        rm = _REPORT_SENT.search(after)
        pm = pm if pm and pm.start() < _VOTE_WINDOW else None
        rm = rm if rm and rm.start() < _VOTE_WINDOW else None
        if pm and pm.group("estimate") and _PLAN_SHARE.search(after, pm.end()):
            rep[ym.year] += 1  # "dự kiến ... đạt 5.000 tỷ đồng, bằng 105% dự toán": a result
        elif pm and (not rm or pm.start() < rm.start()):
            plan[ym.year] += 1 if pm.group("weak") else 2
            if not pm.group("weak"):
                firm.add(ym.year)
        elif rm:
            rep[ym.year] += 1
    # "Tính đến hết tháng 10/2016, tổng các nguồn vốn ...": results counted up to a date of the
    # reviewed year (not a plan's deadline: "Dự kiến đến hết tháng 1/2021, ...")
    through: set[int] = set()
    for m in _THROUGH_DATE.finditer(text):
        s = spans.sents[spans.sent_idx(m.start())][0] if spans.sents else 0
        if not _PLAN_CLAUSE.search(text, s, m.start()):
            rep[int(m.group(1))] += 2
            through.add(int(m.group(1)))
    # the page's own date ("09/01/2020" atop a review): as strong as a review's own governor
    dated = _dateline_year(text)
    if not seen and not held and not through:
        if dated is not None:
            return dated, dated + 1
        # "tăng 10.786 người so với năm 2018" and no other year: the year after the one the
        # results are compared with
        compared = Counter(ym.year for ym in doc.year_mentions if ym.kind == "comparison")
        if not compared:
            return _dated_review(text)
        report = max(compared, key=lambda y: (compared[y], y)) + 1
        return report, report + 1
    best: tuple[float, int] | None = None
    for y in set(seen) | {y - 1 for y in seen} | held | through | ({dated} if dated else set()):
        if not (seen[y] or rep[y] > 0 or y in held or y == dated or y + 1 in firm):
            # a year the text never names, dates or compares the next one with is not the
            # one it reviews when all its successor has is a weak plan cue ("Năm 2022,
            # ngành tiếp tục ...", "tăng so với năm 2021" in a review of 2022); a firm one
            # still makes it the plan year ("Năm qua, ... Năm 2024, ngành phấn đấu ...")
            continue
        score = rep[y] + plan[y + 1] + 0.1 * (seen[y] + seen[y + 1])
        score += _DATELINE_VOTE if y == dated else 0
        if best is None or score > best[0] or (score == best[0] and y > best[1]):
            best = (score, y)
    assert best is not None
    report = best[1]
    if best[0] <= 0.25:  # nothing but bare mentions: the most frequent past-tense year
        report = max(seen, key=lambda y: (seen[y], -y))
    return report, report + 1


def _dated_review(text: str) -> tuple[int | None, int | None]:
    """No year but a date (or a month, "tháng 12/2023") near the start: a review held from
    October to the end of the year reviews that year, one held from January to April the year
    before ("Ngày 15/1/2024, ... hội nghị tổng kết"); (None, None) otherwise."""
    m = DATE.search(text[:1500]) or MONTH.search(text[:1500])
    if m is None:
        return None, None
    report = reviewed_by_date(int(m.group("month")), int(m.group("year")))
    return (report, report + 1) if report is not None else (None, None)


_DATELINE_SPAN = 800  # the top of the page: headline, stamp, lead
_DATELINE_LINE = 90  # a stamp's own line is short
_TIME = re.compile(r"\d{1,2}:\d{2}")
# "Chỉ thị 01/CT-TTg ngày 9-1-2015": a document's code before its date
_DOC_CODE_BEFORE = re.compile(r"\d+\s*/\s*[\w-]+\s+(?:ngày\s+)?$", _I)


@cache
def _dateline_cues() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Lexicon ``year_cues``: (stamp word before, reference word before, a sentence opening
    with the meeting's date, meeting words)."""
    d = vi.entry("year_cues")
    stamp = re.compile(rf"(?<!\w)(?:{_alt(d['stamp_words'])})\W*$", _I)
    refer = re.compile(rf"(?<!\w)(?:{_alt(d['reference_words'])})\s+(?:ngày\s+)?$", _I)
    opening = re.compile(
        # "Chiều 13/01/2022, ...", "LSO-Chiều 16/1/2019, ...", "(BL-TĐ) Chiều 9/1/2020, ..."
        rf"(?:^|[.:)\-–]\s*)(?:(?:{_alt(d['day_parts'])})\s+)?(?:ngày\s+)?$",
        _I | re.M,
    )
    meeting = re.compile(rf"(?<!\w)(?:{_alt([*d['meeting_words'], *d['meeting_acts']])}){_W1}", _I)
    return stamp, refer, opening, meeting


def _dateline_year(text: str) -> int | None:
    """The year the page's own date says is reviewed (``reviewed_by_date``): the first
    date near the top that is a publication stamp ("14:59, Thứ Năm, 09/01/2020" on a short line
    or by a time, "Cập nhật: 11-01-2021") or the meeting's date opening its sentence ("Chiều
    13/01/2022, Sở ... tổ chức hội nghị"); not a document's date ("Quyết định số ... ngày
    12/02/2019") or a deadline ("đến ngày 31-12-2024"); lexicon ``year_cues``."""
    stamp, refer, opening, meeting = _dateline_cues()
    for m in DATE.finditer(text, 0, _DATELINE_SPAN):
        if not 1 <= int(m.group("day")) <= 31:
            continue
        ls = text.rfind("\n", 0, m.start()) + 1
        le = text.find("\n", m.end())
        le = len(text) if le < 0 else le
        before = text[max(ls, m.start() - 30) : m.start()]
        if refer.search(before) or _DOC_CODE_BEFORE.search(before):
            continue
        stamped = (
            len(text[ls:le].strip()) <= _DATELINE_LINE
            or _TIME.search(text, max(ls, m.start() - 25), min(le, m.end() + 25)) is not None
            or stamp.search(before) is not None
        )
        if not stamped:
            stop = text.find(".", m.end())
            held = opening.search(text, ls, m.start()) and meeting.search(
                text, m.end(), le if stop < 0 else min(stop, le)
            )
            if not held:
                continue
        return reviewed_by_date(int(m.group("month")), int(m.group("year")))
    return None


def _complete_years(
    doc: Document, report: int | None, plan: int | None
) -> tuple[int | None, int | None]:
    if report is None and plan is None:
        return years_of(doc)
    if plan is None and report is not None:
        return report, report + 1
    if report is None and plan is not None:
        return plan - 1, plan
    return report, plan


def names_plan_year(doc: Document, plan_year: int | None) -> bool:
    """Whether the text gives a plan year at all (GUIDELINES §2: otherwise ``plan_year`` is
    null and there are no targets): a year mentioned at or after ``plan_year``, not as a
    comparison (a horizon "đến năm 2025" names a later goal's year), or the frame's plan year."""
    if plan_year is None:
        return False
    framed = _frame_years(doc.text)
    if framed and framed[1] == plan_year:  # "triển khai kế hoạch 2020"
        return True
    return any(ym.year >= plan_year for ym in doc.year_mentions if ym.kind != "comparison")
