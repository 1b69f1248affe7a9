"""Fuzzing: random and mutated report text to the parser, random and mutated YAML to the loader.

Nothing but the clean refusal (DrafterError) may come out; any other exception is a bug.
"""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from functools import lru_cache
from pathlib import Path

import pytest
from helpers import SEEDS, seed_path, yingkou_report, yingkou_v1
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from drafter.draft.skeleton import build_draft
from drafter.errors import DrafterError
from drafter.model.data import from_data, to_data
from drafter.model.files import check_document, validate_report
from drafter.model.report import Meta
from drafter.model.yamltext import Located, dump_yaml, parse_yaml

pytestmark = pytest.mark.slow

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
SEED_TEXTS = {name: seed_path(name).read_text(encoding="utf-8") for name in SEEDS}


@pytest.fixture(scope="module")
def workdir():
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


def located(data, name: str = "草稿.yaml") -> Located:
    return Located(data, None, Path(name))


def reloaded(report):
    """The model saved as YAML text and loaded again."""
    return from_data(check_document(parse_yaml(dump_yaml(to_data(report)), "草稿.yaml")))


def refused_cleanly(call):
    """Run call(); return its result, or None if it refused with DrafterError. Anything else propagates."""
    try:
        return call()
    except DrafterError as exc:
        assert str(exc).strip(), "a refusal must say something"
        return None


# ---------------------------------------------------------------- mutations of text

# What makes report text hard: numbering markers of every style, brackets, dates, figures, part names.
MARKERS = ["一、", "二、", "十一、", "（一）", "(二)", "（十）", "1.", "2、", "3．", "（1）", "(2)", "一是", "二是",
           "第一，", "特此报告。", "2023年", "2024年12月31日", "71件", "近32770件", "28%", "主要举措和成效",
           "存在的不足和原因", "下一年度工作安排", "党政主要负责人履行推进法治建设第一责任人职责情况",
           "其他需要报告的情况", "当前位置：首页 > 通知公告", "来源：", "发布时间：2024-03-06", "【字号：大 中 小】",
           "。", "，", "；", "：", "\n", "\n\n", "\t", "\u3000", "\xa0", "\ufeff", "\u200b", "\r", "\x0c", "<", "&", ">"]


@st.composite
def mutated_report(draw) -> str:
    text = SEED_TEXTS[draw(st.sampled_from(sorted(SEED_TEXTS)))]
    lines = text.split("\n")
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["insert", "delete", "marker", "shuffle", "drop", "dup", "cut", "random"]))
        if not lines:
            lines = [""]
        i = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        if kind == "insert":
            pos = draw(st.integers(0, len(line)))
            lines[i] = line[:pos] + draw(st.text(min_size=1, max_size=8)) + line[pos:]
        elif kind == "delete" and line:
            a = draw(st.integers(0, len(line) - 1))
            lines[i] = line[:a] + line[a + draw(st.integers(1, 20)):]
        elif kind == "marker":
            pos = draw(st.integers(0, len(line)))
            lines[i] = line[:pos] + draw(st.sampled_from(MARKERS)) + line[pos:]
        elif kind == "shuffle":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "drop":
            del lines[i: i + draw(st.integers(1, 40))]
        elif kind == "dup":
            lines[i:i] = lines[i: i + draw(st.integers(1, 10))]
        elif kind == "cut":
            lines = lines[:i] if draw(st.booleans()) else lines[i:]
        else:
            lines[i] = draw(st.text(max_size=60))
    return "\n".join(lines)


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, "surrogatepass" if encoding.startswith("utf") else "replace")


@FUZZ
@given(text=mutated_report(), encoding=st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_parser_on_mutated_report_text(workdir, text, encoding):
    from drafter.parse.report import parse_file

    path = workdir / "报告.txt"
    path.write_bytes(_encode(text, encoding))
    model = refused_cleanly(lambda: parse_file(path))
    if model is not None:  # what the parser accepts, it describes within the contract (validated on return)
        report = model
        assert report.kind == "report"
        assert reloaded(report) == report


@FUZZ
@given(data=st.one_of(st.binary(min_size=1, max_size=4000),
                      st.builds(lambda t, b, i: t[:i] + b + t[i:],
                                st.sampled_from([t.encode("utf-8") for t in SEED_TEXTS.values()]),
                                st.binary(min_size=1, max_size=64), st.integers(0, 20000))))
def test_parser_on_random_bytes(workdir, data):
    from drafter.parse.report import parse_file

    path = workdir / "随机.txt"
    path.write_bytes(data)
    refused_cleanly(lambda: parse_file(path))


@lru_cache(maxsize=1)
def seed_docx() -> bytes:
    import docx

    document = docx.Document()
    for line in SEED_TEXTS["heqing"].split("\n"):
        if line.strip():
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@FUZZ
@given(flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=12),
       cut=st.one_of(st.none(), st.floats(0.05, 1)))
