"""`drafter check`: lint a draft YAML or a rendered .docx and list each problem with its place.

Checks: mandatory parts, unfilled figures and text, last year left in, contradicting numbers,
paragraphs copied from last year's report, areas of the national outline no measure covers, and
for a .docx the fonts and indents GB/T 9704-2012 asks for.
"""

from __future__ import annotations

import io
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from docx.oxml.ns import qn

from drafter.parse.nodes import PARTS
from drafter.errors import DrafterError
from drafter.files import MAX_DOCX_BYTES, read_input_bytes
from drafter.check.areas import AREAS
from drafter.draft.placeholders import TODO_RE, format_figure, prior_text, split_placeholders, unfilled_marker
from drafter.text.words import cut as cut_words

ERROR, WARNING = "error", "warning"

SECTION_NAMES = {
    "preamble": "开头",
    "measures": "主要举措和成效",
    "shortcomings": "存在的不足和原因",
    "duties": "主要负责人履职情况",
    "plan": "下一年度工作安排",
    "other": "其他需要报告的情况",
    "closing": "结尾",
}
MANDATORY = ("measures", "shortcomings", "duties", "plan")


@dataclass
class Problem:
    kind: str  # stable English slug, e.g. unfilled_figure
    severity: str  # error | warning
    place: str  # Chinese: 主要举措和成效 › 第3项, 数字 F012, 第12段
    message: str  # Chinese

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Block:
    """One paragraph or heading as it would read, with where it is and which figures it quotes."""

    place: str
    section: str  # title, preamble, a part key, or closing
    text: str
    heading: bool = False
    status: str | None = None  # the item's status in a draft
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, figure id) in text
    raw: str = ""  # the text as stored, placeholders unreplaced


def _excerpt(text: str, limit: int = 24) -> str:
    text = text.strip()
    return text if len(text) <= limit else text[:limit] + "…"


# ---------------------------------------------------------------------------------------------
# The model as blocks of text
# ---------------------------------------------------------------------------------------------

def _render_text(text: str, figures: dict[str, dict], prior_year: int | None) -> tuple[str, list[tuple[int, int, str]]]:
    """Text as the renderer writes it, remembering where each filled figure landed."""
    out, spans, pos = [], [], 0
    for piece, fid in split_placeholders(text):
        figure = figures.get(fid) if fid else None
        if figure is not None:
            if figure.get("value") is None:
                piece = unfilled_marker(figure, prior_year)
            else:
                piece = format_figure(figure["value"], figure.get("unit"), figure.get("approx"))
                spans.append((pos, pos + len(piece), fid))
        out.append(piece)
        pos += len(piece)
    return "".join(out), spans


def model_blocks(model: dict) -> list[Block]:
    figures = {f["id"]: f for f in model.get("figures") or []}
    prior_year = _prior_year(model)
    blocks: list[Block] = []

    def add(place, section, text, heading=False, status=None):
        if text and text.strip():
            rendered, spans = _render_text(text, figures, prior_year)
            blocks.append(Block(place, section, rendered, heading, status, spans, text))

    add("报告标题", "title", (model.get("meta") or {}).get("title"), True)
    preamble_status = (model.get("draft") or {}).get("preamble_status")
    for n, text in enumerate(model.get("preamble") or [], 1):
        add(f"{SECTION_NAMES['preamble']} › 第{n}段", "preamble", text, status=preamble_status)

    def walk(items, key, prefix, inherited):
        for n, item in enumerate(items, 1):
            path = f"{prefix}.{n}" if prefix else str(n)
            place = f"{SECTION_NAMES[key]} › 第{path}项"
            status = item.get("status") or inherited
            add(f"{place} › 标题", key, item.get("heading"), True, status)
            for m, text in enumerate(item.get("paragraphs") or [], 1):
                add(f"{place} › 第{m}段", key, text, status=status)
            walk(item.get("items") or [], key, path, status)

    for key in PARTS:
        section = model["sections"][key]
        add(f"{SECTION_NAMES[key]} › 标题", key, section.get("heading"), True, section.get("status"))
        for m, text in enumerate(section.get("paragraphs") or [], 1):
            add(f"{SECTION_NAMES[key]} › 第{m}段", key, text, status=section.get("status"))
        walk(section.get("items") or [], key, "", None)
    for n, text in enumerate(model.get("closing") or [], 1):
        add(f"{SECTION_NAMES['closing']} › 第{n}行", "closing", text)
    return blocks


def _prior_year(model: dict) -> int | None:
    draft_year = (model.get("draft") or {}).get("prior_year")
    if draft_year:
        return draft_year
    year = (model.get("meta") or {}).get("year")
    return year - 1 if year else None


# ---------------------------------------------------------------------------------------------
# Draft structure: parts, figures, placeholders, statuses
# ---------------------------------------------------------------------------------------------

def _has_text(node: dict) -> bool:
    return _own_text(node) or any(_has_text(item) or (item.get("heading") or "").strip() for item in node.get("items") or [])


def _check_parts(model: dict) -> list[Problem]:
    problems = []
    for key in MANDATORY:
        section = model["sections"][key]
        if not section.get("paragraphs") and not section.get("items"):
            prompt = section.get("prompt")
            hint = f"（{prompt}）" if prompt else ""
            problems.append(Problem("missing_part", ERROR, SECTION_NAMES[key],
                                    f"缺少必须报告的部分“{SECTION_NAMES[key]}”{hint}"))
        elif not _has_text(section) and section.get("status") != "todo" and not _todo_items(section):
            problems.append(Problem("missing_part", ERROR, SECTION_NAMES[key],
                                    f"“{SECTION_NAMES[key]}”部分没有内容"))
    return problems


def _todo_items(node: dict) -> bool:
    return any(item.get("status") == "todo" or _todo_items(item) for item in node.get("items") or [])


def _own_text(node: dict) -> bool:
    return any(p and p.strip() and not TODO_RE.fullmatch(p.strip()) for p in node.get("paragraphs") or [])


