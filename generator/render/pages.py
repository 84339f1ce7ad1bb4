"""Stage 3: the checked guide into pages (Markdown files holding HTML).

Pages are returned as a mapping of path → text and written by the caller,
so the MkDocs plugin can hand them to MkDocs in memory and `guide pages` can
write them into a folder for an engine that only reads files.
"""
from __future__ import annotations

import hashlib
import json
import re
import urllib.parse
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from ..quotes import find_passage, normalise
from ..model import Answer, Citation, Guide, HandOver, Node, Outcome, Question, Source, Tree
from .brand import brand_css
from .treemap import messages_of, node_text, render_map
from ..messages import catalogue, translator
from .text import markdown_block, markdown_inline, plain
from ..urls import Urls

TEMPLATES = Path(__file__).parent / "templates"
ASSETS = Path(__file__).parent / "assets"
ASSET_DIR = "assets/decision-guide"
"""Folder of the guide's own script and stylesheets in the site; their names
carry a hash of their content (see `hashed`)."""


class _BytecodeCache(jinja2.FileSystemBytecodeCache):
    """Our templates compiled once, not at every build (compiling them was
    60 ms of each, a fifth of the compiler's time), in Jinja's default folder:
    the user's own, in the temporary folder, refused unless only they can
    write it. Keyed by each template's text: an edited template is compiled
    again. A folder that cannot be written only costs the time again."""

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _bytecode_cache() -> jinja2.BytecodeCache | None:
    try:
        return _BytecodeCache(pattern="decision-guide-%s.cache")
    except (OSError, RuntimeError):  # no temporary folder that is the user's alone
        return None


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        bytecode_cache=_bytecode_cache(),
        # Templates end in .j2, which select_autoescape() would leave off:
        # every value is escaped unless a filter made it safe on purpose.
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters.update(block=markdown_block, inline=markdown_inline, plain=plain, in_noscript=in_noscript,
                       cta_href=cta_href)
    return env


def cta_href(url: str, tree: str, outcome: str) -> str:
    """The call to action's address for one outcome: `{tree}` and `{outcome}`
    (the only placeholders load/brand.py lets through) filled with the ids,
    percent-encoded whole, so an id can never add a path, a query or a fragment."""
    ids = {"tree": tree, "outcome": outcome}
    return re.sub(r"\{(tree|outcome)\}", lambda m: urllib.parse.quote(ids[m.group(1)], safe=""), url)


_NOSCRIPT_END = re.compile(r"</(noscript)", re.I)


def in_noscript(html: str) -> Markup:
    """Markup made safe to sit in <noscript>, which a browser with scripting
    on reads as raw text up to the first `</noscript`: even one inside an
    attribute would end it, and the rest would be parsed as the page's own
    markup. nh3 already escapes `<` in attributes and text; this holds
    whatever a future filter lets through, and means the same to a parser."""
    return Markup(_NOSCRIPT_END.sub(r"&lt;/\1", str(html)))


def passage_anchor(quote: str) -> str:
    """A stable anchor for a quoted passage: the same quote, the same link."""
    return "q-" + hashlib.sha1(normalise(quote).encode()).hexdigest()[:8]


_JOURNEY_CACHE: list = []


def journey_remaining(guide: Guide) -> dict[tuple[str, str], int]:
    """Questions still to answer on the longest journey from each node, across
    hand-overs: a reader on the start page is told how many questions the
    whole journey may take, not just the start page's."""
    if _JOURNEY_CACHE and _JOURNEY_CACHE[0] is guide:
        return _JOURNEY_CACHE[1]
    depth: dict[tuple[str, str], int] = {}

    def children(key):
        tree = guide.tree(key[0])
        node = tree.node(key[1]) if tree else None
        if node is None:
            return []
        return [(other.id, target.id) for other, target, _ in guide.successors(tree, node)]

    # Iterative post-order over every node of every tree: children first, no
    # recursion (a path may be thousands of questions long). Cycles are
    # refused by the checks before anything is rendered.
    for tree in guide.trees:
        for root in tree.nodes:
            stack = [((tree.id, root.id), False)]
            while stack:
                key, done = stack.pop()
                if done:
                    tree_ = guide.tree(key[0])
                    node = tree_.node(key[1]) if tree_ else None
                    below = [depth.get(c, 0) for c in children(key)]
                    depth[key] = (1 if isinstance(node, Question) else 0) + max(below, default=0)
                    continue
                if key in depth:
                    continue
                depth[key] = 0  # in progress; replaced when done
                stack.append((key, True))
                stack.extend((c, False) for c in children(key) if c not in depth)
    _JOURNEY_CACHE[:] = [guide, depth]
    return depth


