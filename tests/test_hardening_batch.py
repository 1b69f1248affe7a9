"""Issue 12: a batch's workers end with their parent, and an interruption at any moment leaves a
report that matches the files on disk."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import make_draft

from drafter.model.files import save_report

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc, sends POSIX signals")


@pytest.fixture(scope="module")
def drafts(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("drafts")
    draft = make_draft("yingkou")
    for n in range(24):
        save_report(draft, folder / f"草稿{n:02d}.yaml")
    return folder


def start(args: list[str], cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "drafter", *args], cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True, text=True)


def children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(n) for n in (task / "children").read_text().split()}
        except OSError:
            pass
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition, limit: float = 60.0) -> bool:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def report_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def docx_files(folder: Path) -> set[str]:
    return {p.name for p in folder.glob("*.docx")}


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_end_with_their_parent(tmp_path, drafts, sig):
    out = tmp_path / "成品"
    proc = start(["batch", str(drafts), "-o", str(out), "-j", "2"], tmp_path)
    assert wait_for(lambda: len(children(proc.pid)) >= 2 and docx_files(out) if out.exists() else False)
    workers = children(proc.pid)
    os.kill(proc.pid, sig)  # the parent alone, not its group
    code = proc.wait(timeout=60)
    assert wait_for(lambda: not any(alive(w) for w in workers)), "workers outlived their parent"
    if sig == signal.SIGTERM:
        # kill PID ends the batch as Ctrl-C does: exit 130, the report lists what is on disk.
        assert code == 130 and "Traceback" not in proc.stderr.read()
        rows = report_rows(out / "batch-report.csv")
        made = {Path(r["output"]).name for r in rows if r["status"] == "ok"}
        assert made == docx_files(out) and len(rows) == 24


@pytest.mark.parametrize("delay", [0.0, 0.3, 0.6, 0.9, 1.2, 1.6])
def test_ctrl_c_during_start_up_always_ends_the_same_way(tmp_path, drafts, delay):
    out = tmp_path / "成品"
    proc = start(["batch", str(drafts), "-o", str(out), "-j", "2"], tmp_path)
    time.sleep(delay)
    os.killpg(proc.pid, signal.SIGINT)  # the whole group, as a terminal's Ctrl-C does
    code = proc.wait(timeout=120)
    err = proc.stderr.read()
    assert "Traceback" not in err and "BrokenProcessPool" not in err
    if code == 0:  # finished before the interrupt came
        return
    if code == -signal.SIGINT:  # before Python set up its handler: the interpreter had not started drafter
        assert not out.exists()
        return
    assert code == 130, err
    rows = report_rows(out / "batch-report.csv")
    assert len(rows) == 24
    made = {Path(r["output"]).name for r in rows if r["status"] == "ok"}
    assert made == docx_files(out)
    assert f"已生成 {len(made)} 份" in err


def test_unwritable_report_is_refused_before_any_work(tmp_path, drafts, capsys):
    from drafter.cli.main import main

    blocker = tmp_path / "文件"
    blocker.write_text("挡路", encoding="utf-8")
    out = tmp_path / "成品"
    assert main(["batch", str(drafts), "-o", str(out), "--report", str(blocker / "报告.csv")]) == 2
    err = capsys.readouterr().err
    assert "报告.csv：无法写入报告文件（路径中有同名的文件挡住了文件夹）" in err
    assert not docx_files(out) if out.exists() else True


def test_output_folder_that_cannot_be_made_is_said_in_chinese(tmp_path, drafts, capsys):
    from drafter.cli.main import main

    blocker = tmp_path / "文件"
    blocker.write_text("挡路", encoding="utf-8")
    assert main(["batch", str(drafts), "-o", str(blocker / "成品")]) == 2
    err = capsys.readouterr().err
    assert "无法创建输出文件夹（" in err and "File exists" not in err
    assert not any(ch.isascii() and ch.isalpha() for ch in err.split("无法创建输出文件夹")[1])
