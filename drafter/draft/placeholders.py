"""Figure placeholders in draft text: `{F012}` stands where figure F012's number goes."""

from __future__ import annotations

import re
from typing import Iterator

PLACEHOLDER_RE = re.compile(r"\{(F\d{3,})\}")
# Anything still to write or fill renders inside these brackets, so a reviewer (and `check`) sees it.
TODO_OPEN, TODO_CLOSE = "【待填：", "】"
TODO_RE = re.compile(r"【待填[：:][^】]*】")
# Approximation words as reports write them: before the number, after it, or after the unit.
APPROX_BEFORE = ("将近", "接近", "大约", "超过", "不少于", "不低于", "不足", "不到", "近", "约", "逾", "超")
APPROX_AFTER_NUMBER = ("余", "多")
APPROX_AFTER_UNIT = ("以上", "左右")


def format_number(value: float | int) -> str:
    """71 -> '71', 23.70 -> '23.7', 1.0 -> '1'."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return str(value)
    return f"{value:.6f}".rstrip("0").rstrip(".")


def _approx_parts(approx: str | None) -> tuple[str, str]:
    # 近/约/超过 stand before the number; 余/多/以上 after it (before or after the unit as written).
    if not approx:
        return "", ""
    if approx in APPROX_AFTER_NUMBER:
        return "", approx
    if approx in APPROX_AFTER_UNIT:
        return "", "\0" + approx  # after the unit
    return approx, ""


def format_figure(value: float | int, unit: str | None, approx: str | None = None) -> str:
    """The figure as it reads in a sentence: 近32770件, 4420余人次, 56.8%以上."""
    before, after = _approx_parts(approx)
    unit = unit or ""
    if after.startswith("\0"):
        return f"{before}{format_number(value)}{unit}{after[1:]}"
    # 1万余人次, 27.9万余元: 余 cannot follow a single digit or a decimal before 千/万/亿 (4900余万次 can).
    if after and unit[:1] in ("千", "万", "亿") and (value < 10 or not float(value).is_integer()):
        return f"{before}{format_number(value)}{unit[0]}{after}{unit[1:]}"
    return f"{before}{format_number(value)}{after}{unit}"


def prior_text(figure: dict, prior_year: int | None) -> str:
    """'2023年：71件' or '上年：无' for a figure's reference value."""
    year = f"{prior_year}年" if prior_year else "上年"
    if figure.get("prior") is None:
        return f"{year}：无"
    return f"{year}：{format_figure(figure['prior'], figure.get('unit'), figure.get('prior_approx'))}"


def unfilled_marker(figure: dict, prior_year: int | None) -> str:
    """【待填：审核规范性文件（2023年：71件）】"""
    return f"{TODO_OPEN}{figure['label']}（{prior_text(figure, prior_year)}）{TODO_CLOSE}"


def todo_marker(prompt: str) -> str:
    return f"{TODO_OPEN}{prompt}{TODO_CLOSE}"


def split_placeholders(text: str) -> Iterator[tuple[str, str | None]]:
    """Yield (literal text, None) and (placeholder text, figure id) pieces in order."""
    pos = 0
    for match in PLACEHOLDER_RE.finditer(text):
        if match.start() > pos:
            yield text[pos:match.start()], None
        yield match.group(0), match.group(1)
        pos = match.end()
    if pos < len(text):
        yield text[pos:], None


def fill_text(text: str, figures: dict[str, dict], prior_year: int | None) -> str:
    """Plain text with filled figures written in and unfilled ones as 【待填：…】 markers."""
    out = []
    for piece, fid in split_placeholders(text):
        if fid is None:
            out.append(piece)
            continue
        figure = figures.get(fid)
        if figure is None:
            out.append(piece)  # an unknown id stays visible for `check` to report
        elif figure.get("value") is None:
            out.append(unfilled_marker(figure, prior_year))
        else:
            out.append(format_figure(figure["value"], figure.get("unit"), figure.get("approx")))
    return "".join(out)
