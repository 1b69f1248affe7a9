"""kill -9 at any moment: no half-written output, no lost answer.

Each command is started as a process and killed with SIGKILL after delays spread over its own run
time (measured first), with a little jitter. After each kill the output is either absent or whole
(a .docx that opens, a YAML that loads), and nothing a clerk could take for output is left beside it.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT, yingkou_report

from drafter.model.files import load_report, save_report
from drafter.model.yamltext import dump_yaml

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(os.name != "posix", reason="SIGKILL and process groups are POSIX")]

FRACTIONS = (0.15, 0.4, 0.6, 0.75, 0.9, 1.0)


def start(args: list[str], cwd: Path) -> subprocess.Popen:
    # A session of its own, so the whole group (batch workers included) can be killed at once.
    return subprocess.Popen([sys.executable, "-m", "drafter", *args], cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)


def run_time(args: list[str], cwd: Path) -> float:
    begin = time.perf_counter()
    proc = start(args, cwd)
    assert proc.wait(timeout=120) == 0
    return time.perf_counter() - begin


def kill_after(args: list[str], cwd: Path, delay: float) -> None:
    proc = start(args, cwd)
    time.sleep(delay)
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=60)


def delays(total: float, seed: int) -> list[float]:
    rng = random.Random(seed)
    return [max(0.05, total * f + rng.uniform(-0.05, 0.05)) for f in FRACTIONS]


def visible(folder: Path) -> list[str]:
    """What a clerk sees in the folder: hidden temporary files (.NAME.XXXX.tmp) are not output."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def leftover_temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp"))


def whole_docx(path: Path) -> bool:
    import docx

    with zipfile.ZipFile(path) as zf:
        if zf.testzip() is not None:
            return False
    return len(docx.Document(str(path)).paragraphs) > 5


@pytest.fixture
def prior_yaml(tmp_path) -> Path:
    path = tmp_path / "营口2023.yaml"
    save_report(yingkou_report(), path)
    return path


@pytest.fixture
def draft_yaml(tmp_path) -> Path:
    from drafter.draft.skeleton import build_draft

    path = tmp_path / "草稿.yaml"
    save_report(build_draft(yingkou_report()), path)
    return path


# ---------------------------------------------------------------- the write itself

WRITER = """
import sys
from drafter.files import atomic_write
target, n = sys.argv[1], 0
while True:
    n += 1
    atomic_write(target, (f"v{n}:" + "x" * 4_000_000 + "end").encode(), force=True)
"""


