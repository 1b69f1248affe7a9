import re

import pytest
from helpers import SEEDS, parsed_report, yingkou_report

from drafter.cli.main import main
from drafter.draft.placeholders import PLACEHOLDER_RE, fill_text
from drafter.draft.skeleton import build_draft, split_problems
from drafter.draft.years import new_title, shift_years
from drafter.errors import DrafterError
from drafter.model.data import to_data
from drafter.model.files import load_report, save_report
from drafter.model.report import DraftInfo, Figure, Item


def rendered_texts(draft):
    """Every string the renderer prints as body text (never `reference` nor `prompt`)."""
    yield draft.meta.title
    yield from draft.texts()


@pytest.fixture
def yingkou_draft():
    return build_draft(yingkou_report())


def test_meta_and_title_move_to_the_new_year(yingkou_draft):
    meta = yingkou_draft.meta
    assert meta.year == 2024
    assert meta.title == "关于2024年法治政府建设情况的报告"
    assert meta.date is None and meta.doc_number is None and meta.published is None
    assert meta.region == "营口市"
    assert yingkou_draft.draft == DraftInfo(prior_year=2023, prior_title="关于2023年法治政府建设情况的报告",
                                            prior_source=None, preamble_status="reference")
    data = to_data(yingkou_draft)
    assert (data["schema_version"], data["kind"]) == (4, "draft")


def test_titles_without_or_with_other_year_forms():
    assert new_title("新余市2021年度法治政府建设情况", "新余市", 2021, 2022) == "新余市2022年度法治政府建设情况"
    assert new_title("驻马店市人民政府 关于驻马店市法治政府建设工作情况的报告", "驻马店市", 2019, 2020) == "驻马店市2020年法治政府建设情况报告"
    assert new_title("关于2023年法治政府建设情况的报告", None, 2023, 2025) == "关于2025年法治政府建设情况的报告"
    assert new_title("某县二〇二三年法治政府建设情况报告", "某县", 2023, 2024) == "某县二〇二四年法治政府建设情况报告"


def test_plan_items_without_headings_prompt_with_their_words():
    prior = yingkou_report()
    prior.sections["plan"].items = [Item(paragraphs=["一是深化行政执法体制改革。"])]
    draft = build_draft(prior)
    assert draft.sections["measures"].items[0].prompt == "请填写本年度落实情况：一是深化行政执法体制改革"
    assert draft.sections["plan"].items[0].prompt == "请填写2025年的工作安排（上年安排：一是深化行政执法体制改革，可沿用或改写）"


def test_parts_without_a_heading_get_the_standard_one():
    prior = yingkou_report()
    for key in ("measures", "shortcomings", "duties", "plan"):
        prior.sections[key].heading = None
    sections = build_draft(prior).sections
    assert sections["measures"].heading == "2024年推进法治政府建设的主要举措和成效"
    assert sections["shortcomings"].heading == "存在的不足和原因"
    assert sections["duties"].heading == "党政主要负责人履行推进法治建设第一责任人职责情况"
    assert sections["plan"].heading == "2025年推进法治政府建设的主要安排"
    assert sections["other"].heading is None  # printed only when there is something to report


def test_year_shift_leaves_documents_ranges_and_other_years():
    years = {2023: 2024, 2024: 2025}
    assert shift_years("2023年,营口市坚持", years) == "2024年,营口市坚持"
    assert shift_years("四、2024年推进法治政府建设的工作思路", years) == "四、2025年推进法治政府建设的工作思路"
    assert shift_years("印发《营口市法治政府建设实施方案(2021-2025年)》", years) == "印发《营口市法治政府建设实施方案(2021-2025年)》"
    assert shift_years("审议《2023年市政府规章制定计划》,列入2023年立法计划", years) == "审议《2023年市政府规章制定计划》,列入2024年立法计划"
    assert shift_years("实施方案(2023-2024年)", years) == "实施方案(2023-2024年)"
    assert shift_years("继2019年全面完成改革后", years) == "继2019年全面完成改革后"
    assert shift_years("驻政文〔2023〕22号", years) == "驻政文〔2023〕22号"


