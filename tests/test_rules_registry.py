"""The named rules of the rules strategy (extractor/strategies/rules/registry.py): every
skip reason and label cue the rules write is a registered rule, and a cue leads back to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.numbers import Quantity, find_quantities
from extractor.rules import candidates
from extractor.strategies.rules.registry import RULES, NamedRule, register, rules_for_cue
from extractor.strategies.rules.skips import (
    FIGURE_RULES,
    INNER_RULES,
    NumberContext,
    first_rule,
)

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted(
    [*(ROOT / "evals" / "seeds").glob("*.txt"), *(ROOT / "evals").glob("synthetic-*/*.txt")]
    + list((ROOT / "tests" / "data").rglob("*.txt"))
)


def _quantity(text: str, written: str) -> Quantity:
    return next(q for q in find_quantities(text) if q.text.endswith(written))


def test_rules_are_named_described_and_skip_rules_testable() -> None:
    assert len(RULES) >= 40
    for name, rule in RULES.items():
        assert rule.name == name and name.split(".")[0] in (
            "skip",
            "label",
            "indicator",
            "table",
            "award",
            "official",
        )
        assert rule.description, name
        assert (rule.test is not None) == name.startswith("skip."), name
        assert rule.cue or rule.pattern, name


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_every_cue_written_is_a_named_rule(path: Path) -> None:
    for c in candidates(path.read_text(encoding="utf-8")):
        assert rules_for_cue(c.cue), f"{path.name}: cue {c.cue!r} has no named rule"
        for name in c.rules[:-1]:
            assert name in RULES, f"{path.name}: rule {name!r} is not registered"
        # a number inside a phrase (skipped before any clause is read) records no rules yet
        assert c.rules[-1:] == (f"label: {c.cue}",) or (not c.rules and c.label == "skip")


def test_a_cue_leads_back_to_its_rules() -> None:
    per_unit = {r.name for r in rules_for_cue("label: per-unit denominator")}
    assert per_unit == {"skip.per_unit_slash", "skip.per_unit_base"}
    both = {r.name for r in rules_for_cue("năm 2023; comparison")}
    assert {"label.year_before", "label.comparison"} <= both
    assert [r.name for r in rules_for_cue("passage: năm 2024")] == ["label.passage"]
    assert [r.name for r in rules_for_cue("duplicate of #12")] == ["label.duplicate"]
    assert [r.name for r in rules_for_cue("phấn đấu")] == ["label.target_word"]
    assert rules_for_cue("no such cue") == []


def test_the_first_rule_that_holds_decides() -> None:
    text = "Toàn tỉnh có 8,5 bác sĩ trên 10.000 dân; mỗi hộ được hỗ trợ 5 triệu đồng trên 1 ha."
    base = NumberContext(text, _quantity(text, "10.000 dân"), (0, len(text)))
    slash = NumberContext(text, _quantity(text, "1 ha"), (0, len(text)))
    assert getattr(first_rule(INNER_RULES, base), "name", None) == "skip.per_unit_base"
    assert getattr(first_rule(INNER_RULES, slash), "name", None) == "skip.per_unit_slash"
    figure = NumberContext(text, _quantity(text, "8,5 bác sĩ"), (0, len(text)))
    assert first_rule(INNER_RULES, figure) is None
    assert first_rule(FIGURE_RULES, figure) is None

    text = "Hội nghị có sự tham dự của 150 cán bộ, công chức."
    ctx = NumberContext(text, _quantity(text, "150 cán bộ"), (0, len(text)))
    rule = first_rule(FIGURE_RULES, ctx)
    assert rule is not None and rule.name == "skip.participants_attending"
    assert rule.cue == "participants"
    (c,) = candidates(text, report_year=2023, plan_year=2024)
    assert (c.label, c.cue) == ("skip", "participants")


def test_a_name_is_registered_once() -> None:
    rule = RULES["skip.baseline"]
    assert register(rule) == (rule,)  # the same rule again: no change
    with pytest.raises(ValueError, match="skip.baseline"):
        register(NamedRule("skip.baseline", "another", "", cue="baseline"))
    assert RULES["skip.baseline"] is rule
