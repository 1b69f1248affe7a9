"""Reading inputs safely and writing outputs atomically."""

from __future__ import annotations

import errno
import glob
import os
import sys
import tempfile
import time
from pathlib import Path

from drafter.errors import DrafterError

# A published report is a few hundred KB at most; anything far larger is not a report.
MAX_TEXT_BYTES = 8 * 1024 * 1024
MAX_DOCX_BYTES = 32 * 1024 * 1024


_OS_REASONS = {
    # On Windows a file open in Word or WPS cannot be replaced: that, not rights, is the usual cause.
    errno.EACCES: "没有权限，或文件正被其他程序（如 Word、WPS）打开", errno.EPERM: "没有权限", errno.ENOSPC: "磁盘空间不足", errno.EROFS: "只读的磁盘或文件夹",
    errno.EEXIST: "路径中有同名的文件挡住了文件夹", errno.ENOTDIR: "路径中有一段是文件而不是文件夹",
    errno.ENAMETOOLONG: "文件名过长", errno.EISDIR: "这是一个文件夹", errno.ENOENT: "路径不存在",
    errno.EDQUOT: "超出磁盘配额", errno.EIO: "磁盘读写错误", errno.EBUSY: "文件正被其他程序使用",
    errno.ELOOP: "符号链接循环", errno.EFBIG: "文件过大", errno.EMFILE: "打开的文件过多",
    errno.ETXTBSY: "文件正被其他程序使用", errno.EINVAL: "文件名或路径无效",
}


def os_reason(exc: OSError) -> str:
    """The operating system's reason in Chinese."""
    # The rest: the system's code rather than its English wording, so the message stays Chinese.
    return _OS_REASONS.get(exc.errno) or f"系统错误，代码 {exc.errno or type(exc).__name__}"


def read_input_bytes(path: str | Path, limit: int = MAX_TEXT_BYTES) -> bytes:
    """The bytes of an input file, refusing what is missing, a folder, empty or too large."""
    p = Path(path)
    if not p.exists():
        raise DrafterError("文件不存在", p)
    if p.is_dir():
        raise DrafterError("这是一个文件夹，不是文件", p)
    if not p.is_file():
        raise DrafterError("不是普通文件", p)
    size = p.stat().st_size
    if size == 0:
        raise DrafterError("文件是空的", p)
    if size > limit:
        raise DrafterError(
            f"文件过大（{size / 1048576:.1f} MB，上限 {limit / 1048576:.0f} MB），不像是一份报告", p
        )
    try:
        return p.read_bytes()
    except OSError as exc:
        raise DrafterError(f"无法读取文件（{os_reason(exc)}）", p) from exc


def readable_name(name: str) -> str:
    """A file name as text. On Linux a name in GBK bytes (a zip made on a Chinese Windows) arrives with
    its undecodable bytes as surrogates, which cannot be written to YAML: decode those bytes as GB18030."""
    if not any("\udc80" <= ch <= "\udcff" for ch in name):
        return name
    raw = os.fsencode(name)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", "replace")