def _check_statuses(model: dict) -> list[Problem]:
    """A status is that of the node's own paragraphs; sub-items carry theirs."""
    problems = []
    if (model.get("draft") or {}).get("preamble_status") == "reference" and model.get("preamble"):
        problems.append(Problem("reference_unconfirmed", WARNING, SECTION_NAMES["preamble"],
                                "开头沿用了上年的表述（年份已推进），请核实并改写为本年度的情况"))

    def judge(node: dict, place: str, is_item: bool) -> bool:
        """Report the node's status; True when its sub-items need no report of their own."""
        status = node.get("status")
        prompt = node.get("prompt") or "请填写"
        if status == "todo":
            if _own_text(node):
                problems.append(Problem("unfilled_text", WARNING, place,
                                        f"已有文字，但状态仍为待填（status: todo），确认后请改为 done：{prompt}"))
            elif is_item and not node.get("items"):
                problems.append(Problem("unfilled_text", ERROR, place, f"尚未填写：{prompt}"))
            return False
        if status == "reference":
            problems.append(Problem("reference_unconfirmed", WARNING, place, f"沿用了上年的表述，尚未确认：{prompt}"))
            return is_item  # an item's sub-items came with it from last year
        return False

    def walk(items, key, prefix):
        for n, item in enumerate(items, 1):
            path = f"{prefix}.{n}" if prefix else str(n)
            if not judge(item, f"{SECTION_NAMES[key]} › 第{path}项", True):
                walk(item.get("items") or [], key, path)

    for key in PARTS:
        section = model["sections"][key]
        judge(section, SECTION_NAMES[key], False)
        walk(section.get("items") or [], key, "")
    return problems


def _check_figures(model: dict, blocks: list[Block]) -> list[Problem]:
    figures = model.get("figures") or []
    known = {f["id"] for f in figures}
    used: dict[str, str] = {}
    problems = []
    for block in blocks:
        for _piece, fid in split_placeholders(block.raw):
            if fid is None:
                continue
            used.setdefault(fid, block.place)
            if fid not in known:
                problems.append(Problem("unknown_placeholder", ERROR, block.place,
                                        f"占位符 {{{fid}}} 没有对应的数字（figures 中没有 {fid}），请改正或删除"))
    prior_year = _prior_year(model)
    is_draft = model.get("schema_version", 1) >= 2
    for figure in figures:
        fid = figure["id"]
        place = f"数字 {fid}"
        where = f"，位于 {used[fid]}" if fid in used else "（正文未引用）"
        if figure.get("value") is None:
            severity = ERROR if fid in used else WARNING
            problems.append(Problem("unfilled_figure", severity, place,
                                    f"“{figure['label']}”尚未填写（{prior_text(figure, prior_year)}）{where}"))
        elif is_draft and figure.get("prior") is not None and figure["value"] == figure["prior"]:
            problems.append(Problem("same_as_prior", WARNING, place,
                                    f"“{figure['label']}”本年数值与上年相同（{format_figure(figure['value'], figure.get('unit'), figure.get('approx'))}），请确认不是沿用上年{where}"))
    return problems


# ---------------------------------------------------------------------------------------------
# Markers left in text
# ---------------------------------------------------------------------------------------------

# What clerks type for a number or name still unknown: XX件, ××单位, 某某.
_BLANK_RE = re.compile(r"[XＸ×xｘ]{2,}|某某|＊{2,}|\*{2,}|□{2,}|○{2,}")
_LEFT_PLACEHOLDER_RE = re.compile(r"\{F\d{3,}\}")
# The renderer's mark before last year's text kept for the clerk to confirm.
_REFERENCE_MARK_RE = re.compile(r"【上年参考[^】]*】")


def _check_markers(blocks: list[Block], skip_figure_markers: bool) -> list[Problem]:
    """【待填：…】 and typed blanks left in the text (for a .docx, also {F012} placeholders left over)."""
    problems = []
    for block in blocks:
        spans = [(m.start(), m.end()) for m in TODO_RE.finditer(block.text)]
        for m in TODO_RE.finditer(block.text):
            if _is_figure_marker(m.group(0)):
                if not skip_figure_markers:
                    problems.append(Problem("unfilled_figure", ERROR, block.place, f"数字尚未填写：{m.group(0)}"))
                continue
            problems.append(Problem("unfilled_text", ERROR, block.place, f"仍有待填内容：{m.group(0)}"))
        for m in _REFERENCE_MARK_RE.finditer(block.text):
            problems.append(Problem("reference_unconfirmed", WARNING, block.place,
                                    f"沿用了上年的表述，尚未确认：“{_excerpt(block.text[m.end():], 30)}”"))
        if "【待填" in block.text and not spans:
            problems.append(Problem("unfilled_text", ERROR, block.place, f"仍有未完成的待填标记：“{_excerpt(block.text)}”"))
        for m in _BLANK_RE.finditer(block.text):
            if not any(s <= m.start() < e for s, e in spans) and not _in_latin_word(block.text, m):
                problems.append(Problem("unfilled_text", ERROR, block.place,
                                        f"“{m.group(0)}”像是尚未填写的空白：“{_excerpt(block.text[max(0, m.start() - 10):], 30)}”"))
        if skip_figure_markers:
            continue
        for m in _LEFT_PLACEHOLDER_RE.finditer(block.text):
            problems.append(Problem("unknown_placeholder", ERROR, block.place, f"文中留有占位符 {m.group(0)}，未被替换为数字"))
    return problems


def _in_latin_word(text: str, m: re.Match) -> bool:
    before = text[m.start() - 1] if m.start() else ""
    after = text[m.end()] if m.end() < len(text) else ""
    return bool(re.match(r"[A-Za-z]", before) or re.match(r"[A-Za-z]", after))


def _is_figure_marker(marker: str) -> bool:
    # 【待填：审核规范性文件（2023年：71件）】 is an unfilled figure; in a draft it has its own
    # problem with its id, so it is not reported twice.
    return bool(re.search(r"（(?:\d{4}年|上年)：[^（）]*）】$", marker))


# ---------------------------------------------------------------------------------------------
# Last year left in
# ---------------------------------------------------------------------------------------------

