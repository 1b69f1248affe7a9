"""The outline step: a report body (paragraphs) -> a tree of numbered headings.

`build_outline(body)` returns top-level Nodes. Paragraphs before the first heading come back as a
first Heading with marker None and heading None; every other Heading has a heading or a marker.
Heading.level is the depth in the tree (1 = top level), whatever numbering style sits there.

What counts as a heading:
- a paragraph that starts with a numbering marker: 一、 （一） 1. 1、 1． （1） ① 一是 第一部分 第一，
  (full- or half-width);
  each style gets its depth from where it first appears, so a report may start at （一） or put 1.
  directly under 一、; a running numbering (1.…26. across （一）…（十）) still nests under its （X）;
- inline 一是…二是… in a paragraph (after a sentence end): split into 一是 Nodes;
- a paragraph that Para.level (docx heading style, html <hN>) marks as a heading, or a short
  unnumbered line with no sentence end at all (body text always ends its sentences);
- in a report that numbers only its items, the unnumbered lines naming its parts (存在的问题, or a
  lead sentence closed by ： over an item 1.) are the outermost level;
- paragraph-lead headings: when every paragraph under a heading (but perhaps an opening one)
  starts with a short clause closed by 。, each becomes a sub-Heading headed by that clause (marker None).
A numbered heading that runs on into its text ("（一）着力增强法治思维意识。细化完善…") is split into
the heading (up to the first 。 or ；, or a short lead closed by ：) and a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.parse.nodes import Heading, Para
from drafter.parse.patterns import (
    COLON_LEAD_RE,
    DATE_OR_NUMBER_RE,
    HAN_RE,
    INLINE_SHI_RE,
    MARKERS,
    SENTENCE_END,
    STATEMENT_RE,
)
from drafter.text.numerals import from_chinese

HEADING_MAX = 35  # a heading clause closed by 。 is at most this long
BARE_HEADING_MAX = 80  # a heading line without any sentence end
LEAD_MAX = 25  # a paragraph-lead heading clause
BARE_LINE_MAX = 30  # an unnumbered line without sentence end, taken as a heading
LEAD_REST_MIN = 30  # the text a run-in heading leads


def _number(style: str, raw: str) -> int | None:
    if style in ("paren_num", "num"):
        return int(raw)
    if style == "circled":
        return ord(raw) - ord("①") + 1
    return from_chinese(raw)


@dataclass
class _Marked:
    style: str
    value: int
    marker: str  # as written
    rest: str  # the text after the marker


def match_marker(text: str) -> _Marked | None:
    """The numbering marker a paragraph starts with, if any."""
    for style, rx in MARKERS:
        m = rx.match(text)
        if not m:
            continue
        value = _number(style, m.group(1))
        if value is None or value == 0:
            continue
        marker = text[: m.end()].strip()
        rest = text[m.end() :].strip()
        if not rest and style == "shi":
            continue
        return _Marked(style, value, marker, rest)
    return None


def split_inline_shi(text: str) -> list[str]:
    """Cut a paragraph before each inline 一是/二是/三是… when they run in order from 一是.

    Returns [text] when there is no such run. Text before 一是 stays as the first piece.
    """
    hits = [(m.start(1), from_chinese(m.group(1))) for m in INLINE_SHI_RE.finditer(text)]
    cuts = []
    want = 1
    for pos, value in hits:
        if value == want:
            cuts.append(pos)
            want += 1
    if len(cuts) < 2:
        return [text]
    pieces = []
    prev = 0
    for pos in cuts:
        if pos > prev:
            pieces.append(text[prev:pos].strip())
        prev = pos
    pieces.append(text[prev:].strip())
    return [p for p in pieces if p]


def _first_clause(text: str) -> tuple[str, str] | None:
    """(clause, rest) where clause ends at the first sentence end; None if there is none."""
    for i, ch in enumerate(text):
        if ch in SENTENCE_END:
            return text[:i].strip(), text[i + 1 :].strip()
    return None


def _commas(text: str) -> int:
    return sum(text.count(c) for c in "，,")


def split_heading(text: str) -> tuple[str | None, str]:
    """A numbered paragraph's text -> (heading, paragraph text). Heading None if not heading-like."""
    text = text.strip()
    # 强化组织保障：成立领导小组… / 其他需要报告的情况：无。 — a short lead closed by a colon is the heading
    lead = COLON_LEAD_RE.match(text)
    if lead:
        return lead.group(1).strip(), lead.group(2).strip()
    cut = _first_clause(text)
    if cut is None:
        bare = text.rstrip("：:")
        if len(bare) <= BARE_HEADING_MAX:
            return bare, ""
        return None, text
    clause, rest = cut
    if clause and len(clause) <= HEADING_MAX and _commas(clause) <= 2:
        return clause.rstrip("：:"), rest
    return None, text


