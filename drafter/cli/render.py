"""`drafter render`: a draft -> .docx."""

from __future__ import annotations

from drafter.render.document import render_file


def run(args) -> int:
    out = render_file(args.draft, args.output, args.template, args.appendix, args.force)
    print(f"已排版 {args.draft} → {out}")
    return 0