def test_reader_on_corrupted_docx(workdir, flips, cut):
    """Bytes flipped anywhere in a real .docx (zip headers, compressed XML) or the file cut short."""
    from drafter.read.document import read_document

    data = bytearray(seed_docx())
    for where, byte in flips:
        data[int(where * len(data))] = byte
    if cut is not None:
        data = data[: max(1, int(cut * len(data)))]
    path = workdir / "损坏.docx"
    path.write_bytes(bytes(data))
    refused_cleanly(lambda: read_document(path))


@FUZZ
@given(xml=st.sampled_from([
    "<w:p><w:r><w:t>&#0;</w:t></w:r></w:p>",
    "<w:p><w:r><w:t>unclosed</w:r></w:p>",
    "<w:p><w:pPr><w:outlineLvl w:val=\"abc\"/></w:pPr><w:r><w:t>一、主要举措</w:t></w:r></w:p>",
    "<w:p><w:pPr><w:outlineLvl w:val=\"-5\"/></w:pPr><w:r><w:t>一、主要举措</w:t></w:r></w:p>",
    "<w:p><w:pPr><w:pStyle w:val=\"不存在的样式\"/></w:pPr><w:r><w:t>（一）举措</w:t></w:r></w:p>",
    "<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>表中表</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>",
    "<w:sdt><w:sdtContent></w:sdtContent></w:sdt>",
    "<w:p><w:r><w:rPr><w:b w:val=\"maybe\"/></w:rPr><w:t>粗体？</w:t></w:r></w:p>",
    "",
]), keep=st.integers(0, 40))
def test_reader_on_odd_docx_xml(workdir, xml, keep):
    """Well-zipped .docx files whose body XML is odd, broken or empty."""
    from drafter.read.document import read_document

    with zipfile.ZipFile(io.BytesIO(seed_docx())) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    body = parts["word/document.xml"].decode("utf-8")
    start = body.index("<w:body>") + len("<w:body>")
    paragraphs = body[start:].split("</w:p>")
    kept = "</w:p>".join(paragraphs[:keep]) + ("</w:p>" if keep and keep < len(paragraphs) else "")
    parts["word/document.xml"] = (body[:start] + kept + xml + "<w:sectPr/></w:body></w:document>").encode("utf-8")
    path = workdir / "怪异.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    refused_cleanly(lambda: read_document(path))


HTML_BITS = ["<p>", "</p>", "<div>", "</div>", "<h1>", "</h2>", "<strong>", "</b>", "<script>", "</style>", "<br>",
             "<table><tr><td>", "</td>", "<meta charset=\"gbk\">", "<meta charset=\"no-such\">", "<!--", "-->",
             "&nbsp;", "&amp;", "&#0;", "&#xD800;", "&#99999999;", "<![CDATA[", "]]>", "<li>", "<?xml?>"]


@FUZZ
@given(pieces=st.lists(st.one_of(st.sampled_from(HTML_BITS), st.sampled_from(MARKERS), st.text(max_size=30)),
                       min_size=1, max_size=60),
       head=st.sampled_from(list(SEED_TEXTS.values())))
def test_parser_on_mutated_html(workdir, pieces, head):
    from drafter.parse.report import parse_file

    lines = head.split("\n")[:40]
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "".join(pieces)
    path = workdir / "网页.html"
    path.write_bytes(page.encode("utf-8", "surrogatepass"))
    refused_cleanly(lambda: parse_file(path))


# ---------------------------------------------------------------- mutations of YAML

YAML_TEXTS = [dump_yaml(to_data(yingkou_report())), dump_yaml(to_data(build_draft(yingkou_report())))]
YAML_SPECIAL = [":", ": ", "- ", "-", "&a ", "*a", "!!str ", "!!python/name:os.system", "!!binary ", "!!set ",
                "{", "}", "[", "]", "'", '"', "\t", "%YAML 1.1\n", "---\n", "...\n", "? ", "|", ">", "#", "@", "`",
                "<<: ", "~", "null", ".nan", "-.inf", "0x1F", "0o17", "1e400", "9" * 40, "2024-01-18", "yes", "\\",
                "\x07", "\x00", "\ufeff", "\u2028", "  ", "\n  ", "\n- "]


