"""Saved web pages as input: main text via trafilatura, spans into it, title/date from meta."""

from __future__ import annotations

import json
import shutil
from html import escape
from pathlib import Path

import pytest

from extractor import extract_report
from extractor.batch import load_results
from extractor.cli import main
from extractor.errors import ConfigError
from extractor.htmlinput import html_to_text, looks_like_html, prepare_input

pytest.importorskip("trafilatura")

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "tests" / "data" / "article_page.html"
SEEDS = ROOT / "evals" / "seeds"


def seed_page(text: str) -> str:
    """A seed article dressed as a news page: scripts, navigation, footer with numbers."""
    paras = [p for p in text.split("\n") if p.strip()]
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paras)
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{escape(paras[0][:80])}</title>"
        "<script>var x=1; var total = 2500000;</script></head><body>"
        '<nav><a href="/">Trang chủ</a> <a href="/ts">Thời sự</a> 3 tin mới</nav>'
        f"<article>{body}</article>"
        "<footer>Bản quyền 2024. Giấy phép số 123/GP-BTTTT</footer></body></html>"
    )


@pytest.mark.parametrize(
    "text,expected",
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", True),
        ("  <html lang='vi'><head></head><body>Năm 2023</body></html>", True),
        ("<div><p>a</p><p>b</p><p>c</p><span>d</span><br></div>", True),
        ("Năm 2023, tỷ lệ hộ nghèo <5%, thu nhập > 50 triệu đồng.", False),
        ("Tỉnh có 3 <b>huyện</b> đạt chuẩn; chỉ tiêu đạt 105%.", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


def test_page_main_text_without_markup_and_with_metadata() -> None:
    text, page = html_to_text(PAGE.read_text(encoding="utf-8"))
    assert "15.325 người" in text and "Hoàng Nam" in text
    for junk in ("var x", "<p>", "Trang chủ", "Bản quyền", ".a{width"):
        assert junk not in text
    assert page.title == "Sở LĐ-TB&XH tổng kết công tác năm 2023"
    assert page.date == "2024-01-12"


def test_plain_text_passes_through_unchanged() -> None:
    text = (SEEDS / "000_7d864374cdc58275.txt").read_text(encoding="utf-8")
    assert prepare_input(text) == (text, None)


def test_extract_report_on_a_page_spans_point_into_the_stored_text() -> None:
    result = extract_report(PAGE.read_text(encoding="utf-8"), use_cache=False)
    assert result.page is not None and result.page.date == "2024-01-12"
    assert result.report.title == "Sở LĐ-TB&XH tổng kết công tác năm 2023"
    values = [m.value for m in result.report.achievements + result.report.targets]
    assert 15325 in values and 1.0 not in values and 2500000 not in values
    assert result.text is not None and "<" not in result.text
    for g in result.grounding:
        item = getattr(result.report, g.field)[g.index]
        quote = item.name if g.field == "officials" else item.evidence
        assert result.text[g.start : g.end] == quote


def test_a_page_extracts_what_its_text_does() -> None:
    def figures(report):  # type: ignore[no-untyped-def]
        return [m.model_dump(exclude={"evidence"}) for m in report.achievements + report.targets]

    for path in sorted(SEEDS.glob("*.txt"))[:3]:
        text = path.read_text(encoding="utf-8")
        plain = extract_report(text, use_cache=False).report
        paged = extract_report(seed_page(text), use_cache=False).report
        assert figures(paged) == figures(plain) and len(figures(plain)) > 5
        assert paged.officials == plain.officials
        assert [a.recipient for a in paged.awards] == [a.recipient for a in plain.awards]


def test_missing_trafilatura_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real = builtins.__import__

    def blocked(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "trafilatura":
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", blocked)
    with pytest.raises(ConfigError, match=r"\[html\] extra"):
        extract_report(PAGE.read_text(encoding="utf-8"))


def test_cli_extract_a_page(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(PAGE), "--full", "--no-cache"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["page"]["date"] == "2024-01-12" and "var x" not in out["text"]


def test_batch_folder_takes_pages_and_the_report_keeps_texts_anywhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    work = tmp_path / "work"
    (work / "articles").mkdir(parents=True)
    shutil.copy(PAGE, work / "articles" / "page.html")
    shutil.copy(SEEDS / "000_7d864374cdc58275.txt", work / "articles" / "seed.txt")
    monkeypatch.chdir(work)
    assert main(["batch", "articles", "-o", "out.jsonl", "--no-progress", "--no-cache"]) == 0
    results = {r.id: r for r in load_results(work / "out.jsonl")}
    assert set(results) == {"page", "seed"} and all(r.ok for r in results.values())
    assert results["page"].page is not None and "var x" not in (results["page"].text or "")
    # render from another folder: relative sources no longer resolve, the stored texts do
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    shutil.rmtree(work / "articles")
    assert main(["report", str(work / "out.jsonl"), "-o", "r.html"]) == 0
    page = (elsewhere / "r.html").read_text(encoding="utf-8")
    assert "Text unavailable" not in page and page.count('<div class="text">') == 2
    assert "15.325" in page and "<b>Published:</b> 2024-01-12" in page


def test_eval_on_pages_scores_like_the_texts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages, texts = tmp_path / "pages", tmp_path / "texts"
    pages.mkdir()
    texts.mkdir()
    for path in sorted(SEEDS.glob("*.txt")):
        page = seed_page(path.read_text(encoding="utf-8"))
        (pages / f"{path.stem}.html").write_text(page, encoding="utf-8")
        shutil.copy(path, texts / path.name)
        gold = SEEDS / f"{path.stem}.gold.json"
        shutil.copy(gold, pages / gold.name)
        shutil.copy(gold, texts / gold.name)
    overall = {}
    for name, folder in (("pages", pages), ("texts", texts)):
        scores = tmp_path / f"{name}.json"
        assert main(["eval", str(folder), "--report-json", str(scores)]) == 0
        data = json.loads(scores.read_text(encoding="utf-8"))
        assert len(data["articles"]) == 5
        overall[name] = data["overall"]
    assert overall["pages"] == overall["texts"]
