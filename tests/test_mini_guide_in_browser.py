"""The mini guide (tests/fixtures/mini), built in both page shapes and with either engine, in a real
browser: Debian's Chromium driven by Playwright. The real guide is in test_real_guide_in_browser.py."""
from __future__ import annotations

import re
import shutil

import pytest

from conftest import (FIXTURES, LAYOUT_SHIFT, build_and_serve, needs_chromium, serve_folder,
                      steps_in_noscript, visible_nodes)

pytestmark = needs_chromium


SHAPES = ["steps in the document", "steps in noscript"]


def mini_project(tmp_path_factory, shape: str):
    """The mini guide as small trees are built (every step in the document,
    hidden) or as large ones are (steps not shown in <noscript>, built by the
    script on first use)."""
    project = tmp_path_factory.mktemp("browser") / "project"
    shutil.copytree(FIXTURES / "mini", project)
    if shape == "steps in noscript":
        steps_in_noscript(project)
    return project


def assert_shape(site, shape: str) -> None:
    page = (site / "guide" / "shop" / "index.html").read_text(encoding="utf-8")
    assert ("<noscript data-steps>" in page) == (shape == "steps in noscript")


@pytest.fixture(scope="module", params=SHAPES)
def server(tmp_path_factory, request):
    """Every test here runs on both shapes of the mini guide."""
    project = mini_project(tmp_path_factory, request.param)
    yield from build_and_serve(project, project / "site")
    assert_shape(project / "site", request.param)


def test_click_from_start_to_an_outcome(page, server):
    page.goto(f"{server}/guide/shop/")
    assert visible_nodes(page) == ["buyers"]
    page.click('[data-node="buyers"] [data-answer="yes"]')
    assert visible_nodes(page) == ["time"]
    assert page.evaluate("document.activeElement.id") == "h-time"
    page.click('[data-node="time"] [data-answer="yes-i-do"]')
    assert visible_nodes(page) == ["sell"]
    assert page.is_visible('[data-node="sell"] [data-citation]')
    assert page.url.endswith("#a=buyers:yes,time:yes-i-do")
    assert page.errors == []


def test_reload_back_and_a_fresh_tab_keep_the_state(page, browser, server):
    page.goto(f"{server}/guide/shop/")
    page.click('[data-answer="yes"]')
    page.click('[data-answer="not-really"]')
    assert visible_nodes(page) == ["skip"]
    url = page.url
    page.reload()
    assert visible_nodes(page) == ["skip"]
    page.go_back()
    page.wait_for_function("() => document.querySelector('[data-node=time]:not([hidden])')")
    assert visible_nodes(page) == ["time"]
    other = browser.new_context().new_page()
    other.goto(url)
    assert visible_nodes(other) == ["skip"]
    other.context.close()
    assert page.errors == []


def test_browser_back_within_a_guide_page_does_not_reload_it(page, server):
    page.goto(f"{server}/guide/shop/")
    page.evaluate("document.querySelector('[data-guide-tree]').dataset.marked = 'yes'")
    page.click('[data-answer="yes"]')
    page.click('[data-answer="yes-i-do"]')
    assert_history_stays_in_the_page(page, [("back", "time"), ("forward", "sell")])


def assert_history_stays_in_the_page(page, moves) -> None:
    """Back/Forward show each step without fetching a page: the marked guide root is still there."""
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    for move, node in moves:
        page.go_back() if move == "back" else page.go_forward()
        page.wait_for_function(f"() => document.querySelector('[data-node={node}]:not([hidden])')")
    assert [u for u in requests if "/guide/" in u or "sitemap" in u] == []  # no page fetched again
    assert page.get_attribute("[data-guide-tree]", "data-marked") == "yes"  # the same document
    assert page.errors == []


