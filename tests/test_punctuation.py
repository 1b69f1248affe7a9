"""Half-width punctuation in Chinese text becomes full-width when a report is read, in every format."""

from __future__ import annotations

import io
import re

import docx
import pytest
from helpers import SEEDS, parsed_report, seed_path, to_docx, to_html

from drafter.model.data import to_data
from drafter.read.document import read_document
from drafter.text.punctuation import full_width_punctuation

HAN = r"[\u4e00-\u9fff]"
# A half-width , ; ( ) with Chinese on both sides (spaces allowed): what a clerk would have to fix.
HALF_IN_CHINESE = re.compile(rf"{HAN}\s*[,;()]\s*{HAN}")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("深化清单管理,职能发挥更加协同高效。", "深化清单管理，职能发挥更加协同高效。"),
        ("开展乡镇(街道)权责清单编制工作", "开展乡镇（街道）权责清单编制工作"),
        ("(一)深入学习贯彻习近平法治思想", "（一）深入学习贯彻习近平法治思想"),
        ("(1)加强规范性文件管理", "（1）加强规范性文件管理"),
        ("提升行政复议的能力和水平;开展培训", "提升行政复议的能力和水平；开展培训"),
        ("河南省人民政府:", "河南省人民政府："),
        ("为建设法治驻马店作出应有的贡献!", "为建设法治驻马店作出应有的贡献！"),
        ("是否依法履职?", "是否依法履职？"),
        # Numbers and figures around the mark: the nearest letter decides.
        ("通过率为76%,以考试促执法", "通过率为76%，以考试促执法"),
        ("共93个问题,230项整改措施", "共93个问题，230项整改措施"),
        ("2023,2024年连续两年", "2023，2024年连续两年"),
        ("实施方案(2021-2025年)》", "实施方案（2021-2025年）》"),
        # Spaces a web page put around the mark go with it.
        ("依法行政, 推进改革", "依法行政，推进改革"),
        ("镇 (街道) 党政工作会议", "镇（街道）党政工作会议"),
        # Mixed widths of one pair, and a bracket whose partner is on another line.
        ("(一）强化统筹", "（一）强化统筹"),
        ("涵盖6个县(", "涵盖6个县（"),
        ("市)区、8个园区", "市）区、8个园区"),
        # Latin content beside Chinese still takes full-width brackets: the sentence is Chinese.
        ("营口(Yingkou)市", "营口（Yingkou）市"),
    ],
)
def test_marks_in_chinese_text_become_full_width(text, expected):
    assert full_width_punctuation(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "共计1,234件",  # thousands separator
        "2024-02-22 16:49",  # a time
        "比例为3:1",  # a ratio
        "承办南通市“5?12防灾减灾日”活动",  # a lost character between digits, not a question
        "COVID-19 (Delta) variant, as reported",  # Latin text keeps its own marks
        "Hello, world; see: below",
        "2021-2025年",  # ranges keep their hyphen
        "驻政文〔2020〕22号",
        "《营口市法治政府建设实施方案》",
    ],
)
def test_numbers_latin_text_and_chinese_brackets_are_left_alone(text):
    assert full_width_punctuation(text) == text


@pytest.mark.parametrize(
    "text, expected",
    [
        ('推进"放管服"改革,成效明显', "推进“放管服”改革，成效明显"),
        ('推进 "放管服" 改革', "推进“放管服”改革"),
        ('创成"A"级景区', "创成“A”级景区"),
        # Odd count: which quote opens cannot be told, all stay.
        ('一个"引号和"另一个"', '一个"引号和"另一个"'),
        # Latin text keeps straight quotes; a converted quote keeps the space before a Latin word.
        ('see "x" and "y"', 'see "x" and "y"'),
        ('他说"好" and left', "他说“好” and left"),
    ],
)
def test_straight_quotes_pair_up_as_chinese_quotes(text, expected):
    assert full_width_punctuation(text) == expected


def test_a_url_keeps_every_character_and_the_sentence_around_it_is_converted():
    text = "详见http://www.example.gov.cn/art/a,b.html?id=1:2,欢迎监督(www.example.cn/x(1))"
    assert full_width_punctuation(text) == (
        "详见http://www.example.gov.cn/art/a,b.html?id=1:2，欢迎监督（www.example.cn/x(1)）"
    )


def test_a_page_title_from_html_is_converted_too(tmp_path):
    page = tmp_path / "report.html"
    page.write_text(
        "<html><head><title>某市司法局关于2023年法治政府建设情况(全文)的报告</title></head>"
        "<body><p>2023年,我市坚持依法行政。</p></body></html>",
        encoding="utf-8",
    )
    raw = read_document(page)
    assert raw.hints["page_title"] == "某市司法局关于2023年法治政府建设情况（全文）的报告"
    assert [p.text for p in raw.paras] == ["2023年，我市坚持依法行政。"]


# ---------------------------------------------------------------- seeds, every format


@pytest.fixture(scope="module")
def yingkou_formats(tmp_path_factory):
    base = tmp_path_factory.mktemp("formats")
    src = seed_path("yingkou")
    return {
        "txt": read_document(src),
        "docx": read_document(to_docx(src, base / "yingkou.docx")),
        "html": read_document(to_html(src, base / "yingkou.html")),
    }


@pytest.mark.parametrize("kind", ["txt", "docx", "html"])
def test_every_format_reads_full_width(yingkou_formats, kind):
    paras = [p.text for p in yingkou_formats[kind].paras]
    assert not [t for t in paras if HALF_IN_CHINESE.search(t)]
    # The seed's own words, each converted: a heading, a bracket, a comma before a number, a semicolon.
    assert "（一）深入学习贯彻习近平法治思想，统筹推进法治政府建设" in paras
    joined = "\n".join(paras)
    assert "开展乡镇（街道）权责清单编制工作" in joined
    assert "实施方案（2021-2025年）》，部署" in joined
    assert "提升行政复议与应诉工作人员的能力和水平；开展全市行政执法监督工作人员培训，" in joined
    assert "，701人通过考试，通过率为76%。" in joined


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_no_seed_model_keeps_half_width_marks_in_chinese(name):
    report = parsed_report(name)
    bad = [s for s in _strings(to_data(report)) if HALF_IN_CHINESE.search(s)]
    assert not bad, bad[:3]
    # Figures are quoted from the converted paragraphs.
    for figure in report.figures:
        assert figure.text in figure.sentence


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_no_rendered_seed_keeps_half_width_marks_in_chinese(name):
    from drafter.draft.skeleton import build_draft
    from drafter.render.document import render_bytes

    document = docx.Document(io.BytesIO(render_bytes(build_draft(parsed_report(name)), appendix=True)))
    texts = [p.text for p in document.paragraphs]
    texts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert len("".join(texts)) > 1000
    bad = [t for t in texts if HALF_IN_CHINESE.search(t)]
    assert not bad, bad[:3]
    assert "，" in "".join(texts)
