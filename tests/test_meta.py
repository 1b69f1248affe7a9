"""Framing (title, recipient, body, closing) and metadata of the five seeds and of unseen shapes."""

from __future__ import annotations

import dataclasses
import json

import jsonschema
import pytest
from helpers import ROOT, SEEDS, seed_path, to_docx, to_html

from drafter.model.report import Closing, Source
from drafter.parse.frame import split_frame
from drafter.parse.meta import extract_meta, find_region
from drafter.parse.nodes import Para, RawDoc
from drafter.read.document import read_document
from drafter.text.dates import iso_from_chinese

EXPECTED = {
    "yingkou": {
        "title": "关于2023年法治政府建设情况的报告",
        "recipient": None,
        "closing": Closing(phrase="特此报告。"),
        "first": "2023年，营口市坚持以习近平新时代中国特色社会主义思想为指导",
        "last": "（四）持续推进法治化营商环境建设。",
        "meta": {"region": "营口市", "year": 2023, "issuer": "营口市人民政府", "date": None,
                 "doc_number": None, "published": "2024-03-06"},
    },
    "tongzhou": {
        "title": "通州区人民政府2023年法治政府建设情况报告",
        "recipient": None,
        "closing": Closing(),
        "first": "2023年，在市委市政府的正确领导下，通州区坚持",
        "last": "（五）多维提升联动解纷效能。",
        "meta": {"region": "通州区", "year": 2023, "issuer": "通州区人民政府", "date": None,
                 "doc_number": None, "published": "2024-02-22"},
    },
    "zhumadian": {
        "title": "驻马店市人民政府 关于驻马店市法治政府建设工作情况的报告",
        "recipient": "河南省人民政府",
        "closing": Closing(date="2020年2月9日"),
        "first": "2019年以来，驻马店市人民政府积极践行习近平法治思想",
        "last": "近年来，我市法治政府建设虽然取得了一定的成效",
        "meta": {"region": "驻马店市", "year": 2019, "issuer": "驻马店市人民政府", "date": "2020-02-09",
                 "doc_number": "驻政文〔2020〕22号", "published": "2020-03-09"},
    },
    "heqing": {
        "title": None,
        "recipient": None,
        "closing": Closing(signature=["中共鹤庆县委 鹤庆县人民政府"], date="2024年1月18日", notes=["（此件公开发布）"]),
        "first": "2023年，鹤庆县坚持以习近平新时代中国特色社会主义思想为指导",
        "last": "（三）“线上+线下”模式创新普法。",
        "meta": {"region": "鹤庆县", "year": 2023, "issuer": "中共鹤庆县委 鹤庆县人民政府", "date": "2024-01-18",
                 "doc_number": None, "published": None},
    },
    "xinyu": {
        "title": "新余市2021年度法治政府建设情况",
        "recipient": None,
        "closing": Closing(),
        "first": "2021年，在市委、市政府的正确领导下，全市各地各部门深入贯彻习近平法治思想",
        "last": "（五）浓造法治氛围。",
        "meta": {"region": "新余市", "year": 2021, "issuer": "新余市人民政府", "date": None,
                 "doc_number": None, "published": "2022-03-10"},
    },
}


@pytest.fixture(scope="module")
def framed():
    out = {}
    for name in SEEDS:
        raw = read_document(seed_path(name))
        out[name] = (raw, split_frame(raw))
    return out


def meta_of(raw, frame):
    # The preamble as the outline step gives it: the body's text before the first part heading.
    return extract_meta(raw, frame, [frame.body[0].text] if frame.body else [])


@pytest.fixture(scope="module")
def meta_schema():
    schema = json.loads((ROOT / "schemas" / "drafter.schema.json").read_text(encoding="utf-8"))
    return schema["properties"]["meta"]


def test_frame_of_each_seed(framed, seed_name):
    raw, frame = framed[seed_name]
    want = EXPECTED[seed_name]
    assert frame.title == want["title"]
    assert frame.recipient == want["recipient"]
    assert frame.closing == want["closing"]
    assert frame.body[0].text.startswith(want["first"])
    assert frame.body[-1].text.startswith(want["last"])
    # The body is everything else, in order: nothing lost, nothing repeated.
    framing = [t for t in (frame.title, frame.recipient) if t]
    assert len(frame.body) == len(raw.paras) - len(framing) - len(frame.closing.lines())
    body_texts = [p.text for p in frame.body]
    assert body_texts == [p.text for p in raw.paras if p.text in body_texts]
    assert not set(frame.closing.lines()) & set(body_texts)


