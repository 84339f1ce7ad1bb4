"""How plain the guide reads: Flesch-Kincaid grade, marketing jargon, and the
length of "why we ask", over the texts a reader sees (never the quotes).

Run `python tests/readability.py` for a report by tree, the hardest texts
first; `tests/test_plain_words.py` holds the guide to it.
"""
from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.model import Guide, Outcome, Question  # noqa: E402

JARGON = {
    "en": ["knowledge base", "lead nurturing", "nurtur", "thought leadership", "conversion", "kpi", "roi",
           "click-through", "share of voice", "funnel", "qualified enquir", "qualified lead", "engagement",
           "call to action", "cta", "touchpoint", "organic reach", "impressions", "b2c", "smm", "lead generation",
           "inbound", "outbound"],
    "fr": ["base de connaissances", "lead nurturing", "leadership éclairé", "conversion", "kpi", "roi",
           "taux de clics", "part de voix", "entonnoir", "prospects qualifiés", "engagement", "call to action",
           "cta", "point de contact", "portée organique", "impressions", "b2c", "smm", "génération de leads",
           "inbound", "outbound", "nurturing", "leads"],
}
"""Words a business owner without marketing training stops at. Matched as
word starts, case-insensitively, in our own text (quotes are the sources')."""


def syllables(word: str) -> int:
    word = re.sub(r"[^a-z]", "", word.lower())
    if not word:
        return 0
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|ed|[^laeiouy]e)$", "", word)
    word = re.sub(r"^y", "", word)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", word)))


def plain_text(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # Markdown links
    return re.sub(r"[*_`>#]", "", text)


def grade(text: str) -> float:
    """Flesch-Kincaid grade level of a text (one sentence at least)."""
    text = plain_text(text)
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*", text)
    if not words:
        return 0.0
    sentences = max(1, len(re.findall(r"[.!?]+(?:\s|$)", text.strip() + " ")))
    count = sum(syllables(w) for w in words)
    return 0.39 * len(words) / sentences + 11.8 * count / len(words) - 15.59


def reader_texts(guide: Guide, language: str = "en"):
    """(tree id, where, text) for every text of ours a reader sees: questions,
    answers, verdicts, texts, next steps, measures, caveats, accounts."""
    def pick(text):
        if text is None:
            return None
        return text.value if language == guide.rules_language else text.translated(language)

    for tree in guide.trees:
        for node in tree.nodes:
            items = []
            if isinstance(node, Question):
                items += [("question", node.text)] + [(f"answer {a.id}", a.label) for a in node.answers]
            elif isinstance(node, Outcome):
                items += [("short verdict", node.short_verdict), ("verdict", node.verdict), ("text", node.text),
                          ("accounts", node.existing_accounts)]
                items += [("next step", t) for t in node.next_steps] + [("measure", t) for t in node.measure]
            items.append(("caveat", getattr(node, "caveat", None)))
            for what, text in items:
                value = pick(text)
                if value:
                    yield tree.id, f"{node.id} {what}", value


def why_we_ask(guide: Guide, language: str = "en"):
    """(tree id, node id, words) of each question's "why we ask" reasoning."""
    for tree in guide.trees:
        for node in tree.nodes:
            if isinstance(node, Question) and node.reasoning is not None:
                text = node.reasoning.value if language == guide.rules_language else node.reasoning.translated(language)
                yield tree.id, node.id, len(plain_text(text or "").split())


def jargon_in(text: str, language: str) -> list[str]:
    low = text.lower()
    return [w for w in JARGON[language] if re.search(r"(?<![\w])" + re.escape(w), low)]


def main() -> None:
    from generator.config import GuideConfig
    from generator.pipeline import check_guide

    guide, _ = check_guide(GuideConfig(root=Path(__file__).resolve().parent.parent))
    texts = list(reader_texts(guide))
    grades = [(grade(t), tree, where, t) for tree, where, t in texts]
    print(f"Flesch-Kincaid grade, median over {len(grades)} texts: {statistics.median(g for g, *_ in grades):.1f}")
    for tree in sorted({t for _, t, _, _ in grades}):
        mine = [g for g, t, _, _ in grades if t == tree]
        words = [w for t, _, w in why_we_ask(guide) if t == tree]
        print(f"  {tree:22s} grade median {statistics.median(mine):5.1f}   why-we-ask median "
              f"{statistics.median(words) if words else 0:5.1f} words")
    words = [w for _, _, w in why_we_ask(guide)]
    print(f"Why we ask, median words: {statistics.median(words):.0f}")
    print("Hardest texts:")
    for g, tree, where, text in sorted(grades, reverse=True)[:15]:
        print(f"  {g:5.1f}  {tree}:{where}: {text[:90]}")
    for language in ("en", "fr"):
        for tree, where, text in reader_texts(guide, language):
            found = jargon_in(text, language)
            if found:
                print(f"  jargon ({language}) {tree}:{where}: {', '.join(found)}")


if __name__ == "__main__":
    main()
