"""What the rendered document says about a figure and about last year's text, beyond the report's own words."""

from __future__ import annotations

from drafter.draft.placeholders import prior_text
from drafter.model.report import Figure
from drafter.text.amounts import format_figure
from drafter.text.change import change_text
from drafter.text.clean import lines_of


def year_label(year: int | None, unknown: str) -> str:
    """2023年, or `unknown` (上年, 本年) when the year is not known."""
    return f"{year}年" if year else unknown


def figure_shown(figure: Figure) -> str:
    """The filled figure as the sentence reads it: 近32770件."""
    return format_figure(figure.value, figure.unit, figure.approx)


def figure_comment(figure: Figure, prior_year: int | None) -> str:
    """2023年：71件；本年：75件；同比增长5.6%"""
    parts = [prior_text(figure, prior_year), "本年：" + figure_shown(figure)]
    change = change_text(figure.value, figure.prior, figure.unit)
    if change:
        parts.append(change)
    return "；".join(parts)


def reference_comment(reference: list[str], prior_year: int | None) -> list[str]:
    """Last year's words of an item, as a comment's paragraphs: they are never printed in the body."""
    return [f"{year_label(prior_year, '上年')}原文（供参考，不会印入正文）："] + lines_of(reference)


def advanced_comment(old: int, new: int) -> str:
    """On a year drafter moved inside last year's text: the reviewer confirms the fact, not only the year."""
    return f"此处年份由上年原文的“{old}年”自动改为“{new}年”，请核实{new}年确有此事、名称和年份无误。"
