"""Routing of the start tree, node by node (GOV.UK Smart Answers style)."""
from flows import assert_answers, assert_paths

TREE = "start"


def test_who_buys():
    assert_answers(TREE, "who-buys", {
        "businesses": "tree:b2b",
        "consumers": "what-you-sell",
        "not-sure": "what-you-sell",
    })


def test_what_you_sell():
    assert_answers(TREE, "what-you-sell", {
        "repeat-products": "tree:product-shop",
        "high-priced": "tree:high-priced-service",
        "once": "tree:one-time-purchase",
        "not-sure": "how-they-buy",
    })


def test_how_they_buy():
    assert_answers(TREE, "how-they-buy", {
        "saw-and-bought": "tree:product-shop",
        "asked-first": "tree:high-priced-service",
        "one-off": "tree:one-time-purchase",
        "still-not-sure": "start-with-why",
    })


# One path to each outcome: the answers a reader gives, and where they end.
PATHS = {
    "tree:b2b": ['businesses'],
    "tree:product-shop": ['consumers', 'repeat-products'],
    "tree:high-priced-service": ['consumers', 'high-priced'],
    "tree:one-time-purchase": ['consumers', 'once'],
    "start-with-why": ['consumers', 'not-sure', 'still-not-sure'],
}


def test_paths_reach_their_outcomes():
    assert_paths(TREE, PATHS)
