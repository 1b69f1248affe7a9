"""Answers to a draft: typed figure values (shared by the wizard and answers files) and text edits."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from drafter.parse.nodes import PARTS
from drafter.errors import DrafterError
from drafter.draft.placeholders import (
    APPROX_AFTER_NUMBER,
    APPROX_AFTER_UNIT,
    APPROX_BEFORE,
    PLACEHOLDER_RE,
    TODO_RE,
    format_figure,
    format_number,
)
from drafter.model.yamltext import Located, read_yaml

# Approximation words as a clerk types them, before or after the number (as placeholders.py writes them).
APPROX_AFTER = APPROX_AFTER_UNIT + APPROX_AFTER_NUMBER
_CANONICAL = {"将近": "近", "接近": "近", "大约": "约", "超": "超过"}
# Units whose figures are counted one by one: a count has no fraction (unless in 万/亿).
COUNT_UNITS = set("件个人次项家场期条份名部起批所户支篇本处台辆宗笔套座间张册位例单") | {
    "人次", "车次", "场次", "批次", "家次", "户次", "件次", "项次", "余人",
}
# A percentage of a whole stays within 0–100; a growth rate may exceed it.
_GROWTH_WORDS = ("增长", "增幅", "增加", "提高", "提升", "上升", "同比", "环比", "下降", "减少")
_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)?$")
MAX_VALUE = 10**15

ITEM_ACTIONS = ("keep", "drop")
_META_KEYS = ("date", "doc_number", "title", "issuer", "recipient")


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)).strip()
    return re.sub(r"(?<=\d)[,，](?=\d{3}(?!\d))", "", text).replace(" ", "")


def parse_figure_input(text, figure: dict) -> tuple[float | int, str | None]:
    """'75', '约120', '4500余', '4500余人次', '28%', '1.5万' -> (value, approx); a Chinese error otherwise."""
    if isinstance(text, bool):
        raise ValueError("应为数字")
    unit = figure.get("unit") or ""
    if isinstance(text, (int, float)):
        raw = format_number(text) if text == text and abs(text) != float("inf") else "x"
    else:
        raw = _normalise(text)
    if not raw:
        raise ValueError("没有填写数字")
    if raw.startswith("-"):
        raise ValueError("不能为负数（减少请在文字中写“下降”）")
    approx = None
    for word in APPROX_BEFORE:
        if raw.startswith(word):
            approx, raw = _CANONICAL.get(word, word), raw[len(word):]
            break
    trailing = None
    for word in APPROX_AFTER:
        if raw.endswith(word):
            trailing, raw = word, raw[: -len(word)]
            break
    norm_unit = _normalise(unit)
    if norm_unit and raw.endswith(norm_unit):
        raw = raw[: -len(norm_unit)]
    if trailing is None:
        for word in APPROX_AFTER:
            if raw.endswith(word):
                trailing, raw = word, raw[: -len(word)]
                break
    if trailing:
        if approx:
            raise ValueError(f"“{approx}”和“{trailing}”不能同时使用")
        approx = trailing
    scale = 1
    if raw.endswith(("万", "亿")):
        if norm_unit.startswith(raw[-1]):
            raw = raw[:-1]  # 1.5万 for a figure counted in 万人次: the unit's own 万
        else:
            scale, raw = (10**4 if raw[-1] == "万" else 10**8), raw[:-1]
    if raw.endswith("%") and norm_unit != "%":
        raise ValueError(f"单位应为“{unit or '无'}”，不是百分数")
    raw = raw.removesuffix("%") if norm_unit == "%" else raw
    if not _NUMBER_RE.match(raw):
        hint = f"，单位为“{unit}”" if unit else ""
        raise ValueError(f"“{text}”不是有效的数字（例：75、约120、4500余{hint}）")
    value = float(raw) * scale
    if value > MAX_VALUE:
        raise ValueError("数字过大")
    if norm_unit == "%" and value > 100 and not any(w in figure.get("label", "") for w in _GROWTH_WORDS):
        raise ValueError("百分比应在 0–100 之间")
    if norm_unit in COUNT_UNITS and not value.is_integer():
        raise ValueError(f"“{unit}”是计数单位，应为整数")
    if value.is_integer():
        return int(value), approx
    return round(value, 6), approx


def change_text(value: float | None, figure: dict) -> str | None:
    """同比增长 5.6% / 同比下降 3.0% / 与上年持平; percentages compare in 个百分点."""
    prior = figure.get("prior")
    if value is None or prior is None:
        return None
    if (figure.get("unit") or "") == "%":
        diff = value - prior
        if abs(diff) < 1e-9:
            return "与上年持平"
        return f"比上年{'提高' if diff > 0 else '下降'} {format_number(round(abs(diff), 2))} 个百分点"
    if prior == 0:
        return "上年为 0，无法计算同比" if value else "与上年持平"
    rate = (value - prior) / prior * 100
    if abs(rate) < 0.05:
        return "与上年持平"
    return f"同比{'增长' if rate > 0 else '下降'} {abs(rate):.1f}%"


def figure_prompt(figure: dict, prior_year: int | None) -> str:
    """One line naming the figure, its unit and last year's value."""
    year = f"{prior_year}年" if prior_year else "上年"
    prior = "无" if figure.get("prior") is None else format_figure(figure["prior"], figure.get("unit"), figure.get("prior_approx"))
    unit = figure.get("unit") or "无"
    return f"{figure['label']}（单位：{unit}；{year}：{prior}）"


