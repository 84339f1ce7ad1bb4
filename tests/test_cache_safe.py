"""Cache-safe assets: our script and stylesheets are named by a hash of their
content, so a host's cache (GitHub Pages keeps files 10 minutes) can never pair
new pages with an old script, and the same content always gets the same name."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import needs_chromium, serve_folder
from generator.render.pages import ASSET_DIR, asset_path, hashed
from test_brand import rebranded
from test_build import guide

HASHED = re.compile(r"^(guide|map|brand)\.[0-9a-f]{8}\.(js|css)$")


def own_assets(site: Path) -> list[str]:
    return sorted(p.name for p in (site / ASSET_DIR).iterdir())


def references(html: str) -> set[str]:
    """Every file of ours a page loads, as written in its src and href attributes."""
    return set(re.findall(r'(?:src|href)="([^"]*assets/decision-guide/[^"]+)"', html))


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_assets_are_named_by_their_content_and_every_page_loads_those_names(tmp_path, engine):
    project = rebranded(tmp_path)  # with brand colours, so brand.css is shipped too
    for site in ("one", "two"):
        result = guide("build", "--engine", engine, "--site-dir", str(tmp_path / site), cwd=project)
        assert result.returncode == 0, result.stderr
    one, two = own_assets(tmp_path / "one"), own_assets(tmp_path / "two")
    assert one == two  # reproducible: the same content, the same names
    assert len(one) == 4 and all(HASHED.match(name) for name in one), one
    site = tmp_path / "one"
    loaded = set()
    for page in site.rglob("*.html"):
        for ref in references(page.read_text(encoding="utf-8")):
            target = (page.parent / ref).resolve() if not ref.startswith("/") else site / ref.lstrip("/")
            assert target.is_file(), f"{page.relative_to(site)} loads {ref}, which is not in the site"
            loaded.add(target.name)
    assert loaded == set(one)  # script, stylesheets and the map's script: each loaded by some page


def test_a_changed_script_gets_a_new_name_and_the_same_one_keeps_it():
    assert hashed("guide.js", b"one();\n") == hashed("guide.js", b"one();\n")
    assert hashed("guide.js", b"one();\n") != hashed("guide.js", b"two();\n")
    assert re.fullmatch(rf"{ASSET_DIR}/guide\.[0-9a-f]{{8}}\.js", asset_path("guide.js"))


@needs_chromium
def test_a_reader_gets_the_hashed_script_and_stylesheets(tmp_path, page):
    project = rebranded(tmp_path)
    assert guide("build", cwd=project).returncode == 0
    failed = []
    page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
    for base in serve_folder(project / "site"):
        page.goto(f"{base}/guide/shop/")
        page.wait_for_selector("[data-node]:not([hidden])")
        names = page.evaluate("performance.getEntriesByType('resource').map(e => e.name.split('/').pop())")
    ours = sorted(n for n in names if re.match(r"(guide|brand)\.", n))
    assert [HASHED.match(n).group(1) for n in ours] == ["brand", "guide", "guide"], ours
    assert failed == [] and page.errors == []
