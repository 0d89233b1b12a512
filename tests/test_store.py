"""The claim store's views and ``claims query``'s answers, on records written by hand (no model)."""

import csv
import io
import json
import sqlite3

import pytest

from pipeline.errors import InputError
from pipeline.query import between, conflicts, open_store, relations_with, render, run_query
from pipeline.records import ArticleResult, Claim, Entity
from pipeline.store import ClaimStore


def article(article_id, published, *claims, orgs=()):
    """An article's result from (subject, relation, object, date, polarity) rows."""
    made = tuple(Claim(article_id, s, r, o, d, p, f"{s} {r} {o} {d}.", 0, 10) for s, r, o, d, p in claims)
    ents = tuple(Entity(article_id, 0, 2, code, "ORG", code=code) for code in orgs)
    meta = {"source": f"Source {article_id}", **({"published": published} if published else {})}
    return ArticleResult(article_id, ents, made, meta)


def store_of(tmp_path, *results):
    path = tmp_path / "claims.sqlite"
    with ClaimStore(path) as store:
        for result in results:
            store.add(result)
    return path


@pytest.fixture
def conn(tmp_path):
    path = store_of(
        tmp_path,
        article(
            "a",
            "2019",
            ("NOR", "establish_relations", "PRK", "1973", "positive"),
            ("PRK", "sever_relations", "NOR", "1999-05", "positive"),
            ("SWE", "establish_relations", "PRK", None, "positive"),
            ("PRK", "establish_relations", "EU", "2001", "positive"),
            orgs=("EU",),
        ),
        article(
            "b",
            "2021-06-01",
            ("PRK", "establish_relations", "NOR", "2004", "positive"),
            ("USA", "establish_relations", "PRK", None, "negative"),
        ),
        article("c", None, ("FIN", "establish_relations", "PRK", None, "positive")),
    )
    conn = open_store(path)
    yield conn
    conn.close()


def states(answer):
    return {r["state"]: r["status"] for r in answer.records()}


@pytest.mark.parametrize(
    "as_of, expected",
    [
        ("1980", {"NOR": "established"}),  # undated claims hold from their article's publication, not before
        ("2000", {}),  # severed in 1999
        ("2004-06", {"NOR": "restored"}),  # established again after the severance
        ("2019-12-31", {"NOR": "restored", "SWE": "established"}),  # SWE: undated, article published 2019
        (
            None,
            {"NOR": "restored", "SWE": "established", "FIN": "established"},
        ),  # FIN: no date, no publication: only "now"
    ],
)
def test_relations_with_follows_the_latest_event_up_to_the_date(conn, as_of, expected):
    assert states(relations_with(conn, "PRK", as_of)) == expected  # EU is an organisation; USA never did


def test_between_lists_every_claim_of_the_pair_dated_first(conn):
    rows = between(conn, "PRK", "NOR").records()
    assert [(r["date"], r["relation"], r["article"]) for r in rows] == [
        ("1973", "establish_relations", "a"),
        ("1999-05", "sever_relations", "a"),
        ("2004", "establish_relations", "b"),
    ]
    assert rows[0]["source"] == "Source a" and between(conn, "NOR", "PRK").rows == between(conn, "PRK", "NOR").rows


def test_pair_status_view_holds_the_current_status_of_each_pair(conn):
    rows = conn.execute("SELECT party_a, party_b, status FROM pair_status WHERE family = 'relations'").fetchall()
    assert ("NOR", "PRK", "restored") in rows and ("PRK", "USA", "none") in rows


