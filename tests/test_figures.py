"""Figure extraction on the five seed reports and on hand-written sentences of the genre."""

from __future__ import annotations

import re

import pytest
from helpers import SEEDS, seed_path, to_docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafter.model.files import validate_report
from drafter.model.report import Figure, Item, Meta, Report, Section
from drafter.parse.figures import extract_figures
from drafter.parse.report import parse_file
from drafter.text.amounts import format_figure
from drafter.text.numerals import from_chinese


def _report(preamble: list[str], sections: dict[str, Section]) -> Report:
    return Report(meta=Meta(), preamble=preamble, sections=sections)


@pytest.fixture(scope="module")
def seed_figures() -> dict[str, tuple[Report, list[Figure]]]:
    """name -> (report, figures), each seed parsed once by `drafter parse`'s pipeline."""
    out = {}
    for name in SEEDS:
        report = parse_file(seed_path(name))
        out[name] = (report, report.figures)
    return out


def _figures_of(*paragraphs: str) -> list[Figure]:
    return extract_figures(_report([], {"measures": Section(paragraphs=list(paragraphs))}))


def _find(figures: list[Figure], label: str, value, unit, approx=None, *, exact: bool = False, text: str | None = None):
    """The figure with this value and unit whose label is (or contains) `label`."""
    hits = [f for f in figures if f.value == value and f.unit == unit and (f.label == label if exact else label in f.label)]
    assert hits, f"no figure {label} {value}{unit}; have {[(f.label, f.text) for f in figures if f.value == value]}"
    figure = hits[0]
    assert figure.approx == approx, figure
    assert isinstance(figure.value, type(value)), figure
    if text is not None:
        assert figure.text == text, figure
    return figure


# -- the seeds -------------------------------------------------------------------------------

def test_yingkou(seed_figures):
    _, figs = seed_figures["yingkou"]
    _find(figs, "审核规范性文件", 71, "件", exact=True, text="71件")
    _find(figs, "提出修改意见", 146, "条", exact=True)
    _find(figs, "培训党员、干部", 4420, "人次", "余", exact=True, text="4420余人次")
    _find(figs, "国家级荣誉", 23, "个")
    assert _find(figs, "人民调解员", 2, "名", text="两名").section == "preamble"
    _find(figs, "行政复议案件受理", 112, "件", exact=True)
    _find(figs, "行政复议案件审结", 87, "件", exact=True)
    _find(figs, "调解率", 28, "%", exact=True, text="28%")
    _find(figs, "通过率", 76, "%", exact=True)
    _find(figs, "结案率", 93.78, "%", exact=True)
    _find(figs, "共享数据总量", 4900, "万次", "余", text="4900余万次")
    _find(figs, "用户账号开通", 2.18, "万人", text="2.18万人")
    _find(figs, "行政权力事项", 1804, "项", exact=True)
    _find(figs, "提出意见", 40, "条", "余", text="40余条")


def test_tongzhou(seed_figures):
    _, figs = seed_figures["tongzhou"]
    _find(figs, "确认行政权力事项", 6401, "项", exact=True)
    _find(figs, "确认行政权力事项的区级部门", 32, "家", exact=True)
    case = _find(figs, "办理案件", 32770, "件", "近", text="近32770件")
    growth = _find(figs, "同比增长", 23.7, "%", text="23.7%")
    assert growth.sentence == case.sentence
    _find(figs, "免予保全", 1.12, "亿元", exact=True)
    _find(figs, "免予担保", 5.57, "亿元", exact=True)
    _find(figs, "总投资", 128, "亿元", "约", text="约128亿元")
    _find(figs, "平均缩短", 56.8, "%", "以上", text="56.8%以上")
    _find(figs, "行政复议案件受理", 157, "件", exact=True)
    _find(figs, "行政复议案件审结", 131, "件", exact=True)
    _find(figs, "批次用地", 25, "个", text="二十五个")
    _find(figs, "挽回经济损失", 27.9, "万元", "余", text="27.9万余元")
    _find(figs, "培训", 60, "学时", "不少于", text="不少于60学时")
    # One number for three rates: one figure naming all of them.
    rates = _find(figs, "报备率", 100, "%")
    assert "及时率" in rates.label and "合法合规率" in rates.label
    assert sum(1 for f in figs if f.sentence == rates.sentence and f.value == 100) == 1


