"""A mistake is reported once, as its cause, not again as its consequences.

Each test writes a tiny guide with one mistake a first-time contributor makes
and expects the exact words they then read.
"""
from __future__ import annotations

from conftest import CITE, SOURCE_EN, SOURCE_FR, VALID_TREE, diagnostics_of, write_project
from generator.pipeline import check_guide
from test_checks import HAND_OVER_TREE


def shown(diagnostics):
    """What the contributor reads, minus the source line: place, rule, message, hint."""
    return [(d.mark.line, d.mark.column, d.rule, d.message, d.hint) for d in diagnostics]


# 1. A misspelled key is reported as unknown, not also as missing.

def test_misspelled_citations_of_a_question_is_not_also_missing(tmp_path):
    text = VALID_TREE.replace("    citations:", "    citaions:", 1)
    assert shown(diagnostics_of(tmp_path, {"shop.yml": text})) == [
        (9, 5, "unknown-key", "unknown key 'citaions' in node 'q'", "did you mean 'citations'?")]


def test_misspelled_reasoning_and_short_verdict_of_an_outcome_are_not_also_missing(tmp_path):
    text = VALID_TREE.replace("    reasoning: Because.\n    citations: " + CITE + "\n    short_verdict: Not now",
                              "    reasonnig: Because.\n    citations: " + CITE + "\n    short_verdit: Not now")
    assert shown(diagnostics_of(tmp_path, {"shop.yml": text})) == [
        (24, 5, "unknown-key", "unknown key 'reasonnig' in node 'bad'", "did you mean 'reasoning'?"),
        (26, 5, "unknown-key", "unknown key 'short_verdit' in node 'bad'", "did you mean 'short_verdict'?")]


def test_misspelled_key_of_an_answer_is_not_also_missing(tmp_path):
    text = VALID_TREE.replace("        next: good\n        reasoning: Good.", "        nxt: good\n        reasonning: Good.")
    text = text.replace("next: bad", "next: good")  # 'bad' is still reached, so the tree is whole but for the typos
    assert shown(diagnostics_of(tmp_path, {"shop.yml": text})) == [
        (12, 9, "unknown-key", "unknown key 'nxt' in answer 1 of node 'q'", "did you mean 'next'?"),
        (13, 9, "unknown-key", "unknown key 'reasonning' in answer 1 of node 'q'", "did you mean 'reasoning'?")]


def test_the_model_names_the_keys_written_under_a_typo(tmp_path):
    text = VALID_TREE.replace("        reasoning: Bad.", "        reasoning: Bad.\n        citaions: " + CITE)
    text = text.replace("    verdict: Go\n", "    verdict: Go\n    next_step: [Post weekly]\n")
    guide, _ = check_guide(write_project(tmp_path, {"shop.yml": text}))
    question, good = guide.trees[0].node("q"), guide.trees[0].node("good")
    assert [a.misspelled for a in question.answers] == [frozenset(), frozenset({"citations"})]
    assert good.misspelled == frozenset({"next_steps"}) and question.misspelled == frozenset()


def test_a_key_written_twice_once_misspelled_is_not_misspelled(tmp_path):
    text = VALID_TREE.replace("        next: good\n", "        nxt: good\n        next: good\n")
    guide, _ = check_guide(write_project(tmp_path, {"shop.yml": text}))
    assert guide.trees[0].node("q").answers[0].misspelled == frozenset()


# 2. A tree file that does not load is the cause; a hand-over to it is not dangling.

def test_hand_over_to_a_tree_whose_file_does_not_load_is_not_dangling(tmp_path):
    broken = VALID_TREE.replace("title: Shop", "title: [unclosed")
    assert [d.rule for d in diagnostics_of(tmp_path, {"start.yml": HAND_OVER_TREE, "shop.yml": broken})] == ["yaml-syntax"]


def test_hand_over_to_a_node_its_broken_tree_dropped_is_not_dangling(tmp_path):
    start = HAND_OVER_TREE.replace("    tree: shop\n", "    tree: shop\n    node: good\n")
    shop = VALID_TREE.replace("    verdict: Go\n", "    verdict: ''\n")
    assert [(d.mark.path, d.rule) for d in diagnostics_of(tmp_path, {"start.yml": start, "shop.yml": shop})] == [
        ("rules/shop.yml", "empty-value")]


def test_the_guide_names_the_files_that_did_not_load(tmp_path):
    guide, _ = check_guide(write_project(tmp_path, {"start.yml": HAND_OVER_TREE, "shop.yml": "id: [shop\n",
                                                    "b2b.yaml": "- not a tree\n"}))
    assert guide.unloaded == ("b2b", "shop") and [t.id for t in guide.trees] == ["start"]


def test_hand_over_to_a_tree_with_no_file_is_still_dangling(tmp_path):
    assert shown(diagnostics_of(tmp_path, {"start.yml": HAND_OVER_TREE})) == [
        (18, 11, "dangling-link", "node 'to-shop' hands over to tree 'shop', which does not exist",
         "create rules/shop.yml, or fix the name")]


# 3. A misspelled kind key is named, where it is written.

def test_misspelled_question_key_is_named(tmp_path):
    text = VALID_TREE.replace("    question: Are", "    questoin: Are")
    assert shown(diagnostics_of(tmp_path, {"shop.yml": text})) == [
        (7, 5, "unknown-key", "unknown key 'questoin' in node 'q'", "did you mean 'question'?")]


def test_misspelled_verdict_key_is_named(tmp_path):
    text = VALID_TREE.replace("    verdict: Stay", "    verdit: Stay")
    assert shown(diagnostics_of(tmp_path, {"shop.yml": text})) == [
        (23, 5, "unknown-key", "unknown key 'verdit' in node 'bad'", "did you mean 'verdict'?")]


