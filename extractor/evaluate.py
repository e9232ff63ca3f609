"""Evaluation harness behind ``extractor eval DIR``.

A directory holds ``NAME.txt`` articles with ``NAME.gold.json`` beside each. Predictions come
either from a JSONL file (``{"id": ..., "report": {...}}`` lines, or the batch output format)
or from an ``extract`` callable; :func:`run_eval` scores them and :func:`render` /
:func:`to_markdown` / :meth:`EvalReport.to_json` present the result.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel, Field, ValidationError
from rich.console import Console
from rich.table import Table
from rich.text import Text

from extractor.errors import ExtractorError
from extractor.models import LIST_FIELDS, CheckWarning, SectorReport, Usage
from extractor.scoring import (
    ArticleScore,
    EvalInputError,
    EvalSummary,
    GoldReport,
    aggregate,
    describe,
    load_gold,
    score_article,
)
from extractor.vi.labels import LABEL_THRESHOLD

__all__ = [
    "ArticleResult",
    "EvalCase",
    "EvalInputError",
    "EvalReport",
    "PredictionRecord",
    "load_eval_dir",
    "load_prediction_records",
    "load_predictions",
    "render",
    "run_eval",
    "to_markdown",
]

GOLD_SUFFIX = ".gold.json"


@dataclass(frozen=True)
class EvalCase:
    """One article to evaluate: its id (file stem), text and gold."""

    id: str
    text: str
    gold: GoldReport
    text_path: Path
    gold_path: Path


@dataclass
class PredictionRecord:
    """One prediction line: the report plus what the batch output carried with it."""

    report: SectorReport
    warnings: list[CheckWarning] = field(default_factory=list)
    usage: Usage | None = None
    error: str | None = None


class ExtractionLike(Protocol):
    """What ``extract`` returns (an :class:`~extractor.models.ExtractionResult` fits)."""

    report: SectorReport
    warnings: list[CheckWarning]
    usage: Usage


Prediction = SectorReport | PredictionRecord | ExtractionLike


# --------------------------------------------------------------------------- inputs


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise EvalInputError(f"{path}: cannot read article: {exc}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EvalInputError(f"{path}: article is not valid UTF-8 ({exc.reason})") from exc
    if not text.strip():
        raise EvalInputError(f"{path}: article is empty")
    return text


def _article_id(directory: Path, text_path: Path) -> str:
    rel = text_path.relative_to(directory).with_suffix("")
    return rel.as_posix()


def load_eval_dir(directory: str | Path) -> list[EvalCase]:
    """Pair every ``NAME.txt`` (or saved web page ``NAME.html``) under ``directory``
    (subfolders included, e.g. ``real/dev`` and ``real/test``) with ``NAME.gold.json``
    beside it, sorted by path. The id is the path relative to ``directory`` without the
    suffix ("dev/20_ca-mau-vhttdl-2018")."""
    directory = Path(directory)
    if not directory.is_dir():
        raise EvalInputError(f"{directory}: not a directory")
    suffixes = (".txt", ".html", ".htm")
    texts = sorted(p for p in directory.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
    if not texts:
        raise EvalInputError(f"{directory}: no .txt or .html articles to evaluate")
    cases = []
    for text_path in texts:
        gold_path = text_path.with_name(text_path.stem + GOLD_SUFFIX)
        if not gold_path.is_file():
            raise EvalInputError(f"{gold_path}: gold file missing for {text_path.name}")
        text = _read_text(text_path)
        cases.append(
            EvalCase(
                id=_article_id(directory, text_path),
                text=text,
                gold=load_gold(gold_path),
                text_path=text_path,
                gold_path=gold_path,
            )
        )
    return cases


def _line_id(obj: dict[str, Any]) -> str | None:
    ident = obj.get("id")
    if isinstance(ident, str) and ident:
        return ident
    source = obj.get("source")
    if isinstance(source, str) and source:
        name = Path(source).name
        return name[: -len(".txt")] if name.endswith(".txt") else name
    return None


def load_prediction_records(path: str | Path) -> dict[str, PredictionRecord]:
    """Read a predictions JSONL file, keeping warnings/usage/error when present.

    A line with an ``error`` and no report counts as an empty report.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalInputError(f"{path}: cannot read predictions: {exc}") from exc
    records: dict[str, PredictionRecord] = {}
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalInputError(f"{where}: invalid JSON: {exc.msg}") from exc
        if not isinstance(obj, dict):
            raise EvalInputError(f"{where}: expected a JSON object")
        ident = _line_id(obj)
        if ident is None:
            raise EvalInputError(f"{where}: no 'id' (or 'source') to name the article")
        if ident in records:
            raise EvalInputError(f"{where}: duplicate id {ident!r}")
        error = obj.get("error")
        raw = obj.get("report")
        if raw is None:
            if not error:
                raise EvalInputError(f"{where}: no 'report' and no 'error'")
            report = SectorReport()
        else:
            try:
                report = SectorReport.model_validate(raw)
            except ValidationError as exc:
                raise EvalInputError(f"{where}: invalid report: {describe(exc)}") from exc
        records[ident] = PredictionRecord(
            report=report,
            warnings=_lenient_warnings(obj.get("warnings")),
            usage=_lenient_usage(obj.get("usage")),
            error=_error_text(error),
        )
    return records


