"""The report's metadata: locality, year reported on, title, issuer, date, recipient, 文号, source."""

from __future__ import annotations

from drafter.model.report import Closing, Meta
from drafter.parse.nodes import Frame, RawDoc
from drafter.parse.patterns import (
    BOOK_TITLE_RE,
    GOVERNMENT_RE,
    LEAD_YEAR_RES,
    NOT_PLACE_RE,
    ORGAN_TAIL_RE,
    ORGAN_WORD_RE,
    PARTY_COMMITTEE_RE,
    PLACE_RE,
    YEAR_RE,
    ZONE_RE,
)
from drafter.text import divisions
from drafter.text.closing import is_signature
from drafter.text.dates import iso_from_chinese
from drafter.text.docnum import normalize_doc_number
from drafter.text.words import cut as cut_words


def _is_place(word: str) -> bool:
    return bool(PLACE_RE.match(word)) and not NOT_PLACE_RE.search(word) and not ORGAN_WORD_RE.search(word)


def find_region(text: str | None, organs: bool = False) -> str | None:
    """The first locality named in text (营口市, 鹤庆县, 通州区), the lowest of adjacent ones (南通市通州区 → 通州区).

    organs: the text is organ names, so 中共鹤庆县委 also names 鹤庆县.
    """
    if not text:
        return None
    text = BOOK_TITLE_RE.sub("，", text)  # places inside book titles belong to other documents
    words = cut_words(text)
    found: list[tuple[int, int, str]] = []  # (first word, last word, place)
    for i, word in enumerate(words):
        word = ORGAN_TAIL_RE.sub("", word)
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if _is_place(word):
            # In running text "大理州委" is the superior's party committee, not the reporting locality.
            if organs or not nxt.startswith("委"):
                found.append((i, i, word))
        elif len(word) >= 2 and _is_place(word + nxt[:1]) and (len(nxt) == 1 or (organs and PARTY_COMMITTEE_RE.match(nxt))):
            found.append((i, i + 1, word + nxt[0]))  # 鹤庆 + 县, or 鹤庆 + 县委
    if not found:
        return None
    _, end, region = found[0]
    for start, next_end, word in found[1:]:
        if start != end + 1:
            break
        end, region = next_end, word
    return region


def listed_region(text: str | None) -> str | None:
    """The lowest of the first adjacent divisions of the bundled list text names (济南市历下区 → 历下区)."""
    found = divisions.find(text or "")
    if not found:
        return None
    run = [found[0]]
    for m in found[1:]:
        if m.start != run[-1].end:
            break
        run.append(m)
    return run[-1].text


def zone(text: str | None) -> tuple[str, str] | None:
    """A development zone text names as an organ, and that organ (营口经济技术开发区, …管委会).

    The province and city written in front belong to the address, not to the zone's name.
    """
    m = ZONE_RE.search(text or "")
    if not m:
        return None
    name, start = m.group(1), 0
    for found in divisions.find(m.group(1)):
        if found.start != start or found.end >= len(name):
            break
        start = found.end
    return name[start:], name[start:] + m.group(2)


def _year(title: str | None, lead: str, hints: dict, date: str | None) -> int | None:
    if title:
        m = YEAR_RE.search(title)
        if m:
            return int(m.group(1))
    # "现将2019年度法治政府建设情况报告如下" names the year outright; else the preamble's first year.
    for pattern in LEAD_YEAR_RES:
        m = pattern.search(lead)
        if m:
            return int(m.group(1))
    for known in (hints.get("published"), date):
        if known:
            return int(known[:4]) - 1  # reports are published early in the following year
    return None


def _issuer(title: str | None, closing: Closing, hints: dict, region: str | None) -> str | None:
    if closing.signature:
        return " ".join(closing.signature)
    if title:
        head = title.split("关于")[0].strip() if "关于" in title else ""
        if head and is_signature(head):
            return head
        m = GOVERNMENT_RE.match(title)
        if m and is_signature(m.group(1)):
            return m.group(1)
    if hints.get("issuing_org"):
        return hints["issuing_org"]
    if region:
        return f"{region}人民政府"  # the genre's usual issuer; a best guess where the page names none
    source_org = hints.get("source_org")
    return source_org if source_org and find_region(source_org) else None


def _doc_number(raw: RawDoc) -> str | None:
    if raw.hints.get("doc_number"):
        return raw.hints["doc_number"]
    # A 文号 line stands alone in the letterhead, above or just below the title.
    for para in raw.paras[:8]:
        if len(para.text) > 40 or "。" in para.text:
            break
        number = normalize_doc_number(para.text)
        if number and len(para.text) <= 30:
            return number
    return None


def extract_meta(raw: RawDoc, frame: Frame, preamble: list[str]) -> Meta:
    """The report's metadata, from its frame, its preamble and the hints its page noise gave."""
    lead = "\n".join(preamble[:2]) if preamble else "\n".join(p.text for p in frame.body[:1])
    signature = " ".join(frame.closing.signature)
    zoned = zone(frame.title) or zone(signature)
    region = (
        (zoned[0] if zoned else None)
        or find_region(signature, organs=True)
        or listed_region(signature)
        or find_region(frame.title)
        or listed_region(frame.title)
        or find_region(raw.hints.get("issuing_org"), organs=True)
        or find_region(lead)
        or find_region(raw.hints.get("source_org"), organs=True)
        or find_region(raw.hints.get("page_title"))
    )
    date = (iso_from_chinese(frame.closing.date) if frame.closing.date else None) or raw.hints.get("written_date")
    return Meta(
        region=region,
        year=_year(frame.title, lead, raw.hints, date),
        title=frame.title,
        issuer=_issuer(frame.title, frame.closing, raw.hints, region) if not zoned or signature else zoned[1],
        date=date,
        recipient=frame.recipient,
        doc_number=_doc_number(raw),
        source=raw.source,
        published=raw.hints.get("published"),
    )


def identity_notes(meta: Meta, closing: Closing) -> list[str]:
    """What the parse summary tells the clerk about the region's source and the text's conversion."""
    notes = ["原文为繁体字，已转为简体"] if meta.source and meta.source.converted_from == "traditional" else []
    if not meta.region:
        return notes
    signature = " ".join(closing.signature)
    title_region = (zone(meta.title) or (None,))[0] or find_region(meta.title) or listed_region(meta.title)
    if title_region and signature and meta.region in signature and meta.region not in (meta.title or ""):
        notes.append(f"标题（{title_region}）与落款地区不一致，地区取自落款")
    elif meta.region not in (meta.title or "") and meta.region not in signature:
        notes.append("标题和落款未写明地区，地区取自正文或网页")
    return notes
