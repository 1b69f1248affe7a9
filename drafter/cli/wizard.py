"""The `fill` wizard (questionary): figures, then text, then date and document number; saved after every answer."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from drafter.cli import wizard_words as say
from drafter.draft.edits import PREAMBLE, add_item, mark_done, set_date, settle, text_to_paragraphs
from drafter.draft.figure_input import figure_prompt, parse_figure_input, set_figure, valid_date
from drafter.draft.placeholders import check_placeholders, fill_text, used_figures
from drafter.errors import DrafterError
from drafter.model.files import load_report, save_report
from drafter.model.numbering import Places
from drafter.model.report import Figure, Item, Node, Report
from drafter.text.amounts import format_figure
from drafter.text.change import change_text
from drafter.text.width import clip
from drafter.vocab import DONE, PART, REFERENCE, TODO

WIDTH = 78  # an 80-column terminal, less a margin
OPEN = (TODO, REFERENCE)  # still to confirm or write


def load_draft(path: str | Path) -> Report:
    draft = load_report(path)
    if draft.draft is None:
        raise DrafterError("这是上一年度的报告，不是草稿；请先运行 drafter new 生成草稿", path)
    return draft


@dataclass
class Unit:
    """One piece of text the clerk confirms or writes: the preamble, a part's own paragraphs, or an item."""

    part: str  # PREAMBLE or the part's key
    node: Node | None  # the part or the item; None for the preamble


