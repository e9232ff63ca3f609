"""The figures pass: every figure with its clause, indicator and label, and the rules that
decided them."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import cache

from extractor import vi
from extractor.indicators import (
    LINK_ADVERBS,
    MEASURE_ASPECTS,
    aspect_after,
    cases_and_offenders,
    noun_after,
    pair_link,
    strip_actor,
    strip_time,
)
from extractor.models import Metric
from extractor.numbers import Quantity, counted, find_quantities, parse_number, same_counted
from extractor.strategies.rules.awards import award_mentions_of
from extractor.strategies.rules.common import (
    _COMPARE_AFTER,
    _I,
    _PHOTO_CREDIT,
    Label,
    Span,
    _alt,
    _clean,
    _stated,
    _trim_span,
)
from extractor.strategies.rules.doc import Document, _Spans
from extractor.strategies.rules.header import title_span_of
from extractor.strategies.rules.indicators import (
    _CHANGE_WORDS,
    _any_in,
    _indicator,
    _tail_end,
    acts_over_semicolons,
    places_of_list,
    with_counted_noun,
)
from extractor.strategies.rules.labels import _classify, _Doc, _passage_states
from extractor.strategies.rules.registry import NamedRule, register
from extractor.strategies.rules.skips import _inner_reason
from extractor.strategies.rules.years import _complete_years, names_plan_year
from extractor.text import fold
from extractor.vi.labels import LABEL_THRESHOLD, content_syllables, label_similarity


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
    verb_head: bool = False  # ... a bare verb ("hỗ trợ") its list's objects share
    level: str = ""  # a change's: the name of the level it changes ("doanh thu du lịch")

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
    prev_unit = ""
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
                # "giải quyết xong 11.800 việc, đạt trên 76%, vượt trên 6% so với chỉ tiêu": a
                # share below the plan that "exceeds" it is a rate, the excess in points
                and not (q.value < 100 and _EXCEEDS_NEXT.match(text, q.end))
                and (
                    spans.sent_idx(q.start) in plan_sents
                    and re.fullmatch(r"\s*,\s*", text[prev_end : q.start - len(vm.group())])
                    # "giải quyết việc làm cho 26.742 người (đạt 107%)"
                    or re.fullmatch(r"\s*\(\s*", text[prev_end : q.start - len(vm.group())])
                    and re.match(r"\s*\)", text[q.end : q.end + 3])
                    # ... not "giải quyết 105 nguồn tin (đạt 93%)": a resolution rate
                    and not (q.value < 100 and fold(prev_unit) in _RATE_UNITS)
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
        prev_unit = q.unit or ""
    return keep, found


_RATE_UNITS = frozenset(fold(w) for w in vi.entry("plan.rate_units.words"))
_EXCEEDS_NEXT = re.compile(r"\s*[,;]?\s*vượt(?!\w)", _I)
_GAP_WORDS = frozenset(
    fold(w) for w in ("đạt", "bằng", "và", "ước", "hoàn", "thành", "tương", "đương", "được", "là")
)


def _names_own_item(gap: str) -> bool:
    """True when the words after the last comma before a plan phrase name another item
    ("tỷ lệ giải quyết án dân sự vượt 9%, án hành chính vượt 22,25% so với chỉ tiêu"): the
    phrase is that item's figure, not the plan share of the figure before."""
    tail = gap.rsplit(",", 1)[1] if "," in gap else ""
    if not tail or re.search(r"[\d()]", tail):
        return False  # "..., tăng 7,28% so với năm 2020 (vượt 2,52% ...": a comparison passed
    words = re.findall(r"[^\W\d_]+", tail)
    return len(words) >= 2 and not any(fold(w) in _GAP_WORDS for w in words)


# "... đã đưa 605 lao động đi làm việc ở nước ngoài. Đạt 100,8% chỉ tiêu ...": a sentence that
# opens with the plan share is the share of the figure the sentence before ended with
_OPENS_NEXT_SENTENCE = re.compile(
    rf"^[^.!?\n]*[.!?]\s+(?:{_alt(vi.entry('plan.share_verbs'))})\s*$", _I
)


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
            same_sentence = spans.sent_idx(plain[k].start) == spans.sent_idx(p.start)
            if (
                (same_sentence or _OPENS_NEXT_SENTENCE.search(gap))
                and ";" not in gap
                and len(gap) <= 120
                and not _names_own_item(gap)
            ):
                attached[k] = p
                continue
        standalone.append(p)
    figures = [(q, attached.get(i)) for i, q in enumerate(plain)] + [(p, None) for p in standalone]
    figures.sort(key=lambda f: f[0].start)
    return figures


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


