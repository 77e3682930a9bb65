"""Store benchmark: ingest generated news-like articles into DuckDB, then time the queries.

    python bench/ingest.py [--articles 10000] [--sentences 8] [--db PATH] [--keep]

Reports ingest throughput (articles/s, sentences/s, events/s), a second ingest of the same input
(every article unchanged: the idempotence check), the store's size on disk, and the median latency
of each query over repeated runs. Text comes from bench/corpus.py (our own templates).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())


def main() -> None:
    from corpus import articles

    from dragoman.coder import Coder
    from dragoman.store import Filters, Store, ingest, query

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--sentences", type=int, default=8, help="sentences per article")
    ap.add_argument("--db", type=Path, default=None, help="store file (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the store (and print its path)")
    ap.add_argument("--repeat", type=int, default=7, help="runs per query for the median latency")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="dragoman-bench-"))
    src = work / "articles.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for art in articles(args.articles, args.sentences):
            fh.write(json.dumps(art) + "\n")
    db = args.db or work / "bench.duckdb"
    for p in db.parent.glob(db.name + "*"):
        p.unlink()

    t0 = time.perf_counter()
    coder = Coder()
    load = time.perf_counter() - t0

    t0 = time.perf_counter()
    first = ingest([src], db, coder=coder)
    elapsed = time.perf_counter() - t0
    t0 = time.perf_counter()
    second = ingest([src], db, coder=coder)
    again = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    with Store.open(db, read_only=True) as store:
        counts = store.counts()
        sentences = int(store.sql("SELECT count(*) FROM sentences").fetchall()[0][0])
        top = store.sql(
            "SELECT actor_code, recipient_code FROM dyad_events WHERE actor_code <> recipient_code "
            "GROUP BY ALL ORDER BY count(*) DESC, actor_code, recipient_code LIMIT 1"
        ).fetchall()
        a, r = top[0] if top else ("USA", "CHN")
        cases = [
            ("events (country, 1 month)", lambda: query.events(store, Filters(countries=[a], since=_d("2025-03-01"), until=_d("2025-03-31")))),
            ("events (text search)", lambda: query.events(store, Filters(text="ceasefire"), limit=100)),
            ("dyads (all, by type)", lambda: query.dyads(store)),
            ("dyads (country)", lambda: query.dyads(store, Filters(countries=[a]))),
            ("timeline (dyad, week)", lambda: query.timeline(store, Filters(actors=[a], recipients=[r]), freq="week")),
            ("timeline (country, month)", lambda: query.timeline(store, Filters(countries=[a]))),
            ("actors", lambda: query.actors(store)),
            ("sources", lambda: query.sources(store)),
        ]
        latency = {}
        for name, fn in cases:
            fn()  # warm
            runs = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                rows = len(fn())
                runs.append(time.perf_counter() - t)
            latency[name] = (statistics.median(runs) * 1000, rows)
    size = _size(Path(db))

    print(f"articles          {args.articles} ({args.sentences} sentences each; {sentences} sentences with events stored)")
    print(f"coder load        {load:.1f} s")
    print(
        f"ingest            {elapsed:.1f} s  {first.stored / elapsed:.1f} articles/s  "
        f"{args.articles * args.sentences / elapsed:.0f} sentences/s  {first.events / elapsed:.0f} events/s"
    )
    print(f"  stored          {counts['articles']} articles, {counts['events']} events, {counts['entities']} entities")
    print(f"re-ingest         {again:.1f} s  ({second.unchanged} unchanged, {second.added + second.replaced} coded)")
    print(f"store size        {size / 1e6:.1f} MB  ({size / max(counts['events'], 1):.0f} bytes/event)")
    print(f"peak memory       {peak:.0f} MB")
    print(f"query latency     median of {args.repeat} (dyad {a}->{r})")
    for name, (ms, rows) in latency.items():
        print(f"  {name:<27} {ms:>8.1f} ms  {rows:>6} rows")
    if args.keep:
        print(f"store kept at {db}")
    else:
        for p in work.glob("*"):
            p.unlink()
        work.rmdir()


def _d(value: str):  # noqa: ANN202
    import datetime as dt

    return dt.date.fromisoformat(value)


if __name__ == "__main__":
    main()