def _error_text(error: Any) -> str | None:
    if not error:
        return None
    if isinstance(error, dict):
        kind, message = error.get("type"), error.get("message")
        return f"{kind}: {message}" if kind else str(message or error)
    return str(error)


def load_predictions(path: str | Path) -> dict[str, SectorReport]:
    """Read a predictions JSONL file into ``{id: SectorReport}``."""
    return {k: r.report for k, r in load_prediction_records(path).items()}


def _lenient_warnings(raw: Any) -> list[CheckWarning]:
    out = []
    for item in raw if isinstance(raw, list) else []:
        try:
            out.append(CheckWarning.model_validate(item))
        except ValidationError:
            continue
    return out


def _lenient_usage(raw: Any) -> Usage | None:
    if not isinstance(raw, dict):
        return None
    try:
        return Usage.model_validate(raw)
    except ValidationError:
        return None


# --------------------------------------------------------------------------- running


class ArticleResult(BaseModel):
    """One article's score plus what running it cost."""

    score: ArticleScore
    seconds: float | None = None
    tokens: int | None = None
    warnings: dict[str, int] = Field(default_factory=dict)
    error: str | None = None
    missing: bool = False

    def to_dict(self) -> dict[str, Any]:
        s = self.score
        out: dict[str, Any] = {
            "id": s.id,
            "overall": _prf(s.overall.model_dump()),
            "fields": {f: s.fields[f].model_dump() for f in LIST_FIELDS},
            "attributes": {k: v.model_dump() for k, v in s.attributes.items()},
            "scalars": dict(s.scalars),
            "ungrounded": [u.model_dump() for u in s.ungrounded],
            "mislabels": [m.model_dump() for m in s.mislabels],
            "omissions": [o.model_dump() for o in s.omissions],
            "hallucinations": [h.model_dump() for h in s.hallucinations],
            "warnings": dict(self.warnings),
        }
        if self.seconds is not None:
            out["seconds"] = round(self.seconds, 3)
        if self.tokens is not None:
            out["tokens"] = self.tokens
        if self.error:
            out["error"] = self.error
        if self.missing:
            out["missing"] = True
        return out


_PRF_KEYS = ("precision", "recall", "f1", "value_precision", "value_recall", "value_f1")


def _prf(d: dict[str, Any]) -> dict[str, float]:
    """Strict precision/recall/F1 (value and label) and the value-only ones beside them."""
    return {k: d[k] for k in _PRF_KEYS}


class EvalReport(BaseModel):
    """The outcome of :func:`run_eval`."""

    summary: EvalSummary
    articles: list[ArticleResult]
    checks: dict[str, int] = Field(default_factory=dict)
    missing: list[str] = Field(default_factory=list)

    @property
    def overall_f1(self) -> float:
        """The headline: strict micro F1 (a metric counts when its value and label agree)."""
        return self.summary.overall.f1

    @property
    def overall_value_f1(self) -> float:
        """Value-only micro F1 (a metric counts when its value agrees)."""
        return self.summary.overall.value_f1

    def passes(self, min_f1: float) -> bool:
        """True when the overall micro F1 reaches ``min_f1``."""
        return self.overall_f1 >= min_f1

    def to_json(self) -> dict[str, Any]:
        """JSON-ready ``{"overall", "fields", "articles", "checks"}``; details live per article."""
        summary = self.summary
        overall: dict[str, Any] = _prf(summary.overall.model_dump())
        overall["label_similarity"] = summary.label_similarity
        overall["label_pairs"] = summary.label_pairs
        overall["mislabels"] = summary.mislabels
        return {
            "overall": overall,
            "n_articles": summary.n_articles,
            "fields": {f: summary.fields[f].model_dump() for f in LIST_FIELDS},
            "articles": [a.to_dict() for a in self.articles],
            "checks": dict(sorted(self.checks.items())),
        }


