"""The header pass: title, province and sector."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from extractor import vi
from extractor.strategies.rules.common import (
    _DEPT_RX,
    _I,
    PROVINCES,
    SURNAMES,
    Span,
    _is_title_word,
    _trim_span,
)
from extractor.strategies.rules.doc import Document
from extractor.text import fold

# lower-case sector words after "ngành" ("ngành giáo dục", "ngành y tế").
_SECTOR_LOWER = {
    "lao động - thương binh và xã hội": "Lao động - Thương binh và Xã hội",
    "giáo dục": "Giáo dục và Đào tạo",
    "giáo dục và đào tạo": "Giáo dục và Đào tạo",
    "nông nghiệp": "Nông nghiệp và Phát triển nông thôn",
    "y tế": "Y tế",
    "công thương": "Công Thương",
    "tài chính": "Tài chính",
    "xây dựng": "Xây dựng",
    "tư pháp": "Tư pháp",
    "nội vụ": "Nội vụ",
}


_DATELINE = re.compile(
    r"^(?:thứ\s+\w+|chủ\s+nhật|ngày|sáng|chiều|tối|\(?\d{1,2}[/:-]\d{1,2}|\d{1,2}\s+tháng)", _I
)
_FURNITURE_LINE = re.compile(
    r"^(?:đường\s+dây\s+nóng|hotline|điện\s+thoại|email|fax|trang\s+chủ|chia\s+sẻ|in\s+bài"
    r"|cỡ\s+chữ|lượt\s+xem|bình\s+luận|tin\s+liên\s+quan|cùng\s+chuyên\s+mục)\b",
    _I,
)


# the fewest words of a headline written in capitals (bylines and section names have fewer)
_CAPS_HEADLINE_WORDS = 6


def _title_span(text: str) -> Span | None:
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    for a, b in lines[:3]:
        line = text[a:b].strip()
        if (_DATELINE.match(line) and len(line) < 80) or (
            line.isupper() and len(line) < 80 and len(line.split()) < _CAPS_HEADLINE_WORDS
        ):
            # a byline or a section name in capitals ("NGUYÊN ĐOAN", "BÀI VÀ ẢNH: NGỌC
            # TRÂM"); a longer line in capitals is a headline ("SỞ Y TẾ TỔNG KẾT CÔNG TÁC
            # NĂM 2023")
            continue
        if _FURNITURE_LINE.match(line) or (len(line) < 60 and re.search(r"(?:\d[ .]?){8,}", line)):
            continue
        words = line.split()
        if (
            4 <= len(words) <= 40
            and len(line) <= 250
            and not line.endswith((".", "…", ";", ":", ","))
            and line[0].isupper()
        ):
            return _trim_span(text, a, b) if text[a:b].strip() == line else (a, b)
        return None
    return None


def find_title(text: str) -> str | None:
    """The headline: the first line when it is short and has no final period (datelines and
    bylines before it are skipped)."""
    return title_of(Document(text))


def title_span_of(doc: Document) -> Span | None:
    """The headline's span in ``doc.text``, found once per document."""
    if "title_span" not in doc.memo:
        doc.memo["title_span"] = _title_span(doc.text)
    return doc.memo["title_span"]


def title_of(doc: Document) -> str | None:
    """:func:`find_title` of a :class:`Document` (its NFC text)."""
    span = title_span_of(doc)
    return doc.text[span[0] : span[1]].strip() if span else None


_GOVERNED_ONLY = frozenset(vi.entry("governed_provinces"))
_PROVINCE_OF = {re.sub(r"[\s\-–—]+", " ", fold(p)): p for p in PROVINCES}
_PROVINCE_RX = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        re.escape(k).replace(r"\ ", r"[\s\-–—]+")
        for k in sorted(_PROVINCE_OF, key=len, reverse=True)
    )
    + r")(?!\w)"
)


def find_province(text: str) -> str | None:
    """A province named in the text ("tỉnh Long An", "ngành ... Lâm Đồng"), else None."""
    folded = _fold_aligned(text)
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in _PROVINCE_RX.finditer(folded):
        p = _PROVINCE_OF[re.sub(r"[\s\-–—]+", " ", m.group())]
        orig = text[m.start() : m.end()]
        if not orig[:1].isupper() or (" " not in p and not _same_spelling(orig, p)):
            # a one-word name ("Huế") must be spelled as such: "Bích Huệ" (a person) folds
            # like it; longer names keep their variants ("Đăk Lăk", "Bắc Cạn")
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        governed = re.search(r"(?:tỉnh|thành\s+phố|TP\.?|Tp\.?)\s*$", before, _I)
        prev_run: list[str] = []
        if before.endswith(" "):
            for w in reversed(before.split()):
                if not _is_title_word(w):
                    break
                prev_run.insert(0, w)
        # inside a person's name ("Nguyễn Thái Bình"), not a place
        if not governed and prev_run and prev_run[-3:][0].lower() in SURNAMES:
            continue
        # a name that is also a person's or an organisation's ("Chủ tịch Hồ Chí Minh",
        # "Đoàn TNCS Hồ Chí Minh") is the province only after "thành phố"/"TP"
        if not governed and p in _GOVERNED_ONLY:
            continue
        weight = 3 if governed else 1
        counts[p] += weight
        first.setdefault(p, m.start())
    # "TP.HCM": the city named in short, counted between a bare and a governed name (a
    # Hà Tĩnh review welcoming workers "từ TP.HCM" names Hà Tĩnh twice)
    for p, start, _ in vi.province_aliases(text):
        counts[p] += 2
        first[p] = min(first.get(p, start), start)
    if not counts:
        return None
    # "Huế" alone also matches "Thừa Thiên Huế"
    if "Thừa Thiên Huế" in counts:
        counts.pop("Huế", None)
    return max(counts, key=lambda p: (counts[p], -first[p]))


def _spelling(name: str) -> str:
    name = re.sub(r"[\s\-–—]+", " ", unicodedata.normalize("NFC", name).lower()).strip()
    return vi.one_tone_placement(name)


def _same_spelling(orig: str, province: str) -> bool:
    """Whether the text spells ``province`` with its diacritics (either tone placement), or
    without any (a text typed without diacritics)."""
    return orig.isascii() or _spelling(orig) == _spelling(province)


class _FoldTable(dict[int, str]):
    """str.translate table: a char -> its lower-case base letter (same length)."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = unicodedata.normalize("NFD", ch)[:1] or ch
        low = base.lower()[:1] or base
        self[code] = "d" if low == "đ" else low
        return self[code]


_FOLD_TABLE = _FoldTable()


def _fold_aligned(text: str) -> str:
    """Lower-case, diacritic-free copy of ``text`` with the same length (NFC input)."""
    return text.translate(_FOLD_TABLE)


def find_sector(text: str) -> str | None:
    """The department reviewed, from "Sở <X>" / "ngành <X>" (the most frequent)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in re.finditer(r"(?<!\w)(?:Sở|ngành|Ngành|NGÀNH|SỞ)\s+", text):
        for canon, rx in _DEPT_RX:
            if rx.match(text, m.end()):
                counts[canon] += 1
                first.setdefault(canon, m.start())
                break
        else:
            low = text[m.end() : m.end() + 40].lower()
            for k in sorted(_SECTOR_LOWER, key=len, reverse=True):
                if low.startswith(k) and not low[len(k) : len(k) + 1].isalpha():
                    counts[_SECTOR_LOWER[k]] += 1
                    first.setdefault(_SECTOR_LOWER[k], m.start())
                    break
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], -first[c]))