def candidates(
    text: str, *, report_year: int | None = None, plan_year: int | None = None
) -> list[Candidate]:
    """Every figure of ``text`` with its clause, indicator, label guess and deciding cue.

    Years default to :func:`detect_years`. Plan phrases ("vượt 33,3% kế hoạch") become the
    ``plan_pct`` of the figure they follow; a plan phrase with no figure before it in its
    clause becomes a figure of its own (value as stated). Spans index ``text`` even when it
    is not NFC or has runs of spaces (the rules read its reading form, :class:`Document`)."""
    return candidates_of(Document(text), report_year=report_year, plan_year=plan_year)


def candidates_of(
    doc: Document, *, report_year: int | None = None, plan_year: int | None = None
) -> list[Candidate]:
    """:func:`candidates` of a :class:`Document` (spans index its original text)."""
    if doc.is_verbatim:
        return _candidates(doc, report_year, plan_year)
    text, offsets = doc.original, doc.offsets
    return [_remap(c, text, offsets) for c in _candidates(doc, report_year, plan_year)]


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


_NAMES_NOTHING = "label names nothing"
_SECOND_PLAN = "second plan share of the figure before"
_NO_PLAN_YEAR = "a goal in a text that names no plan year"
# the rest of one plan phrase, then the verb of the next ("... Bộ Tài chính giao, đạt ",
# "... UBND tỉnh giao và đạt ")
_LIST_GAP = re.compile(
    r"[^,;.()\d]{0,60}?(?:[,;]\s*|\s+và\s+)(?:(?:đạt|bằng|vượt|hoàn\s+thành)\s+)?", _I
)


def _second_look(cand: Candidate, text: str, prev: Candidate | None, prev_end: int,
                 out: list[Candidate], si: int, spans: _Spans,
                 plan_end: int | None = None) -> Candidate:  # fmt: skip
    """A kept figure once more, with what its sentence and the one before show: a second
    plan share of the figure before is skipped; a label that names nothing takes the name
    of the same measure in the sentence before, or the figure is skipped."""
    q = cand.quantity
    if cand.label == "skip":
        return cand
    after_prev = prev is not None and prev.plan_pct is not None
    if q.kind == "plan" and (
        (after_prev and _LIST_GAP.fullmatch(text[prev_end : q.start]))
        or (plan_end is not None and _LIST_GAP.fullmatch(text[plan_end : q.start]))
    ):
        # "đạt 118,5% chỉ tiêu Bộ giao, đạt 109,7% chỉ tiêu phấn đấu": a second plan share
        # of the figure before (a figure carries one, GUIDELINES §4.6), also after a
        # comparison in between ("..., giảm 1,82% so với cùng kỳ, chỉ đạt 90,26% kế hoạch đầu
        # năm, đạt 100,03% kế hoạch điều chỉnh")
        return _skipped(cand, _SECOND_PLAN)
    if aspect := aspect_after(text, q.end):
        # "tỷ lệ thi hành xong đạt 83,99% về việc, 44,26% về tiền", "Cục THADS đạt 60% về
        # việc": a measure told in one aspect and then another, each named with its aspect
        measure = _measure_of_aspect(cand, text, prev, aspect)
        if measure:
            return replace(
                cand,
                indicator=f"{measure} {aspect}",
                head=measure,
                rules=("indicator.measure_aspect", *cand.rules),
            )
    if not _names_nothing(cand.to_metric().indicator):
        return cand
    before = _same_measure_before(out, q, si, spans)
    if before is None:
        return _skipped(cand, _NAMES_NOTHING)
    # "Năm 2023, tỷ lệ tiêm chủng đạt 98,5%. Năm 2024, phấn đấu đạt 99%.": the same measure
    # as the figure before, in the next sentence
    same = ("indicator.same_measure_before", *cand.rules)
    return replace(cand, indicator=before.indicator, rules=same)


_LINK_VERB = re.compile(r"\s(?:đạt|là|chiếm)(?!\w)", _I)
_TRAIL_ADVERB = re.compile(rf"(?:\s+(?:{_alt(list(LINK_ADVERBS))}))+$", _I)
_LINK_END = re.compile(
    rf"[\s,:(]*(?:(?:{_alt(list(LINK_ADVERBS))})\s+)?(?:đạt|là|bằng)?[\s,:(]*$", _I
)


