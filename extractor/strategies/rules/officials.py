"""The officials pass: people named with a position."""

from __future__ import annotations

import re

from extractor import vi
from extractor.models import Official
from extractor.strategies.rules.common import (
    _CAP,
    _DEPT_ANY_RX,
    _HEAD_RX,
    _HEAD_RX_I,
    _I,
    _PHOTO_CREDIT,
    _TOKEN,
    _UP,
    _WORD,
    SURNAMES,
    _alt,
    _clean,
    _fold_word,
    _is_title_word,
    _province_prefix,
)
from extractor.strategies.rules.doc import Document
from extractor.strategies.rules.registry import NamedRule, named, register


def _cues(key: str) -> list[str]:
    """The lexicon list ``official_cues.<key>``."""
    return list(vi.entry(f"official_cues.{key}"))


# lower-case words that may continue a title's organisation ("UBND tỉnh", "Tỉnh ủy"), and the
# words that end a title (the verb after it: "phát biểu", "trao", ...)
_ORG_LOWER = frozenset(_cues("org_words"))
_TITLE_STOP = frozenset(_cues("title_stops"))


_DEGREES = (
    r"BS\.?\s*CKII|BS\.?\s*CKI|BSCKII|BSCKI|ThS|PGS|NGƯT|NGND|TTƯT|TTND|NSƯT|NSND|BS|TS|GS|DS|KS|LS"
)
# lexicon ``official_cues.honorifics`` with an optional grade: "Luật gia", "Kiểm sát viên cao cấp",
# "Bác sĩ CKII", "Nhà giáo ưu tú" before a name
_TITLED = (
    rf"(?:{_alt(_cues('honorifics'))})(?:\s+(?:{_alt(_cues('honorific_grades'))}))?"
    r"(?=\s+\w)"
)
_HONORIFIC = re.compile(
    rf"(?<!\w)(?:đồng\s+chí|đ/c|ông|bà|chị|anh|(?:(?:{_DEGREES})\.?\s*)+(?!\w)|{_TITLED}"
    rf"|(?:đại|thượng|trung|thiếu)\s+(?:tá|tướng|úy|uý))\s*(?::\s*)?",  # "có đồng chí: X"
    _I,
)


# lexicon ``official_cues.org_phrases``: lower-case words inside an organisation's name
_ORG_PHRASE = re.compile(rf"(?:{_alt(_cues('org_phrases'))})(?!\w)", _I)
_ACRONYM_ASIDE = re.compile(rf"\(\s*{_CAP}[{_UP}&\-]+\s*\)")
_TITLE_TAIL = re.compile(rf"\s+(?:{_alt(vi.entry('indicator_cues.trailing_connectors'))})$", _I)
# a fund's or campaign's name in quotes inside an organisation's name
_QUOTED_NAME = re.compile(r"[“\"][^“”\"\n]{1,40}[”\"]")
_NAME_END = re.compile(r"\s*(?:[,;)]|\s[-–]\s)")  # a head alone before "," ends a name


def _name_run(text: str, pos: int) -> tuple[int, list[str]]:
    """Consecutive title-case syllables starting at ``pos`` (single spaces between)."""
    words: list[str] = []
    end = pos
    i = pos
    while len(words) < 6:
        m = _WORD.match(text, i)
        if not m or not _is_title_word(m.group()):
            break
        if _PHOTO_CREDIT.match(text, m.start()):
            break  # "... Lê Tất Hiếu Ảnh: Trường Khanh": a photo credit ends the name
        if len(words) >= 2 and _capital_head(text, m.start()):
            break  # "Lê Văn Dũng Phó Bí thư ...": a position ends the name
        words.append(m.group())
        end = m.end()
        if text[end : end + 1] != " ":
            break
        i = end + 1
    return end, words


