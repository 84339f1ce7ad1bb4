"""Every word a reader sees is in the edition's language: the guide's own
messages, the theme's words (404, permalinks, palette toggles, search, nav
sections), and a fork's own catalogue in messages/<language>.yml."""
from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, ROOT, build_and_serve
from test_build import guide

# Words of one edition's interface that must not appear in the other's pages.
NOT_IN_FRENCH = ["Permanent link", "Switch to dark mode", "Switch to light mode", "Search", "Not found",
                 "Why we ask", "Start again", "Back", "Embed", "cited by", "Keep in mind", "This week",
                 "Sources and coverage", "How the guide decides", "Your answers so far", "Previous", "Next"]
NOT_IN_ENGLISH = ["Retour", "Recommencer", "Pourquoi cette question", "Lien permanent", "Rechercher",
                  "Passer au thème", "Page introuvable", "Intégrer", "cité par", "À savoir", "Cette semaine",
                  "Sources et couverture", "Comment le guide décide", "Précédent", "Suivant"]
# The maintainers' pages are documentation in English, not the guide's
# interface: their text, and links to them, are not scanned.
MAINTAINERS = ("writing-rules", "fork-and-rebrand", "embed-and-measure")
ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Words(HTMLParser):
    """A page's visible text and its aria-label/title/alt attributes, without
    what is written in another language (quotes and source texts carry their
    own `lang`: they are verbatim), scripts and links to maintainers' pages."""

    def __init__(self, language: str):
        super().__init__()
        self.language, self.stack, self.found = language, [], []

    def _skipping(self) -> bool:
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        skip = (tag in ("script", "style") or (a.get("lang") or self.language).split("-")[0] != self.language
                or (tag == "a" and any(m in (a.get("href") or "") for m in MAINTAINERS)))
        if not (skip or self._skipping()):
            self.found += [a[k] for k in ATTRIBUTES if a.get(k)]
        if tag not in VOID:
            self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        if data.strip() and not self._skipping():
            self.found.append(data.strip())


def words_of(html: str) -> list[str]:
    language = re.search(r'<html[^>]*\slang="([^"]+)"', html).group(1).split("-")[0]
    parser = _Words(language)
    parser.feed(html)
    return parser.found


def pages_of(site: Path, edition: str):
    root = site / "fr" if edition == "fr" else site
    for page in sorted(root.rglob("*.html")):
        rel = page.relative_to(root)
        if edition == "en" and rel.parts[0] == "fr" or rel.parts[0] in MAINTAINERS:
            continue
        yield rel.as_posix(), page.read_text(encoding="utf-8")


