"""``extract_report()``: the public entry point, its async twin and the strategies.

Strategies:
- ``rules``: deterministic, no model (``extractor.strategies.rules``); the offline default.
- ``direct``: one schema-constrained LLM call per chunk through instructor; the default
  when an OpenAI-compatible endpoint is configured. Unsupported figures are fed back
  to the model as validation errors (bounded re-asks).
- ``guided``: the rules propose numbered candidates, a (small) model only labels them.

Whatever the strategy, every item is grounded in the source afterwards; items whose
evidence is not in the text or does not support their figure are dropped (and listed
in ``result.dropped``), never silently kept. Checks are attached as warnings.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import re
import time
from collections.abc import Callable, Generator
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import instructor

from extractor import checks, verify
from extractor.cache import cache_key, get_cache, text_hash
from extractor.chunking import merge_reports, split_text
from extractor.client import CallRecorder, openai_client, protect_secret, redact
from extractor.errors import ExtractionError, InputError
from extractor.htmlinput import looks_like_html, prepare_input
from extractor.models import (
    CheckWarning,
    ExtractionResult,
    ItemStatus,
    PageInfo,
    RuleTrace,
    SectorReport,
    Usage,
    schema_json,
)
from extractor.prompting import load_prompt, prompt_hash, render_user
from extractor.settings import Settings, public_url

PROMPTS = ("extract_system", "extract_user")
GUIDED_PROMPTS = ("guided_system",)
MAX_OUTPUT_TOKENS = 4096
#: The 1.5B local model can loop; at ~10 tokens/s a cap keeps one call under ~3 minutes.
LOCAL_MAX_OUTPUT_TOKENS = 1536


# --------------------------------------------------------------------------- input


_PATH_LIKE = re.compile(r"\S*[/\\]?\S+\.(?:txt|jsonl?|md|html?|csv|tsv|xml|docx?|pdf)", re.I)


def _looks_like_path(text: str) -> bool:
    """One short line that names a file (it exists, or it is a bare name with a text-file
    extension): a path passed where the article's text belongs."""
    candidate = text.strip()
    if "\n" in candidate or len(candidate) > 1024:
        return False
    if _PATH_LIKE.fullmatch(candidate):
        return True
    try:
        return " " not in candidate and Path(candidate).expanduser().is_file()
    except (OSError, ValueError):
        return False


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # below space, but \t \n \r


