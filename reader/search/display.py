"""How a hit is shown: KWIC lines and marked-up text (pure, for the panel and exports)."""

from __future__ import annotations

from html import escape


def kwic(text: str, spans: list[list[int]], context: int = 40) -> tuple[str, str, str]:
    """Key word in context: (left, keyword, right) around the first highlight.

    Without a highlight (a hit found through its note) the line starts the text.
    """
    if not spans:
        return "", "", text[: 2 * context]
    start, end = spans[0]
    return text[max(0, start - context) : start], text[start:end], text[end : end + context]


def marked_html(text: str, spans: list[list[int]], tag: str = "b") -> str:
    """The text as HTML with each highlight wrapped in ``<tag class="hit">``."""
    out, last = [], 0
    for start, end in spans:
        out.append(escape(text[last:start]))
        out.append(f'<{tag} class="hit">{escape(text[start:end])}</{tag}>')
        last = end
    out.append(escape(text[last:]))
    return "".join(out)
