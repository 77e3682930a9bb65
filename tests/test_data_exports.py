"""Exports an analyst loads without thinking: the GDELT 2.0 event table (TSV), POLECAT-style JSON,
CSV, JSONL and Parquet, each with the date precision; codes stay text in DuckDB and pandas."""

from __future__ import annotations

import json

import duckdb
import pandas as pd
import pytest
from store_records import build, entity, record
from typer.testing import CliRunner

from dragoman import gdelt
from dragoman.cli import app
from dragoman.store import Store, export

runner = CliRunner()

# The GDELT 2.0 event table, as its codebook lists the columns (GDELT-Event_Codebook-V2.0)
GDELT_2_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]

JEDDAH = {"text": "Jeddah", "name": "Jeddah", "country_code": "SAU", "lat": 21.49012, "lon": 39.18624, "geonameid": 105343}
ARTICLES = [
    (
        {"id": "a1", "text": "Pakistan and India agreed.\nMore text here.", "date": "2025-03-01", "source": "Wire",
         "url": "https://wire.example/a1", "meta": {"section": "Asia", "keywords": ["ceasefire"]}},
        [
            record("e1", "a1", date="2025-03-01", event="AGREE", cameo="030", quad=1, score=4.0,
                   actor=[entity("PAK", "Pakistan", None), entity("IND", "India", None)], recipient=[], cluster="k1"),
            record("e2", "a1", date="2025-02-01", precision="month", event="ASSAULT", cameo="190", quad=4, score=-10.0,
                   actor=[entity("RUS", "Russian forces", "MIL"), entity("RUS", "Russian troops", "MIL")],
                   recipient=[entity("UKR", "Ukraine", "GOV"), entity("UNO", "the UN", "UNK")], location=JEDDAH,
                   start=27, sentence=1),
        ],
    ),
    (
        {"id": "a2", "text": "India and Pakistan agreed, the report said.", "date": "2025-03-02", "source": "Courier",
         "url": "https://courier.example/a2?x=1"},
        [
            record("e3", "a2", date="2025-03-01", event="AGREE", cameo="030", quad=1, score=4.0,
                   actor=[entity("IND", "India", "GOV")], recipient=[entity("PAK", "=HYPERLINK(1)", "GOV")], cluster="k1"),
            record("e4", "a2", date="2024-01-01", precision="year", event="ACCUSE", cameo="112", quad=3, score=-2.0,
                   location={"text": "China", "name": "China", "country_code": "CHN", "lat": None, "lon": None, "geonameid": None}),
            record("e5", "a2", date="2025-03-02", precision="publication", event="CONSULT", cameo="040", location={
                "text": "Pakistan", "name": "Pakistan", "country_code": "PAK", "lat": 30.5618, "lon": 71.3231, "geonameid": None, "type": "country"}),
        ],
    ),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("exports") / "x.duckdb", ARTICLES)


@pytest.fixture(scope="module")
def tsv(db, tmp_path_factory):
    out = tmp_path_factory.mktemp("tsv") / "events.tsv"
    assert export(db, out, "tsv") == 5
    return out


def test_the_tsv_has_the_61_gdelt_columns_in_the_codebooks_order(tsv):
    assert list(gdelt.COLUMNS) == GDELT_2_COLUMNS and len(GDELT_2_COLUMNS) == 61
    header = tsv.read_text().splitlines()[0].split("\t")
    assert [h.strip('"') for h in header] == GDELT_2_COLUMNS


def test_the_tsv_loads_into_duckdb_and_pandas_with_codes_as_text(tsv):
    rel = duckdb.sql(f"SELECT * FROM read_csv('{tsv}', delim='\\t', header=true)")
    assert rel.columns == GDELT_2_COLUMNS
    types = dict(zip(rel.columns, map(str, rel.types), strict=True))
    assert types["EventCode"] == types["EventRootCode"] == types["GLOBALEVENTID"] == "VARCHAR"
    assert types["SQLDATE"] == "BIGINT" and types["GoldsteinScale"] == "DOUBLE"
    rows = rel.df().to_dict("records")
    assert {r["EventCode"] for r in rows} == {"030", "190", "112", "040"}
    df = pd.read_csv(tsv, sep="\t", dtype=gdelt.PANDAS_DTYPES, keep_default_na=False, na_values=[""])
    assert list(df.columns) == GDELT_2_COLUMNS
    assert set(df["EventCode"]) == {"030", "190", "112", "040"} and set(df["EventRootCode"]) == {"03", "19", "11", "04"}


