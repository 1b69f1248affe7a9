"""The parser on reports unlike the seeds: tests/data/unseen/ (written for these tests, in the genre's real shapes).

Each report differs from the seeds the way real ones do: a department's report to the 依法治市办, a
province's with 文号 and 主送, the national rule's own part titles with part 五, parts numbered
第一部分 or （一）, parts named by unnumbered lines or lead sentences, the duties part first,
other titles for shortcomings and plan, other sites' page noise, two signing organs and a date in
Chinese numerals, many figures. Expected values were read off the texts by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.model.report import Closing, Figure, Item, Report
from drafter.parse.report import parse_file

UNSEEN = Path(__file__).resolve().parent / "data" / "unseen"

# report -> part -> (heading as written, number of first-level items)
PARTS = {
    "huzhou-eco-2023": {
        "measures": ("2023年推进法治政府建设的主要举措和成效", 5),
        "shortcomings": ("2023年推进法治政府建设存在的不足和原因", 3),
        "duties": ("党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况", 0),
        "plan": ("2024年推进法治政府建设的主要安排", 4),
        "other": ("其他需要报告的情况", 0),
    },
    "anhui-province-2023": {
        "measures": ("2023年度法治政府建设主要举措和成效", 5),
        "shortcomings": ("2023年度法治政府建设存在的不足和原因", 3),
        "duties": ("2023年度党政主要负责人履行推进法治建设第一责任人职责情况", 0),
        "plan": ("2024年度推进法治政府建设的主要安排", 5),
        "other": (None, 0),
    },
    "xihu-district-2023": {
        "measures": ("2023年度法治政府建设主要工作及成效", 5),
        "shortcomings": ("存在的困难和问题", 2),
        "duties": ("党政主要负责人履行推进法治建设第一责任人职责情况", 0),
        "plan": ("下一步工作计划", 3),
        "other": (None, 0),
    },
    "jiangyin-duties-first-2023": {
        "measures": ("主要举措和成效", 4),
        "shortcomings": ("问题与不足", 3),
        "duties": ("党政主要负责人履行推进法治建设第一责任人职责情况", 2),
        "plan": ("2024年工作思路", 4),
        "other": (None, 0),
    },
    "yanggu-county-2023": {
        "measures": ("主要举措和成效", 4),
        "shortcomings": ("存在的问题", 0),
        "duties": ("党政主要负责人履行推进法治建设第一责任人职责情况", 0),
        "plan": ("下一步工作打算", 3),
        "other": (None, 0),
    },
    "jinxiang-figures-2022": {
        "measures": ("主要举措和成效", 5),
        "shortcomings": ("存在的问题和不足", 3),
        "duties": ("党政主要负责人履行推进法治建设第一责任人职责情况", 0),
        "plan": ("2023年工作安排", 3),
        "other": (None, 0),
    },
    "liuyang-city-2023": {
        # the duties are item (四) of part 一, as the report puts them
        "measures": ("2023年法治政府建设工作开展情况", 4),
        "shortcomings": ("存在的主要问题", 3),
        "duties": (None, 0),
        "plan": ("2024年工作打算", 4),
        "other": (None, 0),
    },
    "shaxi-town-2023": {
        "measures": ("主要举措和成效", 3),
        "shortcomings": ("存在的不足和原因", 2),
        "duties": ("党政主要负责人履行推进法治建设第一责任人职责情况", 0),
        "plan": ("2024年工作安排", 2),
        "other": (None, 0),
    },
    "dongyang-justice-2023": {
        # 三、存在的问题和下一步工作打算 shared out by its sub-headings
        "measures": ("主要举措和成效", 3),
        "shortcomings": ("存在的问题", 2),
        "duties": ("党政主要负责人履行推进法治建设第一责任人职责情况", 0),
        "plan": ("下一步工作打算", 2),
        "other": ("其他需要报告的情况", 0),
    },
    "suichang-market-2023": {
        # 一. 1、 （1） half-width and mixed numbering
        "measures": ("主要工作及成效", 3),
        "shortcomings": ("存在的不足", 2),
        "duties": ("主要负责人履行推进法治建设第一责任人职责情况", 0),
        "plan": ("下一步工作思路", 2),
        "other": (None, 0),
    },
    "gansu-province-2023": {
        # 第一部分 over 一、 over （一）
        "measures": ("基本情况", 2),
        "shortcomings": ("存在的问题", 2),
        "duties": ("党政主要负责人履行推进法治建设第一责任人职责情况", 0),
        "plan": ("2024年工作安排", 3),
        "other": (None, 0),
    },
    "longyan-city-2023": {
        "measures": ("主要举措和成效", 2),
        "shortcomings": ("存在的不足和原因", 0),
        "duties": ("党政主要负责人履行推进法治建设第一责任人职责情况", 0),
        "plan": ("2024年主要安排", 2),
        "other": (None, 0),
    },
    "ningde-npc-2023": {
        # made to the people's congress standing committee: subtitle, speaker, address
        "measures": ("主要举措和成效", 2),
        "shortcomings": ("存在的不足和原因", 0),
        "duties": (None, 0),
        "plan": ("2024年工作安排", 2),
        "other": (None, 0),
    },
    "nanming-leads-2023": {
        "measures": ("一年来，我区法治政府建设主要做了以下工作", 4),
        "shortcomings": ("我区法治政府建设还存在一些不足和问题，主要是", 2),
        "duties": ("区委、区政府主要负责同志认真履行推进法治建设第一责任人职责", 2),
        "plan": ("下一步，我区将重点做好以下工作", 3),
        "other": (None, 0),
    },
}

META = {
    "huzhou-eco-2023": {
        "region": "湖州市", "year": 2023, "issuer": "湖州市生态环境局", "recipient": "市委依法治市办",
        "doc_number": None, "date": "2024-01-22", "published": "2024-01-26",
        "title": "湖州市生态环境局2023年法治政府建设年度报告",
    },
    "anhui-province-2023": {
        "region": "安徽省", "year": 2023, "issuer": "安徽省人民政府", "recipient": "国务院",
        "doc_number": "皖政〔2024〕9号", "date": "2024-02-06", "published": "2024-02-28",
        "title": "安徽省人民政府关于2023年度法治政府建设情况的报告",
    },
    "xihu-district-2023": {
        "region": "西湖区", "year": 2023, "issuer": "中共杭州市西湖区委 杭州市西湖区人民政府",
        "recipient": "市委、市政府", "doc_number": "西委〔2024〕3号", "date": "2024-01-15", "published": None,
        "title": "中共杭州市西湖区委 杭州市西湖区人民政府关于2023年度法治政府建设情况的报告",
    },
    "jiangyin-duties-first-2023": {
        # no signature, no date: the issuer is the genre's usual one for the title's city
        "region": "江阴市", "year": 2023, "issuer": "江阴市人民政府", "recipient": None,
        "doc_number": None, "date": None, "published": "2024-03-15",
        "title": "江阴市2023年法治政府建设情况报告",
    },
    "yanggu-county-2023": {
        "region": "阳谷县", "year": 2023, "issuer": "阳谷县人民政府", "recipient": "聊城市人民政府",
        "doc_number": None, "date": "2024-01-10", "published": "2024-01-19",
        "title": "阳谷县人民政府关于2023年法治政府建设工作情况的报告",
    },
    "jinxiang-figures-2022": {
        "region": "金乡县", "year": 2022, "issuer": "金乡县司法局", "recipient": None,
        "doc_number": None, "date": "2023-01-30", "published": "2023-02-10",
        "title": "金乡县司法局2022年度法治政府建设情况报告",
    },
    "liuyang-city-2023": {
        "region": "浏阳市", "year": 2023, "issuer": "中共浏阳市委 浏阳市人民政府", "recipient": "长沙市人民政府",
        "doc_number": "浏政〔2024〕2号", "date": "2024-01-26", "published": None,
        "title": "浏阳市人民政府关于2023年度法治政府建设情况的报告",
    },
    "shaxi-town-2023": {
        # a town's report: the town is the locality, its government signs
        "region": "沙溪镇", "year": 2023, "issuer": "沙溪镇人民政府", "recipient": "太仓市人民政府",
        "doc_number": None, "date": "2024-01-08", "published": "2024-01-12",
        "title": "沙溪镇人民政府关于2023年度法治政府建设工作情况的报告",
    },
    "dongyang-justice-2023": {
        "region": "东阳市", "year": 2023, "issuer": "东阳市司法局", "recipient": "金华市司法局",
        "doc_number": None, "date": "2024-01-20", "published": None,
        "title": "东阳市司法局关于2023年度法治政府建设情况的报告",
    },
    "suichang-market-2023": {
        # title wrapped over two lines and naming no organ; signature and date share the last line
        "region": "遂昌县", "year": 2023, "issuer": "遂昌县市场监督管理局", "recipient": "县委依法治县办",
        "doc_number": None, "date": "2024-01-16", "published": None,
        "title": "关于2023年度法治政府建设工作情况的报告",
    },
    "gansu-province-2023": {
        "region": "甘肃省", "year": 2023, "issuer": "甘肃省人民政府", "recipient": None,
        "doc_number": None, "date": "2024-02-01", "published": None,
        "title": "甘肃省2023年法治政府建设情况报告",
    },
    "longyan-city-2023": {
        "region": "龙岩市", "year": 2023, "issuer": "龙岩市人民政府", "recipient": "福建省人民政府",
        "doc_number": "龙政〔2024〕5号", "date": "2024-01-30", "published": None,
        "title": "龙岩市人民政府关于2023年度法治政府建设情况的报告",
    },
    "ningde-npc-2023": {
        # the date and the organ come from the subtitle and the speaker's line
        "region": "宁德市", "year": 2023, "issuer": "宁德市人民政府", "recipient": "主任、各位副主任、秘书长、各位委员",
        "doc_number": None, "date": "2024-02-22", "published": None,
        "title": "关于2023年度法治政府建设情况的报告",
    },
    "nanming-leads-2023": {
        "region": "南明区", "year": 2023, "issuer": "中共贵阳市南明区委 贵阳市南明区人民政府", "recipient": None,
        "doc_number": None, "date": "2024-01-30", "published": "2024-02-05",
        "title": "贵阳市南明区2023年法治政府建设情况报告",
    },
}

# report -> part -> sentences that must be somewhere in that part (headings or paragraphs, any depth)
SENTENCES = {
    "huzhou-eco-2023": {
        "measures": ["办理行政复议案件6件，均维持原行政行为；"],
        "shortcomings": ["主要原因是法治培训针对性不强，执法队伍专业化建设推进较慢。"],
        "duties": ["年终在市委依法治市委员会会议上专题述法。"],
        "other": ["2023年，我局未发生因违法行政被问责的情况。"],
    },
    "anhui-province-2023": {
        "shortcomings": ["原因主要是部分地方对法治政府建设重视程度不够，考核督察的刚性约束还需加强。"],
        "plan": ["加快推进行政复议体制改革，贯彻实施新修订的行政复议法"],
    },
    "xihu-district-2023": {
        "shortcomings": ["执法监督信息化手段运用不充分，镇街执法队伍专业素质参差不齐。"],
        "duties": ["全区27个部门和12个镇街主要负责人在年终开展述法。"],
    },
    "jiangyin-duties-first-2023": {
        "duties": ["将履职情况列入年终述职内容。"],
        "measures": ["全年办理法律援助案件2157件，挽回经济损失5400余万元。"],
        "plan": ["健全矛盾纠纷多元化解机制，推进行政复议体制改革"],
    },
    "yanggu-county-2023": {
        "shortcomings": ["乡镇合法性审查工作力量薄弱。"],
        "duties": ["带头在县委全面依法治县委员会会议上述法。"],
    },
    "jinxiang-figures-2022": {
        "measures": ["调解成功率98.2%。"],
        "duties": ["带头讲授法治课2次。"],
    },
    "liuyang-city-2023": {
        "measures": ["市政府常务会议学法8次"],
        "shortcomings": ["法治宣传教育的针对性和实效性有待增强。"],
        "plan": ["2024年，我市将重点抓好以下工作：", "新创建省级民主法治示范村（社区）3个。"],
    },
    "shaxi-town-2023": {
        "plan": ["规范综合行政执法，全年开展执法案卷自查2次"],
    },
    "dongyang-justice-2023": {
        "other": ["无。"],
        "plan": ["年内新建标准化司法所3个"],
    },
    "nanming-leads-2023": {
        "duties": ["区委书记主持召开区委全面依法治区委员会会议2次"],
        "shortcomings": ["街道合法性审核人员配备不足"],
    },
}


@pytest.fixture(scope="module")
def parsed():
    cache: dict[str, Report] = {}

    def get(name: str) -> Report:
        if name not in cache:
            cache[name] = parse_file(UNSEEN / f"{name}.txt")
        return cache[name]

    return get


def _texts(node: Item) -> list[str]:
    """Headings and paragraphs of a section or item, depth first."""
    out = [node.heading] if node.heading else []
    out += node.paragraphs
    for item in node.items:
        out += _texts(item)
    return out


def _all_text(report: Report) -> str:
    return "\n".join(report.texts())


def test_every_unseen_report_is_covered():
    assert sorted(p.stem for p in UNSEEN.glob("*.txt")) == sorted(PARTS) == sorted(META)


@pytest.mark.parametrize("name", sorted(PARTS))
def test_parts_headings_and_items(parsed, name):
    sections = parsed(name).sections
    got = {part: (s.heading, len(s.items)) for part, s in sections.items()}
    assert got == PARTS[name]


@pytest.mark.parametrize("name", sorted(META))
def test_metadata(parsed, name):
    meta = parsed(name).meta
    assert {key: getattr(meta, key) for key in META[name]} == META[name]
    assert meta.source.file == f"{name}.txt"


@pytest.mark.parametrize("name", sorted(SENTENCES))
def test_sentences_land_in_their_part(parsed, name):
    report = parsed(name)
    for part, wanted in SENTENCES[name].items():
        text = "\n".join(_texts(report.sections[part]))
        for sentence in wanted:
            assert sentence in text, (part, sentence)


@pytest.mark.parametrize("name", sorted(PARTS))
def test_page_noise_is_gone(parsed, name):
    text = _all_text(parsed(name))
    for noise in ("浏览次数", "信息来源", "发布机构", "【打印", "【关闭", "字体", "字号", "上一篇", "下一篇",
                  "相关链接", "点击数", "分享到", "索 引 号", "首页"):
        assert noise not in text, noise


def test_related_links_are_not_the_signature(parsed):
    report = parsed("jiangyin-duties-first-2023")
    assert report.closing == Closing()
    assert "江苏省人民政府" not in _all_text(report)
    assert report.sections["plan"].items[-1].heading == "健全矛盾纠纷多元化解机制，推进行政复议体制改革"


def test_closing_with_two_organs_and_chinese_numeral_date(parsed):
    assert parsed("xihu-district-2023").closing == Closing(
        phrase="特此报告。", signature=["中共杭州市西湖区委 杭州市西湖区人民政府"], date="二〇二四年一月十五日",
    )
    # organs on two lines, 二○二四 written with the circle
    assert parsed("liuyang-city-2023").closing == Closing(
        phrase="特此报告。", signature=["中共浏阳市委", "浏阳市人民政府"], date="二○二四年一月二十六日",
    )
    assert parsed("anhui-province-2023").closing.lines()[-1] == "（此件公开发布）"
    assert parsed("anhui-province-2023").closing.notes == ["（此件公开发布）"]


def test_town_signature_is_closing_not_plan(parsed):
    report = parsed("shaxi-town-2023")
    assert report.closing == Closing(signature=["沙溪镇人民政府"], date="2024年1月8日")
    assert "沙溪镇人民政府" not in "\n".join(_texts(report.sections["plan"]))


def test_headings_closed_by_a_colon(parsed):
    report = parsed("dongyang-justice-2023")
    first = report.sections["measures"].items[0]
    assert first.heading == "强化组织保障"
    assert first.paragraphs == ["成立局法治建设领导小组，局长任组长，全年召开专题会议3次。"]
    assert report.sections["other"].paragraphs == ["无。"]


def test_closing_keeps_contact_note_and_record(parsed):
    closing = parsed("dongyang-justice-2023").closing
    assert closing.notes == ["（联系人：王某某，联系电话：0579-86650000）"]
    assert closing.record == ["抄送：金华市委依法治市办。", "东阳市司法局办公室 2024年1月20日印发"]


def test_signature_and_date_on_one_line(parsed):
    report = parsed("suichang-market-2023")
    assert report.closing == Closing(signature=["遂昌县市场监督管理局"], date="2024年1月16日")
    assert report.sections["plan"].items[1] == Item(heading="推进执法信息化建设")


def test_attachment_note_belongs_to_the_closing(parsed):
    report = parsed("longyan-city-2023")
    assert report.closing == Closing(
        phrase="以上报告，请审阅。",
        attachments=["附件：1.龙岩市2023年法治政府建设重点任务完成情况表", "2.龙岩市2023年行政复议应诉工作统计表"],
        signature=["龙岩市人民政府"],
        date="2024年1月30日",
    )
    assert report.sections["plan"].items[-1] == Item(heading="加强行政执法监督体系建设")


def test_numbering_styles_nest(parsed):
    # 1. under 一、 and (1) under 1.
    first = parsed("jiangyin-duties-first-2023").sections["measures"].items[0]
    assert first.heading == "完善依法行政制度体系"
    assert [i.heading for i in first.items] == ["加强规范性文件管理", "规范重大行政决策"]
    assert first.items[0].paragraphs[0].startswith("全年审核市政府及其办公室规范性文件21件")
    # （一） at the top, 1. below
    xihu = parsed("xihu-district-2023").sections
    assert [i.heading for i in xihu["shortcomings"].items] == ["依法行政水平有待提高", "执法监督仍存在薄弱环节"]
    # 第一部分 at the top, （一） below
    anhui = parsed("anhui-province-2023").sections["measures"].items
    assert anhui[3].heading == "发挥行政复议化解行政争议主渠道作用"
    # 第一部分 over 一、 over （一）
    gansu = parsed("gansu-province-2023").sections["measures"].items
    assert [i.heading for i in gansu[1].items] == ["加强立法", "规范执法"]
    assert gansu[1].items[1].paragraphs == ["全省办理行政处罚案件12.4万件。"]


def test_unnumbered_part_lines_are_parts_not_items(parsed):
    sections = parsed("yanggu-county-2023").sections
    assert [i.heading for i in sections["measures"].items][-1] == "深化法治宣传教育"
    assert sections["measures"].items[-1].items == []
    assert sections["plan"].items[0].heading == "着力提升领导干部法治素养，健全领导干部学法用法制度"
    lead = parsed("nanming-leads-2023").sections
    assert lead["plan"].items[2].heading == "加强行政复议应诉工作，推动行政争议实质性化解"
    assert lead["measures"].items[3].paragraphs == [
        "创建国家级民主法治示范社区1个、省级民主法治示范村（社区）4个，开展送法进社区活动210场次。"
    ]


def test_inline_enumeration_of_statements(parsed):
    items = parsed("huzhou-eco-2023").sections["shortcomings"].items
    # 一是/二是 are one-sentence statements, so 三是 is one too: the 原因 sentence closing the list is no body under a heading
    assert [i.heading for i in items] == [None, None, None]
    assert items[2].paragraphs == [
        "生态环境损害赔偿磋商与司法衔接机制还不够顺畅。主要原因是法治培训针对性不强，执法队伍专业化建设推进较慢。"
    ]
    plan = parsed("liuyang-city-2023").sections["plan"].items
    assert plan[1].paragraphs == ["推进行政执法规范化建设，全年开展案卷评查不少于2次。"]


def _figure(model: Report, text: str, section: str) -> Figure:
    found = [f for f in model.figures if f.text == text and f.section == section]
    assert found, (text, section)
    return found[0]


def test_figures_of_a_figure_heavy_report(parsed):
    model = parsed("jinxiang-figures-2022")
    assert len(model.figures) >= 30
    review = [f for f in model.figures if f.item == "1" and f.section == "measures"]
    assert [(f.value, f.unit) for f in review[:3]] == [(156, "件"), (142, "件"), (138, "件")]
    assert "新收行政复议" in review[0].label and "受理" in review[1].label and "审结" in review[2].label
    rate = next(f for f in review if f.label.endswith("出庭应诉率"))
    assert (rate.value, rate.unit) == (100, "%")
    assert _figure(model, "98.2%", "measures").item == "4"
    assert _figure(model, "656个", "plan").item == "3"


def test_figures_keep_their_part(parsed):
    model = parsed("anhui-province-2023")
    assert _figure(model, "9872件", "measures").item == "4"
    assert _figure(model, "98.6%", "measures").label.endswith("出庭应诉率")
    xihu = parsed("xihu-district-2023")
    assert _figure(xihu, "486件", "measures").item == "4"
    assert _figure(xihu, "42.1%", "measures").value == 42.1


def test_subtitle_and_sub_headings_do_not_make_parts():
    # a subtitle above 一、 and an unnumbered sub-heading inside it: the numbered parts stay the parts
    from drafter.parse.nodes import Para
    from drafter.parse.outline import build_outline

    paras = [
        Para("——在全县法治政府建设工作会议上的报告"),
        Para("2023年，我县法治政府建设取得新成效。"),
        Para("一、主要举措和成效"),
        Para("强化组织领导"),
        Para("全年召开会议3次，研究部署法治政府建设工作，压实各方责任。"),
        Para("二、存在的不足"),
        Para("基层力量薄弱。"),
    ]
    nodes = build_outline(paras)
    assert [n.heading for n in nodes] == [None, "主要举措和成效", "存在的不足"]
    assert [c.heading for c in nodes[1].children] == ["强化组织领导"]


@pytest.mark.parametrize("name", ["yanggu-county-2023", "nanming-leads-2023", "dongyang-justice-2023", "suichang-market-2023"])
@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_same_report_as_docx_and_html(parsed, tmp_path, name, fmt):
    from helpers import to_docx, to_html

    src = tmp_path / f"{name}.utf8"
    src.write_text((UNSEEN / f"{name}.txt").read_text(encoding="utf-8"), encoding="utf-8")
    converted = (to_docx if fmt == "docx" else to_html)(src, tmp_path / f"{name}.{fmt}")
    model = parse_file(converted)
    assert {part: (s.heading, len(s.items)) for part, s in model.sections.items()} == PARTS[name]
    assert {key: getattr(model.meta, key) for key in ("region", "year", "issuer", "date")} == {
        key: META[name][key] for key in ("region", "year", "issuer", "date")
    }
    assert [f.text for f in model.figures] == [f.text for f in parsed(name).figures]


def test_leftover_page_lines_above_the_title(parsed, tmp_path):
    # a site's menu copied above the article: the title is still found below it
    text = (UNSEEN / "huzhou-eco-2023.txt").read_text(encoding="utf-8")
    leftovers = ["湖州市生态环境局", "机构概况", "政策法规", "环境质量", "办事服务", "互动交流", "专题专栏"]
    noisy = tmp_path / "noisy.txt"
    noisy.write_text("\n".join(leftovers) + "\n" + text.split("\n", 1)[1], encoding="utf-8")
    model = parse_file(noisy)
    assert model.meta.title == "湖州市生态环境局2023年法治政府建设年度报告"
    assert model.meta.recipient == "市委依法治市办"
    got = {part: (s.heading, len(s.items)) for part, s in model.sections.items()}
    assert got == PARTS["huzhou-eco-2023"]


def test_a_block_of_short_lines_before_the_parts_is_no_part():
    from drafter.parse.nodes import Para
    from drafter.parse.outline import build_outline

    paras = [Para("湖州市生态环境局"), Para("政务公开"), Para("2023年，我局法治政府建设取得新成效。"),
             Para("一、主要举措和成效"), Para("（一）完善制度。全年制定规范性文件3件。"), Para("二、存在的不足和原因"),
             Para("执法力量不足。")]
    nodes = build_outline(paras)
    assert [n.heading for n in nodes] == [None, "主要举措和成效", "存在的不足和原因"]
    assert nodes[0].paragraphs == ["湖州市生态环境局", "政务公开", "2023年，我局法治政府建设取得新成效。"]


def test_closing_dated_without_a_day(tmp_path):
    text = (UNSEEN / "yanggu-county-2023.txt").read_text(encoding="utf-8").replace("2024年1月10日", "2024年1月")
    copy = tmp_path / "yanggu.txt"
    copy.write_text(text, encoding="utf-8")
    model = parse_file(copy)
    assert model.closing == Closing(signature=["阳谷县人民政府"], date="2024年1月")
    assert len(model.sections["plan"].items) == 3
    assert model.meta.issuer == "阳谷县人民政府" and model.meta.date is None


def test_report_to_the_congress_starts_after_subtitle_and_speaker(parsed, tmp_path):
    model = parsed("ningde-npc-2023")
    assert model.preamble == ["受市人民政府委托，现将我市2023年度法治政府建设情况报告如下，请予审议。"]
    # a date in parentheses under the title is the report's date
    dated = tmp_path / "dated.txt"
    dated.write_text(
        "宁德市人民政府关于2023年度法治政府建设情况的报告\n（2024年1月18日）\n福建省人民政府：\n"
        "2023年，宁德市深入推进法治政府建设。现将有关情况报告如下：\n一、主要举措和成效\n"
        "（一）坚持党的领导。市政府常务会议专题研究法治政府建设4次。\n二、存在的不足和原因\n基层法治力量不足。\n",
        encoding="utf-8",
    )
    meta = parse_file(dated).meta
    assert (meta.date, meta.recipient) == ("2024-01-18", "福建省人民政府")


@pytest.mark.parametrize(
    "heading, part",
    [
        ("2023年工作回顾", "measures"), ("工作亮点", "measures"), ("基本情况", "measures"), ("总体情况", "measures"),
        ("主要问题", "shortcomings"), ("不足之处", "shortcomings"), ("面临的困难和挑战", "shortcomings"),
        ("存在的问题", "shortcomings"), ("工作计划", "plan"), ("下一步工作打算", "plan"), ("2024年工作思路", "plan"),
        ("其他需要报告的情况", "other"), ("坚持问题导向", None),
    ],
)
def test_part_titles_reports_use(heading, part):
    from drafter.parse.classify import classify_heading

    assert classify_heading(heading, 2023) == part


def test_other_sites_field_styles_are_noise(tmp_path):
    text = (UNSEEN / "huzhou-eco-2023.txt").read_text(encoding="utf-8")
    fields = ["【发布单位】湖州市生态环境局【发布日期】2024-01-26", "分享至：", "生成日期：2024-01-26", "所属机构：湖州市生态环境局"]
    title, rest = text.split("\n", 2)[1], text.split("\n", 2)[2]
    noisy = tmp_path / "fields.txt"
    noisy.write_text(title + "\n" + "\n".join(fields) + "\n" + rest, encoding="utf-8")
    model = parse_file(noisy)
    assert model.meta.published == "2024-01-26" and model.meta.recipient == "市委依法治市办"
    assert model.preamble == parse_file(UNSEEN / "huzhou-eco-2023.txt").preamble
