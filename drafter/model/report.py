"""The typed model of a report and of a draft: what every step takes and returns.

A parsed report (kind "report") holds last year's text as written. A draft (kind "draft") is this
year's report in the making: its items carry a status, its figures last year's value, its text
{F012} placeholders where figures go.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from drafter.text.clean import lines_of
from drafter.vocab import DONE, PARTS, REFERENCE, TODO

REPORT, DRAFT = "report", "draft"


@dataclass
class Source:
    """The file a report was parsed from."""

    file: str
    sha256: str
    converted_from: str | None = None  # "traditional": the text was in traditional characters, read as simplified


@dataclass
class Meta:
    region: str | None = None  # the place: 营口市
    year: int | None = None  # the year reported on
    title: str | None = None
    issuer: str | None = None  # the organ: 营口市人民政府
    date: str | None = None  # ISO date the report was written (成文日期)
    recipient: str | None = None  # 主送机关
    doc_number: str | None = None  # 文号: 营政〔2024〕3号
    signer: str | None = None  # 签发人 of a copy sent up
    source: Source | None = None
    published: str | None = None  # ISO date a web page gave


@dataclass
class Node:
    """A heading with its paragraphs and sub-items; in a draft it also says what is still to do."""

    heading: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    status: str | None = None  # draft: todo, reference or done (vocab.STATUSES)
    prompt: str | None = None  # draft: what the clerk is asked to write
    reference: list[str] | None = None  # draft: last year's words, shown, never printed as this year's

    def walk(self) -> Iterator[Item]:
        """The sub-items, depth first (not this node itself)."""
        for item in self.items:
            yield item
            yield from item.walk()

    def has_text(self) -> bool:
        """It prints something of its own: a heading or a non-blank paragraph."""
        return bool((self.heading or "").strip() or lines_of(self.paragraphs))

    def words(self) -> list[str]:
        """Its paragraphs and, below them, each sub-item's heading and words: its whole text as lines."""
        lines = list(self.paragraphs)
        for sub in self.items:
            if sub.heading:
                lines.append(sub.heading)
            lines.extend(sub.words())
        return lines


@dataclass
class Item(Node):
    """An item of a part, at any depth."""

    id: str | None = None  # draft: stable address, measures.3.1
    origin: str | None = None  # draft: where it came from (vocab.ORIGINS)

    @classmethod
    def todo(cls, id: str, prompt: str, *, heading: str | None = None, origin: str = "new",
             reference: list[str] | None = None) -> Item:
        """An item the clerk has to write."""
        return cls(heading=heading, id=id, status=TODO, origin=origin, prompt=prompt, reference=list(reference or []))

    @classmethod
    def carried(cls, id: str, prompt: str, *, heading: str | None, paragraphs: list[str], origin: str,
                reference: list[str]) -> Item:
        """Last year's text kept for the clerk to confirm or rewrite."""
        return cls(heading=heading, paragraphs=list(paragraphs), id=id, status=REFERENCE, origin=origin,
                   prompt=prompt, reference=list(reference))

    @classmethod
    def written(cls, id: str, heading: str | None, paragraphs: list[str]) -> Item:
        """An item the clerk added, already written."""
        return cls(heading=heading, paragraphs=list(paragraphs), id=id, status=DONE, origin="new", reference=[])


@dataclass
class Section(Node):
    """One of the five parts (vocab.PARTS). In a draft, its status is that of its own paragraphs."""

    key: str = ""


@dataclass
class Closing:
    """The lines after the body, by kind, in the order a report prints them."""

    phrase: str | None = None  # 特此报告。
    attachments: list[str] = field(default_factory=list)  # 附件：1.…, 2.…
    signature: list[str] = field(default_factory=list)  # the signing organs, one a line
    date: str | None = None  # the date line as written; a draft's date is meta.date
    notes: list[str] = field(default_factory=list)  # （此件公开发布） （联系人：…）
    record: list[str] = field(default_factory=list)  # 版记: 抄送…, …印发

    def lines(self) -> list[str]:
        return [line for line in [self.phrase, *self.attachments, *self.signature, self.date, *self.notes,
                                  *self.record] if line]


@dataclass
class Figure:
    """A number the report states: what is counted, its value, unit and approximation."""

    id: str  # F001, in document order
    label: str  # what is counted: 审核规范性文件
    value: float | int | None  # null only in a draft, until filled
    unit: str | None
    approx: str | None  # 余, 近, 约, 以上 … as written
    sentence: str  # the sentence it came from
    section: str  # vocab.FIGURE_PLACES
    item: str | None = None  # 1-based path of its item inside the part (2.1); None for the part's paragraphs
    text: str | None = None  # as written: 近32770件
    prior: float | int | None = None  # draft: last year's value
    prior_approx: str | None = None  # draft: last year's approximation
    confirmed: bool = False  # draft: the clerk confirmed a value that looks implausible or unchanged

    @property
    def filled(self) -> bool:
        return self.value is not None


@dataclass
class DraftInfo:
    """What a draft was made from."""

    prior_year: int | None
    prior_title: str | None = None
    prior_source: Source | None = None
    preamble_status: str | None = None  # reference until the clerk confirms or rewrites the preamble
    stopped_at: str | None = None  # the figure or item id where the wizard last stopped


@dataclass
class Report:
    """A parsed report, or a draft when `draft` is set."""

    meta: Meta
    preamble: list[str] = field(default_factory=list)
    sections: dict[str, Section] = field(default_factory=dict)
    closing: Closing = field(default_factory=Closing)
    figures: list[Figure] = field(default_factory=list)
    draft: DraftInfo | None = None

    def __post_init__(self):
        for key in PARTS:
            self.sections.setdefault(key, Section(key=key))
            self.sections[key].key = key
        self.sections = {key: self.sections[key] for key in PARTS}

    @property
    def kind(self) -> str:
        return DRAFT if self.draft is not None else REPORT

    @property
    def prior_year(self) -> int | None:
        """The year a draft was made from (its year − 1 when unknown); None for a parsed report."""
        if self.draft is None:
            return None
        if self.draft.prior_year is not None:
            return self.draft.prior_year
        return self.meta.year - 1 if self.meta.year else None

    def parts(self) -> Iterator[Section]:
        return iter(self.sections.values())

    def walk(self) -> Iterator[tuple[Section, Item]]:
        """Every item of every part, depth first, with its part."""
        for section in self.parts():
            for item in section.walk():
                yield section, item

    def find(self, item_id: str) -> Node | None:
        """The part (by key) or item with this id."""
        if item_id in self.sections:
            return self.sections[item_id]
        return next((item for _, item in self.walk() if item.id == item_id), None)

    def holder(self, item: Node) -> list[Item] | None:
        """The list that holds `item`: its part's or its parent item's items."""
        for section in self.parts():
            if any(child is item for child in section.items):
                return section.items
            for node in section.walk():
                if any(child is item for child in node.items):
                    return node.items
        return None

    def figure(self, figure_id: str) -> Figure | None:
        return next((f for f in self.figures if f.id == figure_id), None)

    def figures_by_id(self) -> dict[str, Figure]:
        return {f.id: f for f in self.figures}

    def texts(self) -> Iterator[str]:
        """Every heading and paragraph that prints: preamble, parts, items, closing."""
        yield from self.preamble
        for section in self.parts():
            for node in (section, *section.walk()):
                if node.heading:
                    yield node.heading
                yield from node.paragraphs
        yield from self.closing.lines()
