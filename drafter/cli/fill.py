"""`drafter fill`: the wizard, or an answers file."""

from __future__ import annotations

import sys
from pathlib import Path

from drafter.cli.wizard import Wizard, load_draft
from drafter.draft.answers import apply_answers
from drafter.draft.placeholders import used_figures
from drafter.errors import DrafterError
from drafter.model.files import save_report


def run(args) -> int:
    path = Path(args.draft)
    draft = load_draft(path)
    if args.answers:
        before = {f.id: f.value for f in draft.figures}
        draft = apply_answers(draft, args.answers)
        save_report(draft, path, force=True, keep_comments=True)
        changed = sum(1 for f in draft.figures if f.value != before.get(f.id))
        left = sum(1 for f in used_figures(draft) if not f.filled)
        print(f"已应用 {args.answers}：更新 {changed} 个数字；尚有 {left} 个数字未填。已保存到 {path}。")
        return 0
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise DrafterError("没有可交互的终端，无法逐项提问；请在终端中运行，或用 --answers 答案文件 直接填报（格式见 docs/answers.md）", path)
    try:
        return Wizard(draft, path, args.at).run()
    except (KeyboardInterrupt, EOFError):
        print(f"\n已中断。已填的内容均已保存；再次运行 drafter fill {path} 可从停下的地方继续。", file=sys.stderr)
        return 130
