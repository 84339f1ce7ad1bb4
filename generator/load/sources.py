"""Source articles (`content/sources/<id>.txt`): front matter, then the text.

```
---
id: twitter-bad-for-business
title: "Twitter est-il mauvais pour les affaires ?"
author: null        # unknown is null, never invented
language: fr
url: null
published: "2010"  # "2021-09-14", "2021-09" or "2010"; null only when nothing dates it
published_estimated: true  # inferred from the text: published_note says from what
published_note: "It calls Twitter's 140-character limit current."  # for readers; or {en: ..., fr: ...}
note: "What was removed from the published page (site furniture)."  # for maintainers; or {en: ..., fr: ...}
---

The article's text, as published.
```
"""
from __future__ import annotations

import re
from typing import Optional

import yaml

from ..diagnostics import Diagnostic
from ..model import Mark, Source
from .nodes import LANGUAGE, NodeReader
from ..dates import parse_published
from ..yamlfile import decode, parse_text

SOURCE_KEYS = ("id", "title", "author", "language", "url", "published", "published_estimated", "published_note",
               "note")
SOURCE_REQUIRED = ("id", "title", "author", "language", "url", "published")


class _SourceReader(NodeReader):
    def nullable(self, fields, key, what, **kw):
        if key not in fields:
            return None
        node = fields[key][1]
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return None
        value = self.text(node, what, **kw)
        return value.value if value else None


def load_source(path: str, data: bytes, text_language: str = "en") -> tuple[Optional[Source], list[Diagnostic]]:
    text, problems = decode(path, data)
    if text is None:
        return None, problems
    lines = text.split("\n")
    close = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() == "---"), None)
    if not lines or lines[0].rstrip() != "---" or close is None:
        return None, [Diagnostic(Mark(path, 1, 1), "front-matter",
                                 "a source file starts with front matter between two '---' lines",
                                 "add id, title, author, language, url and published between '---' lines "
                                 "at the top (unknown values are null)")]
    doc = parse_text(path, "\n".join(lines[:close]) + "\n")
    if doc.root is None:
        return None, doc.diagnostics
    reader = _SourceReader(path, lines=doc.lines)
    fields = reader.mapping(doc.root, "the source's front matter", SOURCE_KEYS, SOURCE_REQUIRED)
    if fields is None:
        return None, reader.diagnostics
    source_id = reader.identifier(fields["id"][1], "the source's id") if "id" in fields else None
    title = reader.optional_text(fields, "title", "the source's title")
    language = reader.optional_text(fields, "language", "the source's language")
    if language is not None and not LANGUAGE.match(language.value):
        reader.error(language.mark, "bad-language", f"language {language.value!r} is not a language code",
                     "use a two-letter code such as 'en' or 'fr'")
        language = None
    url = reader.nullable(fields, "url", "the source's url")
    if url is not None and not re.match(r"^https?://", url):
        reader.error(fields["url"][1], "bad-url", f"url {url!r} is not an http(s) address",
                     "write the full address starting with https://, or null when unknown")
        url = None
    author = reader.nullable(fields, "author", "the source's author")
    published = reader.nullable(fields, "published", "the source's publication date", allow_dates=True)
    if published is not None and parse_published(published) is None:
        reader.error(fields["published"][1], "bad-date", f"published {published!r} is not a date",
                     'write "2021-09-14", "2021-09" or "2010" (in quotes), or null when nothing dates the text')
        published = None
    estimated = False
    if "published_estimated" in fields:
        node = fields["published_estimated"][1]
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:bool":
            estimated = node.value.lower() in ("true", "yes", "on")
        else:
            reader.error(node, "wrong-type", "published_estimated must be true or false",
                         "true when the date is inferred from the text (say from what in published_note), "
                         "false when the page states it")
    # The two notes are ours, not the article's: they may be written in every
    # language of the guide, as rules text is ({en: ..., fr: ...}); the rest
    # of the front matter is the article's own.
    reader.language = text_language
    published_note = reader.optional_text(fields, "published_note", "the source's published_note")
    note = None
    if "note" in fields and not (isinstance(fields["note"][1], yaml.ScalarNode)
                                 and fields["note"][1].tag == "tag:yaml.org,2002:null"):
        note = reader.optional_text(fields, "note", "the source's note")
    reader.language = None
    body_start = close + 1
    while body_start < len(lines) and not lines[body_start].strip():
        body_start += 1
    body = "\n".join(lines[body_start:]).rstrip() + "\n"
    if not body.strip():
        reader.error(Mark(path, close + 1, 1), "empty-source", "the source has no text after its front matter",
                     "paste the article's text below the closing '---'")
    if source_id is None or title is None or language is None or reader.diagnostics:
        return None, reader.diagnostics
    return Source(source_id.value, title.value, author, language.value, url, published, note, body, path,
                  source_id.mark, body_start + 1, estimated,
                  reader.mark(fields["published"][1]) if "published" in fields else source_id.mark,
                  published_note), reader.diagnostics
