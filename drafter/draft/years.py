"""Last year's words moved to this year: the years a sentence names and the title."""

from __future__ import annotations

import re

from drafter.draft.patterns import CHINESE_ZEROS, QUOTED_RE, SENTENCE_END_RE, TITLE_YEAR_RE, YEAR_RE
from drafter.text.numerals import to_chinese_digits


def shift_years(text: str | None, mapping: dict[int, int]) -> str | None:
    """Replace the years in `mapping` (old -> new) in one pass, outside 《》 and 〔〕."""
    if not text or not mapping:
        return text

    def swap(segment: str) -> str:
        return YEAR_RE.sub(lambda m: str(mapping.get(int(m.group(1)), m.group(1))), segment)

    out, pos = [], 0
    for quoted in QUOTED_RE.finditer(text):
        out.append(swap(text[pos:quoted.start()]))
        out.append(quoted.group(0))
        pos = quoted.end()
    out.append(swap(text[pos:]))
    return "".join(out)


class YearShift:
    """Moves the report year and the year after it (a plan's year) from `prior_year` to `year`."""

    def __init__(self, prior_year: int, year: int):
        self.years = {prior_year: year, prior_year + 1: year + 1}
        # The year before the report year moves too in a sentence that also names the report year
        # (2023年度预算、2022年度决算; 较2022年增长), where it is plainly relative to it.
        self.paired = {**self.years, prior_year - 1: year - 1}
        self.report_year = re.compile(rf"(?<!\d){prior_year}(?=年)")

    def __call__(self, text: str | None) -> str | None:
        if not text:
            return text
        return "".join(shift_years(sentence, self.paired if self.report_year.search(QUOTED_RE.sub("", sentence))
                                   else self.years)
                       for sentence in SENTENCE_END_RE.split(text))


def new_title(prior_title: str | None, region: str | None, prior_year: int, year: int) -> str:
    """关于2023年…的报告 -> 关于2024年…; a title without a year is composed afresh."""
    if prior_title and TITLE_YEAR_RE.search(prior_title):
        shift = year - prior_year
        return TITLE_YEAR_RE.sub(lambda m: str(int(m.group(1)) + shift), prior_title)
    for zero in CHINESE_ZEROS:
        # 二〇二三年: a year in Chinese numerals is rewritten the same way.
        written = to_chinese_digits(prior_year, zero)
        if prior_title and written + "年" in prior_title:
            return prior_title.replace(written + "年", to_chinese_digits(year, zero) + "年")
    return f"{region or ''}{year}年法治政府建设情况报告"


def advanced_years(text: str, prior_year: int, year: int) -> list[tuple[int, int, int]]:
    """(start, end, last year's value) of each year YearShift(prior_year, year) moved in `text`.

    Known from the text alone: YearShift moves every report year and plan year outside 《》 and 〔〕,
    so a year it yields (the report year, the year after, the year before beside the report year)
    stands in kept text only because it was moved. (Last year's text naming two years ahead is the
    one case marked wrongly: rare, and the reviewer confirms the mark anyway.)"""
    shift = year - prior_year
    out, pos = [], 0
    for sentence in SENTENCE_END_RE.split(text):
        plain = QUOTED_RE.sub(lambda m: " " * len(m.group(0)), sentence)  # same offsets, quotes blanked
        moved = {year, year + 1}
        if re.search(rf"(?<!\d){year}(?=年)", plain):
            moved.add(year - 1)
        for match in YEAR_RE.finditer(plain):
            if int(match.group(1)) in moved:
                out.append((pos + match.start(1), pos + match.end(1), int(match.group(1)) - shift))
        pos += len(sentence)
    return out
