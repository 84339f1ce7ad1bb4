"""Routing of the product-shop tree, node by node (GOV.UK Smart Answers style)."""
from flows import assert_answers, assert_every_outcome_has_a_path, assert_paths

TREE = "product-shop"


def test_already_posting():
    assert_answers(TREE, "already-posting", {
        "yes-often": "goal",
        "now-and-then": "goal",
        "not-yet": "goal",
    })


def test_goal():
    assert_answers(TREE, "goal", {
        "sell": "which-platform",
        "new-customers": "which-platform",
        "repeat-customers": "which-platform",
        "support": "support-volume",
        "no-goal": "pick-a-goal",
    })


def test_which_platform():
    assert_answers(TREE, "which-platform", {
        "visual": "engagement-to-sales",
        "twitter": "twitter-diligence",
        "other-platform": "engagement-to-sales",
        "none": "go-where-buyers-are",
        "dont-know": "find-out-this-week",
    })


def test_engagement_to_sales():
    assert_answers(TREE, "engagement-to-sales", {
        "yes-buy": "time-and-enjoyment",
        "could-set-up": "time-and-enjoyment",
        "in-person": "keep-it-light",
    })


def test_time_and_enjoyment():
    assert_answers(TREE, "time-and-enjoyment", {
        "enjoy-it": "sell-on-social",
        "pay-someone": "sell-on-social",
        "no-time": "email-and-faq-instead",
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
    "pick-a-goal": ['not-yet', 'no-goal'],
    "find-out-this-week": ['not-yet', 'new-customers', 'dont-know'],
    "go-where-buyers-are": ['now-and-then', 'sell', 'none'],
    "keep-it-light": ['yes-often', 'repeat-customers', 'visual', 'in-person'],
    "email-and-faq-instead": ['now-and-then', 'sell', 'visual', 'yes-buy', 'no-time'],
    "sell-on-social": ['yes-often', 'sell', 'visual', 'yes-buy', 'enjoy-it'],
    "twitter-with-care": ['yes-often', 'sell', 'twitter', 'can-cover'],
    "skip-twitter": ['now-and-then', 'sell', 'twitter', 'cannot-cover'],
    "faq-first": ['not-yet', 'support', 'few-repeat'],
    "direct-line": ['yes-often', 'support', 'few-urgent'],
    "support-on-social": ['yes-often', 'support', 'many-urgent', 'yes-daily'],
}


def test_paths_reach_their_outcomes():
    assert_paths(TREE, PATHS)


def test_every_outcome_is_covered_by_a_path():
    assert_every_outcome_has_a_path(TREE, PATHS)


def test_no_path_asks_more_than_five_questions():
    """With the start tree's three, a journey stays at eight questions at most."""
    from flows import real_guide
    from generator.model import Question

    tree = real_guide().tree(TREE)

    def longest(node_id):
        node = tree.node(node_id)
        return 1 + max(longest(a.next.value) for a in node.answers) if isinstance(node, Question) else 0

    assert longest(tree.start.value) <= 5
