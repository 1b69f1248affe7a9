"""The words and patterns `drafter check` looks for, apart from the checks that use them."""

from __future__ import annotations

import re

from drafter.vocab import PREAMBLE_NAME

# Places outside the five parts (vocab.PART names those).
TITLE, CLOSING, WHOLE, FIGURE = "报告标题", "结尾", "全文", "数字"
PREAMBLE = PREAMBLE_NAME

# ------------------------------------------------------------------ markers left in text

# What clerks type for a number or name still unknown: XX件, ××单位, 某某.
BLANK_RE = re.compile(r"[XＸ×xｘ]{2,}|某某|＊{2,}|\*{2,}|□{2,}|○{2,}|_{3,}|＿{2,}")
# A 待填 mark without its colon (【待填】, 【待填 】), wherever it stands.
BARE_TODO_RE = re.compile(r"【\s*待填\s*】")
# A value that stays the same by nature: a full rate, a count of a region's divisions, a required minimum.
FIXED_LABEL_RE = re.compile(r"(?:县[（(]市[）)]区|县[（(]区[）)]|县区|县市区|乡镇|乡[（(]镇[）)]|街道|村[（(]社区[）)]|园区)(?:政府)?$")
REQUIRED_APPROX = ("不少于", "不低于")
# The renderer's mark before last year's text kept for the clerk to confirm.
REFERENCE_MARK_RE = re.compile(r"【上年参考[^】]*】")
# 【待填：审核规范性文件（2023年：71件）】 is an unfilled figure, not text still to write.
FIGURE_MARKER_RE = re.compile(r"（(?:\d{4}年|上年)：[^（）]*）】$")
LATIN_RE = re.compile(r"[A-Za-z]")

# ------------------------------------------------------------------ last year left in

# Words before or after a year that show it is named as the past, not reported as this year.
REFER_BEFORE = re.compile(r"(较|比|与|同|和|相较于?|相比于?|对比|自|从|继)\s*$")
REFER_AFTER = re.compile(r"^(?:年度?)?(?:同期|全年|底|末|初)?\s*(?:以来|来|起|开始|相比|比较|同比|水平|基础上|的基础上)")
RANGE_BEFORE = re.compile(r"\d{4}\s*年?\s*[—–\-~～至到]\s*$")
RANGE_AFTER = re.compile(r"^\s*(?:年度?)?\s*[—–\-~～至到]\s*\d{4}")
CLAUSE_REFERS = re.compile(r"相比|同比|对比|相较|以来|环比")
# Last year assessed, or its accounts (2019年度部门决算) published this year.
ASSESSED = re.compile(r"^年度.{0,20}?(考核|考评|评估|评议|评选|表彰|测评|评价|验收|督察|决算)")
CLAUSE_STOPS = "，,。；;！!？?\n"
CLAUSE_SPLIT = re.compile(f"[{CLAUSE_STOPS}]")
SENTENCE_STOPS = "。！？!?\n"
QUOTES = ("《》", "“”", "〈〉")

# ------------------------------------------------------------------ numbers in the text

