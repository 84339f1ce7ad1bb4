"""The JSON Schema of the rules language, derived from the loader's keys.

Editors read the shipped `rules.schema.json` (through yaml-language-server)
to autocomplete and underline mistakes. It is generated from the same key
lists the loader uses, and a test fails when the shipped file is stale:
`guide schema > generator/schema/rules.schema.json` regenerates it.
"""
from __future__ import annotations

from pathlib import Path

from ..load import rules as r
from ..load.nodes import ID_PATTERN, LANGUAGE

SCHEMA_FILE = Path(__file__).with_name("rules.schema.json")

_DOCS = {
    "id": "Kebab-case id, unique in the guide; the file is named after it.",
    "title": "Page title of the tree.",
    "profile": "Business profile it serves: product-shop, high-priced-service, b2b, one-time-purchase, router.",
    "summary": "One sentence shown where the tree is listed.",
    "start": "Id of the first node.",
    "nodes": "The nodes, by id: each a question, an outcome (verdict) or a hand-over (tree).",
    "question": "The question, as the reader sees it.",
    "reasoning": "Why: in plain words, Markdown allowed.",
    "citations": "Verbatim passages of the sources behind this.",
    "answers": "The choices, in the order shown.",
    "label": "What the reader clicks.",
    "next": "Id of the node this answer leads to, in the same tree.",
    "verdict": "The verdict in one sentence: the answer and its condition.",
    "short_verdict": "The answer in one to four words, taken in at a glance: \"Yes\", \"Yes, with limits\", \"Not now\".",
    "existing_accounts": "For a reader who already has accounts: what to keep, what to close.",
    "text": "A few sentences, Markdown allowed.",
    "next_steps": "Concrete actions, one per item.",
    "measure": "What to measure to know it works, one per item.",
    "tree": "Id of the tree to hand the reader over to.",
    "node": "Node of that tree to continue at (its start if absent).",
    "source": "Id of a source in content/sources/.",
    "quote": "The passage, copied verbatim from the source.",
    "caveat": "What the reader must know about the age or limits of the evidence behind this node; shown on the node.",
    "translation": "The quote in the guide's language, when the source is in another.",
}


def _text(doc: str) -> dict:
    """Text, or the same text in several languages: `{en: "...", fr: "..."}`."""
    plain = {"type": "string", "pattern": r"\S"}
    return {"description": doc, "anyOf": [plain, {
        "type": "object", "minProperties": 1, "additionalProperties": False,
        "patternProperties": {LANGUAGE.pattern: plain}}]}


def _id(doc: str) -> dict:
    return {"type": "string", "pattern": ID_PATTERN.pattern, "description": doc}


def _object(keys, required, special=None) -> dict:
    special = special or {}
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(required),
        "properties": {k: special.get(k) or _text(_DOCS[k]) for k in keys},
    }


def rules_schema() -> dict:
    ids = {k: _id(_DOCS[k]) for k in ("id", "profile", "start", "next", "tree", "node", "source")}
    citations = {"type": "array", "description": _DOCS["citations"], "items": {"$ref": "#/definitions/citation"}}
    texts = {k: {"type": "array", "description": _DOCS[k], "items": _text(_DOCS[k])} for k in ("next_steps", "measure")}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": "https://decision-guide.invalid/rules.schema.json",
        "title": "Decision guide rules file",
        "description": "One decision tree. See the page 'Writing rules'.",
        **_object(r.TREE_KEYS, r.TREE_REQUIRED, {
            **ids,
            "nodes": {
                "type": "object",
                "description": _DOCS["nodes"],
                "propertyNames": {"pattern": ID_PATTERN.pattern},
                "additionalProperties": {"oneOf": [
                    {"$ref": "#/definitions/question"},
                    {"$ref": "#/definitions/outcome"},
                    {"$ref": "#/definitions/link"},
                ]},
            },
        }),
        "definitions": {
            "question": _object(r.QUESTION_KEYS, ("question", "answers"), {
                "citations": citations,
                "answers": {"type": "array", "description": _DOCS["answers"],
                            "items": {"$ref": "#/definitions/answer"}},
            }),
            "answer": _object(r.ANSWER_KEYS, ("label", "next"), {**ids, "citations": citations}),
            "outcome": _object(r.OUTCOME_KEYS, ("short_verdict", "verdict"), {"citations": citations, **texts}),
            "link": _object(r.HAND_OVER_KEYS, ("tree",), ids),
            "citation": {**_object(r.CITATION_KEYS, ("source", "quote"), ids),
                         "properties": {**_object(r.CITATION_KEYS, (), ids)["properties"],
                                        "quote": {"type": "string", "pattern": r"\S", "maxLength": r.MAX_QUOTE,
                                                  "description": _DOCS["quote"]}}},
        },
    }
