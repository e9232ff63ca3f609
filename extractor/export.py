"""Analyst tables from batch results: CSV, xlsx and parquet, or rows / a DataFrame.

Three tidy tables, one row per extracted item:

- ``figures``: achievements and targets (``category`` says which), with the article's
  metadata repeated on each row, the figure's fields and the span of its evidence;
- ``officials`` and ``awards``.

Numbers stay numbers: plain in CSV (no grouping, ``.`` as the decimal point) and
parquet (typed columns), real numeric cells in xlsx whose number formats show them the
Vietnamese way (:mod:`extractor.vi.formatting`). CSV is UTF-8 with a byte-order mark so
that Excel shows the diacritics. xlsx needs ``openpyxl`` and parquet ``pyarrow`` (the
``[export]`` extra); :func:`dataframe` needs ``pandas``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from extractor.errors import InputError, missing_extra

Table = Literal["figures", "officials", "awards"]
Format = Literal["csv", "xlsx", "parquet"]
FORMATS: tuple[str, ...] = ("csv", "xlsx", "parquet")

_ARTICLE = ("article_id", "source", "title", "province", "sector", "report_year", "plan_year")
FIGURE_COLUMNS: tuple[str, ...] = (
    *_ARTICLE,
    "category",
    "indicator",
    "value",
    "value_max",
    "unit",
    "qualifier",
    "year",
    "plan_pct",
    "status",
    "evidence",
    "start",
    "end",
)
OFFICIAL_COLUMNS: tuple[str, ...] = (*_ARTICLE, "name", "position", "status", "start", "end")
AWARD_COLUMNS: tuple[str, ...] = (
    *_ARTICLE,
    "award",
    "conferred_by",
    "recipient",
    "status",
    "evidence",
    "start",
    "end",
)
TABLES: dict[str, tuple[str, ...]] = {
    "figures": FIGURE_COLUMNS,
    "officials": OFFICIAL_COLUMNS,
    "awards": AWARD_COLUMNS,
}
#: Column types (parquet schema; xlsx and CSV write these as numbers).
INT_COLUMNS = frozenset({"report_year", "plan_year", "year", "start", "end"})
FLOAT_COLUMNS = frozenset({"value", "value_max", "plan_pct"})
CATEGORY = {"achievements": "achievement", "targets": "target"}


# --------------------------------------------------------------------------- rows


def _lines(results: Any) -> list[Mapping[str, Any]]:
    """Batch lines from a JSONL path, or from dicts / result objects already in memory."""
    if isinstance(results, str | Path):
        from extractor.batch import read_results

        path = Path(results)
        if not path.is_file():
            raise InputError(f"no such file: {path}")
        return list(read_results(path).values())
    lines: list[Mapping[str, Any]] = []
    for item in results:
        if isinstance(item, Mapping):
            lines.append(item)
        elif hasattr(item, "to_line"):
            lines.append(item.to_line())
        elif hasattr(item, "model_dump"):
            lines.append(item.model_dump(mode="json"))
        else:
            raise InputError(f"cannot export a {type(item).__name__}; give batch lines or results")
    return lines


def _status(item: Mapping[str, Any]) -> str | None:
    """The item's verification status when the result model has one, else None."""
    status = item.get("status")
    if status is None or isinstance(status, str):
        return status
    if isinstance(status, Mapping):
        for key in ("status", "label", "value"):
            if isinstance(status.get(key), str):
                return status[key]
    return json.dumps(status, ensure_ascii=False)


def _number(value: Any, kind: type) -> Any:
    if value is None or isinstance(value, bool):
        return None
    try:
        return kind(value)
    except (TypeError, ValueError):
        return None


def rows(results: Any, table: Table = "figures") -> list[dict[str, Any]]:
    """The rows of one table, as dicts keyed by :data:`TABLES` ``[table]``'s columns.

    ``results``: a batch JSONL path, or batch lines / results in memory. Articles that
    failed (no report) give no rows. Ints and floats are Python numbers, missing values None.
    """
    if table not in TABLES:
        raise InputError(f"unknown table {table!r}; choose from {', '.join(TABLES)}")
    out: list[dict[str, Any]] = []
    for line in _lines(results):
        report = line.get("report")
        if not isinstance(report, Mapping):
            continue
        spans = {
            (g.get("field"), g.get("index")): (g.get("start"), g.get("end"))
            for g in line.get("grounding") or []
            if isinstance(g, Mapping)
        }
        base = {
            "article_id": line.get("id"),
            "source": line.get("source"),
            "title": report.get("title"),
            "province": report.get("province"),
            "sector": report.get("sector"),
            "report_year": report.get("report_year"),
            "plan_year": report.get("plan_year"),
        }
        fields = ("achievements", "targets") if table == "figures" else (table,)
        for field in fields:
            for index, item in enumerate(report.get(field) or []):
                start, end = spans.get((field, index), (None, None))
                row = dict(base)
                if table == "figures":
                    row["category"] = CATEGORY[field]
                    for key in ("indicator", "value", "value_max", "unit", "qualifier", "year"):
                        row[key] = item.get(key)
                    row["plan_pct"] = item.get("plan_pct")
                    row["status"] = _status(item)
                    row["evidence"] = item.get("evidence")
                elif table == "officials":
                    row.update(name=item.get("name"), position=item.get("title"))
                    row["status"] = _status(item)
                else:
                    for key in ("award", "conferred_by", "recipient"):
                        row[key] = item.get(key)
                    row["status"] = _status(item)
                    row["evidence"] = item.get("evidence")
                row["start"], row["end"] = start, end
                for key in INT_COLUMNS:
                    row[key] = _number(row.get(key), int)
                for key in FLOAT_COLUMNS & row.keys():
                    row[key] = _number(row.get(key), float)
                out.append({c: row.get(c) for c in TABLES[table]})
    return out


