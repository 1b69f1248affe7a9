"""What a clerk does to a draft's text, in the wizard or an answers file: write, confirm, add, date."""

from __future__ import annotations

from drafter.model.report import Item, Node, Report
from drafter.vocab import DONE, REFERENCE

PREAMBLE = "preamble"  # the id answers and the wizard give the preamble


def text_to_paragraphs(text: str) -> list[str]:
    """A typed answer: one paragraph a line, blank lines ignored."""
    return [line.strip() for line in str(text).replace("\r\n", "\n").split("\n") if line.strip()]


def set_date(draft: Report, iso: str | None) -> None:
    """The 成文日期; a draft's closing has no date line of its own, rendering writes meta.date."""
    draft.meta.date = iso


def mark_done(draft: Report, target: Node | None) -> None:
    """Confirmed for this year: a part or an item (None: the preamble) and the reference sub-items it holds."""
    if target is None:
        draft.draft.preamble_status = DONE
        return
    target.status = DONE
    for sub in target.walk():
        if sub.status == REFERENCE:
            sub.status = DONE


def mark_written(draft: Report, target: Node | None) -> None:
    """This year's own text for a part or an item (None: the preamble). A status is that of the node's
    own paragraphs: the sub-items kept from last year still wait for their own confirmation."""
    if target is None:
        draft.draft.preamble_status = DONE
    else:
        target.status = DONE


def rewrite(draft: Report, target: Node | None, heading: str | None, text: str | None) -> None:
    """This year's heading and/or text for a part or an item (None: the preamble), which is then done."""
    if heading is not None:
        target.heading = heading.strip() or None
    if text:
        if target is None:
            draft.preamble = text_to_paragraphs(text)
        else:
            target.paragraphs = text_to_paragraphs(text)
    mark_written(draft, target)


def settle(draft: Report) -> None:
    """A group with no words of its own is done once every item under it is done."""
    # Deepest first, so a group of groups settles in one pass.
    for _, item in reversed(list(draft.walk())):
        if (item.status == REFERENCE and not item.paragraphs and item.items
                and all(sub.status == DONE for sub in item.items)):
            item.status = DONE


def add_item(draft: Report, section: str, heading: str | None, text: str) -> Item:
    """A new item of this year's text at the end of a part, with the next free id."""
    part = draft.sections[section]
    taken = {item.id for item in part.walk()}
    n = len(part.items) + 1
    while f"{section}.{n}" in taken:
        n += 1
    item = Item.written(f"{section}.{n}", (heading or "").strip() or None, text_to_paragraphs(text))
    part.items.append(item)
    return item
