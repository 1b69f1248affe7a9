"""The signature and date indents (GB/T 9704 7.3.5.2), set from their lengths after rendering."""

from __future__ import annotations

from drafter.render.fonts import paragraph_style
from drafter.render.ooxml import AFTER_IND, PPR, P, T, w
from drafter.render.patterns import BODY_CHAR_TWIPS, DATE_STYLE, SIGNATURE_STYLE
from drafter.text.width import page_width


def _set_right_indent(p, chars: float) -> None:
    from lxml import etree

    ppr = p.find(PPR)
    if ppr is None:
        ppr = etree.Element(PPR)
        p.insert(0, ppr)
    ind = ppr.find(w("ind"))
    if ind is None:
        ind = etree.SubElement(ppr, w("ind"))
        for tag in AFTER_IND:
            later = ppr.find(w(tag))
            if later is not None:
                later.addprevious(ind)
                break
    ind.set(w("right"), str(round(chars * BODY_CHAR_TWIPS)))
    ind.set(w("rightChars"), str(round(chars * 100)))


def place_signature(body) -> None:
    """Signature two characters in from the right, the date's first character two characters right of
    the signature's; a longer date keeps two and pushes the signature left."""
    signature, dates = [], []
    for p in body.iter(P):
        style = paragraph_style(p)
        if style in (SIGNATURE_STYLE, DATE_STYLE):
            text = "".join(t.text or "" for t in p.iter(T))
            (signature if style == SIGNATURE_STYLE else dates).append((p, page_width(text)))
    if not signature or not dates:
        return
    sig_width = max(width for _, width in signature)
    date_width = max(width for _, width in dates)
    if sig_width - date_width >= 2:
        sig_right, date_right = 2.0, sig_width - date_width
    else:
        sig_right, date_right = date_width - sig_width + 4, 2.0
    for p, _ in signature:
        _set_right_indent(p, sig_right)
    for p, _ in dates:
        _set_right_indent(p, date_right)
