"""The CLI is thin: these tests drive main(argv) and check what a user sees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.scoring import load_gold

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "evals" / "seeds" / "000_7d864374cdc58275.txt"


@pytest.fixture(autouse=True)
def offline_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "EXTRACTOR_MODEL", "EXTRACTOR_STRATEGY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("EXTRACTOR_CACHE_DIR", str(tmp_path / "cache"))


def test_help_explains_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for word in ("extract", "batch", "eval", "report", "OPENAI_BASE_URL", "EXTRACTOR_MODEL"):
        assert word in out


def test_no_command_prints_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage" in capsys.readouterr().out


def test_extract_json_on_the_offline_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEED), "--json"]) == 0
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert report["report_year"] == 2023 and report["achievements"]
    assert "backend: rules" in captured.err


def test_extract_human_readable(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "Achievements" in out and "Targets" in out


def test_extract_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    assert main(["extract", "-", "--full"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) >= {"report", "grounding", "warnings", "usage", "backend"}


@pytest.mark.parametrize(
    "content,message",
    [(None, "no such file"), (b"", "empty"), (b"\xff\xfe bad", "not UTF-8")],
)
def test_extract_input_errors_are_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    path = tmp_path / "a.txt"
    if content is not None:
        path.write_bytes(content)
    assert main(["extract", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert err.count("\n") == 1


def test_bad_strategy_is_rejected_by_argparse(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["extract", str(SEED), "--strategy", "magic"])
    assert info.value.code == 2


def test_bad_env_config_is_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("EXTRACTOR_MAX_REASKS", "lots")
    assert main(["extract", str(SEED)]) == 2
    assert "EXTRACTOR_MAX_REASKS" in capsys.readouterr().err


def test_eval_gold_as_predictions_scores_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    preds = tmp_path / "preds.jsonl"
    with preds.open("w", encoding="utf-8") as out:
        for gold in sorted((ROOT / "evals" / "seeds").glob("*.gold.json")):
            report = load_gold(gold).report.model_dump()
            name = gold.name.removesuffix(".gold.json")
            out.write(json.dumps({"id": name, "report": report}, ensure_ascii=False) + "\n")
    out_json = tmp_path / "scores.json"
    code = main(
        [
            "eval",
            str(ROOT / "evals" / "seeds"),
            "--predictions",
            str(preds),
            "--report-json",
            str(out_json),
            "--min-f1",
            "0.99",
        ]
    )
    assert code == 0
    scores = json.loads(out_json.read_text(encoding="utf-8"))
    assert scores["overall"]["f1"] == pytest.approx(1.0)
    assert set(scores["fields"]) == {"officials", "achievements", "targets", "awards"}


def test_eval_below_min_f1_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    preds = tmp_path / "empty.jsonl"
    preds.write_text("", encoding="utf-8")
    assert (
        main(
            ["eval", str(ROOT / "evals" / "seeds"), "--predictions", str(preds), "--min-f1", "0.5"]
        )
        == 1
    )


def test_eval_missing_gold_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "lonely.txt").write_text("Năm 2023 đạt 5 người.", encoding="utf-8")
    assert main(["eval", str(tmp_path)]) == 2
    assert "lonely" in capsys.readouterr().err


def test_batch_then_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(ROOT / "evals" / "seeds"), "-o", str(out), "--no-progress"]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 5 and all(line["error"] is None for line in lines)
    html = tmp_path / "r.html"
    assert main(["report", str(out), "-o", str(html)]) == 0
    assert html.read_text(encoding="utf-8").count("<mark") > 10


def test_schema_prints_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert "achievements" in json.loads(capsys.readouterr().out)["properties"]


def test_info_never_prints_the_key(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-SECRET-cli")
    assert main(["info"]) == 0
    out = capsys.readouterr().out
    assert "SECRET" not in out and "direct" in out
