"""Routing of the b2b tree, node by node (GOV.UK Smart Answers style)."""
from flows import assert_answers, assert_every_outcome_has_a_path, assert_paths

TREE = "b2b"


def test_goal():
    assert_answers(TREE, "goal", {
        "find-leads": "buyers-there",
        "nurture": "buyers-there",
        "thought-leadership": "buyers-there",
        "networking": "networking-time",
        "support": "support-need",
        "no-goal": "decide-why-first",
    })


def test_buyers_there():
    assert_answers(TREE, "buyers-there", {
        "yes-active": "deal-value",
        "not-active": "direct-channels",
        "dont-know": "direct-channels",
    })


def test_deal_value():
    assert_answers(TREE, "deal-value", {
        "high-value": "team-and-time",
        "cant-tell": "team-and-time",
        "low-value": "direct-channels",
    })


def test_team_and_time():
    assert_answers(TREE, "team-and-time", {
        "daily": "which-platform",
        "weekly": "linkedin-first",
        "no-time": "direct-channels",
    })


def test_which_platform():
    assert_answers(TREE, "which-platform", {
        "twitter": "twitter-lead-programme",
        "linkedin": "linkedin-first",
        "elsewhere": "where-your-buyers-gather",
    })


def test_networking_time():
    assert_answers(TREE, "networking-time", {
        "enjoy-it": "whose-account",
        "in-person": "direct-channels",
    })


def test_whose_account():
    assert_answers(TREE, "whose-account", {
        "name-is-brand": "one-account-in-your-name",
        "company-brand": "personal-and-company-accounts",
    })


def test_support_need():
    assert_answers(TREE, "support-need", {
        "few-accounts": "account-support",
        "many-users": "support-diligence",
    })


def test_support_diligence():
    assert_answers(TREE, "support-diligence", {
        "yes-daily": "support-on-twitter",
        "not-daily": "account-support",
    })


# One path to each outcome: the answers a reader gives, and where they end.
PATHS = {
    "decide-why-first": ['no-goal'],
    "direct-channels": ['find-leads', 'not-active'],
    "account-support": ['support', 'few-accounts'],
    "one-account-in-your-name": ['networking', 'enjoy-it', 'name-is-brand'],
    "personal-and-company-accounts": ['networking', 'enjoy-it', 'company-brand'],
    "support-on-twitter": ['support', 'many-users', 'yes-daily'],
    "linkedin-first": ['find-leads', 'yes-active', 'high-value', 'weekly'],
    "twitter-lead-programme": ['find-leads', 'yes-active', 'high-value', 'daily', 'twitter'],
    "where-your-buyers-gather": ['find-leads', 'yes-active', 'high-value', 'daily', 'elsewhere'],
}


def test_paths_reach_their_outcomes():
    assert_paths(TREE, PATHS)


def test_every_outcome_is_covered_by_a_path():
    assert_every_outcome_has_a_path(TREE, PATHS)
