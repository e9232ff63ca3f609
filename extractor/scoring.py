"""Score a predicted :class:`SectorReport` against a gold one.

Per list field (officials, achievements, targets, awards) predictions and gold items are
paired one-to-one with :func:`scipy.optimize.linear_sum_assignment`. Only *candidate* pairs
may be matched; among candidates a similarity decides. Cardinality always wins over
similarity, so the assignment never drops a match to improve a tie-break.

Candidate rules:

- metric (strict, the headline): ``value`` equal and ``value_max`` equal (relative tolerance
  1e-6, None == None) AND the indicators name the same thing: content-word similarity
  (:func:`extractor.vi.labels.label_similarity`) at or above
  :data:`~extractor.vi.labels.LABEL_THRESHOLD`. Achievements and targets are matched as
  separate lists, so a figure filed in the wrong list never matches.
- metric (value-only, reported beside it as ``value_*``): value and value_max alone; the
  label similarity only breaks ties.
- official: names equal after NFC, case and whitespace normalisation, or one edit apart.
- award: the award kinds agree (equal after folding, or one is a word-prefix of the other,
  ignoring a trailing "của ..." clause and a leading "danh hiệu", so "Cờ thi đua" ~ "Cờ thi
  đua xuất sắc" but "Bằng khen" !~ "Giấy khen") and recipient similarity >=
  :data:`AWARD_RECIPIENT_THRESHOLD` (as written, or both without the merit clause: "các cá
  nhân" ~ "các cá nhân có thành tích xuất sắc năm 2017", :func:`recipient_similarity`).

Gold items flagged ``"optional": true`` take part in matching, but a prediction matched
to one is neither TP nor FP and an unmatched optional item is not FN.

P/R/F1: when a field has nothing expected and nothing predicted (TP = FP = FN = 0) all three
are 1.0; otherwise a 0/0 ratio is 0. Officials and awards have no label criterion: their
value-only counts equal the strict ones.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, Field, ValidationError, computed_field
from scipy.optimize import linear_sum_assignment

from extractor import vi
from extractor.errors import InputError
from extractor.models import LIST_FIELDS, Award, ListField, Metric, Official, SectorReport
from extractor.text import fold, normalize
from extractor.vi.labels import LABEL_THRESHOLD, dice, label_similarity

AWARD_RECIPIENT_THRESHOLD = 0.5
"""Minimum recipient similarity (max of token Dice and character ratio) for an award pair."""

REL_TOL = 1e-6
ATTRIBUTES: tuple[str, ...] = (
    "officials.title",
    "metrics.unit",
    "metrics.qualifier",
    "metrics.year",
    "metrics.plan_pct",
    "awards.conferred_by",
)
SCALARS: tuple[str, ...] = ("report_year", "plan_year", "province")


class EvalInputError(InputError):
    """An evaluation input (article, gold file, predictions file) is unusable."""


# --------------------------------------------------------------------------- result models


def _ratios(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    if tp + fp + fn == 0:
        return 1.0, 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, 2 * tp / (2 * tp + fp + fn)


class FieldScore(BaseModel):
    """Strict TP/FP/FN counts with derived precision, recall and F1, and the same counts
    for value-only matching (``value_*``: a metric pair needs the value, not the label)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    value_tp: int = 0
    value_fp: int = 0
    value_fn: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        if self.tp + self.fp + self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        if self.tp + self.fp + self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        if self.tp + self.fp + self.fn == 0:
            return 1.0
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def value_precision(self) -> float:
        return _ratios(self.value_tp, self.value_fp, self.value_fn)[0]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def value_recall(self) -> float:
        return _ratios(self.value_tp, self.value_fp, self.value_fn)[1]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def value_f1(self) -> float:
        return _ratios(self.value_tp, self.value_fp, self.value_fn)[2]

    @property
    def empty(self) -> bool:
        """Nothing expected and nothing predicted."""
        return self.tp + self.fp + self.fn == 0

    def __add__(self, other: FieldScore) -> FieldScore:
        return FieldScore(
            tp=self.tp + other.tp,
            fp=self.fp + other.fp,
            fn=self.fn + other.fn,
            value_tp=self.value_tp + other.value_tp,
            value_fp=self.value_fp + other.value_fp,
            value_fn=self.value_fn + other.value_fn,
        )


