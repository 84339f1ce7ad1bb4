"""What a pull request needs is a check of `guide check`: the house rules a
guide turns on in mkdocs.yml, and a stale path snapshot (`stale-paths`)."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from conftest import VALID_TREE, write_project
from generator.config import find_config
from generator.pipeline import check_guide

HOUSE_RULES = ("missing-answer-citation", "missing-next-steps", "missing-measure", "missing-existing-accounts")


def _project(tmp_path: Path, checks: str | None) -> Path:
    write_project(tmp_path, {"shop.yml": VALID_TREE})
    plugin = "  - decision-guide\n" if checks is None else \
        "  - decision-guide:\n      checks:\n" + textwrap.indent(textwrap.dedent(checks), " " * 8)
    (tmp_path / "mkdocs.yml").write_text(f"site_name: Test\ndocs_dir: content\nplugins:\n{plugin}",
                                         encoding="utf-8")
    return tmp_path


def _diagnostics(project: Path, snapshot: bool = False):
    cwd = os.getcwd()
    os.chdir(project)  # paths print relative to the working folder
    try:
        return check_guide(find_config(project), snapshot=snapshot)[1]
    finally:
        os.chdir(cwd)


def _guide(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=project,
                          capture_output=True, text=True, timeout=120)


def test_house_rules_are_off_unless_a_guide_turns_them_on(tmp_path):
    # The tiny tree's answers cite nothing and its outcomes have no next steps.
    assert [d.rule for d in _diagnostics(_project(tmp_path, None))] == []


def test_each_house_rule_turned_on_reports_at_its_place(tmp_path):
    project = _project(tmp_path, """\
        missing-answer-citation: error
        missing-next-steps: error
        missing-measure: warning
        """)
    found = [(d.mark.path, d.mark.line, d.mark.column, d.severity, d.rule, d.message, d.hint)
             for d in _diagnostics(project)]
    assert found == [
        ("rules/shop.yml", 11, 9, "error", "missing-answer-citation", "answer 'Yes' of 'q' cites no source",
         "add 'citations:' under the answer: the passage that makes this answer lead where it leads, "
         "with its source id"),
        ("rules/shop.yml", 14, 9, "error", "missing-answer-citation", "answer 'No' of 'q' cites no source",
         "add 'citations:' under the answer: the passage that makes this answer lead where it leads, "
         "with its source id"),
        ("rules/shop.yml", 17, 3, "warning", "missing-measure", "outcome 'good' says nothing to measure",
         "add 'measure:' with what to count to know the advice works"),
        ("rules/shop.yml", 17, 3, "error", "missing-next-steps", "outcome 'good' has no next steps",
         "add 'next_steps:' with one to three things the reader can do this week"),
        ("rules/shop.yml", 22, 3, "warning", "missing-measure", "outcome 'bad' says nothing to measure",
         "add 'measure:' with what to count to know the advice works"),
        ("rules/shop.yml", 22, 3, "error", "missing-next-steps", "outcome 'bad' has no next steps",
         "add 'next_steps:' with one to three things the reader can do this week"),
    ]


def test_a_bare_off_turns_a_check_off_although_yaml_reads_it_as_false(tmp_path):
    project = _project(tmp_path, "missing-measure: error\nshort-quote: off\n")
    tree = VALID_TREE.replace("media works when your buyers are already there.", "")
    tree = tree.replace("short_verdict", "measure: [Sales]\n    short_verdict")
    write_project(tmp_path, {"shop.yml": tree})
    assert [d.rule for d in _diagnostics(project)] == []


def test_a_house_rule_is_a_failing_check_on_the_command_line(tmp_path):
    project = _project(tmp_path, "missing-next-steps: error\n")
    result = _guide(project, "check")
    assert result.returncode == 1
    assert "rules/shop.yml:17:3: error[missing-next-steps]: outcome 'good' has no next steps" in result.stdout
    assert "2 error(s), 0 warning(s)" in result.stderr


@pytest.mark.parametrize("line, message, hint", [
    ("missing-mesure: error", "there is no check 'missing-mesure'", "did you mean 'missing-measure'?"),
    ("quote-not-in-source: off", "the check 'quote-not-in-source' cannot be switched",
     "it keeps the guide true (a quote in its source, a link that leads somewhere), so it always runs; "
     "remove this line"),
    ("missing-measure: sometimes", "decision-guide.checks.missing-measure must be error, warning or off, "
                                   "not 'sometimes'", "for example: missing-measure: error"),
])
def test_a_wrong_checks_option_is_placed_in_mkdocs_yml(tmp_path, line, message, hint):
    project = _project(tmp_path, line + "\n")
    found = [(d.mark.path, d.mark.line, d.rule, d.message, d.hint) for d in _diagnostics(project)]
    assert found[0] == ("mkdocs.yml", 6, "plugin-option", message, hint)


def test_checks_must_be_a_mapping(tmp_path):
    project = _project(tmp_path, None)
    (project / "mkdocs.yml").write_text("site_name: T\ndocs_dir: content\nplugins:\n"
                                        "  - decision-guide:\n      checks: [missing-measure]\n", encoding="utf-8")
    found = [(d.mark.line, d.rule, d.message) for d in _diagnostics(project)]
    assert found == [(5, "plugin-option", "decision-guide.checks must be check: level lines")]


def test_this_guide_turns_every_house_rule_on():
    from conftest import ROOT
    from generator.config import read_mkdocs_yml, plugin_options

    assert {k: v for k, v in plugin_options(read_mkdocs_yml(ROOT / "mkdocs.yml"))["checks"].items()
            if k in HOUSE_RULES} == dict.fromkeys(HOUSE_RULES, "error")


# --- stale-paths ------------------------------------------------------------

def test_a_stale_path_snapshot_fails_guide_check_with_what_changed(tmp_path):
    project = _project(tmp_path, None)
    assert _guide(project, "paths").returncode == 0
    assert _guide(project, "check").returncode == 0
    tree = (project / "rules" / "shop.yml").read_text(encoding="utf-8")
    (project / "rules" / "shop.yml").write_text(tree.replace("answers:\n", "answers:\n      - {label: Maybe, next: good}\n"),
                                              encoding="utf-8")
    result = _guide(project, "check")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "rules/paths.txt:7:1: error[stale-paths]: rules/paths.txt is out of date: "
        "1 path not in it (first new: q:maybe ⇒ good)")
    assert ("= hint: run `guide paths` (`make paths` in this repository) and commit rules/paths.txt: "
            "its diff shows reviewers which answers now lead elsewhere") in result.stdout
    # The same answer from `guide paths --check`, the pre-commit hook's.
    again = _guide(project, "paths", "--check")
    assert again.returncode == 1 and "error[stale-paths]" in again.stdout
    assert _guide(project, "paths").returncode == 0
    assert _guide(project, "check").returncode == 0


def test_a_guide_without_a_snapshot_is_not_asked_for_one(tmp_path):
    project = _project(tmp_path, None)
    assert _guide(project, "check").returncode == 0
    result = _guide(project, "paths", "--check")
    assert result.returncode == 1 and "rules/paths.txt does not exist: run `guide paths`" in result.stderr


def test_the_snapshot_is_not_compared_while_a_tree_has_errors(tmp_path):
    # A broken tree's paths mean nothing: its own error is the one to fix.
    project = _project(tmp_path, None)
    _guide(project, "paths")
    tree = (project / "rules" / "shop.yml").read_text(encoding="utf-8")
    (project / "rules" / "shop.yml").write_text(tree.replace("next: bad", "next: baad"), encoding="utf-8")
    assert "stale-paths" not in [d.rule for d in _diagnostics(project, snapshot=True)]


def test_a_build_does_not_compare_the_snapshot(tmp_path):
    # The preview keeps reloading while routing is edited; `guide check` and CI catch it.
    project = _project(tmp_path, None)
    _guide(project, "paths")
    (project / "rules" / "paths.txt").write_text("stale\n", encoding="utf-8")
    assert _diagnostics(project) == []
    assert [d.rule for d in _diagnostics(project, snapshot=True)] == ["stale-paths"]


def test_existing_accounts_house_rule(tmp_path):
    project = _project(tmp_path, "missing-existing-accounts: error\n")
    found = [(d.mark.line, d.rule, d.message, d.hint) for d in _diagnostics(project)]
    assert found[0] == (17, "missing-existing-accounts", "outcome 'good' says nothing to a reader who already has "
                        "accounts", "add 'existing_accounts:' saying which accounts to keep and which to close")
    assert len(found) == 2


@pytest.mark.parametrize("command", [("check",), ("paths",), ("build",), ("new", "tree", "salons")])
def test_a_broken_mkdocs_yml_is_a_placed_error_not_a_traceback(tmp_path, command):
    project = _project(tmp_path, None)
    (project / "mkdocs.yml").write_text("site_name: Test\ntheme: [material\nplugins:\n  - decision-guide\n",
                                        encoding="utf-8")
    result = _guide(project, *command)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.splitlines()[0].startswith("mkdocs.yml:3:8: error[yaml-syntax]: mkdocs.yml is not valid "
                                                    "YAML: ")
    assert "begun on line 2" in result.stdout.splitlines()[0]
