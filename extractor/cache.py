"""Result cache on disk (diskcache: SQLite-backed, safe across processes).

Only validated results are stored. The key is a hash of everything that can change
the result (model, prompt hash, schema hash, text hash, strategy, call parameters);
it never includes an API key, and no entry stores one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import threading
from pathlib import Path
from typing import Any

import diskcache

from extractor.models import ExtractionResult

log = logging.getLogger(__name__)

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
    """A thin, lazily opened wrapper over :class:`diskcache.Cache` that never fails.

    A cache is an optimisation: any fault (unwritable or missing folder, a file where
    the folder should be, a corrupt or locked database, a full disk) turns it off for
    the rest of the process with one warning, and the extraction goes on uncached.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory) / "results"
        self._cache: diskcache.Cache | None = None
        self.disabled: str | None = None  # why the cache was turned off

    def _fault(self, action: str, exc: BaseException) -> None:
        if self.disabled is None:
            self.disabled = f"{type(exc).__name__}: {exc}"
            log.warning(
                "result cache at %s is unusable (%s failed: %s); continuing without it",
                self.directory,
                action,
                self.disabled,
            )
        with contextlib.suppress(Exception):
            if self._cache is not None:
                self._cache.close()
        self._cache = None

    def _open(self) -> diskcache.Cache:
        if self._cache is None:
            self.directory.mkdir(parents=True, exist_ok=True)
            self._cache = diskcache.Cache(str(self.directory), timeout=60)
        return self._cache

    def get(self, key: str) -> ExtractionResult | None:
        if self.disabled:
            return None
        try:
            raw = self._open().get(key)
        except Exception as exc:  # a cache fault never fails an extraction
            self._fault("reading", exc)
            return None
        if raw is None:
            return None
        try:
            return ExtractionResult.model_validate_json(raw)
        except ValueError:
            with contextlib.suppress(Exception):
                self._open().delete(key)  # corrupt or stale entry: drop it, recompute
            return None

    def set(self, key: str, result: ExtractionResult) -> bool:
        """Store ``result``; False (after the one warning) when the cache is unusable."""
        if self.disabled:
            return False
        try:
            self._open().set(key, result.model_dump_json())
        except Exception as exc:
            self._fault("writing", exc)
            return False
        return True

    def close(self) -> None:
        if self._cache is not None:
            with contextlib.suppress(Exception):
                self._cache.close()
            self._cache = None

    def __len__(self) -> int:
        if self.disabled:
            return 0
        try:
            return len(self._open())
        except Exception as exc:
            self._fault("counting", exc)
            return 0


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