def _measure_of_aspect(cand: Candidate, text: str, prev: Candidate | None, aspect: str) -> str:
    """What a figure told in one aspect ("về tiền") measures: its own label without the
    aspect, else the measure of the aspect figure before it in the sentence, else the words of
    its clause (an actor kept: "Cục THADS")."""
    own = re.sub(rf"\s*{re.escape(aspect)}$", "", cand.indicator, flags=_I).strip()
    own = own.rsplit("(", 1)[-1].strip()
    if own and not _names_nothing(own) and fold(own) not in _aspect_words():
        return own
    if prev is not None and "indicator.measure_aspect" in prev.rules and prev.head:
        return prev.head
    before = text[cand.clause[0] : cand.quantity.start]
    outer, _, inner = before.rpartition("(")
    for part in (inner, outer):
        # "... còn đạt thấp (tỷ lệ 2,28% về việc": the measure before the bracket
        part = _LINK_VERB.split(part, maxsplit=1)[0] if part is outer else part
        words = strip_time(_clean_clause(_LINK_END.sub("", _clean_clause(part))))
        words = _TRAIL_ADVERB.sub("", words)
        if words and not _names_nothing(words):
            return words
    return ""


@cache
def _aspect_words() -> frozenset[str]:
    return frozenset(fold(a) for a in MEASURE_ASPECTS)


def _clean_clause(s: str) -> str:
    return _clean(s).strip(" ,;:(")


def _skipped(cand: Candidate, cue: str) -> Candidate:
    return replace(cand, label="skip", cue=cue, rules=(*cand.rules[:-1], f"label: {cue}"))


def _names_nothing(indicator: str) -> bool:
    """True when every content word of ``indicator`` is a unit, a time word or a word of
    measure alone (lexicon ``empty_labels``: "đồng", "năm", "giá trị", "mức độ 4"): such a
    label tells an analyst nothing, and the figure is not kept."""
    return all(w in _empty_words() for w in content_syllables(indicator))


@cache
def _empty_words() -> frozenset[str]:
    return frozenset(w for e in vi.entry("empty_labels") for w in content_syllables(e))


def _candidates(document: Document, report_year: int | None, plan_year: int | None
                ) -> list[Candidate]:  # fmt: skip
    text = document.text
    report_year, plan_year = _complete_years(document, report_year, plan_year)
    doc = _Doc(document, report_year, plan_year)
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
    for sp, _a in award_mentions_of(document):
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
        kept: list[Candidate] = []  # the sentence's figures so far (the base of a change)
        plan_end: int | None = None  # where the sentence's last attached plan phrase ends
        for j, (q, plan_q) in enumerate(figs):
            own_end = (plan_q or q).end
            next_start = starts[j + 1] if j + 1 < len(figs) else se
            outer = _outside_aside(text, kept, prev, q.start)
            if outer is None and prev is not None and "indicator.workload_base" in prev.rules:
                outer = kept[-2] if len(kept) >= 2 else None  # the part, not its whole
            parent = _aside_parent(text, kept, ss, q.start)
            peer = _unit_peer(text, kept, prev, q)
            clause = with_counted_noun(
                _indicator(text, ss, se, q, plan_q, prev_end, starts, prev, outer, parent, peer),
                q,
            )
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
                # the last figure that is one ("79 sản phẩm đạt 3 sao (... 137%), nâng số sản
                # phẩm OCOP ... là 252": the share skipped as naming nothing is none)
                prev_label=next((k.label for k in reversed(kept) if k.label != "skip"), None),
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
                verb_head=clause.verb_head,
                level=clause.level,
            )
            cand = _second_look(cand, text, prev, prev_end, out, si, spans, plan_end)
            if plan_q is not None and q.kind != "plan":
                plan_end = plan_q.end
            shared = None
            if prev is not None and out[-1] is prev:
                if "indicator.slash_pair" in clause.rules:
                    # "162 vụ/225 bị can về tội phạm về ma túy": what follows the pair names both
                    shared = _pair_tail(text, q, next_start, prev)
                elif cases_and_offenders(prev.unit, q.unit) and _COMMA_PAIR_JOIN.fullmatch(
                    text, prev.quantity.end, q.num_start
                ):
                    # "bắt 355 vụ, 622 đối tượng vi phạm pháp luật về ma túy": the same
                    shared = _pair_tail(text, q, next_start, prev)
                elif "indicator.count_with_count" in clause.rules:
                    # "13 vụ với 23 đối tượng buôn lậu, gian lận thương mại": what the second
                    # count is about names a first count that has no name but its noun
                    shared = _with_tail(text, q, next_start, prev)
            if shared is not None and prev is not None:
                prev = out[-1] = replace(prev, indicator=shared,
                                         rules=(*prev.rules[:-1], "indicator.pair_tail",
                                                prev.rules[-1]))  # fmt: skip
                kept[-1] = prev
            out.append(cand)
            prev_end = max(prev_end, own_end)
            if label != "skip" or cue in ("award recipients", "baseline"):
                prev = cand
                kept.append(cand)
    out.sort(key=lambda c: c.quantity.start)
    out = _distinguished_by_subject(text, places_of_list(text, acts_over_semicolons(text, out)))
    if plan_year is not None and not names_plan_year(document, plan_year):
        # "Phấn đấu thu đạt và vượt chỉ tiêu 19.000 tỷ đồng" in a text that names no plan
        # year: no plan year, so no targets (GUIDELINES §2: plan_year null)
        out = [_skipped(c, _NO_PLAN_YEAR) if c.label == "target" else c for c in out]
    title = title_span_of(document)
    return _mark_duplicates(
        [replace(c, index=i) for i, c in enumerate(out)],
        title,
        _captions(text, spans),
        _headings(text, spans),
        _lead(spans, title),
    )


