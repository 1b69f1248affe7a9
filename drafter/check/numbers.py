"""Numbers that contradict each other: more cases closed than accepted, a rate its counts do not give,
a share over 100%, one quantity written with two values."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from drafter.check.blocks import Block, blank_markers
from drafter.check.patterns import (
    ACCEPT,
    AFTER_MIN,
    BACKLOG,
    CASE_UNITS,
    CLOSE,
    DELTA,
    FIGURE,
    FILLER,
    FULLWIDTH,
    GENERIC,
    HAN_RE,
    LABEL_STOP,
    NEGATION,
    NOT_BEFORE_NUMBER,
    NOT_ONE_VALUE,
    NOT_SHARE,
    POINTS,
    RATE_NAME,
    RATE_RULES,
    SENTENCE_END,
    SENTENCE_END_CHARS,
    SHARE,
    SHORT_LABEL,
    SUMMED_RATES,
)
from drafter.check.problems import ERROR, WARNING, Problem, excerpt
from drafter.text.quantities import MULTIPLIERS, find_quantities
from drafter.vocab import PERCENT_UNITS

NEAREST = 10  # counts looked at around a rate or a 审结 count: a sentence seldom quotes more


@dataclass
class Mention:
    value: float
    unit: str | None
    approx: bool
    text: str
    label: str  # the clause before the number
    start: int
    end: int
    block: int
    sentence: int
    fid: str | None
    listed: bool = False  # the label follows 、: a list member whose verb came earlier
    after: str = ""  # the words right after the number, up to the next stop (行政复议案件)

    @property
    def delta(self) -> bool:
        return bool(DELTA.search(self.label))

    def role(self, words) -> str | None:
        """The word of `words` nearest before the number, if the label is not negated."""
        best, at = None, -1
        for word in words:
            pos = self.label.rfind(word)
            if pos > at:
                best, at = word, pos
        if best is None or NEGATION.search(self.label[:at + len(best)]):
            return None
        return best

    def kind(self) -> str | None:
        """close (审结…) or accept (受理…), by the keyword nearest the number."""
        close, accept = self.role(CLOSE), self.role(ACCEPT)
        if close and (not accept or self.label.rfind(close) > self.label.rfind(accept)):
            return "close"
        return "accept" if accept else None

    def subject(self, words) -> str:
        label = self.label
        for word in words:
            label = label.replace(word, "")
        return GENERIC.sub("", FILLER.sub("", label))


def mentions(blocks: list[Block]) -> list[Mention]:
    """Every number with a unit, with the clause before it (its label) and its sentence."""
    out = []
    for b, block in enumerate(blocks):
        text = blank_markers(block.text.translate(FULLWIDTH))
        sentence, label_start, scanned = 0, 0, 0
        for q in find_quantities(text, chinese=False, per_mille=True):
            if q.unit is None or text[q.number_start - 1:q.number_start] in NOT_BEFORE_NUMBER:
                continue
            for i in range(scanned, q.number_start):  # one pass over the text, however long
                if text[i] in LABEL_STOP:
                    label_start = i + 1
                if text[i] in SENTENCE_END_CHARS:
                    sentence += 1
            scanned = q.number_start
            label = text[min(label_start, q.start):q.start]
            if label.endswith("第"):
                continue  # 第5位 is a rank
            value = float(q.value) * MULTIPLIERS.get(q.multiplier, 1)
            approx = bool(q.approx or q.multiplier)
            fid = next((f for s, e, f in block.spans if s <= q.number_start < e), None)
            listed = 0 < label_start <= q.start and text[label_start - 1] == "、"
            stop = next((i for i in range(q.end, min(len(text), q.end + 16)) if text[i] in LABEL_STOP), q.end + 16)
            out.append(Mention(value, q.unit, approx, q.text, label, q.start, q.end, b, sentence, fid, listed,
                               text[q.end:stop]))
            label_start = q.end  # 受理112件审结87件: the next label starts after this number
    return out


class _Found:
    """The problems found, each placed at the blocks (and figures) of the numbers it involves."""

    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        self.problems: list[Problem] = []

    def add(self, kind: str, severity: str, message: str, *mentions: Mention):
        places = []
        for m in mentions:
            place = self.blocks[m.block].place + (f"（{FIGURE} {m.fid}）" if m.fid else "")
            if place not in places:
                places.append(place)
        self.problems.append(Problem(kind, severity, "；".join(places), message, self.blocks[mentions[0].block].item_id))

    def sentence_of(self, m: Mention) -> str:
        text = self.blocks[m.block].text
        start = max(text.rfind(ch, 0, m.start) for ch in SENTENCE_END_CHARS) + 1
        end = SENTENCE_END.search(text, m.end)
        return text[start:end.end() if end else len(text)]


def _by_sentence(found: list[Mention]) -> dict[tuple[int, int], list[Mention]]:
    sentences: dict[tuple[int, int], list[Mention]] = defaultdict(list)
    for m in found:
        sentences[(m.block, m.sentence)].append(m)
    return sentences


def _near(sentences, target: Mention) -> list[Mention]:
    """Mentions before `target` in its sentence (nearest first), then those of the sentence before."""
    same = [m for m in sentences.get((target.block, target.sentence), []) if m.start < target.start]
    previous = sentences.get((target.block, target.sentence - 1), [])
    return (list(reversed(same)) + list(reversed(previous)))[:NEAREST]


def _same_subject(a: str, b: str) -> bool:
    return not a or not b or a in b or b in a


def _units_match(a: Mention, b: Mention) -> bool:
    return a.unit == b.unit or (a.unit in CASE_UNITS and b.unit in CASE_UNITS)


def check_numbers(blocks: list[Block]) -> list[Problem]:
    found = mentions(blocks)
    sentences = _by_sentence(found)
    out = _Found(blocks)
    for m in found:
        if m.delta or m.unit == POINTS:
            continue
        if m.unit in PERCENT_UNITS:
            _check_percent(out, sentences, m)
        elif m.kind() == "close":
            _check_closed(out, sentences, m)
    _check_conflicts(out, found)
    return out.problems


def _check_closed(out: _Found, sentences, closed: Mention) -> None:
    close_subject = closed.subject(CLOSE + ACCEPT)
    # The accepted count usually comes first; 审结130件，受理112件 names it after.
    after = [m for m in sentences.get((closed.block, closed.sentence), []) if m.start > closed.start
             and close_subject and m.subject(CLOSE + ACCEPT) == close_subject]
    for other in _near(sentences, closed) + after[:NEAREST]:
        if other.delta or not _units_match(other, closed) or other.kind() != "accept":
            continue
        if not _same_subject(close_subject, other.subject(CLOSE + ACCEPT)):
            continue
        if closed.value <= other.value or other.approx:
            return
        sentence = out.sentence_of(closed)
        if BACKLOG.search(sentence):
            return  # cases carried over from last year may be closed this year
        out.add("closed_exceeds_accepted", ERROR,
                f"{closed.role(CLOSE)}数（{closed.text}）多于{other.role(ACCEPT)}数（{other.text}）：“{excerpt(sentence, 40)}”；"
                "结案不能多于收案（上年结转的除外），请核对两个数字，有结转的请写明",
                other, closed)
        return


def _check_percent(out: _Found, sentences, rate: Mention) -> None:
    if rate.value > 100 and SHARE.search(rate.label) and not NOT_SHARE.search(rate.label):
        out.add("percent_over_100", ERROR, f"比例超过100%：“{rate.label}{rate.text}”，占比不可能超过100%；请核对数字", rate)
    name_m = RATE_NAME.search(rate.label)
    rule = next((r for r in RATE_RULES if name_m and name_m.group(1).endswith(r[0])), None)
    if rule is None:
        return
    name, (_, numerator_words, denominator_words) = name_m.group(1), rule
    pairs = []
    for scope in _rate_scopes(sentences, rate):
        pairs = [(n, d) for n in scope if n.role(numerator_words)
                 for d in scope if d is not n and d.start < rate.start
                 and _counts_as(d, denominator_words, numerator_words)
                 and _units_match(n, d) and not n.approx and not d.approx and d.value]
        if pairs:
            break
    if not pairs:
        return
    decimals = len(re.sub(r"[^\d]", "", rate.text.split(".")[1])) if "." in rate.text else 0
    pairs = _summed(pairs, name, numerator_words)
    computed = [sum(n.value for n in ns) / d.value * 100 for ns, d in pairs]
    if any(_rate_agrees(c, rate, decimals) for c in computed):
        return  # some reading of the counts gives the stated rate
    numerators, denominator = pairs[0]
    added = "（" + "＋".join(n.text for n in numerators) + "）" if len(numerators) > 1 else numerators[0].text
    out.add("rate_mismatch", ERROR,
            f"{name}{rate.text}与所列数字不符：{added}÷{denominator.text}＝{computed[0]:.1f}%"
            f"：“{excerpt(out.sentence_of(rate), 40)}”；比率与数字矛盾会让审阅者怀疑全部数字，请核对后改正其一",
            denominator, *numerators, rate)


def _counts_as(m: Mention, words, others) -> bool:
    """A word of `words` is nearer the number than any of `others` (调解组织共调处纠纷: 调处, not 调解)."""
    mine, theirs = m.role(words), m.role(others)
    if not mine:
        return False
    if not theirs:
        return True
    mine_end, theirs_end = m.label.rfind(mine) + len(mine), m.label.rfind(theirs) + len(theirs)
    return mine_end > theirs_end or (mine_end == theirs_end and len(mine) > len(theirs))


def _summed(pairs, name: str, numerator_words) -> list[tuple[list[Mention], Mention]]:
    """Each pair's numerator as a list; for 纠错率 without a 纠错 count, the kinds (撤销, 变更) added up."""
    whole = next((w for rate, w in SUMMED_RATES.items() if name.endswith(rate)), None)
    if whole is None:
        return [([n], d) for n, d in pairs]
    by_denominator: dict[int, list[Mention]] = defaultdict(list)
    for n, d in pairs:
        by_denominator[id(d)].append(n)
    out = []
    for n, d in pairs:
        kinds = by_denominator[id(d)]
        if any(k.role(numerator_words) == whole for k in kinds) or len(kinds) < 2:
            out.append(([n], d))
        elif all(d is not other for _ns, other in out):
            out.append((sorted(kinds, key=lambda k: k.start), d))
    return out


