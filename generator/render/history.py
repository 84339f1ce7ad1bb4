"""Back and Forward within a guide page belong to the guide.

mkdocs-material's instant navigation takes the first `popstate` of a page for
a navigation: it fetches the page again and swaps its content in, so the
reader's focus is lost (and a 10,000-node page, 21 MB, is read again).
Listeners on window run in the order they were added, and guide.js loads
after the theme's bundle; so this one line goes first in <head> and hands
Back and Forward within a guide page to guide.js (`window.decisionGuide`)
alone. Elsewhere, or before guide.js has set up, it does nothing. Only guide
pages need it: only the first popstate of a page's life is taken for a
navigation, and a reader who came by instant navigation has already given
the theme that page's address.

The same line marks <html> with `dg-hash` when the address names a state
(`#a=…`, `#n-…`), and `dg-answered` when it holds answers: until guide.js
runs, the stylesheet then shows no step rather than the start step, which the
script would replace, and no summary, which the script would hide.
"""
from __future__ import annotations

import re

GUARD = ('<script>addEventListener("popstate",function(e){var g=window.decisionGuide;'
         'if(g&&g.page===location.pathname){e.stopImmediatePropagation();g.follow()}});'
         'var h=location.hash,c=document.documentElement.classList;'
         'if(/^#(a=|n-)/.test(h))c.add("dg-hash");if(/^#a=./.test(h))c.add("dg-answered")</script>')
_HEAD = re.compile(r"<head[^>]*>", re.I)


def add_history_guard(html: str) -> str:
    """A guide page with the guard as the first element of <head>; any other page as it is.
    Run before add_csp(), whose policy then allows it by its hash."""
    if "data-guide-tree=" not in html or GUARD in html:
        return html
    head = _HEAD.search(html)
    if head is None:
        return html
    return html[: head.end()] + "\n" + GUARD + html[head.end():]
