"""One wiring of the site for both engines (generator/site.py): MkDocs through
the plugin and Zensical through `guide build --engine zensical` publish the
same pages, and finish each the same way, in every edition."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from generator.config import GuideConfig
from generator.model import Brand
from generator.site import edition_pages, name_search_dialog, theme_settings
from test_brand import BRAND, rebranded
from test_build import guide

ANALYTICS = "https://stats.acme.example"
SEARCH_FR = "Chercher dans le guide"
"""The fork's own name for the search dialog: neither theme's French word."""


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """A rebranded fork in two editions, with a translated page, a maintainers'
    page and its own word for search, built with each engine."""
    project = rebranded(tmp_path_factory.mktemp("wiring"),
                        brand=BRAND + f"    analytics:\n      origin: {ANALYTICS}\n")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - decision-guide\n", "  - decision-guide:\n      languages: [en, fr]\n"), encoding="utf-8")
    content = project / "content"
    (content / "about.md").write_text("# About\n\nWho writes this guide.\n", encoding="utf-8")
    (content / "about.fr.md").write_text("# À propos\n\nQui écrit ce guide.\n", encoding="utf-8")
    (content / "notes.md").write_text("---\naudience: maintainers\n---\n\n# Notes for editors\n", encoding="utf-8")
    (project / "messages").mkdir()
    (project / "messages" / "fr.yml").write_text(f"search_label: {SEARCH_FR}\n", encoding="utf-8")
    built = {}
    for engine in ("mkdocs", "zensical"):
        built[engine] = project / f"site-{engine}"
        result = guide("build", "--engine", engine, "--site-dir", str(built[engine]), cwd=project)
        assert result.returncode == 0, result.stderr
    return built


def pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def dialog_name(page: str):
    found = re.search(r'data-md-component="search" role="dialog"(?: aria-label="([^"]*)")?>', page)
    return found and html.unescape(found.group(1) or "")


def finish_of(page: str) -> dict:
    """What the finishing adds to a built page, as a reader's browser sees it:
    the elements put before the theme's own head (the policy, the history
    guard), the preview's tags and the search dialog's name. The policy's
    script hashes are left out, as are the titles' values: each engine writes
    its own inline scripts and <title> (mkdocs-material titles the home page
    with the site's name alone, Zensical prefixes the page's)."""
    head = page[: page.index("</head>")]
    top = head[head.index(">", head.index("<head")) + 1: head.index("<meta charset")]
    top = re.sub(r" 'sha256-[^']+'", "", top)
    preview = [(name, "" if name.endswith(":title") else value) for name, value in
               re.findall(r'<meta (?:property|name)="((?:og|twitter):[^"]+)" content="([^"]*)"', head)]
    return {"top": top.split(), "preview": preview, "search": dialog_name(page)}


def test_the_search_dialog_is_named_from_the_catalogue_in_both_engines_and_editions(sites):
    """mkdocs-material leaves the dialog unnamed and Zensical names it in its
    own words; both take the edition's catalogue word, which a fork can change."""
    for engine, site in sites.items():
        for rel, page in pages(site).items():
            expected = SEARCH_FR if rel.startswith("fr/") else "Search"
            assert dialog_name(page) == expected, (engine, rel)


def test_both_engines_publish_the_same_pages_finished_the_same_way(sites):
    mkdocs, zensical = pages(sites["mkdocs"]), pages(sites["zensical"])
    assert sorted(mkdocs) == sorted(zensical)
    assert "about/index.html" in mkdocs and not any("notes" in rel for rel in mkdocs)
    assert "Qui écrit ce guide" in zensical["fr/about/index.html"] and "Qui écrit" in mkdocs["fr/about/index.html"]
    for rel in mkdocs:
        assert finish_of(mkdocs[rel]) == finish_of(zensical[rel]), rel
    # Not vacuous: every page carries the policy, with the agency's origin,
    # and a tree's page the history guard, in both.
    for rel, page in mkdocs.items():
        top = " ".join(finish_of(page)["top"])
        assert 'http-equiv="Content-Security-Policy"' in top and ANALYTICS in top, rel
        assert ("<script>" in top) == ("data-guide-tree=" in page), rel
    assert "<script>" in " ".join(finish_of(mkdocs["fr/guide/shop/index.html"])["top"])
    assert ("og:locale", "fr_FR") in finish_of(zensical["fr/about/index.html"])["preview"]


def test_a_setting_mkdocs_yml_makes_already_is_kept_not_doubled():
    brand = Brand(logo="assets/logo.svg")
    fresh = theme_settings(brand, "fr", ("en", "fr"), {})
    assert fresh["theme"] == {"logo": "assets/logo.svg"} and "copyright" not in fresh
    assert [entry["link"] for entry in fresh["extra"]["alternate"]] == ["../", "./"]
    own = {"extra": {"alternate": [{"name": "EN", "link": "/"}]}, "extra_css": fresh["extra_css"][:1]}
    again = theme_settings(brand, "fr", ("en", "fr"), own)
    assert "extra" not in again and again["extra_css"] == fresh["extra_css"][1:]
    assert again["extra_javascript"] == fresh["extra_javascript"]


def test_each_edition_takes_its_translation_and_leaves_maintainers_pages_out(tmp_path):
    docs = tmp_path / "content"
    docs.mkdir()
    for name, text in {"about.md": "# About\n", "about.fr.md": "# À propos\n", "about.de.md": "# Über\n",
                       "notes.md": "---\naudience: maintainers\n---\n", "notes.fr.md": "# Notes\n"}.items():
        (docs / name).write_text(text, encoding="utf-8")
    config = GuideConfig(root=tmp_path, editions=("en", "fr"))
    files = sorted(p.name for p in docs.iterdir())
    assert edition_pages(config, "en", files) == {"about.md": "about.md", "about.de.md": "about.de.md"}
    assert edition_pages(config, "fr", files) == {"about.md": "about.fr.md", "about.de.md": "about.de.md"}


def test_the_search_dialog_is_named_once_whoever_named_it_first():
    unnamed = '<div data-md-component="search" role="dialog"><div data-md-component="search" role="dialog">'
    named = name_search_dialog(unnamed, "Q&A")
    assert named.count('aria-label="Q&amp;A"') == 1
    engine_named = '<div data-md-component="search" role="dialog" aria-label="Recherche">'
    assert name_search_dialog(engine_named, SEARCH_FR) == engine_named.replace("Recherche", SEARCH_FR)