@st.composite
def mutated_yaml(draw) -> str:
    lines = draw(st.sampled_from(YAML_TEXTS)).split("\n")
    for _ in range(draw(st.integers(1, 5))):
        i = draw(st.integers(0, len(lines) - 1))
        line = lines[i]
        kind = draw(st.sampled_from(["special", "text", "delete", "indent", "swap", "dup", "drop", "value"]))
        if kind == "special":
            pos = draw(st.integers(0, len(line)))
            lines[i] = line[:pos] + draw(st.sampled_from(YAML_SPECIAL)) + line[pos:]
        elif kind == "text":
            pos = draw(st.integers(0, len(line)))
            lines[i] = line[:pos] + draw(st.text(max_size=6)) + line[pos:]
        elif kind == "delete" and line:
            a = draw(st.integers(0, len(line) - 1))
            lines[i] = line[:a] + line[a + draw(st.integers(1, 8)):]
        elif kind == "indent":
            lines[i] = " " * draw(st.integers(0, 8)) + line.lstrip(" ")
        elif kind == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == "dup":
            lines.insert(i, line)
        elif kind == "drop" and len(lines) > 1:
            del lines[i]
        elif ": " in line:
            key = line.split(": ", 1)[0]
            lines[i] = key + ": " + draw(st.sampled_from(YAML_SPECIAL[20:] + ["[]", "{}", "''", "-1", "3.5", "是"]))
    return "\n".join(lines)


@FUZZ
@given(text=mutated_yaml())
def test_loader_on_mutated_yaml(text):
    parsed = refused_cleanly(lambda: parse_yaml(text, "草稿.yaml"))
    if parsed is not None:
        data = refused_cleanly(lambda: check_document(parsed))
        if data is not None:  # what the loader accepts must survive a save and a reload unchanged
            report = from_data(data)
            assert reloaded(report) == report


@FUZZ
@given(text=st.text(max_size=300))
def test_loader_on_random_text(text):
    parsed = refused_cleanly(lambda: parse_yaml(text, "随机.yaml"))
    if parsed is not None:
        refused_cleanly(lambda: check_document(parsed))


JSONISH = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
              st.sampled_from([10 ** 30, -(10 ** 30), 1e308, "\ud800", "\x00", "{F001}", "【待填：x】"])),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.one_of(st.text(max_size=8), st.integers(), st.none()), children, max_size=4)),
    max_leaves=20,
)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, prefix + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _paths(child, prefix + (index,))


@FUZZ
@given(data=st.data())
def test_validator_on_models_with_one_value_replaced(data):
    """A valid model with one value anywhere replaced by something random: validate refuses it or it is fine."""
    model = yingkou_v1()
    paths = [p for p in _paths(model) if p]
    path = data.draw(st.sampled_from(paths))
    target = model
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = data.draw(JSONISH)
    checked = refused_cleanly(lambda: check_document(located(model)))
    if checked is not None:
        # Accepted: it can be written as UTF-8 YAML and read back the same.
        report = from_data(checked)
        assert reloaded(report) == report


# ---------------------------------------------------------------- accepted models through the next steps

TEXTS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@st.composite
def odd_valid_v1(draw):
    """A valid parsed report whose text is random (control characters, markup, placeholders, empty)."""
    model = yingkou_report()
    for key in ("measures", "plan", "shortcomings"):
        section = model.sections[key]
        section.heading = draw(st.one_of(st.none(), TEXTS))
        section.paragraphs = draw(st.lists(TEXTS, max_size=3))
        for item in section.items:
            item.heading = draw(st.one_of(st.none(), TEXTS))
            item.paragraphs = draw(st.lists(TEXTS, max_size=2))
    model.preamble = draw(st.lists(TEXTS, max_size=2))
    model.meta.year = draw(st.one_of(st.none(), st.integers(1949, 2199)))
    model.meta.title = draw(st.one_of(st.none(), TEXTS))
    model.meta.region = draw(st.one_of(st.none(), TEXTS))
    for figure in model.figures:
        figure.value = draw(st.one_of(st.integers(-10 ** 12, 10 ** 12), st.floats(allow_nan=False, allow_infinity=False)))
        figure.label = draw(st.text(min_size=1, max_size=10))
        figure.unit = draw(st.one_of(st.none(), st.sampled_from(["件", "%", "万元", ""])))
        figure.approx = draw(st.one_of(st.none(), st.sampled_from(["余", "近", "以上", "多", "左右", "约"])))
    return validate_report(model)