def _capital_head(text: str, pos: int) -> bool:
    """A position head at ``pos`` that starts with a capital ("Phó chủ tịch", "Giám đốc"),
    not a name's last syllable that spells one ("Nguyễn Công Trưởng, Phó Chủ tịch ...")."""
    if not text[pos : pos + 1].isupper():
        return False
    m = _HEAD_RX_I.match(text, pos)
    return m is not None and not _NAME_END.match(text, m.end())


def _read_title(text: str, pos: int, limit: int) -> int:
    """End of a title that starts with a position head at ``pos``."""
    end = pos
    i = pos
    while i < limit:
        m = _HEAD_RX_I.match(text, i)
        if not m:
            break
        end = i = m.end()
        lower_run = 0
        for tm in _TOKEN.finditer(text, i, limit):
            tok = tm.group()
            gap = text[end : tm.start()]
            if gap.strip():
                break
            if dm := _DEPT_ANY_RX.match(text, tm.start()):
                end = dm.end()
                lower_run = 0
                continue
            if tm.start() < end:
                continue
            if pm := _ORG_PHRASE.match(text, tm.start()):
                end = pm.end()  # "Hội Văn học nghệ thuật tỉnh", "VKSND tối cao"
                lower_run = 0
                continue
            if am := _ACRONYM_ASIDE.match(text, tm.start()):
                end = am.end()  # "Viện Kiểm sát Nhân dân (VKSND) tỉnh Long An"
                continue
            if qm := _QUOTED_NAME.match(text, tm.start()):
                end = qm.end()  # "Ban Vận động Quỹ “Vì người nghèo” tỉnh"
                lower_run = 0
                continue
            low = tok.lower()
            if tok in ("-", "–", "&") and (
                sp := re.compile(rf"\s*(?={_CAP})").match(text, tm.end())
            ):
                _run_end, run = _name_run(text, sp.end())
                if len(run) >= 2 and run[0].lower() in SURNAMES:
                    break  # "<title> - Nguyễn Văn A": the name starts here
                end = tm.end()
                continue
            if _is_title_word(tok) or (tok.isupper() and len(tok) >= 2) or "&" in tok:
                if tok.lower() in SURNAMES and _is_title_word(tok):
                    run_end, run = _name_run(text, tm.start())
                    if (
                        len(run) >= 2
                        and _province_prefix(run) == 0  # a name, not a place
                        and not _province_tail(text, tm.start(), run)  # "tỉnh An Giang"
                    ):
                        break
                end = tm.end()
                lower_run = 0
                continue
            if low in _ORG_LOWER and low not in _TITLE_STOP:
                end = tm.end()
                lower_run = 0
                continue
            if (
                tok == "."
                and text[tm.start() - 1 : tm.start()].isupper()
                and re.compile(rf"{_CAP}{{2}}").match(text, tm.end())
            ):
                end = tm.end()  # "TP.HCM"
                continue
            if tok == "." and text[max(0, tm.start() - 2) : tm.start()] in ("TP", "Tp"):
                end = tm.end()  # "UBND TP. Hải Phòng"
                continue
            if low == "tại" and re.compile(rf"\s+{_CAP}").match(text, tm.end()):
                end = tm.end()  # "Trưởng Cơ quan đại diện Văn phòng Bộ ... tại TP.HCM"
                lower_run = 0
                continue
            if tok.isalpha() and tok.islower() and low not in _TITLE_STOP and lower_run < 1:
                prev_tok = text[max(pos, end - 12) : end].split()[-1:] or [""]
                if prev_tok and _is_title_word(prev_tok[0]):
                    end = tm.end()
                    lower_run += 1
                    continue
            break
        # a further title after a comma ("Tỉnh ủy viên, Giám đốc Sở ...")
        nm = re.compile(r",\s*").match(text, end)
        if nm and _capital_head(text, nm.end()):
            i = nm.end()
            continue
        break
    # "Phó Viện trưởng VKSND tối cao và ...": a title never ends with a connector
    while (tail := _TITLE_TAIL.search(text, pos, end)) is not None:
        end = tail.start()
    return end