# A number right after a digit, a point or a Latin letter is part of something else (V2.0, 3.12.5): no count.
NOT_BEFORE_NUMBER = set("0123456789.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
LABEL_STOP = "，,。；;：:、！!？?\n（）()"
SENTENCE_END_CHARS = "。！？!?"
SENTENCE_END = re.compile(r"[。！？!?]")
FULLWIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
FILLER = re.compile(r"其中|全年|今年|年内|共计|合计|总计|累计|共|全市|全区|全县|全省|各级|先后|依法|已经|已|还|并|同时|另有|另|均|分别|"
                    r"达到|达|为|了|有|办理|各类")
GENERIC = re.compile(r"案件|申请|案|事项|数量|数")
DELTA = re.compile(r"增长|增加|减少|下降|上升|提高|提升|同比|环比|增幅|降幅|缩短|压缩|节约|节省|多出|超出|高出|翻|较上年|比上年")
NEGATION = re.compile(r"不予|未|尚未|没有|驳回|不属于")
ACCEPT = ("受理", "新收", "收案", "立案", "收到", "排查")
CLOSE = ("审结", "办结", "结案", "化解", "调解成功", "成功调解", "调处成功", "成功调处")
BACKLOG = re.compile(r"旧存|结转|上年|存量|历年|积案|往年")
CASE_UNITS = {"件", "起", "宗", "件次", "个"}
POINTS = "个百分点"
# A rate: its names, the words of its numerator counts and of its denominator counts.
RATE_RULES = (
    (("结案率", "审结率", "办结率"), ("审结", "办结", "结案"), ACCEPT),
    (("化解率", "调解成功率", "调处成功率", "调解率", "成功率"),
     ("化解", "调解成功", "成功调解", "调处成功", "成功调处", "调解"),
     ACCEPT + ("审结", "办结", "结案", "调处", "调解纠纷", "排查纠纷")),
    (("纠错率",), ("纠错", "撤销", "变更", "确认违法"), ("审结", "办结", "结案")),
    (("败诉率",), ("败诉",), ("审结", "结案", "判决", "应诉", "办结")),
    (("出庭应诉率", "出庭率"), ("出庭",), ("应诉", "开庭", "应出庭")),
)
# Rates whose numerator is the sum of its kinds: 纠错率 = (撤销 + 变更 + 确认违法) ÷ 审结.
SUMMED_RATES = {"纠错率": "纠错"}
RATE_NAME = re.compile(r"([\u4e00-\u9fff]{0,6}率)(?:[\u4e00-\u9fff]{0,4})$")
SHARE = re.compile(r"率|占比|比例|比重|覆盖|满意度|知晓|参与度|占")
NOT_SHARE = re.compile(r"完成|超额|增长率|增速")
NOT_ONE_VALUE = re.compile(r"其中|分别|以上|以下|累计")  # a label that does not name one quantity
HAN_RE = re.compile(r"[\u4e00-\u9fff]")
# A label this short names its quantity only with the words after the number (办理115起行政复议案件).
SHORT_LABEL = 6
AFTER_MIN = 4
# ------------------------------------------------------------------ sums

# The parts of a total: 全年开展培训12场，其中线上5场、线下4场.
PARTS_LEAD = re.compile(r"^[，,]?\s*(?:其中|包括|含)[：:，,]?")
PARTS_SEPARATORS = "、，,和及与"

# ------------------------------------------------------------------ copied text

WORD_RE = re.compile(r"[\u4e00-\u9fffA-Za-z]")
DIGIT_RE = re.compile(r"\d")
NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
YEAR_NUMBER_RE = re.compile(r"(?:19|20)\d{2}")
ITEM_NUMBER_RE = re.compile(r"^\s*[（(]?\d{1,2}\s*[)）.．、]")

# ------------------------------------------------------------------ dates

# An event's date in the text: 2025年3月, 2025年3月18日.
EVENT_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
# Who reports by when (法治政府建设与责任落实督察工作规定): a government by 1 April, its departments by 1 March.
GOVERNMENT_RE = re.compile(r"人民政府$|政府$")
GOVERNMENT_DEADLINE, DEPARTMENT_DEADLINE = (4, 1), (3, 1)

# ------------------------------------------------------------------ other localities

# A clause naming another place on purpose: cooperation, learning from it, a case from there.
PARTNER_RE = re.compile(r"与|同|和|及|联合|合作|协作|协同|对口|结对|借鉴|学习|考察|交流|毗邻|接壤|相邻|周边|跨|赴|来自|等地|之间|异地|省外|外地")

# ------------------------------------------------------------------ a .docx

# GB/T 9704-2012 faces and the names Word and WPS know them by; the built-in template's names join them.
FACES = {
    "仿宋": ("仿宋_GB2312", "仿宋", "FangSong", "FangSong_GB2312", "方正仿宋_GBK", "方正仿宋简体"),
    "黑体": ("黑体", "SimHei", "方正黑体_GBK", "方正黑体简体"),
    "楷体": ("楷体_GB2312", "楷体", "KaiTi", "KaiTi_GB2312", "方正楷体_GBK", "方正楷体简体"),
    "小标宋": ("方正小标宋简体", "方正小标宋_GBK", "小标宋", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong"),
}
BODY_HALF_POINTS = 32  # 三号 16 pt
TITLE_HALF_POINTS = 44  # 二号 22 pt
H1_RE = re.compile(r"^\s*[一二三四五六七八九十]+、")
H2_RE = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]")
CJK_RE = re.compile(r"[\u3400-\u9fff]")
TYPED_INDENT_RE = re.compile(r"^(　{2}| {4})")
HEADING_STYLE_RE = re.compile(r"(?:heading|标题)\s*(\d)", re.I)
# A numbered paragraph that goes on with its text (（四）【待填…】, (一)…。一是…) is body text, not a heading.
RUNS_ON_RE = re.compile(r"[。；【]")
# The face family each style of the built-in template stands for.
TEMPLATE_ROLES = {"Normal": "仿宋", "Heading 1": "黑体", "Heading 2": "楷体", "Title": "小标宋"}
KIND_NAMES = {"title": "标题", "h1": "一级标题", "h2": "二级标题", "attachment": "附件标识", "recipient": "主送机关",
              "closing": "署名和日期", "centered": "居中行", "banner": "版头"}
# Styles of the built-in template (and Word's Title) that say what a paragraph is.
# The 版头 (发文机关标志 and the 文号/签发人 line) has its own faces, sizes and colour (GB/T 9704 7.2).
ROLE_STYLES = {"Title": "title", "标题": "title", "发文机关标志": "banner", "发文字号": "banner", "主送机关": "recipient",
               "发文机关署名": "closing", "成文日期": "closing", "附件标识": "attachment"}
DOC_NUMBER_RE = re.compile(r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号$")
ATTACHMENT_MARK_RE = re.compile(r"附件\s*\d*")  # the 附件 mark atop an attachment, 黑体
RECIPIENT_END_RE = re.compile(r"[：:]$")
YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
REPORT_WORDS_RE = re.compile(r"法治|依法行政|报告")
CLOSING_START = "特此报告"
# Measures and shortcomings often mention 第一责任人 in passing; a lead phrase on it is the part.
DUTIES_LEAD_RE = re.compile(r"第一责任人|主要负责人.{0,6}履")
LEAD_END_RE = re.compile(r"[。；]")

# ------------------------------------------------------------------ the listing

# A clause that sets a number against last year's (由5512项增至6064项, 较上年的5512项): it may quote
# last year's value on purpose.
COMPARED_RE = re.compile(r"[由从](?:上年|去年|上一年|\d{4}年)?的?\s*[\d一二两三四五六七八九十百千万]"
                         r"|[较比](?:上年|去年|上一年|同期|\d{4}年)|相比|同比"
                         r"|[增降减升提][至到]|(?:增加|减少|提高|下降|上升|降低)[至到]")

GROUPS = (
    ("缺项与未填", ("missing_part", "unfilled_figure", "unfilled_text", "unknown_placeholder")),
    ("沿用上年", ("reference_unconfirmed", "prior_year", "prior_figure", "same_as_prior", "copied_paragraph")),
    ("数字矛盾", ("closed_exceeds_accepted", "rate_mismatch", "percent_over_100", "conflicting_values", "sum_mismatch",
                  "implausible_change")),
    ("日期与年度", ("date_out_of_range", "late_date", "future_event", "plan_year")),
    ("其他地方", ("other_locality",)),
    ("纲要领域覆盖", ("uncovered_area",)),
    ("版式", ("docx_font", "docx_indent")),
)
