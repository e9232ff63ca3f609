"""The rules strategy, deterministic extraction (no model): figures, their labels and
indicators, officials, awards, years, title, province and sector, from cues in the Vietnamese text.

Figures come only from :func:`extractor.numbers.find_quantities`; every evidence is a
verbatim slice of the text. :func:`candidates` lists them numbered, with the rules' guess,
for a model-guided strategy to relabel; :func:`extract_rules` builds the whole report.

- Years: the "tổng kết ... năm X, triển khai ... năm X+1" frame, else votes of the cues
  around each "năm Y" (comparisons "so với năm Y" and dates do not vote).
- Label: the nearest cue before the figure in its sentence (a report/plan year, "phấn đấu",
  "sẽ", "đặt mục tiêu"; weaker: "đã", "năm qua"), else the scope carried from earlier
  sentences of the paragraph (or over a heading / "...:" / bullets), else a plan verb
  ("nâng ... lên"), else achievement. Skipped: award recipient counts, rankings, page
  furniture, participants, the reviewed year's assigned plan "(kế hoạch 95%)", baselines
  "từ X% xuống Y%", other years and multi-year totals, repeats, numbers inside a phrase.
- Indicator: the clause before the figure (after ; , : ( or the previous figure, commas
  inside a noun phrase rejoined) without actors, dates, fillers and verbs, joined with the
  noun phrase after the figure when the figure is a verb's object; a head shared over a
  list; a table row's first cell; else borrowed from the previous figure ("chiếm X%" ->
  "tỷ lệ ...", "tăng X% so với ...") or the noun after. The cue words and tests live in
  :mod:`extractor.indicators`; each candidate lists the named rules that decided it
  (``Candidate.rules``).
- Plan phrases ("vượt 33,3% kế hoạch") become the plan_pct of the figure they follow.


The passes, each a module over one text:

- :mod:`.doc`: sentence and paragraph spans, year mentions, the NFC offset map;
- :mod:`.years`: the report and plan years;
- :mod:`.figures`: every figure as a :class:`Candidate` (clause, evidence, plan phrase),
  using :mod:`.indicators` (what it measures), :mod:`.labels` (achievement / target /
  skip) and :mod:`.skips` (why a number is not a figure);
- :mod:`.officials`, :mod:`.awards`, :mod:`.header` (title, province, sector);
- :mod:`.registry`: the named skip reasons and label cues.
"""

from __future__ import annotations

from extractor.models import SectorReport
from extractor.strategies.rules.awards import ORG_HEADS, awards_traced_of, find_awards
from extractor.strategies.rules.common import DEPARTMENTS, PROVINCES, SURNAMES, Label, Span
from extractor.strategies.rules.doc import Document, YearMention, year_mentions
from extractor.strategies.rules.figures import Candidate, candidates, candidates_of
from extractor.strategies.rules.header import find_province, find_sector, find_title, title_of
from extractor.strategies.rules.officials import find_officials, officials_traced_of
from extractor.strategies.rules.registry import RULES, NamedRule, rules_for_cue
from extractor.strategies.rules.years import detect_years, names_plan_year, years_of

__all__ = [
    "DEPARTMENTS",
    "ORG_HEADS",
    "PROVINCES",
    "SURNAMES",
    "RULES",
    "Candidate",
    "Document",
    "Label",
    "NamedRule",
    "Span",
    "YearMention",
    "candidates",
    "candidates_of",
    "detect_years",
    "extract_rules",
    "extract_rules_traced",
    "find_awards",
    "find_officials",
    "find_province",
    "find_sector",
    "find_title",
    "rules_for_cue",
    "year_mentions",
]


def extract_rules(text: str) -> SectorReport:
    """A full :class:`SectorReport` from rules alone (no model). Evidence quotes ``text``
    verbatim even when it is not NFC or has runs of spaces (the rules read its reading form,
    :class:`Document`)."""
    return extract_rules_traced(text)[0]


def extract_rules_traced(text: str) -> tuple[SectorReport, dict[str, list[tuple[str, ...]]]]:
    """:func:`extract_rules` and, for each item (by list and index), the named rules that
    decided it (``Candidate.rules`` for figures; the award and official passes). Every pass
    reads one
    :class:`Document` (spans and year mentions computed once)."""
    doc = Document(text)
    nfc = doc.text
    report_year, plan_year = years_of(doc)
    cands = candidates_of(doc, report_year=report_year, plan_year=plan_year)
    traced_awards = awards_traced_of(doc)
    awards = [a for a, _r in traced_awards]
    if not doc.is_verbatim:
        awards = [a.model_copy(update={"evidence": doc.original_quote(a.evidence)}) for a in awards]
    traced_officials = officials_traced_of(doc)
    report = SectorReport(
        title=title_of(doc),
        province=find_province(nfc),
        sector=find_sector(nfc),
        report_year=report_year,
        plan_year=plan_year if names_plan_year(doc, plan_year) else None,
        officials=[o for o, _r in traced_officials],
        achievements=[c.to_metric() for c in cands if c.label == "achievement"],
        targets=[c.to_metric() for c in cands if c.label == "target"],
        awards=awards,
    )
    traces = {
        "achievements": [c.rules for c in cands if c.label == "achievement"],
        "targets": [c.rules for c in cands if c.label == "target"],
        "officials": [r for _o, r in traced_officials],
        "awards": [r for _a, r in traced_awards],
    }
    return report, traces
