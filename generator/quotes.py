"""Comparing a quote with its source, tolerant of what copy-paste changes.

Copying from a web page turns straight quotes into typographic ones, runs of
spaces into one, and non-breaking spaces into plain ones; an editor may spell
an accent as one character or as a letter and a combining mark. None of that
makes a quote less verbatim, so both sides are normalised before comparing.

One normalisation (`normalised`) serves the check that a quote is in its
source and the source page that highlights it: were they two, a quote could
pass the check and still find no passage to mark.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from array import array
from functools import lru_cache
from typing import Optional

_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
})
_WORD = re.compile(r"\S+")


def normalised(text: str) -> tuple[str, array]:
    """`text` normalised, and for each of its characters where it came from in `text`.

    Normalised unit by unit, a unit being a character and the combining marks
    that follow it: NFKC (ligatures split, "e" and U+0301 made one "é",
    no-break spaces made plain), typographic quotes made straight, whitespace
    collapsed to one space and stripped. Unit by unit, unlike NFKC over the
    whole string, so every character of the result has one origin; the two
    agree but for marks after a space, which no quote has.
    """
    out: list[str] = []
    origin = array("l")
    if _settled(text):  # nothing to compose: whole words at once
        for m in _WORD.finditer(text):
            if out:
                out.append(" ")
                origin.append(m.start() - 1)
            out.append(m.group())
            origin.extend(range(m.start(), m.end()))
        return "".join(out).translate(_QUOTES), origin
    space = True  # the text so far ends with a space (or is empty): no other one is added
    for m in _WORD.finditer(text):
        word, at = m.group(), m.start()
        if not space:
            out.append(" ")
            origin.append(at - 1)
            space = True
        if _settled(word):
            out.append(word.translate(_QUOTES))
            origin.extend(range(at, at + len(word)))
            space = False
            continue
        i, n = 0, len(word)
        while i < n:
            j = i + 1
            while j < n and unicodedata.combining(word[j]):
                j += 1
            for ch in unicodedata.normalize("NFKC", word[i:j]).translate(_QUOTES):
                if not ch.isspace():
                    out.append(ch)
                    space = False
                elif space:
                    continue
                else:  # NFKC spells some characters with a space ("\u00a8" is " \u0308")
                    out.append(" ")
                    space = True
                origin.append(at + i)
            i = j
    if out and space:
        out.pop()
        origin.pop()
    return "".join(out), origin


def _settled(text: str) -> bool:
    """Whether NFKC leaves `text` as it is, so that each of its units is left
    as it is too: most sources and quotes are, and are then read a word, not
    a character, at a time."""
    return text.isascii() or unicodedata.is_normalized("NFKC", text)


def unit_end(text: str, at: int) -> int:
    """Where the unit of `text` that begins at `at` ends: after its combining marks."""
    at += 1
    while at < len(text) and unicodedata.combining(text[at]):
        at += 1
    return at


@lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """`normalised(text)` without the origins.

    Cached: three checks and the renderer normalise the same quotes, and a
    guide cites a few hundred passages thousands of times."""
    if _settled(text):
        return " ".join(text.split()).translate(_QUOTES)
    return normalised(text)[0]


@lru_cache(maxsize=256)
def _source(text: str) -> tuple[str, array]:
    """A source normalised once, for the check and its page alike: every quoted
    passage of it is then one str.find."""
    return normalised(text)


def quote_in_source(quote: str, source_text: str) -> bool:
    return normalise(quote) in _source(source_text)[0]


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


def _window(raw: str, text: str, origin: array, at: int) -> str:
    """The text as written around offset `at` of its normalised form, cut at words, on one line."""
    while 0 < at < len(text) and text[at - 1] != " ":
        at -= 1
    start, end = max(0, at - WINDOW[0]), min(len(text), at + WINDOW[1])
    if start > 0 and " " in text[start:at]:
        start = text.index(" ", start, at) + 1
    while end < len(text) and text[end] != " " and end < at + 2 * WINDOW[1]:
        end += 1
    shown = " ".join(raw[origin[start]:unit_end(raw, origin[end - 1])].split()) if end > start else ""
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
    said, said_origin = normalised(quote)  # uncached: quotes would evict sources from the cache
    text, text_origin = _source(source_text)
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


def find_passage(quote: str, source_text: str) -> Optional[tuple[int, int]]:
    """Where the quote stands in the source's own text: (start, end), or None."""
    normalised_text, origin = _source(source_text)
    wanted = normalise(quote)
    at = normalised_text.find(wanted)
    if at < 0 or not wanted:
        return None
    return origin[at], unit_end(source_text, origin[at + len(wanted) - 1])
