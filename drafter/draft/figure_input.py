"""Values a clerk types, in the wizard or an answers file: figures (约120, 4500余人次, 1.5万) and dates."""

from __future__ import annotations

import datetime
import unicodedata

from drafter.draft.patterns import DATE_INPUT_RE, GROWTH_WORDS, NUMBER_RE, THOUSANDS_RE
from drafter.draft.placeholders import prior_text
from drafter.model.report import Figure
from drafter.text.amounts import format_number
from drafter.vocab import APPROX_AFTER, APPROX_BEFORE, APPROX_CANONICAL, COUNT_UNITS, PERCENT_UNITS

MAX_VALUE = 10**15


def _width(ch: str) -> str:
    # Only full-width forms (７５, ％, the ideographic space) are folded: NFKC would also turn 10² into 102.
    return unicodedata.normalize("NFKC", ch) if "\uff01" <= ch <= "\uff5e" or ch == "\u3000" else ch


def _normalise(text: str) -> str:
    text = "".join(map(_width, str(text))).strip()
    return THOUSANDS_RE.sub("", text).replace(" ", "")


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
        raw = format_number(text) if text == text and abs(text) != float("inf") else "x"
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
    scale = 1
    if raw.endswith(("万", "亿")):
        if norm_unit.startswith(raw[-1]):
            raw = raw[:-1]  # 1.5万 for a figure counted in 万人次: the unit's own 万
        else:
            scale, raw = (10**4 if raw[-1] == "万" else 10**8), raw[:-1]
    percent = norm_unit in PERCENT_UNITS
    if raw.endswith("%") and not percent:
        raise ValueError(f"单位应为“{unit or '无'}”，不是百分数")
    raw = raw.removesuffix("%") if percent else raw
    if not NUMBER_RE.match(raw):
        hint = f"，单位为“{unit}”" if unit else ""
        raise ValueError(f"“{text}”不是有效的数字（例：75、约120、4500余{hint}）")
    value = float(raw) * scale
    if value > MAX_VALUE:
        raise ValueError("数字过大")
    if percent and value > 100 and not any(w in figure.label for w in GROWTH_WORDS):
        raise ValueError("百分比应在 0–100 之间")
    if norm_unit in COUNT_UNITS and not value.is_integer():
        raise ValueError(f"“{unit}”是计数单位，应为整数")
    if value.is_integer():
        return int(value), approx
    return round(value, 6), approx


def set_figure(figure: Figure, value: float | int | None, approx: str | None) -> None:
    figure.value = value
    figure.approx = approx


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
