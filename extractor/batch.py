"""Batch extraction: many articles, bounded concurrency, a resumable JSONL output.

Every input yields exactly one output line, an :class:`~extractor.models.ArticleResult`
(an ``ExtractionResult`` with ``id``, ``source`` and ``error``; keys :data:`LINE_KEYS`)::

    {"id", "source", "report", "grounding", "warnings", "usage", "error", ..., "text"}

Lines are written whole by a single writer task (one ``write()`` per line, then fsync),
so a killed run leaves at most one partial trailing line; the next run truncates it,
skips ids already done, retries ids that errored, and compacts the file to one line
per id (the last line for an id wins).
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import os
import tempfile
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

from extractor.errors import ConfigError, InputError
from extractor.models import LINE_KEYS, ArticleResult, ExtractionResult  # noqa: F401 (re-exported)
from extractor.vi.formatting import format_number

ExtractFn = Callable[..., Awaitable[ExtractionResult] | ExtractionResult]
"""``extract(text, **options)``, async or sync; options (strategy, model, use_cache, client,
settings) are passed only when set, so None keeps the extractor's own default."""

DEFAULT_CONCURRENCY = 8
#: Files a folder input contributes: plain text and saved web pages.
ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


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
            files = sorted(
                c for c in path.iterdir() if c.is_file() and c.suffix.lower() in ARTICLE_SUFFIXES
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


async def _extract_one(
    item: BatchInput, extract: ExtractFn, kwargs: dict[str, Any]
) -> ArticleResult:
    try:
        text = item.load() if item.path is None else await asyncio.to_thread(item.load)
        if not text.strip():
            raise InputError(f"{item.source}: empty text")
        if inspect.iscoroutinefunction(extract):
            res: Any = await extract(text, **kwargs)
        else:
            res = await asyncio.to_thread(extract, text, **kwargs)
            if inspect.isawaitable(res):
                res = await res
        if not isinstance(res, ExtractionResult):
            raise TypeError(f"extract returned {type(res).__name__}, not ExtractionResult")
        if res.text is None:
            res = res.model_copy(update={"text": text})
        return ArticleResult(item.id, item.source, result=res)
    except ConfigError:
        raise
    except Exception as exc:  # one article's failure never stops the batch
        return ArticleResult(item.id, item.source, error=exc)


def _default_extract() -> ExtractFn:
    from extractor.extract import aextract_report

    return aextract_report


async def _run_all(
    items: Sequence[BatchInput],
    *,
    extract: ExtractFn,
    concurrency: int,
    kwargs: dict[str, Any],
    on_result: Callable[[ArticleResult], Awaitable[None]] | None = None,
) -> list[ArticleResult | None]:
    """Run every item with at most ``concurrency`` in flight; results in input order.

    A :class:`ConfigError` (not an article's fault) stops new work and is re-raised once
    the articles in flight have finished.
    """
    if concurrency < 1:
        raise ConfigError(f"concurrency must be at least 1, got {concurrency}")
    sem = asyncio.Semaphore(concurrency)
    results: list[ArticleResult | None] = [None] * len(items)
    fatal: list[BaseException] = []

    async def one(i: int, item: BatchInput) -> None:
        async with sem:
            if fatal:
                return
            try:
                out = await _extract_one(item, extract, kwargs)
            except ConfigError as exc:
                fatal.append(exc)
                return
        results[i] = out
        if on_result is not None:
            await on_result(out)

    await asyncio.gather(*(one(i, it) for i, it in enumerate(items)))
    if fatal:
        raise fatal[0]
    return results


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
) -> list[ArticleResult]:
    """Extract many texts (plain, ``(id, text)`` or :class:`BatchInput`), in input order.

    One article's failure becomes that :class:`ArticleResult`'s ``error``; only a
    :class:`ConfigError` (bad setup, every article would fail) is raised.
    """
    items = _as_inputs(texts)
    out = await _run_all(
        items,
        extract=extract or _default_extract(),
        concurrency=concurrency or default_concurrency,
        kwargs=_call_kwargs(strategy, model, use_cache, client, settings),
    )
    return [r for r in out if r is not None]


def _run_sync(factory: Callable[[], Awaitable[Any]]) -> Any:
    """Run a coroutine to completion, also when called from inside a running loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
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
        )
    )


# --------------------------------------------------------------------------- output file


def _iter_lines(path: Path) -> Iterator[dict[str, Any]]:
    with path.open("rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                return  # partial line left by a kill: not a result
            try:
                obj = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError):
                continue
            if isinstance(obj, dict) and isinstance(obj.get("id"), str):
                yield obj


def read_results(path: str | Path) -> dict[str, dict[str, Any]]:
    """Results by id from a batch JSONL file; the last line for an id wins.

    Order is that of each id's first appearance. Unparseable lines and a trailing
    partial line are ignored (their ids count as not done). Missing file: ``{}``.
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