_CN_DIGITS = "〇一二三四五六七八九"
_REFER_BEFORE = re.compile(r"(较|比|与|同|和|相较于?|相比于?|对比|自|从|继)\s*$")
_REFER_AFTER = re.compile(r"^(?:年度?)?(?:同期|全年|底|末|初)?\s*(?:以来|来|起|开始|相比|比较|同比|水平|基础上|的基础上)")
_RANGE_BEFORE = re.compile(r"\d{4}\s*年?\s*[—–\-~～至到]\s*$")
_RANGE_AFTER = re.compile(r"^\s*(?:年度?)?\s*[—–\-~～至到]\s*\d{4}")
_CLAUSE_REFERS = re.compile(r"相比|同比|对比|相较|以来|环比")
_ASSESSED = re.compile(r"^年度.{0,20}?(考核|考评|评估|评议|评选|表彰|测评|评价|验收|督察)")
_CLAUSE_STOPS = "，,。；;！!？?\n"
_CLAUSE_SPLIT = re.compile(f"[{_CLAUSE_STOPS}]")
_SENTENCE_END = re.compile(r"[。！？!?]")


def _year_patterns(year: int) -> re.Pattern:
    chinese = "".join(_CN_DIGITS[int(d)] for d in str(year))
    return re.compile(rf"(?<!\d)(?:{year}|{chinese}|{chinese.replace('〇', '零')})(?=\s*年)")


def _last_of(text: str, chars: str, end: int) -> int:
    """Index of the last of `chars` before `end`, or -1."""
    return max(text.rfind(ch, 0, end) for ch in chars)


class _Positions:
    """Where some characters stand in a text, to ask what comes before a place without rescanning."""

    def __init__(self, text: str, chars: str):
        self.at = [i for i, ch in enumerate(text) if ch in chars]

    def last_before(self, pos: int) -> int:
        i = bisect_left(self.at, pos)
        return self.at[i - 1] if i else -1

    def count_before(self, pos: int) -> int:
        return bisect_left(self.at, pos)


def _check_prior_year(blocks: list[Block], year: int | None) -> list[Problem]:
    if not year:
        return []
    pattern = _year_patterns(year - 1)
    problems = []
    for block in blocks:
        if block.section == "closing":
            continue
        text = TODO_RE.sub(lambda m: "□" * len(m.group(0)), block.text)  # markers quote last year on purpose
        matches = list(pattern.finditer(text))
        if not matches:
            continue
        clauses, sentences = _Positions(text, _CLAUSE_STOPS), _Positions(text, "。！？!?\n")
        quotes = {ch: _Positions(text, ch) for ch in "《》“”〈〉"}
        for m in matches:
            start, end = m.start(), m.end()
            clause_start = clauses.last_before(start) + 1
            clause_end_m = _CLAUSE_SPLIT.search(text, end, end + 80)
            before = text[max(clause_start, start - 12):start]
            after = text[end:end + 40]
            clause = text[max(clause_start, start - 80):clause_end_m.start() if clause_end_m else end + 80]
            quoted = any(quotes[o].count_before(start) > quotes[c].count_before(start) for o, c in ("《》", "“”", "〈〉"))
            if (quoted or _REFER_BEFORE.search(before) or _REFER_AFTER.match(after) or _RANGE_BEFORE.search(before)
                    or _RANGE_AFTER.match(after) or _CLAUSE_REFERS.search(clause) or _ASSESSED.match(after)):
                continue
            sentence_start = sentences.last_before(start) + 1
            leads = not text[max(sentence_start, start - 4):start].strip(" 　,，") and start - sentence_start <= 4
            severity = ERROR if leads else WARNING
            how = "写在句首，像是把上年的情况当作本年度来写" if leads else "请确认这里说的是上年的情况，而不是本年度"
            problems.append(Problem("prior_year", severity, block.place,
                                    f"出现上一年度“{m.group(0)}年”（本报告为{year}年度）：{how}：“{_excerpt(text[sentence_start:sentence_start + 40], 30)}”"))
    return problems


# ---------------------------------------------------------------------------------------------
# Numbers in the text: contradictions
# ---------------------------------------------------------------------------------------------

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_UNITS = ("个百分点|%|‰|万人次|万元|亿元|元|人次|件次|户次|件|起|宗|人|名|个|项|次|家|份|场|条|篇|所|户|位|部|批|台|处|座|期|轮|"
          "天|小时|本|套|册")
_MENTION_RE = re.compile(
    rf"(?P<pre>近|约|超过|逾)?(?<![\d.A-Za-z])(?P<num>{_NUM})\s?(?P<mult>万|亿)?(?P<post>余|多)?\s?(?P<unit>{_UNITS})?(?P<tail>以上|左右)?"
)
_LABEL_STOP = "，,。；;：:、！!？?\n（）()"
_FULLWIDTH = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
_FILLER = re.compile(r"其中|全年|今年|年内|共计|合计|总计|累计|共|全市|全区|全县|全省|各级|先后|依法|已经|已|还|并|同时|另有|另|均|分别|"
                     r"达到|达|为|了|有|办理|各类")
