"""Rendering drafts to .docx: layout of GB/T 9704, fonts, numbering, placeholders, comments, templates."""

from __future__ import annotations

import copy
import dataclasses
import io
import zipfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import docx
import pytest
from helpers import SEEDS, filled, make_draft, parsed_report, seed_path, yingkou_report

from drafter.cli import main as cli
from drafter.draft.placeholders import PLACEHOLDER_RE, TODO_RE
from drafter.errors import DrafterError
from drafter.model.files import save_report
from drafter.model.numbering import number_for
from drafter.model.report import Closing, Item, Report
from drafter.render.document import render_bytes, render_file, render_model
from drafter.render.patterns import REFERENCE_MARK
from drafter.render.template import resolve_template
from drafter.render.wording import figure_comment
from drafter.resources import templates_dir
from drafter.text.numerals import to_chinese
from drafter.text.width import page_width
from drafter.vocab import PARTS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADING_STYLES = {"Heading 1": 1, "Heading 2": 2, "Heading 3": 3, "Heading 4": 4}


# ---------------------------------------------------------------- fixtures and helpers

def placed(report: Report, parts_only: bool = False) -> list:
    """The figures whose placeholder stands in the printed text (or in the five parts' text)."""
    texts = [t for section in report.parts() for t in section.words()] if parts_only else report.texts()
    used = {fid for text in texts for fid in PLACEHOLDER_RE.findall(text)}
    return [f for f in report.figures if f.id in used]


def runs_of(document):
    return list(document.element.body.iter(f"{W}r"))


def run_text(r) -> str:
    return "".join(t.text or "" for t in r.iter(f"{W}t"))


def highlight(r) -> str | None:
    el = r.find(f"{W}rPr/{W}highlight")
    return el.get(f"{W}val") if el is not None else None


def style_font(style) -> tuple[str | None, float | None]:
    rfonts = style.element.find(f"{W}rPr/{W}rFonts")
    east = rfonts.get(f"{W}eastAsia") if rfonts is not None else None
    return east, style.font.size.pt if style.font.size else None


def open_docx(data: bytes):
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def drafts():
    return {name: make_draft(name) for name in sorted(SEEDS)}


@pytest.fixture(scope="module")
def rendered(drafts):
    """Each seed's draft rendered (with the appendix), as (bytes, python-docx Document)."""
    out = {}
    for name, draft in drafts.items():
        data = render_bytes(draft, appendix=True)
        out[name] = (data, open_docx(data))
    return out


# ---------------------------------------------------------------- numbering helpers

def test_numbering_is_literal_per_level():
    assert [to_chinese(n) for n in (1, 9, 10, 11, 20, 21, 99)] == ["一", "九", "十", "十一", "二十", "二十一", "九十九"]
    assert number_for(1, 3) == "三、"
    assert number_for(2, 12) == "（十二）"
    assert number_for(3, 2) == "2."
    assert number_for(4, 5) == "（5）"


def test_figure_comment_says_prior_now_and_change():
    from drafter.model.report import Figure

    figure = Figure(id="F001", label="审核规范性文件", value=75, unit="件", approx=None, sentence="", section="measures",
                    prior=71)
    assert figure_comment(figure, 2023) == "2023年：71件；本年：75件；同比增长5.6%"
    figure.value = 60
    assert figure_comment(figure, 2023) == "2023年：71件；本年：60件；同比下降15.5%"
    figure.value, figure.prior = 1000.4, 1000
    assert figure_comment(figure, None) == "上年：1000件；本年：1000.4件；同比增长不足0.1%"
    rate = Figure(id="F002", label="调解率", value=30.5, unit="%", approx=None, sentence="", section="measures", prior=28)
    assert figure_comment(rate, 2023) == "2023年：28%；本年：30.5%；比上年提高2.5个百分点"
    rate.value = 27
    assert figure_comment(rate, 2023) == "2023年：28%；本年：27%；比上年下降1个百分点"


