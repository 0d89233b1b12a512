"""Headless Chromium (Debian's ``chromium``) for the report's browser test and its screenshot."""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path

CHROMIUM = Path(os.environ.get("CLAIMS_CHROMIUM", "/usr/bin/chromium"))
# no network, no first-run or sync work, a fresh profile each time: runs the same offline and in CI
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--v=0",
]
CONSOLE = re.compile(r":CONSOLE[:(]\d+\)?\] (.*)")


def available() -> bool:
    return CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)


def run_chromium(page: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    """Open ``page`` with ``args`` (``--dump-dom``, ``--screenshot=…``); stdout and stderr as text."""
    with tempfile.TemporaryDirectory(prefix="claims-chromium-") as profile:
        return subprocess.run(
            [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


def console_messages(stderr: str) -> list[str]:
    """What the page wrote to its console (messages and uncaught errors), from Chromium's log."""
    return [m.group(1) for m in CONSOLE.finditer(stderr)]
