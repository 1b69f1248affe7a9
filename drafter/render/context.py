"""A Report made into the template's variables: the body as blocks of runs, in reading order, and the rest.

Parts and items come in the order and with the numbers drafter.model.numbering.outline gives;
figures are written in (with a comment) or marked 待填; last year's text is tinted and commented.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from drafter.draft.placeholders import TODO_RE, printed_date, todo_marker, unfilled_marker
from drafter.draft.years import advanced_years
from drafter.model.numbering import Entry, children, outline
from drafter.model.report import Item, Node, Report, Section
from drafter.render.editions import EDITION_NAMES, PUBLIC, REVIEW, has_banner, marked
from drafter.render.patterns import (
    ATTACHMENT_INDENT,
    LEAD_ENDS,
    MARK_HIGHLIGHT,
    MARKUP_RE,
    REFERENCE_HIGHLIGHT,
    REFERENCE_MARK,
    SIGNATURE_SPLIT_RE,
    SIGNER_STYLE,
    TODO_HIGHLIGHT,
    YEAR_HIGHLIGHT,
)
from drafter.render.runs import Runs
from drafter.render.sentences import Sentences
from drafter.render.titles import break_title
from drafter.render.wording import (
    advanced_comment,
    figure_comment,
    figure_shown,
    reference_comment,
    year_label,
)
from drafter.text.amounts import format_figure
from drafter.text.change import change_text
from drafter.text.clean import clean, lines_of
from drafter.text.closing import ATTACHMENT_RE
from drafter.vocab import DONE, REFERENCE, TODO, default_heading


@dataclass
class Built:
    """The template's variables, and the comments (paragraphs each) their anchors refer to."""

    context: dict
    comments: list[list[str]] = field(default_factory=list)


