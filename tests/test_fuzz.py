"""Fuzzing the compiler with the real rules files, mutated (hypothesis).

Each example takes one of the project's rules files, as it was when the run
started, and damages it: at the text level (lines deleted, duplicated,
swapped or re-indented, special characters, control characters, bytes that
are not UTF-8, very long lines, truncation) and at the structure level
(loaded, keys deleted or renamed, values changed to another type, nodes
duplicated, `next` pointed anywhere, cycles, the start node dropped, then
dumped back). Whatever the damage, a run must end in one of two ways:

- a clean check (and then a build that writes a site with guide.json), or
- diagnostics that each name a file of the project, a line and a column
  inside it (and a build that fails with BuildFailed or CompileError and
  leaves the old site/ byte-identical);

never a traceback, a hang, or a half-written site.

CI runs a small number of examples (FUZZ_EXAMPLES, 150 by default);
`bench/fuzz.py` runs the same properties at a few thousand.
"""
from __future__ import annotations

import atexit
import contextlib
import copy
import dataclasses
import datetime
import hashlib
import io
import json
import os
import re
import shutil
import signal
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Optional

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.build import BuildFailed, build_site
from generator.config import config_from_mkdocs, read_mkdocs_yml
from generator.diagnostics import ERROR, WARNING, CompileError, Diagnostic, format_github, format_text, has_errors
from generator.pipeline import check_guide, compile_guide

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
"""Examples of the check property; the build property runs a twentieth of them (at least 3)."""
BUILD_EXAMPLES = max(3, EXAMPLES // 20)
CHECK_DEADLINE = datetime.timedelta(seconds=5)
"""Most one check may take (it takes 0.2 s on the real guide)."""
BUILD_DEADLINE = datetime.timedelta(seconds=60)
"""Most one compile and build may take (a clean build of the real guide takes about 7 s)."""
HANG_SECONDS = 120
"""A case still running after this long is stopped and reported as a hang."""
FAILURE_DIR = Path(tempfile.gettempdir()) / "guide-fuzz-failures"
"""Where the file of the last failing example is written, to reproduce it by hand."""


# --- the project under test: a copy of the real one, taken once per run -------


class FuzzProject:
    """A temporary copy of rules/, content/ and mkdocs.yml, mutated one example at a time."""

    def __init__(self, source: Path = ROOT):
        self.root = Path(tempfile.mkdtemp(prefix="guide-fuzz-")).resolve()
        atexit.register(shutil.rmtree, self.root, True)
        # The rules are being edited while we run: copy them now, fuzz the copy.
        shutil.copytree(source / "rules", self.root / "rules")
        shutil.copytree(source / "content", self.root / "content")
        shutil.copy2(source / "mkdocs.yml", self.root / "mkdocs.yml")
        self.config = config_from_mkdocs(read_mkdocs_yml(self.root / "mkdocs.yml"), self.root)
        self.rules = sorted(p.relative_to(self.root).as_posix() for p in (self.root / "rules").glob("*.yml"))
        self.sources = sorted(p.relative_to(self.root).as_posix()
                              for p in (self.root / self.config.sources_dir).glob("*.txt"))
        self.base = {rel: (self.root / rel).read_bytes() for rel in (*self.rules, *self.sources, "mkdocs.yml")}
        self.site = self.root / "site"
        self.parsed = {}
        for rel in self.rules:
            try:
                self.parsed[rel] = yaml.safe_load(self.base[rel])
            except yaml.YAMLError:  # someone is halfway through an edit: text mutations only
                self.parsed[rel] = None
        self.tree_ids = sorted({d["id"] for d in self.parsed.values()
                                if isinstance(d, dict) and isinstance(d.get("id"), str)})
        self.source_ids = sorted(Path(rel).stem for rel in self.sources)
        self.quotes = sorted({c["quote"] for d in self.parsed.values() for c in _citations(d)
                              if isinstance(c.get("quote"), str)})

    def files(self) -> dict[Path, bytes]:
        """Every file a diagnostic may name, with its bytes as they are now."""
        return {self.root / rel: (self.root / rel).read_bytes() for rel in self.base}

    @contextlib.contextmanager
    def applied(self, case: "Case"):
        """The project with the case's files written in, restored afterwards."""
        try:
            for rel, data in case.files.items():
                (self.root / rel).write_bytes(data)
            yield self
        finally:
            for rel in case.files:
                (self.root / rel).write_bytes(self.base[rel])

    def reset_site(self) -> None:
        """An existing site/ that a failed build must leave alone."""
        shutil.rmtree(self.site, ignore_errors=True)
        (self.site / "guide").mkdir(parents=True)
        (self.site / "MARKER").write_text("the previous site\n", encoding="utf-8")
        (self.site / "guide.json").write_text('{"previous": true}\n', encoding="utf-8")
        (self.site / "guide" / "index.html").write_text("<p>previous</p>\n", encoding="utf-8")

    def stray(self) -> set[str]:
        """What the build left in the project folder besides site/ (a staging folder would be a bug)."""
        return {p.name for p in self.root.iterdir()} - {"rules", "content", "mkdocs.yml", "site"}


_PROJECT: Optional[FuzzProject] = None


def project() -> FuzzProject:
    global _PROJECT
    if _PROJECT is None:
        _PROJECT = FuzzProject()
    return _PROJECT


# --- cases ------------------------------------------------------------------


@dataclasses.dataclass
class Case:
    """Mutated files (path in the project -> bytes) and the steps that made them."""

    files: dict[str, bytes]
    steps: list[str]

    def __repr__(self) -> str:  # the bytes can be megabytes: print what was done instead
        sizes = {rel: f"{len(d):,} bytes sha256:{hashlib.sha256(d).hexdigest()[:12]}" for rel, d in self.files.items()}
        return f"Case(files={sizes}, steps={self.steps})"


def _short(value, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + f"...({len(text):,} chars)"


# Text-level material: YAML's indicators, quotes, tabs, control characters,
# line breaks that YAML counts and editors do not, bytes that are not UTF-8.
SPECIAL = [
    b"\t", b'"', b"'", b":", b": ", b" :", b"[", b"]", b"{", b"}", b",", b"&", b"&a ", b"*", b"*a", b"!",
    b"!!", b"!foo ", b"!!python/object:os.system ", b"!!binary ", b"%", b"%YAML 1.1\n", b"%TAG ! tag:x,2000:\n",
    b"#", b" #", b"|", b"|-", b">", b">-", b"-", b"- ", b"? ", b"@", b"`", b"\\", b"\\x", b"<<: ", b"~",
    b"---", b"---\n", b"...", b"...\n", b"null", b"yes", b"no", b"on", b"0x1F", b"1e3", b".inf", b"2021-09-01",
    b"\x00", b"\x01", b"\x07", b"\x08", b"\x0b", b"\x0c", b"\x1b", b"\x7f", b"\r", b"\r\n", b"\n",
    "\x85".encode(), "\u2028".encode(), "\u2029".encode(), "\ufeff".encode(), "\ufffe".encode(),
    "\u00a0".encode(), "\u200b".encode(), "é".encode(), "’".encode(), "😀".encode(),
    b"\xff", b"\xfe", b"\xc3", b"\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf",
]
chunks = st.one_of(
    st.lists(st.sampled_from(SPECIAL), min_size=1, max_size=6).map(b"".join),
    st.binary(min_size=1, max_size=24),
    st.text(min_size=1, max_size=24).map(lambda s: s.encode("utf-8")),
)
LONG_UNITS = [b"a", b"x ", b"[", b"{", b"{a: ", b"- ", b"-", b"\\", b"'", b'"', b"\t", b" ", b"\xc3\xa9",
              b"#", b"&a ", b"*a ", b"a: ", b"? "]


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def text_step(draw, data: bytes, steps: list[str]) -> bytes:
    """One text-level mutation of a file's bytes."""
    kind = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "insert", "replace-value",
                                 "long-line", "truncate", "line-endings", "splice", "move-block", "alias"]))
    lines = _lines(data)
    n = len(lines)
    pick = lambda: draw(st.integers(0, max(0, n - 1)))  # noqa: E731
    if kind == "delete":
        at, count = pick(), draw(st.integers(1, 8))
        del lines[at:at + count]
        steps.append(f"delete {count} line(s) at line {at + 1}")
    elif kind == "duplicate":
        at, to = pick(), pick()
        lines.insert(to, lines[at])
        steps.append(f"copy line {at + 1} before line {to + 1}")
    elif kind == "swap":
        a, b = pick(), pick()
        lines[a], lines[b] = lines[b], lines[a]
        steps.append(f"swap lines {a + 1} and {b + 1}")
    elif kind == "indent":
        at, count, delta = pick(), draw(st.integers(1, 6)), draw(st.integers(-8, 8))
        use_tab = draw(st.booleans()) and delta > 0
        for i in range(at, min(n, at + count)):
            line = lines[i]
            if delta > 0:
                lines[i] = (b"\t" if use_tab else b" ") * delta + line
            else:
                strip = min(-delta, len(line) - len(line.lstrip(b" ")))
                lines[i] = line[strip:]
        steps.append(f"indent {count} line(s) at line {at + 1} by {delta}{' tabs' if use_tab else ''}")
    elif kind == "insert":
        chunk = draw(chunks)
        at = draw(st.integers(0, len(data)))
        steps.append(f"insert {_short(chunk)} at byte {at}")
        return data[:at] + chunk + data[at:]
    elif kind == "replace-value":
        at = pick()
        value = draw(st.one_of(st.sampled_from(SPECIAL), chunks))
        line = lines[at]
        colon = line.find(b": ")
        lines[at] = (line[:colon + 2] if colon >= 0 else line) + value
        steps.append(f"replace the value on line {at + 1} with {_short(value)}")
    elif kind == "long-line":
        unit = draw(st.sampled_from(LONG_UNITS))
        times = draw(st.sampled_from([100, 1_000, 5_000, 50_000, 300_000, "past the size limit"]))
        if isinstance(times, str):  # just over MAX_FILE_BYTES (8 MiB)
            times = (8 * 1024 * 1024 + 1 - len(data)) // len(unit) + 1
        at = pick()
        prefix = draw(st.sampled_from([b"", b"title: ", b"    reasoning: ", b"  x: ", b"        quote: "]))
        lines.insert(at, prefix + unit * times)
        steps.append(f"insert a line {_short(prefix)} + {_short(unit)} * {times:,} before line {at + 1}")
    elif kind == "truncate":
        at = draw(st.integers(0, len(data)))
        steps.append(f"truncate at byte {at}")
        return data[:at]
    elif kind == "line-endings":
        ending = draw(st.sampled_from([b"\r\n", b"\r", "\u2028".encode(), "\x85".encode()]))
        if draw(st.booleans()):
            steps.append(f"end every line with {ending!r}")
            return ending.join(lines)
        at = pick()
        lines[at] = lines[at] + ending + (lines.pop(at + 1) if at + 1 < len(lines) else b"")
        steps.append(f"end line {at + 1} with {ending!r}")
    elif kind == "splice":
        other = draw(st.sampled_from(project().rules))
        other_lines = _lines(project().base[other])
        start = draw(st.integers(0, len(other_lines) - 1))
        count = draw(st.integers(1, 20))
        at = pick()
        lines[at:at] = other_lines[start:start + count]
        steps.append(f"insert lines {start + 1}-{start + count} of {other} before line {at + 1}")
    elif kind == "move-block":
        at, count, to = pick(), draw(st.integers(1, 30)), pick()
        block = lines[at:at + count]
        del lines[at:at + count]
        lines[min(to, len(lines)):min(to, len(lines))] = block
        steps.append(f"move {count} line(s) from line {at + 1} to line {to + 1}")
    elif kind == "alias":  # an anchor on one value and an alias (or a merge key) elsewhere
        valued = [i for i, line in enumerate(lines) if b": " in line] or [0]
        a, b = draw(st.sampled_from(valued)), draw(st.sampled_from(valued))
        name = draw(st.sampled_from([b"x", b"id001", b"a-b"]))
        line = lines[a]
        colon = line.find(b": ")
        lines[a] = line[:colon + 2] + b"&" + name + b" " + line[colon + 2:] if colon >= 0 else b"&" + name + b" " + line
        line = lines[b]
        colon = line.find(b": ")
        if draw(st.booleans()) or colon < 0:
            lines[b] = (line[:colon + 2] if colon >= 0 else line + b": ") + b"*" + name
        else:
            indent = line[:len(line) - len(line.lstrip(b" "))]
            lines.insert(b + 1, indent + b"<<: *" + name)
        steps.append(f"anchor &{name.decode()} on line {a + 1}, alias on line {b + 1}")
    return b"\n".join(lines)


