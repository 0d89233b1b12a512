"""Turn hand-written label files (gold/labels/<id>.txt) into gold/claims and gold/entities JSONL.

Labels are written by reading the article; this script only computes offsets: an entity form is
labelled at every occurrence in the cleaned text (longest form first, [block] phrases excluded),
and a claim's evidence is the spaCy sentence containing its anchor. Usage:
    python tools/build_gold.py [--labels DIR] [--out DIR] [--corpus DIR] [ID ...]
(defaults: gold/labels → gold, articles in corpus/; the second labelling pass uses gold/passes/pass2
→ gold/passes/pass2; the dev set: --labels dev/labels --out dev/gold --corpus dev/corpus). A label
file without an [entities] section (the dev set labels claims only) writes no entity file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from pipeline.corpus import article_path, read_article
from pipeline.errors import InputError
from pipeline.gold import check_not_draft
from pipeline.nlp import build_nlp

ROOT = Path(__file__).resolve().parents[1]


def parse_labels(path: Path) -> dict[str, list[str]]:
    sections, current = {}, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if m := re.fullmatch(r"\[(\w+)\]", line.strip()):
            current = sections.setdefault(m.group(1), [])
        else:
            current.append(line)
    return sections


def find_all(text: str, form: str):
    for m in re.finditer(rf"(?<![\w]){re.escape(form)}(?![\w])", text):
        yield m.start(), m.end()


def entities(article, lines: list[str], block: list[str]) -> list[dict]:
    forms = []
    for line in lines:
        head, *names = [p.strip() for p in line.split("|")]
        label, code = head.split(" ", 1)
        forms += [(name, label, code) for name in names]
    taken = [span for phrase in block for span in find_all(article.clean, phrase)]
    out = []
    for name, label, code in sorted(forms, key=lambda f: -len(f[0])):
        for s, e in find_all(article.clean, name):
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            key = "value" if label == "DATE" else "code"
            value = None if label == "DATE" and code == "-" else code  # an unresolved date: value null
            out.append(
                {"article": article.id, "start": s, "end": e, "text": article.text[s:e], "label": label, key: value}
            )
    return sorted(out, key=lambda x: x["start"])


def claims(article, lines: list[str], doc, label_path: Path) -> list[dict]:
    out = []
    for line in lines:
        fields, anchor = [p.strip() for p in line.split("|", 1)]
        subject, relation, obj, date, polarity = (
            fields.rsplit(" ", 4) if fields.startswith("OTHER:") else _split(fields)
        )
        pos = article.clean.find(anchor)
        if pos < 0:
            raise InputError(label_path, f"anchor not found in {article.id}: {anchor!r}")
        sent = next(s for s in doc.sents if s.start_char <= pos < s.end_char)
        evidence = article.text[sent.start_char : sent.end_char]
        start = sent.start_char + len(evidence) - len(evidence.lstrip())
        evidence = evidence.strip()
        out.append(
            {
                "article": article.id,
                "subject": subject,
                "relation": relation,
                "object": obj,
                "date": None if date == "-" else date,
                "polarity": polarity,
                "evidence": evidence,
                "start": start,
                "end": start + len(evidence),
            }
        )
    return out


def _split(fields: str):
    subject, relation, rest = fields.split(" ", 2)
    obj, date, polarity = rest.rsplit(" ", 2)
    return subject, relation, obj, date, polarity


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--labels", type=Path, default=ROOT / "gold" / "labels")
    ap.add_argument("--out", type=Path, default=ROOT / "gold")
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("ids", nargs="*")
    args = ap.parse_args(argv)
    try:
        build(args.labels, args.out, args.corpus, args.ids)
    except InputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


def build(labels: Path, out: Path, corpus: Path, ids: list[str]) -> None:
    """Write gold for ``ids`` (default: every label file); every id is checked before any work."""
    label_files = {p.stem: p for p in sorted(labels.glob("*.txt"))}
    if not label_files:
        raise InputError(labels, "no label files (<id>.txt) here")
    for article_id in ids:
        if article_id not in label_files:
            raise InputError(labels / f"{article_id}.txt", f"no label file for id {article_id!r}")
    todo = [(label_files[i], article_path(corpus, i)) for i in (ids or label_files)]
    for label_path, corpus_path in todo:
        if corpus_path is None:
            raise InputError(label_path, f"no corpus article {label_path.stem!r} in {corpus} (.txt or .md)")
        check_not_draft(label_path)  # a draft still carries predictions: it is no gold yet
    nlp = build_nlp()
    for label_path, corpus_path in todo:
        article = read_article(corpus_path, corpus)
        sections = parse_labels(label_path)
        doc = nlp(article.clean)
        block = [phrase.strip() for line in sections.get("block", []) for phrase in line.split("|")]
        for kind, records in (
            ("entities", entities(article, sections.get("entities", []), block)),
            ("claims", claims(article, sections.get("claims", []), doc, label_path)),
        ):
            if kind not in sections:
                continue
            target = out / kind / f"{article.id}.jsonl"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
            print(f"{article.id}: {len(records)} {kind}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
