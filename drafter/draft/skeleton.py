"""The `new` step: last year's parsed report -> this year's draft, with figures to fill."""

from __future__ import annotations

import copy

from drafter.draft.patterns import (
    CLAUSE_END_RE,
    DUTY_HEADING_RE,
    LEAD_IN_RE,
    LISTING_LEAD_RE,
    LISTING_RE,
    LISTING_SEPARATOR_RE,
    LISTING_TAIL_RE,
    NUMBERED_PROBLEM_RE,
    POINTER_RE,
    PRINTED_RE,
    RESOLVE_RE,
    SENTENCE_END_RE,
    SPACES_RE,
    THIS_DOCUMENT_NOTE_RE,
    TRAILING_PUNCT,
)
from drafter.draft.placing import Placer
from drafter.draft.years import YearShift, new_title
from drafter.errors import DrafterError
from drafter.model.files import validate_report
from drafter.model.report import Closing, DraftInfo, Figure, Item, Meta, Report, Section
from drafter.vocab import DONE, PARTS, REFERENCE, default_heading


def _short(text: str, limit: int = 30) -> str:
    text = SPACES_RE.sub("", text).rstrip(TRAILING_PUNCT)
    return text if len(text) <= limit else text[:limit] + "…"


def _inner_quotes(text: str) -> str:
    """Quotes inside a quotation become single quotes, as Chinese writing nests them."""
    return text.replace("“", "‘").replace("”", "’")


def _lead_clause(text: str, limit: int = 40) -> str | None:
    """A problem's first clause as its heading (依法行政意识能力有待提高), if short enough to be one."""
    clause = CLAUSE_END_RE.split(text.strip(), maxsplit=1)[0].strip()
    return clause if 4 <= len(clause) <= limit else None


def _with_heading(item: Item) -> list[str]:
    """An item's heading, then its words: what the clerk is shown of it as reference."""
    return ([item.heading] if item.heading else []) + item.words()


def split_problems(paragraph: str) -> list[str]:
    """The problems listed in one paragraph: 一是…二是…, or 如A，B，C等, else its sentences."""
    numbered = NUMBERED_PROBLEM_RE.split(paragraph)
    if len(numbered) > 2:
        return [part.strip().rstrip(TRAILING_PUNCT) for part in numbered[1:] if part.strip()]
    # Try each lead word in turn: 存在一些不足,如A,B,C — "一些不足" is no problem, the list after 如 is.
    for lead in LISTING_LEAD_RE.finditer(paragraph):
        listing = LISTING_RE.match(paragraph[lead.end():])
        if not listing:
            continue
        parts = [p.strip() for p in LISTING_SEPARATOR_RE.split(listing.group(1)) if p.strip()]
        parts = [LISTING_TAIL_RE.sub("", p) for p in parts if not POINTER_RE.match(p)]
        if len(parts) >= 2 and all(len(p) >= 6 for p in parts):
            return parts
    sentences = [s.strip() for s in SENTENCE_END_RE.split(paragraph) if s.strip()]
    return sentences or [paragraph]


