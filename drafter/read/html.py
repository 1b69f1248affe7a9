"""Reading a web page: the article's paragraphs (site chrome left out) and the page's <title>."""

from __future__ import annotations

from pathlib import Path

from drafter.files import decode_text
from drafter.parse.nodes import Para
from drafter.read.noise import normalize_space
from drafter.read.patterns import (
    ARTICLE_TAGS,
    BLOCK_TAGS,
    BOLD_STYLES,
    BOLD_TAGS,
    CELL_TAGS,
    CHROME_RE,
    DROP_TAGS,
    GB_CHARSETS,
    HAN_RE,
    HEADING_TAG_RE,
    META_CHARSET_RE,
    TITLE_PARTS_RE,
)


def html_paras(data: bytes, path: Path) -> tuple[list[Para], str | None]:
    """The page's paragraphs, with heading levels and bold from its markup, and its title."""
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


def _decode_html(data: bytes, path: Path) -> str:
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data, path, lenient=True)
    m = META_CHARSET_RE.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii").lower()
        encoding = "gb18030" if declared in GB_CHARSETS else declared
        try:
            return data.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect from the bytes instead
    return decode_text(data, path, lenient=True)


def _is_bold_style(tag) -> bool:
    style = (tag.get("style") or "").replace(" ", "").lower()
    return any(bold in style for bold in BOLD_STYLES)


def _is_chrome(tag) -> bool:
    classes = tag.get("class") or []
    names = " ".join([*(classes if isinstance(classes, list) else [classes]), tag.get("id") or ""]).lower()
    return bool(CHROME_RE.search(names))


def _page_title(soup) -> str | None:
    if soup.title is None:
        return None
    title = normalize_space(soup.title.get_text())
    if not HAN_RE.search(title):
        return None  # "untitled", "- no title specified"
    # "关于…的报告_通知公告_营口市人民政府": the article's title is the part naming a report.
    parts = [p for p in TITLE_PARTS_RE.split(title) if p]
    for part in parts:
        if "报告" in part or "法治" in part:
            return part
    return parts[0] if parts else None


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
        if name in DROP_TAGS or (drop_chrome and _is_chrome(node)):
            continue
        if name == "header" and node.find_parent(ARTICLE_TAGS) is None:
            continue  # the site's banner; an article's own <header> holds its title and date
        if name == "br":
            flush()
            continue
        heading = int(name[1]) if HEADING_TAG_RE.fullmatch(name) else None
        context = (heading or level, bold or name in BOLD_TAGS or _is_bold_style(node), pre or name in ("pre", "textarea"))
        children = [(child, *context) for child in reversed(list(node.children))]
        if name in BLOCK_TAGS or heading:
            flush()
            stack.append(_FLUSH)
        elif name in CELL_TAGS:
            pieces.append(" ")
            stack.append(_SPACE)
        stack.extend(children)
    flush()
    return paras
