"""The GB/T 9704-2012 layout of a .docx: each run's face and size, each paragraph's indent, as Word resolves them."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from docx.oxml.ns import qn

from drafter.check.patterns import (
    BODY_HALF_POINTS,
    CJK_RE,
    FACES,
    KIND_NAMES,
    TEMPLATE_ROLES,
    TITLE_HALF_POINTS,
    TYPED_INDENT_RE,
)
from drafter.check.problems import ERROR, Problem


def style_chain(style):
    while style is not None:
        yield style.element
        style = style.base_style


def _defaults(doc, tag: str):
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    holder = defaults.find(qn(tag)) if defaults is not None else None
    return holder[0] if holder is not None and len(holder) else None


def run_props(run, paragraph, doc) -> list:
    """rPr elements from the run outwards: run, character style, paragraph style, document defaults."""
    chain = [run._r.rPr]
    if run._r.rPr is not None and run._r.rPr.rStyle is not None:
        chain += [s.rPr for s in style_chain(run.style)]
    chain += [s.rPr for s in style_chain(paragraph.style)]
    chain.append(_defaults(doc, "w:rPrDefault"))
    return [e for e in chain if e is not None]


def para_props(paragraph, doc) -> list:
    chain = [paragraph._p.pPr] + [s.pPr for s in style_chain(paragraph.style)]
    chain.append(_defaults(doc, "w:pPrDefault"))
    return [e for e in chain if e is not None]


def east_asian_face(props: list) -> tuple[str | None, str | None]:
    """('name', 仿宋_GB2312), ('theme', minorEastAsia) or (None, None)."""
    for rpr in props:
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            continue
        if fonts.get(qn("w:eastAsiaTheme")):
            return "theme", fonts.get(qn("w:eastAsiaTheme"))
        if fonts.get(qn("w:eastAsia")):
            return "name", fonts.get(qn("w:eastAsia"))
    return None, None


def number(value: str | None) -> int | None:
    """An attribute's number; None when a damaged file wrote something else."""
    try:
        return int(float(value))
    except (TypeError, ValueError, OverflowError):
        return None


def _size(props: list) -> int | None:
    for rpr in props:
        sz = rpr.find(qn("w:sz"))
        if sz is not None and sz.get(qn("w:val")):
            return number(sz.get(qn("w:val")))
    return None


def alignment(props: list) -> str | None:
    for ppr in props:
        jc = ppr.find(qn("w:jc"))
        if jc is not None:
            return jc.get(qn("w:val"))
    return None


def _indent(props: list) -> dict:
    """First-line and left indent attributes, each from the nearest level that sets it."""
    out: dict = {}
    first_line = ("firstLineChars", "firstLine", "hangingChars", "hanging")
    left = ("leftChars", "left", "startChars", "start")
    for group in (first_line, left):
        for ppr in props:
            ind = ppr.find(qn("w:ind"))
            found = {a: ind.get(qn(f"w:{a}")) for a in group if ind is not None and ind.get(qn(f"w:{a}")) is not None}
            if found:
                out.update({a: number(v) or 0 for a, v in found.items()})
                break
    return out


@lru_cache(maxsize=1)
def faces() -> dict[str, tuple[str, ...]]:
    """The GB/T 9704 faces, with the names the built-in template gives them (what `drafter render` writes)."""
    from docx import Document

    from drafter.render.template import resolve_template

    found = {family: list(names) for family, names in FACES.items()}
    styles = Document(resolve_template(None)).styles
    for style in styles:
        family = TEMPLATE_ROLES.get(style.name)
        if family:
            kind, face = east_asian_face([s.rPr for s in style_chain(style) if s.rPr is not None])
            if kind == "name" and face not in found[family]:
                found[family].append(face)
    return {family: tuple(names) for family, names in found.items()}


def _family(face: str) -> str | None:
    return next((family for family, names in faces().items() if face in names), None)


def _expected_faces(kind: str, index: int, runs: int) -> tuple[str, ...]:
    if kind == "title":
        return ("小标宋",)
    if kind == "attachment":
        return ("黑体",)
    if kind == "h1":
        return ("黑体",) if index == 0 else ("仿宋", "黑体")
    if kind == "h2":
        return ("楷体",) if index == 0 else ("仿宋", "楷体")
    if index == 0 and runs > 1:  # a lead phrase set off in 黑体 or 楷体
        return ("仿宋", "黑体", "楷体")
    return ("仿宋",)


def _face_problem(face_kind, face, allowed) -> str | None:
    wanted = "或".join(f"{f}（{FACES[f][0]}）" if FACES[f][0] != f else f for f in allowed)
    if face_kind == "theme":
        return f"中文字体取自主题（{face}），Word/WPS 会换用其他字体；应直接指定{wanted}"
    if face_kind is None:
        return f"没有指定中文字体，将显示为默认字体；应为{wanted}"
    if _family(face) not in allowed:
        return f"中文字体为“{face}”，应为{wanted}"
    return None


def _indent_faults(paragraph, doc, runs) -> list[str]:
    """Two characters of first-line indent (of the run's size), no hanging or left indent."""
    ind = _indent(para_props(paragraph, doc))
    size = _size(run_props(runs[0], paragraph, doc)) if runs else None
    twips = (size or BODY_HALF_POINTS) * 20  # two characters of the run's size
    if "firstLineChars" in ind:
        ok = 180 <= ind["firstLineChars"] <= 220
    else:
        ok = abs(ind.get("firstLine", 0) - twips) <= twips * 0.1
    if ind.get("hanging") or ind.get("hangingChars"):
        ok = False
    faults = [] if ok else ["段落首行没有缩进两个字符"]
    if any(ind.get(a) for a in ("leftChars", "left", "startChars", "start")):
        faults.append("段落有左缩进，回行应顶格")
    return faults


def layout_problems(doc, paragraphs: list[tuple[int, object, str]]) -> list[Problem]:
    """Fonts, sizes and indents of the body, one problem per kind of fault with the paragraphs it hits."""
    found: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, paragraph, kind in paragraphs:
        runs = [r for r in paragraph.runs if CJK_RE.search(r.text or "")]
        if kind == "banner":
            continue  # the 版头's red organ mark and 楷体 signer follow rules of their own
        what = KIND_NAMES.get(kind, "正文")
        for i, run in enumerate(runs):
            props = run_props(run, paragraph, doc)
            message = _face_problem(*east_asian_face(props), _expected_faces(kind, i, len(runs)))
            if message:
                found[("docx_font", what + message)].append(n)
            size = _size(props)
            wanted = TITLE_HALF_POINTS if kind == "title" else BODY_HALF_POINTS
            if size != wanted:
                have = f"{size / 2:g} 磅" if size else "未设置"
                found[("docx_font", f"{what}字号为{have}，应为{'二号（22 磅）' if kind == 'title' else '三号（16 磅）'}")].append(n)
        if kind in ("title", "centered", "recipient", "closing", "attachment"):
            continue
        if TYPED_INDENT_RE.match(paragraph.text):
            continue  # indented with spaces typed in: it reads right
        for fault in _indent_faults(paragraph, doc, runs):
            found[("docx_indent", fault)].append(n)
    problems = []
    for (kind, message), numbers in found.items():
        numbers = sorted(set(numbers))
        shown = "、".join(str(n) for n in numbers[:8])
        place = f"第{shown}段" + (f"等共{len(numbers)}段" if len(numbers) > 8 else "")
        problems.append(Problem(kind, ERROR, place,
                                f"{message}：不合 GB/T 9704-2012 的公文格式，会被退回修改；请在 Word 中改正"))
    return problems
