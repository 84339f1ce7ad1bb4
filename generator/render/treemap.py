"""A map of a whole tree: inline SVG, laid out here at build time, shown on
the tree's page "How the guide decides" (`guide/<tree>/map/`).

Inline SVG needs no script, no CDN and no layout library: the map shows
without JavaScript, works offline, prints, and every box is a plain link to
its node. Links use `xlink:href`, not `href`: MkDocs Material's instant
navigation assigns `el.href` on every `[href]`, which throws on SVG links.
The layout is a small layered (Sugiyama) pass: longest-path layers from the
start, answer labels as a row of their own under each layer, virtual points
for edges that skip layers, barycentre sweeps against crossings, then
positions pulled towards neighbours without overlapping. Colours are only
`currentColor` and CSS classes (`dg-map-*`), so both palettes work.
"""
from __future__ import annotations

from typing import Callable

from markupsafe import Markup, escape

from ..model import Guide, HandOver, Node, Question, Tree
from ..messages import translator
from .text import plain


_MESSAGES: list = []


def messages_of(guide: Guide):
    """The guide's messages in its language, a fork's own words included:
    `t(key, **values)`. Kept for the last guide rendered: each lookup of
    the catalogue checks the fork's files on disk (so `mkdocs serve` sees an
    edit), and a page asks for it at every step and citation."""
    if not (_MESSAGES and _MESSAGES[0] is guide):
        _MESSAGES[:] = [guide, translator(guide.edition, guide.messages_root)]
    return _MESSAGES[1]


FONT, LINE, PAD, BOX_W = 13, 16, 8, 190  # boxes: text size, line height, padding, width
LABEL_FONT, LABEL_LINE, LABEL_W = 11, 13, 124  # answer labels, the same
NODE_GAP, LABEL_GAP, MARGIN = 20, 14, 4  # vertical space under a row of nodes, of labels
_NARROW, _WIDE = set("iljtfrI.,:;'!|()[] "), set("mwMW@")


def _unit(c: str) -> float:
    return .3 if c in _NARROW else .85 if c in _WIDE else .66 if c.isupper() else .55


def _width(text: str, size: float) -> float:
    """Estimated width of text in a sans-serif font (no font metrics at build time)."""
    return size * sum(map(_unit, text))


# _pieces and _wrap measure a piece or a line as it grows one character or
# one word at a time: measuring it whole again at each step made wrapping
# quadratic in a text's length (half of the map's time). The running sums add
# the same widths in the same order as _width does, so every line breaks
# where it did.

def _pieces(word: str, width: float, size: float) -> list[str]:
    """A word wider than a line (an address), split where it must: cutting it
    short would hide what a reader needs to choose."""
    pieces, units = [""], 0
    for c in word:
        unit = _unit(c)
        if pieces[-1] and size * (units + unit) > width:
            pieces.append("")
            units = 0
        pieces[-1] += c
        units += unit
    return pieces


def _wrap(text: str, width: float, size: float) -> list[str]:
    """Greedy word wrap onto as many lines as the text needs: the box grows,
    the text is never cut short."""
    lines: list[str] = []
    line_units = 0
    space = _unit(" ")
    for word in text.split():
        for piece in _pieces(word, width, size):
            if lines:
                units = line_units + space
                for c in piece:
                    units += _unit(c)
                if size * units <= width:
                    lines[-1] += " " + piece
                    line_units = units
                    continue
            lines.append(piece)
            line_units = sum(map(_unit, piece))
    return lines or [""]


class _V:
    """A point of the layout: a node, an answer label, or a bend of a long edge (centre x, top y)."""

    def __init__(self, rank: int, kind: str = "bend", w: float = 0, h: float = 0, gap: float = 8, lines=()):
        self.rank, self.kind, self.w, self.h, self.gap, self.lines = rank, kind, w, h, gap, lines
        self.x = self.y = 0.0
        self.up: list[_V] = []
        self.down: list[_V] = []