def _title_before(text: str, name_start: int, floor: int) -> tuple[int, int] | None:
    """Span of a title ending right before a name (captions "<title> - X", "<title> X")."""
    lo = max(floor, name_start - 160)
    seg = text[lo:name_start]
    best: tuple[int, int] | None = None
    for m in _HEAD_RX_I.finditer(seg):
        if not m.group()[:1].isupper():
            continue  # "Phó chủ tịch UBND tỉnh X" counts, "giám đốc các sở" does not
        st = lo + m.start()
        end = _read_title(text, st, name_start)
        tail = text[end:name_start]
        if re.fullmatch(r"\s*(?:[-–—:,]\s*)?", tail):
            # "thừa ủy quyền của Chủ tịch nước, Thứ trưởng X": the first head is not his
            comma = text.find(",", st, end)
            after = comma + 1 + len(text[comma + 1 : end]) - len(text[comma + 1 : end].lstrip())
            if (
                comma > 0
                and re.search(r"(?:của|quyền)\s+$", text[max(0, st - 12) : st], _I)
                and _HEAD_RX.match(text, after)  # "Sở Giáo dục, Khoa học ..." is one name
            ):
                st = after
            # prefer the earliest head whose title reaches the name
            best = (st, end)
            break
    return best


# "Ông Nguyễn Đăng Hải (giữa), Giám đốc ...": where a caption's person stands
_PLACE_IN_PHOTO = (
    r"(?:\s*\((?:đứng\s+)?(?:giữa|bên\s+(?:phải|trái)|phải|trái"
    r"|thứ\s+\w+\s+từ\s+(?:phải|trái)[^)]{0,12})\))?"
)
_NAME_TITLE_SEP = re.compile(rf"{_PLACE_IN_PHOTO}\s*(?:,|-|–|—|\()\s*", _I)
_LIST_NAME_TITLE_SEP = re.compile(rf"{_PLACE_IN_PHOTO}\s*(?:,|-|–|—)\s*", _I)


_PHOTO_CREDIT_BEFORE = re.compile(rf"(?:{_PHOTO_CREDIT.pattern})\s*$", _I)
_PLURAL_BEFORE = re.compile(r"(?<!\w)các\s+$", _I)
_AND_BEFORE = re.compile(r"\s+và\s+$", _I)


def _province_tail(text: str, pos: int, run: list[str]) -> bool:
    """Whether the words before ``pos`` and the first of ``run`` spell a province ("tỉnh An
    Giang Bùi Quốc Thái": "Giang" ends the province, not a name's surname)."""
    before = text[max(0, pos - 30) : pos]
    if not before.endswith(" "):
        return False
    prev = before.split()[-3:]
    return any(_province_prefix([*prev[-k:], *run]) > k for k in range(1, len(prev) + 1))


def find_officials(text: str) -> list[Official]:
    """People named with a position: "đồng chí X, <chức vụ>", "<chức vụ> - X" (captions),
    "<chức vụ> X", "ông/bà X – <chức vụ>"; duplicates and short forms merged."""
    return officials_of(Document(text))


# The official rules: the passes that find a person and their position.
OFFICIAL_RULES: tuple[NamedRule, ...] = register(
    named(
        "official.honorific_name",
        "an address form and a name, the position after a dash or comma (or before, then a comma)",
        "ông Nguyễn Văn Quang - Giám đốc Sở Giáo dục và Đào tạo",
        "lexicon:official_cues",
    ),
    named(
        "official.title_before_name",
        "a position right before a name",
        "Giám đốc Sở Y tế Nguyễn Văn A",
        "lexicon:official_cues",
    ),
    named(
        "official.plural_title",
        "one plural position for the names it lists",
        "Các Phó Chủ tịch HĐND tỉnh Trần Xuân Vinh và Nguyễn Công Thanh",
        "lexicon:official_cues",
    ),
    named(
        "official.name_then_title",
        "a name, then its position after a dash or comma, without an address form (captions, "
        "lists)",
        "Lê Văn Dũng - Phó Bí thư Thường trực Tỉnh ủy",
        "lexicon:official_cues",
    ),
)


