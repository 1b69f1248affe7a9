"""Every command, given a bad file, answers with one Chinese message naming the file and the place, exit code 2.

The table BAD_INPUTS × COMMANDS below is what docs/bad-inputs.md describes; a test keeps the two in step.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import ROOT, seed_path, yingkou_report, yingkou_v1

from drafter.cli.main import build_parser, main
from drafter.errors import DrafterError
from drafter.model.data import to_data
from drafter.model.files import load_report, save_report
from drafter.model.yamltext import dump_yaml

SEED_TEXT = seed_path("yingkou").read_text(encoding="utf-8")


# ---------------------------------------------------------------- bad files, built in tmp_path

def valid_v1() -> dict:
    return yingkou_v1()


def yaml_text(model: dict) -> str:
    return dump_yaml(model)


def save_draft(path: Path) -> Path:
    """The draft of the valid model, made by the real `new` step, saved at `path`."""
    from drafter.draft.skeleton import build_draft

    save_report(build_draft(yingkou_report()), path)
    return path


def _write(path: Path, data) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def make_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    for line in SEED_TEXT.splitlines():
        if line.strip():
            document.add_paragraph(line)
    document.save(str(path))
    return path


def zip_bomb(path: Path) -> Path:
    """A .docx whose word/document.xml inflates to 300 MB (of zeros, so the file stays ~300 KB)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(300):
                fh.write(chunk)
    return path


def billion_laughs_docx(path: Path) -> Path:
    """A well-formed .docx whose document.xml declares nested entities (the XML bomb)."""
    make_docx(path)
    entities = '<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    with zipfile.ZipFile(path) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    xml = xml.replace("<w:document", f"<!DOCTYPE w:document [{entities}]><w:document", 1)
    xml = re.sub(r"<w:t>[^<]*</w:t>", "<w:t>&i;</w:t>", xml, count=1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, xml.encode("utf-8") if name == "word/document.xml" else data)
    return path


