"""Build templates/report.docx, drafter's default Word template, from this script alone.

The .docx is written part by part (no python-docx default template, no theme), so every
style names its fonts explicitly in all four w:rFonts slots and the build is byte-for-byte
reproducible. A bureau can restyle the result in Word or WPS and keep the Jinja tags, or
rebuild it with other faces:

    python3 tools/build_template.py                      # templates/report.docx, report-windows.docx
    python3 tools/build_template.py --font body=仿宋 --font h2=楷体 -o our.docx

Layout facts: GB/T 9704-2012 (A4; margins 37/35/28/26 mm; 22 lines of 28 characters;
title 二号 小标宋; body 三号 仿宋; page numbers 四号 宋体 "— 1 —", odd right, even left).
"""

from __future__ import annotations

import argparse
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parent.parent

# Default faces: the names GB/T 9704 and every bureau's own templates use. w:altName in the font
# table tells Word/WPS which Windows face to take when the _GB2312 or 方正 face is missing.
FONTS = {
    "title": "方正小标宋简体",
    "body": "仿宋_GB2312",
    "h1": "黑体",
    "h2": "楷体_GB2312",
    "h3": "仿宋_GB2312",
    "h4": "仿宋_GB2312",
    "page": "宋体",
    "comment": "宋体",
}
ALT_NAMES = {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "宋体"}
# The bundled templates: the standard's faces, and the faces every Windows 10/11 ships
# (no _GB2312 faces there; only the title keeps 方正小标宋简体, with 宋体 as its fallback).
BUNDLED = {
    "report.docx": {},
    "report-windows.docx": {"body": "仿宋", "h2": "楷体", "h3": "仿宋", "h4": "仿宋"},
}

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Lengths in twips (1/20 pt); 1 mm = 1440/25.4 twips.
def mm(value: float) -> int:
    return round(value * 1440 / 25.4)


PAGE_W, PAGE_H = 11906, 16838  # A4
MARGINS = {"top": mm(37), "bottom": mm(35), "left": mm(28), "right": mm(26)}
FOOTER_DISTANCE = mm(25)  # measured in LibreOffice: the page number sits ~7 mm under the text block
LINE = 579  # exact line pitch 28.95 pt: 22 lines in the 225 mm text block
BODY_SZ, TITLE_SZ, PAGE_SZ, TABLE_SZ = 32, 44, 28, 24  # half-points: 三号, 二号, 四号, 小四
CONDENSE = -5  # 1/20 pt: 16 pt less 0.25 pt gives 28 characters in the 156 mm line (Word and LibreOffice)
INDENT_2 = 640  # two 三号 characters
TEXT_W = 8844  # the 156 mm text block
RED = "FF0000"
BANNER_BEFORE = mm(35)  # the 发文机关标志's top edge 35 mm below the top of the text block


def rfonts(face: str, hint: str | None = None) -> str:
    extra = f' w:hint="{hint}"' if hint else ""
    return f'<w:rFonts w:ascii="{face}" w:hAnsi="{face}" w:eastAsia="{face}" w:cs="{face}"{extra}/>'


def rpr(face: str, size: int | None = None, bold: bool = False, spacing: int | None = None) -> str:
    out = rfonts(face)
    if bold:
        out += "<w:b/><w:bCs/>"
    if spacing is not None:
        out += f'<w:spacing w:val="{spacing}"/>'
    if size:
        out += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    return f"<w:rPr>{out}</w:rPr>"


NO_INDENT = '<w:ind w:firstLine="0" w:firstLineChars="0"/>'


def style(kind: str, sid: str, name: str, ppr: str = "", rpr_xml: str = "", based: str | None = "Normal",
          extra: str = "", default: bool = False) -> str:
    attrs = f' w:type="{kind}" w:styleId="{sid}"' + (' w:default="1"' if default else "")
    based_xml = f'<w:basedOn w:val="{based}"/>' if based else ""
    ppr_xml = f"<w:pPr>{ppr}</w:pPr>" if ppr else ""
    return f"<w:style{attrs}><w:name w:val={quoteattr(name)}/>{based_xml}{extra}<w:qFormat/>{ppr_xml}{rpr_xml}</w:style>"


