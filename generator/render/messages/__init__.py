"""The interface's message catalogue: one YAML file per language.

The generator ships `en.yml` and `fr.yml` here, with the same keys (a test
keeps every catalogue complete). A fork adds a language, or changes words of
a shipped one, in `messages/<code>.yml` beside its mkdocs.yml, without
touching this folder: `catalogue(language, root)` merges it over these, and
English fills whatever is still missing (`guide check` lists it).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Optional

import yaml

FOLDER = Path(__file__).parent


def available() -> list[str]:
    return sorted(p.stem for p in FOLDER.glob("*.yml"))


@lru_cache(maxsize=None)
def shipped(language: str) -> dict[str, str]:
    """The generator's own messages of a language; empty when it ships none."""
    path = FOLDER / f"{language.split('-')[0]}.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}


def catalogue(language: str, root: Optional[Path] = None) -> dict[str, str]:
    """The messages of a language for the project in `root`: the fork's own
    (`messages/<language>.yml`, and `messages/en.yml` for English words it
    changes) over the shipped ones, English for any key still missing."""
    from ...load.messages import fork_file

    stamps = []
    for lang in dict.fromkeys(("en", language)):
        path = fork_file(root, lang)
        # The file's time and size in the cache key: under `mkdocs serve` an
        # edited catalogue is read again on the next rebuild.
        stat = path.stat() if path else None
        stamps.append((str(path), stat.st_mtime_ns, stat.st_size) if stat else None)
    return _catalogue(language, tuple(stamps))


@lru_cache(maxsize=64)
def _catalogue(language: str, stamps: tuple) -> dict[str, str]:
    from ...load.messages import read_fork_catalogue

    english = dict(shipped("en"))
    forks = [read_fork_catalogue(Path(s[0]), s[0], shipped("en"))[0] if s else {} for s in stamps]
    english.update(forks[0])
    if language.split("-")[0] == "en":
        return english
    return {**english, **shipped(language), **(forks[1] if len(forks) > 1 else {})}


def translator(language: str, root: Optional[Path] = None):
    """`t(key, **values)` for templates."""
    messages = catalogue(language, root)

    def t(key: str, **values) -> str:
        text = messages[key]
        return text.format(**values) if values else text

    return t