def compact(path: str | Path, order: Sequence[str] | None = None) -> int:
    """Rewrite the file atomically with exactly one line per id (the last one).

    Ids in ``order`` come first in that order, then the rest as first seen. Writes a
    temp file in the same folder, fsyncs it and ``os.replace``-s it. Returns the count.
    """
    path = Path(path)
    results = read_results(path)
    ranked: list[str] = [i for i in (order or ()) if i in results]
    placed = set(ranked)
    ranked += [i for i in results if i not in placed]
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            for ident in ranked:
                fh.write(_dump_line(results[ident]))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename durable
        dfd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    return len(ranked)


class _Writer:
    """The single task that appends whole lines to the output, fsync'ing each."""

    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self.queue: asyncio.Queue[bytes | None] = asyncio.Queue()
        self.task: asyncio.Task[None] | None = None

    def _write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            n = os.write(self.fd, view)
            view = view[n:]
        os.fsync(self.fd)

    async def _loop(self) -> None:
        while True:
            data = await self.queue.get()
            if data is None:
                return
            await asyncio.to_thread(self._write, data)

    def start(self) -> None:
        self.task = asyncio.create_task(self._loop())

    async def put(self, line: dict[str, Any]) -> None:
        await self.queue.put(_dump_line(line))

    async def close(self) -> None:
        await self.queue.put(None)
        try:
            if self.task is not None:
                await self.task
        finally:
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


def summarize(
    results: Iterable[ArticleResult],
    *,
    total: int | None = None,
    skipped: int = 0,
    skipped_failed: int = 0,
    wall_seconds: float = 0.0,
    output: str | None = None,
) -> BatchSummary:
    """Aggregate counts, tokens, retries and the five most frequent check warnings."""
    s = BatchSummary(skipped=skipped, skipped_failed=skipped_failed, wall_seconds=wall_seconds)
    checks: Counter[str] = Counter()
    n = 0
    for r in results:
        n += 1
        if not r.ok:
            s.failed += 1
            assert r.error is not None
            s.failures.append((r.id, f"{r.error.type}: {r.error.message}"))
            continue
        assert r.result is not None
        usage = r.result.usage
        s.done += 1
        s.cached += int(usage.cache_hit)
        s.prompt_tokens += usage.prompt_tokens
        s.completion_tokens += usage.completion_tokens
        s.reasks += max(usage.attempts - 1, 0)
        s.retries += usage.retries
        checks.update(w.check for w in r.result.warnings)
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
) -> BatchSummary:
    """Async :func:`run_batch`."""
    output = Path(output)
    items = collect_inputs(inputs)  # refuses bad input before anything runs
    if output.is_dir():
        raise InputError(f"{output}: output must be a file, not a folder")
    output.parent.mkdir(parents=True, exist_ok=True)
    truncate_partial_line(output)
    previous = read_results(output)
    todo: list[BatchInput] = []
    skipped = skipped_failed = 0
    for item in items:
        prev = previous.get(item.id)
        if prev is None:
            todo.append(item)
        elif prev.get("error") is None:
            skipped += 1
        elif retry_errors:
            todo.append(item)
        else:
            skipped_failed += 1

    console = console or Console(stderr=True)
    fn = extract or _default_extract()
    limit = concurrency or default_concurrency
    bar = _make_progress(console, progress and console.is_terminal)
    label = f"extracting ({skipped} already done)" if skipped else "extracting"
    task_id = bar.add_task(label, total=len(todo), failed=0, cached=0)
    counts = {"failed": 0, "cached": 0}
    writer = _Writer(output)
    started = time.perf_counter()

    async def on_result(res: ArticleResult) -> None:
        await writer.put(res.to_line())
        if not res.ok:
            counts["failed"] += 1
        elif res.result is not None and res.result.usage.cache_hit:
            counts["cached"] += 1
        bar.update(task_id, advance=1, **counts)

    writer.start()
    try:
        with bar:
            results = await _run_all(
                todo,
                extract=fn,
                concurrency=limit,
                kwargs=_call_kwargs(strategy, model, use_cache, client, settings),
                on_result=on_result,
            )
    finally:
        await writer.close()
    compact(output, order=[i.id for i in items])
    return summarize(
        (r for r in results if r is not None),
        total=len(items),
        skipped=skipped,
        skipped_failed=skipped_failed,
        wall_seconds=time.perf_counter() - started,
        output=str(output),
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
) -> BatchSummary:
    """Extract every article of ``inputs`` into ``output`` (JSONL), resumably.

    ``inputs``: ``.txt`` files (id = stem), folders of ``.txt`` (sorted) and ``.jsonl``
    files of ``{"id", "text"}``. Rerunning skips ids already done, retries ids that
    errored (unless ``retry_errors=False``) and ends with one line per id. ``concurrency``
    defaults to ``default_concurrency`` (8 suits an API; pass 1 for in-process models).
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
        )
    )
