"""Write the Markdown and HTML reports (Jinja2, autoescaped) from scores and diffs."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from ..records import Claim, write_text
from ..score import ArticleDiff


def md_escape(text: str) -> str:
    """Markdown has no autoescape: neutralise HTML and table/emphasis markup in article text."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "\\`*_[]|#":
        text = text.replace(ch, "\\" + ch)
    return " ".join(text.split())


def environment() -> Environment:
    env = Environment(loader=PackageLoader("pipeline", "templates"),
                      autoescape=select_autoescape(["html", "j2.html"]), trim_blocks=True, lstrip_blocks=True)
    env.filters["md"] = md_escape
    env.filters["pct"] = lambda x: "–" if x is None else f"{100 * x:.1f}"
    return env


def highlight(claim: Claim, entities: dict[str, list]) -> tuple[str, str, str]:
    """Split the evidence into (before, matched span, after) around the claim's entity mentions."""
    ev, base = claim.evidence, claim.start
    spans = [(e.start - base, e.end - base) for e in entities.get(claim.article, [])
             if claim.start <= e.start and e.end <= claim.end and e.code in (claim.subject, claim.object)]
    if not spans:
        return ev, "", ""
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    return ev[:lo], ev[lo:hi], ev[hi:]


def write_reports(out_dir: Path, scores: dict, diffs: dict[str, ArticleDiff], entities: list, unscored: list[str],
                  errors: list[str]) -> None:
    by_article: dict[str, list] = {}
    for e in entities:
        by_article.setdefault(e.article, []).append(e)
    ctx = {"scores": scores, "diffs": diffs, "unscored": unscored, "errors": errors,
           "parts": lambda c: highlight(c, by_article)}
    env = environment()
    write_text(out_dir / "report.md", env.get_template("report.md.j2").render(**ctx))
    write_text(out_dir / "report.html", env.get_template("report.j2.html").render(**ctx))
