"""Where the wizard can be: every figure, text and the closing questions as one list of stops; the contents
(目录) that jumps to any of them; the summary of what is still open."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.cli import wizard_words as say
from drafter.draft.edits import PREAMBLE
from drafter.draft.figure_input import implausible
from drafter.draft.pipeline import is_kept
from drafter.draft.placeholders import used_figures
from drafter.model.numbering import Places
from drafter.model.report import Node, Report
from drafter.text.amounts import format_figure
from drafter.vocab import DONE, PREAMBLE_NAME, REFERENCE, TODO

FIGURE, TEXT, META = "figure", "text", "meta"
OPEN = (TODO, REFERENCE)  # still to confirm or write


@dataclass(frozen=True)
class Stop:
    kind: str  # FIGURE, TEXT or META
    key: str  # a figure id, PREAMBLE, a part's key or an item id; "meta"
    part: str = ""  # the part it belongs to (PREAMBLE for the preamble)


def stops(report: Report) -> list[Stop]:
    """Figures first, then the texts in document order, then the closing questions."""
    out = [Stop(FIGURE, f.id, f.section) for f in used_figures(report)]
    if report.preamble or report.draft.preamble_status in OPEN:
        out.append(Stop(TEXT, PREAMBLE, PREAMBLE))
    for section in report.parts():
        if section.status:
            out.append(Stop(TEXT, section.key, section.key))
        out.extend(Stop(TEXT, item.id, section.key) for item in section.walk())
    out.append(Stop(META, "meta"))
    return out


def node_of(report: Report, stop: Stop) -> Node | None:
    """The part or item of a text stop; None for the preamble."""
    return None if stop.key == PREAMBLE else report.find(stop.key)


def text_status(report: Report, stop: Stop) -> str | None:
    if stop.key == PREAMBLE:
        return report.draft.preamble_status or DONE
    node = report.find(stop.key)
    return node.status if node is not None else DONE


def is_open(report: Report, stop: Stop) -> bool:
    if stop.kind == FIGURE:
        figure = report.figure(stop.key)
        return figure is not None and not figure.filled
    if stop.kind == TEXT:
        return text_status(report, stop) in OPEN
    meta = report.meta
    return meta.date is None or meta.doc_number is None or meta.signer is None


def next_open(report: Report, all_stops: list[Stop], after: int) -> int:
    """The first open stop after `after`; the closing questions (last) when nothing else is open."""
    return next((i for i in range(after + 1, len(all_stops)) if is_open(report, all_stops[i])), len(all_stops) - 1)


def find_stop(all_stops: list[Stop], key: str) -> int | None:
    key = key.strip()
    return next((i for i, s in enumerate(all_stops) if s.key == key or (s.kind == FIGURE and s.key == key.upper())),
                None)


def name(report: Report, stop: Stop, places: Places | None = None) -> str:
    """How the clerk reads a stop: F012 审核规范性文件, 一、（二）3. 加强行政执法, 开头."""
    if stop.kind == FIGURE:
        figure = report.figure(stop.key)
        return f"数字 {stop.key} {figure.label if figure else ''}".strip()
    if stop.kind == META:
        return say.META_NAME
    if stop.key == PREAMBLE:
        return PREAMBLE_NAME
    return (places or Places(report)).name(stop.key)


def _mark(report: Report, stop: Stop) -> str:
    return "○" if is_open(report, stop) else "✓"


def _figure_line(report: Report, stop: Stop) -> str:
    figure = report.figure(stop.key)
    value = "" if not figure.filled else f" = {format_figure(figure.value, figure.unit, figure.approx)}"
    return f"{_mark(report, stop)} {figure.id} {figure.label}（{figure.unit or '无单位'}）{value}"


def contents(q, report: Report, all_stops: list[Stop]) -> int | None:
    """The 目录: parts with open/done counts, then a part's items and figures; the chosen stop's index."""
    Choice = q.Choice
    places = Places(report)
    # In document order: the preamble, the parts, the closing questions (the figures come first in the walk).
    order = [PREAMBLE, *report.sections, "meta"]
    groups: dict[str, list[int]] = {part: [] for part in order}
    for i, stop in enumerate(all_stops):
        groups.setdefault(stop.part if stop.kind != META else "meta", []).append(i)
    groups = {part: indexes for part, indexes in groups.items() if indexes}
    while True:
        choices = []
        for part, indexes in groups.items():
            texts = [i for i in indexes if all_stops[i].kind == TEXT]
            figures = [i for i in indexes if all_stops[i].kind == FIGURE]
            if part == "meta":
                label = f"{_mark(report, all_stops[indexes[0]])} {say.META_NAME}"
            else:
                title = PREAMBLE_NAME if part == PREAMBLE else (
                    places.name(report.sections[part]) if part in report.sections else part)
                counts = []
                if texts:
                    counts.append(f"文字待办{sum(is_open(report, all_stops[i]) for i in texts)}/{len(texts)}")
                if figures:
                    counts.append(f"数字待填{sum(is_open(report, all_stops[i]) for i in figures)}/{len(figures)}")
                label = f"{title}（{'，'.join(counts)}）"
            choices.append(Choice(label, part))
        choices += [Choice(say.BY_ID, "id"), Choice(say.BACK_TO_WORK, None)]
        picked = q.select(say.CONTENTS_TITLE, choices=choices, qmark="≡", instruction=say.CONTENTS_HINT).unsafe_ask()
        if picked is None:
            return None
        if picked == "id":
            key = q.text(say.BY_ID_PROMPT, qmark="≡").unsafe_ask().strip()
            found = find_stop(all_stops, key) if key else None
            if found is None and key:
                print(say.UNKNOWN_ID.format(key=key))
            if found is not None:
                return found
            continue
        indexes = groups[picked]
        if len(indexes) == 1:
            return indexes[0]
        found = _part_contents(q, report, all_stops, indexes, places)
        if found is not None:
            return found


def _part_contents(q, report: Report, all_stops: list[Stop], indexes: list[int], places: Places) -> int | None:
    Choice = q.Choice
    figures = [i for i in indexes if all_stops[i].kind == FIGURE]
    texts = [i for i in indexes if all_stops[i].kind == TEXT]
    choices = []
    if figures:
        left = sum(is_open(report, all_stops[i]) for i in figures)
        choices.append(Choice(say.PART_FIGURES.format(open=left, total=len(figures)), "figures"))
    choices += [Choice(f"{_mark(report, all_stops[i])} {name(report, all_stops[i], places)}", i) for i in texts]
    choices.append(Choice(say.BACK_TO_WORK, None))
    picked = q.select(say.CONTENTS_TITLE, choices=choices, qmark="≡").unsafe_ask()
    if picked != "figures":
        return picked
    choices = [Choice(_figure_line(report, all_stops[i]), i) for i in figures] + [Choice(say.BACK_TO_WORK, None)]
    return q.select(say.CONTENTS_TITLE, choices=choices, qmark="≡").unsafe_ask()


def summary(report: Report) -> list[str]:
    """What is still open, and the filled figures that look implausible and were not confirmed."""
    all_stops = stops(report)
    places = Places(report)
    lines = []
    figures = [s.key for s in all_stops if s.kind == FIGURE and is_open(report, s)]
    if figures:
        more = f" 等 {len(figures)} 个" if len(figures) > 8 else ""
        lines.append(f"尚未填写的数字：{'、'.join(figures[:8])}{more}")
    # The texts progress() counts: a group with no words of its own is none (its items are).
    texts = [s for s in all_stops if s.kind == TEXT and is_open(report, s)
             and ((node := node_of(report, s)) is None or node.status == TODO or is_kept(node))]
    if texts:
        lines.append(f"尚未完成的文字（{len(texts)} 项）：")
        lines += [f"  ○ {name(report, s, places)}" for s in texts[:8]]
        if len(texts) > 8:
            lines.append(f"  （另有 {len(texts) - 8} 项，输入 m 打开目录可查看）")
    meta = report.meta
    missing = [word for word, value in (("成文日期", meta.date), ("发文字号", meta.doc_number), ("签发人", meta.signer))
               if value is None]
    if missing:
        lines.append(f"尚未填写：{'、'.join(missing)}（没有的可不填）")
    odd = [(f, implausible(f)) for f in used_figures(report) if not f.confirmed]
    odd = [(f, why) for f, why in odd if why]
    if odd:
        lines.append("与上年相差较大、请核实的数字：")
        lines += [f"  ! {f.id} {f.label}：{why}" for f, why in odd]
    return lines

