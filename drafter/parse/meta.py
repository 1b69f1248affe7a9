"""The report's metadata: locality, year reported on, title, issuer, date, recipient, 文号, source."""

from __future__ import annotations

import datetime
import re

from drafter.parse.frame import DATE_LINE_RE, is_signature
from drafter.parse.nodes import Frame, RawDoc
from drafter.read.document import iso_date, normalize_doc_number
from drafter.text.words import cut as cut_words

_ADMIN_SUFFIX = r"(?:特别行政区|自治区|自治州|自治县|自治旗|新区|林区|省|市|区|县|州|旗|盟|街道|镇|乡)"
_PLACE_RE = re.compile(rf"^[\u4e00-\u9fff]{{2,}}?{_ADMIN_SUFFIX}$")
# Words shaped like place names that name something else: 开发区, 示范市, 新城区 (全市, 我县 are too short).
_NOT_PLACE_RE = re.compile(
    r"(开发|示范|试验|保护|风景|自贸|高新|功能|产业|工业|农业|经济|集聚|先行|先导|直辖|地级|县级|省辖|单列|贫困|百强|重点|"
    r"新城|老城|主城|中心城|城乡|大城|小城|园|中心|依法治|法治)" + _ADMIN_SUFFIX + "$"
)
_ORGAN_TAIL_RE = re.compile(r"(人民政府|政府|人民代表大会|委员会|行政公署)$")
_PARTY_COMMITTEE_RE = re.compile(r"^[省市县区州旗盟]委$")
_YEAR_RE = re.compile(r"((?:19|20|21)\d{2})\s*年")
_CN_NUM = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0}


def _is_place(word: str) -> bool:
    return bool(_PLACE_RE.match(word)) and not _NOT_PLACE_RE.search(word) and not re.search("委|府|党|人民", word)


def find_region(text: str | None, organs: bool = False) -> str | None:
    """The first locality named in text (营口市, 鹤庆县, 通州区), the lowest of adjacent ones (南通市通州区 → 通州区).

    organs: the text is organ names, so 中共鹤庆县委 also names 鹤庆县.
    """
    if not text:
        return None
    text = re.sub(r"《[^》]*》", "，", text)  # places inside book titles belong to other documents
    words = cut_words(text)
    found: list[tuple[int, int, str]] = []  # (first word, last word, place)
    for i, word in enumerate(words):
        word = _ORGAN_TAIL_RE.sub("", word)
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if _is_place(word):
            # In running text "大理州委" is the superior's party committee, not the reporting locality.
            if organs or not nxt.startswith("委"):
                found.append((i, i, word))
        elif len(word) >= 2 and _is_place(word + nxt[:1]) and (len(nxt) == 1 or (organs and _PARTY_COMMITTEE_RE.match(nxt))):
            found.append((i, i + 1, word + nxt[0]))  # 鹤庆 + 县, or 鹤庆 + 县委
    if not found:
        return None
    _, end, region = found[0]
    for start, next_end, word in found[1:]:
        if start != end + 1:
            break
        end, region = next_end, word
    return region


def _cn_int(text: str) -> int | None:
    """一月 → 1, 十八 → 18, 二十一 → 21; 二〇二四 → 2024 (digit by digit)."""
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_NUM.get(tens, 0) if tens else 1) * 10 + (_CN_NUM.get(ones, 0) if ones else 0)
    if text and all(ch in _CN_NUM for ch in text):
        return int("".join(str(_CN_NUM[ch]) for ch in text))
    return None


def date_from_line(text: str) -> str | None:
    """2024年1月18日 or 二〇二四年一月十八日 → 2024-01-18."""
    text = text.replace(" ", "")
    if not DATE_LINE_RE.match(text):
        return None
    found = iso_date(text)
    if found:
        return found
    m = re.match(r"^(.+)年(.+)月(.+)日$", text)
    parts = [_cn_int(p) for p in m.groups()] if m else []
    if len(parts) != 3 or None in parts:
        return None
    try:
        return datetime.date(*parts).isoformat()
    except ValueError:
        return None


def _year(title: str | None, lead: str, hints: dict, date: str | None) -> int | None:
    if title:
        m = _YEAR_RE.search(title)
        if m:
            return int(m.group(1))
    # "现将2019年度法治政府建设情况报告如下" names the year outright; else the preamble's first year.
    for pattern in (r"现将\D{0,6}((?:19|20|21)\d{2})\s*年", r"((?:19|20|21)\d{2})\s*年度", _YEAR_RE.pattern):
        m = re.search(pattern, lead)
        if m:
            return int(m.group(1))
    for known in (hints.get("published"), date):
        if known:
            return int(known[:4]) - 1  # reports are published early in the following year
    return None


def _issuer(title: str | None, closing: list[str], hints: dict, region: str | None) -> str | None:
    signature = [line for line in closing if is_signature(line)]
    if signature:
        return " ".join(signature)
    if title:
        head = title.split("关于")[0].strip() if "关于" in title else ""
        if head and is_signature(head):
            return head
        m = re.match(r"^(\S+?人民政府)", title)
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


def extract_meta(raw: RawDoc, frame: Frame, preamble: list[str], sections: dict) -> dict:
    """meta of the schema: region, year, title, issuer, date, recipient, doc_number, source, published."""
    lead = "\n".join(preamble[:2]) if preamble else "\n".join(p.text for p in frame.body[:1])
    signature = " ".join(line for line in frame.closing if is_signature(line))
    region = (
        find_region(signature, organs=True)
        or find_region(frame.title)
        or find_region(raw.hints.get("issuing_org"), organs=True)
        or find_region(lead)
        or find_region(raw.hints.get("source_org"), organs=True)
        or find_region(raw.hints.get("page_title"))
    )
    date = next((d for d in map(date_from_line, frame.closing) if d), None) or raw.hints.get("written_date")
    return {
        "region": region,
        "year": _year(frame.title, lead, raw.hints, date),
        "title": frame.title,
        "issuer": _issuer(frame.title, frame.closing, raw.hints, region),
        "date": date,
        "recipient": frame.recipient,
        "doc_number": _doc_number(raw),
        "source": dict(raw.source) if raw.source else None,
        "published": raw.hints.get("published"),
    }