class _Body:
    """Walks the report into blocks of runs, collecting the comments they anchor."""

    def __init__(self, report: Report, sentences: Sentences, marked: bool = True):
        self.report = report
        self.marked = marked  # a clean edition shows no 【上年参考】 mark (highlights and comments go in _finish)
        self.sentences = sentences
        self.year = report.meta.year
        self.prior_year = report.prior_year
        self.figures = report.figures_by_id()
        self.blocks: list[dict] = []
        self.comments: list[list[str]] = []

    # -- pieces
    def comment(self, paragraphs: list[str]) -> int:
        self.comments.append(paragraphs)
        return len(self.comments) - 1

    def kept(self, runs: Runs, text: str, highlight: str | None) -> None:
        """Last year's kept words: each year drafter moved in a run of its own, commented (review only)."""
        pos = 0
        if self.marked and self.year and self.prior_year:
            for start, end, old in advanced_years(text, self.prior_year, self.year):
                runs.add(text[pos:start], highlight)
                anchor = self.comment([advanced_comment(old, int(text[start:end]))])
                runs.add(text[start:end], YEAR_HIGHLIGHT, anchor=anchor)
                pos = end
        runs.add(text[pos:], highlight)

    def runs_for(self, text: str, highlight: str | None = None, kept: bool = False) -> Runs:
        """Text with figures written in (commented), unfilled ones and 【待填：…】 highlighted;
        in `kept` text (last year's, years moved) the moved years marked."""
        runs = Runs()
        text = clean(text)
        pos = 0

        def plain(segment: str) -> None:
            if kept:
                self.kept(runs, segment, highlight)
            else:
                runs.add(segment, highlight)

        for match in MARKUP_RE.finditer(text):
            plain(text[pos:match.start()])
            pos = match.end()
            fid = match.group(1)
            figure = self.figures.get(fid) if fid is not None else None
            if figure is None:  # a 【待填：…】 in the text, or an unknown id left for `check` to report
                runs.add(match.group(0), TODO_HIGHLIGHT)
            elif figure.value is None:
                runs.add(unfilled_marker(figure, self.prior_year), TODO_HIGHLIGHT)
            else:
                anchor = self.comment([figure_comment(figure, self.prior_year)])
                runs.add(figure_shown(figure), highlight, anchor=anchor)
        plain(text[pos:])
        return runs

    def add_block(self, kind: str, runs: Runs, level: int = 0) -> None:
        self.blocks.append({"kind": kind, "level": level, "runs": runs, "text": runs.text})

    def body(self, text: str) -> None:
        self.add_block("body", self.runs_for(text))

    # -- the preamble
    def preamble(self) -> None:
        meta = self.report.meta
        preamble = lines_of(self.report.preamble)
        status = self.report.draft.preamble_status if self.report.draft else None
        if not preamble:
            preamble, status = [self.sentences.opening(clean(meta.issuer).strip(), clean(meta.region).strip(),
                                                       self.year)], None
        for i, text in enumerate(preamble):
            if status == REFERENCE:
                runs = Runs().add(REFERENCE_MARK, MARK_HIGHLIGHT) if i == 0 and self.marked else Runs()
                self.add_block("body", runs.extend(self.runs_for(text, REFERENCE_HIGHLIGHT, kept=True)))
            else:
                self.body(text)
        if self.report.draft is not None and "如下" not in preamble[-1]:
            self.body(self.sentences.report_intro())

    # -- the parts and items
    def parts(self) -> None:
        for entry in outline(self.report):
            self.entry(entry)

    def entry(self, entry: Entry) -> None:
        """A part (level 1) or item: its heading and own paragraphs; its sub-items are entries of their own."""
        node, level, number = entry.node, entry.level, entry.number
        heading_text, status, prompt_default = node.heading, node.status or DONE, None
        if isinstance(node, Section):
            heading_text = node.heading or default_heading(node.key, self.year)
            prompt_default = self.sentences.prompt(node.key, self.year)
            if not (lines_of(node.paragraphs) or node.items):
                status = TODO  # a part the document prints must say what is missing
        reference = status == REFERENCE
        mark = reference and self.marked
        tint = REFERENCE_HIGHLIGHT if reference else None
        anchor = self.comment(reference_comment(node.reference, self.prior_year)) if node.reference else None
        heading = clean(heading_text).strip()
        paragraphs = lines_of(node.paragraphs)
        kind = f"h{min(level, 4)}"
        if status == TODO and not paragraphs and not children(node):
            marker = todo_marker(clean(node.prompt) or prompt_default or heading or "本项内容")
            if not heading and number:
                # A numbered item still to write stands where its heading goes, in the heading's font.
                self.add_block(kind, Runs().add(number, anchor=anchor).add(marker, TODO_HIGHLIGHT), level)
                return
            paragraphs = [marker]
        if heading and paragraphs and self._runs_in(node, level):
            # Its group's other items run in: this one too, its heading leading its first paragraph.
            paragraphs = [heading + ("" if heading[-1] in LEAD_ENDS else "。") + paragraphs[0], *paragraphs[1:]]
            heading = ""
        if heading:
            heading_runs = self.runs_for(heading, self._heading_tint(node, status, level), kept=reference and level > 1)
            runs = Runs().add(number, anchor=anchor).extend(heading_runs)
            if mark and not paragraphs and not children(node) and level > 1:
                runs.add(REFERENCE_MARK, MARK_HIGHLIGHT)
            self.add_block(kind, runs, level)
            number, anchor = "", None
        elif not paragraphs:
            # Neither heading nor text: show the number with what is missing, never a bare number.
            runs = Runs().add(number, anchor=anchor).add(todo_marker("本项标题"), TODO_HIGHLIGHT)
            self.add_block(kind, runs, level)
            number, anchor = "", None
        for i, text in enumerate(paragraphs):
            runs = Runs().add(number, anchor=anchor)
            if mark and i == 0:
                runs.add(REFERENCE_MARK, MARK_HIGHLIGHT)
            self.add_block("body", runs.extend(self.runs_for(text, tint, kept=reference)), level)
            number, anchor = "", None

    def _runs_in(self, node: Node, level: int) -> bool:
        """A third-level (or deeper) item among siblings written without headings, which run in."""
        if level < 3 or not isinstance(node, Item):
            return False
        group = self.report.holder(node) or []
        return any(not clean(item.heading).strip() and lines_of(item.paragraphs) for item in group)

    @staticmethod
    def _heading_tint(node: Node, status: str, level: int) -> str | None:
        """A part's status is that of its own paragraphs; its heading is this year's anyway. An item still
        to write under last year's heading (a plan, a problem) keeps that heading grey."""
        carried = status == TODO and isinstance(node, Item) and (node.origin or "").startswith("prior_")
        return REFERENCE_HIGHLIGHT if level > 1 and (status == REFERENCE or carried) else None


