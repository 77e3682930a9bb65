"""Output safety: where dragoman may write, and how.

- An output is never one of the inputs, the event store (or its write-ahead log) or another output
  of the same command: :func:`check_outputs` refuses it before anything is read or written.
- An output file is written to a temporary file beside it and renamed into place when complete
  (:func:`atomic_text`), so a failed or interrupted command leaves the old file as it was.
- A directory output (a Parquet export) replaces only a directory that dragoman wrote itself
  (:func:`replace_directory`): files it did not write are never deleted.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from .errors import Errors, OutputError

EXPORT_MARKER = "_dragoman_export.json"  # Parquet readers skip files that begin with "_"


def _same(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet): compare where they would be
        return a.resolve() == b.resolve()


def _local(path: str | Path) -> Path | None:
    s = str(path)
    if s == "-" or s.lower().startswith(("http://", "https://")):
        return None
    return Path(s)


def check_outputs(
    outputs: Iterable[str | Path | None], inputs: Iterable[str | Path] = (), store: str | Path | None = None
) -> None:
    """Raise OutputError (E057) when an output is an input, the store or another output."""
    targets = [p for p in (_local(o) for o in outputs if o is not None) if p is not None]
    sources = [p for p in (_local(i) for i in inputs) if p is not None]
    guarded = [(p, "one of the inputs") for p in sources]
    if store is not None and str(store) != ":memory:":
        guarded += [(Path(store), "the event store"), (Path(f"{store}.wal"), "the event store's write-ahead log")]
    for n, out in enumerate(targets):
        for path, what in guarded:
            if _same(out, path):
                raise OutputError(Errors.E057, path=str(out), what=what)
        for other in targets[:n]:
            if _same(out, other):
                raise OutputError(Errors.E057, path=str(out), what="also another output of this command")


def _temp(path: Path, suffix: str) -> Path:
    return path.parent / f".{path.name}.{secrets.token_hex(4)}.{suffix}"


def _cannot(path: Path, exc: OSError) -> OutputError:
    return OutputError(Errors.E056, path=str(path), detail=exc.strerror or str(exc))


@contextlib.contextmanager
def atomic_text(path: str | Path, newline: str | None = "") -> Iterator[IO[str]]:
    """A text file to write ``path`` through: a temporary file beside it, renamed to ``path``
    when the block ends without an error, and removed when it does not."""
    with _atomic(path, "w", newline) as fh:
        yield fh


@contextlib.contextmanager
def atomic_bytes(path: str | Path) -> Iterator[IO[bytes]]:
    """As :func:`atomic_text`, for a binary file."""
    with _atomic(path, "wb", None) as fh:
        yield fh


@contextlib.contextmanager
def _atomic(path: str | Path, mode: str, newline: str | None) -> Iterator[IO]:  # type: ignore[type-arg]
    target = Path(path)
    if target.is_dir():
        raise OutputError(Errors.E056, path=str(target), detail="it is a directory")
    tmp = _temp(target, "tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise _cannot(target, exc) from None
    try:
        text = {"encoding": "utf-8", "newline": newline} if "b" not in mode else {}
        with os.fdopen(fd, mode, **text) as fh:  # type: ignore[call-overload]
            yield fh
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError):
            raise _cannot(target, exc) from None
        raise


def _written_by_us(directory: Path) -> bool:
    """Whether every entry of ``directory`` is a file an earlier export listed (or the list)."""
    try:
        listed = set(json.loads((directory / EXPORT_MARKER).read_text(encoding="utf-8")).get("files", []))
    except (OSError, ValueError, AttributeError):
        return False
    for entry in directory.rglob("*"):
        rel = entry.relative_to(directory).as_posix()
        if entry.is_file() and rel != EXPORT_MARKER and rel not in listed:
            return False
    return True


def replace_directory(path: str | Path, write: Callable[[Path], None]) -> None:
    """Write a directory with ``write(tmp)`` into a new folder beside ``path``, list its files in
    :data:`EXPORT_MARKER`, and put it in place of ``path``: an empty folder or one an earlier
    export wrote (anything else is refused with E058)."""
    target = Path(path)
    if target.exists() and not target.is_dir():
        raise OutputError(Errors.E056, path=str(target), detail="it is a file, and a parquet export is a folder")
    if target.is_dir() and any(target.iterdir()) and not _written_by_us(target):
        example = next(p for p in sorted(target.rglob("*")) if p.name != EXPORT_MARKER)
        raise OutputError(Errors.E058, path=str(target), example=example.relative_to(target).as_posix())
    tmp = _temp(target, "tmp")
    old = _temp(target, "old")
    try:
        tmp.mkdir(parents=True)
        write(tmp)
        files = sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*") if p.is_file())
        (tmp / EXPORT_MARKER).write_text(json.dumps({"files": files}, indent=1) + "\n", encoding="utf-8")
        moved = target.exists()
        if moved:
            target.rename(old)
        try:
            tmp.rename(target)
        except OSError:
            if moved:
                old.rename(target)
            raise
    except OSError as exc:
        raise _cannot(target, exc) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