def test_tsv_rows_are_directed_pairs_with_gdelt_fields(tsv):
    df = pd.read_csv(tsv, sep="\t", dtype=gdelt.PANDAS_DTYPES, keep_default_na=False, na_values=[""])
    by_event: dict[str, list[dict]] = {}
    for row in df.to_dict("records"):
        by_event.setdefault(row["GLOBALEVENTID"].rsplit("-", 1)[0], []).append(row)
    # a reciprocal event without recipient: one row per actor; RUS MIL twice is one actor
    assert [(r["Actor1Code"], pd.isna(r["Actor2Code"])) for r in by_event["e1"]] == [("PAK", True), ("IND", True)]
    assert [(r["Actor1Code"], r["Actor2Code"]) for r in by_event["e2"]] == [("RUSMIL", "UKRGOV"), ("RUSMIL", "UNO")]
    first = by_event["e2"][0]
    assert first["Actor1CountryCode"] == "RUS" and first["Actor1Type1Code"] == "MIL" and pd.isna(first["Actor2KnownGroupCode"])
    second = by_event["e2"][1]
    assert second["Actor2KnownGroupCode"] == "UNO" and pd.isna(second["Actor2CountryCode"]) and pd.isna(second["Actor2Type1Code"])
    # dates from the event date; a month-precision date is the month's first day
    assert first["SQLDATE"] == 20250201 and first["MonthYear"] == 202502 and first["Year"] == 2025
    assert first["FractionDate"] == pytest.approx(2025 + 32 / 365, abs=1e-4)
    assert by_event["e4"][0]["SQLDATE"] == 20240101
    assert first["EventBaseCode"] == "190" and first["EventRootCode"] == "19" and first["QuadClass"] == 4
    assert first["GoldsteinScale"] == -10.0 and first["IsRootEvent"] == 0 and by_event["e1"][0]["IsRootEvent"] == 1
    # the action's place: a world city with its FIPS country and admin1 code and GeoNames id
    assert first["ActionGeo_Type"] == 4 and first["ActionGeo_CountryCode"] == "SA" and first["ActionGeo_FeatureID"] == "105343"
    assert first["ActionGeo_FullName"] == "Jeddah, Saudi Arabia" and first["ActionGeo_ADM1Code"].startswith("SA")
    assert first["ActionGeo_Lat"] == pytest.approx(21.49012) and first["Actor1Geo_Type"] == 0
    china = by_event["e4"][0]
    assert china["ActionGeo_Type"] == 1 and china["ActionGeo_CountryCode"] == "CH" and pd.isna(china["ActionGeo_Lat"])
    pakistan = by_event["e5"][0]  # a typed country place keeps its point
    assert pakistan["ActionGeo_Type"] == 1 and pakistan["ActionGeo_CountryCode"] == "PK" and pakistan["ActionGeo_Lat"] == pytest.approx(30.5618)
    assert pakistan["ActionGeo_FeatureID"] == "PK" and pakistan["ActionGeo_FullName"] == "Pakistan"
    # counts from the fusion cluster: e1 and e3 tell one happening in two articles from two sources
    assert (by_event["e1"][0]["NumMentions"], by_event["e1"][0]["NumSources"], by_event["e1"][0]["NumArticles"]) == (2, 2, 2)
    assert (first["NumMentions"], first["NumSources"], first["NumArticles"]) == (1, 1, 1)
    assert first["SOURCEURL"] == "https://wire.example/a1" and first["DATEADDED"] == 20250301000000
    assert by_event["e3"][0]["Actor2Name"] == "'=HYPERLINK(1)"  # formula escaping stays on


