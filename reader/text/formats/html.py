"""Saved web pages (.html, .htm, .mhtml) and HTML from the clipboard.

The main text is found with trafilatura (readability-lxml when trafilatura finds
nothing): navigation, footers, share buttons and related-article lists are dropped.
Two layouts of Chinese government sites are prepared first, because both confuse
a content extractor:

* the metadata table of gov.cn's policy library (标题, 发文机关, 发文字号, 成文日期,
  发布日期, 主题分类) is read into the document's metadata and removed, so that it
  neither becomes text nor makes the extractor take the page for a data table;
* older pages lay the whole page out in tables and break paragraphs with ``<br>``:
  layout tables (those holding prose) are turned into blocks and ``<br>`` into
  paragraph ends, so the extractor sees paragraphs and can tell the body from the
  link bars around it.

Pages declared as gb2312 or gbk are decoded as GB18030 (its superset: such pages
routinely hold characters outside GB2312).
"""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import ImportFailed
from ..encoding import BinaryData, UndecodableText, decode
from ..scripts import is_han, is_hangul

SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".mhtml", ".mht"})

#: Labels of gov.cn's metadata table → Document fields (主题分类 is kept as ``subject``).
METADATA_LABELS = {
    "标题": "title",
    "发文机关": "issuer",
    "发文字号": "doc_number",
    "成文日期": "date",
    "发布日期": "date_published",
    "主题分类": "subject",
    "索引号": "index_number",
}

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "gb_2312-80", "euc-cn"}
_LABEL_SPACE = re.compile(r"[\s\u3000\xa0]+")
_LABEL_END = "：:"
_PIPE_ROW = re.compile(r"^\|(.*)\|\s*$")
#: A table cell with at least this much text is prose, so its table is layout, not data.
_PROSE_CELL = 120


@dataclass
class WebPage:
    """The text of a page, its lines in reading order, and what the page says about it."""

    lines: list[str]
    metadata: dict[str, str] = field(default_factory=dict)


def read_html_file(path: Path, data: bytes) -> WebPage:
    """A saved page (.html/.htm, or .mhtml: the page inside the web archive)."""
    url = ""
    if path.suffix.lower() in (".mhtml", ".mht"):
        data, url = _mhtml_page(path, data)
    try:
        text = decode_html(data)
    except (BinaryData, UndecodableText) as exc:
        raise ImportFailed(path, f"not a readable web page ({exc})") from None
    page = read_html(text, url)
    if not any(line.strip() for line in page.lines):
        raise ImportFailed(path, "web page has no main text that could be found")
    return page


def decode_html(data: bytes) -> str:
    """The page's text: its declared charset (gb2312/gbk as GB18030), else detection."""
    head = data[:4096]
    match = _CHARSET.search(head)
    declared = match.group(1).decode("ascii").lower() if match else ""
    if declared in _GB_FAMILY:
        declared = "gb18030"
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect instead
    text, _ = decode(data)
    return text


