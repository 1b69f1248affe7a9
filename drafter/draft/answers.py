"""An answers file (docs/answers.md) applied to a draft: every answer checked, each bad one named by its line
(a YAML's) or its cell (a 填报表 .xlsx or .csv, drafter.sheets)."""

from __future__ import annotations

from pathlib import Path

import yaml

from drafter.draft.edits import PREAMBLE, add_item, mark_done, rewrite, set_date, settle
from drafter.draft.figure_input import parse_figure_input, set_figure, valid_date
from drafter.draft.placeholders import check_placeholders
from drafter.errors import DrafterError
from drafter.model.report import Item, Report
from drafter.model.yamltext import Located, read_yaml
from drafter.sheets.read import SHEET_SUFFIXES, read_sheet
from drafter.vocab import PARTS

ITEM_ACTIONS = ("keep", "drop")
_META_KEYS = ("date", "doc_number", "title", "issuer", "recipient", "signer")
_FIGURE_KEYS = ("value", "confirmed")


class _Problems:
    """Every bad answer of a file, each with its line, so the clerk fixes them in one go."""

    def __init__(self, located: Located):
        self.located = located
        self.found: list[tuple[str, str]] = []

    def add(self, keys: list, message: str, key_itself: bool = False) -> None:
        self.found.append((self.located.place(keys, key_itself), message))

    def raise_any(self) -> None:
        if not self.found:
            return
        place, message = self.found[0]
        more = "".join(f"\n  {p}：{m}" for p, m in self.found[1:])
        if more:
            message += f"\n另有 {len(self.found) - 1} 处问题：{more}"
        raise DrafterError(message + "\n未写入任何内容。", self.located.path, place)


def apply_answers(draft: Report, answers_path: str | Path) -> Report:
    """Apply an answers YAML to `draft` in place; all checked before anything changes."""
    if draft.draft is None:
        raise DrafterError("这是上一年度的报告，不是草稿；请先运行 drafter new 生成草稿")
    if Path(answers_path).suffix.lower() in SHEET_SUFFIXES:
        located = read_sheet(answers_path)
    else:
        located = read_yaml(answers_path)
    data = located.data
    if data is None:
        raise DrafterError("答案文件是空的", answers_path)
    if not isinstance(data, dict):
        raise DrafterError("答案文件顶层应是映射（figures: …、items: …、meta: …）", answers_path, located.place([]))
    bad = _Problems(located)
    changes = []  # applied only once every answer has been checked
    for key in data:
        if key not in ("figures", "items", "meta", "new"):
            bad.add([key], f"未知的键“{key}”；可用：figures、items、meta、new", True)
    changes += _figures(draft, located, bad)
    changes += _meta(draft, located, bad)
    changes += _items(draft, located, bad)
    changes += _new(draft, located, bad)
    bad.raise_any()
    for change in changes:
        change()
    settle(draft)
    return draft


def _figures(draft: Report, located: Located, bad: _Problems) -> list:
    figures = draft.figures_by_id()
    changes = []
    for fid, raw in _mapping(located, "figures", bad):
        figure = figures.get(fid)
        if figure is None:
            bad.add(["figures", fid], f"草稿中没有数字 {fid}", True)
            continue
        keys, confirmed = ["figures", fid], False
        if isinstance(raw, dict):  # F012: {value: 58, confirmed: true}
            unknown = [k for k in raw if k not in _FIGURE_KEYS]
            if unknown:
                bad.add(keys + [unknown[0]], f"未知的键“{unknown[0]}”；可用：value、confirmed", True)
                continue
            confirmed = raw.get("confirmed", False)
            if not isinstance(confirmed, bool):
                bad.add(keys + ["confirmed"], "confirmed 应为 true 或 false")
                continue
            keys, raw = keys + ["value"], raw.get("value")
        if raw is None:
            changes.append(lambda f=figure: _set(f, None, None, False))
            continue
        try:
            value, approx = parse_figure_input(_as_typed(located, keys, raw), figure)
        except ValueError as exc:
            bad.add(keys, f"{figure.label}：{exc}")
            continue
        changes.append(lambda f=figure, v=value, a=approx, c=confirmed: _set(f, v, a, c))
    return changes


def _set(figure, value, approx, confirmed: bool) -> None:
    # A confirmation is of one value: a new value is unconfirmed unless the answer confirms it again.
    kept = figure.confirmed and (value, approx) == (figure.value, figure.approx)
    set_figure(figure, value, approx, confirmed or kept)


def _as_typed(located, keys: list, value):
    """A plain YAML number as its text, so YAML 1.1 cannot reinterpret it: 010 is 10, not 8;
    1:30 and 0x10 are refused, not read as 90 and 16."""
    node = getattr(located, "root", None)
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            return value
        node = next((v for k, v in node.value if k.value == str(key)), None)
    if isinstance(node, yaml.ScalarNode) and not node.style and isinstance(value, (int, float)) and not isinstance(value, bool):
        return node.value
    return value


