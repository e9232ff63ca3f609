"""A realistic good model for the fake OpenAI server: the correct report, written the way
real models write it, plus a few genuine errors that it corrects when re-asked.

Variations (deterministic per seed and article; each keeps the item correct):
- evidence trimmed by a word at either end, or extended by a few words of the article;
- indicator shortened by its last word;
- value written as a JSON string ("15325") or as 15325.0;
- qualifier or plan_pct left out;
- unit "người lao động" where the text says "... người lao động" and gold says "người".

Genuine errors (at most one kind per article, drawn per article):
- ``misscaled``: "15.325" read as 15.325 (a ×1000 misread);
- ``invented``: a figure that is nowhere in the text, quoted with a real clause;
- ``misfiled``: a target filed under achievements (with the reviewed year).

Re-asked (the request carries feedback after the first answer), the model answers with
the gold version of every item the feedback names, and leaves out what it invented: only
those items when the feedback asks for them only, else its whole first answer with them
fixed.
:meth:`RealisticResponder.errors_kept` says which genuine errors survived in a result.
"""

from __future__ import annotations

import copy
import json
import random
import re
import threading
from collections.abc import Sequence
from typing import Any

from fake_openai import FakeRequest, article_key

ERROR_KINDS = ("misscaled", "invented", "misfiled")
INVENTED_VALUE = 987654321.0
_REF = re.compile(r"\b(achievements|targets)\[(\d+)\]")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?![\d,])")


class RealisticResponder:
    def __init__(
        self,
        pairs: Sequence[tuple[str, dict[str, Any]]],
        *,
        seed: int = 0,
        variation_rate: float = 0.35,
        error_rate: float = 0.6,
    ) -> None:
        self.pairs = {article_key(t.strip()): (t.strip(), r) for t, r in pairs}
        self.seed = seed
        self.variation_rate = variation_rate
        self.error_rate = error_rate
        self._answers: dict[str, tuple[dict[str, Any], list[tuple[str, int] | None]]] = {}
        self.errors: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ answering

    def __call__(self, req: FakeRequest) -> dict[str, Any]:
        text, gold = self.pairs[req.key]
        feedback = _feedback(req.body)
        if feedback is None:
            answer, origin, errors = self._first_answer(req.key, text, gold)
            with self._lock:
                self._answers[req.key] = (answer, origin)
                self.errors[req.key] = errors
            return answer
        with self._lock:
            answer, origin = self._answers[req.key]
        if "ONLY these items" not in feedback:
            # asked for the whole report again: the first answer with the named items fixed
            # (a model follows the instruction it is given)
            whole = copy.deepcopy(answer)
            named = {(m.group(1), int(m.group(2))) for m in _REF.finditer(feedback)}
            for field, index in named:
                flat = _flat_index(answer, field, index)
                if flat is None:
                    continue
                if origin[flat] is None:
                    whole[field][index] = None  # invented: left out
                else:
                    gfield, gindex = origin[flat]
                    whole[field][index] = copy.deepcopy(gold[gfield][gindex])
            for field in ("achievements", "targets"):
                whole[field] = [m for m in whole[field] if m is not None]
            return whole
        fixed: dict[str, Any] = {k: [] for k in ("officials", "achievements", "targets", "awards")}
        for field, index in {(m.group(1), int(m.group(2))) for m in _REF.finditer(feedback)}:
            flat = _flat_index(answer, field, index)
            if flat is None or origin[flat] is None:
                continue  # invented: left out when asked
            gfield, gindex = origin[flat]
            fixed[gfield].append(copy.deepcopy(gold[gfield][gindex]))
        return {k: gold.get(k) for k in ("title", "province", "sector", "report_year",
                                          "plan_year")} | fixed  # fmt: skip

    def _first_answer(
        self, key: str, text: str, gold: dict[str, Any]
    ) -> tuple[dict[str, Any], list[tuple[str, int] | None], list[tuple[str, dict[str, Any]]]]:
        rng = random.Random(f"{self.seed}:{key}")
        answer = copy.deepcopy(gold)
        tags: dict[int, tuple[str, int]] = {}
        for field in ("achievements", "targets"):
            for i, m in enumerate(answer.get(field) or []):
                tags[id(m)] = (field, i)
                if rng.random() < self.variation_rate:
                    _vary(m, text, rng)
        errors: list[tuple[str, dict[str, Any]]] = []
        if rng.random() < self.error_rate:
            kind = rng.choice(ERROR_KINDS)
            made = _make_error(kind, answer, text, rng)
            if made is not None:
                errors.append((kind, made))
        items = (answer.get("achievements") or []) + (answer.get("targets") or [])
        origin = [tags.get(id(m)) for m in items]
        return answer, origin, errors

    # ------------------------------------------------------------------ judging

    def errors_kept(self, text: str, report: Any) -> list[str]:
        """The genuine errors made for this article that the result still holds."""
        kept = []
        for kind, item in self.errors.get(article_key(text.strip()), []):
            ach = [(m.value, m.evidence) for m in report.achievements]
            tgt = [(m.value, m.evidence) for m in report.targets]
            if kind == "invented":
                if any(_close(v, item["value"]) for v, _ in ach + tgt):
                    kept.append(f"{kind} {item['value']} ({item['indicator']!r})")
            elif kind == "misscaled":
                # the misread item itself, not another figure of the article that happens to
                # have the misread value ("4 vụ" beside "4.000 tin" read as 4)
                if any(
                    _close(v, item["value"]) and item["evidence"][:20] in (e or "")
                    for v, e in ach + tgt
                ):
                    kept.append(f"{kind} {item['value']} ({item['indicator']!r})")
            elif kind == "misfiled" and any(
                _close(v, item["value"]) and item["evidence"][:20] in e for v, e in ach
            ):
                kept.append(f"misfiled target {item['value']} ({item['indicator']!r})")
        return kept

    def made(self) -> dict[str, int]:
        out = {k: 0 for k in ERROR_KINDS}
        for errors in self.errors.values():
            for kind, _ in errors:
                out[kind] += 1
        return out


