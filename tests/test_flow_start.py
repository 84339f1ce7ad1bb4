"""Routing of the start tree, node by node (GOV.UK Smart Answers style)."""
from flows import assert_answers, assert_paths, outcome_of, real_guide

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


# The owners the issue walks, and the answers each picks: every one lands in
# the tree written for them, whether or not they first answer "not sure".
OWNERS = {
    "candle maker": (['consumers', 'repeat-products'], "tree:product-shop"),
    "candle maker, unsure": (['consumers', 'not-sure', 'saw-and-bought'], "tree:product-shop"),
    "consultant to companies": (['businesses'], "tree:b2b"),
    "consultant to private clients": (['consumers', 'high-priced'], "tree:high-priced-service"),
    "wedding photographer": (['consumers', 'high-priced'], "tree:high-priced-service"),
    "wedding photographer, unsure": (['consumers', 'not-sure', 'asked-first'], "tree:high-priced-service"),
    "IT consultancy": (['businesses'], "tree:b2b"),
    "kitchen fitter": (['consumers', 'once'], "tree:one-time-purchase"),
    "kitchen fitter, unsure": (['consumers', 'not-sure', 'one-off'], "tree:one-time-purchase"),
    "estate agent": (['consumers', 'once'], "tree:one-time-purchase"),
    "swimming-pool builder": (['consumers', 'once'], "tree:one-time-purchase"),
    "wedding venue": (['consumers', 'once'], "tree:one-time-purchase"),
    "wedding venue, unsure": (['consumers', 'not-sure', 'one-off'], "tree:one-time-purchase"),
    "SaaS for accountants": (['businesses'], "tree:b2b"),
}


def test_owners_land_in_their_tree():
    for owner, (answers, expected) in OWNERS.items():
        assert outcome_of(TREE, answers) == expected, owner


# "Expensive" and "bought once" overlap (a wedding is both: its venue is a
# one-off purchase, its photographer's time and skill a high-priced service):
# the answers of what-you-sell name the owners they are for, in both
# languages, so that no one has two answers to choose from.
NAMED = {
    "repeat-products": {"en": ["candles"], "fr": ["bougies"]},
    "once": {"en": ["estate agent", "kitchen fitter", "pool builder", "wedding venue", "house"],
             "fr": ["agent immobilier", "cuisiniste", "pisciniste", "lieu de réception", "maison"]},
    "high-priced": {"en": ["consultant", "wedding photographer", "only once"],
                    "fr": ["consultant", "photographe de mariage", "qu'une fois"]},
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