def _unpack(pred: Prediction) -> tuple[SectorReport, list[CheckWarning], Usage | None, str | None]:
    if isinstance(pred, SectorReport):
        return pred, [], None, None
    if isinstance(pred, PredictionRecord):
        return pred.report, pred.warnings, pred.usage, pred.error
    return pred.report, list(pred.warnings), pred.usage, None


def run_eval(
    cases: Iterable[EvalCase],
    *,
    predictions: Mapping[str, Prediction] | None = None,
    extract: Callable[[str], ExtractionLike] | None = None,
) -> EvalReport:
    """Score every case against ``predictions`` (no model call) or against ``extract(text)``.

    With predictions, a case missing from them scores as an empty report and is listed in
    ``missing``. With ``extract``, an :class:`ExtractorError` on one article scores it as
    an empty report with the error recorded; other exceptions propagate.
    """
    if predictions is None and extract is None:
        raise ValueError("run_eval needs predictions or an extract callable")
    articles: list[ArticleResult] = []
    missing: list[str] = []
    checks: Counter[str] = Counter()
    for case in cases:
        seconds: float | None = None
        error: str | None = None
        usage: Usage | None = None
        warnings: list[CheckWarning] = []
        is_missing = False
        if predictions is not None:
            pred = predictions.get(case.id)
            if pred is None:
                pred = predictions.get(case.id.rsplit("/", 1)[-1])
            if pred is None:
                is_missing = True
                missing.append(case.id)
                report = SectorReport()
            else:
                report, warnings, usage, error = _unpack(pred)
        else:
            assert extract is not None
            start = time.perf_counter()
            try:
                report, warnings, usage, _ = _unpack(extract(case.text))
            except ExtractorError as exc:
                report, error = SectorReport(), f"{type(exc).__name__}: {exc}"
            seconds = time.perf_counter() - start
        tokens = None
        if usage is not None:
            if usage.seconds:
                seconds = usage.seconds
            if usage.prompt_tokens or usage.completion_tokens:
                tokens = usage.prompt_tokens + usage.completion_tokens
        by_check = Counter(w.check for w in warnings)
        checks.update(by_check)
        articles.append(
            ArticleResult(
                score=score_article(case.gold, report, case.text, case.id),
                seconds=seconds,
                tokens=tokens,
                warnings=dict(by_check),
                error=error,
                missing=is_missing,
            )
        )
    return EvalReport(
        summary=aggregate([a.score for a in articles]),
        articles=articles,
        checks=dict(checks),
        missing=missing,
    )


# --------------------------------------------------------------------------- presenting

_FIELD_LABELS = {
    "officials": "Off",
    "achievements": "Ach",
    "targets": "Tgt",
    "awards": "Awd",
}


def _style(f1: float) -> str:
    return "green" if f1 >= 0.9 else "yellow" if f1 >= 0.7 else "red"


def _f1_cell(score: Any, show_empty: bool = True, digits: int = 2) -> Text:
    if show_empty and score.empty:
        return Text("—", style="dim")
    return Text(f"{score.f1:.{digits}f}", style=_style(score.f1))


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1%}"


def _short_id(ident: str, width: int = 22) -> str:
    return ident if len(ident) <= width else ident[: width - 1] + "…"


