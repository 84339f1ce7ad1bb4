"""What a reader sees on a phone and a desktop: the result at a glance, the
sources in the reader's language first, a page that keeps to the question,
and a one-page printout. In Chromium."""
from __future__ import annotations

import re
import shutil

import pytest

from conftest import FIXTURES, build_and_serve, needs_chromium, visible_nodes

pytestmark = needs_chromium
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
RESULT = "#a=buyers:yes,time:yes-i-do"
SKIP = "#a=buyers:no"
MORE_CITATIONS = """\
      - source: plain-talk
        quote: "Selling on social media works when your buyers are already there."
      - source: plain-talk
        quote: "A small shop should measure the sales each post brings, not the likes."
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = tmp_path_factory.mktemp("result") / "project"
    shutil.copytree(FIXTURES / "mini", project)
    shop = project / "rules" / "shop.yml"
    text = shop.read_text(encoding="utf-8")
    # Three citations on the first question: two open, one behind "More from the sources".
    text = text.replace('''        quote: "If your buyers are not there, every hour you spend posting is an hour taken from selling."
''', '''        quote: "If your buyers are not there, every hour you spend posting is an hour taken from selling."
''' + MORE_CITATIONS, 1)
    shop.write_text(text, encoding="utf-8")
    yield from build_and_serve(project, project / "site")


def open_page(browser, url, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(url)
    page.wait_for_selector(".dg.dg-ready")
    return page


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_the_verdict_is_in_the_first_phone_screen_and_the_link_within_two(browser, site):
    page = open_page(browser, f"{site}/guide/shop/{RESULT}", PHONE)
    assert visible_nodes(page) == ["sell"]
    short = box(page, '[data-node="sell"] [data-short-verdict]')
    assert page.text_content('[data-node="sell"] [data-short-verdict]') == "Yes"
    assert short["y"] + short["height"] <= PHONE["height"]
    copy = box(page, '[data-node="sell"] [data-action="copy"]')
    assert copy["y"] + copy["height"] <= 2 * PHONE["height"]
    steps = page.locator('[data-node="sell"] .dg-this-week li')
    assert 1 <= steps.count() <= 3 and steps.first.is_visible()
    # Measures, reasons and answers wait in sections the reader opens; one quote stays in view.
    assert page.is_hidden('[data-node="sell"] .dg-measure')
    assert page.locator('[data-node="sell"] [data-citation]').first.is_visible()
    page.click('[data-node="sell"] summary:has-text("What to measure")')
    assert page.is_visible('[data-node="sell"] .dg-measure')
    assert page.errors == []
    page.context.close()


def test_a_translation_comes_first_and_the_original_is_one_click_away(browser, site):
    page = open_page(browser, f"{site}/guide/shop/{SKIP}", PHONE)
    citation = page.locator('[data-node="skip"] [data-citation]').first
    translation = citation.locator("blockquote.dg-translation")
    assert translation.is_visible() and "ridiculously inefficient" in translation.text_content()
    original = citation.locator('blockquote[lang="fr"]')
    assert original.is_hidden()
    citation.locator("summary", has_text="Original (French)").click()
    assert original.is_visible() and "ridiculement inefficace" in original.text_content()
    page.context.close()


def test_at_most_two_quotes_are_open_and_the_rest_wait(browser, site):
    page = open_page(browser, f"{site}/guide/shop/", DESKTOP)
    page.click('[data-node="buyers"] .dg-why > summary')
    why = '[data-node="buyers"] .dg-why > .dg-citations > [data-citation]'
    assert page.locator(why).count() == 2
    more = page.locator('[data-node="buyers"] .dg-why > .dg-more-sources')
    assert more.locator("summary").text_content() == "More from the sources (1)"
    assert more.locator("[data-citation]").is_hidden()
    more.locator("summary").click()
    assert more.locator("[data-citation]").is_visible()
    page.context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_question_page_keeps_to_the_question(browser, site, viewport):
    page = open_page(browser, f"{site}/guide/shop/", viewport)
    # No navigation or table of contents beside the question (on a phone the
    # site's navigation stays in the header's drawer, off the screen).
    for selector in (".md-sidebar--primary", ".md-sidebar--secondary"):
        side = page.locator(selector).bounding_box() if page.locator(selector).is_visible() else None
        assert side is None or side["width"] < 1 or side["x"] + side["width"] <= 0, (selector, side)
    weights = page.evaluate("""() => {
        const w = el => +getComputedStyle(el).fontWeight;
        const q = document.querySelector('[data-node="buyers"] .dg-title');
        const others = [...document.querySelectorAll('.md-content *')].filter(el =>
            el !== q && !q.contains(el) && el.offsetParent && el.childNodes.length &&
            [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()));
        return [w(q), Math.max(...others.map(w))];
    }""")
    assert weights[0] >= weights[1], weights
    back, title = box(page, "[data-action=back]"), box(page, '[data-node="buyers"] .dg-title')
    assert back["y"] < title["y"]
    assert page.is_disabled("[data-action=back]")
    assert page.evaluate("getComputedStyle(document.querySelector('[data-action=back]')).opacity") != "1"
    last = box(page, '[data-node="buyers"] [data-answer]:last-of-type')
    assert last["y"] + last["height"] <= viewport["height"]
    page.click('[data-answer="yes"]')
    assert page.is_enabled("[data-action=back]")
    small = page.evaluate("""() => [...document.querySelectorAll(
        '.dg button, .dg [data-answer], .dg summary')].filter(el => el.offsetParent)
        .map(el => [el.textContent.trim().slice(0, 30), el.getBoundingClientRect().height])
        .filter(([, h]) => h < 44)""")
    assert small == []
    assert page.errors == []
    page.context.close()


def test_the_printout_is_one_page_with_the_answers_date_and_link(browser, site):
    page = open_page(browser, f"{site}/guide/shop/{RESULT}", DESKTOP)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    node = '[data-node="sell"]'
    for shown in ("[data-short-verdict]", ".dg-verdict", ".dg-this-week", "[data-result-list]", "[data-print-meta]"):
        assert page.is_visible(f"{node} {shown}"), shown
    for hidden in ("[data-citation]", ".dg-measure", "[data-action=copy]", ".dg-original"):
        assert not page.locator(f"{node} {hidden}").first.is_visible(), hidden
    assert page.locator(f"{node} [data-result-list] > li").count() == 2
    meta = page.text_content(f"{node} [data-print-meta]")
    assert re.search(r"\b20\d\d\b", meta) and page.url in meta
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1
    page.context.close()
