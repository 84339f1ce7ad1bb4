"""The brand's colours as CSS custom properties for mkdocs-material."""
from __future__ import annotations

from ..load.brand import Brand, _luminance


def _mix(colour: str, other: str, share: float) -> str:
    a = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b))


def text_on(colour: str) -> str:
    """Black or white, whichever reads better on the colour."""
    return "#000000" if _luminance(colour) > 0.179 else "#ffffff"


def brand_css(brand: Brand) -> str:
    """CSS custom properties that recolour mkdocs-material, or '' when unset."""
    rules = []
    if brand.primary:
        rules += [f"--md-primary-fg-color: {brand.primary};",
                  f"--md-primary-fg-color--light: {_mix(brand.primary, '#ffffff', .25)};",
                  f"--md-primary-fg-color--dark: {_mix(brand.primary, '#000000', .25)};",
                  f"--md-primary-bg-color: {text_on(brand.primary)};",
                  f"--md-typeset-a-color: {brand.primary};"]
    if brand.accent:
        rules += [f"--md-accent-fg-color: {brand.accent};",
                  f"--md-accent-fg-color--transparent: {brand.accent}1a;",
                  f"--md-accent-bg-color: {text_on(brand.accent)};"]
    if not rules:
        return ""
    # Same specificity as the theme's palette rules and loaded after them.
    body = "\n  ".join(rules)
    dark = ""
    if brand.primary:
        # On the dark palette, links need a lighter shade of the brand colour.
        dark = (f'\n[data-md-color-scheme="slate"] {{\n  --md-typeset-a-color: '
                f"{_mix(brand.primary, '#ffffff', .45)};\n}}")
    return f":root > * {{\n  {body}\n}}{dark}\n"
