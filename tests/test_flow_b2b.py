"""Routing of the b2b tree, node by node (GOV.UK Smart Answers style)."""
from flows import assert_answers, assert_every_outcome_has_a_path, assert_paths

TREE = "b2b"


def test_already_posting():
    assert_answers(TREE, "already-posting", {
        "often": "goal",
        "now-and-then": "goal",
        "no": "goal",
    })


def test_goal():
    assert_answers(TREE, "goal", {
        "find-leads": "team-and-time",
        "networking": "networking-time",
        "support": "support-need",
        "no-goal": "decide-why-first",
    })


def test_team_and_time():
    assert_answers(TREE, "team-and-time", {
        "weekly": "buyers-there",
        "no-time": "direct-channels",
    })


def test_buyers_there():
    assert_answers(TREE, "buyers-there", {
        "linkedin": "linkedin-first",
        "twitter": "x-every-day",
        "elsewhere": "where-your-buyers-gather",
        "not-active": "direct-channels",
        "dont-know": "find-out-this-week",
    })


def test_x_every_day():
    assert_answers(TREE, "x-every-day", {
        "daily": "twitter-lead-programme",
        "sometimes": "where-your-buyers-gather",
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
    "decide-why-first": ['no', 'no-goal'],
    "find-out-this-week": ['often', 'find-leads', 'weekly', 'dont-know'],
    "direct-channels": ['now-and-then', 'find-leads', 'weekly', 'not-active'],
    "account-support": ['no', 'support', 'few-accounts'],
    "one-account-in-your-name": ['often', 'networking', 'enjoy-it', 'name-is-brand'],
    "personal-and-company-accounts": ['no', 'networking', 'enjoy-it', 'company-brand'],
    "support-on-twitter": ['often', 'support', 'many-users', 'yes-daily'],
    "linkedin-first": ['no', 'find-leads', 'weekly', 'linkedin'],
    "twitter-lead-programme": ['often', 'find-leads', 'weekly', 'twitter', 'daily'],
    "where-your-buyers-gather": ['now-and-then', 'find-leads', 'weekly', 'elsewhere'],
}


def test_paths_reach_their_outcomes():
    assert_paths(TREE, PATHS)


def test_every_outcome_is_covered_by_a_path():
    assert_every_outcome_has_a_path(TREE, PATHS)
