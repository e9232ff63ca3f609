"""The output contract: Pydantic models for a sector report and for extraction results.

These models are the single source of truth. Their JSON Schema is exported to
``schemas/`` (see :func:`export_schemas`) and a test fails when the export drifts.
Field names are fixed: gold files and users depend on them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator

from extractor import vi

Qualifier = Literal["exact", "over", "under", "about"]
ListField = Literal["officials", "achievements", "targets", "awards"]
LIST_FIELDS: tuple[ListField, ...] = ("officials", "achievements", "targets", "awards")
AlignMethod = Literal["exact", "normalized", "fuzzy", "not_found"]


class Official(BaseModel):
    """A person named in the article with their position."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(description="Full name as written, without honorifics (đồng chí, ông, bà).")
    title: str | None = Field(
        default=None, description="Position as written, e.g. 'Phó Chủ tịch UBND tỉnh'."
    )


class Metric(BaseModel):
    """One figure: an achievement of the reviewed year or a target for the plan year."""

    model_config = ConfigDict(extra="forbid")

    indicator: str = Field(description="Short name of what is measured, in the article's words.")
    value: float = Field(description="Normalised number: '15.325' -> 15325, '67,7%' -> 67.7.")
    value_max: float | None = Field(
        default=None, description="Upper end of a range ('từ 26 đến 27 nghìn' -> 27000)."
    )
    unit: str | None = Field(
        default=None, description="'%', 'người', 'hộ', 'lượt', ...; money always in 'đồng'."
    )
    qualifier: Qualifier = Field(
        default="exact",
        description="hơn/trên/trở lên/vượt -> over; dưới -> under; khoảng/gần -> about.",
    )
    year: int | None = Field(default=None, description="The year the figure refers to.")
    plan_pct: float | None = Field(
        default=None,
        description=(
            "Share of plan: 'đạt 105,4% kế hoạch' -> 105.4; 'vượt 33,3% kế hoạch' -> 133.3."
        ),
    )
    evidence: str = Field(description="Verbatim quote from the article containing the figure.")

    @field_validator("value", "value_max", "plan_pct", mode="before")
    @classmethod
    def _coerce_written_number(cls, v: object) -> object:
        """A type slip is coerced, never re-asked: "15325", "15325.0" and the Vietnamese
        "15.325" / "67,7" given as strings read as the numbers they write."""
        if isinstance(v, str):
            text = v.strip().replace("\u00a0", "").replace(" ", "")
            written = vi.written_number(text)
            if written is not None:
                return written
            try:
                return float(text)
            except ValueError:
                return v
        return v


class Award(BaseModel):
    """An honour conferred at or around the review."""

    model_config = ConfigDict(extra="forbid")

    award: str = Field(description="Kind: 'Cờ thi đua xuất sắc', 'Bằng khen', 'Giấy khen', ...")
    conferred_by: str | None = Field(default=None, description="Who grants it, as written.")
    recipient: str = Field(description="Who receives it, as written.")
    evidence: str = Field(description="Verbatim quote from the article.")


class SectorReport(BaseModel):
    """Everything extracted from one annual-review article."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(default=None, description="Headline, if the text has one.")
    province: str | None = Field(default=None, description="Only if the text names it.")
    sector: str | None = Field(default=None, description="The department or sector reviewed.")
    report_year: int | None = Field(default=None, description="The year reviewed.")
    plan_year: int | None = Field(default=None, description="The year targeted.")
    officials: list[Official] = Field(default_factory=list)
    achievements: list[Metric] = Field(default_factory=list)
    targets: list[Metric] = Field(default_factory=list)
    awards: list[Award] = Field(default_factory=list)


# --------------------------------------------------------------------------- results


class Grounding(BaseModel):
    """Where one extracted item's evidence (or an official's name) lies in the source."""

    field: ListField
    index: int
    start: int | None = None
    end: int | None = None
    method: AlignMethod = "not_found"
    score: float = 0.0


class CheckWarning(BaseModel):
    """A rule-based check's finding about one item (or the whole report)."""

    check: str
    message: str
    field: ListField | None = None
    index: int | None = None


ItemStatusKind = Literal["verified", "corrected", "flagged"]


class Correction(BaseModel):
    """One attribute the verification changed, with both readings."""

    attribute: str
    model: str | int | float | bool | None = Field(description="What the strategy gave.")
    corrected: str | int | float | bool | None = Field(description="What was kept.")
    reason: str = ""


class ItemStatus(BaseModel):
    """What the verification says about one kept item (``field``/``index`` of the report).

    ``verified``: located exactly and value and attributes agree with the text;
    ``corrected``: as verified once the listed corrections are applied;
    ``flagged``: kept, but needs review (``flags`` says why).
    """

    field: ListField
    index: int
    status: ItemStatusKind
    corrections: list[Correction] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list)


class RuleTrace(BaseModel):
    """Which named rules decided one extracted item (the ``rules`` strategy only), so an eval
    error can be traced to the rule that made it."""

    field: ListField
    index: int
    rules: list[str] = Field(
        description=(
            "Rule names: for a figure 'indicator.*' made the label and 'label: <cue>' the "
            "list; 'award.*' and 'official.*' name the pass that found an award or official."
        )
    )