class Accuracy(BaseModel):
    """Correct out of total; accuracy is None when nothing was compared."""

    correct: int = 0
    total: int = 0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(correct=self.correct + other.correct, total=self.total + other.total)


class ItemRef(BaseModel):
    """One omitted gold item or one hallucinated prediction."""

    field: ListField
    index: int
    item: dict[str, Any]


class MatchPair(BaseModel):
    """A matched (gold, prediction) pair; ``optional`` pairs do not count."""

    field: ListField
    gold_index: int
    pred_index: int
    similarity: float
    optional: bool = False


class Mislabel(BaseModel):
    """A prediction with the right value whose label names something else than the gold's."""

    field: Literal["achievements", "targets"]
    gold_index: int
    pred_index: int
    gold_indicator: str
    pred_indicator: str
    similarity: float


class UngroundedFigure(BaseModel):
    """A predicted figure that appears nowhere in the source text."""

    field: Literal["achievements", "targets"]
    index: int
    attribute: Literal["value", "value_max", "plan_pct"]
    value: float
    indicator: str


class ArticleScore(BaseModel):
    """Everything measured on one article."""

    id: str
    fields: dict[str, FieldScore]
    attributes: dict[str, Accuracy]
    scalars: dict[str, bool]
    omissions: list[ItemRef] = Field(default_factory=list)
    hallucinations: list[ItemRef] = Field(default_factory=list)
    ungrounded: list[UngroundedFigure] = Field(default_factory=list)
    matches: list[MatchPair] = Field(default_factory=list)
    mislabels: list[Mislabel] = Field(default_factory=list)
    label_similarities: list[float] = Field(
        default_factory=list,
        description="Label similarity of every value-matched (required) metric pair.",
    )

    @computed_field  # type: ignore[prop-decorator]
    @property
    def overall(self) -> FieldScore:
        return _sum_scores(self.fields.values())


class EvalSummary(BaseModel):
    """Micro-averaged totals over a set of articles."""

    n_articles: int
    fields: dict[str, FieldScore]
    attributes: dict[str, Accuracy]
    scalars: dict[str, Accuracy]
    omissions: int
    hallucinations: int
    ungrounded: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def overall(self) -> FieldScore:
        return _sum_scores(self.fields.values())

    macro_f1: float | None = Field(
        default=None, description="Mean over articles of each article's micro F1."
    )
    label_similarity: float | None = Field(
        default=None, description="Mean label similarity over value-matched metric pairs."
    )
    label_pairs: int = 0
    mislabels: int = 0


class GoldReport(BaseModel):
    """A gold :class:`SectorReport` plus the indices of its optional list items."""

    report: SectorReport
    optional: dict[str, list[int]] = Field(default_factory=dict)

    def is_optional(self, field: str, index: int) -> bool:
        return index in self.optional.get(field, [])


def _sum_scores(scores: Iterable[FieldScore]) -> FieldScore:
    total = FieldScore()
    for s in scores:
        total = total + s
    return total


# --------------------------------------------------------------------------- gold loading


def gold_from_data(data: Any, source: str = "gold") -> GoldReport:
    """Build a :class:`GoldReport` from parsed JSON, moving ``"optional"`` flags aside."""
    if not isinstance(data, dict):
        raise EvalInputError(f"{source}: gold must be a JSON object, got {type(data).__name__}")
    data = dict(data)
    optional: dict[str, list[int]] = {}
    for field in LIST_FIELDS:
        items = data.get(field)
        if items is None:
            continue
        if not isinstance(items, list):
            raise EvalInputError(f"{source}: '{field}' must be a list")
        cleaned = []
        for i, item in enumerate(items):
            if isinstance(item, dict) and "optional" in item:
                item = dict(item)
                flag = item.pop("optional")
                if not isinstance(flag, bool):
                    raise EvalInputError(f"{source}: {field}[{i}].optional must be true or false")
                if flag:
                    optional.setdefault(field, []).append(i)
            cleaned.append(item)
        data[field] = cleaned
    try:
        report = SectorReport.model_validate(data)
    except ValidationError as exc:
        raise EvalInputError(f"{source}: gold does not match the schema: {describe(exc)}") from exc
    return GoldReport(report=report, optional=optional)


