"""Whole-site builds: every edition, with MkDocs or Zensical, swapped in atomically.

MkDocs runs the `decision-guide` plugin itself. Zensical, the theme authors'
successor, reads mkdocs.yml but runs no third-party plugin, so for it the
compiler writes its pages into a copy of the docs folder and hands Zensical
a config that inherits mkdocs.yml. Either way the site is built into a fresh
folder and replaces `site/` only when every edition succeeded.
"""
from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import yaml

from .config import GuideConfig, plugin_options, read_mkdocs_yml
from .diagnostics import CompileError, format_text, has_errors, summary
from .load.brand import SITE_TEXTS, load_brand
from .localise import edition_text
from .pipeline import compile_guide, write_outputs
from .render.assetlinks import fix_asset_links
from .render import interface
from .messages import translator
from .site import edition_pages, page_finish, theme_settings

ENGINES = ("mkdocs", "zensical")


class BuildFailed(Exception):
    """The build stopped; what went wrong was printed already."""


@dataclass(frozen=True)
class Edition:
    """One language of the site."""

    language: str
    """Its language."""
    site_dir: Path
    """Where it is built (the main edition at the root, others in `<lang>/`)."""
    site_url: Optional[str]
    """Its public address, when mkdocs.yml sets one."""


def editions(config: GuideConfig, mkdocs: dict, staging: Path) -> list[Edition]:
    site_url = mkdocs.get("site_url") or None
    out = [Edition(config.editions[0], staging, site_url)]
    for lang in config.editions[1:]:
        out.append(Edition(lang, staging / lang, site_url.rstrip("/") + f"/{lang}/" if site_url else None))
    return out


def _commit_time(root: Path) -> Optional[str]:
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True,
                                timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip().isdigit() else None


def build_site(config: GuideConfig, site: Path, engine: str = "mkdocs", strict: bool = False) -> None:
    """Build every edition into a fresh folder, then swap it in for `site`."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    # Reproducible builds: the only date in the output (the sitemap's) is the
    # last commit's, unless SOURCE_DATE_EPOCH says otherwise.
    if "SOURCE_DATE_EPOCH" not in os.environ:
        stamp = _commit_time(config.root)
        if stamp:
            os.environ["SOURCE_DATE_EPOCH"] = stamp
    mkdocs_yml = config.root / "mkdocs.yml"
    mkdocs = read_mkdocs_yml(mkdocs_yml)
    # mkdocs.yml's own mistakes (a brand value, a site_name per language) are
    # reported at their line before MkDocs or Zensical reads the file, whose
    # own messages would name neither line nor fix.
    _, problems = load_brand(mkdocs_yml, config.root / config.docs_dir, config.display(mkdocs_yml),
                             config.rules_language, config.editions)
    if has_errors(problems):
        print(format_text([d for d in problems if d.severity == "error"]), file=sys.stderr)
        raise BuildFailed(summary(problems))
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=site.parent))
    work = Path(tempfile.mkdtemp(prefix="guide-build-"))
    from .plugin import EDITION_BUILD

    os.environ[EDITION_BUILD] = config.editions[0]  # each edition is built here: the plugin builds no others
    try:
        for edition in editions(config, mkdocs, staging):
            if engine == "mkdocs":
                _build_with_mkdocs(mkdocs_yml, mkdocs, edition, strict)
            else:
                _build_with_zensical(config, mkdocs_yml, mkdocs, edition, work)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        os.environ.pop(EDITION_BUILD, None)
        shutil.rmtree(work, ignore_errors=True)
    _swap(staging, site)


def build_other_editions(config: GuideConfig, site_dir: Path) -> None:
    """Every edition but the root one, into `<lang>/` of a folder MkDocs just
    built the root edition in (a plain `mkdocs build`, or `mkdocs serve`)."""
    mkdocs_yml = config.root / (config.mkdocs_file or "mkdocs.yml")
    mkdocs = read_mkdocs_yml(mkdocs_yml)
    for edition in editions(config, mkdocs, site_dir)[1:]:
        _build_with_mkdocs(mkdocs_yml, mkdocs, edition, strict=False)


def _swap(staging: Path, site: Path) -> None:
    old = None
    if site.exists():
        old = Path(tempfile.mkdtemp(prefix=".site-old-", dir=site.parent))
        site.rename(old / "site")
    staging.rename(site)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _build_with_mkdocs(mkdocs_yml: Path, mkdocs: dict, edition: Edition, strict: bool) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    overrides: dict = {"site_dir": str(edition.site_dir), **site_texts(mkdocs, edition.language)}
    theme = mkdocs.get("theme") if isinstance(mkdocs.get("theme"), dict) else {"name": mkdocs.get("theme")}
    if edition.language != theme.get("language", "en"):
        overrides.update(theme={**theme, "language": edition.language}, site_url=edition.site_url)
    try:
        build(load_config(str(mkdocs_yml), strict=strict, **overrides))
    except (MkDocsException, SystemExit) as e:
        raise BuildFailed(str(e) or "MkDocs stopped") from None


def site_texts(mkdocs: dict, language: str) -> dict:
    """`site_name` and `site_description` as this edition shows them. MkDocs
    takes only a string there and checks it before any plugin runs, so a
    language map is resolved here, before MkDocs reads mkdocs.yml."""
    text_language = plugin_options(mkdocs).get("text_language", "en")
    return {key: edition_text(mkdocs[key], language, text_language) for key in SITE_TEXTS
            if isinstance(mkdocs.get(key), dict)}


def _section_titles(docs: Path, pages_dir: str, t) -> None:
    """`.nav.yml` in each generated folder, giving its section's title in the edition."""
    for folder, title in interface.section_titles(pages_dir, t).items():
        if (docs / folder).is_dir():
            (docs / folder / ".nav.yml").write_text(yaml.safe_dump({"title": title}, allow_unicode=True),
                                                   encoding="utf-8")
    # A tree's map (`guide/b2b/map.md`) is reached from the tree's page, as
    # under MkDocs: in the navigation its folder would be a section titled
    # with the tree's id ("B2b").
    for tree_map in (docs / pages_dir).glob("*/map.md"):
        (tree_map.parent / ".nav.yml").write_text("hide: true\n", encoding="utf-8")


