"""README's Python examples are real output: run them as doctests."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_readme_examples_run_as_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the examples open files relative to the checkout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count(">>> ") >= 8
    failed, attempted = doctest.testfile(
        str(ROOT / "README.md"),
        module_relative=False,
        encoding="utf-8",
        optionflags=doctest.ELLIPSIS,
        verbose=False,
    )
    assert attempted >= 8 and failed == 0