def styles_xml(fonts: dict) -> str:
    heading = '<w:keepNext/><w:keepLines/><w:widowControl/><w:outlineLvl w:val="{}"/>'
    parts = [
        # docDefaults: every run falls back to the body face, never to a theme font.
        "<w:docDefaults><w:rPrDefault><w:rPr>" + rfonts(fonts["body"])
        + f'<w:kern w:val="0"/><w:sz w:val="{BODY_SZ}"/><w:szCs w:val="{BODY_SZ}"/>'
        + '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        + f'<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:before="0" w:after="0" w:line="{LINE}" w:lineRule="exact"/></w:pPr></w:pPrDefault>'
        + "</w:docDefaults>",
        style("paragraph", "Normal", "Normal", based=None, default=True,
              ppr=f'<w:widowControl/><w:spacing w:before="0" w:after="0" w:line="{LINE}" w:lineRule="exact"/>'
                  f'<w:ind w:firstLine="{INDENT_2}" w:firstLineChars="200"/><w:jc w:val="both"/>',
              rpr_xml=rpr(fonts["body"], BODY_SZ, spacing=CONDENSE)),
        # The title's 22 pt would take two grid lines in LibreOffice: it keeps its exact line, off the grid.
        style("paragraph", "Title", "Title", extra='<w:next w:val="Normal"/>',
              ppr='<w:snapToGrid w:val="0"/>' + NO_INDENT + '<w:jc w:val="center"/>', rpr_xml=rpr(fonts["title"], TITLE_SZ, spacing=0)),
        style("paragraph", "Heading1", "heading 1", extra='<w:next w:val="Normal"/>',
              ppr=heading.format(0), rpr_xml=rpr(fonts["h1"], BODY_SZ)),
        style("paragraph", "Heading2", "heading 2", extra='<w:next w:val="Normal"/>',
              ppr=heading.format(1), rpr_xml=rpr(fonts["h2"], BODY_SZ)),
        style("paragraph", "Heading3", "heading 3", extra='<w:next w:val="Normal"/>',
              ppr=heading.format(2), rpr_xml=rpr(fonts["h3"], BODY_SZ, bold=True)),
        style("paragraph", "Heading4", "heading 4", extra='<w:next w:val="Normal"/>',
              ppr=heading.format(3), rpr_xml=rpr(fonts["h4"], BODY_SZ)),
        # The 版头 (GB/T 9704 7.2): the red 发文机关标志 (drafter sizes it to its line), then the
        # 文号 one character in from the left and 签发人 one in from the right (a right tab), with
        # the red separator line under them as wide as the text block (left indent 0).
        style("paragraph", "BannerMark", "发文机关标志",
              ppr=f'<w:keepNext/><w:snapToGrid w:val="0"/><w:spacing w:before="{BANNER_BEFORE}" w:after="0" '
                  'w:line="240" w:lineRule="auto"/>' + NO_INDENT + '<w:jc w:val="center"/>',
              rpr_xml=rpr(fonts["title"], 84, spacing=0).replace("</w:rPr>", f'<w:color w:val="{RED}"/></w:rPr>')),
        style("paragraph", "DocNumber", "发文字号",
              ppr=f'<w:keepNext/><w:pBdr><w:bottom w:val="single" w:sz="12" w:space="6" w:color="{RED}"/></w:pBdr>'
                  f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_W - INDENT_2 // 2}"/></w:tabs>'
                  f'<w:ind w:left="0" w:right="0" w:firstLine="{INDENT_2 // 2}" w:firstLineChars="100"/><w:jc w:val="left"/>',
              rpr_xml=rpr(fonts["body"], BODY_SZ)),
        style("paragraph", "Header", "header",
              ppr='<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>' + NO_INDENT + '<w:jc w:val="right"/>',
              rpr_xml=rpr(fonts["h1"], BODY_SZ, spacing=0)),
        style("paragraph", "Recipient", "主送机关", ppr=NO_INDENT + '<w:jc w:val="left"/>',
              rpr_xml=rpr(fonts["body"], BODY_SZ)),
        # Signature two characters in from the right; the renderer adjusts both indents to the
        # lengths of signature and date as the standard asks.
        style("paragraph", "Signature", "发文机关署名",
              ppr=f'<w:ind w:right="{INDENT_2}" w:rightChars="200" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="right"/>',
              rpr_xml=rpr(fonts["body"], BODY_SZ)),
        style("paragraph", "DocDate", "成文日期",
              ppr=f'<w:ind w:right="{INDENT_2}" w:rightChars="200" w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="right"/>',
              rpr_xml=rpr(fonts["body"], BODY_SZ)),
        style("paragraph", "AppendixLabel", "附件标识", ppr=NO_INDENT + '<w:jc w:val="left"/>',
              rpr_xml=rpr(fonts["h1"], BODY_SZ)),
        style("paragraph", "TableText", "表格文字",
              ppr='<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>' + NO_INDENT + '<w:jc w:val="center"/>',
              rpr_xml=rpr(fonts["body"], TABLE_SZ, spacing=0)),
        style("paragraph", "Footer", "footer",
              ppr='<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>' + NO_INDENT,
              rpr_xml=rpr(fonts["page"], PAGE_SZ, spacing=0)),
        style("paragraph", "CommentText", "annotation text",
              ppr='<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>' + NO_INDENT + '<w:jc w:val="left"/>',
              rpr_xml=rpr(fonts["comment"], 21, spacing=0)),
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>',
        '<w:style w:type="character" w:styleId="SignerName"><w:name w:val="签发人姓名"/><w:basedOn w:val="DefaultParagraphFont"/>'
        f'<w:rPr>{rfonts(fonts["h2"])}</w:rPr></w:style>',
        '<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>',
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/>'
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
        '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>'
        '<w:tblPr><w:tblBorders>' + "".join(
            f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")
        ) + "</w:tblBorders></w:tblPr></w:style>",
    ]
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">'
            + "".join(parts) + "</w:styles>")


