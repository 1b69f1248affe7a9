"""The wizard as a workbench, in a real pseudo-terminal: contents, --at, resume, back, confirmation, merging."""

import pexpect
import pytest
from helpers import yingkou_report
from test_wizard import ENV, TIMEOUT, _fill_figures, wait_prompt

from drafter.draft.skeleton import build_draft
from drafter.model.files import load_report, save_report


@pytest.fixture
def draft_path(tmp_path):
    path = tmp_path / "draft.yaml"
    save_report(build_draft(yingkou_report()), path)
    return path


def spawn(path, *args):
    import sys

    return pexpect.spawn(sys.executable, ["-m", "drafter", "fill", str(path), *args], cwd=str(path.parent), env=ENV,
                         dimensions=(24, 80), encoding="utf-8", timeout=TIMEOUT)


def finish(child, code=0):
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == code


def test_wrong_unit_implausible_value_and_back_over_a_filled_figure(draft_path):
    child = spawn(draft_path)
    wait_prompt(child, "本年：")
    child.send("71件\r")
    child.expect_exact("单位应为“个”，不是“件”")
    child.send("\x15" + "500\r")
    wait_prompt(child, "500个是上年（23个）的22倍，与上年相差很大。确认无误吗？")
    child.send("n")
    child.expect_exact("未保存，请重新填写。")
    wait_prompt(child, "本年：")
    child.send("500\r")
    wait_prompt(child, "确认无误吗？")
    child.send("y")
    child.expect_exact("已保存：500个，同比增长2073.9%（已确认）")
    wait_prompt(child, "省级荣誉（单位：个；2023年：94个）")
    child.send("b\r")  # back to a figure that holds a value: b is a command, not 500b
    wait_prompt(child, "本年（回车保留 500个）：")
    child.send("\r")
    child.expect_exact("保留 500个。")
    wait_prompt(child, "省级荣誉（")
    child.send("q\r")
    child.expect_exact("尚未填写的数字：F002、F003")
    finish(child)
    draft = load_report(draft_path)
    figure = draft.figure("F001")
    assert (figure.value, figure.confirmed) == (500, True)
    assert draft.draft.stopped_at == "F002"

    child = spawn(draft_path)
    child.expect_exact("上次停在 数字 F002 省级荣誉，从这里继续。")
    wait_prompt(child, "省级荣誉（单位：个；2023年：94个）")
    child.send("\r")  # Enter on an empty field says what it wants instead of skipping
    child.expect_exact("请输入数字；不填请输入 s 跳过")
    child.send("?\r")
    child.expect_exact("按键说明")
    wait_prompt(child, "本年：")
    child.send("q\r")
    finish(child)


def test_contents_and_at(draft_path):
    child = spawn(draft_path)
    wait_prompt(child, "本年：")
    child.send("m\r")
    child.expect_exact("一、 主要工作情况（文字待办7/7，数字待填7/7）")
    wait_prompt(child, "按编号跳转")
    child.send("\x1b[A\x1b[A\r")  # up from the first entry wraps to 返回, then 按编号跳转
    wait_prompt(child, "编号：")
    child.send("F005\r")
    child.expect_exact("── 数字 5/9")
    wait_prompt(child, "本年：")
    child.send("q\r")
    finish(child)

    child = spawn(draft_path, "--at", "measures.1")
    child.expect_exact("一、（一） 着力增强法治思维意识")
    wait_prompt(child, "请选择")
    child.send("m")  # the contents from a menu, by its key
    wait_prompt(child, "目录：选择要去的部分、项或数字")
    child.send("\r")  # 开头 comes first, as in the document; it has figures and its text
    wait_prompt(child, "○ 开头")
    child.send("j\r")
    child.expect_exact("── 文字")
    child.expect_exact("开头")
    wait_prompt(child, "请选择")
    child.send("\x1b[A\r")  # 保存退出
    finish(child)

    child = spawn(draft_path, "--at", "measures.99")
    child.expect_exact("没有编号为“measures.99”的数字或项")
    finish(child, 2)


def test_group_skip_delete_needs_yes_refused_text_reopens_and_merge(draft_path):
    save_report(_fill_figures(draft_path), draft_path, force=True)
    child = spawn(draft_path, "--at", "measures.3")
    child.expect_exact("一、（三） 深入学习贯彻习近平法治思想")
    wait_prompt(child, "请选择")
    child.send("jjjj\r")  # 跳过整组: past its sub-items
    child.expect_exact("一、（四） 健全依法行政制度体系")
    wait_prompt(child, "请选择")
    child.send("jj\r")  # 删除整组
    wait_prompt(child, "确定删除“一、（四） 健全依法行政制度体系”及其下 2 个小项？")
    child.send("n")
    child.expect_exact("一、（四） 健全依法行政制度体系")
    wait_prompt(child, "请选择")
    child.send("b")  # 上一项, by its key: back into the group that was skipped
    child.expect_exact("一、（三）1. 深入学习贯彻习近平法治思想")
    wait_prompt(child, "请选择")
    child.send("j\r")  # 改写
    wait_prompt(child, "按 Esc 再按 Enter 保存")
    child.send("\x15" + "全年开展述法{F999}。\x1b\r")
    child.expect_exact("未保存")
    child.expect_exact("按 Esc 再按 Enter 保存")
    wait_prompt(child, "全年开展述法{F999}。")  # the editor reopens with what was typed
    # Meanwhile another process fills a figure: the wizard's save must keep it.
    other = load_report(draft_path)
    other.figure("F002").value = 777
    save_report(other, draft_path, force=True)
    child.send("\x15" + "全年开展述法{F003}。\x1b\r")
    child.expect_exact("已读入新的版本，并把本次的答案加在上面保存")
    wait_prompt(child, "请选择")
    child.send("q")  # 保存退出, by its key
    finish(child)
    draft = load_report(draft_path)
    assert draft.figure("F002").value == 777
    assert draft.find("measures.3.1").paragraphs == ["全年开展述法{F003}。"]
    assert draft.find("measures.4") is not None


def test_document_number_example_is_the_drafts_own_region(tmp_path):
    from helpers import make_draft

    from drafter.cli.wizard import Wizard

    path = tmp_path / "tongzhou.yaml"
    draft = make_draft("tongzhou")
    assert Wizard(draft, path, save_report(draft, path)).doc_number_example() == "通政发〔2025〕3号"


def test_end_summary_counts_the_texts_progress_counts():
    from helpers import make_draft

    from drafter.cli.wizard_nav import summary
    from drafter.draft.pipeline import progress

    draft = make_draft("heqing")  # eight groups of kept items have no words of their own: no texts
    assert progress(draft) == "待填数字 25 个，待写 10 项，沿用上年待确认 35 项"
    assert "尚未完成的文字（45 项）：" in summary(draft)
