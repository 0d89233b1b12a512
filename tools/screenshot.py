"""Make docs/report-screenshot.png: the HTML report as headless Chromium draws it.

Runs `claims run` on a temporary copy of corpus/ and gold/ plus one demo article of its own whose
demo gold differs from what the pipeline finds in a date, a polarity and a direction, so that the
picture shows those rows too. Two crops of one full-page screenshot, stacked: the top of the report
(summary, errors, charts) and the demo article's displaCy section. Usage:
    python tools/screenshot.py [OUT.png]        (needs Debian's chromium; Pillow comes with matplotlib)
"""

from __future__ import annotations

import html
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

from PIL import Image

from pipeline.cli import main as claims
from pipeline.report.browser import CHROMIUM, available, run_chromium

ROOT = Path(__file__).resolve().parents[1]
WIDTH = 1300
DEMO_ID = "zz-review-demo"
DEMO = """---
title: Review demo (written for the screenshot)
published: 2018-04-02
---
Spain expelled the North Korean ambassador in March 2018.

Mexico recalled its ambassador from Cuba in 2015.

Chile has established diplomatic relations with Peru.
"""
DEMO_GOLD = [  # (sentence start, subject, relation, object, date, polarity): each differs from the prediction in one field
    ("Spain expelled", "ESP", "expel_diplomats", "PRK", "2018-03-26", "positive"),
    ("Mexico recalled", "CUB", "downgrade_relations", "MEX", "2015", "positive"),
    ("Chile has", "CHL", "establish_relations", "PER", None, "negative"),
]
# reads where the parts are; the screenshot itself is of the unchanged report
MEASURE = """<script type="module">
const box = el => { const r = el.getBoundingClientRect(); return [Math.round(r.top + scrollY), Math.round(r.bottom + scrollY)]; };
const demo = [...document.querySelectorAll("section.article")].find(s => s.querySelector("h3 code").textContent === "%s");
document.body.dataset.layout = JSON.stringify({height: document.documentElement.scrollHeight,
  charts: box(document.querySelector(".charts")), demo: box(demo)});
</script></body>"""


def demo_gold_line(start_words: str, subject: str, relation: str, obj: str, date: str | None, polarity: str) -> str:
    start = DEMO.index(start_words)
    end = DEMO.index(".", start) + 1
    return json.dumps(
        {
            "article": DEMO_ID,
            "subject": subject,
            "relation": relation,
            "object": obj,
            "date": date,
            "polarity": polarity,
            "evidence": DEMO[start:end],
            "start": start,
            "end": end,
        }
    )


def make_report(tmp: Path) -> Path:
    shutil.copytree(ROOT / "corpus", tmp / "corpus")
    shutil.copytree(ROOT / "gold", tmp / "gold", ignore=shutil.ignore_patterns("passes", "labels"))
    (tmp / "corpus" / f"{DEMO_ID}.md").write_text(DEMO, encoding="utf-8")
    (tmp / "gold" / "claims" / f"{DEMO_ID}.jsonl").write_text("".join(demo_gold_line(*g) + "\n" for g in DEMO_GOLD))
    if claims(["run", "--corpus", str(tmp / "corpus"), "--gold", str(tmp / "gold"), "--out", str(tmp / "out")]) != 0:
        sys.exit("claims run failed")
    return tmp / "out" / "report.html"


def layout(report: Path) -> dict:
    probe = report.with_name("measure.html")
    probe.write_text(report.read_text(encoding="utf-8").replace("</body>", MEASURE % DEMO_ID), encoding="utf-8")
    run = run_chromium(probe, f"--window-size={WIDTH},1000", "--dump-dom")
    found = re.search(r'data-layout="([^"]*)"', run.stdout)
    if not found:
        sys.exit(f"could not measure the page: {run.stderr[-500:]}")
    return json.loads(html.unescape(found.group(1)))


def main(argv: list[str]) -> None:
    target = Path(argv[0]) if argv else ROOT / "docs" / "report-screenshot.png"
    if not available():
        sys.exit(f"{CHROMIUM} not found: apt-get install -y chromium")
    with tempfile.TemporaryDirectory(prefix="claims-shot-") as tmp:
        report = make_report(Path(tmp))
        parts = layout(report)
        shot = Path(tmp) / "page.png"
        run_chromium(report, f"--window-size={WIDTH},{parts['height']}", f"--screenshot={shot}")
        page = Image.open(shot)
        top = page.crop((0, 0, WIDTH, parts["charts"][1] + 20))
        demo = page.crop((0, parts["demo"][0] - 10, WIDTH, min(parts["demo"][1], parts["demo"][0] + 900)))
        out = Image.new("RGB", (WIDTH, top.height + demo.height + 30), "white")
        out.paste(top, (0, 0))
        out.paste(demo, (0, top.height + 30))
        target.parent.mkdir(parents=True, exist_ok=True)
        out.save(target, optimize=True)
    print(f"wrote {target} ({out.width}x{out.height})")


if __name__ == "__main__":
    main(sys.argv[1:])
