"""The three editions: the review copy marked for reviewers, the copy sent up with its 版头, the published copy clean."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timedelta, timezone

import docx
import pytest
from helpers import filled, make_draft, seed_path

from drafter.cli import main as cli
from drafter.model.files import save_report
from drafter.model.report import Report
from drafter.render.document import render_bytes
from drafter.render.editions import NotReady
from drafter.render.patterns import REFERENCE_MARK

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DOC_NUMBER, SIGNER = "营政〔2025〕3号", "张三"


def ready(name: str = "yingkou") -> Report:
    """A draft `check` passes: every figure as last year (no contradiction), every text written."""
    draft = make_draft(name)
    for figure in draft.figures:
        figure.value = figure.prior if figure.prior is not None else 1
    draft = filled(draft)
    draft.meta.doc_number, draft.meta.signer = DOC_NUMBER, SIGNER
    return draft


@pytest.fixture(scope="module")
def editions():
    draft = ready()
    return {edition: render_bytes(draft, edition=edition) for edition in ("review", "submit", "public")}


def parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name).decode("utf-8") for name in zf.namelist() if name.endswith(".xml")}


def body(data: bytes):
    return docx.Document(io.BytesIO(data))


def styled(document, style_id: str):
    return [p for p in document.paragraphs if p.style.style_id == style_id]


def test_review_keeps_comments_and_highlights_and_carries_the_mark(editions):
    xml = parts(editions["review"])
    assert xml["word/comments.xml"].count("<w:comment ") > 50  # every filled figure is commented
    headers = [text for name, text in xml.items() if name.startswith("word/header")]
    assert headers and all("讨论稿" in text for text in headers)


@pytest.mark.parametrize("edition", ["submit", "public"])
def test_clean_editions_have_no_comment_highlight_or_mark(editions, edition):
    xml = parts(editions[edition])
    assert "word/comments.xml" not in xml
    assert "commentReference" not in xml["word/document.xml"]
    assert "<w:highlight" not in xml["word/document.xml"]
    assert REFERENCE_MARK not in xml["word/document.xml"] and "【待填" not in xml["word/document.xml"]
    assert not any("讨论稿" in text for name, text in xml.items() if name.startswith("word/header"))


def test_submit_carries_the_banner_of_an_upward_document(editions):
    document = body(editions["submit"])
    texts = [p.text for p in document.paragraphs]
    mark, = styled(document, "BannerMark")
    assert mark.text == "营口市人民政府文件" and texts.index(mark.text) == 0
    style = document.styles.get_by_id("BannerMark", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH)
    assert style.element.find(f"{W}rPr/{W}color").get(f"{W}val") == "FF0000"
    assert mark.runs[0].font.size.pt <= 42  # 初号 at most: 15 mm a character
    number, = styled(document, "DocNumber")
    assert number.text == f"{DOC_NUMBER}\t签发人：{SIGNER}"
    # Two blank lines between mark and 文号, and between the separator and the title.
    assert texts.index(number.text) == 3 and texts[1:3] == ["", ""] and texts[4:6] == ["", ""]
    assert texts[6] == "关于2024年法治政府建设情况的报告"
    number_style = document.styles.get_by_id("DocNumber", docx.enum.style.WD_STYLE_TYPE.PARAGRAPH).element
    line = number_style.find(f"{W}pPr/{W}pBdr/{W}bottom")
    assert line.get(f"{W}color") == "FF0000" and line.get(f"{W}val") == "single"
    ind = number_style.find(f"{W}pPr/{W}ind")
    assert ind.get(f"{W}left") == "0" and ind.get(f"{W}firstLineChars") == "100"  # line full width, 文号 one in
    signer_run = number.runs[-1]
    assert signer_run.text == SIGNER
    assert signer_run.element.find(f"{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "楷体_GB2312"


def test_public_has_neither_banner_nor_document_number(editions):
    document = body(editions["public"])
    assert not styled(document, "BannerMark") and not styled(document, "DocNumber")
    assert DOC_NUMBER not in parts(editions["public"])["word/document.xml"]
    assert document.paragraphs[0].text == "关于2024年法治政府建设情况的报告"


def test_review_shows_the_banner_with_the_signer_still_to_fill():
    draft = ready()
    draft.meta.signer = None
    document = body(render_bytes(draft))
    number, = styled(document, "DocNumber")
    assert number.text == f"{DOC_NUMBER}\t签发人：【待填：签发人】"
    assert number.runs[-1].element.find(f"{W}rPr/{W}highlight").get(f"{W}val") == "yellow"
    with pytest.raises(NotReady, match="未填签发人"):
        render_bytes(draft, edition="submit")


def test_properties_name_the_issuer_and_the_render_time(editions):
    before = datetime.now(timezone.utc) - timedelta(minutes=10)
    for data in editions.values():
        core = body(data).core_properties
        assert core.author == core.last_modified_by == "营口市人民政府"
        assert core.created == core.modified and core.created.replace(tzinfo=timezone.utc) > before
        assert core.title == "关于2024年法治政府建设情况的报告"
        assert "<Company>营口市人民政府</Company>" in parts(data)["docProps/app.xml"]


def test_widow_control_and_what_keeps_with_what(editions):
    document = body(editions["review"])
    for sid in ("Normal", "Heading1", "Heading2", "Heading3", "Heading4"):
        ppr = document.styles.get_by_id(sid, docx.enum.style.WD_STYLE_TYPE.PARAGRAPH).element.find(f"{W}pPr")
        assert ppr.find(f"{W}widowControl") is not None, sid
        if sid != "Normal":
            assert ppr.find(f"{W}keepNext") is not None, sid  # a heading never ends a page
    paragraphs = document.paragraphs
    closing = next(i for i, p in enumerate(paragraphs) if p.text == "特此报告。")
    last_body = paragraphs[closing - 1]
    assert last_body.text and last_body.paragraph_format.keep_with_next
    assert not paragraphs[closing - 3].paragraph_format.keep_with_next  # only the last one


def test_an_item_still_to_write_keeps_the_heading_style():
    draft = make_draft("yingkou")
    document = body(render_bytes(draft))
    todo = [p for p in document.paragraphs if p.text.startswith("（") and "【待填" in p.text[:6]]
    assert todo and all(p.style.name.startswith("Heading") for p in todo)


def test_an_unfilled_draft_is_refused_and_nothing_written(tmp_path, capsys):
    src = tmp_path / "d.yaml"
    save_report(make_draft("yingkou"), src)
    for edition in ("submit", "public"):
        out = tmp_path / f"{edition}.docx"
        assert cli.main(["render", str(src), "-o", str(out), "--edition", edition]) == 1
        err = capsys.readouterr().err
        assert "不能排版" in err and "处错误或未填内容" in err and "一、（一）" in err
        assert not out.exists()


def test_cli_renders_each_edition_of_a_ready_draft(tmp_path, capsys):
    src = tmp_path / "d.yaml"
    save_report(ready(), src)
    for edition, name in (("review", "讨论稿"), ("submit", "送审稿"), ("public", "公开版")):
        out = tmp_path / f"{edition}.docx"
        assert cli.main(["render", str(src), "-o", str(out), "--edition", edition]) == 0
        assert name in capsys.readouterr().out and zipfile.is_zipfile(out)


def test_batch_renders_the_edition_asked_for(tmp_path, capsys):
    src = tmp_path / "in" / "d.yaml"
    src.parent.mkdir()
    save_report(ready(), src)
    save_report(make_draft("xinyu"), src.with_name("unready.yaml"))
    assert cli.main(["batch", str(src.parent), "-o", str(tmp_path / "out"), "--edition", "submit", "-j", "1"]) == 1
    made = list((tmp_path / "out").glob("*.docx"))
    assert len(made) == 1 and "word/comments.xml" not in parts(made[0].read_bytes())
    assert "不能排版送审稿" in (tmp_path / "out" / "batch-report.csv").read_text(encoding="utf-8")


def test_draft_keeps_its_yaml_and_names_the_next_command(tmp_path, capsys):
    out = tmp_path / "营口.docx"
    assert cli.main(["draft", str(seed_path("yingkou")), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    kept = out.with_suffix(".yaml")
    assert kept.is_file() and "year: 2024" in kept.read_text(encoding="utf-8")
    assert f"drafter fill {kept}" in said and "突出显示" in said and "底纹" not in said
    out.unlink()
    kept.write_text("changed", encoding="utf-8")
    # The clerk's draft YAML is never overwritten unasked, and then nothing is written.
    assert cli.main(["draft", str(seed_path("yingkou")), "-o", str(out)]) == 2
    assert "已存在" in capsys.readouterr().err and not out.exists()
    assert cli.main(["draft", str(seed_path("yingkou")), "-o", str(out), "--force"]) == 0
    assert "changed" not in kept.read_text(encoding="utf-8")


def test_pdf_without_libreoffice_says_so_and_writes_nothing(tmp_path, capsys, monkeypatch):
    import shutil

    src = tmp_path / "d.yaml"
    save_report(ready(), src)
    monkeypatch.setattr(shutil, "which", lambda name: None)
    out = tmp_path / "d.docx"
    assert cli.main(["render", str(src), "-o", str(out), "--pdf"]) == 2
    assert "未找到 LibreOffice" in capsys.readouterr().err and not out.exists()


def _green(document) -> list:
    return [r for p in document.paragraphs for r in _green_in(p)]


def test_years_moved_in_last_years_text_are_marked_for_the_reviewer():
    draft = make_draft("yingkou")
    document = body(render_bytes(draft))
    green = _green(document)
    assert green and {r.text for r in green} <= {"2023", "2024", "2025"}
    paragraph = next(p for p in document.paragraphs if "市委法治建设委员会2024年工作要点" in p.text)
    assert any(r.text == "2024" for r in _green_in(paragraph))
    comments = [c.text for c in document.comments]
    assert any("“2023年”自动改为“2024年”" in text for text in comments)
    # A year inside 《》 or 〔〕 is a name, never moved, never marked.
    for r in green:
        text = r._parent.text
        at = text.index(r.text)
        assert text.rfind("《", 0, at) <= text.rfind("》", 0, at)
    assert not _green(body(render_bytes(ready(), edition="submit")))


def _green_in(paragraph) -> list:
    return [r for r in paragraph.runs
            if (h := r.element.find(f"{W}rPr/{W}highlight")) is not None and h.get(f"{W}val") == "green"]


def test_text_the_clerk_confirmed_carries_no_year_mark():
    draft = ready()  # every item done: the clerk has confirmed or rewritten last year's words
    assert not _green(body(render_bytes(draft)))


def test_items_of_one_group_share_one_layout():
    """鹤庆's 7.1 has a heading, 7.2–7.4 run in: all four run in, numbered at their paragraph's start."""
    draft = make_draft("heqing")
    group = draft.holder(next(item for _, item in draft.walk() if item.id == "measures.7.1"))
    assert group[0].heading and not any(item.heading for item in group[1:])
    document = body(render_bytes(draft))
    paragraphs = [p for p in document.paragraphs if "积极推进行政执法规范化" in p.text]
    assert len(paragraphs) == 1 and paragraphs[0].style.name == "Normal"
    assert paragraphs[0].text.startswith(f"1.{REFERENCE_MARK}积极推进行政执法规范化。")
