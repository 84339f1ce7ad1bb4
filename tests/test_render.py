"""Rendering pieces: safe HTML from authors' Markdown, URLs between pages."""
from __future__ import annotations

import re

import pytest

from conftest import VALID_TREE, write_project
from generator.pipeline import compile_guide
from generator.render.pages import asset_path
from generator.render.text import markdown_block, markdown_inline, plain
from generator.urls import Urls

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](//evil.example/x)",
    '<a href="javascript:alert(1)">x</a>',
    '<svg onload="alert(1)">',
    "<iframe src=https://evil.example></iframe>",
    "{{ 7*7 }} {% for x in range(3) %}{% endfor %}",
]


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_markdown_is_neutralised(payload):
    for html in (str(markdown_block(payload)), str(markdown_inline(payload))):
        assert "<script" not in html and "<iframe" not in html and "<svg" not in html
        assert not re.search(r"\son\w+\s*=", html)
        assert not re.search(r'href="(?!https?:|mailto:|#|\.|[a-z0-9-]+/)', html), html


def test_plain_markdown_still_renders():
    assert str(markdown_inline("an *hour* a day")) == "an <em>hour</em> a day"
    assert str(markdown_block("[site](https://example.org)")) == (
        '<p><a href="https://example.org" rel="noopener">site</a></p>')
    assert plain("an *hour* & a day") == "an hour & a day"


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_text_in_every_field_stays_out_of_the_page(tmp_path, payload):
    escaped = payload.replace("\\", "\\\\").replace('"', '\\"')
    tree = (VALID_TREE.replace("question: Are your buyers there?", f'question: "{escaped}"')
            .replace('label: "Yes"', f'label: "{escaped}"\n        id: "y"')
            .replace("verdict: Go", f'verdict: "{escaped}"')
            .replace("reasoning: Because.", f'reasoning: "{escaped}"'))
    compiled = compile_guide(write_project(tmp_path, {"shop.yml": tree}))
    page = compiled.pages["guide/shop.md"]
    assert "<script" not in page and "<iframe" not in page
    assert "<svg" not in page  # the map has a page of its own
    map_page = compiled.pages["guide/shop/map.md"]
    assert "<script" not in map_page.replace(f'<script src="../../../{asset_path("map.js")}"></script>', "")
    assert map_page.count("<svg") == 1 and not re.search(r"\son\w+\s*=", map_page)
    assert not re.search(r"\son\w+\s*=", page)
    assert not re.search(r'href="\s*(javascript|vbscript|data):', page, re.I)
    if "{{" in payload:
        assert "{{ 7*7 }}" in page  # shown as written: no template evaluated it


@pytest.mark.parametrize("directory_urls, source, target, fragment, expected", [
    (True, "guide/shop.md", "guide/sources/a.md", "q-1", "../sources/a/#q-1"),
    (True, "guide/shop.md", "guide/b2b.md", "", "../b2b/"),
    (True, "guide/sources/a.md", "guide/shop.md", "n-x", "../../shop/#n-x"),
    (False, "guide/shop.md", "guide/sources/a.md", "q-1", "sources/a.html#q-1"),
    (False, "guide/shop.md", "guide/b2b.md", "", "b2b.html"),
])
def test_relative_urls(directory_urls, source, target, fragment, expected):
    assert Urls("guide", directory_urls).relative(source, target, fragment) == expected


def test_markup_in_noscript_cannot_end_it_early():
    """A browser with scripting on reads <noscript> as raw text up to the first
    `</noscript`, even one inside an attribute value."""
    from generator.render.pages import in_noscript

    html = '<a href="https://example.com/" title="</NoScript ><img src=x onerror=alert(1)>">x</a></noscript>'
    safe = str(in_noscript(html))
    assert "</noscript" not in safe.lower()
    assert safe.replace("&lt;", "<") == html  # the same to a parser: only the `<` is written as a reference


def test_the_history_guard_goes_on_guide_pages_only_and_is_allowed_by_the_policy():
    import base64
    import hashlib

    from generator.render.csp import add_csp
    from generator.render.history import GUARD, add_history_guard

    prose = "<html><head><title>x</title></head><body><p>text</p></body></html>"
    assert add_history_guard(prose) == prose
    guide = prose.replace("<p>text</p>", '<div class="dg" data-guide-tree="shop"></div>')
    guarded = add_history_guard(add_history_guard(guide))
    assert guarded.count(GUARD) == 1 and guarded.index(GUARD) < guarded.index("<title>")
    body = GUARD.removeprefix("<script>").removesuffix("</script>")
    digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
    page = add_csp(guarded)
    assert f"'sha256-{digest}'" in page and page.index("Content-Security-Policy") < page.index(GUARD)
