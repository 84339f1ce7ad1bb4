"""Typed reading of composed YAML nodes, each problem a diagnostic.

`NodeReader` is what the rules and source loaders share: it knows the keys a
mapping may have, the types values must be, and YAML 1.1's traps (`no` read
as false, a duplicate key silently dropped, an alias that expands forever).
"""
from __future__ import annotations

import difflib
import re
from typing import Iterable, Optional

import yaml

from ..diagnostics import Diagnostic
from ..model import Mark, Text
from ..yamlfile import STR, LineIndex, mark_of

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""Ids are kebab-case: they end up in URLs and file names."""
LANGUAGE = re.compile(r"^[a-z]{2}(-[A-Z]{2})?$")
"""A language code: `en`, `fr`, `pt-BR`."""

_IMPLICIT_NAMES = {
    "tag:yaml.org,2002:bool": "a boolean (true/false)",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "empty (null)",
    "tag:yaml.org,2002:timestamp": "a date",
}


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping (key: value lines)"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return _IMPLICIT_NAMES.get(node.tag, "text")


class NodeReader:
    """Reads values out of YAML nodes, collecting diagnostics as it goes."""

    def __init__(self, path: str, language: Optional[str] = None, lines: Optional[LineIndex] = None):
        self.path = path
        self.lines = lines
        self.language = language
        self.diagnostics: list[Diagnostic] = []

    def mark(self, node: yaml.Node) -> Mark:
        return mark_of(self.path, node, self.lines)

    def error(self, node_or_mark, rule: str, message: str, hint: Optional[str] = None) -> None:
        mark = node_or_mark if isinstance(node_or_mark, Mark) else self.mark(node_or_mark)
        self.diagnostics.append(Diagnostic(mark, rule, message, hint))

    def mapping(self, node: yaml.Node, what: str, allowed: Iterable[str],
                required: Iterable[str] = (), any_key: bool = False,
                misspelled: Optional[set[str]] = None, duplicate_hint: Optional[str] = None,
                ) -> Optional[dict[str, tuple[yaml.Node, yaml.Node]]]:
        """The keys of a mapping node, refusing unknown, duplicate and missing keys.

        With `any_key`, keys are ids rather than a fixed vocabulary. The
        allowed keys suggested for unknown ones (`citaions` gives `citations`)
        are added to `misspelled`: a key written under a typo is not missing
        too, neither here nor in the checks that read the model.
        """
        if not isinstance(node, yaml.MappingNode):
            self.error(node, "wrong-type", f"{what} must be a mapping (key: value lines), not {_kind(node)}")
            return None
        allowed = list(allowed)
        found: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        suggested: set[str] = set()
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(key_node, "wrong-type", f"a key of {what} must be plain text")
                continue
            key = key_node.value
            if key in found:
                first = self.mark(found[key][0])
                self.error(key_node, "duplicate-key",
                           f"key {key!r} appears twice in {what} (first on line {first.line})",
                           duplicate_hint or "YAML would silently keep only the last one: merge or delete one of them")
                continue
            if not any_key and key not in allowed:
                close = self.unknown_key(key_node, what, allowed)
                if close:
                    suggested.add(close)
                continue
            found[key] = (key_node, value_node)
        for key in required:
            if key not in found and key not in suggested:
                self.error(node, "missing-key", f"{what} needs the key {key!r}",
                           f"add a line '{key}: ...' to {what}")
        if misspelled is not None:
            misspelled |= suggested - found.keys()
        return found

    def unknown_key(self, key_node: yaml.ScalarNode, what: str, allowed: list[str]) -> Optional[str]:
        """Report a key that is not allowed; the allowed key it seems to misspell, if any."""
        close = close_key(key_node.value, allowed)
        hint = f"did you mean {close!r}?" if close else f"allowed keys: {', '.join(allowed)}"
        self.error(key_node, "unknown-key", f"unknown key {key_node.value!r} in {what}", hint)
        return close

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, "wrong-type", f"{what} must be a list (lines starting with '- '), not {_kind(node)}")
            return []
        return list(node.value)

    def text(self, node: yaml.Node, what: str, allow_dates: bool = False, need_main: bool = True) -> Optional[Text]:
        """A non-empty string; YAML 1.1's implicit booleans and numbers are refused.

        Where the reader knows the guide's first language, text may also be a
        mapping of language codes to strings: `{en: "Why?", fr: "Pourquoi ?"}`.
        """
        if isinstance(node, yaml.MappingNode) and self.language:
            return self.languages(node, what, need_main)
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, "wrong-type", f"{what} must be text, not {_kind(node)}")
            return None
        if node.tag != STR and not (allow_dates and node.tag == "tag:yaml.org,2002:timestamp"):
            if node.tag == "tag:yaml.org,2002:null":
                self.error(node, "empty-value", f"{what} is empty", "write the text after the colon")
            else:
                self.error(node, "implicit-type",
                           f"{what} is read by YAML as {_kind(node)}, not as the text {node.value!r}",
                           f'put it in quotes: "{node.value}"')
            return None
        if not node.value.strip():
            self.error(node, "empty-value", f"{what} is empty", "write the text, or remove the key")
            return None
        return Text(node.value, self.mark(node))

    def languages(self, node: yaml.MappingNode, what: str, need_main: bool = True) -> Optional[Text]:
        """`{en: ..., fr: ...}`: the rules language's text, the others as translations.

        Without `need_main`, the rules language may be absent (the translation
        of an English quote needs no English): every language is then a
        translation, and the first one stands in as the value.
        """
        found: dict[str, Text] = {}
        unreadable: set[str] = set()  # reported already: its absence below is no second mistake
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not key or not LANGUAGE.match(key):
                self.error(key_node, "bad-language", f"{key!r} in {what} is not a language code",
                           "text in several languages is written {en: \"...\", fr: \"...\"}")
                continue
            if key in found:
                self.error(key_node, "duplicate-key", f"language {key!r} appears twice in {what}")
                continue
            value = self.text(value_node, f"the {key!r} text of {what}")
            if value is not None:
                found[key] = value
            else:
                unreadable.add(key)
        if self.language not in found and found and not need_main:
            first = next(iter(found.values()))
            return Text(first.value, first.mark, tuple(sorted((k, t.value) for k, t in found.items())))
        if self.language not in found:
            if found and self.language not in unreadable:
                self.error(node, "missing-main-language", f"{what} has no {self.language!r} text, the guide's first "
                           "language", f"add {self.language}: \"...\"")
            return None
        main = found.pop(self.language)
        return Text(main.value, main.mark, tuple(sorted((k, t.value) for k, t in found.items())))

    def identifier(self, node: yaml.Node, what: str) -> Optional[Text]:
        if isinstance(node, yaml.MappingNode):
            self.error(node, "wrong-type", f"{what} must be an id, not a mapping")
            return None
        value = self.text(node, what)
        if value is not None and not ID_PATTERN.match(value.value):
            self.error(node, "bad-id", f"{what} {value.value!r} is not a valid id",
                       f"use lower-case letters, digits and dashes, e.g. {slugify(value.value)!r}")
            return None
        return value

    def optional_text(self, fields: dict, key: str, what: str) -> Optional[Text]:
        if key not in fields:
            return None
        return self.text(fields[key][1], what)


def close_key(key: str, allowed: Iterable[str]) -> Optional[str]:
    """The allowed key that `key` most likely misspells, or None."""
    close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
    return close[0] if close else None


def slugify(text: str) -> str:
    """A kebab-case id from free text ('Yes, often!' -> 'yes-often')."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:40].strip("-") or "answer"
