"""Splitting a report into title, recipient, body and closing (特此报告, signature, date, notes)."""

from __future__ import annotations

import re

from drafter.parse.nodes import Frame, Para, RawDoc
from drafter.read.document import iso_date, normalize_doc_number

# The title names the genre: a report (报告/情况) on rule of law (法治政府建设, 依法行政, 依法治市…).
_TITLE_TOPIC_RE = re.compile(r"法治|依法行政|依法治")
_TITLE_KIND_RE = re.compile(r"报告|情况|总结")
_SENTENCE_END_RE = re.compile(r"[。；;！!？?]")
_NUMBERED_RE = re.compile(r"^([一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．])")
TITLE_MAX = 80
TOP_LINES = 12  # the title sits within the first lines, after any page noise the reader left

_ORGAN_RE = re.compile(
    r"^(中共)?[\u4e00-\u9fff（）()]{2,30}?"
    r"(人民政府|人民代表大会常务委员会|委员会|政府|党委|党组|县委|市委|区委|州委|旗委|盟委|省委|委|局|厅|办公室|办事处|办|院|中心|公署|司|部)$"
)
_CN_DIGITS = "〇零一二三四五六七八九十"
# A web copy may drop the day (2024年1月); the line still closes the report.
DATE_LINE_RE = re.compile(
    rf"^(?:(?:19|20|21)\d{{2}}\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?|[{_CN_DIGITS}○]{{4}}年[{_CN_DIGITS}]{{1,3}}月(?:[{_CN_DIGITS}]{{1,3}}日)?)$"
)
# A date closing a line that also holds the signature: 遂昌县市场监督管理局 2024年1月16日
_TRAILING_DATE_RE = re.compile(
    rf"((?:19|20|21)\d{{2}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|[{_CN_DIGITS}○]{{4}}年[{_CN_DIGITS}]{{1,3}}月[{_CN_DIGITS}]{{1,3}}日)$"
)
# Lines under the title of a report made to a people's congress or dated there:
# （2024年1月18日） / ——2024年2月22日在…人民代表大会常务委员会第…次会议上
_DATED_LINE_RE = re.compile(r"^[（(]\s*(?:19|20|21)\d{2}\s*年[^（）()]{0,12}日\s*[)）]$")
_SUBTITLE_RE = re.compile(r"^[—－\-]{1,2}\s*\S")
# The speaker's line under such a subtitle: organ, post, name (宁德市人民政府副市长 林某某)
_SPEAKER_RE = re.compile(r"^(\S+?)副?(?:省长|市长|县长|区长|州长|旗长|盟长|镇长|乡长|局长|厅长|主任|秘书长)(?:\s|$)")
_NOTE_RE = re.compile(r"^[（(]\s*(此件|联系人|联系电话)[^（）()]{0,40}[)）]$")
# The 版记 at the very end of an official document: 抄送 list and the 印发 line.
_RECORD_RE = re.compile(r"^(抄送|抄报)\s*[:：]|印发$")
# The 附件说明 between the text and the signature: 附件：1.… with its further lines 2.…
_ATTACHMENT_RE = re.compile(r"^附\s*件\s*(\d+\s*)?([:：]|$)")
_ATTACHMENT_MORE_RE = re.compile(r"^\d{1,2}\s*[.．、]\s*\S")
_CLOSING_PHRASE_RE = re.compile(r"^(特此|专此|谨此)(报告|报送)[。.]?$|^以上报告[，,]?请.{0,10}[。.]?$")


def looks_like_title(text: str) -> bool:
    """A heading that names a report on building rule-of-law government."""
    return (
        len(text) <= TITLE_MAX
        and not _SENTENCE_END_RE.search(text)
        and not text.endswith((":", "："))
        and not _NUMBERED_RE.match(text)
        and bool(_TITLE_TOPIC_RE.search(text))
        and bool(_TITLE_KIND_RE.search(text))
    )


def is_signature(text: str) -> bool:
    """Organ names signing the report: 中共鹤庆县委 鹤庆县人民政府, 营口市司法局."""
    if len(text) > 60 or re.search(r"[，,。；;：:、\d]", text):
        return False
    # Each name carries its locality (鹤庆县人民政府, 中共鹤庆县委, 沙溪镇人民政府, 龙泉街道办事处),
    # unlike a phrase such as 建设法治政府.
    return all(_ORGAN_RE.match(part) and re.search(r"^中共|[省市县区州旗盟乡镇]|街道", part) for part in text.split())


def _closing_kind(text: str) -> int | None:
    """Closing lines in the order they come: 0 特此报告, (1 附件, see _attachment_start), 2 signature, 3 date,
    4 notes like (此件公开发布), 5 版记."""
    if _CLOSING_PHRASE_RE.match(text):
        return 0
    if is_signature(text):
        return 2
    if DATE_LINE_RE.match(text.replace(" ", "")):
        return 3
    if _NOTE_RE.match(text):
        return 4
    if _RECORD_RE.search(text) and len(text) <= 120:
        return 5
    return None


def _attachment_start(paras: list[Para], last: int, start: int) -> int | None:
    """Index of the 附件： line if paras[last] ends an attachment list (附件：1.… / 2.…), else None."""
    i = last
    while i > start and _ATTACHMENT_MORE_RE.match(paras[i].text) and len(paras[i].text) <= 60 and "。" not in paras[i].text:
        i -= 1
    text = paras[i].text
    if _ATTACHMENT_RE.match(text) and len(text) <= 80 and "。" not in text:
        return i
    return None


