"""Classification of the outline into preamble and the five standard parts."""

from __future__ import annotations

import dataclasses

import pytest
from helpers import seed_path

from drafter.model.report import Item, Node, Section
from drafter.parse.classify import classify, classify_heading, split_paragraph
from drafter.parse.frame import split_frame
from drafter.parse.nodes import Heading, Para
from drafter.parse.outline import build_outline
from drafter.read.document import read_document
from drafter.vocab import PARTS


@pytest.fixture(scope="module")
def classified():
    cache = {}

    def get(name):
        if name not in cache:
            cache[name] = classify(build_outline(split_frame(read_document(seed_path(name))).body))
        return cache[name]

    return get


def all_text(section) -> str:
    """Every heading and paragraph of a part, items included."""
    out = [section.heading or ""] + section.paragraphs
    for item in section.items:
        out.append(all_text(item))
    return "\n".join(out)


@pytest.mark.parametrize(
    "heading, part",
    [
        ("主要举措和成效", "measures"),
        ("2023年度推进法治政府建设的主要举措和成效", "measures"),
        ("主要工作情况", "measures"),
        ("2023年法治政府建设工作开展情况", "measures"),
        ("主要做法和成效", "measures"),
        ("存在的不足和原因", "shortcomings"),
        ("存在的问题和不足", "shortcomings"),
        ("问题与不足", "shortcomings"),
        ("存在的困难和问题", "shortcomings"),
        ("存在的短板弱项", "shortcomings"),
        ("党政主要负责人履行推进法治建设第一责任人职责情况", "duties"),
        ("主要负责人履行推进法治建设第一责任人职责情况", "duties"),
        ("下一年度工作安排", "plan"),
        ("下步工作安排", "plan"),
        ("2024年度主要安排", "plan"),
        ("2024年推进法治政府建设的工作思路", "plan"),
        ("2024年工作打算", "plan"),
        ("今后工作重点", "plan"),
        ("其他需要报告的情况", "other"),
        ("需要说明的其他事项", "other"),
        ("存在问题及下一步工作打算", "combined"),
        ("提升政治站位,完善法治政府建设保障推进机制", None),
        ("坚持问题导向,强化法治保障", None),
        ("恪守职权法定原则,依法全面履行政府职能", None),
    ],
)
def test_classify_heading(heading, part):
    assert classify_heading(heading, 2023) == part


def test_split_paragraph_by_sentence():
    text = (
        "总的来看,全年工作成效明显。但也要看到,我区还存在执法队伍力量不足等问题。"
        "原因是基层人员流动较大。下一步,我们将加强队伍建设。同时完善考核机制。"
    )
    assert split_paragraph(text, True, True) == (
        "总的来看,全年工作成效明显。",
        "但也要看到,我区还存在执法队伍力量不足等问题。原因是基层人员流动较大。",
        "下一步,我们将加强队伍建设。同时完善考核机制。",
    )
    assert split_paragraph(text, True, False)[2] == ""


def test_every_part_is_present(classified, seed_name):
    preamble, sections = classified(seed_name)
    assert list(sections) == list(PARTS)
    for key, sec in sections.items():
        assert isinstance(sec, Section) and sec.key == key
        assert all(type(item) is Item for item in sec.walk())
    assert preamble


def test_yingkou_shortcomings_cut_out_of_measures(classified):
    preamble, sections = classified("yingkou")
    sentence = "2023年营口市法治政府建设虽然取得一定的成绩，但也还存在一些不足"
    assert sections["shortcomings"].heading is None
    assert sections["shortcomings"].paragraphs[0].startswith(sentence)
    assert sections["shortcomings"].paragraphs[0].endswith("这些都需要在下一步工作中不断改进和提高。")
    assert sentence not in all_text(sections["measures"])
    last = sections["measures"].items[-1].items[-1]
    assert last.heading == "全面加强依法行政能力建设" and len(last.paragraphs) == 1
    # the principal leaders' duties stay an item of measures; the report has no duties part
    assert sections["duties"] == Section(key="duties")
    assert sections["measures"].items[0].items[1].heading == "深入推进党政主要负责人履行推进法治建设第一责任人职责"
    # the plan part has a heading: its opening 2024年,我市将… stays its own paragraph
    assert sections["plan"].heading == "下步工作安排"
    assert sections["plan"].paragraphs[0].startswith("2024年，我市将坚持")
    assert preamble[0].startswith("2023年，营口市坚持") and preamble[0].endswith("“智慧政务新生代大厅示范单位”荣誉称号。")


