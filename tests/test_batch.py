"""Batch extraction: ordering, concurrency, error lines, resume, compaction, kill safety."""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from extractor.batch import (
    LINE_KEYS,
    ArticleResult,
    BatchInput,
    aextract_many,
    collect_inputs,
    compact,
    extract_many,
    read_results,
    run_batch,
    summarize,
    truncate_partial_line,
)
from extractor.errors import ConfigError, ExtractionError, InputError
from extractor.models import CheckWarning, ExtractionResult

sys.path.insert(0, str(Path(__file__).parent))
from batch_fakes import fake_extract, fake_extract_sync, fake_result  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "evals" / "seeds").glob("*.txt"))

ARTICLE = (
    "Tới dự có đồng chí Nguyễn Văn An, Phó Chủ tịch UBND tỉnh. "
    "Năm 2023 tạo việc làm cho 15.325 người, tỷ lệ đạt 67,7%. "
    "Năm 2024 phấn đấu giải quyết việc làm cho 16.000 lao động."
)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _lines(path: Path) -> list[dict[str, Any]]:
    raw = path.read_text(encoding="utf-8")
    assert raw.endswith("\n")
    return [json.loads(line) for line in raw.splitlines()]


class Recorder:
    """Wraps the async fake; counts calls per text and the peak number in flight."""

    def __init__(self, delay: float = 0.0, fail_first: bool = False) -> None:
        self.calls: list[str] = []
        self.active = 0
        self.peak = 0
        self.delay = delay
        self.fail_first = fail_first
        self.kwargs: list[dict[str, Any]] = []

    async def __call__(self, text: str, **kwargs: Any) -> ExtractionResult:
        self.calls.append(text)
        self.kwargs.append(kwargs)
        self.active += 1
        self.peak = max(self.peak, self.active)
        try:
            await asyncio.sleep(self.delay)
            if self.fail_first and "FLAKY" in text and self.calls.count(text) == 1:
                raise ExtractionError("transient", attempts=3)
            return await fake_extract(text, **kwargs)
        finally:
            self.active -= 1


# --------------------------------------------------------------------------- inputs


def test_collect_inputs_files_folders_jsonl(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    _write(folder / "b.txt", "B")
    _write(folder / "a.txt", "A")
    _write(folder / "notes.md", "ignored")
    single = _write(tmp_path / "single.txt", "S")
    jl = _write(tmp_path / "more.jsonl", '{"id": "j1", "text": "x"}\n\n{"id": 7, "text": ""}\n')
    items = collect_inputs([folder, single, jl])
    assert [i.id for i in items] == ["a", "b", "single", "j1", "7"]
    assert items[0].source == str(folder / "a.txt")
    assert items[3].source == f"jsonl:{jl}#1"
    assert items[4].source == f"jsonl:{jl}#3"
    assert items[0].load() == "A" and items[3].load() == "x"


def test_collect_inputs_refuses_missing_paths(tmp_path: Path) -> None:
    ok = _write(tmp_path / "ok.txt", "x")
    with pytest.raises(InputError, match="nope.txt") as info:
        collect_inputs([ok, tmp_path / "nope.txt", tmp_path / "gone"])
    assert "gone" in str(info.value)


def test_collect_inputs_refuses_duplicate_stems_naming_both(tmp_path: Path) -> None:
    a = _write(tmp_path / "x" / "art.txt", "1")
    b = _write(tmp_path / "y" / "art.txt", "2")
    with pytest.raises(InputError, match="duplicate ids") as info:
        collect_inputs([a, b])
    assert str(a) in str(info.value) and str(b) in str(info.value)


def test_collect_inputs_same_file_twice_is_one_article(tmp_path: Path) -> None:
    a = _write(tmp_path / "d" / "art.txt", "1")
    assert [i.id for i in collect_inputs([tmp_path / "d", a])] == ["art"]


def test_collect_inputs_duplicate_ids_across_jsonl_and_files(tmp_path: Path) -> None:
    _write(tmp_path / "k.txt", "1")
    jl = _write(tmp_path / "b.jsonl", '{"id": "k", "text": "t"}\n')
    with pytest.raises(InputError, match="'k'"):
        collect_inputs([tmp_path / "k.txt", jl])


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ('{"id": "a", "text": "t"}\n{"id": "b", "text": \n', "line 2: invalid JSON"),
        ('{"id": "a", "text": "t"}\n[1, 2]\n', "line 2: expected a JSON object"),
        ('{"text": "t"}\n', "line 1: missing or invalid 'id'"),
        ('{"id": "a", "text": null}\n', "line 1: 'text' must be a string"),
    ],
)
def test_invalid_jsonl_names_file_and_line(tmp_path: Path, content: str, needle: str) -> None:
    jl = _write(tmp_path / "bad.jsonl", content)
    with pytest.raises(InputError) as info:
        collect_inputs([jl])
    assert str(jl) in str(info.value) and needle in str(info.value)


