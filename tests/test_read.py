"""Reading reports: page noise removed, metadata kept as hints, the same text from every format."""

from __future__ import annotations

import hashlib
import io
import zipfile

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from helpers import SEEDS, heading_level, seed_path, to_docx, to_gb18030, to_html, to_utf16

from drafter.errors import DrafterError
from drafter.model.report import Source
from drafter.parse.nodes import Para
from drafter.read.document import read_document
from drafter.read.noise import clean_paras
from drafter.text.docnum import normalize_doc_number
from drafter.text.punctuation import full_width_punctuation

NOISE_WORDS = ("当前位置", "您当前的位置", "分享", "扫一扫", "访问量", "发布时间", "来源", "作者", "字号", "字体",
               "累计次数", "索 引 号", "文 号", "成文日期", "投稿", "附件", "视频", "打印", "关闭窗口")


@pytest.fixture(scope="module")
def seed_docs():
    return {name: read_document(seed_path(name)) for name in SEEDS}


@pytest.fixture(scope="module")
def variants(tmp_path_factory):
    """Every seed as GB18030 and UTF-16 text, .docx and a web page (read once for the module)."""
    out = tmp_path_factory.mktemp("variants")
    made = {}
    for name in SEEDS:
        for maker, suffix in ((to_gb18030, ".txt"), (to_utf16, ".txt"), (to_docx, ".docx"), (to_html, ".html")):
            path = maker(seed_path(name), out / f"{name}-{maker.__name__}{suffix}")
            made[name, maker.__name__] = (path, read_document(path))
    return made


def texts(doc):
    return [p.text for p in doc.paras]


# ---------------------------------------------------------------- the seeds


def test_noise_is_gone(seed_docs, seed_name):
    for para in seed_docs[seed_name].paras:
        if len(para.text) < 60:  # noise lines are short; long report sentences may say 来源 or 打印
            assert not any(word in para.text for word in NOISE_WORDS), para.text
        assert para.text == para.text.strip() and "\u00a0" not in para.text and "  " not in para.text
    assert all(p.text for p in seed_docs[seed_name].paras)


def test_report_text_is_kept_in_order(seed_docs, seed_name):
    # The file's lines as read normalises them: with full-width punctuation in Chinese text.
    lines = [full_width_punctuation(line.strip()) for line in seed_path(seed_name).read_text(encoding="utf-8").split("\n")]
    paras = texts(seed_docs[seed_name])
    # Every kept paragraph is a line of the file, in the file's order.
    positions = [lines.index(p) for p in paras]
    assert positions == sorted(positions)
    # Every numbered heading and every long paragraph of the file survives.
    for line in lines:
        if heading_level(line) or len(line) > 100:
            assert line in paras


def test_lead_and_end_of_each_seed(seed_docs):
    assert texts(seed_docs["yingkou"])[:2] == [
        "关于2023年法治政府建设情况的报告",
        texts(seed_docs["yingkou"])[1],
    ]
    assert texts(seed_docs["yingkou"])[1].startswith("2023年，营口市坚持")
    assert texts(seed_docs["yingkou"])[-1] == "特此报告。"
    assert "一、主要工作情况" in texts(seed_docs["yingkou"])  # trailing spaces trimmed
    # The category line 行政规范性文件 and the index table go; the recipient stays.
    assert texts(seed_docs["zhumadian"])[:2] == ["驻马店市人民政府 关于驻马店市法治政府建设工作情况的报告", "河南省人民政府："]
    assert texts(seed_docs["zhumadian"])[-1] == "2020年2月9日"
    assert texts(seed_docs["xinyu"])[0] == "新余市2021年度法治政府建设情况"
    assert texts(seed_docs["xinyu"])[-1].startswith("（五）浓造法治氛围。")
    assert texts(seed_docs["tongzhou"])[0] == "通州区人民政府2023年法治政府建设情况报告"
    assert texts(seed_docs["tongzhou"])[1].startswith("2023年，在市委市政府的正确领导下")
    # The note (此件公开发布) is report text, kept for the closing.
    assert texts(seed_docs["heqing"])[-3:] == ["中共鹤庆县委 鹤庆县人民政府", "2024年1月18日", "（此件公开发布）"]
    assert texts(seed_docs["heqing"])[0].startswith("2023年，鹤庆县坚持")


