"""`drafter batch`: render many drafts in parallel processes; one bad input fails alone."""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from drafter.batch.inputs import assign_outputs, collect_inputs, output_stem, peek_meta
from drafter.batch.patterns import PRIOR_REPORT_SUFFIXES
from drafter.batch.pool import default_jobs, run_tasks
from drafter.batch.report import report_path, write_report
from drafter.batch.tasks import FAILED, OK, BatchResult, Interrupted, Row, Task
from drafter.errors import DrafterError
from drafter.files import MAX_DOCX_BYTES, os_reason, read_input_bytes

# (done well, failed, total): called once the inputs are known and after each one.
OnProgress = Callable[[int, int, int], None]
NOT_RUN = "已中断，未处理"
MAX_WINDOWS_JOBS = 61  # the most ProcessPoolExecutor accepts on Windows


def _check_arguments(outdir: Path, jobs: int, inputs: list, template: str | None) -> None:
    if outdir.exists() and not outdir.is_dir():
        raise DrafterError("输出位置应是文件夹，但这是一个文件", outdir)
    if jobs < 1:
        raise DrafterError(f"并行进程数应至少为 1（收到 {jobs}）")
    if not inputs:
        raise DrafterError("没有给出输入文件")
    if template is not None:
        # A bad template would fail every input the same way: say it once, before any work.
        from drafter.render.template import check_template, resolve_template

        path = resolve_template(template)
        check_template(path, read_input_bytes(path, MAX_DOCX_BYTES))


def _refused(src: Path, out: Path, force: bool) -> str | None:
    """Why an input is not rendered at all, or None."""
    if src.suffix.lower() in PRIOR_REPORT_SUFFIXES:
        return (f"这是往年报告（{src.suffix}），不是草稿 YAML；"
                "请先用 drafter parse 和 drafter new 生成草稿，或用 drafter draft 一步完成")
    if out.is_dir():
        return f"输出位置是一个文件夹：{out}"
    if out.exists() and not force:
        return f"输出已存在：{out}；如需覆盖，请加 --force"
    return None


def run_batch(
    inputs: list[str | Path],
    outdir: str | Path,
    jobs: int | None = None,
    template: str | None = None,
    appendix: bool = False,
    force: bool = False,
    report: str | Path | None = None,
    on_progress: OnProgress | None = None,
    edition: str = "review",
) -> BatchResult:
    """Render every draft among inputs into outdir; the report lists each input's fate.

    On Ctrl-C the report is written all the same and Interrupted (a KeyboardInterrupt) carries it.
    """
    start = time.perf_counter()
    outdir = Path(outdir)
    jobs = default_jobs() if jobs is None else jobs
    _check_arguments(outdir, jobs, inputs, template)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DrafterError(f"无法创建输出文件夹（{os_reason(exc)}）", outdir) from exc
    report_file = report_path(report, outdir, force)
    files: list[Path] = []
    early_rows: list[Row] = []
    rows: list[Row | None] = []
    # From here on an interruption (Ctrl-C, or SIGTERM to this process) still writes the report.
    previous = _sigterm_as_interrupt()
    try:
        files, early_rows = collect_inputs(inputs)
        rows = [None] * len(files)
        _run(files, rows, outdir, template, appendix, force, edition, jobs, on_progress)
    except KeyboardInterrupt:
        done = [row or Row(str(src), FAILED, NOT_RUN) for src, row in zip(files, rows or [None] * len(files))]
        result = BatchResult(early_rows + done, report_file, round(time.perf_counter() - start, 3))
        write_report(result.rows, report_file)
        raise Interrupted(result) from None
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    result = BatchResult(early_rows + rows, report_file, round(time.perf_counter() - start, 3))
    write_report(result.rows, report_file)
    return result


def _sigterm_as_interrupt():
    """SIGTERM (`kill PID`) ends the batch as Ctrl-C does, report written; the previous handler, or None."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    return signal.signal(signal.SIGTERM, interrupt)


def _run(files: list[Path], rows: list, outdir: Path, template, appendix: bool, force: bool, edition: str,
         jobs: int, on_progress: OnProgress | None) -> None:
    """Name the outputs, refuse what cannot be rendered, render the rest; each input's row goes into rows."""
    outputs = assign_outputs([output_stem(f, peek_meta(f)) for f in files], outdir)
    tasks = []
    for i, (src, out) in enumerate(zip(files, outputs)):
        reason = _refused(src, out, force)
        if reason:
            rows[i] = Row(str(src), FAILED, reason)
        else:
            tasks.append(Task(i, src, out, template, appendix, force, edition))

    counts = {OK: 0, FAILED: sum(1 for r in rows if r is not None)}

    def progress() -> None:
        if on_progress is not None:
            on_progress(counts[OK], counts[FAILED], len(files))

    def on_done(index: int, row: Row) -> None:
        rows[index] = row
        counts[OK if row.status == OK else FAILED] += 1
        progress()

    progress()
    if sys.platform == "win32":
        jobs = min(jobs, MAX_WINDOWS_JOBS)
    run_tasks(tasks, min(jobs, max(1, len(tasks))), on_done)