def test_prior_plan_items_open_this_years_measures(yingkou_draft):
    items = yingkou_draft.sections["measures"].items
    assert [i.heading for i in items[:2]] == ["着力增强法治思维意识", "大力规范行政执法行为"]
    first = items[0]
    assert first.status == "todo" and first.origin == "prior_plan" and first.paragraphs == []
    assert first.prompt.startswith("请填写本年度落实情况：着力增强法治思维意识")
    assert first.reference == ["着力增强法治思维意识", "细化完善《领导干部学法用法清单》,带动广大党员干部群众树立法治理念。"]
    assert [i.id for i in items] == ["measures.1", "measures.2", "measures.3", "measures.4"]


def test_prior_measures_kept_as_reference_with_placeholders(yingkou_draft):
    items = yingkou_draft.sections["measures"].items
    ref = items[3]
    assert ref.status == "reference" and ref.origin == "prior_measures"
    assert [s.id for s in ref.items] == ["measures.4.1", "measures.4.2"]
    assert all(s.status == "reference" for s in ref.items)
    assert ref.items[0].paragraphs[0].startswith("年度审核规范性文件{F005},提出修改意见{F006}。")
    # Two figures written alike (24件) in one sentence each get their own place, in order.
    assert ref.items[1].paragraphs == ["市本级新收行政复议案件148件,受理112件,审结87件,直接纠错{F007},调解{F008},调解率{F009}。"]
    assert ref.items[1].reference == ["市本级新收行政复议案件148件,受理112件,审结87件,直接纠错24件,调解24件,调解率28%。"]
    # The report year in last year's wording moves; a document's own title does not.
    assert "市委法治建设委员会2024年工作要点" in items[2].items[0].paragraphs[0]
    assert "(2021-2025年)" in ref.items[0].paragraphs[0]


def test_figures_carry_prior_value_and_new_place(yingkou_draft):
    figures = yingkou_draft.figures_by_id()
    assert len(figures) == 9
    f4 = figures["F004"]
    assert f4.value is None and f4.approx is None and f4.prior == 4420 and f4.prior_approx == "余"
    assert (f4.section, f4.item) == ("measures", "3.1")
    assert (figures["F009"].section, figures["F009"].item) == ("measures", "4.2")
    assert yingkou_draft.preamble[0].startswith("2024年,营口市坚持")
    assert yingkou_draft.preamble[0].endswith("全市法治建设领域获得国家级荣誉{F001},省级荣誉{F002}。")
    rendered = fill_text(yingkou_draft.preamble[0], figures, 2023)
    assert "【待填：国家级荣誉（2023年：23个）】" in rendered and "23个" not in rendered.replace("2023年：23个", "")


def test_shortcomings_become_rectification_items(yingkou_draft):
    items = yingkou_draft.sections["shortcomings"].items
    assert [i.reference for i in items[:3]] == [["统筹推进法治政府建设抓手还需进一步丰富"],
                                                  ["打通基层法治“最后一公里”的力度还需进一步加强"],
                                                  ["行政执法队伍能力素质和执法水平还需进一步提升"]]
    assert all(i.status == "todo" and i.origin == "prior_shortcomings" and "整改情况" in i.prompt for i in items[:3])
    assert items[3].origin == "new" and items[3].status == "todo" and len(items) == 4


def test_shortcomings_paragraphs_without_lead_in_and_resolve():
    prior = yingkou_report()
    prior.sections["shortcomings"].paragraphs = [
        "我市法治政府建设还存在一些问题，主要是：", "基层执法力量薄弱，执法人员不足。", "普法形式较为单一。",
        "针对这些问题，我们将在今后工作中认真加以解决。"]
    items = build_draft(prior).sections["shortcomings"].items
    assert [i.reference for i in items] == [["基层执法力量薄弱，执法人员不足。"], ["普法形式较为单一。"], []]
    assert [i.heading for i in items[:2]] == ["基层执法力量薄弱", "普法形式较为单一"]