def font_table_xml(fonts: dict) -> str:
    names = sorted(set(fonts.values()))
    entries = []
    for name in names:
        alt = f'<w:altName w:val="{ALT_NAMES[name]}"/>' if name in ALT_NAMES else ""
        family = "modern" if name in ("黑体",) else "roman"
        entries.append(f'<w:font w:name="{name}">{alt}<w:charset w:val="86"/><w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="{W}">'
            + "".join(entries) + "</w:fonts>")


def settings_xml() -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="{W}">'
        '<w:zoom w:percent="100"/>'
        "<w:mirrorMargins/>"  # duplex: the 28 mm binding edge stays on the binding side
        f'<w:defaultTabStop w:val="{INDENT_2}"/>'
        "<w:evenAndOddHeaders/>"  # odd pages number right, even pages left
        '<w:characterSpacingControl w:val="compressPunctuation"/>'
        '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
        "</w:settings>"
    )


def footer_xml(fonts: dict, side: str) -> str:
    # "— 1 —": em dashes in the East Asian face, the number half-width; one character in from the edge.
    ind = '<w:ind w:right="280" w:firstLine="0" w:firstLineChars="0"/>' if side == "right" else '<w:ind w:left="280" w:firstLine="0" w:firstLineChars="0"/>'
    run_pr = "<w:rPr>" + rfonts(fonts["page"], hint="eastAsia") + f'<w:sz w:val="{PAGE_SZ}"/><w:szCs w:val="{PAGE_SZ}"/></w:rPr>'
    runs = (
        f'<w:r>{run_pr}<w:t xml:space="preserve">— </w:t></w:r>'
        f'<w:r>{run_pr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{run_pr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        f'<w:r>{run_pr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{run_pr}<w:t>1</w:t></w:r>"
        f'<w:r>{run_pr}<w:fldChar w:fldCharType="end"/></w:r>'
        f'<w:r>{run_pr}<w:t xml:space="preserve"> —</w:t></w:r>'
    )
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="{W}" xmlns:r="{R}">'
            f'<w:p><w:pPr><w:pStyle w:val="Footer"/>{ind}<w:jc w:val="{side}"/></w:pPr>{runs}</w:p></w:ftr>')


def header_xml() -> str:
    # The edition's mark (讨论稿) at the top right of every page; empty in the clean editions.
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="{W}" xmlns:r="{R}">'
            '<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t>{{ edition_mark }}</w:t></w:r></w:p></w:hdr>')


def para(text: str = "", style_id: str | None = None, fonts: dict | None = None, face: str | None = None,
         keep_next: bool = False) -> str:
    keep = "<w:keepNext/>" if keep_next else ""
    ppr = f'<w:pPr><w:pStyle w:val="{style_id}"/>{keep}</w:pPr>' if style_id else ""
    if not text:
        return f"<w:p>{ppr}</w:p>"
    return f"<w:p>{ppr}{run(text, face)}</w:p>"