def _lead(text: str) -> tuple[str, str] | None:
    """A paragraph's lead clause if it looks like a run-in heading: short, closed by 。, no figures."""
    i = text.find("。")
    if i <= 0:
        return None
    clause, rest = text[:i].strip(), text[i + 1 :].strip()
    if len(clause) > LEAD_MAX or _commas(clause) > 1 or re.search(r"\d", clause):
        return None
    if any(ch in clause for ch in "；;：:！!？?"):
        return None
    # a statement, not a heading: 一年来，我们做了大量工作 / 但仍有差距
    if STATEMENT_RE.search(clause):
        return None
    if len(clause) < 4 or len(rest) < max(LEAD_REST_MIN, 2 * len(clause)):
        return None
    return clause, rest


def _apply_leads(node: Heading) -> None:
    """Turn a heading's paragraphs into sub-Nodes when all of them open with a run-in heading."""
    for child in node.children:
        _apply_leads(child)
    if node.children or len(node.paragraphs) < 2:
        return
    leads = [_lead(p) for p in node.paragraphs]
    intro = []
    if not leads[0] and len(leads) >= 4:
        # an opening paragraph (2024年，我区将…) before three or more run-in headed ones
        intro, leads = node.paragraphs[:1], leads[1:]
    if not all(leads):
        return
    node.children = [Heading(level=node.level + 1, marker=None, heading=h, paragraphs=[r]) for h, r in leads]
    node.paragraphs = intro


def is_bare_heading(para: Para) -> bool:
    """An unnumbered line that can only be a heading: short, no sentence end, not a date or label."""
    text = para.text.strip()
    limit = BARE_HEADING_MAX if para.bold else BARE_LINE_MAX
    if len(text) > limit or any(ch in text for ch in SENTENCE_END) or text.endswith(("：", ":")):
        return False
    if DATE_OR_NUMBER_RE.fullmatch(text) or not HAN_RE.search(text):
        return False
    return True


def _opens_run(body: list[Para], index: int) -> bool:
    """A one-clause line ending with ： right above an item numbered 1 (下一步，我区将重点做好以下工作：)."""
    text = body[index].text.strip()
    if len(text) > BARE_HEADING_MAX or not text.endswith(("：", ":")) or any(ch in text for ch in SENTENCE_END):
        return False
    following = next((p.text.strip() for p in body[index + 1 :] if p.text.strip()), "")
    marked = match_marker(following)
    return marked is not None and marked.value == 1


def _unnumbered_parts(body: list[Para]) -> set[int]:
    """Indices of unnumbered lines that name the parts of a report numbering only its items.

    Such a report heads its parts with short lines (主要举措和成效 / （一）… / 存在的问题) or lead
    sentences (一年来，我区主要做了以下工作： / 1.…). Two or more of them leading some text, the
    first before any numbered line and one after, each numbered run after one starting again at 1,
    make the outermost level. A lone one (主要表现在：) stays text, and so do sub-headings inside
    一、 二、 parts and a block of short lines above the text (a subtitle, page leftovers).
    """
    lines = []
    first_marked = None
    run_open = False  # a part line was seen and no numbered line after it yet
    for i, para in enumerate(body):
        marked = match_marker(para.text.strip())
        if marked:
            first_marked = i if first_marked is None else first_marked
            if run_open and marked.value != 1:
                return set()  # the numbering runs on across the line: it sits inside a part
            run_open = False
        elif para.level is None and (is_bare_heading(para) or _opens_run(body, i)):
            lines.append(i)
            run_open = True
    leading = [i for i in lines if i + 1 < len(body) and i + 1 not in lines]
    if len(leading) >= 2 and first_marked is not None and lines[0] < first_marked < lines[-1]:
        return set(lines)
    return set()


