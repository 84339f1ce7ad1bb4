"""The guide reads as a business owner with no marketing training needs, in
two minutes: measured over the real guide (see tests/readability.py; the
longest journey's eight questions are held in test_flow_start.py)."""
from __future__ import annotations

import statistics

import pytest

from flows import all_paths, real_guide
from generator.model import Outcome
from readability import grade, jargon_in, reader_texts, why_we_ask

PROFILES = ["product-shop", "high-priced-service", "b2b", "one-time-purchase"]
LANGUAGES = ["en", "fr"]


def test_reader_english_reads_at_age_nine_to_eleven():
    grades = [grade(text) for _, _, text in reader_texts(real_guide())]
    assert statistics.median(grades) <= 6.0, statistics.median(grades)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_marketing_jargon_in_what_readers_see(language):
    found = [(tree, where, words) for tree, where, text in reader_texts(real_guide(), language)
             if (words := jargon_in(text, language))]
    assert found == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_guides_are_guides_and_accounts_are_accounts(language):
    word = {"en": "profile", "fr": "profil"}[language]
    found = [(tree, where) for tree, where, text in reader_texts(real_guide(), language) if word in text.lower()]
    assert found == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_why_we_ask_in_one_or_two_sentences(language):
    words = [n for _, _, n in why_we_ask(real_guide(), language)]
    assert statistics.median(words) <= 40, statistics.median(words)


@pytest.mark.parametrize("tree_id", PROFILES)
def test_each_guide_asks_early_whether_the_owner_already_posts(tree_id):
    for pairs, end in all_paths(real_guide().tree(tree_id)):
        questions = [node_id for node_id, _ in pairs]
        if len(questions) >= 2:
            assert "already-posting" in questions[:2], (questions, end.id)


@pytest.mark.parametrize("tree_id", PROFILES)
def test_a_reader_who_does_not_know_is_told_how_to_find_out(tree_id):
    tree = real_guide().tree(tree_id)
    assert isinstance(tree.node("find-out-this-week"), Outcome)
    leads_there = [n for n in tree.nodes if any(c.value == "find-out-this-week" for c in n.children())]
    assert leads_there, "no answer leads to find-out-this-week"
