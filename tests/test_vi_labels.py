"""The label similarity of the language layer, driven by its data rows
(extractor/vi/data/label_pairs.json): a new case is one row there."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from extractor.vi.labels import (
    LABEL_THRESHOLD,
    content_words,
    function_words,
    label_similarity,
    same_label,
)


def _rows() -> list[dict[str, Any]]:
    raw = resources.files("extractor.vi").joinpath("data", "label_pairs.json").read_text("utf-8")
    return json.loads(raw)["rows"]


@pytest.mark.parametrize("row", _rows(), ids=lambda r: f"{r['a']}|{r['b']}")
def test_label_rows(row: dict[str, Any]) -> None:
    assert same_label(row["a"], row["b"]) is row["same"]
    assert label_similarity(row["a"], row["b"]) == label_similarity(row["b"], row["a"])


def test_function_words_and_numbers_are_not_content() -> None:
    assert content_words("Tổng số hộ nghèo của tỉnh năm 2023") == ("ho", "ngheo", "tinh")
    assert "của" in function_words()


def test_function_words_are_told_apart_by_their_diacritics() -> None:
    # "đạt" (achieve) is a function word, "đất" (land) is not; "từ" is, "tư" is not.
    assert content_words("diện tích đất đạt") == ("dien", "tich", "dat")
    assert content_words("vốn đầu tư từ") == ("von", "dau", "tu")


def test_diacritics_and_case_do_not_matter_for_content_words() -> None:
    assert label_similarity("Tỷ lệ hộ nghèo", "ty le ho ngheo") == 1.0


def test_a_final_y_after_a_consonant_is_its_i_twin_but_uy_stays() -> None:
    assert (
        content_words("tỉ lệ kĩ thuật")
        == content_words("tỷ lệ kỹ thuật")
        == (
            "ti",
            "le",
            "ki",
            "thuat",
        )
    )
    assert content_words("thủy lợi huy động") == ("thuy", "loi", "huy", "dong")


def test_empty_labels() -> None:
    assert label_similarity(None, "") == 1.0
    assert label_similarity("hộ nghèo", None) == 0.0
    assert 0 < LABEL_THRESHOLD < 1
