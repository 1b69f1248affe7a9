"""The numbers of a sentence that are figures: value, unit and approximation as written, and where they stand."""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.parse.figure_words import (
    CN_NUMERAL,
    FIGURE_RE,
    HAN_RE,
    IDIOMS,
    NOT_AFTER,
    NOT_BEFORE,
    PERCENT_SIGNS,
    PLACE_ENDS,
    QUOTES,
    UNIT_WORDS,
)
from drafter.parse.labels import nounish, tokens_of
from drafter.text.numerals import from_chinese


@dataclass
class Number:
    """A figure found in a sentence, before it has a label."""

    value: int | float
    unit: str | None  # a 千/万/亿 multiplier stays in it: 亿元, 万人次
    approx: str | None
    text: str  # approximation, number and unit as written
    start: int  # where text stands in the sentence
    end: int


def _arabic(text: str) -> int | float:
    text = text.translate(str.maketrans("０１２３４５６７８９．", "0123456789.")).replace(",", "")
    value = float(text)
    return int(value) if value.is_integer() else value


def _masked(text: str) -> list[bool]:
    """True for characters inside 《》 or quotes, and in fixed phrases (三项制度)."""
    mask = [False] * len(text)
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if stack and ch == QUOTES[stack[-1][0]]:
            start = stack.pop()[1]
            mask[start:i + 1] = [True] * (i + 1 - start)
        elif ch in QUOTES:
            stack.append((ch, i))
    if text.count('"') % 2 == 0:  # straight quotes, when they pair up
        starts = [i for i, ch in enumerate(text) if ch == '"']
        for start, stop in zip(starts[::2], starts[1::2]):
            mask[start:stop + 1] = [True] * (stop + 1 - start)
    for idiom in IDIOMS:
        for m in re.finditer(idiom, text):
            mask[m.start():m.end()] = [True] * (m.end() - m.start())
    return mask


def find_numbers(sentence: str) -> list[Number]:
    """The figures of one sentence: value, unit, approx, text and position; no labels yet."""
    mask = _masked(sentence)
    found = []
    for m in FIGURE_RE.finditer(sentence):
        figure = _read_match(m, sentence, mask)
        if figure:
            found.append(figure)
    return found


def _read_match(m: re.Match, sentence: str, mask: list[bool]) -> Number | None:
    if any(mask[m.start():m.end()]):
        return None
    before_text = sentence[:m.start()].rstrip()
    before_char = before_text[-1:] or "^"  # never empty: "" is in every string
    after_char = sentence[m.end():m.end() + 1]
    if before_char in NOT_BEFORE or (after_char in NOT_AFTER and not m.group("unit")):
        return None
    if m.group("before") == "近" and before_char in "最附临接":  # 最近 is "recently"
        return None
    if m.group("pct"):
        raw = m.group("pnum")
        value = from_chinese(raw) if raw[0] in CN_NUMERAL else _arabic(raw)
        if value is None:
            return None
        return Number(value, "%", m.group("before") or m.group("after"), m.group(0), m.start(), m.end())
    raw, mult, unit = m.group("num"), m.group("mult") or "", m.group("unit") or ""
    approx = m.group("before") or m.group("a1") or m.group("a2") or m.group("after")
    if raw[0] in CN_NUMERAL:
        if raw[-1] in "万亿" and not mult:
            raw, mult = raw[:-1], raw[-1]
        if before_char in "数几若":  # 数十家, 几百人: not a count that was written down
            return None
        if not raw:  # 万余人
            if not (approx and mult):
                return None
            raw = "一"
        elif raw in ("百", "千") and (m.group("a1") or m.group("before")):  # 百余人, 近千人次, 逾百家
            raw = "一" + raw
        # A lone 一 is "a/one" (一站式, 一窗受理); a lone 百/千 is idiom (千家万户, 百姓).
        if (raw == "一" and not mult) or raw[0] in "零〇万亿百千":
            return None
        # 五台山, 七台河, 五家渠: a place name, not a count.
        if unit and after_char in PLACE_ENDS:
            return None
        value = from_chinese(raw)
        if value is None:
            return None
    else:
        value = _arabic(raw)
    if unit in PERCENT_SIGNS:
        unit = "%"
    if not unit and not mult:
        return None
    if unit and not m.group("after") and unit + after_char in UNIT_WORDS:
        return None  # 3部门, 2条例: the unit is the start of a word
    # 24小时接听 / 24小时交办: round-the-clock service, not a duration.
    if value == 24 and unit == "小时" and not approx and after_char and after_char not in "内以之，,。；;、":
        return None
    if unit == "起" and isinstance(value, int) and 1949 <= value <= 2100:  # 2019起: a year
        return None
    # 15分钟政务服务圈, 2小时车程: a time that names a thing, not a measured duration.
    if unit in ("小时", "分钟") and not approx and HAN_RE.match(after_char):
        following = tokens_of(sentence[m.end():m.end() + 8])
        if following and nounish(*following[0]) and following[0][0] not in ("以内", "以上", "左右"):
            return None
    return Number(value, mult + unit or None, approx, m.group(0), m.start(), m.end())