def test_heqing(seed_figures):
    _, figs = seed_figures["heqing"]
    _find(figs, "办理告知承诺", 4357, "件", exact=True)
    _find(figs, "权责清单事项", 5512, "项", exact=True)
    _find(figs, "归集涉企信息", 19234, "条", exact=True)
    _find(figs, "进行信用修复的市场主体", 34, "户", exact=True)
    _find(figs, "配备人民调解员", 1607, "人", exact=True)
    _find(figs, "“法律明白人”", 600, "名")
    _find(figs, "通过率", 94, "%", exact=True)
    _find(figs, "办理行政复议案件", 13, "件", exact=True)
    _find(figs, "出庭应诉率", 100, "%")
    _find(figs, "法律事项审查和建议", 200, "条", "余")
    # 第45次常务会议 is a session number, 第五次会议 an ordinal.
    assert not [f for f in figs if f.value in (45, 5) and f.unit == "次"]


def test_xinyu(seed_figures):
    _, figs = seed_figures["xinyu"]
    _find(figs, "上线运行事项", 877, "项", exact=True)
    _find(figs, "“网上办”可办率", 80, "%", exact=True)
    _find(figs, "营业执照", 9000, "张", "近", text="近9000张")
    _find(figs, "全部减少", 80, "%", "以上", text="80%以上")
    _find(figs, "前移", 4, "位")
    _find(figs, "", 8.28, "个百分点", text="8.28个百分点")
    _find(figs, "成功率", 98.28, "%")
    _find(figs, "纠纷调处成功", 7461, "件", exact=True)
    _find(figs, "上报数据", 1107, "万条", exact=True)
    _find(figs, "占比", 3, "%", "不足", text="不足3%")
    # 列第5位 is a rank, 4.0版 a version, 5G a name, 3-11岁 and 18岁以上 ages.
    assert [f.text for f in figs if f.unit == "位"] == ["4位"]
    assert not [f for f in figs if f.text.startswith(("4.0", "5G")) or "岁" in f.sentence]


def test_zhumadian(seed_figures):
    _, figs = seed_figures["zhumadian"]
    _find(figs, "市政府常务会议学法", 5, "次", exact=True)
    _find(figs, "局长办公会议学法", 1100, "次", "余", text="1100余次")
    _find(figs, "培训行政执法人员", 1, "万人次", "余", text="1万余人次")
    _find(figs, "发布信息", 1.5, "万条", "约", text="约1.5万条")
    _find(figs, "企业开办时间", 3, "个工作日", text="3个工作日")
    _find(figs, "城市案例", 400, "个", "多", text="400多个")
    _find(figs, "调解成功率", 98.75, "%", exact=True)
    _find(figs, "班子成员", 3600, "名", "余")
    _find(figs, "市政府规范性文件", 770, "件")
    _find(figs, "市政府规范性文件废止", 185, "件", exact=True)
    _find(figs, "举办考试", 12, "次", exact=True)  # 举办A考试、B考试、C考试、D考试共12次
    # 第27名 is a rank, 收支两条线 a fixed phrase, “1211” a name, 24小时接听 round the clock.
    assert not [f for f in figs if f.value in (27, 1211, 24, 365, 12345)]
    assert not [f for f in figs if "两条" in f.text]


def test_figures_point_into_their_text(seed_figures, seed_name):
    """Every figure's text is in its sentence, its sentence in the text of its section and item."""
    report, figs = seed_figures[seed_name]
    assert len(figs) >= 20
    assert [f.id for f in figs] == [f"F{n:03d}" for n in range(1, len(figs) + 1)]
    for figure in figs:
        assert figure.text in figure.sentence
        assert any(figure.sentence in text for text in _texts_at(report, figure.section, figure.item))
        assert figure.label and figure.label.strip() == figure.label
    validate_report(report)


def test_figures_render_back_as_written(seed_figures, seed_name):
    """A placeholder filled with the same value reads as the report wrote it (Arabic numerals)."""
    _, figs = seed_figures[seed_name]
    arabic = [f for f in figs if not re.search(r"[一二两三四五六七八九十百千]", f.text)]
    assert arabic
    for figure in arabic:
        assert format_figure(figure.value, figure.unit, figure.approx) == figure.text.replace(" ", "")


