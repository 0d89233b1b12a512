"""Title-case headlines are parsed in sentence case: relation words lowered, names and offsets kept."""

import pytest

from pipeline.headlines import HeadlineCaser, headline_caser, is_headline


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Peru Expels Chilean Envoy", True),
        ("Saudi Arabia, Qatar Restore Diplomatic Ties", True),
        ("Nicaragua To Break With Taiwan", True),
        ("Peru expels the Chilean envoy.", False),  # a sentence
        ("The United Nations Security Council met on Monday.", False),
        ("Peru Wins", False),  # too short to tell
        ("In Europe: Andorra, Estonia, France, Monaco and the Holy See:", False),
        ("Peru said on Monday that it would expel the Chilean envoy", False),  # lower-case words: prose
    ],
)
def test_is_headline(line, expected):
    assert is_headline(line) is expected


def test_casing_keeps_offsets_names_and_acronyms(nlp):
    case = headline_caser(nlp)
    text = "Peru Recalls Ambassador From Chile\nUS Breaks Off Relations With The United States Of America\nPeru expels envoys."
    out = case(text)
    assert len(out) == len(text) and out.lower() == text.lower()
    assert out.splitlines()[0] == "Peru recalls ambassador from Chile"
    assert "United States" in out and out.startswith("Peru") and "\nUS " in out
    assert out.splitlines()[2] == "Peru expels envoys."  # prose untouched


def test_unknown_words_keep_capitals():
    case = HeadlineCaser(frozenset({"expel"}))
    assert case("Peru Expels Envoy Over Spy Row") == "Peru expels Envoy over Spy Row"


@pytest.mark.parametrize(
    "headline, expected",
    [
        ("Peru Expels Chilean Envoy", [("PER", "expel_diplomats", "CHL", None, "positive")]),
        ("Peru Recalls Ambassador From Chile", [("PER", "downgrade_relations", "CHL", None, "positive")]),
        ("Chile Breaks Off Relations With Peru Over Raid", [("CHL", "sever_relations", "PER", None, "positive")]),
        ("Saudi Arabia, Qatar Restore Diplomatic Ties", [("SAU", "establish_relations", "QAT", None, "positive")]),
        ("Peru Denies Expelling Chilean Envoy", [("PER", "expel_diplomats", "CHL", None, "negative")]),
    ],
)
def test_headline_claims(parse, headline, expected):
    got = [(c.subject, c.relation, c.object, c.date, c.polarity) for c in parse(headline + "\n", "2024-11-01")._.claims]
    assert got == expected