def longest_paths(guide: Guide, tree: Tree) -> dict[str, int]:
    """Questions still to answer on the longest journey from each node of a tree."""
    remaining = journey_remaining(guide)
    return {node.id: remaining.get((tree.id, node.id), 0) for node in tree.nodes}


class _TreePage:
    """Helpers the tree template calls, bound to one tree."""

    def __init__(self, guide: Guide, tree: Tree, urls: Urls, embed: bool = False, lazy: bool = False,
                 cited: dict | None = None):
        self.guide, self.tree, self.urls, self.embed, self.lazy = guide, tree, urls, embed, lazy
        self.cited = {} if cited is None else cited
        # The embed page hands over to the other trees' embed pages, so a
        # reader in an agency's iframe stays inside the iframe's frame.
        self.page_file = urls.embed_file if embed else urls.tree_file
        self.file = self.page_file(tree.id)

    def hand_over_target(self, node: HandOver) -> Tree:
        return self.guide.tree(node.tree.value)

    def hand_over_title(self, node: HandOver) -> str:
        return plain(self.hand_over_target(node).title.value)

    def hand_over_href(self, node: HandOver) -> str:
        fragment = f"n-{node.node.value}" if node.node else ""
        return self.urls.relative(self.file, self.page_file(node.tree.value), fragment)

    def tree_href(self, other: Tree) -> str:
        return self.urls.relative(self.file, self.page_file(other.id))

    def map_href(self) -> str:
        return self.urls.relative(self.file, self.urls.map_file(self.tree.id))

    def journey(self) -> str:
        """The trees a reader may have come through to reach this one, for
        the script: their pages, questions and answer labels, so the answers
        given before a hand-over are counted, listed and can be changed here.
        Only the trees that can hand over to this one, however indirectly."""
        before: dict[str, Tree] = {}
        todo = [self.tree.id]
        while todo:
            target = todo.pop()
            for other in self.guide.trees:
                if other.id in before or other.id == self.tree.id:
                    continue
                if any(isinstance(n, HandOver) and n.tree.value == target for n in other.nodes):
                    before[other.id] = other
                    todo.append(other.id)
        data = {}
        for tree_id, tree in sorted(before.items()):
            nodes = {}
            for node in tree.nodes:
                if isinstance(node, Question):
                    nodes[node.id] = {"q": plain(node.text.value),
                                      "a": {a.id: [plain(a.label.value), a.next.value] for a in node.answers}}
                elif isinstance(node, HandOver):
                    nodes[node.id] = {"tree": node.tree.value, "node": node.node.value if node.node else None}
            data[tree_id] = {"page": self.urls.relative(self.file, self.page_file(tree_id)),
                             "start": tree.start.value, "nodes": nodes}
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) if data else ""

    def answer_href(self, tree: Tree, answer: Answer) -> str:
        target = tree.node(answer.next.value)
        if isinstance(target, HandOver):
            return self.hand_over_href(target)
        return f"#n-{answer.next.value}"

    def quote_href(self, citation: Citation) -> str:
        return self.urls.relative(self.file, self.urls.source_file(citation.source.value),
                                  passage_anchor(citation.quote.value))

    def render(self) -> str:
        template = environment().get_template("tree.md.j2")
        # Outcomes offer the other profiles; the router is where one starts over.
        others = [t for t in self.guide.trees if t.id != self.tree.id and t.profile.value != "router"]
        t = messages_of(self.guide)
        context = dict(guide=self.guide, quote_href=self.quote_href, t=t, source_date=source_dater(t),
                       language_name=lambda code: _language_name(t, code))
        citation = environment().get_template("citations.j2").make_module(context).citation

        def cited(c: Citation) -> Markup:
            # The same passage is quoted at many steps of many trees, and every
            # tree's page links to it by the same address: rendered once.
            key = (c.source.value, c.quote.value, c.translation.value if c.translation else None, self.quote_href(c))
            if key not in self.cited:
                self.cited[key] = citation(c)
            return self.cited[key]

        text = template.render(**context, tree=self.tree, depth=longest_paths(self.guide, self.tree),
                               answer_href=self.answer_href, hand_over_href=self.hand_over_href,
                               hand_over_title=self.hand_over_title, cited=cited,
                               tree_href=self.tree_href, others=others, embed=self.embed, lazy=self.lazy,
                               js_messages=js_messages(self.guide.edition, self.guide.messages_root),
                               journey=self.journey(), reviewed=reviewed(self.guide),
                               # An agency's iframe shows the guide alone: no page to leave it for.
                               map=None if self.embed else self.map_href())
        return _no_blank_lines_in_html(text)