def test_same_figures_from_docx(seed_figures, tmp_path):
    _, figs = seed_figures["tongzhou"]
    docx_figs = parse_file(to_docx(seed_path("tongzhou"), tmp_path / "tongzhou.docx")).figures
    keys = ("label", "value", "unit", "approx", "text", "sentence")
    assert [tuple(getattr(f, k) for k in keys) for f in docx_figs] == [tuple(getattr(f, k) for k in keys) for f in figs]


def test_no_years_dates_or_ordinals_in_seeds(seed_figures, seed_name):
    _, figs = seed_figures[seed_name]
    for figure in figs:
        assert not (isinstance(figure.value, int) and 1949 <= figure.value <= 2100 and figure.unit is None)
        assert "第" not in figure.text and "年" not in figure.text and "月" not in figure.text


def _texts_at(report: Report, section: str, item: str | None) -> list[str]:
    if section == "preamble":
        return report.preamble
    node = report.sections[section]
    if item is None:
        return node.paragraphs
    for n in item.split("."):
        node = node.items[int(n) - 1]
    return [node.heading or ""] + node.paragraphs


# -- the rules, on sentences of the genre ------------------------------------------------------

@pytest.mark.parametrize("text,value", [
    ("二十四", 24), ("三百", 300), ("十五", 15), ("两千", 2000), ("一万零五", 10005), ("三十万", 300000),
    ("一百零八", 108), ("两", 2),
])
def test_chinese_number(text, value):
    assert from_chinese(text) == value


@pytest.mark.parametrize("text", ["一两", "十十", "万", "百五", "三五"])
def test_not_a_chinese_number(text):
    assert from_chinese(text) is None


def test_chinese_numerals_in_sentences():
    figs = _figures_of("全年培训党员干部一万余人次，调解矛盾纠纷三百余件，成立二十四个工作组，选派两名调解员，办结十项任务。")
    assert [(f.value, f.unit, f.approx, f.text) for f in figs] == [
        (1, "万人次", "余", "一万余人次"), (300, "件", "余", "三百余件"), (24, "个", None, "二十四个"),
        (2, "名", None, "两名"), (10, "项", None, "十项"),
    ]
    assert [f.label for f in figs] == ["培训党员干部", "调解矛盾纠纷", "成立工作组", "选派调解员", "办结任务"]


def test_enumeration_inherits_the_subject():
    figs = _figures_of("市本级新收行政复议案件148件，受理112件，审结87件，调解率28%。")
    assert [f.label for f in figs] == ["新收行政复议案件", "行政复议案件受理", "行政复议案件审结", "调解率"]
    assert [f.value for f in figs] == [148, 112, 87, 28]


def test_total_glued_to_a_verb_and_inherited_objects_with_modifiers():
    figs = _figures_of("全国共制发行政复议意见书、建议书3800余份。共收各类一审行政诉讼案件2584件，审结2418件。推进数据共享接口478项。")
    assert [f.label for f in figs] == ["制发行政复议意见书、建议书", "收各类一审行政诉讼案件", "各类一审行政诉讼案件审结",
                                          "推进数据共享接口"]


def test_subject_before_total_is_dropped():
    figs = _figures_of("32家区级部门共确认行政权力事项6401项，累计开展执法检查1,250次。")
    assert [(f.label, f.value) for f in figs] == [("确认行政权力事项的区级部门", 32), ("确认行政权力事项", 6401),
                                                        ("开展执法检查", 1250)]


