"""House rules: what every answer and outcome carries in this kind of guide.

The rules language leaves these keys optional (a first tree need not have
them), so each check is off unless the guide turns it on in mkdocs.yml:

    plugins:
      - decision-guide:
          checks:
            missing-answer-citation: error

This guide turns them all on: a reader sees the passage behind every
answer, and every result says what to do next, how to tell it worked, and
what to do with the accounts the reader already has.
"""
from __future__ import annotations

from typing import Iterator

from ..model import Guide, Outcome, Question
from .registry import Problem, check


def _misspelled(item) -> frozenset:
    # A key written wrongly (`citaions:`) is reported by the loader as the
    # cause; saying here that the key is missing would only repeat it.
    return item.misspelled


@check("missing-answer-citation")
def missing_answer_citation(guide: Guide) -> Iterator[Problem]:
    """Every answer cites the passage that makes it lead where it leads.

    Fails:  answers: [{label: Daily, next: o, reasoning: "..."}]
    Passes: answers: [{label: Daily, next: o, reasoning: "...", citations: [{source: s, quote: "..."}]}]
    """
    for tree in guide.trees:
        for node in tree.nodes:
            if not isinstance(node, Question):
                continue
            for answer in node.answers:
                if not answer.citations and "citations" not in _misspelled(answer):
                    yield Problem(answer.mark, f"answer {answer.label.value!r} of {node.id!r} cites no source",
                                  "add 'citations:' under the answer: the passage that makes this answer "
                                  "lead where it leads, with its source id")


def _outcomes_without(guide: Guide, key: str) -> Iterator[Outcome]:
    for tree in guide.trees:
        for node in tree.nodes:
            if isinstance(node, Outcome) and not getattr(node, key) and key not in _misspelled(node):
                yield node


@check("missing-next-steps")
def missing_next_steps(guide: Guide) -> Iterator[Problem]:
    """Every outcome says what to do next.

    Fails:  done: {verdict: "Yes", text: "..."}
    Passes: done: {verdict: "Yes", text: "...", next_steps: ["Post one photo a week"]}
    """
    for node in _outcomes_without(guide, "next_steps"):
        yield Problem(node.mark, f"outcome {node.id!r} has no next steps",
                      "add 'next_steps:' with one to three things the reader can do this week")


@check("missing-measure")
def missing_measure(guide: Guide) -> Iterator[Problem]:
    """Every outcome says what to count to know the advice works.

    Fails:  done: {verdict: "Yes", text: "..."}
    Passes: done: {verdict: "Yes", text: "...", measure: ["Orders that mention a post"]}
    """
    for node in _outcomes_without(guide, "measure"):
        yield Problem(node.mark, f"outcome {node.id!r} says nothing to measure",
                      "add 'measure:' with what to count to know the advice works")


@check("missing-existing-accounts")
def missing_existing_accounts(guide: Guide) -> Iterator[Problem]:
    """Every outcome tells a reader who already posts what to keep and what to close.

    Fails:  done: {verdict: "Not now", text: "..."}
    Passes: done: {verdict: "Not now", text: "...", existing_accounts: "Keep the page your buyers order from."}
    """
    for node in _outcomes_without(guide, "existing_accounts"):
        yield Problem(node.mark, f"outcome {node.id!r} says nothing to a reader who already has accounts",
                      "add 'existing_accounts:' saying which accounts to keep and which to close")
