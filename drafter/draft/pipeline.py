"""The `draft` command's chain: last year's report -> parse -> new -> (answers)."""

from __future__ import annotations

from pathlib import Path

from drafter.draft.placeholders import used_figures
from drafter.errors import DrafterError
from drafter.model.report import Node, Report
from drafter.vocab import REFERENCE, TODO


def todo_count(draft: Report) -> int:
    """Parts and items still to write."""
    return (sum(section.status == TODO for section in draft.parts())
            + sum(item.status == TODO for _, item in draft.walk()))


def is_kept(node: Node) -> bool:
    """A part's or item's own words kept from last year, not yet confirmed (a group with none is no text)."""
    return node.status == REFERENCE and bool(node.paragraphs)


def opening_kept(draft: Report) -> bool:
    return bool(draft.preamble and draft.draft and draft.draft.preamble_status == REFERENCE)


def kept_count(draft: Report) -> int:
    """Texts kept from last year and not yet confirmed: the opening, and each part's or item's own words."""
    return opening_kept(draft) + sum(is_kept(node) for section in draft.parts() for node in (section, *section.walk()))


def progress(draft: Report) -> str:
    """What is left of a draft, in the words every command uses."""
    figures = sum(1 for f in used_figures(draft) if not f.filled)
    kept = kept_count(draft)
    return f"待填数字 {figures} 个，待写 {todo_count(draft)} 项" + (f"，沿用上年待确认 {kept} 项" if kept else "")


def text_state(draft: Report) -> dict[str, tuple]:
    """Each part's and item's (own words, heading, status), to tell what an answers file changed."""
    state = {"preamble": (tuple(draft.preamble), None, draft.draft.preamble_status if draft.draft else None)}
    for section in draft.parts():
        for key, node in ((section.key, section), *((item.id, item) for item in section.walk())):
            state[key] = (tuple(node.paragraphs), node.heading, node.status)
    return state


def texts_changed(before: dict[str, tuple], after: dict[str, tuple]) -> int:
    """How many texts changed between two text_state()s: written, confirmed, added or dropped. A group
    with no words of its own is no text; an item dropped with its sub-items is one."""
    count = 0
    for key in before.keys() | after.keys():
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        if new is None:
            count += key.rpartition(".")[0] in after  # not under an item dropped too
        else:
            count += old is None or bool(new[0])
    return count


def draft_name(draft: Report) -> str:
    """The draft's title, with its year when the title lacks it."""
    title, year = draft.meta.title or "", draft.meta.year
    return title if year is None or str(year) in title else f"{title}（{year}年）"


def make_draft(prior: str | Path, year: int | None = None, answers: str | Path | None = None) -> Report:
    """This year's draft from last year's report file (or its parsed YAML), answers applied."""
    from drafter.draft.skeleton import build_draft
    from drafter.model.files import load_report

    prior = Path(prior)
    if prior.suffix.lower() in (".yaml", ".yml"):
        model = load_report(prior)
        if model.draft is not None:
            raise DrafterError("这已是草稿；请用 drafter render 排版草稿，或给出往年报告", prior)
    else:
        from drafter.parse.report import SUPPORTED, parse_file

        if prior.suffix.lower() not in SUPPORTED:
            raise DrafterError(f"不支持的文件类型“{prior.suffix or '无扩展名'}”；支持 .txt、.docx、.html、.htm 或解析后的 .yaml",
                               prior)
        model = parse_file(prior)
    try:
        draft = build_draft(model, year)
    except DrafterError as exc:
        exc.file = exc.file or str(prior)
        raise
    if answers:
        from drafter.draft.answers import apply_answers
        from drafter.model.files import validate_report

        draft = validate_report(apply_answers(draft, answers), answers)
    return draft
