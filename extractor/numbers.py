"""Vietnamese quantities: find and parse figures with their character spans.

CONTRACT (other modules depend on exactly these names):

- ``parse_number(s: str) -> float``: "15.325" -> 15325, "67,7" -> 67.7, "01" -> 1,
  "1.000" -> 1000, "199,5" -> 199.5. Raises ``ValueError`` on anything else.
- ``find_quantities(text: str) -> list[Quantity]``: every quantity in ``text``, in
  order, with spans into ``text`` (not into a normalised copy). Excludes dates
  ("24/2/2023", "10/01/2020", "26-11", "2021-06", "2021-06-15", "2021/06"), times ("07:08"),
  years used as years ("năm 2023", "2021 - 2025"), document numbers ("Nghị quyết
  68/NQ-CP", "Kế hoạch 1338", "08/2022/QĐ-TTg", "Đại hội XIII") and ordinals in names.
- ``parse_quantity(s: str) -> Quantity | None``: the first quantity in ``s``.
- ``find_plan_pcts(text: str) -> list[Quantity]``: plan phrases only ("đạt 105,4% kế hoạch"
  -> value 105.4; "vượt 33,3 % kế hoạch năm" -> 133.3), kind == "plan".

Decisions:

- Plan phrases are returned by ``find_quantities`` too, as ONE quantity of kind "plan"
  (value = normalised plan_pct, ``stated`` = the percentage as written, unit "%"), never
  also as a plain percent. Callers wanting plain figures filter ``kind != "plan"``.
  "tăng/giảm X% so với kế hoạch" is a plain percent, not a plan phrase. The plan may be
  "kế hoạch", "KH", "chỉ tiêu kế hoạch", "so (với) kế hoạch" or "so (với) chỉ tiêu".
- Number syntax: "." + exactly 3 digits is a thousands separator, "," + digits a decimal,
  "." + other digit counts an English decimal ("3.5"); "1,000.5" (English) -> 1000.5.
  "21,700 người": "," + exactly three digits (1-3 digits before, no scale word) before a
  noun that is never fractional (``_WHOLE_UNITS``: người, hộ, lao động, lượt ...) is an
  English thousands separator -> 21700, unless a rate follows ("1,250 người/km2",
  "... người trên 1 km2" stay 1.25); elsewhere "21,700" stays 21.7.
- Digits glued to a lower-case word ("sản54 tỷ", a lost space) are a figure only when a
  scale word, money or "%" follows; digits after capitals or a hyphen ("H5N1",
  "COVID-19", "SARS-CoV-2") and after "covid"/"sars"... never are.
- Ranges: "800 - 1.000 ha", "800 -1.000ha", "5 - 7%", "15-20 nghìn", "từ 8 đến 10 nghìn":
  value and value_max; the scale word and unit after the second number serve both.
- Unseparated 4-digit numbers 1900-2100 are years unless a unit follows ("2000 người").
- Units: two/three-syllable nouns in ``COMPOUND_UNITS`` are kept whole ("bác sĩ",
  "trung tâm", "đại biểu"; the list says which and why), else one word ("34,5 giường
  bệnh" -> "giường", as evals/GUIDELINES.md §4.5); a capitalised word is no unit (it
  starts a name) except abbreviations (``_ABBREVIATED_UNITS``: "kWh", "MW", "km2", ...);
  "m2", "m3", "km2" keep their digit.
  Scale words: nghìn/ngàn 1e3, vạn 1e4, triệu 1e6, tỷ/tỉ 1e9 ("nghìn tỷ" 1e12).
- Kinds: "percent" (unit "%"), "money" ("đồng", "đồng/người", "USD"), "fraction",
  "plan", else "count". "trên 1 ha" / "trên 1 vạn dân" mean "per": qualifier exact.

Helpers for grounding/checks: :func:`number_strings` (how a value may be spelled),
:func:`values_in` (every value a text states) and :func:`mentions_value`.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Literal

from extractor import vi
from extractor.models import Qualifier
from extractor.text import has_invisible, normalize_with_map

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
    ``stated``: for plan phrases, the percentage as written (33.3 in "vượt 33,3%").
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
    stated: float | None = None


# ----------------------------------------------------------------------------- vocabulary

# The vocabulary is the lexicon's (extractor/vi/data/lexicon.json), read once here.
COMPOUND_UNITS: frozenset[str] = vi.words("compound_units")
"""Two/three-syllable count nouns kept whole as a unit (the lexicon says which and why:
the first syllable alone is not the thing counted, "bác sĩ", "bệnh viện", "cửa hàng")."""

# Words that follow a number but are not what it counts ("15 và", "2 so với").
_NOT_UNITS: frozenset[str] = vi.words("not_units")
_SCALES: dict[str, Decimal] = {
    w: Decimal(str(int(m))) for w, m in vi.phrase_map("scale_words").items()
}
# A scale word and "đồng" written short: "120 trđ", "120 tr.đồng" (120 triệu đồng)
_MONEY_ABBREVIATIONS: dict[str, Decimal] = {
    w: Decimal(str(int(m))) for w, m in vi.phrase_map("money_abbreviations").items()
}
_GLUED_UNITS: frozenset[str] = vi.words("glued_units")
# ... and those glued only in lower case ("167,967g" is grams, "4G" a network)
_GLUED_AS_WRITTEN: frozenset[str] = frozenset(vi.entry("glued_units_as_written"))
# Units written with capitals, kept as written ("1.120 triệu kWh", "300 MW").
_ABBREVIATED_UNITS: frozenset[str] = vi.words("abbreviated_units")
# Units spelled with a power digit: "m2" is read as one word, not "m" and a stray "2".
_POWER_UNITS: frozenset[str] = vi.words("power_units")
# Counted nouns that are never fractional: before them "21,700" (comma + exactly three
# digits, no scale word) is an English thousands separator, 21700, not 21.7.
_WHOLE_UNITS: frozenset[str] = vi.words("whole_units")
# Lower-case words that glue to digits in names, not figures ("covid19 triệu" stays out).
_CODE_WORDS: frozenset[str] = vi.words("code_words")
_QUALIFIERS: dict[str, Qualifier] = vi.phrase_map("qualifiers")
_NAME_TAIL = re.compile(r"[ \t]*[-–][ \t]*\d+(?![\d.,]*\s*%)")
# a code word and a spaced hyphen before the digits: "Covid- 19", "COVID - 19"
_CODE_HYPHEN = re.compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(sorted((re.escape(w) for w in _CODE_WORDS if len(w) >= 3), key=len, reverse=True))
    + r")\s*[-–]\s*$",
    re.IGNORECASE,
)

# ----------------------------------------------------------------------------- regexes

_SP = r"[ \t\u00a0\u202f]"
_L = r"[^\W\d_]"  # a letter
_END_W = r"(?![^\W\d_])"  # not followed by a letter
_FLAGS = re.IGNORECASE
_CLUSTER = re.compile(r"[0-9]+(?:[.,/:][0-9]+)*")
_VN_THOUSANDS = re.compile(r"[0-9]+(?:\.[0-9]{3})+(?:,[0-9]+)?")
_VN_DECIMAL = re.compile(r"[0-9]+(?:,[0-9]+)?")
_EN_DECIMAL = re.compile(r"[0-9]+\.[0-9]+")
_EN_FULL = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+\.[0-9]+|[0-9]{1,3}(?:,[0-9]{3}){2,}")

_SCALE_WORDS = "|".join(sorted(_SCALES, key=len, reverse=True))
_SCALE = re.compile(rf"{_SP}+(?P<s>{_SCALE_WORDS}){_END_W}(?!{_SP}+lệ{_END_W})", _FLAGS)
_SCALE_GLUED = re.compile(rf"(?P<s>{_SCALE_WORDS}){_END_W}", _FLAGS)  # "2,37triệu"
_MONEY_ABBREVIATION = re.compile(
    rf"{_SP}+(?P<a>"
    + "|".join(
        re.escape(w).replace(r"\ ", f"{_SP}*")
        for w in sorted(_MONEY_ABBREVIATIONS, key=len, reverse=True)
    )
    + rf"){_END_W}(?P<per>(?:/{_L}+)*)",
    _FLAGS,
)
# "%" or the words ("98,5 phần trăm"); per mille likewise ("5‰", "5,2 phần nghìn")
_PCT = re.compile(rf"{_SP}*(?:%|phần{_SP}+trăm{_END_W})", _FLAGS)
_PER_MILLE = re.compile(rf"{_SP}*(?:‰|phần{_SP}+nghìn{_END_W})", _FLAGS)
_MONEY = re.compile(
    rf"{_SP}+(?P<m>đồng|vnđ|vnd|đ|usd|đô{_SP}+la(?:{_SP}+mỹ)?){_END_W}(?P<per>(?:/(?!(?-i:KH){_END_W}){_L}+)*)(?:/(?-i:KH){_END_W})?",
    _FLAGS,
)
# "31 đồng chí", "31 Đ/c", "500 đồng bào": people, not money (lexicon money_lookalikes)
_LOOKALIKES: dict[str, str] = vi.phrase_map("money_lookalikes.units")
_LOOKALIKE_RX = "|".join(
    f"{_SP}+".join(map(re.escape, w.split())) for w in sorted(_LOOKALIKES, key=len, reverse=True)
)
_NOT_MONEY = re.compile(rf"{_SP}+(?P<w>{_LOOKALIKE_RX}){_END_W}", _FLAGS)
_NOUN = re.compile(
    rf"{_SP}+(?P<w1>{_L}+(?:-{_L}+)*)(?:{_SP}+(?P<w2>{_L}+)(?:{_SP}+(?P<w3>{_L}+))?)?"
)
_RANGE = re.compile(
    rf"(?:{_SP}*[-\u2013\u2014]{_SP}*|{_SP}+(?P<w>đến|tới){_SP}+)"
    rf"(?P<n>[0-9]+(?:[.,][0-9]+)*)(?![0-9]|[.,/:][0-9])",
    _FLAGS,
)
# "(90,2% - 86,8% - 99,1%)", "mục tiêu 95-95-95": three numbers joined by dashes are a list
# or a name, never a range
_DASH_NEXT = re.compile(rf"{_SP}*[-\u2013\u2014]{_SP}*[0-9]")
_DASH_BEFORE = re.compile(rf"[0-9]%?{_SP}*[-\u2013\u2014]{_SP}*$")
# the month (and year) after a day range's last day: "từ 27 đến 31-12-2018", "từ 27 đến 31-12"
_DAY_RANGE_TAIL = re.compile(r"[-/.](?:0?[1-9]|1[0-2])(?:[-/.](?:19|20)[0-9]{2})?(?![0-9])")
_TRO = re.compile(rf"{_SP}+trở{_SP}+(?P<d>lên|xuống){_END_W}", _FLAGS)


def _words_rx(phrase: str) -> str:
    """A lexicon phrase as a regex: its words joined by any run of spaces."""
    return f"{_SP}+".join(vi.tone_variants(re.escape(w)) for w in phrase.split())


# the strict plan grammar (its words from the lexicon): "(so (với))? (chỉ tiêu)? kế hoạch|KH"
# or "so (với)? chỉ tiêu", then an optional "năm" not followed by a year
_SO, _VOI = (re.escape(w) for w in vi.entry("plan.comparison").split())
_QUOTA = _words_rx(vi.entry("plan.strict_quota"))
_PLAN_NOUNS = "|".join(_words_rx(p) for p in vi.entry("plan.strict_nouns"))
_PLAN_AFTER = re.compile(
    rf"{_SP}*(?:(?:{_SO}{_SP}+(?:{_VOI}{_SP}+)?)?(?:{_QUOTA}{_SP}+)?(?:{_PLAN_NOUNS})"
    rf"|{_SO}{_SP}+(?:{_VOI}{_SP}+)?{_QUOTA}){_END_W}(?P<nam>{_SP}+năm{_END_W}(?!{_SP}*[0-9]))?",
    _FLAGS,
)
# "đạt 141,44% vượt chỉ tiêu kế hoạch đề ra": a share of plan that says it exceeded the plan
_PLAN_EXCEEDED_AFTER = re.compile(
    rf"{_SP}*,?{_SP}*vượt{_SP}+(?:(?:{_QUOTA}){_SP}+)?(?:{_PLAN_NOUNS}|{_QUOTA}){_END_W}"
    rf"(?![^.;,]{{0,20}}?[0-9])",  # "đạt 95% vượt chỉ tiêu 90%": a rate above a quota
    _FLAGS,
)
_QUOTA_AFTER = re.compile(rf"{_SP}*{_QUOTA}{_END_W}", _FLAGS)
_CLOSE = re.compile(rf"{_SP}*\)")
_CLAUSE_BREAK = re.compile(r"[;\n]|\.(?=\s)")
_FIGURE_DIGIT = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d(?!\d|[.,]\d))\d")  # not a year


def _figure_in_clause_before(work: str, pos: int) -> bool:
    """Whether a number other than a year stands in the 80 characters of the clause before
    ``pos``."""
    seg = work[max(0, pos - 80) : pos]
    breaks = list(_CLAUSE_BREAK.finditer(seg))
    return bool(_FIGURE_DIGIT.search(seg, breaks[-1].end() if breaks else 0))


# a count, its noun and a comma right before a share verb ("19.704 đạt", "571.000 lượt bệnh
# nhân, đạt"), and the end of a clause right after the share
_COUNT_BEFORE = re.compile(r"(?<![\d.,%])\d[\d.,]*(?:\s+[^\W\d_]+){0,3}\s*,?\s*$")
_BARE_SHARE_END = re.compile(rf"{_SP}*(?:[;.]|,(?!{_SP}*so\b)|$)")
_DURATION = re.compile(rf"{_SP}+(?:năm|tháng|ngày|tuần){_END_W}", _FLAGS)
_DATE_TAIL = re.compile(r"(?:[-/.][0-9]{1,4}){1,2}(?![0-9])")
_YEAR_TAIL = re.compile(rf"{_SP}*[-\u2013\u2014]{_SP}*(?:19|20)[0-9]{{2}}(?![0-9])")
_GLUED = re.compile(r"[^\W_]+")
_LETTERS_BEFORE = re.compile(r"[^\W\d_]+$")
# "2021-06", "2021-06-15" after a year: ISO year-month(-day), not a figure
_ISO_TAIL = re.compile(r"-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?(?![0-9])")
_YEAR_MONTH = re.compile(r"(?:19|20)[0-9]{2}[./](?:0[1-9]|1[0-2])")  # "2021.06", "2021/06"
_EN_THOUSANDS = re.compile(r"[1-9][0-9]{0,2},[0-9]{3}")  # "21,700"
_PER_AFTER = re.compile(rf"{_SP}*(?:/|(?:trên|mỗi|một){_END_W})", _FLAGS)
_CODE_AFTER = re.compile(rf"[-/]{_L}")

_TOKEN = re.compile(r"\S+")
_LEAD_PUNCT = re.compile(r"[^\w]+")
_WINDOW = 48
_LONGEST_CUE = 6  # words: "vượt so với kế hoạch năm"


class _Phrases:
    """Cue phrases (lower-case, single spaces) with a fast reject on the last word."""

    __slots__ = ("phrases", "last_words")

    def __init__(self, spec: str) -> None:
        self.phrases = frozenset(p.strip() for p in spec.split("|"))
        self.last_words = frozenset(p.rsplit(" ", 1)[-1] for p in self.phrases)


# Cue phrases looked up on the words right before a number.
def _lex_phrases(path: str) -> _Phrases:
    return _Phrases("|".join(sorted(vi.words(path))))


_DATE_CUES = _lex_phrases("cues.date")
# "thắp sáng 21 km đường": a word that ends with a day part is no date word
_NOT_DATE_CUES = _lex_phrases("cues.not_date")
_YEAR_CUES = _lex_phrases("cues.year")
_DOC_CUES = _lex_phrases("cues.document")
_FURNITURE_CUES = _lex_phrases("cues.furniture")
_ORDINAL_CUES = _lex_phrases("cues.ordinal")
_PLAN_VERBS = _lex_phrases("plan.share_verbs")
_PLAN_BLOCKS = _lex_phrases("plan.blocks")
_VUOT_KH = _lex_phrases("plan.excess_phrases")
_COMPARATIVES = vi.words("comparatives")  # "cao hơn 5%": a difference, not "over"
_QUALIFIER_CUES = _Phrases("|".join([*_QUALIFIERS, *_COMPARATIVES]))
_TU = _lex_phrases("cues.range_from")
# "quy hoạch chi tiết xây dựng tỷ lệ 1/500": a map's scale, no figure
_MAP_SCALE_CUES = _lex_phrases("cues.map_scale")


# ----------------------------------------------------------------------------- parsing


def _parse_decimal(s: str) -> Decimal:
    s = s.strip()
    if _EN_FULL.fullmatch(s):
        cleaned = s.replace(",", "")
    elif _VN_THOUSANDS.fullmatch(s):
        cleaned = s.replace(".", "").replace(",", ".")
    elif _VN_DECIMAL.fullmatch(s):
        cleaned = s.replace(",", ".")
    elif _EN_DECIMAL.fullmatch(s):
        cleaned = s
    else:
        raise ValueError(f"not a Vietnamese number: {s!r}")
    try:
        dec = Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - the regexes admit only digits
        raise ValueError(f"not a number: {s!r}") from exc
    if not math.isfinite(float(dec)):
        raise ValueError(f"number out of range: {s[:20]!r}...")
    return dec


def parse_number(s: str) -> float:
    """Parse one written number ("15.325", "67,7", "01", "3.5", "1,000.5")."""
    return float(_parse_decimal(s))


# ----------------------------------------------------------------------------- helpers


def _tokens_before(work: str, pos: int) -> list[tuple[str, int]]:
    """Up to 6 whitespace-separated tokens ending right before ``pos``: (token, offset)."""
    lo = max(0, pos - _WINDOW)
    parts = work[lo:pos].rsplit(maxsplit=6)
    if len(parts) == 7:
        parts = parts[1:]
    toks: list[tuple[str, int]] = []
    idx = pos
    for part in reversed(parts):
        idx = work.rfind(part, lo, idx)
        toks.append((part, idx))
    toks.reverse()
    if lo > 0 and toks and toks[0][1] == lo:
        toks = toks[1:]  # possibly cut by the window
    return toks


_GLUED_DASH = re.compile(r"^\w+[-–—](\w+)$")


def _cue(
    toks: list[tuple[str, int]], cues: _Phrases, colon: bool = False
) -> tuple[str, int, int] | None:
    """The longest phrase of ``cues`` that the last tokens spell, ignoring punctuation
    before its first word (and a ':' after its last when ``colon``): (phrase, offset of its
    first letter, index of its first token)."""
    n = len(toks)
    if not n:
        return None
    last = toks[-1][0].lower()
    if colon and last.endswith(":"):
        last = last[:-1]
    # "nhân-tháng 5": a word glued to the one before by a dash is a word of its own
    glued = _GLUED_DASH.search(last)
    if glued is not None:
        last = glued.group(1)
        n, toks = 1, [(last, toks[-1][1] + glued.start(1))]
    key = last if last[:1].isalnum() else _LEAD_PUNCT.sub("", last, count=1)
    if key not in cues.last_words:
        return None
    for k in range(min(n, _LONGEST_CUE), 0, -1):
        words = [t for t, _ in toks[n - k : n - 1]] + [last]
        offset = toks[n - k][1]
        lead = _LEAD_PUNCT.match(words[0])
        if lead:
            words[0] = words[0][lead.end() :]
            offset += lead.end()
        phrase = " ".join(words).lower()
        if phrase in cues.phrases:
            return phrase, offset, n - k
    return None


def _date_like(raw: str) -> bool:
    """Whether digits after a date word can be a day or month ("tháng 7", "ngày 26.11",
    "sáng 9/1"), not a count that follows one ("dưới 3 tháng 192.607 người")."""
    parts = re.split(r"[.,]", raw)
    return all(p.isdigit() and (int(p) <= 31 or len(p) == 4) for p in parts)


def _is_year(dec: Decimal, raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1900 <= dec <= 2100


def _is_day_month(a: Decimal, b: Decimal) -> bool:
    return (
        a == a.to_integral_value()
        and b == b.to_integral_value()
        and 1 <= a <= 31
        and (1 <= b <= 12)
    )


def _scale_at(work: str, pos: int) -> tuple[Decimal, int]:
    """Multiplier of the scale words at ``pos`` ("nghìn tỷ" -> 1e12) and the end."""
    mult = Decimal(1)
    for _ in range(2):
        m = _SCALE.match(work, pos) or _SCALE_GLUED.match(work, pos)
        if not m:
            break
        mult *= _SCALES[m.group("s").lower()]
        pos = m.end()
    return mult, pos


def _noun_at(work: str, pos: int) -> tuple[str | None, int]:
    m = _NOUN.match(work, pos)
    if not m:
        return None, pos
    words = [w for w in (m.group("w1"), m.group("w2"), m.group("w3")) if w]
    first = words[0]
    end1 = m.end("w1")
    if (
        end1 < len(work)
        and work[end1] in "23"
        and (first + work[end1]).lower() in _POWER_UNITS
        and not (end1 + 1 < len(work) and work[end1 + 1].isalnum())
    ):
        first += work[end1]  # "m2", "km2", "m3"
        if first != first.lower() and first.lower() not in _ABBREVIATED_UNITS:
            return None, pos
        return first, end1 + 1
    if first != first.lower() and first.lower() not in _ABBREVIATED_UNITS:
        return None, pos  # a capitalised word starts a name or a sentence, not a unit
    for n in (3, 2):
        if len(words) >= n:
            phrase = " ".join(w.lower() for w in words[:n])
            if phrase in COMPOUND_UNITS:
                return phrase, m.end(f"w{n}")
    if first in _NOT_UNITS:
        return None, pos
    return first, m.end("w1")


def _unit_at(work: str, pos: int) -> tuple[str | None, QuantityKind, int]:
    """The unit right after ``pos``: ("%", "percent"), money, a counted noun or None."""
    m = _PCT.match(work, pos)
    if m:
        return "%", "percent", m.end()
    m = _PER_MILLE.match(work, pos)
    if m:
        return "‰", "percent", m.end()
    people = _NOT_MONEY.match(work, pos)
    if people:
        return _LOOKALIKES[" ".join(people.group("w").lower().split())], "count", people.end()
    m = _MONEY.match(work, pos)
    if m:
        word = m.group("m").lower()
        base = "USD" if word.startswith(("usd", "đô")) else "đồng"
        return base + m.group("per").lower(), "money", m.end()
    noun, end = _noun_at(work, pos)
    if noun is not None:
        rate = _rate_at(work, pos, noun)
        if rate is not None:
            return rate
    return noun, "count", end


# "/ha", "/xã", "/vạn dân", "/100 dân", "/ha/năm": the base of a per-unit rate; the
# lexicon's rate_bases say which words are bases ("xã/phường" names two places, no rate)
_RATE_BASES: frozenset[str] = vi.words("rate_bases")
_ALTERNATIVE_NOUNS: frozenset[str] = vi.words("alternative_nouns")


def _base_at(work: str, pos: int) -> int | None:
    """The end of the per-unit base(s) starting with the slash at ``pos``, or None."""
    end = None
    while (m := _PER_BASE.match(work, pos)) is not None:
        words = m.group("b").lower().split()
        if len(words) == 2 and " ".join(words) in _RATE_BASES:
            pos = m.end()
        elif words[0] in _RATE_BASES:
            pos = m.start("b") + len(m.group("b").split()[0])
        else:
            break
        if pos < len(work) and (work[pos].isalnum()):
            break
        end = pos
    return end


def _rate_at(work: str, pos: int, noun: str) -> tuple[str, QuantityKind, int] | None:
    """A count per base ("6,4 tấn/ha", "17,4 tiêu chí/xã", "8 bác sĩ/vạn dân"): the unit
    keeps the whole rate, with the counted words before the slash ("giường bệnh/vạn dân");
    "12 xã/phường" and "5 trường/lớp" name alternatives, not rates."""
    m = _NOUN.match(work, pos)
    if not m or noun.lower() in _ALTERNATIVE_NOUNS:
        return None
    for n in (1, 2, 3):
        if not m.group(f"w{n}"):
            break
        end = m.end(f"w{n}")
        if not work.startswith("/", end):
            continue
        base_end = _base_at(work, end)
        if base_end is None:
            return None
        words = work[m.start("w1") : end].split()
        unit = " ".join(w if w.isupper() else w.lower() for w in words)
        return unit + work[end:base_end].lower(), "count", base_end
    return None


def _has_unit(work: str, pos: int) -> bool:
    mult, after = _scale_at(work, pos)
    if mult != 1:
        return True
    return _unit_at(work, after)[0] is not None


def _qualifiers(toks: list[tuple[str, int]], one: bool = False) -> list[tuple[int, str]]:
    """Qualifier phrases ending the tokens ``toks``, nearest first: (start, phrase).
    ``one``: the number is a lone 1 with a unit, so "trên" before it means "per"."""
    found: list[tuple[int, str]] = []
    for _ in range(2):
        hit = _cue(toks, _QUALIFIER_CUES)
        if hit is None or hit[0] in _COMPARATIVES:
            break
        phrase, start, idx = hit
        if phrase == "trên" and one and not found:
            break  # "trên 1 ha", "trên 1 vạn dân": "per", not "over"
        found.append((start, phrase))
        if start != toks[idx][1]:
            break  # punctuation before the phrase: "(hơn 5"
        toks = toks[:idx]
    return found


def _qualifier_of(phrases: list[str]) -> Qualifier:
    labels = [_QUALIFIERS[p] for p in phrases]
    for label in labels:
        if label in ("over", "under"):
            return label
    return "about" if labels else "exact"


# ----------------------------------------------------------------------------- scanning


@dataclass
class _Found:
    """A quantity in scanning coordinates (before mapping back to the caller's text)."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    value_max: float | None = None
    unit: str | None = None
    qualifier: Qualifier = "exact"
    kind: QuantityKind = "count"
    denominator: float | None = None
    stated: float | None = None


def _excluded_context(
    work: str, toks: list[tuple[str, int]], e: int, raw: str, dec: Decimal
) -> bool:
    """Page furniture, ordinals, document numbers and years used as years."""
    if _cue(toks, _FURNITURE_CUES, colon=True) or _cue(toks, _ORDINAL_CUES):
        return True
    if _doc_cue(toks, e_figure=_is_figure_after(work, e) or _count_after_doc_word(work, toks, e)):
        return True  # "Kế hoạch 1338", but "vượt kế hoạch 15%", "Kế hoạch 5 năm"
    if _is_year(dec, raw):
        return _cue(toks, _YEAR_CUES) is not None or not _has_unit(work, e)
    return False


# "(theo kế hoạch 56, đột xuất 05)": a breakdown's next item, a word or two and a number
_NEXT_BREAKDOWN_ITEM = re.compile(r"\s*,\s*[^\W\d_]+(?:\s+[^\W\d_]+)?\s+\d+\s*[),;]")


def _count_after_doc_word(work: str, toks: list[tuple[str, int]], e: int) -> bool:
    """A count after a document word in lower case, not a document's number ("Kế hoạch 56",
    "Kết luận 137-KL/TU"): a breakdown's item ("61 cuộc thanh tra (theo kế hoạch 56, đột
    xuất 05)") or a number with its counted noun ("đã ban hành kết luận 78 cuộc")."""
    cue = _cue(toks, _DOC_CUES)
    if cue is None or not toks[cue[2]][0][:1].islower():
        return False
    return _NEXT_BREAKDOWN_ITEM.match(work, e) is not None or _has_unit(work, e)


def _is_figure_after(work: str, e: int) -> bool:
    """'%', money, a scale word or a duration follows: not a document number."""
    return bool(
        _PCT.match(work, e)
        or _MONEY.match(work, e)
        or _scale_at(work, e)[0] != 1
        or _DURATION.match(work, e)
    )


def _doc_cue(toks: list[tuple[str, int]], e_figure: bool = False) -> bool:
    """A document word ("Nghị quyết", "Kế hoạch số") right before the number."""
    if toks and toks[-1][0].lower().rstrip(":") == "số":
        return _cue(toks[:-1], _DOC_CUES) is not None
    if len(toks) >= 2 and toks[-2][0].lower() in ("kỷ", "pháp") and toks[-1][0].lower() == "luật":
        # "xử lý kỷ luật 27 tập thể": discipline; "phổ biến pháp luật 1.158 buổi": the law in
        # general; neither is a law's number
        return False
    return not e_figure and _cue(toks, _DOC_CUES, colon=True) is not None


def _scan(work: str) -> list[_Found]:
    out: list[_Found] = []
    skip = 0
    for m in _CLUSTER.finditer(work):
        s, e = m.span()
        if s < skip:
            continue
        result = _at(work, s, e, m.group())
        if isinstance(result, _Found):
            if out and (joined := _range_of_two(work, out[-1], result)) is not None:
                out[-1] = joined  # "từ 3,5 triệu đồng đến 23,5 triệu đồng/người/tháng"
            else:
                out.append(result)
            skip = result.end
        else:
            skip = result
    return out


_FROM_BEFORE = re.compile(rf"(?<!\w)từ{_SP}+$", _FLAGS)
_TO_BETWEEN = re.compile(rf"{_SP}+(?:đến|tới){_SP}+", _FLAGS)


def _range_of_two(work: str, a: _Found, b: _Found) -> _Found | None:
    """One range of "từ A <unit> đến B <unit>", each end written with its unit ("từ 5 tỷ
    đồng đến 7 tỷ đồng"), when the units agree and A < B; None otherwise."""
    if (
        a.kind != b.kind
        or a.kind not in ("count", "money", "percent")
        or a.value_max is not None
        or b.value_max is not None
        or not a.unit
        or not (b.unit == a.unit or (b.unit or "").startswith(a.unit + "/"))
        or not a.value < b.value
        or not _TO_BETWEEN.fullmatch(work, a.end, b.start)
        or not (lead := _FROM_BEFORE.search(work, max(0, a.start - 8), a.start))
    ):
        return None
    return dataclasses.replace(
        a, start=lead.start(), end=b.end, num_end=b.num_end, value_max=b.value, unit=b.unit
    )


_PER_BASES = frozenset({"1", "10", "100", "1.000", "1000", "10.000", "10000", "100.000", "100000"})
_PER_BASE = re.compile(
    rf"/(?:(?:{'|'.join(re.escape(b) for b in sorted(_PER_BASES, key=len, reverse=True))}){_SP}+)?"
    rf"(?:vạn{_SP}+)?(?P<b>{_L}+(?:{_SP}+{_L}+)?)",
    _FLAGS,
)


def _count_after_slash(work: str, s: int, e: int, raw: str) -> bool:
    """ "86.079 học sinh/3.118 lớp": a count of other things after a slash, not a per-unit
    base ("bác sĩ/10.000 dân") or a code ("Khoản 2/Điều 5")."""
    return (
        work[s - 1] == "/"
        and raw not in _PER_BASES
        and re.match(r"\s+[^\W\d_]", work[e : e + 3]) is not None
        and work[s - 2 : s - 1].islower()
    )


def _at(work: str, s: int, e: int, raw: str) -> _Found | int:
    """The quantity starting with the digits ``work[s:e]``, or where scanning resumes."""
    # numbers inside words and codes: "COVID-19", "H5N1", "30a", "68/NQ-CP", "07:08"
    prev = work[s - 1] if s else ""
    if prev.isalnum() and not (prev.isalpha() and _glued_figure(work, s, e)):
        return e
    if prev in "-/" and s > 1 and work[s - 2].isalpha() and not _count_after_slash(work, s, e, raw):
        return e
    if _CODE_HYPHEN.search(work, max(0, s - 16), s):
        return e
    if len(raw) == 4 and raw.isdigit():
        iso = _ISO_TAIL.match(work, e)
        if iso and "1900" <= raw <= "2100":
            return iso.end()  # "2021-06", "2021-06-15"
    if _YEAR_MONTH.fullmatch(raw):
        return e  # "2021/06", "2021.06"
    glued: str | None = None
    if e < len(work) and work[e].isalnum():
        g = _GLUED.match(work, e)
        token = g.group() if g else work[e]
        glues = token.lower() in _GLUED_UNITS or token in _GLUED_AS_WRITTEN
        numeric = raw.replace(".", "").replace(",", "").isdigit()
        if numeric and _SCALE_GLUED.match(work, e):
            pass  # "2,37triệu lượt": a scale word with its space lost reads as written apart
        elif not glues or not numeric:
            return e + len(token)
        else:
            glued = token.lower()  # "5ha"
    if ":" in raw or _CODE_AFTER.match(work, e):
        return e
    toks = _tokens_before(work, s)
    if "/" in raw:
        return _fraction(work, s, e, raw, toks) or e
    try:
        dec = _parse_decimal(raw)
    except ValueError:
        return e  # "24.2.2023", "1,2,3", absurdly long digit strings
    if _cue(toks, _DATE_CUES) and _date_like(raw) and not _cue(toks, _NOT_DATE_CUES):
        tail = _DATE_TAIL.match(work, e)  # "ngày 26-11", "tháng 7"
        return tail.end() if tail else e
    if _excluded_context(work, toks, e, raw, dec):
        # "2021 - 2025"; a named number's own second part ("chương trình 50 – 50")
        tail = (_YEAR_TAIL if _is_year(dec, raw) else _NAME_TAIL).match(work, e)
        return tail.end() if tail else e
    if glued is not None:
        quals = _qualifiers(toks, one=dec == 1)
        end = e + len(glued)
        if work.startswith("/", end) and (base_end := _base_at(work, end)) is not None:
            glued, end = glued + work[end:base_end].lower(), base_end  # "51tạ/ha": a rate
        return _Found(
            start=quals[-1][0] if quals else s,
            end=end,
            num_start=s,
            num_end=e,
            value=float(dec),
            unit=glued,
            qualifier=_qualifier_of([p for _, p in quals]),
        )
    return _number(work, s, e, dec, toks)


def _glued_figure(work: str, s: int, e: int) -> bool:
    """Digits glued to a lower-case word ("sản54 tỷ", a lost space) are a figure when a
    scale word, money or '%' follows; codes ("H5N1", "SARS-CoV-2", "covid19") are not."""
    lo = s
    while lo > 0 and s - lo < 20 and work[lo - 1].isalpha():
        lo -= 1
    word = work[lo:s]
    if (
        len(word) < 2
        or not word.islower()
        or word in _CODE_WORDS
        or word in _GLUED_UNITS
        or (lo > 0 and (work[lo - 1].isalnum() or work[lo - 1] in "-/_"))
    ):
        return False
    if e < len(work) and (work[e].isalnum() or work[e] in "-/"):
        return False
    return bool(_PCT.match(work, e) or _MONEY.match(work, e) or _SCALE.match(work, e))


def _fraction(work: str, s: int, e: int, raw: str, toks: list[tuple[str, int]]) -> _Found | None:
    """Fractions like "16/16 chỉ tiêu"; None for dates ("26/11", "12/2023") and codes."""
    parts = raw.split("/")
    if len(parts) != 2:
        return None
    try:
        a, b = _parse_decimal(parts[0]), _parse_decimal(parts[1])
    except ValueError:
        return None
    if b == 0 or _is_year(b, parts[1]):
        return None
    if _cue(toks, _DATE_CUES) or _doc_cue(toks) or _cue(toks, _FURNITURE_CUES, colon=True):
        return None
    if a == 1 and b >= 100 and _cue(toks, _MAP_SCALE_CUES):
        return None  # "tỷ lệ 1/500", "tỉ lệ bản đồ 1/2.000": a map's scale
    mult, pos = _scale_at(work, e)
    kind: QuantityKind
    if mult != 1:
        # "1,2/1 tỷ đồng", "10.880/12.800 tỷ đồng": a result and its plan, the scale word
        # (and the money) after the plan serving both
        unit, kind, end = _unit_at(work, pos)
        if kind == "percent":
            return None
        kind = "money" if kind == "money" else "count"
    else:
        unit, kind, end = _unit_at(work, e)
        if kind != "count":
            unit, end = None, e
        if unit is None and _is_day_month(a, b):
            return None
        kind = "fraction"
    quals = _qualifiers(toks)
    return _Found(
        start=quals[-1][0] if quals else s,
        end=end,
        num_start=s,
        num_end=e,
        value=float(a * mult),
        unit=unit,
        qualifier=_qualifier_of([p for _, p in quals]),
        kind=kind,
        denominator=float(b * mult),
    )


def _short_money_at(work: str, pos: int) -> tuple[Decimal, int, str] | None:
    """A scale and the money in one short word at ``pos`` ("120 trđ", "5 tr.đồng/người"):
    (multiplier, end, unit)."""
    m = _MONEY_ABBREVIATION.match(work, pos)
    if m is None:
        return None
    word = re.sub(r"\s+", " ", m.group("a").lower())
    return _MONEY_ABBREVIATIONS[word], m.end(), "đồng" + m.group("per").lower()


_COMPOUND_REST = re.compile(rf"{_SP}+(?P<n>[0-9]{{1,3}})(?![0-9.,])")


_THOUSAND, _MILLION = Decimal(1000), Decimal(1_000_000)


def _number(work: str, s: int, e: int, dec: Decimal, toks: list[tuple[str, int]]) -> _Found | int:
    """A single number or a range starting at ``work[s:e]``, with scale, unit, qualifier."""
    mult, pos = _scale_at(work, e)
    num_end, range_start = e, s
    short_money: str | None = None  # "đồng" and its base, when a short word gave the scale
    if mult == 1 and (short := _short_money_at(work, e)):
        mult, pos, short_money = short
    if mult > 1 and (rest := _COMPOUND_REST.match(work, pos)):
        # "4 tỷ 960 triệu đồng", "1 triệu 200 nghìn": a smaller scale's count after the
        # larger one adds to it
        try:
            dec2 = _parse_decimal(rest.group("n"))
        except ValueError:
            dec2 = None
        mult2, pos2 = _scale_at(work, rest.end("n"))
        if dec2 is not None and 1 < mult2 < mult and dec2 * mult2 < mult:
            dec += dec2 * mult2 / mult
            num_end, pos = rest.end("n"), pos2
        elif (
            dec2 is not None
            and mult == _THOUSAND
            and mult2 >= _MILLION
            and dec == dec.to_integral_value()
            and 0 <= dec2 < _THOUSAND
        ):
            # "44 nghìn 318 tỷ đồng": thousands of the larger scale that follows
            dec, mult = dec * mult + dec2, mult2
            num_end, pos = rest.end("n"), pos2
    pct1 = _PCT.match(work, pos)
    dec_max: Decimal | None = None
    mult_max = mult
    glued_unit: str | None = None
    rm = _RANGE.match(work, pct1.end() if pct1 else pos)
    if rm:
        try:
            dec2: Decimal | None = _parse_decimal(rm.group("n"))
        except ValueError:
            dec2 = None
        e2 = rm.end("n")
        if not pct1 and dec2 is not None and mult == 1:
            tail = _DAY_RANGE_TAIL.match(work, e2)
            days = dec == dec.to_integral_value() and dec2 == dec2.to_integral_value()
            if tail and days and 1 <= dec < dec2 <= 31:
                return tail.end()  # "từ 27 đến 31-12-2018": days of a month, a date
            if not rm.group("w") and 1 <= dec <= 12 and _is_year(dec2, rm.group("n")):
                return e2  # "12-2018": a month of a year
        glued = e2 < len(work) and (work[e2].isalpha() or bool(_CODE_AFTER.match(work, e2)))
        if glued and not pct1 and mult == 1 and rm.group("n").replace(".", "").isdigit():
            g = _GLUED.match(work, e2)
            if g and g.group().lower() in _GLUED_UNITS:  # "800 -1.000ha": ha for both
                glued, glued_unit = False, g.group().lower()
        if dec2 is not None and not glued:
            own2, pos2 = _scale_at(work, e2) if glued_unit is None else (Decimal(1), e2)
            if own2 == 1 and glued_unit is None and (short2 := _short_money_at(work, e2)):
                own2, pos2, short_money = short2  # "từ 100 đến 120 trđ"
            lo = mult if mult != 1 else own2  # "từ 26 đến 27 nghìn": the scale serves both
            hi = own2 if own2 != 1 else mult
            pct2 = _PCT.match(work, pos2)
            chained = _DASH_NEXT.match(work, pct2.end() if pct2 else pos2) or (
                not rm.group("w") and _DASH_BEFORE.search(work, max(0, s - 16), s)
            )
            if dec * lo < dec2 * hi and (not pct1 or pct2) and not chained:
                dec_max, mult, mult_max = dec2, lo, hi
                num_end, pos = e2, pos2
                tu = _cue(toks, _TU)
                if tu:
                    range_start = tu[1]
            elif not rm.group("w") and _is_day_month(dec, dec2):
                return e2  # "26-11" is a date
            else:
                glued_unit = None
    if glued_unit is not None:
        unit, kind, end = glued_unit, "count", pos + len(glued_unit)
    elif short_money is not None:
        unit, kind, end = short_money, "money", pos
    else:
        unit, kind, end = _unit_at(work, pos)
    if (
        mult == 1
        and dec_max is None
        and unit in _WHOLE_UNITS
        and _EN_THOUSANDS.fullmatch(work, s, e)
        and not _PER_AFTER.match(work, end)
    ):
        dec *= 1000  # "21,700 người": English thousands (no one counts 21.7 people)
    value = float(dec * mult)
    value_max = float(dec_max * mult_max) if dec_max is not None else None
    if not math.isfinite(value) or (value_max is not None and not math.isfinite(value_max)):
        return e
    left = toks if range_start == s else _tokens_before(work, range_start)
    per_one = dec == 1 and dec_max is None and kind == "count" and unit is not None
    quals = _qualifiers(left, one=per_one)
    qualifier = _qualifier_of([p for _, p in quals])
    tro = _TRO.match(work, end)
    if tro:  # "16.000 lao động trở lên"
        qualifier = "over" if tro.group("d").lower() == "lên" else "under"
        end = tro.end()
    elif kind == "percent" and dec_max is None:
        plan = _plan(work, s, e, end, dec, toks)
        if plan is not None:
            return plan
    return _Found(
        start=quals[-1][0] if quals else range_start,
        end=end,
        num_start=s,
        num_end=num_end,
        value=value,
        value_max=value_max,
        unit=unit,
        qualifier=qualifier,
        kind=kind,
    )


def _plan(
    work: str, s: int, e: int, end: int, dec: Decimal, toks: list[tuple[str, int]]
) -> _Found | None:
    """A plan phrase around the percentage ``work[s:e]`` whose '%' ends at ``end``;
    ``toks``: the tokens before ``s``."""
    quals = _qualifiers(toks)
    after = _PLAN_AFTER.match(work, end)
    if after is None and (shut := _CLOSE.match(work, end)):
        # "phát triển thêm 9.942 hội viên mới (đạt 164,88%) so với chỉ tiêu đề ra"
        after = _PLAN_AFTER.match(work, shut.end())
    if after:
        phrase_end = after.end()
        vuot = next((i for i, (_, p) in enumerate(quals) if p == "vượt"), None)
        if vuot is not None:  # "vượt 33,3 % kế hoạch năm" -> 133.3, "vượt trên 6%" too
            start, value = quals[vuot][0], dec + 100
            rest = quals[:vuot] + quals[vuot + 1 :]
        else:  # "đạt 105,4% kế hoạch" -> 105.4
            cur = quals[-1][0] if quals else s
            left = _tokens_before(work, cur)
            if _cue(left, _PLAN_BLOCKS):
                return None  # "tăng 5% so với kế hoạch" is a change, not a share of plan
            verb = _cue(left, _PLAN_VERBS)
            start = verb[1] if verb else cur
            value, rest = dec, quals
    elif (
        # a share that exceeded the plan is over 100 % ("đạt hơn 33%, vượt kế hoạch" is a rate)
        dec > 100
        and (exceeded := _PLAN_EXCEEDED_AFTER.match(work, end))
        and (verb := _cue(_tokens_before(work, quals[-1][0] if quals else s), _PLAN_VERBS))
        and not any(p == "vượt" for _, p in quals)
    ):
        start, phrase_end, value, rest = verb[1], exceeded.end(), dec, quals
    elif (
        # over 100 % in brackets of its own after a figure ("điều trị nội trú hơn 3.720 lượt
        # người (đạt 135%)"), or right after a count with nothing after it ("Tổng số lượt khám
        # bệnh là 19.704 đạt 115,9%;", "gần 571.000 lượt bệnh nhân, đạt 257%."), is the
        # figure's share of plan (no rate of coverage is over 100 %)
        dec > 100
        and (verb := _cue(_tokens_before(work, quals[-1][0] if quals else s), _PLAN_VERBS))
        and not any(p == "vượt" for _, p in quals)
        and (
            (_CLOSE.match(work, end) and work[: verb[1]].rstrip().endswith("("))
            or (
                _BARE_SHARE_END.match(work, end)
                and _COUNT_BEFORE.search(work, max(0, verb[1] - 40), verb[1])
            )
        )
    ):
        start, phrase_end, value, rest = verb[1], end, dec, quals
    elif (
        # "đạt 92,5%, vượt 0,5% chỉ tiêu", "1.244 hộ ... (vượt 275,2% chỉ tiêu)": exceeding the
        # quota by a share, after a figure of its clause, is that figure's share of plan (with
        # no figure before, "vượt 15,26% chỉ tiêu Bộ giao" names a result of its own)
        (vuot := next((i for i, (_, p) in enumerate(quals) if p == "vượt"), None)) is not None
        and (quota := _QUOTA_AFTER.match(work, end))
        and _figure_in_clause_before(work, quals[vuot][0])
    ):
        start, phrase_end, value = quals[vuot][0], quota.end(), dec + 100
        rest = quals[:vuot] + quals[vuot + 1 :]
    else:
        vk = None if quals else _cue(toks, _VUOT_KH)
        if vk is None:
            return None
        start, phrase_end, value, rest = vk[1], end, dec + 100, []
    return _Found(
        start=start,
        end=phrase_end,
        num_start=s,
        num_end=e,
        value=float(value),
        unit="%",
        qualifier=_qualifier_of([p for _, p in rest]),
        kind="plan",
        stated=float(dec),
    )


# ----------------------------------------------------------------------------- public


def _to_quantity(text: str, f: _Found, offsets: list[int] | None) -> Quantity:
    if offsets is None:
        start, end, ns, ne = f.start, f.end, f.num_start, f.num_end
    else:
        start, ns = offsets[f.start], offsets[f.num_start]
        end, ne = _map_end(text, offsets, f.end), _map_end(text, offsets, f.num_end)
    return Quantity(
        start=start,
        end=end,
        num_start=ns,
        num_end=ne,
        text=text[start:end],
        value=f.value,
        value_max=f.value_max,
        unit=f.unit,
        qualifier=f.qualifier,
        kind=f.kind,
        denominator=f.denominator,
        stated=f.stated,
    )


def _map_end(text: str, offsets: list[int], end: int) -> int:
    """Original offset just past normalised char ``end - 1`` (and its combining marks)."""
    j = offsets[end - 1] + 1
    while j < len(text) and unicodedata.combining(text[j]):
        j += 1
    return j


def counted(q: Quantity) -> str:
    """What a count counts: its unit before a rate's slash ("tiêu chí/xã" -> "tiêu chí");
    money keeps its whole unit ("đồng/người" is not "đồng")."""
    unit = (q.unit or "").lower()
    return unit if q.kind == "money" else unit.split("/")[0]


def same_counted(q: Quantity, other: Quantity) -> bool:
    """Do two quantities count the same kind of thing? "vụ" and "vụ án", "tiêu chí" and
    "tiêu chí/xã" do; "bị can" and "bị cáo" do not."""
    a, b = counted(q), counted(other)
    return (
        q.kind == other.kind
        and bool(a)
        and (a == b or a.startswith(b + " ") or b.startswith(a + " "))
    )


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` in order, plan phrases included as kind "plan".

    Results for short texts (quotes, sentences) are memoised: grounding, the re-ask
    validator and the checks parse the same evidence several times per article."""
    if not text:
        return []
    if len(text) <= _MEMO_MAX_CHARS:
        return list(_find_memo(text))
    return _find(text)


_MEMO_MAX_CHARS = 20_000


@functools.lru_cache(maxsize=8192)
def _find_memo(text: str) -> tuple[Quantity, ...]:
    return tuple(_find(text))


def _find(text: str) -> list[Quantity]:
    if unicodedata.is_normalized("NFC", text) and not has_invisible(text):
        return [_to_quantity(text, f, None) for f in _scan(text)]
    work, offsets = normalize_with_map(text)
    return [_to_quantity(text, f, offsets) for f in _scan(work)]


def parse_quantity(s: str) -> Quantity | None:
    """The first quantity in ``s`` (or None)."""
    found = find_quantities(s)
    return found[0] if found else None


def find_plan_pcts(text: str) -> list[Quantity]:
    """Plan phrases only: "đạt 105,4% kế hoạch" -> 105.4, "vượt 14,1% kế hoạch" -> 114.1."""
    return [q for q in find_quantities(text) if q.kind == "plan"]


def values_in(text: str) -> set[float]:
    """Every figure ``text`` states: values, range ends, denominators and, for plan
    phrases, both the normalised and the written percentage (133.3 and 33.3)."""
    out: set[float] = set()
    for q in find_quantities(text):
        for v in (q.value, q.value_max, q.denominator, q.stated):
            if v is not None:
                out.add(v)
    return out


def mentions_value(text: str, value: float, rel_tol: float = 1e-9) -> bool:
    """Whether ``text`` states ``value`` (as any figure of :func:`values_in`)."""
    return any(math.isclose(v, value, rel_tol=rel_tol, abs_tol=1e-9) for v in values_in(text))


def _fmt_int(n: int, sep: str) -> str:
    digits = str(n)
    if not sep:
        return digits
    groups = []
    while len(digits) > 3:
        groups.append(digits[-3:])
        digits = digits[:-3]
    groups.append(digits)
    return sep.join(reversed(groups))


def _plain_strings(d: Decimal) -> set[str]:
    d = d.normalize()
    sign, _, exp = d.as_tuple()
    if sign:
        return set()
    if isinstance(exp, int) and exp >= 0:
        n = int(d)
        out = {_fmt_int(n, ""), _fmt_int(n, ".")}
        if 0 < n < 10:
            out.add(f"0{n}")  # "04 cá nhân"
        return out
    int_part = int(d)
    frac = format(d - int_part, "f").split(".")[1]
    out = set()
    for sep in ("", "."):
        out.add(f"{_fmt_int(int_part, sep)},{frac}")
    if len(frac) != 3:  # "3.5" is English for 3,5; "15.325" is Vietnamese for 15325
        out.add(f"{int_part}.{frac}")
    return out


def number_strings(value: float) -> set[str]:
    """Ways Vietnamese text may write ``value``: 15325 -> {"15.325", "15325", "15,325 nghìn"
    ...}, 67.7 -> {"67,7", "67.7"}, 5.3e9 -> {"5,3 tỷ", "5,3 tỉ", "5.300 triệu", ...}.
    Scaled forms are given where the mantissa has at most 3 decimals."""
    if not math.isfinite(value) or value < 0:
        return set()
    d = Decimal(repr(float(value)))
    out = _plain_strings(d)
    scales = [
        (Decimal(1000), ("nghìn", "ngàn")),
        (Decimal(1_000_000), ("triệu",)),
        (Decimal(1_000_000_000), ("tỷ", "tỉ")),
        (Decimal(10**12), ("nghìn tỷ", "ngàn tỷ")),
    ]
    for scale, words in scales:
        mant = (d / scale).normalize()
        exp = mant.as_tuple().exponent
        if mant < Decimal("0.1") or (isinstance(exp, int) and exp < -3):
            continue
        for m in _plain_strings(mant):
            if m.startswith("0") and len(m) > 1 and m[1].isdigit():
                continue
            for w in words:
                out.add(f"{m} {w}")
    return out