def test_empty_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no .txt"):
        collect_inputs([tmp_path / "empty"])


# --------------------------------------------------------------------------- extract_many


def test_extract_many_keeps_input_order_and_isolates_failures() -> None:
    texts = [("slow", "SLOW " + ARTICLE), ("bad", "FAIL"), ("boom", "BOOM 1"), ("fast", "12")]
    out = extract_many(texts, concurrency=4, extract=fake_extract)
    assert [r.id for r in out] == ["slow", "bad", "boom", "fast"]
    assert [r.ok for r in out] == [True, False, False, True]
    assert isinstance(out[1].exception, ExtractionError) and out[1].error.type == "ExtractionError"
    assert isinstance(out[2].exception, RuntimeError)
    assert out[3].result is not None and out[3].result.report.achievements[0].value == 12


def test_extract_many_plain_texts_get_index_ids_and_sync_extractors_work() -> None:
    out = extract_many(["1", "FAIL", "3"], extract=fake_extract_sync, concurrency=2)
    assert [r.id for r in out] == ["0", "1", "2"]
    assert [r.ok for r in out] == [True, False, True]


def test_concurrency_is_bounded_and_used() -> None:
    rec = Recorder(delay=0.02)
    out = extract_many([str(i) for i in range(12)], concurrency=3, extract=rec)
    assert len(out) == 12 and all(r.ok for r in out)
    assert rec.peak == 3
    rec1 = Recorder(delay=0.005)
    extract_many([str(i) for i in range(4)], default_concurrency=1, extract=rec1)
    assert rec1.peak == 1


def test_extract_many_passes_options_through() -> None:
    rec = Recorder()
    extract_many(["1"], extract=rec, model="m", strategy="s", use_cache=False, settings="cfg")
    assert rec.kwargs[0] == {"strategy": "s", "model": "m", "use_cache": False, "settings": "cfg"}
    extract_many(["2"], extract=rec)
    assert rec.kwargs[1] == {}  # unset options leave the extractor's defaults alone


def test_extract_many_works_inside_a_running_loop() -> None:
    async def main() -> list[ArticleResult]:
        return extract_many(["5", "6"], extract=fake_extract)

    out = asyncio.run(main())
    assert [r.result.report.achievements[0].value for r in out if r.result] == [5, 6]


def test_aextract_many_empty_text_is_an_error_not_a_crash() -> None:
    out = asyncio.run(aextract_many([("e", "   \n"), ("ok", "4")], extract=fake_extract))
    assert isinstance(out[0].exception, InputError) and "empty" in out[0].error.message
    assert out[1].ok


def test_config_error_stops_the_batch() -> None:
    with pytest.raises(ConfigError):
        extract_many(["1", "CONFIG", "3"], concurrency=1, extract=fake_extract)


def test_to_line_has_fixed_keys_for_success_and_error() -> None:
    good = ArticleResult("a", "src", result=fake_result(ARTICLE)).to_line()
    bad = ArticleResult("b", "src", error=InputError("empty")).to_line()
    assert tuple(good) == LINE_KEYS and tuple(bad) == LINE_KEYS
    assert good["error"] is None and good["report"]["achievements"][0]["value"] == 2023
    assert bad["error"] == {"type": "InputError", "message": "empty"} and bad["report"] is None
    json.dumps(good, ensure_ascii=False)


# --------------------------------------------------------------------------- run_batch


