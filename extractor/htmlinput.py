"""Saved web pages as input: the article's main text, title and date (trafilatura).

A page read as plain text turns its markup into figures (``var x=1`` becomes the value
1); :func:`prepare_input` instead detects HTML and hands it to trafilatura, a well-kept
news-text extractor (Apache-2.0 since 1.8, the ``[html]`` extra), which drops the
navigation, scripts, styles and footer. The extraction then reads that text only, and
grounding spans point into it (it is stored with the result as ``result.text``).
"""

from __future__ import annotations

import re
from typing import Any

from extractor.errors import InputError, missing_extra
from extractor.models import PageInfo

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_DOCTYPE = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<!doctype\s+html", re.I | re.S)
_ROOT = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:html|head|body)\b", re.I | re.S)
_TAG = re.compile(
    r"</?(?:html|head|body|div|p|span|a|article|section|script|style|meta|br|li|ul|table|tr|td|h[1-6])\b[^>]*>",
    re.I,
)


def looks_like_html(text: str) -> bool:
    """True for a web page: a doctype or an ``<html>``/``<head>``/``<body>`` root, or text
    that is mostly markup (many tags, few characters of prose between them)."""
    if _DOCTYPE.match(text) or _ROOT.match(text):
        return True
    head = text[:20000]
    tags = _TAG.findall(head)
    if len(tags) < 5:
        return False
    markup = sum(len(t) for t in tags)
    return markup * 10 >= len(head) or len(tags) >= 20


def html_to_text(html: str) -> tuple[str, PageInfo]:
    """The page's main text and its metadata (title, date, url when the page has them).

    Raises :class:`InputError` when the page has no article text, and
    :class:`ConfigError` naming the ``[html]`` extra when trafilatura is not installed.
    """
    try:
        import trafilatura
    except ImportError:
        raise missing_extra("html", "trafilatura", "reading a web page") from None
    doc: Any = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
    )
    data = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
    text = (data.get("text") or "").strip()
    if not text:  # very short pages: trafilatura's whole-page fallback
        text = (trafilatura.html2txt(html) or "").strip()
    if not text:
        raise InputError("the web page has no article text")

    def meta(key: str) -> str | None:
        value = data.get(key)
        return str(value).strip() or None if value else None

    return text, PageInfo(format="html", title=meta("title"), date=meta("date"), url=meta("url"))


def prepare_input(text: str) -> tuple[str, PageInfo | None]:
    """``(text to extract from, page metadata or None)``: HTML becomes its main text."""
    if looks_like_html(text):
        return html_to_text(text)
    return text, None
