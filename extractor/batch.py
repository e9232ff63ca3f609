"""Batch extraction: many articles, bounded concurrency, a resumable JSONL output.

Every input yields exactly one output line, an :class:`~extractor.models.ArticleResult`
(an ``ExtractionResult`` with ``id``, ``source`` and ``error``; keys :data:`LINE_KEYS`)::

    {"id", "source", "report", "grounding", "warnings", "usage", "error", ..., "text",
     "text_sha256"}   (strategy, model and text_sha256: what made the line)

Lines are written whole by a single writer, in groups (group commit: every line that
finished while the previous group was being written goes in one ``write()``, then one
fsync; a failed write is cut back to the last whole line). An article counts as done
only once its group's fsync has returned, so a killed run leaves whole lines, each at
most once, plus at most one partial trailing line; the next run truncates it, skips ids
already done *with the same text, strategy and model*, redoes the rest (the partial
line's article too), and compacts the file to one line per id (the last line for an id
wins). One run at a time may write an output file (a lock next to it); a file that is
not a batch output, or that is one of the inputs, is never written.

With ``workers`` > 1 the articles fan out over worker processes (each runs its own event
loop with its share of the concurrency). A worker sends each line back as finished
bytes with a small :class:`_Tally` (what the summary and progress bar need); one thread
of this process hands them to the same single writer, never parsing or re-encoding a
line, so all of the above holds unchanged.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import hashlib
import inspect
import json
import multiprocessing
import os
import pickle
import queue
import secrets
import signal
import stat
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console, Group
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from extractor.errors import ConfigError, ExtractorError, InputError, OutputError
from extractor.models import LINE_KEYS, ArticleResult, ExtractionResult  # noqa: F401 (re-exported)
from extractor.vi.formatting import format_number

ExtractFn = Callable[..., Awaitable[ExtractionResult] | ExtractionResult]
"""``extract(text, **options)``, async or sync; options (strategy, model, use_cache, client,
settings) are passed only when set, so None keeps the extractor's own default."""

#: The keys every complete result line has, whatever version wrote it.
RESULT_KEYS: tuple[str, ...] = ("id", "source", "report", "grounding", "warnings", "usage", "error")
#: What makes a line "done" on resume: the same text, by the same strategy and model.
RUN_KEYS: tuple[str, ...] = ("text_sha256", "strategy", "model")
DEFAULT_CONCURRENCY = 8
#: Auto workers: an offline worker process is worth starting for this many articles
#: (about a second of rules work), an endpoint one for this much concurrency.
OFFLINE_ARTICLES_PER_WORKER = 100
ENDPOINT_CONCURRENCY_PER_WORKER = 16
#: Files a folder input contributes: plain text and saved web pages.
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
#: The check a result carries when the model answered nothing for an article with figures.
EMPTY_ANSWER = "empty_answer"


# --------------------------------------------------------------------------- inputs


@dataclass(frozen=True)
class BatchInput:
    """One article to process: its id, where it came from, and its text (or file)."""

    id: str
    source: str
    text: str | None = None
    path: Path | None = None

    def load(self) -> str:
        """The article text; files are read now (UTF-8, BOM tolerated)."""
        if self.path is None:
            return self.text or ""
        return read_text_file(self.path)


def read_text_file(path: Path) -> str:
    """Read a UTF-8 text file, raising :class:`InputError` that names the path."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc


def _jsonl_inputs(path: Path) -> list[BatchInput]:
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid UTF-8 text (byte {exc.start})") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    items: list[BatchInput] = []
    for lineno, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path} line {lineno}: invalid JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise InputError(f"{path} line {lineno}: expected a JSON object with 'id' and 'text'")
        ident, text = obj.get("id"), obj.get("text")
        if isinstance(ident, bool) or not isinstance(ident, str | int) or str(ident) == "":
            raise InputError(f"{path} line {lineno}: missing or invalid 'id'")
        if not isinstance(text, str):
            raise InputError(f"{path} line {lineno}: 'text' must be a string")
        items.append(BatchInput(str(ident), f"jsonl:{path}#{lineno}", text=text))
    return items


def collect_inputs(inputs: Sequence[str | Path]) -> list[BatchInput]:
    """Expand files, folders of ``.txt`` and ``.jsonl`` files into articles, in order.

    Raises :class:`InputError` before anything runs: missing paths, a folder without
    ``.txt`` files, an invalid JSONL line (file and line named), duplicate ids (listed
    with their sources). A file's id is its stem.
    """
    missing = [str(p) for p in inputs if not Path(p).exists()]
    if missing:
        raise InputError("input not found: " + ", ".join(missing))
    items: list[BatchInput] = []
    seen_files: set[Path] = set()

    def add_file(path: Path) -> None:
        key = path.resolve()
        if key not in seen_files:
            seen_files.add(key)
            items.append(BatchInput(path.stem, str(path), path=path))

    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            try:
                children = list(path.iterdir())
            except OSError as exc:
                raise InputError(f"{path}: cannot read folder ({exc.strerror or exc})") from exc
            files = sorted(
                c for c in children if c.is_file() and c.suffix.lower() in ARTICLE_SUFFIXES
            )
            if not files:
                raise InputError(f"{path}: folder has no .txt or .html files")
            for child in files:
                add_file(child)
        elif path.suffix.lower() == ".jsonl":
            items.extend(_jsonl_inputs(path))
        else:
            add_file(path)
    by_id: dict[str, list[str]] = {}
    for item in items:
        by_id.setdefault(item.id, []).append(item.source)
    dups = {k: v for k, v in by_id.items() if len(v) > 1}
    if dups:
        listed = "; ".join(f"{k!r} ({', '.join(v)})" for k, v in dups.items())
        raise InputError(f"duplicate ids: {listed}")
    return items


def _as_inputs(texts: Iterable[str | tuple[str, str] | BatchInput]) -> list[BatchInput]:
    if isinstance(texts, str | bytes):
        raise InputError(
            "extract_many takes an iterable of texts, not one string (it would run on each "
            "character): pass [text], or use extract_report(text)"
        )
    items: list[BatchInput] = []
    for i, entry in enumerate(texts):
        if isinstance(entry, BatchInput):
            items.append(entry)
        elif isinstance(entry, str):
            items.append(BatchInput(str(i), f"text#{i}", text=entry))
        else:
            ident, text = entry
            items.append(BatchInput(str(ident), f"text#{i}", text=text))
    return items


# --------------------------------------------------------------------------- results


def text_sha256(text: str) -> str:
    """The digest a line records of the text it was made from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def auth_failure(exc: BaseException | None) -> bool:
    """True when ``exc`` (or what caused it) is the endpoint refusing the credentials:
    every further article would fail the same way."""
    import openai

    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


