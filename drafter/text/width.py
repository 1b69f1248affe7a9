"""How wide text is: on a terminal (columns) and on the page (in characters of the body's size)."""

from __future__ import annotations

import unicodedata

from rich.cells import cell_len


def columns(text: str) -> int:
    """Terminal columns: a Chinese character takes two."""
    return cell_len(text)


def clip(text: str, width: int) -> str:
    """Text cut to `width` terminal columns, with … where it was cut."""
    if cell_len(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        size = cell_len(ch)
        if used + size > width - 1:
            break
        out.append(ch)
        used += size
    return "".join(out) + "…"


def page_width(text: str) -> float:
    """Width on the page in full-width characters: Chinese, full-width and ambiguous marks (“”…—) one,
    Latin letters and digits half."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 0.5 for ch in text)
