"""What verification keeps: value F1 and requests per article through the fake server.

An OpenAI-compatible fake (tests/fake_openai.py) answers every article with its gold
report (``--responder gold``) or with the realistic-model simulator of
tests/model_sim.py (``--responder sim``: the gold report with the variations real models
make plus a few genuine errors, corrected when re-asked). The pipeline runs the
``direct`` strategy against it; the result is scored against the gold with
:mod:`extractor.scoring`.

    python benchmarks/bench_verify.py                       # seeds + evals/real (dev, test)
    python benchmarks/bench_verify.py --responder sim
    python benchmarks/bench_verify.py --sets evals/seeds evals/synthetic-stress --json out.json
    python benchmarks/bench_verify.py --strategy rules --sets evals/real/dev   # calibration

Gold files may carry ``"optional": false`` on items; those keys are stripped for the
responder (the scorer reads them as written).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import openai  # noqa: E402
from fake_openai import FakeOpenAI, GoldResponder, strip_optional  # noqa: E402

from extractor import extract_report  # noqa: E402
from extractor.scoring import aggregate, gold_from_data, score_article  # noqa: E402

DEFAULT_SETS = tuple(str(ROOT / "evals" / d) for d in ("seeds", "real/dev", "real/test"))


def load_set(folder: str) -> list[tuple[str, str, dict[str, Any]]]:
    """(id, text, gold data) for every ``*.gold.json`` with its ``.txt`` in ``folder``."""
    out = []
    for gold in sorted(Path(folder).glob("*.gold.json")):
        txt = gold.with_name(gold.name[: -len(".gold.json")] + ".txt")
        if txt.exists():
            data = json.loads(gold.read_text(encoding="utf-8"))
            out.append((gold.name[: -len(".gold.json")], txt.read_text(encoding="utf-8"), data))
    return out


def make_responder(kind: str, pairs: list[tuple[str, dict[str, Any]]], seed: int) -> Any:
    if kind == "gold":
        return GoldResponder(pairs)
    from model_sim import RealisticResponder

    return RealisticResponder(pairs, seed=seed)


def run(
    sets: list[str],
    responder: str,
    seed: int = 0,
    verbose: bool = False,
    strategy: str = "direct",
) -> dict[str, Any]:
    cases = [c for folder in sets for c in load_set(folder)]
    pairs = [(text, strip_optional(data)) for _, text, data in cases]
    answer = make_responder(responder, pairs, seed)
    scores = []
    requests = 0
    kept_errors: list[str] = []
    statuses: dict[str, int] = {}
    calibration: dict[str, list[int]] = {}
    with FakeOpenAI(answer) as server:
        client = openai.OpenAI(
            base_url=server.base_url, api_key="placeholder-not-a-key", max_retries=0
        )
        for case_id, text, data in cases:
            before = server.count
            if strategy == "direct":
                result = extract_report(text, client=client, strategy="direct", use_cache=False)
            else:
                result = extract_report(text, strategy=strategy, use_cache=False)
            n = server.count - before
            requests += n
            score = score_article(gold_from_data(data, case_id), result.report, text, case_id)
            scores.append(score)
            matched = {(m.field, m.pred_index) for m in score.matches}
            for st in getattr(result, "status", []):
                if st.field == "officials":
                    continue
                row = calibration.setdefault(st.status, [0, 0])
                row[0] += 1
                row[1] += (st.field, st.index) in matched
            for status in _statuses(result):
                statuses[status] = statuses.get(status, 0) + 1
            if hasattr(answer, "errors_kept"):
                kept_errors += [f"{case_id}: {e}" for e in answer.errors_kept(text, result.report)]
            if verbose:
                o = score.overall
                print(
                    f"{case_id:45s} req={n} P={o.precision:.3f} R={o.recall:.3f} "
                    f"omit={len(score.omissions)} halluc={len(score.hallucinations)}",
                    file=sys.stderr,
                )
                for om in score.omissions:
                    item = om.item
                    print(
                        f"   lost {om.field}: {item.get('value')} {item.get('evidence', item)!r}",
                        file=sys.stderr,
                    )
    summary = aggregate(scores)
    overall = summary.overall
    out = {
        "sets": sets,
        "responder": responder if strategy == "direct" else None,
        "strategy": strategy,
        "articles": len(cases),
        "requests": requests,
        "requests_per_article": round(requests / max(1, len(cases)), 4),
        "precision": round(overall.precision, 4),
        "recall": round(overall.recall, 4),
        "strict_f1": round(overall.f1, 4),
        "value_f1": round(getattr(overall, "value_f1", overall.f1), 4),
        "fields": {f: round(s.f1, 4) for f, s in summary.fields.items()},
        "omissions": summary.omissions,
        "hallucinations": summary.hallucinations,
        "ungrounded": summary.ungrounded,
        "statuses": statuses,
        # metrics and awards: how many of each status, and the share matched to gold
        "calibration": {
            k: {"items": n, "precision": round(ok / n, 4) if n else None}
            for k, (n, ok) in sorted(calibration.items())
        },
        "verified_share": round(
            calibration.get("verified", [0, 0])[0]
            / max(1, sum(n for n, _ in calibration.values())),
            4,
        ),
    }
    if hasattr(answer, "errors_kept"):
        out["genuine_errors_made"] = answer.made()
        out["genuine_errors_kept"] = kept_errors
    return out


def _statuses(result: Any) -> list[str]:
    return [s.status for s in getattr(result, "status", [])]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=list(DEFAULT_SETS))
    parser.add_argument("--responder", choices=("gold", "sim"), default="gold")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--strategy", default="direct", help="direct (through the fake server) or rules (offline)"
    )
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("-v", "--verbose", action="store_true", help="per article, lost items")
    args = parser.parse_args(argv)
    sets = [s for s in args.sets if Path(s).is_dir()]
    missing = sorted(set(args.sets) - set(sets))
    if missing:
        print(f"skipping missing sets: {', '.join(missing)}", file=sys.stderr)
    out = run(sets, args.responder, args.seed, args.verbose, args.strategy)
    text = json.dumps(out, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    else:
        from common import save

        name = args.strategy if args.strategy != "direct" else args.responder
        out["sets"] = [str(Path(s).resolve().relative_to(ROOT)) if ROOT in Path(s).resolve().parents
                       else s for s in out["sets"]]  # fmt: skip
        print(f"wrote {save(f'verify_{name}', out)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
