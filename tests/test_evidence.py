"""The age of the evidence and the wording of translations: dates, caveats,
and the checks undated-source, stale-evidence and inconsistent-translation."""
from __future__ import annotations

import json
import re

import pytest

from conftest import CITE, SOURCE_EN, SOURCE_FR, VALID_TREE, write_project
from generator.pipeline import build_date, compile_guide

OLD_FR = SOURCE_FR.replace('published: "2023"', 'published: "2010"\npublished_estimated: true') \
    .replace("url: null\n", "url: null\npublished_note: {en: \"it calls the 140-character limit current\", "
             "fr: \"il tient la limite de 140 caractères pour actuelle\"}\nnote: \"Typos kept; the footer was cut.\"\n", 1)
FR_CITE = ('[{source: parler-franc, quote: "Pour la plupart des entreprises, Twitter est ridiculement inefficace '
           'à cette fin.", translation: "For most businesses, Twitter is ridiculously inefficient for this purpose."}]')
# The outcome 'bad' rests on the French source alone.
OLD_TREE = VALID_TREE.replace("    verdict: Stay\n    reasoning: Because.\n    citations: " + CITE,
                              "    verdict: Stay\n    reasoning: Because.\n    citations: " + FR_CITE)
SOURCES = {"plain-talk.txt": SOURCE_EN, "parler-franc.txt": OLD_FR}


# --- dates -----------------------------------------------------------------

@pytest.mark.parametrize("published", ['"2021-09-14"', '"2021-09"', '"2025"', "2021-09-14"])
def test_a_date_as_precise_as_known_is_accepted(check, published):
    source = SOURCE_EN.replace('published: "2024-05"', f"published: {published}")
    assert check({"shop.yml": VALID_TREE}, {"plain-talk.txt": source}) == []


@pytest.mark.parametrize("published, column", [('"2021-13"', 12), ('"about 2010"', 12), ('"2021-02-30"', 12),
                                               ('"10"', 12)])
def test_a_bad_date_is_placed(check, published, column):
    source = SOURCE_EN.replace('published: "2024-05"', f"published: {published}")
    assert ("plain-talk.txt", 7, column, "bad-date") in check({"shop.yml": VALID_TREE}, {"plain-talk.txt": source})


def test_an_unquoted_year_is_refused_with_a_hint(tmp_path):
    from conftest import diagnostics_of

    source = SOURCE_EN.replace('published: "2024-05"', "published: 2010")
    found = diagnostics_of(tmp_path, {"shop.yml": VALID_TREE}, {"plain-talk.txt": source})
    assert [(d.mark.line, d.rule, d.hint) for d in found if d.mark.path.endswith("plain-talk.txt")] == [
        (7, "implicit-type", 'put it in quotes: "2010"')]


def test_published_estimated_is_a_boolean(check):
    source = SOURCE_EN.replace('published: "2024-05"', 'published: "2024"\npublished_estimated: maybe')
    assert ("plain-talk.txt", 8, 22, "wrong-type") in check({"shop.yml": VALID_TREE}, {"plain-talk.txt": source})


def test_undated_source_warns_at_its_line(check):
    source = SOURCE_EN.replace('published: "2024-05"', "published: null")
    assert check({"shop.yml": VALID_TREE}, {"plain-talk.txt": source}) == [
        ("plain-talk.txt", 7, 12, "undated-source")]


# --- stale-evidence ----------------------------------------------------------

def test_an_outcome_resting_only_on_old_sources_needs_a_caveat(check):
    assert check({"shop.yml": OLD_TREE}, SOURCES) == [("shop.yml", 22, 3, "stale-evidence")]


def test_a_caveat_answers_stale_evidence(check):
    text = OLD_TREE.replace("    verdict: Stay\n", "    verdict: Stay\n    caveat: From about 2010.\n")
    assert check({"shop.yml": text}, SOURCES) == []


def test_one_recent_citation_is_enough(check):
    text = OLD_TREE.replace("citations: " + FR_CITE, "citations: " + FR_CITE[:-1] + ", " + CITE[1:])
    assert check({"shop.yml": text}, SOURCES) == []


def test_the_age_counts_from_the_build_date(check, monkeypatch):
    # 2010 + 8 years ends on 2018-12-31: the last day it is not yet stale.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1546214400")  # 2018-12-31
    assert check({"shop.yml": OLD_TREE}, SOURCES) == []
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1546300800")  # 2019-01-01
    assert check({"shop.yml": OLD_TREE}, SOURCES) == [("shop.yml", 22, 3, "stale-evidence")]


def test_the_age_is_a_plugin_option(tmp_path):
    from generator.pipeline import check_guide
    import dataclasses

    config = write_project(tmp_path, {"shop.yml": OLD_TREE}, SOURCES)
    assert [d.rule for d in check_guide(config)[1]] == ["stale-evidence"]
    assert check_guide(dataclasses.replace(config, stale_after_years=20))[1] == []


