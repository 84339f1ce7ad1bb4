"""Flow-test helpers: real owners walked through the real guide.

A flow test states intent once: this owner, answering as they would, gets
this advice. It does not restate each question's answers or list a path to
every outcome: rules/paths.txt records every path, and a routing change shows
as its diff in the pull request. So a contributor who adds an answer, an
outcome or a question edits the rules, not the tests.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterator

from conftest import ROOT
from generator.config import GuideConfig
from generator.model import Guide, HandOver, Question
from generator.pipeline import check_guide


@lru_cache(maxsize=1)
def real_guide() -> Guide:
    guide, diagnostics = check_guide(GuideConfig(root=ROOT))
    errors = [d for d in diagnostics if d.severity == "error"]
    assert not errors, errors[:3]
    return guide


def end_name(node) -> str:
    """How a walk's end is named: an outcome's id, or `tree:<id>` for a hand-over."""
    return f"tree:{node.tree.value}" if isinstance(node, HandOver) else node.id


def _walks(tree, node_id: str, answers: dict[str, str], persona: str, trail: list) -> Iterator[tuple[list, str]]:
    """Each way from node_id to an end: (question and answer pairs, the end's name)."""
    node = tree.node(node_id)
    if not isinstance(node, Question):
        yield trail, end_name(node)
        return
    if node_id in {asked for asked, _ in trail}:
        # The checker forbids cycles; a walk of a tree that has one must still end.
        yield trail, f"a loop back to {node_id!r}"
        return
    by_id = {a.id: a for a in node.answers}
    if node_id in answers:
        chosen = answers[node_id]
        assert chosen in by_id, (f"{persona}: answer {chosen!r} of {node_id!r} is gone: "
                                 f"{tree.id}:{node_id} now has {sorted(by_id)}")
        options = [by_id[chosen]]
    else:
        # A question the owner was never asked (one just inserted, say): any
        # answer they might give will do, as long as one still gets them there.
        options = node.answers
    for answer in options:
        yield from _walks(tree, answer.next.value, answers, persona, trail + [(node_id, answer.id)])


def assert_reaches(tree_id: str, answers: dict[str, str], expected: str, persona: str = "the reader") -> None:
    """Answering `answers` (question id → answer id) from the tree's start, the
    owner reaches `expected` (an outcome id, or `tree:<id>` for a hand-over).

    A question not in `answers` is tried with every answer; one branch that
    reaches `expected`, having asked every question in `answers`, is enough.
    """
    tree = real_guide().tree(tree_id)
    questions = {n.id for n in tree.nodes if isinstance(n, Question)}
    unknown = sorted(set(answers) - questions)
    assert not unknown, f"{persona}: {tree_id} has no question {unknown} (it has {sorted(questions)})"
    ends = []
    for trail, end in _walks(tree, tree.start.value, answers, persona, []):
        # A branch that skips a question the owner answered is not their journey.
        skipped = sorted(set(answers) - {asked for asked, _ in trail})
        if end == expected and not skipped:
            return
        steps = " → ".join(f"{asked}={answer}" for asked, answer in trail)
        ends.append(f"{steps} ⇒ {end}" + (f" (never asks {skipped})" if skipped else ""))
    shown = "\n  ".join(ends[:10]) + (f"\n  … and {len(ends) - 10} more" if len(ends) > 10 else "")
    raise AssertionError(f"{persona} should reach {expected!r} in {tree_id}; their answers end:\n  {shown}")


def longest_journey(tree_id: str) -> int:
    """Most questions a reader can meet in the tree, the trees it hands over to included
    (where the model says a node leads: Guide.successors, which follows a hand-over)."""
    guide = real_guide()
    memo: dict[tuple[str, str], int] = {}

    def longest(tree, node) -> int:
        if (tree.id, node.id) not in memo:
            onward = [longest(next_tree, next_node) for next_tree, next_node, _ in guide.successors(tree, node)]
            memo[tree.id, node.id] = int(isinstance(node, Question)) + max(onward, default=0)
        return memo[tree.id, node.id]

    tree = guide.tree(tree_id)
    return longest(tree, tree.node(tree.start.value))


def all_paths(tree):
    """Every path from the start: (answer pairs, the node it ends on, one with no children)."""
    out, stack = [], [(tree.start.value, [])]
    while stack:
        node_id, pairs = stack.pop()
        node = tree.node(node_id)
        children = node.children()  # each answer's `next`, in the answers' order
        if not children:
            out.append((pairs, node))
            continue
        for answer, child in zip(node.answers, children):
            stack.append((child.value, pairs + [(node_id, answer.id)]))
    return out