def test_browser_back_after_arriving_from_the_home_page(page, server):
    """The home page carries no guard line: after instant navigations the
    theme knows the guide page's address and leaves a Back within it alone."""
    page.goto(f"{server}/")
    page.click('.md-content a:text-is("Start")')  # an instant navigation: the guide page's <head> is not run
    page.wait_for_selector('[data-guide-tree="start"]')
    page.click('[data-answer="products"]')
    page.wait_for_selector('[data-guide-tree="shop"]')
    page.evaluate("document.querySelector('[data-guide-tree]').dataset.marked = 'yes'")
    page.click('[data-answer="yes"]')
    assert_history_stays_in_the_page(page, [("back", "buyers")])


def test_back_restart_and_change(page, server):
    page.goto(f"{server}/guide/shop/")
    page.click('[data-answer="yes"]')
    page.click('[data-action="back"]')
    assert visible_nodes(page) == ["buyers"]
    page.click('[data-answer="yes"]')
    page.click('[data-answer="yes-i-do"]')
    # On a result, the answers given wait in a section the reader opens.
    page.click('[data-node="sell"] [data-result-answers] > summary')
    page.click('[data-node="sell"] [data-change="buyers"]')
    assert visible_nodes(page) == ["buyers"]
    page.click('[data-answer="no"]')
    assert visible_nodes(page) == ["skip"]
    page.click('[data-action="restart"]')
    assert visible_nodes(page) == ["buyers"]
    assert page.errors == []


def test_tampered_url_falls_back_with_a_notice(page, server):
    page.goto(f"{server}/guide/shop/#a=buyers:yes,nowhere:x")
    assert visible_nodes(page) == ["time"]
    assert page.is_visible("[data-notice]")
    page.goto(f"{server}/guide/shop/#a=%E0%A4%A")  # a malformed escape
    assert visible_nodes(page) == ["buyers"]
    assert page.errors == []


def test_router_hands_over_to_the_profile_tree(page, server):
    page.goto(f"{server}/guide/start/")
    page.click('[data-answer="products"]')
    page.wait_for_url("**/guide/shop/**")
    page.wait_for_selector('[data-guide-tree="shop"]')
    assert visible_nodes(page) == ["buyers"]
    # That was an instant navigation: the theme parsed the page without
    # scripting, so a <noscript> held elements, which the script took out.
    page.click('[data-answer="yes"]')
    assert visible_nodes(page) == ["time"]
    assert page.locator("noscript [data-node]").count() == 0
    assert page.errors == []


def reversed_step_attributes(route):
    html = route.fetch().text()
    route.fulfill(content_type="text/html", body=re.sub(r"<section ([^>]*)>", lambda m: "<section " + " ".join(
        reversed(re.findall(r'[\w-]+="[^"]*"', m[1]))) + ">", html))


def test_steps_are_found_by_data_node_whatever_the_order_of_attributes(page, server):
    """guide.js finds a step, in the page or in the text of <noscript>, by its
    data-node and reads its kind from data-kind on the same tag: the template
    may order a step's attributes as it likes."""
    page.route("**/guide/*/", reversed_step_attributes)
    page.goto(f"{server}/guide/start/")
    assert 'data-kind="link" data-node="to-shop" id="n-to-shop"' in page.content()
    # A hand-over is a link step: read as one, the answer leaves for its page.
    page.click('[data-answer="products"]')
    page.wait_for_selector('[data-guide-tree="shop"]')
    page.click('[data-answer="yes"]')
    page.click('[data-answer="yes-i-do"]')
    assert visible_nodes(page) == ["sell"]
    assert page.text_content("[data-progress]").startswith("Your result")
    assert page.errors == []


SHOWN = "els => els.filter(e => e.checkVisibility()).map(e => e.dataset.node)"


def test_before_the_script_runs_the_start_step_alone_is_painted(page, server):
    """Until guide.js has picked the current step, the stylesheet shows the
    start step and its progress line, or nothing when the address names a
    state (the script would replace the start step: the page would jump)."""
    page.route("**/decision-guide/guide.*.js", lambda route: route.abort())
    page.goto(f"{server}/guide/shop/")
    assert page.eval_on_selector_all("[data-node]", SHOWN) == ["buyers"]
    assert page.text_content("[data-progress]").startswith("Question 1")
    page.goto(f"{server}/guide/shop/#a=buyers:yes")
    page.reload()  # a fresh load with that address, as a shared link is opened
    assert page.eval_on_selector_all("[data-node]", SHOWN) == []