def validate_text(text: Any) -> str:
    """The text if usable, else InputError saying why."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("input is not valid UTF-8 text") from None
    if not isinstance(text, str):
        raise InputError(f"input must be text, got {type(text).__name__}")
    if not text.strip():
        raise InputError("input text is empty")
    if _looks_like_path(text):
        raise InputError(
            f"input looks like a file path, not article text: {text.strip()[:200]!r}; "
            "pass the file's contents (Path(...).read_text()) or use the CLI"
        )
    controls = len(_CONTROLS.findall(text))
    if "\x00" in text or controls > max(3, len(text) // 100):
        raise InputError("input looks binary, not article text")
    return text


# --------------------------------------------------------------------------- validation


class ModelReport(SectorReport, instructor.OpenAISchema):
    """The response model: a :class:`SectorReport` that instructor validates for shape
    only (a schema failure is re-asked by instructor). Whether its figures are supported
    is the verification pass's question (:mod:`extractor.verify`), asked once, after the
    answer; only the items a model must fix are re-asked (:func:`_reask_rounds`). Being an
    ``OpenAISchema`` already, instructor uses it as is and its tool schema is built once."""


def report_problems(report: SectorReport, source: str) -> list[str]:
    """What a model must fix in ``report`` (empty: nothing), rendered from the verdicts of
    the one verification pass: every problem of a failing item at once."""
    return [" ".join(v.must_fix) for v in verify.verify_report(report, source).failing]


#: The dialogue's verification of an answer that needed no fix, kept for ``finalize``,
#: which reuses it when asked about the very same report object and text (an article of
#: one chunk): the verification pass then runs once per article, not twice.
_CLEAN: ContextVar[tuple[SectorReport, str, verify.Verification] | None] = ContextVar(
    "extractor_clean_verification", default=None
)


def finalize(
    report: SectorReport, source: str
) -> tuple[SectorReport, list, list[CheckWarning], list[CheckWarning], list[ItemStatus]]:
    """Verify (one pass: drop only what is not located or not stated, correct and record,
    flag the rest), then run the checks on what is kept.

    Returns (report, grounding, warnings, dropped, statuses).
    """
    memo = _CLEAN.get()
    _CLEAN.set(None)
    if memo is not None and memo[0] is report and memo[1] == source:
        checked = memo[2]  # verified already in the dialogue (one chunk, nothing to fix)
    else:
        checked = verify.verify_report(report, source)
    warnings = checked.warnings + checks.run_checks(checked.report, source, checked.grounding)
    return checked.report, checked.grounding, warnings, checked.dropped, checked.statuses


# --------------------------------------------------------------------------- plan


@dataclass
class _Plan:
    settings: Settings
    strategy: str
    backend: str
    model: str | None
    client: Any
    key: str | None


def _plan(text: str, *, settings: Settings | None, client: Any, **overrides: Any) -> _Plan:
    base = settings or Settings.from_env()
    settings = base.with_overrides(**overrides)
    strategy = settings.resolved_strategy
    if client is not None and settings.strategy is None:
        strategy = "direct"  # a client passed in means: use it
    if strategy == "rules":
        backend, model = "rules", None
    elif client is not None:
        backend, model = "openai-client", settings.resolved_model
    elif settings.endpoint_configured:
        url = public_url(settings.base_url) or "api.openai.com"  # never a credential
        backend, model = f"openai:{url}", settings.resolved_model
    else:
        backend, model = "local:llama.cpp", settings.resolved_model
    key = None
    if settings.use_cache and strategy != "rules":
        key = cache_key(
            strategy=strategy,
            backend=backend,
            model=model,
            mode=_mode_for(backend, settings),
            prompts=prompt_hash(*(GUIDED_PROMPTS if strategy == "guided" else PROMPTS)),
            schema=prompt_schema_hash(),
            text=text_hash(text),
            max_reasks=settings.max_reasks,
            temperature=settings.temperature,
            context_chars=settings.context_chars,
        )
    return _Plan(settings, strategy, backend, model, client, key)


def _mode_for(backend: str, settings: Settings) -> str:
    return "json_object" if backend.startswith("local") else settings.mode


@functools.cache
def prompt_schema_hash() -> str:
    """Version of the output schema (computed once per process)."""
    return hashlib.sha256(schema_json(SectorReport).encode()).hexdigest()[:16]


def _messages(chunk: str) -> list[dict[str, str]]:
    return [
        {"role": "system", "content": load_prompt("extract_system")},
        {"role": "user", "content": render_user(chunk)},
    ]


def _recorder(plan: _Plan, *, is_async: bool) -> CallRecorder:
    if plan.backend.startswith("local"):
        from extractor.local import load_local_model

        model = load_local_model(plan.settings)
        return CallRecorder(model.create, plan.settings, adapt=True)
    client = plan.client or openai_client(plan.settings, is_async=is_async)
    protect_secret(getattr(client, "api_key", None))
    mode = plan.settings.mode
    return CallRecorder(client.chat.completions.create, plan.settings, adapt=mode == "json_object")


def _call_kwargs(plan: _Plan, chunk: str) -> dict[str, Any]:
    kwargs: dict[str, Any] = {
        "response_model": ModelReport,
        "messages": _messages(chunk),
        "max_retries": plan.settings.max_reasks,
        "temperature": plan.settings.temperature,
        "max_tokens": MAX_OUTPUT_TOKENS,
    }
    if plan.backend.startswith("local"):
        kwargs["max_tokens"] = LOCAL_MAX_OUTPUT_TOKENS
    if not plan.backend.startswith("local"):
        kwargs["model"] = plan.model
        kwargs["timeout"] = plan.settings.timeout
    return kwargs


def _salvage(exc: Exception, recorder: CallRecorder) -> SectorReport:
    """After re-asks run out: keep what parses (unsupported items are dropped later),
    or raise ExtractionError with the attempts and the last raw output."""
    from instructor.core.exceptions import IncompleteOutputException

    cause = exc.__cause__ or exc
    if isinstance(exc, IncompleteOutputException) or recorder.finish_reason == "length":
        raise ExtractionError(
            "the model's output was cut off (finish_reason=length)",
            attempts=recorder.calls,
            last_output=recorder.last_output,
        ) from exc
    from extractor.retry import is_transient

    if is_transient(cause) or recorder.last_output is None:
        raise ExtractionError(
            f"the endpoint failed: {type(cause).__name__}: {_safe_message(cause)}",
            attempts=recorder.calls + recorder.retry_stats.retries,
            last_output=recorder.last_output,
            retries=recorder.retry_stats.retries,
        ) from exc
    try:
        return SectorReport.model_validate_json(recorder.last_output)
    except ValueError:
        raise ExtractionError(
            "the model did not return a valid SectorReport",
            attempts=recorder.calls,
            last_output=recorder.last_output,
        ) from exc


def _safe_message(exc: BaseException) -> str:
    return redact(str(exc))[:500]


def _reask_kwargs(
    plan: _Plan, chunk: str, recorder: CallRecorder, failing: list[verify.ItemVerdict], n: int
) -> dict[str, Any]:
    """The follow-up request: the conversation so far plus what must be fixed."""
    kwargs = _call_kwargs(plan, chunk)
    answer = recorder.last_output or "{}"
    feedback = verify.reask_message(failing)
    mode = _mode_for(plan.backend, plan.settings)
    if mode == "tools":
        call_id = f"call_reask_{n}"
        kwargs["messages"] = [
            *kwargs["messages"],
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": call_id,
                        "type": "function",
                        "function": {"name": ModelReport.__name__, "arguments": answer},
                    }
                ],
            },
            {"role": "tool", "tool_call_id": call_id, "content": feedback},
        ]
    else:
        kwargs["messages"] = [
            *kwargs["messages"],
            {"role": "assistant", "content": answer},
            {"role": "user", "content": feedback},
        ]
    return kwargs


Exchange = tuple[Any, "Exception | None"]


def _dialogue(
    plan: _Plan, chunk: str, recorder: CallRecorder
) -> Generator[dict[str, Any], Exchange, SectorReport]:
    """One chunk's conversation, for the sync and the async driver alike: yields each
    request's kwargs, is sent back ``(answer, error)``, returns the chunk's report.

    The first answer is verified once; only when items must be fixed (not located, value
    not stated, mis-scaled) is the model re-asked, for those items only, at most
    ``max_reasks`` rounds. A failed re-ask keeps what passed (the rest is dropped later)."""
    answer, error = yield _call_kwargs(plan, chunk)
    report = _salvage(error, recorder) if error is not None else _as_report(answer)
    for n in range(max(0, plan.settings.max_reasks)):
        checked = verify.verify_report(report, chunk)
        if not checked.failing:
            _CLEAN.set((report, chunk, checked))
            break
        answer, error = yield _reask_kwargs(plan, chunk, recorder, checked.failing, n)
        if error is not None:
            break
        report = verify.merge_reask(report, checked, _as_report(answer), chunk)
    return report


def _as_report(answer: Any) -> SectorReport:
    return SectorReport.model_validate(answer.model_dump())


def _chunks(plan: _Plan, text: str) -> list[tuple[int, str]]:
    """The article's chunks, one model call each; refused past ``max_chunks`` (a bound on
    the calls, time and money one article may take)."""
    chunks = split_text(text, plan.settings.context_chars)
    if len(chunks) > plan.settings.max_chunks:
        raise InputError(
            f"article too long: {len(text):,} characters make {len(chunks)} chunks of "
            f"{plan.settings.context_chars:,}; the limit is {plan.settings.max_chunks} "
            "(EXTRACTOR_MAX_CHUNKS)"
        )
    return chunks


def _run_direct_sync(plan: _Plan, text: str) -> tuple[SectorReport, CallRecorder]:
    recorder = _recorder(plan, is_async=False)
    create = recorder.patched(_mode_for(plan.backend, plan.settings))
    reports = []
    for _, chunk in _chunks(plan, text):
        dialogue = _dialogue(plan, chunk, recorder)
        try:
            kwargs = next(dialogue)
            while True:
                try:
                    exchange: Exchange = (create(**kwargs), None)
                except ExtractionError:
                    raise
                except Exception as exc:  # instructor wraps everything; sort it out
                    exchange = (None, exc)
                kwargs = dialogue.send(exchange)
        except StopIteration as done:
            reports.append(done.value)
    return merge_reports(reports), recorder


async def _run_direct_async(plan: _Plan, text: str) -> tuple[SectorReport, CallRecorder]:
    recorder = _recorder(plan, is_async=True)
    create = recorder.patched(_mode_for(plan.backend, plan.settings), is_async=True)
    reports = []
    for _, chunk in _chunks(plan, text):
        dialogue = _dialogue(plan, chunk, recorder)
        try:
            kwargs = next(dialogue)
            while True:
                try:
                    exchange: Exchange = (await create(**kwargs), None)
                except ExtractionError:
                    raise
                except Exception as exc:
                    exchange = (None, exc)
                kwargs = dialogue.send(exchange)
        except StopIteration as done:
            reports.append(done.value)
    return merge_reports(reports), recorder


def _result(
    plan: _Plan, text: str, report: SectorReport, recorder: CallRecorder | None, started: float
) -> ExtractionResult:
    final, spans, warnings, dropped, statuses = finalize(report, text)
    usage = Usage(seconds=round(time.perf_counter() - started, 4))
    if recorder is not None:
        usage.prompt_tokens = recorder.prompt_tokens
        usage.completion_tokens = recorder.completion_tokens
        usage.attempts = recorder.calls
        usage.retries = recorder.retry_stats.retries
        usage.reasks = recorder.reasks
    if recorder is not None:
        warnings = [*warnings, *_empty_answer(report, text)]
    warnings = [*warnings, *_not_vietnamese(text)]
    return ExtractionResult(
        report=final,
        grounding=spans,
        warnings=warnings,
        usage=usage,
        backend=plan.backend,
        strategy=plan.strategy,
        model=plan.model,
        dropped=dropped,
        status=statuses,
    )


def _attach(result: ExtractionResult, text: str, page: PageInfo | None) -> ExtractionResult:
    """Keep the text the spans point into, and a web page's metadata, with the result."""
    result.text = text
    if page is not None:
        result.page = page
        if not result.report.title and page.title:
            result.report.title = page.title
    return result


