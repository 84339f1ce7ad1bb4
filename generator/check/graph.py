"""Checks on the shape of the trees: ids, hand-overs, reachability, cycles."""
from __future__ import annotations

import difflib
from collections import defaultdict
from typing import Iterator, Optional

from ..model import Guide, HandOver, Question
from ..urls import Urls
from .registry import Problem, check


def _did_you_mean(name: str, choices) -> Optional[str]:
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else None


@check("duplicate-id")
def duplicate_ids(guide: Guide) -> Iterator[Problem]:
    """Tree, source and answer ids are unique (node ids are keys: YAML catches those).

    Fails: two answers of one question whose labels give the same id
        answers: [{label: "Yes!", next: a}, {label: "Yes", next: b}]
    Passes: give one of them an explicit id
        answers: [{label: "Yes!", id: yes-really, next: a}, {label: "Yes", next: b}]
    """
    for kind, items in (("tree", guide.trees), ("source", guide.sources)):
        seen = {}
        for item in items:
            if item.id in seen:
                yield Problem(item.mark, f"{kind} id {item.id!r} is already used by {seen[item.id]}",
                              f"rename one of the two {kind}s")
            else:
                seen[item.id] = getattr(item, "file", "")
    for tree in guide.trees:
        for node in tree.nodes:
            if isinstance(node, Question):
                seen = {}
                for answer in node.answers:
                    if answer.id in seen:
                        yield Problem(answer.id_mark, f"answer id {answer.id!r} is used twice in node {node.id!r}",
                                      "give one of the answers an explicit, different 'id'")
                    seen[answer.id] = answer


@check("page-clash")
def page_clashes(guide: Guide) -> Iterator[Problem]:
    """No tree or source has a page at the address of the list of sources.

    A tree `sources` gets guide/sources.md, served at guide/sources/ like the
    list of sources (guide/sources/index.md); a source `index` gets that very
    file. Either way one page silently replaced the other.

    Fails:  id: sources          (a tree, in a guide that cites sources)
    Passes: id: our-sources
    """
    if not guide.sources:
        return
    urls = Urls()  # directory URLs: the scheme where the most addresses meet
    taken = urls.url(urls.coverage_file())
    pages = [("tree", t, urls.tree_file(t.id)) for t in guide.trees]
    pages += [("source", s, urls.source_file(s.id)) for s in guide.sources]
    for kind, item, file in pages:
        if urls.url(file) == taken:
            yield Problem(item.mark, f"{kind} id {item.id!r} gives a page at {taken}, the address of the list "
                                     "of sources", f"rename the {kind}")


@check("dangling-next", whole_files=True)
def dangling_next(guide: Guide) -> Iterator[Problem]:
    """Every `start` and `next` names a node of the same tree.

    Fails:  start: goal     (and no node called goal)
    Passes: start: goal
            nodes: {goal: {question: ..., answers: [...]}}
    """
    for tree in guide.trees:
        names = tree.index.keys()
        if tree.start.value not in names:
            yield Problem(tree.start.mark,
                          f"start node {tree.start.value!r} is not a node of tree {tree.id!r}",
                          _did_you_mean(tree.start.value, names))
        for node in tree.nodes:
            if isinstance(node, Question):
                for answer in node.answers:
                    if answer.next.value not in names:
                        yield Problem(answer.next.mark, f"answer {answer.label.value!r} leads to "
                                      f"{answer.next.value!r}, which is not a node of tree {tree.id!r}",
                                      _did_you_mean(answer.next.value, names)
                                      or "add that node under 'nodes', or fix the name")


@check("dangling-link")
def dangling_link(guide: Guide) -> Iterator[Problem]:
    """A hand-over names an existing tree (and node of it, when given).

    A tree whose file has errors is not judged: the file's own errors are
    the cause, and its missing tree or node only their consequence.

    Fails:  to-b2b: {tree: b2c}
    Passes: to-b2b: {tree: b2b}
    """
    tree_ids = [t.id for t in guide.trees]
    for tree in guide.trees:
        for node in tree.nodes:
            if not isinstance(node, HandOver) or node.tree.value in guide.unloaded:
                continue
            other = guide.tree(node.tree.value)
            if other is None:
                yield Problem(node.tree.mark,
                              f"node {node.id!r} hands over to tree {node.tree.value!r}, which does not exist",
                              _did_you_mean(node.tree.value, tree_ids)
                              or "create rules/" + node.tree.value + ".yml, or fix the name")
            elif node.node is not None and other.complete and other.node(node.node.value) is None:
                yield Problem(node.node.mark, f"tree {other.id!r} has no node {node.node.value!r}",
                              _did_you_mean(node.node.value, other.index.keys()))


@check("unreachable-node", whole_files=True)
def unreachable_nodes(guide: Guide) -> Iterator[Problem]:
    """Every node can be reached from the tree's start.

    Fails:  a node that no answer leads to
    Passes: remove it, or add an answer whose `next` names it
    """
    for tree in guide.trees:
        start = tree.node(tree.start.value)
        if start is None:
            continue
        seen = {start.id}
        todo = [start]
        while todo:
            node = todo.pop()
            for other_tree, target, _ in guide.successors(tree, node):
                if other_tree is tree and target.id not in seen:
                    seen.add(target.id)
                    todo.append(target)
        for node in tree.nodes:
            if node.id not in seen:
                yield Problem(node.mark, f"node {node.id!r} cannot be reached from the start ({tree.start.value!r})",
                              "point an answer's 'next' at it, or delete it")


