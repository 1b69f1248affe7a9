"""The `new` step: last year's parsed report (v1) -> this year's draft (v2) with figures to fill."""

from __future__ import annotations

import copy
import re

from drafter.parse.nodes import PARTS
from drafter.errors import DrafterError
from drafter.model.legacy import SCHEMA_VERSION_DRAFT, SCHEMA_VERSION_REPORT, validate_data

# A year written as digits and followed by 年, not part of a longer number nor of a range (2021-2025年).
_YEAR_RE = re.compile(r"(?<![\d\-–—~～至到])(\d{4})(?=年)(?!年?[\-–—~～至到]\d)")
# Text inside these brackets names a document or a document number: its years are left alone.
_QUOTED_RE = re.compile(r"《[^《》]*》|〔[^〔〕]*〕|\[[^\[\]]*\]")
_CN_DATE_RE = re.compile(r"^\s*(\d{4}|[〇零一二三四五六七八九○]{4})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日\s*$")
_ISO_DATE_RE = re.compile(r"^\s*\d{4}[-./]\d{1,2}[-./]\d{1,2}\s*$")
_SENTENCE_END_RE = re.compile(r"(?<=[。！？；!?;])")

_RESOLVE_RE = re.compile(r"\s*(针对|对此|对于上述|下一步|今后|我们将)")

DATE_TODO = "【待填：成文日期（如 {year}年1月20日）】"


def shift_years(text: str | None, mapping: dict[int, int]) -> str | None:
    """Replace the years in `mapping` (old -> new) in one pass, outside 《》 and 〔〕."""
    if not text or not mapping:
        return text

    def swap(segment: str) -> str:
        return _YEAR_RE.sub(lambda m: str(mapping.get(int(m.group(1)), m.group(1))), segment)

    out, pos = [], 0
    for quoted in _QUOTED_RE.finditer(text):
        out.append(swap(text[pos:quoted.start()]))
        out.append(quoted.group(0))
        pos = quoted.end()
    out.append(swap(text[pos:]))
    return "".join(out)


def new_title(prior_title: str | None, region: str | None, prior_year: int, year: int) -> str:
    """关于2023年…的报告 -> 关于2024年…; a title without a year is composed afresh."""
    if prior_title and re.search(r"(?<!\d)\d{4}(?=年)", prior_title):
        shift = year - prior_year
        return re.sub(r"(?<!\d)(\d{4})(?=年)", lambda m: str(int(m.group(1)) + shift), prior_title)
    for zero in "〇零○":
        # 二〇二三年: a year in Chinese numerals is rewritten the same way.
        written = _chinese_year(prior_year, zero)
        if prior_title and written + "年" in prior_title:
            return prior_title.replace(written + "年", _chinese_year(year, zero) + "年")
    return f"{region or ''}{year}年法治政府建设情况报告"


def _chinese_year(year: int, zero: str) -> str:
    return "".join((zero + "一二三四五六七八九")[int(d)] for d in str(year))


def _item_text(item: dict) -> list[str]:
    """An item's words as lines, sub-items' headings and paragraphs included (for `reference`)."""
    lines = list(item.get("paragraphs") or [])
    for sub in item.get("items") or []:
        if sub.get("heading"):
            lines.append(sub["heading"])
        lines.extend(_item_text(sub))
    return lines


def _short(text: str, limit: int = 30) -> str:
    text = re.sub(r"\s+", "", text).rstrip("。；;，,")
    return text if len(text) <= limit else text[:limit] + "…"


def _inner_quotes(text: str) -> str:
    """Quotes inside a quotation become single quotes, as Chinese writing nests them."""
    return text.replace("“", "‘").replace("”", "’")


def _lead_clause(text: str, limit: int = 40) -> str | None:
    """A problem's first clause as its heading (依法行政意识能力有待提高), if short enough to be one."""
    clause = re.split(r"[。；;，,：:]", text.strip(), maxsplit=1)[0].strip()
    return clause if 4 <= len(clause) <= limit else None