def describe(exc: ValidationError, limit: int = 5) -> str:
    """A one-line summary of a Pydantic validation error."""
    errors = exc.errors()
    parts = [
        f"{'.'.join(str(x) for x in e['loc']) or '<root>'}: {e['msg']}" for e in errors[:limit]
    ]
    more = f" (+{len(errors) - limit} more)" if len(errors) > limit else ""
    return "; ".join(parts) + more


def load_gold(path: str | Path) -> GoldReport:
    """Read ``NAME.gold.json``; raise :class:`EvalInputError` naming the file on any problem."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalInputError(f"{path}: cannot read gold file: {exc}") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise EvalInputError(f"{path}: invalid JSON: {exc}") from exc
    return gold_from_data(data, str(path))


# --------------------------------------------------------------------------- similarity

_NON_WORD = re.compile(r"[^\w%]+")
_LEADING_ZEROS = re.compile(r"\b0+(?=\d)")


def text_key(text: str | None) -> str:
    """Comparison key: folded, punctuation to spaces, leading zeros dropped ("01" -> "1")."""
    if not text:
        return ""
    key = _NON_WORD.sub(" ", fold(text)).replace("_", " ")
    return " ".join(_LEADING_ZEROS.sub("", key).split())


def text_similarity(a: str | None, b: str | None) -> float:
    """Diacritic-insensitive similarity in [0, 1]: max of token Dice and character ratio."""
    ka, kb = text_key(a), text_key(b)
    if ka == kb:
        return 1.0
    if not ka or not kb:
        return 0.0
    return max(dice(ka.split(), kb.split()), SequenceMatcher(None, ka, kb).ratio())


def close(a: float | None, b: float | None) -> bool:
    """Float equality with relative tolerance 1e-6; None equals only None."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-9)


def _name_key(name: str) -> str:
    return normalize(name).casefold()


