"""The second pass's edition work: the 发文机关标志 sized to its line, highlights off in a clean copy."""

from __future__ import annotations

from drafter.render.fonts import paragraph_style
from drafter.render.ooxml import RPR, P, R, T, w
from drafter.render.patterns import BANNER_MAX_PT, BANNER_STYLE, TEXT_BLOCK_PT
from drafter.text.width import page_width


def fit_banner(body) -> None:
    """The organ's name on one line: 初号 at most (15 mm a character), smaller for a long name."""
    from lxml import etree

    for p in body.iter(P):
        if paragraph_style(p) != BANNER_STYLE:
            continue
        text = "".join(t.text or "" for t in p.iter(T))
        chars = max(page_width(text), 1)
        half_points = str(min(BANNER_MAX_PT * 2, int(TEXT_BLOCK_PT * 2 / chars)))
        for r in p.iter(R):
            rpr = r.find(RPR)
            if rpr is None:
                rpr = etree.SubElement(r, RPR)
                r.insert(0, rpr)
            for tag in ("sz", "szCs"):
                el = rpr.find(w(tag))
                if el is None:
                    el = etree.SubElement(rpr, w(tag))
                el.set(w("val"), half_points)


def strip_highlights(body) -> None:
    """A copy sent up or published carries no highlight."""
    for el in list(body.iter(w("highlight"))):
        el.getparent().remove(el)