def _mixed_inputs(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "arts"
    _write(folder / "a1.txt", ARTICLE)
    _write(folder / "a2.txt", "FAIL " + ARTICLE)
    _write(folder / "a3.txt", "   ")
    (folder / "a4.txt").write_bytes(b"Gi\xe0ng 12 ng\xff")  # latin-1, not UTF-8
    _write(folder / "a5.txt", "CACHED RETRY 42 người")
    jl = _write(
        tmp_path / "b.jsonl",
        json.dumps({"id": "j1", "text": ARTICLE}, ensure_ascii=False) + "\n",
    )
    return [folder, jl]


def test_run_batch_one_line_per_input_with_error_lines(tmp_path: Path) -> None:
    out = tmp_path / "out" / "res.jsonl"
    summary = run_batch(_mixed_inputs(tmp_path), out, progress=False, extract=fake_extract)
    lines = _lines(out)
    assert [ln["id"] for ln in lines] == ["a1", "a2", "a3", "a4", "a5", "j1"]
    assert all(tuple(ln) == LINE_KEYS for ln in lines)
    assert all(ln["strategy"] == "rules" and ln["model"] is None for ln in lines)
    assert lines[0]["text_sha256"] == hashlib.sha256(ARTICLE.encode()).hexdigest()
    by_id = {ln["id"]: ln for ln in lines}
    assert by_id["a2"]["error"]["type"] == "ExtractionError"
    assert by_id["a3"]["error"]["type"] == "InputError"
    assert "empty" in by_id["a3"]["error"]["message"]
    assert by_id["a4"]["error"]["type"] == "InputError"
    assert "a4.txt" in by_id["a4"]["error"]["message"]
    assert "UTF-8" in by_id["a4"]["error"]["message"]
    assert by_id["j1"]["source"].startswith("jsonl:") and by_id["j1"]["source"].endswith("#1")
    assert by_id["a1"]["report"]["officials"][0]["name"] == "Nguyễn Văn An"
    assert by_id["a1"]["grounding"][0]["start"] is not None
    assert summary.total == 6 and summary.done == 3 and summary.failed == 3
    assert summary.cached == 1 and summary.reasks == 1
    assert summary.prompt_tokens == 2 * len(ARTICLE) + len("CACHED RETRY 42 người")
    assert summary.completion_tokens == 30
    assert summary.top_warnings == [("large_value", 8)]
    assert summary.articles_per_second > 0
    assert {f[0] for f in summary.failures} == {"a2", "a3", "a4"}


def test_run_batch_refuses_missing_input_before_writing(tmp_path: Path) -> None:
    out = tmp_path / "res.jsonl"
    rec = Recorder()
    with pytest.raises(InputError, match="missing.txt"):
        run_batch(
            [_write(tmp_path / "a.txt", "1"), tmp_path / "missing.txt"],
            out,
            progress=False,
            extract=rec,
        )
    assert rec.calls == [] and not out.exists()


def test_run_batch_output_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder"):
        run_batch([_write(tmp_path / "a.txt", "1")], tmp_path, progress=False, extract=Recorder())


def test_resume_skips_done_and_retries_errors(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for i in range(5):
        _write(folder / f"n{i}.txt", f"{i} FLAKY" if i in (1, 3) else str(i))
    out = tmp_path / "res.jsonl"
    rec = Recorder(fail_first=True)
    first = run_batch([folder], out, progress=False, extract=rec)
    assert (first.done, first.failed, first.skipped) == (3, 2, 0)
    assert len(rec.calls) == 5

    skip = run_batch([folder], out, progress=False, extract=rec, retry_errors=False)
    assert (skip.done, skip.failed, skip.skipped, skip.skipped_failed) == (0, 0, 3, 2)
    assert len(rec.calls) == 5

    second = run_batch([folder], out, progress=False, extract=rec)
    assert (second.done, second.failed, second.skipped) == (2, 0, 3)
    assert sorted(rec.calls[5:]) == ["1 FLAKY", "3 FLAKY"]
    lines = _lines(out)
    assert [ln["id"] for ln in lines] == [f"n{i}" for i in range(5)]
    assert all(ln["error"] is None for ln in lines)

    third = run_batch([folder], out, progress=False, extract=rec)
    assert (third.done, third.skipped) == (0, 5) and len(rec.calls) == 7


def test_resume_keeps_lines_of_ids_not_in_this_run(tmp_path: Path) -> None:
    out = tmp_path / "res.jsonl"
    run_batch([_write(tmp_path / "old.txt", "1")], out, progress=False, extract=fake_extract)
    run_batch([_write(tmp_path / "new.txt", "2")], out, progress=False, extract=fake_extract)
    assert set(read_results(out)) == {"old", "new"}


def _row(ident: str, error: str | None = None, **extra: Any) -> dict[str, Any]:
    """A complete result line (success, or an error with ``error`` as its message)."""
    row: dict[str, Any] = {"id": ident, "source": "s", "report": {}, "grounding": []}
    row |= {"warnings": [], "usage": {}, "error": None}
    if error is not None:
        row |= {"report": None, "usage": None, "error": {"type": "X", "message": error}}
    return row | extra


def _dump(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r) + "\n" for r in rows)


def test_read_results_last_line_wins_and_partial_tail_ignored(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(
        _dump([_row("a", "m"), _row("b")]) + "not json\n" + _dump([_row("a")]) + '{"id": "c", "err',
        encoding="utf-8",
    )
    res = read_results(path)
    assert list(res) == ["a", "b"]
    assert res["a"]["error"] is None


def test_an_incomplete_line_is_never_a_result(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(_dump([{"id": "X", "foo": "bar"}, {"id": "Y", "error": None}]), "utf-8")
    assert read_results(path) == {}
    assert read_results(tmp_path / "absent.jsonl") == {}


def test_truncate_partial_line(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_bytes(b'{"id": "a"}\n{"id": "b", "rep')
    assert truncate_partial_line(path) == len(b'{"id": "b", "rep')
    assert path.read_bytes() == b'{"id": "a"}\n'
    assert truncate_partial_line(path) == 0
    path.write_bytes(b'{"id": "only-partial"')
    truncate_partial_line(path)
    assert path.read_bytes() == b""


def test_compact_orders_and_dedups_atomically(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    rows = [_row("z", v=1), _row("a", v=1), _row("z", v=2), _row("q", v=1)]
    path.write_text(_dump(rows), encoding="utf-8")
    assert compact(path, order=["a", "z", "missing"]) == 3
    assert [(r["id"], r["v"]) for r in _lines(path)] == [("a", 1), ("z", 2), ("q", 1)]
    assert [p.name for p in tmp_path.iterdir()] == ["r.jsonl"]


def test_run_batch_truncates_partial_line_before_appending(tmp_path: Path) -> None:
    src = _write(tmp_path / "x.txt", "7")
    out = tmp_path / "res.jsonl"
    out.write_bytes(b'{"id": "x", "source": "x.txt", "rep')
    summary = run_batch([src], out, progress=False, extract=fake_extract)
    assert summary.done == 1
    assert [ln["id"] for ln in _lines(out)] == ["x"]


def test_progress_bar_renders_on_a_terminal(tmp_path: Path) -> None:
    buf = io.StringIO()
    console = Console(file=buf, force_terminal=True, width=160)
    inputs = [_write(tmp_path / "a.txt", "1"), _write(tmp_path / "b.txt", "FAIL")]
    run_batch(inputs, tmp_path / "o.jsonl", console=console, extract=fake_extract)
    shown = buf.getvalue()
    assert "2/2" in shown and "1 failed" in shown and "art/s" in shown
    quiet = io.StringIO()
    run_batch(
        inputs,
        tmp_path / "o2.jsonl",
        console=Console(file=quiet, force_terminal=True),
        progress=False,
        extract=fake_extract,
    )
    assert quiet.getvalue() == ""


def test_summary_renders_with_rich() -> None:
    results = [
        ArticleResult("a", "s", result=fake_result("1.500 và 2.500 người")),
        ArticleResult("b", "s", error=ExtractionError("nope", attempts=2)),
    ]
    summary = summarize(results, skipped=4, wall_seconds=2.0)
    assert summary.total == 6 and summary.articles_per_second == 1.0
    buf = io.StringIO()
    Console(file=buf, width=120).print(summary)
    shown = buf.getvalue()
    for needle in ("skipped (already done)", "large_value", "ExtractionError: nope", "1.00"):
        assert needle in shown


def test_summary_keeps_the_five_most_frequent_checks() -> None:
    results = []
    for n, name in enumerate("abcdefg", start=1):
        res = fake_result("")
        res.warnings = [CheckWarning(check=name, message="m")] * n
        results.append(ArticleResult(name, "s", result=res))
    top = summarize(results).top_warnings
    assert top == [("g", 7), ("f", 6), ("e", 5), ("d", 4), ("c", 3)]


def test_run_batch_on_seed_articles(tmp_path: Path) -> None:
    out = tmp_path / "seeds.jsonl"
    summary = run_batch(SEEDS, out, progress=False, extract=fake_extract, concurrency=2)
    assert summary.done == len(SEEDS) == 5
    for line in _lines(out):
        text = Path(line["source"]).read_text(encoding="utf-8")
        for g in line["grounding"]:
            item = line["report"][g["field"]][g["index"]]
            quoted = item.get("evidence") or item.get("name")
            assert quoted in text[g["start"] : g["end"]]


# --------------------------------------------------------------------------- kill safety

_CHILD = """
import sys
sys.path.insert(0, {tests!r})
from batch_fakes import fake_extract
from extractor.batch import run_batch
run_batch([{src!r}], {out!r}, concurrency=3, progress=False, extract=fake_extract)
"""


def test_sigkill_mid_batch_then_rerun_gives_each_article_once(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    n = 40
    rows = [{"id": f"k{i:02d}", "text": f"Bài {i}: 1.{i:03d} người"} for i in range(n)]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    out = tmp_path / "out.jsonl"
    code = _CHILD.format(tests=str(Path(__file__).parent), src=str(src), out=str(out))
    env = {**os.environ, "FAKE_DELAY": "0.05", "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=REPO)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if out.exists() and out.read_bytes().count(b"\n") >= 6:
                break
            assert proc.poll() is None, "batch ended before it could be killed"
            time.sleep(0.01)
        else:
            pytest.fail("no lines written within 60 s")
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    written = out.read_bytes().count(b"\n")
    assert 6 <= written < n
    with out.open("ab") as fh:  # what a kill during a write would leave behind
        fh.write(b'{"id": "k39", "source": "jsonl:')
    rerun = subprocess.run(
        [sys.executable, "-c", code], env={**env, "FAKE_DELAY": "0"}, cwd=REPO, timeout=120
    )
    assert rerun.returncode == 0
    lines = _lines(out)
    ids = [ln["id"] for ln in lines]
    assert ids == [r["id"] for r in rows]
    assert all(ln["error"] is None and ln["report"]["achievements"] for ln in lines)


def test_batch_input_text_and_file_loading(tmp_path: Path) -> None:
    assert BatchInput("x", "s", text="abc").load() == "abc"
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffXin chào".encode())
    assert BatchInput("bom", str(bom), path=bom).load() == "Xin chào"


def test_line_carries_the_per_item_status() -> None:
    from extractor import extract_report

    text = "Năm 2023, toàn tỉnh giải quyết việc làm cho 15.325 người."
    line = ArticleResult("a", "src", result=extract_report(text, strategy="rules")).to_line()
    assert line["status"] and {s["status"] for s in line["status"]} <= {
        "verified",
        "corrected",
        "flagged",
    }
    assert line["status"][0]["field"] in ("officials", "achievements", "targets", "awards")


def test_extract_many_refuses_one_string() -> None:
    with pytest.raises(InputError, match="not one string"):
        extract_many("Năm 2023 đạt 5 tỷ đồng.", extract=fake_extract)


def test_compact_keeps_the_file_mode_and_leaves_a_compact_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(_dump([_row("a"), _row("a"), _row("b")]), encoding="utf-8")
    path.chmod(0o640)
    assert compact(path) == 2
    assert path.stat().st_mode & 0o777 == 0o640
    inode = path.stat().st_ino
    assert compact(path) == 2 and path.stat().st_ino == inode  # nothing to rewrite


def test_check_batch_file_accepts_ours_and_refuses_the_rest(tmp_path: Path) -> None:
    from extractor.batch import check_batch_file
    from extractor.errors import OutputError

    ours = tmp_path / "ours.jsonl"
    ours.write_text(_dump([_row("a"), _row("b", "boom")]) + '{"id": "c", "rep', "utf-8")
    assert check_batch_file(ours) == 2
    for name, content in {
        "csv": "id,value\na,1\n",
        "partial-only": "a,b,c",
        "incomplete": _dump([{"id": "X", "foo": "bar"}]),
        "blank": "\n",
    }.items():
        other = tmp_path / name
        other.write_text(content, encoding="utf-8")
        with pytest.raises(OutputError, match=name):
            check_batch_file(other)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    assert check_batch_file(empty) == 0
    with pytest.raises(OutputError, match="no batch results"):
        check_batch_file(empty, allow_empty=False)


def test_a_failed_write_is_cut_back_and_stops_new_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from extractor import batch
    from extractor.errors import OutputError

    real_write = os.write
    writes = {"n": 0}

    def write_then_fail(fd: int, data: Any) -> int:
        writes["n"] += 1
        if writes["n"] == 3:  # the third line: half of it lands, then the disk is full
            return real_write(fd, bytes(data[: len(data) // 2]))
        if writes["n"] > 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(batch.os, "write", write_then_fail)
    calls: list[str] = []

    async def counting(text: str, **kw: Any) -> ExtractionResult:
        calls.append(text)
        return await fake_extract(text, **kw)

    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(json.dumps({"id": f"x{i}", "text": f"{ARTICLE} {i}"}) + "\n" for i in range(8)),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    with pytest.raises(OutputError, match="writing failed"):
        run_batch([src], out, progress=False, extract=counting, concurrency=1)
    assert [ln["id"] for ln in _lines(out)] == ["x0", "x1"]
    assert len(calls) == 3


def _compact_line(row: dict[str, Any]) -> bytes:
    return (json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def test_compact_copies_lines_as_stored_and_checked_reads_only_the_ids(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    odd = 'quote " and ố ' + "x" * 600  # escaped, and too long to be read from the line's start
    rows = [_row("b", v=1), _row(odd, v=1), _row("a", v=1), _row("b", v=2), _row(odd, v=2)]
    spaced = (json.dumps(_row("c", v=1)) + "\n").encode()  # an older writer's spacing
    path.write_bytes(b"".join(_compact_line(r) for r in rows) + spaced)
    expected = [_compact_line(_row("a", v=1)), _compact_line(_row("b", v=2))]
    expected += [_compact_line(_row(odd, v=2)), spaced]
    for checked in (False, True):
        path.write_bytes(b"".join(_compact_line(r) for r in rows) + spaced)
        assert compact(path, order=["a", "b"], checked=checked) == 4
        assert path.read_bytes() == b"".join(expected)  # byte for byte: nothing re-encoded


def test_writer_commits_lines_that_finish_together_as_one_group(tmp_path: Path) -> None:
    from extractor.batch import _Writer

    path = tmp_path / "out.jsonl"
    lines = [_compact_line(_row(f"g{i}")) for i in range(40)]

    async def run() -> tuple[list[bool], int, int]:
        writer = _Writer(path)
        writer.start()
        saved = await asyncio.gather(*(writer.put(line) for line in lines))
        await writer.close()
        return saved, writer.written, writer.groups

    saved, written, groups = asyncio.run(run())
    assert all(saved) and written == 40
    assert 1 <= groups < 40  # fsync'd per group, not per line
    assert path.read_bytes() == b"".join(lines)


def test_a_failed_group_write_leaves_whole_lines_and_reports_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from extractor import batch

    path = tmp_path / "out.jsonl"
    errors: list[OSError] = []
    writer = batch._Writer(path, on_error=errors.append)
    assert writer.write([_compact_line(_row("a")), _compact_line(_row("b"))])
    real_write = os.write

    def half_then_full(fd: int, data: Any) -> int:
        real_write(fd, bytes(data[:10]))  # part of the group reached the file
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(batch.os, "write", half_then_full)
    assert not writer.write([_compact_line(_row("c")), _compact_line(_row("d"))])
    monkeypatch.setattr(batch.os, "write", real_write)
    assert not writer.write([_compact_line(_row("e"))])  # nothing more after a failure
    os.close(writer.fd)
    assert [ln["id"] for ln in _lines(path)] == ["a", "b"]
    assert len(errors) == 1 and writer.written == 2


def test_summarize_counts_tallies_like_results() -> None:
    from extractor.batch import _Tally

    results = [
        ArticleResult("a", "s", result=fake_result("1.500 và 2.500 người")),
        ArticleResult("b", "s", error=ExtractionError("nope", attempts=2)),
    ]
    by_result = summarize(results)
    by_tally = summarize([_Tally.of(r) for r in results])
    assert by_tally == by_result
    assert (by_tally.done, by_tally.failed) == (1, 1)
    assert by_tally.failures == [("b", "ExtractionError: nope (after 2 attempt(s))")]


def test_a_closed_writer_drops_late_groups(tmp_path: Path) -> None:
    from extractor.batch import _Writer

    path = tmp_path / "out.jsonl"

    async def run() -> _Writer:
        writer = _Writer(path)
        writer.start()
        assert await writer.put(_compact_line(_row("a")))
        await writer.close()
        return writer

    writer = asyncio.run(run())
    other = os.open(tmp_path / "other.txt", os.O_WRONLY | os.O_CREAT)  # may reuse the number
    try:
        assert not writer.write([_compact_line(_row("late"))])  # a stopping thread's group
    finally:
        os.close(other)
    assert [ln["id"] for ln in _lines(path)] == ["a"]
    assert (tmp_path / "other.txt").read_bytes() == b""
