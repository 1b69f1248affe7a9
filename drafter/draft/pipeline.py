"""The `draft` command: last year's report -> parse -> new -> (answers) -> render, in one go."""

from __future__ import annotations

from pathlib import Path

from drafter.parse.nodes import PARTS
from drafter.errors import DrafterError
from drafter.files import check_output


def _count_todo(items: list[dict]) -> int:
    return sum((item.get("status") == "todo") + _count_todo(item.get("items") or []) for item in items)


def make_draft(prior: str | Path, year: int | None = None, answers: str | Path | None = None) -> dict:
    """This year's draft from last year's report file (or its parsed YAML), answers applied."""
    from drafter.draft.skeleton import build_draft
    from drafter.model.yamlio import SCHEMA_VERSION_REPORT, load_model

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
        from drafter.model.yamlio import validate_data

        draft = validate_data(apply_answers(draft, answers), answers)
    return draft


def run_cli(args) -> int:
    from drafter.render.docx import render_model, resolve_template

    out = check_output(args.output, args.force)
    if out.suffix.lower() != ".docx":
        raise DrafterError("输出文件应以 .docx 结尾", out)
    resolve_template(args.template)  # a wrong template name fails before the parse
    draft = make_draft(args.prior, args.year, args.answers)
    render_model(draft, out, args.template, args.appendix, args.force)
    figures = sum(1 for f in draft["figures"] if f.get("value") is None)
    todo = sum(_count_todo(draft["sections"][key]["items"]) + (draft["sections"][key].get("status") == "todo")
               for key in PARTS)
    meta = draft["meta"]
    print(f"已生成 {out}：{meta.get('title') or ''}（{meta.get('year')}年）；待填数字 {figures} 个，待写 {todo} 项。"
          "黄色底纹为待填内容，灰色底纹为沿用上年、需确认或改写的内容。")
    return 0