# Seed labels that once named only a place or an aspect (乡镇, 涵盖园区, 部署方面), as they read now.
BARE_BEFORE_AFTER = [
    ("heqing", "9个", "全覆盖的乡镇", "法律顾问全覆盖的乡镇"),
    ("heqing", "58个", "党政机关和群团组织法律顾问", "法律顾问全覆盖的党政机关和群团组织"),
    ("tongzhou", "19个", "纳入部门", "纳入“一窗综合受理”的部门"),
    ("zhumadian", "344个", "城市", "12345热线第三方评估的城市"),
    ("zhumadian", "46个", "市直部门", "建立并实施政府法律顾问制度的市直部门"),
    ("zhumadian", "172个", "乡镇政府", "建立并实施政府法律顾问制度的乡镇政府、街道办事处"),
    ("tongzhou", "32家", "区级部门", "确认行政权力事项的区级部门"),
    ("tongzhou", "24个", "村居建成", "建成应急物资储备库的村居"),
    ("yingkou", "6个", "涵盖县（市）区", "述法个性化清单涵盖县（市）区"),
    ("yingkou", "8个", "涵盖园区", "述法个性化清单涵盖园区"),
    ("yingkou", "两个", "选取县（市）区", "选取县（市）区进行现场述法"),
    ("yingkou", "10个", "部署方面", "部署任务涉及方面"),
    ("yingkou", "3个", "督察反馈方面", "督察反馈问题涉及方面"),
]


@pytest.mark.parametrize(("name", "text", "before", "after"), BARE_BEFORE_AFTER)
def test_place_and_aspect_labels_say_what_is_counted(seed_figures, name, text, before, after):
    _, figs = seed_figures[name]
    labels = [f.label for f in figs if f.text == text]
    assert after in labels and before not in labels, labels


def test_place_labels_from_the_clause_around_them():
    figs = _figures_of("选取两个县（市）区、两个市直部门进行现场述法。全区27个部门和12个镇街主要负责人在年终开展述法。"
                       "印发实施方案，部署10个方面、94项任务举措。")
    assert [f.label for f in figs] == ["选取县（市）区进行现场述法", "选取市直部门进行现场述法", "开展述法的部门",
                                       "开展述法的镇街主要负责人", "部署任务涉及方面", "部署任务"]
    # A place named with its own thing keeps its label; one taken into something is named with it.
    assert [f.label for f in _figures_of("共有105个行政执法部门纳入监管平台，共纳入19个部门、580个政务服务事项。")] == [
        "行政执法部门", "纳入监管平台的部门", "纳入政务服务事项"]
    figs = _figures_of("在全市17个镇街全面推行“一支队伍管执法”，下放执法事项396项。")
    assert [f.label for f in figs] == ["推行“一支队伍管执法”的镇街", "下放执法事项"]


def test_labels_of_modified_nouns_rates_and_inherited_objects():
    figs = _figures_of("对34户市场主体进行了信用修复。聘请8名专业工作人员和10名具有较高政治素质、专业法律知识的外聘法律专家、"
                       "律师组成法律顾问团队。力争纠错率保持在10%以上。县政府收到行政复议申请74件，受理68件，审结65件。")
    assert [f.label for f in figs] == ["进行信用修复的市场主体", "聘请专业工作人员", "聘请外聘法律专家、律师", "纠错率",
                                       "县政府收到行政复议申请", "行政复议申请受理", "行政复议申请审结"]
    # A verbal noun (确认违法) lends no object to the next verb; a rate lowered to a value is the rate.
    figs = _figures_of("全年新收行政复议案件156件，其中维持96件、确认违法7件、驳回9件。"
                       "行政机关负责人出庭应诉率100%，败诉率降至4.9%，考核权重提高至4%。")
    assert [f.label for f in figs] == ["新收行政复议案件", "行政复议案件维持", "确认违法", "行政复议案件驳回",
                                       "行政机关负责人出庭应诉率", "败诉率", "考核权重"]


def test_covered_places_take_what_the_clause_before_counted():
    figs = _figures_of("培育“法律明白人”2650名，覆盖全县656个行政村（社区）。")
    assert [f.label for f in figs] == ["培育“法律明白人”", "培育“法律明白人”覆盖全县行政村（社区）"]


def test_one_of_a_group_is_no_figure():
    figs = _figures_of("我市作为全国两个地市级城市之一，作典型经验发言。成为全省3个试点县之一，培训干部300人次。")
    assert [(f.label, f.text) for f in figs] == [("培训干部", "300人次")]


def test_figure_opening_a_sentence():
    figs = _figures_of("近32770件案件以告知承诺方式办理。数十家企业参与。")
    assert [(f.text, f.approx, f.label) for f in figs] == [("近32770件", "近", "案件以告知承诺方式办理")]


