"""The map's own page, "How the guide decides", in Chromium: the reader's
path, a phone's width, and outcomes opened without pretending."""
from __future__ import annotations

import pytest

from conftest import build_and_serve, needs_chromium, visible_nodes
from test_mini_guide_in_browser import mini_project

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    project = mini_project(tmp_path_factory, "steps in the document")
    yield from build_and_serve(project, project / "site")


def open_map_after_answers(page, server):
    page.goto(f"{server}/guide/shop/")
    page.click('[data-answer="yes"]')
    page.click("[data-map-link]")
    page.wait_for_selector("[data-map-tree]")
    # map.js marks the path once it has run: wait for it, not just for the page.
    page.wait_for_selector('svg [aria-current="step"]', state="attached")


def test_the_map_page_does_not_scroll_sideways_on_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for address in ("", "#a=buyers:yes,time:not-really"):
        page.goto(f"{server}/guide/shop/map/{address}")
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        page.wait_for_selector(".dg-map-svg")
        box = page.locator(".dg-map-svg").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    context.close()


def test_opened_from_a_step_with_answers_it_shows_the_path(page, server):
    open_map_after_answers(page, server)
    assert page.url.endswith("/guide/shop/map/#a=buyers:yes")
    on_path = page.eval_on_selector_all("svg .dg-map-path", "els => els.map(e => e.dataset.mapNode || "
                                        "e.dataset.from + ':' + e.dataset.answer)")
    assert sorted(set(on_path)) == ["buyers", "buyers:yes", "time"]
    here = page.locator('svg [aria-current="step"]')
    assert here.count() == 1 and here.get_attribute("data-map-node") == "time"
    assert "dg-map-here" in here.get_attribute("class")
    assert page.locator('.dg-map-list [aria-current="step"]').text_content() == \
        "Question: Do you have an hour a day for it?"
    assert page.is_visible("[data-map-where]")
    assert page.text_content("[data-map-where]") == "You are here: Question: Do you have an hour a day for it?"
    # Drawn differently from the rest: the path's edge is thicker.
    widths = page.eval_on_selector_all(".dg-map-edge", "els => els.map(e => [e.dataset.answer, "
                                       "getComputedStyle(e).strokeWidth])")
    assert dict(widths)["yes"] != dict(widths)["no"]
    # Back to the guide, to the same step.
    page.click("[data-map-back]")
    page.wait_for_selector('[data-guide-tree="shop"]')
    assert visible_nodes(page) == ["time"]
    assert page.errors == []


def test_without_answers_nothing_is_highlighted(page, server):
    page.goto(f"{server}/guide/shop/map/")
    assert page.locator(".dg-map-path").count() == 0 and page.is_hidden("[data-map-where]")
    page.goto(f"{server}/guide/shop/map/#a=nowhere:x")
    assert page.locator(".dg-map-path").count() == 0
    assert page.errors == []


def test_choosing_an_outcome_shows_it_without_pretending_answers_were_given(page, server):
    page.goto(f"{server}/guide/shop/map/")
    page.wait_for_function("() => window.decisionGuideMap === true")  # map.js takes the boxes' clicks
    page.click('svg .dg-map-node[data-map-node="skip"]')
    page.wait_for_selector('[data-guide-tree="shop"]')
    page.wait_for_function("() => document.querySelector('[data-node=skip]:not([hidden])')")
    assert page.url.endswith("/guide/shop/#n-skip")
    assert visible_nodes(page) == ["skip"]
    progress = page.text_content("[data-progress]")
    assert progress == "A possible result" and "after 0 answers" not in progress
    assert page.is_hidden("[data-result-answers]")
    # The list's links lead to the same place.
    page.goto(f"{server}/guide/shop/map/")
    page.wait_for_function("() => window.decisionGuideMap === true")
    page.click('.dg-map-list li[data-map-node="sell"] > a')
    page.wait_for_function("() => document.querySelector('[data-node=sell]:not([hidden])')")
    # The progress line is the script's: under load it may be written a moment after the step shows.
    page.wait_for_function("() => document.querySelector('[data-progress]').textContent === 'A possible result'",
                           timeout=10_000)
    assert page.errors == []


def test_labels_are_whole(page, server):
    page.goto(f"{server}/guide/shop/map/")
    text = page.text_content(".dg-map-page")
    assert "…" not in text
    boxes = page.eval_on_selector_all("svg .dg-map-node", "els => els.map(e => [...e.querySelectorAll('tspan')]"
                                      ".map(t => t.textContent).join(' '))")
    assert "Not now: spend the hours elsewhere" in boxes and "Are your buyers on social media?" in boxes
