"""`drafter batch`: render many drafts in parallel processes; one bad input fails alone."""

from __future__ import annotations

import csv
import glob
import io
import json
import multiprocessing
import os
import re
import signal
import sys
import time
import unicodedata
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path

from drafter.errors import DrafterError
from drafter.files import MAX_DOCX_BYTES, atomic_write, decode_text, read_input_bytes

YAML_SUFFIXES = (".yaml", ".yml")
# What drafter parse reads: given to batch by mistake, they get a pointer to the right command.
REPORT_SUFFIXES = (".txt", ".text", ".docx", ".doc", ".html", ".htm")
REPORT_NAME = "batch-report"
NAME_TAIL = "法治政府建设情况报告"
# Most file systems cap a name at 255 bytes; stay well below so " (12)" and ".docx" always fit.
MAX_NAME_BYTES = 200
_UNSAFE_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


@dataclass
class Row:
    input: str
    status: str  # ok / failed
    reason: str = ""
    output: str = ""
    seconds: float = 0.0


@dataclass
class BatchResult:
    rows: list[Row] = field(default_factory=list)
    report: Path | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> int:
        return sum(1 for r in self.rows if r.status == "ok")

    @property
    def failed(self) -> int:
        return sum(1 for r in self.rows if r.status != "ok")


# ---------------------------------------------------------------- inputs and names


def collect_inputs(inputs: list[str | Path]) -> tuple[list[Path], list[Row]]:
    """Files given, plus the YAMLs inside folders given; empty folders become failed rows."""
    files: list[Path] = []
    rows: list[Row] = []
    seen: set[Path] = set()
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            found = sorted(
                f for f in p.iterdir()
                if f.suffix.lower() in YAML_SUFFIXES and f.is_file() and not f.name.startswith(".")
            )
            if not found:
                rows.append(Row(str(p), "failed", "文件夹中没有草稿 YAML 文件（.yaml/.yml）"))
            candidates = found
        else:
            candidates = [p]
        for f in candidates:
            key = f.resolve()
            if key not in seen:  # the same file given twice renders once
                seen.add(key)
                files.append(f)
    return files, rows


def _skip_node(events, first) -> None:
    import yaml

    depth = 1 if isinstance(first, (yaml.MappingStartEvent, yaml.SequenceStartEvent)) else 0
    while depth:
        ev = next(events)
        if isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
        elif isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def peek_meta(path: Path) -> tuple[str | None, int | None]:
    """meta.region and meta.year, read from the YAML events up to the end of `meta` only.

    The parent process needs them to name outputs before the workers load the full model;
    anything unreadable gives (None, None) and the worker reports the real error.
    """
    import yaml

    from drafter.model.yamltext import MAX_YAML_BYTES

    try:
        text = decode_text(read_input_bytes(path, MAX_YAML_BYTES), path)
        events = yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        for ev in events:
            if isinstance(ev, yaml.MappingStartEvent):
                break
            if not isinstance(ev, (yaml.StreamStartEvent, yaml.DocumentStartEvent)):
                return None, None
        while True:
            key = next(events)
            if isinstance(key, yaml.MappingEndEvent):
                return None, None
            _skip_node(events, key)  # a key that is itself a list or mapping
            value = next(events)
            if isinstance(key, yaml.ScalarEvent) and key.value == "meta" and isinstance(value, yaml.MappingStartEvent):
                return _read_meta(events)
            _skip_node(events, value)
    except (DrafterError, yaml.YAMLError, StopIteration, RecursionError, ValueError):
        return None, None


def _read_meta(events) -> tuple[str | None, int | None]:
    import yaml

    found: dict[str, str | None] = {}
    while True:
        key = next(events)
        if isinstance(key, yaml.MappingEndEvent):
            break
        _skip_node(events, key)
        value = next(events)
        if isinstance(key, yaml.ScalarEvent) and isinstance(value, yaml.ScalarEvent):
            null = value.implicit[0] and value.value in ("", "~", "null", "Null", "NULL")
            found[key.value] = None if null else value.value
        else:
            _skip_node(events, value)
    region = (found.get("region") or "").strip() or None
    year_text = (found.get("year") or "").strip()
    # ASCII digits only: str.isdigit() also accepts ¹²³⁴, which int() refuses.
    year = int(year_text) if re.fullmatch(r"[0-9]{4}", year_text) else None
    return region, year


