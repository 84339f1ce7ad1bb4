"""The guide in one of its languages.

Rules text is loaded in the guide's first language, with translations kept
beside it. Building another language swaps every translated text in; what
is not translated yet stays in the first language (and `guide check` says
so). Quotes are never translated: they are the sources' own words.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Optional

from .model import Citation, Guide, Mark, Source, Text


_FR_SPACE_BEFORE = re.compile(r"[ \u00a0\u202f]+([:;?!»])")
_FR_SPACE_AFTER = re.compile(r"«[ \u00a0\u202f]+")


def french_spacing(text: str) -> str:
    """French puts a space before : ; ? ! » and after «, and a line never
    breaks there: the space is made a no-break one (narrow before ; ? !), so
    a colon never starts a line on a phone."""
    text = _FR_SPACE_BEFORE.sub(lambda m: ("\u00a0" if m.group(1) in ":»" else "\u202f") + m.group(1), text)
    return _FR_SPACE_AFTER.sub("«\u00a0", text)


TYPOGRAPHY = {"fr": french_spacing}
"""Per-language typography applied to every translated text a reader sees (never to quotes)."""


def text_in(text: Optional[Text], language: str) -> Optional[str]:
    """A brand text as the edition in `language` shows it: its own text from a
    language map, else the map's main one (the rules' language, or the first)."""
    if text is None:
        return None
    translated = text.translated(language)
    if translated is None:
        return text.value
    return TYPOGRAPHY.get(language, str)(translated)


def edition_text(value, language: str, text_language: str = "en"):
    """`text_in` for a value as mkdocs.yml's plain reading gives it (a string, or
    a language map), for the doors that hand MkDocs or Zensical a string before
    the brand is loaded; anything else comes back as it is (load_brand reports it)."""
    if not isinstance(value, dict) or not value:
        return value
    texts = {k: v for k, v in value.items() if isinstance(v, str)}
    main = texts.get(text_language, next(iter(texts.values()), value))
    return text_in(Text(main, Mark("mkdocs.yml", 1, 1), tuple(sorted(texts.items()))), language)


def _swap(value, language: str):
    if isinstance(value, Text):
        translated = value.translated(language)
        if translated is None:
            return value
        return dataclasses.replace(value, value=TYPOGRAPHY.get(language, str)(translated))
    if isinstance(value, tuple):
        return tuple(_swap(v, language) for v in value)
    if isinstance(value, Citation):
        # The quote stays verbatim; its translation is what changes language.
        return dataclasses.replace(value, translation=_swap(value.translation, language))
    if isinstance(value, Source):
        # The article is quoted as published; only the reader's note on its date is ours to translate.
        return dataclasses.replace(value, published_note=_swap(value.published_note, language),
                                   note=_swap(value.note, language))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _swap(getattr(value, f.name), language) for f in dataclasses.fields(value)
                   if f.name != "mark"}
        return dataclasses.replace(value, **changes)
    return value


def localise(guide: Guide, language: str) -> Guide:
    """The guide with its texts in `language`, where they are translated."""
    if language == guide.rules_language:
        return dataclasses.replace(guide, edition=language)
    return dataclasses.replace(_swap(guide, language), edition=language)