# ---------------------------------------------------------------- page, styles, fonts

def test_page_is_a4_with_the_standard_margins(rendered):
    _, document = rendered["yingkou"]
    section = document.sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
    assert round(section.top_margin.mm) == 37 and round(section.bottom_margin.mm) == 35
    assert round(section.left_margin.mm) == 28 and round(section.right_margin.mm) == 26
    grid = document.element.body.find(f"{W}sectPr/{W}docGrid")
    assert grid.get(f"{W}type") == "lines" and grid.get(f"{W}linePitch") == "579"
    settings = document.settings.element
    assert settings.find(f"{W}mirrorMargins") is not None
    assert settings.find(f"{W}evenAndOddHeaders") is not None


def test_styles_carry_the_standard_faces_sizes_and_outline_levels(rendered):
    _, document = rendered["yingkou"]
    styles = document.styles
    assert style_font(styles["Title"]) == ("方正小标宋简体", 22)
    assert style_font(styles["Normal"]) == ("仿宋_GB2312", 16)
    assert style_font(styles["Heading 1"]) == ("黑体", 16)
    assert style_font(styles["Heading 2"]) == ("楷体_GB2312", 16)
    assert style_font(styles["Heading 3"]) == ("仿宋_GB2312", 16) and styles["Heading 3"].font.bold
    assert style_font(styles["Heading 4"]) == ("仿宋_GB2312", 16)
    for name, level in HEADING_STYLES.items():
        outline = styles[name].element.find(f"{W}pPr/{W}outlineLvl")
        assert outline.get(f"{W}val") == str(level - 1)
    normal = styles["Normal"].element.find(f"{W}pPr")
    assert normal.find(f"{W}ind").get(f"{W}firstLineChars") == "200"
    spacing = normal.find(f"{W}spacing")
    assert (spacing.get(f"{W}line"), spacing.get(f"{W}lineRule")) == ("579", "exact")
    # No theme fonts anywhere in the styles: Word and WPS would substitute another face.
    assert "Theme=" not in styles.element.xml.replace("w:", "")


def test_every_run_names_all_four_faces_from_its_style(rendered):
    for name, (_, document) in rendered.items():
        faces = {"Title": "方正小标宋简体", "Heading 1": "黑体", "Heading 2": "楷体_GB2312", "Normal": "仿宋_GB2312"}
        for paragraph in document.paragraphs:
            for r in paragraph._p.iter(f"{W}r"):
                rfonts = r.find(f"{W}rPr/{W}rFonts")
                assert rfonts is not None, (name, paragraph.text)
                values = [rfonts.get(f"{W}{slot}") for slot in ("ascii", "hAnsi", "eastAsia", "cs")]
                assert all(values), (name, paragraph.text)
                assert not any(k.endswith("Theme") for k in rfonts.attrib)
                wanted = faces.get(paragraph.style.name)
                if wanted and run_text(r):
                    assert values[2] == wanted, (name, paragraph.style.name, paragraph.text)


def test_page_numbers_are_fields_dashed_odd_right_even_left(rendered):
    _, document = rendered["yingkou"]
    section = document.sections[0]
    for footer, side in ((section.footer, "right"), (section.even_page_footer, "left")):
        p = footer.paragraphs[0]
        assert p._p.find(f"{W}pPr/{W}jc").get(f"{W}val") == side
        instr = "".join(el.text for el in p._p.iter(f"{W}instrText"))
        assert instr.strip() == "PAGE"
        assert p.text.startswith("— ") and p.text.endswith(" —")
        rfonts = p._p.find(f"{W}r/{W}rPr/{W}rFonts")
        assert rfonts.get(f"{W}eastAsia") == "宋体" and rfonts.get(f"{W}ascii") == "宋体"
        assert p._p.find(f"{W}r/{W}rPr/{W}sz").get(f"{W}val") == "28"


