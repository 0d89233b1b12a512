"""Show how the pipeline reads a sentence: tokens with their parse and entity, then the claims.

Usage: python tools/why.py "Spain expelled the ambassador." [--published 2024-01-01]
"""

from __future__ import annotations

import argparse

from pipeline.headlines import article_doc
from pipeline.nlp import build_nlp


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("text", nargs="+")
    ap.add_argument("--published", default="2024-11-01")
    args = ap.parse_args()
    nlp = build_nlp()
    for text in args.text:
        doc = article_doc(nlp, text, args.published)
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        for t in doc:
            ent = f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else ""
            print(f"{t.i:3} {t.text:15} {t.lemma_:12} {t.pos_:6} {t.dep_:10} {t.head.i:3} {ent}")
        for c in doc._.claims:
            print("  →", c.subject, c.relation, c.object, c.date, c.polarity, f"[{c.pattern}]")
        print()


if __name__ == "__main__":
    main()
