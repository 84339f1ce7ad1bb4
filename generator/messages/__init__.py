"""The interface's message catalogue: one YAML file per language.

The generator ships `en.yml` and `fr.yml` here, with the same keys (a test
keeps every catalogue complete). A fork adds a language, or changes words of
a shipped one, in `messages/<code>.yml` beside its mkdocs.yml, without
touching this folder: `catalogue(language, root)` merges it over these, and
English fills whatever is still missing (`guide check` lists it).

Below the stages: the loader reports what is wrong in a fork's catalogue
and the renderer translates with it, both reading it as this module does.
"""
from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

from ..diagnostics import Diagnostic
from ..yamlfile import mark_of, parse_bytes

FOLDER = Path(__file__).parent
"""The generator's own catalogues."""


def available() -> list[str]:
    return sorted(p.stem for p in FOLDER.glob("*.yml"))


@lru_cache(maxsize=None)
def shipped(language: str) -> dict[str, str]:
    """The generator's own messages of a language; empty when it ships none."""
    path = FOLDER / f"{language.split('-')[0]}.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}


def catalogue(language: str, root: Optional[Path] = None) -> dict[str, str]:
    """The messages of a language for the project in `root`: the fork's own
    (`messages/<language>.yml`, and `messages/en.yml` for English words it
    changes) over the shipped ones, English for any key still missing."""
    stamps = []
    for lang in dict.fromkeys(("en", language)):
        path = fork_file(root, lang)
        # The file's time and size in the cache key: under `mkdocs serve` an
        # edited catalogue is read again on the next rebuild.
        stat = path.stat() if path else None
        stamps.append((str(path), stat.st_mtime_ns, stat.st_size) if stat else None)
    return _catalogue(language, tuple(stamps))


@lru_cache(maxsize=64)
def _catalogue(language: str, stamps: tuple) -> dict[str, str]:
    english = dict(shipped("en"))
    forks = [read_fork_catalogue(Path(s[0]), s[0], shipped("en"))[0] if s else {} for s in stamps]
    english.update(forks[0])
    if language.split("-")[0] == "en":
        return english
    return {**english, **shipped(language), **(forks[1] if len(forks) > 1 else {})}


def translator(language: str, root: Optional[Path] = None):
    """`t(key, **values)` for templates."""
    messages = catalogue(language, root)

    def t(key: str, **values) -> str:
        text = messages[key]
        return text.format(**values) if values else text

    return t


FORK_FOLDER = "messages"
"""The fork's catalogues, in the folder of mkdocs.yml."""


def fork_file(root: Optional[Path], language: str) -> Optional[Path]:
    """The fork's catalogue of a language (`messages/de.yml`), when there is one."""
    if root is None:
        return None
    for name in dict.fromkeys((language, language.split("-")[0])):
        path = Path(root) / FORK_FOLDER / f"{name}.yml"
        if path.is_file():
            return path
    return None


def placeholders(text: str) -> Optional[set[str]]:
    """The `{names}` a message fills in, or None when its braces do not parse."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def read_fork_catalogue(path: Path, display: str, english: dict[str, str]) -> tuple[dict[str, str],
                                                                                   list[Diagnostic]]:
    """The usable messages of a fork's catalogue, and what is wrong with the rest.

    An empty value counts as missing (it falls back to English), which is
    how `guide messages LANG` writes the keys still to fill in.
    """
    doc = parse_bytes(display, path.read_bytes())
    if doc.root is None:
        # An empty file is a catalogue with nothing filled in yet.
        if doc.text.strip() == "" or all(not line.strip() or line.lstrip().startswith("#")
                                         for line in doc.text.splitlines()):
            return {}, []
        return {}, doc.diagnostics
    problems: list[Diagnostic] = []

    def error(node, message, hint=None):
        problems.append(Diagnostic(mark_of(display, node, doc.lines), "messages", message, hint))

    if not isinstance(doc.root, yaml.MappingNode):
        error(doc.root, "a messages file is a mapping of message keys to their text",
              "key: text, one a line, as `guide messages LANG` writes it")
        return {}, problems
    found: dict[str, str] = {}
    for key_node, value in doc.root.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key not in english:
            close = [k for k in english if key and (k.startswith(key[:4]) or key.startswith(k[:4]))][:3]
            error(key_node, f"{key!r} is not a message of the interface",
                  f"did you mean {', '.join(close)}?" if close else
                  "`guide messages LANG` writes a file with every key")
            continue
        if isinstance(value, yaml.ScalarNode) and value.tag == "tag:yaml.org,2002:null":
            continue
        if not isinstance(value, yaml.ScalarNode) or value.tag != "tag:yaml.org,2002:str":
            error(value, f"{key}: must be text", f"the English is: {english[key]!r}; put quotes around it "
                                                 "if it looks like a number or a date")
            continue
        text = value.value
        if not text.strip():
            continue
        wanted, given = placeholders(english[key]), placeholders(text)
        if given is None or not given <= (wanted or set()):
            known = ", ".join("{" + n + "}" for n in sorted(wanted or ())) or "none"
            error(value, f"{key}: the text fills in {{…}} the guide does not know",
                  f"placeholders allowed here: {known}; a brace of your own is written {{{{ or }}}}")
            continue
        found[key] = text
    return found, problems
