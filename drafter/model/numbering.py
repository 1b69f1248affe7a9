"""The numbers the document prints (一、 （一） 1. （1） ①), and the name a clerk reads for each place.

The renderer lays the parts and items out in the order `outline` gives, with the numbers it gives;
the wizard, check and batch name a place by the same numbers and its heading: 一、（二）3. 加强行政执法.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from drafter.model.report import Item, Node, Report, Section
from drafter.text.clean import clean, lines_of
from drafter.text.numerals import to_chinese
from drafter.vocab import PART, TODO


def number_for(level: int, n: int) -> str:
    """The literal numbering of GB/T 9704: 一、 （一） 1. （1）, then ① for anything deeper."""
    if level == 1:
        return f"{to_chinese(n)}、"
    if level == 2:
        return f"（{to_chinese(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    return chr(0x2460 + n - 1) if n <= 20 else f"{n})"


@dataclass
class Entry:
    """One part or item as the document lays it out."""

    node: Node  # a Section for a part, else an Item
    part: str  # the part's key
    level: int  # 1 for a part, 2 for its items, …
    number: str  # as printed before the heading: （二）; "" for a lone unnumbered item
    path: str  # the numbers from the part down: 一、（二）3.


def shown(section: Section) -> bool:
    """A part prints when it has text, is still to write (but "other"), or is the duties part."""
    has_content = bool(lines_of(section.paragraphs) or section.items)
    return has_content or (section.status == TODO and section.key != "other") or section.key == "duties"


def _flatten(items: list[Item]) -> list[Item]:
    """An item with neither heading nor text only groups its sub-items: they are numbered instead."""
    out = []
    for item in items:
        empty = not (item.heading or lines_of(item.paragraphs))
        if empty and item.items and item.status != TODO and not item.reference:
            out.extend(_flatten(item.items))
        else:
            out.append(item)
    return out


def children(node: Node) -> list[Item]:
    """The sub-items the document numbers under `node`."""
    return _flatten(node.items)


def _walk(node: Node, part: str, level: int, number: str, path: str) -> Iterator[Entry]:
    yield Entry(node, part, level, number, path)
    subs = children(node)
    # A lone item without a heading is just the text of its parent: a （一） with no （二） misleads.
    # Its sub-items then take the next level's numbers, so no level is skipped.
    if len(subs) == 1 and not clean(subs[0].heading).strip():
        yield from _walk(subs[0], part, level, "", path)
        return
    for i, child in enumerate(subs, 1):
        child_number = number_for(level + 1, i)
        yield from _walk(child, part, level + 1, child_number, path + child_number)


def outline(report: Report) -> Iterator[Entry]:
    """Every part and item that prints, in reading order, with its printed number."""
    n = 0
    for section in report.parts():
        if not shown(section):
            continue
        n += 1
        number = number_for(1, n)
        yield from _walk(section, section.key, 1, number, number)


def _label(node: Node) -> str:
    """A few words that name a node: its heading, else the start of its text or of its prompt."""
    text = clean(node.heading).strip() or next(iter(lines_of(node.paragraphs)), "") or clean(node.prompt).strip()
    text = text.split("\n")[0]
    return text if len(text) <= 24 else text[:24] + "…"


class Places:
    """Each part's and item's name for people, by id (items) or key (parts)."""

    def __init__(self, report: Report):
        self.report = report
        self._by_node: dict[int, Entry] = {id(entry.node): entry for entry in outline(report)}

    def name(self, node: Node | str) -> str:
        """一、（二）3. 加强行政执法; a part: 二、存在的不足和原因; not printed: the part's name and the heading."""
        if isinstance(node, str):
            found = self.report.find(node)
            if found is None:
                return node
            node = found
        entry = self._by_node.get(id(node))
        label = _label(node)
        if entry is None:
            part = next((s for s in self.report.parts() if s is node or any(i is node for i in s.walk())), None)
            where = PART[part.key].short if part is not None else ""
            return f"{where}（未印出的一项）{label}" if part is not node else where
        if isinstance(node, Section) and not clean(node.heading).strip():
            label = PART[node.key].short
        return f"{entry.path} {label}".strip() if label else entry.path
