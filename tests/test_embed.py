"""The embed, as an agency uses it: the snippet of "Embed and measure", copied
as written into a host page on a second origin (another local port), frames
the guide's embed page. In Chromium: the frame's height follows the guide
both ways, links out of the guide open outside the frame while hand-overs stay
in it, and the host page receives the guide's events, ids only."""
from __future__ import annotations

import re
import shutil

import pytest

from conftest import FIXTURES, ROOT, build_and_serve, needs_chromium, serve_folder

pytestmark = needs_chromium

DOCS = ROOT / "content" / "embed-and-measure.md"
GUIDE = "https://guide.example.org"
CTA = "https://agency.example/book"
# Every key an event may carry: ids and counts, never a label or a reader's text.
ID_KEYS = {"type", "tree", "node", "answer", "next", "answers"}


@pytest.fixture(scope="module")
def guide(tmp_path_factory):
    """The mini guide in two editions, with a call to action."""
    project = tmp_path_factory.mktemp("embed") / "project"
    shutil.copytree(FIXTURES / "mini", project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "plugins:\n  - search\n  - decision-guide\n",
        "plugins:\n  - search\n  - decision-guide:\n      languages: [en, fr]\n")
    config.write_text(text + f"extra:\n  brand:\n    cta: {{text: Book a call, url: \"{CTA}\"}}\n", encoding="utf-8")
    yield from build_and_serve(project, project / "site")


