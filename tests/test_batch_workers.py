"""Batch worker processes (``workers=N``): same lines as one process, one writer, resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from extractor import Settings
from extractor.batch import (
    WorkerError,
    _shares,
    extract_many,
    resolve_workers,
    run_batch,
)
from extractor.cli import main
from extractor.errors import ConfigError

sys.path.insert(0, str(Path(__file__).parent))
from batch_fakes import fake_extract, worker_extract  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "evals" / "seeds").glob("*.txt"))
pytestmark = pytest.mark.timeout(180)


def _jsonl(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text(
        "".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in rows),
        encoding="utf-8",
    )
    return path


def _lines(path: Path) -> list[dict[str, Any]]:
    raw = path.read_text(encoding="utf-8")
    assert raw.endswith("\n")
    return [json.loads(line) for line in raw.splitlines()]


def _untimed(line: dict[str, Any]) -> dict[str, Any]:
    """A line without its timing (``usage.seconds``): what may differ between two runs."""
    out = dict(line)
    if isinstance(out.get("usage"), dict):
        out["usage"] = {k: v for k, v in out["usage"].items() if k != "seconds"}
    return out


def _seed_rows(n: int) -> list[tuple[str, str]]:
    texts = [p.read_text(encoding="utf-8") for p in SEEDS]
    return [(f"s{i:03d}", f"{texts[i % len(texts)]}\n\nMã bài: s{i:03d}") for i in range(n)]


def test_rules_batch_with_two_workers_writes_the_same_lines_as_one(tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "in.jsonl", _seed_rows(24))
    settings = Settings(strategy="rules", use_cache=False, cache_dir=tmp_path / "cache")
    one = run_batch([src], tmp_path / "one.jsonl", progress=False, settings=settings, workers=1)
    two = run_batch([src], tmp_path / "two.jsonl", progress=False, settings=settings, workers=2)
    assert one.done == two.done == 24 and not one.failed and not two.failed
    a, b = _lines(tmp_path / "one.jsonl"), _lines(tmp_path / "two.jsonl")
    assert [ln["id"] for ln in b] == [f"s{i:03d}" for i in range(24)]
    assert [_untimed(x) for x in a] == [_untimed(y) for y in b]
    assert all(ln["report"]["achievements"] for ln in b)


def test_work_is_spread_over_processes_and_results_keep_input_order(tmp_path: Path) -> None:
    texts = [f"Bài {i}: {1000 + i} người SLOW" for i in range(16)]
    out = extract_many(texts, extract=worker_extract, workers=2, concurrency=2)
    assert [r.id for r in out] == [str(i) for i in range(16)]
    assert [r.report.achievements[-1].value for r in out] == [1000.0 + i for i in range(16)]
    pids = {w.message for r in out for w in r.warnings if w.check == "pid"}
    assert len(pids) == 2 and str(os.getpid()) not in pids


def test_failures_and_retries_come_back_from_workers(tmp_path: Path) -> None:
    rows = [(f"f{i}", "FAIL 12" if i % 3 == 0 else f"ok {i}") for i in range(9)]
    src = _jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    summary = run_batch([src], out, progress=False, extract=fake_extract, workers=2)
    assert (summary.done, summary.failed) == (6, 3)
    lines = {ln["id"]: ln for ln in _lines(out)}
    assert lines["f0"]["error"]["type"] == "ExtractionError" and lines["f0"]["report"] is None
    assert lines["f1"]["error"] is None


def test_a_config_error_in_a_worker_stops_the_batch(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no model configured"):
        extract_many(["1", "CONFIG", "3"], extract=fake_extract, workers=2, concurrency=1)


def test_a_worker_that_dies_stops_the_batch_and_keeps_what_was_saved(tmp_path: Path) -> None:
    rows = [(f"d{i:02d}", f"Bài {i}: {100 + i} người") for i in range(6)]
    rows.append(("d99", "EXIT"))
    src = _jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "out.jsonl"
    with pytest.raises(WorkerError, match="ended unexpectedly"):
        run_batch([src], out, progress=False, extract=worker_extract, workers=2, concurrency=1)
    saved = [ln["id"] for ln in _lines(out)] if out.exists() else []
    assert len(saved) == len(set(saved)) and "d99" not in saved
    rows[-1] = ("d99", "Bài 99: 199 người")  # fixed: the rerun does only what is missing
    _jsonl(src, rows)
    summary = run_batch([src], out, progress=False, extract=worker_extract, workers=2)
    assert summary.skipped == len(saved)
    assert [ln["id"] for ln in _lines(out)] == [r[0] for r in rows]


def test_explicit_workers_that_cannot_work_are_refused() -> None:
    with pytest.raises(ConfigError, match="client object"):
        resolve_workers(2, articles=10, concurrency=4, client=object())
    with pytest.raises(ConfigError, match="module level"):
        resolve_workers(2, articles=10, concurrency=4, extract=lambda text: text)
    with pytest.raises(ConfigError, match="at least 1"):
        resolve_workers(0, articles=10, concurrency=4)
    assert resolve_workers(8, articles=3, concurrency=4, extract=fake_extract) == 3


def test_auto_workers(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    rules = Settings(strategy="rules", cache_dir=tmp_path)
    endpoint = Settings(api_key="sk-x", base_url="http://127.0.0.1:1/v1", cache_dir=tmp_path)
    local = Settings(strategy="direct", cache_dir=tmp_path)  # no endpoint: the embedded model
    assert resolve_workers(None, articles=50, concurrency=1, settings=rules) == 1
    assert resolve_workers(None, articles=250, concurrency=1, settings=rules) == 2
    assert resolve_workers(None, articles=5000, concurrency=1, settings=rules) == 4
    assert resolve_workers(None, articles=1000, concurrency=8, settings=endpoint) == 1
    assert resolve_workers(None, articles=1000, concurrency=32, settings=endpoint) == 2
    assert resolve_workers(None, articles=1000, concurrency=32, settings=local) == 1
    assert resolve_workers(None, articles=5000, concurrency=1, settings=rules, client=1) == 1
    with_env = Settings(strategy="rules", cache_dir=tmp_path, workers=3)
    assert resolve_workers(None, articles=10, concurrency=1, settings=with_env) == 3
    assert _shares(32, 3) == [11, 11, 10] and _shares(1, 2) == [1, 1]


def test_workers_setting_from_the_environment() -> None:
    assert Settings.from_env({"EXTRACTOR_WORKERS": "3"}).workers == 3
    with pytest.raises(ConfigError, match="EXTRACTOR_WORKERS"):
        Settings.from_env({"EXTRACTOR_WORKERS": "many"})
    with pytest.raises(ConfigError, match="workers"):
        Settings.from_env({"EXTRACTOR_WORKERS": "0"})


def test_cli_workers_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["batch", str(SEEDS[0]), "-o", str(tmp_path / "o.jsonl"), "--workers", "0"])
    assert exc.value.code == 2
    assert "--workers" in capsys.readouterr().err
    out = tmp_path / "out.jsonl"
    env_free = ["--strategy", "rules", "--no-cache", "--no-progress"]
    code = main(["batch", *map(str, SEEDS), "-o", str(out), "--workers", "2", *env_free])
    assert code == 0
    assert [ln["id"] for ln in _lines(out)] == [p.stem for p in SEEDS]


_CHILD = """
import sys
sys.path.insert(0, {tests!r})
from batch_fakes import worker_extract
from extractor.batch import run_batch
run_batch([{src!r}], {out!r}, concurrency=4, workers=2, progress=False, extract=worker_extract)
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ")[-1].startswith("Z"))