CONFLICTING = [
    article(
        "a",
        "2019",
        ("NOR", "establish_relations", "CHL", "1961", "positive"),
        ("FIN", "recognize", "XKX", "2008", "positive"),
        ("PRT", "sever_relations", "PER", "1975", "positive"),
        ("ESP", "visit", "PRK", "2001", "positive"),
        ("GRC", "establish_relations", "ITA", "1950", "positive"),
    ),
    article(
        "b",
        "2020",
        ("CHL", "establish_relations", "NOR", "1965", "positive"),  # symmetric: either order
        ("FIN", "recognize", "XKX", "2008-03", "positive"),  # inside 2008: compatible
        ("PRT", "establish_relations", "PER", "1970", "positive"),
        ("ESP", "visit", "PRK", "2005", "positive"),  # visits recur: two dates are two visits
        ("GRC", "establish_relations", "ITA", "1950s", "positive"),
    ),  # the decade holds 1950
    article(
        "c",
        "2021",
        ("NOR", "establish_relations", "CHL", None, "negative"),
        ("PRT", "establish_relations", "PER", "1980", "positive"),  # severed 1975 in between: restored, no conflict
        ("NOR", "establish_relations", "CHL", "1961", "positive"),
    ),  # contradicts itself: not between sources
]


def test_conflicts_are_opposite_polarities_and_incompatible_dates_between_articles(tmp_path):
    conn = open_store(store_of(tmp_path, *CONFLICTING))
    keys = ("kind", "relation", "article_a", "date_a", "polarity_a", "article_b", "date_b", "polarity_b")
    found = [tuple(r[k] for k in keys) for r in conflicts(conn).records()]
    assert found == [
        ("date", "establish_relations", "a", "1961", "positive", "b", "1965", "positive"),
        ("polarity", "establish_relations", "a", "1961", "positive", "c", None, "negative"),
        ("polarity", "establish_relations", "b", "1965", "positive", "c", None, "negative"),
        ("date", "establish_relations", "b", "1965", "positive", "c", "1961", "positive"),
    ]


def test_direction_matters_for_a_relation_that_is_not_symmetric(tmp_path):
    conn = open_store(
        store_of(
            tmp_path,
            article("a", "2019", ("FIN", "recognize", "XKX", "2008", "positive")),
            article("b", "2019", ("XKX", "recognize", "FIN", "2009", "positive")),
            article("c", "2019", ("FIN", "recognize", "XKX", "2010", "positive")),
        )
    )
    assert [(r["article_a"], r["article_b"]) for r in conflicts(conn).records()] == [("a", "c")]


def test_formats_carry_the_same_rows(conn):
    answer = relations_with(conn, "PRK")
    assert json.loads(render(answer, "json")) == answer.records()
    assert list(csv.DictReader(io.StringIO(render(answer, "csv")))) == [
        {k: "" if v is None else str(v) for k, v in r.items()} for r in answer.records()
    ]
    table = render(answer, "table").splitlines()
    assert table[0].split()[:3] == ["state", "status", "date"] and set(table[1]) == {"-", " "}
    assert len(table) == 2 + len(answer.rows)
    assert render(relations_with(conn, "PRK", "1900"), "table") == "no rows"


def test_run_query_reads_codes_in_any_case_and_refuses_unknown_ones(tmp_path):
    db = store_of(tmp_path, article("a", "2019", ("NOR", "establish_relations", "PRK", "1973", "positive")))
    assert "NOR" in run_query("relations-with", db, "table", ["prk"])
    with pytest.raises(InputError, match=r"claims.sqlite: unknown code 'XYZ': no claim in this store names it"):
        run_query("between", db, "table", ["NOR", "XYZ"])
    with pytest.raises(InputError, match=r"--as-of: bad date '2019-13'"):
        run_query("relations-with", db, "table", ["PRK"], "2019-13")


def test_a_missing_or_foreign_database_is_bad_input(tmp_path):
    with pytest.raises(InputError, match=r"nothing.sqlite: claim store not found"):
        open_store(tmp_path / "nothing.sqlite")
    (tmp_path / "text.sqlite").write_text("not a database at all, just text " * 40)
    with pytest.raises(InputError, match=r"text.sqlite: not a claim store"):
        open_store(tmp_path / "text.sqlite")
    sqlite3.connect(tmp_path / "other.sqlite").execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(InputError, match=r"other.sqlite: not a claim store"):
        open_store(tmp_path / "other.sqlite")