def _close(a: float, b: float) -> bool:
    a, b = float(a), float(b)
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def _feedback(body: dict[str, Any]) -> str | None:
    """The re-ask feedback (messages after the first assistant answer), if any."""
    messages = body.get("messages") or []
    seen_answer = False
    parts = []
    for m in messages:
        if m.get("role") == "assistant":
            seen_answer = True
            continue
        if seen_answer and isinstance(m.get("content"), str):
            parts.append(m["content"])
    return "\n".join(parts) if seen_answer else None


def _flat_index(answer: dict[str, Any], field: str, index: int) -> int | None:
    n_ach = len(answer.get("achievements") or [])
    if field == "achievements":
        return index if index < n_ach else None
    n_tgt = len(answer.get("targets") or [])
    return n_ach + index if index < n_tgt else None


def _vary(m: dict[str, Any], text: str, rng: random.Random) -> None:
    kind = rng.choice(("trim", "extend", "indicator", "string", "qualifier", "plan", "unit"))
    ev = m.get("evidence") or ""
    if kind == "trim":
        words = ev.split(" ")
        if len(words) > 4:
            cut = words[1:] if rng.random() < 0.5 else words[:-1]
            if any(c.isdigit() for c in " ".join(cut)) and str_has_number(cut, m):
                m["evidence"] = " ".join(cut)
    elif kind == "extend":
        pos = text.find(ev)
        if pos >= 0:
            after = text[pos + len(ev) :].split("\n", 1)[0].split(" ")[: rng.randint(1, 3)]
            m["evidence"] = ev + " ".join(after).rstrip(".;") if after[0] == "" else ev
            m["evidence"] = (ev + " " + " ".join(w for w in after if w)).rstrip(" .;,")
            if m["evidence"] not in text:
                m["evidence"] = ev
    elif kind == "indicator":
        words = (m.get("indicator") or "").split()
        if len(words) > 2:
            m["indicator"] = " ".join(words[:-1])
    elif kind == "string":
        m["value"] = str(int(m["value"])) if float(m["value"]).is_integer() else str(m["value"])
    elif kind == "qualifier":
        m["qualifier"] = "exact"
    elif kind == "plan":
        m["plan_pct"] = None
    elif kind == "unit" and m.get("unit") == "người" and "người lao động" in ev:
        m["unit"] = "người lao động"


def str_has_number(words: list[str], m: dict[str, Any]) -> bool:
    """The trimmed quote still holds the figure's digits."""
    joined = " ".join(words)
    return all(tok in joined for tok in re.findall(r"\d+(?:[.,]\d+)*", m.get("evidence") or "")[:1])


def _make_error(
    kind: str, answer: dict[str, Any], text: str, rng: random.Random
) -> dict[str, Any] | None:
    metrics = [(f, i, m) for f in ("achievements", "targets") for i, m in enumerate(answer[f])]
    if kind == "misscaled":
        options = [
            m for _, _, m in metrics
            if isinstance(m["value"], float | int) and m["value"] >= 1000
            and _THOUSANDS.search(m["evidence"]) and m.get("unit") != "đồng"
        ]  # fmt: skip
        if not options:
            return None
        m = rng.choice(options)
        m["value"] = float(m["value"]) / 1000
        return dict(m)
    if kind == "invented":
        if not metrics:
            return None
        _, _, m = rng.choice(metrics)
        item = dict(m, value=INVENTED_VALUE, indicator="chỉ số không có trong bài")
        answer["achievements"].append(item)
        return dict(item)
    if kind == "misfiled":
        if not answer["targets"]:
            return None
        item = answer["targets"].pop(rng.randrange(len(answer["targets"])))
        item["year"] = answer.get("report_year")
        answer["achievements"].append(item)
        return dict(item)
    return None


def dumps(report: dict[str, Any]) -> str:
    return json.dumps(report, ensure_ascii=False)
