"""Ground extracted items in the source text and check that figures follow from their quotes.

:func:`align` locates a quote in three stages, each returning offsets into the ORIGINAL
source: ``exact`` (plain substring), ``normalized`` (after NFC, unified quotes/dashes and
collapsed whitespace) and ``fuzzy`` (token alignment on diacritic-folded text, anchored on
the quote's rarest tokens, numbers included, so a 1 MB source stays fast). A fuzzy match is
accepted when its score reaches :data:`FUZZY_THRESHOLD`.

:func:`metric_support` re-derives a metric's figures from its evidence with the quantity
parser and explains every disagreement in English (fed back to the model as validation
errors); :func:`snap_metric` copies the parser's reading onto the metric when it is unique.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from extractor.models import AlignMethod, Grounding, ListField, Metric, SectorReport
from extractor.numbers import Quantity, find_plan_pcts, find_quantities
from extractor.text import _QUOTES, normalize, normalize_with_map

FUZZY_THRESHOLD = 0.85
"""Lowest fuzzy score accepted. The score is ``2*M / (E + S)`` where ``E`` and ``S`` are the
character weights of the quote's and the matched source span's tokens and ``M`` that of the
tokens they share (a token equal only after removing diacritics counts half). Dropping one
short word from a 15-word quote scores about 0.97; a paraphrase scores well below 0.85.
A candidate span must also contain every number of the quote: a quote whose figure differs
from the text ("đạt 68.000 tỷ" vs "đạt 7.800 tỷ") is never a fuzzy match."""

DIACRITIC_ONLY_WEIGHT = 0.5
"""Weight of a token pair equal only after folding (case/diacritics differ)."""

EXTRA_COST = 0.5
"""When choosing the fuzzy span: cost of one unit of unmatched source weight, relative to
one unit of matched quote weight."""

REL_TOL = 1e-6

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")
_TRIM = " \"'`.…,;:()[]"
_MAX_ANCHORS = 8
_MAX_ANCHOR_FREQ = 200
_MAX_WINDOWS = 3


@dataclass(frozen=True)
class Alignment:
    """Where a quote lies in the source: ``source[start:end]``; both None when not found."""

    start: int | None
    end: int | None
    method: AlignMethod
    score: float


NOT_FOUND = Alignment(None, None, "not_found", 0.0)


# --------------------------------------------------------------------------- folding


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").replace("đ", "d")


def _fold_token(token: str) -> str:
    return "".join(_fold_char(c) for c in token)


def fold_keep_length(text: str) -> str:
    """NFC, lower-case, diacritics removed (đ -> d), one char per char of ``nfc(text)``:
    offsets into the result are offsets into the NFC text. Whitespace is kept as is."""
    text = unicodedata.normalize("NFC", text)
    table = {}
    for c in set(text):
        f = _fold_char(c)
        table[ord(c)] = f[:1] if f else " "
    return text.translate(table)


def _fold_text(text: str) -> str | None:
    """Fold ``text`` char by char when that keeps its length (so offsets stay valid)."""
    table = {ord(c): _fold_char(c) for c in set(text)}
    if any(len(v) != 1 for v in table.values()):
        return None
    return text.translate(table)


# --------------------------------------------------------------------------- source index


@dataclass
class _SourceIndex:
    """Lazily built views of one source: normalised text with offset map, token index."""

    source: str
    _norm: tuple[str, list[int]] | None = None
    starts: list[int] = field(default_factory=list)  # token spans in the normalised text
    ends: list[int] = field(default_factory=list)
    folded: list[str] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=dict)
    _tokenized: bool = False

    @property
    def norm(self) -> tuple[str, list[int]]:
        if self._norm is None:
            self._norm = _normalize_with_map_fast(self.source)
        return self._norm

    def tokenize(self) -> None:
        """Build token spans, folded tokens and postings (folded token -> token numbers)."""
        if self._tokenized:
            return
        text = self.norm[0]
        spans = [m.span() for m in _TOKEN.finditer(text)]
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]
        folded_text = _fold_text(text)
        if folded_text is not None:
            self.folded = [folded_text[s:e] for s, e in spans]
        else:
            self.folded = [_fold_token(text[s:e]) for s, e in spans]
        postings: dict[str, list[int]] = defaultdict(list)
        for i, tok in enumerate(self.folded):
            postings[tok].append(i)
        self.postings = dict(postings)
        self._tokenized = True

    def low(self, i: int) -> str:
        return self.norm[0][self.starts[i] : self.ends[i]].lower()

    def orig_span(self, nstart: int, nend: int) -> tuple[int, int]:
        """Map a span of the normalised text back to the original source."""
        offsets = self.norm[1]
        start = offsets[nstart]
        last = offsets[nend - 1]
        k = bisect_right(offsets, last)
        end = offsets[k] if k < len(offsets) else len(self.source)
        return start, end


def _normalize_with_map_fast(text: str) -> tuple[str, list[int]]:
    """Same result as :func:`extractor.text.normalize_with_map`; a fast path for NFC text."""
    if not unicodedata.is_normalized("NFC", text):
        return normalize_with_map(text)
    translated = text.translate(_QUOTES)  # one char to one char: offsets unchanged
    parts: list[str] = []
    offsets: list[int] = []
    last = 0
    for m in re.finditer(r"\s+", translated):
        parts.append(translated[last : m.start()])
        offsets.extend(range(last, m.start()))
        parts.append(" ")
        offsets.append(m.start())
        last = m.end()
    parts.append(translated[last:])
    offsets.extend(range(last, len(translated)))
    return "".join(parts), offsets


@lru_cache(maxsize=4)
def _index_for(source: str) -> _SourceIndex:
    return _SourceIndex(source)


# --------------------------------------------------------------------------- align


def align(evidence: str, source: str) -> Alignment:
    """Locate ``evidence`` in ``source``: exact, then normalised, then fuzzy (folded tokens)."""
    quote = evidence.strip()
    if not quote or not source:
        return NOT_FOUND
    pos = source.find(quote)
    if pos >= 0:
        return Alignment(pos, pos + len(quote), "exact", 1.0)
    index = _index_for(source)
    found = _align_normalized(quote, index)
    if found is not None:
        return found
    return _align_fuzzy(quote, index)


def _align_normalized(quote: str, index: _SourceIndex) -> Alignment | None:
    norm_text, _ = index.norm
    norm_quote = normalize(quote)
    for candidate in (norm_quote, norm_quote.strip(_TRIM)):
        if not candidate:
            continue
        pos = norm_text.find(candidate)
        if pos >= 0:
            start, end = index.orig_span(pos, pos + len(candidate))
            return Alignment(start, end, "normalized", 1.0)
    return None


def _align_fuzzy(quote: str, index: _SourceIndex) -> Alignment:
    qtoks = [m.group().lower() for m in _TOKEN.finditer(normalize(quote))]
    qfold = [_fold_token(t) for t in qtoks]
    if not qtoks:
        return NOT_FOUND
    weights = [len(t) for t in qfold]
    total_q = sum(weights)
    is_num = [any(c.isdigit() for c in t) for t in qfold]
    total_nums = sum(is_num)
    index.tokenize()
    windows = _candidate_windows(qfold, index.postings, len(index.folded))
    # pick the span with the most matched weight, extra source weight costing half
    # (so an edge word of the quote is kept even across a skipped word), among spans
    # whose score reaches the threshold; ``top`` keeps the best score for reporting
    best: tuple[bool, float, float, int, int] = (False, -math.inf, 0.0, -1, -1)
    top = 0.0
    for lo, hi in windows:
        window = index.folded[lo:hi]
        matcher = SequenceMatcher(None, qfold, window, autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        if not blocks:
            continue
        # matched weight per block (exact-case/diacritic pairs count fully)
        block_w = []
        block_nums = []
        for b in blocks:
            w = 0.0
            for k in range(b.size):
                same = qtoks[b.a + k] == index.low(lo + b.b + k)
                w += weights[b.a + k] * (1.0 if same else DIACRITIC_ONLY_WEIGHT)
            block_w.append(w)
            block_nums.append(sum(is_num[b.a : b.a + b.size]))
        prefix = [0]
        for tok in window:
            prefix.append(prefix[-1] + len(tok))
        for i in range(len(blocks)):
            matched = 0.0
            nums = 0
            for j in range(i, len(blocks)):
                matched += block_w[j]
                nums += block_nums[j]
                if nums < total_nums:
                    continue  # every number of the quote must lie in the span
                span_w = prefix[blocks[j].b + blocks[j].size] - prefix[blocks[i].b]
                score = min(1.0, 2 * matched / (total_q + span_w))
                top = max(top, score)
                gain = matched - EXTRA_COST * (span_w - matched)
                key = (score >= FUZZY_THRESHOLD, gain, score)
                if key > best[:3]:
                    best = (*key, lo + blocks[i].b, lo + blocks[j].b + blocks[j].size)
    ok, _, score, first, last = best
    if not ok:
        return Alignment(None, None, "not_found", round(top, 4))
    start, end = index.orig_span(index.starts[first], index.ends[last - 1])
    return Alignment(start, end, "fuzzy", round(score, 4))


def _candidate_windows(
    qfold: list[str], postings: dict[str, list[int]], n_src: int
) -> list[tuple[int, int]]:
    """Token windows of the source where the quote's rarest tokens agree on a position."""
    first_pos: dict[str, list[int]] = defaultdict(list)
    for i, tok in enumerate(qfold):
        first_pos[tok].append(i)
    present = [t for t in first_pos if t in postings]
    if not present:
        return []

    def rarity(tok: str) -> tuple[int, int, int]:
        return (len(postings[tok]), 0 if any(c.isdigit() for c in tok) else 1, -len(tok))

    present.sort(key=rarity)
    anchors = [t for t in present if len(postings[t]) <= _MAX_ANCHOR_FREQ][:_MAX_ANCHORS]
    if not anchors:
        anchors = present[:2]
    votes: list[tuple[int, int]] = []  # (estimated start token, anchor id)
    for aid, tok in enumerate(anchors):
        for qpos in first_pos[tok]:
            for spos in postings[tok]:
                votes.append((spos - qpos, aid))
    votes.sort()
    n = len(qfold)
    tol = max(3, n // 4)
    clusters: list[tuple[float, int, int]] = []  # (weight, min est, max est)
    i = 0
    while i < len(votes):
        j = i
        while j + 1 < len(votes) and votes[j + 1][0] - votes[i][0] <= tol:
            j += 1
        ids = {aid for _, aid in votes[i : j + 1]}
        weight = sum(1.0 / math.log(2 + len(postings[anchors[a]])) for a in ids)
        clusters.append((weight, votes[i][0], votes[j][0]))
        i = j + 1
    clusters.sort(key=lambda c: -c[0])
    slack = n // 2 + 5
    windows = []
    for _, lo_est, hi_est in clusters[:_MAX_WINDOWS]:
        windows.append((max(0, lo_est - slack), min(n_src, hi_est + n + slack)))
    return windows


# --------------------------------------------------------------------------- reports


def ground_report(report: SectorReport, source: str) -> list[Grounding]:
    """One :class:`Grounding` per official (name), achievement, target and award (evidence)."""
    out: list[Grounding] = []
    items: list[tuple[ListField, list[str]]] = [
        ("officials", [o.name for o in report.officials]),
        ("achievements", [m.evidence for m in report.achievements]),
        ("targets", [m.evidence for m in report.targets]),
        ("awards", [a.evidence for a in report.awards]),
    ]
    for field_name, quotes in items:
        for i, quote in enumerate(quotes):
            a = align(quote, source)
            out.append(
                Grounding(
                    field=field_name,
                    index=i,
                    start=a.start,
                    end=a.end,
                    method=a.method,
                    score=a.score,
                )
            )
    return out


# --------------------------------------------------------------------------- metric support


def close(a: float | None, b: float | None) -> bool:
    """Equal within a relative tolerance of 1e-6 (both None counts as equal)."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-9)


def fmt(x: float) -> str:
    """A figure for messages: 15325.0 -> '15325', 15.325 -> '15.325'."""
    if math.isfinite(x) and x == int(x):
        return str(int(x))
    return format(x, ".12g")


_SCALES = (1e3, 1e6, 1e9, 1e-3, 1e-6, 1e-9)


def _is_percent(unit: str | None) -> bool:
    return unit is not None and unit.strip() == "%"


def _following_plan(
    q: Quantity, quantities: list[Quantity], plans: list[Quantity]
) -> Quantity | None:
    """The plan phrase ('đạt 105,4% kế hoạch') that directly follows ``q``, if any."""

    def in_plan(x: Quantity) -> bool:
        return x.kind == "plan" or any(p.start <= x.num_start < p.end for p in plans)

    for p in sorted(plans, key=lambda p: p.start):
        if p.start < q.end - 1 or q.start >= p.start:
            continue
        if p.start - q.end > 120:
            return None
        between = [
            x
            for x in quantities
            if x is not q and not in_plan(x) and q.end <= x.num_start < p.start
        ]
        return None if between else p
    return None


def _is_excess_phrase(p: Quantity) -> bool:
    return "vuot" in _fold_token(p.text.lower())


def _check_candidate(
    metric: Metric, q: Quantity, quantities: list[Quantity], plans: list[Quantity]
) -> list[str]:
    problems: list[str] = []
    quoted = f"'{q.text}'"
    if q.kind == "plan":
        owner = next(
            (
                x
                for x in quantities
                if x.kind != "plan" and _following_plan(x, quantities, plans) == q
            ),
            None,
        )
        if owner is not None:
            return [
                f"value {fmt(metric.value)} is the share of plan {quoted} of '{owner.text}'; it "
                f"is that figure's plan_pct, not a figure of its own (value {fmt(owner.value)})"
            ]
    if metric.value_max is not None:
        if q.value_max is None:
            problems.append(
                f"value_max {fmt(metric.value_max)} but the evidence states no range at "
                f"{quoted}; drop value_max or quote the range"
            )
        elif not close(q.value_max, metric.value_max):
            problems.append(
                f"value_max {fmt(metric.value_max)} does not match the range {quoted}, which "
                f"reads {fmt(q.value)} to {fmt(q.value_max)}"
            )
    elif q.value_max is not None:
        problems.append(
            f"the evidence states a range {quoted} ({fmt(q.value)} to {fmt(q.value_max)}) "
            f"but value_max is missing; set value_max {fmt(q.value_max)}"
        )
    if q.qualifier != "exact" and metric.qualifier != q.qualifier:
        problems.append(
            f"qualifier '{metric.qualifier}' but the evidence says {quoted} "
            f"(qualifier '{q.qualifier}')"
        )
    if _is_percent(metric.unit) and not _is_percent(q.unit) and q.kind != "plan":
        problems.append(f"unit '%' but the evidence gives {quoted}, which is not a percentage")
    elif _is_percent(q.unit) and not _is_percent(metric.unit):
        problems.append(
            f"the evidence gives {quoted}, a percentage, but unit is '{metric.unit}'; use '%'"
        )
    following = _following_plan(q, quantities, plans)
    if metric.plan_pct is not None:
        problems.extend(_plan_problems(metric.plan_pct, plans))
    elif following is not None:
        problems.append(
            f"the evidence gives '{following.text}' right after the figure but plan_pct is "
            f"empty; set plan_pct {fmt(following.value)}"
        )
    return problems


def _plan_problems(plan_pct: float, plans: list[Quantity]) -> list[str]:
    if any(close(p.value, plan_pct) for p in plans):
        return []
    for p in plans:
        if _is_excess_phrase(p) and close(p.value - 100, plan_pct):
            return [
                f"plan_pct {fmt(plan_pct)} but the evidence says '{p.text}', i.e. "
                f"{fmt(plan_pct)}% above plan, so plan_pct must be {fmt(p.value)}"
            ]
    if plans:
        stated = ", ".join(f"'{p.text}' = {fmt(p.value)}" for p in plans)
        return [f"plan_pct {fmt(plan_pct)} matches no share of plan in the evidence: {stated}"]
    return [
        f"plan_pct {fmt(plan_pct)} but the evidence states no share of plan "
        "(such as 'đạt X% kế hoạch'); leave plan_pct empty or quote the plan phrase"
    ]


def _value_matches(metric: Metric, quantities: list[Quantity]) -> list[Quantity]:
    return [q for q in quantities if close(q.value, metric.value)]


def metric_support(metric: Metric, evidence: str) -> list[str]:
    """Problems re-deriving ``metric`` from ``evidence`` with the parser; empty = supported."""
    quantities = find_quantities(evidence)
    plans = find_plan_pcts(evidence)
    v = fmt(metric.value)
    if not quantities:
        return [
            f"value {v} is not supported: the evidence '{_short(evidence)}' contains no figure; "
            "quote the sentence that states it"
        ]
    matches = _value_matches(metric, quantities)
    if matches:
        ranked = sorted((_check_candidate(metric, q, quantities, plans) for q in matches), key=len)
        return ranked[0]
    for q in quantities:
        for scale in _SCALES + ((100.0, 0.01) if _is_percent(metric.unit) else ()):
            if close(q.value, metric.value * scale):
                return [
                    f"value {v} looks like a misread of '{q.text}': the text says "
                    f"{fmt(q.value)} (Vietnamese writes '.' between thousands and ',' before "
                    f"decimals; nghìn = 1e3, triệu = 1e6, tỷ = 1e9; money in đồng); "
                    f"use {fmt(q.value)}"
                ]
    if any(close(q.value_max, metric.value) for q in quantities):
        q = next(q for q in quantities if close(q.value_max, metric.value))
        return [
            f"value {v} is the upper end of the range '{q.text}'; set value {fmt(q.value)} and "
            f"value_max {v}"
        ]
    if metric.plan_pct is None and any(close(p.value, metric.value) for p in plans):
        return [
            f"value {v} is a share of plan in the evidence, not the figure itself; put it in "
            "plan_pct and take value from the figure it refers to"
        ]
    stated = ", ".join(f"'{q.text}' = {fmt(q.value)}" for q in quantities[:8])
    return [f"value {v} is not in the evidence; the figures there are: {stated}"]


def _short(text: str, limit: int = 80) -> str:
    text = normalize(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def snap_metric(metric: Metric, evidence: str, *, rescale: bool = False) -> Metric:
    """Copy the parser's reading (value, value_max, unit, qualifier, plan_pct) of the one
    quantity in ``evidence`` whose value equals ``metric.value``; unchanged if none or
    ambiguous. ``rescale`` also accepts a unique match off by a factor of 1e3/1e6/1e9."""
    try:
        quantities = find_quantities(evidence)
        plans = find_plan_pcts(evidence)
    except (ValueError, NotImplementedError):
        return metric
    matches = _value_matches(metric, quantities)
    if not matches and rescale:
        matches = [q for q in quantities if any(close(q.value, metric.value * s) for s in _SCALES)]
    readings = {
        (
            q.value,
            q.value_max,
            q.unit,
            q.qualifier,
            p.value if (p := _following_plan(q, quantities, plans)) else None,
        )
        for q in matches
    }
    if len(readings) != 1:
        return metric
    value, value_max, unit, qualifier, plan = readings.pop()
    update: dict[str, object] = {"value": value}
    if value_max is not None:
        update["value_max"] = value_max
    if unit:
        update["unit"] = unit
    if qualifier != "exact":
        update["qualifier"] = qualifier
    if plan is not None:
        update["plan_pct"] = plan
    elif metric.plan_pct is not None:
        fixed = [
            p.value for p in plans if _is_excess_phrase(p) and close(p.value - 100, metric.plan_pct)
        ]
        if len(fixed) == 1:
            update["plan_pct"] = fixed[0]
    return metric.model_copy(update=update)


__all__ = [
    "FUZZY_THRESHOLD",
    "Alignment",
    "align",
    "close",
    "fmt",
    "fold_keep_length",
    "ground_report",
    "metric_support",
    "snap_metric",
]
