"""Diagnostics as plain values, and the two ways of printing them.

The loader and the checks only yield them; the caller collects, sorts and
prints all of them at once, so a contributor fixes every mistake in one round.
A diagnostic names its rule, whose severity generator/registry.py gives.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

from .model import Mark
from . import registry
from .registry import ERROR, WARNING  # noqa: F401  (WARNING: imported from here by many)


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in the rules or sources."""

    mark: Mark
    """Where it is; 1-based line and column."""
    rule: str
    """Name of the rule that found it (`dangling-next`)."""
    message: str
    """What is wrong, in one sentence."""
    hint: Optional[str] = None
    """How to fix it, when we can tell."""
    severity: Optional[str] = None
    """`error` fails the build; `warning` does not. The rule's own (generator/registry.py)
    unless given: only a check a guide switched to another level gives one."""

    def __post_init__(self):
        # Raises for a rule nobody registered (its severity and its line on
        # the page "Writing rules" would be missing), and for one reported at
        # another severity than its own, which only a guide's `checks:` sets.
        registered = registry.rule(self.rule)
        if self.severity is None:
            object.__setattr__(self, "severity", registered.severity)
        elif self.severity != registered.severity and not registered.switchable:
            raise ValueError(f"rule {self.rule!r} is an {registered.severity}, not an {self.severity}: "
                             "give the other case a rule of its own in generator/registry.py")

    @property
    def sort_key(self):
        m = self.mark
        return (m.path, m.line, m.column, self.rule, self.message)


class CompileError(Exception):
    """Raised by the pipeline when any error-level diagnostic was found."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        errors = sum(d.severity == ERROR for d in diagnostics)
        super().__init__(f"{errors} error(s) in the rules or sources")


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity == ERROR for d in diagnostics)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    # The same problem can be reached twice (say, by two answers of one
    # question naming the same missing node at the same place): print it once.
    unique = {(d.sort_key, d.severity): d for d in diagnostics}
    return [unique[k] for k in sorted(unique)]


def _source_line(path: str, line: int, cache: dict) -> Optional[str]:
    if path not in cache:
        try:
            # Lines as editors count them (as the loader does): str.splitlines()
            # would also break at NEL, LS, PS, VT and FF.
            cache[path] = re.split(r"\r\n|\r|\n", Path(path).read_text(encoding="utf-8", errors="replace"))
        except OSError:
            cache[path] = []
    lines = cache[path]
    if 1 <= line <= len(lines):
        return lines[line - 1]
    return None


def format_text(diagnostics: Iterable[Diagnostic], snippets: bool = True) -> str:
    """`path:line:col: error[rule]: message`, the source line and a caret."""
    out: list[str] = []
    cache: dict = {}
    for d in diagnostics:
        m = d.mark
        out.append(f"{m.path}:{m.line}:{m.column}: {d.severity}[{d.rule}]: {d.message}")
        text = _source_line(m.path, m.line, cache) if snippets else None
        if text is not None:
            text = text.expandtabs(1)
            gutter = f"{m.line:>5} | "
            out.append(gutter + text)
            width = 1
            if m.end_column and m.end_column > m.column:
                width = m.end_column - m.column
            width = max(1, min(width, len(text) - m.column + 1, 80))
            out.append(" " * (len(gutter) - 2) + "| " + " " * (m.column - 1) + "^" * width)
        if d.hint:
            out.append(f"      = hint: {d.hint}")
    return "\n".join(out)


def _escape_github(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(diagnostics: Iterable[Diagnostic]) -> str:
    """GitHub Actions workflow commands: annotations on the changed lines."""
    out = []
    for d in diagnostics:
        m = d.mark
        message = d.message + (f" Hint: {d.hint}" if d.hint else "")
        out.append(
            f"::{d.severity} file={_escape_github(m.path, True)},line={m.line},col={m.column},"
            f"title={_escape_github(d.rule, True)}::{_escape_github(message)}"
        )
    return "\n".join(out)


def summary(diagnostics: list[Diagnostic]) -> str:
    errors = sum(d.severity == ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    return f"{errors} error(s), {warnings} warning(s)"
