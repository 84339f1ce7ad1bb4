"""`guide new tree NAME`: a tree to start from, with the comments a
first-time contributor needs.

Every text is a "TODO:" placeholder that says what to write there, in each of
the guide's languages, and every quote asks for a passage of a real source:
`guide check` fails on each one, at its line, until it is replaced. A scaffold
that passed as written let placeholder text reach readers.
"""
from __future__ import annotations

import datetime
import os
import re
import sys
import time
from pathlib import Path
from typing import Optional

from .check.placeholders import MARKER
from .config import GuideConfig
from .load import load_all
from .load.nodes import ID_PATTERN
from .model import Source, Tree

TEMPLATE = """\
# yaml-language-server: $schema=../generator/schema/rules.schema.json
#
# A decision tree. Every "TODO:" below is a placeholder that says what to
# write there: `guide check` (or `make check`) lists each one with its line
# and column, and fails until all are replaced.
# The page "Writing rules" (content/writing-rules.md) shows every key.

id: {name:<25} # must stay equal to the file's name
title: <<the title readers see at the top of the page>>
profile: {name:<20} # product-shop, high-priced-service, b2b, one-time-purchase, or your own
summary: <<one sentence that tells a reader whether this tree is for them>>
start: first-question         # the node a reader sees first

nodes:

  # A question: the text, why we ask, the passage behind it, and the answers.
  first-question:
    question: <<the question, as you would ask it across the counter>>
    reasoning: <<why this question matters for the verdict, in plain words>>
    citations:
{citation}
    answers:
      - label: <<the first answer, in a few words>>
        id: first-answer      # goes into shared addresses: rename it now, then keep it when the label changes
        next: go-ahead        # the node this answer leads to
        reasoning: <<why this answer points that way>>
        citations:
{citation_in_answer}
      - label: <<the other answer, in a few words>>
        id: other-answer
        next: not-now
        reasoning: <<why this answer points the other way>>
        citations:
{citation_in_answer}

  # An outcome: a one-line verdict, what to do, what to measure, and why.
  go-ahead:
    short_verdict: <<the answer, briefly>>   # one to four words: "Yes", "Yes, with limits"
    verdict: <<the verdict in one sentence: what to do>>
    text: <<two or three sentences a business owner can act on>>
    reasoning: <<why the answers lead here>>
    citations:
{citation}
    next_steps:
      - <<a first concrete step>>
    measure:
      - <<what to count to know it works>>
    existing_accounts: <<for a reader who already posts: which accounts to keep, which to close>>

  not-now:
    short_verdict: <<the answer, briefly>>   # "Not now", "No"
    verdict: <<the verdict in one sentence: what to do instead>>
    text: <<the alternative, so that no is never the whole answer>>
    reasoning: <<why the answers lead here>>
    citations:
{citation}
    next_steps:
      - <<a first concrete step>>
    measure:
      - <<what to count to know it works>>
    existing_accounts: <<for a reader who already posts: which accounts to keep, which to close>>
"""

CITATION = """\
  - source: {source}   # a file in {folder}/ (without .txt)
    quote: "{marker} copy a passage of {file} here, word for word"
    translation: <<translation>>"""

PLACEHOLDER = re.compile(r"^(?P<indent> *)(?P<head>(?:- )?(?:(?P<key>[a-z_]+): )?)<<(?P<what>[^>]+)>>"
                         r"(?P<comment> *#.*)?$", re.M)
"""A line of TEMPLATE whose value is a placeholder: `key: <<what to write>>  # comment`."""

LANGUAGE_NAMES = {"en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
                  "nl": "Dutch", "pt": "Portuguese"}
"""In English, like the placeholders' instructions."""


def _language_name(language: str) -> str:
    return LANGUAGE_NAMES.get(language, repr(language))


def _versions(what: str, key: Optional[str], languages: list[str], source: Source) -> dict[str, str]:
    """The placeholder in each language to write, in the order written."""
    if what == "translation":
        return {lang: f"{MARKER} the quote in {_language_name(lang)}" for lang in languages
                if lang != source.language}
    # The short-verdict check counts words in every language: four at most.
    same = "same, in" if key == "short_verdict" else "the same in"
    return {lang: f"{MARKER} {what}" if lang == languages[0] else f"{MARKER} {same} {_language_name(lang)}"
            for lang in languages}


def _fill(text: str, languages: list[str], source: Source) -> str:
    """Each `<<what>>` as a plain string when the guide has one language, else
    as a `{en: ..., fr: ...}` block, like every tree of a guide in several."""

    def line(match: re.Match) -> str:
        indent, head, comment = match["indent"], match["head"], match["comment"] or ""
        versions = _versions(match["what"], match["key"], languages, source)
        if not versions:  # a translation nobody needs: the source is in the guide's only language
            return "\0"
        if len(languages) == 1:
            return f'{indent}{head}"{versions[languages[0]]}"{comment}'
        inner = " " * (len(indent) + 2 * head.startswith("- ") + 2 * bool(match["key"]))
        items = [f'{inner}{lang}: "{value}"' for lang, value in versions.items()]
        if head.endswith(": "):
            return f"{indent}{head.rstrip()}{comment}\n" + "\n".join(items)
        first = items[0][len(inner):]  # a list item: its first language sits after the dash
        return "\n".join([f"{indent}{head}{first}{comment}", *items[1:]])

    return PLACEHOLDER.sub(line, text).replace("\0\n", "")


