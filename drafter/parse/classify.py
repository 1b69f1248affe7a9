"""The classify step: outline Nodes -> preamble + the five standard parts of the schema.

Top-level headings are scored against keyword groups (on jieba tokens, and on the heading text for
longer phrases). A heading that scores for no part is thematic (驻马店's nine parts): it is an
item of the part before it, or of measures when it comes first. A part the report has no heading
for may sit inside a paragraph at the end of another part ("虽然取得…成绩，但也还存在一些不足…",
"下一步，我们将…"): those sentences are cut out into shortcomings / plan.
"""

from __future__ import annotations

from drafter.model.report import Item, Section
from drafter.parse.nodes import Heading
from drafter.parse.patterns import HEADING_YEAR_RE, KEYWORDS, PLAN_START_RE, SENTENCE_RE, SHORTCOMING_RE
from drafter.text.words import cut as cut_words
from drafter.vocab import PARTS

THRESHOLD = 3  # a heading scoring less than this for every part is thematic
STRONG = 5  # a match this strong holds wherever the heading stands


def _item(node: Heading) -> Item:
    return Item(heading=node.heading, paragraphs=list(node.paragraphs), items=[_item(c) for c in node.children])


def score_heading(heading: str, report_year: int | None = None) -> dict:
    """Score of a top-level heading for each part."""
    tokens = [t for t in cut_words(heading) if t.strip()]
    # words as jieba cuts them, compounds such as 工作思路, and runs it cut apart (下|步, 下|一|年度)
    words_seen = set(tokens)
    for size in (2, 3):
        words_seen.update("".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1))
    scores = {}
    for part, words in KEYWORDS.items():
        total = 0
        for word, weight in words.items():
            hit = word in words_seen or any(t.endswith(word) and len(t) <= 4 for t in tokens)
            if len(word) > 2:
                hit = hit or word in heading
            if hit:
                total += weight
        scores[part] = total
    # A heading about the year after the reported one is the plan (2024年度主要安排 in a 2023 report);
    # one about the reported year itself leans to measures (2023年法治政府建设情况).
    years = [int(y) for y in HEADING_YEAR_RE.findall(heading)]
    if report_year and years and max(years) == report_year + 1:
        scores["plan"] += 3
    elif report_year and years and max(years) == report_year:
        scores["measures"] += 2
    return scores


def classify_heading(heading: str | None, report_year: int | None = None) -> str | None:
    """The part a top-level heading introduces, "combined" for 存在问题和下一步打算, None if thematic."""
    if not heading:
        return None
    scores = score_heading(heading, report_year)
    if scores["shortcomings"] >= THRESHOLD and scores["plan"] >= THRESHOLD:
        return "combined"
    best = max(PARTS, key=lambda p: (scores[p], -PARTS.index(p)))
    return best if scores[best] >= THRESHOLD else None


def part_of_each(headings: list[str | None], report_year: int | None = None) -> list[str | None]:
    """The part each top-level heading introduces, doubting weak matches out of the usual order.

    A thematic heading may use a part's word in passing (坚持问题导向, 统筹安排部署). A match below
    STRONG counts only where that part can stand and no strong heading away from it claims the
    part: measures before any other part; another part after measures or in the second half, and
    never followed by a thematic heading (the standard parts come as one block).
    """
    count = len(headings)
    raw = [classify_heading(h, report_year) for h in headings]
    strong = [
        part is not None and (part == "combined" or score_heading(h, report_year)[part] >= STRONG)
        for h, part in zip(headings, raw)
    ]
    parts: list[str | None] = []
    for i, (part, sure) in enumerate(zip(raw, strong)):
        if part is not None and not sure:
            if part == "measures":
                ok = all(p is None or p == "measures" for p in parts) and i < count / 2
            else:
                ok = ("measures" in parts or i >= count / 2) and None not in raw[i + 1 :]
            # a strong heading for the same part away from this one is the real one
            ok = ok and not any(p == part and s for j, (p, s) in enumerate(zip(raw, strong)) if abs(j - i) > 1)
            part = part if ok else None
        parts.append(part)
    return parts


def _report_year(preamble: list[str], nodes: list[Heading]) -> int | None:
    """The year reported on: the first year named in the preamble, else the earliest in the headings."""
    for text in preamble:
        m = HEADING_YEAR_RE.search(text)
        if m:
            return int(m.group(1))
    years = [int(y) for n in nodes for y in HEADING_YEAR_RE.findall(n.heading or "")]
    return min(years) if years else None


def sentences(text: str) -> list[str]:
    return [s for s in (m.group(0).strip() for m in SENTENCE_RE.finditer(text)) if s]


def _tail_holder(section: Section) -> Item:
    """The item (or section) holding a part's last paragraph: the last item, depth first."""
    holder = section
    while holder.items:
        holder = holder.items[-1]
    return holder


