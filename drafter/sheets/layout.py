"""The columns of the 填报表 both the export writes and the reader finds by their headings."""

from __future__ import annotations

FIGURES_SHEET = "数字"
TEXTS_SHEET = "文字"

ID = "编号"
PLACE = "位置"
LABEL = "指标"
UNIT = "单位"
PRIOR = "上年数值"
VALUE = "本年数值"
CONFIRM = "确认无误"
YES = "是"  # what a department types in 确认无误
NOTE = "填报单位/说明"
SENTENCE = "上年原句"
PROMPT = "要求"
REFERENCE = "上年参考"
TEXT = "本年文字"

PREAMBLE_PROMPT = "沿用上年的开头（年份已推进），请改写为本年度的情况"

FIGURE_COLUMNS = (ID, PLACE, LABEL, UNIT, PRIOR, VALUE, CONFIRM, NOTE, SENTENCE)
TEXT_COLUMNS = (ID, PLACE, PROMPT, REFERENCE, TEXT, NOTE)
# The only cells a department may edit.
ANSWER_COLUMNS = (VALUE, CONFIRM, NOTE, TEXT)
WIDTHS = {ID: 10, PLACE: 36, LABEL: 28, UNIT: 8, PRIOR: 12, VALUE: 14, CONFIRM: 10, NOTE: 18, SENTENCE: 70,
          PROMPT: 40, REFERENCE: 70, TEXT: 70}
