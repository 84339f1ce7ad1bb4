"""Routing of the high-priced-service tree, node by node (GOV.UK Smart Answers style)."""
from flows import assert_answers, assert_every_outcome_has_a_path, assert_paths, outcome_of, real_guide

TREE = "high-priced-service"


def test_already_posting():
    assert_answers(TREE, "already-posting", {
        "yes-often": "goal",
        "now-and-then": "goal",
        "no": "goal",
    })


def test_goal():
    assert_answers(TREE, "goal", {
        "new-clients": "which-platform",
        "past-clients": "repeat-work",
        "support": "support-need",
        "no-goal": "decide-why-first",
    })


def test_which_platform():
    assert_answers(TREE, "which-platform", {
        "visual": "clients-there",
        "linkedin": "clients-there",
        "twitter": "x-clients-there",
        "other-platform": "clients-there",
        "dont-know": "find-out-this-week",
    })


def test_clients_there():
    assert_answers(TREE, "clients-there", {
        "paying-clients-there": "who-posts",
        "price-drop-outs": "meet-clients-in-person",
        "clients-elsewhere": "meet-clients-in-person",
        "starting-out": "who-posts",
        "dont-know": "find-out-this-week",
    })


def test_who_posts():
    assert_answers(TREE, "who-posts", {
        "enjoy-it": "showcase-on-social",
        "pay-someone": "showcase-on-social",
        "no-time": "tactic-you-enjoy",
    })


def test_x_clients_there():
    assert_answers(TREE, "x-clients-there", {
        "paying-clients-there": "x-daily",
        "price-drop-outs": "meet-clients-in-person",
        "clients-elsewhere": "meet-clients-in-person",
        "starting-out": "x-daily",
        "dont-know": "find-out-this-week",
    })


def test_x_daily():
    assert_answers(TREE, "x-daily", {
        "can-cover": "twitter-personal",
        "helper-covers": "twitter-personal",
        "cannot-cover": "not-on-x",
    })


def test_repeat_work():
    assert_answers(TREE, "repeat-work", {
        "come-back": "stay-in-touch",
        "once-but-refer": "referrals-and-email",
        "dont-know": "find-out-this-week",
    })


def test_support_need():
    assert_answers(TREE, "support-need", {
        "few-direct": "personal-support",
        "in-public": "support-diligence",
        "dont-know": "find-out-this-week",
    })


def test_support_diligence():
    assert_answers(TREE, "support-diligence", {
        "yes-daily": "answer-in-public",
        "not-daily": "personal-support",
    })


# One path to each outcome: the answers a reader gives, and where they end.
PATHS = {
    "decide-why-first": ['no', 'no-goal'],
    "find-out-this-week": ['no', 'new-clients', 'dont-know'],
    "meet-clients-in-person": ['yes-often', 'new-clients', 'visual', 'price-drop-outs'],
    "showcase-on-social": ['no', 'new-clients', 'visual', 'starting-out', 'enjoy-it'],
    "tactic-you-enjoy": ['now-and-then', 'new-clients', 'linkedin', 'paying-clients-there', 'no-time'],
    "twitter-personal": ['yes-often', 'new-clients', 'twitter', 'paying-clients-there', 'can-cover'],
    "not-on-x": ['now-and-then', 'new-clients', 'twitter', 'paying-clients-there', 'cannot-cover'],
    "stay-in-touch": ['yes-often', 'past-clients', 'come-back'],
    "referrals-and-email": ['no', 'past-clients', 'once-but-refer'],
    "personal-support": ['yes-often', 'support', 'few-direct'],
    "answer-in-public": ['yes-often', 'support', 'in-public', 'yes-daily'],
}

# The three owners the issue names, walked through the tree.
OWNERS = {
    # A wedding photographer on Instagram whose couples write, then drop out at the price.
    "wedding photographer": (['yes-often', 'new-clients', 'visual', 'price-drop-outs'], "meet-clients-in-person"),
    # A consultant to private clients, won by referrals, with LinkedIn in mind.
    "consultant": (['no', 'new-clients', 'linkedin', 'clients-elsewhere'], "meet-clients-in-person"),
    # Lester: fans on Facebook, bookers who are not there.
    "entertainer like Lester": (['now-and-then', 'new-clients', 'visual', 'clients-elsewhere'],
                                "meet-clients-in-person"),
    "photographer who cannot tell yet": (['yes-often', 'new-clients', 'visual', 'dont-know'], "find-out-this-week"),
}


def test_paths_reach_their_outcomes():
    assert_paths(TREE, PATHS)


def test_every_outcome_is_covered_by_a_path():
    assert_every_outcome_has_a_path(TREE, PATHS)


def test_the_three_owners_of_the_issue_end_where_they_should():
    for owner, (answers, expected) in OWNERS.items():
        assert outcome_of(TREE, answers) == expected, owner


def test_a_reader_who_pays_a_helper_has_a_true_answer_about_x():
    # "Someone I pay" must not leave only "I reply myself" at the X question.
    assert outcome_of(TREE, ['yes-often', 'new-clients', 'twitter', 'paying-clients-there',
                             'helper-covers']) == "twitter-personal"


def test_prospects_who_drop_out_at_the_price_are_told_to_show_a_starting_price():
    node = real_guide().tree(TREE).node("meet-clients-in-person")
    assert "starting price" in node.text.value
    assert any("starting price" in step.value for step in node.next_steps[:3])
