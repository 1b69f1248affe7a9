"""`drafter new`: last year's YAML -> this year's draft."""

from __future__ import annotations

from pathlib import Path

from drafter.draft.pipeline import draft_name, progress
from drafter.draft.skeleton import build_draft
from drafter.errors import DrafterError
from drafter.files import check_output
from drafter.model.files import load_report, save_report


def run(args) -> int:
    out = check_output(args.output, args.force, inputs=(args.prior,))
    prior = load_report(args.prior)
    try:
        draft = build_draft(prior, args.year)
    except DrafterError as exc:
        exc.file = exc.file or str(args.prior)
        raise
    save_report(draft, out, force=args.force)
    print(f"已生成 {Path(out)}：{draft_name(draft)}；{progress(draft)}。下一步：drafter fill {out}")
    return 0
