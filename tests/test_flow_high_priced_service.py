"""The high-priced-service tree, walked by the owners it was written for.

Each persona answers as a real owner selling time and skill would and should
get the advice meant for them; rules/paths.txt records every other path.
"""
import pytest

from flows import assert_reaches, real_guide

TREE = "high-priced-service"

PERSONAS = {
    # The three owners of the issue: interest on social media, paying clients elsewhere.
    "a wedding photographer on Instagram whose couples write, then drop out at the price": (
        {"already-posting": "yes-often", "goal": "new-clients", "which-platform": "visual",
         "clients-there": "price-drop-outs"}, "meet-clients-in-person"),
    "a consultant to private clients, won by referrals, with LinkedIn in mind": (
        {"already-posting": "no", "goal": "new-clients", "which-platform": "linkedin",
         "clients-there": "clients-elsewhere"}, "meet-clients-in-person"),
    "an entertainer like Lester, with fans on Facebook and bookers who are not there": (
        {"already-posting": "now-and-then", "goal": "new-clients", "which-platform": "visual",
         "clients-there": "clients-elsewhere"}, "meet-clients-in-person"),
    "a wedding photographer who cannot tell yet whether paying couples look on Instagram": (
        {"already-posting": "yes-often", "goal": "new-clients", "which-platform": "visual",
         "clients-there": "dont-know"}, "find-out-this-week"),
    "a tutor who does not know which platform parents use": (
        {"already-posting": "no", "goal": "new-clients", "which-platform": "dont-know"}, "find-out-this-week"),
    "a life coach who has never posted and is only told she should be there": (
        {"already-posting": "no", "goal": "no-goal"}, "decide-why-first"),
    "a portrait photographer just starting out who likes showing her work": (
        {"already-posting": "no", "goal": "new-clients", "which-platform": "visual",
         "clients-there": "starting-out", "who-posts": "enjoy-it"}, "showcase-on-social"),
    "a financial adviser whose paying clients look on LinkedIn but who has no time to post": (
        {"already-posting": "now-and-then", "goal": "new-clients", "which-platform": "linkedin",
         "clients-there": "paying-clients-there", "who-posts": "no-time"}, "tactic-you-enjoy"),
    "a speechwriter whose clients found her on X and who likes replying every day": (
        {"already-posting": "yes-often", "goal": "new-clients", "which-platform": "twitter",
         "x-clients-there": "paying-clients-there", "x-daily": "can-cover"}, "twitter-personal"),
    # "Someone I pay" must not leave only "I reply myself" at the X question.
    "a designer whose clients look on X, with an assistant she pays to reply every day": (
        {"already-posting": "yes-often", "goal": "new-clients", "which-platform": "twitter",
         "x-clients-there": "paying-clients-there", "x-daily": "helper-covers"}, "twitter-personal"),
    "a consultant whose clients look on X but who cannot answer there every day": (
        {"already-posting": "now-and-then", "goal": "new-clients", "which-platform": "twitter",
         "x-clients-there": "paying-clients-there", "x-daily": "cannot-cover"}, "not-on-x"),
    "a children's party entertainer booked again every year": (
        {"already-posting": "yes-often", "goal": "past-clients", "repeat-work": "come-back"}, "stay-in-touch"),
    "a wedding photographer whose couples hire her once but tell their friends": (
        {"already-posting": "no", "goal": "past-clients", "repeat-work": "once-but-refer"}, "referrals-and-email"),
    "a private tutor whose unhappy parents phone or e-mail": (
        {"already-posting": "yes-often", "goal": "support", "support-need": "few-direct"}, "personal-support"),
    "a wedding planner reviewed in public, who can answer every day": (
        {"already-posting": "yes-often", "goal": "support", "support-need": "in-public",
         "support-diligence": "yes-daily"}, "answer-in-public"),
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_owner_gets_the_advice_meant_for_them(persona):
    answers, expected = PERSONAS[persona]
    assert_reaches(TREE, answers, expected, persona)


def test_prospects_who_drop_out_at_the_price_are_told_to_show_a_starting_price():
    node = real_guide().tree(TREE).node("meet-clients-in-person")
    assert "starting price" in node.text.value
    assert any("starting price" in step.value for step in node.next_steps[:3])
