"""Side by side on the gold spans: COUNTRY code accuracy of claims_entities vs country_converter
(coco), DATE value accuracy vs plain ``dateparser.parse`` and span F1 vs ``search_dates``.

Usage: python bench/compare_entities.py   (needs the test extras: country_converter)
"""

from __future__ import annotations

import logging
from pathlib import Path

import country_converter as coco
import dateparser
from dateparser.search import search_dates

from pipeline.corpus import read_corpus
from pipeline.extract import extract
from pipeline.nlp import build_nlp
from pipeline.score import load_gold

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    logging.getLogger("country_converter").setLevel(logging.CRITICAL)
    gold = [e for ents in load_gold(ROOT / "gold", "entities").values() for e in ents]
    articles, _ = read_corpus(ROOT / "corpus")
    ours, _ = extract(build_nlp(), articles)
    ours_by_span = {(e.article, e.start, e.end): e for e in ours}
    countries = [e for e in gold if e.label == "COUNTRY"]
    dates = [e for e in gold if e.label == "DATE"]
    # One batched call: coco's per-name regex scan is slow; pandas<3 is pinned because coco 1.3.2
    # breaks on its own regex table under pandas 3.
    coco_codes = coco.CountryConverter().convert([e.text for e in countries], to="ISO3", not_found=None)
    coco_hits = sum(code == e.code for code, e in zip(coco_codes, countries))
    coco_misses = sorted({(e.text, code) for code, e in zip(coco_codes, countries) if code != e.code})
    our_c = sum(getattr(ours_by_span.get((e.article, e.start, e.end)), "code", None) == e.code for e in countries)
    our_d = sum(getattr(ours_by_span.get((e.article, e.start, e.end)), "value", None) == e.value for e in dates)

    def plain(e):
        d = dateparser.parse(e.text)
        return d and e.value in (d.strftime("%Y"), d.strftime("%Y-%m"), d.strftime("%Y-%m-%d"))
    dp_hits = sum(bool(plain(e)) for e in dates)
    # search_dates over each article: span F1 against gold DATE spans (text match at offset).
    gold_spans = {(e.article, e.start, e.end) for e in dates}
    found = set()
    for a in articles:
        for text, _ in search_dates(a.clean, languages=["en"]) or []:
            start = a.clean.find(text)
            while start >= 0:
                found.add((a.id, start, start + len(text)))
                start = a.clean.find(text, start + 1)
    tp = len(found & gold_spans)
    p, r = tp / len(found) if found else 0, tp / len(gold_spans)
    our_spans = {(e.article, e.start, e.end) for e in ours if e.label == "DATE"}
    otp = len(our_spans & gold_spans)
    op, orr = otp / len(our_spans), otp / len(gold_spans)
    f1 = lambda p, r: 2 * p * r / (p + r) if p + r else 0.0
    print(f"{'measure (gold spans)':44} {'claims':>8} {'other':>8}")
    print(f"{'COUNTRY code accuracy vs coco (n=%d)' % len(countries):44} {our_c / len(countries):8.3f} {coco_hits / len(countries):8.3f}")
    print(f"{'DATE value accuracy vs dateparser.parse (n=%d)' % len(dates):44} {our_d / len(dates):8.3f} {dp_hits / len(dates):8.3f}")
    print(f"{'DATE span F1 vs search_dates':44} {f1(op, orr):8.3f} {f1(p, r):8.3f}")
    print("coco misses (text -> coco code):", ", ".join(f"{t} -> {c}" for t, c in coco_misses))


if __name__ == "__main__":
    main()
