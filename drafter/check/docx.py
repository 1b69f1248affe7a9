"""A rendered .docx read back: what each paragraph is, the parts its 一、 headings name, its text as blocks.

A .docx has no model, so its places are the paragraphs the document prints, counted: 第12段.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx.oxml.ns import qn

from drafter.check.blocks import Block
from drafter.check.layout import alignment, number, para_props
from drafter.check.patterns import (
    ATTACHMENT_MARK_RE,
    CJK_RE,
    CLOSING_START,
    DOC_NUMBER_RE,
    DUTIES_LEAD_RE,
    H1_RE,
    H2_RE,
    HEADING_STYLE_RE,
    LEAD_END_RE,
    RECIPIENT_END_RE,
    REFERENCE_MARK_RE,
    REPORT_WORDS_RE,
    ROLE_STYLES,
    RUNS_ON_RE,
    WHOLE,
    YEAR_RE,
)
from drafter.check.problems import ERROR, Problem
from drafter.errors import DrafterError
from drafter.files import MAX_DOCX_BYTES, read_input_bytes
from drafter.model.report import Report
from drafter.vocab import MANDATORY, PART, PARTS, REFERENCE


def open_docx(path: str | Path):
    """The document, or a DrafterError: an old .doc, a damaged zip, a zip bomb, a package that does not open."""
    from docx import Document

    from drafter.read.docx import BAD_DOCX, check_docx_zip

    data = read_input_bytes(path, MAX_DOCX_BYTES)
    check_docx_zip(data, Path(path))  # the reader's gate
    try:
        return Document(io.BytesIO(data))
    except Exception as exc:  # any failure to open the package means a damaged file, not a bug to show
        raise DrafterError(BAD_DOCX, path) from exc


def paragraph_kinds(doc) -> list[tuple[int, object, str]]:
    """(number among non-empty paragraphs, paragraph, kind): title, recipient, centered, closing, attachment, h1, h2, body."""
    out = []
    in_title, recipient_done, closing = True, False, False
    for paragraph in doc.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        n = len(out) + 1
        role = ROLE_STYLES.get(paragraph.style.name if paragraph.style is not None else "")
        align = alignment(para_props(paragraph, doc))
        centered = align == "center"
        if role is None and DOC_NUMBER_RE.search(text) and len(text) <= 30:
            role = "centered"
        if role is None and ATTACHMENT_MARK_RE.fullmatch(text):
            role = "attachment"
        if role is None and in_title and (centered or n == 1):
            role = "title"
        elif role is None and not recipient_done and RECIPIENT_END_RE.search(text) and len(text) <= 40:
            role = "recipient"  # the first line under the title, ending with a colon
        in_title = in_title and role in ("title", "centered", "banner")
        recipient_done = recipient_done or not in_title
        if role:
            out.append((n, paragraph, role))
            continue
        if text.startswith(CLOSING_START):
            closing = True
            out.append((n, paragraph, "body"))
        elif align in ("right", "end") or closing:
            out.append((n, paragraph, "closing"))
        elif centered:
            out.append((n, paragraph, "centered"))
        else:
            out.append((n, paragraph, _heading_kind(paragraph, doc, text)))
    return out


def _heading_kind(paragraph, doc, text: str) -> str:
    """h1 (一、, 黑体) or h2 (（一）, 楷体) by the style's outline level, else by a numbered line of its own."""
    level = None
    for ppr in para_props(paragraph, doc):
        outline = ppr.find(qn("w:outlineLvl"))
        if outline is not None:
            level = (number(outline.get(qn("w:val"))) or 0) + 1
            break
    if level is None:
        m = HEADING_STYLE_RE.search(paragraph.style.name if paragraph.style is not None else "")
        level = int(m.group(1)) if m else None
    standalone = len(text) <= 30 and not RUNS_ON_RE.search(text)
    if H1_RE.match(text) and (level == 1 or level is None and standalone):
        return "h1"
    if H2_RE.match(text) and (level == 2 or level is None and standalone):
        return "h2"
    return "body"


def docx_year(kinds, prior: Report | None) -> int | None:
    """The year reported on: from the title (or, in a pasted web page, the first line naming the report)."""
    lines = [p.text for _n, p, kind in kinds if kind == "title"] + [p.text for _n, p, _k in kinds[:12]]
    for text in lines:
        m = YEAR_RE.search(text)
        if m and REPORT_WORDS_RE.search(text):
            return int(m.group(1))
    prior_year = prior.meta.year if prior is not None else None
    return prior_year + 1 if prior_year else None


