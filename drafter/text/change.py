"""The one wording of a figure's change from last year, for the wizard, Word comments, the appendix and check."""

from __future__ import annotations

from drafter.text.amounts import format_figure, format_number
from drafter.vocab import PERCENT_UNITS, POINT_UNITS


def change_text(value: float | int | None, prior: float | int | None, unit: str | None) -> str | None:
    """同比增长5.6% / 同比下降3.2% / 比上年提高2个百分点 / 比上年增加5件 / 与上年持平; None without both values."""
    if value is None or prior is None:
        return None
    if value == prior:
        return "与上年持平"
    unit = unit or ""
    if unit in PERCENT_UNITS or unit in POINT_UNITS:
        word = "提高" if value > prior else "下降"
        return f"比上年{word}{format_number(round(abs(value - prior), 2))}个百分点"
    if prior == 0:
        return f"比上年增加{format_figure(value, unit)}"
    rate = (value - prior) / abs(prior) * 100
    word = "增长" if rate > 0 else "下降"
    if abs(rate) < 0.05:
        return f"同比{word}不足0.1%"
    return f"同比{word}{abs(rate):.1f}%"
