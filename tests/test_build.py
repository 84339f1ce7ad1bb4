"""Whole builds: the CLI, MkDocs through the plugin, guide.json, atomicity."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from generator.render.pages import asset_path

GOLDEN = Path(__file__).parent / "golden"


def guide(*args, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=cwd, capture_output=True,
                          text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)


def snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def mini(tmp_path_factory) -> Path:
    """The mini fixture project, copied and built once."""
    project = tmp_path_factory.mktemp("mini") / "project"
    shutil.copytree(FIXTURES / "mini", project)
    result = guide("build", cwd=project)
    assert result.returncode == 0, result.stderr
    return project


def test_build_writes_pages_and_export(mini):
    site = mini / "site"
    for page in ("index.html", "guide/start/index.html", "guide/shop/index.html",
                 "guide/sources/plain-talk/index.html", "guide.json", asset_path("guide.js"),
                 "guide/shop/map/index.html", asset_path("map.js")):
        assert (site / page).is_file(), page


def test_generated_pages_skip_markdown_and_come_out_the_same(mini, tmp_path, monkeypatch):
    """Our pages are one raw-HTML block: the plugin hands them to MkDocs as they
    are instead of having Python-Markdown read every character to change none."""
    import markdown

    from generator.build import build_site
    from generator.config import find_config
    from generator.plugin import DecisionGuidePlugin

    project = tmp_path / "project"
    shutil.copytree(mini, project, ignore=shutil.ignore_patterns("site"))
    read = []
    convert = markdown.Markdown.convert
    monkeypatch.setattr(markdown.Markdown, "convert", lambda self, text: read.append(text) or convert(self, text))
    build_site(find_config(project), tmp_path / "fast")
    assert read and not [text for text in read if "data-guide-tree" in text or "dg-source" in text]
    monkeypatch.setattr(DecisionGuidePlugin, "on_pre_page", lambda self, page, config, files: page)
    build_site(find_config(project), tmp_path / "markdown")
    assert snapshot(tmp_path / "fast") == snapshot(tmp_path / "markdown")


def test_guide_json_matches_golden(mini):
    actual = (mini / "site" / "guide.json").read_text(encoding="utf-8")
    golden = GOLDEN / "mini-guide.json"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert actual == golden.read_text(encoding="utf-8"), "UPDATE_GOLDEN=1 make test regenerates it"


def test_guide_json_keeps_the_contract(mini):
    data = json.loads((mini / "site" / "guide.json").read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["language"] == "en"
    assert data["reviewed"] == "2026-12-01"  # the fixture is no git repository: SOURCE_DATE_EPOCH's date
    for source in data["sources"]:
        assert {"published", "published_estimated", "published_note", "note"} <= set(source)
        assert (mini / source["file"]).is_file()
        assert (mini / "site" / source["page"] / "index.html").is_file()
    for tree in data["trees"]:
        ids = {n["id"] for n in tree["nodes"]}
        assert tree["start"] in ids
        for node in tree["nodes"]:
            for answer in node.get("answers", []):
                assert answer["next"] in ids


def test_tree_page_carries_the_hooks(mini):
    html = (mini / "site" / "guide" / "shop" / "index.html").read_text(encoding="utf-8")
    assert 'data-guide-tree="shop"' in html
    assert html.count("data-node=") == 4
    assert 'data-answer="yes"' in html and 'data-action="back"' in html and 'data-action="restart"' in html
    assert 'data-citation data-source="parler-franc"' in html
    assert "<em>an hour a day</em>" in html  # Markdown in a question is rendered


def test_source_page_highlights_cited_passages(mini):
    html = (mini / "site" / "guide" / "sources" / "plain-talk" / "index.html").read_text(encoding="utf-8")
    assert html.count('class="dg-anchor" id="q-') == 4  # nested quotes get their own anchor
    assert "A. Writer" in html and "cited by" in html


def test_check_exit_codes(mini, tmp_path):
    ok = guide("check", cwd=mini)
    assert ok.returncode == 0 and "0 error(s)" in ok.stderr
    broken = tmp_path / "broken"
    shutil.copytree(FIXTURES / "mini", broken)
    shop = broken / "rules" / "shop.yml"
    shop.write_text(shop.read_text(encoding="utf-8").replace("next: sell", "next: sel"), encoding="utf-8")
    result = guide("check", cwd=broken)
    assert result.returncode == 1
    assert "rules/shop.yml:34:15: error[dangling-next]" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    github = guide("check", "--format", "github", cwd=broken)
    assert github.stdout.startswith("::error file=rules/shop.yml,line=34,col=15,title=dangling-next::")


@pytest.mark.parametrize("damage", [
    ("rules/shop.yml", b"id: shop\ntitle: [\n"),                 # YAML syntax
    ("rules/shop.yml", b"id: shop\ntitle: Caf\xe9\n"),            # not UTF-8
    ("rules/shop.yml", b"a: " + b"[" * 50_000 + b"\n"),           # too deep
    ("rules/start.yml", b""),                                     # empty
    ("content/sources/plain-talk.txt", b"no front matter\n"),     # broken source
])
def test_failed_build_leaves_site_byte_identical(mini, tmp_path, damage):
    project = tmp_path / "project"
    shutil.copytree(mini, project)
    before = snapshot(project / "site")
    (project / damage[0]).write_bytes(damage[1])
    result = guide("build", cwd=project)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert f"{damage[0]}:" in result.stderr  # file:line:col of the problem
    assert snapshot(project / "site") == before
    # The same through plain `mkdocs build`: the plugin fails before MkDocs cleans site/.
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert snapshot(project / "site") == before


def test_pages_for_other_engines(mini, tmp_path):
    result = guide("pages", "--out", str(tmp_path / "out"), cwd=mini)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "guide" / "shop.md").read_text(encoding="utf-8").startswith('---\ntitle: "You sell')
    assert (tmp_path / "out" / "guide.json").is_file()


def test_the_real_guide_checks_clean_and_builds(tmp_path):
    result = guide("check", cwd=ROOT)
    assert result.returncode == 0, result.stdout
    assert "0 error(s), 0 warning(s)" in result.stderr
    result = guide("build", "--site-dir", str(tmp_path / "site"), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "site" / "guide.json").read_text(encoding="utf-8"))
    assert {"start", "product-shop"} <= {t["id"] for t in data["trees"]}


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_rebuilds_when_a_rules_file_changes(tmp_path):
    import time
    import urllib.request

    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "mini", project)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})

    def page_has(text: str, seconds: float = 60) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/guide/shop/", timeout=5) as r:
                    if text in r.read().decode("utf-8"):
                        return True
            except OSError:
                pass
            time.sleep(0.3)
        return False

    try:
        assert page_has("Are your buyers on social media?")
        shop = project / "rules" / "shop.yml"
        shop.write_text(shop.read_text(encoding="utf-8").replace(
            "Are your buyers on social media?", "Do your buyers use social media?"), encoding="utf-8")
        assert page_has("Do your buyers use social media?")
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_coverage_page_counts_passages_per_source(mini):
    html = (mini / "site" / "guide" / "sources" / "index.html").read_text(encoding="utf-8")
    assert "<td>Plain talk about selling</td>" not in html  # titles are links to the source pages
    row = html.split('Plain talk about selling</a>')[1].split("</tr>")[0]
    assert "<td>4</td>" in row  # four distinct passages quoted
    assert html.count('class="dg-coverage-list"') == 2


def test_zensical_builds_the_same_guide(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "mini", project)
    result = guide("build", "--engine", "zensical", cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    page = (site / "guide" / "shop" / "index.html").read_text(encoding="utf-8")
    assert 'data-guide-tree="shop"' in page and page.count("data-node=") == 4
    assert asset_path("guide.js") in page and asset_path("guide.css") in page
    assert (site / "guide.json").is_file() and (site / "guide" / "sources" / "plain-talk" / "index.html").is_file()
    assert not (project / "content" / "guide").exists()  # the docs folder itself was not written to


def test_zensical_build_fails_atomically_on_bad_rules(mini, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(mini, project)
    before = snapshot(project / "site")
    (project / "rules" / "shop.yml").write_bytes(b"id: shop\ntitle: [\n")
    result = guide("build", "--engine", "zensical", cwd=project)
    assert result.returncode == 1 and "rules/shop.yml:" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(project / "site") == before