def docx_blocks(kinds, year: int | None) -> tuple[list[Block], set[str]]:
    """The paragraphs as blocks, each in the part its 一、 heading names; and the parts found."""
    from drafter.parse.classify import classify_heading

    blocks, section, found = [], "preamble", set()
    for n, paragraph, kind in kinds:
        if kind == "recipient":
            continue
        text = paragraph.text.strip()
        if kind == "title":
            blocks.append(Block(f"第{n}段", "title", text, heading=True, raw=text))
            continue
        if kind == "h1":
            part = classify_heading(H1_RE.sub("", text), year)
            if part == "combined":  # 存在的问题和下一步打算
                found |= {"shortcomings", "plan"}
                section = "shortcomings"
            elif part in PARTS:
                found.add(part)
                section = part
            elif section == "preamble":
                section = "measures"  # a thematic first part reports measures
                found.add("measures")
        elif kind == "closing" or text.startswith(CLOSING_START):
            section = "closing"
        status = REFERENCE if _is_reference(paragraph, text) else None
        blocks.append(Block(f"第{n}段", section, text, heading=kind in ("h1", "h2"), status=status, raw=text))
    return blocks, found


def _is_reference(paragraph, text: str) -> bool:
    """Last year's text the renderer kept for the clerk: after its mark, or tinted as reference."""
    from drafter.render.patterns import REFERENCE_HIGHLIGHT

    if REFERENCE_MARK_RE.search(text):
        return True
    for run in paragraph.runs:
        rpr = run._r.rPr
        mark = rpr.find(qn("w:highlight")) if rpr is not None else None
        if mark is not None and mark.get(qn("w:val")) == REFERENCE_HIGHLIGHT and CJK_RE.search(run.text or ""):
            return True
    return False


def docx_missing_parts(blocks: list[Block], found: set[str]) -> list[Problem]:
    """A mandatory part with neither its heading nor the sentences that report it."""
    from drafter.parse.classify import split_paragraph

    texts = [b.text for b in blocks if b.section not in ("title", "closing") and not b.heading]
    present = set(found)
    leads = [LEAD_END_RE.split(t, maxsplit=1)[0] for t in texts]
    if any(len(lead) <= 60 and DUTIES_LEAD_RE.search(lead) for lead in leads):
        present.add("duties")
    if any(split_paragraph(t, True, False)[1] for t in texts):
        present.add("shortcomings")  # 虽然取得…成绩，但也还存在一些不足…
    if any(split_paragraph(t, False, True)[2] for t in texts):
        present.add("plan")  # 下一步，我们将…
    return [Problem("missing_part", ERROR, WHOLE, f"没有找到“{PART[key].short}”部分：国家规定报告须包含这部分；请确认报告包含这部分内容")
            for key in MANDATORY if key not in present]


def other_blocks(doc) -> list[Block]:
    """What a reader sees outside the body's paragraphs: tables (the appendix), headers, footers, comments."""
    blocks: list[Block] = []

    def add(place: str, section: str, paragraphs) -> None:
        for paragraph in paragraphs:
            text = paragraph.text.strip()
            if text:
                blocks.append(Block(place, section, text, raw=text))

    for t, table in enumerate(doc.tables, 1):
        seen = set()  # the cells' elements, held so that each keeps its identity
        for r, row in enumerate(table.rows, 1):
            for c, cell in enumerate(row.cells, 1):
                if cell._tc in seen:
                    continue  # a merged cell comes back for each column it spans
                seen.add(cell._tc)
                add(f"表格{t} 第{r}行第{c}列", "table", cell.paragraphs)
    for s, section in enumerate(doc.sections, 1):
        for where, part in (("页眉", section.header), ("页脚", section.footer),
                            ("首页页眉", section.first_page_header), ("首页页脚", section.first_page_footer)):
            if not part.is_linked_to_previous:
                add(f"第{s}节{where}", "margin", part.paragraphs)
    for comment in _comments(doc):
        add(f"批注{comment.comment_id + 1}", "comment", comment.paragraphs)
    return blocks


def _comments(doc) -> list:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    if not any(rel.reltype == RT.COMMENTS for rel in doc.part.rels.values()):
        return []  # asking for doc.comments would add an empty part
    return list(doc.comments)
