"""What the wizard says and what it understands: command words, menu entries, hints."""

from __future__ import annotations

# Typed instead of a figure.
SKIP, BACK, QUIT = ("s", "跳过"), ("b", "上一项"), ("q", "退出")

FIGURES_INTRO = "逐项填写本年度数字。输入 s 跳过，b 回到上一项，q 保存退出；每答一项即保存。"
TEXTS_INTRO = "\n逐项确认或改写文字：上年参考的文字可保留、改写或删除；待写的请填写。"
EDIT_HINT = "请输入文字，每段一行（回车换行）；输完按 Esc 再按 Enter 保存。"
SELECT_HINT = "（方向键选择，回车确认）"
PLACEHOLDER_HINT = "文字中的 {F012} 等是数字占位符，会换成本年度填报的数字；请保留或删去，勿改编号。"
PREAMBLE_NAME = "开头"

# The text menu: entry -> what it does, in the order shown.
KEEP_GROUP = "保留整组上年表述（含 {count} 个小项）"
EACH_SUB = "逐个小项处理"
KEEP = "保留上年表述"
REWRITE = "改写"
WRITE = "填写"
DROP = "删除此项"
DROP_GROUP = "删除整组"
ADD = "新增一项（加在本部分末尾）"
SKIP_TEXT = "跳过"
PREVIOUS = "上一项"
SAVE_QUIT = "保存退出"
