"""Rule-based checks that need no gold, run on every extraction, after verification.

Whether each figure is stated in its evidence (value, range, unit, qualifier, plan_pct) is
decided once by :mod:`extractor.verify`; these checks look at what it keeps, across items
(percent ranges, range order, years, duplicates, a target equal to an achievement).

Each check is ``(report, source, grounding) -> list[CheckWarning]`` and is registered in
:data:`CHECKS` under the name it writes into ``CheckWarning.check``. :func:`run_checks`
runs them all. Messages are English and name the figures: they may be shown to a model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from extractor import numbers, vi
from extractor.grounding import close, fmt, fold_keep_length, ground_report
from extractor.models import CheckWarning, Grounding, ListField, Metric, SectorReport
from extractor.text import fold, nfc, sentences

Check = Callable[[SectorReport, str, list[Grounding]], list[CheckWarning]]

METRIC_FIELDS: tuple[ListField, ListField] = ("achievements", "targets")
INDICATOR_SIMILARITY = 0.6
"""Indicators whose content words overlap this much (Jaccard) count as similar."""
_FILLERS = vi.folded_words("fillers")


def _metrics(report: SectorReport) -> Iterator[tuple[ListField, int, Metric]]:
    for field in METRIC_FIELDS:
        for i, m in enumerate(getattr(report, field)):
            yield field, i, m


def _describe(m: Metric) -> str:
    unit = f" {m.unit}" if m.unit and m.unit != "%" else (m.unit or "")
    return f"{fmt(m.value)}{unit} ({m.indicator!r})"


# --------------------------------------------------------------------------- checks


def evidence_verbatim(
    report: SectorReport, source: str, grounding: list[Grounding]
) -> list[CheckWarning]:
    """Evidence (official: name) is found verbatim; otherwise say how it was matched."""
    out = []
    for g in grounding:
        what = "name" if g.field == "officials" else "evidence"
        if g.method == "exact":
            continue
        if g.method == "normalized":
            msg = f"{what} matches the text only after normalising Unicode, spaces or quotes"
        elif g.method == "fuzzy":
            msg = f"{what} is not verbatim: closest passage matches with score {g.score:.2f}"
        else:
            msg = f"{what} is not in the text (best fuzzy score {g.score:.2f})"
        out.append(
            CheckWarning(check="evidence_verbatim", field=g.field, index=g.index, message=msg)
        )
    return out


def _alternatives(path: str) -> str:
    return "|".join(sorted((re.escape(w) for w in vi.folded_words(path)), key=len, reverse=True))


_CHANGE_BEFORE = re.compile(rf"({_alternatives('change_before')})\s*$")
_CHANGE_AFTER = re.compile(rf"\s*({_alternatives('change_after')})")


def _is_change(m: Metric) -> bool:
    """The metric's percentage is stated as a change ('tăng 102,77% so với…')."""
    text = nfc(m.evidence)
    folded = fold_keep_length(text)
    for q in numbers.find_quantities(text):
        if close(q.value, m.value):
            before = folded[max(0, q.num_start - 15) : q.num_start]
            if _CHANGE_BEFORE.search(before) or _CHANGE_AFTER.match(folded, q.end):
                return True
    return False


def percent_range(
    report: SectorReport, source: str, grounding: list[Grounding]
) -> list[CheckWarning]:
    """Rates lie in [0, 100] (a change, 'tăng 150% so với…', may exceed 100); plan_pct in
    (0, 1000) (over 100 is normal)."""
    out = []
    for field, i, m in _metrics(report):
        if m.unit is not None and m.unit.strip() == "%":
            change = _is_change(m)
            for name, x in (("value", m.value), ("value_max", m.value_max)):
                if x is not None and (x < 0 or (x > 100 and not change)):
                    out.append(
                        CheckWarning(
                            check="percent_range",
                            field=field,
                            index=i,
                            message=f"{name} {fmt(x)}% of {m.indicator!r} is outside 0-100%; "
                            "is it a share of plan (plan_pct) or a misread figure?",
                        )
                    )
        if m.plan_pct is not None and not 0 < m.plan_pct < 1000:
            out.append(
                CheckWarning(
                    check="percent_range",
                    field=field,
                    index=i,
                    message=f"plan_pct {fmt(m.plan_pct)} of {m.indicator!r} is outside (0, 1000)",
                )
            )
    return out


