"""What the parser recognises in a report's structure: its title and the lines around it, places and
years for its metadata, heading numbers, and the words that name the five parts."""

from __future__ import annotations

import re

_CN = "一二三四五六七八九十"

# ---------------------------------------------------------------- frame

# The title names the genre: a report (报告/情况) on rule of law (法治政府建设, 依法行政, 依法治市…).
TITLE_TOPIC_RE = re.compile(r"法治|依法行政|依法治")
TITLE_KIND_RE = re.compile(r"报告|情况|总结")
SENTENCE_END_RE = re.compile(r"[。；;！!？?]")
NUMBERED_RE = re.compile(r"^([一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．])")
# Lines under the title of a report made to a people's congress or dated there:
# （2024年1月18日） / ——2024年2月22日在…人民代表大会常务委员会第…次会议上
DATED_LINE_RE = re.compile(r"^[（(]\s*(?:19|20|21)\d{2}\s*年[^（）()]{0,12}日\s*[)）]$")
SUBTITLE_RE = re.compile(r"^[—－\-]{1,2}\s*\S")
# The speaker's line under such a subtitle: organ, post, name (宁德市人民政府副市长 林某某)
SPEAKER_RE = re.compile(r"^(\S+?)副?(?:省长|市长|县长|区长|州长|旗长|盟长|镇长|乡长|局长|厅长|主任|秘书长)(?:\s|$)")
CLAUSE_MARK_RE = re.compile(r"[，,。；;：:、！？!?]")

# ---------------------------------------------------------------- meta

_ADMIN_SUFFIX = r"(?:特别行政区|自治区|自治州|自治县|自治旗|新区|林区|省|市|区|县|州|旗|盟|街道|镇|乡)"
PLACE_RE = re.compile(rf"^[\u4e00-\u9fff]{{2,}}?{_ADMIN_SUFFIX}$")
# Words shaped like place names that name something else: 开发区, 示范市, 新城区 (全市, 我县 are too short).
NOT_PLACE_RE = re.compile(
    r"(开发|示范|试验|保护|风景|自贸|高新|功能|产业|工业|农业|经济|集聚|先行|先导|直辖|地级|县级|省辖|单列|贫困|百强|重点|"
    r"新城|老城|主城|中心城|城乡|大城|小城|园|中心|依法治|法治)" + _ADMIN_SUFFIX + "$"
)
ORGAN_WORD_RE = re.compile("委|府|党|人民")  # in an organ's name, not a place's
ORGAN_TAIL_RE = re.compile(r"(人民政府|政府|人民代表大会|委员会|行政公署)$")
PARTY_COMMITTEE_RE = re.compile(r"^[省市县区州旗盟]委$")
BOOK_TITLE_RE = re.compile(r"《[^》]*》")
YEAR_RE = re.compile(r"((?:19|20|21)\d{2})\s*年")
# Where a preamble names the year reported on, surest first: 现将2019年度…报告如下, 2019年度, any year.
LEAD_YEAR_RES = (re.compile(r"现将\D{0,6}((?:19|20|21)\d{2})\s*年"), re.compile(r"((?:19|20|21)\d{2})\s*年度"), YEAR_RE)
GOVERNMENT_RE = re.compile(r"^(\S+?人民政府)")
# A development zone and its 管委会, the province and city often in front: 辽宁省营口市营口经济技术开发区管委会
ZONE_RE = re.compile(
    r"([\u4e00-\u9fff]{2,30}?(?:经济技术开发区|高新技术产业开发区|经济开发区|高新区|开发区|工业园区|产业园区|新区))"
    r"(管委会|管理委员会)"
)

# ---------------------------------------------------------------- outline

