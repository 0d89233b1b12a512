"""Date values at the stated granularity, relative dates against ``published``."""

import pytest


def dates(doc):
    return [(e.text, e._.value) for e in doc.ents if e.label_ == "DATE"]


@pytest.mark.parametrize("text, published, expected", [
    ("Ties began in 1973.", "2020-06-15", [("1973", "1973")]),
    ("It happened in July 2022.", "2023", [("July 2022", "2022-07")]),
    ("On 3 March 1999 they met.", None, [("3 March 1999", "1999-03-03")]),
    ("Growth in the 1970s slowed.", None, [("1970s", "1970s")]),
    ("Pressure mounted in the mid-2010s.", None, [("mid-2010s", "2010s")]),
    ("It lasted between 1972 and 1975.", None, [("between 1972 and 1975", "1972/1975")]),
    ("The war (1950-1953) ended.", None, [("1950-1953", "1950/1953")]),
    ("The 1950-53 war ended in a truce.", None, [("1950-53", "1950/1953")]),
    ("| Japan | 5 November 1971 |", None, [("5 November 1971", "1971-11-05")]),
    ("It was founded on Sept. 9, 1948.", None, [("Sept. 9, 1948", "1948-09-09")]),
    ("It happened on 9 September 1948.", None, [("9 September 1948", "1948-09-09")]),
    ("They met in the spring of 1973.", None, [("spring of 1973", "1973")]),
    ("He left in late 2013.", None, [("late 2013", "2013")]),
    ("Trade grew this year.", "2020-06-15", [("this year", "2020")]),
    ("Envoys met last month.", "2020-06-15", [("last month", "2020-05")]),
    ("Trade fell last year.", "2020-06-15", [("last year", "2019")]),
    ("Envoys were recalled in December.", "2020-03-02", [("December", "2019-12")]),
    ("Envoys will meet in December.", "2020-03-02", [("December", "2020-12")]),
    ("Envoys met yesterday.", "2020-06-15", [("yesterday", "2020-06-14")]),
    ("They spoke on Wednesday.", "2020-06-15", [("Wednesday", "2020-06-10")]),
    ("They spoke on Monday.", "2020-06-15", [("Monday", "2020-06-15")]),
    ("The visit is on February 24.", "2020-06-15", [("February 24", "2020-02-24")]),
    ("Envoys met last month.", "2020", [("last month", None)]),
    ("They met in 2016 and 2017.", None, [("2016", "2016"), ("2017", "2017")]),
    ("Mexico in 1980 and Lebanon (1981) followed.", None, [("1980", "1980"), ("1981", "1981")]),
])
def test_date_values(parse, text, published, expected):
    assert dates(parse(text, published)) == expected


@pytest.mark.parametrize("text", ["It took four years.", "They have been allies for almost fifty years.",
                                  "The talks are now over.", "They met recently.", "He is 40 years old.",
                                  "Over the last couple of years the talks stalled.", "In the past three months trade fell.",
                                  "He returned after a four-year absence.", "It was a 10-day visit."])
def test_not_dates(parse, text):
    assert dates(parse(text)) == []
