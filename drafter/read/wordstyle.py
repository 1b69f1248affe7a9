"""What Word's styles say about a paragraph: its heading level and whether its runs are bold."""

from __future__ import annotations

from drafter.read.patterns import HEADING_STYLE_RE


def style_chain(style):
    """The style and the styles it is based on, nearest first (a loop in the chain is cut)."""
    seen = set()
    while style is not None and id(style) not in seen:
        seen.add(id(style))
        yield style
        style = style.base_style


def _outline_level(ppr) -> int | None:
    if ppr is None:
        return None
    from docx.oxml.ns import qn

    el = ppr.find(qn("w:outlineLvl"))
    if el is None:
        return None
    try:
        value = int(el.get(qn("w:val")))
    except (TypeError, ValueError):
        return None
    return value + 1 if 0 <= value < 9 else None  # 9 means body text


def heading_level(paragraph) -> int | None:
    """1-9 from the paragraph's outline level or its (base) style's: Heading n, 标题 n, or an outline level."""
    from docx.exceptions import PythonDocxError

    level = _outline_level(paragraph._p.pPr)
    if level:
        return level
    try:
        styles = list(style_chain(paragraph.style))
    except (PythonDocxError, ValueError):
        return None  # a broken style reference: the outline step still sees the numbering
    for style in styles:
        m = HEADING_STYLE_RE.fullmatch((style.name or "").strip())
        if m:
            return int(m.group(1))
        level = _outline_level(style.element.pPr)
        if level:
            return level
    return None


def run_bold(run, paragraph) -> bool:
    """The run's own bold, else its character style's, else the paragraph style's."""
    from docx.exceptions import PythonDocxError

    try:
        if run.font.bold is not None:
            return bool(run.font.bold)
        for style in [*style_chain(run.style), *style_chain(paragraph.style)]:
            if style.font.bold is not None:
                return bool(style.font.bold)
    except (PythonDocxError, ValueError):
        pass  # an odd w:b value: bold is only a hint, so read it as plain
    return False
