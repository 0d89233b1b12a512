"""What the report shows, built from the scores and predictions: claim rows, article sections, rules."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..claims import strict_key
from ..corpus import Article
from ..records import Claim, Entity
from ..score import ArticleDiff
from .articles import Evidence, line_id, render_article
from .marks import Marks, Trigger, locate
from .rules import RuleInfo

OK = ("correct", "unscored")


@dataclass(frozen=True)
class Row:
    """One claim in a report table: what it came to, why, and where its parts are in the evidence."""

    article: str
    status: str  # correct, unscored, false positive, false negative, or "<kind> differs"
    claim: Claim  # the predicted claim; the gold one for a false negative
    note: str
    marks: Marks
    id: str  # this row's element id
    line: str  # element id of the article line that holds the evidence
    article_anchor: str

    @property
    def is_error(self) -> bool:
        return self.status not in OK

    @property
    def css(self) -> str:
        """The status's colour class in report.css."""
        short = {"false positive": "fp", "false negative": "fn"}
        return "st-" + short.get(self.status, "differs" if self.status.endswith(" differs") else self.status)


@dataclass
class ArticleView:
    id: str
    anchor: str
    title: str
    scores: dict | None  # None: unscored (no gold file)
    rows: list[Row] = field(default_factory=list)
    html: str = ""  # the displaCy rendering; empty when the article text is not at hand


@dataclass(frozen=True)
class RuleView:
    id: str
    info: RuleInfo | None  # None: not a rule-file pattern (table rows, list continuations, ellipsis)
    counts: Counter


def _statuses(claims: list[Claim], diff: ArticleDiff | None) -> list[tuple[str, Claim, str]]:
    """(status, claim, note) for every predicted claim of an article and every gold claim it missed."""
    if diff is None:
        return [("unscored", c, "") for c in claims]
    fps, fns = diff.unpaired()
    fp_keys = {strict_key(c) for c in fps}
    mismatch = {strict_key(m.predicted): m for m in diff.mismatches}
    out = []
    for c in claims:
        key = strict_key(c)
        if key in mismatch:
            out.append((f"{mismatch[key].kind} differs", c, mismatch[key].describe()))
        else:
            out.append(("false positive" if key in fp_keys else "correct", c, ""))
    return out + [("false negative", c, "not found") for c in fns]


def _evidence(rows: list[Row]) -> list[Evidence]:
    """One mark per evidence sentence, coloured by the worst of its claims, linking to its first row."""
    by_span: dict[tuple[int, int], list[Row]] = {}
    for row in rows:
        by_span.setdefault((row.claim.start, row.claim.end), []).append(row)
    out = []
    for (start, end), group in by_span.items():
        statuses = Counter(r.status for r in group)
        label = (
            "ERROR"
            if any(r.is_error and r.status != "false negative" for r in group)
            else "MISSED"
            if "false negative" in statuses
            else "CLAIM"
        )
        text = ", ".join(f"{n} {s}" for s, n in statuses.items())
        out.append(Evidence(start, end, label, text, f"#{group[0].id}"))
    return out


def article_views(
    scores: dict,
    diffs: dict[str, ArticleDiff],
    claims: list[Claim],
    entities: dict[str, list[Entity]],
    articles: list[Article],
    triggers: dict[str, list[Trigger]],
    render=render_article,
) -> list[ArticleView]:
    """A view per article: the corpus articles in order, then gold-only ids; ``render`` draws each text."""
    texts = {a.id: a for a in articles}
    ids = list(texts) + sorted(set(diffs) - set(texts)) + sorted({c.article for c in claims} - set(texts) - set(diffs))
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article, []).append(c)
    views = []
    for n, article_id in enumerate(ids, 1):
        article = texts.get(article_id)
        anchor = f"art-{n}"
        view = ArticleView(
            article_id,
            anchor,
            (article.meta.get("title") if article else None) or article_id,
            scores["per_article"].get(article_id),
        )
        found = _statuses(by_article.get(article_id, []), diffs.get(article_id))
        found.sort(key=lambda s: (s[1].start, s[1].end))
        ents = entities.get(article_id, [])
        for i, (status, claim, note) in enumerate(found, 1):
            line = line_id(anchor, article.text, claim.start) if article else anchor
            view.rows.append(
                Row(
                    article_id,
                    status,
                    claim,
                    note,
                    locate(claim, ents, triggers.get(claim.evidence, [])),
                    f"{anchor}-c{i}",
                    line,
                    anchor,
                )
            )
        if article:
            view.html = render(anchor, article.text, ents, _evidence(view.rows))
        views.append(view)
    return views


def rule_views(views: list[ArticleView], index: dict[str, RuleInfo]) -> list[RuleView]:
    """Every rule that made a predicted claim, with how its claims fared."""
    counts: dict[str, Counter] = {}
    for view in views:
        for row in view.rows:
            if row.claim.pattern:
                counts.setdefault(row.claim.pattern, Counter())[row.status] += 1
    return [RuleView(rid, index.get(rid), counts[rid]) for rid in sorted(counts)]
