"""Conflicts between sources, found on a small corpus written for it (invented sentences): in
``claims query conflicts`` and in both reports, with the article text escaped."""

import json
import re

import pytest
from test_report import Tables

from pipeline.cli import main

ARTICLES = {
    "a-wire": "---\ntitle: Norway and Chile\nsource: Wire A\npublished: 2019-03-01\n---\n"
    "Norway established diplomatic relations with Chile in 1961.\n\n"
    "Finland recognised Kosovo in 2008.\n\n"
    "Portugal severed diplomatic relations with Peru in 1975.\n",
    "b-paper": "---\ntitle: An old friendship\nsource: Paper B\npublished: 2020-05-04\n---\n"
    "Norway and Chile established diplomatic relations in 1965.\n\n"
    "Finland recognised Kosovo in March 2008.\n\n"  # inside 2008: no conflict
    "Portugal established diplomatic relations with Peru in 1970.\n",
    "c-blog": "---\ntitle: Notes\nsource: Blog C\npublished: 2021\n---\n"
    "Norway has *never* established diplomatic relations with Chile <i>at all</i>.\n\n"
    "Portugal established diplomatic relations with Peru in 1980.\n",  # severed 1975: restored, no conflict
}
NEVER = "Norway has *never* established diplomatic relations with Chile <i>at all</i>."


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("conflicts")
    (tmp / "corpus").mkdir()
    for name, text in ARTICLES.items():
        (tmp / "corpus" / f"{name}.md").write_text(text)
    sentence = "Finland recognised Kosovo in 2008."
    start = ARTICLES["a-wire"].index(sentence)
    (tmp / "gold" / "claims").mkdir(parents=True)
    (tmp / "gold" / "claims" / "a-wire.jsonl").write_text(
        json.dumps(
            {
                "article": "a-wire",
                "subject": "FIN",
                "relation": "recognize",
                "object": "XKX",
                "date": "2008",
                "polarity": "positive",
                "evidence": sentence,
                "start": start,
                "end": start + len(sentence),
            }
        )
        + "\n"
    )
    assert (
        main(
            [
                "run",
                "--corpus",
                str(tmp / "corpus"),
                "--gold",
                str(tmp / "gold"),
                "--out",
                str(tmp / "out"),
                "--jobs",
                "1",
            ]
        )
        == 0
    )
    return tmp / "out"


def test_query_lists_a_date_conflict_and_two_polarity_conflicts(project, capsys):
    capsys.readouterr()
    assert main(["query", "conflicts", "--db", str(project / "claims.sqlite"), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["kind"], r["article_a"], r["date_a"], r["article_b"], r["date_b"], r["polarity_b"]) for r in rows] == [
        ("date", "a-wire", "1961", "b-paper", "1965", "positive"),
        ("polarity", "a-wire", "1961", "c-blog", None, "negative"),
        ("polarity", "b-paper", "1965", "c-blog", None, "negative"),
    ]
    assert {(r["relation"], r["pair_a"], r["pair_b"]) for r in rows} == {("establish_relations", "CHL", "NOR")}
    assert rows[1]["evidence_b"] == NEVER


def test_the_markdown_report_lists_the_conflicts_with_text_escaped(project):
    md = (project / "report.md").read_text()
    section = md[md.index("## Conflicts between sources") : md.index("## Unscored articles")]
    assert section.count("\n- ") == 3 and section.count("- date: ") == 1 and section.count("- polarity: ") == 2
    assert r"Norway has \*never\* established diplomatic relations with Chile \<i\>at all\</i\>." in section


def test_the_html_report_has_a_conflicts_table_linking_to_the_articles(project):
    page = (project / "report.html").read_text()
    rows = Tables(page).tables["conflicts-table"]
    assert [r[1] for r in rows[1:]] == ["date", "polarity", "polarity"]
    assert rows[2][4:7] == [
        "a-wire",
        "NOR → CHL positive, date 1961",
        "Norway established diplomatic relations with Chile in 1961.",
    ]
    assert rows[2][9] == NEVER  # shown as text ...
    assert "&lt;i&gt;at all&lt;/i&gt;" in page and "<i>" not in page  # ... never as markup
    anchors = dict(re.findall(r'<section class="article" id="([^"]+)">\s*<h3>[^<]*<small><code>([^<]+)</code>', page))
    assert {v: k for k, v in anchors.items()}["c-blog"] in re.findall(r'href="#([^"]+)">c-blog</a>', page)
    assert 'href="#conflicts">Conflicts (3)</a>' in page
