"""Chinese numerals both ways: 二十四 ↔ 24, and years digit by digit (二〇二四).

Hand-written rather than cn2an: importing cn2an costs ~190 ms on every cold command, and drafter
needs only whole numbers; the tests compare these with cn2an.
"""

from __future__ import annotations

_VALUES = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
           "九": 9}
_SMALL = {"十": 10, "百": 100, "千": 1000}
_BIG = {"万": 10**4, "亿": 10**8}
_DIGITS = "零一二三四五六七八九"
# Every character a Chinese numeral may hold.
NUMERAL_CHARS = "".join(_VALUES) + "".join(_SMALL) + "".join(_BIG)


def from_chinese(text: str) -> int | None:
    """二十四 -> 24, 三百 -> 300, 一万零五 -> 10005, 两千 -> 2000; None when it is not a numeral (一两, 三五)."""
    if not text:
        return None
    total, section, digit = 0, 0, None
    last_small = last_big = 10**9
    for ch in text:
        if ch in _VALUES:
            if digit is not None and digit != 0:
                return None  # two digits in a row
            digit = _VALUES[ch]
        elif ch in _SMALL:
            unit = _SMALL[ch]
            if unit >= last_small:
                return None
            if digit is None:
                if ch != "十" or section:
                    return None
                digit = 1  # 十五 = 15
            section += (digit or 0) * unit
            digit, last_small = None, unit
        elif ch in _BIG:
            unit = _BIG[ch]
            if unit >= last_big:
                return None
            section += digit or 0
            if not section:
                return None
            total += section * unit
            section, digit, last_small, last_big = 0, None, 10**9, unit
        else:
            return None
    return total + section + (digit or 0)


def from_chinese_digits(text: str) -> int | None:
    """二〇二四 -> 2024: a number written digit by digit, as years are."""
    if not text or any(ch not in _VALUES or ch == "两" for ch in text):
        return None
    return int("".join(str(_VALUES[ch]) for ch in text))


def to_chinese(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 105 -> 一百零五, 1000 and more digit by digit."""
    if n <= 0:
        return str(n)
    if n >= 1000:
        return to_chinese_digits(n)
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = _DIGITS[hundreds] + "百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else _DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (_DIGITS[ones] if ones else "")


def to_chinese_digits(n: int, zero: str = "〇") -> str:
    """2024 -> 二〇二四."""
    return "".join((zero + _DIGITS[1:])[int(d)] for d in str(n))
