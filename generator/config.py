"""Where the rules and sources are, and the guide's name and language.

The same settings reach the pipeline from `guide` on the command line (read
from `mkdocs.yml`) and from the MkDocs plugin (read from MkDocs' config), so
both doors build the same guide.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import yaml

from .registry import LEVELS


@dataclass(frozen=True)
class GuideConfig:
    """Settings of one guide build."""

    root: Path
    """Project folder; paths below are relative to it."""
    rules_dir: str = "rules"
    """Folder of the rules files (`*.yml`, one tree each)."""
    sources_dir: str = "content/sources"
    """Folder of the source articles (`*.txt` with front matter)."""
    docs_dir: str = "content"
    """MkDocs' docs folder: generated pages are placed as if they were in it."""
    pages_dir: str = "guide"
    """Folder, inside the site, of the generated tree and source pages."""
    edition: str = "en"
    """The language of the edition being built; quotes in other languages need a translation."""
    editions: tuple[str, ...] = ("en",)
    """Every edition built (language codes), the main one (at the site's root) first."""
    rules_language: str = "en"
    """The language plain strings of the rules are written in (the plugin's
    `text_language` option); translations sit beside them."""
    title: str = "Decision guide"
    """The guide's name."""
    mkdocs_file: Optional[str] = None
    """mkdocs.yml, relative to root, whose `extra.brand` rebrands the guide."""
    steps_in_page: int = 200
    """Trees of up to this many nodes have every step in the page's document,
    hidden; larger ones keep the steps not shown in <noscript> (tree.md.j2)."""

    stale_after_years: int = 8
    """Outcomes resting only on sources older than this need a caveat (check stale-evidence)."""
    checks: tuple[tuple[str, str], ...] = ()
    """The levels a guide sets for switchable checks (`checks:` in the plugin's
    options), as (check id, `error` | `warning` | `off`) pairs."""
    publish_maintainer_pages: bool = False
    """Publish the pages marked `audience: maintainers` (Writing rules...); a
    client's guide is for its readers, so they stay in the repository by default."""

    def display(self, path: Path) -> str:
        """A path as diagnostics print it: relative to the working folder when inside it."""
        try:
            return os.path.relpath(path)
        except ValueError:  # pragma: no cover - another drive on Windows
            return str(path)


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose `!!python/name:` tags we neither need nor run."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_mkdocs_yml(path: Path) -> dict:
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=_LenientLoader) or {}


def plugin_options(mkdocs: dict) -> dict:
    for entry in mkdocs.get("plugins") or []:
        if entry == "decision-guide":
            return {}
        if isinstance(entry, dict) and "decision-guide" in entry:
            return entry["decision-guide"] or {}
    return {}


def config_from_mkdocs(mkdocs: dict, root: Path, options: Optional[dict] = None,
                       mkdocs_file: Optional[str] = "mkdocs.yml", main_language: Optional[str] = None) -> GuideConfig:
    """The guide's settings as `mkdocs.yml` gives them, or as MkDocs' own config
    does: the plugin passes its validated options, so both doors read them here.

    `main_language`: the root edition's, when this is another edition's build
    (whose theme language is its own)."""
    options = plugin_options(mkdocs) if options is None else options
    theme = mkdocs.get("theme") or {}
    language = theme.get("language", "en") if isinstance(theme, dict) else "en"
    docs_dir = os.path.relpath(os.path.join(root, mkdocs.get("docs_dir", "docs")), root)
    language = language or "en"
    languages = editions(main_language or language, options.get("languages"))
    return GuideConfig(
        root=root,
        rules_dir=options.get("rules_dir", "rules"),
        # MkDocs hands an unset option over as None.
        sources_dir=options.get("sources_dir") or f"{docs_dir}/sources",
        docs_dir=docs_dir,
        pages_dir=options.get("pages_dir", "guide"),
        edition=language,
        editions=languages,
        rules_language=options.get("text_language", "en"),
        title=_site_name(mkdocs, language, options.get("text_language", "en")),
        mkdocs_file=mkdocs_file,
        steps_in_page=_count(options.get("steps_in_page"), GuideConfig.steps_in_page),
        stale_after_years=_count(options.get("stale_after_years"), GuideConfig.stale_after_years),
        checks=check_levels(options.get("checks")),
        publish_maintainer_pages=options.get("publish_maintainer_pages") is True,
    )


def _site_name(mkdocs: dict, language: str, text_language: str) -> str:
    """The main edition's name: `site_name` may be a language map (load/brand.py checks it)."""
    from .localise import edition_text

    name = edition_text(mkdocs.get("site_name"), language, text_language)
    return name if isinstance(name, str) and name else "Decision guide"


def check_levels(value) -> tuple[tuple[str, str], ...]:
    """The `checks:` option as pairs; load/options.py reports what is not a
    check id mapped to a level, and those entries are left out here."""
    if not isinstance(value, dict):
        return ()
    # YAML 1.1 reads a bare `off` as false (and `on` as true): take them as meant.
    named = {False: "off", True: "error"}
    levels = {k: named[v] if isinstance(v, bool) else v.lower() for k, v in value.items()
              if isinstance(k, str) and isinstance(v, (str, bool))}
    return tuple(sorted((k, v) for k, v in levels.items() if v in LEVELS))


def _count(value, default: int) -> int:
    # MkDocs validates the plugin's options when it builds; `guide check` and
    # `guide pages` read them here and keep the default for a value MkDocs refuses.
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else default


TRANSLATED_PAGE = re.compile(r"^(.+)\.([a-z]{2})\.md$")
"""`about.fr.md`: the French edition's `about.md` (group 1: the page, group 2: the language)."""


def editions(theme_language: str, configured) -> tuple[str, ...]:
    """The languages to build, the main edition (at the site's root) first.

    One rule for every door (`guide build`, `mkdocs build`, `mkdocs serve`,
    Zensical): `theme.language` is the edition at the root; the plugin's
    `languages` lists the editions there are, in any order. Without
    `languages`, the theme's language is the only one.
    """
    listed = tuple(dict.fromkeys(configured or ()))
    return (theme_language, *[lang for lang in listed if lang != theme_language])


AUTONYMS = {"en": "English", "fr": "Français", "de": "Deutsch", "es": "Español", "it": "Italiano"}


def language_switcher(languages, current: str) -> list[dict]:
    """mkdocs-material's `extra.alternate`: the main edition at the root, the others in `<lang>/`.

    Links are relative to the current edition's root (the theme resolves them
    against each page), so the switcher works at any address and on any host.
    """
    main = languages[0]
    up = "" if current == main else "../"
    return [{"name": AUTONYMS.get(lang, lang), "lang": lang,
             "link": "./" if lang == current else (up or "./") if lang == main else f"{up}{lang}/"}
            for lang in languages]


def find_config(start: Path) -> GuideConfig:
    """Settings from the nearest `mkdocs.yml`, or defaults when there is none."""
    for folder in [start, *start.parents]:
        candidate = folder / "mkdocs.yml"
        if candidate.is_file():
            return config_from_mkdocs(read_mkdocs_yml(candidate), folder)
    return GuideConfig(root=start)
