"""Ground extracted items in the source text and check that figures follow from their quotes.

:func:`align` locates a quote in three stages, each returning offsets into the ORIGINAL
source: ``exact`` (plain substring), ``normalized`` (after NFC, unified quotes/dashes and
collapsed whitespace) and ``fuzzy`` (token alignment on diacritic-folded text, anchored on
the quote's rarest tokens, numbers included, so a 1 MB source stays fast). A fuzzy match is
accepted when its score reaches :data:`FUZZY_THRESHOLD`.

Whether a figure is supported by its evidence is :mod:`extractor.verify`'s question (one
pass, one verdict per item); this module only locates quotes.
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

from extractor import vi
from extractor.models import AlignMethod, Grounding, ListField, SectorReport
from extractor.text import _QUOTES, has_invisible, normalize, normalize_with_map

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

REL_TOL = vi.REL_TOL

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


_fold_char = vi.fold_char  # the one folding of a character


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
    if not unicodedata.is_normalized("NFC", text) or has_invisible(text):
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


# --------------------------------------------------------------------------- helpers


def close(a: float | None, b: float | None) -> bool:
    """The one float tolerance (:func:`extractor.vi.close`)."""
    return vi.close(a, b)


def fmt(x: float) -> str:
    """A figure for messages: 15325.0 -> '15325', 15.325 -> '15.325'."""
    if math.isfinite(x) and x == int(x):
        return str(int(x))
    return format(x, ".12g")


__all__ = [
    "FUZZY_THRESHOLD",
    "Alignment",
    "align",
    "close",
    "fmt",
    "fold_keep_length",
    "ground_report",
]