def _same_figure(a: Any, b: Any) -> bool:
    return bool(a.value == b.value and a.evidence == b.evidence)


# how a kept item is found among the rules' items (verification may correct a field, not these)
_SAME_ITEM: dict[str, Callable[[Any, Any], bool]] = {
    "officials": lambda a, b: a.name == b.name,
    "awards": lambda a, b: (a.award, a.recipient) == (b.award, b.recipient),
}


def _kept_traces(
    before: SectorReport, after: SectorReport, traces: dict[str, list[tuple[str, ...]]]
) -> list[RuleTrace]:
    """The rule traces of the items :func:`finalize` kept (it keeps order, drops some, and
    moves an item whose sentence is about the other year to the other list: its trace then
    ends with the move)."""
    out: list[RuleTrace] = []
    moved: set[tuple[str, int]] = set()
    for field, rules in traces.items():
        original = getattr(before, field)
        other = "targets" if field == "achievements" else "achievements"
        same = _SAME_ITEM.get(field, _same_figure)
        i = 0
        for j, kept in enumerate(getattr(after, field)):
            k = next((k for k in range(i, len(original)) if same(original[k], kept)), None)
            if k is not None:
                out.append(RuleTrace(field=field, index=j, rules=list(rules[k])))  # type: ignore[arg-type]
                i = k + 1
                continue
            if field not in ("achievements", "targets"):
                continue
            came = next(
                (
                    k
                    for k, item in enumerate(getattr(before, other, []))
                    if (other, k) not in moved
                    and item.value == kept.value
                    and item.evidence == kept.evidence
                ),
                None,
            )
            if came is not None and other in traces:
                moved.add((other, came))
                rules_of = [*traces[other][came], f"verify: moved from {other}"]
                out.append(RuleTrace(field=field, index=j, rules=rules_of))  # type: ignore[arg-type]
    return sorted(out, key=lambda t: (t.field, t.index))


