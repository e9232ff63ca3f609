"""Numbers written the Vietnamese way, in one place.

Every human-facing output (terminal, HTML report, xlsx number formats) formats figures
through these functions, so a reader sees one convention everywhere:

- thousands grouped with ``.`` and decimals after ``,``: ``15.325``, ``1.234``, ``5,3``;
- percentages with a space before the sign: ``67,7 %``, plan share ``133,3 %``;
- large money in tỷ (10^9) or triệu (10^6): ``251.630 tỷ đồng``, ``27,6 tỷ USD``.

Machine-facing output (JSON, CSV, parquet) keeps plain numbers.
"""

from __future__ import annotations

import math

MONEY_UNITS = ("đồng", "USD")
#: (factor, word), largest first: money at or above the factor is written in that word.
MONEY_SCALES: tuple[tuple[float, str], ...] = ((1e9, "tỷ"), (1e6, "triệu"))
QUALIFIER_SIGN = {"exact": "", "over": ">", "under": "<", "about": "~"}
DEFAULT_DECIMALS = 3
PERCENT_DECIMALS = 2


def _decimals(value: float, max_decimals: int) -> int:
    """How many decimals ``value`` needs (trailing zeros dropped), at most ``max_decimals``."""
    text = f"{abs(value):.{max_decimals}f}"
    frac = text.partition(".")[2].rstrip("0")
    return len(frac)


def format_number(value: float | int, max_decimals: int = DEFAULT_DECIMALS) -> str:
    """``15325`` → ``15.325``; ``67.7`` → ``67,7``; ``1234`` → ``1.234``; ``0.125`` → ``0,125``.

    Rounded to at most ``max_decimals`` decimals, trailing zeros dropped.
    """
    value = float(value)
    if not math.isfinite(value):
        return str(value)
    places = _decimals(value, max_decimals)
    text = f"{abs(value):,.{places}f}"
    text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    negative = value < 0 and text.strip("0.,") != ""
    return ("-" if negative else "") + text


def format_percent(value: float | int, max_decimals: int = PERCENT_DECIMALS) -> str:
    """``67.7`` → ``67,7 %``; ``133.3`` → ``133,3 %`` (a share already in percent)."""
    return f"{format_number(value, max_decimals)} %"


def is_money(unit: str | None) -> bool:
    """``đồng``, ``USD`` and per-unit amounts such as ``đồng/người``."""
    return bool(unit) and unit.split("/", 1)[0].strip() in MONEY_UNITS


def money_scale(*values: float | None) -> tuple[float, str]:
    """The (factor, word) to write these đồng amounts in: by the largest of them."""
    top = max((abs(v) for v in values if v is not None), default=0.0)
    for factor, word in MONEY_SCALES:
        if top >= factor:
            return factor, word
    return 1.0, ""


def format_quantity(
    value: float | int,
    unit: str | None = None,
    *,
    value_max: float | int | None = None,
    qualifier: str | None = None,
) -> str:
    """A figure with its unit: ``15.325 người``, ``67,7 %``, ``251.630 tỷ đồng``, ``1–2 hộ``.

    Money (``đồng``, ``USD``, ``đồng/người``) of a million or more is written in triệu or
    tỷ; a range uses one scale for both ends. ``qualifier`` (``over``/``under``/``about``)
    adds ``>``/``<``/``~``.
    """
    sign = QUALIFIER_SIGN.get(qualifier or "exact", "")
    if unit == "%":
        lo = format_number(value, PERCENT_DECIMALS)
        hi = f"–{format_number(value_max, PERCENT_DECIMALS)}" if value_max is not None else ""
        return f"{sign}{lo}{hi} %"
    factor, word = 1.0, ""
    if is_money(unit):
        factor, word = money_scale(value, value_max)
    text = sign + format_number(float(value) / factor)
    if value_max is not None:
        text += f"–{format_number(float(value_max) / factor)}"
    shown = " ".join(x for x in (word, unit or "") if x)
    return f"{text} {shown}" if shown else text


def xlsx_number_format(value: float | int | None, unit: str | None = None) -> str:
    """The Excel number format that shows ``value`` as :func:`format_quantity` would.

    The cell keeps the plain number; Excel draws the grouping and decimal marks of the
    reader's locale (``.`` and ``,`` in Vietnamese). Money of a million or more is
    displayed in triệu/tỷ by Excel's scaling commas (the unit column still says đồng).
    """
    if value is None:
        return "General"
    factor, word = (1.0, "")
    if is_money(unit):
        factor, word = money_scale(value)
    places = _decimals(float(value) / factor, PERCENT_DECIMALS if unit == "%" else DEFAULT_DECIMALS)
    code = "#,##0" + ("." + "0" * places if places else "")
    commas = {1e9: ",,,", 1e6: ",,"}.get(factor, "")
    return code + commas + (f' "{word}"' if word else "")
