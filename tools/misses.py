"""Print the claim scores per relation and every false positive / negative, per article.

Usage: python tools/misses.py [GOLD_DIR] [PRED_FILE]   (defaults: gold, out/claims.jsonl)
"""

from __future__ import annotations

import sys
from pathlib import Path

from pipeline.score import score_files


def main(argv: list[str]) -> None:
    gold, pred = (Path(a) for a in (argv + ["gold", "out/claims.jsonl"][len(argv) :]))
    res, diffs = score_files(gold, pred)
    for kind in ("relaxed", "strict"):
        print(kind, {k: res[kind][k] for k in ("precision", "recall", "f1", "tp", "fp", "fn")})
    for rel, v in res["per_relation"].items():
        r = v["relaxed"]
        print(f"  {rel:20} R {r['recall']:.2f} P {r['precision']:.2f}  tp {r['tp']} fn {r['fn']} fp {r['fp']}")
    for art, d in diffs.items():
        print("==", art)
        for tag, claims in (("FP", d.false_positives), ("FN", d.false_negatives)):
            for c in claims:
                print(
                    f"  {tag} {c.subject} {c.relation} {c.object} {c.date} {c.polarity} [{c.pattern}] | {c.evidence[:100]!r}"
                )


if __name__ == "__main__":
    main(sys.argv[1:])
