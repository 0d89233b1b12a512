"""The one error type for bad input: it names the file (and line) in one line."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Bad input file; ``str()`` is the one-line message the CLI prints (exit 2)."""

    def __init__(self, path: str | Path, message: str, line: int | None = None):
        self.path, self.message, self.line = str(path), message, line
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")

    def __reduce__(self):  # pickled back from a worker process with its own fields, not the message
        return (InputError, (self.path, self.message, self.line))
