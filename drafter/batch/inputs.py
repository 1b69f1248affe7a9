"""Which drafts a batch takes, and the output name each one gets."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from drafter.batch.patterns import (
    DOTS_RE,
    DROPPED_CATEGORIES,
    MAX_NAME_BYTES,
    NAME_TAIL,
    SPACES_RE,
    UNSAFE_CHARS,
    WINDOWS_RESERVED,
    YAML_NULLS,
    YAML_SUFFIXES,
    YEAR_RE,
)
from drafter.batch.tasks import FAILED, Row
from drafter.errors import DrafterError
from drafter.files import decode_text, read_input_bytes
from drafter.model.report import Meta


def collect_inputs(inputs: list[str | Path]) -> tuple[list[Path], list[Row]]:
    """Files given, plus the YAMLs inside folders given; empty folders become failed rows."""
    files: list[Path] = []
    rows: list[Row] = []
    seen: set[Path] = set()
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            found = sorted(
                f for f in p.iterdir()
                if f.suffix.lower() in YAML_SUFFIXES and f.is_file() and not f.name.startswith(".")
            )
            if not found:
                rows.append(Row(str(p), FAILED, "文件夹中没有草稿 YAML 文件（.yaml/.yml）"))
            candidates = found
        else:
            candidates = [p]
        for f in candidates:
            key = f.resolve()
            if key not in seen:  # the same file given twice renders once
                seen.add(key)
                files.append(f)
    return files, rows


# ---------------------------------------------------------------- meta, read ahead of the workers

def _skip_node(events, first) -> None:
    import yaml

    depth = 1 if isinstance(first, (yaml.MappingStartEvent, yaml.SequenceStartEvent)) else 0
    while depth:
        ev = next(events)
        if isinstance(ev, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
        elif isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def peek_meta(path: Path) -> Meta:
    """The region and year of a draft, read from the YAML events up to the end of `meta` only.

    The parent process needs them to name outputs before the workers load the full model;
    what is unreadable stays None (all of it for a broken file) and the worker reports the real error.
    """
    import yaml

    from drafter.model.yamltext import MAX_YAML_BYTES

    try:
        text = decode_text(read_input_bytes(path, MAX_YAML_BYTES), path)
        events = yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        for ev in events:
            if isinstance(ev, yaml.MappingStartEvent):
                break
            if not isinstance(ev, (yaml.StreamStartEvent, yaml.DocumentStartEvent)):
                return Meta()
        while True:
            key = next(events)
            if isinstance(key, yaml.MappingEndEvent):
                return Meta()
            _skip_node(events, key)  # a key that is itself a list or mapping
            value = next(events)
            if isinstance(key, yaml.ScalarEvent) and key.value == "meta" and isinstance(value, yaml.MappingStartEvent):
                return _read_meta(events)
            _skip_node(events, value)
    except (DrafterError, yaml.YAMLError, StopIteration, RecursionError, ValueError):
        return Meta()


def _read_meta(events) -> Meta:
    import yaml

    found: dict[str, str | None] = {}
    while True:
        key = next(events)
        if isinstance(key, yaml.MappingEndEvent):
            break
        _skip_node(events, key)
        value = next(events)
        if isinstance(key, yaml.ScalarEvent) and isinstance(value, yaml.ScalarEvent):
            null = value.implicit[0] and value.value in YAML_NULLS
            found[key.value] = None if null else value.value
        else:
            _skip_node(events, value)
    year = (found.get("year") or "").strip()
    return Meta(region=(found.get("region") or "").strip() or None,
                year=int(year) if YEAR_RE.fullmatch(year) else None)


# ---------------------------------------------------------------- names

def _truncate_bytes(text: str, limit: int) -> str:
    while len(text.encode("utf-8")) > limit:
        text = text[:-1]
    return text


def safe_name(text: str) -> str:
    """A file-name stem that is one plain name on every system: no separators, no '..',
    no control or Windows-reserved characters, not a reserved device name, not too long."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in DROPPED_CATEGORIES)
    text = UNSAFE_CHARS.sub("", text)
    text = DOTS_RE.sub(".", text)
    text = SPACES_RE.sub(" ", text).strip(" .")
    text = _truncate_bytes(text, MAX_NAME_BYTES).strip(" .")
    if text.split(".")[0].strip().upper() in WINDOWS_RESERVED:
        text = "_" + text
    return text


def output_stem(path: Path, meta: Meta) -> str:
    """'{region}{year}年法治政府建设情况报告', or the input's own name when region or year is unknown."""
    if meta.region and meta.year:
        region_part = safe_name(meta.region)
        if region_part:
            budget = MAX_NAME_BYTES - len(f"{meta.year}年{NAME_TAIL}".encode())
            return _truncate_bytes(region_part, budget).rstrip(" .") + f"{meta.year}年{NAME_TAIL}"
    return safe_name(path.stem) or "报告"


def assign_outputs(stems: list[str], outdir: Path) -> list[Path]:
    """One distinct path per stem inside outdir; repeats get ' (2)', ' (3)'… in input order.

    Names are compared case-folded so two outputs stay distinct on Windows and macOS too.
    """
    taken: set[str] = set()
    out: list[Path] = []
    for stem in stems:
        name = f"{stem}.docx"
        n = 2
        while name.casefold() in taken:
            name = f"{stem} ({n}).docx"
            n += 1
        taken.add(name.casefold())
        out.append(outdir / name)
    return out
