"""Score the pipeline on the real-news development set: a fold (tune, check) or all of it.

Extracts the fold's rebuilt articles (dev/corpus/, see dev/README.md) with the current code, or
reads predictions made elsewhere (--pred, e.g. by an older commit's `claims extract`), and scores
them against dev/gold/claims. Prints relaxed and strict P/R/F1, per relation, and the date
accuracy of relaxed matches. Usage:
    python bench/dev_score.py --fold check [--pred out/claims.jsonl] [--json] [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from devset import DEV, FOLDS, read_sources  # noqa: E402

from pipeline.claims import strict_key  # noqa: E402
from pipeline.cli import summary  # noqa: E402
from pipeline.score import load_claims, load_gold, score_claims  # noqa: E402


def predict(ids: list[str], model: str | None) -> list:
    from pipeline.corpus import read_article
    from pipeline.extract import extract
    from pipeline.nlp import DEFAULT_MODEL, build_nlp

    root = DEV / "corpus"
    articles = [read_article(root / f"{i}.md", root) for i in ids]
    return extract(build_nlp(model or DEFAULT_MODEL), articles)[1]


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fold", choices=(*FOLDS, "all"), default="tune")
    ap.add_argument("--pred", type=Path, help="score this claims.jsonl instead of extracting")
    ap.add_argument("--model", help="spaCy pipeline to extract with (default: the project's)")
    ap.add_argument("--json", action="store_true", help="print the full score object as JSON")
    ap.add_argument("--misses", action="store_true", help="list every false positive and negative (tune fold only)")
    args = ap.parse_args(argv)
    sources = [s for s in read_sources() if args.fold in ("all", s.fold)]
    gold = {k: v for k, v in load_gold(DEV / "gold", "claims").items() if k in {s.id for s in sources}}
    ids = sorted(gold)
    missing = [i for i in ids if not (DEV / "corpus" / f"{i}.md").is_file()]
    if missing and not args.pred:
        sys.exit(f"dev/corpus/ lacks {len(missing)} articles ({missing[0]} ...): rebuild it first (dev/README.md)")
    pred = [c for c in (load_claims(args.pred) if args.pred else predict(ids, args.model)) if c.article in gold]
    scores, diffs = score_claims(gold, pred)
    if args.json:
        print(json.dumps(scores, indent=2))
        return 0
    n_gold = sum(s["relaxed"]["tp"] + s["relaxed"]["fn"] for s in scores["per_article"].values())
    print(f"fold {args.fold}: {len(ids)} articles, {n_gold} gold claims (relaxed keys)")
    print(summary(scores))
    for rel, s in scores["per_relation"].items():
        r = s["relaxed"]
        print(f"  {rel:22} gold {r['tp'] + r['fn']:3}  predicted {r['tp'] + r['fp']:3}")
    if args.misses:
        if args.fold != "tune":
            sys.exit("--misses lists errors to read: only for the tune fold")
        for art, d in diffs.items():
            for tag, claims in (("FP", d.false_positives), ("FN", d.false_negatives)):
                for c in sorted(claims, key=strict_key):
                    print(
                        f"{art} {tag} {c.subject} {c.relation} {c.object} {c.date} {c.polarity} [{c.pattern}] | {c.evidence[:140]}"
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
