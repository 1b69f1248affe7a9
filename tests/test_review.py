"""What a clerk and a reviewer see in the rendered drafts of the seeds: numbering, title lines,
last year's headings, prompts and the appendix table."""

from __future__ import annotations

import copy
import io

import docx
import pytest
from helpers import parsed_report

from drafter.draft.skeleton import build_draft
from drafter.model.report import Item, Report
from drafter.render.document import render_bytes
from drafter.render.patterns import TITLE_CHARS
from drafter.render.titles import break_title, title_width
from drafter.vocab import DONE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def drafts():
    return {name: build_draft(parsed_report(name)) for name in ("yingkou", "tongzhou", "zhumadian", "xinyu")}


@pytest.fixture(scope="module")
def documents(drafts):
    return {name: docx.Document(io.BytesIO(render_bytes(draft, appendix=True))) for name, draft in drafts.items()}


def _after(document, heading_start: str):
    """The paragraph right after the first paragraph starting with `heading_start`."""
    paragraphs = document.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text.startswith(heading_start))
    return paragraphs[at + 1]


def _comment_ids(paragraph) -> list[str]:
    return [el.get(f"{W}id") for el in paragraph._p.iter(f"{W}commentRangeStart")]


def _highlights(paragraph) -> list[tuple[str, str | None]]:
    out = []
    for r in paragraph._p.iter(f"{W}r"):
        text = "".join(t.text or "" for t in r.iter(f"{W}t"))
        el = r.find(f"{W}rPr/{W}highlight")
        if text:
            out.append((text, el.get(f"{W}val") if el is not None else None))
    return out


# ---------------------------------------------------------------- a lone item is not numbered

def test_a_lone_item_without_heading_gets_no_number_and_keeps_its_comment(drafts, documents):
    # 营口 had no duties part: the draft asks for it in one item, without a heading.
    assert len(drafts["yingkou"].sections["duties"].items) == 1
    document = documents["yingkou"]
    paragraph = _after(document, "三、党政主要负责人履行推进法治建设第一责任人职责情况")
    assert paragraph.text.startswith("【待填：请写明2024年党政主要负责人履行推进法治建设第一责任人职责的情况")
    # Last year's words on the duty (item 2 of its measures) stay as the comment on that paragraph.
    ids = _comment_ids(paragraph)
    assert len(ids) == 1
    comment = next(c for c in document.comments if str(c.comment_id) == ids[0])
    assert comment.text.startswith("2023年原文") and "述法个性化清单" in comment.text


def test_a_lone_answered_item_reads_as_the_parts_own_text(drafts):
    draft = copy.deepcopy(drafts["zhumadian"])
    for key, text in (("duties", "市长带头述法，专题研究法治政府建设4次。"), ("plan", "2021年，我市将深化行政执法体制改革。")):
        item = draft.sections[key].items[0]
        item.paragraphs, item.status = [text], DONE
    document = docx.Document(io.BytesIO(render_bytes(draft)))
    assert _after(document, "三、党政主要负责人").text == "市长带头述法，专题研究法治政府建设4次。"
    assert _after(document, "四、2021年推进法治政府建设的主要安排").text == "2021年，我市将深化行政执法体制改革。"


def test_sub_items_of_a_lone_item_take_the_next_level(drafts):
    # A lone heading-less item with sub-items: its text opens the part, its sub-items are （一）（二）, no level skipped.
    draft = copy.deepcopy(drafts["zhumadian"])
    lone = Item.written("duties.1", None, ["市长带头述法。"])
    lone.items = [Item.written("duties.1.1", "专题研究", ["召开常务会议4次。"]),
                  Item.written("duties.1.2", "督促落实", ["开展专项督察。"])]
    draft.sections["duties"].items = [lone]
    document = docx.Document(io.BytesIO(render_bytes(draft)))
    paragraphs = document.paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text.startswith("三、党政主要负责人"))
    assert [(p.style.name, p.text) for p in paragraphs[at + 1:at + 6]] == [
        ("Normal", "市长带头述法。"), ("Heading 2", "（一）专题研究"), ("Normal", "召开常务会议4次。"),
        ("Heading 2", "（二）督促落实"), ("Normal", "开展专项督察。")]