def test_hints_from_page_noise(seed_docs):
    assert seed_docs["yingkou"].hints == {"published": "2024-03-06", "source_org": "司法局"}
    assert seed_docs["zhumadian"].hints == {
        "published": "2020-03-09",
        "written_date": "2020-02-09",
        "doc_number": "驻政文〔2020〕22号",
        "page_title": "驻马店市人民政府 关于驻马店市法治政府建设工作情况的报告",
    }
    assert seed_docs["xinyu"].hints == {"published": "2022-03-10", "source_org": "新余市司法局"}
    assert seed_docs["tongzhou"].hints == {"published": "2024-02-22", "source_org": "司法局"}
    assert seed_docs["heqing"].hints == {}


def test_source_names_file_and_hash(seed_docs, seed_name):
    path = seed_path(seed_name)
    assert seed_docs[seed_name].source == Source(file=path.name, sha256=hashlib.sha256(path.read_bytes()).hexdigest())


# ---------------------------------------------------------------- other formats give the same text


@pytest.mark.parametrize("maker", ["to_gb18030", "to_utf16", "to_docx", "to_html"])
def test_same_paragraphs_from_every_format(variants, seed_docs, seed_name, maker):
    path, doc = variants[seed_name, maker]
    assert texts(doc) == texts(seed_docs[seed_name])
    assert doc.source.file == path.name
    assert doc.source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.source.sha256 != seed_docs[seed_name].source.sha256


def test_docx_heading_styles_give_levels(variants, seed_name):
    _, doc = variants[seed_name, "to_docx"]
    for para in doc.paras:
        assert para.level == heading_level(para.text), para.text
        assert para.bold == (para.level is not None)  # Word's heading styles are bold, Normal is not


def test_html_headings_bold_and_title(variants):
    _, doc = variants["tongzhou", "to_html"]
    by_text = {p.text: p for p in doc.paras}
    assert by_text["一、主要举措和成效"].level == 2 and by_text["一、主要举措和成效"].bold
    assert by_text["（一）加快政府职能转变，护航经济运行稳定向好"].level == 3
    body = [p for p in doc.paras if p.text.startswith("深化清单管理")][0]
    assert body.level is None and not body.bold
    assert doc.hints["page_title"] == "通州区人民政府2023年法治政府建设情况报告"
    assert doc.hints["published"] == "2024-02-22"


def test_html_declared_gb2312(tmp_path, seed_docs):
    page = to_html(seed_path("zhumadian"), tmp_path / "utf8.html").read_text(encoding="utf-8")
    gb = tmp_path / "gb.htm"
    gb.write_bytes(page.replace('charset="utf-8"', 'charset="gb2312"').encode("gb18030"))
    doc = read_document(gb)
    assert texts(doc) == texts(seed_docs["zhumadian"])
    assert doc.hints["doc_number"] == "驻政文〔2020〕22号"


