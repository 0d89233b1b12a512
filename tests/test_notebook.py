import base64
import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[1]
PNG = b"\x89PNG\r\n\x1a\n"


def test_notebook_draws_on_shipped_corpus(tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert main(["extract", "--corpus", str(ROOT / "corpus"), "--out", str(out)]) == 0
    monkeypatch.setenv("CLAIMS_OUT", str(out))
    nb = nbformat.read(ROOT / "notebooks" / "explore_claims.ipynb", as_version=4)
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}
    ).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    printed = "".join(o.get("text", "") for o in outputs)
    assert "dated claims" in printed and "states in the network" in printed
    images = [
        base64.b64decode(o["data"]["image/png"])
        for o in outputs
        if o["output_type"] == "display_data" and "image/png" in o.get("data", {})
    ]
    assert len(images) == 2 and all(img.startswith(PNG) and len(img) > 10_000 for img in images)  # timeline, network
    assert os.environ["CLAIMS_OUT"] == str(out)