def scaffold_text(config: GuideConfig, name: str, source: Source) -> str:
    """The new tree's YAML, placeholders and all."""
    languages = list(dict.fromkeys([config.rules_language, *config.editions]))
    folder = config.sources_dir.rstrip("/")
    citation = CITATION.format(source=source.id, folder=folder, file=source.file, marker=MARKER)
    text = TEMPLATE.format(name=name, citation=_indent(citation, 4), citation_in_answer=_indent(citation, 8))
    text = _fill(text, languages, source)
    # A project made by `guide init` has neither this repository's schema file
    # nor its "Writing rules" page: point at what the installed generator gives.
    if not (config.root / "generator" / "schema" / "rules.schema.json").is_file():
        text = text.replace("# yaml-language-server: $schema=../generator/schema/rules.schema.json\n#\n", "")
    if not (config.root / config.docs_dir / "writing-rules.md").is_file():
        text = text.replace('# The page "Writing rules" (content/writing-rules.md) shows every key.',
                            "# `guide schema` prints every key, with what it takes.")
    return text


def _indent(block: str, spaces: int) -> str:
    return "\n".join(" " * spaces + line for line in block.splitlines())


START_TREE = "start"
"""The tree the home page's "Start the guide" button opens (content/index.md)."""


def next_steps(config: GuideConfig, target: Path, name: str, trees: list[Tree]) -> str:
    """What to do after `guide new tree`, in order. No check fails on a tree
    that no other tree hands over to: only these steps tell how readers reach it."""
    start = next((t for t in trees if t.id == START_TREE), None)
    where = f"in {config.display(config.root / start.file)}" if start else "in the tree readers start from"
    snapshot = config.display(config.root / config.rules_dir / "paths.txt")  # what `guide paths` writes
    return (f"wrote {config.display(target)}. Next:\n"
            f'  1. Replace every "{MARKER}" in it: `guide check` lists each one with its line.\n'
            f"  2. Let readers reach it: {where}, add an answer whose next is a hand-over node:\n"
            f"       to-{name}:\n"
            f"         tree: {name}\n"
            f"  3. Run `guide paths` and commit {snapshot} with the new tree: its diff shows the new paths.")


def new_tree(config: GuideConfig, name: str) -> int:
    if not ID_PATTERN.match(name):
        print(f"error: {name!r} is not a valid id: use lower-case letters, digits and dashes", file=sys.stderr)
        return 1
    target = config.root / config.rules_dir / f"{name}.yml"
    if target.exists():
        print(f"error: {config.display(target)} already exists", file=sys.stderr)
        return 1
    trees, sources = load_all(config)[:2]
    if not sources:
        print(f"error: add a source to {config.sources_dir}/ first: every step cites one", file=sys.stderr)
        return 1
    # The newest source in the rules' language: its quote needs the fewest
    # translations, and its age the fewest caveats (check stale-evidence).
    newest = sorted(sources, key=lambda s: s.published or "", reverse=True)
    source = next((s for s in newest if s.language == config.rules_language), newest[0])
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(scaffold_text(config, name, source), encoding="utf-8")
    print(next_steps(config, target, name, trees), file=sys.stderr)
    return 0


STARTER = Path(__file__).with_name("starter")
"""The project `guide init` writes: shipped in the package (pyproject.toml's
package data), so a generator installed from a wheel needs no file of this
repository."""

RENAMED = {"gitignore": ".gitignore", "pre-commit-config.yaml": ".pre-commit-config.yaml"}
"""Files stored under another name: package data globs skip dot files."""


def init_project(target: Path) -> int:
    """`guide init DIR`: a whole guide (mkdocs.yml, a home page, an example
    source, a tree, a README) that `guide check` passes with nothing to fix."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        print(f"error: {target} is not an empty folder: `guide init` writes a whole project and overwrites "
              "nothing; give it a new or empty folder", file=sys.stderr)
        return 1
    files = sorted(p for p in STARTER.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    if not files:  # pragma: no cover - a broken install
        print(f"error: the starter project is missing from {STARTER}: reinstall the generator", file=sys.stderr)
        return 1
    # The example source is dated the day it is written, so its evidence is
    # never stale (check stale-evidence) in a new project.
    today = datetime.date.fromtimestamp(int(os.environ.get("SOURCE_DATE_EPOCH") or time.time())).isoformat()
    for path in files:
        relative = path.relative_to(STARTER)
        out = target / relative.parent / RENAMED.get(relative.name, relative.name)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(path.read_text(encoding="utf-8").replace("@TODAY@", today), encoding="utf-8")
    print(f"wrote a new guide in {target}: `cd {target}`, then `guide serve` to see it and "
          "`guide check` after each change (see its README.md)", file=sys.stderr)
    return 0
