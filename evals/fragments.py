"""The rules' reviewed year on dev articles cut the way real pages arrive: a third measure.

    python evals/fragments.py [DIR] [--json OUT] [--show]

Many stored pages are lead fragments (the text stops after a few paragraphs) or start below
their headline. This script cuts every dev article three ways and reads its years with the
rules (``extractor.strategies.rules.years.detect_years``):

- ``lead``: the first half of its paragraphs (at least two), as a lead fragment keeps;
- ``no_headline``: without its first paragraph (the headline or the dateline);
- ``body``: without its first two paragraphs.

A cut is counted only when at least two paragraphs are left and the kept text still writes
the gold report year or the gold plan year (a text that names neither year cannot be read
right); a report year that the rules leave null then counts as wrong. The gold files'
report years are the answers; nothing else of the gold is read. ``--show`` lists the wrong
ones (dev articles only: never point it at the test set while tuning).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from extractor.strategies.rules.years import detect_years

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "evals" / "real" / "dev"
CUTS = ("lead", "no_headline", "body")


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs (blocks between blank lines), without empty ones."""
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def cut(text: str, how: str) -> str | None:
    """``text`` cut one way (:data:`CUTS`), or None when fewer than two paragraphs would
    be left."""
    paras = paragraphs(text)
    if how == "lead":
        kept = paras[: max(2, len(paras) // 2)] if len(paras) >= 4 else []
    elif how == "no_headline":
        kept = paras[1:]
    elif how == "body":
        kept = paras[2:]
    else:
        raise ValueError(f"unknown cut {how!r}; one of {', '.join(CUTS)}")
    return "\n\n".join(kept) if len(kept) >= 2 else None


def judged(kept: str, report_year: int | None, plan_year: int | None) -> bool:
    """Whether a cut can be judged: it still writes the gold report or plan year."""
    return any(y is not None and str(y) in kept for y in (report_year, plan_year))


def measure(folder: Path) -> dict[str, dict]:
    """Per cut: how many cuts were judged, how many read the reviewed year right, and the
    wrong ones (``id: predicted / gold``)."""
    out = {how: {"judged": 0, "right": 0, "wrong": []} for how in CUTS}
    for txt in sorted(folder.glob("*.txt")):
        gold_path = txt.with_name(txt.stem + ".gold.json")
        if not gold_path.is_file():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        report, plan = gold.get("report_year"), gold.get("plan_year")
        text = txt.read_text(encoding="utf-8")
        for how in CUTS:
            kept = cut(text, how)
            if kept is None or not judged(kept, report, plan):
                continue
            got = detect_years(kept)[0]
            out[how]["judged"] += 1
            if got == report:
                out[how]["right"] += 1
            else:
                out[how]["wrong"].append(f"{txt.stem}: {got} / {report}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", nargs="?", type=Path, default=DEV, help="default: evals/real/dev")
    parser.add_argument("--json", type=Path, help="write the counts here")
    parser.add_argument("--show", action="store_true", help="list the wrong cuts")
    args = parser.parse_args()
    if not args.dir.is_dir():
        sys.exit(f"error: {args.dir} is not a folder of NAME.txt / NAME.gold.json pairs")
    result = measure(args.dir)
    print("| cut | judged | reviewed year right | share |")
    print("|---|---:|---:|---:|")
    for how, r in result.items():
        share = r["right"] / r["judged"] if r["judged"] else 0.0
        print(f"| {how} | {r['judged']} | {r['right']} | {share:.3f} |")
    if args.show:
        for how, r in result.items():
            for line in r["wrong"]:
                print(f"{how}: {line}")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
