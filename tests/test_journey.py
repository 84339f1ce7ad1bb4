"""One journey across guides: the start page hands over to a profile's guide
and the reader's answers, progress, Back, Start again and Change go with them.
In Chromium, on both page shapes and in both editions."""
from __future__ import annotations

import re
import shutil

import pytest

from conftest import FIXTURES, build_and_serve, needs_chromium, steps_in_noscript, visible_nodes

pytestmark = needs_chromium

TWO_EDITIONS = "plugins:\n  - search\n  - decision-guide:\n      languages: [en, fr]\n"
FRENCH = {
    "question: What do you sell?": "question:\n      en: What do you sell?\n      fr: Que vendez-vous ?",
    "label: Products\n": "label: {en: Products, fr: Des produits}\n",
}
WORDS = {"en": {"q2": "Question 2", "result3": "Your result, after 3 answers", "what": "What do you sell?",
                "products": "Products"},
         "fr": {"q2": "Question 2", "result3": "Votre résultat, après 3 réponses", "what": "Que vendez-vous ?",
                "products": "Des produits"}}


@pytest.fixture(scope="module", params=["steps in the document", "steps in noscript"])
def site(tmp_path_factory, request):
    project = tmp_path_factory.mktemp("journey") / "project"
    shutil.copytree(FIXTURES / "mini", project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("plugins:\n  - search\n  - decision-guide\n",
                                                                  TWO_EDITIONS), encoding="utf-8")
    start = project / "rules" / "start.yml"
    text = start.read_text(encoding="utf-8")
    for old, new in FRENCH.items():
        text = text.replace(old, new)
    start.write_text(text, encoding="utf-8")
    if request.param == "steps in noscript":
        steps_in_noscript(project)
    yield from build_and_serve(project, project / "site")


def hand_over(page, site, edition):
    page.goto(f"{site}/{edition}guide/start/")
    page.click('[data-node="what"] [data-answer="products"]')
    page.wait_for_selector('[data-guide-tree="shop"] [data-node="buyers"]:not([hidden])')


def progress(page) -> str:
    return " ".join(page.text_content("[data-progress]").split())


@pytest.mark.parametrize("edition", ["", "fr/"])
def test_progress_and_the_trail_count_the_answers_given_before_the_hand_over(page, site, edition):
    words = WORDS["fr" if edition else "en"]
    hand_over(page, site, edition)
    assert progress(page).startswith(words["q2"])
    assert "j=start.what:products" in page.url
    trail = " ".join(page.text_content("[data-trail-list]").split())
    assert words["what"] in trail and words["products"] in trail
    assert page.is_enabled("[data-action=back]")
    page.click('[data-answer="yes"]')
    page.click('[data-answer="yes-i-do"]')
    assert visible_nodes(page) == ["sell"]
    assert progress(page) == words["result3"]
    items = page.locator('[data-node="sell"] [data-result-list] > li')
    assert items.count() == 3 and words["products"] in items.nth(0).text_content()
    page.reload()
    assert progress(page) == words["result3"]
    assert page.errors == []


@pytest.mark.parametrize("edition", ["", "fr/"])
def test_back_on_the_first_step_after_the_hand_over_returns_to_the_question_before(page, site, edition):
    hand_over(page, site, edition)
    page.click("[data-action=back]")
    page.wait_for_selector('[data-guide-tree="start"] [data-node="what"]:not([hidden])')
    assert visible_nodes(page) == ["what"]
    assert progress(page).startswith("Question 1")
    assert page.errors == []


@pytest.mark.parametrize("edition", ["", "fr/"])
def test_start_again_starts_the_journey_over(page, site, edition):
    hand_over(page, site, edition)
    page.click('[data-answer="yes"]')
    page.click("[data-action=restart]")
    page.wait_for_selector('[data-guide-tree="start"] [data-node="what"]:not([hidden])')
    assert visible_nodes(page) == ["what"]
    assert page.is_hidden("[data-resume]")
    assert page.is_disabled("[data-action=back]")
    assert page.errors == []


def test_change_an_answer_given_before_the_hand_over(page, site):
    hand_over(page, site, "")
    page.click('[data-trail-list] [data-change="what"]')
    page.wait_for_selector('[data-guide-tree="start"] [data-node="what"]:not([hidden])')
    assert visible_nodes(page) == ["what"]
    assert page.errors == []


def test_a_journey_that_does_not_fit_is_dropped_with_a_notice(page, site):
    page.goto(f"{site}/guide/shop/#a=&j=start.what:something-else")
    page.wait_for_selector('[data-node="buyers"]:not([hidden])')
    assert progress(page).startswith("Question 1")
    assert page.is_visible("[data-notice]")
    assert page.errors == []


def test_the_start_page_counts_the_whole_journey(page, site):
    page.goto(f"{site}/guide/start/")
    # One question here, then at most two in the shop's guide.
    assert re.search(r"Question 1, at most 2 more to go", progress(page)), progress(page)
    assert page.errors == []


def test_an_answer_that_hands_over_fires_an_answer_event_with_the_journey_count(page, site):
    # An analytics listener as an agency's page script would add it, on every page load.
    page.add_init_script("""document.addEventListener('decision-guide:answer', e => sessionStorage.setItem('events',
        JSON.stringify(JSON.parse(sessionStorage.getItem('events') || '[]').concat([e.detail]))));""")
    page.goto(f"{site}/guide/start/")
    page.click('[data-node="what"] [data-answer="products"]')
    page.wait_for_selector('[data-guide-tree="shop"] [data-node="buyers"]:not([hidden])')
    page.click('[data-answer="yes"]')
    events = page.evaluate("JSON.parse(sessionStorage.getItem('events'))")
    assert events[0] == {"tree": "start", "node": "what", "answer": "products", "next": "to-shop", "answers": 1}
    assert events[1] == {"tree": "shop", "node": "buyers", "answer": "yes", "next": "time", "answers": 2}
