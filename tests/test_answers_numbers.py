"""Answers files: numbers read as typed (not YAML 1.1), signer, confirmed, implausible values, concurrent fills."""

import pytest
from helpers import yingkou_report

import drafter.cli.fill as fill_cli
from drafter.cli.main import main
from drafter.draft.answers import apply_answers
from drafter.draft.skeleton import build_draft
from drafter.model.files import load_report, save_report


@pytest.fixture
def draft_file(tmp_path):
    path = tmp_path / "draft.yaml"
    save_report(build_draft(yingkou_report()), path)
    return path


def _answers(tmp_path, text, name="answers.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("typed, value", [("010", 10), ("0123", 123), ("1_000", None), ("0x10", None),
                                          ("1:30", None), ("0o17", None), ("10²", None), ("２５", 25)])
def test_figures_read_as_typed(tmp_path, draft_file, typed, value, capsys):
    answers = _answers(tmp_path, f"figures:\n  F001: 1\n  F005: {typed}\n")
    before = draft_file.read_bytes()
    code = main(["fill", str(draft_file), "--answers", str(answers)])
    if value is None:
        assert code == 2
        assert "第 3 行（figures.F005）" in capsys.readouterr().err
        assert draft_file.read_bytes() == before
    else:
        assert code == 0
        assert load_report(draft_file).figure("F005").value == value


def test_meta_text_read_as_typed_and_signer(tmp_path, draft_file):
    answers = _answers(tmp_path, "meta:\n  doc_number: 0123\n  signer: 张三\n")
    assert main(["fill", str(draft_file), "--answers", str(answers)]) == 0
    meta = load_report(draft_file).meta
    assert (meta.doc_number, meta.signer) == ("0123", "张三")


def test_implausible_values_reported_unless_confirmed(tmp_path, draft_file, capsys):
    # F005 was 71件 last year, F006 146条: 400 and 20 are more than 5× and less than 1/5; F007 24 → 30 is not.
    answers = _answers(tmp_path, "figures:\n  F005: 400\n  F006: 20\n  F007: 30\n  F008: {value: 500, confirmed: true}\n")
    assert main(["fill", str(draft_file), "--answers", str(answers)]) == 0
    out = capsys.readouterr().out
    assert "以下 2 个数字与上年相差超过 5 倍" in out
    assert "F005 审核规范性文件：2023年：71件 → 本年 400件" in out
    assert "F006 提出修改意见：2023年：146条 → 本年 20条" in out
    assert "F007" not in out and "F008" not in out
    figures = load_report(draft_file).figures_by_id()
    assert figures["F008"].value == 500 and figures["F008"].confirmed
    assert not figures["F005"].confirmed


def test_new_value_drops_an_old_confirmation(tmp_path, draft_file):
    draft = build_draft(yingkou_report())
    apply_answers(draft, _answers(tmp_path, "figures:\n  F008: {value: 500, confirmed: true}\n"))
    assert draft.figure("F008").confirmed
    apply_answers(draft, _answers(tmp_path, "figures:\n  F008: 24\n", "again.yaml"))
    assert (draft.figure("F008").value, draft.figure("F008").confirmed) == (24, False)


@pytest.mark.parametrize("text, message", [
    ("figures:\n  F008: {value: 5, sure: true}\n", "第 2 行（figures.F008.sure）：未知的键“sure”"),
    ("figures:\n  F008: {value: 5, confirmed: 是}\n", "confirmed 应为 true 或 false"),
    ("figures:\n  F008: {value: 0x10, confirmed: true}\n", "不是有效的数字"),
])
def test_bad_figure_mappings_refused(tmp_path, draft_file, text, message, capsys):
    assert main(["fill", str(draft_file), "--answers", str(_answers(tmp_path, text))]) == 2
    assert message in capsys.readouterr().err


def test_concurrent_fill_reapplies_to_what_the_other_saved(tmp_path, draft_file, monkeypatch, capsys):
    # A second `fill --answers` saves F002 while the first is between reading and saving the draft.
    first = _answers(tmp_path, "figures:\n  F001: 25\n")
    second = _answers(tmp_path, "figures:\n  F002: 90\n", "second.yaml")
    real = fill_cli.apply_answers
    calls = []

    def racing(draft, path):
        calls.append(path)
        if len(calls) == 1:
            assert main(["fill", str(draft_file), "--answers", str(second)]) == 0
        return real(draft, path)

    monkeypatch.setattr(fill_cli, "apply_answers", racing)
    assert main(["fill", str(draft_file), "--answers", str(first)]) == 0
    figures = load_report(draft_file).figures_by_id()
    assert (figures["F001"].value, figures["F002"].value) == (25, 90)
    assert calls[0] == calls[-1] == str(first) and len(calls) == 3  # the first applied twice, the second once


def test_fill_refuses_when_the_draft_keeps_changing(tmp_path, draft_file, monkeypatch, capsys):
    real = fill_cli.apply_answers

    def meddling(draft, path):
        with open(draft_file, "a", encoding="utf-8") as fh:
            fh.write("# 另一个窗口的修改\n")
        return real(draft, path)

    monkeypatch.setattr(fill_cli, "apply_answers", meddling)
    assert main(["fill", str(draft_file), "--answers", str(_answers(tmp_path, "figures:\n  F001: 25\n"))]) == 2
    assert "反复被其他程序修改，本次未保存" in capsys.readouterr().err
    assert load_report(draft_file).figure("F001").value is None
