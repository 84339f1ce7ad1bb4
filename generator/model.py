"""The compiled guide as plain, frozen dataclasses.

Every value a contributor wrote keeps the place it was written (`Mark`), so a
check far from the loader can still point at the file, line and column.
"""
from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field
from typing import Iterator, NamedTuple, Optional, Union

@dataclass(frozen=True, order=True)
class Mark:
    """A place in a file, 1-based, as editors and GitHub count."""

    path: str
    """File path as given to the loader (relative to the project when possible)."""
    line: int
    """1-based line."""
    column: int
    """1-based column."""
    end_column: Optional[int] = field(default=None, compare=False)
    """1-based column just after the value on the same line, when known."""


NAMES = {"names": True}
"""Field metadata of a `Text` that names a node or a tree rather than says
something: `texts()` leaves it out, as it does ids and marks."""


def _texts(value) -> Iterator[Text]:
    if isinstance(value, Text):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _texts(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, Citation):
        # Quotes are verbatim: a citation's own words are the source's.
        for f in dataclasses.fields(value):
            if not f.metadata.get("names"):
                yield from _texts(getattr(value, f.name))


@dataclass(frozen=True)
class Text:
    """A string the author wrote, with where it was written."""

    value: str
    """The text in the language being built (the guide's first language when loaded)."""
    mark: Mark
    """Where the value starts."""
    translations: tuple[tuple[str, str], ...] = ()
    """The text in other languages, as (language, text) pairs sorted by language."""

    def translated(self, language: str) -> Optional[str]:
        """The text in this language, or None when it has not been translated."""
        return next((text for lang, text in self.translations if lang == language), None)


@dataclass(frozen=True)
class Source:
    """An article the guide rests on, from `content/sources/<id>.txt`."""

    id: str
    """Stable id used by citations."""
    title: str
    """Title as published."""
    author: Optional[str]
    """Author as the text names it, or None when unknown."""
    language: str
    """Language of the text (`en`, `fr`)."""
    url: Optional[str]
    """Where it was published, or None when unknown."""
    published: Optional[str]
    """Publication date as ISO text (`2021-09`), or None when unknown."""
    note: Optional[Text]
    """For maintainers: what was changed from the published text (removed site
    furniture, typos kept); translatable like published_note. Never shown to readers."""
    text: str
    """The article's full text, after the front matter."""
    file: str
    """Path of the source file, relative to the project."""
    mark: Mark
    """Where the `id` is written."""
    body_line: int
    """1-based line of the file where `text` begins."""
    published_estimated: bool = False
    """True when `published` is inferred from the text (the note says from what), not stated by the page."""
    published_mark: Optional[Mark] = None
    """Where `published` is written."""
    published_note: Optional[Text] = None
    """For readers, beside an estimated date: what in the text dates it (translatable)."""

    @property
    def year(self) -> Optional[str]:
        """The year it was published, as shown beside its title, or None when unknown."""
        return self.published[:4] if self.published else None


@dataclass(frozen=True)
class Citation:
    """A verbatim passage of a source that supports a node or an answer."""

    source: Text
    """Id of the cited source."""
    quote: Text
    """The passage, verbatim."""
    translation: Optional[Text]
    """Translation into the guide's language, when the source is in another."""
    mark: Mark
    """Where the citation starts."""


@dataclass(frozen=True)
class Answer:
    """One choice of a question."""

    id: str
    """Unique in its question; the URL carries it."""
    label: Text
    """What the reader clicks."""
    next: Text = field(metadata=NAMES)
    """Id of the node it leads to, in the same tree."""
    reasoning: Optional[Text]
    """Why this answer matters."""
    citations: tuple[Citation, ...]
    """Passages behind the reasoning."""
    mark: Mark
    """Where the answer starts."""
    id_mark: Mark
    """Where the id is written, or the label when the id is derived."""
    misspelled: frozenset[str] = frozenset()
    """Keys this answer seems to have under a misspelled name (`citaions:` gives
    {"citations"}): already reported as unknown-key, so a check finding such a
    key missing stays silent rather than report the typo's consequence."""


