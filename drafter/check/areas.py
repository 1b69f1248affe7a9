"""The areas of the national outline 法治政府建设实施纲要（2021—2025年）and the words reports use for each.

`drafter check` maps the measures of a report to these areas and reports an area no measure
touches. The words come from how the genre writes about each area; a word may serve two areas.
"""

from __future__ import annotations

# The outline applies from its first year; a report on an earlier year is not judged by it.
OUTLINE_FIRST_YEAR = 2021

# (slug, the area as the outline names it, words that show a measure in that area)
AREAS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("functions", "依法全面履行政府职能", (
        "政府职能", "职能转变", "权责清单", "权力清单", "责任清单", "负面清单", "放管服", "简政放权",
        "营商环境", "政务服务", "行政审批", "审批服务", "证明事项", "告知承诺", "一网通办", "跨省通办",
        "一件事", "市场准入", "机构改革", "事中事后监管", "优化服务",
    )),
    ("rules", "完善依法行政制度体系", (
        "立法", "地方性法规", "政府规章", "规章", "规范性文件", "备案审查", "合法性审核", "立改废释",
        "法规清理", "文件清理", "公平竞争审查", "基层立法联系点",
    )),
    ("decisions", "健全行政决策制度体系", (
        "重大行政决策", "行政决策", "决策程序", "依法决策", "合法性审查", "法律顾问", "公职律师",
        "公众参与", "专家论证", "风险评估", "集体讨论", "决策后评估", "听证",
    )),
    ("enforcement", "健全行政执法工作体系", (
        "行政执法", "执法", "三项制度", "执法公示", "全过程记录", "法制审核", "综合执法",
        "包容审慎", "首违不罚", "轻微违法", "行政处罚", "行政检查", "双随机",
    )),
    ("emergencies", "健全突发事件应对体系", (
        "应急", "突发事件", "疫情", "防控", "安全生产", "防汛", "自然灾害", "森林防火", "风险防范",
    )),
    ("disputes", "健全社会矛盾纠纷行政预防调处化解体系", (
        "调解", "行政复议", "复议", "行政诉讼", "诉讼", "应诉", "出庭", "信访", "矛盾纠纷", "纠纷",
        "仲裁", "行政裁决", "枫桥经验", "法律援助", "公共法律服务",
    )),
    ("supervision", "健全行政权力制约和监督体系", (
        "监督", "政务公开", "信息公开", "政府信息", "审计", "问责", "监察", "统计监督", "政务诚信",
        "廉政", "权力运行", "人大代表建议", "政协提案",
    )),
    ("digital", "健全法治政府建设科技保障体系", (
        "数字政府", "互联网+", "互联网＋", "信息化", "大数据", "数字化", "智慧", "智能", "网上办",
        "掌上办", "电子证照", "信息平台", "数据共享", "一网统管",
    )),
    ("leadership", "加强党的领导，完善法治政府建设推进机制", (
        "党的领导", "党委", "党组", "第一责任人", "述法", "督察", "考核", "习近平法治思想", "学法",
        "示范创建", "法治政府建设示范", "法治建设委员会", "普法", "法治宣传",
    )),
)
