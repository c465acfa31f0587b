"""A small on-disk cache for work that is the same on every run: the parsed and checked
rule files, and the syllable table.

Never required: a missing, unreadable, unwritable or corrupt cache only means the work
is done again. An entry is found by a key that names everything it was computed from
(notelint's version and sources, Python's version, the input's bytes), so a change to any
of them misses the old entry instead of reusing it.

Location: $NOTELINT_CACHE_DIR if set (empty or "off" switches the cache off), else the
user cache folder ($XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS,
%LOCALAPPDATA% on Windows), in a `notelint` folder.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

ENV = "NOTELINT_CACHE_DIR"
_PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is switched off."""
    configured = os.environ.get(ENV)
    if configured is not None:
        return None if configured.strip() in ("", "off") else Path(configured)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "notelint"


@functools.cache
def code_fingerprint() -> str:
    """notelint's version, the state of its own sources and data (an editable install
    changes them without changing the version) and Python's version."""
    from notelint import __version__

    parts = [__version__, sys.version]
    for path in sorted([*_PACKAGE.rglob("*.py"), *_PACKAGE.rglob("*.yaml")]):
        try:
            stat = path.stat()
        except OSError:
            continue
        parts.append(f"{path.relative_to(_PACKAGE)}:{stat.st_mtime_ns}:{stat.st_size}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def package_file(module: str, relative: str) -> Path | None:
    """Where a data file of an installed package is, without importing the package."""
    spec = importlib.util.find_spec(module)
    return Path(spec.origin).parent / relative if spec and spec.origin else None


def package_file_stamp(module: str, relative: str) -> str:
    """Where a data file of an installed package is, with its size and age: a new
    version of the package misses entries made from it."""
    path = package_file(module, relative)
    try:
        info = path.stat() if path else None
    except OSError:
        info = None
    return f"{path}:{info.st_mtime_ns}:{info.st_size}" if info else f"{module}/{relative}:?"


def entry_key(*parts: str | bytes) -> str:
    digest = hashlib.sha256(code_fingerprint().encode())
    for part in parts:
        digest.update(b"\0" + (part.encode() if isinstance(part, str) else part))
    return digest.hexdigest()


def load(name: str, key: str) -> Any | None:
    """The value stored under name and key, or None (missing, stale or unreadable)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        with open(folder / f"{name}.pickle", "rb") as handle:
            stored_key, value = pickle.load(handle)
    except Exception:  # a cache that cannot be read is a miss, whatever the reason
        return None
    return value if stored_key == key else None


def store(name: str, key: str, value: Any) -> None:
    """Keep value under name and key; quietly does nothing when that is not possible.
    One file per name: a new key replaces the old entry, so the cache does not grow."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump((key, value), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, folder / f"{name}.pickle")  # atomic: readers never see half
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except Exception:  # unwritable, full, read-only: the cache is optional
        return
