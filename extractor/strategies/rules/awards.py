"""The awards pass: honours with grantor and recipient.

The words it reads are data: the lexicon's ``award_cues`` (``extractor/vi/data/lexicon.json``),
one key per list; the regexes here hold only the grammar around them."""

from __future__ import annotations

import re

from extractor import indicators as _ind
from extractor import vi
from extractor.models import Award
from extractor.strategies.rules.common import (
    _CAP,
    _DEPT_ANY_RX,
    _HEAD_RX_I,
    _I,
    _LOWER,
    _PHOTO_CREDIT,
    _UP,
    PLACE_HEAD,
    PROVINCES,
    SURNAMES,
    Span,
    _alt,
    _clean,
    _is_title_word,
    _trim_span,
)
from extractor.strategies.rules.doc import Document, _Spans
from extractor.strategies.rules.header import title_span_of
from extractor.strategies.rules.registry import NamedRule, named, register
from extractor.text import ABBREVIATION_DOT, fold
from extractor.vi.labels import content_words


def _cues(key: str) -> tuple[str, ...]:
    """The lexicon list ``award_cues.<key>``, in its order."""
    return tuple(vi.entry(f"award_cues.{key}"))


def _listed(key: str) -> str:
    """The lexicon list ``award_cues.<key>`` as a regex alternation, exactly as listed."""
    return vi.alternation_as_listed(vi.entry(f"award_cues.{key}"))


# A count of recipients, with thousands marked ("4.222 tập thể") or not.
_N = r"(?:\d{1,3}(?:\.\d{3})+|\d+)"
# Who an honour is given to, counted ("5 tập thể", "12 cá nhân").
_RECIPIENT_UNITS = frozenset(_cues("recipient_units"))
_ADDRESS = _listed("address_forms")  # "đồng chí", "ông", "bà" before a name
# state honorary titles (lexicon skip_cues.honorary_titles) and emulation titles conferred
_CONFERRED_TITLES = vi.alternation_as_listed(
    [*vi.entry("skip_cues.honorary_titles"), *_cues("emulation_titles")]
)
# right after a verb that confers them (lexicon award_cues.title_conferring_verbs), each a
# fixed-width look-behind
_TITLE_AFTER_VERB = "|".join(
    rf"(?<=(?<!\w){re.escape(v)}\s)" for v in _cues("title_conferring_verbs")
)
# Award kinds.
_AWARD_KIND = re.compile(
    r"(?<!\w)(?:"
    rf"Huân\s+chương(?:\s+\w+){{1,4}}?\s+hạng\s+(?:{_listed('order_classes')})"
    rf"|Huân\s+chương\s+(?:{_listed('named_orders')})"
    r"|Huân\s+chương(?=\s+cho\s)"  # "trao Huân chương cho các cá nhân": the order unnamed
    r"|Huân\s+chương(?=\s+các\s+(?:hạng|loại)\s+cho\s)"  # "Huân chương các hạng cho ..."
    rf"|Huy\s+chương(?:\s+{_CAP}\w*){{1,4}}"
    # "Huy chương “Vì an ninh Tổ quốc”", "Huy chương “Chiến sĩ vẻ vang” hạng Nhất"
    rf"|Huy\s+chương\s+[“\"][^”\"\n]{{2,60}}[”\"](?:\s+hạng\s+(?:{_listed('order_classes')})(?!\w))?"
    # the Party's badge for years of membership ("Huy hiệu 55 năm" in a list of them)
    r"|Huy\s+hiệu\s+\d+\s+(?:năm(?:\s+tuổi\s+Đảng)?|tuổi\s+Đảng)"  # ("55 tuổi Đảng" too)
    rf"|Huy\s+hiệu(?:\s+[“\"]?{_CAP}\w*(?:\s+\w+){{0,5}}?[”\"]?)(?=\s+(?:cho|của|do|và)\s|[,;.]|$)"
    rf"|Kỷ\s+niệm\s+chương(?:\s+[“\"][^”\"\n]{{2,90}}[”\"]|\s+[“\"]?{_CAP}\w*(?:\s+(?!(?:{_listed('medal_name_stops')})(?!\w))\w+"
    # "Kỷ niệm chương Vì sự nghiệp Văn hóa, Thể thao và Du lịch": a capitalised name goes on
    # past a comma (not into the next honour, "..., Bằng khen")
    rf"|,\s+(?!(?:{_listed('award_first_words')})(?!\w))(?-i:{_CAP})\w*"
    # "Kỷ niệm chương Vì sự nghiệp dân số - Kế hoạch hóa gia đình": and past a dash
    rf"|\s+[-–]\s+(?-i:{_CAP})\w*){{0,10}}[”\"]?)?"
    # "Giải thưởng Trần Văn Kiểu", "giải thưởng Phạm Ngọc Thạch": a prize named by a name
    rf"|Giải\s+thưởng\s+(?-i:{_CAP})\w*(?:\s+(?-i:{_CAP})\w*){{1,5}}"
    r"|Bằng\s+công\s+nhận"
    r"|(?<=trao\s)Giấy\s+chứng\s+nhận|(?<=tặng\s)Giấy\s+chứng\s+nhận"
    # "Cờ đơn vị dẫn đầu phong trào thi đua Quyết thắng của ...": the movement's name
    rf"|Cờ(?:\s+\w+){{0,4}}?\s+phong\s+trào\s+thi\s+đua\s+(?-i:{_CAP})\w*"
    r"(?:\s+(?!(?:của|do|cho)\s)\w+){0,4}?(?=\s+(?:của|do|cho)\s)"
    r"|Cờ(?:\s+\w+){0,6}?\s+thi\s+đua(?:\s+xuất\s+sắc)?"  # "cờ đơn vị dẫn đầu phong trào thi đua"
    # "cờ thi đua vững mạnh xuất sắc toàn diện cho 2 đơn vị": what the flag is for, to "cho"
    rf"(?:(?:\s+(?!(?:cho|của|do|và|năm)(?!\w)){_LOWER}\w*){{1,8}}(?=\s+(?:cho|của|do)\s))?"
    r"|Cờ\s+[“\"][^”\"\n]{2,90}[”\"]"  # "cờ “Đơn vị dẫn đầu phong trào thi đua ...”"
    # "Bằng khen cấp tỉnh cho 3 giáo viên": the level is part of its name (lexicon
    # commendation_levels)
    rf"|(?:Bằng|Giấy)\s+khen(?:\s+(?:{_listed('commendation_levels')})(?!\w))?"
    # ("tặng danh hiệu - Cờ Thi đua Hội Luật gia Việt Nam": a dash may set the title off)
    # ("danh hiệu vinh dự Nhà nước “Bà mẹ Việt Nam anh hùng”": the class of title before it)
    # ("danh hiệu vinh dự Nhà nước cao quý này", "danh hiệu cho các nghệ nhân": no name told)
    rf"|danh\s+hiệu\s+(?!(?:(?:{_listed('title_classes')})\s+)?(?:{_listed('title_not_names')})(?!\w))"
    rf"(?:(?:{_listed('title_classes')})\s+)?(?:[-–:]\s+)?(?!{_listed('title_not_names')})(?:[“\"]\w[^“”\"\n]{{2,90}}[”\"]|[“\"]?\w[^,.;…“”\"]{{2,60}}?[”\"]?)(?=\s*(?:của|cho|đối\s+với|do|vì|là(?:\s|:)|gồm|thời\s+kỳ|năm\s+\d{{4}}\s+cho\s|{_listed('title_end_leads')}|,|;|:|\.|…|$)"
    r"|\s+cùng\s+(?:với\s+)?(?:\d|các\s|những\s|nhiều\s)"  # "... cùng nhiều tập thể khác"
    r"|\s+và\s+(?:\d|các\s|những\s|nhiều\s)"  # "... xuất sắc và 3 cá nhân được nhận ..."
    # "danh hiệu Chiến sĩ thi đua cấp tỉnh và Bằng khen của ...": the next honour
    rf"|\s+và\s+(?:{_listed('award_first_words')})(?!\w))"
    rf"|Chiến\s+s[ĩỹ]\s+thi\s+đua\s+(?:{_listed('emulation_levels')})"
    # ("được khen thưởng 03 Cờ thi đua của Bộ Tư pháp": the verb before the honours counted)
    # ("công bố quyết định khen thưởng cho 3 tập thể, cá nhân được Thủ tướng tặng Bằng khen":
    # the decision announced or handed over, the honour told after it)
    r"|(?<!công\sbố\squyết\sđịnh\s)(?<!trao\squyết\sđịnh\s)(?<!động\sviên\s)"
    # ("công tác thi đua, khen thưởng 6 tháng đầu năm": the work's name, not an honour)
    r"(?<!thi\sđua,\s)(?<!thi\sđua\s-\s)(?<!thi\sđua\s–\s)khen\s+thưởng"
    r"(?=\s+(?:cho\s+)?(?:\d+\s+)?(?:các|những|nhiều|tập\s+thể|cá\s+nhân|\d))"
    rf"(?!\s+\d+\s+(?:{_listed('award_first_words')})(?!\w))"
    # "được phong tặng Nhà giáo Ưu tú", "được công nhận Tập thể lao động xuất sắc": a state
    # honorary or emulation title right after the verb that confers it, without "danh hiệu"
    rf"|(?:{_TITLE_AFTER_VERB})(?:{_CONFERRED_TITLES})"
    # "Tặng danh hiệu lao động tiên tiến cho 1.780 cá nhân và tập thể lao động tiên tiến cho
    # 88 tập thể": the next title of the list, with its own recipients
    rf"|(?<=\svà\s)(?:{_CONFERRED_TITLES})(?=\s+cho\s)"
    r")(?!\w)",
    _I,
)