def _relevel(nodes: list[Heading], depth: int) -> None:
    for n in nodes:
        n.level = depth
        _relevel(n.children, depth + 1)


def build_outline(body: list[Para]) -> list[Heading]:
    """Top-level Nodes of the body; a leading Heading(marker=None, heading=None) holds text before the first heading."""
    root = Heading(level=0, marker=None, heading=None)
    intro = Heading(level=1, marker=None, heading=None)
    root.children.append(intro)
    stack: list[tuple[str, Heading]] = []  # open headings, outermost first: (style, node)
    rank: dict[str, int] = {}  # style -> order of first appearance
    last_value: dict[str, int] = {}  # style -> last number seen anywhere (running numbering)
    last_in: dict[tuple[str, int], int] = {}  # (style, id(parent)) -> last number under that parent

    def current() -> Heading:
        return stack[-1][1] if stack else intro

    def place(style: str, node: Heading, value: int | None) -> bool:
        """Put a heading Heading in the tree; False if its number does not fit the sequence."""
        if style in (s for s, _ in stack):
            keep = [s for s, _ in stack].index(style)
        else:
            keep = len(stack)
            if style in rank:
                while keep and rank[stack[keep - 1][0]] > rank[style]:
                    keep -= 1
        parent = stack[keep - 1][1] if keep else root
        if value is not None:
            prev = last_in.get((style, id(parent)))
            ok = value == 1 or (prev is not None and prev < value <= prev + 2)
            ok = ok or (prev is None and value == last_value.get(style, -9) + 1)
            # 二、 opening a line is a part heading even when part 一 went unnumbered
            ok = ok or (style == "cn" and not last_value.get(style) and not stack)
            if not ok:
                return False
            last_in[(style, id(parent))] = value
            last_value[style] = value
        del stack[keep:]
        rank.setdefault(style, len(rank))
        parent.children.append(node)
        stack.append((style, node))
        return True

    numbered = any(match_marker(p.text.strip()) for p in body)
    part_lines = _unnumbered_parts(body) if numbered else set()
    if part_lines:
        rank["part"] = 0
    for index, para in enumerate(body):
        text = para.text.strip()
        if not text:
            continue
        # An enumeration subdivides the heading it opens (（一）强化统筹。一是…二是…, or a part's
        # first paragraph 还存在一些差距：一是…). Before the first heading it is the preamble's text;
        # after a heading's own text, a closing summary's (还存在一些问题：一是…).
        opens = match_marker(text) is not None or not (current().paragraphs or current().children)
        statements = False  # once 一是 is a plain statement, the points after it in the paragraph are too
        for piece in split_inline_shi(text) if stack and opens else [text]:
            marked = match_marker(piece)
            if marked is None and piece is text:
                style = None
                if para.level is not None:
                    style = f"h{para.level}"
                elif index in part_lines:
                    style = "part"
                elif (stack or not numbered) and is_bare_heading(para):
                    # in a numbered report a bare line before the first heading is a subtitle or date
                    style = "bare"
                heading, rest = (text.rstrip("：:"), "") if style == "part" else split_heading(text)
                if style and heading is not None:
                    node = Heading(level=0, marker=None, heading=heading, paragraphs=[rest] if rest else [])
                    place(style, node, None)
                    continue
            if marked is not None:
                heading, rest = split_heading(marked.rest)
                if marked.style == "shi" and (not rest or statements):
                    # 一是 + one sentence is an enumerated statement, not a heading over text; so is a
                    # later point of the same run (三是…不够顺畅。主要原因是… closes the list, it is no body)
                    heading, rest = None, marked.rest
                if marked.style == "shi" and piece is not text:
                    statements = statements or heading is None
                node = Heading(level=0, marker=marked.marker, heading=heading, paragraphs=[rest] if rest else [])
                # A markup heading level vouches for the marker even if its number is out of sequence.
                if place(marked.style, node, marked.value) or (
                    para.level is not None and place(marked.style, node, None)
                ):
                    continue
            current().paragraphs.append(piece)

    for top in root.children:
        if top is not intro:
            _apply_leads(top)
    nodes = [n for n in root.children if n is not intro or n.paragraphs]
    _relevel(nodes, 1)
    return nodes
