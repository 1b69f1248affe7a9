"""`drafter render`: a draft -> .docx in one edition (讨论稿, 送审稿, 公开版), and a PDF if asked."""

from __future__ import annotations

import sys

from drafter.files import check_output
from drafter.render.document import render_file
from drafter.render.editions import EDITION_NAMES, NotReady


def run(args) -> int:
    # The draft (or a template file) given as output would be lost even with --force.
    check_output(args.output, args.force, inputs=(args.draft, args.template))
    from drafter.render.pdf import pdf_path, soffice, to_pdf

    if args.pdf:
        soffice()  # no LibreOffice: say so before anything is written
        pdf_path(args.output, args.force)
    try:
        out = render_file(args.draft, args.output, args.template, args.appendix, args.force, args.edition)
    except NotReady as exc:
        print(f"drafter：{exc}", file=sys.stderr)
        return 1
    print(f"已排版{EDITION_NAMES[args.edition]} {args.draft} → {out}")
    if args.pdf:
        print(f"已转换为 PDF → {to_pdf(out, args.force)}")
    return 0
