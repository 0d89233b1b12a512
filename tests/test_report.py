"""The review report: one row per mismatch, precise marks, displaCy articles, charts, rules, offline
HTML that a real browser loads without console errors (skipped, with the reason, without Chromium)."""

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from pipeline.cli import main
from pipeline.report.browser import CHROMIUM, available, console_messages, run_chromium

ROOT = Path(__file__).resolve().parents[1]
SCORED = """---
title: A week of *diplomatic* news
published: 2017-10-02
---
Spain expelled the North Korean ambassador in September 2017.

Mexico recalled its ambassador from Cuba in 2015.

Chile has established diplomatic relations with Peru.

Kenya recognised Kosovo in 2015.
"""
UNSCORED = """---
title: Notes
published: 2019-05-01
---
Sweden *closed* its embassy in Pyongyang in 2019 (see _note_ <i>below</i>).
"""
GOLD = [  # (sentence start, subject, relation, object, date, polarity); what each row is for:
    ("Spain expelled", "ESP", "expel_diplomats", "PRK", "2017-09-12", "positive"),  # date differs
    ("Mexico recalled", "CUB", "downgrade_relations", "MEX", "2015", "positive"),  # direction differs
    ("Chile has", "CHL", "establish_relations", "PER", None, "negative"),  # polarity differs
    ("Chile has", "CHL", "sign_agreement", "PER", None, "positive"),  # missed
    ("Kenya recognised", "KEN", "recognize", "XKX", "2015", "positive"),  # correct
]


def gold_line(text, start_words, subject, relation, obj, date, polarity):
    start = text.index(start_words)
    end = text.index(".", start) + 1
    return json.dumps(
        {
            "article": "scored",
            "subject": subject,
            "relation": relation,
            "object": obj,
            "date": date,
            "polarity": polarity,
            "evidence": text[start:end],
            "start": start,
            "end": end,
        }
    )


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("review")
    (tmp / "corpus").mkdir()
    (tmp / "corpus" / "scored.md").write_text(SCORED)
    (tmp / "corpus" / "unscored.md").write_text(UNSCORED)
    (tmp / "gold" / "claims").mkdir(parents=True)
    (tmp / "gold" / "claims" / "scored.jsonl").write_text("".join(gold_line(SCORED, *g) + "\n" for g in GOLD))
    assert main(["run", "--corpus", str(tmp / "corpus"), "--gold", str(tmp / "gold"), "--out", str(tmp / "out")]) == 0
    return tmp / "out"


class Tables(HTMLParser):
    """Cell texts of every table row, by table id; row ids kept as the first item."""

    def __init__(self, page: str):
        super().__init__()
        self.tables, self.table, self.row, self.cell = {}, None, None, None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table":
            self.table = self.tables.setdefault(attrs.get("id", ""), [])
        elif tag == "tr" and self.table is not None:
            self.row = [attrs.get("id", "")]
            self.table.append(self.row)
        elif tag in ("td", "th") and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append(" ".join(self.cell.split()))
            self.cell = None
        elif tag == "table":
            self.table = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


@pytest.fixture(scope="module")
def page(out):
    return (out / "report.html").read_text()


@pytest.fixture(scope="module")
def md(out):
    return (out / "report.md").read_text()


def test_one_field_mismatches_are_one_row_each_not_a_false_positive_and_negative(page, md):
    errors = Tables(page).tables["errors-table"][1:]
    assert sorted(r[2] for r in errors) == ["date differs", "direction differs", "false negative", "polarity differs"]
    why = {r[2]: r[8] for r in errors}
    assert why["date differs"] == "date differs: predicted 2017-09, gold 2017-09-12"
    assert why["direction differs"] == "direction differs: predicted MEX → CUB, gold CUB → MEX"
    assert why["polarity differs"] == "polarity differs: predicted positive, gold negative"
    for text in why.values():
        if text != "not found":
            assert md.count(text) == 1
    assert "false positive" not in md


def test_trigger_subject_and_object_are_marked_apart(page, md):
    assert (
        '<mark class="subject">Spain</mark> <mark class="trigger">expelled</mark> the '
        '<mark class="object">North Korean</mark> ambassador'
    ) in page
    assert (
        '<mark class="subject">Mexico</mark> <mark class="trigger">recalled</mark> its ambassador from '
        '<mark class="object">Cuba</mark>'
    ) in page
    assert "[S: Spain] **expelled** the [O: North Korean] ambassador" in md


class Tags(HTMLParser):
    def __init__(self, page: str):
        super().__init__()
        self.tags = set()
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)


def test_markdown_and_html_in_article_text_show_as_text(page, md):
    rendered = MarkdownIt("commonmark").render(md)
    text = html.unescape(re.sub(r"<[^>]+>", "", rendered))
    assert "[S: Sweden] *closed* its embassy" in text and "(see _note_ <i>below</i>)" in text
    assert not {"em", "i"} & Tags(rendered).tags
    assert "A week of *diplomatic* news" in page  # the title, as written
    assert "(see _note_ &lt;i&gt;below&lt;/i&gt;)" in page and "i" not in Tags(page).tags
    assert page.count("<script") == 1  # the report's own script only