class Usage(BaseModel):
    """What one extraction cost."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    attempts: int = Field(default=0, description="Model calls, validation re-asks included.")
    retries: int = Field(default=0, description="Transport retries (429, 5xx, timeouts).")
    reasks: int = Field(
        default=0, description="Calls that fed validation errors back to the model."
    )
    cache_hit: bool = False
    seconds: float = 0.0


class PageInfo(BaseModel):
    """Where the text came from when the input was a web page (its metadata)."""

    format: Literal["html"] = "html"
    title: str | None = Field(default=None, description="The page's title metadata.")
    date: str | None = Field(default=None, description="Publication date, ISO (YYYY-MM-DD).")
    url: str | None = None


class ExtractionResult(BaseModel):
    """What :func:`extractor.extract_report` returns."""

    report: SectorReport
    grounding: list[Grounding] = Field(default_factory=list)
    warnings: list[CheckWarning] = Field(default_factory=list)
    usage: Usage = Field(default_factory=Usage)
    backend: str = ""
    strategy: str = ""
    model: str | None = None
    dropped: list[CheckWarning] = Field(
        default_factory=list, description="Items removed because they failed grounding."
    )
    status: list[ItemStatus] = Field(
        default_factory=list,
        description="Per kept item: verified, corrected (what changed) or flagged (why).",
    )
    text: str | None = Field(
        default=None,
        description="The text extracted from (a web page's main text, not its markup); "
        "grounding spans index into it.",
    )
    page: PageInfo | None = Field(
        default=None, description="The web page's metadata when the input was HTML."
    )
    rules: list[RuleTrace] = Field(
        default_factory=list, description="The named rules behind each item (rules strategy)."
    )

    def status_of(self, field: ListField, index: int) -> ItemStatus | None:
        """The verification status of ``report.<field>[index]`` (None if not recorded)."""
        for s in self.status:
            if s.field == field and s.index == index:
                return s
        return None


class ErrorInfo(BaseModel):
    """Why one article failed: the exception's class name and message."""

    type: str
    message: str

    @classmethod
    def from_exception(cls, exc: BaseException) -> ErrorInfo:
        return cls(type=type(exc).__name__, message=str(exc) or repr(exc))


#: The keys of one batch JSONL line, in order (see :meth:`ArticleResult.to_line`).
LINE_KEYS: tuple[str, ...] = (
    "id",
    "source",
    "report",
    "grounding",
    "warnings",
    "usage",
    "error",
    "backend",
    "strategy",
    "model",
    "dropped",
    "status",
    "text",
    "page",
    "text_sha256",
)


class ArticleResult(ExtractionResult):
    """One article of many: an :class:`ExtractionResult` with its ``id``, ``source`` and
    ``error``. What ``extract_many`` / ``aextract_many`` return and each line of a
    ``run_batch`` JSONL file holds (read them back with ``extractor.batch.load_results``).

    A failed article has ``error`` set (``ok`` is False) and an empty report.
    ``ArticleResult(id, source, result=..., error=...)`` wraps a result or an exception.
    """

    id: str
    source: str = ""
    error: ErrorInfo | None = None
    text_sha256: str | None = Field(
        default=None,
        description="sha256 of the input text as read; a resume redoes the line if it changed.",
    )
    report: SectorReport = Field(default_factory=SectorReport)
    _exception: BaseException | None = PrivateAttr(default=None)

    def __init__(
        self,
        id: str | None = None,
        source: str | None = None,
        /,
        *,
        result: ExtractionResult | None = None,
        error: BaseException | ErrorInfo | Mapping[str, Any] | None = None,
        **data: Any,
    ) -> None:
        if result is not None:
            data = {name: getattr(result, name) for name in ExtractionResult.model_fields} | data
        if id is not None:
            data["id"] = id
        if source is not None:
            data["source"] = source
        exc = error if isinstance(error, BaseException) else None
        if exc is not None:
            error = ErrorInfo.from_exception(exc)
        if error is not None:
            data["error"] = error
        super().__init__(**data)
        self._exception = exc

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def result(self) -> ArticleResult | None:
        """This result when the article succeeded, else None."""
        return self if self.error is None else None

    @property
    def exception(self) -> BaseException | None:
        """The exception behind ``error`` (in this process only; not serialised)."""
        return self._exception

    def to_line(self) -> dict[str, Any]:
        """The JSONL record: :data:`LINE_KEYS`; a failed article has ``report: null``."""
        data = self.model_dump(mode="json")
        if self.error is not None:
            data["report"] = None
            data["usage"] = None
        return {key: data.get(key) for key in LINE_KEYS}

    @classmethod
    def from_line(cls, line: Mapping[str, Any]) -> ArticleResult:
        """Read one JSONL record back (older lines without the newer keys too)."""
        data = {k: v for k, v in line.items() if k in cls.model_fields and v is not None}
        return cls.model_validate(data)


SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "sector_report": SectorReport,
    "extraction_result": ExtractionResult,
    "article_result": ArticleResult,
}


def schema_json(model: type[BaseModel]) -> str:
    """The model's JSON Schema as stable, pretty-printed text (what ``schemas/`` holds)."""
    return (
        json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    )


def schema_filename(name: str) -> str:
    return f"{name}.schema.json"


def write_schemas(directory: str) -> list[str]:
    """Write every model's JSON Schema into ``directory``; returns the paths written."""
    from pathlib import Path

    written = []
    for name, model in SCHEMA_MODELS.items():
        path = Path(directory) / schema_filename(name)
        path.write_text(schema_json(model), encoding="utf-8")
        written.append(str(path))
    return written
