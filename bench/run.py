"""Time drafter on this machine against its baselines and print a Markdown table.

    python3 bench/run.py [--markdown FILE] [--repeat N] [--drafts N]

Cold runs are fresh processes (subprocess); warm runs are in this process after one
untimed call. Times are medians of the repeats. The whole run takes a few minutes.
"""

from __future__ import annotations

import argparse
import copy
import io
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
PY = sys.executable


def run_cold(argv: list[str], repeat: int, cwd: Path | None = None) -> float:
    """Median wall time of a fresh process; a failed run stops the benchmark."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(argv, capture_output=True, cwd=cwd)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            raise SystemExit(f"failed: {' '.join(map(str, argv))}\n{proc.stderr.decode(errors='replace')}")
    return statistics.median(times)


def run_warm(func, repeat: int) -> float:
    func()  # imports, caches, first-touch costs stay out of the timing
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _tree_pss_kb(root: int) -> int:
    """Proportional set size of a process and all its descendants (shared pages counted once)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        except OSError:
            continue
    return total


def run_measured(argv: list[str]) -> tuple[float, float, float | None, int]:
    """Wall time, the largest single process's peak RSS (MB), the sampled peak total PSS of the
    process tree (MB, Linux only) and the exit code."""
    errors = tempfile.TemporaryFile()  # not a pipe: a full pipe would stall the child
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=errors)
    peak = [0]
    done = threading.Event()
    can_sample = Path(f"/proc/{proc.pid}/smaps_rollup").exists()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], _tree_pss_kb(proc.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    if can_sample:
        sampler.start()
    # wait4 gives this child's rusage, its own workers included once they are reaped.
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    done.set()
    if can_sample:
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    errors.seek(0)
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(map(str, argv))}\n{errors.read().decode(errors='replace')}")
    maxrss_mb = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 1048576
    return elapsed, maxrss_mb, (peak[0] / 1024 if can_sample else None), proc.returncode


