"""drafter's caches in the user's own cache folder, stored verified (read_marshal, write_marshal):
compiled Python code kept between runs (the schema's generated validator and the templates' Jinja
code, which every cold command would otherwise compile again) and the word cache (text/words.py).

An entry is named by a digest of everything that shaped the code (its source, the generator's
version, this Python's bytecode tag), so a changed schema or template is simply a new entry.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from types import CodeType


def cache_dir() -> str:
    """The folder for drafter's caches (platformdirs: ~/.cache/drafter on Linux)."""
    from platformdirs import user_cache_dir

    return user_cache_dir("drafter", appauthor=False)


def read_marshal(path: str):
    """What `write_marshal` stored at path, when the file is this user's and whole: its first line is
    the SHA-256 of the rest, checked before unmarshalling (marshal trusts its input, and code read from
    it runs). None for a missing, foreign, writable-by-others or damaged file."""
    try:
        with open(path, "rb") as f:
            if os.name == "posix":
                st = os.fstat(f.fileno())
                if st.st_uid != os.getuid() or st.st_mode & 0o022:
                    return None
            digest, _, body = f.read().partition(b"\n")
        if hashlib.sha256(body).hexdigest().encode() != digest:
            return None
        return marshal.loads(body)
    except (OSError, EOFError, ValueError, TypeError):
        return None


def write_marshal(path: str, value) -> None:
    """Store value at path, whole or not at all (parallel batch workers may write it at the same time).
    A cache that cannot be written only costs the next run the work again."""
    body = marshal.dumps(value)
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".cache.", suffix=".tmp", dir=folder)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, path)
    except OSError:
        try:
            os.unlink(temp)
        except OSError:
            pass


def cached_code(kind: str, key: str, build: Callable[[], CodeType]) -> CodeType:
    """The code object for `key` (text naming its whole input), from the cache or `build()` and stored."""
    digest = hashlib.sha256(f"{sys.implementation.cache_tag}\0{kind}\0{key}".encode("utf-8", "surrogatepass")).hexdigest()[:32]
    path = os.path.join(cache_dir(), "code", f"{kind}-{digest}.marshal")
    code = read_marshal(path)
    if isinstance(code, CodeType):
        return code
    code = build()
    write_marshal(path, code)
    return code
