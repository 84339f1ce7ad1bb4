"""'Fork and rebrand' followed to the letter on a clean copy of the project:
the page's whole change applied to mkdocs.yml, a logo added where it says,
then its checks and build, and its ready-to-ship list asserted."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

PAGE = ROOT / "content" / "fork-and-rebrand.md"
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#0b5d6b"/></svg>'


def whole_change() -> dict:
    text = PAGE.read_text(encoding="utf-8")
    section = text.split("## The whole change at once", 1)[1].split("\n## ", 1)[0]
    return yaml.safe_load(re.search(r"```yaml\n(.*?)```", section, re.S).group(1))


def merged(base, change):
    """The change laid over mkdocs.yml: mappings merged key by key, anything else replaced."""
    if isinstance(base, dict) and isinstance(change, dict):
        out = dict(base)
        for key, value in change.items():
            out[key] = merged(base.get(key), value)
        return out
    return change


def clean_copy(target: Path) -> Path:
    """The project's tracked files, as a fresh clone has them."""
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for name in files.splitlines():
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def fork(tmp_path_factory):
    project = clean_copy(tmp_path_factory.mktemp("fork") / "client-guide")
    change = whole_change()
    config = project / "mkdocs.yml"
    config.write_text(yaml.safe_dump(merged(yaml.safe_load(config.read_text(encoding="utf-8")), change),
                                     allow_unicode=True, sort_keys=False), encoding="utf-8")
    logo = project / "content" / change["extra"]["brand"]["logo"]
    logo.parent.mkdir(parents=True, exist_ok=True)
    logo.write_text(LOGO, encoding="utf-8")
    check = subprocess.run([sys.executable, "-m", "generator.cli", "check"], cwd=project, capture_output=True,
                           text=True, timeout=300)
    build = subprocess.run([sys.executable, "-m", "generator.cli", "build"], cwd=project, capture_output=True,
                           text=True, timeout=600)
    return project, change, check, build


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_ready_to_ship_1_the_check_is_clean(fork):
    _, _, check, _ = fork
    assert check.returncode == 0 and "0 error(s), 0 warning(s)" in check.stderr, check.stdout[-2000:]


def test_ready_to_ship_2_the_chosen_edition_is_at_the_root(fork):
    project, _, _, build = fork
    assert build.returncode == 0 and "built" in build.stderr, build.stderr[-2000:]
    site = project / "site"
    assert '<html lang="fr"' in read(site / "index.html")
    assert '<html lang="en"' in read(site / "en" / "index.html")


def test_ready_to_ship_3_the_clients_name_logo_and_colours_everywhere(fork):
    project, change, _, _ = fork
    site = project / "site"
    original = yaml.safe_load(read(ROOT / "mkdocs.yml"))["site_name"]
    for edition, root in (("fr", site), ("en", site / "en")):
        for page in (root / "index.html", root / "guide" / "start" / "index.html",
                     root / "guide" / "product-shop" / "index.html"):
            html = read(page).replace("&#39;", "'")
            name = change["site_name"][edition]
            # The site's name in the tab and the header is the client's (the
            # home page's own title, the guide's question, stays).
            title = re.search(r"<title>(.*?)</title>", html).group(1)
            assert title == name or title.endswith(f" - {name}"), (page, title)
            header = re.search(r'<div class="md-header__topic">(.*?)</div>', html, re.S).group(1)
            assert name in header and original not in header, page
            assert re.search(r'<img src="[^"]*assets/client-logo\.svg"', html), page
    brand_css = next((site / "assets" / "decision-guide").glob("brand*.css"))
    assert change["extra"]["brand"]["primary"] in read(brand_css)


def test_ready_to_ship_4_results_carry_the_call_to_action_in_each_language(fork):
    project, change, _, _ = fork
    cta = change["extra"]["brand"]["cta"]
    for edition, root in (("fr", project / "site"), ("en", project / "site" / "en")):
        html = read(root / "guide" / "product-shop" / "index.html").replace("&#39;", "'")
        assert f'href="{cta["url"]}">{cta["text"][edition]}</a>' in html, edition


def test_ready_to_ship_5_no_page_of_the_projects_own_documentation(fork):
    project, _, _, _ = fork
    for root in (project / "site", project / "site" / "en"):
        for name in ("writing-rules", "fork-and-rebrand", "embed-and-measure"):
            assert not (root / name).exists(), name
        assert "fork-and-rebrand" not in read(root / "sitemap.xml") if (root / "sitemap.xml").exists() else True


def test_ready_to_ship_6_shared_links_show_the_client(fork):
    project, change, _, _ = fork
    html = read(project / "site" / "guide" / "start" / "index.html")
    logo = change["site_url"] + "assets/client-logo.svg"
    assert f'<meta property="og:image" content="{logo}"' in html
    assert '<meta property="og:locale" content="fr_FR"' in html


def test_every_command_of_the_page_exists():
    text = PAGE.read_text(encoding="utf-8")
    makefile = read(ROOT / "Makefile")
    commands = [line.split("#")[0].strip() for block in re.findall(r"```sh\n(.*?)```", text, re.S)
                for line in block.splitlines()]
    targets = {m for c in commands for m in re.findall(r"\bmake (\w+)", c)}
    assert targets and all(re.search(rf"^{t}:", makefile, re.M) for t in targets), targets
    subcommands = {m for c in commands for m in re.findall(r"\bguide (\w+)", c)}
    help_text = subprocess.run([sys.executable, "-m", "generator.cli", "--help"], cwd=ROOT, capture_output=True,
                               text=True).stdout
    assert subcommands and all(s in help_text for s in subcommands), subcommands