# ---------------------------------------------------------------- outline and text

def _outline(document):
    return [(HEADING_STYLES[p.style.name], p.text) for p in document.paragraphs if p.style.name in HEADING_STYLES]


def _expected_number(level: int, n: int) -> str:
    return {1: f"{to_chinese(n)}、", 2: f"（{to_chinese(n)}）", 3: f"{n}.", 4: f"（{n}）"}[level]


def test_numbering_regenerated_and_restarting_per_level(rendered):
    for name, (_, document) in rendered.items():
        counters = [0, 0, 0, 0, 0]
        depth = 0
        numbered = 0
        for p in document.paragraphs:
            level = HEADING_STYLES.get(p.style.name)
            if level is None and p.style.name == "Normal" and depth:
                # An item without heading: its number starts its first paragraph.
                level = next((lv for lv in range(2, min(depth + 1, 4) + 1)
                              if p.text.startswith(_expected_number(lv, counters[lv] + 1))), None)
            if level is None:
                continue
            counters[level] += 1
            for deeper in range(level + 1, 5):
                counters[deeper] = 0
            if p.style.name in HEADING_STYLES:
                depth = level
            assert p.text.startswith(_expected_number(level, counters[level])), (name, p.text)
            numbered += 1
        assert numbered > 10, name


def test_parts_appear_in_order_with_their_text(rendered, drafts):
    for name, (_, document) in rendered.items():
        draft = drafts[name]
        text = "\n".join(p.text for p in document.paragraphs)
        pos = 0
        level1 = [t for level, t in _outline(document) if level == 1]
        for key in PARTS:
            section = draft.sections[key]
            if key == "other" and not (section.paragraphs or section.items):
                assert not any("其他" in t for t in level1)
                continue
            if section.heading:
                found = text.find(section.heading, pos)
                assert found >= 0, (name, key, section.heading)
                pos = found
            for item in section.items:
                if item.heading and "{F" not in item.heading:
                    found = text.find(item.heading, pos)
                    assert found >= 0, (name, key, item.heading)
                    pos = found
        assert any("第一责任人" in t or "主要负责人" in t for t in level1), name  # duties always


def test_title_recipient_signature_and_date(rendered, drafts):
    _, document = rendered["zhumadian"]
    meta = drafts["zhumadian"].meta
    paragraphs = document.paragraphs
    title = [p for p in paragraphs if p.style.name == "Title" and p.text]
    assert title[0].text == meta.title
    recipient = [p for p in paragraphs if p.style.name == "主送机关"]
    assert recipient and recipient[0].text == meta.recipient + "："
    signature = [p for p in paragraphs if p.style.name == "发文机关署名"]
    assert [p.text for p in signature] == [meta.issuer]
    date = [p for p in paragraphs if p.style.name == "成文日期"][0]
    assert date.text == "【待填：成文日期（如 2021年1月20日）】"
    assert [highlight(r) for r in date._p.iter(f"{W}r") if run_text(r)] == ["yellow"]
    body_text = [p.text for p in paragraphs if p.style.name == "Normal"]
    assert "特此报告。" in body_text


def _right_chars(p) -> float:
    return int(p._p.find(f"{W}pPr/{W}ind").get(f"{W}rightChars")) / 100


def test_date_starts_two_characters_right_of_the_signature():
    for date, issuer in (("2024-01-18", "营口市人民政府"), ("2020-02-09", "中共鹤庆县委 鹤庆县人民政府"), ("2021-12-30", "司法局")):
        model = yingkou_report()
        model.meta.date, model.meta.issuer = date, issuer
        document = open_docx(render_bytes(model))
        signature = [p for p in document.paragraphs if p.style.name == "发文机关署名"]
        date_p = [p for p in document.paragraphs if p.style.name == "成文日期"][0]
        assert [p.text for p in signature] == issuer.split()
        sig_width = max(page_width(p.text) for p in signature)
        sig_start = 28 - _right_chars(signature[0]) - sig_width
        date_start = 28 - _right_chars(date_p) - page_width(date_p.text)
        assert date_start - sig_start == pytest.approx(2)
        assert min(_right_chars(signature[0]), _right_chars(date_p)) == pytest.approx(2)
        assert date_p.text == "{}年{}月{}日".format(*(int(x) for x in date.split("-")))