def long_date(language: str, date, root=None) -> str:
    """A date as a reader of the language writes it ("1 December 2026",
    "1er décembre 2026"), from the message catalogue: no locale or library
    needed, and an agency's new catalogue brings its own month names."""
    t = translator(language, root)
    day = t("date_first_day") if date.day == 1 else str(date.day)
    return t("date_long", day=day, month=t("date_months").split()[date.month - 1], year=date.year)


def reviewed(guide: Guide) -> dict | None:
    """The guide's "last reviewed" date for a template, or None when unknown."""
    if guide.reviewed is None:
        return None
    return {"iso": guide.reviewed.isoformat(), "text": long_date(guide.edition, guide.reviewed, guide.messages_root)}


def js_messages(language: str, root=None) -> str:
    """The script's strings, as JSON for a data- attribute (Material's instant
    navigation re-creates inline scripts from their text, so no inline JSON)."""
    messages = catalogue(language, root)
    return json.dumps({k[3:]: v for k, v in messages.items() if k.startswith("js_")}, ensure_ascii=False,
                      sort_keys=True)


def _no_blank_lines_in_html(text: str) -> str:
    # A blank line would end Python-Markdown's raw HTML block and let it
    # rewrite the rest of our markup as Markdown.
    head, sep, body = text.partition("\n---\n")
    return head + sep + re.sub(r"\n[ \t]*(?=\n)", "", body.lstrip("\n"))


@dataclass
class _Passage:
    anchor: str
    start: int
    end: int
    cited_by: list = field(default_factory=list)


def _passages(guide: Guide, source: Source, urls: Urls, from_file: str = "") -> list[_Passage]:
    """Every distinct passage of a source that the guide quotes, in text order."""
    found: dict[str, _Passage] = {}
    file = from_file or urls.source_file(source.id)
    for tree in guide.trees:
        for cited_node, _, citation in tree.citations():
            if citation.source.value != source.id:
                continue
            anchor = passage_anchor(citation.quote.value)
            if anchor not in found:
                span = find_passage(citation.quote.value, source.text)
                if span is None:
                    continue
                found[anchor] = _Passage(anchor, *span)
            ref = {"href": urls.relative(file, urls.tree_file(tree.id), f"n-{cited_node.id}"),
                   "label": reader_label(guide, tree, cited_node)}
            if ref not in found[anchor].cited_by:
                found[anchor].cited_by.append(ref)
    return sorted(found.values(), key=lambda p: (p.start, p.end))


