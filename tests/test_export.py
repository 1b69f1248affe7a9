"""`drafter export` writes the 填报表; `fill --answers` reads it back (.xlsx, .csv), also as LibreOffice saves it."""

import os
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from helpers import make_draft

from drafter.cli.main import main
from drafter.draft.placeholders import used_figures
from drafter.model.files import load_report, save_report
from drafter.model.numbering import Places
from drafter.vocab import REFERENCE, TODO

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
# Converting a spreadsheet needs Calc, not only the Writer that renders PDFs.
CALC = SOFFICE is not None and (Path(os.path.realpath(SOFFICE)).parent / "libsclo.so").exists()


@pytest.fixture(scope="module")
def tongzhou():
    return make_draft("tongzhou")


@pytest.fixture
def draft_file(tmp_path, tongzhou):
    path = tmp_path / "通州2024草稿.yaml"
    save_report(tongzhou, path)
    return path


@pytest.fixture
def sheet(tmp_path, draft_file):
    out = tmp_path / "填报表.xlsx"
    assert main(["export", str(draft_file), "-o", str(out)]) == 0
    return out


def test_export_lists_figures_to_fill_with_their_place(sheet, tongzhou):
    book = openpyxl.load_workbook(sheet)
    ws = book["数字"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("编号", "位置", "指标", "单位", "上年数值", "本年数值", "确认无误", "填报单位/说明", "上年原句")
    figures = used_figures(tongzhou)
    assert [r[0] for r in rows[1:]] == [f.id for f in figures]
    first = figures[0]
    holder = next(node for s in tongzhou.parts() for node in s.walk() if f"{{{first.id}}}" in "".join(node.paragraphs))
    assert rows[1][1] == Places(tongzhou).name(holder) and rows[1][1].startswith("一、")
    assert rows[1][2:5] == (first.label, first.unit, first.prior)
    assert rows[1][8] == first.sentence
    texts = {r[0]: r for r in list(book["文字"].iter_rows(values_only=True))[1:]}
    todo = [n for s in tongzhou.parts() for n in (s, *s.walk()) if n.status == TODO]
    assert todo and all(texts[n.id or n.key][2] == n.prompt and texts[n.id or n.key][4] is None for n in todo)


def test_export_lists_kept_texts_with_last_years_words(tmp_path):
    draft = make_draft("heqing")
    path, out = tmp_path / "鹤庆草稿.yaml", tmp_path / "填报表.xlsx"
    save_report(draft, path)
    assert main(["export", str(path), "-o", str(out)]) == 0
    texts = {r[0]: r for r in list(openpyxl.load_workbook(out)["文字"].iter_rows(values_only=True))[1:]}
    kept = [n.id for s in draft.parts() for n in s.walk() if n.status == REFERENCE and n.paragraphs]
    assert kept and set(kept) <= set(texts) and "measures.4" not in texts  # a group without words of its own
    # 上年参考 is last year's sentence as printed: its year and its figure, not the draft's 2024 and {F002}
    assert texts["measures.5.2"][3].startswith("2023年全县权责清单事项共5512项，")
    assert texts["measures.5.2"][1] == "一、（五）2. 全面落实权责清单制度"
    book = openpyxl.load_workbook(out)
    ws = book["文字"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "measures.5.2")
    ws.cell(row, 5).value = "2024年全县权责清单事项共{F002}，动态调整机制运行良好。"
    book.save(out)
    assert main(["fill", str(path), "--answers", str(out)]) == 0
    filled = load_report(path)
    assert filled.find("measures.5.2").status == "done"
    assert filled.find("measures.5.2").paragraphs == ["2024年全县权责清单事项共{F002}，动态调整机制运行良好。"]
    assert filled.find("measures.5.1").status == REFERENCE  # a blank cell leaves the text as it was


def test_only_answer_cells_are_editable_and_values_validated(sheet, tongzhou):
    ws = openpyxl.load_workbook(sheet)["数字"]
    assert ws.protection.sheet and not ws.protection.password
    assert ws["A2"].protection.locked and ws["E2"].protection.locked and ws["I2"].protection.locked
    assert not ws["F2"].protection.locked and not ws["G2"].protection.locked and not ws["H2"].protection.locked
    rules = {(dv.type, dv.operator, dv.formula1, dv.formula2): str(dv.sqref) for dv in ws.data_validations.dataValidation}
    rows = {f.id: n for n, f in enumerate(used_figures(tongzhou), 2)}
    percent = [f.id for f in used_figures(tongzhou) if f.unit == "%"]
    assert percent  # 通州 reports rates
    assert f"F{rows[percent[0]]}" in rules[("decimal", "between", "0", "100")].split()
    assert "F2" in rules[("decimal", "greaterThanOrEqual", "0", None)].split()
    assert "G2" in rules[("list", None, '"是"', None)].split()


def test_export_refuses_to_overwrite(sheet, draft_file, capsys):
    before = sheet.read_bytes()
    assert main(["export", str(draft_file), "-o", str(sheet)]) == 2
    assert "如需覆盖，请加 --force" in capsys.readouterr().err
    assert sheet.read_bytes() == before
    assert main(["export", str(draft_file), "-o", str(sheet), "--force"]) == 0


def _fill_in(sheet, values: dict, text: str | None = None) -> str:
    """Figures by cell; text into the first row still to write. The text cell's name."""
    book = openpyxl.load_workbook(sheet)
    ws = book["数字"]
    for cell, value in values.items():
        ws[cell] = value
    texts = book["文字"]
    row = next(r for r in range(2, texts.max_row + 1) if texts.cell(r, 3).value.startswith("请"))
    if text is not None:
        texts.cell(row, 5).value = text
    book.save(sheet)
    return f"文字!E{row}"


def test_fill_from_the_sheet(sheet, draft_file, tongzhou, capsys):
    ids = [f.id for f in used_figures(tongzhou)]
    _fill_in(sheet, {"F2": 35, "F3": "约6500", "F4": "010", "H2": "区政务服务局"}, f"全年组织学法{{{ids[0]}}}。")
    assert main(["fill", str(draft_file), "--answers", str(sheet)]) == 0
    left = len(used_figures(tongzhou)) - 3
    assert f"更新数字 3 个、文字 1 项；尚余待填数字 {left} 个，待写" in capsys.readouterr().out
    draft = load_report(draft_file)
    got = [(draft.figure(i).value, draft.figure(i).approx) for i in ids[:4]]
    assert got == [(35, None), (6500, "约"), (10, None), (None, None)]
    todo = next(n for s in tongzhou.parts() for n in (s, *s.walk()) if n.status == TODO)
    node = draft.find(todo.id if todo.id else todo.key)
    assert node.paragraphs == [f"全年组织学法{{{ids[0]}}}。"]


def test_bad_cells_named_and_nothing_written(sheet, draft_file, capsys):
    text_cell = _fill_in(sheet, {"F2": "三十五", "F5": -3, "F6": 12}, "{F999}")
    before = draft_file.read_bytes()
    assert main(["fill", str(draft_file), "--answers", str(sheet)]) == 2
    err = capsys.readouterr().err
    assert "数字!F2" in err and "数字!F5" in err and text_cell in err and "数字!F6" not in err
    assert "另有 2 处问题" in err and "未写入任何内容" in err
    assert draft_file.read_bytes() == before


def _csv(tmp_path, sheet, encoding):
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer).writerows(openpyxl.load_workbook(sheet)["数字"].iter_rows(values_only=True))
    path = tmp_path / f"填报表-{encoding}.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_fill_from_csv_as_excel_saves_it(tmp_path, sheet, draft_file, tongzhou, encoding):
    _fill_in(sheet, {"F2": "0123", "F3": "4500余"})
    assert main(["fill", str(draft_file), "--answers", str(_csv(tmp_path, sheet, encoding))]) == 0
    ids = [f.id for f in used_figures(tongzhou)]
    draft = load_report(draft_file)
    assert (draft.figure(ids[0]).value, draft.figure(ids[1]).value, draft.figure(ids[1]).approx) == (123, 4500, "余")