@dataclass(frozen=True)
class Question:
    """A node that asks something and branches on the answer."""

    id: str
    """Unique in its tree."""
    text: Text
    """The question."""
    reasoning: Optional[Text]
    """Why we ask."""
    citations: tuple[Citation, ...]
    """Passages behind the question."""
    answers: tuple[Answer, ...]
    """The choices, in the order shown."""
    mark: Mark
    """Where the node's id is written."""
    caveat: Optional[Text] = None
    """What the reader must know about the age or limits of the evidence; shown on the node, never hidden."""
    misspelled: frozenset[str] = frozenset()
    """Keys written under a misspelled name, as for `Answer.misspelled`."""

    kind = "question"

    def children(self) -> tuple[Text, ...]:
        """The nodes of its tree it leads to: each answer's `next`, in order, as written."""
        return tuple(answer.next for answer in self.answers)

    def texts(self) -> Iterator[Text]:
        """Every text a reader sees of it and its answers; quotes and names of nodes aside."""
        return _texts(self)


@dataclass(frozen=True)
class Outcome:
    """A node that ends a path with a verdict."""

    id: str
    """Unique in its tree."""
    verdict: Text
    """The verdict in one line."""
    text: Optional[Text]
    """What to do, in a few sentences."""
    reasoning: Optional[Text]
    """Why this verdict."""
    citations: tuple[Citation, ...]
    """Passages behind the verdict."""
    next_steps: tuple[Text, ...]
    """Concrete actions."""
    measure: tuple[Text, ...]
    """What to measure to know it works."""
    mark: Mark
    """Where the node's id is written."""
    caveat: Optional[Text] = None
    """What the reader must know about the age or limits of the evidence; shown on the node, never hidden."""
    short_verdict: Optional[Text] = None
    """The answer in one to four words ("Yes, with limits"), taken in at a glance."""
    existing_accounts: Optional[Text] = None
    """For a reader who already has accounts: what to keep, what to close."""
    misspelled: frozenset[str] = frozenset()
    """Keys written under a misspelled name, as for `Answer.misspelled`."""

    kind = "outcome"

    def children(self) -> tuple[Text, ...]:
        """None: a path ends here."""
        return ()

    def texts(self) -> Iterator[Text]:
        """Every text a reader sees of it; quotes aside."""
        return _texts(self)


@dataclass(frozen=True)
class HandOver:
    """A node that hands the reader over to another tree."""

    id: str
    """Unique in its tree."""
    tree: Text = field(metadata=NAMES)
    """Id of the tree to continue in."""
    node: Optional[Text] = field(metadata=NAMES)
    """Node of that tree to continue at; its start when None."""
    text: Optional[Text]
    """A line shown before handing over."""
    mark: Mark
    """Where the node's id is written."""
    caveat: Optional[Text] = None
    """What the reader must know about the age or limits of the evidence; shown on the node, never hidden."""
    misspelled: frozenset[str] = frozenset()
    """Keys written under a misspelled name, as for `Answer.misspelled`."""

    kind = "link"
    """The name guide.json and the pages' `data-kind` give it (the contract keeps it)."""

    def children(self) -> tuple[Text, ...]:
        """None in its own tree: it hands over to another (`Guide.successors` follows it)."""
        return ()

    def texts(self) -> Iterator[Text]:
        """The line shown before handing over, and its caveat."""
        return _texts(self)


Node = Union[Question, Outcome, HandOver]


class Cited(NamedTuple):
    """A citation of a tree and what it supports."""

    node: Node
    """The node it supports, or whose answer it supports."""
    answer: Optional[Answer]
    """The answer it supports; None when it supports the node itself."""
    citation: Citation

    @property
    def where(self) -> str:
        """What it supports, for a message: `node 'goal'`, `answer 'Yes' of 'goal'`."""
        if self.answer is None:
            return f"node {self.node.id!r}"
        return f"answer {self.answer.label.value!r} of {self.node.id!r}"


@dataclass(frozen=True)
class Brand:
    """What an agency sets in `extra.brand`, and the site's name and description.

    Texts are `Text`s: one string for every edition, or a language map whose
    edition text `text_in` picks."""

    primary: Optional[str] = None
    """Main colour, `#RRGGBB`."""
    accent: Optional[str] = None
    """Accent colour, `#RRGGBB`."""
    logo: Optional[str] = None
    """Logo image, relative to the docs folder."""
    favicon: Optional[str] = None
    """Favicon, relative to the docs folder."""
    image: Optional[str] = None
    """The picture of a shared link's preview (`og:image`), relative to the
    docs folder; the logo when unset (render/social.py)."""
    cta_text: Optional[Text] = None
    """Text of the call to action shown on every outcome."""
    cta_url: Optional[str] = None
    """Where the call to action leads (http, https, mailto or a path)."""
    footer: Optional[Text] = None
    """Footer text (MkDocs' `copyright`)."""
    site_name: Optional[Text] = None
    """mkdocs.yml's `site_name`, when it is valid."""
    site_description: Optional[Text] = None
    """mkdocs.yml's `site_description`, when set and valid."""
    analytics_origin: Optional[str] = None
    """The one origin besides the site's own that pages may load a script from
    and send events to (render/csp.py), `https://host[:port]` without a slash."""


