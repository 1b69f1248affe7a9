"""The `fill` step: a questionary wizard (figures, then text), or an answers file applied at once."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from drafter.draft.answers import (
    add_item, change_text, check_placeholders, figure_prompt, iter_items, mark_done,
    parse_figure_input, set_date, set_figure, settle, text_to_paragraphs, used_figures, valid_date,
)
from drafter.parse.nodes import PARTS
from drafter.errors import DrafterError
from drafter.draft.placeholders import fill_text, format_figure
from drafter.model.legacy import SCHEMA_VERSION_DRAFT, load_model, save_model

WIDTH = 78  # an 80-column terminal, less a margin
SKIP, BACK, QUIT = ("s", "跳过"), ("b", "上一项"), ("q", "退出")
EDIT_HINT = "请输入文字，每段一行（回车换行）；输完按 Esc 再按 Enter 保存。"
SELECT_HINT = "（方向键选择，回车确认）"
PART_NAMES = {"measures": "主要举措和成效", "shortcomings": "存在的不足和原因", "duties": "第一责任人职责",
              "plan": "下一年度工作安排", "other": "其他情况"}


def clip(text: str, columns: int = WIDTH) -> str:
    """Cut text to a number of terminal columns (a Chinese character takes two)."""
    out, used = [], 0
    for ch in text:
        width = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + width > columns - 1:
            return "".join(out) + "…"
        out.append(ch)
        used += width
    return "".join(out)


def load_draft(path: str | Path) -> dict:
    draft = load_model(path)
    if draft.get("schema_version") != SCHEMA_VERSION_DRAFT:
        raise DrafterError("这是上一年度的报告，不是草稿；请先运行 drafter new 生成草稿", path)
    return draft


class Wizard:
    def __init__(self, draft: dict, path: Path):
        import questionary

        self.q = questionary
        self.draft = draft
        self.path = path
        self.prior_year = (draft.get("draft") or {}).get("prior_year")
        self.figures = used_figures(draft)

    def save(self) -> None:
        save_model(self.draft, self.path, force=True)

    # -- figures ------------------------------------------------------------------------------
    def filled(self) -> int:
        return sum(1 for f in self.figures if f["value"] is not None)

    def next_unfilled(self, after: int) -> int:
        for i in range(after + 1, len(self.figures)):
            if self.figures[i]["value"] is None:
                return i
        return len(self.figures)

    def ask_figures(self) -> bool:
        """Figure by figure from the first unfilled; False when the clerk quits."""
        total = len(self.figures)
        i = self.next_unfilled(-1)
        if i < total:
            print("逐项填写本年度数字。输入 s 跳过，b 回到上一项，q 保存退出；每答一项即保存。")
        while i < total:
            figure = self.figures[i]
            print(f"\n── 数字 {i + 1}/{total} · 已填 {self.filled()}/{total} ── {figure['id']}")
            if figure.get("sentence"):
                print(clip(f"上年原句：{figure['sentence']}", WIDTH * 2))
            default = "" if figure["value"] is None else format_figure(figure["value"], None, figure.get("approx"))

            def check(text: str, figure=figure):
                if text.strip().lower() in SKIP + BACK + QUIT or not text.strip():
                    return True
                try:
                    parse_figure_input(text, figure)
                except ValueError as exc:
                    return str(exc)
                return True

            answer = self.q.text(clip(figure_prompt(figure, self.prior_year), WIDTH - 4), default=default,
                                 validate=check, qmark="?").unsafe_ask().strip()
            command = answer.lower()
            if command in QUIT:
                return False
            if command in BACK:
                i = max(i - 1, 0)
                continue
            if command in SKIP or not answer:
                i += 1
                continue
            value, approx = parse_figure_input(answer, figure)
            set_figure(figure, value, approx)
            self.save()
            change = change_text(value, figure)
            print(f"已保存：{format_figure(value, figure.get('unit'), approx)}" + (f"，{change}" if change else ""))
            i = self.next_unfilled(i)
        return True

    # -- text ---------------------------------------------------------------------------------
    def units(self) -> list[tuple[str, dict, list | None, str]]:
        """(id, target, holder, part) of everything with text, in document order."""
        out = []
        meta = self.draft.get("draft") or {}
        if self.draft["preamble"] or meta.get("preamble_status") in ("todo", "reference"):
            out.append(("preamble", {"paragraphs": self.draft["preamble"], "status": meta.get("preamble_status", "done")}, None, "preamble"))
        for key in PARTS:
            section = self.draft["sections"][key]
            if section.get("status"):
                out.append((key, section, None, key))
            for item, holder in iter_items(section["items"]):
                out.append((item.get("id") or key, item, holder, key))
        return out

    def ask_texts(self) -> bool:
        units = self.units()
        pending = [u for u in units if u[1].get("status") in ("todo", "reference")]
        if not pending:
            return True
        print("\n逐项确认或改写文字：上年参考的文字可保留、改写或删除；待写的请填写。")
        pos = units.index(pending[0])
        while True:
            units = self.units()
            if pos >= len(units):
                return True
            unit_id, target, holder, part = units[pos]
            status = target.get("status")
            if status not in ("todo", "reference"):
                pos += 1
                continue
            done = sum(1 for u in units if u[1].get("status") not in ("todo", "reference"))
            self.show(unit_id, target, part, done, len(units))
            group = bool(target.get("items")) and not target["paragraphs"]
            if group:
                choices = [f"保留整组上年表述（含 {len(target['items'])} 个小项）", "逐个小项处理"]
            elif status == "reference":
                choices = ["保留上年表述", "改写"]
            else:
                choices = ["填写"]
            if holder is not None:
                choices.append("删除此项" if not group else "删除整组")
            if part != "preamble":
                choices.append("新增一项（加在本部分末尾）")
            choices += ["跳过", "上一项", "保存退出"]
            choice = self.q.select("请选择：", choices=choices, qmark="?", instruction=SELECT_HINT).unsafe_ask()
            if choice == "保存退出":
                return False
            if choice in ("跳过", "逐个小项处理"):
                pos += 1
            elif choice == "上一项":
                pos = max(pos - 1, 0)
            elif choice.startswith("保留"):
                mark_done(self.draft, target, unit_id)
                settle(self.draft)
                self.save()
                pos += 1
            elif choice in ("改写", "填写"):
                if self.write(unit_id, target):
                    pos += 1
            elif choice.startswith("删除"):
                holder.remove(target)
                settle(self.draft)
                self.save()
            elif choice.startswith("新增"):
                heading = self.q.text("新增项的标题（可留空）：").unsafe_ask()
                text = self.ask_multiline("")
                if text.strip():
                    item = add_item(self.draft, part, heading, text)
                    self.save()
                    print(f"已新增 {item['id']}。")

    def ask_multiline(self, default: str) -> str:
        # The hint goes on its own line: a long prompt would leave the text a narrow column in 80×24.
        print(EDIT_HINT)
        return self.q.text("文字", default=default, multiline=True, qmark="›", instruction="").unsafe_ask()

    def write(self, unit_id: str, target: dict) -> bool:
        """Multi-line editing of one item's paragraphs; True once saved."""
        current = "\n".join(target["paragraphs"])
        if "{F" in current:
            print("文字中的 {F012} 等是数字占位符，会换成本年度填报的数字；请保留或删去，勿改编号。")
        text = self.ask_multiline(current)
        if not text.strip():
            print("没有输入文字，未作修改。")
            return False
        try:
            check_placeholders(text, self.draft)
        except ValueError as exc:
            print(f"未保存：{exc}")
            return False
        if unit_id == "preamble":
            self.draft["preamble"][:] = text_to_paragraphs(text)
        else:
            target["paragraphs"] = text_to_paragraphs(text)
        mark_done(self.draft, target, unit_id)
        settle(self.draft)
        self.save()
        return True

    def show(self, unit_id: str, target: dict, part: str, done: int, total: int) -> None:
        name = "开头" if part == "preamble" else PART_NAMES[part]
        print(f"\n── 文字 已完成 {done}/{total} ── {name} · {unit_id}")
        if target.get("heading"):
            print(clip(f"标题：{target['heading']}"))
        if target.get("prompt"):
            print(clip(f"要求：{target['prompt']}", WIDTH * 2))
        figures = {f["id"]: f for f in self.draft["figures"]}
        if target.get("items") and not target["paragraphs"]:
            shown = [f"{sub.get('id', '')} {sub.get('heading') or ''}" for sub in target["items"]]
            for line in shown[:6]:
                print(clip("  " + line))
            if len(shown) > 6:
                print(f"  （另有 {len(shown) - 6} 个小项）")
            return
        shown = target["paragraphs"] or target.get("reference") or []
        if not target["paragraphs"] and shown and shown[0] == target.get("heading"):
            shown = shown[1:]  # the heading is printed already
        label = "现有文字" if target["paragraphs"] else "上年参考"
        for n, line in enumerate(shown[:4]):
            print(clip(("" if n else f"{label}：") + fill_text(line, figures, self.prior_year), WIDTH * 2))
        if len(shown) > 4:
            print(f"（另有 {len(shown) - 4} 段）")

    def ask_meta(self) -> None:
        """The date and document number, asked once the body is through (Enter leaves them open)."""
        meta = self.draft["meta"]
        if meta.get("date") is None:
            def check(text: str):
                try:
                    return True if not text.strip() else bool(valid_date(text))
                except ValueError as exc:
                    return str(exc)

            text = self.q.text("成文日期（如 2025-01-20；回车暂不填）：", validate=check, qmark="?").unsafe_ask().strip()
            if text:
                set_date(self.draft, valid_date(text))
                self.save()
        if meta.get("doc_number") is None:
            text = self.q.text("发文字号（如 营政发〔2025〕3号；没有或暂不填请回车）：", qmark="?").unsafe_ask().strip()
            if text:
                meta["doc_number"] = text
                self.save()

    def run(self) -> int:
        if self.ask_figures() and self.ask_texts():
            self.ask_meta()
            print(f"\n已填数字 {self.filled()}/{len(self.figures)}。")
        left_figures = len(self.figures) - self.filled()
        left_texts = sum(1 for u in self.units() if u[1].get("status") in ("todo", "reference"))
        if left_figures or left_texts:
            print(f"已保存到 {self.path}。尚有 {left_figures} 个数字、{left_texts} 项文字未完成；再次运行 drafter fill {self.path} 可继续。")
        else:
            print(f"全部完成，已保存到 {self.path}。下一步：drafter render {self.path} -o 报告.docx")
        return 0
