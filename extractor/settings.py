"""Configuration: the only module that reads the environment.

Standard OpenAI variables (``OPENAI_API_KEY``, ``OPENAI_BASE_URL``) plus our own
``EXTRACTOR_*`` variables. Everything else receives a :class:`Settings` object.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl, unquote, urlsplit, urlunsplit

from extractor.errors import ConfigError

Strategy = Literal["rules", "guided", "direct"]
ModeName = Literal["tools", "json_schema", "json_object", "json"]
STRATEGIES: tuple[str, ...] = ("rules", "guided", "direct")
MODES: tuple[str, ...] = ("tools", "json_schema", "json_object", "json")

#: Strategy used when no endpoint is configured; chosen by measurement (README eval table).
DEFAULT_OFFLINE_STRATEGY: Strategy = "rules"
#: Strategy used when an OpenAI-compatible endpoint is configured.
DEFAULT_API_STRATEGY: Strategy = "direct"
DEFAULT_API_MODEL = "gpt-4o-mini"
LOCAL_MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"


def _default_cache_dir(env: Mapping[str, str]) -> Path:
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "extractor"


def public_url(url: str | None) -> str | None:
    """``url`` without credentials (``user:password@``) or query string: safe to print,
    log, label results with or put in a cache key."""
    if not url:
        return url
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host + (f":{port}" if port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


def url_secrets(url: str | None) -> list[str]:
    """Secrets embedded in ``url``, longest first: the password (decoded and as written),
    query values, and a user name long enough to be a token rather than a login."""
    if not url:
        return []
    parts = urlsplit(url)
    found = [v for _, v in parse_qsl(parts.query) if len(v) >= 4]
    if parts.password:
        found += [parts.password, unquote(parts.password)]
    if parts.username and len(parts.username) >= 8:
        found += [parts.username, unquote(parts.username)]
    return sorted(set(found), key=len, reverse=True)


def _bool(value: str | None, default: bool) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


@dataclass(frozen=True)
class Settings:
    """Resolved configuration. The API key is kept out of ``repr`` and never cached."""

    api_key: str | None = field(default=None, repr=False)
    base_url: str | None = None
    model: str | None = None
    strategy: Strategy | None = None
    mode: ModeName = "tools"
    cache_dir: Path = field(default_factory=lambda: _default_cache_dir(os.environ))
    use_cache: bool = True
    max_reasks: int = 1
    max_retries: int = 4
    retry_max_wait: float = 30.0
    timeout: float = 120.0
    temperature: float = 0.0
    context_chars: int = 12000
    max_chunks: int = 100
    concurrency: int | None = None
    workers: int | None = None  # batch worker processes; None: chosen per batch
    local_model_path: Path | None = None
    local_threads: int | None = None
    local_context: int = 8192

    @property
    def endpoint_configured(self) -> bool:
        """True when an OpenAI-compatible endpoint is configured (key or base URL)."""
        return bool(self.api_key or self.base_url)

    @property
    def resolved_strategy(self) -> Strategy:
        if self.strategy:
            return self.strategy
        return DEFAULT_API_STRATEGY if self.endpoint_configured else DEFAULT_OFFLINE_STRATEGY

    @property
    def resolved_model(self) -> str:
        if self.model:
            return self.model
        return DEFAULT_API_MODEL if self.endpoint_configured else LOCAL_MODEL_NAME

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the non-None overrides applied (validated)."""
        clean = {k: v for k, v in overrides.items() if v is not None}
        unknown = set(clean) - {f.name for f in fields(self)}
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        updated = replace(self, **clean)
        updated.validate()
        return updated

    def validate(self) -> None:
        if self.strategy is not None and self.strategy not in STRATEGIES:
            raise ConfigError(
                f"unknown strategy {self.strategy!r}; choose one of {', '.join(STRATEGIES)}"
            )
        if self.mode not in MODES:
            raise ConfigError(f"unknown mode {self.mode!r}; choose one of {', '.join(MODES)}")
        if self.max_reasks < 0 or self.max_retries < 0:
            raise ConfigError("max_reasks and max_retries must be >= 0")
        if self.max_chunks < 1 or self.context_chars < 1:
            raise ConfigError("max_chunks and context_chars must be >= 1")
        if self.concurrency is not None and self.concurrency < 1:
            raise ConfigError("concurrency must be >= 1")
        if self.workers is not None and self.workers < 1:
            raise ConfigError("workers must be >= 1")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Read settings from ``env`` (default: ``os.environ``)."""
        env = os.environ if env is None else env

        def num(name: str, default: float, kind: type = float) -> Any:
            raw = env.get(name)
            if raw is None or raw == "":
                return default
            try:
                return kind(raw)
            except ValueError:
                raise ConfigError(f"{name} must be a number, got {raw!r}") from None

        local_path = env.get("EXTRACTOR_LOCAL_MODEL_PATH")
        threads = env.get("EXTRACTOR_LOCAL_THREADS")
        concurrency = env.get("EXTRACTOR_CONCURRENCY")
        workers = env.get("EXTRACTOR_WORKERS")
        if workers and not workers.strip().isdigit():
            raise ConfigError(f"EXTRACTOR_WORKERS must be a whole number, got {workers!r}")
        settings = cls(
            api_key=env.get("OPENAI_API_KEY") or None,
            base_url=env.get("OPENAI_BASE_URL") or None,
            model=env.get("EXTRACTOR_MODEL") or None,
            strategy=(env.get("EXTRACTOR_STRATEGY") or None),  # type: ignore[arg-type]
            mode=(env.get("EXTRACTOR_MODE") or "tools"),  # type: ignore[arg-type]
            cache_dir=Path(env["EXTRACTOR_CACHE_DIR"]).expanduser()
            if env.get("EXTRACTOR_CACHE_DIR")
            else _default_cache_dir(env),
            use_cache=not _bool(env.get("EXTRACTOR_NO_CACHE"), False),
            max_reasks=num("EXTRACTOR_MAX_REASKS", 1, int),
            max_retries=num("EXTRACTOR_MAX_RETRIES", 4, int),
            retry_max_wait=num("EXTRACTOR_RETRY_MAX_WAIT", 30.0),
            timeout=num("EXTRACTOR_TIMEOUT", 120.0),
            context_chars=num("EXTRACTOR_CONTEXT_CHARS", 12000, int),
            max_chunks=num("EXTRACTOR_MAX_CHUNKS", 100, int),
            concurrency=int(concurrency) if concurrency and concurrency.isdigit() else None,
            workers=int(workers) if workers else None,
            local_model_path=Path(local_path).expanduser() if local_path else None,
            local_threads=int(threads) if threads and threads.isdigit() else None,
        )
        settings.validate()
        return settings


# --------------------------------------------------------------------------- service


def _default_jobs_dir(env: Mapping[str, str]) -> Path:
    cache = env.get("EXTRACTOR_CACHE_DIR")
    return (Path(cache).expanduser() if cache else _default_cache_dir(env)) / "jobs"


@dataclass(frozen=True)
class ServeSettings:
    """Settings of the HTTP service (``extractor serve``). The token is kept out of ``repr``.

    ``EXTRACTOR_API_TOKEN`` (bearer token; required by every ``/v1`` route when set),
    ``EXTRACTOR_MAX_ARTICLE_BYTES`` (one article's limit, default 2 MB),
    ``EXTRACTOR_MAX_BATCH_BYTES`` (a batch upload's limit, default 64 MB),
    ``EXTRACTOR_QUEUE_SIZE`` (extract requests running or waiting before 429, default 256),
    ``EXTRACTOR_MAX_JOBS`` (unfinished batch jobs before 503, default 16),
    ``EXTRACTOR_CORS_ORIGINS`` (comma-separated; CORS is off when unset),
    ``EXTRACTOR_JOBS_DIR`` (batch jobs on disk, default ``<cache dir>/jobs``),
    ``EXTRACTOR_SHUTDOWN_TIMEOUT`` (seconds in-flight requests get on shutdown, default 30).
    """

    api_token: str | None = field(default=None, repr=False)
    max_article_bytes: int = 2_000_000
    max_batch_bytes: int = 64_000_000
    queue_size: int = 256
    max_jobs: int = 16
    cors_origins: tuple[str, ...] = ()
    jobs_dir: Path = field(default_factory=lambda: _default_jobs_dir(os.environ))
    shutdown_timeout: float = 30.0

    def validate(self) -> None:
        for name in ("max_article_bytes", "max_batch_bytes", "queue_size", "max_jobs"):
            if getattr(self, name) < 1:
                raise ConfigError(f"{name} must be >= 1, got {getattr(self, name)}")
        if self.max_batch_bytes < self.max_article_bytes:
            raise ConfigError("EXTRACTOR_MAX_BATCH_BYTES must be >= EXTRACTOR_MAX_ARTICLE_BYTES")
        if self.shutdown_timeout < 0:
            raise ConfigError("EXTRACTOR_SHUTDOWN_TIMEOUT must be >= 0")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> ServeSettings:
        """Read the service settings from ``env`` (default: ``os.environ``)."""
        env = os.environ if env is None else env

        def num(name: str, default: float, kind: type = int) -> Any:
            raw = env.get(name)
            if raw is None or raw.strip() == "":
                return default
            try:
                return kind(raw.strip())
            except ValueError:
                raise ConfigError(f"{name} must be a number, got {raw!r}") from None

        origins = tuple(
            o.strip() for o in (env.get("EXTRACTOR_CORS_ORIGINS") or "").split(",") if o.strip()
        )
        jobs = env.get("EXTRACTOR_JOBS_DIR")
        settings = cls(
            api_token=env.get("EXTRACTOR_API_TOKEN") or None,
            max_article_bytes=num("EXTRACTOR_MAX_ARTICLE_BYTES", 2_000_000),
            max_batch_bytes=num("EXTRACTOR_MAX_BATCH_BYTES", 64_000_000),
            queue_size=num("EXTRACTOR_QUEUE_SIZE", 256),
            max_jobs=num("EXTRACTOR_MAX_JOBS", 16),
            cors_origins=origins,
            jobs_dir=Path(jobs).expanduser() if jobs else _default_jobs_dir(env),
            shutdown_timeout=num("EXTRACTOR_SHUTDOWN_TIMEOUT", 30.0, float),
        )
        settings.validate()
        return settings