def test_zhumadian_thematic_parts_and_closing_paragraph(classified):
    preamble, sections = classified("zhumadian")
    measures = sections["measures"]
    assert measures.heading is None and len(measures.items) == 9
    assert measures.items[0].heading == "强力推进法治政府建设示范市创建，全面提升法治政府建设水平"
    assert [len(i.items) for i in measures.items] == [0, 3, 3, 2, 2, 3, 3, 3, 2]
    short = sections["shortcomings"].paragraphs
    plan = sections["plan"].paragraphs
    assert len(short) == 1 and short[0].startswith("近年来，我市法治政府建设虽然取得了一定的成效")
    assert short[0].endswith("行政决策程序和行政执法有待进一步规范等问题。")
    assert len(plan) == 1 and plan[0].startswith("下一步，我们将积极践行习近平法治思想")
    assert "下一步，我们将" not in all_text(measures) and "清醒地认识到" not in all_text(measures)
    last = measures.items[8].items[1].paragraphs
    assert len(last) == 1 and last[0].startswith("贯彻落实《驻马店市法治政府建设实施方案》")
    assert sections["shortcomings"].heading is None and sections["plan"].heading is None
    assert preamble[0].endswith("现将2019年度我市法治政府建设工作情况报告如下。")


def test_tongzhou_four_standard_parts(classified):
    _, sections = classified("tongzhou")
    assert sections["duties"].heading == "主要负责人履行推进法治建设第一责任人职责情况"
    assert [i.heading for i in sections["duties"].items][0] == "坚持头雁领航，统筹推进法治建设"
    assert sections["shortcomings"].heading == "存在不足和原因"
    assert len(sections["shortcomings"].items) == 3
    assert sections["other"] == Section(key="other")


def _node(heading, paragraphs=(), children=()):
    return Heading(level=1, marker="一、", heading=heading, paragraphs=list(paragraphs), children=list(children))


def test_weak_match_out_of_place_is_thematic():
    nodes = [
        Heading(level=1, marker=None, heading=None, paragraphs=["2023年,我县扎实推进法治政府建设。"]),
        _node("主要举措和成效", ["全年工作有序推进。"]),
        _node("统筹安排部署,压实工作责任", ["建立工作专班。"]),
        _node("存在的问题和不足", ["基层力量薄弱。"]),
        _node("下一年度工作安排", ["持续深化改革。"]),
    ]
    preamble, sections = classify(nodes)
    assert preamble == ["2023年,我县扎实推进法治政府建设。"]
    assert [i.heading for i in sections["measures"].items] == ["统筹安排部署,压实工作责任"]
    assert sections["plan"].heading == "下一年度工作安排"
    assert sections["plan"].paragraphs == ["持续深化改革。"]


def test_combined_part_with_sub_headings():
    nodes = [
        _node("主要举措和成效", ["全年工作有序推进。"]),
        _node(
            "存在问题及下一步工作打算",
            children=[
                Heading(2, "（一）", "存在的问题", ["执法力量不足。"]),
                Heading(2, "（二）", "下一步工作打算", ["加强队伍建设。"]),
            ],
        ),
    ]
    _, sections = classify(nodes)
    assert sections["shortcomings"].heading == "存在的问题"
    assert sections["shortcomings"].paragraphs == ["执法力量不足。"]
    assert sections["plan"].heading == "下一步工作打算"
    assert sections["plan"].paragraphs == ["加强队伍建设。"]


def test_combined_part_in_paragraphs():
    nodes = [
        _node("主要举措和成效", ["全年工作有序推进。"]),
        _node(
            "存在问题和下步打算",
            ["我县法治政府建设虽然取得一定成效,但仍存在基层执法力量薄弱等问题。", "2024年,我县将持续加强执法队伍建设。"],
        ),
    ]
    _, sections = classify(nodes)
    assert sections["plan"].heading == "存在问题和下步打算"
    assert sections["shortcomings"].paragraphs == ["我县法治政府建设虽然取得一定成效,但仍存在基层执法力量薄弱等问题。"]
    assert sections["plan"].paragraphs == ["2024年,我县将持续加强执法队伍建设。"]


def test_report_without_headings():
    paras = [
        Para("2023年,我局认真贯彻落实法治政府建设部署要求,现将有关情况报告如下。"),
        Para("全年审核规范性文件12件,办理行政复议案件30件。"),
        Para("同时,我局工作还存在执法人员专业素质有待提高的问题。"),
        Para("下一步,我局将加强执法培训,提升依法行政水平。"),
    ]
    preamble, sections = classify(build_outline(paras))
    assert preamble == [paras[0].text]
    assert sections["measures"].paragraphs == [paras[1].text]
    assert sections["shortcomings"].paragraphs == [paras[2].text]
    assert sections["plan"].paragraphs == [paras[3].text]


def test_item_body_mentioning_problems_is_not_cut():
    # 剖析存在问题 inside an item's own text is measures, even with no shortcomings part
    nodes = [
        _node(
            "主要举措和成效",
            children=[Heading(2, "（一）", "执法监督有力度", ["开展案卷评查,剖析存在问题,明确努力方向,仍存在的问题已整改。"])],
        )
    ]
    _, sections = classify(nodes)
    assert sections["shortcomings"].paragraphs == []
    assert sections["measures"].items[0].paragraphs[0].startswith("开展案卷评查")