# Structure-level material.
KNOWN_KEYS = ["id", "title", "profile", "summary", "start", "nodes", "question", "reasoning", "citations",
              "answers", "label", "next", "verdict", "text", "next_steps", "measure", "tree", "node", "source",
              "quote", "translation", "en", "fr", "pt-BR"]
keys = st.one_of(
    st.sampled_from(KNOWN_KEYS),
    st.sampled_from(["Id", "titel", "anwsers", "nxt", "verdict ", " label", "EN", "e", "", "-", "a b", "<<"]),
    st.text(max_size=12), st.integers(-5, 10**20), st.booleans(), st.none(), st.floats(allow_nan=False),
)
ids = st.one_of(
    st.from_regex(r"\A[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}\Z"),
    st.sampled_from(["", " ", "Bad Id", "-x", "x-", "a--b", "é", "x" * 300, "yes", "no", "null", "1", "0x1F",
                     "a/b", "../etc", "a.b", "CON", "a_b", "sources", "index", "embed", "guide", "assets",
                     "search", "fr", "404"]),
    st.text(max_size=16), st.integers(), st.booleans(), st.none(),
)
# Free text a contributor might write, including what Markdown, HTML, Jinja and JSON care about.
free_text = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from([
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "{{ x }}",
        "{% raw %}", "{#", "</div>", "&amp;", "&#0;", "*", "**", "_", "`", "```", "|", "# ", "> ", "- ",
        "1. ", "\\", "\n", "\n\n", "\t", "\u2028", "\x85", "\u00a0", "\ufeff", "é", "’", "«", "»", "😀",
        "\u202e", "\x00", "\x07", "\x7f", "-->", "<!--", "]]>", '"', "'", "\\u0000", "%", "$", ":", " : ",
        "Twitter", "social media", " ",
    ]), max_size=12).map("".join),
)
values = st.one_of(
    st.none(), st.integers(), st.floats(), st.booleans(), free_text, st.dates(),
    st.lists(st.one_of(st.none(), st.integers(), free_text), max_size=3),
    st.dictionaries(keys.filter(lambda k: k is not None), st.one_of(st.none(), free_text), max_size=3),
)