class _Placer:
    """Puts `{Fnnn}` where each prior figure was written, in the text the draft will render."""

    def __init__(self, figures: list[dict]):
        self.pending: dict[str, list[dict]] = {}
        for figure in figures:
            where = (figure["section"], figure.get("item"))
            self.pending.setdefault(where, []).append(figure)
        self.placed: dict[str, tuple[str, str | None]] = {}

    def place(self, section: str, path: str | None, texts: list[str], draft_section: str, draft_path: str | None) -> list[str]:
        """Replace in `texts` (heading and paragraphs of one prior location) the figures found there."""
        texts = list(texts)
        # sentence as parsed -> (index in texts, the sentence as edited so far, where the last figure ended)
        edited: dict[str, tuple[int, str, int]] = {}
        for figure in self.pending.pop((section, path), []):
            written, sentence = figure.get("text") or "", figure.get("sentence") or ""
            if not written:
                continue
            token = "{" + figure["id"] + "}"
            state = edited.get(sentence)
            if state is None and sentence:
                state = next(((i, sentence, 0) for i, text in enumerate(texts) if sentence in text), None)
            if state is not None:
                i, current, cursor = state
                start = texts[i].find(current)
                at = _find_figure(current, written, cursor)
                if at < 0:
                    at = _find_figure(current, written, 0)
                if start >= 0 and at >= 0:
                    changed = current[:at] + token + current[at + len(written):]
                    texts[i] = texts[i][:start] + changed + texts[i][start + len(current):]
                    edited[sentence] = (i, changed, at + len(token))
                    self.placed[figure["id"]] = (draft_section, draft_path)
                    continue
            # The sentence was not found as parsed (spacing, a heading split off): the first free occurrence.
            for i, text in enumerate(texts):
                at = _find_figure(text, written, 0)
                if at >= 0:
                    texts[i] = text[:at] + token + text[at + len(written):]
                    self.placed[figure["id"]] = (draft_section, draft_path)
                    break
        return texts


def _find_figure(text: str, written: str, start: int) -> int:
    """Where `written` stands as a whole number in `text` (not inside 124 nor inside a {F012} placeholder)."""
    at = text.find(written, start)
    while at >= 0:
        before = text[at - 1] if at else ""
        after = text[at + len(written)] if at + len(written) < len(text) else ""
        inside = text.rfind("{", 0, at) > text.rfind("}", 0, at)
        if not inside and not (written[0].isdigit() and (before.isdigit() or before == ".")) and not (
                written[-1].isdigit() and (after.isdigit() or after == ".")):
            return at
        at = text.find(written, at + 1)
    return -1


