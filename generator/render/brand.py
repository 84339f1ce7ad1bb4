"""The brand's colours as CSS custom properties for mkdocs-material and Zensical."""
from __future__ import annotations

from ..colours import WHITE, for_dark, mix, text_on
from ..model import Brand


def brand_css(brand: Brand) -> str:
    """CSS that recolours the theme with the brand, or '' when unset."""
    rules = []
    if brand.primary:
        rules += [f"--md-primary-fg-color: {brand.primary};",
                  f"--md-primary-fg-color--light: {mix(brand.primary, WHITE, .25)};",
                  f"--md-primary-fg-color--dark: {mix(brand.primary, '#000000', .25)};",
                  f"--md-primary-bg-color: {text_on(brand.primary)};",
                  f"--md-typeset-a-color: {brand.primary};"]
    if brand.accent:
        rules += [f"--md-accent-fg-color: {brand.accent};",
                  f"--md-accent-fg-color--transparent: {brand.accent}1a;",
                  f"--md-accent-bg-color: {text_on(brand.accent)};"]
    if not rules:
        return ""
    body = "\n  ".join(rules)
    # The theme sets its palette on <body> by attribute, two attributes deep
    # on the dark palette ([data-md-color-scheme=slate][data-md-color-primary=
    # indigo] gives links #5488e8): these selectors are more specific than any
    # palette rule, so the brand wins in both palettes whatever the theme's
    # `primary` (`:root > *` covers a body without the attributes).
    css = f":root > *, :root > body[data-md-color-scheme][data-md-color-primary] {{\n  {body}\n}}\n"
    dark = []
    if brand.primary:
        dark.append(f"--md-typeset-a-color: {for_dark(brand.primary)};")
    if brand.accent:
        dark += [f"--md-accent-fg-color: {for_dark(brand.accent)};",
                 f"--md-accent-fg-color--transparent: {for_dark(brand.accent)}1a;",
                 f"--md-accent-bg-color: {text_on(for_dark(brand.accent))};"]
    # Screen only, like the theme's palettes: printed, the page is light.
    css += ("@media screen {\n  :root > body[data-md-color-scheme=\"slate\"][data-md-color-primary] {\n    "
            + "\n    ".join(dark) + "\n  }\n}\n")
    if brand.primary:
        css += (# Zensical's modern look draws a translucent header and grey
                # outline buttons (Back, Start again) where mkdocs-material
                # uses the primary colour; the brand's colours there too. For
                # mkdocs-material these are its own values.
                ".md-header { background-color: var(--md-primary-fg-color); color: var(--md-primary-bg-color); }\n"
                ".md-typeset .md-button:not(.md-button--primary):not(:hover, :focus) {"
                " color: var(--md-typeset-a-color); }\n")
    return css