async def _extract_one(
    item: BatchInput,
    extract: ExtractFn,
    kwargs: dict[str, Any],
    engine: dict[str, str | None] | None = None,
    inline: bool = False,
) -> ArticleResult:
    """One article's line. It records what made it: the sha256 of the text as read and
    the strategy and model (the planned ones when the extractor does not say, or failed).
    ``inline``: a blocking ``extract`` runs in this thread (a worker with nothing else to
    do), not in a helper thread."""
    digest: str | None = None
    try:
        if item.path is None or inline:
            text = item.load()
        else:
            text = await asyncio.to_thread(item.load)
        digest = text_sha256(text)
        if not text.strip():
            raise InputError(f"{item.source}: empty text")
        if inspect.iscoroutinefunction(extract):
            res: Any = await extract(text, **kwargs)
        elif inline:
            res = extract(text, **kwargs)
        else:
            res = await asyncio.to_thread(extract, text, **kwargs)
            if inspect.isawaitable(res):
                res = await res
        if not isinstance(res, ExtractionResult):
            raise TypeError(f"extract returned {type(res).__name__}, not ExtractionResult")
        if res.text is None:
            res = res.model_copy(update={"text": text})
        if not res.strategy and engine:
            res = res.model_copy(update={"strategy": engine["strategy"], "model": engine["model"]})
        out = ArticleResult(item.id, item.source, result=res)
    except ConfigError:
        raise
    except Exception as exc:  # one article's failure never stops the batch
        out = ArticleResult(item.id, item.source, error=exc)
        if engine:
            out.strategy = engine["strategy"] or ""
            out.model = engine["model"]
    out.text_sha256 = digest
    return out


def _default_extract() -> ExtractFn:
    from extractor.extract import aextract_report

    return aextract_report


async def _run_all(
    items: Sequence[BatchInput],
    *,
    extract: ExtractFn,
    concurrency: int,
    kwargs: dict[str, Any],
    sink: _Sink | None = None,
    engine: dict[str, str | None] | None = None,
    halt: list[BaseException] | None = None,
) -> list[ArticleResult | None]:
    """Run every item with at most ``concurrency`` in flight; results in input order
    (with a ``sink``, each goes there instead, and the list stays empty).

    A :class:`ConfigError` (not an article's fault), the endpoint refusing the key, or
    anything the caller appends to ``halt`` (a failed write) stops new work; the first
    is re-raised once the articles in flight have finished.
    """
    if concurrency < 1:
        raise ConfigError(f"concurrency must be at least 1, got {concurrency}")
    sem = asyncio.Semaphore(concurrency)
    results: list[ArticleResult | None] = [None] * len(items)
    fatal: list[BaseException] = halt if halt is not None else []

    async def one(i: int, item: BatchInput) -> None:
        async with sem:
            if fatal:
                return
            try:
                out = await _extract_one(item, extract, kwargs, engine)
            except ConfigError as exc:
                fatal.append(exc)
                return
            if sink is None:
                results[i] = out
            else:  # saved before the slot goes to the next article
                await sink.put(out)
        if auth_failure(out.exception):
            _refused(fatal, out.error.type if out.error else "", item.id)

    await asyncio.gather(*(one(i, it) for i, it in enumerate(items)))
    if fatal:
        raise fatal[0]
    return results


def _refused(fatal: list[BaseException], failure: str, ident: str) -> None:
    """Stop the batch: the endpoint refused the key (every further article would fail)."""
    if not any(isinstance(f, ConfigError) for f in fatal):
        fatal.append(
            ConfigError(
                f"the endpoint refused the credentials ({failure.split(':', 1)[0]} on "
                f"{ident!r}); stopped early instead of failing every article: check "
                "OPENAI_API_KEY / OPENAI_BASE_URL, then rerun to resume"
            )
        )


# --------------------------------------------------------------------------- workers


class WorkerError(ExtractorError):
    """A worker process ended without being asked to (killed, out of memory, crashed)."""


class _RemoteFailure(Exception):
    """Stands in (in the parent) for an article's exception raised in a worker process."""

    def __init__(self, message: str, retries: int) -> None:
        super().__init__(message)
        self.retries = retries


def _start_method() -> str:
    """forkserver where there is one (a clean process forks the workers: fast, and safe
    with this process's threads), else spawn."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


#: What the forkserver imports once, so that each worker starts without importing it;
#: before an endpoint batch also what the SDK would import on each worker's first request.
_PRELOAD = ["extractor.batch", "extractor.extract", "extractor.rules", "extractor.verify"]
_ENDPOINT_PRELOAD = [*_PRELOAD, "extractor._endpoint_preload"]


def _shares(concurrency: int, workers: int) -> list[int]:
    """Split ``concurrency`` over ``workers`` (each gets at least one slot)."""
    base, extra = divmod(concurrency, workers)
    return [max(1, base + (i < extra)) for i in range(workers)]


def _picklable(obj: Any) -> bool:
    try:
        pickle.dumps(obj)
    except Exception:  # noqa: BLE001 - any failure means "cannot go to a worker"
        return False
    return True


def resolve_workers(
    workers: int | None,
    *,
    articles: int,
    concurrency: int,
    settings: Any = None,
    strategy: str | None = None,
    client: Any = None,
    extract: ExtractFn | None = None,
) -> int:
    """How many worker processes a batch of ``articles`` uses.

    ``workers`` given: that many (at most one per article), once checked to be possible
    (no ``client`` object, a picklable ``extract``). ``None`` (auto): one process per core
    for an offline ``rules`` batch of at least :data:`OFFLINE_ARTICLES_PER_WORKER`
    articles per worker; against an endpoint one per :data:`ENDPOINT_CONCURRENCY_PER_WORKER`
    of concurrency (each runs its own event loop); 1 for the embedded model (each worker
    would load it), a client object, a custom ``extract``, or a small batch.
    """
    from extractor.settings import Settings

    base = settings if settings is not None else Settings.from_env()
    if workers is None:
        workers = getattr(base, "workers", None)
    if workers is not None:
        if workers < 1:
            raise ConfigError(f"workers must be at least 1, got {workers}")
        if workers > 1 and client is not None:
            raise ConfigError(
                "workers > 1 cannot share a client object across processes: pass settings "
                "(base URL, key) instead, or workers=1"
            )
        if workers > 1 and extract is not None and not _picklable(extract):
            raise ConfigError(
                "workers > 1 need an extract function defined at module level (it is sent "
                f"to other processes); {getattr(extract, '__qualname__', extract)!r} is not"
            )
        return max(1, min(workers, articles))
    if client is not None or extract is not None or articles < 2 or not isinstance(base, Settings):
        return 1
    cores = os.cpu_count() or 1
    resolved = base.with_overrides(strategy=strategy)
    if resolved.resolved_strategy == "rules":
        wanted = articles // OFFLINE_ARTICLES_PER_WORKER
    elif resolved.endpoint_configured:
        wanted = min(concurrency // ENDPOINT_CONCURRENCY_PER_WORKER, articles // 32)
    else:
        wanted = 1  # the embedded model: one copy in memory
    return max(1, min(cores, wanted))


def _worker_main(
    tasks: Any,
    results: Any,
    stop: Any,
    extract: ExtractFn | None,
    kwargs: dict[str, Any],
    engine: dict[str, str | None] | None,
    share: int,
    offline: bool = False,
) -> None:
    """A worker process: its own event loop, ``share`` articles in flight, lines sent back.

    An offline batch's articles are CPU work under one GIL: the worker runs them one at a
    time in its own thread (``share`` would only add thread switches)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    if offline and extract is None:
        from extractor.extract import extract_report

        run = _worker_loop(tasks, results, stop, extract_report, kwargs, engine, 1, inline=True)
    else:
        run = _worker_loop(tasks, results, stop, extract, kwargs, engine, share)
    asyncio.run(run)