#: An article with at least this many figures is expected to yield something.
EMPTY_ANSWER_MIN_FIGURES = 3


def _empty_answer(report: SectorReport, text: str) -> list[CheckWarning]:
    """A warning when the model answered nothing at all for an article full of figures
    (such a result is not cached, and a batch redoes it on the next run)."""
    if report.officials or report.achievements or report.targets or report.awards:
        return []
    from extractor.numbers import find_quantities

    figures = len(find_quantities(text))
    if figures < EMPTY_ANSWER_MIN_FIGURES:
        return []
    return [
        CheckWarning(
            check="empty_answer",
            message=f"the model returned no items for an article with {figures} figures",
        )
    ]


def _not_vietnamese(text: str) -> list[CheckWarning]:
    """A warning when the text has (almost) no Vietnamese letters: English or another
    language, whose figures the Vietnamese rules and prompts misread ("2.024 items")."""
    letters = sum(map(str.isalpha, text))  # counted in C: this runs on every article
    if letters < 40:
        return []
    marked = letters - sum(map(str.isalpha, text.encode("ascii", "ignore").decode("ascii")))
    if marked >= 0.01 * letters:
        return []
    return [
        CheckWarning(
            check="not_vietnamese",
            message="the text does not look Vietnamese (no Vietnamese letters): its figures "
            "are read with Vietnamese number rules and may be wrong",
        )
    ]


