"""The build's outputs put in place as one set: all the new files or all the old ones, the stamp last.

Every changed file is first written beside its place. Then, with Ctrl-C held back for the few
renames: the stamp is removed, every old file is moved aside (which proves it can be replaced:
an immutable file or a locked folder stops the build here, with nothing changed), the new files
are renamed into place, the stamp is written and the old files are removed. A rename that fails
even so puts the old files back. A symbolic link in an output's place is replaced, never written
through.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..atomic import Content, refuse_non_file, staged_write
from ..errors import OutputError


class StagedSet:
    """A set of files written beside their places, then put in place together with a record written last."""

    def __init__(self) -> None:
        self.staged: dict[Path, Path] = {}  # where a file goes: its temporary file

    def add(self, path: Path, data: Content) -> None:
        """Write `data` beside `path` (temporary files an interrupted build left there are removed)."""
        refuse_non_file(path)
        for left in path.parent.glob(f".{path.name}.*.tmp"):
            left.unlink(missing_ok=True)
        self.staged[path] = staged_write(path, data)

    def discard(self) -> None:
        """Remove every temporary file: nothing is put in place."""
        for temporary in self.staged.values():
            temporary.unlink(missing_ok=True)
        self.staged.clear()

    def commit(self, record: Path, record_data: bytes) -> None:
        """Put every file in place, then write `record`: the whole set, or nothing changed."""
        self.add(record, record_data)
        staged = self.staged
        with _interrupts_held():
            aside = _set_aside(list(staged))
            try:
                _rename_all([(temporary, path) for path, temporary in staged.items()], undo=aside)
            except OutputError:
                self.discard()
                raise
            for old in aside.values():
                old.unlink(missing_ok=True)
            staged.clear()


def _set_aside(paths: list[Path]) -> dict[Path, Path]:
    """Move every existing file of `paths` aside (`.name.old.tmp`); if one cannot be moved, put them back and fail."""
    aside: dict[Path, Path] = {}
    for path in paths:
        old = path.with_name(f".{path.name}.old.tmp")
        try:
            os.rename(path, old)
        except FileNotFoundError:
            continue
        except OSError as error:
            _put_back(aside)
            raise OutputError(f"cannot replace {path}: {error.strerror or error}; no output was changed: "
                              "fix the cause and build again") from error
        aside[path] = old
    return aside


def _rename_all(moves: list[tuple[Path, Path]], undo: dict[Path, Path]) -> None:
    """Rename each (from, to); if one fails, remove those done, put back the files of `undo` and fail."""
    for number, (source, target) in enumerate(moves):
        try:
            os.replace(source, target)
        except OSError as error:
            for _, done in moves[:number]:
                if done not in undo:
                    done.unlink(missing_ok=True)
            _put_back(undo)
            raise OutputError(f"cannot write {target}: {error.strerror or error}; no output was changed: "
                              "fix the cause and build again") from error


def _put_back(aside: dict[Path, Path]) -> None:
    """Rename each file set aside back to its place (place: file set aside)."""
    for place, old in aside.items():
        try:
            os.replace(old, place)
        except OSError:
            pass  # the folder refuses even this: the old file stays beside its place, the next build removes it


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C back until the block ends, then deliver it; outside the main thread, run the block as it is."""
    held: list[int] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda signum, frame: held.append(signum))
    except ValueError:  # not the main thread: Ctrl-C is not delivered here anyway
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)
        if held:
            signal.raise_signal(signal.SIGINT)
