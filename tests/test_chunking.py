from hypothesis import given
from hypothesis import strategies as st

from extractor.chunking import merge_reports, split_text
from extractor.models import Metric, Official, SectorReport


def test_short_text_is_one_chunk() -> None:
    assert split_text("Một đoạn.", 100) == [(0, "Một đoạn.")]


def test_splits_on_paragraphs_and_offsets_index_the_source() -> None:
    paras = [f"Đoạn {i}: tạo việc làm cho {i}.000 người." for i in range(20)]
    text = "\n".join(paras)
    chunks = split_text(text, 120)
    assert len(chunks) > 1
    for offset, chunk in chunks:
        assert len(chunk) <= 120
        assert text[offset : offset + len(chunk)] == chunk
        assert chunk.startswith("Đoạn")  # never cut inside a paragraph here
    joined = " ".join(c for _, c in chunks)
    for p in paras:
        assert p in joined


def test_long_paragraph_is_cut_at_sentences_then_hard() -> None:
    text = ("Câu một có số 1.000 người. " * 30) + "x" * 500
    chunks = split_text(text, 200)
    assert all(len(c) <= 200 for _, c in chunks)
    assert all(text[o : o + len(c)] == c for o, c in chunks)


@given(st.text(min_size=0, max_size=2000), st.integers(min_value=20, max_value=400))
def test_chunks_always_fit_and_point_into_the_source(text: str, limit: int) -> None:
    for offset, chunk in split_text(text, limit):
        assert len(chunk) <= limit
        assert text[offset : offset + len(chunk)] == chunk


def test_merge_keeps_first_scalars_majority_years_and_unique_officials() -> None:
    a = SectorReport(
        title="T",
        report_year=2023,
        plan_year=2024,
        officials=[Official(name="Nguyễn Văn An", title=None)],
        achievements=[Metric(indicator="a", value=1, evidence="1")],
    )
    b = SectorReport(
        province="Tây Ninh",
        report_year=2023,
        plan_year=2024,
        officials=[Official(name="nguyễn văn an", title="Giám đốc Sở")],
        targets=[Metric(indicator="b", value=2, evidence="2")],
    )
    c = SectorReport(report_year=2022)
    merged = merge_reports([a, b, c])
    assert (merged.title, merged.province, merged.report_year, merged.plan_year) == (
        "T",
        "Tây Ninh",
        2023,
        2024,
    )
    assert [(o.name, o.title) for o in merged.officials] == [("Nguyễn Văn An", "Giám đốc Sở")]
    assert len(merged.achievements) == 1 and len(merged.targets) == 1
    assert merge_reports([]) == SectorReport()
