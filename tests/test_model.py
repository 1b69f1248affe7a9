"""The typed model and its files: schema and model agree, kinds are told apart, old files load, comments stay."""

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from drafter.errors import DrafterError
from drafter.model.data import SCHEMA_VERSION, from_data, to_data
from drafter.model.files import load_report, save_report
from drafter.model.report import Closing, DraftInfo, Figure, Item, Meta, Report, Section
from drafter.model.yamltext import dump_yaml, parse_yaml

DATA = Path(__file__).parent / "data" / "release-0.1"
SCHEMA = json.loads((Path(__file__).parent.parent / "schemas" / "drafter.schema.json").read_text(encoding="utf-8"))


def _fields(cls, leave=()):
    return {f.name for f in dataclasses.fields(cls)} - set(leave)


def _props(name):
    return set(SCHEMA["$defs"][name]["properties"])


def test_schema_describes_the_model():
    assert _fields(Item) == _props("draft_item")
    assert _fields(Item) - {"id", "status", "origin", "prompt", "reference"} == _props("report_item")
    assert _fields(Section, {"key"}) == _props("draft_section")
    assert _fields(Figure) == _props("draft_figure")
    assert _fields(Figure) - {"prior", "prior_approx", "confirmed"} == _props("report_figure")
    assert _fields(Closing) == _props("closing")
    assert _fields(Meta) == set(SCHEMA["properties"]["meta"]["properties"])
    assert _fields(DraftInfo) == set(SCHEMA["properties"]["draft"]["properties"])
    assert _fields(Report, {"sections", "draft"}) | {"schema_version", "kind", "sections", "draft"} == set(SCHEMA["properties"])


def test_release_01_report_loads_as_the_current_version():
    report = load_report(DATA / "yingkou-2023.yaml")
    assert report.kind == "report" and report.meta.region == "营口市" and report.meta.year == 2023
    assert report.closing == Closing(phrase="特此报告。")
    assert report.figure("F026").label == "审核规范性文件" and report.figure("F026").value == 71
    assert report.sections["measures"].heading == "主要工作情况"
    assert len(report.sections["measures"].items) == 10 and len(report.sections["plan"].items) == 4


def test_release_01_draft_loads_with_what_the_clerk_filled():
    draft = load_report(DATA / "yingkou-2024-draft.yaml")
    assert draft.kind == "draft" and draft.meta.year == 2024 and draft.prior_year == 2023
    assert draft.meta.date == "2025-01-20" and draft.meta.doc_number == "营政发〔2025〕3号"
    # the date line of a version-2 closing was meta.date written out: version 3 keeps it in meta only
    assert draft.closing == Closing(phrase="特此报告。", signature=["营口市人民政府"])
    assert (draft.figure("F001").value, draft.figure("F001").prior) == (25, 23)
    assert (draft.figure("F006").value, draft.figure("F006").approx) == (4500, "余")
    assert draft.figure("F027").value is None and draft.figure("F027").prior == 146
    written = draft.find("measures.1")
    assert written.status == "done" and written.paragraphs == ["修订《领导干部学法用法清单》，组织学法{F026}。", "全年开展述法评议。"]
    assert draft.find("measures.5").status == "done"
    assert [i.heading for i in draft.sections["other"].items] == ["其他情况"]


def test_a_migrated_draft_saves_as_the_current_version_and_reads_back_the_same(tmp_path):
    draft = load_report(DATA / "yingkou-2024-draft.yaml")
    out = tmp_path / "d.yaml"
    save_report(draft, out)
    text = out.read_text(encoding="utf-8")
    assert text.startswith(f"schema_version: {SCHEMA_VERSION}\nkind: draft\n")
    assert load_report(out) == draft
    assert from_data(to_data(draft)) == draft


def test_a_version_3_draft_loads_with_no_signer_and_keeps_the_version_4_fields(tmp_path):
    # A version 3 file as drafter 0.2 wrote it: no meta.signer, no confirmed, no stopped_at.
    v3 = to_data(load_report(DATA / "yingkou-2024-draft.yaml"))
    v3["schema_version"] = 3
    del v3["meta"]["signer"]
    path = tmp_path / "v3.yaml"
    path.write_text(dump_yaml(v3), encoding="utf-8")
    draft = load_report(path)
    assert draft.meta.signer is None and draft.draft.stopped_at is None
    assert not any(f.confirmed for f in draft.figures)
    draft.meta.signer = "张三"
    draft.figures[0].confirmed = True
    draft.draft.stopped_at = "F002"
    save_report(draft, tmp_path / "v4.yaml")
    text = (tmp_path / "v4.yaml").read_text(encoding="utf-8")
    assert "signer: 张三" in text and text.count("confirmed: true") == 1 and "stopped_at: F002" in text
    assert text.index("doc_number:") < text.index("signer:") < text.index("source:")
    again = load_report(tmp_path / "v4.yaml")
    assert (again.meta.signer, again.figures[0].confirmed, again.draft.stopped_at) == ("张三", True, "F002")