# 一是 opens an enumerated point only if words follow (not 一是一、二是二 or 一是，)
_SHI_NEXT = rf"(?![，,、：:；;。是]|[{_CN}][、，,。])"
# Marker patterns at the start of a paragraph, each with its style name. Order matters: the
# bracketed forms before the bare ones.
MARKERS = [
    ("paren_cn", re.compile(rf"^[（(]\s*([{_CN}]{{1,3}})\s*[）)]\s*")),
    ("paren_num", re.compile(r"^[（(]\s*(\d{1,2})\s*[）)]\s*")),
    ("cn", re.compile(rf"^([{_CN}]{{1,3}})\s*[、．.]\s*")),
    # 1. 1、 1． but not 1.12亿元, 2023年 or 3.15
    ("num", re.compile(r"^(\d{1,2})\s*(?:[、．]|\.(?!\d))\s*")),
    ("circled", re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*")),
    # 第一部分 / 第一，but not 第一责任人 or 第二次会议
    ("di", re.compile(rf"^第([{_CN}]{{1,3}})(?:部分|篇|章)?(?:(?<=[分篇章])\s*[、，,：:．.]?|\s*[、，,：:．.])\s*")),
    ("shi", re.compile(rf"^([{_CN}]{{1,3}})是{_SHI_NEXT}")),
]
# Where an inline 一是/二是 may start: paragraph start or right after a sentence or clause end.
INLINE_SHI_RE = re.compile(rf"(?:^|(?<=[。；;：:！!？?]))\s*([{_CN}]{{1,3}})是{_SHI_NEXT}")
SENTENCE_END = "。；;！!？?"
# 强化组织保障：成立领导小组… — a short lead closed by a colon.
COLON_LEAD_RE = re.compile(r"([^，,：:。；;]{2,20})[：:]\s*(\S.*)", re.S)
# Words that make a clause a statement rather than a run-in heading.
STATEMENT_RE = re.compile(r"了|我|但|虽|同时|此外|另外|总之|今年|去年|一年来|全年|目前|如下|以来")
DATE_OR_NUMBER_RE = re.compile(r"[\d\s年月日.\-/—()（）]+")  # a line of only these is a date or a label
HAN_RE = re.compile(r"[\u4e00-\u9fff]")

# ---------------------------------------------------------------- classify

# Keyword -> weight, per part. Two-character words match jieba tokens (a token, a compound ending
# with it such as 工作思路, or tokens jieba cut apart such as 下|步); longer phrases match the text.
KEYWORDS = {
    "measures": {"举措": 4, "成效": 4, "主要工作": 3, "工作情况": 3, "开展情况": 3, "做法": 3, "成绩": 3,
                 "进展": 2, "总结": 3, "情况": 1, "完成情况": 3, "推进情况": 2,
                 # lead sentences over the year's work: 一年来，我区主要做了以下工作
                 "一年来": 3, "今年以来": 3, "做了": 3, "基本情况": 3, "总体情况": 3, "回顾": 3, "亮点": 3},
    "shortcomings": {"不足": 4, "问题": 2, "存在": 1, "差距": 3, "短板": 3, "原因": 2, "薄弱": 2, "困难": 2, "弱项": 3,
                     "存在的问题": 2, "存在问题": 2, "主要问题": 2, "不足之处": 4, "挑战": 2},
    "duties": {"第一责任人": 6, "主要负责人": 3, "述法": 2, "履行": 1, "履职": 1, "职责": 1},
    "plan": {"下一年度": 5, "下一步": 5, "下步": 5, "下阶段": 5, "明年": 4, "今后": 4, "安排": 3, "思路": 3, "打算": 4,
             "计划": 3, "展望": 3, "努力方向": 3, "工作重点": 2, "重点工作": 2, "目标任务": 2},
    "other": {"其他": 5, "其它": 5, "需要报告": 3},
}
HEADING_YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
# A sentence saying what is still lacking (虽然…但…存在…不足 / 还存在…问题).
_SHORT_NOUN = r"(?:不足|差距|问题|短板|薄弱|弱项|欠缺|不够|有待)"
SHORTCOMING_RE = re.compile(
    rf"(?:(?:虽然|虽|尽管).{{0,60}}(?:但|然而).{{0,80}}{_SHORT_NOUN})"
    rf"|(?:(?:还|仍|仍然|依然|尚|也)(?:存在|有).{{0,120}}{_SHORT_NOUN})"
    rf"|(?:{_SHORT_NOUN}(?:主要)?(?:表现在|体现在))"
)
# A sentence opening the next steps (下一步，我们将… / 2024年，我市将…).
PLAN_START_RE = re.compile(
    r"^(?:下一步|下步|下阶段|今后|明年|新的一年|(?:19|20)\d{2}\s*年(?:度)?)[，,]?.{0,12}?将"
    r"|^(?:下一步|下步|下阶段)"
    r"|^(?:我们|我市|我区|我县|我局|全市|全区|全县)(?:将|要)"
)
SENTENCE_RE = re.compile(r".+?(?:[。！!？?][”’」』]?|$)", re.S)
