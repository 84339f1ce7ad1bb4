"""`guide init DIR`: a new guide from scratch, as someone who installed the
generator with pip makes one.

The slow test builds a wheel of this repository, installs it into a fresh
virtualenv with the pinned dependencies, and works in a folder outside the
repository with that virtualenv's `guide` alone: a template, asset, catalogue
or starter file missing from the package's data fails it.
"""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import AXE, ROOT, needs_chromium, serve_folder, visible_nodes
from generator.config import find_config
from generator.pipeline import check_guide
from generator.scaffold import init_project, new_tree


def test_init_writes_a_project_that_checks_clean(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert init_project(tmp_path / "my-guide") == 0
    project = tmp_path / "my-guide"
    written = sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file())
    assert written == [".gitignore", ".pre-commit-config.yaml", "README.md", "content/index.md", "content/sources/example-source.txt",
                       "mkdocs.yml", "rules/start.yml"]
    guide, diagnostics = check_guide(find_config(project))
    assert diagnostics == []
    [tree] = guide.trees
    outcomes = [n for n in tree.nodes if n.kind == "outcome"]
    assert len(outcomes) == 2 and all(n.short_verdict and n.existing_accounts and n.next_steps for n in outcomes)
    source = (project / "content" / "sources" / "example-source.txt").read_text(encoding="utf-8")
    assert "not a real article" in source and "@TODAY@" not in source
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert "guide serve" in readme and "guide check" in readme
    assert "guide serve" in capsys.readouterr().err
    # The README's next step: another tree, which points at nothing of this repository.
    assert new_tree(find_config(project), "second") == 0
    second = (project / "rules" / "second.yml").read_text(encoding="utf-8")
    assert "generator/schema" not in second and "writing-rules.md" not in second
    # Its placeholders fail the check until they are written; nothing else does.
    errors = [d for d in check_guide(find_config(project))[1] if d.severity == "error"]
    assert {d.rule for d in errors} == {"placeholder", "quote-not-in-source"}
    assert all(d.mark.path.endswith("second.yml") for d in errors)


def test_init_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert init_project(tmp_path) == 1
    assert "not an empty folder" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]
    (tmp_path / "empty").mkdir()
    assert init_project(tmp_path / "empty") == 0


# --- the wheel, installed where this repository is out of reach -----------

@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """A virtualenv with a wheel of the generator and requirements.lock; its bin/ folder."""
    work = tmp_path_factory.mktemp("wheel")
    run = lambda *args, **kw: subprocess.run(args, capture_output=True, text=True, timeout=600, **kw)  # noqa: E731
    result = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work / "dist"), str(ROOT))
    assert result.returncode == 0, result.stderr
    [wheel] = (work / "dist").glob("decision_guide-*.whl")
    result = run(sys.executable, "-m", "venv", str(work / "venv"))
    assert result.returncode == 0, result.stderr
    pip = str(work / "venv" / "bin" / "pip")
    result = run(pip, "install", "-q", "--require-hashes", "-r", str(ROOT / "requirements.lock"))
    assert result.returncode == 0, result.stderr
    result = run(pip, "install", "-q", "--no-deps", str(wheel))
    assert result.returncode == 0, result.stderr
    return wheel, work / "venv" / "bin"


def _guide(bin_dir: Path, *args, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run([str(bin_dir / "guide"), *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)


def test_the_wheel_holds_every_file_the_generator_reads(installed):
    wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    package = ROOT / "generator"
    data = {p.relative_to(ROOT).as_posix() for p in package.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}
    assert data - names == set()
    assert any(n.startswith("generator/starter/") for n in names)


@pytest.fixture(scope="module")
def new_guide(installed, tmp_path_factory):
    """`guide init`, `guide check` and `guide build` with the installed generator, outside the repository."""
    _, bin_dir = installed
    folder = tmp_path_factory.mktemp("newcomer")
    assert not folder.resolve().is_relative_to(ROOT)
    where = subprocess.run([str(bin_dir / "python"), "-c", "import generator; print(generator.__file__)"],
                           cwd=folder, capture_output=True, text=True, env={"PATH": os.environ.get("PATH", "")})
    assert not Path(where.stdout.strip()).is_relative_to(ROOT), where.stdout
    init = _guide(bin_dir, "init", "my-guide", cwd=folder)
    assert init.returncode == 0, init.stderr
    project = folder / "my-guide"
    again = _guide(bin_dir, "init", "my-guide", cwd=folder)
    assert again.returncode == 1 and "not an empty folder" in again.stderr
    return bin_dir, project


def test_the_new_guide_checks_clean_and_builds(new_guide):
    bin_dir, project = new_guide
    check = _guide(bin_dir, "check", cwd=project)
    assert (check.returncode, check.stdout) == (0, ""), check.stdout
    assert "0 error(s), 0 warning(s)" in check.stderr
    build = _guide(bin_dir, "build", cwd=project)
    assert build.returncode == 0, build.stderr
    assert (project / "site" / "guide" / "start" / "index.html").is_file()


@needs_chromium
def test_a_reader_clicks_the_example_tree_to_an_outcome(new_guide, page):
    bin_dir, project = new_guide
    site = project / "site"
    if not (site / "index.html").is_file():
        build = _guide(bin_dir, "build", cwd=project)
        assert build.returncode == 0, build.stderr
    for base in serve_folder(site):
        page.goto(f"{base}/")
        page.click("text=Start the guide")
        # The guide's script hides the other steps once it has run: wait for it.
        page.wait_for_selector('[data-guide-tree="start"].dg-ready')
        assert visible_nodes(page) == ["customers-return"]
        page.click('[data-node]:not([hidden]) [data-answer="yes"]')
        page.wait_for_function("() => document.querySelector('[data-node=start-newsletter]:not([hidden])')")
        result = page.locator('[data-node="start-newsletter"]')
        assert "write to your customers once a month" in result.inner_text()
        assert result.locator("[data-citation]").first.is_visible()
        page.click('[data-action="back"]')  # Back sits above the steps
        page.click('[data-node]:not([hidden]) [data-answer="no"]')
        page.wait_for_function("() => document.querySelector('[data-node=not-now]:not([hidden])')")
    assert page.errors == []


@needs_chromium
def test_the_new_guide_passes_axe(new_guide, browser):
    bin_dir, project = new_guide
    if not (project / "site" / "index.html").is_file():
        assert _guide(bin_dir, "build", cwd=project).returncode == 0
    for base in serve_folder(project / "site"):
        # bypass_csp: axe is injected as an inline script, which the guide's policy refuses.
        context = browser.new_context(reduced_motion="reduce", bypass_csp=True)
        page = context.new_page()
        for path in ("/", "/guide/start/#a=customers-return:no"):
            page.goto(base + path)
            page.add_script_tag(path=str(AXE))
            result = page.evaluate("""() => axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})""")
            assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == [], path
        context.close()
