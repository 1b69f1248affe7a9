"""The words and patterns figure extraction knows: what is no figure,
and the words a label is built from or trimmed of."""

from __future__ import annotations

import re

# ---------------------------------------------------------------- numbers (the lexer: drafter.text.quantities)

# A unit character that is really the start of a word (3部门, 2条例, 5期间, 2人民…): not a figure.
UNIT_WORDS = ("部门", "部署", "部分", "条例", "条件", "期间", "期限", "人民", "人员", "家庭", "家长", "名单", "名称",
              "次日", "份额", "批准", "批复", "所有", "所属", "处理", "处罚", "起诉", "起草", "户籍", "户口", "本级",
              "支持", "支部", "支队", "台账", "座谈", "套餐", "类型", "类别", "种类", "位于", "元旦", "天然", "场所",
              "场地", "项目", "元素", "倍增", "家属", "名义", "人口", "条款", "场景", "本人", "本地", "本部", "台阶",
              "种植", "位置", "支出", "起点", "笔录", "宗教", "部委", "处置", "处室", "期工", "期项")
# Fixed phrases whose numbers are names, not counts.
IDIOMS = ("三项制度", "四个全面", "四个意识", "四个自信", "两个维护", "两个确立", "三个代表", "四个亲自", "三位一体",
          "四位一体", "五位一体", "三番五次", "千家万户", "两个责任", "三个务必", "两个务必", "两个毫不动摇", "两条线",
          "八项规定", "六项禁令", "两个一百年", "两个结合", "十个明确", "十四个坚持", "四个不两直", "一庭两所", "两所一庭",
          "三所联动", "三所一庭", "五个一工程")
IDIOMS_RE = re.compile("|".join(map(re.escape, sorted(IDIOMS, key=len, reverse=True))))
QUOTES = {"“": "”", "‘": "’", "《": "》", "「": "」", "『": "』", "〈": "〉"}
PLACE_ENDS = set("山河渠湖岛江峡")
_ALL_DIGITS = "0123456789０１２３４５６７８９"
NOT_BEFORE = set(f"{_ALL_DIGITS}.．-—–~～/*×+_#·•第届") | set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
NOT_AFTER = set(f"{_ALL_DIGITS}-—–~～/*×_#·•") | set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
SENTENCE_END_RE = re.compile(r"[。！？；!?;][”’」』]*")
CLAUSE_STOPS = set("，,；;：:。！？!?")
ONE_OF_RE = re.compile(r"[^，,；;：:。！？!?、\d]{1,12}之一")  # 两个地市级城市之一: membership, not a count
ENUM_ENDS = ("、", "和", "及", "与", "或", "以及")
PREPOSITIONS = {"在", "对", "向", "从", "给", "把", "将", "于", "由", "作为", "为"}
MODIFIERS = {"相关", "有关", "涉诉", "涉企", "涉案"}
LEAD_PREFIXES = ("市本级", "区本级", "县本级", "全市", "全区", "全县", "全年")
JOINERS = ("和", "及", "与", "或", "以及", "、")
POST_STOPS = {"共", "共计", "累计", "总计", "合计", "其中", "共有", "一共", "已", "均", "全部", "都", "分别", "的", "等",
              "了", "被", "将", "在", "对", "为", "向", "从", "由", "给", "把", "中", "内", "上"}
# Verbs that are part of nouns in this genre (执法部门, 调解工作室, 行政复议决定).
NOMINAL_VERBS = {"执法", "监督", "审批", "管理", "服务", "调解", "执行", "审计", "检察", "监管", "监测", "应急", "救援",
                 "公证", "仲裁", "诉讼", "复议", "审查", "备案", "培训", "考试", "评估", "投诉", "举报", "咨询",
                 "维权", "登记", "许可", "处罚", "检查", "巡查", "整治", "防控", "防治", "抢险", "治理", "普法", "宣传",
                 "决策", "决定", "评查", "要求", "授权", "委托", "试点", "建设", "改革", "指导", "援助", "应诉", "储备",
                 "协调", "联络", "调查", "立法", "备案审查", "组织", "审核"}

# Words that carry no meaning for the label where they lead or close the clause.
LEAD_FILLERS = {"全市", "全区", "全县", "全省", "全州", "全镇", "全国", "全年", "年内", "年度", "本年度", "今年", "当年",
                "已", "已经", "达", "达到", "有", "先后", "共", "共计", "累计", "总计", "合计", "其中", "目前",
                "同时", "此外", "另外", "还", "并", "又", "均", "分别", "推动", "进一步",
                "全力", "持续", "一共", "共有", "现有", "截至", "截止", "当前", "全部", "了", "再", "更",
                "市本级", "区本级", "县本级", "本级", "已有", "以内", "以下", "以上", "全面", "将", "把", "力争"}