class Wizard:
    def __init__(self, draft: Report, path: Path):
        import questionary

        self.q = questionary
        self.report = draft
        self.path = path

    def save(self) -> None:
        save_report(self.report, self.path, force=True, keep_comments=True)

    def figures(self) -> list[Figure]:
        return used_figures(self.report)

    # -- figures ------------------------------------------------------------------------------
    def ask_figures(self) -> bool:
        """Figure by figure from the first unfilled; False when the clerk quits."""
        figures = self.figures()
        total = len(figures)

        def next_unfilled(after: int) -> int:
            return next((i for i in range(after + 1, total) if not figures[i].filled), total)

        i = next_unfilled(-1)
        if i < total:
            print(say.FIGURES_INTRO)
        while i < total:
            figure = figures[i]
            filled = sum(1 for f in figures if f.filled)
            print(f"\n── 数字 {i + 1}/{total} · 已填 {filled}/{total} ── {figure.id}")
            if figure.sentence:
                print(clip(f"上年原句：{figure.sentence}", WIDTH * 2))
            default = "" if figure.value is None else format_figure(figure.value, None, figure.approx)

            def check(text: str, figure=figure):
                if text.strip().lower() in say.SKIP + say.BACK + say.QUIT or not text.strip():
                    return True
                try:
                    parse_figure_input(text, figure)
                except ValueError as exc:
                    return str(exc)
                return True

            answer = self.q.text(clip(figure_prompt(figure, self.report.prior_year), WIDTH - 4), default=default,
                                 validate=check, qmark="?").unsafe_ask().strip()
            command = answer.lower()
            if command in say.QUIT:
                return False
            if command in say.BACK:
                i = max(i - 1, 0)
                continue
            if command in say.SKIP or not answer:
                i += 1
                continue
            value, approx = parse_figure_input(answer, figure)
            set_figure(figure, value, approx)
            self.save()
            change = change_text(value, figure.prior, figure.unit)
            print(f"已保存：{format_figure(value, figure.unit, approx)}" + (f"，{change}" if change else ""))
            i = next_unfilled(i)
        return True

    # -- text ---------------------------------------------------------------------------------
    def units(self) -> list[Unit]:
        """Everything with text, in document order."""
        out = []
        if self.report.preamble or self.report.draft.preamble_status in OPEN:
            out.append(Unit(PREAMBLE, None))
        for section in self.report.parts():
            if section.status:
                out.append(Unit(section.key, section))
            out.extend(Unit(section.key, item) for item in section.walk())
        return out

    def status(self, unit: Unit) -> str | None:
        if unit.node is None:
            return self.report.draft.preamble_status or DONE
        return unit.node.status

    def paragraphs(self, unit: Unit) -> list[str]:
        return self.report.preamble if unit.node is None else unit.node.paragraphs

    def left_texts(self) -> int:
        return sum(1 for u in self.units() if self.status(u) in OPEN)

    def menu(self, unit: Unit) -> list:
        Choice = self.q.Choice
        node = unit.node
        group = node is not None and bool(node.items) and not node.paragraphs
        if group:
            choices = [Choice(say.KEEP_GROUP.format(count=len(node.items)), "keep"), Choice(say.EACH_SUB, "skip")]
        elif self.status(unit) == REFERENCE:
            choices = [Choice(say.KEEP, "keep"), Choice(say.REWRITE, "write")]
        else:
            choices = [Choice(say.WRITE, "write")]
        if isinstance(unit.node, Item):  # a part or the preamble cannot be dropped
            choices.append(Choice(say.DROP_GROUP if group else say.DROP, "drop"))
        if unit.part != PREAMBLE:
            choices.append(Choice(say.ADD, "add"))
        return choices + [Choice(say.SKIP_TEXT, "skip"), Choice(say.PREVIOUS, "back"), Choice(say.SAVE_QUIT, "quit")]

    def ask_texts(self) -> bool:
        units = self.units()
        pending = [n for n, u in enumerate(units) if self.status(u) in OPEN]
        if not pending:
            return True
        print(say.TEXTS_INTRO)
        pos = pending[0]
        while True:
            units = self.units()
            if pos >= len(units):
                return True
            unit = units[pos]
            if self.status(unit) not in OPEN:
                pos += 1
                continue
            self.show(unit, sum(1 for u in units if self.status(u) not in OPEN), len(units))
            action = self.q.select("请选择：", choices=self.menu(unit), qmark="?",
                                   instruction=say.SELECT_HINT).unsafe_ask()
            if action == "quit":
                return False
            if action == "skip":
                pos += 1
            elif action == "back":
                pos = max(pos - 1, 0)
            elif action == "keep":
                mark_done(self.report, unit.node)
                settle(self.report)
                self.save()
                pos += 1
            elif action == "write":
                if self.write(unit):
                    pos += 1
            elif action == "drop":
                self.report.holder(unit.node).remove(unit.node)
                settle(self.report)
                self.save()
            elif action == "add":
                heading = self.q.text("新增项的标题（可留空）：").unsafe_ask()
                text = self.ask_multiline("")
                if text.strip():
                    item = add_item(self.report, unit.part, heading, text)
                    self.save()
                    print(f"已新增 {Places(self.report).name(item)}。")

    def ask_multiline(self, default: str) -> str:
        # The hint goes on its own line: a long prompt would leave the text a narrow column in 80×24.
        print(say.EDIT_HINT)
        return self.q.text("文字", default=default, multiline=True, qmark="›", instruction="").unsafe_ask()

    def write(self, unit: Unit) -> bool:
        """Multi-line editing of one unit's paragraphs; True once saved."""
        current = "\n".join(self.paragraphs(unit))
        if "{F" in current:
            print(say.PLACEHOLDER_HINT)
        text = self.ask_multiline(current)
        if not text.strip():
            print("没有输入文字，未作修改。")
            return False
        try:
            check_placeholders(text, self.report)
        except ValueError as exc:
            print(f"未保存：{exc}")
            return False
        if unit.node is None:
            self.report.preamble[:] = text_to_paragraphs(text)
        else:
            unit.node.paragraphs = text_to_paragraphs(text)
        mark_done(self.report, unit.node)
        settle(self.report)
        self.save()
        return True

    def show(self, unit: Unit, done: int, total: int) -> None:
        node = unit.node
        places = Places(self.report)
        part = say.PREAMBLE_NAME if node is None else PART[unit.part].short
        print(f"\n── 文字 已完成 {done}/{total} ── {part}")
        if node is not None:
            # Its place as the document numbers it; the heading again only where the name cut it short.
            name = places.name(node)
            print(clip(name, WIDTH))
            if node.heading and not name.endswith(node.heading.strip()):
                print(clip(f"标题：{node.heading}", WIDTH))
        if node is not None and node.prompt:
            print(clip(f"要求：{node.prompt}", WIDTH * 2))
        if node is not None and node.items and not node.paragraphs:
            for sub in node.items[:6]:
                print(clip("  " + places.name(sub), WIDTH))
            if len(node.items) > 6:
                print(f"  （另有 {len(node.items) - 6} 个小项）")
            return
        paragraphs = self.paragraphs(unit)
        shown = paragraphs or (node.reference if node is not None else None) or []
        if not paragraphs and shown and node is not None and shown[0] == node.heading:
            shown = shown[1:]  # the heading is printed already
        label = "现有文字" if paragraphs else "上年参考"
        figures = self.report.figures_by_id()
        for n, line in enumerate(shown[:4]):
            print(clip(("" if n else f"{label}：") + fill_text(line, figures, self.report.prior_year), WIDTH * 2))
        if len(shown) > 4:
            print(f"（另有 {len(shown) - 4} 段）")

    def ask_meta(self) -> None:
        """The date and document number, asked once the body is through (Enter leaves them open)."""
        meta = self.report.meta
        if meta.date is None:
            def check(text: str):
                try:
                    return True if not text.strip() else bool(valid_date(text))
                except ValueError as exc:
                    return str(exc)

            text = self.q.text("成文日期（如 2025-01-20；回车暂不填）：", validate=check, qmark="?").unsafe_ask().strip()
            if text:
                set_date(self.report, valid_date(text))
                self.save()
        if self.report.meta.doc_number is None:
            text = self.q.text("发文字号（如 营政发〔2025〕3号；没有或暂不填请回车）：", qmark="?").unsafe_ask().strip()
            if text:
                self.report.meta.doc_number = text
                self.save()

    def run(self) -> int:
        if self.ask_figures() and self.ask_texts():
            self.ask_meta()
            figures = self.figures()
            print(f"\n已填数字 {sum(1 for f in figures if f.filled)}/{len(figures)}。")
        left_figures = sum(1 for f in self.figures() if not f.filled)
        left_texts = self.left_texts()
        if left_figures or left_texts:
            print(f"已保存到 {self.path}。尚有 {left_figures} 个数字、{left_texts} 项文字未完成；再次运行 drafter fill {self.path} 可继续。")
        else:
            print(f"全部完成，已保存到 {self.path}。下一步：drafter render {self.path} -o 报告.docx")
        return 0
