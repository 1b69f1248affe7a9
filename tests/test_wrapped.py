"""Hard-wrapped .txt reports (copied out of a PDF) parse as their unwrapped originals do."""

import json
import re
import unicodedata

import pytest
from helpers import ROOT, SEEDS, seed_path

from drafter.files import decode_text
from drafter.model.data import to_data
from drafter.parse.report import parse_file
from drafter.read.document import read_document
from drafter.read.noise import normalize_space
from drafter.read.wrapped import join_wrapped_lines
from drafter.text.punctuation import full_width_punctuation

# Marks a typesetter keeps off the start of a line: they stay at the end of the line before.
NO_LINE_START = "，。、；：！？）》”’,.;:!?)"


def _units(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 1


def wrap(paragraph: str, chars: int) -> list[str]:
    """Cut a paragraph as a PDF page of `chars` Chinese characters per line prints it."""
    lines, line, used = [], "", 0
    for ch in paragraph:
        if used + _units(ch) > 2 * chars and line and ch not in NO_LINE_START:
            lines.append(line)
            line, used = "", 0
        line += ch
        used += _units(ch)
    # The space a line was cut at is not printed.
    return [part.strip() for part in (lines + [line] if line else lines)]


def wrapped_copy(src, dst, chars: int) -> str:
    """The report as copied from a PDF of it: its paragraphs wrapped, the web page's lines around it left whole."""
    text = decode_text(src.read_bytes(), src)
    kept = {p.text for p in read_document(src).paras}
    lines = []
    for para in text.split("\n"):
        in_report = full_width_punctuation(normalize_space(para)) in kept
        lines.extend((wrap(para.strip(), chars) if in_report else [para]) or [""])
    out = "\n".join(lines)
    dst.write_text(out, encoding="utf-8")
    return out


def summary(report) -> dict:
    def counts(items):
        return [(item.heading, len(item.paragraphs), counts(item.items)) for item in items]

    sections = json.dumps(to_data(report)["sections"], ensure_ascii=False)
    return {
        "parts": {key: (part.heading, counts(part.items)) for key, part in report.sections.items()},
        # A space beside Chinese text (纠纷 872 起) is lost when a PDF line is cut there.
        "sections": re.sub(r" (?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) ", "", sections),
        "figures": [(f.label, f.value, f.unit) for f in report.figures],
        "region": report.meta.region,
        "year": report.meta.year,
    }


def cut_figures(lines: list[str]) -> list[str]:
    """Numbers a line break cuts in two, put back together."""
    return [
        re.search(r"[\d.]+$", a).group() + re.match(r"[\d.]+", b).group()
        for a, b in zip(lines, lines[1:])
        if a[-1:].isdigit() and b[:1].isdigit()
    ]


def test_every_wrapped_seed_cuts_a_figure(seed_name, tmp_path):
    cuts = [cut_figures(wrapped_copy(seed_path(seed_name), tmp_path / f"{chars}.txt", chars).split("\n")) for chars in (28, 35)]
    assert any(cuts)


@pytest.fixture(scope="module")
def originals():
    return {name: summary(parse_file(seed_path(name))) for name in SEEDS}


@pytest.mark.parametrize("chars", [28, 35])
@pytest.mark.parametrize("name", sorted(SEEDS))
def test_wrapped_seed_parses_like_the_original(name, chars, originals, tmp_path):
    path = tmp_path / f"{name}-{chars}.txt"
    text = wrapped_copy(seed_path(name), path, chars)
    lines = text.split("\n")
    original_lines = decode_text(seed_path(name).read_bytes(), seed_path(name)).split("\n")
    assert sum(map(bool, lines)) > 2 * sum(map(bool, original_lines))
    # Figures cut across a line break (…共计21 / 46.5万元) come back whole.
    read_text = "\n".join(p.text for p in read_document(path).paras)
    assert all(cut in read_text for cut in cut_figures(lines))
    wrapped = summary(parse_file(path))
    original = originals[name]
    assert wrapped["parts"] == original["parts"]
    assert wrapped["figures"] == original["figures"]
    assert wrapped["sections"] == original["sections"]
    assert (wrapped["region"], wrapped["year"]) == (original["region"], original["year"])


def test_figure_cut_across_lines_is_whole_again(tmp_path):
    path = tmp_path / "cut.txt"
    body = (
        "一、主要举措和成效\n"
        "（一）优化营商环境\n"
        + "\n".join(wrap("全年共办理行政复议案件86件，化解行政争议纠纷，全年市县两级财政投入法治建设资金共计2146.5万元，"
                         "较上年增长12.5%，为法治政府建设提供了有力的经费保障，各项工作取得明显成效。", 21))
        + "\n二、存在的不足和原因\n"
        + "\n".join(wrap("一些部门对法治政府建设的重要性认识不足，工作推进不够平衡，基层执法队伍专业化水平有待提高，"
                         "法治宣传教育的针对性和实效性还需进一步增强，行政执法监督的力度仍然不够。", 21))
        + "\n三、下一年度工作安排\n"
        + "\n".join(wrap("持续深化行政执法体制改革，全面推行行政执法三项制度，加强行政执法人员培训和资格管理，"
                         "提升行政复议化解行政争议的主渠道作用，推进法治政府建设再上新台阶。", 21))
    )
    lines = body.split("\n")
    assert "共计21" in "".join(lines) and any(line.endswith("共计21") for line in lines)
    path.write_text(body, encoding="utf-8")
    paras = [p.text for p in read_document(path).paras]
    assert paras[:3] == [
        "一、主要举措和成效",
        "（一）优化营商环境",
        "全年共办理行政复议案件86件，化解行政争议纠纷，全年市县两级财政投入法治建设资金共计2146.5万元，"
        "较上年增长12.5%，为法治政府建设提供了有力的经费保障，各项工作取得明显成效。",
    ]
    assert paras[3] == "二、存在的不足和原因"
    figures = {(f.value, f.unit) for f in parse_file(path).figures}
    assert (2146.5, "万元") in figures and (86, "件") in figures


def test_normal_report_is_left_as_written(seed_name):
    lines = decode_text(seed_path(seed_name).read_bytes(), seed_path(seed_name)).split("\n")
    assert join_wrapped_lines(lines) is lines


def test_short_lines_of_a_list_are_not_joined():
    # Many lines of about the same length, but each a whole sentence: nothing was cut.
    lines = [f"{i}.完成第{i}项行政执法案卷评查工作任务。" for i in range(1, 13)]
    assert join_wrapped_lines(lines) == lines


def test_pdf_copy_with_indents_and_page_numbers(tmp_path):
    # Made from xinyu-2021: paragraphs cut at 30 characters, first lines indented with ideographic spaces,
    # a page number (— 1 —) between the lines of a paragraph running onto the next page.
    copy = ROOT / "tests" / "data" / "wrapped" / "xinyu-pdf-copy.txt"
    lines = copy.read_text(encoding="utf-8").split("\n")
    assert "— 1 —" in lines and "12月" in "".join(line[-3:] for line in lines)
    original = [p.text for p in read_document(seed_path("xinyu")).paras]
    start = original.index("新余市2021年度法治政府建设情况")
    paras = [p.text for p in read_document(copy).paras]
    assert paras == original[start : start + 6]
    assert any("12月17日，全省市场监管系统" in p for p in paras)
    assert not any(re.fullmatch(r"—\s*\d+\s*—", p) for p in paras)


def test_page_number_in_a_normal_report_is_left_to_the_reader():
    lines = ["一、主要举措和成效", "全年办理行政复议案件86件。", "— 1 —", "二、存在的不足和原因", "基层力量薄弱。"] * 3
    assert join_wrapped_lines(lines) is lines


UNSEEN = sorted((ROOT / "tests" / "data" / "unseen").glob("*.txt"))
# Ambiguous when wrapped: a heading exactly one line wide followed by a one-sentence paragraph (longyan), and
# a paragraph whose last sentence ends exactly at the line's end followed by a full line (nanming) read as one
# paragraph; nothing in the text tells them apart from a wrapped numbered sentence.
AMBIGUOUS = {"longyan-city-2023", "nanming-leads-2023"}


@pytest.mark.parametrize(
    "path",
    [pytest.param(p, marks=pytest.mark.xfail(strict=True, reason="ambiguous line ends")) if p.stem in AMBIGUOUS else p
     for p in UNSEEN],
    ids=lambda p: p.stem,
)
def test_wrapped_unseen_report_parses_like_the_original(path, tmp_path):
    original = summary(parse_file(path))
    original_lines = sum(map(bool, decode_text(path.read_bytes(), path).split("\n")))
    for chars in (28, 35):
        copy = tmp_path / f"{chars}.txt"
        lines = sum(map(bool, wrapped_copy(path, copy, chars).split("\n")))
        assert lines > original_lines or chars == 35  # at 35 a short report may have no line to cut
        assert summary(parse_file(copy)) == original
