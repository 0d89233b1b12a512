"""The ``claims`` command: run, extract, score, validate-gold, draft, export. Argument handling only."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .errors import InputError
from .nlp import DEFAULT_MODEL
from .records import OutputSet

EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="claims", description=(
        "Turn news articles about diplomacy into dated, scored claims (formats, codes and scoring: "
        "docs/reference.md). Bad input exits with status 2 and a one-line message naming the file and line."))
    sub = p.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-q", "--quiet", action="store_true",
                        help="no progress bar or status lines on stderr (errors and results still print)")
    model = {"default": DEFAULT_MODEL, "help": f"installed spaCy pipeline to use (default: {DEFAULT_MODEL})"}

    run = sub.add_parser("run", parents=[common], help="extract corpus/ into out/, score against gold/, write reports")
    run.add_argument("--corpus", type=Path, default=Path("corpus"), help="articles folder (default: corpus)")
    run.add_argument("--gold", type=Path, default=Path("gold"), help="gold folder holding claims/<id>.jsonl (default: gold)")
    run.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: out)")
    run.add_argument("--model", **model)

    ext = sub.add_parser("extract", parents=[common], help="write entities.jsonl and claims.jsonl only")
    ext.add_argument("--corpus", type=Path, required=True, help="articles folder")
    ext.add_argument("--out", type=Path, required=True, help="output folder")
    ext.add_argument("--model", **model)

    sc = sub.add_parser("score", parents=[common],
                        help="score predicted claims (and entities.jsonl beside them) against gold")
    sc.add_argument("--gold", type=Path, required=True, help="gold folder holding claims/<id>.jsonl and entities/")
    sc.add_argument("--pred", type=Path, required=True, help="predicted claims.jsonl")
    sc.add_argument("--json", action="store_true", help="print one JSON object instead of a table")

    val = sub.add_parser("validate-gold", parents=[common],
                         help="check every gold line against the spec and the article text")
    val.add_argument("--gold", type=Path, default=Path("gold"), help="gold folder (default: gold)")
    val.add_argument("--corpus", type=Path, default=Path("corpus"), help="articles folder (default: corpus)")
    add_review_commands(sub)
    return p


def add_review_commands(sub) -> None:
    """``draft`` and ``export``: predictions handed to a person (or a labelling tool) to correct."""
    dr = sub.add_parser("draft", help="write gold/labels/ID.txt pre-filled from the predictions, every line marked DRAFT")
    dr.add_argument("id", help="article id (its path under the corpus folder, without the extension)")
    dr.add_argument("--gold", type=Path, default=Path("gold"), help="gold folder (default: gold)")
    dr.add_argument("--force", action="store_true", help="replace an existing label file")
    ex = sub.add_parser("export", help="write articles and their predicted spans and claims as Prodigy or doccano JSONL")
    ex.add_argument("ids", nargs="+", metavar="ID", help="article ids")
    ex.add_argument("--format", choices=("prodigy", "doccano"), required=True, help="the labelling tool's import format")
    ex.add_argument("--to", type=Path, help="output file (default: out/export-FORMAT.jsonl)")
    for cmd in (dr, ex):
        cmd.add_argument("--corpus", type=Path, default=Path("corpus"), help="articles folder (default: corpus)")
        cmd.add_argument("--pred", type=Path, default=Path("out/claims.jsonl"),
                         help="predicted claims.jsonl, entities.jsonl beside it (default: out/claims.jsonl)")


def cmd_extract(args, with_reports: bool) -> int:
    """``extract`` and ``run``: inputs are checked first, outputs staged and replaced together at the end."""
    outputs = OutputSet(args.out)
    try:
        return _extract(args, outputs, with_reports)
    except InputError as err:
        raise InputError(err.path, f"{err.message}; {_outcome(outputs)}", err.line) from None
    except KeyboardInterrupt:
        print(f"interrupted; {_outcome(outputs)}", file=sys.stderr)
        return EXIT_INTERRUPTED


def _outcome(outputs: OutputSet) -> str:
    return f"all outputs in {outputs.folder} were replaced" if outputs.committed else f"nothing written to {outputs.folder}"


def _extract(args, outputs: OutputSet, with_reports: bool) -> int:
    from .corpus import read_corpus
    from .extract import extract
    from .nlp import build_nlp
    from .score import load_gold_for, score_predictions

    articles, errors = read_corpus(args.corpus)
    for err in errors:
        print(f"error: {err}", file=sys.stderr)
    if not articles and not errors:
        raise InputError(args.corpus, "no .txt or .md articles found")
    gold = load_gold_for(args.gold, {a.id for a in articles}, args.corpus) if with_reports else None
    nlp = build_nlp(args.model)
    with outputs:
        entities, claims = extract(nlp, articles, progress=not args.quiet and sys.stderr.isatty())
        outputs.write_jsonl("entities.jsonl", entities)
        outputs.write_jsonl("claims.jsonl", claims)
        if gold is not None:
            from .report import write_reports

            scores, diffs = score_predictions(gold, claims, entities)
            scored = set(scores["per_article"])
            unscored = sorted(a.id for a in articles if a.id not in scored)
            write_reports(outputs.staging, scores, diffs, entities, unscored, [str(e) for e in errors],
                          claims=claims, articles=articles, nlp=nlp)
    if not args.quiet:
        skipped = f" ({len(errors)} bad files skipped)" if errors else ""
        print(f"{len(articles)} articles{skipped}: {len(entities)} entities, {len(claims)} claims → {args.out}", file=sys.stderr)
    if gold is not None:
        print(summary(scores))
    return EXIT_BAD_INPUT if errors else 0


def summary(scores: dict) -> str:
    lines = [f"claims  strict  P {scores['strict']['precision']:.3f} R {scores['strict']['recall']:.3f} F1 {scores['strict']['f1']:.3f}",
             f"claims  relaxed P {scores['relaxed']['precision']:.3f} R {scores['relaxed']['recall']:.3f} F1 {scores['relaxed']['f1']:.3f}"]
    if scores.get("date_accuracy") is not None:
        lines.append(f"date accuracy of relaxed matches {scores['date_accuracy']:.3f}")
    for rel, s in scores.get("per_relation", {}).items():
        lines.append(f"  {rel:22} relaxed P {s['relaxed']['precision']:.3f} R {s['relaxed']['recall']:.3f} F1 {s['relaxed']['f1']:.3f}")
    if "entities" in scores:
        for label, s in scores["entities"]["per_label"].items():
            lines.append(f"entities {label:8} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}")
    return "\n".join(lines)


def cmd_draft(args) -> int:
    from .draft import write_draft

    target, claims, entities = write_draft(args.id, args.pred, args.corpus, args.gold, args.force)
    print(f"wrote {target}: {claims} claim and {entities} entity lines marked DRAFT; check each, then "
          f"python tools/build_gold.py {args.id} && claims validate-gold")
    return 0


def cmd_export(args) -> int:
    from .draft import article_predictions
    from .export import export_task
    from .records import write_text

    tasks = [export_task(args.format, *article_predictions(args.pred, args.corpus, article_id)) for article_id in args.ids]
    target = args.to or args.pred.with_name(f"export-{args.format}.jsonl")
    write_text(target, "".join(json.dumps(t, ensure_ascii=False) + "\n" for t in tasks))
    print(f"wrote {target}: {len(tasks)} {args.format} task(s)")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command in ("run", "extract"):
            return cmd_extract(args, with_reports=args.command == "run")
        if args.command == "score":
            from .score import score_files

            scores, _ = score_files(args.gold, args.pred)
            print(json.dumps(scores, indent=2) if args.json else summary(scores))
            return 0
        if args.command == "draft":
            return cmd_draft(args)
        if args.command == "export":
            return cmd_export(args)
        from .gold import validate_gold

        counts = validate_gold(args.gold, args.corpus)
        if not args.quiet:
            print(f"gold OK: {counts['claims']} claims, {counts['entities']} entities")
        return 0
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("interrupted; nothing was written", file=sys.stderr)  # extract/run say more (cmd_extract)
        return EXIT_INTERRUPTED
