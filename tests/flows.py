"""Flow-test helpers in the manner of GOV.UK Smart Answers.

`assert_next(tree, node, answer, expected)` fails with the node's name when
an answer no longer leads where it did, so a routing change shows up as a
named failing test.
"""
from __future__ import annotations

from functools import lru_cache

from conftest import ROOT
from generator.config import GuideConfig
from generator.model import Guide, Link, Question
from generator.pipeline import check_guide


@lru_cache(maxsize=1)
def real_guide() -> Guide:
    guide, diagnostics = check_guide(GuideConfig(root=ROOT))
    errors = [d for d in diagnostics if d.severity == "error"]
    assert not errors, errors[:3]
    return guide


def next_node(tree_id: str, node_id: str, answer_id: str) -> str:
    tree = real_guide().tree(tree_id)
    node = tree.node(node_id)
    assert isinstance(node, Question), f"{tree_id}:{node_id} is not a question"
    answers = {a.id: a for a in node.answers}
    assert answer_id in answers, f"{tree_id}:{node_id} has no answer {answer_id!r} (it has {sorted(answers)})"
    target = tree.node(answers[answer_id].next.value)
    if isinstance(target, Link):
        return f"tree:{target.tree.value}"
    return target.id


def assert_answers(tree_id: str, node_id: str, expected: dict[str, str]) -> None:
    """Every answer of the node, and where each leads (`tree:<id>` for a hand-over)."""
    node = real_guide().tree(tree_id).node(node_id)
    assert isinstance(node, Question), f"{tree_id}:{node_id} is not a question"
    actual = {a.id: next_node(tree_id, node_id, a.id) for a in node.answers}
    assert actual == expected, f"routing of {tree_id}:{node_id} changed"


def outcome_of(tree_id: str, answers: list[str]) -> str:
    """Follow answers from the start; the node reached."""
    tree = real_guide().tree(tree_id)
    current = tree.start.value
    for answer_id in answers:
        current = next_node(tree_id, current, answer_id)
    return current


def assert_paths(tree_id: str, paths: dict[str, list[str]]) -> None:
    """Each list of answers, followed from the start, ends where it says."""
    for expected, answers in paths.items():
        assert outcome_of(tree_id, answers) == expected, answers


def assert_every_outcome_has_a_path(tree_id: str, paths: dict[str, list[str]]) -> None:
    outcomes = {n.id for n in real_guide().tree(tree_id).nodes if n.kind == "outcome"}
    assert outcomes <= set(paths), sorted(outcomes - set(paths))


def all_paths(tree):
    """Every path from the start: (answer pairs, the node it ends on)."""
    out, stack = [], [(tree.start.value, [])]
    while stack:
        node_id, pairs = stack.pop()
        node = tree.node(node_id)
        if isinstance(node, Question):
            for answer in node.answers:
                stack.append((answer.next.value, pairs + [(node_id, answer.id)]))
        else:
            out.append((pairs, node))
    return out