def test_build_date_reads_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1262304000")
    assert build_date().isoformat() == "2010-01-01"


# --- inconsistent-translation ----------------------------------------------

def test_one_quote_translated_two_ways_warns_at_the_second(check):
    other = FR_CITE.replace("ridiculously inefficient for this purpose", "absurdly poor at this")
    text = OLD_TREE.replace("    citations: " + CITE + "\n    answers:",
                            "    citations: " + other + "\n    answers:", 1)
    found = check({"shop.yml": text}, SOURCES)
    assert ("shop.yml", 9, 122, "inconsistent-translation") not in found  # the first one stands
    assert [f for f in found if f[3] == "inconsistent-translation"] == [
        ("shop.yml", 25, 145, "inconsistent-translation")]


def test_the_wording_most_places_use_stands_and_the_odd_one_is_reported(tmp_path):
    # The new, differing translation comes first in the file: it is still the one reported.
    from conftest import diagnostics_of

    other = FR_CITE.replace("ridiculously inefficient for this purpose", "absurdly poor at this")
    text = OLD_TREE.replace("    citations: " + CITE + "\n    answers:", "    citations: " + other + "\n    answers:", 1)
    text = text.replace("    verdict: Go\n    reasoning: Because.\n    citations: " + CITE,
                        "    verdict: Go\n    reasoning: Because.\n    citations: " + FR_CITE)
    found = [d for d in diagnostics_of(tmp_path, {"shop.yml": text}, SOURCES) if d.rule == "inconsistent-translation"]
    assert [(d.mark.line, d.message, d.hint) for d in found] == [(
        9, "this quote's 'en' translation differs from the one in node 'good' (rules/shop.yml:20) and 1 other "
           "place(s)",
        "use one translation per quote and language: copy that one here, or change it everywhere if yours is "
        "better")]


def test_a_placeholder_citation_is_not_judged_old(check):
    placeholder = FR_CITE.replace('quote: "Pour la plupart', 'quote: "TODO: copy a passage here. Pour la plupart')
    text = OLD_TREE.replace("citations: " + FR_CITE, "citations: " + placeholder)
    assert "stale-evidence" not in [f[3] for f in check({"shop.yml": text}, SOURCES)]
    assert "stale-evidence" in [f[3] for f in check({"shop.yml": OLD_TREE}, SOURCES)]


def test_the_same_translation_twice_is_fine(check):
    text = OLD_TREE.replace("    citations: " + CITE + "\n    answers:", "    citations: " + FR_CITE + "\n    answers:", 1)
    assert [f for f in check({"shop.yml": text}, SOURCES) if f[3] == "inconsistent-translation"] == []


def test_translations_differing_only_in_spacing_and_quotes_are_the_same(check):
    spaced = FR_CITE.replace("For most businesses,", "For  most businesses,")
    text = OLD_TREE.replace("    citations: " + CITE + "\n    answers:", "    citations: " + spaced + "\n    answers:", 1)
    assert [f for f in check({"shop.yml": text}, SOURCES) if f[3] == "inconsistent-translation"] == []


def test_each_language_is_compared_on_its_own(check):
    en_quote = '{source: plain-talk, quote: "Selling on social media works when your buyers are already there."'
    one = en_quote + ', translation: {fr: "Vendre marche quand vos acheteurs y sont déjà."}}'
    two = en_quote + ', translation: {fr: "La vente fonctionne si vos clients sont déjà là."}}'
    text = VALID_TREE.replace(CITE, f"[{one}]", 1).replace(CITE, f"[{two}]", 1)
    found = [f for f in check({"shop.yml": text}) if f[3] == "inconsistent-translation"]
    assert len(found) == 1 and found[0][1] == 20  # the outcome 'good', after the question


# --- what readers see ------------------------------------------------------

@pytest.fixture
def old_guide(tmp_path):
    text = OLD_TREE.replace("    verdict: Stay\n", "    verdict: Stay\n    caveat: \"This rests on an article from "
                            "about 2010; *the platform* has changed since.\"\n")
    text = text.replace("    question: Are your buyers there?\n",
                        "    question: Are your buyers there?\n    caveat: Ask them, not a survey.\n")
    return compile_guide(write_project(tmp_path, {"shop.yml": text}, SOURCES))


def test_caveat_is_on_the_node_outside_any_disclosure(old_guide):
    page = old_guide.pages["guide/shop.md"]
    outcome = page[page.index('data-node="bad"'):]
    outcome = outcome[:outcome.index("</section>")]
    caveat = re.search(r'<div class="dg-caveat" role="note" aria-label="Keep in mind" data-caveat>(.*?)</div>',
                       outcome).group(1)
    assert "<em>the platform</em> has changed since." in caveat
    question = page[page.index('data-node="q"'):page.index("</section>")]
    assert question.index('class="dg-answers"') < question.index("data-caveat") < question.index("<details")


