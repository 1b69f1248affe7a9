"""drafter check on real drafts made from the seeds, with problems planted where a clerk would leave them."""

import copy
import json

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from helpers import SEEDS, parsed_report

from drafter.check.lint import check_docx, check_model
from drafter.cli.main import main
from drafter.draft.skeleton import build_draft
from drafter.errors import DrafterError
from drafter.model.files import save_report
from drafter.model.numbering import Places
from drafter.model.report import Closing, DraftInfo, Figure, Item, Meta, Report, Section
from drafter.render.document import render_model
from drafter.vocab import DONE, REFERENCE


def kinds(problems):
    return {p.kind for p in problems}


def of_kind(problems, kind):
    return [p for p in problems if p.kind == kind]


def seed(name):
    return parsed_report(name)


@pytest.fixture(scope="module")
def prior():
    return seed("yingkou")


@pytest.fixture(scope="module")
def skeleton(prior):
    return build_draft(copy.deepcopy(prior))


def fill_figures(draft):
    """Every figure set; counts doubled so that the rates they make stay true."""
    for figure in draft.figures:
        if figure.prior is None:
            figure.value = 1
        elif figure.unit == "%":
            figure.value = figure.prior
        else:
            figure.value = figure.prior * 2
    return draft


def item(draft, section, *path):
    """The item at 1-based `path` inside a part."""
    node = draft.sections[section]
    for n in path:
        node = node.items[n - 1]
    return node


def name(draft, section, *path):
    """The item's place as check names it: the document's numbering and its heading."""
    return Places(draft).name(item(draft, section, *path))


def write(draft, section, n, *paragraphs):
    node = item(draft, section, n)
    node.paragraphs = list(paragraphs)
    node.status = DONE
    return draft


@pytest.fixture
def filled(skeleton):
    return fill_figures(copy.deepcopy(skeleton))


# -- figures and placeholders --------------------------------------------------------------------

def test_unfilled_skeleton_lists_each_figure_by_id(skeleton):
    problems = check_model(skeleton)
    unfilled = of_kind(problems, "unfilled_figure")
    assert {p.place for p in unfilled} == {f"数字 {f.id}" for f in skeleton.figures}
    first = next(p for p in unfilled if p.place == "数字 F001")
    figure = skeleton.figures[0]
    assert figure.label in first.message and "2023年：" in first.message
    assert first.severity == "error" and first.item_id == "F001"


def test_filled_draft_has_no_unfilled_figure(filled):
    problems = check_model(filled)
    assert not of_kind(problems, "unfilled_figure")
    assert not kinds(problems) & {"closed_exceeds_accepted", "rate_mismatch", "percent_over_100"}


def test_a_figure_equal_to_last_year_asks_for_confirmation(filled):
    figure = next(f for f in filled.figures if f.unit == "件" and f.prior)
    figure.value = figure.prior
    same = of_kind(check_model(filled), "same_as_prior")
    assert [p.place for p in same if p.place == f"数字 {figure.id}"]
    assert all(p.severity == "warning" for p in same)
    assert any("与上年持平" in p.message and "confirmed" in p.message for p in same)


def test_a_value_over_five_times_last_years_is_listed_unless_confirmed(filled):
    figure = next(f for f in filled.figures if f.unit == "件" and f.prior and f.prior >= 10)
    figure.value = figure.prior * 6
    odd = [p for p in of_kind(check_model(filled), "implausible_change") if p.place == f"数字 {figure.id}"]
    assert odd and odd[0].severity == "warning" and "的6.0倍" in odd[0].message and "confirmed" in odd[0].message
    figure.confirmed = True
    assert not [p for p in of_kind(check_model(filled), "implausible_change") if p.place == f"数字 {figure.id}"]


