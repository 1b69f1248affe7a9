"""Last year's figures replaced by `{Fnnn}` placeholders where each was written."""

from __future__ import annotations

from drafter.draft.placeholders import placeholder
from drafter.model.report import Figure


class Placer:
    """Puts `{Fnnn}` where each prior figure was written, and remembers where in the draft it went."""

    def __init__(self, figures: list[Figure]):
        self.pending: dict[tuple[str, str | None], list[Figure]] = {}
        for figure in figures:
            self.pending.setdefault((figure.section, figure.item), []).append(figure)
        self.placed: dict[str, tuple[str, str | None]] = {}  # figure id -> (part, item path) in the draft

    def place(self, section: str, path: str | None, texts: list[str], draft_section: str,
              draft_path: str | None) -> list[str]:
        """Replace in `texts` (heading and paragraphs of one prior location) the figures found there."""
        texts = list(texts)
        # sentence as parsed -> (index in texts, the sentence as edited so far, where the last figure ended)
        edited: dict[str, tuple[int, str, int]] = {}
        for figure in self.pending.pop((section, path), []):
            written, sentence = figure.text or "", figure.sentence or ""
            if not written:
                continue
            token = placeholder(figure.id)
            state = edited.get(sentence)
            if state is None and sentence:
                state = next(((i, sentence, 0) for i, text in enumerate(texts) if sentence in text), None)
            if state is not None:
                i, current, cursor = state
                start = texts[i].find(current)
                at = find_figure(current, written, cursor)
                if at < 0:
                    at = find_figure(current, written, 0)
                if start >= 0 and at >= 0:
                    changed = current[:at] + token + current[at + len(written):]
                    texts[i] = texts[i][:start] + changed + texts[i][start + len(current):]
                    edited[sentence] = (i, changed, at + len(token))
                    self.placed[figure.id] = (draft_section, draft_path)
                    continue
            # The sentence was not found as parsed (spacing, a heading split off): the first free occurrence.
            for i, text in enumerate(texts):
                at = find_figure(text, written, 0)
                if at >= 0:
                    texts[i] = text[:at] + token + text[at + len(written):]
                    self.placed[figure.id] = (draft_section, draft_path)
                    break
        return texts


def find_figure(text: str, written: str, start: int) -> int:
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
