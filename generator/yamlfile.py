"""Read one YAML file into position-aware nodes, refusing what can hurt.

PyYAML's `compose()` keeps every node's start and end marks, so no custom
parser is needed to point at the source. What it does not do, this module
does: a size limit, strict UTF-8 with a line and column for a bad byte, a
nesting limit checked *before* parsing (libyaml's composer recurses and can
crash the process on deep nesting), and refusal of custom tags.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import bisect
import re

import yaml

from .diagnostics import Diagnostic
from .model import Mark

try:  # libyaml is several times faster; the pure loader gives the same nodes.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader

MAX_FILE_BYTES = 8 * 1024 * 1024
"""Largest rules or source file accepted (8 MiB)."""
MAX_DEPTH = 64
"""Deepest nesting of mappings and sequences accepted."""

STR = "tag:yaml.org,2002:str"
# Tags the YAML core schema resolves by itself; any other tag was written by
# hand (`!!python/object`, `!foo`) and has no business in a rules file.
CORE_TAGS = {
    STR,
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


_ODD_BREAKS = re.compile("[\r\x85\u2028\u2029]")
_EDITOR_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Lines and columns as editors count them.

    PyYAML also ends lines at NEL, LS and PS, which editors show inside a
    line; a lone CR is a line break to both. Most files hold none of these,
    and then PyYAML's own line and column are used as they are.
    """

    def __init__(self, text: str, simple: Optional[bool] = None):
        self.text = text
        self.simple = _ODD_BREAKS.search(text) is None if simple is None else simple
        self._starts: Optional[list[int]] = None

    def position(self, index: int) -> tuple[int, int]:
        """1-based line and column of a character index."""
        if self._starts is None:  # only where a mark needs it: most files never do
            self._starts = [0] + [m.end() for m in _EDITOR_BREAK.finditer(self.text)]
        line = bisect.bisect_right(self._starts, index)
        return line, index - self._starts[line - 1] + 1


def mark_of(path: str, node: yaml.Node, lines: Optional[LineIndex] = None) -> Mark:
    """The one place where PyYAML's 0-based marks become 1-based."""
    start, end = node.start_mark, node.end_mark
    if lines is not None and not lines.simple:
        (line, column), (end_line, end_col) = lines.position(start.index), lines.position(end.index)
        return Mark(path, line, column, end_col if end_line == line else None)
    end_column = end.column + 1 if end.line == start.line else None
    return Mark(path, start.line + 1, start.column + 1, end_column)


def _mark_at(path: str, text: str, index: int) -> Mark:
    return Mark(path, *LineIndex(text).position(index))


@dataclass
class YamlDocument:
    """A parsed file: its root node, or the diagnostics that stopped it."""

    path: str
    text: str
    root: Optional[yaml.Node]
    diagnostics: list[Diagnostic]
    lines: Optional[LineIndex] = None


