"""Real Word footnotes (각주) for python-docx documents.

python-docx reads and writes no footnotes, so the part is made here as Word makes it:
``word/footnotes.xml`` related from the document part, opening with the separator and
continuation-separator footnotes (ids -1 and 0, named in ``w:settings/w:footnotePr``), then one ``w:footnote`` per note,
whose first run is the ``w:footnoteRef`` mark; the text carries a
``w:footnoteReference`` run in the ``Footnote Reference`` style (superscript). Word
and LibreOffice number the marks themselves, in the order they appear, and print
the notes at the foot of the page they are on.
"""

from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph

TEXT_STYLE = "Footnote Text"
REFERENCE_STYLE = "Footnote Reference"

_SEPARATORS = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    "</w:footnotes>"
)


#: What follows ``w:footnotePr`` in ``w:settings`` (the schema's order).
_AFTER_FOOTNOTE_PR = (
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
    "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
    "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)  # fmt: skip


class _Story:
    """What a Paragraph in the footnotes part asks its parent for: the part (hyperlinks
    are related from it)."""

    def __init__(self, part):
        self.part = part


class Footnotes:
    """The footnotes of one document: ``add`` puts a reference after a paragraph's runs
    and returns the new footnote's first paragraph to fill."""

    def __init__(self, document):
        self.document = document
        self.part = XmlPart(
            PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, parse_xml(_SEPARATORS), document.part.package
        )
        document.part.relate_to(self.part, RELATIONSHIP_TYPE.FOOTNOTES)
        self._story = _Story(self.part)
        self.count = 0
        # settings.xml names the separators, as Word writes it
        properties = OxmlElement("w:footnotePr")
        for number in ("-1", "0"):
            separator = OxmlElement("w:footnote")
            separator.set(qn("w:id"), number)
            properties.append(separator)
        document.settings.element.insert_element_before(properties, *_AFTER_FOOTNOTE_PR)
        styles = document.styles
        names = {style.name for style in styles}
        if TEXT_STYLE not in names:
            text = styles.add_style(TEXT_STYLE, WD_STYLE_TYPE.PARAGRAPH)
            text.base_style = styles["Normal"]
            text.font.size = Pt(9)
            text.paragraph_format.space_after = Pt(0)
            text.paragraph_format.line_spacing = 1.15
        if REFERENCE_STYLE not in names:
            reference = styles.add_style(REFERENCE_STYLE, WD_STYLE_TYPE.CHARACTER)
            reference.font.superscript = True

    def _style_id(self, name: str) -> str:
        return self.document.styles[name].style_id

    def add(self, paragraph: Paragraph) -> Paragraph:
        self.count += 1
        number = str(self.count)
        run = paragraph.add_run()
        run._r.get_or_add_rPr().style = self._style_id(REFERENCE_STYLE)
        reference = OxmlElement("w:footnoteReference")
        reference.set(qn("w:id"), number)
        run._r.append(reference)

        footnote = OxmlElement("w:footnote")
        footnote.set(qn("w:id"), number)
        self.part.element.append(footnote)
        first = self.paragraph(footnote)
        mark = first.add_run()
        mark._r.get_or_add_rPr().style = self._style_id(REFERENCE_STYLE)
        mark._r.append(OxmlElement("w:footnoteRef"))
        first.add_run(" ")
        return first

    def paragraph(self, footnote) -> Paragraph:
        """A new paragraph at the end of a footnote (``w:footnote`` element), in the footnote style."""
        p = OxmlElement("w:p")
        footnote.append(p)
        p.get_or_add_pPr().style = self._style_id(TEXT_STYLE)  # by id: the footnotes part has no style look-up
        return Paragraph(p, self._story)  # type: ignore[arg-type]  # the story gives the part


def footnote_texts(document) -> dict[int, str]:
    """The footnotes of a saved-and-read document by id (separators left out): for tests and readers."""
    part = document.part.part_related_by(RELATIONSHIP_TYPE.FOOTNOTES)
    element = parse_xml(part.blob) if not hasattr(part, "element") else part.element
    texts = {}
    for footnote in element.iter(qn("w:footnote")):
        number = int(footnote.get(qn("w:id")))
        if number > 0:
            texts[number] = "\n".join(
                "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in footnote.iter(qn("w:p"))
            )
    return texts


__all__ = ["Footnotes", "footnote_texts"]
