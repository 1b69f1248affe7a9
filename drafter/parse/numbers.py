"""The numbers of a sentence that are figures: value, unit and approximation as written, and where they stand."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.parse.figure_words import (
    HAN_RE,
    IDIOMS_RE,
    NOT_AFTER,
    NOT_BEFORE,
    ONE_OF_RE,
    PLACE_ENDS,
    QUOTES,
    UNIT_WORDS,
)
from drafter.parse.labels import nounish, tokens_of
from drafter.text.quantities import Quantity, find_quantities


@dataclass
class Number:
    """A figure found in a sentence, before it has a label."""

    value: int | float
    unit: str | None  # a 千/万/亿 multiplier stays in it: 亿元, 万人次
    approx: str | None
    text: str  # approximation, number and unit as written
    start: int  # where text stands in the sentence
    end: int


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
    for m in IDIOMS_RE.finditer(text):
        mask[m.start():m.end()] = [True] * (m.end() - m.start())
    return mask


def find_numbers(sentence: str) -> list[Number]:
    """The figures of one sentence: value, unit, approx, text and position; no labels yet."""
    mask = _masked(sentence)
    found = []
    for q in find_quantities(sentence):
        figure = _read(q, sentence, mask)
        if figure:
            found.append(figure)
    return found


def _read(q: Quantity, sentence: str, mask: list[bool]) -> Number | None:
    if any(mask[q.start:q.end]):
        return None
    before_text = sentence[:q.start].rstrip()
    before_char = before_text[-1:] or "^"  # never empty: "" is in every string
    after_char = sentence[q.end:q.end + 1]
    # 百分之 has no unit after its number.
    if before_char in NOT_BEFORE or (after_char in NOT_AFTER and (q.spelled_percent or not q.unit)):
        return None
    if q.before == "近" and before_char in "最附临接":  # 最近 is "recently"
        return None
    if q.value is None:
        return None
    if q.spelled_percent:
        return Number(q.value, "%", q.before or q.after_unit, q.text, q.start, q.end)
    unit, approx = q.unit or "", q.approx
    if q.chinese:
        if before_char in "数几若":  # 数十家, 几百人: not a count that was written down
            return None
        # A lone 一 is "a/one" (一站式, 一窗受理); a lone 百/千 is idiom (千家万户, 百姓).
        if (q.number == "一" and not q.multiplier) or q.number[0] in "零〇万亿百千":
            return None
        # 五台山, 七台河, 五家渠: a place name, not a count.
        if unit and after_char in PLACE_ENDS:
            return None
    if not unit and not q.multiplier:
        return None
    if unit and not q.after_unit and unit + after_char in UNIT_WORDS:
        return None  # 3部门, 2条例: the unit is the start of a word
    # 24小时接听 / 24小时交办: round-the-clock service, not a duration.
    if q.value == 24 and unit == "小时" and not approx and after_char and after_char not in "内以之，,。；;、":
        return None
    if unit == "起" and isinstance(q.value, int) and 1949 <= q.value <= 2100:  # 2019起: a year
        return None
    # 15分钟政务服务圈, 2小时车程: a time that names a thing, not a measured duration.
    if unit in ("小时", "分钟") and not approx and HAN_RE.match(after_char):
        following = tokens_of(sentence[q.end:q.end + 8])
        if following and nounish(*following[0]) and following[0][0] not in ("以内", "以上", "左右"):
            return None
    # 作为全国两个地市级城市之一: one of a group it belongs to, not a count of the year's work.
    if ONE_OF_RE.match(sentence, q.end):
        return None
    return Number(q.value, q.multiplier + unit or None, approx, q.text, q.start, q.end)
