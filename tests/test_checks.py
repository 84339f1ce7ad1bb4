"""Each named check: inline YAML in, (file, line, column, rule) out."""
from __future__ import annotations

import pytest

from conftest import CITE, SOURCE_EN, SOURCE_FR, VALID_TREE, diagnostics_of
from generator.check import CHECKS
from generator.diagnostics import format_github, format_text

HAND_OVER_TREE = f"""\
id: start
title: Start
profile: router
start: who
nodes:
  who:
    question: Who buys?
    reasoning: Because.
    citations: {CITE}
    answers:
      - label: Shops
        next: to-shop
        reasoning: Shops.
      - label: Others
        next: done
        reasoning: Others.
  to-shop:
    tree: shop
  done:
    verdict: Done
    short_verdict: Done
    reasoning: Because.
    citations: {CITE}
"""


def test_every_check_documents_a_failing_example():
    for check_id, entry in CHECKS.items():
        assert "Fails" in entry.doc, check_id


def test_duplicate_answer_ids(check):
    text = VALID_TREE.replace('label: "No"', 'label: "Yes!"')
    assert check({"shop.yml": text}) == [("shop.yml", 14, 16, "duplicate-id")]


def test_duplicate_tree_ids(check):
    assert ("shop.yml", 1, 5, "duplicate-id") in check({"shop.yml": VALID_TREE, "b.yml": VALID_TREE})


def test_a_tree_called_sources_would_replace_the_list_of_sources(check):
    """Found by the fuzzer: guide/sources.md and guide/sources/index.md are both served at guide/sources/.

    The check was clean and the build succeeded, without the tree's page.
    """
    found = check({"sources.yml": VALID_TREE.replace("id: shop", "id: sources")})
    assert ("sources.yml", 1, 5, "page-clash") in found


def test_a_source_called_index_would_replace_the_list_of_sources(check):
    index = SOURCE_FR.replace("id: parler-franc", "id: index")
    found = check({"shop.yml": VALID_TREE}, {"plain-talk.txt": SOURCE_EN, "index.txt": index})
    assert ("index.txt", 2, 5, "page-clash") in found


def test_dangling_next_suggests_a_node(tmp_path):
    text = VALID_TREE.replace("next: good", "next: goood")
    d, unreachable = diagnostics_of(tmp_path, {"shop.yml": text})
    assert (d.mark.line, d.mark.column, d.rule) == (12, 15, "dangling-next")
    assert (unreachable.mark.line, unreachable.rule) == (17, "unreachable-node")
    assert d.hint == "did you mean 'good'?"


def test_dangling_start(check):
    assert check({"shop.yml": VALID_TREE.replace("start: q", "start: r")})[0] == ("shop.yml", 4, 8, "dangling-next")


def test_dangling_link(check):
    found = check({"start.yml": HAND_OVER_TREE.replace("tree: shop", "tree: shops"), "shop.yml": VALID_TREE})
    assert found == [("start.yml", 18, 11, "dangling-link")]


def test_link_to_existing_tree_passes(check):
    assert check({"start.yml": HAND_OVER_TREE, "shop.yml": VALID_TREE}) == []


def test_unreachable_node(check):
    text = VALID_TREE + "  orphan:\n    short_verdict: Lost\n    verdict: Lost\n    reasoning: x\n    citations: " + CITE + "\n"
    assert check({"shop.yml": text}) == [("shop.yml", 27, 3, "unreachable-node")]


def test_cycle_within_a_tree(check):
    text = VALID_TREE.replace("next: bad", "next: q")
    found = check({"shop.yml": text})
    assert ("shop.yml", 15, 15, "cycle") in found


def test_cycle_across_trees(check):
    shop = VALID_TREE.split("  bad:")[0] + "  bad:\n    tree: start\n"
    found = check({"start.yml": HAND_OVER_TREE, "shop.yml": shop})
    assert [f[3] for f in found] == ["cycle"]


def test_dead_end(check):
    text = VALID_TREE.split("    answers:")[0] + "    answers: []\n" + VALID_TREE.split("  good:")[1].join(["  good:", ""])
    assert ("shop.yml", 6, 3, "dead-end") in check({"shop.yml": text})


def test_single_answer_is_a_warning(check):
    text = VALID_TREE.replace('      - label: "No"\n        next: bad\n        reasoning: Bad.\n', "")
    found = check({"shop.yml": text}, severity="warning")
    assert found == [("shop.yml", 6, 3, "single-answer")]


def test_duplicate_label(check):
    text = VALID_TREE.replace('label: "No"', 'label: "yes"')
    assert ("shop.yml", 14, 16, "duplicate-label") in check({"shop.yml": text})


def test_missing_citation(check):
    text = VALID_TREE.replace("    verdict: Stay\n    reasoning: Because.\n    citations: " + CITE + "\n",
                              "    verdict: Stay\n    reasoning: Because.\n")
    assert check({"shop.yml": text}) == [("shop.yml", 22, 3, "missing-citation")]


def test_missing_reasoning_is_a_warning(check):
    text = VALID_TREE.replace("        reasoning: Good.\n", "")
    assert check({"shop.yml": text}, severity="warning") == [("shop.yml", 11, 9, "missing-reasoning")]


def test_unknown_source_suggests_one(tmp_path):
    text = VALID_TREE.replace("source: plain-talk", "source: plain-tlak", 1)
    [d] = diagnostics_of(tmp_path, {"shop.yml": text})
    assert (d.mark.line, d.mark.column, d.rule) == (9, 26, "unknown-source")
    assert d.hint == "did you mean 'plain-talk'?"


