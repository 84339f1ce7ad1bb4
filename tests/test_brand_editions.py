"""Brand texts per edition, every brand value's type, and the brand's colours
in both palettes and both engines (issue 12, points 2 and 3)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, needs_chromium, serve_folder
from generator.colours import DARK_BACKGROUND, contrast
from generator.load.brand import load_brand
from test_build import guide

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><rect width="24" height="24"/></svg>\n'
PALETTES = """\
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      primary: indigo
      accent: deep orange
      toggle: {icon: material/brightness-4, name: Switch to dark mode}
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      primary: indigo
      accent: deep orange
      toggle: {icon: material/brightness-7, name: Switch to light mode}
"""
BILINGUAL_BRAND = """\
extra:
  brand:
    primary: "#0b6e4f"
    accent: "#a63a0a"
    cta:
      text: {en: Book a free call, fr: Réservez un appel gratuit}
      url: https://acme.example/call
    footer:
      en: © Acme Digital, all rights reserved
      fr: © Acme Digital, tous droits réservés
"""


def fork(tmp_path: Path, brand: str = BILINGUAL_BRAND, site_texts: str = "", languages: bool = True) -> Path:
    """The mini guide with two editions, both palettes and this brand."""
    project = tmp_path / "fork"
    shutil.copytree(FIXTURES / "mini", project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if site_texts:
        text = text.replace("site_name: Mini guide\n", site_texts)
    if languages:
        text = text.replace("  - decision-guide\n", "  - decision-guide:\n      languages: [en, fr]\n")
    text = text.replace("    - navigation.instant\n", "    - navigation.instant\n" + PALETTES)
    config.write_text(text + brand, encoding="utf-8")
    (project / "content" / "assets").mkdir()
    (project / "content" / "assets" / "logo.svg").write_text(LOGO, encoding="utf-8")
    return project


def at(project: Path, text: str, offset: int = 0) -> str:
    """`mkdocs.yml:line:column` of the first `text` in the fork's mkdocs.yml (plus `offset` columns)."""
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    before = config[:config.index(text)]
    return f"mkdocs.yml:{before.count(chr(10)) + 1}:{len(before) - before.rfind(chr(10)) + offset}"


SITE_TEXTS = """\
site_name: {en: Acme's social media check, fr: Le diagnostic d'Acme}
site_description:
  en: Should your business be on social media?
  fr: Votre entreprise doit-elle être sur les réseaux ?
"""