def test_unknown_placeholder_and_typed_blanks(filled):
    write(filled, "measures", 1, "全年审核规范性文件{F999}，办理行政复议案件XX件。")
    problems = check_model(filled)
    place = f"{name(filled, 'measures', 1)} › 第1段"
    assert place.startswith("一、（一） ")
    unknown = [p for p in of_kind(problems, "unknown_placeholder") if p.place == place and "F999" in p.message]
    assert unknown and unknown[0].item_id == item(filled, "measures", 1).id == "measures.1"
    assert [p for p in of_kind(problems, "unfilled_text") if p.place == place and "XX" in p.message]


def test_todo_items_reference_items_and_the_date_are_reported(skeleton):
    problems = check_model(skeleton)
    todo = [p for p in of_kind(problems, "unfilled_text") if p.place == name(skeleton, "measures", 1)]
    assert todo and todo[0].severity == "error" and "请填写本年度落实情况" in todo[0].message
    assert todo[0].item_id == "measures.1"
    reference = {p.place for p in of_kind(problems, "reference_unconfirmed")}
    first_reference = next(n for n, node in enumerate(skeleton.sections["measures"].items, 1)
                           if node.status == REFERENCE and node.items)
    assert name(skeleton, "measures", first_reference) in reference
    assert name(skeleton, "measures", first_reference, 1) not in reference  # sub-items share their parent's verdict
    assert [p for p in of_kind(problems, "unfilled_text") if p.place.startswith("结尾") and "成文日期" in p.message]
    # The duties part's one item has no heading: the document prints it under the part's own number.
    duties = next(p for p in of_kind(problems, "unfilled_text") if p.item_id == "duties.1")
    assert duties.place.startswith("三、 请写明2024年党政主要负责人") and "第1项" not in duties.place


def test_missing_duties_part(filled):
    filled.sections["duties"] = Section(key="duties")
    # 一、（五）2. 深入推进党政主要负责人履行推进法治建设第一责任人职责 reports the duties inside the measures.
    assert not of_kind(check_model(filled), "missing_part")
    for section in filled.parts():
        for node in [section, *section.walk()]:
            node.items = [i for i in node.items if "第一责任人" not in (i.heading or "")]
    missing = of_kind(check_model(filled), "missing_part")
    assert [(p.place, p.severity, p.item_id) for p in missing] == [("三、 第一责任人职责", "error", "duties")]
    assert missing[0].message.startswith("缺少必须报告的部分“第一责任人职责”：")


# -- contradictions ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, kind", [
    ("全年受理行政复议案件112件，审结行政复议案件130件，办理质量稳步提升。", "closed_exceeds_accepted"),
    ("全年受理行政复议案件112件,审结87件,结案率80%。", "rate_mismatch"),
    ("行政复议案件结案率达105%，群众满意度持续提升。", "percent_over_100"),
    ("审结行政复议案件87件，其中维持52件，纠错24件，纠错率35%。", "rate_mismatch"),
])
def test_planted_contradictions_are_found_where_they_are(filled, text, kind):
    write(filled, "measures", 2, text)
    found = of_kind(check_model(filled), kind)
    assert len(found) == 1
    assert found[0].place.startswith(f"{name(filled, 'measures', 2)} › 第1段") and found[0].severity == "error"


@pytest.mark.parametrize("text", [
    "全年受理行政复议案件112件,审结90件,结案率80%。",  # 80.4 %
    "全年受理行政复议案件112件,审结行政诉讼案件130件。",  # two subjects
    "新收行政复议案件100件，审结120件（含上年结转30件）。",  # backlog
    "全年受理行政复议案件112件，不予受理3件，审结87件。",
    "办理政务服务事项同比增长105%。",  # growth, not a share
    "收到行政复议申请300件，受理280件，审结260件，结案率92.9%。",  # 260 of the 280 accepted
    "办理行政应诉案件56件，行政机关负责人出庭应诉56件，出庭应诉率100%。",
    "排查矛盾纠纷2.3万件，化解2.2万件，化解率95.6%。",
    "审结行政复议案件87件，其中维持52件，纠错24件，纠错率27.6%。",
])
def test_sound_numbers_are_not_contradictions(filled, text):
    write(filled, "measures", 2, text)
    assert not kinds(check_model(filled)) & {"closed_exceeds_accepted", "rate_mismatch", "percent_over_100"}


