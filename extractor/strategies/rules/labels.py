"""The label pass: achievement, target or skip, from the cues of a figure's sentence and passage."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from extractor import vi
from extractor.numbers import Quantity
from extractor.strategies.rules.common import (
    _COMPARE_AFTER,
    _I,
    _W1,
    Label,
    Span,
    _alt,
    _clean,
    _rx,
)
from extractor.strategies.rules.doc import _PERIOD_LEAD, Document, YearMention
from extractor.strategies.rules.registry import NamedRule, register
from extractor.strategies.rules.skips import _skip_reason
from extractor.strategies.rules.years import _FRAME

if TYPE_CHECKING:
    from extractor.strategies.rules.indicators import _Clause


def _label_cues(key: str) -> tuple[str, ...]:
    """The lexicon list ``label_cues.<key>``, in its order."""
    return tuple(vi.entry(f"label_cues.{key}"))


# Plan words before a figure in its sentence ("phấn đấu", "mục tiêu chủ yếu", "sẽ" ...).
TARGET_WORDS: tuple[str, ...] = _label_cues("target_words")
_TARGET_CUE = _rx(list(TARGET_WORDS))
_ESTIMATE_OF_YEAR = re.compile(r"\s*(?:đến|tới)?\s*(?:hết|cuối)\s+năm(?!\s+(?:học\s+)?\d)", _I)
_LAST_YEAR = re.compile(
    rf"so\s+(?:với\s+)?(?:{vi.alternation(vi.entry('last_year_bases.words'))})(?!\w)", _I
)
# "đạt 113% so với mục tiêu", "đạt 109,7% chỉ tiêu phấn đấu do Tổng cục giao": measured against
_MEASURED_AGAINST = vi.measured_against_before()
# "đã đặt ra kế hoạch phục hồi": a plan set in the past, told with the results
_PAST_PLAN = re.compile(r"(?<!\w)đã\s+$", _I)
# "bám sát định hướng, quan điểm của Đảng", "theo mục tiêu đề ra": what was followed, not a plan
_FOLLOWED = re.compile(r"(?<!\w)(?:bám\s+sát|quán\s+triệt|theo\s+đúng|theo|đúng)\s+$", _I)
# "đã nỗ lực, phấn đấu", "đã không ngừng phấn đấu": a past effort, not a plan
_STRIVED = re.compile(r"(?<!\w)đã(?:\s+[^\W\d_]+){1,4}[\s,]+$", _I)
# Past-tense words before a figure ("đã", "năm qua", "lũy kế" ...); an estimate or a
# comparison with last year's same period tells a result of the year, even in a paragraph
# opened by a plan ("Doanh thu ước đạt 2.300 tỷ đồng"): the lexicon's result_marks.
REPORT_WORDS: tuple[str, ...] = (*_label_cues("report_words"), *vi.entry("result_marks"))
_REPORT_CUE = _rx(list(REPORT_WORDS))
# "đến tháng 11/2019", "tính đến ngày 30/11/2019", "đến hết tháng 12 năm 2019": a point in time
_DATE_POINT = re.compile(
    r"(?<!\w)(?:tính\s+)?đến(?:\s+hết)?\s+(?:ngày\s+\d{1,2}\s*[/-]\s*\d{1,2}|tháng\s+\d{1,2})"
    r"\s*(?:[/-]|\s+năm\s+)\s*(?P<year>(?:19|20)\d\d)(?!\d)",
    _I,
)
_RESULT_MARKS = frozenset(vi.entry("result_marks"))
# "Kết quả, ...", "kết quả là ...", "kết quả đã ...": the outcome of what went before
_OUTCOME = re.compile(
    rf"(?<!\w)(?:{_alt(vi.entry('outcome_leads'))})(?:\s*[,:]|\s+(?:là|đã|cho\s+thấy)(?!\w))", _I
)
_TARGET_VERB = re.compile(
    r"^\W*(?:(?:và|đồng\s+thời|góp\s+phần|tiếp\s+tục|cần)\s+)?(?:nâng|giữ|duy\s+trì|phấn\s+đấu"
    rf"|(?:giảm|tăng|đưa)\s+(?:tỷ|tỉ|số|tổng|mức)){_W1}",
    _I,
)
_ASSIGNED = re.compile(
    r"(?:(?:chỉ\s+tiêu|kế\s+hoạch|(?-i:KH))(?:\s+\w+){0,2}\s+(?:được\s+)?(?:giao|đề\s+ra)(?:\s+là)?"
    r"|^\W*(?:chỉ\s+tiêu|kế\s+hoạch|KH)(?:\s+(?:đầu|cả|của|năm|tỉnh|ngành|được|là))*"
    r"|(?:Chính\s+phủ|Trung\s+ương|tỉnh|Bộ|UBND\s+tỉnh|HĐND\s+tỉnh|Nghị\s+quyết)\s+giao(?:\s+là)?"
    # "vượt 1,6 vụ so với chỉ tiêu 72 vụ/năm": the plan level compared with
    r"|(?<!\w)so(?:\s+với)?\s+(?:chỉ\s+tiêu|kế\s+hoạch|(?-i:KH))(?:\s+(?:đề\s+ra|được\s+giao|giao))?)"
    r"\s*:?\s*$",
    _I,
)


# a sentence that opens with a completion ("Hoàn thành và đưa vào vận hành ...") tells results
# "Qua đó góp phần nâng tỷ lệ lao động qua đào tạo đạt 59,71%": raised and reached, a result
_RAISED_TO_REACH = re.compile(r"^\W*(?:qua\s+đó\s+)?góp\s+phần\s+nâng(?!\w).*\sđạt\s*$", _I)
_DONE_OPENER = re.compile(rf"\W*(?:{_alt(list(_label_cues('done_openers')))}){_W1}", _I)
_PLAN_ASIDE = re.compile(r"(?:kế\s+hoạch|chỉ\s+tiêu|KH)(?:\s+(?:năm\s+)?\d{4})?\s*\(\s*$", _I)


@dataclass
class _Signal:
    pos: int
    label: Label | None  # None: another year (neither report nor plan)
    level: int
    name: str
    year: int | None = None
    sentence_only: bool = False  # a crop season's year: opens no passage for the next sentences


_COMPARED_YEAR = re.compile(r"(?<!\w)(?:so(?:\s+với)?|cùng\s+kỳ)\s+(?:năm\s+)?$", _I)


class _Doc:
    """Sentence, paragraph and cue lookups for one text, computed once."""

    def __init__(self, document: Document, report: int | None, plan: int | None) -> None:
        self.text = document.text
        self.report = report
        self.plan = plan
        self.spans = document.spans
        self.years: dict[int, list[YearMention]] = {}
        # "tổng kết năm học 2019-2020": the plan year is also the reviewed school year's
        # second half ("kỳ thi tốt nghiệp THPT năm 2020"), so it names no plan on its own
        school = (
            report is not None
            and plan is not None
            and re.search(rf"năm\s+học\s+{report}\s*[-–]\s*{plan}(?!\d)", self.text, _I) is not None
        )
        for ym in document.year_mentions:
            calendar = not re.match(r"năm\s+học", self.text[ym.start : ym.end], _I)
            if school and ym.year == plan and ym.kind == "plain" and calendar:
                continue
            self.years.setdefault(self.spans.sent_idx(ym.start), []).append(ym)
        self._signals: dict[int, list[_Signal]] = {}

    @cached_property
    def _own_years(self) -> frozenset[int]:
        return frozenset(
            ym.year
            for yms in self.years.values()
            for ym in yms
            if not _COMPARED_YEAR.search(self.text, max(0, ym.start - 20), ym.start)
        )

    def names_year(self, year: int) -> bool:
        """Whether the text names ``year`` as a year of its own (not as the year a figure is
        compared with: "so với năm 2021"); the years are read once per text."""
        return year in self._own_years

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
            if ym.kind not in ("plain", "horizon"):  # "Đến năm 2025, phấn đấu ..." dates a goal
                continue
            name, only = f"năm {ym.year}", ym.season
            if report is not None and ym.year == report:
                out.append(_Signal(ym.start, "achievement", 2, name, ym.year, only))
            elif plan is not None and ym.year >= plan:
                out.append(_Signal(ym.start, "target", 2, name, ym.year, only))
            elif report is not None and ym.year < report:
                out.append(_Signal(ym.start, None, 2, name, ym.year, only))
        for m in _TARGET_CUE.finditer(self.text, start, end):
            if _MEASURED_AGAINST.search(self.text, max(start, m.start() - 30), m.start()):
                continue  # "đạt 113% so với mục tiêu đề ra": a result measured against a goal
            if _FOLLOWED.search(self.text, max(start, m.start() - 12), m.start()):
                continue
            if _PAST_PLAN.search(self.text, max(start, m.start() - 6), m.start()):
                continue  # "ngành đã đặt ra kế hoạch phục hồi du lịch": a past plan
            if _STRIVED.search(self.text, max(start, m.start() - 40), m.start()) and re.match(
                r"phấn\s+đấu", m.group(), _I
            ):
                continue  # "VKSND hai cấp đã nỗ lực, phấn đấu và hoàn thành ...": striven, done
            if (
                m.group().lower() == "dự kiến"
                and (
                    _ESTIMATE_OF_YEAR.match(self.text, m.end())
                    # "...; trồng được 8.013 ha rừng; dự kiến có 13 xã đạt chuẩn nông thôn mới": an
                    # item of a run of the year's results, expected by its end
                    or (
                        self.text[start : m.start()].rstrip().endswith(";")
                        and not any(ym.start > m.start() for ym in self.years.get(si, []))
                    )
                    # "Lượng khách ... dự kiến đạt hơn 43.000 lượt, tăng 21,1% so với năm ngoái": an
                    # estimate compared with the year before is the reviewed year's own
                    or _LAST_YEAR.search(self.text, m.end(), end)
                )
            ):
                # "Dự kiến đến cuối năm, số người tham gia BHXH đạt ...": this year's estimate
                out.append(_Signal(m.start(), "achievement", 1, "estimate of the year"))
                continue
            out.append(_Signal(m.start(), "target", 3, _clean(m.group()).lower()))
        for m in _REPORT_CUE.finditer(self.text, start, end):
            out.append(_Signal(m.start(), "achievement", 1, _clean(m.group()).lower()))
        for m in _DATE_POINT.finditer(self.text, start, end):
            # "Cuối năm 2018 ... là 1.482 hộ, đến tháng 11/2019, ... còn 1.203 hộ": a point in
            # the reviewed year dates what follows it like the year itself
            if report is not None and int(m.group("year")) == report:
                out.append(_Signal(m.start(), "achievement", 2, f"đến {m.group('year')}", report))
        for m in _OUTCOME.finditer(self.text, start, end):
            # "..., ngành đặt mục tiêu 20.000 lao động; kết quả, đã giải quyết 21.500": the
            # outcome told after a goal is a result, as strong as the goal's own cue
            out.append(_Signal(m.start(), "achievement", 3, "outcome"))
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
_OWN_YEAR = re.compile(r"\s*\(\s*(?:năm\s+)?((?:19|20)\d\d)\s*\)")


def _in_aside(text: str, start: int, pos: int) -> bool:
    """True when ``pos`` is inside brackets opened after ``start``."""
    seg = text[start:pos]
    return seg.count("(") > seg.count(")")


_REVIEW_FRAME = re.compile(r"tổng\s+kết", _I)
"""A frame that names the review ("tổng kết công tác năm 2019 và triển khai nhiệm vụ năm 2020"),
not a results sentence that turns to the plan ("kết quả đã đạt được năm 2022, ... đặt mục
tiêu trong năm 2023 như sau:")."""


# the conference's own name ("... báo cáo tại Hội nghị triển khai phương hướng nhiệm vụ năm
# 2021"): its year names the meeting, it opens no passage (lexicon
# passage_cues.conference_frames, as the verifier reads them)
_CONFERENCE_YEAR = re.compile(
    rf"(?<!\w)(?:{vi.alternation(vi.entry('passage_cues.conference_frames'))})"
    r"[^.;:\n]{0,100}?năm(?:\s+học)?\s+\d{4}(?:\s*[-–]\s*\d{4})?",
    _I,
)


_NUMBERED_ITEM = re.compile(r"(?:\d{1,2}|[a-zđ])[.)]\s+\S", _I)
# a paragraph opening that details the paragraph before it (lexicon passage_cues.continuations)
_CONTINUATION = re.compile(
    rf"(?:{vi.alternation(vi.entry('passage_cues.continuations'))}){_W1}", _I
)


def _passage_states(doc: _Doc) -> list[tuple[Label | None, str]]:
    """Scope carried into each sentence from the sentences before it (same paragraph, or a
    paragraph run introduced by a heading / a line ending with ':' / bullets)."""
    text, spans = doc.text, doc.spans
    states: list[tuple[Label | None, str]] = []
    state: tuple[Label | None, str] = (None, "")
    cur_para = -1
    # the review's own frames, found once (a frame never crosses a sentence: no "." or line break)
    frames = [(m.start(), m.end()) for m in _FRAME.finditer(text) if _REVIEW_FRAME.match(m.group())]
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
                # "1. Tốc độ tăng trưởng ...: 3,5%.\n2. Tỷ lệ che phủ rừng: 45%.": a numbered
                # item goes on in its list's passage like a bullet
                carry = carry or (
                    state[0] is not None and _NUMBERED_ITEM.match(next_text) is not None
                )
                # "... năm 2026, có thể tổ chức đấu giá 72 khu, thửa đất.\n\nTrong đó, có 8
                # khu ...": a paragraph that details the one before goes on in its passage
                carry = carry or (
                    state[0] is not None and _CONTINUATION.match(next_text) is not None
                )
            if not carry:
                state = (None, "")
            cur_para = p
        states.append(state)
        # "(năm 2018 Bộ Y tế đặt mục tiêu 26 giường bệnh)": a goal quoted in an aside, as a
        # yardstick, opens no plan passage for the sentences after it
        # "Vụ xuân 2018 tiếp tục được mùa ... Về chăn nuôi ...": a crop season's year dates
        # its own sentence, unless the next one details it ("Cụ thể, diện tích lúa ...")
        nxt = spans.sents[si + 1][0] if si + 1 < len(spans.sents) else None
        detailed = nxt is not None and bool(_CONTINUATION.match(text[nxt : nxt + 20].lstrip()))
        sigs = [
            g
            for g in doc.signals(si)
            if not _in_aside(text, s, g.pos) and (detailed or not g.sentence_only)
        ]
        frame_ends = [end for start, end in frames if s <= start < _e]
        frame_ends += [m.end() for m in _CONFERENCE_YEAR.finditer(text, s, _e)]
        if frame_ends := sorted(frame_ends):
            # "... tổng kết hoạt động năm 2019 và đề ra phương hướng, nhiệm vụ năm 2020.": the
            # review's own frame opens no scope; only a cue after it does
            state = (None, "")
            sigs = [g for g in sigs if g.pos >= frame_ends[-1]]
        strong = [g for g in sigs if g.level >= 2]
        last = strong[-1] if strong else (sigs[-1] if sigs else None)
        labels = {g.label for g in strong if g.level == 2}
        if {"achievement", "target"} <= labels and not any(g.level == 3 for g in strong):
            state = (None, "")  # "tổng kết năm X, triển khai nhiệm vụ năm X+1": no scope
        elif last is not None and last.label is not None:
            state = (last.label, f"passage: {last.name}")
    return states


def _closed_aside(text: str, start: int, pos: int, before: int) -> bool:
    """True when ``pos`` is inside brackets (opened after ``start``) that close before
    ``before``."""
    if not _in_aside(text, start, pos):
        return False
    depth = 0
    for ch in text[pos:before]:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            return True
    return False


# "trong số 17.000 lao động được giải quyết việc làm trong năm 2024 sẽ có ...": the year of
# the figure's own noun phrase, before any other figure or clause break
_YEAR_AFTER = re.compile(r"(?<!\w)(?:vào|đến|trong)\s+(?:cuối\s+)?năm\s+(\d{4})")
_COMPARED_WITH = re.compile(r"(?<!\w)so\s+với(?!\w)", _I)
_YEAR_IN_OWN_PHRASE = re.compile(rf"[^,;:()\d]*?{_YEAR_AFTER.pattern}")


def _classify(doc: _Doc, si: int, q: Quantity, clause: _Clause, evid: Span, own_end: int,
              state: tuple[Label | None, str], award_spans: list[Span], has_plan: bool = False,
              prev_label: Label | None = None) -> tuple[Label, str, int | None]:  # fmt: skip
    """(label, deciding cue, year) for one figure."""
    text, report, plan = doc.text, doc.report, doc.plan
    ss, se = doc.spans.sents[si]
    reason = _skip_reason(text, q, (ss, se), clause.start, award_spans)
    if reason:
        return "skip", reason, None
    # "(giảm 124 vụ so với năm 2020), đã điều tra làm rõ 726 vụ": a year inside an aside
    # that closed before the figure speaks for the aside only
    sigs = [
        g
        for g in doc.signals(si)
        if not _closed_aside(text, ss, g.pos, q.start)
        # "..., tăng 79,3% so với cùng kỳ; tổng thu đạt 13.000 tỷ đồng" in a plan: the
        # comparison marks the figure it follows, not the next item of the list
        and not (g.name in _RESULT_MARKS and ";" in text[g.pos : q.start])
    ]
    sig = _decide(sigs, q.num_start)
    year: int | None = None
    after_year = _YEAR_AFTER.search(text[own_end : evid[1]]) or _YEAR_IN_OWN_PHRASE.match(
        text, own_end, se
    )
    if after_year and _COMPARED_WITH.search(text, q.end, text.find(after_year.group(), own_end)):
        # "đạt 1,83 triệu người (vượt 1,42% so với mục tiêu giai đoạn đến năm 2025)": the
        # year of what the figure is compared with, not the figure's
        after_year = None
    label: Label
    own = _OWN_YEAR.match(text, own_end)
    if own is not None and report is not None:
        # "từ 86,7% (năm 2015) lên 97,5% (năm 2020)": the year in brackets is the figure's
        own_year = int(own.group(1))
        if own_year == report:
            sig = _Signal(q.start, "achievement", 2, f"năm {own_year}", own_year)
        elif plan is not None and own_year >= plan:
            sig = _Signal(q.start, "target", 2, f"năm {own_year}", own_year)
        elif own_year < report:
            sig = _Signal(q.start, None, 2, f"năm {own_year}", own_year)
    if sig is not None and sig.label is None:
        kind = "period" if sig.name.startswith("giai đoạn") else "year"
        return "skip", f"other {kind}: {sig.name}", None
    if sig is not None and sig.label is not None:
        label, cue = sig.label, sig.name
        yrs = [g for g in sigs if g.year and g.pos < q.start]
        if label == "target" and yrs and plan and yrs[-1].year and yrs[-1].year > plan:
            if doc.names_year(plan):
                # "Đến năm 2030, phấn đấu 100% xã ..." in a text that names its plan year: a
                # goal of a later year, no target of the plan year (GUIDELINES §8.5: optional
                # at most)
                return "skip", f"other year: {yrs[-1].name}", None
            year = yrs[-1].year  # the plan year only inferred: the goal keeps its own year
    elif after_year and plan and int(after_year.group(1)) >= plan:
        label, cue = "target", f"năm {after_year.group(1)}"
    elif after_year and report and int(after_year.group(1)) == report:
        label, cue = "achievement", f"năm {after_year.group(1)}"
    elif state[0] is not None:
        label, cue = state[0], state[1]
    elif (
        _TARGET_VERB.search(clause.pre)
        and prev_label != "achievement"
        and not _DONE_OPENER.match(text, ss)
        and not _RAISED_TO_REACH.search(clause.pre)
    ):
        # "nâng tổng số lên ..." is a plan, unless it follows a result in its sentence or
        # the sentence opens with one ("Hoàn thành và đưa vào vận hành nhà máy ..., nâng
        # tổng số nhà máy ... lên 18 nhà máy")
        label, cue = "target", "plan verb"
    else:
        label, cue = "achievement", "default"
    if label == "target" and has_plan and sig is not None and sig.year is None:
        # "tỷ lệ xã phấn đấu đạt chuẩn ... đạt 34,2%, vượt 1,3% kế hoạch": a plan share reached
        label, cue = "achievement", "plan share reached"
    if (
        label == "target"
        and sig is not None
        and sig.level == 3
        and report is not None
        and (yrs := [g for g in sigs if g.year and g.pos < sig.pos])
        and yrs[-1].year == report
    ):
        # "Năm 2023, ngành đặt mục tiêu 20.000 lao động" in the review of 2023: the reviewed
        # year's own goal, told in passing (GUIDELINES §8.2, optional), no target of the plan
        return "skip", "goal of the reviewed year", None
    if (
        label == "achievement"
        and (
            "table.plan_column" in clause.rules
            or _ASSIGNED.search(text[clause.start : q.start])
            # "78.000 tỷ đồng/KH giao 80.000 tỷ đồng": "/KH" went with the figure before
            or _ASSIGNED.search(text[max(ss, clause.start - 3) : q.start])
            or _PLAN_ASIDE.search(text[max(0, q.start - 40) : q.start])
        )
    ):
        return "skip", "assigned plan of the reviewed year", None
    if label == "achievement" and _COMPARE_AFTER.search(text[q.end : se]):
        cue += "; comparison"
    if year is None:
        year = report if label == "achievement" else plan
    return label, cue, year


def _words_pattern(words: tuple[str, ...]) -> str:
    """The cues a word list writes (lower case, inner spaces single)."""
    return "|".join(re.escape(" ".join(w.lower().split())) for w in words)


# The label cues ("label: <cue>" in an item's rules), named.
LABEL_RULES: tuple[NamedRule, ...] = register(
    NamedRule(
        "label.year_before",
        "the nearest year before the figure in its sentence: the report "
        "year makes an achievement, the plan year or a later one a target",
        "Năm 2023, toàn tỉnh có 1.200 hộ ...",
        ("doc.year_mentions",),
        pattern=r"năm \d{4}",
    ),
    NamedRule(
        "label.year_after",
        'a year after the figure in its clause ("vào cuối năm 2025")',
        "đạt 95% vào cuối năm 2025",
        (),
        pattern=r"năm \d{4}",
    ),
    NamedRule(
        "label.other_year",
        "a year before the report year, or a goal's year after the plan year: the figure is "
        "skipped",
        "Năm 2019, tỷ lệ ... đạt 80%",
        ("doc.year_mentions",),
        pattern=r"other year: .+",
    ),
    NamedRule(
        "label.other_period",
        'a multi-year total ("giai đoạn 2021 - 2023"): skipped',
        "Giai đoạn 2021 - 2023, toàn tỉnh ...",
        ("doc._PERIOD_LEAD",),
        pattern=r"other period: .+",
    ),
    NamedRule(
        "label.target_word",
        "a plan word before the figure in its sentence (not one measured "
        'against: "đạt 113% so với mục tiêu đề ra")',
        "phấn đấu đạt 95%",
        ("lexicon:label_cues.target_words", "labels._MEASURED_AGAINST"),
        pattern=_words_pattern(TARGET_WORDS),
    ),
    NamedRule(
        "label.report_word",
        "a past-tense word, an estimate of the year or a comparison with last year's same "
        "period before the figure in its sentence (weak)",
        "đã giải quyết việc làm cho 26.742 người",
        ("lexicon:label_cues.report_words", "lexicon:result_marks"),
        pattern=_words_pattern(REPORT_WORDS),
    ),
    NamedRule(
        "label.estimate_of_year",
        '"dự kiến đến cuối năm": this year\'s estimate, an achievement',
        "Dự kiến đến cuối năm, số người tham gia BHXH đạt ...",
        ("labels._ESTIMATE_OF_YEAR",),
        cue="estimate of the year",
    ),
    NamedRule(
        "label.passage",
        "the scope carried from earlier sentences of the paragraph, or over a "
        "heading, a line ending with ':' or bullets (a goal quoted in brackets, "
        '"(Bộ Y tế đặt mục tiêu 26 giường)", carries none, nor does the year of the '
        'conference\'s own name, "tại Hội nghị triển khai nhiệm vụ năm 2021")',
        "Phương hướng năm 2024: - 95% ...",
        ("labels._CONFERENCE_YEAR", "lexicon:passage_cues.conference_frames"),
        pattern=r"passage: .+",
    ),
    NamedRule(
        "label.plan_verb",
        "a plan verb opens the clause (unless a result precedes it)",
        "nâng tổng số lên ...",
        ("labels._TARGET_VERB",),
        cue="plan verb",
    ),
    NamedRule("label.default", "no cue at all: an achievement", "", (), cue="default"),
    NamedRule(
        "label.plan_share_reached",
        "a plan word but a plan share reached: an achievement",
        "tỷ lệ xã phấn đấu đạt chuẩn ... đạt 34,2%, vượt 1,3% kế hoạch",
        (),
        cue="plan share reached",
    ),
    NamedRule(
        "label.outcome",
        '"kết quả, ...", "kết quả đã ...": the outcome told after a goal, as strong as the '
        "goal's own cue: an achievement",
        "đặt mục tiêu 20.000 lao động; kết quả đã giải quyết 21.500",
        ("labels._OUTCOME", "lexicon:outcome_leads"),
        cue="outcome",
    ),
    NamedRule(
        "label.reviewed_year_goal",
        "a plan word after the report year's own mention: the reviewed year's goal, told in "
        "passing (GUIDELINES §8.2): skipped",
        "Năm 2023, ngành đặt mục tiêu 20.000 lao động (review of 2023)",
        (),
        cue="goal of the reviewed year",
    ),
    NamedRule(
        "label.assigned_plan",
        "the reviewed year's assigned plan (a table's plan column, "
        '"chỉ tiêu giao", "kế hoạch (95%)"): skipped',
        "(kế hoạch 95%)",
        ("labels._ASSIGNED", "labels._PLAN_ASIDE", "table.plan_column"),
        cue="assigned plan of the reviewed year",
    ),
    NamedRule(
        "label.comparison",
        'an achievement followed by a comparison (suffix "; comparison")',
        "tăng 10% so với năm trước",
        ("common._COMPARE_AFTER",),
        cue="comparison",
    ),
)
