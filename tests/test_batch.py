"""`drafter batch`: many drafts in parallel, safe names, a bad input fails alone, the report."""

import copy
import csv
import json
import multiprocessing
import os
import subprocess
import sys
from argparse import Namespace

import pytest
from helpers import SEEDS, seed_path

from drafter.batch.inputs import assign_outputs, output_stem, peek_meta, safe_name
from drafter.batch.run import run_batch
from drafter.cli.batch import run as run_cli
from drafter.errors import DrafterError
from drafter.model.files import save_report
from drafter.model.report import Meta

TAIL = "法治政府建设情况报告.docx"
needs_fork = pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="a patched renderer reaches workers only by fork")


@pytest.fixture(scope="module")
def drafts():
    """Next year's draft of every seed, made by the real parse and new steps."""
    from drafter.draft.skeleton import build_draft
    from drafter.parse.report import parse_file

    return {name: build_draft(parse_file(seed_path(name))) for name in SEEDS}


def _save(model, path):
    save_report(model, path)
    return path


def _many_drafts(folder, drafts, count):
    """`count` drafts of the seeds in `folder`, each with a region of its own."""
    folder.mkdir()
    names = sorted(SEEDS)
    for i in range(count):
        model = copy.deepcopy(drafts[names[i % len(names)]])
        model.meta.region = f"第{i}区"
        _save(model, folder / f"{i:02d}.yaml")
    return folder


def _docx_text(path):
    from docx import Document

    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def _rows(result):
    return {os.path.basename(r.input): r for r in result.rows}


# ---------------------------------------------------------------- names


def test_safe_name_strips_separators_and_control_chars():
    assert safe_name("../../etc/passwd") == "etcpasswd"
    assert safe_name("营口市\x00\n\t<>:\"|?*") == "营口市"
    assert safe_name("营口\u202e市\ud800") == "营口市"  # a bidi override, a lone surrogate
    assert safe_name("..") == ""
    assert safe_name(" 鹤庆县. ") == "鹤庆县"


@pytest.mark.parametrize("name", ["CON", "con", "Aux", "COM1", "lpt9", "NUL.report"])
def test_safe_name_avoids_windows_device_names(name):
    assert safe_name(name).startswith("_")


def test_long_region_keeps_year_and_tail_within_limit(tmp_path):
    stem = output_stem(tmp_path / "x.yaml", Meta(region="很长的地区名称" * 40, year=2024))
    assert stem.endswith("2024年法治政府建设情况报告")
    assert len((stem + " (99).docx").encode("utf-8")) <= 255


def test_name_falls_back_to_input_stem(tmp_path):
    assert output_stem(tmp_path / "草稿-甲.yaml", Meta(year=2024)) == "草稿-甲"
    assert output_stem(tmp_path / "草稿-甲.yaml", Meta(region="营口市")) == "草稿-甲"
    assert output_stem(tmp_path / "草稿-甲.yaml", Meta(region="营口市", year=2024)) == "营口市2024年法治政府建设情况报告"


def test_collisions_get_numbered_in_input_order(tmp_path):
    out = assign_outputs(["甲", "乙", "甲", "A", "a", "甲"], tmp_path)
    assert [p.name for p in out] == ["甲.docx", "乙.docx", "甲 (2).docx", "A.docx", "a (2).docx", "甲 (3).docx"]


def test_peek_meta_reads_region_and_year(tmp_path, drafts):
    path = _save(drafts["heqing"], tmp_path / "d.yaml")
    assert peek_meta(path) == Meta(region="鹤庆县", year=2024)
    gb = tmp_path / "gb.yaml"
    gb.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    assert peek_meta(gb) == Meta(region="鹤庆县", year=2024)
    broken = tmp_path / "broken.yaml"
    broken.write_text("meta: [unclosed\n", encoding="utf-8")
    assert peek_meta(broken) == Meta()
    assert peek_meta(tmp_path / "missing.yaml") == Meta()


# ---------------------------------------------------------------- the batch


