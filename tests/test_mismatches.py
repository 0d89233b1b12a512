"""Strict errors that differ from a gold claim in one field are paired and named (report rows)."""

import pytest

from pipeline.records import Claim
from pipeline.score import ArticleDiff, pair_mismatches, score_claims


def c(s, r, o, date=None, pol="positive"):
    return Claim("a", s, r, o, date, pol, "", 0, 0)


@pytest.mark.parametrize(
    "pred, gold, kind, text",
    [
        # date only: a coarser predicted date
        (
            c("ESP", "expel_diplomats", "PRK", "2018-03"),
            c("ESP", "expel_diplomats", "PRK", "2018-03-26"),
            "date",
            "date differs: predicted 2018-03, gold 2018-03-26",
        ),
        # date only: the prediction has no date
        (
            c("ESP", "expel_diplomats", "PRK"),
            c("ESP", "expel_diplomats", "PRK", "2017"),
            "date",
            "date differs: predicted none, gold 2017",
        ),
        # polarity only
        (
            c("USA", "establish_relations", "PRK", pol="positive"),
            c("USA", "establish_relations", "PRK", pol="negative"),
            "polarity",
            "polarity differs: predicted positive, gold negative",
        ),
        # polarity only, symmetric relation written the other way round
        (
            c("PRK", "establish_relations", "USA"),
            c("USA", "establish_relations", "PRK", pol="negative"),
            "polarity",
            "polarity differs: predicted positive, gold negative",
        ),
        # direction only (non-symmetric)
        (
            c("PRK", "expel_diplomats", "ESP", "2017"),
            c("ESP", "expel_diplomats", "PRK", "2017"),
            "direction",
            "direction differs: predicted PRK → ESP, gold ESP → PRK",
        ),
    ],
)
def test_one_field_differs_is_one_mismatch(pred, gold, kind, text):
    _, diffs = score_claims({"a": [gold]}, [pred])
    diff = diffs["a"]
    assert [(m.kind, m.describe()) for m in diff.mismatches] == [(kind, text)]
    assert diff.unpaired() == ([], [])
    assert diff.false_positives == [pred] and diff.false_negatives == [gold]  # scores still count both


@pytest.mark.parametrize(
    "pred, gold",
    [
        (
            c("ESP", "expel_diplomats", "PRK", "2017", "negative"),
            c("ESP", "expel_diplomats", "PRK", "2018"),
        ),  # two fields
        (c("PRK", "expel_diplomats", "ESP", "2016"), c("ESP", "expel_diplomats", "PRK", "2017")),  # direction and date
        (c("ESP", "visit", "PRK"), c("ESP", "expel_diplomats", "PRK")),  # another relation
        (c("ESP", "visit", "CUB"), c("ESP", "visit", "PRK")),  # another object
    ],
)
def test_more_than_one_difference_stays_a_false_positive_and_a_false_negative(pred, gold):
    diff = ArticleDiff([pred], [gold])
    assert diff.mismatches == [] and diff.unpaired() == ([pred], [gold])


def test_pairs_are_one_to_one_and_prefer_a_containing_date():
    pred = [c("ESP", "visit", "PRK", "2017-09")]
    gold = [c("ESP", "visit", "PRK", "2016"), c("ESP", "visit", "PRK", "2017")]
    (m,) = pair_mismatches(pred, gold)
    assert m.gold.date == "2017"
    diff = ArticleDiff(pred, gold)
    assert diff.unpaired() == ([], [gold[0]])


def test_symmetric_relations_have_no_direction_mismatch():
    # the pair is unordered, so these are already a strict match
    res, diffs = score_claims({"a": [c("CUB", "alliance", "PRK")]}, [c("PRK", "alliance", "CUB")])
    assert res["strict"]["tp"] == 1 and diffs["a"].mismatches == []
