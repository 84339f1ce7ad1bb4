"""What a reader finds with the site's search box, read from the built index.

A guide's page is one search result that opens the guide at its start,
found by the words of any of its steps; the sources are found by theirs.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from flows import real_guide
from generator.localise import localise
from generator.model import Outcome, Question
from generator.render.text import plain


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The real guide built with MkDocs, both editions."""
    site = tmp_path_factory.mktemp("search") / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=ROOT,
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            timeout=300)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def indexes(site) -> dict[str, list[dict]]:
    """Each edition's search entries."""
    return {lang: json.loads((site / folder / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
            for lang, folder in (("en", "."), ("fr", "fr"))}


def found(entries: list[dict], word: str) -> set[str]:
    """Pages (no fragment) whose entries hold a word, as the search box matches it."""
    return {e["location"].split("#")[0] for e in entries if word.lower() in (e["title"] + e["text"]).lower()}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_guide_is_one_result_that_opens_at_its_start(indexes, language):
    entries = indexes[language]
    guide = localise(real_guide(), language)
    for tree in guide.trees:
        page = [e for e in entries if e["location"].split("#")[0] == f"guide/{tree.id}/"]
        # No entry per hidden step: "#h-goal" opened the page at its first
        # question anyway, under a heading the reader never saw there.
        assert [e["location"] for e in page] == [f"guide/{tree.id}/"], tree.id
        assert page[0]["title"] == plain(tree.title.value)
        # The summary comes first: it is the result's preview.
        assert page[0]["text"].startswith(f"<p>{plain(tree.summary.value)}"), tree.id
        # Every step's question and verdict finds the page.
        for node in tree.nodes:
            if isinstance(node, Question):
                assert plain(node.text.value) in page[0]["text"], (tree.id, node.id)
            elif isinstance(node, Outcome):
                assert plain(node.verdict.value) in page[0]["text"], (tree.id, node.id)
    # An agency's embed page and a tree's map repeat what the guide's page has.
    assert not any(e["location"].startswith(("guide/embed/",)) or "/map/" in e["location"] for e in entries)


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_platform_finds_its_guides_and_sources(indexes, language):
    entries = indexes[language]
    assert {"guide/b2b/", "guide/sources/twitter-b2b-lead-generation/"} <= found(entries, "LinkedIn")
    assert {"guide/product-shop/", "guide/sources/small-business-no-need-social/"} <= found(entries, "Instagram")


def test_no_interface_words_or_quotes_in_a_guides_entry(indexes):
    """The entry holds the steps' own words: the interface's repeated at each
    step ("Why we ask") and the quotes (the source pages' words) stay out."""
    guide = real_guide()
    entry = next(e for e in indexes["en"] if e["location"] == "guide/product-shop/")
    assert "Why we ask" not in entry["text"] and "Your answers so far" not in entry["text"]
    quotes = [c.quote.value for n in guide.tree("product-shop").nodes for c in getattr(n, "citations", ())]
    assert quotes and not any(q in entry["text"] for q in quotes)


def test_the_page_itself_still_holds_every_step(site):
    """The search is handed a short text in place of the page; the reader gets the page."""
    for tree in real_guide().trees:
        html = (site / "guide" / tree.id / "index.html").read_text(encoding="utf-8")
        assert all(f'data-node="{node.id}"' in html for node in tree.nodes), tree.id