# "được tặng 01 Cờ thi đua của Chính phủ, 02 Bằng khen của Bộ": how many of the honour
_HONOUR_COUNT = r"(?:\s+0?\d{1,2}(?![\d.,]))?"
# "Huân chương ... hạng Nhì (2011), Huân chương ... hạng Ba vào năm 2005": when it was given
_WHEN_GIVEN = r"(?:\s*\(\s*(?:năm\s+)?\d{4}\s*\)|\s+(?:vào\s+)?năm\s+\d{4})?"
# "trao tặng phần thưởng cao quý Huân chương Độc lập hạng Ba": what the honour is, before it
# ("nhiều phần thưởng cao quý như: 2 Huân chương ...": the honours listed after it)
_PRIZE_WORDS = (
    r"(?:\s+(?:nhiều\s+|các\s+)?phần\s+thưởng(?:\s+cao\s+quý)?"
    # ("nhận được các phần thưởng cao quý, như ...": a comma may come before "như")
    r"(?:\s*,?\s+(?:như|gồm|sau)|\s*,\s*trong\s+đó\s+có)?)?\s*:?"
)
_PASSIVE_BEFORE = re.compile(
    rf"(?:(?:{_listed('adverbs')})\s+)*(?:vinh\s+dự\s+)?"
    # "được Đảng, Nhà nước trao tặng": a grantor of two names joined by a comma ("được Bộ
    # Công an, UBND tỉnh, Giám đốc Công an tỉnh tặng": or of up to four)
    rf"(?:được\s+(?:(?P<by>(?-i:[{_UP}])[^,;]{{0,40}}?"
    rf"(?:,\s*(?:(?-i:[{_UP}])|(?:{_listed('grantor_names')})\s)[^,;]{{0,40}}?){{1,3}}"
    # (not a verb: "các đảng viên được tặng Huy hiệu lần này có 52 đồng chí được trao ...")
    rf"|(?!(?:{_listed('active_award_verbs')})(?!\w))[^,;]{{2,80}}?)\s+)??"
    rf"(?:{_listed('passive_award_verbs')})"
    # "được phong tặng, truy tặng danh hiệu ...": two verbs, one honour
    rf"(?:\s*,\s*(?:{_listed('active_award_verbs')}))?"
    rf"|{_listed('receive_verbs')}){_PRIZE_WORDS}{_HONOUR_COUNT}\s*[“\"]?$",  # quoted honour
    _I,
)
_CHO = re.compile(
    # "Huân chương Lao động hạng Nhất (lần thứ 2) cho Bộ Tư pháp": which time it is given
    # ("tặng thưởng “Huân chương Lao động hạng Nhất” cho ...": the honour's closing quote)
    rf"[”\"]?\s*(?:(?:{_listed('award_manners')})\s+)?"  # "Giấy khen đột xuất cho 2 tập thể"
    # "danh hiệu “Anh hùng Lao động” thời kỳ đổi mới cho ...": the period of a title (quoted or
    # not)
    rf"(?:\s*thời\s+kỳ(?:\s+{_LOWER}\w*){{1,3}}\s+(?=cho\s))?"
    r"(?:\(?\s*lần\s+(?:thứ\s+)?\w+\s*\)?\s*)?"  # ("hạng Nhì lần 2 tặng tập thể nhà trường")
    r"(?:năm\s+\d{4}\s+)?(?:,\s*)?"
    rf"(?:(?:{_listed('adverbs')})\s+)?(?:được\s+)?"  # "Bằng khen của X đã được trao cho ..."
    # "trao giấy khen đến đại diện các tập thể", "tặng Bằng khen đối với 3 cá nhân": "đến"
    # and "đối với" lead the recipient like "cho"
    # ("tặng Bằng khen, tặng thưởng cho ...": the verb said again before "cho")
    rf"(?:trao\s+)?(?:tặng(?:\s+thưởng)?\s+(?=cho\s))?(?:{_listed('recipient_leads')})(?P<colon>\s*:)?\s+",
    _I,
)
# "hạng Nhì, hạng Ba": more grades of the order just named (lexicon award_cues.order_classes)
_GRADE_WORD = re.compile(rf"(?<![^\s,])(?:{_listed('order_classes')})(?!\w)", _I)
_MORE_GRADES = re.compile(
    rf"(?:\s*(?:,|và|,\s*và)\s*hạng\s+(?:{_listed('order_classes')})(?!\w)"
    # "hạng nhất, nhì, ba": the grade word left out after the first
    rf"|\s*(?:,|và|,\s*và)\s*(?:{_listed('order_classes')})(?=\s*(?:[,.;]|(?:và|của|cho)\s|$)))+",
    _I,
)
_GRADED = re.compile(r"^(.+?)\s+hạng\s+\S+$", _I)
_HONOUR_COLON = re.compile(r"\s*(?P<colon>:)\s*(?=\S)")
_OCCASION = re.compile(r"\s+nhân\s+(?:dịp|ngày|k[ỷỉ]\s+niệm)[^,;.:]{0,80}?(?=\s+cho\s)", _I)
# "tặng Bằng khen cho: Phòng A; Văn phòng Sở; Thanh tra Sở.": a list after a colon runs to the
# sentence's end, its items split by semicolons
# ("cho 2 đơn vị: Hội đồng Đội TP. Nha Trang và ...": an abbreviation's dot ends no list)
_LIST_END = re.compile(rf"\./\.|\.{ABBREVIATION_DOT}\s|\.$")
_GROUP_AFTER = re.compile(
    rf"\s+(?=(?:các|những|nhiều|{_N})\s+(?:{_listed('recipient_units')})(?!\w))", _I
)
# "... tặng Bằng khen và UBND tỉnh tặng Cờ thi đua", "...; Chủ tịch UBND tỉnh tặng Cờ thi đua",
# "... tặng 02 Bằng khen, UBND tỉnh tặng 01 Cờ thi đua"
_AND_GRANTOR = re.compile(rf"\s*(?:,?\s*và|[;,])\s+({_CAP}[^,;.]{{1,60}}?)\s*$")
# "UBND tỉnh quyết định khen thưởng ...": the decision is the grantor's act, not its name
_DECIDES = re.compile(rf"\s+(?:{_listed('decision_verbs')})$", _I)
# "3 đơn vị được đề nghị Bộ Công an tặng Cờ thi đua": proposed, not conferred
_PROPOSED = re.compile(rf"^(?:{_listed('proposal_verbs')})(?!\w)", _I)
# "... đề nghị UBND tỉnh tặng": a proposal to a named grantor ("theo đề nghị của" is not)
# "... đề nghị xét tặng", not "xét tặng" alone (the grantor's own word for conferring)
_PROPOSES = re.compile(
    rf"(?<!\w)(?!xét\s+tặng)(?:{_listed('proposal_verbs')})\s+(?!của)"
    rf"(?:(?-i:[{_UP}])|(?:xét\s+)?(?:tặng|khen))",
    _I,
)
_REASON_LEAD = re.compile(rf"(?:{_listed('reason_leads')})(?!\w)", _I)
_COUNT_PART = re.compile(rf"\W*{_N}\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s*", _I)
# a count and its first noun at a part's end ("Theo đó có 27 xã"), the short nouns listed after
# it ("phường, thị trấn"), and the whole counted list ("27 xã, phường, thị trấn")
_COUNT_TAIL = re.compile(rf"(?<![\d.,]){_N}\s+[^\W\d_]+(?:\s+[^\W\d_]+)?\s*$")
_NOUN_LIST = re.compile(r"\s*[^\W\d_]+(?:\s+[^\W\d_]+)?(?:\s*,\s*[^\W\d_]+(?:\s+[^\W\d_]+)?)*\s*")
# "Các tập thể, cá nhân có thành tích xuất sắc được ...": a pair of group nouns, one recipient
_GROUP_HEAD = re.compile(rf"\s*(?:(?:các|những|nhiều|{_N})\s+)?(?:{_listed('group_units')})\s*", _I)
_GROUP_START = re.compile(rf"\s*(?:{_listed('group_units')})(?!\w)", _I)
_COUNTED_LIST = re.compile(
    rf"(?<![\d.,]){_N}\s+[^\W\d_]+(?:\s+[^\W\d_]+)?(?:\s*,\s*[^\W\d_]+(?:\s+[^\W\d_]+)?)+$"
)
_ACTIVE_BEFORE = re.compile(
    rf"(?:(?:{_listed('active_adverbs')})\s+)*(?:{_listed('active_award_verbs')})"
    rf"{_PRIZE_WORDS}{_HONOUR_COUNT}\s*[“\"]?$",
    _I,
)
_AWARD_LEAD = re.compile(
    rf"^(?:(?:{_listed('sentence_openers')}"
    # "Với những kết quả đã đạt được, ...", "Với thành tích đó, ...": what earned the honour
    rf"|(?:{_listed('result_openers')})(?!\w)[^,]{{0,60}}"
    rf"|(?:{_listed('delegation_leads')})[^,]*"
    r"|(?:để\s+)?ghi\s+nhận[^,]*(?:,[^,]*năm\s+\d{4})?|(?:trong\s+)?năm\s+\d{4})\s*,\s*)+"
    rf"|^(?:{_listed('recipient_openers')})\s+"  # "Riêng Hội Nông dân huyện X đã được ..."
    r"|^\(?\s*ảnh\s*:\s*"  # a caption "(Ảnh: Lãnh đạo UBND tỉnh trao Cờ thi đua cho ...)"
    r"|^(?:trong\s+)?năm\s+\d{4}\s+(?=\S)"  # "năm 2022 Cục Hải quan tỉnh vinh dự được ..."
    # "Tại buổi lễ Ban tổ chức đã trao ...": an opener without its comma, before a name
    rf"|^(?:{_listed('sentence_openers')})\s+(?=(?-i:{_CAP}))",
    _I,
)
_REC_END = re.compile(
    rf"\s+(?:{_listed('reason_leads')}|xếp\s+(?:thứ|hạng))\s"
    # "... cho 23 tập thể theo đề nghị của Ban Tuyên giáo": who proposed it
    rf"|\s+theo\s+(?:{_listed('proposal_verbs')})\s+của\s"
    # "... trao tặng đơn vị là phần thưởng cao quý, ...": what the honour means to them
    rf"|\s+(?:{_listed('meaning_leads')})(?!\w)"
    # "... cho các tập thể tại Hội nghị triển khai công tác ...": where it was given
    rf"|\s+tại\s+(?:{_listed('award_occasions')})(?!\w)"
    # "... cho các tập thể (Ảnh: Minh Anh).": a photo credit in brackets ends the recipient
    rf"|\s*\(\s*(?:{_PHOTO_CREDIT.pattern})"
    # "cho ông Dương Hải Cường, trú tại phường Thạch Quý": where a person lives
    # (but not before "và bà B, ngụ ...": the next person of the list, each cut later)
    rf"|,\s+(?:{_listed('residence_leads')})\s(?![^;.]*\s+và\s+(?:{_ADDRESS})\s)"
    rf"|[;]|\./\.|\.{ABBREVIATION_DOT}\s|\.$",
    _I,
)
# a few, in digits or in words (one to ten: lexicon number_words), or "nhiều" (many)
_FEW = "|".join(
    w
    for w, v in vi.phrase_map("number_words").items()
    if 1 <= v <= 10
    and v == int(v)
    and w not in ("mốt", "lăm", "mươi", "tư")  # only inside a longer number
)
_FEW = rf"(?:\d+|{_FEW}|nhiều)"
_FOLLOWER = rf"(?:\s+(?:{_listed('group_followers')}))?"  # "các tập thể sau", "... khác"
_SPLIT_RECIPIENTS = re.compile(
    # ("cho các ông: A, ...; ông B, ...": persons by how they are addressed)
    rf"^(?:(?:{_N}|{_FEW}|các)\s+(?:{_listed('group_units')})|các\s+(?:{_ADDRESS})){_FOLLOWER}"
    # "cho các tập thể: Phòng A, Phòng B", "cho các đơn vị xuất sắc: Sở A, Sở B và Sở C",
    # "cho 3 tập thể, gồm Phòng A, ...", "cho 07 tập thể, đó là: A; B; C"
    rf"(?:\s*,)?(?:\s+(?!(?-i:[{_UP}]))[^\W\d_]\w*){{0,3}}?"
    # "cho 6 cá nhân tỉnh Tiền Giang gồm: ...": where the group is from
    rf"(?:\s+(?:tỉnh|{vi.alternation_as_listed(vi.entry('place_heads'))})(?:\s+(?-i:[{_UP}])\w*){{1,3}})?"
    rf"(?:\s+(?:{_listed('list_leads')})\s*:?|\s*:)\s+",
    _I,
)
_TRAIL_ADVERB = re.compile(rf"\s+(?:{_listed('adverbs')})$", _I)  # "Sở Y tế đã" -> "Sở Y tế"
_ITEM_NUMBER = re.compile(r"^\s*\d{1,2}\s*[.)]\s*")
_LIST_SEP = re.compile(r",\s*|\s+và\s+", _I)
_LIST_AFTER = re.compile(rf"\s*(?:{_listed('list_leads')})\s*:?\s*|\s*:\s*", _I)
# "Sở có 2 tập thể được ...": the department holds the recipients, it is not one of them


_GRANTOR_BARE = re.compile(rf"\s+(?=(?-i:{_listed('grantor_names')})(?!\w)(?!\s+viên))")
# ("Bằng khen đột xuất của Thủ tướng ...": given out of turn, lexicon award_cues.award_manners)
_GRANTOR_LEAD = re.compile(
    rf"(?:\s+năm\s+\d{{4}}|\s+(?:{_listed('award_manners')}))?\s+(?:{_listed('grantor_leads')})\s+",
    _I,
)
_CONTINUES = re.compile(rf"\s*\n\s*(?:{_listed('continuation_leads')})\s", re.UNICODE)


_NEXT_GROUP = re.compile(rf";\s*(?={_N}\s+(?:{_listed('recipient_units')})(?!\w))", _I)
_CLAUSE_END = re.compile(r"[;\n]|\.(?:\s|$)")
# "... của Chủ tịch nước tặng thưởng;": the grantor's verb with nothing after it
_VERB_CLOSES = re.compile(rf"\s*(?:{_listed('active_award_verbs')})\s*(?:[;,.]|$)", _I)


def _chain_positions(text: str, kinds: list[re.Match[str]]) -> dict[int, tuple[int, int]]:
    """For each honour (by start) joined to the next or the one before by a comma or "và"
    alone ("Bằng khen, Cờ thi đua và Giấy khen"): its place in that chain and the chain's
    length."""
    chains: list[list[int]] = []
    for i, km in enumerate(kinds):
        if i and _GAP_AND.fullmatch(text, kinds[i - 1].end(), km.start()):
            chains[-1].append(km.start())
        else:
            chains.append([km.start()])
    return {start: (j, len(c)) for c in chains for j, start in enumerate(c)}


def _more_groups_end(text: str, pos: int) -> int:
    """Where a run of counted groups after ";" ends, each a clause of its own that names no
    honour and no verb of one ("...; 1 cá nhân thuộc Bệnh viện Bưu điện; 79 tập thể ...")."""
    while m := _NEXT_GROUP.match(text, pos):
        end_m = _CLAUSE_END.search(text, m.end())
        end = end_m.start() if end_m else len(text)
        clause = text[m.end() : end]
        if _AWARD_KIND.search(clause) or _VERB_IN_GROUP.search(clause):
            break
        pos = end
    return pos


_LOWER_CLAUSE_AFTER = re.compile(rf";(?=\s*{_LOWER})")
_ACT_OPENS = re.compile(
    rf"(?:{_listed('active_award_verbs')}|{_listed('title_conferring_verbs')})(?!\w)", _I
)


def _colon_list_end(text: str, start: int) -> int:
    """Where a list after a colon ends: its full stop or line break, past the semicolons that
    split its items and past an item's number ("...; 4. Phòng ...")."""
    line_end = text.find("\n", start)
    limit = line_end if line_end >= 0 else len(text)
    for clause in _LOWER_CLAUSE_AFTER.finditer(text, start, limit):
        after = text[clause.end() : limit].lstrip()
        if _ind.clause_verb_in(after, 0) == 0 or _ACT_OPENS.match(after):
            # "...: A và B; công nhận 117 liên đội mạnh": a clause of its own, not an item
            limit = clause.start()
            break
    for end in _LIST_END.finditer(text, start, limit):
        if not re.search(r"[;:]\s*\d{1,2}$", text[start : end.start()]):
            return end.start()
    return limit


_TALLY_ITEM = re.compile(rf"\s*(?:0?\d{{1,3}}\s+)?{_AWARD_KIND.pattern}", _I)


def _joined_captions(text: str, sents: list[Span]) -> list[Span]:
    """Sentences, with a line that goes on an award's phrase ("trao tặng Cờ thi đua\ncủa Bộ
    Xây dựng cho Sở Xây dựng." in a photo caption) joined to the line before it."""
    out: list[Span] = []
    for ss, se in sents:
        if out and _CONTINUES.match(text, out[-1][1]) and text.find("\n", out[-1][1], ss) >= 0:
            out[-1] = (out[-1][0], se)
        elif (
            out
            and text[out[-1][0] : out[-1][1]].rstrip().endswith(";")
            and _TALLY_ITEM.match(text, ss)
        ):
            # "... như: 2 Huân chương Lao động hạng Ba; 1 Cờ thi đua ...; 4 Bằng khen ...":
            # a tally of honours goes on past its semicolons
            out[-1] = (out[-1][0], se)
        else:
            out.append((ss, se))
    return out


def _award_mentions(text: str, spans: _Spans | None = None) -> list[tuple[Span, Award, str]]:
    """(recipient-side span, award, the named rule that found it) for every award conferred
    in the text: told by a verb that confers it, then titles in quotes a body confers, then
    emulation titles a counted group achieved."""
    spans = spans or _Spans(text)
    joined = _joined_captions(text, spans.sents)
    proposed = _proposed_sentences(text, joined)
    conferred = _conferrals(text, joined, proposed)
    titles = _title_mentions(text, spans)
    achieved = _achieved_titles(text, spans, [sp for sp, _ in [*conferred, *titles]])
    plain = _plain_readings(text, joined, [*conferred, *titles, *achieved], proposed)
    conferred = [(sp, a) for sp, a in conferred if not _not_yet_conferred(a)]
    return [
        (sp, _tidy_grantor(a), rule)
        for found, rule in (
            (conferred, "award.conferral"),
            (titles, "award.quoted_title"),
            (achieved, "award.achieved_title"),
            (plain, "award.plain_sentence"),
        )
        for sp, a in found
    ]


