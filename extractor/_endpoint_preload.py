"""Imported once by the batch workers' forkserver before an endpoint batch.

The openai SDK imports its resources, and instructor its provider handlers, on the first
request; the HTTP stack loads its async backend on the first connection. In a worker that
is about 0.7 s of CPU, paid by every worker of every batch. Imported here, in the process
the workers are forked from, it is paid once and shared.
"""

from __future__ import annotations

import contextlib
import importlib

import instructor  # noqa: F401
import openai  # noqa: F401
from openai.resources.chat import AsyncChat, Chat  # noqa: F401

#: Loaded lazily by the libraries; names differ between versions, so each is optional.
LAZY_MODULES = (
    "instructor.v2.providers.openai",
    "instructor.v2.providers.openai.handlers",
    "anyio._backends._asyncio",
    "httpcore2._async",
    "httpcore._async",
    "h11",
    "certifi",
    "docstring_parser",
)

for _name in LAZY_MODULES:
    with contextlib.suppress(ImportError):
        importlib.import_module(_name)
