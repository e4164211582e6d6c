"""The core's messages to the user, in the UI language.

The core packages (``text``, ``search``, ``store`` …) know no Qt and say what went wrong in
English, one line naming the file and the problem. The GUI shows those lines translated:
each message the core can raise is listed here once as a template (``{path}: empty file``),
marked for translation; a message is matched against the templates and the translated
template is filled with the parts the message had. A message no template matches (a
library's own wording, a new message) is shown as it is, never hidden.
``tests/ui/test_korean_ui.py`` checks that every literal message of the core has a template.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Errors"

TEMPLATES = (
    # reader/text: loading and importing files (ImportFailed: "path: problem")
    QT_TRANSLATE_NOOP("Errors", "{path}: no such file"),
    QT_TRANSLATE_NOOP("Errors", "{path}: is a folder, not a file"),
    QT_TRANSLATE_NOOP("Errors", "{path}: cannot be read ({reason})"),
    QT_TRANSLATE_NOOP("Errors", "{path}: empty file"),
    QT_TRANSLATE_NOOP("Errors", "{path}: unsupported file type {suffix} (use .txt, .md, .docx, .pdf or .hwpx)"),
    QT_TRANSLATE_NOOP("Errors", "{path}: not a readable DOCX file ({reason})"),
    QT_TRANSLATE_NOOP("Errors", "{path}: not a readable PDF file ({reason})"),
    QT_TRANSLATE_NOOP("Errors", "{path}: PDF has no text layer (a scanned image?); run OCR first"),
    QT_TRANSLATE_NOOP("Errors", "{path}: not a readable HWPX file (not a zip package)"),
    QT_TRANSLATE_NOOP("Errors", "{path}: not a readable HWPX file ({reason})"),
    QT_TRANSLATE_NOOP("Errors", "{path}: no Chinese or Korean text found"),
    QT_TRANSLATE_NOOP("Errors", "{path}: both files contain Chinese text; give one file per language"),
    QT_TRANSLATE_NOOP("Errors", "{path}: both files contain Korean text; give one file per language"),
    QT_TRANSLATE_NOOP("Errors", "{path}: document {doc} already has both languages"),
    QT_TRANSLATE_NOOP("Errors", "{path}: has no Chinese text to add to document {doc}"),
    QT_TRANSLATE_NOOP("Errors", "{path}: has no Korean text to add to document {doc}"),
    QT_TRANSLATE_NOOP("Errors", "{path}: unknown encoding {encoding}"),
    QT_TRANSLATE_NOOP("Errors", "{path}: not valid {encoding} text (byte {offset}: {bytes})"),
    QT_TRANSLATE_NOOP("Errors", "{path}: starts with a {name} byte-order mark but is not {name2}"),
    QT_TRANSLATE_NOOP("Errors", "{path}: binary file, not text"),
    QT_TRANSLATE_NOOP(
        "Errors", "{path}: cannot tell the encoding (tried UTF-8, UTF-16, GB18030, CP949, Big5); use --encoding"
    ),
    QT_TRANSLATE_NOOP("Errors", "no document matches {ref} (see `python -m reader list`)"),
    # reader/search: the query language and the index
    QT_TRANSLATE_NOOP("Errors", "missing closing quote {quote} in: {query}"),
    QT_TRANSLATE_NOOP("Errors", "empty query: type the words to look for"),
    QT_TRANSLATE_NOOP("Errors", "unexpected ) in: {query}"),
    QT_TRANSLATE_NOOP("Errors", "OR needs a word on both sides"),
    QT_TRANSLATE_NOOP("Errors", "{operator} needs a word after it"),
    QT_TRANSLATE_NOOP("Errors", "empty parentheses ()"),
    QT_TRANSLATE_NOOP("Errors", "missing ) in: {query}"),
    QT_TRANSLATE_NOOP("Errors", 'empty phrase ""'),
    QT_TRANSLATE_NOOP("Errors", "{name}: needs a value, e.g. {example}"),
    QT_TRANSLATE_NOOP("Errors", "lang: takes zh or ko, not {value}"),
    QT_TRANSLATE_NOOP("Errors", "is: takes 'annotated', not {value}"),
    QT_TRANSLATE_NOOP("Errors", "only a trailing * is supported (prefix*), not {value}"),
    QT_TRANSLATE_NOOP("Errors", "* must follow at least one character, e.g. 产业* or 산업*"),
    QT_TRANSLATE_NOOP("Errors", "nothing to search for: add a word (NOT alone excludes, it does not find)"),
    QT_TRANSLATE_NOOP("Errors", "language must be zh or ko, not {value}"),
    QT_TRANSLATE_NOOP("Errors", "the search index was closed"),
    QT_TRANSLATE_NOOP("Errors", "the search index is closed"),
    QT_TRANSLATE_NOOP("Errors", "the search index is being built ({done}/{total} sentences)"),
    QT_TRANSLATE_NOOP("Errors", "the search index cannot be used ({reason}): run `python -m reader reindex`"),
    QT_TRANSLATE_NOOP("Errors", "the number of hits must be at least 1"),
    QT_TRANSLATE_NOOP("Errors", "the search index is damaged and is being rebuilt; try again in a moment"),
    # reader/export: writing a briefing from the export dialog
    QT_TRANSLATE_NOOP("Errors", "{path}: is a folder, give a file name"),
    QT_TRANSLATE_NOOP("Errors", "{path}: the folder {folder} does not exist"),
    QT_TRANSLATE_NOOP("Errors", "{path}: already exists (use --force to overwrite it)"),
    QT_TRANSLATE_NOOP("Errors", "{path}: cannot write in {folder} ({reason})"),
    QT_TRANSLATE_NOOP("Errors", "{path}: could not be written ({reason})"),
    QT_TRANSLATE_NOOP("Errors", "{path}: cannot be written as PDF"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path}: not written: no Chinese or Korean font is installed, so the PDF's text would be blank; "
        "install Noto CJK ({package} on Debian and Ubuntu) and export again",
    ),
    QT_TRANSLATE_NOOP("Errors", "no annotations to export ({selection}): nothing was written"),
    # reader/store: a damaged database at start
    QT_TRANSLATE_NOOP(
        "Errors",
        "The database {path} is damaged ({problem}). It will be kept aside, not overwritten. "
        "The latest backup is from {stamp}: restore it?",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "The database {path} is damaged ({problem}). It will be kept aside, not overwritten. "
        "There is no backup: an empty database will be started.",
    ),
    # reader/text: web pages, HWP files and OCR
    QT_TRANSLATE_NOOP("Errors", "{path}: not a readable web archive (no HTML page inside)"),
    QT_TRANSLATE_NOOP("Errors", "{path}: web page has no main text that could be found"),
    QT_TRANSLATE_NOOP("Errors", "{path}: not a readable web page ({reason})"),
    QT_TRANSLATE_NOOP(
        "Errors", "{path}: not a readable HWP file (not an HWP 5.0 compound file; HWP 3 files are not read)"
    ),
    QT_TRANSLATE_NOOP("Errors", "{path}: not a readable HWP file (no FileHeader)"),
    QT_TRANSLATE_NOOP("Errors", "{path}: not a readable HWP file (bad FileHeader signature)"),
    QT_TRANSLATE_NOOP("Errors", "{path}: HWP version {version} is not read (only HWP 5.x)"),
    QT_TRANSLATE_NOOP("Errors", "{path}: not a readable HWP file ({reason})"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path}: HWP file is password-protected or DRM-secured; open it in Hangul and save it without protection",
    ),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path}: HWP file is a distribution document (배포용 문서) whose text is encrypted; ask for the original HWP or HWPX",
    ),
    QT_TRANSLATE_NOOP("Errors", "{path}: not a readable HWP file (no BodyText sections)"),
    QT_TRANSLATE_NOOP("Errors", "{path}: not a readable HWP file ({part} is damaged)"),
    QT_TRANSLATE_NOOP("Errors", "{path}: needs OCR, but Tesseract is not installed (package tesseract-ocr; {reason})"),
    QT_TRANSLATE_NOOP(
        "Errors", "{path}: needs OCR, but Tesseract lacks the language data: install {package} ({reason})"
    ),
    QT_TRANSLATE_NOOP("Errors", "{path}: no text was recognised in the image"),
    QT_TRANSLATE_NOOP("Errors", "{path}: needs OCR, but Tesseract does not run ({reason}; {detail})"),
    QT_TRANSLATE_NOOP("Errors", "{path}: cannot be recognised ({reason})"),
    QT_TRANSLATE_NOOP("Errors", "{path}: OCR of a page took more than {seconds} s; stopped"),
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path}: unsupported file type {suffix} (use .txt, .md, .docx, .pdf, .hwpx, .hwp, .html, .mhtml or an image)",
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "{path}: is an image; its text can only be recognised by OCR (import without --ocr never)"
    ),
    QT_TRANSLATE_NOOP("Errors", "{path}: PDF has no text layer (a scanned image?); import it with --ocr auto"),
    QT_TRANSLATE_NOOP("Errors", "{path}: no text was recognised on the scanned pages"),
    # reader/text/archive.py and loaders.py: zip packages (DOCX, HWPX, EPUB) and sizes
    QT_TRANSLATE_NOOP("Errors", "{path}: not a readable {kind} file (damaged or incomplete zip package: {reason})"),
    QT_TRANSLATE_NOOP("Errors", "{path}: not a readable {kind} file (damaged zip package: {reason})"),
    QT_TRANSLATE_NOOP("Errors", "{path}: {kind} package has {count} parts (at most {limit} are read)"),
    QT_TRANSLATE_NOOP("Errors", "{path}: {kind} package's XML would inflate to {size} (at most {limit})"),
    QT_TRANSLATE_NOOP("Errors", "{path}: {kind} package would inflate to {size} (at most {limit})"),
    QT_TRANSLATE_NOOP(
        "Errors", "{path}: {kind} part {part} would inflate to {size} (more than {limit}: a zip bomb or not a document)"
    ),
    QT_TRANSLATE_NOOP("Errors", "{path}: {kind} part {part} inflates {ratio} times (more than {limit}: a zip bomb)"),
    QT_TRANSLATE_NOOP("Errors", "{path}: {kind} part {part} uses an unsupported compression"),
    QT_TRANSLATE_NOOP("Errors", "{path}: {kind} part {part} holds more than the {size} it claims (a zip bomb)"),
    QT_TRANSLATE_NOOP("Errors", "{path}: DOCX file is too large to read"),
    QT_TRANSLATE_NOOP("Errors", "{path}: HWPX file is too large to read"),
    QT_TRANSLATE_NOOP("Errors", "{path}: PDF file is too large to read"),
    QT_TRANSLATE_NOOP(
        "Errors", "{path}: PDF is protected by a password; open it in a PDF reader and save a copy without one"
    ),
    QT_TRANSLATE_NOOP("Errors", "{path}: PDF uses an encryption this installation cannot read ({reason})"),
    # reader/text/scripts.py: what the user should know about an imported text
    QT_TRANSLATE_NOOP(
        "Errors",
        "{path}: the text looks Japanese ({share}% kana): Duizhao reads Chinese and Korean, so it was imported "
        "as Chinese and its alignment and search may be poor",
    ),
    # reader/text/pasted.py
    QT_TRANSLATE_NOOP("Errors", "{path}: too many pasted files named pasted-{stamp}"),
    # reader/store/versions.py and reader/compare: versions and comparisons
    QT_TRANSLATE_NOOP("Errors", "{ref} is an earlier version: it can be read and compared, not changed"),
    QT_TRANSLATE_NOOP("Errors", "{doc} has no version {number} (see `python -m reader versions {again}`)"),
    QT_TRANSLATE_NOOP("Errors", "{ref} is the only version of {doc}: delete the document instead"),
    QT_TRANSLATE_NOOP("Errors", "{doc} has no Chinese text to compare"),
    QT_TRANSLATE_NOOP("Errors", "{doc} has no Korean text to compare"),
    # reader/export/md_template.py: the user's Markdown template
    QT_TRANSLATE_NOOP("Errors", "{where}: the Markdown template has a mistake: {reason}"),
    QT_TRANSLATE_NOOP("Errors", "{where}: the Markdown template failed while writing: {reason}"),
    QT_TRANSLATE_NOOP("Errors", "{path}: not a Markdown template (larger than {size} kB)"),
    QT_TRANSLATE_NOOP("Errors", "{path}: no such template"),
    QT_TRANSLATE_NOOP("Errors", "{path}: is a folder, not a template"),
    QT_TRANSLATE_NOOP("Errors", "{path}: the Markdown template is not UTF-8 text"),
    QT_TRANSLATE_NOOP("Errors", "{path}: the Markdown template cannot be read ({reason})"),
    QT_TRANSLATE_NOOP("Errors", "{path}: already exists (add --force to replace it with the default)"),
    QT_TRANSLATE_NOOP("Errors", "{path}: the template could not be written ({reason})"),
    QT_TRANSLATE_NOOP("Errors", "--template is for the Markdown export, not {format}"),
    # reader/export/atomic.py and reader/search/index.py
    QT_TRANSLATE_NOOP(
        "Errors", "{path}: is inside the data directory {data} (the library's own files); choose another folder"
    ),
    QT_TRANSLATE_NOOP(
        "Errors", "{path}: is a file, not the search index folder; move it away and the index is rebuilt"
    ),
)

_FIELD = re.compile(r"\{(\w+)\}")


@cache
def _pattern(template: str) -> re.Pattern[str]:
    pieces, last = [], 0
    for field in _FIELD.finditer(template):
        pieces.append(re.escape(template[last : field.start()]))
        pieces.append(f"(?P<{field.group(1)}>.+?)")
        last = field.end()
    pieces.append(re.escape(template[last:]))
    return re.compile("".join(pieces), re.DOTALL)


def _fill(template: str, parts: dict[str, str]) -> str:
    return _FIELD.sub(lambda field: parts.get(field.group(1)) or "", template)


def template_of(message: str) -> str:
    """The template a message was made from ('' if none matches)."""
    for template in TEMPLATES:
        if _pattern(template).fullmatch(message):
            return str(template)
    return ""


def translate_error(message: str) -> str:
    """A core message in the UI language; several lines are translated one by one."""
    if "\n" in message:
        return "\n".join(translate_error(line) for line in message.split("\n"))
    for template in TEMPLATES:
        match = _pattern(template).fullmatch(message)
        if match:
            translated = QCoreApplication.translate(CONTEXT, str(template))
            return _fill(translated, match.groupdict())
    return message