def within_one_edit(a: str, b: str) -> bool:
    """True when Levenshtein distance(a, b) <= 1."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def names_match(a: str, b: str) -> bool:
    """Same official name up to NFC/case/whitespace and one typo."""
    return within_one_edit(_name_key(a), _name_key(b))


_OF_CLAUSE = re.compile(r"\s+cua\s+.*$")


_TITLE_WORD = re.compile(r"^danh\s+hieu\s+")  # "danh hiệu Tập thể lao động xuất sắc": the title


def _award_kind_tokens(kind: str) -> list[str]:
    return _TITLE_WORD.sub("", _OF_CLAUSE.sub("", text_key(kind))).split()


def award_kinds_match(a: str, b: str) -> bool:
    """Equal kinds, or one a word-prefix of the other, after folding and dropping 'của ...'
    and a leading 'danh hiệu' (the word for "title")."""
    ta, tb = _award_kind_tokens(a), _award_kind_tokens(b)
    if not ta or not tb:
        return ta == tb
    n = min(len(ta), len(tb))
    return ta[:n] == tb[:n]


def _official_pair(gold: Official, pred: Official) -> float | None:
    if not names_match(gold.name, pred.name):
        return None
    exact = _name_key(gold.name) == _name_key(pred.name)
    return 1.0 + (0.5 if exact else 0.0) + 0.25 * text_similarity(gold.title, pred.title)


def _metric_pair(gold: Metric, pred: Metric) -> float | None:
    """Strict: value, range end and label (content words at or above the threshold)."""
    if not (close(gold.value, pred.value) and close(gold.value_max, pred.value_max)):
        return None
    label = label_similarity(gold.indicator, pred.indicator)
    if label < LABEL_THRESHOLD:
        return None
    return 1.0 + label


def _metric_value_pair(gold: Metric, pred: Metric) -> float | None:
    """Value-only: value and range end; the label breaks ties."""
    if not (close(gold.value, pred.value) and close(gold.value_max, pred.value_max)):
        return None
    return 1.0 + label_similarity(gold.indicator, pred.indicator)


def _without_merit(recipient: str | None) -> str | None:
    """A group of recipients without what they did to earn the honour ("các cá nhân có
    thành tích xuất sắc năm 2017" -> "các cá nhân"; lexicon ``merit_clauses``)."""
    if not recipient:
        return recipient
    m = re.search(
        rf"\s(?:{vi.alternation(vi.entry('merit_clauses.words'))})(?!\w)", recipient, re.I
    )
    return recipient[: m.start()].strip() if m and recipient[: m.start()].strip() else recipient


def recipient_similarity(gold: str | None, pred: str | None) -> float:
    """:func:`text_similarity` of two recipients, as written or both without the merit
    clause that annotators keep or leave ("các cá nhân" ~ "các cá nhân có thành tích xuất
    sắc năm 2017")."""
    return max(
        text_similarity(gold, pred), text_similarity(_without_merit(gold), _without_merit(pred))
    )


def _award_pair(gold: Award, pred: Award) -> float | None:
    if not award_kinds_match(gold.award, pred.award):
        return None
    recipient = recipient_similarity(gold.recipient, pred.recipient)
    if recipient < AWARD_RECIPIENT_THRESHOLD:
        return None
    return 1.0 + recipient + 0.25 * text_similarity(gold.award, pred.award)


_PAIR_FUNCS = {
    "officials": _official_pair,
    "achievements": _metric_pair,
    "targets": _metric_pair,
    "awards": _award_pair,
}
_MAX_SIM = 3.0  # every pair similarity (plus the required bonus) stays below this


def match_items(
    gold: Sequence[BaseModel],
    pred: Sequence[BaseModel],
    field: ListField,
    optional: Sequence[bool] | None = None,
    *,
    strict: bool = True,
) -> list[tuple[int, int, float]]:
    """Optimal one-to-one (gold_index, pred_index, similarity) matches for one field.

    Maximises the number of matched candidate pairs first, then total similarity; a
    required gold item wins a tie against an optional one. ``strict=False`` matches
    metrics on value alone.
    """
    if not gold or not pred:
        return []
    optional = optional or [False] * len(gold)
    pair = _PAIR_FUNCS[field]
    if not strict and field in ("achievements", "targets"):
        pair = _metric_value_pair
    sims = np.zeros((len(gold), len(pred)))
    ok = np.zeros((len(gold), len(pred)), dtype=bool)
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            sim = pair(g, p)  # type: ignore[arg-type]
            if sim is not None:
                ok[gi, pi] = True
                sims[gi, pi] = sim + (0.0 if optional[gi] else 0.01)
    if not ok.any():
        return []
    big = _MAX_SIM * (min(len(gold), len(pred)) + 1)
    weights = np.where(ok, big + sims, 0.0)
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return [
        (int(g), int(p), round(float(sims[g, p]), 4))
        for g, p in zip(rows, cols, strict=True)
        if ok[g, p]
    ]


# --------------------------------------------------------------------------- grounding

_NUM = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
_SCALE_AFTER = re.compile(
    r"\s*(?:(?:đến|tới|-|–)\s*\d+(?:[.,]\d+)*\s*)?(nghìn|ngàn|triệu|tỷ|tỉ)(?!\w)", re.IGNORECASE
)
_PCT_AFTER = re.compile(r"\s*(?:(?:-|–|đến|tới)\s*\d+(?:[.,]\d+)*\s*)?%")
_SCALES = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}


def _reading(token: str) -> float | None:
    """The Vietnamese reading of a digit token ("15.325" -> 15325, "67,7" -> 67.7); a token
    that cannot be Vietnamese ("3.5", "1,000,000") gets the English reading."""
    dots, commas = token.split("."), token.split(",")
    try:
        if len(dots) > 1 and len(commas) > 1:
            return float(token.replace(".", "").replace(",", "."))
        if len(dots) > 1:
            if all(len(g) == 3 for g in dots[1:]):
                return float(token.replace(".", ""))
            return float(token) if len(dots) == 2 else None
        if len(commas) > 1:
            if len(commas) == 2:
                return float(token.replace(",", "."))
            return float(token.replace(",", "")) if all(len(g) == 3 for g in commas[1:]) else None
        return float(token)
    except ValueError:
        return None


def _scan_values(text: str) -> tuple[list[float], list[float]]:
    """Lenient scan: every number (scaled when a scale word follows) and every percent."""
    values: list[float] = []
    percents: list[float] = []
    for m in _NUM.finditer(text):
        reading = _reading(m.group())
        if reading is None:
            continue
        scale = _SCALE_AFTER.match(text, m.end())
        values.append(reading * (_SCALES[scale.group(1).lower()] if scale else 1.0))
        if _PCT_AFTER.match(text, m.end()):
            percents.append(reading)
    return values, percents