def reader_label(guide: Guide, tree: Tree, node: Node) -> str:
    """A step as readers know it, never by its id (an id is for contributors):
    its question, its short verdict, or the guide it hands over to."""
    t = messages_of(guide)
    if isinstance(node, Outcome):
        verdict = node.short_verdict or node.verdict
        return t("cited_verdict", tree=plain(tree.title.value), text=plain(verdict.value))
    text = plain(node.text.value) if isinstance(node, Question) else node_text(guide, node)[0]
    return t("cited_question", tree=plain(tree.title.value), text=text)


def _paragraphs(text: str, passages: list[_Passage]) -> list[list[dict]]:
    """The text cut into paragraphs, and each paragraph into plain and cited pieces.

    Quotes may overlap or nest, so a piece records which passages start on it
    (their anchors) and which end on it (their "cited by" links).
    """
    out = []
    for match in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        start, end = match.span()
        cuts = {start, end}
        for p in passages:
            if p.start < end and p.end > start:
                cuts.update({max(p.start, start), min(p.end, end)})
        ordered = sorted(cuts)
        pieces = []
        for a, b in zip(ordered, ordered[1:]):
            pieces.append({
                "text": text[a:b],
                "cited": any(p.start <= a and b <= p.end for p in passages),
                "anchors": [p.anchor for p in passages if p.start == a],
                "ends": [p for p in passages if p.end == b],
            })
        out.append(pieces)
    return out


def _coverage(source: Source, passages: list[_Passage]) -> int:
    """Per cent of the source's text that quoted passages cover."""
    covered = sum(p.end - p.start for p in _merge(passages))
    return round(100 * covered / max(1, len(source.text.strip())))


def render_coverage_page(guide: Guide, urls: Urls) -> str:
    file = urls.coverage_file()
    t = messages_of(guide)
    rows = []
    for source in guide.sources:
        passages = _passages(guide, source, urls, file)
        rows.append({
            "source": source, "href": urls.relative(file, urls.source_file(source.id)),
            "language": _language_name(t, source.language),
            "passages": len(passages), "citations": sum(len(p.cited_by) for p in passages),
            "coverage": _coverage(source, passages),
            "list": [{"anchor": p.anchor, "text": _shorten(source.text[p.start:p.end]), "cited_by": p.cited_by}
                     for p in passages],
        })
    return _no_blank_lines_in_html(environment().get_template("coverage.md.j2").render(
        rows=rows, t=t, source_date=source_dater(t)))