def _slots(obj) -> list[tuple[object, object]]:
    """Every (container, key) of a loaded document, depth first; a shared container once."""
    out, stack, seen = [], [obj], set()
    while stack:
        cur = stack.pop()
        if id(cur) in seen:
            continue
        seen.add(id(cur))
        if isinstance(cur, dict):
            for k in list(cur):
                out.append((cur, k))
                stack.append(cur[k])
        elif isinstance(cur, list):
            for i in range(len(cur)):
                out.append((cur, i))
                stack.append(cur[i])
    return out


def _nodes(doc) -> dict:
    nodes = doc.get("nodes") if isinstance(doc, dict) else None
    return nodes if isinstance(nodes, dict) else {}


def _answers(doc) -> list[tuple[object, dict]]:
    return [(node_id, a) for node_id, node in _nodes(doc).items() if isinstance(node, dict)
            and isinstance(node.get("answers"), list) for a in node["answers"] if isinstance(a, dict)]


def _citations(doc) -> list[dict]:
    out = []
    for node in _nodes(doc).values():
        if isinstance(node, dict):
            for holder in [node, *(a for a in node.get("answers") or [] if isinstance(a, dict))]:
                if isinstance(holder, dict) and isinstance(holder.get("citations"), list):
                    out += [c for c in holder["citations"] if isinstance(c, dict)]
    return out


