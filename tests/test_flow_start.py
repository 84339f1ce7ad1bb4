"""The start tree, walked by the owners it was written for.

Each persona says who pays them and for what, and should be handed to the
guide written for businesses like theirs; rules/paths.txt records every path.
"""
import pytest

from flows import assert_reaches, longest_journey, real_guide
from generator.model import Question

TREE = "start"

PERSONAS = {
    "a bakery selling bread to people for their homes": (
        {"who-buys": "consumers", "what-you-sell": "repeat-products"}, "tree:product-shop"),
    "a candle maker selling to people": (
        {"who-buys": "consumers", "what-you-sell": "repeat-products"}, "tree:product-shop"),
    "a candle maker who also sells to shops and is unsure which pays more": (
        {"who-buys": "not-sure", "what-you-sell": "repeat-products"}, "tree:product-shop"),
    "a wedding photographer": (
        {"who-buys": "consumers", "what-you-sell": "high-priced"}, "tree:high-priced-service"),
    "a consultant to private clients": (
        {"who-buys": "consumers", "what-you-sell": "high-priced"}, "tree:high-priced-service"),
    "a tutor paid by parents for her time and skill": (
        {"who-buys": "consumers", "what-you-sell": "high-priced"}, "tree:high-priced-service"),
    "a consultant to companies": ({"who-buys": "businesses"}, "tree:b2b"),
    "an accountant selling to firms": ({"who-buys": "businesses"}, "tree:b2b"),
    "an IT consultancy": ({"who-buys": "businesses"}, "tree:b2b"),
    "a SaaS for accountants": ({"who-buys": "businesses"}, "tree:b2b"),
    "an estate agent": ({"who-buys": "consumers", "what-you-sell": "once"}, "tree:one-time-purchase"),
    "a kitchen fitter": ({"who-buys": "consumers", "what-you-sell": "once"}, "tree:one-time-purchase"),
    "a swimming-pool builder": ({"who-buys": "consumers", "what-you-sell": "once"}, "tree:one-time-purchase"),
    "a wedding venue": ({"who-buys": "consumers", "what-you-sell": "once"}, "tree:one-time-purchase"),
    "a pub landlord paid for pints, quiz nights and rooms, who cannot tell which counts most": (
        {"who-buys": "consumers", "what-you-sell": "not-sure"}, "start-with-why"),
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_owner_is_handed_to_the_guide_for_them(persona):
    answers, expected = PERSONAS[persona]
    assert_reaches(TREE, answers, expected, persona)


def test_no_journey_asks_more_than_eight_questions():
    """Two minutes on a phone: the start tree's questions and the guide it hands over to, together."""
    assert longest_journey(TREE) <= 8


# Each question asks one thing: who pays (who-buys), then what they pay for
# (what-you-sell). "Expensive" and "bought once" overlap (a wedding is both:
# its venue is a big one-off purchase, its photographer's time and skill a
# service), so the answers of what-you-sell name what each owner sells, in
# both languages, and no one has two answers to choose from.
NAMED = {
    "repeat-products": {"en": ["bread", "candles"], "fr": ["pain", "bougies"]},
    "once": {"en": ["house", "kitchen", "pool", "wedding venue"],
             "fr": ["maison", "cuisine", "piscine", "lieu de mariage"]},
    "high-priced": {"en": ["time and skill", "wedding photos", "advice"],
                    "fr": ["savoir-faire", "photos de mariage", "conseils"]},
}


def test_what_you_sell_names_who_each_answer_is_for():
    node = real_guide().tree(TREE).node("what-you-sell")
    labels = {a.id: a.label for a in node.answers}
    for answer_id, words in NAMED.items():
        label = labels[answer_id]
        for language, expected in words.items():
            text = label.value if language == "en" else label.translated(language)
            for word in expected:
                assert word in text, (answer_id, language, word)


def test_questions_ask_one_thing():
    """No question joins two questions with "and how" / "and how often"."""
    for node in real_guide().tree(TREE).nodes:
        if isinstance(node, Question):
            assert node.text.value.count("?") == 1 and " and how" not in node.text.value, node.id
