"""Which files of the docs folder reach readers.

The docs folder also holds the project's own documentation ("Writing rules",
"Fork and rebrand", "Embed and measure"), which tests read and GitHub shows,
and the source articles as the compiler reads them. A client's guide is for
its readers: a page whose front matter says `audience: maintainers` is left
out of the site (its pages, navigation, search and sitemap) unless the plugin's
`publish_maintainer_pages` is true; the sources' `.txt` files, whose reader's
form is their source page, are never published (their front matter carries
notes for editors). Both doors, the MkDocs plugin and the Zensical build, ask
here.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .config import TRANSLATED_PAGE, GuideConfig

MAINTAINERS = "maintainers"
"""The value of `audience` in the front matter of a page for the project's maintainers."""


def _front_matter(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    if not text.startswith("---"):
        return {}
    end = text.find("\n---", 3)
    try:
        data = yaml.safe_load(text[3:end]) if end > 0 else None
    except yaml.YAMLError:
        return {}  # MkDocs reports a broken front matter itself
    return data if isinstance(data, dict) else {}


def maintainer_pages(config: GuideConfig) -> set[str]:
    """Docs-relative paths of the pages marked `audience: maintainers`, and
    of their translations (`writing-rules.fr.md` follows `writing-rules.md`)."""
    docs = config.root / config.docs_dir
    pages = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if p.is_file())
    marked = {rel for rel in pages if _front_matter(docs / rel).get("audience") == MAINTAINERS}
    for rel in pages:
        match = TRANSLATED_PAGE.match(rel)
        if match and match.group(1) + ".md" in marked:
            marked.add(rel)
    return marked


def source_texts(config: GuideConfig) -> set[str]:
    """Docs-relative paths of the source articles' files, when they sit in the docs folder."""
    docs = (config.root / config.docs_dir).resolve()
    sources = (config.root / config.sources_dir).resolve()
    if not sources.is_dir() or not sources.is_relative_to(docs):
        return set()
    return {p.relative_to(docs).as_posix() for p in sources.rglob("*.txt") if p.is_file()}


def unpublished(config: GuideConfig) -> set[str]:
    """Docs-relative paths of the files kept out of the site."""
    hidden = source_texts(config)
    if not config.publish_maintainer_pages:
        hidden |= maintainer_pages(config)
    return hidden
