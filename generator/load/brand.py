"""The rebranding surface: `extra.brand` in mkdocs.yml.

An agency rebrands by editing mkdocs.yml alone. Values are read from the
composed YAML so that a bad one is reported at its line and column, like any
mistake in the rules, by `guide check` and by the build alike.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

import yaml

from ..colours import DARK_BACKGROUND, TEXT_CONTRAST, WHITE, contrast, for_dark, text_on
from ..diagnostics import Diagnostic
from ..model import Brand, Mark, Text
from .nodes import _IMPLICIT_NAMES, LANGUAGE
from ..yamlfile import STR, mark_of

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
SAFE_URL = re.compile(r"^(https?://|mailto:|/|\.{0,2}/|#)", re.I)
BRAND_KEYS = ("primary", "accent", "logo", "favicon", "image", "cta", "footer", "analytics")
CTA_KEYS = ("text", "url")
CTA_PLACEHOLDERS = ("tree", "outcome")
"""What `extra.brand.cta.url` may carry: ids only, so the client's page learns
where the reader ended and never what they answered (render/pages.py `cta_href`)."""
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
ORIGIN = re.compile(r"^(?:https://(?!-)[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?"
                    r"|http://(?:localhost|127\.0\.0\.1):\d{1,5})/?$", re.I)
"""An analytics origin: `https://host[:port]`, nothing more (no path, query,
wildcard or credentials), so the policy opens exactly one door. Plain http
only on this machine, with a port, for tests."""
ANALYTICS_KEY = "extra.brand.analytics.origin"
SITE_TEXTS = ("site_name", "site_description")
"""Top-level keys of mkdocs.yml that, like the brand's texts, may be given per language."""


def _get(mapping: Optional[yaml.Node], key: str) -> Optional[tuple[yaml.Node, yaml.Node]]:
    if isinstance(mapping, yaml.MappingNode):
        for k, v in mapping.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return k, v
    return None


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return _IMPLICIT_NAMES.get(node.tag, "text")


def _is_string(node: yaml.Node) -> bool:
    # Only plain text: YAML reads `2024`, `yes` and `2024-01-01` as a number, a
    # boolean and a date, which would print as something else than written.
    return isinstance(node, yaml.ScalarNode) and node.tag == STR


