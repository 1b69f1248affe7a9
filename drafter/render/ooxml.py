"""The WordprocessingML names the render step writes and reads, and text escaped for its XML."""

from __future__ import annotations

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
THEME_SLOTS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
# What follows w:ind in a w:pPr (the schema fixes the order).
AFTER_IND = ("jc", "textAlignment", "outlineLvl", "rPr", "sectPr", "pPrChange")


def w(tag: str) -> str:
    """A tag or attribute in the w: namespace, as lxml names it."""
    return f"{{{W}}}{tag}"


P, R, T, RPR, PPR, PSTYLE, RSTYLE, RFONTS, VAL = (
    w("p"), w("r"), w("t"), w("rPr"), w("pPr"), w("pStyle"), w("rStyle"), w("rFonts"), w("val"))


def escape(text: str) -> str:
    """Text safe in XML content and in a double-quoted attribute (xml.sax.saxutils imports urllib and email)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def val(parent, tag: str) -> str | None:
    """The w:val of `parent`'s child `tag`, if any."""
    if parent is None:
        return None
    el = parent.find(w(tag))
    return el.get(VAL) if el is not None else None