# "Giám đốc Sở Du lịch (thứ 3 từ phải sang)", "... Việt Nam tặng", "TW Hội ... trao kỷ niệm
# chương ... cho 31 Đ/c", "... năm 2018; UBND tỉnh", "Lãnh đạo Hội Khuyến học tỉnh": the
# grantor without where they stand in the photo, the act they go on to, the clause before a
# semicolon or who speaks for them
_GRANTOR_ACT = re.compile(rf"\s+(?:{_listed('active_award_verbs')})(?:\s.*)?$", _I)
_GRANTOR_VOICE = re.compile(rf"^(?:{_listed('grantor_voices')})\s+(?=(?-i:[{_UP}]))", _I)


def _tidy_grantor(award: Award) -> Award:
    """``award`` with its grantor tidied (see above); unchanged when nothing is to tidy."""
    who = award.conferred_by
    if not who:
        return award
    tidy = _PHOTO_POSITION.sub("", who.rpartition(";")[2])
    tidy = _GRANTOR_VOICE.sub("", _GRANTOR_ACT.sub("", tidy)).strip(" ,")
    if tidy == who or not tidy:
        return award
    return award.model_copy(update={"conferred_by": tidy})


# "Bộ Y tế sẽ tặng ...": a grantor who will give it; "đề nghị UBND tỉnh khen thưởng ...": a
# grantor asked to; "Hội đồng thông qua đề nghị 1 cá nhân được ... tặng": a recipient proposed
_PLAN_WORDS = vi.alternation_as_listed(vi.entry("year_cues.plan_words"))  # "sẽ", "phấn đấu"
# ("30 người sắp nhận Bằng khen": an honour about to be given, lexicon not_yet_words)
_PLANNED_BY = re.compile(rf"(?<!\w)(?:{_PLAN_WORDS}|{_listed('not_yet_words')})$", _I)


# ("đề nghị", "đề xuất"; not a one-word verb that is also half of another word: "công
# trình", "xét nghiệm")
_TWO_WORD_PROPOSALS = vi.alternation_as_listed([v for v in _cues("proposal_verbs") if " " in v])
_PROPOSAL_WORD = re.compile(
    rf"(?<!\w)(?<!theo\s)(?:{_TWO_WORD_PROPOSALS})"
    r"(?!\w)(?!\s+của)",  # ("theo đề nghị của Ban Tuyên giáo": who proposed what was given)
    _I,
)


# "Trong đó, ...", "Cụ thể, ...": a sentence that details the one before (lexicon
# passage_cues.continuations)
_DETAIL_LEAD = re.compile(
    rf"\s*(?:{vi.alternation_as_listed(vi.entry('passage_cues.continuations'))})(?!\w)", _I
)
_LIST_ITEM = re.compile(r"\s*(?:\d{1,2}\s*[.)]|[-–+•*])\s*")


def _proposal_first(text: str, start: int, end: int) -> bool:
    """Whether a proposal comes before the sentence's first honour with no verb that gives
    or receives one in between ("danh sách đề nghị các hình thức khen thưởng gồm có: ...")."""
    if _PROPOSAL_WORD.search(text, start, end) is None:
        return False  # (most sentences: the honours' pattern is not run for them)
    first = _AWARD_KIND.search(text, start, end)
    if first is None:
        return False
    last = None
    for last in _PROPOSAL_WORD.finditer(text, start, first.start()):  # noqa: B007
        pass
    return last is not None and not _VERB_IN_GROUP.search(text, last.end(), first.start())


def _proposed_sentences(text: str, joined: list[Span]) -> set[Span]:
    """The sentences (as the award readings join them) whose honours are only proposed:
    a proposal before the first honour ("danh sách đề nghị ... gồm có: Huân chương ... cho 19
    cá nhân"); the numbered or bulleted items after a proposal's colon ("đề nghị Thủ tướng
    Chính phủ tặng thưởng:\n1. Huân chương ..."); the sentence that details a proposal
    ("... đề nghị lên Ban Thi đua khen thưởng Trung ương 22 tập thể, cá nhân. Trong đó, có 1
    tập thể nhận Huân chương ...") and the clauses after its semicolons."""
    out: set[Span] = set()
    listing = item_next = detailing = proposal_before = False
    for ss, se in joined:
        sentence = text[ss:se].rstrip()
        if listing and (item_next or _LIST_ITEM.match(text, ss)):
            item_next = bool(_LIST_ITEM.fullmatch(text, ss, se))  # "1." a sentence alone
            out.add((ss, se))
            continue
        item_next = False
        detailing = detailing or (proposal_before and bool(_DETAIL_LEAD.match(text, ss)))
        if detailing or _proposal_first(text, ss, se):
            out.add((ss, se))
        # the detail goes on over the semicolons that split it into sentences
        detailing = detailing and sentence.endswith(";")
        proposal_before = _PROPOSAL_WORD.search(text, ss, se) is not None
        listing = proposal_before and sentence.endswith(":")
    return out


def _not_yet_conferred(award: Award) -> bool:
    """True when the grantor or the recipient says the honour is only planned or proposed."""
    by = award.conferred_by or ""
    return bool(
        _PLANNED_BY.search(by)
        or _PROPOSED.match(by)
        or _PROPOSES.search(by)
        or _PROPOSAL_WORD.search(award.recipient)
        or _PLANNED_BY.search(award.recipient or "")
    )