@FUZZ
@given(model=odd_valid_v1())
def test_skeleton_on_odd_valid_models(model):
    from drafter.draft.skeleton import build_draft

    draft = refused_cleanly(lambda: build_draft(model))
    if draft is not None:
        assert draft.kind == "draft"
        assert reloaded(draft) == draft


@st.composite
def odd_valid_draft(draw):
    """A valid draft with random text, placeholders (known and unknown), statuses and figure values."""
    from drafter.draft.skeleton import build_draft

    draft = build_draft(yingkou_report())
    ids = [f.id for f in draft.figures] + ["F999"]
    piece = st.one_of(TEXTS, st.sampled_from(ids).map(lambda i: "{" + i + "}"), st.sampled_from(MARKERS))
    paragraph = st.lists(piece, max_size=5).map("".join)
    for key in ("measures", "plan", "duties"):
        section = draft.sections[key]
        section.paragraphs = draw(st.lists(paragraph, max_size=2))
        for item in section.items:
            item.paragraphs = draw(st.lists(paragraph, max_size=2))
            item.heading = draw(st.one_of(st.none(), TEXTS))
            item.status = draw(st.sampled_from(["todo", "reference", "done"]))
    for figure in draft.figures:
        figure.value = draw(st.one_of(st.none(), st.integers(-10 ** 15, 10 ** 15),
                                      st.floats(allow_nan=False, allow_infinity=False, width=32)))
        figure.approx = draw(st.one_of(st.none(), st.sampled_from(["余", "近", "以上", "多", "左右", "约", "超过"])))
    draft.meta.date = draw(st.one_of(st.none(), st.sampled_from(["2024-02-29", "2025-01-18", "0000-00-00", "2024-13-45"])))
    draft.meta.region = draw(st.one_of(st.none(), TEXTS))
    return validate_report(draft)


FUZZ_SLOW = settings(FUZZ, max_examples=60)


@FUZZ_SLOW
@given(draft=odd_valid_draft())
def test_render_on_odd_valid_drafts(draft):
    import docx

    from drafter.render.document import render_bytes

    data = refused_cleanly(lambda: render_bytes(draft))
    if data is not None:
        assert len(docx.Document(io.BytesIO(data)).paragraphs) > 3


@FUZZ_SLOW
@given(draft=odd_valid_draft())
def test_check_on_odd_valid_drafts(draft):
    from drafter.check.lint import check_model

    problems = refused_cleanly(lambda: check_model(draft, prior=yingkou_report()))
    if problems is not None:
        assert all(p.kind and p.message for p in problems)


ANSWER_VALUES = st.one_of(
    st.none(), st.integers(-10 ** 20, 10 ** 20), st.floats(), st.booleans(), TEXTS,
    st.sampled_from(["约100", "4500余", "近32770件", "1.5万", "百分之五", "28%", "keep", "drop", "", "-", "1e400",
                     "一千二百", "１２３", "3/4", "∞"]),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.sampled_from(["heading", "text", "x"]), TEXTS, max_size=2))


@FUZZ
@given(answers=st.dictionaries(
    st.sampled_from(["figures", "items", "meta", "new", "other"]),
    st.one_of(ANSWER_VALUES, st.dictionaries(
        st.sampled_from(["F001", "F002", "F009", "F999", "measures.1", "measures.2.1", "plan", "preamble", "date",
                         "title", "doc_number", "measures", "x"]), ANSWER_VALUES, max_size=4)),
    max_size=4))
def test_answers_on_random_answer_files(workdir, answers):
    from drafter.draft.answers import apply_answers
    from drafter.draft.skeleton import build_draft

    path = workdir / "答案.yaml"
    path.write_text(dump_yaml(answers), encoding="utf-8")
    draft = build_draft(yingkou_report())
    result = refused_cleanly(lambda: apply_answers(draft, path))
    if result is not None:  # accepted answers leave a draft within the contract
        validate_report(result)


@FUZZ
@given(text=mutated_yaml(), year=st.one_of(st.text(max_size=6), st.integers()), region=TEXTS)
@example(text=YAML_TEXTS[0], year="¹²³⁴", region="营口市")  # str.isdigit() is true of superscripts; int() refuses them
@example(text=YAML_TEXTS[0], year="２０２４", region="../营口市")
def test_batch_peek_meta_on_mutated_yaml(workdir, text, year, region):
    """batch reads meta.region and meta.year itself (to name outputs) before the full load: it must never crash."""
    from drafter.batch.inputs import peek_meta

    path = workdir / "草稿.yaml"
    path.write_text(text.replace("  year: 2023", "  year: " + dump_yaml(year).strip().removesuffix("\n...")).replace(
        "  region: 营口市", "  region: " + dump_yaml(region).strip().removesuffix("\n...")), encoding="utf-8",
        errors="surrogatepass")
    meta = refused_cleanly(lambda: peek_meta(path)) or Meta()
    assert meta.year is None or 1000 <= meta.year <= 9999