def dataframe(results: Any, table: Table = "figures") -> Any:
    """:func:`rows` as a pandas DataFrame (nullable integer and float columns)."""
    try:
        import pandas as pd
    except ImportError:
        raise missing_extra("export", "pandas", "a DataFrame") from None
    frame = pd.DataFrame(rows(results, table), columns=list(TABLES[table]))
    for col in INT_COLUMNS & set(frame.columns):
        frame[col] = frame[col].astype("Int64")
    for col in FLOAT_COLUMNS & set(frame.columns):
        frame[col] = frame[col].astype("float64")
    return frame


# --------------------------------------------------------------------------- writers


def _plain(value: Any) -> Any:
    """A CSV cell: numbers without grouping (integral floats as ints), None as empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return int(value) if value.is_integer() else repr(value)
    return value


def write_csv(data: list[dict[str, Any]], path: Path, table: Table = "figures") -> Path:
    """UTF-8 with a BOM (Excel reads the diacritics), one header row, plain numbers."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(TABLES[table])
        for row in data:
            writer.writerow([_plain(row.get(c)) for c in TABLES[table]])
    return path


def _arrow_schema(table: Table) -> Any:
    import pyarrow as pa

    fields = []
    for col in TABLES[table]:
        if col in INT_COLUMNS:
            kind = pa.int64()
        elif col in FLOAT_COLUMNS:
            kind = pa.float64()
        else:
            kind = pa.string()
        fields.append(pa.field(col, kind, nullable=True))
    return pa.schema(fields)


def write_parquet(data: list[dict[str, Any]], path: Path, table: Table = "figures") -> Path:
    """Typed columns: int64 years and spans, float64 values, strings for the rest."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise missing_extra("export", "pyarrow", "parquet export") from None
    schema = _arrow_schema(table)
    arrow = pa.Table.from_pylist(data, schema=schema)
    pq.write_table(arrow, path)
    return path


_WIDTHS = {
    "source": 28,
    "title": 40,
    "indicator": 40,
    "evidence": 60,
    "sector": 24,
    "province": 14,
    "name": 24,
    "position": 36,
    "award": 28,
    "conferred_by": 28,
    "recipient": 36,
}


def write_xlsx(tables: Mapping[str, list[dict[str, Any]]], path: Path) -> Path:
    """One sheet per table; numbers are numeric cells shown the Vietnamese way."""
    try:
        from openpyxl import Workbook
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter
    except ImportError:
        raise missing_extra("export", "openpyxl", "xlsx export") from None
    from extractor.vi.formatting import xlsx_number_format

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for name, data in tables.items():
        columns = TABLES[name]
        sheet = book.create_sheet(title=name)
        sheet.freeze_panes = "A2"
        for i, col in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = _WIDTHS.get(col, 12)
        header = []
        for col in columns:
            cell = WriteOnlyCell(sheet, value=col)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in data:
            cells = []
            for col in columns:
                value = row.get(col)
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, float) and col in FLOAT_COLUMNS:
                    unit = "%" if col == "plan_pct" else row.get("unit")
                    cell.number_format = xlsx_number_format(value, unit)
                elif isinstance(value, int) and col in ("start", "end"):
                    cell.number_format = "0"
                elif isinstance(value, int):
                    cell.number_format = "0"  # years: never grouped
                cells.append(cell)
            sheet.append(cells)
    book.save(path)
    return path


def format_for(path: Path, fmt: str | None) -> str:
    """The format asked for, else the one the output's suffix names."""
    if fmt:
        if fmt not in FORMATS:
            raise InputError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
        return fmt
    suffix = path.suffix.lower().lstrip(".")
    if suffix in FORMATS:
        return suffix
    raise InputError(
        f"{path}: cannot tell the format from the name; pass --format {'|'.join(FORMATS)}"
    )


def export(
    results: Any,
    out: str | Path,
    fmt: str | None = None,
    *,
    table: Table | None = None,
) -> Path:
    """Write ``results`` (a batch JSONL path, or lines / results) to ``out``.

    ``fmt``: ``csv``, ``xlsx`` or ``parquet`` (default: from ``out``'s suffix). xlsx holds
    all three tables as sheets; csv and parquet hold one, ``table`` (default ``figures``).
    """
    out = Path(out)
    fmt = format_for(out, fmt)
    if out.is_dir():
        raise InputError(f"{out}: output must be a file, not a folder")
    lines = _lines(results)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "xlsx":
        if table is not None:
            raise InputError("xlsx holds every table as a sheet; --table is for csv and parquet")
        return write_xlsx({name: rows(lines, name) for name in TABLES}, out)  # type: ignore[arg-type]
    chosen: Table = table or "figures"
    data = rows(lines, chosen)
    if fmt == "parquet":
        return write_parquet(data, out, chosen)
    return write_csv(data, out, chosen)