def test_rate_computed_from_filled_figures(filled):
    """The seed's 受理/审结/调解率 sentence, with the figures the clerk typed in."""
    rate = next(f for f in filled.figures if f.label.endswith("调解率"))
    rate.value = 60
    found = of_kind(check_model(filled), "rate_mismatch")
    assert len(found) == 1 and f"数字 {rate.id}" in found[0].place


def test_same_figure_quoted_with_two_values(filled):
    write(filled, "measures", 1, "全年办理行政复议案件112件，行政争议实质性化解取得新进展。")
    write(filled, "measures", 3, "全年办理行政复议案件120件，纠错率保持稳定。")
    found = of_kind(check_model(filled), "conflicting_values")
    assert len(found) == 1
    assert found[0].place == f"{name(filled, 'measures', 1)} › 第1段；{name(filled, 'measures', 3)} › 第1段"
    assert found[0].item_id == "measures.1"


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_published_reports_raise_no_false_contradictions(name):
    problems = check_model(seed(name))
    assert not kinds(problems) & {"closed_exceeds_accepted", "rate_mismatch", "percent_over_100", "conflicting_values"}


# -- last year left in ---------------------------------------------------------------------------

def test_last_year_written_as_this_year(filled):
    write(filled, "measures", 1, "2023年,我市新建基层调解组织12个,化解矛盾纠纷成效明显。")
    found = of_kind(check_model(filled), "prior_year")
    assert [(p.place, p.severity) for p in found] == [(f"{name(filled, 'measures', 1)} › 第1段", "error")]


@pytest.mark.parametrize("text", [
    "受理行政复议案件较2023年增长12%。",
    "与2023年相比，行政诉讼败诉率明显下降。",
    "2023年以来，我市持续深化“放管服”改革。",
    "全面落实《法治政府建设实施纲要(2021—2025年)》和《营口市2023年法治政府建设工作要点》。",
    "在2023年度全省法治政府建设考核中获评优秀。",
])
def test_phrases_that_refer_back_are_fine(filled, text):
    write(filled, "measures", 1, text)
    assert not of_kind(check_model(filled), "prior_year")


# -- copied text ---------------------------------------------------------------------------------

def _long_prior_paragraph(prior):
    for node in prior.sections["measures"].items:
        for sub in node.items:
            for text in sub.paragraphs:
                if len(text) > 80:
                    return text
    raise AssertionError("the seed has no long measures paragraph")


def test_paragraph_copied_from_last_year(filled, prior):
    copied = _long_prior_paragraph(prior).replace("2023年", "2024年")
    write(filled, "measures", 1, copied)
    found = of_kind(check_model(filled, prior), "copied_paragraph")
    assert [p.place for p in found] == [f"{name(filled, 'measures', 1)} › 第1段"]
    assert not of_kind(check_model(filled), "copied_paragraph")  # only with --prior


def test_confirmed_reference_text_left_unchanged_is_copied(filled, prior):
    items = filled.sections["measures"].items
    n = next(n for n, node in enumerate(items, 1) if node.status == REFERENCE and node.items)
    assert not of_kind(check_model(filled, prior), "copied_paragraph")  # still marked as reference
    for sub in items[n - 1].items:
        sub.status = DONE
    items[n - 1].status = DONE
    found = of_kind(check_model(filled, prior), "copied_paragraph")
    subs = {f"{name(filled, 'measures', n, m)} › 第1段": sub.id for m, sub in enumerate(items[n - 1].items, 1)}
    assert found and all(subs.get(p.place) == p.item_id for p in found)


def test_another_bureau_report_is_not_a_copy():
    problems = check_model(seed("tongzhou"), seed("heqing"))
    assert not of_kind(problems, "copied_paragraph")