def test_unfilled_figures_are_highlighted_with_last_years_value(rendered, drafts):
    _, document = rendered["yingkou"]
    draft = drafts["yingkou"]
    markers = {}
    for r in runs_of(document):
        text = run_text(r)
        if TODO_RE.fullmatch(text or ""):
            markers[text] = highlight(r)
    assert markers and set(markers.values()) == {"yellow"}
    # A figure the skeleton placed in the text shows its label and last year's value, never the bare number.
    in_text = placed(draft)
    assert in_text
    for figure in in_text[:20]:
        unit = figure.unit or ""
        assert any(figure.label in m and f"{draft.draft.prior_year}年：" in m and unit in m for m in markers), figure
    text = "\n".join(p.text for p in document.paragraphs)
    assert "{F" not in text


def test_reference_text_is_marked_and_tinted(rendered, drafts):
    _, document = rendered["yingkou"]
    marks = [r for r in runs_of(document) if run_text(r) == REFERENCE_MARK]
    assert marks and {highlight(r) for r in marks} == {"cyan"}
    for r in marks:
        p = r.getparent()
        others = [x for x in p.iter(f"{W}r") if x is not r and run_text(x) and not TODO_RE.fullmatch(run_text(x))]
        # Last year's words grey; a year drafter moved in them green, in a run of its own.
        assert others and all(highlight(x) == "lightGray" or (highlight(x) == "green" and run_text(x).isdigit())
                              for x in others)


def test_reference_lists_become_comments_not_body(rendered, drafts):
    _, document = rendered["yingkou"]
    draft = drafts["yingkou"]

    with_ref = [item for _, item in draft.walk() if item.reference]
    assert with_ref
    comments = list(document.comments)
    texts = [c.text for c in comments]
    body = "\n".join(p.text for p in document.paragraphs)
    checked = 0
    for item in with_ref:
        longest = max((line.strip() for ref in item.reference for line in ref.split("\n")), key=len)
        assert any(longest in t for t in texts), longest
        shown = " ".join([item.heading or "", item.prompt or "", *item.paragraphs])
        if item.status != "reference" and longest not in shown and len(longest) > 20:
            assert longest not in body, longest
            checked += 1
    assert checked
    assert all(c.author == "drafter" for c in comments)


def test_filled_figures_carry_a_comment_with_the_change(drafts):
    draft = copy.deepcopy(drafts["yingkou"])
    figure = next(f for f in placed(draft, parts_only=True) if f.prior)
    figure.value = figure.prior + 4
    document = open_docx(render_bytes(draft))
    expected = figure_comment(figure, draft.draft.prior_year)
    assert expected.startswith(f"{draft.draft.prior_year}年：") and "本年：" in expected and "同比增长" in expected
    comments = [c for c in document.comments if c.text == expected]
    assert len(comments) == 1
    # The comment is anchored on the figure as written in the text.
    cid = str(comments[0].comment_id)
    body = document.element.body
    start = body.find(f".//{W}commentRangeStart[@{W}id='{cid}']")
    anchored = start.getnext()
    from drafter.text.amounts import format_figure

    assert run_text(anchored) == format_figure(figure.value, figure.unit, figure.approx)


def test_a_filled_draft_renders_with_no_placeholder_left(drafts):
    for name in ("yingkou", "tongzhou"):
        draft = filled(drafts[name])
        document = open_docx(render_bytes(draft))
        text = "\n".join(p.text for p in document.paragraphs)
        assert "【待填" not in text and "{F" not in text and REFERENCE_MARK not in text, name
        assert not [r for r in runs_of(document) if highlight(r)], name
        # Every figure is written in and commented.
        assert len(list(document.comments)) >= len(placed(draft))


