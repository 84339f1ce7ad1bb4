"""Routing of the one-time-purchase tree, node by node (GOV.UK Smart Answers style)."""
from flows import assert_answers, assert_every_outcome_has_a_path, assert_paths

TREE = "one-time-purchase"


def test_goal():
    assert_answers(TREE, "goal", {
        "find-buyers": "buyers-there",
        "keep-engaged": "word-of-mouth",
        "reputation": "word-of-mouth",
        "support": "support-need",
        "no-goal": "decide-why-first",
    })


def test_buyers_there():
    assert_answers(TREE, "buyers-there", {
        "yes-there": "engagement-to-enquiry",
        "elsewhere": "be-found-when-needed",
        "dont-know": "be-found-when-needed",
    })


def test_engagement_to_enquiry():
    assert_answers(TREE, "engagement-to-enquiry", {
        "trackable": "lead-value",
        "likes-only": "be-found-when-needed",
    })


def test_lead_value():
    assert_answers(TREE, "lead-value", {
        "worth-it": "time-and-enjoyment",
        "cant-tell": "time-and-enjoyment",
        "not-worth-it": "be-found-when-needed",
    })


def test_time_and_enjoyment():
    assert_answers(TREE, "time-and-enjoyment", {
        "enjoy-it": "showcase-for-next-buyers",
        "pay-someone": "showcase-for-next-buyers",
        "no-time": "be-found-when-needed",
    })


def test_word_of_mouth():
    assert_answers(TREE, "word-of-mouth", {
        "recommendations": "referrals-not-feeds",
        "from-social": "engagement-to-enquiry",
        "other-channels": "buyers-there",
    })


def test_support_need():
    assert_answers(TREE, "support-need", {
        "same-questions": "faq-and-personal-contact",
        "public-complaints": "public-diligence",
    })


def test_public_diligence():
    assert_answers(TREE, "public-diligence", {
        "can-cover": "answer-in-public",
        "cannot-cover": "faq-and-personal-contact",
    })


# One path to each outcome: the answers a reader gives, and where they end.
PATHS = {
    "decide-why-first": ['no-goal'],
    "be-found-when-needed": ['find-buyers', 'elsewhere'],
    "referrals-not-feeds": ['keep-engaged', 'recommendations'],
    "faq-and-personal-contact": ['support', 'same-questions'],
    "answer-in-public": ['support', 'public-complaints', 'can-cover'],
    "showcase-for-next-buyers": ['find-buyers', 'yes-there', 'trackable', 'worth-it', 'enjoy-it'],
}


def test_paths_reach_their_outcomes():
    assert_paths(TREE, PATHS)


def test_every_outcome_is_covered_by_a_path():
    assert_every_outcome_has_a_path(TREE, PATHS)
