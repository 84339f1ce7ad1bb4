"""The model's walks: where a node leads (children, Guide.successors), every
citation of a tree (Tree.citations) and every text a reader sees (texts):
the checks and the renderer ask the model rather than list fields themselves."""
from __future__ import annotations

import dataclasses

from conftest import VALID_TREE, write_project
from generator.model import HandOver, Outcome, Question, Text
from generator.pipeline import check_guide

HANDS_OVER = """\
id: other
title: Other
profile: b2b
start: hand
nodes:
  hand:
    tree: shop
    node: good
    text: {en: Over there., fr: Par là.}
"""


def _guide(tmp_path):
    config = write_project(tmp_path, {"shop.yml": VALID_TREE, "other.yml": HANDS_OVER})
    return check_guide(config)[0]


def test_children_are_each_answers_next_in_order(tmp_path):
    guide = _guide(tmp_path)
    shop = guide.tree("shop")
    question = shop.node("q")
    assert isinstance(question, Question)
    assert [t.value for t in question.children()] == [a.next.value for a in question.answers]
    assert all(isinstance(t, Text) for t in question.children())
    assert [n.children() for n in shop.nodes if isinstance(n, Outcome)] == [(), ()]
    assert guide.tree("other").node("hand").children() == ()  # a hand-over leaves the tree


def test_successors_follow_answers_and_hand_overs(tmp_path):
    guide = _guide(tmp_path)
    shop, other = guide.tree("shop"), guide.tree("other")
    hand = other.node("hand")
    assert isinstance(hand, HandOver)
    [(tree, node, named_by)] = guide.successors(other, hand)
    assert (tree.id, node.id, named_by) == ("shop", "good", hand.tree)
    question = shop.node("q")
    assert [(t.id, n.id) for t, n, _ in guide.successors(shop, question)] == [("shop", c.value)
                                                                              for c in question.children()]
    dangling = dataclasses.replace(hand, tree=dataclasses.replace(hand.tree, value="nowhere"))
    assert guide.successors(other, dangling) == []


def test_citations_of_a_tree_say_what_they_support(tmp_path):
    shop = _guide(tmp_path).tree("shop")
    cited = shop.citations()
    expected = [c for n in shop.nodes for c in getattr(n, "citations", ())]
    expected += [c for n in shop.nodes for a in getattr(n, "answers", ()) for c in a.citations]
    assert sorted(map(id, (c.citation for c in cited))) == sorted(map(id, expected))
    assert {c.where for c in cited if c.answer is None} == {f"node {c.node.id!r}" for c in cited if c.answer is None}
    assert shop.citations() is cited  # walked once per tree


def test_texts_leave_out_quotes_and_the_names_of_nodes(tmp_path):
    guide = _guide(tmp_path)
    shop = guide.tree("shop")
    assert list(shop.texts()) == [t for t in (shop.title, shop.summary) if t is not None]
    question = shop.node("q")
    texts = list(question.texts())
    assert question.text in texts and all(a.label in texts for a in question.answers)
    assert not {a.next for a in question.answers} & set(texts)
    quotes = {c.citation.quote for c in shop.citations()}
    assert not quotes & set(texts)
    hand = guide.tree("other").node("hand")
    assert list(hand.texts()) == [hand.text]
