"""The tree map: an inline SVG of every node and answer, laid out at build time."""
from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from conftest import CITE, ROOT, VALID_TREE, write_project
from generator.config import GuideConfig
from generator.diagnostics import has_errors
from generator.model import HandOver, Question
from generator.pipeline import check_guide
from generator.render.pages import asset_path
from generator.render.text import plain
from generator.render.treemap import render_map

SVG = "{http://www.w3.org/2000/svg}"
HREF = "{http://www.w3.org/1999/xlink}href"  # not href: Material's instant navigation rewrites [href]
REAL_TREES = ["b2b", "high-priced-service", "one-time-purchase", "product-shop", "start"]

TINY_TREE = f"""\
id: tiny
title: A *tiny* tree & co
profile: router
start: q
nodes:
  q:
    question: Are your **buyers** there & <ready>?
    reasoning: Because.
    citations: {CITE}
    answers:
      - label: "Yes"
        next: good
        reasoning: Yes.
      - label: "No"
        next: q2
        reasoning: No.
      - label: "<script>alert(1)</script> & a \\"label\\" far too long to fit on the two lines of an edge"
        id: long
        next: good
        reasoning: Long.
  q2:
    question: >-
      A second question, long enough to wrap onto several lines of the box
      and then be cut short with an ellipsis because it keeps going on and on
    reasoning: Because.
    citations: {CITE}
    answers:
      - label: Good
        next: good
        reasoning: Good.
      - label: Elsewhere
        next: away
        reasoning: Away.
      - label: Bad
        next: bad
        reasoning: Bad.
  good:
    verdict: Go
    short_verdict: "Yes"
    reasoning: Because.
    citations: {CITE}
  bad:
    verdict: Stay
    short_verdict: Not now
    reasoning: Because.
    citations: {CITE}
  away:
    tree: shop
"""


def hand_over_href(node: HandOver) -> str:
    return f"../{node.tree.value}/?from=map&x=<1>"


@pytest.fixture(scope="module")
def real_guide():
    guide, diagnostics = check_guide(GuideConfig(root=ROOT))
    assert not has_errors(diagnostics)
    return guide


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    config = write_project(tmp_path_factory.mktemp("tiny"), {"tiny.yml": TINY_TREE, "shop.yml": VALID_TREE})
    guide, diagnostics = check_guide(config)
    assert not has_errors(diagnostics), diagnostics
    return guide


def numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", text)]


def check_map(guide, tree_id: str) -> ET.Element:
    """Every property the map promises, for one tree; returns the parsed SVG."""
    tree = guide.tree(tree_id)
    svg = str(render_map(tree, guide, hand_over_href))
    assert "data-node" not in svg
    assert all(line.strip() for line in svg.split("\n")), "a blank line would end the raw HTML block"
    root = ET.fromstring(svg)  # well-formed XML, so every text was escaped
    assert root.tag == f"{SVG}svg" and root.get("width") == "100%"
    assert root[0].tag == f"{SVG}title" and root[0].text == f"Map of {plain(tree.title.value)}"
    x0, y0, width, height = numbers(root.get("viewBox"))
    assert (x0, y0) == (0, 0) and width > 0 and height > 0

    # One link per node, with an accessible name, around its box.
    boxes = {}
    for a in root.iter(f"{SVG}a"):
        assert a.find(f"{SVG}title").text.strip()
        rect = a.find(f"{SVG}rect")
        x, y, w, h = (float(rect.get(k)) for k in ("x", "y", "width", "height"))
        assert 0 <= x and x + w <= width and 0 <= y and y + h <= height
        boxes[a.get(HREF)] = (x, y, w, h)
    hrefs = {node.id: hand_over_href(node) if isinstance(node, HandOver) else f"#n-{node.id}" for node in tree.nodes}
    assert sorted(boxes) == sorted(set(hrefs.values()))

    # Boxes never overlap.
    rects = list(boxes.values())
    for i, (x, y, w, h) in enumerate(rects):
        for x2, y2, w2, h2 in rects[i + 1:]:
            assert x + w <= x2 or x2 + w2 <= x or y + h <= y2 or y2 + h2 <= y, "boxes overlap"

    # Every answer label, whole (wrapped, never cut short), with its full text as a tooltip.
    answers = [a for node in tree.nodes if isinstance(node, Question) for a in node.answers]
    shown = {}
    for g in root.iter(f"{SVG}g"):
        if g.get("class") == "dg-map-answer":
            visible = " ".join(t.text for t in g.iter(f"{SVG}tspan"))
            shown.setdefault(g.find(f"{SVG}title").text, []).append(visible)
    assert sorted(shown) == sorted({plain(a.label.value) for a in answers})
    for full, visibles in shown.items():
        assert len(visibles) == sum(plain(a.label.value) == full for a in answers)
        for visible in visibles:
            assert visible.replace(" ", "") == full.replace(" ", ""), (visible, full)
    assert "…" not in "".join(root.itertext()) or any("…" in plain(n.text.value) for n in tree.nodes
                                                        if isinstance(n, Question))

    # Each answer is an edge from its question's box down to its target's box.
    edges = []
    for path in root.iter(f"{SVG}path"):
        if path.get("class") == "dg-map-edge":
            points = list(zip(*[iter(numbers(path.get("d")))] * 2))
            ys = [y for _, y in points]
            assert ys == sorted(ys), "an edge goes up"
            edges.append((points[0], points[-1]))
    assert len(edges) == len(answers)
    for node in tree.nodes:
        children = [child.value for child in node.children()]
        if not children:
            continue
        qx, qy, qw, qh = boxes[hrefs[node.id]]
        for target in set(children):
            cx, cy, cw, ch = boxes[hrefs[target]]
            assert qy + qh < cy, "a child is not on a lower layer"
            found = [(s, e) for s, e in edges if abs(s[1] - (qy + qh)) < .2 and qx <= s[0] <= qx + qw
                     and cy - 10 < e[1] <= cy and cx <= e[0] <= cx + cw]
            assert len(found) == children.count(target), (node.id, target)
    return root