def render(report: EvalReport, console: Console) -> None:
    """Print per-article, per-field, attribute and year/province tables; overall line last.

    F1 is strict (a metric counts when value and label agree); "Value" is value-only."""
    summary = report.summary
    per_article = Table(
        title="Per article (strict F1)",
        caption="Off/Ach/Tgt/Awd officials, achievements, targets, awards; F1 strict, "
        "Val value-only; Ungr ungrounded figures; — nothing expected, nothing predicted",
    )
    per_article.add_column("Article", no_wrap=True)
    for f in LIST_FIELDS:
        per_article.add_column(_FIELD_LABELS[f], justify="right")
    per_article.add_column("F1", justify="right")
    per_article.add_column("Val", justify="right")
    per_article.add_column("Ungr", justify="right")
    per_article.add_column("s", justify="right")
    for a in report.articles:
        s = a.score
        name = Text(_short_id(s.id))
        if a.missing:
            name.append(" (missing)", style="red")
        elif a.error:
            name.append(" (error)", style="red")
        ungrounded = Text(str(len(s.ungrounded)), style="red" if s.ungrounded else "")
        value_f1 = s.overall.value_f1
        per_article.add_row(
            name,
            *(_f1_cell(s.fields[f]) for f in LIST_FIELDS),
            _f1_cell(s.overall, show_empty=False),
            Text(f"{value_f1:.2f}", style=_style(value_f1)),
            ungrounded,
            "" if a.seconds is None else f"{a.seconds:.1f}",
        )
    console.print(per_article)

    per_field = Table(title="Per field (micro over articles; F1 strict, value-only beside it)")
    for col in ("Field", "P", "R", "F1", "Value F1", "TP", "FP", "FN"):
        per_field.add_column(col, justify="left" if col == "Field" else "right")
    for f in LIST_FIELDS:
        fs = summary.fields[f]
        per_field.add_row(
            f,
            f"{fs.precision:.3f}",
            f"{fs.recall:.3f}",
            _f1_cell(fs, show_empty=False, digits=3),
            f"{fs.value_f1:.3f}",
            str(fs.tp),
            str(fs.fp),
            str(fs.fn),
        )
    console.print(per_field)

    attrs = Table(title="Attribute accuracy (matched pairs) and report fields")
    for col in ("Attribute", "Correct", "Total", "Accuracy"):
        attrs.add_column(col, justify="left" if col == "Attribute" else "right")
    for name, acc in [*summary.attributes.items(), *summary.scalars.items()]:
        attrs.add_row(name, str(acc.correct), str(acc.total), _pct(acc.accuracy))
    console.print(attrs)

    console.print(
        f"Omissions (missed gold): {summary.omissions}   "
        f"Hallucinations (unmatched): {summary.hallucinations}   "
        f"Ungrounded figures: {summary.ungrounded}"
    )
    if summary.label_similarity is not None:
        console.print(
            f"Labels: mean similarity {summary.label_similarity:.3f} over "
            f"{summary.label_pairs} value-matched figures; {summary.mislabels} below "
            f"{LABEL_THRESHOLD} (right value, label names something else)"
        )
    if report.checks:
        top = ", ".join(f"{k} {v}" for k, v in sorted(report.checks.items(), key=lambda x: -x[1]))
        console.print(f"Check warnings: {top}")
    if report.missing:
        console.print(f"[red]No prediction for:[/red] {', '.join(report.missing)}")
    errors = [a.score.id for a in report.articles if a.error]
    if errors:
        console.print(f"[red]Extraction failed for:[/red] {', '.join(errors)}")
    o = summary.overall
    line = Text(f"Overall (micro, {summary.n_articles} articles): ", style="bold")
    line.append(f"P {o.precision:.3f}  R {o.recall:.3f}  ", style="bold")
    line.append(f"F1 {o.f1:.3f}", style=f"bold {_style(o.f1)}")
    line.append(f"  (value-only F1 {o.value_f1:.3f})")
    console.print(line)


def to_markdown(report: EvalReport) -> str:
    """A compact markdown table (per field plus overall) for the README: strict P/R/F1 and
    the value-only P/R/F1 beside them."""
    summary = report.summary
    rows = [
        "| Field | P | R | **F1** | value P | value R | value F1 | TP | FP | FN |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, fs in [*summary.fields.items(), ("**overall (micro)**", summary.overall)]:
        rows.append(
            f"| {name} | {fs.precision:.3f} | {fs.recall:.3f} | **{fs.f1:.3f}** "
            f"| {fs.value_precision:.3f} | {fs.value_recall:.3f} | {fs.value_f1:.3f} "
            f"| {fs.tp} | {fs.fp} | {fs.fn} |"
        )
    years = summary.scalars
    rows.append("")
    label = (
        f"mean label similarity {summary.label_similarity:.3f} over {summary.label_pairs} "
        f"value-matched figures ({summary.mislabels} below {LABEL_THRESHOLD}); "
        if summary.label_similarity is not None
        else ""
    )
    rows.append(
        f"{summary.n_articles} articles; report_year {_pct(years['report_year'].accuracy)}, "
        f"plan_year {_pct(years['plan_year'].accuracy)}, "
        f"province {_pct(years['province'].accuracy)}; {label}"
        f"ungrounded figures: {summary.ungrounded}."
    )
    return "\n".join(rows) + "\n"