# --- walking a draft -------------------------------------------------------------------------


def iter_items(items: list[dict]):
    """(item, the list holding it), depth first."""
    for item in list(items):
        yield item, items
        yield from iter_items(item["items"])


def find_item(draft: dict, item_id: str) -> tuple[dict, list[dict]] | None:
    for key in PARTS:
        for item, holder in iter_items(draft["sections"][key]["items"]):
            if item.get("id") == item_id:
                return item, holder
    return None


def body_texts(draft: dict):
    """The strings that get rendered (headings and paragraphs), where placeholders live."""
    yield from draft["preamble"]
    for key in PARTS:
        section = draft["sections"][key]
        yield section.get("heading") or ""
        yield from section["paragraphs"]
        for item, _ in iter_items(section["items"]):
            yield item.get("heading") or ""
            yield from item["paragraphs"]


def used_figures(draft: dict) -> list[dict]:
    """Figures whose placeholder stands in the rendered text, in document order of the figure list."""
    used = set()
    for text in body_texts(draft):
        used.update(PLACEHOLDER_RE.findall(text))
    return [f for f in draft["figures"] if f["id"] in used]


def text_to_paragraphs(text: str) -> list[str]:
    """A typed answer: one paragraph a line, blank lines ignored."""
    return [line.strip() for line in str(text).replace("\r\n", "\n").split("\n") if line.strip()]


def chinese_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{y}年{m}月{d}日"


def set_date(draft: dict, iso: str | None) -> None:
    """Set meta.date and write it in the closing's date line (the 【待填：成文日期…】 marker)."""
    draft["meta"]["date"] = iso
    if iso is None:
        return
    closing = draft["closing"]
    for i, line in enumerate(closing):
        if (TODO_RE.fullmatch(line.strip()) and "成文日期" in line) or re.fullmatch(r"\s*\d{4}年\d{1,2}月\d{1,2}日\s*", line):
            closing[i] = chinese_date(iso)
            return
    closing.append(chinese_date(iso))


def valid_date(value) -> str:
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?", text)
    if not m:
        raise ValueError("日期应写作 2025-01-20")
    y, mo, d = (int(x) for x in m.groups())
    import datetime

    try:
        datetime.date(y, mo, d)
    except ValueError:
        raise ValueError(f"日期“{text}”不存在") from None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def check_placeholders(text: str, draft: dict) -> None:
    known = {f["id"] for f in draft["figures"]}
    for fid in PLACEHOLDER_RE.findall(text):
        if fid not in known:
            raise ValueError(f"文字中的 {{{fid}}} 不是草稿中的数字编号")


def set_figure(figure: dict, value, approx) -> None:
    figure["value"] = value
    figure["approx"] = approx


# --- answers files ---------------------------------------------------------------------------


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


