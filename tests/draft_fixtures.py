"""A small v1 model written by hand from seeds/yingkou-2023.txt, and seed parsing cached per session."""

from __future__ import annotations

import copy
from functools import cache

from conftest import seed_path

_SENT_9 = "年度审核规范性文件71件,提出修改意见146条。"
_SENT_18 = "市本级新收行政复议案件148件,受理112件,审结87件,直接纠错24件,调解24件,调解率28%。"
_SENT_PRE = "全市法治建设领域获得国家级荣誉23个,省级荣誉94个。"
_SENT_1 = "举办各类法治教育培训、讲座16期,培训党员、干部4420余人次。"


def _fig(n, label, value, unit, approx, sentence, section, item, text):
    return {"id": f"F{n:03d}", "label": label, "value": value, "unit": unit, "approx": approx,
            "sentence": sentence, "section": section, "item": item, "text": text}


YINGKOU_V1 = {
    "schema_version": 1,
    "meta": {"region": "营口市", "year": 2023, "title": "关于2023年法治政府建设情况的报告", "issuer": None,
             "date": None, "recipient": None, "doc_number": None, "source": None, "published": "2024-03-06"},
    "preamble": ["2023年,营口市坚持以习近平新时代中国特色社会主义思想为指导,扎实推进依法行政,法治政府建设各项工作取得新成效。" + _SENT_PRE],
    "sections": {
        "measures": {"heading": "主要工作情况", "paragraphs": [], "items": [
            {"heading": "深入学习贯彻习近平法治思想,统筹推进法治政府建设", "paragraphs": [], "items": [
                {"heading": "深入学习贯彻习近平法治思想", "paragraphs": [
                    "将学习贯彻习近平法治思想纳入市委法治建设委员会2023年工作要点。" + _SENT_1], "items": []},
            ]},
            {"heading": "健全依法行政制度体系", "paragraphs": [], "items": [
                {"heading": "不断加强规范性文件管理", "paragraphs": [
                    _SENT_9 + "印发《营口市法治政府建设实施方案(2021-2025年)》。"], "items": []},
                {"heading": "发挥行政复议化解行政争议主渠道作用", "paragraphs": [_SENT_18], "items": []},
            ]},
        ]},
        "shortcomings": {"heading": None, "paragraphs": [
            "2023年营口市法治政府建设虽然取得一定的成绩,但也还存在一些不足,如统筹推进法治政府建设抓手还需进一步丰富,"
            "打通基层法治“最后一公里”的力度还需进一步加强,行政执法队伍能力素质和执法水平还需进一步提升,"
            "这些都需要在下一步工作中不断改进和提高。"], "items": []},
        "duties": {"heading": None, "paragraphs": [], "items": []},
        "plan": {"heading": "下步工作安排", "paragraphs": [
            "2024年,我市将坚持问题导向、目标导向、结果导向,全面提升法治政府建设水平。"], "items": [
            {"heading": "着力增强法治思维意识", "paragraphs": ["细化完善《领导干部学法用法清单》,带动广大党员干部群众树立法治理念。"], "items": []},
            {"heading": "大力规范行政执法行为", "paragraphs": ["加强行政执法标准化建设,规范涉企执法。"], "items": []},
        ]},
        "other": {"heading": None, "paragraphs": [], "items": []},
    },
    "closing": ["特此报告。"],
    "figures": [
        _fig(1, "国家级荣誉", 23, "个", None, _SENT_PRE, "preamble", None, "23个"),
        _fig(2, "省级荣誉", 94, "个", None, _SENT_PRE, "preamble", None, "94个"),
        _fig(3, "法治教育培训、讲座", 16, "期", None, _SENT_1, "measures", "1.1", "16期"),
        _fig(4, "培训党员、干部", 4420, "人次", "余", _SENT_1, "measures", "1.1", "4420余人次"),
        _fig(5, "审核规范性文件", 71, "件", None, _SENT_9, "measures", "2.1", "71件"),
        _fig(6, "提出修改意见", 146, "条", None, _SENT_9, "measures", "2.1", "146条"),
        _fig(7, "直接纠错", 24, "件", None, _SENT_18, "measures", "2.2", "24件"),
        _fig(8, "调解", 24, "件", None, _SENT_18, "measures", "2.2", "24件"),
        _fig(9, "调解率", 28, "%", None, _SENT_18, "measures", "2.2", "28%"),
    ],
}


def yingkou_v1() -> dict:
    """The report as a version-1 file holds it."""
    return copy.deepcopy(YINGKOU_V1)


def yingkou_report():
    """The same report as the model, read as such a file is loaded."""
    from drafter.model.data import from_data, migrate

    return from_data(migrate(yingkou_v1()))


@cache
def _parsed(name: str):
    from drafter.parse.report import parse_file

    return parse_file(seed_path(name))


def parsed_report(name: str):
    """The seed as the model (parsed once per session)."""
    return copy.deepcopy(_parsed(name))
