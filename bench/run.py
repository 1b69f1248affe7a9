"""Time drafter on this machine against its baselines and print a Markdown table.

    python3 bench/run.py [--markdown FILE] [--repeat N] [--drafts N] [--only PART]

Cold runs are fresh processes (subprocess); warm runs are in this process after one
untimed call. Times are medians of the repeats; the batch runs twice with each -j and keeps
the faster. The whole run takes a few minutes on an idle machine; other processes busy on
the same cores slow the cold runs and the parallel batch most (the table notes the load).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
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
    """Proportional set size of a process's descendants (shared pages counted once)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, stack = 0, list(children.get(root, []))
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


# A small launcher runs the command: its own timing, and its children's peak RSS untouched by
# this big benchmark process (a child's peak counts the memory it had before exec).
LAUNCHER = """
import resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(time.perf_counter() - start, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
sys.exit(code)
"""


def run_measured(argv: list[str]) -> tuple[float, float, float | None, float]:
    """Wall time, the largest single process's peak RSS (MB), the sampled peak of the total
    PSS of all its processes (MB; Linux only, else None) and the CPU seconds of them all."""
    proc = subprocess.Popen([PY, "-c", LAUNCHER, *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    can_sample = Path(f"/proc/{proc.pid}/smaps_rollup").exists()
    peak = 0
    while can_sample and proc.poll() is None:
        peak = max(peak, _tree_pss_kb(proc.pid))
        time.sleep(0.05)
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"failed: {' '.join(map(str, argv))}\n{err.decode(errors='replace')}")
    seconds, maxrss, cpu = out.split()
    scale = 1048576 if sys.platform == "darwin" else 1024  # bytes on macOS, KB on Linux
    return float(seconds), int(maxrss) / scale, (peak / 1024 if can_sample else None), float(cpu)


def docx_paragraphs(docx_path: Path) -> dict:
    """What the floor writes for one of drafter's documents: every paragraph's text, font, size,
    alignment and indent, and the page margins (lengths in EMU), as JSON-ready data."""
    from docx import Document
    from docx.shared import Pt

    src = Document(str(docx_path))
    section = src.sections[0]
    paras = []
    for p in src.paragraphs:
        run = p.runs[0] if p.runs else None
        size = run.font.size if run is not None and run.font.size else Pt(16)
        font = run.font.name if run is not None and run.font.name else "仿宋_GB2312"
        indent = p.paragraph_format.first_line_indent
        paras.append([p.text, font, int(size), None if p.alignment is None else int(p.alignment),
                      None if indent is None else int(indent)])
    margins = [int(m) for m in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)]
    return {"margins": margins, "paragraphs": paras}


# The floor: the same documents built with bare python-docx in a fresh process, from the data
# docx_paragraphs took out of drafter's output; no templates, no placeholders, no checks.
FLOOR = """
import json, sys
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Emu

jobs = json.loads(open(sys.argv[1], encoding="utf-8").read())
for job in jobs:
    doc = Document()
    sec = doc.sections[0]
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = (Emu(m) for m in job["margins"])
    for text, font, size, alignment, indent in job["paragraphs"]:
        para = doc.add_paragraph()
        para.alignment = None if alignment is None else WD_ALIGN_PARAGRAPH(alignment)
        para.paragraph_format.first_line_indent = None if indent is None else Emu(indent)
        run = para.add_run(text)
        run.font.name = font
        run.font.size = Emu(size)
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    doc.save(job["out"])
"""


def floor_argv(work: Path, docs: list[Path], name: str) -> list[str]:
    """The command that writes `docs` again with bare python-docx, one process, one after the other."""
    out = work / f"{name}-out"
    out.mkdir(exist_ok=True)
    jobs = [{**docx_paragraphs(doc), "out": str(out / f"{i}.docx")} for i, doc in enumerate(docs)]
    data = work / f"{name}.json"
    data.write_text(json.dumps(jobs, ensure_ascii=False), encoding="utf-8")
    script = work / "floor.py"
    script.write_text(FLOOR, encoding="utf-8")
    return [PY, str(script), str(data)]