def _recipient(text: str) -> str:
    """主送机关 ends with a full-width colon (河南省人民政府：)."""
    if not text:
        return ""
    return text.rstrip(":：") + "："


def _signature(report: Report, body: _Body) -> list[Runs]:
    """The issuer, one organ a line; else the closing's signature as written; else what is missing."""
    issuer = clean(report.meta.issuer).strip()
    if issuer:
        return [Runs().add(part) for part in SIGNATURE_SPLIT_RE.split(issuer) if part]
    lines = lines_of(report.closing.signature)
    if lines:
        return [body.runs_for(line) for line in lines]
    return [Runs().add(todo_marker("发文机关署名"), TODO_HIGHLIGHT)]


def _date(report: Report) -> Runs:
    """The 成文日期, highlighted while it is still to fill."""
    date = printed_date(report)
    return Runs().add(date, TODO_HIGHLIGHT if TODO_RE.fullmatch(date) else None)


def _attachments(report: Report, body: _Body) -> list[Runs]:
    lines = lines_of(report.closing.attachments)
    return [body.runs_for(line if ATTACHMENT_RE.match(line) else ATTACHMENT_INDENT + line) for line in lines]


def _figure_rows(report: Report) -> list[dict]:
    """The appendix table: each figure last year against this year, with the change."""
    rows = []
    for i, figure in enumerate(report.figures, 1):
        if figure.value is not None:
            value = Runs().add(format_figure(figure.value, figure.unit, figure.approx))
        else:
            value = Runs().add(todo_marker("本年"), TODO_HIGHLIGHT)  # short: one line in its column
        rows.append({
            "number": str(i),
            "label": clean(figure.label),
            "prior": format_figure(figure.prior, figure.unit, figure.prior_approx) if figure.prior is not None else "—",
            "value": value,
            "change": change_text(figure.value, figure.prior, figure.unit) or "—",
        })
    return rows


def _signer(report: Report) -> Runs:
    """签发人's name(s) in the 版头, in 楷体 (a character style of the template)."""
    runs = Runs(SIGNER_STYLE)
    name = clean(report.meta.signer).strip()
    return runs.add(name) if name else runs.add(todo_marker("签发人"), TODO_HIGHLIGHT)


def build_context(report: Report, sentences: Sentences, appendix: bool = False, edition: str = REVIEW) -> Built:
    """The template's variables for one report or draft in one edition, and the comments its anchors refer to."""
    meta = report.meta
    issuer, region, year = clean(meta.issuer).strip(), clean(meta.region).strip(), meta.year
    doc_number = clean(meta.doc_number).strip() if edition != PUBLIC else ""
    banner = has_banner(edition, doc_number)
    body = _Body(report, sentences, marked(edition))
    body.preamble()
    body.parts()
    signature = _signature(report, body)
    title = clean(meta.title).strip() or sentences.title(issuer, region, year)
    written = [line.strip() for line in title.split("\n") if line.strip()]
    context = {
        "blocks": body.blocks,
        "title_lines": [part for line in written for part in break_title(line)],
        "document_title": " ".join(written),
        "doc_number": doc_number,
        "edition": edition,
        "edition_mark": EDITION_NAMES[edition] if marked(edition) else "",
        "banner": banner,
        "banner_mark": sentences.banner(issuer) if banner else "",
        "signer": _signer(report),
        "recipient": _recipient(clean(meta.recipient).strip()),
        "closing_sentence": sentences.closing(),  # in place of the report's own 特此报告 or 以上报告，请审阅。
        "attachments": _attachments(report, body),
        "signature_lines": signature,
        "date": _date(report),
        # 附注 (联系人…) and the 版记 (抄送…) both stand under the date.
        "notes": [body.runs_for(line) for line in lines_of([*report.closing.notes, *report.closing.record])],
        "appendix": bool(appendix),
        "appendix_title": sentences.appendix_title(year),
        "figure_rows": _figure_rows(report),
        "prior_label": year_label(body.prior_year, "上年"),
        "current_label": year_label(year, "本年"),
        "meta": {key: (clean(value) if isinstance(value, str) else value) for key, value in asdict(meta).items()},
        "year": year,
        "region": region,
        "issuer": issuer,
    }
    return Built(context, body.comments)