@pytest.mark.parametrize("address", ["", "#a=buyers:yes,time:yes-i-do"])
def test_the_page_does_not_jump_while_it_loads(page, server, address):
    page.add_init_script(LAYOUT_SHIFT)
    page.goto(f"{server}/guide/shop/{address}")
    page.wait_for_selector(".dg.dg-ready", state="attached")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__shift") < 0.01


def test_without_javascript_every_node_is_readable(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/guide/shop/")
    assert len(page.eval_on_selector_all("[data-node]", "els => els.filter(e => !e.hidden)")) == 4
    assert page.get_attribute('[data-answer="yes"]', "href") == "#n-time"
    page.click("[data-map-link]")  # the map's page reads whole without scripting too
    assert page.is_visible(".dg-map-svg") and page.locator(".dg-map-tree li").count() > 4
    context.close()


def test_no_request_leaves_the_site(page, server):
    hosts = set()
    page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
    page.goto(f"{server}/guide/shop/")
    page.click('[data-answer="yes"]')
    assert hosts == {server.split("/")[2]}


def test_events_report_ids_for_an_agencys_analytics(page, server):
    page.goto(f"{server}/guide/shop/")
    page.evaluate("""() => { window.seen = [];
        for (const name of ['question', 'answer', 'outcome'])
          document.addEventListener('decision-guide:' + name, e => window.seen.push([name, e.detail])); }""")
    page.click('[data-answer="yes"]')
    page.click('[data-answer="yes-i-do"]')
    seen = page.evaluate("window.seen")
    assert seen == [
        ["answer", {"tree": "shop", "node": "buyers", "answer": "yes", "next": "time", "answers": 1}],
        ["question", {"tree": "shop", "node": "time", "answers": 1}],
        ["answer", {"tree": "shop", "node": "time", "answer": "yes-i-do", "next": "sell", "answers": 2}],
        ["outcome", {"tree": "shop", "node": "sell", "answers": 2}],
    ]


def test_embed_page_shows_the_guide_alone_and_reports_its_height(browser, server):
    context = browser.new_context()
    page = context.new_page()
    page.set_content(f'<iframe src="{server}/guide/embed/shop/" width="600" height="400"></iframe>')
    page.evaluate("() => { window.heights = []; addEventListener('message', e => window.heights.push(e.data)); }")
    frame = page.frame_locator("iframe")
    frame.locator('[data-answer="yes"]').click()
    assert frame.locator(".md-header").is_hidden()
    assert frame.locator('[data-node="time"]').is_visible()
    # The frame also forwards the guide's events (tests/test_embed.py): the sizes are among them.
    page.wait_for_function("() => window.heights.some(m => m.type === 'decision-guide:resize')")
    message = page.evaluate("window.heights.find(m => m.type === 'decision-guide:resize')")
    assert message["height"] > 100
    context.close()


@pytest.fixture(scope="module", params=SHAPES)
def zensical_server(tmp_path_factory, request):
    import subprocess
    import sys

    project = mini_project(tmp_path_factory, request.param)
    result = subprocess.run([sys.executable, "-m", "generator.cli", "build", "--engine", "zensical"], cwd=project,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert_shape(project / "site", request.param)
    yield from serve_folder(project / "site")


def test_zensical_site_clicks_through_to_an_outcome(page, zensical_server):
    page.goto(f"{zensical_server}/guide/shop/")
    assert visible_nodes(page) == ["buyers"]
    page.click('[data-answer="yes"]')
    page.click('[data-answer="yes-i-do"]')
    assert visible_nodes(page) == ["sell"]
    page.reload()
    assert visible_nodes(page) == ["sell"]
    assert page.errors == []
