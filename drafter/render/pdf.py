"""A rendered .docx as PDF, through LibreOffice where it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from drafter.errors import DrafterError
from drafter.files import atomic_write, check_output

CONVERT_SECONDS = 300  # a first start of LibreOffice builds its profile: slow, but not endless
NO_SOFFICE = ("未找到 LibreOffice（soffice 命令），无法生成 PDF；请安装 LibreOffice，"
              "或在 Word/WPS 中打开 .docx 另存为 PDF")


def soffice() -> str:
    """The LibreOffice command, or a clear refusal before anything is written."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise DrafterError(NO_SOFFICE)
    return found


def pdf_path(docx: str | Path, force: bool) -> Path:
    """The PDF beside the .docx; an existing one needs force."""
    return check_output(Path(docx).with_suffix(".pdf"), force)


def to_pdf(docx: str | Path, force: bool = False) -> Path:
    """Convert `docx` to a PDF beside it, in a private LibreOffice profile (a running LibreOffice is left alone)."""
    docx = Path(docx)
    out = pdf_path(docx, force)
    command = soffice()
    with tempfile.TemporaryDirectory(prefix="drafter-pdf-") as tmp:
        profile = Path(tmp) / "profile"
        try:
            subprocess.run([command, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                            "--convert-to", "pdf", "--outdir", tmp, str(docx)],
                           check=True, capture_output=True, timeout=CONVERT_SECONDS)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            raise DrafterError(f"LibreOffice 未能转换为 PDF（{type(exc).__name__}）", docx) from None
        made = Path(tmp) / (docx.stem + ".pdf")
        if not made.is_file():
            raise DrafterError("LibreOffice 未生成 PDF", docx)
        return atomic_write(out, made.read_bytes(), force=force)