def _cached(plan: _Plan) -> ExtractionResult | None:
    if plan.key is None:
        return None
    hit = get_cache(plan.settings.cache_dir).get(plan.key)
    if hit is not None:
        hit.usage.cache_hit = True
    return hit


def _store(plan: _Plan, result: ExtractionResult) -> None:
    if any(w.check == "empty_answer" for w in result.warnings):
        return  # a likely failure, not an answer worth keeping
    if plan.key is not None:
        get_cache(plan.settings.cache_dir).set(plan.key, result)


# --------------------------------------------------------------------------- public


def extract_report(
    text: str,
    *,
    strategy: str | None = None,
    model: str | None = None,
    client: Any = None,
    mode: str | None = None,
    use_cache: bool | None = None,
    max_reasks: int | None = None,
    settings: Settings | None = None,
) -> ExtractionResult:
    """Extract a grounded, checked :class:`SectorReport` from one article.

    With no endpoint configured this runs offline (the ``rules`` strategy by default);
    with ``OPENAI_API_KEY``/``OPENAI_BASE_URL`` set, or a ``client`` given, it asks the
    model (``direct``). ``strategy``, ``model``, ``mode``, ``use_cache`` and
    ``max_reasks`` override the settings. Raises :class:`InputError` for unusable text,
    :class:`ConfigError` for bad settings and :class:`ExtractionError` when the model
    fails after its retries.
    """
    text, page = prepare_input(validate_text(text))
    plan = _plan(
        text,
        settings=settings,
        client=client,
        strategy=strategy,
        model=model,
        mode=mode,
        use_cache=use_cache,
        max_reasks=max_reasks,
    )
    started = time.perf_counter()
    hit = _cached(plan)
    if hit is not None:
        return _attach(hit, text, page)
    if plan.strategy == "rules":
        from extractor.rules import extract_rules_traced

        report, traces = extract_rules_traced(text)
        result = _result(plan, text, report, None, started)
        result.rules = _kept_traces(report, result.report, traces)
        return _attach(result, text, page)
    if plan.strategy == "guided":
        from extractor.guided import run_guided

        local = plan.backend.startswith("local")
        report, recorder = run_guided(
            plan.settings,
            text,
            _recorder(plan, is_async=False),
            mode=_mode_for(plan.backend, plan.settings),
            model=None if local else plan.model,
            extra=None if local else {"timeout": plan.settings.timeout},
        )
    else:
        report, recorder = _run_direct_sync(plan, text)
    result = _result(plan, text, report, recorder, started)
    _store(plan, result)
    return _attach(result, text, page)


async def aextract_report(
    text: str,
    *,
    strategy: str | None = None,
    model: str | None = None,
    client: Any = None,
    mode: str | None = None,
    use_cache: bool | None = None,
    max_reasks: int | None = None,
    settings: Settings | None = None,
) -> ExtractionResult:
    """Async twin of :func:`extract_report`. Endpoint calls are truly async; the rules
    and the in-process local model run in a worker thread."""
    text = validate_text(text)
    if looks_like_html(text):
        text, page = await asyncio.to_thread(prepare_input, text)
    else:
        page = None
    plan = _plan(
        text,
        settings=settings,
        client=client,
        strategy=strategy,
        model=model,
        mode=mode,
        use_cache=use_cache,
        max_reasks=max_reasks,
    )
    if plan.strategy != "direct" or plan.backend.startswith("local"):
        done = await asyncio.to_thread(
            extract_report,
            text,
            client=client,
            settings=plan.settings,
        )
        return _attach(done, text, page)
    started = time.perf_counter()
    hit = await asyncio.to_thread(_cached, plan)
    if hit is not None:
        return _attach(hit, text, page)
    report, recorder = await _run_direct_async(plan, text)
    result = _result(plan, text, report, recorder, started)
    await asyncio.to_thread(_store, plan, result)
    return _attach(result, text, page)
