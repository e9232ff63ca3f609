"""The Vietnamese language layer: lexicon data and the code that reads it.

Everything the project knows about how Vietnamese articles write figures (scale words,
units, qualifiers, plan phrases, cues) lives here once, as data shipped with the package
(``extractor/vi/data/lexicon.json``); the test rows that pin each reading live next to
it (``extractor/vi/data/readings.json``, read by ``tests/test_vi.py``). A new phrasing is
one lexicon line plus one test row.

This package imports nothing from the rest of ``extractor``: numbers, rules, verify,
checks and the prompt read it.

- :func:`lexicon` the data; :func:`words` / :func:`phrase_map` typed views of one key.
- :func:`fold` the one folding function (NFC, lower-case, no diacritics, đ -> d).
- :data:`REL_TOL` / :func:`close` the one float tolerance.
- :func:`read_number_words` numbers written in words ("hai nghìn", "1 triệu 200 nghìn").
- :mod:`extractor.vi.formatting` the Vietnamese number formatter.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

REL_TOL = 1e-6
"""Relative tolerance for 'the same figure' everywhere (plus an absolute 1e-9)."""


def close(a: float | None, b: float | None) -> bool:
    """Equal within :data:`REL_TOL` (both None counts as equal, one None as different)."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-9)


def _data_dir() -> Any:
    try:
        return resources.files("extractor.vi").joinpath("data")
    except ModuleNotFoundError:  # pragma: no cover - a source tree that is not installed
        return Path(__file__).resolve().parent / "data"


@cache
def load_data(name: str) -> Any:
    """A JSON file of ``extractor/vi/data`` (package data)."""
    return json.loads(_data_dir().joinpath(name).read_text(encoding="utf-8"))


def lexicon() -> dict[str, Any]:
    """The whole lexicon (read once)."""
    return load_data("lexicon.json")  # type: ignore[no-any-return]


def entry(path: str) -> Any:
    """One entry by dotted path: ``entry("plan.share_verbs")``."""
    node: Any = lexicon()
    for part in path.split("."):
        node = node[part]
    return node


@cache
def words(path: str) -> frozenset[str]:
    """A word/phrase list of the lexicon as a frozenset (lower-case as stored)."""
    return frozenset(entry(path))


@cache
def phrase_map(path: str) -> dict[str, Any]:
    """A mapping entry of the lexicon (phrase -> reading)."""
    return dict(entry(path))


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn").replace("đ", "d")


def fold_char(ch: str) -> str:
    """One character folded: lower-case, diacritics removed, đ -> d ('' for a lone mark)."""
    return _fold_char(ch)


@cache
def _tone_pairs() -> tuple[dict[str, str], re.Pattern[str]]:
    """Lexicon ``tone_pairs``: the tone on the first vowel of "oa", "oe", "uy" ("hóa",
    "khỏe", "thủy") or on the second ("hoá", "khoẻ", "thuỷ"); both spellings are in use."""
    pairs: dict[str, str] = dict(entry("tone_pairs"))
    pairs.update({b: a for a, b in list(pairs.items())})
    return pairs, re.compile("|".join(pairs), re.IGNORECASE)


def one_tone_placement(text: str) -> str:
    """``text`` with every "oa", "oe", "uy" tone mark on the first vowel ("hoá" -> "hóa"),
    for comparing two spellings."""
    _, rx = _tone_pairs()
    first = {v: k for k, v in entry("tone_pairs").items()}  # second placement -> first
    return rx.sub(lambda m: first.get(m.group(), m.group()), text)


def tone_variants(pattern: str) -> str:
    """``pattern`` (a regex of lexicon words) matching both placements of a tone mark:
    "Thành ủy viên" -> "Thành (?:ủy|uỷ) viên", "hoá" -> "h(?:oá|óa)"."""
    pairs, rx = _tone_pairs()

    def both(m: re.Match[str]) -> str:
        found = m.group()
        other = pairs.get(found.lower(), found)
        if found[:1].isupper():
            other = other[:1].upper() + other[1:]
        return f"(?:{found}|{other})"

    return rx.sub(both, pattern)


def alternation(words: Iterable[str]) -> str:
    """Lexicon words as one regex alternation: longest first, any run of spaces between
    words, both placements of a tone mark (:func:`tone_variants`)."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(tone_variants(re.escape(w).replace(r"\ ", r"\s+")) for w in ordered)


def alternation_as_listed(words: Iterable[str]) -> str:
    """Lexicon words as one regex alternation in the order listed, any run of spaces between
    words and nothing else (no tone variants): a list moved out of a regex literal
    ("(?:với|cùng)"), read exactly as the literal read it."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


_WS = re.compile(r"\s+")


def fold(text: str) -> str:
    """THE folding function: NFC, lower-case, diacritics removed (đ -> d), whitespace
    collapsed to single spaces and stripped. For comparing words, never for offsets."""
    text = unicodedata.normalize("NFC", text)
    return _WS.sub(" ", "".join(_fold_char(c) for c in text)).strip()


@cache
def crop_season_before() -> re.Pattern[str]:
    """Lexicon ``crop_seasons``: a crop season right before a year ("vụ Hè Thu 2019",
    "Vụ xuân 2018"), searched in the text before the year."""
    return re.compile(rf"(?<!\w)(?:{alternation(entry('crop_seasons.words'))})\s+$", re.I)


