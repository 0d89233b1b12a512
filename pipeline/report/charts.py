"""Charts for the HTML report, drawn by matplotlib as inline SVG (the page stays one offline file)."""

from __future__ import annotations

import io
from collections import Counter

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from ..records import RELATIONS, Claim

# text stays text (small, searchable); a fixed salt keeps element ids, and so the file, reproducible
SVG_RC = {"svg.fonttype": "none", "svg.hashsalt": "claims-report", "font.size": 9}
COLOURS = dict(zip(RELATIONS, matplotlib.colormaps["tab20"].colors))


def to_svg(fig: Figure, prefix: str) -> str:
    """The figure as an ``<svg>`` element (no XML prolog, no date), for pasting into HTML; its
    element ids get ``prefix`` so that two charts on one page share none ("figure_1", "axes_1")."""
    buf = io.StringIO()
    with matplotlib.rc_context(SVG_RC):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    text = buf.getvalue()
    text = text[text.index("<svg") :]
    return (
        text.replace(' id="', f' id="{prefix}-')
        .replace("url(#", f"url(#{prefix}-")
        .replace('href="#', f'href="#{prefix}-')
    )


def relation_bars(per_relation: dict) -> str | None:
    """Relaxed precision and recall per relation, as horizontal bar pairs."""
    if not per_relation:
        return None
    names = list(per_relation)[::-1]  # first relation on top
    with matplotlib.rc_context(SVG_RC):
        fig = Figure(figsize=(5.2, 0.3 * len(names) + 0.9))
        ax = fig.subplots()
        ys = range(len(names))
        for offset, measure, colour in ((0.2, "precision", "#4c72b0"), (-0.2, "recall", "#dd8452")):
            ax.barh(
                [y + offset for y in ys],
                [per_relation[n]["relaxed"][measure] for n in names],
                height=0.38,
                color=colour,
                label=f"relaxed {measure}",
            )
        ax.set_yticks(list(ys), names)
        ax.set_xlim(0, 1)
        ax.legend(loc="lower right", fontsize=8)
        ax.set_title("Precision and recall per relation (relaxed)")
        fig.tight_layout()
    return to_svg(fig, "relations-chart")


def claims_per_year(claims: list[Claim]) -> str | None:
    """Predicted claims per year of their date, stacked by relation (intervals and decades count at
    their first year); undated claims are left out and counted in the title."""
    years = Counter((int(c.date[:4]), c.relation) for c in claims if c.date)
    if not years:
        return None
    first, last = min(y for y, _ in years), max(y for y, _ in years)
    span = list(range(first, last + 1))
    with matplotlib.rc_context(SVG_RC):
        fig = Figure(figsize=(7.4, 0.3 * len(RELATIONS) + 0.9))
        ax = fig.subplots()
        bottom = [0] * len(span)
        for relation in RELATIONS:
            counts = [years.get((y, relation), 0) for y in span]
            if any(counts):
                ax.bar(span, counts, bottom=bottom, color=COLOURS[relation], label=relation, width=0.9)
                bottom = [b + n for b, n in zip(bottom, counts)]
        undated = sum(1 for c in claims if not c.date)
        ax.set_title(f"Claims per year ({sum(years.values())} dated; {undated} undated not shown)")
        ax.set_ylabel("claims")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)  # beside: no bar hidden
        fig.tight_layout()
    return to_svg(fig, "years-chart")
