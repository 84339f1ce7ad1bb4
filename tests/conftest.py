"""Shared helpers: tiny projects written into a temporary folder."""
from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from generator.config import GuideConfig
from generator.pipeline import check_guide

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
# The build's date, fixed: the age of the evidence (stale-evidence) is judged
# against it, so the suite gives the same answer next year as today.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1796083200")  # 2026-12-01

SOURCE_EN = """---
id: plain-talk
title: Plain talk about selling
author: A. Writer
language: en
url: null
published: "2024-05"
---

Selling on social media works when your buyers are already there.
If your buyers are not there, every hour you spend posting is an hour taken from selling.
"""

SOURCE_FR = """---
id: parler-franc
title: Parler franc
author: null
language: fr
url: null
published: "2023"
---

Pour la plupart des entreprises, Twitter est ridiculement inefficace à cette fin.
"""

CITE = '[{source: plain-talk, quote: "Selling on social media works when your buyers are already there."}]'

# A valid tree to start from: tests change one thing and expect one rule.
VALID_TREE = f"""\
id: shop
title: Shop
profile: product-shop
start: q
nodes:
  q:
    question: Are your buyers there?
    reasoning: Because.
    citations: {CITE}
    answers:
      - label: "Yes"
        next: good
        reasoning: Good.
      - label: "No"
        next: bad
        reasoning: Bad.
  good:
    verdict: Go
    reasoning: Because.
    citations: {CITE}
    short_verdict: "Yes"
  bad:
    verdict: Stay
    reasoning: Because.
    citations: {CITE}
    short_verdict: Not now
"""


def write_project(tmp_path: Path, rules: dict[str, str | bytes], sources: dict[str, str] | None = None) -> GuideConfig:
    """A project folder with these rules files (name -> text) and sources."""
    (tmp_path / "rules").mkdir(exist_ok=True)
    (tmp_path / "content" / "sources").mkdir(parents=True, exist_ok=True)
    for name, text in rules.items():
        data = text if isinstance(text, bytes) else textwrap.dedent(text).encode("utf-8")
        (tmp_path / "rules" / name).write_bytes(data)
    for name, text in (sources if sources is not None else {"plain-talk.txt": SOURCE_EN,
                                                             "parler-franc.txt": SOURCE_FR}).items():
        (tmp_path / "content" / "sources" / name).write_text(text, encoding="utf-8")
    return GuideConfig(root=tmp_path)


def problems(tmp_path: Path, rules: dict[str, str | bytes], sources=None, severity=None):
    """(file name, line, column, rule) of every diagnostic."""
    cwd = os.getcwd()
    os.chdir(tmp_path)  # diagnostics print paths relative to the working folder
    try:
        _, diagnostics = check_guide(write_project(tmp_path, rules, sources))
    finally:
        os.chdir(cwd)
    return [(Path(d.mark.path).name, d.mark.line, d.mark.column, d.rule) for d in diagnostics
            if severity is None or d.severity == severity]


def diagnostics_of(tmp_path: Path, rules, sources=None):
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        return check_guide(write_project(tmp_path, rules, sources))[1]
    finally:
        os.chdir(cwd)


@pytest.fixture
def check(tmp_path):
    return lambda rules, sources=None, severity=None: problems(tmp_path, rules, sources, severity)


# --- browser tests --------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
"""The accessibility checker the browser tests inject into pages (`make test` fetches it with npm)."""
needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                    reason="Debian's chromium is not installed (make test installs it)")


class _QuietHandler(__import__("http.server").server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def build_and_serve(project: Path, site: Path):
    """Build a project with `guide build` and serve the site on localhost; yields the base URL."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "generator.cli", "build", "--site-dir", str(site)],
                            cwd=project, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    yield from serve_folder(site)


def serve_folder(site: Path):
    """Serve a built site on localhost; yields the base URL."""
    import functools
    import http.server
    import threading

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-background-networking"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh page that records uncaught errors and console errors in `page.errors`."""
    context = browser.new_context()
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    yield page
    context.close()


def steps_in_noscript(project: Path) -> None:
    """Build a project as large trees are: steps not shown inside <noscript>."""
    mkdocs = project / "mkdocs.yml"
    mkdocs.write_text(mkdocs.read_text(encoding="utf-8").replace(
        "  - decision-guide\n", "  - decision-guide:\n      steps_in_page: 0\n"), encoding="utf-8")


LAYOUT_SHIFT = """window.__shift = 0; new PerformanceObserver(list => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
    .observe({type: 'layout-shift', buffered: true});"""
"""An init script: window.__shift sums layout shift as Lighthouse counts it."""


def visible_nodes(page) -> list[str]:
    return page.eval_on_selector_all("[data-node]", "els => els.filter(e => !e.hidden).map(e => e.dataset.node)")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory):
    """The project's own guide, built once and served on localhost."""
    yield from build_and_serve(ROOT, tmp_path_factory.mktemp("real") / "site")
