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


# What Python-Markdown (no extensions) could read as syntax: its inline
# patterns' characters (code, escapes, links, raw HTML, entities, emphasis),
# whitespace at either end of a line (indented code, hard breaks), and what
# may open a block at the start of a line (lists, headings, quotes, rules,
# setext underlines). A text with none of these, in one paragraph, is
# written back as that paragraph, unchanged.
_SYNTAX = re.compile(r"[`\\\[\]<>&*_\t\r\x02\x03]|^\s|\s$|^(?:[-+*=#>]|\d+[.)])|\n\s*\n", re.M)


def _one_plain_paragraph(text: str) -> str | None:
    """Python-Markdown's output for a text it would leave as one paragraph
    (316 of the 322 texts of this repository's guide), or None. Converting
    them cost 47 ms of each edition's build; a test holds the two equal."""
    body = text.rstrip("\n")
    if not body or _SYNTAX.search(body):
        return None
    return f"<p>{body}</p>"


@lru_cache(maxsize=4096)
def markdown_block(text: str) -> Markup:
    """Paragraphs and lists: reasoning, the text of an outcome."""
    html = _one_plain_paragraph(text)
    if html is None:
        converter = _converter()
        converter.reset()
        html = converter.convert(text)
    return Markup(_clean(html))


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
