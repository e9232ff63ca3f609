"""HTML report: highlighting, escaping, index counts, text loading, and a real browser."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.batch import ArticleResult, read_results, run_batch
from extractor.html_report import describe, highlight, load_texts, render_html, write_html_report
from extractor.models import (
    Award,
    CheckWarning,
    ExtractionResult,
    Grounding,
    Metric,
    Official,
    SectorReport,
)

sys.path.insert(0, str(Path(__file__).parent))
from batch_fakes import fake_extract, fake_result  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SEEDS = sorted((REPO / "evals" / "seeds").glob("*.txt"))
CHROMIUM = Path("/usr/bin/chromium")

EVIL = (
    "Tiêu đề <script>alert(1)</script> & \"trích dẫn\" 'đơn'\n"
    "Đồng chí Lê Văn Bình, Giám đốc Sở phát biểu. "
    "Tuyển sinh cho 15.325 người (vượt 33,3 % kế hoạch năm). "
    "Năm 2024 phấn đấu từ 26 đến 27 nghìn lượt lao động. "
    "Sở nhận Bằng khen của Bộ trưởng."
)


class Tags(HTMLParser):
    """Collects start tags with their attributes and the text of the whole page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.data.append(data)

    def marks(self) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == "mark" and "data-items" in a]


def parse(page: str) -> Tags:
    parser = Tags()
    parser.feed(page)
    return parser


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def evil_result() -> ExtractionResult:
    """A hand-made result for EVIL: one item per category, quotes and tags in values."""
    ach = Metric(
        indicator='tuyển sinh "học nghề" <b>',
        value=15325,
        unit="người",
        qualifier="over",
        plan_pct=133.3,
        year=2023,
        evidence="Tuyển sinh cho 15.325 người (vượt 33,3 % kế hoạch năm)",
    )
    tgt = Metric(
        indicator="giải quyết việc làm",
        value=26000,
        value_max=27000,
        unit="lượt",
        year=2024,
        evidence="từ 26 đến 27 nghìn lượt lao động",
    )
    off = Official(name="Lê Văn Bình", title="Giám đốc Sở")
    award = Award(award="Bằng khen", conferred_by="Bộ trưởng", recipient="Sở", evidence="Bằng khen")
    report = SectorReport(
        title="<script>alert(2)</script>",
        report_year=2023,
        plan_year=2024,
        officials=[off],
        achievements=[ach],
        targets=[tgt],
        awards=[award],
    )
    grounding = [
        Grounding(field="officials", index=0, method="exact", score=1.0),
        Grounding(field="achievements", index=0, method="exact", score=1.0),
        Grounding(field="targets", index=0, method="exact", score=1.0),
        Grounding(field="awards", index=0, method="exact", score=1.0),
    ]
    for g, needle in zip(
        grounding, [off.name, ach.evidence, tgt.evidence, "Bằng khen"], strict=True
    ):
        g.start, g.end = _span(EVIL, needle)
    warnings = [
        CheckWarning(
            check="plan_pct", message='"quoted" <i>msg</i>', field="achievements", index=0
        ),
        CheckWarning(check="report_level", message="no province"),
    ]
    return ExtractionResult(report=report, grounding=grounding, warnings=warnings)


def evil_line(source: str = "/nonexistent/evil.txt") -> dict[str, Any]:
    return ArticleResult("evil<1>", source, result=evil_result()).to_line()


# --------------------------------------------------------------------------- describe


def test_describe_metric_official_award() -> None:
    res = evil_result().report
    assert describe("achievements", res.achievements[0].model_dump()) == (
        'achievement: 15.325 người, over, plan 133,3 %, year 2023\ntuyển sinh "học nghề" <b>'
    )
    assert describe("targets", res.targets[0].model_dump()).startswith(
        "target: 26.000–27.000 lượt, year 2024"
    )
    assert describe("achievements", {"value": 67.7, "unit": "%"}) == "achievement: 67,7 %"
    assert describe("officials", res.officials[0].model_dump()) == (
        "official: Lê Văn Bình, Giám đốc Sở"
    )
    assert describe("awards", res.awards[0].model_dump()) == "award: Bằng khen of Bộ trưởng → Sở"


