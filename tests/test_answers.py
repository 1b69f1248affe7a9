import pytest
from helpers import yingkou_report

from drafter.cli.main import main
from drafter.draft.answers import apply_answers
from drafter.draft.figure_input import figure_prompt, parse_figure_input
from drafter.draft.placeholders import fill_text, used_figures
from drafter.draft.skeleton import build_draft
from drafter.errors import DrafterError
from drafter.model.files import load_report, save_report
from drafter.model.report import Figure
from drafter.text.change import change_text


def _figure(label, unit, prior, prior_approx=None):
    return Figure(id="F001", label=label, value=None, unit=unit, approx=None, sentence="", section="measures",
                  prior=prior, prior_approx=prior_approx)


COUNT = _figure("审核规范性文件", "件", 71)
PEOPLE = _figure("培训党员、干部", "人次", 4420, "余")
RATE = _figure("调解率", "%", 28)
MONEY = _figure("投入资金", "万元", 12.5)


@pytest.mark.parametrize("typed, figure, expected", [
    ("75", COUNT, (75, None)),
    ("７５件", COUNT, (75, None)),
    ("约120", COUNT, (120, "约")),
    ("4500余", PEOPLE, (4500, "余")),
    ("4500余人次", PEOPLE, (4500, "余")),
    ("4500人次以上", PEOPLE, (4500, "以上")),
    ("将近5000", PEOPLE, (5000, "近")),
    # every approximation the parser reads back from a report can be typed again
    ("不少于65", COUNT, (65, "不少于")),
    ("不足10件", COUNT, (10, "不足")),
    ("大约300", COUNT, (300, "约")),
    ("1.5万", PEOPLE, (15000, None)),
    ("1,234", COUNT, (1234, None)),
    ("28%", RATE, (28, None)),
    ("93.78", RATE, (93.78, None)),
    ("12.75", MONEY, (12.75, None)),
    ("12.75万", MONEY, (12.75, None)),
    ("2亿", COUNT, (200000000, None)),
    (75, COUNT, (75, None)),
])
def test_parse_figure_input_accepts(typed, figure, expected):
    assert parse_figure_input(typed, figure) == expected


@pytest.mark.parametrize("typed, figure, message", [
    ("", COUNT, "没有填写"),
    ("七十五", COUNT, "不是有效的数字"),
    ("-3", COUNT, "负数"),
    ("12.5", COUNT, "整数"),
    ("120", RATE, "0–100"),
    ("28%", COUNT, "不是百分数"),
    ("约4500余", PEOPLE, "不能同时"),
    (True, COUNT, "应为数字"),
])
def test_parse_figure_input_refuses(typed, figure, message):
    with pytest.raises(ValueError, match=message):
        parse_figure_input(typed, figure)


def test_growth_rate_may_exceed_100():
    assert parse_figure_input("150", _figure("案件数量同比增长", "%", None)) == (150, None)


def test_prompt_and_change_against_last_year():
    assert figure_prompt(PEOPLE, 2023) == "培训党员、干部（单位：人次；2023年：4420余人次）"
    assert figure_prompt(_figure("受理", None, None), None) == "受理（单位：无；上年：无）"
    # The wizard words the change as Word comments and check do (drafter.text.change).
    assert change_text(75, COUNT.prior, COUNT.unit) == "同比增长5.6%"
    assert change_text(60, COUNT.prior, COUNT.unit) == "同比下降15.5%"
    assert change_text(71, COUNT.prior, COUNT.unit) == "与上年持平"
    assert change_text(30.5, RATE.prior, RATE.unit) == "比上年提高2.5个百分点"
    assert change_text(5, None, "件") is None


@pytest.fixture
def draft_file(tmp_path):
    path = tmp_path / "draft.yaml"
    save_report(build_draft(yingkou_report()), path)
    return path


def _write(tmp_path, text):
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """\
figures:
  F001: 25
  F004: "约5000"
  F009: 31.5%
meta:
  date: 2025-01-20
  doc_number: 营政发〔2025〕3号
items:
  measures.1: |
    修订《领导干部学法用法清单》，组织学法{F003}。
    全年开展述法评议。
  measures.4: keep
  shortcomings.4: drop
  preamble: keep
new:
  other:
    - heading: 其他情况
      text: 无其他需要报告的情况。
"""


