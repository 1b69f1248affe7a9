"""Plain data passed between the parser's steps: read -> frame -> outline -> classify."""

from __future__ import annotations

from dataclasses import dataclass, field

from drafter.model.report import Closing, Source


@dataclass
class Para:
    """One paragraph of cleaned text, with what the source's markup said about it."""

    text: str
    level: int | None = None  # heading level from markup (docx Heading n, html <hN>), if any
    bold: bool = False  # the whole paragraph is bold in the source


@dataclass
class RawDoc:
    """A report as read: cleaned paragraphs, metadata found in page noise, and the source."""

    paras: list[Para]
    # published, written_date, doc_number, page_title, source_org, issuing_org
    hints: dict = field(default_factory=dict)
    source: Source | None = None


@dataclass
class Frame:
    """The report split into title, recipient, body and closing (特此报告、署名、日期)."""

    title: str | None
    recipient: str | None
    body: list[Para]
    closing: Closing


@dataclass
class Heading:
    """A heading of the outline with its own paragraphs and sub-headings."""

    level: int  # 1 = 一、, 2 = （一）, 3 = 1., 4 = （1）, 5 = 一是 (relative depth is what matters)
    marker: str | None  # the numbering as written: 一、 （一） 1. （1） 一是; None for lead-phrase headings
    heading: str | None  # the heading text without its numbering
    paragraphs: list[str] = field(default_factory=list)
    children: list[Heading] = field(default_factory=list)
