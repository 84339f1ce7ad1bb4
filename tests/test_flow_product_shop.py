"""The product-shop tree, walked by the owners it was written for.

Each persona answers as a real shop owner would and should get the advice
meant for them; rules/paths.txt records every other path.
"""
import pytest

from flows import assert_reaches

TREE = "product-shop"

PERSONAS = {
    "a candle maker who sells from Instagram posts and enjoys posting": (
        {"already-posting": "yes-often", "goal": "sell", "which-platform": "visual",
         "engagement-to-sales": "yes-buy", "time-and-enjoyment": "enjoy-it"}, "sell-on-social"),
    "a candle maker who could add a shop link and would pay someone to post": (
        {"already-posting": "not-yet", "goal": "sell", "which-platform": "visual",
         "engagement-to-sales": "could-set-up", "time-and-enjoyment": "pay-someone"}, "sell-on-social"),
    "a knitwear maker who takes orders by message but has no one to keep posting": (
        {"already-posting": "now-and-then", "goal": "sell", "which-platform": "visual",
         "engagement-to-sales": "yes-buy", "time-and-enjoyment": "no-time"}, "email-and-faq-instead"),
    "a bakery that posts on Instagram to bring its regulars back to the counter": (
        {"already-posting": "yes-often", "goal": "repeat-customers", "which-platform": "visual",
         "engagement-to-sales": "in-person"}, "keep-it-light"),
    "a market cheesemonger whose customers are not on social media": (
        {"already-posting": "now-and-then", "goal": "sell", "which-platform": "none"}, "go-where-buyers-are"),
    "a new gift shop that wants new customers but does not know which app they use": (
        {"already-posting": "not-yet", "goal": "new-customers", "which-platform": "dont-know"}, "find-out-this-week"),
    "a boutique that has never posted and would be there only because other shops are": (
        {"already-posting": "not-yet", "goal": "no-goal"}, "pick-a-goal"),
    "a comic shop whose customers are on X and who can reply every day": (
        {"already-posting": "yes-often", "goal": "sell", "which-platform": "twitter",
         "twitter-diligence": "can-cover"}, "twitter-with-care"),
    "a tea shop whose customers are on X but who would check it only now and then": (
        {"already-posting": "now-and-then", "goal": "sell", "which-platform": "twitter",
         "twitter-diligence": "cannot-cover"}, "skip-twitter"),
    "a wool shop asked the same few questions, which can wait a day": (
        {"already-posting": "not-yet", "goal": "support", "support-volume": "few-repeat"}, "faq-first"),
    "a bakery asked by a few customers about today's order or an allergy": (
        {"already-posting": "yes-often", "goal": "support", "support-volume": "few-urgent"}, "direct-line"),
    "an online clothes shop with many delivery questions and someone to answer every day": (
        {"already-posting": "yes-often", "goal": "support", "support-volume": "many-urgent",
         "support-diligence": "yes-daily"}, "support-on-social"),
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_owner_gets_the_advice_meant_for_them(persona):
    answers, expected = PERSONAS[persona]
    assert_reaches(TREE, answers, expected, persona)
