"""The named rules: every skip reason and label cue of the rules strategy, by name.

A :class:`NamedRule` says what a rule decides (``description``), shows it on the example
from the code's comment (``example``), names the tables it reads (``lexicon``: keys of
``extractor/vi/data/lexicon.json`` as ``lexicon:<key>``, module tables as
``<module>.<name>``) and, for a skip rule, holds its ``test``. The passes register their
rules here when imported (:mod:`.skips`, :mod:`.labels`); :data:`RULES` maps each unique
name to its rule, in the order they are tried.

An item's trace (``Candidate.rules``, ``--full`` JSON) records the label as ``label: <cue>``;
:func:`rules_for_cue` turns such a cue back into the rule(s) that can write it, so an eval
error can be traced to the rule that made it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class NamedRule:
    """One named decision of the rules strategy.

    ``cue`` is what the rule writes as the item's cue (a skip reason such as
    ``"per-unit denominator"``); several rules may write the same cue. ``pattern`` matches
    the cues of a rule whose cue varies ("năm 2023", "duplicate of #4"); it defaults to the
    exact ``cue``. ``test`` is the predicate of a skip rule (None where the decision is made
    by the label pass's cue machinery)."""

    name: str
    description: str
    example: str
    lexicon: tuple[str, ...] = ()
    cue: str = ""
    pattern: str = ""
    test: Callable[[Any], bool] | None = field(default=None, compare=False, repr=False)

    def writes(self, cue: str) -> bool:
        """Whether this rule can have written ``cue`` (the text after ``label: ``)."""
        if self.pattern:
            return re.fullmatch(self.pattern, cue) is not None
        return cue == self.cue


RULES: dict[str, NamedRule] = {}


def named(name: str, description: str, example: str, *lexicon: str) -> NamedRule:
    """A rule that writes its own name into an item's trace (an indicator, award or official
    rule, not a skip or a label cue)."""
    return NamedRule(name, description, example, lexicon, cue=name)


def register(*rules: NamedRule) -> tuple[NamedRule, ...]:
    """Add ``rules`` to :data:`RULES` (a name is registered once) and return them."""
    for rule in rules:
        if rule.name in RULES and RULES[rule.name] is not rule:
            raise ValueError(f"rule {rule.name!r} is registered twice")
        RULES[rule.name] = rule
    return rules


def rules_for_cue(cue: str) -> list[NamedRule]:
    """The registered rules that can write ``cue`` (``"label: "`` prefix allowed; a cue with
    a "; comparison" suffix names the comparison rule too)."""
    cue = cue.removeprefix("label: ")
    parts = (
        [cue] if not cue.endswith("; comparison") else [cue[: -len("; comparison")], "comparison"]
    )
    return [r for part in parts for r in RULES.values() if r.writes(part)]