def _rate_scopes(sentences, rate: Mention):
    """The counts a rate may be computed from: its own sentence, or the one before when its own has none."""
    for sentence in (rate.sentence, rate.sentence - 1):
        counts = [m for m in sentences.get((rate.block, sentence), [])
                  if not m.delta and m.unit not in (*PERCENT_UNITS, POINTS)]
        counts.sort(key=lambda m: abs(m.start - rate.start))
        yield counts[:NEAREST]
        if counts:
            return


def _rate_agrees(computed: float, rate: Mention, decimals: int) -> bool:
    """Whether a computed rate reads as the stated one, rounding and the approximation word allowed."""
    unit = 10 ** -decimals
    tolerance = 0.5 * unit + 1e-9
    stated, text = rate.value, rate.text
    if text.startswith(("超过", "逾")) or text.endswith("以上"):
        return computed >= stated - tolerance
    if text.startswith("近"):
        return stated - 3 <= computed <= stated + tolerance
    if text.startswith("约") or text.endswith("左右"):
        return abs(computed - stated) <= max(1.0, 10 ** -decimals)
    # Rounded (80% for 79.6%) or cut off (98.28% for 98.287%).
    return stated - tolerance <= computed < stated + unit - 1e-9


def _conflict_label(m: Mention) -> str | None:
    if m.delta or m.listed or NOT_ONE_VALUE.search(m.label):
        return None
    label = FILLER.sub("", m.label)
    if len(HAN_RE.findall(label)) >= SHORT_LABEL:
        return label
    after = m.after.strip()
    if len(HAN_RE.findall(after)) >= AFTER_MIN and HAN_RE.match(after):
        return f"{label}…{after}"  # 办理115起行政复议案件: the words after name it
    return None


def _check_conflicts(out: _Found, found: list[Mention]) -> None:
    groups: dict[tuple, list[Mention]] = defaultdict(list)
    for m in found:
        label = _conflict_label(m)
        if label:
            groups[(label, m.unit)].append(m)
    for (label, _unit), group in groups.items():
        first = group[0]
        for other in group[1:]:
            close = abs(other.value - first.value) <= 0.05 * max(abs(first.value), abs(other.value))
            if other.value != first.value and not ((first.approx or other.approx) and close):
                out.add("conflicting_values", WARNING,
                        f"同一数字前后不一致：“{label}”先写{first.text}，后写{other.text}；审阅者无法判断哪个对，"
                        "请核对后统一为一个数",
                        first, other)
                break
