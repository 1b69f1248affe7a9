"""Page noise out of a report's paragraphs (metadata fields, widgets, breadcrumbs, stamps), what it says kept as hints."""

from __future__ import annotations

import re
import unicodedata

from drafter.parse.nodes import Para
from drafter.read.patterns import (
    BREADCRUMB_RE,
    CATEGORY_RE,
    FIELD_VALUE_TRIM,
    FIELDS,
    FOOTER_RE,
    HOME_TRAIL_RE,
    INVISIBLE_RE,
    LABEL_RE,
    LEAD_MARKS,
    LINKS_RE,
    MARKS_ON_DIGITS_RE,
    ORGAN_END_RE,
    OTHER_DIGITS_RE,
    SPACES_RE,
    STAMP_RE,
    WIDGET_LEFTOVER_RE,
    WIDGET_RE,
)
from drafter.text.dates import iso_date
from drafter.text.docnum import normalize_doc_number
from drafter.text.punctuation import full_width_punctuation


def _ascii_digit(match: re.Match) -> str:
    ch = match.group()
    return str(unicodedata.decimal(ch)) if unicodedata.category(ch) == "Nd" else ch


def normalize_space(text: str) -> str:
    """Full-width, non-breaking and runs of spaces become one space; invisible marks and marks over digits
    go; digits of other scripts become ASCII digits."""
    text = MARKS_ON_DIGITS_RE.sub("", INVISIBLE_RE.sub("", text))
    text = OTHER_DIGITS_RE.sub(_ascii_digit, text)
    return SPACES_RE.sub(" ", text).strip()


def _field_pairs(line: str) -> list[tuple[str, str]] | None:
    """[(label, value), …] if the line is made of page metadata fields only, else None."""
    stripped = line.lstrip(LEAD_MARKS)
    matches = list(LABEL_RE.finditer(stripped))
    if not matches or matches[0].start() != 0:
        return None
    pairs = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(stripped)
        label = re.sub(r"\s+", "", m.group(1))
        value = stripped[m.end() : end].strip(FIELD_VALUE_TRIM)
        pairs.append((label, value))
    return pairs


def _take_hints(pairs: list[tuple[str, str]], hints: dict) -> None:
    for label, value in pairs:
        kind = FIELDS[label]
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
            if ORGAN_END_RE.search(value):
                hints.setdefault(kind, value)
        else:
            hints.setdefault(kind, value)


def is_field_line(text: str, hints: dict) -> bool:
    """A line of page metadata fields (发布时间：… 来源：…); what they say goes into hints."""
    if "。" in text or len(text) > 200:
        return False
    pairs = _field_pairs(text)
    if pairs is None:
        return False
    if any(FIELDS[label] == "stub" and value for label, value in pairs):
        return False  # 附件：1.xxx lists real attachments
    _take_hints(pairs, hints)
    return True


def is_widget_line(text: str) -> bool:
    """Share bars, font-size switches, breadcrumbs and footers."""
    if "。" in text or len(text) > 100:
        return False
    if BREADCRUMB_RE.match(text.lstrip(LEAD_MARKS)) or HOME_TRAIL_RE.search(text) or FOOTER_RE.search(text):
        return True
    return bool(WIDGET_LEFTOVER_RE.match(WIDGET_RE.sub("", text)))


def is_noise(text: str) -> bool:
    """Any line the cleaner drops on its own (a field, a widget, a stamp)."""
    return is_field_line(text, {}) or is_widget_line(text) or bool(STAMP_RE.match(text))


def clean_paras(paras: list[Para], hints: dict) -> list[Para]:
    """Drop page noise and empty lines, normalise spaces; what the noise says goes into hints."""
    kept: list[Para] = []
    links_at = None
    for para in paras:
        text = normalize_space(para.text)
        if LINKS_RE.match(text):
            links_at = len(kept)  # a page's list of related links: the names that follow are no signature
            continue
        if not text or is_field_line(text, hints) or is_widget_line(text):
            continue
        stamp = STAMP_RE.match(text)
        if stamp:
            if iso_date(stamp.group(1)):
                hints.setdefault("published", iso_date(stamp.group(1)))
            continue
        kept.append(Para(text, para.level, para.bold))
    if links_at is not None and all(len(p.text) <= 40 and "。" not in p.text for p in kept[links_at:]):
        del kept[links_at:]
    # A site's column name (通知公告) printed alone above the title.
    while len(kept) > 1 and CATEGORY_RE.match(kept[0].text) and "情况" not in kept[0].text:
        kept.pop(0)
    if hints.get("page_title"):
        hints["page_title"] = full_width_punctuation(hints["page_title"])
    return [Para(full_width_punctuation(p.text), p.level, p.bold) for p in kept]
