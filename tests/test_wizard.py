"""The wizard in a real pseudo-terminal (80×24), driven with pexpect."""

import os
import subprocess
import sys
import time

import pexpect
import pytest
from helpers import yingkou_report

from drafter.draft.skeleton import build_draft
from drafter.model.files import load_report, save_report
from drafter.model.report import Item

TIMEOUT = 30
# No cursor-position requests: pexpect does not answer them like a real terminal would.
ENV = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", COLUMNS="80", LINES="24")


@pytest.fixture
def draft_path(tmp_path):
    path = tmp_path / "draft.yaml"
    save_report(build_draft(yingkou_report()), path)
    return path


def spawn(path):
    return pexpect.spawn(sys.executable, ["-m", "drafter", "fill", str(path)], cwd=str(path.parent), env=ENV,
                         dimensions=(24, 80), encoding="utf-8", timeout=TIMEOUT)


def wait_prompt(child, text):
    child.expect_exact(text)
    time.sleep(0.3)  # let prompt_toolkit switch the terminal to raw mode before keys arrive


def test_answers_survive_ctrl_c_and_wizard_resumes(draft_path):
    child = spawn(draft_path)
    wait_prompt(child, "国家级荣誉（单位：个；2023年：23个）")
    child.send("25\r")
    child.expect_exact("已保存：25个，同比增长8.7%")  # the one wording of drafter.text.change
    wait_prompt(child, "省级荣誉（单位：个；2023年：94个）")
    child.send("约100\r")
    child.expect_exact("已填 2/9")
    wait_prompt(child, "法治教育培训、讲座（")
    child.send("\x03")
    child.expect_exact("已中断")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    figures = load_report(draft_path).figures_by_id()
    assert (figures["F001"].value, figures["F001"].approx) == (25, None)
    assert (figures["F002"].value, figures["F002"].approx) == (100, "约")
    assert figures["F003"].value is None

    child = spawn(draft_path)
    child.expect_exact("数字 3/9 · 已填 2/9")
    wait_prompt(child, "法治教育培训、讲座（单位：期；2023年：16期）")
    child.send("十六\r")
    child.expect_exact("不是有效的数字")
    child.send("\x15" + "b\r")  # clear the line, then go back
    wait_prompt(child, "省级荣誉（")
    child.send("\x15" + "q\r")
    child.expect_exact("尚余待填数字 7 个")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    figures = load_report(draft_path).figures_by_id()
    assert [figures[f"F00{n}"].value for n in (1, 2, 3)] == [25, 100, None]


def _fill_figures(path):
    draft = load_report(path)
    for n, figure in enumerate(draft.figures, 1):
        figure.value = n
    return draft


def test_text_keep_write_drop(draft_path):
    save_report(_fill_figures(draft_path), draft_path, force=True)

    child = spawn(draft_path)
    child.expect_exact("── 文字 已完成 0/16 ── 开头")
    wait_prompt(child, "请选择")
    child.send("\r")  # 保留上年表述
    # Items are named by their place in the document, numbered as it prints them.
    child.expect_exact("主要举措和成效\r\n一、（一） 着力增强法治思维意识")
    wait_prompt(child, "请选择")
    child.send("\r")  # 填写
    wait_prompt(child, "按 Esc 再按 Enter 保存")
    child.send("\x15" + "修订学法清单。\r全年开展述法{F003}。")
    child.send("\x1b\r")
    child.expect_exact("一、（二） 大力规范行政执法行为")
    wait_prompt(child, "请选择")
    child.send("j\r")  # 删除此项
    wait_prompt(child, "确定删除“一、（二） 大力规范行政执法行为”？")
    child.send("y")
    # measures.3 moves up to （二） once measures.2 is gone; its sub-items follow.
    child.expect_exact("一、（二） 深入学习贯彻习近平法治思想,统筹推进法治政府建设\r\n")
    child.expect_exact("一、（二）1. 深入学习贯彻习近平法治思想")
    wait_prompt(child, "请选择")
    child.send("\r")  # 保留整组上年表述
    child.expect_exact("一、（三） 健全依法行政制度体系")
    wait_prompt(child, "请选择")
    child.send("j\r")  # 逐个小项处理
    child.expect_exact("一、（三）1. 不断加强规范性文件管理")
    child.expect_exact("年度审核规范性文件5件,提出修改意见6条")
    wait_prompt(child, "请选择")
    child.send("\r")  # 保留上年表述
    child.expect_exact("一、（三）2. 发挥行政复议化解行政争议主渠道作用")
    wait_prompt(child, "请选择")
    child.send("jj\r")  # 删除此项
    wait_prompt(child, "确定删除")
    child.send("y")
    child.expect_exact("存在的不足和原因\r\n二、（一） 统筹推进法治政府建设抓手还需进一步丰富")
    wait_prompt(child, "请选择")
    child.send("j" * 6 + "\r")  # 保存退出
    child.expect_exact("沿用上年待确认")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    draft = load_report(draft_path)
    assert draft.draft.preamble_status == "done"
    items = draft.sections["measures"].items
    assert items[0].id == "measures.1" and items[0].status == "done"
    assert items[0].paragraphs == ["修订学法清单。", "全年开展述法{F003}。"]
    assert [i.id for i in items] == ["measures.1", "measures.3", "measures.4"]
    assert items[1].status == "done" and items[1].items[0].status == "done"
    # The group is done once its only remaining sub-item is kept.
    assert items[2].status == "done" and [s.id for s in items[2].items] == ["measures.4.1"]
    assert draft.sections["shortcomings"].items[0].status == "todo"


def test_no_terminal_says_so(draft_path):
    result = subprocess.run([sys.executable, "-m", "drafter", "fill", str(draft_path)], stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=TIMEOUT)
    assert result.returncode == 2
    assert "没有可交互的终端" in result.stderr and "--answers" in result.stderr
    assert "Traceback" not in result.stderr


def test_date_and_document_number_at_the_end(draft_path):
    draft = _fill_figures(draft_path)
    draft.draft.preamble_status = "done"
    for section in draft.parts():
        section.status = None
        section.items = [Item.written(f"{section.key}.1", "本年工作", ["已完成。"])]
    save_report(draft, draft_path, force=True)

    child = spawn(draft_path)
    wait_prompt(child, "成文日期（如 2025-01-20")
    child.send("2025-02-30\r")
    child.expect_exact("不存在")
    child.send("\x15" + "2025-01-20\r")
    wait_prompt(child, "发文字号")
    child.send("营政发〔2025〕3号\r")
    wait_prompt(child, "签发人")
    child.send("张三\r")
    child.expect_exact("全部完成")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    draft = load_report(draft_path)
    assert draft.meta.date == "2025-01-20" and draft.meta.doc_number == "营政发〔2025〕3号"
    assert draft.meta.signer == "张三"
    assert draft.closing.date is None  # a draft's date is meta.date; render writes the line
