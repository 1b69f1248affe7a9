"""What a draft still lacks: mandatory parts, items to write or confirm, figures to fill, markers left in."""

from __future__ import annotations

import re

from drafter.check.blocks import Block
from drafter.check.patterns import (
    BARE_TODO_RE,
    BLANK_RE,
    DUTIES_LEAD_RE,
    FIGURE,
    FIGURE_MARKER_RE,
    FIXED_LABEL_RE,
    LATIN_RE,
    LEAD_END_RE,
    PREAMBLE,
    REFERENCE_MARK_RE,
    REQUIRED_APPROX,
)
from drafter.check.problems import ERROR, WARNING, Problem, excerpt
from drafter.draft.figure_input import implausible
from drafter.draft.placeholders import PLACEHOLDER_RE, TODO_RE, prior_text, split_placeholders
from drafter.model.numbering import Places
from drafter.model.report import DRAFT, Figure, Item, Report, Section
from drafter.text.amounts import format_figure
from drafter.text.change import change_text
from drafter.text.clean import lines_of
from drafter.vocab import MANDATORY, PART, PERCENT_UNITS, REFERENCE, TODO


def written(node: Item) -> bool:
    """Its own paragraphs say something: a bare 【待填：…】 marker is still to write."""
    return any(not TODO_RE.fullmatch(line) for line in lines_of(node.paragraphs))


def _has_todo(section: Section) -> bool:
    return any(item.status == TODO for item in section.walk())


def reported_inside(report: Report, key: str) -> bool:
    """The duties reported as an item of another part (营口 一、（五）2. …第一责任人…, 驻马店 一、（三）1.)."""
    if key != "duties":
        return False
    for section in report.parts():
        for node in section.walk():
            leads = [node.heading or ""] + [LEAD_END_RE.split(p, maxsplit=1)[0] for p in node.paragraphs[:1]]
            if any(len(lead) <= 60 and DUTIES_LEAD_RE.search(lead) for lead in leads):
                return True
    return False


def check_parts(report: Report, places: Places) -> list[Problem]:
    problems = []
    for key in MANDATORY:
        section = report.sections[key]
        name = PART[key].short
        if not section.paragraphs and not section.items and reported_inside(report, key):
            continue
        if not section.paragraphs and not section.items:
            hint = f"（{section.prompt}）" if section.prompt else ""
            problems.append(Problem("missing_part", ERROR, places.name(section), f"缺少必须报告的部分“{name}”{hint}：国家规定报告须包含这部分，"
                                    f"缺少会被退回；请补写", key))
        elif (not written(section) and not any(item.has_text() for item in section.walk())
              and section.status != TODO and not _has_todo(section)):
            problems.append(Problem("missing_part", ERROR, places.name(section), f"“{name}”部分没有内容：国家规定报告须包含这部分；请补写", key))
    return problems


def check_statuses(report: Report, places: Places) -> list[Problem]:
    """A status is that of the node's own paragraphs; sub-items carry theirs."""
    problems = []
    if report.draft and report.draft.preamble_status == REFERENCE and report.preamble:
        problems.append(Problem("reference_unconfirmed", WARNING, PREAMBLE,
                                "开头沿用了上年的表述（年份已推进）：照搬上年会被看作应付；请核实并改写为本年度的情况", "preamble"))

    def judge(node: Item, item_id: str | None, is_item: bool) -> bool:
        """Report the node's status; True when its sub-items need no report of their own."""
        prompt = node.prompt or "请填写"
        if node.status == TODO:
            if written(node):
                problems.append(Problem("unfilled_text", WARNING, places.name(node),
                                        f"已有文字，但状态仍为待填（status: todo），生成的文档会把它当作未完成：{prompt}；确认后请改为 done", item_id))
            elif is_item and not node.items:
                problems.append(Problem("unfilled_text", ERROR, places.name(node), f"尚未填写，印发的报告不能留空：{prompt}", item_id))
            return False
        if node.status == REFERENCE:
            problems.append(Problem("reference_unconfirmed", WARNING, places.name(node),
                                    "沿用了上年的表述，尚未确认：照搬上年会被看作应付；请改写为本年度的情况，"
                                    "或核实后在向导中选“保留上年表述”（答案文件中写 keep）", item_id))
            return is_item  # an item's sub-items came with it from last year
        return False

    def walk(items: list[Item]):
        for item in items:
            if not judge(item, item.id, True):
                walk(item.items)

    for section in report.parts():
        judge(section, section.key, False)
        walk(section.items)
    return problems


