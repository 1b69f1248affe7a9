"""The batch's report: one row per input, as CSV (for Excel) or JSON."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

from drafter.batch.patterns import REPORT_FORMATS, REPORT_NAME
from drafter.batch.tasks import Row
from drafter.errors import DrafterError
from drafter.files import atomic_write, os_reason, readable_name

COLUMNS = ("input", "status", "reason", "output", "seconds")


def report_path(report: str | Path | None, outdir: Path, force: bool) -> Path:
    """Where the report goes: as asked (checked now, before any work), else a new name in outdir."""
    if report is not None:
        p = Path(report)
        if p.suffix.lower() not in REPORT_FORMATS:
            raise DrafterError("报告文件应以 .csv 或 .json 结尾", p)
        if p.is_dir():
            raise DrafterError("报告位置是一个文件夹，请给出文件名", p)
        if p.exists() and not force:
            raise DrafterError("报告文件已存在；如需覆盖，请加 --force", p)
        _probe_writable(p)
        return p
    # The default report never overwrites an earlier one: a rerun writes batch-report (2).csv.
    p = outdir / f"{REPORT_NAME}.csv"
    n = 2
    while p.exists() and not force:
        p = outdir / f"{REPORT_NAME} ({n}).csv"
        n += 1
    return p


def _probe_writable(p: Path) -> None:
    """A report that cannot be written is found now, not after all the work."""
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f".{p.name}.", suffix=".tmp")
        os.close(fd)
        os.unlink(tmp)
    except OSError as exc:
        raise DrafterError(f"无法写入报告文件（{os_reason(exc)}）", p) from exc


def readable(text: str) -> str:
    """A path (or a message holding one) fit to print and to save as UTF-8: each path component in
    GBK bytes (a zip made on Chinese Windows) read as Chinese, the folders around it may well be UTF-8."""
    text = "/".join(readable_name(part) for part in text.split("/"))
    return text.encode("utf-8", "replace").decode("utf-8")  # any other lone surrogate


def write_report(rows: list[Row], path: Path) -> Path:
    if path.suffix.lower() == ".json":
        data = [{k: readable(v) if isinstance(v, str) else v for k, v in asdict(r).items()} for r in rows]
        return atomic_write(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n", force=True)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow([readable(r.input), r.status, readable(r.reason), readable(r.output), f"{r.seconds:.3f}"])
    # utf-8-sig: Excel opens the Chinese text correctly only with the BOM.
    return atomic_write(path, buf.getvalue().encode("utf-8-sig"), force=True)