def test_csv_problem_names_its_line(tmp_path, sheet, draft_file, capsys):
    _fill_in(sheet, {"F4": "1:30"})
    path = _csv(tmp_path, sheet, "utf-8-sig")
    # A 上年原句 never holds a line break, so the record of the 3rd figure is on the file's 4th line.
    assert main(["fill", str(draft_file), "--answers", str(path)]) == 2
    assert "第 4 行（本年数值）" in capsys.readouterr().err


def test_sheet_not_from_export_refused(tmp_path, draft_file, capsys):
    path = tmp_path / "别的表.xlsx"
    openpyxl.Workbook().save(path)
    assert main(["fill", str(draft_file), "--answers", str(path)]) == 2
    assert "找不到“数字”或“文字”工作表" in capsys.readouterr().err


@pytest.mark.skipif(not CALC, reason="LibreOffice Calc is not installed")
@pytest.mark.parametrize("target", ["xlsx", "csv:Text - txt - csv (StarCalc):44,34,76"])
def test_fill_from_a_sheet_libreoffice_saved(tmp_path, sheet, draft_file, tongzhou, target):
    _fill_in(sheet, {"F2": 35, "F3": "约6500"})
    out = tmp_path / "lo"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", target, "--outdir", str(out), str(sheet)], check=True, capture_output=True, timeout=240)
    saved = out / ("填报表." + target.split(":")[0])
    assert saved.exists()
    assert main(["fill", str(draft_file), "--answers", str(saved)]) == 0
    ids = [f.id for f in used_figures(tongzhou)]
    draft = load_report(draft_file)
    assert [(draft.figure(i).value, draft.figure(i).approx) for i in ids[:3]] == [(35, None), (6500, "约"), (None, None)]


