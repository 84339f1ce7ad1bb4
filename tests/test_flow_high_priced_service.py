"""Routing of the high-priced-service tree, node by node (GOV.UK Smart Answers style)."""
from flows import assert_answers, assert_every_outcome_has_a_path, assert_paths, outcome_of, real_guide

TREE = "high-priced-service"


def test_goal():
    assert_answers(TREE, "goal", {
        "new-clients": "price-fit",
        "reputation": "price-fit",
        "past-clients": "repeat-work",
        "support": "support-need",
        "no-goal": "decide-why-first",
    })


def test_price_fit():
    assert_answers(TREE, "price-fit", {
        "paying-clients-there": "lead-value",
        "price-drop-outs": "meet-clients-in-person",
        "clients-elsewhere": "meet-clients-in-person",
        "starting-out": "lead-value",
    })


def test_lead_value():
    assert_answers(TREE, "lead-value", {
        "worth-it": "time-and-enjoyment",
        "cant-tell": "time-and-enjoyment",
        "not-worth-it": "meet-clients-in-person",
    })


def test_time_and_enjoyment():
    assert_answers(TREE, "time-and-enjoyment", {
        "enjoy-it": "which-platform",
        "pay-someone": "which-platform",
        "no-time": "tactic-you-enjoy",
    })


def test_which_platform():
    assert_answers(TREE, "which-platform", {
        "linkedin": "tree:b2b",
        "visual": "showcase-on-social",
        "twitter": "twitter-diligence",
        "other-platform": "showcase-on-social",
        "not-sure-where": "meet-clients-in-person",
    })


def test_twitter_diligence():
    assert_answers(TREE, "twitter-diligence", {
        "can-cover": "twitter-personal",
        "helper-covers": "twitter-personal",
        "cannot-cover": "showcase-on-social",
    })


def test_repeat_work():
    assert_answers(TREE, "repeat-work", {
        "come-back": "time-and-enjoyment",
        "once-but-refer": "referrals-and-email",
    })


def test_support_need():
    assert_answers(TREE, "support-need", {
        "few-direct": "personal-support",
        "in-public": "support-diligence",
    })


def test_support_diligence():
    assert_answers(TREE, "support-diligence", {
        "yes-daily": "answer-in-public",
        "not-daily": "personal-support",
    })


# One path to each outcome: the answers a reader gives, and where they end.
PATHS = {
    "decide-why-first": ['no-goal'],
    "meet-clients-in-person": ['new-clients', 'price-drop-outs'],
    "referrals-and-email": ['past-clients', 'once-but-refer'],
    "personal-support": ['support', 'few-direct'],
    "answer-in-public": ['support', 'in-public', 'yes-daily'],
    "tactic-you-enjoy": ['past-clients', 'come-back', 'no-time'],
    "showcase-on-social": ['past-clients', 'come-back', 'enjoy-it', 'visual'],
    "twitter-personal": ['past-clients', 'come-back', 'enjoy-it', 'twitter', 'can-cover'],
}


def test_linkedin_hands_over_to_the_b2b_linkedin_verdict():
    node = real_guide().tree(TREE).node("to-b2b-linkedin")
    assert (node.tree.value, node.node.value) == ("b2b", "linkedin-first")


def test_paths_reach_their_outcomes():
    assert_paths(TREE, PATHS)


def test_every_outcome_is_covered_by_a_path():
    assert_every_outcome_has_a_path(TREE, PATHS)


def test_a_reader_who_pays_a_helper_has_a_true_answer_about_twitter():
    # "I'd pay someone" must not leave only "I reply myself" at the Twitter question.
    assert outcome_of(TREE, ['new-clients', 'paying-clients-there', 'worth-it', 'pay-someone',
                             'twitter', 'helper-covers']) == "twitter-personal"


def test_prospects_who_drop_out_at_the_price_are_told_to_publish_a_starting_price():
    node = real_guide().tree(TREE).node("meet-clients-in-person")
    assert "starting price" in node.verdict.value