def _meta(draft: Report, located: Located, bad: _Problems) -> list:
    changes = []
    for key, raw in _mapping(located, "meta", bad):
        if key not in _META_KEYS:
            bad.add(["meta", key], f"meta 中不能填写“{key}”；可用：{'、'.join(_META_KEYS)}", True)
        elif key == "date":
            try:
                iso = None if raw is None else valid_date(raw)
            except ValueError as exc:
                bad.add(["meta", key], str(exc))
                continue
            changes.append(lambda iso=iso: set_date(draft, iso))
        elif raw is not None and (isinstance(raw, bool) or not isinstance(raw, (str, int, float))):
            bad.add(["meta", key], "应为文字")
        else:
            text = None if raw is None else str(_as_typed(located, ["meta", key], raw)).strip() or None
            changes.append(lambda k=key, t=text: setattr(draft.meta, k, t))
    return changes


def _items(draft: Report, located: Located, bad: _Problems) -> list:
    changes = []
    for item_id, raw in _mapping(located, "items", bad):
        keys = ["items", item_id]
        known, target, holder = _target(draft, item_id)
        if not known:
            bad.add(keys, f"草稿中没有“{item_id}”这一项（编号见草稿中的 id，或 preamble、measures 等部分名）", True)
            continue
        has_text = bool(draft.preamble) if item_id == PREAMBLE else bool(target.paragraphs or target.items)
        if isinstance(raw, str) and raw.strip() in ITEM_ACTIONS:
            if raw.strip() == "drop":
                if holder is None:
                    bad.add(keys, "开头和各部分本身不能删除；可写出新的文字")
                else:
                    changes.append(lambda t=target, h=holder: _drop(h, t))
            elif not has_text:
                bad.add(keys, "此项还没有文字，不能 keep；请写出文字（text）或 drop")
            else:
                changes.append(lambda t=target: mark_done(draft, t))
            continue
        if isinstance(raw, str):
            raw = {"text": raw}
        if not isinstance(raw, dict):
            bad.add(keys, "应为 keep、drop、一段文字，或 {heading: …, text: …}")
            continue
        problems = len(bad.found)
        for sub in raw:
            if sub not in ("heading", "text"):
                bad.add(keys + [sub], f"未知的键“{sub}”；可用：heading、text", True)
            elif raw[sub] is not None and not isinstance(raw[sub], str):
                bad.add(keys + [sub], "应为文字")
            elif raw[sub]:
                try:
                    check_placeholders(raw[sub], draft)
                except ValueError as exc:
                    bad.add(keys + [sub], str(exc))
        if "heading" in raw and holder is None:
            bad.add(keys + ["heading"], "开头和各部分的标题请勿在此修改")
        if not raw.get("text") and not has_text:
            bad.add(keys, "此项还没有文字，请写出 text")
        if len(bad.found) == problems:
            changes.append(lambda t=target, r=raw: rewrite(draft, t, r.get("heading"), r.get("text")))
    return changes


def _new(draft: Report, located: Located, bad: _Problems) -> list:
    changes = []
    for section, raw in _mapping(located, "new", bad):
        if section not in PARTS:
            bad.add(["new", section], f"没有“{section}”这一部分；可用：{'、'.join(PARTS)}", True)
            continue
        if not isinstance(raw, list):
            bad.add(["new", section], "应为列表（每项 - heading: …  text: …）")
            continue
        for n, entry in enumerate(raw):
            keys = ["new", section, n]
            if isinstance(entry, str):
                entry = {"text": entry}
            if not isinstance(entry, dict) or not isinstance(entry.get("text"), str) or not entry["text"].strip():
                bad.add(keys, "新增一项需写出 text（文字）")
                continue
            if any(k not in ("heading", "text") for k in entry) or (
                    entry.get("heading") is not None and not isinstance(entry["heading"], str)):
                bad.add(keys, "新增一项只能有 heading（文字）和 text")
                continue
            try:
                check_placeholders(entry["text"] + (entry.get("heading") or ""), draft)
            except ValueError as exc:
                bad.add(keys, str(exc))
                continue
            changes.append(lambda s=section, e=entry: add_item(draft, s, e.get("heading"), e["text"]))
    return changes


def _mapping(located: Located, key: str, bad: _Problems):
    value = located.data.get(key)
    if value is None:
        return []
    if not isinstance(value, dict):
        bad.add([key], f"{key} 应为映射（键: 值）")
        return []
    return [(str(k), v) for k, v in value.items()]


def _drop(holder: list[Item], target: Item) -> None:
    # By identity: two items may be equal (both still to write) and only this one goes.
    for i, item in enumerate(holder):
        if item is target:
            del holder[i]
            return


def _target(draft: Report, item_id: str) -> tuple[bool, Item | None, list[Item] | None]:
    """Whether the id names something, the part or item it names (None for the preamble), the list holding it."""
    if item_id == PREAMBLE:
        return True, None, None
    if item_id in draft.sections:
        return True, draft.sections[item_id], None
    item = draft.find(item_id)
    return item is not None, item, draft.holder(item) if item is not None else None