def range_order(
    report: SectorReport, source: str, grounding: list[Grounding]
) -> list[CheckWarning]:
    """A range's lower end does not exceed its upper end."""
    return [
        CheckWarning(
            check="range_order",
            field=field,
            index=i,
            message=f"range of {m.indicator!r} is inverted: value {fmt(m.value)} > value_max "
            f"{fmt(m.value_max)}",
        )
        for field, i, m in _metrics(report)
        if m.value_max is not None and m.value > m.value_max and not close(m.value, m.value_max)
    ]


def _years_related(source: str, first: int, second: int) -> bool:
    """Both years are named in one sentence of the source, ``first`` before ``second``."""
    a, b = str(first), str(second)
    for s, e in sentences(source):
        sent = source[s:e]
        i = sent.find(a)
        if i >= 0 and sent.find(b, i + len(a)) >= 0:
            return True
    return False


def _names_year(evidence: str, year: int) -> bool:
    """``evidence`` names ``year`` other than as a comparison base ('so với năm 2022')."""
    folded = fold(evidence)
    for m in re.finditer(rf"(?<!\d){year}(?!\d)", folded):
        if not re.search(r"(so voi|cung ky|hon)[^,;]{0,15}$", folded[: m.start()]):
            return True
    return False


def year_consistency(
    report: SectorReport, source: str, grounding: list[Grounding]
) -> list[CheckWarning]:
    """Achievements are of report_year, targets of plan_year = report_year + 1 (unless the
    text itself names the two years together). An item whose evidence names its own other
    year ("năm 2019 là 95,8%", "Đến năm 2025, phấn đấu…") is accepted."""
    out = []
    ry, py = report.report_year, report.plan_year
    if ry is not None and py is not None:
        if py <= ry:
            out.append(
                CheckWarning(
                    check="year_consistency",
                    message=f"plan_year {py} is not after report_year {ry}",
                )
            )
        elif py != ry + 1 and not _years_related(source, ry, py):
            out.append(
                CheckWarning(
                    check="year_consistency",
                    message=f"plan_year {py} is not report_year {ry} + 1 and the text does not "
                    "name the two years together",
                )
            )
    expected = {"achievements": (ry, "report_year"), "targets": (py, "plan_year")}
    for field, i, m in _metrics(report):
        year, name = expected[field]
        if m.year is not None and year is not None and m.year != year:
            if _names_year(m.evidence, m.year):
                continue  # a figure of another year, stated as such ("năm 2019 là 95,8%")
            out.append(
                CheckWarning(
                    check="year_consistency",
                    field=field,
                    index=i,
                    message=f"{field[:-1]} {_describe(m)} has year {m.year} but {name} is {year}",
                )
            )
    return out


def _content_words(indicator: str) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(indicator)) if w not in _FILLERS}


def _similar(a: str, b: str) -> bool:
    """Content words overlap at least :data:`INDICATOR_SIMILARITY` (Jaccard), or the
    shorter indicator's words (two or more) nearly all occur in the longer one."""
    ta, tb = _content_words(a), _content_words(b)
    if not ta or not tb:
        return fold(a) == fold(b)
    shared = len(ta & tb)
    if min(len(ta), len(tb)) >= 2 and shared / min(len(ta), len(tb)) >= 0.8:
        return True
    return shared / len(ta | tb) >= INDICATOR_SIMILARITY


def _same_indicator(a: str, b: str) -> bool:
    """The same content words (word order and fillers like 'số', 'được', 'cho' ignored)."""
    ta, tb = _content_words(a), _content_words(b)
    return ta == tb if ta or tb else fold(a) == fold(b)


def _same_person(a: str, b: str) -> bool:
    ta, tb = fold(a).split(), fold(b).split()
    if ta == tb:
        return True
    short, long_ = sorted((ta, tb), key=len)
    return len(short) >= 2 and long_[-len(short) :] == short


