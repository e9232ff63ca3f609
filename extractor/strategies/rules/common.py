"""Shared vocabulary and regex helpers of the rules passes (word shapes, names, places)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from extractor import vi
from extractor.numbers import Quantity, parse_number
from extractor.text import fold

Label = Literal["achievement", "target", "skip"]
Span = tuple[int, int]

_I = re.IGNORECASE
_UP = "A-ZÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
_CAP = rf"(?-i:[{_UP}])"  # an upper-case letter, even under re.IGNORECASE
_LOWER = rf"(?-i:(?![{_UP}])[^\W\d_])"  # a lower-case letter, even under re.IGNORECASE
_W0 = r"(?<!\w)"  # word start
_W1 = r"(?!\w)"  # word end
# the modal "cần" (need), not "hậu cần" (logistics), "cần thiết", "cần cù", "cần mẫn"; case
# kept so that "Cần Thơ" is no modal
MODAL_CAN = r"(?<!hậu\s)(?-i:cần)(?!\s+(?:thiết|cù|mẫn))"


def _alt(words: list[str] | tuple[str, ...]) -> str:
    """Regex alternation, longest first, flexible inner whitespace."""
    return vi.alternation(words)


def _rx(words: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"{_W0}(?:{_alt(words)}){_W1}", _I)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


# the word that opens a place's name ("huyện", "thị xã", "TP"), lexicon place_heads
PLACE_HEAD = rf"(?:{vi.alternation_as_listed(vi.entry('place_heads'))})"

# Vietnamese department / ministry names (general knowledge), canonical form first.
DEPARTMENTS: dict[str, list[str]] = vi.phrase_map("departments")
_DEPT_RX = [
    (canon, re.compile(r"(?:" + "|".join(pats) + r")" + _W1)) for canon, pats in DEPARTMENTS.items()
]
_DEPT_ANY_RX = re.compile(r"(?:" + "|".join("|".join(p) for p in DEPARTMENTS.values()) + r")")


# The 63 provinces and centrally-run cities (and older/alternate spellings).
PROVINCES: tuple[str, ...] = tuple(vi.entry("provinces"))

# Common Vietnamese family names (general knowledge), used to find where a name starts.
SURNAMES: frozenset[str] = _wordset(
    """nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đào đoàn vương
    trịnh trương lâm phùng mai tô hà tạ lương đinh cao quách thái lưu hứa chu kiều tăng văn
    triệu thân kim đàm lại nghiêm mạc từ châu giang lạc khúc ông cù diệp hàn la lò lục nông
    mã quan quản sầm tôn trang viên vi bế hầu đồng giàng sùng thào vàng lầu mùa hờ ksor rơ
    điểu thạch danh chau sơn kha lữ lăng âu ninh hoa phí ma lã quàng điêu bàn triệu lường
    nhữ khổng tống doãn đới đàng trượng thiều ưng yên ngọ chế y vừ tráng chảo phàn tẩn sần lù
    kpă siu nay rahlan puih rcom niê êban mlô byă ayun"""
)

# Position heads; longest first so "Phó Giám đốc" wins over "Giám đốc".
_HEAD_WORDS: list[str] = list(vi.entry("position_heads"))
_HEAD = rf"(?:(?:Phó|Quyền|Q\.)\s+)?(?:{_alt(_HEAD_WORDS)})"
_HEAD_RX = re.compile(rf"{_W0}{_HEAD}{_W1}")
_HEAD_RX_I = re.compile(rf"{_W0}{_HEAD}{_W1}", _I)


def _is_title_word(w: str) -> bool:
    """ "Nguyễn", "Y", "H'Bia" (not "UBND", not "tỉnh")."""
    parts = re.split(r"['’]", w)
    return all(
        p and p.isalpha() and p[0].isupper() and (len(p) == 1 or p[1:].islower()) for p in parts
    )


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_TOKEN = re.compile(rf"{_CAP}(?:\.{_CAP})+\.?|[^\W_][\w&'’]*(?:-[^\W_][\w&]*)*|[^\w\s]")


_COMPARE_AFTER = re.compile(
    r"^\s*(?:\)|,)?\s*(?:so\s+(?:với|cùng|năm|kỳ)|bằng\s+cùng\s+kỳ|cùng\s+kỳ)", _I
)


def _stated(text: str, q: Quantity) -> float:
    try:
        return parse_number(text[q.num_start : q.num_end])
    except ValueError:
        return q.value


def _trim_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start] in " ,;:":
        start += 1
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return start, end


@lru_cache(maxsize=4096)
def _fold_word(w: str) -> str:
    return fold(w)


_PROVINCE_BY_FIRST: dict[str, list[list[str]]] = {}
for _p in PROVINCES:
    _pw = fold(_p).replace("-", " ").split()
    _PROVINCE_BY_FIRST.setdefault(_pw[0], []).append(_pw)


def _province_prefix(words: list[str]) -> int:
    """How many leading words of ``words`` form a province name (0 if none)."""
    best = 0
    for pw in _PROVINCE_BY_FIRST.get(_fold_word(words[0]), []) if words else []:
        if [_fold_word(w) for w in words[: len(pw)]] == pw:
            best = max(best, len(pw))
    return best


# A photo caption's credit: "... Ảnh: KIM LOAN", "(Ảnh: ...)", "Ảnh minh họa".
_PHOTO_CREDIT = re.compile(r"(?<!\w)(?:Ảnh|ảnh|Photo)\s*(?::|minh\s+họa)", _I)
