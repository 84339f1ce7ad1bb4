"""Placeholders left in a tree: `guide new tree` writes "TODO: ..." where a
contributor has text to write, and the guide must not ship them."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, Optional

import yaml

from ..yamlfile import YamlDocument, mark_of, parse_text
from ..model import Guide, Mark, Text, Tree
from .registry import Problem, check

MARKER = "TODO:"
"""What a placeholder starts with. With its colon, no sentence a reader is
meant to see starts so; a bare "TODO" could open a real text about to-do lists."""

SCAFFOLD = "guide new tree"
"""The command that writes placeholders, named so a contributor knows where they came from."""


def is_placeholder(value: str) -> bool:
    return value.lstrip().startswith(MARKER)


def _tree_texts(tree: Tree) -> Iterator[Text]:
    # Quotes are left out: quote-not-in-source already fails a placeholder
    # quote, and tells what to copy there; one placeholder, one error.
    yield from tree.texts()
    for node in tree.nodes:
        yield from node.texts()
    for _, _, citation in tree.citations():
        if citation.translation is not None:
            yield citation.translation


def _language_places(guide: Guide, tree: Tree, text: Text) -> dict[str, Mark]:
    """Where each language of `{en: ..., fr: ...}` is written, for the map whose
    value is at `text.mark`: the model keeps a mark for that value alone."""
    document = _composed(guide, tree, text.mark.path)
    for node in _mappings(document.root if document else None):
        places = {key.value: mark_of(text.mark.path, value, document.lines) for key, value in node.value
                  if isinstance(key, yaml.ScalarNode) and isinstance(value, yaml.ScalarNode)}
        if any((m.line, m.column) == (text.mark.line, text.mark.column) for m in places.values()):
            return places
    return {}


def _composed(guide: Guide, tree: Tree, shown: str) -> Optional[YamlDocument]:
    path = Path(guide.messages_root, tree.file) if guide.messages_root else Path(shown)
    try:
        return parse_text(shown, path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):  # changed since it loaded: report at the main text's place
        return None


def _mappings(node: Optional[yaml.Node]) -> Iterator[yaml.MappingNode]:
    stack = [node] if node is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            yield node
            stack.extend(value for _, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _placeholders(guide: Guide, tree: Tree, text: Text) -> Iterator[tuple[Optional[str], str, Mark]]:
    """(language, placeholder, where) of each language of a text that is a placeholder."""
    if not any(is_placeholder(v) for _, v in text.translations):
        if is_placeholder(text.value):
            yield None, text.value, text.mark
        return
    places = _language_places(guide, tree, text)
    main = next((lang for lang, m in places.items() if (m.line, m.column) == (text.mark.line, text.mark.column)),
                None)
    # A translation written without the rules' language stands in as the value
    # too (load/nodes.py): merging by language reports it once.
    versions = {main: text.value, **dict(text.translations)}
    for language, value in versions.items():
        if is_placeholder(value):
            yield language, value, places.get(language, text.mark)


@check("placeholder")
def placeholder(guide: Guide) -> Iterator[Problem]:
    """No text of a tree is still a "TODO:" placeholder, in any language.

    Fails:  question: "TODO: the question, as a reader would ask it"
    Fails:  question: {en: "What do you sell?", fr: "TODO: the same in French"}
    Passes: question: {en: "What do you sell?", fr: "Que vendez-vous ?"}
    """
    for tree in guide.trees:
        for text in _tree_texts(tree):
            for language, value, mark in _placeholders(guide, tree, text):
                what = "this" if language in (None, guide.rules_language) else f"this {language!r} text"
                instruction = value.lstrip()[len(MARKER):].strip().rstrip(".")
                shown = " ".join(value.split())
                shown = shown if len(shown) <= 80 else shown[:77] + "..."
                yield Problem(mark, f'{what} is a placeholder left by `{SCAFFOLD}`: "{shown}"',
                              f"write in its place: {instruction}" if instruction else
                              "write in its place the text a reader should see here")
