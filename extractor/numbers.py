"""Vietnamese quantities: find and parse figures with their character spans.

CONTRACT (other modules depend on exactly these names):

- ``parse_number(s: str) -> float``: "15.325" -> 15325, "67,7" -> 67.7, "01" -> 1,
  "1.000" -> 1000, "199,5" -> 199.5. Raises ``ValueError`` on anything else.
- ``find_quantities(text: str) -> list[Quantity]``: every quantity in ``text``, in
  order, with spans into ``text`` (not into a normalised copy). Excludes dates
  ("24/2/2023", "10/01/2020", "26-11"), times ("07:08"), years used as years ("năm 2023",
  "2021 - 2025"), document numbers ("Nghị quyết 68/NQ-CP", "Kế hoạch 1338",
  "08/2022/QĐ-TTg", "Đại hội XIII") and ordinals in names.
- ``parse_quantity(s: str) -> Quantity | None``: the first quantity in ``s``.
- ``find_plan_pcts(text: str) -> list[Quantity]``: plan phrases only ("đạt 105,4% kế hoạch"
  -> value 105.4; "vượt 33,3 % kế hoạch năm" -> 133.3), kind == "plan".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from extractor.models import Qualifier

QuantityKind = Literal["count", "percent", "money", "fraction", "plan"]


@dataclass(frozen=True)
class Quantity:
    """One figure found in text.

    ``start``/``end``: span in the searched text covering qualifier, number(s), scale
    word and unit ("hơn 5,3 tỷ đồng"). ``num_start``/``num_end``: span of the digits
    only (first number through last number of a range). ``value``/``value_max``:
    normalised (scale words applied; money in đồng). ``unit``: "%", "đồng" (money,
    "đồng/người" kept), or the counted noun right after the number ("người", "hộ",
    "lượt", "lao động", "tập thể", ...) or None. ``kind``: "plan" for plan phrases
    where ``value`` is the normalised plan_pct (100 + X for "vượt X%").
    ``fraction`` for "16/16" (value 16, value_max None, denominator in ``denominator``).
    """

    start: int
    end: int
    num_start: int
    num_end: int
    text: str
    value: float
    value_max: float | None = None
    unit: str | None = None
    qualifier: Qualifier = "exact"
    kind: QuantityKind = "count"
    denominator: float | None = None


def parse_number(s: str) -> float:
    raise NotImplementedError


def find_quantities(text: str) -> list[Quantity]:
    raise NotImplementedError


def parse_quantity(s: str) -> Quantity | None:
    found = find_quantities(s)
    return found[0] if found else None


def find_plan_pcts(text: str) -> list[Quantity]:
    raise NotImplementedError