async def _worker_loop(
    tasks: Any,
    results: Any,
    stop: Any,
    extract: ExtractFn | None,
    kwargs: dict[str, Any],
    engine: dict[str, str | None] | None,
    share: int,
    inline: bool = False,
) -> None:
    loop = asyncio.get_running_loop()
    inbox: asyncio.Queue[tuple[int, BatchInput] | None] = asyncio.Queue()
    slots = threading.Semaphore(share)
    fn = extract or _default_extract()
    parent = multiprocessing.parent_process() or multiprocessing.current_process()

    def feeder() -> None:
        """Holds the next article ready and starts it when a slot frees (so a worker is
        never idle waiting for the pipe); takes no other: the load still balances."""
        while True:
            while True:
                try:
                    msg = tasks.get(timeout=0.5)
                    break
                except queue.Empty:
                    if not parent.is_alive():  # the batch process was killed: stop too
                        msg = None
                        break
            if msg is not None:
                slots.acquire()
            loop.call_soon_threadsafe(inbox.put_nowait, msg)
            if msg is None:
                return

    async def one(i: int, item: BatchInput) -> None:
        try:
            if stop.is_set():
                results.put(("skip", i, None, None))
                return
            try:
                out = await _extract_one(item, fn, kwargs, engine, inline=inline)
            except ConfigError as exc:
                results.put(("fatal", i, str(exc), None))
                return
            results.put(("done", i, _dump_line(out.to_line()), _Tally.of(out)))
        except BaseException as exc:  # never leave the parent waiting for this article
            results.put(("crash", i, f"worker failed on {item.id!r}: {exc!r}", None))
        finally:
            slots.release()

    threading.Thread(target=feeder, name="extractor-worker-feeder", daemon=True).start()
    running: set[asyncio.Task[None]] = set()
    while (msg := await inbox.get()) is not None:
        task = asyncio.create_task(one(*msg))
        running.add(task)
        task.add_done_callback(running.discard)
    if running:
        await asyncio.gather(*running)


def _from_worker(data: bytes, tally: _Tally) -> ArticleResult:
    out = ArticleResult.from_line(json.loads(data))
    if out.error is not None:
        out._exception = _RemoteFailure(out.error.message, tally.retries)
    return out


