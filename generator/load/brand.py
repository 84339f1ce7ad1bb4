"""The rebranding surface: `extra.brand` in mkdocs.yml.

An agency rebrands by editing mkdocs.yml alone. Values are read from the
composed YAML so that a bad one is reported at its line and column, like any
mistake in the rules, by `guide check` and by the build alike.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import yaml

from ..diagnostics import Diagnostic
from ..model import Mark
from .yamlfile import mark_of

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
SAFE_URL = re.compile(r"^(https?://|mailto:|/|\.{0,2}/|#)", re.I)
BRAND_KEYS = ("primary", "accent", "logo", "favicon", "cta", "footer")


@dataclass(frozen=True)
class Brand:
    """What an agency sets in `extra.brand`."""

    primary: Optional[str] = None
    """Main colour, `#RRGGBB`."""
    accent: Optional[str] = None
    """Accent colour, `#RRGGBB`."""
    logo: Optional[str] = None
    """Logo image, relative to the docs folder."""
    favicon: Optional[str] = None
    """Favicon, relative to the docs folder."""
    cta_text: Optional[str] = None
    """Text of the call to action shown on every outcome."""
    cta_url: Optional[str] = None
    """Where the call to action leads (http, https, mailto or a path)."""
    footer: Optional[str] = None
    """Footer text (MkDocs' `copyright`)."""


def _get(mapping: Optional[yaml.Node], key: str) -> Optional[tuple[yaml.Node, yaml.Node]]:
    if isinstance(mapping, yaml.MappingNode):
        for k, v in mapping.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return k, v
    return None


def load_brand(mkdocs_yml: Path, docs_dir: Path, display: str = "mkdocs.yml") -> tuple[Brand, list[Diagnostic]]:
    """The brand settings of a mkdocs.yml, and what is wrong with them."""
    try:
        root = yaml.compose(mkdocs_yml.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        return Brand(), [Diagnostic(Mark(display, 1, 1), "brand", f"cannot read {display}: {e}")]
    found = _get(root, "extra")
    found = _get(found[1], "brand") if found else None
    if not found:
        return Brand(), []
    problems: list[Diagnostic] = []
    brand_node = found[1]

    def problem(node, key, message, hint=None):
        problems.append(Diagnostic(mark_of(display, node), "brand", f"extra.brand.{key}: {message}", hint))

    if not isinstance(brand_node, yaml.MappingNode):
        problem(brand_node, "", "must be a mapping of primary, accent, logo, favicon, cta, footer")
        return Brand(), problems
    values: dict[str, Optional[str]] = {}
    for key_node, value in brand_node.value:
        key = key_node.value
        if key not in BRAND_KEYS:
            problem(key_node, key, "unknown key", f"allowed keys: {', '.join(BRAND_KEYS)}")
        elif key == "cta":
            text, url = _get(value, "text"), _get(value, "url")
            if not isinstance(value, yaml.MappingNode) or not text or not url:
                problem(value, "cta", "needs 'text' and 'url'", 'cta: {text: "Book a call", url: "https://..."}')
                continue
            values["cta_text"], values["cta_url"] = str(text[1].value).strip(), str(url[1].value).strip()
            if not values["cta_text"]:
                problem(text[1], "cta.text", "is empty")
            if not SAFE_URL.match(values["cta_url"]):
                problem(url[1], "cta.url", f"{values['cta_url']!r} is not an http(s), mailto or relative URL",
                        "write the full address, e.g. https://example.org/contact")
        elif not isinstance(value, yaml.ScalarNode) or value.tag == "tag:yaml.org,2002:null":
            problem(value, key, "must be text")
        elif key in ("primary", "accent"):
            if not HEX.match(value.value):
                problem(value, key, f"{value.value!r} is not a colour written #RRGGBB",
                        'quote it, e.g. primary: "#1a73e8"')
            else:
                values[key] = value.value.lower()
                if key == "primary" and contrast(values[key], "#ffffff") < 4.5:
                    problems.append(Diagnostic(
                        mark_of(display, value), "brand",
                        f"extra.brand.primary: {value.value} on white has a contrast of "
                        f"{contrast(values[key], '#ffffff'):.1f}:1; links and buttons need 4.5:1",
                        "pick a darker shade", "warning"))
        elif key in ("logo", "favicon"):
            if not (docs_dir / value.value).is_file():
                problem(value, key, f"no file {value.value!r} in the docs folder ({docs_dir.name}/)",
                        "add the image there, or fix the path")
            values[key] = value.value
        else:
            values[key] = value.value
    return Brand(**values), problems


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i:i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
