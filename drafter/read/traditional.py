"""A report captured in a site's traditional-character mode (繁體), read as simplified with OpenCC."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import opencc

from drafter.parse.nodes import Para

# Share of Han characters OpenCC changes above which the text is traditional. Simplified text changes
# almost none (a rare 乾, 著); a traditional report changes one in five or more.
TRADITIONAL_SHARE = 0.05
MIN_CHANGED = 5


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _han(text: str) -> int:
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text)


def simplified(paras: list[Para], hints: dict) -> tuple[list[Para], str | None]:
    """paras as simplified text and "traditional", or paras unchanged and None; hints are converted in place."""
    text = "\n".join(p.text for p in paras)
    converted = _converter().convert(text)
    changed = sum(a != b for a, b in zip(text, converted)) if len(converted) == len(text) else MIN_CHANGED
    if changed < MIN_CHANGED or changed < TRADITIONAL_SHARE * max(_han(text), 1):
        return paras, None
    for key, value in hints.items():
        if isinstance(value, str):
            hints[key] = _converter().convert(value)
    return [replace(p, text=_converter().convert(p.text)) for p in paras], "traditional"
