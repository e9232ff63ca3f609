"""extractor: grounded, checked structured extraction of Vietnamese annual-review articles.

``extract_report(text)`` returns an :class:`ExtractionResult` (report, grounding spans into
``result.text``, check warnings, usage); ``extract_many`` returns :class:`ArticleResult`
objects (the same, with ``id``, ``source`` and ``error``); ``extractor.export`` turns batch
results into csv/xlsx/parquet tables. README's "Use" section has examples with real output.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from extractor.errors import ConfigError, ExtractionError, ExtractorError, InputError
from extractor.models import (
    ArticleResult,
    Award,
    CheckWarning,
    ErrorInfo,
    ExtractionResult,
    Grounding,
    Metric,
    Official,
    PageInfo,
    SectorReport,
    Usage,
)
from extractor.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from extractor.batch import aextract_many, extract_many, run_batch
    from extractor.extract import aextract_report, extract_report

__version__ = "0.1.0"

__all__ = [
    "ArticleResult",
    "Award",
    "CheckWarning",
    "ConfigError",
    "ErrorInfo",
    "ExtractionError",
    "ExtractionResult",
    "ExtractorError",
    "Grounding",
    "InputError",
    "Metric",
    "Official",
    "PageInfo",
    "SectorReport",
    "Settings",
    "Usage",
    "aextract_many",
    "aextract_report",
    "extract_many",
    "extract_report",
    "run_batch",
]


_LAZY = {
    "extract_report": "extractor.extract",
    "aextract_report": "extractor.extract",
    "extract_many": "extractor.batch",
    "aextract_many": "extractor.batch",
    "run_batch": "extractor.batch",
}


def __getattr__(name: str) -> Any:
    # Loaded on first use: importing the package stays cheap (no openai/instructor/rich).
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
