"""Splitting a report into title, recipient, body and closing (特此报告, signature, date, notes)."""

from __future__ import annotations

from drafter.model.report import Closing
from drafter.parse.nodes import Frame, Para, RawDoc
from drafter.parse.patterns import (
    CLAUSE_MARK_RE,
    DATED_LINE_RE,
    NUMBERED_RE,
    SENTENCE_END_RE,
    SPEAKER_RE,
    SUBTITLE_RE,
    TITLE_KIND_RE,
    TITLE_TOPIC_RE,
)
from drafter.text.closing import (
    ATTACHMENT_MORE_RE,
    ATTACHMENT_RE,
    DATE_LINE_RE,
    ORGAN_RE,
    RANK,
    TRAILING_DATE_RE,
    is_signature,
    line_kind,
)
from drafter.text.dates import iso_date
from drafter.text.docnum import normalize_doc_number

TITLE_MAX = 80
TOP_LINES = 12  # the title sits within the first lines, after any page noise the reader left
_LAST = len(RANK)  # the rank below every closing kind: nothing seen yet


def looks_like_title(text: str) -> bool:
    """A heading that names a report on building rule-of-law government."""
    return (
        len(text) <= TITLE_MAX
        and not SENTENCE_END_RE.search(text)
        and not text.endswith((":", "："))
        and not NUMBERED_RE.match(text)
        and bool(TITLE_TOPIC_RE.search(text))
        and bool(TITLE_KIND_RE.search(text))
    )


def _attachment_start(paras: list[Para], last: int, start: int) -> int | None:
    """Index of the 附件： line if paras[last] ends an attachment list (附件：1.… / 2.…), else None."""
    i = last
    while i > start and ATTACHMENT_MORE_RE.match(paras[i].text) and len(paras[i].text) <= 60 and "。" not in paras[i].text:
        i -= 1
    text = paras[i].text
    if ATTACHMENT_RE.match(text) and len(text) <= 80 and "。" not in text:
        return i
    return None


def _find_title(paras: list[Para]) -> tuple[int, int] | None:
    """(first, last) index of the title lines, or None. A long title may wrap onto two lines."""
    for i, para in enumerate(paras[:TOP_LINES]):
        text = para.text
        if len(text) > TITLE_MAX or SENTENCE_END_RE.search(text) or NUMBERED_RE.match(text):
            return None  # the body has begun
        if looks_like_title(text):
            # The issuing organ may stand on its own line above "关于…的报告" or "2024年…报告".
            if i > 0 and is_signature(paras[i - 1].text):
                return i - 1, i
            return i, i
        if i + 1 < len(paras) and looks_like_title(text + paras[i + 1].text) and not looks_like_title(paras[i + 1].text):
            # 驻马店市人民政府 / 关于…的报告 or 关于2023年法治政府建设 / 情况的报告
            if TITLE_KIND_RE.search(paras[i + 1].text) and len(paras[i + 1].text) <= TITLE_MAX:
                return i, i + 1
    return None


def _join_title(lines: list[str]) -> str:
    if len(lines) == 2 and ORGAN_RE.match(lines[0]) and lines[1].startswith("关于"):
        return " ".join(lines)
    return "".join(lines)


def _split_signed_dates(paras: list[Para]) -> list[Para]:
    """Near the end, a line 'signature date' becomes two lines, as the closing is usually laid out."""
    out = list(paras)
    for i in range(len(out) - 1, max(-1, len(out) - 6), -1):
        m = TRAILING_DATE_RE.search(out[i].text)
        head = out[i].text[: m.start()].strip() if m else ""
        if head and is_signature(head):
            out[i : i + 1] = [Para(head), Para(m.group(1))]
            break
    return out


def _skip_title_notes(paras: list[Para], start: int, hints: dict) -> int:
    """Past a dated line or a ——subtitle (and the speaker's line after it) under the title; their date
    is the report's date."""
    if start < len(paras) and DATED_LINE_RE.match(paras[start].text):
        hints.setdefault("written_date", iso_date(paras[start].text))
        return start + 1
    if start < len(paras) and SUBTITLE_RE.match(paras[start].text) and len(paras[start].text) <= TITLE_MAX:
        if iso_date(paras[start].text):
            hints.setdefault("written_date", iso_date(paras[start].text))
        start += 1
        # 宁德市人民政府副市长 林某某: a short line with no punctuation, before the address or the text
        nxt = paras[start].text if start < len(paras) else ""
        if nxt and len(nxt) <= 30 and not CLAUSE_MARK_RE.search(nxt) and not NUMBERED_RE.match(nxt):
            speaker = SPEAKER_RE.match(nxt)
            if speaker and is_signature(speaker.group(1)):
                hints.setdefault("issuing_org", speaker.group(1))
            start += 1
    return start


def _closing_start(paras: list[Para], start: int, end: int) -> int:
    """Where the closing lines before paras[end] begin: walking back, their kinds come in the order
    reports print them (特此报告, 附件, signature, date, notes, 版记)."""
    last_rank = _LAST
    while end > start:
        kind = line_kind(paras[end - 1].text)
        if kind is None:
            first = _attachment_start(paras, end - 1, start)
            if first is None or last_rank <= RANK["attachments"]:
                break
            end = first
            # listed above the signature, or last of all on a web page
            last_rank = RANK["attachments"] if last_rank < _LAST else last_rank
            continue
        if RANK[kind] > last_rank:
            break
        # Several signature, note or 版记 lines may follow each other; 特此报告 and the date appear once.
        if RANK[kind] == last_rank and kind in ("phrase", "date"):
            break
        last_rank = RANK[kind]
        end -= 1
    return end


def _closing(lines: list[str]) -> Closing:
    """The closing lines sorted by kind; an unrecognised one (a web page's leftover) is dropped."""
    closing = Closing()
    for line in lines:
        kind = line_kind(line)
        if ATTACHMENT_RE.match(line) or (closing.attachments and ATTACHMENT_MORE_RE.match(line) and kind is None):
            closing.attachments.append(line)
        elif kind in ("phrase", "date"):
            setattr(closing, kind, getattr(closing, kind) or line)
        elif kind is not None:
            getattr(closing, kind).append(line)
    return closing


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
            and not SENTENCE_END_RE.search(text)
            and not NUMBERED_RE.match(text)
            and "如下" not in text
        ):
            recipient = text[:-1].strip()
            start += 1

    # Short unrecognised lines after the date (leftovers of a web page) still belong to the tail, not the body.
    end = len(paras)
    for j in range(len(paras) - 1, max(start, len(paras) - 4) - 1, -1):
        if DATE_LINE_RE.match(paras[j].text.replace(" ", "")):
            if all(len(p.text) <= 30 and not SENTENCE_END_RE.search(p.text) for p in paras[j + 1 :]):
                end = j + 1
            break
    first = _closing_start(paras, start, end)
    return Frame(title=title, recipient=recipient, body=paras[start:first], closing=_closing([p.text for p in paras[first:]]))
