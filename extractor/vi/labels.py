"""Do two indicator labels name the same thing? Content-word similarity of Vietnamese labels.

A label is compared as a multiset of syllables: NFC, case-folded, split on anything that is
not a letter or digit, without the function words listed in ``data/function_words.json``
("của", "và", "các", "được", "đạt", "trong", "năm", ...) and without bare numbers (a year in
a label names no different thing). Two labels' similarity is the Dice coefficient of their
content syllables. Function words are recognised with their diacritics ("đất" is not "đạt"),
then syllables are compared without them ("đ" as "d"), so a label typed without diacritics
still names the same thing, and a final "y" after a consonant as "i" ("tỷ lệ" is "tỉ lệ").
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

LABEL_THRESHOLD = 0.5
"""Minimum content-word Dice at which two labels name the same thing.

Chosen from the agreement of two independent annotators (evals/GUIDELINES.md §13): on
figures both labelled with the same value, the labels' similarity is at or above this
threshold for nearly every pair, while a label made of one stray word of a longer label
("người" for "người tham gia bảo hiểm y tế") falls below it."""

_SPLIT = re.compile(r"[^\w]+")


def _syllables(text: str) -> list[str]:
    """NFC, case-folded syllables ("Tỷ lệ" -> ["tỷ", "lệ"])."""
    text = unicodedata.normalize("NFC", text).casefold().replace("_", " ")
    return [w for w in _SPLIT.split(text) if w]


# a consonant and a final "y" that outlets also write "i" ("tỷ lệ" / "tỉ lệ", "kỹ" / "kĩ"),
# not the "uy" of "huy", "thủy"
_Y_TWIN = re.compile(r"(?:[bcdghklmnprstvx]|ch|gh|kh|ng|nh|ph|qu|th|tr)y")


def _bare(syllable: str) -> str:
    """A syllable without diacritics, its final "y" after a consonant written "i" ("đất" ->
    "dat", "tỷ" -> "ti")."""
    nfd = unicodedata.normalize("NFD", syllable.replace("đ", "d"))
    bare = "".join(c for c in nfd if not unicodedata.combining(c))
    return bare[:-1] + "i" if _Y_TWIN.fullmatch(bare) else bare


def _load(name: str) -> dict[str, object]:
    data = resources.files("extractor.vi").joinpath("data", name).read_text(encoding="utf-8")
    return json.loads(data)  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The function words ignored in labels (lexicon data)."""
    words: list[str] = _load("function_words.json")["words"]  # type: ignore[assignment]
    return frozenset(s for w in words for s in _syllables(w))


@lru_cache(maxsize=4096)
def content_words(label: str | None) -> tuple[str, ...]:
    """The content syllables of a label, in order."""
    if not label:
        return ()
    stop = function_words()
    return tuple(_bare(w) for w in _syllables(label) if w not in stop and not w.isdigit())


@lru_cache(maxsize=4096)
def content_syllables(label: str | None) -> tuple[str, ...]:
    """The content syllables of a label with their diacritics ("quà" stays apart from "qua")."""
    if not label:
        return ()
    stop = function_words()
    return tuple(w for w in _syllables(label) if w not in stop and not w.isdigit())


def dice(a: Sequence[str], b: Sequence[str]) -> float:
    """Multiset Dice coefficient of two token sequences (1.0 for two empty ones)."""
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    pool = list(b)
    common = 0
    for tok in a:
        if tok in pool:
            pool.remove(tok)
            common += 1
    return 2 * common / (len(a) + len(b))


def label_similarity(a: str | None, b: str | None) -> float:
    """Content-word Dice of two labels in [0, 1]; two labels with no content words are 1.0."""
    return dice(content_words(a), content_words(b))


def same_label(a: str | None, b: str | None, threshold: float = LABEL_THRESHOLD) -> bool:
    """True when the two labels name the same thing (similarity at or above ``threshold``)."""
    return label_similarity(a, b) >= threshold
