"""China's administrative divisions (province, prefecture, county) from the bundled list, and the ones a text names.

The list is drafter/data/divisions.tsv.gz (source and date in drafter/data/README.md). A name may stand for
several divisions (鼓楼区 in four cities, 朝阳 for 朝阳区 and 朝阳市): lookups return every candidate, and
settle() picks, along a run of names such as 江苏省南京市鼓楼区, the candidates that nest in one another.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "divisions.tsv.gz"
LEVELS = ("province", "prefecture", "county")

# The generic tail of a name; what stands before it is the short form a text may use (营口 for 营口市).
_AUTONOMOUS_RE = re.compile(r"^(.{2,}?)(?:维吾尔|[\u4e00-\u9fff]{1,6}?族)*自治[区州县旗]$")
_TAIL_RE = re.compile(r"(?:特别行政区|自治区|自治州|自治县|自治旗|林区|地区|新区|矿区|特区|省|市|区|县|盟|旗)$")
# Real district names that are also common nouns (城区 = a town's built-up area): find() leaves them out.
COMMON_NOUNS = frozenset({"城区", "郊区", "矿区"})


@dataclass(frozen=True)
class Division:
    code: str  # six digits, GB/T 2260
    name: str  # full name: 营口市
    level: str  # province, prefecture or county
    parent: str  # the parent's code; "" for a province

    @property
    def short(self) -> str | None:
        """The name without its generic tail (营口, 延边, 广西), if that leaves two characters or more."""
        m = _AUTONOMOUS_RE.match(self.name)
        stem = m.group(1) if m else _TAIL_RE.sub("", self.name)
        return stem if len(stem) >= 2 and stem != self.name else None


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str  # as written: 营口 or 营口市
    candidates: tuple[Division, ...]  # every division of that name, full names first


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, Division], dict[str, tuple[Division, ...]], dict[str, tuple[Division, ...]]]:
    by_code: dict[str, Division] = {}
    full: dict[str, list[Division]] = {}
    short: dict[str, list[Division]] = {}
    with gzip.open(DATA, "rt", encoding="utf-8") as f:
        for line in f:
            code, name, level, parent = line.rstrip("\n").split("\t")
            div = Division(code, name, level, parent)
            by_code[code] = div
            full.setdefault(name, []).append(div)
    for div in by_code.values():
        if div.short and div.short not in full:  # 沙市 is a short form only where no division is named so
            short.setdefault(div.short, []).append(div)
    return by_code, {k: tuple(v) for k, v in full.items()}, {k: tuple(v) for k, v in short.items()}


def get(code: str) -> Division | None:
    return _table()[0].get(code)


def lookup(name: str, short: bool = True) -> tuple[Division, ...]:
    """Every division called name: its full name, or (short=True) its short form."""
    _, full, shorts = _table()
    return full.get(name, ()) or (shorts.get(name, ()) if short else ())


def ancestors(div: Division) -> list[Division]:
    """The divisions div lies in, nearest first (东阳市 → 金华市, 浙江省)."""
    out = []
    while div.parent:
        div = _table()[0][div.parent]
        out.append(div)
    return out


def within(div: Division, other: Division) -> bool:
    """div is other or lies in it."""
    return div == other or other in ancestors(div)


@lru_cache(maxsize=1)
def _lengths() -> tuple[int, ...]:
    _, full, shorts = _table()
    return tuple(sorted({len(n) for n in (*full, *shorts)}, reverse=True))


def find(text: str, short: bool = False) -> list[Match]:
    """The division names in text, left to right, the longest at each place (南通市通州区 → 南通市, 通州区).

    short: also match short forms (营口); they are common words too (和平, 长安), so callers use them
    where a name is expected, such as before 人民政府.
    """
    _, full, shorts = _table()
    out: list[Match] = []
    i = 0
    while i < len(text):
        for n in _lengths():
            piece = text[i : i + n]
            if len(piece) < n:
                continue
            found = full.get(piece) or (shorts.get(piece) if short else None)
            if found and piece not in COMMON_NOUNS:
                out.append(Match(i, i + n, piece, found))
                i += n
                break
        else:
            i += 1
    return out


def settle(matches: list[Match]) -> list[Division]:
    """One division for each name of an adjacent run (江苏省南京市鼓楼区), each inside the one before.

    A recurring name takes the candidate inside the names before it; one not settled by them takes the
    candidate that contains, or lies in, a name after it (鼓楼区 … 福州市), else the first listed.
    """
    chosen: list[Division] = []
    for k, m in enumerate(matches):
        inside = [c for c in m.candidates if not chosen or within(c, chosen[-1])]
        later = [d for n in matches[k + 1 :] for d in n.candidates]
        around = [c for c in inside if any(within(d, c) or within(c, d) for d in later)]
        chosen.append((around or inside or list(m.candidates))[0])
    return chosen