async def _run_pool(
    items: Sequence[BatchInput],
    *,
    workers: int,
    extract: ExtractFn | None,
    concurrency: int,
    kwargs: dict[str, Any],
    sink: _Sink | None = None,
    engine: dict[str, str | None] | None = None,
    halt: list[BaseException] | None = None,
    offline: bool = True,
) -> list[ArticleResult | None]:
    """:func:`_run_all` over ``workers`` processes: same results, same stopping rules.

    Articles go out as results come back (``concurrency`` plus one queued per worker in
    flight at most, so a stop or a kill loses little). Each worker sends its line as
    finished bytes with a :class:`_Tally`; one thread here receives them, hands every
    line that has arrived to the ``sink`` as one group (one write, one fsync: nothing is
    parsed or re-encoded here), then sends out more articles. Without a sink the lines
    are parsed into results. A worker that dies stops the batch with
    :class:`WorkerError` (what was saved is kept: rerun to resume).
    """
    if concurrency < 1:
        raise ConfigError(f"concurrency must be at least 1, got {concurrency}")
    ctx = multiprocessing.get_context(_start_method())
    if ctx.get_start_method() == "forkserver":  # workers fork from a process that has these
        # (only the first batch of a process starts the forkserver: its list is the one used)
        ctx.set_forkserver_preload(_PRELOAD if offline else _ENDPOINT_PRELOAD)
    tasks = ctx.Queue()
    replies = ctx.Queue()
    stop = ctx.Event()
    fatal: list[BaseException] = halt if halt is not None else []
    results: list[ArticleResult | None] = [None] * len(items)
    procs = [
        ctx.Process(
            target=_worker_main,
            args=(tasks, replies, stop, extract, kwargs, engine, share, offline),
            name=f"extractor-worker-{n}",
            daemon=True,
        )
        for n, share in enumerate(_shares(concurrency, workers))
    ]
    cancelled = threading.Event()
    pending = iter(enumerate(items))
    in_flight = 0
    limit = concurrency + workers

    def feed() -> None:
        nonlocal in_flight
        while not fatal and in_flight < limit:
            nxt = next(pending, None)
            if nxt is None:
                return
            tasks.put(nxt)
            in_flight += 1

    def next_replies() -> list[tuple[str, int, Any, Any]]:
        """The replies waiting (at least one), or a note that a worker died."""
        while True:
            try:
                got = [replies.get(timeout=0.2)]
                break
            except queue.Empty:
                if cancelled.is_set():
                    return []
                dead = [p for p in procs if p.exitcode is not None]
                if dead:
                    return [("died", -1, dead[0].name, dead[0].exitcode)]
        with contextlib.suppress(queue.Empty):  # all that are ready: one group
            while len(got) < 256:
                got.append(replies.get_nowait())
        return got

    def pump() -> None:
        nonlocal in_flight
        feed()
        while in_flight and not cancelled.is_set():
            group: list[tuple[_Tally, bytes]] = []
            for kind, i, payload, tally in next_replies():
                if kind == "died":
                    hint = (
                        ""
                        if any(r is not None for r in results) or (sink and sink.tallies)
                        else " (a script that starts a batch with workers must run it under "
                        '`if __name__ == "__main__":`, as multiprocessing requires)'
                    )
                    raise WorkerError(
                        f"worker process {payload} ended unexpectedly (exit code {tally})"
                        f"{hint}; the results saved so far are kept: rerun the same command "
                        "to resume"
                    )
                in_flight -= 1
                if kind in ("fatal", "crash"):
                    fatal.append(ConfigError(payload) if kind == "fatal" else WorkerError(payload))
                    stop.set()
                elif kind == "done":
                    if sink is not None:
                        group.append((tally, payload))
                    else:
                        results[i] = _from_worker(payload, tally)
                    if tally.refused:
                        _refused(fatal, tally.failure or "", tally.id)
            if group and sink is not None:
                sink.save(group)
            if fatal:
                stop.set()
            feed()
        if cancelled.is_set():
            return  # the task awaiting this stops the workers itself
        for _ in procs:
            tasks.put(None)
        for proc in procs:
            proc.join(10)

    done: concurrent.futures.Future[None] = concurrent.futures.Future()

    def run_pump() -> None:
        try:
            pump()
        except BaseException as exc:  # handed to the awaiting task
            with contextlib.suppress(concurrent.futures.InvalidStateError):
                done.set_exception(exc)
        else:
            with contextlib.suppress(concurrent.futures.InvalidStateError):
                done.set_result(None)

    pumper = threading.Thread(target=run_pump, name="extractor-batch-pool", daemon=True)
    finished = False
    try:
        for proc in procs:
            proc.start()
        pumper.start()
        await asyncio.wrap_future(done)
        finished = True
    finally:
        if not finished:  # cancelled (Ctrl-C, SIGTERM, a service shutting down) or failed
            stop.set()
            cancelled.set()
            if pumper.is_alive():
                pumper.join(5)  # it finishes the group it is writing, then stops
            for q in (tasks, replies):
                q.cancel_join_thread()
        for proc in procs:
            if proc.is_alive():
                proc.terminate()
                proc.join(5)
        for q in (tasks, replies):
            q.close()
    if fatal:
        raise fatal[0]
    return results


def _is_offline(settings: Any, strategy: str | None) -> bool:
    """True when these articles go to the rules, not to an endpoint."""
    from extractor.settings import Settings

    base = settings if settings is not None else Settings.from_env()
    if not isinstance(base, Settings):
        return True
    resolved = base.with_overrides(strategy=strategy)
    return resolved.resolved_strategy == "rules" or not resolved.endpoint_configured


def _call_kwargs(
    strategy: str | None, model: str | None, use_cache: bool | None, client: Any, settings: Any
) -> dict[str, Any]:
    """Only the options the caller set: None leaves the extractor's (settings') default."""
    given = {
        "strategy": strategy,
        "model": model,
        "use_cache": use_cache,
        "client": client,
        "settings": settings,
    }
    return {k: v for k, v in given.items() if v is not None}


async def aextract_many(
    texts: Iterable[str | tuple[str, str] | BatchInput],
    *,
    concurrency: int | None = None,
    default_concurrency: int = DEFAULT_CONCURRENCY,
    strategy: str | None = None,
    model: str | None = None,
    client: Any = None,
    use_cache: bool | None = None,
    settings: Any = None,
    extract: ExtractFn | None = None,
    workers: int | None = None,
) -> list[ArticleResult]:
    """Extract many texts (plain, ``(id, text)`` or :class:`BatchInput`), in input order.

    One article's failure becomes that :class:`ArticleResult`'s ``error``; only a
    :class:`ConfigError` (bad setup, every article would fail) is raised. ``workers``:
    processes to fan out over (see :func:`resolve_workers`; None picks).
    """
    items = _as_inputs(texts)
    out = await _dispatch(
        items,
        workers=workers,
        extract=extract,
        concurrency=concurrency or default_concurrency,
        strategy=strategy,
        model=model,
        use_cache=use_cache,
        client=client,
        settings=settings,
    )
    return [r for r in out if r is not None]


async def _dispatch(
    items: Sequence[BatchInput],
    *,
    workers: int | None,
    extract: ExtractFn | None,
    concurrency: int,
    strategy: str | None,
    model: str | None,
    use_cache: bool | None,
    client: Any,
    settings: Any,
    sink: _Sink | None = None,
    engine: dict[str, str | None] | None = None,
    halt: list[BaseException] | None = None,
) -> list[ArticleResult | None]:
    """In this process, or over worker processes when there are more than one."""
    n = resolve_workers(
        workers,
        articles=len(items),
        concurrency=concurrency,
        settings=settings,
        strategy=strategy,
        client=client,
        extract=extract,
    )
    kwargs = _call_kwargs(strategy, model, use_cache, client, settings)
    if n > 1:
        return await _run_pool(
            items,
            workers=n,
            extract=extract,
            concurrency=concurrency,
            kwargs=kwargs,
            sink=sink,
            engine=engine,
            halt=halt,
            offline=_is_offline(settings, strategy),
        )
    return await _run_all(
        items,
        extract=extract or _default_extract(),
        concurrency=concurrency,
        kwargs=kwargs,
        sink=sink,
        engine=engine,
        halt=halt,
    )


def _run_sync(factory: Callable[[], Awaitable[Any]]) -> Any:
    """Run a coroutine to completion, also when called from inside a running loop."""
    try:
        asyncio.get_running_loop()
        in_loop = True
    except RuntimeError:
        in_loop = False
    if not in_loop:  # outside the except block: errors do not chain to "no running loop"
        return asyncio.run(factory())  # type: ignore[arg-type]
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = asyncio.run(factory())  # type: ignore[arg-type]
        except BaseException as exc:  # re-raised in the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=target, name="extractor-batch")
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["value"]


