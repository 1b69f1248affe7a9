"""Rewriting a YAML file a clerk may have annotated: new content, the clerk's comments kept in place.

The new content is dumped as always; then each comment (and blank line) of the old file is put back beside
the line it annotated, matched by a line diff of the two contents. PyYAML's C scanner tells comments from
text (a # inside a quoted or block string is text). ruamel.yaml round-trips comments too, but takes about
1.2 s to load and dump a 1,000-line draft, and `fill` saves after every answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

import yaml

from drafter.errors import DrafterError
from drafter.model.yamltext import parse_yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class _Annotated:
    content: list[str] = field(default_factory=list)  # the lines that hold YAML, comments cut off
    before: dict[int, list[str]] = field(default_factory=dict)  # comment and blank lines above content line i
    trailing: dict[int, str] = field(default_factory=dict)  # "  # …" after content line i
    tail: list[str] = field(default_factory=list)  # comment lines after the last content line


def _token_ends(text: str) -> dict[int, int]:
    """For each line holding YAML tokens, the column where the last of them ends."""
    ends: dict[int, int] = {}
    for token in yaml.scan(text, Loader=_Loader):
        start, end = token.start_mark, token.end_mark
        for line in range(start.line, end.line + 1):
            ends[line] = max(ends.get(line, 0), end.column if line == end.line else 10**9)
    return ends


def _annotate(text: str) -> _Annotated:
    out = _Annotated()
    ends = _token_ends(text)
    pending: list[str] = []
    for i, line in enumerate(text.split("\n")):
        if i not in ends or not line[: ends[i]].strip():
            if line.strip():
                pending.append(line)
            elif i < text.count("\n"):  # a blank line a clerk left, not the file's last newline
                pending.append("")
            continue
        cut = ends[i]
        rest = line[cut:]
        index = len(out.content)
        out.content.append(line[:cut].rstrip())
        if rest.strip().startswith("#"):
            out.trailing[index] = rest.rstrip()
        if pending:
            out.before[index], pending = pending, []
    out.tail = pending
    return out


def _indent_of(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" "))]


def merged_text(old_text: str, new_text: str) -> str | None:
    """`new_text` with the comments of `old_text` put back; None when `old_text` has none, or when they
    cannot be put back so that the file still reads as `new_text` (it is then written without them)."""
    if "#" not in old_text:
        return None
    try:
        old = _annotate(old_text)
    except yaml.YAMLError:
        return None
    if not (old.before or old.trailing or old.tail):
        return None
    new_lines = new_text.split("\n")
    if new_lines and new_lines[-1] == "":
        new_lines.pop()
    above: dict[int, list[str]] = {}
    beside: dict[int, str] = {}
    matcher = SequenceMatcher(None, old.content, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for offset, i in enumerate(range(i1, i2)):
            paired = tag in ("equal", "replace") and j1 + offset < j2
            k = j1 + offset if paired else min(j2, len(new_lines) - 1)
            above.setdefault(k, []).extend(old.before.get(i, []))
            if i in old.trailing:
                if paired:
                    beside[k] = old.trailing[i]
                else:  # its line is gone: the comment stays, on a line of its own
                    above[k].append(_indent_of(new_lines[k]) + old.trailing[i].strip())
    out: list[str] = []
    for k, line in enumerate(new_lines):
        out.extend(above.get(k, []))
        out.append(line + beside.get(k, ""))
    out.extend(old.tail)
    text = "\n".join(out) + "\n"
    try:
        same = parse_yaml(text, "<内存>").data == parse_yaml(new_text, "<内存>").data
    except DrafterError:
        same = False
    return text if same else None
