"""A fork's own interface words: `messages/<language>.yml` beside mkdocs.yml.

A fork adds an interface language, or changes words of a shipped one, without
touching `generator/`: its catalogue is merged over the shipped ones (see
`generator.render.messages.catalogue`). This module reads such a file with
positions, so a bad entry is reported at its line like any other mistake,
and finds which words an edition still lacks (`interface-untranslated`).
"""
from __future__ import annotations

import string
from pathlib import Path
from typing import Optional

import yaml

from ..diagnostics import Diagnostic
from ..model import Mark
from ..yamlfile import mark_of, parse_bytes

FOLDER = "messages"
"""The fork's catalogues, in the folder of mkdocs.yml."""


def fork_file(root: Optional[Path], language: str) -> Optional[Path]:
    """The fork's catalogue of a language (`messages/de.yml`), when there is one."""
    if root is None:
        return None
    for name in dict.fromkeys((language, language.split("-")[0])):
        path = Path(root) / FOLDER / f"{name}.yml"
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


def english_catalogue() -> dict[str, str]:
    from ..render.messages import FOLDER as SHIPPED

    return yaml.safe_load((SHIPPED / "en.yml").read_text(encoding="utf-8"))


def _language_mark(mkdocs_yml: Optional[Path], display: str, language: str) -> Mark:
    """Where mkdocs.yml names a language: `theme.language: de`, or `de` in a `languages:` list."""
    if mkdocs_yml is None:
        return Mark(display, 1, 1)
    try:
        root = yaml.compose(mkdocs_yml.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return Mark(display, 1, 1)
    stack = [(root, None)]
    found = []
    while stack:
        node, key = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack.extend((v, k.value if isinstance(k, yaml.ScalarNode) else None) for k, v in reversed(node.value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((v, key) for v in reversed(node.value))
        elif isinstance(node, yaml.ScalarNode) and node.value == language and key in ("language", "languages"):
            found.append(node)
    return mark_of(display, found[0]) if found else Mark(display, 1, 1)


def untranslated(root: Path, languages, mkdocs_yml: Optional[Path], display) -> list[Diagnostic]:
    """Errors in the fork's catalogues, and a warning per edition whose language
    lacks interface words (shown in English), naming them."""
    from ..render.messages import shipped

    english = english_catalogue()
    diagnostics: list[Diagnostic] = []
    for path in sorted((Path(root) / FOLDER).glob("*.yml")) if (Path(root) / FOLDER).is_dir() else []:
        diagnostics += read_fork_catalogue(path, display(path), english)[1]
    for language in dict.fromkeys(languages):
        if language.split("-")[0] == "en":
            continue
        path = fork_file(root, language)
        have = set(shipped(language))
        if path is not None:
            have |= set(read_fork_catalogue(path, display(path), english)[0])
        missing = [k for k in english if k not in have]
        if not missing:
            continue
        target = f"{FOLDER}/{language}.yml"
        if path is not None:
            mark = Mark(display(path), 1, 1)
            hint = (f"write them in {target} (each key's English text is in the generator's "
                    "messages/en.yml; `guide messages` writes it beside each key in a new file)")
        else:
            mark = _language_mark(mkdocs_yml, display(mkdocs_yml) if mkdocs_yml else "mkdocs.yml", language)
            hint = f"run `guide messages {language}` to write {target} with every key to fill in"
        diagnostics.append(Diagnostic(
            mark, "interface-untranslated",
            f"the interface has no '{language}' words for {len(missing)} message(s), shown in English: "
            + ", ".join(missing), hint))
    return diagnostics


def catalogue_text(language: str) -> str:
    """A catalogue to fill in: every key, its English text in a comment above
    it, and as value the shipped words of the language when there are any
    (to change some), else nothing (an empty value falls back to English and
    `guide check` keeps listing it until it is filled in)."""
    from ..render.messages import shipped

    english, own = english_catalogue(), shipped(language)
    out = [f"# Interface words in '{language}' for this guide, merged over the generator's own.",
           "# Write each message after its key; the English is in the comment above it.",
           "# A key left empty shows the English words, and `guide check` lists it.",
           "# Keep {names} in braces as they are: the guide fills them in.",
           "# Put a text in double quotes when it starts with a quote, { [ & * ! | > % @ or `,",
           "# or contains ': ' or ' #'.",
           ""]
    for key, text in english.items():
        out.append("# en: " + text.replace("\n", " "))
        value = text if language.split("-")[0] == "en" else own.get(key)
        out.append(f"{key}: {_yaml_scalar(value)}" if value else f"{key}:")
    return "\n".join(out) + "\n"


def _yaml_scalar(text: str) -> str:
    dumped = yaml.safe_dump(text, allow_unicode=True, width=10_000, default_style=None)
    return dumped.removesuffix("\n...\n").removesuffix("\n")


def write_catalogue(root: Path, language: str, display) -> int:
    """`guide messages LANG`: write messages/LANG.yml, never over an existing one."""
    import sys

    from .nodes import LANGUAGE

    if not LANGUAGE.match(language):
        print(f"error: {language!r} is not a language code; use a two-letter code such as 'de'", file=sys.stderr)
        return 1
    target = Path(root) / FOLDER / f"{language}.yml"
    if target.exists():
        print(f"error: {display(target)} exists and was left as it is; `guide check` lists the keys "
              "it still lacks", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(catalogue_text(language), encoding="utf-8")
    print(f"wrote {display(target)}: translate each message, then run `guide check`", file=sys.stderr)
    return 0
