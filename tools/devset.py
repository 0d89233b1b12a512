"""The real-news development set (``dev/``): its source list, its folds, and the check that the
rebuilt texts still hold every gold evidence string.

The article texts are third-party pages and stay out of git: ``dev/SOURCES.md`` says where each
came from (url, the search query and which hit) so ``dev/corpus/`` can be rebuilt (dev/README.md).
Usage:
    python tools/devset.py merge        # dev/sources/*.tsv → dev/SOURCES.md, folds assigned once
    python tools/devset.py check        # every gold evidence string is in its rebuilt article
    python tools/devset.py ids [FOLD]   # the article ids of a fold (tune, check) or of all
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "dev"
SOURCES = DEV / "SOURCES.md"
FOLDS = ("tune", "check")
COLUMNS = ("id", "fold", "topic", "outlet", "published", "title", "url", "query", "hit")
TSV_FIELDS = ("id", "url", "outlet", "published", "title", "query", "hit", "topic", "relations")
CHECK_SHARE = 1 / 3
SEED = 20261202  # the folds were drawn once, with this seed, when the set was first merged

HEADER = """# Development set: sources

Real English news articles, not in `corpus/`, found with the search tool's `search` verb over the
stored public web pages (`pages` corpus). Each row says which query found the page and at which
rank (`hit`), so the text can be rebuilt into the git-ignored `dev/corpus/<id>.md` (see
`dev/README.md`). The texts are third-party pages and are never committed; the gold
(`dev/gold/claims/<id>.jsonl`) is.

`fold` was drawn once, when the set was merged (`python tools/devset.py merge`, seeded shuffle
within each topic, a third to `check`): rules are written while reading `tune` articles only;
`check` articles are scored, never read for rule writing.

"""


@dataclass(frozen=True)
class Source:
    id: str
    fold: str
    topic: str
    outlet: str
    published: str
    title: str
    url: str
    query: str
    hit: str

    @property
    def path(self) -> Path:
        return DEV / "corpus" / f"{self.id}.md"


def _cell(text: str) -> str:
    return " ".join(str(text).replace("|", "/").split())


def read_sources(path: Path = SOURCES) -> list[Source]:
    """The rows of SOURCES.md's table; a malformed row stops with its line number."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.startswith("| ") or line.startswith("| id |"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if len(cells) != len(COLUMNS) or cells[1] not in FOLDS:
            sys.exit(f"{path}:{n}: want {len(COLUMNS)} cells ({', '.join(COLUMNS)}) with fold in {FOLDS}")
        rows.append(Source(*cells))
    return rows


def fold_ids(fold: str | None = None) -> list[str]:
    return [s.id for s in read_sources() if fold in (None, s.fold)]


def merge(tsv_dir: Path = DEV / "sources") -> list[Source]:
    """Collect the finders' TSV rows; rows already in SOURCES.md keep their fold, new ones get one."""
    old = {s.id: s for s in read_sources()} if SOURCES.is_file() else {}
    found: dict[str, dict] = {}
    for path in sorted(tsv_dir.glob("*.tsv")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            cells = line.split("\t")
            if len(cells) < len(TSV_FIELDS) - 1:
                sys.exit(f"{path}:{n}: want tab-separated {', '.join(TSV_FIELDS)}")
            row = dict(zip(TSV_FIELDS, cells))
            if row["id"] in found or any(r["url"] == row["url"] for r in found.values()):
                sys.exit(f"{path}:{n}: duplicate article {row['id']!r} / {row['url']}")
            found[row["id"]] = row
    rng = random.Random(SEED)
    folds = {i: s.fold for i, s in old.items()}
    for topic in sorted({r["topic"] for r in found.values()}):
        new = sorted(i for i, r in found.items() if r["topic"] == topic and i not in folds)
        rng.shuffle(new)
        n_check = round(len(new) * CHECK_SHARE)
        folds.update({i: "check" if k < n_check else "tune" for k, i in enumerate(new)})
    rows = [
        Source(i, folds[i], r["topic"], r["outlet"], r["published"], r["title"], r["url"], r["query"], r["hit"])
        for i, r in sorted(found.items())
    ]
    table = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    table += ["| " + " | ".join(_cell(getattr(s, c)) or "-" for c in COLUMNS) + " |" for s in rows]
    SOURCES.write_text(HEADER + "\n".join(table) + "\n", encoding="utf-8")
    return rows


def normalise(text: str) -> str:
    return " ".join(text.split())


def missing_evidence(gold_dir: Path = DEV / "gold" / "claims") -> list[str]:
    """One line per gold claim whose evidence string is not in its rebuilt article (or no article)."""
    problems = []
    texts = {s.id: s.path.read_text(encoding="utf-8") for s in read_sources() if s.path.is_file()}
    for path in sorted(gold_dir.glob("*.jsonl")):
        text = texts.get(path.stem)
        if text is None:
            problems.append(f"{path}: no rebuilt article dev/corpus/{path.stem}.md")
            continue
        flat = normalise(text)
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                claim = json.loads(line)
                if claim["evidence"] not in text and normalise(claim["evidence"]) not in flat:
                    problems.append(f"{path}:{n}: evidence not in the article: {claim['evidence'][:60]!r}")
    return problems


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("merge", "check", "ids"))
    ap.add_argument("fold", nargs="?", choices=FOLDS)
    args = ap.parse_args(argv)
    if args.command == "merge":
        rows = merge()
        for fold in FOLDS:
            print(fold, sum(1 for r in rows if r.fold == fold), "articles")
        return 0
    if args.command == "ids":
        print("\n".join(fold_ids(args.fold)))
        return 0
    absent = [s.id for s in read_sources() if not s.path.is_file()]
    problems = [f"dev/corpus/{i}.md: not rebuilt" for i in absent] + missing_evidence()
    print("\n".join(problems) or f"dev set OK: {len(read_sources())} articles, every gold evidence string present")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