def _conferrals(text: str, joined: list[Span], proposed: set[Span]) -> list[tuple[Span, Award]]:
    """(recipient-side span, award) for every award a verb confers ("được tặng", "trao"), in
    the sentences not ``proposed`` (:func:`_proposed_sentences`)."""
    out: list[tuple[Span, Award]] = []
    # "X được Bộ Xây dựng tặng Bằng khen; Chủ tịch UBND tỉnh tặng Cờ thi đua": a clause after
    # a semicolon (a sentence of its own here) goes on with the same recipient and grantor
    carried: tuple[str | None, str | None] = (None, None)
    for ss, se in joined:
        kinds = list(_AWARD_KIND.finditer(text, ss, se))
        if not kinds or (ss, se) in proposed:
            carried = (None, None)
            continue
        prev_end = ss
        prev_rec, prev_conf = carried
        respective = _chain_positions(text, kinds)
        dm_ = _DELEGATED.search(text, ss, se)
        delegated = _clean(dm_.group(1)) if dm_ else None
        # "trao Cờ thi đua và Bằng khen của UBND tỉnh cho ...": an honour joined by "và" to the
        # next one before any recipient shares the next one's grantor and recipients
        pending: list[re.Match[str]] = []
        pending_subject: str | None = None  # who the verb before the first pending honour has
        pending_grantors: dict[int, str | None] = {}  # a pending honour's own grantor
        proposed_end: int | None = None  # the end of an honour only proposed
        for ki, km in enumerate(kinds):
            if (
                proposed_end is not None
                and (
                    _GAP_AND.fullmatch(text, proposed_end, km.start())
                    # "Đề nghị tặng danh hiệu ... cho 07 cá nhân; tập thể lao động xuất sắc cho 16
                    # tập thể; cờ thi đua của tỉnh cho 01 tập thể": the clauses after the
                    # proposal's semicolons that only list honours and recipients
                    or (
                        ";" in text[proposed_end : km.start()]
                        and not _VERB_IN_GROUP.search(text, proposed_end, km.start())
                    )
                )
            ):
                # "được đề nghị tặng cờ thi đua và Bằng khen của ...": both only proposed
                proposed_end = prev_end = km.end()
                continue
            kind = _clean(km.group())
            next_start = kinds[ki + 1].start() if ki + 1 < len(kinds) else se
            after = km.end()
            more_grades: list[str] = []
            if (grades := _MORE_GRADES.match(text, after)) and (base := _GRADED.match(kind)):
                # "Huân chương Lao động hạng Nhì và hạng Ba cho ...": one order in two grades
                more_grades = [
                    f"{base.group(1)} hạng {g}" for g in _GRADE_WORD.findall(grades.group())
                ]
                after = grades.end()
            conferrer: str | None = None
            # "Kỷ niệm chương “Vì thế hệ trẻ” năm 2022 của Trung ương Đoàn": past the year
            # "Cờ thi đua Chính phủ cho VKSND tỉnh": a grantor's name right after the honour
            cm = _GRANTOR_LEAD.match(text, after) or _GRANTOR_BARE.match(text, after)
            if cm:
                cend = _conferrer_end(text, cm.end(), min(se, next_start))
                conferrer = _clean(text[cm.end() : cend]).rstrip("./: ") or None
                after = cend
            before = text[prev_end : km.start()]
            lead = "; " if prev_end == ss and carried[0] else ""  # the clause after ";"
            recipient: str | None = None
            rec_span: Span = (km.start(), km.end())
            pm = _PASSIVE_BEFORE.search(before)
            am = _ACTIVE_BEFORE.search(before)
            cho = _CHO.match(text, after)
            if cho is None and (occasion := _OCCASION.match(text, after, min(se, next_start))):
                # "Bằng khen của Bộ Công an nhân dịp kỷ niệm 70 năm ... cho 3 tập thể": the
                # occasion between the grantor and the recipients
                cho = _CHO.match(text, occasion.end())
            if (
                cho is None
                and not pm
                and not text[text.rfind("\n", 0, km.start()) + 1 : km.start()].strip(" -–+•*")
                and (colon := _HONOUR_COLON.match(text, after))
            ):
                # "- Bằng khen của Thủ tướng Chính phủ: 2 tập thể, 3 cá nhân;": the list after
                # the honour's colon names its recipients
                cho = colon
            if cho and re.match(r"và(?!\w)", text[cho.end() : cho.end() + 3], _I):
                # "đón nhận Huân chương ... của Chủ tịch nước trao tặng và đón nhận Cờ thi đua":
                # "trao tặng" closes the grantor; the recipient is before the award
                cho = None
            if cho and _VERB_CLOSES.match(text, cho.start()):
                # "nhận Huân chương ... của Chủ tịch nước tặng thưởng;": the grantor's verb
                # closes its clause; the recipient is before the award
                cho = None
            if cho and _REASON_LEAD.match(text, cho.end()):
                # "nhận Bằng khen do Bộ trưởng ... trao tặng vì đã có thành tích": the verb
                # closes the conferrer; the recipient is before the award
                cho = None
            if cho is None and am and (gm := _GROUP_AFTER.match(text, after)):
                # "Trao tặng Bằng khen các cá nhân, tập thể xuất sắc": the group right after
                # the honour, without "cho"
                cho = gm
            if kind.lower().startswith("khen thưởng"):
                cho = re.compile(r"\s*(?:cho\s+)?").match(text, km.end())
                conferrer = conferrer or _subject(before)
            if cho and (am or not pm) and _PROPOSES.search(re.split(r"[,;]", before)[-1]):
                # "Sở đề nghị UBND tỉnh tặng Bằng khen cho 3 tập thể": proposed, not conferred
                # ("đề nghị khen thưởng danh hiệu ... cho 10 cá nhân" too)
                proposed_end = prev_end = max(after, km.end())
                continue
            if cho:
                rs = cho.end()
                listed = "colon" in cho.re.groupindex and cho.group("colon") is not None
                # "cho 07 tập thể, đó là: A; B; C": a counted group whose names follow a colon
                listed = listed or bool(
                    (sm := _SPLIT_RECIPIENTS.match(text[rs:se])) and sm.group().rstrip()[-1] == ":"
                )
                if listed and next_start >= se:
                    # the list goes on over the semicolons that split it into sentences, to
                    # its full stop or line break
                    rend = _colon_list_end(text, rs)
                else:
                    re_m = _REC_END.search(text, rs, min(se, next_start) + 1)
                    rend = re_m.start() if re_m else min(se, next_start)
                    if re_m and re_m.group() == ";" and next_start >= se:
                        # "tặng Bằng khen cho 14 cá nhân thuộc Bộ Công an; 79 tập thể và 86 cá
                        # nhân thuộc Bộ Quốc phòng.": more counted groups of the same honour
                        if _COUNTED_GROUP.match(text, rs):
                            rend = _more_groups_end(text, rend)
                        elif _UNIT_THEN_NAMES.match(text[rs:rend]):
                            # "... và hai cá nhân là A, Phó Giám đốc; B, Phó trưởng phòng.": the
                            # names go on over the semicolons
                            rend = _colon_list_end(text, rs)
                rend = _cut_before_next(
                    text, rs, rend, kinds[ki + 1].start() if ki + 1 < len(kinds) else None
                )
                recipient = _clean(text[rs:rend]).rstrip(" ,./")
                if recipient.endswith(")") and "(" not in recipient:
                    recipient = recipient[:-1].rstrip(" ,./")  # the caption's bracket closes
                rec_span = (km.start(), rend)
                if conferrer is None and am:
                    conferrer = _subject(before[: am.start()])
                if conferrer is None and pending_subject:
                    # "UBND tỉnh tặng Cờ thi đua và Bằng khen cho ...": the subject of the verb
                    # before the first honour of the pair
                    conferrer = pending_subject
            elif pm:
                rstart = prev_end
                seg = text[rstart : km.start() - len(pm.group())]
                # the recipient: after the last comma unless that leaves a fragment
                parts = _commas_outside_brackets(seg)
                rec = parts[-1]
                k = len(parts) - 1
                while k > 0 and (
                    (
                        len(_clean(rec).split()) <= 2
                        and not _NAMED_ORG.match(_clean(rec))
                        # "Với thành tích này, Sở được tặng ...": the department itself
                        and _clean(rec) not in ORG_HEADS
                    )
                    # "Có 15 tập thể, 30 cá nhân được nhận ...": the counts before the comma too
                    or (
                        _COUNT_PART.fullmatch(parts[k])
                        and _COUNT_PART.fullmatch(
                            _HOLDER.sub("", _AWARD_LEAD.sub("", _clean(parts[k - 1])))
                        )
                    )
                    # "27 xã, phường, thị trấn được UBND tỉnh tặng ...": the nouns a count
                    # opens
                    or (_COUNT_TAIL.search(parts[k - 1]) and _NOUN_LIST.fullmatch(rec))
                    or (_GROUP_HEAD.fullmatch(parts[k - 1]) and _GROUP_START.match(rec))
                    or _deed_of_group(rec, parts, k)
                ):
                    k -= 1
                    # "... 1.829 bà mẹ Việt Nam anh hùng; hơn 200 đơn vị, cá nhân được tặng":
                    # the clause after the semicolon only
                    _before, semi, last = parts[k].rpartition(";")
                    rec = (last if semi else parts[k]) + "," + rec
                    if semi:
                        break
                for dept in _DEPT_ANY_RX.finditer(seg):
                    if dept.start() < len(seg) - len(rec) < dept.end():
                        # "Sở Văn hóa, Thể thao và Du lịch được tặng ...": the comma is inside
                        # the department's name
                        cut = seg.rfind(",", 0, dept.start()) + 1
                        rec, k = seg[cut:], seg.count(",", 0, cut)
                while (
                    k > 0
                    and _NAMED_ORG.match(_clean(rec))
                    and _ORG_ITEM.fullmatch(
                        _clean(_AWARD_LEAD.sub("", _clean(_LIST_OPENS.split(parts[k - 1])[-1])))
                    )
                ):
                    # "Bệnh viện A, Trung tâm B và Trung tâm C được ... tặng": the list of
                    # named recipients before the last comma too; "các đơn vị: A, B và C được
                    # ... tặng", "4 tập thể là A, B và 43 cá nhân nhận": from the colon or
                    # the "là" that opens the list
                    k -= 1
                    opened = _LIST_OPENS.split(parts[k])
                    rec = opened[-1] + "," + rec
                    if len(opened) > 1:
                        break
                while k > 0 and _name_items(rec) and _person_name(parts[k - 1]):
                    # "Các đồng chí A, B và C được ... tặng": the names before the last comma
                    k -= 1
                    rec = parts[k] + "," + rec
                if _HEAD_RX_I.match(rec.strip()) or _MORE_POST.match(rec.strip()):
                    while k > 1 and _MORE_POST.match(parts[k - 1].strip()):
                        # "ông A, chủ tịch HĐQT, kiêm tổng giám đốc công ty, được ...": each post
                        k -= 1
                        rec = parts[k] + "," + rec
                person = _PERSON.fullmatch(parts[k - 1].lstrip(" ;")) if k > 0 else None
                if person is None and k > 0:
                    # "Ông Lữ Văn Hùng – Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy ... được ...":
                    # the person, a dash and the first post
                    person = _PERSON_DASH_POST.match(parts[k - 1].lstrip(" ;"))
                if person is None and k > 0 and (last := _PERSON_LAST.search(parts[k - 1])):
                    # "... hạng Nhất và đồng chí Nguyễn Đức Thu, Giám đốc Sở ... được tặng
                    # thưởng ...": the person the "và" adds
                    person = last if _person_name(last.group(1)) else None
                if person and _HEAD_RX_I.match(rec.strip()):
                    # "Ông Nguyễn Văn A, Giám đốc Sở, được tặng ...": the person and the title
                    rec = person.group(1) + "," + rec
                elif (
                    k > 0
                    and rec.strip()[:1].islower()
                    and not _GROUP_HEAD.match(rec)
                    and (named := _ADDRESSED_LAST.search(parts[k - 1]))
                ):
                    # "có đồng chí Vũ Thị Liên (SN 1927), sinh hoạt tại chi bộ ..., vinh dự
                    # được trao tặng ...": the person the clause after the comma describes
                    rec = named.group(1)
                # a bullet ("- 02 tập thể nhận Cờ thi đua ...") is no part of the recipient
                rec = _clean(_AWARD_LEAD.sub("", _clean(rec).lstrip(";, -–+•*")))
                # "X được Bộ Công Thương tặng Cờ thi đua": conferrer between "được" and the verb
                by = pm.group("by")
                if by and (_PROPOSED.match(by) or _PROPOSES.search(by)):
                    # "Sở được UBND tỉnh đề nghị Thủ tướng Chính phủ tặng Bằng khen" too
                    proposed_end = prev_end = max(after, km.end())
                    continue  # a proposal ("được đề nghị Bộ Công an tặng ..."), not an award
                if by and re.search(r"(?<!\w)được(?!\w)", by):
                    # "Sở được Bộ GD-ĐT công nhận 11/18 lĩnh vực ... và được tặng Cờ thi đua":
                    # the grantor is the name the first "được" opens
                    by = _LEADING_NAME.match(by).group(0)  # type: ignore[union-attr]
                if by and conferrer is None and re.match(_CAP, by):
                    # "được Tỉnh ủy quyết định trao tặng": the grantor, not its decision
                    conferrer = _DECIDES.sub("", _clean(by)) or _clean(by)
                # "Công an tỉnh đã vinh dự 2 lần được tặng ...; 3 lần được tặng ...": how many
                # times is no part of the recipient (nor, alone, a recipient)
                if times := _TIMES.search(rec):
                    rec = rec[: times.start()] or "và"
                if running := _YEARS_RUNNING_END.search(rec):
                    rec = rec[: running.start()]  # "Công an tỉnh 5 năm liền được ... tặng"
                if (years := _YEARS_RUNNING.search(rec)) and rec[years.end() :][:1].isupper():
                    # "... và 5 năm liên tục Công an tỉnh vinh dự được ... tặng": how many
                    # years running opens the recipient's clause
                    rec = rec[years.end() :]
                rec = _TRAIL_ADVERB.sub("", rec)
                rec = _HOLDER.sub("", rec)
                # "Trong 5 năm qua 13 tập thể được ...", "liên tục từ năm 2009 đến nay Sư đoàn
                # được ...": the recipient after when (lexicon time_phrase_patterns)
                timeless = _ind.strip_time(rec)
                if (
                    timeless
                    and timeless != rec.strip(" ,;:")
                    and rec.strip(" ,;:").endswith(timeless)  # a time before the recipient
                    and (_COUNTED_GROUP.match(timeless) or timeless[:1].isupper())
                ):
                    rec = timeless
                elif prev_rec and rec.strip() and not timeless:
                    rec = "và"  # "..., năm 2009 được Chủ tịch nước tặng ...": the same one
                if (given := _GIVEN_TO.search(rec)) and _COUNTED_GROUP.match(rec, given.end()):
                    # "LĐLĐ tỉnh công bố quyết định khen thưởng cho 3 tập thể, cá nhân được
                    # Thủ tướng tặng Bằng khen": the group the decision is for
                    rec = rec[given.end() :]
                if _GRANT_VERB_ONLY.fullmatch(rec.strip()):
                    # "... của Chủ tịch nước trao tặng và đón nhận Cờ thi đua": the verb that
                    # closed the grantor before, then the same recipient's next honour
                    rec = "và"
                if prev_rec and re.search(r"\s+và$", rec):
                    # "X vinh dự được nhận Huân chương ... vì đã có ..., góp phần ... và đón
                    # nhận Cờ thi đua": the honour before's recipient goes on
                    rec = "và"
                elif re.search(r"\s+và$", rec) or (
                    len(parts) > 2
                    and not parts[-1].strip()
                    and (_ind.clause_verb_in(rec, 0) or _RECEIVES.match(rec.strip()))
                ):
                    # "VKSND tỉnh Vĩnh Phúc tổ chức Hội nghị ... và đón nhận Huân chương",
                    # "Hội ... tỉnh tổ chức tổng kết ..., triển khai ... và đón nhận Cờ thi
                    # đua", "Sở Y tế tổ chức hội nghị tổng kết năm 2023, đón nhận Huân
                    # chương": the subject of the acts
                    rec = _subject_of_acts([p for p in parts if p.strip()])
                recipient = rec.strip(" ,") or None
                if (recipient or "").lower() == "được":
                    recipient = None  # "Được tặng Cờ thi đua ... là A và B": named after it
                if prev_rec and (recipient or "").lower() in ("", "và"):
                    # "... được Bộ Quốc phòng tặng Bằng khen và được Quân khu 7 tặng Cờ thi
                    # đua": the same recipient
                    recipient = prev_rec
                rec_span = (rstart, km.end())
                lm = _LIST_AFTER.match(text, after)
                if (
                    not recipient
                    and lm
                    and (lend := _REC_END.search(text, lm.end(), se + 1))
                    and (listed := _clean(text[lm.end() : lend.start()]).rstrip(" ,."))
                    and listed[0].isupper()
                ):
                    # "Được tặng Cờ thi đua của UBND tỉnh là A và B": the recipients after
                    recipient, after = listed, lend.start()
                elif (
                    recipient
                    and lm
                    and (
                        _GROUP_WORD.match(recipient)
                        or _COUNTED_GROUP.match(recipient)
                        or _COUNTED_NAME.fullmatch(recipient)
                        # "Tập thể được tặng Bằng khen là A và B": the group unit alone
                        or _GROUP_START.fullmatch(recipient)
                    )
                ):
                    # "Các đơn vị được tặng Cờ thi đua của UBND tỉnh gồm: A, B": the list
                    # after the award names the recipients ("02 tập thể đã có thành tích ...
                    # được tặng Bằng khen của Chủ tịch UBND tỉnh là A, B": a counted group and
                    # what it did too)
                    lend = _REC_END.search(text, lm.end(), se + 1)
                    stop = lend.start() if lend else se
                    if (
                        lend is not None
                        and lend.group() == ";"
                        and (
                            ":" in lm.group()
                            or _COUNTED_GROUP.match(recipient)
                            or _GROUP_WORD.match(recipient)
                            or _GROUP_START.fullmatch(recipient)
                        )
                    ):
                        # "5 tập thể được ... tặng Bằng khen: 1.A; 2.B; 3.C.": a list after a
                        # colon runs over its semicolons
                        stop = _colon_list_end(text, lm.end())
                    listed = _clean(text[lm.end() : stop]).rstrip(" ,.")
                    if len(_split_recipients(listed)) >= 2:
                        recipient = listed
                        after = stop
                    elif _names_as_counted(recipient, parts := _list_parts(listed)) or (
                        _names_as_counted(
                            recipient,
                            parts := [p.strip() for p in _commas_outside_brackets(listed)],
                        )
                    ):
                        # "02 đơn vị được tặng Danh hiệu “...”: Tiểu đoàn 901 (1975), Kho K61
                        # (2006)": as many names as the count ("... là Nhân dân và cán bộ xã
                        # Châu Hóa, Nhân dân và cán bộ xã Văn Hóa": over commas alone)
                        recipient = "; ".join(parts)
                        after = stop
            elif prev_rec and re.fullmatch(
                rf"{_WHEN_GIVEN}\s*(?:,|;|và|,\s*và){_HONOUR_COUNT}\s*", text[prev_end : km.start()]
            ):
                # "..., 02 Bằng khen của Bộ Tài chính": the next honour of the same recipient
                # ("... hạng Nhì năm 1998, Cờ thi đua ... năm 2010": each with its year)
                recipient = prev_rec
            elif prev_rec and am and (jm := _AND_GRANTOR.match(lead + before[: am.start()])):
                # "... được Thủ tướng tặng Bằng khen và UBND tỉnh tặng Cờ thi đua": the same
                # recipient, another grantor
                recipient = prev_rec
                conferrer = conferrer or _clean(jm.group(1))
            if not cm and delegated:
                conferrer = delegated  # "thừa ủy quyền của Chủ tịch nước, X trao ..."
            elif (
                conferrer is None
                and prev_conf
                and (_GAP_CARRY.fullmatch(before) or (am and not before[: am.start()].strip(" ,;")))
            ):
                # "..., tặng Bằng khen cho 4 tập thể": the grantor of the act before
                conferrer = prev_conf
            if recipient:
                evidence_span = _trim_span(
                    text, min(rec_span[0], km.start()), max(after, rec_span[1])
                )
                evidence = text[evidence_span[0] : evidence_span[1]]
                conferrer = _strip_person(conferrer)
                if conferrer:
                    # "... năm 2023 và Bộ Lao động tặng Bằng khen": the "và" joins the clauses;
                    # "Phó Bí thư Tỉnh ủy, đồng thời Chủ tịch UBND tỉnh": the office, not the link
                    conferrer = _AND_LEAD.sub("", conferrer) or conferrer
                    conferrer = _CONFERRER_LEAD.sub("", conferrer).strip(" :;,") or None
                    # "Cờ thi đua của Thủ tướng Chính phủ năm 2010": the year is the award's
                    conferrer = conferrer and (_KIND_YEAR.sub("", conferrer) or conferrer)
                    if conferrer is not None and conferrer.lower() in ("và", "cùng"):
                        conferrer = None
                # "danh hiệu Tập thể lao động xuất sắc năm 2015": the title, without the
                # word for "title" and its year
                shared = [(_clean(p.group()), p.start()) for p in pending]
                graded = [(g, km.start()) for g in more_grades]
                for each, start in [*shared, (kind, km.start()), *graded]:
                    # "trao Bằng khen của Bộ trưởng Bộ Nội vụ và Bằng khen của Chủ tịch UBND
                    # tỉnh cho ...": an honour with its own grantor keeps it
                    own = pending_grantors.get(start) if start < km.start() else None
                    if start < km.start() and own is None:
                        # "trao 02 Cờ thi đua, 23 Bằng khen của Tổng Liên đoàn ..., 21 Bằng
                        # khen của ...": the grantor of the next honour that names one
                        own = next(
                            (
                                g
                                for p in pending
                                if p.start() > start and (g := pending_grantors.get(p.start()))
                            ),
                            None,
                        )
                    each = _KIND_YEAR.sub("", _KIND_LEAD.sub("", each)) or each
                    if len(each) > 2 and each[0] in '“"' and each[-1] in '”"':
                        each = each[1:-1]  # "danh hiệu “Tập thể lao động xuất sắc”": the title
                    if start < km.start():
                        span = _trim_span(text, min(rec_span[0], start), evidence_span[1])
                        each_evidence = text[span[0] : span[1]]
                    else:
                        each_evidence = evidence
                    grantors = _split_grantors(own or conferrer)
                    at, chain = respective.get(start, (0, 1))
                    if chain >= 2 and len(grantors) == chain:
                        # "được Bộ Công an, UBND tỉnh, Giám đốc Công an tỉnh tặng Bằng khen, Cờ
                        # thi đua và Giấy khen": as many grantors as honours, each its own
                        grantors = [grantors[at]]
                    for grantor in grantors:
                        for each_rec in _split_recipients(recipient):
                            # "Bùi Thanh An - Ủy viên Ban Thường vụ Tỉnh ủy, ...": the person,
                            # without the posts set off by a dash
                            dm = _DASH_POST.match(each_rec)
                            rec = dm.group(1) if dm and _person_name(dm.group(1)) else each_rec
                            out.append(
                                (
                                    rec_span,
                                    Award(award=each[:1].upper() + each[1:], conferred_by=grantor,
                                          recipient=rec, evidence=each_evidence),
                                )
                            )  # fmt: skip
                pending, pending_subject = [], None
                prev_rec = recipient
                prev_conf = conferrer
            elif (
                # "trao Huân chương A, Huân chương B và Bằng khen của X cho ...": a chain of
                # honours goes on past the first
                (am or (pending and _JOINED_KIND.fullmatch(before)))
                and ki + 1 < len(kinds)
                and _JOINED_KIND.fullmatch(text, after, next_start)
            ):
                if _PROPOSES.search(re.split(r"[,;]", before)[-1]):
                    # "Sở đề nghị UBND tỉnh tặng Cờ thi đua và Bằng khen cho ...": proposed
                    proposed_end = km.end()
                    pending = []
                else:
                    if not pending:
                        pending_subject = _subject(before[: am.start()])
                    pending.append(km)
                    pending_grantors[km.start()] = conferrer
            else:
                pending = []
            prev_end = max(after, rec_span[1], km.end())
        carried = (prev_rec, prev_conf) if text[ss:se].rstrip().endswith(";") else (None, None)
    return out


