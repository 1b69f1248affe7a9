"""`drafter render`: a draft -> .docx."""

from __future__ import annotations

from drafter.files import check_output
from drafter.render.document import render_file


def run(args) -> int:
    # The draft (or a template file) given as output would be lost even with --force.
    check_output(args.output, args.force, inputs=(args.draft, args.template))
    out = render_file(args.draft, args.output, args.template, args.appendix, args.force)
    print(f"已排版 {args.draft} → {out}")
    return 0
