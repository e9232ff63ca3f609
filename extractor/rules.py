"""Compatibility module: the rules strategy lives in :mod:`extractor.strategies.rules`
(one module per pass). The public names are re-exported here for existing imports."""

from __future__ import annotations

from extractor.strategies.rules import (
    DEPARTMENTS,
    ORG_HEADS,
    PROVINCES,
    SURNAMES,
    Candidate,
    Label,
    Span,
    YearMention,
    candidates,
    detect_years,
    extract_rules,
    extract_rules_traced,
    find_awards,
    find_officials,
    find_province,
    find_sector,
    find_title,
    year_mentions,
)

__all__ = [
    "DEPARTMENTS",
    "ORG_HEADS",
    "PROVINCES",
    "SURNAMES",
    "Candidate",
    "Label",
    "Span",
    "YearMention",
    "candidates",
    "detect_years",
    "extract_rules",
    "extract_rules_traced",
    "find_awards",
    "find_officials",
    "find_province",
    "find_sector",
    "find_title",
    "year_mentions",
]