class _Builder:
    def __init__(self, prior: dict, year: int, prior_year: int):
        self.prior = prior
        self.year = year
        self.prior_year = prior_year
        # The report year and the year after it (a plan's year) move together.
        self.years = {prior_year: year, prior_year + 1: year + 1}
        self.placer = _Placer(prior.get("figures") or [])

    def text(self, value: str | None) -> str | None:
        """Years moved; the year before the report year moves too in a sentence that also names the
        report year (2023年度预算、2022年度决算; 较2022年增长), where it is plainly relative to it."""
        if not value:
            return value
        report_year = re.compile(rf"(?<!\d){self.prior_year}(?=年)")
        paired = {**self.years, self.prior_year - 1: self.year - 1}
        return "".join(shift_years(sentence, paired if report_year.search(_QUOTED_RE.sub("", sentence)) else self.years)
                       for sentence in _SENTENCE_END_RE.split(value))

    # -- prior text kept as reference items ----------------------------------------------
    def reference_item(self, item: dict, section: str, path: str, draft_section: str, draft_id: str, origin: str) -> dict:
        heading = item.get("heading")
        texts = self.placer.place(section, path, [heading or ""] + list(item.get("paragraphs") or []), draft_section, draft_id.split(".", 1)[1])
        out = {
            "heading": self.text(texts[0]) if heading else heading,
            "paragraphs": [self.text(p) for p in texts[1:]],
            "items": [],
            "id": draft_id,
            "status": "reference",
            "origin": origin,
            "prompt": f"上年表述，请核实并改写为{self.year}年的情况" + (f"：{_short(heading)}" if heading else ""),
            "reference": list(item.get("paragraphs") or []),
        }
        for n, sub in enumerate(item.get("items") or [], 1):
            out["items"].append(self.reference_item(sub, section, f"{path}.{n}", draft_section, f"{draft_id}.{n}", origin))
        return out

    def section_paragraphs(self, key: str, draft_section: str) -> list[str]:
        prior = self.prior["sections"][key]
        return [self.text(p) for p in self.placer.place(key, None, list(prior.get("paragraphs") or []), draft_section, None)]

    # -- the five parts -----------------------------------------------------------------
    def measures(self) -> dict:
        prior = self.prior["sections"]["measures"]
        plan = self.prior["sections"]["plan"]
        items: list[dict] = []
        for item in plan.get("items") or []:
            heading = item.get("heading")
            items.append({
                "heading": heading,
                "paragraphs": [],
                "items": [],
                "id": f"measures.{len(items) + 1}",
                "status": "todo",
                "origin": "prior_plan",
                "prompt": f"请填写本年度落实情况：{_short(heading or (_item_text(item) or ['上年安排的这项工作'])[0])}",
                "reference": ([heading] if heading else []) + _item_text(item),
            })
        if not plan.get("items") and plan.get("paragraphs"):
            # A plan written as one 下一步 paragraph still promised something: ask what became of it.
            items.append({
                "heading": None,
                "paragraphs": [],
                "items": [],
                "id": f"measures.{len(items) + 1}",
                "status": "todo",
                "origin": "prior_plan",
                "prompt": "请填写上年“下一步工作安排”的本年度落实情况",
                "reference": list(plan["paragraphs"]),
            })
        for n, item in enumerate(prior.get("items") or [], 1):
            items.append(self.reference_item(item, "measures", str(n), "measures", f"measures.{len(items) + 1}", "prior_measures"))
        paragraphs = self.section_paragraphs("measures", "measures")
        section = {"heading": self.text(prior.get("heading")) or "主要举措和成效", "paragraphs": paragraphs, "items": items}
        if paragraphs:
            section.update(status="reference", prompt=f"上年的概述，请核实并改写为{self.year}年的情况", reference=list(prior.get("paragraphs") or []))
        return section

    def shortcomings(self) -> dict:
        prior = self.prior["sections"]["shortcomings"]
        problems: list[tuple[str | None, list[str]]] = []
        for item in prior.get("items") or []:
            problems.append((item.get("heading"), ([item["heading"]] if item.get("heading") else []) + _item_text(item)))
        if not problems:
            paragraphs = [p for p in prior.get("paragraphs") or [] if p.strip()]
            if len(paragraphs) > 1:
                # A lead-in (…主要是：) or a closing resolve (针对这些问题，…) names no problem of its own.
                problems_only = [p for p in paragraphs if not re.search(r"[：:]\s*$", p) and not _RESOLVE_RE.match(p)]
                paragraphs = problems_only or paragraphs
            if len(paragraphs) == 1:
                problems = [(None, [part]) for part in split_problems(paragraphs[0])]
            else:
                problems = [(None, [p]) for p in paragraphs]
        items = []
        for heading, reference in problems:
            heading = heading or _lead_clause(reference[0])
            label = heading or _short(reference[0])
            items.append({
                "heading": heading,
                "paragraphs": [],
                "items": [],
                "id": f"shortcomings.{len(items) + 1}",
                "status": "todo",
                "origin": "prior_shortcomings",
                "prompt": f"上年指出的不足“{_inner_quotes(label)}”：请写明本年度的整改情况，以及该问题是否仍然存在",
                "reference": reference,
            })
        items.append({
            "heading": None,
            "paragraphs": [],
            "items": [],
            "id": f"shortcomings.{len(items) + 1}",
            "status": "todo",
            "origin": "new",
            "prompt": f"请补充{self.year}年新发现的不足及其原因（没有可删除此项）",
            "reference": [],
        })
        return {"heading": self.text(prior.get("heading")) or "存在的不足和原因", "paragraphs": [], "items": items,
                "reference": list(prior.get("paragraphs") or [])}

    def duties(self) -> dict:
        prior = self.prior["sections"]["duties"]
        items = [self.reference_item(item, "duties", str(n), "duties", f"duties.{n}", "prior_duties")
                 for n, item in enumerate(prior.get("items") or [], 1)]
        paragraphs = self.section_paragraphs("duties", "duties")
        section = {"heading": self.text(prior.get("heading")) or "党政主要负责人履行推进法治建设第一责任人职责情况",
                   "paragraphs": paragraphs, "items": items}
        if paragraphs:
            section.update(status="reference", prompt=f"上年的表述，请核实并改写为{self.year}年的情况", reference=list(prior.get("paragraphs") or []))
        if not items and not paragraphs:
            # Required by the national rule even when last year's report left it out.
            section["items"].append({
                "heading": None, "paragraphs": [], "items": [], "id": "duties.1", "status": "todo", "origin": "new",
                "prompt": f"请写明{self.year}年党政主要负责人履行推进法治建设第一责任人职责的情况（如专题研究、述法、督办等）",
                "reference": self.duties_in_measures(),
            })
        return section

    def duties_in_measures(self) -> list[str]:
        """Last year's words on the first-responsibility duty when they sat among the measures."""
        def walk(items: list[dict]) -> list[str]:
            for item in items:
                if item.get("heading") and re.search(r"第一责任人|主要负责人", item["heading"]):
                    return [item["heading"]] + _item_text(item)
                found = walk(item.get("items") or [])
                if found:
                    return found
            return []

        return walk(self.prior["sections"]["measures"].get("items") or [])

    def plan(self) -> dict:
        prior = self.prior["sections"]["plan"]
        items = []
        for item in prior.get("items") or []:
            heading = self.text(item.get("heading"))
            first = [item["heading"]] if item.get("heading") else _item_text(item)
            items.append({
                "heading": heading, "paragraphs": [], "items": [], "id": f"plan.{len(items) + 1}",
                "status": "todo", "origin": "prior_plan",
                "prompt": f"请填写{self.year + 1}年的工作安排" + (f"（上年安排：{_short(first[0])}，可沿用或改写）" if first else ""),
                "reference": ([item["heading"]] if item.get("heading") else []) + _item_text(item),
            })
        paragraphs = [] if not items else self.section_paragraphs("plan", "plan")
        if not items:
            items.append({
                "heading": None, "paragraphs": [], "items": [], "id": "plan.1", "status": "todo",
                "origin": "prior_plan" if prior.get("paragraphs") else "new",
                "prompt": f"请填写{self.year + 1}年的工作安排" + ("（上年的安排见参考，可沿用或改写）" if prior.get("paragraphs") else ""),
                "reference": list(prior.get("paragraphs") or []),
            })
        section = {"heading": self.text(prior.get("heading")) or f"{self.year + 1}年度主要工作安排", "paragraphs": paragraphs, "items": items}
        if paragraphs:
            section.update(status="reference", prompt=f"上年的概述（年份已推进），请核实并改写为{self.year + 1}年的安排", reference=list(prior.get("paragraphs") or []))
        return section

    def other(self) -> dict:
        prior = self.prior["sections"]["other"]
        items = [self.reference_item(item, "other", str(n), "other", f"other.{n}", "prior_other")
                 for n, item in enumerate(prior.get("items") or [], 1)]
        paragraphs = self.section_paragraphs("other", "other")
        section = {"heading": self.text(prior.get("heading")), "paragraphs": paragraphs, "items": items}
        if paragraphs:
            section.update(status="reference", prompt=f"上年的表述，请核实并改写为{self.year}年的情况", reference=list(prior.get("paragraphs") or []))
        return section

    # -- frame --------------------------------------------------------------------------
    def preamble(self) -> list[str]:
        return [self.text(p) for p in self.placer.place("preamble", None, list(self.prior.get("preamble") or []), "preamble", None)]

    def closing(self) -> list[str]:
        # Last year's date, its 此件公开发布 note and its 印发 line (dated too) are not this year's.
        kept = [line for line in self.prior.get("closing") or []
                if not (_CN_DATE_RE.match(line) or _ISO_DATE_RE.match(line)) and not re.match(r"\s*[（(]此件", line)
                and not re.search(r"印发\s*$", line)]
        kept = [self.text(line) for line in kept]  # 附件：1.某市2023年…情况表 is this year's attachment
        if len(kept) == len([line for line in kept if "特此报告" in line]) and self.prior["meta"].get("issuer"):
            kept.append(self.prior["meta"]["issuer"])
        return kept + [DATE_TODO.format(year=self.year + 1)]

    def build(self) -> dict:
        meta = self.prior["meta"]
        draft = {
            "schema_version": SCHEMA_VERSION_DRAFT,
            "meta": {
                "region": meta.get("region"),
                "year": self.year,
                "title": new_title(meta.get("title"), meta.get("region"), self.prior_year, self.year),
                "issuer": meta.get("issuer"),
                "date": None,
                "recipient": meta.get("recipient"),
                "doc_number": None,
                "source": None,
                "published": None,
            },
            "preamble": self.preamble(),
            "sections": {},
            "closing": [],
            "figures": [],
            "draft": {"prior_year": self.prior_year, "prior_title": meta.get("title"), "prior_source": meta.get("source"),
                      "preamble_status": "reference" if self.prior.get("preamble") else "done"},
        }
        for key in PARTS:
            draft["sections"][key] = getattr(self, key)()
        draft["closing"] = self.closing()
        for figure in self.prior.get("figures") or []:
            section, path = self.placer.placed.get(figure["id"], (figure["section"], figure.get("item")))
            new = {
                "id": figure["id"], "label": figure["label"], "value": None, "unit": figure.get("unit"), "approx": None,
                "sentence": figure.get("sentence") or "", "section": section, "item": path,
            }
            if figure.get("text") is not None:
                new["text"] = figure["text"]
            new["prior"] = figure.get("value")
            new["prior_approx"] = figure.get("approx")
            draft["figures"].append(new)
        return draft