# A title in quotes that a body confers ("xã Tân Hoá ... đã được tổ chức Du lịch thế giới
# (UNWTO) vinh danh là "Làng du lịch tốt nhất""; "TP. Hà Nội được vinh dự đón nhận ... giải
# thưởng “Điểm đến du lịch thành phố hàng đầu châu Á”; “...” do Tổ chức World Travel Awards
# trao tặng"): lexicon award_cues.title_verbs, title_prizes, title_grant_verbs
_TITLE_QUOTED = re.compile(rf"[“\"]((?-i:[{_UP}])[^”\"\n]{{2,90}})[”\"]")
_TITLE_LEAD = re.compile(rf"(?<!\w)(?:{_listed('title_verbs')}|{_listed('title_prizes')})\s+$", _I)
_TITLE_PRIZE = re.compile(rf"(?<!\w)({_listed('title_prizes')})\s+$", _I)
_TITLE_NEXT = re.compile(r"\s*(?:[;,]|,?\s*và)\s*$", _I)
_TITLE_BY_AFTER = re.compile(
    rf"(?:\s+năm\s+\d{{4}})?\s+do\s+([^,;.]{{2,60}}?)\s+(?:{_listed('title_grant_verbs')})(?!\w)",
    _I,
)
_TITLE_PASSIVE = re.compile(r"(?<!\w)(?:đã\s+)?được\s+(?!\w*\s*$)", _I)
_TITLE_BY_BEFORE = re.compile(
    rf"^((?-i:[^\W\d_])[^,;]{{1,60}}?)\s+(?:{_listed('title_verbs')})\s+$", _I
)
_TITLE_OPENER = re.compile(
    rf"^(?:{_listed('sentence_openers')}|{_listed('title_openers')}|năm\s+\d{{4}}"
    rf"|(?:{_listed('result_openers')})(?!\w)[^,]{{0,60}}"
    r"|(?:vào\s+)?(?:ngày|tháng)\s+[\d/.\-]+(?:\s+năm\s+\d{4})?)$",
    _I,
)


def _title_recipient(before: str) -> tuple[int, str, int] | None:
    """(offset in ``before``, recipient, end of its "được") of a title: the subject before
    "được", past the openers of the sentence ("Đặc biệt, vào ngày 19/10, ...") and up to an
    apposition ("xã Tân Hoá, huyện Minh Hoá là đại diện Việt Nam duy nhất")."""
    passive = list(_TITLE_PASSIVE.finditer(before))
    if not passive:
        return None
    subject = before[: passive[-1].start()]
    start = 0
    for part in re.finditer(r"[^,]+", subject):
        if _TITLE_OPENER.match(part.group().strip()):
            start = part.end() + 1
            continue
        break
    who = subject[start:]
    who = re.split(r"\s+là\s+", who, maxsplit=1)[0].strip(" ,")
    if not who or not who[0].isalpha() or len(who.split()) > 12:
        return None
    offset = start + (len(subject[start:]) - len(subject[start:].lstrip()))
    return offset, who, passive[-1].end()


def _title_mentions(text: str, spans: _Spans) -> list[tuple[Span, Award]]:
    out: list[tuple[Span, Award]] = []
    sents: list[Span] = []
    for ss, se in spans.sents:
        # "... giải thưởng “A”; “B” do ... trao tặng": titles listed past a semicolon
        if (
            sents
            and text[sents[-1][0] : sents[-1][1]].rstrip().endswith(";")
            and (text[ss:se].lstrip()[:1] in '“"')
        ):
            sents[-1] = (sents[-1][0], se)
        else:
            sents.append((ss, se))
    for ss, se in sents:
        titles: list[re.Match[str]] = []
        for m in _TITLE_QUOTED.finditer(text, ss, se):
            lead = _TITLE_LEAD.search(text, ss, m.start())
            if lead is not None or (
                titles and _TITLE_NEXT.fullmatch(text, titles[-1].end(), m.start())
            ):
                titles.append(m)
        if not titles or any(
            k.start() < titles[0].start() < k.end() + 2 for k in _AWARD_KIND.finditer(text, ss, se)
        ):
            continue
        first = titles[0]
        found = _title_recipient(text[ss : first.start()])
        if found is None:
            continue
        offset, recipient, after_passive = found
        end = titles[-1].end()
        by = _TITLE_BY_AFTER.match(text, end, se)
        grantor: str | None = None
        if by is not None:
            grantor, end = _clean(by.group(1)), by.end()
        else:  # "được tổ chức Du lịch thế giới (UNWTO) vinh danh là"
            bm = _TITLE_BY_BEFORE.match(text[ss + after_passive : first.start()])
            grantor = _clean(bm.group(1)) if bm else None
        evidence = text[ss + offset : end].strip()
        for t in titles:
            # "giải thưởng “Điểm đến ...”": the prize as written, its kind and its name
            prize = _TITLE_PRIZE.search(text, ss, t.start())
            name = _clean(t.group(1))
            award = f"{prize.group(1).capitalize()} “{name}”" if prize else name
            out.append(
                ((ss + offset, end), Award(award=award, recipient=recipient,
                                           conferred_by=grantor, evidence=evidence))
            )  # fmt: skip
    return out


# "27 cá nhân đạt danh hiệu “Chiến sỹ thi đua cơ sở”, 02 tập thể đạt danh hiệu “Tập thể lao
# động tiên tiến”": an emulation title (lexicon award_cues.achieved_titles) that a counted group
# of the reviewed body achieved is conferred on it, its grantor not told; a movement's title
# ("hộ đạt danh hiệu gia đình văn hóa") is a figure, not an honour
_ACHIEVED_TITLE = re.compile(
    rf"(?<![\w.,])(?P<rec>{_N}\s+(?:lượt\s+)?(?:{_listed('group_units')})"
    rf"(?:\s+(?!(?:được|đạt|đã)(?!\w))[^\W\d_]+){{0,3}}?)"
    rf"\s+(?:(?:đã\s+)?(?:được\s+)?(?:công\s+nhận\s+)?)?đạt\s+(?:danh\s+hiệu\s+)?[“\"]?"
    rf"(?P<title>(?:{_listed('achieved_titles')})(?!\w)[^,;:.“”\"()\n]{{0,40}}?)"
    rf"[”\"]?(?=\s*(?:[,;:.()]|và\s|$))",
    _I,
)

# "đề xuất 01 cá nhân được tặng ... và 02 cá nhân đạt ..." (not "theo đề nghị của", "bình xét")
_PROPOSAL_IN = re.compile(
    rf"(?<!\w)(?<!theo\s)(?<!bình\s)(?:{_listed('proposal_verbs')})(?!\w)(?!\s+của)", _I
)


def _achieved_titles(text: str, spans: _Spans, taken: list[Span]) -> list[tuple[Span, Award]]:
    out: list[tuple[Span, Award]] = []
    for ss, se in spans.sents:
        for m in _ACHIEVED_TITLE.finditer(text, ss, se):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue  # told by a conferring verb already
            clause_start = max(ss, text.rfind(";", ss, m.start()) + 1)
            if _PROPOSAL_IN.search(text, clause_start, m.start()):
                continue  # "đề xuất ... 02 cá nhân đạt danh hiệu ...": proposed, not conferred
            title = _clean(m.group("title"))
            award = Award(
                award=title[:1].upper() + title[1:],
                recipient=_clean(m.group("rec")),
                conferred_by=None,
                evidence=text[m.start() : m.end()],
            )
            out.append(((m.start(), m.end()), award))
    return out


# The plain reading: a sentence that names an honour and a verb that gives or receives it,
# where no other reading found an award ("Trao Cờ thi đua cho 4 tập thể.", "Thành đoàn đã
# được Chính phủ tặng Cờ đơn vị dẫn đầu phong trào thi đua toàn thành phố."): its first
# honour, a grantor right after it, and the recipients after "cho" (lexicon
# award_cues.recipient_leads) or the subject before "được ... tặng" / "nhận".
_RECEIVES = vi.alternation_as_listed([v for v in _cues("receive_verbs") if v != "được"])
_PLAIN_GIVES = re.compile(rf"(?<!\w)(?:{_listed('active_award_verbs')}|{_RECEIVES})(?!\w)", _I)
# only proposed or planned ("đề nghị tặng", "phấn đấu", "sẽ"), but "xét tặng" confers
_PLAIN_UNSURE = re.compile(
    rf"(?<!\w)(?:(?!xét\s+tặng)(?:{_listed('proposal_verbs')})"
    rf"|{_PLAN_WORDS})(?!\w)",
    _I,
)
# "cho", "đến", "đối với" (not "tặng": "tặng hoa cho ..." gives something else)
_PLAIN_LEAD = re.compile(
    rf"(?<!\w)(?:{vi.alternation_as_listed([w for w in _cues('recipient_leads') if w != 'tặng'])})"
    rf"\s+(?!(?:{_listed('lead_not_recipients')})(?!\w))",
    _I,
)
# "... tặng Bằng khen và tặng Cờ thi đua": another honour, not who receives one
_HONOUR_NEXT = re.compile(rf"(?:0?\d{{1,3}}\s+)?(?:{_listed('award_first_words')})(?!\w)", _I)
# the recipients end at a reason ("vì", "đã có"), at what they won ("em A giành Huy chương
# vàng ...", lexicon prize_win_verbs) or at the next giver's act (", Giám đốc Sở tặng ...")
# (and wherever any other recipient ends: _REC_END)
_PLAIN_REC_END = re.compile(
    rf"{_REC_END.pattern}|[.\n(]|\s+(?:{_alt(vi.entry('prize_win_verbs.words'))})\s"
    rf"|,\s+(?=\S+\s+(?:{_listed('active_award_verbs')})\s)"
    rf"|,\s+(?:{_listed('sentence_openers')})(?!\w)",  # ", đồng thời biểu dương ..."
    _I,
)
# "<subject> (đã) được (UBND tỉnh) tặng", "<subject> (vinh dự) đón nhận": the verb of the
# subject that receives, right before the honour (a count or a word or two may come between)
_PLAIN_RECEIVES = re.compile(
    rf"\s+(?:(?:{_listed('adverbs')}|vinh\s+dự)\s+)*"
    rf"(?:được(?:\s+[^,;]{{0,60}}?)?\s+(?:{_listed('passive_award_verbs')})"
    rf"|(?<!ghi\s)(?:{_RECEIVES}))"
    r"\s+(?:\S+\s+){0,3}?$",
    _I,
)
# "Long An có 1 giáo viên được xét tặng ...": the counted group after "có"
_PLAIN_HAS_GROUP = re.compile(rf"(?<!\w)có\s+(?={_N}\s|(?:các|nhiều|những)\s)", _I)
_PLAIN_YEAR_LEAD = re.compile(r"^(?:(?:vào\s+)?năm\s+\d{4}|trong\s+năm(?:\s+qua)?)\s*,?\s*", _I)
_PLAIN_NOT_KINDS = tuple(fold(k) for k in _cues("plain_not_kinds"))