def test_html_structure(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
        <title>关于2023年法治政府建设情况的报告 - 某市人民政府</title></head><body>
        <header><div class="logo">某市人民政府门户网站</div></header>
        <nav>首页 政务公开 互动交流</nav><div class="main-menu">政务公开 办事服务</div>
        <article><header><h1>关于2023年法治政府建设情况的报告</h1></header>
        <table><tr><td>索　引　号：</td><td>000-2024-001</td><td>发布日期：</td><td>2024年3月6日</td></tr></table>
        <div id="zoom"><p><strong>一、主要举措</strong></p>
        <p>第一段<b>部分加粗</b>的文字。<br>换行后的第二段。</p>
        <p style="font-weight: bold">整段加粗的段落</p>
        <!-- 注释：访问量 --><script>document.write("分享到")</script></div>
        </article><div class="bdsharebuttonbox">微信 微博 QQ空间</div>
        <div class="xgwz"><h3>相关文章</h3><ul><li>关于2022年法治政府建设情况的报告</li></ul></div>
        <footer>版权所有：某市人民政府</footer></body></html>""",
        encoding="utf-8",
    )
    doc = read_document(page)
    assert [(p.text, p.bold) for p in doc.paras] == [
        ("关于2023年法治政府建设情况的报告", False),
        ("一、主要举措", True),
        ("第一段部分加粗的文字。", False),
        ("换行后的第二段。", False),
        ("整段加粗的段落", True),
    ]
    assert doc.hints == {"page_title": "关于2023年法治政府建设情况的报告", "published": "2024-03-06"}


def test_article_inside_a_wrapper_named_like_chrome_and_deep_nesting(tmp_path):
    page = tmp_path / "wrapped.html"
    body = "".join(f"<p>（{i}）第{i}项工作扎实推进，全年共办理相关事项{i * 10}件，群众满意度持续提升。</p>" for i in range(1, 6))
    page.write_text(f'<html><body><div class="nav-content">{body}</div><div class="nav">首页</div></body></html>',
                    encoding="utf-8")
    assert [p.text[:4] for p in read_document(page).paras] == ["（1）第", "（2）第", "（3）第", "（4）第", "（5）第"]
    deep = tmp_path / "deep.html"
    deep.write_text("<html><body>" + "<div>" * 3000 + "<p>正文。</p>" + "</div>" * 3000 + "</body></html>",
                    encoding="utf-8")
    assert texts(read_document(deep)) == ["正文。"]


def test_xhtml_and_preformatted_text(tmp_path):
    import warnings

    page = tmp_path / "page.xhtml.html"
    page.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head>'
        "<title>- no title specified</title></head><body><pre>关于2023年法治政府建设情况的报告\n\n"
        "<span>河南省人民政府</span>:\n一、主要举措和成效\n</pre></body></html>",
        encoding="utf-8",
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = read_document(page)
    assert texts(doc) == ["关于2023年法治政府建设情况的报告", "河南省人民政府：", "一、主要举措和成效"]
    assert "page_title" not in doc.hints  # a title without Chinese text names no report


# ---------------------------------------------------------------- .docx details


@pytest.mark.parametrize(
    "page_title, expected",
    [
        ("营口市人民政府-关于2023年法治政府建设情况的报告", "关于2023年法治政府建设情况的报告"),
        ("关于落实法治政府建设实施纲要（2021-2025年）情况的报告 - 某市人民政府", "关于落实法治政府建设实施纲要（2021-2025年）情况的报告"),
        ("首页_政府信息公开", "首页"),
    ],
)
def test_page_title_without_site_name(tmp_path, page_title, expected):
    page = tmp_path / "p.html"
    page.write_text(f"<html><head><title>{page_title}</title></head><body><p>正文。</p></body></html>", encoding="utf-8")
    assert read_document(page).hints["page_title"] == expected


def _docx_bytes(build) -> bytes:
    document = docx.Document()
    build(document)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_breaks_bold_tables_outline_and_chinese_styles(tmp_path):
    def build(document):
        para = document.add_paragraph()
        run = para.add_run("关于2023年法治政府建设情况的报告")
        run.bold = True
        run.add_break()  # Shift+Enter
        para.add_run("（此行在软回车之后）").bold = True
        mixed = document.add_paragraph("正文开头，")
        mixed.add_run("其中加粗").bold = True
        outlined = document.add_paragraph("以大纲级别标注的标题")
        ppr = outlined._p.get_or_add_pPr()
        level = OxmlElement("w:outlineLvl")
        level.set(qn("w:val"), "1")
        ppr.append(level)
        cn = document.styles.add_style("标题 2", WD_STYLE_TYPE.PARAGRAPH)
        document.add_paragraph("（一）中文样式名的标题", style=cn)
        table = document.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "表格里的第一段。"
        table.cell(0, 1).text = "表格里的第二段。"
        document.add_paragraph("表格之后的段落。")

    path = tmp_path / "report.docx"
    path.write_bytes(_docx_bytes(build))
    before = path.read_bytes()
    doc = read_document(path)
    assert [(p.text, p.level, p.bold) for p in doc.paras] == [
        ("关于2023年法治政府建设情况的报告", None, True),
        ("（此行在软回车之后）", None, True),
        ("正文开头，其中加粗", None, False),
        ("以大纲级别标注的标题", 2, False),
        ("（一）中文样式名的标题", 2, False),
        ("表格里的第一段。", None, False),
        ("表格里的第二段。", None, False),
        ("表格之后的段落。", None, False),
    ]
    assert path.read_bytes() == before  # the input is never modified


def test_docx_odd_bold_value_is_read_as_plain(tmp_path, variants):
    good, _ = variants["yingkou", "to_docx"]
    odd = tmp_path / "odd.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(odd, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data.replace(b"<w:r>", b'<w:r><w:rPr><w:b w:val="maybe"/></w:rPr>', 1)
            dst.writestr(info, data)
    doc = read_document(odd)
    assert doc.paras[0].text == "关于2023年法治政府建设情况的报告" and not doc.paras[0].bold


NUMBERING = """<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>"""


def test_docx_automatic_numbering_is_written_out(tmp_path):
    def build(document):
        from lxml import etree

        numbering = document.part.numbering_part.element
        numbering.insert(0, etree.fromstring(NUMBERING))
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), "90")
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), "90")
        num.append(ref)
        numbering.append(num)

        def numbered(text, ilvl, num_id="90"):
            para = document.add_paragraph(text)
            num_pr = OxmlElement("w:numPr")
            for tag, value in (("w:ilvl", str(ilvl)), ("w:numId", num_id)):
                el = OxmlElement(tag)
                el.set(qn("w:val"), value)
                num_pr.append(el)
            para._p.get_or_add_pPr().append(num_pr)

        numbered("主要举措和成效", 0)
        numbered("加强组织领导", 1)
        numbered("完善制度体系", 1)
        numbered("出台规范性文件3件。", 2)
        numbered("要点一", 3)
        numbered("存在的不足和原因", 0)
        numbered("重视程度不够", 1)
        numbered("编号已关闭的段落", 0, num_id="0")

    path = tmp_path / "numbered.docx"
    path.write_bytes(_docx_bytes(build))
    assert texts(read_document(path)) == [
        "一、主要举措和成效", "（一）加强组织领导", "（二）完善制度体系", "1.出台规范性文件3件。", "要点一",
        "二、存在的不足和原因", "（一）重视程度不够", "编号已关闭的段落",
    ]


def test_truncated_docx(tmp_path, variants):
    good, _ = variants["yingkou", "to_docx"]
    bad = tmp_path / "cut.docx"
    bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(DrafterError, match=r"不是有效的 Word 文档（\.docx）") as info:
        read_document(bad)
    assert info.value.file == str(bad)


def test_docx_with_damaged_part(tmp_path, variants):
    good, _ = variants["yingkou", "to_docx"]
    bad = tmp_path / "damaged.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info, b"<w:document" if info.filename == "word/document.xml" else data)
    with pytest.raises(DrafterError, match="不是有效的 Word 文档"):
        read_document(bad)


def test_zip_that_is_not_a_docx(tmp_path):
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("photo.txt", "不是 Word")
    with pytest.raises(DrafterError, match="word/document.xml"):
        read_document(path)


def test_zip_bomb_refused_without_inflating(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\0" * (40 * 1024 * 1024))
    with pytest.raises(DrafterError, match="解压后异常巨大"):
        read_document(path)


def test_old_word_file_named_docx(tmp_path):
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 1024)
    with pytest.raises(DrafterError, match=r"旧版 Word 文档（\.doc）"):
        read_document(path)


# ---------------------------------------------------------------- refused inputs


def test_missing_empty_unsupported_and_noise_only(tmp_path):
    with pytest.raises(DrafterError, match="不存在"):
        read_document(tmp_path / "nothing.txt")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(DrafterError, match="空"):
        read_document(empty)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(DrafterError, match=r"不支持的文件类型“\.pdf”"):
        read_document(pdf)
    noise = tmp_path / "noise.txt"
    noise.write_text("当前位置：首页 > 通知公告\n分享到：\n扫一扫在手机打开当前页\n", encoding="utf-8")
    with pytest.raises(DrafterError, match="没有找到正文"):
        read_document(noise)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(DrafterError, match="无法识别为文本"):
        read_document(binary)


# ---------------------------------------------------------------- the cleaner on its own


def clean(*lines):
    hints = {}
    kept = [p.text for p in clean_paras([Para(line) for line in lines], hints)]
    return kept, hints


def test_fused_metadata_line_with_bullets_and_odd_spaces():
    kept, hints = clean(
        "发布时间：2023-02-15 09:30\u3000来源：鹤庆县司法局 • 浏览次数：1024 【字体：大 中 小】【打印】【关闭】",
        "关于2022年法治政府建设情况的报告",
    )
    assert kept == ["关于2022年法治政府建设情况的报告"]
    assert hints == {"published": "2023-02-15", "source_org": "鹤庆县司法局"}


def test_index_table_with_spaced_labels():
    kept, hints = clean(
        "索\u3000引\u3000号：11532932015205001A/2024-00012\u3000\u3000主题分类：其他",
        "发文机关：鹤庆县人民政府 成文日期：2024年01月18日",
        "名\u3000\u3000称：中共鹤庆县委 鹤庆县人民政府关于2023年度法治政府建设情况的报告",
        "文\u3000\u3000号：鹤发[2024]3号 有 效 性：有效",
        "2023年,鹤庆县坚持以习近平新时代中国特色社会主义思想为指导。",
    )
    assert kept == ["2023年，鹤庆县坚持以习近平新时代中国特色社会主义思想为指导。"]
    assert hints == {
        "issuing_org": "鹤庆县人民政府",
        "written_date": "2024-01-18",
        "page_title": "中共鹤庆县委 鹤庆县人民政府关于2023年度法治政府建设情况的报告",
        "doc_number": "鹤发〔2024〕3号",
    }


def test_widgets_breadcrumbs_and_stubs_go_but_real_attachments_stay():
    kept, _ = clean(
        "您的位置：首页 > 政务公开 > 法治政府建设",
        "首页 | 政务公开 | 互动交流",
        "通知公告",
        "关于2023年法治政府建设情况的报告",
        "【字号: 大 中 小】",
        "分享到：",
        "  • 附件:",
        "视频：",
        "附件：1.2023年法治政府建设工作台账",
        "（此件公开发布）",
        "【打印本页】【关闭窗口】",
        "扫一扫在手机上查看当前页面",
        "版权所有 © 某市人民政府 备案号：辽ICP备12345678号",
    )
    assert kept == ["关于2023年法治政府建设情况的报告", "附件：1.2023年法治政府建设工作台账", "（此件公开发布）"]


def test_more_site_variants():
    kept, hints = clean(
        "首页 > 政务公开 > 法定主动公开内容 > 法治政府建设年度报告",
        "2024-02-22 16:49",
        "[打印本页] [关闭窗口]",
        "字号：T|T",
        "上一篇：关于开展2024年普法工作的通知",
        "(信息来源：县司法局)",
        "发布者：县司法局 发布时间：2024年02月20日 阅读次数：1024",
        "附件下载：",
        "【字体：大 中 小】【打印】【关闭】【纠错】",
        "手机扫一扫在手机上打开",
        "关于2023年法治政府建设情况的报告",
        "2024年1月18日",
    )
    # The lone web stamp gives the publication date; the report's own date line stays.
    assert kept == ["关于2023年法治政府建设情况的报告", "2024年1月18日"]
    assert hints == {"published": "2024-02-22", "source_org": "县司法局"}


def test_a_body_sentence_that_mentions_a_label_is_kept():
    line = "来源于群众的意见建议共收集1200条，时间跨度为全年。"
    heading = "（三）在政府门户网站首页/法治政府专栏公开年度报告"
    assert clean(line, "时间：一季度完成清理工作。", heading)[0] == [line, "时间：一季度完成清理工作。", heading]


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("驻政文〔2020〕22号", "驻政文〔2020〕22号"),
        ("驻政文[2020]22号", "驻政文〔2020〕22号"),
        ("营政发（2024） 3 号", "营政发〔2024〕3号"),
        ("鹤发【2024】13号", "鹤发〔2024〕13号"),
        ("无文号", None),
    ],
)
def test_doc_number_brackets(raw, expected):
    assert normalize_doc_number(raw) == expected
