"""Exceptions the library raises on purpose. Each carries a message a person can act on."""

from __future__ import annotations


class ExtractorError(Exception):
    """Base class for every error this library raises deliberately."""


class InputError(ExtractorError, ValueError):
    """The input text is unusable (empty, whitespace only, binary, not Vietnamese prose...)."""


class ConfigError(ExtractorError):
    """The configuration is incomplete or contradictory (no model, missing extra, ...)."""


class OutputError(InputError):
    """An output path cannot be used or written (named in the message). A kind of
    :class:`InputError`: the command was given a path it cannot use."""


class ExtractionError(ExtractorError):
    """The model could not produce a valid, grounded result within its attempts."""

    def __init__(
        self,
        message: str,
        *,
        attempts: int = 0,
        last_output: str | None = None,
        retries: int = 0,
    ) -> None:
        super().__init__(message)
        self.attempts = attempts
        self.last_output = last_output
        self.retries = retries  # transport retries spent before giving up

    def __str__(self) -> str:
        base = super().__str__()
        tail = f" (after {self.attempts} attempt(s))" if self.attempts else ""
        if self.last_output:
            snippet = (
                self.last_output if len(self.last_output) <= 300 else self.last_output[:300] + "…"
            )
            return f"{base}{tail}; last output: {snippet}"
        return base + tail


#: The name on the package index (``extractor`` there is an unrelated project); the
#: import name stays ``extractor``.
DISTRIBUTION = "vn-sector-extractor"


def install_hint(extra: str) -> str:
    """A pip command that installs ``extra``: from this checkout when running from one."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    if (root / "pyproject.toml").is_file() and (root / "extractor").is_dir():
        return f'pip install "{root}[{extra}]"'
    return f'pip install "{DISTRIBUTION}[{extra}]"'


def missing_extra(extra: str, packages: str, purpose: str) -> ConfigError:
    """The error for an optional dependency that is not installed, naming the extra."""
    return ConfigError(
        f"{purpose} needs {packages} (the [{extra}] extra): {install_hint(extra)}"
        f"  or: pip install {packages}"
    )