def snippets() -> tuple[str, str]:
    """The English snippet and the French one (its iframe, then the same script), as the docs give them."""
    blocks = re.findall(r"```html\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    english, french_frame = blocks[0], blocks[1]
    return english, french_frame + english[english.index("<script>"):]


@pytest.fixture(scope="module")
def host(tmp_path_factory, guide):
    """A host page per edition on a second origin, made of the docs' snippets with the guide's address."""
    folder = tmp_path_factory.mktemp("host")
    for name, snippet in zip(("en.html", "fr.html"), snippets()):
        body = snippet.replace(GUIDE, guide)
        # What the host page saw: its own listener, as an agency's analytics would add one.
        spy = ("<script>window.seen = []; ['question', 'answer', 'outcome', 'cta'].forEach(function (n) {"
               " document.addEventListener('decision-guide:' + n, function (e) {"
               " window.seen.push(Object.assign({type: n}, e.detail)); }); });</script>")
        (folder / name).write_text(f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>'
                                   f"</head><body><h1>An agency's client</h1>{body}{spy}<p>After the guide.</p>"
                                   "</body></html>", encoding="utf-8")
    # The call to action's site, answered here: no request leaves the machine.
    (folder / "book.html").write_text("<!doctype html><title>Booked</title><p>Booking page</p>", encoding="utf-8")
    for url in serve_folder(folder):
        yield url.replace("127.0.0.1", "localhost")  # another origin than the guide's


@pytest.fixture
def host_page(page):
    page.set_viewport_size({"width": 800, "height": 600})
    page.route(CTA, lambda route: route.fulfill(status=200, content_type="text/html",
                                                body="<!doctype html><title>Booked</title><p>Booking page</p>"))
    return page


def errors(page) -> list[str]:
    """The page's errors but one of the theme's: in a frame of another origin whose storage the browser
    blocks (Chromium's private windows block third-party storage), mkdocs-material's inline palette
    script reads localStorage outside a try. The palette then stays the default; nothing else changes."""
    return [e for e in page.errors if "Failed to read the 'localStorage' property" not in e]


def frame_height(page) -> float:
    return page.evaluate("document.getElementById('decision-guide').getBoundingClientRect().height")


def content_bottom(page) -> float:
    """Where the guide's content ends inside the frame, its bottom margin included."""
    return page.frames[1].evaluate("""() => { const box = document.querySelector('.md-content__inner');
        return box.getBoundingClientRect().bottom + parseFloat(getComputedStyle(box).marginBottom); }""")


def settle(page, before=None):
    """Wait until the host has set the frame's height (a new one, if `before` is given)."""
    if before is not None:
        page.wait_for_function(f"() => Math.abs(document.getElementById('decision-guide')"
                               f".getBoundingClientRect().height - {before}) > 5")
    page.wait_for_timeout(200)
    return frame_height(page)


def assert_fits(page):
    height = frame_height(page)
    assert abs(height - content_bottom(page)) <= 3, (height, content_bottom(page))
    # No scroll bar in the frame: its document is no taller than the frame.
    assert page.frames[1].evaluate("document.documentElement.scrollHeight") <= height + 1


def test_the_frame_grows_to_a_result_and_shrinks_after_start_again(host_page, host, guide):
    page = host_page
    page.goto(f"{host}/en.html")
    frame = page.frame_locator("#decision-guide")
    frame.locator('[data-node="what"]:not([hidden])').wait_for()
    first = settle(page)
    assert_fits(page)
    frame.locator('[data-answer="products"]').click()
    frame.locator('[data-guide-tree="shop"] [data-node="buyers"]:not([hidden])').wait_for()
    frame.locator('[data-answer="yes"]').click()
    frame.locator('[data-answer="yes-i-do"]').click()
    grown = settle(page, first)
    assert grown > first + 200
    assert_fits(page)
    frame.locator("#n-sell .dg-why-verdict summary").click()  # a section opened: taller still
    opened = settle(page, grown)
    assert opened > grown
    assert_fits(page)
    frame.locator("[data-action=restart]").click()
    frame.locator('[data-guide-tree="start"] [data-node="what"]:not([hidden])').wait_for()
    shrunk = settle(page, opened)
    assert abs(shrunk - first) <= 3, (shrunk, first)
    assert_fits(page)
    assert errors(page) == []


def test_a_hand_over_stays_in_the_frame_and_the_call_to_action_leaves_it(host_page, host, guide):
    page = host_page
    page.goto(f"{host}/en.html")
    frame = page.frame_locator("#decision-guide")
    frame.locator('[data-answer="products"]').click()
    frame.locator('[data-guide-tree="shop"] [data-node="buyers"]:not([hidden])').wait_for()
    assert page.url == f"{host}/en.html"
    assert page.frames[1].url.startswith(f"{guide}/guide/embed/shop/")
    frame.locator('[data-answer="yes"]').click()
    frame.locator('[data-answer="yes-i-do"]').click()
    cta = frame.locator("#n-sell .dg-cta a")
    assert cta.get_attribute("target") == "_top"
    # The sources, on the guide's full site, open outside the frame too.
    sources = frame.locator("#n-sell a[href*='sources/']")
    assert sources.count() > 0
    assert {sources.nth(i).get_attribute("target") for i in range(sources.count())} == {"_top"}
    seen = page.evaluate("window.seen")
    with page.expect_navigation():
        cta.click()
    assert page.url == CTA  # the host's window went to the booking page, not the frame
    # The events the host page received through postMessage, in order, ids only.
    kinds = [event["type"] for event in seen]
    assert kinds == ["question", "answer", "question", "answer", "question", "answer", "outcome"]
    assert seen[1] == {"type": "answer", "tree": "start", "node": "what", "answer": "products", "next": "to-shop",
                       "answers": 1}
    assert seen[-1] == {"type": "outcome", "tree": "shop", "node": "sell", "answers": 3}
    assert all(set(event) <= ID_KEYS for event in seen)


def test_the_host_page_receives_the_call_to_action_event(host_page, host):
    page = host_page
    page.goto(f"{host}/en.html")
    frame = page.frame_locator("#decision-guide")
    frame.locator('[data-answer="products"]').click()
    frame.locator('[data-answer="yes"]').click()
    frame.locator('[data-answer="yes-i-do"]').click()
    # Kept on the page for this test: the click's event is what is measured.
    page.route(CTA, lambda route: route.abort())
    frame.locator("#n-sell .dg-cta a").evaluate("a => a.addEventListener('click', e => e.preventDefault())")
    frame.locator("#n-sell .dg-cta a").click()
    page.wait_for_function("() => window.seen.some(e => e.type === 'cta')")
    assert [e for e in page.evaluate("window.seen") if e["type"] == "cta"] == [
        {"type": "cta", "tree": "shop", "node": "sell"}]


def test_the_french_snippet_frames_the_french_edition(host_page, host, guide):
    page = host_page
    page.goto(f"{host}/fr.html")
    iframe = page.locator("#decision-guide")
    assert iframe.get_attribute("title") == "Votre entreprise doit-elle être sur les réseaux sociaux ?"
    assert iframe.get_attribute("src") == f"{guide}/fr/guide/embed/start/"
    frame = page.frame_locator("#decision-guide")
    assert frame.locator("html").get_attribute("lang") == "fr"
    frame.locator('[data-answer="products"]').click()
    frame.locator('[data-guide-tree="shop"] [data-node="buyers"]:not([hidden])').wait_for()
    assert page.frames[1].url.startswith(f"{guide}/fr/guide/embed/shop/")
    settle(page)
    assert_fits(page)
    assert [e["type"] for e in page.evaluate("window.seen")][:3] == ["question", "answer", "question"]


def test_links_new_opens_links_out_in_a_new_tab_and_hand_overs_keep_it(host_page, host, guide):
    page = host_page
    page.goto(f"{host}/en.html")
    # Until the frame has navigated, its old page (without ?links=new) would take the click.
    with page.expect_event("framenavigated", predicate=lambda f: "links=new" in f.url):
        page.evaluate(f"document.getElementById('decision-guide').src = '{guide}/guide/embed/start/?links=new'")
    frame = page.frame_locator("#decision-guide")
    frame.locator('[data-node="what"]:not([hidden])').wait_for()
    frame.locator('[data-answer="products"]').click()
    frame.locator('[data-guide-tree="shop"] [data-node="buyers"]:not([hidden])').wait_for()
    assert page.frames[1].url.startswith(f"{guide}/guide/embed/shop/?links=new")
    frame.locator('[data-answer="yes"]').click()
    frame.locator('[data-answer="yes-i-do"]').click()
    cta = frame.locator("#n-sell .dg-cta a")
    assert cta.get_attribute("target") == "_blank" and cta.get_attribute("rel") == "noopener"


def test_the_call_to_action_event_on_the_full_site(page, guide):
    page.goto(f"{guide}/guide/shop/")
    page.evaluate("() => { window.seen = []; document.addEventListener('decision-guide:cta', e => {"
                  " e.preventDefault(); window.seen.push(e.detail); });"
                  " document.addEventListener('click', e => e.preventDefault()); }")
    page.click('[data-answer="yes"]')
    page.click('[data-answer="yes-i-do"]')
    page.click("#n-sell .dg-cta a")
    assert page.evaluate("window.seen") == [{"tree": "shop", "node": "sell"}]
    # The full site is not framed: its call to action opens where the reader is.
    assert page.get_attribute("#n-sell .dg-cta a", "target") is None
    assert page.errors == []