_MAX_ASIDE_GAP = 60  # characters between a figure and the bracket that details it
_MAX_ASIDE_SPAN = 600  # how far back an open bracket is looked for (a long text stays linear)


def _aside_parent(text: str, kept: list[Candidate], ss: int, pos: int) -> Candidate | None:
    """The figure an open bracket around ``pos`` details ("252.286 lượt người (trình độ cao
    đẳng 32.329 người, trung cấp 27.350 người"): the last figure before the bracket, when
    the bracket follows its noun phrase closely; None otherwise."""
    open_at = _open_bracket(text, max(ss, pos - _MAX_ASIDE_SPAN), pos)
    if open_at < 0:
        return None
    parent = _last_ending_by(kept, open_at)
    if parent is None or open_at - parent.quantity.end > _MAX_ASIDE_GAP:
        return None
    if re.search(r"[;.:]", text[parent.quantity.end : open_at]):
        return None
    return parent


def _open_bracket(text: str, lo: int, pos: int) -> int:
    """Where the bracket still open at ``pos`` opened (searching back to ``lo``), or -1."""
    end = pos
    while (i := text.rfind("(", lo, end)) >= 0:
        if text.count(")", i, pos) <= text.count("(", i + 1, pos):
            return i  # every bracket closed after it opened after it
        end = i
    return -1


def _last_ending_by(kept: list[Candidate], pos: int) -> Candidate | None:
    """The last of ``kept`` (in text order) that ends by ``pos``; they are few after it."""
    for c in reversed(kept):
        if c.quantity.end <= pos:
            return c
    return None


def _rounds_to(exact: float, written: str, value: float, approximate: bool = True) -> bool:
    """Whether a headline's approximate ``value`` (as ``written``, "gần 2,75%") is ``exact``
    rounded to the digits it shows, or within 1 % of it ("Gần 99%" for 98,86%); a value
    written as exact only when it is ``exact`` rounded to its decimals ("18,4%" for 18,42%)."""
    if exact == value:
        return False  # the same value is a plain repeat, matched elsewhere
    m = re.search(r"\d+(?:[.,]\d+)*", written)
    decimals = len(m.group(0).rsplit(",", 1)[1]) if m and "," in m.group(0) else 0
    step = 10.0**-decimals
    try:  # "trên 72 tỷ đồng": the last digit shown counts in tỷ, not in đồng
        shown = parse_number(m.group(0)) if m else 0.0
    except ValueError:
        shown = 0.0
    if shown:
        step *= abs(value / shown)
    if not approximate:
        return decimals > 0 and abs(exact - value) <= step / 2 + 1e-9
    return abs(exact - value) <= max(step, abs(exact) * 0.01) + 1e-9


# "355 vụ, 622 đối tượng": the second count of a pair after a comma
_COMMA_PAIR_JOIN = re.compile(
    rf"\s*,\s*(?:(?:{vi.alternation(vi.entry('pair_qualifiers'))})\s+)?", _I
)  # (lexicon pair_qualifiers: "hơn", "khoảng", ...)


def _same_measure_before(
    out: list[Candidate], q: Quantity, si: int, spans: _Spans
) -> Candidate | None:
    """The last kept figure of the sentence before, of ``q``'s kind and unit, when this
    sentence has kept none before ``q``."""
    for c in reversed(out):
        ci = spans.sent_idx(c.quantity.start)
        if ci < si - 1:
            return None
        if c.label != "skip" and ci == si:
            return None  # "chỉ số tăng 8,5%, bằng 100,12% năm trước": not an ellipsis
        if c.label != "skip":
            same = c.quantity.kind == q.kind and (c.unit or "") == (q.unit or "")
            return c if same and not _names_nothing(c.indicator) else None
    return None


def _pair_tail(text: str, q: Quantity, limit: int, first: Candidate) -> str | None:
    """The first count's name when the words after the second of a pair "A vụ/B bị can về
    tội phạm về ma túy" describe both and the first has no name of its own ("vụ/")."""
    own = first.indicator.rstrip("/ ").split()
    if len(own) > 3 and not fold(" ".join(own)).endswith(" " + fold(first.unit or "-")):
        return None  # a name of its own, not an act and its noun ("phát hiện, bắt giữ vụ")
    # from the word that links the second count's noun to what it is about
    link = pair_link(noun_after(text, q.num_end, limit))
    if len(link.split()) < 3:
        return None
    return " ".join([*own, link])


