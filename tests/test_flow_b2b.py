"""The b2b tree, walked by the owners it was written for.

Each persona answers as a real firm selling to other businesses would and
should get the advice meant for them; rules/paths.txt records every other path.
"""
import pytest

from flows import assert_reaches

TREE = "b2b"

PERSONAS = {
    "an IT consultancy whose buyers are active on LinkedIn": (
        {"already-posting": "no", "goal": "find-leads", "team-and-time": "weekly",
         "buyers-there": "linkedin"}, "linkedin-first"),
    "a developer-tools firm whose buyers are on X, with someone there every working day": (
        {"already-posting": "often", "goal": "find-leads", "team-and-time": "weekly",
         "buyers-there": "twitter", "x-every-day": "daily"}, "twitter-lead-programme"),
    "a supplier to restaurants whose buyers talk in a chefs' trade group": (
        {"already-posting": "now-and-then", "goal": "find-leads", "team-and-time": "weekly",
         "buyers-there": "elsewhere"}, "where-your-buyers-gather"),
    "an accountant selling to firms, with an hour a week but no idea where her buyers are": (
        {"already-posting": "now-and-then", "goal": "find-leads", "team-and-time": "weekly",
         "buyers-there": "dont-know"}, "find-out-this-week"),
    "an office-cleaning firm whose buyers do not use social media for work": (
        {"already-posting": "now-and-then", "goal": "find-leads", "team-and-time": "weekly",
         "buyers-there": "not-active"}, "direct-channels"),
    "a two-person IT consultancy with no hour a week to give it": (
        {"already-posting": "no", "goal": "find-leads", "team-and-time": "no-time"}, "direct-channels"),
    "a consultant to companies who wants to be known but would rather meet people in person": (
        {"already-posting": "no", "goal": "networking", "networking-time": "in-person"}, "direct-channels"),
    "a consultant to companies, hired by name, who would enjoy talking about her work": (
        {"already-posting": "often", "goal": "networking", "networking-time": "enjoy-it",
         "whose-account": "name-is-brand"}, "one-account-in-your-name"),
    "a design agency with its own brand, whose founder would enjoy talking shop online": (
        {"already-posting": "no", "goal": "networking", "networking-time": "enjoy-it",
         "whose-account": "company-brand"}, "personal-and-company-accounts"),
    "a payroll bureau with a few client firms, each with a contact it knows": (
        {"already-posting": "no", "goal": "support", "support-need": "few-accounts"}, "account-support"),
    "a SaaS for accountants with many users who need help fast, and someone to answer every working day": (
        {"already-posting": "often", "goal": "support", "support-need": "many-users",
         "support-diligence": "yes-daily"}, "support-on-twitter"),
    "an IT consultancy that has never posted and only wants more followers": (
        {"already-posting": "no", "goal": "no-goal"}, "decide-why-first"),
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_owner_gets_the_advice_meant_for_them(persona):
    answers, expected = PERSONAS[persona]
    assert_reaches(TREE, answers, expected, persona)
