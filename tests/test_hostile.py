"""Hostile content and hostile URLs: neither reaches a reader's browser."""
from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, ROOT, needs_chromium, serve_folder, steps_in_noscript, visible_nodes
from test_build import guide

PAYLOADS = [line for line in (Path(__file__).parent / "hostile" / "xss-payloads.txt").read_text(
    encoding="utf-8").splitlines() if line and not line.startswith("#")]
SAFE_SCHEMES = ("http:", "https:", "mailto:")
URL_ATTRIBUTES = {"href", "src", "xlink:href", "action", "formaction", "data", "srcdoc", "background", "poster"}


def test_the_corpus_is_large_enough():
    assert len(PAYLOADS) >= 50


def hostile_tree() -> str:
    """One question per payload, with the payload in every text field."""
    cite = {"source": "plain-talk", "quote": "Selling on social media works when your buyers are already there."}
    nodes = {}
    for i, payload in enumerate(PAYLOADS):
        last = i == len(PAYLOADS) - 1
        nodes[f"q{i}"] = {"question": payload, "reasoning": payload, "citations": [dict(cite)], "answers": [
            {"label": payload, "id": "a", "next": "end" if last else f"q{i + 1}", "reasoning": payload},
            {"label": payload + " (2)", "id": "b", "next": f"o{i}", "reasoning": payload}]}
        nodes[f"o{i}"] = {"short_verdict": "Maybe", "verdict": payload, "text": payload, "reasoning": payload, "citations": [
            {"source": "parler-franc", "quote": "Pour la plupart des entreprises, Twitter est ridiculement "
             "inefficace à cette fin.", "translation": payload}], "next_steps": [payload], "measure": [payload]}
    nodes["end"] = {"short_verdict": "End", "verdict": "End", "reasoning": "End.", "citations": [dict(cite)]}
    tree = {"id": "shop", "title": PAYLOADS[0], "profile": "product-shop", "summary": PAYLOADS[2], "start": "q0",
            "nodes": nodes}
    return yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=1000)


