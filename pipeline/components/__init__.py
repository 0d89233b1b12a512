"""The claims_lines, claims_entities and claims_dates components (the relation stage is
``pipeline.relations``); importing this registers their factories."""

from spacy.tokens import Doc, Span


def register_extensions() -> None:
    """Extension attributes the components write; registered once (scispacy's guard)."""
    for name in ("code", "value"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name, default in (("published", None), ("claims", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()

from . import dates, entities, lines  # noqa: E402,F401  (factory registration)