def officials_of(doc: Document) -> list[Official]:
    """:func:`find_officials` of a :class:`Document` (its NFC text)."""
    return [o for o, _rules in officials_traced_of(doc)]


def officials_traced_of(doc: Document) -> list[tuple[Official, tuple[str, ...]]]:
    """:func:`officials_of` with the named rules (:data:`OFFICIAL_RULES`) that found each
    (every pass that told the person, in the order of the text)."""
    text, spans = doc.text, doc.spans
    found: list[tuple[int, str, str | None, str]] = []
    # 1) honorific + name (+ title after a delimiter)
    for m in _HONORIFIC.finditer(text):
        run_end, run = _name_run(text, m.end())
        dm = _NAME_TITLE_SEP.match(text, run_end)
        # "ông K’Mák - Ủy viên BTV Tỉnh ủy, ...": a one-word ethnic name with its title
        one_word = len(run) == 1 and re.search(r"['’]", run[0]) is not None
        if not (2 <= len(run) <= 5 or (one_word and dm and _HEAD_RX.match(text, dm.end()))):
            continue
        name = " ".join(run)
        title = None
        if dm and _HEAD_RX_I.match(text, dm.end()):
            s, e = spans.sents[spans.sent_idx(dm.end())]
            t_end = _read_title(text, dm.end(), max(e, dm.end()))
            title = _clean(text[dm.end() : t_end]) or None
        elif (
            (para := spans.paras[spans.para_idx(m.start())] if spans.paras else None)
            and (tb := _title_before(text, m.start(), para[0])) is not None
            and text[tb[1] : m.start()].strip() == ","
        ):
            # "Giám đốc Sở Giáo dục và Đào tạo, ông Nguyễn Văn Quang, cho biết ...", "Giám đốc
            # Công an tỉnh, Đại tá Nguyễn Văn Giàu cho biết": the title before, then a comma
            title = _clean(text[tb[0] : tb[1]]) or None
        found.append((m.start(), name, title, "official.honorific_name"))
    # 2) title directly before a name
    plural: dict[int, str] = {}  # the end of a name told under a plural title: the title
    for m in re.finditer(r"[^\W\d_]+", text):
        w = m.group()
        if w.lower() not in SURNAMES or not _is_title_word(w):
            continue
        if m.start() > 0 and (text[m.start() - 1].isalpha()):
            continue
        before = text[max(0, m.start() - 30) : m.start()]
        run_end, run = _name_run(text, m.start())
        if _province_prefix(run):
            continue  # "Bệnh viện Đa khoa Trung ương Thái Nguyên": a place
        if len(run) >= 3 and run[0].lower() in ("ông", "bà"):
            continue  # "Ông Trần Văn A" at a sentence start: the honorific pass has it
        if not 2 <= len(run) <= 5:
            continue
        if _HONORIFIC.search(before[-12:]):
            continue
        if _province_tail(text, m.start(), run):
            continue  # "Giám đốc Sở Du lịch tỉnh An Giang Bùi Quốc Thái": the name follows
        if _PHOTO_CREDIT_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue  # "... chủ trì hội nghị. Ảnh: Đinh Yến": who took the photo
        para = spans.paras[spans.para_idx(m.start())] if spans.paras else (0, len(text))
        tb = _title_before(text, m.start(), para[0])
        if tb is None:
            # "Các Phó Chủ tịch HĐND tỉnh Trần Xuân Vinh và Nguyễn Công Thanh": one plural
            # title for the names it lists
            am = _AND_BEFORE.search(text, max(0, m.start() - 8), m.start())
            shared = plural.get(am.start()) if am else None
            if shared:
                found.append((m.start(), " ".join(run), shared, "official.plural_title"))
            continue
        title = _clean(text[tb[0] : tb[1]])
        if not title:
            continue
        found.append((m.start(), " ".join(run), title, "official.title_before_name"))
        if _PLURAL_BEFORE.search(text, max(0, tb[0] - 5), tb[0]):
            plural[run_end] = title
    # 3) name then " - <title>" or ", <title>" without honorific (captions, lists)
    for m in re.finditer(r"[^\W\d_]+", text):
        w = m.group()
        if w.lower() not in SURNAMES or not _is_title_word(w):
            continue
        if m.start() > 0 and text[m.start() - 1].isalpha():
            continue
        prev = text[max(0, m.start() - 2) : m.start()]
        if prev.strip() and prev.strip()[-1:].isalpha():
            continue
        run_end, run = _name_run(text, m.start())
        if len(run) >= 3 and run[0].lower() in ("ông", "bà"):
            continue
        if not 2 <= len(run) <= 5 or _province_prefix(run):
            continue
        if _PHOTO_CREDIT_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue  # "Ảnh: Đinh Yến": who took the photo
        dm = _LIST_NAME_TITLE_SEP.match(text, run_end)
        if not dm and re.search(r"[:;]\s*$", text[max(0, m.start() - 3) : m.start()]):
            # "có các đồng chí: ...; Lê Văn Dũng Phó Bí thư Thường trực Tỉnh ủy; ...": a list
            # item whose title follows the name without a comma (on the same line)
            dm = re.compile(r"[ \t]+").match(text, run_end)
        if not dm or not _HEAD_RX.match(text, dm.end()):
            continue
        s, e = spans.sents[spans.sent_idx(dm.end())]
        t_end = _read_title(text, dm.end(), max(e, dm.end()))
        title = _clean(text[dm.end() : t_end])
        if title:
            found.append((m.start(), " ".join(run), title, "official.name_then_title"))
    found.sort(key=lambda f: f[0])
    return _merge_officials(found)