def test_round_hundreds_and_full_width_digits():
    figs = _figures_of("逾百家单位参与，培训近千人次，调解百余件，办理案件１２３件，占比５０％。")
    assert [(f.text, f.value, f.unit, f.approx) for f in figs] == [
        ("逾百家", 100, "家", "逾"), ("近千人次", 1000, "人次", "近"), ("百余件", 100, "件", "余"),
        ("１２３件", 123, "件", None), ("５０％", 50, "%", None)]


def test_approximations_and_multipliers():
    figs = _figures_of("办理案件近32770件，涉及金额约8567万元，挽回损失27.9万余元，服务群众超过1000人次，"
                       "办理时长缩短56.8%以上，参与培训400多人，覆盖率百分之九十五。")
    assert [(f.text, f.value, f.unit, f.approx) for f in figs] == [
        ("近32770件", 32770, "件", "近"), ("约8567万元", 8567, "万元", "约"), ("27.9万余元", 27.9, "万元", "余"),
        ("超过1000人次", 1000, "人次", "超过"), ("56.8%以上", 56.8, "%", "以上"), ("400多人", 400, "人", "多"),
        ("百分之九十五", 95, "%", None),
    ]


def test_rates_changes_and_lists():
    figs = _figures_of("全年共办理行政复议案件1,024件，同比增长12.5%，其中作出撤销、变更、确认违法等纠错决定156件，"
                       "纠错率15.2%；行政诉讼案件败诉率由2022年的8.5%下降至3.2%；调解矛盾纠纷8千余件；医患纠纷 872 起。")
    assert [(f.label, f.text) for f in figs] == [
        ("办理行政复议案件", "1,024件"), ("办理行政复议案件同比增长", "12.5%"), ("作出纠错决定", "156件"),
        ("纠错率", "15.2%"), ("行政诉讼案件败诉率", "8.5%"), ("行政诉讼案件败诉率下降", "3.2%"),
        ("调解矛盾纠纷", "8千余件"), ("医患纠纷", "872 起"),
    ]
    assert (figs[6].value, figs[6].unit, figs[6].approx) == (8, "千件", "余")
    assert [f.label for f in _figures_of("办理案件500件，较2022年增长15%，比例达30%。")] == [
        "办理案件", "办理案件增长", "比例"]
    assert format_figure(8, "千件", "余") == "8千余件"


def test_durations_are_figures_but_slogans_are_not():
    figs = _figures_of("企业开办时间压缩至3个工作日以内，不动产登记缩短至2小时办结，打造15分钟法律服务圈。")
    assert [(f.text, f.unit) for f in figs] == [("3个工作日", "个工作日"), ("2小时", "小时")]


def test_time_phrases_stay_out_of_labels():
    figs = _figures_of("市医调委自成立以来成功调解医患纠纷 872 起。截至2023年底，全市共有律师620人，2023年共培训干部300人次，"
                       "上半年办理案件20件，近三年来新建站点8个。")
    assert [(f.label, f.text) for f in figs] == [
        ("市医调委成功调解医患纠纷", "872 起"), ("律师", "620人"), ("培训干部", "300人次"), ("办理案件", "20件"),
        ("新建站点", "8个")]


def test_people_counted_by_a_verb_after_them():
    figs = _figures_of("先后组织两批次全市行政执法资格考试，共计913人参加，701人通过考试，通过率为76%。")
    assert [(f.label, f.value, f.unit) for f in figs] == [
        ("组织全市行政执法资格考试", 2, "批次"), ("参加人数", 913, "人"), ("通过考试人数", 701, "人"), ("通过率", 76, "%")]


@pytest.mark.parametrize("sentence", [
    "2023年，营口市坚持依法行政，12月17日召开推进会。",
    "印发《法治政府建设实施方案（2021-2025年）》和《2023年推进法治政府建设十项重点任务》。",
    "获评第一批示范地区，委托第三方评估，县政府第45次常务会议专题听取汇报。",
    "落实省委十三届六次全会精神，推进“十四五”规划和八五普法，建立“1211”推进机制。",
    "建成4.0版新系统，推进5G基础设施建设，提供“7*24”小时服务，打造“15分钟”服务圈。",
    "一是推行一站式服务，实行一窗受理、一网通办、一次告知。",
    "全面推行行政执法三项制度，落实收支两条线，建立24小时接听机制。",
    "加强免疫接种，3-11岁人群接种率居全省第一，综合排名列第5位。",
    "服务千家万户，做到三番五次上门。",
    "登上五台山，建成二期工程，覆盖数十家企业、10万人口。",
    "打造15分钟政务服务圈，设立24小时自助服务区。",
    "严格落实中央八项规定精神，推行“一庭两所”联动和一庭两所机制，开展5·12防灾减灾宣传。",
])
def test_not_figures(sentence):
    assert _figures_of(sentence) == []