def _rekey(mapping: dict, old, new) -> None:
    """Rename a key in place, keeping the order (a clash replaces the other key)."""
    items = [(new if k == old else k, v) for k, v in mapping.items() if k != new or k == old]
    mapping.clear()
    mapping.update(items)


def _edit_quote(draw, quote: str, mild: bool = False) -> str:
    how = draw(st.sampled_from(["typographic", "spaces"] if mild else
                               ["cut", "insert", "other", "typographic", "case", "spaces", "long"]))
    if how == "cut" and quote:
        a = draw(st.integers(0, len(quote) - 1))
        return quote[:a] + quote[a + draw(st.integers(1, 10)):]
    if how == "insert":
        a = draw(st.integers(0, len(quote)))
        return quote[:a] + draw(free_text) + quote[a:]
    if how == "other" and project().quotes:
        return draw(st.sampled_from(project().quotes))
    if how == "typographic":  # what copy-paste does: must still match
        return quote.replace("'", "’").replace(" ", "\u00a0", 3).replace('"', "«", 1)
    if how == "case":
        return quote.upper()
    if how == "spaces":
        return "  " + quote.replace(" ", "\n ", 5) + "\t"
    return quote * draw(st.sampled_from([2, 10, 100]))


STRUCTURE_KINDS = ["delete", "rename-key", "retype", "duplicate-node", "duplicate-item", "point-next", "cycle",
                   "drop-start", "set-start", "swap-nodes", "edit-quote", "cite-source", "make-link",
                   "second-kind", "translate", "tree-id", "empty", "deep", "free-text", "share", "clear-answers"]