@pytest.mark.parametrize("tree_id", REAL_TREES)
def test_real_tree_maps(real_guide, tree_id):
    check_map(real_guide, tree_id)


def test_tiny_tree_map(tiny):
    root = check_map(tiny, "tiny")
    svg = str(render_map(tiny.tree("tiny"), tiny, hand_over_href))
    assert "<script" not in svg and "<ready>" not in svg
    assert ' xlink:href="../shop/?from=map&amp;x=&lt;1&gt;"' in svg and " href=" not in svg
    assert root[0].text == "Map of A tiny tree & co"
    kinds = {a.get(HREF): a.get("class").split() for a in root.iter(f"{SVG}a")}
    assert kinds["#n-q"] == ["dg-map-node", "dg-map-question", "dg-map-start"]
    assert kinds["#n-good"] == ["dg-map-node", "dg-map-outcome"]
    assert kinds[hand_over_href(tiny.tree("tiny").node("away"))] == ["dg-map-node", "dg-map-link"]
    texts = {a.get(HREF): " ".join(t.text for t in a.iter(f"{SVG}tspan")) for a in root.iter(f"{SVG}a")}
    assert texts["#n-q"] == plain("Are your **buyers** there & <ready>?") == "Are your buyers there & ?"
    # Long text wraps onto as many lines as it needs, never cut short.
    assert texts["#n-q2"] == ("A second question, long enough to wrap onto several lines of the box and then be cut "
                              "short with an ellipsis because it keeps going on and on")
    assert "…" not in svg
    lines = [t.text for a in root.iter(f"{SVG}a") if a.get(HREF) == "#n-q2" for t in a.iter(f"{SVG}tspan")]
    assert len(lines) > 4
    assert texts[hand_over_href(tiny.tree("tiny").node("away"))] == "→ Shop"


def test_map_is_deterministic(real_guide):
    first = render_map(real_guide.tree("b2b"), real_guide, hand_over_href)
    assert render_map(real_guide.tree("b2b"), real_guide, hand_over_href) == first
    again, _ = check_guide(GuideConfig(root=ROOT))
    assert render_map(again.tree("b2b"), again, hand_over_href) == first


