"""Dates as reports write them (2024年1月18日, 二〇二四年一月十八日, 2024-01-18) and as drafter stores them (ISO)."""

from __future__ import annotations

import datetime
import re

from drafter.text.numerals import from_chinese, from_chinese_digits

_DATE_RE = re.compile(r"((?:19|20|21)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_CHINESE_DATE_RE = re.compile(r"^(.+)年(.+)月(.+)日$")


def iso_date(text: str) -> str | None:
    """The first date in text written in digits (2024-03-06, 2020年03月09日, 2020/3/9…) as yyyy-mm-dd, or None."""
    m = _DATE_RE.search(text)
    if not m:
        return None
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def iso_from_chinese(text: str) -> str | None:
    """二〇二四年一月十八日 or 2024年1月18日 (the whole text) → 2024-01-18."""
    text = text.replace(" ", "")
    found = iso_date(text)
    if found:
        return found
    m = _CHINESE_DATE_RE.match(text)
    if not m:
        return None
    year, month, day = m.groups()
    parts = [from_chinese_digits(year) or from_chinese(year), from_chinese(month), from_chinese(day)]
    if None in parts:
        return None
    try:
        return datetime.date(*parts).isoformat()
    except ValueError:
        return None


def chinese_date(iso: str) -> str:
    """2024-01-18 -> 2024年1月18日 (no leading zeros), as GB/T 9704 writes the 成文日期."""
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{year}年{month}月{day}日"