def run(text: str, face: str | None = None) -> str:
    run_pr = f"<w:rPr>{rfonts(face)}</w:rPr>" if face else ""
    return f'<w:r>{run_pr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def tag(text: str) -> str:
    """A paragraph holding only a {%p … %} tag: docxtpl removes the paragraph itself."""
    return para(text)


def table_xml(fonts: dict) -> str:
    # twips; 8844 = the 156 mm text block. 小四 is 240 twips a character, cells pad 2 × 57: last year's
    # values (8.28个百分点, 4900余万次), 【待填：本年】 and the change (同比增长10.0%) keep to one line.
    widths = [620, 2600, 1600, 1850, 2174]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)

    def cell(text: str, width: int, header: bool = False) -> str:
        face = fonts["h1"] if header else None
        return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
                + para(text, "TableText", face=face) + "</w:tc>")

    header_cells = ["序号", "数据项", "{{ prior_label }}", "{{ current_label }}", "增减"]
    row_cells = ["{{ row.number }}", "{{ row.label }}", "{{ row.prior }}", "{{r row.value }}", "{{ row.change }}"]
    header = "<w:tr><w:trPr><w:tblHeader/></w:trPr>" + "".join(cell(t, w, True) for t, w in zip(header_cells, widths)) + "</w:tr>"
    span = f'<w:tcW w:w="{sum(widths)}" w:type="dxa"/><w:gridSpan w:val="{len(widths)}"/>'
    loop_open = "<w:tr>" + cell("{%tr for row in figure_rows %}", sum(widths)).replace(
        f'<w:tcW w:w="{sum(widths)}" w:type="dxa"/>', span, 1) + "</w:tr>"
    # A row is never split across two pages.
    row = "<w:tr><w:trPr><w:cantSplit/></w:trPr>" + "".join(cell(t, w) for t, w in zip(row_cells, widths)) + "</w:tr>"
    loop_close = "<w:tr>" + cell("{%tr endfor %}", sum(widths)).replace(
        f'<w:tcW w:w="{sum(widths)}" w:type="dxa"/>', span, 1) + "</w:tr>"
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f'<w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/>'
            f'<w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>{grid}</w:tblGrid>'
            + header + loop_open + row + loop_close + "</w:tbl>")


