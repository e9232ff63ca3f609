"""Splitting long articles on paragraph boundaries and merging the per-chunk reports."""

from __future__ import annotations

from collections import Counter

from extractor.models import SectorReport
from extractor.text import fold, paragraphs, sentences


def split_text(text: str, max_chars: int) -> list[tuple[int, str]]:
    """Chunks of at most ``max_chars`` (offset, text), cut at paragraph boundaries; a
    paragraph longer than the limit is cut at sentence boundaries, a sentence longer
    than that at the limit itself. Offsets index ``text``."""
    if max_chars <= 0:
        raise ValueError("max_chars must be positive")
    if len(text) <= max_chars:
        return [(0, text)]
    pieces: list[tuple[int, int]] = []
    for start, end in paragraphs(text):
        if end - start <= max_chars:
            pieces.append((start, end))
            continue
        for s_start, s_end in sentences(text[start:end]):
            s_start, s_end = start + s_start, start + s_end
            while s_end - s_start > max_chars:
                pieces.append((s_start, s_start + max_chars))
                s_start += max_chars
            pieces.append((s_start, s_end))
    chunks: list[tuple[int, str]] = []
    cur_start: int | None = None
    cur_end = 0
    for start, end in pieces:
        if cur_start is not None and end - cur_start > max_chars:
            chunks.append((cur_start, text[cur_start:cur_end]))
            cur_start = None
        if cur_start is None:
            cur_start = start
        cur_end = end
    if cur_start is not None:
        chunks.append((cur_start, text[cur_start:cur_end]))
    return chunks


def merge_reports(reports: list[SectorReport]) -> SectorReport:
    """Merge per-chunk reports: scalars from the first chunk that has them (years by
    majority), lists concatenated; officials merged by folded name. Item-level
    duplicates (same value and grounded span) are removed later, after grounding."""
    if not reports:
        return SectorReport()
    if len(reports) == 1:
        return reports[0]

    def first(attr: str) -> str | None:
        return next((getattr(r, attr) for r in reports if getattr(r, attr)), None)

    def majority(attr: str) -> int | None:
        years = Counter(getattr(r, attr) for r in reports if getattr(r, attr))
        return years.most_common(1)[0][0] if years else None

    merged = SectorReport(
        title=first("title"),
        province=first("province"),
        sector=first("sector"),
        report_year=majority("report_year"),
        plan_year=majority("plan_year"),
    )
    seen_names: dict[str, int] = {}
    for report in reports:
        for official in report.officials:
            key = fold(official.name)
            if key in seen_names:
                kept = merged.officials[seen_names[key]]
                if not kept.title and official.title:
                    kept.title = official.title
                continue
            seen_names[key] = len(merged.officials)
            merged.officials.append(official.model_copy())
        merged.achievements.extend(report.achievements)
        merged.targets.extend(report.targets)
        merged.awards.extend(report.awards)
    return merged
