"""Property-based tests: on any input only the project's own InputError escapes, and the spec's
invariants hold (a set scored against itself is perfect; set semantics are idempotent).

The examples are fixed by the "ci" profile in conftest.py (derandomized, a modest count).
"""

import datetime as dt
import json
import random

import pytest
from dateparser.date import DateDataParser
from hypothesis import assume, example, given
from hypothesis import strategies as st

from pipeline.claims import claim_set, relaxed_key, strict_key
from pipeline.components.date_rules import load_words
from pipeline.components.dates import Context, parse_published, resolve
from pipeline.corpus import BOM, read_article
from pipeline.dates_util import coarser, date_range, valid_value
from pipeline.errors import InputError
from pipeline.records import RELATIONS, Claim, claim_from_json, read_jsonl
from pipeline.score import score_claims

# --- front matter -------------------------------------------------------------------------------

KEYS = st.from_regex(r"[a-z][a-z_]{0,11}", fullmatch=True).filter(lambda k: k != "published")
# Values may hold colons, '#', quotes and brackets; no line break; no surrounding space or quote.
VALUES = (
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40)
    .map(str.strip)
    .filter(lambda v: not (v[:1] in "\"'" and v[:1] == v[-1:]) or v == "")
)
PUBLISHED = st.dates(dt.date(1001, 1, 1), dt.date(9998, 12, 31)).flatmap(
    lambda d: st.sampled_from([d.isoformat(), d.isoformat()[:7], d.isoformat()[:4]])
)


@given(
    meta=st.dictionaries(KEYS, VALUES, max_size=5),
    published=st.none() | PUBLISHED,
    quote=st.sampled_from(["", '"', "'"]),
    newline=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
)
def test_front_matter_round_trips(tmp_path_factory, meta, published, quote, newline, bom):
    if published:
        meta = {**meta, "published": published}
    lines = ["---"] + [f"{k}: {quote}{v}{quote}" for k, v in meta.items()] + ["---", "Body text here.", ""]
    path = tmp_path_factory.mktemp("fm") / "a.md"
    path.write_bytes(((BOM if bom else "") + newline.join(lines)).encode("utf-8"))
    art = read_article(path, path.parent)
    assert art.meta == meta and art.published == published
    assert len(art.clean) == len(art.text) and art.clean.split() == ["Body", "text", "here."]


@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: ("---\n" + t).encode("utf-8", "surrogatepass")))
def test_any_file_reads_or_raises_input_error(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("any") / "a.md"
    path.write_bytes(data)
    try:
        art = read_article(path, path.parent)
    except InputError as err:
        assert "a.md" in str(err) and "\n" not in str(err)
        return
    assert art.text == "".join(
        " " if c < " " and c not in "\t\n\r" or "\x7f" <= c <= "\x9f" else c for c in data.decode("utf-8")
    )
    assert len(art.clean) == len(art.text)
    assert all(a == b or b == " " for a, b in zip(art.text, art.clean))  # cleaning only blanks


# --- date values and the date normaliser ----------------------------------------------------------

DAYS = st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31))
SINGLE = DAYS.flatmap(
    lambda d: st.sampled_from([d.isoformat(), d.isoformat()[:7], d.isoformat()[:4], d.isoformat()[:3] + "0s"])
)
VALUE = SINGLE | st.tuples(SINGLE.filter(lambda v: "s" not in v), SINGLE.filter(lambda v: "s" not in v)).map(
    lambda p: "/".join(sorted(p))
)


@given(st.text(max_size=25) | st.from_regex(r"\d{4}(-\d{2}(-\d{2})?)?|\d{3}0s", fullmatch=True))
@example("2019-13")  # passed as valid, then date_range raised IllegalMonthError while scoring
@example("2019-02-30")
def test_valid_value_never_raises_and_valid_values_have_a_range(value):
    if valid_value(value):
        start, end = date_range(value)
        assert dt.date.fromisoformat(start) and dt.date.fromisoformat(end)


@given(VALUE, VALUE)
@example("1990s", "1990/1999")  # one range spelt two ways: each absorbed the other, both claims vanished
def test_coarser_is_a_strict_order(a, b):
    assert valid_value(a) and not coarser(a, a) and coarser(None, a) and not coarser(a, None)
    assert not (coarser(a, b) and coarser(b, a))


WORDS = load_words()
RELATIVE = st.sampled_from(
    [
        "today",
        "yesterday",
        "tomorrow",
        "this year",
        "last year",
        "next year",
        "this month",
        "last month",
        "next month",
        "last October",
        "January this year",
        "on Wednesday",
        "on Monday",
        "February 24",
        "December",
        "earlier this week",
        "two days ago",
        "later that year",
        "that month",
        "the following year",
        "'49",
        "the '80s",
        "Christmas",
    ]
)


