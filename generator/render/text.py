"""Authors' text to safe HTML.

Rules text may hold Markdown. MkDocs treats authors as trusted and passes raw
HTML through; a guide built from strangers' pull requests must not. So text
is rendered here, then cleaned against an allowlist (nh3), before any
template sees it.
"""
from __future__ import annotations

import re
from functools import lru_cache

import markdown
import nh3
from markupsafe import Markup, escape

_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "code", "br", "blockquote", "del"}
_ATTRIBUTES = {"a": {"href", "title"}}
_SCHEMES = {"http", "https", "mailto"}


def _keep_attribute(element: str, attribute: str, value: str):
    # nh3 keeps protocol-relative URLs ('//evil.example'); they leave the site.
    if attribute == "href" and value.strip().startswith("//"):
        return None
    return value


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=[], output_format="html")


def _clean(html: str) -> str:
    return nh3.clean(html, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES,
                     link_rel="noopener", attribute_filter=_keep_attribute)


@lru_cache(maxsize=4096)
def markdown_block(text: str) -> Markup:
    """Paragraphs and lists: reasoning, the text of an outcome."""
    converter = _converter()
    converter.reset()
    return Markup(_clean(converter.convert(text)))


_SINGLE_P = re.compile(r"^<p>(.*)</p>$", re.S)


@lru_cache(maxsize=4096)
def markdown_inline(text: str) -> Markup:
    """One line: a question, a label, a verdict, a step."""
    if not any(c in text for c in "*_`[<&\\"):
        return escape(text)  # the common case, without a Markdown pass
    html = str(markdown_block(text)).strip()
    match = _SINGLE_P.match(html)
    return Markup(match.group(1) if match else html)


def plain(text: str) -> str:
    """Text without its Markdown, for titles, JSON and screen-reader labels."""
    html = str(markdown_inline(text))
    return re.sub(r"<[^>]+>", "", html).replace("&amp;", "&").replace("&lt;", "<").replace(
        "&gt;", ">").replace("&quot;", '"').replace("&#39;", "'")
