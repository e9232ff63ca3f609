"""Prompt files (package data in ``extractor.prompts``); a prompt's content hash is its version."""

from __future__ import annotations

import hashlib
import re
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

from extractor.vi import conventions


def package_data(package: str, folder: str) -> Traversable:
    """Installed package data (``extractor.prompts``/``extractor.schemas``); in a source
    checkout that is not installed, the top-level folder they are built from."""
    try:
        return resources.files(package)
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / folder


_BLOCK = re.compile(r"\[\[conventions:(\w+)\]\]")


@cache
def load_prompt(name: str) -> str:
    """The text of ``prompts/<name>.md`` as shipped with the package, its
    ``[[conventions:KEY]]`` blocks rendered from the lexicon (:mod:`extractor.vi`)."""
    path = package_data("extractor.prompts", "prompts").joinpath(f"{name}.md")
    if not path.is_file():
        raise FileNotFoundError(f"prompt {name!r} is not shipped with this installation")
    return _BLOCK.sub(lambda m: conventions.render(m.group(1)), path.read_text(encoding="utf-8"))


@cache
def prompt_hash(*names: str) -> str:
    """Short sha256 over the named prompts' contents: the prompt version."""
    digest = hashlib.sha256()
    for name in names:
        digest.update(name.encode())
        digest.update(load_prompt(name).encode("utf-8"))
    return digest.hexdigest()[:16]


def render_user(text: str, name: str = "extract_user") -> str:
    return load_prompt(name).replace("{text}", text)