_GENERIC = re.compile(r"案件|申请|案|事项|数量|数")
_DELTA = re.compile(r"增长|增加|减少|下降|上升|提高|提升|同比|环比|增幅|降幅|缩短|压缩|节约|节省|多出|超出|高出|翻|较上年|比上年")
_NEGATION = re.compile(r"不予|未|尚未|没有|驳回|不属于")
ACCEPT = ("受理", "新收", "收案", "立案", "收到", "排查")
CLOSE = ("审结", "办结", "结案", "化解", "调解成功", "成功调解", "调处成功", "成功调处")
_BACKLOG = re.compile(r"旧存|结转|上年|存量|历年|积案|往年")
_CASE_UNITS = {"件", "起", "宗", "件次", "个"}
# A rate: its name, the words of its numerator counts and of its denominator counts.
RATE_RULES = (
    (("结案率", "审结率", "办结率"), ("审结", "办结", "结案"), ACCEPT),
    (("化解率", "调解成功率", "调处成功率", "调解率", "成功率"),
     ("化解", "调解成功", "成功调解", "调处成功", "成功调处", "调解"), ACCEPT + ("审结", "办结", "结案")),
    (("纠错率",), ("纠错", "撤销", "变更", "确认违法"), ("审结", "办结", "结案")),
    (("败诉率",), ("败诉",), ("审结", "结案", "判决", "应诉", "办结")),
    (("出庭应诉率", "出庭率"), ("出庭",), ("应诉", "开庭", "应出庭")),
)
_RATE_NAME = re.compile(r"([\u4e00-\u9fff]{0,6}率)(?:[\u4e00-\u9fff]{0,4})$")
_SHARE = re.compile(r"率|占比|比例|比重|覆盖|满意度|知晓|参与度|占")
_NOT_SHARE = re.compile(r"完成|超额|增长率|增速")


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

    @property
    def delta(self) -> bool:
        return bool(_DELTA.search(self.label))

    def role(self, words) -> str | None:
        """The word of `words` nearest before the number, if the label is not negated."""
        best, at = None, -1
        for word in words:
            pos = self.label.rfind(word)
            if pos > at:
                best, at = word, pos
        if best is None or _NEGATION.search(self.label[:at + len(best)]):
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
        return _GENERIC.sub("", _FILLER.sub("", label))


def _mentions(blocks: list[Block]) -> list[Mention]:
    """Every number with a unit, with the clause before it (its label) and its sentence."""
    out = []
    for b, block in enumerate(blocks):
        text = TODO_RE.sub(lambda m: "□" * len(m.group(0)), block.text.translate(_FULLWIDTH))
        sentence, label_start, scanned = 0, 0, 0
        for m in _MENTION_RE.finditer(text):
            if m.group("unit") is None:
                continue
            num_start = m.start("num")
            for i in range(scanned, num_start):  # one pass over the text, however long
                if text[i] in _LABEL_STOP:
                    label_start = i + 1
                if text[i] in "。！？!?":
                    sentence += 1
            scanned = num_start
            label = text[min(label_start, m.start()):m.start("pre") if m.group("pre") else num_start]
            if label.endswith("第"):
                continue  # 第5位 is a rank
            value = float(m.group("num").replace(",", "")) * {"万": 1e4, "亿": 1e8}.get(m.group("mult") or "", 1)
            approx = bool(m.group("pre") or m.group("post") or m.group("tail") or m.group("mult"))
            fid = next((f for s, e, f in block.spans if s <= num_start < e), None)
            listed = 0 < label_start <= m.start() and text[label_start - 1] == "、"
            out.append(Mention(value, m.group("unit"), approx, m.group(0), label, m.start(), m.end(), b, sentence, fid, listed))
            label_start = m.end()  # 受理112件审结87件: the next label starts after this number
    return out


def _where(blocks: list[Block], *mentions: Mention) -> str:
    places = []
    for m in mentions:
        place = blocks[m.block].place + (f"（数字 {m.fid}）" if m.fid else "")
        if place not in places:
            places.append(place)
    return "；".join(places)


NEAREST = 10  # counts looked at around a rate or a 审结 count: a sentence seldom quotes more


def _by_sentence(mentions: list[Mention]) -> dict[tuple[int, int], list[Mention]]:
    sentences: dict[tuple[int, int], list[Mention]] = defaultdict(list)
    for m in mentions:
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
    return a.unit == b.unit or (a.unit in _CASE_UNITS and b.unit in _CASE_UNITS)


def _check_numbers(blocks: list[Block]) -> list[Problem]:
    mentions = _mentions(blocks)
    sentences = _by_sentence(mentions)
    problems = []
    for m in mentions:
        if m.delta or m.unit == "个百分点":
            continue
        if m.unit == "%":
            problems.extend(_check_percent(blocks, sentences, m))
            continue
        if m.kind() == "close":
            problems.extend(_check_closed(blocks, sentences, m))
    problems.extend(_check_conflicts(blocks, mentions))
    return problems


def _check_closed(blocks, sentences, closed: Mention) -> list[Problem]:
    close_subject = closed.subject(CLOSE + ACCEPT)
    for other in _near(sentences, closed):
        if other.delta or not _units_match(other, closed) or other.kind() != "accept":
            continue
        if not _same_subject(close_subject, other.subject(CLOSE + ACCEPT)):
            continue
        if closed.value <= other.value or other.approx:
            return []
        sentence_text = _sentence_of(blocks, closed)
        if _BACKLOG.search(sentence_text):
            return []  # cases carried over from last year may be closed this year
        return [Problem("closed_exceeds_accepted", ERROR, _where(blocks, other, closed),
                        f"{closed.role(CLOSE)}数（{closed.text}）多于{other.role(ACCEPT)}数（{other.text}）："
                        f"“{_excerpt(sentence_text, 40)}”")]
    return []


def _sentence_of(blocks, m: Mention) -> str:
    text = blocks[m.block].text
    start = _last_of(text, "。！？!?", m.start) + 1
    end = _SENTENCE_END.search(text, m.end)
    return text[start:end.end() if end else len(text)]


def _check_percent(blocks, sentences, rate: Mention) -> list[Problem]:
    problems = []
    if rate.value > 100 and _SHARE.search(rate.label) and not _NOT_SHARE.search(rate.label):
        problems.append(Problem("percent_over_100", ERROR, _where(blocks, rate),
                                f"比例超过100%：“{rate.label}{rate.text}”"))
    name_m = _RATE_NAME.search(rate.label)
    rule = next((r for r in RATE_RULES if name_m and name_m.group(1).endswith(r[0])), None)
    if rule is None:
        return problems
    name, (_, numerator_words, denominator_words) = name_m.group(1), rule
    pairs = []
    for scope in _rate_scopes(sentences, rate):
        pairs = [(n, d) for n in scope if n.role(numerator_words)
                 for d in scope if d is not n and d.role(denominator_words) and not d.role(numerator_words)
                 and _units_match(n, d) and not n.approx and not d.approx and d.value]
        if pairs:
            break
    if not pairs:
        return problems
    decimals = len(re.sub(r"[^\d]", "", rate.text.split(".")[1])) if "." in rate.text else 0
    computed = [n.value / d.value * 100 for n, d in pairs]
    if any(_rate_agrees(c, rate, decimals) for c in computed):
        return problems  # some reading of the counts gives the stated rate
    numerator, denominator = pairs[0]
    problems.append(Problem("rate_mismatch", ERROR, _where(blocks, denominator, numerator, rate),
                            f"{name}{rate.text}与所列数字不符：{numerator.text}÷{denominator.text}＝{computed[0]:.1f}%"
                            f"：“{_excerpt(_sentence_of(blocks, rate), 40)}”"))
    return problems


