"""One normalisation decides both whether a quote is in its source and where
its passage stands on the source's page: were they two, a quote could pass
the check and find nothing to highlight, losing its "cited by" link."""
from __future__ import annotations

import pytest

from generator.config import GuideConfig
from generator.pipeline import check_guide, compile_guide
from generator.quotes import find_passage, first_difference, normalise, normalised, quote_in_source

from conftest import SOURCE_EN, VALID_TREE, write_project

E_ACUTE = "e\u0301"  # "e" and a combining acute accent: how some editors and Macs spell "é"
E_GRAVE = "e\u0300"

CASES = [
    # (source, quote, the passage as the source spells it)
    (f"Le caf{E_ACUTE} est servi tr{E_GRAVE}s chaud.", "Le café est servi", f"Le caf{E_ACUTE} est servi"),
    (f"Le caf{E_ACUTE} est servi.", "Le café", f"Le caf{E_ACUTE}"),  # the passage ends on the accent
    ("Le café est servi très chaud.", f"caf{E_ACUTE} est servi tr{E_GRAVE}s", "café est servi très"),
    ("Le c\u0327a marche, Franc\u0327ois.", "ça marche, François", "c\u0327a marche, Franc\u0327ois"),
    ("Il faut une \ufb01che de suivi.", "une fiche de suivi", "une \ufb01che de suivi"),
    ("Il faut une fiche de suivi.", "une \ufb01che", "une fiche"),
    ("Prix\u00a0: 10\u202f€ par mois.", "Prix : 10 € par mois", "Prix\u00a0: 10\u202f€ par mois"),
    ("Prix : 10 € par mois.", "Prix\u00a0:\u00a010\u202f€", "Prix : 10 €"),
    ("It\u2019s \u201cfree\u201d, they said.", "It's \"free\"", "It\u2019s \u201cfree\u201d"),
    ("It's \"free\", they said.", "It\u2019s \u201cfree\u201d", "It's \"free\""),
    ("Il dit \u00ab\u00a0non\u00a0\u00bb et part.", 'dit " non "', "dit \u00ab\u00a0non\u00a0\u00bb"),
    ("one line\nand the next,\r\n\n  then more.", "line and the next, then", "line\nand the next,\r\n\n  then"),
    ("one line and the next.", "line\n  and\tthe", "line and the"),
    ("  Leading and trailing spaces.  ", "Leading", "Leading"),
    ("Wait\u2026 then go.", "Wait... then", "Wait\u2026 then"),
]


@pytest.mark.parametrize("source, quote, passage", CASES)
def test_check_and_source_page_agree(source, quote, passage):
    assert quote_in_source(quote, source)
    assert first_difference(quote, source) is None
    span = find_passage(quote, source)
    assert span is not None and source[span[0]:span[1]] == passage


@pytest.mark.parametrize("text", [case[0] for case in CASES] + [case[1] for case in CASES])
def test_every_character_has_its_origin(text):
    said, origin = normalised(text)
    assert said == normalise(text)
    assert len(origin) == len(said)
    assert list(origin) == sorted(origin)
    assert all(0 <= at < len(text) for at in origin)


def test_a_quote_not_in_its_source_is_found_nowhere():
    source = f"Le caf{E_ACUTE} est servi."
    assert not quote_in_source("Le thé est servi", source)
    assert find_passage("Le thé est servi", source) is None
    assert first_difference("Le caf\u00e9 est froid", source) == (f"Le caf{E_ACUTE} est servi.", "Le café est froid")


def test_ascii_and_unicode_paths_agree():
    # The ASCII-only shortcut must give what the general path gives.
    text = "a `b`  c\t\nd\x1c e "
    assert normalise(text) == normalised(text + "\u00e9")[0][:-1].rstrip() == "a 'b' c d e"


SOURCE_DECOMPOSED = SOURCE_EN.replace("already there.", f"already there, even at a caf{E_ACUTE}.")


def test_a_decomposed_accent_in_the_source_is_highlighted_with_its_cited_by_link(tmp_path):
    quote = "works when your buyers are already there, even at a café."
    tree = VALID_TREE.replace(
        "Selling on social media works when your buyers are already there.", quote)
    assert quote in tree
    config = write_project(tmp_path, {"shop.yml": tree}, {"plain-talk.txt": SOURCE_DECOMPOSED})
    _, diagnostics = check_guide(config)
    assert not [d for d in diagnostics if d.rule.startswith("quote")], diagnostics
    page = compile_guide(GuideConfig(root=tmp_path)).pages["guide/sources/plain-talk.md"]
    passage = f"works when your buyers are already there, even at a caf{E_ACUTE}."
    assert '<span class="dg-anchor" id="q-' in page
    marked = page[page.index('<mark class="dg-passage">'):]
    assert marked[:marked.index("</mark>")].endswith(passage)
    assert 'class="dg-cited-by"> (cited by <a href="../../shop/#n-' in page