def _looks_like_text(text: str) -> bool:
    if "\x00" in text:
        return False
    bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    bad += text.count("\ufffd")
    return bad <= max(2, len(text) // 200)


# Line ends besides \n: CR, and NEL, LINE and PARAGRAPH SEPARATOR, which editors show as new lines.
_LINE_ENDS = str.maketrans({"\r": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})


def _line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").translate(_LINE_ENDS)


def _mostly_utf8(data: bytes, path: str | Path) -> str | None:
    """UTF-8 text with a few bad bytes (a copy cut mid-character, a stray byte): the text with each bad
    byte replaced by U+FFFD, said on stderr with its lines; None when the bytes are no UTF-8 text."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    if not bad or bad > max(8, len(text) // 2000) or not _looks_like_text(text.replace("\ufffd", "")):
        return None
    lines = sorted({text.count("\n", 0, i) + 1 for i, ch in enumerate(text) if ch == "\ufffd"})
    shown = "、".join(map(str, lines[:10])) + ("等" if len(lines) > 10 else "")
    print(f"drafter：注意：{readable_name(str(path))}：第 {shown} 行有 {bad} 处不是 UTF-8 的字节，已用“\ufffd”代替，"
          "请核对这几行", file=sys.stderr)
    return text


def decode_text(data: bytes, path: str | Path, lenient: bool = False) -> str:
    """Decode report text, detecting UTF-8 (with or without BOM), UTF-16 with BOM and GB18030/GBK;
    lenient: UTF-8 with a few bad bytes is read with them replaced."""
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        # GB18030 is a superset of GBK and GB2312; UTF-8 is tried first since it fails fast on GB bytes.
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return _line_ends(text)
    if lenient and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _mostly_utf8(data.removeprefix(b"\xef\xbb\xbf"), path)
        if text is not None:
            return _line_ends(text)
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        if _looks_like_text(text):
            return _line_ends(text)
    raise DrafterError("无法识别为文本（不是 UTF-8、GB18030/GBK 或带 BOM 的 UTF-16 编码的文字）", path)


def check_output(path: str | Path, force: bool, inputs: tuple = ()) -> Path:
    """Refuse to overwrite an existing output without --force, a folder as a file, or an input even with --force."""
    p = Path(path)
    if p.is_dir():
        raise DrafterError("输出位置是一个文件夹，请给出文件名", p)
    for source in inputs:
        if source and p.exists() and Path(source).exists() and p.samefile(source):
            raise DrafterError("输出文件就是输入文件，会覆盖原文件；请另选输出文件名", p)
    if p.exists() and not force:
        raise DrafterError("输出文件已存在；如需覆盖，请加 --force", p)
    return p


# A writer needs well under a second per file; a temporary file this old was left by a killed process.
STALE_TEMP_SECONDS = 60


def _remove_stale_temps(target: Path) -> None:
    now = time.time()
    for tmp in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        try:
            if now - tmp.stat().st_mtime > STALE_TEMP_SECONDS:
                tmp.unlink()
        except OSError:
            pass


def _existing_mode(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _read_only(target: Path) -> bool:
    """A file the clerk marked read-only: it stays as it is (a rename would replace it regardless of
    its mode), also for root, whom os.access lets write anything."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not mode & 0o222 or not os.access(target, os.W_OK)


def _refuse_read_only(target: Path) -> None:
    if _read_only(target):
        raise DrafterError("文件是只读的，未写入；如需修改，请先取消只读属性", target)


def unwritable(path: str | Path) -> str | None:
    """Why atomic_write could not replace the file at `path` (None: it could), for a command to say so
    before the clerk's work rather than at its first save: the file is read-only, or its folder takes
    no new file (the temporary file beside it)."""
    p = Path(path)
    if p.is_symlink():
        p = Path(os.path.realpath(p))
    if _read_only(p):
        return "文件是只读的（如需修改，请先取消只读属性）"
    if not os.access(p.parent, os.W_OK | os.X_OK):
        return "文件所在的文件夹不可写（保存时要在其中建立临时文件；请把文件复制到可写的文件夹）"
    return None


def atomic_write(path: str | Path, data: bytes | str, force: bool = False) -> Path:
    """Write to a temporary file beside the target, then rename it into place."""
    p = check_output(path, force)
    if p.is_symlink():
        # Renaming over a link would replace the link with a plain file and leave its target stale.
        p = Path(os.path.realpath(p))
    _refuse_read_only(p)
    if isinstance(data, str):
        data = data.encode("utf-8")
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        _remove_stale_temps(p)
        fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f".{p.name}.", suffix=".tmp")
    except OSError as exc:
        raise DrafterError(f"无法写入（{os_reason(exc)}）", p) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            # mkstemp makes the file private (0600); give the output the mode a plain open() would.
            # (Windows has no such modes, and no os.fchmod before Python 3.13.)
            if os.name == "posix":
                os.fchmod(fh.fileno(), _existing_mode(p))
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise DrafterError(f"无法写入（{os_reason(exc)}）", p) from exc
        raise
    return p
