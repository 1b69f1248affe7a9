"""Robustness: saves chained by the digest of what was written, a read-only draft refused before the
first question, check's JSON free of raw control characters, a standard.j2 without the 版头's macro."""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

import pexpect
import pytest
from helpers import make_draft

from drafter.cli import main as cli
from drafter.cli import wizard as wizard_module
from drafter.cli.wizard import Wizard, load_draft
from drafter.cli.wizard_nav import stops
from drafter.cli.wizard_words import MERGED
from drafter.draft.figure_input import set_figure
from drafter.model.files import ChangedOnDisk, file_digest, load_report, save_report
from drafter.resources import templates_dir

TIMEOUT = 30


@pytest.fixture
def draft_path(tmp_path) -> Path:
    path = tmp_path / "营口草稿.yaml"
    save_report(make_draft("yingkou"), path)
    return path


def _other_process_sets(path: Path, figure_id: str, value: int) -> None:
    """Another fill's save: the file as it is, one figure changed, written whole."""
    other = load_report(path)
    other.figure(figure_id).value = value
    save_report(other, path, force=True)


# ---------------------------------------------------------------- 1. the digest of what was written

def test_save_returns_the_digest_of_the_bytes_it_wrote(draft_path):
    # A clerk's comment, kept by the save: the bytes written are more than the model's YAML.
    text = draft_path.read_text(encoding="utf-8").replace("\nfigures:\n", "\nfigures:  # 数字待统计局核实\n", 1)
    draft_path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))  # as saved on Windows
    draft = load_report(draft_path)
    draft.figures[0].value = 25
    digest = save_report(draft, draft_path, force=True, keep_comments=True, expect=file_digest(draft_path))
    written = draft_path.read_bytes()
    assert digest == hashlib.sha256(written).hexdigest() == file_digest(draft_path)
    assert "# 数字待统计局核实" in written.decode("utf-8")


def test_the_next_save_refuses_a_write_made_right_after_a_save(draft_path):
    draft = load_report(draft_path)
    draft.figures[0].value = 25
    digest = save_report(draft, draft_path, force=True, expect=file_digest(draft_path))
    _other_process_sets(draft_path, "F002", 99)
    draft.figures[2].value = 17
    with pytest.raises(ChangedOnDisk) as caught:
        save_report(draft, draft_path, force=True, expect=digest)
    assert str(caught.value).startswith(f"{draft_path}：草稿在读取后已被其他程序或窗口修改")
    assert load_report(draft_path).figure("F002").value == 99  # the other write stands


def _answer(figure_id: str, value: int):
    return lambda report: set_figure(report.figure(figure_id), value, None, False)


def test_wizard_keeps_a_write_that_lands_right_after_its_own_save(draft_path, monkeypatch, capsys):
    real_save = wizard_module.save_report
    saves = []

    def save_then_another_writes(*args, **kwargs):
        digest = real_save(*args, **kwargs)
        if not saves:  # between this save and the wizard's next step, another fill saves F002
            _other_process_sets(draft_path, "F002", 99)
        saves.append(digest)
        return digest

    monkeypatch.setattr(wizard_module, "save_report", save_then_another_writes)
    digest = file_digest(draft_path)
    wizard = Wizard(load_draft(draft_path), draft_path, digest)
    first = stops(wizard.report)[0]
    assert wizard.commit(_answer("F001", 25), first)
    assert wizard.commit(_answer("F003", 17), first)
    assert MERGED in capsys.readouterr().out
    figures = load_report(draft_path).figures_by_id()
    assert (figures["F001"].value, figures["F002"].value, figures["F003"].value) == (25, 99, 17)


def _as_terminal(monkeypatch) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)


def test_fill_takes_the_digest_before_it_reads_the_draft(draft_path, monkeypatch, capsys):
    from drafter.cli import fill

    def read_then_another_writes(path):
        draft = load_draft(path)
        _other_process_sets(draft_path, "F002", 99)  # saved while this fill was reading
        return draft

    class OneAnswer(Wizard):
        def run(self):
            self.commit(_answer("F001", 25), stops(self.report)[0])
            return 0

    monkeypatch.setattr(fill, "load_draft", read_then_another_writes)
    monkeypatch.setattr(fill, "Wizard", OneAnswer)
    _as_terminal(monkeypatch)
    assert cli.main(["fill", str(draft_path)]) == 0
    assert MERGED in capsys.readouterr().out
    figures = load_report(draft_path).figures_by_id()
    assert (figures["F001"].value, figures["F002"].value) == (25, 99)


# ---------------------------------------------------------------- 2. a draft fill cannot save