@cache
def measured_against_before() -> re.Pattern[str]:
    """A result measured against a plan, ending right before a plan word ("đạt 113% so với
    [mục tiêu]", "vượt 4,29% chỉ tiêu [phấn đấu]"): the plan word names the yardstick, it plans
    nothing (lexicon ``plan``: share and excess verbs, plan nouns), searched in the text
    before the word."""
    plan = entry("plan")
    verbs = alternation([*plan["share_verbs"], *plan["excess_verbs"]])
    nouns = alternation([*plan["strict_nouns"], plan["strict_quota"]])
    return re.compile(
        rf"(?<!\w)(?:so\s+với|{verbs})(?:\s+(?:hơn\s+)?[\d.,]+\s*%)?(?:\s+(?:{nouns}))?\s*$",
        re.I,
    )


@cache
def _province_alias_rx() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple(
        (name, re.compile(r"(?<!\w)(?:" + "|".join(pats) + r")(?!\w)", re.I))
        for name, pats in entry("province_aliases").items()
    )


def province_aliases(text: str) -> list[tuple[str, int, int]]:
    """Short names of a province in ``text`` ("TP.HCM", "TPHCM"), each as (the province's
    name in the lexicon's ``provinces``, start, end)."""
    return [
        (name, m.start(), m.end()) for name, rx in _province_alias_rx() for m in rx.finditer(text)
    ]


def canonical_province(name: str) -> str:
    """A province's name as the lexicon lists it when ``name`` is a short name of it
    ("TP.HCM" -> "Hồ Chí Minh"); otherwise ``name`` unchanged."""
    for canonical, rx in _province_alias_rx():
        if rx.fullmatch(name.strip()):
            return canonical
    return name


@cache
def folded_words(path: str) -> frozenset[str]:
    """:func:`words` folded (for matching against folded text)."""
    return frozenset(fold(w) for w in entry(path))


# --------------------------------------------------------------------------- numbers in words

_NUM_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.UNICODE)


def written_number(token: str) -> float | None:
    """A number as Vietnamese writes it: '15.325' -> 15325, '67,7' -> 67.7, '1.234,5' ->
    1234.5, '200' -> 200; None for anything else ('15.5' included: not Vietnamese)."""
    return _digits(token.strip())


def _digits(token: str) -> float | None:
    """'1', '200', '1,5', '15.325' in Vietnamese notation (None if not a number)."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", token):
        return float(token.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d+(?:,\d+)?", token):
        return float(token.replace(",", "."))
    return None


def read_number_words(text: str) -> list[tuple[float, int, int]]:
    """Numbers written (partly) in words, with their spans: "hai nghìn" -> 2000,
    "1 triệu 200 nghìn" -> 1200000, "ba trăm năm mươi" -> 350, "mười lăm" -> 15.

    Only readings that a plain digit parser cannot give are returned: a compound of
    several scale groups, or at least one number word. A lone "năm" (five, or year) is
    read only before a scale word or "mươi"/"trăm"."""
    nums = phrase_map("number_words")
    scales = phrase_map("scale_words")
    toks = [(m.group(), m.start(), m.end()) for m in _NUM_TOKEN.finditer(text)]
    out: list[tuple[float, int, int]] = []
    i = 0
    while i < len(toks):
        j, total, start, end = i, 0.0, toks[i][1], toks[i][1]
        group, pending = 0.0, None  # the current scale group; its last unit digit
        in_group = used_word = False
        groups = 0
        last_scale = math.inf
        while j < len(toks):
            tok, _, e = toks[j]
            low = tok.lower()
            d = _digits(tok)
            if d is not None:
                if in_group:
                    break  # two written numbers in a row: separate figures
                pending, in_group = d, True
            elif low in ("trăm", "mươi") and (in_group or low == "trăm"):
                group += (pending if pending is not None else 1) * nums[low]
                pending, in_group, used_word = None, True, True
            elif low == "mười":
                group += 10
                in_group = used_word = True
            elif low in ("linh", "lẻ") and in_group:
                used_word = True
            elif low == "rưỡi" and groups and not in_group:
                total += 0.5 * last_scale  # "1 triệu rưỡi": and a half (of the scale)
                used_word = True
                end = e
                j += 1
                break
            elif (
                low in nums
                and low not in ("linh", "lẻ", "rưỡi")
                and not (low == "năm" and not _word_follows(toks, j) and not _after_tens(toks, j))
            ):
                if pending is not None:
                    break
                pending, in_group, used_word = float(nums[low]), True, True
            elif low in scales and in_group:
                mult = scales[low]
                if mult >= last_scale:
                    break
                total += (group + (pending or 0)) * mult
                group, pending, in_group = 0.0, None, False
                last_scale = mult
                groups += 1
            else:
                break
            end = e
            j += 1
        total += group + (pending or 0)
        if j > i and (used_word or groups >= 2) and total > 0:
            out.append((total, start, end))
            i = j
        else:
            i = max(j, i + 1)
    return out


def _after_tens(toks: list[tuple[str, int, int]], j: int) -> bool:
    """The token before ``j`` is mươi/trăm/linh/lẻ (so "năm" means five)."""
    return j > 0 and toks[j - 1][0].lower() in ("mươi", "trăm", "linh", "lẻ")


def _word_follows(toks: list[tuple[str, int, int]], j: int) -> bool:
    """A scale word or mươi/trăm follows token ``j`` (so "năm" means five)."""
    if j + 1 >= len(toks):
        return False
    nxt = toks[j + 1][0].lower()
    return nxt in phrase_map("scale_words") or nxt in ("mươi", "trăm")


__all__ = [
    "REL_TOL",
    "alternation_as_listed",
    "close",
    "entry",
    "fold",
    "fold_char",
    "folded_words",
    "lexicon",
    "load_data",
    "phrase_map",
    "read_number_words",
    "written_number",
    "words",
]