@pytest.fixture(scope="module", params=["steps in the document", "steps in noscript"])
def hostile_site(tmp_path_factory, request):
    """Built twice: as a small tree (every step an element) and as a large one,
    whose steps sit in <noscript>, read as raw text up to `</noscript`."""
    project = tmp_path_factory.mktemp("hostile") / "project"
    shutil.copytree(FIXTURES / "mini", project)
    (project / "rules" / "shop.yml").write_text(hostile_tree(), encoding="utf-8")
    if request.param == "steps in noscript":
        steps_in_noscript(project)
    result = guide("build", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


class _Audit(HTMLParser):
    """Attributes of every element inside our markup (the .dg block)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if self.depth or re.search(r"\bdg\b", classes):
            self.depth += 1
            self.found += [(tag, name, value or "") for name, value in attrs]
            if tag == "script":
                self.found.append((tag, "<script>", ""))

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1


def test_built_pages_hold_no_handler_and_no_unsafe_url(hostile_site):
    audit = _Audit()
    audit.feed((hostile_site / "guide" / "shop" / "index.html").read_text(encoding="utf-8"))
    assert len(audit.found) > 1000
    assert [a for a in audit.found if a[0] in ("script", "iframe", "object", "embed", "base", "meta", "form")] == []
    assert [a for a in audit.found if a[1].lower().startswith("on")] == []
    for tag, name, value in audit.found:
        if name.lower() in URL_ATTRIBUTES:
            scheme = re.match(r"\s*([a-zA-Z][a-zA-Z0-9+.-]*):", value)
            assert scheme is None or value.strip().lower().startswith(SAFE_SCHEMES), (tag, name, value)
            assert not value.strip().startswith("//"), (tag, name, value)
    page = (hostile_site / "guide" / "shop" / "index.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in page and ">49<" not in page  # shown as written, never evaluated
    # As a browser with scripting on reads it: each <noscript> ends at its own end tag only.
    for opened in re.finditer(r"<noscript[^>]*>", page):
        end = page.lower().index("</noscript", opened.end())
        assert re.match(r"</noscript>\s*(</details>|<div class=\"dg-controls\")", page[end:]), page[end - 200:end + 60]


@pytest.fixture(scope="module")
def hostile_server(hostile_site):
    yield from serve_folder(hostile_site)


@needs_chromium
def test_no_payload_runs_in_the_browser(page, hostile_server):
    base = hostile_server
    page.add_init_script("""window.__calls = [];
        for (const f of ['alert', 'confirm', 'prompt']) window[f] = (...a) => window.__calls.push(f);""")
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{base}/guide/shop/")
    for i in range(len(PAYLOADS) - 1):
        page.click(f'[data-node="q{i}"] [data-answer="a"]')
    page.click(f'[data-node="q{len(PAYLOADS) - 1}"] [data-answer="b"]')
    for details in page.locator("details").all():
        details.evaluate("d => d.open = true")
    assert page.evaluate("[window.__xss, window.__calls.length]") == [None, 0]
    assert dialogs == []


HOSTILE_HASHES = [
    "%", "%%", "%E0%A4%A", "%ZZ", "a=%", "a=goal:%", "a=%E0%A4%A", "a=<img src=x onerror=window.__xss=1>",
    "a=%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D1%3E", "javascript:window.__xss=1", "a=javascript:alert(1)",
    "n-<svg onload=window.__xss=1>", "n-__proto__", "n-constructor", "a=__proto__:x", "a=constructor:toString",
    "a=goal:sell,goal:sell", "a=buyers-there:yes-there", "a=goal:sell,buyers-there:yes-there,goal:sell",
    "a=goal:", "a=:sell", "a=,,,", "a=goal:sell,,buyers-there:yes-there", "a=" + "goal:sell," * 500,
    "a=" + "x" * 10_000, "x" * 10_000, "a=goal:" + "%" * 3000, "a=goal:sell\u0000", "a=goal:s\u202eell",
    "\"><script>window.__xss=1</script>", "a=goal:sell#a=goal:support", "a=GOAL:SELL", "a=goal:sell%2Cbuyers",
]


def generated_hashes(count: int) -> list[str]:
    """Crafted hashes: the list above, then valid ids in impossible orders and random junk."""
    import random

    rng = random.Random(7)
    ids = ["goal", "buyers-there", "engagement-to-sales", "time-and-enjoyment", "which-platform", "sell",
           "yes-there", "yes-buy", "enjoy-it", "visual", "support", "faq-first", "__proto__", "hasOwnProperty"]
    junk = ["<", ">", "\"", "'", "%", "&", "#", ":", ",", "=", "\\", "/", "javascript:", "<img src=x>", "%3C", "\u2028"]
    out = list(HOSTILE_HASHES)
    while len(out) < count:
        n = rng.randint(1, 8)
        pairs = [f"{rng.choice(ids)}:{rng.choice(ids)}" for _ in range(n)]
        if rng.random() < 0.5:
            pairs.insert(rng.randrange(n + 1), "".join(rng.choice(junk) for _ in range(rng.randint(1, 6))))
        out.append("a=" + ",".join(pairs))
    return out


@needs_chromium
def test_a_thousand_crafted_urls_never_throw_nor_inject(browser, real_site):
    base = real_site
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/guide/product-shop/")
    before = page.evaluate("document.querySelectorAll('*').length")
    hashes = generated_hashes(1000)
    for i, fragment in enumerate(hashes):
        page.evaluate("h => { location.hash = h }", fragment)
        if i % 100 == 0:  # some as fresh page loads too
            page.goto(f"{base}/guide/product-shop/#{fragment}")
        assert len(visible_nodes(page)) == 1, fragment
    assert errors == []
    assert page.evaluate("window.__xss") is None
    # Back at the start, the page has the elements it had: the trail is rebuilt
    # from the page's own labels, and nothing from the URL became an element.
    page.evaluate("location.hash = ''")
    assert visible_nodes(page) == ["already-posting"]
    assert page.evaluate("document.querySelectorAll('*').length") == before
    assert "__xss" not in page.evaluate("document.documentElement.outerHTML")  # no URL text in the DOM
    context.close()


def test_our_script_parses_no_string_as_html_but_its_own_markup():
    script = (ROOT / "generator" / "render" / "assets" / "guide.js").read_text(encoding="utf-8")
    map_script = (ROOT / "generator" / "render" / "assets" / "map.js").read_text(encoding="utf-8")
    for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "eval(", "new Function", "document.write",
                      "createContextualFragment"):
        assert forbidden not in script, forbidden
        assert forbidden not in map_script, forbidden
    # The one parser: steps read back from the page's own <noscript>
    # elements (the build's markup), never from the URL or storage.
    assert script.count("new DOMParser(") == 1 and "DOMParser" not in map_script
    calls = re.findall(r"(?<!function )\bbuild\(([^;]*)\)", script)
    assert calls == ["this.text.slice(node.from, node.to), \"[data-node]\""], calls
    assert re.findall(r"this\.text = ([^;]*);", script) == ['box && !box.firstElementChild ? box.textContent : ""']
    assert 'box = root.querySelector("noscript[data-steps]")' in script
    # The map page reads answers from its address: never into a selector.
    assert "querySelector(" not in re.sub(r'querySelector(All)?\("[^"+]*"\)', "", map_script)
