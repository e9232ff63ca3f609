"""The conventions a model is told, rendered from the lexicon (so the prompt says exactly
what the verification checks). Prompts name a block as ``[[conventions:KEY]]``."""

from __future__ import annotations

from collections.abc import Callable

from extractor.vi import entry, phrase_map
from extractor.vi.formatting import format_number


def _scale_words() -> str:
    groups: dict[float, list[str]] = {}
    for word, mult in phrase_map("scale_words").items():
        groups.setdefault(mult, []).append(word)
    return ", ".join(f"{'/'.join(words)} = {int(mult)}" for mult, words in sorted(groups.items()))


def _qualifiers() -> str:
    by: dict[str, list[str]] = {}
    for phrase, label in phrase_map("qualifiers").items():
        by.setdefault(label, []).append(phrase)
    parts = [f'"{label}" for {", ".join(sorted(words, key=len))}' for label, words in by.items()]
    return "; ".join(parts) + '; "trở lên" after the figure -> "over"; otherwise "exact"'


def _plan() -> str:
    verbs = "/".join(sorted(entry("plan.share_verbs")))
    words = ", ".join(f'"{w}"' for w in entry("plan.plan_words"))
    return (
        f'{verbs} X% + a plan word ({words}) -> plan_pct X; "vượt X%" of a plan -> '
        'plan_pct 100 + X; "tăng/giảm X% so với kế hoạch" is a change, not a plan share'
    )


def _units() -> str:
    heads = ", ".join(f'"{k}" -> "{v}"' for k, v in list(phrase_map("unit_heads").items())[:6])
    compounds = ", ".join(f'"{w}"' for w in sorted(entry("compound_units")))
    spellings = ", ".join(
        f'"{k}" -> "{v}"' for k, v in phrase_map("unit_spellings").items() if k != v
    )
    return (
        "the counted noun right after the number (and its scale word), one word "
        f"({heads}), except nouns kept whole: {compounds}; rates keep their slashes "
        f'("tấn/ha/năm"); spellings: {spellings}'
    )


def _numbers() -> str:
    return (
        '"." separates thousands and "," decimals: "15.325" is 15325 (never 15.325), "67,7" '
        f"is 67.7 (so {format_number(1234.5)} is 1234.5); write value as a JSON number. A "
        'result/plan pair "1,2/1 tỷ đồng" reads both sides with the scale (1200000000 and '
        "1000000000)"
    )


BLOCKS: dict[str, Callable[[], str]] = {
    "scale_words": _scale_words,
    "qualifiers": _qualifiers,
    "plan": _plan,
    "units": _units,
    "numbers": _numbers,
}


def render(key: str) -> str:
    """The text of one conventions block (KeyError for an unknown key)."""
    return BLOCKS[key]()


__all__ = ["BLOCKS", "render"]
