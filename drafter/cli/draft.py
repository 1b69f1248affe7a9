"""`drafter draft`: parse, new, answers and render in one go; the draft YAML is kept beside the .docx."""

from __future__ import annotations

from drafter.draft.pipeline import draft_name, make_draft, progress
from drafter.errors import DrafterError
from drafter.files import check_output


def run(args) -> int:
    from drafter.model.files import save_report
    from drafter.render.document import render_model
    from drafter.render.template import resolve_template

    # Last year's report (or the answers, or a template file) given as output would be lost even with --force.
    out = check_output(args.output, args.force, inputs=(args.prior, args.answers, args.template))
    if out.suffix.lower() != ".docx":
        raise DrafterError("输出文件应以 .docx 结尾", out)
    # The clerk goes on from the draft YAML (drafter fill): it stands beside the .docx, same name.
    kept = check_output(out.with_suffix(".yaml"), args.force)
    resolve_template(args.template)  # a wrong template name fails before the parse
    draft = make_draft(args.prior, args.year, args.answers)
    render_model(draft, out, args.template, args.appendix, args.force)
    save_report(draft, kept, force=args.force)
    print(f"已生成 {out}：{draft_name(draft)}；{progress(draft)}。"
          "黄色突出显示为待填内容，灰色突出显示为沿用上年、需确认或改写的内容。")
    print(f"草稿已保存为 {kept}。下一步：drafter fill {kept}（逐项填报），"
          f"再 drafter render {kept} -o {out} --force 重新排版。")
    return 0
