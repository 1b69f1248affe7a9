"""What reading recognises: spaces, a hard wrap's line ends, page noise, HTML chrome, Word's styles."""

from __future__ import annotations

import re

# ---------------------------------------------------------------- whitespace

SPACES_RE = re.compile(r"[\s\u3000\u00a0\u2002-\u200a\u202f\u205f]+")
# Zero-width characters and direction marks, embeddings, overrides and isolates: invisible, they split
# numbers (2\u200e3 read as 2 and 3) and a right-to-left override would reorder the text in Word.
INVISIBLE_RE = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad\u061c\u202a-\u202e\u2066-\u2069]")
# Combining marks typed over a digit (2\u0303): they hide the digit from the number lexer.
MARKS_ON_DIGITS_RE = re.compile(r"(?<=\d)[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
# Digits of other scripts (full-width ２０２３, Arabic-Indic …) read as ASCII digits.
OTHER_DIGITS_RE = re.compile(r"(?![0-9])\d")  # \d is every script's decimal digit

# ---------------------------------------------------------------- hard-wrapped text

SENTENCE_END = "。！？；：!?;:"
CLOSERS = "”’」』）)》】"
# Numbers that begin headings at the start of a line (一、 （一） 1. (1) 第一部分).
_HEADING_NUMBER = (
    r"[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]"
    r"|第[一二三四五六七八九十]{1,3}(?:部分|章|节|条)"
)
HEADING_START_RE = re.compile(f"^(?:{_HEADING_NUMBER})")
# What starts a new paragraph: a heading number, or 一是, ① and 特此报告, which open sentences and closings.
PARA_START_RE = re.compile(f"^(?:{_HEADING_NUMBER}|一是|[①-⑳]|特此报告)")
# A sentence inside a heading line: the line is text, not a heading.
SENTENCE_IN_LINE_RE = re.compile("[。！？；!?;]")
# A line ending in these stops mid-sentence: no heading ends so.
MID_SENTENCE = "，、,（(《“‘"
# A PDF's page number, copied between the lines of a paragraph running onto the next page.
PAGE_NUMBER_RE = re.compile(r"^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|\d{1,3}|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})$")
# A first-line indent: two spaces or more, or an ideographic space (a single space is no indent).
INDENT_RE = re.compile(r"^(?:\u3000|\s{2})")

# ---------------------------------------------------------------- page noise

# Labels of the metadata fields that web pages print around an article. Internal spaces are
# allowed (索 引 号, 名  称) since pages pad labels to equal width. Value: the hint it feeds, or None.
FIELDS = {
    "发布时间": "published", "发布日期": "published", "发表时间": "published", "公开日期": "published",
    "时间": "published", "日期": "published", "生成日期": "published",
    "成文日期": "written_date", "成文时间": "written_date", "印发日期": "written_date",
    "文号": "doc_number", "发文字号": "doc_number", "发文文号": "doc_number",
    "名称": "page_title", "标题": "page_title", "文件名称": "page_title",
    "来源": "source_org", "信息来源": "source_org", "文章来源": "source_org", "发布机构": "source_org",
    "发布单位": "source_org", "所属机构": "source_org",
    "发文机关": "issuing_org",
    "作者": None, "发布者": None, "发布人": None, "投稿": None, "责任编辑": None, "编辑": None, "审核": None, "校对": None,
    "访问量": None, "访问次数": None, "点击量": None, "点击数": None, "点击次数": None, "浏览次数": None,
    "浏览量": None, "阅读量": None, "阅读次数": None, "累计次数": None,
    "字号": None, "字体": None, "分享": None, "分享到": None, "分享至": None, "打印": None, "收藏": None,
    "索引号": None, "有效性": None, "主题分类": None, "体裁分类": None, "组配分类": None,
    "服务对象分类": None, "公文种类": None, "主题词": None, "关键词": None, "生效日期": None,
    "废止日期": None, "失效日期": None, "上一篇": None, "下一篇": None,
    "主办单位": None, "承办单位": None, "技术支持": None, "联系电话": None, "网站标识码": None,
    # Attachment stubs: noise only when nothing follows the label.
    "附件": "stub", "附件下载": "stub", "视频": "stub", "图片": "stub", "相关附件": "stub", "相关链接": "stub",
}
LABEL_RE = re.compile(
    # label: value, or 【label】value as some sites print it
    "(" + "|".join(r"\s*".join(label) for label in sorted(FIELDS, key=len, reverse=True)) + r")\s*[:：】\]]"
)
LEAD_MARKS = " •·●▪◆■◇□【[|丨(（"
FIELD_VALUE_TRIM = " •·●▪|丨)）】]【["
# An organ's name, as a page's 来源 gives it: 新余市司法局 yes, 归集 (how the page was collected) no.
ORGAN_END_RE = re.compile(r"(局|委|办|府|厅|院|会|室|部|处|中心|公署|政府)$")
BREADCRUMB_RE = re.compile(r"^(您?(当前|现在)?的?(所在)?位置)\s*[:：]")
HOME_TRAIL_RE = re.compile(r"^.{0,8}首页\s*[>＞»›/|丨]")  # 网站首页 > 政务公开 > …
FOOTER_RE = re.compile(r"版权所有|ICP\s*备|公网安备|网站标识码|Copyright|©|^.{0,6}扫一扫")
# A page's publication stamp on its own line (2024-02-22 16:49); a report dates itself 2024年1月18日.
STAMP_RE = re.compile(r"^((?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})(\s+\d{1,2}:\d{2}(:\d{2})?)?$")
# Page widgets printed as words: after removing them and brackets, nothing may remain.
_WIDGETS = sorted(
    [
        "在手机打开当前页", "分享到", "分享", "打印本页", "打印", "关闭窗口", "关闭本页", "关闭",
        "收藏本页", "收藏", "返回顶部", "返回首页", "返回", "网站地图", "联系我们", "字号", "字体",
        "微信", "微博", "QQ空间", "默认", "大", "中", "小", "放大", "缩小", "我要纠错", "纠错", "加入收藏",
        "设为首页", "首页", "附件下载",
    ],
    key=len,
    reverse=True,
)
WIDGET_RE = re.compile("|".join(map(re.escape, _WIDGETS)))
WIDGET_LEFTOVER_RE = re.compile(r"^[\s【】\[\]()（）|丨•·●/:：,，]*$")
# A page's list of related links, printed after the article.
LINKS_RE = re.compile(r"^[【\[]?(相关链接|相关文章|相关阅读|相关新闻|相关信息|友情链接)[】\]]?\s*[:：]?$")
# Column names a site prints above an article (行政规范性文件, 通知公告).
CATEGORY_RE = re.compile(r"^[\u4e00-\u9fff]{2,12}(文件|公告|公示|通知|动态|信息|要闻|新闻|资讯|专栏|专题|公开|年报|栏目|政策|解读)$")

# ---------------------------------------------------------------- HTML

DROP_TAGS = {"script", "style", "noscript", "template", "nav", "footer", "aside", "iframe", "svg",
             "button", "select", "form", "object", "embed", "head"}
ARTICLE_TAGS = ("article", "main", "section")
# Site chrome by class or id: menus, breadcrumbs, share bars, related-article lists (weizhi/dqwz = 位置/当前位置,
# xgwz/xglj = 相关文章/相关链接 in pinyin initials).
CHROME_RE = re.compile(
    r"(?<![a-z])(nav|menu|breadcrumb|crumb|footer|bdshare|bshare|share|sidebar|copyright|weizhi|dqwz|related|relate|xgwz|xglj)"
)
BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table",
              "tbody", "thead", "tfoot", "section", "article", "main", "blockquote", "pre", "center", "body",
              "html", "address", "figure", "figcaption", "caption", "hr"}
