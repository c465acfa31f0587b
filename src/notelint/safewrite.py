"""Crash-safe file replacement for --fix.

The new text goes to a temporary file in the same folder, is flushed and fsynced, gets
the old file's permission bits, and then replaces the old file in one rename. A run
interrupted at any point leaves the file wholly old or wholly new, and a file that
changed on disk after it was read is left alone.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


class ChangedOnDisk(Exception):
    """The file is no longer what was read: someone else wrote it meanwhile."""


def replace_file(path: Path, data: bytes, expected: bytes) -> None:
    """Write `data` to `path` atomically, if the file still holds `expected`."""
    target = path.resolve()  # a symbolic link keeps pointing at the fixed file
    if target.read_bytes() != expected:
        raise ChangedOnDisk(str(path))
    mode = stat.S_IMODE(target.stat().st_mode)
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, mode)
        if target.read_bytes() != expected:  # once more, just before the swap
            raise ChangedOnDisk(str(path))
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (not possible everywhere, e.g. on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