def test_apply_answers_file(tmp_path, draft_file, capsys):
    answers = _write(tmp_path, GOOD)
    assert main(["fill", str(draft_file), "--answers", str(answers)]) == 0
    draft = load_report(draft_file)
    figures = draft.figures_by_id()
    assert (figures["F001"].value, figures["F001"].approx) == (25, None)
    assert (figures["F004"].value, figures["F004"].approx) == (5000, "约")
    assert figures["F009"].value == 31.5 and figures["F002"].value is None
    assert draft.meta.date == "2025-01-20" and draft.meta.doc_number == "营政发〔2025〕3号"
    assert draft.closing.date is None  # a draft's date is meta.date, written out when rendered
    m1 = draft.sections["measures"].items[0]
    assert m1.status == "done" and m1.paragraphs == ["修订《领导干部学法用法清单》，组织学法{F003}。", "全年开展述法评议。"]
    m4 = draft.sections["measures"].items[3]
    assert m4.status == "done" and [s.status for s in m4.items] == ["done", "done"]
    assert [i.id for i in draft.sections["shortcomings"].items] == ["shortcomings.1", "shortcomings.2", "shortcomings.3"]
    assert draft.draft.preamble_status == "done"
    other = draft.sections["other"].items
    assert other[0].id == "other.1" and other[0].paragraphs == ["无其他需要报告的情况。"] and other[0].status == "done"
    rendered = fill_text(draft.preamble[0], figures, 2023)
    assert rendered.endswith("国家级荣誉25个,省级荣誉【待填：省级荣誉（2023年：94个）】。")
    out = capsys.readouterr().out
    # measures.1 written, the two texts under measures.4 kept, shortcomings.4 dropped, the preamble kept, other.1 added
    assert not draft.find("measures.4").paragraphs and len(draft.find("measures.4").items) == 2
    assert "更新数字 3 个、文字 6 项；" in out


@pytest.mark.parametrize("text, line, message", [
    ("figures:\n  F001: 25\n  F005: 十二\n", 3, "审核规范性文件：“十二”不是有效的数字"),
    ("figures:\n  F001: 25\n  F099: 3\n", 3, "草稿中没有数字 F099"),
    ("figures:\n  F009: 130\n", 2, "0–100"),
    ("items:\n  measures.1: keep\n", 2, "还没有文字"),
    ("items:\n  measures.9: drop\n", 2, "没有“measures.9”"),
    ("meta:\n  date: 2025-02-30\n", 2, "不存在"),
    ("figures:\n  F001: 1\nitems:\n  measures.1: 组织学法{F123}。\n", 4, "{F123}"),
    ("answers:\n  F001: 1\n", 1, "未知的键“answers”"),
])
def test_bad_answers_name_line_and_write_nothing(tmp_path, draft_file, text, line, message, capsys):
    before = draft_file.read_bytes()
    answers = _write(tmp_path, text)
    assert main(["fill", str(draft_file), "--answers", str(answers)]) == 2
    err = capsys.readouterr().err
    assert f"第 {line} 行" in err and message in err
    assert "Traceback" not in err
    assert draft_file.read_bytes() == before


def test_all_bad_answers_reported_together(tmp_path, draft_file):
    answers = _write(tmp_path, "figures:\n  F001: x\n  F002: 3\n  F003: -1\n")
    draft = load_report(draft_file)
    with pytest.raises(DrafterError) as info:
        apply_answers(draft, answers)
    assert info.value.place.startswith("第 2 行") and "第 4 行" in info.value.message and "另有 1 处" in info.value.message
    assert all(f.value is None for f in draft.figures)


def test_used_figures_follow_the_text():
    draft = build_draft(yingkou_report())
    assert [f.id for f in used_figures(draft)] == [f"F{n:03d}" for n in range(1, 10)]
    draft.sections["measures"].items.pop(3)
    assert [f.id for f in used_figures(draft)] == ["F001", "F002", "F003", "F004"]


def test_fill_refuses_a_v1_report(tmp_path, capsys):
    prior = tmp_path / "prior.yaml"
    save_report(yingkou_report(), prior)
    answers = _write(tmp_path, "figures:\n  F001: 1\n")
    assert main(["fill", str(prior), "--answers", str(answers)]) == 2
    assert "drafter new" in capsys.readouterr().err


def test_writing_a_groups_own_text_leaves_its_kept_sub_items_to_confirm(tmp_path):
    from helpers import make_draft

    from drafter.check.lint import check_model

    draft = make_draft("heqing")
    group = draft.find("measures.4")  # 强化统筹…: no words of its own, three sub-items kept from last year
    assert group.status == "reference" and [s.status for s in group.items] == ["reference"] * 3
    answers = tmp_path / "answers.yaml"
    answers.write_text("items:\n  measures.4: 本年度强化统筹，争创全省法治政府建设示范县。\n  measures.5: keep\n",
                       encoding="utf-8")
    apply_answers(draft, answers)
    group = draft.find("measures.4")
    assert group.status == "done" and [s.status for s in group.items] == ["reference"] * 3
    # keep confirms a group with its sub-items; writing confirms only the words written
    assert {s.status for s in draft.find("measures.5").walk()} == {"done"}
    warned = {p.item_id for p in check_model(draft) if p.kind == "reference_unconfirmed"}
    assert {"measures.4.1", "measures.4.2", "measures.4.3"} <= warned and "measures.5.1" not in warned