def test_quote_not_in_source_shows_where_it_departs_from_the_source(tmp_path):
    text = VALID_TREE.replace("works when your buyers are already there.", "works when buyers are there.", 1)
    [d] = diagnostics_of(tmp_path, {"shop.yml": text})
    assert (d.mark.line, d.mark.column, d.rule) == (9, 45, "quote-not-in-source")
    assert d.hint == ('the article has "…works when your buyers are already…" '
                      'where the quote has "…works when buyers are there."')


@pytest.mark.parametrize("quote", [
    "Selling  on social\\n media works when your buyers are already there.",     # whitespace
    "Selling on social media works when your buyers are already\\u00a0there.",   # no-break space
    "Selling on social media works when your buyers are already there.",        # NFC/NFKC forms
])
def test_quote_comparison_is_tolerant(check, quote):
    text = VALID_TREE.replace(CITE, f'[{{source: plain-talk, quote: "{quote}"}}]', 1)
    assert check({"shop.yml": text}) == []


def test_typographic_quotes_and_compatibility_forms_match(check):
    source = ("---\nid: plain-talk\ntitle: T\nauthor: null\nlanguage: en\nurl: null\npublished: \"2024\"\n---\n\n"
                       "He said \u201cselling on social media works\u201d and it\u2019s true \ufb01ne.\n")
    text = VALID_TREE.replace(CITE, '[{source: plain-talk, quote: "He said \\"selling on social media works\\" '
                              'and it\'s true fine."}]')
    assert check({"shop.yml": text}, {"plain-talk.txt": source}) == []


def test_missing_translation(check):
    text = VALID_TREE.replace(CITE, '[{source: parler-franc, quote: "Twitter est ridiculement inefficace à cette fin."}]', 1)
    assert check({"shop.yml": text}) == [("shop.yml", 9, 17, "missing-translation")]


def test_short_quote_is_a_warning(check):
    text = VALID_TREE.replace(CITE, '[{source: plain-talk, quote: "Selling"}]', 1)
    assert check({"shop.yml": text}, severity="warning") == [("shop.yml", 9, 45, "short-quote")]


def test_text_format_shows_the_line_and_a_caret(tmp_path, monkeypatch):
    text = VALID_TREE.replace("next: good", "next: goood")
    diagnostics = diagnostics_of(tmp_path, {"shop.yml": text})
    monkeypatch.chdir(tmp_path)
    assert format_text(diagnostics[:1]) == (
        "rules/shop.yml:12:15: error[dangling-next]: answer 'Yes' leads to 'goood', which is not a node of tree 'shop'\n"
        "   12 |         next: goood\n"
        "      |               ^^^^^\n"
        "      = hint: did you mean 'good'?")


def test_the_printed_line_is_the_line_of_the_diagnostic(tmp_path):
    """Found by fuzzing: `guide check` printed the line with str.splitlines(), which also breaks at LS."""
    from generator.load.rules import load_tree

    path = tmp_path / "x.yml"
    path.write_bytes(b'title: "a\xe2\x80\xa8b"\nid: Bad Id\n')
    _, diagnostics = load_tree(str(path), path.read_bytes())
    printed = format_text([d for d in diagnostics if d.rule == "bad-id"])
    assert "    2 | id: Bad Id" in printed  # was "    2 | b\"", the end of line 1


def test_github_format_is_an_annotation(tmp_path):
    text = VALID_TREE.replace("next: good", "next: goood")
    out = format_github(diagnostics_of(tmp_path, {"shop.yml": text})[:1])
    assert out == ("::error file=rules/shop.yml,line=12,col=15,title=dangling-next::answer 'Yes' leads to 'goood', "
                   "which is not a node of tree 'shop' Hint: did you mean 'good'?")


def test_every_check_is_documented_in_writing_rules():
    from conftest import ROOT

    page = (ROOT / "content" / "writing-rules.md").read_text(encoding="utf-8")
    for check_id in CHECKS:
        assert f"`{check_id}`" in page, check_id


def test_short_verdict_is_required(check):
    text = VALID_TREE.replace("    short_verdict: Not now\n", "")
    assert check({"shop.yml": text}) == [("shop.yml", 22, 3, "short-verdict")]


def test_short_verdict_has_at_most_four_words_in_every_language(check):
    text = VALID_TREE.replace("short_verdict: Not now",
                              'short_verdict: {en: Not now, fr: "Pas maintenant, et pas plus tard"}')
    assert check({"shop.yml": text}) == [("shop.yml", 26, 25, "short-verdict")]
    assert check({"shop.yml": text.replace("et pas plus tard", "pas encore")}) == []


def test_a_tree_the_start_never_hands_over_to_is_reported(tmp_path):
    # Everything else passes for such a tree: it is only missing from the readers' way in.
    found = diagnostics_of(tmp_path, {"start.yml": HAND_OVER_TREE, "shop.yml": VALID_TREE,
                                      "salons.yml": VALID_TREE.replace("id: shop", "id: salons")})
    assert [(d.mark.path, d.mark.line, d.severity, d.rule, d.message, d.hint) for d in found] == [
        ("rules/salons.yml", 1, "warning", "unrouted-tree", "no hand-over from the start tree leads to tree "
         "'salons': readers can open it only from the navigation", "in rules/start.yml, add an answer whose next "
         "is a hand-over node (to-salons: {tree: salons}), or delete the tree")]


def test_a_guide_without_a_start_tree_is_not_asked_for_hand_overs(check):
    assert check({"shop.yml": VALID_TREE, "salons.yml": VALID_TREE.replace("id: shop", "id: salons")}) == []


def test_a_tree_behind_a_misspelled_hand_over_is_not_also_unrouted(check):
    # The dangling hand-over is the cause; the tree it meant is its consequence.
    found = check({"start.yml": HAND_OVER_TREE.replace("tree: shop", "tree: shops"), "shop.yml": VALID_TREE})
    assert [f[3] for f in found] == ["dangling-link"]
