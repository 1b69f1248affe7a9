"""The `draft` command: last year's report -> parse -> new -> (answers) -> render, in one go."""

from __future__ import annotations

from pathlib import Path

from drafter.errors import DrafterError


def _count_todo(items: list[dict]) -> int:
    return sum((item.get("status") == "todo") + _count_todo(item.get("items") or []) for item in items)


def make_draft(prior: str | Path, year: int | None = None, answers: str | Path | None = None) -> dict:
    """This year's draft from last year's report file (or its parsed YAML), answers applied."""
    from drafter.draft.skeleton import build_draft
    from drafter.model.legacy import SCHEMA_VERSION_REPORT, load_model

    prior = Path(prior)
    if prior.suffix.lower() in (".yaml", ".yml"):
        model = load_model(prior)
        if model.get("schema_version") != SCHEMA_VERSION_REPORT:
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
        from drafter.model.legacy import validate_data

        draft = validate_data(apply_answers(draft, answers), answers)
    return draft
