"""The ``claims`` command: run, extract, score, validate-gold, draft, export, query. Argument handling only."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .errors import InputError
from .nlp import DEFAULT_MODEL
from .records import OutputSet

EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="claims",
        description=(
            "Turn news articles about diplomacy into dated, scored claims (formats, codes and scoring: "
            "docs/reference.md). Bad input exits with status 2 and a one-line message naming the file and line."
        ),
    )
    sub = p.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar or status lines on stderr (errors and results still print)",
    )
    model = {"default": DEFAULT_MODEL, "help": f"installed spaCy pipeline to use (default: {DEFAULT_MODEL})"}

    run = sub.add_parser("run", parents=[common], help="extract corpus/ into out/, score against gold/, write reports")
    run.add_argument("--corpus", type=Path, default=Path("corpus"), help="articles folder (default: corpus)")
    run.add_argument(
        "--gold", type=Path, default=Path("gold"), help="gold folder holding claims/<id>.jsonl (default: gold)"
    )
    run.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: out)")
    run.add_argument("--model", **model)

    ext = sub.add_parser("extract", parents=[common], help="write entities.jsonl, claims.jsonl and claims.sqlite only")
    ext.add_argument("--corpus", type=Path, required=True, help="articles folder")
    ext.add_argument("--out", type=Path, required=True, help="output folder")
    ext.add_argument("--model", **model)
    for cmd in (run, ext):
        add_scaling_options(cmd)

    sc = sub.add_parser(
        "score", parents=[common], help="score predicted claims (and entities.jsonl beside them) against gold"
    )
    sc.add_argument("--gold", type=Path, required=True, help="gold folder holding claims/<id>.jsonl and entities/")
    sc.add_argument("--pred", type=Path, required=True, help="predicted claims.jsonl")
    sc.add_argument("--json", action="store_true", help="print one JSON object instead of a table")

    val = sub.add_parser(
        "validate-gold", parents=[common], help="check every gold line against the spec and the article text"
    )
    val.add_argument("--gold", type=Path, default=Path("gold"), help="gold folder (default: gold)")
    val.add_argument("--corpus", type=Path, default=Path("corpus"), help="articles folder (default: corpus)")
    add_review_commands(sub)
    add_query_command(sub)
    return p


def positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"want a whole number of at least 1, not {text!r}")
    return int(text)


def add_scaling_options(cmd) -> None:
    """Cache, cores and cluster: how ``run`` and ``extract`` scale (docs/scaling.md)."""
    from .engines import default_jobs

    cmd.add_argument(
        "--jobs",
        "-j",
        type=positive,
        default=default_jobs(),
        metavar="N",
        help=f"parse with N worker processes (default: all cores, here {default_jobs()}); "
        "with --engine dask and no --scheduler, the local cluster's worker count",
    )
    cmd.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: this machine (default); dask: a Dask cluster, see --scheduler",
    )
    cmd.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: the scheduler to use (tcp://host:8786); without it a LocalCluster "
        "of --jobs worker processes is started on this machine",
    )
    cmd.add_argument(
        "--cache",
        type=Path,
        metavar="DIR",
        help="per-article cache: unchanged articles (same bytes, model, rules, data and code) are "
        "not parsed again (default: OUT/cache; delete it at any time)",
    )
    cmd.add_argument("--no-cache", action="store_true", help="parse every article: neither read nor write the cache")


def add_query_command(sub) -> None:
    """``query``: questions answered from the claim store (``claims.sqlite``)."""
    from .query import FORMATS

    q = sub.add_parser("query", help="answer questions from out/claims.sqlite: relations-with, between, conflicts")
    questions = q.add_subparsers(dest="question", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        type=Path,
        default=Path("out/claims.sqlite"),
        help="the claim store to read (default: out/claims.sqlite)",
    )
    common.add_argument("--format", choices=FORMATS, default="table", help="table (default), json or csv")
    rel = questions.add_parser(
        "relations-with",
        parents=[common],
        help="which states have diplomatic relations with CODE (latest relations event: established or restored)",
    )
    rel.add_argument("code", help="a state's code, e.g. PRK")
    rel.add_argument(
        "--as-of",
        metavar="DATE",
        help="only events up to DATE (YYYY, YYYY-MM or YYYY-MM-DD, to its last day); default: all",
    )
    bet = questions.add_parser("between", parents=[common], help="every claim about the pair CODE CODE, in date order")
    bet.add_argument("codes", nargs=2, metavar="CODE")
    questions.add_parser(
        "conflicts",
        parents=[common],
        help="claims from different articles that disagree (polarity, or dates of a one-off event)",
    )


def add_review_commands(sub) -> None:
    """``draft`` and ``export``: predictions handed to a person (or a labelling tool) to correct."""
    dr = sub.add_parser(
        "draft", help="write gold/labels/ID.txt pre-filled from the predictions, every line marked DRAFT"
    )
    dr.add_argument("id", help="article id (its path under the corpus folder, without the extension)")
    dr.add_argument("--gold", type=Path, default=Path("gold"), help="gold folder (default: gold)")
    dr.add_argument("--force", action="store_true", help="replace an existing label file")
    ex = sub.add_parser(
        "export", help="write articles and their predicted spans and claims as Prodigy or doccano JSONL"
    )
    ex.add_argument("ids", nargs="+", metavar="ID", help="article ids")
    ex.add_argument(
        "--format", choices=("prodigy", "doccano"), required=True, help="the labelling tool's import format"
    )
    ex.add_argument("--to", type=Path, help="output file (default: out/export-FORMAT.jsonl)")
    for cmd in (dr, ex):
        cmd.add_argument("--corpus", type=Path, default=Path("corpus"), help="articles folder (default: corpus)")
        cmd.add_argument(
            "--pred",
            type=Path,
            default=Path("out/claims.jsonl"),
            help="predicted claims.jsonl, entities.jsonl beside it (default: out/claims.jsonl)",
        )


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
    return (
        f"all outputs in {outputs.folder} were replaced"
        if outputs.committed
        else f"nothing written to {outputs.folder}"
    )


def _extract(args, outputs: OutputSet, with_reports: bool) -> int:
    from .cache import ArticleCache, fingerprint
    from .corpus import corpus_files, id_of
    from .engines import Engine
    from .runs import extract_corpus, report_run

    files = corpus_files(args.corpus)
    if not files:
        raise InputError(args.corpus, "no .txt or .md articles found")
    gold = None
    if with_reports:  # checked before any parsing; scoring imports spaCy, which a cached `extract` never needs
        from .score import load_gold_for

        gold = load_gold_for(args.gold, {id_of(p, args.corpus) for p in files}, args.corpus)
    cache = None if args.no_cache else ArticleCache(args.cache or args.out / "cache", fingerprint(args.model))
    progress = not args.quiet and sys.stderr.isatty()
    # outputs leave first: they are committed before the workers are shut down
    with Engine(args.model, args.engine, args.jobs, args.scheduler) as engine, outputs:
        done = extract_corpus(args.corpus, files, outputs, engine, cache, progress)
        scores = report_run(args.corpus, outputs, engine, cache, done, gold) if gold is not None else None
    if not args.quiet:
        skipped = f" ({len(done.errors)} bad files skipped)" if done.errors else ""
        reuse = f"; {done.cached} from the cache, {done.parsed} parsed" if cache else ""
        counts = f"{done.entities} entities, {done.claims} claims"
        print(f"{len(done.articles)} articles{skipped}: {counts} → {args.out}{reuse}", file=sys.stderr)
        if cache and cache.ignored:
            print(f"cache: {cache.ignored} bad entries ignored and rebuilt", file=sys.stderr)
        if cache and cache.unwritable:
            print(f"cache not written: {cache.unwritable}", file=sys.stderr)
    if scores is not None:
        print(summary(scores))
    return EXIT_BAD_INPUT if done.errors else 0


def summary(scores: dict) -> str:
    lines = [
        f"claims  strict  P {scores['strict']['precision']:.3f} R {scores['strict']['recall']:.3f} F1 {scores['strict']['f1']:.3f}",
        f"claims  relaxed P {scores['relaxed']['precision']:.3f} R {scores['relaxed']['recall']:.3f} F1 {scores['relaxed']['f1']:.3f}",
    ]
    if scores.get("date_accuracy") is not None:
        lines.append(f"date accuracy of relaxed matches {scores['date_accuracy']:.3f}")
    for rel, s in scores.get("per_relation", {}).items():
        lines.append(
            f"  {rel:22} relaxed P {s['relaxed']['precision']:.3f} R {s['relaxed']['recall']:.3f} F1 {s['relaxed']['f1']:.3f}"
        )
    if "entities" in scores:
        for label, s in scores["entities"]["per_label"].items():
            lines.append(f"entities {label:8} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}")
    return "\n".join(lines)


def cmd_draft(args) -> int:
    from .draft import write_draft

    target, claims, entities = write_draft(args.id, args.pred, args.corpus, args.gold, args.force)
    print(
        f"wrote {target}: {claims} claim and {entities} entity lines marked DRAFT; check each, then "
        f"python tools/build_gold.py {args.id} && claims validate-gold"
    )
    return 0


def cmd_export(args) -> int:
    from .draft import article_predictions
    from .export import export_task
    from .records import write_text

    tasks = [
        export_task(args.format, *article_predictions(args.pred, args.corpus, article_id)) for article_id in args.ids
    ]
    target = args.to or args.pred.with_name(f"export-{args.format}.jsonl")
    write_text(target, "".join(json.dumps(t, ensure_ascii=False) + "\n" for t in tasks))
    print(f"wrote {target}: {len(tasks)} {args.format} task(s)")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    if getattr(args, "scheduler", None) and args.engine != "dask":
        p.error("--scheduler needs --engine dask")
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
        if args.command == "query":
            from .query import run_query

            codes = [args.code] if args.question == "relations-with" else getattr(args, "codes", [])
            print(run_query(args.question, args.db, args.format, codes, getattr(args, "as_of", None)))
            return 0
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
    except BrokenPipeError:
        # "claims run | head": the reader left; the outputs are already complete. Point stdout at
        # /dev/null so the interpreter's final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
