"""`guide new tree NAME` and the `placeholder` check: what a first-time
contributor sees between writing a new tree and a green `guide check`."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from conftest import FIXTURES, ROOT, SOURCE_EN, VALID_TREE, diagnostics_of
from generator.config import GuideConfig
from generator.scaffold import new_tree
from test_build import guide

PLACEHOLDER = re.compile(r'(?<=: |- )"TODO:[^"]*"')
"""A placeholder as the scaffold writes it: a double-quoted value (comments mention "TODO:" too)."""
QUOTE = re.compile(r'"TODO: copy a passage of (?P<file>[^"]+) here, word for word"')


def repository_copy(tmp_path: Path) -> Path:
    """The guide of this repository, in two languages, with its schema beside the rules."""
    project = tmp_path / "project"
    project.mkdir()
    for folder in ("rules", "content", "generator/schema"):
        shutil.copytree(ROOT / folder, project / folder)
    shutil.copy(ROOT / "mkdocs.yml", project)
    return project


def errors_in(output: str, file: str) -> list[tuple[int, int, str]]:
    """(line, column, rule) of each error `guide check` printed for a file."""
    return [(int(m[1]), int(m[2]), m[3])
            for m in re.finditer(rf"^{re.escape(file)}:(\d+):(\d+): error\[([a-z-]+)\]", output, re.M)]


def placeholder_places(text: str) -> list[tuple[int, int]]:
    """Line and column of each placeholder value in a file, as diagnostics count them."""
    return [(number, match.start() + 1) for number, line in enumerate(text.splitlines(), 1)
            for match in PLACEHOLDER.finditer(line)]


def passage(source: Path) -> str:
    """A sentence of a source, verbatim: what a contributor pastes as the quote."""
    body = source.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    return next(line.strip() for line in body.splitlines()
                if 40 <= len(line.strip()) <= 300 and '"' not in line and "\\" not in line)


def replace_placeholders(project: Path, text: str) -> str:
    """Every placeholder replaced as a contributor would: real words, real quotes."""
    text = QUOTE.sub(lambda m: f'"{passage(project / m["file"])}"', text)
    # One quote has one translation wherever it is cited (inconsistent-translation).
    text = re.sub(r'"TODO: the quote in \w+"', '"The passage, translated."', text)
    numbers = iter(range(1, 1000))
    # Short, distinct texts: a short verdict has at most four words, and labels make answer ids.
    return PLACEHOLDER.sub(lambda m: f'"Written text {next(numbers)}"', text)


def test_a_new_tree_says_what_comes_next(tmp_path):
    project = repository_copy(tmp_path)
    result = guide("new", "tree", "restaurants", cwd=project)
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "wrote rules/restaurants.yml. Next:\n"
        '  1. Replace every "TODO:" in it: `guide check` lists each one with its line.\n'
        "  2. Let readers reach it: in rules/start.yml, add an answer whose next is a hand-over node:\n"
        "       to-restaurants:\n"
        "         tree: restaurants\n"
        "  3. Run `guide paths` and commit rules/paths.txt with the new tree: its diff shows the new paths.\n")


def test_check_fails_at_each_placeholder_until_all_are_replaced(tmp_path):
    project = repository_copy(tmp_path)
    assert guide("new", "tree", "restaurants", cwd=project).returncode == 0
    written = project / "rules" / "restaurants.yml"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../generator/schema/rules.schema.json\n")
    assert "content/writing-rules.md" in text and "# must stay equal to the file's name" in text
    data = yaml.safe_load(text)
    question = data["nodes"]["first-question"]
    # The guide is built in English and French: every text has both.
    assert question["question"] == {"en": "TODO: the question, as you would ask it across the counter",
                                    "fr": "TODO: the same in French"}
    assert set(data["title"]) == set(data["summary"]) == {"en", "fr"}
    for answer in question["answers"]:
        assert set(answer["label"]) == {"en", "fr"}
        [citation] = answer["citations"]
        assert (project / "content" / "sources" / f"{citation['source']}.txt").is_file()
        assert citation["quote"].startswith("TODO: copy a passage of content/sources/")
    for outcome in (data["nodes"]["go-ahead"], data["nodes"]["not-now"]):
        assert outcome["citations"] and outcome["next_steps"] and outcome["measure"]
        assert set(outcome["short_verdict"]) == {"en", "fr"}
    # The source is in English: its quote needs a French translation only.
    assert question["citations"][0]["translation"] == {"fr": "TODO: the quote in French"}

    check = guide("check", cwd=project)
    assert check.returncode == 1
    errors = errors_in(check.stdout, "rules/restaurants.yml")
    places = placeholder_places(text)
    assert len(places) == 54  # one per placeholder line of the scaffold
    # One error per placeholder, at its place: a quote's from quote-not-in-source.
    assert sorted((line, column) for line, column, _ in errors) == places
    quotes = [(n, m.start() + 1) for n, line in enumerate(text.splitlines(), 1) for m in QUOTE.finditer(line)]
    assert len(quotes) == 5
    assert sorted((line, column) for line, column, rule in errors if rule == "quote-not-in-source") == quotes
    assert {rule for _, _, rule in errors} == {"placeholder", "quote-not-in-source"}
    assert ('rules/restaurants.yml:24:11: error[placeholder]: this \'fr\' text is a placeholder left by '
            '`guide new tree`: "TODO: the same in French"') in check.stdout
    assert "= hint: write in its place: the question, as you would ask it across the counter" in check.stdout

    written.write_text(replace_placeholders(project, text), encoding="utf-8")
    check = guide("check", cwd=project)
    assert errors_in(check.stdout, "rules/restaurants.yml") == [], check.stdout
    # Step 3 of what `guide new tree` printed; then the guide is green.
    assert guide("paths", cwd=project).returncode == 0
    assert "\n## restaurants (2 paths)\n" in (project / "rules" / "paths.txt").read_text(encoding="utf-8")
    check = guide("check", cwd=project)
    assert check.returncode == 0, check.stdout


def test_a_guide_in_one_language_gets_plain_strings(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "mini", project)
    result = guide("new", "tree", "restaurants", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "in rules/start.yml, add an answer" in result.stderr
    text = (project / "rules" / "restaurants.yml").read_text(encoding="utf-8")
    # Outside this repository (a fork's copy, a `guide init` project) there is
    # no schema file at ../generator/schema/: the comment names `guide schema`.
    assert "$schema=" not in text and "`guide schema` prints every key" in text
    data = yaml.safe_load(text)
    assert data["nodes"]["first-question"]["question"] == "TODO: the question, as you would ask it across the counter"
    # The newest source in the guide's language: its quote needs no translation.
    assert data["nodes"]["go-ahead"]["citations"] == [
        {"source": "plain-talk", "quote": "TODO: copy a passage of content/sources/plain-talk.txt here, word for word"}]
    assert "fr:" not in text and "translation" not in text
    check = guide("check", cwd=project)
    assert check.returncode == 1
    errors = errors_in(check.stdout, "rules/restaurants.yml")
    assert sorted((line, column) for line, column, _ in errors) == placeholder_places(text)
    (project / "rules" / "restaurants.yml").write_text(replace_placeholders(project, text), encoding="utf-8")
    check = guide("check", cwd=project)
    assert errors_in(check.stdout, "rules/restaurants.yml") == [], check.stdout


def test_a_bad_name_or_an_existing_tree_is_refused(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "mini", project)
    bad = guide("new", "tree", "Bad Name", cwd=project)
    assert bad.returncode == 1 and "'Bad Name' is not a valid id" in bad.stderr
    assert sorted(p.name for p in (project / "rules").iterdir()) == ["shop.yml", "start.yml"]
    before = (project / "rules" / "shop.yml").read_text(encoding="utf-8")
    again = guide("new", "tree", "shop", cwd=project)
    assert again.returncode == 1 and "rules/shop.yml already exists" in again.stderr
    assert (project / "rules" / "shop.yml").read_text(encoding="utf-8") == before


def test_without_a_start_tree_the_next_steps_say_where_readers_start(tmp_path, monkeypatch, capsys):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "shop.yml").write_text(VALID_TREE, encoding="utf-8")
    (tmp_path / "content" / "sources").mkdir(parents=True)
    (tmp_path / "content" / "sources" / "plain-talk.txt").write_text(SOURCE_EN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert new_tree(GuideConfig(root=tmp_path), "cafes") == 0
    assert "2. Let readers reach it: in the tree readers start from, add an answer" in capsys.readouterr().err


# --- the `placeholder` check ----------------------------------------------

def placeholders(tmp_path: Path, tree: str) -> list[tuple[int, int, str, str | None]]:
    return [(d.mark.line, d.mark.column, d.message, d.hint) for d in diagnostics_of(tmp_path, {"shop.yml": tree})
            if d.rule == "placeholder"]


def test_a_placeholder_is_reported_where_it_is_written(tmp_path):
    tree = VALID_TREE.replace("question: Are your buyers there?", 'question: "TODO: the question"')
    assert placeholders(tmp_path, tree) == [
        (7, 15, 'this is a placeholder left by `guide new tree`: "TODO: the question"',
         "write in its place: the question")]


def test_a_placeholder_translation_is_reported_at_its_own_place(tmp_path):
    tree = (VALID_TREE.replace("verdict: Go", 'verdict: {en: Go, fr: "TODO: the same in French"}')
            .replace("reasoning: Good.", "reasoning:\n          en: Good.\n          fr: 'TODO:'"))
    assert placeholders(tmp_path, tree) == [
        (15, 15, "this 'fr' text is a placeholder left by `guide new tree`: \"TODO:\"",
         "write in its place the text a reader should see here"),
        (20, 27, "this 'fr' text is a placeholder left by `guide new tree`: \"TODO: the same in French\"",
         "write in its place: the same in French")]


def test_a_placeholder_quote_is_left_to_quote_not_in_source_but_not_its_translation(tmp_path):
    cite = ('[{source: plain-talk, quote: "TODO: copy a passage here",\n'
            '                 translation: {fr: "TODO: the quote in French"}}]')
    tree = VALID_TREE.replace('citations: [{source: plain-talk, quote: "Selling on social media works when your '
                              'buyers are already there."}]', f"citations: {cite}", 1)
    found = [(d.mark.line, d.mark.column, d.rule) for d in diagnostics_of(tmp_path, {"shop.yml": tree})
             if d.severity == "error"]
    assert found == [(9, 45, "quote-not-in-source"), (10, 36, "placeholder")]


def test_text_that_merely_mentions_todo_is_not_a_placeholder(tmp_path):
    tree = (VALID_TREE.replace("reasoning: Because.", "reasoning: TODO lists help a shop owner plan the week.", 1)
            .replace("reasoning: Good.", "reasoning: 'To do: post once a week.'"))
    assert placeholders(tmp_path, tree) == []