def _mhtml_page(path: Path, data: bytes) -> tuple[bytes, str]:
    """The HTML part of a web archive (MIME multipart/related) and the page's address."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    url = message.get("Snapshot-Content-Location", "") or ""
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if not isinstance(payload, bytes) or not payload:
                continue
            charset = part.get_content_charset()
            if charset and b"charset" not in payload[:4096].lower():
                # The charset is on the MIME part: declare it in the page for decode_html.
                payload = f'<meta charset="{charset}">'.encode("ascii") + payload
            return payload, url or part.get("Content-Location", "") or ""
    raise ImportFailed(path, "not a readable web archive (no HTML page inside)")


def read_html(text: str, url: str = "") -> WebPage:
    """Main text and metadata of a page given as text (a file's or the clipboard's)."""
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return WebPage([])
    metadata = _policy_metadata(tree)
    metadata["source_url"] = url or _page_address(tree, text)
    heading = _page_heading(tree)
    _drop_page_furniture(tree)
    _prepare_layout(tree)
    lines = _extract(tree)
    lines = _with_head(lines, metadata.get("title") or heading, metadata.get("doc_number", ""))
    return WebPage(lines, {name: value for name, value in metadata.items() if value})


def _clean(text: str) -> str:
    return _LABEL_SPACE.sub(" ", text or "").strip()


def _label(text: str) -> str:
    """A metadata label as written (``标　　题：``) in its plain form (``标题``)."""
    return _LABEL_SPACE.sub("", text or "").rstrip(_LABEL_END)


def _policy_metadata(tree) -> dict[str, str]:
    """Read and remove the tables that label the document's metadata (gov.cn's policy library).

    A table counts when at least two of its cells are known labels; a label's value is
    the next cell, or the rest of the cell after ``：``.
    """
    found: dict[str, str] = {}
    for table in tree.iter("table"):
        cells = [cell for cell in table.iter("td", "th") if cell.find(".//table") is None]
        texts = [_clean(cell.text_content()) for cell in cells]
        fields: dict[str, str] = {}
        for i, text in enumerate(texts):
            label, sep, rest = text.replace(":", "：").partition("：")
            name = METADATA_LABELS.get(_label(label))
            if not name:
                continue
            value = rest.strip() if sep and rest.strip() else (texts[i + 1] if i + 1 < len(texts) else "")
            if _label(value) in METADATA_LABELS:
                value = ""  # an empty field followed by the next label
            fields.setdefault(name, value)
        if len(fields) >= 2:
            for name, value in fields.items():
                found.setdefault(name, value)
            parent = table.getparent()
            if parent is not None:
                table.drop_tree()
            break
    return found


def _page_address(tree, text: str) -> str:
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        values = tree.xpath(xpath)
        if values and str(values[0]).startswith(("http://", "https://")):
            return str(values[0]).strip()
    match = _SAVED_FROM.search(text[:2048])
    return match.group(1) if match else ""


_TITLE_PARTS = re.compile(r"\s*[_|｜—–-]{1,2}\s*")


def _page_heading(tree) -> str:
    """The page's first ``<h1>``, else the longest piece of its ``<title>`` with Chinese or
    Korean in it (``…指导意见_政策库_中国政府网`` → ``…指导意见``)."""
    for element in tree.iter("h1"):
        heading = _clean(element.text_content())
        if heading:
            return heading
    titles = tree.xpath("//title/text()")
    pieces = _TITLE_PARTS.split(_clean(str(titles[0]))) if titles else []
    pieces = [piece for piece in pieces if any(is_han(ch) or is_hangul(ch) for ch in piece)]
    return max(pieces, key=len) if pieces else ""


#: Elements that are never the text: page furniture by tag, and by class or id words.
_FURNITURE_TAGS = ("nav", "header", "footer", "aside", "form", "script", "style", "noscript", "iframe", "button")
_FURNITURE_NAMES = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|header|footer|foot|crumbs?|breadcrumbs?|share|sharing|related|recommend|"
    r"toolbar|print|copyright|sidebar|links)([\s_-]|$)",
    re.IGNORECASE,
)


def _drop_page_furniture(tree) -> None:
    """Remove navigation, headers, footers, share bars and related lists that say so by
    their tag or class/id; what is left the extractor judges on its own."""
    for element in list(tree.iter(*_FURNITURE_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or element.tag in ("html", "body"):
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if names.strip() and _FURNITURE_NAMES.search(names) and element.getparent() is not None:
            element.drop_tree()


def _prepare_layout(tree) -> None:
    """Turn layout tables into blocks and ``<br>`` into paragraph ends (see the module)."""
    import lxml.html

    for table in list(tree.iter("table")):
        cells = list(table.iter("td", "th"))
        if not any(len(_clean(cell.text_content())) >= _PROSE_CELL for cell in cells):
            continue
        for element in table.iter("table", "tbody", "thead", "tfoot", "tr", "td", "th"):
            element.tag = "div"
            for attribute in ("width", "align", "colspan", "rowspan", "valign"):
                element.attrib.pop(attribute, None)
    for parent in {br.getparent() for br in tree.iter("br")}:
        if parent is None:
            continue
        _split_at_breaks(parent, lxml.html)


def _split_at_breaks(parent, html_module) -> None:
    """Make each run between ``<br>``s of ``parent`` a paragraph of its own (the parent
    becomes a block: a ``<p>`` or ``<font>`` holding the runs becomes a ``<div>``)."""
    runs: list[list] = [[parent.text or ""]]
    for child in list(parent):
        if child.tag == "br":
            runs.append([child.tail or ""])
        else:
            runs[-1].append(child)
    for child in list(parent):
        parent.remove(child)
    parent.text = None
    if parent.tag not in ("div", "td", "th", "body", "li", "section", "article"):
        parent.tag = "div"
    for head, *children in runs:
        paragraph = html_module.Element("p")
        paragraph.text = head
        for child in children:
            paragraph.append(child)
        parent.append(paragraph)


def _extract(tree) -> list[str]:
    import lxml.html
    import trafilatura

    markup = lxml.html.tostring(tree, encoding="unicode")
    text = trafilatura.extract(
        markup,
        include_tables=True,
        include_comments=False,
        include_links=False,
        include_images=False,
        deduplicate=False,
        favor_recall=True,
        output_format="txt",
    )
    if not text or not text.strip():
        text = _readability_text(markup)
    return _lines(text)


def _readability_text(markup: str) -> str:
    """The readability-lxml summary's blocks, one a line (the fallback extractor)."""
    import lxml.html
    from readability import Document as Readability

    try:
        summary = Readability(markup).summary(html_partial=True)
    except Exception:  # readability raises its own Unparseable and lxml errors alike
        return ""
    fragment = lxml.html.fragment_fromstring(summary, create_parent="div")
    blocks = []
    for element in fragment.iter("p", "div", "li", "h1", "h2", "h3", "h4", "td"):
        if element.find(".//p") is None and element.find(".//div") is None:
            blocks.append(_clean(element.text_content()))
    return "\n".join(block for block in blocks if block)


def _lines(text: str | None) -> list[str]:
    """Text lines with table rows (``| a | b |``) split into one line per non-empty cell."""
    lines: list[str] = []
    for raw in (text or "").split("\n"):
        match = _PIPE_ROW.match(raw.strip())
        if match:
            cells = re.split(r"(?<!\\)\|", match.group(1))
            lines.extend(_clean(cell.replace("\\|", "|")) for cell in cells if _clean(cell))
        else:
            lines.append(raw.strip())
        lines.append("")
    return lines


def _with_head(lines: list[str], title: str, doc_number: str) -> list[str]:
    """Put the title and the document number first when the body does not begin with them
    (the policy library prints them only in its metadata table), so that the structure
    parser sees the document head it would see in the text file."""
    head = [line for line in lines[:12] if line]
    compact = [_label(line) for line in head]
    prefix: list[str] = []
    if title and _label(title) not in compact:
        prefix += [title, ""]
    if doc_number and _label(doc_number) not in compact:
        prefix += [doc_number, ""]
    return prefix + lines