# -- coverage of the national outline ------------------------------------------------------------

def test_a_report_following_the_outline_covers_every_area(prior):
    assert not of_kind(check_model(prior), "uncovered_area")


def test_measures_on_one_area_leave_the_others_uncovered(filled):
    measures = filled.sections["measures"]
    measures.paragraphs = []
    measures.status = None
    measures.items = measures.items[:1]
    write(filled, "measures", 1, "全面推行行政执法三项制度，建立法治督察与考核机制，开展执法案卷评查。")
    found = of_kind(check_model(filled), "uncovered_area")
    missing = "".join(p.message for p in found)
    assert "健全突发事件应对体系" in missing and "完善依法行政制度体系" in missing  # 建立法治 is not 立法
    assert "健全行政执法工作体系" not in missing and "加强党的领导" not in missing
    assert all(p.severity == "warning" and p.place == Places(filled).name(measures) and p.item_id == "measures"
               for p in found)
    assert found[0].place == f"一、 {measures.heading}"  # as the document prints the part


# -- .docx ---------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def rendered(tmp_path_factory, skeleton):
    draft = fill_figures(copy.deepcopy(skeleton))
    write(draft, "measures", 1, "2023年,我市新建基层调解组织12个,化解矛盾纠纷成效明显。")
    path = tmp_path_factory.mktemp("docx") / "report.docx"
    render_model(draft, path)
    return path


def _paragraph_number(doc, needle):
    number = 0
    for paragraph in doc.paragraphs:
        if paragraph.text.strip():
            number += 1
            if needle in paragraph.text:
                return number, paragraph
    raise AssertionError(needle)


def test_rendered_report_keeps_the_layout(rendered):
    problems = check_docx(rendered)
    assert not kinds(problems) & {"docx_font", "docx_indent"}
    doc = Document(rendered)
    number, _ = _paragraph_number(doc, "2023年,我市新建")
    assert [p.place for p in of_kind(problems, "prior_year")] == [f"第{number}段"]
    assert of_kind(problems, "unfilled_text") and of_kind(problems, "reference_unconfirmed")
    assert not of_kind(problems, "unfilled_figure")


def test_body_changed_to_songti_and_unindented(rendered, tmp_path):
    doc = Document(rendered)
    number, paragraph = _paragraph_number(doc, "2023年,我市新建")
    for run in paragraph.runs:
        run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    ind = paragraph._p.get_or_add_pPr().find(qn("w:ind"))
    if ind is None:
        ind = OxmlElement("w:ind")
        paragraph._p.get_or_add_pPr().append(ind)
    ind.set(qn("w:firstLineChars"), "0")
    ind.set(qn("w:firstLine"), "0")
    changed = tmp_path / "changed.docx"
    doc.save(changed)
    problems = check_docx(changed)
    fonts = of_kind(problems, "docx_font")
    assert [p.place for p in fonts] == [f"第{number}段"] and "宋体" in fonts[0].message
    assert [p.place for p in of_kind(problems, "docx_indent")] == [f"第{number}段"]


def test_theme_fonts_and_wrong_sizes_of_a_plain_word_file(tmp_path):
    doc = Document()  # python-docx's own template: theme fonts, 11 pt, no indent
    doc.add_paragraph("关于2024年法治政府建设情况的报告")
    doc.add_paragraph("一、主要举措和成效")
    doc.add_paragraph("全年受理行政复议案件112件，审结130件，依法化解行政争议。")
    path = tmp_path / "plain.docx"
    doc.save(path)
    problems = check_docx(path)
    messages = " ".join(p.message for p in of_kind(problems, "docx_font"))
    assert "主题" in messages or "没有指定中文字体" in messages
    assert "三号" in messages
    assert [p.place for p in of_kind(problems, "docx_indent")] == ["第2、3段"]
    assert [p.place for p in of_kind(problems, "closed_exceeds_accepted")] == ["第3段"]


