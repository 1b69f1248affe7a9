"""End to end: drafter.parse.report.parse_file on the five seeds, as .txt (UTF-8, GB18030, UTF-16), .docx and .html.

The expected parts, item counts and sentences were read off the seeds by hand.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from helpers import ROOT, SEEDS, seed_path, to_docx, to_gb18030, to_html, to_utf16

from drafter.model.files import load_report
from drafter.model.report import Closing
from drafter.parse.report import parse_file
from drafter.vocab import PARTS

FORMATS = {
    "txt": None,
    "gb18030": (to_gb18030, ".txt"),
    "utf16": (to_utf16, ".txt"),
    "docx": (to_docx, ".docx"),
    "html": (to_html, ".html"),
}

# seed -> part -> (heading as written, number of first-level items)
PARTS_EXPECTED = {
    "yingkou": {
        "measures": ("主要工作情况", 10),
        "shortcomings": (None, 0),
        "duties": (None, 0),
        "plan": ("下步工作安排", 4),
        "other": (None, 0),
    },
    "tongzhou": {
        "measures": ("主要举措和成效", 7),
        "shortcomings": ("存在不足和原因", 3),
        "duties": ("主要负责人履行推进法治建设第一责任人职责情况", 3),
        "plan": ("2024年度主要安排", 5),
        "other": (None, 0),
    },
    "zhumadian": {
        "measures": (None, 9),
        "shortcomings": (None, 0),
        "duties": (None, 0),
        "plan": (None, 0),
        "other": (None, 0),
    },
    "heqing": {
        "measures": ("2023年度推进法治政府建设的主要举措和成效", 8),
        "shortcomings": ("2023年推进法治政府建设存在的问题和不足", 3),
        "duties": ("2023年党政主要负责人履行推进法治建设第一责任人职责，加快法治政府建设的情况", 2),
        "plan": ("2024年推进法治政府建设的工作思路", 3),
        "other": (None, 0),
    },
    "xinyu": {
        "measures": ("主要举措和成效", 6),
        "shortcomings": ("存在的不足和原因", 0),
        "duties": ("党政主要负责人履行第一责任人职责情况", 5),
        "plan": ("2022年度主要工作安排", 5),
        "other": (None, 0),
    },
}

# seed -> [(text, the one place it must be in: a part or "preamble")]
SENTENCES = {
    "yingkou": [
        ("2023年营口市法治政府建设虽然取得一定的成绩，但也还存在一些不足", "shortcomings"),
        ("行政执法队伍能力素质和执法水平还需进一步提升", "shortcomings"),
        ("在全省首创党政主要负责人述法个性化清单", "measures"),
        ("年度审核规范性文件71件", "measures"),
        ("细化完善《领导干部学法用法清单》", "plan"),
        ("市政务服务中心获评全省唯一", "preamble"),
    ],
    "tongzhou": [
        ("全面推行证明事项告知承诺制", "measures"),
        ("依法行政意识能力有待提高", "shortcomings"),
        ("区委主要负责人主持召开区委依法治区委员会第六次会议", "duties"),
        ("积极申报第三批江苏省法治政府示范创建", "plan"),
        ("现将有关情况报告如下", "preamble"),
    ],
    "zhumadian": [
        ("下一步，我们将积极践行习近平法治思想", "plan"),
        ("为推动依法治国、法治河南建设作出驻马店应有的贡献", "plan"),
        ("还存在法治理念还没有普遍真正树立", "shortcomings"),
        ("市长朱是西担任市法治政府建设领导小组组长", "measures"),
        ("现将2019年度我市法治政府建设工作情况报告如下", "preamble"),
    ],
    "heqing": [
        ("年内共办理告知承诺4357件", "measures"),
        ("对抓好法治政府建设各项措施落实紧迫感、责任感不强", "shortcomings"),
        ("县十八届人民政府第45次常务会议专题听取", "duties"),
        ("开辟“线上+线下”普法新模式", "plan"),
        ("现将2023年度法治政府建设情况报告如下", "preamble"),
    ],
    "xinyu": [
        ("已发出“一照含证”营业执照近9000张", "measures"),
        ("乡镇综合执法改革还没有完全落地落实", "shortcomings"),
        ("坚持以身作则、以上率下", "duties"),
        ("深植全民守法社会根基", "plan"),
        ("为我市高质量跨越式发展提供了坚实的法治保障", "preamble"),
    ],
}

# seed -> meta fields as the report gives them
META = {
    "yingkou": {"title": "关于2023年法治政府建设情况的报告", "recipient": None, "doc_number": None, "date": None},
    "tongzhou": {"title": "通州区人民政府2023年法治政府建设情况报告", "recipient": None, "doc_number": None, "date": None},
    "zhumadian": {
        "title": "驻马店市人民政府 关于驻马店市法治政府建设工作情况的报告",
        "recipient": "河南省人民政府",
        "doc_number": "驻政文〔2020〕22号",
        "date": "2020-02-09",
    },
    "heqing": {"title": None, "recipient": None, "doc_number": None, "date": "2024-01-18"},
    "xinyu": {"title": "新余市2021年度法治政府建设情况", "recipient": None, "doc_number": None, "date": None},
}

# seed -> [(word in the label, value, unit, item path in measures)]
FIGURES = {
    "yingkou": [
        ("规范性文件", 71, "件", "3.3"),
        ("培训党员、干部", 4420, "人次", "1.1"),
        ("立法项目", 11, "个", "3.1"),
        ("行政复议案件", 148, "件", "7.2"),
        ("人大代表建议", 213, "件", "8.1"),
    ],
    "tongzhou": [
        ("行政权力事项", 6401, "项", "1.1"),
        ("告知承诺", 32770, "件", "1.3"),
        ("免予担保", 5.57, "亿元", "1.3"),
        ("免罚轻罚", 1824, "件", "3.4"),
        ("行政复议案件", 199, "件", "5.1"),
    ],
    "zhumadian": [
        ("文件、合同、议题", 785, "件", "5.1"),
        ("规范性文件", 770, "件", "4.2"),
        ("调解案件", 102771, "件", "8.1"),
        ("新闻发布会", 18, "场次", "7.2"),
        ("常务会议学法", 5, "次", "9.1"),
    ],
    "heqing": [
        ("告知承诺", 4357, "件", "2.1"),
        ("权责清单事项", 5512, "项", "2.2"),
        ("人民调解员", 1607, "人", "6.2"),
        ("行政复议案件", 13, "件", "6.5"),
        ("行政应诉案件", 9, "件", "6.6"),
    ],
    "xinyu": [
        ("上线运行事项", 877, "项", "1.1"),
        ("行政权力清单事项", 3190, "项", "1.3"),
        ("调处纠纷", 7591, "件", "5.2"),
        ("法律援助", 1187, "件", "5.4"),
        ("人大代表建议", 74, "件", "6.1"),
    ],
}


@pytest.fixture(scope="session")
def parsed(tmp_path_factory):
    cache = {}
    folder = tmp_path_factory.mktemp("formats")

    def get(name, fmt="txt"):
        if (name, fmt) not in cache:
            src = seed_path(name)
            if FORMATS[fmt]:
                make, suffix = FORMATS[fmt]
                src = make(src, folder / f"{name}-{fmt}{suffix}")
            cache[(name, fmt)] = parse_file(src)
        return cache[(name, fmt)]

    return get


@pytest.fixture(params=sorted(FORMATS))
def fmt(request):
    return request.param


def texts_of(section) -> str:
    out = [section.heading or ""] + section.paragraphs
    out += [texts_of(item) for item in section.items]
    return "\n".join(out)


def test_parts_headings_and_items(parsed, seed_name, fmt):
    sections = parsed(seed_name, fmt).sections
    got = {part: (sections[part].heading, len(sections[part].items)) for part in PARTS}
    assert got == PARTS_EXPECTED[seed_name]


def test_sentences_in_their_part_only(parsed, seed_name, fmt):
    report = parsed(seed_name, fmt)
    places = {part: texts_of(report.sections[part]) for part in PARTS}
    places["preamble"] = "\n".join(report.preamble)
    for text, where in SENTENCES[seed_name]:
        assert [p for p, body in places.items() if text in body] == [where], text


def test_metadata(parsed, seed_name, fmt):
    meta = parsed(seed_name, fmt).meta
    _, region, year = SEEDS[seed_name]
    assert (meta.region, meta.year) == (region, year)
    assert {k: getattr(meta, k) for k in META[seed_name]} == META[seed_name]


def test_named_figures(parsed, seed_name, fmt):
    figures = parsed(seed_name, fmt).figures
    for word, value, unit, item in FIGURES[seed_name]:
        hits = [f for f in figures if word in f.label and f.value == value and f.unit == unit]
        assert hits, (word, value, unit)
        assert (hits[0].section, hits[0].item) == ("measures", item)


def test_formats_agree(parsed, seed_name):
    txt = parsed(seed_name)
    for fmt in FORMATS:
        other = parsed(seed_name, fmt)
        assert other.preamble == txt.preamble and other.sections == txt.sections, fmt


def test_preamble_and_closing(parsed):
    assert parsed("yingkou").preamble[0].startswith("2023年，营口市坚持以习近平新时代中国特色社会主义思想为指导")
    assert parsed("yingkou").closing == Closing(phrase="特此报告。")
    heqing = parsed("heqing").closing
    assert (heqing.signature, heqing.date) == (["中共鹤庆县委 鹤庆县人民政府"], "2024年1月18日")
    assert len(parsed("zhumadian").preamble) == 1


def _drafter(*args, cwd):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "drafter", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_cli_writes_the_model_and_refuses_to_overwrite(parsed, tmp_path):
    out = tmp_path / "营口.yaml"
    done = _drafter("parse", str(seed_path("yingkou")), "-o", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "举措10项" in done.stdout and "安排4项" in done.stdout
    assert load_report(out) == parsed("yingkou")

    before = out.read_bytes()
    again = _drafter("parse", str(seed_path("yingkou")), "-o", str(out), cwd=tmp_path)
    assert again.returncode == 2
    assert "已存在" in again.stderr and "--force" in again.stderr
    assert "Traceback" not in again.stderr
    assert out.read_bytes() == before

    forced = _drafter("parse", str(seed_path("zhumadian")), "-o", str(out), "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert load_report(out).meta.region == "驻马店市"
