"""A Content-Security-Policy for every page, as a <meta> tag.

Static hosts such as GitHub Pages cannot set headers, so the policy travels
in the page. Our own script is an external file; the theme's few inline
scripts are allowed by the SHA-256 of their exact text, computed from each
page as built, so the policy can never drift from the theme's markup.
An agency's analytics origin (`extra.brand.analytics.origin`, validated in
load/brand.py) is added to script-src and connect-src, and nowhere else: the
script loads from it and its events go to it; nothing else leaves the site.
"""
from __future__ import annotations

import base64
import hashlib
import re
from typing import Optional

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_HEAD = re.compile(r"<head[^>]*>", re.I)
MARKER = 'http-equiv="Content-Security-Policy"'


def _executable(attrs: str) -> bool:
    if re.search(r"\bsrc\s*=", attrs, re.I):
        return False
    kind = re.search(r"\btype\s*=\s*[\"']?([^\"'\s>]+)", attrs, re.I)
    # JSON blocks (the theme's __config) are data: the browser never runs them.
    return kind is None or kind.group(1).lower() in ("text/javascript", "module", "application/javascript")


def policy_for(html: str, analytics: Optional[str] = None) -> str:
    hashes = sorted({
        "'sha256-" + base64.b64encode(hashlib.sha256(m.group("body").encode("utf-8")).digest()).decode() + "'"
        for m in _INLINE_SCRIPT.finditer(html) if _executable(m.group("attrs"))
    })
    extra = [analytics] if analytics else []
    return "; ".join([
        "default-src 'self'",
        " ".join(["script-src 'self'", *extra, *hashes]),
        # The theme and the map set style attributes; styles cannot run code.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        " ".join(["connect-src 'self'", *extra]),
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def add_csp(html: str, analytics: Optional[str] = None) -> str:
    """The page with its policy as the first element of <head> (before any script)."""
    if MARKER in html:
        return html
    head = _HEAD.search(html)
    if head is None:
        return html
    tag = f'\n<meta http-equiv="Content-Security-Policy" content="{policy_for(html, analytics)}">'
    return html[: head.end()] + tag + html[head.end():]
