"""``claims query``: common questions answered from ``claims.sqlite`` (its views: ``pipeline/store.py``)."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .dates_util import date_range, valid_value
from .errors import InputError
from .store import SCHEMA, STATUS

FORMATS = ("table", "json", "csv")
CELL = 60  # widest cell in a table; the evidence is cut there (json and csv keep it whole)
HAVE_RELATIONS = ("established", "restored")


@dataclass(frozen=True)
class Answer:
    columns: tuple[str, ...]
    rows: list[tuple]

    def records(self) -> list[dict]:
        return [dict(zip(self.columns, row)) for row in self.rows]


def open_store(path: Path) -> sqlite3.Connection:
    """``path`` opened read-only; a missing file, another kind of file or another schema is bad input."""
    if not path.is_file():
        raise InputError(path, "claim store not found (`claims run` or `claims extract` writes it)")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        found = conn.execute("SELECT value FROM store WHERE key = 'schema'").fetchone()
    except sqlite3.DatabaseError:
        found = None
    if found is None or found[0] != str(SCHEMA):
        conn.close()
        what = "not a claim store" if found is None else f"claim store schema {found[0]}, this version reads {SCHEMA}"
        raise InputError(path, f"{what}; rerun `claims extract` to rebuild it")
    return conn


def known_code(conn: sqlite3.Connection, path: Path, code: str) -> str:
    """The code as the store spells it (case aside); one that no claim names is bad input."""
    row = conn.execute(
        "SELECT subject FROM claims WHERE subject = ?1 COLLATE NOCASE UNION ALL "
        "SELECT object FROM claims WHERE object = ?1 COLLATE NOCASE LIMIT 1",
        (code,),
    ).fetchone()
    if row is None:
        raise InputError(path, f"unknown code {code!r}: no claim in this store names it (codes: docs/reference.md)")
    return row[0]


def until(as_of: str) -> str:
    """The last day of ``--as-of`` (YYYY, YYYY-MM or YYYY-MM-DD)."""
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", as_of) or not valid_value(as_of):
        raise InputError("--as-of", f"bad date {as_of!r} (want YYYY, YYYY-MM or YYYY-MM-DD)")
    return date_range(as_of)[1]


def relations_with(conn: sqlite3.Connection, code: str, as_of: str | None = None) -> Answer:
    """The states (not organisations) whose latest relations event with ``code`` (up to ``as_of``)
    established or restored them."""
    where = "family = 'relations' AND (party_a = :code OR party_b = :code)" + (" AND since <= :until" if as_of else "")
    sql = (
        f"SELECT * FROM (SELECT iif(party_a = :code, party_b, party_a) AS state, status, date, published, article, "
        f"source, evidence FROM ({STATUS.format(where=where)}) WHERE status IN {HAVE_RELATIONS}) "
        "WHERE state NOT IN (SELECT code FROM codes WHERE label = 'ORG') ORDER BY state"
    )
    rows = conn.execute(sql, {"code": code, "until": until(as_of) if as_of else None}).fetchall()
    return Answer(("state", "status", "date", "published", "article", "source", "evidence"), rows)


def between(conn: sqlite3.Connection, a: str, b: str) -> Answer:
    """Every claim about the pair, dated ones first in date order, then the undated."""
    columns = ("date", "subject", "relation", "object", "polarity", "article", "source", "published", "evidence")
    rows = conn.execute(
        "SELECT c.date, c.subject, c.relation, c.object, c.polarity, c.article, a.source, a.published, "
        "c.evidence FROM claims c JOIN articles a ON a.id = c.article "
        "WHERE c.pair_a = ? AND c.pair_b = ? ORDER BY c.date IS NULL, c.date_start, c.date_end, c.id",
        sorted((a, b)),
    ).fetchall()
    return Answer(columns, rows)


def conflicts(conn: sqlite3.Connection) -> Answer:
    """Pairs of claims from different articles that cannot both be right (the ``conflicts`` view)."""
    columns = (
        "kind",
        "relation",
        "pair_a",
        "pair_b",
        "article_a",
        "subject_a",
        "object_a",
        "polarity_a",
        "date_a",
        "article_b",
        "subject_b",
        "object_b",
        "polarity_b",
        "date_b",
        "evidence_a",
        "evidence_b",
    )
    order = "relation, pair_a, pair_b, claim_a, claim_b"
    return Answer(columns, conn.execute(f"SELECT {', '.join(columns)} FROM conflicts ORDER BY {order}").fetchall())


def read_conflicts(path: Path) -> list[dict]:
    """The conflicts of a store just written (for the report)."""
    conn = open_store(path)
    try:
        return conflicts(conn).records()
    finally:
        conn.close()


def _cell(value) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if len(text) <= CELL else text[: CELL - 1] + "…"


def render(answer: Answer, fmt: str) -> str:
    """``answer`` as aligned text columns, a JSON list of objects, or CSV with a header row."""
    if fmt == "json":
        return json.dumps(answer.records(), ensure_ascii=False, indent=2)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(answer.columns)
        writer.writerows(answer.rows)
        return buf.getvalue().rstrip("\n")
    if not answer.rows:
        return "no rows"
    cells = [answer.columns] + [tuple(_cell(v) for v in row) for row in answer.rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(answer.columns))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    return "\n".join([lines[0], "  ".join("-" * w for w in widths)] + lines[1:])


def run_query(question: str, db: Path, fmt: str, codes: list[str], as_of: str | None = None) -> str:
    """Answer ``question`` (relations-with, between, conflicts) from the store at ``db``."""
    if as_of is not None:
        until(as_of)  # a bad date is reported before the store is opened
    conn = open_store(db)
    try:
        known = [known_code(conn, db, c) for c in codes]
        if question == "relations-with":
            answer = relations_with(conn, known[0], as_of)
        elif question == "between":
            answer = between(conn, *known)
        else:
            answer = conflicts(conn)
    finally:
        conn.close()
    return render(answer, fmt)
