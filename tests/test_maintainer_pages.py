"""A site that is all reader: the project's own pages (Writing rules, Fork and
rebrand, Embed and measure), the sources' text files and the README's
screenshots stay in the repository; `publish_maintainer_pages: true`
publishes the pages, and a reader's "Next" still never leads to them."""
from __future__ import annotations

import json
import re
import shutil
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, needs_chromium, serve_folder
from generator.audience import maintainer_pages
from generator.config import find_config
from test_build import guide

MAINTAINERS = {"writing-rules.md", "fork-and-rebrand.md", "embed-and-measure.md", "engine.md",
               "guide/start.md"}  # the last: what a build without the generator shows instead of the guide
THEIR_URLS = ("/writing-rules/", "/fork-and-rebrand/", "/embed-and-measure/", "/engine/")
THEIR_TITLES = ("Writing rules", "Fork and rebrand", "Embed and measure", "Embed the guide")


def status(url: str) -> int:
    try:
        return urllib.request.urlopen(url).status
    except urllib.error.HTTPError as e:
        return e.code


def copy_of_the_project(tmp_path: Path, publish: bool) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    for folder in ("rules", "content"):
        shutil.copytree(ROOT / folder, project / folder)
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if publish:
        text = text.replace("  - decision-guide:\n", "  - decision-guide:\n      publish_maintainer_pages: true\n")
        assert "publish_maintainer_pages: true" in text
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    return project


def footer_chain(page, start: str) -> list[str]:
    """The pages a reader meets pressing the footer's "Next" from `start`."""
    seen = []
    page.goto(start)
    while True:
        seen.append(page.evaluate("location.pathname"))
        link = page.query_selector("a.md-footer__link--next")
        if link is None or len(seen) > 60:
            return seen
        page.goto(link.evaluate("a => a.href"))


def test_the_project_marks_its_own_pages_for_maintainers():
    assert maintainer_pages(find_config(ROOT)) == MAINTAINERS
    # The README's screenshots live outside the docs folder, where its image finds them.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", readme)
    assert images and all((ROOT / image).is_file() and not image.startswith("content/") for image in images)
    assert not list((ROOT / "content").rglob("*.png"))


@needs_chromium
def test_the_deployed_guide_is_all_reader(real_site, page):
    for edition in ("", "/fr"):
        base = real_site + edition
        for url in THEIR_URLS:
            assert status(base + url) == 404, base + url
        assert status(f"{base}/sources/twitter-bad-for-business.txt") == 404
        assert status(f"{base}/assets/screenshots/question-desktop.png") == 404
        sitemap = urllib.request.urlopen(f"{base}/sitemap.xml").read().decode()
        search = urllib.request.urlopen(f"{base}/search/search_index.json").read().decode()
        assert not any(url in sitemap for url in THEIR_URLS)
        assert not any(url.strip("/") in doc["location"] for url in THEIR_URLS
                       for doc in json.loads(search)["docs"])
        page.goto(base + "/")
        nav = page.text_content(".md-nav--primary")
        assert not any(title in nav for title in THEIR_TITLES), nav
        chain = footer_chain(page, base + "/")
        assert len(chain) > 5 and not any(url in path for path in chain for url in THEIR_URLS)
        # The home page's "how the guide decides" is the reader's map, not the maintainers' rules.
        page.goto(base + "/")
        page.click("article a[href*='map']")
        assert page.evaluate("location.pathname").endswith("/guide/start/map/")
    assert page.errors == []


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    project = copy_of_the_project(tmp_path_factory.mktemp("published"), publish=True)
    result = guide("build", cwd=project)
    assert result.returncode == 0, result.stderr
    yield from serve_folder(project / "site")


@needs_chromium
def test_published_maintainer_pages_come_last_and_no_reader_is_sent_there(published, page):
    page.goto(published + "/writing-rules/")
    assert page.text_content("h1").strip().startswith("Writing rules")
    search = json.loads(urllib.request.urlopen(f"{published}/search/search_index.json").read())
    assert any(doc["location"].startswith("writing-rules/") for doc in search["docs"])
    assert "/writing-rules/" in urllib.request.urlopen(f"{published}/sitemap.xml").read().decode()
    # In the navigation, after every reader's page.
    page.goto(published + "/")
    entries = page.eval_on_selector_all(".md-nav--primary > .md-nav__list > .md-nav__item",
                                        "items => items.map(i => i.textContent.trim().split('\\n')[0])")
    theirs = [i for i, entry in enumerate(entries)
              if entry.startswith(("Writing rules", "Fork and", "Embed and", "What the guide runs on"))]
    assert len(theirs) == 4 and theirs == list(range(len(entries) - 4, len(entries))), entries
    # "Next" from the home page walks the readers' pages and stops before theirs.
    chain = footer_chain(page, published + "/")
    assert len(chain) > 5 and not any(url in path for path in chain for url in THEIR_URLS), chain
    # The first of theirs has no "Previous" back into the guide: theirs is a chain of its own.
    assert page.goto(published + "/embed-and-measure/").ok
    previous = page.query_selector("a.md-footer__link--prev")
    assert previous is None or not previous.evaluate("a => a.pathname").startswith("/guide/")
    assert page.errors == []


def test_zensical_leaves_maintainer_pages_out_too(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "mini", project)
    notes = "---\ntitle: Notes for editors\naudience: maintainers\n---\n\n# Notes for editors\n\nOnly for us.\n"
    (project / "content" / "notes.md").write_text(notes, encoding="utf-8")
    (project / "content" / "notes.fr.md").write_text(notes.replace("audience: maintainers\n", ""), encoding="utf-8")
    for engine in ("mkdocs", "zensical"):
        site = tmp_path / engine
        result = guide("build", "--engine", engine, "--site-dir", str(site), cwd=project)
        assert result.returncode == 0, result.stderr
        assert not (site / "notes").exists() and not (site / "notes.html").exists(), engine
        assert not list(site.rglob("*.txt")), engine  # the sources' files: their pages are the reader's form
        pages = " ".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
        assert "Notes for editors" not in pages and "Only for us" not in pages, engine
