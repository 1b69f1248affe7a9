"""Word comments on the anchored runs: each filled figure's change, last year's text of an item."""

from __future__ import annotations

from drafter.render.fonts import Fonts, paragraph_style
from drafter.render.ooxml import FONT_SLOTS, RFONTS, W, escape, w
from drafter.render.patterns import COMMENT_AUTHOR, COMMENT_INITIALS, COMMENT_REFERENCE_STYLE, COMMENT_TEXT_STYLE


def _comment_xml(cid: int, paragraphs: list[str], faces: dict) -> str:
    fonts = "".join(f' w:{slot}="{escape(faces[slot])}"' for slot in FONT_SLOTS if slot in faces)
    rfonts = f"<w:rFonts{fonts}/>" if fonts else ""
    body = []
    for i, text in enumerate(paragraphs):
        ref = (f'<w:r><w:rPr><w:rStyle w:val="{COMMENT_REFERENCE_STYLE}"/>{rfonts}</w:rPr><w:annotationRef/></w:r>'
               if i == 0 else "")
        body.append(f'<w:p><w:pPr><w:pStyle w:val="{COMMENT_TEXT_STYLE}"/></w:pPr>{ref}'
                    f'<w:r><w:rPr>{rfonts}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')
    return (f'<w:comment w:id="{cid}" w:author="{COMMENT_AUTHOR}" w:initials="{COMMENT_INITIALS}">'
            + "".join(body) + "</w:comment>")


def add_comments(document, anchors: list, comments: list[list[str]], fonts: Fonts) -> None:
    """Comments (paragraphs each) on the anchored runs, written as XML in one go (python-docx's API is slow)."""
    from docx.oxml.parser import parse_xml
    from lxml import etree

    part = document.part._comments_part  # python-docx 1.2 creates the part on first use
    root = part.element
    used = [int(c.get(w("id"))) for c in root.iter(w("comment"))]
    next_id = max(used, default=-1) + 1
    faces = fonts.resolve(COMMENT_TEXT_STYLE, None)
    xml = []
    for index, r, p in sorted(anchors, key=lambda a: a[0]):
        cid = str(next_id)
        next_id += 1
        start = etree.Element(w("commentRangeStart"))
        start.set(w("id"), cid)
        r.addprevious(start)
        end = etree.Element(w("commentRangeEnd"))
        end.set(w("id"), cid)
        ref = etree.Element(w("r"))
        rpr = etree.SubElement(ref, w("rPr"))
        etree.SubElement(rpr, w("rStyle")).set(w("val"), COMMENT_REFERENCE_STYLE)
        ref_fonts = etree.SubElement(rpr, RFONTS)
        for slot, face in fonts.resolve(paragraph_style(p), COMMENT_REFERENCE_STYLE).items():
            ref_fonts.set(w(slot), face)
        etree.SubElement(ref, w("commentReference")).set(w("id"), cid)
        r.addnext(end)
        end.addnext(ref)
        xml.append(_comment_xml(int(cid), comments[index], faces))
    parsed = parse_xml(f'<w:comments xmlns:w="{W}">' + "".join(xml) + "</w:comments>")
    for comment in list(parsed):
        root.append(comment)
