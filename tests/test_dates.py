"""Date values at the stated granularity, relative dates against ``published``."""

import pytest


def dates(doc):
    return [(e.text, e._.value) for e in doc.ents if e.label_ == "DATE"]


@pytest.mark.parametrize(
    "text, published, expected",
    [
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
        # a past month-day takes the year an earlier sentence of its paragraph wrote out; a new
        # paragraph, or the future, goes back to the publication date
        (
            "Peru was recognised in October 1968. Chile followed on 9 October.",
            "2011-01-15",
            [("October 1968", "1968-10"), ("9 October", "1968-10-09")],
        ),
        (
            "Peru was recognised in 1968.\nChile followed on 9 October.",
            "2011-01-15",
            [("1968", "1968"), ("9 October", "2010-10-09")],
        ),
        (
            "Peru was recognised in 1968. Chile will follow on 9 October.",
            "2011-01-15",
            [("1968", "1968"), ("9 October", "2011-10-09")],
        ),
    ],
)
def test_date_values(parse, text, published, expected):
    assert dates(parse(text, published)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It took four years.",
        "They have been allies for almost fifty years.",
        "The talks are now over.",
        "They met recently.",
        "He is 40 years old.",
        "Over the last couple of years the talks stalled.",
        "In the past three months trade fell.",
        "He returned after a four-year absence.",
        "It was a 10-day visit.",
    ],
)
def test_not_dates(parse, text):
    assert dates(parse(text)) == []


@pytest.mark.parametrize(
    "form, text, published, expected",
    [
        ("today", "The minister arrived today.", "2017-09-20", [("today", "2017-09-20")]),
        ("tonight", "Parliament will vote tonight.", "2017-09-20", [("tonight", "2017-09-20")]),
        (
            "this morning",
            "The embassy said this morning that it would close.",
            "2017-09-20",
            [("this morning", "2017-09-20")],
        ),
        ("month this year", "The talks began in January this year.", "2017-09-20", [("January this year", "2017-01")]),
        ("month last year", "The embassy closed in March last year.", "2017-09-20", [("March last year", "2016-03")]),
        ("last month name", "The talks collapsed last October.", "2017-09-20", [("last October", "2016-10")]),
        ("last month name, same year", "The mission reopened last August.", "2017-09-20", [("last August", "2017-08")]),
        ("this month name", "The ministers will meet this September.", "2017-09-20", [("this September", "2017-09")]),
        (
            "later that year",
            "The talks began in March 1998. Later that year, a treaty was signed.",
            None,
            [("March 1998", "1998-03"), ("Later that year", "1998")],
        ),
        (
            "the following year",
            "Relations were restored in 2004. The following year, embassies reopened.",
            None,
            [("2004", "2004"), ("following year", "2005")],
        ),
        (
            "that month",
            "The envoy arrived on 3 May 2011. That month, the embassy reopened.",
            None,
            [("3 May 2011", "2011-05-03"), ("That month", "2011-05")],
        ),
        ("nothing before", "Later that year, the embassy was closed.", None, [("Later that year", None)]),
        (
            "earlier this month",
            "The embassy closed earlier this month.",
            "2017-09-20",
            [("earlier this month", "2017-09")],
        ),
        ("earlier this week", "The ministers met earlier this week.", "2017-09-20", [("earlier this week", None)]),
        (
            "half of the '80s",
            "Contacts resumed in the last half of the '80s.",
            "2020-06-15",
            [("last half of the '80s", "1980s")],
        ),
        ("'80s", "The two sides were close in the '80s.", "2020-06-15", [("'80s", "1980s")]),
        ("holiday with year", "The envoys met on Christmas Day 1998.", None, [("Christmas Day 1998", "1998-12-25")]),
        ("holiday, past", "The two leaders met on Christmas Day.", "2020-01-10", [("Christmas Day", "2019-12-25")]),
        ("weekday, future", "The ministers will meet on Tuesday.", "2020-06-15", [("Tuesday", "2020-06-16")]),
        ("weekday, future, same day", "The embassy will reopen on Monday.", "2020-06-15", [("Monday", "2020-06-22")]),
        ("weekday, infinitive", "The minister plans to travel on Sunday.", "1986-02-20", [("Sunday", "1986-02-23")]),
        ("month-day, past", "The talks on Dec. 15 ended without a deal.", "2023-01-10", [("Dec. 15", "2022-12-15")]),
        ("month-day, future", "The talks will resume on Dec. 15.", "2023-01-10", [("Dec. 15", "2023-12-15")]),
        (
            "month-day, future, before publication",
            "The envoys will meet on 3 June.",
            "2020-06-15",
            [("3 June", "2021-06-03")],
        ),
        ("month-day, scheduled", "Talks are scheduled for Dec. 29.", "2015-01-02", [("Dec. 29", "2015-12-29")]),
        ("month, future", "The treaty will be signed in March.", "2019-11-28", [("March", "2020-03")]),
        ("'49", "The revolution came in '49.", "2020-06-15", [("'49", "1949")]),
        (
            "ago, qualified",
            "Relations were cut almost two years ago.",
            "2017-09-20",
            [("almost two years ago", "2015")],
        ),
        ("ago, no published", "Relations were cut almost two years ago.", None, [("almost two years ago", None)]),
        ("from ... to", "He served as envoy from 1994 to 1998.", None, [("from 1994 to 1998", "1994/1998")]),
        ("ordinal day", "The talks ended on March 3rd, 1999.", None, [("March 3rd, 1999", "1999-03-03")]),
    ],
)
def test_date_forms(parse, form, text, published, expected):
    assert dates(parse(text, published)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He was 49 when he took office.",
        "The envoy, aged 71, retired.",
        "The vote was 49 to 58.",
        "The home team won 3-1.",
        "The motion passed 49-12.",
        "They have been allies for twenty years.",
        "Twenty years of talks produced nothing.",
        "The ambassador had arrived a day earlier.",
        "A week later, the embassy reopened.",
        "The ministers meet every year.",
        "She became ambassador at the age of 63.",
        "The 58-year-old minister resigned.",
    ],
)
def test_numbers_durations_ages_scores_are_not_dates(parse, text):
    assert dates(parse(text)) == []
