"""The wheel, not only the checkout: prompts and schemas ship as package data."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    (found,) = out.glob("vn_sector_extractor-*.whl")
    return found


def test_wheel_ships_package_data_and_no_generic_top_level_names(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "extractor/prompts/extract_system.md" in names
    assert "extractor/schemas/sector_report.schema.json" in names
    assert "extractor/py.typed" in names
    top = {n.split("/")[0] for n in names if not n.startswith("vn_sector_extractor-")}
    assert top == {"extractor"}, top


def test_installed_wheel_imports_and_loads_prompts(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    code = (
        "import extractor, extractor.prompting as p, importlib.resources as r;"
        "from extractor import extract_report;"
        f"assert extractor.__file__.startswith({str(site)!r}), extractor.__file__;"
        "print(p.prompt_hash('extract_system'));"
        "print(r.files('extractor.schemas').joinpath('sector_report.schema.json').is_file())"
    )
    env = dict(os.environ, PYTHONPATH=str(site))
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.split()
    assert len(lines[0]) == 16 and lines[1] == "True"
