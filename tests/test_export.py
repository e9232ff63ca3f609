"""Analyst tables: one row per figure, plain numbers, three sheets in xlsx, typed parquet."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from extractor import export as ex
from extractor.batch import run_batch
from extractor.cli import main
from extractor.errors import ConfigError, InputError
from extractor.models import (
    Award,
    ExtractionResult,
    Grounding,
    Metric,
    Official,
    SectorReport,
)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "evals" / "seeds"


def _line(ident: str, result: ExtractionResult | None, error: str | None = None) -> dict:
    report = result.report.model_dump(mode="json") if result else None
    return {
        "id": ident,
        "source": f"{ident}.txt",
        "report": report,
        "grounding": [g.model_dump(mode="json") for g in result.grounding] if result else [],
        "warnings": [],
        "usage": None,
        "error": None if error is None else {"type": "ExtractionError", "message": error},
    }


def sample_lines() -> list[dict[str, Any]]:
    report = SectorReport(
        title="Sở LĐ-TB&XH tổng kết năm 2023",
        province="Quảng Trị",
        sector="Lao động - Thương binh và Xã hội",
        report_year=2023,
        plan_year=2024,
        officials=[Official(name="Lê Văn Bình", title="Giám đốc Sở")],
        achievements=[
            Metric(
                indicator="tuyển sinh, đào tạo nghề",
                value=15325,
                unit="người",
                qualifier="over",
                year=2023,
                plan_pct=133.3,
                evidence="tuyển sinh, đào tạo nghề cho 15.325 người, vượt 33,3% kế hoạch",
            ),
            Metric(
                indicator="tổng vốn",
                value=251_630_000_000_000,
                unit="đồng",
                evidence="tổng vốn 251.630 tỷ đồng",
            ),
        ],
        targets=[
            Metric(
                indicator="giải quyết việc làm",
                value=26000,
                value_max=27000,
                unit="lượt",
                year=2024,
                evidence="giải quyết việc làm cho từ 26 đến 27 nghìn lượt",
            )
        ],
        awards=[
            Award(
                award="Bằng khen",
                conferred_by="Bộ trưởng",
                recipient="Sở",
                evidence="Bằng khen của Bộ trưởng cho Sở",
            )
        ],
    )
    result = ExtractionResult(
        report=report,
        grounding=[
            Grounding(field="officials", index=0, start=3, end=14, method="exact"),
            Grounding(field="achievements", index=0, start=40, end=101, method="exact"),
            Grounding(field="targets", index=0, start=200, end=248, method="normalized"),
        ],
    )
    return [_line("a1", result), _line("bad", None, "model gave up")]


def write_jsonl(path: Path, lines: list[dict[str, Any]]) -> Path:
    path.write_text(
        "".join(json.dumps(ln, ensure_ascii=False) + "\n" for ln in lines), encoding="utf-8"
    )
    return path


# --------------------------------------------------------------------------- rows


def test_figure_rows_one_per_figure_with_the_issue_columns() -> None:
    rows = ex.rows(sample_lines())
    assert list(rows[0]) == [
        "article_id",
        "source",
        "title",
        "province",
        "sector",
        "report_year",
        "plan_year",
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
    ]
    assert [r["category"] for r in rows] == ["achievement", "achievement", "target"]
    first = rows[0]
    assert first["article_id"] == "a1" and first["province"] == "Quảng Trị"
    assert first["value"] == 15325.0 and first["plan_pct"] == 133.3
    assert (first["start"], first["end"]) == (40, 101)
    assert rows[1]["start"] is None  # not grounded: no span
    assert rows[2]["value_max"] == 27000.0 and rows[2]["qualifier"] == "exact"
    assert all(r["status"] is None for r in rows)  # no status in this result model


def test_officials_and_awards_tables() -> None:
    (official,) = ex.rows(sample_lines(), "officials")
    assert official["name"] == "Lê Văn Bình" and official["position"] == "Giám đốc Sở"
    assert (official["start"], official["end"]) == (3, 14)
    (award,) = ex.rows(sample_lines(), "awards")
    assert award["recipient"] == "Sở" and award["conferred_by"] == "Bộ trưởng"
    assert award["start"] is None
    with pytest.raises(InputError, match="unknown table"):
        ex.rows(sample_lines(), "people")  # type: ignore[arg-type]


def test_status_is_taken_from_the_item_when_the_model_has_one() -> None:
    lines = sample_lines()
    lines[0]["report"]["achievements"][0]["status"] = "verified"
    lines[0]["report"]["achievements"][1]["status"] = {"status": "unsupported", "why": "x"}
    rows = ex.rows(lines)
    assert [r["status"] for r in rows] == ["verified", "unsupported", None]


def test_rows_accept_results_objects_with_to_line() -> None:
    class Item:
        def __init__(self, line: dict) -> None:
            self.line = line

        def to_line(self) -> dict:
            return self.line

    assert ex.rows([Item(ln) for ln in sample_lines()]) == ex.rows(sample_lines())


# --------------------------------------------------------------------------- files


def test_csv_is_utf8_with_bom_and_plain_numbers(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "out.jsonl", sample_lines())
    out = ex.export(src, tmp_path / "figures.csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == 3 and tuple(rows[0]) == ex.FIGURE_COLUMNS
    assert rows[0]["value"] == "15325" and rows[0]["plan_pct"] == "133.3"
    assert rows[1]["value"] == "251630000000000"
    assert rows[0]["indicator"] == "tuyển sinh, đào tạo nghề"
    assert rows[1]["start"] == "" and rows[0]["report_year"] == "2023"


def test_csv_other_tables(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "out.jsonl", sample_lines())
    out = ex.export(src, tmp_path / "people.csv", table="officials")
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [r["name"] for r in rows] == ["Lê Văn Bình"] and tuple(rows[0]) == ex.OFFICIAL_COLUMNS


def test_xlsx_has_three_sheets_with_numeric_cells(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    src = write_jsonl(tmp_path / "out.jsonl", sample_lines())
    out = ex.export(src, tmp_path / "tables.xlsx")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["figures", "officials", "awards"]
    sheet = book["figures"]
    header = [c.value for c in sheet[1]]
    assert tuple(header) == ex.FIGURE_COLUMNS
    col = {name: i for i, name in enumerate(header)}
    first, money = list(sheet.iter_rows(min_row=2, max_row=3))
    assert first[col["value"]].value == 15325 and first[col["value"]].data_type == "n"
    assert first[col["value"]].number_format == "#,##0"
    assert first[col["plan_pct"]].value == 133.3
    assert first[col["plan_pct"]].number_format == "#,##0.0"
    assert money[col["value"]].number_format == '#,##0,,, "tỷ"'
    assert first[col["report_year"]].number_format == "0"  # years never grouped
    assert sheet.max_row == 4  # header + 3 figures
    assert book["officials"]["A2"].value == "a1" and book["awards"].max_row == 2


def test_parquet_reads_back_with_the_right_types(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    src = write_jsonl(tmp_path / "out.jsonl", sample_lines())
    table = pq.read_table(ex.export(src, tmp_path / "figures.parquet"))
    assert table.num_rows == 3 and tuple(table.column_names) == ex.FIGURE_COLUMNS
    assert table.schema.field("value").type == pa.float64()
    assert table.schema.field("report_year").type == pa.int64()
    assert table.schema.field("start").type == pa.int64()
    assert table.schema.field("indicator").type == pa.string()
    assert table.column("value").to_pylist()[:2] == [15325.0, 251630000000000.0]
    assert table.column("start").to_pylist() == [40, None, 200]


def test_dataframe_has_nullable_typed_columns() -> None:
    pytest.importorskip("pandas")
    frame = ex.dataframe(sample_lines())
    assert list(frame.columns) == list(ex.FIGURE_COLUMNS) and len(frame) == 3
    assert str(frame["start"].dtype) == "Int64" and str(frame["value"].dtype) == "float64"
    assert frame["value"].sum() == 15325 + 251_630_000_000_000 + 26000


def test_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import builtins

    real = builtins.__import__

    def no_openpyxl(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("openpyxl"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_openpyxl)
    with pytest.raises(ConfigError, match=r"\[export\] extra.*pip install"):
        ex.export(sample_lines(), tmp_path / "t.xlsx")


def test_bad_format_and_table_combinations(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--format"):
        ex.export(sample_lines(), tmp_path / "t.txt")
    with pytest.raises(InputError, match="sheet"):
        ex.export(sample_lines(), tmp_path / "t.xlsx", table="awards")
    with pytest.raises(InputError, match="no such file"):
        ex.export(tmp_path / "missing.jsonl", tmp_path / "t.csv")


# --------------------------------------------------------------------------- CLI


def test_cli_export_real_batch_one_row_per_figure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    run_batch([SEEDS], out, progress=False)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    figures = sum(len(ln["report"]["achievements"]) + len(ln["report"]["targets"]) for ln in lines)
    assert main(["export", str(out), "--format", "csv", "-o", str(tmp_path / "f.csv")]) == 0
    assert f"({figures} figures)" in capsys.readouterr().out
    rows = list(csv.DictReader((tmp_path / "f.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert len(rows) == figures > 50
    assert all(float(r["value"]) == float(r["value"]) for r in rows)  # every value numeric
    assert main(["export", str(out), "-o", str(tmp_path / "f.xlsx")]) == 0
    assert "officials" in capsys.readouterr().out


def test_cli_export_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "none.jsonl"), "-o", str(tmp_path / "x.csv")]) == 2
    assert "no such file" in capsys.readouterr().err
    src = write_jsonl(tmp_path / "out.jsonl", sample_lines())
    assert main(["export", str(src), "-o", str(tmp_path / "x.xlsx"), "--table", "awards"]) == 2
    assert "sheet" in capsys.readouterr().err
