"""Words/second of the full claims pipeline vs bare ``nlp.pipe`` of the same model, same texts.

Usage: python bench/throughput.py [--words 50000] [--model NAME]. One run, printed as a ratio.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from pipeline.corpus import read_corpus
from pipeline.nlp import DEFAULT_MODEL, build_nlp

ROOT = Path(__file__).resolve().parents[1]


def texts(min_words: int) -> list[str]:
    articles, _ = read_corpus(ROOT / "corpus")
    base = [a.clean for a in articles]
    out, words = [], 0
    while words < min_words:
        for t in base:
            out.append(t)
            words += len(t.split())
    return out


def rate(nlp, docs: list[str]) -> float:
    """Steady-state words/second: one document first, untimed, so that one-off set-up (model
    buffers, dateparser's lazily built language and timezone tables) is not counted as throughput."""
    words = sum(len(t.split()) for t in docs)
    for _ in nlp.pipe(docs[:1]):
        pass
    start = time.perf_counter()
    for _ in nlp.pipe(docs, batch_size=8):
        pass
    return words / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()
    docs = texts(args.words)
    bare = rate(spacy.load(args.model), docs)
    full = rate(build_nlp(args.model), docs)
    print(
        f"words: {sum(len(t.split()) for t in docs)}  bare nlp.pipe: {bare:,.0f} w/s  "
        f"full pipeline: {full:,.0f} w/s  ratio: {full / bare:.2f}"
    )


if __name__ == "__main__":
    main()
