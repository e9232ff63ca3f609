"""The rules on dev articles as they arrived: a second measure of articles nobody had tuned on.

    python evals/arrival.py [--limit N] [--json OUT]

Every dev article came in a commit that added it to ``evals/real/dev/``. This script checks
out the parent of each such commit (a git worktree, in a temporary folder), scores the
articles that commit added with the rules of that moment, and sums the counts per field.
Those rules had never seen the articles, so the sum is a measure of unseen articles beside
``evals/real/test``, over a different set of articles and over the rules' whole history.
It also counts the predicted targets whose value the gold files as an achievement: results
filed under the plan year, which is what a report year read one year early does.

It needs the repository's history (a full clone) and runs every commit's rules once (a few
minutes). It reads gold and predictions of dev articles only.

``--predictions OUT.jsonl`` also keeps what those rules predicted, one line per article
(``{"id", "commit", "report"}``): ``extractor eval evals/real/dev --predictions OUT.jsonl``
scores them again against today's gold, and a change to try on unseen output (a label
rewrite, a relabelled list) can be applied to the file and scored the same way, without
rerunning the history.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from extractor.scoring import FieldScore

ROOT = Path(__file__).resolve().parent.parent
DEV = "evals/real/dev"
FIELDS = ("officials", "achievements", "targets", "awards")
COUNTS = ("tp", "fp", "fn", "value_tp", "value_fp", "value_fn")
# run with an old commit's tree first on the path: its rules' report for every text of a folder
_DUMP = """
import json, sys
from pathlib import Path
from extractor import extract_report
with open(sys.argv[2], "a", encoding="utf-8") as out:
    for p in sorted(Path(sys.argv[1]).glob("*.txt")):
        report = extract_report(p.read_text(encoding="utf-8")).report.model_dump(mode="json")
        line = {"id": p.stem, "commit": sys.argv[3], "report": report}
        out.write(json.dumps(line, ensure_ascii=False) + "\\n")
"""


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True
    ).stdout


def arrivals() -> list[tuple[str, list[str]]]:
    """(commit, dev gold paths it added), newest first."""
    out = []
    for commit in _git("log", "--format=%H", "--diff-filter=A", "--", f"{DEV}/*.gold.json").split():
        added = _git(
            "diff-tree",
            "--no-commit-id",
            "--name-only",
            "-r",
            "--diff-filter=A",
            commit,
            "--",
            f"{DEV}/*.gold.json",
        ).split()
        if added:
            out.append((commit, added))
    return out


def add_counts(total: dict[str, FieldScore], article: dict) -> None:
    """Add one article's per-field counts from an ``extractor eval --report-json`` report
    (older reports may lack the value-only counts: they count as 0)."""
    for field, score in article.get("fields", {}).items():
        counts = FieldScore(**{k: int(score.get(k, 0)) for k in COUNTS})
        total[field] = total.get(field, FieldScore()) + counts


def results_as_targets(article: dict, gold: dict) -> int:
    """Predicted targets left unmatched whose value the gold lists as an achievement."""
    values = [a["value"] for a in gold.get("achievements", [])]
    return sum(
        1
        for h in article.get("hallucinations", [])
        if h["field"] == "targets" and any(abs(h["item"]["value"] - v) < 1e-9 for v in values)
    )


def _score_commit(
    commit: str, added: list[str], work: Path, predictions: Path | None = None
) -> dict | None:
    """The report of ``commit``'s parent's rules on the articles ``commit`` added (their
    predictions appended to ``predictions`` when given)."""
    folder = work / f"set-{commit[:10]}"
    folder.mkdir()
    for gold in added:
        for path in (gold, gold.removesuffix(".gold.json") + ".txt"):
            data = _git("show", f"{commit}:{path}")
            (folder / Path(path).name).write_text(data, encoding="utf-8")
    tree = work / "tree"
    _git("worktree", "add", "--detach", "--force", str(tree), f"{commit}^")
    try:
        report = work / f"report-{commit[:10]}.json"
        run = subprocess.run(
            [sys.executable, "-c", "import sys; from extractor.cli import main; sys.exit(main())",
             "eval", str(folder), "--report-json", str(report)],
            cwd=work, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin", "HOME": str(work)},
            capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        if predictions is not None:
            dump = subprocess.run(
                [sys.executable, "-c", _DUMP, str(folder), str(predictions), commit[:10]],
                cwd=work, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin", "HOME": str(work)},
                capture_output=True, text=True, timeout=600,
            )  # fmt: skip
            if dump.returncode:
                why = dump.stderr.strip()[-200:]
                print(f"{commit[:10]}: no predictions ({why})", file=sys.stderr)
        if not report.exists():
            print(f"{commit[:10]}: no report ({run.stderr.strip()[-200:]})", file=sys.stderr)
            return None
        return json.loads(report.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
    finally:
        _git("worktree", "remove", "--force", str(tree))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the newest N arrival commits")
    parser.add_argument("--json", type=Path, help="write the summed counts here")
    parser.add_argument(
        "--predictions", type=Path, help="also write each article's arrival prediction (JSONL)"
    )
    args = parser.parse_args()
    todo = arrivals()[: args.limit]
    total: dict[str, FieldScore] = {}
    articles = misfiled = 0
    work = Path(tempfile.mkdtemp(prefix="arrival-"))
    if args.predictions:
        args.predictions = args.predictions.resolve()
        args.predictions.write_text("", encoding="utf-8")
    try:
        for i, (commit, added) in enumerate(todo, 1):
            print(f"[{i}/{len(todo)}] {commit[:10]}: {len(added)} articles", file=sys.stderr)
            report = _score_commit(commit, added, work, args.predictions)
            if report is None:
                continue
            for article in report["articles"]:
                name = article["id"].rsplit("/", 1)[-1]
                gold = json.loads((work / f"set-{commit[:10]}" / f"{name}.gold.json").read_text())
                add_counts(total, article)
                misfiled += results_as_targets(article, gold)
                articles += 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
        _git("worktree", "prune")
    print(f"{articles} dev articles, each scored with the rules of the commit before it arrived")
    print("| field | strict P | strict R | strict F1 | value P | value R | value F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    every = sum((total.get(f, FieldScore()) for f in FIELDS), FieldScore())
    for field, c in [*((f, total.get(f, FieldScore())) for f in FIELDS), ("all", every)]:
        shown = (c.precision, c.recall, c.f1, c.value_precision, c.value_recall, c.value_f1)
        print(f"| {field} | " + " | ".join(f"{x:.3f}" for x in shown) + " |")
    misfiled_of = total.get("targets", FieldScore()).fp
    print(f"predicted targets the gold lists as achievements: {misfiled} of {misfiled_of}")
    if args.json:
        counts = {f: score.model_dump() for f, score in total.items()}
        args.json.write_text(json.dumps({"articles": articles, **counts}, indent=1) + "\n")


if __name__ == "__main__":
    main()