def decode(path: str, data: bytes) -> tuple[Optional[str], list[Diagnostic]]:
    """Strict UTF-8, turning a bad byte's offset into a line and column."""
    if len(data) > MAX_FILE_BYTES:
        return None, [Diagnostic(Mark(path, 1, 1), "file-too-large",
                                 f"file is {len(data):,} bytes; the limit is {MAX_FILE_BYTES:,}",
                                 "split the tree into several files or shorten it")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        breaks = list(re.finditer(rb"\r\n|\r|\n", data[:e.start]))  # as editors count lines
        line = len(breaks) + 1
        line_start = breaks[-1].end() if breaks else 0
        column = len(data[line_start:e.start].decode("utf-8", errors="replace")) + 1
        return None, [Diagnostic(Mark(path, line, column), "encoding",
                                 f"byte 0x{data[e.start]:02x} is not valid UTF-8",
                                 "save the file as UTF-8 (most editors: 'Save with encoding')")]
    return text.removeprefix("\ufeff"), []


_YAML_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""Line breaks as YAML's scanner counts them (libyaml included): a nesting
count that split on LF only would miss a whole file written with lone CRs."""
_BLOCK_INDICATORS = ("-", "?", ":")
"""Indicators that may open a nested block node on the same line (compact
notation: `- - x`, `? ? x`, `: - x`) when followed by a blank or the end of line."""


_LONG_PREFIX = 24


@lru_cache(maxsize=None)
def _long_prefix_line(width: int) -> re.Pattern:
    return re.compile(r"\n[ \t?:-]{%d}" % width)


def provably_shallow(text: str, limit: int = MAX_DEPTH, prefix: int = _LONG_PREFIX) -> bool:
    """True when nesting cannot go deeper than `limit`, found at the speed of
    a text search. A nested block collection starts at a greater column than
    its parent, or at the same one (a list as a mapping's value), and never
    right of its line's run of spaces and `- `/`? `/`: ` indicators: with no
    such run of `prefix` characters, blocks nest at most 2 x `prefix` deep.
    Each `[` or `{` can add one more. Lines ended by CR, NEL, LS or PS are
    left to too_deep_at()."""
    if 2 * prefix + text.count("[") + text.count("{") > limit or _ODD_BREAKS.search(text):
        return False
    long_line = _long_prefix_line(prefix)
    return long_line.search("\n" + text[:prefix]) is None and long_line.search(text) is None


def too_deep_at(text: str, limit: int = MAX_DEPTH) -> Optional[int]:
    """Index where nesting first goes deeper than `limit`, or None.

    Counted on the raw text, without YAML: block indentation levels (a `- `,
    `? ` or `: ` at the start of a line opens a level too) plus open flow
    brackets outside quoted strings. It over-counts rather than under-counts:
    libyaml's composer recurses in C, and one level missed per line is enough
    for a few thousand lines to crash the process. Only lines holding a bracket
    are read character by character, to stay cheap.
    """
    indents: list[int] = []
    flow = 0
    offset = 0
    if _ODD_BREAKS.search(text) is None:
        lines = [(raw, 1) for raw in text.split("\n")]
    else:
        parts = _YAML_BREAK.split(text)
        breaks = [len(m.group(0)) for m in _YAML_BREAK.finditer(text)] + [0]
        lines = list(zip(parts, breaks))
    for raw, width in lines:
        stripped = raw.lstrip(" ")
        if stripped and not stripped.startswith("#") and flow == 0:
            indent = len(raw) - len(stripped)
            while stripped[:1] in _BLOCK_INDICATORS and stripped[1:2] in ("", " ", "\t"):
                while indents and indents[-1] >= indent:
                    indents.pop()
                indents.append(indent)
                if len(indents) > limit:
                    return offset + indent
                rest = stripped[1:].lstrip(" \t")
                indent += len(stripped) - len(rest)
                stripped = rest
            while indents and indents[-1] >= indent:
                indents.pop()
            indents.append(indent)
            if len(indents) > limit:
                return offset + indent
        if "[" in raw or "{" in raw or flow:
            flow, exceeded = _flow_depth(raw, flow, limit - len(indents))
            if exceeded is not None:
                return offset + exceeded
        offset += len(raw) + width
    return None


def _flow_depth(line: str, flow: int, limit: int) -> tuple[int, Optional[int]]:
    """Open brackets after `line`, and where on it they first exceed `limit`."""
    quote = None
    i, n = 0, len(line)
    while i < n:
        ch = line[i]
        before = line[i - 1] if i else " "
        if quote:
            if quote == '"' and ch == "\\":
                i += 2
                continue
            if ch == quote:
                quote = None
        elif ch in "\"'" and before in " \t[{,:":
            quote = ch
        elif ch == "#" and before in " \t":
            break
        elif ch in "[{":
            flow += 1
            if flow > limit:
                return flow, i
        elif ch in "]}":
            flow = max(0, flow - 1)
        i += 1
    return flow, None


def _reused_or_tagged(path: str, root: yaml.Node, lines: LineIndex) -> Optional[Diagnostic]:
    """The first alias or hand-written tag in a composed document, if any.

    An alias makes compose() put the same node object in two places; met
    twice in one walk, it is refused before anything expands it.
    """
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if node.tag not in CORE_TAGS:
            return Diagnostic(mark_of(path, node, lines), "unsupported-tag",
                              f"the tag {node.tag!r} is not allowed in rules files",
                              "remove the tag (the text starting with '!'); write the value plainly")
        if id(node) in seen:
            return None  # reported by _first_alias, with the alias's own place
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                stack += [value, key]
        elif isinstance(node, yaml.SequenceNode):
            stack += reversed(node.value)
    return None


def _first_alias(path: str, text: str, lines: LineIndex) -> Optional[Diagnostic]:
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            m = event.start_mark
            line, column = lines.position(m.index) if not lines.simple else (m.line + 1, m.column + 1)
            return Diagnostic(Mark(path, line, column), "alias",
                              "anchors and aliases (&name / *name) are not supported",
                              "write the value out in full where it is used")
    return None


def _yaml_error(path: str, text: str, e: Exception) -> Diagnostic:
    if isinstance(e, yaml.reader.ReaderError):
        position = e.position
        if _Loader is not yaml.SafeLoader:  # libyaml counts this one in UTF-8 bytes
            position = len(text.encode("utf-8")[:position].decode("utf-8", errors="ignore"))
        return Diagnostic(_mark_at(path, text, position), "yaml-syntax",
                          f"character U+{e.character:04X} is not allowed in YAML",
                          "delete it, or write it as an escape inside double quotes")
    mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
    problem = getattr(e, "problem", None) or str(e)
    context = getattr(e, "context", None)
    message = f"YAML syntax: {problem}" + (f" ({context})" if context else "")
    hint = "check the indentation and quote any text that contains ': ' or starts with a special character"
    if mark is not None:
        source_line = text.split("\n")[mark.line] if mark.line < text.count("\n") + 1 else ""
        if "\t" in source_line[: len(source_line) - len(source_line.lstrip())] or "'\\t'" in problem:
            hint = "YAML indents with spaces only: replace the tab with spaces"
    if mark is None:
        return Diagnostic(Mark(path, 1, 1), "yaml-syntax", message, hint)
    lines = LineIndex(text)
    line, column = lines.position(mark.index) if not lines.simple else (mark.line + 1, mark.column + 1)
    shown = _EDITOR_BREAK.split(text)
    if shown and shown[-1] == "":
        shown.pop()
    if shown and line > len(shown):
        # The parser stops after the last newline, on a line no editor shows:
        # point at the end of the last line instead.
        line, column = len(shown), len(shown[-1]) + 1
    return Diagnostic(Mark(path, line, column), "yaml-syntax", message, hint)


FLOW_OPENERS_TRUSTED = 1_000
"""Above this many `[` and `{` in a file, the depth counted on the raw text is
not trusted (it guesses where quoted strings start) and libyaml's own events
are counted instead. libyaml's composer recurses in C: some 25,000 levels of
brackets kill the process with SIGSEGV, where Python would raise."""


def _deep_event_at(text: str, limit: int = MAX_DEPTH) -> Optional[int]:
    """Index of the first collection nested deeper than `limit`, by libyaml's
    parser itself (a state machine with its own heap stack, safe at any depth).
    About as slow as composing, so only run where the raw count may be wrong."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > limit:
                    return event.start_mark.index
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None  # composing will report the syntax error, at its place
    return None


def parse_text(path: str, text: str) -> YamlDocument:
    """Compose YAML text into nodes, or explain why not."""
    at = None if provably_shallow(text) else too_deep_at(text)
    if at is None and text.count("[") + text.count("{") > FLOW_OPENERS_TRUSTED:
        at = _deep_event_at(text)
    if at is not None:
        return YamlDocument(path, text, None, [Diagnostic(
            _mark_at(path, text, at), "too-deep",
            f"nesting goes deeper than {MAX_DEPTH} levels here",
            "a rules file needs about 6 levels: look for a runaway indentation or brackets")])
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as e:
        return YamlDocument(path, text, None, [_yaml_error(path, text, e)])
    except RecursionError:  # the limit above should make this unreachable
        return YamlDocument(path, text, None, [Diagnostic(
            Mark(path, 1, 1), "too-deep", "nesting is too deep to read", None)])
    if root is None:
        return YamlDocument(path, text, None, [Diagnostic(
            Mark(path, 1, 1), "empty-file", "the file holds no YAML document",
            "write the tree's keys (id, title, profile, start, nodes) or delete the file")])
    # Aliases are rare: only then is the text parsed a second time, to point
    # at the alias itself rather than at its anchor. No alias is written
    # without '*', no tag without '!': most files need no walk at all.
    lines = LineIndex(text)
    has_alias = "*" in text and _first_alias(path, text, lines)
    problem = has_alias or (("!" in text or "*" in text) and _reused_or_tagged(path, root, lines))
    if problem:
        return YamlDocument(path, text, None, [problem])
    return YamlDocument(path, text, root, [], lines)


def parse_bytes(path: str, data: bytes) -> YamlDocument:
    text, problems = decode(path, data)
    if text is None:
        return YamlDocument(path, "", None, problems)
    return parse_text(path, text)
