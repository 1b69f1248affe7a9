"""The outline: numbered headings, inline 一是, run-on headings and paragraph-lead headings."""

from __future__ import annotations

import pytest
from helpers import seed_path

from drafter.parse.frame import split_frame
from drafter.parse.nodes import Para
from drafter.parse.outline import build_outline, match_marker, split_heading, split_inline_shi
from drafter.read.document import read_document


@pytest.fixture(scope="module")
def bodies():
    cache = {}

    def body(name):
        if name not in cache:
            cache[name] = split_frame(read_document(seed_path(name))).body
        return cache[name]

    return body


def outline(body):
    """Top-level headed nodes (the intro node, if any, dropped)."""
    return [n for n in build_outline(body) if n.heading or n.marker]


@pytest.mark.parametrize(
    "text, style, value, rest",
    [
        ("一、主要举措和成效", "cn", 1, "主要举措和成效"),
        ("十二、其他", "cn", 12, "其他"),
        ("（三）健全机制", "paren_cn", 3, "健全机制"),
        ("(十)加强党的领导", "paren_cn", 10, "加强党的领导"),
        ("26.全面加强依法行政能力建设。", "num", 26, "全面加强依法行政能力建设。"),
        ("2、完善制度", "num", 2, "完善制度"),
        ("3．规范执法", "num", 3, "规范执法"),
        ("（1）建立台账", "paren_num", 1, "建立台账"),
        ("(2)开展评查", "paren_num", 2, "开展评查"),
        ("②加强培训", "circled", 2, "加强培训"),
        ("三是夯实法治根基,激发活力。", "shi", 3, "夯实法治根基,激发活力。"),
        ("第一部分 主要工作情况", "di", 1, "主要工作情况"),
        ("第二，强化执法监督。", "di", 2, "强化执法监督。"),
    ],
)
def test_markers(text, style, value, rest):
    m = match_marker(text)
    assert (m.style, m.value, m.rest) == (style, value, rest)


@pytest.mark.parametrize(
    "text",
    [
        "2023年,营口市坚持以习近平新时代中国特色社会主义思想为指导",
        "1.12亿元的保全费用得以免除",
        "3.15消费者权益日当天开展宣传",
        "一是一、二是二的作风",  # 一是 followed by punctuation: not an enumeration
        "二〇二三年以来",
        "十分重视法治建设",
        "第一责任人职责落实到位",
        "第二次全体会议审议通过",
    ],
)
def test_not_markers(text):
    assert match_marker(text) is None


def test_split_heading_runs_on_and_bare_lines():
    assert split_heading("着力增强法治思维意识。细化完善《领导干部学法用法清单》。") == (
        "着力增强法治思维意识",
        "细化完善《领导干部学法用法清单》。",
    )
    assert split_heading("加快政府职能转变,护航经济运行稳定向好") == ("加快政府职能转变,护航经济运行稳定向好", "")
    assert split_heading("主要举措和成效：") == ("主要举措和成效", "")
    assert split_heading("严格规范执法：全面推行行政执法三项制度,加强执法监督,规范执法行为,提升执法效能,确保各项工作取得实效,群众满意度持续提升。") == (
        "严格规范执法",
        "全面推行行政执法三项制度,加强执法监督,规范执法行为,提升执法效能,确保各项工作取得实效,群众满意度持续提升。",
    )
    long = "切实开展行政执法案卷评查,通过自查和抽查,未发现不合格案件,进一步提高了全县各级执法部门的办案质量。"
    assert split_heading(long) == (None, long)


def test_inline_shi_split_needs_a_run_from_one():
    text = "(一)强化统筹。一是强化组织领导。坚持党委领导。二是强化责任落实。三是强化考核评价。"
    assert split_inline_shi(text) == ["(一)强化统筹。", "一是强化组织领导。坚持党委领导。", "二是强化责任落实。", "三是强化考核评价。"]
    # 二是 without 一是, or 一是 inside a clause, is no enumeration
    assert split_inline_shi("工作有亮点。二是落实到位。") == ["工作有亮点。二是落实到位。"]
    assert split_inline_shi("坚持一是一、二是二的作风。") == ["坚持一是一、二是二的作风。"]


