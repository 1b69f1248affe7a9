"""A report's identity (region, issuer, year) from each form real reports open with, traditional characters included."""

from pathlib import Path

import pytest
from helpers import SEEDS, seed_path

from drafter.parse.meta import identity_notes, listed_region, zone
from drafter.parse.report import parse_file
from drafter.read.document import read_document

DATA = Path(__file__).parent / "data"

# file -> (region, issuer, year)
OPENINGS = {
    "lixia-title-year.txt": ("历下区", "济南市历下区人民政府", 2023),  # region and year open the title, no 关于
    "zhouzhuang-town-2022.txt": ("周庄镇", "周庄镇人民政府", 2022),
    "yingkou-zone-2023.txt": ("营口经济技术开发区", "营口经济技术开发区管委会", 2023),
    "yingkou-bureau-2023.txt": ("营口市", "营口市交通运输局", 2023),
    "zhejiang-province-2023.txt": ("浙江省", "浙江省人民政府", 2023),
    "gulou-recurring-2023.txt": ("鼓楼区", "徐州市鼓楼区人民政府", 2023),
    "heading-year-only.txt": ("沛县", "沛县人民政府", 2022),  # no title; the year only in 一、2022年…
    "traditional-2023.txt": ("新罗区", "龙岩市新罗区人民政府", 2023),
}
UNSEEN = {
    "anhui-province-2023.txt": ("安徽省", "安徽省人民政府", 2023),
    "dongyang-justice-2023.txt": ("东阳市", "东阳市司法局", 2023),
    "gansu-province-2023.txt": ("甘肃省", "甘肃省人民政府", 2023),
    "huzhou-eco-2023.txt": ("湖州市", "湖州市生态环境局", 2023),
    "jiangyin-duties-first-2023.txt": ("江阴市", "江阴市人民政府", 2023),
    "jinxiang-figures-2022.txt": ("金乡县", "金乡县司法局", 2022),
    "liuyang-city-2023.txt": ("浏阳市", "中共浏阳市委 浏阳市人民政府", 2023),
    "longyan-city-2023.txt": ("龙岩市", "龙岩市人民政府", 2023),
    "nanming-leads-2023.txt": ("南明区", "中共贵阳市南明区委 贵阳市南明区人民政府", 2023),
    "ningde-npc-2023.txt": ("宁德市", "宁德市人民政府", 2023),
    "shaxi-town-2023.txt": ("沙溪镇", "沙溪镇人民政府", 2023),
    "suichang-market-2023.txt": ("遂昌县", "遂昌县市场监督管理局", 2023),
    "xihu-district-2023.txt": ("西湖区", "中共杭州市西湖区委 杭州市西湖区人民政府", 2023),
    "yanggu-county-2023.txt": ("阳谷县", "阳谷县人民政府", 2023),
}


@pytest.mark.parametrize(
    "path, expected",
    [(DATA / "openings" / f, e) for f, e in OPENINGS.items()] + [(DATA / "unseen" / f, e) for f, e in UNSEEN.items()],
    ids=lambda v: v.name if isinstance(v, Path) else None,
)
def test_region_issuer_and_year(path, expected):
    meta = parse_file(path).meta
    assert (meta.region, meta.issuer, meta.year) == expected


def test_traditional_report_is_read_as_simplified():
    report = parse_file(DATA / "openings" / "traditional-2023.txt")
    assert report.meta.source.converted_from == "traditional"
    assert report.meta.title == "龙岩市新罗区人民政府关于2023年度法治政府建设情况的报告"
    assert report.sections["duties"].paragraphs or report.sections["duties"].items
    found = {(f.value, f.unit) for f in report.figures}
    assert {(15, "项"), (42, "个"), (1.2, "万件")} <= found
    assert identity_notes(report.meta, report.closing) == ["原文为繁体字，已转为简体"]


@pytest.mark.parametrize("seed_name", list(SEEDS))
def test_simplified_seeds_are_not_converted(seed_name):
    assert read_document(seed_path(seed_name)).source.converted_from is None


def test_zone_name_drops_the_address_in_front():
    assert zone("辽宁省营口市营口经济技术开发区管委会关于2023年度") == ("营口经济技术开发区", "营口经济技术开发区管委会")
    assert zone("苏州工业园区管理委员会") == ("苏州工业园区", "苏州工业园区管理委员会")
    assert zone("营口市人民政府") is None


def test_listed_region_takes_the_lowest_of_adjacent_names():
    assert listed_region("济南市历下区人民政府") == "历下区"
    assert listed_region("沛县人民政府") == "沛县"
    assert listed_region("某某县人民政府") is None


def test_summary_says_where_the_region_came_from():
    report = parse_file(DATA / "unseen" / "ningde-npc-2023.txt")  # title without a region, no signature region
    assert identity_notes(report.meta, report.closing) == ["标题和落款未写明地区，地区取自正文或网页"]
    report = parse_file(DATA / "openings" / "gulou-recurring-2023.txt")
    assert identity_notes(report.meta, report.closing) == []


def test_title_and_signature_disagree_signature_wins_and_summary_says_so(tmp_path):
    lines = (DATA / "openings" / "lixia-title-year.txt").read_text(encoding="utf-8").splitlines()
    lines[-2] = "济南市市中区人民政府"  # a signature naming another district than the title
    path = tmp_path / "disagree.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = parse_file(path)
    assert (report.meta.region, report.meta.issuer) == ("市中区", "济南市市中区人民政府")
    assert identity_notes(report.meta, report.closing) == ["标题（历下区）与落款地区不一致，地区取自落款"]
