"""Entities side by side, on the seed gold and on text the project did not write.

1. Seed gold spans: COUNTRY code accuracy vs country_converter (coco), DATE value accuracy vs plain
   ``dateparser.parse``, DATE span F1 vs ``search_dates``.
2. Every state's forms from pycountry + countryinfo (bench/state_forms.py) placed in news
   sentences (bench/data/form_sentences.yml): right code per form type, cross-state errors, false
   positives; coco's code for the bare form beside it. Then one misspelling per name (a letter
   dropped): a wrong state is an error, no entity is not.
3. Date-aware codes (bench/data/period_sentences.tsv).
4. The date set (bench/data/date_set.tsv, written before the date rules) and a hold-out set
   (date_holdout.tsv, written after them): value accuracy and detection F1 per form, beside
   ``dateparser.parse`` (value, with RELATIVE_BASE) and ``search_dates`` (detection).

Usage: python bench/compare_entities.py [--only gold|forms|periods|dates|holdout]  (needs the test extras)
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from collections import Counter, defaultdict
from pathlib import Path

import country_converter as coco
import dateparser
import yaml
from dateparser.search import search_dates

sys.path.insert(0, str(Path(__file__).resolve().parent))
from state_forms import FORM_TYPES, state_forms  # noqa: E402

from pipeline.corpus import read_corpus  # noqa: E402
from pipeline.extract import extract  # noqa: E402
from pipeline.headlines import article_doc  # noqa: E402
from pipeline.nlp import build_nlp  # noqa: E402
from pipeline.score import load_gold  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"


def f1(tp: int, n_pred: int, n_gold: int) -> float:
    p, r = (tp / n_pred if n_pred else 0.0), (tp / n_gold if n_gold else 0.0)
    return 2 * p * r / (p + r) if p + r else 0.0


def parse_all(nlp, items):
    """``items``: (text, published) pairs → Docs, batched."""

    def make():
        for text, published in items:
            yield article_doc(nlp, text, published)

    return list(nlp.pipe(make(), batch_size=64))


def countries(doc):
    return [(e.start_char, e.end_char, e._.code) for e in doc.ents if e.label_ == "COUNTRY"]


def bench_gold(nlp) -> None:
    gold = [e for ents in load_gold(ROOT / "gold", "entities").values() for e in ents]
    articles, _ = read_corpus(ROOT / "corpus")
    ours, _ = extract(nlp, articles)
    ours_by_span = {(e.article, e.start, e.end): e for e in ours}
    cty = [e for e in gold if e.label == "COUNTRY"]
    dates = [e for e in gold if e.label == "DATE"]
    # One batched call: coco's per-name regex scan is slow; pandas<3 is pinned because coco 1.3.2
    # breaks on its own regex table under pandas 3.
    coco_codes = coco.CountryConverter().convert([e.text for e in cty], to="ISO3", not_found=None)
    coco_hits = sum(code == e.code for code, e in zip(coco_codes, cty))
    our_c = sum(getattr(ours_by_span.get((e.article, e.start, e.end)), "code", None) == e.code for e in cty)
    our_d = sum(getattr(ours_by_span.get((e.article, e.start, e.end)), "value", None) == e.value for e in dates)

    def plain(e):
        d = dateparser.parse(e.text)
        return d and e.value in (d.strftime("%Y"), d.strftime("%Y-%m"), d.strftime("%Y-%m-%d"))

    dp_hits = sum(bool(plain(e)) for e in dates)
    gold_spans = {(e.article, e.start, e.end) for e in dates}
    found = set()
    for a in articles:
        for text, _ in search_dates(a.clean, languages=["en"]) or []:
            start = a.clean.find(text)
            while start >= 0:
                found.add((a.id, start, start + len(text)))
                start = a.clean.find(text, start + 1)
    our_spans = {(e.article, e.start, e.end) for e in ours if e.label == "DATE"}
    print("## Seed gold spans")
    print(f"{'measure':48} {'claims':>8} {'other':>8}")
    label = f"COUNTRY code accuracy vs coco (n={len(cty)})"
    print(f"{label:48} {our_c / len(cty):8.3f} {coco_hits / len(cty):8.3f}")
    label = f"DATE value accuracy vs dateparser.parse (n={len(dates)})"
    print(f"{label:48} {our_d / len(dates):8.3f} {dp_hits / len(dates):8.3f}")
    print(
        f"{'DATE span F1 vs search_dates':48} {f1(len(our_spans & gold_spans), len(our_spans), len(gold_spans)):8.3f} "
        f"{f1(len(found & gold_spans), len(found), len(gold_spans)):8.3f}"
    )


def placed(forms):
    """Each form in one of the sentences written for its type (rotating), with its char span."""
    templates = yaml.safe_load((DATA / "form_sentences.yml").read_text(encoding="utf-8"))
    count: Counter = Counter()
    for form in forms:
        group = {"capital": "capital", "demonym": "demonym"}.get(form.kind, "name")
        sentence = templates[group][count[group] % len(templates[group])]
        count[group] += 1
        start = sentence.index("{}")
        text = sentence.replace("{}", form.text)
        if start == 0:
            text = text[0].upper() + text[1:]
        yield form, text, (start, start + len(form.text))


def misspelt(forms):
    """A letter dropped from the middle of each name of 7+ letters: what a typo looks like."""
    for form in forms:
        if form.kind in ("common name", "capital") and len(form.text) >= 7 and " " not in form.text:
            mid = len(form.text) // 2
            yield form.__class__(form.code, form.kind, form.text[:mid] + form.text[mid + 1 :])


def bench_forms(nlp) -> None:
    forms = state_forms()
    rows = list(placed(forms))
    docs = parse_all(nlp, [(text, "2020-06-15") for _, text, _ in rows])
    coco_codes = coco.CountryConverter().convert([f.text for f in forms], to="ISO3", not_found=None)
    coco_by = {(f.code, f.text): c for f, c in zip(forms, coco_codes)}
    right, wrong_state, fps, n = Counter(), Counter(), Counter(), Counter()
    coco_right = Counter()
    misses = defaultdict(list)
    for (form, _, span), doc in zip(rows, docs):
        n[form.kind] += 1
        coco_right[form.kind] += coco_by[(form.code, form.text)] == form.code
        got = {(s, e): c for s, e, c in countries(doc)}
        code = got.pop(span, None)
        right[form.kind] += code == form.code
        wrong_state[form.kind] += code is not None and code != form.code
        fps[form.kind] += len(got)
        if code != form.code:
            misses[form.kind].append(f"{form.text} ({form.code}) -> {code}")
    print(f"\n## Every state's forms in news sentences ({len(forms)} forms, {len(set(f.code for f in forms))} states)")
    print(f"{'form type':16} {'n':>5} {'right code':>11} {'coco':>7} {'wrong state':>12} {'other FP':>9}")
    for kind in FORM_TYPES:
        print(
            f"{kind:16} {n[kind]:5d} {right[kind] / n[kind]:11.3f} {coco_right[kind] / n[kind]:7.3f} {wrong_state[kind]:12d} {fps[kind]:9d}"
        )
    for kind in FORM_TYPES:
        if misses[kind]:
            print(f"  misses, {kind}: " + "; ".join(misses[kind][:40]) + (" …" if len(misses[kind]) > 40 else ""))
    typos = list(misspelt(forms))
    rows = list(placed(typos))
    docs = parse_all(nlp, [(text, "2020-06-15") for _, text, _ in rows])
    hits = cross = 0
    crossed = []
    for (form, _, span), doc in zip(rows, docs):
        code = {(s, e): c for s, e, c in countries(doc)}.get(span)
        hits += code == form.code
        if code is not None and code != form.code:
            cross += 1
            crossed.append(f"{form.text} ({form.code}) -> {code}")
    print(
        f"misspelt names (n={len(typos)}): right code {hits / len(typos):.3f}, cross-state errors {cross}"
        + (": " + "; ".join(crossed) if crossed else "")
    )


def read_tsv(path: Path) -> list[list[str]]:
    return [
        line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")
    ]


def bench_periods(nlp) -> None:
    rows = read_tsv(DATA / "period_sentences.tsv")
    docs = parse_all(nlp, [(text, None if pub == "-" else pub) for pub, text, _, _ in rows])
    right, wrong = 0, []
    for (_pub, text, form, code), doc in zip(rows, docs):
        start = text.index(form)
        got = {(s, e): c for s, e, c in countries(doc)}.get((start, start + len(form)))
        right += got == code
        if got != code:
            wrong.append(f"{text!r}: {form} -> {got}, want {code}")
    print(f"\n## Date-aware codes (n={len(rows)}): right {right / len(rows):.3f}" + "".join(f"\n  {w}" for w in wrong))


def expected_dates(text: str, expected: str) -> list[tuple[int, int, str | None]]:
    out, pos = [], 0
    for item in filter(None, expected.split(" ;; ")):
        span, value = item.split(" => ")
        start = text.index(span, pos)
        pos = start + len(span)
        out.append((start, pos, None if value == "null" else value))
    return out


def naive_value(text: str, published: str | None) -> str | None:
    settings = {"RELATIVE_BASE": dt.datetime.fromisoformat(published)} if published and len(published) == 10 else {}
    d = dateparser.parse(text, languages=["en"], settings=settings)
    return d  # compared at the expected granularity below


def bench_dates(nlp, name: str = "date_set.tsv") -> None:
    rows = read_tsv(DATA / name)
    items = [(form, None if pub == "-" else pub, text, expected_dates(text, exp)) for form, pub, text, exp in rows]
    docs = parse_all(nlp, [(text, pub) for _, pub, text, _ in items])
    per = defaultdict(Counter)
    wrong = []
    for (form, pub, text, gold), doc in zip(items, docs):
        ours = {(e.start_char, e.end_char): e._.value for e in doc.ents if e.label_ == "DATE"}
        theirs = {
            (text.index(t), text.index(t) + len(t))
            for t, _ in (
                search_dates(
                    text,
                    languages=["en"],
                    settings=({"RELATIVE_BASE": dt.datetime.fromisoformat(pub)} if pub and len(pub) == 10 else {}),
                )
                or []
            )
        }
        c = per[form]
        c["gold"] += len(gold)
        c["pred"] += len(ours)
        c["dp_pred"] += len(theirs)
        for start, end, value in gold:
            c["tp"] += (start, end) in ours
            c["dp_tp"] += (start, end) in theirs
            ok = (start, end) in ours and ours[(start, end)] == value
            c["value"] += ok
            d = naive_value(text[start:end], pub)
            fmt = {4: "%Y", 7: "%Y-%m", 10: "%Y-%m-%d"}.get(len(value or ""))
            c["dp_value"] += (value is None and d is None) or bool(d and fmt and d.strftime(fmt) == value)
            if not ok:
                wrong.append(
                    f"[{form}] {text!r} ({pub}): {text[start:end]!r} want {value}, got {ours.get((start, end), 'no span')}"
                )
        for span, value in ours.items():
            if span not in {(s, e) for s, e, _ in gold}:
                wrong.append(f"[{form}] {text!r} ({pub}): extra {text[span[0] : span[1]]!r} = {value}")
    print(f"\n## {name} ({len(items)} sentences, {sum(c['gold'] for c in per.values())} dates)")
    print(f"{'form':18} {'dates':>5} {'value':>7} {'naive':>7} {'det F1':>7} {'search':>7}")
    total = Counter()
    for form, c in per.items():
        total.update(c)
        n = c["gold"] or 1
        print(
            f"{form:18} {c['gold']:5d} {c['value'] / n:7.3f} {c['dp_value'] / n:7.3f} "
            f"{f1(c['tp'], c['pred'], c['gold']) if c['gold'] else float(c['pred'] == 0):7.3f} "
            f"{f1(c['dp_tp'], c['dp_pred'], c['gold']) if c['gold'] else float(c['dp_pred'] == 0):7.3f}"
            + (f"   (false dates: ours {c['pred']}, search_dates {c['dp_pred']})" if not c["gold"] else "")
        )
    n = total["gold"]
    print(
        f"{'all':18} {n:5d} {total['value'] / n:7.3f} {total['dp_value'] / n:7.3f} "
        f"{f1(total['tp'], total['pred'], n):7.3f} {f1(total['dp_tp'], total['dp_pred'], n):7.3f}"
    )
    for w in wrong:
        print("  " + w)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=("gold", "forms", "periods", "dates", "holdout"))
    args = ap.parse_args()
    logging.getLogger("country_converter").setLevel(logging.CRITICAL)
    nlp = build_nlp()
    for name, run in (
        ("gold", bench_gold),
        ("forms", bench_forms),
        ("periods", bench_periods),
        ("dates", bench_dates),
        ("holdout", lambda nlp: bench_dates(nlp, "date_holdout.tsv")),
    ):
        if args.only in (None, name):
            run(nlp)


if __name__ == "__main__":
    main()