def test_tsv_extras_keep_the_precision(db, tmp_path):
    out = tmp_path / "x.tsv"
    res = runner.invoke(app, ["export", "--db", str(db), "-f", "tsv", "-o", str(out), "--gdelt-extras"])
    assert res.exit_code == 0, res.output
    df = pd.read_csv(out, sep="\t", dtype=gdelt.PANDAS_DTYPES, keep_default_na=False, na_values=[""])
    assert list(df.columns) == GDELT_2_COLUMNS + list(gdelt.EXTRA_COLUMNS)
    precision = dict(zip(df["DragomanEventID"], df["DatePrecision"], strict=True))
    assert precision == {"e1": "day", "e2": "month", "e3": "day", "e4": "year", "e5": "publication"}
    res = runner.invoke(app, ["export", "--db", str(db), "-f", "tsv", "-o", str(tmp_path / "y.tsv")])
    assert res.exit_code == 0 and "2 of them are dated to a month or a year only" in res.stderr
    res = runner.invoke(app, ["export", "--db", str(db), "-f", "csv", "-o", str(tmp_path / "z.csv"), "--gdelt-extras"])
    assert res.exit_code == 2


def test_polecat_json(db, tmp_path):
    out = tmp_path / "events.polecat.jsonl"
    res = runner.invoke(app, ["export", "--db", str(db), "-f", "polecat", "-o", str(out)])
    assert res.exit_code == 0, res.output
    rows = {r["event_id"]: r for r in map(json.loads, out.read_text().splitlines())}
    e2 = rows["e2"]
    assert e2["event_type"] == "ASSAULT" and e2["event_date"] == "2025-02-01" and e2["date_precision"] == "month"
    assert e2["story_date"] == "2025-03-01" and e2["actor_country"] == ["RUS", "RUS"] and e2["recipient_country"] == ["UKR", "UNO"]
    assert e2["placename"] == "Jeddah" and e2["geonames_id"] == 105343 and e2["cameo"] == "190"
    assert e2["source"] == "Wire" and e2["url"] == "https://wire.example/a1" and e2["meta"] == {"section": "Asia", "keywords": ["ceasefire"]}
    assert rows["e1"]["num_articles"] == 2 and rows["e1"]["cluster_id"] == rows["e3"]["cluster_id"]
    assert rows["e4"]["date_precision"] == "year"
    df = pd.read_json(out, lines=True, dtype={"cameo": str})
    assert set(df["cameo"]) == {"030", "190", "112", "040"}


def test_csv_jsonl_parquet_keep_the_precision_and_the_codes(db, tmp_path):
    export(db, tmp_path / "e.csv", "csv")
    rel = duckdb.sql(f"SELECT * FROM read_csv('{tmp_path / 'e.csv'}', header=true)")
    rows = {r["id"]: r for r in rel.df().to_dict("records")}
    assert rows["e4"]["date_precision"] == "year" and rows["e1"]["cameo"] == "030"
    export(db, tmp_path / "e.jsonl", "jsonl")
    recs = {r["id"]: r for r in map(json.loads, (tmp_path / "e.jsonl").read_text().splitlines())}
    assert recs["e2"]["date"] == "2025-02-01" and recs["e2"]["date_precision"] == "month"
    export(db, tmp_path / "pq", "parquet")
    import pyarrow.dataset as ds

    table = ds.dataset(tmp_path / "pq", format="parquet", partitioning="hive").to_table().to_pylist()
    got = {r["event_id"]: r for r in table}
    assert got["e4"]["date_precision"] == "year" and got["e4"]["date"] == "2024-01-01" and got["e1"]["cameo"] == "030"
    assert json.loads(got["e1"]["article_meta"]) == {"section": "Asia", "keywords": ["ceasefire"]}


def test_an_older_store_dated_yyyy_mm_stays_readable(tmp_path):
    old = build(tmp_path / "old.duckdb", [(
        {"id": "o1", "text": "Old.", "date": "2025-03-05"},
        [record("o-month", "o1", date="2025-02", precision="month"), record("o-year", "o1", date="2024", precision="year")],
    )])
    from dragoman.store import query

    with Store.open(old, read_only=True) as st:
        assert query.timeline(st, freq="month")["events"].sum() == 1
        export(st, tmp_path / "o.jsonl", "jsonl")
        export(st, tmp_path / "o.tsv", "tsv")
    dates = [json.loads(line)["date"] for line in (tmp_path / "o.jsonl").read_text().splitlines()]
    assert dates == ["2024-01-01", "2025-02-01"]
    df = pd.read_csv(tmp_path / "o.tsv", sep="\t", dtype=gdelt.PANDAS_DTYPES)
    assert sorted(df["SQLDATE"]) == [20240101, 20250201]
