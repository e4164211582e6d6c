"""HTML for one language of a document in a reading pane."""

from __future__ import annotations

from html import escape

from ..model import Document

_BLOCK = {
    "title": ("h2", "title"),
    "doc_number": ("p", "docno"),
    "addressee": ("p", "addressee"),
    "part": ("h3", "part"),
    "signature": ("p", "signature"),
    "date": ("p", "date"),
}


def pane_html(document: Document, lang: str) -> str:
    """The text of one language as simple HTML: headings, numbered clauses, paragraphs."""
    out: list[str] = []
    open_para = False
    for seg in document.segments_in(lang):
        if seg.kind == "sentence":
            if not open_para:
                out.append("<p>")
                open_para = True
            out.append(f'<span id="{escape(seg.id)}">{escape(seg.text)}</span> ')
            continue
        if open_para:
            out.append("</p>")
            open_para = False
        if seg.kind in _BLOCK:
            tag, css = _BLOCK[seg.kind]
            label = f"{escape(seg.label)}{'、' if lang == 'zh' and seg.kind == 'part' else ' '}" if seg.label else ""
            out.append(f'<{tag} class="{css}">{label}{escape(seg.text)}</{tag}>')
        elif seg.kind in ("clause", "item"):
            out.append(f"<p><b>{escape(seg.label)} {escape(seg.text)}</b> ")
            open_para = True
    if open_para:
        out.append("</p>")
    return "".join(out)