def document_xml(fonts: dict) -> str:
    blocks = "".join([
        tag("{%p for b in blocks %}"),
        tag('{%p if b.kind == "h1" %}'), para("{{r b.runs }}", "Heading1"),
        tag('{%p elif b.kind == "h2" %}'), para("{{r b.runs }}", "Heading2"),
        tag('{%p elif b.kind == "h3" %}'), para("{{r b.runs }}", "Heading3"),
        tag('{%p elif b.kind == "h4" %}'), para("{{r b.runs }}", "Heading4"),
        # The last paragraph of the body keeps with 特此报告 and the closing block.
        tag("{%p elif loop.last %}"), para("{{r b.runs }}", "Normal", keep_next=True),
        tag("{%p else %}"), para("{{r b.runs }}", "Normal"),
        tag("{%p endif %}"),
        tag("{%p endfor %}"),
    ])
    body = "".join([
        tag("{%p if banner %}"), para("{{ banner_mark }}", "BannerMark"),
        para("", "Normal", keep_next=True), para("", "Normal", keep_next=True),  # the 文号 two lines under it
        '<w:p><w:pPr><w:pStyle w:val="DocNumber"/></w:pPr>'
        + run("{{ doc_number }}") + "<w:r><w:tab/></w:r>" + run("签发人：") + run("{{r signer }}") + "</w:p>",
        para("", "Normal", keep_next=True), para("", "Normal", keep_next=True),  # the title two lines under the line
        tag("{%p endif %}"),
        tag("{%p for line in title_lines %}"), para("{{ line }}", "Title"), tag("{%p endfor %}"),
        para("", "Title"),  # one blank line under the title
        tag("{%p if recipient %}"), para("{{ recipient }}", "Recipient"), tag("{%p endif %}"),
        blocks,
        # From 特此报告 to the date the lines keep together: no page holds the signature without text.
        para("{{ closing_sentence }}", "Normal", keep_next=True),
        # 附件说明 of the report: one blank line under the body, two characters in.
        tag("{%p if attachments %}"), para("", "Normal", keep_next=True),
        tag("{%p for line in attachments %}"), para("{{r line }}", "Normal", keep_next=True), tag("{%p endfor %}"),
        tag("{%p endif %}"),
        tag("{%p if appendix %}"), para("", "Normal", keep_next=True),
        para("附件：{{ appendix_title }}", "Normal", keep_next=True), tag("{%p endif %}"),
        para("", "Normal", keep_next=True),  # one blank line above the signature
        tag("{%p for line in signature_lines %}"), para("{{r line }}", "Signature", keep_next=True), tag("{%p endfor %}"),
        para("{{r date }}", "DocDate"),
        # 附注 (联系人…) and 版记 lines of the report, under the date, indented two characters.
        tag("{%p for line in notes %}"), para("{{r line }}", "Normal"), tag("{%p endfor %}"),
        tag("{%p if appendix %}"),
        '<w:p><w:pPr><w:pStyle w:val="AppendixLabel"/></w:pPr><w:r><w:br w:type="page"/></w:r><w:r><w:t>附件</w:t></w:r></w:p>',
        para("", "Normal"),
        para("{{ appendix_title }}", "Title"),
        para("", "Normal"),
        table_xml(fonts),
        tag("{%p endif %}"),
    ])
    sect = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeaderOdd"/>'
        '<w:headerReference w:type="even" r:id="rIdHeaderEven"/><w:footerReference w:type="default" r:id="rIdFooterOdd"/>'
        '<w:footerReference w:type="even" r:id="rIdFooterEven"/>'
        f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
        f'<w:pgMar w:top="{MARGINS["top"]}" w:right="{MARGINS["right"]}" w:bottom="{MARGINS["bottom"]}" '
        f'w:left="{MARGINS["left"]}" w:header="851" w:footer="{FOOTER_DISTANCE}" w:gutter="0"/>'
        '<w:cols w:space="425"/>'
        f'<w:docGrid w:type="lines" w:linePitch="{LINE}"/></w:sectPr>'
    )
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}" xmlns:r="{R}">'
            f"<w:body>{body}{sect}</w:body></w:document>")


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"""

PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"""

DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rIdHeaderOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdHeaderEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/><Relationship Id="rIdFooterOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rIdFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/></Relationships>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{{ document_title }}</dc:title><dc:creator></dc:creator></cp:coreProperties>"""

APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>drafter</Application><Company></Company></Properties>"""


def build(fonts: dict) -> bytes:
    import io

    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("docProps/core.xml", CORE),
        ("docProps/app.xml", APP),
        ("word/document.xml", document_xml(fonts)),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", styles_xml(fonts)),
        ("word/settings.xml", settings_xml()),
        ("word/fontTable.xml", font_table_xml(fonts)),
        ("word/header1.xml", header_xml()),
        ("word/header2.xml", header_xml()),
        ("word/footer1.xml", footer_xml(fonts, "right")),
        ("word/footer2.xml", footer_xml(fonts, "left")),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # fixed: reproducible bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, text.encode("utf-8"))
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build drafter's Word templates (all bundled ones by default).")
    parser.add_argument("-o", "--output", help="build one template here instead of the bundled ones")
    parser.add_argument("--font", action="append", default=[], metavar="ROLE=FACE",
                        help=f"replace a face (with -o); roles: {', '.join(FONTS)}")
    args = parser.parse_args(argv)
    if not args.output:
        if args.font:
            parser.error("--font needs -o: the bundled templates are built as listed in BUNDLED")
        targets = {ROOT / "templates" / name: changes for name, changes in BUNDLED.items()}
    else:
        changes = {}
        for item in args.font:
            role, _, face = item.partition("=")
            if role not in FONTS or not face:
                parser.error(f"--font {item}: expected ROLE=FACE with ROLE in {', '.join(FONTS)}")
            changes[role] = face
        targets = {Path(args.output): changes}
    sys.path.insert(0, str(ROOT))  # this checkout's drafter, installed or not
    from drafter.render.template import check_template

    for path, changes in targets.items():
        data = build({**FONTS, **changes})
        check_template(path, data)  # render trusts the bundled templates: check them here, once
        path.write_bytes(data)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
