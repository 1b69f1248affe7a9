"""What the wizard says and what it understands: command words, menu entries, hints."""

from __future__ import annotations

# Typed at a figure or a date prompt instead of an answer; in a menu, ? and m are keys.
SKIP, BACK, QUIT = ("s", "跳过"), ("b", "上一项"), ("q", "退出")
CONTENTS, HELP = ("m", "目录"), ("?", "？", "帮助")
COMMANDS = SKIP + BACK + QUIT + CONTENTS + HELP

FIGURES_INTRO = "逐项填写本年度数字。s 跳过，b 上一项，m 目录，? 帮助，q 保存退出；每答一项即保存。"
TEXTS_INTRO = "\n逐项确认或改写文字：上年参考的文字可保留、改写或删除；待写的请填写。"
RESUME = "上次停在 {name}，从这里继续。"
EDIT_HINT = "请输入文字，每段一行（回车换行）；输完按 Esc 再按 Enter 保存；不输入任何文字则不作修改。"
SELECT_HINT = "（方向键选择，回车确认；s 跳过 b 上一项 m 目录 q 退出 ? 帮助）"
PLACEHOLDER_HINT = "文字中的 {F012} 等是数字占位符（含单位，如“71件”），会换成本年度填报的数字；请保留或删去，勿改编号。"
META_NAME = "成文日期、发文字号、签发人"
FIRST = "已是第一项。"
NEED_VALUE = "请输入数字；不填请输入 s 跳过，? 查看帮助"
KEEP_VALUE = "（回车保留 {value}）"
MERGED = "草稿已被其他程序或窗口修改：已读入新的版本，并把本次的答案加在上面保存。"
GONE = "草稿已被其他程序或窗口修改，且{what}已不在其中：本次的答案未保存，已读入新的版本。"
REFUSED_TEXT = "未保存：{error}。请改正后再保存（不输入任何文字则放弃修改）。"

HELP_TEXT = """按键说明
  数字、日期、文号：直接输入后回车。已有数值时回车保留原值。
    s 跳过（到下一个未完成的一项）  b 上一项  m 目录（跳到任一部分、项或数字）
    q 保存退出  ? 本帮助
  数字可写 约120、4500余、1.5万、0.85亿（“万”“亿”按单位换算，如 0.85亿 填万元即 8500）。
  与上年相差 5 倍以上（或不到五分之一）时会请您确认。
  文字菜单：方向键选择，回车确认；也可直接按 s、b、m、q、?。文字编辑：Esc 再按 Enter 保存。
  每答一项即保存；Ctrl-C 中断不丢已答内容，再次运行从停下的地方继续。"""

# The text menu: entry -> what it does, in the order shown.
KEEP_GROUP = "保留整组上年表述（含 {count} 个小项）"
EACH_SUB = "逐个小项处理"
KEEP = "保留上年表述"
KEEP_DONE = "保留现有文字（已完成）"
REWRITE = "改写"
WRITE = "填写"
DROP = "删除此项"
DROP_GROUP = "删除整组"
ADD = "新增一项（加在本部分末尾）"
SKIP_TEXT = "跳过"
SKIP_GROUP = "跳过整组"
PREVIOUS = "上一项"
MENU_CONTENTS = "目录"
SAVE_QUIT = "保存退出"
CONFIRM_DROP = "确定删除“{name}”{extra}？删除后不能在向导中恢复"

# The contents.
CONTENTS_TITLE = "目录：选择要去的部分、项或数字"
CONTENTS_HINT = "（方向键选择，回车确认；○ 未完成，✓ 已完成）"
BY_ID = "按编号跳转（如 F012、measures.3.1）"
BY_ID_PROMPT = "编号："
BACK_TO_WORK = "返回"
PART_FIGURES = "本部分的数字（待填 {open}/{total}）"
OTHER_FIGURES = "其余数字（待填 {open}/{total}）"
UNKNOWN_ID = "没有编号为“{key}”的数字或项；数字编号形如 F012，项的编号见草稿中的 id（如 measures.3.1）"
