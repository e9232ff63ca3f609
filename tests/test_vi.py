"""The language layer: its data rows (extractor/vi/data/readings.json) and invariants."""

from __future__ import annotations

import ast
import re
import unicodedata
from pathlib import Path

import pytest

from extractor import vi

ROWS = vi.load_data("readings.json")


@pytest.mark.parametrize("row", ROWS["number_words"], ids=lambda r: r["text"])
def test_number_words(row: dict) -> None:
    found = vi.read_number_words(row["text"])
    if row["value"] is None:
        assert found == []
    else:
        assert found and vi.close(found[0][0], row["value"]), found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Công an TP.HCM tổng kết", ["TP.HCM"]),
        ("Sở Tư pháp TP. HCM; Tp HCM và TPHCM", ["TP. HCM", "Tp HCM", "TPHCM"]),
        ("thành phố HCM", ["thành phố HCM"]),
        ("HCMC, TP.HCMC và ATPHCM", []),
    ],
)
def test_province_aliases(text: str, found: list[str]) -> None:
    hits = vi.province_aliases(text)
    assert [text[s:e] for _, s, e in hits] == found
    assert all(name in vi.entry("provinces") for name, _, _ in hits)
    assert all(vi.canonical_province(text[s:e]) == "Hồ Chí Minh" for _, s, e in hits)
    assert vi.canonical_province("Long An") == "Long An"


def test_fold_and_tolerance() -> None:
    assert vi.fold("  Đạt  KẾ HOẠCH ") == "dat ke hoach"
    assert vi.close(0.1 + 0.2, 0.3) and not vi.close(1.0, 1.001)
    assert vi.close(None, None) and not vi.close(None, 0.0)


def test_lexicon_concepts_defined_once() -> None:
    lex = vi.lexicon()
    for key in (
        "scale_words",
        "compound_units",
        "qualifiers",
        "plan",
        "comparison_cues",
        "passage_cues",
        "skip_units",
        "fillers",
        "departments",
        "provinces",
        "position_heads",
    ):
        assert lex[key], key
    assert vi.phrase_map("scale_words")["tỷ"] == 1e9
    assert "cửa hàng" in vi.words("compound_units")
    assert vi.phrase_map("qualifiers")["ước đạt"] == "about"


# Cue tables moved out of code: one lexicon group per module, one list per table.
CUE_GROUPS = {
    "indicator_cues": "extractor/indicators.py",
    "skip_cues": "extractor/strategies/rules/skips.py",
    "award_cues": "extractor/strategies/rules/awards.py",
    "official_cues": "extractor/strategies/rules/officials.py",
    "label_cues": "extractor/strategies/rules/labels.py",
    "year_cues": "extractor/strategies/rules/years.py",
}


@pytest.mark.parametrize("group", sorted(CUE_GROUPS))
def test_cue_lists_are_clean_and_each_is_read(group: str) -> None:
    source = (Path(vi.__file__).resolve().parents[2] / CUE_GROUPS[group]).read_text("utf-8")
    for key, words in vi.entry(group).items():
        assert words and all(isinstance(w, str) and w for w in words), key
        assert len(set(words)) == len(words), f"{group}.{key} lists a word twice"
        for w in words:
            assert w == " ".join(w.split()) == unicodedata.normalize("NFC", w), (key, w)
            if key.endswith("_patterns"):
                re.compile(w)  # a regular expression, as the key says
        assert f"'{key}'" in source or f'"{key}"' in source, f"{group}.{key} is read nowhere"


def test_both_placements_of_a_tone_mark_match() -> None:
    for pattern, texts in (
        ("Thành ủy viên", ("Thành ủy viên", "Thành uỷ viên")),
        ("hoá", ("hoá", "hóa")),
        ("Hòa Bình", ("Hòa Bình", "Hoà Bình")),
        ("khỏe", ("khỏe", "khoẻ")),
    ):
        rx = re.compile(vi.tone_variants(pattern))
        assert all(rx.fullmatch(t) for t in texts), (pattern, rx.pattern)
    assert vi.tone_variants("khoản") == "kh(?:oả|ỏa)n"  # a spelling that does not occur: harmless
    assert not re.fullmatch(vi.tone_variants("hoá"), "hoa")


def test_language_layer_imports_nothing_from_extractor() -> None:
    root = Path(vi.__file__).parent
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("extractor") or node.module.startswith(
                    "extractor.vi"
                ), f"{path.name} imports {node.module}"
            if isinstance(node, ast.Import):
                for alias in node.names:
                    assert not alias.name.startswith("extractor") or alias.name.startswith(
                        "extractor.vi"
                    ), f"{path.name} imports {alias.name}"


# Spellings of one syllable with "y" or "i" that outlets use alike ("tỷ lệ" / "tỉ lệ").
_I_Y_TWINS = (("tỷ", "tỉ"), ("kỹ", "kĩ"), ("sỹ", "sĩ"), ("lý", "lí"), ("quý", "quí"), ("mỹ", "mĩ"))


def _lexicon_lists(node: object, path: str = "") -> list[tuple[str, list[str]]]:
    if isinstance(node, dict):
        return [x for k, v in node.items() for x in _lexicon_lists(v, f"{path}.{k}".strip("."))]
    if isinstance(node, list) and all(isinstance(w, str) for w in node):
        return [(path, node)]
    return []


def test_a_lexicon_word_spelled_with_y_has_its_i_twin() -> None:
    # a phrase listed with "tỷ" is listed with "tỉ" too (and so for each pair), so that a cue
    # reads both spellings
    missing = []
    for path, words in _lexicon_lists(vi.lexicon()):
        listed = set(words)
        for w in words:
            for y, i in _I_Y_TWINS:
                twin = re.sub(rf"(?<!\w){y}(?!\w)", i, w)
                twin = re.sub(rf"(?<!\w){y.capitalize()}(?!\w)", i.capitalize(), twin)
                if twin != w and twin not in listed:
                    missing.append((path, w, twin))
    assert missing == []


def test_measured_against_reads_a_yardstick_not_a_plan() -> None:
    rx = vi.measured_against_before()
    for before in ("đạt 113% so với ", "vượt hơn 4,29% chỉ tiêu ", "đạt 100,76% chỉ tiêu "):
        assert rx.search(before), before
    for before in ("Năm 2024, ngành ", "đã nỗ lực, ", "tiếp tục "):
        assert not rx.search(before), before
