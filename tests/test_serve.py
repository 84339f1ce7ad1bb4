"""One language setting for every door, and a preview of every edition:
`theme.language` is the edition at the root, the plugin's `languages` lists
them all; `guide serve` (what `make serve` runs) serves each one, rebuilt
on change, and says so plainly when its port is busy."""
from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import FIXTURES

FRENCH_ROOT = "plugins:\n  - search\n  - decision-guide:\n      languages: [en, fr]\n"


def fork(tmp_path: Path, theme_language: str = "en") -> Path:
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "mini", project)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("plugins:\n  - search\n  - decision-guide\n", FRENCH_ROOT)
    config.write_text(text.replace("language: en", f"language: {theme_language}"), encoding="utf-8")
    start = project / "rules" / "start.yml"
    start.write_text(start.read_text(encoding="utf-8").replace(
        "question: What do you sell?", "question:\n      en: What do you sell?\n      fr: Que vendez-vous ?"),
        encoding="utf-8")
    return project


def lang_of(html: str) -> str:
    return re.search(r'<html lang="([a-z]+)"', html).group(1)


def switcher_targets(site: Path, page: Path) -> list[Path]:
    """Where the language switcher's links of a built page lead, as files."""
    html = page.read_text(encoding="utf-8")
    out = []
    for href in re.findall(r'<a href="([^"]*)" hreflang="[a-z]+"', html):
        target = (page.parent / href).resolve()
        out.append(target / "index.html" if target.is_dir() or not target.suffix else target)
    return out


@pytest.mark.parametrize("door", ["guide build", "mkdocs build"])
def test_theme_language_is_the_root_edition_in_every_door(tmp_path, door):
    project = fork(tmp_path, theme_language="fr")
    command = [sys.executable, "-m", "generator.cli", "build"] if door == "guide build" else \
        [str(Path(sys.executable).parent / "mkdocs"), "build", "-q"]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert lang_of((site / "guide" / "start" / "index.html").read_text(encoding="utf-8")) == "fr"
    assert lang_of((site / "en" / "guide" / "start" / "index.html").read_text(encoding="utf-8")) == "en"
    # No language-switcher link leads to a missing page, in either edition.
    for page in (site / "guide" / "start" / "index.html", site / "en" / "guide" / "shop" / "index.html"):
        targets = switcher_targets(site, page)
        assert len(targets) == 2 and all(t.is_file() for t in targets), targets


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as r:
        return r.read().decode("utf-8")


def wait_for(condition, timeout: float = 60.0):
    end = time.monotonic() + timeout
    while True:
        try:
            value = condition()
            if value:
                return value
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        if time.monotonic() > end:
            raise AssertionError("timed out")
        time.sleep(0.3)


def test_serve_previews_every_edition_and_rebuilds_on_a_rules_change(tmp_path):
    project = fork(tmp_path)
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "--port", str(port)], cwd=project,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        french = wait_for(lambda: fetch(f"{base}/fr/guide/start/"))
        assert lang_of(french) == "fr" and "Que vendez-vous" in french
        assert lang_of(fetch(f"{base}/guide/start/")) == "en"
        assert "livereload" in french  # the preview reloads the page on change
        start = project / "rules" / "start.yml"
        start.write_text(start.read_text(encoding="utf-8").replace("Que vendez-vous ?", "Que proposez-vous ?"),
                         encoding="utf-8")
        wait_for(lambda: "Que proposez-vous" in fetch(f"{base}/fr/guide/start/"))
    finally:
        server.terminate()
        server.wait(timeout=30)
    # It says where to look, as the contributors' guide promises.
    assert f"Serving on http://127.0.0.1:{port}/" in server.stderr.read()


def test_serve_says_plainly_when_its_port_is_busy(tmp_path):
    project = fork(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "generator.cli", "serve", "--port", str(port)], cwd=project,
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        f"error: port {port} is busy (another preview, or another program, uses it): run `make serve "
        f"PORT={port + 1}` (`guide serve --port {port + 1}` where there is no Makefile) or stop the other one")
    assert "Traceback" not in result.stderr
