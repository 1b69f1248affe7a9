"""Values a clerk types, in the wizard or an answers file: figures (约120, 4500余人次, 1.5万) and dates."""

from __future__ import annotations

import datetime
from decimal import Decimal

from drafter.draft.patterns import DATE_INPUT_RE, GROWTH_WORDS, NUMBER_RE, THOUSANDS_RE, UNIT_TAIL_RE
from drafter.draft.placeholders import prior_text
from drafter.model.report import Figure
from drafter.text.amounts import format_figure
from drafter.vocab import APPROX_AFTER, APPROX_BEFORE, APPROX_CANONICAL, COUNT_UNITS, PERCENT_UNITS

MAX_VALUE = 10**15
DECIMALS = 6  # what a draft stores and prints (format_number)
MULTIPLIERS = {"万": 10**4, "亿": 10**8}
IMPLAUSIBLE = 5  # a value more than 5× or less than 1/5 of last year's asks for confirmation
# Only full-width forms are read as their ASCII twins: NFKC would also turn 10² into 102.
_WIDE = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def _normalise(text: str) -> str:
    text = str(text).translate(_WIDE).strip()
    return THOUSANDS_RE.sub("", text).replace(" ", "")


def _typed(number: float | int) -> str:
    """A number from a YAML or spreadsheet cell exactly as it came: 100.0000001 stays, not rounded."""
    if isinstance(number, int):
        return str(number)
    if number != number or abs(number) == float("inf"):
        return "x"
    return format(Decimal(repr(number)), "f")


def _strip_after(raw: str) -> tuple[str | None, str]:
    """An approximation word at the end (余, 以上…) and what stands before it."""
    for word in APPROX_AFTER:
        if raw.endswith(word):
            return word, raw[: -len(word)]
    return None, raw


def parse_figure_input(text, figure: Figure) -> tuple[float | int, str | None]:
    """'75', '约120', '4500余', '4500余人次', '28%', '1.5万' -> (value, approx); a ValueError in Chinese otherwise."""
    if isinstance(text, bool):
        raise ValueError("应为数字")
    unit = figure.unit or ""
    if isinstance(text, (int, float)):
        raw = _typed(text)
    else:
        raw = _normalise(text)
    if not raw:
        raise ValueError("没有填写数字")
    if raw.startswith("-"):
        raise ValueError("不能为负数（减少请在文字中写“下降”）")
    approx = None
    for word in APPROX_BEFORE:
        if raw.startswith(word):
            approx, raw = APPROX_CANONICAL.get(word, word), raw[len(word):]
            break
    # 以上 and 左右 follow the unit, 余 and 多 the number: either may come first once the unit is off.
    trailing, raw = _strip_after(raw)
    norm_unit = _normalise(unit)
    if norm_unit and raw.endswith(norm_unit):
        raw = raw[: -len(norm_unit)]
    if trailing is None:
        trailing, raw = _strip_after(raw)
    if trailing:
        if approx:
            raise ValueError(f"“{approx}”和“{trailing}”不能同时使用")
        approx = trailing
    value = _scaled(raw, unit, norm_unit, text)
    percent = norm_unit in PERCENT_UNITS
    if value > MAX_VALUE:
        raise ValueError("数字过大")
    if percent and value > 100 and not any(w in figure.label for w in GROWTH_WORDS):
        raise ValueError("百分比应在 0–100 之间")
    if norm_unit in COUNT_UNITS and value != int(value):
        raise ValueError(f"“{unit}”是计数单位，应为整数")
    if value == int(value):
        return int(value), approx
    if -value.as_tuple().exponent > DECIMALS:
        raise ValueError(f"小数最多 {DECIMALS} 位（“{text}”更长，请按需要的精度填写）")
    return float(value), approx


def _scaled(raw: str, unit: str, norm_unit: str, text) -> Decimal:
    """The number in the figure's own unit: 0.85亿 for 万元 -> 8500; exact, so no digit is lost or added."""
    percent = norm_unit in PERCENT_UNITS
    if raw.endswith("%") and not percent:
        raise ValueError(f"单位应为“{unit or '无'}”，不是百分数")
    raw = raw.removesuffix("%") if percent else raw
    scale = Decimal(1)
    if raw[-1:] in MULTIPLIERS:
        typed = MULTIPLIERS[raw[-1]]
        own = MULTIPLIERS.get(norm_unit[:1], 1)  # 万元, 亿元, 万人次: the unit carries its own multiplier
        if typed < own:
            raise ValueError(f"单位是“{unit}”，“{raw[-1]}”比它小，无法确定是“{raw[:-1]}{raw[-1]}{unit[1:]}”"
                             f"还是“{raw[:-1]}{raw[-1]}{unit}”；请直接按“{unit}”填写")
        scale, raw = Decimal(typed // own), raw[:-1]
    if not NUMBER_RE.match(raw):
        tail = UNIT_TAIL_RE.fullmatch(raw)
        if tail and tail.group(2) != norm_unit:
            raise ValueError(f"单位应为“{unit or '无'}”，不是“{tail.group(2)}”；只填数字即可")
        hint = f"，单位为“{unit}”" if unit else ""
        raise ValueError(f"“{text}”不是有效的数字（例：75、约120、4500余{hint}）")
    return Decimal(raw) * scale


def implausible(figure: Figure) -> str | None:
    """Why a filled value looks wrong next to last year's (more than 5× or under 1/5), None when it does not."""
    if figure.value is None or not figure.prior or figure.unit in PERCENT_UNITS:
        return None
    ratio = figure.value / figure.prior
    if 1 / IMPLAUSIBLE <= ratio <= IMPLAUSIBLE:
        return None
    times = f"{ratio:.0f}倍" if ratio >= 10 else f"{ratio:.1f}倍" if ratio > 1 else f"{ratio * 100:.1f}%"
    return (f"{format_figure(figure.value, figure.unit, figure.approx)}是上年"
            f"（{format_figure(figure.prior, figure.unit, figure.prior_approx)}）的{times}")


def set_figure(figure: Figure, value: float | int | None, approx: str | None, confirmed: bool = False) -> None:
    """A new value; `confirmed` when the clerk confirmed that it is right although it looks implausible."""
    figure.value = value
    figure.approx = approx
    figure.confirmed = confirmed


def figure_prompt(figure: Figure, prior_year: int | None) -> str:
    """One line naming the figure, its unit and last year's value: 审核规范性文件（单位：件；2023年：71件）."""
    return f"{figure.label}（单位：{figure.unit or '无'}；{prior_text(figure, prior_year)}）"


def valid_date(value) -> str:
    """A date as typed (2025-01-20, 2025年1月20日) as ISO; a ValueError in Chinese otherwise."""
    text = str(value).strip()
    m = DATE_INPUT_RE.fullmatch(text)
    if not m:
        raise ValueError("日期应写作 2025-01-20")
    y, mo, d = (int(x) for x in m.groups())
    try:
        return datetime.date(y, mo, d).isoformat()
    except ValueError:
        raise ValueError(f"日期“{text}”不存在") from None
