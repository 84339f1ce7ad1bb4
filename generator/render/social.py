"""Social previews: what a shared link shows (Open Graph and a Twitter card).

A reader who shares a result sends the client's guide to someone else; with
no tags, the preview shows nothing of it. The tags are read from each page as
built (its <title>, description, canonical address) so that both doors add
the same ones, both engines finishing their pages through site.py's
`PageFinish`. A tree's page is titled by its tree, a
source page by its article, so their previews name them.
"""
from __future__ import annotations

import html as htmllib
import re
from typing import Iterable, Optional
from urllib.parse import quote, urljoin

MARKER = 'property="og:title"'
LOCALES = {"en": "en_GB", "fr": "fr_FR", "de": "de_DE", "es": "es_ES", "it": "it_IT", "pt": "pt_PT",
           "nl": "nl_NL", "sv": "sv_SE", "da": "da_DK", "ja": "ja_JP", "zh": "zh_CN"}
"""Open Graph wants a territory: the edition's language in its home country."""

_HEAD_END = re.compile(r"</head\s*>", re.I)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S | re.I)
_DESCRIPTION = re.compile(r'<meta\s+name="description"\s+content="([^"]*)"', re.I)
_CANONICAL = re.compile(r'<link\s+rel="canonical"\s+href="([^"]*)"', re.I)


def og_locale(language: str) -> str:
    """`fr` → `fr_FR`, `pt-BR` → `pt_BR`."""
    main, _, region = language.replace("_", "-").partition("-")
    if region:
        return f"{main.lower()}_{region.upper()}"
    return LOCALES.get(main.lower(), f"{main.lower()}_{main.upper()}")


def image_url(site_url: Optional[str], brand) -> Optional[str]:
    """The preview's picture as an absolute address (networks fetch it from
    elsewhere): `extra.brand.image`, else the logo; None without site_url."""
    picture = getattr(brand, "image", None) or getattr(brand, "logo", None)
    if not picture:
        return None
    if re.match(r"^https?://", picture, re.I):
        return picture
    if not site_url:
        return None
    return urljoin(site_url.rstrip("/") + "/", quote(picture.lstrip("/")))


def add_social(page: str, site_name: str, language: str, image: Optional[str] = None,
               other_languages: Iterable[str] = ()) -> str:
    """The page with its preview's tags at the end of <head>; a page without
    <head>, or that has them already, as it is."""
    end = _HEAD_END.search(page)
    if end is None or MARKER in page[:end.start()]:
        return page
    head = page[:end.start()]
    found = _TITLE.search(head)
    title = htmllib.unescape(found.group(1)).strip() if found else site_name
    suffix = f" - {site_name}"
    if title.endswith(suffix) and title != suffix:
        title = title[: -len(suffix)]  # the theme's "<page> - <site>": the site has its own tag
    found = _DESCRIPTION.search(head)
    description = htmllib.unescape(found.group(1)) if found else ""
    found = _CANONICAL.search(head)
    url = htmllib.unescape(found.group(1)) if found else ""
    tags = [("property", "og:type", "website"), ("property", "og:site_name", site_name),
            ("property", "og:title", title), ("property", "og:description", description),
            ("property", "og:url", url), ("property", "og:image", image or ""),
            ("property", "og:locale", og_locale(language))]
    tags += [("property", "og:locale:alternate", og_locale(other)) for other in other_languages if other != language]
    tags += [("name", "twitter:card", "summary"), ("name", "twitter:title", title),
             ("name", "twitter:description", description), ("name", "twitter:image", image or "")]
    block = "".join(f'<meta {kind}="{name}" content="{htmllib.escape(value, quote=True)}">\n'
                    for kind, name, value in tags if value)
    return page[:end.start()] + block + page[end.start():]