def test_split_problems_forms():
    assert split_problems("存在以下问题:一是执法队伍素质参差不齐;二是普法形式单一;三是监督不够有力。") == [
        "执法队伍素质参差不齐", "普法形式单一", "监督不够有力"]
    zmd = ("我们的工作离要求还有很大差距,工作中还存在法治理念还没有普遍真正树立、依法行政能力和水平有待进一步提高、"
           "行政决策程序和行政执法有待进一步规范等问题。下一步,我们将积极践行习近平法治思想。")
    assert split_problems(zmd) == ["法治理念还没有普遍真正树立", "依法行政能力和水平有待进一步提高", "行政决策程序和行政执法有待进一步规范"]
    assert split_problems("执法力量不足。普法形式单一。") == ["执法力量不足。", "普法形式单一。"]


def test_duties_always_present_and_plan_offered_as_start(yingkou_draft):
    duties = yingkou_draft.sections["duties"].items
    assert len(duties) == 1 and duties[0].status == "todo" and "第一责任人" in duties[0].prompt
    assert duties[0].reference == []
    prior = yingkou_report()
    prior.sections["measures"].items[0].items.append(
        Item(heading="深入推进党政主要负责人履行推进法治建设第一责任人职责", paragraphs=["在全省首创述法清单。"]))
    duties = build_draft(prior).sections["duties"].items
    assert duties[0].reference == ["深入推进党政主要负责人履行推进法治建设第一责任人职责", "在全省首创述法清单。"]
    plan = yingkou_draft.sections["plan"]
    assert [i.heading for i in plan.items] == ["着力增强法治思维意识", "大力规范行政执法行为"]
    assert all(i.status == "todo" and "2025年" in i.prompt for i in plan.items)
    assert plan.paragraphs == ["2025年,我市将坚持问题导向、目标导向、结果导向,全面提升法治政府建设水平。"]
    assert plan.status == "reference"


def test_closing_keeps_formula_and_leaves_the_date_open(yingkou_draft):
    closing = yingkou_draft.closing
    assert closing.lines() == ["特此报告。"] and closing.date is None and yingkou_draft.meta.date is None
    prior = yingkou_report()
    prior.closing.signature = ["中共鹤庆县委 鹤庆县人民政府"]
    prior.closing.date = "2024年1月18日"
    prior.closing.notes = ["(此件公开发布)", "（联系人：张三）"]
    prior.closing.record = ["抄送：市委办公室。", "营口市人民政府办公室 2024年1月18日印发"]
    closing = build_draft(prior).closing
    assert closing.phrase == "特此报告。" and closing.signature == ["中共鹤庆县委 鹤庆县人民政府"]
    assert closing.date is None and closing.notes == ["（联系人：张三）"] and closing.record == ["抄送：市委办公室。"]
    # Last year gave no signature: the issuer signs.
    prior = yingkou_report()
    prior.meta.issuer = "营口市人民政府"
    prior.closing.attachments = ["附件：营口市2023年法治政府建设情况统计表"]
    closing = build_draft(prior).closing
    assert closing.signature == ["营口市人民政府"] and closing.attachments == ["附件：营口市2024年法治政府建设情况统计表"]


def test_year_option_and_refusals():
    assert build_draft(yingkou_report(), 2025).meta.title == "关于2025年法治政府建设情况的报告"
    with pytest.raises(DrafterError, match="应晚于"):
        build_draft(yingkou_report(), 2023)
    prior = yingkou_report()
    prior.meta.year = None
    with pytest.raises(DrafterError, match="--year"):
        build_draft(prior)
    with pytest.raises(DrafterError, match="草稿"):
        build_draft(build_draft(yingkou_report()))


