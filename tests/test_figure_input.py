"""Figures as a clerk types them: magnitudes, units, precision, and values that look wrong next to last year's."""

import pytest

from drafter.draft.figure_input import implausible, parse_figure_input
from drafter.model.report import Figure


def _figure(unit, prior=None, label="投入资金"):
    return Figure(id="F001", label=label, value=None, unit=unit, approx=None, sentence="", section="measures",
                  prior=prior)


@pytest.mark.parametrize("typed, unit, expected", [
    ("0.85亿", "万元", (8500, None)),  # 亿 is larger than the unit's own 万: converted exactly
    ("1.2亿", "万人次", (12000, None)),
    ("3亿", "亿元", (3, None)),
    ("12.75万", "万元", (12.75, None)),
    ("93.781234", "%", (93.781234, None)),
    (93.78, "%", (93.78, None)),
    ("约1.5万", "人次", (15000, "约")),
])
def test_magnitudes_and_precision_accepted(typed, unit, expected):
    assert parse_figure_input(typed, _figure(unit)) == expected


@pytest.mark.parametrize("typed, unit, message", [
    ("1.5万", "亿元", "“万”比它小，无法确定是“1.5万元”还是“1.5万亿元”"),
    ("71件", "个", "单位应为“个”，不是“件”"),
    (100.0000001, "%", "0–100"),  # a YAML float is read as typed, not rounded to 100
    ("100.0000001", "%", "0–100"),
    (93.7812345678, "%", "小数最多 6 位"),
    ("93.7812345678", "%", "小数最多 6 位"),
    ("10²", "个", "不是有效的数字"),  # a superscript is not read as a digit
    ("58b", "个", "不是有效的数字"),
])
def test_refused_with_the_reason(typed, unit, message):
    with pytest.raises(ValueError, match=message):
        parse_figure_input(typed, _figure(unit))


def test_implausible_against_last_year():
    figure = _figure("人", 571, "培训人员")
    figure.value = 5000
    assert implausible(figure) == "5000人是上年（571人）的8.8倍"
    figure.value = 100
    assert implausible(figure) == "100人是上年（571人）的17.5%"
    figure.value = 600
    assert implausible(figure) is None
    rate = _figure("%", 5, "调解率")
    rate.value = 90  # a rate is judged by its own bounds, not by a ratio
    assert implausible(rate) is None
