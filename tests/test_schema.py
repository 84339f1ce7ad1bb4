"""The shipped JSON Schema agrees with the loader."""
from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from conftest import FIXTURES, ROOT, VALID_TREE, problems
from generator.schema import SCHEMA_FILE, rules_schema

VALIDATOR = jsonschema.Draft7Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def test_shipped_schema_is_up_to_date():
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == rules_schema(), (
        "regenerate it: guide schema > generator/schema/rules.schema.json")


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*/rules/*.yml")) + sorted((ROOT / "rules").glob("*.yml")),
                         ids=lambda p: p.name)
def test_every_accepted_rules_file_validates(path):
    VALIDATOR.validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def test_every_rules_file_points_editors_at_the_schema():
    for path in (ROOT / "rules").glob("*.yml"):
        assert path.read_text(encoding="utf-8").startswith(
            "# yaml-language-server: $schema=../generator/schema/rules.schema.json\n"), path


MISTAKES = {
    "unknown key": VALID_TREE.replace("        next: good\n", "        nxt: good\n        next: good\n"),
    "missing key": VALID_TREE.replace("start: q\n", ""),
    "wrong type": VALID_TREE.replace("title: Shop", "title: [a, b]"),
    "boolean label": VALID_TREE.replace('label: "No"', "label: no"),
    "number title": VALID_TREE.replace("title: Shop", "title: 2020"),
    "bad id": VALID_TREE.replace("  bad:\n", "  Bad Node:\n"),
    "node of no kind": VALID_TREE.replace("    verdict: Stay\n", "    verdikt: Stay\n"),
    "two kinds": VALID_TREE.replace("    verdict: Stay\n", "    verdict: Stay\n    question: Why?\n"),
    "empty text": VALID_TREE.replace("title: Shop", 'title: "  "'),
    "citation without quote": VALID_TREE.replace(', quote: "Selling on social media works when your buyers '
                                                 'are already there."', "", 1),
    "not a mapping": "- a\n- b\n",
}


@pytest.mark.parametrize("name", MISTAKES)
def test_schema_level_mistakes_are_rejected_by_both(tmp_path, name):
    text = MISTAKES[name]
    assert problems(tmp_path, {"shop.yml": text}, severity="error"), "the loader accepted it"
    assert list(VALIDATOR.iter_errors(yaml.safe_load(text))), "the schema accepted it"


def test_text_in_several_languages_validates():
    text = VALID_TREE.replace("question: Are your buyers there?",
                              'question: {en: "Are your buyers there?", fr: "Vos acheteurs y sont-ils ?"}')
    VALIDATOR.validate(yaml.safe_load(text))
    bad = VALID_TREE.replace("question: Are your buyers there?", 'question: {english: "Buyers?"}')
    assert list(VALIDATOR.iter_errors(yaml.safe_load(bad)))
