"""A 填报表 saved back (.xlsx, or .csv as Excel, WPS or LibreOffice save it) read as answers data,
each answer knowing its cell (数字!F12) or CSV line, so problems name the place a department wrote."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from drafter.errors import DrafterError
from drafter.files import read_input_bytes
from drafter.sheets import layout as L

SHEET_SUFFIXES = (".xlsx", ".csv")
# Excel saves CSV as UTF-8 with a BOM ("CSV UTF-8") or in the system's code page (GB18030 on Chinese Windows).
_CSV_ENCODINGS = ("utf-8-sig", "gb18030")


class SheetAnswers:
    """Answers data shaped as an answers YAML's, with the place of each answer (what Located gives a YAML)."""

    def __init__(self, path: Path):
        self.path = path
        self.data: dict = {"figures": {}, "items": {}}
        self._places: dict[tuple, str] = {}

    def add(self, key: str, answer_id: str, value, place: str) -> None:
        if (key, answer_id) in self._places:
            raise DrafterError(f"{answer_id} 填了两次（另一处在 {self._places[(key, answer_id)]}）；请只保留一处",
                               self.path, place)
        self.data[key][answer_id] = value
        self._places[(key, answer_id)] = place

    def place(self, keys, key_itself: bool = False) -> str:
        return self._places.get(tuple(keys[:2]), "")


def _cell_text(value):
    """A cell as the answer it holds: numbers stay numbers, text is stripped, blank is None."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip() or None
    return value


def _cell(row: list, col: int | None):
    return _cell_text(row[col]) if col is not None and col < len(row) else None


def _rows(answers: SheetAnswers, key: str, answer_column: str, rows, name) -> None:
    """Rows of one sheet (header first); name(row_number, column_index) is the place of a cell."""
    rows = iter(rows)
    header = [str(h).strip() if h is not None else "" for h in next(rows, [])]
    if L.ID not in header or answer_column not in header:
        raise DrafterError(f"找不到“{L.ID}”和“{answer_column}”两列；请使用 drafter export 生成的填报表", answers.path, name(1, 0))
    id_col, value_col = header.index(L.ID), header.index(answer_column)
    # A sheet exported before the column existed has none: nothing is confirmed there.
    confirm_col = header.index(L.CONFIRM) if key == "figures" and L.CONFIRM in header else None
    for n, row in enumerate(rows, 2):
        row = list(row)
        answer_id, value, confirmed = (_cell(row, col) for col in (id_col, value_col, confirm_col))
        if confirmed is not None and str(confirmed) != L.YES:
            raise DrafterError(f"“{L.CONFIRM}”应填“{L.YES}”或留空，这里是“{confirmed}”", answers.path,
                               name(n, confirm_col))
        if answer_id is None or value is None:
            if confirmed is not None and answer_id is not None:
                raise DrafterError(f"填了“{L.CONFIRM}”，但没有本年数值；请填写数值或清空“{L.CONFIRM}”",
                                   answers.path, name(n, confirm_col))
            continue  # a blank answer is no answer: the figure stays to fill
        if confirmed is not None:
            value = {"value": value, "confirmed": True}  # as an answers file writes a confirmed value
        answers.add(key, str(answer_id), value, name(n, value_col))


def _row_values(cells) -> list:
    # A department typing 93% into a General cell makes Excel store 0.93 formatted as a percentage: read 93%.
    out = []
    for cell in cells:
        value = getattr(cell, "value", None)
        fmt = getattr(cell, "number_format", "") or ""
        if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in fmt:
            value = f"{round(value * 100, 10):g}%"
        out.append(value)
    return out


def read_xlsx(path: Path) -> SheetAnswers:
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    data = read_input_bytes(path)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl fails on a broken file in many ways (zip, XML, missing parts): all mean the same
        raise DrafterError("不是可读的 .xlsx 文件（可能已损坏，或是改了扩展名的其他文件；请在 Excel/WPS 中另存为 .xlsx）", path) from None
    answers = SheetAnswers(path)
    if L.FIGURES_SHEET not in book.sheetnames and L.TEXTS_SHEET not in book.sheetnames:
        raise DrafterError(f"找不到“{L.FIGURES_SHEET}”或“{L.TEXTS_SHEET}”工作表；请使用 drafter export 生成的填报表", path)
    for title, key, column in ((L.FIGURES_SHEET, "figures", L.VALUE), (L.TEXTS_SHEET, "items", L.TEXT)):
        if title in book.sheetnames:
            _rows(answers, key, column, map(_row_values, book[title].iter_rows()),
                  lambda n, c, t=title: f"{t}!{get_column_letter(c + 1)}{n}")
    book.close()
    return answers


def _decode(data: bytes, path: Path) -> str:
    for encoding in _CSV_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DrafterError("无法识别 CSV 的编码；请另存为“CSV UTF-8”", path)


def read_csv(path: Path) -> SheetAnswers:
    """One sheet saved as CSV: the figures (本年数值) or the texts (本年文字), known by its header."""
    text = _decode(read_input_bytes(path), path)
    first = text.split("\n", 1)[0]
    delimiter = "," if "," in first else ("\t" if "\t" in first else (";" if ";" in first else ","))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records, starts, end = [], [], 0
    for record in reader:
        records.append(record)
        starts.append(end + 1)  # a text cell may hold line breaks: the record's first line
        end = reader.line_num
    header = [h.strip() for h in records[0]] if records else []
    key, column = ("items", L.TEXT) if L.TEXT in header else ("figures", L.VALUE)
    answers = SheetAnswers(path)
    _rows(answers, key, column, records,
          lambda n, c: f"第 {starts[n - 1] if n <= len(starts) else n} 行（{header[c] if c < len(header) else column}）")
    return answers


def read_sheet(path: str | Path) -> SheetAnswers:
    path = Path(path)
    return read_xlsx(path) if path.suffix.lower() == ".xlsx" else read_csv(path)