def duplicates(report: SectorReport, source: str, grounding: list[Grounding]) -> list[CheckWarning]:
    """Items repeated within one list (metrics: same figure and unit with a similar indicator
    or the same evidence span; officials: same person; awards: same kind and recipient)."""
    spans = {(g.field, g.index): (g.start, g.end) for g in grounding if g.start is not None}
    out = []

    def warn(field: ListField, i: int, j: int, what: str) -> None:
        out.append(
            CheckWarning(
                check="duplicates",
                field=field,
                index=j,
                message=f"{field}[{j}] repeats {field}[{i}]: {what}",
            )
        )

    for field in METRIC_FIELDS:
        items: list[Metric] = getattr(report, field)
        for j, b in enumerate(items):
            for i in range(j):
                a = items[i]
                same_figure = (
                    close(a.value, b.value) and close(a.value_max, b.value_max) and a.unit == b.unit
                )
                same_span = (field, i) in spans and spans.get((field, i)) == spans.get((field, j))
                if same_figure and (same_span or _same_indicator(a.indicator, b.indicator)):
                    warn(field, i, j, f"same figure {_describe(b)}")
                    break
    for j, o in enumerate(report.officials):
        for i in range(j):
            if _same_person(report.officials[i].name, o.name):
                warn("officials", i, j, f"same person {o.name!r}")
                break
    for j, aw in enumerate(report.awards):
        for i in range(j):
            prev = report.awards[i]
            if (
                fold(prev.award) == fold(aw.award)
                and fold(prev.recipient) == fold(aw.recipient)
                and fold(prev.conferred_by or "") == fold(aw.conferred_by or "")
            ):
                warn("awards", i, j, f"same {aw.award!r} to {aw.recipient!r}")
                break
    return out


_MAINTAIN = tuple(sorted(vi.folded_words("maintain_cues")))


def target_equals_achievement(
    report: SectorReport, source: str, grounding: list[Grounding]
) -> list[CheckWarning]:
    """A target with the same figure and unit as an achievement: always suspicious when both
    quote the same span (one figure cannot be both); with different quotes, when the
    indicators are similar, unless the level is 100% or maintained ('duy trì', 'giữ vững')."""
    spans = {(g.field, g.index): (g.start, g.end) for g in grounding if g.start is not None}
    out = []
    for j, t in enumerate(report.targets):
        maintained = any(w in fold(t.evidence) for w in _MAINTAIN) or (
            close(t.value, 100) and t.unit == "%"
        )
        for i, a in enumerate(report.achievements):
            if not (close(a.value, t.value) and a.unit == t.unit):
                continue
            span = spans.get(("targets", j))
            same_span = span is not None and span == spans.get(("achievements", i))
            if same_span or (not maintained and _similar(a.indicator, t.indicator)):
                where = "the same evidence span" if same_span else "a similar indicator"
                out.append(
                    CheckWarning(
                        check="target_equals_achievement",
                        field="targets",
                        index=j,
                        message=f"target {_describe(t)} equals achievements[{i}] {_describe(a)} "
                        f"with {where}; is it a plan-year figure?",
                    )
                )
                break
    return out


CHECKS: dict[str, Check] = {
    "evidence_verbatim": evidence_verbatim,
    "percent_range": percent_range,
    "range_order": range_order,
    "year_consistency": year_consistency,
    "duplicates": duplicates,
    "target_equals_achievement": target_equals_achievement,
}


def run_checks(
    report: SectorReport, source: str, grounding: list[Grounding] | None = None
) -> list[CheckWarning]:
    """Run every check in :data:`CHECKS` (grounding computed when not given)."""
    if grounding is None:
        grounding = ground_report(report, source)
    out: list[CheckWarning] = []
    for name, check in CHECKS.items():
        try:
            out.extend(check(report, source, grounding))
        except Exception as exc:  # a broken check must not sink the extraction
            out.append(CheckWarning(check=name, message=f"check failed: {exc!r}"))
    return out