MILD_KINDS = ["free-text", "translate", "edit-quote"]
"""Changes that often keep a tree valid: they exercise the build as well as the checks."""


def structure_step(draw, doc, steps: list[str], mild: bool = False):
    """One structure-level mutation of a loaded document; returns the (possibly new) document."""
    kind = draw(st.sampled_from(MILD_KINDS if mild else STRUCTURE_KINDS))
    slots = _slots(doc)
    nodes = _nodes(doc)
    node_ids = list(nodes)
    answers = _answers(doc)
    target_ids = st.one_of(st.sampled_from(node_ids), ids) if node_ids else ids

    def pick(items):
        return items[draw(st.integers(0, len(items) - 1))]

    if kind == "delete" and slots:
        parent, key = pick(slots)
        del parent[key]
        steps.append(f"delete {_short(key)}")
    elif kind == "rename-key" and slots:
        parent, key = pick([s for s in slots if isinstance(s[0], dict)] or slots)
        if isinstance(parent, dict):
            new = draw(keys)
            _rekey(parent, key, new)
            steps.append(f"rename key {_short(key)} to {_short(new)}")
    elif kind == "retype":
        if not slots or draw(st.integers(0, 20)) == 0:
            doc = draw(values)
            steps.append(f"replace the whole document with {_short(doc)}")
        else:
            parent, key = pick(slots)
            old = parent[key]
            how = draw(st.sampled_from(["random", "str", "int", "list", "dict", "none"]))
            new = {"str": lambda: str(old), "int": lambda: len(str(old)), "list": lambda: [old],
                   "dict": lambda: {"value": old}, "none": lambda: None,
                   "random": lambda: draw(values)}[how]()
            parent[key] = new
            steps.append(f"set {_short(key)} to {_short(new)}")
    elif kind == "duplicate-node" and nodes:
        node_id, new_id = pick(node_ids), draw(target_ids)
        try:
            nodes[new_id] = copy.deepcopy(nodes[node_id])
        except TypeError:  # an unhashable id: keep the document as it is
            return doc
        steps.append(f"copy node {node_id!r} as {_short(new_id)}")
    elif kind == "duplicate-item":
        lists = [(p, k) for p, k in slots if isinstance(p[k], list) and p[k]]
        if lists:
            parent, key = pick(lists)
            i = draw(st.integers(0, len(parent[key]) - 1))
            parent[key].insert(draw(st.integers(0, len(parent[key]))), copy.deepcopy(parent[key][i]))
            steps.append(f"duplicate item {i} of {_short(key)}")
    elif kind == "point-next" and answers:
        node_id, answer = pick(answers)
        answer["next"] = draw(target_ids)
        steps.append(f"point an answer of {node_id!r} at {_short(answer['next'])}")
    elif kind == "cycle" and answers:
        node_id, answer = pick(answers)
        answer["next"] = draw(st.sampled_from([node_id, doc.get("start"), *node_ids[:3]]))
        steps.append(f"point an answer of {node_id!r} back at {_short(answer['next'])}")
    elif kind == "drop-start" and isinstance(doc, dict):
        start = doc.get("start")
        if isinstance(start, (str, int, float, bool)) and start in nodes:
            del nodes[start]
            steps.append(f"drop the start node {start!r}")
    elif kind == "set-start" and isinstance(doc, dict):
        doc["start"] = draw(target_ids)
        steps.append(f"set start to {_short(doc['start'])}")
    elif kind == "swap-nodes" and len(node_ids) > 1:
        a, b = pick(node_ids), pick(node_ids)
        nodes[a], nodes[b] = nodes[b], nodes[a]
        steps.append(f"swap nodes {a!r} and {b!r}")
    elif kind == "edit-quote":
        cites = _citations(doc)
        if cites:
            cite = pick(cites)
            if isinstance(cite.get("quote"), str):
                cite["quote"] = _edit_quote(draw, cite["quote"], mild)
                steps.append(f"edit a quote to {_short(cite['quote'])}")
    elif kind == "cite-source":
        cites = _citations(doc)
        if cites:
            cite = pick(cites)
            cite["source"] = draw(st.one_of(st.sampled_from(project().source_ids), ids))
            steps.append(f"cite source {_short(cite['source'])}")
    elif kind == "make-link" and nodes:
        node_id = pick(node_ids)
        link = {"tree": draw(st.one_of(st.sampled_from(project().tree_ids), ids))}
        if draw(st.booleans()):
            link["node"] = draw(st.one_of(target_ids, ids))
        if draw(st.booleans()):
            link["text"] = draw(free_text)
        nodes[node_id] = link
        steps.append(f"make node {node_id!r} a hand-over {_short(link)}")
    elif kind == "second-kind" and nodes:
        node_id = pick(node_ids)
        if isinstance(nodes[node_id], dict):
            extra = draw(st.sampled_from(["question", "verdict", "tree"]))
            nodes[node_id][extra] = draw(st.one_of(free_text, ids))
            steps.append(f"add {extra!r} to node {node_id!r}")
    elif kind in ("translate", "free-text"):
        texts = [(p, k) for p, k in slots if isinstance(p[k], str)
                 and k not in ("id", "next", "start", "source", "tree", "node", "profile", "quote")
                 and not (mild and kind == "translate" and k in ("en", "fr"))]
        if texts:
            parent, key = pick(texts)
            if kind == "free-text":
                text = draw(free_text)
                parent[key] = text if text.strip() or not (mild or draw(st.booleans())) else text + "x"
            elif mild:
                parent[key] = {"en": parent[key], "fr": parent[key]}
            else:
                parent[key] = draw(st.one_of(
                    st.just({"en": parent[key], "fr": parent[key]}),
                    st.just({"fr": parent[key]}),
                    st.dictionaries(st.sampled_from(["en", "fr", "EN", "english", "pt-BR", "", "e"]),
                                    st.one_of(free_text, st.none(), st.integers(), st.lists(free_text)),
                                    min_size=1, max_size=3),
                ))
            steps.append(f"set text {_short(key)} to {_short(parent[key])}")
    elif kind == "tree-id" and isinstance(doc, dict):
        doc["id"] = draw(st.one_of(st.sampled_from(project().tree_ids), ids))
        steps.append(f"set the tree id to {_short(doc['id'])}")
    elif kind == "empty" and slots:
        parent, key = pick(slots)
        parent[key] = draw(st.sampled_from([[], {}, "", None, " "]))
        steps.append(f"empty {_short(key)} ({_short(parent[key])})")
    elif kind == "share" and len(slots) > 1:  # one object in two places: safe_dump writes &id001 / *id001
        (parent, key), (other, other_key) = pick(slots), pick(slots)
        if isinstance(other[other_key], (dict, list)):  # even an ancestor: a recursive document
            parent[key] = other[other_key]
            steps.append(f"share the value of {_short(other_key)} as {_short(key)}")
    elif kind == "clear-answers":
        questions = [n for n in nodes.values() if isinstance(n, dict) and isinstance(n.get("answers"), list)]
        if questions:
            node = pick(questions)
            node["answers"] = draw(st.sampled_from([[], None, node["answers"][:1], node["answers"] * 2]))
            steps.append(f"set answers to {_short(node['answers'])}")
    elif kind == "deep" and slots:
        parent, key = pick(slots)
        depth = draw(st.sampled_from([2, 10, 40, 70, 150]))
        value = parent[key]
        for i in range(depth):
            value = [value] if i % 2 else {"x": value}
        parent[key] = value
        steps.append(f"nest {_short(key)} {depth} levels deep")
    return doc


