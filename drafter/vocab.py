"""The words drafter uses for the things a clerk reads about: parts, statuses, origins, units, approximations.

Every module names these from here, so a part or a status reads the same in the wizard, in check and in Word.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PartName:
    key: str  # the YAML key
    full: str  # the national rule's name for the part
    short: str  # in messages and menus
    default_heading: str  # the heading when a report gives none; {year}: the report's year, {next_year}: the one after


def default_heading(key: str, year: int | None) -> str:
    """The part's heading for a report of `year` that gives none."""
    heading = PART[key].default_heading
    if year is None:
        return heading.replace("{year}年", "本年度").replace("{next_year}年", "下一年度")
    return heading.format(year=year, next_year=year + 1)


PART_NAMES = (
    PartName("measures", "主要举措和成效", "主要举措和成效", "{year}年推进法治政府建设的主要举措和成效"),
    PartName("shortcomings", "存在的不足和原因", "存在的不足和原因", "存在的不足和原因"),
    PartName("duties", "党政主要负责人履行推进法治建设第一责任人职责情况", "第一责任人职责",
             "党政主要负责人履行推进法治建设第一责任人职责情况"),
    PartName("plan", "下一年度工作安排", "下一年度工作安排", "{next_year}年推进法治政府建设的主要安排"),
    PartName("other", "其他需要报告的情况", "其他需要报告的情况", "其他需要报告的情况"),
)
PARTS = tuple(part.key for part in PART_NAMES)
PART = {part.key: part for part in PART_NAMES}
# The parts the national rule requires in every report ("other" only where there is something to report).
MANDATORY = ("measures", "shortcomings", "duties", "plan")

# Where a figure may stand besides the five parts.
FIGURE_PLACES = ("preamble", *PARTS, "closing")

# The preamble, as a clerk reads its place (the wizard, check, the 填报表).
PREAMBLE_NAME = "开头"

# An item's or a part's status in a draft.
TODO, REFERENCE, DONE = "todo", "reference", "done"
STATUSES = (TODO, REFERENCE, DONE)

# Where a draft's item came from.
ORIGINS = ("new", "prior_plan", "prior_measures", "prior_shortcomings", "prior_duties", "prior_other")

# What a draft's closing asks for until meta.date is set; {year}: the year it will be written in.
DATE_PROMPT = "成文日期（如 {year}年1月20日）"

# Kinds of the lines that close a report, in the order they stand.
CLOSING_KINDS = ("phrase", "attachments", "signature", "date", "notes", "record")

# Approximation words as reports write them: before the number (约120件), after it (4500余人次),
# or after the unit (100件以上). Longer words first, so 将近 is not read as 近.
APPROX_BEFORE = ("将近", "接近", "大约", "超过", "不少于", "不低于", "不足", "不到", "近", "约", "逾", "超")
APPROX_AFTER_NUMBER = ("余", "多")
APPROX_AFTER_UNIT = ("以上", "左右")
APPROX_AFTER = APPROX_AFTER_UNIT + APPROX_AFTER_NUMBER
# Synonyms a clerk may type, stored as the word reports use most.
APPROX_CANONICAL = {"将近": "近", "接近": "近", "大约": "约", "超": "超过"}

PERCENT_UNITS = ("%", "％")
POINT_UNITS = ("个百分点", "百分点")
# Units whose figures are counted one by one: a count has no fraction (unless in 万/亿).
COUNT_UNITS = frozenset(set("件个人次项家场期条份名部起批所户支篇本处台辆宗笔套座间张册位例单") | {
    "人次", "车次", "场次", "批次", "家次", "户次", "件次", "项次", "余人",
})
