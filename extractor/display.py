"""Human-readable rendering of one extraction result (rich tables)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Column, Table

from extractor.models import ExtractionResult, Metric
from extractor.vi.formatting import format_percent, format_quantity


def format_value(metric: Metric) -> str:
    """``>15.325 người``, ``67,7 %``, ``251.630 tỷ đồng`` (the one Vietnamese formatter)."""
    return format_quantity(
        metric.value, metric.unit, value_max=metric.value_max, qualifier=metric.qualifier
    )


_STATUS_STYLE = {"verified": "green", "corrected": "cyan", "flagged": "red"}
#: one narrow mark per verification status (the summary line says what they mean)
_STATUS_MARK = {"verified": "✓", "corrected": "✎", "flagged": "!"}


def _status_cell(result: ExtractionResult, field: str, index: int) -> str:
    st = result.status_of(field, index)  # type: ignore[arg-type]
    if st is None:
        return ""
    return f"[{_STATUS_STYLE[st.status]}]{_STATUS_MARK[st.status]}[/]"


def print_result(result: ExtractionResult, console: Console) -> None:
    report = result.report
    head = " · ".join(
        str(x)
        for x in (
            report.title or "(no headline)",
            report.province or "province not named",
            report.sector or "sector ?",
            f"{report.report_year or '?'} → {report.plan_year or '?'}",
        )
    )
    console.print(f"[bold]{head}[/bold]")
    if report.officials:
        table = Table("official", "title", title="Officials", title_justify="left")
        for o in report.officials:
            table.add_row(o.name, o.title or "")
        console.print(table)
    for field in ("achievements", "targets"):
        metrics = getattr(report, field)
        if not metrics:
            continue
        table = Table(
            "indicator",
            "value",
            "plan %",
            "year",
            "evidence",
            Column("", no_wrap=True, width=1),
            title=field.capitalize(),
            title_justify="left",
        )
        for i, m in enumerate(metrics):
            evidence = m.evidence if len(m.evidence) <= 70 else m.evidence[:67] + "…"
            table.add_row(
                m.indicator,
                format_value(m),
                format_percent(m.plan_pct) if m.plan_pct is not None else "",
                str(m.year or ""),
                evidence,
                _status_cell(result, field, i),
            )
        console.print(table)
    if report.awards:
        table = Table("award", "conferred by", "recipient", title="Awards", title_justify="left")
        for a in report.awards:
            table.add_row(a.award, a.conferred_by or "", a.recipient)
        console.print(table)
    if result.status:
        counts = {k: sum(1 for s in result.status if s.status == k) for k in _STATUS_STYLE}
        console.print(
            f"verification: {counts['verified']} verified ✓, {counts['corrected']} corrected ✎, "
            f"{counts['flagged']} need review !; {len(result.dropped)} dropped"
        )
    for w in result.warnings:
        where = f"{w.field}[{w.index}] " if w.field is not None else ""
        console.print(f"[yellow]warning[/yellow] {w.check}: {where}{w.message}")
