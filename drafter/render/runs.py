"""The run XML of a `{{r … }}` tag: pieces of text with their highlight and comment anchor."""

from __future__ import annotations

from drafter.render.ooxml import escape
from drafter.render.patterns import ANCHOR_STYLE


class Runs:
    """Text pieces to write as runs; docxtpl inserts what __html__ gives."""

    __slots__ = ("_pieces", "_pending", "_style")

    def __init__(self, style: str | None = None):
        self._pieces: list[list] = []  # [text, highlight, anchor]
        self._style = style  # a character style for every piece (the 签发人's 楷体)
        # An anchor given with no text (an unnumbered item) goes on the next piece of text.
        self._pending: int | None = None

    def add(self, text: str, highlight: str | None = None, anchor: int | None = None) -> Runs:
        if not text:
            if anchor is not None:
                self._pending = anchor
            return self
        if anchor is None:
            anchor, self._pending = self._pending, None
        self._pieces.append([text, highlight, anchor])
        return self

    def extend(self, other: Runs) -> Runs:
        pieces = [list(piece) for piece in other._pieces]
        if self._pending is not None:
            free = next((piece for piece in pieces if piece[2] is None), None)
            if free is not None:
                free[2], self._pending = self._pending, None
        self._pieces.extend(pieces)
        return self

    @property
    def text(self) -> str:
        return "".join(piece[0] for piece in self._pieces)

    def __html__(self) -> str:
        out = []
        for text, highlight, anchor in self._pieces:
            props = ""
            if anchor is not None:  # the second pass removes it; an anchored piece keeps no style of its own
                props += f'<w:rStyle w:val="{ANCHOR_STYLE}{anchor}"/>'
            elif self._style:
                props += f'<w:rStyle w:val="{self._style}"/>'
            if highlight:
                props += f'<w:highlight w:val="{highlight}"/>'
            rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
            out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>')
        return "".join(out)

    def __str__(self) -> str:
        return self.text