def test_yingkou_running_numbers_nest_under_their_subsection(bodies):
    top = outline(bodies("yingkou"))
    assert [(n.marker, n.heading) for n in top] == [("一、", "主要工作情况"), ("二、", "下步工作安排")]
    subs = top[0].children
    assert [n.marker for n in subs] == [f"（{c}）" for c in "一二三四五六七八九十"]
    assert [len(n.children) for n in subs] == [3, 3, 3, 2, 3, 2, 2, 3, 2, 3]
    assert [c.marker for c in subs[9].children] == ["24.", "25.", "26."]
    item2 = subs[0].children[1]
    assert item2.level == 3 and item2.heading == "深入推进党政主要负责人履行推进法治建设第一责任人职责"
    assert item2.paragraphs[0].startswith("在全省首创党政主要负责人述法个性化清单")
    # plan items run on from heading into text
    plan = top[1]
    assert plan.paragraphs[0].startswith("2024年，我市将坚持")
    assert plan.children[0].heading == "着力增强法治思维意识"
    assert plan.children[0].paragraphs == [
        "细化完善《领导干部学法用法清单》，通过日常学法、年度述法等方式，带动和影响广大党员干部群众树立法治理念。"
        "建立健全党委（党组）会议会前学法制度，保证法律有效实施。"
    ]


def test_preamble_is_a_leading_node_without_heading(bodies):
    nodes = build_outline(bodies("zhumadian"))
    assert nodes[0].marker is None and nodes[0].heading is None
    assert nodes[0].paragraphs[0].startswith("2019年以来，驻马店市人民政府积极践行习近平法治思想")
    assert len(nodes) == 10 and nodes[9].heading.startswith("把学法作为源头工程")
    assert nodes[1].children == [] and len(nodes[1].paragraphs) == 1


def test_heqing_inline_shi_become_subitems(bodies):
    top = outline(bodies("heqing"))
    first = top[0].children[0]
    assert first.heading == "强化统筹，争创全省法治政府建设示范县" and first.paragraphs == []
    assert [(c.marker, c.heading) for c in first.children] == [
        ("一是", "强化组织领导和统筹推进"),
        ("二是", "强化责任落实和宣传发动"),
        ("三是", "强化考核评价和督促落实"),
    ]
    assert first.children[2].paragraphs[0].startswith("建立法治政府建设情况督查考评制度")
    assert [len(n.children) for n in top[0].children] == [3, 5, 3, 4, 3, 6, 4, 4]
    # an enumerated sentence too long for a heading keeps its text whole
    second = top[0].children[3].children[1]
    assert second.heading is None and second.paragraphs[0].startswith("切实开展行政执法案卷评查，通过自查和抽查")


def test_tongzhou_paragraph_lead_headings(bodies):
    top = outline(bodies("tongzhou"))
    measures = top[0]
    assert [len(n.children) for n in measures.children] == [4, 3, 4, 3, 3, 3, 3]
    first = measures.children[0]
    assert first.paragraphs == []
    assert [c.heading for c in first.children] == [
        "深化清单管理，职能发挥更加协同高效",
        "推进“放管服”改革，政务服务更加便民快捷",
        "优化营商环境，激发市场主体发展活力",
        "强化合规指导，优化涉企公共法律服务",
    ]
    assert all(c.marker is None for c in first.children)
    assert first.children[0].paragraphs[0].startswith("强化清单动态管理，开展2023版区级部门权力清单梳理确认工作")
    # 一是 paragraphs right under 二、 are its first level, whatever depth 一是 had elsewhere
    duties = top[1]
    assert [(c.level, c.marker) for c in duties.children] == [(2, "一是"), (2, "二是"), (2, "三是")]
    assert duties.children[0].heading == "坚持头雁领航，统筹推进法治建设"
    # inline enumeration of shortcomings: the lead-in stays, each 一是 sentence is a sub-item
    shortcomings = top[2]
    assert shortcomings.paragraphs[0].endswith("还存在一些差距：")
    assert [c.marker for c in shortcomings.children] == ["一是", "二是", "三是"]
    assert shortcomings.children[2].heading is None
    assert shortcomings.children[2].paragraphs == ["执法人员、法治工作人员队伍力量与当前法治工作需要还不够匹配。"]


