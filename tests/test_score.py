"""Each test breaks if its scoring rule (spec section 4) is broken."""

import pytest

from pipeline.claims import claim_set
from pipeline.records import Claim, Entity
from pipeline.score import score_claims, score_entities


def c(s, r, o, date=None, pol="positive", art="a"):
    return Claim(art, s, r, o, date, pol, "", 0, 0)


def test_self_score_is_perfect():
    gold = {"a": [c("ESP", "expel_diplomats", "PRK", "2017"), c("PRK", "alliance", "CUB")]}
    res, _ = score_claims(gold, gold["a"])
    assert res["strict"]["f1"] == res["relaxed"]["f1"] == 1.0 and res["date_accuracy"] == 1.0


def test_strict_needs_the_date_relaxed_does_not():
    res, _ = score_claims(
        {"a": [c("ESP", "expel_diplomats", "PRK", "2017")]}, [c("ESP", "expel_diplomats", "PRK", "2016")]
    )
    assert res["strict"]["tp"] == 0 and res["relaxed"]["tp"] == 1 and res["date_accuracy"] == 0.0


def test_polarity_is_part_of_the_key():
    res, _ = score_claims(
        {"a": [c("USA", "establish_relations", "PRK", pol="negative")]}, [c("USA", "establish_relations", "PRK")]
    )
    assert res["relaxed"]["tp"] == 0


def test_symmetric_relations_are_unordered_others_are_not():
    res, _ = score_claims({"a": [c("PRK", "establish_relations", "CUB")]}, [c("CUB", "establish_relations", "PRK")])
    assert res["strict"]["tp"] == 1
    res, _ = score_claims({"a": [c("ESP", "expel_diplomats", "PRK")]}, [c("PRK", "expel_diplomats", "ESP")])
    assert res["strict"]["tp"] == 0


def test_other_codes_fold_case_and_quotes():
    res, _ = score_claims(
        {"a": [c("PRK", "recognize", "OTHER:People’s Republic")]}, [c("PRK", "recognize", "OTHER:people's republic")]
    )
    assert res["strict"]["tp"] == 1


def test_dated_claim_absorbs_coarser_and_undated():
    kept = claim_set([c("A", "visit", "B", "2018-11"), c("A", "visit", "B", "2018"), c("A", "visit", "B", None)])
    assert [k.date for k in kept] == ["2018-11"]


def test_distinct_dates_that_do_not_contain_each_other_stay():
    kept = claim_set([c("A", "visit", "B", "2016"), c("A", "visit", "B", "2017"), c("A", "visit", "B", "2010s")])
    assert sorted(k.date for k in kept) == ["2016", "2017"]


def test_duplicates_count_once():
    res, _ = score_claims({"a": [c("A", "visit", "B")]}, [c("A", "visit", "B"), c("A", "visit", "B")])
    assert res["relaxed"]["fp"] == 0 and res["relaxed"]["tp"] == 1


def test_micro_average_and_per_relation_and_article():
    gold = {
        "a": [c("A", "visit", "B", art="a")],
        "b": [c("C", "visit", "D", art="b"), c("C", "recognize", "D", art="b")],
    }
    pred = [c("A", "visit", "B", art="a"), c("X", "visit", "Y", art="b")]
    res, diffs = score_claims(gold, pred)
    assert res["relaxed"]["precision"] == 0.5 and res["relaxed"]["recall"] == pytest.approx(1 / 3, abs=1e-3)
    assert res["per_relation"]["recognize"]["relaxed"]["fn"] == 1
    assert res["per_article"]["a"]["relaxed"]["f1"] == 1.0
    assert [d.subject for d in diffs["b"].false_positives] == ["X"]


def test_articles_without_gold_are_unscored():
    res, _ = score_claims({"a": []}, [c("A", "visit", "B", art="zzz")])
    assert res["unscored"] == ["zzz"] and res["relaxed"]["fp"] == 0


def e(start, end, label="COUNTRY", code="PRK", value=None):
    return Entity("a", start, end, "x", label, code, value)


def test_entities_exact_and_partial():
    gold = {"a": [e(0, 11), e(20, 24, "DATE", None, "1973")]}
    res = score_entities(gold, [e(0, 11), e(19, 24, "DATE", None, "1973")])
    assert res["exact"]["tp"] == 1 and res["partial"] == 1 and res["per_label"]["DATE"]["fp"] == 1


def test_entity_code_must_match():
    res = score_entities({"a": [e(0, 5, code="NER")]}, [e(0, 5, code="NGA")])
    assert res["exact"]["tp"] == 0 and res["code_value_accuracy"] == 0.0