# --------------------------------------------------------------------------- highlight


def _span_dict(start: int, end: int, cls: str, order: int) -> dict[str, Any]:
    return {
        "start": start,
        "end": end,
        "cls": cls,
        "title": f"{cls}{order}",
        "key": f"k{order}",
        "warn": False,
        "order": order,
    }


def _segments(fragment: str) -> list[tuple[str | None, str]]:
    """(class or None, text) per piece of highlighted output."""
    out = []
    fragment = re.sub(r'<span class="anchor" id="[^"]*"></span>', "", fragment)
    for m in re.finditer(r'<mark class="([^"]+)"[^>]*>(.*?)</mark>|([^<]+)', fragment, re.S):
        if m.group(3) is not None:
            out.append((None, html.unescape(m.group(3))))
        elif m.group(1) is not None:
            out.append((m.group(1), html.unescape(m.group(2))))
    return out


def test_nested_spans_split_and_take_the_innermost_class() -> None:
    text = "abcdefghij"
    spans = [_span_dict(0, 10, "award", 0), _span_dict(2, 5, "achievement", 1)]
    out = highlight(text, spans)
    assert _segments(out) == [("award", "ab"), ("achievement", "cde"), ("award", "fghij")]
    inner = re.search(r'<mark class="achievement" title="([^"]*)"', out)
    assert inner and html.unescape(inner.group(1)) == "achievement1\naward0"
    assert out.count('class="anchor"') == 2


def test_an_item_grounded_twice_gets_one_anchor() -> None:
    spans = [_span_dict(0, 2, "official", 0), _span_dict(5, 7, "official", 1)]
    spans[1]["key"] = spans[0]["key"]
    out = highlight("ab   ab", spans)
    assert out.count('id="k0"') == 1 and out.count("<mark") == 2


def test_partial_overlap_ties_go_to_the_first_span() -> None:
    spans = [_span_dict(0, 6, "target", 0), _span_dict(4, 10, "official", 1)]
    out = highlight("0123456789xyz", spans)
    assert _segments(out) == [
        ("target", "0123"),
        ("target", "45"),
        ("official", "6789"),
        (None, "xyz"),
    ]


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("ab <>&\"'\nđệ")), max_size=40),
    raw=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=6),
)
def test_highlight_preserves_text_and_never_nests_marks(
    text: str, raw: list[tuple[int, int]]
) -> None:
    spans = []
    for order, (a, b) in enumerate(raw):
        a, b = min(a, b, len(text)), min(max(a, b), len(text))
        if a < b:
            spans.append(_span_dict(a, b, ["official", "target"][order % 2], order))
    out = highlight(text, spans)
    assert "<mark" not in re.sub(r"<mark[^>]*>[^<]*</mark>", "", out)
    plain = re.sub(r"<[^>]+>", "", out)
    assert "<" not in plain and ">" not in plain
    assert html.unescape(plain) == text
    covered = sum(len(seg) for cls, seg in _segments(out) if cls)
    assert covered == len({i for s in spans for i in range(s["start"], s["end"])})


# --------------------------------------------------------------------------- page


def test_untrusted_text_and_values_are_escaped() -> None:
    page = render_html([evil_line()], {"evil<1>": EVIL})
    assert "<script>alert" not in page
    assert page.count("<script>") == 1  # ours
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page
    assert "&lt;i&gt;msg&lt;/i&gt;" in page
    doc = parse(page)
    titles = {m["class"]: m["title"] for m in doc.marks()}
    assert titles["achievement warn"].startswith("achievement: 15.325 người, over, plan 133,3 %")
    assert 'tuyển sinh "học nghề" <b>' in titles["achievement warn"]
    assert "".join(doc.data).count("Tiêu đề <script>alert(1)</script>") == 1
    assert "&lt;i&gt;msg&lt;/i&gt;" in page and not [t for t, _ in doc.tags if t == "i"]


