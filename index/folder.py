"""The folders beside an index: the staging folder a build writes, the previous index moved aside
during the swap, and the recovery of what a killed build left.

A new index is written to a staging folder beside the target and swapped in by two renames only
when complete, so a failed or killed build leaves the previous index as it was; a build is
refused while another running process writes the same index. Anything that is not an index
folder is never moved or deleted.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from .layout import INDEX_ENTRIES, MANIFEST, IndexProblem

def staging_dir(directory: Path) -> Path:
    return directory.parent / f".{directory.name}.building-{os.getpid()}"


def old_dir(directory: Path) -> Path:
    return directory.parent / f".{directory.name}.old-{os.getpid()}"


def leftovers(directory: Path, kind: str) -> list[Path]:
    """Staging ('building') or moved-aside ('old') folders of earlier runs for this index."""
    if not directory.parent.is_dir():
        return []
    return sorted(p for p in directory.parent.glob(f".{directory.name}.{kind}-*") if p.is_dir())


def _pid_of(leftover: Path) -> int | None:
    try:
        return int(leftover.name.rsplit("-", 1)[1])
    except (IndexError, ValueError):
        return None


def _alive(pid: int | None) -> bool:
    """Whether a process of this machine with that id is running (a malformed id counts as dead)."""
    if pid is None or pid <= 0:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    except (OSError, OverflowError, ValueError):
        return False
    return True


class IndexBusy(IndexProblem):
    """Another process is writing the same index."""


def check_not_busy(directory: Path) -> None:
    for staging in leftovers(directory, "building"):
        pid = _pid_of(staging)
        if pid != os.getpid() and _alive(pid):
            raise IndexBusy(
                f"another `ess-qa index` (process {pid}) is writing the index at {directory}: wait for it to finish "
                f"(or stop it), then try again"
            )


def recover_interrupted_build(directory: str | Path) -> list[str]:
    """Tidy what killed builds left beside an index (only folders of processes no longer running).

    - A build killed between the two renames of the swap leaves no index folder and the previous
      index under `.NAME.old-PID`: it is put back in place.
    - Staging folders (`.NAME.building-PID`) and leftover `.NAME.old-PID` folders are removed.
    Returns what was done, one line each (for logs and tests).
    """
    directory = Path(directory)
    done = []

    def dead(kind: str) -> list[Path]:
        return [p for p in leftovers(directory, kind) if not _alive(_pid_of(p))]

    if not (directory / MANIFEST).is_file() and replaceable(directory):
        for old in sorted(dead("old"), key=lambda p: p.stat().st_mtime, reverse=True):
            if (old / MANIFEST).is_file():
                if directory.exists():
                    shutil.rmtree(directory)
                os.replace(old, directory)
                done.append(f"restored the previous index from {old.name}")
                break
    for leftover in dead("building") + dead("old"):
        shutil.rmtree(leftover, ignore_errors=True)
        done.append(f"removed {leftover.name}")
    return done



def replaceable(directory: Path) -> bool:
    """Whether directory may be replaced by an index: absent, empty, or holding only index files.

    Anything else (a folder of the user's documents given as --index-dir by mistake) is never
    moved or deleted.
    """
    if not directory.exists():
        return True
    if not directory.is_dir():
        return False
    return all(child.name in INDEX_ENTRIES for child in directory.iterdir())


def fsync_tree(directory: Path) -> None:
    """Flush a folder's files and entries to disk, so a crash after the swap cannot leave them empty."""
    for path in sorted(directory.rglob("*"), reverse=True):
        _fsync_path(path)
    _fsync_path(directory)


def _fsync_path(path: Path) -> None:
    """fsync a file or a folder's entries (best effort: some file systems refuse)."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def swap_in(staging: Path, directory: Path) -> None:
    """Replace directory with staging by two renames.

    Between them the previous index sits complete under `.NAME.old-PID`; if the process dies
    there, the next build or load puts it back (recover_interrupted_build).
    """
    old = old_dir(directory)
    shutil.rmtree(old, ignore_errors=True)
    if directory.exists():
        os.replace(directory, old)
    os.replace(staging, directory)
    _fsync_path(directory.parent)
    shutil.rmtree(old, ignore_errors=True)

