"""Rules files (`rules/<tree>.yml`) into `Tree` values.

The loader checks the *shape* of one file: keys, types, ids. Everything that
needs more than one value at a time (a `next` that names no node, a quote
missing from its source) is a named check in `generator.check`.
"""
from __future__ import annotations

import dataclasses
from typing import Optional

import yaml

from ..diagnostics import Diagnostic
from ..model import Answer, Citation, HandOver, Mark, Node, Outcome, Question, Text, Tree
from .nodes import ID_PATTERN, NodeReader, close_key, slugify
from ..yamlfile import parse_bytes

MAX_NODES = 20_000
"""Most nodes one tree may have."""
MAX_QUOTE = 2_000
"""Longest quote accepted, in characters: a citation is a passage, not an article."""

TREE_KEYS = ("id", "title", "profile", "summary", "start", "nodes")
TREE_REQUIRED = ("id", "title", "profile", "start", "nodes")
QUESTION_KEYS = ("question", "reasoning", "caveat", "citations", "answers")
ANSWER_KEYS = ("label", "id", "next", "reasoning", "citations")
OUTCOME_KEYS = ("short_verdict", "verdict", "text", "reasoning", "caveat", "citations", "next_steps", "measure",
                "existing_accounts")
HAND_OVER_KEYS = ("tree", "node", "text", "caveat")
CITATION_KEYS = ("source", "quote", "translation")
# The key that says what kind a node is; a node has exactly one of them.
KIND_KEYS = {"question": QUESTION_KEYS, "verdict": OUTCOME_KEYS, "tree": HAND_OVER_KEYS}
NODE_KEYS = frozenset(QUESTION_KEYS + OUTCOME_KEYS + HAND_OVER_KEYS)