def test_cli_writes_draft_and_refuses_overwrite(tmp_path, capsys):
    prior = tmp_path / "prior.yaml"
    save_report(yingkou_report(), prior)
    out = tmp_path / "draft.yaml"
    assert main(["new", str(prior), "-o", str(out)]) == 0
    assert load_report(out).meta.year == 2024
    assert "：关于2024年法治政府建设情况的报告；待填数字 9 个，待写 9 项，沿用上年待确认 5 项。下一步：drafter fill" in (
        capsys.readouterr().out)
    assert main(["new", str(prior), "-o", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert main(["new", str(prior), "-o", str(out), "--force", "--year", "2025"]) == 0
    assert load_report(out).meta.year == 2025
    # last year's file is never overwritten by its own draft, even with --force
    before = prior.read_bytes()
    assert main(["new", str(prior), "-o", str(prior), "--force"]) == 2
    assert "输出文件就是输入文件" in capsys.readouterr().err
    assert prior.read_bytes() == before


# --- the five seeds, through the real parser -------------------------------------------------


@pytest.fixture(params=sorted(SEEDS))
def seed_pair(request):
    prior = parsed_report(request.param)
    return request.param, prior, build_draft(prior)


def _plain(text):
    return re.sub(r"\s+", "", text)


def test_seed_skeleton(seed_pair):
    name, prior, draft = seed_pair
    _, region, year = SEEDS[name]
    assert draft.meta.year == year + 1
    assert str(year + 1) in draft.meta.title and str(year) not in draft.meta.title
    measures = draft.sections["measures"].items
    from_plan = [i for i in measures if i.origin == "prior_plan"]
    plan = prior.sections["plan"]
    assert len(from_plan) == max(len(plan.items), 1 if plan.paragraphs else 0)
    for prior_item, item in zip(plan.items, from_plan):
        assert item.heading == prior_item.heading and item.status == "todo"
    assert draft.sections["duties"].items or draft.sections["duties"].paragraphs
    assert [f.id for f in draft.figures] == [f.id for f in prior.figures]
    for old, new in zip(prior.figures, draft.figures):
        assert new.prior == old.value and new.value is None and new.prior_approx == old.approx


def test_seed_no_prior_number_rendered_as_current(seed_pair):
    name, prior, draft = seed_pair
    body = _plain("".join(rendered_texts(draft)))
    used = set(PLACEHOLDER_RE.findall(body))
    for old in prior.figures:
        # Each sentence that held a figure now reads with a placeholder, or is kept only as reference.
        assert _plain(old.sentence) not in body, old
        if old.section in ("preamble", "measures", "duties", "other"):
            assert old.id in used, old
    rendered = fill_text(body, draft.figures_by_id(), SEEDS[name][2])
    assert "{F" not in rendered and rendered.count("【待填：") >= len(used)


def test_placeholders_take_whole_numbers_in_order():
    prior = yingkou_report()
    sentence = "新收案件124件,直接纠错24件,调解24件。"
    other = "全年受理24件。"
    item = prior.sections["measures"].items[1].items[1]
    item.paragraphs = [other + sentence]

    def count(n, label, value, sentence):
        return Figure(id=f"F{n:03d}", label=label, value=value, unit="件", approx=None, sentence=sentence,
                      section="measures", item="2.2", text=f"{value}件")

    figs = [f for f in prior.figures if f.item != "2.2"]
    figs += [count(20, "受理", 24, other), count(21, "新收案件", 124, sentence), count(22, "直接纠错", 24, sentence),
             count(23, "调解", 24, sentence)]
    prior.figures = figs
    draft = build_draft(prior)
    assert draft.sections["measures"].items[3].items[1].paragraphs == [
        "全年受理{F020}。新收案件{F021},直接纠错{F022},调解{F023}。"]
    # A figure the parser missed (124件) is not mistaken for 24件.
    prior.figures = [f for f in figs if f.id != "F021"]
    draft = build_draft(prior)
    assert draft.sections["measures"].items[3].items[1].paragraphs == [
        "全年受理{F020}。新收案件124件,直接纠错{F022},调解{F023}。"]
