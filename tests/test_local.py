"""The embedded model: weight assembly (fast, fake parts) and one real run (slow)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from extractor.errors import ConfigError
from extractor.local import assemble_gguf, local_available
from extractor.settings import LOCAL_MODEL_NAME, Settings

SEEDS = Path(__file__).resolve().parent.parent / "evals" / "seeds"


def _parts(tmp_path: Path) -> tuple[list[Path], str]:
    parts = []
    for i, payload in enumerate([b"GGUF" + b"a" * 1000, b"b" * 777, b"c" * 5]):
        p = tmp_path / f"part{i:02d}.bin"
        p.write_bytes(payload)
        parts.append(p)
    digest = hashlib.sha256(b"".join(p.read_bytes() for p in parts)).hexdigest()
    return parts, digest


def test_assembles_in_order_once_and_verifies(tmp_path: Path) -> None:
    parts, digest = _parts(tmp_path)
    target = assemble_gguf(tmp_path / "cache", parts=parts, expected_sha256=digest)
    assert target.name == f"{LOCAL_MODEL_NAME}.gguf"
    assert target.read_bytes() == b"".join(p.read_bytes() for p in parts)
    mtime = target.stat().st_mtime_ns
    parts[0].unlink()  # a second call trusts the verified marker, reads no part
    assert assemble_gguf(tmp_path / "cache", parts=parts, expected_sha256=digest) == target
    assert target.stat().st_mtime_ns == mtime


def test_checksum_mismatch_is_refused_and_leaves_nothing(tmp_path: Path) -> None:
    parts, _ = _parts(tmp_path)
    with pytest.raises(ConfigError, match="checksum"):
        assemble_gguf(tmp_path / "cache", parts=parts, expected_sha256="0" * 64)
    assert list((tmp_path / "cache" / "models").iterdir()) == []


def test_tampered_file_is_rebuilt(tmp_path: Path) -> None:
    parts, digest = _parts(tmp_path)
    target = assemble_gguf(tmp_path / "cache", parts=parts, expected_sha256=digest)
    target.write_bytes(b"corrupt")
    assert assemble_gguf(tmp_path / "cache", parts=parts, expected_sha256=digest) == target
    assert hashlib.sha256(target.read_bytes()).hexdigest() == digest


def test_missing_model_file_is_a_config_error(tmp_path: Path) -> None:
    from extractor.local import load_local_model

    with pytest.raises(ConfigError, match="missing file"):
        load_local_model(Settings(local_model_path=tmp_path / "nope.gguf"))


@pytest.mark.slow
@pytest.mark.skipif(not local_available(), reason='needs pip install ".[local]"')
def test_embedded_model_extracts_a_seed_article_with_only_grounded_figures(
    tmp_path: Path,
) -> None:
    from extractor.extract import extract_report
    from extractor.numbers import values_in

    text = (SEEDS / "002_5b329be121ff4886.txt").read_text(encoding="utf-8")
    settings = Settings(cache_dir=tmp_path, max_reasks=0)
    result = extract_report(text, strategy="guided", settings=settings)
    assert result.backend == "local:llama.cpp"
    assert result.usage.completion_tokens > 0 and result.usage.attempts >= 1
    assert result.report.achievements or result.report.targets
    stated = values_in(text)
    for metric in result.report.achievements + result.report.targets:
        assert metric.evidence in text
        assert any(abs(metric.value - v) <= 1e-6 * max(1.0, abs(v)) for v in stated)
    print(
        f"\nembedded guided: {result.usage.seconds:.1f} s, "
        f"{result.usage.prompt_tokens}+{result.usage.completion_tokens} tokens, "
        f"{len(result.report.achievements)} achievements, {len(result.report.targets)} targets, "
        f"{len(result.dropped)} dropped"
    )
