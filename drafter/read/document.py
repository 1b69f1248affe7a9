"""Reading a prior report (.txt, .docx, .html) into cleaned paragraphs, keeping what page noise says."""

from __future__ import annotations

import collections
import datetime
import hashlib
import io
import re
import unicodedata
import zipfile
from pathlib import Path

from drafter.errors import DrafterError
from drafter.files import MAX_DOCX_BYTES, decode_text, read_input_bytes, readable_name
from drafter.parse.nodes import Para, RawDoc

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
DOCX_SUFFIXES = {".docx"}

# A .docx is a zip; these bounds are checked on the zip's directory, before anything is inflated.
MAX_DOCX_UNPACKED = 200 * 1024 * 1024
MAX_DOCX_RATIO = 200  # office XML compresses ~5-30x; far more means a zip bomb

BAD_DOCX = "不是有效的 Word 文档（.docx），文件可能已损坏或不完整；请用 Word 或 WPS 打开后重新另存为 .docx"


def read_document(path: str | Path) -> RawDoc:
    """The report's cleaned paragraphs, the metadata found in its page noise, and its source."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES:
        if not p.exists():
            raise DrafterError("文件不存在", p)
        raise DrafterError(f"不支持的文件类型“{suffix or '无扩展名'}”；支持 .txt、.docx、.html、.htm", p)
    hints: dict = {}
    if suffix in DOCX_SUFFIXES:
        data = read_input_bytes(p, MAX_DOCX_BYTES)
        paras = _docx_paras(data, p)
    elif suffix in HTML_SUFFIXES:
        data = read_input_bytes(p)
        paras, page_title = _html_paras(data, p)
        if page_title:
            hints["page_title"] = page_title
    else:
        data = read_input_bytes(p)
        paras = [Para(line) for line in join_wrapped_lines(decode_text(data, p).split("\n"))]
    paras = clean_paras(paras, hints)
    if not paras:
        raise DrafterError("文件里没有找到正文文字", p)
    return RawDoc(paras=paras, hints=hints, source={"file": readable_name(p.name), "sha256": hashlib.sha256(data).hexdigest()})


# ---------------------------------------------------------------- whitespace

_SPACES_RE = re.compile(r"[\s\u3000\u00a0\u2002-\u200a\u202f\u205f]+")
_INVISIBLE_RE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


def normalize_space(text: str) -> str:
    """Full-width, non-breaking and runs of spaces become one space; invisible marks go."""
    return _SPACES_RE.sub(" ", _INVISIBLE_RE.sub("", text)).strip()


# ---------------------------------------------------------------- hard-wrapped text

# Text copied out of a PDF keeps every visual line: paragraphs come cut at a fixed width. Widths are
# measured as printed: a Chinese character or mark takes two units, a digit or Latin letter one.
_SENTENCE_END = "。！？；：!?;:"
_CLOSERS = "”’」』）)》】"
# Numbers that begin headings at the start of a line (一、 （一） 1. (1) 第一部分).
_HEADING_NUMBER = (
    r"[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]"
    r"|第[一二三四五六七八九十]{1,3}(?:部分|章|节|条)"
)
_HEADING_START_RE = re.compile(f"^(?:{_HEADING_NUMBER})")
# What starts a new paragraph: a heading number, or 一是, ① and 特此报告, which open sentences and closings.
_PARA_START_RE = re.compile(f"^(?:{_HEADING_NUMBER}|一是|[①-⑳]|特此报告)")
# A line ending in these stops mid-sentence: no heading ends so.
_MID_SENTENCE = "，、,（(《“‘"
# A PDF's page number, copied between the lines of a paragraph running onto the next page.
_PAGE_NUMBER_RE = re.compile(r"^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|\d{1,3}|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*/\s*\d{1,3})$")
# A first-line indent: two spaces or more, or an ideographic space (a single space is no indent).
_INDENT_RE = re.compile(r"^(?:\u3000|\s{2})")


def _width(text: str) -> int:
    # Ambiguous-width marks (“”…—) print full-width in Chinese text.
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 1 for ch in text)


def _wrap_width(lines: list[str]) -> int | None:
    """The width body lines were cut at, when the text is hard-wrapped; None for a normally written text."""
    widths = [_width(line) for line in lines]
    if len(widths) < 6:
        return None
    # The page width: the widest width that several lines reach (a line may run two units over it,
    # when a mark that may not begin a line is pulled up).
    per_width = collections.Counter(widths)
    best = next(
        (w for w in sorted(per_width, reverse=True)
         if sum(per_width[x] for x in range(w - 2, w + 3)) >= max(3, len(widths) / 10)),
        0,
    )
    if best < 20:
        return None  # ten characters or fewer: lists and headings, not a page width
    if sum(x > best + 2 for x in widths) > 0.05 * len(widths):
        return None  # lines run past it: they are paragraphs, not wrapped lines
    full = [line for line, x in zip(lines, widths) if x >= best - _tolerance(best)]
    cut = sum(line.rstrip(_CLOSERS)[-1:] not in _SENTENCE_END for line in full)
    return best if cut >= 3 and cut >= 0.5 * len(full) else None


def _tolerance(width: int) -> int:
    # A line may stop a character or two short: a mark that may not begin a line pulls a character down.
    return max(4, width // 10)


def _is_noise(text: str) -> bool:
    return _is_field_line(text, {}) or _is_widget_line(text) or bool(_STAMP_RE.match(text))


def _continues(para: str, prev: str, raw: str, text: str, width: int, indents: bool) -> bool:
    """Whether line text (raw: as written) goes on paragraph para, whose last line is prev."""
    if _width(prev) < width - _tolerance(width):
        return False  # clearly shorter than the page: the paragraph ended there
    if indents and _INDENT_RE.match(raw):
        return False  # a first-line indent opens a paragraph
    if _is_noise(prev) or _is_noise(text):
        return False
    heading = _HEADING_START_RE.match(para) and not re.search("[。！？；!?;]", para) and prev[-1:] not in _MID_SENTENCE
    sentence_ended = prev.rstrip(_CLOSERS)[-1:] in _SENTENCE_END
    if _PARA_START_RE.match(text):
        # After a sentence or a heading, a number opens a paragraph; after a cut word (统 / 一、功能) it does not.
        return not heading and not sentence_ended
    full = _width(text) >= width - _tolerance(width)
    if sentence_ended and not full and text.rstrip(_CLOSERS)[-1:] not in _SENTENCE_END:
        return False  # a paragraph's last line ends a sentence; a short line that does not is a heading or a name
    # A full-width heading (numbered, no sentence in it) is followed by its text when the next line is full
    # too; the short rest of a long heading or item comes on a short line.
    return not (heading and full)


def join_wrapped_lines(lines: list[str]) -> list[str]:
    """Lines of a hard-wrapped text joined back into paragraphs, page numbers dropped; any other text is
    returned as it is."""
    texts = [normalize_space(line) for line in lines]
    body = [t for t in texts if t]
    width = _wrap_width(body)
    if width is None:
        return lines
    indented = sum(bool(_INDENT_RE.match(raw)) for raw, t in zip(lines, texts) if t)
    indents = 3 <= indented < 0.5 * len(body)  # some lines indented, not all: the indent marks paragraphs
    out: list[str] = []
    prev = ""  # the last line of the paragraph being built; "" after a blank line
    for raw, text in zip(lines, texts):
        if not text:
            out.append("")
            prev = ""
        elif _PAGE_NUMBER_RE.match(text):
            continue  # the paragraph goes on after the page break
        elif prev and _continues(out[-1], prev, raw, text, width, indents):
            # Latin words were cut at a space the wrap ate; Chinese text and numbers join directly.
            latin = out[-1][-1:].isascii() and out[-1][-1:].isalpha() and text[:1].isascii() and text[:1].isalpha()
            out[-1] += (" " if latin else "") + text
            prev = text
        else:
            out.append(text)
            prev = text
    return out


# ---------------------------------------------------------------- dates and numbers

_DATE_RE = re.compile(r"((?:19|20|21)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_DOCNUM_RE = re.compile(r"([\u4e00-\u9fff]{1,12})\s*[〔\[［(（【]\s*((?:19|20)\d{2})\s*[〕\]］)）】]\s*(\d{1,5})\s*号")


def iso_date(text: str) -> str | None:
    """The first date in text (2024-03-06, 2020年03月09日, 2020/3/9…) as yyyy-mm-dd, or None."""
    m = _DATE_RE.search(text)
    if not m:
        return None
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def normalize_doc_number(text: str) -> str | None:
    """驻政文[2020]22号 / 驻政文（2020）22号 → 驻政文〔2020〕22号; None if text holds no 文号."""
    m = _DOCNUM_RE.search(text)
    if not m:
        return None
    return f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号"


# ---------------------------------------------------------------- page noise

# Labels of the metadata fields that web pages print around an article. Internal spaces are
# allowed (索 引 号, 名  称) since pages pad labels to equal width. Value: the hint it feeds, or None.
_FIELDS = {
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
_LABEL_RE = re.compile(
    # label: value, or 【label】value as some sites print it
    "(" + "|".join(r"\s*".join(label) for label in sorted(_FIELDS, key=len, reverse=True)) + r")\s*[:：】\]]"
)
_LEAD_MARKS = " •·●▪◆■◇□【[|丨(（"
_BREADCRUMB_RE = re.compile(r"^(您?(当前|现在)?的?(所在)?位置)\s*[:：]")
_HOME_TRAIL_RE = re.compile(r"^.{0,8}首页\s*[>＞»›/|丨]")  # 网站首页 > 政务公开 > …
_FOOTER_RE = re.compile(r"版权所有|ICP\s*备|公网安备|网站标识码|Copyright|©|^.{0,6}扫一扫")
# A page's publication stamp on its own line (2024-02-22 16:49); a report dates itself 2024年1月18日.
_STAMP_RE = re.compile(r"^((?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})(\s+\d{1,2}:\d{2}(:\d{2})?)?$")
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
_WIDGET_RE = re.compile("|".join(map(re.escape, _WIDGETS)))
_WIDGET_LEFTOVER_RE = re.compile(r"^[\s【】\[\]()（）|丨•·●/:：,，]*$")
# A page's list of related links, printed after the article.
_LINKS_RE = re.compile(r"^[【\[]?(相关链接|相关文章|相关阅读|相关新闻|相关信息|友情链接)[】\]]?\s*[:：]?$")
# Column names a site prints above an article (行政规范性文件, 通知公告).
_CATEGORY_RE = re.compile(r"^[\u4e00-\u9fff]{2,12}(文件|公告|公示|通知|动态|信息|要闻|新闻|资讯|专栏|专题|公开|年报|栏目|政策|解读)$")


def _field_pairs(line: str) -> list[tuple[str, str]] | None:
    """[(label, value), …] if the line is made of page metadata fields only, else None."""
    stripped = line.lstrip(_LEAD_MARKS)
    matches = list(_LABEL_RE.finditer(stripped))
    if not matches or matches[0].start() != 0:
        return None
    pairs = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(stripped)
        label = re.sub(r"\s+", "", m.group(1))
        value = stripped[m.end() : end].strip(" •·●▪|丨)）】]【[")
        pairs.append((label, value))
    return pairs


def _take_hints(pairs: list[tuple[str, str]], hints: dict) -> None:
    for label, value in pairs:
        kind = _FIELDS[label]
        if not value or kind in (None, "stub"):
            continue
        if kind in ("published", "written_date"):
            date = iso_date(value)
            if date:
                hints.setdefault(kind, date)
        elif kind == "doc_number":
            number = normalize_doc_number(value)
            if number:
                hints.setdefault("doc_number", number)
        elif kind in ("source_org", "issuing_org"):
            # Only an organ's name: 新余市司法局 yes, 归集 (how the page was collected) no.
            if re.search(r"(局|委|办|府|厅|院|会|室|部|处|中心|公署|政府)$", value):
                hints.setdefault(kind, value)
        else:
            hints.setdefault(kind, value)


def _is_field_line(text: str, hints: dict) -> bool:
    if "。" in text or len(text) > 200:
        return False
    pairs = _field_pairs(text)
    if pairs is None:
        return False
    if any(_FIELDS[label] == "stub" and value for label, value in pairs):
        return False  # 附件：1.xxx lists real attachments
    _take_hints(pairs, hints)
    return True


def _is_widget_line(text: str) -> bool:
    if "。" in text or len(text) > 100:
        return False
    if _BREADCRUMB_RE.match(text.lstrip(_LEAD_MARKS)) or _HOME_TRAIL_RE.search(text) or _FOOTER_RE.search(text):
        return True
    return bool(_WIDGET_LEFTOVER_RE.match(_WIDGET_RE.sub("", text)))


def clean_paras(paras: list[Para], hints: dict) -> list[Para]:
    """Drop page noise and empty lines, normalise spaces; what the noise says goes into hints."""
    kept: list[Para] = []
    links_at = None
    for para in paras:
        text = normalize_space(para.text)
        if _LINKS_RE.match(text):
            links_at = len(kept)  # a page's list of related links: the names that follow are no signature
            continue
        if not text or _is_field_line(text, hints) or _is_widget_line(text):
            continue
        stamp = _STAMP_RE.match(text)
        if stamp:
            if iso_date(stamp.group(1)):
                hints.setdefault("published", iso_date(stamp.group(1)))
            continue
        kept.append(Para(text, para.level, para.bold))
    if links_at is not None and all(len(p.text) <= 40 and "。" not in p.text for p in kept[links_at:]):
        del kept[links_at:]
    # A site's column name (通知公告) printed alone above the title.
    while len(kept) > 1 and _CATEGORY_RE.match(kept[0].text) and "情况" not in kept[0].text:
        kept.pop(0)
    if hints.get("page_title"):
        hints["page_title"] = full_width_punctuation(hints["page_title"])
    return [Para(full_width_punctuation(p.text), p.level, p.bold) for p in kept]


# ---------------------------------------------------------------- punctuation

# Web pages often carry half-width , ; : ? ! ( ) inside Chinese text; GB/T 9704 documents use the
# full-width forms. A mark is converted when the text around it is Chinese; numbers (1,234, 16:49),
# URLs and Latin text (COVID-19 (Delta), Hello, world) keep theirs. Brackets around Latin words in a
# Chinese sentence, 营口(Yingkou)市, become full-width too: the sentence around them is Chinese.
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# A URL keeps every character; trailing sentence marks are not part of it.
_URL_RE = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|www\.)[!-~]*[A-Za-z0-9/=&#_%~-]")
_CHINESE_MARKS = "“”‘’…—·"


def _is_chinese(ch: str) -> bool:
    """Han characters and full-width marks (、。《》（）and the like); '' (no character) is not."""
    return bool(ch) and (ch in _CHINESE_MARKS or unicodedata.east_asian_width(ch) in ("W", "F"))


def _neighbour(chars: list[str], i: int, step: int) -> str:
    """The nearest non-space character before (step -1) or after (step 1) position i, or ''."""
    i += step
    while 0 <= i < len(chars) and chars[i].isspace():
        i += step
    return chars[i] if 0 <= i < len(chars) else ""


def _beside_chinese(chars: list[str], i: int) -> bool:
    return _is_chinese(_neighbour(chars, i, -1)) or _is_chinese(_neighbour(chars, i, 1))


def _nearest_letters(chars: list[str]) -> list[tuple[str, str]]:
    """For each position, the kind ('zh', 'latin' or '') of the nearest letter on its left and on its right,
    past digits, spaces and ASCII signs (76%,230项)."""
    def kinds(seq):
        out, kind = [], ""
        for ch in seq:
            out.append(kind)
            if _is_chinese(ch):
                kind = "zh"
            elif ch.isalpha():
                kind = "latin"
        return out

    return list(zip(kinds(chars), reversed(kinds(reversed(chars)))))


def _url_positions(text: str) -> set[int]:
    protected: set[int] = set()
    for m in _URL_RE.finditer(text):
        end = m.end()
        while end < len(text) and text[end] == ")" and text.count("(", m.start(), end) > text.count(")", m.start(), end):
            end += 1  # a bracket the URL itself opened: …/x(1)
        protected.update(range(m.start(), end))
    return protected


def _brackets(chars: list[str], protected: set[int]) -> None:
    """( ) become （ ） when what they hold or stand next to is Chinese; pairs are matched across widths."""
    # chinese_before[i]: Chinese characters in chars[:i], to tell in one step whether a pair holds any.
    chinese_before = [0]
    for ch in chars:
        chinese_before.append(chinese_before[-1] + _is_chinese(ch))
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    lone: list[int] = []
    for i, ch in enumerate(chars):
        if i in protected:
            continue
        if ch in "(（":
            stack.append(i)
        elif ch in ")）":
            if stack:
                pairs.append((stack.pop(), i))
            else:
                lone.append(i)
    lone.extend(stack)
    for start, end in pairs:
        pair = chars[start] + chars[end]
        holds_chinese = chinese_before[end] > chinese_before[start + 1]
        beside = _is_chinese(_neighbour(chars, start, -1)) or _is_chinese(_neighbour(chars, end, 1))
        # A half-width bracket whose partner is full-width, (一）, takes the partner's width.
        if pair in ("(）", "（)") or pair == "()" and (holds_chinese or beside):
            chars[start], chars[end] = "（", "）"
    for i in lone:
        # Its partner is on another line (涵盖6个县( / 市)区): the characters beside it decide.
        if chars[i] in "()" and _beside_chinese(chars, i):
            chars[i] = _HALF_TO_FULL[chars[i]]


def _quotes(chars: list[str], protected: set[int]) -> None:
    """Straight double quotes become “ ” when they pair up in the paragraph and a pair holds or stands
    next to Chinese; an odd count leaves them all, since which one opens cannot be told."""
    marks = [i for i, ch in enumerate(chars) if ch == '"' and i not in protected]
    if len(marks) % 2:
        return
    for start, end in zip(marks[::2], marks[1::2]):
        if any(_is_chinese(ch) for ch in chars[start + 1 : end]) or _is_chinese(
            _neighbour(chars, start, -1)
        ) or _is_chinese(_neighbour(chars, end, 1)):
            chars[start], chars[end] = "“", "”"


def _keeps_half_width(chars: list[str], i: int, letters: tuple[str, str]) -> bool:
    ch = chars[i]
    before = chars[i - 1] if i > 0 else ""
    if ch == "," and before.isdigit():
        # A thousands separator: 1,234 (but 2023,2024年 lists two years).
        group = "".join(chars[i + 1 : i + 5])
        if len(group) >= 3 and group[:3].isdigit() and not group[3:].isdigit():
            return True
    if ch == ":" and before.isdigit() and i + 1 < len(chars) and chars[i + 1].isdigit():
        return True  # 16:49, 1:1
    if ch in "?!":
        # Only right beside Chinese: 5?12 is a character lost in copying, not a question.
        return not _beside_chinese(chars, i)
    return "zh" not in letters


def full_width_punctuation(text: str) -> str:
    """Half-width , ; : ? ! ( ) "" in Chinese text become ，；：？！（）“”, without the spaces around them."""
    if not any(ch in _HALF_TO_FULL or ch == '"' for ch in text):
        return text
    chars = list(text)
    protected = _url_positions(text)
    _brackets(chars, protected)
    _quotes(chars, protected)
    letters = _nearest_letters(chars)
    for i, ch in enumerate(chars):
        if ch in ",;:?!" and i not in protected and not _keeps_half_width(chars, i, letters[i]):
            chars[i] = _HALF_TO_FULL[ch]
    # "工作, 推进" and "镇 (街道)": a full-width mark carries its own spacing. A bracket or quote keeps
    # the space that parts it from a Latin word (“ok” and), where the space separates words.
    for i in [i for i, ch in enumerate(chars) if ch != text[i]]:
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(chars) and chars[j].isspace():
                j += step
            beyond = chars[j] if 0 <= j < len(chars) else ""
            if chars[i] in "（）“”" and beyond.isascii() and beyond.isalpha():
                continue
            for k in range(i + step, j, step):
                chars[k] = ""
    return "".join(chars)


# ---------------------------------------------------------------- HTML

_DROP_TAGS = {"script", "style", "noscript", "template", "nav", "footer", "aside", "iframe", "svg",
              "button", "select", "form", "object", "embed", "head"}
_ARTICLE_TAGS = ("article", "main", "section")
# Site chrome by class or id: menus, breadcrumbs, share bars, related-article lists (weizhi/dqwz = 位置/当前位置,
# xgwz/xglj = 相关文章/相关链接 in pinyin initials).
_CHROME_RE = re.compile(
    r"(?<![a-z])(nav|menu|breadcrumb|crumb|footer|bdshare|bshare|share|sidebar|copyright|weizhi|dqwz|related|relate|xgwz|xglj)"
)
_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table",
               "tbody", "thead", "tfoot", "section", "article", "main", "blockquote", "pre", "center", "body",
               "html", "address", "figure", "figcaption", "caption", "hr"}
_CELL_TAGS = {"td", "th"}
_BOLD_TAGS = {"strong", "b"}
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


def _decode_html(data: bytes, path: Path) -> str:
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data, path)
    m = _META_CHARSET_RE.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii").lower()
        # Pages that say gb2312/gbk often hold GB18030-only characters; GB18030 is their superset.
        encoding = "gb18030" if declared in ("gb2312", "gbk", "gb18030", "x-gbk") else declared
        try:
            return data.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect from the bytes instead
    return decode_text(data, path)


def _is_bold_style(tag) -> bool:
    style = (tag.get("style") or "").replace(" ", "").lower()
    return "font-weight:bold" in style or "font-weight:700" in style or "font-weight:bolder" in style


def _is_chrome(tag) -> bool:
    classes = tag.get("class") or []
    names = " ".join([*(classes if isinstance(classes, list) else [classes]), tag.get("id") or ""]).lower()
    return bool(_CHROME_RE.search(names))


def _page_title(soup) -> str | None:
    if soup.title is None:
        return None
    title = normalize_space(soup.title.get_text())
    if not re.search(r"[\u4e00-\u9fff]", title):
        return None  # "untitled", "- no title specified"
    # "关于…的报告_通知公告_营口市人民政府": the article's title is the part naming a report.
    parts = [p for p in re.split(r"\s*[_|｜]\s*|\s+[-—–]+\s+|(?<=[\u4e00-\u9fff])[-—–]+(?=[\u4e00-\u9fff])", title) if p]
    for part in parts:
        if "报告" in part or "法治" in part:
            return part
    return parts[0] if parts else None


def _html_paras(data: bytes, path: Path) -> tuple[list[Para], str | None]:
    import warnings

    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)  # XHTML pages read fine as HTML
        soup = BeautifulSoup(_decode_html(data, path), "lxml")
    root = soup.body or soup
    paras = _html_blocks(root, drop_chrome=True)
    everything = _html_blocks(root, drop_chrome=False)
    if sum(len(p.text) for p in paras) < 0.3 * sum(len(p.text) for p in everything):
        paras = everything  # the class names took the article itself (a wrapper called "nav-content"?)
    return paras, _page_title(soup)


_FLUSH, _SPACE = object(), object()


def _html_blocks(root, drop_chrome: bool) -> list[Para]:
    """Block elements and <br> end paragraphs; table cells of a row join with spaces. Iterative: pages nest deep."""
    from bs4 import NavigableString, Tag
    from bs4.element import PreformattedString

    paras: list[Para] = []
    pieces: list[str] = []
    state = {"level": None, "bold": True, "text": False}

    def flush():
        text = "".join(pieces)
        if text.strip():
            paras.append(Para(text, state["level"], state["bold"] and state["text"]))
        pieces.clear()
        state.update(level=None, bold=True, text=False)

    # Each entry: (node, heading level, bold, inside <pre>), or a _FLUSH / _SPACE marker.
    stack: list = [(child, None, False, False) for child in reversed(list(root.children))]
    while stack:
        entry = stack.pop()
        if entry is _FLUSH:
            flush()
            continue
        if entry is _SPACE:
            pieces.append(" ")
            continue
        node, level, bold, pre = entry
        if isinstance(node, PreformattedString):
            continue  # comments, doctype, CDATA
        if isinstance(node, NavigableString):
            # Inside <pre> a line break in the source is a line break on the page.
            for i, text in enumerate(str(node).split("\n") if pre else [str(node)]):
                if i:
                    flush()
                pieces.append(text)
                if text.strip():
                    if not state["text"]:
                        state["level"] = level
                    state["text"] = True
                    state["bold"] = state["bold"] and bold
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name.lower()
        if name in _DROP_TAGS or (drop_chrome and _is_chrome(node)):
            continue
        if name == "header" and node.find_parent(_ARTICLE_TAGS) is None:
            continue  # the site's banner; an article's own <header> holds its title and date
        if name == "br":
            flush()
            continue
        heading = int(name[1]) if re.fullmatch(r"h[1-6]", name) else None
        context = (heading or level, bold or name in _BOLD_TAGS or _is_bold_style(node), pre or name in ("pre", "textarea"))
        children = [(child, *context) for child in reversed(list(node.children))]
        if name in _BLOCK_TAGS or heading:
            flush()
            stack.append(_FLUSH)
        elif name in _CELL_TAGS:
            pieces.append(" ")
            stack.append(_SPACE)
        stack.extend(children)
    flush()
    return paras


# ---------------------------------------------------------------- DOCX


def _check_docx_zip(data: bytes, path: Path) -> None:
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        # Old binary .doc, or a password-protected .docx (also stored in this container format).
        raise DrafterError("这是旧版 Word 文档（.doc）或加了密码的文档，请用 Word 或 WPS 打开后另存为不加密的 .docx 再试", path)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise DrafterError(BAD_DOCX, path) from exc
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        raise DrafterError(BAD_DOCX.replace("文件可能已损坏或不完整", "压缩包里没有 Word 正文（word/document.xml）"), path)
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos)
    if unpacked > MAX_DOCX_UNPACKED or unpacked > MAX_DOCX_RATIO * max(packed, 1):
        raise DrafterError("Word 文档解压后异常巨大（可能是恶意构造的压缩包），拒绝读取", path)


def _style_chain(style):
    seen = set()
    while style is not None and id(style) not in seen:
        seen.add(id(style))
        yield style
        style = style.base_style


def _outline_level(ppr) -> int | None:
    if ppr is None:
        return None
    from docx.oxml.ns import qn

    el = ppr.find(qn("w:outlineLvl"))
    if el is None:
        return None
    try:
        value = int(el.get(qn("w:val")))
    except (TypeError, ValueError):
        return None
    return value + 1 if 0 <= value < 9 else None  # 9 means body text


def _docx_level(paragraph) -> int | None:
    from docx.exceptions import PythonDocxError

    level = _outline_level(paragraph._p.pPr)
    if level:
        return level
    try:
        styles = list(_style_chain(paragraph.style))
    except (PythonDocxError, ValueError):
        return None  # a broken style reference: the outline step still sees the numbering
    for style in styles:
        m = re.fullmatch(r"(?:heading|标题)\s*([1-9])", (style.name or "").strip(), re.I)
        if m:
            return int(m.group(1))
        level = _outline_level(style.element.pPr)
        if level:
            return level
    return None


def _run_bold(run, paragraph) -> bool:
    from docx.exceptions import PythonDocxError

    try:
        if run.font.bold is not None:
            return bool(run.font.bold)
        for style in [*_style_chain(run.style), *_style_chain(paragraph.style)]:
            if style.font.bold is not None:
                return bool(style.font.bold)
    except (PythonDocxError, ValueError):
        pass  # an odd w:b value: bold is only a hint, so read it as plain
    return False


_CN_DIGITS = "〇一二三四五六七八九"


def _chinese_count(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (list numbers stay small)."""
    if n <= 0:
        return str(n)
    if n >= 1000:
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    out = _CN_DIGITS[hundreds] + "百" if hundreds else ""
    if tens:
        out += ("" if tens == 1 and not hundreds else _CN_DIGITS[tens]) + "十"
    elif hundreds and ones:
        out += "零"
    return out + (_CN_DIGITS[ones] if ones else "")


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
                           (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional",
               "taiwaneseCounting", "japaneseCounting"):
        return _chinese_count(n)
    if fmt == "ideographDigital":
        return "".join(_CN_DIGITS[int(d)] for d in str(n))
    if fmt == "decimalEnclosedCircle" or fmt == "decimalEnclosedCircleChinese":
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "decimalFullWidth":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    return str(n)


