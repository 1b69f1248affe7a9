"""The `fill` wizard (questionary): figures, then text, then 成文日期, 文号 and 签发人; saved after every answer.

Every figure, text and the closing questions is one stop of a list (wizard_nav): the clerk walks it forward
to the next open stop, back one stop, or jumps through the contents. Each answer is an edit of the draft by
id, saved with the digest of the file read; when another process changed the file meanwhile, the edit is
applied again to the file as it now is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from drafter.cli import wizard_nav as nav
from drafter.cli import wizard_words as say
from drafter.cli.wizard_meta import BACK, DOWN, END, NEXT, QUIT, STAY, ClosingQuestions
from drafter.draft.edits import PREAMBLE, add_item, mark_done, mark_written, settle, text_to_paragraphs
from drafter.draft.figure_input import figure_prompt, implausible, parse_figure_input, set_figure
from drafter.draft.pipeline import progress
from drafter.draft.placeholders import check_placeholders, fill_text
from drafter.errors import DrafterError
from drafter.model.files import ChangedOnDisk, file_digest, load_report, save_report
from drafter.model.numbering import Places
from drafter.model.report import Node, Report
from drafter.text.amounts import format_figure
from drafter.text.change import change_text
from drafter.text.width import clip
from drafter.vocab import PART, PREAMBLE_NAME

WIDTH = 78  # an 80-column terminal, less a margin
Edit = Callable[[Report], None]


def load_draft(path: str | Path) -> Report:
    draft = load_report(path)
    if draft.draft is None:
        raise DrafterError("这是上一年度的报告，不是草稿；请先运行 drafter new 生成草稿", path)
    return draft


def _node(report: Report, key: str) -> Node | None:
    """The part or item an edit is for (None: the preamble); LookupError once someone else removed it."""
    if key == PREAMBLE:
        return None
    node = report.find(key)
    if node is None:
        raise LookupError(key)
    return node


def _figure(report: Report, key: str):
    figure = report.figure(key)
    if figure is None:
        raise LookupError(key)
    return figure


class Wizard(ClosingQuestions):
    def __init__(self, draft: Report, path: Path, digest: str | None, at: str | None = None):
        """`digest`: the file_digest taken before `draft` was read from `path` (taken after, it could
        be of a file someone else saved meanwhile, which the first save would then overwrite)."""
        import questionary

        self.q = questionary
        self.path = Path(path)
        self.digest = digest
        self.report = draft
        self.explicit = True  # the stop was chosen (back, contents, --at), not reached by walking on
        self.stop = self._start(at)
        self.pos = 0  # the index of self.stop in the stops as they are now

    def _start(self, at: str | None) -> nav.Stop:
        stops = nav.stops(self.report)
        if at is not None:
            found = nav.find_stop(stops, at)
            if found is None:
                raise DrafterError(say.UNKNOWN_ID.format(key=at), self.path)
            return stops[found]
        stopped = self.report.draft.stopped_at
        found = nav.find_stop(stops, stopped) if stopped else None
        if found is None:
            self.explicit = False
            return stops[nav.next_open(self.report, stops, -1)]
        if not nav.is_open(self.report, stops[found]):
            found = nav.next_open(self.report, stops, found)
        print(say.RESUME.format(name=nav.name(self.report, stops[found])))
        return stops[found]

    # -- saving -------------------------------------------------------------------------------
    def commit(self, edit: Edit, stop: nav.Stop) -> bool:
        """Apply one answer and save it; False when another process removed what it was for."""
        def apply(report: Report) -> None:
            edit(report)
            report.draft.stopped_at = stop.key

        apply(self.report)
        for _ in range(3):
            try:
                self.digest = save_report(self.report, self.path, force=True, keep_comments=True, expect=self.digest)
                return True
            except ChangedOnDisk:
                digest, fresh = file_digest(self.path), load_draft(self.path)
                self.report, self.digest = fresh, digest
                try:
                    apply(fresh)
                except LookupError:
                    print(say.GONE.format(what=nav.name(fresh, stop) if stop.kind != nav.TEXT else stop.key))
                    return False
                print(say.MERGED)
        raise ChangedOnDisk("草稿正被其他程序反复修改；为免覆盖别人的修改，本次未保存", self.path)

    def remember(self, stop: nav.Stop) -> None:
        """Where the clerk stopped, for the next run."""
        if self.report.draft.stopped_at != stop.key:
            self.commit(lambda report: None, stop)

    # -- the walk -----------------------------------------------------------------------------
    def run(self) -> int:
        print(say.FIGURES_INTRO)
        try:
            while True:
                stops = nav.stops(self.report)
                if self.stop not in stops:  # another process removed it meanwhile
                    self.stop = stops[nav.next_open(self.report, stops, -1)]
                self.pos = stops.index(self.stop)
                handler = {nav.FIGURE: self.ask_figure, nav.TEXT: self.ask_text, nav.META: self.ask_meta}
                move = handler[self.stop.kind](self.stop, stops)
                if move in (QUIT, END):
                    break
                self.move(move)
        except KeyboardInterrupt:
            self.remember(self.stop)
            raise
        self.remember(self.stop)
        self.finish()
        return 0

    def move(self, move) -> None:
        """Go on from the current stop. Positions are found again in the stops as they are after the answer:
        a text that gains or loses a {F012} adds or removes a figure."""
        stops = nav.stops(self.report)
        self.explicit = move not in (NEXT, DOWN)
        if isinstance(move, tuple):  # ("after", stop): the next open stop after one that is still there
            here = stops.index(move[1]) if move[1] in stops else -1
            self.stop = stops[nav.next_open(self.report, stops, here)]
            return
        if isinstance(move, nav.Stop):
            self.stop = move if move in stops else self.stop
            return
        here = stops.index(self.stop) if self.stop in stops else self.pos - 1
        if move == NEXT:
            self.stop = stops[nav.next_open(self.report, stops, here)]
        elif move == DOWN:
            self.stop = stops[min(here + 1, len(stops) - 1)]
        elif move == BACK:
            if here <= 0:
                print(say.FIRST)
            self.stop = stops[max(here - 1, 0)]

    def contents(self, stops: list[nav.Stop]):
        found = nav.contents(self.q, self.report, stops)
        return STAY if found is None else stops[found]

    def command(self, typed: str, stops: list[nav.Stop]):
        """A move for a command typed at a prompt (s b q m ?), None for an answer."""
        word = typed.strip().lower()
        if word in say.HELP:
            print(say.HELP_TEXT)
            return STAY
        if word in say.CONTENTS:
            return self.contents(stops)
        if word in say.QUIT:
            return QUIT
        if word in say.BACK:
            return BACK
        if word in say.SKIP:
            return NEXT
        return None

    def finish(self) -> None:
        lines = nav.summary(self.report)
        if lines:
            print("\n" + "\n".join(lines))
        if any(nav.is_open(self.report, s) for s in nav.stops(self.report) if s.kind in (nav.FIGURE, nav.TEXT)):
            print(f"已保存到 {self.path}。尚余{progress(self.report)}；"
                  f"再次运行 drafter fill {self.path} 可从停下的地方继续。")
        else:
            print(f"全部完成，已保存到 {self.path}。下一步：drafter render {self.path} -o 报告.docx")

    # -- figures ------------------------------------------------------------------------------
    def ask_figure(self, stop: nav.Stop, stops: list[nav.Stop]):
        figure = self.report.figure(stop.key)
        figures = [s for s in stops if s.kind == nav.FIGURE]
        filled = sum(1 for s in figures if not nav.is_open(self.report, s))
        part = PART[figure.section].short if figure.section in PART else ""
        print(f"\n── 数字 {figures.index(stop) + 1}/{len(figures)} · 已填 {filled}/{len(figures)} ── {figure.id} {part}")
        print(figure_prompt(figure, self.report.prior_year))  # printed whole: the terminal wraps it
        if figure.sentence:
            print(clip(f"上年原句：{figure.sentence}", WIDTH * 2))
        current = format_figure(figure.value, figure.unit, figure.approx) if figure.filled else None

        def check(text: str):
            if text.strip().lower() in say.COMMANDS or (not text.strip() and current):
                return True
            if not text.strip():
                return say.NEED_VALUE
            try:
                parse_figure_input(text, figure)
            except ValueError as exc:
                return str(exc)
            return True

        message = f"本年{say.KEEP_VALUE.format(value=current) if current else ''}："
        answer = self.q.text(message, validate=check, qmark="?", reserve_space_for_menu=0).unsafe_ask().strip()
        move = self.command(answer, stops)
        if move is not None:
            return move
        if not answer:
            print(f"保留 {current}。")
            return NEXT
        value, approx = parse_figure_input(answer, figure)
        why = implausible(replace(figure, value=value, approx=approx))
        if why and not self.q.confirm(f"{why}，与上年相差很大。确认无误吗？", default=False).unsafe_ask():
            print("未保存，请重新填写。")
            return STAY
        if self.commit(lambda r: set_figure(_figure(r, stop.key), value, approx, bool(why)), stop):
            change = change_text(value, figure.prior, figure.unit)
            print(f"已保存：{format_figure(value, figure.unit, approx)}" + (f"，{change}" if change else "")
                  + ("（已确认）" if why else ""))
        return NEXT

    # -- text ---------------------------------------------------------------------------------
    def menu(self, stop: nav.Stop, node: Node | None, status: str | None) -> list:
        Choice = self.q.Choice
        group = node is not None and bool(node.items) and not node.paragraphs
        if group:
            choices = [Choice(say.KEEP_GROUP.format(count=len(node.items)), "keep"), Choice(say.EACH_SUB, "each")]
        elif status == nav.REFERENCE:
            choices = [Choice(say.KEEP, "keep"), Choice(say.REWRITE, "write")]
        elif status in nav.OPEN:
            choices = [Choice(say.WRITE, "write")]
        else:
            choices = [Choice(say.KEEP_DONE, "next"), Choice(say.REWRITE, "write")]
        if stop.key != PREAMBLE and stop.key not in self.report.sections:  # a part or the preamble stays
            choices.append(Choice(say.DROP_GROUP if group else say.DROP, "drop"))
        if stop.part != PREAMBLE:
            choices.append(Choice(say.ADD, "add"))
        return choices + [Choice(say.SKIP_GROUP if group else say.SKIP_TEXT, "skip"), Choice(say.PREVIOUS, "back"),
                          Choice(say.MENU_CONTENTS, "contents"), Choice(say.SAVE_QUIT, "quit")]

    def select(self, choices: list) -> str:
        question = self.q.select("请选择：", choices=choices, qmark="?", instruction=say.SELECT_HINT)
        keys = question.application.key_bindings
        for key, result in (("?", "help"), ("m", "contents"), ("b", "back"), ("s", "skip"), ("q", "quit")):
            keys.add(key, eager=True)(lambda event, result=result: event.app.exit(result=result))
        return question.unsafe_ask()

    def ask_text(self, stop: nav.Stop, stops: list[nav.Stop]):
        node = nav.node_of(self.report, stop)
        status = nav.text_status(self.report, stop)
        if self.pos == next(i for i, s in enumerate(stops) if s.kind == nav.TEXT) and not self.explicit:
            print(say.TEXTS_INTRO)
        texts = [s for s in stops if s.kind == nav.TEXT]
        self.show(stop, node, sum(1 for s in texts if not nav.is_open(self.report, s)), len(texts))
        action = self.select(self.menu(stop, node, status))
        if action == "help":
            print(say.HELP_TEXT)
            return STAY
        if action == "contents":
            return self.contents(stops)
        if action == "quit":
            return QUIT
        if action == "back":
            return BACK
        if action == "each":
            return DOWN
        if action == "next":
            return NEXT
        if action == "skip":
            last = self.pos + (sum(1 for _ in node.walk()) if node is not None else 0)
            return ("after", stops[last])
        if action == "keep":
            self.commit(lambda r: (mark_done(r, _node(r, stop.key)), settle(r)), stop)
            return NEXT
        if action == "write":
            return NEXT if self.write(stop) else STAY
        if action == "drop":
            return self.drop(stop, node, stops[self.pos - 1])
        return self.add(stop)

    def drop(self, stop: nav.Stop, node: Node, before: nav.Stop):
        subs = sum(1 for _ in node.walk())
        extra = f"及其下 {subs} 个小项" if subs else ""
        sure = self.q.confirm(say.CONFIRM_DROP.format(name=nav.name(self.report, stop), extra=extra),
                              default=False).unsafe_ask()
        if not sure:
            return STAY

        def edit(report: Report) -> None:
            target = _node(report, stop.key)
            report.holder(target).remove(target)
            settle(report)

        self.commit(edit, stop)
        print("已删除。")
        return ("after", before)

    def add(self, stop: nav.Stop):
        heading = self.q.text("新增项的标题（可留空）：").unsafe_ask()
        text = self.ask_multiline("")
        if not text.strip():
            print("没有输入文字，未新增。")
            return STAY
        added = []
        if self.commit(lambda r: added.append(add_item(r, stop.part, heading, text)), stop):
            print(f"已新增 {Places(self.report).name(added[-1])}。")
        return STAY

    def ask_multiline(self, default: str) -> str:
        # The hint goes on its own line: a long prompt would leave the text a narrow column in 80×24.
        print(say.EDIT_HINT)
        return self.q.text("文字", default=default, multiline=True, qmark="›", instruction="").unsafe_ask()

    def write(self, stop: nav.Stop) -> bool:
        """Multi-line editing of one text; True once saved. A refused text reopens as typed."""
        node = nav.node_of(self.report, stop)
        text = "\n".join(self.report.preamble if node is None else node.paragraphs)
        if "{F" in text:
            print(say.PLACEHOLDER_HINT)
        while True:
            text = self.ask_multiline(text)
            if not text.strip():
                print("没有输入文字，未作修改。")
                return False
            try:
                check_placeholders(text, self.report)
                break
            except ValueError as exc:
                print(say.REFUSED_TEXT.format(error=exc))
        paragraphs = text_to_paragraphs(text)

        def edit(report: Report) -> None:
            target = _node(report, stop.key)
            if target is None:
                report.preamble[:] = paragraphs
            else:
                target.paragraphs = list(paragraphs)
            mark_written(report, target)
            settle(report)

        return self.commit(edit, stop)

    def show(self, stop: nav.Stop, node: Node | None, done: int, total: int) -> None:
        places = Places(self.report)
        part = PREAMBLE_NAME if node is None else PART[stop.part].short
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
        paragraphs = self.report.preamble if node is None else node.paragraphs
        shown = paragraphs or (node.reference if node is not None else None) or []
        if not paragraphs and shown and node is not None and shown[0] == node.heading:
            shown = shown[1:]  # the heading is printed already
        label = "现有文字" if paragraphs else "上年参考"
        figures = self.report.figures_by_id()
        for n, line in enumerate(shown[:4]):
            print(clip(("" if n else f"{label}：") + fill_text(line, figures, self.report.prior_year), WIDTH * 2))
        if len(shown) > 4:
            print(f"（另有 {len(shown) - 4} 段）")
