"""`drafter export`: a draft -> the 填报表.xlsx departments fill."""

from __future__ import annotations

from drafter.cli.wizard import load_draft
from drafter.sheets.export import export_file


def run(args) -> int:
    draft = load_draft(args.draft)
    out, figures, texts, kept = export_file(draft, args.output, args.force)
    print(f"已导出 {figures} 个待填数字、{texts} 项待写文字、{kept} 项沿用上年待改写的文字 → {out}\n"
          f"各部门填好“本年数值”“本年文字”后：drafter fill {args.draft} --answers {out}")
    return 0