def extract_many(
    texts: Iterable[str | tuple[str, str] | BatchInput],
    *,
    concurrency: int | None = None,
    default_concurrency: int = DEFAULT_CONCURRENCY,
    strategy: str | None = None,
    model: str | None = None,
    client: Any = None,
    use_cache: bool | None = None,
    settings: Any = None,
    extract: ExtractFn | None = None,
    workers: int | None = None,
) -> list[ArticleResult]:
    """Synchronous :func:`aextract_many`."""
    items = _as_inputs(texts)
    return _run_sync(
        lambda: aextract_many(
            items,
            concurrency=concurrency,
            default_concurrency=default_concurrency,
            strategy=strategy,
            model=model,
            client=client,
            use_cache=use_cache,
            settings=settings,
            extract=extract,
            workers=workers,
        )
    )


# --------------------------------------------------------------------------- output file


def is_result_line(obj: Any) -> bool:
    """True for a complete batch record: every :data:`RESULT_KEYS` key, and either a report
    (success) or an error with a message. Anything else is never "done"."""
    if not isinstance(obj, dict) or not isinstance(obj.get("id"), str):
        return False
    if any(k not in obj for k in RESULT_KEYS):
        return False
    error = obj["error"]
    if error is None:
        return isinstance(obj["report"], dict) and isinstance(obj["usage"], dict | None)
    return isinstance(error, dict) and isinstance(error.get("message"), str)


_LINE_START = b'{"id":'  # how every line this module writes begins


def _iter_lines(path: Path) -> Iterator[dict[str, Any]]:
    with path.open("rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                return  # partial line left by a kill: not a result
            try:
                obj = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError):
                continue
            if is_result_line(obj):
                yield obj


def read_results(path: str | Path) -> dict[str, dict[str, Any]]:
    """Results by id from a batch JSONL file; the last line for an id wins.

    Order is that of each id's first appearance. Lines that are not complete results
    (see :func:`is_result_line`) and a trailing partial line are ignored (their ids
    count as not done). Missing file: ``{}``.
    """
    path = Path(path)
    if not path.exists():
        return {}
    results: dict[str, dict[str, Any]] = {}
    for obj in _iter_lines(path):
        results[obj["id"]] = obj
    return results


def load_results(path: str | Path) -> list[ArticleResult]:
    """A batch JSONL file read back as :class:`ArticleResult` objects (last line per id)."""
    return [ArticleResult.from_line(line) for line in read_results(path).values()]


def check_batch_file(path: str | Path, *, allow_empty: bool = True) -> int:
    """Raise :class:`OutputError` unless ``path`` is a batch output (every complete line
    a result; a trailing partial line of ours is tolerated). Returns the result lines.

    Used before writing to a file (never replace what this tool did not write) and
    before reading one (never render a CSV as an empty report).
    """
    path = Path(path)
    count = 0
    try:
        with path.open("rb") as fh:
            for lineno, raw in enumerate(fh, start=1):
                if not raw.endswith(b"\n") and raw.startswith(_LINE_START):
                    break  # the partial last line of a killed run
                try:
                    obj = json.loads(raw)
                except (json.JSONDecodeError, UnicodeDecodeError):
                    obj = None
                if not is_result_line(obj):
                    raise OutputError(
                        f"{path} is not an extractor batch file (line {lineno} is not a "
                        "complete result): refusing to use it; choose another file"
                    )
                count += 1
    except OSError as exc:
        raise OutputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if not count and not allow_empty:
        raise OutputError(f"{path} holds no batch results")
    return count


def truncate_partial_line(path: str | Path) -> int:
    """Cut a trailing partial line (no final newline); returns the bytes removed."""
    path = Path(path)
    if not path.exists():
        return 0
    with path.open("r+b") as fh:
        size = fh.seek(0, os.SEEK_END)
        if size == 0:
            return 0
        fh.seek(size - 1)
        if fh.read(1) == b"\n":
            return 0
        pos = size
        keep = 0
        while pos > 0:
            step = min(65536, pos)
            pos -= step
            fh.seek(pos)
            idx = fh.read(step).rfind(b"\n")
            if idx >= 0:
                keep = pos + idx + 1
                break
        fh.truncate(keep)
        fh.flush()
        os.fsync(fh.fileno())
        return size - keep