def apply_answers(draft: dict, answers_path: str | Path) -> dict:
    """Apply an answers YAML (docs/answers.md) to `draft` in place; all checked before anything changes."""
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

    figures = {f["id"]: f for f in draft["figures"]}
    for fid, raw in _mapping(located, "figures", bad):
        if fid not in figures:
            bad.add(["figures", fid], f"草稿中没有数字 {fid}", True)
            continue
        if raw is None:
            changes.append(lambda f=figures[fid]: set_figure(f, None, None))
            continue
        try:
            value, approx = parse_figure_input(raw, figures[fid])
        except ValueError as exc:
            bad.add(["figures", fid], f"{figures[fid]['label']}：{exc}")
            continue
        changes.append(lambda f=figures[fid], v=value, a=approx: set_figure(f, v, a))

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
        elif raw is not None and (isinstance(raw, bool) or not isinstance(raw, (str, int))):
            bad.add(["meta", key], "应为文字")
        else:
            text = None if raw is None else str(raw).strip() or None
            changes.append(lambda k=key, t=text: draft["meta"].__setitem__(k, t))

    for item_id, raw in _mapping(located, "items", bad):
        keys = ["items", item_id]
        target, holder = _target(draft, item_id)
        if target is None:
            bad.add(keys, f"草稿中没有“{item_id}”这一项（编号见草稿中的 id，或 preamble、measures 等部分名）", True)
            continue
        if isinstance(raw, str) and raw.strip() in ITEM_ACTIONS:
            if raw.strip() == "drop":
                if holder is None:
                    bad.add(keys, "开头和各部分本身不能删除；可写出新的文字")
                else:
                    changes.append(lambda t=target, h=holder: h.remove(t) if t in h else None)
            elif not _has_text(target):
                bad.add(keys, "此项还没有文字，不能 keep；请写出文字（text）或 drop")
            else:
                changes.append(lambda t=target, i=item_id: mark_done(draft, t, i))
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
        if not raw.get("text") and not _has_text(target):
            bad.add(keys, "此项还没有文字，请写出 text")
        if len(bad.found) == problems:
            changes.append(lambda t=target, r=raw, i=item_id: _rewrite(draft, t, i, r))

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
            if any(k not in ("heading", "text") for k in entry) or (entry.get("heading") is not None and not isinstance(entry["heading"], str)):
                bad.add(keys, "新增一项只能有 heading（文字）和 text")
                continue
            try:
                check_placeholders(entry["text"] + (entry.get("heading") or ""), draft)
            except ValueError as exc:
                bad.add(keys, str(exc))
                continue
            changes.append(lambda s=section, e=entry: add_item(draft, s, e.get("heading"), e["text"]))

    bad.raise_any()
    for change in changes:
        change()
    settle(draft)
    return draft


def _mapping(located: Located, key: str, bad: _Problems):
    value = located.data.get(key)
    if value is None:
        return []
    if not isinstance(value, dict):
        bad.add([key], f"{key} 应为映射（键: 值）")
        return []
    return [(str(k), v) for k, v in value.items()]


def _target(draft: dict, item_id: str) -> tuple[dict | None, list | None]:
    if item_id in PARTS:
        return draft["sections"][item_id], None
    if item_id == "preamble":
        return {"paragraphs": draft["preamble"]}, None
    found = find_item(draft, item_id)
    return found if found else (None, None)


def _has_text(target: dict) -> bool:
    return bool(target.get("paragraphs") or target.get("items"))


def mark_done(draft: dict, target: dict, item_id: str) -> None:
    """Confirmed for this year: the item and the reference sub-items it holds."""
    if item_id == "preamble":
        draft.setdefault("draft", {"prior_year": None})["preamble_status"] = "done"
        return
    target["status"] = "done"
    for sub, _ in iter_items(target.get("items") or []):
        if sub.get("status") == "reference":
            sub["status"] = "done"


def _rewrite(draft: dict, target: dict, item_id: str, raw: dict) -> None:
    if raw.get("heading") is not None:
        target["heading"] = raw["heading"].strip() or None
    if raw.get("text"):
        if item_id == "preamble":
            draft["preamble"] = text_to_paragraphs(raw["text"])
        else:
            target["paragraphs"] = text_to_paragraphs(raw["text"])
    mark_done(draft, target, item_id)


def settle(draft: dict) -> None:
    """A group with no words of its own is done once every item under it is done."""
    def walk(items: list[dict]) -> None:
        for item in items:
            walk(item["items"])
            if (item.get("status") == "reference" and not item["paragraphs"] and item["items"]
                    and all(sub.get("status") == "done" for sub in item["items"])):
                item["status"] = "done"

    for key in PARTS:
        walk(draft["sections"][key]["items"])


def add_item(draft: dict, section: str, heading: str | None, text: str) -> dict:
    """A new item of this year's text at the end of a part, with the next free id."""
    items = draft["sections"][section]["items"]
    taken = {item.get("id") for item, _ in iter_items(items)}
    n = len(items) + 1
    while f"{section}.{n}" in taken:
        n += 1
    item = {"heading": (heading or "").strip() or None, "paragraphs": text_to_paragraphs(text), "items": [],
            "id": f"{section}.{n}", "status": "done", "origin": "new", "prompt": None, "reference": []}
    items.append(item)
    return item
