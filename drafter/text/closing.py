"""What each line closing a report is: 特此报告, 附件 note, signature, date, notes, 版记."""

from __future__ import annotations

import re

ORGAN_RE = re.compile(
    r"^(中共)?[\u4e00-\u9fff（）()]{2,30}?"
    r"(人民政府|人民代表大会常务委员会|委员会|管委会|政府|党委|党组|县委|市委|区委|州委|旗委|盟委|省委|委|局|厅|办公室|办事处|办|院|中心|公署|司|部)$"
)
_CN_DIGITS = "〇零一二三四五六七八九十○"


def _date(day: str) -> str:
    """A 成文日期 in digits or Chinese numerals; `day` follows 月, with {n} standing for the day's number."""
    digits = r"(?:19|20|21)\d{2}\s*年\s*\d{1,2}\s*月" + day.format(n=r"\s*\d{1,2}\s*")
    chinese = f"[{_CN_DIGITS}]{{4}}年[{_CN_DIGITS}]{{1,3}}月" + day.format(n=f"[{_CN_DIGITS}]{{1,3}}")
    return f"(?:{digits}|{chinese})"


# A web copy may drop the day (2024年1月); the line still closes the report.
DATE_LINE_RE = re.compile("^" + _date("(?:{n}日)?") + "$")
# A date closing a line that also holds the signature: 遂昌县市场监督管理局 2024年1月16日
TRAILING_DATE_RE = re.compile("(" + _date("{n}日") + ")$")
_NOTE_RE = re.compile(r"^[（(]\s*(此件|联系人|联系电话)[^（）()]{0,40}[)）]$")
# The 版记 at the very end of an official document: 抄送 list and the 印发 line.
_RECORD_RE = re.compile(r"^(抄送|抄报)\s*[:：]|印发$")
# The 附件说明 between the text and the signature: 附件：1.… with its further lines 2.…
ATTACHMENT_RE = re.compile(r"^附\s*件\s*(\d+\s*)?([:：]|$)")
ATTACHMENT_MORE_RE = re.compile(r"^\d{1,2}\s*[.．、]\s*\S")
_PHRASE_RE = re.compile(r"^(特此|专此|谨此)(报告|报送)[。.]?$|^以上报告[，,]?请.{0,10}[。.]?$")

# Closing kinds in the order they stand (vocab.CLOSING_KINDS), as frame ranks them.
RANK = {"phrase": 0, "attachments": 1, "signature": 2, "date": 3, "notes": 4, "record": 5}



def is_signature(text: str) -> bool:
    """Organ names signing the report: 中共鹤庆县委 鹤庆县人民政府, 营口市司法局."""
    if len(text) > 60 or re.search(r"[，,。；;：:、\d]", text):
        return False
    # Each name carries its locality (鹤庆县人民政府, 中共鹤庆县委, 沙溪镇人民政府, 龙泉街道办事处),
    # unlike a phrase such as 建设法治政府.
    return all(ORGAN_RE.match(part) and re.search(r"^中共|[省市县区州旗盟乡镇]|街道", part) for part in text.split())


def line_kind(text: str) -> str | None:
    """The kind of one closing line (vocab.CLOSING_KINDS); attachments are found by their block."""
    if _PHRASE_RE.match(text):
        return "phrase"
    if is_signature(text):
        return "signature"
    if DATE_LINE_RE.match(text.replace(" ", "")):
        return "date"
    if _NOTE_RE.match(text):
        return "notes"
    if _RECORD_RE.search(text) and len(text) <= 120:
        return "record"
    return None
