"""The one error type a clerk sees: a Chinese message naming the file and the place."""

from __future__ import annotations

from pathlib import Path


class DrafterError(Exception):
    """Bad input or a refused operation; the CLI prints it and exits with code 2."""

    def __init__(self, message: str, file: str | Path | None = None, place: str | None = None):
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.place = place

    def __str__(self) -> str:
        parts = [p for p in (self.file, self.place) if p]
        prefix = "：".join(parts)
        return f"{prefix}：{self.message}" if prefix else self.message