def test_meta_of_each_seed(framed, seed_name, meta_schema):
    raw, frame = framed[seed_name]
    meta = meta_of(raw, frame)
    want = EXPECTED[seed_name]
    assert {k: getattr(meta, k) for k in want["meta"]} == want["meta"]
    assert meta.title == want["title"] and meta.recipient == want["recipient"]
    assert meta.source == raw.source and meta.source.file == SEEDS[seed_name][0]
    assert (meta.region, meta.year) == SEEDS[seed_name][1:]
    jsonschema.validate(dataclasses.asdict(meta), meta_schema)


@pytest.mark.parametrize("maker, suffix", [(to_docx, ".docx"), (to_html, ".html")])
def test_meta_same_from_docx_and_html(tmp_path, framed, maker, suffix):
    for name in ("zhumadian", "heqing"):
        raw, frame = framed[name]
        expected = meta_of(raw, frame)
        other_raw = read_document(maker(seed_path(name), tmp_path / f"{name}{suffix}"))
        other = meta_of(other_raw, split_frame(other_raw))
        assert dataclasses.replace(other, source=None) == dataclasses.replace(expected, source=None)


# ---------------------------------------------------------------- shapes the seeds do not have


def raw_of(*lines, **hints):
    return RawDoc(paras=[Para(line) for line in lines], hints=hints, source=Source(file="x.txt", sha256="0" * 64))


def test_letterhead_two_line_title_department_issuer_and_chinese_date():
    raw = raw_of(
        "乐亭县司法局文件",
        "乐司发〔2024〕5号",
        "乐亭县司法局",
        "关于2023年度法治政府建设情况的报告",
        "县人民政府：",
        "2023年，我局在县委、县政府的坚强领导下，扎实推进法治政府建设。现将有关情况报告如下：",
        "一、主要举措和成效",
        "（一）加强组织领导。全年召开专题会议4次。",
        "以上报告，请审阅。",
        "乐亭县司法局",
        "二〇二四年一月二十一日",
        "（此件依申请公开）",
    )
    frame = split_frame(raw)
    assert frame.title == "乐亭县司法局 关于2023年度法治政府建设情况的报告"
    assert frame.recipient == "县人民政府"
    assert [p.text for p in frame.body] == [
        "2023年，我局在县委、县政府的坚强领导下，扎实推进法治政府建设。现将有关情况报告如下：",
        "一、主要举措和成效",
        "（一）加强组织领导。全年召开专题会议4次。",
    ]
    assert frame.closing == Closing(phrase="以上报告，请审阅。", signature=["乐亭县司法局"], date="二〇二四年一月二十一日",
                                    notes=["（此件依申请公开）"])
    meta = extract_meta(raw, frame, [frame.body[0].text])
    assert meta.region == "乐亭县"
    assert meta.issuer == "乐亭县司法局"
    assert meta.date == "2024-01-21"
    assert meta.doc_number == "乐司发〔2024〕5号"
    assert meta.year == 2023


def test_title_printed_twice_contact_note_and_record_tail():
    raw = raw_of(
        "关于2023年法治政府建设情况的报告",
        "某某市人民政府关于2023年法治政府建设情况的报告",
        "省人民政府：",
        "2023年，某某市深入推进依法行政。",
        "特此报告。",
        "某某市人民政府",
        "2024年1月30日",
        "（联系人：张三，联系电话：0123-4567890）",
        "抄送：市委办公室，市人大常委会办公室，市政协办公室。",
        "某某市人民政府办公室 2024年1月30日印发",
    )
    frame = split_frame(raw)
    assert frame.title == "某某市人民政府关于2023年法治政府建设情况的报告"
    assert frame.recipient == "省人民政府"
    assert [p.text for p in frame.body] == ["2023年，某某市深入推进依法行政。"]
    assert frame.closing == Closing(
        phrase="特此报告。", signature=["某某市人民政府"], date="2024年1月30日",
        notes=["（联系人：张三，联系电话：0123-4567890）"],
        record=["抄送：市委办公室，市人大常委会办公室，市政协办公室。", "某某市人民政府办公室 2024年1月30日印发"],
    )
    meta = extract_meta(raw, frame, [frame.body[0].text])
    assert (meta.region, meta.issuer, meta.date, meta.year) == ("某某市", "某某市人民政府", "2024-01-30", 2023)


def test_page_leftovers_after_the_date_stay_out_of_the_body():
    raw = raw_of("关于2023年法治政府建设情况的报告", "2023年，某某区深入推进依法行政。", "（三）加强队伍建设。全年培训2次。",
                 "某某区人民政府", "2024年2月1日", "相关稿件", "热点推荐")
    frame = split_frame(raw)
    assert [p.text for p in frame.body][-1] == "（三）加强队伍建设。全年培训2次。"
    # The leftovers are neither body nor closing: no kind of closing line takes them.
    assert frame.closing == Closing(signature=["某某区人民政府"], date="2024年2月1日")
    # A sentence after the date is report text, not page leftovers: no closing is guessed.
    raw = raw_of("关于2023年法治政府建设情况的报告", "2024年2月1日", "下一步，我区将继续推进法治政府建设。")
    assert split_frame(raw).closing == Closing()


