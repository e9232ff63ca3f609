"""ONE verification pass: every item of every strategy gets a verdict.

For each item the pass answers, once:

- *located*: where its evidence (an official: the name) lies in the source (span, method,
  score), aligned once;
- *value stated*: whether the metric's value is a figure its evidence states (the hard
  fact), reading the evidence once, in the context of its sentence;
- each attribute (unit, qualifier, value_max, plan_pct, year, list) as ``agree``,
  ``corrected`` or ``disagree``, with the model's and the parser's readings.

:data:`POLICY` says what happens, in one place: only an item that is not located or whose
value its evidence does not state is dropped (a hallucination, or a figure to re-ask);
everything else is kept. An unambiguous attribute correction is applied and recorded on
the item's :class:`~extractor.models.ItemStatus`; an ambiguous one keeps the model's
reading and flags the item. Nothing is rewritten silently.

The re-ask text for a model is rendered from the same verdicts (:func:`reask_message`),
all problems of an item at once, for the failing items only.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from extractor import vi
from extractor.grounding import Alignment, align
from extractor.models import (
    Award,
    CheckWarning,
    Correction,
    Grounding,
    ItemStatus,
    ListField,
    Metric,
    Official,
    SectorReport,
)
from extractor.numbers import Quantity, find_quantities
from extractor.text import sentences, years_reviewed_by_dates
from extractor.vi.formatting import format_number

Verdict = Literal["agree", "corrected", "disagree"]
Action = Literal["drop", "correct", "flag", "keep", "move", "null"]

POLICY: dict[str, Action] = {
    # hard facts: the only reasons an item is removed (and what a model is re-asked)
    "not_located": "drop",  # evidence (official: name) is not in the article
    "value_not_stated": "drop",  # the value is not a figure of its evidence
    "value_misscaled": "drop",  # off by a scale factor from the figure the evidence states
    # everything else keeps the item
    "attribute_unambiguous": "correct",  # applied and recorded
    "attribute_ambiguous": "flag",  # the model's reading kept, with a warning
    "located_fuzzy": "flag",  # evidence not verbatim: kept, needs review
    "duplicate": "drop",  # the same figure from the same span twice: kept once
    "misfiled_clear": "move",  # moved to the other list, recorded
    "misfiled_unclear": "flag",
    "top_level_not_in_text": "null",  # title, province, years, titles, conferrers
}
REASK: frozenset[str] = frozenset(k for k, v in POLICY.items() if v == "drop") - {"duplicate"}
"""What a model is asked to fix: the problems that would drop its item."""

_SCALE_FACTORS = (1e3, 1e6, 1e9, 1e-3, 1e-6, 1e-9)
MAX_TITLE_CHARS = 400


# --------------------------------------------------------------------------- verdicts


@dataclass(frozen=True)
class Reading:
    """One figure as the parser reads it from the text (spans into the source)."""

    value: float
    value_max: float | None
    unit: str | None
    qualifier: str
    kind: str
    start: int
    end: int
    num_start: int
    num_end: int
    text: str
    denominator: float | None = None
    stated: float | None = None  # a plan phrase's percentage as written
    how: str = "parser"  # parser, words, raw


@dataclass
class AttributeVerdict:
    name: str
    verdict: Verdict
    model: Any
    parser: Any
    note: str = ""


@dataclass
class ItemVerdict:
    """Everything the pass found about one item."""

    field: ListField
    index: int
    item: Any  # the item as kept (corrections applied), or as given when dropped
    located: Alignment
    original: Any = None  # the item as given
    value_stated: bool | None = None  # None: not a metric
    reading: Reading | None = None
    attributes: list[AttributeVerdict] = field(default_factory=list)
    problems: dict[str, str] = field(default_factory=dict)  # POLICY key -> message
    flags: list[str] = field(default_factory=list)
    moved_to: ListField | None = None
    move_reason: str = ""

    def __post_init__(self) -> None:
        if self.original is None:
            self.original = self.item

    @property
    def dropped(self) -> bool:
        return any(POLICY[k] == "drop" for k in self.problems)

    @property
    def must_fix(self) -> list[str]:
        return [msg for k, msg in self.problems.items() if k in REASK]

    @property
    def corrections(self) -> list[Correction]:
        out = [
            Correction(
                attribute=a.name,
                model=_jsonable(a.model),
                corrected=_jsonable(a.parser),
                reason=a.note,
            )
            for a in self.attributes
            if a.verdict == "corrected"
        ]
        if self.moved_to is not None:
            out.append(
                Correction(
                    attribute="list",
                    model=self.field,
                    corrected=self.moved_to,
                    reason=self.move_reason,
                )
            )
        return out

    @property
    def status(self) -> Literal["verified", "corrected", "flagged"]:
        if self.flags or any(a.verdict == "disagree" for a in self.attributes):
            return "flagged"
        if self.corrections:
            return "corrected"
        return "verified"

    def all_flags(self) -> list[str]:
        return self.flags + [
            f"{a.name}: {a.note}" for a in self.attributes if a.verdict == "disagree"
        ]


def _jsonable(x: Any) -> Any:
    return x if x is None or isinstance(x, (str, int, float, bool)) else str(x)


@dataclass
class Verification:
    """The result of one pass over a report."""

    report: SectorReport  # what is kept, corrections applied
    verdicts: list[ItemVerdict]  # every input item, in input order per list
    grounding: list[Grounding]  # spans of the kept items (no second alignment)
    statuses: list[ItemStatus]  # per kept item
    dropped: list[CheckWarning]
    warnings: list[CheckWarning]  # flags, duplicates and top-level fields made null

    @property
    def failing(self) -> list[ItemVerdict]:
        """Items a model must fix (not located, value not stated or mis-scaled)."""
        return [v for v in self.verdicts if v.must_fix]


# --------------------------------------------------------------------------- readings


@lru_cache(maxsize=2048)
def _sentences(source: str) -> tuple[tuple[int, int], ...]:
    return tuple(sentences(source))


def _window(source: str, start: int, end: int) -> tuple[int, int]:
    """The sentences covering ``source[start:end]``."""
    lo, hi = start, end
    for s, e in _sentences(source):
        if s <= start < e or (s < end <= e):
            lo, hi = min(lo, s), max(hi, e)
        elif s >= end:
            break
    return lo, hi


_DIGITS = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*(?![\d.,]\d)")


@lru_cache(maxsize=4096)
def window_readings(source: str, lo: int, hi: int) -> tuple[Reading, ...]:
    """Every figure of ``source[lo:hi]`` (a sentence window), read once."""
    text = source[lo:hi]
    out: list[Reading] = []
    for q in find_quantities(text):
        out.extend(_readings_of(text, q, lo))
    # a digit run inside a parsed figure is that figure: found by bisection over the
    # parsed spans (a scan of them all per run was quadratic on a one-line megabyte)
    spans = sorted((r.num_start, r.num_end) for r in out)
    starts = [start for start, _ in spans]
    reach: list[int] = []  # the furthest end among the spans starting at or before each
    for _, end in spans:
        reach.append(max(end, reach[-1]) if reach else end)
    for m in _DIGITS.finditer(text):  # what the parser leaves out ("học sinh/3.118 lớp")
        i = bisect_right(starts, lo + m.start()) - 1
        if i >= 0 and reach[i] > lo + m.start():
            continue
        value = vi.written_number(m.group())
        if value is not None:
            out.append(
                Reading(
                    value,
                    None,
                    None,
                    "exact",
                    "raw",
                    lo + m.start(),
                    lo + m.end(),
                    lo + m.start(),
                    lo + m.end(),
                    m.group(),
                    how="raw",
                )
            )
    for value, s, e in vi.read_number_words(text):
        if not any(r.num_start <= lo + s < r.num_end for r in out if r.how == "parser") or any(
            r.num_start == lo + s and not vi.close(r.value, value) for r in out
        ):
            out.append(
                Reading(
                    value,
                    None,
                    None,
                    "exact",
                    "count",
                    lo + s,
                    lo + e,
                    lo + s,
                    lo + e,
                    text[s:e],
                    how="words",
                )
            )
    return tuple(out)


def _readings_of(text: str, q: Quantity, lo: int) -> list[Reading]:
    base = Reading(
        q.value,
        q.value_max,
        q.unit,
        q.qualifier,
        q.kind,
        lo + q.start,
        lo + q.end,
        lo + q.num_start,
        lo + q.num_end,
        q.text,
        q.denominator,
        q.stated,
    )
    return [base]


def _plan_statements(source: str, lo: int, hi: int) -> list[tuple[float, int, bool]]:
    """Shares of plan stated in the window: (plan_pct, offset, strict). Strict: the
    parser's plan phrases; soft: 'đạt/bằng X% (chỉ tiêu|dự toán|...)', '(đạt X%)',
    'vượt X%' (100 + X) — a plan word may be outside the quote."""
    out = [
        (r.value, r.num_start, True) for r in window_readings(source, lo, hi) if r.kind == "plan"
    ]
    for m in _SOFT_PLAN.finditer(source, lo, hi):
        x = float(m.group("x").replace(",", "."))
        verb = m.group("verb") or ""
        excess = verb.startswith("vượt")
        out.append((100 + x if excess else x, lo + m.start("x"), False))
    return out


def _soft_plan_re() -> re.Pattern[str]:
    verbs = sorted(vi.words("plan.share_verbs") | set(vi.entry("plan.excess_verbs")), key=len)
    plan_words = sorted(vi.words("plan.plan_words"), key=len, reverse=True)
    return re.compile(
        rf"(?P<verb>{'|'.join(map(re.escape, reversed(verbs)))})(?:\s+(?:so\s+với\s+)?"
        rf"(?:{'|'.join(map(re.escape, plan_words))}))?(?:\s+(?:đề\s+ra|giao|năm))?[\s,:]*"
        rf"(?:như\s*:?\s*)?(?:…|\.\.\.)?\s*(?P<x>\d+(?:,\d+)?)\s*%",
        re.I,
    )


_SOFT_PLAN = _soft_plan_re()


# --------------------------------------------------------------------------- units


def canon_unit(unit: str | None) -> str | None:
    """A unit's canonical spelling: lower-case, spaces collapsed, lexicon spellings
    ('phần trăm' -> '%', 'VNĐ' -> 'đồng', 'héc ta' -> 'ha')."""
    if unit is None:
        return None
    u = " ".join(unit.strip().split())
    if not u:
        return None
    low = u.lower()
    spellings = vi.phrase_map("unit_spellings")
    if low in spellings:
        return str(spellings[low])
    return low


def _unit_verdict(metric: Metric, r: Reading, source: str) -> AttributeVerdict:
    mu, pu = canon_unit(metric.unit), canon_unit(r.unit)
    model, parser = metric.unit, r.unit
    if mu == pu:
        return AttributeVerdict("unit", "agree", model, parser)
    if mu is None and r.kind in ("fraction", "raw"):  # "xếp thứ 4/34 tỉnh": a ranking
        return AttributeVerdict("unit", "agree", model, parser, "a ranking or fraction")
    if mu is None:
        return AttributeVerdict("unit", "corrected", model, parser, "the evidence states it")
    after = source[r.num_end : r.num_end + 60].lower()
    written = mu in " ".join(after.split())[: len(mu) + 20]
    if pu is None:
        verdict: Verdict = "agree" if written else "disagree"
        return AttributeVerdict(
            "unit",
            verdict,
            model,
            parser,
            "" if written else f"'{model}' is not written after the figure",
        )
    heads = vi.phrase_map("unit_heads")
    if heads.get(mu) == pu:
        return AttributeVerdict(
            "unit", "corrected", model, parser, f"the unit is the head noun '{pu}' (guidelines)"
        )
    if mu.startswith(pu) and written:
        rest = mu[len(pu) :]
        if rest.startswith("/") or mu in vi.words("compound_units"):
            return AttributeVerdict("unit", "agree", model, parser, "written in full")
        return AttributeVerdict(
            "unit", "disagree", model, parser, f"'{model}' or '{parser}' (the counted noun)?"
        )
    if pu.startswith(mu) and (pu in vi.words("compound_units") or "/" in pu):
        return AttributeVerdict("unit", "corrected", model, parser, f"the unit is '{parser}'")
    money = {"đồng", "usd"}
    if pu in money and mu.split()[-1] in money:  # "tỷ đồng" for a value in đồng
        return AttributeVerdict("unit", "corrected", model, parser, "the value is in đồng")
    return AttributeVerdict(
        "unit", "disagree", model, parser, f"the evidence gives '{r.text}' (unit '{parser}')"
    )


# --------------------------------------------------------------------------- metrics


def _value_matches(metric: Metric, r: Reading) -> int:
    """How the metric's value matches a reading: 3 value, 2 a plan share, 1 the other
    side of a fraction or a range end, 0 not at all."""
    v = metric.value
    if vi.close(v, r.value):
        return 3 if r.kind not in ("plan", "raw") else 2
    if r.kind == "plan" and vi.close(v, r.stated):
        return 2
    if vi.close(v, r.denominator) or vi.close(v, r.value_max):
        return 1
    return 0


def _qualifier_verdict(metric: Metric, r: Reading, source: str) -> AttributeVerdict:
    mq, pq = metric.qualifier, r.qualifier
    if mq == pq:
        return AttributeVerdict("qualifier", "agree", mq, pq)
    if mq == "exact":
        return AttributeVerdict("qualifier", "corrected", mq, pq, f"the evidence says '{r.text}'")
    before = source[max(0, r.num_start - 40) : r.num_start].lower()
    after = source[r.num_end : r.num_end + 40].lower()
    cues = [p for p, q in vi.phrase_map("qualifiers").items() if q == mq]
    tail = {"over": "trở lên", "under": "trở xuống"}.get(mq)
    if pq == "exact" and (
        any(re.search(rf"(?<!\w){re.escape(c)}(?!\w)", before) for c in cues)
        or (tail is not None and tail in after)
    ):
        return AttributeVerdict("qualifier", "agree", mq, pq, "a cue around the figure")
    return AttributeVerdict(
        "qualifier", "disagree", mq, pq, f"'{mq}' but the evidence reads '{r.text}' as '{pq}'"
    )


def _value_max_verdict(metric: Metric, r: Reading, window: tuple[Reading, ...]) -> AttributeVerdict:
    mm, pm = metric.value_max, r.value_max
    if vi.close(mm, pm):
        return AttributeVerdict("value_max", "agree", mm, pm)
    if mm is None:
        return AttributeVerdict("value_max", "corrected", mm, pm, f"the range '{r.text}'")
    if any(vi.close(mm, x.value_max) or vi.close(mm, x.value) for x in window if x is not r):
        return AttributeVerdict("value_max", "disagree", mm, pm, "a range end outside the quote?")
    return AttributeVerdict(
        "value_max",
        "corrected",
        mm,
        pm,
        f"the evidence states no range ending at {format_number(mm)}"
        if pm is None
        else f"the range '{r.text}'",
    )


def _following_plan(r: Reading, window: tuple[Reading, ...]) -> Reading | None:
    """The plan phrase that directly follows ``r`` (no other figure between)."""
    for x in window:
        if x.kind == "plan" and x.num_start >= r.num_end:
            between = [
                y
                for y in window
                if y.kind != "plan" and y.how == "parser" and r.num_end <= y.num_start < x.num_start
            ]
            return None if between or x.num_start - r.end > 120 else x
    return None


def _plan_verdict(
    metric: Metric,
    r: Reading,
    window: tuple[Reading, ...],
    plans: list[tuple[float, int, bool]],
    end: int,
) -> AttributeVerdict:
    mp = metric.plan_pct
    follow = _following_plan(r, window) if r.kind != "plan" else None
    pp = follow.value if follow is not None else None
    if vi.close(mp, pp):
        return AttributeVerdict("plan_pct", "agree", mp, pp)
    if mp is None and follow is not None and follow.num_start >= end:
        # the plan phrase lies outside the quote: the model's empty plan_pct may be meant
        return AttributeVerdict("plan_pct", "agree", mp, pp, "a plan phrase after the quote")
    if mp is None:
        return AttributeVerdict(
            "plan_pct", "corrected", mp, pp, f"the evidence says '{follow.text if follow else ''}'"
        )
    if any(vi.close(mp, p) for p, _, _ in plans):
        return AttributeVerdict("plan_pct", "agree", mp, pp, "a share of plan in the sentence")
    for x in window:
        if x.kind == "plan" and vi.close(mp, x.stated) and not vi.close(x.stated, x.value):
            return AttributeVerdict(
                "plan_pct", "corrected", mp, x.value, f"'{x.text}' is {format_number(x.value)}%"
            )
    for p, _, strict in plans:
        if not strict and p > 100 and vi.close(mp + 100, p):
            return AttributeVerdict(
                "plan_pct", "corrected", mp, p, f"'vượt {format_number(mp)}%' is 100 + X"
            )
    return AttributeVerdict(
        "plan_pct", "disagree", mp, pp, f"{format_number(mp)} is not a share of plan stated there"
    )


_INDICATOR_NOISE = re.compile(
    r"\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d{1,2}:\d\d|gmt|(?<!\w)(?:sáng|chiều|ngày)\s+\d", re.I
)  # a date or a time: page furniture or a dateline, not what is measured


def _indicator_verdict(metric: Metric) -> AttributeVerdict:
    """The label says what is measured: not empty of content words (only fillers and the
    unit), not a date or a time, not opening with a comparison or a verb (the lexicon's
    ``label_bad_starts``: "so với năm 2019", "tương ứng với giảm")."""
    ind = metric.indicator or ""
    words = [w for w in vi.fold(ind).split() if w not in vi.folded_words("fillers")]
    unit = vi.fold(metric.unit or "").split()
    content = [w for w in words if w not in unit and w.isalpha()]
    folded = vi.fold(ind)
    if _INDICATOR_NOISE.search(ind):
        why = "the label holds a date or a time"
    elif any(
        folded == b or folded.startswith(b + " ") for b in vi.folded_words("label_bad_starts")
    ):
        why = "the label starts with a comparison or a verb, not what is measured"
    elif not content:
        why = "the label names nothing but its unit"
    else:
        return AttributeVerdict("indicator", "agree", ind, None)
    return AttributeVerdict("indicator", "disagree", ind, None, f"{why}: {ind!r}")


def _year_verdict(
    metric: Metric, expected: int | None, source: str, lo: int, hi: int
) -> AttributeVerdict:
    y = metric.year
    if y is None or expected is None or y == expected:
        return AttributeVerdict("year", "agree", y, expected)
    if re.search(rf"(?<!\d){y}(?!\d)", source[lo:hi]):
        return AttributeVerdict("year", "agree", y, expected, "the sentence names the year")
    return AttributeVerdict(
        "year", "disagree", y, expected, f"year {y} but the list's year is {expected}"
    )


def _describe_readings(window: tuple[Reading, ...], lo: int, hi: int) -> str:
    shown = [r for r in window if lo <= r.num_start < hi and r.how == "parser"][:8]
    if not shown:
        return "the evidence states no figure"
    return "the evidence states " + ", ".join(
        f"'{r.text}' = {format_number(r.value)}" for r in shown
    )


def verify_metric(
    metric: Metric, source: str, field_name: ListField, index: int, expected_year: int | None
) -> ItemVerdict:
    """The verdict of one metric (aligned once, its sentence read once)."""
    found = locate(metric.evidence, source)
    where = f"{field_name}[{index}] ({metric.indicator!r})"
    v = ItemVerdict(field_name, index, metric, found)
    if found.method == "not_found":
        v.problems["not_located"] = (
            f"{where}: evidence {_short(metric.evidence)!r} is not in the article; copy the "
            "clause verbatim"
        )
        return v
    start, end = found.start or 0, found.end or 0
    lo, hi = _window(source, start, end)
    window = window_readings(source, lo, hi)
    inside = [r for r in window if r.num_start < end and r.num_end > start]
    ranked = sorted(((_value_matches(metric, r), r) for r in inside), key=lambda t: -t[0])
    ranked = [(m, r) for m, r in ranked if m]
    if not ranked:
        v.value_stated = False
        for r in inside:
            if r.kind == "plan":
                continue
            for f in _SCALE_FACTORS + ((100.0, 0.01) if canon_unit(metric.unit) == "%" else ()):
                if vi.close(r.value, metric.value * f):
                    v.problems["value_misscaled"] = (
                        f"{where}: value {_fmt(metric.value)} is a misread of '{r.text}', which "
                        f"is {_fmt(r.value)} ('.' separates thousands, ',' decimals; "
                        "nghìn = 1e3, triệu = 1e6, tỷ = 1e9; money in đồng)"
                    )
                    return v
        v.problems["value_not_stated"] = (
            f"{where}: value {_fmt(metric.value)} is not stated in its evidence "
            f"{_short(source[start:end])!r} ({_describe_readings(window, start, end)}); take "
            "the value from the evidence, quote the clause that states it, or leave the item out"
        )
        return v
    v.value_stated = True
    plans = _plan_statements(source, lo, hi)
    best: tuple[int, ItemVerdict] | None = None
    for _, r in ranked[:4]:
        attrs = [
            _value_max_verdict(metric, r, window),
            _unit_verdict(metric, r, source),
            _qualifier_verdict(metric, r, source),
            _plan_verdict(metric, r, window, plans, end),
            _year_verdict(metric, expected_year, source, lo, hi),
            _indicator_verdict(metric),
        ]
        cost = sum({"agree": 0, "corrected": 1, "disagree": 3}[a.verdict] for a in attrs)
        if best is None or cost < best[0]:
            cand = ItemVerdict(
                field_name, index, metric, found, value_stated=True, reading=r, attributes=attrs
            )
            best = (cost, cand)
    assert best is not None
    v = best[1]
    update: dict[str, Any] = {}
    for a in v.attributes:
        if a.verdict == "corrected":
            update[a.name] = a.parser
    if source[start:end] != metric.evidence:
        update["evidence"] = source[start:end]
    if found.method == "fuzzy":
        v.flags.append(f"evidence is not verbatim (closest passage, score {found.score:.2f})")
    v.item = metric.model_copy(update=update)
    return v


# --------------------------------------------------------------------------- other items


@lru_cache(maxsize=8192)
def _locate(quote: str, source: str) -> Alignment:
    return align(quote, source)


def locate(quote: str, source: str) -> Alignment:
    """Where ``quote`` lies in ``source`` (memoised: an item is aligned once per pass, and
    a re-ask round's passing items are not aligned again)."""
    return _locate(quote, source)


def _in_text(phrase: str | None, source: str) -> bool:
    if not phrase or not phrase.strip():
        return False
    if vi.fold(phrase) in _folded(source):
        return True
    return locate(phrase, source).method != "not_found"


@lru_cache(maxsize=64)
def _folded(source: str) -> str:
    return vi.fold(source)


def verify_official(o: Official, source: str, index: int) -> ItemVerdict:
    found = locate(o.name, source)
    v = ItemVerdict("officials", index, o, found)
    if found.method == "not_found":
        v.problems["not_located"] = f"officials[{index}]: name {o.name!r} is not in the article"
        return v
    if o.title is not None and not _in_text(o.title, source):
        v.attributes.append(
            AttributeVerdict("title", "corrected", o.title, None, "the title is not in the article")
        )
        v.item = o.model_copy(update={"title": None})
    return v


def verify_award(a: Award, source: str, index: int) -> ItemVerdict:
    found = locate(a.evidence, source)
    v = ItemVerdict("awards", index, a, found)
    if found.method == "not_found":
        v.problems["not_located"] = (
            f"awards[{index}]: evidence {_short(a.evidence)!r} is not in the article"
        )
        return v
    update: dict[str, Any] = {}
    if source[found.start : found.end] != a.evidence:
        update["evidence"] = source[found.start : found.end]
    if a.conferred_by is not None and not _in_text(a.conferred_by, source):
        v.attributes.append(
            AttributeVerdict(
                "conferred_by", "corrected", a.conferred_by, None, "not in the article"
            )
        )
        update["conferred_by"] = None
    if not _in_text(a.recipient, source):
        v.flags.append(f"recipient {a.recipient!r} is not in the article")
    if found.method == "fuzzy":
        v.flags.append(f"evidence is not verbatim (closest passage, score {found.score:.2f})")
    v.item = a.model_copy(update=update) if update else a
    return v


# --------------------------------------------------------------------------- misfiled


def _cue_re(phrases: list[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.I)


_TARGET_CUES = _cue_re(["phấn đấu"])
# "vượt 4,29% chỉ tiêu phấn đấu", "đạt 100,76% chỉ tiêu phấn đấu": the striven-for level a
# result is measured against, not a plan (the labels pass reads it the same way)
_MEASURED_AGAINST = vi.measured_against_before()


def _strives(source: str, lo: int, hi: int) -> bool:
    """True when ``source[lo:hi]`` has a "phấn đấu" that plans (not one a result is measured
    against: "đạt 100,76% chỉ tiêu phấn đấu")."""
    return any(
        not _MEASURED_AGAINST.search(source, max(lo, m.start() - 30), m.start())
        for m in _TARGET_CUES.finditer(source, lo, hi)
    )


_DONE = re.compile(r"(?<!\w)đã(?!\w)", re.I)  # the perfective: a result, not a plan
_RESULT_CUES = _cue_re([*vi.entry("passage_cues.results"), "vượt kế hoạch"])
_PLAN_CUES = _cue_re([*vi.entry("passage_cues.plan"), "phải", "đặt ra"])
# "Cụ thể, ...", "Trong đó, ...": a sentence that details the one before it
_DETAILS = re.compile(
    rf"\s*(?:{vi.alternation(vi.entry('passage_cues.continuations'))})(?!\w)", re.I
)
# the conference's own name: a frame, no passage ("Hội nghị triển khai nhiệm vụ năm 2021")
_CONFERENCE = _cue_re(vi.entry("passage_cues.conference_frames"))


# A year, not the year of a full date ("đến ngày 31-1-2023" is a cut-off of the reviewed
# year's figures, not a sign of the plan year)
_YEAR_NOT_DATE = re.compile(
    r"(?<![\d/.,])(?<!\d-\d-)(?<!\d-\d\d-)(?<!\d\d-\d-)(?<!\d\d-\d\d-)(?:19|20)\d\d(?![\d/])"
)


@lru_cache(maxsize=4)
def _school_year(source: str, ry: int | None, py: int | None) -> bool:
    """Whether the article reviews the school year "năm học ry-py" (once per article)."""
    if ry is None or py is None:
        return False
    return re.search(rf"năm\s+học\s+{ry}\s*[-–]\s*{py}(?!\d)", source, re.I) is not None


_SCHOOL_EXAM_YEAR = re.compile(
    r"(?<!\w)kỳ\s+thi\b[^.;:\d]{0,40}?(?<!\d)(\d{4})(?![\d\s]*[-–/])", re.I
)


def _side(
    source: str, lo: int, hi: int, ry: int | None, py: int | None, seasons: bool = True
) -> str | None:
    """'target' or 'achievement' when ``source[lo:hi]`` says so unambiguously, else None.

    Target: the plan year named (not as a comparison base) without the reviewed year, or
    "phấn đấu" with no sign of a result (the reviewed year, a result cue, a share of plan).
    Achievement: the reviewed year named and no sign of a plan (the plan year, a plan cue,
    "phải", "sẽ"). ``seasons`` off: a crop season's year counts for nothing."""
    text = source[lo:hi]
    years = _named_years(source, lo, hi, seasons)
    if _school_year(source, ry, py):
        # a school-year review: the plan year is also the second half of the reviewed year
        years -= {
            int(m.group(1))
            for m in re.finditer(r"(?<!học\s)năm\s+(\d{4})(?!\s*[-–])", text, re.I)  # "Năm 2022,"
        }
        # "kỳ thi THPT Quốc gia 2017": the exam that closes the reviewed school year
        years -= {int(m.group(1)) for m in _SCHOOL_EXAM_YEAR.finditer(text)}
    plan_year = py is not None and py in years
    report_year = ry is not None and ry in years
    if plan_year and not report_year:
        return "target"
    if (
        not report_year
        and _strives(source, lo, hi)
        and not (
            _RESULT_CUES.search(text)
            or any(r.kind == "plan" for r in window_readings(source, lo, hi))  # "vượt 1,3% KH"
        )
    ):
        return "target"
    if report_year and not (plan_year or _strives(source, lo, hi) or _PLAN_CUES.search(text)):
        return "achievement"
    return None


# "tăng 10% so năm 2015", "so với năm 2015", "cùng kỳ năm 2015": a comparison base; "chuyển
# tiếp từ năm 2025": where a figure comes from (not "từ đầu năm 2025", the reviewed year's start)
_COMPARED_YEAR = re.compile(
    r"(?<!\w)(?:so(?:\s+với)?|cùng\s+kỳ|từ(?!\s+(?:đầu|cuối)(?!\w)))\s\D{0,30}((?:19|20)\d\d)", re.I
)


def _named_years(source: str, lo: int, hi: int, seasons: bool = True) -> set[int]:
    """The years ``source[lo:hi]`` names, each mention that is not a comparison base ("so với
    năm 2021") nor a full date's year: "Trong năm 2022, ... so với kế hoạch năm 2022" names
    2022. ``seasons`` off: without a crop season's year ("Vụ xuân 2018"), which dates its own
    sentence and opens no passage."""
    text = source[lo:hi]
    bases = {m.start(1) for m in _COMPARED_YEAR.finditer(text)}
    return {
        int(m.group())
        for m in _YEAR_NOT_DATE.finditer(text)
        if m.start() not in bases
        and (seasons or not vi.crop_season_before().search(text, 0, m.start()))
    }


def _misfiled(
    v: ItemVerdict, source: str, ry: int | None, py: int | None, move: bool = True
) -> None:
    """Move a metric whose clause, sentence or (failing those) nearest earlier sentence of
    its paragraph says it belongs to the other list; flag it when ``move`` is off."""
    if v.dropped or v.located.start is None or ry is None or py is None or ry == py:
        return
    metric: Metric = v.item
    lo, hi = _window(source, v.located.start, v.located.end or v.located.start)
    start, end = v.located.start, v.located.end or v.located.start
    clause = max(lo, source.rfind(";", lo, start) + 1)
    # the item's clause, then its sentence up to the figure
    side = _side(source, clause, end, ry, py) or _side(source, lo, end, ry, py)
    if (
        side is None
        and _DONE.search(source, clause, end)
        and not _PLAN_CUES.search(source, clause, end)
    ):
        return  # "Tỉnh cũng đã giải quyết cho 79 trường hợp": done, whatever came before
    if side is None and _named_years(source, lo, end) & {ry, py}:
        return  # "Trong năm 2022, ngành đã đặt ra kế hoạch ...": its own year, not a passage's
    if side is None:  # a passage opened earlier
        para = source.rfind("\n", 0, lo) + 1
        after = lo  # the start of the sentence after the one read
        for s, e in reversed([x for x in _sentences(source) if para <= x[0] and x[1] <= lo]):
            if _CONFERENCE.search(source, s, e):
                break  # "... báo cáo tại Hội nghị triển khai nhiệm vụ năm 2021": the frame
            # a crop season's year dates its own sentence, and the one that details it
            # ("Vụ Đông - Xuân 2023-2024, ... Cụ thể, diện tích lúa ...")
            seasons = _DETAILS.match(source, after) is not None
            after = s
            side = _side(source, s, e, ry, py, seasons=seasons)
            if (
                side is not None
                or _named_years(source, s, e, seasons=seasons) & {ry, py}
                # "... đưa ra một số mục tiêu chủ yếu, trong đó, ...;": a cue that decides
                # nothing still ends the walk
                or _PLAN_CUES.search(source, s, e)
            ):
                break
        own_plan = _PLAN_CUES.search(source, lo, end) or _strives(source, lo, end)
        own_done = _DONE.search(source, clause, end) or _RESULT_CUES.search(source, clause, end)
        if (side == "achievement" and own_plan) or (side == "target" and own_done):
            return  # its own clause leans the other way: the passage does not overrule it
    want = {"achievements": "achievement", "targets": "target"}[v.field]
    if side is None or side == want:
        return
    other: ListField = "targets" if v.field == "achievements" else "achievements"
    other_year = py if other == "targets" else ry
    if move and (metric.year in (None, other_year, ry if other == "targets" else py)):
        v.moved_to = other
        v.move_reason = (
            f"its sentence is about the {'plan' if other == 'targets' else 'reviewed'} year"
        )
        v.attributes = [a for a in v.attributes if a.name != "year"]
        if metric.year is not None and metric.year != other_year:
            v.attributes.append(
                AttributeVerdict(
                    "year",
                    "corrected",
                    metric.year,
                    other_year,
                    "the year of the list it belongs to",
                )
            )
            v.item = metric.model_copy(update={"year": other_year})
    else:
        v.flags.append(f"may belong to {other}: its sentence is about the other year")


# --------------------------------------------------------------------------- top level


def _years_in(source: str) -> set[int]:
    return {int(m.group()) for m in re.finditer(r"(?<!\d)(?:19|20)\d\d(?!\d)", source)}


def _top_level(report: SectorReport, source: str) -> tuple[dict[str, Any], list[CheckWarning]]:
    update: dict[str, Any] = {}
    warnings: list[CheckWarning] = []

    def null(name: str, why: str) -> None:
        update[name] = None
        warnings.append(CheckWarning(check="verify", message=f"{name} made null: {why}"))

    if report.title is not None and (
        len(report.title) > MAX_TITLE_CHARS or not _in_text(report.title, source)
    ):
        null("title", "not the article's headline (not in the text)")
    if report.province is not None:
        name = re.sub(r"^(?:tỉnh|thành phố|tp\.?)\s+", "", report.province.strip(), flags=re.I)
        # named as given, in full or in short ("Hồ Chí Minh" and "TP.HCM" name one city)
        full = vi.canonical_province(name)
        short = {p for p, _, _ in vi.province_aliases(source)}
        if not (_in_text(name, source) or _in_text(full, source) or full in short):
            null("province", f"{report.province!r} is not named in the text")
    # a year named, or the year a dated review reviews ("Sáng 3/1/2019, ... hội nghị tổng
    # kết" names no year but 2019 and reviews 2018)
    years = _years_in(source) | years_reviewed_by_dates(source)
    ry, py = report.report_year, report.plan_year
    ok_r = ry is not None and (ry in years or (py is not None and py in years and ry == py - 1))
    ok_p = py is not None and (py in years or (ry is not None and ry in years and py == ry + 1))
    if ry is not None and not ok_r:
        null("report_year", f"{ry} is neither in the text nor derivable from it")
    if py is not None and not ok_p:
        null("plan_year", f"{py} is neither in the text nor derivable from it")
    return update, warnings


# --------------------------------------------------------------------------- the pass


def verify_report(report: SectorReport, source: str, *, move_misfiled: bool = True) -> Verification:
    """THE verification pass: a verdict for every item, the policy applied once.

    ``move_misfiled=False`` flags a misfiled-looking item instead of moving it."""
    top, warnings = _top_level(report, source)
    ry = top.get("report_year", report.report_year) if "report_year" in top else report.report_year
    py = top.get("plan_year", report.plan_year) if "plan_year" in top else report.plan_year
    verdicts: list[ItemVerdict] = []
    for i, o in enumerate(report.officials):
        verdicts.append(verify_official(o, source, i))
    for f, year in (("achievements", ry), ("targets", py)):
        for i, m in enumerate(getattr(report, f)):
            v = verify_metric(m, source, f, i, year)  # type: ignore[arg-type]
            _misfiled(v, source, ry, py, move_misfiled)
            verdicts.append(v)
    for i, a in enumerate(report.awards):
        verdicts.append(verify_award(a, source, i))
    return _apply(report, source, top, warnings, verdicts)


def _apply(
    report: SectorReport,
    source: str,
    top: dict[str, Any],
    warnings: list[CheckWarning],
    verdicts: list[ItemVerdict],
) -> Verification:
    kept = report.model_copy(
        update={**top, "officials": [], "achievements": [], "targets": [], "awards": []}
    )
    grounding: list[Grounding] = []
    statuses: list[ItemStatus] = []
    dropped: list[CheckWarning] = []
    seen: set[tuple[Any, ...]] = set()
    for v in verdicts:
        if v.dropped:
            dropped.append(
                CheckWarning(
                    check="dropped_ungrounded",
                    field=v.field,
                    index=v.index,
                    message="; ".join(v.problems.values()),
                )
            )
            continue
        target: ListField = v.moved_to or v.field
        key = _dedupe_key(target, v)
        if key in seen:
            warnings.append(
                CheckWarning(
                    check="duplicates",
                    field=v.field,
                    index=v.index,
                    message=f"{v.field}[{v.index}] repeats an item kept already; kept once",
                )
            )
            continue
        seen.add(key)
        items = getattr(kept, target)
        index = len(items)
        items.append(v.item)
        a = v.located
        grounding.append(
            Grounding(
                field=target, index=index, start=a.start, end=a.end, method=a.method, score=a.score
            )
        )
        flags = v.all_flags()
        statuses.append(
            ItemStatus(
                field=target, index=index, status=v.status, corrections=v.corrections, flags=flags
            )
        )
        for msg in flags:
            warnings.append(CheckWarning(check="verify", field=target, index=index, message=msg))
    order = {f: n for n, f in enumerate(("officials", "achievements", "targets", "awards"))}
    grounding.sort(key=lambda g: (order[g.field], g.index))
    statuses.sort(key=lambda s: (order[s.field], s.index))
    return Verification(kept, verdicts, grounding, statuses, dropped, warnings)


def _dedupe_key(target: str, v: ItemVerdict) -> tuple[Any, ...]:
    a = v.located
    if target == "officials":
        return (target, a.start)
    if target == "awards":
        # one award per honour, grantor and recipient (GUIDELINES §7): "được Trung ương Hội
        # và UBND tỉnh tặng Bằng khen" is two awards from one span
        return (target, v.item.award, v.item.conferred_by, v.item.recipient, a.start)
    return (target, v.item.value, v.item.value_max, a.start, a.end)


# --------------------------------------------------------------------------- re-asks


def reask_message(failing: list[ItemVerdict]) -> str:
    """What the model must fix, rendered from the verdicts: every problem of each failing
    item at once, nothing about the items that passed."""
    lines = [
        "Some items are not supported by the article. Return a SectorReport with ONLY these "
        "items, each corrected (evidence copied verbatim from the article, value taken from "
        "its evidence), or without it if the article does not state it. Do not repeat the "
        "other items; they are kept.",
    ]
    for v in failing:
        lines.append("- " + " ".join(v.must_fix))
    return "\n".join(lines)


def merge_reask(
    given: SectorReport, previous: Verification, answer: SectorReport, source: str
) -> SectorReport:
    """The report after a re-ask (not yet verified): every item of ``given`` that passed,
    and in place of each failing item the answer's next item of that list that now passes
    and repeats nothing kept (or the failing item itself, which the final pass drops and
    records); further passing answer items are appended."""
    again = verify_report(answer, source)
    kept_keys = {_dedupe_key(v.moved_to or v.field, v) for v in previous.verdicts if not v.dropped}
    fixed: dict[str, list[Any]] = {f: [] for f in _LISTS}
    for v in again.verdicts:
        key = _dedupe_key(v.moved_to or v.field, v)
        if v.dropped or key in kept_keys:
            continue
        kept_keys.add(key)
        fixed[v.field].append(v.original)
    update: dict[str, list[Any]] = {}
    for f in _LISTS:
        slots = {v.index for v in previous.verdicts if v.field == f and v.dropped}
        queue = fixed[f]
        new: list[Any] = []
        for i, item in enumerate(getattr(given, f)):
            if i not in slots:
                new.append(item)
            else:  # fixed, or kept failing: the final pass drops and records it
                new.append(queue.pop(0) if queue else item)
        update[f] = new + queue
    return given.model_copy(update=update)


_LISTS: tuple[ListField, ...] = ("officials", "achievements", "targets", "awards")


# --------------------------------------------------------------------------- helpers


def _fmt(x: float) -> str:
    return format(x, ".12g") if x != int(x) else str(int(x))


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


__all__ = [
    "POLICY",
    "REASK",
    "ItemVerdict",
    "Reading",
    "Verification",
    "canon_unit",
    "merge_reask",
    "reask_message",
    "verify_report",
]
