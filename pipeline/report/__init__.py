"""Write the Markdown and HTML reports (Jinja2, autoescaped) from scores, diffs and predictions.

The HTML report is one offline file: tables sort and filter with a few lines of inline JS, charts
are inline SVG, and each article's text is rendered by displaCy with its entities and evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from ..records import Claim, Entity, write_text
from ..score import ArticleDiff
from .articles import render_article
from .charts import claims_per_year, relation_bars
from .marks import Trigger, find_triggers
from .rules import rule_index
from .views import Row, article_views, rule_views

MD_SPECIAL = re.compile(r"([\\`*_\[\]|#<>~])")
MD_MARKS = {"trigger": "**{}**", "subject": "[S: {}]", "object": "[O: {}]"}


def _md_chars(text: str) -> str:
    return MD_SPECIAL.sub(r"\\\1", text.replace("&", "&amp;"))


def md_escape(text: str) -> str:
    """Markdown has no autoescape: article text's markup (``*``, ``_``, tables, HTML) shows as text."""
    return " ".join(_md_chars(text).split())


def md_evidence(row: Row) -> str:
    """The evidence with the trigger in bold and the subject and object tagged, the rest escaped."""
    text = "".join(
        MD_MARKS[role].format(_md_chars(part)) if role else _md_chars(part)
        for role, part in row.marks.pieces(row.claim)
    )
    return " ".join(text.split())


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("pipeline", "templates"),
        autoescape=select_autoescape(["html", "j2.html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = md_escape
    env.filters["md_evidence"] = md_evidence
    env.filters["pct"] = lambda x: "–" if x is None else f"{100 * x:.1f}"
    return env


def evidence_sentences(diffs: dict[str, ArticleDiff], claims: list[Claim]) -> list[str]:
    """The sentences whose trigger words the report marks: each claim's evidence, each missed gold claim's."""
    claims = list(claims) or [c for d in diffs.values() for c in d.false_positives]
    return sorted({c.evidence for c in claims + [c for d in diffs.values() for c in d.false_negatives]})


def write_reports(
    out_dir: Path,
    scores: dict,
    diffs: dict[str, ArticleDiff],
    entities: list[Entity],
    unscored: list[str],
    errors: list[str],
    *,
    claims: list[Claim] = (),
    articles: list = (),
    nlp=None,
    triggers: dict[str, list[Trigger]] | None = None,
    conflicts: list = (),
    render=None,
) -> None:
    """``report.md`` and ``report.html`` in ``out_dir``. ``claims`` and ``articles`` (the run's own)
    fill the unscored and article sections; ``triggers`` (sentence → rule triggers, or found with
    ``nlp``) mark the trigger tokens; ``conflicts`` are the claim store's conflicts between sources;
    ``render`` draws each article's text (default ``articles.render_article``)."""
    by_article: dict[str, list[Entity]] = {}
    for e in entities:
        by_article.setdefault(e.article, []).append(e)
    claims = list(claims) or [c for d in diffs.values() for c in d.false_positives]  # without them: the errors only
    if triggers is None and nlp is not None:
        triggers = find_triggers(nlp, evidence_sentences(diffs, claims))
    views = article_views(scores, diffs, claims, by_article, list(articles), triggers or {}, render or render_article)
    error_rows = [row for v in views for row in v.rows if row.is_error]
    ctx = {
        "scores": scores,
        "views": views,
        "unscored": unscored,
        "errors": errors,
        "error_rows": error_rows,
        "error_counts": Counter(r.status for r in error_rows),
        "rules": rule_views(views, rule_index()),
        "claim_count": len(claims),
        "triggers_marked": triggers is not None,
        "conflicts": list(conflicts),
        "anchors": {v.id: v.anchor for v in views},
    }
    env = environment()
    write_text(out_dir / "report.md", env.get_template("report.md.j2").render(**ctx))
    ctx["charts"] = [svg for svg in (relation_bars(scores.get("per_relation", {})), claims_per_year(claims)) if svg]
    write_text(out_dir / "report.html", env.get_template("report.j2.html").render(**ctx))
