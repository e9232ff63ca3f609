"""Result cache on disk (diskcache: SQLite-backed, safe across processes).

Only validated results are stored. The key is a hash of everything that can change
the result (model, prompt hash, schema hash, text hash, strategy, call parameters);
it never includes an API key, and no entry stores one.
"""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path
from typing import Any

import diskcache

from extractor.models import ExtractionResult

#: Bump when the post-processing (grounding, checks) changes what a cached result means.
CACHE_FORMAT = 1


def cache_key(**parts: Any) -> str:
    """Stable sha256 over JSON-serialisable parts. Refuses anything that looks like a key."""
    for name in parts:
        if "key" in name.lower():
            raise ValueError(f"refusing to put {name!r} into a cache key")
    blob = json.dumps({"format": CACHE_FORMAT, **parts}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ResultCache:
    """A thin, lazily opened wrapper over :class:`diskcache.Cache`."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory) / "results"
        self._cache: diskcache.Cache | None = None

    def _open(self) -> diskcache.Cache:
        if self._cache is None:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._cache = diskcache.Cache(str(self.directory), timeout=60)
        return self._cache

    def get(self, key: str) -> ExtractionResult | None:
        raw = self._open().get(key)
        if raw is None:
            return None
        try:
            return ExtractionResult.model_validate_json(raw)
        except ValueError:
            self._open().delete(key)  # corrupt or stale entry: drop it, recompute
            return None

    def set(self, key: str, result: ExtractionResult) -> None:
        self._open().set(key, result.model_dump_json())

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
            self._cache = None

    def __len__(self) -> int:
        return len(self._open())


_open_caches: dict[str, ResultCache] = {}
_open_lock = threading.Lock()


def get_cache(directory: Path) -> ResultCache:
    """The process-wide :class:`ResultCache` for ``directory`` (opened once, reused)."""
    key = str(Path(directory).resolve())
    with _open_lock:
        cache = _open_caches.get(key)
        if cache is None:
            cache = _open_caches[key] = ResultCache(Path(directory))
    return cache