def test_citation_shows_the_year_beside_the_title(old_guide):
    page = old_guide.pages["guide/shop.md"]
    assert '<cite>Parler franc</cite></a>, <span class="dg-year">about 2010</span></p>' in page
    assert 'A. Writer, <a href="../sources/plain-talk/#q-ecb1302c"><cite>Plain talk about selling</cite></a>, ' \
           '<span class="dg-year">2024</span></p>' in page


def test_source_page_shows_the_date_and_why_when_estimated(old_guide):
    page = old_guide.pages["guide/sources/parler-franc.md"]
    assert ('<dd data-published><time datetime="2010">about 2010</time> — estimated from the article&#39;s text: '
            "it calls the 140-character limit current</dd>") in page
    # The editing note is for maintainers: kept in guide.json, never on the reader's page.
    assert "Typos kept" not in page and "<dt>Note</dt>" not in page
    sources = {s["id"]: s for s in json.loads(old_guide.files["guide.json"])["sources"]}
    assert sources["parler-franc"]["note"] == "Typos kept; the footer was cut."
    assert sources["parler-franc"]["published_note"] == "it calls the 140-character limit current"
    assert sources["plain-talk"]["published_note"] is None
    recent = old_guide.pages["guide/sources/plain-talk.md"]
    assert '<dd data-published><time datetime="2024-05">2024-05</time></dd>' in recent


def test_guide_json_carries_dates_and_caveats(old_guide):
    data = json.loads(old_guide.files["guide.json"])
    sources = {s["id"]: s for s in data["sources"]}
    assert (sources["parler-franc"]["published"], sources["parler-franc"]["published_estimated"]) == ("2010", True)
    assert (sources["plain-talk"]["published"], sources["plain-talk"]["published_estimated"]) == ("2024-05", False)
    nodes = {n["id"]: n for n in data["trees"][0]["nodes"]}
    assert nodes["bad"]["caveat"].startswith("This rests on an article")
    assert nodes["q"]["caveat"] == "Ask them, not a survey."
    assert nodes["good"]["caveat"] is None


def test_french_edition_dates_and_labels_in_french(tmp_path):
    import dataclasses

    text = OLD_TREE.replace("    verdict: Stay\n", "    verdict: Stay\n    caveat: {en: Old., fr: Ancien.}\n")
    config = write_project(tmp_path, {"shop.yml": text}, SOURCES)
    compiled = compile_guide(dataclasses.replace(config, edition="fr", editions=("en", "fr")))
    page = compiled.pages["guide/shop.md"]
    assert 'aria-label="À savoir" data-caveat><p class="dg-caveat-label">À savoir</p><p>Ancien.</p>' in page
    assert '<cite>Parler franc</cite></a>, <span class="dg-year">vers 2010</span></p>' in page
    source = compiled.pages["guide/sources/parler-franc.md"]
    assert ("<time datetime=\"2010\">vers 2010</time> — date déduite du texte de l&#39;article : "
            "il tient la limite de 140 caractères pour actuelle</dd>") in source


def test_stale_after_years_is_read_from_mkdocs_yml(tmp_path):
    from generator.config import config_from_mkdocs

    mkdocs = {"plugins": [{"decision-guide": {"stale_after_years": 3}}]}
    assert config_from_mkdocs(mkdocs, tmp_path).stale_after_years == 3
    assert config_from_mkdocs({"plugins": ["decision-guide"]}, tmp_path).stale_after_years == 8


def test_writing_rules_examples_of_dates_and_caveats_load():
    """The page contributors copy from: its source header and its caveat load as written."""
    from conftest import ROOT
    from generator.load.rules import load_tree
    from generator.load.sources import load_source

    page = (ROOT / "content" / "writing-rules.md").read_text(encoding="utf-8")
    header = re.search(r"```text\n(---\nid: .*?)```", page, re.S).group(1)
    source, problems = load_source("example.txt", header.encode())
    assert problems == [] and (source.published, source.published_estimated) == ("2016", True)
    assert source.published_note.value.startswith("it names the site")
    assert source.published_note.translated("fr").startswith("il cite le site")
    assert "removed" in source.note.value and "estimated" not in source.note.value
    snippet = next(block for block in re.findall(r"```yaml\n(.*?)```", page, re.S) if "caveat:" in block)
    tree = "id: t\ntitle: T\nprofile: p\nstart: twitter-lead-programme\nnodes:\n" + snippet
    loaded, problems = load_tree("t.yml", tree.encode())
    assert problems == []
    assert loaded.nodes[0].caveat.translated("fr").startswith("Ces tactiques")
