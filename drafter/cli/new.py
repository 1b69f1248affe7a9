"""`drafter new`: last year's YAML -> this year's draft."""

from __future__ import annotations

from pathlib import Path

from drafter.draft.skeleton import build_draft
from drafter.errors import DrafterError
from drafter.files import check_output
from drafter.model.legacy import load_model, save_model
from drafter.vocab import PARTS


def run(args) -> int:
    out = check_output(args.output, args.force, inputs=(args.prior,))
    prior = load_model(args.prior)
    try:
        draft = build_draft(prior, args.year)
    except DrafterError as exc:
        exc.file = exc.file or str(args.prior)
        raise
    save_model(draft, out, force=args.force)
    todo = sum(1 for key in PARTS for item in draft["sections"][key]["items"] if item.get("status") == "todo")
    print(f"已生成 {Path(out)}：{draft['meta']['title']}；待写 {todo} 项，待填数字 {len(draft['figures'])} 个。"
          f"下一步：drafter fill {out}")
    return 0