def test_batch_renders_each_draft_and_a_bad_one_fails_alone(tmp_path, drafts):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("yingkou", "tongzhou", "xinyu"):
        _save(drafts[name], src / f"{name}.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 2\nmeta: {region: 某县\n", encoding="utf-8")
    out = tmp_path / "out"

    seen = []
    result = run_batch([src, bad, tmp_path / "missing.yaml"], out, jobs=2, on_progress=lambda *c: seen.append(c))

    rows = _rows(result)
    assert (result.ok, result.failed) == (3, 2)
    assert seen[0] == (0, 0, 5) and seen[-1] == (3, 2, 5) and len(seen) == 6  # at the start, then once an input
    assert rows["bad.yaml"].status == "failed" and "YAML 格式错误" in rows["bad.yaml"].reason
    assert rows["missing.yaml"].status == "failed" and "文件不存在" in rows["missing.yaml"].reason
    for name, region in (("yingkou", "营口市"), ("tongzhou", "通州区"), ("xinyu", "新余市")):
        row = rows[f"{name}.yaml"]
        assert row.status == "ok" and row.reason == ""
        expected = out / f"{region}{drafts[name].meta.year}年{TAIL}"
        assert row.output == str(expected)
        assert drafts[name].meta.title in _docx_text(expected).replace("\n", "")  # a long title takes two lines
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["batch-report.csv", f"营口市2024年{TAIL}", f"通州区2024年{TAIL}", f"新余市2022年{TAIL}"])


def test_same_region_and_year_do_not_overwrite(tmp_path, drafts):
    first = _save(drafts["yingkou"], tmp_path / "a.yaml")
    other = copy.deepcopy(drafts["yingkou"])
    other.preamble = ["第二份草稿的开头。"]
    second = _save(other, tmp_path / "b.yaml")
    out = tmp_path / "out"

    result = run_batch([first, second], out, jobs=2)

    assert result.failed == 0
    one, two = out / f"营口市2024年{TAIL}", out / "营口市2024年法治政府建设情况报告 (2).docx"
    assert "第二份草稿的开头。" not in _docx_text(one)
    assert "第二份草稿的开头。" in _docx_text(two)


def test_existing_output_kept_without_force_replaced_with_force(tmp_path, drafts):
    src = _save(drafts["tongzhou"], tmp_path / "t.yaml")
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"通州区2024年{TAIL}"
    target.write_bytes(b"earlier work")

    result = run_batch([src], out, jobs=1)
    assert result.rows[0].status == "failed" and "输出已存在" in result.rows[0].reason
    assert target.read_bytes() == b"earlier work"

    result = run_batch([src], out, jobs=1, force=True)
    assert result.rows[0].status == "ok"
    assert drafts["tongzhou"].meta.title in _docx_text(target).replace("\n", "")


def test_region_with_dotdot_stays_inside_outdir(tmp_path, drafts):
    evil = copy.deepcopy(drafts["heqing"])
    evil.meta.region = "../../逃逸县"
    src = _save(evil, tmp_path / "evil.yaml")
    out = tmp_path / "deep" / "out"

    result = run_batch([src], out, jobs=1)

    assert result.rows[0].status == "ok"
    assert result.rows[0].output == str(out / f"逃逸县2024年{TAIL}")
    made = list(tmp_path.rglob("*.docx"))
    assert made == [out / f"逃逸县2024年{TAIL}"]


def test_report_csv_opens_in_excel_and_json_on_request(tmp_path, drafts):
    good = _save(drafts["zhumadian"], tmp_path / "z.yaml")
    bad = tmp_path / "empty.yaml"
    bad.write_text("", encoding="utf-8")
    out = tmp_path / "out"

    result = run_batch([good, bad], out, jobs=2)
    raw = result.report.read_bytes()
    assert result.report == out / "batch-report.csv" and raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert [r["input"] for r in rows] == [str(good), str(bad)]
    assert [r["status"] for r in rows] == ["ok", "failed"]
    assert rows[0]["output"].endswith(f"驻马店市2020年{TAIL}") and float(rows[0]["seconds"]) > 0
    assert "空的" in rows[1]["reason"] and rows[1]["output"] == ""

    # A rerun keeps the first report; an explicit JSON report is written as asked.
    again = run_batch([good], out, jobs=1, force=True, report=tmp_path / "r.json")
    assert (out / "batch-report.csv").read_bytes() == raw
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data == [{"input": str(good), "status": "ok", "reason": "", "output": rows[0]["output"],
                     "seconds": again.rows[0].seconds}]
    third = run_batch([good], out, jobs=1)
    assert third.report == out / "batch-report (2).csv"