@pytest.mark.parametrize("change, message", [
    # a parsed report carries no draft fields …
    (lambda d: d["sections"]["measures"]["items"][0].update(status="todo"), "未知的键“status”"),
    (lambda d: d.update(draft={"prior_year": 2022}), "不应有 draft"),
    (lambda d: d["figures"][0].update(value=None), "类型不对"),
    (lambda d: d["figures"][0].update(confirmed=True), "未知的键“confirmed”"),
])
def test_a_report_with_draft_fields_is_refused(tmp_path, change, message):
    data = parse_yaml(dump_yaml(to_data(load_report(DATA / "yingkou-2023.yaml"))), "x").data
    change(data)
    path = tmp_path / "r.yaml"
    path.write_text(dump_yaml(data), encoding="utf-8")
    with pytest.raises(DrafterError, match=message):
        load_report(path)


@pytest.mark.parametrize("change, message", [
    (lambda d: d["sections"]["measures"]["items"][0].pop("id"), "缺少必填的键“id”"),
    (lambda d: d["figures"][0].pop("prior"), "缺少必填的键“prior”"),
    (lambda d: d.pop("draft"), "缺少必填的键“draft”"),
    (lambda d: d.update(kind="plan"), "kind"),
])
def test_a_draft_lacking_draft_fields_is_refused(tmp_path, change, message):
    data = to_data(load_report(DATA / "yingkou-2024-draft.yaml"))
    change(data)
    path = tmp_path / "d.yaml"
    path.write_text(dump_yaml(data), encoding="utf-8")
    with pytest.raises(DrafterError, match=message):
        load_report(path)


def test_comments_a_clerk_typed_survive_a_save(tmp_path):
    path = tmp_path / "d.yaml"
    shutil.copy(DATA / "yingkou-2024-draft.yaml", path)
    draft = load_report(path)
    draft.figure("F001").value = 30
    draft.figure("F027").value = 150
    save_report(draft, path, force=True, keep_comments=True)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0] == "# 营口市2024年报告草稿（司法局张某整理，数字待各部门核实）"
    assert "  value: 30  # 市委依法治市办提供" in lines
    assert load_report(path) == draft


def test_a_comment_whose_line_is_gone_stays_on_a_line_of_its_own(tmp_path):
    path = tmp_path / "d.yaml"
    text = (DATA / "yingkou-2024-draft.yaml").read_text(encoding="utf-8")
    # a comment on the heading of the item added under "other", which is then removed
    text = text.replace("    - heading: 其他情况\n", "    - heading: 其他情况  # 办公室补充\n")
    path.write_text(text, encoding="utf-8")
    draft = load_report(path)
    draft.sections["other"].items.clear()
    save_report(draft, path, force=True, keep_comments=True)
    written = path.read_text(encoding="utf-8")
    assert "# 办公室补充" in written and "其他情况" not in written
    assert load_report(path) == draft


def test_a_hash_inside_text_is_text_not_a_comment(tmp_path):
    path = tmp_path / "d.yaml"
    draft = load_report(DATA / "yingkou-2024-draft.yaml")
    draft.find("measures.1").paragraphs = ["第#1号文件已印发。"]
    save_report(draft, path)
    save_report(draft, path, force=True, keep_comments=True)
    assert load_report(path).find("measures.1").paragraphs == ["第#1号文件已印发。"]


def test_without_keep_comments_a_file_is_written_afresh(tmp_path):
    path = tmp_path / "d.yaml"
    shutil.copy(DATA / "yingkou-2024-draft.yaml", path)
    save_report(load_report(path), path, force=True)
    assert "#" not in path.read_text(encoding="utf-8")


def test_the_schema_speaks_the_vocabulary():
    from drafter import vocab

    defs = SCHEMA["$defs"]
    assert tuple(defs["draft_item"]["properties"]["status"]["enum"]) == vocab.STATUSES
    assert tuple(defs["draft_item"]["properties"]["origin"]["enum"]) == vocab.ORIGINS
    assert tuple(defs["draft_figure"]["properties"]["section"]["enum"]) == vocab.FIGURE_PLACES
    assert tuple(defs["closing"]["properties"]) == vocab.CLOSING_KINDS
    assert tuple(defs["report_sections"]["required"]) == vocab.PARTS


def test_a_save_that_expects_the_file_as_read_refuses_when_another_process_changed_it(tmp_path):
    from drafter.model.files import ChangedOnDisk, file_digest

    path = shutil.copy(DATA / "yingkou-2024-draft.yaml", tmp_path / "d.yaml")
    draft = load_report(path)
    digest = file_digest(path)
    draft.meta.signer = "张三"
    save_report(draft, path, force=True, expect=digest)  # nobody else wrote: saved
    assert load_report(path).meta.signer == "张三"
    with pytest.raises(ChangedOnDisk, match="已被其他程序"):
        save_report(draft, path, force=True, expect=digest)  # the file is no longer the one read
    assert file_digest(path) != digest