def foreign_words(site: Path, edition: str, forbidden: list[str]) -> set[tuple[str, str, str]]:
    found = set()
    for rel, html in pages_of(site, edition):
        for text in words_of(html):
            for word in forbidden:
                if re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text):
                    found.add((rel, word, text[:100]))
    return found


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def real_editions(request, tmp_path_factory) -> Path:
    """The project's own guide, both editions, built with each engine."""
    site = tmp_path_factory.mktemp(f"words-{request.param}") / "site"
    result = guide("build", "--engine", request.param, "--site-dir", str(site), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return site


def test_french_pages_carry_no_english_interface_words(real_editions):
    assert sorted(foreign_words(real_editions, "fr", NOT_IN_FRENCH)) == []
    home = (real_editions / "fr" / "index.html").read_text(encoding="utf-8")
    assert 'title="Passer au thème sombre"' in home and "Intégrer le guide" in home
    assert "<h1>404 - Page introuvable</h1>" in (real_editions / "fr" / "404.html").read_text(encoding="utf-8")
    tree = (real_editions / "fr" / "guide" / "b2b" / "index.html").read_text(encoding="utf-8")
    assert 'title="Lien permanent"' in home + tree or "headerlink" not in home + tree


def test_english_pages_carry_no_french_interface_words(real_editions):
    assert sorted(foreign_words(real_editions, "en", NOT_IN_ENGLISH)) == []
    assert "<h1>404 - Not found</h1>" in (real_editions / "404.html").read_text(encoding="utf-8")


def test_no_page_shows_a_node_id(real_editions):
    """A step is named by its question or verdict, never by the id written in the rules."""
    for edition in ("en", "fr"):
        data = json.loads((real_editions / ("fr" if edition == "fr" else "") / "guide.json").read_text())
        ids = {t["id"] for t in data["trees"]}
        ids |= {n["id"] for t in data["trees"] for n in t["nodes"]}
        ids |= {a["id"] for t in data["trees"] for n in t["nodes"] for a in n.get("answers", [])}
        # An id that is also a phrase of the guide's own text ("high-priced") is a word there.
        prose = json.dumps([{k: v for k, v in n.items() if k != "id"} for t in data["trees"] for n in t["nodes"]],
                           ensure_ascii=False)
        ids = {i for i in ids if "-" in i and i not in prose.replace('"id": "', "")}
        shown = {(rel, token) for rel, html in pages_of(real_editions, edition) for text in words_of(html)
                 for token in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", text) if token in ids}
        assert sorted(shown) == [], edition


def test_the_search_dialog_is_named_in_the_edition(real_editions):
    """Both engines name the theme's search dialog from the catalogue (generator/site.py), not Zensical's own word."""
    def name(html):
        return re.search(r'data-md-component="search" role="dialog" aria-label="([^"]+)"', html).group(1)

    assert name((real_editions / "index.html").read_text(encoding="utf-8")) == "Search"
    assert name((real_editions / "fr" / "index.html").read_text(encoding="utf-8")) == "Rechercher"


# --- A fork's own interface words ------------------------------------------------------------------

GERMAN = {
    "why_we_ask": "Warum wir fragen", "back": "Zurück", "restart": "Neu beginnen",
    "your_answers_so_far": "Ihre bisherigen Antworten", "map_link": "Wie der Leitfaden entscheidet",
    "caveat": "Gut zu wissen", "this_week": "Diese Woche", "cited_by": "zitiert von",
    "permalink_title": "Dauerhafter Link", "palette_to_dark": "Zum dunklen Design wechseln",
    "palette_to_light": "Zum hellen Design wechseln", "search_label": "Suche", "not_found": "404 - Nicht gefunden",
    "nav_guide": "Leitfaden", "nav_embed": "Einbetten", "nav_sources": "Quellen",
    "js_question": "Frage {n}", "js_change": "Ändern", "uses": "{n} Verwendung(en)",
}
PALETTE = """\
  palette:
    - scheme: default
      toggle:
        icon: material/brightness-4
        name: Switch to dark mode
    - scheme: slate
      toggle:
        icon: material/brightness-7
        name: Switch to light mode
"""


def german_fork(tmp_path) -> Path:
    """The mini guide, switched to German in mkdocs.yml alone (with a dark mode toggle and permalinks)."""
    project = tmp_path / "fork"
    shutil.copytree(FIXTURES / "mini", project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("  language: en\n", "  language: de\n" + PALETTE)
    config.write_text(text + "markdown_extensions:\n  - toc:\n      permalink: true\n", encoding="utf-8")
    (project / "content" / "index.md").write_text("# Mini\n\n## Start\n\n[Los](guide/start.md)\n", encoding="utf-8")
    return project


def fill_in(catalogue: Path, words: dict[str, str]) -> None:
    """Translate the keys `guide messages` left empty: German where given, the English text elsewhere."""
    english = yaml.safe_load((ROOT / "generator" / "messages" / "en.yml").read_text(encoding="utf-8"))
    lines = catalogue.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        key = line[:-1] if line.endswith(":") and not line.startswith("#") else None
        if key:
            lines[i] = f"{key}: {json.dumps(words.get(key, english[key]), ensure_ascii=False)}"
    catalogue.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_german_fork_without_a_catalogue_warns_and_shows_english(tmp_path):
    project = german_fork(tmp_path)
    result = guide("check", cwd=project)
    assert result.returncode == 0
    line = next(line for line in result.stdout.splitlines() if "interface-untranslated" in line)
    assert line.startswith("mkdocs.yml:6:13: warning[interface-untranslated]: ")  # theme.language: de
    assert "'de'" in line and "why_we_ask" in line and "restart" in line and "nav_embed" in line
    assert "guide messages de" in result.stdout
    result = guide("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "interface-untranslated" in result.stderr
    page = (project / "site" / "guide" / "shop" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in page and "Why we ask" in page and "Start again" in page


def test_a_german_fork_with_its_catalogue_speaks_german(tmp_path, browser):
    project = german_fork(tmp_path)
    result = guide("messages", "de", cwd=project)
    assert result.returncode == 0, result.stderr
    catalogue = project / "messages" / "de.yml"
    written = catalogue.read_text(encoding="utf-8")
    assert "# en: Why we ask\nwhy_we_ask:\n" in written  # every key, its English beside it, to fill in
    english = yaml.safe_load((ROOT / "generator" / "messages" / "en.yml").read_text(encoding="utf-8"))
    assert list(yaml.safe_load(written)) == list(english)
    # Empty keys still show English, and the check still lists them.
    assert "interface-untranslated" in guide("check", cwd=project).stdout
    # The command never writes over a catalogue.
    again = guide("messages", "de", cwd=project)
    assert again.returncode == 1 and "exists" in again.stderr and catalogue.read_text(encoding="utf-8") == written

    fill_in(catalogue, GERMAN)
    result = guide("check", cwd=project)
    assert result.returncode == 0 and "interface-untranslated" not in result.stdout
    site = tmp_path / "site"
    served = build_and_serve(project, site)
    base = next(served)
    try:
        page = (site / "guide" / "shop" / "index.html").read_text(encoding="utf-8")
        for word in ("Warum wir fragen", "Zurück", "Neu beginnen", "Gut zu wissen", "Zum dunklen Design wechseln"):
            assert word in page, word
        for word in ("Why we ask", "Start again", "Switch to dark mode", ">Back<", "Permanent link"):
            assert word not in page, word
        assert 'aria-label="Suche"' in page and "Quellen" in page and "Einbetten" in page
        assert "<h1>404 - Nicht gefunden</h1>" in (site / "404.html").read_text(encoding="utf-8")
        assert 'title="Dauerhafter Link"' in (site / "index.html").read_text(encoding="utf-8")
        # What the reader sees in Chromium, script-built words included.
        tab = browser.new_page()
        try:
            tab.goto(base + "/guide/shop/")
            assert tab.locator("[data-action=back]").first.inner_text() == "Zurück"
            tab.locator("[data-node]:visible [data-answer]").first.click()
            assert tab.locator("[data-change]").first.inner_text().startswith("Ändern") or \
                "Ändern" in tab.locator("body").inner_text()
            assert "Start again" not in tab.locator("body").inner_text()
        finally:
            tab.close()
    finally:
        served.close()


def test_a_fork_changes_a_word_of_a_shipped_language(tmp_path):
    project = german_fork(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: de", "language: fr"), encoding="utf-8")
    (project / "messages").mkdir()
    (project / "messages" / "fr.yml").write_text("restart: Tout reprendre\n", encoding="utf-8")
    result = guide("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "interface-untranslated" not in result.stderr
    page = (project / "site" / "guide" / "shop" / "index.html").read_text(encoding="utf-8")
    assert "Tout reprendre" in page and "Recommencer<" not in page and "Pourquoi cette question" in page


def test_a_bad_catalogue_entry_is_an_error_at_its_line(tmp_path):
    project = german_fork(tmp_path)
    (project / "messages").mkdir()
    (project / "messages" / "de.yml").write_text(
        "restart: Neu beginnen\nrestrat: Neu\nback: [Zurück]\njs_question: Frage {number}\n", encoding="utf-8")
    result = guide("check", cwd=project)
    assert result.returncode == 1
    assert "messages/de.yml:2:1: error[messages]: 'restrat' is not a message of the interface" in result.stdout
    assert "did you mean restart" in result.stdout
    assert "messages/de.yml:3:7: error[messages]: back: must be text" in result.stdout
    assert "messages/de.yml:4:14: error[messages]: js_question: the text fills in" in result.stdout
    assert "{n}" in result.stdout
    build = guide("build", cwd=project)
    assert build.returncode == 1 and not (project / "site").exists()


def test_the_fork_catalogue_is_documented():
    rules = (ROOT / "content" / "writing-rules.md").read_text(encoding="utf-8")
    assert "| `interface-untranslated` | warning |" in rules and "| `messages` | error | a fork's" in rules
    fork = (ROOT / "content" / "fork-and-rebrand.md").read_text(encoding="utf-8")
    assert "guide messages de" in fork and "warning[interface-untranslated]" in fork
