"""Atomic and reproducible builds: a failure leaves the previous site, two builds of a commit are identical."""
from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURES
from generator.build import BuildFailed, build_site
from generator.config import find_config
from generator.diagnostics import CompileError
from test_build import guide, snapshot


@pytest.fixture
def built(tmp_path):
    """A copy of the mini project with a previous site/ in place."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "mini", project)
    assert guide("build", cwd=project).returncode == 0
    return project


def _fail(*args, **kwargs):
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
@pytest.mark.parametrize("stage, target", [
    ("load", "generator.load.load_source"),
    ("check", "generator.pipeline.run_checks"),
    ("render", "generator.pipeline.render_pages"),
    ("write", "mkdocs.commands.build._build_page"),
])
def test_a_failure_at_any_stage_leaves_the_previous_site(built, monkeypatch, stage, target, engine):
    if engine == "zensical" and stage == "write":
        target = "generator.build.write_outputs"
    before = snapshot(built / "site")
    module, name = target.rsplit(".", 1)
    monkeypatch.setattr(module + "." + name, _fail)
    config = find_config(built)
    with pytest.raises((OSError, BuildFailed, CompileError)):
        build_site(config, built / "site", engine=engine)
    assert snapshot(built / "site") == before
    assert sorted(p.name for p in built.iterdir() if p.name.startswith(".site")) == []  # no staging left over


def test_the_cli_reports_a_write_failure_without_a_traceback(built, monkeypatch, capsys):
    from generator.cli import main

    before = snapshot(built / "site")
    monkeypatch.setattr("mkdocs.commands.build._build_page", _fail)
    assert main(["--root", str(built), "build"]) == 1
    err = capsys.readouterr().err
    assert "No space left on device" in err and "Traceback" not in err
    assert snapshot(built / "site") == before


def test_two_builds_of_the_same_commit_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "mini", project)
    assert guide("build", "--site-dir", str(tmp_path / "one"), cwd=project).returncode == 0
    assert guide("build", "--site-dir", str(tmp_path / "two"), cwd=project).returncode == 0
    one, two = snapshot(tmp_path / "one"), snapshot(tmp_path / "two")
    assert len(one) > 20 and one == two