def _dump_line(line: dict[str, Any]) -> bytes:
    return (json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # make a rename durable
        dfd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def _line_id(raw: bytes) -> str | None:
    """The id at the start of a line this module wrote (``{"id":"…",``), read without
    parsing the rest of the line; None when the line does not start that way."""
    if not raw.startswith(b'{"id":"'):
        return None
    head = raw[6:518].decode("utf-8", "ignore")  # a cut character can only be at the end
    try:
        ident, end = json.decoder.scanstring(head, 1)
    except json.JSONDecodeError:
        return None
    return ident if head[end : end + 1] == "," else None


def _raw_results(path: Path, checked: bool) -> Iterator[tuple[str, bytes]]:
    """``(id, line)`` for each complete result line, as stored. ``checked``: every whole
    line is known to be a result (the file passed :func:`check_batch_file` and only
    results were appended since), so only the id at its start is read."""
    with path.open("rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                return  # partial line left by a kill: not a result
            ident = _line_id(raw) if checked else None
            if ident is None:
                try:
                    obj = json.loads(raw)
                except (json.JSONDecodeError, UnicodeDecodeError):
                    continue
                if not is_result_line(obj):
                    continue
                ident = obj["id"]
            yield ident, raw


def compact(path: str | Path, order: Sequence[str] | None = None, *, checked: bool = False) -> int:
    """Rewrite the file atomically with exactly one line per id (the last one).

    Ids in ``order`` come first in that order, then the rest as first seen. Lines are
    copied as stored (never re-encoded); lines that are not complete results are dropped
    (``checked=True``: the caller knows there are none, so lines are not parsed). Writes a
    temp file in the same folder (same mode as the file), fsyncs it and ``os.replace``-s
    it; a file already in that shape is left alone. If writing the copy fails (a full
    disk), the copy is removed, the original is untouched and the error re-raised.
    Returns the count.
    """
    path = Path(path)
    results: dict[str, bytes] = {}
    n_lines = 0
    for ident, raw in _raw_results(path, checked):
        results[ident] = raw  # the last line wins, at the place its id was first seen
        n_lines += 1
    ranked: list[str] = [i for i in (order or ()) if i in results]
    placed = set(ranked)
    ranked += [i for i in results if i not in placed]
    if n_lines == len(results) and ranked == list(results):
        with path.open("rb") as fh:  # every line a result, once, in order: nothing to do
            if sum(1 for _ in fh) == n_lines:
                return len(ranked)
    mode = stat.S_IMODE(path.stat().st_mode)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            for ident in ranked:
                fh.write(results[ident])
            fh.flush()
            os.fsync(fh.fileno())
            os.fchmod(fh.fileno(), mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)
    return len(ranked)


class _Sink:
    """Where a batch's finished articles go: the writer (whole lines, group commit), then
    their tallies (for the summary) and ``saved`` (the progress bar)."""

    def __init__(self, writer: _Writer, saved: Callable[[Sequence[_Tally]], None]) -> None:
        self.writer = writer
        self.saved = saved
        self.tallies: list[_Tally] = []

    async def put(self, result: ArticleResult) -> None:
        """One article of this process: saved (in a group with any others that finished
        meanwhile) before this returns."""
        tally = _Tally.of(result)
        await self.writer.put(_dump_line(result.to_line()))
        self.tallies.append(tally)
        self.saved([tally])

    def save(self, group: Sequence[tuple[_Tally, bytes]]) -> None:
        """Lines from the workers, as they arrived: one write, one fsync."""
        self.writer.write([data for _, data in group])
        tallies = [t for t, _ in group]
        self.tallies.extend(tallies)
        self.saved(tallies)


class _Writer:
    """The single writer: appends whole lines to the output, in groups (group commit).

    A group (every line that finished while the previous group was being written) is
    one ``write()`` and one fsync; a line counts as saved only once its group's fsync
    has returned. A failed write is cut back to the last whole line (the group before)
    and reported once through ``on_error``; later groups are not attempted. So a kill
    leaves whole lines, each saved at most once, plus at most one partial trailing
    group, which the next run cuts off and redoes.
    """

    def __init__(self, path: Path, on_error: Callable[[OSError], None] | None = None) -> None:
        self.path = path
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)  # umask applies
        self.queue: asyncio.Queue[tuple[bytes, asyncio.Future[bool]] | None] = asyncio.Queue()
        self.task: asyncio.Task[None] | None = None
        self.on_error = on_error
        self.error: OSError | None = None
        self.written = 0
        self.groups = 0
        self.closed = False  # a late group from a stopping thread is dropped, never misdirected
        self._lock = threading.Lock()  # the pool's thread and the event loop may both write

    def write(self, lines: Sequence[bytes]) -> bool:
        """Append ``lines`` (each newline-terminated) as one group; True once they are on
        disk, False if writing failed (now or before)."""
        with self._lock:
            if self.error is not None or self.closed:
                return False
            start = os.lseek(self.fd, 0, os.SEEK_END)
            try:
                view = memoryview(b"".join(lines))
                while view:
                    n = os.write(self.fd, view)
                    view = view[n:]
                os.fsync(self.fd)
            except OSError as exc:
                with contextlib.suppress(OSError):  # whole lines only
                    os.ftruncate(self.fd, start)
                self.error = exc
                if self.on_error is not None:
                    self.on_error(exc)
                return False
            self.written += len(lines)
            self.groups += 1
            return True

    async def _loop(self) -> None:
        closing = False
        while not closing:
            entry = await self.queue.get()
            if entry is None:
                return
            group = [entry]
            while not self.queue.empty():  # everything that finished meanwhile: one group
                nxt = self.queue.get_nowait()
                if nxt is None:
                    closing = True
                    break
                group.append(nxt)
            ok = await asyncio.to_thread(self.write, [data for data, _ in group])
            for _, done in group:
                if not done.done():
                    done.set_result(ok)

    def start(self) -> None:
        self.task = asyncio.create_task(self._loop())

    async def put(self, data: bytes) -> bool:
        """Queue one line and wait until its group is on disk (True) or its write failed:
        no new article starts on the strength of a result that was not saved."""
        done: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        await self.queue.put((data, done))
        return await done

    async def close(self) -> None:
        await self.queue.put(None)
        try:
            if self.task is not None:
                await self.task
        finally:
            with self._lock:
                self.closed = True
                os.close(self.fd)


# --------------------------------------------------------------------------- summary


@dataclass
class BatchSummary:
    """What one :func:`run_batch` call did (this run only; ``skipped`` were done before)."""

    total: int = 0
    done: int = 0
    failed: int = 0
    cached: int = 0
    skipped: int = 0
    skipped_failed: int = 0
    redone: int = 0  # done before, but the text, strategy or model changed since
    empty: int = 0  # the model answered nothing for an article with figures (not done)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    retries: int = 0  # transport retries (429, 5xx, timeouts)
    reasks: int = 0  # validation re-asks fed back to the model
    wall_seconds: float = 0.0
    top_warnings: list[tuple[str, int]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)
    output: str | None = None

    @property
    def processed(self) -> int:
        return self.done + self.failed

    @property
    def articles_per_second(self) -> float:
        return self.processed / self.wall_seconds if self.wall_seconds > 0 else 0.0

    def __rich__(self) -> Group:
        table = Table(title="Batch summary", show_header=False, title_justify="left")
        table.add_column(style="bold")
        table.add_column(justify="right")
        table.add_row("articles", str(self.total))
        table.add_row("done", f"[green]{self.done}[/]")
        table.add_row("failed", f"[red]{self.failed}[/]" if self.failed else "0")
        table.add_row("cache hits", str(self.cached))
        table.add_row("skipped (already done)", str(self.skipped))
        if self.redone:
            table.add_row("redone (text or engine changed)", f"[yellow]{self.redone}[/]")
        if self.empty:
            table.add_row("empty answers (redone next run)", f"[yellow]{self.empty}[/]")
        if self.skipped_failed:
            table.add_row("skipped (failed before)", f"[yellow]{self.skipped_failed}[/]")
        tokens = f"{format_number(self.prompt_tokens)} / {format_number(self.completion_tokens)}"
        table.add_row("tokens in / out", tokens)
        table.add_row("transport retries / re-asks", f"{self.retries} / {self.reasks}")
        table.add_row("wall time", f"{self.wall_seconds:.1f} s")
        table.add_row("articles / s", f"{self.articles_per_second:.2f}")
        if self.output:
            table.add_row("output", self.output)
        parts: list[Any] = [table]
        if self.top_warnings:
            warn = Table(title="Top check warnings", title_justify="left")
            warn.add_column("check")
            warn.add_column("count", justify="right")
            for name, count in self.top_warnings:
                warn.add_row(name, str(count))
            parts.append(warn)
        if self.failures:
            fail = Text("Failures:\n", style="bold red")
            for ident, msg in self.failures[:10]:
                fail.append(f"  {ident}: {msg}\n", style="red")
            if len(self.failures) > 10:
                fail.append(f"  … and {len(self.failures) - 10} more\n", style="red")
            parts.append(fail)
        return Group(*parts)


@dataclass(frozen=True, slots=True)
class _Tally:
    """What the summary, the progress bar and the stopping rules need of one article's
    line: a few small fields, so that a worker sends its line as ready-made bytes and the
    batch process never parses it again."""

    id: str
    ok: bool
    failure: str | None = None  # "Type: message" of a failed article
    retries: int = 0
    cache_hit: bool = False
    prompt_tokens: int = 0
    completion_tokens: int = 0
    reasks: int = 0
    checks: tuple[str, ...] = ()
    refused: bool = False  # the endpoint refused the credentials

    @classmethod
    def of(cls, r: ArticleResult) -> _Tally:
        if not r.ok:
            assert r.error is not None
            return cls(
                r.id,
                ok=False,
                failure=f"{r.error.type}: {r.error.message}",
                retries=int(getattr(r.exception, "retries", 0) or 0),
                refused=auth_failure(r.exception),
            )
        assert r.result is not None
        usage = r.result.usage
        return cls(
            r.id,
            ok=True,
            retries=usage.retries,
            cache_hit=bool(usage.cache_hit),
            prompt_tokens=usage.prompt_tokens,
            completion_tokens=usage.completion_tokens,
            reasks=usage.reasks,
            checks=tuple(w.check for w in r.result.warnings),
        )


def summarize(
    results: Iterable[ArticleResult | _Tally],
    *,
    total: int | None = None,
    skipped: int = 0,
    skipped_failed: int = 0,
    redone: int = 0,
    wall_seconds: float = 0.0,
    output: str | None = None,
) -> BatchSummary:
    """Aggregate counts, tokens, retries and the five most frequent check warnings.

    Re-asks are the calls that fed errors back (a long article's per-chunk calls are
    not re-asks); transport retries count those spent on articles that failed too.
    """
    s = BatchSummary(
        skipped=skipped, skipped_failed=skipped_failed, redone=redone, wall_seconds=wall_seconds
    )
    checks: Counter[str] = Counter()
    n = 0
    for r in results:
        n += 1
        t = r if isinstance(r, _Tally) else _Tally.of(r)
        s.retries += t.retries
        if not t.ok:
            s.failed += 1
            s.failures.append((t.id, t.failure or ""))
            continue
        s.done += 1
        s.cached += int(t.cache_hit)
        s.prompt_tokens += t.prompt_tokens
        s.completion_tokens += t.completion_tokens
        s.reasks += t.reasks
        s.empty += int(EMPTY_ANSWER in t.checks)
        checks.update(t.checks)
    s.total = total if total is not None else n + skipped + skipped_failed
    s.top_warnings = checks.most_common(5)
    s.output = output
    return s


# --------------------------------------------------------------------------- run_batch


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("-- art/s" if speed is None else f"{speed:.2f} art/s", style="cyan")


def _make_progress(console: Console, enabled: bool) -> Progress:
    return Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        TextColumn("[red]{task.fields[failed]} failed[/] [cyan]{task.fields[cached]} cached[/]"),
        console=console,
        disable=not enabled,
        transient=False,
    )


