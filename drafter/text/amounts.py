"""A figure written as a sentence writes it: 近32770件, 4420余人次, 56.8%以上."""

from __future__ import annotations

from drafter.vocab import APPROX_AFTER_NUMBER, APPROX_AFTER_UNIT


def format_number(value: float | int) -> str:
    """71 -> '71', 23.70 -> '23.7', 1.0 -> '1'."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return str(value)
    return f"{value:.6f}".rstrip("0").rstrip(".")


def format_figure(value: float | int, unit: str | None, approx: str | None = None) -> str:
    """近/约/超过 stand before the number; 余/多 after it; 以上/左右 after the unit."""
    unit = unit or ""
    number = format_number(value)
    if not approx:
        return f"{number}{unit}"
    if approx in APPROX_AFTER_UNIT:
        return f"{number}{unit}{approx}"
    if approx in APPROX_AFTER_NUMBER:
        # 1万余人次, 27.9万余元: 余 cannot follow a single digit or a decimal before 千/万/亿 (4900余万次 can).
        if unit[:1] in ("千", "万", "亿") and (value < 10 or not float(value).is_integer()):
            return f"{number}{unit[0]}{approx}{unit[1:]}"
        return f"{number}{approx}{unit}"
    return f"{approx}{number}{unit}"
