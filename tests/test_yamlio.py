"""The YAML contract: dumping, safe loading with line numbers, schema validation."""

import pytest

from drafter.errors import DrafterError
from drafter.model.data import to_data
from drafter.model.files import load_report, save_report
from drafter.model.report import Closing, Figure, Item, Meta, Report, Section
from drafter.model.yamltext import dump_yaml, parse_yaml


def minimal_report() -> Report:
    """A parsed report as `drafter parse` gives it, cut to one item and one figure."""
    return Report(
        meta=Meta(region="营口市", year=2023, title="关于2023年法治政府建设情况的报告", date="2024-03-06"),
        preamble=["2023年，营口市坚持……"],
        sections={"measures": Section(heading="主要工作情况", items=[
            Item(heading="健全依法行政制度体系", paragraphs=["年度审核规范性文件71件。"])])},
        closing=Closing(phrase="特此报告。"),
        figures=[Figure(id="F001", label="审核规范性文件", value=71, unit="件", approx=None,
                        sentence="年度审核规范性文件71件", section="measures", item="1", text="71件")],
    )


def test_round_trip_keeps_model_and_chinese(tmp_path):
    report = minimal_report()
    report.preamble.append("两行\n文字")
    path = tmp_path / "r.yaml"
    save_report(report, path)
    text = path.read_text(encoding="utf-8")
    assert "审核规范性文件" in text and "\\u" not in text
    assert text.index("schema_version") < text.index("meta:") < text.index("sections:") < text.index("figures:")
    assert load_report(path) == report


def test_dates_stay_text():
    assert parse_yaml("date: 2024-01-18\n", "x.yaml").data == {"date": "2024-01-18"}


def test_unknown_key_is_named_with_its_line(tmp_path):
    text = dump_yaml(to_data(minimal_report())).replace("  region: 营口市\n", "  region: 营口市\n  regoin: 错字\n")
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DrafterError) as err:
        load_report(path)
    line = text.splitlines().index("  regoin: 错字") + 1
    assert "regoin" in str(err.value) and f"第 {line} 行" in str(err.value) and "bad.yaml" in str(err.value)


def test_wrong_type_is_reported_in_chinese(tmp_path):
    data = to_data(minimal_report())
    data["figures"][0]["value"] = "七十一"
    path = tmp_path / "bad.yaml"
    path.write_text(dump_yaml(data), encoding="utf-8")
    with pytest.raises(DrafterError, match="figures\\[0\\]\\.value.*类型不对：应为数字"):
        load_report(path)


def test_alias_bomb_refused_without_expanding():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b]\n"
    with pytest.raises(DrafterError, match="第 2 行.*别名"):
        parse_yaml(bomb, "bomb.yaml")


def test_newer_schema_version_refused(tmp_path):
    path = tmp_path / "new.yaml"
    path.write_text("schema_version: 9\nmeta: {}\n", encoding="utf-8")
    with pytest.raises(DrafterError, match="schema_version 为 9.*请升级"):
        load_report(path)


@pytest.mark.parametrize("text, message", [
    ("- 一\n- 二\n", "顶层应是映射"),
    ("a: [1, 2\n", "YAML 格式错误"),
    ("a: 1\na: 2\n", "重复"),
])
def test_bad_yaml_documents(tmp_path, text, message):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DrafterError, match=message):
        load_report(path)


def test_missing_key_is_named(tmp_path):
    data = to_data(minimal_report())
    del data["sections"]["duties"]
    path = tmp_path / "bad.yaml"
    path.write_text(dump_yaml(data), encoding="utf-8")
    with pytest.raises(DrafterError, match="缺少必填的键“duties”"):
        load_report(path)


@pytest.mark.parametrize("text", ["\x85", "甲\u2028乙", "一\u2029二\n三"])
def test_unicode_line_breaks_read_back_as_written(text):
    assert parse_yaml(dump_yaml({"region": text}), "x.yaml").data == {"region": text}
