"""A title too long for one line, broken where the sense allows (GB/T 9704 7.3.3)."""

from __future__ import annotations

from drafter.render.patterns import NO_LINE_END, NO_LINE_START, TITLE_BREAKS, TITLE_CHARS
from drafter.text.width import page_width


def title_width(text: str) -> float:
    """Width in characters as Word sets a title: a quarter space where Chinese meets Latin or digits."""
    meets = sum(1 for a, b in zip(text, text[1:]) if (ord(a) < 0x80) != (ord(b) < 0x80) and not (a + b).isspace())
    return page_width(text) + 0.25 * meets


def _cut_inside_a_word(line: str, k: int) -> bool:
    """Breaking before line[k] would split a Latin word or number, a date, or a bracket from its text."""
    before, after = line[k - 1], line[k]
    return ((before.isascii() and before.isalnum() and after.isascii() and after.isalnum())
            or (before.isdigit() and after in "年月日号") or after in NO_LINE_START or before in NO_LINE_END)


def break_title(line: str, width: float = TITLE_CHARS) -> list[str]:
    """The title's lines, balanced, words kept whole: broken at a space, before 关于, a year or 法治政府."""
    line = line.strip()
    if title_width(line) <= width:
        return [line]
    preferred: dict[int, int] = {}
    for pattern, rank in reversed(TITLE_BREAKS):
        preferred.update({m.start(): rank for m in pattern.finditer(line)})
    best, best_key = None, None
    for k in range(1, len(line)):
        if _cut_inside_a_word(line, k):
            continue
        left, right = line[:k].rstrip(), line[k:].lstrip()
        if not left or not right or line[k].isspace() and k + 1 < len(line) and line[k + 1].isspace():
            continue
        if title_width(left) > width:
            break
        if left.endswith("关于"):
            continue
        fits = title_width(right) <= width
        key = (fits, preferred.get(k, 0), -abs(title_width(left) - title_width(right)) if fits else k)
        if best_key is None or key > best_key:
            best, best_key = k, key
    if best is None:
        return [line]
    return [line[:best].rstrip()] + break_title(line[best:], width)