def _shorten(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def source_dater(t):
    """`source_date(source)`: its year as readers see it beside a title: '2021', or 'about 2010' when estimated."""
    def source_date(source: Source) -> str:
        return t("about_year", year=source.year) if source.published_estimated else source.year
    return source_date


def _language_name(t, code: str) -> str:
    try:
        return t(f"lang_{code}")
    except KeyError:
        return code


def render_source_page(guide: Guide, source: Source, urls: Urls) -> str:
    t = messages_of(guide)
    passages = _passages(guide, source, urls)
    coverage = _coverage(source, passages)
    template = environment().get_template("source.md.j2")
    text = template.render(source=source, passages=passages, coverage=coverage,
                           paragraphs=_paragraphs(source.text, passages),
                           t=t, language_name=lambda code: _language_name(t, code), source_date=source_dater(t))
    return _no_blank_lines_in_html(text)


def _merge(passages: list[_Passage]) -> list[_Passage]:
    merged: list[_Passage] = []
    for p in passages:
        if merged and p.start <= merged[-1].end:
            merged[-1] = _Passage(merged[-1].anchor, merged[-1].start, max(merged[-1].end, p.end))
        else:
            merged.append(_Passage(p.anchor, p.start, p.end))
    return merged


def _map_list(guide: Guide, tree: Tree, node_href, hand_over_href) -> Markup:
    """The tree as nested lists, for screen readers and narrow screens: each
    question, then under each answer the step it leads to. A step reached
    again is a link back to where it was listed, so the list grows with the
    tree, not with the number of paths through it. Built with a stack, not
    recursion: a tree may be thousands of steps deep."""
    t = messages_of(guide)
    seen: set[str] = set()
    out = ['<ul class="dg-map-tree">']
    stack: list[tuple[str, str]] = [("node", tree.start.value)]
    while stack:
        kind, value = stack.pop()
        if kind == "raw":
            out.append(value)
            continue
        node = tree.node(value)
        if node is None:
            continue
        name = node_text(guide, node)[1]
        if value in seen:
            out.append(f'<a class="dg-map-again" href="#m-{escape(value)}">{escape(t("map_see_above", name=name))}</a>')
            continue
        seen.add(value)
        href = hand_over_href(node) if isinstance(node, HandOver) else node_href(value)
        nested = kind == "child"
        out.append(("<ul>" if nested else "") + f'<li id="m-{escape(value)}" data-map-node="{escape(value)}">'
                   f'<a href="{escape(href)}">{escape(name)}</a>')
        todo: list[tuple[str, str]] = []
        if isinstance(node, Question) and node.answers:
            todo.append(("raw", '<ul class="dg-map-answers">'))
            for answer in node.answers:
                todo += [("raw", f'<li data-from="{escape(value)}" data-answer="{escape(answer.id)}" '
                                 f'data-to="{escape(answer.next.value)}"><span class="dg-map-if">'
                                 f'{escape(t("map_if", answer=plain(answer.label.value)))}</span> '),
                         ("child", answer.next.value), ("raw", "</li>")]
            todo.append(("raw", "</ul>"))
        todo.append(("raw", "</li>" + ("</ul>" if nested else "")))
        stack.extend(reversed(todo))
    out.append("</ul>")
    return Markup("".join(out))


def render_map_page(guide: Guide, tree: Tree, urls: Urls) -> str:
    """"How the guide decides": the whole tree on a page of its own, drawn and as a list."""
    file = urls.map_file(tree.id)
    t = messages_of(guide)

    def node_href(node_id: str) -> str:
        return urls.relative(file, urls.tree_file(tree.id), f"n-{node_id}")

    def hand_over_href(node: HandOver) -> str:
        return urls.relative(file, urls.tree_file(node.tree.value), f"n-{node.node.value}" if node.node else "")

    text = environment().get_template("map.md.j2").render(
        tree=tree, t=t, tree_href=urls.relative(file, urls.tree_file(tree.id)),
        drawing=render_map(tree, guide, hand_over_href, node_href),
        items=_map_list(guide, tree, node_href, hand_over_href),
        script=urls.asset(file, asset_path("map.js")))
    return _no_blank_lines_in_html(text)


def search_text(guide: Guide, tree: Tree) -> str:
    """What the theme's search indexes for a tree's page: one entry, as HTML.

    The page holds every step, hidden until reached. Indexed whole, each
    step's heading became an entry whose link (`#h-goal`) opened the page at
    its start, since guide.js follows only its own addresses, and the theme
    parsed every hidden step's markup to build them (a fifth of this
    repository's build). So one entry per page, landing where the guide
    begins: its summary first (the result's preview), then the words of every
    step, without the interface's words repeated at each step or the quotes,
    which are the sources' words: the source pages are indexed whole."""
    parts = [[tree.summary]] if tree.summary else []
    for node in tree.nodes:
        if isinstance(node, Question):
            texts = [node.text, *(a.label for a in node.answers), node.caveat, node.reasoning,
                     *(a.reasoning for a in node.answers)]
        elif isinstance(node, Outcome):
            texts = [node.short_verdict, node.verdict, node.caveat, *node.next_steps, node.text,
                     node.existing_accounts, *node.measure, node.reasoning]
        else:
            texts = [node.caveat, node.text]
        parts.append(texts)
    return "\n".join(f"<p>{escape(' '.join(plain(t.value) for t in texts if t))}</p>" for texts in parts)


def render_tree_page(guide: Guide, tree: Tree, urls: Urls, embed: bool = False, steps_in_page: int = 200,
                     cited: dict | None = None) -> str:
    """A tree's page; `cited` keeps rendered citations for the next page of the same guide."""
    return _TreePage(guide, tree, urls, embed, lazy=len(tree.nodes) > steps_in_page, cited=cited).render()


def render_pages(guide: Guide, urls: Urls, steps_in_page: int = 200) -> dict[str, str]:
    """Every generated page, by its path inside the docs folder."""
    pages = {}
    cited: dict = {}
    for tree in guide.trees:
        pages[urls.tree_file(tree.id)] = render_tree_page(guide, tree, urls, False, steps_in_page, cited)
        pages[urls.embed_file(tree.id)] = render_tree_page(guide, tree, urls, True, steps_in_page, cited)
        pages[urls.map_file(tree.id)] = render_map_page(guide, tree, urls)
    for source in guide.sources:
        pages[urls.source_file(source.id)] = render_source_page(guide, source, urls)
    if guide.sources:
        pages[urls.coverage_file()] = render_coverage_page(guide, urls)
    return pages


def hashed(name: str, data: bytes) -> str:
    """`guide.js` → `assets/decision-guide/guide.3f2a9c1b.js`, as the theme
    names its own bundle. Hosts cache assets for minutes (GitHub Pages: 10),
    so a deploy under the same name could serve new pages with the old
    script; a new content gets a new name, and the same content always the
    same one, so builds stay reproducible."""
    stem, _, extension = name.rpartition(".")
    return f"{ASSET_DIR}/{stem}.{hashlib.sha256(data).hexdigest()[:8]}.{extension}"


def shipped_assets() -> dict[str, bytes]:
    """The guide's own scripts and stylesheet as shipped, by their plain name
    (`guide.js`): guide.js on every page, map.js only where a map page loads it."""
    # Asked for by every map page and by each edition's settings: read and
    # stripped once while the files stay as they are (`mkdocs serve` sees an edit).
    stamps = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(ASSETS.iterdir()) if p.is_file())
    return dict(_shipped_assets(stamps))


