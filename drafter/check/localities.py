"""Another locality's name left in this one's report: a paragraph copied from a neighbour's report.

The divisions come from the bundled list (drafter/text/divisions.py). A name is this report's when it
is the region, lies in it, or contains it (the province, the prefecture); one named with a partner
word (与大连市合作, 借鉴杭州市经验) is mentioned on purpose.
"""

from __future__ import annotations

from drafter.check.blocks import Block, blank_markers, clause_around
from drafter.check.patterns import PARTNER_RE
from drafter.check.problems import WARNING, Problem, excerpt
from drafter.text import divisions
from drafter.text.words import cut as cut_words


def home(region: str | None) -> tuple[divisions.Division, ...]:
    """The divisions the report's region may be (通州区: Beijing's and Nantong's)."""
    return divisions.lookup(region.strip()) if region else ()


def _ours(candidates, ours) -> bool:
    return any(divisions.within(c, h) or divisions.within(h, c) for c in candidates for h in ours)


def _bounds(text: str) -> set[int]:
    bounds, pos = {0}, 0
    for token in cut_words(text):
        pos += len(token)
        bounds.add(pos)
    return bounds


def check_localities(blocks: list[Block], region: str | None) -> list[Problem]:
    ours = home(region)
    if not ours:
        return []
    problems = []
    for block in blocks:
        if block.section in ("title", "closing"):
            continue
        text = blank_markers(block.text)
        matches = divisions.find(text)
        if not matches:
            continue
        bounds = _bounds(text)
        for m in matches:
            if m.start not in bounds or m.end not in bounds:
                continue  # 示范县 holds 范县, 建成县级 成县: not names
            if _ours(m.candidates, ours) or PARTNER_RE.search(clause_around(text, m.start, m.end)):
                continue
            where = "、".join(a.name for a in reversed(divisions.ancestors(m.candidates[0]))) or "另一地区"
            problems.append(Problem("other_locality", WARNING, block.place,
                                    f"出现其他地方的名称“{m.text}”（{where}），不属于{region}："
                                    f"多半是从别地报告抄来未改；请改为本地的名称或删去："
                                    f"“{excerpt(text[max(0, m.start - 10):], 30)}”", block.item_id))
            break
    return problems