def test_appendix_table_lists_every_figure(rendered, drafts):
    _, document = rendered["heqing"]
    draft = drafts["heqing"]
    table = document.tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert header[:2] == ["序号", "数据项"] and header[2] == f"{draft.draft.prior_year}年"
    assert len(table.rows) == len(draft.figures) + 1
    first = draft.figures[0]
    row = [c.text for c in table.rows[1].cells]
    assert row[0] == "1" and row[1] == first.label and TODO_RE.fullmatch(row[3])
    assert "附件" in [p.text for p in document.paragraphs]


def test_without_appendix_there_is_no_table(drafts):
    document = open_docx(render_bytes(drafts["heqing"]))
    assert not document.tables
    assert "附件" not in [p.text for p in document.paragraphs]


# ---------------------------------------------------------------- v1 models, odd text

def test_a_parsed_report_renders_as_written():
    model = yingkou_report()
    document = open_docx(render_bytes(model))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "一、主要工作情况" in text and "（一）深入学习贯彻习近平法治思想,统筹推进法治政府建设" in text
    assert "1.不断加强规范性文件管理" in text
    assert "年度审核规范性文件71件,提出修改意见146条。" in text
    # Shortcomings had no heading: the standard one; duties empty: a highlighted prompt.
    outline = _outline(document)
    assert [t for level, t in outline if level == 1] == [
        "一、主要工作情况", "二、存在的不足和原因", "三、党政主要负责人履行推进法治建设第一责任人职责情况", "四、下步工作安排"]
    duties = text.split("三、党政主要负责人")[1].split("\n")[1]
    assert TODO_RE.fullmatch(duties)
    assert REFERENCE_MARK not in text
    # No comments for a report: nothing to compare with.
    assert not list(document.comments)


def test_user_text_stays_text(tmp_path):
    model = yingkou_report()
    model.sections["plan"].items[0].paragraphs = [
        "甲&乙<丙>“丁”{{ meta }}{% if x %}\x07\x0c第一行\n第二行\t结束"]
    model.meta.title = "标题<b>&amp;"
    document = open_docx(render_bytes(model))
    texts = [p.text for p in document.paragraphs]
    assert "标题<b>&amp;" in texts
    assert "甲&乙<丙>“丁”{{ meta }}{% if x %}第一行" in texts
    assert "第二行 结束" in texts  # a new line is a new paragraph, never a soft break
    assert not list(document.element.body.iter(f"{W}br"))


def test_other_is_left_out_when_empty_and_kept_with_content():
    model = yingkou_report()
    assert "其他需要报告的情况" not in "\n".join(p.text for p in open_docx(render_bytes(model)).paragraphs)
    model.sections["other"].paragraphs = ["本年度无其他需要报告的情况。"]
    level1 = [t for level, t in _outline(open_docx(render_bytes(model))) if level == 1]
    assert level1[-1] == "五、其他需要报告的情况"


def test_item_without_heading_starts_its_paragraph_with_the_number():
    model = yingkou_report()
    model.sections["shortcomings"].items = [Item(paragraphs=["统筹推进抓手还需丰富。"]),
                                            Item(paragraphs=["基层法治力度还需加强。"])]
    texts = [p.text for p in open_docx(render_bytes(model)).paragraphs]
    assert "（一）统筹推进抓手还需丰富。" in texts and "（二）基层法治力度还需加强。" in texts


# ---------------------------------------------------------------- files, CLI, templates