def _with_tail(text: str, q: Quantity, limit: int, first: Candidate) -> str | None:
    """The first count's name when it is its noun alone ("13 vụ") and the count "với" it
    says what both are about ("với 23 đối tượng buôn lậu, gian lận thương mại")."""
    if not first.unit or fold(first.indicator) != fold(first.unit) or not q.unit:
        return None
    words = noun_after(text, q.num_end, limit).split()
    unit = q.unit.split()
    if [w.lower() for w in words[: len(unit)]] != [w.lower() for w in unit]:
        return None
    about = words[len(unit) :]
    if len(about) < 2:
        return None
    return " ".join([first.indicator, *about])


def _unit_peer(
    text: str, kept: list[Candidate], prev: Candidate | None, q: Quantity
) -> Candidate | None:
    """One of the sentence's last three counts (or amounts) in ``q``'s unit, when ``prev``
    counts another thing ("1.079 vụ, 1.369 bị can, giảm 02 vụ": the 1.079 for the 02;
    "đạt 436 tỷ đồng, với 22.470 lượt khách, tăng 36 tỷ đồng": the 436 tỷ for the 36); the
    one of the sentence with the same noun after its unit first ("31 vụ cháy và 1 vụ nổ, ...
    giảm 7 vụ cháy": the 31), then the one whose label names that noun."""
    unit = (q.unit or "").lower()
    if q.kind not in ("count", "money") or not unit or prev is None:
        return None
    if (prev.unit or "").lower() == unit:
        return None
    peers = [
        c
        for c in reversed(kept)
        if c.quantity.kind == q.kind and (c.quantity.unit or "").lower() == unit
    ]
    noun = _NEXT_WORD.match(text, q.end)
    if noun and (q.kind == "money" or fold(noun.group(1)) in _NOT_A_NOUN):
        noun = None  # "tăng 85 vụ so với ...": no noun of its own
    for c in peers if noun else ():
        other = _NEXT_WORD.match(text, c.quantity.end)
        if other and fold(other.group(1)) == fold(noun.group(1)):
            return c
    for c in peers if noun else ():
        # "làm chết 50 người, bị thương 80 người; ... giảm 5 người chết": the count whose
        # label names the same harm
        if fold(noun.group(1)) in fold(c.indicator).split():
            return c
    recent = {id(c) for c in kept[-3:]}
    return next((c for c in peers if id(c) in recent), None)


_NEXT_WORD = re.compile(r"[^\S\n]+([^\W\d_]+)")
_NOT_A_NOUN = frozenset(
    fold(w) for w in ("so", "và", "với", "tăng", "giảm", "trong", "là", "đạt", "của", "được")
)


def _outside_aside(
    text: str, kept: list[Candidate], prev: Candidate | None, pos: int
) -> Candidate | None:
    """The figure before an aside that closed between the previous figure and ``pos``
    ("185 trường (trong đó: mầm non 73 trường, …, phổ thông 7 trường), vượt 15 trường
    so với kế hoạch": the 15 compares the 185, not the 7); None when no aside closed."""
    if prev is None:
        return None
    close = text.rfind(")", prev.quantity.end, pos)
    if close < 0:
        return None
    opened = _open_bracket(text, max(0, close - _MAX_ASIDE_SPAN), close)
    if opened < 0 or opened > prev.quantity.start:
        return None  # the aside does not hold the previous figure
    return _last_ending_by(kept, opened)


def _captions(text: str, spans: _Spans) -> list[Span]:
    """Paragraphs that are photo captions (they carry a photo credit)."""
    return [(a, b) for a, b in spans.paras if _PHOTO_CREDIT.search(text, a, b)]


def _headings(text: str, spans: _Spans) -> list[Span]:
    """Sub-headings inside the body: short one-line paragraphs with no closing punctuation
    before more text ("■ 48 nhiệm vụ khoa học và công nghệ được triển khai")."""
    out = []
    for a, b in spans.paras[:-1]:
        line = text[a:b].strip()
        if line and "\n" not in line and len(line.split()) <= 20 and line[-1] not in _CLOSING:
            out.append((a, b))
    return out


_CLOSING = '.!?;:…"”)»'
_MIN_PARAS_FOR_LEAD = 3  # a lead paragraph sums up a body of at least two more


def _lead(spans: _Spans, title: Span | None) -> Span | None:
    """The lead paragraph (the first after the headline) of a text with a body after it:
    its figures sum up the body's ("Đồng Nai ... dự kiến đưa ra đấu giá 72 khu, thửa đất")."""
    paras = [p for p in spans.paras if title is None or p[0] >= title[1]]
    return paras[0] if len(paras) >= _MIN_PARAS_FOR_LEAD else None