def split_problems(paragraph: str) -> list[str]:
    """The problems listed in one paragraph: 一是…二是…, or 如A，B，C等, else its sentences."""
    numbered = re.split(r"[一二三四五六七八九十]是[，,：:]?", paragraph)
    if len(numbered) > 2:
        return [part.strip().rstrip("；;，,。") for part in numbered[1:] if part.strip()]
    # Try each lead word in turn: 存在一些不足,如A,B,C — "一些不足" is no problem, the list after 如 is.
    for lead in re.finditer(r"比如|例如|诸如|如|主要(?:是|有|表现在)|存在", paragraph):
        listing = re.match(r"[，,：:]?([^。；;]+)", paragraph[lead.end():])
        if not listing:
            continue
        parts = [p.strip() for p in re.split(r"[，,、]", listing.group(1)) if p.strip()]
        parts = [re.sub(r"等(问题|方面|情况|不足)?$", "", p) for p in parts if not re.match(r"(这些|以上|上述|针对|对此|产生)", p)]
        if len(parts) >= 2 and all(len(p) >= 6 for p in parts):
            return parts
    sentences = [s.strip() for s in _SENTENCE_END_RE.split(paragraph) if s.strip()]
    return sentences or [paragraph]


def build_draft(prior: dict, year: int | None = None) -> dict:
    """This year's draft from last year's model; `year` defaults to last year's + 1."""
    if prior.get("schema_version") != SCHEMA_VERSION_REPORT:
        raise DrafterError("这已是草稿（schema_version 2）；请给出 drafter parse 生成的上一年度 YAML")
    prior_year = prior["meta"].get("year")
    if year is None:
        if prior_year is None:
            raise DrafterError("上一年度报告的年份未识别，请用 --year 指定本年度")
        year = prior_year + 1
    if prior_year is None:
        prior_year = year - 1
    if year <= prior_year:
        raise DrafterError(f"本年度（{year}）应晚于上一年度报告的年度（{prior_year}）")
    draft = _Builder(copy.deepcopy(prior), year, prior_year).build()
    return validate_data(draft)