def load_brand(mkdocs_yml: Path, docs_dir: Path, display: str = "mkdocs.yml", text_language: str = "en",
               languages: tuple[str, ...] = ()) -> tuple[Brand, list[Diagnostic]]:
    """The brand settings of a mkdocs.yml, and what is wrong with them.

    `languages` are the site's editions: a language map without one of them
    is a warning (that edition shows the map's main text)."""
    brand, problems = _load_brand(mkdocs_yml, docs_dir, display, text_language, languages)
    try:
        root = yaml.compose(mkdocs_yml.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return brand, problems  # already reported
    problems.extend(_scripts_outside_policy(root, display, brand.analytics_origin))
    return brand, problems


def _origin(url: str) -> Optional[str]:
    """The origin a script address loads from, None for the site's own files."""
    found = re.match(r"^(?:([a-z][a-z0-9+.-]*):)?//([^/?#]*)", url.strip(), re.I)
    if not found:
        return None
    scheme = (found.group(1) or "https").lower()
    return f"{scheme}://{found.group(2).lower()}"


def _scripts_outside_policy(root, display: str, allowed: Optional[str]) -> list[Diagnostic]:
    """Scripts the pages' policy (render/csp.py) would block: the browser would
    refuse them in silence, so the build says so, naming the key that allows
    one origin. A page may load scripts from itself and from `allowed` only."""
    problems = []
    extra_js = _get(root, "extra_javascript")
    for item in (extra_js[1].value if extra_js and isinstance(extra_js[1], yaml.SequenceNode) else []):
        node = _get(item, "path")[1] if _get(item, "path") else item  # `- path: x.js` with `type`, `async`...
        if not isinstance(node, yaml.ScalarNode):
            continue
        origin = _origin(node.value)
        if origin is None or origin == allowed:
            continue
        hint = (f"the pages allow scripts from the site and from {allowed} only" if allowed else
                "the pages allow scripts from the site only")
        problems.append(Diagnostic(
            mark_of(display, node), "blocked-script",
            f"extra_javascript: {node.value.strip()!r} comes from {origin}, which the pages' "
            f"Content-Security-Policy blocks", f"to allow it, set {ANALYTICS_KEY}: {origin}"
            if ORIGIN.match(origin) else f"{hint}; serve it from the docs folder or from an https origin "
            f"set as {ANALYTICS_KEY}"))
    extra = _get(root, "extra")
    theme_analytics = _get(extra[1], "analytics") if extra else None
    if theme_analytics:
        provider = _get(theme_analytics[1], "provider")
        name = provider[1].value if provider and isinstance(provider[1], yaml.ScalarNode) else None
        if name == "google":
            message = ("extra.analytics: the theme's Google Analytics loads its script from "
                       "https://www.googletagmanager.com and sends to *.google-analytics.com; the pages' "
                       "Content-Security-Policy allows one analytics origin, so the browser would block it")
            hint = (f"remove extra.analytics and set {ANALYTICS_KEY} to one origin that serves the script "
                    "and receives the events (Plausible, Matomo: see Embed and measure)")
        else:
            message = (f"extra.analytics: the theme's {name or 'custom'!s} analytics runs under the pages' "
                       "Content-Security-Policy, which allows scripts and requests to the site"
                       + (f" and {allowed} only" if allowed else " only"))
            hint = f"set {ANALYTICS_KEY} to the origin its script loads from and sends to"
        problems.append(Diagnostic(mark_of(display, theme_analytics[0]),
                                   "blocked-script" if name == "google" else "theme-analytics", message, hint))
    return problems


def _load_brand(mkdocs_yml: Path, docs_dir: Path, display: str, text_language: str,
                languages: tuple[str, ...]) -> tuple[Brand, list[Diagnostic]]:
    try:
        root = yaml.compose(mkdocs_yml.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        return Brand(), [Diagnostic(Mark(display, 1, 1), "brand", f"cannot read {display}: {e}")]
    problems: list[Diagnostic] = []
    values: dict = {}

    def problem(node, key, message, hint=None, rule="brand"):
        problems.append(Diagnostic(mark_of(display, node), rule, f"{key}: {message}", hint))

    def text(node: yaml.Node, key: str) -> Optional[Text]:
        """One string, or `{en: ..., fr: ...}`, like the rules' texts."""
        if _is_string(node):
            if not node.value.strip():
                problem(node, key, "is empty", "write the text, or remove the key")
                return None
            return Text(node.value.strip(), mark_of(display, node))
        if not isinstance(node, yaml.MappingNode) or not node.value:
            problem(node, key, f"must be text, or text per language, not {_kind(node)}",
                    f'write {key.rsplit(".", 1)[-1]}: "..." in quotes, or one per language: {{en: "...", fr: "..."}}')
            return None
        found: dict[str, str] = {}
        ok = True
        for key_node, value_node in node.value:
            code = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if not code or not LANGUAGE.match(code) or code in found:
                problem(key_node, key, f"{code!r} is not a language code" if code not in found
                        else f"language {code!r} appears twice", 'text per language is written {en: "...", fr: "..."}')
                ok = False
            elif not _is_string(value_node) or not value_node.value.strip():
                problem(value_node, f"{key}.{code}", f"must be text, not {_kind(value_node)}"
                        if not _is_string(value_node) else "is empty", f'quote it: {code}: "..."')
                ok = False
            else:
                found[code] = value_node.value.strip()
        if not ok:
            return None
        for language in languages:
            if language not in found:
                shown = text_language if text_language in found else next(iter(found))
                problem(node, key, f"has no {language!r} text; the {language!r} edition shows the {shown!r} one",
                        f'add {language}: "..."', "brand-untranslated")
        main = found.get(text_language, next(iter(found.values())))
        return Text(main, mark_of(display, node), tuple(sorted(found.items())))

    for key in SITE_TEXTS:
        found = _get(root, key)
        if found and not (key == "site_description" and found[1].tag == "tag:yaml.org,2002:null"):
            values[key] = text(found[1], key)

    found = _get(root, "extra")
    found = _get(found[1], "brand") if found else None
    if not found:
        return Brand(**values), problems
    brand_node = found[1]
    if not isinstance(brand_node, yaml.MappingNode):
        problem(brand_node, "extra.brand", f"must be a mapping, not {_kind(brand_node)}",
                f"one key a line below brand: ({', '.join(BRAND_KEYS)})")
        return Brand(**values), problems
    for key_node, value in brand_node.value:
        key = key_node.value
        name = f"extra.brand.{key}"
        if key not in BRAND_KEYS:
            problem(key_node, name, "unknown key", f"allowed keys: {', '.join(BRAND_KEYS)}")
        elif key == "cta":
            text_found, url_found = _get(value, "text"), _get(value, "url")
            if not isinstance(value, yaml.MappingNode) or not text_found or not url_found:
                problem(value, name, "needs 'text' and 'url'", 'cta: {text: "Book a call", url: "https://..."}')
                continue
            for cta_key, _ in value.value:
                if cta_key.value not in CTA_KEYS:
                    problem(cta_key, f"{name}.{cta_key.value}", "unknown key", "allowed keys: text, url")
            values["cta_text"] = text(text_found[1], f"{name}.text")
            url = url_found[1]
            if not _is_string(url):
                problem(url, f"{name}.url", f"must be an address, not {_kind(url)}",
                        "write the full address, e.g. https://example.org/contact")
            elif not SAFE_URL.match(url.value.strip()):
                problem(url, f"{name}.url", f"{url.value.strip()!r} is not an http(s), mailto or relative URL",
                        "write the full address, e.g. https://example.org/contact")
            else:
                unknown = [p for p in _PLACEHOLDER.findall(url.value) if p not in CTA_PLACEHOLDERS]
                stray = re.sub(_PLACEHOLDER, "", url.value)
                if unknown:
                    problem(url, f"{name}.url", f"unknown placeholder {{{unknown[0]}}}",
                            "the address may carry {tree} and {outcome}: the ids of where the reader "
                            "ended, never their answers")
                elif "{" in stray or "}" in stray:
                    problem(url, f"{name}.url", "has an unmatched { or }",
                            "write {tree} or {outcome}, or percent-encode the brace (%7B, %7D)")
                else:
                    values["cta_url"] = url.value.strip()
        elif key == "analytics":
            origin_found = _get(value, "origin")
            if not isinstance(value, yaml.MappingNode) or not origin_found:
                problem(value, name, "needs 'origin'", "analytics: {origin: https://plausible.io}")
                continue
            for sub, _ in value.value:
                if sub.value != "origin":
                    problem(sub, f"{name}.{sub.value}", "unknown key", "allowed key: origin")
            origin = origin_found[1]
            if not _is_string(origin) or not ORIGIN.match(origin.value.strip()):
                shown = origin.value.strip() if isinstance(origin, yaml.ScalarNode) else _kind(origin)
                problem(origin, ANALYTICS_KEY, f"{shown!r} is not a plain https://host[:port] origin",
                        "the scheme and host only, e.g. origin: https://plausible.io (no path, query, * or "
                        "user@; http only as http://localhost:PORT or http://127.0.0.1:PORT)")
            else:
                values["analytics_origin"] = origin.value.strip().rstrip("/").lower()
        elif key == "footer":
            values["footer"] = text(value, name)
        elif not _is_string(value):
            hint = (f'quote it, e.g. {key}: "#1a73e8"' if key in ("primary", "accent")
                    else f"the path of an image in the docs folder, e.g. {key}: assets/{key}.svg")
            if key in ("primary", "accent") and isinstance(value, yaml.ScalarNode) and value.value:
                problem(value, name, f"{value.value!r} is not a colour written #RRGGBB", hint)
            else:  # `accent: #c2410c` is empty: YAML reads '#' as the start of a comment
                problem(value, name, "must be text" if isinstance(value, yaml.ScalarNode)
                        else f"must be text, not {_kind(value)}", hint)
        elif key in ("primary", "accent"):
            if not HEX.match(value.value):
                problem(value, name, f"{value.value!r} is not a colour written #RRGGBB",
                        f'quote it, e.g. {key}: "#1a73e8"')
            else:
                values[key] = value.value.lower()
                problems.extend(_contrast_warnings(key, values[key], mark_of(display, value)))
        else:  # logo, favicon, image
            if not (docs_dir / value.value).is_file():
                problem(value, name, f"no file {value.value!r} in the docs folder ({docs_dir.name}/)",
                        "add the image there, or fix the path")
            values[key] = value.value
    return Brand(**{k: v for k, v in values.items() if v is not None}), problems


def _contrast_warnings(key: str, colour: str, mark: Mark) -> list[Diagnostic]:
    """WCAG AA for a brand colour on the backgrounds the theme draws it on as text.

    The primary colour is the text of links, Change, Back and the outline
    buttons; the accent colour that of hovered and focused links. On white
    (the light palette, and print) each is drawn as given, so a light brand
    colour fails there. On the dark palette both are drawn in the least
    lightened shade of them that reads at 4.5:1 on its background
    (colours.py `for_dark`): no brand colour fails there, and none could
    pass on both backgrounds as given (dark text on white and light text on
    #1e2129 at 4.5:1 each need a luminance at most 0.18 and at least 0.25).
    Text drawn on the colour (the header's, a filled button's) is black or
    white, whichever reads better (`text_on`): at least 4.58:1, checked too."""
    what = "links and buttons" if key == "primary" else "hovered and focused links"
    checks = [(colour, WHITE, f"{colour} on white", what, "pick a darker shade"),
              (for_dark(colour), DARK_BACKGROUND, f"{for_dark(colour)} (its shade for the dark palette) on "
               f"{DARK_BACKGROUND}", what, "pick a lighter shade"),
              (text_on(colour), colour, f"the text drawn on it ({text_on(colour)})", "the header's text",
               "pick a darker or a lighter shade")]
    return [Diagnostic(mark, "brand-contrast", f"extra.brand.{key}: {where} has a contrast of "
                       f"{contrast(fg, bg):.1f}:1; {uses} need 4.5:1", hint)
            for fg, bg, where, uses, hint in checks if contrast(fg, bg) < TEXT_CONTRAST]
