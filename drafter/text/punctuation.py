"""Half-width punctuation in Chinese text made full-width, as GB/T 9704 documents write it."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Web pages often carry half-width , ; : ? ! ( ) inside Chinese text; GB/T 9704 documents use the
# full-width forms. A mark is converted when the text around it is Chinese; numbers (1,234, 16:49),
# URLs and Latin text (COVID-19 (Delta), Hello, world) keep theirs. Brackets around Latin words in a
# Chinese sentence, 营口(Yingkou)市, become full-width too: the sentence around them is Chinese.
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# A URL keeps every character; trailing sentence marks are not part of it.
_URL_RE = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)[!-~]*[A-Za-z0-9/=&#_%~-]")
_CHINESE_MARKS = "“”‘’…—·"


@lru_cache(maxsize=8192)
def _is_chinese(ch: str) -> bool:
    """Han characters and full-width marks (、。《》（）and the like); '' (no character) is not."""
    return bool(ch) and (ch in _CHINESE_MARKS or unicodedata.east_asian_width(ch) in ("W", "F"))


def _neighbour(chars: list[str], i: int, step: int) -> str:
    """The nearest non-space character before (step -1) or after (step 1) position i, or ''."""
    i += step
    while 0 <= i < len(chars) and chars[i].isspace():
        i += step
    return chars[i] if 0 <= i < len(chars) else ""


def _beside_chinese(chars: list[str], i: int) -> bool:
    return _is_chinese(_neighbour(chars, i, -1)) or _is_chinese(_neighbour(chars, i, 1))


def _nearest_letters(chars: list[str]) -> list[tuple[str, str]]:
    """For each position, the kind ('zh', 'latin' or '') of the nearest letter on its left and on its right,
    past digits, spaces and ASCII signs (76%,230项)."""
    def kinds(seq):
        out, kind = [], ""
        for ch in seq:
            out.append(kind)
            if _is_chinese(ch):
                kind = "zh"
            elif ch.isalpha():
                kind = "latin"
        return out

    return list(zip(kinds(chars), reversed(kinds(reversed(chars)))))


def _url_positions(text: str) -> set[int]:
    protected: set[int] = set()
    for m in _URL_RE.finditer(text):
        end = m.end()
        while end < len(text) and text[end] == ")" and text.count("(", m.start(), end) > text.count(")", m.start(), end):
            end += 1  # a bracket the URL itself opened: …/x(1)
        protected.update(range(m.start(), end))
    return protected


def _brackets(chars: list[str], protected: set[int]) -> None:
    """( ) become （ ） when what they hold or stand next to is Chinese; pairs are matched across widths."""
    # chinese_before[i]: Chinese characters in chars[:i], to tell in one step whether a pair holds any.
    chinese_before = [0]
    for ch in chars:
        chinese_before.append(chinese_before[-1] + _is_chinese(ch))
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    lone: list[int] = []
    for i, ch in enumerate(chars):
        if i in protected:
            continue
        if ch in "(（":
            stack.append(i)
        elif ch in ")）":
            if stack:
                pairs.append((stack.pop(), i))
            else:
                lone.append(i)
    lone.extend(stack)
    for start, end in pairs:
        pair = chars[start] + chars[end]
        holds_chinese = chinese_before[end] > chinese_before[start + 1]
        beside = _is_chinese(_neighbour(chars, start, -1)) or _is_chinese(_neighbour(chars, end, 1))
        # A half-width bracket whose partner is full-width, (一）, takes the partner's width.
        if pair in ("(）", "（)") or pair == "()" and (holds_chinese or beside):
            chars[start], chars[end] = "（", "）"
    for i in lone:
        # Its partner is on another line (涵盖6个县( / 市)区): the characters beside it decide.
        if chars[i] in "()" and _beside_chinese(chars, i):
            chars[i] = _HALF_TO_FULL[chars[i]]


def _quotes(chars: list[str], protected: set[int]) -> None:
    """Straight double quotes become “ ” when they pair up in the paragraph and a pair holds or stands
    next to Chinese; an odd count leaves them all, since which one opens cannot be told."""
    marks = [i for i, ch in enumerate(chars) if ch == '"' and i not in protected]
    if len(marks) % 2:
        return
    for start, end in zip(marks[::2], marks[1::2]):
        if any(_is_chinese(ch) for ch in chars[start + 1 : end]) or _is_chinese(
            _neighbour(chars, start, -1)
        ) or _is_chinese(_neighbour(chars, end, 1)):
            chars[start], chars[end] = "“", "”"


def _keeps_half_width(chars: list[str], i: int, letters: tuple[str, str]) -> bool:
    ch = chars[i]
    before = chars[i - 1] if i > 0 else ""
    if ch == "," and before.isdigit():
        # A thousands separator: 1,234 (but 2023,2024年 lists two years).
        group = "".join(chars[i + 1 : i + 5])
        if len(group) >= 3 and group[:3].isdigit() and not group[3:].isdigit():
            return True
    if ch == ":" and before.isdigit() and i + 1 < len(chars) and chars[i + 1].isdigit():
        return True  # 16:49, 1:1
    if ch in "?!":
        # Only right beside Chinese: 5?12 is a character lost in copying, not a question.
        return not _beside_chinese(chars, i)
    return "zh" not in letters


def full_width_punctuation(text: str) -> str:
    """Half-width , ; : ? ! ( ) "" in Chinese text become ，；：？！（）“”, without the spaces around them."""
    if not any(ch in _HALF_TO_FULL or ch == '"' for ch in text):
        return text
    chars = list(text)
    protected = _url_positions(text)
    _brackets(chars, protected)
    _quotes(chars, protected)
    letters = _nearest_letters(chars)
    for i, ch in enumerate(chars):
        if ch in ",;:?!" and i not in protected and not _keeps_half_width(chars, i, letters[i]):
            chars[i] = _HALF_TO_FULL[ch]
    # "工作, 推进" and "镇 (街道)": a full-width mark carries its own spacing. A bracket or quote keeps
    # the space that parts it from a Latin word (“ok” and), where the space separates words.
    for i in [i for i, ch in enumerate(chars) if ch != text[i]]:
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(chars) and chars[j].isspace():
                j += step
            beyond = chars[j] if 0 <= j < len(chars) else ""
            if chars[i] in "（）“”" and beyond.isascii() and beyond.isalpha():
                continue
            for k in range(i + step, j, step):
                chars[k] = ""
    return "".join(chars)