def test_sigkill_with_workers_then_rerun_gives_each_article_once(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    n = 60
    rows = [(f"k{i:02d}", f"Bài {i}: 1.{i:03d} người") for i in range(n)]
    _jsonl(src, rows)
    out = tmp_path / "out.jsonl"
    code = _CHILD.format(tests=str(Path(__file__).parent), src=str(src), out=str(out))
    env = {**os.environ, "FAKE_DELAY": "0.05", "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=REPO)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if out.exists() and out.read_bytes().count(b"\n") >= 8:
                break
            assert proc.poll() is None, "batch ended before it could be killed"
            time.sleep(0.01)
        else:
            pytest.fail("no lines written within 60 s")
        workers = {
            int(w["message"])
            for ln in _lines_prefix(out)
            for w in ln["warnings"]
            if w["check"] == "pid"
        }
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert len(workers) >= 1
    deadline = time.monotonic() + 10  # orphaned workers notice and stop
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)
    written = out.read_bytes().count(b"\n")
    assert 8 <= written < n
    with out.open("ab") as fh:  # what a kill during a write would leave behind
        fh.write(b'{"id": "k59", "source": "jsonl:')
    rerun = subprocess.run(
        [sys.executable, "-c", code], env={**env, "FAKE_DELAY": "0"}, cwd=REPO, timeout=120
    )
    assert rerun.returncode == 0
    lines = _lines(out)
    assert [ln["id"] for ln in lines] == [r[0] for r in rows]
    assert all(ln["error"] is None and ln["report"]["achievements"] for ln in lines)


def _lines_prefix(path: Path) -> list[dict[str, Any]]:
    """The whole lines written so far (a writer may be mid-line)."""
    raw = path.read_text(encoding="utf-8")
    return [json.loads(line) for line in raw[: raw.rfind("\n") + 1].splitlines()]


@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM"])
def test_interrupted_cli_batch_with_workers_stops_at_once_and_resumes(
    tmp_path: Path, how: str
) -> None:
    src = _jsonl(tmp_path / "in.jsonl", _seed_rows(200))
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "extractor.cli", "batch", str(src), "-o", str(out)]
    cmd += ["--strategy", "rules", "--no-cache", "--no-progress", "--workers", "2"]
    proc = subprocess.Popen(
        cmd,
        cwd=REPO,
        start_new_session=True,  # its own process group, as in a terminal
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not out.exists() or out.read_bytes().count(b"\n") < 20:
        assert proc.poll() is None and time.monotonic() < deadline, "ended before the signal"
        time.sleep(0.02)
    if how == "SIGINT":
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the workers too; they ignore it
    else:
        proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == (130 if how == "SIGINT" else 143), err
    assert "rerun the same command to resume" in err and "Traceback" not in err
    saved = [ln["id"] for ln in _lines(out)]
    assert 20 <= len(saved) < 200 and len(saved) == len(set(saved))
    rerun = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert [ln["id"] for ln in _lines(out)] == [f"s{i:03d}" for i in range(200)]


def test_the_batch_process_does_not_parse_or_re_encode_worker_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extractor import batch
    from extractor.models import ArticleResult

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the batch process parsed or re-encoded a line")

    src = _jsonl(tmp_path / "in.jsonl", _seed_rows(12))
    settings = Settings(strategy="rules", use_cache=False, cache_dir=tmp_path / "cache")
    one = run_batch([src], tmp_path / "one.jsonl", progress=False, settings=settings, workers=1)
    # the workers fork from the forkserver, which does not see these patches
    monkeypatch.setattr(ArticleResult, "from_line", refuse)
    monkeypatch.setattr(batch, "_dump_line", refuse)
    two = run_batch([src], tmp_path / "two.jsonl", progress=False, settings=settings, workers=2)
    assert (one.done, two.done, two.failed) == (12, 12, 0)
    assert one.top_warnings == two.top_warnings
    a, b = _lines(tmp_path / "one.jsonl"), _lines(tmp_path / "two.jsonl")
    assert [_untimed(x) for x in a] == [_untimed(y) for y in b]


def test_endpoint_workers_fork_from_a_process_that_has_the_sdk_loaded(tmp_path: Path) -> None:
    from extractor.batch import _ENDPOINT_PRELOAD, _PRELOAD, _is_offline

    rules = Settings(strategy="rules", cache_dir=tmp_path)
    endpoint = Settings(api_key="sk-x", base_url="http://127.0.0.1:1/v1", cache_dir=tmp_path)
    local = Settings(strategy="direct", cache_dir=tmp_path)  # the embedded model: offline
    assert _is_offline(rules, None) and _is_offline(local, None)
    assert not _is_offline(endpoint, None) and _is_offline(endpoint, "rules")
    assert set(_PRELOAD) < set(_ENDPOINT_PRELOAD)
    code = (  # what the first request would import lazily is loaded by the preload
        "import sys, extractor._endpoint_preload as p\n"
        "print('openai.resources.chat' in sys.modules, p.LAZY_MODULES[0] in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert done.stdout.split() == ["True", "True"], done.stderr


def test_an_endpoint_batch_with_workers_matches_one_process(
    fake_server: Any, gold_pairs: list[tuple[str, Any]], tmp_path: Path
) -> None:
    server = fake_server()
    rows = [(f"g{i:02d}", gold_pairs[i % len(gold_pairs)][0]) for i in range(8)]
    src = _jsonl(tmp_path / "in.jsonl", rows)
    lines = {}
    for w in (1, 2):
        settings = Settings(
            api_key="placeholder-not-a-key",
            base_url=server.base_url,
            strategy="direct",
            use_cache=False,
            cache_dir=tmp_path / "cache",
        )
        out = tmp_path / f"w{w}.jsonl"
        summary = run_batch([src], out, concurrency=4, progress=False, settings=settings, workers=w)
        assert (summary.done, summary.failed) == (8, 0)
        assert summary.prompt_tokens > 0
        lines[w] = [_untimed(ln) for ln in _lines(out)]
    assert server.count == 16  # each article asked once per run
    assert lines[1] == lines[2]
    assert all(ln["report"]["achievements"] for ln in lines[2])