@given(
    published=st.none() | PUBLISHED,
    text=RELATIVE | st.text(max_size=20),
    tense=st.sampled_from(["past", "present", "future"]),
    before=st.lists(VALUE, max_size=2),
)
def test_date_normaliser_gives_a_spec_value_null_or_not_a_date(published, text, tense, before):
    value = resolve(text, context(published, tense=tense, before=before))
    assert value is False or valid_value(value)


def context(published, **kwargs) -> Context:
    base, parts = parse_published(published)
    parser = DateDataParser(
        languages=["en"],
        settings={"RELATIVE_BASE": base or dt.datetime(1900, 1, 1), "PREFER_DATES_FROM": "current_period"},
    )
    return Context(base, parts, parser, WORDS, **kwargs)


@pytest.mark.xfail(
    reason="components/dates.py writes year 20 as '20' (strftime, no zero padding): for its owner", strict=False
)
def test_far_relative_dates_are_four_digit_years_or_null():
    value = resolve("2000 years ago", context("2020-06-15"))
    assert value is False or valid_value(value)


# --- claim set semantics and the scorer -----------------------------------------------------------

CODES = st.sampled_from(["ESP", "PRK", "CUB", "OTHER:Some Republic", "OTHER:some republic", "UN"])
CLAIMS = st.builds(
    lambda s, r, o, d, pol, art: Claim(art, s, r, o, d, pol, "", 0, 0),
    CODES,
    st.sampled_from(sorted(RELATIONS)),
    CODES,
    st.none() | VALUE,
    st.sampled_from(["positive", "negative"]),
    st.sampled_from(["a", "b"]),
)


@given(st.lists(CLAIMS, max_size=12), st.randoms(use_true_random=False))
@example([Claim("a", "ESP", "visit", "PRK", d, "positive", "", 0, 0) for d in ("1990s", "1990/1999")], random.Random(0))
def test_claim_set_is_idempotent_order_free_and_keeps_every_relaxed_key(claims, rnd: random.Random):
    kept = claim_set(claims)
    keys = {strict_key(c) for c in kept}
    assert {strict_key(c) for c in claim_set(kept)} == keys
    shuffled = claims[:]
    rnd.shuffle(shuffled)
    assert {strict_key(c) for c in claim_set(shuffled)} == keys
    assert {relaxed_key(c) for c in kept} == {relaxed_key(c) for c in claims}
    assert len(keys) == len(kept) and all(c in claims for c in kept)


@given(st.lists(CLAIMS, min_size=1, max_size=12))
def test_a_claim_set_scored_against_itself_is_perfect(claims):
    gold = {art: [c for c in claims if c.article == art] for art in {c.article for c in claims}}
    res, diffs = score_claims(gold, claims)
    assert res["strict"]["f1"] == res["relaxed"]["f1"] == 1.0 and res["date_accuracy"] == 1.0
    assert all(not d.false_positives and not d.false_negatives for d in diffs.values())


@given(st.lists(CLAIMS, max_size=8), st.lists(CLAIMS, max_size=8))
def test_scores_are_bounded_and_count_every_gold_key(gold_claims, pred):
    gold = {"a": [c for c in gold_claims if c.article == "a"]}
    res, _ = score_claims(gold, pred)
    for kind, keyf in (("strict", strict_key), ("relaxed", relaxed_key)):
        s = res[kind]
        assert 0 <= s["precision"] <= 1 and 0 <= s["recall"] <= 1 and 0 <= s["f1"] <= 1
        assert s["tp"] + s["fn"] == len({keyf(c) for c in claim_set(gold["a"])})


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=10,
)
CLAIM_LIKE = st.fixed_dictionaries(
    {
        "article": st.just("a"),
        "subject": CODES,
        "relation": st.sampled_from(sorted(RELATIONS)),
        "object": CODES,
        "polarity": st.sampled_from(["positive", "negative"]),
    },
    optional={k: JSON | VALUE for k in ("date", "evidence", "start", "end", "pattern", "confidence")},
)


@given(st.lists(CLAIM_LIKE | JSON, max_size=4), st.text(max_size=20))
def test_prediction_lines_load_or_raise_input_error(tmp_path_factory, objects, garbage):
    path = tmp_path_factory.mktemp("pred") / "claims.jsonl"
    path.write_text("\n".join([json.dumps(o) for o in objects] + [garbage]), encoding="utf-8")
    try:
        claims = [claim_from_json(obj, path, n) for n, obj in read_jsonl(path)]
    except InputError as err:
        assert "claims.jsonl" in str(err) and "\n" not in str(err)
        return
    assume(claims)
    for c in claims:
        assert isinstance(c.start, int) and isinstance(c.evidence, str) and valid_value(c.date)
    score_claims({"a": claims}, claims)  # and they score without error
