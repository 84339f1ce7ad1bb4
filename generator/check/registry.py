"""The registry of named checks.

A check is a function that takes the loaded guide and *yields* diagnostics;
nothing stops at the first problem. Each check's docstring shows rules that
pass and rules that fail it, and the page "Writing rules" lists them all.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from ..diagnostics import ERROR, Diagnostic
from ..model import Guide

CheckFunction = Callable[[Guide], Iterable[Diagnostic]]


@dataclass(frozen=True)
class Check:
    """One named rule."""

    id: str
    """Name shown in brackets after `error`, e.g. `dangling-next`."""
    severity: str
    """Severity of what it reports."""
    run: CheckFunction
    """The function that yields diagnostics."""

    @property
    def doc(self) -> str:
        return (self.run.__doc__ or "").strip()


CHECKS: dict[str, Check] = {}


def check(check_id: str, severity: str = ERROR) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check under its name."""

    def register(function: CheckFunction) -> CheckFunction:
        if check_id in CHECKS:
            raise ValueError(f"check {check_id!r} registered twice")
        CHECKS[check_id] = Check(check_id, severity, function)
        return function

    return register


def run_checks(guide: Guide) -> Iterator[Diagnostic]:
    for entry in CHECKS.values():
        yield from entry.run(guide)