def truncated_docx(path: Path) -> Path:
    make_docx(path)
    data = path.read_bytes()
    return _write(path, data[: len(data) // 2])


def zip_without_word(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    return path


def sparse_file(path: Path, size: int) -> Path:
    with open(path, "wb") as fh:
        fh.write("关于2023年法治政府建设情况的报告\n".encode())
        fh.truncate(size)
    return path


def _mutated(edit) -> callable:
    def make(path: Path) -> Path:
        model = valid_v1()
        edit(model)
        return _write(path, yaml_text(model))
    return make


def _set(keys, value):
    def edit(model):
        target = model
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value
    return edit


ALIAS_BOMB = "a: &a [哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈, 哈]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))


# id -> (suffix of the file, maker, what the message must say). Makers take the path and create the file.
REPORT_CASES = {
    "missing": (".txt", lambda p: p, "文件不存在"),
    "folder": (".txt", lambda p: (p.mkdir(), p)[1], "文件夹"),
    "empty": (".txt", lambda p: _write(p, b""), "空的"),
    "binary-junk": (".txt", lambda p: _write(p, os.urandom(20000)), "无法识别为文本"),
    "text-50mb": (".txt", lambda p: sparse_file(p, 50 * 1024 * 1024), "文件过大"),
    "pdf-renamed": (".txt", lambda p: _write(p, b"%PDF-1.4\n" + os.urandom(5000)), "无法识别为文本"),
    "wrong-suffix": (".pdf", lambda p: _write(p, SEED_TEXT), "不支持的文件类型"),
    "docx-truncated": (".docx", truncated_docx, "不是有效的 Word 文档"),
    "docx-not-zip": (".docx", lambda p: _write(p, os.urandom(4000)), "Word"),
    "docx-without-body": (".docx", zip_without_word, "word/document.xml"),
    "docx-zip-bomb": (".docx", zip_bomb, "异常巨大"),
    "docx-old-doc": (".docx", lambda p: _write(p, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000)), ".doc"),
    "html-junk": (".html", lambda p: _write(p, os.urandom(20000)), ""),
}

MODEL_CASES = {
    "missing": (".yaml", lambda p: p, "文件不存在"),
    "folder": (".yaml", lambda p: (p.mkdir(), p)[1], "文件夹"),
    "empty": (".yaml", lambda p: _write(p, b""), "空的"),
    "binary-junk": (".yaml", lambda p: _write(p, os.urandom(20000)), "无法识别为文本"),
    "yaml-50mb": (".yaml", lambda p: sparse_file(p, 50 * 1024 * 1024), "文件过大"),
    "yaml-list": (".yaml", lambda p: _write(p, "- 一\n- 二\n"), "顶层应是映射"),
    "yaml-scalar": (".yaml", lambda p: _write(p, "只是一句话\n"), "顶层应是映射"),
    "yaml-syntax": (".yaml", lambda p: _write(p, "meta: [1, 2\nsections: {\n"), "YAML 格式错误"),
    "yaml-tab": (".yaml", lambda p: _write(p, "meta:\n\tregion: 营口市\n"), "Tab"),
    "yaml-alias-bomb": (".yaml", lambda p: _write(p, ALIAS_BOMB), "别名"),
    "yaml-python-tag": (".yaml", lambda p: _write(p, "meta: !!python/object/apply:os.system [echo 1]\n"), "不允许的标签"),
    "yaml-nul": (".yaml", lambda p: _write(p, "meta:\n  region: 营口\x00市\n"), "无法识别为文本"),
    "yaml-control-char": (".yaml", lambda p: _write(p, "meta:\n  region: 营口\x07市\n"), "控制字符（U+0007）"),
    "yaml-huge-int": (".yaml", lambda p: _write(p, "schema_version: " + "9" * 5000 + "\n"), "数值过大"),
    "yaml-duplicate-key": (".yaml", lambda p: _write(p, yaml_text(valid_v1()) + "preamble: []\n"), "重复"),
    "wrong-type": (".yaml", _mutated(_set(["figures", 0, "value"], "七十一")), "figures[0].value"),
    "unknown-key": (".yaml", _mutated(_set(["meta", "regoin"], "营口市")), "未知的键“regoin”"),
    "missing-key": (".yaml", _mutated(lambda m: m["sections"].pop("plan")), "缺少必填的键“plan”"),
    "bad-enum": (".yaml", _mutated(_set(["figures", 0, "section"], "成效")), "取值“成效”无效"),
    "bad-date": (".yaml", _mutated(_set(["meta", "date"], "2024年1月18日")), "日期应写作"),
    "nan-value": (".yaml", _mutated(_set(["figures", 0, "value"], float("nan"))), "有限的数字"),
    "newer-schema": (".yaml", _mutated(_set(["schema_version"], 9)), "请升级"),
}

# command -> (which table it reads, argv built from (input, tmp folder))
COMMANDS = {
    "parse": ("report", lambda x, d: ["parse", str(x), "-o", str(d / "out.yaml")]),
    "draft": ("report", lambda x, d: ["draft", str(x), "-o", str(d / "out.docx")]),
    "new": ("model", lambda x, d: ["new", str(x), "-o", str(d / "out.yaml")]),
    "render": ("model", lambda x, d: ["render", str(x), "-o", str(d / "out.docx")]),
    "check": ("model", lambda x, d: ["check", str(x)]),
    "fill": ("model", lambda x, d: ["fill", str(x), "--answers", str(_write(d.parent / "答案.yaml", "figures:\n  F001: 25\n"))]),
    "check-docx": ("docx", lambda x, d: ["check", str(x)]),
}
DOCX_CASES = {case: spec for case, spec in REPORT_CASES.items() if spec[0] == ".docx"}
TABLES = {"report": REPORT_CASES, "model": MODEL_CASES, "docx": DOCX_CASES}

CASES = [
    pytest.param(command, case, id=f"{command}-{case}")
    for command, (kind, _) in COMMANDS.items()
    for case in TABLES[kind]
]


def build_case(tmp_path: Path, command: str, case: str) -> Path:
    kind = COMMANDS[command][0]
    suffix, make, _ = TABLES[kind][case]
    return make(tmp_path / f"输入-{case}{suffix}")


# The zip bomb takes a second to build: build it once.
@pytest.fixture(scope="session")
def bomb(tmp_path_factory) -> Path:
    return zip_bomb(tmp_path_factory.mktemp("bomb") / "bomb.docx")


@pytest.mark.parametrize("command, case", CASES)
def test_bad_input_gets_one_clear_message(tmp_path, capsys, command, case, bomb):
    kind = COMMANDS[command][0]
    expected = "" if command == "check-docx" else TABLES[kind][case][2]  # check words its own messages
    if case == "docx-zip-bomb":
        bad = bomb
    else:
        (tmp_path / "in").mkdir()
        bad = build_case(tmp_path / "in", command, case)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    before = sorted(p.name for p in bad.parent.iterdir()) if bad.parent.exists() else []
    code = main(COMMANDS[command][1](bad, out_dir))
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.startswith("drafter：错误：") and err.count("\n") == 1, err
    assert bad.name in err and expected in err
    assert list(out_dir.iterdir()) == []  # nothing half-made
    assert sorted(p.name for p in bad.parent.iterdir()) == before  # the input folder is untouched


# ---------------------------------------------------------------- the loader itself (no command needed)

@pytest.mark.parametrize("case", sorted(MODEL_CASES))
def test_loader_refuses_each_bad_model(tmp_path, case):
    suffix, make, expected = MODEL_CASES[case]
    path = make(tmp_path / f"草稿{suffix}")
    with pytest.raises(DrafterError) as err:
        load_report(path)
    assert expected in str(err.value) and "草稿.yaml" in str(err.value)


@pytest.mark.parametrize("case, line_of", [
    ("wrong-type", "    value: 七十一"),
    ("unknown-key", "  regoin: 营口市"),
    ("bad-enum", "    section: 成效"),
])
def test_loader_names_the_line(tmp_path, case, line_of):
    path = MODEL_CASES[case][1](tmp_path / "草稿.yaml")
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.endswith(line_of.strip()) and line.startswith(line_of[:2]))
    with pytest.raises(DrafterError) as err:
        load_report(path)
    assert f"第 {number} 行" in str(err.value)


def test_alias_bomb_is_refused_before_expanding(tmp_path):
    path = _write(tmp_path / "bomb.yaml", ALIAS_BOMB)  # 10^9 leaves if expanded
    # refused at the first alias (line 2), before anything is expanded
    with pytest.raises(DrafterError, match="第 2 行.*别名"):
        load_report(path)


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-16", "utf-16-le", "utf-8-sig"])
def test_yaml_in_other_encodings_is_read(tmp_path, encoding):
    text = yaml_text(valid_v1())
    path = _write(tmp_path / "草稿.yaml", text.encode(encoding))
    assert load_report(path).meta.region == "营口市"


# ---------------------------------------------------------------- reading reports (read.py)

@pytest.mark.parametrize("case", sorted(c for c in REPORT_CASES if c != "docx-zip-bomb"))
def test_reader_refuses_each_bad_report(tmp_path, case):
    from drafter.read.document import read_document

    suffix, make, expected = REPORT_CASES[case]
    path = make(tmp_path / f"报告{suffix}")
    with pytest.raises(DrafterError) as err:
        read_document(path)
    assert expected in str(err.value) and path.name in str(err.value)


def test_zip_bomb_refused_without_inflating(bomb):
    """Trace the memory Python allocates while reading: inflating the body would take 300 MB."""
    import tracemalloc

    from drafter.read.document import read_document

    tracemalloc.start()
    try:
        with pytest.raises(DrafterError, match="异常巨大") as err:
            read_document(bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "bomb.docx" in str(err.value)
    assert peak < 20 * 1024 * 1024


def test_xml_entity_bomb_does_not_expand(tmp_path):
    from drafter.read.document import read_document

    path = billion_laughs_docx(tmp_path / "laughs.docx")
    try:
        raw = read_document(path)
    except DrafterError as exc:
        assert "laughs.docx" in str(exc)
        return
    assert sum(len(p.text) for p in raw.paras) < 10 * len(SEED_TEXT)


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_report_text_in_other_encodings_is_read(tmp_path, encoding):
    from drafter.read.document import read_document

    text = SEED_TEXT.encode(encoding, "ignore").decode(encoding)
    path = _write(tmp_path / "报告.txt", text.encode(encoding))
    paras = [p.text for p in read_document(path).paras]
    assert any("年度审核规范性文件71件" in p for p in paras)


# ---------------------------------------------------------------- --debug, and no traceback across a process

def test_debug_after_the_command_is_accepted():
    parse = build_parser().parse_args
    assert parse(["new", "a.yaml", "-o", "b.yaml", "--debug"]).debug is True
    assert parse(["--debug", "new", "a.yaml", "-o", "b.yaml"]).debug is True
    assert parse(["new", "a.yaml", "-o", "b.yaml"]).debug is False


def _drafter(*args):
    return subprocess.run([sys.executable, "-m", "drafter", *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_bad_yaml_in_a_process_no_traceback_unless_debug(tmp_path):
    bad = MODEL_CASES["wrong-type"][1](tmp_path / "上年.yaml")
    plain = _drafter("new", str(bad), "-o", str(tmp_path / "d.yaml"))
    assert plain.returncode == 2
    assert "Traceback" not in plain.stderr and "上年.yaml" in plain.stderr and "类型不对" in plain.stderr
    debug = _drafter("new", str(bad), "-o", str(tmp_path / "d.yaml"), "--debug")
    assert debug.returncode != 0 and "Traceback" in debug.stderr and "DrafterError" in debug.stderr


def test_bad_report_in_a_process_no_traceback(tmp_path):
    bad = truncated_docx(tmp_path / "报告.docx")
    result = _drafter("parse", str(bad), "-o", str(tmp_path / "r.yaml"))
    assert result.returncode == 2 and "Traceback" not in result.stderr and "报告.docx" in result.stderr
    assert not (tmp_path / "r.yaml").exists()


# ---------------------------------------------------------------- files: outputs, inputs

def test_existing_output_is_not_overwritten_without_force(tmp_path, capsys):
    prior = _write(tmp_path / "上年.yaml", yaml_text(valid_v1()))
    out = _write(tmp_path / "草稿.yaml", "已有的内容\n")
    assert main(["new", str(prior), "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err and out.read_text(encoding="utf-8") == "已有的内容\n"
    assert main(["new", str(prior), "-o", str(out), "--force"]) == 0
    assert load_report(out).kind == "draft"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["上年.yaml", "草稿.yaml"]  # no temporary file left


def test_parse_never_changes_its_input(tmp_path):
    src = _write(tmp_path / "营口.txt", seed_path("yingkou").read_bytes())
    os.chmod(src, 0o444)
    before = (src.read_bytes(), src.stat().st_mtime_ns)
    assert main(["parse", str(src), "-o", str(tmp_path / "营口.yaml")]) == 0
    assert (src.read_bytes(), src.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["营口.txt", "营口.yaml"]


def test_stale_temporary_files_of_a_killed_writer_are_removed(tmp_path):
    from drafter.files import STALE_TEMP_SECONDS, atomic_write

    target = tmp_path / "草稿.yaml"
    stale = _write(tmp_path / ".草稿.yaml.k1l3d.tmp", "半截")
    fresh = _write(tmp_path / ".草稿.yaml.w0rk1.tmp", "正在写")  # another writer, still at work
    other = _write(tmp_path / ".别的.yaml.k1l3d.tmp", "别人的")
    old = stale.stat().st_mtime - STALE_TEMP_SECONDS - 5
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    atomic_write(target, "完整")
    assert not stale.exists() and fresh.exists() and other.exists()
    assert target.read_text(encoding="utf-8") == "完整"


def test_model_cases_mutate_a_valid_model(tmp_path):
    """The wrong-type, unknown-key… cases differ from a valid model by one planted fault only."""
    assert load_report(_write(tmp_path / "草稿.yaml", yaml_text(valid_v1()))).meta.region == "营口市"


# ---------------------------------------------------------------- answers files (fill --answers, draft --answers)

ANSWER_CASES = {
    "missing": (lambda p: p, "文件不存在"),
    "empty": (lambda p: _write(p, b""), "空的"),
    "yaml-list": (lambda p: _write(p, "- 25\n- 100\n"), "顶层应是映射"),
    "yaml-alias-bomb": (lambda p: _write(p, ALIAS_BOMB), "别名"),
    "yaml-syntax": (lambda p: _write(p, "figures: {F001: 25\n"), "YAML 格式错误"),
    "answer-unknown-key": (lambda p: _write(p, "figuers:\n  F001: 25\n"), "未知的键“figuers”"),
    "answer-unknown-figure": (lambda p: _write(p, "figures:\n  F999: 25\n"), "F999"),
    "answer-not-a-number": (lambda p: _write(p, "figures:\n  F001: 很多\n"), "F001"),
}


@pytest.fixture
def draft_file(tmp_path) -> Path:
    return save_draft(tmp_path / "草稿.yaml")


@pytest.mark.parametrize("case", sorted(ANSWER_CASES))
def test_bad_answers_file_leaves_the_draft_alone(tmp_path, capsys, draft_file, case):
    make, expected = ANSWER_CASES[case]
    answers = make(tmp_path / "答案.yaml")
    before = draft_file.read_bytes()
    assert main(["fill", str(draft_file), "--answers", str(answers)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("drafter：错误：") and "答案.yaml" in err and expected in err, err
    assert draft_file.read_bytes() == before


def test_bad_answers_file_in_the_one_step_command(tmp_path, capsys):
    answers = _write(tmp_path / "答案.yaml", "figuers:\n  F001: 25\n")
    out = tmp_path / "报告.docx"
    assert main(["draft", str(seed_path("yingkou")), "-o", str(out), "--answers", str(answers)]) == 2
    err = capsys.readouterr().err
    assert "答案.yaml" in err and "figuers" in err and not out.exists()


# ---------------------------------------------------------------- batch: a bad input fails alone

def test_batch_bad_inputs_fail_alone(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    save_draft(folder / "good.yaml")
    bad = {case: MODEL_CASES[case][1](folder / f"{case}.yaml")
           for case in ("empty", "binary-junk", "yaml-alias-bomb", "wrong-type", "newer-schema", "yaml-huge-int")}
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    code = main(["batch", str(folder), "-o", str(out), "-j", "1", "--report", str(report)])
    assert code == 1
    import json

    rows = {Path(r["input"]).stem: r for r in json.loads(report.read_text(encoding="utf-8"))}
    assert rows["good"]["status"] == "ok" and Path(rows["good"]["output"]).is_file()
    for case in bad:
        assert rows[case]["status"] == "failed" and MODEL_CASES[case][2] in rows[case]["reason"], rows[case]
    assert [p.suffix for p in out.iterdir()] == [".docx"]


@pytest.mark.parametrize("region", ["../../逃逸", "/etc/passwd", "..", "C:\\Windows\\营口", "CON", "营口\x00市/..",
                                    "a" * 300, "./.hidden", "~"])
def test_batch_name_from_region_stays_in_the_output_folder(tmp_path, region):
    from drafter.batch.run import run_batch

    model = load_report(save_draft(tmp_path / "d.yaml"))
    model.meta.region = region.replace("\x00", "")
    save_report(model, tmp_path / "d.yaml", force=True)
    out = tmp_path / "deep" / "out"
    result = run_batch([tmp_path / "d.yaml"], out, jobs=1)
    assert result.failed == 0
    produced = Path(result.rows[0].output).resolve()
    assert produced.parent == out.resolve() and produced.is_file() and not produced.name.startswith(".")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.yaml", "deep"]


# ---------------------------------------------------------------- templates: a Jinja sandbox

def template_with(tmp_path: Path, expression: str, name: str = "恶意模板.docx") -> Path:
    """The built-in template with an expression added to the closing sentence's paragraph."""
    from drafter.resources import templates_dir

    with zipfile.ZipFile(templates_dir() / "report.docx") as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    escaped = expression.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert "{{ closing_sentence }}" in xml
    parts["word/document.xml"] = xml.replace("{{ closing_sentence }}", "{{ closing_sentence }}" + escaped, 1).encode()
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for n, data in parts.items():
            zf.writestr(n, data)
    return path


HOSTILE = {
    "class-mro": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "globals-os": "{{ cycler.__init__.__globals__.os.environ }}",
    "lipsum-popen": "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "self-globals": "{{ self.__init__.__globals__ }}",
    "format-globals": "{{ '{0.__globals__}'.format(cycler.__init__) }}",
    "attr-filter": "{{ ()|attr('__class__') }}",
    "environment": "{{ environ['HOME'] }}",
    "include-file": "{% include '/etc/passwd' %}",
    "import-module": "{% import 'os' as os %}",
    "huge-range": "{{ range(10**9)|list|length }}",
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_template_is_refused(tmp_path, capsys, case):

    draft = save_draft(tmp_path / "草稿.yaml")
    template = template_with(tmp_path, HOSTILE[case])
    out = tmp_path / "报告.docx"
    code = main(["render", str(draft), "-o", str(out), "--template", str(template)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert err.startswith("drafter：错误：") and "恶意模板.docx" in err
    if "unsafe" in err:  # the sandbox's own words, after a Chinese reason
        assert "出于安全已拒绝" in err
    assert "root:" not in err and os.environ.get("HOME", "~~") not in err.split("恶意模板.docx", 1)[1]
    assert not out.exists()


def test_template_memory_bomb_is_refused(tmp_path):
    """'x' * 10**9 in a template must not eat the clerk's memory: the process runs under a 1.5 GB cap."""

    draft = save_draft(tmp_path / "草稿.yaml")
    template = template_with(tmp_path, "{{ 'x' * 10**9 }}{{ [0] * 10**9 }}")
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, 1536 * 1024 * 1024))\n"
        "from drafter.cli.main import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code, "render", str(draft), "-o", str(tmp_path / "报告.docx"),
                             "--template", str(template)], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 2, result.stderr
    assert "恶意模板.docx" in result.stderr and not (tmp_path / "报告.docx").exists()


def test_hostile_sentence_template_beside_a_custom_template(tmp_path, capsys):
    from drafter.resources import templates_dir

    folder = tmp_path / "模板"
    folder.mkdir()
    (folder / "局模板.docx").write_bytes((templates_dir() / "report.docx").read_bytes())
    standard = (templates_dir() / "standard.j2").read_text(encoding="utf-8")
    (folder / "standard.j2").write_text("{% set x = ''.__class__.__mro__ %}{% include '../../../etc/passwd' %}\n"
                                        + standard, encoding="utf-8")
    draft = save_draft(tmp_path / "草稿.yaml")
    code = main(["render", str(draft), "-o", str(tmp_path / "报告.docx"), "--template", str(folder / "局模板.docx")])
    err = capsys.readouterr().err
    assert code == 2 and "standard.j2" in err and "root:" not in err, err
    assert not (tmp_path / "报告.docx").exists()


# ---------------------------------------------------------------- user text cannot break the .docx XML

NASTY = "A&B <w:p>粗体</w:p> ]]> \"引号\" 'x' {{ 1+1 }} {%p if %} \x07\x0b\x1b\x7f尾"


def test_markup_and_control_characters_come_out_as_text(tmp_path):
    import docx

    from drafter.render.document import render_model

    model = yingkou_report()
    model.preamble = [NASTY]
    model.sections["plan"].items[0].heading = "<规范> & 执法"
    model.meta.region = "营口&<市>"
    out = render_model(model, tmp_path / "报告.docx")
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "A&B <w:p>粗体</w:p> ]]> \"引号\" 'x' {{ 1+1 }} {%p if %} " in text  # as typed, not run or parsed
    assert "<规范> & 执法" in text
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", text)
    with zipfile.ZipFile(out) as zf:
        from lxml import etree

        etree.fromstring(zf.read("word/document.xml"))  # well-formed XML


# ---------------------------------------------------------------- outputs that cannot be written, options out of range

def test_output_under_a_file_is_refused_in_chinese(tmp_path, capsys):
    prior = _write(tmp_path / "上年.yaml", yaml_text(valid_v1()))
    blocker = _write(tmp_path / "草稿", "一个文件，不是文件夹")
    assert main(["new", str(prior), "-o", str(blocker / "草稿.yaml")]) == 2
    err = capsys.readouterr().err
    assert "无法写入（路径中有一段是文件而不是文件夹）" in err or "无法写入（路径中有同名的文件挡住了文件夹）" in err, err
    assert blocker.read_text(encoding="utf-8") == "一个文件，不是文件夹"


@pytest.mark.parametrize("argv, message", [
    (["new", "a.yaml", "-o", "b.yaml", "--year", "99999"], "年份 99999 不在 1949–2200 之间"),
    (["draft", "a.txt", "-o", "b.docx", "--year", "明年"], "“明年”不是年份"),
    (["batch", "a.yaml", "-o", "out", "-j", "0"], "并行进程数应至少为 1"),
    (["batch", "a.yaml", "-o", "out", "-j", "两"], "“两”不是整数"),
])
def test_option_values_out_of_range(capsys, argv, message):
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2 and message in capsys.readouterr().err


def test_docs_table_lists_every_case():
    table = (ROOT / "docs" / "bad-inputs.md").read_text(encoding="utf-8")
    for case in set(REPORT_CASES) | set(MODEL_CASES) | set(ANSWER_CASES) | set(HOSTILE):
        assert f"`{case}`" in table, case


@pytest.mark.parametrize("case", ["missing", "folder", "docx-truncated", "docx-not-zip", "docx-without-body", "docx-zip-bomb"])
def test_bad_template_file_is_refused_without_inflating(tmp_path, bomb, case):
    import tracemalloc

    from drafter.render.document import render_model

    template = bomb if case == "docx-zip-bomb" else REPORT_CASES[case][1](tmp_path / "模板.docx")
    tracemalloc.start()
    try:
        with pytest.raises(DrafterError) as err:
            render_model(yingkou_report(), tmp_path / "报告.docx", template=str(template))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert template.name in str(err.value) and not (tmp_path / "报告.docx").exists()
    assert peak < 50 * 1024 * 1024


# ---------------------------------------------------------------- hostile shapes of a report

@pytest.mark.parametrize("name, page", [
    ("nested-div.html", "<html><body>" + "<div>" * 20000 + "关于2023年法治政府建设情况的报告" + "</div>" * 20000 + "</body></html>"),
    ("nested-bold.html", "<html><body><p>" + "<b>" * 5000 + "一、主要举措和成效" + "</b>" * 5000 + "</p></body></html>"),
])
def test_deeply_nested_html_is_read_or_refused(tmp_path, capsys, name, page):
    """Markup nested thousands deep must not blow Python's recursion limit (exit 3)."""
    path = _write(tmp_path / name, page)
    code = main(["parse", str(path), "-o", str(tmp_path / "out.yaml")])
    err = capsys.readouterr().err
    assert code in (0, 2) and "内部错误" not in err, err


def test_run_on_paragraph_does_not_blow_up_the_yaml(tmp_path):
    """800 figures in one 29 KB sentence: each figure's sentence must not repeat the whole paragraph."""
    from drafter.parse.report import parse_file

    path = _write(tmp_path / "长句.txt", "一、主要举措和成效\n" + "2023年审核规范性文件71件，" * 800 + "。\n")
    model = parse_file(path)
    size = len(dump_yaml(to_data(model)).encode("utf-8"))
    # Linear: the text once, and for each figure a bounded excerpt (a real sentence is < 300 characters).
    bound = 3 * path.stat().st_size + 1500 * len(model.figures)
    assert len(model.figures) == 800 and size < bound, f"{size / 1e6:.0f} MB of YAML from a 29 KB report"


def test_report_with_a_gbk_file_name_is_parsed(tmp_path, capsys):
    """A zip made on a Chinese Windows, unpacked on Linux, leaves GBK bytes in file names."""
    raw = os.path.join(os.fsencode(tmp_path), "营口2023.txt".encode("gbk"))
    try:
        with open(raw, "wb") as fh:
            fh.write(seed_path("yingkou").read_bytes())
    except OSError:
        pytest.skip("this file system takes only UTF-8 names")
    name = os.fsdecode(raw)
    assert main(["parse", name, "-o", str(tmp_path / "营口.yaml")]) == 0, capsys.readouterr().err
    source = load_report(tmp_path / "营口.yaml").meta.source.file
    assert source == "营口2023.txt"


def test_messages_survive_a_console_that_cannot_show_chinese(tmp_path):
    """A console whose encoding has no Chinese: messages come out escaped, the command still succeeds or refuses."""
    env = dict(os.environ, PYTHONIOENCODING="ascii")
    refused = subprocess.run([sys.executable, "-m", "drafter", "parse", str(tmp_path / "无此文件.txt"), "-o", "x.yaml"],
                             capture_output=True, cwd=ROOT, timeout=60, env=env)
    assert refused.returncode == 2 and b"Traceback" not in refused.stderr
    assert b"\\u6587\\u4ef6\\u4e0d\\u5b58\\u5728" in refused.stderr  # 文件不存在, escaped rather than a crash
    prior = _write(tmp_path / "上年.yaml", yaml_text(valid_v1()))
    done = subprocess.run([sys.executable, "-m", "drafter", "new", str(prior), "-o", str(tmp_path / "草稿.yaml")],
                          capture_output=True, cwd=ROOT, timeout=60, env=env)
    assert done.returncode == 0, done.stderr  # its Chinese summary on stdout must not crash it
    assert b"\\u" in done.stdout and load_report(tmp_path / "草稿.yaml").kind == "draft"


def test_batch_survives_a_year_in_superscript_digits(tmp_path, capsys):
    path = _write(tmp_path / "草稿.yaml", yaml_text(valid_v1()).replace("  year: 2023", "  year: '¹²³⁴'"))
    code = main(["batch", str(path), "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 1 and "内部错误" not in err, err  # the input fails alone, with its reason


def test_gbk_bytes_in_a_name_read_as_chinese(tmp_path, capsys):
    from drafter.files import readable_name

    name = os.fsdecode("营口2023.txt".encode("gbk"))
    assert readable_name(name) == "营口2023.txt" and readable_name("通州.txt") == "通州.txt"
    assert main(["new", os.path.join(str(tmp_path), name), "-o", str(tmp_path / "d.yaml")]) == 2
    assert "营口2023.txt：文件不存在" in capsys.readouterr().err  # the message names it readably too


def test_a_plain_word_file_as_template_is_refused(tmp_path, capsys):
    """Last year's report given as --template would render unchanged: last year's facts as this year's."""

    draft = save_draft(tmp_path / "草稿.yaml")
    template = make_docx(tmp_path / "去年的报告.docx")
    out = tmp_path / "报告.docx"
    assert main(["render", str(draft), "-o", str(out), "--template", str(template)]) == 2
    err = capsys.readouterr().err
    assert "去年的报告.docx" in err and "不是 drafter 的模板" in err and not out.exists()


def test_output_pipe_closed_early_is_not_an_internal_error(tmp_path):
    """`drafter check … | head -1`: the reader goes away; drafter stops quietly instead of crying 内部错误."""

    draft = save_draft(tmp_path / "草稿.yaml")
    proc = subprocess.Popen([sys.executable, "-m", "drafter", "check", str(draft), "--format", "json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=60) == 141 and "内部错误" not in err and "Traceback" not in err, err
