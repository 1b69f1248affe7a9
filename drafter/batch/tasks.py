"""What a batch hands its workers and what it gives back."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

OK, FAILED = "ok", "failed"


@dataclass(frozen=True)
class Task:
    """One draft to render: its place among the inputs, where it goes, and how."""

    index: int
    src: Path
    out: Path
    template: str | None = None
    appendix: bool = False
    force: bool = False
    edition: str = "review"


@dataclass
class Row:
    """One input's fate, as the report lists it."""

    input: str
    status: str  # OK or FAILED
    reason: str = ""
    output: str = ""
    seconds: float = 0.0


@dataclass
class BatchResult:
    rows: list[Row] = field(default_factory=list)
    report: Path | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> int:
        return sum(1 for r in self.rows if r.status == OK)

    @property
    def failed(self) -> int:
        return sum(1 for r in self.rows if r.status != OK)


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during a batch, once the report of what was done is written."""

    def __init__(self, result: BatchResult):
        super().__init__()
        self.result = result
