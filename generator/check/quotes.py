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
from typing import Optional

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


_SENTENCE_END = re.compile(r"(?<=[.!?]) ")
"""Where a sentence of normalised text ends ("…" is "..." once normalised)."""
WINDOW = (14, 22)
"""Characters shown before and after the place where a quote departs from its source."""


def _closest_span(wanted: str, text: str) -> Optional[tuple[int, int]]:
    """The run of one to three sentences of `text` that holds most of `wanted`, as (start, end).

    Scored by the characters of the quote found in order, less a little for
    each character of the passage that is not: a plain similarity ratio would
    prefer a short, unrelated sentence to the long one a quote was cut from.
    """
    if not text:
        return None
    starts = [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
    ends = [*(s - 1 for s in starts[1:]), len(text)]
    span = max(1, min(3, round(len(wanted) / max(1.0, len(text) / len(starts)))))
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)

    def score(ratio: float, length: int) -> float:
        found = ratio * (length + len(wanted)) / 2
        return found - (length - found) / 10

    best, best_score = None, float("-inf")
    for n in range(1, span + 1):
        for i in range(len(starts) - n + 1):
            start, end = starts[i], ends[i + n - 1]
            matcher.set_seq1(text[start:end])
            # Cheap upper bounds first: most sentences are ruled out without a full comparison.
            if (score(matcher.real_quick_ratio(), end - start) <= best_score
                    or score(matcher.quick_ratio(), end - start) <= best_score):
                continue
            found = score(matcher.ratio(), end - start)
            if found > best_score:
                best, best_score = (start, end), found
    return best


def _departure(passage: str, said: str) -> Optional[tuple[int, int]]:
    """Where the quote first departs from the passage: (offset in passage, offset in quote).

    Matches of a few characters are chance ('e' in 'quelques' and 'un peu de'),
    not agreement. Words the passage has before the quote starts or after it
    ends are no difference: a quote may be part of a sentence.
    """
    matcher = difflib.SequenceMatcher(None, passage, said, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= 4 or b.size == 0]
    a_end = b_end = 0
    for a, b, size in blocks:
        if a > a_end or b > b_end:
            if b_end == 0 and b == 0 and size:
                pass  # the quote begins further on in the passage
            elif b_end == len(said) and not size:
                return None  # the quote ended; the passage goes on
            elif b_end == 0 and a_end == 0:
                return (max(0, a - b) if size else 0), 0  # the quote begins with words of its own
            else:
                return a_end, b_end
        a_end, b_end = a + size, b + size
    return None


def _window(raw: str, text: str, origin: list[int], at: int) -> str:
    """The text as written around offset `at` of its normalised form, cut at words, on one line."""
    while 0 < at < len(text) and text[at - 1] != " ":
        at -= 1
    start, end = max(0, at - WINDOW[0]), min(len(text), at + WINDOW[1])
    if start > 0 and " " in text[start:at]:
        start = text.index(" ", start, at) + 1
    while end < len(text) and text[end] != " " and end < at + 2 * WINDOW[1]:
        end += 1
    shown = " ".join(raw[origin[start]:origin[end - 1] + 1].split()) if end > start else ""
    return ("…" if start > 0 else "") + shown + ("…" if end < len(text) else "")


def _longest_prefix(said: str, text: str) -> int:
    """How many first characters of `said` occur together in `text`: a
    handful of str searches, however long the quote and the source."""
    found, missing = 0, len(said) + 1
    while missing - found > 1:
        middle = (found + missing) // 2
        if said[:middle] in text:
            found = middle
        else:
            missing = middle
    return found


ANCHOR = 20
"""Characters of a quote found as they are in its source that place it there."""


def first_difference(quote: str, source_text: str) -> Optional[tuple[str, str]]:
    """Where a quote first departs from its source, for a hint: (the source's
    words there, the quote's words there), each a few words as the
    contributor wrote or pasted them. None when nothing differs.

    Compared after normalising both sides, so that only a difference a reader
    can see is shown; however long the quote, the window is on that difference.
    A quote whose first words are in the source departs where those end;
    one that departs at once is set against the sentences most like it.
    """
    said, said_origin = _normalised_with_origin.__wrapped__(quote)  # quotes would evict sources from the cache
    text, text_origin = _normalised_with_origin(source_text)
    same = _longest_prefix(said, text)
    if same == len(said):
        return None
    # A long enough beginning places the quote; so does a shorter one found only once.
    if same >= ANCHOR or same >= ANCHOR // 2 and text.count(said[:same]) == 1:
        at = text.find(said[:same]) + same, same
    else:
        beginning = said[:10 * ANCHOR]  # the departure is in it: only it needs placing
        span = _closest_span(beginning, text)
        departure = span and _departure(text[span[0]:span[1]], beginning)
        if not departure:
            return None
        at = span[0] + departure[0], departure[1]
    return _window(source_text, text, text_origin, at[0]), _window(quote, said, said_origin, at[1])


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
