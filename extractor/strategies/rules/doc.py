"""The document: sentence and paragraph spans, year mentions, the reading form (NFC, plain
spaces) and its offset map."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from extractor import vi
from extractor.strategies.rules.common import _I, _alt
from extractor.text import INVISIBLE, paragraphs, sentences


class _Spans:
    """Sentence and paragraph spans with fast lookup."""

    def __init__(self, text: str) -> None:
        self.sents = _joined_lists(text, sentences(text))
        self.paras = paragraphs(text)
        self._s_starts = [s for s, _ in self.sents]
        self._p_starts = [s for s, _ in self.paras]

    def sent_idx(self, pos: int) -> int:
        return max(0, bisect_right(self._s_starts, pos) - 1)

    def para_idx(self, pos: int) -> int:
        return max(0, bisect_right(self._p_starts, pos) - 1)


# an acronym opening a list item ("THCS: 86/135 trường"), not a sentence
_ACRONYM_START = re.compile(r"[A-ZĐ]{2,}(?![a-zà-ỹđ])")


def _joined_lists(text: str, sents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences, with one that a semicolon opens on an acronym ("...; trong đó, mầm non:
    61/224 trường; THCS: 86/135 trường") joined to the one before it: the next item of the
    same list."""
    out: list[tuple[int, int]] = []
    for s, e in sents:
        if (
            out
            and text[out[-1][1] - 1 : out[-1][1]] == ";"
            and "\n" not in text[out[-1][1] : s]
            and _ACRONYM_START.match(text, s)
        ):
            out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out


_YEAR = re.compile(r"(?<![\d/.,-])((?:19|20)\d{2})(?![\d/])")
_YEAR_PREFIX = re.compile(r"(?:năm|Năm|NĂM)(?:\s+học(?:\s+mới)?)?\s+$")  # "năm học mới 2023-2024"
_PERIOD_LEAD = re.compile(
    r"(?:^|[,;:.]\s*|\n)(?:(?:trong|tính\s+chung|lũy\s+kế|luỹ\s+kế|sau|qua)\s+)?(?:cả\s+)?"
    r"(?:giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ)\s+(?:từ\s+)?(?:năm\s+)?$",
    _I,
)
_PERIOD_PREFIX = re.compile(r"(?:giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ)\s+(?:từ\s+)?(?:năm\s+)?$", _I)
_DATE_BEFORE = re.compile(
    r"(?:tháng\s+\d{1,2}\s+năm\s+|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+)$", _I
)
_ASIDE_YEAR_BEFORE = re.compile(r"\(\s*(?:cùng\s+kỳ\s+)?năm(?:\s+học)?\s+$", _I)
_LEVEL_AFTER = re.compile(r"\s*(?:là|:|đạt|có|chỉ\s+có)(?!\w)", _I)
# "tương đương (với)", "ngang bằng" before a year: a comparison base like "so với" (lexicon)
YEAR_EQUAL_LEADS = _alt(vi.entry("year_equal_leads.words"))
_COMPARE_BEFORE = re.compile(
    r"(?:(?:so\s+với|cùng\s+kỳ|đầu|giai\s+đoạn|từ|so)(?:\s+\w+){0,3}"
    r"|(?:vượt\s+trội|cao\s+hơn|thấp\s+hơn|tăng|giảm)\s+với"  # "(vượt trội với năm 2022 là ...)"
    # "tốc độ tăng tương đương năm 2021": measured against that year (lexicon year_equal_leads)
    rf"|(?<!\w)(?:{YEAR_EQUAL_LEADS})"
    r"|(?:tăng|giảm|bằng|gấp|hơn)\s+[\d.,]+\s*%?(?:\s+\w+)?|\d\s*%)\s+năm(?:\s+học)?\s+$",
    _I,
)


@cache
def _horizon_before() -> re.Pattern[str]:
    """Lexicon ``year_horizon``: "(mục tiêu) đến năm Y", not "tính đến năm Y" (a level at the
    end of the reviewed year)."""
    h = vi.entry("year_horizon")
    return re.compile(rf"(?<!\w)(?<!{_alt(h['not_after'])}\s)(?:{_alt(h['leads'])})\s+năm\s+$", _I)


