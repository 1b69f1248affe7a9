"""文号 (document numbers) as reports write them, in the one form GB/T 9704 prints: 驻政文〔2020〕22号."""

from __future__ import annotations

import re

_DOCNUM_RE = re.compile(r"([\u4e00-\u9fff]{1,12})\s*[〔\[［(（【]\s*((?:19|20)\d{2})\s*[〕\]］)）】]\s*(\d{1,5})\s*号")


def normalize_doc_number(text: str) -> str | None:
    """驻政文[2020]22号 / 驻政文（2020）22号 → 驻政文〔2020〕22号; None if text holds no 文号."""
    m = _DOCNUM_RE.search(text)
    if not m:
        return None
    return f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号"
