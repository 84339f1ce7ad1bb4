"""CONTRIBUTING.md, followed to the letter: every example in it is executed.

A first-time contributor once applied the page's own example verbatim, saw
`guide check` pass, and then failed `make test` three times. So the page's
examples are run here, in a copy of the repository, as the page tells a
contributor to run them, and the tests a content change can break are run
on the result.

The page stays readable on GitHub: what to do with a block is said in an
HTML comment just before it, which GitHub does not show:

    <!-- test: insert into rules/X.yml before "LINE" -->   the yaml block goes in front of
                                                          LINE (a JSON string; \\n for a
                                                          line break), and before the blank
                                                          lines that precede it
    <!-- test: append to rules/X.yml -->                  the yaml block goes at the end
    <!-- test: write rules/X.yml -->                      the yaml block is the whole file
    <!-- test: run -->                                    each command of the sh block is run
    <!-- test: mistakes                                   a fresh copy of the guide, with
    - {file: ..., find: ..., replace: ...}                these replacements (each `find`
    -->                                                   once, its first occurrence)

and a `text` block whose first line is `$ .venv/bin/guide ...` is the output
of that command: it is run in the current copy and must print the block's
other lines (line and column numbers aside: they move with every edit of the
rules, and the page's point is the messages).
"""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

DOC = ROOT / "CONTRIBUTING.md"
BLOCK = re.compile(r"(?:^<!-- test: (?P<directive>(?:(?!-->).)*)-->\n)?^(?P<indent> *)```(?P<lang>\w*)\n"
                   r"(?P<body>.*?)^(?P=indent)```$", re.S | re.M)
INSERT = re.compile(r'insert into (?P<file>\S+) before (?P<anchor>".*")\s*$', re.S)
APPEND = re.compile(r"append to (?P<file>\S+)\s*$")
WRITE = re.compile(r"write (?P<file>\S+)\s*$")
# What the copied tests read besides themselves: the guide, and the
# pyproject.toml that makes the copy pytest's root.
COPIED = ("rules", "content", "mkdocs.yml", "pyproject.toml", "tests")
CONTENT_TESTS = ("test_flow_*.py", "test_guide_content.py", "test_paths.py", "test_plain_words.py",
                 "test_schema.py")
"""The tests a change to rules/ can break, run on the copy once the examples are applied."""
ALLOWED_PROGRAMS = {"sudo", "git", "cd", "python3", "pip", "pre-commit"}
"""Commands the page may show besides `make TARGET` and `guide SUBCOMMAND`."""


@dataclass
class Block:
    directive: str
    lang: str
    body: str
    line: int


def blocks() -> list[Block]:
    text = DOC.read_text(encoding="utf-8")
    # A block in a list item is indented with it: the text is what is inside.
    return [Block((m["directive"] or "").strip(), m["lang"],
                  "".join(line[len(m["indent"]):] for line in m["body"].splitlines(keepends=True)),
                  text.count("\n", 0, m.start("indent")) + 1)
            for m in BLOCK.finditer(text)]


def copy_guide(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / name)
    # The generator itself, as it is: `guide new tree` writes the schema line
    # only where generator/schema/ is, as in a clone.
    (target / "generator").symlink_to(ROOT / "generator", target_is_directory=True)
    return target


def guide(project: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=project, capture_output=True,
                          text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=120)


def as_guide_args(command: str) -> list[str] | None:
    """`make check`, `.venv/bin/guide check` → ["check"]; None for anything else."""
    words = shlex.split(command.split(" #")[0])
    if words[:1] == ["make"] and len(words) == 2 and words[1] in ("check", "paths"):
        return [words[1]]
    if words[:1] in (["guide"], [".venv/bin/guide"]):
        return words[1:]
    return None


def normalised(output: str) -> list[str]:
    """Lines without their positions: file:LINE:COLUMN, and the gutter's line numbers."""
    lines = []
    for line in output.strip("\n").splitlines():
        line = re.sub(r"^(\S+?):\d+:\d+: ", r"\1:L:C: ", line)
        line = re.sub(r"^ *\d* \|", "|", line)
        lines.append(line.strip())
    return lines


def printed(result: subprocess.CompletedProcess) -> str:
    # As a terminal shows it: the diagnostics (stdout), then the count (stderr).
    return result.stdout + result.stderr