def test_page_is_self_contained() -> None:
    page = render_html([evil_line()], {"evil<1>": EVIL})
    doc = parse(page)
    assert not [t for t, _ in doc.tags if t in ("link", "img", "iframe", "object")]
    assert not [a for _, a in doc.tags if "src" in a]
    hrefs = [a["href"] for t, a in doc.tags if t == "a"]
    assert hrefs and all(h.startswith("#") for h in hrefs)
    assert "default-src 'none'" in page


def test_article_section_has_highlights_tables_and_warnings() -> None:
    doc = parse(render_html([evil_line()], {"evil<1>": EVIL}))
    classes = Counter(m["class"].split()[0] for m in doc.marks())
    assert set(classes) == {"official", "achievement", "target", "award"}
    ids = {a.get("id") for _, a in doc.tags}
    for key in ("a0-officials-0", "a0-achievements-0", "a0-targets-0", "a0-awards-0"):
        assert key in ids and f"row-{key}" in ids
    rows = [a for t, a in doc.tags if t == "tr" and a.get("class") == "warnrow"]
    assert [r["id"] for r in rows] == ["row-a0-achievements-0"]
    text = "".join(doc.data)
    assert "2 check warning(s)" in text and "no province" in text
    assert "26.000–27.000 lượt" in text and "133,3 %" in text and "133.3" not in text
    assert "15.325 người" in text


def test_missing_text_still_shows_tables_and_unlocated_items() -> None:
    line = evil_line()
    line["grounding"][1] = {"field": "achievements", "index": 0, "start": None, "end": None}
    doc = parse(render_html([line]))
    text = "".join(doc.data)
    assert "Text unavailable." in text
    assert "Lê Văn Bình" in text and "Bằng khen" in text
    assert "not located in text" in text
    assert doc.marks() == []


def test_spans_outside_the_text_are_reported_not_rendered() -> None:
    doc = parse(render_html([evil_line()], {"evil<1>": EVIL[:80]}))
    assert "fall outside this text" in "".join(doc.data)
    assert len(doc.marks()) == 1  # only the official lies in the first 80 chars


def test_index_counts_and_error_rows() -> None:
    failed = ArticleResult("bad", "x.txt", error=ValueError("<oops>")).to_line()
    page = render_html([evil_line(), failed], {"evil<1>": EVIL})
    index = page[page.index('id="index-table"') : page.index("</table>")]
    rows = re.findall(r"<tr data-flags=\"([^\"]*)\">(.*?)</tr>", index)
    assert [flags for flags, _ in rows] == ["warn", "err"]
    nums = [re.findall(r'class="num[^"]*">(\d+)<', body) for _, body in rows]
    assert nums == [["1", "1", "1", "1", "2"], ["0", "0", "0", "0", "0"]]
    assert "ValueError" in index and "&lt;oops&gt;" in index
    section = page[page.index('id="art-1"') :]
    assert '<div class="error"><b>ValueError</b>: &lt;oops&gt;</div>' in section


# --------------------------------------------------------------------------- files


