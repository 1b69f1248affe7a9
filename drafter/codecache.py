"""Compiled Python code kept between runs in the user's cache folder: the schema's generated
validator and the templates' Jinja code, which every cold command would otherwise compile again.

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


def cached_code(kind: str, key: str, build: Callable[[], CodeType]) -> CodeType:
    """The code object for `key` (text naming its whole input), from the cache or `build()` and stored.
    A cache that cannot be read or written only costs the compile."""
    digest = hashlib.sha256(f"{sys.implementation.cache_tag}\0{kind}\0{key}".encode("utf-8", "surrogatepass")).hexdigest()[:32]
    folder = os.path.join(cache_dir(), "code")
    path = os.path.join(folder, f"{kind}-{digest}.marshal")
    try:
        with open(path, "rb") as f:
            code = marshal.loads(f.read())
        if isinstance(code, CodeType):
            return code
    except (OSError, EOFError, ValueError, TypeError):
        pass
    code = build()
    try:
        os.makedirs(folder, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f"{kind}-", dir=folder)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(marshal.dumps(code))
            os.replace(temp, path)  # whole or not at all, also when two processes race
        except BaseException:
            os.unlink(temp)
            raise
    except OSError:
        pass
    return code
