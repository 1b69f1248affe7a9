"""Dates that cannot be right: the report dated before its year ended or in the future, after the deadline,
an event dated after the report, and the plan naming the report year instead of the next."""

from __future__ import annotations

import datetime as dt

from drafter.check.blocks import Block, blank_markers
from drafter.check.patterns import (
    CLAUSE_STOPS,
    DEPARTMENT_DEADLINE,
    EVENT_DATE_RE,
    GOVERNMENT_DEADLINE,
    GOVERNMENT_RE,
    QUOTES,
    SENTENCE_STOPS,
)
from drafter.check.problems import ERROR, WARNING, Problem, excerpt
from drafter.check.years import Positions, refers_back, year_pattern
from drafter.model.report import Report
from drafter.text.dates import chinese_date
from drafter.vocab import PART

DATE_PLACE = "结尾 › 成文日期"


def _deadline(year: int, issuer: str | None) -> tuple[dt.date, str]:
    government = not issuer or bool(GOVERNMENT_RE.search(issuer.strip()))
    month, day = GOVERNMENT_DEADLINE if government else DEPARTMENT_DEADLINE
    who = "各级政府" if government else "政府部门"
    return dt.date(year + 1, month, day), f"{who}应在{month}月{day}日前报送"


def check_report_date(report: Report, today: dt.date) -> list[Problem]:
    """meta.date against the year reported on, today (the rendering date) and the deadline."""
    if not report.meta.date or not report.meta.year:
        return []
    return check_date(report.meta.date, report.meta.year, report.meta.issuer, today)


def check_date(iso: str, year: int, issuer: str | None, today: dt.date, place: str = DATE_PLACE) -> list[Problem]:
    """A 成文日期 (yyyy-mm-dd) against the year reported on, today and the deadline of who issues it."""
    try:
        date = dt.date.fromisoformat(iso)
    except ValueError:
        return []
    written = chinese_date(iso)
    deadline, rule = _deadline(year, issuer)
    if date.year <= year:
        return [Problem("date_out_of_range", ERROR, place,
                        f"成文日期{written}早于{year}年度结束：年度报告只能在次年写成；请改为{year + 1}年的日期"
                        f"（{rule}）")]
    if date > today:
        return [Problem("date_out_of_range", WARNING, place,
                        f"成文日期{written}晚于今天（{chinese_date(today.isoformat())}）：印发的报告不能写将来的日期；"
                        f"请改为实际成文的日期（{rule}）")]
    if date > deadline:
        return [Problem("late_date", WARNING, place,
                        f"成文日期{written}晚于报送期限（{rule}）：逾期报送会被通报；请核实日期，确属逾期请说明")]
    return []


def check_event_dates(blocks: list[Block], report_date: dt.date) -> list[Problem]:
    """Events in the measures and elsewhere dated after the report was written (the plan may look ahead)."""
    problems = []
    for block in blocks:
        if block.section in ("plan", "closing", "title"):
            continue
        for m in EVENT_DATE_RE.finditer(blank_markers(block.text)):
            year, month = int(m.group(1)), int(m.group(2))
            if not 1 <= month <= 12 or (year, month) <= (report_date.year, report_date.month):
                continue
            problems.append(Problem("future_event", WARNING, block.place,
                                    f"“{m.group(0)}”晚于报告成文的{report_date.year}年{report_date.month}月："
                                    f"已完成的工作不会发生在成文之后；请核对年份（是否写成了计划）："
                                    f"“{excerpt(block.text[max(0, m.start() - 10):], 30)}”", block.item_id))
    return problems


def check_plan_year(blocks: list[Block], year: int | None) -> list[Problem]:
    """The plan is for the next year: 2024年工作安排 in a 2024 report names the year just reported."""
    if not year:
        return []
    pattern, problems = year_pattern(year), []
    for block in blocks:
        if block.section != "plan":
            continue
        text = blank_markers(block.text)
        clauses = Positions(text, CLAUSE_STOPS)
        quotes = {ch: Positions(text, ch) for pair in QUOTES for ch in pair}
        for m in pattern.finditer(text):
            if refers_back(text, m.start(), m.end(), clauses, quotes):
                continue
            where = "标题" if block.heading else "正文"
            sentence_start = Positions(text, SENTENCE_STOPS).last_before(m.start()) + 1
            problems.append(Problem("plan_year", ERROR, block.place,
                                    f"“{PART['plan'].short}”的{where}写的是{m.group(0)}年（本报告年度），"
                                    f"而安排应是下一年度的：请改为{year + 1}年："
                                    f"“{excerpt(text[sentence_start:sentence_start + 40], 30)}”", block.item_id))
            break
    return problems
