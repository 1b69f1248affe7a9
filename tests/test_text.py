"""The text toolkit: numerals both ways (checked against cn2an), dates, widths, the year-on-year wording."""

import random

import cn2an
import pytest

from drafter.text.amounts import format_figure
from drafter.text.change import change_text
from drafter.text.dates import chinese_date, iso_date, iso_from_chinese
from drafter.text.numerals import from_chinese, from_chinese_digits, to_chinese, to_chinese_digits
from drafter.text.width import clip, columns, page_width


def test_to_chinese_agrees_with_cn2an_below_a_thousand():
    for n in range(1, 1000):
        assert to_chinese(n) == cn2an.an2cn(n), n


def test_from_chinese_reads_what_cn2an_writes():
    rng = random.Random(7)
    numbers = list(range(1200)) + [rng.randrange(10**9) for _ in range(2000)]
    for n in numbers:
        written = cn2an.an2cn(n)
        assert from_chinese(written) == n, written


@pytest.mark.parametrize("text, value", [("两千", 2000), ("十五", 15), ("一万零五", 10005), ("一两", None),
                                         ("三五", None), ("十百", None), ("", None)])
def test_from_chinese_refuses_what_is_no_numeral(text, value):
    assert from_chinese(text) == value


def test_years_digit_by_digit():
    assert to_chinese_digits(2024) == "二〇二四" and to_chinese_digits(2020, "零") == "二零二零"
    assert from_chinese_digits("二〇二四") == 2024 and from_chinese_digits("二○二三") == 2023
    assert from_chinese_digits("二十") is None


def test_dates():
    assert iso_date("发布时间：2020年03月09日 10:00") == "2020-03-09"
    assert iso_date("2024/2/30") is None
    assert iso_from_chinese("二〇二四年一月十八日") == "2024-01-18"
    assert iso_from_chinese("2024年1月18日") == "2024-01-18"
    assert chinese_date("2024-01-08") == "2024年1月8日"


def test_widths():
    assert columns("营口2024") == 8
    assert clip("571人次（2021年：571人）", 12) == "571人次（20…"
    assert clip("短", 12) == "短"
    assert page_width("2024年“法治”") == 7.0


@pytest.mark.parametrize("value, prior, unit, wording", [
    (28, 30, "%", "比上年下降2个百分点"),
    (31.5, 30, "%", "比上年提高1.5个百分点"),
    (5, 0, "件", "比上年增加5件"),
    (0, 0, "件", "与上年持平"),
    (1000.4, 1000, "件", "同比增长不足0.1%"),
    (75, 71, "件", "同比增长5.6%"),
    (60, 71, "件", "同比下降15.5%"),
    (71, 71, "件", "与上年持平"),
    (None, 71, "件", None),
])
def test_one_wording_of_the_change(value, prior, unit, wording):
    assert change_text(value, prior, unit) == wording


@pytest.mark.parametrize("args, text", [((32770, "件", "近"), "近32770件"), ((4420, "人次", "余"), "4420余人次"),
                                        ((1.5, "万人次", "余"), "1.5万余人次"), ((56.8, "%", "以上"), "56.8%以上"),
                                        ((23.70, "个", None), "23.7个")])
def test_figures_as_sentences_write_them(args, text):
    assert format_figure(*args) == text
