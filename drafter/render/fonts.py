"""The second pass on the rendered document: every run names the four faces its style gives.

Word and WPS fall back to another face for a slot a run leaves to the theme; so each run gets
ascii, hAnsi, eastAsia and cs from its character and paragraph styles, down to the defaults.
"""

from __future__ import annotations

from drafter.render.ooxml import FONT_SLOTS, PPR, PSTYLE, RFONTS, RPR, RSTYLE, THEME_SLOTS, VAL, P, R, T, w
from drafter.render.patterns import ANCHOR_STYLE

_SLOT_KEYS = tuple((slot, w(slot)) for slot in FONT_SLOTS)
_THEME_KEYS = tuple(w(slot) for slot in THEME_SLOTS)


class Fonts:
    """Each style's four faces, resolved through basedOn down to the document defaults."""

    def __init__(self, styles_element):
        self.styles = {}
        self.default_para = None
        self.defaults = {}
        if styles_element is not None:
            for st in styles_element.iter(w("style")):
                self.styles[st.get(w("styleId"))] = st
                if st.get(w("type")) == "paragraph" and st.get(w("default")) in ("1", "true", "on"):
                    self.default_para = st.get(w("styleId"))
            rfonts = styles_element.find(f"{w('docDefaults')}/{w('rPrDefault')}/{RPR}/{RFONTS}")
            self.defaults = self._slots(rfonts)
        self.cache: dict = {}

    @staticmethod
    def _slots(rfonts) -> dict:
        if rfonts is None:
            return {}
        return {slot: rfonts.get(key) for slot, key in _SLOT_KEYS if rfonts.get(key)}

    def _chain(self, style_id, seen=()):
        out = {}
        while style_id and style_id in self.styles and style_id not in seen:
            seen = (*seen, style_id)
            st = self.styles[style_id]
            for slot, face in self._slots(st.find(f"{RPR}/{RFONTS}")).items():
                out.setdefault(slot, face)
            based = st.find(w("basedOn"))
            style_id = based.get(VAL) if based is not None else None
        return out

    def resolve(self, para_style, run_style) -> dict:
        key = (para_style, run_style)
        if key not in self.cache:
            out = self._chain(run_style)
            for slot, face in self._chain(para_style or self.default_para).items():
                out.setdefault(slot, face)
            for slot, face in self.defaults.items():
                out.setdefault(slot, face)
            # A slot still empty takes the East Asian (or any) face: never leave one to a theme.
            fallback = out.get("eastAsia") or next(iter(out.values()), None)
            if fallback:
                for slot in FONT_SLOTS:
                    out.setdefault(slot, fallback)
            self.cache[key] = out
        return self.cache[key]


def paragraph_style(p) -> str | None:
    ppr = p.find(PPR)
    pstyle = ppr.find(PSTYLE) if ppr is not None else None
    return pstyle.get(VAL) if pstyle is not None else None


def fix_runs(element, fonts: Fonts, anchors: list | None = None) -> None:
    """Put all four faces on every run; collect (index, run, paragraph) of comment anchors."""
    from lxml import etree

    for p in element.iter(P):
        para_style = paragraph_style(p)
        for r in list(p.iter(R)):
            if len(r) == 1 and r[0].tag == T and not r[0].text and anchors is not None:
                r.getparent().remove(r)  # the empty runs docxtpl leaves around each tag
                continue
            rpr = r.find(RPR)
            if rpr is None:
                rpr = etree.Element(RPR)
                r.insert(0, rpr)
            rstyle = rpr.find(RSTYLE)
            run_style = None
            if rstyle is not None:
                run_style = rstyle.get(VAL)
                if run_style and run_style.startswith(ANCHOR_STYLE):
                    if anchors is not None:
                        anchors.append((int(run_style[len(ANCHOR_STYLE):]), r, p))
                    rpr.remove(rstyle)
                    rstyle = run_style = None
            faces = fonts.resolve(para_style, run_style)
            rfonts = rpr.find(RFONTS)
            if rfonts is None:
                rfonts = etree.Element(RFONTS)
                rpr.insert(1 if rstyle is not None else 0, rfonts)
            else:
                for key in _THEME_KEYS:
                    if key in rfonts.attrib:
                        del rfonts.attrib[key]
            for slot, key in _SLOT_KEYS:
                if slot in faces and not rfonts.get(key):
                    rfonts.set(key, faces[slot])
