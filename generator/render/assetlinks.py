"""Links from a built page to our own assets, made right for Zensical.

Zensical reads a `src` in a page's raw HTML as relative to the Markdown file
and adds a `../` for directory URLs, whereas MkDocs keeps it as written
(relative to the page's address, as pages.py computes it). So the map page's
script, one folder up too many, was never loaded under Zensical. After the
build the page's own place in the site is known: the link is rewritten from it.
"""
from __future__ import annotations

import re

from .pages import ASSET_DIR

_OWN_ASSET = re.compile(r'(\s(?:src|href)=")(?:\.{1,2}/)*(' + re.escape(ASSET_DIR) + r'/[^"/]+")')


def fix_asset_links(html: str, page: str) -> str:
    """`page`: the built file's path in the site (`guide/b2b/map/index.html`)."""
    up = "../" * page.count("/")
    return _OWN_ASSET.sub(lambda m: m.group(1) + up + m.group(2), html)
