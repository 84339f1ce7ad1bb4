"""The registry of named checks.

A check is a function that takes the loaded guide and *yields* problems
(`Problem`: where, what, how to fix); nothing stops at the first one. It is
registered against a rule of generator/registry.py, and `run_checks` names
each problem after that rule and gives it the rule's level, as yamllint's
linter does: a check cannot report under another rule's name or severity.
Each check's docstring shows rules that pass and rules that fail it, and the
page "Writing rules" lists them all.

A guide may set the level of the rules registered as `switchable` (house
rules such as "every answer cites a source") in the plugin's `checks:`
option; the checks that keep the guide true (a quote is in its source, a
`next` names a node) always run at their own severity.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Mapping, NamedTuple, Optional

from ..diagnostics import Diagnostic
from ..model import Guide, Mark
from ..registry import OFF, Rule, rule
"""What the plugin's `checks:` option may set a switchable check to."""


class Problem(NamedTuple):
    """What a check finds: the rule and its severity come from its registration."""

    mark: Mark
    message: str
    hint: Optional[str] = None


CheckFunction = Callable[[Guide], Iterable[Problem]]


@dataclass(frozen=True)
class Check:
    """One rule and the function that finds what breaks it."""

    rule: Rule
    """The rule it reports, from generator/registry.py."""
    run: CheckFunction
    """The function that yields problems."""
    whole_files: bool = False
    """Judges only trees whose file loaded without error: in a file with a
    typo, a node dropped for it would otherwise also be reported as a
    dangling `next`, and its children as unreachable (one mistake, many
    messages)."""

    @property
    def id(self) -> str:
        return self.rule.id

    @property
    def severity(self) -> str:
        return self.rule.severity

    @property
    def switchable(self) -> bool:
        return self.rule.switchable

    @property
    def doc(self) -> str:
        return (self.run.__doc__ or "").strip()


CHECKS: dict[str, Check] = {}


def check(rule_id: str, whole_files: bool = False) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check as the one that reports a rule."""

    def register(function: CheckFunction) -> CheckFunction:
        if rule_id in CHECKS:
            raise ValueError(f"check {rule_id!r} registered twice")
        CHECKS[rule_id] = Check(rule(rule_id), function, whole_files)
        return function

    return register


def level(entry: Check, levels: Mapping[str, str]) -> str:
    """The level a check runs at in a guide whose `checks:` option is `levels`."""
    return levels.get(entry.id, entry.severity) if entry.switchable else entry.severity


def run_checks(guide: Guide, levels: Mapping[str, str] = {}) -> Iterator[Diagnostic]:  # noqa: B006 - read only
    whole = None
    for entry in CHECKS.values():
        chosen = level(entry, levels)
        if chosen == OFF:
            continue
        judged = guide
        if entry.whole_files:
            if whole is None:
                whole = dataclasses.replace(guide, trees=tuple(t for t in guide.trees if t.complete))
            judged = whole
        for problem in entry.run(judged):
            yield Diagnostic(problem.mark, entry.id, problem.message, problem.hint, chosen)