def _rate_scopes(sentences, rate: Mention):
    """The counts a rate may be computed from: its own sentence, or the one before when its own has none."""
    for sentence in (rate.sentence, rate.sentence - 1):
        counts = [m for m in sentences.get((rate.block, sentence), [])
                  if not m.delta and m.unit not in ("%", "个百分点")]
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
    if m.delta or m.listed or re.search(r"其中|分别|以上|以下|累计", m.label):
        return None
    label = _FILLER.sub("", m.label)
    if len(re.findall(r"[\u4e00-\u9fff]", label)) < 6:
        return None
    return label


def _check_conflicts(blocks, mentions) -> list[Problem]:
    groups: dict[tuple, list[Mention]] = defaultdict(list)
    for m in mentions:
        label = _conflict_label(m)
        if label:
            groups[(label, m.unit)].append(m)
    problems = []
    for (label, unit), group in groups.items():
        first = group[0]
        for other in group[1:]:
            close = abs(other.value - first.value) <= 0.05 * max(abs(first.value), abs(other.value))
            if other.value != first.value and not ((first.approx or other.approx) and close):
                problems.append(Problem("conflicting_values", WARNING, _where(blocks, first, other),
                                        f"同一数字前后不一致：“{label}”先写{first.text}，后写{other.text}"))
                break
    return problems


# ---------------------------------------------------------------------------------------------
# Copied text and coverage (jieba tokens)
# ---------------------------------------------------------------------------------------------

COPY_THRESHOLD = 0.8
COPY_MIN_CHARS = 40


def _content_tokens(text: str) -> Counter:
    # Numbers and years change every year; a paragraph whose words stay the same is still boilerplate.
    return Counter(t for t in cut_words(TODO_RE.sub("", text))
                   if re.search(r"[\u4e00-\u9fffA-Za-z]", t) and not re.search(r"\d", t))


def _similarity(a: Counter, b: Counter) -> float:
    total = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / total if total else 0.0


def _prior_paragraphs(prior: dict) -> list[str]:
    out = list(prior.get("preamble") or [])

    def walk(items):
        for item in items:
            out.extend(item.get("paragraphs") or [])
            walk(item.get("items") or [])

    for key in PARTS:
        section = prior["sections"][key]
        out.extend(section.get("paragraphs") or [])
        walk(section.get("items") or [])
    return [p for p in out if len(p.strip()) >= COPY_MIN_CHARS]


def _check_copied(blocks: list[Block], prior: dict) -> list[Problem]:
    prior_tokens = [(p, _content_tokens(p)) for p in _prior_paragraphs(prior)]
    problems = []
    for block in blocks:
        # Text still marked as last year's has its own problem (reference_unconfirmed).
        if block.heading or block.status == "reference" or block.section == "closing":
            continue
        if len(TODO_RE.sub("", block.text).strip()) < COPY_MIN_CHARS:
            continue
        tokens = _content_tokens(block.text)
        best, score = None, 0.0
        for text, other in prior_tokens:
            s = _similarity(tokens, other)
            if s > score:
                best, score = text, s
        if score >= COPY_THRESHOLD:
            problems.append(Problem("copied_paragraph", WARNING, block.place,
                                    f"与上年报告的段落几乎相同（相似度 {score:.0%}），容易被看作照抄：“{_excerpt(best, 30)}”"))
    return problems