def _merge_officials(
    found: list[tuple[int, str, str | None, str]],
) -> list[tuple[Official, tuple[str, ...]]]:
    names: list[str] = []
    titles: dict[str, str | None] = {}
    keys = {}
    rules: dict[str, list[str]] = {}
    full = [(_fold_word(n), n) for n in sorted({f[1] for f in found}, key=lambda n: -len(n))]
    for _, name, title, rule in found:
        key = _fold_word(name)
        # a short form ("bà Hồng Mai") merges into a full name ending with it
        for ok, other in full:
            if ok != key and ok.endswith(" " + key) and len(key.split()) >= 2:
                key, name = ok, other
                break
        glued = next((k for k in names if _glued_same(k, key)), None)
        if glued is not None:  # "Phạm Minh Chínhyêu cầu" (a missing space) is "Phạm Minh Chính"
            if len(name) < len(keys[glued]):
                keys[glued] = name
            key = glued
        if rule not in rules.setdefault(key, []):
            rules[key].append(rule)
        if key not in keys:
            keys[key] = name
            names.append(key)
            titles[key] = title
        elif title and (not titles[key] or _title_rank(title) > _title_rank(titles[key] or "")):
            titles[key] = title
    # a person never given a position ("ông X cho biết") is not counted as an official
    return [(Official(name=keys[k], title=titles[k]), tuple(rules[k])) for k in names if titles[k]]


def _glued_same(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    if a == b or len(wa) != len(wb) or wa[:-1] != wb[:-1]:
        return False
    x, y = sorted((wa[-1], wb[-1]), key=len)
    # a Vietnamese syllable has at most 7 letters: "Chínhyêu" is two glued together
    return y.startswith(x) and 2 <= len(y) - len(x) <= 4 and len(y) > 7


def _title_rank(t: str) -> tuple[int, int]:
    return (len(t.split()), len(t))