def check_figures(report: Report, blocks: list[Block]) -> list[Problem]:
    """Placeholders naming no figure, figures unfilled, and figures typed in as last year's value."""
    known = {f.id for f in report.figures}
    used: dict[str, str] = {}
    problems = []
    for block in blocks:
        for _piece, fid in split_placeholders(block.raw):
            if fid is None:
                continue
            used.setdefault(fid, block.place)
            if fid not in known:
                problems.append(Problem("unknown_placeholder", ERROR, block.place,
                                        f"占位符 {{{fid}}} 没有对应的数字（figures 中没有 {fid}），文档里会缺一个数：请改正或删除", block.item_id))
    for figure in report.figures:
        fid = figure.id
        place = f"{FIGURE} {fid}"
        where = f"，位于 {used[fid]}" if fid in used else "（正文未引用）"
        if figure.value is None:
            severity = ERROR if fid in used else WARNING
            problems.append(Problem("unfilled_figure", severity, place,
                                    f"“{figure.label}”尚未填写（{prior_text(figure, report.prior_year)}）{where}：文档里会留下待填标记；"
                                    "请用 drafter fill 或答案文件填写",
                                    fid))
        elif (report.kind == DRAFT and figure.prior is not None and figure.value == figure.prior
              and not figure.confirmed and not stays_the_same(figure)):
            value = format_figure(figure.value, figure.unit, figure.approx)
            problems.append(Problem("same_as_prior", WARNING, place,
                                    f"“{figure.label}”本年数值{change_text(figure.value, figure.prior, figure.unit)}"
                                    f"（{value}）{where}：数字与上年完全相同，审阅者会怀疑是照抄上年；"
                                    "请核实本年数字，确属相同可在向导中确认（confirmed: true）", fid))
        elif report.kind == DRAFT and not figure.confirmed and (why := implausible(figure)):
            problems.append(Problem("implausible_change", WARNING, place,
                                    f"“{figure.label}”本年{why}{where}：与上年相差超过 5 倍，可能多打或少打了几位数；"
                                    "请核对，确属如此可在向导中或答案文件中确认（confirmed: true）", fid))
    return problems


def stays_the_same(figure: Figure) -> bool:
    """A 100% rate, a count of fixed things (6个县（市）区, 9个乡镇), a required minimum (不少于60学时)."""
    if figure.unit in PERCENT_UNITS and figure.value == 100:
        return True
    if figure.approx in REQUIRED_APPROX:
        return True
    return bool(FIXED_LABEL_RE.search((figure.label or "").strip()))


def _in_latin_word(text: str, m: re.Match) -> bool:
    before = text[m.start() - 1] if m.start() else ""
    after = text[m.end()] if m.end() < len(text) else ""
    return bool(LATIN_RE.match(before) or LATIN_RE.match(after))


def check_markers(blocks: list[Block], skip_figure_markers: bool) -> list[Problem]:
    """【待填：…】 and typed blanks left in the text (for a .docx, also {F012} placeholders left over).

    In a draft an unfilled figure has its own problem with its id, so its marker is not reported twice.
    """
    problems = []
    for block in blocks:
        def add(kind, severity, message, block=block):
            problems.append(Problem(kind, severity, block.place, message, block.item_id))

        spans = [(m.start(), m.end()) for m in TODO_RE.finditer(block.text)]
        for m in TODO_RE.finditer(block.text):
            if FIGURE_MARKER_RE.search(m.group(0)):
                if not skip_figure_markers:
                    add("unfilled_figure", ERROR, f"数字尚未填写：{m.group(0)}，印发前必须补上；请填入本年数字")
                continue
            add("unfilled_text", ERROR, f"仍有待填内容：{m.group(0)}，印发前必须补上；请填写并删去标记")
        for m in REFERENCE_MARK_RE.finditer(block.text):
            add("reference_unconfirmed", WARNING, f"沿用了上年的表述，尚未确认：“{excerpt(block.text[m.end():], 30)}”；请核实后改写，并删去标记")
        for m in BARE_TODO_RE.finditer(block.text):
            add("unfilled_text", ERROR, f"仍有待填标记{m.group(0)}：“{excerpt(block.text[max(0, m.start() - 10):], 30)}”，"
                                        "印发前必须补上；请填写这里的内容并删去标记")
        if "【待填" in block.text and not spans and not BARE_TODO_RE.search(block.text):
            add("unfilled_text", ERROR, f"仍有未完成的待填标记：“{excerpt(block.text)}”；请补全内容并删去标记")
        for m in BLANK_RE.finditer(block.text):
            if not any(s <= m.start() < e for s, e in spans) and not _in_latin_word(block.text, m):
                add("unfilled_text", ERROR,
                    f"“{m.group(0)}”像是尚未填写的空白：“{excerpt(block.text[max(0, m.start() - 10):], 30)}”；请填入实际内容")
        if skip_figure_markers:
            continue
        for m in PLACEHOLDER_RE.finditer(block.text):
            add("unknown_placeholder", ERROR, f"文中留有占位符 {m.group(0)}，未被替换为数字：请在草稿中填写该数字后重新生成")
    return problems
