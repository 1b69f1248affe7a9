"""The worker processes: render one draft each, survive a worker's death, leave no half-written file."""

from __future__ import annotations

import dataclasses
import glob
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from drafter.batch.tasks import FAILED, OK, Row, Task
from drafter.errors import DrafterError

OnDone = Callable[[int, Row], None]
WORKER_DIED = "处理进程意外终止（可能内存不足或被系统结束），未生成文件"

# Per input, written by the worker: started, then rendered or failed. When a worker dies, the inputs
# left at "started" were in progress at that moment: only they can have killed it; those it rendered
# before its chunk's results came back are counted from here.
STARTED, RENDERED, FAILED_HERE = 1, 2, 3
NO_REASON = "处理失败（进程中断，未能取回原因）"
# Signals a worker must not take before its own handlers are set (it would die with a traceback).
_HELD = {signal.SIGINT, signal.SIGTERM}
_PR_SET_PDEATHSIG = 1
_state = None
_current_out: Path | None = None


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:
        return os.cpu_count() or 1


def remove_partial(out: Path) -> None:
    """Remove the temporary file atomic_write leaves beside `out` when its writer is killed."""
    for tmp in out.parent.glob(f".{glob.escape(out.name)}.*.tmp"):
        try:
            tmp.unlink()
        except OSError:
            pass


def _on_terminate(signum, frame) -> None:
    # The pool terminates the surviving workers when one dies: leave no temporary file behind.
    if _current_out is not None:
        remove_partial(_current_out)
    os._exit(128 + signum)


def _die_with_parent(parent: int) -> None:
    """End this worker when the parent ends, even by kill -9: it would otherwise wait for work forever."""
    if sys.platform.startswith("linux"):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0:
            if os.getppid() != parent:  # the parent died before prctl took effect
                _on_terminate(signal.SIGTERM, None)
            return

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        _on_terminate(signal.SIGTERM, None)

    threading.Thread(target=watch, daemon=True).start()


def _init_worker(state, parent: int) -> None:
    global _state
    _state = state
    # Ctrl-C is the parent's to handle: it stops handing out work and writes the report.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_terminate)
    _die_with_parent(parent)
    _hold_signals(False)
    import_renderer()


def _hold_signals(hold: bool) -> None:
    """Block (or release) Ctrl-C and SIGTERM: held while workers start, so each is born with them held."""
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_BLOCK if hold else signal.SIG_UNBLOCK, _HELD)


def import_renderer() -> None:
    """The loader, the renderer and the libraries it imports lazily: once per process, not once per draft."""
    import docx  # noqa: F401
    import docxtpl  # noqa: F401
    import jsonschema  # noqa: F401

    import drafter.model.files  # noqa: F401
    import drafter.render.document  # noqa: F401


def render_one(task: Task) -> Row:
    global _current_out
    start = time.perf_counter()
    _current_out = task.out
    src = str(task.src)
    try:
        from drafter.model.files import load_report
        from drafter.render.document import render_model

        report = load_report(task.src)
        render_model(report, task.out, template=task.template, appendix=task.appendix, force=task.force,
                     edition=task.edition)
        row = Row(src, OK, "", str(task.out))
    except DrafterError as exc:
        # The row already names the input; keep only the place and the message.
        own = exc.file is None or Path(exc.file) == task.src
        row = Row(src, FAILED, "：".join(p for p in (exc.place, exc.message) if p) if own else str(exc))
    except (Exception, SystemExit) as exc:  # a bug in drafter must not stop the other inputs
        row = Row(src, FAILED, f"内部错误（{type(exc).__name__}：{exc}）")
    _current_out = None
    row.seconds = round(time.perf_counter() - start, 3)
    return row


def _render_chunk(tasks: list[Task]) -> list[tuple[int, Row]]:
    results = []
    for task in tasks:
        _state[task.index] = STARTED
        row = render_one(task)
        results.append((task.index, row))
        _state[task.index] = RENDERED if row.status == OK else FAILED_HERE
    return results