def _truncate_bytes(text: str, limit: int) -> str:
    while len(text.encode("utf-8")) > limit:
        text = text[:-1]
    return text


def safe_name(text: str) -> str:
    """A file-name stem that is one plain name on every system: no separators, no '..',
    no control or Windows-reserved characters, not a reserved device name, not too long."""
    text = unicodedata.normalize("NFC", text)
    # Control, format (bidi overrides) and lone surrogate characters: the last cannot even be a file name.
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    text = _UNSAFE_CHARS.sub("", text)
    text = re.sub(r"\.{2,}", ".", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    text = _truncate_bytes(text, MAX_NAME_BYTES).strip(" .")
    if text.split(".")[0].strip().upper() in _WINDOWS_RESERVED:
        text = "_" + text
    return text


def output_stem(path: Path, region: str | None, year: int | None) -> str:
    """'{region}{year}年法治政府建设情况报告', or the input's own name when region or year is unknown."""
    if region and year:
        region_part = safe_name(region)
        if region_part:
            budget = MAX_NAME_BYTES - len(f"{year}年{NAME_TAIL}".encode("utf-8"))
            return _truncate_bytes(region_part, budget).rstrip(" .") + f"{year}年{NAME_TAIL}"
    return safe_name(path.stem) or "报告"


def assign_outputs(stems: list[str], outdir: Path) -> list[Path]:
    """One distinct path per stem inside outdir; repeats get ' (2)', ' (3)'… in input order.

    Names are compared case-folded so two outputs stay distinct on Windows and macOS too.
    """
    taken: set[str] = set()
    out: list[Path] = []
    for stem in stems:
        name = f"{stem}.docx"
        n = 2
        while name.casefold() in taken:
            name = f"{stem} ({n}).docx"
            n += 1
        taken.add(name.casefold())
        out.append(outdir / name)
    return out


# ---------------------------------------------------------------- workers


_current_out: Path | None = None


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


# Per input, written by the worker: started, then finished. When a worker dies, the inputs
# left at "started" were in progress at that moment: only they can have killed it.
STARTED, FINISHED = 1, 2
_state = None


def _init_worker(state) -> None:
    global _state
    _state = state
    # Ctrl-C is the parent's to handle: it stops handing out work and writes the report.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_terminate)
    _import_renderer()


def _import_renderer() -> None:
    """The renderer and the libraries it imports lazily: once per process, not once per draft."""
    import docx  # noqa: F401
    import docxtpl  # noqa: F401
    import jsonschema  # noqa: F401

    import drafter.render.docx  # noqa: F401
    import drafter.model.legacy  # noqa: F401


def _render_one(task: tuple) -> Row:
    global _current_out
    index, src, out, template, appendix, force = task
    start = time.perf_counter()
    _current_out = Path(out)
    try:
        from drafter.render.docx import render_model
        from drafter.model.legacy import load_model

        model = load_model(src)
        render_model(model, Path(out), template=template, appendix=appendix, force=force)
        row = Row(src, "ok", "", out)
    except DrafterError as exc:
        # The row already names the input; keep only the place and the message.
        own = exc.file is None or Path(exc.file) == Path(src)
        row = Row(src, "failed", "：".join(p for p in (exc.place, exc.message) if p) if own else str(exc))
    except (Exception, SystemExit) as exc:  # a bug in drafter must not stop the other inputs
        row = Row(src, "failed", f"内部错误（{type(exc).__name__}：{exc}）")
    _current_out = None
    row.seconds = round(time.perf_counter() - start, 3)
    return row


def _render_chunk(tasks: list[tuple]) -> list[tuple[int, Row]]:
    results = []
    for task in tasks:
        _state[task[0]] = STARTED
        results.append((task[0], _render_one(task)))
        _state[task[0]] = FINISHED
    return results


def _mp_context():
    # fork is far cheaper than spawn (no fresh interpreter, imports shared); it is safe here
    # because the parent runs no other threads when the pool starts (progress refreshes by hand).
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _run_pool(tasks: list[tuple], jobs: int, ctx, chunk: int, state, on_done) -> list[tuple]:
    """Run tasks in one pool; returns the tasks lost when a worker died (the pool breaks)."""
    lost: list[tuple] = []
    for task in tasks:
        state[task[0]] = 0
    chunks = [tasks[i:i + chunk] for i in range(0, len(tasks), chunk)]
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), mp_context=ctx,
                               initializer=_init_worker, initargs=(state,))
    futures = {pool.submit(_render_chunk, c): c for c in chunks}
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
        pool.shutdown(wait=True, cancel_futures=True)
        for fut in futures:
            if fut not in delivered and fut.done() and not fut.cancelled():
                deliver(fut)
        raise
    pool.shutdown(wait=True)
    return lost


