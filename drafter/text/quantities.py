"""Quantities as reports write them: an approximation word, a number (Arabic or Chinese), a 万/亿 multiplier,
a measure word — 约120件, 4500余人次, 1.2万元以上, 百分之九十. The one lexer of numbers that parse and check share."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from drafter.text.numerals import from_chinese
from drafter.vocab import APPROX_AFTER_NUMBER, APPROX_AFTER_UNIT, APPROX_BEFORE

# ---------------------------------------------------------------- patterns

# Measure words, longest first so 个百分点 wins over 个 and 人次 over 人.
UNITS = sorted(
    """个百分点 百分点 个工作日 个月 个 件次 件 项 人次 人 场次 次 场 期 条 家 名 份 户次 户 张 篇 部 批次 批 所 元 倍 天
    小时 分钟 起 处 支 本 册 台 辆 套 座 车次 大类 类 宗 笔 轮 种 位 学时 课时 亩 公顷 平方米 平米 公里 千米 吨 例 成""".split(),
    key=len,
    reverse=True,
)
PERCENT_SIGNS = ("%", "％")
MULTIPLIERS = {"千": 10**3, "万": 10**4, "亿": 10**8}

_DIGITS = "0-9０-９"
_ARABIC = rf"[{_DIGITS}]+(?:,[{_DIGITS}]{{3}})*(?:[.．][{_DIGITS}]+)?"
CN_NUMERAL = "零〇一二两三四五六七八九十百千万亿"  # characters a number may be written in
_CN = rf"[{CN_NUMERAL}]+"
_SPACE = "[ \u3000]?"


@cache
def _pattern(chinese: bool, per_mille: bool) -> re.Pattern:
    numerals = f"{_ARABIC}|{_CN}" if chinese else _ARABIC
    units = UNITS + list(PERCENT_SIGNS) + (["‰"] if per_mille else [])
    return re.compile(
        rf"(?:(?P<before>{'|'.join(APPROX_BEFORE)}){_SPACE})?"
        rf"(?:(?P<pct>百分之)(?P<pnum>{numerals})"
        rf"|(?P<num>{numerals}){_SPACE}(?P<a1>{'|'.join(APPROX_AFTER_NUMBER)})?"
        rf"(?P<mult>[万亿]|千(?![米瓦克]))?(?P<a2>{'|'.join(APPROX_AFTER_NUMBER)})?"
        rf"(?P<unit>{'|'.join(map(re.escape, units))})?)"
        rf"(?P<after>{'|'.join(APPROX_AFTER_UNIT)})?"
    )


_HALF_WIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")

# ---------------------------------------------------------------- reading


@dataclass
class Quantity:
    """A number as written in a text, with what stands around it; not yet judged a figure."""

    start: int  # where text stands
    end: int
    text: str  # approximation, number, multiplier, unit and approximation as written
    number: str  # the numeral, read whole: 百余人 -> 一百, 万余人 -> 一 ("" when it cannot be)
    number_start: int  # where the numeral stands
    value: int | float | None  # the numeral's value, without the multiplier; None when it reads as no number
    multiplier: str  # 千, 万, 亿 or ""
    unit: str | None  # the measure word; % for 百分之 and ％
    before: str | None  # approximation words: before the number (约), after it (余), after the multiplier
    after_number: str | None  # (1万余), after the unit (以上)
    after_multiplier: str | None
    after_unit: str | None
    spelled_percent: bool  # 百分之…: the unit stands before the number

    @property
    def approx(self) -> str | None:
        """The first approximation word, if any."""
        return self.before or self.after_number or self.after_multiplier or self.after_unit

    @property
    def chinese(self) -> bool:
        return bool(self.number) and self.number[0] in CN_NUMERAL


def arabic(text: str) -> int | float:
    """1,234 -> 1234, ４.５ -> 4.5: an int when it is whole."""
    value = float(text.translate(_HALF_WIDTH).replace(",", ""))
    return int(value) if value.is_integer() else value


def find_quantities(text: str, chinese: bool = True, per_mille: bool = False) -> list[Quantity]:
    """Every quantity of `text`, left to right.

    chinese=False reads Arabic numerals only: check does, for a Chinese numeral in prose is as often a name
    (三项制度, 一站式) as a count, and only the parser weeds those out. per_mille=True knows ‰ as a unit: check
    compares 3‰ with 3‰, the parser keeps no per-mille figures.
    """
    return [_read(m) for m in _pattern(chinese, per_mille).finditer(text)]


def _read(m: re.Match) -> Quantity:
    spelled = bool(m.group("pct"))
    raw = m.group("pnum") if spelled else m.group("num")
    mult = m.group("mult") or ""
    unit = "%" if spelled or m.group("unit") in PERCENT_SIGNS else m.group("unit")
    quantity = Quantity(m.start(), m.end(), m.group(0), raw, m.start("pnum" if spelled else "num"), None, mult, unit,
                        m.group("before"), m.group("a1"), m.group("a2"), m.group("after"), spelled)
    if raw[0] not in CN_NUMERAL:
        quantity.value = arabic(raw)
        return quantity
    if not spelled:
        if raw[-1] in "万亿" and not mult:  # 三万人: the multiplier was read as part of the numeral
            raw, quantity.multiplier = raw[:-1], raw[-1]
        if not raw:  # 万余人
            raw = "一" if quantity.approx else ""
        elif raw in ("百", "千") and (quantity.after_number or quantity.before):  # 百余人, 近千人次, 逾百家
            raw = "一" + raw
        quantity.number = raw
    quantity.value = from_chinese(raw)
    return quantity