def test_a_damaged_docx_is_refused(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DrafterError):
        check_docx(path)


# -- command line --------------------------------------------------------------------------------

def clean_draft():
    """A finished 2024 draft, in the words of the seeds, that every check passes."""
    def done(n, heading, text):
        return Item.written(f"measures.{n}", heading, [text])

    def part(key, heading, text):
        return Section(key=key, heading=heading, paragraphs=[text], status=DONE)

    measures = [
        done(1, "深化“放管服”改革", "优化营商环境，动态调整权责清单，政务服务事项{F001}实现“一网通办”。"),
        done(2, "完善依法行政制度体系", "审核规范性文件{F002}，开展地方性法规立法前评估。"),
        done(3, "推进依法科学民主决策", "落实重大行政决策程序，法律顾问参与合法性审查。"),
        done(4, "严格规范公正文明执法", "全面推行行政执法三项制度，开展执法案卷评查。"),
        done(5, "健全突发事件应对体系", "修订突发事件总体应急预案，组织应急演练。"),
        done(6, "化解矛盾纠纷", "受理行政复议案件{F003}，审结{F004}，结案率{F005}，人民调解组织化解矛盾纠纷。"),
        done(7, "强化权力监督", "自觉接受人大监督和民主监督，推进政务公开，开展审计监督。"),
        done(8, "建设数字政府", "建成大数据中心，推进数字政府建设和信息化平台整合。"),
        done(9, "加强党的领导", "党委常委会专题研究法治政府建设，落实述法和考核制度。"),
    ]
    figures = [
        Figure(id=f"F00{n}", label=label, value=value, unit=unit, approx=None, sentence="", section="measures",
               item=str(i), prior=prior)
        for n, (label, value, unit, i, prior) in enumerate([
            ("政务服务事项", 1200, "项", 1, 1100), ("审核规范性文件", 80, "件", 2, 71), ("受理行政复议案件", 120, "件", 6, 112),
            ("审结", 100, "件", 6, 87), ("结案率", 83.3, "%", 6, 77.7)], 1)
    ]
    return Report(
        meta=Meta(region="营口市", year=2024, title="关于2024年法治政府建设情况的报告", issuer="营口市人民政府",
                  date="2025-01-20"),
        preamble=["2024年，营口市坚持以习近平法治思想为指导，扎实推进法治政府建设。"],
        sections={
            "measures": Section(key="measures", heading="主要举措和成效", items=measures),
            "shortcomings": part("shortcomings", "存在的不足和原因", "基层行政执法队伍力量仍然薄弱，执法水平有待提升。"),
            "duties": part("duties", "党政主要负责人履行推进法治建设第一责任人职责情况", "市政府主要负责同志带头述法，专题研究法治建设重大问题。"),
            "plan": part("plan", "2025年度主要工作安排", "2025年，我市将持续深化法治政府建设，推进严格规范公正文明执法。"),
        },
        closing=Closing(phrase="特此报告。", signature=["营口市人民政府"]),
        figures=figures,
        draft=DraftInfo(prior_year=2023, prior_title="关于2023年法治政府建设情况的报告", preamble_status=DONE),
    )