def test_percent_formatted_cell_and_twice_answered_id(sheet, draft_file, tongzhou, capsys):
    rows = {f.id: n for n, f in enumerate(used_figures(tongzhou), 2)}
    rate = next(f for f in used_figures(tongzhou) if f.unit == "%")
    book = openpyxl.load_workbook(sheet)
    cell = book["数字"][f"F{rows[rate.id]}"]
    cell.value, cell.number_format = 0.935, "0.0%"  # what Excel stores when 93.5% is typed
    book.save(sheet)
    assert main(["fill", str(draft_file), "--answers", str(sheet)]) == 0
    assert load_report(draft_file).figure(rate.id).value == 93.5
    ws = book["数字"]
    ws["A3"], ws["F3"], ws["F2"] = ws["A2"].value, 5, 6  # a row copied over the next one
    book.save(sheet)
    assert main(["fill", str(draft_file), "--answers", str(sheet)]) == 2
    assert "填了两次（另一处在 数字!F2）" in capsys.readouterr().err


def test_broken_xlsx_refused_in_chinese(tmp_path, draft_file, capsys):
    path = tmp_path / "填报表.xlsx"
    path.write_text("这不是表格", encoding="utf-8")
    assert main(["fill", str(draft_file), "--answers", str(path)]) == 2
    assert "不是可读的 .xlsx 文件" in capsys.readouterr().err


def test_texts_sheet_as_csv(tmp_path, sheet, draft_file, tongzhou, capsys):
    import csv

    book = openpyxl.load_workbook(sheet)
    rows = [list(r) for r in book["文字"].iter_rows(values_only=True)]
    assert rows[1][0] == "preamble"  # 通州's opening is kept from last year: rewritten from the sheet too
    rows[1][4] = "第一段。\n第二段。"  # a cell with a line break: the next record starts a line later
    rows[2][4] = "{F999}"
    path = tmp_path / "文字.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    before = draft_file.read_bytes()
    assert main(["fill", str(draft_file), "--answers", str(path)]) == 2
    # The third record starts on the line after the header's and the second record's lines (上年参考 has breaks too).
    line = 2 + sum(str(v).count("\n") for v in rows[1] if v) + 1
    assert line > 3
    assert path.read_text(encoding="utf-8-sig").split("\n")[line - 1].startswith(rows[2][0] + ",")
    assert f"第 {line} 行（本年文字）：文字中的 {{F999}} 不是草稿中的数字编号" in capsys.readouterr().err
    assert draft_file.read_bytes() == before
    rows[2][4] = None
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    assert main(["fill", str(draft_file), "--answers", str(path)]) == 0
    assert load_report(draft_file).preamble == ["第一段。", "第二段。"]


def test_a_value_confirmed_in_the_sheet(sheet, draft_file, tongzhou, capsys):
    figures = used_figures(tongzhou)
    big = figures[0].prior * 10  # more than 5 times last year's: fill lists it unless confirmed
    _fill_in(sheet, {"F2": big, "G2": "是", "F3": figures[1].prior * 10})
    assert main(["fill", str(draft_file), "--answers", str(sheet)]) == 0
    out = capsys.readouterr().out
    assert "以下 1 个数字与上年相差超过 5 倍，请核对（确认无误可在填报表“确认无误”一列填“是”后再导入）" in out
    assert figures[1].id in out and f"  {figures[0].id} " not in out
    draft = load_report(draft_file)
    assert (draft.figure(figures[0].id).value, draft.figure(figures[0].id).confirmed) == (big, True)
    assert draft.figure(figures[1].id).confirmed is False
    # 确认无误 takes 是 or nothing, and only with a value
    for cells, message in (({"G4": "对"}, "数字!G4：“确认无误”应填“是”或留空，这里是“对”"),
                           ({"G5": "是"}, "数字!G5：填了“确认无误”，但没有本年数值")):
        _fill_in(sheet, {"G2": None, **cells})
        before = draft_file.read_bytes()
        assert main(["fill", str(draft_file), "--answers", str(sheet)]) == 2
        assert message in capsys.readouterr().err and draft_file.read_bytes() == before
        _fill_in(sheet, dict.fromkeys(cells))
