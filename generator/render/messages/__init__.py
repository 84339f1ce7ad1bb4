"""The interface's message catalogue: one YAML file per language.

An agency adds a language by adding `<code>.yml` here with the same keys;
a test keeps every catalogue complete.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

FOLDER = Path(__file__).parent


def available() -> list[str]:
    return sorted(p.stem for p in FOLDER.glob("*.yml"))


@lru_cache(maxsize=None)
def catalogue(language: str) -> dict[str, str]:
    """The messages of a language, falling back to English for a missing file or key."""
    english = yaml.safe_load((FOLDER / "en.yml").read_text(encoding="utf-8"))
    path = FOLDER / f"{language.split('-')[0]}.yml"
    if language == "en" or not path.is_file():
        return english
    return {**english, **yaml.safe_load(path.read_text(encoding="utf-8"))}


def translator(language: str):
    """`t(key, **values)` for templates."""
    messages = catalogue(language)

    def t(key: str, **values) -> str:
        text = messages[key]
        return text.format(**values) if values else text

    return t
