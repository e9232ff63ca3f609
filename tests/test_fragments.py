"""evals/fragments.py: cutting articles like stored pages and reading their years."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "fragments", Path(__file__).resolve().parent.parent / "evals" / "fragments.py"
)
assert _SPEC and _SPEC.loader
fragments = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(fragments)

TEXT = "Tiêu đề\n\nĐoạn một.\n\nĐoạn hai.\n\n\nĐoạn ba.\n\nĐoạn bốn.\n\nĐoạn năm."


def test_cuts_keep_what_a_stored_page_keeps() -> None:
    assert fragments.paragraphs(TEXT)[3] == "Đoạn ba."
    assert fragments.cut(TEXT, "lead") == "Tiêu đề\n\nĐoạn một.\n\nĐoạn hai."
    assert fragments.cut(TEXT, "no_headline").startswith("Đoạn một.")
    assert fragments.cut(TEXT, "body").startswith("Đoạn hai.")
    # fewer than two paragraphs left (or too short a text for a lead): no cut
    assert fragments.cut("A\n\nB\n\nC", "body") is None
    assert fragments.cut("A\n\nB\n\nC", "lead") is None
    with pytest.raises(ValueError, match="unknown cut"):
        fragments.cut(TEXT, "tail")


def test_only_cuts_that_still_write_a_gold_year_are_judged() -> None:
    assert fragments.judged("Năm 2023, ngành đạt ...", 2023, 2024)
    assert fragments.judged("Năm 2024, ngành phấn đấu ...", 2023, 2024)
    assert not fragments.judged("Năm qua, ngành đạt ...", 2023, 2024)
    assert not fragments.judged("Năm qua, ngành đạt ...", None, None)


def test_measure_counts_right_and_wrong_years(tmp_path: Path) -> None:
    text = (
        "Sở Y tế tổng kết năm 2023\n\nNăm 2023, ngành đã khám cho 1.200 người.\n\n"
        "Năm 2024, ngành phấn đấu khám cho 1.500 người.\n\nHội nghị kết thúc."
    )
    (tmp_path / "1_a.txt").write_text(text, encoding="utf-8")
    gold = {"report_year": 2023, "plan_year": 2024}
    (tmp_path / "1_a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "2_no-gold.txt").write_text(text, encoding="utf-8")  # skipped: no gold
    result = fragments.measure(tmp_path)
    assert result["no_headline"] == {"judged": 1, "right": 1, "wrong": []}
    # the body alone writes only the plan year, with a firm plan cue: still read right
    assert result["body"]["judged"] == 1 and result["body"]["right"] == 1
    gold["report_year"] = 2022  # a gold the rules cannot agree with
    (tmp_path / "1_a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    assert fragments.measure(tmp_path)["no_headline"]["wrong"] == ["1_a: 2023 / 2022"]
