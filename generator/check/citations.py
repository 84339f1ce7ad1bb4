"""Checks on the evidence: every step rests on a real, verbatim passage."""
from __future__ import annotations

import difflib
from typing import Iterator, Optional

from ..model import Guide, Outcome, Question, Source
from ..quotes import first_difference, normalise, quote_in_source
from .registry import Problem, check

MIN_QUOTE = 20
"""Shorter quotes prove little: a few words occur anywhere."""


@check("missing-citation")
def missing_citation(guide: Guide) -> Iterator[Problem]:
    """Every question and outcome cites at least one source.

    A node whose `citaions:` is already reported as an unknown key is not
    reported again here (`misspelled`): the typo is the one thing to fix.

    Fails:  goal: {question: "What for?", answers: [...]}
    Passes: goal: {question: "What for?", citations: [{source: s, quote: "..."}], answers: [...]}
    """
    for tree in guide.trees:
        for node in tree.nodes:
            if isinstance(node, (Question, Outcome)) and not node.citations and "citations" not in node.misspelled:
                yield Problem(node.mark, f"{node.kind} {node.id!r} cites no source",
                              "add 'citations:' with a source id and a verbatim quote")


@check("missing-reasoning")
def missing_reasoning(guide: Guide) -> Iterator[Problem]:
    """Every question, answer and outcome says why, in plain words.

    Fails:  answers: [{label: Yes, next: o}]
    Passes: answers: [{label: Yes, next: o, reasoning: "Buyers who ... "}]
    """
    for tree in guide.trees:
        for node in tree.nodes:
            if isinstance(node, (Question, Outcome)) and node.reasoning is None and "reasoning" not in node.misspelled:
                yield Problem(node.mark, f"{node.kind} {node.id!r} has no reasoning",
                              "add 'reasoning:' saying why we ask (or why this verdict)")
            if isinstance(node, Question):
                for answer in node.answers:
                    if answer.reasoning is None and "reasoning" not in answer.misspelled:
                        yield Problem(answer.mark, f"answer {answer.label.value!r} of {node.id!r} has no reasoning",
                                      "add 'reasoning:' saying why this answer matters")


@check("unknown-source")
def unknown_source(guide: Guide) -> Iterator[Problem]:
    """A citation names a source that exists in the sources folder.

    Fails:  {source: tuts-plus, quote: ...}   (no content/sources/tuts-plus.txt)
    """
    ids = [s.id for s in guide.sources]
    for tree in guide.trees:
        for _, _, citation in tree.citations():
            if guide.source(citation.source.value) is None:
                close = difflib.get_close_matches(citation.source.value, ids, n=1, cutoff=0.5)
                yield Problem(citation.source.mark, f"no source has the id {citation.source.value!r}",
                              f"did you mean {close[0]!r}?" if close else
                              f"known sources: {', '.join(ids) or 'none'}")


@check("quote-not-in-source")
def quote_not_in_source(guide: Guide) -> Iterator[Problem]:
    """A quote occurs in its source, up to whitespace, typographic quotes and Unicode forms.

    The hint shows where the quote first departs from the article, however
    long the quote; or the other source it was copied from; or, for a
    placeholder ("TODO: ..."), what to put there.

    Fails:  quote: "Twitter is bad for business"   (the article never says so)
    Passes: quote: "Twitter est-il mauvais pour les affaires ?"
    """
    for tree in guide.trees:
        for _, _, citation in tree.citations():
            source = guide.source(citation.source.value)
            if source is None or quote_in_source(citation.quote.value, source.text):
                continue
            yield Problem(citation.quote.mark, f"this quote is not in {source.file}",
                          _quote_hint(guide, citation.quote.value, source))


def _quote_hint(guide: Guide, quote: str, source: Source) -> Optional[str]:
    # A placeholder ("TODO: ...", as placeholders.MARKER) is a quote still to
    # be written: the passage closest to it would be noise.
    if quote.lstrip().startswith("TODO:"):
        return f"copy a passage of {source.file} here, word for word"
    # Searched only for quotes that failed: a handful, even in a large guide.
    elsewhere = next((s for s in guide.sources if s is not source and quote_in_source(quote, s.text)), None)
    if elsewhere is not None:
        return f"this quote is in {elsewhere.file}: write source: {elsewhere.id}"
    difference = first_difference(quote, source.text)
    if difference is None:
        return None
    return f'the article has "{difference[0]}" where the quote has "{difference[1]}"'