def _dump(draw, doc, steps: list[str]) -> bytes:
    flow = draw(st.sampled_from([False, None, True]))
    unicode = draw(st.booleans())
    width = draw(st.sampled_from([80, 20, 10**6]))
    steps.append(f"dump (flow={flow}, unicode={unicode}, width={width})")
    return yaml.safe_dump(doc, allow_unicode=unicode, sort_keys=False, default_flow_style=flow,
                          width=width).encode("utf-8")


@st.composite
def cases(draw, mild: bool = False) -> Case:
    """A rules file, damaged: text, structure or both; sometimes a source file too."""
    p = project()
    rel = draw(st.sampled_from(p.rules))
    data = p.base[rel]
    steps: list[str] = [rel]
    mode = "structure" if mild else draw(st.sampled_from(["text", "structure", "both"]))
    if p.parsed[rel] is None:
        mode = "text"
    if mode in ("structure", "both"):
        doc = copy.deepcopy(p.parsed[rel])
        for _ in range(draw(st.integers(1, 4))):
            doc = structure_step(draw, doc, steps, mild)
        data = _dump(draw, doc, steps)
    if mode in ("text", "both"):
        for _ in range(draw(st.integers(1, 4))):
            data = text_step(draw, data, steps)
    files = {rel: data}
    if not mild and draw(st.integers(0, 9)) == 0:  # a source damaged at the same time
        source = draw(st.sampled_from(p.sources))
        source_steps = [source]
        source_data = p.base[source]
        if draw(st.booleans()):  # the id in its front matter, which names its page
            new_id = draw(ids)
            source_data = re.sub(rb"(?m)^id: .*$", f"id: {new_id}".encode("utf-8", "surrogatepass"),
                                 source_data, count=1)
            source_steps.append(f"set the source's id to {_short(new_id)}")
        if draw(st.booleans()):
            source_data = text_step(draw, source_data, source_steps)
        files[source] = source_data
        steps += source_steps
    return Case(files, steps)


