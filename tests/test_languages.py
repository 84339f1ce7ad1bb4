"""English and French: the message catalogue, rules text in two languages, one build per edition."""
from __future__ import annotations

import shutil

import yaml

from conftest import FIXTURES, VALID_TREE, diagnostics_of
from generator.config import GuideConfig
from generator.messages import FOLDER, available
from test_build import guide

TWO_LANGUAGES = """\
plugins:
  - search
  - decision-guide:
      languages: [en, fr]
"""


def test_every_catalogue_has_every_message():
    english = set(yaml.safe_load((FOLDER / "en.yml").read_text(encoding="utf-8")))
    assert "fr" in available()
    for language in available():
        keys = set(yaml.safe_load((FOLDER / f"{language}.yml").read_text(encoding="utf-8")))
        assert keys == english, language


def test_text_in_two_languages_loads(tmp_path):
    text = VALID_TREE.replace("question: Are your buyers there?",
                              "question: {en: Are your buyers there?, fr: Vos acheteurs y sont-ils ?}")
    assert diagnostics_of(tmp_path, {"shop.yml": text}) == []


def test_a_language_map_needs_the_rules_language_and_real_codes(tmp_path):
    text = VALID_TREE.replace("question: Are your buyers there?", "question: {fr: Vos acheteurs y sont-ils ?}")
    [d] = diagnostics_of(tmp_path, {"shop.yml": text})
    assert (d.rule, d.mark.line) == ("missing-main-language", 7)
    text = VALID_TREE.replace("question: Are your buyers there?", "question: {en: Buyers?, french: Acheteurs ?}")
    [d] = diagnostics_of(tmp_path, {"shop.yml": text})
    assert (d.rule, d.mark.line, d.mark.column) == ("bad-language", 7, 29)


def test_check_reports_untranslated_text_per_node(tmp_path):
    from conftest import write_project
    from generator.pipeline import check_guide

    config = write_project(tmp_path, {"shop.yml": VALID_TREE})
    config = GuideConfig(root=config.root, editions=("en", "fr"))
    _, diagnostics = check_guide(config)
    rules = sorted({(d.rule, d.severity) for d in diagnostics})
    assert rules == [("untranslated", "warning"), ("untranslated-quote", "warning")]
    assert any("node 'q' have no 'fr' version" in d.message for d in diagnostics)


def _bilingual_fork(tmp_path):
    project = tmp_path / "fork"
    shutil.copytree(FIXTURES / "mini", project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("plugins:\n  - search\n  - decision-guide\n", TWO_LANGUAGES), encoding="utf-8")
    shop = project / "rules" / "shop.yml"
    shop.write_text(shop.read_text(encoding="utf-8").replace(
        "question: Are your buyers on social media?",
        "question:\n      en: Are your buyers on social media?\n      fr: Vos acheteurs sont-ils sur les réseaux ?"),
        encoding="utf-8")
    (project / "content" / "index.fr.md").write_text("# Guide miniature\n\n[Commencer](guide/start.md)\n",
                                                    encoding="utf-8")
    return project


def test_one_build_per_edition_with_a_switcher(tmp_path):
    project = _bilingual_fork(tmp_path)
    result = guide("build", cwd=project)
    assert result.returncode == 0, result.stderr
    english = (project / "site" / "guide" / "shop" / "index.html").read_text(encoding="utf-8")
    french = (project / "site" / "fr" / "guide" / "shop" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english and '<html lang="fr"' in french
    assert "Are your buyers on social media?" in english and "Why we ask" in english
    # French typography: a no-break space before '?', so it never starts a line.
    assert "Vos acheteurs sont-ils sur les réseaux\u202f?" in french and "Pourquoi cette question" in french
    # French quotes stand alone in the French edition; the English edition translates them.
    assert "For most businesses, Twitter is ridiculously inefficient" in english
    assert "For most businesses, Twitter is ridiculously inefficient" not in french
    assert 'hreflang="fr"' in english and 'hreflang="en"' in french
    assert (project / "site" / "guide.json").is_file() and (project / "site" / "fr" / "guide.json").is_file()
    # index.fr.md is the French edition's home page, and no page of the English one.
    assert "Guide miniature" in (project / "site" / "fr" / "index.html").read_text(encoding="utf-8")
    assert "Guide miniature" not in (project / "site" / "index.html").read_text(encoding="utf-8")
    assert not (project / "site" / "index.fr" ).exists()


def test_a_fork_switched_to_french_in_mkdocs_yml_alone(tmp_path):
    project = tmp_path / "fork"
    shutil.copytree(FIXTURES / "mini", project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: en", "language: fr"), encoding="utf-8")
    result = guide("build", cwd=project)
    assert result.returncode == 0, result.stderr
    page = (project / "site" / "guide" / "shop" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in page
    assert "Pourquoi cette question" in page and "Cette semaine" in page and "Recommencer" in page
    assert "Modifier" in page  # the script's strings come from the French catalogue too
    assert not (project / "site" / "fr").exists()  # one language, one build


def test_an_english_quote_needs_only_a_french_translation(tmp_path):
    from conftest import write_project
    from generator.pipeline import check_guide

    tree = VALID_TREE.replace(
        "citations: [{source: plain-talk, quote: \"Selling on social media works when your buyers are already there.\"}]",
        "citations: [{source: plain-talk, quote: \"Selling on social media works when your buyers are already there.\", "
        "translation: {fr: \"Vendre sur les réseaux marche quand vos acheteurs y sont déjà.\"}}]")
    config = write_project(tmp_path, {"shop.yml": tree})
    _, diagnostics = check_guide(GuideConfig(root=config.root, editions=("en", "fr")))
    assert "untranslated-quote" not in {d.rule for d in diagnostics}


def test_french_typography_keeps_punctuation_with_its_word():
    from generator.localise import french_spacing

    assert french_spacing("Vous vendez : oui ? « non » ! a ; b") == (
        "Vous vendez\u00a0: oui\u202f? «\u00a0non\u00a0»\u202f! a\u202f; b")
    assert french_spacing("https://example.org:8080/a?b=c") == "https://example.org:8080/a?b=c"
