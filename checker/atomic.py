"""Writing a file so that nothing the user had is lost: the new content goes to a
temporary file in the same folder, which replaces the file only once it is complete.
Ctrl-C, a full disk or a crash leaves the previous file as it was. A path that is not
a regular file (`/dev/null`, `/dev/stdout`, a named pipe) is written to as it is: put in
its place, a new file would replace the device (as root, `-o /dev/null` once left a
regular file at /dev/null) or the pipe a reader waits on.

The temporary file's name carries the writing process's id (`.NAME.PID.tmp`), so a
later run can tell the leftovers of a process that was killed outright (SIGKILL, the
OOM killer) from a file another process is writing now, and remove them
(`remove_leftovers`), with no guess based on time.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

_LEFTOVER = re.compile(r"^\..+\.(\d+)\.tmp$")


def _temporary(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


@contextmanager
def atomic_text(path: str | os.PathLike[str], *, encoding: str = "utf-8", newline: str | None = None,
                errors: str = "strict") -> Iterator[TextIO]:
    """A text stream whose content becomes `path` when the block ends without an
    exception (KeyboardInterrupt included); otherwise `path` is left untouched and the
    temporary file removed. A symbolic link is written through, not replaced; a file
    that exists keeps its permissions."""
    target = Path(os.path.realpath(path))
    try:
        status = os.stat(target).st_mode
    except OSError:
        status = None
    if status is not None and not stat.S_ISREG(status) and not stat.S_ISDIR(status):
        with open(target, "w", encoding=encoding, newline=newline, errors=errors) as f:
            yield f
        return
    temporary = _temporary(target)
    if status is not None:
        mode = status & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    try:
        with open(fd, "w", encoding=encoding, newline=newline, errors=errors) as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


def write_text_atomic(path: str | os.PathLike[str], text: str, **kw) -> None:
    with atomic_text(path, **kw) as f:
        f.write(text)


def remove_leftovers(folder: Path) -> None:
    """Remove the temporary files that processes which no longer run left in `folder`."""
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        found = _LEFTOVER.match(name)
        if found and not _running(int(found.group(1))):
            try:
                os.unlink(folder / name)
            except OSError:
                pass


def _running(pid: int) -> bool:
    if pid == os.getpid() or os.name != "posix":  # (on Windows, os.kill would end the process)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True  # someone else's process, or cannot tell: leave it
    return True
