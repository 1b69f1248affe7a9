"""Last year's year left in this year's text: 2023年，我市… in a 2024 report."""

from __future__ import annotations

import re
from bisect import bisect_left

from drafter.check.blocks import Block, blank_markers
from drafter.check.patterns import (
    ASSESSED,
    CLAUSE_REFERS,
    CLAUSE_SPLIT,
    CLAUSE_STOPS,
    QUOTES,
    RANGE_AFTER,
    RANGE_BEFORE,
    REFER_AFTER,
    REFER_BEFORE,
    SENTENCE_STOPS,
)
from drafter.check.problems import ERROR, WARNING, Problem, excerpt
from drafter.text.numerals import to_chinese_digits


def year_pattern(year: int) -> re.Pattern:
    """The year before 年, in digits or in Chinese digits (二〇二三, 二零二三)."""
    return re.compile(rf"(?<!\d)(?:{year}|{to_chinese_digits(year)}|{to_chinese_digits(year, zero='零')})(?=\s*年)")


class Positions:
    """Where some characters stand in a text, to ask what comes before a place without rescanning."""

    def __init__(self, text: str, chars: str):
        self.at = [i for i, ch in enumerate(text) if ch in chars]

    def last_before(self, pos: int) -> int:
        i = bisect_left(self.at, pos)
        return self.at[i - 1] if i else -1

    def count_before(self, pos: int) -> int:
        return bisect_left(self.at, pos)


def refers_back(text: str, start: int, end: int, clauses: Positions, quotes: dict[str, Positions]) -> bool:
    """The year is named as the past (较2023年, 2023年以来, 《…2023年…》, a range), not reported as this year."""
    clause_start = clauses.last_before(start) + 1
    clause_end = CLAUSE_SPLIT.search(text, end, end + 80)
    before = text[max(clause_start, start - 12):start]
    after = text[end:end + 40]
    clause = text[max(clause_start, start - 80):clause_end.start() if clause_end else end + 80]
    quoted = any(quotes[o].count_before(start) > quotes[c].count_before(start) for o, c in QUOTES)
    return bool(quoted or REFER_BEFORE.search(before) or REFER_AFTER.match(after) or RANGE_BEFORE.search(before)
                or RANGE_AFTER.match(after) or CLAUSE_REFERS.search(clause) or ASSESSED.match(after))


def check_prior_year(blocks: list[Block], year: int | None) -> list[Problem]:
    if not year:
        return []
    pattern = year_pattern(year - 1)
    problems = []
    for block in blocks:
        if block.section == "closing":
            continue
        text = blank_markers(block.text)
        matches = list(pattern.finditer(text))
        if not matches:
            continue
        clauses, sentences = Positions(text, CLAUSE_STOPS), Positions(text, SENTENCE_STOPS)
        quotes = {ch: Positions(text, ch) for pair in QUOTES for ch in pair}
        for m in matches:
            start = m.start()
            if refers_back(text, start, m.end(), clauses, quotes):
                continue
            sentence_start = sentences.last_before(start) + 1
            leads = not text[max(sentence_start, start - 4):start].strip(" 　,，") and start - sentence_start <= 4
            severity = ERROR if leads else WARNING
            how = ("写在句首，像是把上年的情况当作本年度来写；请改为本年度" if leads
               else "审阅者会以为写的是上年的工作；请确认这里说的是上年的情况，否则改为本年度")
            problems.append(Problem("prior_year", severity, block.place,
                                    f"出现上一年度“{m.group(0)}年”（本报告为{year}年度）：{how}："
                                    f"“{excerpt(text[sentence_start:sentence_start + 40], 30)}”", block.item_id))
    return problems
