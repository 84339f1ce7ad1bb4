"""Checks on the age and the wording of the evidence.

A guide that quotes articles from 2010 as if they were written this year
misleads the reader even when every quote is verbatim; and a quote shown
with two different translations reads as two different claims.
"""
from __future__ import annotations

import calendar
import datetime
from typing import Iterator, Optional

from ..dates import parse_published
from ..model import Guide, Outcome, Source
from ..quotes import normalise
from .placeholders import is_placeholder
from .registry import Problem, check


@check("undated-source")
def undated_source(guide: Guide) -> Iterator[Problem]:
    """Every source says when it was published, stated or estimated from its text.

    Fails:  published: null
    Passes: published: "2021-09"
    Passes: published: "2010"
            published_estimated: true    # and the note says from what ("buys CoTweet 'this year'")
    """
    for source in guide.sources:
        if source.published is None:
            yield Problem(source.published_mark or source.mark,
                          f"the source {source.id!r} has no publication date, so readers cannot tell "
                          "how old its advice is",
                          "write the date the page states, or the year its text implies (a product launch, "
                          "a year it names) with 'published_estimated: true' and the evidence in 'note'")


def latest_day(published: str) -> Optional[datetime.date]:
    """The last day a date as precise as known can stand for: '2010' is at the latest 2010-12-31."""
    parts = parse_published(published)
    if parts is None:
        return None
    year, month, day = (parts + (12, 0))[:3] if len(parts) == 1 else (parts + (0,))[:3]
    if day == 0:
        day = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, day)


def is_stale(source: Source, today: datetime.date, years: int) -> bool:
    """Older than `years` even on the latest day its date allows; undated sources are not judged here."""
    last = latest_day(source.published) if source.published else None
    if last is None:
        return False
    try:
        limit = last.replace(year=last.year + years)
    except ValueError:  # 29 February
        limit = last.replace(year=last.year + years, day=28)
    return limit < today


@check("stale-evidence")
def stale_evidence(guide: Guide) -> Iterator[Problem]:
    """An outcome that rests only on old sources says so to the reader, in a caveat.

    Old means older than the plugin option `stale_after_years` (8 by default),
    counted from the build's date (SOURCE_DATE_EPOCH when set).

    Fails:  verdict: Tweet every day            (every citation from 2010, no caveat)
    Passes: verdict: Tweet every day
            caveat: "This rests on articles from about 2010; Twitter is now X ..."
    """
    today = guide.today or datetime.date.today()
    for tree in guide.trees:
        for node in tree.nodes:
            if not isinstance(node, Outcome) or node.caveat is not None or not node.citations \
                    or "caveat" in node.misspelled:  # the unknown key is the cause
                continue
            # A placeholder citation names a source only to show the format: the
            # contributor has not chosen the evidence yet, so its age says nothing.
            cited = [c for c in node.citations if not is_placeholder(c.quote.value)]
            if not cited:
                continue
            sources = [guide.source(c.source.value) for c in cited]
            if None in sources or not all(is_stale(s, today, guide.stale_after_years) for s in sources):
                continue
            newest = max(s.published for s in sources)
            yield Problem(node.mark, f"outcome {node.id!r} rests only on sources older than "
                          f"{guide.stale_after_years} years (the newest from {newest[:4]}) and has no caveat",
                          "add 'caveat:' telling the reader how old the evidence is and what has changed "
                          "since, or cite a newer source")


@check("inconsistent-translation")
def inconsistent_translation(guide: Guide) -> Iterator[Problem]:
    """One quote has one translation per language, wherever it is cited.

    Fails:  quote: "Customers referred bitterly..."   translation: {fr: "Les clients se plaignaient..."}
            quote: "Customers referred bitterly..."   translation: {fr: "Des clients ont raconté..."}  (another node)
    Passes: the same translation in both places.
    """
    # Every wording of each (source, quote, language), in the order met.
    wordings: dict[tuple[str, str, str], dict[str, list[tuple[str, object]]]] = {}
    for tree in guide.trees:
        for cited in tree.citations():
            citation = cited.citation
            if citation.translation is None:
                continue
            versions = dict(citation.translation.translations)
            source = guide.source(citation.source.value)
            if guide.rules_language not in versions and (source is None or source.language != guide.rules_language):
                versions[guide.rules_language] = citation.translation.value
            for language, text in sorted(versions.items()):
                key = (citation.source.value, normalise(citation.quote.value), language)
                wordings.setdefault(key, {}).setdefault(normalise(text), []).append((cited.where, citation))
    for (_, _, language), by_text in wordings.items():
        if len(by_text) < 2:
            continue
        # The wording most places use is the settled one (the first met on a
        # tie): the others, usually the one just added, are reported, each at
        # its own line, so the contributor is sent to the line to change.
        settled = max(by_text.values(), key=len)
        where, model = settled[0]
        for places in by_text.values():
            if places is settled:
                continue
            for _, citation in places:
                yield Problem(citation.translation.mark,
                              f"this quote's {language!r} translation differs from the one in {where} "
                              f"({model.translation.mark.path}:{model.translation.mark.line})"
                              + (f" and {len(settled) - 1} other place(s)" if len(settled) > 1 else ""),
                              "use one translation per quote and language: copy that one here, or change "
                              "it everywhere if yours is better")