def test_lead_headings_need_all_siblings(bodies):
    body = bodies("tongzhou")
    start = next(i for i, p in enumerate(body) if p.text.startswith("（一）加快政府职能转变"))
    paras = body[start : start + 5] + [Para("全区上下认真贯彻落实上级部署要求,坚持以人民为中心的发展思想,持续深入推进各项工作落地见效。")]
    (node,) = outline(paras)
    assert node.children == [] and len(node.paragraphs) == 5


def test_style_depth_follows_first_appearance():
    # a report that starts at （一） and puts 1. under it
    paras = [
        Para("（一）加强组织领导"),
        Para("1.完善制度。建立健全工作机制,压实各方责任。"),
        Para("2.强化考核。将法治建设纳入综合考核,发挥指挥棒作用。"),
        Para("（二）严格规范执法"),
        Para("1.规范程序。全面推行行政执法三项制度。"),
    ]
    top = outline(paras)
    assert [(n.level, n.marker, len(n.children)) for n in top] == [(1, "（一）", 2), (1, "（二）", 1)]
    assert top[0].children[1].heading == "强化考核" and top[0].children[1].level == 2


def test_style_seen_before_closes_deeper_ones():
    # 1. straight under 一、, then （一） (first seen earlier) comes back: it is 一、's child, not 1.'s
    paras = [
        Para("一、主要举措"),
        Para("（一）健全机制"),
        Para("内容一。"),
        Para("二、存在问题"),
        Para("1.认识不到位。部分干部法治意识不强。"),
        Para("（一）队伍建设滞后"),
        Para("内容二。"),
    ]
    top = outline(paras)
    assert [c.marker for c in top[1].children] == ["1.", "（一）"]


def test_numbers_out_of_sequence_and_dates_stay_text():
    paras = [
        Para("一、主要举措"),
        Para("全年办理案件148件。"),
        Para("(3)这一段以括号数字开头,却不接续任何编号。"),
        Para("2023年,我市继续推进各项工作。"),
        Para("1.12亿元资金全部到位。"),
        Para("主要做法有:1.建立台账;2.定期通报;3.跟踪问效。"),
    ]
    (node,) = outline(paras)
    assert node.children == []
    assert node.paragraphs == [p.text for p in paras[1:]]


def test_markup_levels_make_unnumbered_headings():
    paras = [
        Para("过去一年,我区法治政府建设取得新成效。"),
        Para("主要举措和成效", level=1),
        Para("深化改革", level=2),
        Para("推进放管服改革,压减审批事项。"),
        Para("规范执法", level=2),
        Para("全面推行三项制度。"),
        Para("存在的不足和原因", level=1),
        Para("基层法治力量薄弱。"),
    ]
    nodes = build_outline(paras)
    assert nodes[0].heading is None and nodes[0].paragraphs == ["过去一年,我区法治政府建设取得新成效。"]
    assert [(n.heading, [c.heading for c in n.children]) for n in nodes[1:]] == [
        ("主要举措和成效", ["深化改革", "规范执法"]),
        ("存在的不足和原因", []),
    ]
    assert nodes[1].children[1].paragraphs == ["全面推行三项制度。"]


