"""The registry of named checks.

A check is a function that takes the loaded guide and *yields* diagnostics;
nothing stops at the first problem. Each check's docstring shows rules that
pass and rules that fail it, and the page "Writing rules" lists them all.

A guide may set the level of the checks registered as `switchable` (house
rules such as "every answer cites a source") in the plugin's `checks:`
option; the checks that keep the guide true (a quote is in its source, a
`next` names a node) always run at their own severity.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Mapping

from ..diagnostics import ERROR, Diagnostic
from ..model import Guide

CheckFunction = Callable[[Guide], Iterable[Diagnostic]]

OFF = "off"
LEVELS = (ERROR, "warning", OFF)
"""What the plugin's `checks:` option may set a switchable check to."""


@dataclass(frozen=True)
class Check:
    """One named rule."""

    id: str
    """Name shown in brackets after `error`, e.g. `dangling-next`."""
    severity: str
    """Severity of what it reports, or `off`: its level when the guide does not set one."""
    run: CheckFunction
    """The function that yields diagnostics."""
    switchable: bool = False
    """Whether a guide may set its level (`checks:` in the plugin's options)."""

    @property
    def doc(self) -> str:
        return (self.run.__doc__ or "").strip()


CHECKS: dict[str, Check] = {}


def check(check_id: str, severity: str = ERROR, switchable: bool = False,
          ) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check under its name."""

    def register(function: CheckFunction) -> CheckFunction:
        if check_id in CHECKS:
            raise ValueError(f"check {check_id!r} registered twice")
        CHECKS[check_id] = Check(check_id, severity, function, switchable)
        return function

    return register


def level(entry: Check, levels: Mapping[str, str]) -> str:
    """The level a check runs at in a guide whose `checks:` option is `levels`."""
    return levels.get(entry.id, entry.severity) if entry.switchable else entry.severity


def run_checks(guide: Guide, levels: Mapping[str, str] = {}) -> Iterator[Diagnostic]:  # noqa: B006 - read only
    for entry in CHECKS.values():
        chosen = level(entry, levels)
        if chosen == OFF:
            continue
        for diagnostic in entry.run(guide):
            # A switchable check reports at the level the guide chose for it.
            if entry.switchable and diagnostic.severity != chosen:
                diagnostic = dataclasses.replace(diagnostic, severity=chosen)
            yield diagnostic