def _layers(tree: Tree, nodes: dict[str, Node]) -> tuple[dict[str, int], list[str], list[tuple]]:
    """Longest distance from a root for each node; DFS order; forward edges (q, answer index, child)."""
    def children(node_id):
        # One child per answer, in order: the index is the answer's.
        return [(i, child.value) for i, child in enumerate(nodes[node_id].children()) if child.value in nodes]
    order, post, edges, state = [], [], [], {}
    roots = [tree.start.value] if tree.start.value in nodes else []
    for root in roots + list(nodes):
        if root in state:
            continue
        state[root] = 1
        order.append(root)
        stack = [(root, iter(children(root)))]
        while stack:
            node_id, todo = stack[-1]
            step = next(todo, None)
            if step is None:
                state[node_id] = 2
                post.append(node_id)
                stack.pop()
            elif state.get(step[1]) != 1:  # an edge back up a cycle is left out
                edges.append((node_id, step[0], step[1]))
                if step[1] not in state:
                    state[step[1]] = 1
                    order.append(step[1])
                    stack.append((step[1], iter(children(step[1]))))
    topological = {node_id: -i for i, node_id in enumerate(post)}
    layer = dict.fromkeys(nodes, 0)
    for q, _, c in sorted(edges, key=lambda e: topological[e[0]]):  # parents settled first
        layer[c] = max(layer[c], layer[q] + 1)
    rank = {node_id: i for i, node_id in enumerate(order)}
    return layer, order, sorted(edges, key=lambda e: (rank[e[0]], e[1]))


def _crossings(ranks: list[list[_V]]) -> int:
    """Edge crossings between consecutive layers, counted as inversions.

    Comparing every pair of edges grew with the square of a layer's width
    (about 75 s for a tree at the 20,000-node limit); sorted by their upper
    end, two edges cross exactly when their lower ends are out of order.
    """
    total = 0
    for upper, lower in zip(ranks, ranks[1:]):
        pos = {id(v): i for i, v in enumerate(upper)}
        pairs = sorted((pos[id(v)], j) for j, w in enumerate(lower) for v in w.up)
        total += _inversions([b for _, b in pairs])
    return total


def _inversions(values: list[int]) -> int:
    """Pairs i < j with values[i] > values[j], by merge sort."""
    if len(values) < 2:
        return 0
    middle = len(values) // 2
    left, right = values[:middle], values[middle:]
    count = _inversions(left) + _inversions(right)
    left.sort()
    right.sort()
    j = 0
    for value in left:  # for each left value, the right values strictly below it
        while j < len(right) and right[j] < value:
            j += 1
        count += j
    return count


def _order(ranks: list[list[_V]]) -> list[list[_V]]:
    """Barycentre sweeps, down then up, keeping the ordering with fewest crossings."""
    best, fewest = [list(r) for r in ranks], _crossings(ranks)
    for sweep in range(8):
        down = sweep % 2 == 0
        for r in (range(1, len(ranks)) if down else range(len(ranks) - 2, -1, -1)):
            pos = {id(v): i for i, v in enumerate(ranks[r - 1 if down else r + 1])}
            near = [v.up if down else v.down for v in ranks[r]]
            keys = [sum(pos[id(n)] for n in ns) / len(ns) if ns else i for i, ns in enumerate(near)]
            ranks[r] = [v for _, v in sorted(zip(keys, ranks[r]), key=lambda kv: kv[0])]
        count = _crossings(ranks)
        if count < fewest:
            best, fewest = [list(r) for r in ranks], count
    return best