def test_wizard_refuses_a_read_only_draft_before_the_first_question(draft_path):
    # The mode, not os.access: drafter keeps a read-only file for root too, so this holds as root.
    os.chmod(draft_path, 0o444)
    before = draft_path.read_bytes()
    env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", COLUMNS="80", LINES="24")
    child = pexpect.spawn(sys.executable, ["-m", "drafter", "fill", str(draft_path)], cwd=str(draft_path.parent),
                          env=env, dimensions=(24, 80), encoding="utf-8", timeout=TIMEOUT)
    seen = child.expect_exact(["文件是只读的", "国家级荣誉（单位：个"])
    assert seen == 0, "the wizard asked before saying the draft cannot be saved"
    said = child.before + child.after
    child.expect(pexpect.EOF)
    said += child.before
    child.close()
    assert child.exitstatus == 2
    assert "营口草稿.yaml" in said and "未开始提问" in said and "Traceback" not in said
    assert draft_path.read_bytes() == before


def test_wizard_refuses_a_draft_in_a_folder_it_cannot_write(draft_path, monkeypatch, capsys):
    from drafter.cli import fill

    # As root chmod cannot make a folder unwritable: the system's answer is what is simulated.
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == draft_path.parent
                        else real_access(p, mode, **kw))
    asked = []
    monkeypatch.setattr(fill, "Wizard", lambda *args: asked.append(args))
    _as_terminal(monkeypatch)
    assert cli.main(["fill", str(draft_path)]) == 2
    err = capsys.readouterr().err
    assert f"{draft_path}：文件所在的文件夹不可写" in err and "未开始提问" in err
    assert not asked


# ---------------------------------------------------------------- 3. check's JSON

def test_check_json_escapes_c1_controls_and_line_separators(tmp_path, capsys):
    draft = make_draft("yingkou")
    figure = draft.figure("F001")
    label = "法治\x85建设\x9f领域\u2028获得国家级荣誉\u2029"
    figure.label = label
    path = tmp_path / "草稿.yaml"
    save_report(draft, path)
    assert cli.main(["check", str(path), "--format", "json"]) == 1
    out = capsys.readouterr().out
    assert not any(ch in out for ch in "\x85\x9f\u2028\u2029")
    assert "法治\\u0085建设\\u009f领域\\u2028获得国家级荣誉\\u2029" in out
    assert "尚未填写" in out  # Chinese stays readable
    problems = json.loads(out)
    assert any(p["message"].startswith(f"“{label}”尚未填写") for p in problems)


# ---------------------------------------------------------------- 4. a standard.j2 without banner

@pytest.fixture
def old_template(tmp_path) -> Path:
    """A bureau's template folder with a standard.j2 copied before the banner macro was added."""
    folder = tmp_path / "局模板"
    folder.mkdir()
    (folder / "局模板.docx").write_bytes((templates_dir() / "report.docx").read_bytes())
    text = (templates_dir() / "standard.j2").read_text(encoding="utf-8")
    cut = text.index("{% macro banner(")
    (folder / "standard.j2").write_text(text[:cut], encoding="utf-8")
    return folder / "局模板.docx"


def _refusal(err: str, template: Path) -> bool:
    return (f"{template.parent / 'standard.j2'}：标准语句模板缺少宏“banner”，用于版头的发文机关标志" in err
            and "把这个宏复制到此文件" in err and "Traceback" not in err)


def test_submit_with_a_standard_j2_without_banner_is_refused_up_front(tmp_path, old_template, capsys):
    draft = make_draft("yingkou")  # not ready: the template is named first, before the draft's problems
    draft.meta.doc_number = "营政〔2025〕3号"
    path = tmp_path / "草稿.yaml"
    save_report(draft, path)
    out = tmp_path / "送审稿.docx"
    assert cli.main(["render", str(path), "-o", str(out), "--edition", "submit", "--template", str(old_template)]) == 2
    assert _refusal(capsys.readouterr().err, old_template) and not out.exists()
    # A review copy with a 文号 carries the 版头 too.
    out = tmp_path / "讨论稿.docx"
    assert cli.main(["render", str(path), "-o", str(out), "--template", str(old_template)]) == 2
    assert _refusal(capsys.readouterr().err, old_template) and not out.exists()
    # Batch names it for the draft that has a 文号.
    folder = tmp_path / "送审"
    assert cli.main(["batch", str(path), "-o", str(folder), "--edition", "submit", "--template", str(old_template)]) != 0
    assert "缺少宏“banner”" in capsys.readouterr().out and not list(folder.glob("*.docx"))


def test_a_copy_without_banner_still_renders_with_a_standard_j2_without_banner(tmp_path, old_template, capsys):
    path = tmp_path / "草稿.yaml"
    save_report(make_draft("yingkou"), path)  # no 文号: no 版头
    out = tmp_path / "讨论稿.docx"
    assert cli.main(["render", str(path), "-o", str(out), "--template", str(old_template)]) == 0
    assert out.is_file()
    # A 送审稿 without a 文号 has no 版头 either: only the draft's own gaps stop it (exit 1), not the template.
    assert cli.main(["render", str(path), "-o", str(tmp_path / "送审稿.docx"), "--edition", "submit",
                     "--template", str(old_template)]) == 1
    assert "banner" not in capsys.readouterr().err