def test_killed_writer_leaves_old_or_new_file_never_half(tmp_path):
    target = tmp_path / "草稿.yaml"
    rng = random.Random(7)
    for _ in range(8):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], cwd=ROOT)
        time.sleep(0.3 + rng.uniform(0, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        if target.exists():
            data = target.read_bytes()
            assert data.startswith(b"v") and data.endswith(b"end") and len(data) > 4_000_000
        assert visible(tmp_path) in ([], ["草稿.yaml"])
    # Whatever temporary file a kill left is hidden, ends in .tmp, and is the target's own.
    assert all(name.startswith(".草稿.yaml.") for name in leftover_temps(tmp_path))


# ---------------------------------------------------------------- commands

def test_kill_new(tmp_path, prior_yaml):
    args = ["new", str(prior_yaml), "-o", "草稿.yaml", "--force"]
    total = run_time(args, tmp_path)
    (tmp_path / "草稿.yaml").unlink()
    for delay in delays(total, 1):
        kill_after(args, tmp_path, delay)
        if (tmp_path / "草稿.yaml").exists():
            assert load_report(tmp_path / "草稿.yaml").kind == "draft"
        assert set(visible(tmp_path)) <= {"营口2023.yaml", "草稿.yaml"}


def test_kill_render(tmp_path, draft_yaml):
    args = ["render", str(draft_yaml), "-o", "报告.docx", "--force"]
    total = run_time(args, tmp_path)
    (tmp_path / "报告.docx").unlink()
    for delay in delays(total, 2):
        kill_after(args, tmp_path, delay)
        out = tmp_path / "报告.docx"
        if out.exists():
            assert whole_docx(out)
        assert set(visible(tmp_path)) <= {"草稿.yaml", "报告.docx"}
    assert load_report(draft_yaml).kind == "draft"  # the input is untouched


def test_kill_batch(tmp_path):
    from drafter.draft.skeleton import build_draft

    inputs = tmp_path / "草稿"
    inputs.mkdir()
    for n in range(12):
        model = build_draft(yingkou_report())
        model.meta.region = f"测试{n:02d}区"
        save_report(model, inputs / f"d{n:02d}.yaml")
    out = tmp_path / "输出"
    args = ["batch", str(inputs), "-o", str(out), "-j", "2"]
    total = run_time(args, tmp_path)
    expected = {f"测试{n:02d}区2024年法治政府建设情况报告.docx" for n in range(12)}
    assert set(visible(out)) == expected | {"batch-report.csv"}
    for delay in delays(total, 3):
        for path in out.iterdir():
            path.unlink()
        kill_after(args + ["--force"], tmp_path, delay)
        time.sleep(0.2)  # let any orphaned worker notice its parent is gone
        for name in visible(out):
            path = out / name
            if name.endswith(".docx"):
                assert name in expected and whole_docx(path), name
            else:
                assert name.startswith("batch-report") and path.read_text(encoding="utf-8-sig").startswith("input,")
    assert sorted(p.name for p in inputs.iterdir()) == [f"d{n:02d}.yaml" for n in range(12)]


def test_kill_fill_answers_keeps_the_draft_whole(tmp_path, draft_yaml):
    answers = tmp_path / "答案.yaml"
    answers.write_text(dump_yaml({"figures": {"F001": 25, "F002": "约100个", "F003": 18}}), encoding="utf-8")
    original = draft_yaml.read_bytes()
    args = ["fill", str(draft_yaml), "--answers", str(answers)]
    total = run_time(args, tmp_path)
    for delay in delays(total, 4):
        draft_yaml.write_bytes(original)
        kill_after(args, tmp_path, delay)
        figures = load_report(draft_yaml).figures_by_id()
        values = (figures["F001"].value, figures["F002"].value, figures["F003"].value)
        assert values in ((None, None, None), (25, 100, 18))  # before, or after: never half
        assert set(visible(tmp_path)) == {"草稿.yaml", "答案.yaml"}


def test_kill_wizard_loses_no_saved_answer(tmp_path, draft_yaml):
    import pexpect

    env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", COLUMNS="80", LINES="24")
    child = pexpect.spawn(sys.executable, ["-m", "drafter", "fill", str(draft_yaml)], cwd=str(tmp_path), env=env,
                          dimensions=(24, 80), encoding="utf-8", timeout=30)
    child.expect_exact("国家级荣誉（")
    time.sleep(0.3)
    child.send("25\r")
    child.expect_exact("省级荣誉（")
    time.sleep(0.3)
    child.send("约100\r")
    child.expect_exact("已填 2/")
    child.kill(signal.SIGKILL)  # no chance to clean up or save on the way out
    child.close(force=True)
    figures = load_report(draft_yaml).figures_by_id()
    assert (figures["F001"].value, figures["F002"].value, figures["F002"].approx) == (25, 100, "约")
    assert visible(tmp_path) == ["草稿.yaml"]


def test_ctrl_c_during_render_leaves_no_temporary_file(tmp_path, draft_yaml):
    """SIGINT (Ctrl-C) unwinds through the writer: unlike SIGKILL, not even a hidden temporary file remains."""
    args = ["render", str(draft_yaml), "-o", "报告.docx", "--force"]
    total = run_time(args, tmp_path)
    for delay in delays(total, 5):
        (tmp_path / "报告.docx").unlink(missing_ok=True)
        proc = start(args, tmp_path)
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=60)
        if (tmp_path / "报告.docx").exists():
            assert whole_docx(tmp_path / "报告.docx")
        assert leftover_temps(tmp_path) == []


def test_kill_parse_and_draft(tmp_path):
    from helpers import seed_path

    src = tmp_path / "营口.txt"
    src.write_bytes(seed_path("yingkou").read_bytes())
    before = src.read_bytes()
    for args, out, whole in ((["parse", str(src), "-o", "营口.yaml", "--force"], "营口.yaml",
                              lambda p: load_report(p).meta.region == "营口市"),
                             (["draft", str(src), "-o", "营口2024.docx", "--force"], "营口2024.docx", whole_docx)):
        total = run_time(args, tmp_path)
        (tmp_path / out).unlink()
        for delay in delays(total, 6):
            kill_after(args, tmp_path, delay)
            if (tmp_path / out).exists():
                assert whole(tmp_path / out)
            # draft keeps its draft YAML beside the .docx: whole when it is there
            assert set(visible(tmp_path)) <= {"营口.txt", "营口.yaml", "营口2024.docx", "营口2024.yaml"}
            if (tmp_path / "营口2024.yaml").exists():
                assert load_report(tmp_path / "营口2024.yaml").meta.year == 2024
    assert src.read_bytes() == before
