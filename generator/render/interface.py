"""The theme's own words in the edition's language.

mkdocs-material translates most of its interface from `theme.language`, but
a few words come from mkdocs.yml or are written in English in its templates:
the palette toggles' names, the heading permalinks' title (the toc
extension's `permalink_title`), the 404 page's heading, the search dialog's
name (ours, see generator/site.py) and the titles of the sections MkDocs derives
from our folder names (`guide/embed/` reads "Embed"). Each edition takes
them from the message catalogue instead, so a fork changes them in
`messages/<language>.yml` like any other interface word.
"""
from __future__ import annotations

import copy
import html
import re
from typing import Callable, Optional

from ..messages import available, shipped

_MATERIAL_404 = "<h1>404 - Not found</h1>"


def _toggle_key(entry) -> str:
    """The catalogue key of a toggle's name: it names the palette it switches *to*."""
    scheme = entry.get("scheme") if isinstance(entry, dict) else None
    if scheme == "slate":
        return "palette_to_dark"
    if scheme == "default" or scheme is not None:
        return "palette_to_light"
    return "palette_to_system"  # an entry without a scheme follows the system's preference


def _stock_names() -> set[str]:
    """Toggle names as the shipped catalogues write them (and mkdocs-material's docs)."""
    names = {"Switch to dark mode", "Switch to light mode", "Switch to system preference"}
    for language in available():
        names |= {shipped(language)[k] for k in ("palette_to_dark", "palette_to_light", "palette_to_system")}
    return names


def palette(configured, t: Callable[[str], str]):
    """`theme.palette` with each toggle named in the edition's language.

    A name the agency wrote itself (not one of the stock ones) is kept.
    Returns the palette unchanged when it has no toggles.
    """
    if isinstance(configured, dict):
        configured = [configured]
    if not isinstance(configured, list) or len(configured) < 2:
        return configured
    out = copy.deepcopy(configured)
    stock = _stock_names()
    for i, entry in enumerate(out):
        toggle = entry.get("toggle") if isinstance(entry, dict) else None
        if not isinstance(toggle, dict):
            continue
        name = toggle.get("name")
        if name is None or name in stock:
            toggle["name"] = t(_toggle_key(out[(i + 1) % len(out)]))
    return out


def toggle_names(configured, t: Callable[[str], str]) -> dict[str, str]:
    """Configured toggle name → its name in the edition (for HTML written by another engine)."""
    before = configured if isinstance(configured, list) else [configured] if isinstance(configured, dict) else []
    after = palette(before, t) or []
    names = {}
    for old, new in zip(before, after):
        try:
            names[old["toggle"]["name"]] = new["toggle"]["name"]
        except (KeyError, TypeError):
            continue
    return {k: v for k, v in names.items() if isinstance(k, str) and k != v}


def section_title(folder: str) -> str:
    """The title MkDocs gives a section it derives from a folder (mkdocs.structure.nav)."""
    title = folder.rsplit("/", 1)[-1].replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def section_titles(pages_dir: str, t: Callable[[str], str]) -> dict[str, str]:
    """The generated pages' folders → their section title in the edition."""
    return {pages_dir: t("nav_guide"), f"{pages_dir}/embed": t("nav_embed"),
            f"{pages_dir}/sources": t("nav_sources")}


def not_found_page(output: str, t: Callable[[str], str]) -> str:
    """mkdocs-material's 404 heading, which its template writes in English."""
    return output.replace(_MATERIAL_404, f"<h1>{html.escape(t('not_found'))}</h1>", 1)


_PERMALINK = re.compile(r'(<a class="headerlink" href="[^"]*" title=")Permanent link(")')


def theme_words(output: str, t: Callable[[str], str], toggles: Optional[dict[str, str]] = None) -> str:
    """A page written by an engine that runs no plugin (Zensical), with the
    theme's English words in the edition's language: permalinks' title, the
    palette toggles' names, the 404 heading."""
    output = _PERMALINK.sub(lambda m: m.group(1) + html.escape(t("permalink_title")) + m.group(2), output)
    for old, new in (toggles or {}).items():
        for attribute in ("title", "aria-label"):
            output = output.replace(f'{attribute}="{html.escape(old)}"', f'{attribute}="{html.escape(new)}"')
    return not_found_page(output, t)
