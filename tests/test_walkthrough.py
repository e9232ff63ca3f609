"""A new user's walkthrough (issue 13): README's commands, run from a folder of one's own,
meet none of the problems a first try met (no table to open, two result types, markup
read as figures, numbers written three ways, reports without their texts, a clobbered
./report.html)."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from extractor.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "evals" / "seeds"
SEED = SEEDS / "000_7d864374cdc58275.txt"
MONEY = ROOT / "evals" / "synthetic-holdout" / "trade_2020_binhduong_table.txt"
PAGE = ROOT / "tests" / "data" / "article_page.html"


def test_new_user_walkthrough(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("trafilatura")
    openpyxl = pytest.importorskip("openpyxl")
    home = tmp_path / "me"
    (home / "articles").mkdir(parents=True)
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, home / "articles" / path.name)
    shutil.copy(PAGE, home / "articles" / "saved_page.html")
    (home / "report.html").write_text("a page of my own", encoding="utf-8")
    monkeypatch.chdir(home)

    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("extractor ")

    # one article in the terminal: numbers written one way
    assert main(["extract", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "15.325 người" in out and "133,3 %" in out and "67,7 %" in out
    assert "133.3" not in out and "15 325" not in out
    assert main(["extract", str(MONEY)]) == 0
    out = capsys.readouterr().out
    assert "251.630 tỷ đồng" in out and "251.630.000.000.000" not in out

    # a saved web page: its markup is not read as figures
    assert main(["extract", "articles/saved_page.html", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    values = [m["value"] for m in report["achievements"] + report["targets"]]
    assert values and 1.0 not in values and report["title"]

    # a folder given to extract says it is a folder
    assert main(["extract", "articles"]) == 2
    assert "is a folder" in capsys.readouterr().err

    # batch, then the report and tables
    assert main(["batch", "articles", "-o", "out.jsonl", "--no-progress"]) == 0
    lines = [json.loads(x) for x in (home / "out.jsonl").read_text("utf-8").splitlines()]
    assert len(lines) == 6 and not any(ln["error"] for ln in lines)
    figures = sum(len(ln["report"]["achievements"]) + len(ln["report"]["targets"]) for ln in lines)

    assert main(["export", "out.jsonl", "--format", "csv", "-o", "figures.csv"]) == 0
    raw = (home / "figures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(rows) == figures
    assert {r["category"] for r in rows} == {"achievement", "target"}
    for r in rows:
        float(r["value"])  # plain numbers, no grouping
    assert main(["export", "out.jsonl", "-o", "tables.xlsx"]) == 0
    book = openpyxl.load_workbook(home / "tables.xlsx")
    assert book.sheetnames == ["figures", "officials", "awards"]
    assert book["figures"].max_row == figures + 1

    # the report: written next to the JSONL, ./report.html untouched, texts shown
    # even when opened after the articles moved and from another folder
    shutil.move(str(home / "articles"), str(tmp_path / "moved"))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["report", str(home / "out.jsonl")]) == 0
    assert (home / "report.html").read_text(encoding="utf-8") == "a page of my own"
    page = (home / "out.html").read_text(encoding="utf-8")
    assert "Text unavailable" not in page and page.count('<div class="text">') == 6
    assert "133,3 %" in page and "133.3%" not in page