ENTRY = "start"
"""The tree readers begin with: the home page's "Start the guide" opens it."""


@check("unrouted-tree", whole_files=True)
def unrouted_trees(guide: Guide) -> Iterator[Problem]:
    """Every tree is reached from the start tree, through hand-overs.

    A tree nothing hands over to is still in the navigation, so nothing else
    fails: only readers who answer the start's questions never get there.

    Fails:  rules/hair-salons.yml, and no node `tree: hair-salons` anywhere
    Passes: in rules/start.yml, an answer leading to `to-hair-salons: {tree: hair-salons}`
    """
    entry = guide.tree(ENTRY)
    if entry is None or ENTRY in guide.unloaded:
        return
    # A hand-over to a misspelled tree is the cause (dangling-link): the tree
    # it meant is not also reported as unreached.
    if any(isinstance(node, HandOver) and guide.tree(node.tree.value) is None
           for tree in guide.trees for node in tree.nodes):
        return
    reached, todo = {entry.id}, [entry]
    while todo:
        tree = todo.pop()
        for node in tree.nodes:
            for other_tree, _, _ in guide.successors(tree, node):
                if other_tree.id not in reached:
                    reached.add(other_tree.id)
                    todo.append(other_tree)
    for tree in guide.trees:
        if tree.id not in reached:
            yield Problem(tree.mark, f"no hand-over from the start tree leads to tree {tree.id!r}: readers "
                          "can open it only from the navigation",
                          f"in {entry.file}, add an answer whose next is a hand-over node "
                          f"(to-{tree.id}: {{tree: {tree.id}}}), or delete the tree")


@check("cycle", whole_files=True)
def cycles(guide: Guide) -> Iterator[Problem]:
    """No path comes back to a node it already passed, across hand-overs too.

    Fails:  a: {question: ..., answers: [{label: Again, next: a}]}
    Passes: every path ends in a verdict
    """
    state: dict[tuple[str, str], int] = {}  # 1 = on the current path, 2 = done
    for tree in guide.trees:
        for root in tree.nodes:
            if state.get((tree.id, root.id)):
                continue
            # Iterative depth-first search: a 10,000-node chain must not hit
            # Python's recursion limit.
            stack = [(tree, root, iter(guide.successors(tree, root)))]
            state[(tree.id, root.id)] = 1
            while stack:
                cur_tree, cur, children = stack[-1]
                step = next(children, None)
                if step is None:
                    state[(cur_tree.id, cur.id)] = 2
                    stack.pop()
                    continue
                next_tree, target, named_by = step
                key = (next_tree.id, target.id)
                if state.get(key) == 1:
                    loop = [f"{t.id}:{n.id}" if t is not tree else n.id for t, n, _ in stack]
                    loop = loop[[i for i, (t, n, _) in enumerate(stack) if (t.id, n.id) == key][0]:]
                    yield Problem(named_by.mark, f"this leads back to {target.id!r}: {' → '.join(loop + [target.id])}",
                                  "a decision path must end in a verdict: point this somewhere further on")
                elif key not in state:
                    state[key] = 1
                    stack.append((next_tree, target, iter(guide.successors(next_tree, target))))


@check("dead-end", whole_files=True)
def dead_ends(guide: Guide) -> Iterator[Problem]:
    """A question has answers to choose from.

    Fails:  q: {question: "Why?", answers: []}
    Passes: q: {question: "Why?", answers: [{label: Because, next: o}]}
    """
    for tree in guide.trees:
        for node in tree.nodes:
            if isinstance(node, Question) and not node.answers:
                yield Problem(node.mark, f"question {node.id!r} has no answers",
                              "add at least two answers, each with a label and a next")


@check("single-answer", whole_files=True)
def single_answer(guide: Guide) -> Iterator[Problem]:
    """A question offers a choice: one answer is not a question.

    Fails:  answers: [{label: Continue, next: o}]
    Passes: answers: [{label: Yes, next: a}, {label: Not yet, next: b}]
    """
    for tree in guide.trees:
        for node in tree.nodes:
            if isinstance(node, Question) and len(node.answers) == 1:
                yield Problem(node.mark, f"question {node.id!r} has a single answer",
                              "add the other answers a reader could give, or make it an outcome")


@check("duplicate-label")
def duplicate_labels(guide: Guide) -> Iterator[Problem]:
    """Two answers of one question do not read the same.

    Fails:  answers: [{label: Yes, next: a}, {label: Yes, next: b}]
    """
    for tree in guide.trees:
        for node in tree.nodes:
            if not isinstance(node, Question):
                continue
            seen = defaultdict(list)
            for answer in node.answers:
                key = " ".join(answer.label.value.lower().split())
                if seen[key]:
                    yield Problem(answer.label.mark,
                                  f"question {node.id!r} already has an answer labelled {answer.label.value!r}",
                                  "a reader cannot tell them apart: reword one")
                seen[key].append(answer)


@check("tree-file-name")
def tree_file_name(guide: Guide) -> Iterator[Problem]:
    """A tree's id is its file's name, so contributors find it.

    Fails:  rules/shop.yml with `id: product-shop`
    Passes: rules/product-shop.yml with `id: product-shop`
    """
    from pathlib import PurePath

    for tree in guide.trees:
        stem = PurePath(tree.file).stem
        if stem != tree.id:
            yield Problem(tree.mark, f"tree {tree.id!r} is in a file named {PurePath(tree.file).name!r}",
                          f"rename the file to {tree.id}.yml, or the id to {stem!r}")