def make_drafts(work: Path, count: int) -> tuple[list[Path], Path]:
    """Drafts from every seed (parse + new), then `count` copies with distinct regions."""
    from drafter.draft.skeleton import build_draft
    from drafter.model.data import to_data
    from drafter.model.files import load_report
    from drafter.model.yamltext import dump_yaml
    from drafter.parse.report import parse_file

    folder = work / "drafts"
    folder.mkdir()
    bases = []
    for seed in SEEDS:
        draft = build_draft(parse_file(seed))
        text = dump_yaml(to_data(draft))
        region = draft.meta.region
        line = f"\n  region: {region}\n"
        if region is None or text.count(line) != 1:
            raise SystemExit(f"cannot place a new region in the draft of {seed.name}")
        bases.append((text, line, region))
    paths = []
    for i in range(count):
        # Dumping each draft would take longer than rendering them: change the region line only.
        text, line, region = bases[i % len(bases)]
        path = folder / f"draft-{i + 1:03d}.yaml"
        path.write_text(text.replace(line, f"\n  region: 测试{i + 1:03d}{region}\n"), encoding="utf-8")
        if i < len(bases):
            load_report(path)  # each base's copy is still a valid draft
        paths.append(path)
    return paths, folder


def fmt_time(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def measure_parse(work: Path, r: int, add) -> None:
    jieba_time = run_cold([PY, "-c", "import jieba; jieba.setLogLevel(60); jieba.initialize()"], r)
    add("jieba dictionary load alone, cold (baseline)", jieba_time)
    from drafter.parse.report import parse_file

    for seed in SEEDS:
        out = work / f"{seed.stem}.yaml"
        t = run_cold([PY, "-m", "drafter", "parse", str(seed), "-o", str(out), "--force"], max(1, r // 2 + 1))
        add(f"drafter parse {seed.name}, cold", t, f"≤ 0.6× jieba ({fmt_time(0.6 * jieba_time)})", t <= 0.6 * jieba_time)
    for seed in SEEDS:
        t = run_warm(lambda seed=seed: parse_file(seed), r * 2)
        add(f"parse {seed.name}, warm in-process", t, "< 50 ms", t < 0.05)


def measure_render(work: Path, r: int, add) -> None:
    from drafter.draft.skeleton import build_draft
    from drafter.model.files import save_report
    from drafter.parse.report import parse_file

    draft = work / "one-draft.yaml"
    save_report(build_draft(parse_file(SEEDS[-1])), draft)
    one = work / "one.docx"
    render_time = run_cold([PY, "-m", "drafter", "render", str(draft), "-o", str(one), "--force"], r)
    floor_time = run_cold(floor_argv(work, [one], "one"), r)
    add("bare python-docx writing the same document, cold (floor)", floor_time)
    add(f"drafter render {SEEDS[-1].stem} draft, cold", render_time,
        f"≤ 1.3× floor ({fmt_time(1.3 * floor_time)})", render_time <= 1.3 * floor_time)


SPIN = "x = 0\nfor i in range(8_000_000):\n    x += i * i"


def parallel_ceiling() -> float:
    """How much faster two CPU-bound processes finish side by side than one after the other,
    on this machine right now: the most any -j 2 can gain here."""
    argv = [PY, "-c", SPIN]
    start = time.perf_counter()
    for _ in range(2):
        subprocess.run(argv, check=True)
    one_by_one = time.perf_counter() - start
    start = time.perf_counter()
    procs = [subprocess.Popen(argv) for _ in range(2)]
    for proc in procs:
        proc.wait()
    return one_by_one / (time.perf_counter() - start)


def measure_batch(work: Path, count: int, add) -> None:
    _, folder = make_drafts(work, count)
    ceiling_before = parallel_ceiling()
    results: dict[int, tuple] = {}
    # Alternate -j 1 and -j 2 and keep each one's fastest run: a burst of load from other
    # processes then spoils one run, not the comparison.
    for round_ in range(2):
        for jobs in (1, 2):
            out = work / f"out-j{jobs}-{round_}"
            run = run_measured([PY, "-m", "drafter", "batch", str(folder), "-o", str(out), "-j", str(jobs)])
            made = len(list(out.glob("*.docx")))
            if made != count:
                raise SystemExit(f"batch -j {jobs} made {made} of {count} documents")
            shutil.rmtree(out)
            if jobs not in results or run[0] < results[jobs][0]:
                results[jobs] = run
    # CPU seconds over wall seconds is how many cores the batch really had: a -j 2 run that
    # got no more than a -j 1 run was starved by other processes, whatever its code does.
    def cores(run):
        return f"CPU {run[3]:.1f} s, {run[3] / run[0]:.2f} cores busy"

    loop = work / "out-floor"
    subprocess.run([PY, "-m", "drafter", "batch", str(folder), "-o", str(loop), "-j", "1"], check=True, capture_output=True)
    loop_time = run_measured(floor_argv(work, sorted(loop.glob("*.docx")), "loop"))[0]
    add(f"bare python-docx writing the same {count} documents in a loop, one process (floor)", loop_time)
    add(f"batch of {count} drafts, -j 1", results[1][0], f"≤ 2× floor loop ({fmt_time(2 * loop_time)})",
        results[1][0] <= 2 * loop_time, shown=f"{fmt_time(results[1][0])} ({cores(results[1])})")
    speedup = math.floor(results[1][0] / results[2][0] * 100) / 100  # 1.699 shows as 1.69, not a missed 1.70
    add(f"batch of {count} drafts, -j 2", results[2][0], "≥ 1.7× faster than -j 1", speedup >= 1.7,
        shown=f"{fmt_time(results[2][0])} ({speedup:.2f}×; {cores(results[2])})")
    add("two CPU-bound processes side by side vs one after the other, before and after the batches "
        "(the most -j 2 can gain on this machine now)", 0, shown=f"{ceiling_before:.2f}×, {parallel_ceiling():.2f}×")
    for jobs in (1, 2):
        _, maxrss, pss, _ = results[jobs]
        peak = pss if pss is not None else maxrss
        what = "total PSS of all processes" if pss is not None else "largest process RSS"
        add(f"batch -j {jobs} peak memory ({what}; largest single process {maxrss:.0f} MB)", 0,
            "< 300 MB", peak < 300, shown=f"{peak:.0f} MB")


PARTS = ("help", "parse", "render", "batch")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--markdown", metavar="FILE", help="also write the table to FILE")
    ap.add_argument("--repeat", type=int, default=5, help="repeats per timing (default 5)")
    ap.add_argument("--drafts", type=int, default=50, help="drafts in the batch (default 50)")
    ap.add_argument("--only", action="append", choices=PARTS, help="measure only this part (repeatable)")
    opts = ap.parse_args(argv)
    parts = set(opts.only or PARTS)
    rows: list[tuple[str, str, str, str]] = []
    missed: list[str] = []

    def add(measure, seconds, target="", ok=None, shown=None):
        verdict = "baseline" if ok is None else ("met" if ok else "MISSED")
        if ok is False:
            missed.append(measure)
        rows.append((measure, shown or fmt_time(seconds), target, verdict))
        print(f"  {measure}: {shown or fmt_time(seconds)} {verdict}", file=sys.stderr, flush=True)

    r = opts.repeat
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    with tempfile.TemporaryDirectory(prefix="drafter-bench-") as tmp:
        work = Path(tmp)
        # Bytecode for drafter's modules, as pip writes it at install (a PYTHONDONTWRITEBYTECODE
        # checkout would otherwise compile every module in every cold run).
        import drafter

        subprocess.run([PY, "-m", "compileall", "-q", str(Path(drafter.__file__).parent)], check=True)
        # Let jieba build its dictionary cache, and drafter its own (words.py), once, outside every timing.
        subprocess.run([PY, "-c", "import jieba; jieba.setLogLevel(60); jieba.initialize(); "
                                  "from drafter.text import words; words.tokenizer()"], check=True)
        # drafter's code cache (compiled schema validator, template code) is filled once, untimed, like the others.
        warm = work / "warm"
        warm.mkdir()
        subprocess.run([PY, "-m", "drafter", "draft", str(SEEDS[0]), "-o", str(warm / "warm.docx")], check=True, capture_output=True)
        if "help" in parts:
            bare = run_cold([PY, "-c", "pass"], r)
            add("python -c pass (baseline)", bare)
            helptime = run_cold([PY, "-m", "drafter", "--help"], r)
            add("drafter --help, cold", helptime, f"≤ 3× python ({fmt_time(3 * bare)})", helptime <= 3 * bare)
        if "parse" in parts:
            measure_parse(work, r, add)
        if "render" in parts:
            measure_render(work, r, add)
        if "batch" in parts:
            measure_batch(work, opts.drafts, add)

    # Other processes competing for the cores slow the parallel runs most: say how busy it was.
    load = "" if load_before is None else f", load average {load_before:.1f} before and {os.getloadavg()[0]:.1f} after"
    lines = [
        f"Measured by `python3 bench/run.py` on {os.cpu_count()} cores{load}, Python {sys.version.split()[0]}, "
        f"{time.strftime('%Y-%m-%d')}.",
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