def test_render_file_and_force(tmp_path, drafts):
    src = tmp_path / "d.yaml"
    save_report(drafts["xinyu"], src)
    out = render_file(src, tmp_path / "d.docx")
    assert out.exists() and zipfile.is_zipfile(out)
    with pytest.raises(DrafterError, match="已存在"):
        render_file(src, out)
    render_file(src, out, force=True)
    with pytest.raises(DrafterError, match=".docx"):
        render_model(drafts["xinyu"], tmp_path / "d.pdf")


def test_cli_render_and_draft(tmp_path, capsys):
    out = tmp_path / "营口.docx"
    assert cli.main(["draft", str(seed_path("yingkou")), "-o", str(out)]) == 0
    document = docx.Document(str(out))
    assert document.paragraphs and any(p.style.name == "Heading 1" for p in document.paragraphs)
    assert "已生成" in capsys.readouterr().out
    assert cli.main(["draft", str(seed_path("yingkou")), "-o", str(out)]) == 2
    assert "已存在" in capsys.readouterr().err
    assert cli.main(["draft", str(seed_path("yingkou")), "-o", str(tmp_path / "x.docx"), "--template", "没有"]) == 2
    assert "没有名为“没有”的内置模板" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()


def _rewrite_template(tmp_path: Path, name: str, change) -> Path:
    src = resolve_template(None)
    out = tmp_path / name
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                data = change(data.decode("utf-8")).encode("utf-8")
            zout.writestr(info, data)
    return out


def test_custom_template_with_unknown_variable_is_refused(tmp_path):
    bad = _rewrite_template(tmp_path, "bad.docx", lambda xml: xml.replace("{{ recipient }}", "{{ recipent }}"))
    with pytest.raises(DrafterError, match="未知的变量“recipent”"):
        render_bytes(yingkou_report(), template=bad)


def test_custom_template_with_a_tag_split_across_formats_is_refused(tmp_path):
    split = ('<w:r><w:t xml:space="preserve">{{ doc_</w:t></w:r>'
             '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">number }}</w:t></w:r>')
    bad = _rewrite_template(tmp_path, "split.docx", lambda xml: xml.replace(
        '<w:r><w:t xml:space="preserve">{{ doc_number }}</w:t></w:r>', split, 1))
    with pytest.raises(DrafterError, match=r"标签“\{\{ doc_number \}\}”被拆成了格式不同的几段文字"):
        render_bytes(yingkou_report(), template=bad)
    broken = _rewrite_template(tmp_path, "broken.docx", lambda xml: xml.replace("{{ recipient }}", "{{ recipient }", 1))
    with pytest.raises(DrafterError, match="不完整的标签"):
        render_bytes(yingkou_report(), template=broken)