def _in_spans(pos: int, spans: list[Span]) -> bool:
    """``pos`` inside one of ``spans`` (sorted, not overlapping: paragraphs), by bisection."""
    i = bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


_REPEAT_PCT_SIMILARITY = 0.7  # two equal percentages need closer names to be one figure


def _distinctive(c: Candidate) -> bool:
    """A value unlikely to recur by chance (an amount of money, a decimal, 1,000 or more),
    so an equal value with a similar name later is the same figure restated ("5 chỉ tiêu"
    twice may be two sets of five)."""
    return c.quantity.kind == "money" or c.value >= 1000 or c.value != int(c.value)


_CHANGE_LABEL = re.compile(rf"(?<!\w)(?:{_CHANGE_WORDS})(?!\w)", re.IGNORECASE)


def _restated_change(o: Candidate, c: Candidate) -> bool:
    """Two changes of one value of 100 or more, counting the same thing, whose names share
    a word besides the change ("thụ lý tăng 335 vụ, việc" and, a paragraph on, "số vụ việc
    phải thụ lý tăng ... (tăng 335 vụ việc)"): the summary's figure told again in detail."""
    if c.value < 100 or not (
        _CHANGE_LABEL.search(o.indicator) and _CHANGE_LABEL.search(c.indicator)
    ):
        return False
    # the counted noun ("vụ", "số vụ") names what both count, not what they count it of
    counted_words = set(content_syllables(f"{o.unit or ''} {c.unit or ''}"))
    words = set(content_syllables(_CHANGE_LABEL.sub(" ", o.indicator))) - counted_words
    return bool(words & set(content_syllables(_CHANGE_LABEL.sub(" ", c.indicator))))


def _many_digits(c: Candidate) -> bool:
    """A count or an amount written with four significant digits or more ("66.362 tỷ
    đồng", "15.537"): the same value twice in one article is the same figure."""
    if c.quantity.kind not in ("money", "count"):
        return False
    digits = re.sub(r"\D", "", c.quantity.text.split("/")[0])
    return len(digits.strip("0")) >= 4


def _shown_digits(c: Candidate) -> int:
    """Significant digits the figure is written with ("3 tỷ USD": 1, "3.010 triệu USD": 3)."""
    m = re.search(r"\d+(?:[.,]\d+)*", c.quantity.text)
    return len(re.sub(r"\D", "", m.group(0)).strip("0")) if m else 0


def _value_key(c: Candidate) -> tuple[object, ...]:
    """A body figure's value and what it counts, by the counted noun's head: "24.698 vụ"
    restated as "24.698 vụ án" is one figure."""
    head = counted(c.quantity).split()[:1] if c.quantity.kind != "money" else [c.unit]
    return (c.label, c.value, c.value_max, *head)


_CLAUSE_BOUND = re.compile(r"[;:.\n]")
_LEADING_LINK = re.compile(r"^(?:[\s,\-–]|(?:và|còn|trong\s+đó|riêng)(?!\w))+", _I)


def _subject_of(text: str, c: Candidate, lo: int) -> str:
    """The actor that opens ``c``'s clause ("Toà án nhân dân tỉnh" in "Toà án nhân dân tỉnh
    thụ lý 450 vụ"), or ""; the clause starts after the last ";", ":" or "." before the
    figure and not before ``lo``."""
    q = c.quantity
    start = max(lo, c.sentence[0])
    for m in _CLAUSE_BOUND.finditer(text, start, q.start):
        start = m.end()
    seg = _LEADING_LINK.sub("", text[start : q.start]).strip()
    rest = strip_actor(seg)
    return seg[: len(seg) - len(rest)].strip(" ,") if rest != seg else ""