class _Numbering:
    """Word's automatic list numbers (一、 （一） 1.), which the text of a paragraph does not hold."""

    def __init__(self, document):
        from docx.oxml.ns import qn

        self.qn = qn
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId -> ilvl -> (numFmt, lvlText, start)
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # no numbering part: no automatic numbers
        abstract = {a.get(qn("w:abstractNumId")): self._read_levels(a) for a in root.findall(qn("w:abstractNum"))}
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = dict(abstract.get(ref.get(qn("w:val")) if ref is not None else None, {}))
            for override in num.findall(qn("w:lvlOverride")):
                ilvl = self._int(override.get(qn("w:ilvl")), 0)
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:
                    levels.update(self._read_levels(override))
                start = override.find(qn("w:startOverride"))
                if start is not None and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, self._int(start.get(qn("w:val")), 1))
            self.levels[num.get(qn("w:numId"))] = levels

    @staticmethod
    def _int(value, default: int) -> int:
        try:
            return int(value)
        except (TypeError, ValueError):
            return default

    def _read_levels(self, parent) -> dict[int, tuple[str, str, int]]:
        qn = self.qn
        levels = {}
        for lvl in parent.findall(qn("w:lvl")):
            def val(tag, default):
                el = lvl.find(qn(tag))
                return el.get(qn("w:val"), default) if el is not None else default

            levels[self._int(lvl.get(qn("w:ilvl")), 0)] = (
                val("w:numFmt", "decimal"), val("w:lvlText", ""), self._int(val("w:start", "1"), 1)
            )
        return levels

    def _num_pr(self, paragraph):
        """(numId, ilvl) set on the paragraph or, failing that, on its style."""
        qn = self.qn
        sources = [paragraph._p.pPr]
        from docx.exceptions import PythonDocxError

        try:
            sources += [style.element.pPr for style in _style_chain(paragraph.style)]
        except (PythonDocxError, ValueError):
            pass  # a broken style reference: only the paragraph's own setting counts
        num_id = ilvl = None
        for ppr in sources:
            num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
            if num_pr is None:
                continue
            if num_id is None and num_pr.find(qn("w:numId")) is not None:
                num_id = num_pr.find(qn("w:numId")).get(qn("w:val"))
            if ilvl is None and num_pr.find(qn("w:ilvl")) is not None:
                ilvl = self._int(num_pr.find(qn("w:ilvl")).get(qn("w:val")), 0)
        return num_id, ilvl or 0

    def label(self, paragraph) -> str:
        if not self.levels:
            return ""
        num_id, ilvl = self._num_pr(paragraph)
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""  # numId 0 or unknown: numbering switched off
        fmt, text, _ = levels[ilvl]
        if fmt in ("bullet", "none") or not text:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 10)
        for level in range(ilvl):
            if counters[level] == 0 and level in levels:
                counters[level] = levels[level][2]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else levels[ilvl][2]
        for deeper in range(ilvl + 1, len(counters)):
            counters[deeper] = 0
        return re.sub(
            r"%([1-9])",
            lambda m: _format_number(counters[int(m.group(1)) - 1], levels.get(int(m.group(1)) - 1, (fmt,))[0]),
            text,
        )