def stated_values(text: str) -> tuple[list[float], list[float]]:
    """(values, plan percents) stated in ``text``: the quantity parser's plus a lenient scan.

    The lenient scan keeps the check meaningful while the parser is incomplete; a
    plan percent X also grounds 100 + X ("vượt 33,3% kế hoạch" -> 133.3).
    """
    values, percents = _scan_values(text)
    plans: list[float] = list(percents)
    from extractor import numbers

    values.extend(float(v) for v in numbers.values_in(text))
    plans.extend(q.value for q in numbers.find_plan_pcts(text))
    plans.extend([100 + p for p in list(plans)])
    return values, plans


def ungrounded_figures(report: SectorReport, text: str) -> list[UngroundedFigure]:
    """Predicted metric values, range ends and plan percents absent from ``text``."""
    values, plans = stated_values(text)

    def found(x: float, pool: list[float]) -> bool:
        return any(close(x, v) for v in pool)

    out: list[UngroundedFigure] = []
    for field in ("achievements", "targets"):
        metrics: list[Metric] = getattr(report, field)
        for i, m in enumerate(metrics):
            checks: list[tuple[Literal["value", "value_max", "plan_pct"], float | None, bool]] = [
                ("value", m.value, False),
                ("value_max", m.value_max, False),
                ("plan_pct", m.plan_pct, True),
            ]
            for attr, x, is_plan in checks:
                if x is None:
                    continue
                if not found(x, plans if is_plan else values):
                    out.append(
                        UngroundedFigure(
                            field=field,  # type: ignore[arg-type]
                            index=i,
                            attribute=attr,
                            value=x,
                            indicator=m.indicator,
                        )
                    )
    return out


# --------------------------------------------------------------------------- scoring


def _province_key(p: str | None) -> str:
    key = text_key(vi.canonical_province(p) if p else p)  # "TP.HCM" is "Hồ Chí Minh"
    return re.sub(r"^(?:tinh|thanh pho|tp)\s+", "", key)


def _attribute_checks(field: ListField, gold: BaseModel, pred: BaseModel) -> dict[str, bool]:
    if field == "officials":
        return {"officials.title": text_key(gold.title) == text_key(pred.title)}  # type: ignore[attr-defined]
    if field == "awards":
        return {
            "awards.conferred_by": text_key(gold.conferred_by)  # type: ignore[attr-defined]
            == text_key(pred.conferred_by)  # type: ignore[attr-defined]
        }
    g: Metric = gold  # type: ignore[assignment]
    p: Metric = pred  # type: ignore[assignment]
    return {
        "metrics.unit": text_key(g.unit) == text_key(p.unit),
        "metrics.qualifier": g.qualifier == p.qualifier,
        "metrics.year": g.year == p.year,
        "metrics.plan_pct": close(g.plan_pct, p.plan_pct),
    }


def _value_counts(
    field: ListField,
    g_items: Sequence[BaseModel],
    p_items: Sequence[BaseModel],
    opt: Sequence[bool],
    strict_pairs: list[tuple[int, int, float]],
) -> tuple[list[tuple[int, int, float]], int, int, int]:
    """Value-only pairs and their (tp, fp, fn); for officials and awards the strict ones."""
    if field in ("achievements", "targets"):
        pairs = match_items(g_items, p_items, field, opt, strict=False)
    else:
        pairs = strict_pairs
    tp = sum(1 for g, _, _ in pairs if not opt[g])
    matched_opt = sum(1 for g, _, _ in pairs if opt[g])
    fp = len(p_items) - tp - matched_opt
    fn = sum(1 for i in range(len(g_items)) if not opt[i]) - tp
    return pairs, tp, fp, fn