def test_year_and_date_fallbacks():
    # No year anywhere in title or preamble: the year before publication.
    raw = raw_of("一、主要举措和成效", "全面推进依法行政。", published="2022-03-01")
    frame = split_frame(raw)
    assert frame.title is None and frame.closing == Closing()
    meta = extract_meta(raw, frame, [])
    assert meta.year == 2021 and meta.date is None and meta.published == "2022-03-01"
    # The written date of the page's index table stands in for a missing closing date.
    raw = raw_of("某某县人民政府关于法治政府建设情况的报告", "现将2022年度法治政府建设情况报告如下。",
                 written_date="2023-01-30")
    meta = extract_meta(raw, split_frame(raw), ["现将2022年度法治政府建设情况报告如下。"])
    assert (meta.year, meta.date, meta.region, meta.issuer) == (2022, "2023-01-30", "某某县", "某某县人民政府")


def test_page_title_stands_in_for_a_missing_title_only_if_it_is_one():
    text = "2023年，巧家县坚持以习近平法治思想为指引，扎实推进法治政府建设。"
    raw = raw_of(text, page_title="巧家县2023年法治政府建设年度报告")
    assert split_frame(raw).title == "巧家县2023年法治政府建设年度报告"
    raw = raw_of(text, page_title="政府信息公开")
    assert split_frame(raw).title is None
    assert extract_meta(raw, split_frame(raw), [text]).region == "巧家县"


def test_title_on_governing_by_law():
    raw = raw_of("某某市司法局", "关于2023年度依法治市工作情况的报告", "2023年，我市全面推进依法治市。")
    frame = split_frame(raw)
    assert frame.title == "某某市司法局 关于2023年度依法治市工作情况的报告"
    meta = extract_meta(raw, frame, [frame.body[0].text])
    assert (meta.region, meta.issuer, meta.year) == ("某某市", "某某市司法局", 2023)
    assert find_region("全面推进依法治市、法治县建设") is None


def test_no_title_when_the_body_begins_with_a_part_heading():
    raw = raw_of("一、主要举措和成效", "（一）法治政府建设情况", "全年出台文件3件。")
    frame = split_frame(raw)
    assert frame.title is None and [p.text for p in frame.body][:2] == ["一、主要举措和成效", "（一）法治政府建设情况"]
    raw = raw_of("一、主要举措和成效", "法治政府建设推进情况", "全年出台文件3件。")
    assert split_frame(raw).title is None


def test_recipient_is_not_the_lead_in_sentence():
    raw = raw_of("关于2023年法治政府建设情况的报告", "现将有关情况报告如下:", "一、主要举措和成效")
    frame = split_frame(raw)
    assert frame.recipient is None and frame.body[0].text == "现将有关情况报告如下:"


def test_last_body_line_is_not_taken_for_a_signature():
    raw = raw_of("关于2023年法治政府建设情况的报告", "四、下一步工作安排", "加快建设法治政府", "2024年2月1日")
    assert split_frame(raw).closing == Closing(date="2024年2月1日")


@pytest.mark.parametrize(
    "text, region",
    [
        ("南通市通州区人民政府", "通州区"),
        ("云南省大理白族自治州巧家县人民政府", "巧家县"),
        ("江西省某某县人民政府", "某某县"),
        ("2023年,在南通市委的领导下,通州区坚持", "通州区"),
        ("认真实施《江西省2021年法治政府建设工作要点》,新余市", "新余市"),
        ("大理白族自治州人民政府", "大理白族自治州"),
        ("鄂托克前旗人民政府", "鄂托克前旗"),
        ("浦东新区人民政府", "浦东新区"),
        ("争创全省法治政府建设示范县,全市经济技术开发区", None),
        ("2023年,我市在市委的坚强领导下", None),
    ],
)
def test_find_region(text, region):
    assert find_region(text) == region


def test_party_committee_names_its_county_only_in_a_signature():
    assert find_region("中共鹤庆县委", organs=True) == "鹤庆县"
    assert find_region("中共云南省某某县委", organs=True) == "某某县"
    assert find_region("在中共大理州委的领导下") is None


@pytest.mark.parametrize(
    "line, iso",
    [("2024年1月18日", "2024-01-18"), ("2020 年 2 月 9 日", "2020-02-09"), ("二〇二四年一月十八日", "2024-01-18"),
     ("二〇二三年十二月三十一日", "2023-12-31"), ("2023年2月30日", None), ("2023年全年", None)],
)
def test_closing_date_line_as_iso(line, iso):
    assert iso_from_chinese(line) == iso
