"""The store commands: ``dragoman ingest``, ``query``, ``export``, ``plot`` (thin layers over dragoman.store)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from . import cli_options as common
from .errors import DragomanError
from .nlp import DEFAULT_MODEL

err = Console(stderr=True, highlight=False)
OUTPUT_FORMATS = ("table", "csv", "json")
TABLE_ROWS = 200  # most rows a terminal table shows; use --limit, csv or json for more
# the columns of the events table in the terminal (csv and json have all); widths of text columns
EVENT_TABLE = ("date", "date_precision", "doc_id", "event", "cameo", "quad_code", "plover_score", "actor", "recipient", "event_text", "negated", "sentence_text")
WIDE = {"sentence_text": 60, "doc_id": 20, "title": 40, "source": 30}

DbOpt = Annotated[Path, typer.Option("--db", help="The DuckDB store file.", envvar="DRAGOMAN_DB")]
ActorOpt = Annotated[list[str] | None, typer.Option("--actor", "-a", help="Actor code (ISO3, IGO...); repeatable or comma-separated.")]
RecipientOpt = Annotated[list[str] | None, typer.Option("--recipient", "-r", help="Recipient code; repeatable or comma-separated.")]
CountryOpt = Annotated[list[str] | None, typer.Option("--country", "-c", help="Code on either side (actor or recipient).")]
EventOpt = Annotated[list[str] | None, typer.Option("--event", "-e", help="PLOVER event type (ASSAULT, AGREE...); repeatable.")]
QuadOpt = Annotated[list[str] | None, typer.Option("--quad", help="Quad class 1-4 (1 verbal coop ... 4 material conflict); repeatable.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="First event day (YYYY-MM-DD), inclusive.")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Last event day (YYYY-MM-DD), inclusive.")]
SourceOpt = Annotated[list[str] | None, typer.Option("--source", help="Article source (site or feed name); repeatable.")]
TextOpt = Annotated[str | None, typer.Option("--text", help="Case-insensitive text in the event's sentence or the article title.")]
ModalityOpt = Annotated[list[str] | None, typer.Option("--modality", help="asserted, future, hypothetical or historical; repeatable.")]
NegatedOpt = Annotated[bool | None, typer.Option("--negated/--not-negated", help="Only negated events, or only events not negated (default: both).")]
PrecisionOpt = Annotated[list[str] | None, typer.Option("--precision", help="Date precision: day, month, year or publication; repeatable.")]
ConfidenceOpt = Annotated[float | None, typer.Option("--min-confidence", help="Lowest confidence (the relevance model's probability), 0 to 1.")]
AttributedOpt = Annotated[
    list[str] | None,
    typer.Option("--attributed", help="Who the event is attributed to: a code (PAK) or words of the source ('State Department'); repeatable."),
]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="table (terminal), csv or json.")]
OutOpt = Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")]
LimitOpt = Annotated[int | None, typer.Option("--limit", "-n", min=1, help="At most this many rows (1 or more).")]


def _fail(exc: DragomanError, code: int = 2) -> typer.Exit:
    err.print(f"error: {exc.message} {exc.remedy}", markup=False, soft_wrap=True)
    return typer.Exit(code)


def _split(values: list[str] | None) -> list[str]:
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def _day(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"'{value}' is not a date; use YYYY-MM-DD", param_hint=name) from None


def _filters(
    actor: list[str] | None, recipient: list[str] | None, country: list[str] | None, event: list[str] | None,
    quad: list[str] | None, since: str | None, until: str | None, source: list[str] | None, text: str | None,
    modality: list[str] | None = None, negated: bool | None = None, precision: list[str] | None = None,
    min_confidence: float | None = None, attributed: list[str] | None = None,
) -> Any:
    """The filters of a command; an unknown value is a usage error (exit 2) that lists the valid ones.
    Codes and sources are checked against the store when the query runs."""
    from .store import Filters

    quads = []
    for q in _split(quad):
        if q not in ("1", "2", "3", "4"):
            raise typer.BadParameter(f"'{q}' is not a quad class; use 1, 2, 3 or 4", param_hint="--quad")
        quads.append(int(q))
    filters = Filters(
        actors=_split(actor), recipients=_split(recipient), countries=_split(country), events=_split(event),
        quads=quads, since=_day(since, "--since"), until=_day(until, "--until"), sources=source or [], text=text,
        modalities=_split(modality), negated=negated, precisions=_split(precision), min_confidence=min_confidence,
        attributed=_split(attributed),
    )
    try:
        return filters.check()
    except DragomanError as exc:
        raise _fail(exc) from None


def _rows(df: Any) -> list[dict[str, Any]]:
    """JSON-ready rows: dates as YYYY-MM-DD, NaN/NaT as null, numpy scalars as Python values."""
    from .store.rows import json_rows

    return json_rows(df)


def _table(df: Any, rows: list[dict[str, Any]], columns: tuple[str, ...]) -> Any:
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    cols = [c for c in df.columns if c in columns] if columns else list(df.columns)
    for col in cols:
        numeric = df[col].dtype.kind in "iuf"
        table.add_column(
            str(col), justify="right" if numeric else "left", no_wrap=True, overflow="ellipsis",
            max_width=None if numeric else WIDE.get(str(col), 24), min_width=len(str(col)) if numeric else None,
        )
    for row in rows[:TABLE_ROWS]:
        table.add_row(*("" if row[c] is None else " ".join(str(row[c]).split()) for c in cols))
    if len(rows) > TABLE_ROWS:
        err.print(f"showing the first {TABLE_ROWS} rows; use --limit, --format csv or --format json for all", markup=False, soft_wrap=True)
    elif columns and len(cols) < len(df.columns):
        err.print("the table shows the main columns; --format csv or json gives all", markup=False, soft_wrap=True)
    return table


def _csv(df: Any, rows: list[dict[str, Any]], escape: bool) -> str:
    import csv
    import io

    from .write import cell

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([cell(str(c), escape) for c in df.columns])
    for row in rows:
        writer.writerow(["" if v is None else cell(v, escape) if isinstance(v, str) else v for v in row.values()])
    return buf.getvalue()


def _emit(df: Any, fmt: str, output: Path | None, columns: tuple[str, ...] = (), escape: bool = True) -> None:
    """Print (or write to ``output``, through a temporary file) the rows as a table, CSV or JSON."""
    from .output import atomic_text

    rows = _rows(df)
    if fmt == "table":
        table = _table(df, rows, columns)
        if output is None:
            Console(file=sys.stdout, width=None if sys.stdout.isatty() else 200).print(table)
            return
        with atomic_text(output) as fh:
            Console(file=fh, width=200).print(table)
        return
    text = json.dumps(rows, ensure_ascii=False, indent=1) + "\n" if fmt == "json" else _csv(df, rows, escape)
    if output is None:
        sys.stdout.write(text)
        return
    with atomic_text(output) as fh:
        fh.write(text)


# ------------------------------------------------------------------------------------------ ingest


def ingest(
    inputs: Annotated[list[str] | None, typer.Argument(help="Text, JSONL, CSV, HTML or RSS/Atom files, http(s) URLs, or - for stdin.")] = None,
    db: DbOpt = Path("dragoman.duckdb"),
    date: Annotated[str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) for records and pages without one.")] = None,
    fetch: Annotated[bool, typer.Option("--fetch", help="Code the page each feed item links to (not just its summary).")] = False,
    timeout: common.TimeoutOpt = common.DEFAULT_TIMEOUT,
    max_bytes: common.MaxBytesOpt = common.DEFAULT_MAX_BYTES,
    allow_private: common.PrivateOpt = False,
    max_chars: common.MaxCharsOpt = common.DEFAULT_MAX_CHARS,
    resume: Annotated[bool, typer.Option("--resume", help="Also finish the interrupted (killed) ingest runs that this user started on this machine, with their inputs and options.")] = False,
    commit_every: Annotated[int, typer.Option("--commit-every", help="Articles per transaction (an article's rows are always written together).")] = 32,
    model: Annotated[str, typer.Option("--model", "-m", help="Installed spaCy pipeline to parse with.")] = DEFAULT_MODEL,
    dictionary: Annotated[list[Path] | None, typer.Option("--dictionary", "-d", help="Extra dictionary file (YAML); repeatable.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary (errors are still shown).")] = False,
    prefilter: common.PrefilterOpt = True,
    workers: common.WorkersOpt = 0,
    scheduler: common.SchedulerOpt = None,
    partition_size: common.PartitionOpt = common.DEFAULT_PARTITION,
) -> None:
    """Code articles and store them, with their sentences, events and entities, in a DuckDB store.

    Idempotent: an article already stored unchanged (same doc id, content and coder version) is
    skipped; a changed one replaces its events. Safe to kill: run the same command again (or
    ingest --resume) and the store ends up as one uninterrupted run would leave it.
    """
    from .cli_ui import RecordProgress
    from .parallel import CoderConfig, make_coder
    from .store import IngestOptions, Outcome
    from .store import ingest as run_ingest

    if not inputs and not resume:
        raise typer.BadParameter("give at least one INPUT (or --resume)", param_hint="INPUTS")
    common.publication_date(date)
    options = IngestOptions(
        date=date, max_chars=max_chars, timeout=timeout, max_bytes=max_bytes, fetch_links=fetch, allow_private=allow_private
    )
    progress = RecordProgress("ingesting", ["-"] if resume else inputs or [], quiet=quiet, console=err)  # resumed inputs: no total
    config = CoderConfig(model, tuple(map(str, dictionary or [])), prefilter=prefilter)
    try:
        coder = make_coder(config, workers, scheduler, partition_size, progress.partitions)
    except DragomanError as exc:
        raise _fail(exc) from None

    def on_result(out: Outcome) -> None:
        if out.error is not None:
            e = out.error
            progress.print(f"error: {getattr(e, 'message', e)} {getattr(e, 'remedy', '')}".rstrip())
        progress.record(out.events)

    try:
        with progress:
            summary = run_ingest(
                inputs or [], db, coder=coder, options=options, resume=resume, commit_every=commit_every, on_result=on_result
            )
    except DragomanError as exc:
        raise _fail(exc) from None
    finally:
        if hasattr(coder, "close"):
            coder.close()
    for notice in summary.notices:
        err.print(f"note: {notice}", markup=False, soft_wrap=True)
    if not quiet:
        resumed = f"; finished interrupted run(s) {', '.join(map(str, summary.resumed))}" if summary.resumed else ""
        err.print(
            f"{summary.read} records read: {summary.added} added, {summary.replaced} replaced, {summary.unchanged} unchanged, "
            f"{summary.failed} failed; {summary.events} events stored in {db} (run {summary.run_id}{resumed})",
            markup=False,
            soft_wrap=True,
        )
    raise typer.Exit(summary.exit_code)


# ------------------------------------------------------------------------------------------ query

query_app = typer.Typer(
    no_args_is_help=True,
    help="Query the store: events, dyads, timeline, actors, sources (as a table, CSV or JSON).",
)


def _run_query(name: str, db: Path, filters: Any, fmt: str, output: Path | None, escape: bool = True, **opts: Any) -> None:
    from .output import check_outputs
    from .store import query

    if fmt not in OUTPUT_FORMATS:
        raise typer.BadParameter(f"unknown format '{fmt}'; use one of {', '.join(OUTPUT_FORMATS)}", param_hint="--format")
    if fmt == "table" and opts.get("limit", 0) is None and name in ("events", "dyads"):
        opts["limit"] = TABLE_ROWS + 1  # a terminal shows no more; do not fetch a million rows for it
    try:
        check_outputs([output], store=db)
        df = getattr(query, name)(db, filters, **opts)
        _emit(df, fmt, output, EVENT_TABLE if name == "events" else (), escape)
    except DragomanError as exc:
        raise _fail(exc) from None
    note = query.left_out_note(df.attrs.get("left_out", {}), opts.get("freq", "month")) if name == "timeline" else None
    if note:
        err.print(f"note: {note}", markup=False, soft_wrap=True)


@query_app.command("events")
def query_events(
    db: DbOpt = Path("dragoman.duckdb"), actor: ActorOpt = None, recipient: RecipientOpt = None, country: CountryOpt = None,
    event: EventOpt = None, quad: QuadOpt = None, since: SinceOpt = None, until: UntilOpt = None, source: SourceOpt = None,
    text: TextOpt = None, modality: ModalityOpt = None, negated: NegatedOpt = None,
    precision: PrecisionOpt = None, min_confidence: ConfidenceOpt = None, attributed: AttributedOpt = None, fmt: FormatOpt = "table", output: OutOpt = None, limit: LimitOpt = None, escape: common.EscapeOpt = True,
) -> None:
    """One row per event: date, doc, type, CAMEO, quad class, score, actors, recipients, sentence."""
    f = _filters(
        actor, recipient, country, event, quad, since, until, source, text, modality, negated, precision, min_confidence, attributed
    )
    _run_query("events", db, f, fmt, output, escape, limit=limit)


@query_app.command("dyads")
def query_dyads(
    db: DbOpt = Path("dragoman.duckdb"), actor: ActorOpt = None, recipient: RecipientOpt = None, country: CountryOpt = None,
    event: EventOpt = None, quad: QuadOpt = None, since: SinceOpt = None, until: UntilOpt = None, source: SourceOpt = None,
    text: TextOpt = None, modality: ModalityOpt = None, negated: NegatedOpt = None,
    precision: PrecisionOpt = None, min_confidence: ConfidenceOpt = None, attributed: AttributedOpt = None, fmt: FormatOpt = "table", output: OutOpt = None, limit: LimitOpt = None, escape: common.EscapeOpt = True,
    all_types: Annotated[bool, typer.Option("--all-types", help="One row per pair over all event types.")] = False,
) -> None:
    """Events and mean PLOVER score per directed (actor code, recipient code, event type); most active first."""
    f = _filters(
        actor, recipient, country, event, quad, since, until, source, text, modality, negated, precision, min_confidence, attributed
    )
    _run_query("dyads", db, f, fmt, output, escape, by_event=not all_types, limit=limit)


@query_app.command("timeline")
def query_timeline(
    db: DbOpt = Path("dragoman.duckdb"), actor: ActorOpt = None, recipient: RecipientOpt = None, country: CountryOpt = None,
    event: EventOpt = None, quad: QuadOpt = None, since: SinceOpt = None, until: UntilOpt = None, source: SourceOpt = None,
    text: TextOpt = None, modality: ModalityOpt = None, negated: NegatedOpt = None,
    precision: PrecisionOpt = None, min_confidence: ConfidenceOpt = None, attributed: AttributedOpt = None, fmt: FormatOpt = "table", output: OutOpt = None, escape: common.EscapeOpt = True,
    by: Annotated[str, typer.Option("--by", help="Period: day, week, month, quarter or year.")] = "month",
) -> None:
    """Events per period by quad class, with summed and mean PLOVER score (for a dyad: --actor A --recipient B)."""
    f = _filters(
        actor, recipient, country, event, quad, since, until, source, text, modality, negated, precision, min_confidence, attributed
    )
    _run_query("timeline", db, f, fmt, output, escape, freq=by)


@query_app.command("actors")
def query_actors(
    db: DbOpt = Path("dragoman.duckdb"), actor: ActorOpt = None, recipient: RecipientOpt = None, country: CountryOpt = None,
    event: EventOpt = None, quad: QuadOpt = None, since: SinceOpt = None, until: UntilOpt = None, source: SourceOpt = None,
    text: TextOpt = None, modality: ModalityOpt = None, negated: NegatedOpt = None,
    precision: PrecisionOpt = None, min_confidence: ConfidenceOpt = None, attributed: AttributedOpt = None, fmt: FormatOpt = "table", output: OutOpt = None, limit: LimitOpt = None, escape: common.EscapeOpt = True,
) -> None:
    """Per actor code over the selected events: events, as actor, as recipient, mean scores, sectors."""
    f = _filters(
        actor, recipient, country, event, quad, since, until, source, text, modality, negated, precision, min_confidence, attributed
    )
    _run_query("actors", db, f, fmt, output, escape, limit=limit)


@query_app.command("sources")
def query_sources(
    db: DbOpt = Path("dragoman.duckdb"), actor: ActorOpt = None, recipient: RecipientOpt = None, country: CountryOpt = None,
    event: EventOpt = None, quad: QuadOpt = None, since: SinceOpt = None, until: UntilOpt = None, source: SourceOpt = None,
    text: TextOpt = None, modality: ModalityOpt = None, negated: NegatedOpt = None,
    precision: PrecisionOpt = None, min_confidence: ConfidenceOpt = None, attributed: AttributedOpt = None, fmt: FormatOpt = "table", output: OutOpt = None, escape: common.EscapeOpt = True,
) -> None:
    """Per article source: articles, matching events, events per article, first and last date."""
    f = _filters(
        actor, recipient, country, event, quad, since, until, source, text, modality, negated, precision, min_confidence, attributed
    )
    _run_query("sources", db, f, fmt, output, escape)


# ------------------------------------------------------------------------------------------ export


def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="Output file (a directory for parquet); - for stdout.")],
    fmt: Annotated[
        str,
        typer.Option("--format", "-f", help="parquet (partitioned by month), jsonl (PLOVER records), tsv (the GDELT 2.0 event table), csv or polecat (POLECAT-style JSON Lines)."),
    ] = "jsonl",
    db: DbOpt = Path("dragoman.duckdb"), actor: ActorOpt = None, recipient: RecipientOpt = None, country: CountryOpt = None,
    event: EventOpt = None, quad: QuadOpt = None, since: SinceOpt = None, until: UntilOpt = None, source: SourceOpt = None,
    text: TextOpt = None, modality: ModalityOpt = None, negated: NegatedOpt = None,
    precision: PrecisionOpt = None, min_confidence: ConfidenceOpt = None, attributed: AttributedOpt = None, escape: common.EscapeOpt = True,
    extras: Annotated[
        bool, typer.Option("--gdelt-extras", help="tsv: add dragoman's columns (DatePrecision, PloverEvent, Modality, ...) after the 61 GDELT columns.")
    ] = False,
) -> None:
    """Export the stored events (all, or those matching the filters), ordered by day and document.

    Every field of every format is described in docs/codebook.md.
    """
    from .store import EXPORT_FORMATS, query
    from .store import export as run_export

    if fmt not in EXPORT_FORMATS:
        raise typer.BadParameter(f"unknown format '{fmt}'; use one of {', '.join(EXPORT_FORMATS)}", param_hint="--format")
    if extras and fmt != "tsv":
        raise typer.BadParameter("--gdelt-extras goes with --format tsv", param_hint="--gdelt-extras")
    f = _filters(
        actor, recipient, country, event, quad, since, until, source, text, modality, negated, precision, min_confidence, attributed
    )
    try:
        n = run_export(db, "-" if str(output) == "-" else output, fmt, f, escape=escape, extras=extras)
        coarse = query.left_out(db, f, freq="day") if fmt == "tsv" and not extras else {}
    except DragomanError as exc:
        raise _fail(exc) from None
    err.print(f"{n} events exported to {output} ({fmt})", markup=False, soft_wrap=True)
    vague = coarse.get("month", 0) + coarse.get("year", 0)
    if vague:
        err.print(
            f"note: {vague} of them are dated to a month or a year only: SQLDATE gives the period's first day; "
            "--gdelt-extras adds their DatePrecision (docs/codebook.md)",
            markup=False, soft_wrap=True,
        )


# ------------------------------------------------------------------------------------------ plot

plot_app = typer.Typer(
    no_args_is_help=True,
    help="Plot the store: timeline, dyads (heat map) or network, as PNG or self-contained HTML.",
)
PlotOut = Annotated[Path, typer.Option("--output", "-o", help="FILE.png (static) or FILE.html (interactive, offline).")]
TopOpt = Annotated[int, typer.Option("--top", help="How many of the most active codes to show.")]


def _plot(kind: str, db: Path, output: Path, filters: Any, **opts: Any) -> None:
    from .store import query
    from .store.plot import plot

    try:
        path = plot(db, kind, output, filters, **opts)
        note = query.left_out_note(query.left_out(db, filters, freq=opts["freq"]), opts["freq"]) if kind == "timeline" else None
    except DragomanError as exc:
        raise _fail(exc) from None
    err.print(f"wrote {path}", markup=False, soft_wrap=True)
    if note:
        err.print(f"note: {note}", markup=False, soft_wrap=True)


@plot_app.command("timeline")
def plot_timeline(
    output: PlotOut, db: DbOpt = Path("dragoman.duckdb"), actor: ActorOpt = None, recipient: RecipientOpt = None,
    country: CountryOpt = None, event: EventOpt = None, quad: QuadOpt = None, since: SinceOpt = None,
    until: UntilOpt = None, source: SourceOpt = None, text: TextOpt = None, modality: ModalityOpt = None, negated: NegatedOpt = None,
    precision: PrecisionOpt = None, min_confidence: ConfidenceOpt = None, attributed: AttributedOpt = None,
    by: Annotated[str, typer.Option("--by", help="Period: day, week, month, quarter or year.")] = "month",
) -> None:
    """Cooperation and conflict over time (events by quad class, mean score) for a dyad, a country or all."""
    f = _filters(
        actor, recipient, country, event, quad, since, until, source, text, modality, negated, precision, min_confidence, attributed
    )
    _plot("timeline", db, output, f, freq=by)


@plot_app.command("dyads")
def plot_dyads(
    output: PlotOut, db: DbOpt = Path("dragoman.duckdb"), actor: ActorOpt = None, recipient: RecipientOpt = None,
    country: CountryOpt = None, event: EventOpt = None, quad: QuadOpt = None, since: SinceOpt = None,
    until: UntilOpt = None, source: SourceOpt = None, text: TextOpt = None, modality: ModalityOpt = None, negated: NegatedOpt = None,
    precision: PrecisionOpt = None, min_confidence: ConfidenceOpt = None, attributed: AttributedOpt = None, top: TopOpt = 15,
) -> None:
    """Heat map of the most active dyads: actor rows, recipient columns, events and mean score."""
    f = _filters(
        actor, recipient, country, event, quad, since, until, source, text, modality, negated, precision, min_confidence, attributed
    )
    _plot("dyads", db, output, f, top=top)


@plot_app.command("network")
def plot_network(
    output: PlotOut, db: DbOpt = Path("dragoman.duckdb"), actor: ActorOpt = None, recipient: RecipientOpt = None,
    country: CountryOpt = None, event: EventOpt = None, quad: QuadOpt = None, since: SinceOpt = None,
    until: UntilOpt = None, source: SourceOpt = None, text: TextOpt = None, modality: ModalityOpt = None, negated: NegatedOpt = None,
    precision: PrecisionOpt = None, min_confidence: ConfidenceOpt = None, attributed: AttributedOpt = None, top: TopOpt = 25,
    edges: Annotated[int, typer.Option("--edges", help="Most ties to draw (the pairs with most events).")] = 60,
) -> None:
    """Actor network: arrows from actor to recipient, width by events, colour by mean score."""
    f = _filters(
        actor, recipient, country, event, quad, since, until, source, text, modality, negated, precision, min_confidence, attributed
    )
    _plot("network", db, output, f, top=top, edges=edges)


def register(app: typer.Typer) -> None:
    """Add ingest, query, export and plot to the dragoman command line."""
    app.command("ingest")(ingest)
    app.add_typer(query_app, name="query")
    app.command("export")(export)
    app.add_typer(plot_app, name="plot")
