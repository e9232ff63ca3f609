"""The guided strategy over faked HTTP: the model only labels candidates."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx

from extractor.extract import extract_report
from extractor.guided import describe, label_model
from extractor.rules import candidates
from extractor.settings import Settings
from tests.llm_fakes import Script, completion, fake_client

TEXT = (
    "Năm 2023, Sở Y tế đã khám bệnh cho 120.000 lượt người, đạt 104% kế hoạch. "
    "Tỷ lệ tiêm chủng đạt 98,5%.\n"
    "Năm 2024, ngành phấn đấu tỷ lệ tiêm chủng đạt 99%; khám bệnh cho 125.000 lượt người."
)


def _count(body: dict) -> int:
    user = body["messages"][-1]["content"]
    return len(re.findall(r"^\d+\. ", user, flags=re.M))


def test_label_model_fixes_keys_and_labels() -> None:
    model = label_model(3)
    answer = model.model_validate({"1": "A", "2": "T", "3": "S"})
    assert answer.n2 == "T"
    schema = model.model_json_schema()
    assert schema["required"] == ["1", "2", "3"]


def test_describe_marks_the_figure_in_its_sentence() -> None:
    cand = candidates(TEXT)[0]
    line = describe(TEXT, cand, 1)
    assert line.startswith("1. …") and "⟦120.000 lượt⟧ người" in line


def test_model_labels_decide_and_values_come_from_the_parser(tmp_path: Path) -> None:
    def reply(body: dict) -> dict:
        n = _count(body)
        # label everything "A" except the last two lines: "T"
        labels = {str(i): ("T" if i > n - 2 else "A") for i in range(1, n + 1)}
        return completion(labels)

    script = Script(reply)
    settings = Settings(cache_dir=tmp_path)
    result = extract_report(
        TEXT, strategy="guided", client=fake_client(script), settings=settings, model="m"
    )
    assert result.strategy == "guided" and len(script.requests) == 1
    assert [m.value for m in result.report.targets] == [99.0, 125000.0]
    assert {m.value for m in result.report.achievements} == {120000.0, 98.5}
    assert all(m.evidence in TEXT for m in result.report.achievements + result.report.targets)
    sent = json.dumps(script.requests[0], ensure_ascii=False)
    assert "⟦" in sent


def test_model_failure_falls_back_to_rule_labels(tmp_path: Path) -> None:
    script = Script([httpx.Response(400, json={"error": {"message": "bad request"}})])
    settings = Settings(cache_dir=tmp_path, max_retries=0)
    result = extract_report(
        TEXT, strategy="guided", client=fake_client(script), settings=settings, model="m"
    )
    rules = extract_report(TEXT, strategy="rules", settings=settings)
    assert result.report.achievements == rules.report.achievements
    assert result.report.targets == rules.report.targets
