"""Gold drafting round trip (draft → edit → build → validate → scored) and the labelling-tool exports."""

import importlib.util
import json
from pathlib import Path

import pytest

from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = """---
title: Two envoys
published: 2017-10-02
---
# Two *envoys*

Spain expelled the North Korean ambassador in September 2017.

Peru recalled its ambassador from Chile, and Chile later recalled its own.
"""


def build_gold(argv):
    spec = importlib.util.spec_from_file_location("build_gold", ROOT / "tools" / "build_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.main(argv)


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("draft")
    (tmp / "corpus").mkdir()
    (tmp / "corpus" / "envoys.md").write_text(ARTICLE)
    (tmp / "gold").mkdir()
    # no gold yet: 'run' would refuse an empty gold folder (issue 15), so a new corpus starts with 'extract'
    assert main(["extract", "--corpus", str(tmp / "corpus"), "--out", str(tmp / "out")]) == 0
    return tmp


def args(work, *more):
    return [*more, "--corpus", str(work / "corpus"), "--pred", str(work / "out" / "claims.jsonl")]


def test_draft_edit_build_validate_score_round_trip(work, capsys):
    labels = work / "gold" / "labels" / "envoys.txt"
    assert main(args(work, "draft", "envoys", "--gold", str(work / "gold"))) == 0
    draft = labels.read_text()
    body = [line for line in draft.splitlines() if line and not line.startswith(("#", "["))]
    assert body and all(line.startswith("DRAFT ") for line in body)
    assert "DRAFT ESP expel_diplomats PRK 2017-09 positive | Spain expelled the North Korean ambassador" in draft
    assert "DRAFT COUNTRY ESP | Spain" in draft and "DRAFT DATE 2017-09 | September 2017" in draft

    # not checked yet: validate-gold and build_gold.py refuse, naming the first draft line
    capsys.readouterr()
    assert main(["validate-gold", "--gold", str(work / "gold"), "--corpus", str(work / "corpus")]) == 2
    first = 1 + draft.splitlines().index(body[0])
    assert f"envoys.txt:{first}: draft line not checked yet" in capsys.readouterr().err
    assert (
        build_gold(["--labels", str(labels.parent), "--out", str(work / "gold"), "--corpus", str(work / "corpus")]) == 2
    )
    assert f"envoys.txt:{first}" in capsys.readouterr().err

    # the user checks every line: one date is corrected, the rest confirmed
    edited = draft.replace("DRAFT ", "").replace(
        "ESP expel_diplomats PRK 2017-09", "ESP expel_diplomats PRK 2017-09-18"
    )
    labels.write_text(edited)
    assert (
        build_gold(
            ["--labels", str(labels.parent), "--out", str(work / "gold"), "--corpus", str(work / "corpus"), "envoys"]
        )
        == 0
    )
    assert main(["validate-gold", "--gold", str(work / "gold"), "--corpus", str(work / "corpus")]) == 0
    capsys.readouterr()
    assert main(["score", "--gold", str(work / "gold"), "--pred", str(work / "out" / "claims.jsonl"), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    article = scores["per_article"]["envoys"]
    assert article["relaxed"]["f1"] == 1.0  # every drafted claim kept
    assert article["strict"]["fp"] == article["strict"]["fn"] == 1  # the corrected date
    assert scores["entities"]["exact"]["f1"] == 1.0


def test_draft_does_not_replace_a_label_file(work, tmp_path, capsys):
    gold = tmp_path / "gold"
    (gold / "labels").mkdir(parents=True)
    (gold / "labels" / "envoys.txt").write_text("[claims]\n")
    assert main(args(work, "draft", "envoys", "--gold", str(gold))) == 2
    err = capsys.readouterr().err.strip()
    assert "envoys.txt" in err and "--force" in err and "\n" not in err
    assert (gold / "labels" / "envoys.txt").read_text() == "[claims]\n"


def test_draft_of_an_unknown_article_is_one_line_exit_2(work, tmp_path, capsys):
    assert main(args(work, "draft", "no-such-article", "--gold", str(tmp_path))) == 2
    assert "no-such-article" in capsys.readouterr().err


def export(work, fmt, tmp_path):
    target = tmp_path / f"{fmt}.jsonl"
    assert main(args(work, "export", "--format", fmt, "envoys", "--to", str(target))) == 0
    (task,) = [json.loads(line) for line in target.read_text().splitlines()]
    return task


def test_prodigy_export_spans_sit_on_tokens_and_relations_point_at_them(work, tmp_path):
    task = export(work, "prodigy", tmp_path)
    text, tokens = task["text"], task["tokens"]
    assert text == ARTICLE and all(text[t["start"] : t["end"]] == t["text"] for t in tokens)
    spans = {(s["start"], s["end"]): s for s in task["spans"]}
    for s in task["spans"]:
        assert (tokens[s["token_start"]]["start"], tokens[s["token_end"]]["end"]) == (s["start"], s["end"])
    rels = {
        (
            text[r["head_span"]["start"] : r["head_span"]["end"]],
            r["label"],
            text[r["child_span"]["start"] : r["child_span"]["end"]],
        )
        for r in task["relations"]
    }
    assert ("Spain", "expel_diplomats", "North Korean") in rels and ("Peru", "downgrade_relations", "Chile") in rels
    for r in task["relations"]:
        assert r["head"] == r["head_span"]["token_end"] and (r["head_span"]["start"], r["head_span"]["end"]) in spans
    assert task["meta"]["id"] == "envoys" and any(c["date"] == "2017-09" for c in task["meta"]["claims"])


def test_doccano_export_entities_and_relations(work, tmp_path):
    task = export(work, "doccano", tmp_path)
    ents = {e["id"]: task["text"][e["start_offset"] : e["end_offset"]] for e in task["entities"]}
    assert {"Spain", "North Korean", "September 2017", "Peru", "Chile"} <= set(ents.values())
    rels = {(ents[r["from_id"]], r["type"], ents[r["to_id"]]) for r in task["relations"]}
    assert ("Spain", "expel_diplomats", "North Korean") in rels
