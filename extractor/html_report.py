"""A self-contained HTML page for reviewing batch results by eye.

One page: an index of articles with per-category counts, then per article the source
text with every grounded item highlighted by category (hover shows the parsed value),
tables of officials, achievements, targets and awards, check warnings and errors.
Everything from the article or the model is escaped; CSS and JS are inline and the
page declares a Content-Security-Policy that forbids network access.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path
from typing import Any

from extractor.batch import read_results
from extractor.errors import ExtractorError
from extractor.htmlinput import html_to_text, looks_like_html
from extractor.vi.formatting import format_percent, format_quantity

CATEGORIES: dict[str, str] = {
    "officials": "official",
    "achievements": "achievement",
    "targets": "target",
    "awards": "award",
}
GENERATOR = "extractor report"
LABELS: dict[str, str] = {
    "officials": "Officials",
    "achievements": "Achievements",
    "targets": "Targets",
    "awards": "Awards",
}


# --------------------------------------------------------------------------- texts


def _read_jsonl_line(path: Path, lineno: int, cache: dict[Path, list[str]]) -> str | None:
    if path not in cache:
        cache[path] = path.read_text(encoding="utf-8-sig").splitlines()
    rows = cache[path]
    if not 1 <= lineno <= len(rows):
        return None
    obj = json.loads(rows[lineno - 1])
    text = obj.get("text") if isinstance(obj, dict) else None
    return text if isinstance(text, str) else None


def _resolve(raw: str, base: Path | None) -> Path:
    path = Path(raw)
    if not path.exists() and base is not None and not path.is_absolute():
        alt = base / path
        if alt.exists():
            return alt
    return path


def load_texts(lines: Iterable[Mapping[str, Any]], base: Path | None = None) -> dict[str, str]:
    """Each line's article text: the ``text`` stored with the result (what the spans point
    into, wherever the report is run), else its source re-read (a file path, or
    ``jsonl:PATH#LINE``; relative paths as given, then against ``base``; lines written
    before texts were stored). Sources that cannot be read are left out (the report
    then says "text unavailable").
    """
    texts: dict[str, str] = {}
    cache: dict[Path, list[str]] = {}
    for line in lines:
        ident, source = line.get("id"), line.get("source")
        if isinstance(ident, str) and isinstance(line.get("text"), str):
            texts[ident] = line["text"]
            continue
        if not isinstance(ident, str) or not isinstance(source, str):
            continue
        try:
            if source.startswith("jsonl:"):
                raw, _, num = source[len("jsonl:") :].rpartition("#")
                text = _read_jsonl_line(_resolve(raw, base), int(num), cache)
            else:
                text = _resolve(source, base).read_text(encoding="utf-8-sig")
            if text is not None and looks_like_html(text):  # spans point into its main text
                text = html_to_text(text)[0]
        except (OSError, ValueError, ExtractorError):
            continue
        if text is not None:
            texts[ident] = text
    return texts


# --------------------------------------------------------------------------- formatting


def _metric_value(item: Mapping[str, Any]) -> str:
    value = item.get("value")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "" if value is None else str(value)
    high = item.get("value_max")
    return format_quantity(
        value, item.get("unit"), value_max=high if isinstance(high, int | float) else None
    )


def _percent(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    return format_percent(value)


def describe(field: str, item: Mapping[str, Any]) -> str:
    """One-line tooltip: ``achievement: 15.325 người, over, plan 133,3 %``."""
    cat = CATEGORIES.get(field, field)
    if field in ("achievements", "targets"):
        parts = [_metric_value(item)]
        if item.get("qualifier") and item["qualifier"] != "exact":
            parts.append(str(item["qualifier"]))
        if item.get("plan_pct") is not None:
            parts.append(f"plan {_percent(item['plan_pct'])}")
        if item.get("year") is not None:
            parts.append(f"year {item['year']}")
        head = f"{cat}: " + ", ".join(parts)
        return f"{head}\n{item['indicator']}" if item.get("indicator") else head
    if field == "officials":
        title = item.get("title")
        return f"{cat}: {item.get('name', '')}" + (f", {title}" if title else "")
    if field == "awards":
        text = f"{cat}: {item.get('award', '')}"
        if item.get("conferred_by"):
            text += f" of {item['conferred_by']}"
        return text + f" → {item.get('recipient', '')}"
    return cat


def _e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


# --------------------------------------------------------------------------- highlighting


def _spans(line: Mapping[str, Any], text_len: int, prefix: str) -> tuple[list[dict], int]:
    """Grounded spans inside the text; also how many pointed outside it."""
    report = line.get("report") or {}
    warned = _warned(line)
    spans: list[dict[str, Any]] = []
    outside = 0
    for order, g in enumerate(line.get("grounding") or []):
        field, index = g.get("field"), g.get("index")
        start, end = g.get("start"), g.get("end")
        items = report.get(field) if field in CATEGORIES else None
        if not items or not isinstance(index, int) or not 0 <= index < len(items):
            continue
        if not isinstance(start, int) or not isinstance(end, int) or start >= end:
            continue
        if start < 0 or end > text_len:
            outside += 1
            continue
        spans.append(
            {
                "start": start,
                "end": end,
                "cls": CATEGORIES[field],
                "title": describe(field, items[index]),
                "key": f"{prefix}-{field}-{index}",
                "warn": (field, index) in warned,
                "order": order,
            }
        )
    return spans, outside


def highlight(text: str, spans: list[dict[str, Any]]) -> str:
    """Escaped text with ``<mark>`` segments; overlaps split at every boundary.

    Each segment takes the class of its innermost (shortest, then first) covering span;
    its title lists every covering item. An anchor marks where each item starts.
    """
    cuts = sorted({0, len(text), *(s["start"] for s in spans), *(s["end"] for s in spans)})
    starts: dict[int, list[str]] = {}
    anchored: set[str] = set()
    for s in sorted(spans, key=lambda s: s["start"]):
        if s["key"] not in anchored:  # one anchor per item, at its first occurrence
            anchored.add(s["key"])
            starts.setdefault(s["start"], []).append(s["key"])
    out: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for key in starts.get(a, []):
            out.append(f'<span class="anchor" id="{_e(key)}"></span>')
        covering = [s for s in spans if s["start"] <= a and s["end"] >= b]
        chunk = escape(text[a:b], quote=True)
        if not covering:
            out.append(chunk)
            continue
        covering.sort(key=lambda s: (s["end"] - s["start"], s["order"]))
        top = covering[0]
        cls = top["cls"] + (" warn" if any(s["warn"] for s in covering) else "")
        title = "\n".join(s["title"] for s in covering)
        keys = " ".join(s["key"] for s in covering)
        out.append(
            f'<mark class="{cls}" title="{_e(title)}" data-items="{_e(keys)}">{chunk}</mark>'
        )
    return "".join(out)


# --------------------------------------------------------------------------- sections


def _warned(line: Mapping[str, Any]) -> dict[tuple[str, int], list[dict[str, Any]]]:
    found: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for w in line.get("warnings") or []:
        if w.get("field") is not None and w.get("index") is not None:
            found.setdefault((w["field"], w["index"]), []).append(w)
    return found


def _grounded(line: Mapping[str, Any]) -> set[tuple[str, int]]:
    return {
        (g.get("field"), g.get("index"))
        for g in line.get("grounding") or []
        if g.get("start") is not None and g.get("method") != "not_found"
    }


def _counts(line: Mapping[str, Any]) -> dict[str, int]:
    report = line.get("report") or {}
    return {f: len(report.get(f) or []) for f in CATEGORIES}


def _table(field: str, items: list[dict[str, Any]], line: Mapping[str, Any], prefix: str) -> str:
    if not items:
        return f'<p class="none">No {LABELS[field].lower()}.</p>'
    warned, grounded = _warned(line), _grounded(line)
    statuses = {(st.get("field"), st.get("index")): st for st in line.get("status") or []}
    if field == "officials":
        cols = ["Name", "Title"]
    elif field == "awards":
        cols = ["Award", "Conferred by", "Recipient", "Evidence"]
    else:
        cols = ["Indicator", "Value", "Qualifier", "Plan %", "Year", "Evidence"]
    head = "".join(f"<th>{c}</th>" for c in ["#", *cols, "Checks"])
    rows = []
    for i, item in enumerate(items):
        key = f"{prefix}-{field}-{i}"
        if field == "officials":
            cells = [item.get("name"), item.get("title")]
        elif field == "awards":
            cells = [item.get(k) for k in ("award", "conferred_by", "recipient", "evidence")]
        else:
            plan = item.get("plan_pct")
            cells = [
                item.get("indicator"),
                _metric_value(item),
                item.get("qualifier"),
                None if plan is None else _percent(plan),
                item.get("year"),
                item.get("evidence"),
            ]
        tds = "".join(f"<td>{_e(c)}</td>" for c in cells)
        notes = [
            f'<span class="wtag" title="{_e(w["message"])}">⚠ {_e(w["check"])}</span>'
            for w in warned.get((field, i), [])
        ]
        if (field, i) in grounded:
            num = f'<a href="#{_e(key)}" title="show in text">{i + 1}</a>'
        else:
            num = str(i + 1)
            notes.append('<span class="wtag ungrounded">not located in text</span>')
        st = statuses.get((field, i))
        classes = ["warnrow"] if (field, i) in warned else []
        if st and st.get("status") in ("corrected", "flagged"):
            why = [
                f"{c.get('attribute')}: {c.get('model')} → {c.get('corrected')}"
                for c in st.get("corrections") or []
            ] + list(st.get("flags") or [])
            notes.insert(
                0,
                f'<span class="stag {_e(st["status"])}" title="{_e("; ".join(why))}">'
                f"{_e(st['status'])}</span>",
            )
            classes.append("review")
        elif st:
            notes.insert(0, '<span class="stag verified">verified</span>')
        cls = f' class="{" ".join(classes)}"' if classes else ""
        rows.append(
            f'<tr id="row-{_e(key)}"{cls}><td class="n">{num}</td>{tds}'
            f"<td>{' '.join(notes)}</td></tr>"
        )
    return (
        f'<table class="items {CATEGORIES[field]}"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _article(n: int, line: Mapping[str, Any], text: str | None) -> str:
    prefix = f"a{n}"
    report = line.get("report") or {}
    error = line.get("error")
    usage = line.get("usage") or {}
    if report.get("title"):
        heading = _e(report["title"])
    elif text and text.strip():
        first = text.strip().splitlines()[0]
        first = first if len(first) <= 110 else first[:110].rsplit(" ", 1)[0] + " …"
        heading = f'<span class="guess">{_e(first)}</span>'
    else:
        heading = ""
    meta = []
    for label, key in (("Sector", "sector"), ("Province", "province")):
        if report.get(key):
            meta.append(f"<span><b>{label}:</b> {_e(report[key])}</span>")
    page_info = line.get("page") or {}
    if page_info.get("date"):
        meta.append(f"<span><b>Published:</b> {_e(page_info['date'])}</span>")
    if report.get("report_year") or report.get("plan_year"):
        meta.append(
            f"<span><b>Years:</b> {_e(report.get('report_year') or '?')} → "
            f"{_e(report.get('plan_year') or '?')}</span>"
        )
    if usage and (usage.get("attempts") or usage.get("prompt_tokens") or usage.get("cache_hit")):
        meta.append(
            f"<span><b>Usage:</b> {_e(usage.get('prompt_tokens', 0))} in / "
            f"{_e(usage.get('completion_tokens', 0))} out, {_e(usage.get('attempts', 0))} "
            f"attempt(s){', cache hit' if usage.get('cache_hit') else ''}</span>"
        )
    parts = [
        f'<section class="article" id="art-{n}">',
        f'<h2><span class="aid">{_e(line.get("id"))}</span> {heading}</h2>',
        f'<p class="source">Source: <code>{_e(line.get("source"))}</code></p>',
    ]
    if meta:
        parts.append(f'<p class="meta">{" ".join(meta)}</p>')
    if error:
        parts.append(
            f'<div class="error"><b>{_e(error.get("type", "Error"))}</b>: '
            f"{_e(error.get('message', ''))}</div>"
        )
    warnings = line.get("warnings") or []
    if warnings:
        items = []
        for w in warnings:
            ref = ""
            if w.get("field") in CATEGORIES and isinstance(w.get("index"), int):
                key = f"{prefix}-{w['field']}-{w['index']}"
                ref = (
                    f' <a href="#row-{_e(key)}">{_e(CATEGORIES[w["field"]])} #{w["index"] + 1}</a>'
                )
            items.append(f"<li><b>{_e(w.get('check'))}</b>{ref}: {_e(w.get('message'))}</li>")
        parts.append(
            f'<details class="warnings"{" open" if len(warnings) <= 8 else ""}>'
            f"<summary>⚠ {len(warnings)} check warning(s)"
            f"</summary><ul>{''.join(items)}</ul></details>"
        )
    if text is None:
        parts.append('<div class="text unavailable">Text unavailable.</div>')
    else:
        spans, outside = _spans(line, len(text), prefix)
        if outside:
            parts.append(
                f'<div class="error">{outside} highlight(s) fall outside this text: the '
                "source may have changed since extraction.</div>"
            )
        parts.append(f'<div class="text">{highlight(text, spans)}</div>')
    if report:
        for field in CATEGORIES:
            items = report.get(field) or []
            parts.append(
                f'<h3><span class="swatch {CATEGORIES[field]}"></span>{LABELS[field]} '
                f'<span class="count">{len(items)}</span></h3>'
            )
            parts.append(_table(field, items, line, prefix))
    parts.append('<p class="top"><a href="#index">↑ index</a></p></section>')
    return "\n".join(parts)


def _index(lines: list[Mapping[str, Any]]) -> str:
    totals = dict.fromkeys(CATEGORIES, 0)
    rows = []
    for n, line in enumerate(lines):
        counts = _counts(line)
        for f, c in counts.items():
            totals[f] += c
        nwarn = len(line.get("warnings") or [])
        error = line.get("error")
        status = (
            f'<span class="bad" title="{_e(error.get("message", ""))}">'
            f"{_e(error.get('type', 'error'))}</span>"
            if error
            else '<span class="good">ok</span>'
        )
        cells = "".join(
            f'<td class="num">{c}</td>' if c else '<td class="num zero">0</td>'
            for c in counts.values()
        )
        warn_cell = (
            f'<td class="num warnc">{nwarn}</td>' if nwarn else '<td class="num zero">0</td>'
        )
        flags = ("err " if error else "") + ("warn" if nwarn else "")
        rows.append(
            f'<tr data-flags="{flags.strip()}"><td><a href="#art-{n}">{_e(line.get("id"))}</a>'
            f"</td>{cells}{warn_cell}<td>{status}</td></tr>"
        )
    head = "".join(
        f'<th class="num"><span class="swatch {c}"></span>{LABELS[f]}</th>'
        for f, c in CATEGORIES.items()
    )
    total_cells = "".join(f'<td class="num">{totals[f]}</td>' for f in CATEGORIES)
    return (
        '<table class="index" id="index-table"><thead><tr><th>Article</th>'
        f'{head}<th class="num">Warnings</th><th>Status</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody>"
        f"<tfoot><tr><td>Total ({len(lines)})</td>{total_cells}<td></td><td></td></tr></tfoot>"
        "</table>"
    )


_CSS = """
:root{--official:#cfe0ff;--official-b:#3d6fd6;--achievement:#c9f0d3;--achievement-b:#23904a;
--target:#ffe2a6;--target-b:#c98400;--award:#f4d0f3;--award-b:#a23aa0;--ink:#1d232b;
--muted:#667085;--line:#e4e7ec;--bg:#f6f7f9}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
color:var(--ink);background:var(--bg)}
header.top{position:sticky;top:0;z-index:5;background:#fff;border-bottom:1px solid var(--line);
padding:10px 28px;display:flex;gap:24px;align-items:center;flex-wrap:wrap}
header.top h1{font-size:18px;margin:0}
.legend{display:flex;gap:14px;flex-wrap:wrap;font-size:13px}
.legend label{display:flex;align-items:center;gap:5px;cursor:pointer;user-select:none}
main{max-width:1180px;margin:0 auto;padding:18px 28px 60px}
.card,.article{background:#fff;border:1px solid var(--line);border-radius:10px;
padding:18px 22px;margin:18px 0;box-shadow:0 1px 2px rgba(16,24,40,.04)}
h2{font-size:19px;margin:0 0 4px}h3{font-size:15px;margin:20px 0 6px;display:flex;
align-items:center;gap:6px}
.guess{color:#475467;font-weight:500}
.aid{font:600 12px ui-monospace,monospace;background:#eef1f5;border-radius:5px;
padding:2px 7px;margin-right:6px;vertical-align:middle;color:#344054}
.source,.meta{color:var(--muted);font-size:13px;margin:2px 0}.meta span{margin-right:16px}
.count{font-weight:400;color:var(--muted);font-size:13px}
.swatch{display:inline-block;width:12px;height:12px;border-radius:3px;vertical-align:-1px;
margin-right:4px}
.swatch.official{background:var(--official);border:1px solid var(--official-b)}
.swatch.achievement{background:var(--achievement);border:1px solid var(--achievement-b)}
.swatch.target{background:var(--target);border:1px solid var(--target-b)}
.swatch.award{background:var(--award);border:1px solid var(--award-b)}
.text{white-space:pre-wrap;background:#fcfcfd;border:1px solid var(--line);border-radius:8px;
padding:14px 16px;margin:12px 0;line-height:1.75;overflow-wrap:anywhere}
.text.unavailable{color:var(--muted);font-style:italic}
mark{border-radius:3px;padding:1px 0;color:inherit;cursor:help}
mark.official{background:var(--official);box-shadow:inset 0 -2px var(--official-b)}
mark.achievement{background:var(--achievement);box-shadow:inset 0 -2px var(--achievement-b)}
mark.target{background:var(--target);box-shadow:inset 0 -2px var(--target-b)}
mark.award{background:var(--award);box-shadow:inset 0 -2px var(--award-b)}
mark.warn{outline:2px dashed #d92d20;outline-offset:1px}
body.hide-official mark.official,body.hide-achievement mark.achievement,
body.hide-target mark.target,body.hide-award mark.award{background:none;box-shadow:none;
outline:none}
mark.flash,tr.flash td{animation:flash 1.2s}
@keyframes flash{0%{background:#fff59d}100%{}}
table{border-collapse:collapse;width:100%;font-size:13.5px}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{background:#f9fafb;font-weight:600;color:#344054}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.zero{color:#b0b7c3}td.warnc{color:#b54708;font-weight:600}
td.n{width:28px;color:var(--muted)}
table.items.official{border-left:3px solid var(--official-b)}
table.items.achievement{border-left:3px solid var(--achievement-b)}
table.items.target{border-left:3px solid var(--target-b)}
table.items.award{border-left:3px solid var(--award-b)}
tr.warnrow td{background:#fff6ed}
.wtag{display:inline-block;font-size:12px;background:#fef0c7;color:#93370d;border-radius:4px;
padding:0 6px;margin:1px 2px;white-space:nowrap}
.wtag.ungrounded{background:#f2f4f7;color:#475467}
.error{background:#fef3f2;border:1px solid #fecdca;color:#912018;border-radius:8px;
padding:10px 14px;margin:10px 0;white-space:pre-wrap}
.warnings{background:#fffaeb;border:1px solid #fedf89;border-radius:8px;padding:6px 14px;
margin:10px 0;font-size:13.5px}.warnings ul{margin:6px 0;padding-left:20px}
.good{color:#067647;font-weight:600}.bad{color:#b42318;font-weight:600}
.none{color:var(--muted);font-style:italic;font-size:13px;margin:2px 0}
.top{text-align:right;font-size:13px;margin:10px 0 0}
.filters{font-size:13px;color:var(--muted);margin:0 0 8px}
.stag{font-size:11.5px;border-radius:6px;padding:0 5px;margin-right:4px}
.stag.verified{background:#ecfdf3;color:#067647}.stag.corrected{background:#eff8ff;color:#175cd3}
.stag.flagged{background:#fef3f2;color:#b42318}
body.only-review table.items tbody tr:not(.review){display:none}
a{color:#175cd3;text-decoration:none}a:hover{text-decoration:underline}
.anchor{scroll-margin-top:90px}section.article{scroll-margin-top:70px}
tr{scroll-margin-top:90px}
"""

_JS = """
document.querySelectorAll('.legend input').forEach(function(box){
  box.addEventListener('change',function(){
    document.body.classList.toggle('hide-'+box.value,!box.checked);});});
document.querySelectorAll('mark[data-items]').forEach(function(m){
  m.addEventListener('click',function(){
    var key=m.getAttribute('data-items').split(' ')[0];
    var row=document.getElementById('row-'+key);
    if(row){row.scrollIntoView({block:'center'});row.classList.remove('flash');
      void row.offsetWidth;row.classList.add('flash');}});});
var review=document.getElementById('only-review');
if(review){review.addEventListener('change',function(){
  document.body.classList.toggle('only-review',review.checked);});}
var only=document.getElementById('only-problems');
if(only){only.addEventListener('change',function(){
  document.querySelectorAll('#index-table tbody tr').forEach(function(tr){
    tr.style.display=(only.checked&&!tr.getAttribute('data-flags'))?'none':'';});});}
"""


def render_html(
    lines: list[Mapping[str, Any]],
    texts: Mapping[str, str] | None = None,
    *,
    title: str = "Extraction report",
) -> str:
    """The whole report page as one string (inline CSS/JS, no network assets)."""
    texts = texts or {}
    legend = "".join(
        f'<label><input type="checkbox" value="{c}" checked>'
        f'<span class="swatch {c}"></span>{LABELS[f]}</label>'
        for f, c in CATEGORIES.items()
    )
    failed = sum(1 for ln in lines if ln.get("error"))
    nwarn = sum(len(ln.get("warnings") or []) for ln in lines)
    articles = "\n".join(
        _article(n, ln, texts.get(str(ln.get("id")))) for n, ln in enumerate(lines)
    )
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="{GENERATOR}">
<meta http-equiv="Content-Security-Policy"
 content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>{_e(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<header class="top"><h1>{_e(title)}</h1><div class="legend">{legend}
<label class="warnkey"><mark class="warn" style="background:none">⚠</mark>check warning</label>
</div></header>
<main>
<section class="card" id="index">
<h2>Articles</h2>
<p class="meta"><span>{len(lines)} article(s)</span><span>{failed} failed</span>
<span>{nwarn} check warning(s)</span></p>
<p class="filters"><label><input type="checkbox" id="only-problems"> only articles with
warnings or errors</label> <label><input type="checkbox" id="only-review"> needs review
(corrected or flagged items only)</label></p>
{_index(lines)}
</section>
{articles}
</main>
<script>{_JS}</script>
</body>
</html>
"""


def is_report_page(path: str | Path) -> bool:
    """True when ``path`` is a page this module wrote (safe to replace)."""
    try:
        with Path(path).open("rb") as fh:
            head = fh.read(2048)
    except OSError:
        return False
    return f'<meta name="generator" content="{GENERATOR}">'.encode() in head


def write_html_report(
    jsonl_path: str | Path,
    out_path: str | Path,
    texts: Mapping[str, str] | None = None,
    *,
    title: str | None = None,
) -> Path:
    """Render a batch JSONL file (last line per id) to ``out_path``.

    Texts come from ``texts`` where given, else from each line's source (re-read).
    """
    jsonl_path, out_path = Path(jsonl_path), Path(out_path)
    lines = list(read_results(jsonl_path).values())
    found = load_texts(lines, base=jsonl_path.parent)
    found.update(texts or {})
    page = render_html(lines, found, title=title or f"Extraction report: {jsonl_path.name}")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(page, encoding="utf-8")
    return out_path
