"""Word's automatic list numbers (一、 （一） 1.), which a paragraph's own text does not hold."""

from __future__ import annotations

from drafter.read.patterns import CHINESE_COUNTING, LEVEL_REF_RE
from drafter.read.wordstyle import style_chain
from drafter.text.numerals import to_chinese, to_chinese_digits


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _format_number(n: int, fmt: str) -> str:
    if fmt in CHINESE_COUNTING:
        return to_chinese(n)
    if fmt == "ideographDigital":
        return to_chinese_digits(n)
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "decimalFullWidth":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    return str(n)


class ListNumbers:
    """The list definitions of one document, and each list's count so far as its paragraphs are read."""

    def __init__(self, document):
        from docx.oxml.ns import qn

        self.qn = qn
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId -> ilvl -> (numFmt, lvlText, start)
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # no numbering part: no automatic numbers
        abstract = {a.get(qn("w:abstractNumId")): self._read_levels(a) for a in root.findall(qn("w:abstractNum"))}
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = dict(abstract.get(ref.get(qn("w:val")) if ref is not None else None, {}))
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = self._int(override.get(qn("w:ilvl")), 0)
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:
                    levels.update(self._read_levels(override))
                start = override.find(qn("w:startOverride"))
                if start is not None and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, self._int(start.get(qn("w:val")), 1))
            self.levels[num.get(qn("w:numId"))] = levels

    @staticmethod
    def _int(value, default: int) -> int:
        try:
            return int(value)
        except (TypeError, ValueError):
            return default

    def _read_levels(self, parent) -> dict[int, tuple[str, str, int]]:
        qn = self.qn
        levels = {}
        for lvl in parent.findall(qn("w:lvl")):
            def val(tag, default, lvl=lvl):
                el = lvl.find(qn(tag))
                return el.get(qn("w:val"), default) if el is not None else default

            levels[self._int(lvl.get(qn("w:ilvl")), 0)] = (
                val("w:numFmt", "decimal"), val("w:lvlText", ""), self._int(val("w:start", "1"), 1)
            )
        return levels

    def _num_pr(self, paragraph):
        """(numId, ilvl) set on the paragraph or, failing that, on its style."""
        qn = self.qn
        sources = [paragraph._p.pPr]
        from docx.exceptions import PythonDocxError

        try:
            sources += [style.element.pPr for style in style_chain(paragraph.style)]
        except (PythonDocxError, ValueError):
            pass  # a broken style reference: only the paragraph's own setting counts
        num_id = ilvl = None
        for ppr in sources:
            num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
            if num_pr is None:
                continue
            if num_id is None and num_pr.find(qn("w:numId")) is not None:
                num_id = num_pr.find(qn("w:numId")).get(qn("w:val"))
            if ilvl is None and num_pr.find(qn("w:ilvl")) is not None:
                ilvl = self._int(num_pr.find(qn("w:ilvl")).get(qn("w:val")), 0)
        return num_id, ilvl or 0

    def label(self, paragraph) -> str:
        """The number Word prints before this paragraph ("" for none); counts on, so call it in document order."""
        if not self.levels:
            return ""
        num_id, ilvl = self._num_pr(paragraph)
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""  # numId 0 or unknown: numbering switched off
        fmt, text, _ = levels[ilvl]
        if fmt in ("bullet", "none") or not text:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 10)
        for level in range(ilvl):
            if counters[level] == 0 and level in levels:
                counters[level] = levels[level][2]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else levels[ilvl][2]
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0
        return LEVEL_REF_RE.sub(
            lambda m: _format_number(counters[int(m.group(1)) - 1], levels.get(int(m.group(1)) - 1, (fmt,))[0]),
            text,
        )
