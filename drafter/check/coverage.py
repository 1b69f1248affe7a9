"""Areas of the national outline (areas.py) that no measure touches."""

from __future__ import annotations

from drafter.check.areas import AREAS, OUTLINE_FIRST_YEAR
from drafter.check.blocks import Block
from drafter.check.problems import WARNING, Problem
from drafter.draft.placeholders import TODO_RE
from drafter.text.words import cut as cut_words


def _token_hits(text: str, bounds: set[int], word: str) -> bool:
    """`word` occurs without cutting a jieba token in two (立法 is not in 建立|法治)."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (start in bounds and end in bounds) or not any(b in bounds for b in range(start + 1, end)):
            return True
        start = text.find(word, start + 1)
    return False


def check_coverage(blocks: list[Block], place: str, item_id: str | None, year: int | None = None) -> list[Problem]:
    """One problem an area, placed at the measures part (`place` and `item_id` as the caller names it)."""
    if year is not None and year < OUTLINE_FIRST_YEAR:
        return []
    text = "\n".join(TODO_RE.sub("", b.text) for b in blocks if b.section == "measures")
    if not text.strip():
        return []
    bounds, pos = {0}, 0
    for token in cut_words(text):
        pos += len(token)
        bounds.add(pos)
    problems = []
    for _slug, name, words in AREAS:
        if not any(_token_hits(text, bounds, w) for w in words):
            problems.append(Problem("uncovered_area", WARNING, place,
                                    f"没有一项举措涉及纲要的“{name}”方面（如{'、'.join(words[:3])}）：纲要要求逐项报告，"
                                    "审阅者会认为这方面没有开展；请补写这方面的举措，或确认本年确无此项工作", item_id))
    return problems