def _engine(
    strategy: str | None, model: str | None, client: Any, settings: Any
) -> dict[str, str | None]:
    """The strategy and model that will make this run's lines (recorded on each line)."""
    from extractor.settings import Settings

    base = settings if settings is not None else Settings.from_env()
    resolved = base.with_overrides(strategy=strategy, model=model)
    chosen = resolved.resolved_strategy
    if client is not None and resolved.strategy is None:
        chosen = "direct"  # as extract_report does with a client passed in
    return {"strategy": chosen, "model": None if chosen == "rules" else resolved.resolved_model}


def _resolve_output(output: Path) -> Path:
    """The file to write: a symlink's target (the link is kept), checked to be usable."""
    if output.is_symlink():
        target = Path(os.path.realpath(output))
        if not target.parent.is_dir():
            raise OutputError(f"{output} is a symlink to {target}, whose folder does not exist")
        output = target
    if output.is_dir():
        raise OutputError(f"{output}: output must be a file, not a folder")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"{output}: cannot create its folder {output.parent} ({exc.strerror or exc})"
        ) from exc
    return output


def _input_files(inputs: Sequence[str | Path], items: Sequence[BatchInput]) -> set[Path]:
    paths = {Path(os.path.realpath(p)) for p in inputs if Path(p).is_file()}
    paths |= {Path(os.path.realpath(i.path)) for i in items if i.path is not None}
    return paths