@lru_cache(maxsize=1)
def rendered_docx() -> bytes:
    from drafter.draft.skeleton import build_draft
    from drafter.render.document import render_bytes

    return render_bytes(build_draft(yingkou_report()))


@FUZZ_SLOW
@given(flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=8),
       xml_edit=st.one_of(st.none(), st.tuples(st.floats(0, 1, exclude_max=True), st.sampled_from(
           ['<w:b w:val="maybe"/>', '<w:sz w:val="-4"/>', '<w:ind w:firstLine="abc"/>', '<w:rFonts w:eastAsia=""/>',
            '<w:jc w:val="sideways"/>', '<w:spacing w:line="0"/>', "</w:p>", "<w:p>", "&amp;", "<w:t>", "\u0000"]))))
def test_check_on_damaged_rendered_docx(workdir, flips, xml_edit):
    """A rendered report with odd XML in its body, or bytes flipped in the file: check reports or refuses."""
    from drafter.check.lint import check_docx

    data = rendered_docx()
    if xml_edit is None:
        data = bytearray(data)
        for where, byte in flips:
            data[int(where * len(data))] = byte
        data = bytes(data)
    else:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            parts = {name: zf.read(name) for name in zf.namelist()}
        xml = parts["word/document.xml"].decode("utf-8")
        ends = [m.end() for m in re.finditer(r"<w:(?:r|rPr|pPr)>", xml)]  # just inside a run or its properties
        at = ends[int(xml_edit[0] * len(ends))]
        parts["word/document.xml"] = (xml[:at] + xml_edit[1] + xml[at:]).encode("utf-8")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, part in parts.items():
                zf.writestr(name, part)
        data = buffer.getvalue()
    path = workdir / "报告.docx"
    path.write_bytes(data)
    problems = refused_cleanly(lambda: check_docx(path))
    if problems is not None:
        assert all(p.kind and p.message for p in problems)


def _optional_paths(draft: dict) -> list[tuple]:
    """Every key the schema lets a draft file leave out: item/section extras, figure priors, draft, published."""
    optional = {"id", "status", "origin", "prompt", "reference", "prior", "prior_approx", "item", "text", "published"}
    out = [("draft",)] if "draft" in draft else []
    for path in _paths(draft):
        if path and isinstance(path[-1], str) and path[-1] in optional:
            out.append(path)
    return out


@FUZZ_SLOW
@given(data=st.data())
def test_next_steps_on_drafts_missing_optional_keys(workdir, data):
    """A hand-edited draft may drop what the schema does not require: render, check and answers still cope."""
    from drafter.check.lint import check_model
    from drafter.draft.answers import apply_answers
    from drafter.draft.skeleton import build_draft
    from drafter.render.document import render_bytes

    draft = to_data(build_draft(yingkou_report()))  # the file's content
    for path in data.draw(st.lists(st.sampled_from(_optional_paths(draft)), max_size=12, unique=True)):
        target = draft
        for key in path[:-1]:
            target = target.get(key) if isinstance(target, dict) else target[key]
            if target is None:
                break
        else:
            if isinstance(target, dict):
                target.pop(path[-1], None)
    report = refused_cleanly(lambda: from_data(check_document(located(draft))))
    if report is None:
        return
    draft = report
    refused_cleanly(lambda: render_bytes(draft))
    refused_cleanly(lambda: check_model(draft))
    answers = workdir / "答案.yaml"
    answers.write_text("figures:\n  F001: 25\nitems:\n  measures.1: keep\n", encoding="utf-8")
    refused_cleanly(lambda: apply_answers(draft, answers))


@FUZZ
@given(data=st.one_of(st.binary(min_size=1, max_size=2000),
                      st.builds(lambda text, enc: text.encode(enc, "ignore"),
                                st.sampled_from(list(SEED_TEXTS.values())).map(lambda t: t[:3000]),
                                st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le",
                                                 "utf-16-be", "big5", "latin-1", "utf-32"]))))
def test_decoder_on_any_bytes(data):
    from drafter.files import decode_text

    text = refused_cleanly(lambda: decode_text(data, "报告.txt"))
    if text is not None:
        assert "\r" not in text and "\x00" not in text