# --- the properties -----------------------------------------------------------


class Hang(Exception):
    """A case ran longer than HANG_SECONDS."""


@contextlib.contextmanager
def watchdog(seconds: float):
    """Interrupt a case that runs too long (main thread only; a loop in C code is not interruptible)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def alarm(signum, frame):
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclasses.dataclass
class Stats:
    """What the runs ended in, for bench/fuzz.py."""

    cases: int = 0
    clean: int = 0
    with_errors: int = 0
    by_rule: Counter = dataclasses.field(default_factory=Counter)
    builds: int = 0
    clean_builds: int = 0
    failed_builds: int = 0
    slowest_check: tuple[float, str] = (0.0, "")
    slowest_build: tuple[float, str] = (0.0, "")


STATS = Stats()


def _save_failure(case: Case) -> None:
    shutil.rmtree(FAILURE_DIR, ignore_errors=True)
    FAILURE_DIR.mkdir(parents=True, exist_ok=True)
    for rel, data in case.files.items():
        (FAILURE_DIR / rel.replace("/", "__")).write_bytes(data)
    (FAILURE_DIR / "steps.txt").write_text("\n".join(case.steps) + "\n", encoding="utf-8")


EDITOR_BREAKS = re.compile(rb"\r\n|\r|\n")
"""Line breaks as editors count them: a lone CR is one; NEL, LS and PS (breaks to YAML 1.1) are not."""


def editor_lines(data: bytes) -> list[bytes]:
    """The lines of a file as editors number them: "a\\nb\\n" has a third, empty one."""
    return EDITOR_BREAKS.split(data)


def assert_placed(p: FuzzProject, diagnostics: list[Diagnostic]) -> None:
    """Every diagnostic names a file of the project, and a line and column inside it."""
    files = p.files()
    printed = 0
    for d in diagnostics:
        assert isinstance(d, Diagnostic), d
        assert d.severity in (ERROR, WARNING), d
        assert isinstance(d.rule, str) and d.rule and isinstance(d.message, str) and d.message, d
        path = Path(os.path.abspath(d.mark.path))
        assert path in files, f"{d.mark.path!r} is not a file of the project: {d}"
        data = files[path]
        assert isinstance(d.mark.line, int) and isinstance(d.mark.column, int), d
        assert d.mark.column >= 1, d
        lines = editor_lines(data)
        assert 1 <= d.mark.line <= len(lines) + 1, f"line {d.mark.line} of a {len(lines)}-line file: {d}"
        if d.mark.line <= len(lines):  # and the caret falls on the line, or just after its end
            text = lines[d.mark.line - 1].decode("utf-8", errors="replace")
            assert d.mark.column <= len(text) + 1, f"column {d.mark.column} of a {len(text)}-character line: {d}"
            if printed < 20:  # and `guide check` prints that line
                printed += 1
                shown = format_text([d]).split("\n")[1]
                assert shown == f"{d.mark.line:>5} | {text.expandtabs(1)}", f"printed {shown!r} for {d}"


def check_case(case: Case, stats: Stats = STATS) -> list[Diagnostic]:
    """Property 1: check_guide ends in diagnostics with file:line:column, never an exception."""
    p = project()
    try:
        with p.applied(case):
            started = time.perf_counter()
            with watchdog(HANG_SECONDS):
                _, diagnostics = check_guide(p.config)
                format_text(diagnostics)  # what `guide check` prints must not fail either
                format_github(diagnostics)
            elapsed = time.perf_counter() - started
            assert_placed(p, diagnostics)
    except BaseException:
        _save_failure(case)
        raise
    stats.cases += 1
    errors = [d for d in diagnostics if d.severity == ERROR]
    if errors:
        stats.with_errors += 1
        stats.by_rule.update({d.rule for d in errors})
    else:
        stats.clean += 1
    if elapsed > stats.slowest_check[0]:
        stats.slowest_check = (elapsed, repr(case))
    return diagnostics


def _snapshot(folder: Path) -> dict[str, str]:
    return {q.relative_to(folder).as_posix(): hashlib.sha256(q.read_bytes()).hexdigest()
            for q in sorted(folder.rglob("*")) if q.is_file()}


def assert_site_whole(p: FuzzProject) -> None:
    """A new site, with guide.json and a page of its own for every tree and source it lists."""
    assert not (p.site / "MARKER").exists(), "the new site was not swapped in whole"
    export = json.loads((p.site / "guide.json").read_text(encoding="utf-8"))
    assert (p.site / "index.html").is_file()
    for kind, items, marker in (("tree", export["trees"], 'data-guide-tree="{}"'),
                                ("source", export["sources"], 'data-source-page="{}"')):
        for item in items:
            page = p.site / item["page"] / "index.html"
            assert page.is_file(), f"no page for {kind} {item['id']!r}"
            assert marker.format(item["id"]) in page.read_text(encoding="utf-8"), \
                f"the page of {kind} {item['id']!r} is another page"
    for language in p.config.editions[1:]:
        assert (p.site / language / "guide.json").is_file(), f"no {language} edition"
    for page in p.site.rglob("*.html"):  # free text carries <script>, onerror= and javascript: links
        found = INJECTED.search(page.read_text(encoding="utf-8", errors="replace"))
        assert found is None, f"{page.relative_to(p.site)} carries {found.group(0)!r}"


INJECTED = re.compile(r"<script>alert|<[a-z][^<>]*\sonerror\s*=|href\s*=\s*[\"']?\s*javascript:", re.I)


def build_case(case: Case, stats: Stats = STATS) -> bool:
    """Property 2: compile and build end in a site with guide.json, or fail and leave site/ alone."""
    p = project()
    p.reset_site()
    before = _snapshot(p.site)
    try:
        with p.applied(case):
            started = time.perf_counter()
            with watchdog(HANG_SECONDS), contextlib.redirect_stderr(io.StringIO()):
                try:
                    compile_guide(p.config)
                    compiled = True
                except CompileError as e:
                    assert has_errors(e.diagnostics)
                    assert_placed(p, e.diagnostics)
                    compiled = False
                try:
                    build_site(p.config, p.site)
                    built = True
                except (BuildFailed, CompileError):
                    built = False
            elapsed = time.perf_counter() - started
            if built:
                assert_site_whole(p)
            else:
                assert _snapshot(p.site) == before, "a failed build changed site/"
            assert built == compiled, f"compile {'passed' if compiled else 'failed'}, build did not"
            assert not p.stray(), f"the build left {p.stray()} in the project folder"
    except BaseException:
        _save_failure(case)
        raise
    stats.builds += 1
    if built:
        stats.clean_builds += 1
    else:
        stats.failed_builds += 1
    if elapsed > stats.slowest_build[0]:
        stats.slowest_build = (elapsed, repr(case))
    return built


FUZZ_SETTINGS = dict(
    database=None,  # nothing written into the repository; a failure prints its reproduction
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much,
                           HealthCheck.large_base_example],
    print_blob=True,
)


@settings(max_examples=EXAMPLES, deadline=CHECK_DEADLINE, **FUZZ_SETTINGS)
@given(case=cases())
def test_damaged_rules_end_in_placed_diagnostics(case):
    check_case(case)


@settings(max_examples=BUILD_EXAMPLES, deadline=BUILD_DEADLINE, **FUZZ_SETTINGS)
@given(case=st.one_of(cases(mild=True), cases()))
def test_damaged_rules_build_whole_or_not_at_all(case):
    build_case(case)


def test_the_undamaged_copy_checks_and_builds():
    """The copy itself is a valid project (unless someone is mid-edit): the properties start from sound files."""
    diagnostics = check_case(Case({}, ["no change"]), Stats())
    if has_errors(diagnostics):
        pytest.skip("the rules are being edited and do not check clean right now")
    assert build_case(Case({}, ["no change"]), Stats())
