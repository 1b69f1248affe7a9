"""Hard-wrapped text (copied out of a PDF, every visual line kept) joined back into paragraphs."""

from __future__ import annotations

import collections

from drafter.read.noise import is_noise, normalize_space
from drafter.read.patterns import (
    CLOSERS,
    HEADING_START_RE,
    INDENT_RE,
    MID_SENTENCE,
    PAGE_NUMBER_RE,
    PARA_START_RE,
    SENTENCE_END,
    SENTENCE_IN_LINE_RE,
)
from drafter.text.width import page_width


def _width(text: str) -> int:
    """Width as printed, in half characters: a Chinese character or mark (“”…— too) two, a digit or Latin letter one."""
    return int(page_width(text) * 2)


def _wrap_width(lines: list[str]) -> int | None:
    """The width body lines were cut at, when the text is hard-wrapped; None for a normally written text."""
    widths = [_width(line) for line in lines]
    if len(widths) < 6:
        return None
    # The page width: the widest width that several lines reach (a line may run two units over it,
    # when a mark that may not begin a line is pulled up).
    per_width = collections.Counter(widths)
    best = next(
        (w for w in sorted(per_width, reverse=True)
         if sum(per_width[x] for x in range(w - 2, w + 3)) >= max(3, len(widths) / 10)),
        0,
    )
    if best < 20:
        return None  # ten characters or fewer: lists and headings, not a page width
    if sum(x > best + 2 for x in widths) > 0.05 * len(widths):
        return None  # lines run past it: they are paragraphs, not wrapped lines
    full = [line for line, x in zip(lines, widths) if x >= best - _tolerance(best)]
    cut = sum(line.rstrip(CLOSERS)[-1:] not in SENTENCE_END for line in full)
    return best if cut >= 3 and cut >= 0.5 * len(full) else None


def _tolerance(width: int) -> int:
    # A line may stop a character or two short: a mark that may not begin a line pulls a character down.
    return max(4, width // 10)


def _continues(para: str, prev: str, raw: str, text: str, width: int, indents: bool) -> bool:
    """Whether line text (raw: as written) goes on paragraph para, whose last line is prev."""
    if _width(prev) < width - _tolerance(width):
        return False  # clearly shorter than the page: the paragraph ended there
    if indents and INDENT_RE.match(raw):
        return False  # a first-line indent opens a paragraph
    if is_noise(prev) or is_noise(text):
        return False
    heading = HEADING_START_RE.match(para) and not SENTENCE_IN_LINE_RE.search(para) and prev[-1:] not in MID_SENTENCE
    sentence_ended = prev.rstrip(CLOSERS)[-1:] in SENTENCE_END
    if PARA_START_RE.match(text):
        # After a sentence or a heading, a number opens a paragraph; after a cut word (统 / 一、功能) it does not.
        return not heading and not sentence_ended
    full = _width(text) >= width - _tolerance(width)
    if sentence_ended and not full and text.rstrip(CLOSERS)[-1:] not in SENTENCE_END:
        return False  # a paragraph's last line ends a sentence; a short line that does not is a heading or a name
    # A full-width heading (numbered, no sentence in it) is followed by its text when the next line is full
    # too; the short rest of a long heading or item comes on a short line.
    return not (heading and full)


def join_wrapped_lines(lines: list[str]) -> list[str]:
    """Lines of a hard-wrapped text joined back into paragraphs, page numbers dropped; any other text is
    returned as it is."""
    texts = [normalize_space(line) for line in lines]
    body = [t for t in texts if t]
    width = _wrap_width(body)
    if width is None:
        return lines
    indented = sum(bool(INDENT_RE.match(raw)) for raw, t in zip(lines, texts) if t)
    indents = 3 <= indented < 0.5 * len(body)  # some lines indented, not all: the indent marks paragraphs
    out: list[str] = []
    prev = ""  # the last line of the paragraph being built; "" after a blank line
    for raw, text in zip(lines, texts):
        if not text:
            out.append("")
            prev = ""
        elif PAGE_NUMBER_RE.match(text):
            continue  # the paragraph goes on after the page break
        elif prev and _continues(out[-1], prev, raw, text, width, indents):
            # Latin words were cut at a space the wrap ate; Chinese text and numbers join directly.
            latin = out[-1][-1:].isascii() and out[-1][-1:].isalpha() and text[:1].isascii() and text[:1].isalpha()
            out[-1] += (" " if latin else "") + text
            prev = text
        else:
            out.append(text)
            prev = text
    return out
