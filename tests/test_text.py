"""Authors' text to HTML: the shortcut for plain paragraphs writes what Python-Markdown writes."""
from __future__ import annotations

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from flows import real_guide
from generator.render.text import _one_plain_paragraph

# Ordinary words and punctuation, and everything Python-Markdown may read as
# syntax in some position: markers that open a block, inline characters,
# Unicode spaces, line ends.
PIECES = ["a", "Word", "é", "ß", " ", "  ", "\n", "\n\n", ".", ",", ":", "!", "?", "(", ")", "'", '"', "-", "---",
          "=", "#", ">", "+", "*", "_", "1", "2010", "1.", "3)", "\xa0", "\u202f", "—", "/", "%", "€", "|", "~",
          "http://x.org", "x@y.z", "\t", "\r", "\f", "\x85", "\u2028", "<3", "&amp;", "[x]", "`c`", "\\", "    "]


def python_markdown(text: str) -> str:
    return markdown.Markdown(extensions=[], output_format="html").convert(text)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=20).map("".join))
def test_a_plain_paragraph_comes_out_as_python_markdown_writes_it(text):
    fast = _one_plain_paragraph(text)
    assert fast is None or fast == python_markdown(text)


def test_the_guides_own_texts_come_out_the_same():
    texts = [value for tree in real_guide().trees for node in tree.nodes
             for value in (getattr(node, "reasoning", None), getattr(node, "text", None)) if value is not None]
    texts = [t.value for t in texts]
    fast = [t for t in texts if _one_plain_paragraph(t) is not None]
    assert len(fast) > len(texts) / 2  # the shortcut serves most of them
    assert all(_one_plain_paragraph(t) == python_markdown(t) for t in fast)