def _place(rank: list[_V], targets: list[float]) -> None:
    """Centres as near their targets as possible without overlap (isotonic regression)."""
    offsets = [0.0]
    for a, b in zip(rank, rank[1:]):
        offsets.append(offsets[-1] + (a.w + b.w) / 2 + max(a.gap, b.gap))
    blocks: list[list[float]] = []  # [sum, count]
    for t, o in zip(targets, offsets):
        blocks.append([t - o, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, n = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += n
    values = [s / n for s, n in blocks for _ in range(int(n))]
    for v, value, o in zip(rank, values, offsets):
        v.x = value + o


def _positions(ranks: list[list[_V]]) -> None:
    for rank in ranks:
        _place(rank, [0.0] * len(rank))
    for sweep in range(12):
        down = sweep % 2 == 0
        for rank in (ranks[1:] if down else ranks[-2::-1]):
            near = [(v.up if down else v.down) or (v.up + v.down) for v in rank]
            _place(rank, [sum(n.x for n in ns) / len(ns) if ns else v.x for v, ns in zip(rank, near)])
    y = float(MARGIN)
    for rank in ranks:
        height = max(v.h for v in rank)
        for v in rank:
            v.y = y + (height - v.h) / 2 if v.kind == "label" else y
        y += height + (LABEL_GAP if rank[0].rank % 2 else NODE_GAP)


def _n(value: float) -> str:
    text = f"{value:.1f}".removesuffix(".0")
    return "0" if text == "-0" else text


def _text(v: _V, cls: str, size: int, line: int) -> str:
    top = v.y + (v.h - line * len(v.lines)) / 2 + size * .8 + (line - size) / 2
    spans = "".join(f'<tspan x="{_n(v.x)}" y="{_n(top + i * line)}">{escape(s)}</tspan>'
                    for i, s in enumerate(v.lines))
    return (f'<text class="{cls}" x="{_n(v.x)}" text-anchor="middle" font-size="{size}" fill="currentColor">'
            f'{spans}</text>')


def _curve(points: list[tuple[float, float]]) -> str:
    d = f"M{_n(points[0][0])} {_n(points[0][1])}"
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        mid = _n((y0 + y1) / 2)
        d += f"L{_n(x1)} {_n(y1)}" if abs(x0 - x1) < .05 else f"C{_n(x0)} {mid} {_n(x1)} {mid} {_n(x1)} {_n(y1)}"
    return d


def _ports(v: _V, ends: list[_V], share: float) -> dict[int, float]:
    """Where each edge meets a box: spread along its edge, in the order of the far ends."""
    ends = sorted(ends, key=lambda e: e.x)
    return {id(e): v.x + v.w * share * ((k + 1) / (len(ends) + 1) - .5) for k, e in enumerate(ends)}


def node_text(guide: Guide, node: Node) -> tuple[str, str]:
    """(text in the box, accessible name) of a node."""
    if not isinstance(node, HandOver):
        text = plain(node.text.value if isinstance(node, Question) else node.verdict.value)
        return text, messages_of(guide)("map_question" if isinstance(node, Question) else "map_verdict", text=text)
    target = guide.tree(node.tree.value)
    title = plain(target.title.value) if target else node.tree.value
    return f"→ {title}", messages_of(guide)("map_continue", title=title)


def render_map(tree: Tree, guide: Guide, hand_over_href: Callable[[HandOver], str],
               node_href: Callable[[str], str] = lambda node_id: f"#n-{node_id}") -> Markup:
    """The whole tree as one inline `<svg>`: boxes link to `node_href(id)`
    (the step on the tree's page), hand-overs to `hand_over_href(node)`."""
    nodes = dict(tree.index)
    layer, order, edges = _layers(tree, nodes)
    real: dict[str, _V] = {}
    for node_id in order:
        node = nodes[node_id]
        lines = _wrap(node_text(guide, node)[0], BOX_W - 2 * PAD, FONT)
        real[node_id] = _V(2 * layer[node_id], "node", BOX_W, len(lines) * LINE + 2 * PAD, 24, lines)
    chains = []
    for q, i, c in edges:
        answer = nodes[q].answers[i]
        lines = _wrap(plain(answer.label.value), LABEL_W, LABEL_FONT)
        label = _V(real[q].rank + 1, "label", max(_width(s, LABEL_FONT) for s in lines) + 6,
                   len(lines) * LABEL_LINE + 2, 14, lines)
        chain = [real[q], label] + [_V(r) for r in range(label.rank + 1, real[c].rank)] + [real[c]]
        for a, b in zip(chain, chain[1:]):
            a.down.append(b)
            b.up.append(a)
        chains.append((q, answer, chain))
    ranks: list[list[_V]] = [[] for _ in range(max(v.rank for v in real.values()) + 1)] if real else []
    for v in list(real.values()) + [v for _, _, chain in chains for v in chain[1:-1]]:
        ranks[v.rank].append(v)
    ranks = _order(ranks)
    _positions(ranks)
    every = [v for rank in ranks for v in rank]
    left = min((v.x - v.w / 2 for v in every), default=0) - MARGIN
    for v in every:
        v.x -= left
    width = max((v.x + v.w / 2 for v in every), default=0) + MARGIN
    height = max((v.y + v.h for v in every), default=0) + MARGIN
    bottom = {rank[0].rank: max(v.y + v.h for v in rank) for rank in ranks}
    out_ports = {id(v): _ports(v, v.down, 1.0) for v in real.values()}
    in_ports = {id(v): _ports(v, v.up, .6) for v in real.values()}
    paths, arrows, labels = [], [], []
    for q_id, answer, chain in chains:
        q, label, c = chain[0], chain[1], chain[-1]
        # What map.js reads to highlight the reader's path ("#a=node:answer").
        step = f'data-from="{escape(q_id)}" data-answer="{escape(answer.id)}" data-to="{escape(answer.next.value)}"'
        first = [(out_ports[id(q)][id(label)], q.y + q.h), (label.x, label.y)]
        rest = [(label.x, label.y + label.h)]
        for bend in chain[2:-1]:
            rest += [(bend.x, bend.y), (bend.x, bottom[bend.rank])]
        end = in_ports[id(c)][id(chain[-2])]
        rest.append((end, c.y - 6))
        paths.append(f'<path class="dg-map-edge" {step} d="{_curve(first)}{_curve(rest)}" fill="none" stroke="currentColor"/>')
        arrows.append(f'M{_n(end - 4)} {_n(c.y - 7)}L{_n(end + 4)} {_n(c.y - 7)}L{_n(end)} {_n(c.y)}Z')
        labels.append(f'<g class="dg-map-answer" {step}><title>{escape(plain(answer.label.value))}</title>'
                      f'{_text(label, "dg-map-label", LABEL_FONT, LABEL_LINE)}</g>')
    boxes = []
    for node_id in order:
        node, v = nodes[node_id], real[node_id]
        href = hand_over_href(node) if isinstance(node, HandOver) else node_href(node_id)
        style = {"question": 'fill="none" stroke-width="1"',
                 "outcome": 'fill="currentColor" fill-opacity=".08" stroke-width="2.5"',
                 "link": 'fill="none" stroke-width="1.5" stroke-dasharray="5 3"'}[node.kind]
        start = " dg-map-start" if node_id == tree.start.value else ""
        # role="link": crawlers skip an SVG anchor without an href attribute.
        boxes.append(f'<a class="dg-map-node dg-map-{node.kind}{start}" role="link" xlink:href="{escape(href)}" '
                     f'data-map-node="{escape(node_id)}">'
                     f'<title>{escape(node_text(guide, node)[1])}</title>'
                     f'<rect class="dg-map-box" x="{_n(v.x - v.w / 2)}" y="{_n(v.y)}" width="{_n(v.w)}" '
                     f'height="{_n(v.h)}" rx="{10 if node.kind == "outcome" else 4}" {style} stroke="currentColor"/>'
                     f'{_text(v, "dg-map-text", FONT, LINE)}</a>')
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" class="dg-map-svg" '
             f'viewBox="0 0 {_n(width)} {_n(height)}" width="100%" font-size="{FONT}" '
             f'style="max-width:{_n(width)}px">',
             f"<title>{escape(messages_of(guide)('map_of', title=plain(tree.title.value)))}</title>",
             '<g class="dg-map-edges">', *paths,
             f'<path class="dg-map-arrow" d="{"".join(arrows)}" fill="currentColor" stroke="none"/>' if arrows else "",
             "</g>", '<g class="dg-map-labels">', *labels, "</g>", '<g class="dg-map-nodes">', *boxes, "</g>", "</svg>"]
    return Markup("\n".join(p for p in parts if p))