def test_empty_folder_duplicates_and_a_prior_report_given_by_mistake(tmp_path, drafts):
    empty = tmp_path / "empty"
    empty.mkdir()
    src = _save(drafts["xinyu"], tmp_path / "x.yaml")
    seed = seed_path("xinyu")
    result = run_batch([empty, src, src, tmp_path / "." / "x.yaml", seed], tmp_path / "out", jobs=2)
    assert [(r.input, r.status) for r in result.rows] == [(str(empty), "failed"), (str(src), "ok"), (str(seed), "failed")]
    assert "没有草稿" in result.rows[0].reason
    assert "往年报告" in result.rows[2].reason and "drafter draft" in result.rows[2].reason


@needs_fork
def test_a_crashing_or_killed_worker_fails_only_its_input(tmp_path, drafts, monkeypatch):
    import drafter.render.document

    real = drafter.render.document.render_model

    def render_model(model, out, **kw):
        region = model.meta.region
        if region == "崩溃县":
            os._exit(9)  # the worker dies as if killed
        if region == "出错县":
            raise ZeroDivisionError("division by zero")
        return real(model, out, **kw)

    # Forked workers inherit this patched module: one draft kills its worker, one hits a bug.
    monkeypatch.setattr(drafter.render.document, "render_model", render_model)
    names = sorted(SEEDS)
    inputs = []
    # 20 inputs on 2 workers go out in chunks of 2: the crash is second in its chunk, so the
    # draft before it was already written when its worker died.
    for i in range(20):
        model = copy.deepcopy(drafts[names[i % len(names)]])
        model.meta.region = {3: "崩溃县", 10: "出错县"}.get(i, f"第{i}区")
        inputs.append(_save(model, tmp_path / f"{i:02d}.yaml"))
    out = tmp_path / "out"

    result = run_batch(inputs, out, jobs=2)

    rows = [r.status for r in result.rows]
    assert rows == ["ok"] * 3 + ["failed"] + ["ok"] * 6 + ["failed"] + ["ok"] * 9
    assert "意外终止" in result.rows[3].reason
    assert "ZeroDivisionError" in result.rows[10].reason
    assert [r.input for r in result.rows] == [str(p) for p in inputs]
    assert len(list(out.glob("*.docx"))) == 18
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_bad_arguments_refused_before_work(tmp_path, drafts):
    src = _save(drafts["xinyu"], tmp_path / "x.yaml")
    afile = tmp_path / "file"
    afile.write_text("x", encoding="utf-8")
    with pytest.raises(DrafterError, match="应是文件夹"):
        run_batch([src], afile)
    with pytest.raises(DrafterError, match="至少为 1"):
        run_batch([src], tmp_path / "o", jobs=0)
    with pytest.raises(DrafterError, match=r"\.csv 或 \.json"):
        run_batch([src], tmp_path / "o", report=tmp_path / "r.txt")
    (tmp_path / "r.csv").write_text("old", encoding="utf-8")
    with pytest.raises(DrafterError, match="报告文件已存在"):
        run_batch([src], tmp_path / "o", report=tmp_path / "r.csv")
    assert not list((tmp_path / "o").glob("*.docx"))


def test_run_cli_exit_codes(tmp_path, drafts, capsys):
    src = _save(drafts["heqing"], tmp_path / "h.yaml")
    args = Namespace(inputs=[str(src)], output=str(tmp_path / "out"), jobs=1, template=None,
                     appendix=False, force=False, report=None, edition="review")
    assert run_cli(args) == 0
    assert "成功 1 份，失败 0 份" in capsys.readouterr().out
    assert run_cli(args) == 1  # the output exists now
    printed = capsys.readouterr().out
    assert "失败 1 份" in printed and "输出已存在" in printed