CELL_TAGS = {"td", "th"}
BOLD_TAGS = {"strong", "b"}
BOLD_STYLES = ("font-weight:bold", "font-weight:700", "font-weight:bolder")
HEADING_TAG_RE = re.compile(r"h[1-6]")
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
# Pages that say gb2312/gbk often hold GB18030-only characters; GB18030 is their superset.
GB_CHARSETS = ("gb2312", "gbk", "gb18030", "x-gbk")
# "关于…的报告_通知公告_营口市人民政府": the parts of a page's <title>.
TITLE_PARTS_RE = re.compile(r"\s*[_|｜]\s*|\s+[-—–]+\s+|(?<=[\u4e00-\u9fff])[-—–]+(?=[\u4e00-\u9fff])")
HAN_RE = re.compile(r"[\u4e00-\u9fff]")

# ---------------------------------------------------------------- Word

HEADING_STYLE_RE = re.compile(r"(?:heading|标题)\s*([1-9])", re.I)
# Runs directly in a paragraph, or inside hyperlinks, tracked insertions and fields; not in text boxes.
RUNS_XPATH = "./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r | ./w:fldSimple/w:r | ./w:sdt/w:sdtContent/w:r"
# Word's list number formats counted in Chinese (一、十二、一百零五).
CHINESE_COUNTING = ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
                    "taiwaneseCounting", "japaneseCounting")
LEVEL_REF_RE = re.compile(r"%([1-9])")  # a level's number inside lvlText: %1、 （%2）
