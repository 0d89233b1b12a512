"""Agreement between two labelling passes, per article: claim F1 (relaxed, strict) and entity F1.

Pass A is treated as "gold" and pass B as "prediction"; F1 is symmetric, so the order only
changes which side a disagreement is listed under. Usage:
    python tools/agreement.py [A_DIR] [B_DIR] [--diff]
(defaults: gold/passes/pass1 and gold/passes/pass2, each holding claims/ and entities/).
"""

from __future__ import annotations

import sys
from pathlib import Path

from pipeline.claims import claim_set, strict_key
from pipeline.score import load_gold, score_claims, score_entities

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> None:
    show_diff = "--diff" in argv
    dirs = [Path(a) for a in argv if not a.startswith("--")]
    a_dir, b_dir = dirs or [ROOT / "gold" / "passes" / "pass1", ROOT / "gold" / "passes" / "pass2"]
    a_claims, b_claims = load_gold(a_dir, "claims"), load_gold(b_dir, "claims")
    a_ents, b_ents = load_gold(a_dir, "entities"), load_gold(b_dir, "entities")
    print("| article | claims A | claims B | relaxed F1 | strict F1 | entities A | entities B | entity F1 |")
    print("|---|---|---|---|---|---|---|---|")
    rows = sorted(a_claims) + ["**all**"]
    for art in rows:
        ids = sorted(a_claims) if art == "**all**" else [art]
        ca = {i: a_claims[i] for i in ids}
        cb = [c for i in ids for c in b_claims.get(i, [])]
        ea = {i: a_ents.get(i, []) for i in ids}
        eb = [e for i in ids for e in b_ents.get(i, [])]
        cs, diffs = score_claims(ca, cb)
        es = score_entities(ea, eb)
        n_a = sum(len(claim_set(ca[i])) for i in ids)
        n_b = sum(len(claim_set(b_claims.get(i, []))) for i in ids)
        print(
            f"| {art} | {n_a} | {n_b} | {cs['relaxed']['f1']:.3f} | {cs['strict']['f1']:.3f} "
            f"| {sum(len(v) for v in ea.values())} | {len(eb)} | {es['exact']['f1']:.3f} |"
        )
        if show_diff and art != "**all**":
            d = diffs[art]
            for c in sorted(d.false_negatives, key=strict_key):
                print(f"    only A: {c.subject} {c.relation} {c.object} {c.date} {c.polarity}")
            for c in sorted(d.false_positives, key=strict_key):
                print(f"    only B: {c.subject} {c.relation} {c.object} {c.date} {c.polarity}")


if __name__ == "__main__":
    main(sys.argv[1:])