def test_map_does_not_depend_on_hash_seed():
    script = ("import hashlib; from pathlib import Path; from generator.config import GuideConfig;"
              "from generator.pipeline import check_guide; from generator.render.treemap import render_map;"
              "g, _ = check_guide(GuideConfig(root=Path('.')));"
              "print(hashlib.sha256(''.join(render_map(t, g, lambda n: n.tree.value) for t in g.trees)"
              ".encode()).hexdigest())")
    digests = {subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(digests) == 1
    assert len(hashlib.sha256().hexdigest()) + 1 == len(digests.pop())


def test_crossings_are_counted_as_inversions():
    import random

    from generator.render.treemap import _inversions

    rng = random.Random(3)
    for _ in range(200):
        values = [rng.randint(0, 6) for _ in range(rng.randint(0, 30))]
        brute = sum(values[i] > values[j] for i in range(len(values)) for j in range(i + 1, len(values)))
        assert _inversions(list(values)) == brute


def test_a_word_wider_than_a_box_is_split_not_cut():
    from generator.render.treemap import _pieces, _wrap, _width

    word = "https://example.org/a-very-long-address-that-no-box-can-hold-on-one-line"
    lines = _wrap(f"See {word} now", 120, 13)
    assert "".join(lines).replace(" ", "") == f"See{word}now" and all(_width(line, 13) <= 120 for line in lines)
    assert "".join(_pieces(word, 50, 13)) == word


def test_steps_and_answers_carry_what_map_js_needs(tiny):
    root = ET.fromstring(str(render_map(tiny.tree("tiny"), tiny, hand_over_href)))
    nodes = {a.get("data-map-node") for a in root.iter(f"{SVG}a")}
    assert nodes == {"q", "q2", "good", "bad", "away"}
    steps = {(e.get("data-from"), e.get("data-answer"), e.get("data-to")) for e in root.iter(f"{SVG}path")
             if e.get("class") == "dg-map-edge"}
    assert ("q", "yes", "good") in steps and ("q", "long", "good") in steps and ("q2", "elsewhere", "away") in steps
    labels = {(g.get("data-from"), g.get("data-answer")) for g in root.iter(f"{SVG}g")
              if g.get("class") == "dg-map-answer"}
    assert labels == {(f, a) for f, a, _ in steps}


# --- the map's own page ------------------------------------------------------

@pytest.fixture(scope="module")
def tiny_pages(tmp_path_factory):
    from generator.pipeline import compile_guide

    config = write_project(tmp_path_factory.mktemp("tiny-pages"), {"tiny.yml": TINY_TREE, "shop.yml": VALID_TREE})
    return compile_guide(config)


def front_matter(page: str) -> dict:
    import yaml

    return yaml.safe_load(page.split("\n---\n", 1)[0].removeprefix("---\n"))


def test_each_tree_has_a_map_page_linked_from_its_page(tiny_pages):
    page = tiny_pages.pages["guide/tiny/map.md"]
    assert front_matter(page)["title"] == "How the guide decides: A tiny tree & co"
    assert "search:\n  exclude: true" in page
    assert '<p class="dg-map"><a href="map/" data-map-link>How the guide decides</a></p>' in tiny_pages.pages[
        "guide/tiny.md"]
    # The map is on its own page now: the tree's page no longer carries it.
    assert "<svg" not in tiny_pages.pages["guide/tiny.md"] and "<details class=\"dg-map\"" not in tiny_pages.pages[
        "guide/tiny.md"]
    # Its script is its own file, loaded by map pages alone.
    assert page.rstrip().endswith(f'<script src="../../../{asset_path("map.js")}"></script>')
    assert "map.js" not in tiny_pages.pages["guide/tiny.md"]
    assert asset_path("map.js") in tiny_pages.files
    # Boxes lead to the step on the tree's page; hand-overs to the other tree's.
    assert 'xlink:href="../#n-good"' in page and 'xlink:href="../../shop/"' in page
    assert 'data-map-back>Back to the guide</a>' in page


def test_embed_pages_have_no_map(tiny_pages):
    embed = tiny_pages.pages["guide/embed/tiny.md"]
    assert "data-map-link" not in embed and "<svg" not in embed
    assert "guide/embed/tiny/map.md" not in tiny_pages.pages


def test_the_map_page_lists_the_tree_once_per_step(tiny_pages):
    page = tiny_pages.pages["guide/tiny/map.md"]
    items = page[page.index('<ul class="dg-map-tree">'):page.index("</section>")]
    # Each step listed once, with its own anchor; a step reached again is a link back to it.
    assert sorted(re.findall(r'<li id="m-([^"]+)"', items)) == ["away", "bad", "good", "q", "q2"]
    assert items.count('href="#m-good"') == 2  # "Good" under q2 and the long answer, after "Yes"
    assert '<a href="../#n-q">Question: Are your buyers there &amp; ?</a>' in items
    assert "If you answer “&amp; a &#34;label&#34; far too long" in items and "<script>" not in items
    assert '<a href="../../shop/">Continue with the guide “Shop”</a>' in items
    assert items.count("<ul") == items.count("</ul>") and items.count("<li") == items.count("</li>")
    ET.fromstring(items.replace("&nbsp;", " "))  # well nested


def test_map_page_in_french(tmp_path):
    import dataclasses

    from generator.pipeline import compile_guide

    config = write_project(tmp_path, {"shop.yml": VALID_TREE})
    compiled = compile_guide(dataclasses.replace(config, edition="fr", editions=("en", "fr")))
    assert front_matter(compiled.pages["guide/shop/map.md"])["title"] == "Comment le guide décide : Shop"
    assert ">Comment le guide décide</a></p>" in compiled.pages["guide/shop.md"]
