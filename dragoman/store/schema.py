"""The store's schema, as a list of numbered migrations.

A store records the migrations applied to it in ``schema_version``. Opening a store applies the
missing ones in order, each in its own transaction; a store newer than this code is refused. To
change the schema, append a migration (never edit an applied one) and bump nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]


TABLES_V1 = (
    """CREATE TABLE runs (
        run_id INTEGER NOT NULL,
        started_at TIMESTAMP,
        finished_at TIMESTAMP,
        status VARCHAR NOT NULL,        -- running, done, interrupted (killed or failed), resumed
        inputs VARCHAR,                 -- JSON list of the inputs (files as absolute paths, URLs)
        options VARCHAR,                -- JSON object: date, max_chars, timeout, max_bytes, fetch_links
        dragoman_version VARCHAR,
        dictionary_version VARCHAR,
        pipeline_version VARCHAR,
        pid INTEGER,
        records_read INTEGER,
        added INTEGER,
        replaced INTEGER,
        unchanged INTEGER,
        failed INTEGER,
        events INTEGER
    )""",
    """CREATE TABLE run_errors (
        run_id INTEGER NOT NULL,
        origin VARCHAR,
        code VARCHAR,
        message VARCHAR
    )""",
    """CREATE TABLE articles (
        doc_id VARCHAR NOT NULL,
        content_hash VARCHAR NOT NULL,  -- of text, date, title, source and url
        date DATE,
        title VARCHAR,
        source VARCHAR,
        url VARCHAR,
        origin VARCHAR,                 -- file:line, feed:item n, or URL it was read from
        text VARCHAR,
        n_events INTEGER,
        dictionary_version VARCHAR,
        pipeline_version VARCHAR
    )""",
    """CREATE TABLE sentences (
        doc_id VARCHAR NOT NULL,
        sentence INTEGER NOT NULL,      -- index of the sentence in the article
        start_char INTEGER,
        end_char INTEGER,
        text VARCHAR
    )""",
    """CREATE TABLE events (
        doc_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,           -- position of the event in its article (document order)
        event_id VARCHAR NOT NULL,
        date VARCHAR,                   -- as in the record: YYYY-MM-DD, YYYY-MM or YYYY
        day DATE,                       -- first day of that date, for filters and time series
        date_precision VARCHAR,
        event VARCHAR,
        mode VARCHAR[],
        context VARCHAR[],
        cameo VARCHAR,
        quad_code INTEGER,
        plover_score DOUBLE,
        event_text VARCHAR[],
        sentence INTEGER,
        start_char INTEGER,
        end_char INTEGER,
        trigger_start INTEGER,
        trigger_end INTEGER,
        modality VARCHAR,
        negated BOOLEAN,
        actor_codes VARCHAR[],          -- distinct codes, in record order
        recipient_codes VARCHAR[],
        attributed_code VARCHAR,
        attributed_text VARCHAR,
        location_name VARCHAR,
        location_country VARCHAR,
        lat DOUBLE,
        lon DOUBLE,
        geonameid BIGINT,
        rule VARCHAR,
        confidence DOUBLE,
        dictionary_version VARCHAR,
        cluster_id VARCHAR,
        record VARCHAR                  -- the PLOVER record as coded (JSON)
    )""",
    """CREATE TABLE entities (
        doc_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        event_id VARCHAR NOT NULL,
        role VARCHAR NOT NULL,          -- actor, recipient, attributed_to
        position INTEGER NOT NULL,      -- index in the record's list
        entity_text VARCHAR,
        code VARCHAR,
        sector VARCHAR,
        identifier_text VARCHAR,
        office VARCHAR,
        rule VARCHAR
    )""",
    """CREATE TABLE clusters (
        cluster_id VARCHAR NOT NULL,
        doc_id VARCHAR NOT NULL,
        seq INTEGER NOT NULL,
        event_id VARCHAR NOT NULL
    )""",
    "CREATE INDEX articles_doc_id ON articles (doc_id)",
)

VIEWS_V2 = (
    # one row per event with its article's source and title and its sentence's text
    """CREATE VIEW event_view AS
        SELECT e.*, a.source, a.title, a.url, s.text AS sentence_text
        FROM events e
        JOIN articles a ON a.doc_id = e.doc_id
        LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence = e.sentence""",
    # one row per event and directed (actor code, recipient code) pair; the same pair once per event
    """CREATE VIEW dyad_events AS
        SELECT DISTINCT e.doc_id, e.seq, e.event_id, e.day, e.event, e.cameo, e.quad_code, e.plover_score,
               x.code AS actor_code, y.code AS recipient_code
        FROM events e
        JOIN entities x ON x.doc_id = e.doc_id AND x.seq = e.seq AND x.role = 'actor'
        JOIN entities y ON y.doc_id = e.doc_id AND y.seq = e.seq AND y.role = 'recipient'
        WHERE x.code IS NOT NULL AND y.code IS NOT NULL""",
)

# who started a run: --resume reads again only the inputs of runs this user started on this machine
RUNS_V3 = (
    "ALTER TABLE runs ADD COLUMN user_name VARCHAR",
    "ALTER TABLE runs ADD COLUMN host VARCHAR",
)

# the input record's other fields (section, author, keywords ...) as a JSON object; NULL when none
ARTICLE_META_V4 = (
    "ALTER TABLE articles ADD COLUMN meta VARCHAR",
    """CREATE OR REPLACE VIEW event_view AS
        SELECT e.*, a.source, a.title, a.url, a.meta AS article_meta, s.text AS sentence_text
        FROM events e
        JOIN articles a ON a.doc_id = e.doc_id
        LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.sentence = e.sentence""",
)

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "tables: runs, run_errors, articles, sentences, events, entities, clusters", TABLES_V1),
    Migration(2, "views for SQL users: event_view, dyad_events", VIEWS_V2),
    Migration(3, "runs: user_name and host of the process that started the run", RUNS_V3),
    Migration(4, "articles: meta (the input record's other fields, JSON); event_view: article_meta", ARTICLE_META_V4),
)
SCHEMA_VERSION = MIGRATIONS[-1].version

# the data tables (what one clean ingest determines), in the order they are written
DATA_TABLES = ("articles", "sentences", "events", "entities", "clusters")

# Arrow schemas of the rows the ingest writes (column order as in the tables)
_S, _I, _D, _B = pa.string(), pa.int32(), pa.float64(), pa.bool_()
ARROW = {
    "articles": pa.schema([
        ("doc_id", _S), ("content_hash", _S), ("date", pa.date32()), ("title", _S), ("source", _S), ("url", _S),
        ("origin", _S), ("text", _S), ("n_events", _I), ("dictionary_version", _S), ("pipeline_version", _S), ("meta", _S),
    ]),
    "sentences": pa.schema([("doc_id", _S), ("sentence", _I), ("start_char", _I), ("end_char", _I), ("text", _S)]),
    "events": pa.schema([
        ("doc_id", _S), ("seq", _I), ("event_id", _S), ("date", _S), ("day", pa.date32()), ("date_precision", _S),
        ("event", _S), ("mode", pa.list_(_S)), ("context", pa.list_(_S)), ("cameo", _S), ("quad_code", _I),
        ("plover_score", _D), ("event_text", pa.list_(_S)), ("sentence", _I), ("start_char", _I), ("end_char", _I),
        ("trigger_start", _I), ("trigger_end", _I), ("modality", _S), ("negated", _B),
        ("actor_codes", pa.list_(_S)), ("recipient_codes", pa.list_(_S)), ("attributed_code", _S),
        ("attributed_text", _S), ("location_name", _S), ("location_country", _S), ("lat", _D), ("lon", _D),
        ("geonameid", pa.int64()), ("rule", _S), ("confidence", _D), ("dictionary_version", _S), ("cluster_id", _S),
        ("record", _S),
    ]),
    "entities": pa.schema([
        ("doc_id", _S), ("seq", _I), ("event_id", _S), ("role", _S), ("position", _I), ("entity_text", _S),
        ("code", _S), ("sector", _S), ("identifier_text", _S), ("office", _S), ("rule", _S),
    ]),
    "clusters": pa.schema([("cluster_id", _S), ("doc_id", _S), ("seq", _I), ("event_id", _S)]),
}