def _plain_readings(
    text: str, joined: list[Span], read: list[tuple[Span, Award]], proposed: set[Span]
) -> list[tuple[Span, Award]]:
    """The plain reading (see above) of every sentence no other reading found an award in.
    Not an honour only proposed, a contest's medal or a certificate (lexicon
    award_cues.plain_not_kinds), nor a kind another award of the article has (a caption
    telling the body's award again)."""
    out: list[tuple[Span, Award]] = []
    kinds_read = {fold(a.award) for _sp, a in read}
    for ss, se in joined:
        if (ss, se) in proposed or any(ss <= sp[0] < se for sp, _a in read):
            continue
        kinds = (k for k in _AWARD_KIND.finditer(text, ss, se) if not k.group()[:1].isspace())
        km = next(kinds, None)
        if km is None or not _PLAIN_GIVES.search(text, ss, se):
            continue
        if _PLAIN_UNSURE.search(text, ss, se):
            continue
        kind = _clean(km.group())
        kind = _KIND_YEAR.sub("", _KIND_LEAD.sub("", kind)) or kind
        kind = kind[:1].upper() + kind[1:]
        if fold(kind) in kinds_read or fold(kind).startswith(_PLAIN_NOT_KINDS):
            continue
        after = km.end()
        grantor: str | None = None
        if cm := _GRANTOR_LEAD.match(text, after):
            cend = _conferrer_end(text, cm.end(), se)
            grantor = _clean(text[cm.end() : cend]).rstrip("./: ") or None
            after = cend
        recipient: str | None = None
        lead = _PLAIN_LEAD.search(text, after, se)
        gap = text[after : lead.start()] if lead else ""
        if (
            lead
            and ";" not in gap
            and len(gap.split()) <= 14
            and not _HONOUR_NEXT.match(text, lead.end())
        ):
            end = _PLAIN_REC_END.search(text, lead.end(), se)
            recipient = _clean(text[lead.end() : end.start() if end else se]).strip(" ,:")
        elif rm := _PLAIN_RECEIVES.search(text, ss, km.start()):
            subj = _AWARD_LEAD.sub("", _clean(text[ss : rm.start()])).strip(" ,;")
            subj = _PLAIN_YEAR_LEAD.sub("", subj.rpartition(":")[2].strip())
            if has := _PLAIN_HAS_GROUP.search(subj):
                subj = subj[has.end() :]
            recipient = subj.rpartition(",")[2].strip() if len(subj.split()) > 12 else subj
        if not recipient or len(recipient.split()) > 20:
            continue
        if grantor is None and (dm := _DELEGATED.search(text, ss, km.start())):
            grantor = _clean(dm.group(1))  # "Thừa ủy quyền của Chủ tịch nước, X trao ..."
        elif grantor is None and (am := _ACTIVE_BEFORE.search(text, ss, km.start())):
            grantor = _strip_person(_subject(text[ss : am.start()]))  # "Giám đốc Sở trao ..."
        award = Award(award=kind, conferred_by=grantor, recipient=recipient, evidence=text[ss:se])
        out.append(((km.start(), km.end()), award))
    return out


_AND_LEAD = re.compile(r"^(?:và|,)\s+", _I)
_CONFERRER_LEAD = re.compile(r"^(?:đồng\s+thời|kiêm)\s+", _I)
# "Cờ thi đua và Bằng khen", "02 Cờ thi đua, 23 Bằng khen": how many of the next one too
_JOINED_KIND = re.compile(r"\s*(?:,|,?\s*và)\s*(?:0?\d{1,3}\s+)?", _I)
_KIND_LEAD = re.compile(
    rf"^danh\s+hiệu\s+(?:(?:{_listed('title_classes')})\s+)?(?:[-–:]\s+)?(?=\S)", _I
)
_KIND_YEAR = re.compile(r"\s+năm\s+\d{4}$", _I)
# "thừa ủy quyền (của) Chủ tịch nước, ...", "được sự ủy quyền của ...": the grantor named by
# who hands the honour over (lexicon award_cues.delegation_leads)
_DELEGATION = _listed("delegation_leads")
_DELEGATED = re.compile(rf"(?:{_DELEGATION})\s+(?:của\s+)?([^,;.]+?)\s*,", _I)
_DELEGATED_IN = re.compile(rf"(?:{_DELEGATION})\s+(?:của\s+)?(.+)$", _I)
_GAP_AND = re.compile(r"\s*(?:,|và|,\s*và)\s*", _I)
# "..., tặng Bằng khen cho ...", "...; Bằng khen cho ...": the next act of the same grantor
_GAP_CARRY = re.compile(r"\s*(?:,|;|và|,\s*và)\s*", _I)
_PERSON_THEN_TITLE = re.compile(
    rf"^(?:(?:{_ADDRESS})\s+)?(?:[^\W\d_]+\s+){{1,4}}[^\W\d_]+\s*[,–-]\s*(.+)$", _I
)


def _strip_person(who: str | None) -> str | None:
    """ "Giám đốc Sở Y tế Nguyễn Văn A" -> "Giám đốc Sở Y tế"; "đồng chí X, Chủ tịch UBND
    tỉnh" -> "Chủ tịch UBND tỉnh" (the position grants the award)."""
    if not who:
        return who
    if len(parts := _split_grantors(who)) > 1 and all(map(_GRANTOR_OPENS.match, parts)):
        # "Bộ Tư pháp, Chủ tịch UBND tỉnh": grantors side by side, not a person and a post
        return ", ".join(_strip_person(p) or p for p in parts)
    if dm := _DELEGATED_IN.search(who):
        # "ông X thừa ủy quyền Chủ tịch nước trao ...": who only hands it over is not the
        # grantor (GUIDELINES §7)
        return dm.group(1).strip()
    # "đồng chí Giám đốc Sở": the honorific before a position is not the grantor's name
    bare = re.sub(rf"^(?:{_ADDRESS})\s+", "", who, flags=_I)
    who = bare if _HEAD_RX_I.match(bare) else who
    pm = _PERSON_THEN_TITLE.match(who)
    if pm and _HEAD_RX_I.match(pm.group(1)):
        return pm.group(1).strip()
    words = who.split()
    for i in range(1, len(words) - 1):
        rest = words[i:]
        if rest[0].lower() in SURNAMES and 2 <= len(rest) <= 5 and all(map(_is_title_word, rest)):
            head = " ".join(words[:i]).rstrip(" -–,")
            if _HEAD_RX_I.match(head) or head.lower().startswith(_cues("address_forms")):
                head = re.sub(rf"\s*(?:{_ADDRESS})$", "", head, flags=_I).rstrip(" -–,")
                return head or who
    return who


def _subject(before: str) -> str | None:
    """The grantor in "<subject> (đã) tặng <award>": the last clause before the verb (a
    department's name with a comma kept whole: "Bộ Văn hóa, Thể thao và Du lịch")."""
    clause = _AWARD_LEAD.sub("", _clean(before)).strip(" ,;")
    # "Khen thưởng: UBND tỉnh tặng ...": a heading before a colon names no one (but a
    # headline's "Liên hiệp các Hội ...: Tặng giấy khen ..." has its subject before it)
    clause = clause.rpartition(":")[2].strip() or clause.rstrip(" :")
    parts = clause.split(",")
    subj = parts[-1]
    k = len(parts) - 1
    while k > 0 and len(subj.split()) <= 1:
        k -= 1
        subj = parts[k] + "," + subj
    start = len(clause) - len(subj)
    for m in _NAMED_GRANTOR.finditer(clause):
        if m.start() < start < m.end():
            # "Giám đốc Sở Văn hóa, Thể thao và Du lịch": the comma is inside the name
            start = clause.rfind(",", 0, m.start()) + 1
            subj = clause[start:]
    subj = _DECIDES.sub("", _TRAIL_ADVERB.sub("", _clean(subj)))
    # "Hội nghị đã công bố quyết định và trao ...": the subject before its first act; the
    # conference itself grants nothing (lexicon award_cues.not_grantors)
    subj = _FIRST_ACT.split(subj, maxsplit=1)[0].strip(" ,")
    # "Công an tỉnh tổ chức trao ...", "tỉnh Nghệ An tổ chức Lễ tuyên dương và khen thưởng":
    # who organises the handing, without the act (not "Ban tổ chức", the organisers' board)
    subj = _ORGANISES.split(subj, maxsplit=1)[0].strip(" ,") or subj
    if decision := _DECISION_OF.search(subj):
        # "Giám đốc Sở công bố quyết định của Chủ tịch nước truy tặng ...": whose decision
        # it is grants the honour, not who announces it
        subj = decision.group(1)
    return None if fold(subj) in _NOT_GRANTORS else subj or None


# (lexicon award_cues.organised_events: what "tổ chức" organises when it is the verb)
_ORGANISES = re.compile(
    r"(?<!Ban)(?<!ban)\s+(?:long\s+trọng\s+)?tổ\s+chức"
    rf"(?:\s*$|\s+(?=(?i:{_listed('organised_events')})(?!\w)))"
)
_DECISION_OF = re.compile(r"(?<!\w)quyết\s+định(?:\s+số)?(?:\s+\S*\d\S*)?\s+của\s+(.+)$", _I)
_FIRST_ACT = re.compile(rf"\s+(?:{_listed('active_adverbs')}|đồng\s+thời)\s+", _I)
_NOT_GRANTORS = frozenset(fold(w) for w in _cues("not_grantors"))


_PERSON = re.compile(
    rf"\s*(?:(?:{_ADDRESS})\s+)?((?-i:{_CAP})[^\s,]*(?:\s+(?-i:{_CAP})[^\s,]*){{1,4}})\s*",
    _I,
)
_PERSON_DASH_POST = re.compile(_PERSON.pattern + rf"[–-]\s*(?-i:{_CAP})", _I)
# a person's name last in a clause, after "và" ("... và đồng chí Nguyễn Đức Thu")
_PERSON_LAST = re.compile(
    rf"\s+(?:và|là)\s+(?:(?:{_ADDRESS})\s+)?((?-i:{_CAP})[^\s,]*(?:\s+(?-i:{_CAP})[^\s,]*){{1,4}})\s*$",
    _I,
)
# an address form and a name of two to five capitalised words ("đồng chí Phạm Gia Khiêm")
_ADDRESSED_NAME = rf"(?:{_ADDRESS})\s+(?-i:{_CAP})\S*(?:\s+(?-i:{_CAP})\S*){{1,4}}"
# "..., Phó Thủ tướng Chính phủ và đồng chí Phạm Gia Khiêm, ...": the next person told
_RESIDENCE = re.compile(rf",\s+(?:{_listed('residence_leads')})\s.*$", _I)
_PERSON_AND_PERSON = re.compile(rf"\s+và\s+(?={_ADDRESSED_NAME})", _I)
_ADDRESSED = re.compile(rf"\s*{_ADDRESSED_NAME}", _I)
# a person with an address form last in a part, perhaps with a birth year in brackets
_ADDRESSED_LAST = re.compile(rf"(?<!\w)({_ADDRESSED_NAME})(?:\s*\([^()]{{1,30}}\))?\s*$", _I)
# another post of the same person ("kiêm tổng giám đốc công ty", "nguyên Giám đốc Sở")
_MORE_POST = re.compile(rf"^(?:kiêm|nguyên)\s+|^{_HEAD_RX_I.pattern}", _I)
_PROVINCE_KEYS = frozenset(fold(p) for p in PROVINCES)
# "8 Sở GD&ĐT": a count of bodies of one kind, named after the honour ("... gồm: A, B")
_COUNTED_NAME = re.compile(rf"0?\d{{1,2}}\s+(?-i:{_CAP})\S*(?:\s+\S+){{0,3}}")
_NAMED_GRANTOR = re.compile(rf"(?<!\w)(?:{_listed('grantor_heads')})\s+{_DEPT_ANY_RX.pattern}")


def _cut_before_next(text: str, rs: int, rend: int, next_kind: int | None) -> int:
    """A recipient stops at the comma that opens the next award clause."""
    if next_kind is None or next_kind > rend + 1:
        return rend
    seg = text[rs:next_kind]
    cut = max(seg.rfind(","), seg.rfind(" và "))
    return rs + cut if cut > 0 else rend


# "và nhiều Bằng khen", "và 02 Bằng khen": how many of the next honour
_SOME = rf"(?:nhiều|các|{_N})"
_CONFERRER_STOP = re.compile(
    rf"\s+(?:{_listed('conferrer_stops')})(?:\s|:)|[,;:()]|\./\.|\.(?:\s|$)"
    # "... và Bằng khen của ...", "... và nhiều Bằng khen"
    rf"|\s+và\s+(?:{_SOME}\s+)?(?=(?:{_listed('award_first_words')})\s)"
    r"|\s+và\s+(?=\d)"  # "Bằng khen Ủy ban Tỉnh và 02 cá nhân đạt ...": the next recipients
    # "Bằng khen của Chủ tịch UBND tỉnh và nhận phần thưởng ...": the recipient's next act
    rf"|\s+và\s+(?=(?:{_listed('receive_verbs')})(?!\w))",
    _I,
)


def _conferrer_end(text: str, start: int, limit: int) -> int:
    m = _CONFERRER_STOP.search(text, start, limit)
    while m is not None and m.group().startswith(","):
        # "Cờ thi đua của Bộ Văn hóa, Thể thao và Du lịch": a comma inside a department's name
        inside = next((d for d in _DEPT_ANY_RX.finditer(text, start, limit)
                       if d.start() < m.start() < d.end()), None)  # fmt: skip
        if inside is not None:
            m = _CONFERRER_STOP.search(text, inside.end(), limit)
            continue
        # "Bằng khen của Thủ tướng Chính phủ, Bộ trưởng Bộ Y tế và UBND thành phố": a list of
        # grantors that "và" closes
        listed = _GRANTOR_LIST.match(text, m.start(), limit)
        if listed is None:
            break
        m = _CONFERRER_STOP.search(text, listed.end(), limit)
    end = m.start() if m else limit
    # "Cờ thi đua của Bộ Tư pháp và Bằng khen của ...": the "và" joins the next award
    tail = re.search(rf"\s+và(?:\s+{_SOME})?\s*$", text[start:end], _I)
    return start + tail.start() if tail else end


# "Trung ương hội Đông y Việt Nam và UBND tỉnh tặng Bằng khen": two grantors, two awards (not
# "Bộ Tài nguyên và Môi trường", one name)
# "được UBND tỉnh, Bộ Tư pháp tặng Bằng khen": a comma before a grantor's name joins two
_GRANTOR_OPENS = re.compile(rf"(?-i:{_listed('grantor_names')})(?!\w)")
_GRANTOR_AND = re.compile(rf"(?:\s+và|,)\s+(?=(?-i:{_listed('grantor_names')})(?!\w))")
# (each grantor's name without a stop word: "của UBND tỉnh, Bộ Y tế tặng Cờ ... và UBND huyện"
# is two clauses)
_GRANTOR_ITEM = (
    rf"(?-i:{_listed('grantor_names')})(?!\w)"
    rf"(?:(?!\s(?:{_listed('conferrer_stops')})\s)[^,;:.()]){{0,60}}?"
)
_GRANTOR_LIST = re.compile(
    rf"(?:,\s+{_GRANTOR_ITEM})+\s+và\s+{_GRANTOR_ITEM}(?=[,;:.()]|\s+cho\s|$)", _I
)


def _split_grantors(who: str | None) -> list[str | None]:
    """One grantor per organisation named ("A và UBND tỉnh" -> [A, UBND tỉnh])."""
    if not who:
        return [who]
    return [p.strip() for p in _GRANTOR_AND.split(who) if p.strip()] or [who]


