"""`guide new tree NAME`: a valid tree to start from, with the comments a
first-time contributor needs.

The scaffold quotes a real sentence of a real source so that it passes
`guide check` as written: a contributor starts from green and changes one
thing at a time.
"""
from __future__ import annotations

import datetime
import os
import re
import sys
import time
from pathlib import Path

from .config import GuideConfig
from .load import load_all
from .load.nodes import ID_PATTERN

TEMPLATE = """\
# yaml-language-server: $schema=../generator/schema/rules.schema.json
#
# A decision tree. Edit it, then run `guide check` (or `make check`): every
# mistake is reported with its line and column and how to fix it.
# The page "Writing rules" (content/writing-rules.md) shows every key.

id: {name}                    # must stay equal to the file's name
title: {title}
profile: {name}               # product-shop, high-priced-service, b2b, one-time-purchase, or your own
summary: One sentence that tells a reader whether this tree is for them.
start: first-question         # the node a reader sees first

nodes:

  # A question: the text, why we ask, the passage behind it, and the answers.
  first-question:
    question: What is the one thing you want to know first?
    reasoning: >-
      Say in plain words why this question matters for the verdict.
    citations:
      - source: {source}      # a file in content/sources/ (without .txt)
        quote: "{quote}"      # copied from the source, word for word
{translation}
    answers:
      - label: "Yes"          # quote yes/no/on/off: YAML reads them as true/false
        next: go-ahead        # the node this answer leads to
        reasoning: Why this answer points that way.
      - label: "Not yet"
        next: not-now
        reasoning: Why this answer points the other way.

  # An outcome: a one-line verdict, what to do, what to measure, and why.
  go-ahead:
    short_verdict: "Yes"      # the answer at a glance: one to four words
    verdict: "Yes: say what to do, in one sentence."
    text: Two or three sentences a business owner can act on.
    reasoning: Why the answers lead here.
    citations:
      - source: {source}
        quote: "{quote}"
{translation}
    next_steps:
      - A first concrete step.
    measure:
      - What to count to know it works.

  not-now:
    short_verdict: Not now
    verdict: "Not now: say what to do instead."
    text: The alternative, so that "no" is never the whole answer.
    reasoning: Why the answers lead here.
    citations:
      - source: {source}
        quote: "{quote}"
{translation}
    next_steps:
      - A first concrete step.
    measure:
      - What to count to know it works.
"""


def _first_sentence(text: str) -> str:
    for sentence in re.split(r"(?<=[.!?])\s+", " ".join(text.split())):
        if 40 <= len(sentence) <= 200 and '"' not in sentence and "\\" not in sentence:
            return sentence
    return " ".join(text.split())[:80]


def new_tree(config: GuideConfig, name: str) -> int:
    if not ID_PATTERN.match(name):
        print(f"error: {name!r} is not a valid id: use lower-case letters, digits and dashes", file=sys.stderr)
        return 1
    target = config.root / config.rules_dir / f"{name}.yml"
    if target.exists():
        print(f"error: {config.display(target)} already exists", file=sys.stderr)
        return 1
    _, sources, _, _ = load_all(config)
    if not sources:
        print(f"error: add a source to {config.sources_dir}/ first: every step cites one", file=sys.stderr)
        return 1
    source = next((s for s in sources if s.language == config.language), sources[0])
    translation = ""
    if source.language != config.language:
        translation = (f'        translation: "Write the quote in {config.language} here."'
                       "   # the guide's language differs from the source's")
    title = name.replace("-", " ").capitalize()
    text = TEMPLATE.format(name=name, title=title, source=source.id, quote=_first_sentence(source.text),
                           translation=translation)
    text = re.sub(r"\n\n(?=    answers:|    next_steps:)", "\n", text)  # an empty translation line
    # A project made by `guide init` has neither this repository's schema file
    # nor its "Writing rules" page: point at what the installed generator gives.
    if not (config.root / "generator" / "schema" / "rules.schema.json").is_file():
        text = text.replace("# yaml-language-server: $schema=../generator/schema/rules.schema.json\n#\n", "")
    if not (config.root / config.docs_dir / "writing-rules.md").is_file():
        text = text.replace('# The page "Writing rules" (content/writing-rules.md) shows every key.',
                            "# `guide schema` prints every key, with what it takes.")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {config.display(target)}: edit it, then run `guide check`", file=sys.stderr)
    return 0


STARTER = Path(__file__).with_name("starter")
"""The project `guide init` writes: shipped in the package (pyproject.toml's
package data), so a generator installed from a wheel needs no file of this
repository."""

RENAMED = {"gitignore": ".gitignore"}
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
