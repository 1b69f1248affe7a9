"""TRANSITION ONLY: the draft step's answer functions with the typed signatures the wizard and fill call.

drafter/draft/answers.py and placeholders.py still take the old dict form while they are converted.
Each function here hands them `to_legacy(...)` and takes their result back with `as_report(...)`,
changing the Report it was given in place. Once the draft step takes the model, delete this module
and import these names from drafter.draft.answers (fill_text from drafter.draft.placeholders).
"""

from __future__ import annotations

from dataclasses import asdict, fields
from pathlib import Path

from drafter.draft import answers, placeholders
from drafter.draft.answers import text_to_paragraphs, valid_date  # noqa: F401 (no model in their signatures)
from drafter.model.legacy import as_report, to_legacy
from drafter.model.report import Figure, Item, Report


def _adopt(report: Report, data: dict) -> None:
    """Put the changed dict's content into `report` itself, as a function taking the model would."""
    fresh = as_report(data)
    for f in fields(Report):
        setattr(report, f.name, getattr(fresh, f.name))


def _indices(items: list[Item], node: Item) -> list[int] | None:
    for i, item in enumerate(items):
        if item is node:
            return [i]
        below = _indices(item.items, node)
        if below is not None:
            return [i, *below]
    return None


def _dict_of(report: Report, data: dict, node: Item) -> dict:
    """The dict that stands for `node` in `to_legacy(report)` (same part, same positions)."""
    for section in report.parts():
        path = [] if node is section else _indices(section.items, node)
        if path is not None:
            target = data["sections"][section.key]
            for i in path:
                target = target["items"][i]
            return target
    raise ValueError("item not in this report")


def parse_figure_input(text, figure: Figure) -> tuple[float | int, str | None]:
    return answers.parse_figure_input(text, asdict(figure))


def figure_prompt(figure: Figure, prior_year: int | None) -> str:
    return answers.figure_prompt(asdict(figure), prior_year)


def set_figure(figure: Figure, value, approx) -> None:
    data = asdict(figure)
    answers.set_figure(data, value, approx)
    figure.value, figure.approx = data["value"], data["approx"]


def used_figures(draft: Report) -> list[Figure]:
    return [draft.figure(f["id"]) for f in answers.used_figures(to_legacy(draft))]


def check_placeholders(text: str, draft: Report) -> None:
    answers.check_placeholders(text, to_legacy(draft))


def fill_text(text: str, figures: dict[str, Figure], prior_year: int | None) -> str:
    return placeholders.fill_text(text, {fid: asdict(f) for fid, f in figures.items()}, prior_year)


def set_date(draft: Report, iso: str | None) -> None:
    data = to_legacy(draft)
    answers.set_date(data, iso)
    _adopt(draft, data)


def mark_done(draft: Report, node: Item | None) -> None:
    """Confirmed for this year: `node` (a part or an item; None for the preamble) and its reference sub-items."""
    data = to_legacy(draft)
    if node is None:
        answers.mark_done(data, {"paragraphs": data["preamble"]}, "preamble")
    else:
        answers.mark_done(data, _dict_of(draft, data, node), node.id or "")
    _adopt(draft, data)


def settle(draft: Report) -> None:
    data = to_legacy(draft)
    answers.settle(data)
    _adopt(draft, data)


def add_item(draft: Report, part: str, heading: str | None, text: str) -> Item:
    data = to_legacy(draft)
    item_id = answers.add_item(data, part, heading, text)["id"]
    _adopt(draft, data)
    return draft.find(item_id)


def apply_answers(draft: Report, path: str | Path) -> Report:
    return as_report(answers.apply_answers(to_legacy(draft), path))
