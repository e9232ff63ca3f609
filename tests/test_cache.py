import multiprocessing
from pathlib import Path

import pytest

from extractor.cache import ResultCache, cache_key, get_cache, text_hash
from extractor.models import ExtractionResult, Metric, SectorReport


def _result(value: float = 1.0) -> ExtractionResult:
    metric = Metric(indicator="x", value=value, unit="người", evidence=f"{value} người")
    return ExtractionResult(report=SectorReport(achievements=[metric]), backend="test")


def test_key_is_stable_and_sensitive_to_every_part() -> None:
    base = dict(model="m", prompts="p", schema="s", text=text_hash("a"), temperature=0.0)
    assert cache_key(**base) == cache_key(**dict(reversed(list(base.items()))))
    for name in base:
        changed = dict(base, **{name: "other"})
        assert cache_key(**changed) != cache_key(**base), name


def test_key_refuses_secrets() -> None:
    with pytest.raises(ValueError):
        cache_key(model="m", api_key="sk-test")


def test_roundtrip_and_corrupt_entries_are_dropped(tmp_path: Path) -> None:
    cache = ResultCache(tmp_path)
    assert cache.get("k") is None
    cache.set("k", _result(5))
    assert cache.get("k") == _result(5)
    cache._open().set("bad", "{not json")
    assert cache.get("bad") is None
    assert "bad" not in cache._open()
    cache.close()


def test_get_cache_reuses_one_instance(tmp_path: Path) -> None:
    assert get_cache(tmp_path) is get_cache(tmp_path)


def _writer(directory: str, start: int) -> None:
    cache = ResultCache(Path(directory))
    for i in range(start, start + 50):
        cache.set(f"k{i}", _result(i))
    cache.close()


def test_safe_across_processes(tmp_path: Path) -> None:
    procs = [
        multiprocessing.Process(target=_writer, args=(str(tmp_path), n * 50)) for n in range(3)
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(30)
        assert p.exitcode == 0
    cache = ResultCache(tmp_path)
    assert len(cache) == 150
    assert cache.get("k120") == _result(120)


def test_a_file_in_place_of_the_folder_turns_the_cache_off_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "results").write_text("not a folder")
    cache = ResultCache(tmp_path)
    assert cache.get("k") is None and cache.set("k", _result()) is False
    assert cache.get("k") is None and len(cache) == 0
    assert cache.disabled and "FileExistsError" in cache.disabled
    assert len([r for r in caplog.records if "result cache" in r.getMessage()]) == 1


def test_a_corrupt_database_is_no_cache_not_an_error(tmp_path: Path) -> None:
    (tmp_path / "results").mkdir()
    (tmp_path / "results" / "cache.db").write_bytes(b"garbage" * 1000)
    cache = ResultCache(tmp_path)
    assert cache.get("k") is None and cache.set("k", _result()) is False
    assert cache.disabled and "DatabaseError" in cache.disabled