def test_cli_exit_codes_and_json(tmp_path, skeleton, capsys):
    draft = tmp_path / "draft.yaml"
    save_report(skeleton, draft)
    assert main(["check", str(draft), "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)
    assert problems and all(list(p) == ["kind", "severity", "place", "item_id", "message"] for p in problems)
    assert {"kind": "unfilled_figure", "severity": "error", "place": "数字 F001", "item_id": "F001"}.items() <= problems[
        next(i for i, p in enumerate(problems) if p["place"] == "数字 F001")].items()
    first = next(p for p in problems if p["kind"] == "unfilled_text" and p["item_id"] == "measures.1")
    assert first["place"] == name(skeleton, "measures", 1)

    assert main(["check", str(draft)]) == 1
    out = capsys.readouterr().out
    assert "发现" in out and "【缺项与未填】" in out and "[错误] 数字 F001：" in out

    clean = tmp_path / "clean.yaml"
    save_report(clean_draft(), clean)
    assert main(["check", str(clean)]) == 0
    assert "未发现问题" in capsys.readouterr().out
    assert main(["check", str(clean), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_cli_bad_inputs_exit_2(tmp_path, capsys):
    text = tmp_path / "report.txt"
    text.write_text("不是草稿", encoding="utf-8")
    assert main(["check", str(text)]) == 2
    assert main(["check", str(tmp_path / "missing.yaml")]) == 2
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema_version: [1\n", encoding="utf-8")
    assert main(["check", str(broken)]) == 2
    assert "错误" in capsys.readouterr().err


def test_document_number_and_recipient_keep_their_own_layout(tmp_path):
    """驻马店's report has a 文号 above the title and a 主送机关 under it, and the appendix its 附件 mark:
    none of them is a title or body text."""
    path = tmp_path / "zhumadian.docx"
    render_model(seed("zhumadian"), path, appendix=True)
    assert "附件" in [p.text for p in Document(path).paragraphs]
    problems = check_docx(path)
    assert not kinds(problems) & {"docx_font", "docx_indent"}


def test_docx_reference_text_is_not_reported_as_copied(rendered, prior):
    problems = check_docx(rendered, prior)
    doc = Document(rendered)
    marked = {f"第{n}段" for n, text in enumerate((p.text for p in doc.paragraphs if p.text.strip()), 1)
              if "上年参考" in text}
    assert marked and marked <= {p.place for p in of_kind(problems, "reference_unconfirmed")}
    assert not marked & {p.place for p in of_kind(problems, "copied_paragraph")}


@pytest.mark.parametrize("text, severity", [
    ("二〇二三年，全市共办理行政复议案件112件。", "error"),
    ("截至2023年底，全市共有执法人员3000名。", "warning"),
])
def test_last_year_in_chinese_numerals_or_inside_a_statement(filled, text, severity):
    write(filled, "measures", 1, text)
    found = of_kind(check_model(filled), "prior_year")
    assert [p.severity for p in found] == [severity]


def test_docx_whose_duties_part_was_deleted(tmp_path):
    rendered = tmp_path / "heqing.docx"
    render_model(seed("heqing"), rendered)
    doc = Document(rendered)
    paragraphs = [p for p in doc.paragraphs if p.text.strip()]
    start = next(i for i, p in enumerate(paragraphs) if p.style.name == "Heading 1" and "第一责任人" in p.text)
    end = next(i for i in range(start + 1, len(paragraphs)) if paragraphs[i].style.name == "Heading 1")
    assert of_kind(check_docx(rendered), "missing_part") == []
    for paragraph in paragraphs[start:end]:
        paragraph._p.getparent().remove(paragraph._p)
    path = tmp_path / "no-duties.docx"
    doc.save(path)
    missing = of_kind(check_docx(path), "missing_part")
    assert [(p.place, p.message) for p in missing] == [("全文", "没有找到“第一责任人职责”部分：国家规定报告须包含这部分；请确认报告包含这部分内容")]


def test_cli_prior_must_be_yaml(tmp_path, skeleton, rendered, capsys):
    draft = tmp_path / "draft.yaml"
    save_report(skeleton, draft)
    assert main(["check", str(draft), "--prior", str(rendered)]) == 2
    assert "--prior" in capsys.readouterr().err


def test_a_title_left_with_last_year(filled):
    filled.meta.title = "关于2023年法治政府建设情况的报告"
    assert [p.place for p in of_kind(check_model(filled), "prior_year")] == ["报告标题"]


def test_an_empty_docx_is_refused_with_its_name(tmp_path):
    path = tmp_path / "empty.docx"
    Document().save(path)
    with pytest.raises(DrafterError) as caught:
        check_docx(path)
    assert caught.value.file == str(path) and "没有文字" in caught.value.message


def test_faces_named_by_the_built_in_template_are_accepted(monkeypatch, tmp_path):
    import drafter.render.template
    from drafter.check.layout import faces

    template = tmp_path / "template.docx"
    base = Document()
    base.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "华文仿宋")
    base.save(template)
    report = tmp_path / "report.docx"
    doc = Document()
    for text in ("关于2024年法治政府建设情况的报告", "全年审核规范性文件80件。"):
        run = doc.add_paragraph().add_run(text)
        run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "华文仿宋")
    doc.save(report)
    def fonts():
        return [p.message for p in of_kind(check_docx(report), "docx_font") if "字体为" in p.message]

    assert any("正文中文字体为“华文仿宋”" in m for m in fonts())
    monkeypatch.setattr(drafter.render.template, "resolve_template", lambda _name: template)
    faces.cache_clear()
    try:
        assert not any(m.startswith("正文") for m in fonts())
        assert any(m.startswith("标题") for m in fonts())  # a title still wants 小标宋
    finally:
        monkeypatch.undo()
        faces.cache_clear()


def test_last_years_figure_typed_into_this_years_text():
    from helpers import filled, make_draft

    draft = filled(make_draft("heqing"))  # F002 权责清单事项: 5512项 last year, another value this year
    assert draft.figure("F002").prior == 5512 and draft.figure("F002").value != 5512
    item = draft.find("measures.5.2")
    item.paragraphs = ["全县权责清单事项共5512项，建立权责清单动态调整机制。"]
    found = of_kind(check_model(draft), "prior_figure")
    assert [(p.item_id, p.severity) for p in found] == [("measures.5.2", "warning")]
    assert "“权责清单事项5512项”（数字 F002 上年即为5512项）" in found[0].message and "{F002}" in found[0].message
    item.paragraphs = ["全县权责清单事项共6064项，建立权责清单动态调整机制。"]  # this year's own number
    assert not of_kind(check_model(draft), "prior_figure")
    item.paragraphs = ["全县权责清单事项由5512项增至6064项。"]  # last year's value quoted to compare
    assert not of_kind(check_model(draft), "prior_figure")
    draft.figure("F002").value = 5512  # the same this year: same_as_prior says so, not this check
    item.paragraphs = ["全县权责清单事项共5512项。"]
    assert not of_kind(check_model(draft), "prior_figure")


def test_last_years_plan_target_quoted_as_met_is_no_leftover():
    from helpers import ROOT, filled

    from drafter.parse.report import parse_file

    draft = filled(build_draft(parse_file(ROOT / "tests" / "data" / "unseen" / "shaxi-town-2023.txt")))
    target = draft.figure("F011")  # 下一年度: 全年开展执法案卷自查2次
    assert (target.section, target.label, target.prior) == ("plan", "开展执法案卷自查", 2) and target.value != 2
    draft.find("measures.1").paragraphs = ["规范综合行政执法，全年开展执法案卷自查2次，发现并整改问题。"]
    assert not of_kind(check_model(draft), "prior_figure")


def test_every_kind_of_problem_is_listed_and_documented():
    """format_text prints problems by group: a kind in no group would be counted yet never shown."""
    import re
    from pathlib import Path

    from drafter.check.patterns import GROUPS

    root = Path(__file__).resolve().parent.parent
    source = "".join(p.read_text(encoding="utf-8") for p in (root / "drafter" / "check").glob("*.py"))
    kinds = set(re.findall(r'(?:Problem\(\s*|[^.]add\(|found\[\()"([a-z_]+)"', source))
    assert {"prior_figure", "missing_part", "docx_font"} <= kinds
    grouped = {kind for _, members in GROUPS for kind in members}
    documented = set(re.findall(r"`([a-z_]+)`", (root / "docs" / "check.md").read_text(encoding="utf-8")))
    assert kinds - grouped == set() and kinds - documented == set()
