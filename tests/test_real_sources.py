"""evals/real: every article listed in SOURCES.md, none from the blind test set's blocklist
(../shared/eval-blocklist.txt: addresses, GitHub files and headlines), a dev/test split."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "evals" / "real"
BLOCKLIST = ROOT.parent / "shared" / "eval-blocklist.txt"
ARTICLES = sorted(p.relative_to(REAL).as_posix() for p in REAL.glob("*/*.txt"))
MIN_ARTICLES = 40


def sources_rows() -> dict[str, list[str]]:
    """SOURCES.md table rows keyed by their file column ("dev/20_….txt")."""
    rows: dict[str, list[str]] = {}
    for line in (REAL / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and cells and cells[0].endswith(".txt"):
            rows[cells[0]] = cells
    return rows


def address_key(address: str) -> str:
    """An address without scheme, "www.", query or trailing slash, lower case."""
    parts = urlsplit(address.strip() if "://" in address else "http://" + address.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}".lower()


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def blocklist() -> tuple[set[str], list[tuple[str, str]], list[str]]:
    """(address keys, GitHub (repo, path) pairs, folded headlines) of the blind test set."""
    addresses: set[str] = set()
    github: list[tuple[str, str]] = []
    headlines: list[str] = []
    for raw in BLOCKLIST.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("github:"):
            repo, _, path = line.removeprefix("github:").partition(":")
            github.append((repo.lower(), path.lower()))
        elif line.startswith("headline:"):
            headline = re.sub(r"\s*\([^)]*\)\s*$", "", line.removeprefix("headline:"))
            headlines.append(fold(headline))
        else:
            addresses.add(address_key(line))
    return addresses, github, headlines


def test_every_article_is_listed_and_every_listing_exists() -> None:
    rows = sources_rows()
    assert sorted(rows) == ARTICLES


def test_enough_real_articles_split_into_dev_and_test() -> None:
    assert len(ARTICLES) >= MIN_ARTICLES
    dev = [a for a in ARTICLES if a.startswith("dev/")]
    test = [a for a in ARTICLES if a.startswith("test/")]
    assert len(dev) + len(test) == len(ARTICLES)
    assert len(test) >= 15 and len(dev) >= 12


@pytest.mark.skipif(not BLOCKLIST.is_file(), reason="no ../shared/eval-blocklist.txt here")
def test_nothing_comes_from_the_blocklist() -> None:
    addresses, github, headlines = blocklist()
    assert addresses and headlines, "blocklist parsed to nothing"
    for name, cells in sources_rows().items():
        address = cells[2]
        key = address_key(address)
        assert key not in addresses, (name, address)
        low = address.lower()
        for repo, path in github:
            assert not (repo in low and low.rstrip("/").endswith(path)), (name, address)
    for article in ARTICLES:
        text = fold((REAL / article).read_text(encoding="utf-8"))
        for headline in headlines:
            assert headline not in text, (article, headline)


@pytest.mark.skipif(not BLOCKLIST.is_file(), reason="no ../shared/eval-blocklist.txt here")
def test_the_blocklist_check_would_catch_a_listed_page() -> None:
    addresses, github, headlines = blocklist()
    listed = next(a for a in addresses)
    assert address_key("https://www." + listed + "/") in addresses
    assert github and all(repo and path for repo, path in github)
    assert all(len(h) > 20 for h in headlines)