def insert(path: Path, anchor: str, block: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(anchor) == 1, f"{path.name}: the page's anchor {anchor!r} is not in it exactly once"
    at = text.index(anchor)
    assert at == 0 or text[at - 1] == "\n", f"{anchor!r} must start a line"
    while text[at - 2:at] == "\n\n":  # before the blank lines that end the node above
        at -= 1
    path.write_text(text[:at] + block + text[at:], encoding="utf-8")


def append(path: Path, block: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\n\n" + block, encoding="utf-8")


def apply_mistakes(project: Path, mistakes: list[dict]) -> None:
    for mistake in mistakes:
        path = project / mistake["file"]
        text = path.read_text(encoding="utf-8")
        assert mistake["find"] in text, f"{mistake['file']} no longer contains {mistake['find']!r}"
        path.write_text(text.replace(mistake["find"], mistake["replace"], 1), encoding="utf-8")


REFRESH = """\
CONTRIBUTING.md line {line}: `{command}` no longer prints what the page shows.
If the change is meant (a message was reworded), paste this in place of the block's output:

{actual}"""


def compare_output(project: Path, block: Block) -> None:
    first, _, expected = block.body.partition("\n")
    command = first[2:]
    args = as_guide_args(command)
    assert args is not None, f"CONTRIBUTING.md line {block.line}: {command!r} is not a guide command"
    result = guide(project, *args)
    assert normalised(printed(result)) == normalised(expected), REFRESH.format(
        line=block.line, command=command, actual=printed(result))


def run_commands(project: Path, block: Block) -> None:
    commands = [c for c in block.body.splitlines() if c.strip() and not c.startswith("#")]
    for number, command in enumerate(commands):
        args = as_guide_args(command)
        assert args is not None, f"CONTRIBUTING.md line {block.line}: cannot run {command!r} here"
        result = guide(project, *args)
        later = [as_guide_args(c) for c in commands[number + 1:]]
        if result.returncode and args == ["check"] and ["paths"] in later:
            # The page says so: a routing change makes the snapshot stale until `make paths`.
            errors = re.findall(r"error\[([\w-]+)\]", result.stdout)
            assert set(errors) == {"stale-paths"}, printed(result)
            continue
        assert result.returncode == 0, f"CONTRIBUTING.md line {block.line}: `{command}` failed:\n{printed(result)}"
        if args == ["check"]:
            assert result.stdout == "" and result.stderr.strip() == "0 error(s), 0 warning(s)", printed(result)


@pytest.fixture(scope="module")
def followed(tmp_path_factory) -> dict[str, Path]:
    """The page, done: the copy its examples were applied to, and the copy
    its mistakes were made in."""
    base = tmp_path_factory.mktemp("contributing")
    projects = {"examples": copy_guide(base / "examples")}
    project = projects["examples"]
    for block in blocks():
        where = f"CONTRIBUTING.md line {block.line}"
        if block.directive.startswith("mistakes"):
            project = projects["mistakes"] = copy_guide(base / "mistakes")
            apply_mistakes(project, yaml.safe_load(block.directive[len("mistakes"):]))
        if block.lang == "text" and block.body.startswith("$ "):
            compare_output(project, block)
        elif block.directive == "run":
            assert block.lang == "sh", where
            run_commands(project, block)
        elif m := INSERT.match(block.directive):
            insert(project / m["file"], json.loads(m["anchor"]), block.body)
        elif m := APPEND.match(block.directive):
            append(project / m["file"], block.body)
        elif m := WRITE.match(block.directive):
            (project / m["file"]).write_text(block.body, encoding="utf-8")
        else:
            assert not block.directive or block.directive.startswith("mistakes"), \
                f"{where}: unknown directive {block.directive!r}"
    return projects


def test_the_examples_pass_the_check_and_the_tests_a_content_change_can_break(followed):
    project = followed["examples"]
    result = guide(project, "check")
    assert result.returncode == 0 and result.stdout == "", printed(result)
    files = sorted(str(p.relative_to(project)) for pattern in CONTENT_TESTS for p in (project / "tests").glob(pattern))
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rf", *files],
                           cwd=project, capture_output=True, text=True, timeout=300,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert tests.returncode == 0, tests.stdout[-6000:]


def test_the_examples_changed_what_they_say(followed):
    """Each example did what the page says it does: a new path to an existing
    outcome, a new outcome, a new tree handed over to from the start."""
    paths = (followed["examples"] / "rules" / "paths.txt").read_text(encoding="utf-8")
    assert "twitter-diligence:dislike-x ⇒ skip-twitter" in paths
    assert "support-volume:hardly-any ⇒ no-help-account" in paths
    assert "what-you-sell:meals ⇒ tree restaurants" in paths
    assert "## restaurants (" in paths and "TODO" not in paths


def test_the_mistakes_were_made(followed):
    """The sample output in "Read an error" came from a copy with the page's mistakes."""
    assert "mistakes" in followed


def test_every_shell_command_on_the_page_exists():
    """Each `make X` is a Makefile target, each `guide X` a subcommand."""
    targets = set(re.findall(r"^([\w-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))
    from generator import cli

    source = Path(cli.__file__).read_text(encoding="utf-8")
    subcommands = set(re.findall(r'sub\.add_parser\("([\w-]+)"', source))
    commands = [line for b in blocks() if b.lang == "sh" for line in b.body.splitlines()]
    commands += [b.body.partition("\n")[0][2:] for b in blocks() if b.lang == "text" and b.body.startswith("$ ")]
    assert commands
    for command in commands:
        words = shlex.split(command.split(" #")[0])
        if not words:
            continue
        if words[0] == "make":
            wanted = [w for w in words[1:] if "=" not in w]
            assert wanted and set(wanted) <= targets, command
        elif words[0] in ("guide", ".venv/bin/guide"):
            assert words[1] in subcommands, command
        else:
            assert words[0] in ALLOWED_PROGRAMS, f"{command!r}: say what it is, or add it to ALLOWED_PROGRAMS"
    # And the ones named in the prose, like `make paths`:
    for target in re.findall(r"`make ([\w-]+)", DOC.read_text(encoding="utf-8")):
        assert target in targets, target


def test_the_snippets_quote_their_sources():
    """The short examples (not applied to a tree) load, and quote their articles verbatim."""
    from generator.quotes import quote_in_source

    for block in blocks():
        if block.lang != "yaml" or block.directive:
            continue
        data = yaml.safe_load(textwrap.dedent(block.body))
        items = data if isinstance(data, list) else [data]
        for item in items:
            if isinstance(item, dict) and "quote" in item:
                text = (ROOT / "content" / "sources" / f"{item['source']}.txt").read_text(encoding="utf-8")
                assert quote_in_source(item["quote"], text), (block.line, item["quote"])
