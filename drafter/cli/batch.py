"""`drafter batch`: many drafts -> many .docx, with a progress bar and a summary."""

from __future__ import annotations

import sys

from drafter.batch.report import readable
from drafter.batch.run import run_batch
from drafter.batch.tasks import OK, BatchResult, Interrupted


class Progress:
    """A rich bar on stderr with done/failed counts; nothing when stderr is not a terminal."""

    def __init__(self):
        self.bar = None
        self.task = None

    def update(self, ok: int, failed: int, total: int) -> None:
        if self.bar is None:
            if not (total and sys.stderr.isatty()):
                return
            self._start(total)
        self.bar.update(self.task, completed=ok + failed, ok=ok, failed=failed)
        self.bar.refresh()

    def _start(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        # auto_refresh=False: no refresh thread, so forking workers stays safe.
        self.bar = Progress(
            TextColumn("排版"), BarColumn(), MofNCompleteColumn(),
            TextColumn("成功 {task.fields[ok]}  失败 {task.fields[failed]}"), TimeElapsedColumn(),
            console=Console(stderr=True), auto_refresh=False, transient=False,
        )
        self.task = self.bar.add_task("排版", total=total, ok=0, failed=0)
        self.bar.start()

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def print_summary(result: BatchResult, out=None) -> None:
    out = out or sys.stdout
    print(
        f"批量排版完成：共 {len(result.rows)} 份，成功 {result.ok} 份，失败 {result.failed} 份，"
        f"用时 {result.seconds:.1f} 秒。",
        file=out,
    )
    for r in result.rows:
        if r.status != OK:
            print(f"  失败：{readable(r.input)}：{readable(r.reason)}", file=out)
    if result.report is not None:
        print(readable(f"逐项结果：{result.report}"), file=out)


def run(args) -> int:
    bar = Progress()
    try:
        result = run_batch(
            args.inputs, args.output, jobs=args.jobs, template=args.template,
            appendix=args.appendix, force=args.force, report=args.report, on_progress=bar.update,
            edition=args.edition,
        )
    except Interrupted as stop:
        bar.stop()
        print(readable(f"已中断：已生成 {stop.result.ok} 份，其余未处理；逐项结果：{stop.result.report}"), file=sys.stderr)
        raise
    finally:
        bar.stop()
    print_summary(result)
    return 1 if result.failed else 0
