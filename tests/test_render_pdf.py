"""LibreOffice turns a rendered report into PDF: the grid gives 22 lines of 28 characters, the text is there."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from helpers import make_draft, yingkou_report

from drafter.model.report import Report, Section
from drafter.render.document import render_model

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

LINE_WORDS = ("法治政府建设取得新成效" * 3)[:26]  # with the two-character indent: one full line of 28


def _page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?!s)", pdf))


def _pdf_text(path, first: int | None = None, last: int | None = None) -> str | None:
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    args = [tool]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(args + [str(path), "-"], capture_output=True, check=True, text=True).stdout


def _grid_model() -> Report:
    """Exactly 66 lines, if lines hold 28 characters: three pages of 22 lines, four of 21."""
    model = yingkou_report()
    model.preamble = [LINE_WORDS] * 58
    for key in ("measures", "shortcomings", "plan"):
        model.sections[key] = Section(key=key)
    model.sections["duties"] = Section(key="duties", heading="履职情况", paragraphs=[LINE_WORDS])
    model.figures = []
    # title + blank + 58 + heading + paragraph + 特此报告 + blank + signature + date = 66 lines
    return model


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pdf")
    render_model(_grid_model(), folder / "grid.docx")
    render_model(make_draft("yingkou"), folder / "yingkou.docx", appendix=True)
    profile = folder / "profile"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(folder / "grid.docx"), str(folder / "yingkou.docx")],
        check=True, capture_output=True, timeout=300,
    )
    return folder


def test_pages_hold_22_lines_of_28_characters(pdfs):
    pdf = (pdfs / "grid.pdf").read_bytes()
    assert _page_count(pdf) == 3
    text = _pdf_text(pdfs / "grid.pdf", 3)
    if text is not None:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert "特此报告。" in lines and any(re.fullmatch(r"—\s*3\s*—", line) for line in lines)


def test_a_drafted_report_converts_with_its_text(pdfs):
    pdf = (pdfs / "yingkou.pdf").read_bytes()
    pages = _page_count(pdf)
    assert pages >= 8
    text = _pdf_text(pdfs / "yingkou.pdf")
    if text is None:
        return
    flat = re.sub(r"\s+", "", text)
    draft = make_draft("yingkou")
    assert re.sub(r"\s+", "", draft.meta.title) in flat
    for heading in ("一、主要工作情况", "（一）着力增强法治思维意识", "下步工作安排", "特此报告。", "【待填：", "【上年参考，请确认或改写】"):
        assert heading in flat, heading
    assert flat.index("一、主要工作情况") < flat.index("下步工作安排") < flat.index("特此报告。")
    # Page numbers: — n — on every page, the last page's too.
    first = _pdf_text(pdfs / "yingkou.pdf", 1)
    assert re.search(r"—\s*1\s*—", first)
    assert re.search(rf"—\s*{pages}\s*—", _pdf_text(pdfs / "yingkou.pdf", pages))


def test_render_pdf_writes_each_edition_beside_the_docx(tmp_path, capsys):
    from test_render_editions import DOC_NUMBER, SIGNER, ready

    from drafter.cli import main as cli
    from drafter.model.files import save_report

    src = tmp_path / "d.yaml"
    save_report(ready(), src)
    for edition in ("review", "submit", "public"):
        out = tmp_path / f"{edition}.docx"
        assert cli.main(["render", str(src), "-o", str(out), "--edition", edition, "--pdf"]) == 0
        pdf = out.with_suffix(".pdf")
        assert f"PDF → {pdf}" in capsys.readouterr().out and pdf.read_bytes().startswith(b"%PDF")
        first = _pdf_text(pdf, 1)
        if first is None:
            continue
        flat = re.sub(r"\s+", "", first)
        assert ("讨论稿" in flat) == (edition == "review")
        banner = ("营口市人民政府文件" in flat, DOC_NUMBER in flat, f"签发人：{SIGNER}" in flat)
        assert banner == ((edition != "public"),) * 3, edition
    # An existing PDF needs --force, and then nothing is written.
    (tmp_path / "again.pdf").write_bytes(b"keep")
    assert cli.main(["render", str(src), "-o", str(tmp_path / "again.docx"), "--pdf"]) == 2
    assert not (tmp_path / "again.docx").exists() and (tmp_path / "again.pdf").read_bytes() == b"keep"