def _mp_context():
    # fork is far cheaper than spawn (no fresh interpreter, imports shared); it is safe here
    # because the parent runs no other threads when the pool starts (progress refreshes by hand).
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _run_pool(tasks: list[Task], jobs: int, ctx, chunk: int, state, on_done: OnDone) -> list[Task]:
    """Run tasks in one pool; returns the tasks lost when a worker died (the pool breaks)."""
    lost: list[Task] = []
    for task in tasks:
        state[task.index] = 0
    chunks = [tasks[i:i + chunk] for i in range(0, len(tasks), chunk)]
    # Ctrl-C or SIGTERM while the workers start is held until they are all up and the work handed out:
    # a worker taking it before its handlers exist would die and break the pool.
    _hold_signals(True)
    try:
        pool = ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), mp_context=ctx,
                                   initializer=_init_worker, initargs=(state, os.getpid()))
        futures = {}
        for c in chunks:
            try:
                futures[pool.submit(_render_chunk, c)] = c
            except BrokenProcessPool:  # a worker already died: the rest go round again
                lost.extend(c)
    finally:
        _hold_signals(False)
    delivered = set()

    def deliver(fut) -> None:
        delivered.add(fut)
        try:
            results = fut.result()
        except Exception:  # BrokenProcessPool, or a result that could not come back
            lost.extend(futures[fut])
            return
        for index, row in results:
            on_done(index, row)

    try:
        for fut in as_completed(futures):
            deliver(fut)
    except BaseException:
        # Ctrl-C: drop the chunks not started, let the running ones finish (their files are
        # whole), and count what they made. One shutdown call only: a second resets the cancel.
        # A second Ctrl-C meanwhile would lose the report: the wait is short (a chunk's few drafts).
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            pool.shutdown(wait=True, cancel_futures=True)
            for fut in futures:
                if fut not in delivered and fut.done() and not fut.cancelled():
                    deliver(fut)
        finally:
            signal.signal(signal.SIGINT, previous)
        raise
    pool.shutdown(wait=True)
    return lost


def run_tasks(tasks: list[Task], jobs: int, on_done: OnDone) -> None:
    """Render every task on `jobs` processes; each result goes to on_done(index, row) as it comes."""
    if not tasks:
        return
    ctx = _mp_context()
    if ctx.get_start_method() == "fork":
        import_renderer()  # once here, shared by every forked worker
    state = ctx.RawArray("b", max(task.index for task in tasks) + 1)
    delivered: set[int] = set()

    def deliver(index: int, row: Row) -> None:
        delivered.add(index)
        on_done(index, row)

    try:
        _run_all(tasks, jobs, ctx, state, deliver)
    except KeyboardInterrupt:
        # Workers killed with their chunk half done rendered files whose rows never came back:
        # count them from the state, so the report matches the files on disk.
        for task in tasks:
            if task.index in delivered:
                continue
            if state[task.index] == RENDERED and task.out.is_file():
                deliver(task.index, Row(str(task.src), OK, "", str(task.out)))
            elif state[task.index] == FAILED_HERE:
                deliver(task.index, Row(str(task.src), FAILED, NO_REASON))
            elif state[task.index] == STARTED:
                remove_partial(task.out)
        raise


def _run_all(tasks: list[Task], jobs: int, ctx, state, on_done: OnDone) -> None:
    pending = tasks
    while pending:
        # A few chunks per worker: little IPC, yet the last chunks still balance the load.
        chunk = max(1, min(4, len(pending) // (jobs * 4)))
        lost = _run_pool(pending, jobs, ctx, chunk, state, on_done)
        # A dead worker takes its pool down. Inputs it never started go round again; the ones
        # in progress run one process each, so only the guilty one fails. Their outputs did not
        # exist when the batch began (checked before), so a file there now is this batch's own.
        suspects = {t.index for t in lost if state[t.index] == STARTED} or {t.index for t in lost}
        pending = [dataclasses.replace(t, force=True) for t in lost if t.index not in suspects]
        for task in lost:
            if task.index not in suspects:
                continue
            remove_partial(task.out)
            retry = dataclasses.replace(task, force=True)
            for gone in _run_pool([retry], 1, ctx, 1, state, on_done):
                remove_partial(gone.out)
                on_done(gone.index, Row(str(gone.src), FAILED, WORKER_DIED))
