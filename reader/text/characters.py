"""Characters that text must not carry into files or terminals.

XML 1.0 (DOCX, HWPX, HTML) cannot hold most C0 control characters, lone surrogates
or U+FFFE/U+FFFF: one ESC in a note made the DOCX export fail, one NUL the HWPX
export. C1 controls and the bidirectional embedding, override and isolate controls
are legal but invisible, and reorder or hide what a reader sees (a note can make
text read backwards). None belongs in a policy document or a note.

- ``strip_unsafe`` removes them: for text coming in (imports, notes).
- ``replace_unsafe`` puts U+FFFD in their place, one for one, so character offsets
  stay valid: for text going out of a library that already holds some.
- ``printable`` shows them as visible escapes (``\\x1b``): for a terminal, where ESC
  starts a control sequence that can retitle or clear it.
"""

from __future__ import annotations

import re

_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_SURROGATES = "\ud800-\udfff"
_NONCHARACTERS = "\ufffe\uffff"
_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"

UNSAFE = re.compile(f"[{_CONTROLS}{_SURROGATES}{_NONCHARACTERS}{_BIDI_CONTROLS}]")
#: What ``printable`` escapes: the unsafe characters, and tab and line breaks unless kept.
_UNPRINTABLE = re.compile(f"[{_CONTROLS}{_SURROGATES}{_NONCHARACTERS}{_BIDI_CONTROLS}\t\n\r\u2028\u2029\u0085]")
REPLACEMENT = "\ufffd"


def strip_unsafe(text: str) -> str:
    """``text`` without the characters above; CR LF and lone CR become LF."""
    if not text:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return UNSAFE.sub("", text)


def replace_unsafe(text: str) -> str:
    """``text`` with each character above replaced by U+FFFD (lengths unchanged)."""
    return UNSAFE.sub(REPLACEMENT, text) if text else text


def has_unsafe(text: str) -> bool:
    return bool(text) and UNSAFE.search(text) is not None


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if code == 0x09:
        return "\\t"
    if code == 0x0A:
        return "\\n"
    if code == 0x0D:
        return "\\r"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, keep_newlines: bool = False) -> str:
    """``text`` safe to print on a terminal: control, bidi and surrogate characters as
    visible escapes; line breaks too unless ``keep_newlines`` (then tabs stay as well)."""
    if not text:
        return text
    if keep_newlines:
        return UNSAFE.sub(_escape, text.replace("\r\n", "\n"))
    return _UNPRINTABLE.sub(_escape, text)
