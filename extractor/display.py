"""Human-readable rendering of one extraction result (rich tables)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from extractor.models import ExtractionResult, Metric

_QUALIFIER = {"exact": "", "over": ">", "under": "<", "about": "~"}


def format_value(metric: Metric) -> str:
    def num(x: float) -> str:  # Vietnamese style: "15.325", "67,7"
        text = f"{x:,.0f}" if float(x).is_integer() else f"{x:,.4f}".rstrip("0").rstrip(".")
        return text.replace(",", "\0").replace(".", ",").replace("\0", ".")

    text = _QUALIFIER[metric.qualifier] + num(metric.value)
    if metric.value_max is not None:
        text += f"–{num(metric.value_max)}"
    if metric.unit:
        text += f" {metric.unit}"
    return text


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
            title=field.capitalize(),
            title_justify="left",
        )
        for m in metrics:
            evidence = m.evidence if len(m.evidence) <= 70 else m.evidence[:67] + "…"
            table.add_row(
                m.indicator,
                format_value(m),
                f"{m.plan_pct:g}" if m.plan_pct is not None else "",
                str(m.year or ""),
                evidence,
            )
        console.print(table)
    if report.awards:
        table = Table("award", "conferred by", "recipient", title="Awards", title_justify="left")
        for a in report.awards:
            table.add_row(a.award, a.conferred_by or "", a.recipient)
        console.print(table)
    for w in result.warnings:
        where = f"{w.field}[{w.index}] " if w.field is not None else ""
        console.print(f"[yellow]warning[/yellow] {w.check}: {where}{w.message}")
