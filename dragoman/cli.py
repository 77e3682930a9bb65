"""The ``dragoman`` command line: a thin layer over the library functions."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from . import __version__
from . import cli_options as common
from .cli_ui import RecordProgress, show_flags_as_flags, version_option
from .errors import DragomanError
from .nlp import DEFAULT_MODEL

show_flags_as_flags()
app = typer.Typer(add_completion=False, no_args_is_help=True, help="Code news text into PLOVER political events.")
err = Console(stderr=True, highlight=False)


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", help="Print the version and exit.", is_eager=True, callback=version_option(__version__))
    ] = False,
) -> None:
    """Code news text into PLOVER political events."""

ModelOpt = Annotated[str, typer.Option("--model", "-m", help="Installed spaCy pipeline to parse with.")]
ConvOpt = Annotated[
    str,
    typer.Option(
        "--conventions",
        help="Coding conventions: plover (the project's codebook: no default parties, conflict ahead keeps its type) "
        "or cameo (CAMEO practice: domestic default targets, future conflict as threats).",
    ),
]
MinConfOpt = Annotated[
    float | None,
    typer.Option(
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="Write only events the relevance model scores at least this (0..1); default: the model's threshold; 0: every event the rules code.",
    ),
]
DictOpt = Annotated[
    list[Path] | None,
    typer.Option("--dictionary", "-d", help="Extra dictionary file (YAML); repeatable. See docs/dictionaries.md."),
]


def _fail(exc: DragomanError, code: int = 2) -> typer.Exit:
    err.print(f"error: {exc.message} {exc.remedy}", markup=False, soft_wrap=True)
    return typer.Exit(code)


def _check_conventions(value: str) -> None:
    from .dictionaries import CONVENTIONS

    if value not in CONVENTIONS:
        raise typer.BadParameter(f"unknown conventions '{value}'; use one of {', '.join(CONVENTIONS)}", param_hint="--conventions")


def _check_json_out(path: Path | None, inputs: list[str] | list[Path]) -> None:
    from .output import check_outputs

    check_outputs([path], inputs)


def _write_json(path: Path | None, value: object) -> None:
    """Write ``value`` as JSON to ``path`` (when given) through a temporary file."""
    import json

    from .output import atomic_text

    if path is None:
        return
    try:
        with atomic_text(path, newline=None) as fh:
            fh.write(json.dumps(value, indent=1, ensure_ascii=False))
    except DragomanError as exc:
        raise _fail(exc) from None


@app.command()
def code(
    inputs: Annotated[list[str], typer.Argument(help="Text, JSONL, CSV, HTML or feed files, http(s) URLs, or - for stdin.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write events here (default: stdout).")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or tsv (GDELT-style).")] = "jsonl",
    date: Annotated[str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) for records without one.")] = None,
    model: ModelOpt = DEFAULT_MODEL,
    dictionary: DictOpt = None,
    conventions: ConvOpt = "plover",
    min_confidence: MinConfOpt = None,
    max_chars: common.MaxCharsOpt = common.DEFAULT_MAX_CHARS,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    fuse: Annotated[bool, typer.Option("--fuse", help="Group events telling the same happening; add cluster_id.")] = False,
    clusters: Annotated[Path | None, typer.Option("--clusters", help="With fusion: write one JSON record per cluster here.")] = None,
    escape: common.EscapeOpt = True,
    timeout: common.TimeoutOpt = common.DEFAULT_TIMEOUT,
    max_bytes: common.MaxBytesOpt = common.DEFAULT_MAX_BYTES,
    allow_private: common.PrivateOpt = False,
    prefilter: common.PrefilterOpt = True,
    workers: common.WorkersOpt = 0,
    scheduler: common.SchedulerOpt = None,
    partition_size: common.PartitionOpt = common.DEFAULT_PARTITION,
) -> None:
    """Code articles into PLOVER events, one JSON object (or row) per event, in document order."""
    from .output import atomic_text, check_outputs
    from .parallel import CoderConfig, make_coder
    from .read.urls import WebOptions
    from .run import code_files
    from .write import FORMATS

    if fmt not in FORMATS:
        raise typer.BadParameter(f"unknown format '{fmt}'; use one of {', '.join(FORMATS)}", param_hint="--format")
    pub = common.publication_date(date)
    _check_conventions(conventions)
    web = WebOptions(timeout=timeout, max_bytes=max_bytes, allow_private=allow_private)
    try:
        check_outputs([output, clusters], inputs)
    except DragomanError as exc:
        raise _fail(exc) from None
    progress = RecordProgress("coding", inputs, quiet=quiet, console=err)
    config = CoderConfig(model, tuple(map(str, dictionary or [])), conventions, min_confidence, prefilter)
    try:
        coder = make_coder(config, workers, scheduler, partition_size, progress.partitions)
    except DragomanError as exc:
        raise _fail(exc) from None

    def on_result(result: object) -> None:
        from .coder import Result

        assert isinstance(result, Result)
        if result.error is not None:
            progress.print(f"error: {result.error.message} {result.error.remedy}")
        progress.record(len(result.events))

    try:
        with progress, contextlib.ExitStack() as files:
            out = files.enter_context(atomic_text(output)) if output else sys.stdout
            cl_out = files.enter_context(atomic_text(clusters, newline=None)) if clusters else None
            summary = code_files(
                inputs, out, fmt=fmt, date=pub, coder=coder, max_chars=max_chars, on_result=on_result,
                fuse=fuse, clusters_out=cl_out, web=web, escape=escape,
            )
    except DragomanError as exc:
        raise _fail(exc) from None
    finally:
        if hasattr(coder, "close"):
            coder.close()
    if not quiet:
        err.print(
            f"{summary.read} records read, {summary.coded} coded, {summary.failed} failed; {summary.events} events written"
            + (f" in {summary.clusters} clusters" if fuse or clusters else ""),
            markup=False,
            soft_wrap=True,
        )
    raise typer.Exit(summary.exit_code)


@app.command()
def evaluate(
    gold: Annotated[list[Path], typer.Argument(help="Gold: a PLOVER gold-standard JSONL file, or article gold files/folders.")],
    docs: Annotated[
        list[Path] | None,
        typer.Option("--docs", help="Article gold: the documents (JSONL files or folders); repeatable."),
    ] = None,
    split: Annotated[str | None, typer.Option("--split", help="Article gold: score only documents of this split (dev, test).")] = None,
    model: ModelOpt = DEFAULT_MODEL,
    dictionary: DictOpt = None,
    conventions: Annotated[
        str | None,
        typer.Option("--conventions", help="plover or cameo; default: cameo for GSR sentences (coded in CAMEO practice), plover for article gold."),
    ] = None,
    min_confidence: MinConfOpt = None,
    errors: Annotated[int, typer.Option("--errors", help="How many errors to list.")] = 20,
    rules: Annotated[int, typer.Option("--rules", help="Article gold: how many rules to list by unmatched events.")] = 15,
    json_out: Annotated[Path | None, typer.Option("--json", help="Also write every figure and error as JSON here.")] = None,
) -> None:
    """Score the coder on gold: GSR sentences (type P/R/F1, full-event F1, confusions) or whole
    annotated articles (event P/R/F1 by type and genre, date and modality accuracy, per-rule precision)."""
    from .coder import Coder
    from .evaluate import evaluate_file, render_report
    from .evaluate.articles import evaluate_articles, is_article_gold, load_article_gold, render_article_report
    from .evaluate.fusion import evaluate_fusion, render_fusion_report

    try:
        _check_json_out(json_out, [*gold, *(docs or [])])
        article = any(is_article_gold(g) for g in gold)
        if article and not docs:
            raise typer.BadParameter("article gold needs its documents: pass --docs FILE_OR_FOLDER", param_hint="--docs")
        if not article and len(gold) != 1:
            raise typer.BadParameter("give one gold-standard (GSR) file", param_hint="GOLD")
        conv = conventions or ("plover" if article else "cameo")
        _check_conventions(conv)
        coder = Coder(model=model, dictionaries=dictionary or [], conventions=conv, min_confidence=min_confidence)
        if article:
            report = evaluate_articles(gold, docs or [], coder, split)
            text = render_article_report(report, errors, rules)
            if any(g.get("happening") for g in load_article_gold(gold)):
                # gold with happening ids also scores fusion (eval/fusion)
                report["fusion"] = evaluate_fusion(gold, docs or [], coder)
                text += "\n\n" + render_fusion_report(report["fusion"])
        else:
            report = evaluate_file(gold[0], coder)
            text = render_report(report, errors)
        report["conventions"] = conv
        text = f"conventions: {conv}\n{text}"
    except DragomanError as exc:
        raise _fail(exc) from None
    _write_json(json_out, report)
    typer.echo(text)


@app.command()
def compare(
    inputs: Annotated[list[str], typer.Argument(help="Readouts: text, JSONL or CSV files (one article may quote both sides).")],
    date: Annotated[str | None, typer.Option("--date", help="Publication date for records without one.")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the comparison as JSON here.")] = None,
    model: ModelOpt = DEFAULT_MODEL,
    dictionary: DictOpt = None,
) -> None:
    """Compare readouts: for each happening told by several sources, what each source said."""
    from .coder import Coder
    from .read import Article, read_inputs
    from .records.compare import compare as compare_docs
    from .records.compare import render

    try:
        _check_json_out(json_out, inputs)
        coder = Coder(model=model, dictionaries=dictionary or [])
    except DragomanError as exc:
        raise _fail(exc) from None
    articles = []
    for item in read_inputs(inputs, common.publication_date(date)):
        if isinstance(item, Article):
            articles.append(item)
        else:
            err.print(f"error: {item.error.message} {item.error.remedy}", markup=False, soft_wrap=True)
    if not articles:
        raise typer.Exit(2)
    report = compare_docs(coder, articles)
    _write_json(json_out, {k: v for k, v in report.items() if k != "events"})
    Console(highlight=False).print(render(report))


@app.command()
def version() -> None:
    """Print dragoman's version and its dictionary version."""
    from .lexicon import lexicon_version

    typer.echo(f"dragoman {__version__} (dictionaries {lexicon_version()})")


def _register_store_commands() -> None:
    """ingest / query / export / plot live in their own module (the event store), serve in another."""
    try:
        from . import cli_store
    except ImportError:  # the store module is optional while it is being built
        return
    cli_store.register(app)
    from . import cli_serve

    cli_serve.register(app)


_register_store_commands()


def main() -> None:
    app()
