"""A snapshot of the rules strategy's output on every text we have, to prove a refactor
changes nothing.

For each ``.txt`` under ``evals/`` (seeds, real/dev, real/test, synthetic-*) and
``tests/data``, as stored and in NFD form, it records the full output of the rules strategy:
the report and the named rules of each item (:func:`extract_rules_traced`), and every
candidate with its label, cue, indicator, spans and rules (:func:`candidates`, default years).
The committed snapshot (``benchmarks/rules_snapshot.json``) holds one SHA-256 per text of that
output as canonical JSON; ``--dump DIR`` writes the outputs themselves, to diff two runs.

This is a comparison only: it prints which texts changed, never scores, so it is safe to run
on ``evals/real/test`` (nothing is tuned on it).

    python benchmarks/rules_snapshot.py                   # compare (exit 1 if any differ)
    python benchmarks/rules_snapshot.py --write           # record after a deliberate change
    python benchmarks/rules_snapshot.py --dump /tmp/after # the outputs, one JSON per text
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.rules import candidates, extract_rules_traced  # noqa: E402

SNAPSHOT = ROOT / "benchmarks" / "rules_snapshot.json"


def texts(root: Path = ROOT) -> list[Path]:
    """Every text the rules are compared on, in a stable order."""
    found = list((root / "evals").rglob("*.txt")) + list((root / "tests" / "data").rglob("*.txt"))
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def output(text: str) -> dict[str, Any]:
    """The rules strategy's whole output on ``text``, as JSON-ready data."""
    report, traces = extract_rules_traced(text)
    return {
        "report": report.model_dump(mode="json"),
        "traces": {k: [list(r) for r in v] for k, v in traces.items()},
        "candidates": [dataclasses.asdict(c) for c in candidates(text)],
    }


def canonical(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)


def variants(path: Path) -> list[tuple[str, str]]:
    """(key, text): the text as stored and, under ``<path>#nfd``, its NFD form (the rules
    read NFC and map every span back to the text they were given)."""
    rel = path.relative_to(ROOT).as_posix()
    text = path.read_text(encoding="utf-8")
    return [(rel, text), (f"{rel}#nfd", unicodedata.normalize("NFD", text))]


def snapshot(paths: list[Path], dump: Path | None = None) -> dict[str, str]:
    """{key: SHA-256 of the canonical output} for each variant of each text."""
    out: dict[str, str] = {}
    for path in paths:
        for key, text in variants(path):
            body = canonical(output(text))
            out[key] = hashlib.sha256(body.encode("utf-8")).hexdigest()
            if dump is not None:
                target = dump / (key.replace("/", "__").replace("#", "_") + ".json")
                target.write_text(body + "\n", encoding="utf-8")
    return out


def compare(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """Lines naming every text whose output changed, appeared or disappeared."""
    lines = [f"changed: {k}" for k in sorted(before.keys() & after.keys()) if before[k] != after[k]]
    lines += [f"new: {k}" for k in sorted(after.keys() - before.keys())]
    lines += [f"gone: {k}" for k in sorted(before.keys() - after.keys())]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true", help="record the current output")
    ap.add_argument("--dump", type=Path, help="also write each output as JSON into this folder")
    ap.add_argument("--snapshot", type=Path, default=SNAPSHOT)
    args = ap.parse_args(argv)
    if args.dump is not None:
        args.dump.mkdir(parents=True, exist_ok=True)
    paths = texts()
    t0 = time.perf_counter()
    current = snapshot(paths, args.dump)
    took = time.perf_counter() - t0
    if args.write:
        args.snapshot.write_text(json.dumps(current, indent=1, sort_keys=True) + "\n", "utf-8")
        print(f"wrote {args.snapshot.relative_to(ROOT)}: {len(current)} texts ({took:.1f} s)")
        return 0
    if not args.snapshot.exists():
        print(f"no snapshot at {args.snapshot}; run with --write first", file=sys.stderr)
        return 2
    before = json.loads(args.snapshot.read_text("utf-8"))
    diff = compare(before, current)
    for line in diff:
        print(line)
    verdict = "DIFFERENT" if diff else "identical"
    print(f"{len(current)} texts, {len(diff)} differ: {verdict} ({took:.1f} s)")
    return 1 if diff else 0


if __name__ == "__main__":
    raise SystemExit(main())