def test_several_items_without_heading_are_still_numbered(documents):
    texts = [p.text for p in documents["zhumadian"].paragraphs]
    start = texts.index("二、存在的不足和原因")
    assert texts[start + 1] == "（一）法治理念还没有普遍真正树立"
    assert any(t.startswith("（四）【待填：请补充2020年新发现的不足") for t in texts[start:])


# ---------------------------------------------------------------- the title

def test_a_title_too_long_for_one_line_breaks_before_the_year(drafts, documents):
    assert drafts["tongzhou"].meta.title == "通州区人民政府2024年法治政府建设情况报告"
    lines = [p.text for p in documents["tongzhou"].paragraphs if p.style.name == "Title" and p.text]
    assert lines[:2] == ["通州区人民政府", "2024年法治政府建设情况报告"]
    # The document's properties keep the title whole.
    assert documents["tongzhou"].core_properties.title == "通州区人民政府2024年法治政府建设情况报告"


def test_title_breaks_keep_words_and_fit_the_line():
    assert break_title("鹤庆县2024年法治政府建设情况报告") == ["鹤庆县2024年法治政府建设情况报告"]
    assert break_title("中共鹤庆县委 鹤庆县人民政府关于2024年度法治政府建设情况的报告") == [
        "中共鹤庆县委 鹤庆县人民政府", "关于2024年度法治政府建设情况的报告"]
    assert break_title("驻马店市人民政府 关于驻马店市法治政府建设工作情况的报告") == [
        "驻马店市人民政府", "关于驻马店市法治政府建设工作情况的报告"]
    long = "某某自治州某某县人民政府办公室关于印发某某县二〇二四年度推进法治政府建设工作情况及下一步打算的报告"
    lines = break_title(long)
    assert "".join(lines) == long and len(lines) == 3
    assert all(title_width(line) <= TITLE_CHARS for line in lines)
    assert not any(line.endswith("关于") for line in lines)


# ---------------------------------------------------------------- last year's headings are grey

def test_headings_carried_from_last_year_are_grey_until_written(drafts, documents):
    # 营口's plan headings open this year's measures, and its problems open the shortcomings.
    for start in ("（一）着力增强法治思维意识", "（一）统筹推进法治政府建设抓手还需进一步丰富"):
        heading = next(p for p in documents["yingkou"].paragraphs if p.text == start)
        assert _highlights(heading) == [("（一）", None), (start[3:], "lightGray")]
    draft = copy.deepcopy(drafts["yingkou"])
    item = draft.sections["measures"].items[0]
    item.paragraphs, item.status = ["全年举办法治讲座12场。"], DONE
    document = docx.Document(io.BytesIO(render_bytes(draft)))
    heading = next(p for p in document.paragraphs if p.text == "（一）着力增强法治思维意识")
    assert _highlights(heading) == [("（一）", None), ("着力增强法治思维意识", None)]


# ---------------------------------------------------------------- prompts

def test_a_quoted_problem_nests_its_own_quotes(drafts):
    prompts = [item.prompt for item in drafts["yingkou"].sections["shortcomings"].items]
    assert "上年指出的不足“打通基层法治‘最后一公里’的力度还需进一步加强”：请写明本年度的整改情况，以及该问题是否仍然存在" in prompts


# ---------------------------------------------------------------- the appendix table

def test_appendix_rows_stay_whole_and_columns_hold_their_values(documents):
    table = documents["xinyu"].tables[0]
    rows = table._tbl.findall(f"{W}tr")
    assert len(rows) == 1 + 73
    assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows[1:])
    widths = [int(c.get(f"{W}w")) for c in table._tbl.iter(f"{W}gridCol")]
    assert sum(widths) == 8844  # the 156 mm text block

    margins = table._tbl.find(f"{W}tblPr/{W}tblCellMar")
    padding = sum(int(margins.find(f"{W}{side}").get(f"{W}w")) for side in ("left", "right"))

    def chars(width):  # 小四 characters a cell holds, less its padding
        return (width - padding) / 240

    # 8.28个百分点 (last year) and 同比增长10.0% (the change) each keep to one line.
    assert chars(widths[2]) >= 6 and chars(widths[3]) >= 6 and chars(widths[4]) >= 7.5
    assert chars(widths[1]) >= 10 and chars(widths[0]) >= 2  # 序号
    # Still to fill, this year's cell holds its marker on one line.
    cells = [row.cells[3].text for row in table.rows[1:]]
    assert set(cells) == {"【待填：本年】"} and chars(widths[3]) >= len("【待填：本年】")


