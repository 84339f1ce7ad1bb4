"""The whole compiler: load → check → render, with nothing written.

Both doors (the `guide` command and the MkDocs plugin) call `compile_guide`.
It reads and checks *everything* before rendering anything, and renders into
memory, so a failure can never leave a half-written site behind.
"""
from __future__ import annotations

import dataclasses
import datetime
import gc
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .check import run_checks
from .config import GuideConfig
from .diagnostics import CompileError, Diagnostic, has_errors, sort_diagnostics
from .load import load_all
from .load.messages import untranslated
from .localise import localise
from .model import Guide
from .decision_paths import stale_paths
from .render.export import guide_json
from .render.pages import assets, brand_stylesheet, render_pages
from .urls import Urls


@dataclass(frozen=True)
class Compiled:
    """A checked guide and every file it renders to."""

    guide: Guide
    """The model."""
    pages: dict[str, str]
    """Generated Markdown pages, by path in the docs folder."""
    files: dict[str, bytes]
    """Other generated files (guide.json, script, stylesheet), by path in the site."""
    diagnostics: list[Diagnostic]
    """Warnings met on the way (errors raise instead)."""


def build_date() -> datetime.date:
    """The build's own date: SOURCE_DATE_EPOCH when set, so a rebuild of the
    same commit judges the age of its evidence the same way."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return datetime.date.today()


def reviewed_date(config: GuideConfig) -> datetime.date | None:
    """When the guide's content last changed, as readers are told: the
    committer date of the last commit touching the rules or the sources, so
    the same commit always says the same; else SOURCE_DATE_EPOCH's date; else
    None (the page then says nothing rather than guess). Editing a typo in
    the generator is not a review of the advice, hence those two folders only."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%cs", "--", config.rules_dir, config.sources_dir],
                                cwd=config.root, capture_output=True, text=True, timeout=10)
        found = result.stdout.strip() if result.returncode == 0 else ""
        if found:
            return datetime.date.fromisoformat(found)
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    return None


def check_guide(config: GuideConfig, snapshot: bool = False) -> tuple[Guide, list[Diagnostic]]:
    """Load and check; every diagnostic, sorted, whatever its severity.

    With `snapshot`, also compare the committed path snapshot (`stale-paths`),
    as `guide check` does before a commit and in a pull request.
    """
    # Loading allocates hundreds of thousands of objects that all survive;
    # the cyclic collector would rescan them again and again (measured: 40%
    # of check time at 10,000 nodes). Nothing here makes reference cycles.
    paused = gc.isenabled()
    gc.disable()
    try:
        loaded = load_all(config)
    finally:
        if paused:
            gc.enable()
    # Before localise() the guide's texts are in the rules' language: that is its edition.
    guide = Guide(title=config.title, edition=config.rules_language, trees=tuple(loaded.trees),
                  sources=tuple(loaded.sources), brand=loaded.brand, editions=config.editions,
                  rules_language=config.rules_language, today=build_date(),
                  stale_after_years=config.stale_after_years, messages_root=str(config.root),
                  unloaded=loaded.unloaded)
    diagnostics = loaded.diagnostics
    # A file too broken to load is reported by the loader alone; the checks
    # see the trees that loaded, so one mistake is not reported twice.
    diagnostics += list(run_checks(guide, dict(config.checks)))
    mkdocs_yml = config.root / config.mkdocs_file if config.mkdocs_file else None
    if snapshot and not has_errors(diagnostics):
        # Paths of a broken tree mean nothing; its own errors come first.
        diagnostics += stale_paths(guide, config)
    # Interface words: the fork's catalogues, and each edition's missing words.
    diagnostics += untranslated(config.root, config.editions, mkdocs_yml, config.display)
    return guide, sort_diagnostics(diagnostics)


def compile_guide(config: GuideConfig, directory_urls: bool = True) -> Compiled:
    """Load, check and render; raises CompileError if anything is wrong."""
    guide, diagnostics = check_guide(config)
    if has_errors(diagnostics):
        raise CompileError(diagnostics)
    guide = localise(dataclasses.replace(guide, reviewed=reviewed_date(config)), config.edition)
    urls = Urls(config.pages_dir, directory_urls)
    pages = render_pages(guide, urls, config.steps_in_page)
    files = {"guide.json": guide_json(guide, urls).encode("utf-8"), **assets()}
    stylesheet = brand_stylesheet(guide.brand)
    if stylesheet:
        files[stylesheet[0]] = stylesheet[1]
    return Compiled(guide, pages, files, diagnostics)


def write_outputs(compiled: Compiled, pages_root: Path, files_root: Path) -> None:
    """Write generated pages (for engines that only read files) and other outputs."""
    for rel, text in sorted(compiled.pages.items()):
        target = pages_root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for rel, data in sorted(compiled.files.items()):
        target = files_root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
