"""extract_report end to end over faked HTTP: instructor, re-asks, retries, grounding, cache."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from extractor.errors import ExtractionError, InputError
from extractor.extract import aextract_report, extract_report, validate_text
from extractor.scoring import load_gold
from extractor.settings import Settings
from extractor.strategies.rules.registry import RULES
from tests.llm_fakes import Script, completion, fake_client

SEEDS = Path(__file__).resolve().parent.parent / "evals" / "seeds"
SEED = "000_7d864374cdc58275"


@pytest.fixture()
def article() -> str:
    return (SEEDS / f"{SEED}.txt").read_text(encoding="utf-8")


@pytest.fixture()
def gold() -> dict[str, Any]:
    return load_gold(SEEDS / f"{SEED}.gold.json").report.model_dump()


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings(cache_dir=tmp_path / "cache", retry_max_wait=0.05, max_retries=2)


def test_direct_extraction_is_grounded(article: str, gold: dict, settings: Settings) -> None:
    script = Script([completion(gold)])
    result = extract_report(article, client=fake_client(script), settings=settings, model="m")
    assert result.strategy == "direct" and result.backend == "openai-client"
    assert result.report.model_dump() == gold | {
        k: result.report.model_dump()[k] for k in ("achievements", "targets", "awards", "officials")
    }
    assert len(result.report.achievements) == len(gold["achievements"])
    assert len(result.report.targets) == len(gold["targets"])
    assert result.dropped == []
    assert (result.usage.prompt_tokens, result.usage.completion_tokens, result.usage.attempts) == (
        120,
        40,
        1,
    )
    assert len(result.grounding) == sum(
        len(gold[f]) for f in ("officials", "achievements", "targets", "awards")
    )
    for g in result.grounding:
        assert g.method != "not_found"
        item = getattr(result.report, g.field)[g.index]
        quoted = item.name if g.field == "officials" else item.evidence
        assert article[g.start : g.end] == quoted


def test_unsupported_value_is_reasked_then_fixed(
    article: str, gold: dict, settings: Settings
) -> None:
    bad = json.loads(json.dumps(gold))
    bad["achievements"][1]["value"] = 15.325  # "15.325 người" misread as a decimal
    script = Script([completion(bad), completion(gold)])
    result = extract_report(article, client=fake_client(script), settings=settings, model="m")
    assert result.usage.attempts == 2
    assert 15325 in [m.value for m in result.report.achievements]
    assert 15.325 not in [m.value for m in result.report.achievements]
    reask = json.dumps(script.requests[1]["messages"], ensure_ascii=False)
    assert "15.325" in reask and "not supported" in reask


def test_still_unsupported_after_reasks_is_dropped_not_kept(
    article: str, gold: dict, settings: Settings
) -> None:
    bad = json.loads(json.dumps(gold))
    bad["achievements"][2]["value"] = 99.9  # not in the evidence, not in the text
    bad["targets"].append(dict(bad["targets"][0], evidence="phấn đấu đạt 777 người", value=777))
    script = Script([completion(bad)])
    result = extract_report(
        article, client=fake_client(script), settings=settings, model="m", max_reasks=1
    )
    assert result.usage.attempts == 2
    values = [m.value for m in result.report.achievements + result.report.targets]
    assert 99.9 not in values and 777 not in values
    assert len(result.dropped) == 2
    assert {d.field for d in result.dropped} == {"achievements", "targets"}
    assert len(result.report.achievements) == len(gold["achievements"]) - 1


def test_garbage_output_raises_with_attempts_and_last_output(
    article: str, settings: Settings
) -> None:
    script = Script([completion("this is not json")])
    with pytest.raises(ExtractionError) as info:
        extract_report(
            article, client=fake_client(script), settings=settings, model="m", max_reasks=1
        )
    assert info.value.attempts == 2 and info.value.last_output == "this is not json"
    assert "attempt" in str(info.value)


def test_transport_failures_are_retried_then_reported(article: str, settings: Settings) -> None:
    script = Script([httpx.Response(503, json={"error": {"message": "overloaded"}})])
    with pytest.raises(ExtractionError) as info:
        extract_report(article, client=fake_client(script), settings=settings, model="m")
    assert len(script.requests) == settings.max_retries + 1
    assert "endpoint failed" in str(info.value)
    assert all(len(r["messages"]) == 2 for r in script.requests)  # never shown to the model


def test_truncated_output_is_a_clear_error(article: str, gold: dict, settings: Settings) -> None:
    script = Script([completion(json.dumps(gold)[:200], finish_reason="length")])
    with pytest.raises(ExtractionError, match="cut off"):
        extract_report(article, client=fake_client(script), settings=settings, model="m")


def test_cache_hits_skip_the_model_and_hold_no_key(
    article: str, gold: dict, settings: Settings
) -> None:
    script = Script([completion(gold)])
    client = fake_client(script, api_key="sk-test-SECRET-cache-777")
    first = extract_report(article, client=client, settings=settings, model="m")
    second = extract_report(article, client=client, settings=settings, model="m")
    assert len(script.requests) == 1
    assert second.usage.cache_hit and not first.usage.cache_hit
    assert second.report == first.report
    extract_report(article, client=client, settings=settings, model="m", use_cache=False)
    assert len(script.requests) == 2
    extract_report(article, client=client, settings=settings, model="other")
    assert len(script.requests) == 3
    for path in settings.cache_dir.rglob("*"):
        if path.is_file():
            assert b"SECRET" not in path.read_bytes()


def test_long_article_is_chunked_and_merged(article: str, gold: dict, settings: Settings) -> None:
    text = article + "\n" + article  # the same figures twice, far apart

    def reply(body: dict) -> dict:
        return completion(gold)

    script = Script(reply)
    small = Settings(cache_dir=settings.cache_dir, context_chars=len(article) // 2 + 50)
    result = extract_report(text, client=fake_client(script), settings=small, model="m")
    assert len(script.requests) > 2
    # each chunk's figures are grounded to the first occurrence: merged without duplicates
    keys = [(m.value, m.evidence) for m in result.report.achievements]
    assert len(keys) == len(set(keys))
    assert {m.value for m in result.report.achievements} == {
        m["value"] for m in gold["achievements"]
    }


def test_async_twin(article: str, gold: dict, settings: Settings) -> None:
    script = Script([completion(gold)])
    client = fake_client(script, is_async=True)
    result = asyncio.run(aextract_report(article, client=client, settings=settings, model="m"))
    assert len(result.report.targets) == len(gold["targets"])
    assert result.usage.completion_tokens == 40


@pytest.mark.parametrize("bad", ["", "   \n\t ", "abc\x00def", b"\xff\xfe\x00", 42])
def test_unusable_input_is_an_input_error(bad: Any) -> None:
    with pytest.raises(InputError):
        validate_text(bad)


def test_offline_default_needs_no_model(article: str, tmp_path: Path) -> None:
    result = extract_report(article, settings=Settings(cache_dir=tmp_path))
    assert result.backend == "rules" and result.strategy == "rules" and result.model is None
    assert result.report.achievements
    for metric in result.report.achievements + result.report.targets:
        assert metric.evidence in article


def test_type_slips_are_coerced_never_reasked(article: str, gold: dict, settings: Settings) -> None:
    slipped = json.loads(json.dumps(gold))
    slipped["achievements"][0]["value"] = str(int(gold["achievements"][0]["value"]))
    slipped["achievements"][1]["value"] = f"{gold['achievements'][1]['value']:.1f}"
    script = Script([completion(slipped)])
    result = extract_report(article, client=fake_client(script), settings=settings, model="m")
    assert result.usage.attempts == 1 and len(script.requests) == 1
    assert [m.value for m in result.report.achievements] == [
        m["value"] for m in gold["achievements"]
    ]


def test_reask_names_only_failing_items_with_all_their_problems(
    article: str, gold: dict, settings: Settings
) -> None:
    bad = json.loads(json.dumps(gold))
    bad["achievements"][1]["value"] = 15.325
    bad["achievements"][2]["evidence"] = "một câu không có trong bài viết này 42 người"
    fixed_only = {"achievements": [gold["achievements"][1], gold["achievements"][2]]}
    script = Script([completion(bad), completion(fixed_only)])
    result = extract_report(article, client=fake_client(script), settings=settings, model="m")
    assert len(script.requests) == 2 and result.usage.attempts == 2
    feedback = script.requests[1]["messages"][-1]["content"]
    assert "achievements[1]" in feedback and "achievements[2]" in feedback
    assert "achievements[0]" not in feedback and "ONLY these items" in feedback
    # the answer carried only the two fixed items: they take their places, nothing is lost
    assert [m.value for m in result.report.achievements] == [
        m["value"] for m in gold["achievements"]
    ]
    assert result.dropped == []


def test_async_path_reasks_the_same_way(article: str, gold: dict, settings: Settings) -> None:
    import asyncio

    from extractor import aextract_report

    bad = json.loads(json.dumps(gold))
    bad["achievements"][1]["value"] = 15.325
    script = Script([completion(bad), completion(gold)])
    client = fake_client(script, is_async=True)
    result = asyncio.run(aextract_report(article, client=client, settings=settings, model="m"))
    assert result.usage.attempts == 2 and 15325 in [m.value for m in result.report.achievements]
    assert result.status and {s.status for s in result.status} <= {
        "verified",
        "corrected",
        "flagged",
    }


def test_offline_items_name_the_rules_that_decided_them(article: str, tmp_path: Path) -> None:
    result = extract_report(article, settings=Settings(cache_dir=tmp_path))
    report = result.report
    traced = {(t.field, t.index): t.rules for t in result.rules}
    # every kept item has its trace, by its index after grounding
    fields = ("officials", "achievements", "targets", "awards")
    assert set(traced) == {(f, i) for f in fields for i in range(len(getattr(report, f)))}
    assert report.officials and report.awards
    for (field, _i), rules in traced.items():
        assert rules and all(r in RULES for r in rules if not r.startswith("label: "))
        if field in ("achievements", "targets"):
            assert any(r.startswith("indicator.") for r in rules)
            assert any(r.startswith("label: ") for r in rules)
        else:
            assert all(r.startswith(field[:-1] + ".") for r in rules)
    assert '"rules"' in result.model_dump_json()


def test_rule_traces_follow_the_items_grounding_keeps() -> None:
    from extractor.extract import _kept_traces
    from extractor.models import Metric, SectorReport

    def metric(value: float, evidence: str) -> Metric:
        return Metric(indicator="x", value=value, evidence=evidence)

    before = SectorReport(achievements=[metric(1, "a 1"), metric(2, "b 2"), metric(3, "c 3")])
    after = SectorReport(achievements=[metric(1, "a 1"), metric(3, "c 3")])  # "b 2" dropped
    traces = {"achievements": [("r1",), ("r2",), ("r3",)], "targets": []}
    got = [(t.index, t.rules) for t in _kept_traces(before, after, traces)]
    assert got == [(0, ["r1"]), (1, ["r3"])]


def test_an_item_verification_moves_keeps_its_trace_and_says_so(tmp_path: Path) -> None:
    # the rules call the plan share an achievement; its sentence is about the plan year, so
    # verification moves it to the targets: its trace goes with it and ends with the move
    text = (
        "Sở Xây dựng tổ chức hội nghị tổng kết công tác năm 2024, triển khai nhiệm vụ năm 2025."
        "\n\nNăm 2025, Sở Xây dựng đặt mục tiêu tỷ lệ đô thị hóa đạt 70% (tăng 0,66% so với "
        "năm 2024 và vượt 6,5% so với mục tiêu Nghị quyết Đại hội Đảng bộ tỉnh)."
    )
    result = extract_report(text, settings=Settings(cache_dir=tmp_path))
    assert [m.value for m in result.report.achievements] == []
    assert 70 in [m.value for m in result.report.targets]
    traced = {(t.field, t.index): t.rules for t in result.rules}
    assert set(traced) == {("targets", i) for i in range(len(result.report.targets))}
    moved = traced[("targets", [m.value for m in result.report.targets].index(70))]
    assert moved[0].startswith("indicator.") and moved[-1] == "verify: moved from achievements"


@pytest.mark.parametrize("is_async", [False, True])
def test_a_clean_answer_is_verified_once_with_the_same_result(
    article: str, gold: dict, settings: Settings, monkeypatch: pytest.MonkeyPatch, is_async: bool
) -> None:
    from extractor import extract as extract_module
    from extractor import verify

    def run() -> Any:
        client = fake_client(Script([completion(gold)]), is_async=is_async)
        if is_async:
            return asyncio.run(aextract_report(article, client=client, settings=settings))
        return extract_report(article, client=client, settings=settings, use_cache=False)

    calls: list[int] = []
    original = verify.verify_report
    monkeypatch.setattr(
        verify, "verify_report", lambda *a, **k: calls.append(1) or original(*a, **k)
    )
    once = run().model_dump(exclude={"usage"})
    assert len(calls) == 1  # the dialogue's check is reused by finalize

    class NoReuse:
        def get(self) -> None:
            return None

        def set(self, value: object) -> None:
            pass

    calls.clear()
    monkeypatch.setattr(extract_module, "_CLEAN", NoReuse())
    settings2 = Settings(cache_dir=settings.cache_dir / "other", use_cache=False)
    settings = settings2
    twice = run().model_dump(exclude={"usage"})
    assert len(calls) == 2 and once == twice
