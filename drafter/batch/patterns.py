"""The names and characters batch works with: which files it takes, how it names outputs and reports."""

from __future__ import annotations

import re

YAML_SUFFIXES = (".yaml", ".yml")
# What drafter parse reads: given to batch by mistake, they get a pointer to the right command.
PRIOR_REPORT_SUFFIXES = (".txt", ".text", ".docx", ".doc", ".html", ".htm")
# The batch's own report of each input's fate.
REPORT_NAME = "batch-report"
REPORT_FORMATS = (".csv", ".json")
NAME_TAIL = "法治政府建设情况报告"
# Most file systems cap a name at 255 bytes; stay well below so " (12)" and ".docx" always fit.
MAX_NAME_BYTES = 200
DOTS_RE = re.compile(r"\.{2,}")  # a run of dots: "..", a way out of the folder
SPACES_RE = re.compile(r"\s+")
UNSAFE_CHARS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
WINDOWS_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                              *(f"LPT{i}" for i in range(1, 10))})
# Control, format (bidi overrides) and lone surrogate characters: the last cannot even be a file name.
DROPPED_CATEGORIES = ("Cc", "Cf", "Cs")
YEAR_RE = re.compile(r"[0-9]{4}")  # ASCII digits only: str.isdigit() also accepts ¹²³⁴, which int() refuses
YAML_NULLS = ("", "~", "null", "Null", "NULL")