@check("short-quote")
def short_quote(guide: Guide) -> Iterator[Problem]:
    """A quote is long enough to prove something.

    Fails:  quote: "Twitter"
    Passes: quote: "Pour la plupart des entreprises, Twitter est ridiculement inefficace à cette fin."
    """
    for tree in guide.trees:
        for _, _, citation in tree.citations():
            if len(normalise(citation.quote.value)) < MIN_QUOTE:
                yield Problem(citation.quote.mark, f"a {len(citation.quote.value)}-character quote proves little",
                              f"quote the whole sentence (at least {MIN_QUOTE} characters)")


@check("missing-translation")
def missing_translation(guide: Guide) -> Iterator[Problem]:
    """A quote in another language than the rules' carries a translation into it.

    Fails:  {source: a-french-article, quote: "..."}            (rules in English)
    Passes: {source: a-french-article, quote: "...", translation: "..."}
    """
    main = guide.rules_language
    for tree in guide.trees:
        for _, _, citation in tree.citations():
            source = guide.source(citation.source.value)
            if source is not None and source.language != main and citation.translation is None:
                yield Problem(citation.mark, f"the quote is in {source.language!r} and the guide in {main!r}",
                              f"add 'translation:' with the quote in {main!r}")


@check("untranslated-quote")
def untranslated_quote(guide: Guide) -> Iterator[Problem]:
    """With several languages, a quote has a translation into each edition's language but its own.

    A warning: that edition's readers see the quote alone.

    Fails:  {source: an-english-article, quote: "..."}                                      (en, fr)
    Passes: {source: an-english-article, quote: "...", translation: {fr: "..."}}            (en, fr)
    Passes: {source: a-german-article, quote: "...", translation: {en: "...", fr: "..."}}   (en, fr)
    """
    main = guide.rules_language
    others = [lang for lang in guide.editions if lang != main]
    for tree in guide.trees:
        for _, _, citation in tree.citations():
            source = guide.source(citation.source.value)
            if source is None:
                continue
            for language in others:
                if source.language == language or (citation.translation is not None
                                                   and citation.translation.translated(language) is not None):
                    continue
                # A quote already in the rules' language needs only the other edition's words.
                form = (f'{{{language}: "..."}}' if source.language == main else
                        f'{{{main}: "...", {language}: "..."}}')
                yield Problem(citation.mark, f"the quote has no {language!r} translation for the {language!r} edition",
                              f"write the translation as {form}")


@check("untranslated")
def untranslated(guide: Guide) -> Iterator[Problem]:
    """With several languages configured, every text a reader sees has each of them.

    Fails:  question: What do you sell?                          (languages: [en, fr])
    Passes: question: {en: What do you sell?, fr: Que vendez-vous ?}
    """
    for language in [lang for lang in guide.editions if lang != guide.rules_language]:
        for tree in guide.trees:
            for node in (tree, *tree.nodes):
                missing = [t for t in node.texts() if t.translated(language) is None]
                if missing:
                    where = "the tree" if node is tree else f"node {node.id!r}"
                    yield Problem(missing[0].mark, f"{len(missing)} text(s) of {where} have no {language!r} version",
                                  f"write them as {{{guide.rules_language}: \"...\", {language}: \"...\"}}")


SHORT_VERDICT_WORDS = 4
"""A short verdict is read at a glance: "Yes", "Yes, with limits", "Not now"."""


@check("short-verdict")
def short_verdict(guide: Guide) -> Iterator[Problem]:
    """Every outcome has a short verdict of one to four words, in every language.

    Fails:  verdict: "Yes, if you keep it up: ..."                  (no short_verdict)
    Fails:  short_verdict: "Yes, but only when you have the time"   (8 words)
    Passes: short_verdict: {en: "Yes, with limits", fr: "Oui, avec des limites"}
    """
    for tree in guide.trees:
        for node in tree.nodes:
            if not isinstance(node, Outcome):
                continue
            if node.short_verdict is None:
                if "short_verdict" not in node.misspelled:
                    yield Problem(node.mark, f"outcome {node.id!r} has no short verdict",
                                  "add 'short_verdict:' with the answer in one to four words: \"Yes\", "
                                  "\"Yes, with limits\", \"Not now\"")
                continue
            versions = [node.short_verdict.value, *(text for _, text in node.short_verdict.translations)]
            long = [v for v in versions if len(v.split()) > SHORT_VERDICT_WORDS]
            if long:
                yield Problem(node.short_verdict.mark, f"the short verdict {long[0]!r} has {len(long[0].split())} "
                              f"words; at most {SHORT_VERDICT_WORDS} are read at a glance",
                              "keep the answer (\"Yes, with limits\") and put the condition in 'verdict'")