def test_custom_template_restyled_keeps_working(tmp_path):
    # A bureau changed the body face in Word: the runs follow the template's style.
    src = resolve_template(None)
    out = tmp_path / "restyled.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/styles.xml":
                data = data.replace("仿宋_GB2312".encode(), "仿宋".encode())
            zout.writestr(info, data)
    document = open_docx(render_bytes(yingkou_report(), template=out))
    body = [p for p in document.paragraphs if p.style.name == "Normal" and p.text][0]
    assert body._p.find(f"{W}r/{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "仿宋"


def test_bundled_templates_are_built_by_the_script(tmp_path):
    import subprocess
    import sys

    script = Path(__file__).resolve().parent.parent / "tools" / "build_template.py"
    for name, fonts in (("report", []), ("report-windows", ["body=仿宋", "h2=楷体", "h3=仿宋", "h4=仿宋"])):
        out = tmp_path / f"{name}.docx"
        args = [a for face in fonts for a in ("--font", face)]
        subprocess.run([sys.executable, str(script), "-o", str(out), *args], check=True, capture_output=True)
        assert out.read_bytes() == (templates_dir() / f"{name}.docx").read_bytes(), name


def test_windows_faces_template(drafts):
    document = open_docx(render_bytes(drafts["xinyu"], template="report-windows"))
    assert style_font(document.styles["Normal"]) == ("仿宋", 16)
    assert style_font(document.styles["Heading 2"]) == ("楷体", 16)
    heading = next(p for p in document.paragraphs if p.style.name == "Heading 2")
    assert heading._p.find(f"{W}r/{W}rPr/{W}rFonts").get(f"{W}eastAsia") == "楷体"


# ---------------------------------------------------------------- workers

def test_renders_in_a_worker_process(tmp_path, drafts):
    import multiprocessing

    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        outs = list(pool.map(render_model, [drafts["heqing"], drafts["xinyu"]],
                             [tmp_path / "a.docx", tmp_path / "b.docx"]))
    assert [Path(o).name for o in outs] == ["a.docx", "b.docx"]
    assert docx.Document(str(outs[0])).paragraphs


def test_template_cannot_reach_python_internals(tmp_path):
    bad = _rewrite_template(tmp_path, "sneaky.docx", lambda xml: xml.replace(
        "{{ recipient }}", "{{ meta.__class__.__mro__ }}", 1))
    model = yingkou_report()
    model.meta.recipient = "某某市人民政府"
    with pytest.raises(DrafterError, match="排版时出错"):
        render_bytes(model, template=bad)


def test_standard_sentences_beside_a_custom_template_are_used(tmp_path):
    custom = _rewrite_template(tmp_path, "ours.docx", lambda xml: xml)
    text = (templates_dir() / "standard.j2").read_text(encoding="utf-8")
    (tmp_path / "standard.j2").write_text(text.replace("特此报告。", "特此报告，请审阅。"), encoding="utf-8")
    texts = [p.text for p in open_docx(render_bytes(yingkou_report(), template=custom)).paragraphs]
    assert "特此报告，请审阅。" in texts and "特此报告。" not in texts


def test_draft_with_answers_renders_the_answers(tmp_path, drafts):
    draft = drafts["heqing"]
    figure = next(f for f in placed(draft, parts_only=True) if f.prior)
    answers = tmp_path / "答案.yaml"
    answers.write_text(f"figures:\n  {figure.id}: {int(figure.prior) + 5}\nmeta:\n  date: 2025-01-20\n",
                       encoding="utf-8")
    out = tmp_path / "鹤庆.docx"
    assert cli.main(["draft", str(seed_path("heqing")), "-o", str(out), "--answers", str(answers), "--appendix"]) == 0
    document = docx.Document(str(out))
    date = [p.text for p in document.paragraphs if p.style.name == "成文日期"]
    assert date == ["2025年1月20日"]
    answered = dataclasses.replace(figure, value=int(figure.prior) + 5)
    assert [c.text for c in document.comments if c.text == figure_comment(answered, 2023)]
    row = document.tables[0].rows[draft.figures.index(figure) + 1]
    assert row.cells[3].text.startswith(str(answered.value)) and row.cells[4].text.startswith("同比增长")


def test_tag_split_only_by_spelling_marks_is_accepted(tmp_path):
    # Word splits runs where it checked spelling (w:lang); the formatting is the same, docxtpl joins them.
    split = ('<w:r><w:t xml:space="preserve">{{ recip</w:t></w:r>'
             '<w:r><w:rPr><w:lang w:val="en-US"/></w:rPr><w:t xml:space="preserve">ient }}</w:t></w:r>')
    ok = _rewrite_template(tmp_path, "spelled.docx", lambda xml: xml.replace(
        '<w:r><w:t xml:space="preserve">{{ recipient }}</w:t></w:r>', split, 1))
    model = yingkou_report()
    model.meta.recipient = "辽宁省人民政府"
    texts = [p.text for p in open_docx(render_bytes(model, template=ok)).paragraphs]
    assert "辽宁省人民政府：" in texts


def test_unknown_figure_id_stays_visible_and_highlighted(drafts):
    draft = copy.deepcopy(drafts["xinyu"])
    draft.sections["plan"].paragraphs = ["全年办理案件{F999}。"]
    document = open_docx(render_bytes(draft))
    runs = [r for r in runs_of(document) if run_text(r) == "{F999}"]
    assert runs and highlight(runs[0]) == "yellow"


@pytest.mark.parametrize("template", ["report", "report-windows"])
def test_drafter_check_finds_no_layout_fault_in_the_output(tmp_path, drafts, template):
    from drafter.check.lint import check_docx

    for name in ("yingkou", "zhumadian"):
        out = render_model(filled(drafts[name]), tmp_path / f"{name}-{template}.docx", template=template, appendix=True)
        layout = [p for p in check_docx(out) if p.kind.startswith("docx_")]
        assert not layout, (name, template, layout)


def test_draft_from_parsed_yaml_and_refusals(tmp_path, capsys):
    from drafter.draft.pipeline import make_draft as pipeline_draft

    prior = tmp_path / "上年.yaml"
    save_report(parsed_report("tongzhou"), prior)
    draft = pipeline_draft(prior)
    assert draft.kind == "draft" and draft.meta.year == 2024
    again = tmp_path / "草稿.yaml"
    save_report(draft, again)
    with pytest.raises(DrafterError, match="这已是草稿"):
        pipeline_draft(again)
    with pytest.raises(DrafterError, match="不支持的文件类型"):
        pipeline_draft(tmp_path / "上年.pdf")
    assert cli.main(["draft", str(prior), "-o", str(tmp_path / "报告.txt")]) == 2
    assert ".docx" in capsys.readouterr().err


def test_closing_date_as_written_when_meta_has_none():
    model = yingkou_report()
    model.closing = Closing(phrase="特此报告。", signature=["营口市人民政府"], date="二〇二四年一月十八日")
    document = open_docx(render_bytes(model))
    assert [p.text for p in document.paragraphs if p.style.name == "成文日期"] == ["二〇二四年一月十八日"]
    assert [p.text for p in document.paragraphs if p.style.name == "发文机关署名"] == ["营口市人民政府"]
    assert [p.text for p in document.paragraphs].count("特此报告。") == 1


def test_closing_lines_stand_by_kind_and_the_issuer_signs():
    model = yingkou_report()
    model.closing = Closing(phrase="以上报告，请审阅。", attachments=["附件：1.重点任务完成情况表", "2.行政复议统计表"],
                            signature=["营口市司法局"], date="2024 年 1 月 18 日", notes=["（此件公开发布）"],
                            record=["抄送：省司法厅。"])
    texts = [p.text for p in open_docx(render_bytes(model)).paragraphs]
    start = texts.index("特此报告。")
    assert "以上报告，请审阅。" not in texts
    assert texts[start:] == ["特此报告。", "", "附件：1.重点任务完成情况表", "\u3000\u3000\u30002.行政复议统计表", "",
                             "营口市司法局", "2024年1月18日", "（此件公开发布）", "抄送：省司法厅。"]
    model.meta.issuer, model.meta.date = "营口市人民政府", "2024-01-19"
    document = open_docx(render_bytes(model))
    assert [p.text for p in document.paragraphs if p.style.name == "发文机关署名"] == ["营口市人民政府"]
    assert [p.text for p in document.paragraphs if p.style.name == "成文日期"] == ["2024年1月19日"]


def test_a_part_without_heading_takes_the_national_rules_name():
    from drafter.vocab import default_heading

    model = yingkou_report()
    model.sections["measures"].heading = None
    level1 = [t for level, t in _outline(open_docx(render_bytes(model))) if level == 1]
    assert level1[0] == "一、2023年推进法治政府建设的主要举措和成效" == "一、" + default_heading("measures", 2023)
    model.meta.year = None
    level1 = [t for level, t in _outline(open_docx(render_bytes(model))) if level == 1]
    assert level1[0] == "一、本年度推进法治政府建设的主要举措和成效" and level1[1] == "二、存在的不足和原因"
