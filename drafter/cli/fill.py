"""`drafter fill`: the wizard, or an answers file."""

from __future__ import annotations

import sys
from pathlib import Path

from drafter.cli.wizard import Wizard, load_draft
from drafter.draft.answers import apply_answers
from drafter.draft.figure_input import implausible
from drafter.draft.pipeline import progress, text_state, texts_changed
from drafter.draft.placeholders import prior_text
from drafter.errors import DrafterError
from drafter.files import unwritable
from drafter.model.files import ChangedOnDisk, file_digest, save_report
from drafter.sheets.layout import CONFIRM, YES
from drafter.sheets.read import SHEET_SUFFIXES
from drafter.text.amounts import format_figure

_TRIES = 3


def run(args) -> int:
    path = Path(args.draft)
    if args.answers:
        return _answers(path, args.answers)
    digest = file_digest(path)  # before reading: a save meanwhile then shows as a change, not as the file read
    draft = load_draft(path)
    why = unwritable(path)
    if why:  # said now: else the first answer typed would be the first thing lost
        raise DrafterError(f"{why}，填写的内容将无法保存，因此未开始提问", path)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise DrafterError("没有可交互的终端，无法逐项提问；请在终端中运行，或用 --answers 答案文件 直接填报（格式见 docs/answers.md）", path)
    try:
        return Wizard(draft, path, digest, args.at).run()
    except (KeyboardInterrupt, EOFError):
        print(f"\n已中断。已填的内容均已保存；再次运行 drafter fill {path} 可从停下的地方继续。", file=sys.stderr)
        return 130


def _answers(path: Path, answers: str) -> int:
    # Another fill may save the draft meanwhile: apply the answers again to what it saved, never over it.
    for _ in range(_TRIES):
        digest = file_digest(path)
        draft = load_draft(path)
        before = {f.id: f.value for f in draft.figures}
        texts_before = text_state(draft)
        draft = apply_answers(draft, answers)
        try:
            save_report(draft, path, force=True, keep_comments=True, expect=digest)
            break
        except ChangedOnDisk:
            continue
    else:
        raise DrafterError("草稿在应用答案期间反复被其他程序修改，本次未保存；请关闭其他正在填报的窗口后重试", path)
    changed = [f for f in draft.figures if f.value != before.get(f.id)]
    written = texts_changed(texts_before, text_state(draft))
    print(f"已应用 {answers}：更新数字 {len(changed)} 个、文字 {written} 项；尚余{progress(draft)}。已保存到 {path}。")
    odd = [f for f in changed if not f.confirmed and implausible(f)]
    if odd:
        how = (f"在填报表“{CONFIRM}”一列填“{YES}”后再导入" if Path(answers).suffix.lower() in SHEET_SUFFIXES
               else "在答案中写 confirmed: true")
        print(f"以下 {len(odd)} 个数字与上年相差超过 5 倍，请核对（确认无误可{how}）：")
        for f in odd:
            print(f"  {f.id} {f.label}：{prior_text(f, draft.prior_year)} → 本年 {format_figure(f.value, f.unit, f.approx)}")
    return 0
