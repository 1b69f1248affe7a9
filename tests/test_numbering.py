"""One numbering for people: the numbers the document prints, and the names built from them."""

from pathlib import Path

from drafter.model.files import load_report
from drafter.model.numbering import Places, number_for, outline
from drafter.model.report import Item, Meta, Report, Section

DATA = Path(__file__).parent / "data" / "release-0.1"


def test_gb9704_numbers():
    assert [number_for(1, n) for n in (1, 10, 11)] == ["一、", "十、", "十一、"]
    assert [number_for(2, 2), number_for(3, 3), number_for(4, 4), number_for(5, 1)] == ["（二）", "3.", "（4）", "①"]


def test_a_draft_is_numbered_as_its_document_prints():
    draft = load_report(DATA / "yingkou-2024-draft.yaml")
    entries = list(outline(draft))
    parts = [(e.part, e.number) for e in entries if e.level == 1 and e.number]
    assert parts == [("measures", "一、"), ("shortcomings", "二、"), ("duties", "三、"), ("plan", "四、"), ("other", "五、")]
    measures = [e.number for e in entries if e.part == "measures" and e.level == 2]
    assert measures[0] == "（一）" and measures[-1] == "（十四）" and len(measures) == 14
    places = Places(draft)
    assert places.name("measures.7.3") == "一、（七）3. 不断加强规范性文件管理"
    assert places.name(draft.find("shortcomings.1")) == "二、（一） 统筹推进法治政府建设抓手还需进一步丰富"
    assert places.name("measures") == "一、 主要工作情况"
    # the lone duties item prints unnumbered, as the text of its part
    lone = next(e for e in entries if e.node is draft.find("duties.1"))
    assert lone.number == "" and lone.path == "三、"
    assert places.name("duties.1") == "三、 请写明2024年党政主要负责人履行推进法治建设第…"


def test_empty_parts_are_not_numbered_but_duties_always_is():
    report = load_report(DATA / "yingkou-2023.yaml")
    parts = [(e.part, e.number) for e in outline(report) if e.level == 1]
    assert parts == [("measures", "一、"), ("shortcomings", "二、"), ("duties", "三、"), ("plan", "四、")]


def test_a_grouping_item_without_words_gives_its_numbers_to_its_sub_items():
    group = Item(items=[Item(heading="甲"), Item(heading="乙")])
    lone = Item(items=[Item(heading="丙"), Item(heading="丁")], paragraphs=["只有一段话。"])
    report = Report(meta=Meta(), sections={"measures": Section(heading="举措", items=[group]),
                                           "plan": Section(heading="安排", items=[Item(paragraphs=["一段。"], items=[
                                               Item(heading="戊")])])})
    names = [(e.path, e.node.heading) for e in outline(report) if e.part == "measures"]
    assert names == [("一、", "举措"), ("一、（一）", "甲"), ("一、（二）", "乙")]
    # a lone unnumbered item under 安排: its sub-item takes the next level's number
    plan = [(e.number, e.path) for e in outline(report) if e.part == "plan"]
    assert plan == [("三、", "三、"), ("", "三、"), ("（一）", "三、（一）")]
    assert Places(report).name(report.sections["plan"].items[0].items[0]) == "三、（一） 戊"
    assert lone.has_text()