def _distinguished_by_subject(text: str, out: list[Candidate]) -> list[Candidate]:
    """Figures of one paragraph whose labels came out the same and whose clauses open with
    different actors are told apart by them: "Toà án nhân dân tỉnh thụ lý 450 vụ; giải
    quyết, xét xử 408 vụ; Toà án nhân dân cấp huyện thụ lý 3.578 vụ" -> "Toà án nhân dân
    tỉnh thụ lý vụ", "Toà án nhân dân cấp huyện thụ lý vụ" (a clause without an actor of its
    own keeps the one before it in the sentence)."""
    by_para: dict[int, list[int]] = {}
    for i, c in enumerate(out):
        if c.label in ("achievement", "target"):
            by_para.setdefault(text.rfind("\n", 0, c.quantity.start), []).append(i)
    for idxs in by_para.values():
        groups: dict[tuple[str, str], list[int]] = {}
        for i in idxs:
            groups.setdefault((out[i].label, fold(out[i].indicator)), []).append(i)
        if all(len(members) < 2 for members in groups.values()):
            continue  # no label twice: nothing to tell apart
        subjects: dict[int, str] = {}
        last, lo, sent = "", 0, None
        for i in idxs:
            if out[i].sentence != sent:
                last, sent = "", out[i].sentence
            own = _subject_of(text, out[i], lo)
            last = own or last
            subjects[i] = last
            lo = out[i].quantity.end
        for members in groups.values():
            names = [subjects[i] for i in members]
            if len(members) < 2 or not all(names) or len({fold(n) for n in names}) < len(names):
                continue
            for i in members:
                c = out[i]
                if fold(c.indicator).startswith(fold(subjects[i])):
                    continue
                out[i] = replace(
                    c,
                    indicator=f"{subjects[i]} {c.indicator}",
                    rules=(*c.rules[:-1], "indicator.subject_distinguishes", *c.rules[-1:]),
                )
    return out


def _mark_duplicates(
    cands: list[Candidate],
    title: Span | None,
    captions: list[Span] | None = None,
    headings: list[Span] | None = None,
    lead: Span | None = None,
) -> list[Candidate]:
    """Label repeats "skip": a caption repeating the body (same evidence or indicator, or in a
    photo caption the same figure with a label naming the same thing) and a headline or a
    sub-heading restating a body figure (same label, value and unit)."""

    def in_title_line(c: Candidate) -> bool:
        return title is not None and title[0] <= c.quantity.start < title[1]

    def in_heading(c: Candidate) -> bool:
        return _in_spans(c.quantity.start, headings or [])

    def in_title(c: Candidate) -> bool:
        pos = c.quantity.start
        return (title is not None and title[0] <= pos < title[1]) or in_heading(c)

    body = {
        (c.label, c.value, c.value_max, c.unit): c.index
        for c in reversed(cands)
        if c.label != "skip" and not in_title(c)
    }
    # "Thu ngân sách năm 2022 đạt 112,4% kế hoạch" as a headline: the body's plan share
    body_plans = {c.plan_pct: c.index for c in cands if c.plan_pct is not None and not in_title(c)}
    seen: dict[tuple[object, ...], int] = {}
    kept_by_value: dict[tuple[object, ...], list[Candidate]] = {}  # body items, by value
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
            out.append(_skipped(c, cue))
            continue
        key = (c.label, c.value, c.value_max, c.unit)
        keys = (key + (fold_once(c.evidence),), key + (fold_once(c.indicator),))
        first = body.get(key) if in_title(c) else next((seen[k] for k in keys if k in seen), None)
        if (
            first is not None
            and in_heading(c)
            and not in_title_line(c)
            and label_similarity(cands[first].indicator, c.indicator) < LABEL_THRESHOLD
        ):
            # a sub-heading names what it sums up: the body's figure must name the same thing
            # ("■ Hoàn thành ... 7 nhiệm vụ theo Chương trình 56" is not "theo dõi 7 nhiệm vụ")
            first = None
        # a headline in capitals ("... GIẢM 6 VỤ CHÁY") names its units in capitals, which no
        # unit reads: the body's figure of the same value (or the one it rounds) is its figure
        capitals = in_title_line(c) and c.evidence.isupper()
        if first is None and in_title(c):
            # "GRDP ... tăng gần 2,75%" over the body's "tăng 2,74%", "giảm 18,4%" over
            # "(18,42%)": a headline rounds
            approx = c.quantity.qualifier != "exact"
            first = next(
                (
                    o.index
                    for o in cands
                    if o.label == c.label
                    and not in_title(o)
                    and (capitals or o.unit == c.unit or same_counted(o.quantity, c.quantity))
                    and (
                        (capitals and (o.value, o.value_max) == (c.value, c.value_max))
                        or (
                            o.value_max is None
                            and _rounds_to(o.value, c.quantity.text, c.value, approx)
                        )
                    )
                ),
                None,
            )
        if first is None and in_title(c):
            # "phấn đấu giải quyết việc làm cho 32.000 lượt lao động" over the body's "32.000
            # lao động": the same value of the same thing, its unit worded differently
            first = next(
                (
                    o.index
                    for o in cands
                    if o.label == c.label
                    and not in_title(o)
                    # "đón hơn 3 triệu lượt khách" over the body's "3 triệu đến 3,5 triệu"
                    and (
                        (o.value, o.value_max) == (c.value, c.value_max)
                        or (c.value_max is None and o.value_max is not None and c.value == o.value)
                    )
                    and o.quantity.kind == c.quantity.kind
                    and label_similarity(o.indicator, c.indicator) >= LABEL_THRESHOLD
                ),
                None,
            )
        if first is None and not in_title(c) and _distinctive(c):
            # the same figure restated later in the body ("giá trị sản xuất công nghiệp (theo giá
            # so sánh 2010) ước đạt 15.537 tỷ đồng" after "... có nhiều chuyển biến, ước đạt
            # 15.537 tỷ đồng"): labelled once (GUIDELINES §4.1)
            bound = _REPEAT_PCT_SIMILARITY if c.quantity.kind == "percent" else LABEL_THRESHOLD
            if _many_digits(c):
                bound = 0.0  # "66.362 tỷ đồng" twice is one figure, however it is named
            first = next(
                (
                    o.index
                    for o in kept_by_value.get(_value_key(c), ())
                    if o.quantity.kind == c.quantity.kind
                    and label_similarity(o.indicator, c.indicator) >= bound
                ),
                None,
            )
        if first is None and not in_title(c) and c.quantity.kind == "count":
            first = next(
                (
                    o.index
                    for o in kept_by_value.get(_value_key(c), ())
                    if o.quantity.kind == c.quantity.kind and _restated_change(o, c)
                ),
                None,
            )
        if (
            first is None
            and lead is not None
            and c.quantity.qualifier != "exact"
            and _in_spans(c.quantity.start, [lead])
        ):
            # "(giá trị xuất - nhập khẩu năm 2018 ước đạt 3 tỷ USD)" in the lead, "giá trị hàng
            # hóa xuất - nhập khẩu ... đạt 3.010 triệu USD" in the body: the lead rounds the
            # body's figure, which is kept
            first = next(
                (
                    o.index
                    for o in cands
                    if o.label == c.label
                    and o.quantity.start > c.quantity.start
                    and not _in_spans(o.quantity.start, [lead])
                    and o.unit == c.unit
                    and o.value_max is None
                    and _shown_digits(o) > _shown_digits(c)
                    and _rounds_to(o.value, c.quantity.text, c.value)
                    and label_similarity(o.indicator, c.indicator) >= LABEL_THRESHOLD
                ),
                None,
            )
        if first is None and lead is not None and not _in_spans(c.quantity.start, [lead]):
            # "... dự kiến đưa ra đấu giá 72 khu, thửa đất" in the lead, "... có thể tổ chức
            # đấu giá 72 khu, thửa đất" in the body: the body restates the lead's figure,
            # however small (GUIDELINES §4.1: labelled once)
            first = next(
                (
                    o.index
                    for o in kept_by_value.get(_value_key(c), ())
                    if _in_spans(o.quantity.start, [lead])
                    and o.quantity.kind == c.quantity.kind
                    and label_similarity(o.indicator, c.indicator) >= LABEL_THRESHOLD
                ),
                None,
            )
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
            out.append(_skipped(c, cue))
            continue
        seen.update({k: c.index for k in keys})
        if not in_title(c):
            kept_by_value.setdefault(_value_key(c), []).append(c)
        out.append(c)
    return out


