"""``claims.sqlite``: every claim with its article's metadata, indexed, with status and conflict views.

Built while the claims stream out (in the staging folder, replaced with the other outputs). Nothing
else reads it except ``claims query`` and the report's conflicts section, so deleting it is safe.
The views are defined in docs/scaling.md ("The claim store").
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .dates_util import date_range
from .records import RELATIONS, ArticleResult

SCHEMA = 1
TABLES = """
CREATE TABLE store (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE articles (
  id TEXT PRIMARY KEY, title TEXT, source TEXT, url TEXT, published TEXT,
  published_start TEXT  -- first day of `published`: when the article's undated claims are known to hold
);
CREATE TABLE codes (code TEXT PRIMARY KEY, label TEXT NOT NULL);  -- COUNTRY or ORG, as the entities have it
CREATE TABLE claims (
  id INTEGER PRIMARY KEY,  -- the claim's line in claims.jsonl
  article TEXT NOT NULL REFERENCES articles(id),
  subject TEXT NOT NULL, relation TEXT NOT NULL, object TEXT NOT NULL,
  pair_a TEXT NOT NULL, pair_b TEXT NOT NULL,  -- subject and object sorted: one key per pair, either direction
  symmetric INTEGER NOT NULL,
  date TEXT, date_start TEXT, date_end TEXT,  -- the DATE value and the first and last day it covers
  polarity TEXT NOT NULL, evidence TEXT, evidence_start INTEGER, evidence_end INTEGER, pattern TEXT, confidence REAL
);
"""
INDEXES = """
CREATE INDEX claims_pair ON claims(pair_a, pair_b);
CREATE INDEX claims_relation ON claims(relation);
CREATE INDEX claims_date ON claims(date_start);
CREATE INDEX claims_article ON claims(article);
"""
# A family is a relation and its undoing; ``party_a``/``party_b`` are the pair (unordered for
# relations, owner → host for missions, recogniser → recognised). ``since``: the first day of the
# claim's date, or for an undated claim of its article's publication (it held by then).
EVENTS = """
CREATE VIEW events AS SELECT * FROM (
  SELECT c.id, c.article, c.relation, c.subject, c.object, c.polarity, c.date, c.evidence,
    CASE WHEN c.relation IN ('establish_relations', 'sever_relations') THEN 'relations'
         WHEN c.relation IN ('open_mission', 'close_mission') THEN 'mission'
         WHEN c.relation = 'recognize' THEN 'recognition' END AS family,
    CASE WHEN c.relation = 'establish_relations' THEN iif(c.polarity = 'positive', 'established', 'none')
         WHEN c.relation = 'sever_relations' AND c.polarity = 'positive' THEN 'severed'
         WHEN c.relation = 'open_mission' THEN iif(c.polarity = 'positive', 'open', 'none')
         WHEN c.relation = 'close_mission' AND c.polarity = 'positive' THEN 'closed'
         WHEN c.relation = 'recognize' THEN iif(c.polarity = 'positive', 'recognised', 'withdrawn') END AS status,
    iif(c.symmetric, c.pair_a, c.subject) AS party_a, iif(c.symmetric, c.pair_b, c.object) AS party_b,
    coalesce(c.date_start, a.published_start) AS since, c.date IS NOT NULL AS dated, a.source, a.published
  FROM claims c JOIN articles a ON a.id = c.article
) WHERE status IS NOT NULL;
"""
# The latest event per family and pair (``{where}`` narrows the events, e.g. to those by a date):
# latest first day; then a dated claim before an undated one; then the later claim in claims.jsonl.
# "established" after an earlier "severed" is "restored", "open" after "closed" is "reopened".
STATUS = """
SELECT family, party_a, party_b,
  CASE WHEN status IN ('established', 'open') AND EXISTS (
      SELECT 1 FROM events s WHERE s.family = r.family AND s.party_a = r.party_a AND s.party_b = r.party_b
        AND s.status = iif(r.status = 'established', 'severed', 'closed') AND s.since < r.since)
    THEN iif(status = 'established', 'restored', 'reopened') ELSE status END AS status,
  since, date, id AS claim, article, source, published, evidence
FROM (SELECT e.*, row_number() OVER (PARTITION BY family, party_a, party_b
                                     ORDER BY since IS NULL, since DESC, dated DESC, id DESC) AS latest
      FROM events e WHERE {where}) r
WHERE latest = 1
"""
# Two articles that state the same pair and relation (same direction unless symmetric) and
# disagree: opposite polarity at dates that overlap (an undated claim overlaps every date), or, for
# a relation that happens once per pair (ONCE), dates that do not overlap with no undoing dated
# between them (relations severed, recognition withdrawn: then both dates can be right).
ONCE = ("establish_relations", "recognize", "join_organization")
CONFLICTS = """
CREATE VIEW conflicts AS
SELECT iif(a.polarity <> b.polarity, 'polarity', 'date') AS kind, a.relation, a.pair_a, a.pair_b,
  a.id AS claim_a, a.article AS article_a, a.subject AS subject_a, a.object AS object_a, a.polarity AS polarity_a,
  a.date AS date_a, a.evidence AS evidence_a,
  b.id AS claim_b, b.article AS article_b, b.subject AS subject_b, b.object AS object_b, b.polarity AS polarity_b,
  b.date AS date_b, b.evidence AS evidence_b
FROM claims a JOIN claims b ON b.relation = a.relation AND b.pair_a = a.pair_a AND b.pair_b = a.pair_b
  AND a.article < b.article AND (a.symmetric OR a.subject = b.subject)
WHERE (a.polarity <> b.polarity
       AND (a.date IS NULL OR b.date IS NULL OR (a.date_start <= b.date_end AND b.date_start <= a.date_end)))
   OR (a.polarity = 'positive' AND b.polarity = 'positive' AND a.relation IN ({once})
       AND a.date IS NOT NULL AND b.date IS NOT NULL AND (a.date_end < b.date_start OR b.date_end < a.date_start)
       AND NOT EXISTS (
         SELECT 1 FROM claims u WHERE u.pair_a = a.pair_a AND u.pair_b = a.pair_b AND u.date IS NOT NULL
           AND ((a.relation = 'establish_relations' AND u.relation = 'sever_relations' AND u.polarity = 'positive')
             OR (a.relation = 'recognize' AND u.relation = 'recognize' AND u.polarity = 'negative'
                 AND u.subject = a.subject))
           AND u.date_start BETWEEN min(a.date_start, b.date_start) AND max(a.date_start, b.date_start)));
""".replace("{once}", ", ".join(f"'{r}'" for r in ONCE))
VIEWS = EVENTS + "CREATE VIEW pair_status AS" + STATUS.format(where="1") + ";\n" + CONFLICTS


def _range(value: str | None) -> tuple[str | None, str | None]:
    return date_range(value) if value else (None, None)


class ClaimStore:
    """Write ``path`` article by article (``add``); ``close`` adds the indexes and views. Leaving the
    with-block on an error closes without them (the staging folder is discarded anyway)."""

    def __init__(self, path: Path):
        path.unlink(missing_ok=True)  # built from scratch: never rows of an earlier run
        self.conn = sqlite3.connect(path)
        # A staged file: if the run dies, it is thrown away, so no journal is needed to protect it.
        self.conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + TABLES)
        self.conn.executemany("INSERT INTO store VALUES (?, ?)", [("schema", str(SCHEMA)), ("made_by", "claims")])
        self.claims = 0

    def add(self, result: ArticleResult) -> None:
        meta = result.meta
        published = meta.get("published")
        row = (result.article, meta.get("title"), meta.get("source"), meta.get("url"), published, _range(published)[0])
        self.conn.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?)", row)
        self.conn.executemany(
            "INSERT OR IGNORE INTO codes VALUES (?, ?)",
            [(e.code, e.label) for e in result.entities if e.code is not None],
        )
        rows = []
        for c in result.claims:
            self.claims += 1
            pair = sorted((c.subject, c.object))
            rows.append(
                (
                    self.claims,
                    c.article,
                    c.subject,
                    c.relation,
                    c.object,
                    *pair,
                    int(RELATIONS[c.relation]),
                    c.date,
                    *_range(c.date),
                    c.polarity,
                    c.evidence,
                    c.start,
                    c.end,
                    c.pattern,
                    c.confidence,
                )
            )
        self.conn.executemany(f"INSERT INTO claims VALUES ({', '.join('?' * 17)})", rows)

    def close(self) -> None:
        self.conn.executescript(INDEXES + VIEWS)
        self.conn.commit()
        self.conn.close()

    def __enter__(self) -> ClaimStore:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.conn.close()
