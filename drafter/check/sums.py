"""A total and the parts it names that do not add up: 全年开展培训12场，其中线上5场、线下4场."""

from __future__ import annotations

from drafter.check.blocks import Block
from drafter.check.numbers import Mention, _Found, mentions
from drafter.check.patterns import ACCEPT, CLOSE, PARTS_LEAD, PARTS_SEPARATORS, POINTS
from drafter.check.problems import ERROR, WARNING, Problem, excerpt
from drafter.vocab import PERCENT_UNITS


def _parts(total: Mention, sentence: list[Mention], text: str) -> list[Mention]:
    """The counts right after `其中` that follows the total, in its unit, each led by a separator."""
    if not PARTS_LEAD.match(text[total.end:total.end + 6]):
        return []
    out = []
    for m in sentence:
        if m.start <= total.end:
            continue
        if m.unit != total.unit or m.delta or m.approx:
            break
        gap_start = out[-1].end if out else total.end
        gap = text[gap_start:m.start]
        if out and gap[:1] not in PARTS_SEPARATORS:
            break
        if len(gap) > 24 or "。" in gap or "；" in gap:
            break
        out.append(m)
    return out


def check_sums(blocks: list[Block]) -> list[Problem]:
    found = mentions(blocks)
    out = _Found(blocks)
    by_sentence: dict[tuple[int, int], list[Mention]] = {}
    for m in found:
        by_sentence.setdefault((m.block, m.sentence), []).append(m)
    for total in found:
        if total.approx or total.delta or total.unit in (*PERCENT_UNITS, POINTS, None):
            continue
        text = blocks[total.block].text
        parts = _parts(total, by_sentence[(total.block, total.sentence)], text)
        # 其中受理314件，审结262件: stages a case goes through, not parts of the total.
        if len(parts) < 2 or any(p.role(ACCEPT + CLOSE) for p in parts):
            continue
        added = sum(p.value for p in parts)
        if added == total.value:
            continue
        sum_text = "＋".join(p.text for p in parts) + f"＝{_number(added)}{total.unit}"
        quote = excerpt(out.sentence_of(total), 40)
        if added > total.value:
            out.add("sum_mismatch", ERROR, f"分项之和大于总数：{sum_text}，多于总数{total.text}：“{quote}”；"
                    "分项不能多于总数，请核对总数和各分项", total, *parts)
        else:
            out.add("sum_mismatch", WARNING, f"分项之和与总数不符：{sum_text}，总数却是{total.text}：“{quote}”；"
                    "如另有未列出的分项请写明，否则请核对数字", total, *parts)
    return out.problems


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"
