"""The wizard's closing questions: 成文日期, 发文字号 and 签发人, asked once the body is through."""

from __future__ import annotations

from drafter.cli import wizard_nav as nav
from drafter.cli import wizard_words as say
from drafter.draft.edits import set_date
from drafter.draft.figure_input import valid_date
from drafter.model.report import Report

# The wizard's moves from one stop to another; a Stop is also a move (go there).
NEXT, DOWN, BACK, STAY, QUIT, END = "next", "down", "back", "stay", "quit", "end"


class ClosingQuestions:
    """Mixed into the Wizard, whose report, commit and command these use."""

    def ask_meta(self, stop: nav.Stop, stops: list[nav.Stop]):
        """成文日期, 文号 and 签发人 once the body is through; walked onto, only what is still empty is asked."""
        meta = self.report.meta
        fields = [("date", "成文日期", "2025-01-20", valid_date),
                  ("doc_number", "发文字号", self.doc_number_example(), None),
                  ("signer", "签发人", "张三；没有的可不填", None)]
        fields = [f for f in fields if self.explicit or getattr(meta, f[0]) is None]
        if fields:
            print(f"\n── {say.META_NAME} ──")
        for key, label, example, check in fields:
            move = self.ask_field(stop, stops, key, label, example, check)
            if move is not None:
                return move
        return END

    def doc_number_example(self) -> str:
        """The region's own 文号 form: 通政发〔2025〕3号 for 通州区."""
        meta = self.report.meta
        place = (meta.region or meta.issuer or "").strip()
        year = meta.year + 1 if meta.year else 2025
        return f"{place[:1] or '×'}政发〔{year}〕3号"

    def ask_field(self, stop, stops, key: str, label: str, example: str, check):
        current = getattr(self.report.meta, key)

        def validate(text: str):
            if not text.strip() or text.strip().lower() in say.COMMANDS or check is None:
                return True
            try:
                return bool(check(text))
            except ValueError as exc:
                return str(exc)

        keep = f"回车保留 {current}" if current else "回车暂不填"
        while True:
            typed = self.q.text(f"{label}（如 {example}；{keep}）：", validate=validate, qmark="?",
                                reserve_space_for_menu=0).unsafe_ask().strip()
            move = self.command(typed, stops)
            if move == STAY:
                continue  # the help was shown: ask again
            if move == NEXT:
                return None  # s: the next question
            if move is not None:
                return move
            break
        if not typed:
            print(f"{label}：{'保留 ' + current if current else '暂不填'}。")
            return None
        value = check(typed) if check else typed

        def edit(report: Report) -> None:
            if key == "date":
                set_date(report, value)
            else:
                setattr(report.meta, key, value)

        self.commit(edit, stop)
        return None
