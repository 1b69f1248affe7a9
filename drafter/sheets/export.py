"""`drafter export`: the figures still to fill and the texts still to write, as a 填报表.xlsx for departments."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from drafter.draft.edits import PREAMBLE
from drafter.draft.pipeline import is_kept, opening_kept
from drafter.draft.placeholders import PLACEHOLDER_RE, prior_wording, used_figures
from drafter.files import atomic_write, check_output
from drafter.model.numbering import Places
from drafter.model.report import Report
from drafter.sheets import layout as L
from drafter.text.amounts import format_figure
from drafter.vocab import PERCENT_UNITS, PREAMBLE_NAME, TODO

_HEADER_FONT = Font(bold=True)
_ANSWER_FILL = PatternFill("solid", fgColor="FFF2CC")  # the cells to fill stand out
_WRAP = Alignment(wrap_text=True, vertical="top")


def figure_places(draft: Report) -> dict[str, str]:
    """Each figure id -> the name of the first place its placeholder stands (一、（二）3. 加强行政执法)."""
    places = Places(draft)
    found: dict[str, str] = {}
    for text in draft.preamble:
        for fid in PLACEHOLDER_RE.findall(text):
            found.setdefault(fid, PREAMBLE_NAME)
    for section in draft.parts():
        for node in (section, *section.walk()):
            for text in [node.heading or "", *node.paragraphs]:
                for fid in PLACEHOLDER_RE.findall(text):
                    found.setdefault(fid, places.name(node))
    return found


def _figure_rows(draft: Report) -> list[tuple[list, bool]]:
    where = figure_places(draft)
    rows = []
    for f in used_figures(draft):
        if f.filled:
            continue
        # A plain number stays a number for the department to compare with; 4420余 is text.
        prior = f.prior if f.prior is None or not f.prior_approx else format_figure(f.prior, None, f.prior_approx)
        rows.append(([f.id, where.get(f.id, ""), f.label, f.unit or "", prior, None, None, None, f.sentence],
                     (f.unit or "") in PERCENT_UNITS))
    return rows


def _text_rows(draft: Report) -> tuple[list[list], int]:
    """The texts to write, and those kept from last year that wait to be rewritten or confirmed, each with
    last year's words; the count of the latter."""
    places = Places(draft)
    figures = draft.figures_by_id()

    def shown(paragraphs: list[str]) -> str:
        if draft.prior_year is None:
            return "\n".join(paragraphs)
        return "\n".join(prior_wording(p, figures, draft.prior_year, draft.meta.year) for p in paragraphs)

    rows, kept = [], 0
    if opening_kept(draft):
        rows.append([PREAMBLE, PREAMBLE_NAME, L.PREAMBLE_PROMPT, shown(draft.preamble), None, None])
        kept += 1
    for section in draft.parts():
        for node in (section, *section.walk()):
            node_id = section.key if node is section else node.id
            if node.status == TODO:
                rows.append([node_id, places.name(node), node.prompt or "", "\n".join(node.reference or []), None, None])
            elif is_kept(node):
                rows.append([node_id, places.name(node), node.prompt or "", shown(node.paragraphs), None, None])
                kept += 1
    return rows, kept


def _sheet(ws, columns: tuple, rows: list[list]) -> None:
    ws.append(list(columns))
    for cell in ws[1]:
        cell.font = _HEADER_FONT
    for row in rows:
        ws.append(row)
    for i, name in enumerate(columns, 1):
        letter = get_column_letter(i)
        ws.column_dimensions[letter].width = L.WIDTHS[name]
        editable = name in L.ANSWER_COLUMNS
        for cell in ws[letter][1:]:
            cell.alignment = _WRAP
            if editable:
                cell.protection = Protection(locked=False)
                cell.fill = _ANSWER_FILL
    ws.freeze_panes = "B2"
    # Protected without a password: a department cannot change the ids by mistake, yet nothing is locked away.
    ws.protection.sheet = True
    ws.protection.formatColumns = False


def _validate(ws, rows: list[tuple[list, bool]]) -> None:
    column = get_column_letter(L.FIGURE_COLUMNS.index(L.VALUE) + 1)
    # A warning, not a stop: 约5000 or 4500余 are valid answers a department may insist on.
    number = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                            errorStyle="warning", errorTitle="请核对", error="本年数值应为不小于 0 的数字",
                            promptTitle="本年数值", prompt="填数字，单位见“单位”列；约数可写作 约5000、4500余")
    percent = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True,
                             errorStyle="warning", errorTitle="请核对", error="百分数应在 0–100 之间（不写 % 号）",
                             promptTitle="本年数值", prompt="百分数，填 0–100 之间的数字")
    confirm_column = get_column_letter(L.FIGURE_COLUMNS.index(L.CONFIRM) + 1)
    confirm = DataValidation(type="list", formula1=f'"{L.YES}"', allow_blank=True, errorStyle="warning",
                             errorTitle="请核对", error=f"确认无误请填“{L.YES}”，否则留空",
                             promptTitle=L.CONFIRM,
                             prompt=f"本年数值与上年相差 5 倍以上（或不到五分之一）但确认无误时填“{L.YES}”")
    for n, (_, is_percent) in enumerate(rows, 2):
        (percent if is_percent else number).add(f"{column}{n}")
        confirm.add(f"{confirm_column}{n}")
    for dv in (number, percent, confirm):
        if dv.sqref:
            ws.add_data_validation(dv)


def workbook(draft: Report) -> tuple[Workbook, int, int, int]:
    book = Workbook()
    figures = book.active
    figures.title = L.FIGURES_SHEET
    rows = _figure_rows(draft)
    _sheet(figures, L.FIGURE_COLUMNS, [r for r, _ in rows])
    _validate(figures, rows)
    texts, kept = _text_rows(draft)
    _sheet(book.create_sheet(L.TEXTS_SHEET), L.TEXT_COLUMNS, texts)
    return book, len(rows), len(texts) - kept, kept


def export_file(draft: Report, out: str | Path, force: bool = False) -> tuple[Path, int, int, int]:
    """Write the 填报表; the path, and how many figures, texts to write and kept texts it asks for."""
    check_output(out, force)
    book, figures, texts, kept = workbook(draft)
    buffer = io.BytesIO()
    book.save(buffer)
    return atomic_write(out, buffer.getvalue(), force=force), figures, texts, kept