_PROXY = re.compile(rf"^(?:{_listed('proxy_leads')})\s+(?=\S)", _I)
# "Bí thư Tỉnh ủy (đứng phát biểu)": where a person stands in the photo names no one
_PHOTO_POSITION = re.compile(rf"\s*\(\s*(?:{_listed('photo_positions')})\s*\)", _I)


def _split_recipients(rec: str) -> list[str]:
    """ "2 tập thể khác là A và B" -> [A, B]; "Phòng X và Trường Y" -> [Phòng X, Trường Y]
    (named recipients each get their own award); "5 tập thể có thành tích ..." -> ["5 tập
    thể"] (a counted group as written); anything else unchanged."""
    # "cho đại diện các tập thể": who receives on the groups' behalf stands for them
    rec = _PHOTO_POSITION.sub("", _PROXY.sub("", rec))
    if (bracketed := _names_in_brackets(rec)) is not None:
        return bracketed
    m = _SPLIT_RECIPIENTS.match(rec)
    if ";" in rec:  # "Phòng A; Văn phòng Sở; Thanh tra Sở": a listed recipient each
        # ("07 tập thể, đó là: A; B; C": the names the count opens)
        rec = rec[m.end() :] if m and m.group().rstrip().endswith(":") else rec
        # ("1.Ủy ban MTTQ tỉnh; 2. Đài Phát thanh …": a numbered list, without its numbers)
        items = [p for part in rec.split(";") if (p := _ITEM_NUMBER.sub("", part).strip(" ,."))]
        if items and (named := _UNIT_THEN_NAMES.match(items[0])):
            # "tập thể Công an tỉnh và hai cá nhân là Đại tá A, Phó Giám đốc; Thượng tá B":
            # the unit, then the persons the count names
            items[:1] = [named.group(1).strip(" ,"), named.group(2).strip(" ,")]
        # "...; ông A, Phó Giám đốc Sở và ông B, Phó Chủ tịch UBND huyện": the last item
        # joins two persons
        return [
            p.strip(" ,")
            for item in items
            for p in (_PERSON_AND_PERSON.split(item) if _ADDRESSED.match(item) else [item])
            if p.strip(" ,")
        ]
    if not m and (persons := _person_list(rec)):
        return persons  # "Các đồng chí A, B và C": a named person each
    if not m and len(people := _PERSON_AND_PERSON.split(rec)) > 1 and _ADDRESSED.match(rec):
        # "đồng chí A, nguyên Phó Thủ tướng và đồng chí B, nguyên ...": each person with
        # their posts ("bà A, ngụ xã X và bà B, ngụ xã Y": without where they live)
        return [p for p in (_RESIDENCE.sub("", p).strip(" ,") for p in people) if p]
    if not m and (qualified := _QUALIFIED_GROUP_LIST.match(rec)):
        parts = _list_parts(rec[qualified.end() :])
        if len(parts) >= 2 and all(p[:1].isupper() for p in parts):
            return parts  # "2 đơn vị dẫn đầu phong trào thi đua là A và B": each named unit
    if not m and (mixed := _ORG_AND_GROUP.match(rec)) and not _COUNTED_GROUP.match(rec):
        # "Sở Nội vụ và 3 cá nhân có thành tích xuất sắc": a named recipient and a counted
        # group, one award each
        group = _COUNTED_GROUP.match(rec, mixed.end())
        if group is not None:
            return [mixed.group(1).strip(" ,"), group.group().strip(" ,")]
    if not m and (unit_person := _ORG_AND_PERSON.match(rec)):
        # "tập thể Công an tỉnh Đồng Nai và đại tá Lê Quang Nhân, Phó Giám đốc ...": a named
        # unit and a person
        return [unit_person.group(1).strip(" ,"), unit_person.group(2).strip(" ,")]
    counted = _COUNTED_GROUP.match(rec)
    if counted and not m:
        if _BELONGS.match(rec, counted.end()):
            return [rec]  # "3 đơn vị trực thuộc Sở Tư pháp": which units, as written
        # "9 đồng chí lãnh đạo các sở", "2 cá nhân tiêu biểu": what kind of group, to a comma
        # or what it did
        kind = _GROUP_KIND.match(rec, counted.end())
        return [(counted.group() + (kind.group() if kind else "")).strip(" ,")]
    if not m:
        parts = [p.strip() for p in _ORG_SPLIT.split(rec) if p.strip()]
        if len(parts) >= 2 and all(_NAMED_ORG.match(p) for p in parts):
            if (acting := [p for p in parts[:-1] if _acts(p)]) and len(acting) < len(parts):
                # "Sở Y tế tổ chức kỷ niệm ... và Chi cục Dân số đón nhận ...": who organised
                # the ceremony is not who received
                parts = [p for p in parts if p not in acting]
            if (mixed := _ORG_AND_GROUP.match(parts[-1])) and (
                group := _COUNTED_GROUP.match(parts[-1], mixed.end())
            ):
                # "A, B và 43 cá nhân": the last name, then a counted group
                parts[-1:] = [mixed.group(1).strip(" ,"), group.group().strip(" ,")]
            return parts
        listed = _list_parts(rec)
        if len(listed) >= 2 and all(fold(p) in _PROVINCE_KEYS for p in listed):
            return listed  # "Bình Dương, Hải Phòng và An Giang": each province's body
        return _split_places(rec) or [rec]
    parts = _list_parts(rec[m.end() :])
    named = [p[:1].isupper() or _person_name(p) for p in parts]
    count = re.match(r"\s*0*(\d+)\s", rec)
    if len(parts) >= 2 and (
        not any(named)
        # "63 đồng chí là cán bộ lãnh đạo cấp ủy, chính quyền, ... cán bộ Đoàn, Hội": more
        # than the items listed, and not every one a name
        or (count is not None and int(count.group(1)) != len(parts) and not all(named))
    ):
        # "5 cá nhân là cán bộ, công chức của Sở": what they are, not names: the group
        counted = _COUNTED_GROUP.match(rec)
        return [counted.group().strip(" ,") if counted else rec]
    return parts if len(parts) >= 2 else [rec]


# an organisation's act after its name ("Sở Y tế tổ chức ..."), the verb in lower case
_LOWER_ACT = re.compile(rf"\s(?-i:{vi.alternation(_ind.CLAUSE_VERBS)})(?!\w)")


def _acts(name: str) -> bool:
    """Whether an organisation's name goes on with what it did ("Sở Y tế tổ chức kỷ niệm
    ..."), not with a verb inside its own name ("Sở Giáo dục và Đào tạo")."""
    for m in _LOWER_ACT.finditer(name):
        before = name[: m.start()].split()
        if before and not before[-1][:1].isupper():
            return True
    return False


_MAX_DEED_WORDS = 5  # the words of what a counted group did, after a comma


def _deed_of_group(rec: str, parts: list[str], k: int) -> bool:
    """Whether ``rec`` (from ``parts[k]``) goes on what a counted group a few commas before
    it did ("64 giáo viên trực tiếp tham gia bồi dưỡng, hướng dẫn học sinh được ...", "77 cán
    bộ, giáo viên, học sinh đạt giải nhất, nhì, ba trong các kỳ thi, hội thi cấp quốc gia được
    ...")."""
    if not _clean(rec)[:1].islower() or _GROUP_HEAD.match(rec) or _NAME_INSIDE.search(rec):
        return False  # ("..., liên tục từ năm 2009 đến nay Sư đoàn được ...": a subject)
    for part in reversed(parts[max(0, k - _MAX_DEED_PARTS) : k]):
        last = _clean(part.split(";")[-1])
        if _OWN_VERB.search(last):
            return False  # "3.125 cá nhân được khen thưởng, ...": the group's own clause
        if _COUNTED_GROUP.match(last) or _DETERMINED_GROUP.match(last):
            return True
        if ";" in part or not last[:1].islower() or len(last.split()) > _MAX_DEED_WORDS:
            return False
    return False


# "Các cá nhân tiêu biểu trong phong trào lao động giỏi, lao động sáng tạo nhận ...": a group
# the plural opens, not only one a count opens
_DETERMINED_GROUP = re.compile(rf"(?:các|những|nhiều)\s+(?:{_listed('recipient_units')})(?!\w)", _I)
_MAX_DEED_PARTS = 6  # the commas a group's deed may run over
_NAME_INSIDE = re.compile(rf"\s(?-i:{_CAP})")
_OWN_VERB = re.compile(r"(?<!\w)được(?!\w)", _I)


_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")


def _commas_outside_brackets(seg: str) -> list[str]:
    """``seg`` split at its commas, but not at those inside brackets ("02 tập thể (HTX A,
    Công ty B) và 01 cá nhân (C) được tặng ...": the names a count opens) or quotes ("Các học
    sinh đạt giải cuộc thi "Học sinh, sinh viên với ý tưởng khởi nghiệp", nhận ...")."""
    quoted = {i for m in _QUOTED.finditer(seg) for i in range(m.start(), m.end())}
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(seg):
        depth += (ch == "(") - (ch == ")" and depth > 0)
        if ch == "," and depth == 0 and i not in quoted:
            parts.append(seg[start:i])
            start = i + 1
    parts.append(seg[start:])
    return parts


# "02 tập thể (HTX A, Công ty B) và 01 cá nhân (Nông dân C)": counted groups, each with its
# members named in brackets
_BRACKETED_GROUP = re.compile(
    rf"\s*(?:(?:,|và|,\s*và)\s*)?0*(?P<n>\d{{1,2}})\s+(?:{_listed('group_units')})"
    r"\s*\((?P<names>[^()]{2,300})\)",
    _I,
)


def _names_in_brackets(rec: str) -> list[str] | None:
    """The names of a recipient written as counted groups with their members in brackets,
    when every group names as many as it counts; None otherwise."""
    names: list[str] = []
    pos = 0
    while (m := _BRACKETED_GROUP.match(rec, pos)) is not None:
        parts = _list_parts(m.group("names"))
        if len(parts) != int(m.group("n")) or not all(p[:1].isupper() for p in parts):
            return None
        names += parts
        pos = m.end()
    rest = rec[pos:].strip(" ,.")
    if not names or (rest and not _MERIT_AFTER.fullmatch(rest)):
        return None  # ("... (C) điển hình tiên tiến": what they are may follow)
    return names


_MERIT_AFTER = re.compile(rf"{_LOWER}[^\W\d]*(?:\s+[^\W\d]+){{0,8}}")


def _names_as_counted(group: str, parts: list[str]) -> bool:
    """True when ``parts`` are names (capitalised) as many as ``group`` counts ("02 đơn vị")."""
    count = re.match(r"\s*0*(\d{1,2})\s", group)
    return (
        count is not None
        and int(count.group(1)) == len(parts) >= 2
        and all(p[:1].isupper() or _person_name(p) for p in parts)
    )


def _list_parts(listed: str) -> list[str]:
    """The items of "A, B và C", a "và" inside a department's name kept ("Phòng Giáo dục và
    Đào tạo huyện X" is one item)."""
    inside = [(d.start(), d.end()) for d in _DEPT_ANY_RX.finditer(listed)]
    parts: list[str] = []
    start = 0
    for sep in _LIST_SEP.finditer(listed):
        if any(lo < sep.start() < hi for lo, hi in inside):
            continue
        parts.append(listed[start : sep.start()])
        start = sep.end()
    parts.append(listed[start:])
    return [p.strip() for p in parts if p.strip()]


# the capitalised run that opens a clause ("Bộ GD-ĐT" of "Bộ GD-ĐT công nhận ...")
_LEADING_NAME = re.compile(rf"(?:(?-i:[{_UP}])\S*(?:\s+|$))*", _I)


# "Hai cá nhân", "các tập thể", "02 đơn vị": a group that the names after it may list
_GROUP_WORD = re.compile(rf"(?:các|những|{_FEW})\s+(?:{_listed('group_units')}){_FOLLOWER}$", _I)
# "Khánh Hòa có hai nhà giáo được tặng ...": who has the recipients is not one
_HOLDER = re.compile(rf"^\S.*?\s+có\s+(?=(?:{_N}|{_FEW}|các)\s)", _I)
_TIMES = re.compile(rf"\s*(?:(?<!\w)(?:đã|cũng)\s+)?(?:vinh\s+dự\s+)?(?<!\w){_FEW}\s+lần\s*$", _I)
_UNIT_THEN_NAMES = re.compile(
    rf"^(.+?)\s*(?:,|và)\s+{_FEW}\s+(?:{_listed('group_units')})"
    r"\s+(?:là|gồm)\s*:?\s+(\S.*)$",
    _I,
)
_GIVEN_TO = re.compile(r"(?<!\w)cho\s+(?=\d)", _I)
_YEARS_RUNNING = re.compile(rf"(?<!\w){_FEW}\s+năm\s+(?:liên\s+tục|liền)\s+(?=\S)", _I)
_YEARS_RUNNING_END = re.compile(rf"\s+{_FEW}\s+năm\s+(?:liên\s+tục|liền)\s*$", _I)
_ONE_OF = re.compile(r"\s+(?:là|trở\s+thành)\s+(?:một|1)\s+trong(?!\w)", _I)


def _subject_of_acts(parts: list[str]) -> str:
    """The words before the first act of the last comma part that has a subject before its
    verb ("Hội Cựu TNXP tỉnh" of "Hội Cựu TNXP tỉnh tổ chức tổng kết ..., triển khai ... và"),
    or a counted list of nouns before it ("27 xã, phường, thị trấn" of "có 27 xã, phường, thị
    trấn đạt tiêu chuẩn và"); the last part itself when there is neither."""
    joined = ",".join(parts)
    verb = _ind.clause_verb_in(joined, 0)
    if verb and (counted := _COUNTED_LIST.search(joined[:verb].rstrip())):
        return counted.group().strip()
    for i in range(len(parts) - 1, -1, -1):
        part = _clean(_AWARD_LEAD.sub("", _clean(parts[i])))
        if (one_of := _ONE_OF.search(part)) and part[:1].isupper():
            # "Hội Nông dân tỉnh là một trong 20 đơn vị ... và được ... tặng": who is one of them
            return part[: one_of.start()].strip()
        verb = _ind.clause_verb_in(part, 0)
        if verb:
            subject = _TRAIL_ADVERB.sub("", part[:verb].strip())
            if subject[:1].isupper():  # a named subject ("VKSND tỉnh Vĩnh Phúc", "Sở ...")
                return subject
        elif verb == 0 and i > 0:
            # "Cục thuế TP HCM sáng nay, tổ chức kỷ niệm ... và vinh dự đón nhận ...": the
            # subject before the comma, without when
            before = _ind.strip_time(_clean(_AWARD_LEAD.sub("", _clean(parts[i - 1]))))
            before = _TIME_TAIL.sub("", before)
            if before[:1].isupper() and _ind.clause_verb_in(before, 0) is None:
                return before.strip(" ,")
    return _clean(parts[-1]).strip(" ,")