def _token_hits(text: str, bounds: set[int], word: str) -> bool:
    """`word` occurs without cutting a jieba token in two (立法 is not in 建立|法治)."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (start in bounds and end in bounds) or not any(b in bounds for b in range(start + 1, end)):
            return True
        start = text.find(word, start + 1)
    return False


def _check_coverage(blocks: list[Block]) -> list[Problem]:
    text = "\n".join(TODO_RE.sub("", b.text) for b in blocks if b.section == "measures")
    if not text.strip():
        return []
    bounds, pos = {0}, 0
    for token in cut_words(text):
        pos += len(token)
        bounds.add(pos)
    problems = []
    for _slug, name, words in AREAS:
        if not any(_token_hits(text, bounds, w) for w in words):
            problems.append(Problem("uncovered_area", WARNING, SECTION_NAMES["measures"],
                                    f"没有一项举措涉及纲要的“{name}”方面（如{'、'.join(words[:3])}），请确认是否遗漏"))
    return problems


# ---------------------------------------------------------------------------------------------

def _text_checks(blocks: list[Block], year: int | None, prior: dict | None, draft: bool) -> list[Problem]:
    problems = _check_markers(blocks, skip_figure_markers=draft)
    problems += _check_prior_year(blocks, year)
    problems += _check_numbers(blocks)
    if prior is not None:
        problems += _check_copied(blocks, prior)
    problems += _check_coverage(blocks)
    return problems


def check_model(model: dict, prior: dict | None = None) -> list[Problem]:
    """Every problem of a report (v1) or draft (v2) model, in the order a reviewer reads them."""
    blocks = model_blocks(model)
    problems = _check_parts(model)
    problems += _check_statuses(model)
    problems += _check_figures(model, blocks)
    problems += _text_checks(blocks, (model.get("meta") or {}).get("year"), prior, draft=True)
    return _dedupe(problems)


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        key = (p.kind, p.place, p.message)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


# ---------------------------------------------------------------------------------------------
# A rendered .docx
# ---------------------------------------------------------------------------------------------

# GB/T 9704-2012 faces and the names Word and WPS know them by; the built-in template's names join them.
FACES = {
    "仿宋": ("仿宋_GB2312", "仿宋", "FangSong", "FangSong_GB2312", "方正仿宋_GBK", "方正仿宋简体"),
    "黑体": ("黑体", "SimHei", "方正黑体_GBK", "方正黑体简体"),
    "楷体": ("楷体_GB2312", "楷体", "KaiTi", "KaiTi_GB2312", "方正楷体_GBK", "方正楷体简体"),
    "小标宋": ("方正小标宋简体", "方正小标宋_GBK", "小标宋", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong"),
}
BODY_HALF_POINTS = 32  # 三号 16 pt
TITLE_HALF_POINTS = 44  # 二号 22 pt
_H1_RE = re.compile(r"^\s*[一二三四五六七八九十]+、")
_H2_RE = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]")
_CJK_RE = re.compile(r"[\u3400-\u9fff]")


def _style_chain(style):
    while style is not None:
        yield style.element
        style = style.base_style


def _defaults(doc, tag: str):
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    holder = defaults.find(qn(tag)) if defaults is not None else None
    return holder[0] if holder is not None and len(holder) else None


def _run_props(run, paragraph, doc) -> list:
    """rPr elements from the run outwards: run, character style, paragraph style, document defaults."""
    chain = [run._r.rPr]
    if run._r.rPr is not None and run._r.rPr.rStyle is not None:
        chain += [s.rPr for s in _style_chain(run.style)]
    chain += [s.rPr for s in _style_chain(paragraph.style)]
    chain.append(_defaults(doc, "w:rPrDefault"))
    return [e for e in chain if e is not None]


def _para_props(paragraph, doc) -> list:
    chain = [paragraph._p.pPr] + [s.pPr for s in _style_chain(paragraph.style)]
    chain.append(_defaults(doc, "w:pPrDefault"))
    return [e for e in chain if e is not None]


def _east_asian_face(props: list) -> tuple[str | None, str | None]:
    """('name', 仿宋_GB2312), ('theme', minorEastAsia) or (None, None)."""
    for rpr in props:
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            continue
        if fonts.get(qn("w:eastAsiaTheme")):
            return "theme", fonts.get(qn("w:eastAsiaTheme"))
        if fonts.get(qn("w:eastAsia")):
            return "name", fonts.get(qn("w:eastAsia"))
    return None, None


def _number(value: str | None) -> int | None:
    """An attribute's number; None when a damaged file wrote something else."""
    try:
        return int(float(value))
    except (TypeError, ValueError, OverflowError):
        return None


def _size(props: list) -> int | None:
    for rpr in props:
        sz = rpr.find(qn("w:sz"))
        if sz is not None and sz.get(qn("w:val")):
            return _number(sz.get(qn("w:val")))
    return None


def _alignment(props: list) -> str | None:
    for ppr in props:
        jc = ppr.find(qn("w:jc"))
        if jc is not None:
            return jc.get(qn("w:val"))
    return None


def _indent(props: list) -> dict:
    """First-line and left indent attributes, each from the nearest level that sets it."""
    out: dict = {}
    first_line = ("firstLineChars", "firstLine", "hangingChars", "hanging")
    left = ("leftChars", "left", "startChars", "start")
    for group in (first_line, left):
        for ppr in props:
            ind = ppr.find(qn("w:ind"))
            found = {a: ind.get(qn(f"w:{a}")) for a in group if ind is not None and ind.get(qn(f"w:{a}")) is not None}
            if found:
                out.update({a: _number(v) or 0 for a, v in found.items()})
                break
    return out


# The face family each style of the built-in template stands for.
_TEMPLATE_ROLES = {"Normal": "仿宋", "Heading 1": "黑体", "Heading 2": "楷体", "Title": "小标宋"}


@lru_cache(maxsize=1)
def _faces() -> dict[str, tuple[str, ...]]:
    """The GB/T 9704 faces, with the names the built-in template gives them (what `drafter render` writes)."""
    from docx import Document

    from drafter.render.docx import resolve_template

    faces = {family: list(names) for family, names in FACES.items()}
    styles = Document(resolve_template(None)).styles
    for style in styles:
        family = _TEMPLATE_ROLES.get(style.name)
        if family:
            kind, face = _east_asian_face([s.rPr for s in _style_chain(style) if s.rPr is not None])
            if kind == "name" and face not in faces[family]:
                faces[family].append(face)
    return {family: tuple(names) for family, names in faces.items()}


def _family(face: str) -> str | None:
    return next((family for family, names in _faces().items() if face in names), None)


def _expected_faces(kind: str, index: int, runs: int) -> tuple[str, ...]:
    if kind == "title":
        return ("小标宋",)
    if kind == "attachment":
        return ("黑体",)
    if kind == "h1":
        return ("黑体",) if index == 0 else ("仿宋", "黑体")
    if kind == "h2":
        return ("楷体",) if index == 0 else ("仿宋", "楷体")
    if index == 0 and runs > 1:  # a lead phrase set off in 黑体 or 楷体
        return ("仿宋", "黑体", "楷体")
    return ("仿宋",)


def _face_problem(face_kind, face, allowed) -> str | None:
    wanted = "或".join(f"{f}（{FACES[f][0]}）" if FACES[f][0] != f else f for f in allowed)
    if face_kind == "theme":
        return f"中文字体取自主题（{face}），Word/WPS 会换用其他字体；应直接指定{wanted}"
    if face_kind is None:
        return f"没有指定中文字体，将显示为默认字体；应为{wanted}"
    if _family(face) not in allowed:
        return f"中文字体为“{face}”，应为{wanted}"
    return None


_KIND_NAMES = {"title": "标题", "h1": "一级标题", "h2": "二级标题", "attachment": "附件标识", "recipient": "主送机关",
               "closing": "署名和日期", "centered": "居中行"}


