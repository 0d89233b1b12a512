"""``claims query`` on the shipped corpus's claim store, through the command line."""

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("store")
    shutil.copytree(ROOT / "corpus", tmp / "corpus")
    assert main(["extract", "--corpus", str(tmp / "corpus"), "--out", str(tmp / "out"), "--jobs", "1", "-q"]) == 0
    return tmp / "out" / "claims.sqlite"


def query(capsys, db, *args) -> str:
    capsys.readouterr()
    assert main(["query", *args, "--db", str(db)]) == 0
    return capsys.readouterr().out


def test_which_states_have_relations_with_north_korea_as_of_2020(db, capsys):
    rows = json.loads(query(capsys, db, "relations-with", "PRK", "--as-of", "2020", "--format", "json"))
    states = {r["state"]: r for r in rows}
    assert {"CHN", "RUS", "CUB", "IDN", "ITA", "GBR"} <= set(states)
    assert not {"KOR", "USA", "JPN", "EU"} & set(states)  # never, or not any more; the EU is no state
    assert states["CHN"]["status"] == "established" and states["CHN"]["published"] == "2017-12-19"
    assert all(r["date"] is not None or r["published"] <= "2020" for r in rows)  # undated: known by publication
    later = {r["state"] for r in json.loads(query(capsys, db, "relations-with", "PRK", "--format", "json"))}
    assert set(states) <= later  # with no date, articles published after 2020 count too


def test_what_happened_between_the_two_koreas(db, capsys):
    rows = list(csv.DictReader(io.StringIO(query(capsys, db, "between", "KOR", "PRK", "--format", "csv"))))
    first = rows[0]
    assert [first[k] for k in ("date", "subject", "relation", "object")] == ["1959", "PRK", "sever_relations", "KOR"]
    dated = [r["date"] for r in rows if r["date"]]
    assert dated == sorted(dated) and len(dated) < len(rows)  # dated first, in order; then the undated
    table = query(capsys, db, "between", "prk", "kor").splitlines()
    assert table[0].split()[:4] == ["date", "subject", "relation", "object"] and len(table) == 2 + len(rows)


def test_the_shipped_corpus_has_no_conflicts(db, capsys):
    assert query(capsys, db, "conflicts").strip() == "no rows"
    assert json.loads(query(capsys, db, "conflicts", "--format", "json")) == []


@pytest.mark.parametrize(
    "args, message",
    [
        (["relations-with", "XYZ"], "claims.sqlite: unknown code 'XYZ': no claim in this store names it"),
        (["between", "PRK", "ATL"], "claims.sqlite: unknown code 'ATL'"),
        (["relations-with", "PRK", "--as-of", "next year"], "--as-of: bad date 'next year'"),
    ],
)
def test_an_unknown_code_or_date_is_one_line_and_exit_2(db, capsys, args, message):
    capsys.readouterr()
    assert main(["query", *args, "--db", str(db)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and message in err and "\n" not in err


def test_a_missing_store_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["query", "conflicts", "--db", str(tmp_path / "out" / "claims.sqlite")]) == 2
    assert capsys.readouterr().err.strip() == (
        f"error: {tmp_path / 'out' / 'claims.sqlite'}: claim store not found "
        "(`claims run` or `claims extract` writes it)"
    )