DUPLICATE_RULES: tuple[NamedRule, ...] = register(
    NamedRule(
        "label.duplicate",
        "a repeat of an earlier item (same evidence or indicator; a photo "
        "caption naming the same thing; a headline restating a body figure, its unit perhaps "
        "worded differently; a change of 100 or more told again with a name sharing a word): "
        "skipped",
        "a caption repeating the body",
        (),
        pattern=r"duplicate of #\d+",
    ),
    NamedRule(
        "label.second_plan_share",
        "a plan share right after the plan share of the figure before is a second yardstick "
        "of that figure, not a figure of its own: skipped",
        "đạt 118,5% chỉ tiêu Bộ Tài chính giao, đạt 109,7% chỉ tiêu phấn đấu",
        (),
        cue=_SECOND_PLAN,
    ),
    NamedRule(
        "label.names_nothing",
        "the label would be only a unit, a time word or a word of measure "
        '("đồng", "năm", "giá trị", "mức độ 4"): skipped',
        "bằng 100,12% năm",
        ("lexicon:empty_labels",),
        cue=_NAMES_NOTHING,
    ),
    NamedRule(
        "label.no_plan_year",
        "a goal in a text that names no plan year is not a target: the gold leaves plan_year "
        "null and lists no targets (GUIDELINES §2): skipped",
        "Cục Hải quan Bình Dương: Phấn đấu thu đạt và vượt chỉ tiêu 19.000 tỷ đồng",
        (),
        cue=_NO_PLAN_YEAR,
    ),
    NamedRule(
        "label.duplicate_plan_share",
        "a headline's plan share that the body gives",
        "Thu ngân sách năm 2022 đạt 112,4% kế hoạch",
        (),
        pattern=r"duplicate of the plan share of #\d+",
    ),
)