def test_scan_order_items_and_headings():
    report = _report(["全年办理案件10件。"], {
        "plan": Section(heading="2024年工作安排", paragraphs=["计划新建站点5个。"]),
        "measures": Section(heading="主要举措和成效", paragraphs=["新增律师3名。"], items=[
            Item(heading="建成服务站12个", paragraphs=["培训干部200人次。"], items=[Item(paragraphs=["调解纠纷50件。"])]),
        ]),
    })
    figs = extract_figures(report)
    assert [(f.id, f.section, f.item, f.value) for f in figs] == [
        ("F001", "preamble", None, 10), ("F002", "measures", None, 3), ("F003", "measures", "1", 12),
        ("F004", "measures", "1", 200), ("F005", "measures", "1.1", 50), ("F006", "plan", None, 5),
    ]
    assert figs[2].sentence == "建成服务站12个"
    report.figures = figs
    validate_report(report)


_PIECES = ["12", "3.5", "1,024", "两", "三百", "一万", "十", "一", "万", "千", "余", "多", "近", "约", "以上", "件", "个", "人次",
           "%", "个百分点", "万元", "第", "年", "月", "“", "”", "《", "》", "，", "、", "。", "；", "共", "累计", "其中",
           "受理", "审结", "办理", "行政复议案件", "的", "和", "同比增长", "率", "为", "对", "在", " ", "-", "*", "G", "\u3000"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join), min_size=1, max_size=4))
def test_any_text_gives_well_formed_figures(paragraphs):
    report = _report(paragraphs[:1], {"plan": Section(paragraphs=paragraphs[1:])})
    figs = extract_figures(report)
    for n, figure in enumerate(figs, 1):
        assert figure.id == f"F{n:03d}"
        assert figure.text in figure.sentence
        assert any(figure.sentence in p for p in paragraphs)
        assert figure.label and isinstance(figure.value, (int, float))
    report.figures = figs
    validate_report(report)


def _run_on_from(report: Report) -> str:
    """The seed's measures paragraphs that hold figures, run together into one sentence (。 -> ，)."""
    measures = report.sections["measures"]
    paragraphs = [p for node in (measures, *measures.walk()) for p in node.paragraphs if re.search(r"\d+[件人项个]", p)]
    return "，".join(p.replace("。", "，").rstrip("，") for p in paragraphs[:6]) + "。"


def test_run_on_sentence_gives_each_figure_its_clauses_and_new_still_places_them(seed_figures, tmp_path):
    from drafter.draft.skeleton import build_draft

    report, _ = seed_figures["yingkou"]
    run_on = _run_on_from(report)
    assert len(run_on) > 600 and run_on.count("。") == 1
    path = tmp_path / "run-on.txt"
    path.write_text(f"{report.meta.title}\n一、主要举措和成效\n{run_on}\n", encoding="utf-8")
    prior = parse_file(path)
    figs = prior.figures
    # The same numbers as the paragraphs give one by one, each with a bounded excerpt around it.
    apart = _figures_of(*run_on.replace("，", "。").split("。"))
    assert [f.text for f in figs] == [f.text for f in apart] and len(figs) > 20
    for figure in figs:
        assert figure.text in figure.sentence and figure.sentence in run_on
        assert 10 < len(figure.sentence) <= 300, figure
    assert len({f.sentence for f in figs}) > len(figs) // 2
    # `drafter new` puts each placeholder where its figure was written, in order.
    draft = build_draft(prior)
    (paragraph,) = [p for p in draft.texts() if "{F001}" in p]
    assert re.findall(r"\{(F\d+)\}", paragraph) == [f.id for f in figs]
    texts = {f.id: f.text for f in figs}
    assert re.sub(r"\{(F\d+)\}", lambda m: texts[m.group(1)], paragraph) == run_on