def _layout_problems(doc, paragraphs: list[tuple[int, object, str]]) -> list[Problem]:
    """Fonts, sizes and indents of the body, one problem per kind of fault with the paragraphs it hits."""
    found: dict[tuple[str, str], list[int]] = defaultdict(list)
    for number, paragraph, kind in paragraphs:
        runs = [r for r in paragraph.runs if _CJK_RE.search(r.text or "")]
        for i, run in enumerate(runs):
            props = _run_props(run, paragraph, doc)
            message = _face_problem(*_east_asian_face(props), _expected_faces(kind, i, len(runs)))
            what = _KIND_NAMES.get(kind, "正文")
            if message:
                found[("docx_font", what + message)].append(number)
            size = _size(props)
            wanted = TITLE_HALF_POINTS if kind == "title" else BODY_HALF_POINTS
            if size != wanted:
                have = f"{size / 2:g} 磅" if size else "未设置"
                found[("docx_font", f"{what}字号为{have}，应为{'二号（22 磅）' if kind == 'title' else '三号（16 磅）'}")].append(number)
        if kind in ("title", "centered", "recipient", "closing", "attachment"):
            continue
        if re.match(r"^(　{2}| {4})", paragraph.text):
            continue  # indented with spaces typed in: it reads right
        props = _para_props(paragraph, doc)
        ind = _indent(props)
        size = _size(_run_props(runs[0], paragraph, doc)) if runs else None
        twips = (size or BODY_HALF_POINTS) * 20  # two characters of the run's size
        if "firstLineChars" in ind:
            ok = 180 <= ind["firstLineChars"] <= 220
        else:
            ok = abs(ind.get("firstLine", 0) - twips) <= twips * 0.1
        if ind.get("hanging") or ind.get("hangingChars"):
            ok = False
        if not ok:
            found[("docx_indent", "段落首行没有缩进两个字符")].append(number)
        if any(ind.get(a) for a in ("leftChars", "left", "startChars", "start")):
            found[("docx_indent", "段落有左缩进，回行应顶格")].append(number)
    problems = []
    for (kind, message), numbers in found.items():
        numbers = sorted(set(numbers))
        shown = "、".join(str(n) for n in numbers[:8])
        place = f"第{shown}段" + (f"等共{len(numbers)}段" if len(numbers) > 8 else "")
        problems.append(Problem(kind, ERROR, place, message))
    return problems


# Styles of the built-in template (and Word's Title) that say what a paragraph is.
_ROLE_STYLES = {"Title": "title", "标题": "title", "发文字号": "centered", "主送机关": "recipient",
                "发文机关署名": "closing", "成文日期": "closing", "附件标识": "attachment"}
_DOC_NUMBER_RE = re.compile(r"[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号$")


def _paragraph_kinds(doc) -> list[tuple[int, object, str]]:
    """(number among non-empty paragraphs, paragraph, kind): title, recipient, centered, closing, attachment, h1, h2, body."""
    out = []
    in_title, recipient_done, closing = True, False, False
    for paragraph in doc.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        number = len(out) + 1
        role = _ROLE_STYLES.get(paragraph.style.name if paragraph.style is not None else "")
        align = _alignment(_para_props(paragraph, doc))
        centered = align == "center"
        if role is None and _DOC_NUMBER_RE.search(text) and len(text) <= 30:
            role = "centered"
        if role is None and re.fullmatch(r"附件\s*\d*", text):
            role = "attachment"  # the 附件 mark atop an attachment, 黑体
        if role is None and in_title and (centered or number == 1):
            role = "title"
        elif role is None and not recipient_done and re.search(r"[：:]$", text) and len(text) <= 40:
            role = "recipient"  # the first line under the title, ending with a colon
        in_title = in_title and role in ("title", "centered")
        recipient_done = recipient_done or not in_title
        if role:
            out.append((number, paragraph, role))
            continue
        if text.startswith("特此报告"):
            closing = True
            out.append((number, paragraph, "body"))
        elif align in ("right", "end") or closing:
            out.append((number, paragraph, "closing"))
        elif centered:
            out.append((number, paragraph, "centered"))
        else:
            out.append((number, paragraph, _heading_kind(paragraph, doc, text)))
    return out


def _heading_kind(paragraph, doc, text: str) -> str:
    """h1 (一、, 黑体) or h2 (（一）, 楷体) by the style's outline level, else by a numbered line of its own."""
    level = None
    for ppr in _para_props(paragraph, doc):
        outline = ppr.find(qn("w:outlineLvl"))
        if outline is not None:
            level = (_number(outline.get(qn("w:val"))) or 0) + 1
            break
    if level is None:
        m = re.search(r"(?:heading|标题)\s*(\d)", paragraph.style.name if paragraph.style is not None else "", re.I)
        level = int(m.group(1)) if m else None
    # A numbered paragraph that goes on with its text (（四）【待填…】, (一)…。一是…) is body text.
    standalone = len(text) <= 30 and not re.search(r"[。；【]", text)
    if _H1_RE.match(text) and (level == 1 or level is None and standalone):
        return "h1"
    if _H2_RE.match(text) and (level == 2 or level is None and standalone):
        return "h2"
    return "body"


def _docx_year(kinds, prior: dict | None) -> int | None:
    """The year reported on: from the title (or, in a pasted web page, the first line naming the report)."""
    lines = [p.text for _n, p, kind in kinds if kind == "title"] + [p.text for _n, p, _k in kinds[:12]]
    for text in lines:
        m = re.search(r"((?:19|20)\d{2})\s*年", text)
        if m and re.search(r"法治|依法行政|报告", text):
            return int(m.group(1))
    prior_year = ((prior or {}).get("meta") or {}).get("year")
    return prior_year + 1 if prior_year else None


