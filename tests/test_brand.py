"""Rebranding through mkdocs.yml alone (the contract's rebranding surface)."""
from __future__ import annotations

import re
import shutil

import pytest

from conftest import FIXTURES
from test_build import guide, snapshot

BRAND = """
extra:
  brand:
    primary: "#0b6e4f"
    accent: "#c2410c"
    logo: assets/agency-logo.svg
    favicon: assets/agency-logo.svg
    cta:
      text: Book a free call with Acme
      url: https://acme.example/call
    footer: © Acme Digital, all rights reserved
"""
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><rect width="24" height="24"/></svg>\n'


def rebranded(tmp_path, brand: str = BRAND, name: str = "Acme's social media check"):
    project = tmp_path / "fork"
    shutil.copytree(FIXTURES / "mini", project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_name: Mini guide", f"site_name: {name}")
                      + brand, encoding="utf-8")
    (project / "content" / "assets").mkdir()
    (project / "content" / "assets" / "agency-logo.svg").write_text(LOGO, encoding="utf-8")
    return project


def test_a_fork_rebranded_in_mkdocs_yml_alone(tmp_path):
    project = rebranded(tmp_path)
    result = guide("build", cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    page = (site / "guide" / "shop" / "index.html").read_text(encoding="utf-8")
    assert "Acme&#39;s social media check" in page or "Acme's social media check" in page
    assert 'href="https://acme.example/call">Book a free call with Acme</a>' in page
    assert page.count('class="dg-cta"') == 2  # on every outcome of the tree
    assert "agency-logo.svg" in page and "© Acme Digital" in page
    [css_file] = (site / "assets" / "decision-guide").glob("brand.*.css")  # named by a hash of its content
    css = css_file.read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #0b6e4f;" in css and "--md-accent-fg-color: #c2410c;" in css
    assert f"assets/decision-guide/{css_file.name}" in page


def test_no_brand_means_no_cta_and_no_brand_css(tmp_path):
    project = rebranded(tmp_path, brand="")
    assert guide("build", cwd=project).returncode == 0
    assert 'class="dg-cta"' not in (project / "site" / "guide" / "shop" / "index.html").read_text(encoding="utf-8")
    assert not list((project / "site" / "assets" / "decision-guide").glob("brand*.css"))


@pytest.mark.parametrize("bad, where, message", [
    (BRAND.replace('"#0b6e4f"', "blue"), "mkdocs.yml:16:14", "extra.brand.primary: 'blue' is not a colour"),
    (BRAND.replace("logo: assets/agency-logo.svg", "logo: assets/missing.png"), "mkdocs.yml:18:11",
     "extra.brand.logo: no file 'assets/missing.png'"),
    (BRAND.replace("https://acme.example/call", "javascript:alert(1)"), "mkdocs.yml:22:12",
     "extra.brand.cta.url: 'javascript:alert(1)' is not"),
    (BRAND.replace("    footer:", "    fotter:"), "mkdocs.yml:23:5", "extra.brand.fotter: unknown key"),
])
def test_a_bad_brand_value_fails_naming_the_key(tmp_path, bad, where, message):
    project = rebranded(tmp_path, bad)
    check = guide("check", cwd=project)
    assert check.returncode == 1
    assert f"{where}: error[brand]: {message}" in check.stdout
    (project / "site").mkdir()
    (project / "site" / "keep.html").write_text("previous build", encoding="utf-8")
    before = snapshot(project / "site")
    build = guide("build", cwd=project)
    assert build.returncode == 1 and "Traceback" not in build.stderr
    assert f"{where}: error[brand]: {message}" in build.stderr
    assert snapshot(project / "site") == before


def test_a_low_contrast_brand_colour_is_a_warning(tmp_path):
    project = rebranded(tmp_path, BRAND.replace('"#0b6e4f"', '"#ffcc00"'))
    check = guide("check", cwd=project)
    assert check.returncode == 0
    assert "warning[brand-contrast]: extra.brand.primary: #ffcc00 on white has a contrast of 1.5:1" in check.stdout


def test_a_fork_renamed_recoloured_with_a_cta_and_in_french(tmp_path):
    project = rebranded(tmp_path, name="Le diagnostic réseaux sociaux d'Acme")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: en", "language: fr"), encoding="utf-8")
    result = guide("build", cwd=project)
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "guide" / "shop" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in page and "Cette semaine" in page
    assert "diagnostic réseaux sociaux d" in page
    assert 'href="https://acme.example/call">Book a free call with Acme</a>' in page
    assert re.search(r"assets/decision-guide/brand\.[0-9a-f]{8}\.css", page) and "agency-logo.svg" in page
