"""Text cut into runs of one script, so each writer can tag and set Chinese as Chinese.

A Korean note, heading or citation often carries Chinese (``주선(主线)``,
``《国务院关于…》``, ``国发〔2010〕32号``). Left in the Korean run, those
ideographs are drawn by the Korean face with Korean glyph forms (言 入 化 与 号
differ visibly from simplified Chinese). ``script_runs`` cuts a text into
(language, text) runs: Han ideographs make a ``zh`` run, Hangul a ``ko`` run;
spaces, digits, Latin letters and punctuation stay with the run they follow
(or, at the start, the run they precede), so ``一、总体要求`` is one Chinese run
and ``1. 전반적 요구`` one Korean run. Pure.
"""

from __future__ import annotations

import re
from html import escape

from ..text.scripts import is_han, is_hangul

#: HTML ``lang`` of each text language.
HTML_LANG = {"zh": "zh-Hans", "ko": "ko"}


def _script(char: str) -> str:
    if char != "○" and is_han(char):  # ○ is the Korean bullet; 〇 is the Chinese zero
        return "zh"
    if is_hangul(char):
        return "ko"
    return ""


#: Runs of Han ideographs (〇, the Chinese zero, included; ○, the Korean bullet, not) or of
#: Hangul: the same characters as ``_script`` (reader.text.scripts.is_han / is_hangul).
_SCRIPT_RUN = re.compile(
    "(?P<zh>[\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff\U00020000-\U0002fa1f\u3007]+)"
    "|(?P<ko>[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+)"
)


def script_runs(text: str, default: str = "ko") -> list[tuple[str, str]]:
    """``text`` as (``zh``|``ko``, text) runs; text with neither script is one ``default`` run.

    A run starts where a character of the other script does (found by one regular
    expression, not character by character: every writer cuts every line)."""
    starts: list[tuple[int, str]] = []
    for match in _SCRIPT_RUN.finditer(text):
        script = match.lastgroup or default
        if not starts:
            starts.append((0, script))
        elif script != starts[-1][1]:
            starts.append((match.start(), script))
    if not starts:
        return [(default, text)] if text else []
    ends = [start for start, _ in starts[1:]] + [len(text)]
    return [(script, text[start:end]) for (start, script), end in zip(starts, ends, strict=True)]


def has_han(text: str) -> bool:
    return any(_script(char) == "zh" for char in text)


def tag_html(lang: str, escaped: str) -> str:
    """An HTML span of one script's text, tagged with its language (``zh-Hans`` / ``ko``)."""
    return f'<span lang="{HTML_LANG[lang]}">{escaped}</span>'


def marked_html(text: str, context: str = "ko", wrap=tag_html) -> str:
    """``text`` escaped, with each run in a script other than ``context`` passed through ``wrap``."""
    return "".join(
        escape(chunk) if lang == context else wrap(lang, escape(chunk)) for lang, chunk in script_runs(text, context)
    )


def main_script(text: str, default: str = "ko") -> str:
    """The script of a text's first run: the language its element is tagged with."""
    runs = script_runs(text, default)
    return runs[0][0] if runs else default