@dataclass(frozen=True)
class Tree:
    """One decision tree, from one rules file."""

    id: str
    """Unique in the guide; names the page."""
    title: Text
    """Page title."""
    profile: Text = field(metadata=NAMES)
    """Business profile it serves (`product-shop`, `b2b`, `router`...)."""
    summary: Optional[Text]
    """One sentence shown where the tree is listed."""
    start: Text = field(metadata=NAMES)
    """Id of the first node."""
    nodes: tuple[Node, ...]
    """All nodes, in the order written."""
    file: str
    """Path of the rules file."""
    mark: Mark
    """Where the tree's id is written."""
    complete: bool = True
    """False when its file had errors: parts may be missing, so shape checks skip it."""

    def node(self, node_id: str) -> Optional[Node]:
        """The node with this id, or None."""
        return self.index.get(node_id)

    @property
    def index(self) -> dict[str, Node]:
        """Nodes by id (first one wins when ids repeat)."""
        cached = self.__dict__.get("_index")
        if cached is None:
            cached = {}
            for n in self.nodes:
                cached.setdefault(n.id, n)
            object.__setattr__(self, "_index", cached)
        return cached

    def texts(self) -> Iterator[Text]:
        """The tree's own texts a reader sees (title, summary); its nodes have theirs."""
        for f in dataclasses.fields(self):
            if f.name != "nodes" and not f.metadata.get("names"):
                yield from _texts(getattr(self, f.name))

    def citations(self) -> tuple[Cited, ...]:
        """Every citation of the tree, in the order written: a node's own, then its answers'."""
        cached = self.__dict__.get("_citations")
        if cached is None:
            found = []
            for node in self.nodes:
                found += [Cited(node, None, c) for c in getattr(node, "citations", ())]
                for answer in getattr(node, "answers", ()):
                    found += [Cited(node, answer, c) for c in answer.citations]
            cached = tuple(found)
            object.__setattr__(self, "_citations", cached)
        return cached


@dataclass(frozen=True)
class Guide:
    """Everything the renderer needs: trees, sources and settings."""

    title: str
    """The guide's name."""
    edition: str
    """The language of the edition being built (after `localise()`, the one its
    texts are in); quotes in other languages need a translation."""
    trees: tuple[Tree, ...]
    """Trees sorted by id."""
    sources: tuple[Source, ...]
    """Sources sorted by id."""
    brand: Brand = field(default_factory=Brand)
    """The agency's name, colours and call to action (`extra.brand`)."""
    editions: tuple[str, ...] = ()
    """Every edition the guide is built in (language codes), the root one first."""
    rules_language: str = "en"
    """The language the rules' plain strings are written in (the plugin's `text_language`)."""
    today: Optional[datetime.date] = None
    """The build's own date (SOURCE_DATE_EPOCH when set), against which evidence ages."""
    stale_after_years: int = 8
    """Evidence older than this many years needs a caveat where an outcome rests on it alone."""
    reviewed: Optional[datetime.date] = None
    """When the rules or sources last changed (their last commit), shown to readers; None when unknown."""
    messages_root: Optional[str] = None
    """The project folder: its `messages/<language>.yml` adds or changes interface words (None: shipped only)."""
    unloaded: tuple[str, ...] = ()
    """Tree ids (file names) of rules files too broken to load: their own errors
    are the cause, so a hand-over to one is not also reported as dangling."""

    def tree(self, tree_id: str) -> Optional[Tree]:
        """The tree with this id, or None."""
        return next((t for t in self.trees if t.id == tree_id), None)

    def source(self, source_id: str) -> Optional[Source]:
        """The source with this id, or None."""
        return next((s for s in self.sources if s.id == source_id), None)

    def successors(self, tree: Tree, node: Node) -> list[tuple[Tree, Node, Text]]:
        """The nodes one step on, across a hand-over too, each with the value
        that names it; a name that leads nowhere gives none."""
        if isinstance(node, HandOver):
            other = self.tree(node.tree.value)
            target = other.node((node.node or other.start).value) if other is not None else None
            return [(other, target, node.tree)] if target is not None else []
        return [(tree, target, name) for name in node.children() if (target := tree.node(name.value)) is not None]