def docx_floor_builder(docx_path: Path):
    """The same document built with bare python-docx: every paragraph of drafter's output with
    its text, font and indent, page margins as set; no templates, no placeholders, no checks."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt

    src = Document(str(docx_path))
    section = src.sections[0]
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    paras = []
    for p in src.paragraphs:
        run = p.runs[0] if p.runs else None
        size = run.font.size if run is not None and run.font.size else Pt(16)
        font = run.font.name if run is not None and run.font.name else "仿宋_GB2312"
        paras.append((p.text, font, size, p.alignment, p.paragraph_format.first_line_indent))

    def build():
        doc = Document()
        sec = doc.sections[0]
        sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = margins
        for text, font, size, alignment, indent in paras:
            para = doc.add_paragraph()
            para.alignment = alignment
            para.paragraph_format.first_line_indent = indent
            run = para.add_run(text)
            run.font.name = font
            run.font.size = size
            run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
        doc.save(io.BytesIO())

    return build


def make_drafts(work: Path, count: int) -> tuple[list[Path], Path]:
    """Drafts from every seed (parse + new), then `count` copies with distinct regions."""
    from drafter.parse import parse_file
    from drafter.skeleton import build_draft
    from drafter.yamlio import save_model

    bases = [build_draft(parse_file(seed)) for seed in SEEDS]
    folder = work / "drafts"
    folder.mkdir()
    paths = []
    for i in range(count):
        model = copy.deepcopy(bases[i % len(bases)])
        model["meta"]["region"] = f"测试{i + 1:03d}{model['meta'].get('region') or '市'}"
        paths.append(save_model(model, folder / f"draft-{i + 1:03d}.yaml"))
    return paths, folder


def fmt_time(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--markdown", metavar="FILE", help="also write the table to FILE")
    ap.add_argument("--repeat", type=int, default=5, help="repeats per timing (default 5)")
    ap.add_argument("--drafts", type=int, default=200, help="drafts in the batch (default 200)")
    opts = ap.parse_args(argv)
    rows: list[tuple[str, str, str, str]] = []
    missed: list[str] = []

    def add(measure, seconds, target="", ok=None, shown=None):
        verdict = "baseline" if ok is None else ("met" if ok else "MISSED")
        if ok is False:
            missed.append(measure)
        rows.append((measure, shown or fmt_time(seconds), target, verdict))
        print(f"  {measure}: {shown or fmt_time(seconds)} {verdict}", file=sys.stderr, flush=True)

    r = opts.repeat
    with tempfile.TemporaryDirectory(prefix="drafter-bench-") as tmp:
        work = Path(tmp)
        # Let jieba build its dictionary cache once, outside every timing.
        subprocess.run([PY, "-c", "import jieba; jieba.setLogLevel(60); jieba.initialize()"], check=True)

        bare = run_cold([PY, "-c", "pass"], r)
        add("python -c pass (baseline)", bare)
        helptime = run_cold([PY, "-m", "drafter", "--help"], r)
        add("drafter --help, cold", helptime, f"≤ 10× python ({fmt_time(10 * bare)})", helptime <= 10 * bare)

        jieba_time = run_cold([PY, "-c", "import jieba; jieba.setLogLevel(60); jieba.initialize()"], r)
        add("jieba dictionary load alone, cold (baseline)", jieba_time)
        from drafter.parse import parse_file

        for seed in SEEDS:
            out = work / f"{seed.stem}.yaml"
            t = run_cold([PY, "-m", "drafter", "parse", str(seed), "-o", str(out), "--force"], max(1, r // 2 + 1))
            add(f"drafter parse {seed.name}, cold", t, f"≤ 1.5× jieba ({fmt_time(1.5 * jieba_time)})", t <= 1.5 * jieba_time)
        for seed in SEEDS:
            t = run_warm(lambda: parse_file(seed), r * 2)
            add(f"parse {seed.name}, warm in-process", t, "< 50 ms", t < 0.05)

        from drafter.render import render_model
        from drafter.skeleton import build_draft

        draft = build_draft(parse_file(SEEDS[-1]))
        one = work / "one.docx"
        render_time = run_warm(lambda: render_model(draft, one, force=True), r * 2)
        floor_time = run_warm(docx_floor_builder(one), r * 2)
        add("bare python-docx, same document (floor)", floor_time)
        add(f"render {SEEDS[-1].stem} draft, warm in-process", render_time,
            f"≤ 2× floor ({fmt_time(2 * floor_time)})", render_time <= 2 * floor_time)

        _, folder = make_drafts(work, opts.drafts)
        results = {}
        for jobs in (1, 2):
            out = work / f"out-j{jobs}"
            results[jobs] = run_measured([PY, "-m", "drafter", "batch", str(folder), "-o", str(out), "-j", str(jobs)])
            made = len(list(out.glob("*.docx")))
            if made != opts.drafts:
                raise SystemExit(f"batch -j {jobs} made {made} of {opts.drafts} documents")
        add(f"batch of {opts.drafts} drafts, -j 1", results[1][0])
        speedup = results[1][0] / results[2][0]
        add(f"batch of {opts.drafts} drafts, -j 2", results[2][0], "≥ 1.7× faster than -j 1", speedup >= 1.7,
            shown=f"{fmt_time(results[2][0])} ({speedup:.2f}×)")
        for jobs in (1, 2):
            _, maxrss, pss, _ = results[jobs]
            peak = pss if pss is not None else maxrss
            what = "total PSS of all processes" if pss is not None else "largest process RSS"
            add(f"batch -j {jobs} peak memory ({what}; largest single process {maxrss:.0f} MB)", 0,
                "< 300 MB", peak < 300, shown=f"{peak:.0f} MB")

    lines = [
        f"Measured by `python3 bench/run.py` on {os.cpu_count()} cores, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}.",
        "",
        "| measure | time | target | verdict |",
        "|---|---|---|---|",
        *(f"| {m} | {t} | {g} | {v} |" for m, t, g, v in rows),
    ]
    table = "\n".join(lines) + "\n"
    print(table)
    if opts.markdown:
        Path(opts.markdown).write_text(table, encoding="utf-8")
    if missed:
        print("missed: " + "; ".join(missed), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
