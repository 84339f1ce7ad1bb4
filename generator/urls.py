"""Where generated pages live, and relative links between them.

Links are written into raw HTML, which MkDocs does not rewrite, so they are
computed here, for directory URLs (`guide/b2b/`) or file URLs
(`guide/b2b.html`) as the site is configured.
"""
from __future__ import annotations

import posixpath
from functools import lru_cache
from dataclasses import dataclass


@dataclass(frozen=True)
class Urls:
    """URL scheme of the built site."""

    pages_dir: str = "guide"
    """Folder of the generated pages in the docs and the site."""
    directory_urls: bool = True
    """MkDocs' `use_directory_urls`."""

    def tree_file(self, tree_id: str) -> str:
        return f"{self.pages_dir}/{tree_id}.md"

    def source_file(self, source_id: str) -> str:
        return f"{self.pages_dir}/sources/{source_id}.md"

    def embed_file(self, tree_id: str) -> str:
        return f"{self.pages_dir}/embed/{tree_id}.md"

    def coverage_file(self) -> str:
        return f"{self.pages_dir}/sources/index.md"

    def map_file(self, tree_id: str) -> str:
        """The page "How the guide decides" of a tree, beside the tree's own (`guide/b2b/map/`)."""
        return f"{self.pages_dir}/{tree_id}/map.md"

    def url(self, file: str) -> str:
        """The page URL of a Markdown file, relative to the site root."""
        stem = file[:-3]
        if not self.directory_urls:
            return stem + ".html"
        if posixpath.basename(stem) == "index":
            stem = posixpath.dirname(stem)
        return stem + "/" if stem else ""

    def relative(self, from_file: str, to_file: str, fragment: str = "") -> str:
        """A link from one page to another, as a browser resolves it."""
        return _relative(self, from_file, to_file, fragment)

    def asset(self, from_file: str, path: str) -> str:
        """A link from a page to a file of the site (`assets/decision-guide/map.js`)."""
        here = self.url(from_file)
        base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
        return posixpath.relpath(path, base or ".")

    def _relative(self, from_file: str, to_file: str, fragment: str) -> str:
        here = self.url(from_file)
        base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
        target = self.url(to_file)
        rel = posixpath.relpath(target or ".", base or ".")
        if target.endswith("/") and not rel.endswith("/"):
            rel += "/"
        if rel == "./":
            rel = ""
        return rel + (f"#{fragment}" if fragment else "") or "."


@lru_cache(maxsize=65536)
def _relative(urls: Urls, from_file: str, to_file: str, fragment: str) -> str:
    # Called for every link of every page (230,000 times at 10,000 nodes), with
    # few distinct arguments.
    return urls._relative(from_file, to_file, fragment)
