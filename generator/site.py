"""One wiring of the site for both engines.

MkDocs runs our plugin (plugin.py); Zensical runs none, so `guide build
--engine zensical` (build.py) hands it a config and reworks the pages it
wrote. What the site is made of besides the compiled pages is decided here
once, from plain values, for both: the settings the brand and the editions
give the theme, which file of the docs folder serves each page of an
edition, and what every built page gets afterwards. Each engine only
applies the answer its own way, so the two sites cannot drift apart
(tests/test_site_wiring.py builds both and compares).
"""
from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass
from typing import Iterable, Optional

from .audience import unpublished
from .config import TRANSLATED_PAGE, GuideConfig, language_switcher
from .localise import text_in
from .model import Brand
from .render.csp import add_csp
from .render.history import add_history_guard
from .messages import translator
from .render.pages import page_assets
from .render.social import add_social, image_url


def theme_settings(brand: Brand, language: str, languages: tuple[str, ...], configured: dict) -> dict:
    """What one edition's config gains, written as in mkdocs.yml: `theme`
    (logo, favicon), `copyright` (the footer), `extra.alternate` (the language
    switcher) and the `extra_css` / `extra_javascript` entries to append.

    `configured`: mkdocs.yml's settings as the engine read them. What they
    set already (a switcher of the agency's own, an asset listed by hand) is
    kept and not doubled: both engines append these lists to the configured
    ones (Zensical's INHERIT merges lists by appending)."""
    settings: dict = {"theme": {key: value for key, value in (("logo", brand.logo), ("favicon", brand.favicon))
                                if value}}
    if brand.footer:
        settings["copyright"] = text_in(brand.footer, language)
    extra = configured.get("extra") if isinstance(configured.get("extra"), dict) else {}
    if len(languages) > 1 and not extra.get("alternate"):
        settings["extra"] = {"alternate": language_switcher(languages, language)}
    stylesheets, scripts = page_assets(brand)
    for key, wanted in (("extra_css", stylesheets), ("extra_javascript", scripts)):
        listed = [str(entry) for entry in configured.get(key) or []]
        settings[key] = [path for path in wanted if path not in listed]
    return settings


def edition_pages(config: GuideConfig, language: str, files: Iterable[str],
                  hidden: Optional[set[str]] = None) -> dict[str, str]:
    """Docs-relative path of each file the edition publishes → the file that
    serves it: `about.fr.md` serves `about.md` in the French edition, and no
    page in the others; files kept from readers serve none, so a maintainers'
    page's translation never takes its place either.

    `files`: the docs folder's files, docs-relative; `hidden`: audience.py's
    `unpublished(config)`, when the caller has it already."""
    hidden = unpublished(config) if hidden is None else hidden
    served: dict[str, str] = {}
    translated: dict[str, str] = {}
    for rel in files:
        if rel in hidden:
            continue
        match = TRANSLATED_PAGE.match(rel)
        if match and match.group(2) in config.editions:
            if match.group(2) == language:
                translated[match.group(1) + ".md"] = rel
            continue
        served[rel] = rel
    return {**served, **translated}


_SEARCH_DIALOG = re.compile(r'(data-md-component="search" role="dialog")(?:\s+aria-label="[^"]*")?>')


def name_search_dialog(page: str, name: str) -> str:
    """The theme's search dialog named from the edition's catalogue, so a fork
    renames it in messages/<language>.yml. mkdocs-material 9.8 leaves it
    without a name (screen readers announce an anonymous dialog); Zensical
    names it from its own translations, which a fork cannot change."""
    return _SEARCH_DIALOG.sub(lambda m: f'{m.group(1)} aria-label="{htmllib.escape(name)}">', page, count=1)


@dataclass(frozen=True)
class PageFinish:
    """What every page of one edition gets once its engine has written it."""

    site_name: str
    language: str
    languages: tuple[str, ...]
    search_name: str
    """The search dialog's accessible name."""
    preview_image: Optional[str]
    """The social preview's picture, absolute (render/social.py)."""
    analytics: Optional[str]
    """The one origin the policy adds (render/csp.py)."""
    policy: bool = True
    """False under `mkdocs serve`, whose live-reload script a policy would block."""

    def __call__(self, page: str) -> str:
        page = name_search_dialog(page, self.search_name)
        page = add_social(page, self.site_name, self.language, self.preview_image, self.languages)
        # The guard before the policy: the policy allows it by its hash.
        page = add_history_guard(page)
        return add_csp(page, self.analytics) if self.policy else page


def page_finish(config: GuideConfig, brand: Brand, site_url: Optional[str], policy: bool = True) -> PageFinish:
    """The finish of the pages of `config`'s edition, published at `site_url`."""
    return PageFinish(site_name=config.title, language=config.edition, languages=tuple(config.editions),
                      search_name=translator(config.edition, config.root)("search_label"),
                      preview_image=image_url(site_url, brand), analytics=brand.analytics_origin, policy=policy)