def test_load_texts_from_files_jsonl_and_relative_paths(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("\ufeffvăn bản A", encoding="utf-8")
    jl = tmp_path / "in.jsonl"
    jl.write_text('{"id": "j", "text": "dòng 1"}\n\n{"id": "k", "text": "dòng 3"}\n', "utf-8")
    lines = [
        {"id": "a", "source": "a.txt"},
        {"id": "k", "source": f"jsonl:{jl}#3"},
        {"id": "gone", "source": str(tmp_path / "gone.txt")},
        {"id": "badline", "source": f"jsonl:{jl}#9"},
        {"id": "weird", "source": "jsonl:nohash"},
    ]
    assert load_texts(lines, base=tmp_path) == {"a": "văn bản A", "k": "dòng 3"}


def test_write_html_report_end_to_end(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "evil.txt").write_text(EVIL, encoding="utf-8")
    (src / "fail.txt").write_text("FAIL", encoding="utf-8")
    for seed in SEEDS[:2]:
        shutil.copy(seed, src / seed.name)
    out = tmp_path / "res.jsonl"
    run_batch([src], out, progress=False, extract=fake_extract)
    lines = read_results(out)
    report = write_html_report(out, tmp_path / "report" / "r.html")
    page = report.read_text(encoding="utf-8")
    doc = parse(page)
    expected = sum(len(ln["grounding"]) for ln in lines.values())
    keys = {k for m in doc.marks() for k in m["data-items"].split()}
    assert len(keys) == expected > 0
    assert "<script>alert" not in page
    assert "ExtractionError" in page
    override = write_html_report(out, tmp_path / "r2.html", texts={"evil": "thay thế"})
    assert "thay thế" in override.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- browser


def _chromium(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
    ]
    return subprocess.run(
        [str(CHROMIUM), *flags, *args], capture_output=True, text=True, timeout=120
    )


@pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="/usr/bin/chromium absent (apt-get install -y chromium chromium-driver)",
)
def test_report_in_a_real_browser(tmp_path: Path) -> None:
    lines = [evil_line()]
    texts = {"evil<1>": EVIL}
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        texts[seed.stem] = text
        lines.append(ArticleResult(seed.stem, str(seed), result=fake_result(text)).to_line())
    page_path = tmp_path / "report.html"
    page_path.write_text(render_html(lines, texts), encoding="utf-8")

    dom = _chromium(["--dump-dom", page_path.as_uri()], tmp_path / "profile-dom")
    assert dom.returncode == 0, dom.stderr[-2000:]
    doc = parse(dom.stdout)
    marks = doc.marks()
    assert marks, "no highlights in the rendered DOM"
    scripts = [t for t, _ in doc.tags if t == "script"]
    assert len(scripts) == 1, "an article's <script> reached the DOM"
    rendered = Counter(
        (k.split("-")[0], k.split("-")[1]) for m in marks for k in m["data-items"].split()
    )
    rendered_keys = {k for m in marks for k in m["data-items"].split()}
    for n, line in enumerate(lines):
        for field in ("officials", "achievements", "targets", "awards"):
            grounded = {
                f"a{n}-{field}-{g['index']}" for g in line["grounding"] if g["field"] == field
            }
            assert grounded <= rendered_keys
            assert rendered[(f"a{n}", field)] >= len(grounded)
    classes = Counter(m["class"].split()[0] for m in marks)
    assert set(classes) == {"official", "achievement", "target", "award"}
    evil_marks = [m for m in marks if m["data-items"].startswith("a0-")]
    assert any(
        m["title"].startswith("achievement: 15.325 người, over, plan 133,3 %") for m in evil_marks
    )

    shot = tmp_path / "report.png"
    run = _chromium(
        [
            "--hide-scrollbars",
            "--window-size=1280,2000",
            f"--screenshot={shot}",
            page_path.as_uri(),
        ],
        tmp_path / "profile-shot",
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")


def test_needs_review_filter_and_status_tags() -> None:
    from extractor.html_report import render_html

    line = {
        "id": "a",
        "source": "a.txt",
        "report": {
            "achievements": [
                {"indicator": "x", "value": 1.0, "evidence": "1 người"},
                {"indicator": "y", "value": 2.0, "evidence": "2 người"},
            ]
        },
        "status": [
            {"field": "achievements", "index": 0, "status": "verified"},
            {
                "field": "achievements",
                "index": 1,
                "status": "corrected",
                "corrections": [{"attribute": "unit", "model": None, "corrected": "người"}],
            },
        ],
    }
    page = render_html([line], {"a": "1 người và 2 người"})
    assert 'id="only-review"' in page and "needs review" in page
    assert page.count('class="review"') == 1 and "unit: None → người" in page
    assert 'class="stag verified"' in page
