"""Text utilities shared by the parser, grounding, rules and scoring.

Vietnamese text arrives in NFC or NFD, with non-breaking spaces and curly quotes.
Everything here keeps a map back to the original character offsets where it matters.
"""

from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")
_QUOTES = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u202f": " ",
    }
)


INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
"""Characters a page may carry that read as nothing: zero-width space and joiners, word
joiner, byte-order mark, soft hyphen ("15\u200b.325" is "15.325")."""
_INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")


def has_invisible(text: str) -> bool:
    """True when ``text`` carries an :data:`INVISIBLE` character."""
    return _INVISIBLE_RE.search(text) is not None


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def normalize(text: str) -> str:
    """NFC, unified quotes/dashes, collapsed whitespace, no invisible characters, stripped."""
    return _WS.sub(" ", _INVISIBLE_RE.sub("", nfc(text)).translate(_QUOTES)).strip()


def fold(text: str) -> str:
    """Lower-case and strip Vietnamese diacritics (đ -> d) for fuzzy comparison."""
    decomposed = unicodedata.normalize("NFD", normalize(text).lower())
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return stripped.replace("đ", "d")


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """Like :func:`normalize` (without strip), plus a map from each output char to its
    offset in ``text``. Keeps offsets valid for NFC input (the common case); NFD input
    maps each composed char to the offset of its first code point."""
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        chunk = unicodedata.normalize("NFC", text[i:j]).translate(_QUOTES)
        if chunk in INVISIBLE:
            pass
        elif chunk.isspace():
            if not out or out[-1] != " ":
                out.append(" ")
                offsets.append(i)
        else:
            for ch in chunk:
                out.append(ch)
                offsets.append(i)
        i = j
    return "".join(out), offsets


# "UBND TP. Hải Phòng", "TS. Nguyễn Văn A": an abbreviation's dot ends no sentence
ABBREVIATION_DOT = "".join(
    rf"(?<!\b{re.escape(a)}\.)" for a in ("TP", "Tp", "TS", "GS", "BS", "ThS", "PGS")
)
_SENT_END = re.compile(rf"(?<=[.!?;…]){ABBREVIATION_DOT}[\"'”’)]*\s+(?=[\"“(]?[A-ZÀ-Ỹ0-9Đ])|\n+")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of non-empty paragraphs (separated by newlines)."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            spans.append((m.start(), m.end()))
    return spans


# "... tư vấn pháp luật.Các Hội luật gia ...": a full stop a page lost its space after, between
# a lower-case word and a capitalised one ("TP.HCM", "Tp.Hồ Chí Minh" are no such words)
_GLUED_STOP = re.compile(r"(?<=[^\W\d_]{2}\.)(?=[^\W\d_]{2})")


def _glued_stop(text: str, m: re.Match[str]) -> bool:
    i = m.start()
    return text[i - 3 : i - 1].islower() and text[i].isupper() and text[i + 1].islower()


def sentences(text: str) -> list[tuple[int, int]]:
    """Spans of sentences: split at newlines and at '.', '!', '?', ';', '…' followed by
    whitespace and an upper-case letter or digit, and at a full stop glued between a
    lower-case word and a capitalised one. Decimal commas and thousands dots are never
    split because they are not followed by whitespace or a letter."""
    spans: list[tuple[int, int]] = []
    start = 0
    ends = [
        *_SENT_END.finditer(text),
        *(m for m in _GLUED_STOP.finditer(text) if _glued_stop(text, m)),
    ]
    for m in sorted(ends, key=lambda m: m.start()):
        if m.start() < start:
            continue
        if text[start : m.start()].strip():
            spans.append(_strip_span(text, start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append(_strip_span(text, start, len(text)))
    return spans


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """The span of the sentence containing offset ``pos``."""
    for s, e in sentences(text):
        if s <= pos < e:
            return s, e
    return 0, len(text)


# "Ngày 15/1/2024, Sở ... tổ chức hội nghị tổng kết": a date (day/month/year)
DATE = re.compile(
    r"(?<![\d/.])(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>(?:19|20)\d{2})"
    r"(?![\d/])"
)
# ... or a month ("Tính đến hết tháng 12/2023, BHXH tỉnh đã thu ...")
MONTH = re.compile(
    r"tháng\s+(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>(?:19|20)\d{2})(?![\d/])", re.IGNORECASE
)


def reviewed_by_date(month: int, year: int) -> int | None:
    """The year a review dated ``month``/``year`` reviews: that year from October, the year
    before up to April, None in between."""
    if not 1 <= month <= 12:
        return None
    return year if month >= 10 else year - 1 if month <= 4 else None


def years_reviewed_by_dates(text: str) -> set[int]:
    """Every year a day/month/year date in ``text`` makes a review's year
    (:func:`reviewed_by_date`): "Sáng 3/1/2019, ... hội nghị tổng kết" -> {2018}."""
    years = (
        reviewed_by_date(int(m.group("month")), int(m.group("year"))) for m in DATE.finditer(text)
    )
    return {y for y in years if y is not None}
