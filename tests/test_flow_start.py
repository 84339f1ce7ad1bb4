"""Routing of the start tree, node by node (GOV.UK Smart Answers style)."""
from flows import assert_answers, assert_every_outcome_has_a_path, assert_paths, outcome_of, real_guide
from generator.model import Question

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
        "once": "tree:one-time-purchase",
        "high-priced": "tree:high-priced-service",
        "not-sure": "start-with-why",
    })


# One path to each outcome: the answers a reader gives, and where they end.
PATHS = {
    "tree:b2b": ['businesses'],
    "tree:product-shop": ['consumers', 'repeat-products'],
    "tree:high-priced-service": ['consumers', 'high-priced'],
    "tree:one-time-purchase": ['consumers', 'once'],
    "start-with-why": ['consumers', 'not-sure'],
}


def test_paths_reach_their_outcomes():
    assert_paths(TREE, PATHS)
    assert_every_outcome_has_a_path(TREE, PATHS)


def test_two_questions_at_most_before_a_guide():
    """The journey's limit is eight questions; the start tree takes two of them."""
    tree = real_guide().tree(TREE)

    def longest(node_id):
        node = tree.node(node_id)
        return 1 + max(longest(a.next.value) for a in node.answers) if isinstance(node, Question) else 0

    assert longest(tree.start.value) <= 2


# The owners the issue walks, and the answers each picks: every one lands in
# the tree written for them.
OWNERS = {
    "bakery": (['consumers', 'repeat-products'], "tree:product-shop"),
    "candle maker": (['consumers', 'repeat-products'], "tree:product-shop"),
    "candle maker who also sells to shops, unsure": (['not-sure', 'repeat-products'], "tree:product-shop"),
    "wedding photographer": (['consumers', 'high-priced'], "tree:high-priced-service"),
    "consultant to private clients": (['consumers', 'high-priced'], "tree:high-priced-service"),
    "consultant to companies": (['businesses'], "tree:b2b"),
    "accountant selling to firms": (['businesses'], "tree:b2b"),
    "IT consultancy": (['businesses'], "tree:b2b"),
    "SaaS for accountants": (['businesses'], "tree:b2b"),
    "estate agent": (['consumers', 'once'], "tree:one-time-purchase"),
    "kitchen fitter": (['consumers', 'once'], "tree:one-time-purchase"),
    "swimming-pool builder": (['consumers', 'once'], "tree:one-time-purchase"),
    "wedding venue": (['consumers', 'once'], "tree:one-time-purchase"),
}


def test_owners_land_in_their_tree():
    for owner, (answers, expected) in OWNERS.items():
        assert outcome_of(TREE, answers) == expected, owner


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
