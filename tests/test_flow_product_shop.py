"""Routing of the product-shop tree, node by node (GOV.UK Smart Answers style)."""
from flows import assert_answers, assert_every_outcome_has_a_path, assert_paths

TREE = "product-shop"


def test_goal():
    assert_answers(TREE, "goal", {
        "sell": "buyers-there",
        "new-customers": "buyers-there",
        "repeat-customers": "buyers-there",
        "support": "support-volume",
        "no-goal": "pick-a-goal",
    })


def test_buyers_there():
    assert_answers(TREE, "buyers-there", {
        "yes-there": "engagement-to-sales",
        "not-there": "go-where-buyers-are",
    })


def test_engagement_to_sales():
    assert_answers(TREE, "engagement-to-sales", {
        "yes-buy": "time-and-enjoyment",
        "could-set-up": "time-and-enjoyment",
        "likes-not-sales": "keep-it-light",
    })


def test_time_and_enjoyment():
    assert_answers(TREE, "time-and-enjoyment", {
        "enjoy-it": "which-platform",
        "pay-someone": "which-platform",
        "no-time": "email-and-faq-instead",
    })


def test_which_platform():
    assert_answers(TREE, "which-platform", {
        "visual": "sell-on-social",
        "twitter": "twitter-diligence",
        "other-platform": "sell-on-social",
    })


def test_twitter_diligence():
    assert_answers(TREE, "twitter-diligence", {
        "can-cover": "twitter-with-care",
        "cannot-cover": "skip-twitter",
    })


def test_support_volume():
    assert_answers(TREE, "support-volume", {
        "many-urgent": "support-diligence",
        "few-urgent": "direct-line",
        "few-repeat": "faq-first",
    })


def test_support_diligence():
    assert_answers(TREE, "support-diligence", {
        "yes-daily": "support-on-social",
        "not-daily": "faq-first",
    })


# One path to each outcome: the answers a reader gives, and where they end.
PATHS = {
    "pick-a-goal": ['no-goal'],
    "go-where-buyers-are": ['sell', 'not-there'],
    "faq-first": ['support', 'few-repeat'],
    "direct-line": ['support', 'few-urgent'],
    "keep-it-light": ['sell', 'yes-there', 'likes-not-sales'],
    "support-on-social": ['support', 'many-urgent', 'yes-daily'],
    "email-and-faq-instead": ['sell', 'yes-there', 'yes-buy', 'no-time'],
    "sell-on-social": ['sell', 'yes-there', 'yes-buy', 'enjoy-it', 'visual'],
    "twitter-with-care": ['sell', 'yes-there', 'yes-buy', 'enjoy-it', 'twitter', 'can-cover'],
    "skip-twitter": ['sell', 'yes-there', 'yes-buy', 'enjoy-it', 'twitter', 'cannot-cover'],
}


def test_paths_reach_their_outcomes():
    assert_paths(TREE, PATHS)


def test_every_outcome_is_covered_by_a_path():
    assert_every_outcome_has_a_path(TREE, PATHS)
