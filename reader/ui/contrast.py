"""Colour arithmetic for readable text: WCAG 2 contrast, mixing, picking a readable colour.

WCAG 2.1 asks for a contrast ratio of at least 4.5:1 between normal text and its
background (1.4.3) and 3:1 for the parts of controls one must see, such as a checkbox's
box (1.4.11). The themes and the panels choose their colours with these functions, and
the tests check the ratios of the colours actually used.
"""

from __future__ import annotations

TEXT_CONTRAST = 4.5
CONTROL_CONTRAST = 3.0


def _rgb(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in rgb)


def luminance(color: str) -> float:
    """Relative luminance of an sRGB colour ``#rrggbb`` (0 black … 1 white)."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours (1 … 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: str, b: str, share_of_b: float) -> str:
    """``a`` moved ``share_of_b`` of the way to ``b``."""
    ra, rb = _rgb(a), _rgb(b)
    r, g, b_ = (x + (y - x) * share_of_b for x, y in zip(ra, rb, strict=True))
    return _hex((r, g, b_))


def muted(text: str, background: str, share: float = 0.4, minimum: float = TEXT_CONTRAST) -> str:
    """Secondary text: ``text`` faded towards the background, but never below ``minimum`` contrast."""
    while share > 0 and contrast(mix(text, background, share), background) < minimum:
        share -= 0.05
    return mix(text, background, max(0.0, share))


def readable_on(background: str, dark: str = "#1a1a1a", light: str = "#f5f5f5") -> str:
    """Whichever of a dark and a light text colour reads better on ``background``."""
    return dark if contrast(dark, background) >= contrast(light, background) else light