class _RulesReader(NodeReader):
    def tree(self, root: yaml.Node) -> Optional[Tree]:
        fields = self.mapping(root, "the tree", TREE_KEYS, TREE_REQUIRED)
        if fields is None:
            if isinstance(root, (yaml.ScalarNode, yaml.SequenceNode)):
                self.diagnostics[-1] = Diagnostic(
                    self.mark(root), "not-a-mapping",
                    "the top level of a rules file must be a mapping (id:, title:, profile:, start:, nodes:)",
                    "see the page 'Writing rules' for a complete example")
            return None
        get = lambda key, what, reader: reader(fields[key][1], what) if key in fields else None  # noqa: E731
        tree_id = get("id", "the tree's id", self.identifier)
        title = get("title", "the tree's title", self.text)
        profile = get("profile", "the tree's profile", self.identifier)
        summary = get("summary", "the tree's summary", self.text)
        start = get("start", "'start'", self.identifier)
        nodes = self.nodes(fields["nodes"][1]) if "nodes" in fields else []
        if None in (tree_id, title, profile, start) or "nodes" not in fields:
            return None
        return Tree(tree_id.value, title, profile, summary, start, tuple(nodes), self.path,
                    tree_id.mark)

    def nodes(self, node: yaml.Node) -> list[Node]:
        fields = self.mapping(node, "'nodes'", (), any_key=True,
                              duplicate_hint="rename one of them: node ids must be unique in a tree")
        if fields is None:
            return []
        if len(fields) > MAX_NODES:
            self.error(node, "too-many-nodes", f"the tree has {len(fields):,} nodes; the limit is {MAX_NODES:,}",
                       "split it into several trees joined by hand-over nodes")
            return []
        out = []
        for key, (key_node, value_node) in fields.items():
            if not ID_PATTERN.match(key):
                self.error(key_node, "bad-id", f"the node id {key!r} is not a valid id",
                           f"use lower-case letters, digits and dashes, e.g. {slugify(key)!r}")
                continue
            parsed = self.node(key, self.mark(key_node), value_node)
            if parsed is not None:
                out.append(parsed)
        return out

    def node(self, node_id: str, mark: Mark, node: yaml.Node) -> Optional[Node]:
        what = f"node {node_id!r}"
        kinds = []
        if isinstance(node, yaml.MappingNode):
            kinds = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode) and k.value in KIND_KEYS]
        if len(kinds) != 1:
            if not kinds and self.misspelled_kind(node, what):
                return None
            if isinstance(node, yaml.MappingNode):
                found = " and ".join(repr(k) for k in kinds) if kinds else "none of them"
                self.error(mark, "node-kind", f"{what} needs exactly one of 'question', 'verdict' or 'tree' "
                           f"(found {found})",
                           "'question' asks, 'verdict' concludes, 'tree' hands over to another tree")
            else:
                self.mapping(node, what, ())
            return None
        kind = kinds[0]
        misspelled: set[str] = set()
        fields = self.mapping(node, what, KIND_KEYS[kind], (kind,) + (("answers",) if kind == "question" else ()),
                              misspelled=misspelled)
        if fields is None:
            return None
        reasoning = self.optional_text(fields, "reasoning", f"the reasoning of {what}")
        citations = self.citations(fields, what)
        caveat = self.optional_text(fields, "caveat", f"the caveat of {what}")
        if kind == "question":
            text = self.optional_text(fields, "question", f"the question of {what}")
            answers = self.answers(fields["answers"][1], what) if "answers" in fields else []
            if text is None or "answers" not in fields:
                return None
            return Question(node_id, text, reasoning, citations, tuple(answers), mark, caveat, frozenset(misspelled))
        if kind == "verdict":
            verdict = self.optional_text(fields, "verdict", f"the verdict of {what}")
            if verdict is None:
                return None
            return Outcome(node_id, verdict, self.optional_text(fields, "text", f"the text of {what}"),
                           reasoning, citations, self.texts(fields, "next_steps", what),
                           self.texts(fields, "measure", what), mark, caveat,
                           self.optional_text(fields, "short_verdict", f"the short verdict of {what}"),
                           self.optional_text(fields, "existing_accounts", f"the existing accounts text of {what}"),
                           frozenset(misspelled))
        target = self.identifier(fields["tree"][1], f"the tree of {what}")
        at = self.identifier(fields["node"][1], f"the node of {what}") if "node" in fields else None
        if target is None:
            return None
        return HandOver(node_id, target, at, self.optional_text(fields, "text", f"the text of {what}"), mark, caveat,
                    frozenset(misspelled))

    def misspelled_kind(self, node: yaml.Node, what: str) -> bool:
        """Report the keys of a node of no kind that misspell a kind key
        (`questoin:`); True when there was one. Said so, the typo is the
        whole story: "needs exactly one of ..." would only hide it."""
        if not isinstance(node, yaml.MappingNode):
            return False
        found = False
        for key_node, _ in node.value:
            if (isinstance(key_node, yaml.ScalarNode) and key_node.value not in NODE_KEYS
                    and close_key(key_node.value, KIND_KEYS)):
                self.unknown_key(key_node, what, list(KIND_KEYS))
                found = True
        return found

    def texts(self, fields: dict, key: str, what: str) -> tuple[Text, ...]:
        if key not in fields:
            return ()
        items = self.sequence(fields[key][1], f"'{key}' of {what}")
        return tuple(t for t in (self.text(i, f"an item of '{key}' of {what}") for i in items) if t)

    def answers(self, node: yaml.Node, what: str) -> list[Answer]:
        out = []
        for i, item in enumerate(self.sequence(node, f"the answers of {what}"), 1):
            where = f"answer {i} of {what}"
            misspelled: set[str] = set()
            fields = self.mapping(item, where, ANSWER_KEYS, ("label", "next"), misspelled=misspelled)
            if fields is None:
                continue
            label = self.optional_text(fields, "label", f"the label of {where}")
            next_id = self.identifier(fields["next"][1], f"'next' of {where}") if "next" in fields else None
            answer_id = self.identifier(fields["id"][1], f"the id of {where}") if "id" in fields else None
            reasoning = self.optional_text(fields, "reasoning", f"the reasoning of {where}")
            citations = self.citations(fields, where)
            if label is None or next_id is None:
                continue
            if answer_id is None:
                # A bad explicit id is already reported; the answer is kept so
                # its node does not also show up as a dead end.
                answer_id = Text(slugify(label.value), self.mark(fields["id"][1]) if "id" in fields else label.mark)
            out.append(Answer(answer_id.value, label, next_id, reasoning, citations, self.mark(item),
                              answer_id.mark, frozenset(misspelled)))
        return out

    def citations(self, fields: dict, what: str) -> tuple[Citation, ...]:
        if "citations" not in fields:
            return ()
        out = []
        for i, item in enumerate(self.sequence(fields["citations"][1], f"the citations of {what}"), 1):
            where = f"citation {i} of {what}"
            cfields = self.mapping(item, where, CITATION_KEYS, ("source", "quote"))
            if cfields is None:
                continue
            source = self.identifier(cfields["source"][1], f"the source of {where}") if "source" in cfields else None
            quote = self.optional_text(cfields, "quote", f"the quote of {where}")
            translation = (self.text(cfields["translation"][1], f"the translation of {where}", need_main=False)
                           if "translation" in cfields else None)
            if quote is not None and len(quote.value) > MAX_QUOTE:
                self.error(quote.mark, "quote-too-long",
                           f"the quote is {len(quote.value):,} characters; the limit is {MAX_QUOTE:,}",
                           "cite the one or two sentences that carry the point")
                continue
            if source is None or quote is None:
                continue
            out.append(Citation(source, quote, translation, self.mark(item)))
        return tuple(out)


def load_tree(path: str, data: bytes, language: str = "en") -> tuple[Optional[Tree], list[Diagnostic]]:
    """Parse one rules file; the tree is None when its shape is too broken to use.

    `language` is the guide's first language: plain strings are in it, and a
    text written in several languages must include it.
    """
    doc = parse_bytes(path, data)
    if doc.root is None:
        return None, doc.diagnostics
    reader = _RulesReader(path, language, doc.lines)
    tree = reader.tree(doc.root)
    if tree is not None and reader.diagnostics:
        tree = dataclasses.replace(tree, complete=False)
    return tree, doc.diagnostics + reader.diagnostics