def split_paragraph(text: str, want_short: bool, want_plan: bool) -> tuple[str, str, str]:
    """(kept, shortcomings, plan) sentences of a paragraph.

    From the first sentence saying what is lacking, sentences are shortcomings; from the first
    sentence opening the next steps, they are plan; what comes before stays.
    """
    kept, short, plan = [], [], []
    state = kept
    for s in sentences(text):
        if want_plan and state is not plan and PLAN_START_RE.search(s):
            state = plan
        elif want_short and state is kept and SHORTCOMING_RE.search(s):
            state = short
        state.append(s)
    return "".join(kept), "".join(short), "".join(plan)


def _cut_tail(section: Section, want_short: bool, want_plan: bool) -> tuple[list[str], list[str]]:
    """Cut shortcoming / next-step sentences out of the closing paragraphs of a part.

    A paragraph after an item's own text lands in that item (the outline cannot tell a closing
    summary from the item's body), so the closing paragraphs are the last ones of the last item,
    never its first (its body, which may well mention 存在问题 in passing). A part without items
    is searched to its first paragraph (存在的不足 closing with 下一步，我们将…).
    """
    holder = _tail_holder(section)
    floor = 0 if holder is section else 1
    short_out: list[str] = []
    plan_out: list[str] = []
    while len(holder.paragraphs) > floor:
        kept, short, plan = split_paragraph(holder.paragraphs[-1], want_short, want_plan)
        if not short and not plan:
            break
        holder.paragraphs.pop()
        if short:
            short_out.insert(0, short)
        if plan:
            plan_out.insert(0, plan)
        if kept:
            holder.paragraphs.append(kept)
            break
    return short_out, plan_out


def _fill(section: Section, node: Heading) -> None:
    section.heading = node.heading
    section.paragraphs = list(node.paragraphs)
    section.items = [_item(c) for c in node.children]


def _place_combined(node: Heading, sections: dict[str, Section], year: int | None) -> set[str]:
    """A part headed both ways (存在问题和下一步打算): share its content out; the parts filled."""
    kinds = [classify_heading(c.heading, year) for c in node.children]
    if {"shortcomings", "plan"} & set(kinds):
        # its sub-headings say which is which: （一）存在问题 （二）下步打算
        filled = set()
        current = "shortcomings"
        for child, kind in zip(node.children, kinds):
            if kind in ("shortcomings", "plan"):
                current = kind
                if kind not in filled:
                    _fill(sections[kind], child)
                    filled.add(kind)
                    continue
            sections[current].items.append(_item(child))
        sections["shortcomings"].paragraphs[:0] = node.paragraphs
        return filled | {"shortcomings"}
    _fill(sections["plan"], node)
    paragraphs = sections["plan"].paragraphs
    sections["plan"].paragraphs = []
    for text in paragraphs:
        kept, short, plan = split_paragraph(text, True, False)
        for target, piece in (("plan", kept), ("shortcomings", short)):
            if piece:
                sections[target].paragraphs.append(piece)
    return {"shortcomings", "plan"}


def classify(nodes: list[Heading]) -> tuple[list[str], dict[str, Section]]:
    """(preamble, sections): sections has all five parts, in vocab.PARTS order."""
    nodes = list(nodes)
    preamble: list[str] = []
    if nodes and nodes[0].heading is None and nodes[0].marker is None:
        preamble = list(nodes.pop(0).paragraphs)
    year = _report_year(preamble, nodes)
    sections = {part: Section(key=part) for part in PARTS}
    found: set[str] = set()
    last_part = None
    for node, part in zip(nodes, part_of_each([n.heading for n in nodes], year)):
        if part == "combined" and not {"shortcomings", "plan"} & found:
            found |= _place_combined(node, sections, year)
            last_part = "plan"
            continue
        if part is None or part == "combined" or part in found:
            # a second heading for a part (or one leaning to a part already there) is an item of
            # that part; a thematic one, of the part it follows
            lean = part or classify_heading(node.heading, year)
            target = lean if lean in found else (last_part or "measures")
            sections[target].items.append(_item(node))
            last_part = target
            continue
        _fill(sections[part], node)
        found.add(part)
        last_part = part

    if not nodes and len(preamble) > 1:
        # no headings at all: the opening paragraph is the preamble, the rest the measures
        sections["measures"].paragraphs = preamble[1:]
        preamble = preamble[:1]

    want_short = "shortcomings" not in found
    want_plan = "plan" not in found
    if want_short or want_plan:
        for part in PARTS:
            short, plan = _cut_tail(sections[part], want_short and part != "shortcomings", want_plan and part != "plan")
            sections["shortcomings"].paragraphs.extend(short)
            sections["plan"].paragraphs.extend(plan)
    return preamble, sections
