"""Issue 12, second round of hardening: inputs that must survive, faults, and hostile files."""

from __future__ import annotations

import os
from pathlib import Path

from helpers import make_draft, seed_path, to_docx

from drafter.cli.main import main
from drafter.model.files import load_report, save_report


def _draft_file(path: Path) -> Path:
    return save_report(make_draft("yingkou"), path)


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