def test_bare_lines_are_headings_but_not_dates_or_sentences():
    paras = [
        Para("2023年,我县法治政府建设取得新成效。"),
        Para("主要举措和成效"),
        Para("全年审核规范性文件12件。"),
        Para("下一年度工作安排"),
        Para("持续深化依法行政。"),
        Para("2024年1月18日"),
        Para("附件:"),
    ]
    nodes = build_outline(paras)
    assert [(n.marker, n.heading) for n in nodes] == [(None, None), (None, "主要举措和成效"), (None, "下一年度工作安排")]
    assert nodes[2].paragraphs == ["持续深化依法行政。", "2024年1月18日", "附件:"]


def test_lead_headings_after_an_opening_paragraph():
    paras = [
        Para("四、2024年度主要安排"),
        Para("2024年,我区将坚持以习近平法治思想为指导,持续深入推进法治政府建设。"),
        Para("深化依法行政。严格落实重大行政决策程序,提升重大行政决策水平,强化合法性审查。"),
        Para("强化执法监督。规范实施行政执法裁量权基准,提升行政执法质效,开展专项整治。"),
        Para("优化法治环境。持续优化法治化营商环境,加强知识产权保护,激发市场主体发展活力。"),
    ]
    (node,) = outline(paras)
    assert node.paragraphs == [paras[1].text]
    assert [c.heading for c in node.children] == ["深化依法行政", "强化执法监督", "优化法治环境"]


def test_enumeration_in_the_preamble_stays_there():
    opening = "2023年,我县法治政府建设取得新成效:一是制度更加完善;二是执法更加规范。现将有关情况报告如下。"
    nodes = build_outline([Para(opening), Para("一、主要举措和成效"), Para("(一)健全制度。一是完善清单。二是规范程序。")])
    assert nodes[0].heading is None and nodes[0].paragraphs == [opening]
    # one-sentence points are statements, not headings over text
    assert [(c.heading, c.paragraphs) for c in nodes[1].children[0].children] == [(None, ["完善清单。"]), (None, ["规范程序。"])]


def test_bare_line_before_the_first_numbered_heading_is_not_one():
    paras = [
        Para("——在全县法治政府建设工作会议上的报告"),
        Para("2023年,我县法治政府建设取得新成效。"),
        Para("一、主要举措和成效"),
        Para("(2023年12月)"),
        Para("全年审核规范性文件12件。"),
    ]
    nodes = build_outline(paras)
    assert nodes[0].heading is None and nodes[0].paragraphs == [p.text for p in paras[:2]]
    assert nodes[1].heading == "主要举措和成效" and nodes[1].children == []
    assert nodes[1].paragraphs == ["(2023年12月)", "全年审核规范性文件12件。"]


def test_enumeration_in_a_closing_paragraph_stays_text():
    closing = "同时,我们也清醒地认识到,我市法治政府建设还存在一些问题:一是法治意识有待增强;二是执法能力有待提高。"
    paras = [
        Para("一、强化执法监督"),
        Para("(一)规范执法行为。全面推行行政执法三项制度,开展案卷评查。"),
        Para(closing),
        Para("下一步,我们将持续推进法治政府建设。"),
    ]
    (node,) = outline(paras)
    item = node.children[0]
    assert item.children == [] and item.paragraphs == ["全面推行行政执法三项制度,开展案卷评查。", closing, paras[3].text]


def test_short_opening_statements_are_not_run_in_headings():
    paras = [
        Para("三、存在的不足和原因"),
        Para("一年来,我们做了大量工作。但对照上级要求和群众期待,法治政府建设仍有差距,部分干部法治意识不强,执法规范化水平有待提高。"),
        Para("同时仍有短板。基层法治力量相对薄弱,法治人才储备不足,乡镇合法性审查力量与工作任务不相匹配。"),
    ]
    (node,) = outline(paras)
    assert node.children == [] and node.paragraphs == [paras[1].text, paras[2].text]