# "Cục thuế TP HCM sáng nay, tổ chức ...": when, after the subject (lexicon time_tails)
_TIME_TAIL = re.compile(rf"\s+(?:{_listed('time_tails')})$", _I)
_PLACE_PART = re.compile(rf"^(?:các\s+)?{PLACE_HEAD}\s+(?-i:[{_UP}])", _I)
_PLACES_LEAD = re.compile(rf"^các\s+{PLACE_HEAD}\s+", _I)


def _split_places(rec: str) -> list[str]:
    """ "Hội Nông dân TP Chí Linh, thị xã Kinh Môn, các huyện Thanh Hà, Gia Lộc" -> one
    recipient per place (the first named in full; a name after "các huyện X," is another
    district); [] when ``rec`` is not such a list."""
    parts = _list_parts(rec)
    if len(parts) < 2 or not _NAMED_ORG.match(parts[0]) and not _PLACE_PART.match(parts[0]):
        return []
    out: list[str] = [parts[0]]
    plural = False
    for part in parts[1:]:
        if _PLACE_PART.match(part):
            plural = bool(_PLACES_LEAD.match(part))
            out.append(_PLACES_LEAD.sub("", part))
        elif plural and re.fullmatch(rf"(?-i:[{_UP}])\w*(?:\s+(?-i:[{_UP}])\w*){{0,3}}", part):
            out.append(part)
        else:
            return []
    return out


_BELONGS = re.compile(rf"\s+(?:trực\s+)?thuộc\s+(?-i:[{_UP}])", _I)
_GROUP = rf"{_N}\s+(?:{_listed('recipient_units')})"
# "20 tập thể và 35 cá nhân, trao ...", "24 tập thể và cá nhân": the groups as written
_MORE_GROUP = rf"(?:{_N}\s+)?(?:{_listed('recipient_units')})"
# ... and a compound of units ("15 đơn vị tập thể và cá nhân")
_COUNTED_GROUP = re.compile(
    rf"{_GROUP}(?:(?:\s*(?:,|và|,\s*và)\s*|\s+){_MORE_GROUP})*(?=\s+\w|\s*[,;.]|$)", _I
)
_GROUP_STOP = rf"(?:{_listed('group_qualifier_stops')})(?!\w)"
_GROUP_KIND = re.compile(
    rf"(?:\s+(?!{_GROUP_STOP})[^\W\d_]+){{1,{8}}}(?=\s*[,;.()]|$|\s+{_GROUP_STOP})", _I
)
# Organisations named as recipients ("Phòng Lao động ... huyện Thọ Xuân", "Trường Cao đẳng").
ORG_HEADS: tuple[str, ...] = _cues("org_heads")
_ORG_SPLIT = re.compile(rf"(?:,\s*|\s+và\s+)(?=(?-i:{_alt(ORG_HEADS)})\s)")
_NAMED_ORG = re.compile(rf"(?-i:{_alt(ORG_HEADS)})\s+(?:\w+\s+)*?(?-i:[{_UP}])")
# one named organisation, nothing else: a list item ("Bệnh viện Đa khoa tỉnh")
_ORG_ITEM = re.compile(
    # ("Trường Tiểu học Mỹ Lạc (Thủ Thừa)": with where it is)
    rf"(?-i:{_alt(ORG_HEADS)})\s+(?:\w+\s+){{0,3}}?(?-i:[{_UP}])[\w\s-]{{0,60}}"
    r"(?:\s*\([^()]{1,40}\))?"
)
# what opens a list of named recipients: a colon, or "là" after a counted group
# ("Nhiều đơn vị như Phòng A, Phòng B và Phòng C được ...": the units a group's examples name)
_LIST_OPENS = re.compile(
    rf":|(?<=\d\s)(?:{_listed('group_units')})\s+là\s+"
    rf"|(?<=\s)(?:{_listed('group_units')})\s+(?:{_listed('example_leads')})\s+(?=(?-i:[{_UP}]))",
    _I,
)
_ORG_AND_GROUP = re.compile(
    # ("tập thể Công an thị xã Thuận An và 14 cán bộ, chiến sĩ": the unit called a collective)
    rf"((?:tập\s+thể\s+)?(?-i:{_alt(ORG_HEADS)})\s+(?:\w+\s+)*?(?-i:[{_UP}])[^,;]*?)\s+và\s+(?=\d+\s)"
)
_ORG_AND_PERSON = re.compile(
    rf"^((?:tập\s+thể\s+)?(?-i:{_alt(ORG_HEADS)})\s+[^,;]+?)\s+và\s+"
    rf"((?:{_ADDRESS})\s+(?-i:{_CAP})\S*(?:\s+(?-i:{_CAP})\S*){{1,4}}.*)$",
    _I,
)
# "Các đồng chí: A, B và C", "ông A và bà B": the address words before listed names
_NAMES_LEAD = re.compile(rf"^(?:(?:các|những)\s+)?(?:{_ADDRESS})\s*:?\s*", _I)
# "2 đơn vị dẫn đầu phong trào thi đua là A và B": a counted group, what sets it apart, then
# the names it counts
_QUALIFIED_GROUP_LIST = re.compile(
    rf"^(?:{_FEW}|các)\s+(?:{_listed('group_units')})(?:\s+[^\W\d][^,;:\d]{{0,60}}?)?"
    rf"\s+(?:{_listed('list_leads')})\s*:?\s+(?=(?-i:[{_UP}]))",
    _I,
)


def _person_name(words: str) -> bool:
    """Whether ``words`` is a person's name alone ("Trần Thị Bình"): two to five capitalised
    words, the first a surname."""
    ws = _NAMES_LEAD.sub("", _clean(words)).split()
    return 2 <= len(ws) <= 5 and ws[0].lower() in SURNAMES and all(map(_is_title_word, ws))


# a verb that makes a clause more than a group's name ("25 cá nhân được tặng ...", "nhận")
_VERB_IN_GROUP = re.compile(
    rf"(?<!\w)(?:được|{_listed('active_award_verbs')}|{_listed('receive_verbs')})(?!\w)", _I
)
_GRANT_VERB_ONLY = re.compile(rf"(?:{_listed('active_award_verbs')})(?:\s+và)?", _I)
# "..., đón nhận huyện đạt chuẩn nông thôn mới, đón nhận Huân chương ...": an act, not a name
_RECEIVES = re.compile(rf"(?:{_listed('receive_verbs')})\s", _I)
_DASH_POST = re.compile(r"^(.+?)\s+[-–]\s+\S")
_WHERE_FROM = re.compile(r"\s*\([^()]{2,60}\)$")


def _name_items(rec: str) -> list[str]:
    """The items of "Các đồng chí A, B và C" ([A, B, C]) when every one is a person's name."""
    items = [p.strip() for p in _LIST_SEP.split(_NAMES_LEAD.sub("", _clean(rec))) if p.strip()]
    # "ông Võ Hữu Thời (huyện Long Thành) và Hồ Sơn Tư (huyện Xuân Lộc)": a name and where
    # the person is from
    names = [_WHERE_FROM.sub("", p) for p in items]
    return items if items and all(map(_person_name, names)) else []


def _person_list(rec: str) -> list[str]:
    """ "Các đồng chí A, B và C" -> [A, B, C]; [] unless two or more names and nothing else."""
    items = _name_items(rec)
    return items if len(items) >= 2 else []


# The award rules: the pass that found an award, and what deduplication decided about it.
AWARD_RULES: tuple[NamedRule, ...] = register(
    named(
        "award.conferral",
        "an honour a verb confers, with its grantor and recipient (active, passive, captions, "
        "lists of honours and of recipients)",
        "Sở Tư pháp được Thủ tướng Chính phủ tặng Bằng khen",
        "lexicon:award_cues",
    ),
    named(
        "award.quoted_title",
        "a title in quotes that a body confers on the subject before 'được'",
        "xã Tân Hoá được tổ chức Du lịch thế giới vinh danh là “Làng du lịch tốt nhất”",
        "lexicon:award_cues.title_verbs",
        "lexicon:award_cues.title_prizes",
        "lexicon:award_cues.title_grant_verbs",
    ),
    named(
        "award.achieved_title",
        "an emulation title a counted group achieved, its grantor not told",
        "27 cá nhân đạt danh hiệu “Chiến sỹ thi đua cơ sở”",
        "lexicon:award_cues.achieved_titles",
        "lexicon:award_cues.group_units",
        "lexicon:award_cues.proposal_verbs",
    ),
    named(
        "award.plain_sentence",
        "a sentence naming an honour and a verb that gives or receives it, where no other "
        "reading found an award: its first honour, the recipients after 'cho' or the subject "
        "before 'được ... tặng' / 'nhận'",
        "Trao Cờ thi đua cho 4 tập thể.",
        "lexicon:award_cues.recipient_leads",
        "lexicon:award_cues.lead_not_recipients",
        "lexicon:award_cues.plain_not_kinds",
        "lexicon:award_cues.receive_verbs",
        "lexicon:award_cues.proposal_verbs",
    ),
    named(
        "award.state_order_once",
        "a state order told twice to one recipient (conferred and handed over) is one award, "
        "its grantor the President's office",
        "đón nhận Huân chương Lao động hạng Nhì của Chủ tịch nước ... Phó Chủ tịch UBND tỉnh "
        "trao Huân chương Lao động hạng Nhì cho Sở Y tế",
        "lexicon:award_cues.state_orders",
        "lexicon:award_cues.state_order_grantors",
    ),
)


def find_awards(text: str) -> list[Award]:
    """Awards with conferrer and recipient: "<recipient> được tặng <award> của <conferrer>",
    "<conferrer> tặng <award> cho <recipient>", several per sentence; duplicates (and a
    headline repeating a body award) dropped."""
    return awards_of(Document(text))


def _traced_mentions_of(doc: Document) -> list[tuple[Span, Award, str]]:
    """:func:`_award_mentions` of a :class:`Document`, computed once per document."""
    if "award_mentions" not in doc.memo:
        doc.memo["award_mentions"] = _award_mentions(doc.text, doc.spans)
    return doc.memo["award_mentions"]


def award_mentions_of(doc: Document) -> list[tuple[Span, Award]]:
    """(recipient-side span, award) of every award mention in a :class:`Document`."""
    return [(sp, a) for sp, a, _rule in _traced_mentions_of(doc)]


def awards_of(doc: Document) -> list[Award]:
    """:func:`find_awards` of a :class:`Document` (its NFC text)."""
    return [a for a, _rules in awards_traced_of(doc)]


def awards_traced_of(doc: Document) -> list[tuple[Award, tuple[str, ...]]]:
    """:func:`awards_of` with the named rules (:data:`AWARD_RULES`) that decided each."""
    return _dedupe_awards(_traced_mentions_of(doc), title_span_of(doc))


def _dedupe_awards(
    mentions: list[tuple[Span, Award, str]], title: Span | None
) -> list[tuple[Award, tuple[str, ...]]]:
    body_kinds = {
        fold(a.award) for sp, a, _r in mentions if not (title and title[0] <= sp[0] < title[1])
    }
    seen: set[tuple[str, str, str]] = set()
    orders: dict[tuple[str, str], int] = {}  # a state order to a recipient: where it is in out
    out: list[tuple[Award, tuple[str, ...]]] = []
    for sp, a, rule in mentions:
        if title and title[0] <= sp[0] < title[1] and fold(a.award) in body_kinds:
            continue
        if a.recipient is not None and not content_words(a.recipient):
            continue  # "... và hai lần được tặng thưởng Huân chương": "và" names no one
        key = (fold(a.award), fold(a.recipient), fold(a.conferred_by or ""))
        if key in seen or _same_group_told_longer(key, seen):
            continue
        seen.add(key)
        if fold(a.award).startswith(_STATE_ORDER_KINDS):
            # "... đón nhận Huân chương Lao động hạng Nhì của Chủ tịch nước" and "Phó Chủ tịch
            # UBND tỉnh trao Huân chương Lao động hạng Nhì cho Sở Y tế": one order, handed over
            at = orders.get(key[:2])
            if at is not None:
                if fold(a.conferred_by or "") == _STATE_GRANTOR:
                    # the order's grantor named here, its hander before
                    out[at] = (a, (rule, "award.state_order_once"))
                elif "award.state_order_once" not in out[at][1]:
                    out[at] = (out[at][0], (*out[at][1], "award.state_order_once"))
                continue
            orders[key[:2]] = len(out)
        out.append((a, (rule,)))
    return out


def _same_group_told_longer(key: tuple[str, str, str], seen: set[tuple[str, str, str]]) -> bool:
    """True when ``key`` gives an honour and grantor already seen to a counted group told
    before with fewer or more words ("3 đơn vị cơ sở" and "3 đơn vị cơ sở thuộc Công an
    tỉnh")."""
    award, rec, grantor = key
    if not rec[:1].isdigit():
        return False
    return any(
        a == award and g == grantor and (r.startswith(rec + " ") or rec.startswith(r + " "))
        for a, r, g in seen
    )


# Honours only the State President confers ("Huân chương ..."): the same order to the same
# recipient twice in an article is one award, handed over by whoever else is named ("Phó Chủ
# tịch UBND tỉnh trao Huân chương ... cho Sở Y tế"); its grantor is the President's office.
_STATE_ORDER_KINDS = tuple(fold(k) for k in _cues("state_orders"))
_STATE_GRANTOR = fold(_cues("state_order_grantors")[0])
