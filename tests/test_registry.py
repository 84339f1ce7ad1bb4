"""The registry of rules (generator/registry.py): every diagnostic names a rule
in it and takes that rule's severity, and the page "Writing rules" lists
each rule once, with that severity."""
from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, VALID_TREE, write_project
from generator.check import CHECKS
from generator.config import GuideConfig, find_config
from generator.diagnostics import Diagnostic
from generator.model import Mark
from generator.pipeline import check_guide
from generator.registry import RULES

PAGE = ROOT / "content" / "writing-rules.md"
ROW = re.compile(r"^\| `([a-z-]+)` \| ([^|]+) \| (.*) \|$")


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end >= 0 else None]


def _rows() -> dict[str, str]:
    """Rule id → severity column of the tables under "The checks"."""
    rows: dict[str, str] = {}
    for line in _section(PAGE.read_text(encoding="utf-8"), "The checks").splitlines():
        found = ROW.match(line)
        if found:
            assert found.group(1) not in rows, f"{found.group(1)} has two rows"
            rows[found.group(1)] = found.group(2).strip()
    return rows


def _severity(rule) -> str:
    return rule.severity + (", switchable" if rule.switchable else "")


def test_the_page_lists_every_rule_with_its_severity():
    rows = _rows()
    missing = [f"| `{r.id}` | {_severity(r)} | {r.wants} |" for r in RULES.values() if r.id not in rows]
    assert not missing, "add these rows to a table of 'The checks' in content/writing-rules.md:\n" + "\n".join(missing)
    unknown = sorted(set(rows) - set(RULES))
    assert not unknown, f"rows of content/writing-rules.md name no rule of generator/registry.py: {unknown}"
    # "off, switchable (error in this guide)": what this guide sets is said beside the default.
    wrong = {rule_id: (shown, _severity(RULES[rule_id])) for rule_id, shown in rows.items()
             if re.sub(r" \(.*\)$", "", shown) != _severity(RULES[rule_id])}
    assert not wrong, f"severity on the page, and registered: {wrong}"


def test_contributing_names_registered_rules_only():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = _section(text, "What the checks mean")
    named = {name for line in table.splitlines() if line.startswith("| `")
             for name in re.findall(r"`([a-z-]+)`", line.split(" | ")[0])}
    assert named and not named - set(RULES), sorted(named - set(RULES))
    printed = set(re.findall(r"(?:error|warning)\[([a-z-]+)\]", text))
    assert printed <= set(RULES), sorted(printed - set(RULES))


def test_every_check_reports_a_registered_rule():
    assert set(CHECKS) <= set(RULES)
    assert all(entry.rule is RULES[rule_id] for rule_id, entry in CHECKS.items())


RULE_ID = re.compile(r"^[a-z]+(-[a-z]+)*$")
"""A literal that reads as a rule id; messages, also passed to `error(...)` in
load/messages.py, have spaces."""


def _rule_ids_written_in(path: Path):
    """Rule ids written as literals in Diagnostic(...), reader.error(...),
    @check(...) and brand's problem(..., rule)."""
    for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(call, ast.Call):
            continue
        name = getattr(call.func, "id", None) or getattr(call.func, "attr", None)
        position = {"Diagnostic": 1, "error": 1, "check": 0, "problem": 4}.get(name)
        values = [call.args[position]] if position is not None and len(call.args) > position else []
        values += [k.value for k in call.keywords if k.arg == "rule"]
        for value in values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str) and RULE_ID.match(value.value):
                yield call.lineno, value.value
            elif isinstance(value, ast.IfExp):  # "blocked-script" if ... else "theme-analytics"
                yield from ((call.lineno, v.value) for v in (value.body, value.orelse) if isinstance(v, ast.Constant))