def docx_blocks(kinds, year: int | None) -> tuple[list[Block], set[str]]:
    """The paragraphs as blocks, each in the part its 一、 heading names; and the parts found."""
    from drafter.parse.classify import classify_heading

    blocks, section, found = [], "preamble", set()
    for number, paragraph, kind in kinds:
        if kind == "recipient":
            continue
        text = paragraph.text.strip()
        if kind == "title":
            blocks.append(Block(f"第{number}段", "title", text, heading=True, raw=text))
            continue
        if kind == "h1":
            part = classify_heading(_H1_RE.sub("", text), year)
            if part == "combined":  # 存在的问题和下一步打算
                found |= {"shortcomings", "plan"}
                section = "shortcomings"
            elif part in PARTS:
                found.add(part)
                section = part
            elif section == "preamble":
                section = "measures"  # a thematic first part reports measures
                found.add("measures")
        elif kind == "closing" or text.startswith("特此报告"):
            section = "closing"
        status = "reference" if _is_reference(paragraph, text) else None
        blocks.append(Block(f"第{number}段", section, text, heading=kind in ("h1", "h2"), status=status, raw=text))
    return blocks, found


def _is_reference(paragraph, text: str) -> bool:
    """Last year's text the renderer kept for the clerk: after its mark, or tinted as reference."""
    from drafter.render.docx import REFERENCE_HIGHLIGHT

    if _REFERENCE_MARK_RE.search(text):
        return True
    for run in paragraph.runs:
        rpr = run._r.rPr
        mark = rpr.find(qn("w:highlight")) if rpr is not None else None
        if mark is not None and mark.get(qn("w:val")) == REFERENCE_HIGHLIGHT and _CJK_RE.search(run.text or ""):
            return True
    return False


def _docx_missing_parts(blocks: list[Block], found: set[str]) -> list[Problem]:
    """A mandatory part with neither its heading nor the sentences that report it."""
    from drafter.parse.classify import split_paragraph

    texts = [b.text for b in blocks if b.section not in ("title", "closing") and not b.heading]
    present = set(found)
    # Measures and shortcomings often mention 第一责任人 in passing; a heading or lead phrase on it is the part.
    leads = [re.split(r"[。；]", t, maxsplit=1)[0] for t in texts]
    if any(len(lead) <= 60 and re.search(r"第一责任人|主要负责人.{0,6}履", lead) for lead in leads):
        present.add("duties")
    if any(split_paragraph(t, True, False)[1] for t in texts):
        present.add("shortcomings")  # 虽然取得…成绩，但也还存在一些不足…
    if any(split_paragraph(t, False, True)[2] for t in texts):
        present.add("plan")  # 下一步，我们将…
    return [Problem("missing_part", WARNING, "全文", f"没有找到“{SECTION_NAMES[key]}”部分，请确认报告包含这部分内容")
            for key in MANDATORY if key not in present]


def check_docx(path: str | Path, prior: dict | None = None) -> list[Problem]:
    """Every problem of a rendered report: text left unfilled or stale, contradictions, coverage, layout."""
    from docx import Document
    from docx.exceptions import PythonDocxError

    from drafter.read.document import BAD_DOCX, _check_docx_zip

    data = read_input_bytes(path, MAX_DOCX_BYTES)
    _check_docx_zip(data, Path(path))  # the reader's gate: old .doc, damaged zips, zip bombs
    try:
        doc = Document(io.BytesIO(data))
    except Exception as exc:  # any failure to open the package means a damaged file, not a bug to show
        raise DrafterError(BAD_DOCX, path) from exc
    try:
        return _check_document(doc, prior, path)
    except PythonDocxError as exc:  # python-docx checks attribute values only when they are read
        raise DrafterError(BAD_DOCX.replace("文件可能已损坏或不完整", "正文的格式数据有误"), path) from exc


def _check_document(doc, prior: dict | None, path) -> list[Problem]:
    kinds = _paragraph_kinds(doc)
    if not kinds:
        raise DrafterError("Word 文件中没有文字", path)
    year = _docx_year(kinds, prior)
    blocks, found_parts = docx_blocks(kinds, year)
    if not any(kind == "h1" for _n, _p, kind in kinds):
        # No parts at all: the body is read as measures (for coverage), the parts are not judged.
        for block in blocks:
            block.section = "measures" if block.section == "preamble" else block.section
        problems = []
    else:
        problems = _docx_missing_parts(blocks, found_parts)
    problems += _text_checks(blocks, year, prior, draft=False)
    problems += _layout_problems(doc, kinds)
    return _dedupe(problems)


# ---------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------

GROUPS = (
    ("缺项与未填", ("missing_part", "unfilled_figure", "unfilled_text", "unknown_placeholder")),
    ("沿用上年", ("reference_unconfirmed", "prior_year", "same_as_prior", "copied_paragraph")),
    ("数字矛盾", ("closed_exceeds_accepted", "rate_mismatch", "percent_over_100", "conflicting_values")),
    ("纲要领域覆盖", ("uncovered_area",)),
    ("版式", ("docx_font", "docx_indent")),
)
SEVERITY_NAMES = {ERROR: "错误", WARNING: "提醒"}


def format_text(problems: list[Problem], target: str) -> str:
    if not problems:
        return f"{target}：未发现问题。"
    errors = sum(1 for p in problems if p.severity == ERROR)
    lines = [f"{target}：发现 {len(problems)} 个问题（错误 {errors} 个，提醒 {len(problems) - errors} 个）"]
    for title, kinds in GROUPS:
        group = [p for p in problems if p.kind in kinds]
        if not group:
            continue
        lines.append("")
        lines.append(f"【{title}】{len(group)} 个")
        for p in sorted(group, key=lambda p: p.severity != ERROR):
            lines.append(f"  [{SEVERITY_NAMES[p.severity]}] {p.place}：{p.message}")
    return "\n".join(lines)


def check_path(target: str | Path, prior_path: str | Path | None = None) -> list[Problem]:
    from drafter.model.legacy import load_model

    target = Path(target)
    if prior_path and Path(prior_path).suffix.lower() not in (".yaml", ".yml"):
        raise DrafterError("--prior 应为上一年度报告的 YAML（由 drafter parse 生成）", prior_path)
    prior = load_model(prior_path) if prior_path else None
    suffix = target.suffix.lower()
    if suffix == ".docx":
        return check_docx(target, prior)
    if suffix in (".yaml", ".yml"):
        return check_model(load_model(target), prior)
    raise DrafterError(f"不支持的文件类型“{target.suffix or '无扩展名'}”；请给出草稿 .yaml 或 .docx 文件", target)
