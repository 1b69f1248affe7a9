"""Locate the bundled templates/ and schemas/ folders, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    # Installed: drafter/<name>/ (package-dir mapping); source checkout: <repo>/<name>/.
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"drafter is missing its {name}/ folder")


def templates_dir() -> Path:
    return _bundled("templates")


def schemas_dir() -> Path:
    return _bundled("schemas")
