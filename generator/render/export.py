"""`guide.json`: the whole compiled guide, for machines (see the contract)."""
from __future__ import annotations

import json

from ..model import Citation, Guide, HandOver, Outcome, Question
from ..urls import Urls

EXPORT_VERSION = 1


def _text(value):
    return value.value if value is not None else None


def _citations(items: tuple[Citation, ...]) -> list[dict]:
    return [{"source": c.source.value, "quote": c.quote.value, "translation": _text(c.translation)}
            for c in items]


def _node(node) -> dict:
    if isinstance(node, Question):
        return {"id": node.id, "kind": "question", "text": node.text.value, "reasoning": _text(node.reasoning),
                "citations": _citations(node.citations), "caveat": _text(node.caveat),
                "answers": [{"id": a.id, "label": a.label.value, "next": a.next.value,
                             "reasoning": _text(a.reasoning), "citations": _citations(a.citations)}
                            for a in node.answers]}
    if isinstance(node, Outcome):
        return {"id": node.id, "kind": "outcome", "short_verdict": _text(node.short_verdict),
                "verdict": node.verdict.value, "text": _text(node.text),
                "reasoning": _text(node.reasoning), "citations": _citations(node.citations),
                "next_steps": [t.value for t in node.next_steps], "measure": [t.value for t in node.measure],
                "existing_accounts": _text(node.existing_accounts), "caveat": _text(node.caveat)}
    assert isinstance(node, HandOver)
    return {"id": node.id, "kind": "link", "tree": node.tree.value,
            "node": _text(node.node), "text": _text(node.text), "caveat": _text(node.caveat)}


def guide_json(guide: Guide, urls: Urls) -> str:
    data = {
        "version": EXPORT_VERSION,
        "title": guide.title,
        "language": guide.edition,
        # The date readers see as "last reviewed": the rules' or sources' last commit.
        "reviewed": guide.reviewed.isoformat() if guide.reviewed else None,
        "sources": [{"id": s.id, "title": s.title, "author": s.author, "language": s.language, "url": s.url,
                     "published": s.published, "published_estimated": s.published_estimated,
                     "published_note": _text(s.published_note), "note": _text(s.note), "file": s.file,
                     "page": urls.url(urls.source_file(s.id))} for s in guide.sources],
        "trees": [{"id": t.id, "title": t.title.value, "profile": t.profile.value, "summary": _text(t.summary),
                   "page": urls.url(urls.tree_file(t.id)), "start": t.start.value, "file": t.file,
                   "nodes": [_node(n) for n in t.nodes]} for t in guide.trees],
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