def _lock(output: Path) -> Any:
    """Hold the output's lock (``.NAME.lock`` beside it) or refuse: one writer at a time."""
    from filelock import FileLock, Timeout

    lock_path = output.with_name(f".{output.name}.lock")
    lock = FileLock(str(lock_path), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise OutputError(
            f"{output} is being written by another batch run (lock {lock_path}): wait for "
            "it to finish or choose another output file"
        ) from None
    except OSError as exc:
        raise OutputError(
            f"{output}: cannot create the lock file {lock_path} ({exc.strerror or exc})"
        ) from exc
    return lock


def _plan_resume(
    items: Sequence[BatchInput],
    previous: dict[str, dict[str, Any]],
    engine: dict[str, str | None],
    retry_errors: bool,
) -> tuple[list[BatchInput], int, int, int]:
    """(to do, skipped as done, skipped as failed, redone because something changed).

    A line is done only if it is a success made from the same text (sha256) by the same
    strategy and model, and not an empty answer.
    """
    todo: list[BatchInput] = []
    skipped = skipped_failed = redone = 0
    for item in items:
        prev = previous.get(item.id)
        if prev is None:
            todo.append(item)
            continue
        try:
            digest: str | None = text_sha256(item.load())
        except InputError:
            digest = None  # unreadable now: run it, its error becomes its line
        same = (
            digest is not None
            and prev.get("text_sha256") == digest
            and prev.get("strategy") == engine["strategy"]
            and prev.get("model") == engine["model"]
        )
        empty = any(
            isinstance(w, dict) and w.get("check") == EMPTY_ANSWER
            for w in prev.get("warnings") or []
        )
        if not same:
            redone += 1
            todo.append(item)
        elif prev.get("error") is None and not empty:
            skipped += 1
        elif retry_errors or empty:
            todo.append(item)
        else:
            skipped_failed += 1
    return todo, skipped, skipped_failed, redone


async def arun_batch(
    inputs: Sequence[str | Path],
    output: str | Path,
    *,
    concurrency: int | None = None,
    default_concurrency: int = DEFAULT_CONCURRENCY,
    model: str | None = None,
    strategy: str | None = None,
    retry_errors: bool = True,
    use_cache: bool | None = None,
    progress: bool = True,
    console: Console | None = None,
    extract: ExtractFn | None = None,
    client: Any = None,
    settings: Any = None,
    workers: int | None = None,
) -> BatchSummary:
    """Async :func:`run_batch`."""
    given = Path(output)
    items = collect_inputs(inputs)  # refuses bad input before anything runs
    engine = _engine(strategy, model, client, settings)
    output = _resolve_output(given)
    if Path(os.path.realpath(output)) in _input_files(inputs, items):
        raise OutputError(f"{given} is one of the inputs: refusing to overwrite it")
    lock = _lock(output)
    try:
        return await _locked_batch(
            items,
            output,
            engine,
            shown=str(given),
            retry_errors=retry_errors,
            progress=progress,
            console=console or Console(stderr=True),
            run=lambda todo, sink, halt: _dispatch(
                todo,
                workers=workers,
                extract=extract,
                concurrency=concurrency or default_concurrency,
                strategy=strategy,
                model=model,
                use_cache=use_cache,
                client=client,
                settings=settings,
                sink=sink,
                engine=engine,
                halt=halt,
            ),
        )
    finally:
        lock.release()


async def _locked_batch(
    items: Sequence[BatchInput],
    output: Path,
    engine: dict[str, str | None],
    *,
    shown: str,
    retry_errors: bool,
    progress: bool,
    console: Console,
    run: Callable[..., Awaitable[list[ArticleResult | None]]],
) -> BatchSummary:
    if output.exists():
        check_batch_file(output)  # never replace a file this tool did not write
    try:
        truncate_partial_line(output)
        previous = read_results(output)
    except OSError as exc:
        raise OutputError(f"{shown}: cannot update ({exc.strerror or exc})") from exc
    todo, skipped, skipped_failed, redone = _plan_resume(items, previous, engine, retry_errors)

    bar = _make_progress(console, progress and console.is_terminal)
    label = f"extracting ({skipped} already done)" if skipped else "extracting"
    task_id = bar.add_task(label, total=len(todo), failed=0, cached=0)
    counts = {"failed": 0, "cached": 0}
    halt: list[BaseException] = []

    def write_failed(exc: OSError) -> None:
        halt.insert(
            0,
            OutputError(
                f"{shown}: writing failed ({exc.strerror or exc}); stopped calling the "
                f"endpoint. {writer.written} result(s) of this run were saved, the file "
                "holds whole lines only: free the space and rerun the same command to resume"
            ),
        )

    try:
        writer = _Writer(output, on_error=write_failed)
    except OSError as exc:
        raise OutputError(f"{shown}: cannot write ({exc.strerror or exc})") from exc
    started = time.perf_counter()

    def saved(tallies: Sequence[_Tally]) -> None:
        for t in tallies:
            if not t.ok:
                counts["failed"] += 1
            elif t.cache_hit:
                counts["cached"] += 1
        bar.update(task_id, advance=len(tallies), **counts)

    sink = _Sink(writer, saved)
    writer.start()
    try:
        with bar:
            await run(todo, sink, halt)
    finally:
        await writer.close()
        if writer.error is None:
            try:
                compact(output, order=[i.id for i in items], checked=True)
            except OSError as exc:
                console.print(
                    f"[yellow]warning: could not compact {shown} ({exc.strerror or exc}); "
                    "it is left as written, complete and valid (the last line of an id "
                    "wins)[/]"
                )
    return summarize(
        sink.tallies,
        total=len(items),
        skipped=skipped,
        skipped_failed=skipped_failed,
        redone=redone,
        wall_seconds=time.perf_counter() - started,
        output=shown,
    )


def run_batch(
    inputs: Sequence[str | Path],
    output: str | Path,
    *,
    concurrency: int | None = None,
    default_concurrency: int = DEFAULT_CONCURRENCY,
    model: str | None = None,
    strategy: str | None = None,
    retry_errors: bool = True,
    use_cache: bool | None = None,
    progress: bool = True,
    console: Console | None = None,
    extract: ExtractFn | None = None,
    client: Any = None,
    settings: Any = None,
    workers: int | None = None,
) -> BatchSummary:
    """Extract every article of ``inputs`` into ``output`` (JSONL), resumably.

    ``inputs``: ``.txt`` files (id = stem), folders of ``.txt`` (sorted) and ``.jsonl``
    files of ``{"id", "text"}``. Rerunning skips ids already done, retries ids that
    errored (unless ``retry_errors=False``) and ends with one line per id. ``concurrency``
    defaults to ``default_concurrency`` (8 suits an API; pass 1 for in-process models).
    ``workers``: processes to fan out over, sharing ``concurrency`` (None: see
    :func:`resolve_workers`: every core for a large offline batch, 1 for a small one);
    one writer in this process keeps the file exactly as with one.
    Raises :class:`InputError` for bad inputs before starting, :class:`ConfigError` for
    a bad setup; an article's own failure is an error line.
    """
    return _run_sync(
        lambda: arun_batch(
            inputs,
            output,
            concurrency=concurrency,
            default_concurrency=default_concurrency,
            model=model,
            strategy=strategy,
            retry_errors=retry_errors,
            use_cache=use_cache,
            progress=progress,
            console=console,
            extract=extract,
            client=client,
            settings=settings,
            workers=workers,
        )
    )