def _find_title(paras: list[Para]) -> tuple[int, int] | None:
    """(first, last) index of the title lines, or None. A long title may wrap onto two lines."""
    for i, para in enumerate(paras[:TOP_LINES]):
        text = para.text
        if len(text) > TITLE_MAX or _SENTENCE_END_RE.search(text) or _NUMBERED_RE.match(text):
            return None  # the body has begun
        if looks_like_title(text):
            # The issuing organ may stand on its own line above "关于…的报告" or "2024年…报告".
            if i > 0 and is_signature(paras[i - 1].text):
                return i - 1, i
            return i, i
        if i + 1 < len(paras) and looks_like_title(text + paras[i + 1].text) and not looks_like_title(paras[i + 1].text):
            # 驻马店市人民政府 / 关于…的报告 or 关于2023年法治政府建设 / 情况的报告
            if _TITLE_KIND_RE.search(paras[i + 1].text) and len(paras[i + 1].text) <= TITLE_MAX:
                return i, i + 1
    return None


def _join_title(lines: list[str]) -> str:
    if len(lines) == 2 and _ORGAN_RE.match(lines[0]) and lines[1].startswith("关于"):
        return " ".join(lines)
    return "".join(lines)


def _split_signed_dates(paras: list[Para]) -> list[Para]:
    """Near the end, a line 'signature date' becomes two lines, as the closing is usually laid out."""
    out = list(paras)
    for i in range(len(out) - 1, max(-1, len(out) - 6), -1):
        m = _TRAILING_DATE_RE.search(out[i].text)
        head = out[i].text[: m.start()].strip() if m else ""
        if head and is_signature(head):
            out[i : i + 1] = [Para(head), Para(m.group(1))]
            break
    return out


def _skip_title_notes(paras: list[Para], start: int, hints: dict) -> int:
    """Past a dated line or a ——subtitle (and the speaker's line after it) under the title; their date
    is the report's date."""
    if start < len(paras) and _DATED_LINE_RE.match(paras[start].text):
        hints.setdefault("written_date", iso_date(paras[start].text))
        return start + 1
    if start < len(paras) and _SUBTITLE_RE.match(paras[start].text) and len(paras[start].text) <= TITLE_MAX:
        if iso_date(paras[start].text):
            hints.setdefault("written_date", iso_date(paras[start].text))
        start += 1
        # 宁德市人民政府副市长 林某某: a short line with no punctuation, before the address or the text
        nxt = paras[start].text if start < len(paras) else ""
        if nxt and len(nxt) <= 30 and not re.search(r"[，,。；;：:、！？!?]", nxt) and not _NUMBERED_RE.match(nxt):
            speaker = _SPEAKER_RE.match(nxt)
            if speaker and is_signature(speaker.group(1)):
                hints.setdefault("issuing_org", speaker.group(1))
            start += 1
    return start


def split_frame(raw: RawDoc) -> Frame:
    paras = _split_signed_dates(raw.paras)
    title = None
    start = 0
    span = _find_title(paras)
    if span:
        title = _join_title([p.text for p in paras[span[0] : span[1] + 1]])
        # Lines above the title (发文机关标志, 文号, 紧急程度) are the letterhead, not the body.
        start = span[1] + 1
    else:
        page_title = raw.hints.get("page_title")
        if page_title and looks_like_title(page_title):
            title = page_title

    # A page may print the title twice: its own heading, then the document's title (maybe with the organ).
    while span and start < len(paras) and looks_like_title(paras[start].text):
        if len(paras[start].text) > len(title):
            title = paras[start].text
        start += 1

    # A web copy may print the 文号 below the title rather than above it.
    if span and start < len(paras) and len(paras[start].text) <= 30 and normalize_doc_number(paras[start].text):
        start += 1
    if span:
        start = _skip_title_notes(paras, start, raw.hints)
    recipient = None
    if start < len(paras):
        text = paras[start].text
        if (
            text.endswith((":", "："))
            and len(text) <= 40
            and not _SENTENCE_END_RE.search(text)
            and not _NUMBERED_RE.match(text)
            and "如下" not in text
        ):
            recipient = text[:-1].strip()
            start += 1

    # Short unrecognised lines after the date (leftovers of a web page) still belong to the tail, not the body.
    end = len(paras)
    for j in range(len(paras) - 1, max(start, len(paras) - 4) - 1, -1):
        if DATE_LINE_RE.match(paras[j].text.replace(" ", "")):
            if all(len(p.text) <= 30 and not _SENTENCE_END_RE.search(p.text) for p in paras[j + 1 :]):
                end = j + 1
            break
    last_kind = 6
    while end > start:
        kind = _closing_kind(paras[end - 1].text)
        if kind is None:
            first = _attachment_start(paras, end - 1, start)
            if first is None or last_kind <= 1:
                break
            end = first
            # listed above the signature, or last of all on a web page
            last_kind = 1 if last_kind < 6 else last_kind
            continue
        if kind > last_kind:
            break
        # Several signature, note or 版记 lines may follow each other; 特此报告 and the date appear once.
        if kind == last_kind and kind in (0, 3):
            break
        last_kind = kind
        end -= 1
    closing = [p.text for p in paras[end:]]
    return Frame(title=title, recipient=recipient, body=paras[start:end], closing=closing)