def test_node_with_two_kinds_still_says_so(tmp_path):
    text = VALID_TREE.replace("    verdict: Stay", "    verdict: Stay\n    question: Why?")
    assert shown(diagnostics_of(tmp_path, {"shop.yml": text})) == [
        (22, 3, "node-kind", "node 'bad' needs exactly one of 'question', 'verdict' or 'tree' "
         "(found 'verdict' and 'question')", "'question' asks, 'verdict' concludes, 'tree' hands over to another tree")]


# 4. A quote that is not in its source: where it departs, or where it comes from.

LONG_SOURCE = """---
id: pourquoi
title: Pourquoi
author: null
language: fr
url: null
published: "2020"
---

Avant tout, posez-vous la question. Asseyez-vous et passez quelques temps à réfléchir sur le pourquoi.
Si vous n'arrivez pas à trouver une bonne raison, c'est que vous perdez probablement votre temps
sur ce réseau, et que ce temps serait mieux employé ailleurs.
"""


def cite(source: str, quote: str) -> str:
    return VALID_TREE.replace(CITE, f'[{{source: {source}, quote: "{quote}", translation: "Why?"}}]', 1)


def quote_hint(tmp_path, text: str) -> tuple[str, str]:
    sources = {"plain-talk.txt": SOURCE_EN, "parler-franc.txt": SOURCE_FR, "pourquoi.txt": LONG_SOURCE}
    [d] = [d for d in diagnostics_of(tmp_path, {"shop.yml": text}, sources) if d.rule == "quote-not-in-source"]
    return d.message, d.hint


def test_long_quote_shows_the_changed_words_however_far_they_are(tmp_path):
    quote = ("Asseyez-vous et passez quelques temps à réfléchir sur le pourquoi. Si vous n'arrivez pas à trouver "
             "une bonne raison, c'est que vous perdez sûrement votre temps sur ce réseau.")
    assert quote_hint(tmp_path, cite("pourquoi", quote)) == (
        "this quote is not in content/sources/pourquoi.txt",
        'the article has "…vous perdez probablement votre temps…" '
        'where the quote has "…vous perdez sûrement votre temps sur…"')


def test_changed_word_at_the_start_of_a_quote(tmp_path):
    quote = "Asseyez-vous et passez un peu de temps à réfléchir sur le pourquoi."
    assert quote_hint(tmp_path, cite("pourquoi", quote))[1] == (
        'the article has "…et passez quelques temps à réfléchir…" '
        'where the quote has "…et passez un peu de temps à réfléchir…"')


def test_a_short_beginning_found_once_places_the_quote(tmp_path):
    # "Avant tout, posez-" (18 characters) is the only place the quote can begin.
    quote = "Avant tout, posez-leur la question."
    assert quote_hint(tmp_path, cite("pourquoi", quote))[1] == (
        'the article has "Avant tout, posez-vous la question.…" '
        'where the quote has "Avant tout, posez-leur la question."')


def test_the_difference_is_shown_as_written_not_as_compared(tmp_path):
    # Typographic quotes and a line break are no difference; they are shown as written, on one line.
    quote = "Si vous n\u2019arrivez\\n jamais à trouver une bonne raison"
    assert quote_hint(tmp_path, cite("pourquoi", quote))[1] == (
        "the article has \"…n'arrivez pas à trouver une bonne…\" "
        "where the quote has \"…n\u2019arrivez jamais à trouver une bonne…\"")


def test_quote_from_another_source_names_it(tmp_path):
    quote = "Pour la plupart des entreprises, Twitter est ridiculement inefficace à cette fin."
    assert quote_hint(tmp_path, cite("pourquoi", quote)) == (
        "this quote is not in content/sources/pourquoi.txt",
        "this quote is in content/sources/parler-franc.txt: write source: parler-franc")


def test_placeholder_quote_says_what_to_copy(tmp_path):
    assert quote_hint(tmp_path, cite("plain-talk", "TODO: copy a sentence of the source"))[1] == (
        "copy a passage of content/sources/plain-talk.txt here, word for word")


# 5. A node id written twice: rename one.

def test_duplicate_node_id_says_rename(tmp_path):
    text = VALID_TREE.replace("  bad:\n", "  good:\n").replace("next: bad", "next: good")
    assert shown(diagnostics_of(tmp_path, {"shop.yml": text})) == [
        (22, 3, "duplicate-key", "key 'good' appears twice in 'nodes' (first on line 17)",
         "rename one of them: node ids must be unique in a tree")]


def test_duplicate_ordinary_key_still_says_merge_or_delete(tmp_path):
    text = VALID_TREE.replace("title: Shop\n", "title: Shop\ntitle: Boutique\n")
    assert shown(diagnostics_of(tmp_path, {"shop.yml": text}))[0][4] == (
        "YAML would silently keep only the last one: merge or delete one of them")


def test_an_unquoted_no_in_a_language_map_is_one_mistake(tmp_path):
    text = VALID_TREE.replace('      - label: "No"\n', '      - label:\n          en: No\n          fr: Non\n')
    assert shown(diagnostics_of(tmp_path, {"shop.yml": text})) == [
        (15, 15, "implicit-type", "the 'en' text of the label of answer 2 of node 'q' is read by YAML as a boolean "
         "(true/false), not as the text 'No'", 'put it in quotes: "No"')]


def test_an_english_quote_needs_only_its_french_translation(tmp_path):
    import dataclasses

    config = dataclasses.replace(write_project(tmp_path, {"shop.yml": VALID_TREE}), editions=("en", "fr"))
    hints = {d.hint for d in check_guide(config)[1] if d.rule == "untranslated-quote"}
    assert hints == {'write the translation as {fr: "..."}'}
