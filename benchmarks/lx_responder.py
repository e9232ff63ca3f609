"""Fake-server responder that answers LangExtract's prompts and ours from the same gold.

LangExtract's OpenAI provider sends ``Q: <chunk>\\nA: `` after its few-shot examples and
expects ``{"extractions": [{"<class>": "<verbatim text>", "<class>_attributes": {...}}]}``.
Our requests get the gold report as usual. Used by bench_langextract.py through
``tests/fake_openai.py --responder benchmarks.lx_responder:respond``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from fake_openai import FakeRequest, GoldResponder, load_gold_pairs  # noqa: E402

_gold = GoldResponder(load_gold_pairs())


def langextract_chunk(body: dict[str, Any]) -> str | None:
    """The text LangExtract asks about (after the last ``Q: ``), or None for other requests."""
    users = [m for m in body.get("messages") or [] if m.get("role") == "user"]
    if not users:
        return None
    prompt = str(users[-1].get("content") or "")
    cut = prompt.rfind("\nQ: ")
    if cut < 0 or not prompt.rstrip().endswith("A:"):
        return None
    question = prompt[cut + len("\nQ: ") :]
    return question[: question.rfind("\nA:")].strip()


def extractions_for(chunk: str) -> dict[str, Any]:
    """LangExtract-format answer: gold items quoted verbatim in ``chunk``."""
    report = _gold.report_for(chunk)
    items: list[dict[str, Any]] = []
    for name, cls in (("achievements", "achievement"), ("targets", "target")):
        for m in report.get(name) or []:
            if m["evidence"] in chunk:
                attrs = {"indicator": m["indicator"], "value": str(m["value"])}
                if m.get("unit"):
                    attrs["unit"] = m["unit"]
                items.append({cls: m["evidence"], f"{cls}_attributes": attrs})
    for o in report.get("officials") or []:
        if o["name"] in chunk:
            items.append(
                {"official": o["name"], "official_attributes": {"title": o.get("title") or ""}}
            )
    for a in report.get("awards") or []:
        if a["evidence"] in chunk:
            items.append({"award": a["evidence"], "award_attributes": {"kind": a["award"]}})
    return {"extractions": items}


def respond(req: FakeRequest) -> dict[str, Any]:
    chunk = langextract_chunk(req.body)
    if chunk is not None:
        return extractions_for(chunk)
    return _gold(req)
