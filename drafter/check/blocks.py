"""A report or draft as the blocks of text it prints, each with the place a clerk finds it by."""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.check.patterns import CLAUSE_STOPS, CLOSING, PREAMBLE, TITLE
from drafter.draft.placeholders import TODO_RE, printed_date, split_placeholders, unfilled_marker
from drafter.model.numbering import Places
from drafter.model.report import Figure, Item, Report
from drafter.text.amounts import format_figure


@dataclass
class Block:
    """One paragraph or heading as it would read, with where it is and which figures it quotes."""

    place: str
    section: str  # title, preamble, a part key, or closing
    text: str
    heading: bool = False
    status: str | None = None  # the item's status in a draft
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, figure id) in text
    raw: str = ""  # the text as stored, placeholders unreplaced
    item_id: str | None = None  # Problem.item_id of what holds the text


def clause_around(text: str, start: int, end: int) -> str:
    """The clause of `text` that holds text[start:end]."""
    left = max(text.rfind(ch, 0, start) for ch in CLAUSE_STOPS) + 1
    rights = [i for i in (text.find(ch, end) for ch in CLAUSE_STOPS) if i >= 0]
    return text[left:min(rights) if rights else len(text)]


def blank_markers(text: str) -> str:
    """Each 【待填：…】 marker as □ of its length: positions stay, and no check reads its words as the report's
    (a figure's marker quotes last year on purpose)."""
    return TODO_RE.sub(lambda m: "□" * len(m.group(0)), text)


def render_text(text: str, figures: dict[str, Figure], prior_year: int | None) -> tuple[str, list[tuple[int, int, str]]]:
    """Text as the renderer writes it, remembering where each filled figure landed."""
    out, spans, pos = [], [], 0
    for piece, fid in split_placeholders(text):
        figure = figures.get(fid) if fid else None
        if figure is not None:
            if figure.value is None:
                piece = unfilled_marker(figure, prior_year)
            else:
                piece = format_figure(figure.value, figure.unit, figure.approx)
                spans.append((pos, pos + len(piece), fid))
        out.append(piece)
        pos += len(piece)
    return "".join(out), spans


def closing_lines(report: Report) -> list[str]:
    """The closing as it prints: a draft's date line is meta.date written out, or a 待填 marker."""
    closing = report.closing
    if report.draft is None:
        return closing.lines()
    return [line for line in [closing.phrase, *closing.attachments, *closing.signature, printed_date(report),
                              *closing.notes, *closing.record] if line]


def model_blocks(report: Report, places: Places) -> list[Block]:
    """Every heading and paragraph in reading order, placed by the document's numbering."""
    figures = report.figures_by_id()
    prior_year = report.prior_year
    blocks: list[Block] = []

    def add(place, section, text, heading=False, status=None, item_id=None):
        if text and text.strip():
            rendered, spans = render_text(text, figures, prior_year)
            blocks.append(Block(place, section, rendered, heading, status, spans, text, item_id))

    def node(item: Item, key: str, item_id: str | None, status: str | None):
        name = places.name(item)
        add(f"{name} › 标题", key, item.heading, True, status, item_id)
        for m, text in enumerate(item.paragraphs, 1):
            add(f"{name} › 第{m}段", key, text, status=status, item_id=item_id)

    def walk(items: list[Item], key: str, inherited: str | None):
        for item in items:
            status = item.status or inherited
            node(item, key, item.id, status)
            walk(item.items, key, status)

    add(TITLE, "title", report.meta.title, True)
    preamble_status = report.draft.preamble_status if report.draft else None
    for n, text in enumerate(report.preamble, 1):
        add(f"{PREAMBLE} › 第{n}段", "preamble", text, status=preamble_status, item_id="preamble")
    for section in report.parts():
        node(section, section.key, section.key, section.status)
        walk(section.items, section.key, None)
    for n, text in enumerate(closing_lines(report), 1):
        add(f"{CLOSING} › 第{n}行", "closing", text)
    return blocks
