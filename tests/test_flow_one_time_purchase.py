"""The one-time-purchase tree, walked by the owners it was written for.

Each persona answers as a real owner selling something bought once in many
years would and should get the advice meant for them; rules/paths.txt records
every other path.
"""
import pytest

from flows import assert_reaches

TREE = "one-time-purchase"

PERSONAS = {
    "a swimming-pool builder whose buyers are on Instagram and who enjoys posting finished pools": (
        {"already-posting": "not-yet", "goal": "find-buyers", "which-platform": "facebook-instagram",
         "buyers-active": "yes-active", "who-posts": "enjoy-it"}, "showcase-for-next-buyers"),
    "a wedding venue wanting more reviews, whose couples find it on social media, paying someone to post": (
        {"already-posting": "now-and-then", "goal": "reputation", "word-of-mouth": "from-social",
         "who-posts": "pay-someone"}, "showcase-for-next-buyers"),
    # "I don't know" is not "No": only "No" means the buyers are not on this platform.
    "an estate agent on Instagram who does not know whether her buyers are there": (
        {"already-posting": "often", "goal": "find-buyers", "which-platform": "facebook-instagram",
         "buyers-active": "dont-know"}, "find-out-this-week"),
    "a kitchen fitter thinking of X, where hardly any of his buyers are": (
        {"already-posting": "now-and-then", "goal": "find-buyers", "which-platform": "x-twitter",
         "buyers-active": "not-active"}, "not-on-this-platform"),
    "an estate agent wanting more reviews, whose sellers find her through searches and signs": (
        {"already-posting": "often", "goal": "reputation", "word-of-mouth": "other-channels"},
        "be-found-when-needed"),
    "a kitchen fitter whose past customers recommend him to friends": (
        {"already-posting": "often", "goal": "keep-engaged", "word-of-mouth": "recommendations"},
        "referrals-not-feeds"),
    "a wedding venue whose couples call or e-mail with their questions": (
        {"already-posting": "now-and-then", "goal": "support", "support-need": "in-private"},
        "faq-and-personal-contact"),
    "a pool builder complained about online, with someone to answer every day": (
        {"already-posting": "often", "goal": "support", "support-need": "public-complaints",
         "public-diligence": "can-cover"}, "answer-in-public"),
    "a wedding venue that has never posted and only wants more likes": (
        {"already-posting": "not-yet", "goal": "no-goal"}, "decide-why-first"),
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_owner_gets_the_advice_meant_for_them(persona):
    answers, expected = PERSONAS[persona]
    assert_reaches(TREE, answers, expected, persona)
