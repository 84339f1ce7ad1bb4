"""A fork's own interface words: `messages/<language>.yml` beside mkdocs.yml.

A fork adds an interface language, or changes words of a shipped one, without
touching `generator/`: its catalogue is merged over the shipped ones (see
`generator.messages.catalogue`, which also reads such a file with positions,
so a bad entry is reported at its line like any other mistake). This module
finds which words an edition still lacks (`interface-untranslated`) and
writes a catalogue to fill in.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import yaml

from ..diagnostics import Diagnostic
from ..messages import FOLDER as SHIPPED, FORK_FOLDER, fork_file, read_fork_catalogue, shipped
from ..model import Mark
from ..yamlfile import mark_of


def english_catalogue() -> dict[str, str]:
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
    english = english_catalogue()
    diagnostics: list[Diagnostic] = []
    for path in sorted((Path(root) / FORK_FOLDER).glob("*.yml")) if (Path(root) / FORK_FOLDER).is_dir() else []:
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
        target = f"{FORK_FOLDER}/{language}.yml"
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
    target = Path(root) / FORK_FOLDER / f"{language}.yml"
    if target.exists():
        print(f"error: {display(target)} exists and was left as it is; `guide check` lists the keys "
              "it still lacks", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(catalogue_text(language), encoding="utf-8")
    print(f"wrote {display(target)}: translate each message, then run `guide check`", file=sys.stderr)
    return 0
