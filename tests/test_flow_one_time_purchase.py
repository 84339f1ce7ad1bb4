"""Routing of the one-time-purchase tree, node by node (GOV.UK Smart Answers style)."""
from flows import assert_answers, assert_every_outcome_has_a_path, assert_paths

TREE = "one-time-purchase"


def test_already_posting():
    assert_answers(TREE, "already-posting", {
        "often": "goal",
        "now-and-then": "goal",
        "not-yet": "goal",
    })


def test_goal():
    assert_answers(TREE, "goal", {
        "find-buyers": "which-platform",
        "keep-engaged": "word-of-mouth",
        "reputation": "word-of-mouth",
        "support": "support-need",
        "no-goal": "decide-why-first",
    })


def test_which_platform():
    # The platform is named before we ask whether buyers are on it.
    assert_answers(TREE, "which-platform", {
        "facebook-instagram": "buyers-active",
        "x-twitter": "buyers-active",
        "other-platform": "buyers-active",
        "dont-know": "find-out-this-week",
    })


def test_buyers_active():
    # "No" and "I don't know" are different answers: only "No" means not on this platform.
    assert_answers(TREE, "buyers-active", {
        "yes-active": "who-posts",
        "not-active": "not-on-this-platform",
        "dont-know": "find-out-this-week",
    })


def test_who_posts():
    assert_answers(TREE, "who-posts", {
        "enjoy-it": "showcase-for-next-buyers",
        "pay-someone": "showcase-for-next-buyers",
        "no-time": "be-found-when-needed",
    })


def test_word_of_mouth():
    assert_answers(TREE, "word-of-mouth", {
        "recommendations": "referrals-not-feeds",
        "from-social": "who-posts",
        "other-channels": "be-found-when-needed",
        "dont-know": "find-out-this-week",
    })


def test_support_need():
    assert_answers(TREE, "support-need", {
        "public-complaints": "public-diligence",
        "in-private": "faq-and-personal-contact",
        "dont-know": "find-out-this-week",
    })


def test_public_diligence():
    assert_answers(TREE, "public-diligence", {
        "can-cover": "answer-in-public",
        "cannot-cover": "faq-and-personal-contact",
    })


# One path to each outcome: the answers a reader gives, and where they end.
PATHS = {
    "decide-why-first": ['not-yet', 'no-goal'],
    "find-out-this-week": ['often', 'find-buyers', 'facebook-instagram', 'dont-know'],
    "not-on-this-platform": ['now-and-then', 'find-buyers', 'x-twitter', 'not-active'],
    "be-found-when-needed": ['often', 'reputation', 'other-channels'],
    "showcase-for-next-buyers": ['not-yet', 'find-buyers', 'facebook-instagram', 'yes-active', 'enjoy-it'],
    "referrals-not-feeds": ['often', 'keep-engaged', 'recommendations'],
    "faq-and-personal-contact": ['now-and-then', 'support', 'in-private'],
    "answer-in-public": ['often', 'support', 'public-complaints', 'can-cover'],
}


def test_paths_reach_their_outcomes():
    assert_paths(TREE, PATHS)


def test_every_outcome_is_covered_by_a_path():
    assert_every_outcome_has_a_path(TREE, PATHS)
