"""Colour arithmetic for the brand: WCAG contrast, and the shades the stylesheet draws.

Below the stages: the loader warns about a brand colour with the very shades
the renderer's stylesheet then draws (`for_dark`, `text_on`), so both take
them from here.
"""
from __future__ import annotations

WHITE = "#ffffff"
DARK_BACKGROUND = "#1e2129"
"""The dark palette's background: mkdocs-material's slate, hsl(225 15% 14%), the
lightest of the dark backgrounds (Zensical's is darker), so the hardest for light text."""
TEXT_CONTRAST = 4.5
"""WCAG 2.1 AA for text (1.4.3)."""


def luminance(colour: str) -> float:
    """WCAG relative luminance of a `#rrggbb` colour."""
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(colour[i:i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(colour: str, other: str, share: float) -> str:
    a = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b))


def text_on(colour: str) -> str:
    """Black or white, whichever reads better on the colour."""
    return "#000000" if luminance(colour) > 0.179 else "#ffffff"


def for_dark(colour: str) -> str:
    """A brand colour as text on the dark palette: the least lightened shade of
    it that reads at 4.5:1 on the dark background, the colour itself when it
    does (the theme's own palettes do the same: indigo's links are #5488e8 on
    slate)."""
    for step in range(0, 101, 5):
        shade = mix(colour, WHITE, step / 100)
        if contrast(shade, DARK_BACKGROUND) >= TEXT_CONTRAST:
            return shade
    return WHITE  # pragma: no cover - white itself passes
