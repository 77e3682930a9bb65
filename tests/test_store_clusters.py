"""Clusters in the store: fusion over all stored events, kept in step with them."""

from __future__ import annotations

from pathlib import Path

from dragoman.store import Store
from dragoman.store.clusters import clusters_stale, refresh_clusters
from dragoman.store.ingest import ingest

READOUTS = Path(__file__).parent / "data" / "readouts"


def test_two_readouts_of_one_meeting_share_a_cluster(tmp_path, coder):
    db = tmp_path / "s.duckdb"
    inputs = [READOUTS / "egypt-mfa.txt", READOUTS / "jordan-mfa.txt"]
    ingest(inputs, db, coder=coder)
    with Store.open(db, read_only=True) as store:
        con = store.con
        n_events = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        assert con.execute("SELECT count(*) FROM clusters").fetchall()[0][0] == n_events  # every event in one
        shared = con.execute(
            "SELECT cluster_id FROM clusters GROUP BY cluster_id HAVING count(DISTINCT doc_id) = 2"
        ).fetchall()
        assert len(shared) == 1
        kinds = con.execute(
            "SELECT DISTINCT e.event FROM events e JOIN clusters c USING (doc_id, seq, event_id) WHERE c.cluster_id = ?",
            [shared[0][0]],
        ).fetchall()
        assert kinds == [("CONSULT",)]
        assert con.execute("SELECT count(*) FROM events WHERE cluster_id IS NULL").fetchall()[0][0] == 0
        before = con.execute("SELECT * FROM clusters ORDER BY ALL").fetchall()
    ingest(inputs, db, coder=coder)  # the same inputs again: nothing changes
    with Store.open(db, read_only=True) as store:
        assert store.con.execute("SELECT * FROM clusters ORDER BY ALL").fetchall() == before


def test_stale_clusters_are_noticed_and_rebuilt(tmp_path, coder):
    db = tmp_path / "s.duckdb"
    ingest([READOUTS / "egypt-mfa.txt", READOUTS / "jordan-mfa.txt"], db, coder=coder)
    with Store.open(db) as store:
        con = store.con
        before = con.execute("SELECT * FROM clusters ORDER BY ALL").fetchall()
        con.execute("DELETE FROM clusters WHERE doc_id = 'jordan-mfa.txt'")  # as a kill between steps would
        assert clusters_stale(con)
        refresh_clusters(con)
        assert not clusters_stale(con)
        assert con.execute("SELECT * FROM clusters ORDER BY ALL").fetchall() == before