def _docs_for(config: GuideConfig, language: str, target: Path) -> None:
    """A copy of the docs folder as the edition publishes it (site.py `edition_pages`)."""
    shutil.copytree(config.root / config.docs_dir, target)
    files = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
    serves = edition_pages(config, language, files)
    sources = set(serves.values())
    for rel in files:
        if rel not in sources:
            (target / rel).unlink()
    for rel, source in serves.items():
        if rel != source:
            (target / source).replace(target / rel)


def _build_with_zensical(config: GuideConfig, mkdocs_yml: Path, mkdocs: dict, edition: Edition,
                         work: Path) -> None:
    texts = site_texts(mkdocs, edition.language)
    edition_config = dataclasses.replace(config, edition=edition.language,
                                         title=texts.get("site_name", config.title))
    try:
        compiled = compile_guide(edition_config)
    except CompileError as e:
        print(format_text(e.diagnostics), file=sys.stderr)
        raise BuildFailed(summary(e.diagnostics)) from None
    if compiled.diagnostics:  # warnings, as the MkDocs plugin logs them
        print(format_text(compiled.diagnostics, snippets=False), file=sys.stderr)
    # Zensical wants docs and site inside the folder of its config file.
    project = work / f"zensical-{edition.language}"
    docs = project / "docs"
    _docs_for(config, edition.language, docs)
    write_outputs(compiled, docs, docs)
    t = translator(edition.language, config.root)
    _section_titles(docs, config.pages_dir, t)
    brand = compiled.guide.brand
    # Zensical merges these into mkdocs.yml's own (INHERIT), lists appended.
    settings: dict = {"INHERIT": str(mkdocs_yml.resolve()), "docs_dir": "docs", "site_dir": "site",
                      **theme_settings(brand, edition.language, config.editions, mkdocs)}
    settings["theme"] = {"language": edition.language, **settings["theme"]}
    if edition.site_url:
        settings["site_url"] = edition.site_url
    settings.update(texts)
    # Zensical runs no plugin: the theme's English words (permalinks, palette
    # toggles, the 404 heading) are put in the edition's language in its output.
    toggles = interface.toggle_names((mkdocs.get("theme") or {}).get("palette")
                                     if isinstance(mkdocs.get("theme"), dict) else None, t)
    # Its built-in awesome-nav reads each folder's `.nav.yml`: the sections
    # named after our folders take their titles from there.
    settings["plugins"] = ["awesome-nav"]
    config_file = project / "zensical.yml"
    config_file.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=True), encoding="utf-8")
    executable = shutil.which("zensical", path=str(Path(sys.executable).parent)) or shutil.which("zensical")
    if executable is None:
        raise BuildFailed("Zensical is not installed: pip install zensical")
    result = subprocess.run([executable, "build", "-f", str(config_file)], cwd=project,
                            capture_output=True, text=True)
    if result.returncode != 0:
        print(result.stdout + result.stderr, file=sys.stderr)
        raise BuildFailed("Zensical stopped")
    finish = page_finish(edition_config, brand, edition.site_url)
    for page in sorted((project / "site").rglob("*.html")):
        html = fix_asset_links(page.read_text(encoding="utf-8"), page.relative_to(project / "site").as_posix())
        page.write_text(finish(interface.theme_words(html, t, toggles)), encoding="utf-8")
    edition.site_dir.parent.mkdir(parents=True, exist_ok=True)
    if edition.site_dir.exists():  # the main edition's folder holds the others: move its content
        for item in (project / "site").iterdir():
            shutil.move(str(item), str(edition.site_dir / item.name))
    else:  # shutil.move: the work folder may be on another file system
        shutil.move(str(project / "site"), str(edition.site_dir))
