"""Social previews: a shared link to a client's guide shows the client's guide
(title, description, picture, language), in each edition, with either engine."""
from __future__ import annotations

import html
import re

import pytest

from conftest import needs_chromium, serve_folder
from generator.render.social import add_social, image_url, og_locale
from test_brand import rebranded
from test_build import guide

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082")


def fork(tmp_path, image: bool = True):
    """The mini guide rebranded (logo, colours, call to action), with a French edition."""
    project = rebranded(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "  - decision-guide\n", "  - decision-guide:\n      languages: [en, fr]\n")
    if image:
        text = text.replace("    favicon: assets/agency-logo.svg\n",
                            "    favicon: assets/agency-logo.svg\n    image: assets/preview card.png\n")
        (project / "content" / "assets" / "preview card.png").write_bytes(PNG)
    config.write_text(text, encoding="utf-8")
    return project


PREVIEW = """() => Object.fromEntries([...document.querySelectorAll(
    'head meta[property^="og:"], head meta[name^="twitter:"]')].filter(m => m.getAttribute('property')
    !== 'og:locale:alternate').map(m => [m.getAttribute('property') || m.getAttribute('name'), m.content]))"""


@needs_chromium
@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_every_page_of_both_editions_has_a_preview_of_the_client(tmp_path, page, engine):
    project = fork(tmp_path)
    result = guide("build", "--engine", engine, cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    # Every page, not only the ones looked at below (the 404 page is no
    # address anyone shares).
    for built in site.rglob("*.html"):
        text = built.read_text(encoding="utf-8")
        if "<head" in text and built.name != "404.html":
            assert text.count('property="og:title"') == 1 and 'name="twitter:card"' in text, built
    for base in serve_folder(site):
        for edition, locale, other in (("", "en_GB", "fr_FR"), ("/fr", "fr_FR", "en_GB")):
            page.goto(f"{base}{edition}/guide/shop/#a=buyers:yes")  # a result: the preview names its tree
            tags = page.evaluate(PREVIEW)
            title = page.text_content("h1").strip()  # the tree's title
            assert tags["og:title"] == title and title and "Acme" not in title
            assert tags["og:site_name"] == "Acme's social media check"
            assert tags["og:locale"] == locale and tags["twitter:card"] == "summary"
            assert tags["og:url"] == f"http://127.0.0.1{edition}/guide/shop/"
            assert tags["og:image"] == f"http://127.0.0.1{edition}/assets/preview%20card.png"
            assert tags["twitter:image"] == tags["og:image"] and tags["twitter:title"] == title
            assert tags["og:description"] == page.get_attribute('head meta[name="description"]', "content")
            alternates = page.eval_on_selector_all('meta[property="og:locale:alternate"]', "ms => ms.map(m => m.content)")
            assert alternates == [other]
            # The picture is there to fetch, at that address on this site.
            assert page.request.get(tags["og:image"].replace("http://127.0.0.1", base)).ok
            page.goto(f"{base}{edition}/guide/sources/plain-talk/")  # a source page: its article
            assert page.evaluate(PREVIEW)["og:title"] == "Plain talk about selling"
    assert page.errors == []


def test_the_logo_is_the_picture_when_no_image_is_set(tmp_path):
    project = fork(tmp_path, image=False)
    assert guide("build", cwd=project).returncode == 0
    page = (project / "site" / "fr" / "index.html").read_text(encoding="utf-8")
    assert '<meta property="og:image" content="http://127.0.0.1/fr/assets/agency-logo.svg">' in page


def test_a_missing_image_fails_at_its_line(tmp_path):
    project = fork(tmp_path)
    (project / "content" / "assets" / "preview card.png").unlink()
    result = guide("check", cwd=project)
    line = next(i for i, text in enumerate((project / "mkdocs.yml").read_text().splitlines(), 1) if "image:" in text)
    assert result.returncode == 1
    assert re.search(rf"mkdocs\.yml:{line}:12: error\[brand\]: extra\.brand\.image: no file 'assets/preview card\.png'",
                     result.stdout + result.stderr), result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_values_are_escaped_and_tags_added_once():
    page = ('<html lang="en"><head><title>&quot;Bold&quot; &lt;b&gt; &amp; co - Site</title>'
            '<meta name="description" content="x&quot; onload=&quot;y"></head><body></body></html>')
    once = add_social(page, "Site", "en", 'https://e.org/a".png')
    assert add_social(once, "Site", "en") == once
    assert '<meta property="og:title" content="&quot;Bold&quot; &lt;b&gt; &amp; co">' in once
    assert '<meta property="og:description" content="x&quot; onload=&quot;y">' in once
    assert 'content="https://e.org/a&quot;.png"' in once and "onload=\"" not in once
    assert html.unescape(re.search(r'og:title" content="([^"]*)"', once).group(1)) == '"Bold" <b> & co'


def test_locales_and_addresses():
    assert [og_locale(x) for x in ("en", "fr", "de", "pt-BR", "xx")] == ["en_GB", "fr_FR", "de_DE", "pt_BR", "xx_XX"]

    class Brand:
        logo, image = "assets/logo.svg", None

    assert image_url("https://example.org/guide/fr/", Brand) == "https://example.org/guide/fr/assets/logo.svg"
    assert image_url(None, Brand) is None  # networks need an absolute address: none without site_url