def test_unknown_template_refused_before_work(tmp_path, drafts):
    src = _save(drafts["xinyu"], tmp_path / "x.yaml")
    with pytest.raises(DrafterError, match="没有名为“无此模板”的内置模板"):
        run_batch([src], tmp_path / "out", template="无此模板")
    assert not (tmp_path / "out").exists()


def test_cli_batch_in_a_fresh_process(tmp_path, drafts):
    for name in ("yingkou", "zhumadian"):
        _save(drafts[name], tmp_path / f"{name}.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 9\n", encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "drafter", "batch", str(tmp_path), "-o", str(out), "-j", "2",
                             "--report", str(tmp_path / "report.json")], capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert "共 3 份，成功 2 份，失败 1 份" in result.stdout
    assert "bad.yaml" in result.stdout and "请升级 drafter" in result.stdout
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"营口市2024年{TAIL}", f"驻马店市2020年{TAIL}"]
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert [(os.path.basename(r["input"]), r["status"]) for r in report] == [
        ("bad.yaml", "failed"), ("yingkou.yaml", "ok"), ("zhumadian.yaml", "ok")]


def test_kill_9_mid_batch_leaves_no_half_document(tmp_path, drafts):
    import signal
    import time
    import zipfile

    src = _many_drafts(tmp_path / "in", drafts, 16)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "drafter", "batch", str(src), "-o", str(out), "-j", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list(out.glob("*.docx")) and proc.poll() is None:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)  # the batch and its workers, mid-write
    proc.wait()
    made = list(out.glob("*.docx"))
    assert 0 < len(made) < 16, "the kill should land mid-batch"
    for path in made:
        with zipfile.ZipFile(path) as z:  # a half-written file is not a valid zip
            assert z.testzip() is None and "word/document.xml" in z.namelist()


def test_ctrl_c_stops_soon_and_the_report_matches_the_files(tmp_path, drafts):
    import glob
    import time

    import pexpect

    src = _many_drafts(tmp_path / "in", drafts, 40)
    out = tmp_path / "out"
    child = pexpect.spawn(sys.executable, ["-m", "drafter", "batch", str(src), "-o", str(out), "-j", "2"],
                          encoding="utf-8", timeout=120, dimensions=(24, 120))
    deadline = time.monotonic() + 60
    while not glob.glob(str(out / "*.docx")) and time.monotonic() < deadline:
        time.sleep(0.02)
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "已中断" in child.before and "Traceback" not in child.before
    made = sorted(str(p) for p in out.glob("*.docx"))
    assert 0 < len(made) < 40
    with open(out / "batch-report.csv", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 40
    assert sorted(r["output"] for r in rows if r["status"] == "ok") == made
    assert all(r["reason"] == "已中断，未处理" for r in rows if r["status"] != "ok")


def test_file_names_in_gbk_bytes_are_rendered_and_reported_readably(tmp_path, drafts, capsys):
    """Zip files made on Chinese Windows unpack to names in GBK bytes, undecodable as UTF-8."""
    folder = os.fsencode(tmp_path)
    good = os.fsdecode(folder + b"/" + "通州草稿.yaml".encode("gbk"))
    bad = os.fsdecode(folder + b"/" + "坏草稿.yaml".encode("gbk"))
    _save(drafts["tongzhou"], good)
    with open(bad, "w", encoding="utf-8") as fh:
        fh.write("schema_version: 2\n")
    out = tmp_path / "out"
    args = Namespace(inputs=[good, bad], output=str(out), jobs=2, template=None,
                     appendix=False, force=False, report=None, edition="review")

    assert run_cli(args) == 1

    printed = capsys.readouterr().out
    assert "坏草稿.yaml" in printed and "缺少必填的键" in printed
    with open(out / "batch-report.csv", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert [(os.path.basename(r["input"]), r["status"]) for r in rows] == [("通州草稿.yaml", "ok"), ("坏草稿.yaml", "failed")]
    assert rows[0]["output"] == str(out / f"通州区2024年{TAIL}")