def test_unscored_article_is_listed_with_its_claims_for_review(page, md):
    review = [t for name, t in Tables(page).tables.items() if name.endswith("-review")]
    assert [(r[1], r[2], r[3], r[4]) for t in review for r in t[1:]] == [("unscored", "SWE", "close_mission", "PRK")]
    assert "### unscored" in md and "`SWE close_mission PRK`" in md


def test_article_text_is_rendered_by_displacy_with_entities_and_linked_evidence(page):
    section = page[page.index('<section class="article"') :]
    assert 'class="spans"' in section  # displaCy's span-style container
    for label in ("COUNTRY ESP", "COUNTRY XKX", "DATE 2017-09"):
        assert f">{label}" in section
    links = dict(re.findall(r'>(CLAIM|ERROR|MISSED)\s*<a [^>]*href="#([^"]+)"', section)[::-1])
    rows = {r[0]: r for t in Tables(page).tables.values() for r in t}
    assert rows[links["CLAIM"]][1:4] == ["correct", "KEN", "recognize"]
    assert rows[links["ERROR"]][1] in ("date differs", "direction differs", "polarity differs")


def test_every_internal_link_has_a_target_and_ids_are_unique(page):
    all_ids = re.findall(r'\sid="([^"]+)"', page)
    ids = set(all_ids)
    assert len(ids) == len(all_ids)
    targets = {html.unescape(t) for t in re.findall(r'href="#([^"]+)"', page)}
    assert targets and targets <= ids


def test_each_claim_links_to_its_rule_and_the_rule_to_its_line(page):
    rows = {r[0]: r for r in Tables(page).tables[""] if r[0].startswith("rule-")}
    lines = (ROOT / "pipeline" / "patterns" / "relations.yml").read_text().splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.strip().startswith("- id: expel.verb"))
    assert rows["rule-expel.verb"][2:5] == ["expel_diplomats", rows["rule-expel.verb"][3], str(line)]
    assert 'href="#rule-expel.verb"' in page


def test_charts_are_inline_svg_and_the_page_needs_no_network(page):
    assert page.count("<svg") == 2
    assert "Claims per year (4 dated; 1 undated not shown)" in page
    assert "Precision and recall per relation (relaxed)" in page and ">recognize<" in page
    assert not re.search(r'(src|href)="(https?:)?//|<link |@import|url\((?!#)', page)  # url(#id): SVG clip paths


@pytest.fixture
def chromium():
    if not available():
        pytest.skip(f"{CHROMIUM} not found: the browser test needs Debian's chromium (apt-get install -y chromium)")


def test_report_loads_in_headless_chromium_without_console_errors(out, chromium):
    run = run_chromium(out / "report.html", "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    assert console_messages(run.stderr) == []
    assert 'data-ready="1"' in run.stdout  # the report's script ran to the end


def test_console_check_catches_a_page_error(tmp_path, chromium):
    bad = tmp_path / "bad.html"
    bad.write_text("<!doctype html><p>x</p><script>console.error('seen'); notDefined();</script>")
    messages = console_messages(run_chromium(bad, "--dump-dom").stderr)
    assert any("seen" in m for m in messages) and any("notDefined" in m for m in messages)


PROBE = """<script type="module">
const table = document.getElementById("errors-table"), status = table.tHead.rows[0].cells[1];
status.click();
const order = Array.from(table.tBodies[0].rows, r => r.cells[1].textContent);
const box = document.querySelector('input[data-table="errors-table"]');
box.value = "differs";
box.dispatchEvent(new Event("input"));
const shown = Array.from(table.tBodies[0].rows).filter(r => !r.hidden).length;
document.body.dataset.probe = JSON.stringify({order, shown, count: document.getElementById("errors-table-shown").textContent});
</script></body>"""


def test_tables_sort_and_filter_in_the_browser(out, tmp_path, chromium):
    probe = tmp_path / "probe.html"
    probe.write_text((out / "report.html").read_text().replace("</body>", PROBE))
    run = run_chromium(probe, "--dump-dom")
    assert console_messages(run.stderr) == []
    result = json.loads(html.unescape(re.search(r'data-probe="([^"]*)"', run.stdout).group(1)))
    assert result["order"] == ["date differs", "direction differs", "false negative", "polarity differs"]
    assert result["shown"] == 3 and result["count"] == "3"


def test_a_reused_rendering_is_the_rendering_under_its_new_anchor():
    from pipeline.records import Entity
    from pipeline.report.articles import Evidence, render_article, reusing

    text = "Spain & Peru <@> met.\nSpain expelled the <b>envoy</b> in 2017."
    ents = [Entity("a", 0, 5, "Spain", "COUNTRY", code="ESP"), Entity("a", 22, 27, "Spain", "COUNTRY", code="ESP")]
    store, calls = {}, []

    def evidence(anchor):
        return [Evidence(22, len(text), "CLAIM", "1 correct", f"#{anchor}-c1")]

    render = reusing(store.get, lambda key, markup: calls.append(key) or store.__setitem__(key, markup))
    assert render("art-3", text, ents, evidence("art-3")) == render_article("art-3", text, ents, evidence("art-3"))
    assert render("art-9", text, ents, evidence("art-9")) == render_article("art-9", text, ents, evidence("art-9"))
    assert len(calls) == 1  # the second came from the store, under its own anchor
    # kept under the stand-in anchor; the article's own "<@>" (escaped) survived the swap: the renders above are equal
    assert "art-" not in store[calls[0]] and "&lt;" in store[calls[0]]