def _run_tasks(tasks: list[tuple], jobs: int, on_done) -> None:
    if not tasks:
        return
    ctx = _mp_context()
    if ctx.get_start_method() == "fork":
        _import_renderer()  # once here, shared by every forked worker
    state = ctx.RawArray("b", max(task[0] for task in tasks) + 1)
    pending = tasks
    while pending:
        # A few chunks per worker: little IPC, yet the last chunks still balance the load.
        chunk = max(1, min(4, len(pending) // (jobs * 4)))
        lost = _run_pool(pending, jobs, ctx, chunk, state, on_done)
        # A dead worker takes its pool down. Inputs it never started go round again; the ones
        # in progress run one process each, so only the guilty one fails. Their outputs did not
        # exist when the batch began (checked before), so a file there now is this batch's own.
        suspects = {t[0] for t in lost if state[t[0]] == STARTED} or {t[0] for t in lost}
        pending = [t[:5] + (True,) for t in lost if t[0] not in suspects]
        for task in lost:
            if task[0] not in suspects:
                continue
            remove_partial(Path(task[2]))
            for gone in _run_pool([task[:5] + (True,)], 1, ctx, 1, state, on_done):
                remove_partial(Path(gone[2]))
                on_done(gone[0], Row(gone[1], "failed", "处理进程意外终止（可能内存不足或被系统结束），未生成文件"))


# ---------------------------------------------------------------- report


def _report_path(report: str | Path | None, outdir: Path, force: bool) -> Path:
    if report is not None:
        p = Path(report)
        if p.suffix.lower() not in (".csv", ".json"):
            raise DrafterError("报告文件应以 .csv 或 .json 结尾", p)
        if p.is_dir():
            raise DrafterError("报告位置是一个文件夹，请给出文件名", p)
        if p.exists() and not force:
            raise DrafterError("报告文件已存在；如需覆盖，请加 --force", p)
        return p
    # The default report never overwrites an earlier one: a rerun writes batch-report (2).csv.
    p = outdir / f"{REPORT_NAME}.csv"
    n = 2
    while p.exists() and not force:
        p = outdir / f"{REPORT_NAME} ({n}).csv"
        n += 1
    return p


_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def readable(text: str) -> str:
    """A path (or a message holding one) fit to print and to save as UTF-8. File names in GBK
    bytes (zip files made on Chinese Windows) reach Python as escaped bytes: each such name is
    decoded as GB18030, one path component at a time since the folders may well be UTF-8."""
    def decode(part: str) -> str:
        if not _ESCAPED_BYTE.search(part):
            return part
        raw = part.encode("utf-8", "surrogateescape")
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError:
            return raw.decode("utf-8", "replace")

    text = "/".join(decode(part) for part in text.split("/"))
    return text.encode("utf-8", "replace").decode("utf-8")  # any other lone surrogate


def write_report(rows: list[Row], path: Path) -> Path:
    if path.suffix.lower() == ".json":
        data = [{k: readable(v) if isinstance(v, str) else v for k, v in asdict(r).items()} for r in rows]
        return atomic_write(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n", force=True)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["input", "status", "reason", "output", "seconds"])
    for r in rows:
        writer.writerow([readable(r.input), r.status, readable(r.reason), readable(r.output), f"{r.seconds:.3f}"])
    # utf-8-sig: Excel opens the Chinese text correctly only with the BOM.
    return atomic_write(path, buf.getvalue().encode("utf-8-sig"), force=True)


# ---------------------------------------------------------------- the batch


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:
        return os.cpu_count() or 1


class _Progress:
    """A rich bar on stderr with done/failed counts; nothing when stderr is not a terminal."""

    def __init__(self, total: int, enabled: bool):
        self.bar = None
        self.task = None
        if not (enabled and total and sys.stderr.isatty()):
            return
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
        self.bar.refresh()

    def update(self, ok: int, failed: int) -> None:
        if self.bar is not None:
            self.bar.update(self.task, completed=ok + failed, ok=ok, failed=failed)
            self.bar.refresh()

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def run_batch(
    inputs: list[str | Path],
    outdir: str | Path,
    jobs: int | None = None,
    template: str | None = None,
    appendix: bool = False,
    force: bool = False,
    report: str | Path | None = None,
    progress: bool = True,
) -> BatchResult:
    """Render every draft among inputs into outdir; the report lists each input's fate."""
    start = time.perf_counter()
    outdir = Path(outdir)
    if outdir.exists() and not outdir.is_dir():
        raise DrafterError("输出位置应是文件夹，但这是一个文件", outdir)
    if jobs is None:
        jobs = default_jobs()
    if jobs < 1:
        raise DrafterError(f"并行进程数应至少为 1（收到 {jobs}）")
    if not inputs:
        raise DrafterError("没有给出输入文件")
    if template is not None:
        # A bad template would fail every input the same way: say it once, before any work.
        from drafter.render.docx import check_template, resolve_template

        path = resolve_template(template)
        check_template(path, read_input_bytes(path, MAX_DOCX_BYTES))
    files, early_rows = collect_inputs(inputs)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DrafterError(f"无法创建输出文件夹（{exc.strerror}）", outdir) from exc
    report_path = _report_path(report, outdir, force)

    stems = [output_stem(f, *peek_meta(f)) for f in files]
    outputs = assign_outputs(stems, outdir)
    rows: list[Row | None] = [None] * len(files)
    tasks = []
    for i, (src, out) in enumerate(zip(files, outputs)):
        if src.suffix.lower() in REPORT_SUFFIXES:
            rows[i] = Row(str(src), "failed", f"这是往年报告（{src.suffix}），不是草稿 YAML；"
                          "请先用 drafter parse 和 drafter new 生成草稿，或用 drafter draft 一步完成")
        elif out.is_dir():
            rows[i] = Row(str(src), "failed", f"输出位置是一个文件夹：{out}")
        elif out.exists() and not force:
            rows[i] = Row(str(src), "failed", f"输出已存在：{out}；如需覆盖，请加 --force")
        else:
            tasks.append((i, str(src), str(out), template, appendix, force))

    counts = {"ok": 0, "failed": sum(1 for r in rows if r is not None)}
    bar = _Progress(len(files), progress)
    bar.update(counts["ok"], counts["failed"])

    def on_done(index: int, row: Row) -> None:
        rows[index] = row
        counts["ok" if row.status == "ok" else "failed"] += 1
        bar.update(counts["ok"], counts["failed"])

    if sys.platform == "win32":
        jobs = min(jobs, 61)  # the most ProcessPoolExecutor accepts on Windows
    try:
        _run_tasks(tasks, min(jobs, max(1, len(tasks))), on_done)
    except KeyboardInterrupt:
        bar.stop()
        for i, src in enumerate(files):
            if rows[i] is None:
                rows[i] = Row(str(src), "failed", "已中断，未处理")
        write_report(early_rows + rows, report_path)
        print(readable(f"已中断：已生成 {counts['ok']} 份，其余未处理；逐项结果：{report_path}"), file=sys.stderr)
        raise
    finally:
        bar.stop()
    result = BatchResult(early_rows + rows, report_path, round(time.perf_counter() - start, 3))
    write_report(result.rows, report_path)
    return result


def print_summary(result: BatchResult, out=None) -> None:
    out = out or sys.stdout
    print(
        f"批量排版完成：共 {len(result.rows)} 份，成功 {result.ok} 份，失败 {result.failed} 份，"
        f"用时 {result.seconds:.1f} 秒。",
        file=out,
    )
    for r in result.rows:
        if r.status != "ok":
            print(f"  失败：{readable(r.input)}：{readable(r.reason)}", file=out)
    if result.report is not None:
        print(readable(f"逐项结果：{result.report}"), file=out)
