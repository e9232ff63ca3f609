"""What a new user meets at the command line: version, help, clear refusals, no clobbering."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor import __version__
from extractor.cli import build_parser, main
from extractor.errors import DISTRIBUTION, install_hint

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "evals" / "seeds"
SEED = SEEDS / "000_7d864374cdc58275.txt"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0 and capsys.readouterr().out.strip() == f"extractor {__version__}"


def test_every_subcommand_has_a_description_and_a_help_line() -> None:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.dest == "command"]
    helps = {c.dest: c.help for c in sub._choices_actions}
    assert set(sub.choices) == set(helps) >= {"extract", "batch", "eval", "report", "export"}
    for name, command in sub.choices.items():
        assert command.description and len(command.description) > 20, name
        assert helps[name], name


def test_extract_a_folder_says_it_is_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(SEEDS)]) == 2
    err = capsys.readouterr().err
    assert "is a folder" in err and "extractor batch" in err and "Traceback" not in err


def test_model_without_an_endpoint_warns_it_is_ignored(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["extract", str(SEED), "--json", "--model", "gpt-4o"]) == 0
    assert "--model gpt-4o is ignored" in capsys.readouterr().err


def test_model_with_an_endpoint_does_not_warn(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from extractor.cli import _warn_ignored_model
    from extractor.settings import Settings

    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    args = build_parser().parse_args(["extract", "x", "--model", "m"])
    _warn_ignored_model(args, Settings.from_env().with_overrides(model="m"))
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("value", ["0", "-3", "two"])
def test_concurrency_below_one_is_rejected(
    value: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["batch", str(SEED), "-o", str(tmp_path / "o.jsonl"), "--concurrency", value])
    assert info.value.code == 2 and "--concurrency" in capsys.readouterr().err
    assert not (tmp_path / "o.jsonl").exists()


def test_report_without_o_writes_next_to_the_jsonl_and_never_clobbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.html").write_text("my own page", encoding="utf-8")
    assert main(["batch", str(SEED), "-o", "out.jsonl", "--no-progress"]) == 0
    assert main(["report", "out.jsonl"]) == 0
    assert (tmp_path / "out.html").is_file()
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == "my own page"
    assert main(["report", "out.jsonl"]) == 0  # our own earlier report: replaced, and said so
    assert "replaced" in capsys.readouterr().out
    (tmp_path / "out.html").write_text("notes", encoding="utf-8")
    assert main(["report", "out.jsonl"]) == 2
    assert "not an extractor report" in capsys.readouterr().err
    assert (tmp_path / "out.html").read_text(encoding="utf-8") == "notes"


def test_install_hint_is_a_command_that_works_from_here() -> None:
    hint = install_hint("export")
    # running from this checkout: pip install "<checkout>[export]"
    assert hint == f'pip install "{ROOT}[export]"'
    assert (ROOT / "pyproject.toml").read_text(encoding="utf-8").count(
        f'name = "{DISTRIBUTION}"'
    ) == 1