def score_article(gold: GoldReport, predicted: SectorReport, text: str, id: str) -> ArticleScore:
    """Score one article: per-field P/R/F1 (strict and value-only), attribute and scalar
    accuracy, error lists (omissions, hallucinations, mislabels, ungrounded figures)."""
    fields: dict[str, FieldScore] = {}
    attributes = {name: Accuracy() for name in ATTRIBUTES}
    omissions: list[ItemRef] = []
    hallucinations: list[ItemRef] = []
    matches: list[MatchPair] = []
    mislabels: list[Mislabel] = []
    label_sims: list[float] = []
    for field in LIST_FIELDS:
        g_items: list[BaseModel] = getattr(gold.report, field)
        p_items: list[BaseModel] = getattr(predicted, field)
        opt = [gold.is_optional(field, i) for i in range(len(g_items))]
        pairs = match_items(g_items, p_items, field, opt)
        matched_g = {g for g, _, _ in pairs}
        matched_p = {p for _, p, _ in pairs}
        value_pairs, vtp, vfp, vfn = _value_counts(field, g_items, p_items, opt, pairs)
        score = FieldScore(value_tp=vtp, value_fp=vfp, value_fn=vfn)
        for gi, pi, sim in sorted(pairs):
            matches.append(
                MatchPair(
                    field=field, gold_index=gi, pred_index=pi, similarity=sim, optional=opt[gi]
                )
            )
            if opt[gi]:
                continue
            score.tp += 1
            for name, ok in _attribute_checks(field, g_items[gi], p_items[pi]).items():
                attributes[name].add(ok)
        if field in ("achievements", "targets"):
            for gi, pi, _ in sorted(value_pairs):
                if opt[gi]:
                    continue
                g_m: Metric = g_items[gi]  # type: ignore[assignment]
                p_m: Metric = p_items[pi]  # type: ignore[assignment]
                sim = label_similarity(g_m.indicator, p_m.indicator)
                label_sims.append(round(sim, 4))
                if sim < LABEL_THRESHOLD:
                    mislabels.append(
                        Mislabel(
                            field=field,  # type: ignore[arg-type]
                            gold_index=gi,
                            pred_index=pi,
                            gold_indicator=g_m.indicator,
                            pred_indicator=p_m.indicator,
                            similarity=round(sim, 4),
                        )
                    )
        for gi, item in enumerate(g_items):
            if gi not in matched_g and not opt[gi]:
                score.fn += 1
                omissions.append(ItemRef(field=field, index=gi, item=item.model_dump()))
        for pi, item in enumerate(p_items):
            if pi not in matched_p:
                score.fp += 1
                hallucinations.append(ItemRef(field=field, index=pi, item=item.model_dump()))
        fields[field] = score
    g, p = gold.report, predicted
    scalars = {
        "report_year": g.report_year == p.report_year,
        "plan_year": g.plan_year == p.plan_year,
        "province": _province_key(g.province) == _province_key(p.province),
    }
    return ArticleScore(
        id=id,
        fields=fields,
        attributes=attributes,
        scalars=scalars,
        omissions=omissions,
        hallucinations=hallucinations,
        ungrounded=ungrounded_figures(predicted, text),
        matches=matches,
        mislabels=mislabels,
        label_similarities=label_sims,
    )


def aggregate(scores: Sequence[ArticleScore]) -> EvalSummary:
    """Micro-average: sum TP/FP/FN, attribute and scalar counts over articles."""
    fields = {f: FieldScore() for f in LIST_FIELDS}
    attributes = {a: Accuracy() for a in ATTRIBUTES}
    scalars = {s: Accuracy() for s in SCALARS}
    for s in scores:
        for f, fs in s.fields.items():
            fields[f] = fields.get(f, FieldScore()) + fs
        for a, acc in s.attributes.items():
            attributes[a] = attributes.get(a, Accuracy()) + acc
        for name, ok in s.scalars.items():
            scalars.setdefault(name, Accuracy()).add(ok)
    f1s = [s.overall.f1 for s in scores]
    sims = [x for s in scores for x in s.label_similarities]
    return EvalSummary(
        n_articles=len(scores),
        fields=fields,
        attributes=attributes,
        scalars=scalars,
        omissions=sum(len(s.omissions) for s in scores),
        hallucinations=sum(len(s.hallucinations) for s in scores),
        ungrounded=sum(len(s.ungrounded) for s in scores),
        macro_f1=sum(f1s) / len(f1s) if f1s else None,
        label_similarity=sum(sims) / len(sims) if sims else None,
        label_pairs=len(sims),
        mislabels=sum(len(s.mislabels) for s in scores),
    )