# ---------------------------------------------------------------- the signature never stands alone

def test_closing_lines_keep_with_the_date(documents):
    # From 特此报告 to the date, each line keeps with the next: a page break cannot leave the
    # signature and date on a page with no text (measured in LibreOffice: it did, before).
    paragraphs = documents["zhumadian"].paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.text == "特此报告。")
    date = next(i for i, p in enumerate(paragraphs) if p.style.name == "成文日期")
    closing = paragraphs[start:date]
    assert [p.text for p in closing] == ["特此报告。", "", "附件：2020年主要数据与上年对照表", "", "驻马店市人民政府"]
    assert all(p.paragraph_format.keep_with_next for p in closing)


# ---------------------------------------------------------------- years

def _all_text(draft: Report) -> str:
    """The preamble's and the parts' words (sub-items' headings included)."""
    return "\n".join([*draft.preamble, *(line for section in draft.parts() for line in section.words())])


def test_the_year_before_moves_with_the_report_year_in_one_sentence(drafts):
    # 驻马店 2019: “2019年度部门预算、2018年度部门决算” is this year's budget and last year's accounts.
    text = _all_text(drafts["zhumadian"])
    assert "市本级和非涉密市直各部门2020年度部门预算、2019年度部门决算公开率均达{F" in text
    assert "2018年度部门决算" not in text
    # A year alone in its sentence may be history: left as written (通州 2023: 对2022年区级规范性文件…).
    assert "对2022年区级规范性文件开展实施后评估工作" in _all_text(drafts["tongzhou"])


# ---------------------------------------------------------------- notes under the date

def test_contact_note_and_copy_to_go_under_the_date_and_last_years_issue_line_is_dropped(tmp_path):
    from pathlib import Path

    from drafter.draft.pipeline import make_draft

    # 东阳 2023 ends: 特此报告。/ signature / date / （联系人…） / 抄送：… / …2024年1月20日印发
    prior = Path(__file__).parent / "data" / "unseen" / "dongyang-justice-2023.txt"
    draft = make_draft(prior)
    assert not any("印发" in line for line in draft.closing.lines())
    texts = [p.text for p in docx.Document(io.BytesIO(render_bytes(draft))).paragraphs if p.text]
    closing = texts[texts.index("特此报告。") - 1:]
    assert closing == ["【上年参考，请确认或改写】无。", "特此报告。", "东阳市司法局", "【待填：成文日期（如 2025年1月20日）】",
                       "（联系人：王某某，联系电话：0579-86650000）", "抄送：金华市委依法治市办。"]


def test_one_closing_sentence_and_the_attachment_note_in_its_place():
    from pathlib import Path

    from drafter.draft.pipeline import make_draft

    # 龙岩 2023 closes: 以上报告，请审阅。/ 附件：1.…2023年…情况表 / 2.…统计表 / signature / date
    draft = make_draft(Path(__file__).parent / "data" / "unseen" / "longyan-city-2023.txt")
    texts = [p.text for p in docx.Document(io.BytesIO(render_bytes(draft))).paragraphs]
    # The standard sentence (standard.j2) stands once, in place of the report's own.
    start = texts.index("特此报告。")
    assert "以上报告，请审阅。" not in texts and texts.count("特此报告。") == 1
    assert texts[start:start + 6] == [
        "特此报告。", "", "附件：1.龙岩市2024年法治政府建设重点任务完成情况表",
        "\u3000\u3000\u30002.龙岩市2024年行政复议应诉工作统计表", "", "龙岩市人民政府"]


def test_a_plan_written_as_one_paragraph_is_offered_as_reference(drafts):
    # 驻马店 2019 wrote its plan as one 下一步 paragraph: the item says where last year's words are.
    item = drafts["zhumadian"].sections["plan"].items[0]
    assert item.prompt == "请填写2021年的工作安排（上年的安排见参考，可沿用或改写）"
    assert item.reference[0].startswith("下一步，我们将积极践行习近平法治思想")
