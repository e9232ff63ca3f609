"""Inter-annotator agreement on evals/real: annotator 2's gold scored against annotator 1's.

    python evals/agreement.py [--first evals/real/dev] [--second evals/real/annotator2]

Annotator 2 labelled the articles without seeing annotator 1's gold (evals/GUIDELINES.md §10).
Annotator 2's required items are the predictions; annotator 1's file is the gold (its
optional items neither count for nor against). Prints strict and value-only F1 per field,
the label similarity of value-matched figures, and every disagreement.
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from rich.console import Console

from extractor.evaluate import load_eval_dir, render, run_eval, to_markdown
from extractor.models import LIST_FIELDS, SectorReport
from extractor.scoring import load_gold

ROOT = Path(__file__).resolve().parent


def second_reports(folder: Path) -> dict[str, SectorReport]:
    """Annotator 2's files as reports of their required items."""
    out: dict[str, SectorReport] = {}
    for path in sorted(folder.glob("*.gold.json")):
        gold = load_gold(path)
        data = gold.report.model_dump()
        for field in LIST_FIELDS:
            data[field] = [
                item for i, item in enumerate(data[field]) if not gold.is_optional(field, i)
            ]
        out[path.name.removesuffix(".gold.json")] = SectorReport.model_validate(data)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--first", type=Path, default=ROOT / "real" / "dev")
    ap.add_argument("--second", type=Path, default=ROOT / "real" / "annotator2")
    args = ap.parse_args()
    second = second_reports(args.second)
    cases = [c for c in load_eval_dir(args.first) if c.id in second]
    report = run_eval(cases, predictions=second)
    console = Console(width=100)
    render(report, console)
    print(to_markdown(report))
    sims = [x for a in report.articles for x in a.score.label_similarities]
    if sims:
        print(
            f"label similarity over {len(sims)} value-matched figures: "
            f"mean {statistics.mean(sims):.3f}, median {statistics.median(sims):.3f}, "
            f"min {min(sims):.3f}, below 0.5: {sum(s < 0.5 for s in sims)}"
        )
    for a in report.articles:
        s = a.score
        for m in s.mislabels:
            print(
                f"MISLABEL {s.id} {m.field}: {m.gold_indicator!r} vs {m.pred_indicator!r} "
                f"({m.similarity:.2f})"
            )
        for who, refs in (("ONLY-1", s.omissions), ("ONLY-2", s.hallucinations)):
            for ref in refs:
                item = ref.item
                name = item.get("indicator") or item.get("name") or item.get("award")
                print(f"{who} {s.id} {ref.field}: {name} {item.get('value', '')}")


if __name__ == "__main__":
    main()