@cache
def _law_before() -> re.Pattern[str]:
    """Lexicon ``year_law_heads``: a law's year ("Luật Đất đai năm 2013", "sửa đổi, bổ sung năm
    2014") dates the law, not the results or the plan."""
    heads = _alt(vi.entry("year_law_heads"))
    # a law's name runs long and may hold a comma ("Luật Phòng, chống bạo lực gia đình năm
    # 2022"); "pháp luật" is law in general, "kỷ luật" discipline and "Hội Luật gia" a body,
    # not a law's name (lexicon year_law_nots; one look-behind per word, each its own width)
    nots = "".join(rf"(?<!{re.escape(w)}\s)" for w in vi.entry("year_law_nots.before"))
    nots += rf"(?!\w+\s+(?:{_alt(vi.entry('year_law_nots.after'))})(?!\w))"
    # a law's name never runs over a line ("... các luật có hiệu lực năm 2016\n\nNăm 2015, ...")
    return re.compile(
        rf"(?<!\w){nots}(?:{heads})(?:[^\S\n]+[^\s;.:()]+){{0,9}}[^\S\n]+năm[^\S\n]+$", _I
    )


_crop_season = vi.crop_season_before  # "vụ Hè Thu 2019": a crop season before its year


_RANGE_AFTER = re.compile(r"\s*[-–]\s*((?:19|20)\d{2})(?!\d)")
# "theo giá cố định năm 2010", "giá so sánh 2010": a price base, not a year of the figures
_PRICE_BASE = re.compile(r"giá\s+(?:cố\s+định|so\s+sánh|hiện\s+hành)(?:\s+năm)?\s+$", _I)


_HISTORY_BEFORE = 1991
"""A year before this one names a past event ("Địa điểm Chiến thắng Biên giới năm 1950"), not
the year of a figure in a review of 2014 or later."""


@dataclass(frozen=True)
class YearMention:
    """A year mentioned as "năm Y"; ``kind`` is "plain", "comparison", "range", "horizon" (a
    long-range goal's year, "đến năm 2030": it dates neither the results nor the plan),
    "law" (a law's year, "Luật Đất đai năm 2013") or "history" (an event's year long past,
    "Chiến thắng Biên giới năm 1950")."""

    start: int
    end: int
    year: int
    kind: str
    season: bool = False  # a crop season's year ("Vụ xuân 2018"): it dates its sentence only


def year_mentions(text: str) -> list[YearMention]:
    """Years written as "năm Y" (school years "năm học Y1-Y2" count as Y1), without dates."""
    out: list[YearMention] = []
    for m in _YEAR.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        period = _PERIOD_PREFIX.search(before)
        if _crop_season().search(before):
            # "vụ Đông - Xuân 2023-2024": the season of the later year, its harvest
            rng = _RANGE_AFTER.match(text, m.end())
            year = int(rng.group(1)) if rng else int(m.group(1))
            out.append(YearMention(m.start(), rng.end() if rng else m.end(), year, "plain", True))
            continue
        if not (_YEAR_PREFIX.search(before) or period) or _DATE_BEFORE.search(before):
            continue
        if _PRICE_BASE.search(before):
            continue
        year = int(m.group(1))
        end = m.end()
        kind = "plain"
        rng = _RANGE_AFTER.match(text, m.end())
        if rng:
            end = rng.end()
            if re.search(r"học(?:\s+mới)?\s+$", before):
                pass  # a school year "năm học 2019-2020" is its starting year (GUIDELINES §2)
            else:
                kind = "range"
        elif period:
            continue  # "giai đoạn 2021" without its end year: not a year of its own
        if kind == "plain" and (
            _COMPARE_BEFORE.search(before)
            # "(năm học 2016-2017 là 1,42%)": an earlier year's level in brackets
            or (_ASIDE_YEAR_BEFORE.search(before) and _LEVEL_AFTER.match(text, end))
        ):
            kind = "comparison"
        elif kind == "plain" and _horizon_before().search(before):
            kind = "horizon"
        elif kind == "plain" and _law_before().search(before):
            kind = "law"
        elif kind == "plain" and year < _HISTORY_BEFORE:
            kind = "history"
        out.append(YearMention(m.start(), end, year, kind))
    return out


# Horizontal spaces a page may carry (tab, no-break and thin spaces) read as one space, a run
# of them as one; invisible characters (extractor.text.INVISIBLE) as nothing:
# "15.325  người" and "15.325\u00a0người" read as "15.325 người".
_SPACES = " \t\u00a0\u2007\u2009\u200a\u202f\u3000"
_NEEDS_READING = re.compile(f"[{_SPACES}]{{2}}|[{_SPACES[1:]}{INVISIBLE}]")
# A line break inside a sentence (a caption or a text wrapped at a fixed width: "trao Bằng
# khen\ncho các tập thể") reads as a space: the line before it ends without a sentence's
# or a list's closing mark and the next line starts in lower case (a paragraph, a headline
# or an item starts in upper case, a digit or a dash).
_LINE_ENDS = ".:;!?…\n"
_WRAPPED = re.compile(r"[^\s.:;!?…][ \t]*\n[ \t]*([^\W\d_])")


