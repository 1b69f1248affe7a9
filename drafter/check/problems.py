"""A problem `drafter check` found, and the problems as a clerk reads them or as JSON for tools."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from drafter.check.patterns import GROUPS

ERROR, WARNING = "error", "warning"
SEVERITY_NAMES = {ERROR: "错误", WARNING: "提醒"}


@dataclass
class Problem:
    kind: str  # stable English slug, e.g. unfilled_figure
    severity: str  # error | warning
    place: str  # Chinese, as the document numbers it: 一、（二）3. 加强行政执法 › 第1段, 数字 F012, 第12段
    message: str  # Chinese
    # What the place names, stably: an item's id (measures.3.1), a part's key, preamble, or a figure's id;
    # None where there is none (the title, the closing, a parsed report's items, a .docx).
    item_id: str | None = None

    def to_dict(self) -> dict:
        return {"kind": self.kind, "severity": self.severity, "place": self.place, "item_id": self.item_id,
                "message": self.message}


def excerpt(text: str, limit: int = 24) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "…"


def dedupe(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        key = (p.kind, p.place, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


# Controls a terminal acts on (ESC starts sequences that hide or rewrite text) and direction overrides.
_TERMINAL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """Text from a draft fit to print: each control character shown as its escape (\\x1b), not obeyed."""
    return _TERMINAL_RE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(text))


# Left raw by json.dumps(ensure_ascii=False): DEL and the C1 controls (NEL among them), which terminals
# act on; LINE/PARAGRAPH SEPARATOR, which JavaScript before ES2019 and line readers take as line ends;
# the direction overrides `visible` escapes too.
_JSON_RAW_RE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def format_json(problems: list[Problem]) -> str:
    """The problems as JSON for tools: Chinese readable, every control character escaped (\\u0085)."""
    text = json.dumps([p.to_dict() for p in problems], ensure_ascii=False, indent=2)
    # Outside strings JSON has only ASCII, so each of these is in a string, where \\uXXXX means the same.
    return _JSON_RAW_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def format_text(problems: list[Problem], target: str) -> str:
    """The listing `drafter check` prints: a count, then the problems by group, errors first."""
    if not problems:
        return f"{visible(target)}：未发现问题。"
    errors = sum(1 for p in problems if p.severity == ERROR)
    lines = [f"{visible(target)}：发现 {len(problems)} 个问题（错误 {errors} 个，提醒 {len(problems) - errors} 个）"]
    for title, kinds in GROUPS:
        group = [p for p in problems if p.kind in kinds]
        if not group:
            continue
        lines.append("")
        lines.append(f"【{title}】{len(group)} 个")
        for p in sorted(group, key=lambda p: p.severity != ERROR):
            lines.append(f"  [{SEVERITY_NAMES[p.severity]}] {visible(p.place)}：{visible(p.message)}")
    return "\n".join(lines)