TRAIL_FILLERS = {"达", "达到", "为", "均为", "均达", "均达到", "是", "有", "共", "共计", "累计", "总计", "合计", "已",
                 "了", "计", "分别", "分别为", "分别达", "均", "等等", "的", "约", "达至", "高达", "仅", "只有",
                 "共有", "其中", "全部", "由", "从"}
GONG_WORDS = {"共享", "共建", "共同", "共治", "共商", "共识", "共产党", "共青团", "共性", "共用", "共赢", "共担", "共筑",
              "共育", "共创", "共生", "共济", "共进", "共谋", "共管", "共和国", "共同体", "共享性"}
SPLIT_WORDS = {"共", "共计", "累计", "总计", "合计", "其中", "共有", "一共"}
# 同比增长23.7%, 较上年下降5%: a change of the figure before it (years are already cut from labels).
GROWTH_RE = re.compile(r"^(?:同比|环比|[比较](?:上年|去年|上一年)?(?=[增减上下提降缩]))")
PEOPLE_UNITS = ("人", "名", "人次")
RATE_UNITS = ("%", "个百分点", "百分点")

# ---------------------------------------------------------------- labels

QUOTED_RE = re.compile(r"《[^《》]*》|“[^“”]*”")
# Time phrases are not what is counted, and a label must still fit next year (自成立以来, 截至2023年底).
TIMES_RE = re.compile(r"自[^，,；;。]{0,12}?以来|截[至止][^，,；;。]{0,12}?(?:底|末|止)|[上下]半年|第?[一二三四]季度"
                      r"|近[一二三两四五六七八九十\d]+年来?"
                      r"|(?:(?:19|20)\d{2}\s*[-—–至]\s*)?(?:19|20)\d{2}\s*年度?(?:以来)?|\d{1,2}月(?:\d{1,2}日)?(?:以来)?|以来")
# A label's dangling end: 由8.5%下降至 -> 由…下降, 败诉率为 -> 败诉率.
DANGLING_TO_RE = re.compile(r"(?<=..)[至到由从](的?)$")
# 败诉率降至4.9%, 分值占比提高到5%: the figure is the rate itself, not its change.
RATE_TO_RE = re.compile(r"(?<=[率比重例])(?:下降|降低|提高|提升|上升|增长|增加|减少|压缩|降|升|增)[至到]$")
DANGLING_IS_RE = re.compile(r"(?<=[率数量比值额])(?:为|达|是)$")
COMPARED_RE = re.compile(r"^[比较](?=[增减上下提降缩])")  # 较(2022年)增长 -> 增长
WORD_START_RE = re.compile(r"[\w“《]")  # a token a label may begin with
WORD_END_RE = re.compile(r"[\w”》)）]")  # a token a label may end with
NUMBER_WORD_RE = re.compile(r"[0-9一二两三四五六七八九十]")
CLOSING_NOUNS = {"申请"}  # verbs that are the head noun where they close a noun phrase (行政复议申请)
ASPECT_PARTICLES = ("ul", "uz", "ug", "uguo")  # jieba's tags of 了, 着, 过
HAN_RE = re.compile(r"[\u4e00-\u9fff]")
# A counted noun that is only a place or an aspect (9个乡镇, 8个园区, 10个方面) says where or in what
# something is, not what: its label takes the clause's verb phrase or the thing it belongs to.
BARE_PLACE_RE = re.compile(r"^(?:市直|区直|县直|省直|市级|区级|县级|镇级|乡级|村级|各)?"
                           r"(?:乡镇|街道|镇街|村居|(?:行政)?村(?:（社区）)?|社区|园区|部门|单位|城市|县（市）区|县（市、区）|县区"
                           r"|(?:乡镇|镇)政府|街道办事处|(?:乡镇|镇)（街道）)$")
BARE_ASPECT_RE = re.compile(r"^(?:方面|领域|环节)$")
# Verbs by which a made thing takes in places (述法清单涵盖8个园区): the thing is named in the clause before.
COVER_VERBS = ("涵盖", "覆盖", "包括", "包含")
# Verbs by which places are taken into a scheme (纳入19个部门): the scheme is named where the sentence opens.
INTO_VERBS = ("纳入", "接入", "入驻", "进驻")
LOCATIVES = ("中", "内")  # 在344个城市…评估中: the place is counted within what comes before these
TOPIC_LIMIT = 8  # characters of the earlier clause's object a covering label keeps
TAIL_LIMIT = 14  # characters of a clause's closing verb phrase a place label keeps
