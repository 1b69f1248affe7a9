"""Issue 12, second round of hardening: inputs that must survive, faults, and hostile files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers import make_draft, seed_path, to_docx

from drafter.cli.main import main
from drafter.model.files import load_report, save_report


def _draft_file(path: Path) -> Path:
    save_report(make_draft("yingkou"), path)
    return path


# ---------------------------------------------------------------- data loss

def test_draft_refuses_its_own_input_as_output_even_with_force(tmp_path, capsys):
    prior = to_docx(seed_path("yingkou"), tmp_path / "营口2023.docx")
    before = prior.read_bytes()
    assert main(["draft", str(prior), "-o", str(prior), "--force"]) == 2
    assert "输出文件就是输入文件" in capsys.readouterr().err
    assert prior.read_bytes() == before


def test_render_refuses_its_own_draft_or_template_as_output(tmp_path, capsys):
    draft = _draft_file(tmp_path / "草稿.yaml")
    before = draft.read_bytes()
    assert main(["render", str(draft), "-o", str(draft), "--force"]) == 2
    assert "输出文件就是输入文件" in capsys.readouterr().err
    assert draft.read_bytes() == before
    out = tmp_path / "报告.docx"
    assert main(["render", str(draft), "-o", str(out)]) == 0
    template = out.read_bytes()
    assert main(["render", str(draft), "-o", str(out), "--template", str(out), "--force"]) == 2
    assert "输出文件就是输入文件" in capsys.readouterr().err and out.read_bytes() == template


def test_fill_refuses_a_read_only_draft(tmp_path, capsys):
    draft = _draft_file(tmp_path / "草稿.yaml")
    answers = tmp_path / "答案.yaml"
    answers.write_text("figures:\n  F001: 25\n", encoding="utf-8")
    os.chmod(draft, 0o444)
    before = draft.read_bytes()
    assert main(["fill", str(draft), "--answers", str(answers)]) == 2
    assert "只读" in capsys.readouterr().err
    assert draft.read_bytes() == before and draft.stat().st_mode & 0o777 == 0o444


def test_fill_on_a_symlinked_draft_writes_through_to_its_target(tmp_path):
    target = _draft_file(tmp_path / "真" / "草稿.yaml")
    link = tmp_path / "链接.yaml"
    link.symlink_to(target)
    answers = tmp_path / "答案.yaml"
    answers.write_text("figures:\n  F001: 25\n", encoding="utf-8")
    assert main(["fill", str(link), "--answers", str(answers)]) == 0
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert next(f for f in load_report(target).figures if f.id == "F001").value == 25
    assert sorted(p.name for p in target.parent.iterdir()) == ["草稿.yaml"]


def _parse_text(tmp_path, text: str):
    from drafter.parse.report import parse_file

    src = tmp_path / "营口.txt"
    src.write_text(text, encoding="utf-8")
    return parse_file(src)


SEED = seed_path("yingkou").read_text(encoding="utf-8")


def _value(report, label: str):
    """The value of the figure labelled `label`."""
    return [f.value for f in report.figures if f.label == label][0]


@pytest.mark.parametrize("name, mutate", [
    ("direction marks", lambda t: t.replace("荣誉23个", "荣誉2\u200e3个").replace("4420余", "44\u200f20余")
     .replace("关于2023年", "关于20\u200e23年")),
    ("combining marks on digits", lambda t: t.replace("荣誉23个", "荣誉2\u03033\u0303个")
     .replace("4420余", "4\u03304\u033020余")),
    ("full-width digits in the title", lambda t: t.replace("关于2023年", "关于２０２３年")),
    ("right-to-left override in the title", lambda t: t.replace("关于2023年", "\u202e关于2023年\u202c")),
])
def test_invisible_and_foreign_characters_keep_figures_and_year(tmp_path, name, mutate):
    report = _parse_text(tmp_path, mutate(SEED))
    assert report.meta.title == "关于2023年法治政府建设情况的报告"
    assert report.meta.year == 2023
    assert _value(report, "法治建设领域获得国家级荣誉") == 23
    assert _value(report, "培训党员、干部") == 4420
    assert len(report.figures) == 102


@pytest.mark.parametrize("line_end", ["\u2028", "\u2029", "\x85"])
def test_unicode_line_ends_split_paragraphs(tmp_path, line_end):
    plain = _parse_text(tmp_path, SEED)
    report = _parse_text(tmp_path, SEED.replace("\n", line_end))
    assert report.meta.title == plain.meta.title == "关于2023年法治政府建设情况的报告"
    assert len(report.sections["measures"].items) == len(plain.sections["measures"].items) >= 5
    assert len(report.figures) == len(plain.figures) == 102


def test_right_to_left_override_in_a_draft_does_not_reach_the_docx(tmp_path):
    import zipfile

    draft = make_draft("yingkou")
    draft.meta.title = "\u202e关于2024年法治政府建设情况的报告"
    path = tmp_path / "草稿.yaml"
    save_report(draft, path)
    out = tmp_path / "报告.docx"
    assert main(["render", str(path), "-o", str(out)]) == 0
    body = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert "关于2024年法治政府建设情况的报告" in body and "\u202e" not in body


def test_os_errors_are_said_in_chinese():
    import errno

    from drafter.files import os_reason

    for code in (errno.EACCES, errno.ENOSPC, errno.EROFS, errno.EBUSY, errno.ELOOP, errno.ENXIO):
        reason = os_reason(OSError(code, os.strerror(code)))
        assert os.strerror(code) not in reason and "\u4e00" <= reason[0] <= "\u9fff", reason


def test_parse_of_many_continues_past_a_bad_file(tmp_path, capsys):
    good = tmp_path / "营口.txt"
    good.write_bytes(seed_path("yingkou").read_bytes())
    bad = tmp_path / "坏.txt"
    bad.write_bytes(b"")
    last = tmp_path / "通州.txt"
    last.write_bytes(seed_path("tongzhou").read_bytes())
    out = tmp_path / "结果"
    assert main(["parse", str(good), str(bad), str(last), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "坏.txt：文件是空的" in err and "失败 1 份" in err
    assert sorted(p.name for p in out.iterdir()) == ["营口.yaml", "通州.yaml"]
    assert load_report(out / "通州.yaml").meta.region == "通州区"


@pytest.mark.parametrize("depth", [150, 1000])
def test_items_nested_deep_are_refused_clearly(tmp_path, capsys, depth):
    from drafter.model.data import to_data
    from drafter.model.yamltext import dump_yaml

    text = dump_yaml(to_data(make_draft("yingkou")))
    leaf = "\n      items: []\n"  # a top-level item without children
    assert leaf in text
    # The nested items written as text (the YAML writer itself recurses): each level a child of the last.
    lines, indent = [], " " * 6
    for level in range(depth):
        pad = indent + "  " * level
        lines += [f"{pad}items:", f"{pad}- heading: 第{level}层", f"{pad}  paragraphs: []"]
    lines.append(indent + "  " * depth + "items: []")
    deep = tmp_path / "深.yaml"
    deep.write_text(text.replace(leaf, "\n" + "\n".join(lines) + "\n", 1), encoding="utf-8")
    for argv in (["check", str(deep)], ["render", str(deep), "-o", str(tmp_path / "深.docx")]):
        assert main(argv) == 2
        assert "深.yaml" in (err := capsys.readouterr().err) and "嵌套过深" in err


def test_a_year_written_as_a_decimal_is_refused(tmp_path, capsys):
    from helpers import yingkou_v1

    from drafter.model.yamltext import dump_yaml

    data = yingkou_v1()
    data["meta"]["year"] = 2023.0
    prior = tmp_path / "上年.yaml"
    prior.write_text(dump_yaml(data), encoding="utf-8")
    assert "year: 2023.0" in prior.read_text(encoding="utf-8")
    assert main(["new", str(prior), "-o", str(tmp_path / "草稿.yaml")]) == 2
    assert "（meta.year）：类型不对：应为整数或空值（null），实际是小数 2023" in capsys.readouterr().err
    assert not (tmp_path / "草稿.yaml").exists()


def test_a_few_bad_bytes_in_utf8_are_replaced_and_their_line_named(tmp_path, capsys):
    data = seed_path("yingkou").read_bytes()
    at = data.index(b"4420")
    src = tmp_path / "营口.txt"
    src.write_bytes(data[:at] + b"\xff" + data[at:])
    out = tmp_path / "营口.yaml"
    assert main(["parse", str(src), "-o", str(out)]) == 0
    line = data[:at].count(b"\n") + 1
    assert f"营口.txt：第 {line} 行有 1 处不是 UTF-8 的字节" in capsys.readouterr().err
    report = load_report(out)
    assert len(report.figures) == 102 and report.meta.year == 2023


# ---------------------------------------------------------------- security

def test_jieba_cache_lives_in_the_users_cache_folder_and_is_verified(tmp_path, monkeypatch):
    import hashlib
    import tempfile

    import jieba

    from drafter.text import words

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "缓存"))
    tok = jieba.Tokenizer()
    total, buckets = words._load_dictionary(tok)
    cache = Path(words._cache_path(tok))
    assert cache.parent == tmp_path / "缓存" / "drafter" and cache.is_file()  # jieba.Tokenizer has no tmp_dir
    assert not str(cache).startswith(tempfile.gettempdir() + os.sep + "drafter-jieba")
    digest, _, body = cache.read_bytes().partition(b"\n")
    assert hashlib.sha256(body).hexdigest().encode() == digest and total > 10**6 and "法" in buckets

    # Damaged (cut short): not loaded, rebuilt, written whole again.
    cache.write_bytes(cache.read_bytes()[: len(body) // 2])
    assert words._read_cache(str(cache)) is None
    assert words._load_dictionary(jieba.Tokenizer())[0] == total
    assert words._read_cache(str(cache)) == (total, buckets)

    # Planted with a matching digest but writable by others: not trusted, replaced.
    forged = __import__("marshal").dumps((1, {}))
    cache.write_bytes(hashlib.sha256(forged).hexdigest().encode() + b"\n" + forged)
    os.chmod(cache, 0o666)
    assert words._read_cache(str(cache)) is None
    assert words._load_dictionary(jieba.Tokenizer())[0] == total
    assert cache.stat().st_mode & 0o022 == 0


def test_terminal_escapes_in_a_draft_are_shown_not_obeyed(tmp_path, capsys):
    from drafter.check.problems import ERROR, Problem, excerpt, format_text
    from drafter.model.data import to_data
    from drafter.model.yamltext import dump_yaml

    # A message quoting draft text (an excerpt) prints the escape as text, not as a command to the terminal.
    hidden = "\x1b[8m隐藏的字\x1b[0m\u202e倒序"
    out = format_text([Problem("prior_year", ERROR, "第1段\x1b[2J", f"仍写着上年：“{excerpt(hidden, 40)}”")], "草稿.yaml")
    assert "\x1b" not in out and "\u202e" not in out
    assert "\\x1b[8m隐藏的字\\x1b[0m\\u202e倒序" in out and "第1段\\x1b[2J" in out
    # Through the command: a heading written with YAML's \e escape.
    data = to_data(make_draft("yingkou"))
    heading = data["sections"]["measures"]["items"][0]["heading"]
    text = dump_yaml(data).replace(f"heading: {heading}\n", 'heading: "\\e[8m隐藏\\e[0m' + heading + '"\n', 1)
    path = tmp_path / "草稿.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_report(path).sections["measures"].items[0].heading.startswith("\x1b[8m")
    assert main(["check", str(path)]) == 1
    printed = capsys.readouterr().out
    assert "\x1b" not in printed and "隐藏[0m" + heading in printed


def test_a_yaml_too_large_for_the_next_step_is_refused_when_written(tmp_path, capsys):
    from drafter.errors import DrafterError
    from drafter.model.yamltext import MAX_YAML_BYTES

    draft = make_draft("yingkou")
    item = draft.sections["measures"].items[0]
    item.paragraphs = [f"第{n}段：" + "依法行政工作扎实推进。" * 40 for n in range(MAX_YAML_BYTES // 800)]
    out = tmp_path / "草稿.yaml"
    with pytest.raises(DrafterError, match=r"生成的 YAML 过大（\d+\.\d MB，上限 4 MB），下一步将无法读取"):
        save_report(draft, out)
    assert not out.exists()
    # Just under the cap it is written, and the next step reads it.
    item.paragraphs = item.paragraphs[: len(item.paragraphs) // 3]
    save_report(draft, out)
    assert load_report(out).sections["measures"].items[0].paragraphs[-1] == item.paragraphs[-1]