def _shown(html: str) -> dict:
    """What a reader sees of the brand's texts on a page."""
    header = re.search(r'class="md-header__topic">\s*<span class="md-ellipsis">\s*([^<]*?)\s*</span>', html)
    footer = re.search(r'md-copyright__highlight">\s*([^<]*?)\s*</div>', html)
    cta = re.search(r'<p class="dg-cta"><a [^>]*>([^<]*)</a>', html)
    description = re.search(r'<meta name="description" content="([^"]*)"', html)
    return {"title": re.search(r"<title>([^<]*)</title>", html).group(1).replace("&#39;", "'"),
            "header": header.group(1).replace("&#39;", "'") if header else None,
            "footer": footer.group(1) if footer else None, "cta": cta.group(1) if cta else None,
            "description": description.group(1) if description else None}


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_every_brand_text_per_edition(tmp_path, engine):
    project = fork(tmp_path, site_texts=SITE_TEXTS)
    result = guide("build", "--engine", engine, cwd=project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    for folder, name, description, cta, footer in [
            ("", "Acme's social media check", "Should your business be on social media?", "Book a free call",
             "© Acme Digital, all rights reserved"),
            ("fr/", "Le diagnostic d'Acme", "Votre entreprise doit-elle être sur les réseaux\u202f?",
             "Réservez un appel gratuit", "© Acme Digital, tous droits réservés")]:
        home = _shown((site / folder / "index.html").read_text(encoding="utf-8"))
        tree = _shown((site / folder / "guide" / "shop" / "index.html").read_text(encoding="utf-8"))
        assert home["header"] == name and home["title"].endswith(name), (folder, home)
        assert home["description"] == description and home["footer"] == footer, (folder, home)
        assert tree["title"].endswith(f" - {name}") and tree["cta"] == cta and tree["footer"] == footer, tree
    for page in site.rglob("*.html"):
        assert "ScalarNode" not in page.read_text(encoding="utf-8"), page


def test_a_brand_text_missing_an_edition_warns_and_shows_the_main_text(tmp_path):
    project = fork(tmp_path, BILINGUAL_BRAND.replace("      fr: © Acme Digital, tous droits réservés\n", ""))
    check = guide("check", cwd=project)
    assert check.returncode == 0
    assert (f"{at(project, '      en: © Acme', 6)}: warning[brand-untranslated]: extra.brand.footer: has no 'fr' text; "
            "the 'fr' edition shows the 'en' one") in check.stdout
    assert 'hint: add fr: "..."' in check.stdout


# Every brand value as a string, a mapping, a list and a number: it works,
# or it fails at its own line and column with a hint.
KINDS = {"string": None, "mapping": "{en: One, fr: Un}", "list": "[one, two]", "number": "42"}
OK = "ok"
TABLE = {  # key: (the YAML line, its value as a string, what each kind does)
    "site_name": ("site_name: {}", "Acme", {"string": OK, "mapping": OK}),
    "site_description": ("site_description: {}", "A guide", {"string": OK, "mapping": OK}),
    "extra.brand.primary": ("    primary: {}", '"#0b6e4f"', {"string": OK}),
    "extra.brand.accent": ("    accent: {}", '"#a63a0a"', {"string": OK}),
    "extra.brand.logo": ("    logo: {}", "assets/logo.svg", {"string": OK}),
    "extra.brand.favicon": ("    favicon: {}", "assets/logo.svg", {"string": OK}),
    # The template's own cta (a mapping of text and url) works; {en:, fr:} is another mapping: below.
    "extra.brand.cta": ("    cta: {}", "\n      text: Book a call\n      url: https://acme.example/call", {}),
    "extra.brand.cta.text": ("      text: {}", "Book a call", {"string": OK, "mapping": OK}),
    "extra.brand.cta.url": ("      url: {}", "https://acme.example/call", {"string": OK}),
    "extra.brand.footer": ("    footer: {}", "© Acme", {"string": OK, "mapping": OK}),
}
TEMPLATE = """\
site_name: Acme
site_description: A guide
docs_dir: content
extra:
  brand:
    primary: "#0b6e4f"
    accent: "#a63a0a"
    logo: assets/logo.svg
    favicon: assets/logo.svg
    cta:
      text: Book a call
      url: https://acme.example/call
    footer: © Acme
"""


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("key", list(TABLE))
def test_every_brand_value_of_every_kind_works_or_fails_at_its_line(tmp_path, key, kind):
    line_pattern, string, outcomes = TABLE[key]
    value = KINDS[kind] or string.strip().split("\n")[0].split(": ")[-1]
    old = line_pattern.format(string).replace(": \n", ":\n")
    assert old in TEMPLATE
    text = TEMPLATE.replace(old + "\n", line_pattern.format(value) + "\n", 1)
    line = TEMPLATE[:TEMPLATE.index(old)].count("\n") + 1
    column = len(line_pattern.split("{}")[0]) + 1
    (tmp_path / "content" / "assets").mkdir(parents=True)
    (tmp_path / "content" / "assets" / "logo.svg").write_text(LOGO, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    brand, problems = load_brand(tmp_path / "mkdocs.yml", tmp_path / "content", "mkdocs.yml", "en", ("en", "fr"))
    errors = [d for d in problems if d.severity == "error"]
    if outcomes.get(kind, "error") == OK:
        assert errors == [], errors
        return
    if key == "extra.brand.cta" and kind == "mapping":  # {en:, fr:} is not {text:, url:}
        assert [(d.mark.line, d.message) for d in errors] == [(line, "extra.brand.cta: needs 'text' and 'url'")]
        return
    assert len(errors) == 1, errors
    [error] = errors
    assert (error.mark.line, error.mark.column) == (line, column), error
    assert error.message.startswith(f"{key}: ") and error.hint, error


def test_a_language_map_with_a_bad_key_or_value_fails_at_it_and_renders_nothing(tmp_path):
    brand = BILINGUAL_BRAND.replace("text: {en: Book a free call, fr: Réservez un appel gratuit}",
                                    "text: {en: Book a free call, french: Réservez, fr: [un, appel]}")
    project = fork(tmp_path, brand)
    (project / "site").mkdir()
    (project / "site" / "keep.html").write_text("previous build", encoding="utf-8")
    for command in (["check"], ["build"], ["build", "--engine", "zensical"]):
        result = guide(*command, cwd=project)
        out = result.stdout + result.stderr
        assert result.returncode == 1 and "Traceback" not in out, out
        assert f"{at(project, 'french:')}: error[brand]: extra.brand.cta.text: 'french' is not a language code" in out
        assert f"{at(project, '[un, appel]')}: error[brand]: extra.brand.cta.text.fr: must be text, not a list" in out
        assert "hint:" in out
    assert [p.name for p in (project / "site").iterdir()] == ["keep.html"]


def test_a_site_name_per_language_fails_at_its_line_when_it_is_not_text(tmp_path):
    project = fork(tmp_path, site_texts="site_name: {en: Acme, fr: 42}\n")
    result = guide("build", cwd=project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "mkdocs.yml:1:27: error[brand]: site_name.fr: must be text, not a number" in result.stderr


# --- colours --------------------------------------------------------------

def test_a_light_accent_warns_naming_its_key_in_check_and_build(tmp_path):
    project = fork(tmp_path, BILINGUAL_BRAND.replace('"#a63a0a"', '"#f4a259"'), languages=False)
    expected = (f"{at(project, '#f4a259', -1)}: warning[brand-contrast]: extra.brand.accent: #f4a259 on white has a "
                "contrast of 2.1:1; hovered and focused links need 4.5:1")
    check = guide("check", cwd=project)
    assert check.returncode == 0 and expected in check.stdout
    assert "hint: pick a darker shade" in check.stdout
    for engine in ("mkdocs", "zensical"):
        build = guide("build", "--engine", engine, cwd=project)
        assert build.returncode == 0 and expected in build.stderr, (engine, build.stderr)


def test_brand_colours_that_read_well_give_no_warning(tmp_path):
    check = guide("check", cwd=fork(tmp_path, languages=False))
    assert "warning[brand-contrast]" not in check.stdout


def _rgb(css: str) -> str:
    r, g, b = (int(x) for x in re.findall(r"\d+", css)[:3])
    return f"#{r:02x}{g:02x}{b:02x}"


COLOURS = """() => {
  const colour = (selector, property) => {
    const element = document.querySelector(selector);
    return element ? getComputedStyle(element)[property] : null;
  };
  return {
    header: colour('.md-header', 'backgroundColor'), header_text: colour('.md-header', 'color'),
    background: colour('body', 'backgroundColor'),
    link: colour('.dg-node:not([hidden]) .dg-cite a', 'color'),
    back: colour('.dg-back', 'color'), change: colour('.dg-change', 'color'),
    restart: colour('[data-action=restart]', 'color'),
    answer_border: colour('.dg-node:not([hidden]) .dg-answer', 'borderTopColor'),
    cta: colour('.dg-cta a', 'backgroundColor'),
  };
}"""


THEME_COLOURS = {"#4051b5", "#5d6cc0", "#303fa1", "#5488e8", "#ff6e42"}
"""The palette's indigo (and its shades, and its dark palette's links) and deep orange, which the fork replaced."""


def _theme_colours(page) -> set:
    """The theme's own colours wherever the page draws them."""
    drawn = page.evaluate("""() => [...document.querySelectorAll('body *')].flatMap(e => {
        const s = getComputedStyle(e); return [s.color, s.backgroundColor, s.borderTopColor, s.outlineColor]; })""")
    return {_rgb(c) for c in drawn if c.startswith("rgb")} & THEME_COLOURS


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def branded_site(request, tmp_path_factory):
    project = fork(tmp_path_factory.mktemp(f"brand-{request.param}"), languages=False)
    site = project / "built"
    result = subprocess.run([sys.executable, "-m", "generator.cli", "build", "--engine", request.param,
                             "--site-dir", str(site)], cwd=project, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)})
    assert result.returncode == 0, result.stderr
    for url in serve_folder(site):
        yield request.param, url


@needs_chromium
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_brand_colours_in_both_palettes_and_engines(browser, branded_site, scheme):
    engine, url = branded_site
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(f"{url}/guide/shop/")
        page.click(".dg-node:not([hidden]) .dg-answer >> nth=0")  # a question with Back, Change and Start again
        seen = {k: v and _rgb(v) for k, v in page.evaluate(COLOURS).items()}
        dark = scheme == "dark"
        assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if dark else "default")
        # The header and the answers' borders in the brand's primary colour, with white text on it.
        assert (seen["header"], seen["header_text"], seen["answer_border"]) == ("#0b6e4f", "#ffffff", "#0b6e4f")
        # Links, Back, Change and Start again: the primary colour on white, and on
        # the dark palette a lighter shade of it that reads at 4.5:1 (never the theme's indigo).
        text = {seen[k] for k in ("link", "back", "change", "restart")}
        assert text == ({"#549a84"} if dark else {"#0b6e4f"}), (engine, scheme, seen)
        for colour in text:
            assert contrast(colour, seen["background"]) >= 4.5, (engine, scheme, colour, seen["background"])
        if dark:
            assert contrast(seen["background"], DARK_BACKGROUND) < 1.3  # the dark palette's own
        assert not _theme_colours(page), (engine, scheme)
        # The embed page (for an agency's iframe) carries the same colours.
        page.goto(f"{url}/guide/embed/shop/")
        page.click(".dg-node:not([hidden]) .dg-answer >> nth=0")
        assert _rgb(page.evaluate(COLOURS)["back"]) == ("#549a84" if dark else "#0b6e4f")
        # Printed, a result is black on white (the print stylesheet), light in
        # either palette like the theme's print: the brand's colours underneath,
        # none of the theme's indigo anywhere on the page.
        page.goto(f"{url}/guide/shop/#a=buyers:yes,time:yes")
        page.wait_for_selector(".dg-ready")
        page.emulate_media(media="print")
        assert page.evaluate("getComputedStyle(document.body).getPropertyValue('--md-primary-fg-color')"
                             ).strip() == "#0b6e4f"
        assert page.evaluate("getComputedStyle(document.body).getPropertyValue('--md-typeset-a-color')"
                             ).strip() == "#0b6e4f"
        assert not _theme_colours(page), (engine, scheme, "print")
    finally:
        context.close()