def test_every_rule_id_written_in_the_generator_is_registered():
    # Also the paths no test reaches: a message for a file too large, a
    # recursion limit met. Each would raise in Diagnostic at run time.
    written = {(path.relative_to(ROOT).as_posix(), line, rule_id)
               for path in (ROOT / "generator").rglob("*.py") for line, rule_id in _rule_ids_written_in(path)}
    assert len({rule_id for _, _, rule_id in written}) > 50
    assert not {w for w in written if w[2] not in RULES}
    # And no rule is registered that nothing reports (stale-paths and the checks are reported by name too).
    assert not set(RULES) - {rule_id for _, _, rule_id in written}


def test_a_diagnostic_takes_its_rules_severity_and_refuses_an_unregistered_rule():
    mark = Mark("rules/x.yml", 1, 1)
    assert Diagnostic(mark, "untranslated-quote", "m").severity == "warning"
    assert Diagnostic(mark, "missing-translation", "m").severity == "error"
    assert Diagnostic(mark, "short-quote", "m", None, "error").severity == "error"  # a guide's `checks:`
    with pytest.raises(KeyError, match="no rule 'made-up'"):
        Diagnostic(mark, "made-up", "m")
    with pytest.raises(ValueError, match="rule of its own"):
        Diagnostic(mark, "missing-translation", "m", None, "warning")


def test_a_check_reports_at_its_registered_level():
    # The function yields (where, what, how); the rule and the level are its registration's.
    from generator.check.registry import Problem, check, run_checks
    from generator.model import Guide

    assert Problem(Mark("a", 1, 1), "m") == (Mark("a", 1, 1), "m", None)
    with pytest.raises(ValueError, match="registered twice"):
        check("cycle")(lambda guide: iter(()))
    with pytest.raises(KeyError):
        check("not-a-rule")(lambda guide: iter(()))
    guide = Guide(title="t", edition="en", trees=(), sources=())
    assert list(run_checks(guide)) == []


def test_each_rule_has_one_severity_wherever_it_is_reported(tmp_path):
    # The rules split so that this holds: page-clash from duplicate-id,
    # untranslated-quote (a warning) from missing-translation (an error).
    text = VALID_TREE.replace("id: shop", "id: sources")
    config = write_project(tmp_path, {"sources.yml": text})
    _, diagnostics = check_guide(GuideConfig(root=config.root, editions=("en", "fr")))
    severities = {(d.rule, d.severity) for d in diagnostics}
    assert ("page-clash", "error") in severities and ("untranslated-quote", "warning") in severities
    assert len({rule for rule, _ in severities}) == len(severities)


def _checked(root: Path, languages=None):
    config = find_config(root) if languages is None else GuideConfig(root=root, editions=languages)
    return check_guide(config)[1]


def test_the_checker_names_registered_rules_on_every_input_the_tests_keep(tmp_path):
    """The fixtures, each hostile payload as a rules file, a source and a messages
    file, and a broken copy of each: Diagnostic would raise on an unregistered rule."""
    found = []
    for project in [FIXTURES / "mini", ROOT]:
        found += _checked(project)
    payloads = [line for line in (ROOT / "tests" / "hostile" / "xss-payloads.txt").read_text(
        encoding="utf-8").splitlines() if line and not line.startswith("#")]
    for i, payload in enumerate(payloads[:40]):
        project = tmp_path / f"p{i}"
        project.mkdir()
        write_project(project, {"shop.yml": VALID_TREE.replace("title: ", f"title: {payload!r}\nx: ", 1),
                                "raw.yml": payload.encode("utf-8")},
                      {"raw.txt": payload})
        found += _checked(project, ("en", "fr"))
    assert {d.rule for d in found} <= set(RULES)
    assert len({d.rule for d in found}) >= 5


def test_load_does_not_need_the_checks():
    # The loader names rules through generator/registry.py, not generator/check.
    code = ("import sys, generator.load, generator.diagnostics\n"
            "assert not [m for m in sys.modules if m.startswith('generator.check')], sorted(sys.modules)")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