def _docx_paragraph(p_el, parent, numbering: _Numbering) -> list[Para]:
    from docx.text.paragraph import Paragraph
    from docx.text.run import Run

    paragraph = Paragraph(p_el, parent)
    # Runs directly in the paragraph, or inside hyperlinks, tracked insertions and fields; not in text boxes.
    runs = [Run(r, paragraph) for r in p_el.xpath(
        "./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r | ./w:fldSimple/w:r | ./w:sdt/w:sdtContent/w:r"
    )]
    text = "".join(run.text for run in runs)
    if not text.strip():
        return []
    text = numbering.label(paragraph) + text
    level = _docx_level(paragraph)
    bold = all(_run_bold(run, paragraph) for run in runs if run.text.strip())
    # A soft line break (Shift+Enter) separates paragraphs as much as a hard one does.
    return [Para(part, level, bold) for part in text.split("\n") if part.strip()]


def _docx_blocks(container, parent, numbering: _Numbering) -> list[Para]:
    from docx.oxml.ns import qn

    paras: list[Para] = []
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            paras.extend(_docx_paragraph(child, parent, numbering))
        elif child.tag == qn("w:tbl"):
            # A body laid out in a table: cell after cell; merged cells appear once in the XML.
            for tc in child.iter(qn("w:tc")):
                if tc.getparent().getparent() is child:
                    paras.extend(_docx_blocks(tc, parent, numbering))
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                paras.extend(_docx_blocks(content, parent, numbering))
    return paras


def _docx_paras(data: bytes, path: Path) -> list[Para]:
    _check_docx_zip(data, path)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # any failure to open the package means a damaged file, not a bug to show
        raise DrafterError(BAD_DOCX, path) from exc
    from docx.exceptions import PythonDocxError

    try:
        return _docx_blocks(document.element.body, document, _Numbering(document))
    except PythonDocxError as exc:  # python-docx checks attribute values only when they are read
        raise DrafterError(BAD_DOCX.replace("文件可能已损坏或不完整", "正文的格式数据有误"), path) from exc