class _Builder:
    def __init__(self, prior: Report, year: int, prior_year: int):
        self.prior = prior
        self.year = year
        self.prior_year = prior_year
        self.text = YearShift(prior_year, year)
        self.placer = Placer(prior.figures)

    def heading(self, key: str) -> str | None:
        """Last year's heading of the part, years moved; else the part's default heading."""
        heading = self.text(self.prior.sections[key].heading)
        if heading or key == "other":  # "other" prints only when it has something to report
            return heading
        return default_heading(key, self.year)

    # -- prior text kept as reference items ----------------------------------------------
    def carried(self, item: Item, section: str, path: str, draft_id: str, origin: str) -> Item:
        """Last year's item with its figures as placeholders and its years moved, for the clerk to confirm."""
        heading = item.heading
        texts = self.placer.place(section, path, [heading or "", *item.paragraphs], section, draft_id.split(".", 1)[1])
        out = Item.carried(
            draft_id, f"上年表述，请核实并改写为{self.year}年的情况" + (f"：{_short(heading)}" if heading else ""),
            heading=self.text(texts[0]) if heading else heading, paragraphs=[self.text(p) for p in texts[1:]],
            origin=origin, reference=item.paragraphs)
        out.items = [self.carried(sub, section, f"{path}.{n}", f"{draft_id}.{n}", origin)
                     for n, sub in enumerate(item.items, 1)]
        return out

    def carried_items(self, key: str, origin: str, first: int = 1) -> list[Item]:
        return [self.carried(item, key, str(n), f"{key}.{first + n - 1}", origin)
                for n, item in enumerate(self.prior.sections[key].items, 1)]

    def part(self, key: str, items: list[Item], paragraphs: list[str] | None = None,
             prompt: str | None = None) -> Section:
        """A part of the draft; with last year's own paragraphs (figures placed, years moved) for reference."""
        prior = self.prior.sections[key]
        if paragraphs is None:
            paragraphs = [self.text(p) for p in self.placer.place(key, None, prior.paragraphs, key, None)]
        section = Section(key=key, heading=self.heading(key), paragraphs=paragraphs, items=items)
        if paragraphs:
            section.status, section.prompt, section.reference = REFERENCE, prompt, list(prior.paragraphs)
        return section

    # -- the five parts -----------------------------------------------------------------
    def measures(self) -> Section:
        plan = self.prior.sections["plan"]
        items = [Item.todo(f"measures.{n}", f"请填写本年度落实情况：{_short(item.heading or (item.words() or ['上年安排的这项工作'])[0])}",
                           heading=item.heading, origin="prior_plan", reference=_with_heading(item))
                 for n, item in enumerate(plan.items, 1)]
        if not plan.items and plan.paragraphs:
            # A plan written as one 下一步 paragraph still promised something: ask what became of it.
            items.append(Item.todo("measures.1", "请填写上年“下一步工作安排”的本年度落实情况", origin="prior_plan",
                                   reference=plan.paragraphs))
        items += self.carried_items("measures", "prior_measures", first=len(items) + 1)
        return self.part("measures", items, prompt=f"上年的概述，请核实并改写为{self.year}年的情况")

    def shortcomings(self) -> Section:
        prior = self.prior.sections["shortcomings"]
        problems: list[tuple[str | None, list[str]]] = [(item.heading, _with_heading(item)) for item in prior.items]
        if not problems:
            paragraphs = [p for p in prior.paragraphs if p.strip()]
            if len(paragraphs) > 1:
                # A lead-in (…主要是：) or a closing resolve (针对这些问题，…) names no problem of its own.
                problems_only = [p for p in paragraphs if not LEAD_IN_RE.search(p) and not RESOLVE_RE.match(p)]
                paragraphs = problems_only or paragraphs
            if len(paragraphs) == 1:
                problems = [(None, [part]) for part in split_problems(paragraphs[0])]
            else:
                problems = [(None, [p]) for p in paragraphs]
        items = []
        for n, (heading, reference) in enumerate(problems, 1):
            heading = heading or _lead_clause(reference[0])
            label = heading or _short(reference[0])
            items.append(Item.todo(
                f"shortcomings.{n}", f"上年指出的不足“{_inner_quotes(label)}”：请写明本年度的整改情况，以及该问题是否仍然存在",
                heading=heading, origin="prior_shortcomings", reference=reference))
        items.append(Item.todo(f"shortcomings.{len(items) + 1}", f"请补充{self.year}年新发现的不足及其原因（没有可删除此项）"))
        # Last year's paragraphs became the items above: the part keeps them only as reference.
        section = self.part("shortcomings", items, paragraphs=[])
        section.reference = list(prior.paragraphs)
        return section

    def duties(self) -> Section:
        section = self.part("duties", self.carried_items("duties", "prior_duties"),
                            prompt=f"上年的表述，请核实并改写为{self.year}年的情况")
        if not section.items and not section.paragraphs:
            # Required by the national rule even when last year's report left it out.
            section.items.append(Item.todo(
                "duties.1", f"请写明{self.year}年党政主要负责人履行推进法治建设第一责任人职责的情况（如专题研究、述法、督办等）",
                reference=self.duties_in_measures()))
        return section

    def duties_in_measures(self) -> list[str]:
        """Last year's words on the first-responsibility duty when they sat among the measures."""
        found = next((item for item in self.prior.sections["measures"].walk()
                      if item.heading and DUTY_HEADING_RE.search(item.heading)), None)
        return _with_heading(found) if found else []

    def plan(self) -> Section:
        prior = self.prior.sections["plan"]
        items = []
        for n, item in enumerate(prior.items, 1):
            first = [item.heading] if item.heading else item.words()
            items.append(Item.todo(
                f"plan.{n}", f"请填写{self.year + 1}年的工作安排" + (f"（上年安排：{_short(first[0])}，可沿用或改写）" if first else ""),
                heading=self.text(item.heading), origin="prior_plan", reference=_with_heading(item)))
        if items:
            return self.part("plan", items, prompt=f"上年的概述（年份已推进），请核实并改写为{self.year + 1}年的安排")
        # No items: last year's plan paragraphs are the reference of the one item to write.
        items.append(Item.todo(
            "plan.1", f"请填写{self.year + 1}年的工作安排" + ("（上年的安排见参考，可沿用或改写）" if prior.paragraphs else ""),
            origin="prior_plan" if prior.paragraphs else "new", reference=prior.paragraphs))
        return self.part("plan", items, paragraphs=[])

    def other(self) -> Section:
        return self.part("other", self.carried_items("other", "prior_other"),
                         prompt=f"上年的表述，请核实并改写为{self.year}年的情况")

    # -- frame --------------------------------------------------------------------------
    def preamble(self) -> list[str]:
        return [self.text(p) for p in self.placer.place("preamble", None, self.prior.preamble, "preamble", None)]

    def closing(self) -> Closing:
        """Last year's closing for this year: no date (meta.date is the draft's), no 此件公开发布 note, no 印发
        line (dated too); the years of 附件：1.某市2023年…情况表 move, as it is this year's attachment."""
        prior = self.prior.closing
        signature = [self.text(line) for line in prior.signature]
        if not signature and self.prior.meta.issuer:
            signature = [self.prior.meta.issuer]
        return Closing(
            phrase=self.text(prior.phrase), attachments=[self.text(line) for line in prior.attachments],
            signature=signature, date=None,
            notes=[self.text(line) for line in prior.notes if not THIS_DOCUMENT_NOTE_RE.match(line)],
            record=[self.text(line) for line in prior.record if not PRINTED_RE.search(line)])

    def figure(self, figure: Figure) -> Figure:
        """Last year's figure as one to fill: no value yet, last year's as `prior`, its place in the draft."""
        section, path = self.placer.placed.get(figure.id, (figure.section, figure.item))
        return Figure(id=figure.id, label=figure.label, value=None, unit=figure.unit, approx=None,
                      sentence=figure.sentence or "", section=section, item=path, text=figure.text,
                      prior=figure.value, prior_approx=figure.approx)

    def build(self) -> Report:
        meta = self.prior.meta
        preamble = self.preamble()
        sections = {key: getattr(self, key)() for key in PARTS}
        return Report(
            meta=Meta(region=meta.region, year=self.year,
                      title=new_title(meta.title, meta.region, self.prior_year, self.year),
                      issuer=meta.issuer, recipient=meta.recipient),
            preamble=preamble,
            sections=sections,
            closing=self.closing(),
            figures=[self.figure(f) for f in self.prior.figures],
            draft=DraftInfo(prior_year=self.prior_year, prior_title=meta.title, prior_source=meta.source,
                            preamble_status=REFERENCE if self.prior.preamble else DONE),
        )


def build_draft(prior: Report, year: int | None = None) -> Report:
    """This year's draft from last year's report; `year` defaults to last year's + 1."""
    if prior.draft is not None:
        raise DrafterError("这已是草稿（kind: draft）；请给出 drafter parse 生成的上一年度 YAML")
    prior_year = prior.meta.year
    if year is None:
        if prior_year is None:
            raise DrafterError("上一年度报告的年份未识别，请用 --year 指定本年度")
        year = prior_year + 1
    if prior_year is None:
        prior_year = year - 1
    if year <= prior_year:
        raise DrafterError(f"本年度（{year}）应晚于上一年度报告的年度（{prior_year}）")
    return validate_report(_Builder(copy.deepcopy(prior), year, prior_year).build())