@lru_cache(maxsize=4)
def _shipped_assets(stamps: tuple) -> tuple[tuple[str, bytes], ...]:
    return tuple((name, shipped(name, (ASSETS / name).read_text(encoding="utf-8")).encode("utf-8"))
                 for name, _, _ in stamps)


def assets() -> dict[str, bytes]:
    """The guide's own scripts and stylesheet, by their (hashed) path in the site."""
    return {hashed(name, data): data for name, data in shipped_assets().items()}


def asset_path(name: str) -> str:
    """The path in the site of one of our assets (`guide.js`), hash included."""
    return hashed(name, shipped_assets()[name])


def brand_stylesheet(brand) -> tuple[str, bytes] | None:
    """The brand's stylesheet, by its hashed path in the site, or None when
    the brand changes no colour."""
    css = brand_css(brand)
    return (hashed("brand.css", css.encode("utf-8")), css.encode("utf-8")) if css else None


def page_assets(brand) -> tuple[list[str], list[str]]:
    """What every page loads, by hashed path: the stylesheets (ours, then the
    brand's, whose colours must win) and the script. Both doors (the plugin's
    extra_css/extra_javascript, the Zensical config) take them from here."""
    css = [asset_path("guide.css")]
    own = brand_stylesheet(brand)
    if own:
        css.append(own[0])
    return css, [asset_path("guide.js")]


_JS_TRAILING_COMMENT = re.compile(r"\s+// [^\"'`/]*$")
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def shipped(name: str, text: str) -> str:
    """The source without its comments and indentation: they explain the code
    to contributors, and were a third of what readers downloaded. Whole-line
    comments only (and a trailing `// words` without quotes), so no string or
    regular expression can be cut."""
    if name.endswith(".css"):
        text = _CSS_COMMENT.sub("", text)
    lines = (line.strip() for line in text.splitlines())
    if name.endswith(".js"):
        lines = (_JS_TRAILING_COMMENT.sub("", line) for line in lines if not line.startswith("//"))
    return "\n".join(line for line in lines if line) + "\n"
