"""Engine upkeep: what the guide runs on, its plugin's options checked where
they are written, and a plain `zensical build` that cannot pass for the guide."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT

BAD_OPTIONS = """  - decision-guide:
      steps_in_page: many
      languges: [en]
      languages: [en, french]
"""


def bad_fork(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "mini", project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - decision-guide\n", BAD_OPTIONS),
                      encoding="utf-8")
    return project


EXPECTED = [
    "mkdocs.yml:13:22: error[plugin-option]: decision-guide.steps_in_page must be a whole number, 0 or more, not 'many'",
    "mkdocs.yml:14:7: error[plugin-option]: decision-guide has no option 'languges'",
    "mkdocs.yml:15:23: error[plugin-option]: decision-guide.languages: 'french' is not a language code",
]


@pytest.mark.parametrize("door", ["guide check", "guide build", "mkdocs build"])
def test_a_bad_plugin_option_is_placed_at_its_line_in_every_door(tmp_path, door):
    project = bad_fork(tmp_path)
    command = {"guide check": [sys.executable, "-m", "generator.cli", "check"],
               "guide build": [sys.executable, "-m", "generator.cli", "build"],
               "mkdocs build": [str(Path(sys.executable).parent / "mkdocs"), "build", "-q"]}[door]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=300,
                            env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode != 0
    output = result.stdout + result.stderr
    for line in EXPECTED:
        assert line in output, output[-3000:]
    assert "Traceback" not in output
    assert not (project / "site").exists()


def test_the_dependencies_python_and_theme_version_agree():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11"  # mkdocs-material 9.8 needs 3.11
    assert "mkdocs-material==9.8.2" in project["dependencies"]  # 9.8.2 fixes a path escape in its privacy plugin
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    assert re.search(r"^mkdocs-material==9\.8\.2 ", lock, re.M)


def test_a_plain_zensical_build_says_how_to_build_the_guide(tmp_path):
    """Zensical runs no third-party plugin: built directly, the site has no
    guide, so its start page says so and how to build it properly."""
    project = tmp_path / "project"
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for name in files.splitlines():
        if (ROOT / name).is_file():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, project / name)
    result = subprocess.run([str(Path(sys.executable).parent / "zensical"), "build"], cwd=project,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    text = re.sub(r"<[^>]+>", "", (project / "site" / "guide" / "start" / "index.html").read_text(encoding="utf-8"))
    assert "This guide was built without its generator" in text
    assert "make build" in text and "--engine zensical" in text
