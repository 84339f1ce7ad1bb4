"""Comparing a quote with its source, tolerant of what copy-paste changes.

Copying from a web page turns straight quotes into typographic ones, runs of
spaces into one, and non-breaking spaces into plain ones. None of that makes
a quote less verbatim, so both sides are normalised before comparing.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
})
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """NFKC, typographic quotes made straight, whitespace collapsed.

    Cached: three checks and the renderer normalise the same quotes, and a
    guide cites a few hundred passages thousands of times."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _SPACE.sub(" ", text).strip()
    return text


@lru_cache(maxsize=256)
def normalised_source(text: str) -> str:
    return normalise(text)


def quote_in_source(quote: str, source_text: str) -> bool:
    return normalise(quote) in normalised_source(source_text)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?…])\s+|\n+", text) if s.strip()]


def closest_passage(quote: str, source_text: str, limit: int = 160) -> str:
    """The passage of the source most like the quote, for a hint."""
    wanted = normalise(quote)
    sentences = [normalise(s) for s in _sentences(source_text)]
    if not sentences:
        return ""
    span = max(1, min(3, round(len(wanted) / max(1, sum(map(len, sentences)) / len(sentences)))))
    candidates = {" ".join(sentences[i:i + n]) for n in range(1, span + 1) for i in range(len(sentences))}
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    best, best_score = "", -1.0
    for candidate in candidates:
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() <= best_score or matcher.quick_ratio() <= best_score:
            continue
        score = matcher.ratio()
        if score > best_score:
            best, best_score = candidate, score
    return best if len(best) <= limit else best[: limit - 1] + "…"


def find_passage(quote: str, source_text: str):
    """Where the quote stands in the source's own text: (start, end), or None."""
    normalised, origin = _normalised_with_origin(source_text)
    wanted = normalise(quote)
    at = normalised.find(wanted)
    if at < 0 or not wanted:
        return None
    return origin[at], origin[at + len(wanted) - 1] + 1


@lru_cache(maxsize=64)
def _normalised_with_origin(source_text: str) -> tuple[str, list[int]]:
    """The source normalised character by character, with where each character came from.

    Built once per source: every quoted passage of it is then one str.find.
    """
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(source_text):
        if ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
                origin.append(i)
            continue
        for piece in unicodedata.normalize("NFKC", ch).translate(_QUOTES):
            if piece.isspace():
                if out and out[-1] != " ":
                    out.append(" ")
                    origin.append(i)
            else:
                out.append(piece)
                origin.append(i)
    return "".join(out), origin