# A text wrapped at a fixed width (copied from a PDF or an e-mail): most line breaks that
# are not blank lines come after a line of 60-120 characters with no closing mark. Then
# every such break is inside a sentence, whatever the next line starts with (but an item).
_WRAP_MIN, _WRAP_MAX, _WRAP_BREAKS = 60, 120, 5
# an item of a list opens its own line: "- ", "+ ", "• ", "1. ", "2) ", "a) "
_ITEM = re.compile(r"[ \t]*(?:[-–+•*]|\d{1,2}[.)]|[a-zđ]\))\s")


def _wrapped_text(text: str) -> bool:
    lines = [line.strip() for line in text.split("\n")]
    breaks = wraps = 0
    for a, b in zip(lines, lines[1:], strict=False):
        if a and b and not _ITEM.match(a) and not _ITEM.match(b):
            breaks += 1
            wraps += _WRAP_MIN <= len(a) <= _WRAP_MAX and a[-1] not in _LINE_ENDS
    return wraps >= _WRAP_BREAKS and 2 * wraps >= breaks


def _wrapped(text: str, newline: int, anywhere: bool = False) -> bool:
    """Whether the line break at ``newline`` (an index in ``text``) is inside a sentence:
    the next line starts in lower case, or (``anywhere``: a wrapped text) with anything but
    a blank line or an item's mark."""
    k = newline + 1
    while k < len(text) and text[k] in _SPACES:
        k += 1
    if k >= len(text) or _ITEM.match(text, k):
        return False
    return text[k].islower() or (anywhere and text[k] != "\n")


def _has_wrapped_line(text: str) -> bool:
    return any(m.group(1).islower() for m in _WRAPPED.finditer(text))


def _reading_form(text: str, wrapped: bool = False) -> tuple[str, list[int]]:
    """The text as the rules read it (NFC, one plain space for each run of horizontal
    spaces, no invisible characters, a line break inside a sentence as a space; ``wrapped``:
    a text wrapped at a fixed width) and, for each of its chars, the offset in ``text`` of
    the char it comes from (plus len(text) at the end)."""
    out: list[str] = []
    offsets: list[int] = []
    last = ""  # the last char read that is not a space
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        for ch in unicodedata.normalize("NFC", text[i:j]):
            if ch in INVISIBLE:
                continue
            if ch == "\n" and last and last not in _LINE_ENDS and _wrapped(text, i, wrapped):
                ch = " "
            if ch in _SPACES:
                if out and out[-1] == " ":
                    continue
                ch = " "
            else:
                last = ch
            out.append(ch)
            offsets.append(i)
        i = j
    offsets.append(n)
    return "".join(out), offsets


def _original_quote(quote: str, nfc: str, text: str, offsets: list[int]) -> str:
    start = nfc.find(quote)
    if start < 0:
        return quote
    return text[offsets[start] : offsets[start + len(quote)]]


class Document:
    """One text as every pass reads it: its reading form (``text``: NFC, one plain space for
    each run of spaces, no invisible characters), the map back to the original's offsets
    (``offsets``, empty when the two are the same), sentence and paragraph spans and year
    mentions, each computed once and shared by the passes (``memo`` holds a pass's own
    results, such as the award mentions that both the figures and the awards passes
    read)."""

    def __init__(self, text: str) -> None:
        self.original = text
        wrapped = _wrapped_text(text)
        if (
            wrapped
            or _NEEDS_READING.search(text)
            or not unicodedata.is_normalized("NFC", text)
            or _has_wrapped_line(text)
        ):
            self.text, self.offsets = _reading_form(text, wrapped)
        else:
            self.text, self.offsets = text, []
        self.is_verbatim = self.text == text
        self.memo: dict[str, Any] = {}

    @cached_property
    def spans(self) -> _Spans:
        return _Spans(self.text)

    @cached_property
    def year_mentions(self) -> list[YearMention]:
        return year_mentions(self.text)

    def original_quote(self, quote: str) -> str:
        """``quote`` (a slice of ``text``) as the original writes it."""
        if self.is_verbatim:
            return quote
        return _original_quote(quote, self.text, self.original, self.offsets)
