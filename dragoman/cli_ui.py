"""Command-line presentation shared by the commands: flags shown as flags, --version, record progress."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


def show_flags_as_flags() -> None:
    """Typer's rich help prints a type for every option, so flags read ``--fuse <bool>`` as if they
    took a value; flags take none, so their type column is left empty (as click's plain help does)."""
    from typer.core import TyperOption

    if getattr(TyperOption, "_dragoman_flags", False):
        return
    original = TyperOption.display_type_rich

    def display_type_rich(self: TyperOption, ctx: Any) -> str | None:
        if self.is_flag:
            return None
        return original(self, ctx)

    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]
    TyperOption._dragoman_flags = True  # type: ignore[attr-defined]


def version_option(version: str) -> Callable[[bool], None]:
    """The callback of an eager ``--version`` flag: print the version and stop."""

    def show(value: bool) -> None:
        if value:
            typer.echo(f"dragoman {version}")
            raise typer.Exit()

    return show


def count_records(inputs: Iterable[str | Path]) -> int | None:
    """How many records the inputs hold (JSONL lines, CSV rows, one per text or HTML file), or
    None when that cannot be known before reading them (stdin, URLs, feeds, unreadable files)."""
    total = 0
    for item in inputs:
        name = str(item)
        path = Path(name)
        if name == "-" or "://" in name or not path.is_file():
            return None
        suffix = path.suffix.lower()
        try:
            if suffix in (".jsonl", ".ndjson", ".json"):
                with open(path, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            elif suffix in (".csv", ".tsv"):
                with open(path, encoding="utf-8", errors="replace", newline="") as fh:
                    total += max(sum(1 for row in csv.reader(fh, delimiter="\t" if suffix == ".tsv" else ",") if row) - 1, 0)
            elif suffix in (".xml", ".rss", ".atom"):
                return None
            else:
                total += 1
        except OSError:
            return None
    return total


class RecordProgress:
    """A progress bar on stderr that counts input records (N of total when the inputs tell it)
    and the events found; shown only on a terminal and when not quiet."""

    def __init__(self, label: str, inputs: Iterable[str | Path], *, quiet: bool, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True, highlight=False)
        show = not quiet and self.console.is_terminal
        total = count_records(list(inputs)) if show else None
        self.progress = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[unit]}"),
            TimeElapsedColumn(), TimeRemainingColumn(), console=self.console, transient=True, disable=not show,
        )
        self.task = self.progress.add_task(label, total=total, unit="records · 0 events")
        self.parts: TaskID | None = None
        self.events = 0

    def record(self, events: int = 0) -> None:
        """One more record read (coded, stored or failed), with the events it gave."""
        self.events += events
        self.progress.update(self.task, advance=1, unit=f"records · {self.events} events")

    def partitions(self, done: int, sent: int) -> None:
        """With a Dask cluster: a bar over the partitions sent to the workers (its total grows as
        the input is read) and those back."""
        if self.parts is None:
            self.parts = self.progress.add_task("partitions", total=sent, unit="partitions")
        self.progress.update(self.parts, completed=done, total=sent)

    def print(self, message: str) -> None:
        self.progress.console.print(message, markup=False, soft_wrap=True)

    def __enter__(self) -> RecordProgress:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(None, None, None)
