"""The bundled list of administrative divisions and the names a text gives."""

from drafter.text import divisions


def test_levels_parents_and_codes():
    (yingkou,) = divisions.lookup("营口市")
    assert (yingkou.code, yingkou.level, divisions.get(yingkou.parent).name) == ("210800", "prefecture", "辽宁省")
    (dongyang,) = divisions.lookup("东阳市")
    assert [d.name for d in divisions.ancestors(dongyang)] == ["金华市", "浙江省"]
    (jiyuan,) = divisions.lookup("济源市")  # a county directly under its province
    assert divisions.get(jiyuan.parent).name == "河南省"
    assert [d.name for d in divisions.lookup("北京市")] == ["北京市"]  # a municipality once, as a province


def test_short_forms():
    assert [d.name for d in divisions.lookup("营口")] == ["营口市"]
    assert [d.name for d in divisions.lookup("广西")] == ["广西壮族自治区"]
    assert [d.name for d in divisions.lookup("延边")] == ["延边朝鲜族自治州"]
    assert divisions.lookup("营口", short=False) == ()
    assert {d.name for d in divisions.lookup("朝阳")} == {"朝阳区", "朝阳市", "朝阳县"}


def test_find_longest_match_left_to_right():
    found = divisions.find("江苏省南通市通州区人民政府关于城区改造")
    assert [(m.text, m.start) for m in found] == [("江苏省", 0), ("南通市", 3), ("通州区", 6)]
    assert [m.text for m in divisions.find("营口市司法局在营口开展", short=True)] == ["营口市", "营口"]
    assert [m.text for m in divisions.find("营口市司法局在营口开展")] == ["营口市"]


def test_settle_recurring_names():
    assert len(divisions.lookup("鼓楼区")) == 4
    chain = divisions.settle(divisions.find("福建省福州市鼓楼区"))
    assert [d.code for d in chain] == ["350000", "350100", "350102"]
    # The city may follow the district, as in a signature's second line.
    gulou, xuzhou = divisions.settle(divisions.find("鼓楼区人民政府 徐州市"))
    assert (gulou.code, xuzhou.code) == ("320302", "320300")