def test_heading_of_the_reported_year_is_measures():
    nodes = [
        Heading(level=1, marker=None, heading=None, paragraphs=["2023年,我县扎实推进法治政府建设。"]),
        _node("2023年法治政府建设情况", ["全年工作有序推进。"]),
        _node("2024年工作打算", ["持续深化改革。"]),
    ]
    _, sections = classify(nodes)
    assert sections["measures"].heading == "2023年法治政府建设情况"
    assert sections["plan"].heading == "2024年工作打算"


def test_weak_duties_heading_after_measures_counts():
    nodes = [
        _node("主要举措和成效", ["全年工作有序推进。"]),
        _node("党政主要负责人履职情况", ["带头学法述法。"]),
        _node("存在的问题和不足", ["基层力量薄弱。"]),
        _node("下一年度工作安排", ["持续深化改革。"]),
    ]
    _, sections = classify(nodes)
    assert sections["duties"].heading == "党政主要负责人履职情况"
    assert sections["measures"].items == []


def test_weak_words_in_thematic_parts_stay_measures():
    headings = ["提升政治站位,完善法治政府建设保障推进机制", "统筹安排部署,压实工作责任", "创新工作思路,提升执法效能", "恪守职权法定原则,依法全面履行政府职能"]
    _, sections = classify([_node(h, ["做法。"]) for h in headings])
    assert sections["measures"].heading is None
    assert [i.heading for i in sections["measures"].items] == headings
    assert sections["plan"] == Section(key="plan")


def test_second_heading_for_a_part_is_its_item():
    nodes = [
        _node("主要举措和成效", ["全年工作有序推进。"]),
        _node("存在的问题", ["基层力量薄弱。"]),
        _node("原因分析与不足", ["学习不够深入。"]),
        _node("党政主要负责人履行推进法治建设第一责任人职责情况", ["带头述法。"]),
        _node("2023年法治政府建设工作成效", ["群众满意度提升。"]),
    ]
    _, sections = classify(nodes)
    assert sections["shortcomings"].heading == "存在的问题"
    assert [i.heading for i in sections["shortcomings"].items] == ["原因分析与不足"]
    assert [i.heading for i in sections["measures"].items] == ["2023年法治政府建设工作成效"]
    assert sections["duties"].items == []


def test_next_steps_closing_a_shortcomings_part_without_plan_part():
    nodes = [
        _node("主要举措和成效", children=[Heading(2, "（一）", "深化改革", ["下一步,将继续推进审批改革。全年压减事项20项。"])]),
        _node("存在的不足和原因", ["我县执法力量仍然薄弱。下一步,我们将加强执法队伍建设。"]),
    ]
    _, sections = classify(nodes)
    assert sections["shortcomings"].paragraphs == ["我县执法力量仍然薄弱。"]
    assert sections["plan"] == Section(key="plan", paragraphs=["下一步,我们将加强执法队伍建设。"])
    # an item's own text is never cut, even where it opens with 下一步
    assert sections["measures"].items[0].paragraphs == ["下一步,将继续推进审批改革。全年压减事项20项。"]


FULL_WIDTH = str.maketrans({",": "，", "(": "（", ")": "）", ":": "：", ";": "；", "!": "！", "?": "？"})


def _full_width(value):
    if isinstance(value, str):
        return value.translate(FULL_WIDTH)
    if isinstance(value, (list, tuple)):
        return type(value)(_full_width(v) for v in value)
    if isinstance(value, dict):
        return {k: _full_width(v) for k, v in value.items()}
    if isinstance(value, Node):  # a part or an item: every text of it
        return dataclasses.replace(value, heading=_full_width(value.heading), paragraphs=_full_width(value.paragraphs),
                                   items=_full_width(value.items))
    return value


def test_full_width_punctuation_gives_the_same_parts(classified, seed_name):
    # the seeds use half-width ,():; — the same report typed with full-width marks
    body = split_frame(read_document(seed_path(seed_name))).body
    wide = classify(build_outline([Para(p.text.translate(FULL_WIDTH), p.level, p.bold) for p in body]))
    assert wide == _full_width(classified(seed_name))


def test_closing_enumeration_of_problems_and_next_steps():
    closing = "同时,我们也清醒地认识到,我市法治政府建设还存在一些问题:一是法治意识有待增强;二是执法能力有待提高。"
    paras = [
        Para("2023年,我市扎实推进法治政府建设,现将有关情况报告如下。"),
        Para("一、强化执法监督,推进严格规范公正文明执法"),
        Para("(一)规范执法行为。全面推行行政执法三项制度,开展案卷评查。"),
        Para("二、坚持依法决策,提升决策公信力"),
        Para("(一)严格决策程序。全年审查重大行政决策事项8件。"),
        Para(closing),
        Para("下一步,我们将持续推进法治政府建设。"),
    ]
    preamble, sections = classify(build_outline(paras))
    assert sections["measures"].heading is None and len(sections["measures"].items) == 2
    assert sections["shortcomings"].paragraphs == [closing]
    assert sections["plan"].paragraphs == ["下一步,我们将持续推进法治政府建设。"]
    assert sections["measures"].items[1].items[0].paragraphs == ["全年审查重大行政决策事项8件。"]
